/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-history.h"
#include "gloss-project.h"
#include "gloss-store.h"
#include "gloss-test-store.h"

#define NOTES_TEXT "Notes 🤝 on Velayati — “VELAYATI said no”.\nvelayati again."

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
  gint64 sample_id;
  gint64 notes_id;
  gint64 kelvin_id;
  gint64 french_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-store-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "search.gloss", NULL);
  fixture->store = gloss_store_create (fixture->path, gloss_project_seed_sample, NULL, &error);
  g_assert_no_error (error);

  ids = gloss_store_list_document_ids (fixture->store, &error);
  fixture->sample_id = g_array_index (ids, gint64, 0);
  fixture->notes_id = gloss_store_add_document (fixture->store, "notes.txt", NOTES_TEXT, NULL,
                                                &error);
  g_assert_no_error (error);
  /* Text that LIKE would miss for a query in another case: the Kelvin sign
   * is a capital k, É is not é to LIKE. */
  fixture->kelvin_id = gloss_store_add_document (fixture->store, "kelvin.txt",
                                                 "Cooled to 5 \u212A overnight.", NULL, &error);
  fixture->french_id = gloss_store_add_document (fixture->store, "etat.txt",
                                                 "L’ÉTAT PROFOND, dit-on.", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GlossSearchResult *
result_at (GPtrArray *results,
           guint      i)
{
  return g_ptr_array_index (results, i);
}

static guint
count_spans (Fixture *fixture,
             gint64   document_id)
{
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, document_id, NULL);

  return spans->len;
}

static void
test_results (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  results = gloss_store_search_project (fixture->store, "Velayati", GLOSS_SEARCH_FLAGS_NONE, 0,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);

  /* In document order, then in reading order. */
  g_assert_cmpint (result_at (results, 0)->document_id, ==, fixture->sample_id);
  g_assert_cmpstr (result_at (results, 0)->document_name, ==, "zangezur-corridor.txt");
  g_assert_cmpint (result_at (results, 0)->start, ==, 824);
  g_assert_cmpint (result_at (results, 0)->end, ==, 832);
  g_assert_cmpstr (result_at (results, 0)->match, ==, "Velayati");
  g_assert_cmpstr (result_at (results, 0)->context_before, ==,
                   " Supreme Leader Ali Khamenei, Ali Akbar ");
  g_assert_cmpstr (result_at (results, 0)->context_after, ==,
                   ", who has vowed to block the U.S.-backed");

  /* Offsets in code points, past an emoji and an em dash. */
  g_assert_cmpint (result_at (results, 1)->document_id, ==, fixture->notes_id);
  g_assert_cmpstr (result_at (results, 1)->document_name, ==, "notes.txt");
  g_assert_cmpint (result_at (results, 1)->start, ==, 11);
  g_assert_cmpint (result_at (results, 1)->end, ==, 19);
  g_assert_cmpstr (result_at (results, 1)->context_before, ==, "Notes 🤝 on ");
  g_assert_cmpint (result_at (results, 2)->start, ==, 23);
  g_assert_cmpstr (result_at (results, 2)->match, ==, "VELAYATI");
  g_assert_cmpstr (result_at (results, 2)->context_after, ==, " said no”.");
  g_assert_cmpint (result_at (results, 3)->start, ==, 42);
  g_assert_cmpstr (result_at (results, 3)->context_before, ==, "");
  g_assert_cmpstr (result_at (results, 3)->context_after, ==, " again.");
}

static void
test_options (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  results = gloss_store_search_project (fixture->store, "velayati", GLOSS_SEARCH_CASE_SENSITIVE, 0,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (result_at (results, 0)->start, ==, 42);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* "Iranian" is not the word "Iran". */
  results = gloss_store_search_project (fixture->store, "iran", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_cmpuint (results->len, ==, 6);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = gloss_store_search_project (fixture->store, "iran", GLOSS_SEARCH_WHOLE_WORD, 0, &error);
  g_assert_cmpuint (results->len, ==, 5);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Case beyond ASCII: found although LIKE tells these apart. */
  results = gloss_store_search_project (fixture->store, "5 k", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (result_at (results, 0)->document_id, ==, fixture->kelvin_id);
  g_assert_cmpint (result_at (results, 0)->start, ==, 10);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = gloss_store_search_project (fixture->store, "l’état profond", GLOSS_SEARCH_WHOLE_WORD,
                                        0, &error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (result_at (results, 0)->document_id, ==, fixture->french_id);
  g_assert_cmpstr (result_at (results, 0)->match, ==, "L’ÉTAT PROFOND");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* LIKE's own wildcards in a query are plain characters. */
  results = gloss_store_search_project (fixture->store, "Leader_Ali", GLOSS_SEARCH_FLAGS_NONE, 0,
                                        &error);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = gloss_store_search_project (fixture->store, "%", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = gloss_store_search_project (fixture->store, "", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) first = NULL;

  all = gloss_store_search_project (fixture->store, "velayati", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  first = gloss_store_search_project (fixture->store, "velayati", GLOSS_SEARCH_FLAGS_NONE, 2,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpuint (first->len, ==, 2);
  for (guint i = 0; i < first->len; i++)
    {
      g_assert_cmpint (result_at (first, i)->document_id, ==, result_at (all, i)->document_id);
      g_assert_cmpint (result_at (first, i)->start, ==, result_at (all, i)->start);
    }
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
search_async (Fixture       *fixture,
              const char    *query,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gloss_store_search_project_async (fixture->store, query, GLOSS_SEARCH_FLAGS_NONE, 0, cancellable,
                                    on_search_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return gloss_store_search_project_finish (fixture->store, result, error);
}

/* The search that a window runs on a thread finds what the direct one does,
 * including the rows the window's connection wrote last. */
static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) direct = NULL;
  g_autoptr(GPtrArray) threaded = NULL;
  g_autoptr(GPtrArray) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  direct = gloss_store_search_project (fixture->store, "Velayati", GLOSS_SEARCH_FLAGS_NONE, 0,
                                       &error);
  threaded = search_async (fixture, "Velayati", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (threaded->len, ==, direct->len);
  for (guint i = 0; i < direct->len; i++)
    {
      g_assert_cmpint (result_at (threaded, i)->document_id, ==,
                       result_at (direct, i)->document_id);
      g_assert_cmpint (result_at (threaded, i)->start, ==, result_at (direct, i)->start);
      g_assert_cmpstr (result_at (threaded, i)->context_before, ==,
                       result_at (direct, i)->context_before);
    }

  g_cancellable_cancel (cancellable);
  cancelled = search_async (fixture, "Velayati", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

/* "Azerbaijan" appears three times in the sample; the new project labels the
 * first as a foreign government. */
static void
test_label_all (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossHistory) history = gloss_history_new (fixture->store);
  g_autofree char *text = gloss_store_load_text (fixture->store, fixture->sample_id, &error);
  g_autoptr(GArray) ranges = gloss_search_find_all (text, "Azerbaijan", GLOSS_SEARCH_WHOLE_WORD);
  gint64 foreign = gloss_test_label_id (fixture->store, "Foreign government", NULL);
  gint64 hardline = gloss_test_label_id (fixture->store, "Hardline camp", NULL);
  guint n_before = count_spans (fixture, fixture->sample_id);
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  guint n_skipped = 99;

  g_assert_cmpuint (ranges->len, ==, 3);

  created = gloss_store_add_spans_for_matches (fixture->store, fixture->sample_id, foreign, ranges,
                                               "Ana", &n_skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (created->len, ==, 2);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpuint (count_spans (fixture, fixture->sample_id), ==, n_before + 2);

  spans = gloss_store_list_spans (fixture->store, fixture->sample_id, &error);
  for (guint i = 0; i < ranges->len; i++)
    {
      GlossSearchRange *range = &g_array_index (ranges, GlossSearchRange, i);
      guint n_found = 0;

      for (guint j = 0; j < spans->len; j++)
        {
          GlossSpan *span = spans->pdata[j];

          if (gloss_span_get_start (span) == range->start &&
              gloss_span_get_end (span) == range->end &&
              gloss_span_get_label_id (span) == foreign)
            n_found++;
        }
      g_assert_cmpuint (n_found, ==, 1);
    }
  g_assert_cmpstr (gloss_span_get_annotator (created->pdata[0]), ==, "Ana");

  /* Again: everything is labeled already, nothing to do, nothing to undo. */
  again = gloss_store_add_spans_for_matches (fixture->store, fixture->sample_id, foreign, ranges,
                                             "Ana", &n_skipped, &error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 3);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* Another label over the same ranges is not a duplicate. */
  again = gloss_store_add_spans_for_matches (fixture->store, fixture->sample_id, hardline, ranges,
                                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_cmpuint (count_spans (fixture, fixture->sample_id), ==, n_before + 5);

  /* One undo per "Label All". */
  g_assert_true (gloss_history_undo (history, &error));
  g_assert_cmpuint (count_spans (fixture, fixture->sample_id), ==, n_before + 2);
  g_assert_true (gloss_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_spans (fixture, fixture->sample_id), ==, n_before);
  g_assert_false (gloss_history_can_undo (history));

  g_assert_true (gloss_history_redo (history, &error));
  g_assert_cmpuint (count_spans (fixture, fixture->sample_id), ==, n_before + 2);
}

/* A range the document cannot hold fails the whole batch. */
static void
test_label_all_all_or_nothing (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (GlossSearchRange));
  GlossSearchRange good = { 0, 5 };
  GlossSearchRange bad = { 40, 4000 };
  gint64 foreign = gloss_test_label_id (fixture->store, "Foreign government", NULL);
  guint n_before = count_spans (fixture, fixture->notes_id);
  g_autoptr(GPtrArray) created = NULL;

  g_array_append_val (ranges, good);
  g_array_append_val (ranges, bad);
  created = gloss_store_add_spans_for_matches (fixture->store, fixture->notes_id, foreign, ranges,
                                               NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_null (created);
  g_assert_cmpuint (count_spans (fixture, fixture->notes_id), ==, n_before);
  g_clear_error (&error);

  created = gloss_store_add_spans_for_matches (fixture->store, fixture->notes_id, 9999, ranges,
                                               NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_spans (fixture, fixture->notes_id), ==, n_before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/store/search/results", test_results);
  ADD ("/gloss/store/search/options", test_options);
  ADD ("/gloss/store/search/limit", test_limit);
  ADD ("/gloss/store/search/async", test_async);
  ADD ("/gloss/store/label-all/skips-duplicates", test_label_all);
  ADD ("/gloss/store/label-all/all-or-nothing", test_label_all_all_or_nothing);

#undef ADD

  return g_test_run ();
}
