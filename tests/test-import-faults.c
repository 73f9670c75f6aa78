/* SPDX-License-Identifier: GPL-3.0-or-later */

/* An import into a project that stops taking writes part of the way: a
 * full disk, another program holding the project, a read-only project.
 * What each file's result says must be what the project holds, the
 * import stops at once instead of failing file after file, and the user
 * reads one message, not one per file. Through gloss_import_paths () and
 * through `gloss import`, as a user runs it. */

/* unshare () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-import.h"
#include "gloss-store-private.h"
#include "gloss-test-run.h"
#include "gloss-test-store.h"
#include "gloss-test-util.h"

typedef struct
{
  char *dir;
  char *files_dir;
  char *mount_dir;      /* a small file system of its own, when mounted */
  char *ro_dir;         /* the same, read-only, when bound */
  gboolean mounted;
  gboolean bound;
  GPtrArray *paths;     /* the files to import, NULL-terminated */
  GlossStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-import-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->files_dir = g_build_filename (fixture->dir, "files", NULL);
  fixture->mount_dir = g_build_filename (fixture->dir, "disk", NULL);
  fixture->ro_dir = g_build_filename (fixture->dir, "read-only", NULL);
  g_assert_cmpint (g_mkdir (fixture->files_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->mount_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->ro_dir, 0700), ==, 0);
  fixture->paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  if (fixture->bound)
    g_assert_cmpint (umount2 (fixture->ro_dir, MNT_DETACH), ==, 0);
  if (fixture->mounted)
    g_assert_cmpint (umount2 (fixture->mount_dir, MNT_DETACH), ==, 0);
  gloss_test_remove_tree (fixture->dir);
  g_ptr_array_unref (fixture->paths);
  g_free (fixture->ro_dir);
  g_free (fixture->mount_dir);
  g_free (fixture->files_dir);
  g_free (fixture->dir);
}

/* A file system of SIZE for the project, so that its disk fills up.
 * Mounting needs root: FALSE (and the test skipped) otherwise. */
static gboolean
mount_small_disk (Fixture    *fixture,
                  const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s", size);

  if (getuid () != 0)
    {
      g_test_skip ("A full disk is a small tmpfs, and only root mounts one");
      return FALSE;
    }
  if (mount ("tmpfs", fixture->mount_dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("Could not mount a tmpfs: %s", g_strerror (errno));

      g_test_skip (reason);
      return FALSE;
    }

  fixture->mounted = TRUE;
  return TRUE;
}

/* The mounted file system again at ro_dir, read-only: root writes
 * through any permission bits, not through a read-only mount. */
static gboolean
bind_read_only (Fixture *fixture)
{
  if (mount (fixture->mount_dir, fixture->ro_dir, NULL, MS_BIND, NULL) != 0)
    {
      g_test_skip ("Could not bind the tmpfs elsewhere");
      return FALSE;
    }
  fixture->bound = TRUE;
  if (mount (NULL, fixture->ro_dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
    {
      g_test_skip ("Could not make the bound tmpfs read-only");
      return FALSE;
    }

  return TRUE;
}

/* N text files of about BYTES each, of words that do not repeat much. */
static void
write_files (Fixture *fixture,
             guint    n,
             gsize    bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%03u.txt", i);
      g_autofree char *path = g_build_filename (fixture->files_dir, name, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_string_append_printf (text, "Article %u on the Meghri road.", i);
      while (text->len < bytes)
        g_string_append_printf (text, " w%08x", g_rand_int (rand));
      g_file_set_contents (path, text->str, text->len, &error);
      g_assert_no_error (error);
      g_ptr_array_add (fixture->paths, g_steal_pointer (&path));
    }
  g_ptr_array_add (fixture->paths, NULL);
}

static const char * const *
fixture_paths (Fixture *fixture)
{
  return (const char * const *) fixture->paths->pdata;
}

static guint
n_paths (Fixture *fixture)
{
  return fixture->paths->len - 1;
}

/* The names of the documents in the project at PATH, read by a connection
 * of its own after the import, with SQLite's check that the file is
 * whole. */
static GHashTable *
read_document_names (const char *path)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM documents", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return names;
}

/* The project at PATH opens again, as Gloss opens it, and its search
 * index is whole. */
static void
assert_opens (const char *path)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = gloss_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  gloss_test_assert_index_whole (path);
}

/* Runs `gloss import PROJECT` and then each of the fixture's files. */
static int
run_gloss_import (Fixture     *fixture,
                  const char  *project,
                  char       **out,
                  char       **err)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add_many (args, "import", project, NULL);
  g_strv_builder_addv (args, (const char **) fixture_paths (fixture));
  argv = g_strv_builder_end (args);

  return gloss_test_run_gloss_argv (NULL, out, err, (const char * const *) argv);
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      n++;

  return n;
}

/* The file names `gloss import` reported as imported: each report starts
 * a line with the path and a colon. */
static GHashTable *
reported_names (Fixture    *fixture,
                const char *out)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    for (guint j = 0; j < n_paths (fixture); j++)
      {
        const char *path = fixture->paths->pdata[j];

        if (g_str_has_prefix (lines[i], path) && g_str_has_prefix (lines[i] + strlen (path), ": "))
          g_hash_table_add (names, g_path_get_basename (path));
      }

  return names;
}

/* 20 MB of files of 200 kB each into a new project on a disk of 3 MB:
 * more than SQLite's page cache in bulk mode holds (16 MB), so that it
 * would spill pages in the middle of a transaction, and the disk fills
 * part of the way. Each file's result says whether it is in, exactly as
 * the project has it; from the file that met the full disk on, all say
 * the disk is full, and one message tells how many are in. */
static void
test_disk_full_paths (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *project = NULL;
  g_autofree char *message = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0, first_stop = G_MAXUINT;

  if (!mount_small_disk (fixture, "3m"))
    return;
  write_files (fixture, 100, 200 * 1024);

  project = g_build_filename (fixture->mount_dir, "corpus.gloss", NULL);
  fixture->store = gloss_store_create (project, NULL, NULL, &error);
  g_assert_no_error (error);

  results = gloss_import_paths (fixture->store, fixture_paths (fixture), NULL, NULL, NULL, NULL);
  message = gloss_import_stop_message (fixture->store, results);
  g_clear_object (&fixture->store);

  names = read_document_names (project);
  g_assert_cmpuint (results->len, ==, n_paths (fixture));
  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *name = g_path_get_basename (result->path);

      g_assert_cmpstr (result->path, ==, fixture->paths->pdata[i]);
      if (result->error == NULL)
        imported++;
      else if (first_stop == G_MAXUINT)
        first_stop = i;
      /* In the project exactly when reported in. */
      g_assert_cmpint (result->error == NULL, ==, g_hash_table_contains (names, name));
      /* A file after the full disk is not in, for that reason. */
      if (i >= first_stop)
        g_assert_error (result->error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DISK_FULL);
    }
  g_test_message ("%u of %u files in before the disk was full", imported, n_paths (fixture));
  g_assert_cmpuint (g_hash_table_size (names), ==, imported);
  g_assert_cmpuint (first_stop, <, results->len);

  counts = g_strdup_printf ("%u of %u files imported", imported, n_paths (fixture));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "The disk is full: "));
  g_assert_nonnull (strstr (message, counts));
  g_assert_nonnull (strstr (message, "corpus.gloss"));

  assert_opens (project);
}

/* The same through `gloss import`: the files it reports are the files in
 * the project; it says once that the disk is full, and fails. */
static void
test_disk_full_cli (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *project = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) reported = NULL;
  GHashTableIter iter;
  gpointer name;

  if (!mount_small_disk (fixture, "3m"))
    return;
  write_files (fixture, 100, 200 * 1024);
  project = g_build_filename (fixture->mount_dir, "corpus.gloss", NULL);

  /* The project is there before: a new one appears only once a file is in
   * it, and on so small a disk the first batch may already not fit. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossStore) store = gloss_store_create (project, NULL, NULL, &error);

    g_assert_no_error (error);
  }

  g_assert_cmpint (run_gloss_import (fixture, project, &out, &err), !=, 0);

  names = read_document_names (project);
  reported = reported_names (fixture, out);
  g_assert_cmpuint (g_hash_table_size (reported), ==, g_hash_table_size (names));
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_assert_true (g_hash_table_contains (reported, name));

  counts = g_strdup_printf ("%u of %u files imported", g_hash_table_size (names),
                            n_paths (fixture));
  g_test_message ("%s", err);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "gloss: The disk is full: "));
  g_assert_nonnull (strstr (err, counts));
  g_assert_null (strstr (err, "search index"));

  assert_opens (project);
}

/* A project with one document. */
static void
make_project (const char *project)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = gloss_store_create (project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_store_add_document (store, "before.txt", "There before.", NULL, &error),
                   >, 0);
  g_assert_no_error (error);
}

/* A project with one document, and a connection of its own holding the
 * write lock, as another program would. */
static sqlite3 *
lock_project (const char *project)
{
  sqlite3 *db;

  make_project (project);
  g_assert_cmpint (sqlite3_open_v2 (project, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* The project as make_project () left it: one document, nothing else. */
static void
assert_unchanged (const char *project)
{
  g_autoptr(GHashTable) names = read_document_names (project);

  g_assert_cmpuint (g_hash_table_size (names), ==, 1);
  g_assert_true (g_hash_table_contains (names, "before.txt"));
}

static void
count_announced_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  guint *announced = user_data;

  if (path != NULL)
    (*announced)++;
}

/* Another program holds the project while 50 files are imported: the
 * import waits for it once (the busy timeout), not once per file, and
 * every file is reported as not in, because the project is in use. */
static void
test_busy_paths (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "corpus.gloss", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint announced = 0;
  sqlite3 *locker;

  write_files (fixture, 50, 100);
  locker = lock_project (project);
  fixture->store = gloss_store_open (project, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  results = gloss_import_paths (fixture->store, fixture_paths (fixture), NULL, NULL,
                                count_announced_cb, &announced);
  g_test_message ("The import of 50 files into a project in use took %.1f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  message = gloss_import_stop_message (fixture->store, results);
  g_clear_object (&fixture->store);
  sqlite3_close (locker);

  /* It stopped before trying the files one by one. */
  g_assert_cmpuint (announced, ==, 0);
  g_assert_cmpuint (results->len, ==, 50);
  for (guint i = 0; i < results->len; i++)
    g_assert_error (((GlossImportResult *) results->pdata[i])->error, GLOSS_STORE_ERROR,
                    GLOSS_STORE_ERROR_BUSY);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "is in use by another program: 0 of 50 files imported"));

  assert_unchanged (project);
}

/* The same through `gloss import`: one message saying the project is in
 * use, nothing about a search index, and a failure status. */
static void
test_busy_cli (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "corpus.gloss", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *locker;
  int status;

  write_files (fixture, 50, 100);
  locker = lock_project (project);
  status = run_gloss_import (fixture, project, &out, &err);
  sqlite3_close (locker);

  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "is in use by another program: 0 of 50 files imported"));
  g_assert_null (strstr (err, "search index"));

  assert_unchanged (project);
}

/* A project that refuses writes as a read-only one does (query_only gives
 * SQLite's SQLITE_READONLY to every write): the import stops at the first
 * write, and every file is reported as not in, because of that. */
static void
test_read_only_paths (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "corpus.gloss", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint announced = 0;

  write_files (fixture, 50, 100);
  make_project (project);
  fixture->store = gloss_store_open (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (fixture->store->db, "PRAGMA query_only = ON", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  results = gloss_import_paths (fixture->store, fixture_paths (fixture), NULL, NULL,
                                count_announced_cb, &announced);
  message = gloss_import_stop_message (fixture->store, results);
  g_clear_object (&fixture->store);

  /* The first file's write, at most, was tried. */
  g_assert_cmpuint (announced, <=, 1);
  g_assert_cmpuint (results->len, ==, 50);
  for (guint i = 0; i < results->len; i++)
    g_assert_error (((GlossImportResult *) results->pdata[i])->error, GLOSS_STORE_ERROR,
                    GLOSS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "is read-only: 0 of 50 files imported"));

  assert_unchanged (project);
}

/* `gloss import` into a project on a read-only mount: it says once that
 * the project is read-only, nothing about a search index, and fails. */
static void
test_read_only_cli (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *project = NULL;
  g_autofree char *read_only = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *keeper;
  int status;

  if (!mount_small_disk (fixture, "4m"))
    return;
  write_files (fixture, 50, 100);
  project = g_build_filename (fixture->mount_dir, "corpus.gloss", NULL);
  read_only = g_build_filename (fixture->ro_dir, "corpus.gloss", NULL);
  make_project (project);
  /* A connection through the writable path keeps the project's
   * write-ahead log and its index, which a reader needs, as a window
   * would while the project is open. */
  g_assert_cmpint (sqlite3_open_v2 (project, &keeper, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (keeper, "SELECT count (*) FROM documents", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  if (!bind_read_only (fixture))
    {
      sqlite3_close (keeper);
      return;
    }

  status = run_gloss_import (fixture, read_only, &out, &err);
  sqlite3_close (keeper);

  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "read-only"));
  g_assert_null (strstr (err, "search index"));

  assert_unchanged (project);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The small disks are mounted in a mount namespace of this process (and
   * of the gloss it runs): they go with it, even when a failed test ends
   * it before its teardown unmounts them. */
  if (getuid () == 0 && unshare (CLONE_NEWNS) == 0)
    g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gloss/import-faults/disk-full/paths", test_disk_full_paths);
  ADD ("/gloss/import-faults/disk-full/cli", test_disk_full_cli);
  ADD ("/gloss/import-faults/busy/paths", test_busy_paths);
  ADD ("/gloss/import-faults/busy/cli", test_busy_cli);
  ADD ("/gloss/import-faults/read-only/paths", test_read_only_paths);
  ADD ("/gloss/import-faults/read-only/cli", test_read_only_cli);
#undef ADD

  return g_test_run ();
}
