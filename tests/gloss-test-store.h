/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the suites that look into a project file with SQLite share. */

#pragma once

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-store.h"

/* The label named NAME in STORE, a new reference, or NULL when there is
 * none. */
static inline GlossLabel *
gloss_test_find_label (GlossStore *store,
                       const char *name)
{
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (store, NULL);

  g_assert_nonnull (labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gloss_label_get_name (labels->pdata[i]), name))
      return g_object_ref (labels->pdata[i]);

  return NULL;
}

/* The same for a label that must be there. */
static inline GlossLabel *
gloss_test_get_label (GlossStore *store,
                      const char *name)
{
  GlossLabel *label = gloss_test_find_label (store, name);

  if (label == NULL)
    g_error ("The project has no label “%s”", name);
  return label;
}

/* The id of the label named NAME in STORE, which must have one; with
 * POSITION, also its place in the label list. */
static inline gint64
gloss_test_label_id (GlossStore *store,
                     const char *name,
                     guint      *position)
{
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (store, NULL);

  g_assert_nonnull (labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gloss_label_get_name (labels->pdata[i]), name))
      {
        if (position != NULL)
          *position = i;
        return gloss_label_get_id (labels->pdata[i]);
      }

  g_error ("The project has no label “%s”", name);
}

/* The full-text index of the project at PATH holds exactly its content, the
 * indexed texts: FTS5 compares the two and fails on any difference. */
static inline void
gloss_test_assert_index_whole (const char *path)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO documents_fts (documents_fts) "
                                 "VALUES ('integrity-check')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Whether this process holds a lock on the file at PATH: a project this
 * process has open keeps its locks on the file and on its -shm until it
 * closes, whatever else in the process opens and closes the file. The
 * kernel lists the locks of each open file under /proc/self/fdinfo, POSIX
 * locks by process id and open file description locks by file. */
static inline gboolean
gloss_test_process_holds_lock (const char *path)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fdinfo", 0, NULL);
  g_autofree char *device = NULL;
  const char *name;
  GStatBuf st;

  g_assert_nonnull (fds);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  device = g_strdup_printf ("%02x:%02x:%" G_GUINT64_FORMAT " ",
                            major (st.st_dev), minor (st.st_dev), (guint64) st.st_ino);

  while ((name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *info_path = g_build_filename ("/proc/self/fdinfo", name, NULL);
      g_autofree char *info = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (info_path, &info, NULL, NULL))
        continue;
      lines = g_strsplit (info, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *own_pid = g_strdup_printf (" %d ", (int) getpid ());

          if (!g_str_has_prefix (lines[i], "lock:") || strstr (lines[i], device) == NULL)
            continue;
          if (strstr (lines[i], "OFDLCK") != NULL || strstr (lines[i], own_pid) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether this process has a descriptor open on a file named PATH that is
 * deleted: a project's log another process removed while this one writes
 * into it. */
static inline gboolean
gloss_test_process_writes_deleted (const char *path)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  g_autofree char *deleted = g_strconcat (path, " (deleted)", NULL);
  const char *name;

  g_assert_nonnull (fds);
  while ((name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (g_strcmp0 (target, deleted) == 0)
        return TRUE;
    }

  return FALSE;
}
