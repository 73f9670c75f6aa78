/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>

#include "gloss-search.h"

#define SAMPLE_RESOURCE "/io/github/glossapp/Gloss/core/zangezur-corridor.txt"

static char *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* Asserts that RANGES holds exactly the N_EXPECTED pairs in EXPECTED. */
static void
assert_ranges (GArray       *ranges,
               const gint64 *expected,
               guint         n_expected)
{
  g_assert_cmpuint (ranges->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      GlossSearchRange *range = &g_array_index (ranges, GlossSearchRange, i);

      g_assert_cmpint (range->start, ==, expected[2 * i]);
      g_assert_cmpint (range->end, ==, expected[2 * i + 1]);
    }
}

static guint
count (const char       *text,
       const char       *query,
       GlossSearchFlags  flags)
{
  g_autoptr(GArray) ranges = gloss_search_find_all (text, query, flags);

  return ranges->len;
}

/* The text between START and END, as Python's text[start:end] takes it. */
static char *
slice (const char *text,
       gint64      start,
       gint64      end)
{
  const char *begin = g_utf8_offset_to_pointer (text, start);
  const char *stop = g_utf8_offset_to_pointer (text, end);

  return g_strndup (begin, stop - begin);
}

/* Offsets checked against Python on the shipped article, whose em dash and
 * curly quotes put byte and code-point offsets apart. */
static void
test_sample_article (void)
{
  g_autofree char *text = load_sample ();
  static const gint64 iran[] = { 39, 43, 172, 176, 493, 497, 594, 598, 1479, 1483, 1625, 1629 };
  static const gint64 pezeshkian[] = { 197, 207, 521, 531 };
  static const gint64 trump_route[] = { 157, 171 };
  static const gint64 dashes[] = { 124, 125, 1189, 1190, 1274, 1275 };
  g_autoptr(GArray) ranges = NULL;

  ranges = gloss_search_find_all (text, "Iran", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, iran, G_N_ELEMENTS (iran) / 2);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all (text, "pezeshkian", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, pezeshkian, G_N_ELEMENTS (pezeshkian) / 2);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all (text, "“Trump Route.”", GLOSS_SEARCH_CASE_SENSITIVE);
  assert_ranges (ranges, trump_route, G_N_ELEMENTS (trump_route) / 2);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all (text, "—", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, dashes, G_N_ELEMENTS (dashes) / 2);

  for (guint i = 0; i < ranges->len; i++)
    {
      GlossSearchRange *range = &g_array_index (ranges, GlossSearchRange, i);
      g_autofree char *found = slice (text, range->start, range->end);

      g_assert_cmpstr (found, ==, "—");
    }
}

static void
test_astral (void)
{
  const char *text = "Pezeshkian 🤝 Baku; Velayati — “no.” 🤝🤝";
  static const gint64 baku[] = { 13, 17 };
  static const gint64 handshakes[] = { 11, 12, 36, 37, 37, 38 };
  static const gint64 velayati[] = { 19, 27 };
  g_autoptr(GArray) ranges = NULL;

  ranges = gloss_search_find_all (text, "BAKU", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, baku, 1);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all (text, "🤝", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, handshakes, 3);
  g_clear_pointer (&ranges, g_array_unref);

  /* The emoji is not part of a word, so the name next to it is one. */
  ranges = gloss_search_find_all (text, "Velayati", GLOSS_SEARCH_WHOLE_WORD);
  assert_ranges (ranges, velayati, 1);
}

static void
test_persian (void)
{
  /* "The president of Iran said that Iranians want ..." with a zero-width
   * non-joiner inside "رئیس‌جمهور" and "ایرانی‌ها". */
  const char *text = "رئیس‌جمهور ایران گفت که ایرانی‌ها می‌خواهند";
  static const gint64 iran_word[] = { 11, 16 };
  static const gint64 iran_all[] = { 11, 16, 24, 29 };
  g_autoptr(GArray) ranges = NULL;

  ranges = gloss_search_find_all (text, "ایران", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, iran_all, 2);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all (text, "ایران", GLOSS_SEARCH_WHOLE_WORD);
  assert_ranges (ranges, iran_word, 1);
  g_clear_pointer (&ranges, g_array_unref);

  /* The non-joiner keeps "جمهور" and "خواهند" inside their words. */
  g_assert_cmpuint (count (text, "جمهور", GLOSS_SEARCH_FLAGS_NONE), ==, 1);
  g_assert_cmpuint (count (text, "جمهور", GLOSS_SEARCH_WHOLE_WORD), ==, 0);
  g_assert_cmpuint (count (text, "خواهند", GLOSS_SEARCH_WHOLE_WORD), ==, 0);
  g_assert_cmpuint (count (text, "می‌خواهند", GLOSS_SEARCH_WHOLE_WORD), ==, 1);
}

static void
test_case (void)
{
  g_autoptr(GArray) ranges = NULL;

  g_assert_cmpuint (count ("IRAN iran Iran", "iran", GLOSS_SEARCH_FLAGS_NONE), ==, 3);
  g_assert_cmpuint (count ("IRAN iran Iran", "iran", GLOSS_SEARCH_CASE_SENSITIVE), ==, 1);
  g_assert_cmpuint (count ("IRAN iran Iran", "Iran", GLOSS_SEARCH_CASE_SENSITIVE), ==, 1);

  /* Beyond ASCII. */
  g_assert_cmpuint (count ("L’ÉTAT et l’état", "état", GLOSS_SEARCH_FLAGS_NONE), ==, 2);
  g_assert_cmpuint (count ("L’ÉTAT et l’état", "état", GLOSS_SEARCH_CASE_SENSITIVE), ==, 1);
  g_assert_cmpuint (count ("ΟΔΟΣ οδος οδοσ", "οδος", GLOSS_SEARCH_FLAGS_NONE), ==, 3);
  g_assert_cmpuint (count ("20 \u212A and 20 k", "20 K", GLOSS_SEARCH_FLAGS_NONE), ==, 2);

  /* Folding never changes a length: "ß" is not "ss", so the offsets after
   * it stay right. */
  ranges = gloss_search_find_all ("Straße STRASSE straße", "STRASSE", GLOSS_SEARCH_FLAGS_NONE);
  g_assert_cmpuint (ranges->len, ==, 1);
  g_assert_cmpint (g_array_index (ranges, GlossSearchRange, 0).start, ==, 7);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all ("Straße STRASSE straße", "STRAẞE", GLOSS_SEARCH_FLAGS_NONE);
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpint (g_array_index (ranges, GlossSearchRange, 1).start, ==, 15);
  g_assert_cmpint (g_array_index (ranges, GlossSearchRange, 1).end, ==, 21);
}

static void
test_whole_word (void)
{
  const char *text = "The IRGC and the IRGCs; (IRGC) IRGC’s";
  static const gint64 whole[] = { 4, 8, 25, 29, 31, 35 };
  g_autoptr(GArray) ranges = NULL;

  g_assert_cmpuint (count (text, "IRGC", GLOSS_SEARCH_FLAGS_NONE), ==, 4);
  ranges = gloss_search_find_all (text, "IRGC", GLOSS_SEARCH_WHOLE_WORD);
  assert_ranges (ranges, whole, 3);

  g_assert_cmpuint (count (text, "irgc", GLOSS_SEARCH_WHOLE_WORD), ==, 3);
  g_assert_cmpuint (count (text, "irgc", GLOSS_SEARCH_WHOLE_WORD | GLOSS_SEARCH_CASE_SENSITIVE),
                    ==, 0);

  /* A query that starts or ends with punctuation still needs its word
   * edges whole. */
  g_assert_cmpuint (count (text, "(IRGC)", GLOSS_SEARCH_WHOLE_WORD), ==, 1);
  g_assert_cmpuint (count (text, "(IRG", GLOSS_SEARCH_WHOLE_WORD), ==, 0);

  /* A combining accent belongs to the word before it. */
  g_assert_cmpuint (count ("cafe\u0301 cafe", "cafe", GLOSS_SEARCH_WHOLE_WORD), ==, 1);
  g_assert_cmpuint (count ("cafe\u0301 cafe", "cafe", GLOSS_SEARCH_FLAGS_NONE), ==, 2);

  /* Digits are part of words too. */
  g_assert_cmpuint (count ("12-day and 112 days", "12", GLOSS_SEARCH_WHOLE_WORD), ==, 1);
}

/* Find's matches, kept to whole words afterwards: the same as a whole-word
 * search, and a range outside the text is dropped, not read. */
static void
test_keep_whole_words (void)
{
  const char *texts[] = {
    "Iran and the Iranian side; Iran’s envoy, (Iran) Iran",
    "The IRGC and the IRGCs; (IRGC) IRGC’s",
    "cafe\u0301 cafe, U.S.-backed U.S.A.",
  };
  const char *queries[] = { "Iran", "IRGC", "(IRGC)", "cafe", "U.S.", "U.S" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GArray) kept = gloss_search_find_all (texts[t], queries[q],
                                                        GLOSS_SEARCH_FLAGS_NONE);
        g_autoptr(GArray) whole = gloss_search_find_all (texts[t], queries[q],
                                                         GLOSS_SEARCH_WHOLE_WORD);

        gloss_search_keep_whole_words (texts[t], kept);
        g_assert_cmpuint (kept->len, ==, whole->len);
        for (guint i = 0; i < kept->len; i++)
          {
            g_assert_cmpint (g_array_index (kept, GlossSearchRange, i).start, ==,
                             g_array_index (whole, GlossSearchRange, i).start);
            g_assert_cmpint (g_array_index (kept, GlossSearchRange, i).end, ==,
                             g_array_index (whole, GlossSearchRange, i).end);
          }
      }

  {
    g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (GlossSearchRange));
    GlossSearchRange outside[] = { { 0, 4 }, { 3, 99 }, { -1, 2 }, { 5, 5 } };

    g_array_append_vals (ranges, outside, G_N_ELEMENTS (outside));
    gloss_search_keep_whole_words ("Iran", ranges);
    g_assert_cmpuint (ranges->len, ==, 1);
    g_assert_cmpint (g_array_index (ranges, GlossSearchRange, 0).end, ==, 4);
  }
}

/* Matches never overlap and are taken left to right. */
static void
test_overlapping (void)
{
  static const gint64 aaaa[] = { 0, 3 };
  static const gint64 aaaaaa[] = { 0, 3, 3, 6 };
  g_autoptr(GArray) ranges = NULL;

  ranges = gloss_search_find_all ("aaaa", "aaa", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, aaaa, 1);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = gloss_search_find_all ("aaaaaa", "aaa", GLOSS_SEARCH_FLAGS_NONE);
  assert_ranges (ranges, aaaaaa, 2);
  g_clear_pointer (&ranges, g_array_unref);

  /* A candidate refused as a part of a word does not hide the match that
   * starts inside it. */
  g_assert_cmpuint (count ("aa a", "a", GLOSS_SEARCH_WHOLE_WORD), ==, 1);
  g_assert_cmpuint (count ("xaa aa", "aa", GLOSS_SEARCH_WHOLE_WORD), ==, 1);
}

static void
test_edge_cases (void)
{
  g_autoptr(GArray) limited = NULL;

  g_assert_cmpuint (count ("text", "", GLOSS_SEARCH_FLAGS_NONE), ==, 0);
  g_assert_cmpuint (count ("", "a", GLOSS_SEARCH_FLAGS_NONE), ==, 0);
  g_assert_cmpuint (count ("ab", "abc", GLOSS_SEARCH_FLAGS_NONE), ==, 0);
  g_assert_cmpuint (count ("abc", "abc", GLOSS_SEARCH_WHOLE_WORD), ==, 1);

  limited = gloss_search_find ("a a a a", "a", GLOSS_SEARCH_FLAGS_NONE, 2);
  g_assert_cmpuint (limited->len, ==, 2);
}

static void
test_results (void)
{
  const char *text = "First line ends here.\nAn em dash — 🤝 then Velayati said “no” "
                     "to the corridor and much more after it.";
  g_autoptr(GArray) ranges = gloss_search_find_all (text, "velayati", GLOSS_SEARCH_FLAGS_NONE);
  g_autoptr(GPtrArray) results = gloss_search_make_results (7, "notes.txt", text, ranges);
  GlossSearchResult *result;
  g_autoptr(GlossSearchResult) copy = NULL;

  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->document_id, ==, 7);
  g_assert_cmpstr (result->document_name, ==, "notes.txt");
  g_assert_cmpint (result->start, ==, 42);
  g_assert_cmpint (result->end, ==, 50);
  g_assert_cmpstr (result->match, ==, "Velayati");
  /* The context stops at the line break before and at 40 characters after. */
  g_assert_cmpstr (result->context_before, ==, "An em dash — 🤝 then ");
  g_assert_cmpstr (result->context_after, ==, " said “no” to the corridor and much more");
  g_assert_cmpint (g_utf8_strlen (result->context_after, -1), ==, GLOSS_SEARCH_CONTEXT_CHARS);

  copy = gloss_search_result_copy (result);
  g_assert_cmpstr (copy->context_before, ==, result->context_before);
  g_assert_cmpint (copy->end, ==, 50);
}

static void
test_results_many (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GArray) ranges = gloss_search_find_all (text, "the", GLOSS_SEARCH_WHOLE_WORD);
  g_autoptr(GPtrArray) results = gloss_search_make_results (1, "a", text, ranges);

  g_assert_cmpuint (results->len, ==, ranges->len);
  for (guint i = 0; i < results->len; i++)
    {
      GlossSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *found = slice (text, result->start, result->end);
      gint64 n_before = g_utf8_strlen (result->context_before, -1);
      g_autofree char *before = slice (text, result->start - n_before, result->start);

      g_assert_cmpstr (result->match, ==, found);
      g_assert_cmpstr (result->context_before, ==, before);
      g_assert_cmpint (g_ascii_strcasecmp (result->match, "the"), ==, 0);
    }
}

static void
test_prefilter (void)
{
  struct {
    const char *query;
    GlossSearchFlags flags;
    const char *prefilter;
  } cases[] = {
    { "Iran", GLOSS_SEARCH_FLAGS_NONE, "ran" },
    { "Iran", GLOSS_SEARCH_CASE_SENSITIVE, "Iran" },
    { "Velayati", GLOSS_SEARCH_WHOLE_WORD, "Velayat" },
    { "état", GLOSS_SEARCH_FLAGS_NONE, "tat" },
    { "ایران", GLOSS_SEARCH_FLAGS_NONE, "ایران" },
    { "is", GLOSS_SEARCH_FLAGS_NONE, "" },
    { "100%_", GLOSS_SEARCH_FLAGS_NONE, "100%_" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *prefilter = gloss_search_dup_prefilter (cases[i].query, cases[i].flags);

      g_assert_cmpstr (prefilter, ==, cases[i].prefilter);
    }
}

/* The prefilter is only right if no character it keeps has a case partner
 * outside ASCII. Check every code point: wherever two characters fold alike
 * and either is not ASCII, neither may be kept. */
static void
test_prefilter_every_code_point (void)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (gunichar c = 0; c <= 0x10FFFF; c++)
    {
      gunichar folded;
      GArray *group;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;

      folded = gloss_search_fold_char (c);
      group = g_hash_table_lookup (groups, GUINT_TO_POINTER (folded));
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (gunichar));
          g_hash_table_insert (groups, GUINT_TO_POINTER (folded), group);
        }
      g_array_append_val (group, c);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *group = value;
      gboolean all_ascii = TRUE;

      if (group->len < 2)
        continue;

      for (guint i = 0; i < group->len; i++)
        all_ascii &= g_array_index (group, gunichar, i) < 0x80;
      if (all_ascii)
        continue;

      for (guint i = 0; i < group->len; i++)
        {
          char query[7] = { 0 };
          g_autofree char *prefilter = NULL;

          if (g_array_index (group, gunichar, i) == 0)
            continue;
          g_unichar_to_utf8 (g_array_index (group, gunichar, i), query);
          prefilter = gloss_search_dup_prefilter (query, GLOSS_SEARCH_FLAGS_NONE);
          if (prefilter[0] != '\0')
            g_error ("U+%04X folds like another character, yet the prefilter keeps it",
                     g_array_index (group, gunichar, i));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/search/sample-article", test_sample_article);
  g_test_add_func ("/gloss/search/astral", test_astral);
  g_test_add_func ("/gloss/search/persian", test_persian);
  g_test_add_func ("/gloss/search/case", test_case);
  g_test_add_func ("/gloss/search/whole-word", test_whole_word);
  g_test_add_func ("/gloss/search/keep-whole-words", test_keep_whole_words);
  g_test_add_func ("/gloss/search/overlapping", test_overlapping);
  g_test_add_func ("/gloss/search/edge-cases", test_edge_cases);
  g_test_add_func ("/gloss/search/results", test_results);
  g_test_add_func ("/gloss/search/results-many", test_results_many);
  g_test_add_func ("/gloss/search/prefilter", test_prefilter);
  g_test_add_func ("/gloss/search/prefilter-every-code-point", test_prefilter_every_code_point);

  return g_test_run ();
}
