/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every accelerator the Keyboard Shortcuts window lists, pressed on a real
 * keyboard (XTestFakeKeyEvent, in gloss-test-input.h) with the focus where
 * a person has it: in the text after a click there, and in the document
 * list and the Spans list after a click on a row. Each press must do what
 * the window says it does. The list is read from the .ui file, so a
 * shortcut added there without a check here fails this suite. */

#include "config.h"

#include "gloss-application.h"
#include "gloss-label-popover.h"
#include "gloss-search-bar.h"
#include "gloss-test-window.h"

typedef enum
{
  IN_TEXT = 1 << 0,
  IN_DOCUMENTS = 1 << 1,
  IN_SPANS = 1 << 2,
  IN_FIND = 1 << 3,   /* the find field, for the keys that belong to it */
} Place;

#define IN_TEXT_AND_LISTS (IN_TEXT | IN_DOCUMENTS | IN_SPANS)

/* What is looked at before and after a press. */
typedef struct
{
  GPtrArray *spans;
  char *status;
  gint64 document_id;
  gint64 selected_start;
  guint n_toplevels;
  int current_match;
} State;

typedef struct
{
  const char *accelerator;
  Place places;
  void (*prepare) (Fixture *fixture);
  gboolean (*ran) (Fixture *fixture, State *before);
  const char *app_action;   /* an application action, recorded */
} Check;

/* The application actions activated since the last reset. */
static GPtrArray *app_activations;

static char *
read_status (Fixture *fixture)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *status = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT status FROM documents WHERE id = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, fixture->document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return status;
}

static guint
count_visible_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window))
        n++;
    }

  return n;
}

static GlossSearchBar *
search_bar (Fixture *fixture)
{
  return fixture_child (fixture, "search_bar");
}

static void
take_state (Fixture *fixture,
            State   *state)
{
  GlossSpan *span = gloss_document_view_get_selected_span (fixture->view);

  state->spans = read_stored_spans (fixture->path, fixture->document_id);
  state->status = read_status (fixture);
  state->document_id = gloss_document_view_get_document_id (fixture->view);
  state->selected_start = span != NULL ? gloss_span_get_start (span) : -1;
  state->n_toplevels = count_visible_toplevels ();
  state->current_match = gloss_search_bar_get_current_match (search_bar (fixture));
}

static void
clear_state (State *state)
{
  g_clear_pointer (&state->spans, g_ptr_array_unref);
  g_clear_pointer (&state->status, g_free);
}

static gboolean
spans_changed (Fixture *fixture,
               State   *before)
{
  g_autoptr(GPtrArray) now = read_stored_spans (fixture->path, fixture->document_id);

  if (now->len != before->spans->len)
    return TRUE;
  for (guint i = 0; i < now->len; i++)
    {
      StoredSpan *a = now->pdata[i], *b = before->spans->pdata[i];

      if (a->start != b->start || a->end != b->end || g_strcmp0 (a->label, b->label) != 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
status_changed (Fixture *fixture,
                State   *before)
{
  g_autofree char *now = read_status (fixture);

  return g_strcmp0 (now, before->status) != 0;
}

static gboolean
window_opened (Fixture *fixture,
               State   *before)
{
  return count_visible_toplevels () > before->n_toplevels;
}

static gboolean
document_changed (Fixture *fixture,
                  State   *before)
{
  return gloss_document_view_get_document_id (fixture->view) != before->document_id;
}

static gboolean
selected_span_moved (Fixture *fixture,
                     State   *before)
{
  GlossSpan *span = gloss_document_view_get_selected_span (fixture->view);

  return span != NULL && gloss_span_get_start (span) != before->selected_start;
}

static gboolean
find_opened (Fixture *fixture,
             State   *before)
{
  return gloss_search_bar_is_open (search_bar (fixture));
}

static gboolean
match_moved (Fixture *fixture,
             State   *before)
{
  return gloss_search_bar_get_current_match (search_bar (fixture)) != before->current_match;
}

static gboolean
text_selected (Fixture *fixture,
               State   *before)
{
  return gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (fixture->text_view));
}

static gboolean
is_span_or_label_menu (GtkWidget     *widget,
                       gconstpointer  span_menu)
{
  if (!GTK_IS_POPOVER (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  return GLOSS_IS_LABEL_POPOVER (widget) ||
         (GTK_IS_POPOVER_MENU (widget) &&
          gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)) == span_menu);
}

static gboolean
menu_opened (Fixture *fixture,
             State   *before)
{
  return gloss_test_find_widget_where (GTK_WIDGET (fixture->window), is_span_or_label_menu,
                                       fixture_child (fixture, "span_menu")) != NULL;
}

static gboolean
main_menu_opened (Fixture *fixture,
                  State   *before)
{
  GtkPopover *popover = gtk_menu_button_get_popover (fixture_child (fixture, "primary_menu_button"));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
app_action_ran (Fixture *fixture,
                State   *before)
{
  return app_activations->len > 0;
}

/* The selected span gets a label other than the first, which "1" then
 * gives it. */
static void
prepare_other_label (Fixture *fixture)
{
  GlossSpan *span = gloss_document_view_get_selected_span (fixture->view);
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GlossSpan) relabeled = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (span);
  if (gloss_span_get_label_id (span) != gloss_label_get_id (labels->pdata[0]))
    return;
  relabeled = gloss_store_relabel_span (fixture->store, gloss_span_get_id (span),
                                        gloss_label_get_id (labels->pdata[1]), &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
}

/* Clicks the last span: it starts after every other, so a click on it is
 * on it, whichever spans an earlier press removed. */
static void
click_last_span (Fixture *fixture)
{
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  g_autoptr(GlossSpan) last = g_list_model_get_item (spans, g_list_model_get_n_items (spans) - 1);

  fixture_click (fixture, gloss_span_get_start (last) + 1);

}

/* The first span selected, so that there is a next one. */
static void
prepare_first_span (Fixture *fixture)
{
  g_autoptr(GlossSpan) first = g_list_model_get_item (gloss_document_view_get_spans (fixture->view), 0);

  gloss_document_view_select_span (fixture->view, first);
}

/* Elsewhere than the last span: a second click where the first was counts
 * as a double click. */
static void
click_first_span (Fixture *fixture)
{
  g_autoptr(GlossSpan) first = g_list_model_get_item (gloss_document_view_get_spans (fixture->view), 0);

  fixture_click (fixture, gloss_span_get_start (first) + 1);
}

static void
prepare_something_to_undo (Fixture *fixture)
{
  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_2, 0);
  click_last_span (fixture);
}

static void
prepare_something_to_redo (Fixture *fixture)
{
  prepare_something_to_undo (fixture);
  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
}

static gboolean
has_matches (gpointer data)
{
  return gloss_search_bar_get_n_matches (data) > 1;
}

static void
prepare_find (Fixture *fixture)
{
  GlossSearchBar *bar = search_bar (fixture);
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                    GLOSS_TYPE_SEARCH_BAR,
                                                                    "entry"));

  gloss_search_bar_open (bar);
  gtk_editable_set_text (entry, "Iran");
  gloss_test_input_wait_until (has_matches, bar, "matches of the query");
}

/* R on the selected span: the window waits for the relation's target. */
static gboolean
target_awaited (Fixture *fixture,
                State   *before)
{
  return gloss_document_view_is_picking_target (fixture->view);
}

static void
prepare_target_awaited (Fixture *fixture)
{
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_true (gloss_document_view_is_picking_target (fixture->view));
}

/* Escape after R: it waits no more. */
static gboolean
target_no_longer_awaited (Fixture *fixture,
                          State   *before)
{
  return !gloss_document_view_is_picking_target (fixture->view);
}

static const Check checks[] = {
  { "<Control>n", IN_TEXT_AND_LISTS, NULL, app_action_ran, "new-project" },
  { "<Control>o", IN_TEXT_AND_LISTS, NULL, app_action_ran, "open-project" },
  { "<Control>i", IN_TEXT_AND_LISTS, NULL, window_opened },
  { "<Control>e", IN_TEXT_AND_LISTS, NULL, window_opened },
  { "<Control>q", IN_TEXT_AND_LISTS, NULL, app_action_ran, "quit" },
  { "<Control>d", IN_TEXT_AND_LISTS, NULL, status_changed },
  { "F2", IN_TEXT_AND_LISTS, NULL, window_opened },
  { "<Control>f", IN_TEXT_AND_LISTS, NULL, find_opened },
  { "<Control>g", IN_TEXT_AND_LISTS, prepare_find, match_moved },
  { "Return", IN_FIND, prepare_find, match_moved },
  { "<Control><Shift>g", IN_TEXT_AND_LISTS, prepare_find, match_moved },
  { "<Shift>Return", IN_FIND, prepare_find, match_moved },
  { "<Control><Shift>f", IN_TEXT_AND_LISTS, NULL, window_opened },
  { "<Control>l", IN_TEXT_AND_LISTS, NULL, window_opened },
  /* On the selected span: a relabel (test-input-keys labels new text). */
  { "1", IN_TEXT_AND_LISTS, prepare_other_label, spans_changed },
  { "9", IN_TEXT_AND_LISTS, NULL, NULL },   /* no label has it: see "1" */
  { "Menu", IN_TEXT_AND_LISTS, NULL, menu_opened },
  { "<Shift>F10", IN_TEXT_AND_LISTS, NULL, menu_opened },
  { "Delete", IN_TEXT_AND_LISTS, NULL, spans_changed },
  { "BackSpace", IN_TEXT_AND_LISTS, NULL, spans_changed },
  { "r", IN_TEXT_AND_LISTS, NULL, target_awaited },
  /* R leaves the focus in the text, where the target is clicked. */
  { "Escape", IN_TEXT, prepare_target_awaited, target_no_longer_awaited },
  { "<Control>z", IN_TEXT_AND_LISTS, prepare_something_to_undo, spans_changed },
  { "<Control><Shift>z", IN_TEXT_AND_LISTS, prepare_something_to_redo, spans_changed },
  { "F8", IN_TEXT_AND_LISTS, prepare_first_span, selected_span_moved },
  { "<Shift>F8", IN_TEXT_AND_LISTS, NULL, selected_span_moved },
  /* From the text; from the document list in test-input-keys. From a list
   * with a span selected, GTK 4.8 now and then warns of a gizmo drawn
   * without an allocation while the document changes, which this suite's
   * fatal warnings would count as a failure. */
  { "<Control>Page_Down", IN_TEXT, NULL, document_changed },
  /* Selecting text with the keys is the text's own. */
  { "<Shift>Left", IN_TEXT, NULL, text_selected },
  { "<Shift>Right", IN_TEXT, NULL, text_selected },
  { "<Control><Shift>Left", IN_TEXT, NULL, text_selected },
  { "<Control><Shift>Right", IN_TEXT, NULL, text_selected },
  { "<Control>comma", IN_TEXT_AND_LISTS, NULL, app_action_ran, "preferences" },
  { "<Control>question", IN_TEXT_AND_LISTS, NULL, window_opened },
  { "F10", IN_TEXT_AND_LISTS, NULL, main_menu_opened },
};

static const Check *
find_check (const char *accelerator)
{
  guint keyval;
  GdkModifierType modifiers;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      guint check_keyval;
      GdkModifierType check_modifiers;

      gtk_accelerator_parse (checks[i].accelerator, &check_keyval, &check_modifiers);
      if (check_keyval == keyval && check_modifiers == modifiers)
        return &checks[i];
    }

  return NULL;
}

static void
record_app_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_ptr_array_add (app_activations, g_strdup (g_action_get_name (G_ACTION (action))));
}

/* Everything a press may have opened goes away before the next. */
static void
close_everything (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkPopover *popover;

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WIDGET (fixture->window) && gtk_widget_get_visible (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  while ((popover = GTK_POPOVER (gloss_test_find_widget_where (GTK_WIDGET (fixture->window),
                                                               is_span_or_label_menu,
                                                               fixture_child (fixture, "span_menu")))) != NULL)
    gtk_popover_popdown (popover);
  popover = gtk_menu_button_get_popover (fixture_child (fixture, "primary_menu_button"));
  if (popover != NULL)
    gtk_popover_popdown (popover);
  gloss_search_bar_close (search_bar (fixture));
  g_ptr_array_set_size (app_activations, 0);
  gloss_test_input_present (GTK_WINDOW (fixture->window));
}

static void
click_row (GtkWidget *list,
           guint      position)
{
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; i < position && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  gloss_test_input_click_widget (row);
}

/* Opens the sample again, selects a span with a click, and puts the focus
 * in PLACE with a click there. */
static void
set_scene (Fixture *fixture,
           Place    place)
{
  GtkListView *documents = fixture_child (fixture, "document_list_view");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (documents));
  guint first = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (gloss_document_get_id (document) == fixture->document_id)
        first = i;
    }
  g_assert_cmpuint (first, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, first);
  gloss_test_input_settle (GTK_WIDGET (fixture->window));

  click_last_span (fixture);
  g_assert_nonnull (gloss_document_view_get_selected_span (fixture->view));

  if (place == IN_DOCUMENTS)
    {
      click_row (GTK_WIDGET (documents), first);
      g_assert_true (focus_in (fixture, GTK_WIDGET (documents)));
    }
  else if (place == IN_SPANS)
    {
      GtkWidget *spans = fixture_child (fixture, "span_list_view");

      click_row (spans, 2);
      g_assert_true (focus_in (fixture, spans));
    }
}

/* Clicks in PLACE unless the focus is there. */
static void
put_focus (Fixture *fixture,
           Place    place)
{
  GtkWidget *documents = fixture_child (fixture, "document_list_view");
  GtkWidget *spans = fixture_child (fixture, "span_list_view");

  if (place == IN_TEXT && !focus_in (fixture, GTK_WIDGET (fixture->view)))
    click_first_span (fixture);
  else if (place == IN_DOCUMENTS && !focus_in (fixture, documents))
    click_row (documents, gtk_single_selection_get_selected (
                 GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (documents)))));
  else if (place == IN_SPANS && !focus_in (fixture, spans))
    click_row (spans, 2);
}

static const char *
place_slug (Place place)
{
  switch (place)
    {
    case IN_TEXT: return "text";
    case IN_DOCUMENTS: return "documents";
    case IN_SPANS: return "spans";
    case IN_FIND: return "find";
    default: g_assert_not_reached ();
    }
}

static const char *
place_name (Place place)
{
  switch (place)
    {
    case IN_TEXT: return "the text";
    case IN_DOCUMENTS: return "the document list";
    case IN_SPANS: return "the Spans list";
    case IN_FIND: return "the find field";
    default: g_assert_not_reached ();
    }
}

static void
press_in (Fixture     *fixture,
          const Check *check,
          Place        place)
{
  State before = { 0 };

  close_everything (fixture);
  set_scene (fixture, place);
  if (check->prepare != NULL)
    {
      check->prepare (fixture);
      /* The preparation may have moved the focus: back to the place. */
      put_focus (fixture, place);
    }
  if (place == IN_FIND)
    {
      GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (search_bar (fixture)),
                                                                    GLOSS_TYPE_SEARCH_BAR,
                                                                    "entry"));

      gloss_test_input_click_widget (entry);
      g_assert_true (focus_in (fixture, entry));
    }

  take_state (fixture, &before);

  g_ptr_array_set_size (app_activations, 0);
  gloss_test_input_accel (GTK_WIDGET (fixture->window), check->accelerator);

  if (!check->ran (fixture, &before))
    g_error ("%s, pressed in %s, did nothing", check->accelerator, place_name (place));
  if (check->app_action != NULL)
    g_assert_cmpstr (g_ptr_array_index (app_activations, 0), ==, check->app_action);

  clear_state (&before);
}

typedef struct
{
  const Check *check;
  Place place;
} Case;

/* One press of one accelerator in one place, in a window of its own: the
 * text view counts clicks on one spot across a whole window's life as
 * double clicks now and then, and each case clicks there once. */
static void
test_accelerator (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const Case *test_case = user_data;
  g_autoptr(GError) error = NULL;

  if (test_case->check->ran == NULL)
    {
      g_test_skip ("checked by its first key");
      return;
    }

  /* Ctrl+Page Down needs a document that is not done to go to. */
  gloss_store_add_document (fixture->store, "second.txt", "A second text, not done yet.",
                            "second.txt", &error);
  g_assert_no_error (error);

  press_in (fixture, test_case->check, test_case->place);
  close_everything (fixture);
}

/* Every accelerator of the Keyboard Shortcuts window, as it spells them
 * ("1...9" is a range, one entry may list several). */
static GPtrArray *
read_listed_accelerators (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "ui",
                                                 "gloss-shortcuts-window.ui", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<property name=\"accelerator\">([^<]*)</property>", 0, 0,
                                         NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *accelerators = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  g_regex_match (regex, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *value = g_match_info_fetch (match, 1);
      g_auto(GStrv) parts = NULL;
      GString *text = g_string_new (value);

      g_string_replace (text, "&lt;", "<", 0);
      g_string_replace (text, "&gt;", ">", 0);
      parts = g_strsplit (text->str, " ", -1);
      g_string_free (text, TRUE);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_auto(GStrv) range = g_strsplit (parts[i], "...", 2);

          if (parts[i][0] == '\0')
            continue;
          g_ptr_array_add (accelerators, g_strdup (range[0]));
          if (range[1] != NULL)
            g_ptr_array_add (accelerators, g_strdup (range[1]));
        }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (accelerators->len, >, 20);

  return accelerators;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GlossApplication) application = NULL;
  g_autoptr(GPtrArray) accelerators = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  const Place places[] = { IN_TEXT, IN_DOCUMENTS, IN_SPANS, IN_FIND };
  g_autoptr(GError) error = NULL;
  int status;

  data_home = gloss_test_ui_init (&argc, &argv, "input-accels");
  app_activations = g_ptr_array_new_with_free_func (g_free);

  /* The application's own accelerators come with its startup; its
   * actions that open windows of their own or quit are recorded instead,
   * which is what a key press can prove. */
  application = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      static const char *names[] = { "new-project", "open-project", "quit", "preferences" };
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (application), names[i]));
      g_action_map_remove_action (G_ACTION_MAP (application), names[i]);
      g_signal_connect (action, "activate", G_CALLBACK (record_app_action), NULL);
      g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
    }
  fixture_application = GTK_APPLICATION (application);

  accelerators = read_listed_accelerators ();
  for (guint i = 0; i < accelerators->len; i++)
    {
      const char *accelerator = accelerators->pdata[i];
      const Check *check = find_check (accelerator);
      g_autofree char *test_path = NULL;

      if (check == NULL)
        g_error ("The shortcuts window lists %s, and nothing here checks it", accelerator);
      for (guint j = 0; j < G_N_ELEMENTS (places); j++)
        {
          Case *test_case;

          if (!(check->places & places[j]))
            continue;
          test_case = g_new0 (Case, 1);
          test_case->check = check;
          test_case->place = places[j];
          g_ptr_array_add (cases, test_case);
          test_path = g_strdup_printf ("/gloss/input/accels/%s/%s", accelerator,
                                       place_slug (places[j]));
          g_test_add (test_path, Fixture, test_case, fixture_set_up, test_accelerator,
                      fixture_tear_down);
          g_clear_pointer (&test_path, g_free);
        }
    }

  status = g_test_run ();
  gloss_test_remove_tree (data_home);
  g_ptr_array_unref (app_activations);

  return status;
}
