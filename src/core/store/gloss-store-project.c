/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project as a whole: its meta entries (its name, when it was made
 * and by which version) and the counts the statistics show. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include "gloss-store-private.h"

/* The project's name, as a window title shows it. */
char *
gloss_store_dup_name (GlossStore *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  name = gloss_store_dup_meta (self, "name");
  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);

  return g_path_get_basename (self->path);
}

char *
gloss_store_dup_meta (GlossStore *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = gloss_store_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gboolean
gloss_store_set_meta (GlossStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  stmt = gloss_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  return gloss_store_step_done (self, stmt, error) && gloss_store_transaction_commit (&tx, error);
}

static void
label_stats_free (gpointer data)
{
  GlossLabelStats *stats = data;

  g_clear_object (&stats->label);
  g_free (stats);
}

void
gloss_store_stats_free (GlossStoreStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->labels, g_ptr_array_unref);
  g_free (stats);
}

GlossStoreStats *
gloss_store_get_stats (GlossStore  *self,
                       GError     **error)
{
  g_autoptr(GlossStoreStats) stats = g_new0 (GlossStoreStats, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  stats->labels = g_ptr_array_new_with_free_func (label_stats_free);

  stmt = gloss_store_prepare (self,
                              "SELECT status, count (*), total (span_count) FROM documents "
                              "GROUP BY status",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossDocumentStatus status;

      if (!gloss_document_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &status))
        continue;
      stats->documents[status] = sqlite3_column_int64 (stmt, 1);
      stats->n_documents += sqlite3_column_int64 (stmt, 1);
      stats->n_spans += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  stmt = gloss_store_prepare (self,
                              "SELECT " GLOSS_STORE_LABEL_COLUMNS ", "
                              "  (SELECT count (*) FROM spans WHERE spans.label = labels.id), "
                              "  (SELECT count (DISTINCT document) FROM spans WHERE spans.label = labels.id) "
                              "FROM labels ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossLabelStats *label_stats = g_new0 (GlossLabelStats, 1);

      label_stats->label = gloss_store_label_from_row (stmt);
      label_stats->spans = sqlite3_column_int64 (stmt, 6);
      label_stats->documents = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (stats->labels, label_stats);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&stats);
}
