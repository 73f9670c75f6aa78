/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing many rows fast: the connection's settings for an import
 * (gloss_store_set_bulk_writing (), with the checkpointer of
 * gloss-store-checkpointer.c), and the full-text index left for later
 * (gloss_store_defer_indexing ()) and caught up a chunk at a time
 * (gloss_store_index_texts ()). */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-store-private.h"

/* How large the write-ahead log may grow while writing in bulk before a
 * commit waits for the checkpointer to copy all of it, so that the next
 * transaction starts it over: 16 MB of 4 kB pages. */
#define BULK_LOG_PAGES 4096

/* After each commit while writing in bulk, instead of SQLite's own
 * checkpoint on this connection. */
static int
checkpoint_in_background (gpointer    data,
                          sqlite3    *db,
                          const char *name,
                          int         n_pages)
{
  GlossStore *self = data;

  gloss_store_checkpointer_request (self->checkpointer, n_pages >= BULK_LOG_PAGES);
  return SQLITE_OK;
}

/* Makes what the commits wrote to the write-ahead log durable: the
 * checkpoints made durable what they copied into the project file, and
 * the log holds the rest. */
static gboolean
sync_log (GlossStore  *self,
          GError     **error)
{
  sqlite3_file *log = NULL;
  int rc;

  rc = sqlite3_file_control (self->db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log);
  if (rc == SQLITE_OK && log != NULL && log->pMethods != NULL)
    rc = log->pMethods->xSync (log, SQLITE_SYNC_FULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("What was just written to “%s” may not be on the disk: %s"), display,
                   sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

static void
set_pragma (GlossStore *self,
            const char *name,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);

  gloss_store_exec (self, sql, NULL);
}

/* While BULK, the connection writes as an import of many files needs:
 *  - a page cache of 16 MB instead of SQLite's 2 MB, so that a batch of
 *    files (500 articles are more than 2 MB) stays in memory until its
 *    commit instead of spilling into the write-ahead log early and being
 *    written there again as its pages fill (10-15% of an import);
 *  - savepoint journals in memory, in small pieces. Each file is a
 *    savepoint, which copies the pages it changes aside; SQLite holds that
 *    copy in one 64 kB block, freed at every release, and glibc gave the
 *    memory back to the system and took it again for every file (brk and
 *    page faults, a fifth of an import's time);
 *  - checkpoints on a thread of their own (gloss-store-checkpointer.c),
 *    beside the writing instead of after each commit. Without a second
 *    connection to run them on, SQLite runs them as usual;
 *  - commits that do not wait for the disk (the checkpoints still do):
 *    turning BULK off syncs the log once for all of them. Until then a
 *    power cut can take the last batches back, never what was there
 *    before, and the project stays whole.
 * Turning BULK off restores what was set before; it fails if the final
 * sync does (what was written is in the project, and may not be on the
 * disk). Inside a transaction nothing changes: SQLite refuses to change
 * how it syncs inside one, and the caller's commit decides. */
gboolean
gloss_store_set_bulk_writing (GlossStore  *self,
                              gboolean     bulk,
                              GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  /* Inside a caller's transaction the writing is that transaction's. */
  if (bulk && !self->bulk_writing && self->transaction_depth == 0)
    {
      g_autoptr(GError) local_error = NULL;

      self->bulk_writing = TRUE;
      self->before_bulk.cache_size = gloss_store_query_int (self, "PRAGMA cache_size");
      self->before_bulk.temp_store = gloss_store_query_int (self, "PRAGMA temp_store");
      self->before_bulk.synchronous = gloss_store_query_int (self, "PRAGMA synchronous");
      self->before_bulk.wal_autocheckpoint = gloss_store_query_int (self, "PRAGMA wal_autocheckpoint");
      gloss_store_exec (self, "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY", NULL);

      self->checkpointer = gloss_store_checkpointer_new (sqlite3_db_filename (self->db, "main"),
                                                         &local_error);
      if (self->checkpointer != NULL)
        {
          sqlite3_wal_hook (self->db, checkpoint_in_background, self);
          gloss_store_exec (self, "PRAGMA synchronous = NORMAL", NULL);
        }
      else
        {
          g_debug ("Checkpoints stay on the writing connection: %s", local_error->message);
        }
    }
  else if (!bulk && self->bulk_writing)
    {
      /* Commits left syncing to the checkpointer, when there was one. */
      gboolean synced_at_commit = self->checkpointer == NULL;

      self->bulk_writing = FALSE;
      /* Its last checkpoint is done before the writer's own come back;
       * SQLite's hook is put back whatever else fails. */
      sqlite3_wal_hook (self->db, NULL, NULL);
      g_clear_pointer (&self->checkpointer, gloss_store_checkpointer_free);
      sqlite3_wal_autocheckpoint (self->db, (int) self->before_bulk.wal_autocheckpoint);
      set_pragma (self, "cache_size", self->before_bulk.cache_size);
      set_pragma (self, "temp_store", self->before_bulk.temp_store);
      set_pragma (self, "synchronous", self->before_bulk.synchronous);
      if (!synced_at_commit)
        return sync_log (self, error);
    }

  return TRUE;
}

/* Until the outermost transaction ends, the texts added are left out of
 * the full-text index and listed in unindexed_texts instead, for
 * gloss_store_index_texts () to index later. FTS5 tokenizing was half of
 * what an import cost, and it writes a segment at every savepoint besides,
 * one per imported file. For imports: a search finds the texts all the
 * same (gloss-store-search.c reads the listed texts itself). Inside a
 * savepoint this changes nothing: the whole transaction is one import's. */
gboolean
gloss_store_defer_indexing (GlossStore  *self,
                            GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    self->indexing_deferred = TRUE;
  return TRUE;
}

/* A document's text lives in a table of its own, so that updating the
 * document's row (its span count, with every span) never rewrites it. */
gboolean
gloss_store_insert_text (GlossStore  *self,
                         gint64       document_id,
                         const char  *text,
                         gssize       n_bytes,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  /* Listed first: the insert trigger indexes a text that is not listed. */
  if (self->indexing_deferred)
    {
      stmt = gloss_store_prepare (self, "INSERT INTO unindexed_texts (document) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      if (!gloss_store_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = gloss_store_prepare (self, "INSERT INTO document_texts (document, text) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, text, n_bytes, SQLITE_STATIC);
  return gloss_store_step_done (self, stmt, error);
}

/* How many texts wait for the full-text index. */
guint
gloss_store_count_texts_to_index (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  return MAX (gloss_store_query_int (self, "SELECT count (*) FROM unindexed_texts"), 0);
}

static gboolean
index_texts_up_to (GlossStore  *self,
                   gint64       last,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  /* One statement for all of them: FTS5 then writes one segment for the
   * lot instead of one per text. */
  stmt = gloss_store_prepare (self,
                              "INSERT INTO documents_fts (rowid, text) "
                              "SELECT document, text FROM document_texts "
                              "WHERE document IN (SELECT document FROM unindexed_texts "
                              "                   WHERE document <= ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last);
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  stmt = gloss_store_prepare (self, "DELETE FROM unindexed_texts WHERE document <= ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last);
  return gloss_store_step_done (self, stmt, error);
}

/* Puts up to MAX_TEXTS of the texts waiting for the full-text index into
 * it (the oldest first), in one transaction of their own: a caller working
 * through many keeps each one short, so that other writers to the project
 * (the window, on its own connection) never wait long. MORE says whether
 * texts are still waiting. Nothing is journaled: no row a user sees
 * changes, and there is nothing to undo. */
gboolean
gloss_store_index_texts (GlossStore  *self,
                         guint        max_texts,
                         gboolean    *more,
                         GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (max_texts > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (more != NULL)
    *more = FALSE;

  /* Behind any other writer of this process (a window saving a span). */
  tx = gloss_store_transaction_begin_behind_writers (self, error);
  if (tx == NULL)
    return FALSE;

  stmt = gloss_store_prepare (self,
                              "SELECT max (document) FROM (SELECT document FROM unindexed_texts "
                              "                            ORDER BY document LIMIT ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, max_texts);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  /* NULL (0) when none is waiting: ids start at 1. */
  if (last > 0 && !index_texts_up_to (self, last, error))
    return FALSE;

  if (!gloss_store_transaction_commit (&tx, error))
    return FALSE;

  if (more != NULL && last > 0)
    *more = gloss_store_query_int (self, "SELECT EXISTS (SELECT 1 FROM unindexed_texts)") != 0;
  return TRUE;
}
