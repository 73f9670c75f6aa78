/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Imports of files that have no local path: a remote location, a document
 * portal without its file system, a URI dropped from another program. The
 * resource:// files of import-gio.gresource.xml stand for them: GIO reads
 * them, and g_file_get_path () has nothing to give. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-import.h"
#include "gloss-test-util.h"

#define RESOURCES "resource:///io/github/glossapp/Gloss/tests/import/"

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-import-gio-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "import.gloss", NULL);
  fixture->store = gloss_store_create (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The rows of SQL's result in the project file, once closed (as after a
 * restart): one line each, columns separated by "|". */
static char *
query_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (statement); i++)
        g_string_append_printf (rows, "%s%s", i > 0 ? "|" : "",
                                (const char *) sqlite3_column_text (statement, i));
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static GPtrArray *
files_new (const char *first,
           ...)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_commandline_arg (arg));
  va_end (args);

  return files;
}

static GlossImportResult *
result_at (GPtrArray *results,
           guint      i)
{
  return g_ptr_array_index (results, i);
}

/* Text, doccano JSON Lines and Label Studio JSON read through GIO: the
 * documents, spans and labels are in the project, each file's format told
 * by its content (admin.jsonl could be Gloss JSONL or doccano by name). */
static void
test_import_without_path (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) files = files_new (RESOURCES "notes.md", RESOURCES "admin.jsonl",
                                          RESOURCES "export.json", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *spans = NULL;

  g_assert_null (g_file_get_path (files->pdata[0]));

  results = gloss_import_files (fixture->store, files, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    g_assert_no_error (result_at (results, i)->error);
  g_assert_cmpstr (result_at (results, 0)->path, ==, RESOURCES "notes.md");
  g_assert_cmpstr (result_at (results, 1)->path, ==, RESOURCES "admin.jsonl");
  g_assert_cmpuint (result_at (results, 0)->report->documents, ==, 1);
  g_assert_cmpuint (result_at (results, 1)->report->spans, ==, 2);
  g_assert_cmpuint (result_at (results, 2)->report->spans, ==, 1);

  documents = query_rows (fixture, "SELECT d.name, t.text FROM documents d "
                                   "JOIN document_texts t ON t.document = d.id ORDER BY d.id");
  /* Markdown comes in as the text it reads as, as from a local file. */
  g_assert_true (g_str_has_prefix (documents, "notes.md|Notes\n"));
  g_assert_nonnull (strstr (documents, "The corridor talks resumed."));
  g_assert_nonnull (strstr (documents, "|Aliyev spoke in Baku.\n"));
  g_assert_nonnull (strstr (documents, "|Rouhani met Aliyev.\n"));

  spans = query_rows (fixture, "SELECT t.text, s.start, s.end, l.name FROM spans s "
                               "JOIN document_texts t ON t.document = s.document "
                               "JOIN labels l ON l.id = s.label ORDER BY s.id");
  g_assert_cmpstr (spans, ==,
                   "Aliyev spoke in Baku.|0|6|PER\n"
                   "Aliyev spoke in Baku.|16|20|LOC\n"
                   "Rouhani met Aliyev.|0|7|PER\n");
}

/* A file is named by what a person reads, never by its escaped URI: in
 * the result, and as its document's name. */
static void
test_import_names_unescaped (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) files = files_new (RESOURCES "field%20notes.txt", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *documents = NULL;

  results = gloss_import_files (fixture->store, files, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_no_error (result_at (results, 0)->error);
  g_assert_null (strstr (result_at (results, 0)->path, "%20"));
  g_assert_true (g_str_has_suffix (result_at (results, 0)->path, "/field notes.txt"));

  documents = query_rows (fixture, "SELECT d.name, t.text FROM documents d "
                                   "JOIN document_texts t ON t.document = d.id");
  /* The text as the file holds it, its last line break included. */
  g_assert_cmpstr (documents, ==, "field notes.txt|Field notes from Baku.\n\n");
}

/* Local files, files without a path, missing ones, a folder without a
 * path and a file of no format: each has a result, in order, and each
 * error names its file. */
static void
test_import_mixed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *local = g_build_filename (fixture->dir, "local.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *documents = NULL;
  g_auto(GStrv) lines = NULL;
  const GError *failed;

  g_file_set_contents (local, "A local text.\n", -1, &error);
  g_assert_no_error (error);
  files = files_new (local, RESOURCES "admin.jsonl", missing, RESOURCES "missing.json",
                     RESOURCES "folder", RESOURCES "data.bin", NULL);

  results = gloss_import_files (fixture->store, files, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 6);

  /* A local file goes by its path, as gloss_import_paths () takes it. */
  g_assert_no_error (result_at (results, 0)->error);
  g_assert_cmpstr (result_at (results, 0)->path, ==, local);
  g_assert_no_error (result_at (results, 1)->error);

  failed = result_at (results, 2)->error;
  g_assert_nonnull (failed);
  g_assert_nonnull (strstr (failed->message, "missing.txt"));

  failed = result_at (results, 3)->error;
  g_assert_error (failed, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
  g_assert_nonnull (strstr (failed->message, "“" RESOURCES "missing.json”"));

  failed = result_at (results, 4)->error;
  g_assert_error (failed, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (failed->message, ==,
                   "Cannot import the folder “" RESOURCES "folder”: it is not on this "
                   "computer’s file system");

  failed = result_at (results, 5)->error;
  g_assert_error (failed, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (failed->message, "“data.bin”"));

  documents = query_rows (fixture, "SELECT d.name, replace (t.text, char (10), ' ') "
                                   "FROM documents d JOIN document_texts t ON t.document = d.id "
                                   "ORDER BY d.id");
  lines = g_strsplit (documents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "local.txt|A local text. ");
  g_assert_true (g_str_has_suffix (lines[1], "|Aliyev spoke in Baku."));
  g_assert_cmpstr (lines[2], ==, "");
}

/* Cancelled before it begins: nothing is read, nothing is in. */
static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) files = files_new (RESOURCES "admin.jsonl", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *documents = NULL;

  g_cancellable_cancel (cancellable);
  results = gloss_import_files (fixture->store, files, NULL, cancellable, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 0);

  documents = query_rows (fixture, "SELECT name FROM documents");
  g_assert_cmpstr (documents, ==, "");
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/import-gio/without-path", test_import_without_path);
  add_test ("/import-gio/names-unescaped", test_import_names_unescaped);
  add_test ("/import-gio/mixed", test_import_mixed);
  add_test ("/import-gio/cancelled", test_import_cancelled);

  return g_test_run ();
}
