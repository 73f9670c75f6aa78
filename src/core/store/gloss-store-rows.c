/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the tables' files share, below all of them: a row as the value
 * object it is (GlossLabel, GlossSpan, from the columns of
 * GLOSS_STORE_LABEL_COLUMNS and GLOSS_STORE_SPAN_COLUMNS), and deleting
 * rows with each one journaled. Deleting a document or a label deletes
 * its spans through these, so that neither file calls the spans' file,
 * which calls them. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include "gloss-store-private.h"

GlossLabel *
gloss_store_label_from_row (sqlite3_stmt *stmt)
{
  return gloss_label_new (sqlite3_column_int64 (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 4),
                          sqlite3_column_int (stmt, 5));
}

GlossSpan *
gloss_store_span_from_row (sqlite3_stmt *stmt)
{
  return gloss_span_new (sqlite3_column_int64 (stmt, 0),
                         sqlite3_column_int64 (stmt, 1),
                         sqlite3_column_int64 (stmt, 2),
                         sqlite3_column_int64 (stmt, 3),
                         sqlite3_column_int64 (stmt, 4),
                         (const char *) sqlite3_column_text (stmt, 5),
                         (const char *) sqlite3_column_text (stmt, 6),
                         (const char *) sqlite3_column_text (stmt, 7),
                         (const char *) sqlite3_column_text (stmt, 8));
}

/* The spans of STMT, bound and prepared with GLOSS_STORE_SPAN_COLUMNS, in
 * the order it gives; NULL with ERROR set when a step fails. */
GPtrArray *
gloss_store_collect_spans (GlossStore    *self,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (spans, gloss_store_span_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&spans);
}

/* Runs SQL, a DELETE of one row by id, and journals ROW as deleted. */
gboolean
gloss_store_delete_row (GlossStore  *self,
                        const char  *sql,
                        gint64       id,
                        gpointer     row,
                        GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, row, NULL);
  return TRUE;
}

/* Runs SQL, a DELETE ... RETURNING the span columns with ID as its one
 * parameter, and journals each span it deletes. */
gboolean
gloss_store_delete_spans_where (GlossStore  *self,
                                const char  *sql,
                                gint64       id,
                                GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GlossSpan) span = gloss_store_span_from_row (stmt);

      gloss_store_record_change (self, span, NULL);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

GlossRelationLabel *
gloss_store_relation_label_from_row (sqlite3_stmt *stmt)
{
  return gloss_relation_label_new (sqlite3_column_int64 (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4),
                                   sqlite3_column_int (stmt, 5) != 0,
                                   sqlite3_column_int (stmt, 6));
}

GlossRelation *
gloss_store_relation_from_row (sqlite3_stmt *stmt)
{
  return gloss_relation_new (sqlite3_column_int64 (stmt, 0),
                             sqlite3_column_int64 (stmt, 1),
                             sqlite3_column_int64 (stmt, 2),
                             sqlite3_column_int64 (stmt, 3),
                             sqlite3_column_int64 (stmt, 4),
                             (const char *) sqlite3_column_text (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6),
                             (const char *) sqlite3_column_text (stmt, 7),
                             (const char *) sqlite3_column_text (stmt, 8));
}

GlossAttributeValue *
gloss_store_attribute_value_from_row (sqlite3_stmt *stmt)
{
  return gloss_attribute_value_new (sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2));
}

/* The rows of STMT, bound and prepared, as FROM_ROW makes them, in the
 * order it gives; NULL with ERROR set when a step fails. */
GPtrArray *
gloss_store_collect_rows (GlossStore     *self,
                          sqlite3_stmt   *stmt,
                          GObject      *(*from_row) (sqlite3_stmt *stmt),
                          GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Runs SQL, a DELETE ... RETURNING the columns FROM_ROW reads with ID as
 * its one parameter, and journals each row it deletes. */
gboolean
gloss_store_delete_rows_where (GlossStore     *self,
                               const char     *sql,
                               gint64          id,
                               GObject      *(*from_row) (sqlite3_stmt *stmt),
                               GError        **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  /* Journaled once the statement is done: recording queues signals, and
   * nothing should run between the steps of a DELETE ... RETURNING. */
  rows = gloss_store_collect_rows (self, stmt, from_row, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    gloss_store_record_change (self, rows->pdata[i], NULL);

  return TRUE;
}

/* Deletes what hangs on spans about to be deleted (the span SPAN_ID, or
 * every span of the document or label ID): their relations, each
 * journaled before the spans are, so that undo, which goes backwards,
 * puts the spans back first. */
gboolean
gloss_store_delete_span_dependents (GlossStore        *self,
                                    GlossStoreSpansOf  spans_of,
                                    gint64             id,
                                    GError           **error)
{
  static const char * const relations_sql[] = {
    [GLOSS_STORE_SPANS_OF_SPAN] =
      "DELETE FROM relations WHERE from_span = ?1 OR to_span = ?1 "
      "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
    [GLOSS_STORE_SPANS_OF_DOCUMENT] =
      "DELETE FROM relations WHERE document = ?1 "
      "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
    [GLOSS_STORE_SPANS_OF_LABEL] =
      "DELETE FROM relations WHERE from_span IN (SELECT id FROM spans WHERE label = ?1) "
      "OR to_span IN (SELECT id FROM spans WHERE label = ?1) "
      "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
  };

  return gloss_store_delete_rows_where (self, relations_sql[spans_of], id,
                                        (GObject * (*) (sqlite3_stmt *)) gloss_store_relation_from_row,
                                        error);
}
