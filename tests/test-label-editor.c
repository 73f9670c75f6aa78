/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opens the label editor from the real window on a temporary default
 * project, drives it through its widgets the way a user would, and checks
 * the store after each step.
 *
 * With GLOSS_TEST_SNAPSHOT_DIR set, /gloss/label-editor/snapshot also writes
 * what the editor looks like to label-editor.png in that folder, and its
 * delete and merge questions to label-editor-delete.png and
 * label-editor-merge.png. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-history.h"
#include "gloss-label-editor.h"
#include "gloss-project.h"
#include "gloss-test-store.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

typedef struct
{
  GlossStore *store;
  GlossWindow *window;
  GlossHistory *history;
  GtkWindow *editor;
  GtkListBox *list;
} Fixture;

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The shown top-level window of TYPE, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  GtkWindow *found = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  fixture->window = gloss_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();

  fixture->history = g_object_ref (gloss_window_get_history (fixture->window));

  g_assert_null (find_toplevel (GLOSS_TYPE_LABEL_EDITOR));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-labels", NULL);
  gloss_test_wait_for_frames ();

  fixture->editor = find_toplevel (GLOSS_TYPE_LABEL_EDITOR);
  g_assert_nonnull (fixture->editor);
  fixture->list = GTK_LIST_BOX (find_named (GTK_WIDGET (fixture->editor), "label-list"));
  g_assert_nonnull (fixture->list);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  if (find_toplevel (GLOSS_TYPE_LABEL_EDITOR) != NULL)
    gtk_window_destroy (fixture->editor);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  gloss_test_wait_for_frames ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gloss_test_remove_default_project ();
}

static char *
label_order (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (order, "%s%s", i > 0 ? ", " : "",
                            gloss_label_get_name (labels->pdata[i]));

  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* The names as the editor shows them, top to bottom. */
static char *
shown_order (Fixture *fixture)
{
  g_autoptr(GString) order = g_string_new (NULL);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (fixture->list, i)) != NULL; i++)
    g_string_append_printf (order, "%s%s", i > 0 ? ", " : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_string_free (g_steal_pointer (&order), FALSE);
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *name)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (fixture->list, i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      return GTK_WIDGET (row);

  g_assert_not_reached ();
}

static GtkWidget *
row_part (Fixture    *fixture,
          const char *label_name,
          const char *part)
{
  GtkWidget *widget = find_named (find_row (fixture, label_name), part);

  g_assert_nonnull (widget);
  return widget;
}

/* Types TEXT into a field and presses Enter. */
static void
enter_text (GtkWidget  *field,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (field)), "activate");
  gloss_test_wait_for_frames ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gloss_test_wait_for_frames ();
}

static void
pick_color (GtkWidget  *button,
            const char *color)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, color));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_signal_emit_by_name (button, "color-set");
  gloss_test_wait_for_frames ();
}

static AdwMessageDialog *
find_dialog (void)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Answers DIALOG as a click on the response's button would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_wait_for_frames ();
}

static guint
count_spans_with_label (Fixture *fixture,
                        gint64   label_id)
{
  g_autoptr(GArray) ids = gloss_store_list_document_ids (fixture->store, NULL);
  guint count = 0;

  for (guint d = 0; d < ids->len; d++)
    {
      g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store,
                                                           g_array_index (ids, gint64, d), NULL);

      for (guint i = 0; i < spans->len; i++)
        count += gloss_span_get_label_id (spans->pdata[i]) == label_id;
    }

  return count;
}

static void
test_opens_from_window (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *shown = shown_order (fixture);
  g_autofree char *stored = label_order (fixture);
  g_autoptr(GlossLabel) security = gloss_test_find_label (fixture->store, "Security establishment");
  GtkWidget *color_button = row_part (fixture, "Security establishment", "color-button");
  GtkWidget *key_label = row_part (fixture, "Security establishment", "key-label");
  AdwExpanderRow *row = ADW_EXPANDER_ROW (find_row (fixture, "Security establishment"));
  GdkRGBA shown_color, stored_color;

  g_assert_true (gtk_window_get_transient_for (fixture->editor) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (fixture->editor));
  g_assert_cmpstr (shown, ==, stored);
  g_assert_cmpstr (shown, ==, "Reformist camp, Hardline camp, Security establishment, "
                              "Foreign government, Analyst / source");

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (color_button), &shown_color);
  gdk_rgba_parse (&stored_color, gloss_label_get_color (security));
  g_assert_true (gdk_rgba_equal (&shown_color, &stored_color));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (key_label)), ==, "3");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, gloss_label_get_description (security));
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GlossLabel) before = gloss_test_find_label (fixture->store, "Hardline camp");
  g_autoptr(GlossLabel) after = NULL;

  enter_text (row_part (fixture, "Hardline camp", "name-row"), "Principlists");

  after = gloss_test_find_label (fixture->store, "Principlists");
  g_assert_nonnull (after);
  g_assert_cmpint (gloss_label_get_id (after), ==, gloss_label_get_id (before));
  g_assert_cmpstr (gloss_label_get_color (after), ==, gloss_label_get_color (before));
  g_assert_nonnull (find_row (fixture, "Principlists"));
}

static void
test_rename_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *name_row = row_part (fixture, "Hardline camp", "name-row");
  g_autofree char *before = label_order (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GlossLabel) renamed = NULL;

  enter_text (name_row, "Reformist camp");

  after = label_order (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gloss_history_can_undo (fixture->history));

  /* Typing again clears the mark; a free name goes in. */
  enter_text (name_row, "Principlists");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  renamed = gloss_test_find_label (fixture->store, "Principlists");
  g_assert_nonnull (renamed);
}

static void
test_recolor (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GlossLabel) label = NULL;

  pick_color (row_part (fixture, "Hardline camp", "color-button"), "#F6D32D");

  label = gloss_test_find_label (fixture->store, "Hardline camp");
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#f6d32d");
}

static GlossSpan *
find_shown_span (Fixture *fixture,
                 gint64   label_id)
{
  GlossDocumentView *view = gloss_window_get_document_view (fixture->window);
  GListModel *spans = gloss_document_view_get_spans (view);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      if (gloss_span_get_label_id (span) == label_id)
        return span;
    }

  g_assert_not_reached ();
}

/* The text color GTK draws the selected span's first character in: that of
 * the highest of the tags there that sets one. */
static char *
selected_text_color (Fixture *fixture)
{
  GlossDocumentView *view = gloss_window_get_document_view (fixture->window);
  GlossSpan *span = gloss_document_view_get_selected_span (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(GSList) tags = NULL;
  GtkTextTag *top = NULL;
  g_autoptr(GdkRGBA) rgba = NULL;
  GtkTextIter iter;

  g_assert_nonnull (span);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gloss_span_get_start (span));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean sets_color;

      g_object_get (l->data, "foreground-set", &sets_color, NULL);
      if (sets_color && (top == NULL || gtk_text_tag_get_priority (l->data) > gtk_text_tag_get_priority (top)))
        top = l->data;
    }

  g_assert_nonnull (top);
  g_object_get (top, "foreground-rgba", &rgba, NULL);
  g_assert_nonnull (rgba);
  return gdk_rgba_to_string (rgba);
}

/* A selected span in the dark style: its text follows the fill, dark on a
 * bright yellow, light on a deep red. */
static void
test_recolor_keeps_text_readable (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_find_label (fixture->store, "Hardline camp");
  GlossDocumentView *view = gloss_window_get_document_view (fixture->window);
  GtkWidget *color_button = row_part (fixture, "Hardline camp", "color-button");
  g_autofree char *on_yellow = NULL;
  g_autofree char *on_red = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_document_view_select_span (view, find_shown_span (fixture, gloss_label_get_id (hardline)));
  gloss_test_wait_for_frames ();

  pick_color (color_button, "#f6d32d");
  on_yellow = selected_text_color (fixture);
  g_assert_cmpstr (on_yellow, ==, "rgb(30,30,30)");

  pick_color (color_button, "#a51d2d");
  on_red = selected_text_color (fixture);
  g_assert_cmpstr (on_red, ==, "rgb(255,255,255)");
}

static void
test_hotkey (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *key_row = row_part (fixture, "Hardline camp", "key-row");
  GtkWidget *key_label;
  g_autoptr(GlossLabel) changed = NULL;
  g_autoptr(GlossLabel) refused = NULL;

  /* Typing in the focused field shows the apply button; Enter applies. */
  gtk_widget_grab_focus (key_row);
  enter_text (key_row, "h");
  changed = gloss_test_find_label (fixture->store, "Hardline camp");
  g_assert_cmpstr (gloss_label_get_hotkey (changed), ==, "h");
  key_label = row_part (fixture, "Hardline camp", "key-label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (key_label)), ==, "h");
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));

  /* Security establishment has 3: refused, marked, nothing stored. */
  enter_text (key_row, "3");
  refused = gloss_test_find_label (fixture->store, "Hardline camp");
  g_assert_cmpstr (gloss_label_get_hotkey (refused), ==, "h");
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
}

static void
test_describe (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GlossLabel) label = NULL;
  AdwExpanderRow *row;

  enter_text (row_part (fixture, "Hardline camp", "description-row"), "Principlists and allies ");

  label = gloss_test_find_label (fixture->store, "Hardline camp");
  g_assert_cmpstr (gloss_label_get_description (label), ==, "Principlists and allies");
  row = ADW_EXPANDER_ROW (find_row (fixture, "Hardline camp"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Principlists and allies");
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  click (row_part (fixture, "Reformist camp", "move-down-button"));
  stored = label_order (fixture);
  shown = shown_order (fixture);
  g_assert_cmpstr (stored, ==, "Hardline camp, Reformist camp, Security establishment, "
                               "Foreign government, Analyst / source");
  g_assert_cmpstr (shown, ==, stored);
  g_assert_false (gtk_widget_is_sensitive (row_part (fixture, "Hardline camp", "move-up-button")));
  g_assert_false (gtk_widget_is_sensitive (row_part (fixture, "Analyst / source",
                                                     "move-down-button")));

  /* Alt+Up moves the label whose row has the focus. */
  g_clear_pointer (&stored, g_free);
  g_clear_pointer (&shown, g_free);
  gtk_widget_grab_focus (row_part (fixture, "Analyst / source", "name-row"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "labels.move-up", NULL);
  gloss_test_wait_for_frames ();
  stored = label_order (fixture);
  shown = shown_order (fixture);
  g_assert_cmpstr (stored, ==, "Hardline camp, Reformist camp, Security establishment, "
                               "Analyst / source, Foreign government");
  g_assert_cmpstr (shown, ==, stored);

  /* The row kept its widgets, and with them the focus. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->editor)),
                                         find_row (fixture, "Analyst / source")));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GlossLabel) security = gloss_test_find_label (fixture->store, "Security establishment");
  g_autoptr(GlossLabel) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpuint (count_spans_with_label (fixture, gloss_label_get_id (security)), ==, 2);

  click (row_part (fixture, "Security establishment", "delete-button"));
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->editor);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Security establishment”?");
  /* The sample's IRGC is part of the security establishment. */
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 spans in 1 document have this label and will be deleted. "
                   "1 relation from or to them goes too.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));

  respond (dialog, "delete");
  g_assert_null (gloss_test_find_label (fixture->store, "Security establishment"));
  g_assert_cmpuint (count_spans_with_label (fixture, gloss_label_get_id (security)), ==, 0);
  shown = shown_order (fixture);
  g_assert_cmpstr (shown, ==, "Reformist camp, Hardline camp, Foreign government, "
                              "Analyst / source");

  /* One Ctrl+Z in the editor brings the label and its spans back, and the
   * editor shows it where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "labels.undo", NULL));
  gloss_test_wait_for_frames ();
  restored = gloss_test_find_label (fixture->store, "Security establishment");
  g_assert_nonnull (restored);
  g_assert_cmpint (gloss_label_get_id (restored), ==, gloss_label_get_id (security));
  g_assert_cmpstr (gloss_label_get_hotkey (restored), ==, "3");
  g_assert_cmpuint (count_spans_with_label (fixture, gloss_label_get_id (security)), ==, 2);
  g_assert_cmpuint (gloss_store_count_label_relations (fixture->store,
                                                       gloss_label_get_id (security)), ==, 1);
  g_clear_pointer (&shown, g_free);
  shown = shown_order (fixture);
  g_assert_cmpstr (shown, ==, "Reformist camp, Hardline camp, Security establishment, "
                              "Foreign government, Analyst / source");
}

static void
test_delete_cancelled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *before = label_order (fixture);
  g_autofree char *after = NULL;

  /* The sample's Ali Khamenei and the span around the IRGC, which the
   * IRGC is part of. */
  click (row_part (fixture, "Hardline camp", "delete-button"));
  g_assert_cmpstr (adw_message_dialog_get_body (find_dialog ()), ==,
                   "2 spans in 1 document have this label and will be deleted. "
                   "1 relation from or to them goes too.");
  respond (find_dialog (), "cancel");

  after = label_order (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gloss_history_can_undo (fixture->history));
}

static void
test_delete_unused (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossLabel) unused = gloss_store_add_label (fixture->store, "Clergy", "#f5c211", "",
                                                        "", NULL);
  AdwMessageDialog *dialog;

  gloss_test_wait_for_frames ();
  click (row_part (fixture, "Clergy", "delete-button"));
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "No spans have this label.");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));

  respond (dialog, "delete");
  g_assert_null (gloss_test_find_label (fixture->store, "Clergy"));
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GlossLabel) security = gloss_test_find_label (fixture->store, "Security establishment");
  g_autoptr(GlossLabel) hardline = gloss_test_find_label (fixture->store, "Hardline camp");
  g_autofree char *shown = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *choices;
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *chosen = NULL;
  GtkWidget *check;

  click (row_part (fixture, "Security establishment", "delete-button"));
  respond (find_dialog (), "merge");

  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge “Security establishment”");
  choices = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (choices);
  list = GTK_LIST_BOX (find_type (choices, GTK_TYPE_LIST_BOX));
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      /* The label being merged is no choice. */
      g_assert_cmpstr (title, !=, "Security establishment");
      if (g_str_equal (title, "Hardline camp"))
        chosen = GTK_WIDGET (row);
    }
  g_assert_nonnull (chosen);
  check = find_type (chosen, GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  respond (dialog, "merge");
  g_assert_null (gloss_test_find_label (fixture->store, "Security establishment"));
  g_assert_cmpuint (count_spans_with_label (fixture, gloss_label_get_id (security)), ==, 0);
  /* Two of its own and the two Security establishment spans. */
  g_assert_cmpuint (count_spans_with_label (fixture, gloss_label_get_id (hardline)), ==, 4);
  shown = shown_order (fixture);
  g_assert_cmpstr (shown, ==, "Reformist camp, Hardline camp, Foreign government, "
                              "Analyst / source");
}

static void
test_add (Fixture       *fixture,
          gconstpointer  user_data)
{
  GtkWidget *name_row = find_named (GTK_WIDGET (fixture->editor), "new-name-row");
  g_autoptr(GlossLabel) added = NULL;
  g_autoptr(GlossLabel) refused = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  enter_text (name_row, "Clergy");

  added = gloss_test_find_label (fixture->store, "Clergy");
  g_assert_nonnull (added);
  /* A hue the "Factions" colors do not have, and the next free key. */
  g_assert_cmpstr (gloss_label_get_color (added), ==, "#f5c211");
  g_assert_cmpstr (gloss_label_get_hotkey (added), ==, "6");
  g_assert_cmpint (gloss_label_get_position (added), ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  shown = shown_order (fixture);
  g_assert_cmpstr (shown, ==, "Reformist camp, Hardline camp, Security establishment, "
                              "Foreign government, Analyst / source, Clergy");

  /* A taken name is refused and marked. */
  before = label_order (fixture);
  enter_text (name_row, "Hardline camp");
  after = label_order (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
}

/* A change made elsewhere (an undo in the main window) shows in the editor. */
static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossLabel) hardline = gloss_test_find_label (fixture->store, "Hardline camp");
  g_autoptr(GlossLabel) renamed = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row = find_row (fixture, "Hardline camp");
  GtkWidget *name_row = find_named (row, "name-row");

  enter_text (row_part (fixture, "Hardline camp", "key-row"), "h");
  renamed = gloss_store_update_label (fixture->store, gloss_label_get_id (hardline), "Principlists",
                                      NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  g_assert_true (find_row (fixture, "Principlists") == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Principlists");

  /* Undo the rename, then the key. */
  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_true (gloss_history_undo (fixture->history, &error));
  gloss_test_wait_for_frames ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Hardline camp");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (row, "key-label"))), ==, "2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (row, "key-row"))), ==, "2");
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The editor as a newcomer first sees it, with one label opened. */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *dir = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (dir == NULL)
    {
      g_test_skip ("GLOSS_TEST_SNAPSHOT_DIR is not set");
      return;
    }

  /* As the application would: its style sheet, and room for the open row. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (fixture->editor, 640, 790);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row (fixture, "Hardline camp")), TRUE);
  /* Let the expansion animation finish. */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (G_USEC_PER_SEC / 20);
      gloss_test_wait_for_frames ();
    }

  path = g_build_filename (dir, "label-editor.png", NULL);
  save_png (GTK_WIDGET (fixture->editor), path);
  g_test_message ("wrote %s", path);

  /* The questions a delete asks. */
  click (row_part (fixture, "Security establishment", "delete-button"));
  g_free (path);
  path = g_build_filename (dir, "label-editor-delete.png", NULL);
  save_png (GTK_WIDGET (find_dialog ()), path);
  respond (find_dialog (), "merge");
  g_free (path);
  path = g_build_filename (dir, "label-editor-merge.png", NULL);
  save_png (GTK_WIDGET (find_dialog ()), path);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "label-editor");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/label-editor/opens-from-window", test_opens_from_window);
  ADD ("/gloss/label-editor/rename", test_rename);
  ADD ("/gloss/label-editor/rename-refused", test_rename_refused);
  ADD ("/gloss/label-editor/recolor", test_recolor);
  ADD ("/gloss/label-editor/recolor-keeps-text-readable", test_recolor_keeps_text_readable);
  ADD ("/gloss/label-editor/hotkey", test_hotkey);
  ADD ("/gloss/label-editor/describe", test_describe);
  ADD ("/gloss/label-editor/reorder", test_reorder);
  ADD ("/gloss/label-editor/delete", test_delete);
  ADD ("/gloss/label-editor/delete-cancelled", test_delete_cancelled);
  ADD ("/gloss/label-editor/delete-unused", test_delete_unused);
  ADD ("/gloss/label-editor/merge", test_merge);
  ADD ("/gloss/label-editor/add", test_add);
  ADD ("/gloss/label-editor/follows-store", test_follows_store);
  ADD ("/gloss/label-editor/snapshot", test_snapshot);

#undef ADD

  return gloss_test_ui_run (data_home);
}
