/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the tables' files share, below all of them: a row as the value
 * object it is (GlossLabel, GlossSpan, GlossRelation, ... from the
 * columns of the GLOSS_STORE_*_COLUMNS), collected, read by id and written
 * through one function each, and deleting rows with each one journaled.
 * Deleting a document or a label deletes its spans, and what hangs on
 * them (relations, attribute values), through these, so that neither file
 * calls the spans' file, which calls them. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include "gloss-store-private.h"

gpointer
gloss_store_label_from_row (GlossStore    *self,
                            sqlite3_stmt  *stmt,
                            GError       **error)
{
  return gloss_label_new (sqlite3_column_int64 (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 4),
                          sqlite3_column_int (stmt, 5));
}

gpointer
gloss_store_span_from_row (GlossStore    *self,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  return gloss_span_new (sqlite3_column_int64 (stmt, 0),
                         sqlite3_column_int64 (stmt, 1),
                         sqlite3_column_int64 (stmt, 2),
                         sqlite3_column_int64 (stmt, 3),
                         sqlite3_column_int64 (stmt, 4),
                         sqlite3_column_int64 (stmt, 9),
                         (const char *) sqlite3_column_text (stmt, 5),
                         (const char *) sqlite3_column_text (stmt, 6),
                         (const char *) sqlite3_column_text (stmt, 7),
                         (const char *) sqlite3_column_text (stmt, 8));
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

gpointer
gloss_store_relation_label_from_row (GlossStore    *self,
                                     sqlite3_stmt  *stmt,
                                     GError       **error)
{
  return gloss_relation_label_new (sqlite3_column_int64 (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4),
                                   sqlite3_column_int (stmt, 5) != 0,
                                   sqlite3_column_int (stmt, 6));
}

gpointer
gloss_store_relation_from_row (GlossStore    *self,
                               sqlite3_stmt  *stmt,
                               GError       **error)
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

gpointer
gloss_store_attribute_value_from_row (GlossStore    *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error)
{
  return gloss_attribute_value_new (sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2));
}

/* The rows of STMT, bound and prepared, each as FROM_ROW makes it, in the
 * order it gives; NULL with ERROR set when a step or FROM_ROW fails. */
GPtrArray *
gloss_store_collect_rows (GlossStore         *self,
                          sqlite3_stmt       *stmt,
                          GlossStoreRowFunc   from_row,
                          GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = from_row (self, stmt, error);

      if (row == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* The rows of the query SQL, with ID bound to its parameter when it has
 * one, each as FROM_ROW makes it; NULL with ERROR set. */
GPtrArray *
gloss_store_query_rows (GlossStore         *self,
                        const char         *sql,
                        gint64              id,
                        GlossStoreRowFunc   from_row,
                        GError            **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return gloss_store_collect_rows (self, stmt, from_row, error);
}

/* The one row the query SQL gives for ID, a new reference; NULL with
 * ERROR set, WHAT ("label") naming it when there is none. */
gpointer
gloss_store_get_row (GlossStore         *self,
                     const char         *sql,
                     gint64              id,
                     GlossStoreRowFunc   from_row,
                     const char         *what,
                     GError            **error)
{
  g_autoptr(GPtrArray) rows = gloss_store_query_rows (self, sql, id, from_row, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      gloss_store_set_not_found (error, what, id);
      return NULL;
    }

  return g_object_ref (rows->pdata[0]);
}

/* Runs STMT, a write RETURNING one row FROM_ROW reads, and journals it as
 * changed from BEFORE. The row as written, or NULL with ERROR set. */
gpointer
gloss_store_write_row (GlossStore         *self,
                       sqlite3_stmt       *stmt,
                       GlossStoreRowFunc   from_row,
                       gpointer            before,
                       GError            **error)
{
  gpointer row = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    row = from_row (self, stmt, error);
  sqlite3_reset (stmt);

  if (row == NULL)
    {
      if (rc != SQLITE_ROW)
        gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  gloss_store_record_change (self, before, row);
  return row;
}

/* Runs SQL, a query of a name with VALUE as its first parameter,
 * EXCEPT_ID as its second and SCOPE as its third when it has one: the name
 * of the row other than EXCEPT_ID that already has VALUE (a name or key
 * that must stay unique), in *OWNER, or NULL there when none has it. FALSE
 * with ERROR set when the query fails. */
gboolean
gloss_store_find_owner (GlossStore  *self,
                        const char  *sql,
                        const char  *value,
                        gint64       except_id,
                        gint64       scope,
                        char       **owner,
                        GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);
  int rc;

  *owner = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, scope);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Runs SQL, a DELETE ... RETURNING the columns FROM_ROW reads with ID as
 * its one parameter, and journals each row it deletes. */
gboolean
gloss_store_delete_rows_where (GlossStore         *self,
                               const char         *sql,
                               gint64              id,
                               GlossStoreRowFunc   from_row,
                               GError            **error)
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

/* Deletes what hangs on spans about to be deleted (the span SPAN_ID and
 * its parts, or every span of the document or label ID): their relations,
 * each journaled before the spans are, so that undo, which goes backwards,
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
      "OR from_span IN (SELECT id FROM spans WHERE part_of = ?1) "
      "OR to_span IN (SELECT id FROM spans WHERE part_of = ?1) "
      "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
    [GLOSS_STORE_SPANS_OF_DOCUMENT] =
      "DELETE FROM relations WHERE document = ?1 "
      "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
    [GLOSS_STORE_SPANS_OF_LABEL] =
      "DELETE FROM relations WHERE from_span IN (SELECT id FROM spans WHERE label = ?1) "
      "OR to_span IN (SELECT id FROM spans WHERE label = ?1) "
      "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
  };

  static const char * const values_sql[] = {
    [GLOSS_STORE_SPANS_OF_SPAN] =
      "DELETE FROM span_attributes WHERE span = ?1 "
      "OR span IN (SELECT id FROM spans WHERE part_of = ?1) "
      "RETURNING " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS,
    [GLOSS_STORE_SPANS_OF_DOCUMENT] =
      "DELETE FROM span_attributes WHERE span IN (SELECT id FROM spans WHERE document = ?1) "
      "RETURNING " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS,
    [GLOSS_STORE_SPANS_OF_LABEL] =
      "DELETE FROM span_attributes WHERE span IN (SELECT id FROM spans WHERE label = ?1) "
      "RETURNING " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS,
  };

  if (!gloss_store_delete_rows_where (self, relations_sql[spans_of], id,
                                      gloss_store_relation_from_row, error) ||
      !gloss_store_delete_rows_where (self, values_sql[spans_of], id,
                                      gloss_store_attribute_value_from_row,
                                      error))
    return FALSE;

  /* A document's categories go with it too (before it, as its spans). */
  return spans_of != GLOSS_STORE_SPANS_OF_DOCUMENT ||
         gloss_store_delete_rows_where (self,
                                        "DELETE FROM document_categories WHERE document = ?1 "
                                        "RETURNING document, category",
                                        id,
                                        gloss_store_document_category_from_row,
                                        error);
}

/* The first part of SPAN_ID's group (SPAN_ID itself for an ordinary
 * span), or SPAN_ID when there is no such span: what hangs on a
 * discontinuous span hangs on its first part. */
gint64
gloss_store_group_of (GlossStore *self,
                      gint64      span_id)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, "SELECT coalesce (part_of, id) FROM spans "
                                                  "WHERE id = ?", NULL);
  gint64 group_id = span_id;

  if (stmt == NULL)
    return span_id;

  sqlite3_bind_int64 (stmt, 1, span_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    group_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return group_id;
}

/* The parts go first: deleting a first part would take its parts along
 * through the cascade, unjournaled, and undo, which goes backwards, must
 * put the first part back before the parts that name it. */
gboolean
gloss_store_delete_spans (GlossStore        *self,
                          GlossStoreSpansOf  spans_of,
                          gint64             id,
                          GError           **error)
{
  static const char * const parts_sql[] = {
    [GLOSS_STORE_SPANS_OF_SPAN] =
      "DELETE FROM spans WHERE part_of = ?1 RETURNING " GLOSS_STORE_SPAN_COLUMNS,
    [GLOSS_STORE_SPANS_OF_DOCUMENT] =
      "DELETE FROM spans WHERE document = ?1 AND part_of IS NOT NULL "
      "RETURNING " GLOSS_STORE_SPAN_COLUMNS,
    [GLOSS_STORE_SPANS_OF_LABEL] =
      "DELETE FROM spans WHERE label = ?1 AND part_of IS NOT NULL "
      "RETURNING " GLOSS_STORE_SPAN_COLUMNS,
  };
  static const char * const spans_sql[] = {
    [GLOSS_STORE_SPANS_OF_SPAN] =
      "DELETE FROM spans WHERE id = ?1 RETURNING " GLOSS_STORE_SPAN_COLUMNS,
    [GLOSS_STORE_SPANS_OF_DOCUMENT] =
      "DELETE FROM spans WHERE document = ?1 RETURNING " GLOSS_STORE_SPAN_COLUMNS,
    [GLOSS_STORE_SPANS_OF_LABEL] =
      "DELETE FROM spans WHERE label = ?1 RETURNING " GLOSS_STORE_SPAN_COLUMNS,
  };

  return gloss_store_delete_rows_where (self, parts_sql[spans_of], id, gloss_store_span_from_row,
                                        error) &&
         gloss_store_delete_rows_where (self, spans_sql[spans_of], id, gloss_store_span_from_row,
                                        error);
}

gpointer
gloss_store_document_category_from_row (GlossStore    *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error)
{
  return gloss_document_category_new (sqlite3_column_int64 (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1));
}

/* An attribute from a row of GLOSS_STORE_ATTRIBUTE_COLUMNS, with the span
 * labels it applies to read from attribute_labels. STMT must not be a
 * statement this runs: the labels' statement is another. */
gpointer
gloss_store_attribute_from_row (GlossStore    *self,
                                sqlite3_stmt  *stmt,
                                GError       **error)
{
  g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) values = NULL;
  const char *choices = (const char *) sqlite3_column_text (stmt, 3);
  GlossAttributeKind kind = GLOSS_ATTRIBUTE_KIND_TEXT;
  sqlite3_stmt *labels;
  int rc;

  gloss_attribute_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
  values = choices[0] != '\0' ? g_strsplit (choices, "\n", -1) : g_new0 (char *, 1);

  labels = gloss_store_prepare (self,
                                "SELECT label FROM attribute_labels WHERE attribute = ? "
                                "ORDER BY label",
                                error);
  if (labels == NULL)
    return NULL;
  sqlite3_bind_int64 (labels, 1, sqlite3_column_int64 (stmt, 0));
  while ((rc = sqlite3_step (labels)) == SQLITE_ROW)
    {
      gint64 label_id = sqlite3_column_int64 (labels, 0);

      g_array_append_val (label_ids, label_id);
    }
  sqlite3_reset (labels);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return gloss_attribute_new (sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1), kind,
                              (const char * const *) values, label_ids,
                              sqlite3_column_int (stmt, 4));
}

GlossAttribute *
gloss_store_get_attribute_row (GlossStore  *self,
                               gint64       attribute_id,
                               GError     **error)
{
  return gloss_store_get_row (self,
                              "SELECT " GLOSS_STORE_ATTRIBUTE_COLUMNS " FROM attributes "
                              "WHERE id = ?",
                              attribute_id, gloss_store_attribute_from_row, "attribute", error);
}

/* Makes LABEL_IDS the span labels the attribute applies to. */
gboolean
gloss_store_set_attribute_labels (GlossStore    *self,
                                  gint64         attribute_id,
                                  const GArray  *label_ids,
                                  GError       **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "DELETE FROM attribute_labels WHERE attribute = ?",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attribute_id);
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; label_ids != NULL && i < label_ids->len; i++)
    {
      stmt = gloss_store_prepare (self,
                                  "INSERT OR IGNORE INTO attribute_labels (attribute, label) "
                                  "VALUES (?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, attribute_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (label_ids, gint64, i));
      if (!gloss_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Deletes ATTRIBUTE's values, journaled, then its row. */
gboolean
gloss_store_delete_attribute_row (GlossStore      *self,
                                  GlossAttribute  *attribute,
                                  GError         **error)
{
  return gloss_store_delete_rows_where (self,
                                        "DELETE FROM span_attributes WHERE attribute = ?1 "
                                        "RETURNING " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS,
                                        gloss_attribute_get_id (attribute),
                                        gloss_store_attribute_value_from_row,
                                        error) &&
         gloss_store_delete_row (self, "DELETE FROM attributes WHERE id = ?",
                                 gloss_attribute_get_id (attribute), attribute, error);
}

/* The span label LABEL_ID goes away (deleted, or merged into
 * INTO_LABEL_ID, else 0): each attribute that applies to it applies to
 * INTO_LABEL_ID instead, or no longer to it. One that applied to it alone
 * and to nothing after is deleted: it applied to no span that is left.
 * Each change is journaled. */
gboolean
gloss_store_attributes_drop_label (GlossStore  *self,
                                   gint64       label_id,
                                   gint64       into_label_id,
                                   GError     **error)
{
  g_autoptr(GPtrArray) attributes = NULL;

  attributes = gloss_store_query_rows (self,
                                       "SELECT " GLOSS_STORE_ATTRIBUTE_COLUMNS " FROM attributes "
                                       "WHERE id IN (SELECT attribute FROM attribute_labels "
                                       "             WHERE label = ?)",
                                       label_id, gloss_store_attribute_from_row, error);
  if (attributes == NULL)
    return FALSE;

  for (guint i = 0; i < attributes->len; i++)
    {
      GlossAttribute *before = attributes->pdata[i];
      const GArray *old_ids = gloss_attribute_get_label_ids (before);
      g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GlossAttribute) after = NULL;

      for (guint j = 0; j < old_ids->len; j++)
        {
          if (g_array_index (old_ids, gint64, j) != label_id)
            g_array_append_val (new_ids, g_array_index (old_ids, gint64, j));
        }
      if (into_label_id != 0 && !gloss_attribute_applies_to (before, into_label_id))
        g_array_append_val (new_ids, into_label_id);

      if (new_ids->len == 0)
        {
          if (!gloss_store_delete_attribute_row (self, before, error))
            return FALSE;
          continue;
        }

      g_array_sort (new_ids, (GCompareFunc) gloss_store_compare_ids);
      if (!gloss_store_set_attribute_labels (self, gloss_attribute_get_id (before), new_ids, error))
        return FALSE;
      after = gloss_attribute_new (gloss_attribute_get_id (before), gloss_attribute_get_name (before),
                                   gloss_attribute_get_kind (before),
                                   gloss_attribute_get_values (before), new_ids,
                                   gloss_attribute_get_position (before));
      gloss_store_record_change (self, before, after);
    }

  return TRUE;
}

int
gloss_store_compare_ids (gconstpointer a,
                         gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return id_a < id_b ? -1 : id_a > id_b;
}

/* Span SPAN_ID is about to go, and INTO_SPAN_ID, a span over the same
 * text, stays in its place: the relations from or to it go from or to
 * INTO_SPAN_ID instead (or go, when that would relate the span to itself
 * or repeat a relation it has), and its attribute values become
 * INTO_SPAN_ID's where it has none of that attribute. Each change is
 * journaled, before the span's delete, so that undo puts the span back
 * first. */
gboolean
gloss_store_move_span_dependents (GlossStore  *self,
                                  gint64       span_id,
                                  gint64       into_span_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) values = NULL;
  sqlite3_stmt *stmt;

  relations = gloss_store_query_rows (self,
                                      "SELECT " GLOSS_STORE_RELATION_COLUMNS " FROM relations "
                                      "WHERE from_span = ?1 OR to_span = ?1 ORDER BY id",
                                      span_id, gloss_store_relation_from_row, error);
  if (relations == NULL)
    return FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *before = relations->pdata[i];
      g_autoptr(GlossRelation) after = NULL;
      gint64 from = gloss_relation_get_from_id (before);
      gint64 to = gloss_relation_get_to_id (before);
      gboolean taken;
      int rc;

      from = from == span_id ? into_span_id : from;
      to = to == span_id ? into_span_id : to;

      /* An undirected relation is the same either way round. */
      stmt = gloss_store_prepare (self,
                                  "SELECT 1 FROM relations WHERE id != ?4 AND "
                                  "((from_span = ?1 AND to_span = ?2 AND label = ?3) OR "
                                  " ((SELECT directed FROM relation_labels WHERE id = ?3) = 0 "
                                  "  AND from_span = ?2 AND to_span = ?1 AND label = ?3)) LIMIT 1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      sqlite3_bind_int64 (stmt, 3, gloss_relation_get_label_id (before));
      sqlite3_bind_int64 (stmt, 4, gloss_relation_get_id (before));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          gloss_store_set_sqlite_error (self, error, rc);
          return FALSE;
        }
      taken = rc == SQLITE_ROW;

      if (from == to || taken)
        {
          if (!gloss_store_delete_row (self, "DELETE FROM relations WHERE id = ?",
                                       gloss_relation_get_id (before), before, error))
            return FALSE;
          continue;
        }

      stmt = gloss_store_prepare (self,
                                  "UPDATE relations SET from_span = ?, to_span = ? WHERE id = ? "
                                  "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      sqlite3_bind_int64 (stmt, 3, gloss_relation_get_id (before));
      after = gloss_store_write_row (self, stmt, gloss_store_relation_from_row, before, error);
      if (after == NULL)
        return FALSE;
    }

  /* The values the kept span lacks, copied; then all of the span's go. */
  stmt = gloss_store_prepare (self,
                              "INSERT INTO span_attributes (span, attribute, value) "
                              "SELECT ?2, attribute, value FROM span_attributes WHERE span = ?1 "
                              "AND attribute NOT IN (SELECT attribute FROM span_attributes "
                              "                      WHERE span = ?2) "
                              "RETURNING " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS,
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, span_id);
  sqlite3_bind_int64 (stmt, 2, into_span_id);
  values = gloss_store_collect_rows (self, stmt, gloss_store_attribute_value_from_row, error);
  if (values == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    gloss_store_record_change (self, NULL, values->pdata[i]);

  return gloss_store_delete_rows_where (self,
                                        "DELETE FROM span_attributes WHERE span = ?1 "
                                        "RETURNING " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS,
                                        span_id, gloss_store_attribute_value_from_row, error);
}
