/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window with a real label set (30 labels) at the sizes people use:
 * it fits the screen, the label list scrolls, and the spans, the
 * inspector and the text stay in the window, or one header button away
 * when a sidebar folds.
 *
 * With GLOSS_TEST_SNAPSHOT_DIR set, /gloss/layout/snapshot also saves the
 * window at each size, light and dark, and at 800x600 with the folded
 * documents shown (data/screenshots/layout-*.png). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-color.h"
#include "gloss-project.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

/* Added to the default project's five "Factions" labels. */
static const char * const more_labels[] = {
  "Parliament", "Judiciary", "Revolutionary Guard", "Clergy", "Bazaar merchants",
  "Student movement", "Diaspora opposition", "State media", "Independent press",
  "Ministry of Foreign Affairs", "Supreme Leader’s office", "Armenian government",
  "Azerbaijani government", "Russian government", "Turkish government", "European Union",
  "United Nations", "Oil sector", "Sanctions", "Economy", "Human rights",
  "Military operation", "Diplomatic statement", "Protest", "Location",
};

#define N_LABELS 30

typedef struct
{
  int width;
  int height;
} Size;

static const Size sizes[] = {
  { 1400, 950 },
  { 1000, 700 },
  { 800, 600 },
  /* Narrower than the labels sidebar and the text side by side. */
  { 660, 520 },
};

/* A list shows at least two of its rows. */
#define MIN_LIST_HEIGHT 80
/* The spans, a list one goes through, a fair share beside the labels. */
#define MIN_SPANS_HEIGHT 130

typedef struct
{
  GlossStore *store;
  GlossWindow *window;
} Fixture;

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  guint n_colors;
  const char * const *palette = gloss_color_get_palette (&n_colors);

  fixture->store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (more_labels); i++)
    {
      const char *color = palette[i % n_colors];
      g_autoptr(GlossLabel) label = gloss_store_add_label (fixture->store, more_labels[i], color,
                                                           "", "", &error);

      g_assert_no_error (error);
    }
  labels = gloss_store_list_labels (fixture->store, &error);
  g_assert_cmpuint (labels->len, ==, N_LABELS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer ((GtkWindow **) &fixture->window, gtk_window_destroy);
  g_clear_object (&fixture->store);
  gloss_test_wait_for_frames ();

  gloss_test_remove_default_project ();
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), GLOSS_TYPE_WINDOW,
                                                  id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static GdkSurface *
get_surface (Fixture *fixture)
{
  return gtk_native_get_surface (GTK_NATIVE (fixture->window));
}

/* The window's smallest size is no larger than WIDTH x HEIGHT. */
static void
assert_fits (Fixture *fixture,
             int      width,
             int      height)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  int min_width, min_height;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  g_test_message ("%dx%d: the window needs at least %dx%d", width, height, min_width, min_height);
  g_assert_cmpint (min_width, <=, width);
  g_assert_cmpint (min_height, <=, height);
}

/* Opens the project in a new window of WIDTH x HEIGHT, once the window's
 * smallest size allows it. (A shown window keeps its size when its default
 * changes, and hiding one to show it again makes GTK 4.8 draw a header bar
 * it has not placed yet.) */
static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  GtkWidget *window;
  gboolean timed_out = FALSE;
  guint timeout;

  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      gloss_test_wait_for_frames ();
    }
  fixture->window = gloss_window_new (NULL, fixture->store);
  window = GTK_WIDGET (fixture->window);

  assert_fits (fixture, width, height);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* The surface is the size asked for; the window inside it is smaller by
   * the frame that client-side decorations keep for resizing. */
  timeout = g_timeout_add_seconds (10, timed_out_cb, &timed_out);
  while (!timed_out && !(gtk_widget_get_mapped (window) &&
                         gdk_surface_get_width (get_surface (fixture)) == width &&
                         gdk_surface_get_height (get_surface (fixture)) == height))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  gloss_test_wait_for_frames ();
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Until the window has drawn two more frames, so that what changed is laid
 * out and drawn. */
static void
wait_for_layout (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, timed_out_cb, &timed_out);
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (window, count_frame_cb, &frames, NULL);

  gtk_widget_queue_draw (window);
  while (!timed_out && frames < 2)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (window, tick);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  gloss_test_wait_for_frames ();
}

/* WIDGET is on the screen, all of it inside the window, and at least
 * MIN_HEIGHT tall. */
static void
assert_in_window (Fixture    *fixture,
                  GtkWidget  *widget,
                  const char *what,
                  float       min_height)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s: %.0fx%.0f at %.0f,%.0f", what, bounds.size.width, bounds.size.height,
                  bounds.origin.x, bounds.origin.y);
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >=, MAX (min_height, 1));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
}

/* A folded sidebar is one click on its header button away. */
static void
reveal_if_folded (Fixture    *fixture,
                  const char *flap_id,
                  const char *button_id)
{
  AdwFlap *flap = ADW_FLAP (get_child (fixture, flap_id));
  GtkWidget *button = get_child (fixture, button_id);

  if (!adw_flap_get_folded (flap))
    {
      g_assert_false (gtk_widget_get_visible (button));
      return;
    }

  g_test_message ("%s is folded", flap_id);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_signal_emit_by_name (button, "clicked");
  wait_for_layout (fixture);
  g_assert_true (adw_flap_get_reveal_flap (flap));
}

static void
hide_if_folded (Fixture    *fixture,
                const char *flap_id,
                const char *button_id)
{
  AdwFlap *flap = ADW_FLAP (get_child (fixture, flap_id));

  if (!adw_flap_get_folded (flap))
    return;

  g_signal_emit_by_name (get_child (fixture, button_id), "clicked");
  wait_for_layout (fixture);
  g_assert_false (adw_flap_get_reveal_flap (flap));
}

static void
select_first_span (Fixture *fixture)
{
  GlossDocumentView *view = gloss_window_get_document_view (fixture->window);
  GListModel *spans = gloss_document_view_get_spans (view);
  g_autoptr(GlossSpan) first = g_list_model_get_item (spans, 0);

  g_assert_nonnull (first);
  gloss_document_view_select_span (view, first);
  gloss_test_wait_for_frames ();
}

static void
test_fits (Fixture       *fixture,
           gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *label_list, *label_scroller, *text_scroller;
      GtkAdjustment *adjustment;

      g_test_message ("At %dx%d", sizes[i].width, sizes[i].height);
      open_window (fixture, sizes[i].width, sizes[i].height);
      select_first_span (fixture);
      wait_for_layout (fixture);

      /* With the inspector open too, the window fits. */
      assert_fits (fixture, sizes[i].width, sizes[i].height);

      /* The label list scrolls on its own, inside the sidebar, apart from
       * the spans. */
      label_list = get_child (fixture, "label_list_view");
      label_scroller = gtk_widget_get_ancestor (label_list, GTK_TYPE_SCROLLED_WINDOW);
      g_assert_nonnull (label_scroller);
      g_assert_true (gtk_widget_is_ancestor (label_scroller, get_child (fixture, "labels_flap")));
      g_assert_false (gtk_widget_is_ancestor (get_child (fixture, "span_list_view"),
                                              label_scroller));

      /* The text, with room for a line of words. */
      text_scroller = gtk_widget_get_ancestor (GTK_WIDGET (gloss_window_get_document_view (fixture->window)),
                                               GTK_TYPE_SCROLLED_WINDOW);
      assert_in_window (fixture, text_scroller, "text", 200);
      g_assert_cmpint (gtk_widget_get_width (text_scroller), >=, 400);

      reveal_if_folded (fixture, "documents_flap", "documents_button");
      assert_in_window (fixture, get_child (fixture, "document_list_view"), "documents",
                        MIN_LIST_HEIGHT);
      hide_if_folded (fixture, "documents_flap", "documents_button");

      reveal_if_folded (fixture, "labels_flap", "labels_button");
      assert_in_window (fixture, label_scroller, "labels", MIN_LIST_HEIGHT);
      assert_in_window (fixture, get_child (fixture, "span_list_view"), "spans", MIN_SPANS_HEIGHT);
      assert_in_window (fixture, get_child (fixture, "span_inspector"), "inspector", 1);
      assert_in_window (fixture, get_child (fixture, "note_entry"), "note", 1);

      /* Thirty labels do not fit: the list scrolls to the last one. */
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (label_scroller));
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                         gtk_adjustment_get_page_size (adjustment));
      hide_if_folded (fixture, "labels_flap", "labels_button");
    }
}

/* The largest size is the default one, and nothing folds there. */
static void
test_wide_shows_all (Fixture       *fixture,
                     gconstpointer  user_data)
{
  open_window (fixture, 1400, 950);
  g_assert_false (adw_flap_get_folded (ADW_FLAP (get_child (fixture, "documents_flap"))));
  g_assert_false (adw_flap_get_folded (ADW_FLAP (get_child (fixture, "labels_flap"))));
  g_assert_false (gtk_widget_get_visible (get_child (fixture, "documents_button")));
  g_assert_false (gtk_widget_get_visible (get_child (fixture, "labels_button")));
}

/* Picking a document or a label in a folded sidebar folds it away, and
 * the text has its place back. */
static void
test_folded_sidebar_closes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  AdwFlap *documents = NULL;
  AdwFlap *labels = NULL;

  open_window (fixture, 660, 520);
  documents = ADW_FLAP (get_child (fixture, "documents_flap"));
  labels = ADW_FLAP (get_child (fixture, "labels_flap"));
  g_assert_true (adw_flap_get_folded (documents));
  g_assert_true (adw_flap_get_folded (labels));

  reveal_if_folded (fixture, "documents_flap", "documents_button");
  g_signal_emit_by_name (get_child (fixture, "document_list_view"), "activate", 0);
  wait_for_layout (fixture);
  g_assert_false (adw_flap_get_reveal_flap (documents));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (fixture,
                                                                              "documents_button"))));

  reveal_if_folded (fixture, "labels_flap", "labels_button");
  g_signal_emit_by_name (get_child (fixture, "label_list_view"), "activate", 0);
  wait_for_layout (fixture);
  g_assert_false (adw_flap_get_reveal_flap (labels));

  /* Unfolded, a sidebar stays where it is. */
  open_window (fixture, 1400, 950);
  g_signal_emit_by_name (get_child (fixture, "label_list_view"), "activate", 0);
  wait_for_layout (fixture);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (get_child (fixture, "labels_flap"))));
}

/* What WINDOW last drew, once it has drawn at all. */
static GskRenderNode *
get_window_node (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!timed_out)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, snapshot,
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        {
          g_source_remove (timeout);
          return node;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_not_reached ();
}

static void
save_window (Fixture    *fixture,
             const char *dir,
             const char *name)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  /* A few frames, for a change of style to be drawn. */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20000);
      gloss_test_wait_for_frames ();
    }
  node = get_window_node (GTK_WINDOW (fixture->window));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *dir = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("GLOSS_TEST_SNAPSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *light = g_strdup_printf ("layout-%dx%d.png", sizes[i].width,
                                                sizes[i].height);
      g_autofree char *dark = g_strdup_printf ("layout-%dx%d-dark.png", sizes[i].width,
                                               sizes[i].height);

      open_window (fixture, sizes[i].width, sizes[i].height);
      select_first_span (fixture);
      save_window (fixture, dir, light);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      save_window (fixture, dir, dark);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }

  /* The documents, folded at 800 px, shown by their header button. */
  reveal_if_folded (fixture, "documents_flap", "documents_button");
  save_window (fixture, dir, "layout-800x600-documents.png");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "layout");

  /* The application's style sheet, which GlossApplication would load: its
   * margins are part of the layout. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* A flap folds and unfolds at once, without its animation; and the
   * pictures use GNOME's interface font, as tools/screenshot does. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/layout/fits", test_fits);
  ADD ("/gloss/layout/wide-shows-all", test_wide_shows_all);
  ADD ("/gloss/layout/folded-sidebar-closes", test_folded_sidebar_closes);
  ADD ("/gloss/layout/snapshot", test_snapshot);

#undef ADD

  return gloss_test_ui_run (data_home);
}
