/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-project.h"
#include "gloss-store-private.h"
#include "gloss-test-store.h"
#include "gloss-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "analysis.gloss", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static GlossStore *
create_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_store_create (fixture->path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* A text of megabytes, over many database pages, comes back byte for byte;
 * a document that is not there is an error that says so. */
static void
test_load_text (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *missing = NULL;
  gint64 id;

  for (guint i = 0; i < 40000; i++)
    g_string_append (text, "Baku 🇦🇿 — پزشکیان می\u200cخواهد\r\n");
  id = gloss_store_add_document (store, "long.txt", text->str, NULL, &error);
  g_assert_no_error (error);

  loaded = gloss_store_load_text (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (loaded), ==, text->len);
  g_assert_true (memcmp (loaded, text->str, text->len) == 0);

  missing = gloss_store_load_text (store, id + 1, &error);
  g_assert_null (missing);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  const char *article = "Velayati 👋 vowed to block the corridor — “with or without Russia.”\r\n";
  gint64 document_id;

  label = gloss_store_add_label (store, "Hardline camp", "#e01b24", "2", "Hardliners", &error);
  g_assert_no_error (error);
  document_id = gloss_store_add_document (store, "velayati.txt", article, "/tmp/velayati.txt",
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (document_id, >, 0);
  span = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 0, 8, "Ana",
                               "quoted by Media.Az", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);

  name = gloss_store_dup_name (store);
  g_assert_cmpstr (name, ==, "analysis");

  text = gloss_store_load_text (store, document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, article);

  document = gloss_store_get_document (store, document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "velayati.txt");
  g_assert_cmpint (gloss_document_get_length (document), ==, g_utf8_strlen (article, -1));
  g_assert_cmpint (gloss_document_get_span_count (document), ==, 1);
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_IN_PROGRESS);

  labels = gloss_store_list_labels (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (gloss_label_get_name (labels->pdata[0]), ==, "Hardline camp");
  g_assert_cmpstr (gloss_label_get_color (labels->pdata[0]), ==, "#e01b24");
  g_assert_cmpstr (gloss_label_get_hotkey (labels->pdata[0]), ==, "2");
  g_assert_cmpstr (gloss_label_get_description (labels->pdata[0]), ==, "Hardliners");

  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (gloss_span_get_start (spans->pdata[0]), ==, 0);
  g_assert_cmpint (gloss_span_get_end (spans->pdata[0]), ==, 8);
  g_assert_cmpint (gloss_span_get_label_id (spans->pdata[0]), ==, gloss_label_get_id (label));
  g_assert_cmpstr (gloss_span_get_annotator (spans->pdata[0]), ==, "Ana");
  g_assert_cmpstr (gloss_span_get_note (spans->pdata[0]), ==, "quoted by Media.Az");
  g_assert_cmpstr (gloss_span_get_created (spans->pdata[0]), !=, "");
}

static void
test_delete_and_relabel (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) reformist = gloss_store_add_label (store, "Reformist camp", "#3584e4", "1", NULL, NULL);
  g_autoptr(GlossLabel) hardline = gloss_store_add_label (store, "Hardline camp", "#e01b24", "2", NULL, NULL);
  gint64 document_id = gloss_store_add_document (store, "a.txt", "Pezeshkian and Velayati", NULL, NULL);
  g_autoptr(GlossSpan) span = gloss_store_add_span (store, document_id, gloss_label_get_id (reformist),
                                                    15, 23, NULL, NULL, &error);
  g_autoptr(GlossSpan) relabeled = NULL;
  g_autoptr(GlossSpan) reread = NULL;
  g_autoptr(GlossDocument) document = NULL;

  g_assert_no_error (error);
  relabeled = gloss_store_relabel_span (store, gloss_span_get_id (span), gloss_label_get_id (hardline),
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_label_id (relabeled), ==, gloss_label_get_id (hardline));

  reread = gloss_store_get_span (store, gloss_span_get_id (span), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_label_id (reread), ==, gloss_label_get_id (hardline));

  g_assert_true (gloss_store_delete_span (store, gloss_span_get_id (span), &error));
  g_assert_no_error (error);
  g_clear_object (&reread);
  reread = gloss_store_get_span (store, gloss_span_get_id (span), &error);
  g_assert_null (reread);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = gloss_store_get_document (store, document_id, &error);
  g_assert_cmpint (gloss_document_get_span_count (document), ==, 0);

  g_assert_false (gloss_store_delete_span (store, gloss_span_get_id (span), &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
}

static void
test_invalid_spans (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = gloss_store_add_label (store, "Actor", "#3584e4", NULL, NULL, NULL);
  gint64 document_id = gloss_store_add_document (store, "short.txt", "Baku 🇦🇿", NULL, NULL);
  g_autoptr(GPtrArray) spans = NULL;
  GlossSpan *span;

  /* "Baku 🇦🇿" has 7 code points: 8 is past the end, 7 is the end. */
  span = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 5, 8, NULL, NULL, &error);
  g_assert_null (span);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "short.txt"));
  g_clear_error (&error);

  span = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 4, 2, NULL, NULL, &error);
  g_assert_null (span);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);

  span = gloss_store_add_span (store, document_id, 999, 0, 4, NULL, NULL, &error);
  g_assert_null (span);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  span = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 5, 7, NULL, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (span);

  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_cmpuint (spans->len, ==, 1);
}

static void
test_duplicate_label (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) first = gloss_store_add_label (store, "IRGC", "#ff7800", NULL, NULL, &error);
  g_autoptr(GlossLabel) second = gloss_store_add_label (store, "IRGC", "#000000", NULL, NULL, &error);

  g_assert_nonnull (first);
  g_assert_null (second);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_refused_unchanged (Fixture        *fixture,
                          int             code,
                          const char     *message_part)
{
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) project = NULL;
  guint n_files = count_files (fixture->dir);

  store = gloss_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
  g_assert_nonnull (strstr (error->message, message_part));
  g_clear_error (&error);

  /* Opening from the command line or the window takes the same path. */
  project = gloss_project_open (fixture->path, &error);
  g_assert_null (project);
  g_assert_error (error, GLOSS_STORE_ERROR, code);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
}

static void
test_refuse_text_file (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Notes on the Zangezur corridor\n", -1, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (fixture, GLOSS_STORE_ERROR_NOT_A_PROJECT, "not an SQLite database");
}

static void
test_refuse_empty_file (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (fixture, GLOSS_STORE_ERROR_NOT_A_PROJECT, "not an SQLite database");
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuse_foreign_sqlite (Fixture       *fixture,
                            gconstpointer  user_data)
{
  run_sql (fixture->path,
           "CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT);"
           "INSERT INTO documents (text) VALUES ('someone else''s data');");

  assert_refused_unchanged (fixture, GLOSS_STORE_ERROR_NOT_A_PROJECT, "another program");
}

static void
test_refuse_newer_schema (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GlossStore *store = create_store (fixture);

  g_object_unref (store);
  run_sql (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");

  assert_refused_unchanged (fixture, GLOSS_STORE_ERROR_TOO_NEW, "newer version of Gloss");
}

static void
test_project_file_header (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GBytes) bytes = NULL;
  const guchar *header;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_clear_object (&store);
  bytes = read_bytes (fixture->path);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (header + 68, 4, "GLOS", 4);
  g_assert_cmpint (header[63], ==, GLOSS_STORE_SCHEMA_VERSION);

  /* What other tools see: WAL mode, and the application id. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
failing_init (GlossStore  *store,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(GlossLabel) label = gloss_store_add_label (store, "Half", "#000000", NULL, NULL, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the seed failed");
  return FALSE;
}

/* A project is created whole or not at all. */
static void
test_create_atomic (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (fixture->path, failing_init, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

static void
test_create_exists (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossStore) first = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) second = gloss_store_create (fixture->path, NULL, NULL, &error);

  g_assert_null (second);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
}

static void
count_signal_cb (gpointer  instance,
                 gpointer  arg,
                 guint    *count)
{
  (*count)++;
}

/* Views follow the signals, so none may announce work that was undone. */
static void
test_signals_after_commit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = gloss_store_add_label (store, "Actor", "#3584e4", NULL, NULL, NULL);
  gint64 document_id = gloss_store_add_document (store, "a.txt", "Ali Akbar Velayati", NULL, NULL);
  g_autoptr(GlossSpan) kept = NULL;
  g_autoptr(GlossSpan) undone = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  guint added = 0;

  g_signal_connect (store, "span-added", G_CALLBACK (count_signal_cb), &added);

  g_assert_true (gloss_store_begin (store, &error));
  undone = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 0, 3, NULL, NULL, &error);
  g_assert_nonnull (undone);
  g_assert_cmpuint (added, ==, 0);
  gloss_store_rollback (store);
  g_assert_cmpuint (added, ==, 0);

  g_assert_true (gloss_store_begin (store, &error));
  kept = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 10, 18, NULL, NULL, &error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_true (gloss_store_commit (store, &error));
  g_assert_cmpuint (added, ==, 1);

  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (gloss_span_get_start (spans->pdata[0]), ==, 10);

  /* A file of an import that fails inside a batch: its savepoint is rolled
   * back, and nothing of it is announced at the batch's commit. */
  added = 0;
  g_assert_true (gloss_store_begin (store, &error));
  g_clear_object (&kept);
  kept = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 4, 9, NULL, NULL, &error);
  g_assert_true (gloss_store_begin (store, &error));
  g_clear_object (&undone);
  undone = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 0, 3, NULL, NULL, &error);
  gloss_store_rollback (store);
  g_assert_true (gloss_store_commit (store, &error));
  g_assert_cmpuint (added, ==, 1);
  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_cmpuint (spans->len, ==, 2);
}

static void
journal_length_cb (GlossStore *store,
                   GPtrArray  *journal,
                   guint      *length)
{
  *length = journal->len;
}

/* A call that fails inside a transaction of its caller's takes back what
 * it wrote itself, from the project, the journal and the signals, and
 * leaves what the caller wrote before it. */
static void
test_failed_call_keeps_outer_work (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = gloss_store_add_label (store, "Actor", "#3584e4", NULL, NULL, NULL);
  gint64 document_id = gloss_store_add_document (store, "a.txt", "Ali Akbar Velayati", NULL, NULL);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (GlossSearchRange));
  g_autoptr(GlossSpan) kept = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  GlossSearchRange range;
  guint added = 0;
  guint journaled = 0;

  g_signal_connect (store, "span-added", G_CALLBACK (count_signal_cb), &added);
  g_signal_connect (store, "changes-committed", G_CALLBACK (journal_length_cb), &journaled);

  g_assert_true (gloss_store_begin (store, &error));
  kept = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 0, 3, NULL, NULL,
                               &error);
  g_assert_no_error (error);

  /* The first range is written, the second is past the text's end. */
  range.start = 4;
  range.end = 9;
  g_array_append_val (ranges, range);
  range.start = 10;
  range.end = 99;
  g_array_append_val (ranges, range);
  created = gloss_store_add_spans_for_matches (store, document_id, gloss_label_get_id (label),
                                               ranges, NULL, NULL, &error);
  g_assert_null (created);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gloss_store_in_transaction (store));
  g_assert_true (gloss_store_commit (store, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (journaled, ==, 1);

  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (gloss_span_get_id (spans->pdata[0]), ==, gloss_span_get_id (kept));
}

static void
test_document_status (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  gint64 document_id = gloss_store_add_document (store, "a.txt", "Tehran", NULL, NULL);
  g_autoptr(GlossDocument) document = gloss_store_get_document (store, document_id, &error);

  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_NEW);
  g_assert_true (gloss_store_set_document_status (store, document_id, GLOSS_DOCUMENT_STATUS_DONE, &error));
  g_clear_object (&document);
  document = gloss_store_get_document (store, document_id, &error);
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_DONE);
}

static void
test_default_project (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_path = g_build_filename (fixture->dir, "gloss", "default.gloss", NULL);
  static const char *names[] = {
    "Reformist camp", "Hardline camp", "Security establishment", "Foreign government",
    "Analyst / source",
  };

  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  path = gloss_project_default_path ();
  g_assert_cmpstr (path, ==, expected_path);

  store = gloss_project_open_default (&error);
  g_assert_no_error (error);

  labels = gloss_store_list_labels (store, &error);
  g_assert_cmpuint (labels->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *hotkey = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (gloss_label_get_name (labels->pdata[i]), ==, names[i]);
      g_assert_cmpstr (gloss_label_get_hotkey (labels->pdata[i]), ==, hotkey);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (gloss_label_get_color (labels->pdata[i]), !=,
                         gloss_label_get_color (labels->pdata[j]));
    }

  ids = gloss_store_list_document_ids (store, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  text = gloss_store_load_text (store, g_array_index (ids, gint64, 0), &error);
  g_assert_nonnull (strstr (text, "Zangezur Corridor"));

  spans = gloss_store_list_spans (store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpuint (spans->len, >=, 3);
  for (guint i = 0; i < spans->len; i++)
    {
      g_autofree char *span_text = g_utf8_substring (text, gloss_span_get_start (spans->pdata[i]),
                                                     gloss_span_get_end (spans->pdata[i]));

      g_assert_true (g_str_equal (span_text, "Masoud Pezeshkian") ||
                     g_str_equal (span_text, "Ali Khamenei") ||
                     g_str_equal (span_text, "Islamic Revolutionary Guard Corps") ||
                     g_str_equal (span_text, "IRGC") ||
                     g_str_equal (span_text, "Azerbaijan") ||
                     g_str_equal (span_text, "Ahmad Alili") ||
                     g_str_equal (span_text, "military and security elites, notably the Islamic "
                                             "Revolutionary Guard Corps (IRGC)"));
    }

  /* The second start opens what the first one made. */
  g_clear_object (&store);
  store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_array_unref);
  ids = gloss_store_list_document_ids (store, &error);
  g_assert_cmpuint (ids->len, ==, 1);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A project as schema 1 left it, from tests/fixtures/project-v1.sql. */
static void
make_v1_project (Fixture *fixture)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v1.sql",
                                                         NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  run_sql (fixture->path, sql);
}

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".bak", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  make_v1_project (fixture);
  before = read_bytes (fixture->path);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (store, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_object (&store);

  /* The copy taken first is the project as it was. */
  saved = read_bytes (backup);
  g_assert_true (g_bytes_equal (before, saved));

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'velayati'"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans"), ==, 1);

  /* The text moved, whole, and the spans still fit it. */
  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = gloss_store_load_text (store, 1, &error);
    g_autoptr(GPtrArray) spans = gloss_store_list_spans (store, 1, &error);
    g_autofree char *span_text = g_utf8_substring (text, 0, 8);

    g_assert_cmpstr (text, ==, "Velayati vowed to block it — “with or without Russia.” 🚧");
    g_assert_cmpuint (spans->len, ==, 1);
    g_assert_cmpstr (span_text, ==, "Velayati");
    g_assert_cmpstr (gloss_span_get_note (spans->pdata[0]), ==, "adviser");
  }
}

/* Schema 2 to 3: a copy first, then every text still indexed, none
 * waiting, and the index stays exact through a delete and its undo. */
static void
test_migrate_from_v2 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.sql",
                                                         NULL);
  g_autofree char *backup = g_strconcat (fixture->path, ".bak", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  run_sql (fixture->path, sql);
  before = read_bytes (fixture->path);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  saved = read_bytes (backup);
  g_assert_true (g_bytes_equal (before, saved));

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (gloss_store_count_texts_to_index (store), ==, 0);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'velayati'"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'zangezur'"),
                   ==, 1);
  gloss_test_assert_index_whole (fixture->path);

  /* A document added now is indexed at once, as in schema 2. */
  g_assert_cmpint (gloss_store_add_document (store, "later.txt", "Nakhchivan next.", NULL, &error),
                   ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_texts_to_index (store), ==, 0);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'nakhchivan'"),
                   ==, 1);

  /* Deleting an indexed text takes it out of the index, whole. */
  g_assert_true (gloss_store_delete_document (store, 2, &error));
  g_assert_no_error (error);
  gloss_test_assert_index_whole (fixture->path);
  results = gloss_store_search_project (store, "zangezur", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = gloss_store_search_project (store, "velayati", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (((GlossSearchResult *) results->pdata[0])->document_name, ==, "velayati.txt");
}

/* A migration that fails leaves the project at its old version, whole. */
static void
test_migrate_failure_keeps_project (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_v1_project (fixture);
  /* A table in the way of the migration. */
  run_sql (fixture->path, "CREATE TABLE documents_fts (x);");
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM documents"), ==, 1);

  store = gloss_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans"), ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM pragma_integrity_check "
                              "WHERE integrity_check = 'ok'"), ==, 1);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
}

/* gloss PATH on a path with no file makes an empty project there. */
static void
test_open_creates (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_project_open (fixture->path, &error);
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (gloss_store_count_documents (store), ==, 0);
  labels = gloss_store_list_labels (store, &error);
  g_assert_cmpuint (labels->len, ==, 0);

  g_clear_object (&store);
  store = gloss_project_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* The statement cache finds a statement by its SQL text, not by the
 * address of the string it was prepared from: that string may be freed,
 * or hold another statement later. */
static void
test_statement_cache_by_text (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup ("SELECT count (*) FROM labels");
  sqlite3_stmt *labels;
  sqlite3_stmt *spans;
  sqlite3_stmt *again;

  labels = gloss_store_prepare (store, sql, &error);
  g_assert_no_error (error);

  /* The same buffer, another statement of the same length. */
  strcpy (sql, "SELECT count (*) FROM spans ");
  spans = gloss_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_true (spans != labels);
  g_assert_cmpstr (sqlite3_sql (spans), ==, "SELECT count (*) FROM spans ");

  again = gloss_store_prepare (store, "SELECT count (*) FROM labels", &error);
  g_assert_no_error (error);
  g_assert_true (again == labels);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (again, 0), ==, 0);
  sqlite3_reset (again);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/store/round-trip", test_round_trip);
  ADD ("/gloss/store/load-text", test_load_text);
  ADD ("/gloss/store/delete-and-relabel", test_delete_and_relabel);
  ADD ("/gloss/store/invalid-spans", test_invalid_spans);
  ADD ("/gloss/store/duplicate-label", test_duplicate_label);
  ADD ("/gloss/store/document-status", test_document_status);
  ADD ("/gloss/store/signals-after-commit", test_signals_after_commit);
  ADD ("/gloss/store/failed-call-keeps-outer-work", test_failed_call_keeps_outer_work);
  ADD ("/gloss/store/statement-cache/by-text", test_statement_cache_by_text);
  ADD ("/gloss/store/file-header", test_project_file_header);
  ADD ("/gloss/store/create/atomic", test_create_atomic);
  ADD ("/gloss/store/create/exists", test_create_exists);
  ADD ("/gloss/store/refuse/text-file", test_refuse_text_file);
  ADD ("/gloss/store/refuse/empty-file", test_refuse_empty_file);
  ADD ("/gloss/store/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/gloss/store/refuse/newer-schema", test_refuse_newer_schema);
  ADD ("/gloss/project/default", test_default_project);
  ADD ("/gloss/project/open-creates", test_open_creates);
  ADD ("/gloss/store/migrate/from-v1", test_migrate_from_v1);
  ADD ("/gloss/store/migrate/from-v2", test_migrate_from_v2);
  ADD ("/gloss/store/migrate/failure-keeps-project", test_migrate_failure_keeps_project);

#undef ADD

  return g_test_run ();
}
