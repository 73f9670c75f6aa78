/* SPDX-License-Identifier: GPL-3.0-or-later */

/* many-documents: a project of 100,000 short documents. Opening it, the
 * document list scrolled from top to bottom, the memory that takes, and a
 * search of the whole project. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <math.h>

#include "gloss-bench.h"
#include "gloss-document-list.h"
#include "gloss-window-testing.h"

/* In about one document in ten thousand: a search that finds little. */
#define RARE_WORD "Nakhchivan"
/* In about half of them. */
#define COMMON_WORD "government"

static char *
many_project_path (BenchContext *ctx)
{
  return g_build_filename (ctx->datadir, "many.gloss", NULL);
}

static gboolean
prepare_many_documents (BenchContext  *ctx,
                        GError       **error)
{
  g_autofree char *path = many_project_path (ctx);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_documents = ctx->quick ? 10000 : 100000;
  double started = bench_now_ms ();
  BenchRandom random;

  bench_random_init (&random, 42);
  store = gloss_store_create (path, NULL, NULL, error);
  if (store == NULL || !gloss_store_begin (store, error))
    return FALSE;

  if ((labels = bench_add_labels (store, error)) == NULL)
    goto failed;

  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%06u.txt", i + 1);

      g_string_truncate (text, 0);
      bench_append_words (text, &random, 150 + bench_random_int (&random, 40), TRUE, NULL, NULL);
      if (i % 10007 == 5000)
        g_string_append (text, " " RARE_WORD ".");
      if (gloss_store_add_document (store, name, text->str, NULL, error) == 0)
        goto failed;
    }

  if (!gloss_store_commit (store, error))
    goto failed;

  bench_note ("many.gloss: %u documents, made in %.1f s", n_documents,
              (bench_now_ms () - started) / 1000);
  return TRUE;

failed:
  gloss_store_rollback (store);
  return FALSE;
}

static gboolean
is_document_list (GtkWidget *widget,
                  gpointer   data)
{
  GtkSelectionModel *model;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;

  model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  return GTK_IS_SINGLE_SELECTION (model) &&
         GLOSS_IS_DOCUMENT_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));
}

/* Opens the project as Gloss does; the time to the window's first frame,
 * in ms. */
static GlossWindow *
open_project (const char  *path,
              double      *elapsed,
              GError     **error)
{
  g_autoptr(GlossStore) store = NULL;
  GlossWindow *window;
  double started;

  bench_profile_begin ("many-documents", "open the project");
  started = bench_now_ms ();
  store = gloss_store_open (path, error);
  if (store == NULL)
    return bench_profile_end (), NULL;

  window = gloss_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  *elapsed = bench_wait_for_frame (GTK_WIDGET (window)) / 1000.0 - started;
  bench_profile_end ();
  return window;
}

/* Steps from the top of the list to its bottom, one jump and one frame a
 * step, as dragging the scroll bar does; the longest frame, in ms. */
static double
scroll_list (GlossWindow *window,
             guint        steps)
{
  GtkWidget *list = bench_find_widget (GTK_WIDGET (window), is_document_list, NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 1; i <= steps; i++)
    {
      double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double started;
      double frame;

      bench_profile_begin ("many-documents", "longest frame scrolling the list");
      started = bench_now_ms ();
      gtk_adjustment_set_value (adjustment, bottom * i / steps);
      frame = bench_wait_for_frame (GTK_WIDGET (window)) / 1000.0 - started;
      bench_profile_end ();
      g_array_append_val (frames, frame);
    }

  bench_note ("many-documents: %u scroll frames, median %.1f ms, ended at %.0f of %.0f px",
              steps, bench_median (frames), gtk_adjustment_get_value (adjustment),
              gtk_adjustment_get_upper (adjustment));
  return bench_max (frames);
}

#ifdef HAVE_GLOSS_STORE_SEARCH_PROJECT
/* Searches the whole project for WORD as the search bar does, and the same
 * with the sqlite3 command line's LIKE; the medians, in ms. */
static gboolean
measure_project_search (BenchContext  *ctx,
                        GlossStore    *store,
                        const char    *path,
                        const char    *word,
                        const char    *measure,
                        GError       **error)
{
  g_autoptr(GArray) gloss_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *sql = g_strdup_printf ("SELECT id, name FROM documents "
                                          "JOIN document_texts ON document = id "
                                          "WHERE text LIKE '%%%s%%' LIMIT 1000", word);
  const char *argv[] = { "sqlite3", "-readonly", path, sql, NULL };
  guint found = 0;

  for (guint i = 0; i < MIN (ctx->repeats, 5); i++)
    {
      g_autoptr(GPtrArray) results = NULL;
      double started = bench_now_ms ();
      double elapsed;

      results = gloss_store_search_project (store, word, GLOSS_SEARCH_FLAGS_NONE, 1000, error);
      elapsed = bench_now_ms () - started;
      if (results == NULL)
        return FALSE;
      found = results->len;
      g_array_append_val (gloss_times, elapsed);

      elapsed = bench_run_command (argv, NULL, NULL, error);
      if (elapsed < 0)
        return FALSE;
      g_array_append_val (sqlite_times, elapsed);
    }

  bench_note ("many-documents: “%s” found %u times (at most 1000)", word, found);
  bench_row ("many-documents", measure, "ms", bench_median (gloss_times),
             bench_median (sqlite_times), 1000, NAN, TRUE);
  return TRUE;
}
#endif

static gboolean
measure_many_documents (BenchContext  *ctx,
                        GError       **error)
{
  g_autofree char *path = many_project_path (ctx);
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longest = g_array_new (FALSE, FALSE, sizeof (double));
  guint repeats = MIN (ctx->repeats, 5);
  GlossWindow *window = NULL;
  double before, after;

  /* What the process holds before any window: GTK, the theme, no project. */
  before = bench_rss_mb ();

  for (guint i = 0; i <= repeats; i++)
    {
      double elapsed;

      if (window != NULL)
        bench_destroy_window (GTK_WIDGET (window));
      window = open_project (path, &elapsed, error);
      if (window == NULL)
        return FALSE;
      bench_settle ();

      /* The first open warms caches, for Gloss and GTK alike. The longest
       * frame is one frame: the median of three windows' longest. */
      if (i > 0)
        g_array_append_val (opens, elapsed);
      if (i + 3 > repeats)
        {
          double frame = scroll_list (window, ctx->quick ? 100 : 300);

          g_array_append_val (longest, frame);
        }
    }

  bench_settle ();
  after = bench_rss_mb ();

  bench_row ("many-documents", "open the project", "ms", bench_median (opens), NAN, 300, NAN,
             TRUE);
  bench_row ("many-documents", "longest frame scrolling the list", "ms", bench_median (longest),
             NAN, 50, NAN, FALSE);
  bench_row ("many-documents", "resident memory after", "MB", after, before, 150, NAN, TRUE);

#ifdef HAVE_GLOSS_STORE_SEARCH_PROJECT
  {
    GlossStore *store = gloss_window_get_store (window);

    if (!measure_project_search (ctx, store, path, RARE_WORD, "search the project, rare word",
                                 error) ||
        !measure_project_search (ctx, store, path, COMMON_WORD, "search the project, common word",
                                 error))
      return FALSE;
  }
#else
  bench_note ("many-documents: project search not measured: gloss_store_search_project () "
              "is not in this tree");
#endif

  bench_destroy_window (GTK_WIDGET (window));
  return TRUE;
}

const BenchCase bench_case_many_documents = {
  .name = "many-documents",
  .prepare = prepare_many_documents,
  .measure = measure_many_documents,
};
