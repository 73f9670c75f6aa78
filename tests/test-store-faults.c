/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project file under faults: a second store of a project in the same
 * process, another program's lock, a read-only file, folder or disk, files
 * that look like projects and are not, and old projects read by commands
 * that only read. Each test checks what is on disk afterwards. */

/* unshare () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-offsets.h"
#include "gloss-project.h"
#include "gloss-store.h"
#include "gloss-test-mount.h"
#include "gloss-test-run.h"
#include "gloss-test-store.h"
#include "gloss-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *mount_point;   /* a tmpfs of the test's, or NULL */
  char *bind_point;    /* a file mounted read-only over itself, or NULL */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "analysis.gloss", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->bind_point != NULL)
    g_assert_cmpint (umount (fixture->bind_point), ==, 0);
  if (fixture->mount_point != NULL)
    g_assert_cmpint (umount (fixture->mount_point), ==, 0);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->mount_point);
  g_free (fixture->bind_point);
}

static void
create_sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (path, gloss_project_seed_sample, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
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

/* Reads through SQLite with no lock and no file beside PATH, so that the
 * check itself leaves nothing behind, on a read-only disk too. */
static gint64
query_int_immutable (const char *path,
                     const char *sql)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *target = g_strconcat (uri, "?immutable=1", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

static gboolean
exists_beside (const char *path,
               const char *suffix)
{
  g_autofree char *other = g_strconcat (path, suffix, NULL);

  return g_file_test (other, G_FILE_TEST_EXISTS);
}

/* Runs the built gloss binary, its output dropped; returns its exit
 * status. */
#define run_gloss(err, ...) gloss_test_run_gloss (NULL, (err), __VA_ARGS__)

/* The sample's "Velayati", unlabeled in a new project, labeled through
 * STORE with the label at LABEL_INDEX. */
static void
label_velayati (GlossStore *store,
                guint       label_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (store, &error);
  g_autoptr(GlossSpan) span = NULL;
  g_autofree char *text = gloss_store_load_text (store, 1, &error);
  const char *found;
  gsize start;

  g_assert_no_error (error);
  found = strstr (text, "Velayati");
  g_assert_nonnull (found);
  start = gloss_offsets_byte_to_char (text, found - text);
  span = gloss_store_add_span (store, 1, gloss_label_get_id (labels->pdata[label_index]),
                               start, start + strlen ("Velayati"), "tester", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);
}

static guint
count_velayati_spans (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (path, &error);
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_no_error (error);
  spans = gloss_store_list_spans (store, 1, &error);
  text = gloss_store_load_text (store, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = spans->pdata[i];
      g_autofree char *span_text = g_utf8_substring (text, gloss_span_get_start (span),
                                                     gloss_span_get_end (span));

      if (g_str_equal (span_text, "Velayati"))
        n++;
    }

  return n;
}

/* A window has the project open; its import (or export) opens the project
 * a second time in the same process and closes it. The window keeps its
 * read lock, so another program reading the project meanwhile leaves the
 * log alone, and what the window writes next is there after a restart. */
static void
test_second_store_keeps_lock (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossStore) window = NULL;
  g_autoptr(GlossStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  create_sample (fixture->path);
  window = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (window), ==, 1);
  g_assert_true (gloss_test_process_holds_lock (fixture->path));

  /* The import's store, as the window's import bar opens it. */
  second = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (second), ==, 1);
  g_clear_object (&second);
  g_assert_true (gloss_test_process_holds_lock (fixture->path));

  /* The export's, a read-only connection beside the window's. */
  second = gloss_store_open_connection (window, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (second), ==, 1);
  g_clear_object (&second);
  g_assert_true (gloss_test_process_holds_lock (fixture->path));

  /* Another program reads the project while the window has it open. */
  g_assert_cmpint (run_gloss (NULL, "stats", fixture->path, NULL), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  label_velayati (window, 1);
  g_assert_false (gloss_test_process_writes_deleted (wal));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_object (&window);

  g_assert_cmpuint (count_velayati_spans (fixture->path), ==, 1);
}

/* A project of an older schema, migrated by the window's store: the file
 * may still say the old version while the migration waits in the log. A
 * second store neither copies the project again nor drops the lock. */
static void
test_second_store_after_migration (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.sql",
                                                         NULL);
  g_autofree char *backup = g_strconcat (fixture->path, ".bak", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GlossStore) window = NULL;
  g_autoptr(GlossStore) second = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  run_sql (fixture->path, sql);

  window = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  saved = read_bytes (backup);
  g_assert_true (gloss_test_process_holds_lock (fixture->path));

  second = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&second);
  g_assert_true (gloss_test_process_holds_lock (fixture->path));
  saved_again = read_bytes (backup);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

/* The test binary, run with --hold-lock PATH, takes an exclusive lock on
 * the project, says "locked" and holds it until its input closes. */
static int
hold_lock (const char *path)
{
  sqlite3 *db;
  char buffer[64];

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL,
                    NULL) != SQLITE_OK)
    return 1;
  fputs ("locked\n", stdout);
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;
  sqlite3_close (db);
  return 0;
}

/* The test binary, run with --commit-and-crash PATH, commits a change to
 * the project and exits without closing it, as a crash would: the change
 * stays in the -wal file, with the -shm beside it. */
static int
commit_and_crash (const char *path)
{
  sqlite3 *db;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "UPDATE documents SET name = 'renamed.txt'", NULL, NULL,
                    NULL) != SQLITE_OK)
    return 1;
  _exit (0);
}

static const char *test_binary;

/* Another process holds the project. Opening waits for it once (the busy
 * timeout), then says the project is in use and by what, for each way of
 * opening; once that process is gone, the project opens. */
static void
test_locked_by_another_process (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char *argv[] = { test_binary, "--hold-lock", fixture->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *pid_text = NULL;
  char line[16] = { 0, };
  GPid pid;
  int child_in, child_out;
  int wait_status;
  gssize n;

  create_sample (fixture->path);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &child_in, &child_out, NULL, &error);
  g_assert_no_error (error);
  n = read (child_out, line, sizeof line - 1);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpstr (line, ==, "locked\n");
  pid_text = g_strdup_printf ("process %d", (int) pid);

  store = gloss_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
  g_assert_nonnull (strstr (error->message, "in use"));
  g_assert_nonnull (strstr (error->message, pid_text));
  g_clear_error (&error);

  store = gloss_store_open_read_only (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, pid_text));
  g_clear_error (&error);

  close (child_in);
  close (child_out);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (store), ==, 1);
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

/* An SQLite file with Gloss's application id and no schema (user_version
 * 0) is some other program's: refused by every way of opening, unchanged,
 * no copy, no file beside it. */
static void
test_marked_without_schema (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  run_sql (fixture->path,
           "PRAGMA application_id = 1196183379;"
           "CREATE TABLE notes (text TEXT);"
           "INSERT INTO notes VALUES ('not a project');");
  before = read_bytes (fixture->path);

  store = gloss_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
  g_clear_error (&error);

  store = gloss_store_open_read_only (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT);
  g_clear_error (&error);

  store = gloss_project_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* Opening to read only never migrates: an old project is refused with a
 * message that says what to do, and left as it was. */
static void
test_read_only_old_schema (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.sql",
                                                         NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  run_sql (fixture->path, sql);
  before = read_bytes (fixture->path);

  store = gloss_store_open_read_only (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NEEDS_UPGRADE);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
  g_assert_nonnull (strstr (error->message, "needs upgrading"));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
  g_assert_cmpint (query_int_immutable (fixture->path, "PRAGMA user_version"), ==, 2);
}

/* A sample project on a tmpfs of the fixture's, in a folder of its own. */
static char *
mount_sample (Fixture *fixture)
{
  fixture->mount_point = g_build_filename (fixture->dir, "disk", NULL);
  g_assert_cmpint (g_mkdir (fixture->mount_point, 0755), ==, 0);
  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs", 0, "size=8m"), ==, 0);
  {
    g_autofree char *path = g_build_filename (fixture->mount_point, "analysis.gloss", NULL);

    create_sample (path);
    return g_steal_pointer (&path);
  }
}

static void
remount (Fixture  *fixture,
         gboolean  read_only)
{
  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs",
                          MS_REMOUNT | (read_only ? MS_RDONLY : 0), "size=8m"),
                   ==, 0);
}

/* What a read-only project allows: reading every way, and a clear error
 * for a change; and that nothing is left beside it. */
static void
assert_read_only_project (const char *path)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStore) reader = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;

  store = gloss_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_is_read_only (store));
  labels = gloss_store_list_labels (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 5);
  g_clear_object (&store);
  g_assert_false (exists_beside (path, "-wal"));
  g_assert_false (exists_beside (path, "-shm"));

  /* The window's way: it opens, read-only, and says so. */
  store = gloss_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_is_read_only (store));
  spans = gloss_store_list_spans (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 7);
  span = gloss_store_add_span (store, 1, gloss_label_get_id (labels->pdata[0]), 0, 4, NULL, NULL,
                               &error);
  g_assert_null (span);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  /* A search's or an export's connection beside it. */
  reader = gloss_store_open_connection (store, TRUE, &error);
  g_assert_no_error (error);
  results = gloss_store_search_project (reader, "Velayati", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_object (&reader);
  g_clear_object (&store);

  g_assert_false (exists_beside (path, "-wal"));
  g_assert_false (exists_beside (path, "-shm"));
  g_assert_false (exists_beside (path, ".bak"));
}

/* A read-only project's copy, somewhere that can be written, is a whole
 * project that can be changed. */
static void
assert_copy_writable (const char *path,
                      const char *copy)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = gloss_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_save_copy (store, copy, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_store_save_copy (store, copy, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&store);

  store = gloss_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_store_is_read_only (store));
  label_velayati (store, 1);
  g_clear_object (&store);
  g_assert_cmpuint (count_velayati_spans (copy), ==, 1);
}

/* A project on a read-only disk (its folder is read-only too): it reads,
 * it refuses changes clearly, nothing is left beside it, and once the disk
 * is writable again the project is written as usual. */
static void
test_read_only_disk (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = NULL;

  if (!gloss_test_can_mount ())
    return;

  path = mount_sample (fixture);
  remount (fixture, TRUE);
  assert_read_only_project (path);
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "copy.gloss", NULL);

    assert_copy_writable (path, copy);
  }

  remount (fixture, FALSE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossStore) store = gloss_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_false (gloss_store_is_read_only (store));
    label_velayati (store, 1);
  }
  g_assert_cmpuint (count_velayati_spans (path), ==, 1);
}

/* A project on a read-only disk with commits still in its log (the
 * program writing it crashed, then the disk was made read-only): it reads,
 * the commits included, from a relative path too, and nothing changes. */
static void
test_read_only_disk_with_log (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (!gloss_test_can_mount ())
    return;

  path = mount_sample (fixture);
  {
    const char *argv[] = { test_binary, "--commit-and-crash", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &wait_status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  }
  g_assert_true (exists_beside (path, "-wal"));
  remount (fixture, TRUE);

  g_assert_cmpint (g_chdir (fixture->mount_point), ==, 0);
  store = gloss_store_open_read_only ("analysis.gloss", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  document = gloss_store_get_document (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "renamed.txt");
  g_clear_object (&store);

  store = gloss_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_is_read_only (store));
  g_assert_cmpuint (gloss_store_count_documents (store), ==, 1);
  g_clear_object (&store);
  g_assert_cmpuint (count_files (fixture->mount_point), ==, 3);
}

/* An old project on a read-only disk cannot be upgraded where it is, and
 * the message says so, rather than to open it in Gloss. */
static void
test_read_only_disk_old_schema (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.sql",
                                                         NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!gloss_test_can_mount ())
    return;

  fixture->mount_point = g_build_filename (fixture->dir, "disk", NULL);
  g_assert_cmpint (g_mkdir (fixture->mount_point, 0755), ==, 0);
  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs", 0, "size=8m"), ==, 0);
  path = g_build_filename (fixture->mount_point, "analysis.gloss", NULL);
  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  run_sql (path, sql);
  remount (fixture, TRUE);

  store = gloss_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NEEDS_UPGRADE);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  store = gloss_store_open_read_only (path, &error);
  g_assert_null (store);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NEEDS_UPGRADE);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_cmpuint (count_files (fixture->mount_point), ==, 1);
}

/* A read-only project file in a folder that can be written: SQLite would
 * make a -shm file there, read-only like the project, which stopped every
 * write once the project was writable again. As root, for whom permission
 * bits make nothing read-only, the file is mounted read-only over itself. */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gboolean as_root = geteuid () == 0;

  if (as_root && !gloss_test_can_mount ())
    return;

  create_sample (fixture->path);
  if (as_root)
    {
      g_assert_cmpint (mount (fixture->path, fixture->path, NULL, MS_BIND, NULL), ==, 0);
      fixture->bind_point = g_strdup (fixture->path);
      g_assert_cmpint (mount (NULL, fixture->path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL),
                       ==, 0);
    }
  else
    {
      g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
    }
  g_assert_cmpint (g_access (fixture->dir, W_OK), ==, 0);

  assert_read_only_project (fixture->path);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  if (as_root)
    {
      g_assert_cmpint (umount (fixture->bind_point), ==, 0);
      g_clear_pointer (&fixture->bind_point, g_free);
    }
  else
    {
      g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_false (gloss_store_is_read_only (store));
    label_velayati (store, 1);
  }
  g_assert_cmpuint (count_velayati_spans (fixture->path), ==, 1);
}

/* A project in a folder that cannot be written (and so cannot hold a -wal
 * or -shm file) reads, and leaves nothing. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "shelf", NULL);
  g_autofree char *path = g_build_filename (folder, "analysis.gloss", NULL);

  if (geteuid () == 0)
    {
      g_test_skip ("As root a folder's permission bits make nothing read-only; "
                   "/gloss/store/faults/read-only-disk is a read-only folder");
      return;
    }

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  create_sample (path);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  assert_read_only_project (path);
  g_assert_cmpuint (count_files (folder), ==, 1);

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossStore) store = gloss_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_false (gloss_store_is_read_only (store));
    label_velayati (store, 1);
  }
  g_assert_cmpuint (count_velayati_spans (path), ==, 1);
}

typedef struct
{
  const char *path;
  GlossStore *first;
} CreateRace;

/* The other creator finishes while this one builds its file, and starts
 * using the project. */
static gboolean
create_meanwhile_cb (GlossStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  CreateRace *race = user_data;

  race->first = gloss_store_create (race->path, gloss_project_seed_sample, NULL, error);
  return race->first != NULL;
}

/* Two creators of the same project: the one that comes second is told it
 * exists, and never replaces the project the first one has open. */
static void
test_create_does_not_replace (Fixture       *fixture,
                              gconstpointer  user_data)
{
  CreateRace race = { fixture->path, NULL };
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossStore) second = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  second = gloss_store_create (fixture->path, create_meanwhile_cb, &race, &error);
  first = race.first;
  g_assert_nonnull (first);
  g_assert_null (second);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
  g_clear_error (&error);
  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  /* What the one that came second does next: it opens the project made. */
  second = gloss_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (second), ==, 1);
  g_clear_object (&second);

  label_velayati (first, 1);
  g_clear_object (&first);
  g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (count_velayati_spans (fixture->path), ==, 1);
  g_assert_cmpint (query_int_immutable (fixture->path,
                                        "SELECT count (*) FROM pragma_integrity_check "
                                        "WHERE integrity_check = 'ok'"), ==, 1);
  /* The project alone: no temporary file is left. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* A project reached through a relative symbolic link, beside it or from a
 * folder below: opened as SQLite opens it, the link resolved, so that its
 * log is the project's own and a span written through the link is in the
 * project. */
static void
test_opened_through_relative_link (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.gloss", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *sub_link = g_build_filename (sub, "analysis.gloss", NULL);
  g_autofree char *stray_wal = g_strconcat (link, "-wal", NULL);
  const char *links[] = { link, sub_link };

  create_sample (fixture->path);
  g_assert_cmpint (symlink ("analysis.gloss", link), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("../link.gloss", sub_link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(GlossStore) store = NULL;
      g_autoptr(GError) error = NULL;

      store = gloss_store_open (links[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (gloss_store_count_documents (store), ==, 1);
      label_velayati (store, 1);
      g_assert_false (g_file_test (stray_wal, G_FILE_TEST_EXISTS));
      g_clear_object (&store);

      g_assert_cmpuint (count_velayati_spans (fixture->path), ==, i + 1);
    }
}

/* Code that is not Gloss's opens the project and its -shm too: GIO reads
 * the first bytes of a file of unknown type whenever a file chooser lists
 * its folder. Closing that descriptor must not take the project's locks
 * away, or another program deletes the log the window writes into. */
static void
test_foreign_open_keeps_lock (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossStore) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFileEnumerator) listing = NULL;
  GFileInfo *info;
  const char *sniffed[] = { fixture->path, shm };

  create_sample (fixture->path);
  window = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  label_velayati (window, 1);
  g_assert_true (gloss_test_process_holds_lock (fixture->path));
  g_assert_true (gloss_test_process_holds_lock (shm));

  /* A file chooser listing the folder, as GTK's asks GIO. */
  listing = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                       G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (listing, NULL, &error)) != NULL)
    g_object_unref (info);
  g_assert_no_error (error);
  g_clear_object (&listing);

  /* And any other open and close of the files. */
  for (guint i = 0; i < G_N_ELEMENTS (sniffed); i++)
    {
      int fd = g_open (sniffed[i], O_RDONLY | O_CLOEXEC, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (close (fd), ==, 0);
    }

  g_assert_true (gloss_test_process_holds_lock (fixture->path));
  g_assert_true (gloss_test_process_holds_lock (shm));

  /* Another program reads the project and closes it. */
  g_assert_cmpint (run_gloss (NULL, "stats", fixture->path, NULL), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  label_velayati (window, 2);
  g_assert_false (gloss_test_process_writes_deleted (wal));
  g_clear_object (&window);

  g_assert_cmpuint (count_velayati_spans (fixture->path), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--hold-lock"))
    return hold_lock (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--commit-and-crash"))
    return commit_and_crash (argv[2]);

  test_binary = argv[0];
  g_test_init (&argc, &argv, NULL);
  gloss_test_private_mounts ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/store/faults/second-store-keeps-lock", test_second_store_keeps_lock);
  ADD ("/gloss/store/faults/foreign-open-keeps-lock", test_foreign_open_keeps_lock);
  ADD ("/gloss/store/faults/second-store-after-migration", test_second_store_after_migration);
  ADD ("/gloss/store/faults/locked-by-another-process", test_locked_by_another_process);
  ADD ("/gloss/store/faults/marked-without-schema", test_marked_without_schema);
  ADD ("/gloss/store/faults/read-only-old-schema", test_read_only_old_schema);
  ADD ("/gloss/store/faults/read-only-disk", test_read_only_disk);
  ADD ("/gloss/store/faults/read-only-disk-with-log", test_read_only_disk_with_log);
  ADD ("/gloss/store/faults/read-only-disk-old-schema", test_read_only_disk_old_schema);
  ADD ("/gloss/store/faults/read-only-file", test_read_only_file);
  ADD ("/gloss/store/faults/read-only-folder", test_read_only_folder);
  ADD ("/gloss/store/faults/create-does-not-replace", test_create_does_not_replace);
  ADD ("/gloss/store/faults/opened-through-relative-link", test_opened_through_relative_link);

#undef ADD

  return g_test_run ();
}
