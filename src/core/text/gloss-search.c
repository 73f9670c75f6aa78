/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Finding a phrase in a text, in code points. The document view, the project
 * search and "Label All" all match through here, so that a match means the
 * same thing everywhere and its offsets can become a span unchanged.
 *
 * Case-insensitive matching folds one code point at a time, so that the
 * folded text has exactly as many characters as the text: folding a whole
 * string (g_utf8_casefold) may turn "ß" into "ss" and shift every offset
 * after it. */

#define G_LOG_DOMAIN "gloss-search"

#include "config.h"

#include "gloss-offsets.h"
#include "gloss-search.h"

#define ZERO_WIDTH_NON_JOINER 0x200C
#define ZERO_WIDTH_JOINER 0x200D
#define LATIN_SMALL_DOTLESS_I 0x0131

G_DEFINE_BOXED_TYPE (GlossSearchResult, gloss_search_result,
                     gloss_search_result_copy, gloss_search_result_free)

GlossSearchResult *
gloss_search_result_copy (const GlossSearchResult *result)
{
  GlossSearchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (GlossSearchResult, 1);
  copy->document_id = result->document_id;
  copy->document_name = g_strdup (result->document_name);
  copy->start = result->start;
  copy->end = result->end;
  copy->context_before = g_strdup (result->context_before);
  copy->match = g_strdup (result->match);
  copy->context_after = g_strdup (result->context_after);

  return copy;
}

void
gloss_search_result_free (GlossSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->document_name);
  g_free (result->context_before);
  g_free (result->match);
  g_free (result->context_after);
  g_free (result);
}

/* The character C compares as when case does not matter. Going through the
 * upper case first makes the variants of one letter meet: final and medial
 * sigma, long s and s, the Kelvin sign and k. Dotless ı stays itself, as in
 * Unicode's case folding, rather than becoming an i by way of I. */
gunichar
gloss_search_fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  if (c == LATIN_SMALL_DOTLESS_I)
    return c;

  return g_unichar_tolower (g_unichar_toupper (c));
}

/* Letters, digits and marks make up words; so do the joiners, without which
 * many Persian words and emoji sequences would fall apart. */
gboolean
gloss_search_is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER;
    }
}

static gunichar *
decode (const char       *text,
        GlossSearchFlags  flags,
        glong            *n_chars)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n_chars);

  if ((flags & GLOSS_SEARCH_CASE_SENSITIVE) == 0)
    {
      for (glong i = 0; i < *n_chars; i++)
        chars[i] = gloss_search_fold_char (chars[i]);
    }

  return chars;
}

/* A match is a whole word when it neither continues a word before it nor
 * runs on into one after it. An edge of the query that is not itself part of
 * a word ("(IRGC)", "U.S.-") has no word to cut, so only its other side
 * counts. */
static gboolean
is_whole_word (const gunichar *text,
               glong           n_text,
               glong           start,
               glong           end)
{
  if (start > 0 && gloss_search_is_word_char (text[start]) &&
      gloss_search_is_word_char (text[start - 1]))
    return FALSE;

  if (end < n_text && gloss_search_is_word_char (text[end - 1]) &&
      gloss_search_is_word_char (text[end]))
    return FALSE;

  return TRUE;
}

/* Keeps in RANGES (GlossSearchRange, in characters of TEXT) the ones that
 * are whole words of TEXT, as GLOSS_SEARCH_WHOLE_WORD finds them: those
 * found without it that neither continue a word before them nor run on into
 * one after. TEXT must be valid UTF-8; a range outside it is dropped. */
void
gloss_search_keep_whole_words (const char *text,
                               GArray     *ranges)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars;
  guint kept = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (ranges != NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  for (guint i = 0; i < ranges->len; i++)
    {
      GlossSearchRange range = g_array_index (ranges, GlossSearchRange, i);

      if (range.start >= 0 && range.start < range.end && range.end <= n_chars &&
          is_whole_word (chars, n_chars, range.start, range.end))
        g_array_index (ranges, GlossSearchRange, kept++) = range;
    }
  g_array_set_size (ranges, kept);
}

/* Every match of QUERY in TEXT, left to right, none overlapping another: "aaa"
 * in "aaaa" is found once, at 0. Both must be valid UTF-8. */
GArray *
gloss_search_find_all (const char       *text,
                       const char       *query,
                       GlossSearchFlags  flags)
{
  return gloss_search_find (text, query, flags, 0);
}

/* As gloss_search_find_all(), stopping after MAX_MATCHES (0: no limit). */
GArray *
gloss_search_find (const char       *text,
                   const char       *query,
                   GlossSearchFlags  flags,
                   guint             max_matches)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (GlossSearchRange));
  g_autofree gunichar *haystack = NULL;
  g_autofree gunichar *needle = NULL;
  glong n_haystack, n_needle;

  g_return_val_if_fail (text != NULL, ranges);
  g_return_val_if_fail (query != NULL, ranges);

  if (query[0] == '\0' || text[0] == '\0')
    return ranges;

  needle = decode (query, flags, &n_needle);
  haystack = decode (text, flags, &n_haystack);

  for (glong i = 0; i + n_needle <= n_haystack;)
    {
      glong j = 0;

      if (haystack[i] != needle[0])
        {
          i++;
          continue;
        }

      while (j < n_needle && haystack[i + j] == needle[j])
        j++;

      if (j == n_needle &&
          ((flags & GLOSS_SEARCH_WHOLE_WORD) == 0 ||
           is_whole_word (haystack, n_haystack, i, i + n_needle)))
        {
          GlossSearchRange range = { i, i + n_needle };

          g_array_append_val (ranges, range);
          if (max_matches > 0 && ranges->len >= max_matches)
            break;
          i += n_needle;
        }
      else
        {
          i++;
        }
    }

  return ranges;
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Up to GLOSS_SEARCH_CONTEXT_CHARS characters before POS, within its line. */
static char *
dup_context_before (const char *text,
                    const char *pos)
{
  const char *begin = pos;

  for (guint i = 0; i < GLOSS_SEARCH_CONTEXT_CHARS && begin > text; i++)
    {
      const char *prev = g_utf8_prev_char (begin);

      if (is_line_break (g_utf8_get_char (prev)))
        break;
      begin = prev;
    }

  return g_strndup (begin, pos - begin);
}

/* Up to GLOSS_SEARCH_CONTEXT_CHARS characters from POS, within its line. */
static char *
dup_context_after (const char *pos)
{
  const char *stop = pos;

  for (guint i = 0; i < GLOSS_SEARCH_CONTEXT_CHARS && *stop != '\0'; i++)
    {
      if (is_line_break (g_utf8_get_char (stop)))
        break;
      stop = g_utf8_next_char (stop);
    }

  return g_strndup (pos, stop - pos);
}

/* GlossSearchResults for RANGES, matches in TEXT in the order
 * gloss_search_find() gives them. Each range's position is found from the
 * previous one, so that a long document is walked once, not once a match. */
GPtrArray *
gloss_search_make_results (gint64      document_id,
                           const char *document_name,
                           const char *text,
                           GArray     *ranges)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_search_result_free);
  const char *cursor = text;
  gint64 cursor_offset = 0;

  g_return_val_if_fail (text != NULL, results);
  g_return_val_if_fail (ranges != NULL, results);

  for (guint i = 0; i < ranges->len; i++)
    {
      const GlossSearchRange *range = &g_array_index (ranges, GlossSearchRange, i);
      GlossSearchResult *result;
      const char *match_end;

      g_return_val_if_fail (range->start >= cursor_offset && range->end > range->start, results);

      cursor += gloss_offsets_char_to_byte (cursor, range->start - cursor_offset);
      cursor_offset = range->start;
      match_end = cursor + gloss_offsets_char_to_byte (cursor, range->end - range->start);

      result = g_new0 (GlossSearchResult, 1);
      result->document_id = document_id;
      result->document_name = g_strdup (document_name);
      result->start = range->start;
      result->end = range->end;
      result->context_before = dup_context_before (text, cursor);
      result->match = g_strndup (cursor, match_end - cursor);
      result->context_after = dup_context_after (match_end);
      g_ptr_array_add (results, result);
    }

  return results;
}

/* Whether every character that folds like C is C itself, or an ASCII letter
 * that SQLite's LIKE already matches regardless of case. Anything else (é
 * and É, which LIKE tells apart, or k and the Kelvin sign) cannot go into a
 * LIKE pattern without losing matches. */
static gboolean
folds_like_sqlite (gunichar c)
{
  if (c < 0x80)
    {
      switch (g_ascii_tolower (c))
        {
        case 'i':   /* İ, ı */
        case 'k':   /* the Kelvin sign */
        case 's':   /* long s */
          return FALSE;
        default:
          return TRUE;
        }
    }

  /* Folding ends on a lower case letter; one that is not lower case and
   * folds to itself is the only character that folds like it. */
  return gloss_search_fold_char (c) == c &&
         g_unichar_type (c) != G_UNICODE_LOWERCASE_LETTER;
}

/* A piece of QUERY that every match contains: exactly with
 * GLOSS_SEARCH_CASE_SENSITIVE, otherwise up to the case of ASCII letters, as
 * SQLite's instr() and LIKE compare. The store uses it to skip documents
 * without reading them. Empty when no such piece is known. */
char *
gloss_search_dup_prefilter (const char       *query,
                            GlossSearchFlags  flags)
{
  const char *best = query;
  gsize best_length = 0;
  const char *run = query;

  g_return_val_if_fail (query != NULL, NULL);

  if (flags & GLOSS_SEARCH_CASE_SENSITIVE)
    return g_strdup (query);

  for (const char *p = query;; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || !folds_like_sqlite (g_utf8_get_char (p)))
        {
          if ((gsize) (p - run) > best_length)
            {
              best = run;
              best_length = p - run;
            }
          if (*p == '\0')
            break;
          run = g_utf8_next_char (p);
        }
    }

  return g_strndup (best, best_length);
}
