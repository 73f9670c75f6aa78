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
  const guchar *p = (const guchar *) text;
  gsize chars = 0;
  gsize units = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (gsize i = 0; p[i] != '\0' && chars < char_offset; i++)
    {
      if (is_continuation_byte (p[i]))
        continue;
      units += is_astral_lead_byte (p[i]) ? 2 : 1;
      chars++;
    }

  return units;
}

/* doccano and other UTF-16 counters may hand us an offset that falls between
 * the two halves of a surrogate pair; that is an error, never rounded. */
gboolean
gloss_offsets_utf16_to_char (const char  *text,
                             gsize        utf16_offset,
                             gsize       *char_offset,
                             GError     **error)
{
  const guchar *p = (const guchar *) text;
  gsize chars = 0;
  gsize units = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (char_offset != NULL, FALSE);

  for (gsize i = 0; units < utf16_offset; i++)
    {
      if (p[i] == '\0')
        {
          g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE,
                       _("UTF-16 offset %" G_GSIZE_FORMAT " is past the end of the text "
                         "(%" G_GSIZE_FORMAT " units)"),
                       utf16_offset, units);
          return FALSE;
        }
      if (is_continuation_byte (p[i]))
        continue;
      units += is_astral_lead_byte (p[i]) ? 2 : 1;
      chars++;
    }

  if (units != utf16_offset)
    {
      g_set_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_SPLITS_CHARACTER,
                   _("UTF-16 offset %" G_GSIZE_FORMAT " falls inside a character "
                     "outside the Basic Multilingual Plane"),
                   utf16_offset);
      return FALSE;
    }

  *char_offset = chars;
  return TRUE;
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
  cursor->char_offset = 0;
  cursor->byte_index = 0;
}

/* The byte index of CHAR_OFFSET, which must be within the text (its length at
 * most). Moves from wherever the cursor stands, or from the start of the text
 * when that is nearer. */
gsize
gloss_offsets_cursor_to_byte (GlossOffsetsCursor *cursor,
                              gsize               char_offset)
{
  const char *p;

  g_return_val_if_fail (cursor != NULL, 0);

  if (char_offset < cursor->char_offset && char_offset < cursor->char_offset - char_offset)
    {
      cursor->char_offset = 0;
      cursor->byte_index = 0;
    }

  p = cursor->text + cursor->byte_index;
  while (cursor->char_offset < char_offset && *p != '\0')
    {
      p = g_utf8_next_char (p);
      cursor->char_offset++;
    }
  while (cursor->char_offset > char_offset)
    {
      p = g_utf8_prev_char (p);
      cursor->char_offset--;
    }

  cursor->byte_index = p - cursor->text;
  g_return_val_if_fail (cursor->char_offset == char_offset, cursor->byte_index);

  return cursor->byte_index;
}

/* Python's text[start:end], leaving the cursor at END. */
char *
gloss_offsets_cursor_dup_range (GlossOffsetsCursor *cursor,
                                gsize               start,
                                gsize               end)
{
  gsize begin;

  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  begin = gloss_offsets_cursor_to_byte (cursor, start);

  return g_strndup (cursor->text + begin, gloss_offsets_cursor_to_byte (cursor, end) - begin);
}
