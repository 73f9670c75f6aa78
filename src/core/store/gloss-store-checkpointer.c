/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checkpoints on a thread of their own, for a connection writing in bulk.
 *
 * A project keeps its new pages in a write-ahead log first, and a
 * checkpoint copies them into the project file. SQLite runs one on the
 * writing connection itself, after a commit, and the writer waits for it:
 * in an import of many files that was an eighth of the time. A
 * checkpointer runs them on a connection of its own, beside the writing:
 * a passive checkpoint copies what is committed and never blocks a writer.
 *
 * The log grows while the writer keeps writing, since SQLite starts it
 * over only once everything in it is copied: a writer that asks with WAIT
 * waits for that, so that its next transaction starts the log over. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <sqlite3.h>

#include <glib/gi18n.h>

#include "gloss-store.h"
#include "gloss-store-checkpointer.h"

struct _GlossStoreCheckpointer
{
  sqlite3 *db;
  GThread *thread;

  GMutex lock;
  GCond changed;
  guint64 requested;   /* checkpoints asked for */
  guint64 done;        /* of those, how many a finished checkpoint covers */
  gboolean stopping;
};

static gpointer
checkpoint_thread (gpointer data)
{
  GlossStoreCheckpointer *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      guint64 target;
      int n_log = 0;
      int rc;

      while (self->done == self->requested && !self->stopping)
        g_cond_wait (&self->changed, &self->lock);
      /* What was asked for is done before stopping. */
      if (self->done == self->requested)
        break;

      target = self->requested;
      g_mutex_unlock (&self->lock);

      /* A checkpoint that fails loses nothing: the pages stay in the log,
       * for the next one (or the writer's own, once the bulk is over). */
      rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, NULL);
      if ((rc != SQLITE_OK && rc != SQLITE_BUSY) || n_log < 0)
        g_debug ("A checkpoint of “%s” did nothing: %s", sqlite3_db_filename (self->db, NULL),
                 rc != SQLITE_OK ? sqlite3_errmsg (self->db) : "not in WAL mode");

      g_mutex_lock (&self->lock);
      self->done = target;
      g_cond_broadcast (&self->changed);
    }
  g_mutex_unlock (&self->lock);

  return NULL;
}

/* A checkpointer for the project at PATH, on a connection of its own. */
GlossStoreCheckpointer *
gloss_store_checkpointer_new (const char  *path,
                              GError     **error)
{
  GlossStoreCheckpointer *self;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* A connection learns that the file is in WAL mode when it first reads
   * it: until then a checkpoint does nothing and says nothing. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA synchronous = FULL; PRAGMA schema_version", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not open “%s” a second time: %s"), display,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  self = g_new0 (GlossStoreCheckpointer, 1);
  self->db = db;
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  self->thread = g_thread_new ("gloss-checkpoint", checkpoint_thread, self);

  return self;
}

/* Asks for a checkpoint of everything committed so far; with WAIT, returns
 * once it is done. */
void
gloss_store_checkpointer_request (GlossStoreCheckpointer *self,
                                  gboolean                wait)
{
  guint64 target;

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  target = ++self->requested;
  g_cond_broadcast (&self->changed);
  while (wait && self->done < target)
    g_cond_wait (&self->changed, &self->lock);
  g_mutex_unlock (&self->lock);
}

/* Finishes the checkpoint asked for last, if any, and closes. */
void
gloss_store_checkpointer_free (GlossStoreCheckpointer *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);

  g_thread_join (self->thread);
  sqlite3_close (self->db);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self);
}
