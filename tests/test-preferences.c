/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opens the preferences from a project window of a registered
 * GlossApplication, changes each setting through its row the way a user
 * would, and checks the stored value and what follows it: the names on new
 * spans, the style, the document's text size. Checks too that the keyboard
 * shortcuts window is there and lists every shortcut.
 *
 * With GLOSS_TEST_SNAPSHOT_DIR set, the preferences and the shortcuts
 * windows are also saved there as PNG pictures. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-project.h"
#include "gloss-test-store.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

/* Registered once: GApplication::startup, which sets the accelerators and
 * the style binding, runs once per process. */
static GlossApplication *application;

typedef struct
{
  GSettings *settings;
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  GtkWindow *preferences;
} Fixture;

static const char * const keys[] = {
  "annotator", "snap-to-words", "text-size", "style-variant",
};

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits until WIDGET has been given a size, so that it can be drawn. */
static void
wait_for_size (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!timed_out && (gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
  gloss_test_wait_for_frames ();
}

static GtkWindow *
find_preferences_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (GLOSS_IS_PREFERENCES_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->settings = g_settings_new (SCHEMA_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->store = gloss_project_open_default (&error);
  g_assert_no_error (error);

  fixture->window = gloss_window_new (GTK_APPLICATION (application), fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_size (GTK_WIDGET (fixture->window));

  /* As the menu item and Ctrl+comma do. */
  g_assert_null (find_preferences_window ());
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  fixture->preferences = find_preferences_window ();
  g_assert_nonnull (fixture->preferences);
  wait_for_size (GTK_WIDGET (fixture->preferences));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->preferences, gtk_window_destroy);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  g_clear_object (&fixture->settings);
  gloss_test_wait_for_frames ();

  gloss_test_remove_default_project ();
}

/* The first widget of TYPE under ROOT, depth first; with TITLE, the first
 * preferences row with that title. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;

      if ((found = find_widget (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_row (Fixture    *fixture,
          GType       type,
          const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (fixture->preferences), type, title);

  g_assert_nonnull (row);
  return row;
}

static void
test_opens_from_window (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                 "app.preferences");

  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_assert_true (gtk_window_get_transient_for (fixture->preferences) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (fixture->preferences));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->preferences)));

  /* Opening is not editing the name, and Tab goes to the first row. */
  g_assert_null (gtk_window_get_focus (fixture->preferences));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->preferences), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture->preferences),
                                         find_row (fixture, ADW_TYPE_ENTRY_ROW, "Annotator name")));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  int n_items = g_menu_model_get_n_items (menu);

  for (int i = 0; i < n_items; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_primary_menu (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON, NULL);
  GMenuModel *menu;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));

  /* The menu is made as it first opens. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gloss_test_wait_for_frames ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  g_assert_true (menu_has_action (menu, "app.preferences"));
  g_assert_true (menu_has_action (menu, "win.show-help-overlay"));
  g_assert_true (menu_has_action (menu, "app.about"));
  g_assert_true (menu_has_action (menu, "app.quit"));

  /* Every item's action exists, so no item is greyed out for nothing. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "show-help-overlay"));
}

/* Labels PHRASE in the open document and returns the stored span. */
static GlossSpan *
label_phrase (Fixture    *fixture,
              const char *phrase,
              const char *label_name)
{
  gint64 document_id = gloss_document_view_get_document_id (fixture->view);
  g_autofree char *text = gloss_store_load_text (fixture->store, document_id, NULL);
  const char *found = strstr (text, phrase);
  gint64 start, end;
  g_autoptr(GPtrArray) spans = NULL;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  end = start + g_utf8_strlen (phrase, -1);

  gloss_document_view_select_range (fixture->view, start, end);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              gloss_test_label_id (fixture->store, label_name, NULL));
  gloss_test_wait_for_frames ();

  spans = gloss_store_list_spans (fixture->store, document_id, NULL);
  for (guint i = 0; i < spans->len; i++)
    if (gloss_span_get_start (spans->pdata[i]) == start &&
        gloss_span_get_end (spans->pdata[i]) == end)
      return g_object_ref (spans->pdata[i]);

  g_assert_not_reached ();
}

static void
test_annotator (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *row = find_row (fixture, ADW_TYPE_ENTRY_ROW, "Annotator name");
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  g_autofree char *default_annotator = gloss_project_default_annotator ();
  g_autofree char *stored = NULL;
  g_autoptr(GlossSpan) span = NULL;

  /* Empty at first, and the window says whose name an empty one means. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            default_annotator));

  /* Stray spaces stay out of the stored name, and out of the row while the
   * user types. */
  gtk_editable_set_text (GTK_EDITABLE (row), " Ada Lovelace ");
  gloss_test_wait_for_frames ();
  stored = g_settings_get_string (fixture->settings, "annotator");
  g_assert_cmpstr (stored, ==, "Ada Lovelace");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, " Ada Lovelace ");

  /* The name goes on the next span the user makes. */
  span = label_phrase (fixture, "Velayati", "Hardline camp");
  g_assert_cmpstr (gloss_span_get_annotator (span), ==, "Ada Lovelace");

  /* Only spaces is no name. */
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  gloss_test_wait_for_frames ();
  g_clear_pointer (&stored, g_free);
  stored = g_settings_get_string (fixture->settings, "annotator");
  g_assert_cmpstr (stored, ==, "");

  g_clear_object (&span);
  span = label_phrase (fixture, "Pezeshkian downplays", "Reformist camp");
  g_assert_cmpstr (gloss_span_get_annotator (span), ==, default_annotator);

  /* A change made elsewhere shows in the row. */
  g_settings_set_string (fixture->settings, "annotator", "Grace Hopper");
  gloss_test_wait_for_frames ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Grace Hopper");
}

static void
test_snap_to_words (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *row = find_row (fixture, ADW_TYPE_ACTION_ROW, "Snap to word boundaries");
  GtkWidget *toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_true (g_settings_get_boolean (fixture->settings, "snap-to-words"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* Activating the row, as Space or Enter on it does, flips the switch. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  gloss_test_wait_for_frames ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (g_settings_get_boolean (fixture->settings, "snap-to-words"));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  gloss_test_wait_for_frames ();
  g_assert_true (g_settings_get_boolean (fixture->settings, "snap-to-words"));
}

static double
document_font_size (Fixture *fixture)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (fixture->view));
  PangoFontDescription *font = pango_context_get_font_description (context);

  return pango_font_description_get_size (font) / (double) PANGO_SCALE;
}

/* The view's font follows a style change at the next frame. Returns the
 * size once it is EXPECTED, or whatever it is after a while. */
static double
wait_for_font_size (Fixture *fixture,
                    double   expected)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  double size;

  while (ABS ((size = document_font_size (fixture)) - expected) > 0.01 * expected &&
         g_get_monotonic_time () < deadline)
    {
      g_usleep (10000);
      gloss_test_wait_for_frames ();
    }

  return size;
}

static void
test_text_size (Fixture       *fixture,
                gconstpointer  user_data)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (fixture, ADW_TYPE_COMBO_ROW, "Text size"));
  GListModel *sizes = adw_combo_row_get_model (row);
  double normal_size;

  g_assert_cmpuint (g_list_model_get_n_items (sizes), ==, 6);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (sizes), 2), ==, "100%");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (sizes), 5), ==, "150%");
  g_assert_cmpfloat (gloss_document_view_get_text_scale (fixture->view), ==, 1.0);
  normal_size = document_font_size (fixture);
  g_assert_cmpfloat (normal_size, >, 0);

  /* The largest size: stored, and the open document grows at once. */
  adw_combo_row_set_selected (row, 5);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (g_settings_get_int (fixture->settings, "text-size"), ==, 150);
  g_assert_cmpfloat_with_epsilon (gloss_document_view_get_text_scale (fixture->view), 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (wait_for_font_size (fixture, 1.5 * normal_size),
                                  1.5 * normal_size, 0.02 * normal_size);

  adw_combo_row_set_selected (row, 0);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (g_settings_get_int (fixture->settings, "text-size"), ==, 80);
  g_assert_cmpfloat_with_epsilon (wait_for_font_size (fixture, 0.8 * normal_size),
                                  0.8 * normal_size, 0.02 * normal_size);

  /* A size set elsewhere that the row does not offer shows as the nearest
   * one, and is kept. */
  g_settings_set_int (fixture->settings, "text-size", 120);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 3);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "text-size"), ==, 120);
  g_assert_cmpfloat_with_epsilon (gloss_document_view_get_text_scale (fixture->view), 1.2, 1e-9);

  /* Back to normal, back to the size style.css gives. */
  g_settings_reset (fixture->settings, "text-size");
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  g_assert_cmpfloat_with_epsilon (wait_for_font_size (fixture, normal_size), normal_size,
                                  0.02 * normal_size);
}

static void
test_style (Fixture       *fixture,
            gconstpointer  user_data)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (fixture, ADW_TYPE_COMBO_ROW, "Style"));
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *variant = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  adw_combo_row_set_selected (row, 2);
  gloss_test_wait_for_frames ();
  variant = g_settings_get_string (fixture->settings, "style-variant");
  g_assert_cmpstr (variant, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));

  adw_combo_row_set_selected (row, 1);
  gloss_test_wait_for_frames ();
  g_clear_pointer (&variant, g_free);
  variant = g_settings_get_string (fixture->settings, "style-variant");
  g_assert_cmpstr (variant, ==, "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));

  adw_combo_row_set_selected (row, 0);
  gloss_test_wait_for_frames ();
  g_clear_pointer (&variant, g_free);
  variant = g_settings_get_string (fixture->settings, "style-variant");
  g_assert_cmpstr (variant, ==, "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* A change made elsewhere shows in the row. */
  g_settings_set_string (fixture->settings, "style-variant", "dark");
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  g_assert_true (adw_style_manager_get_dark (style));
}

/* Every accelerator in the shortcuts window, one per entry; "1...9" and the
 * like stay as they are. */
static void
collect_accelerators (GtkWidget *root,
                      GPtrArray *accelerators)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accelerator = NULL;
          g_auto(GStrv) alternatives = NULL;

          g_object_get (child, "accelerator", &accelerator, NULL);
          g_assert_nonnull (accelerator);
          alternatives = g_strsplit (accelerator, " ", -1);
          for (guint i = 0; alternatives[i] != NULL; i++)
            if (alternatives[i][0] != '\0')
              g_ptr_array_add (accelerators, g_strdup (alternatives[i]));
        }

      collect_accelerators (child, accelerators);
    }
}

/* Whether ACCELERATOR is among ACCELERATORS, however either is spelt:
 * <Primary> or <Control>, Z or z. */
static gboolean
lists_accelerator (GPtrArray  *accelerators,
                   const char *accelerator)
{
  guint keyval;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (accelerator, &keyval, &mods))
    {
      /* A range such as 1...9. */
      for (guint i = 0; i < accelerators->len; i++)
        if (g_str_equal (accelerators->pdata[i], accelerator))
          return TRUE;
      return FALSE;
    }

  for (guint i = 0; i < accelerators->len; i++)
    {
      guint listed_keyval;
      GdkModifierType listed_mods;

      if (gtk_accelerator_parse (accelerators->pdata[i], &listed_keyval, &listed_mods) &&
          listed_keyval == keyval && listed_mods == mods)
        return TRUE;
    }

  return FALSE;
}

static GtkShortcutsWindow *
load_help_overlay (GtkBuilder **builder)
{
  GObject *overlay;

  *builder = gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/gloss-shortcuts-window.ui");
  overlay = gtk_builder_get_object (*builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  return GTK_SHORTCUTS_WINDOW (overlay);
}

static void
test_help_overlay_lists_shortcuts (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  /* The keys the issue promises; the actions behind them come from every
   * part of the window. */
  static const char * const expected[] = {
    /* Projects */
    "<Control>n", "<Control>o", "<Control>i", "<Control>e", "<Control>q",
    /* Annotating */
    "1...9", "Menu", "<Shift>F10", "Delete", "<Control>z", "<Control><Shift>z",
    "F8", "<Shift>F8", "<Control>Page_Down",
    "<Control><Shift>Right", "<Control><Shift>Left", "<Shift>Right", "<Shift>Left",
    /* Search */
    "<Control>f", "<Control>g", "Return", "<Control><Shift>g", "<Shift>Return",
    "<Control><Shift>f",
    /* Labels */
    "<Control>l",
    /* General */
    "<Control>comma", "<Control>question", "F10",
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) accelerators = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;
  gsize size;

  g_assert_true (g_resources_get_info ("/io/github/glossapp/Gloss/gloss-shortcuts-window.ui",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, NULL));
  overlay = load_help_overlay (&builder);
  collect_accelerators (GTK_WIDGET (overlay), accelerators);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!lists_accelerator (accelerators, expected[i]))
      g_error ("The shortcuts window does not list %s", expected[i]);

  /* Nor may any key the application sets be missing. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                     actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        if (!lists_accelerator (accelerators, accels[j]))
          g_error ("The shortcuts window does not list %s, the key of %s", accels[j], actions[i]);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Ctrl+? (win.show-help-overlay) shows the shortcuts window over the
 * project window; it is made the first time, and shown again after. */
static void
test_help_overlay_opens (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWindow *overlay;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                 "win.show-help-overlay");

  g_assert_cmpuint (g_strv_length (accels), >=, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_clear_pointer (&fixture->preferences, gtk_window_destroy);
  gloss_test_wait_for_frames ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  overlay = gloss_window_get_shortcuts_window (fixture->window);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  wait_for_size (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) ==
                 GTK_WINDOW (fixture->window));

  /* Closed, it is hidden, and the key brings the same window back. */
  gtk_window_close (overlay);
  gloss_test_wait_for_frames ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  g_assert_true (gloss_window_get_shortcuts_window (fixture->window) == overlay);
  wait_for_size (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}

/* What WINDOW last drew, once it has drawn at all. */
static GskRenderNode *
get_window_node (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, snapshot,
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        return node;

      g_usleep (10000);
      gloss_test_wait_for_frames ();
    }

  g_assert_not_reached ();
}

static GdkTexture *
render_window (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;

  /* A few frames, for a change of style to be drawn. */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20000);
      gloss_test_wait_for_frames ();
    }
  node = get_window_node (window);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Draws WINDOW, checks that what is drawn is the window with its text on
 * it, not a blank surface, and saves it as NAME.png when
 * GLOSS_TEST_SNAPSHOT_DIR says where. Returns the luminance of the
 * window's background. */
static double
snapshot_window (GtkWindow  *window,
                 const char *name)
{
  const char *dir = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  double background, ink;

  wait_for_size (GTK_WIDGET (window));
  texture = render_window (window);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (GTK_WIDGET (window)));
  /* Rows of titles and descriptions: far more than a border or two. */
  ink = gloss_test_texture_ink (texture, &background);
  g_test_message ("%s: %.1f%% drawn over a background of luminance %.2f", name, ink * 100,
                  background);
  g_assert_cmpfloat (ink, >, 0.005);

  if (dir == NULL || dir[0] == '\0')
    return background;

  g_mkdir_with_parents (dir, 0755);
  filename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, filename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);

  return background;
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWindow *overlay;

  /* As an analyst would have it set. */
  g_settings_set_string (fixture->settings, "annotator", "Leila Karimi");
  g_assert_cmpfloat (snapshot_window (fixture->preferences, "preferences"), >, 0.5);

  /* The dark style is drawn dark: light text on a dark background. */
  g_settings_set_string (fixture->settings, "style-variant", "dark");
  gloss_test_wait_for_frames ();
  g_assert_cmpfloat (snapshot_window (fixture->preferences, "preferences-dark"), <, 0.5);
  g_settings_reset (fixture->settings, "style-variant");
  gloss_test_wait_for_frames ();

  g_clear_pointer (&fixture->preferences, gtk_window_destroy);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  overlay = gloss_window_get_shortcuts_window (fixture->window);
  snapshot_window (overlay, "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  data_home = gloss_test_ui_init (&argc, &argv, "preferences");

  /* A switch flips at the end of its animation; the tests want it now. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Not unique: the test needs no session bus, and meets no running Gloss. */
  application = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/preferences/opens-from-window", test_opens_from_window);
  ADD ("/gloss/preferences/primary-menu", test_primary_menu);
  ADD ("/gloss/preferences/annotator", test_annotator);
  ADD ("/gloss/preferences/snap-to-words", test_snap_to_words);
  ADD ("/gloss/preferences/text-size", test_text_size);
  ADD ("/gloss/preferences/style", test_style);
  ADD ("/gloss/preferences/help-overlay/lists-shortcuts", test_help_overlay_lists_shortcuts);
  ADD ("/gloss/preferences/help-overlay/opens", test_help_overlay_opens);
  ADD ("/gloss/preferences/snapshot", test_snapshot);

#undef ADD

  status = g_test_run ();

  g_clear_object (&application);
  gloss_test_remove_tree (data_home);

  return status;
}
