/* SPDX-License-Identifier: GPL-3.0-or-later */

/* README's "Using Gloss" and "Datasets", done the whole way a person does
 * them, with keys and the pointer through the X server: the export
 * dialog and its chooser, the preferences, the label editor, project search, the documents' status, name and deletion, new and opened
 * projects. Each ends with what is on disk: the exported files, or the
 * project file read by a connection of its own. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-application.h"
#include "gloss-export-dialog.h"
#include "gloss-format.h"
#include "gloss-label-editor.h"
#include "gloss-preferences-window.h"
#include "gloss-project-search.h"
#include "gloss-search-bar.h"
#include "gloss-test-window.h"

/* Each test in a process of its own: a second file chooser in a process
 * opens on Recent, where a typed location takes no Return; and the
 * settings (the last export's folder) start empty. Returns TRUE in the
 * parent, which has nothing more to do. */
static gboolean
run_in_subprocess (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                   G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

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

static void wait_for_window_closed (GtkWindow *window,
                                    GtkWindow *main);

/* Types NAME into the file chooser that opens, which must show FOLDER
 * (unless NULL), as a person does: Ctrl+L, all of what is there replaced,
 * Return; waits for it to close, the keyboard back in BACK. */
static void
type_into_chooser (const char *title,
                   const char *folder,
                   const char *name,
                   GtkWindow  *back)
{
  GtkWidget *chooser = GTK_WIDGET (wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG, title));

  if (folder != NULL)
    {
      g_autoptr(GFile) shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
      g_autofree char *shown_path = shown != NULL ? g_file_get_path (shown) : NULL;

      g_assert_cmpstr (shown_path, ==, folder);
    }
  gloss_test_input_key (chooser, GDK_KEY_l, GDK_CONTROL_MASK);
  gloss_test_input_key (chooser, GDK_KEY_a, GDK_CONTROL_MASK);
  gloss_test_input_type (chooser, name);
  g_object_ref (chooser);
  gloss_test_input_key (chooser, GDK_KEY_Return, 0);
  wait_for_window_closed (GTK_WINDOW (chooser), back);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* Waits for WINDOW to be closed (hidden or destroyed), then gives the
 * keyboard back to BACK, as a window manager does when a dialog closes.
 * Takes the reference the caller took before what closes it. */
static void
wait_for_window_closed (GtkWindow *window,
                        GtkWindow *back)
{
  gloss_test_input_wait_until (is_hidden, window, "the window to close");
  g_object_unref (window);
  gloss_test_input_present (back);
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close") &&
         gtk_widget_is_drawable (widget);
}

/* Closes WINDOW with its title bar's close button. */
static void
click_close_button (GtkWindow *window,
                    GtkWindow *main)
{
  GtkWidget *button = gloss_test_find_widget_where (GTK_WIDGET (window), is_close_button, NULL);

  g_assert_nonnull (button);
  g_object_ref (window);
  gloss_test_input_move_to (button, gtk_widget_get_width (button) / 2.0,
                            gtk_widget_get_height (button) / 2.0);
  gloss_test_input_settle (button);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, True, CurrentTime);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, False, CurrentTime);
  XFlush (gloss_test_input_display ());
  wait_for_window_closed (window, main);
}

/* The text from START to END (code points; to its end when END is -1) of document DOCUMENT_ID in the
 * project file at PATH. */
static char *
stored_text (const char *path,
             gint64      document_id,
             gint64      start,
             gint64      end)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
  g_autofree char *text = read_stored_value (path, "SELECT text FROM document_texts "
                                                   "WHERE document = CAST (? AS INTEGER)", id);

  g_assert_nonnull (text);
  return end < 0 ? g_steal_pointer (&text) : g_utf8_substring (text, start, end);
}

/* ---- Export ---- */

static const GlossFormat *
format_named (const char *name)
{
  const GlossFormat * const *formats = gloss_format_list ();

  for (guint i = 0; formats[i] != NULL; i++)
    if (g_str_equal (formats[i]->name, name))
      return formats[i];
  g_assert_not_reached ();
}

static gboolean
is_export_finished (gpointer data)
{
  WindowSearch search = { ADW_TYPE_MESSAGE_DIALOG, NULL, NULL };

  if (!window_search_done (&search))
    return FALSE;
  *(GtkWindow **) data = search.found;
  return TRUE;
}

/* In the open export dialog: Save To chosen through the chooser, which
 * must start in FOLDER, NAME typed there, for PATH; Export pressed, the
 * report closed. */
static void
export_to (Fixture           *fixture,
           GlossExportDialog *dialog,
           const char        *folder,
           const char        *name,
           const char        *path)
{
  g_autofree char *shown = NULL;
  GtkWindow *finished = NULL;

  click_shown_label (GTK_WIDGET (dialog), "Choose…");
  type_into_chooser ("Export To", folder, name, GTK_WINDOW (dialog));
  /* What the person reads before pressing Export. */
  shown = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (
    gtk_widget_get_ancestor (find_shown_label (GTK_WIDGET (dialog), "Save To", TRUE),
                             ADW_TYPE_ACTION_ROW))));
  g_assert_cmpstr (shown, ==, path);

  click_shown_label (GTK_WIDGET (dialog), "Export");
  gloss_test_input_wait_until (is_export_finished, &finished, "the export's report");
  gloss_test_input_present (finished);
  g_object_ref (finished);
  click_shown_label (GTK_WIDGET (finished), "Close");
  wait_for_window_closed (finished, GTK_WINDOW (fixture->window));
}

/* Ctrl+E, the dialog found and given the keyboard. */
static GlossExportDialog *
open_export_dialog (Fixture *fixture)
{
  fixture_key (fixture, GDK_KEY_e, GDK_CONTROL_MASK);
  return GLOSS_EXPORT_DIALOG (wait_for_window (GLOSS_TYPE_EXPORT_DIALOG, NULL));
}

/* The Format choice opened with the pointer, FORMAT picked with the
 * pointer, or with the arrow keys and Enter when BY_KEYS. */
static void
pick_format (GlossExportDialog *dialog,
             const char        *format,
             gboolean           by_keys)
{
  GtkWidget *row = gloss_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  GtkPopover *popover;

  gloss_test_input_click_widget (row);
  popover = wait_for_popover (row, GTK_TYPE_POPOVER);
  if (by_keys)
    {
      /* As a person does: the arrow keys until the highlighted row reads
       * the format, then Enter. */
      const char *title = _(format_named (format)->title);
      guint key = GDK_KEY_Down;
      char *last = NULL;

      for (guint i = 0; i < 40; i++)
        {
          GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
          GtkWidget *label = focus != NULL ? gloss_test_find_widget (focus, GTK_TYPE_LABEL) : NULL;
          const char *text = label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "";

          if (g_str_equal (text, title))
            break;
          /* At the end of the list: back the other way. */
          if (last != NULL && g_str_equal (last, text))
            key = GDK_KEY_Up;
          g_free (last);
          last = g_strdup (text);
          gloss_test_input_key (GTK_WIDGET (popover), key, 0);
        }
      g_free (last);
      gloss_test_input_key (GTK_WIDGET (popover), GDK_KEY_Return, 0);
    }
  else
    click_shown_label (GTK_WIDGET (popover), _(format_named (format)->title));
  wait_for_closed (popover);
  g_assert_cmpstr (gloss_export_dialog_get_format (dialog), ==, format);
}

/* The UTF-16 offset of code point OFFSET in TEXT. */
static glong
utf16_offset (const char *text,
              gint64      offset)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, g_utf8_offset_to_pointer (text, offset) - text,
                                                 NULL, &n, NULL);

  return n;
}

/* The doccano file at PATH holds the document and every one of its spans
 * as the project has them. */
static void
assert_doccano_matches (Fixture    *fixture,
                        const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *text = stored_text (fixture->path, fixture->document_id, 0, -1);
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, fixture->document_id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *record = NULL;
  JsonArray *entities;
  JsonArray *labels;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && record == NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                    "text"), text) == 0)
        record = json_node_get_object (json_parser_get_root (parser));
    }
  g_assert_nonnull (record);
  /* A project with relation labels (the default one has them) is written
   * in doccano's form with relations: "entities" for "label". */
  entities = json_object_has_member (record, "entities")
             ? json_object_get_array_member (record, "entities") : NULL;
  labels = entities != NULL ? entities : json_object_get_array_member (record, "label");
  g_assert_nonnull (labels);
  g_assert_cmpuint (spans->len, >, 0);
  g_assert_cmpuint (json_array_get_length (labels), ==, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];
      glong start = utf16_offset (text, span->start);
      glong end = utf16_offset (text, span->end);
      guint found = 0;

      for (guint j = 0; j < json_array_get_length (labels); j++)
        {
          if (entities != NULL)
            {
              JsonObject *entity = json_array_get_object_element (labels, j);

              if (json_object_get_int_member (entity, "start_offset") == start &&
                  json_object_get_int_member (entity, "end_offset") == end &&
                  g_str_equal (json_object_get_string_member (entity, "label"), span->label))
                found++;
            }
          else
            {
              JsonArray *entry = json_array_get_array_element (labels, j);

              if (json_array_get_int_element (entry, 0) == start &&
                  json_array_get_int_element (entry, 1) == end &&
                  g_str_equal (json_array_get_string_element (entry, 2), span->label))
                found++;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

/* The brat folder at DIR holds the document's text and every one of its
 * spans as the project has them. */
static void
assert_brat_matches (Fixture    *fixture,
                     const char *dir)
{
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, fixture->document_id);
  g_autofree char *text = stored_text (fixture->path, fixture->document_id, 0, -1);
  g_autofree char *conf = g_build_filename (dir, "annotation.conf", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *ann = NULL;
  const char *name;

  g_assert_nonnull (listing);
  g_assert_true (g_file_test (conf, G_FILE_TEST_IS_REGULAR));
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      {
        g_autofree char *txt_path = g_build_filename (dir, name, NULL);
        g_autofree char *base = g_strndup (name, strlen (name) - 4);
        g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (txt_path, &contents, NULL, NULL));
        if (g_str_equal (contents, text))
          {
            g_autofree char *ann_path = g_build_filename (dir, ann_name, NULL);

            g_assert_true (g_file_get_contents (ann_path, &ann, NULL, NULL));
          }
      }
  g_assert_nonnull (ann);

  g_assert_cmpuint (spans->len, >, 0);
  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];
      g_autofree char *piece = g_utf8_substring (text, span->start, span->end);
      g_autofree char *line = g_strdup_printf (" %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\t%s\n",
                                               span->start, span->end, piece);

      g_assert_nonnull (strstr (ann, line));
    }
}

/* Ctrl+E, doccano picked with the pointer, the file named in the chooser,
 * Export: the file holds the project's spans. A second Ctrl+E starts in
 * that folder and format; brat picked with the keys, exported there. */
static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *doccano = NULL;
  g_autofree char *brat = NULL;
  g_autofree char *chooser_dir = NULL;
  GlossExportDialog *dialog;

  if (run_in_subprocess ())
    return;

  /* The first export is proposed in the home folder (there is no
   * Documents folder); it goes into a folder of its own there. */
  dir = g_build_filename (g_get_home_dir (), "exports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  doccano = g_build_filename (dir, "factions.doccano.jsonl", NULL);
  brat = g_build_filename (dir, "factions-brat", NULL);

  /* A span of this run, to be sure the export reads the project now. */
  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_2, 0);

  dialog = open_export_dialog (fixture);
  pick_format (dialog, "doccano", TRUE);
  export_to (fixture, dialog, g_get_home_dir (), "exports/factions.doccano.jsonl", doccano);
  assert_doccano_matches (fixture, doccano);
  g_assert_cmpuint (count_stored (fixture, fixture_find_phrase (fixture, "Velayati"),
                                  fixture_phrase_end (fixture, "Velayati"), "Hardline camp"), ==, 1);

  /* The next export starts where this one went, in its format. */
  dialog = open_export_dialog (fixture);
  g_assert_cmpstr (gloss_export_dialog_get_format (dialog), ==, "doccano");
  g_assert_nonnull (find_shown_label (GTK_WIDGET (dialog), _(format_named ("doccano")->title),
                                      TRUE));
  {
    g_autofree char *proposed = g_path_get_dirname (gloss_export_dialog_get_path (dialog));

    g_assert_cmpstr (proposed, ==, dir);
  }
  pick_format (dialog, "brat", TRUE);
  {
    g_autofree char *proposed = g_path_get_dirname (gloss_export_dialog_get_path (dialog));

    g_assert_cmpstr (proposed, ==, dir);
  }
  export_to (fixture, dialog, dir, "factions-brat", brat);
  assert_brat_matches (fixture, brat);

  gloss_test_remove_tree (dir);
}

/* FORMAT picked with the pointer in the Format list as a hand does it:
 * the button let go after the list has taken the press and closed. */
static void
pick_format_by_hand (GlossExportDialog *dialog,
                     const char        *format)
{
  Display *display = gloss_test_input_display ();
  GtkWidget *row = gloss_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  GtkWidget *label;
  GtkPopover *popover;

  gloss_test_input_click_widget (row);
  popover = wait_for_popover (row, GTK_TYPE_POPOVER);
  label = find_shown_label (GTK_WIDGET (popover), _(format_named (format)->title), TRUE);
  g_assert_nonnull (label);
  gloss_test_input_hover (label, gtk_widget_get_width (label) / 2.0,
                          gtk_widget_get_height (label) / 2.0);
  XTestFakeButtonEvent (display, GDK_BUTTON_PRIMARY, True, CurrentTime);
  XFlush (display);
  gloss_test_input_settle (GTK_WIDGET (dialog));
  XTestFakeButtonEvent (display, GDK_BUTTON_PRIMARY, False, CurrentTime);
  XFlush (display);
  wait_for_closed (popover);
  g_assert_cmpstr (gloss_export_dialog_get_format (dialog), ==, format);
}

/* Ctrl+E, doccano picked with the pointer in the Format list, then clicks
 * on what the list covered (Choose…) and on Export: none is lost to the
 * closed list, and the file is written where chosen. */
static void
test_export_format_by_pointer (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GlossExportDialog *dialog;

  if (run_in_subprocess ())
    return;

  dir = g_build_filename (g_get_home_dir (), "pointer-exports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "by-pointer.doccano.jsonl", NULL);

  dialog = open_export_dialog (fixture);
  g_assert_cmpstr (gloss_export_dialog_get_format (dialog), !=, "doccano");
  pick_format_by_hand (dialog, "doccano");
  export_to (fixture, dialog, NULL, "pointer-exports/by-pointer.doccano.jsonl", path);
  assert_doccano_matches (fixture, path);

  gloss_test_remove_tree (dir);
}

/* ---- New and opened projects ---- */

/* The project window, other than the fixture's, whose project is at PATH. */
typedef struct
{
  const char *path;
  GlossWindow *found;
} ProjectWindowSearch;

static gboolean
project_window_shown (gpointer data)
{
  ProjectWindowSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_WINDOW (window) && gtk_widget_get_mapped (window) &&
          g_strcmp0 (gloss_store_get_path (gloss_window_get_store (GLOSS_WINDOW (window))),
                     search->path) == 0)
        {
          search->found = GLOSS_WINDOW (window);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_button_labeled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

/* ACCELERATOR in the window, PATH typed into the chooser titled TITLE that
 * opens in FOLDER, Return once its ACCEPT button takes it; waits for the
 * window of the project at PATH and gives it the keyboard. */
static Fixture
open_project_by_hand (Fixture    *fixture,
                      const char *accelerator,
                      const char *title,
                      const char *accept,
                      const char *folder,
                      const char *path)
{
  GtkWidget *chooser;
  GtkWidget *button;
  ProjectWindowSearch search = { path, NULL };
  Fixture opened = { 0 };
  g_autoptr(GFile) shown = NULL;
  g_autofree char *shown_path = NULL;

  gloss_test_input_accel (GTK_WIDGET (fixture->window), accelerator);
  chooser = GTK_WIDGET (wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG, title));
  gloss_test_input_present (GTK_WINDOW (chooser));
  shown = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  shown_path = shown != NULL ? g_file_get_path (shown) : NULL;
  g_assert_cmpstr (shown_path, ==, folder);

  gloss_test_input_key (chooser, GDK_KEY_l, GDK_CONTROL_MASK);
  gloss_test_input_key (chooser, GDK_KEY_a, GDK_CONTROL_MASK);
  gloss_test_input_type (chooser, path);
  button = gloss_test_find_widget_where (chooser, is_button_labeled, accept);
  g_assert_nonnull (button);
  gloss_test_input_wait_until (is_sensitive, button, "the chooser to take the location");
  gloss_test_input_key (chooser, GDK_KEY_Return, 0);

  gloss_test_input_wait_until (project_window_shown, &search, path);
  opened.window = search.found;
  opened.store = g_object_ref (gloss_window_get_store (search.found));
  opened.view = gloss_window_get_document_view (search.found);
  opened.text_view = GTK_TEXT_VIEW (opened.view);
  opened.path = g_strdup (path);
  gtk_window_set_default_size (GTK_WINDOW (opened.window), 1200, 760);
  gloss_test_input_present (GTK_WINDOW (opened.window));
  return opened;
}

static gboolean
has_document_open (gpointer data)
{
  return gloss_document_view_get_document_id (data) != 0;
}

/* In OPENED, the document holding "Geneva" open: a drag over "Geneva" and
 * the key 1 label it, in the file at OPENED's path, read by a connection
 * of its own. */
static void
label_geneva (Fixture *opened)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  ids = gloss_store_list_document_ids (opened->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  opened->document_id = g_array_index (ids, gint64, 0);
  gloss_test_wait_until (has_document_open, opened->view, "the document to open");
  g_assert_cmpint (gloss_document_view_get_document_id (opened->view), ==, opened->document_id);

  start = fixture_find_phrase (opened, "Geneva");
  end = fixture_phrase_end (opened, "Geneva");
  fixture_drag_over (opened, "Geneva");
  fixture_key (opened, GDK_KEY_1, 0);
  g_assert_cmpuint (count_stored (opened, start, end, "Reformist camp"), ==, 1);
}

/* Ctrl+N, the new project's path typed into GTK's chooser (which opens at
 * home, from the default project): a window on a new project file there,
 * and a span labeled in it lands in that file, not in the default
 * project. */
static void
test_new_project (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  guint n_default;
  Fixture opened;

  if (run_in_subprocess ())
    return;

  dir = g_build_filename (g_get_home_dir (), "new-projects", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "talks.gloss", NULL);
  n_default = count_all_stored (fixture);

  opened = open_project_by_hand (fixture, "<Control>n", "New Project", "_Create",
                                 g_get_home_dir (), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (opened.window != fixture->window);

  /* A new project is empty: a label and a document are added as the
   * label editor and an import would. */
  g_clear_object (&label);
  label = gloss_store_add_label (opened.store, "Reformist camp", "#3584e4", "1", "", &error);
  g_assert_no_error (error);
  gloss_store_add_document (opened.store, "talks.txt",
                            "Delegations met in Geneva to discuss the corridor.\n", "talks.txt",
                            &error);
  g_assert_no_error (error);
  label_geneva (&opened);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_default);

  gtk_window_destroy (GTK_WINDOW (opened.window));
  g_clear_object (&opened.store);
  g_free (opened.path);
  gloss_test_remove_tree (dir);
}

/* Ctrl+O, a project made beforehand typed into GTK's chooser (which opens
 * at home, from the default project): a window on that project, and a
 * span labeled in it lands in that file. */
static void
test_open_project (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n_default;
  Fixture opened;

  if (run_in_subprocess ())
    return;

  dir = g_build_filename (g_get_home_dir (), "open-projects", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "briefings.gloss", NULL);
  {
    g_autoptr(GlossStore) store = gloss_store_create (path, NULL, NULL, &error);
    g_autoptr(GlossLabel) label = NULL;

    g_assert_no_error (error);
    label = gloss_store_add_label (store, "Reformist camp", "#3584e4", "1", "", &error);
    g_assert_no_error (error);
    gloss_store_add_document (store, "talks.txt",
                              "Delegations met in Geneva to discuss the corridor.\n", "talks.txt",
                              &error);
    g_assert_no_error (error);
  }
  n_default = count_all_stored (fixture);

  opened = open_project_by_hand (fixture, "<Control>o", "Open Project", "_Open",
                                 g_get_home_dir (), path);
  g_assert_true (opened.window != fixture->window);
  label_geneva (&opened);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_default);

  gtk_window_destroy (GTK_WINDOW (opened.window));
  g_clear_object (&opened.store);
  g_free (opened.path);
  gloss_test_remove_tree (dir);
}

/* ---- Preferences ---- */

/* Ctrl+, the name typed into its field, the window closed; a drag and a
 * key then make a span that the project records as the person's. */
static void
test_preferences_annotator (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWindow *preferences;
  GtkWidget *field;
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  g_autofree char *sql = NULL;
  g_autofree char *annotator = NULL;

  fixture_key (fixture, GDK_KEY_comma, GDK_CONTROL_MASK);
  preferences = wait_for_window (GLOSS_TYPE_PREFERENCES_WINDOW, NULL);
  field = gloss_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (field);
  gloss_test_input_click_widget (field);
  gloss_test_input_type (GTK_WIDGET (preferences), "Maryam Karimi");
  click_close_button (preferences, GTK_WINDOW (fixture->window));

  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_2, 0);

  sql = g_strdup_printf ("SELECT annotator FROM spans WHERE document = %" G_GINT64_FORMAT
                         " AND start = %" G_GINT64_FORMAT " AND end = %" G_GINT64_FORMAT,
                         fixture->document_id, start, end);
  annotator = read_stored_value (fixture->path, sql, NULL);
  g_assert_cmpstr (annotator, ==, "Maryam Karimi");
}

/* ---- Project search ---- */

static gint64
add_document (Fixture    *fixture,
              const char *name,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_add_document (fixture->store, name, text, name, &error);

  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  return id;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
  GtkWidget *found;
} ShownSearch;

static gboolean
shown_search_done (gpointer data)
{
  ShownSearch *search = data;

  search->found = find_shown_label (search->root, search->text, FALSE);
  return search->found != NULL;
}

/* The search for all of the typed phrase done, its match on screen. */
static gboolean
search_settled (gpointer data)
{
  ShownSearch *search = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (search->root));
  gboolean busy;

  g_object_get (window, "busy", &busy, NULL);
  return !busy && shown_search_done (data);
}

static gboolean
is_document_open (gpointer data)
{
  gpointer *args = data;

  return gloss_document_view_get_document_id (args[0]) == *(gint64 *) args[1];
}

/* Ctrl+Shift+F, a phrase typed, the match picked with the pointer (or
 * with Down and Enter when USER_DATA): its document opens with the match
 * selected, and a label key labels it. */
static void
test_project_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *text = "The spokesman in Baku rejected the proposal outright.";
  gint64 other = add_document (fixture, "baku-statement.txt", text);
  gint64 start = g_utf8_pointer_to_offset (text, strstr (text, "rejected"));
  gint64 end = start + strlen ("rejected");
  GtkWindow *search;
  GtkTextIter from, to;
  gpointer args[] = { fixture->view, &other };
  g_autoptr(GPtrArray) spans = NULL;

  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, fixture->document_id);
  fixture_key (fixture, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  search = wait_for_window (GLOSS_TYPE_PROJECT_SEARCH, NULL);
  gloss_test_input_type (GTK_WIDGET (search), "rejected");
  {
    ShownSearch shown = { GTK_WIDGET (search), "rejected", NULL };
    GtkWidget *list = gloss_test_find_widget (GTK_WIDGET (search), GTK_TYPE_LIST_VIEW);

    shown.root = list;
    gloss_test_input_wait_until (search_settled, &shown, "a result");
    gloss_test_input_settle (list);
    if (user_data != NULL)
      {
        gloss_test_input_key (GTK_WIDGET (search), GDK_KEY_Down, 0);
        g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (search)), list));
        gloss_test_input_key (GTK_WIDGET (search), GDK_KEY_Return, 0);
      }
    else
      gloss_test_input_click_widget (shown.found);
  }
  gloss_test_input_wait_until (is_document_open, args, "the document to open");
  /* The window presents itself, the search staying open beside it for
   * the next pick: a window manager gives it the keyboard. */
  gloss_test_input_present (GTK_WINDOW (fixture->window));

  gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (fixture->text_view), &from, &to);
  {
    g_autofree char *selected = gtk_text_iter_get_text (&from, &to);

    g_assert_cmpstr (selected, ==, "rejected");
  }
  fixture_key (fixture, GDK_KEY_4, 0);

  spans = read_stored_spans (fixture->path, other);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (((StoredSpan *) spans->pdata[0])->start, ==, start);
  g_assert_cmpint (((StoredSpan *) spans->pdata[0])->end, ==, end);
  g_assert_cmpstr (((StoredSpan *) spans->pdata[0])->label, ==, "Foreign government");
}

typedef struct
{
  GtkWindow *search;
  char *searched;   /* the entry's text when it last asked for a search */
} TypedSearch;

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      TypedSearch    *typed)
{
  g_free (typed->searched);
  typed->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The search for "Velay", the whole of what was typed, is done. */
static gboolean
velay_searched (gpointer data)
{
  TypedSearch *typed = data;

  return g_strcmp0 (typed->searched, "Velay") == 0 &&
         !gloss_project_search_is_busy (GLOSS_PROJECT_SEARCH (typed->search));
}

/* Whole Words turned on in the find bar (Alt+W) holds for the find bar
 * only: Search Project still finds "Velayati" by its start, as README.md
 * says it does. */
static void
test_project_search_own_options (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GlossSearchBar *bar = fixture_child (fixture, "search_bar");
  TypedSearch typed = { NULL, NULL };
  GtkWidget *entry;
  GListModel *results;
  gboolean whole_words = TRUE;
  guint found = 0;

  fixture_click (fixture, 0);
  fixture_open_find (fixture);
  g_assert_true (gloss_search_bar_is_open (bar));
  fixture_key (fixture, GDK_KEY_w, GDK_ALT_MASK);
  g_assert_cmpint (gloss_search_bar_get_flags (bar), ==, GLOSS_SEARCH_WHOLE_WORD);

  fixture_key (fixture, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  typed.search = wait_for_window (GLOSS_TYPE_PROJECT_SEARCH, NULL);
  entry = gloss_test_find_widget (GTK_WIDGET (typed.search), GTK_TYPE_SEARCH_ENTRY);
  g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &typed);
  gloss_test_input_type (GTK_WIDGET (typed.search), "Velay");
  gloss_test_input_wait_until (velay_searched, &typed, "the search for “Velay”");
  g_signal_handlers_disconnect_by_data (entry, &typed);

  results = gloss_project_search_get_results (GLOSS_PROJECT_SEARCH (typed.search));
  g_test_message ("“Velay”: %u results", g_list_model_get_n_items (results));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(GlossSearchHit) hit = g_list_model_get_item (results, i);
      const GlossSearchResult *result = gloss_search_hit_get_result (hit);
      g_autofree char *word = stored_text (fixture->path, result->document_id, result->start,
                                           result->start + 8);

      g_assert_cmpint (g_ascii_strcasecmp (result->match, "Velay"), ==, 0);
      if (g_str_equal (word, "Velayati"))
        found++;
    }
  g_assert_cmpuint (found, >, 0);
  /* Search Project's own toggle is off; the find bar keeps its choice. */
  g_object_get (typed.search, "whole-words", &whole_words, NULL);
  g_assert_false (whole_words);
  g_assert_cmpint (gloss_search_bar_get_flags (bar), ==, GLOSS_SEARCH_WHOLE_WORD);
  g_free (typed.searched);
}

/* ---- Documents ---- */

static char *
stored_document_field (Fixture    *fixture,
                       const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM documents WHERE id = %" G_GINT64_FORMAT,
                                          column, fixture->document_id);

  return read_stored_value (fixture->path, sql, NULL);
}

/* Ctrl+D and the Done button mark the document done and back; F2 renames
 * it by typing. */
static void
test_document_status_and_name (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkWidget *done = fixture_child (fixture, "done_button");
  GtkWindow *dialog;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;

  fixture_click (fixture, 5);
  fixture_key (fixture, GDK_KEY_d, GDK_CONTROL_MASK);
  status = stored_document_field (fixture, "status");
  g_assert_cmpstr (status, ==, "done");
  g_clear_pointer (&status, g_free);

  gloss_test_input_click_widget (done);
  status = stored_document_field (fixture, "status");
  g_assert_cmpstr (status, ==, "in-progress");
  g_clear_pointer (&status, g_free);
  gloss_test_input_click_widget (done);
  status = stored_document_field (fixture, "status");
  g_assert_cmpstr (status, ==, "done");

  fixture_click (fixture, 5);
  fixture_key (fixture, GDK_KEY_F2, 0);
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, NULL);
  gloss_test_input_key (GTK_WIDGET (dialog), GDK_KEY_a, GDK_CONTROL_MASK);
  gloss_test_input_type (GTK_WIDGET (dialog), "Zangezur briefing");
  g_object_ref (dialog);
  gloss_test_input_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  wait_for_window_closed (dialog, GTK_WINDOW (fixture->window));
  name = stored_document_field (fixture, "name");
  g_assert_cmpstr (name, ==, "Zangezur briefing");
}

static gboolean
is_document_count (gpointer data)
{
  gpointer *args = data;
  g_autofree char *n = read_stored_value (args[0], "SELECT count(*) FROM documents", NULL);

  return g_str_equal (n, args[1]);
}

/* The document menu's Delete removes the document; the toast's Undo (and,
 * after a second delete, Ctrl+Z) brings it back with its spans, open. */
static void
test_delete_document_undo (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *menu_button = fixture_child (fixture, "document_menu_button");
  g_autoptr(GPtrArray) before = read_stored_spans (fixture->path, fixture->document_id);
  g_autoptr(GPtrArray) after = NULL;
  gpointer none[] = { fixture->path, "0" };
  gpointer one[] = { fixture->path, "1" };
  GtkPopover *menu;

  g_assert_cmpuint (before->len, >, 0);
  for (guint round = 0; round < 2; round++)
    {
      gloss_test_input_click_widget (menu_button);
      menu = wait_for_popover (menu_button, GTK_TYPE_POPOVER_MENU);
      click_shown_label (GTK_WIDGET (menu), "Delete");
      gloss_test_input_wait_until (is_document_count, none, "the document to be deleted");
      if (round == 0)
        {
          ShownSearch undo = { fixture_child (fixture, "toast_overlay"), "Undo", NULL };

          GlossTestInputStill still = { NULL, FALSE, 0, 0 };

          gloss_test_input_wait_until (shown_search_done, &undo, "the toast's Undo");
          /* Up from the bottom edge, the toast slides in. */
          still.widget = undo.found;
          gloss_test_input_wait_until (gloss_test_input_is_still, &still,
                                       "the toast to stay in place");
          gloss_test_input_click_widget (undo.found);
        }
      else
        {
          gloss_test_input_present (GTK_WINDOW (fixture->window));
          fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
        }
      gloss_test_input_wait_until (is_document_count, one, "the document to come back");

      after = read_stored_spans (fixture->path, fixture->document_id);
      g_assert_cmpuint (after->len, ==, before->len);
      for (guint i = 0; i < before->len; i++)
        {
          StoredSpan *a = before->pdata[i];
          StoredSpan *b = after->pdata[i];

          g_assert_cmpint (a->start, ==, b->start);
          g_assert_cmpint (a->end, ==, b->end);
          g_assert_cmpstr (a->label, ==, b->label);
        }
      g_clear_pointer (&after, g_ptr_array_unref);
      /* Back on the screen, with its text, as it was left. */
      g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==,
                       fixture->document_id);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
    }
}

/* ---- Labels ---- */

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* Replaces what field FIELD (an entry row under ROOT named so) holds with
 * TEXT as a person does: a click into it, Ctrl+A, the text typed, Enter. */
static void
retype_field (GtkWidget  *root,
              const char *field,
              const char *text)
{
  GtkWidget *row = gloss_test_find_widget_where (root, is_named, field);

  g_assert_nonnull (row);
  gloss_test_input_click_widget (row);
  /* A click that missed (the field scrolled out of sight) would type
   * into whatever field had the keyboard before. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (row))),
                                         row));
  gloss_test_input_key (row, GDK_KEY_a, GDK_CONTROL_MASK);
  gloss_test_input_type (row, text);
  gloss_test_input_key (row, GDK_KEY_Return, 0);
}

/* Whether the whole of the New Label field shows in EDITOR. */
static gboolean
is_field_in_sight (gpointer data)
{
  GtkWidget *editor = data;
  GtkWidget *field = gloss_test_find_widget_where (editor, is_named, "new-name-row");
  GtkWidget *viewport = gtk_widget_get_ancestor (field, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (field, viewport, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

static char *
stored_label_field (Fixture    *fixture,
                    const char *column,
                    const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM labels WHERE name = ?", column);

  return read_stored_value (fixture->path, sql, name);
}

/* Ctrl+L; a label renamed and given another key by typing in its row, a
 * new label added by name, the editor closed: the project file has them,
 * and the keys label a dragged word with them. */
static void
test_label_editor (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *editor;
  GtkWidget *row;
  g_autofree char *key = NULL;
  g_autofree char *new_key = NULL;
  g_autofree char *old = NULL;

  fixture_key (fixture, GDK_KEY_l, GDK_CONTROL_MASK);
  editor = wait_for_window (GLOSS_TYPE_LABEL_EDITOR, NULL);

  /* The label's row opened, its name and key typed over. */
  click_shown_label (GTK_WIDGET (editor), "Hardline camp");
  row = gtk_widget_get_ancestor (find_shown_label (GTK_WIDGET (editor), "Hardline camp", TRUE),
                                 ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  gloss_test_input_settle (row);
  retype_field (row, "name-row", "Principlists");
  retype_field (row, "key-row", "7");
  /* The row closed again, as a person does to reach the New Label field
   * below it: opened, it pushes that field out of the window's sight. */
  click_shown_label (row, "Principlists");
  gloss_test_input_wait_until (is_field_in_sight, editor, "the New Label field in sight");

  /* A new label: its name typed, Enter; it takes the first free key,
   * the 2 given up above. */
  retype_field (GTK_WIDGET (editor), "new-name-row", "Clerical establishment");
  gloss_test_wait_for_frames ();
  g_assert_nonnull (find_shown_label (GTK_WIDGET (editor), "Clerical establishment", TRUE));
  click_close_button (editor, GTK_WINDOW (fixture->window));

  old = stored_label_field (fixture, "id", "Hardline camp");
  g_assert_null (old);
  key = stored_label_field (fixture, "hotkey", "Principlists");
  g_assert_cmpstr (key, ==, "7");
  new_key = stored_label_field (fixture, "hotkey", "Clerical establishment");
  g_assert_cmpstr (new_key, ==, "2");

  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_2, 0);
  g_assert_cmpuint (count_stored (fixture, fixture_find_phrase (fixture, "Velayati"),
                                  fixture_phrase_end (fixture, "Velayati"),
                                  "Clerical establishment"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GlossApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* No portal: GtkFileChooserNative shows GTK's own chooser. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  /* A home of its own, with no Documents folder, set before GLib reads
   * it: the export dialog proposes it first, and its chooser lists it,
   * not a crowded folder. */
  if (g_getenv ("GLOSS_TEST_PARENT_HOME") == NULL)
    {
      home = g_dir_make_tmp ("gloss-input-features-home-XXXXXX", NULL);
      g_assert_nonnull (home);
      g_setenv ("HOME", home, TRUE);
      /* The tests' subprocesses share it. */
      g_setenv ("GLOSS_TEST_PARENT_HOME", home, TRUE);
    }
  data_home = gloss_test_ui_init (&argc, &argv, "input-features");

  /* The application's accelerators (Ctrl+, Ctrl+N, Ctrl+O) and actions
   * come with its startup. */
  application = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  fixture_application = GTK_APPLICATION (application);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/features/export", NULL, test_export);
  ADD ("/gloss/input/features/export-format-by-pointer", NULL, test_export_format_by_pointer);
  ADD ("/gloss/input/features/preferences-annotator", NULL, test_preferences_annotator);
  ADD ("/gloss/input/features/project-search-pointer", NULL, test_project_search);
  ADD ("/gloss/input/features/project-search-keys", "keys", test_project_search);
  ADD ("/gloss/input/features/project-search-own-options", NULL, test_project_search_own_options);
  ADD ("/gloss/input/features/document-status-and-name", NULL, test_document_status_and_name);
  ADD ("/gloss/input/features/delete-document-undo", NULL, test_delete_document_undo);
  ADD ("/gloss/input/features/label-editor", NULL, test_label_editor);
  ADD ("/gloss/input/features/new-project", NULL, test_new_project);
  ADD ("/gloss/input/features/open-project", NULL, test_open_project);

  status = g_test_run ();
  gloss_test_remove_tree (data_home);
  if (home != NULL)
    gloss_test_remove_tree (home);

  return status;
}
