/* SPDX-License-Identifier: GPL-3.0-or-later */

/* brat standoff (https://brat.nlplab.org/standoff.html), read and written.
 *
 * A brat folder holds, per document, NAME.txt (the text exactly as stored,
 * CRLF kept: brat counts code points over the file as it is) and NAME.ann,
 * one annotation a line:
 *
 *   T1<TAB>Hardline_camp 12 21<TAB>Tehran 🇮🇷
 *   #1<TAB>AnnotatorNotes T1<TAB>the note
 *
 * plus annotation.conf, which lists the entity types with a
 * "# gloss-label: TYPE = Label name" comment per label, and visual.conf, with
 * the label names and colors brat shows. Type names come from label names
 * through gloss-type-name.h ("Hardline camp" is "Hardline_camp").
 *
 * Writing:
 * - A document's files are named after it, without a trailing ".txt"; the
 *   characters file systems refuse (/ \ : * ? " < > | and control characters)
 *   and a leading dot become "_" ("a/b" is a_b.txt), and "-2", "-3"... keep
 *   names apart that a case-insensitive file system would confuse.
 * - brat reads .ann files line by line, so a span that crosses a line break
 *   is written as its fragments between the breaks ("T1<TAB>Actor 0 3;5 10"),
 *   the way brat itself stores such a selection; reading joins fragments
 *   that only line breaks separate back into one span.
 * - brat has no place for annotators, document status, label hotkeys or
 *   descriptions: they are counted as lost.
 * - The [relations] section allows any overlap between entities, since Gloss
 *   spans may nest and cross and brat refuses crossing spans by default.
 *
 * Reading takes a folder (every NAME.txt and NAME.ann in it, in name order,
 * since a folder has no other; a .txt without .ann is a document without
 * spans; subfolders are named in a warning and left) or one .ann with its .txt
 * beside it. The text a T line repeats must be the text at its offsets, or
 * the file is refused: that is how offsets counted in bytes or UTF-16 units
 * are caught before they become wrong spans. A discontinuous span becomes one
 * span per fragment, with a warning; relations, events, attributes,
 * normalizations and equivalences are counted and skipped; AnnotatorNotes
 * become span notes. A document is named after its .txt file. Label names
 * come from the gloss-label comments, else from undoing the type-name
 * mapping; colors from visual.conf.
 */

#define G_LOG_DOMAIN "gloss-format-brat"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-offsets.h"
#include "gloss-text-file.h"
#include "gloss-tokenizer.h"
#include "gloss-type-name.h"

#define ANNOTATION_CONF "annotation.conf"
#define VISUAL_CONF "visual.conf"
#define LABEL_COMMENT "# gloss-label: "
#define LABEL_COMMENT_SEPARATOR " = "

/* The longest file name a document gets, in bytes, leaving room for ".txt",
 * a "-NNN" to keep names apart, and the 255-byte limit of most file systems. */
#define MAX_STEM_BYTES 200

typedef struct
{
  gint64 start;
  gint64 end;
} Fragment;

static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

static gboolean
has_line_break (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Lines of a .ann or .conf file, CR of a CRLF ending dropped. */
static char **
split_lines (const char *contents)
{
  char **lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize length = strlen (lines[i]);

      if (length > 0 && lines[i][length - 1] == '\r')
        lines[i][length - 1] = '\0';
    }

  return lines;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* ---- Writing ---------------------------------------------------------- */

typedef struct
{
  GlossDatasetSource *source;
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GHashTable *file_keys;     /* case-folded file names in use */
  GPtrArray *label_names;    /* every label written: the label set, then any other used */
  GHashTable *labels;        /* label name -> GlossDatasetLabel (borrowed) or NULL */
} BratWriter;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossDatasetSpan *span_a = *(GlossDatasetSpan **) a;
  const GlossDatasetSpan *span_b = *(GlossDatasetSpan **) b;
  int order;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  if (span_a->end != span_b->end)
    return span_a->end > span_b->end ? -1 : 1;
  if ((order = g_strcmp0 (span_a->label, span_b->label)) != 0)
    return order;
  return g_strcmp0 (span_a->note, span_b->note);
}

static char *
file_stem_for (const char *name)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  gsize length = strlen (name);

  if (length > 4 && g_ascii_strcasecmp (name + length - 4, ".txt") == 0)
    length -= 4;

  for (const char *p = name; p < name + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (stem->len + (next - p) > MAX_STEM_BYTES)
        break;

      if (c < 0x20 || c == 0x7F || strchr ("/\\:*?\"<>|", c) != NULL
          || (stem->len == 0 && c == '.'))
        g_string_append_c (stem, '_');
      else
        g_string_append_len (stem, p, next - p);
    }

  if (stem->len == 0)
    g_string_append (stem, "document");

  return g_string_free (g_steal_pointer (&stem), FALSE);
}

static char *
file_key (const char *stem)
{
  g_autofree char *normalized = g_utf8_normalize (stem, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized, -1);
}

/* A stem no earlier document has, on any file system. */
static char *
unique_stem (BratWriter *writer,
             const char *name)
{
  g_autofree char *base = file_stem_for (name);
  char *stem = g_strdup (base);

  for (guint n = 2;; n++)
    {
      char *key = file_key (stem);

      if (!g_hash_table_contains (writer->file_keys, key))
        {
          g_hash_table_add (writer->file_keys, key);
          return stem;
        }

      g_free (key);
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, n);
    }
}

/* The parts of START-END between line breaks, and their texts joined with
 * spaces, as brat joins the fragments of a span. */
static GArray *
split_at_line_breaks (const char *text,
                      GlossOffsetsCursor *cursor,
                      gint64      start,
                      gint64      end,
                      GString    *joined)
{
  GArray *fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  const char *p = text + gloss_offsets_cursor_char_to_byte (cursor, start);
  Fragment fragment = { -1, -1 };

  for (gint64 offset = start; offset < end; offset++, p = g_utf8_next_char (p))
    {
      if (gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
        {
          if (fragment.start >= 0)
            {
              fragment.end = offset;
              g_array_append_val (fragments, fragment);
              fragment.start = -1;
            }
          continue;
        }

      if (fragment.start < 0)
        {
          fragment.start = offset;
          if (fragments->len > 0)
            g_string_append_c (joined, ' ');
        }
      g_string_append_len (joined, p, g_utf8_next_char (p) - p);
    }

  if (fragment.start >= 0)
    {
      fragment.end = end;
      g_array_append_val (fragments, fragment);
    }

  return fragments;
}

/* A note on one line: brat ends an annotation at a line break. */
static char *
note_on_one_line (const char *note,
                  gboolean   *changed)
{
  g_autoptr(GString) line = g_string_new (NULL);

  *changed = FALSE;
  for (const char *p = note; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
        {
          g_string_append_c (line, ' ');
          *changed = TRUE;
        }
      else
        g_string_append_len (line, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static gboolean
write_contents (BratWriter  *writer,
                const char  *file_name,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  g_autofree char *path = g_build_filename (writer->output->folder, file_name, NULL);
  g_autoptr(GError) local_error = NULL;

  /* Straight into the file: the folder is the export's temporary, renamed
   * into place whole once written and synced. */
  if (!g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0666,
                                 &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write %s in “%s”: %s"), file_name, writer->output->display_name,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
note_label_used (BratWriter *writer,
                 const char *name)
{
  if (g_hash_table_contains (writer->labels, name))
    return;

  g_hash_table_insert (writer->labels, g_strdup (name), NULL);
  g_ptr_array_add (writer->label_names, g_strdup (name));
}

static gboolean
write_document (GlossDatasetDocument  *document,
                gpointer               user_data,
                GError               **error)
{
  BratWriter *writer = user_data;
  GlossFormatReport *report = writer->report;
  g_autofree char *stem = unique_stem (writer, document->name);
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autoptr(GPtrArray) spans = g_ptr_array_sized_new (document->spans->len);
  g_autoptr(GString) ann = g_string_new (NULL);
  gsize length = gloss_offsets_count_chars (document->text, -1);
  GlossOffsetsCursor cursor;
  guint n_written = 0;
  guint n_notes = 0;

  if (!g_str_equal (txt_name, document->name))
    gloss_format_report_lose (report, "document name changed to fit file names", "document names changed to fit file names", 1);
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW)
    gloss_format_report_lose (report, "document status", "document statuses", 1);

  /* Sorted apart from the source, which is the caller's; a copy would take
   * the source's free function along. */
  for (guint i = 0; i < document->spans->len; i++)
    g_ptr_array_add (spans, g_ptr_array_index (document->spans, i));
  g_ptr_array_sort (spans, compare_spans);
  gloss_offsets_cursor_init (&cursor, document->text);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (spans, i);
      g_autoptr(GError) span_error = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autoptr(GString) offsets = g_string_new (NULL);
      g_autoptr(GArray) fragments = NULL;
      g_autofree char *type_name = NULL;

      if (!gloss_offsets_check_span (length, span->start, span->end, &span_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("Document “%s”: %s"), document->name, span_error->message);
          return FALSE;
        }

      if (span->label[0] == '\0')
        {
          gloss_format_report_lose (report, "span without a label name", "spans without a label name", 1);
          continue;
        }

      fragments = split_at_line_breaks (document->text, &cursor, span->start, span->end, joined);
      if (fragments->len == 0)
        {
          gloss_format_report_lose (report, "span of line breaks only", "spans of line breaks only", 1);
          continue;
        }
      if (g_array_index (fragments, Fragment, 0).start != span->start
          || g_array_index (fragments, Fragment, fragments->len - 1).end != span->end)
        gloss_format_report_lose (report, "line break at the end of a span (left out)", "line breaks at the ends of spans (left out)", 1);

      for (guint j = 0; j < fragments->len; j++)
        {
          Fragment *fragment = &g_array_index (fragments, Fragment, j);

          g_string_append_printf (offsets, "%s%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  j > 0 ? ";" : "", fragment->start, fragment->end);
        }

      n_written++;
      type_name = gloss_type_name_from_label (span->label);
      note_label_used (writer, span->label);
      g_string_append_printf (ann, "T%u\t%s %s\t%s\n", n_written, type_name, offsets->str,
                              joined->str);

      if (span->note[0] != '\0')
        {
          gboolean changed;
          g_autofree char *note = note_on_one_line (span->note, &changed);

          if (changed)
            gloss_format_report_lose (report, "line break in a note (written as a space)", "line breaks in notes (written as spaces)", 1);
          g_string_append_printf (ann, "#%u\tAnnotatorNotes T%u\t%s\n", ++n_notes, n_written,
                                  note);
        }

      if (span->annotator[0] != '\0')
        gloss_format_report_lose (report, "span annotator", "span annotators", 1);
    }

  if (!write_contents (writer, txt_name, document->text, strlen (document->text), error)
      || !write_contents (writer, ann_name, ann->str, ann->len, error))
    return FALSE;

  report->documents++;
  report->spans += n_written;

  return TRUE;
}

static gboolean
write_configuration (BratWriter  *writer,
                     GError     **error)
{
  g_autoptr(GString) annotation = g_string_new (NULL);
  g_autoptr(GString) visual = g_string_new (NULL);
  g_autoptr(GString) colors = g_string_new (NULL);

  g_string_append (annotation,
                   "# Written by Gloss. brat type names hold only letters, digits,\n"
                   "# \"_\" and \"-\": each gloss-label line gives the label name a\n"
                   "# type stands for.\n"
                   "[entities]\n");
  g_string_append (visual,
                   "# Written by Gloss: the label names and colors brat shows.\n"
                   "[labels]\n");

  for (guint i = 0; i < writer->label_names->len; i++)
    {
      const char *name = g_ptr_array_index (writer->label_names, i);
      GlossDatasetLabel *label = g_hash_table_lookup (writer->labels, name);
      g_autofree char *type_name = NULL;

      if (name[0] == '\0')
        continue;

      type_name = gloss_type_name_from_label (name);

      /* A name on several lines cannot be a comment; the type name alone
       * still gives it back. */
      if (!has_line_break (name))
        g_string_append_printf (annotation, LABEL_COMMENT "%s" LABEL_COMMENT_SEPARATOR "%s\n",
                                type_name, name);
      g_string_append_printf (annotation, "%s\n", type_name);

      /* brat splits [labels] lines at "|" and tabs. */
      if (!has_line_break (name) && strpbrk (name, "|\t") == NULL && !is_blank (name))
        g_string_append_printf (visual, "%s | %s\n", type_name, name);

      if (label != NULL && is_hex_color (label->color))
        g_string_append_printf (colors, "%s\tbgColor:%s\n", type_name, label->color);
      if (label != NULL && label->hotkey != NULL && label->hotkey[0] != '\0')
        gloss_format_report_lose (writer->report, "label hotkey", "label hotkeys", 1);
      if (label != NULL && label->description != NULL && label->description[0] != '\0')
        gloss_format_report_lose (writer->report, "label description", "label descriptions", 1);
    }

  g_string_append (annotation,
                   "\n[relations]\n"
                   "# Gloss spans may nest and cross; this lets brat accept any overlap.\n"
                   "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                   "\n[events]\n"
                   "\n[attributes]\n");
  g_string_append_printf (visual,
                          "\n[drawing]\n"
                          "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
                          "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n"
                          "%s",
                          colors->str);

  return write_contents (writer, ANNOTATION_CONF, annotation->str, annotation->len, error)
         && write_contents (writer, VISUAL_CONF, visual->str, visual->len, error);
}

static gboolean
brat_write (GlossDatasetSource  *source,
            GlossFormatOutput   *output,
            GlossFormatReport   *report,
            GError             **error)
{
  BratWriter writer = { source, output, report, NULL, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (output->folder != NULL, FALSE);

  writer.file_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.label_names = g_ptr_array_new_with_free_func (g_free);
  writer.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; source->labels != NULL && i < source->labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (source->labels, i);

      if (g_hash_table_contains (writer.labels, label->name))
        continue;
      g_hash_table_insert (writer.labels, g_strdup (label->name), label);
      g_ptr_array_add (writer.label_names, g_strdup (label->name));
    }

  ok = source->foreach (source, write_document, &writer, error)
       && write_configuration (&writer, error);

  g_hash_table_unref (writer.file_keys);
  g_ptr_array_unref (writer.label_names);
  g_hash_table_unref (writer.labels);

  return ok;
}

/* ---- Reading ---------------------------------------------------------- */

typedef struct
{
  GHashTable *names;    /* type name -> label name, from gloss-label comments */
  GPtrArray *types;     /* the [entities] types, in order */
  GHashTable *colors;   /* type name -> "#rrggbb", from visual.conf */
} BratConfig;

static void
brat_config_clear (BratConfig *config)
{
  g_clear_pointer (&config->names, g_hash_table_unref);
  g_clear_pointer (&config->types, g_ptr_array_unref);
  g_clear_pointer (&config->colors, g_hash_table_unref);
}

/* The section a "[name]" line opens, or NULL. */
static char *
section_of (const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  gsize length = strlen (stripped);

  if (length < 2 || stripped[0] != '[' || stripped[length - 1] != ']')
    return NULL;

  return g_strndup (stripped + 1, length - 2);
}

static char *
first_field (const char *line)
{
  const char *start = line;
  const char *end;

  while (*start == ' ' || *start == '\t')
    start++;
  end = start;
  while (*end != '\0' && *end != ' ' && *end != '\t')
    end++;

  return g_strndup (start, end - start);
}

static gboolean
read_annotation_conf (const char         *folder,
                      const char         *folder_real,
                      BratConfig         *config,
                      GlossFormatReport  *report,
                      GError            **error)
{
  g_autofree char *path = g_build_filename (folder, ANNOTATION_CONF, NULL);
  g_autofree char *where = g_strdup_printf (_("brat file %s"), ANNOTATION_CONF);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *section = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (folder_real != NULL && gloss_format_link_leaves_folder (folder_real, path))
    {
      gloss_format_report_warn (report,
                                _("brat folder: %s is a link to a file outside the folder; "
                                  "it was not read"),
                                ANNOTATION_CONF);
      return TRUE;
    }

  contents = gloss_text_file_read_utf8 (path, where, NULL, error);
  if (contents == NULL)
    return FALSE;

  lines = split_lines (contents);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      char *opened = section_of (line);
      g_autofree char *term = NULL;
      char *bar;

      if (opened != NULL)
        {
          g_free (section);
          section = opened;
          continue;
        }

      if (g_str_has_prefix (line, LABEL_COMMENT))
        {
          const char *type_name = line + strlen (LABEL_COMMENT);
          const char *separator = strstr (type_name, LABEL_COMMENT_SEPARATOR);

          if (separator != NULL && separator > type_name)
            g_hash_table_insert (config->names, g_strndup (type_name, separator - type_name),
                                 g_strdup (separator + strlen (LABEL_COMMENT_SEPARATOR)));
          continue;
        }

      if (g_strcmp0 (section, "entities") != 0 && g_strcmp0 (section, "spans") != 0)
        continue;

      term = first_field (line);
      /* Comments, macros and separator lines of hyphens are not types. */
      if (term[0] == '\0' || term[0] == '#' || term[0] == '<'
          || strspn (term, "-") == strlen (term))
        continue;

      /* "!Type" is an abstract type; "Type|alias" gives display names. */
      bar = strchr (term, '|');
      if (bar != NULL)
        *bar = '\0';
      g_ptr_array_add (config->types, g_strdup (term[0] == '!' ? term + 1 : term));
    }

  return TRUE;
}

static gboolean
read_visual_conf (const char         *folder,
                  const char         *folder_real,
                  BratConfig         *config,
                  GlossFormatReport  *report,
                  GError            **error)
{
  g_autofree char *path = g_build_filename (folder, VISUAL_CONF, NULL);
  g_autofree char *where = g_strdup_printf (_("brat file %s"), VISUAL_CONF);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *section = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (folder_real != NULL && gloss_format_link_leaves_folder (folder_real, path))
    {
      gloss_format_report_warn (report,
                                _("brat folder: %s is a link to a file outside the folder; "
                                  "it was not read"),
                                VISUAL_CONF);
      return TRUE;
    }

  contents = gloss_text_file_read_utf8 (path, where, NULL, error);
  if (contents == NULL)
    return FALSE;

  lines = split_lines (contents);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *opened = section_of (lines[i]);
      g_autofree char *type_name = NULL;
      g_auto(GStrv) settings = NULL;

      if (opened != NULL)
        {
          g_free (section);
          section = opened;
          continue;
        }

      if (g_strcmp0 (section, "drawing") != 0 || lines[i][0] == '#')
        continue;

      type_name = first_field (lines[i]);
      if (type_name[0] == '\0')
        continue;

      settings = g_strsplit (lines[i] + strspn (lines[i], " \t") + strlen (type_name), ",", -1);
      for (guint j = 0; settings[j] != NULL; j++)
        {
          char *setting = g_strstrip (settings[j]);

          const char *color = setting + strlen ("bgColor:");

          if (g_str_has_prefix (setting, "bgColor:") && is_hex_color (color))
            g_hash_table_insert (config->colors, g_strdup (type_name), g_strdup (color));
        }
    }

  return TRUE;
}

static char *
label_for_type (BratConfig *config,
                const char *type_name)
{
  const char *name = g_hash_table_lookup (config->names, type_name);

  /* A gloss-label comment with nothing after the '=' names no label. */
  if (name != NULL && !is_blank (name))
    return g_strdup (name);

  return gloss_type_name_to_label (type_name);
}

/* The label NAME of TYPE_NAME, its color from visual.conf; FILE and LINE
 * (0 for none) say where it was met, for the warning when a name loses the
 * white space around it. NULL when NAME is blank. */
static GlossDatasetLabel *
ensure_label (GlossDataset       *dataset,
              BratConfig         *config,
              const char         *type_name,
              const char         *name,
              GlossFormatReport  *report,
              const char         *file,
              guint               line)
{
  GlossDatasetLabel *label = gloss_dataset_find_label (dataset, name);
  const char *color;

  if (label != NULL)
    return label;

  if (line > 0)
    label = gloss_format_ensure_label (dataset, name, report, _("brat file %s, line %u"), file,
                                       line);
  else
    label = gloss_format_ensure_label (dataset, name, report, _("brat file %s"), file);
  if (label == NULL)
    return NULL;

  color = g_hash_table_lookup (config->colors, type_name);
  if (color != NULL && label->color == NULL)
    label->color = g_strdup (color);

  return label;
}

typedef struct
{
  char *target;
  char *text;
  guint line;
} PendingNote;

static void
pending_note_free (gpointer data)
{
  PendingNote *note = data;

  g_free (note->target);
  g_free (note->text);
  g_free (note);
}

/* Where in the document's spans a T annotation's spans are. */
typedef struct
{
  guint first;
  guint count;
  guint line;
} SpanRange;

typedef struct
{
  const char *ann_name;
  const char *text;
  GlossFormatText *document_text;
  GlossDataset *dataset;
  GlossDatasetDocument *document;
  BratConfig *config;
  GlossFormatReport *report;
  GHashTable *ranges;     /* T id -> SpanRange */
  GPtrArray *notes;       /* PendingNote */
} AnnParser;

static gboolean
parse_offset (const char *text,
              gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL);
}

static gboolean
gap_is_line_breaks (AnnParser *parser,
                    gint64     start,
                    gint64     end)
{
  const char *p;

  if (end <= start)
    return FALSE;

  p = parser->text + gloss_format_text_char_to_byte (parser->document_text, start);
  for (gint64 offset = start; offset < end; offset++, p = g_utf8_next_char (p))
    if (!gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
parse_textbound (AnnParser   *parser,
                 const char  *id,
                 char        *data,
                 guint        line,
                 GError     **error)
{
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  g_autoptr(GString) reference = g_string_new (NULL);
  g_auto(GStrv) pairs = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *label_name = NULL;
  char *text = strchr (data, '\t');
  char *space;
  SpanRange *range;
  GlossDatasetLabel *label;

  if (text != NULL)
    *text++ = '\0';

  space = strchr (data, ' ');
  if (space == NULL || space == data)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: %s needs a type and offsets, as in “T1\tActor 0 5”"),
                   parser->ann_name, line, shown_id);
      return FALSE;
    }
  type_name = g_strndup (data, space - data);

  if (g_hash_table_contains (parser->ranges, id))
    {
      SpanRange *first = g_hash_table_lookup (parser->ranges, id);
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: %s is used a second time (first on line %u)"),
                   parser->ann_name, line, shown_id, first->line);
      return FALSE;
    }

  pairs = g_strsplit (space + 1, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = g_strsplit (g_strchomp (pairs[i]), " ", -1);
      g_autoptr(GError) span_error = NULL;
      g_autofree char *fragment_text = NULL;
      Fragment fragment;

      if (g_strv_length (numbers) != 2 || !parse_offset (numbers[0], &fragment.start)
          || !parse_offset (numbers[1], &fragment.end))
        {
          g_autofree char *shown = gloss_format_excerpt (pairs[i], -1);

          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                       _("brat file %s, line %u: “%s” is not a start and an end offset"),
                       parser->ann_name, line, shown);
          return FALSE;
        }

      if (!gloss_offsets_check_span (parser->document_text->n_chars, fragment.start, fragment.end,
                                     &span_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("brat file %s, line %u: %s"), parser->ann_name, line,
                       span_error->message);
          return FALSE;
        }

      fragment_text = gloss_format_text_dup_range (parser->document_text, fragment.start,
                                                   fragment.end);
      g_string_append_printf (reference, "%s%s", i > 0 ? " " : "", fragment_text);
      g_array_append_val (fragments, fragment);
    }

  if (text == NULL)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      gloss_format_report_warn (parser->report,
                                _("brat file %s, line %u: %s has no text after its offsets, "
                                  "so they could not be checked"),
                                parser->ann_name, line, shown_id);
    }
  /* As brat checks: the text starts the rest of the line, and anything after
   * it is set apart by white space. */
  else if (!g_str_has_prefix (text, reference->str)
           || (text[reference->len] != '\0'
               && !gloss_tokenizer_is_space (g_utf8_get_char (text + reference->len))))
    {
      g_autoptr(GString) offsets = g_string_new (NULL);
      g_autofree char *said = gloss_format_excerpt (text, -1);
      g_autofree char *found = gloss_format_excerpt (reference->str, reference->len);
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);
      g_autofree char *shown_offsets = NULL;

      for (guint i = 0; i < fragments->len && offsets->len <= GLOSS_FORMAT_EXCERPT_CHARS; i++)
        g_string_append_printf (offsets, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                i > 0 ? ";" : "", g_array_index (fragments, Fragment, i).start,
                                g_array_index (fragments, Fragment, i).end);
      shown_offsets = gloss_format_excerpt (offsets->str, offsets->len);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                   _("brat file %s, line %u: %s gives the text “%s”, but the text at %s is “%s”; "
                     "were the offsets counted in another unit?"),
                   parser->ann_name, line, shown_id, said, shown_offsets, found);
      return FALSE;
    }

  /* Joined in place: removing each joined fragment from the array made a
   * line of many fragments quadratic. */
  if (fragments->len > 1)
    {
      guint kept = 0;

      for (guint i = 1; i < fragments->len; i++)
        {
          Fragment *fragment = &g_array_index (fragments, Fragment, kept);
          Fragment *next = &g_array_index (fragments, Fragment, i);

          if (gap_is_line_breaks (parser, fragment->end, next->start))
            fragment->end = next->end;
          else
            g_array_index (fragments, Fragment, ++kept) = *next;
        }
      g_array_set_size (fragments, kept + 1);
    }

  if (fragments->len > 1)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      gloss_format_report_warn (parser->report,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "brat file %s, line %u: %s has %u discontinuous "
                                             "part; each became a span of its own",
                                             "brat file %s, line %u: %s has %u discontinuous "
                                             "parts; each became a span of its own",
                                             fragments->len),
                                parser->ann_name, line, shown_id, fragments->len);
    }

  label_name = label_for_type (parser->config, type_name);
  label = ensure_label (parser->dataset, parser->config, type_name, label_name, parser->report,
                        parser->ann_name, line);
  if (label == NULL)
    {
      g_autofree char *shown = gloss_format_excerpt (type_name, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: the type “%s” names no label"), parser->ann_name,
                   line, shown);
      return FALSE;
    }

  range = g_new0 (SpanRange, 1);
  range->first = parser->document->spans->len;
  range->count = fragments->len;
  range->line = line;
  g_hash_table_insert (parser->ranges, g_strdup (id), range);

  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);

      gloss_dataset_document_add_span (parser->document, fragment->start, fragment->end,
                                       label->name, NULL, NULL);
    }

  return TRUE;
}

static gboolean
parse_comment (AnnParser   *parser,
               const char  *id,
               char        *data,
               guint        line,
               GError     **error)
{
  char *text = strchr (data, '\t');
  g_auto(GStrv) fields = NULL;
  PendingNote *note;

  if (text != NULL)
    *text++ = '\0';

  fields = g_strsplit_set (g_strstrip (data), " \t", -1);
  if (g_strv_length (fields) != 2)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: %s needs a type and the annotation it is about, "
                     "as in “#1\tAnnotatorNotes T1\tthe note”"),
                   parser->ann_name, line, shown_id);
      return FALSE;
    }

  if (!g_str_equal (fields[0], "AnnotatorNotes"))
    {
      gloss_format_report_lose (parser->report,
                                "comment other than AnnotatorNotes (not supported)", "comments other than AnnotatorNotes (not supported)", 1);
      return TRUE;
    }

  note = g_new0 (PendingNote, 1);
  note->target = g_strdup (fields[1]);
  note->text = g_strdup (text != NULL ? text : "");
  note->line = line;
  g_ptr_array_add (parser->notes, note);

  return TRUE;
}

static gboolean
parse_line (AnnParser   *parser,
            char        *text,
            guint        line,
            GError     **error)
{
  char *tab = strchr (text, '\t');
  const char *id = text;

  if (is_blank (text))
    return TRUE;

  if (tab == NULL)
    {
      g_autofree char *shown = gloss_format_excerpt (text, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: “%s” is not an annotation (an ID, a tab, then its "
                     "type)"),
                   parser->ann_name, line, shown);
      return FALSE;
    }
  *tab = '\0';

  switch (id[0])
    {
    case 'T':
      return parse_textbound (parser, id, tab + 1, line, error);
    case '#':
      return parse_comment (parser, id, tab + 1, line, error);
    case 'R':
      gloss_format_report_lose (parser->report, "relation (not supported)", "relations (not supported)", 1);
      return TRUE;
    case 'E':
      gloss_format_report_lose (parser->report, "event (not supported)", "events (not supported)", 1);
      return TRUE;
    case 'A':
    case 'M':
      gloss_format_report_lose (parser->report, "attribute (not supported)", "attributes (not supported)", 1);
      return TRUE;
    case 'N':
      gloss_format_report_lose (parser->report, "normalization (not supported)", "normalizations (not supported)", 1);
      return TRUE;
    case '*':
      gloss_format_report_lose (parser->report, "equivalence (not supported)", "equivalences (not supported)", 1);
      return TRUE;
    default:
      {
        g_autofree char *shown_id = gloss_format_excerpt (id, -1);

        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                     _("brat file %s, line %u: “%s” is not a brat annotation ID (T1, R1, E1, A1, "
                       "N1, #1 or *)"),
                     parser->ann_name, line, shown_id);
        return FALSE;
      }
    }
}

static void
apply_notes (AnnParser *parser)
{
  /* Each annotation's notes joined once: joining them onto the span note by
   * note made many notes on one annotation quadratic. */
  g_autoptr(GHashTable) joined = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < parser->notes->len; i++)
    {
      PendingNote *note = g_ptr_array_index (parser->notes, i);
      SpanRange *range = g_hash_table_lookup (parser->ranges, note->target);
      GString *text;

      if (range == NULL)
        {
          gloss_format_report_lose (parser->report, "note on an annotation that was not read", "notes on annotations that were not read",
                                    1);
          if (note->target[0] == 'T')
            {
              g_autofree char *shown = gloss_format_excerpt (note->target, -1);

              gloss_format_report_warn (parser->report,
                                        _("brat file %s, line %u: the note is about %s, which is "
                                          "not in the file"),
                                        parser->ann_name, note->line, shown);
            }
          continue;
        }

      text = g_hash_table_lookup (joined, range);
      if (text == NULL)
        g_hash_table_insert (joined, range, g_string_new (note->text));
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, note->text);
        }
    }

  g_hash_table_iter_init (&iter, joined);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SpanRange *range = key;
      GString *text = value;

      for (guint j = range->first; j < range->first + range->count; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (parser->document->spans, j);

          g_free (span->note);
          span->note = g_strdup (text->str);
        }
      g_string_free (text, TRUE);
    }
}

/* brat counts a byte order mark as a character; Gloss drops it, so every
 * offset moves back by one. */
static void
drop_byte_order_mark (GlossDatasetDocument *document,
                      GlossFormatReport    *report)
{
  char *text = g_strdup (document->text + strlen (GLOSS_TEXT_FILE_BOM));

  g_free (document->text);
  document->text = text;

  for (guint i = document->spans->len; i-- > 0;)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      span->start = MAX (span->start - 1, 0);
      span->end--;
      if (span->end <= span->start)
        {
          g_ptr_array_remove_index (document->spans, i);
          gloss_format_report_lose (report, "span over the byte order mark only", "spans over the byte order mark only", 1);
        }
    }
}

/* One document, its checked TEXT and ANNOTATIONS (NULL when it has no
 * .ann), into DATASET. */
static gboolean
read_annotated (GlossDataset       *dataset,
                BratConfig         *config,
                const char         *txt_display,
                const char         *ann_display,
                const char         *text,
                char               *annotations,
                GlossFormatReport  *report,
                GError            **error)
{
  g_autoptr(GlossDatasetDocument) document = gloss_dataset_document_new (txt_display, text);
  g_autoptr(GHashTable) ranges = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GlossFormatText) document_text = { 0 };
  AnnParser parser = { 0 };

  if (annotations != NULL)
    {
      ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      notes = g_ptr_array_new_with_free_func (pending_note_free);
      parser.ann_name = ann_display;
      parser.text = document->text;
      gloss_format_text_init (&document_text, document->text);
      parser.document_text = &document_text;
      parser.dataset = dataset;
      parser.document = document;
      parser.config = config;
      parser.report = report;
      parser.ranges = ranges;
      parser.notes = notes;

      lines = split_lines (annotations);
      for (guint i = 0; lines[i] != NULL; i++)
        if (!parse_line (&parser, lines[i], i + 1, error))
          return FALSE;

      apply_notes (&parser);
    }

  if (g_str_has_prefix (document->text, GLOSS_TEXT_FILE_BOM))
    drop_byte_order_mark (document, report);

  g_ptr_array_add (dataset->documents, g_steal_pointer (&document));

  return TRUE;
}

static gboolean
read_document (const char         *folder,
               const char         *folder_real,
               const char         *stem,
               BratConfig         *config,
               GlossDataset       *dataset,
               GlossFormatReport  *report,
               GError            **error)
{
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
  g_autofree char *ann_path = g_build_filename (folder, ann_name, NULL);
  g_autofree char *txt_display = g_filename_display_name (txt_name);
  g_autofree char *ann_display = g_filename_display_name (ann_name);
  g_autofree char *txt_where = g_strdup_printf (_("brat file %s"), txt_display);
  g_autofree char *ann_where = g_strdup_printf (_("brat file %s"), ann_display);
  g_autofree char *text = NULL;
  g_autofree char *annotations = NULL;

  if (folder_real != NULL && (gloss_format_link_leaves_folder (folder_real, txt_path) ||
                              gloss_format_link_leaves_folder (folder_real, ann_path)))
    {
      gloss_format_report_warn (report,
                                _("brat folder: %s or %s is a link to a file outside the folder; "
                                  "the document was not read"),
                                txt_display, ann_display);
      return TRUE;
    }

  if (!g_file_test (txt_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("brat file %s has no text file %s beside it"), ann_display, txt_display);
      return FALSE;
    }

  text = gloss_text_file_read_utf8 (txt_path, txt_where, NULL, error);
  if (text == NULL)
    return FALSE;

  if (g_file_test (ann_path, G_FILE_TEST_IS_REGULAR))
    {
      annotations = gloss_text_file_read_utf8 (ann_path, ann_where, NULL, error);
      if (annotations == NULL)
        return FALSE;
    }

  return read_annotated (dataset, config, txt_display, ann_display, text, annotations, report,
                         error);
}

/* The reader on one document in memory: its text and its annotations
 * (NAME.txt and NAME.ann), without annotation.conf or visual.conf. */
GlossDataset *
gloss_format_brat_read_data (const char         *name,
                             const char         *text,
                             gsize               text_length,
                             const char         *annotations,
                             gsize               annotations_length,
                             GlossFormatReport  *report,
                             GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autofree char *txt_display = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann_display = g_strconcat (name, ".ann", NULL);
  g_autofree char *txt_where = g_strdup_printf (_("brat file %s"), txt_display);
  g_autofree char *ann_where = g_strdup_printf (_("brat file %s"), ann_display);
  g_autofree char *checked_text = NULL;
  g_autofree char *checked_annotations = NULL;
  BratConfig config = { 0 };
  gboolean ok;

  g_return_val_if_fail (name != NULL, NULL);

  checked_text = gloss_text_file_check_data (text, text_length, txt_where, error);
  if (checked_text == NULL)
    return NULL;
  checked_annotations = gloss_text_file_check_data (annotations, annotations_length, ann_where,
                                                    error);
  if (checked_annotations == NULL)
    return NULL;

  config.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  config.types = g_ptr_array_new_with_free_func (g_free);
  config.colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = read_annotated (dataset, &config, txt_display, ann_display, checked_text,
                       checked_annotations, report, error);
  brat_config_clear (&config);

  if (!ok)
    return NULL;

  report->documents += dataset->documents->len;
  report->spans += ((GlossDatasetDocument *) dataset->documents->pdata[0])->spans->len;

  return g_steal_pointer (&dataset);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The NAME of every NAME.txt and NAME.ann in FOLDER, in name order. */
static GPtrArray *
list_stems (const char         *folder,
            GlossFormatReport  *report,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &local_error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      char *stem;

      /* Editors and file managers leave hidden files about. */
      if (name[0] == '.')
        continue;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *display = g_filename_display_name (name);

          gloss_format_report_warn (report, _("brat folder: the subfolder %s was not read"),
                                    display);
          continue;
        }

      if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".ann"))
        continue;

      stem = g_strndup (name, strlen (name) - 4);
      if (g_hash_table_contains (seen, stem))
        {
          g_free (stem);
          continue;
        }
      g_hash_table_add (seen, stem);
      g_ptr_array_add (stems, stem);
    }

  g_ptr_array_sort (stems, compare_names);

  return g_steal_pointer (&stems);
}

static GlossDataset *
brat_read (const char         *path,
           GlossFormatReport  *report,
           GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GPtrArray) stems = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_real = NULL;
  BratConfig config = { 0 };
  gboolean ok = TRUE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      folder = g_strdup (path);
      stems = list_stems (folder, report, error);
      if (stems == NULL)
        return NULL;
    }
  else if (g_str_has_suffix (path, ".ann") || g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *base = g_path_get_basename (path);

      folder = g_path_get_dirname (path);
      stems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (stems, g_strndup (base, strlen (base) - 4));
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                   _("“%s” is neither a brat folder nor a brat .ann file"), display);
      return NULL;
    }

  config.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  config.types = g_ptr_array_new_with_free_func (g_free);
  config.colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  folder_real = realpath (folder, NULL);
  ok = read_annotation_conf (folder, folder_real, &config, report, error) &&
       read_visual_conf (folder, folder_real, &config, report, error);

  /* The label set in the order annotation.conf gives it, used or not. */
  for (guint i = 0; ok && i < config.types->len; i++)
    {
      const char *type_name = g_ptr_array_index (config.types, i);
      g_autofree char *name = label_for_type (&config, type_name);

      ensure_label (dataset, &config, type_name, name, report, ANNOTATION_CONF, 0);
    }

  for (guint i = 0; ok && i < stems->len; i++)
    ok = read_document (folder, folder_real, g_ptr_array_index (stems, i), &config, dataset,
                        report, error);

  brat_config_clear (&config);

  if (!ok)
    return NULL;

  report->documents += dataset->documents->len;
  for (guint i = 0; i < dataset->documents->len; i++)
    report->spans += ((GlossDatasetDocument *) dataset->documents->pdata[i])->spans->len;

  return g_steal_pointer (&dataset);
}

static const char * const brat_extensions[] = { ".ann", NULL };

static const char * const brat_folder_files[] = { "*.txt", "*.ann", ANNOTATION_CONF, VISUAL_CONF, NULL };

const GlossFormat gloss_format_brat = {
  .name = "brat",
  .title = N_("brat standoff"),
  .extensions = brat_extensions,
  .target = GLOSS_FORMAT_TARGET_FOLDER,
  .folder_files = brat_folder_files,
  .read = brat_read,
  .write = brat_write,
};
