/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An import through the window, another program reading the project, then
 * a labeling, as a person does them one after the other: the label must be
 * in the project file once the window is closed. Opening the project a
 * second time for the import must not cost the window its locks, or the
 * other program checkpoints and deletes the log the window goes on writing
 * into, and the labeling is lost with the window. And files dropped on the
 * window by another program, through XDND. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-test-run.h"
#include "gloss-test-store.h"
#include "gloss-test-window.h"

typedef struct
{
  const char *wal;
  gboolean seen;
} LogWatch;

/* Looks for a deleted log all through the run, not only at the steps. */
static gboolean
watch_log_cb (gpointer data)
{
  LogWatch *watch = data;

  if (gloss_test_process_writes_deleted (watch->wal))
    watch->seen = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
find_chooser_on_screen (gpointer data)
{
  GtkWidget **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && is_on_screen (window))
        {
          *found = window;
          return TRUE;
        }
    }

  return FALSE;
}

static void
on_import_finished_cb (GlossWindow *window,
                       GPtrArray   *results,
                       gboolean    *finished)
{
  *finished = TRUE;
}

static gboolean
is_destroyed (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close") &&
         gtk_widget_get_mapped (widget);
}

/* How many documents the project file at PATH has named NAME. */
static guint
count_documents_named (const char *path,
                       const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM documents WHERE name = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Runs the built `gloss stats --json PATH` to its end, as from a
 * terminal; returns how many spans it counts. */
static gint64
run_gloss_stats (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (gloss_test_run_gloss (&out, NULL, "stats", "--json", path, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                     "spans");
}

static gboolean
is_import_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Import") == 0;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

typedef struct
{
  GtkWidget *chooser;
  GFile *folder;
} ChooserPlace;

static gboolean
chooser_shows_folder (gpointer data)
{
  ChooserPlace *place = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (place->chooser));

  return folder != NULL && g_file_equal (folder, place->folder);
}

/* Ctrl+I, the path typed into the chooser's location and Return once
 * Import can take it. The chooser opens in FOLDER (the last import's, or
 * home), never on GTK's Recent view, where a typed location is taken
 * neither by Return nor by Import. It looks the typed location up before
 * Import turns sensitive: a Return before that is lost. */
static void
import_by_hand (Fixture    *fixture,
                const char *path,
                const char *folder)
{
  g_autoptr(GFile) expected = g_file_new_for_path (folder);
  ChooserPlace place = { NULL, expected };
  GtkWidget *open;

  fixture_key (fixture, GDK_KEY_i, GDK_CONTROL_MASK);
  gloss_test_input_wait_until (find_chooser_on_screen, &place.chooser, "the file chooser");
  gloss_test_input_settle (place.chooser);
  gloss_test_input_wait_until (chooser_shows_folder, &place, folder);
  gloss_test_input_key (place.chooser, GDK_KEY_l, GDK_CONTROL_MASK);
  gloss_test_input_type (place.chooser, path);
  open = gloss_test_find_widget_where (place.chooser, is_import_button, NULL);
  g_assert_nonnull (open);
  gloss_test_input_wait_until (is_sensitive, open, "the chooser to take the location");
  gloss_test_input_key (place.chooser, GDK_KEY_Return, 0);
}

/* Ctrl+I, the file typed into the chooser, `gloss stats` from a terminal,
 * a drag over "Velayati" and 2, the window closed: the span is in the
 * project file. With USER_DATA, the text file is beside the project, so
 * that the chooser lists the project's folder: GIO then opens and closes
 * the project and its -shm to tell their type. */
static void
test_label_after_import_and_stats (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *dir = user_data != NULL ? g_path_get_dirname (fixture->path)
                                           : g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autofree char *text_path = g_build_filename (dir, "briefing.txt", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  LogWatch watch = { wal, FALSE };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *close_button;
  gboolean finished = FALSE;
  gint64 start, end, document_id, n_spans;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  guint watch_id;
  guint found = 0;

  /* Each case in a process of its own, with settings of its own: the
   * chooser opens where the process's last import went. */
  if (user_data != NULL && !g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                       G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_nonnull (dir);
  g_file_set_contents (text_path, "A short briefing on the talks in Geneva.\n", -1, &error);
  g_assert_no_error (error);
  watch_id = g_timeout_add (5, watch_log_cb, &watch);
  g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished_cb), &finished);

  /* The chooser GTK falls back to without a portal, driven as a person
   * drives it: Ctrl+L, the path, Return; the first import of the process
   * starts at home. */
  import_by_hand (fixture, text_path, g_get_home_dir ());
  gloss_test_input_wait_until (gloss_test_input_is_true, &finished, "the import to finish");
  g_assert_false (gloss_test_process_writes_deleted (wal));

  /* Another program reads the project while the window has it open. */
  n_spans = run_gloss_stats (fixture->path);
  g_assert_false (gloss_test_process_writes_deleted (wal));

  /* The import leaves the sample article open, "Velayati" unlabeled in
   * it. */
  gloss_test_input_present (GTK_WINDOW (window));
  document_id = gloss_document_view_get_document_id (fixture->view);
  start = fixture_find_phrase (fixture, "Velayati");
  end = fixture_phrase_end (fixture, "Velayati");
  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_2, 0);
  g_assert_false (gloss_test_process_writes_deleted (wal));
  /* Saved as it is made: another program sees it at once. */
  g_assert_cmpint (run_gloss_stats (fixture->path), ==, n_spans + 1);

  /* Closed with the title bar's close button; the test's own reference
   * to the project goes too, so that nothing of this process has it
   * open when it is read again. */
  close_button = gloss_test_find_widget_where (window, is_close_button, NULL);
  g_assert_nonnull (close_button);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  /* The click, without the settling that follows it elsewhere: the
   * window it would settle on is gone. */
  gloss_test_input_move_to (close_button, gtk_widget_get_width (close_button) / 2.0,
                            gtk_widget_get_height (close_button) / 2.0);
  gloss_test_input_settle (close_button);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, True, CurrentTime);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, False, CurrentTime);
  XFlush (gloss_test_input_display ());
  gloss_test_input_wait_until (is_destroyed, &fixture->window, "the window to close");
  g_clear_object (&fixture->store);
  g_source_remove (watch_id);
  g_assert_false (watch.seen);

  spans = read_stored_spans (fixture->path, document_id);
  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start && span->end == end)
        {
          g_assert_cmpstr (span->label, ==, "Hardline camp");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);
  g_assert_cmpuint (count_documents_named (fixture->path, "briefing.txt"), ==, 1);

  g_unlink (text_path);
  if (user_data == NULL)
    g_rmdir (dir);
}

typedef struct
{
  const char *text;
  GtkWidget *dialog;
} MessageSearch;

static gboolean
has_text_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Whether a window on the screen says TEXT. */
static gboolean
message_shown (gpointer data)
{
  MessageSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (is_on_screen (window) &&
          gloss_test_find_widget_where (window, has_text_containing, search->text) != NULL)
        {
          search->dialog = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
message_gone (gpointer data)
{
  return !message_shown (data);
}

static gboolean
is_close_response (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Close") == 0;
}

#define HOLD "BEGIN EXCLUSIVE;\nSELECT 'holding';\n"
#define LET_GO "COMMIT;\n.quit\n"

/* An import into a project that the sqlite3 shell holds in a write
 * transaction: the window names the shell and its process, nothing of the
 * file is stored; once the shell lets go, the same import goes in. */
static void
test_import_while_locked (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-import-XXXXXX", NULL);
  g_autofree char *text_path = g_build_filename (dir, "briefing.txt", NULL);
  const char *argv[] = { "sqlite3", fixture->path, NULL };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GDataInputStream) shell_out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  MessageSearch search = { NULL, NULL };
  GtkWidget *close_button;
  gboolean finished = FALSE;
  gsize written;

  /* A process of its own, for a chooser that opens on its folder. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                       G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_file_set_contents (text_path, "A short briefing on the talks in Geneva.\n", -1, &error);
  g_assert_no_error (error);

  shell = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error);
  if (shell == NULL)
    {
      g_test_skip_printf ("no sqlite3 shell: %s", error->message);
      return;
    }
  g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (shell),
                                            HOLD, strlen (HOLD),
                                            &written, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_flush (g_subprocess_get_stdin_pipe (shell), NULL, NULL);
  shell_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (shell));
  /* Its answer comes once it holds the lock. */
  line = g_data_input_stream_read_line (shell_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "holding");

  g_signal_connect (window, "import-finished", G_CALLBACK (on_import_finished_cb), &finished);
  /* The first import of the process: the chooser opens at home. */
  import_by_hand (fixture, text_path, g_get_home_dir ());
  expected = g_strdup_printf ("is in use by sqlite3 (process %s)",
                              g_subprocess_get_identifier (shell));
  search.text = expected;
  gloss_test_input_wait_until (message_shown, &search, expected);
  g_assert_cmpuint (count_documents_named (fixture->path, "briefing.txt"), ==, 0);
  /* Read, and closed; the dialog has the focus, as a window manager gives
   * it (Xvfb has none). */
  gloss_test_input_present (GTK_WINDOW (search.dialog));
  close_button = gloss_test_find_widget_where (search.dialog, is_close_response, NULL);
  g_assert_nonnull (close_button);
  /* The click by hand: the helper's wait after it needs the dialog. */
  gloss_test_input_move_to (close_button, gtk_widget_get_width (close_button) / 2.0,
                            gtk_widget_get_height (close_button) / 2.0);
  gloss_test_input_settle (close_button);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, True, CurrentTime);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, False, CurrentTime);
  XFlush (gloss_test_input_display ());
  gloss_test_input_wait_until (message_gone, &search, "the message to close");

  /* The shell lets go. */
  g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (shell),
                                            LET_GO, strlen (LET_GO), &written, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, NULL);
  g_assert_true (g_subprocess_wait_check (shell, NULL, &error));
  g_assert_no_error (error);

  finished = FALSE;
  gloss_test_input_present (GTK_WINDOW (window));
  /* The next one opens where the last one went. */
  import_by_hand (fixture, text_path, dir);
  gloss_test_input_wait_until (gloss_test_input_is_true, &finished, "the import to finish");
  g_assert_cmpuint (count_documents_named (fixture->path, "briefing.txt"), ==, 1);

  g_unlink (text_path);
  g_rmdir (dir);
}

/* The fixture's tear-down, for a window the test may have closed. */
static void
tear_down (Fixture       *fixture,
           gconstpointer  user_data)
{
  if (fixture->window == NULL)
    fixture->window = (GlossWindow *) gtk_window_new ();
  fixture_tear_down (fixture, user_data);
}

/* A drag source of its own, on a connection of its own, as another
 * program is: it offers text/uri-list through XDND (version 5), moves the
 * pointer over TARGET with XTEST, drops, and answers the target's request
 * for the list. */
typedef struct
{
  Display *display;
  Window window;
  Window target;
  Atom selection, uri_list, action_copy;
  Atom enter, position, status, drop, finished;
  const char *uris;
  gboolean accepted, dropped, finished_seen;
} DragSource;

static void
drag_source_send (DragSource *source,
                  Atom        type,
                  long        l1,
                  long        l2,
                  long        l3,
                  long        l4)
{
  XEvent event = { 0 };

  event.xclient.type = ClientMessage;
  event.xclient.display = source->display;
  event.xclient.window = source->target;
  event.xclient.message_type = type;
  event.xclient.format = 32;
  event.xclient.data.l[0] = (long) source->window;
  event.xclient.data.l[1] = l1;
  event.xclient.data.l[2] = l2;
  event.xclient.data.l[3] = l3;
  event.xclient.data.l[4] = l4;
  XSendEvent (source->display, source->target, False, NoEventMask, &event);
  XFlush (source->display);
}

/* Handles what came to the source; for gloss_test_input_wait_until (),
 * with the condition in DONE. */
static void
drag_source_pump (DragSource *source)
{
  while (XPending (source->display) > 0)
    {
      XEvent event;

      XNextEvent (source->display, &event);
      if (event.type == ClientMessage && event.xclient.message_type == source->status)
        source->accepted = (event.xclient.data.l[1] & 1) != 0;
      else if (event.type == ClientMessage && event.xclient.message_type == source->finished)
        source->finished_seen = TRUE;
      else if (event.type == SelectionRequest)
        {
          XSelectionRequestEvent *request = &event.xselectionrequest;
          XEvent reply = { 0 };

          reply.xselection.type = SelectionNotify;
          reply.xselection.requestor = request->requestor;
          reply.xselection.selection = request->selection;
          reply.xselection.target = request->target;
          reply.xselection.time = request->time;
          reply.xselection.property = None;
          if (request->target == source->uri_list)
            {
              XChangeProperty (source->display, request->requestor, request->property,
                               source->uri_list, 8, PropModeReplace,
                               (const unsigned char *) source->uris, strlen (source->uris));
              reply.xselection.property = request->property;
            }
          XSendEvent (source->display, request->requestor, False, NoEventMask, &reply);
          XFlush (source->display);
        }
    }
}

static gboolean
drag_source_accepted (gpointer data)
{
  drag_source_pump (data);
  return ((DragSource *) data)->accepted;
}

static gboolean
drag_source_finished (gpointer data)
{
  drag_source_pump (data);
  return ((DragSource *) data)->finished_seen;
}

/* Drags URIS (text/uri-list, CRLF after each) from another client onto
 * WINDOW's middle and drops them there. */
static void
drop_uris_by_xdnd (GtkWidget  *window,
                   const char *uris)
{
  Display *test_display = gloss_test_input_display ();
  DragSource source = { 0 };
  int x, y;

  source.display = XOpenDisplay (NULL);
  g_assert_nonnull (source.display);
  source.window = XCreateSimpleWindow (source.display, DefaultRootWindow (source.display),
                                       0, 0, 1, 1, 0, 0, 0);
  source.target = gloss_test_input_xid (window);
  source.uris = uris;
  source.selection = XInternAtom (source.display, "XdndSelection", False);
  source.uri_list = XInternAtom (source.display, "text/uri-list", False);
  source.action_copy = XInternAtom (source.display, "XdndActionCopy", False);
  source.enter = XInternAtom (source.display, "XdndEnter", False);
  source.position = XInternAtom (source.display, "XdndPosition", False);
  source.status = XInternAtom (source.display, "XdndStatus", False);
  source.drop = XInternAtom (source.display, "XdndDrop", False);
  source.finished = XInternAtom (source.display, "XdndFinished", False);
  XSetSelectionOwner (source.display, source.selection, source.window, CurrentTime);
  g_assert_true (XGetSelectionOwner (source.display, source.selection) == source.window);

  /* The hand goes from the window's corner to its middle, the button held
   * as in a drag. */
  gloss_test_input_move_to (window, 10, 10);
  gloss_test_input_settle (window);
  gloss_test_input_screen_point (window, gtk_widget_get_width (window) / 2.0,
                                 gtk_widget_get_height (window) / 2.0, &x, &y);
  drag_source_send (&source, source.enter, 5 << 24, (long) source.uri_list, None, None);
  for (int step = 1; step <= 4; step++)
    {
      int sx, sy;

      gloss_test_input_move_to (window, 10 + (gtk_widget_get_width (window) / 2.0 - 10) * step / 4,
                                10 + (gtk_widget_get_height (window) / 2.0 - 10) * step / 4);
      XFlush (test_display);
      gloss_test_input_screen_point (window,
                                     10 + (gtk_widget_get_width (window) / 2.0 - 10) * step / 4,
                                     10 + (gtk_widget_get_height (window) / 2.0 - 10) * step / 4,
                                     &sx, &sy);
      drag_source_send (&source, source.position, 0, ((long) sx << 16) | sy, CurrentTime,
                        (long) source.action_copy);
      gloss_test_input_settle (window);
    }
  gloss_test_input_wait_until (drag_source_accepted, &source, "the window to accept the drop");

  drag_source_send (&source, source.drop, 0, CurrentTime, 0, 0);
  gloss_test_input_wait_until (drag_source_finished, &source, "the drop to finish");

  XDestroyWindow (source.display, source.window);
  XCloseDisplay (source.display);
}

/* Two text files dropped on the window from another program through XDND:
 * both are imported into the project file. */
static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-drop-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "dropped-one.txt", NULL);
  g_autofree char *second = g_build_filename (dir, "dropped-two.txt", NULL);
  g_autofree char *first_uri = g_filename_to_uri (first, NULL, NULL);
  g_autofree char *second_uri = g_filename_to_uri (second, NULL, NULL);
  g_autofree char *uris = g_strconcat (first_uri, "\r\n", second_uri, "\r\n", NULL);
  g_autoptr(GError) error = NULL;
  gboolean finished = FALSE;

  g_file_set_contents (first, "Talks resumed in Geneva.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (second, "The corridor was discussed again.\n", -1, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->window, "import-finished", G_CALLBACK (on_import_finished_cb),
                    &finished);

  drop_uris_by_xdnd (GTK_WIDGET (fixture->window), uris);
  gloss_test_input_wait_until (gloss_test_input_is_true, &finished, "the import to finish");

  g_assert_cmpuint (count_documents_named (fixture->path, "dropped-one.txt"), ==, 1);
  g_assert_cmpuint (count_documents_named (fixture->path, "dropped-two.txt"), ==, 1);
  gloss_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  /* No portal: GtkFileChooserNative shows GTK's own chooser. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  data_home = gloss_test_ui_init (&argc, &argv, "input-import");

  g_test_add ("/input-import/label-after-import-and-stats", Fixture, NULL, fixture_set_up,
              test_label_after_import_and_stats, tear_down);
  g_test_add ("/input-import/label-after-import-beside-project", Fixture, "beside",
              fixture_set_up, test_label_after_import_and_stats, tear_down);
  g_test_add ("/input-import/import-while-locked", Fixture, NULL, fixture_set_up,
              test_import_while_locked, tear_down);
  g_test_add ("/input-import/drop-files", Fixture, NULL, fixture_set_up, test_drop_files,
              tear_down);

  return gloss_test_ui_run (data_home);
}
