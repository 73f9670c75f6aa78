/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One document in the window: a big one (big-document, span-ops) and one
 * long line (long-line). The window is shown on a small first document;
 * the one measured is then opened with gloss_window_open_document (), as a
 * click in the document list does, and its first frame compared with a
 * bare GtkTextView of the same size given the same text. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-bench.h"
#include "gloss-window-testing.h"

typedef struct
{
  const char *case_name;
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  gint64 cover_id;
  gint64 document_id;
  char *text;
  GArray *label_ids;
  GtkWidget *bare_window;
  GtkTextView *bare_view;
} Bench;

static void
bench_clear (Bench *bench)
{
  if (bench->bare_window != NULL)
    bench_destroy_window (bench->bare_window);
  if (bench->window != NULL)
    bench_destroy_window (GTK_WIDGET (bench->window));
  g_clear_object (&bench->store);
  g_clear_pointer (&bench->text, g_free);
  g_clear_pointer (&bench->label_ids, g_array_unref);
}

/* Opens PATH's second document in a window shown on its first, with a bare
 * text view window of the same size beside it. */
static gboolean
bench_open (Bench       *bench,
            const char  *case_name,
            const char  *path,
            GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  bench->case_name = case_name;
  bench->store = gloss_store_open (path, error);
  if (bench->store == NULL ||
      (ids = gloss_store_list_document_ids (bench->store, error)) == NULL ||
      (labels = gloss_store_list_labels (bench->store, error)) == NULL)
    return FALSE;

  g_assert (ids->len == 2);
  bench->cover_id = g_array_index (ids, gint64, 0);
  bench->document_id = g_array_index (ids, gint64, 1);
  bench->text = gloss_store_load_text (bench->store, bench->document_id, error);
  if (bench->text == NULL)
    return FALSE;

  bench->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < labels->len; i++)
    {
      gint64 id = gloss_label_get_id (g_ptr_array_index (labels, i));

      g_array_append_val (bench->label_ids, id);
    }

  bench->window = gloss_window_new (NULL, bench->store);
  bench->view = gloss_window_get_document_view (bench->window);
  gtk_window_present (GTK_WINDOW (bench->window));
  bench_wait_for_frame (GTK_WIDGET (bench->window));
  bench_settle ();

  bench->bare_window = bench_bare_text_window (gtk_widget_get_width (GTK_WIDGET (bench->view)),
                                               gtk_widget_get_height (GTK_WIDGET (bench->view)),
                                               &bench->bare_view);
  bench_settle ();
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

/* The longest the main loop went without running a 1 ms high-priority
 * timeout, from now until the view has tagged every span; in ms. */
static double
measure_stall (GlossDocumentView *view,
               double            *tagging_ms)
{
  StallWatch watch = { view, g_get_monotonic_time (), 0, FALSE };
  gint64 started = watch.last;

  bench_profile_begin ("big-document", "longest stall while tagging");
  g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick_cb, &watch, NULL);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  bench_profile_end ();

  *tagging_ms = (watch.last - started) / 1000.0;
  return watch.longest / 1000.0;
}

/* Shows the small document in Gloss and nothing in the bare view, and
 * lets both finish their work: neither may lay out or tag text in idle
 * time while the other is measured. */
static void
rest (Bench *bench)
{
  gloss_window_open_document (bench->window, bench->cover_id);
  bench_wait_for_frame (GTK_WIDGET (bench->window));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (bench->bare_view), "", 0);
  bench_wait_for_frame (bench->bare_window);
  bench_settle ();
}

/* Opens the measured document in Gloss after the small one; the time to
 * its first frame, in ms. */
static double
gloss_first_frame (Bench *bench)
{
  gint64 painted;
  double started;

  rest (bench);
  bench_profile_begin (bench->case_name, "first frame");
  started = bench_now_ms ();
  gloss_window_open_document (bench->window, bench->document_id);
  painted = bench_wait_for_frame (GTK_WIDGET (bench->window));
  bench_profile_end ();

  return painted / 1000.0 - started;
}

static double
bare_first_frame (Bench *bench)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bench->bare_view);
  double started;

  rest (bench);
  started = bench_now_ms ();
  gtk_text_buffer_set_text (buffer, bench->text, -1);
  return bench_wait_for_frame (bench->bare_window) / 1000.0 - started;
}

static gboolean
prepare_big_document (BenchContext  *ctx,
                      GError       **error)
{
  return bench_ensure_big_project (ctx, error);
}

static gboolean
measure_big_document (BenchContext  *ctx,
                      GError       **error)
{
  g_autofree char *path = bench_big_project_path (ctx);
  g_autoptr(GArray) gloss_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) taggings = g_array_new (FALSE, FALSE, sizeof (double));
  /* Tagging the rest takes seconds at full size: fewer runs of that. */
  guint stall_repeats = ctx->quick ? 2 : 3;
  Bench bench = { 0 };

  if (!bench_open (&bench, "big-document", path, error))
    return bench_clear (&bench), FALSE;

  /* Once each untimed, so that neither pays for first use (fonts, glyph
   * caches, the store's page cache). */
  gloss_first_frame (&bench);
  bench_settle ();
  bare_first_frame (&bench);

  for (guint i = 0; i < ctx->repeats; i++)
    {
      double frame, stall, tagging;

      /* Opening the next document stops the tagging of this one. */
      frame = gloss_first_frame (&bench);
      g_array_append_val (gloss_frames, frame);
      if (i < stall_repeats)
        {
          stall = measure_stall (bench.view, &tagging);
          g_array_append_val (stalls, stall);
          g_array_append_val (taggings, tagging);
        }

      frame = bare_first_frame (&bench);
      g_array_append_val (bare_frames, frame);
    }

  bench_note ("big-document: the rest of the spans were tagged in %.0f ms (median)",
              bench_median (taggings));
  bench_note ("big-document: first frame %.1f ms median, %.1f worst; longest stall %.1f ms "
              "median, %.1f worst", bench_median (gloss_frames), bench_max (gloss_frames),
              bench_median (stalls), bench_max (stalls));
  bench_row ("big-document", "first frame", "ms", bench_median (gloss_frames),
             bench_median (bare_frames), 300, 1.5, FALSE);
  bench_row ("big-document", "longest stall while tagging", "ms", bench_median (stalls),
             NAN, 50, NAN, FALSE);

  bench_clear (&bench);
  return TRUE;
}

const BenchCase bench_case_big_document = {
  .name = "big-document",
  .prepare = prepare_big_document,
  .measure = measure_big_document,
};

/* long-line */

static char *
long_project_path (BenchContext *ctx)
{
  return g_build_filename (ctx->datadir, "long.gloss", NULL);
}

/* A JSONL text field: a megabyte of sentences and no line break. */
static gboolean
prepare_long_line (BenchContext  *ctx,
                   GError       **error)
{
  g_autofree char *path = long_project_path (ctx);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GString) cover = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize size = ctx->quick ? 100000 : 1000000;
  BenchRandom random;

  bench_random_init (&random, 7);
  bench_append_words (cover, &random, 300, TRUE, NULL, NULL);
  while (text->len < size)
    bench_append_words (text, &random, 1000, FALSE, NULL, NULL);
  g_assert (strchr (text->str, '\n') == NULL);

  store = gloss_store_create (path, NULL, NULL, error);
  if (store == NULL || !gloss_store_begin (store, error))
    return FALSE;

  if ((labels = bench_add_labels (store, error)) == NULL ||
      gloss_store_add_document (store, "cover.txt", cover->str, NULL, error) == 0 ||
      gloss_store_add_document (store, "line.jsonl.txt", text->str, NULL, error) == 0 ||
      !gloss_store_commit (store, error))
    {
      gloss_store_rollback (store);
      return FALSE;
    }

  bench_note ("long.gloss: one line of %.2f MB", text->len / 1e6);
  return TRUE;
}

/* Scrolls VIEW to its end; the time to the next frame, in ms. */
static double
scroll_to_end (GtkWidget *view,
               gboolean   profile)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gint64 painted;
  double started;

  gtk_adjustment_set_value (adjustment, 0);
  bench_wait_for_frame (view);
  bench_settle ();

  if (profile)
    bench_profile_begin ("long-line", "scroll to the end");
  started = bench_now_ms ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  painted = bench_wait_for_frame (view);
  bench_profile_end ();

  return painted / 1000.0 - started;
}

/* The last word of TEXT, in code points. */
static void
find_last_word (const char *text,
                gint64     *start,
                gint64     *end)
{
  const char *space = strrchr (text, ' ');
  const char *stop = text + strlen (text);

  while (stop > space + 1 && g_ascii_ispunct (stop[-1]))
    stop--;

  *start = g_utf8_pointer_to_offset (text, space + 1);
  *end = g_utf8_pointer_to_offset (text, stop);
}

static gboolean
measure_long_line (BenchContext  *ctx,
                   GError       **error)
{
  g_autofree char *path = long_project_path (ctx);
  g_autoptr(GArray) gloss_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gloss_scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gloss_spans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_spans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GlossStore) other = NULL;
  guint repeats = MIN (ctx->repeats, 5);
  Bench bench = { 0 };
  gint64 start, end;

  if (!bench_open (&bench, "long-line", path, error) ||
      (other = gloss_store_open (path, error)) == NULL)
    return bench_clear (&bench), FALSE;

  find_last_word (bench.text, &start, &end);
  gloss_first_frame (&bench);
  bench_settle ();

  for (guint i = 0; i < repeats; i++)
    {
      double frame = gloss_first_frame (&bench);
      double scroll;

      g_array_append_val (gloss_frames, frame);
      bench_settle ();
      scroll = scroll_to_end (GTK_WIDGET (bench.view), TRUE);
      g_array_append_val (gloss_scrolls, scroll);
    }

  /* A span at the end, through the window as a key press makes it; then
   * the same store call with no window to follow it. */
  for (guint i = 0; i < ctx->repeats * 3; i++)
    {
      gint64 label_id = g_array_index (bench.label_ids, gint64, i % bench.label_ids->len);
      g_autoptr(GlossSpan) span = NULL;
      double started;

      gloss_document_view_select_range (bench.view, start, end);
      bench_profile_begin ("long-line", "create a span at the end");
      started = bench_now_ms ();
      gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.apply-label", "x", label_id);
      g_array_append_val (gloss_spans, (double) { bench_now_ms () - started });
      bench_profile_end ();
      g_assert (gloss_document_view_get_selected_span (bench.view) != NULL);
      bench_wait_for_frame (GTK_WIDGET (bench.window));
      gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.delete-span", NULL);
      bench_wait_for_frame (GTK_WIDGET (bench.window));

      started = bench_now_ms ();
      span = gloss_store_add_span (other, bench.document_id, label_id, start, end, "bench", NULL,
                                   error);
      g_array_append_val (store_spans, (double) { bench_now_ms () - started });
      if (span == NULL || !gloss_store_delete_span (other, gloss_span_get_id (span), error))
        return bench_clear (&bench), FALSE;
    }

  /* A bare text view lays the whole line out at once: slow, so fewer runs
   * when it is. */
  for (guint i = 0; i < repeats; i++)
    {
      double frame = bare_first_frame (&bench);
      double scroll;

      g_array_append_val (bare_frames, frame);
      bench_settle ();
      scroll = scroll_to_end (GTK_WIDGET (bench.bare_view), FALSE);
      g_array_append_val (bare_scrolls, scroll);
      if (frame > 3000)
        break;
    }

  bench_row ("long-line", "first frame", "ms", bench_median (gloss_frames),
             bench_median (bare_frames), 300, NAN, FALSE);
  bench_row ("long-line", "scroll to the end", "ms", bench_median (gloss_scrolls),
             bench_median (bare_scrolls), 100, NAN, FALSE);
  bench_row ("long-line", "create a span at the end", "ms", bench_median (gloss_spans),
             bench_median (store_spans), 5, NAN, FALSE);

  bench_clear (&bench);
  return TRUE;
}

const BenchCase bench_case_long_line = {
  .name = "long-line",
  .prepare = prepare_long_line,
  .measure = measure_long_line,
};

/* span-ops */

/* The word at or after document offset OFFSET, in code points. */
/* The word at or after document OFFSET, found in the document's text (the
 * buffer has display breaks in the longer paragraphs). */
static void
find_word (Bench  *bench,
           gint64  offset,
           gint64 *start,
           gint64 *end)
{
  const char *p = g_utf8_offset_to_pointer (bench->text, offset);

  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p), offset++;
  *start = offset;
  while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p), offset++;
  *end = offset;
}

static gboolean
is_cursor_visible (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, cursor_rect;
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &cursor, &cursor_rect);
  return cursor_rect.y >= visible.y && cursor_rect.y + cursor_rect.height <= visible.y + visible.height;
}

/* Selects START to END as a user does: scrolled to, then dragged over. The
 * view scrolls once it has laid out the lines on the way, frames later. */
static void
select_on_screen (Bench  *bench,
                  gint64  start,
                  gint64  end)
{
  GtkTextView *view = GTK_TEXT_VIEW (bench->view);

  gloss_document_view_select_range (bench->view, start, end);
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (view)),
                                0.1, FALSE, 0, 0);
  for (guint i = 0; i < 100 && !is_cursor_visible (view); i++)
    bench_wait_for_frame (GTK_WIDGET (bench->window));
  bench_settle ();
}

static double
time_action (Bench      *bench,
             const char *measure,
             const char *action,
             gint64      label_id)
{
  double started;
  double elapsed;

  bench_profile_begin ("span-ops", measure);
  started = bench_now_ms ();
  if (label_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (bench->window), action, "x", label_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (bench->window), action, NULL);
  elapsed = bench_now_ms () - started;
  bench_profile_end ();

  /* The user's next key comes a frame later at the soonest. */
  bench_wait_for_frame (GTK_WIDGET (bench->window));
  return elapsed;
}

static gboolean
measure_span_ops (BenchContext  *ctx,
                  GError       **error)
{
  g_autofree char *path = bench_big_project_path (ctx);
  g_autoptr(GlossStore) other = NULL;
  GArray *gloss_times[3], *store_times[3];
  static const char *measures[] = { "create a span", "relabel it", "delete it" };
  guint n = ctx->quick ? 20 : 50;
  gint64 length;
  Bench bench = { 0 };
  double tagging;

  if (!bench_open (&bench, "span-ops", path, error) ||
      (other = gloss_store_open (path, error)) == NULL)
    return bench_clear (&bench), FALSE;

  gloss_window_open_document (bench.window, bench.document_id);
  bench_wait_for_frame (GTK_WIDGET (bench.window));
  measure_stall (bench.view, &tagging);
  length = g_utf8_strlen (bench.text, -1);

  for (guint k = 0; k < 3; k++)
    {
      gloss_times[k] = g_array_new (FALSE, FALSE, sizeof (double));
      store_times[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 first = g_array_index (bench.label_ids, gint64, i % bench.label_ids->len);
      gint64 second = g_array_index (bench.label_ids, gint64, (i + 1) % bench.label_ids->len);
      g_autoptr(GlossSpan) span = NULL;
      g_autoptr(GlossSpan) relabeled = NULL;
      gint64 start, end;
      double started;

      find_word (&bench, (gint64) ((i + 0.5) * length / n), &start, &end);

      select_on_screen (&bench, start, end);
      g_array_append_val (gloss_times[0], (double) { time_action (&bench, measures[0], "win.apply-label", first) });
      g_assert (gloss_document_view_get_selected_span (bench.view) != NULL);
      g_array_append_val (gloss_times[1], (double) { time_action (&bench, measures[1], "win.apply-label", second) });
      g_assert (gloss_span_get_label_id (gloss_document_view_get_selected_span (bench.view)) == second);
      g_array_append_val (gloss_times[2], (double) { time_action (&bench, measures[2], "win.delete-span", 0) });
      g_assert (gloss_document_view_get_selected_span (bench.view) == NULL);

      started = bench_now_ms ();
      span = gloss_store_add_span (other, bench.document_id, first, start, end, "bench", NULL, error);
      g_array_append_val (store_times[0], (double) { bench_now_ms () - started });
      if (span == NULL)
        break;
      started = bench_now_ms ();
      relabeled = gloss_store_relabel_span (other, gloss_span_get_id (span), second, error);
      g_array_append_val (store_times[1], (double) { bench_now_ms () - started });
      if (relabeled == NULL)
        break;
      started = bench_now_ms ();
      if (!gloss_store_delete_span (other, gloss_span_get_id (span), error))
        break;
      g_array_append_val (store_times[2], (double) { bench_now_ms () - started });
    }

  for (guint k = 0; k < 3; k++)
    {
      if (*error == NULL)
        bench_row ("span-ops", measures[k], "ms", bench_median (gloss_times[k]),
                   bench_median (store_times[k]), 5, NAN, TRUE);
      g_array_unref (gloss_times[k]);
      g_array_unref (store_times[k]);
    }

  bench_clear (&bench);
  return *error == NULL;
}

static gboolean
prepare_span_ops (BenchContext  *ctx,
                  GError       **error)
{
  return bench_ensure_big_project (ctx, error);
}

const BenchCase bench_case_span_ops = {
  .name = "span-ops",
  .prepare = prepare_span_ops,
  .measure = measure_span_ops,
};
