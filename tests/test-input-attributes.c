/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What README.md promises for span attributes, document categories and the
 * label editor's pages for them, with a real mouse and keyboard (XTEST,
 * gloss-test-input.h). Each test makes the attribute or category set it
 * needs, then reads the project file after the gestures.
 *
 * With GLOSS_TEST_SNAPSHOT_DIR set, /gloss/input/attributes/snapshot saves
 * the inspector with attributes (attributes-*.png), the category bar
 * (categories-*.png), the page for a filter no document matches
 * (documents-no-match-*.png), the label editor's pages (label-editor-*.png)
 * and what deleting from them asks (delete-*.png), light and dark, to that
 * folder. */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-category-bar.h"
#include "gloss-label-editor.h"
#include "gloss-span-attributes.h"
#include "gloss-test-window.h"

#define STANCE "Stance toward the corridor"

/* Clicks the label on screen under ROOT that reads TEXT. */
static void
click_shown_label (GtkWidget  *root,
                   const char *text)
{
  GtkWidget *label = find_shown_label (root, text, TRUE);

  if (label == NULL)
    g_error ("No “%s” on screen", text);
  gloss_test_input_click_widget (label);
}

/* The default project defines its own "Confidence" and stance set; the
 * tests define theirs, so that what they check does not hang on the
 * default project's wording. */
static void
remove_default_definitions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = gloss_store_list_attributes (fixture->store, &error);
  g_autoptr(GPtrArray) sets = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < attributes->len; i++)
    if (g_str_equal (gloss_attribute_get_name (attributes->pdata[i]), "Confidence"))
      {
        gloss_store_delete_attribute (fixture->store, gloss_attribute_get_id (attributes->pdata[i]),
                                      &error);
        g_assert_no_error (error);
      }

  sets = gloss_store_list_category_sets (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sets->len; i++)
    if (g_str_equal (gloss_category_set_get_name (sets->pdata[i]), STANCE))
      {
        gloss_store_delete_category_set (fixture->store, gloss_category_set_get_id (sets->pdata[i]),
                                         &error);
        g_assert_no_error (error);
      }
}

/* "Confidence": one of low and high, for every label. */
static gint64
add_confidence (Fixture *fixture)
{
  static const char * const values[] = { "low", "high", NULL };
  g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAttribute) attribute = NULL;

  remove_default_definitions (fixture);

  attribute = gloss_store_add_attribute (fixture->store, "Confidence", GLOSS_ATTRIBUTE_KIND_CHOICE,
                                         values, label_ids, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  return gloss_attribute_get_id (attribute);
}

/* The stance set, one at a time: Supportive (s), Opposed (o), beside the
 * definitions the project has. */
static void
add_stance_set (Fixture *fixture,
                gint64  *supportive,
                gint64  *opposed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCategorySet) set = NULL;
  g_autoptr(GlossCategory) first = NULL;
  g_autoptr(GlossCategory) second = NULL;

  set = gloss_store_add_category_set (fixture->store, STANCE, FALSE, &error);
  g_assert_no_error (error);
  first = gloss_store_add_category (fixture->store, gloss_category_set_get_id (set), "Supportive",
                                    "s", &error);
  g_assert_no_error (error);
  second = gloss_store_add_category (fixture->store, gloss_category_set_get_id (set), "Opposed",
                                     "o", &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  *supportive = gloss_category_get_id (first);
  *opposed = gloss_category_get_id (second);
}

/* The stance set in place of the default project's. */
static void
add_stance (Fixture *fixture,
            gint64  *supportive,
            gint64  *opposed)
{
  remove_default_definitions (fixture);
  add_stance_set (fixture, supportive, opposed);
}

/* The value of attribute NAME on the span starting at START, from the
 * project file; NULL when it has none. */
static char *
stored_attribute (Fixture    *fixture,
                  const char *name,
                  gint64      start)
{
  g_autofree char *sql = g_strdup_printf ("SELECT span_attributes.value FROM span_attributes "
                                          "JOIN attributes "
                                          "ON attributes.id = span_attributes.attribute "
                                          "JOIN spans ON spans.id = span_attributes.span "
                                          "WHERE attributes.name = '%s' AND spans.start = ?",
                                          name);
  g_autofree char *arg = g_strdup_printf ("%" G_GINT64_FORMAT, start);

  return read_stored_value (fixture->path, sql, arg);
}

/* The open document's categories in the project file, "Opposed,Supportive"
 * in name order; NULL for none. */
static char *
stored_categories (Fixture *fixture,
                   gint64   document_id)
{
  g_autofree char *arg = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);

  return read_stored_value (fixture->path,
                            "SELECT group_concat (name) FROM (SELECT categories.name AS name "
                            "FROM document_categories JOIN categories "
                            "ON categories.id = document_categories.category "
                            "WHERE document_categories.document = ? ORDER BY name)",
                            arg);
}

static GtkWidget *
attribute_field (Fixture *fixture,
                 gint64   attribute_id)
{
  GtkWidget *field = gloss_span_attributes_get_field (fixture_child (fixture, "span_attributes"),
                                                      attribute_id);

  g_assert_nonnull (field);
  return field;
}

/* Clicks the span at PHRASE in the text; returns where it starts. */
static gint64
click_span (Fixture    *fixture,
            const char *phrase)
{
  gint64 start = fixture_find_phrase (fixture, phrase);
  gint64 selected_start, selected_end;

  fixture_click (fixture, start + 2);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  return start;
}

/* The label in the widget that has the keyboard focus, or "". */
static const char *
focused_text (GtkWidget *root)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (root)));
  GtkWidget *label = focus != NULL ? gloss_test_find_widget (focus, GTK_TYPE_LABEL) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

/* Presses Down in POPOVER until the focused item reads TEXT, as a person
 * does, then Enter. */
static void
pick_by_keys (GtkWidget  *popover,
              const char *text)
{
  for (guint i = 0; i < 20 && !g_str_equal (focused_text (popover), text); i++)
    gloss_test_input_key (popover, GDK_KEY_Down, 0);
  g_assert_cmpstr (focused_text (popover), ==, text);
  gloss_test_input_key (popover, GDK_KEY_Return, 0);
}

/* The inspector's drop-down, by pointer: the span's row in the project
 * file, its tooltip's line, and Ctrl+Z. */
static void
test_attribute_pointer (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 attribute_id = add_confidence (fixture);
  gint64 start = click_span (fixture, "Ali Khamenei");
  GlossSpan *span = gloss_document_view_get_selected_span (fixture->view);
  GtkWidget *field = attribute_field (fixture, attribute_id);
  g_autofree char *before = stored_attribute (fixture, "Confidence", start);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GtkPopover *popover;

  g_assert_null (before);
  g_assert_null (gloss_document_view_get_attribute_text (fixture->view, gloss_span_get_id (span)));
  gloss_test_input_settle (field);
  gloss_test_input_click_widget (field);
  popover = wait_for_popover (field, GTK_TYPE_POPOVER);
  click_shown_label (GTK_WIDGET (popover), "high");
  wait_for_closed (popover);

  after = stored_attribute (fixture, "Confidence", start);
  g_assert_cmpstr (after, ==, "high");
  g_assert_cmpstr (gloss_document_view_get_attribute_text (fixture->view,
                                                           gloss_span_get_id (span)),
                   ==, "Confidence: high");

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  undone = stored_attribute (fixture, "Confidence", start);
  g_assert_null (undone);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (field)), ==, 0);
  g_assert_null (gloss_document_view_get_attribute_text (fixture->view, gloss_span_get_id (span)));
}

/* The same by keyboard: Menu, Attributes, Space on the drop-down, the
 * arrow keys to "high", Enter. */
static void
test_attribute_keys (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 attribute_id = add_confidence (fixture);
  gint64 start = click_span (fixture, "Ali Khamenei");
  GtkWidget *field = attribute_field (fixture, attribute_id);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GtkPopover *popover;

  fixture_key (fixture, GDK_KEY_Menu, 0);
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  pick_by_keys (GTK_WIDGET (popover), "Attributes");
  wait_for_closed (popover);
  g_assert_true (focus_in (fixture, field));

  fixture_key (fixture, GDK_KEY_space, 0);
  popover = wait_for_popover (field, GTK_TYPE_POPOVER);
  pick_by_keys (GTK_WIDGET (popover), "high");
  wait_for_closed (popover);

  after = stored_attribute (fixture, "Confidence", start);
  g_assert_cmpstr (after, ==, "high");

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  undone = stored_attribute (fixture, "Confidence", start);
  g_assert_null (undone);
}

/* A text attribute typed without Enter is stored when another span is
 * clicked, as a note is; a yes/no one by its switch. */
static void
test_attribute_text_and_flag (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAttribute) comment = NULL;
  g_autoptr(GlossAttribute) negated = NULL;
  gint64 start;
  g_autofree char *text = NULL;
  g_autofree char *flag = NULL;

  comment = gloss_store_add_attribute (fixture->store, "Comment", GLOSS_ATTRIBUTE_KIND_TEXT, NULL,
                                       label_ids, &error);
  g_assert_no_error (error);
  negated = gloss_store_add_attribute (fixture->store, "Negated", GLOSS_ATTRIBUTE_KIND_FLAG, NULL,
                                       label_ids, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  start = click_span (fixture, "Ali Khamenei");
  gloss_test_input_settle (attribute_field (fixture, gloss_attribute_get_id (negated)));
  gloss_test_input_click_widget (attribute_field (fixture, gloss_attribute_get_id (negated)));
  gloss_test_input_click_widget (attribute_field (fixture, gloss_attribute_get_id (comment)));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "in the speech");
  click_span (fixture, "Masoud Pezeshkian");

  text = stored_attribute (fixture, "Comment", start);
  g_assert_cmpstr (text, ==, "in the speech");
  flag = stored_attribute (fixture, "Negated", start);
  g_assert_cmpstr (flag, ==, "true");
}

/* A category's key in the text chooses it; in a one-at-a-time set the
 * other key takes its place; Ctrl+Z brings back each step. */
static void
test_category_keys (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GlossCategoryBar *bar = fixture_child (fixture, "category_bar");
  gint64 supportive, opposed;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *none = NULL;

  add_stance (fixture, &supportive, &opposed);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (bar)));
  fixture_click (fixture, fixture_find_phrase (fixture, "corridor") + 2);
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));

  fixture_key (fixture, GDK_KEY_s, 0);
  first = stored_categories (fixture, fixture->document_id);
  g_assert_cmpstr (first, ==, "Supportive");
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (gloss_category_bar_get_button (bar, supportive))));

  fixture_key (fixture, GDK_KEY_o, 0);
  second = stored_categories (fixture, fixture->document_id);
  g_assert_cmpstr (second, ==, "Opposed");
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (gloss_category_bar_get_button (bar, supportive))));
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (gloss_category_bar_get_button (bar, opposed))));

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  undone = stored_categories (fixture, fixture->document_id);
  g_assert_cmpstr (undone, ==, "Supportive");
  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  none = stored_categories (fixture, fixture->document_id);
  g_assert_null (none);
}

/* Whether WIDGET is a line of a list row on screen reading TEXT. */
static gboolean
is_inscription_showing (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

/* A category's button clicked: stored, and named in the document's row. */
static void
test_category_button (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GlossCategoryBar *bar = fixture_child (fixture, "category_bar");
  GtkWidget *list = fixture_child (fixture, "document_list_view");
  gint64 supportive, opposed;
  g_autofree char *stored = NULL;
  g_autofree char *cleared = NULL;

  add_stance (fixture, &supportive, &opposed);
  gloss_test_input_click_widget (gloss_category_bar_get_button (bar, opposed));
  stored = stored_categories (fixture, fixture->document_id);
  g_assert_cmpstr (stored, ==, "Opposed");
  gloss_test_wait_for_frames ();
  g_assert_nonnull (gloss_test_find_widget_where (list, is_inscription_showing, "Opposed"));

  /* Clicked again, it is cleared. */
  gloss_test_input_click_widget (gloss_category_bar_get_button (bar, opposed));
  cleared = stored_categories (fixture, fixture->document_id);
  g_assert_null (cleared);
}

static guint
count_listed (Fixture *fixture)
{
  GtkListView *list = fixture_child (fixture, "document_list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* The document list filtered by a category, by pointer. */
static void
test_category_filter (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *dropdown = fixture_child (fixture, "category_filter_dropdown");
  g_autoptr(GError) error = NULL;
  gint64 supportive, opposed;
  gint64 second;
  GtkPopover *popover;

  add_stance (fixture, &supportive, &opposed);
  second = gloss_store_add_document (fixture->store, "second.txt", "A second text.", "second.txt",
                                     &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_document_category (fixture->store, second, opposed, TRUE, &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (count_listed (fixture), ==, 2);

  gloss_test_input_settle (dropdown);
  gloss_test_input_click_widget (dropdown);
  popover = wait_for_popover (dropdown, GTK_TYPE_POPOVER);
  click_shown_label (GTK_WIDGET (popover), STANCE ": Opposed");
  wait_for_closed (popover);
  g_assert_cmpuint (count_listed (fixture), ==, 1);
  /* The one left opened, as the list's first. */
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, second);

  /* The pointer goes over the text first, as a person's does: the X
   * server sends the window no crossing when the popover under the
   * pointer goes, and GTK took the next press for the popover's. */
  gloss_test_input_move_to (GTK_WIDGET (fixture->view), 40, 40);
  gloss_test_input_settle (dropdown);
  gloss_test_input_click_widget (dropdown);
  popover = wait_for_popover (dropdown, GTK_TYPE_POPOVER);
  click_shown_label (GTK_WIDGET (popover), "All categories");
  wait_for_closed (popover);
  g_assert_cmpuint (count_listed (fixture), ==, 2);
}

/* Chooses TEXT in the category filter by pointer. */
static void
choose_category_filter (Fixture    *fixture,
                        const char *text)
{
  GtkWidget *dropdown = fixture_child (fixture, "category_filter_dropdown");
  GtkPopover *popover;

  gloss_test_input_settle (dropdown);
  gloss_test_input_click_widget (dropdown);
  popover = wait_for_popover (dropdown, GTK_TYPE_POPOVER);
  click_shown_label (GTK_WIDGET (popover), text);
  wait_for_closed (popover);
  gloss_test_wait_for_frames ();
}

/* A category no document has: the list is empty, and instead of the
 * page of a project without documents, the text's place says that no
 * document matches the filter (and the footer counts no spans); its button
 * clears the filter, and every
 * document of the project file is listed again, the first one open. */
static void
test_category_filter_no_match (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *n_stored = NULL;
  gint64 supportive, opposed;
  GtkWidget *button;

  add_stance (fixture, &supportive, &opposed);
  n_stored = read_stored_value (fixture->path, "SELECT count (*) FROM documents", NULL);
  g_assert_cmpint (g_ascii_strtoll (n_stored, NULL, 10), >, 0);

  choose_category_filter (fixture, STANCE ": Opposed");
  g_assert_cmpuint (count_listed (fixture), ==, 0);
  g_assert_null (find_shown_label (window, "No Documents", TRUE));
  g_assert_nonnull (find_shown_label (window, "No Matching Documents", TRUE));
  /* The footer counts no spans of a document not shown. */
  g_assert_null (strstr (gtk_label_get_text (fixture_child (fixture, "status_label")),
                        "in this document"));
  button = find_shown_label (window, "Clear Filter", TRUE);
  g_assert_nonnull (button);

  /* Off the popover's place first, as a person's pointer is (see
   * test_category_filter ()). */
  gloss_test_input_move_to (button, 0, 0);
  gloss_test_input_settle (button);
  gloss_test_input_click_widget (button);
  g_assert_cmpuint (count_listed (fixture), ==, g_ascii_strtoll (n_stored, NULL, 10));
  g_assert_cmpuint (gtk_drop_down_get_selected (fixture_child (fixture, "category_filter_dropdown")),
                    ==, 0);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, fixture->document_id);
  g_assert_null (find_shown_label (window, "No Matching Documents", TRUE));
}

/* A long category: the list shows "Set: Category" whole, with a tooltip;
 * the filter's button shows the category, not the set's name that cutting
 * the whole short left, ellipsized, and says it whole in its tooltip.
 * Choosing it lists the document the project file gives it. */
static void
test_category_filter_long_value (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  static const char long_name[] = "Supportive of the corridor through Syunik, on conditions";
  g_autofree char *choice = g_strdup_printf ("%s: %s", STANCE, long_name);
  GtkWidget *dropdown = fixture_child (fixture, "category_filter_dropdown");
  g_autoptr(GlossCategory) first = NULL;
  g_autoptr(GlossCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 supportive, opposed, second;
  GtkPopover *popover;
  GtkWidget *label;
  int minimum, natural;

  add_stance (fixture, &supportive, &opposed);
  first = gloss_store_get_category (fixture->store, supportive, &error);
  g_assert_no_error (error);
  category = gloss_store_add_category (fixture->store, gloss_category_get_set_id (first),
                                       long_name, "l", &error);
  g_assert_no_error (error);
  second = gloss_store_add_document (fixture->store, "second.txt", "A second text.", "second.txt",
                                     &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_document_category (fixture->store, second,
                                                    gloss_category_get_id (category), TRUE,
                                                    &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  gloss_test_input_settle (dropdown);
  gloss_test_input_click_widget (dropdown);
  popover = wait_for_popover (dropdown, GTK_TYPE_POPOVER);
  label = find_shown_label (GTK_WIDGET (popover), choice, TRUE);
  g_assert_nonnull (label);
  /* Whole in the list: not ellipsized, as wide as it asks to be, and
   * on the screen. */
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  {
    int x, y;

    gloss_test_input_screen_point (label, gtk_widget_get_width (label), 0, &x, &y);
    g_assert_cmpint (x, <=, WidthOfScreen (DefaultScreenOfDisplay (gloss_test_input_display ())));
  }
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, choice);
  gloss_test_input_click_widget (label);
  wait_for_closed (popover);
  gloss_test_wait_for_frames ();

  /* The category on the button, cut short; whole in its tooltip. */
  g_assert_null (find_shown_label (dropdown, STANCE, FALSE));
  label = find_shown_label (dropdown, long_name, TRUE);
  g_assert_nonnull (label);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, choice);

  g_assert_cmpuint (count_listed (fixture), ==, 1);
  stored = stored_categories (fixture, second);
  g_assert_cmpstr (stored, ==, long_name);
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, second);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0 && gtk_widget_is_drawable (widget);
}

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Replaces what the entry row NAME under ROOT holds with TEXT as a person
 * does: a click into it, Ctrl+A, the text typed, Enter. */
static void
retype_field (GtkWidget  *root,
              const char *name,
              const char *text)
{
  GtkWidget *row = gloss_test_find_widget_where (root, is_named, name);

  g_assert_nonnull (row);
  gloss_test_input_settle (row);
  gloss_test_input_click_widget (row);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (row))),
                                         row));
  gloss_test_input_key (row, GDK_KEY_a, GDK_CONTROL_MASK);
  gloss_test_input_type (row, text);
  gloss_test_input_key (row, GDK_KEY_Return, 0);
}

static char *
stored (Fixture    *fixture,
        const char *sql,
        const char *arg)
{
  return read_stored_value (fixture->path, sql, arg);
}

static void
assert_stored (Fixture    *fixture,
               const char *sql,
               const char *arg,
               const char *expected)
{
  g_autofree char *value = stored (fixture, sql, arg);

  g_assert_cmpstr (value, ==, expected);
}

#define RELATION_SQL "SELECT directed FROM relation_labels WHERE name = ?"
#define ATTRIBUTE_SQL "SELECT kind || ':' || choices FROM attributes WHERE name = ?"
#define SET_SQL "SELECT multiple FROM category_sets WHERE name = ?"
#define CATEGORY_SQL "SELECT hotkey FROM categories WHERE name = ?"

/* Ctrl+L: a relation label, an attribute and a category set with a
 * category, each typed into its page; Ctrl+Z takes each back. */
static void
test_label_editor_pages (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWindow *editor;
  g_autofree char *choices = NULL;

  fixture_key (fixture, GDK_KEY_l, GDK_CONTROL_MASK);
  editor = wait_for_window (GLOSS_TYPE_LABEL_EDITOR, NULL);

  click_shown_label (GTK_WIDGET (editor), "Relations");
  retype_field (GTK_WIDGET (editor), "new-relation-row", "Supports");
  assert_stored (fixture, RELATION_SQL, "Supports", "1");

  click_shown_label (GTK_WIDGET (editor), "Attributes");
  retype_field (GTK_WIDGET (editor), "new-values-row", "low, high");
  retype_field (GTK_WIDGET (editor), "new-attribute-row", "Certainty");
  choices = stored (fixture, ATTRIBUTE_SQL, "Certainty");
  g_assert_nonnull (choices);
  g_assert_true (g_str_has_prefix (choices, "choice:"));
  g_assert_nonnull (strstr (choices, "low"));
  g_assert_nonnull (strstr (choices, "high"));

  click_shown_label (GTK_WIDGET (editor), "Categories");
  retype_field (GTK_WIDGET (editor), "new-set-row", "Source type");
  assert_stored (fixture, SET_SQL, "Source type", "0");
  /* The new set opens at its first category's field. */
  gloss_test_wait_for_frames ();
  gloss_test_input_type (GTK_WIDGET (editor), "Wire report");
  gloss_test_input_key (GTK_WIDGET (editor), GDK_KEY_Return, 0);
  assert_stored (fixture, CATEGORY_SQL, "Wire report", "w");

  /* Ctrl+Z in the editor, step by step, newest first. */
  gloss_test_input_key (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_stored (fixture, CATEGORY_SQL, "Wire report", NULL);
  gloss_test_input_key (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_stored (fixture, SET_SQL, "Source type", NULL);
  gloss_test_input_key (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_stored (fixture, ATTRIBUTE_SQL, "Certainty", NULL);
  gloss_test_input_key (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_stored (fixture, RELATION_SQL, "Supports", NULL);
}

/* A label's key cannot be a category's, nor a category's a label's: in
 * the text the label's would win. Each is refused where it is typed. */
static void
test_key_clash (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWindow *editor;
  GtkWidget *row;
  gint64 supportive, opposed;

  add_stance (fixture, &supportive, &opposed);
  fixture_key (fixture, GDK_KEY_l, GDK_CONTROL_MASK);
  editor = wait_for_window (GLOSS_TYPE_LABEL_EDITOR, NULL);

  click_shown_label (GTK_WIDGET (editor), "Hardline camp");
  row = gtk_widget_get_ancestor (find_shown_label (GTK_WIDGET (editor), "Hardline camp", TRUE),
                                 ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  retype_field (row, "key-row", "s");
  assert_stored (fixture, "SELECT hotkey FROM labels WHERE name = ?", "Hardline camp", "2");
  g_assert_true (gtk_widget_has_css_class (gloss_test_find_widget_where (row, is_named, "key-row"),
                                           "error"));

  click_shown_label (GTK_WIDGET (editor), "Categories");
  click_shown_label (GTK_WIDGET (editor), STANCE);
  retype_field (GTK_WIDGET (editor), "category-key", "1");
  assert_stored (fixture, CATEGORY_SQL, "Supportive", "s");
}

static gboolean
has_tooltip_text (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
no_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return FALSE;
    }

  return TRUE;
}

/* On EDITOR's page PAGE, clicks the button TOOLTIP of the row named NAME,
 * as a person does, and answers the dialog that asks with the button
 * reading RESPONSE, once it says BODY. */
static void
delete_with_dialog (GtkWindow  *editor,
                    const char *page,
                    const char *name,
                    const char *tooltip,
                    const char *body,
                    const char *response)
{
  g_autofree char *heading = g_strdup_printf ("Delete “%s”?", name);
  AdwMessageDialog *dialog;
  GtkWidget *row;
  GtkWidget *button;

  click_shown_label (GTK_WIDGET (editor), page);
  row = gtk_widget_get_ancestor (find_shown_label (GTK_WIDGET (editor), name, TRUE),
                                 ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  button = gloss_test_find_widget_where (row, has_tooltip_text, tooltip);
  g_assert_nonnull (button);
  gloss_test_input_click_widget (button);

  dialog = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == editor);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  click_shown_label (GTK_WIDGET (dialog), response);
  gloss_test_input_wait_until (no_dialog_shown, NULL, "the dialog to close");
  gloss_test_input_present (editor);
}

/* Deleting NAME on the editor's page PAGE asks first, saying BODY: Cancel
 * keeps it and what goes with it (COUNT_SQL gives COUNT for NAME), Delete
 * takes both, and Ctrl+Z in the editor brings both back. */
static void
check_delete_asks (Fixture    *fixture,
                   const char *page,
                   const char *name,
                   const char *tooltip,
                   const char *body,
                   const char *exists_sql,
                   const char *count_sql,
                   const char *count)
{
  GtkWindow *editor;

  assert_stored (fixture, count_sql, name, count);
  fixture_key (fixture, GDK_KEY_l, GDK_CONTROL_MASK);
  editor = wait_for_window (GLOSS_TYPE_LABEL_EDITOR, NULL);

  delete_with_dialog (editor, page, name, tooltip, body, "Cancel");
  assert_stored (fixture, exists_sql, name, "1");
  assert_stored (fixture, count_sql, name, count);

  delete_with_dialog (editor, page, name, tooltip, body, "Delete");
  assert_stored (fixture, exists_sql, name, "0");
  assert_stored (fixture, count_sql, name, "0");

  gloss_test_input_key (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_stored (fixture, exists_sql, name, "1");
  assert_stored (fixture, count_sql, name, count);
}

/* A relation label with three relations. */
static void
test_delete_relation_label (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id,
                                                       &error);
  g_autoptr(GlossRelationLabel) backs = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, >=, 4);
  backs = gloss_store_add_relation_label (fixture->store, "Backs", NULL, "", "", TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GlossRelation) relation =
        gloss_store_add_relation (fixture->store, fixture->document_id,
                                  gloss_relation_label_get_id (backs),
                                  gloss_span_get_id (spans->pdata[i]),
                                  gloss_span_get_id (spans->pdata[i + 1]), "test", NULL, &error);

      g_assert_no_error (error);
    }
  gloss_test_wait_for_frames ();

  check_delete_asks (fixture, "Relations", "Backs", "Delete Relation Label",
                     "3 relations of this type will be removed too.",
                     "SELECT count (*) FROM relation_labels WHERE name = ?",
                     "SELECT count (*) FROM relations WHERE label IN "
                     "(SELECT id FROM relation_labels WHERE name = ?)",
                     "3");
}

/* An attribute with a value on two spans. */
static void
test_delete_attribute (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 confidence = add_confidence (fixture);
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id,
                                                       &error);

  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, gloss_span_get_id (spans->pdata[0]),
                                                 confidence, "high", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, gloss_span_get_id (spans->pdata[1]),
                                                 confidence, "low", &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  check_delete_asks (fixture, "Attributes", "Confidence", "Delete Attribute",
                     "2 spans have a value of this attribute; they will be removed too.",
                     "SELECT count (*) FROM attributes WHERE name = ?",
                     "SELECT count (*) FROM span_attributes WHERE attribute IN "
                     "(SELECT id FROM attributes WHERE name = ?)",
                     "2");
}

/* A category set that one document has a category of. */
static void
test_delete_category_set (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 supportive, opposed;

  add_stance (fixture, &supportive, &opposed);
  g_assert_true (gloss_store_set_document_category (fixture->store, fixture->document_id,
                                                    supportive, TRUE, &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  check_delete_asks (fixture, "Categories", STANCE, "Delete Category Set",
                     "1 document has a category of this set; that choice will be removed too.",
                     "SELECT count (*) FROM category_sets WHERE name = ?",
                     "SELECT count (*) FROM document_categories WHERE category IN "
                     "(SELECT categories.id FROM categories JOIN category_sets "
                     "ON category_sets.id = categories.category_set WHERE category_sets.name = ?)",
                     "1");
}

/* A relation label's key cannot be a span label's: the editor says whose
 * it is, marks the field, and the project keeps both as they were. */
static void
test_relation_key_clash (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GlossRelationLabel) backs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  GtkWidget *row;
  GtkWidget *field;
  GtkWidget *toast;

  backs = gloss_store_add_relation_label (fixture->store, "Backs", NULL, "b", "", TRUE, &error);
  g_assert_no_error (error);
  fixture_key (fixture, GDK_KEY_l, GDK_CONTROL_MASK);
  editor = wait_for_window (GLOSS_TYPE_LABEL_EDITOR, NULL);

  click_shown_label (GTK_WIDGET (editor), "Relations");
  click_shown_label (GTK_WIDGET (editor), "Backs");
  row = gtk_widget_get_ancestor (find_shown_label (GTK_WIDGET (editor), "Backs", TRUE),
                                 ADW_TYPE_EXPANDER_ROW);
  field = gloss_test_find_widget_where (row, is_titled, "Key (a letter or digit)");
  g_assert_nonnull (field);
  gloss_test_input_settle (field);
  gloss_test_input_click_widget (field);
  gloss_test_input_key (field, GDK_KEY_a, GDK_CONTROL_MASK);
  gloss_test_input_type (field, "2");
  gloss_test_input_key (field, GDK_KEY_Return, 0);

  assert_stored (fixture, "SELECT hotkey FROM relation_labels WHERE name = ?", "Backs", "b");
  assert_stored (fixture, "SELECT hotkey FROM labels WHERE name = ?", "Hardline camp", "2");
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  toast = find_shown_label (GTK_WIDGET (editor),
                            "“2” is already the key of the label “Hardline camp”", TRUE);
  g_assert_nonnull (toast);
}

/* ---- Pictures ---- */

/* What WIDGET's window draws now, as a PNG at DIR/NAME. */
static void
save_window (GtkWidget  *widget,
             const char *dir,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GtkSnapshot *snapshot;

  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20000);
      gloss_test_wait_for_frames ();
    }
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static gboolean
has_size (gpointer data)
{
  GtkWidget *window = data;
  int *size = g_object_get_data (G_OBJECT (window), "gloss-test-size");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL && gdk_surface_get_width (surface) == size[0] &&
         gdk_surface_get_height (surface) == size[1];
}

/* The window again at WIDTH x HEIGHT (a window without a window manager
 * takes its size once, when it is shown), with the span at PHRASE selected. */
static void
reopen (Fixture    *fixture,
        int         width,
        int         height,
        const char *phrase)
{
  int *size = g_new (int, 2);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
  fixture->window = gloss_window_new (NULL, fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  fixture->text_view = GTK_TEXT_VIEW (fixture->view);
  size[0] = width;
  size[1] = height;
  g_object_set_data_full (G_OBJECT (fixture->window), "gloss-test-size", size, g_free);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gloss_test_input_present (GTK_WINDOW (fixture->window));
  gloss_test_input_wait_until (has_size, fixture->window, "the window's size");
  gloss_test_wait_for_frames ();
  gloss_document_view_select_span (fixture->view,
                                   gloss_document_view_get_span_at (fixture->view,
                                                                    fixture_find_phrase (fixture,
                                                                                         phrase)));
  gloss_test_wait_for_frames ();
}

static void
save_both_styles (GtkWidget  *widget,
                  const char *dir,
                  const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s.png", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", name);

  save_window (widget, dir, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_window (widget, dir, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const int sizes[][2] = { { 1400, 950 }, { 800, 600 } };
  static const char * const pages[] = { "labels", "relations", "attributes", "categories" };
  const char *dir = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GlossAttribute) negated = NULL;
  g_autoptr(GlossAttribute) comment = NULL;
  g_autoptr(GlossCategorySet) source = NULL;
  g_autoptr(GlossCategory) wire = NULL;
  g_autoptr(GlossCategory) interview = NULL;
  g_autoptr(GlossRelationLabel) supports = NULL;
  g_autoptr(GError) error = NULL;
  gint64 confidence, supportive, opposed;
  GlossSpan *span;
  GtkWindow *editor;

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("GLOSS_TEST_SNAPSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);

  supports = gloss_store_add_relation_label (fixture->store, "Supports", "#2ec27e", "",
                                             "One side backs the other", TRUE, &error);
  g_assert_no_error (error);
  /* Confidence first: it takes the default project's definitions away,
   * the stance set among them. */
  confidence = add_confidence (fixture);
  add_stance_set (fixture, &supportive, &opposed);
  negated = gloss_store_add_attribute (fixture->store, "Negated", GLOSS_ATTRIBUTE_KIND_FLAG, NULL,
                                       label_ids, &error);
  g_assert_no_error (error);
  comment = gloss_store_add_attribute (fixture->store, "Comment", GLOSS_ATTRIBUTE_KIND_TEXT, NULL,
                                       label_ids, &error);
  g_assert_no_error (error);
  source = gloss_store_add_category_set (fixture->store, "Source", TRUE, &error);
  g_assert_no_error (error);
  wire = gloss_store_add_category (fixture->store, gloss_category_set_get_id (source),
                                   "Wire report", "w", &error);
  g_assert_no_error (error);
  interview = gloss_store_add_category (fixture->store, gloss_category_set_get_id (source),
                                        "Interview", "i", &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_document_category (fixture->store, fixture->document_id,
                                                    supportive, TRUE, &error));
  g_assert_true (gloss_store_set_document_category (fixture->store, fixture->document_id,
                                                    gloss_category_get_id (wire), TRUE, &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  click_span (fixture, "Ali Khamenei");
  span = gloss_document_view_get_selected_span (fixture->view);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, gloss_span_get_id (span),
                                                 confidence, "high", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, gloss_span_get_id (span),
                                                 gloss_attribute_get_id (comment),
                                                 "quoted by IRNA", &error));
  g_assert_no_error (error);

  /* Relations of their own, for what deleting their label says. */
  {
    g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id,
                                                         &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GlossRelation) relation =
          gloss_store_add_relation (fixture->store, fixture->document_id,
                                    gloss_relation_label_get_id (supports),
                                    gloss_span_get_id (spans->pdata[i]),
                                    gloss_span_get_id (spans->pdata[i + 1]), "test", NULL, &error);

        g_assert_no_error (error);
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *attributes = g_strdup_printf ("attributes-%dx%d", sizes[i][0], sizes[i][1]);
      g_autofree char *categories = g_strdup_printf ("categories-%dx%d", sizes[i][0], sizes[i][1]);
      g_autofree char *no_match = g_strdup_printf ("documents-no-match-%dx%d", sizes[i][0],
                                                   sizes[i][1]);

      reopen (fixture, sizes[i][0], sizes[i][1], "Ali Khamenei");
      save_both_styles (GTK_WIDGET (fixture->window), dir, attributes);

      /* The documents' filter and rows, revealed where they fold. */
      if (gtk_widget_get_visible (fixture_child (fixture, "documents_button")))
        gtk_toggle_button_set_active (fixture_child (fixture, "documents_button"), TRUE);
      gtk_drop_down_set_selected (fixture_child (fixture, "category_filter_dropdown"), 1);
      save_both_styles (GTK_WIDGET (fixture->window), dir, categories);
      /* "Opposed", which no document has: the page that says so. */
      gtk_drop_down_set_selected (fixture_child (fixture, "category_filter_dropdown"), 2);
      save_both_styles (GTK_WIDGET (fixture->window), dir, no_match);
      gtk_drop_down_set_selected (fixture_child (fixture, "category_filter_dropdown"), 0);
      if (gtk_widget_get_visible (fixture_child (fixture, "documents_button")))
        gtk_toggle_button_set_active (fixture_child (fixture, "documents_button"), FALSE);
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-labels", NULL);
  editor = wait_for_window (GLOSS_TYPE_LABEL_EDITOR, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("label-editor-%s", pages[i]);
      GtkWidget *row;

      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (editor), pages[i]);
      /* The first item of the page open, as when editing it. */
      gloss_test_wait_for_frames ();
      row = gloss_test_find_widget (GTK_WIDGET (adw_preferences_window_get_visible_page (
                                      ADW_PREFERENCES_WINDOW (editor))),
                                    ADW_TYPE_EXPANDER_ROW);
      if (row != NULL)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      save_both_styles (GTK_WIDGET (editor), dir, name);
    }

  /* What deleting one asks, for each kind. */
  {
    static const struct { const char *page, *name, *tooltip, *picture; } deletes[] = {
      { "relations", "Supports", "Delete Relation Label", "delete-relation-label" },
      { "attributes", "Confidence", "Delete Attribute", "delete-attribute" },
      { "categories", STANCE, "Delete Category Set", "delete-category-set" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
      {
        GtkWidget *row, *button;
        GtkWindow *dialog;

        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (editor),
                                                      deletes[i].page);
        gloss_test_wait_for_frames ();
        row = gtk_widget_get_ancestor (find_shown_label (GTK_WIDGET (editor), deletes[i].name,
                                                         TRUE),
                                       ADW_TYPE_EXPANDER_ROW);
        button = gloss_test_find_widget_where (row, has_tooltip_text, deletes[i].tooltip);
        g_assert_nonnull (button);
        gtk_widget_activate (button);
        dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, NULL);
        save_both_styles (GTK_WIDGET (dialog), dir, deletes[i].picture);
        adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
        gtk_window_destroy (dialog);
      }
  }
  gtk_window_destroy (editor);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = gloss_test_ui_init (&argc, &argv, "input-attributes");
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  int status;

  /* The application's style sheet, which GlossApplication would load. */
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/attributes/inspector-pointer", test_attribute_pointer);
  ADD ("/gloss/input/attributes/inspector-keys", test_attribute_keys);
  ADD ("/gloss/input/attributes/text-and-flag", test_attribute_text_and_flag);
  ADD ("/gloss/input/attributes/category-keys", test_category_keys);
  ADD ("/gloss/input/attributes/category-button", test_category_button);
  ADD ("/gloss/input/attributes/category-filter", test_category_filter);
  ADD ("/gloss/input/attributes/category-filter-no-match", test_category_filter_no_match);
  ADD ("/gloss/input/attributes/category-filter-long-value", test_category_filter_long_value);
  ADD ("/gloss/input/attributes/label-editor", test_label_editor_pages);
  ADD ("/gloss/input/attributes/key-clash", test_key_clash);
  ADD ("/gloss/input/attributes/relation-key-clash", test_relation_key_clash);
  ADD ("/gloss/input/attributes/delete-relation-label", test_delete_relation_label);
  ADD ("/gloss/input/attributes/delete-attribute", test_delete_attribute);
  ADD ("/gloss/input/attributes/delete-category-set", test_delete_category_set);
  ADD ("/gloss/input/attributes/snapshot", test_snapshot);

  status = g_test_run ();
  gloss_test_remove_tree (data_home);
  return status;
}
