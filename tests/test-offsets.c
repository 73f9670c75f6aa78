/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-offsets.h"

static char *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "zangezur-corridor.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* Python: text.index("Pezeshkian") == 197 on the sample article. */
static void
test_sample_article (void)
{
  g_autofree char *text = load_sample ();
  g_autofree char *name = gloss_offsets_dup_range (text, 197, 207);
  const char *found = strstr (text, "Pezeshkian");
  gsize byte_index = found - text;

  g_assert_cmpstr (name, ==, "Pezeshkian");
  g_assert_cmpuint (gloss_offsets_byte_to_char (text, byte_index), ==, 197);
  g_assert_cmpuint (gloss_offsets_char_to_byte (text, 197), ==, byte_index);

  /* The em dash and curly quotes before it take three bytes each. */
  g_assert_cmpuint (byte_index, >, 197);
  g_assert_cmpuint (gloss_offsets_char_to_byte (text, 124), ==, 124);
  g_assert_cmpuint (gloss_offsets_char_to_byte (text, 125), ==, 127);

  /* Everything in the sample is in the Basic Multilingual Plane. */
  g_assert_cmpuint (gloss_offsets_char_to_utf16 (text, 197), ==, 197);
}

/* Counting code points in any number of bytes, a character cut off at the
 * end not counted: what g_utf8_strlen () says. */
static void
test_count_chars (void)
{
  const char *text = "Café — “Ro” 👋🏽 فارسی\r\n";
  gsize n = strlen (text);

  for (gsize i = 0; i <= n; i++)
    g_assert_cmpuint (gloss_offsets_count_chars (text, i), ==, g_utf8_strlen (text, i));
  g_assert_cmpuint (gloss_offsets_count_chars (text, -1), ==, g_utf8_strlen (text, -1));
  g_assert_cmpuint (gloss_offsets_count_chars ("", -1), ==, 0);
}

static void
assert_validate_as_glib (const char *text,
                         gsize       n_bytes)
{
  const char *end = NULL;
  const char *glib_end = NULL;
  gboolean valid = gloss_offsets_validate (text, n_bytes, &end);
  gsize n_chars = G_MAXSIZE;

  g_assert_cmpint (valid, ==, g_utf8_validate_len (text, n_bytes, &glib_end));
  g_assert_true (end == glib_end);

  /* The count comes with the same answer, and only for a valid text. */
  g_assert_cmpint (gloss_offsets_validate_and_count (text, n_bytes, &n_chars), ==, valid);
  if (valid)
    g_assert_cmpuint (n_chars, ==, g_utf8_strlen (text, n_bytes));
  else
    g_assert_cmpuint (n_chars, ==, G_MAXSIZE);
}

/* Validation says what GLib says, and where: a file's invalid byte is
 * named by its position; a valid text's characters are counted as GLib
 * counts them. Every byte of a mixed text is broken in turn,
 * and every prefix cuts a character somewhere. */
static void
test_validate (void)
{
  const char *text = "Plain ASCII for more than eight bytes, Café — “Ro” 👋🏽 فارسی\r\n";
  static const guchar breakers[] = { 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF5, 0xFF, 0x00 };
  gsize n = strlen (text);

  for (gsize i = 0; i <= n; i++)
    assert_validate_as_glib (text, i);

  for (gsize i = 0; i < n; i++)
    for (guint b = 0; b < G_N_ELEMENTS (breakers); b++)
      {
        g_autofree char *broken = g_strdup (text);

        broken[i] = (char) breakers[b];
        assert_validate_as_glib (broken, n);
      }

  /* An encoded surrogate and an overlong slash. */
  assert_validate_as_glib ("abcdefghij\xed\xa0\x80", 13);
  assert_validate_as_glib ("abcdefghij\xc0\xaf", 12);

  /* Every lead byte with every second byte, and the edges of the bytes
   * after: overlong forms, surrogates and code points past U+10FFFF are
   * refused exactly where GLib refuses them. */
  for (guint lead = 0x80; lead <= 0xFF; lead++)
    for (guint second = 0; second <= 0xFF; second++)
      {
        static const guchar tails[] = { 0x41, 0x80, 0xBF, 0xC0 };

        for (guint t = 0; t < G_N_ELEMENTS (tails); t++)
          for (guint u = 0; u < G_N_ELEMENTS (tails); u++)
            {
              const char bytes[] = { 'a', (char) lead, (char) second, (char) tails[t], (char) tails[u] };

              for (gsize length = 2; length <= sizeof bytes; length++)
                assert_validate_as_glib (bytes, length);
            }
      }
}

/* 👋🏽 is two code points outside the BMP: four UTF-16 units, eight bytes. */
static void
test_astral (void)
{
  const char *text = "Hi 👋🏽 Tehran 🇮🇷!";
  gsize char_offset = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *word = NULL;

  g_assert_cmpuint (gloss_offsets_count_chars (text, -1), ==, 16);
  g_assert_cmpuint (gloss_offsets_count_utf16 (text, -1), ==, 20);

  /* "Tehran" is code points 6-12, UTF-16 units 8-14. */
  word = gloss_offsets_dup_range (text, 6, 12);
  g_assert_cmpstr (word, ==, "Tehran");
  g_assert_cmpuint (gloss_offsets_char_to_utf16 (text, 6), ==, 8);
  g_assert_cmpuint (gloss_offsets_char_to_utf16 (text, 12), ==, 14);
  g_assert_cmpuint (gloss_offsets_char_to_byte (text, 6), ==, 12);

  g_assert_true (gloss_offsets_utf16_to_char (text, 14, &char_offset, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (char_offset, ==, 12);

  /* Unit 4 is the second half of 👋's surrogate pair. */
  g_assert_false (gloss_offsets_utf16_to_char (text, 4, &char_offset, &error));
  g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_SPLITS_CHARACTER);
  g_clear_error (&error);

  g_assert_false (gloss_offsets_utf16_to_char (text, 21, &char_offset, &error));
  g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE);
}

/* Persian, right to left, with a zero-width non-joiner (U+200C) inside
 * "می‌خواهم": the ZWNJ is a code point of its own. */
static void
test_persian_zwnj (void)
{
  const char *text = "پزشکیان می\u200cخواهد روابط عادی شود.";
  g_autofree char *name = gloss_offsets_dup_range (text, 0, 7);
  g_autofree char *verb = gloss_offsets_dup_range (text, 8, 16);

  g_assert_cmpstr (name, ==, "پزشکیان");
  g_assert_cmpstr (verb, ==, "می\u200cخواهد");
  g_assert_cmpuint (gloss_offsets_char_to_byte (text, 8), ==, 15);
  g_assert_cmpuint (gloss_offsets_byte_to_char (text, 15), ==, 8);
  g_assert_cmpuint (gloss_offsets_char_to_utf16 (text, 16), ==, 16);
}

static void
test_check_span (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_offsets_check_span (10, 0, 10, &error));
  g_assert_no_error (error);

  g_assert_false (gloss_offsets_check_span (10, 4, 11, &error));
  g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (gloss_offsets_check_span (10, 8, 3, &error));
  g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_INVERTED);
  g_assert_nonnull (strstr (error->message, "8-3 ends before it starts"));
  g_clear_error (&error);

  g_assert_false (gloss_offsets_check_span (10, 3, 3, &error));
  g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_false (gloss_offsets_check_span (10, -1, 3, &error));
  g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE);
}

/* CRLF line endings are two code points, as Python counts them. */
static void
test_crlf (void)
{
  const char *text = "Iran\r\nAzerbaijan";
  g_autofree char *word = gloss_offsets_dup_range (text, 6, 16);

  g_assert_cmpstr (word, ==, "Azerbaijan");
  g_assert_cmpuint (gloss_offsets_count_chars (text, -1), ==, 16);
}

/* Display breaks never move a document offset, and every line of the
 * display is at most MAX_LINE_CHARS long. */
static void
check_break_map (const char *text,
                 gsize       max_line_chars,
                 guint       min_breaks)
{
  g_autoptr(GlossBreakMap) map = gloss_break_map_new (text, max_line_chars);
  g_autofree char *display = gloss_break_map_apply (map, text);
  g_auto(GStrv) lines = NULL;
  gsize length = g_utf8_strlen (text, -1);

  g_assert_cmpuint (gloss_break_map_get_n_breaks (map), >=, min_breaks);
  g_assert_cmpuint (g_utf8_strlen (display, -1), ==, length + gloss_break_map_get_n_breaks (map));

  for (gsize offset = 0; offset <= length; offset++)
    {
      gsize shown = gloss_break_map_to_display (map, offset);

      g_assert_cmpuint (gloss_break_map_from_display (map, shown), ==, offset);
      g_assert_false (gloss_break_map_is_break (map, shown));
      if (offset < length)
        g_assert_true (g_utf8_get_char (g_utf8_offset_to_pointer (display, shown)) ==
                       g_utf8_get_char (g_utf8_offset_to_pointer (text, offset)));
    }

  /* Each break's byte is where its document offset is in the text. */
  for (guint i = 0; i < gloss_break_map_get_n_breaks (map); i++)
    {
      gsize at = gloss_break_map_get_break (map, i) - i;

      g_assert_cmpuint (gloss_break_map_get_break_byte (map, i), ==,
                        g_utf8_offset_to_pointer (text, at) - text);
    }

  lines = g_strsplit_set (display, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (g_utf8_strlen (lines[i], -1), <=, max_line_chars);
}

static void
test_break_map (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) lines = g_string_new ("🇦🇿 Baku — ");

  /* One long line of words, with emoji and Persian inside. */
  for (int i = 0; i < 400; i++)
    g_string_append (line, i % 3 == 0 ? "Tehran 🇮🇷 " : i % 3 == 1 ? "پزشکیان " : "corridor ");
  check_break_map (line->str, 100, 11);

  /* Long lines among short ones, after characters of several bytes: the
   * breaks of the later lines are counted from the document's start. */
  g_string_append_printf (lines, "Yerevan\r\n%s\n\nپزشکیان\n%s", line->str, line->str);
  check_break_map (lines->str, 100, 22);
}

/* Text with line breaks of its own gets no extra ones. */
static void
test_break_map_short_lines (void)
{
  g_autoptr(GlossBreakMap) map = gloss_break_map_new ("Baku\r\nTehran\nYerevan", 100);

  g_assert_cmpuint (gloss_break_map_get_n_breaks (map), ==, 0);
  g_assert_cmpuint (gloss_break_map_to_display (map, 7), ==, 7);
}

/* A cursor gives what the one-shot conversions give, in any order of
 * offsets, and keeps working after an offset it refused. */
static void
test_cursor (void)
{
  const char *text = "Baku 🇦🇿 — پزشکیان می\u200cخواهد 😠\r\nRe\u0301sume\u0301";
  gsize n_chars = gloss_offsets_count_chars (text, -1);
  gsize n_units = gloss_offsets_count_utf16 (text, -1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GlossOffsetsCursor cursor;
  gsize char_offset = 0;

  gloss_offsets_cursor_init (&cursor, text);

  /* Forward, backward, then at random. */
  for (guint round = 0; round < 3; round++)
    for (gsize i = 0; i <= n_chars; i++)
      {
        gsize c = round == 0 ? i : round == 1 ? n_chars - i
                                             : (gsize) g_rand_int_range (rand, 0, n_chars + 1);
        gsize units = gloss_offsets_char_to_utf16 (text, c);
        g_autoptr(GError) error = NULL;

        g_assert_cmpuint (gloss_offsets_cursor_char_to_byte (&cursor, c), ==,
                          gloss_offsets_char_to_byte (text, c));
        g_assert_cmpuint (gloss_offsets_cursor_char_to_utf16 (&cursor, c), ==, units);
        g_assert_true (gloss_offsets_cursor_utf16_to_char (&cursor, units, &char_offset, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (char_offset, ==, c);
      }

  /* Every UTF-16 offset: a code point boundary, or the middle of a pair. */
  for (gsize u = n_units + 1; u-- > 0;)
    {
      g_autoptr(GError) cursor_error = NULL;
      g_autoptr(GError) error = NULL;
      gsize expected = 0;
      gboolean ok = gloss_offsets_utf16_to_char (text, u, &expected, &error);

      g_assert_cmpint (gloss_offsets_cursor_utf16_to_char (&cursor, u, &char_offset,
                                                           &cursor_error), ==, ok);
      if (ok)
        g_assert_cmpuint (char_offset, ==, expected);
      else
        {
          g_assert_error (cursor_error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_SPLITS_CHARACTER);
          g_assert_cmpstr (cursor_error->message, ==, error->message);
        }
    }

  /* "🇦🇿" starts at unit 5: unit 6 is inside its first pair. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gloss_offsets_cursor_utf16_to_char (&cursor, 6, &char_offset, &error));
    g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_SPLITS_CHARACTER);
    g_clear_error (&error);

    g_assert_false (gloss_offsets_cursor_utf16_to_char (&cursor, n_units + 1, &char_offset,
                                                        &error));
    g_assert_error (error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);

    g_assert_true (gloss_offsets_cursor_utf16_to_char (&cursor, 7, &char_offset, &error));
    g_assert_cmpuint (char_offset, ==, 6);
  }

  /* Past the end, the end. */
  g_assert_cmpuint (gloss_offsets_cursor_char_to_byte (&cursor, n_chars + 5), ==, strlen (text));
}

/* A cursor gives the same bytes as counting from the start, whichever way it
 * moves: forward in reading order, back to an earlier span, past astral
 * characters and combining marks. */
static void
test_cursor_ranges (void)
{
  const char *text = "Baku 🇦🇿 and Tehran 🇮🇷 — Zu\u0308rich “talks”.";
  gsize length = gloss_offsets_count_chars (text, -1);
  GlossOffsetsCursor cursor;
  g_autofree char *tehran = NULL;
  g_autofree char *baku = NULL;
  g_autofree char *zurich = NULL;
  g_autofree char *all = NULL;

  gloss_offsets_cursor_init (&cursor, text);
  for (gsize i = 0; i <= length; i++)
    g_assert_cmpuint (gloss_offsets_cursor_char_to_byte (&cursor, i), ==,
                      gloss_offsets_char_to_byte (text, i));
  for (gsize i = length + 1; i-- > 0;)
    g_assert_cmpuint (gloss_offsets_cursor_char_to_byte (&cursor, i), ==,
                      gloss_offsets_char_to_byte (text, i));

  tehran = gloss_offsets_cursor_dup_range (&cursor, 12, 21);
  g_assert_cmpstr (tehran, ==, "Tehran 🇮🇷");
  baku = gloss_offsets_cursor_dup_range (&cursor, 0, 4);
  g_assert_cmpstr (baku, ==, "Baku");
  zurich = gloss_offsets_cursor_dup_range (&cursor, 24, 31);
  g_assert_cmpstr (zurich, ==, "Zu\u0308rich");
  all = gloss_offsets_cursor_dup_range (&cursor, 0, length);
  g_assert_cmpstr (all, ==, text);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/offsets/sample-article", test_sample_article);
  g_test_add_func ("/gloss/offsets/count-chars", test_count_chars);
  g_test_add_func ("/gloss/offsets/validate", test_validate);
  g_test_add_func ("/gloss/offsets/astral", test_astral);
  g_test_add_func ("/gloss/offsets/persian-zwnj", test_persian_zwnj);
  g_test_add_func ("/gloss/offsets/crlf", test_crlf);
  g_test_add_func ("/gloss/offsets/check-span", test_check_span);
  g_test_add_func ("/gloss/offsets/break-map", test_break_map);
  g_test_add_func ("/gloss/offsets/break-map/short-lines", test_break_map_short_lines);
  g_test_add_func ("/gloss/offsets/cursor", test_cursor);
  g_test_add_func ("/gloss/offsets/cursor/ranges", test_cursor_ranges);

  return g_test_run ();
}
