/* SPDX-License-Identifier: GPL-3.0-or-later */

/* relations: a 100,000-word document with 10,000 spans and 5,000 relations
 * between them, most between near spans (crossing arcs on one line), some
 * across lines and paragraphs. Measures the first frame of opening it, the
 * longest stall while its spans come in, the longest frame while scrolling
 * through it with its arcs drawn, and the main thread's time to make a
 * relation and to delete it through the window (the store call and
 * everything the window does with its signal), beside the same store calls
 * on a connection with no window. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <math.h>

#include "gloss-bench.h"
#include "gloss-window-testing.h"

static char *
relations_project_path (BenchContext *ctx)
{
  return g_build_filename (ctx->datadir, "relations.gloss", NULL);
}

static gboolean
add_relations (const char  *path,
               gint64       document_id,
               guint        n_relations,
               GError     **error)
{
  static const struct { const char *name, *color, *hotkey; gboolean directed; } types[] = {
    { "opposes", "#e01b24", "7", TRUE },
    { "supports", "#2ec27e", "8", TRUE },
    { "quotes", "#3584e4", "9", TRUE },
    { "part of", "#9141ac", "0", FALSE },
  };
  g_autoptr(GlossStore) store = gloss_store_open (path, error);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GHashTable) related = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 label_ids[G_N_ELEMENTS (types)];
  BenchRandom random;

  if (store == NULL ||
      (spans = gloss_store_list_spans (store, document_id, error)) == NULL ||
      !gloss_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GlossRelationLabel) label =
        gloss_store_add_relation_label (store, types[i].name, types[i].color, types[i].hotkey, "",
                                        types[i].directed, error);

      if (label == NULL)
        return gloss_store_rollback (store), FALSE;
      label_ids[i] = gloss_relation_label_get_id (label);
    }

  /* Spans in reading order: most relations go a few spans on, some a
   * hundred (another paragraph), as annotators link what is near. Two
   * spans are related once (the store refuses a second). */
  bench_random_init (&random, 1307);
  for (guint i = 0; i < n_relations; i++)
    {
      guint from = bench_random_int (&random, spans->len);
      guint step = bench_random_int (&random, 10) == 0 ? 20 + bench_random_int (&random, 100)
                                                        : 1 + bench_random_int (&random, 4);
      guint to = MIN (from + step, spans->len - 1);
      g_autoptr(GlossRelation) relation = NULL;
      guint64 pair;

      if (to == from)
        to = from > 0 ? from - 1 : from + 1;
      pair = ((guint64) MIN (from, to) << 32) | MAX (from, to);
      if (!g_hash_table_add (related, g_memdup2 (&pair, sizeof pair)))
        {
          i--;
          continue;
        }
      relation = gloss_store_add_relation (store, document_id,
                                           label_ids[bench_random_int (&random,
                                                                       G_N_ELEMENTS (types))],
                                           gloss_span_get_id (g_ptr_array_index (spans, from)),
                                           gloss_span_get_id (g_ptr_array_index (spans, to)),
                                           "bench", NULL, error);
      if (relation == NULL)
        return gloss_store_rollback (store), FALSE;
    }

  return gloss_store_commit (store, error);
}

static gboolean
prepare_relations (BenchContext  *ctx,
                   GError       **error)
{
  g_autofree char *path = relations_project_path (ctx);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (BenchFill));
  g_autoptr(GString) cover = g_string_new (NULL);
  g_autoptr(GString) text = NULL;
  guint n_words = ctx->quick ? 10000 : 100000;
  guint n_spans = ctx->quick ? 1000 : 10000;
  guint n_relations = ctx->quick ? 500 : 5000;
  BenchRandom random;
  gint64 document_id;
  double started = bench_now_ms ();
  BenchFill fill;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  bench_random_init (&random, 20261207);
  text = g_string_sized_new (n_words * 7);
  bench_append_words (cover, &random, 300, TRUE, NULL, NULL);
  bench_append_words (text, &random, n_words, TRUE, starts, ends);

  store = gloss_store_create (path, NULL, NULL, error);
  if (store == NULL || !gloss_store_begin (store, error))
    return FALSE;
  if ((labels = bench_add_labels (store, error)) == NULL ||
      gloss_store_add_document (store, "cover.txt", cover->str, NULL, error) == 0 ||
      (document_id = gloss_store_add_document (store, "related.txt", "", NULL, error)) == 0 ||
      !gloss_store_commit (store, error))
    {
      gloss_store_rollback (store);
      return FALSE;
    }
  g_clear_object (&store);

  spans = bench_make_spans (labels, starts, ends, n_spans, &random);
  fill = (BenchFill) { document_id, text->str, spans };
  g_array_append_val (fills, fill);
  if (!bench_fill_documents (path, fills, error) ||
      !add_relations (path, document_id, n_relations, error))
    return FALSE;

  bench_note ("relations.gloss: %u words, %u spans, %u relations, made in %.1f s", n_words,
              n_spans, n_relations, (bench_now_ms () - started) / 1000);
  return TRUE;
}

typedef struct
{
  GlossDocumentView *view;
  gint64 last;
  gint64 longest;
  gboolean done;
} StallWatch;

static gboolean
stall_tick_cb (gpointer user_data)
{
  StallWatch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  if (gloss_document_view_is_tagging (watch->view))
    return G_SOURCE_CONTINUE;

  watch->done = TRUE;
  return G_SOURCE_REMOVE;
}

/* The longest the main loop went without running a 1 ms timeout until
 * every span is in, in ms. */
static double
measure_stall (GlossDocumentView *view)
{
  StallWatch watch = { view, g_get_monotonic_time (), 0, FALSE };

  bench_profile_begin ("relations", "longest stall while loading");
  g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick_cb, &watch, NULL);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  bench_profile_end ();
  return watch.longest / 1000.0;
}

/* Scrolls VIEW down N_STEPS times by half a page, each to its frame; the
 * longest of those, in ms. Half a page brings new lines, with their arcs,
 * at every step. */
static double
longest_scroll_frame (GtkWidget *window,
                      GtkWidget *view,
                      guint      n_steps,
                      gboolean   profile)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double longest = 0;

  gtk_adjustment_set_value (adjustment, 0);
  bench_wait_for_frame (window);
  bench_settle ();

  if (profile)
    bench_profile_begin ("relations", "longest frame while scrolling");
  for (guint i = 0; i < n_steps; i++)
    {
      double started = bench_now_ms ();
      double value = gtk_adjustment_get_value (adjustment) +
                     gtk_adjustment_get_page_size (adjustment) / 2;

      gtk_adjustment_set_value (adjustment, value);
      longest = MAX (longest, bench_wait_for_frame (window) / 1000.0 - started);
    }
  bench_profile_end ();

  return longest;
}

static gboolean
are_related (GlossStore *store,
             GlossSpan  *from,
             GlossSpan  *to)
{
  g_autoptr(GPtrArray) relations = gloss_store_list_span_relations (store, gloss_span_get_id (from),
                                                                    NULL);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    if (gloss_relation_involves (g_ptr_array_index (relations, i), gloss_span_get_id (to)))
      return TRUE;
  return relations == NULL;
}

/* A span on screen and one a few spans on, not related yet, for the
 * relation to make. */
static gboolean
pick_ends_on_screen (GlossStore         *store,
                     GlossDocumentView  *view,
                     GlossSpan         **from,
                     GlossSpan         **to)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GListModel *spans = gloss_document_view_get_spans (view);
  GdkRectangle visible;
  GtkTextIter iter;
  gint64 offset;
  guint n = g_list_model_get_n_items (spans);

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height / 3, NULL);
  offset = gloss_document_view_get_offset (view, &iter);

  for (guint i = 0; i + 3 < n; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      g_autoptr(GlossSpan) other = NULL;

      if (gloss_span_get_start (span) < offset)
        continue;
      other = g_list_model_get_item (spans, i + 3);
      if (!are_related (store, span, other))
        {
          *from = g_steal_pointer (&span);
          *to = g_steal_pointer (&other);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
measure_relations (BenchContext  *ctx,
                   GError       **error)
{
  g_autofree char *path = relations_project_path (ctx);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) other = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) relation_labels = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) makes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deletes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_makes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_deletes = g_array_new (FALSE, FALSE, sizeof (double));
  GlossWindow *window;
  GlossDocumentView *view;
  gint64 cover_id, document_id, label_id;
  guint n_ops = ctx->quick ? 20 : 50;
  guint n_scroll_steps = ctx->quick ? 20 : 60;
  g_autoptr(GArray) bare_scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  GtkTextView *bare_view;
  GtkWidget *bare_window;

  store = gloss_store_open (path, error);
  if (store == NULL || (other = gloss_store_open (path, error)) == NULL ||
      (ids = gloss_store_list_document_ids (store, error)) == NULL ||
      (relation_labels = gloss_store_list_relation_labels (store, error)) == NULL)
    return FALSE;
  g_assert (ids->len == 2 && relation_labels->len > 0);
  cover_id = g_array_index (ids, gint64, 0);
  document_id = g_array_index (ids, gint64, 1);
  label_id = gloss_relation_label_get_id (g_ptr_array_index (relation_labels, 0));

  window = gloss_window_new (NULL, store);
  view = gloss_window_get_document_view (window);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_frame (GTK_WIDGET (window));
  bench_settle ();

  for (guint i = 0; i <= ctx->repeats; i++)
    {
      double started, frame, stall, scroll;

      gloss_window_open_document (window, cover_id);
      bench_wait_for_frame (GTK_WIDGET (window));
      bench_settle ();

      bench_profile_begin ("relations", "first frame");
      started = bench_now_ms ();
      gloss_window_open_document (window, document_id);
      frame = bench_wait_for_frame (GTK_WIDGET (window)) / 1000.0 - started;
      bench_profile_end ();
      stall = measure_stall (view);
      scroll = longest_scroll_frame (GTK_WIDGET (window), GTK_WIDGET (view), n_scroll_steps, TRUE);

      /* The first run pays for first use (fonts, caches). */
      if (i == 0)
        continue;
      g_array_append_val (frames, frame);
      g_array_append_val (stalls, stall);
      g_array_append_val (scrolls, scroll);
    }

  /* The baseline: a bare text view of the same size, the same text,
   * scrolled the same way, so that what laying the text out costs is
   * told apart from what the arcs cost. */
  gloss_window_open_document (window, cover_id);
  bench_wait_for_frame (GTK_WIDGET (window));
  text = gloss_store_load_text (store, document_id, error);
  if (text == NULL)
    return bench_destroy_window (GTK_WIDGET (window)), FALSE;
  bare_window = bench_bare_text_window (gtk_widget_get_width (GTK_WIDGET (view)),
                                        gtk_widget_get_height (GTK_WIDGET (view)), &bare_view);
  for (guint i = 0; i <= ctx->repeats; i++)
    {
      double scroll;

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (bare_view), text, -1);
      bench_wait_for_frame (bare_window);
      bench_settle ();
      scroll = longest_scroll_frame (bare_window, GTK_WIDGET (bare_view), n_scroll_steps, FALSE);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (bare_view), "", 0);
      bench_wait_for_frame (bare_window);
      if (i > 0)
        g_array_append_val (bare_scrolls, scroll);
    }
  bench_destroy_window (bare_window);
  gloss_window_open_document (window, document_id);
  bench_wait_for_frame (GTK_WIDGET (window));
  measure_stall (view);

  for (guint i = 0; i < n_ops; i++)
    {
      g_autoptr(GlossSpan) from = NULL;
      g_autoptr(GlossSpan) to = NULL;
      g_autoptr(GlossRelation) relation = NULL;
      double started;

      if (!pick_ends_on_screen (store, view, &from, &to))
        break;

      /* What choosing the type in the popover does: the store call, and
       * the window following its signal (arc, room, list row), then the
       * selection. */
      bench_profile_begin ("relations", "make a relation");
      started = bench_now_ms ();
      relation = gloss_store_add_relation (store, document_id, label_id, gloss_span_get_id (from),
                                           gloss_span_get_id (to), "bench", NULL, error);
      if (relation == NULL)
        break;
      gloss_document_view_select_relation (view, relation);
      g_array_append_val (makes, (double) { bench_now_ms () - started });
      bench_profile_end ();
      bench_wait_for_frame (GTK_WIDGET (window));

      bench_profile_begin ("relations", "delete it");
      started = bench_now_ms ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-relation", NULL);
      g_array_append_val (deletes, (double) { bench_now_ms () - started });
      bench_profile_end ();
      g_assert (gloss_document_view_get_selected_relation (view) == NULL);
      bench_wait_for_frame (GTK_WIDGET (window));

      g_clear_object (&relation);
      started = bench_now_ms ();
      relation = gloss_store_add_relation (other, document_id, label_id, gloss_span_get_id (from),
                                           gloss_span_get_id (to), "bench", NULL, error);
      g_array_append_val (store_makes, (double) { bench_now_ms () - started });
      if (relation == NULL)
        break;
      started = bench_now_ms ();
      if (!gloss_store_delete_relation (other, gloss_relation_get_id (relation), error))
        break;
      g_array_append_val (store_deletes, (double) { bench_now_ms () - started });

      /* On down the document, so each relation is made somewhere new. */
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)),
                                (i + 1) * 1000.0);
      bench_wait_for_frame (GTK_WIDGET (window));
      bench_settle ();
    }

  if (*error == NULL)
    {
      bench_row ("relations", "first frame", "ms", bench_median (frames), NAN, 300, NAN, FALSE);
      bench_row ("relations", "longest stall while loading", "ms", bench_max (stalls), NAN, 50,
                 NAN, FALSE);
      bench_row ("relations", "longest frame while scrolling", "ms", bench_max (scrolls),
                 bench_max (bare_scrolls), 50, NAN, FALSE);
      bench_row ("relations", "make a relation", "ms", bench_median (makes),
                 bench_median (store_makes), 5, NAN, TRUE);
      bench_row ("relations", "delete it", "ms", bench_median (deletes),
                 bench_median (store_deletes), 5, NAN, TRUE);
      bench_note ("relations: slowest make %.2f ms, slowest delete %.2f ms", bench_max (makes),
                  bench_max (deletes));
      /* The table has the worst run's stall and frame: say how far the
       * others were from it, on a machine whose load moves. */
      bench_note ("relations: first frame %.1f ms median, %.1f worst; longest stall %.1f ms "
                  "median, %.1f worst; longest scroll frame %.1f ms median, %.1f worst "
                  "(bare view %.1f, %.1f); over %u runs", bench_median (frames),
                  bench_max (frames), bench_median (stalls), bench_max (stalls),
                  bench_median (scrolls), bench_max (scrolls), bench_median (bare_scrolls),
                  bench_max (bare_scrolls), frames->len);
    }

  bench_destroy_window (GTK_WIDGET (window));
  return *error == NULL;
}

const BenchCase bench_case_relations = {
  .name = "relations",
  .prepare = prepare_relations,
  .measure = measure_relations,
};
