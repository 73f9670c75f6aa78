/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the suites that look into a project file with SQLite share. */

#pragma once

#include <glib.h>
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
