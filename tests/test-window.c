/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drives the real window on a temporary default project, the way a user
 * would, and checks the store after each step. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-label-popover.h"
#include "gloss-project.h"
#include "gloss-test-store.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

typedef struct
{
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  gint64 document_id;
} Fixture;

static void
open_window (Fixture *fixture)
{
  fixture->window = gloss_window_new (NULL, fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  fixture->store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (fixture->store, &error);
  fixture->document_id = g_array_index (ids, gint64, 0);

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  gloss_test_wait_for_frames ();

  gloss_test_remove_default_project ();
}

/* Where PHRASE starts in the document, in code points. */
static gint64
find_phrase (Fixture    *fixture,
             const char *phrase)
{
  g_autofree char *text = gloss_store_load_text (fixture->store, fixture->document_id, NULL);
  const char *found = strstr (text, phrase);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static GlossSpan *
find_stored_span (Fixture *fixture,
                  gint64   start,
                  gint64   end)
{
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);

  for (guint i = 0; i < spans->len; i++)
    if (gloss_span_get_start (spans->pdata[i]) == start && gloss_span_get_end (spans->pdata[i]) == end)
      return g_object_ref (spans->pdata[i]);

  return NULL;
}

static void
test_opens_sample (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  g_autoptr(GlossSpan) first = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_nonnull (strstr (text, "Zangezur Corridor"));
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, fixture->document_id);

  g_assert_cmpuint (g_list_model_get_n_items (spans), >=, 3);
  first = g_list_model_get_item (spans, 0);
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, first));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Default Project");
}

static void
test_label_selection (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_get_label (fixture->store, "Hardline camp");
  gint64 start = find_phrase (fixture, "Velayati");
  g_autoptr(GlossSpan) stored = NULL;
  g_autofree char *span_text = NULL;
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  guint n_before = g_list_model_get_n_items (spans);

  /* A sloppy drag that takes the space before the name. */
  gloss_document_view_select_range (fixture->view, start - 1, start + strlen ("Velayati"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (hardline));
  gloss_test_wait_for_frames ();

  stored = find_stored_span (fixture, start, start + 8);
  g_assert_nonnull (stored);
  g_assert_cmpint (gloss_span_get_label_id (stored), ==, gloss_label_get_id (hardline));
  g_assert_cmpstr (gloss_span_get_annotator (stored), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (spans), ==, n_before + 1);
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, stored));

  span_text = gloss_document_view_dup_span_text (fixture->view, stored);
  g_assert_cmpstr (span_text, ==, "Velayati");

  /* The new span is selected, ready for a relabel or a delete. */
  g_assert_cmpint (gloss_span_get_id (gloss_document_view_get_selected_span (fixture->view)), ==,
                   gloss_span_get_id (stored));
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }

  g_assert_not_reached ();
}

static void
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkEventController *keys = find_key_controller (GTK_WIDGET (fixture->window));
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
  gloss_test_wait_for_frames ();
}

static void
test_hotkey_labels_and_relabels (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_get_label (fixture->store, "Hardline camp");
  g_autoptr(GlossLabel) security = gloss_test_get_label (fixture->store, "Security establishment");
  gint64 start = find_phrase (fixture, "Ali Akbar Velayati");
  gint64 end = start + strlen ("Ali Akbar Velayati");
  g_autoptr(GlossSpan) stored = NULL;
  g_autoptr(GlossSpan) relabeled = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  gloss_document_view_select_range (fixture->view, start, end);
  press_key (fixture, GDK_KEY_2);

  stored = find_stored_span (fixture, start, end);
  g_assert_nonnull (stored);
  g_assert_cmpint (gloss_span_get_label_id (stored), ==, gloss_label_get_id (hardline));

  /* With the span selected, another hotkey changes its label. */
  press_key (fixture, GDK_KEY_3);
  relabeled = find_stored_span (fixture, start, end);
  g_assert_cmpint (gloss_span_get_id (relabeled), ==, gloss_span_get_id (stored));
  g_assert_cmpint (gloss_span_get_label_id (relabeled), ==, gloss_label_get_id (security));
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, relabeled));
  g_assert_false (gloss_document_view_has_span_tag (fixture->view, stored));
}

static void
test_delete_span (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  guint n_before = g_list_model_get_n_items (spans);
  gint64 start = find_phrase (fixture, "Ali Khamenei");
  g_autoptr(GlossSpan) span = find_stored_span (fixture, start, start + strlen ("Ali Khamenei"));
  g_autoptr(GlossSpan) gone = NULL;
  GlossSpan *shown = NULL;

  g_assert_nonnull (span);
  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(GlossSpan) item = g_list_model_get_item (spans, i);

      if (gloss_span_get_id (item) == gloss_span_get_id (span))
        shown = item;
    }
  g_assert_nonnull (shown);

  gloss_document_view_select_span (fixture->view, shown);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-span", NULL);
  gloss_test_wait_for_frames ();

  gone = find_stored_span (fixture, start, start + strlen ("Ali Khamenei"));
  g_assert_null (gone);
  g_assert_cmpuint (g_list_model_get_n_items (spans), ==, n_before - 1);
  g_assert_false (gloss_document_view_has_span_tag (fixture->view, span));
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* The view's own: primary button, capture phase. */
      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* A click inside a highlighted span selects that span; a click on plain
 * text selects none. */
static void
test_click_selects_span (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (fixture->view);
  GtkGesture *click = find_click_gesture (GTK_WIDGET (fixture->view));
  gint64 start = find_phrase (fixture, "IRGC");
  GlossSpan *selected;
  GtkTextIter iter;
  GdkRectangle location;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, start + 2);
  gtk_text_view_scroll_to_iter (text_view, &iter, 0, FALSE, 0, 0);
  gloss_test_wait_for_frames ();
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);

  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
  gloss_test_wait_for_frames ();

  selected = gloss_document_view_get_selected_span (fixture->view);
  g_assert_nonnull (selected);
  g_assert_cmpint (gloss_span_get_start (selected), ==, start);
  g_assert_cmpint (gloss_span_get_end (selected), ==, start + 4);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter,
                                      find_phrase (fixture, "stark"));
  gtk_text_view_scroll_to_iter (text_view, &iter, 0, FALSE, 0, 0);
  gloss_test_wait_for_frames ();
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
  gloss_test_wait_for_frames ();
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
}

/* Quit and start again: the window shows what was stored. */
static void
test_restart_shows_spans (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GlossLabel) reformist = gloss_test_get_label (fixture->store, "Reformist camp");
  gint64 start = find_phrase (fixture, "Pezeshkian downplays");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) reopened = NULL;
  g_autofree char *path = g_strdup (gloss_store_get_path (fixture->store));

  gloss_document_view_select_range (fixture->view, start, start + strlen ("Pezeshkian"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (reformist));
  gloss_test_wait_for_frames ();

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  gloss_test_wait_for_frames ();

  fixture->store = gloss_project_open (path, &error);
  g_assert_no_error (error);
  open_window (fixture);

  reopened = find_stored_span (fixture, start, start + strlen ("Pezeshkian"));
  g_assert_nonnull (reopened);
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, reopened));
}

static void
test_no_selection_does_nothing (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_get_label (fixture->store, "Hardline camp");
  g_autoptr(GPtrArray) before = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  gint64 start = find_phrase (fixture, "Velayati");

  /* Only white space selected: nothing to label. */
  gloss_document_view_select_range (fixture->view, start - 1, start);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (hardline));
  gloss_test_wait_for_frames ();

  after = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
}

static GlossSpan *
find_shown_span (Fixture *fixture,
                 gint64   span_id)
{
  GListModel *spans = gloss_document_view_get_spans (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) item = g_list_model_get_item (spans, i);

      if (gloss_span_get_id (item) == span_id)
        return item;
    }

  return NULL;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  gloss_test_wait_for_frames ();
}

/* Ctrl+Z and Ctrl+Shift+Z through the window: create, relabel, delete, and
 * back, with the store and the view agreeing at every step. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_get_label (fixture->store, "Hardline camp");
  g_autoptr(GlossLabel) security = gloss_test_get_label (fixture->store, "Security establishment");
  gint64 start = find_phrase (fixture, "Velayati");
  g_autoptr(GlossSpan) created = NULL;
  g_autoptr(GlossSpan) current = NULL;
  gint64 span_id;

  gloss_document_view_select_range (fixture->view, start, start + 8);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (hardline));
  gloss_test_wait_for_frames ();
  created = find_stored_span (fixture, start, start + 8);
  span_id = gloss_span_get_id (created);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (security));
  gloss_test_wait_for_frames ();
  activate (fixture, "win.delete-span");
  g_assert_null (find_stored_span (fixture, start, start + 8));
  g_assert_null (find_shown_span (fixture, span_id));

  activate (fixture, "win.undo");
  current = find_stored_span (fixture, start, start + 8);
  g_assert_nonnull (current);
  g_assert_cmpint (gloss_span_get_label_id (current), ==, gloss_label_get_id (security));
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, current));
  g_clear_object (&current);

  activate (fixture, "win.undo");
  current = find_stored_span (fixture, start, start + 8);
  g_assert_cmpint (gloss_span_get_label_id (current), ==, gloss_label_get_id (hardline));
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, current));
  g_clear_object (&current);

  activate (fixture, "win.undo");
  g_assert_null (find_stored_span (fixture, start, start + 8));
  g_assert_null (find_shown_span (fixture, span_id));

  activate (fixture, "win.redo");
  activate (fixture, "win.redo");
  current = find_stored_span (fixture, start, start + 8);
  g_assert_cmpint (gloss_span_get_label_id (current), ==, gloss_label_get_id (security));
  g_assert_nonnull (find_shown_span (fixture, span_id));
}

/* Overlapping spans: both stored, both shown, both named by the tooltip. */
static void
test_overlapping_spans (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_get_label (fixture->store, "Hardline camp");
  g_autoptr(GlossLabel) analyst = gloss_test_get_label (fixture->store, "Analyst / source");
  gint64 start = find_phrase (fixture, "Ali Akbar Velayati");
  g_autoptr(GlossSpan) outer = NULL;
  g_autoptr(GlossSpan) inner = NULL;
  g_autofree char *tooltip = NULL;

  gloss_document_view_select_range (fixture->view, start, start + 18);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (hardline));
  gloss_test_wait_for_frames ();
  gloss_document_view_select_range (fixture->view, start + 10, start + 18);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (analyst));
  gloss_test_wait_for_frames ();

  outer = find_stored_span (fixture, start, start + 18);
  inner = find_stored_span (fixture, start + 10, start + 18);
  g_assert_nonnull (outer);
  g_assert_nonnull (inner);
  g_assert_nonnull (find_shown_span (fixture, gloss_span_get_id (outer)));
  g_assert_nonnull (find_shown_span (fixture, gloss_span_get_id (inner)));

  tooltip = gloss_document_view_describe_spans_at (fixture->view, start + 12);
  g_assert_nonnull (strstr (tooltip, "Hardline camp: “Ali Akbar Velayati”"));
  g_assert_nonnull (strstr (tooltip, "Analyst / source: “Velayati”"));
}

static GlossLabelPopover *
find_label_popover (Fixture *fixture)
{
  GtkWidget *popover = gloss_test_find_widget (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);

  g_assert_nonnull (popover);
  return GLOSS_LABEL_POPOVER (popover);
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* Every header button has its tooltip once the window is on the screen
 * (they are set after its first frame); the find bar's buttons have
 * theirs once it opens. */
static void
test_tooltips (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *undo = gloss_test_find_widget_where (window, has_action_name, "win.undo");
  GtkWidget *redo = gloss_test_find_widget_where (window, has_action_name, "win.redo");
  GtkWidget *done = gloss_test_find_widget_where (window, has_action_name, "win.mark-done");
  GtkWidget *next = gloss_test_find_widget_where (window, has_action_name, "search.next");
  GtkWidget *dropdown = gloss_test_find_widget (window, GTK_TYPE_DROP_DOWN);

  gloss_test_wait_for_frames ();

  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo (Ctrl+Z)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo (Ctrl+Shift+Z)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (done), ==, "Mark the Document as Done (Ctrl+D)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dropdown), ==, "Show documents with this status");

  g_assert_null (gtk_widget_get_tooltip_text (next));
  g_assert_true (gtk_widget_activate_action (window, "win.find", NULL));
  gloss_test_wait_for_frames ();
  g_assert_cmpstr (gtk_widget_get_tooltip_text (next), ==, "Next Match (Enter)");
}

/* A right click on the text is the window's: its gesture runs before the
 * text view's own, which would open a Cut/Copy/Paste menu over the label
 * popover; with a selection, the click opens the popover. */
static void
test_right_click (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  gint64 start = find_phrase (fixture, "Velayati");
  GtkGesture *right_click = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        right_click = GTK_GESTURE (controller);
    }

  g_assert_nonnull (right_click);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (right_click)),
                   ==, GTK_PHASE_CAPTURE);

  gloss_document_view_select_range (fixture->view, start, start + strlen ("Velayati"));
  g_signal_emit_by_name (right_click, "pressed", 1, 10.0, 10.0);
  gloss_test_wait_for_frames ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label_popover (fixture))));
}

/* Keyboard only: Shift+arrows select, the popover's filter and Enter label,
 * F8 walks the spans. */
static void
test_keyboard_only (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  g_autoptr(GlossLabel) foreign = gloss_test_get_label (fixture->store, "Foreign government");
  gint64 start = find_phrase (fixture, "Israel");
  g_autoptr(GlossSpan) stored = NULL;
  GlossLabelPopover *popover;
  GlossSpan *first;
  GlossSpan *second;
  GtkTextIter iter;
  gboolean moved;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  /* What Ctrl+Shift+Right does: extend by a word. */
  g_signal_emit_by_name (fixture->view, "move-cursor", GTK_MOVEMENT_WORDS, 1, TRUE, &moved);
  gloss_test_wait_for_frames ();

  activate (fixture, "win.label-popover");
  popover = find_label_popover (fixture);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gloss_label_popover_set_filter (popover, "foreign");
  g_assert_true (gloss_label_popover_choose_first (popover));
  gloss_test_wait_for_frames ();

  stored = find_stored_span (fixture, start, start + 6);
  g_assert_nonnull (stored);
  g_assert_cmpint (gloss_span_get_label_id (stored), ==, gloss_label_get_id (foreign));

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gloss_document_view_select_span (fixture->view, NULL);
  activate (fixture, "win.next-span");
  first = gloss_document_view_get_selected_span (fixture->view);
  g_assert_nonnull (first);
  activate (fixture, "win.next-span");
  second = gloss_document_view_get_selected_span (fixture->view);
  g_assert_nonnull (second);
  g_assert_cmpint (gloss_span_get_start (second), >=, gloss_span_get_start (first));
  g_assert_true (second != first);
  activate (fixture, "win.previous-span");
  g_assert_true (gloss_document_view_get_selected_span (fixture->view) == first);
}

static void
test_note_and_status (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 start = find_phrase (fixture, "Ahmad Alili");
  g_autoptr(GlossSpan) span = find_stored_span (fixture, start, start + 11);
  g_autoptr(GlossSpan) noted = NULL;
  g_autoptr(GlossDocument) document = NULL;
  GtkEntry *note_entry = GTK_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                 GLOSS_TYPE_WINDOW, "note_entry"));

  gloss_document_view_select_span (fixture->view, find_shown_span (fixture, gloss_span_get_id (span)));
  gloss_test_wait_for_frames ();
  gtk_editable_set_text (GTK_EDITABLE (note_entry), "director, Caucasus Center");
  g_signal_emit_by_name (note_entry, "activate");
  gloss_test_wait_for_frames ();
  noted = find_stored_span (fixture, start, start + 11);
  g_assert_cmpstr (gloss_span_get_note (noted), ==, "director, Caucasus Center");

  activate (fixture, "win.mark-done");
  document = gloss_store_get_document (fixture->store, fixture->document_id, NULL);
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_DONE);
  g_clear_object (&document);
  activate (fixture, "win.mark-done");
  document = gloss_store_get_document (fixture->store, fixture->document_id, NULL);
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_IN_PROGRESS);

  /* The note, like everything, can be undone. */
  activate (fixture, "win.undo");
  activate (fixture, "win.undo");
  activate (fixture, "win.undo");
  g_clear_object (&noted);
  noted = find_stored_span (fixture, start, start + 11);
  g_assert_cmpstr (gloss_span_get_note (noted), ==, "");
}

static void
test_delete_document_undo (Fixture       *fixture,
                           gconstpointer  user_data)
{
  activate (fixture, "win.delete-document");
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 0);
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, 0);

  activate (fixture, "win.undo");
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 1);
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, fixture->document_id);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_spans (fixture->view)), ==, 7);
}

static void
test_filter_documents (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkEditable *filter = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                      GLOSS_TYPE_WINDOW,
                                                                      "document_filter_entry"));
  GtkDropDown *status = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       GLOSS_TYPE_WINDOW,
                                                                       "status_filter_dropdown"));
  GtkListView *list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                         GLOSS_TYPE_WINDOW,
                                                                         "document_list_view"));
  GListModel *documents = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  gint64 other = gloss_store_add_document (fixture->store, "baku-statement.txt", "Baku said no.",
                                           NULL, NULL);

  gloss_test_wait_for_frames ();
  g_assert_cmpint (other, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);

  gtk_editable_set_text (filter, "baku");
  g_signal_emit_by_name (filter, "search-changed");
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  gtk_editable_set_text (filter, "");
  g_signal_emit_by_name (filter, "search-changed");
  gtk_drop_down_set_selected (status, 1);   /* New */
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  gtk_drop_down_set_selected (status, 0);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
}

/* A drag that starts and ends inside a word takes the whole word; with the
 * preference off it takes exactly what was selected. */
static void
test_snap_to_words (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_get_label (fixture->store, "Hardline camp");
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  gint64 start = find_phrase (fixture, "Velayati");
  g_autoptr(GlossSpan) whole = NULL;
  g_autoptr(GlossSpan) piece = NULL;

  g_settings_set_boolean (settings, "snap-to-words", TRUE);
  gloss_test_wait_for_frames ();
  gloss_document_view_select_range (fixture->view, start + 2, start + 6);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (hardline));
  gloss_test_wait_for_frames ();
  whole = find_stored_span (fixture, start, start + 8);
  g_assert_nonnull (whole);

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  gloss_test_wait_for_frames ();
  gloss_document_view_select_range (fixture->view, start + 2, start + 6);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_label_get_id (hardline));
  gloss_test_wait_for_frames ();
  piece = find_stored_span (fixture, start + 2, start + 6);
  g_assert_nonnull (piece);
  g_settings_reset (settings, "snap-to-words");
}

/* Clicking a label in the sidebar labels the selection. */
static void
test_click_label (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkListView *labels = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                      GLOSS_TYPE_WINDOW,
                                                                      "label_list_view"));
  g_autoptr(GlossLabel) analyst = gloss_test_get_label (fixture->store, "Analyst / source");
  gint64 start = find_phrase (fixture, "Media.Az");
  g_autoptr(GlossSpan) stored = NULL;

  gloss_document_view_select_range (fixture->view, start, start + 8);
  /* Analyst / source is the fifth label. */
  g_signal_emit_by_name (labels, "activate", 4);
  gloss_test_wait_for_frames ();

  stored = find_stored_span (fixture, start, start + 8);
  g_assert_nonnull (stored);
  g_assert_cmpint (gloss_span_get_label_id (stored), ==, gloss_label_get_id (analyst));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* F2 asks for the new name; the list and the store take it. */
static void
test_rename_document (Fixture       *fixture,
                      gconstpointer  user_data)
{
  AdwMessageDialog *dialog;
  g_autoptr(GlossDocument) document = NULL;

  activate (fixture, "win.rename-document");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "  Zangezur, Iran and Azerbaijan  ");
  adw_message_dialog_response (dialog, "rename");
  gloss_test_wait_for_frames ();

  document = gloss_store_get_document (fixture->store, fixture->document_id, NULL);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "Zangezur, Iran and Azerbaijan");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "window");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/window/opens-sample", test_opens_sample);
  ADD ("/gloss/window/label-selection", test_label_selection);
  ADD ("/gloss/window/hotkey-labels-and-relabels", test_hotkey_labels_and_relabels);
  ADD ("/gloss/window/delete-span", test_delete_span);
  ADD ("/gloss/window/click-selects-span", test_click_selects_span);
  ADD ("/gloss/window/restart-shows-spans", test_restart_shows_spans);
  ADD ("/gloss/window/whitespace-selection", test_no_selection_does_nothing);
  ADD ("/gloss/window/undo-redo", test_undo_redo);
  ADD ("/gloss/window/overlapping-spans", test_overlapping_spans);
  ADD ("/gloss/window/keyboard-only", test_keyboard_only);
  ADD ("/gloss/window/right-click", test_right_click);
  ADD ("/gloss/window/tooltips", test_tooltips);
  ADD ("/gloss/window/note-and-status", test_note_and_status);
  ADD ("/gloss/window/delete-document-undo", test_delete_document_undo);
  ADD ("/gloss/window/filter-documents", test_filter_documents);
  ADD ("/gloss/window/snap-to-words", test_snap_to_words);
  ADD ("/gloss/window/click-label", test_click_label);
  ADD ("/gloss/window/rename-document", test_rename_document);

#undef ADD

  return gloss_test_ui_run (data_home);
}
