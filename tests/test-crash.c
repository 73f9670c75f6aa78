/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A span the store reported as stored survives a kill -9 right after. */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-store.h"

#define SPANS_BEFORE_KILL 40

static gboolean
seed_cb (GlossStore  *store,
         gpointer     user_data,
         GError     **error)
{
  g_autoptr(GlossLabel) label = gloss_store_add_label (store, "Actor", "#3584e4", "1", NULL, error);

  return label != NULL &&
         gloss_store_add_document (store, "article.txt",
                                   "Velayati vowed to block the corridor — “with or without Russia.” 🚧",
                                   NULL, error) != 0;
}

/* The child adds spans one by one and reports each id only after the store
 * call returned, which is when the window would show it. */
static G_NORETURN void
run_child (const char *path,
           int         report_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (path, &error);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) ids = NULL;

  if (store == NULL)
    _exit (3);

  labels = gloss_store_list_labels (store, NULL);
  ids = gloss_store_list_document_ids (store, NULL);

  for (guint i = 0; ; i++)
    {
      g_autoptr(GlossSpan) span = gloss_store_add_span (store, g_array_index (ids, gint64, 0),
                                                        gloss_label_get_id (labels->pdata[0]),
                                                        i % 60, i % 60 + 8, "child", NULL, NULL);
      gint64 id;

      if (span == NULL)
        _exit (4);
      id = gloss_span_get_id (span);
      if (write (report_fd, &id, sizeof id) != sizeof id)
        _exit (5);
    }
}

static void
test_kill_after_spans (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "crash.gloss", NULL);
  g_autoptr(GlossStore) store = gloss_store_create (path, seed_cb, NULL, &error);
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) document_ids = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int fds[2];
  int status;
  pid_t pid;

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_child (path, fds[1]);
    }
  close (fds[1]);

  while (reported->len < SPANS_BEFORE_KILL)
    {
      gint64 id;

      g_assert_cmpint (read (fds[0], &id, sizeof id), ==, sizeof id);
      g_array_append_val (reported, id);
    }

  /* Killed in the middle of its next transaction. */
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (fds[0]);

  store = gloss_store_open (path, &error);
  g_assert_no_error (error);
  document_ids = gloss_store_list_document_ids (store, &error);
  spans = gloss_store_list_spans (store, g_array_index (document_ids, gint64, 0), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < spans->len; i++)
    {
      gint64 id = gloss_span_get_id (spans->pdata[i]);

      g_hash_table_add (stored, g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < reported->len; i++)
    g_assert_true (g_hash_table_contains (stored, &g_array_index (reported, gint64, i)));
  g_assert_cmpuint (spans->len, >=, reported->len);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (const char *suffix = ""; suffix != NULL; suffix = *suffix ? NULL : "-wal")
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/store/crash/kill-after-spans", test_kill_after_spans);

  return g_test_run ();
}
