/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-offsets"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-offsets.h"

G_DEFINE_QUARK (gloss-offsets-error-quark, gloss_offsets_error)

/* A code point outside the Basic Multilingual Plane takes four bytes in UTF-8
 * and is the only kind that takes two UTF-16 units (a surrogate pair). */
static inline gboolean
is_astral_lead_byte (guchar byte)
{
  return byte >= 0xF0;
}

static inline gboolean
is_continuation_byte (guchar byte)
{
  return (byte & 0xC0) == 0x80;
}

/* n_bytes < 0 means the text is NUL-terminated. */
gsize
gloss_offsets_count_chars (const char *text,
                           gssize      n_bytes)
{
  g_return_val_if_fail (text != NULL, 0);

  return g_utf8_strlen (text, n_bytes);
}

gsize
gloss_offsets_count_utf16 (const char *text,
                           gssize      n_bytes)
{
  const guchar *p = (const guchar *) text;
  gsize units = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (gsize i = 0; n_bytes < 0 ? p[i] != '\0' : i < (gsize) n_bytes; i++)
    {
      if (is_continuation_byte (p[i]))
        continue;
      units += is_astral_lead_byte (p[i]) ? 2 : 1;
    }

  return units;
}

/* The caller guarantees char_offset <= the text's length in code points. */
gsize
gloss_offsets_char_to_byte (const char *text,
                            gsize       char_offset)
{
  g_return_val_if_fail (text != NULL, 0);

  return g_utf8_offset_to_pointer (text, char_offset) - text;
}

gsize
gloss_offsets_byte_to_char (const char *text,
                            gsize       byte_index)
{
  g_return_val_if_fail (text != NULL, 0);

  return g_utf8_strlen (text, byte_index);
}

gsize
gloss_offsets_char_to_utf16 (const char *text,
                             gsize       char_offset)
{
  GlossOffsetsCursor cursor;

  g_return_val_if_fail (text != NULL, 0);

  gloss_offsets_cursor_init (&cursor, text);
  return gloss_offsets_cursor_char_to_utf16 (&cursor, char_offset);
}

/* doccano and other UTF-16 counters may hand us an offset that falls between
 * the two halves of a surrogate pair; that is an error, never rounded. */
gboolean
gloss_offsets_utf16_to_char (const char  *text,
                             gsize        utf16_offset,
                             gsize       *char_offset,
                             GError     **error)
{
  GlossOffsetsCursor cursor;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (char_offset != NULL, FALSE);

  gloss_offsets_cursor_init (&cursor, text);
  return gloss_offsets_cursor_utf16_to_char (&cursor, utf16_offset, char_offset, error);
}

char *
gloss_offsets_dup_range (const char *text,
                         gsize       start,
                         gsize       end)
{
  const char *begin;
  const char *stop;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  begin = g_utf8_offset_to_pointer (text, start);
  stop = g_utf8_offset_to_pointer (begin, end - start);

  return g_strndup (begin, stop - begin);
}

gboolean
gloss_offsets_check_span (gsize    text_length,
                          gint64   start,
                          gint64   end,
                          GError **error)
{
  if (start < 0 || end < 0 || (guint64) end > text_length)
    {
      g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE,
                   _("span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " lies outside the text, "
                     "which has %" G_GSIZE_FORMAT " characters"),
                   start, end, text_length);
      return FALSE;
    }

  if (end < start)
    {
      g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_INVERTED,
                   _("span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " ends before it starts"),
                   start, end);
      return FALSE;
    }

  if (end == start)
    {
      g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_EMPTY,
                   _("span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " is empty"),
                   start, end);
      return FALSE;
    }

  return TRUE;
}

void
gloss_offsets_cursor_init (GlossOffsetsCursor *cursor,
                           const char         *text)
{
  g_return_if_fail (cursor != NULL);
  g_return_if_fail (text != NULL);

  cursor->text = text;
  cursor->position = text;
  cursor->chars = 0;
  cursor->units = 0;
}

static inline void
cursor_forward (GlossOffsetsCursor *cursor)
{
  cursor->units += is_astral_lead_byte (*cursor->position) ? 2 : 1;
  cursor->chars++;
  cursor->position = g_utf8_next_char (cursor->position);
}

static inline void
cursor_back (GlossOffsetsCursor *cursor)
{
  cursor->position = g_utf8_prev_char (cursor->position);
  cursor->units -= is_astral_lead_byte (*cursor->position) ? 2 : 1;
  cursor->chars--;
}

/* Moves to CHAR_OFFSET, or to the end of the text if that comes first. */
static void
cursor_move_to_char (GlossOffsetsCursor *cursor,
                     gsize               char_offset)
{
  while (cursor->chars > char_offset)
    cursor_back (cursor);
  while (cursor->chars < char_offset && *cursor->position != '\0')
    cursor_forward (cursor);
}

/* The caller guarantees char_offset <= the text's length in code points;
 * past it, the end of the text. */
gsize
gloss_offsets_cursor_char_to_byte (GlossOffsetsCursor *cursor,
                                   gsize               char_offset)
{
  g_return_val_if_fail (cursor != NULL, 0);

  cursor_move_to_char (cursor, char_offset);
  return cursor->position - cursor->text;
}

gsize
gloss_offsets_cursor_char_to_utf16 (GlossOffsetsCursor *cursor,
                                    gsize               char_offset)
{
  g_return_val_if_fail (cursor != NULL, 0);

  cursor_move_to_char (cursor, char_offset);
  return cursor->units;
}

gboolean
gloss_offsets_cursor_utf16_to_char (GlossOffsetsCursor  *cursor,
                                    gsize                utf16_offset,
                                    gsize               *char_offset,
                                    GError             **error)
{
  g_return_val_if_fail (cursor != NULL, FALSE);
  g_return_val_if_fail (char_offset != NULL, FALSE);

  while (cursor->units > utf16_offset)
    cursor_back (cursor);

  while (cursor->units < utf16_offset)
    {
      if (*cursor->position == '\0')
        {
          g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE,
                       _("UTF-16 offset %" G_GSIZE_FORMAT " is past the end of the text "
                         "(%" G_GSIZE_FORMAT " units)"),
                       utf16_offset, cursor->units);
          return FALSE;
        }
      cursor_forward (cursor);
    }

  if (cursor->units != utf16_offset)
    {
      g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_SPLITS_CHARACTER,
                   _("UTF-16 offset %" G_GSIZE_FORMAT " falls inside a character "
                     "outside the Basic Multilingual Plane"),
                   utf16_offset);
      return FALSE;
    }

  *char_offset = cursor->chars;
  return TRUE;
}
