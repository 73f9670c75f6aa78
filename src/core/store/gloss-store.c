/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossStore owns a project file: one SQLite database and the only SQL in
 * Gloss. Every public mutation is one transaction, committed before the call
 * returns, so what a caller shows as done survives a crash. The signals are
 * emitted after the outermost commit, never for work that was rolled back.
 *
 * This file is the store itself: the object and its signals, errors, the
 * statement cache, transactions and the journal. It calls none of the
 * other gloss-store-*.c files, which extend it through
 * gloss-store-private.h: -file (opening, creating), -schema, -bulk (bulk
 * writing, the deferred full-text index), -rows (what the tables share),
 * one per table or group of them (-documents, -labels, -spans, -relations,
 * -attributes, -categories), -project (meta entries, statistics) and
 * -search. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <stdio.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-file-locks.h"
#include "gloss-store-private.h"

G_DEFINE_FINAL_TYPE (GlossStore, gloss_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (gloss-store-error-quark, gloss_store_error)

static guint signals[N_SIGNALS];

/* Transactions of this process waiting for the write lock, a background
 * indexer's aside. The indexer lets them go first before each chunk, so
 * that a window's write waits for one chunk at most, instead of for
 * SQLite's busy handler to happen on the moment between two chunks. The
 * indexer sleeps on NONE_LEFT until the last of them has its lock (or
 * gave up). */
static struct
{
  GMutex lock;
  GCond none_left;
  guint count;
} writers_waiting;

static void
writer_starts_waiting (void)
{
  g_mutex_lock (&writers_waiting.lock);
  writers_waiting.count++;
  g_mutex_unlock (&writers_waiting.lock);
}

static void
writer_stops_waiting (void)
{
  g_mutex_lock (&writers_waiting.lock);
  if (--writers_waiting.count == 0)
    g_cond_broadcast (&writers_waiting.none_left);
  g_mutex_unlock (&writers_waiting.lock);
}

static void
wait_for_writers (void)
{
  g_mutex_lock (&writers_waiting.lock);
  while (writers_waiting.count > 0)
    g_cond_wait (&writers_waiting.none_left, &writers_waiting.lock);
  g_mutex_unlock (&writers_waiting.lock);
}

/* The time as rows store it, to the second. Formatted once a second per
 * thread: an import asks for it with every document. */
char *
gloss_store_now (void)
{
  static _Thread_local gint64 formatted_second = -1;
  static _Thread_local char formatted[sizeof "YYYY-MM-DDTHH:MM:SSZ" + 8];
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (second != formatted_second)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (formatted, text, sizeof formatted);
      formatted_second = second;
    }

  return g_strdup (formatted);
}

/* Who else holds a lock on the project or its -shm file, from the
 * kernel's list of locks (Linux): "sqlite3 (process 4242)". NULL when that
 * cannot be known. Nothing of the project is opened to find out. */
static char *
describe_lock_holders (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *locks = NULL;
  g_autoptr(GString) holders = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_auto(GStrv) lines = NULL;
  GStatBuf files[2];
  gboolean have[2];

  have[0] = g_stat (path, &files[0]) == 0;
  have[1] = g_stat (shm, &files[1]) == 0;
  if (!have[0] || !g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return NULL;

  /* "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 1073741824 1073741824";
   * a waiting lock's line has "->" before POSIX. */
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      const char *f[8] = { NULL, };
      guint n = 0;
      gulong pid;
      guint major, minor;
      guint64 inode;

      for (guint j = 0; fields[j] != NULL && n < G_N_ELEMENTS (f); j++)
        if (fields[j][0] != '\0' && !g_str_equal (fields[j], "->"))
          f[n++] = fields[j];
      if (n < 6 || sscanf (f[5], "%x:%x:%" G_GUINT64_FORMAT, &major, &minor, &inode) != 3)
        continue;
      /* An open file description's lock (OFDLCK, Gloss's own among them)
       * has no process: "-1". */
      if (!g_ascii_isdigit (f[4][0]))
        continue;
      pid = (gulong) g_ascii_strtoull (f[4], NULL, 10);
      if (pid == 0 || pid == (gulong) getpid () ||
          g_hash_table_contains (seen, GSIZE_TO_POINTER (pid)))
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (files); k++)
        {
          if (have[k] && files[k].st_ino == inode &&
              major (files[k].st_dev) == major && minor (files[k].st_dev) == minor)
            {
              g_autofree char *comm_path = g_strdup_printf ("/proc/%lu/comm", pid);
              g_autofree char *comm = NULL;

              g_hash_table_add (seen, GSIZE_TO_POINTER (pid));
              if (holders->len > 0)
                g_string_append (holders, ", ");
              if (g_file_get_contents (comm_path, &comm, NULL, NULL))
                g_string_append_printf (holders, _("%s (process %lu)"),
                                        g_strstrip (comm), pid);
              else
                g_string_append_printf (holders, _("process %lu"), pid);
              break;
            }
        }
    }

  return holders->len > 0 ? g_string_free (g_steal_pointer (&holders), FALSE) : NULL;
}

void
gloss_store_set_sqlite_error (GlossStore  *self,
                              GError     **error,
                              int          rc)
{
  int primary = rc & 0xff;
  g_autofree char *display = g_filename_display_name (self->shown_path != NULL ? self->shown_path
                                                                               : self->path);

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    {
      g_autofree char *holders = describe_lock_holders (self->path);

      if (holders != NULL)
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY,
                     /* The second %s names programs: "sqlite3 (process 4242)". */
                     _("The project “%s” is in use by %s; try again when it is closed"),
                     display, holders);
      else
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY,
                     _("The project “%s” is in use by another program; try again when it is "
                       "closed"),
                     display);
    }
  else if (primary == SQLITE_READONLY)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_READ_ONLY,
                 _("The project “%s” is read-only: nothing in it can be changed. Export it, or "
                   "save a copy where you can write."),
                 display);
  else if (primary == SQLITE_FULL)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DISK_FULL,
                 _("The disk holding the project “%s” is full"), display);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT,
                 _("The project “%s” is damaged: %s"), display, sqlite3_errmsg (self->db));
  else if (primary == SQLITE_CONSTRAINT)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                 _("The project “%s” refused the change: %s"), display, sqlite3_errmsg (self->db));
  else
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                 _("Could not use the project “%s”: %s"), display, sqlite3_errmsg (self->db));
}

/* The statement for SQL (one statement), prepared once per connection and
 * found again by its text. The cache keeps the statement's own copy of
 * the text (sqlite3_sql ()) as the key, which lives exactly as long as the
 * statement: SQL may be a string the caller frees or reuses. */
sqlite3_stmt *
gloss_store_prepare (GlossStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  /* A key other than SQL itself (a second statement, blanks after the
   * first) would never be found again by SQL. */
  g_assert (stmt != NULL && g_str_equal (sqlite3_sql (stmt), sql));
  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
gloss_store_step_done (GlossStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Runs SQL, one or more statements, without the cache: for pragmas and
 * migrations, which run once. */
gboolean
gloss_store_exec (GlossStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Runs one statement from the cache: the transaction statements run a few
 * times per imported file, and parsing them each time was 4% of an import. */
static gboolean
store_run (GlossStore  *self,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);

  return stmt != NULL && gloss_store_step_done (self, stmt, error);
}

/* The number SQL answers: 0 when it gives no row, -1 when it fails. */
gint64
gloss_store_query_int (GlossStore *self,
                       const char *sql)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

/* Signals about a whole list (documents, labels, relation labels,
 * attributes, categories) and per-document or per-span changes are
 * coalesced: a batch of many spans announces each document once. */
static gboolean
is_coalesced (GlossStoreSignal signal_id)
{
  switch (signal_id)
    {
    case DOCUMENTS_CHANGED:
    case LABELS_CHANGED:
    case DOCUMENT_CHANGED:
    case RELATIONS_CHANGED:
    case RELATION_LABELS_CHANGED:
    case ATTRIBUTES_CHANGED:
    case SPAN_ATTRIBUTES_CHANGED:
    case CATEGORIES_CHANGED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether the signal is about a whole list, emitted before the others. */
static gboolean
is_list_signal (GlossStoreSignal signal_id)
{
  return signal_id == LABELS_CHANGED || signal_id == DOCUMENTS_CHANGED ||
         signal_id == RELATION_LABELS_CHANGED || signal_id == ATTRIBUTES_CHANGED ||
         signal_id == CATEGORIES_CHANGED;
}

void
gloss_store_queue_signal (GlossStore      *self,
                          GlossStoreSignal signal_id,
                          gpointer         first,
                          gpointer         second,
                          gint64           id)
{
  PendingSignal pending = {
    signal_id,
    first ? g_object_ref (first) : NULL,
    second ? g_object_ref (second) : NULL,
    id,
  };

  if (is_coalesced (signal_id))
    {
      gint64 key = ((gint64) signal_id << 56) | id;

      if (!g_hash_table_add (self->pending_keys, g_memdup2 (&key, sizeof key)))
        {
          g_clear_object (&pending.first);
          g_clear_object (&pending.second);
          return;
        }
    }

  g_array_append_val (self->pending_signals, pending);
}

void
gloss_change_free (GlossChange *change)
{
  if (change == NULL)
    return;

  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change);
}

/* Every mutation reports each row it changes here, as it was and as it is
 * (NULL for a row that did not or does not exist). The journal becomes one
 * undo step, and the right signals are queued for after the commit. */
void
gloss_store_record_change (GlossStore *self,
                           gpointer    before,
                           gpointer    after)
{
  GlossChange *change = g_new0 (GlossChange, 1);
  GObject *row = after ? after : before;

  g_return_if_fail (before != NULL || after != NULL);

  change->before = before ? g_object_ref (before) : NULL;
  change->after = after ? g_object_ref (after) : NULL;
  g_ptr_array_add (self->journal, change);

  if (GLOSS_IS_SPAN (row))
    {
      if (before == NULL)
        gloss_store_queue_signal (self, SPAN_ADDED, after, NULL, 0);
      else if (after == NULL)
        gloss_store_queue_signal (self, SPAN_REMOVED, before, NULL, 0);
      else
        gloss_store_queue_signal (self, SPAN_CHANGED, before, after, 0);

      /* A span made or deleted changes its document's count (and maybe its
       * status); a relabeled or noted one leaves the document as it was. */
      if (before == NULL || after == NULL ||
          gloss_span_get_document_id (GLOSS_SPAN (before)) !=
          gloss_span_get_document_id (GLOSS_SPAN (after)))
        gloss_store_queue_signal (self, DOCUMENT_CHANGED, NULL, NULL,
                                  gloss_span_get_document_id (GLOSS_SPAN (row)));
    }
  else if (GLOSS_IS_LABEL (row))
    {
      /* Any label written (deleted, moved, put back by undo) may change
       * the greatest position; gloss_store_add_label () sets it again. */
      self->next_label_position = -1;
      gloss_store_queue_signal (self, LABELS_CHANGED, NULL, NULL, 0);
    }
  else if (GLOSS_IS_DOCUMENT (row))
    {
      if (before == NULL || after == NULL)
        gloss_store_queue_signal (self, DOCUMENTS_CHANGED, NULL, NULL, 0);
      else
        gloss_store_queue_signal (self, DOCUMENT_CHANGED, NULL, NULL,
                                  gloss_document_get_id (GLOSS_DOCUMENT (row)));
    }
  else if (GLOSS_IS_RELATION (row))
    {
      gloss_store_queue_signal (self, RELATIONS_CHANGED, NULL, NULL,
                                gloss_relation_get_document_id (GLOSS_RELATION (row)));
    }
  else if (GLOSS_IS_RELATION_LABEL (row))
    {
      gloss_store_queue_signal (self, RELATION_LABELS_CHANGED, NULL, NULL, 0);
    }
  else if (GLOSS_IS_ATTRIBUTE (row))
    {
      gloss_store_queue_signal (self, ATTRIBUTES_CHANGED, NULL, NULL, 0);
    }
  else if (GLOSS_IS_ATTRIBUTE_VALUE (row))
    {
      gloss_store_queue_signal (self, SPAN_ATTRIBUTES_CHANGED, NULL, NULL,
                                gloss_attribute_value_get_span_id (GLOSS_ATTRIBUTE_VALUE (row)));
    }
  else if (GLOSS_IS_CATEGORY_SET (row) || GLOSS_IS_CATEGORY (row))
    {
      gloss_store_queue_signal (self, CATEGORIES_CHANGED, NULL, NULL, 0);
    }
  else if (GLOSS_IS_DOCUMENT_CATEGORY (row))
    {
      /* The document list shows a document's categories. */
      gloss_store_queue_signal (self, DOCUMENT_CHANGED, NULL, NULL,
                                gloss_document_category_get_document_id (GLOSS_DOCUMENT_CATEGORY (row)));
    }
}

static void
pending_signal_clear (gpointer data)
{
  PendingSignal *pending = data;

  g_clear_object (&pending->first);
  g_clear_object (&pending->second);
}

static void
emit_pending_signals (GlossStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending_signals);
  g_autoptr(GPtrArray) journal = g_steal_pointer (&self->journal);

  self->journal = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_change_free);
  g_hash_table_remove_all (self->pending_keys);

  self->pending_signals = g_array_new (FALSE, FALSE, sizeof (PendingSignal));
  g_array_set_clear_func (self->pending_signals, pending_signal_clear);

  g_object_ref (self);

  /* The lists first, so that a view updating a row finds the row's
   * document and label already current. */
  for (guint i = 0; i < pending->len; i++)
    {
      PendingSignal *p = &g_array_index (pending, PendingSignal, i);

      if (is_list_signal (p->signal_id))
        g_signal_emit (self, signals[p->signal_id], 0);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingSignal *p = &g_array_index (pending, PendingSignal, i);

      switch (p->signal_id)
        {
        case SPAN_ADDED:
        case SPAN_REMOVED:
          g_signal_emit (self, signals[p->signal_id], 0, p->first);
          break;
        case SPAN_CHANGED:
          g_signal_emit (self, signals[p->signal_id], 0, p->first, p->second);
          break;
        case DOCUMENT_CHANGED:
        case RELATIONS_CHANGED:
        case SPAN_ATTRIBUTES_CHANGED:
          g_signal_emit (self, signals[p->signal_id], 0, p->id);
          break;
        default:
          break;
        }
    }
  if (journal->len > 0)
    g_signal_emit (self, signals[CHANGES_COMMITTED], 0, journal);
  g_object_unref (self);
}

static void
transaction_lost (GlossStore  *self,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
               _("The changes to the project “%s” were undone after an error"), display);
}

/* BEHIND_WRITERS: for work in the background, which lets the process's
 * other writers go first and does not count as one of them. */
static gboolean
begin_transaction (GlossStore  *self,
                   gboolean     behind_writers,
                   GError     **error)
{
  if (behind_writers)
    wait_for_writers ();

  /* IMMEDIATE takes the write lock up front, so that the busy timeout applies
   * instead of a deadlock error on the first write. Nested calls are
   * savepoints, so that a failing inner step leaves the outer work intact. */
  if (self->transaction_depth == 0)
    {
      gboolean ok;

      /* Other connections may have changed the labels since the last
       * transaction. */
      self->next_label_position = -1;
      if (!behind_writers)
        writer_starts_waiting ();
      ok = store_run (self, "BEGIN IMMEDIATE", error);
      if (!behind_writers)
        writer_stops_waiting ();
      if (!ok)
        return FALSE;
    }
  else if (sqlite3_get_autocommit (self->db))
    {
      /* SQLite rolled the transaction back on an error (a full disk, an
       * I/O error): a savepoint now would start a transaction of its own,
       * which its release would commit. */
      transaction_lost (self, error);
      return FALSE;
    }
  else if (!store_run (self, "SAVEPOINT nested", error))
    {
      return FALSE;
    }

  /* Where this level starts, so that rolling it back forgets its journal
   * and its signals too. */
  {
    SavepointMarks marks = {
      self->pending_signals->len, self->journal->len,
    };

    g_array_append_val (self->savepoints, marks);
  }
  self->transaction_depth++;
  return TRUE;
}

gboolean
gloss_store_begin (GlossStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  return begin_transaction (self, FALSE, error);
}

gboolean
gloss_store_commit (GlossStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  /* SQLite rolled the transaction back on an error that its caller went
   * past: nothing of it is left to commit. */
  if (sqlite3_get_autocommit (self->db))
    {
      transaction_lost (self, error);
      gloss_store_rollback (self);
      return FALSE;
    }

  if (self->transaction_depth > 1)
    {
      if (!store_run (self, "RELEASE nested", error))
        return FALSE;
      self->transaction_depth--;
      g_array_set_size (self->savepoints, self->transaction_depth);
      return TRUE;
    }

  if (!store_run (self, "COMMIT", error))
    {
      gloss_store_rollback (self);
      return FALSE;
    }

  self->transaction_depth = 0;
  self->indexing_deferred = FALSE;
  self->next_label_position = -1;
  g_array_set_size (self->savepoints, 0);
  emit_pending_signals (self);
  return TRUE;
}

/* Whether a transaction is open: FALSE too when SQLite rolled it back on
 * its own after an error, and what was written in it is gone; its levels
 * still end with gloss_store_rollback (). */
gboolean
gloss_store_in_transaction (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  return self->transaction_depth > 0 && !sqlite3_get_autocommit (self->db);
}

void
gloss_store_rollback (GlossStore *self)
{
  gboolean lost;

  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  /* SQLite may have rolled the whole transaction back itself, after an
   * error (a full disk, an I/O error): then there is nothing left to roll
   * back, and each level ends as its caller gives it up. */
  lost = sqlite3_get_autocommit (self->db);

  /* The labels the rolled back level added are gone again. */
  self->next_label_position = -1;

  if (self->transaction_depth > 1)
    {
      SavepointMarks *marks;

      if (!lost)
        {
          store_run (self, "ROLLBACK TO nested", NULL);
          store_run (self, "RELEASE nested", NULL);
        }
      self->transaction_depth--;
      marks = &g_array_index (self->savepoints, SavepointMarks, self->transaction_depth);
      g_array_set_size (self->pending_signals, marks->pending_signals);
      g_ptr_array_set_size (self->journal, marks->journal);
      g_array_set_size (self->savepoints, self->transaction_depth);

      /* The coalesced signals still queued are the ones left. */
      g_hash_table_remove_all (self->pending_keys);
      for (guint i = 0; i < self->pending_signals->len; i++)
        {
          PendingSignal *p = &g_array_index (self->pending_signals, PendingSignal, i);
          gint64 key = ((gint64) p->signal_id << 56) | p->id;

          if (is_coalesced (p->signal_id))
            g_hash_table_add (self->pending_keys, g_memdup2 (&key, sizeof key));
        }
      return;
    }

  if (!lost)
    store_run (self, "ROLLBACK", NULL);
  self->indexing_deferred = FALSE;
  self->transaction_depth = 0;
  g_array_set_size (self->savepoints, 0);
  g_array_set_size (self->pending_signals, 0);
  g_ptr_array_set_size (self->journal, 0);
  g_hash_table_remove_all (self->pending_keys);
}

/* The transaction scope. Like GMutexLocker, a GlossStoreTransaction is
 * the store itself under another type: nothing is allocated, and NULL
 * means that nothing began. */
GlossStoreTransaction *
gloss_store_transaction_begin (GlossStore  *self,
                               GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return begin_transaction (self, FALSE, error) ? (GlossStoreTransaction *) self : NULL;
}

/* For background work (indexing): it waits until no other transaction of
 * this process waits for the write lock, and does not count as one. */
GlossStoreTransaction *
gloss_store_transaction_begin_behind_writers (GlossStore  *self,
                                              GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return begin_transaction (self, TRUE, error) ? (GlossStoreTransaction *) self : NULL;
}

/* Commits the level *TRANSACTION began, as gloss_store_commit () does, and
 * clears *TRANSACTION, so that going out of scope rolls nothing back. */
gboolean
gloss_store_transaction_commit (GlossStoreTransaction  **transaction,
                                GError                 **error)
{
  GlossStore *self = (GlossStore *) g_steal_pointer (transaction);

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  return gloss_store_commit (self, error);
}

/* Rolls back the level TRANSACTION began: what g_autoptr calls for one
 * still open as it goes out of scope. */
void
gloss_store_transaction_rollback (GlossStoreTransaction *transaction)
{
  gloss_store_rollback ((GlossStore *) transaction);
}

/* Starts a read transaction: what is read until gloss_store_end_read () is
 * one snapshot of the project, whatever other connections commit meanwhile
 * (in WAL mode they go on writing). Inside a transaction already, reads see
 * that one and nothing starts: *STARTED says whether to end one. */
gboolean
gloss_store_begin_read (GlossStore  *self,
                        gboolean    *started,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (started != NULL, FALSE);

  *started = FALSE;
  if (!sqlite3_get_autocommit (self->db))
    return TRUE;

  /* A plain BEGIN takes its snapshot at the first read, so it reads at once. */
  if (!store_run (self, "BEGIN", error))
    return FALSE;
  stmt = gloss_store_prepare (self, "SELECT count(*) FROM meta", error);
  rc = stmt != NULL ? sqlite3_step (stmt) : SQLITE_ERROR;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (stmt != NULL)
        gloss_store_set_sqlite_error (self, error, rc);
      store_run (self, "ROLLBACK", NULL);
      return FALSE;
    }

  *started = TRUE;
  return TRUE;
}

void
gloss_store_end_read (GlossStore *self)
{
  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (self->transaction_depth == 0);

  store_run (self, "COMMIT", NULL);
}

static void
gloss_store_finalize (GObject *object)
{
  GlossStore *self = (GlossStore *) object;

  g_clear_pointer (&self->checkpointer, gloss_store_checkpointer_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->open_project, gloss_open_projects_remove);
  g_clear_pointer (&self->pending_signals, g_array_unref);
  g_clear_pointer (&self->journal, g_ptr_array_unref);
  g_clear_pointer (&self->pending_keys, g_hash_table_unref);
  g_clear_pointer (&self->savepoints, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->shown_path, g_free);

  G_OBJECT_CLASS (gloss_store_parent_class)->finalize (object);
}

static void
gloss_store_class_init (GlossStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* Before the first project is opened: see gloss-file-locks.c. */
  if (!gloss_file_locks_install ())
    g_debug ("Open file description locks are not available; "
             "closing another descriptor of a project drops its locks");

  object_class->finalize = gloss_store_finalize;

  signals[SPAN_ADDED] =
    g_signal_new ("span-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_SPAN);
  signals[SPAN_REMOVED] =
    g_signal_new ("span-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_SPAN);
  /* Emitted with the span as it was and as it is now. */
  signals[SPAN_CHANGED] =
    g_signal_new ("span-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, GLOSS_TYPE_SPAN, GLOSS_TYPE_SPAN);
  /* A document's status or span count changed. */
  signals[DOCUMENT_CHANGED] =
    g_signal_new ("document-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Documents were added or removed. */
  signals[DOCUMENTS_CHANGED] =
    g_signal_new ("documents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LABELS_CHANGED] =
    g_signal_new ("labels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A document's relations changed (added, deleted, relabeled, noted). */
  signals[RELATIONS_CHANGED] =
    g_signal_new ("relations-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[RELATION_LABELS_CHANGED] =
    g_signal_new ("relation-labels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The attribute definitions changed. */
  signals[ATTRIBUTES_CHANGED] =
    g_signal_new ("attributes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A span's attribute values changed: the span's id. */
  signals[SPAN_ATTRIBUTES_CHANGED] =
    g_signal_new ("span-attributes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The category sets or their values changed; a document's own choices
   * come as "document-changed". */
  signals[CATEGORIES_CHANGED] =
    g_signal_new ("categories-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* After the other signals of a transaction: its journal, a GPtrArray of
   * GlossChange, in the order the rows changed. */
  signals[CHANGES_COMMITTED] =
    g_signal_new ("changes-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
gloss_store_init (GlossStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
  self->pending_signals = g_array_new (FALSE, FALSE, sizeof (PendingSignal));
  g_array_set_clear_func (self->pending_signals, pending_signal_clear);
  self->journal = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_change_free);
  self->pending_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->savepoints = g_array_new (FALSE, FALSE, sizeof (SavepointMarks));
  self->next_label_position = -1;
}

const char *
gloss_store_get_path (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return self->path;
}

/* The other programs that hold the project locked, as "sqlite3 (process
 * 4242)", or NULL when none is known. */
char *
gloss_store_describe_holders (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  return describe_lock_holders (self->path);
}

void
gloss_store_set_not_found (GError     **error,
                           const char  *what,
                           gint64       id)
{
  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
               _("There is no %s with id %" G_GINT64_FORMAT " in this project"), what, id);
}

/* Another connection (an import on a worker thread) changed the project:
 * views reload the document list, the labels, the relation labels, the
 * attributes and the categories. */
void
gloss_store_notify_changed_elsewhere (GlossStore *self)
{
  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (self->transaction_depth == 0);

  gloss_store_queue_signal (self, LABELS_CHANGED, NULL, NULL, 0);
  gloss_store_queue_signal (self, RELATION_LABELS_CHANGED, NULL, NULL, 0);
  gloss_store_queue_signal (self, ATTRIBUTES_CHANGED, NULL, NULL, 0);
  gloss_store_queue_signal (self, CATEGORIES_CHANGED, NULL, NULL, 0);
  gloss_store_queue_signal (self, DOCUMENTS_CHANGED, NULL, NULL, 0);
  emit_pending_signals (self);
}

