/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-offsets"

#include "config.h"

#include <string.h>

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

/* The length of the well-formed UTF-8 sequence of two to four bytes at P,
 * or 0: what GLib takes (no overlong forms, no surrogates, nothing past
 * U+10FFFF), checked here rather than by a call for each character, which
 * text with many Persian letters or emoji made a cost. */
static inline gsize
utf8_sequence_length (const guchar *p,
                      const guchar *stop)
{
  gsize left = stop - p;
  guchar lead = p[0];

  if (lead >= 0xC2 && lead <= 0xDF)
    return left >= 2 && is_continuation_byte (p[1]) ? 2 : 0;

  if (lead >= 0xE0 && lead <= 0xEF)
    {
      guchar low = lead == 0xE0 ? 0xA0 : 0x80;
      guchar high = lead == 0xED ? 0x9F : 0xBF;

      return left >= 3 && p[1] >= low && p[1] <= high && is_continuation_byte (p[2]) ? 3 : 0;
    }

  if (lead >= 0xF0 && lead <= 0xF4)
    {
      guchar low = lead == 0xF0 ? 0x90 : 0x80;
      guchar high = lead == 0xF4 ? 0x8F : 0xBF;

      return left >= 4 && p[1] >= low && p[1] <= high && is_continuation_byte (p[2]) &&
             is_continuation_byte (p[3]) ? 4 : 0;
    }

  return 0;
}

/* Whether the N_BYTES at TEXT are what g_utf8_validate_len () accepts,
 * in a fraction of its time: runs of ASCII, what most text is made of,
 * are skipped eight bytes at a time, and other characters checked in
 * place. END is where the first bad byte is (STOP if none), N_CHARS the
 * characters before it, counted on the way. */
static inline gboolean
validate_utf8 (const guchar  *p,
               const guchar  *stop,
               const guchar **end,
               gsize         *n_chars)
{
  gsize count = 0;

  while (p < stop)
    {
      const guchar *run = p;
      gsize length;

      /* GLib refuses NUL too, so a run ends at a byte with its high bit set
       * or at a zero byte (the second term finds one). */
      while (stop - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (((word | ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word)) &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }
      while (p < stop && *p != 0 && *p < 0x80)
        p++;
      count += p - run;
      if (p == stop)
        break;

      length = utf8_sequence_length (p, stop);
      if (length == 0)
        {
          *end = p;
          *n_chars = count;
          return FALSE;
        }
      p += length;
      count++;
    }

  *end = stop;
  *n_chars = count;
  return TRUE;
}

/* What g_utf8_validate_len () says, END included. Validating every text
 * twice (decoding it, adding it) was 4% of an import. */
gboolean
gloss_offsets_validate (const char  *text,
                        gsize        n_bytes,
                        const char **end)
{
  const guchar *stop;
  gsize n_chars;
  gboolean valid;

  g_return_val_if_fail (text != NULL || n_bytes == 0, FALSE);

  valid = validate_utf8 ((const guchar *) text, (const guchar *) text + n_bytes, &stop, &n_chars);
  if (end != NULL)
    *end = (const char *) stop;
  return valid;
}

/* As gloss_offsets_validate (), and the number of characters of a valid
 * text besides, in the same pass: adding a document needs both. */
gboolean
gloss_offsets_validate_and_count (const char *text,
                                  gsize       n_bytes,
                                  gsize      *n_chars)
{
  const guchar *stop;
  gsize count;

  g_return_val_if_fail (text != NULL || n_bytes == 0, FALSE);
  g_return_val_if_fail (n_chars != NULL, FALSE);

  if (!validate_utf8 ((const guchar *) text, (const guchar *) text + n_bytes, &stop, &count))
    return FALSE;

  *n_chars = count;
  return TRUE;
}

/* n_bytes < 0 means the text is NUL-terminated. */
gsize
gloss_offsets_count_chars (const char *text,
                           gssize      n_bytes)
{
  const guchar *p = (const guchar *) text;
  gsize n, count = 0;

  g_return_val_if_fail (text != NULL, 0);

  /* Every code point has one byte that is not a continuation byte. Counting
   * those is a loop the compiler vectorizes; g_utf8_strlen () steps from
   * character to character, and was a tenth of an import's time. */
  n = n_bytes < 0 ? strlen (text) : (gsize) n_bytes;
  for (gsize i = 0; i < n; i++)
    count += !is_continuation_byte (p[i]);

  /* As g_utf8_strlen (), a character cut off at the end does not count. */
  for (gsize back = 1; back <= 4 && back <= n; back++)
    if (!is_continuation_byte (p[n - back]))
      {
        if ((gsize) g_utf8_skip[p[n - back]] > back)
          count--;
        break;
      }

  return count;
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
                   g_dngettext (GETTEXT_PACKAGE,
                                "span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " lies outside the "
                                "text, which has %" G_GSIZE_FORMAT " character",
                                "span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " lies outside the "
                                "text, which has %" G_GSIZE_FORMAT " characters",
                                text_length),
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

struct _GlossBreakMap
{
  /* Document offsets where a break goes, before the character there; in
   * ascending order. Break i sits at display offset breaks[i] + i. */
  GArray *breaks;
  /* The byte offsets of the same places in the text the map was made
   * from, so that applying the map copies bytes without counting. */
  GArray *break_bytes;
};

/* Breaks one line of N_BYTES at TEXT, which starts at document offset
 * OFFSET, wherever it runs past MAX_LINE_CHARS: after a space in the second
 * half of the stretch, or at the limit where there is none (a long token).
 * U+2029 ends a line as a newline does. */
static void
add_breaks (GlossBreakMap *map,
            const char    *text,
            const char    *line,
            gsize          n_bytes,
            gsize          offset,
            gsize          max_line_chars)
{
  const char *stop = line + n_bytes;
  gsize line_length = 0;
  gsize last_space = 0;
  gsize last_space_byte = 0;

  for (const char *p = line; p < stop; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2029)
        {
          line_length = 0;
          last_space = 0;
          continue;
        }

      if (line_length >= max_line_chars)
        {
          gboolean at_space = last_space > offset - line_length + max_line_chars / 2;
          gsize at = at_space ? last_space : offset;
          gsize at_byte = at_space ? last_space_byte : (gsize) (p - text);

          g_array_append_val (map->breaks, at);
          g_array_append_val (map->break_bytes, at_byte);
          line_length = offset - at;
          last_space = 0;
        }

      line_length++;
      if (c == ' ' || c == '\t')
        {
          last_space = offset + 1;
          last_space_byte = p + 1 - text;
        }
    }
}

/* Breaks every line longer than MAX_LINE_CHARS. */
GlossBreakMap *
gloss_break_map_new (const char *text,
                     gsize       max_line_chars)
{
  GlossBreakMap *map = g_new0 (GlossBreakMap, 1);
  const char *line = text;
  const char *counted = text;   /* characters are counted up to here, */
  gsize counted_chars = 0;      /* and there are this many */

  g_return_val_if_fail (text != NULL, map);
  g_return_val_if_fail (max_line_chars > 1, map);

  map->breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  map->break_bytes = g_array_new (FALSE, FALSE, sizeof (gsize));

  while (*line != '\0')
    {
      const char *end = strpbrk (line, "\n\r");
      gsize n_bytes = end ? (gsize) (end - line) : strlen (line);

      /* A line of fewer bytes than the limit has fewer characters too, and
       * needs no look at its characters: most lines, most documents. */
      if (n_bytes > max_line_chars)
        {
          counted_chars += gloss_offsets_count_chars (counted, line - counted);
          counted = line;
          add_breaks (map, text, line, n_bytes, counted_chars, max_line_chars);
        }

      if (end == NULL)
        break;
      line = end + 1;
    }

  return map;
}

void
gloss_break_map_free (GlossBreakMap *map)
{
  if (map == NULL)
    return;

  g_clear_pointer (&map->breaks, g_array_unref);
  g_clear_pointer (&map->break_bytes, g_array_unref);
  g_free (map);
}

guint
gloss_break_map_get_n_breaks (const GlossBreakMap *map)
{
  g_return_val_if_fail (map != NULL, 0);
  return map->breaks->len;
}

/* The display offset of break I. */
gsize
gloss_break_map_get_break (const GlossBreakMap *map,
                           guint                i)
{
  g_return_val_if_fail (map != NULL, 0);
  g_return_val_if_fail (i < map->breaks->len, 0);

  return g_array_index (map->breaks, gsize, i) + i;
}

/* Where break I goes in the text the map was made from, in bytes. */
gsize
gloss_break_map_get_break_byte (const GlossBreakMap *map,
                                guint                i)
{
  g_return_val_if_fail (map != NULL, 0);
  g_return_val_if_fail (i < map->break_bytes->len, 0);

  return g_array_index (map->break_bytes, gsize, i);
}

/* TEXT, the text the map was made from, with a newline at each break. */
char *
gloss_break_map_apply (const GlossBreakMap *map,
                       const char          *text)
{
  GString *display;
  gsize copied = 0;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  display = g_string_sized_new (strlen (text) + map->breaks->len + 1);
  for (guint i = 0; i < map->break_bytes->len; i++)
    {
      gsize at = g_array_index (map->break_bytes, gsize, i);

      g_string_append_len (display, text + copied, at - copied);
      g_string_append_c (display, '\n');
      copied = at;
    }
  g_string_append (display, text + copied);

  return g_string_free (display, FALSE);
}

/* How many breaks lie before document OFFSET. */
static guint
count_breaks_upto (const GlossBreakMap *map,
                   gsize                offset)
{
  guint low = 0;
  guint high = map->breaks->len;

  /* The first break with breaks[i] > offset. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (map->breaks, gsize, mid) <= offset)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

gsize
gloss_break_map_to_display (const GlossBreakMap *map,
                            gsize                offset)
{
  g_return_val_if_fail (map != NULL, offset);

  return offset + count_breaks_upto (map, offset);
}

/* A display offset on a break maps to the document offset after it. */
gsize
gloss_break_map_from_display (const GlossBreakMap *map,
                              gsize                display_offset)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (map != NULL, display_offset);

  /* The number of breaks strictly before DISPLAY_OFFSET: those with
   * breaks[i] + i < display_offset. */
  high = map->breaks->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (map->breaks, gsize, mid) + mid < display_offset)
        low = mid + 1;
      else
        high = mid;
    }

  if (low < map->breaks->len && g_array_index (map->breaks, gsize, low) + low == display_offset)
    return g_array_index (map->breaks, gsize, low);

  return display_offset - low;
}

gboolean
gloss_break_map_is_break (const GlossBreakMap *map,
                          gsize                display_offset)
{
  gsize offset;
  guint before;

  g_return_val_if_fail (map != NULL, FALSE);

  offset = gloss_break_map_from_display (map, display_offset);
  before = count_breaks_upto (map, offset);
  return before > 0 && g_array_index (map->breaks, gsize, before - 1) == offset &&
         offset + before - 1 == display_offset;
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
                       g_dngettext (GETTEXT_PACKAGE,
                                    "UTF-16 offset %" G_GSIZE_FORMAT " is past the end of the "
                                    "text (%" G_GSIZE_FORMAT " unit)",
                                    "UTF-16 offset %" G_GSIZE_FORMAT " is past the end of the "
                                    "text (%" G_GSIZE_FORMAT " units)",
                                    cursor->units),
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

/* Python's text[start:end], leaving the cursor at END. */
char *
gloss_offsets_cursor_dup_range (GlossOffsetsCursor *cursor,
                                gsize               start,
                                gsize               end)
{
  gsize begin;

  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  begin = gloss_offsets_cursor_char_to_byte (cursor, start);

  return g_strndup (cursor->text + begin, gloss_offsets_cursor_char_to_byte (cursor, end) - begin);
}
