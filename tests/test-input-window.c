/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's own pieces with a real pointer and keyboard
 * (gloss-test-input.h): the delete toast's Undo, the menu buttons' tooltips,
 * Ctrl+Q with a note still being typed. Each test ends on what a person sees
 * or on the project file. */

#include "config.h"

#include "gloss-application.h"
#include "gloss-search-bar.h"
#include "gloss-test-window.h"

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static void
click_menu_item (GtkPopover *popover,
                 const char *text)
{
  GtkWidget *label = gloss_test_find_widget_where (GTK_WIDGET (popover), has_label_text, text);

  g_assert_nonnull (label);
  gloss_test_input_click_widget (label);
}

/* Whether the project file at PATH has document ID, read with a
 * connection of its own. */
static gboolean
stored_document_exists (const char *path,
                        gint64      id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean exists;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM documents WHERE id = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return exists;
}

/* The toast title for deleting the open document. */
static char *
open_document_toast (Fixture *fixture)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_store_get_document (fixture->store,
                                       gloss_document_view_get_document_id (fixture->view),
                                       &error);
  g_assert_no_error (error);
  return g_strdup_printf ("“%s” deleted", gloss_document_get_name (document));
}

/* How many spans document ID has in the project file. */
static guint
count_stored_in (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, id);

  return spans->len;
}

static gint64
add_document (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_add_document (fixture->store, name, "A note on the crossing.", NULL,
                                        &error);

  g_assert_no_error (error);
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  return id;
}

/* Deletes the open document from the "⋮" menu, as a person does. */
static void
delete_open_document (Fixture *fixture)
{
  GtkWidget *button = fixture_child (fixture, "document_menu_button");
  GlossTestInputStill still = { button, FALSE, 0, 0 };
  GtkPopover *menu;

  /* A document just opened lays its header out again: the button moves
   * with its name's width. */
  gloss_test_input_wait_until (gloss_test_input_is_still, &still, "the menu button to stay in place");
  gloss_test_input_click_widget (button);
  menu = wait_for_popover (button, GTK_TYPE_POPOVER_MENU);
  click_menu_item (menu, "Delete");
  wait_for_closed (menu);
}

static GtkWidget *
toast_widget_of (GtkWidget *widget)
{
  while (widget != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    widget = gtk_widget_get_parent (widget);
  return widget;
}

typedef struct
{
  GtkWidget *overlay;
  const char *title;
  GtkWidget *button;
} ToastSearch;

static gboolean
is_toast_title (GtkWidget     *widget,
                gconstpointer  title)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), title);
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

static gboolean
toast_search_done (gpointer data)
{
  ToastSearch *search = data;
  GtkWidget *title = gloss_test_find_widget_where (search->overlay, is_toast_title,
                                                   search->title);
  GtkWidget *toast;

  search->button = NULL;
  if (title == NULL || gtk_widget_get_width (title) == 0)
    return FALSE;
  /* The toast widget holding the title holds its button too. */
  toast = toast_widget_of (title);
  g_assert_nonnull (toast);
  search->button = gloss_test_find_widget_where (toast, is_undo_button, NULL);
  return search->button != NULL && gtk_widget_get_width (search->button) > 0 &&
         gtk_widget_get_opacity (toast) == 1.0;
}

/* The Undo button of the toast whose title is TITLE, once the toast has
 * slid into place. */
static GtkWidget *
wait_for_toast_undo (Fixture    *fixture,
                     const char *title)
{
  ToastSearch search = { fixture_child (fixture, "toast_overlay"), title, NULL };

  GlossTestInputStill still = { NULL, FALSE, 0, 0 };

  gloss_test_input_wait_until (toast_search_done, &search, title);
  /* Up from the bottom edge, it slides in. */
  still.widget = search.button;
  gloss_test_input_wait_until (gloss_test_input_is_still, &still, "the toast to stay in place");
  gloss_test_input_settle (search.button);
  return search.button;
}

/* Delete the document from its menu, Undo in the toast: it is back in the
 * project file. */
static void
test_toast_undo_document (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *title = NULL;
  GtkWidget *undo;

  add_document (fixture, "crossing.txt");
  g_assert_true (stored_document_exists (fixture->path, fixture->document_id));
  title = open_document_toast (fixture);
  delete_open_document (fixture);
  g_assert_false (stored_document_exists (fixture->path, fixture->document_id));

  undo = wait_for_toast_undo (fixture, title);
  gloss_test_input_click_widget (undo);
  g_assert_true (stored_document_exists (fixture->path, fixture->document_id));
}

/* The pointer crosses the text on its way to the toast. */
static void
test_toast_undo_after_pointer_over_text (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autofree char *title = NULL;
  gint64 start;
  GtkWidget *undo;
  double x, y;

  add_document (fixture, "crossing.txt");
  title = open_document_toast (fixture);
  delete_open_document (fixture);
  g_assert_false (stored_document_exists (fixture->path, fixture->document_id));

  /* The window shows the other document now. */
  start = 5;
  gloss_test_input_text_point_settled (fixture->text_view, start, 0.5, &x, &y);
  gloss_test_input_hover (GTK_WIDGET (fixture->text_view), x, y);
  gloss_test_input_hover (GTK_WIDGET (fixture->text_view), x + 40, y + 10);

  undo = wait_for_toast_undo (fixture, title);
  gloss_test_input_click_widget (undo);
  g_assert_true (stored_document_exists (fixture->path, fixture->document_id));
}

/* The title of a delete toast in full view, not one sliding in or out. */
static gboolean
is_shown_delete_title (GtkWidget     *widget,
                       gconstpointer  data)
{
  GtkWidget *toast;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget) ||
      gtk_widget_get_width (widget) == 0 ||
      !g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), "” deleted"))
    return FALSE;
  toast = toast_widget_of (widget);
  return toast != NULL && gtk_widget_get_opacity (toast) == 1.0;
}

static gboolean
some_delete_toast_shown (gpointer overlay)
{
  return gloss_test_find_widget_where (overlay, is_shown_delete_title, NULL) != NULL;
}

static gboolean
is_label_all_row (GtkWidget     *widget,
                  gconstpointer  name)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  text = g_strconcat ("● ", name, NULL);
  return g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
has_matches (gpointer bar)
{
  return gloss_search_bar_get_n_matches (bar) > 0;
}

/* A document deleted, then Label All in the next one: the toast on the
 * screen with an Undo brings back what it names. */
static void
test_toast_undo_after_another_step (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  GtkWidget *overlay = fixture_child (fixture, "toast_overlay");
  GlossSearchBar *bar = fixture_child (fixture, "search_bar");
  GtkWidget *label_all = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                    GLOSS_TYPE_SEARCH_BAR,
                                                                    "label_all_button"));
  g_autofree char *deleted_title = NULL;
  ToastSearch search = { overlay, "Labeled 1 match", NULL };
  GtkPopover *popover;
  GtkWidget *row;
  gint64 second;

  second = add_document (fixture, "crossing.txt");
  deleted_title = open_document_toast (fixture);
  delete_open_document (fixture);
  gloss_test_input_wait_until (some_delete_toast_shown, overlay, "the delete toast");
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, second);

  /* Label All on "crossing" in the document shown now, selected and found
   * with Ctrl+F (the find field takes the selection). Typed right after
   * the document menu closed, the first key now and then went nowhere
   * under a display with no window manager ("rossing"). */
  fixture_drag_over (fixture, "crossing");
  fixture_open_find (fixture);
  g_assert_cmpstr (gloss_search_bar_get_query (bar), ==, "crossing");
  gloss_test_input_wait_until (has_matches, bar, "the match");
  /* The find bar slides in: a person aims once the button stays put. */
  gloss_test_input_wait_until (gloss_test_input_is_still,
                               &(GlossTestInputStill) { label_all, FALSE, 0, 0 },
                               "Label All to stay in place");
  gloss_test_input_click_widget (label_all);
  popover = wait_for_popover (GTK_WIDGET (bar), GTK_TYPE_POPOVER);
  row = gloss_test_find_widget_where (GTK_WIDGET (popover), is_label_all_row, "Analyst / source");
  g_assert_nonnull (row);
  gloss_test_input_click_widget (row);
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored_in (fixture, second), ==, 1);

  /* The delete toast's Undo would undo Label All now: it goes at once
   * (not when its time is up), and Label All's toast takes its place. */
  g_assert_nonnull (gloss_test_find_widget_where (overlay, is_toast_title, "Labeled 1 match"));
  gloss_test_input_wait_until (toast_search_done, &search, "Label All's toast");
  g_assert_false (some_delete_toast_shown (overlay));
  gloss_test_input_click_widget (wait_for_toast_undo (fixture, "Labeled 1 match"));
  g_assert_cmpuint (count_stored_in (fixture, second), ==, 0);
  g_assert_false (stored_document_exists (fixture->path, fixture->document_id));
}

static gboolean
toast_title_shown (gpointer data)
{
  ToastSearch *search = data;

  return gloss_test_find_widget_where (search->overlay, is_toast_title, search->title) != NULL;
}

static gboolean
shows_document (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  gint64 document_id = *(gint64 *) ((gpointer *) data)[1];

  return gloss_document_view_get_document_id (fixture->view) == document_id;
}

/* Ctrl+Z in one document undoes the project's last step, made in another:
 * that document opens, so that what changes is on the screen, and a toast
 * says where it was undone. */
static void
test_undo_opens_its_document (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *overlay = fixture_child (fixture, "toast_overlay");
  gint64 first = fixture->document_id;
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  g_autoptr(GlossDocument) document = gloss_store_get_document (fixture->store, first, NULL);
  g_autofree char *title = g_strdup_printf ("Undone in “%s”", gloss_document_get_name (document));
  guint before = count_stored_in (fixture, first);
  gint64 second = add_document (fixture, "crossing.txt");

  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_2, 0);
  g_assert_cmpuint (count_stored (fixture, start, end, "Hardline camp"), ==, 1);

  fixture_key (fixture, GDK_KEY_Page_Down, GDK_CONTROL_MASK);
  gloss_test_input_wait_until (shows_document, (gpointer[]) { fixture, &second },
                               "the second document");
  fixture_click (fixture, 2);
  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);

  g_assert_cmpuint (count_stored_in (fixture, first), ==, before);
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, first);
  gloss_test_input_wait_until (toast_title_shown, &(ToastSearch) { overlay, title, NULL },
                               "the toast saying where");
}

/* The pointer rests on BUTTON until its tooltip TEXT shows, then clicks
 * it: the menu opens, and the tooltip is not over it. */
static void
assert_no_tooltip_over_menu (Fixture    *fixture,
                             GtkWidget  *button,
                             const char *text,
                             GType       menu_type)
{
  TooltipSearch search = { GTK_WIDGET (fixture->window), text };
  double x = gtk_widget_get_width (button) / 2.0, y = gtk_widget_get_height (button) / 2.0;
  GtkPopover *menu;

  gloss_test_input_hover (button, x - 1, y);
  gloss_test_input_hover (button, x, y);
  gloss_test_input_wait_until (tooltip_shown, &search, text);

  gloss_test_input_click (button, x, y);
  menu = wait_for_popover (button, menu_type);
  gloss_test_input_wait_until (tooltip_gone, &search, "the tooltip to go");
  /* The hand does not stay still: the pointer moves on the button, which
   * would ask for the tooltip again. */
  gloss_test_input_hover (button, x + 2, y);
  gloss_test_input_hover (button, x + 1, y + 1);
  g_assert_false (tooltip_shown (&search));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_true (is_on_screen (GTK_WIDGET (menu)));

  fixture_key (fixture, GDK_KEY_Escape, 0);
  wait_for_closed (menu);
  g_assert_true (gtk_widget_get_has_tooltip (button));
}

static void
test_tooltip_main_menu (Fixture       *fixture,
                        gconstpointer  user_data)
{
  assert_no_tooltip_over_menu (fixture, fixture_child (fixture, "primary_menu_button"),
                               "Main Menu", GTK_TYPE_POPOVER_MENU);
}

static void
test_tooltip_document_menu (Fixture       *fixture,
                            gconstpointer  user_data)
{
  assert_no_tooltip_over_menu (fixture, fixture_child (fixture, "document_menu_button"),
                               "Document Menu", GTK_TYPE_POPOVER_MENU);
}

static void
test_tooltip_label_all (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GlossSearchBar *bar = fixture_child (fixture, "search_bar");
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                 GLOSS_TYPE_SEARCH_BAR,
                                                                 "label_all_button"));

  fixture_click (fixture, 0);
  fixture_open_find (fixture);
  g_assert_true (gloss_search_bar_is_open (bar));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "Azerbaijan");
  gloss_test_input_wait_until (has_matches, bar, "the matches");
  gloss_test_input_wait_for_frames (button);

  assert_no_tooltip_over_menu (fixture, button, "Give every match a label", GTK_TYPE_POPOVER);
}

static gboolean
is_destroyed (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* Ctrl+Q while a note is typed in the inspector, not yet confirmed with
 * Enter: the note is in the project file once the window is gone. */
static void
test_note_kept_on_quit (Fixture       *fixture,
                        gconstpointer  user_data)
{
  Display *display = gloss_test_input_display ();
  GtkWidget *note_entry = fixture_child (fixture, "note_entry");
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  GtkWidget *closed = GTK_WIDGET (fixture->window);
  g_autoptr(GPtrArray) spans = NULL;
  gint64 selected_start, selected_end;
  gboolean found = FALSE;

  fixture_click (fixture, start + 2);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  gloss_test_input_settle (note_entry);
  gloss_test_input_click_widget (note_entry);
  g_assert_true (focus_in (fixture, note_entry));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "quitting");

  /* Pressed by hand: the helper's wait after a key needs the window. */
  g_object_add_weak_pointer (G_OBJECT (closed), (gpointer *) &closed);
  gloss_test_input_modifiers (GDK_CONTROL_MASK, True);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, GDK_KEY_q), True, CurrentTime);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, GDK_KEY_q), False, CurrentTime);
  gloss_test_input_modifiers (GDK_CONTROL_MASK, False);
  XFlush (display);
  gloss_test_input_wait_until (is_destroyed, &closed, "the window to close");
  g_clear_object (&fixture->store);

  spans = read_stored_spans (fixture->path, fixture->document_id);
  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start)
        {
          g_assert_cmpstr (span->note, ==, "quitting");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The fixture's teardown closes a window and a store of its own. */
  fixture->store = gloss_project_open_default (NULL);
  g_assert_nonnull (fixture->store);
  fixture_open_window (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GlossApplication) application = NULL;
  g_autoptr(GError) error = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "input-window");

  /* Ctrl+Q is the application's. */
  application = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  fixture_application = GTK_APPLICATION (application);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/window/toast-undo-document", test_toast_undo_document);
  ADD ("/gloss/input/window/toast-undo-after-pointer-over-text",
       test_toast_undo_after_pointer_over_text);
  ADD ("/gloss/input/window/toast-undo-after-another-step", test_toast_undo_after_another_step);
  ADD ("/gloss/input/window/undo-opens-its-document", test_undo_opens_its_document);
  ADD ("/gloss/input/window/tooltip-main-menu", test_tooltip_main_menu);
  ADD ("/gloss/input/window/tooltip-document-menu", test_tooltip_document_menu);
  ADD ("/gloss/input/window/tooltip-label-all", test_tooltip_label_all);
  ADD ("/gloss/input/window/note-kept-on-quit", test_note_kept_on_quit);

#undef ADD

  return gloss_test_ui_run (data_home);
}
