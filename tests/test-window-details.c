/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's smaller promises, checked on what it shows: the title after
 * a rename, the Status menu's mark, the inspector's time and name, the
 * names of keys and of icon-only buttons. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-project.h"
#include "gloss-search-bar.h"
#include "gloss-swatch.h"
#include "gloss-test-input.h"
#include "gloss-window-testing.h"

typedef struct
{
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  gint64 document_id;
} Fixture;

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
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

  fixture->window = gloss_window_new (NULL, fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  /* On the screen and laid out, however late a loaded machine maps it. */
  gloss_test_wait_until (is_shown, fixture->window, "the window to show");
  gloss_test_wait_for_widget_frames (GTK_WIDGET (fixture->window));
  gloss_test_wait_for_frames ();
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

static GtkWidget *
get_child (Fixture    *fixture,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                    GLOSS_TYPE_WINDOW, name));
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
has_css_name (GtkWidget     *widget,
              gconstpointer  name)
{
  return g_str_equal (gtk_widget_get_css_name (widget), name);
}

/* The menu item (a model button) under ROOT whose label is TEXT. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *text)
{
  GtkWidget *label = gloss_test_find_widget_where (root, is_label_saying, text);

  g_assert_nonnull (label);
  while (label != NULL && !has_css_name (label, "modelbutton"))
    label = gtk_widget_get_parent (label);
  g_assert_nonnull (label);

  return label;
}

/* Whether a menu item shows its radio mark as set. */
static gboolean
is_marked (GtkWidget *item)
{
  GtkWidget *radio = gloss_test_find_widget_where (item, has_css_name, "radio");

  g_assert_nonnull (radio);
  return (gtk_widget_get_state_flags (radio) & GTK_STATE_FLAG_CHECKED) != 0;
}

/* Document > Status marks the open document's status, and follows it. */
static void
test_status_menu_marks_status (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (get_child (fixture, "document_menu_button"));
  GtkWidget *popover;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;

  gtk_menu_button_popup (button);
  gloss_test_wait_for_frames ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  /* Its tooltip ("Document Menu") does not cover the open menu. */
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));

  /* The sample document has spans: in progress. */
  g_assert_false (is_marked (find_menu_item (popover, "New")));
  g_assert_true (is_marked (find_menu_item (popover, "In Progress")));
  g_assert_false (is_marked (find_menu_item (popover, "Done")));

  /* Choosing Done stores it, and the mark moves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.document-status",
                                             "s", "done"));
  gloss_test_wait_for_frames ();
  document = gloss_store_get_document (fixture->store, fixture->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_DONE);
  gtk_menu_button_popup (button);
  gloss_test_wait_for_frames ();
  g_assert_true (is_marked (find_menu_item (popover, "Done")));
  g_assert_false (is_marked (find_menu_item (popover, "In Progress")));

  /* So does Ctrl+D's way, through the store. */
  g_assert_true (gloss_store_set_document_status (fixture->store, fixture->document_id,
                                                  GLOSS_DOCUMENT_STATUS_NEW, &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  g_assert_true (is_marked (find_menu_item (popover, "New")));
  g_assert_false (is_marked (find_menu_item (popover, "Done")));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gloss_test_wait_for_frames ();
  /* Closed, the button has its tooltip back. */
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (button)));
}

/* F2's new name is in the title bar at once, not at the next opening. */
static void
test_rename_updates_subtitle (Fixture       *fixture,
                              gconstpointer  user_data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (get_child (fixture, "window_title"));
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (adw_window_title_get_subtitle (title), !=, "Zangezur, in short");
  g_assert_true (gloss_store_rename_document (fixture->store, fixture->document_id,
                                              "Zangezur, in short", &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Zangezur, in short");

  /* Undone, the old name is back in the title too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  gloss_test_wait_for_frames ();
  g_assert_cmpstr (adw_window_title_get_subtitle (title), !=, "Zangezur, in short");
}

/* The inspector tells the time in the user's zone and words, and the
 * person, not the login name. */
static void
test_inspector_time_and_person (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GtkLabel *details = GTK_LABEL (get_child (fixture, "inspector_details"));
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *local_clock = NULL;
  g_autofree char *local_month = NULL;
  g_autofree char *by_login = g_strdup_printf ("by %s ", g_get_user_name ());
  const char *text;

  span = gloss_store_add_span (fixture->store, fixture->document_id,
                               gloss_label_get_id (labels->pdata[0]), 0, 3, g_get_user_name (),
                               NULL, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  gloss_document_view_select_span (fixture->view, span);
  gloss_test_wait_for_frames ();

  text = gtk_label_get_label (details);
  time = g_date_time_new_from_iso8601 (gloss_span_get_modified (span), utc);
  g_assert_nonnull (time);
  local = g_date_time_to_local (time);
  local_clock = g_date_time_format (local, "%H:%M");
  local_month = g_date_time_format (local, "%B");

  /* Not "2026-12-06T21:04:00Z", but the local clock (main () sets a zone
   * 3:30 from UTC). */
  g_assert_null (strstr (text, gloss_span_get_modified (span)));
  g_assert_nonnull (strstr (text, local_clock));
  g_assert_nonnull (strstr (text, local_month));
  /* Not "by root". */
  if (g_strcmp0 (g_get_real_name (), g_get_user_name ()) == 0 ||
      g_strcmp0 (g_get_real_name (), "Unknown") == 0)
    g_assert_null (strstr (text, by_login));
  else
    {
      g_autofree char *by_name = g_strdup_printf ("by %s ", g_get_real_name ());

      g_assert_nonnull (strstr (text, by_name));
    }
}

/* A part of a discontinuous span: its tooltip and the inspector say it
 * is one part and show the whole span's text; deleting it deletes every
 * part, and undo brings them back. */
static void
test_discontinuous_part (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkLabel *inspector_text = GTK_LABEL (get_child (fixture, "inspector_text"));
  GtkLabel *details = GTK_LABEL (get_child (fixture, "inspector_details"));
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GlossSpan) first = NULL;
  g_autoptr(GlossSpan) part = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *part_text = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *said = NULL;
  gint64 part_id;
  guint n_spans;

  spans = gloss_store_list_spans (fixture->store, fixture->document_id, &error);
  g_assert_no_error (error);
  n_spans = spans->len;

  first = gloss_store_add_span (fixture->store, fixture->document_id,
                                gloss_label_get_id (labels->pdata[0]), 0, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  part = gloss_store_add_span_part (fixture->store, gloss_span_get_id (first), 8, 12, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  first_text = gloss_document_view_dup_span_text (fixture->view, first);
  part_text = gloss_document_view_dup_span_text (fixture->view, part);
  whole = g_strdup_printf ("%s … %s", first_text, part_text);

  tooltip = gloss_document_view_describe_spans_at (fixture->view, 9);
  said = g_strdup_printf ("one part of a discontinuous span: “%s”", whole);
  if (strstr (tooltip, said) == NULL)
    g_error ("the tooltip “%s” does not say “%s”", tooltip, said);

  /* Selecting a part shows the whole span selected. */
  gloss_document_view_select_span (fixture->view, part);
  gloss_test_wait_for_frames ();
  g_assert_true (gloss_document_view_is_shown_selected (fixture->view, part));
  g_assert_true (gloss_document_view_is_shown_selected (fixture->view, first));
  g_assert_cmpstr (gtk_label_get_label (inspector_text), ==, whole);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (details),
                                   "One part of a discontinuous span\n"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-span", NULL);
  gloss_test_wait_for_frames ();
  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = gloss_store_list_spans (fixture->store, fixture->document_id, &error);
  g_assert_cmpuint (spans->len, ==, n_spans);
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
  g_assert_false (gloss_document_view_is_shown_selected (fixture->view, first));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  gloss_test_wait_for_frames ();
  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = gloss_store_list_spans (fixture->store, fixture->document_id, &error);
  g_assert_cmpuint (spans->len, ==, n_spans + 2);
  g_clear_pointer (&tooltip, g_free);
  tooltip = gloss_document_view_describe_spans_at (fixture->view, 1);
  g_assert_nonnull (strstr (tooltip, said));

  /* Relabeling a part, as a label key does, redraws every part. */
  part_id = gloss_span_get_id (part);
  g_clear_object (&part);
  part = gloss_store_relabel_span (fixture->store, part_id, gloss_label_get_id (labels->pdata[1]),
                                   &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  g_clear_object (&first);
  first = gloss_store_get_span (fixture->store, gloss_span_get_part_of (part), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_label_id (first), ==, gloss_label_get_id (labels->pdata[1]));
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, first));
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, part));
}

/* The shortcuts window names Page Down in words, not as "Page_Down". */
static void
test_shortcuts_key_names (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWindow *overlay;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  gloss_test_wait_for_frames ();
  overlay = gloss_window_get_shortcuts_window (fixture->window);
  g_assert_nonnull (overlay);

  g_assert_null (gloss_test_find_widget_where (GTK_WIDGET (overlay), is_label_saying, "Page_Down"));
  g_assert_nonnull (gloss_test_find_widget_where (GTK_WIDGET (overlay), is_label_saying,
                                                  "Page Down"));
  gtk_window_close (overlay);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
assert_accessible_label (GtkWidget  *root,
                         const char *action,
                         const char *label)
{
  GtkWidget *button = gloss_test_find_widget_where (root, has_action, action);

  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       label);
}

/* A screen reader names the icon-only buttons by what they do. */
static void
test_icon_buttons_have_names (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  g_assert_true (gtk_widget_activate_action (root, "win.find", NULL));
  gloss_test_wait_for_frames ();

  assert_accessible_label (root, "win.undo", "Undo");
  assert_accessible_label (root, "win.redo", "Redo");
  assert_accessible_label (root, "search.next", "Next Match");
  assert_accessible_label (root, "search.previous", "Previous Match");
}

/* A black label's dot shows in the dark style: its ring stands out from
 * the background where the dot itself does not. */
static void
test_black_swatch_in_dark_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *swatch = gloss_swatch_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height, stride;
  const guint8 *data;
  int most = 0;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_swatch_set_color (swatch, "#000000");
  gtk_window_set_child (GTK_WINDOW (window), swatch);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_wait_for_frames ();
  width = gtk_widget_get_width (swatch);
  height = gtk_widget_get_height (swatch);
  g_assert_cmpint (width, >, 0);

  paintable = gtk_widget_paintable_new (swatch);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  /* Over the dark style's view background, #1e1e1e. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      most = MAX (most, ABS ((int) data[y * stride + 4 * x + 1] - 0x1e));
  cairo_surface_destroy (surface);

  /* Black itself is 30 away; the ring is far lighter. */
  g_assert_cmpint (most, >, 60);

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gloss_test_wait_for_frames ();
}

static gboolean
is_deleted_toast_title (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)),
                                                    " deleted");
}

static gboolean
toast_title_shown (gpointer overlay)
{
  GtkWidget *title = gloss_test_find_widget_where (overlay, is_deleted_toast_title, NULL);

  return title != NULL && gtk_widget_get_mapped (title) && gtk_widget_get_width (title) > 0;
}

/* A long name is shortened in the delete toast, and "deleted" stays in
 * view; the name's characters are shown as they are. */
static void
test_delete_toast_long_name (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *name = "R&D <memo>: the Zangezur corridor, Iran, Azerbaijan and Armenia "
                     "in the long summer of negotiations, part two.txt";
  GtkWidget *overlay = get_child (fixture, "toast_overlay");
  g_autoptr(GError) error = NULL;
  GtkWidget *title;
  const char *text;

  g_assert_true (gloss_store_rename_document (fixture->store, fixture->document_id, name, &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-document",
                                             NULL));
  /* The toast is laid out in a frame of its own, which a loaded machine
   * draws late. */
  gloss_test_wait_until (toast_title_shown, overlay, "the delete toast");
  title = gloss_test_find_widget_where (overlay, is_deleted_toast_title, NULL);
  gloss_test_wait_for_widget_frames (title);
  text = gtk_label_get_text (GTK_LABEL (title));
  /* As written: the toast's title is markup, and the name is not. */
  g_assert_true (g_str_has_prefix (text, "“R&D <memo>: the"));
  g_assert_true (g_str_has_suffix (text, "part two.txt” deleted"));
  g_assert_nonnull (strstr (text, "…"));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
}

static gint64
add_document (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_add_document (fixture->store, name, "A note on the crossing.", NULL,
                                        &error);

  g_assert_no_error (error);
  return id;
}

static void
set_filter (Fixture    *fixture,
            const char *text)
{
  GtkWidget *entry = get_child (fixture, "document_filter_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  gloss_test_wait_for_frames ();
}

/* Filters and imports change the list, not the open document: it stays
 * open (and selected) while the list shows it, and gives way only when a
 * filter hides it. */
static void
test_list_changes_keep_open_document (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  GtkListView *list = GTK_LIST_VIEW (get_child (fixture, "document_list_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_autoptr(GError) error = NULL;
  gint64 alpha, gamma;
  guint n_items;

  alpha = add_document (fixture, "alpha.txt");
  add_document (fixture, "beta.txt");
  gamma = add_document (fixture, "gamma.txt");
  gloss_store_notify_changed_elsewhere (fixture->store);
  gloss_test_wait_for_frames ();

  /* The user opens gamma.txt from the list. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (gloss_document_get_id (document) == gamma)
        gtk_single_selection_set_selected (selection, i);
    }
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, gamma);

  /* An import adds documents before it in the list. */
  add_document (fixture, "aardvark.txt");
  add_document (fixture, "ab.txt");
  gloss_store_notify_changed_elsewhere (fixture->store);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, gamma);
  g_assert_cmpint (gloss_document_get_id (gtk_single_selection_get_selected_item (selection)), ==,
                   gamma);

  /* A filter that still shows it keeps it. */
  set_filter (fixture, "a.txt");
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, gamma);
  g_assert_cmpint (gloss_document_get_id (gtk_single_selection_get_selected_item (selection)), ==,
                   gamma);

  /* One that hides it opens what it shows. */
  set_filter (fixture, "alpha");
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, alpha);

  /* And no filter keeps that one. */
  set_filter (fixture, "");
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, alpha);
  g_assert_cmpint (gloss_document_get_id (gtk_single_selection_get_selected_item (selection)), ==,
                   alpha);
}

static gboolean
is_selected_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "row") &&
         (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED) != 0;
}

/* A span chosen in the text far down a long document is shown in the Spans
 * list: its row is scrolled into view, whole. */
static void
test_span_list_follows_selection (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) last = NULL;
  GtkWidget *list = get_child (fixture, "span_list_view");
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *row;
  graphene_rect_t bounds;
  gint64 document_id;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (text, "Memo %03u on the crossing.\n", i);
  document_id = gloss_store_add_document (fixture->store, "memos.txt", text->str, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    {
      g_clear_object (&last);
      /* "Memo 000" of each line. */
      last = gloss_store_add_span (fixture->store, document_id,
                                   gloss_label_get_id (labels->pdata[i % labels->len]),
                                   i * 26, i * 26 + 8, "", NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gloss_window_open_document (fixture->window, document_id));
  gloss_test_wait_for_frames ();

  gloss_document_view_select_span (fixture->view, last);
  /* Scrolling takes frames: wait for the row's layout, a few seconds at
   * most (it never comes without the scrolling). */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_get_monotonic_time () < deadline;)
    {
      row = gloss_test_find_widget_where (list, is_selected_row, NULL);
      if (row != NULL && gtk_widget_compute_bounds (row, scroller, &bounds) &&
          bounds.size.height > 0)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gloss_test_wait_for_frames ();

  row = gloss_test_find_widget_where (list, is_selected_row, NULL);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
  /* A row the list has not laid out (off screen) has no height. */
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
}

/* The action that WIDGET's own key bindings run for TRIGGER ("Escape"), or
 * NULL. */
static GtkShortcutAction *
find_key_binding (GtkWidget  *widget,
                  const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return gtk_shortcut_get_action (shortcut);
        }
    }

  return NULL;
}

/* Escape closes the find bar with the focus on its buttons, not only in
 * its entry: the key is the bar's, and bubbles up to it from a button.
 * The binding is there, and a pressed Escape reaches it. */
static void
test_escape_closes_find_bar (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *bar = gloss_test_find_widget (root, GLOSS_TYPE_SEARCH_BAR);
  GtkWidget *button = gloss_test_find_widget_where (root, has_action, "search.match-case");
  GtkShortcutAction *action;

  g_assert_true (gtk_widget_activate_action (root, "win.find", NULL));
  gloss_test_wait_for_frames ();
  g_assert_true (gloss_search_bar_is_open (GLOSS_SEARCH_BAR (bar)));
  g_assert_true (gtk_widget_is_ancestor (button, bar));

  action = find_key_binding (bar, "Escape");
  g_assert_nonnull (action);

  /* A real Escape, through the X server, with the focus on the button as
   * a click on it leaves it. */
  gloss_test_input_present (GTK_WINDOW (root));
  g_assert_true (gtk_widget_grab_focus (button));
  gloss_test_input_key (root, GDK_KEY_Escape, 0);
  g_assert_false (gloss_search_bar_is_open (GLOSS_SEARCH_BAR (bar)));
}

/* The color nodes of NODE and below that are a span's line: 2 pixels high,
 * in COLOR. */
static void
collect_span_lines (GskRenderNode *node,
                    const GdkRGBA *color,
                    GArray        *lines)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      {
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        if (gdk_rgba_equal (gsk_color_node_get_color (node), color) && bounds.size.height == 2)
          g_array_append_val (lines, bounds);
      }
      break;

    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_span_lines (gsk_container_node_get_child (node, i), color, lines);
      break;

    case GSK_TRANSFORM_NODE:
      collect_span_lines (gsk_transform_node_get_child (node), color, lines);
      break;

    case GSK_CLIP_NODE:
      collect_span_lines (gsk_clip_node_get_child (node), color, lines);
      break;

    case GSK_ROUNDED_CLIP_NODE:
      collect_span_lines (gsk_rounded_clip_node_get_child (node), color, lines);
      break;

    case GSK_OPACITY_NODE:
      collect_span_lines (gsk_opacity_node_get_child (node), color, lines);
      break;

    case GSK_DEBUG_NODE:
      collect_span_lines (gsk_debug_node_get_child (node), color, lines);
      break;

    default:
      break;
    }
}

/* Whether VIEW is on screen with its whole text laid out, so that a
 * snapshot of it draws every span. */
static gboolean
view_laid_out (gpointer view)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter end;
  GdkRectangle rect;

  if (!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) <= 0 ||
      gtk_widget_get_height (view) <= 0)
    return FALSE;
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (text_view), &end);
  gtk_text_view_get_iter_location (text_view, &end, &rect);
  return rect.height > 0;
}

/* Nested spans in right-to-left text are drawn as two lines, the inner
 * one under the outer, as in left-to-right text. */
static void
test_rtl_spans_underlined (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *text = "پزشکیان می\u200cخواهد روابط با همسایگان عادی شود، اما ولایتی مخالف است.";
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GlossSpan) outer = NULL;
  g_autoptr(GlossSpan) inner = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GtkSnapshot *snapshot;
  GdkRGBA color;
  gint64 document_id;

  document_id = gloss_store_add_document (fixture->store, "persian.txt", text, NULL, &error);
  g_assert_no_error (error);
  /* "روابط با همسایگان" holds "همسایگان". */
  outer = gloss_store_add_span (fixture->store, document_id,
                                gloss_label_get_id (labels->pdata[0]), 17, 34, "", NULL, &error);
  g_assert_no_error (error);
  inner = gloss_store_add_span (fixture->store, document_id,
                                gloss_label_get_id (labels->pdata[0]), 26, 34, "", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_window_open_document (fixture->window, document_id));
  /* The text is laid out over frames, which a loaded machine draws late:
   * the view is drawn once it is, not after a count of iterations. */
  gloss_test_wait_until (view_laid_out, fixture->view, "the text to be laid out");
  gloss_test_wait_for_widget_frames (GTK_WIDGET (fixture->view));

  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->view));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (fixture->view)),
                          gtk_widget_get_height (GTK_WIDGET (fixture->view)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gdk_rgba_parse (&color, gloss_label_get_color (labels->pdata[0])));
  collect_span_lines (node, &color, lines);

  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpfloat (g_array_index (lines, graphene_rect_t, i).size.width, >, 10);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  /* A zone of its own, so that local time is not UTC's. */
  g_setenv ("TZ", "IRST-3:30", TRUE);
  /* GTK's test accessibility backend records what a screen reader gets. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  data_home = gloss_test_ui_init (&argc, &argv, "window-details");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/window/status-menu-marks-status", test_status_menu_marks_status);
  ADD ("/gloss/window/rename-updates-subtitle", test_rename_updates_subtitle);
  ADD ("/gloss/window/inspector-time-and-person", test_inspector_time_and_person);
  ADD ("/gloss/window/discontinuous-part", test_discontinuous_part);
  ADD ("/gloss/window/shortcuts-key-names", test_shortcuts_key_names);
  ADD ("/gloss/window/icon-buttons-have-names", test_icon_buttons_have_names);

  ADD ("/gloss/window/rtl-spans-underlined", test_rtl_spans_underlined);
  ADD ("/gloss/window/escape-closes-find-bar", test_escape_closes_find_bar);
  ADD ("/gloss/window/list-changes-keep-open-document", test_list_changes_keep_open_document);
  ADD ("/gloss/window/delete-toast-long-name", test_delete_toast_long_name);
  ADD ("/gloss/window/span-list-follows-selection", test_span_list_follows_selection);

#undef ADD

  g_test_add_func ("/gloss/window/black-swatch-in-dark-style", test_black_swatch_in_dark_style);

  return gloss_test_ui_run (data_home);
}
