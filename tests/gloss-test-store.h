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

/* Whether this process holds a POSIX lock on the file at PATH, as the
 * kernel lists them: a project this process has open keeps its locks on
 * the file and on its -shm until it closes, unless something else in the
 * process opened and closed the file. */
static inline gboolean
gloss_test_process_holds_lock (const char *path)
{
  g_autofree char *locks = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (g_file_get_contents ("/proc/locks", &locks, NULL, NULL));
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unsigned long pid;
      unsigned int major, minor;
      guint64 inode;
      const char *posix = strstr (lines[i], "POSIX");

      if (posix == NULL || strstr (lines[i], "->") != NULL)
        continue;
      if (sscanf (posix, "POSIX %*s %*s %lu %x:%x:%" G_GUINT64_FORMAT,
                  &pid, &major, &minor, &inode) != 4)
        continue;
      if (pid == (unsigned long) getpid () && inode == st.st_ino &&
          major == major (st.st_dev) && minor == minor (st.st_dev))
        return TRUE;
    }

  return FALSE;
}
