/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the readers of outside data share; see gloss-format-reader.h. */

#define G_LOG_DOMAIN "gloss-format-reader"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>

#include "gloss-format-reader.h"

/* At most GLOSS_FORMAT_EXCERPT_CHARS characters of TEXT (LENGTH bytes, or
 * up to its NUL when -1), line breaks and tabs shown as escapes so that the
 * message stays on one line, and "…" when there was more: a 100 MB line
 * must not make a 100 MB message. Always valid UTF-8. */
char *
gloss_format_excerpt (const char *text,
                      gssize      length)
{
  g_autoptr(GString) excerpt = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *end;
  const char *p = text;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  end = length < 0 ? text + strlen (text) : text + length;

  for (; p < end && n_chars < GLOSS_FORMAT_EXCERPT_CHARS; n_chars++)
    {
      const char *next = g_utf8_find_next_char (p, end);

      if (next == NULL)
        next = end;

      if (*p == '\n')
        g_string_append (excerpt, "\\n");
      else if (*p == '\r')
        g_string_append (excerpt, "\\r");
      else if (*p == '\t')
        g_string_append (excerpt, "\\t");
      else
        g_string_append_len (excerpt, p, next - p);
      p = next;
    }

  if (p < end)
    g_string_append (excerpt, "…");

  valid = g_utf8_make_valid (excerpt->str, excerpt->len);
  return g_steal_pointer (&valid);
}

static gboolean
is_blank (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* The label named NAME in DATASET, added if it is new. A project keeps a
 * label's name without the white space around it (gloss_store_add_label ()
 * strips it), so the reader does too: "Actor " is the label "Actor", not a
 * second label that the import would then refuse as a duplicate. The first
 * time a name is changed so, REPORT warns, naming the place (PLACE_FORMAT:
 * "Gloss file x.gloss.jsonl, line 3"). NULL when nothing is left of NAME:
 * the caller says where a label is missing. */
GlossDatasetLabel *
gloss_format_ensure_label (GlossDataset       *dataset,
                           const char         *name,
                           GlossFormatReport  *report,
                           const char         *place_format,
                           ...)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *place = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_trimmed = NULL;
  GlossDatasetLabel *label;
  va_list args;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  label = gloss_dataset_find_label (dataset, name);
  if (label != NULL)
    return label;

  if (is_blank (name))
    return NULL;

  trimmed = g_strstrip (g_strdup (name));
  if (g_str_equal (trimmed, name))
    return gloss_dataset_ensure_label (dataset, name);

  label = gloss_dataset_ensure_label (dataset, trimmed);
  gloss_dataset_add_label_alias (dataset, name, label);

  va_start (args, place_format);
  place = g_strdup_vprintf (place_format, args);
  va_end (args);
  shown = gloss_format_excerpt (name, -1);
  shown_trimmed = gloss_format_excerpt (trimmed, -1);
  gloss_format_report_warn (report,
                            /* Translators: where, the label's name as written, as read */
                            _("%s: the label “%s” was read as “%s”, without the white space "
                              "around it, as Gloss keeps label names"),
                            place, shown, shown_trimmed);

  return label;
}

/* Whether PATH, an entry of the folder whose real path is FOLDER_REAL, is
 * a symbolic link to a file outside that folder. An import of a folder
 * reads what is in it: a link to /etc/passwd or to someone's key must not
 * become a document. Links between the folder's own files are read. A link
 * that leads nowhere is left to the reader, which cannot open it. */
gboolean
gloss_format_link_leaves_folder (const char *folder_real,
                                 const char *path)
{
  g_autofree char *target = NULL;
  struct stat info;
  gsize folder_len;

  g_return_val_if_fail (folder_real != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (lstat (path, &info) != 0 || !S_ISLNK (info.st_mode))
    return FALSE;

  target = realpath (path, NULL);
  if (target == NULL)
    return FALSE;

  folder_len = strlen (folder_real);
  /* "/" holds everything; otherwise the target must be below the folder. */
  if (folder_len == 1 && folder_real[0] == '/')
    return FALSE;

  return !(strncmp (target, folder_real, folder_len) == 0 && target[folder_len] == '/');
}

void
gloss_format_text_init (GlossFormatText *text,
                        const char      *string)
{
  GlossOffsetsCursor mark;

  g_return_if_fail (text != NULL);
  g_return_if_fail (string != NULL);

  text->text = string;
  text->marks = g_array_new (FALSE, FALSE, sizeof (GlossOffsetsCursor));
  gloss_offsets_cursor_init (&text->cursor, string);

  /* One pass: the marks, and the length in both units. */
  gloss_offsets_cursor_init (&mark, string);
  for (;;)
    {
      if (mark.chars % GLOSS_FORMAT_TEXT_MARK == 0)
        g_array_append_val (text->marks, mark);
      if (*mark.position == '\0')
        break;
      mark.units += (guchar) *mark.position >= 0xF0 ? 2 : 1;
      mark.chars++;
      mark.position = g_utf8_next_char (mark.position);
    }

  text->n_chars = mark.chars;
  text->n_units = mark.units;
}

void
gloss_format_text_clear (GlossFormatText *text)
{
  g_clear_pointer (&text->marks, g_array_unref);
}

/* Puts the cursor at the mark at or before CHAR_OFFSET when that is nearer
 * than where it is. */
static void
seek_char (GlossFormatText *text,
           gsize            char_offset)
{
  gsize index = MIN (char_offset / GLOSS_FORMAT_TEXT_MARK, text->marks->len - 1);
  GlossOffsetsCursor *mark = &g_array_index (text->marks, GlossOffsetsCursor, index);
  gsize distance = text->cursor.chars > char_offset ? text->cursor.chars - char_offset
                                                    : char_offset - text->cursor.chars;

  if (char_offset >= mark->chars && char_offset - mark->chars < distance)
    text->cursor = *mark;
}

static void
seek_utf16 (GlossFormatText *text,
            gsize            utf16_offset)
{
  guint low = 0;
  guint high = text->marks->len;
  GlossOffsetsCursor *mark;
  gsize distance = text->cursor.units > utf16_offset ? text->cursor.units - utf16_offset
                                                     : utf16_offset - text->cursor.units;

  /* The last mark at or before UTF16_OFFSET. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (text->marks, GlossOffsetsCursor, middle).units <= utf16_offset)
        low = middle;
      else
        high = middle;
    }

  mark = &g_array_index (text->marks, GlossOffsetsCursor, low);
  if (utf16_offset >= mark->units && utf16_offset - mark->units < distance)
    text->cursor = *mark;
}

/* As gloss_offsets_cursor_char_to_byte (). */
gsize
gloss_format_text_char_to_byte (GlossFormatText *text,
                                gsize            char_offset)
{
  seek_char (text, char_offset);
  return gloss_offsets_cursor_char_to_byte (&text->cursor, char_offset);
}

/* Python's text[start:end]. */
char *
gloss_format_text_dup_range (GlossFormatText *text,
                             gsize            start,
                             gsize            end)
{
  gsize begin;

  g_return_val_if_fail (start <= end, NULL);

  begin = gloss_format_text_char_to_byte (text, start);
  return g_strndup (text->text + begin, gloss_format_text_char_to_byte (text, end) - begin);
}

/* As gloss_offsets_cursor_utf16_to_char (), errors and all. */
gboolean
gloss_format_text_utf16_to_char (GlossFormatText  *text,
                                 gsize             utf16_offset,
                                 gsize            *char_offset,
                                 GError          **error)
{
  seek_utf16 (text, utf16_offset);
  return gloss_offsets_cursor_utf16_to_char (&text->cursor, utf16_offset, char_offset, error);
}
