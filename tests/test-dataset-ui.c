/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Import and export through the window, as a user does them: the import
 * bar on a worker thread, the Export window, and what lands on disk and in
 * the project. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-export-dialog.h"
#include "gloss-import-bar.h"
#include "gloss-import.h"
#include "gloss-project.h"
#include "gloss-test-store.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

typedef struct
{
  char *dir;
  GlossStore *store;
  GlossWindow *window;
  GPtrArray *import_results;
  /* What the import left when it reported: texts waiting for the index,
   * and how many documents a search found among them. */
  guint waiting_at_finish;
  guint found_at_finish;
} Fixture;

static GlossImportBar *
get_import_bar (GlossWindow *window)
{
  return GLOSS_IMPORT_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), GLOSS_TYPE_WINDOW,
                                                          "import_bar"));
}

static void
on_import_finished_cb (GlossWindow *window,
                       GPtrArray   *results,
                       Fixture     *fixture)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fixture->import_results, g_ptr_array_unref);
  fixture->import_results = g_ptr_array_ref (results);

  fixture->waiting_at_finish = gloss_store_count_texts_to_index (fixture->store);
  found = gloss_store_search_project (fixture->store, "meghri", GLOSS_SEARCH_WHOLE_WORD, 0,
                                      &error);
  g_assert_no_error (error);
  fixture->found_at_finish = found->len;
}

static gboolean
is_done_indexing (gpointer data)
{
  return !gloss_import_bar_is_indexing (data);
}

/* Until WINDOW's import bar has no texts left to index. */
static void
wait_for_indexing (GlossWindow *window)
{
  gloss_test_wait_until (is_done_indexing, get_import_bar (window), "the index to catch up");
}

/* How many documents the full-text index itself has for WORD. */
static gint64
count_indexed (GlossStore *store,
               const char *word)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (gloss_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM documents_fts "
                                       "WHERE documents_fts MATCH ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-dataset-ui-XXXXXX", &error);
  path = g_build_filename (fixture->dir, "corpus.gloss", NULL);
  fixture->store = gloss_store_create (path, gloss_project_seed_sample, NULL, &error);
  g_assert_no_error (error);

  fixture->window = gloss_window_new (NULL, fixture->store);
  g_signal_connect (fixture->window, "import-finished", G_CALLBACK (on_import_finished_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* An indexing left running would write into the folder being removed. */
  gloss_import_bar_cancel (get_import_bar (fixture->window));
  wait_for_indexing (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->import_results, g_ptr_array_unref);
  gloss_test_wait_for_frames ();
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
has_import_results (gpointer data)
{
  return ((Fixture *) data)->import_results != NULL;
}

static void
wait_for_import (Fixture *fixture)
{
  gloss_test_wait_until (has_import_results, fixture, "the import to finish");
  gloss_test_wait_for_frames ();
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* One good file and one broken file: the good one is in, the broken one
 * left nothing, and the summary says which and why. */
static void
test_import_good_and_bad (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *good = write_file (fixture, "baku.gloss.jsonl",
                                      "{\"gloss\": 1, \"labels\": [{\"name\": \"Foreign government\", "
                                      "\"color\": \"#2ec27e\", \"hotkey\": \"4\", \"description\": \"\"}]}\n"
                                      "{\"name\": \"baku.txt\", \"status\": \"new\", \"text\": \"Baku 🇦🇿 said no.\", "
                                      "\"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"Foreign government\", "
                                      "\"text\": \"Baku\", \"annotator\": \"\", \"note\": \"\"}]}\n");
  g_autofree char *bad = write_file (fixture, "broken.gloss.jsonl",
                                     "{\"gloss\": 1, \"labels\": []}\n"
                                     "{\"name\": \"x.txt\", \"status\": \"new\", \"text\": \"short\", "
                                     "\"spans\": [{\"start\": 3, \"end\": 40, \"label\": \"New label\", "
                                     "\"text\": \"\", \"annotator\": \"\", \"note\": \"\"}]}\n");
  const char *paths[] = { good, bad, NULL };
  g_autoptr(GPtrArray) labels = NULL;
  GlossImportResult *result;

  gloss_window_import (fixture->window, paths);
  wait_for_import (fixture);

  g_assert_cmpuint (fixture->import_results->len, ==, 2);
  result = g_ptr_array_index (fixture->import_results, 0);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->report->documents, ==, 1);
  result = g_ptr_array_index (fixture->import_results, 1);
  g_assert_nonnull (result->error);
  g_assert_nonnull (strstr (result->error->message, "broken.gloss.jsonl"));

  /* The main connection sees the new document; the broken file's label
   * was never created. */
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 2);
  labels = gloss_store_list_labels (fixture->store, NULL);
  for (guint i = 0; i < labels->len; i++)
    g_assert_cmpstr (gloss_label_get_name (labels->pdata[i]), !=, "New label");
}

/* One file with one document and one span is told in the singular. */
static void
test_import_one (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *good = write_file (fixture, "baku.gloss.jsonl",
                                      "{\"gloss\": 1, \"labels\": [{\"name\": \"Foreign government\", "
                                      "\"color\": \"#2ec27e\", \"hotkey\": \"4\", \"description\": \"\"}]}\n"
                                      "{\"name\": \"baku.txt\", \"status\": \"new\", \"text\": \"Baku said no.\", "
                                      "\"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"Foreign government\", "
                                      "\"text\": \"Baku\", \"annotator\": \"\", \"note\": \"\"}]}\n");
  const char *paths[] = { good, NULL };
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;

  gloss_window_import (fixture->window, paths);
  wait_for_import (fixture);

  summary = gloss_import_bar_describe_results (fixture->store, fixture->import_results, &heading);
  g_assert_null (heading);
  g_assert_cmpstr (summary, ==, "Imported 1 document and 1 span from 1 file.");
}

/* A folder goes in as one piece: the bar tells how many files it holds and
 * pulses, instead of "Importing 1 of 1: notes" over an empty bar. */
static void
test_import_folder_progress (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "notes", NULL);
  g_autofree char *text = NULL;
  gboolean pulse = FALSE;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("notes/memo-%u.txt", i);
      g_autofree char *path = write_file (fixture, name, "A memo.");
    }

  text = gloss_import_bar_describe_progress (0, 1, folder, &pulse);
  g_assert_cmpstr (text, ==, "Importing the folder “notes”: 3 files");
  g_assert_true (pulse);
  g_clear_pointer (&text, g_free);

  text = gloss_import_bar_describe_progress (1, 2, folder, &pulse);
  g_assert_cmpstr (text, ==, "Importing 2 of 2: the folder “notes”, 3 files");
  g_assert_true (pulse);
  g_clear_pointer (&text, g_free);

  /* A file: its place among the files, and a bar that fills. */
  {
    g_autofree char *file = write_file (fixture, "one.txt", "One.");

    text = gloss_import_bar_describe_progress (0, 2, file, &pulse);
    g_assert_cmpstr (text, ==, "Importing 1 of 2: one.txt");
    g_assert_false (pulse);
  }
}

/* Plain text as people have it: UTF-16 with a BOM, HTML, and a file that
 * is not text at all, which is refused with the byte where it breaks. */
static void
test_import_text_files (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const guint8 utf16[] = { 0xFF, 0xFE, 'B', 0, 'a', 0, 'k', 0, 'u', 0, ' ', 0,
                                  0x3C, 0xD8, 0xE6, 0xDD, 0x3C, 0xD8, 0xFF, 0xDD };
  g_autofree char *utf16_path = g_build_filename (fixture->dir, "baku.txt", NULL);
  g_autofree char *html = write_file (fixture, "note.html",
                                      "<html><head><title>x</title><script>var a;</script></head>"
                                      "<body><p>Velayati &amp; the <b>IRGC</b></p></body></html>");
  g_autofree char *bad_path = g_build_filename (fixture->dir, "latin1.txt", NULL);
  const char *paths[] = { utf16_path, html, bad_path, NULL };
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  GlossImportResult *result;

  g_file_set_contents (utf16_path, (const char *) utf16, sizeof utf16, NULL);
  g_file_set_contents (bad_path, "Caf\xe9 in Baku", -1, NULL);

  gloss_window_import (fixture->window, paths);
  wait_for_import (fixture);

  g_assert_no_error (((GlossImportResult *) fixture->import_results->pdata[0])->error);
  g_assert_no_error (((GlossImportResult *) fixture->import_results->pdata[1])->error);
  result = g_ptr_array_index (fixture->import_results, 2);
  g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_nonnull (strstr (result->error->message, "latin1.txt"));
  g_assert_nonnull (strstr (result->error->message, "byte 3"));

  ids = gloss_store_list_document_ids (fixture->store, NULL);
  g_assert_cmpuint (ids->len, ==, 3);
  text = gloss_store_load_text (fixture->store, g_array_index (ids, gint64, 1), NULL);
  g_assert_cmpstr (text, ==, "Baku 🇦🇿");
  g_clear_pointer (&text, g_free);
  text = gloss_store_load_text (fixture->store, g_array_index (ids, gint64, 2), NULL);
  g_assert_cmpstr (text, ==, "Velayati & the IRGC");
}

/* Cancel stops before the next file: every file reported is in whole, and
 * none of the others is in at all. */
static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GlossImportBar *bar = GLOSS_IMPORT_BAR (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                         GLOSS_TYPE_WINDOW,
                                                                         "import_bar"));
  guint before = gloss_store_count_documents (fixture->store);

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u on the corridor — “Baku” 🇦🇿.", i);

      g_ptr_array_add (paths, write_file (fixture, name, text));
    }
  g_ptr_array_add (paths, NULL);

  gloss_window_import (fixture->window, (const char * const *) paths->pdata);
  g_assert_true (gloss_import_bar_is_running (bar));
  gloss_import_bar_cancel (bar);
  wait_for_import (fixture);

  g_assert_false (gloss_import_bar_is_running (bar));
  g_assert_cmpuint (fixture->import_results->len, <=, 400);
  for (guint i = 0; i < fixture->import_results->len; i++)
    g_assert_no_error (((GlossImportResult *) fixture->import_results->pdata[i])->error);
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==,
                    before + fixture->import_results->len);
}

/* The message dialog the window shows, if any. */
static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Another program holds the project while the window imports: the window
 * says once that the project is in use and that none of the files is in
 * (not one line per file, and nothing about what was imported), every
 * result agrees, and no indexing starts against the lock. */
static void
test_import_project_in_use (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GlossImportBar *bar = get_import_bar (fixture->window);
  guint before = gloss_store_count_documents (fixture->store);
  AdwMessageDialog *dialog;
  const char *body;
  sqlite3 *locker;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%u.txt", i);

      g_ptr_array_add (paths, write_file (fixture, name, "A note on the Meghri crossing."));
    }
  g_ptr_array_add (paths, NULL);

  g_assert_cmpint (sqlite3_open_v2 (gloss_store_get_path (fixture->store), &locker,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  gloss_window_import (fixture->window, (const char * const *) paths->pdata);
  wait_for_import (fixture);
  sqlite3_close (locker);

  g_assert_cmpuint (fixture->import_results->len, ==, 5);
  for (guint i = 0; i < fixture->import_results->len; i++)
    g_assert_error (((GlossImportResult *) fixture->import_results->pdata[i])->error,
                    GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY);
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, before);
  g_assert_false (gloss_import_bar_is_indexing (bar));

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Import Stopped");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "The project “"));
  g_assert_nonnull (strstr (body, "corpus.gloss” is in use by another program: "
                                  "0 of 5 files imported;"));
  g_assert_null (strstr (body, "Imported"));
  g_assert_null (strstr (body, "•"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The window's import reports the files with their texts still waiting
 * for the search index, and search finds them; then it indexes them in
 * the background ("Preparing search…"), and none waits any more. */
static void
test_import_then_index (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportBar *bar = get_import_bar (fixture->window);
  guint notified = 0;

  g_signal_connect (bar, "notify::indexing", G_CALLBACK (count_notify_cb), &notified);
  for (guint i = 0; i < 450; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u on the Meghri crossing.", i);

      g_ptr_array_add (paths, write_file (fixture, name, text));
    }
  g_ptr_array_add (paths, NULL);

  gloss_window_import (fixture->window, (const char * const *) paths->pdata);
  wait_for_import (fixture);
  g_assert_cmpuint (fixture->import_results->len, ==, 450);
  g_assert_cmpuint (fixture->waiting_at_finish, ==, 450);
  g_assert_cmpuint (fixture->found_at_finish, ==, 450);

  wait_for_indexing (fixture->window);
  /* On, then off. */
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 0);
  gloss_test_assert_index_whole (gloss_store_get_path (fixture->store));
  found = gloss_store_search_project (fixture->store, "meghri", GLOSS_SEARCH_WHOLE_WORD, 0,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 450);
}

/* A project opened with texts waiting (imported from the command line, or
 * an indexing stopped) gets them indexed in the background; stopping that
 * leaves a whole index and the rest waiting, for the next opening. */
static void
test_open_indexes (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "waiting.gloss", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  GlossImportBar *bar;

  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *name = g_strdup_printf ("memo-%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Memo %u: the Zangezur corridor again.", i);

      g_ptr_array_add (paths, write_file (fixture, name, text));
    }
  g_ptr_array_add (paths, NULL);
  store = gloss_store_create (path, NULL, NULL, &error);
  g_assert_no_error (error);
  results = gloss_import_paths (store, (const char * const *) paths->pdata, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (gloss_store_count_texts_to_index (store), ==, 1200);

  /* Opened, and stopped at once. */
  window = gloss_window_new (NULL, store);
  bar = get_import_bar (window);
  g_assert_true (gloss_import_bar_is_indexing (bar));
  g_assert_false (gloss_import_bar_is_running (bar));
  gloss_import_bar_cancel (bar);
  wait_for_indexing (window);
  gloss_test_assert_index_whole (gloss_store_get_path (store));
  /* Each text either in the index or waiting, none in both. */
  g_assert_cmpint (count_indexed (store, "memo") + gloss_store_count_texts_to_index (store), ==,
                   1200);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Opened again: the rest goes in. */
  window = gloss_window_new (NULL, store);
  wait_for_indexing (window);
  g_assert_cmpuint (gloss_store_count_texts_to_index (store), ==, 0);
  g_assert_cmpint (count_indexed (store, "memo"), ==, 1200);
  gloss_test_assert_index_whole (gloss_store_get_path (store));
  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_wait_for_frames ();
}

/* The Export window writes the file; an existing file is replaced only
 * once the user says so. */
static void
test_export_window (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.labelstudio.json", NULL);
  g_autofree char *contents = NULL;
  GlossExportDialog *dialog;

  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gloss_export_dialog_set_format (dialog, "labelstudio");
  gloss_export_dialog_set_path (dialog, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  /* The window closes once the file is written, on the worker's answer. */
  gloss_test_wait_until (gloss_test_is_null, &dialog, "the Export window to close");

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "\"text\": \"Masoud Pezeshkian\""));

  /* Again, to the same file: nothing happens until Replace. */
  g_file_set_contents (path, "keep me", -1, NULL);
  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gloss_export_dialog_set_format (dialog, "labelstudio");
  gloss_export_dialog_set_path (dialog, path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL);
  gloss_test_wait_for_frames ();
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "keep me");

  gloss_export_dialog_export (dialog, TRUE);
  gloss_test_wait_until (gloss_test_is_null, &dialog, "the Export window to close");
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "Masoud Pezeshkian"));
}

/* Every row of the project at PATH, through SQLite. */
static char *
dump_project (const char *path)
{
  static const char * const queries[] = {
    "SELECT id, name, status FROM documents ORDER BY id",
    "SELECT document, text FROM document_texts ORDER BY document",
    "SELECT id, name, color, hotkey, description, position FROM labels ORDER BY id",
    "SELECT id, document, label, start, end, annotator, note FROM spans ORDER BY id",
    "PRAGMA integrity_check",
  };
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  g_assert_true (g_str_has_suffix (dump->str, "\nok|\n"));
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* The window's project, and the -shm beside it, chosen to import: each is
 * refused by name, and the window keeps its project and its locks on it. */
static void
test_import_project_itself (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *project = gloss_store_get_path (fixture->store);
  g_autofree char *shm = g_strconcat (project, "-shm", NULL);
  g_autofree char *before = dump_project (project);
  g_autofree char *after = NULL;
  const char *paths[] = { project, shm, NULL };

  for (guint as_text = 0; as_text < 2; as_text++)
    {
      g_clear_pointer (&fixture->import_results, g_ptr_array_unref);
      if (as_text)
        gloss_window_import_as (fixture->window, paths, gloss_format_lookup ("text"));
      else
        gloss_window_import (fixture->window, paths);
      wait_for_import (fixture);

      g_assert_cmpuint (fixture->import_results->len, ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          GlossImportResult *result = g_ptr_array_index (fixture->import_results, i);
          g_autofree char *named = g_strdup_printf ("“%s” is ", paths[i]);

          g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT);
          g_assert_true (g_str_has_prefix (result->error->message, named));
        }
      g_assert_true (gloss_test_process_holds_lock (project));
      g_assert_true (gloss_test_process_holds_lock (shm));
    }

  after = dump_project (project);
  g_assert_cmpstr (after, ==, before);
}

/* Whether a label under WIDGET shows TEXT. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The Export window aimed at the project's own file says at once that it
 * cannot be, instead of asking whether to replace it; told to replace it
 * all the same, it does not. */
static void
test_export_project_itself (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *project = gloss_store_get_path (fixture->store);
  g_autofree char *shm = g_strconcat (project, "-shm", NULL);
  g_autofree char *before = dump_project (project);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strdup_printf ("“%s” is the project “%s”, which is open: an "
                                               "export never replaces a project; choose another "
                                               "name",
                                               project, project);
  GlossExportDialog *dialog;

  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gloss_export_dialog_set_format (dialog, "gloss");
  gloss_export_dialog_set_path (dialog, project);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  gloss_test_wait_for_frames ();

  g_assert_null (find_message_dialog ());
  g_assert_true (shows_text (GTK_WIDGET (dialog), expected));

  /* As if the user had said Replace. */
  gloss_export_dialog_export (dialog, TRUE);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  gloss_test_wait_for_frames ();
  g_assert_nonnull (dialog);

  g_assert_true (gloss_test_process_holds_lock (project));
  g_assert_true (gloss_test_process_holds_lock (shm));
  after = dump_project (project);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Exports named as doccano and Label Studio name them (admin.jsonl,
 * project-1-at-...json) come in with no format given: their content tells
 * it, and their documents are named from what they carry. */
static void
test_import_detects_format (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *doccano = g_test_build_filename (G_TEST_DIST, "fixtures", "exports",
                                                    "admin.jsonl", NULL);
  g_autofree char *labelstudio = g_test_build_filename (G_TEST_DIST, "fixtures", "exports",
                                                        "project-1-at-2026-01-01-10-00-abcdef12.json",
                                                        NULL);
  const char *paths[] = { doccano, labelstudio, NULL };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  gloss_window_import (fixture->window, paths);
  wait_for_import (fixture);

  for (guint i = 0; i < fixture->import_results->len; i++)
    g_assert_no_error (((GlossImportResult *) fixture->import_results->pdata[i])->error);

  /* After the sample article. */
  ids = gloss_store_list_document_ids (fixture->store, NULL);
  for (guint i = 1; i < ids->len; i++)
    {
      g_autoptr(GlossDocument) document = gloss_store_get_document (fixture->store,
                                                                    g_array_index (ids, gint64, i),
                                                                    NULL);

      g_string_append_printf (names, "%s%s (%" G_GINT64_FORMAT ")", i > 1 ? ", " : "",
                              gloss_document_get_name (document),
                              gloss_document_get_span_count (document));
    }
  g_assert_cmpstr (names->str, ==,
                   "doccano-12 (1), doccano-13 (2), velayati.txt (1), Pezeshkian on Baku (1), "
                   "tasks.json #3 (1)");
}

static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}

/* Selects OPTION in the drop-down under ROOT whose first option is FIRST. */
static gboolean
pick_choice (GtkWidget  *root,
             const char *first,
             const char *option)
{
  if (GTK_IS_DROP_DOWN (root))
    {
      GListModel *options = gtk_drop_down_get_model (GTK_DROP_DOWN (root));

      if (GTK_IS_STRING_LIST (options) &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (options), 0), first) == 0)
        for (guint i = 0; i < g_list_model_get_n_items (options); i++)
          if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (options), i), option))
            {
              gtk_drop_down_set_selected (GTK_DROP_DOWN (root), i);
              return TRUE;
            }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (pick_choice (child, first, option))
      return TRUE;

  return FALSE;
}

static gboolean
chooser_has_file (GtkFileChooser *chooser,
                  GFile          *file)
{
  g_autoptr(GFile) selected = gtk_file_chooser_get_file (chooser);

  return selected != NULL && g_file_equal (selected, file);
}

/* A file whose content and name tell nothing is imported in the format
 * picked in the file chooser's Format choice. */
typedef struct
{
  GtkFileChooser *chooser;
  GFile *file;
  gint64 asked;
} ChooserFile;

/* Whether the chooser selects the file; asks it again every 2 s until it
 * does. GTK 4.8's chooser selects a file once it has read its folder, and
 * now and then, on a busy machine, forgets a file asked for while it read. */
static gboolean
chooser_selects (gpointer data)
{
  ChooserFile *wanted = data;
  gint64 now = g_get_monotonic_time ();

  if (chooser_has_file (wanted->chooser, wanted->file))
    return TRUE;
  if (now - wanted->asked > 2 * G_USEC_PER_SEC)
    {
      wanted->asked = now;
      gtk_file_chooser_set_file (wanted->chooser, wanted->file, NULL);
    }
  return FALSE;
}

static void
test_import_chosen_format (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "field-notes.data",
                                      "Velayati spoke in Tehran on Monday.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  GtkFileChooser *chooser;

  /* Told nothing, the import cannot take it. */
  gloss_window_import (fixture->window, (const char *[]) { path, NULL });
  wait_for_import (fixture);
  g_assert_error (((GlossImportResult *) fixture->import_results->pdata[0])->error,
                  GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
  g_clear_pointer (&fixture->import_results, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import", NULL);
  gloss_test_wait_for_frames ();
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "format"), ==, "automatic");

  /* As a user picks it in the choice's drop-down. */
  pick_choice (GTK_WIDGET (chooser), "Automatic", gloss_format_text.title);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "format"), ==, "text");
  g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
  g_assert_no_error (error);
  /* The chooser selects a file once it has read its folder. */
  gloss_test_wait_until (chooser_selects,
                         &(ChooserFile) { chooser, file, g_get_monotonic_time () },
                         "the file chooser to select field-notes.data");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for_import (fixture);

  g_assert_no_error (((GlossImportResult *) fixture->import_results->pdata[0])->error);
  ids = gloss_store_list_document_ids (fixture->store, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  document = gloss_store_get_document (fixture->store, g_array_index (ids, gint64, 1), NULL);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "field-notes.data");
}

/* The Export window proposes a folder a user can find (never the hidden
 * data folder of the default project), and the next export starts where
 * the last went, in its format. */
static void
test_export_proposes_and_remembers (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GlossStore) default_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "datasets", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GlossExportDialog *dialog;

  g_settings_reset (settings, "export-folder");
  g_settings_reset (settings, "export-format");

  /* A project of the user's own: beside it. */
  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  dir = g_path_get_dirname (gloss_export_dialog_get_path (dialog));
  g_assert_cmpstr (dir, ==, fixture->dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&dir, g_free);

  /* The default project lives in the data folder: Documents, or home. */
  default_store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), default_store);
  dir = g_path_get_dirname (gloss_export_dialog_get_path (dialog));
  g_assert_false (g_str_has_prefix (dir, g_get_user_data_dir ()));
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    g_assert_cmpstr (dir, ==, documents);
  else
    g_assert_cmpstr (dir, ==, g_get_home_dir ());
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&dir, g_free);
  g_clear_object (&default_store);

  /* Exported as CoNLL into a folder of its own... */
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gloss_export_dialog_set_format (dialog, "conll");
  expected = g_build_filename (out, "train.conll", NULL);
  gloss_export_dialog_set_path (dialog, expected);
  gloss_export_dialog_export (dialog, FALSE);
  gloss_test_wait_until (gloss_test_is_null, &dialog, "the Export window to close");
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));

  /* ...the next export proposes that folder and that format. */
  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  g_assert_cmpstr (gloss_export_dialog_get_format (dialog), ==, "conll");
  dir = g_path_get_dirname (gloss_export_dialog_get_path (dialog));
  g_assert_cmpstr (dir, ==, out);
  g_assert_true (g_str_has_suffix (gloss_export_dialog_get_path (dialog), ".conll"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_wait_for_frames ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "dataset-ui");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/window/import/good-and-bad", test_import_good_and_bad);
  ADD ("/gloss/window/import/one", test_import_one);
  ADD ("/gloss/window/import/folder-progress", test_import_folder_progress);
  ADD ("/gloss/window/import/text-files", test_import_text_files);
  ADD ("/gloss/window/import/cancel", test_import_cancel);
  ADD ("/gloss/window/import/then-index", test_import_then_index);
  ADD ("/gloss/window/import/open-indexes", test_open_indexes);
  ADD ("/gloss/window/import/project-in-use", test_import_project_in_use);
  ADD ("/gloss/window/import/detects-format", test_import_detects_format);
  ADD ("/gloss/window/import/chosen-format", test_import_chosen_format);
  ADD ("/gloss/window/export/replace-asks", test_export_window);
  ADD ("/gloss/window/export/proposes-and-remembers", test_export_proposes_and_remembers);
  ADD ("/gloss/window/import/project-itself", test_import_project_itself);
  ADD ("/gloss/window/export/project-itself", test_export_project_itself);

#undef ADD

  return gloss_test_ui_run (data_home);
}
