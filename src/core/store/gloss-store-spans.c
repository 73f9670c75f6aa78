/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The spans: adding one (checked against its document's length and its
 * label), reading them in reading order (all, or a page at a time),
 * relabeling, notes, deleting (with its relations and attribute values),
 * and writing one back as it was (undo). Each change is one journaled
 * transaction. A discontinuous span is a group of spans, its parts (see
 * gloss-span.h): relabeling or deleting any part does it to the group,
 * and its note is the first part's. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-offsets.h"
#include "gloss-store-private.h"

/* Adds a span, or with PART_OF a further part of that span. */
static GlossSpan *
insert_span (GlossStore  *self,
             gint64       document_id,
             gint64       label_id,
             gint64       start,
             gint64       end,
             gint64       part_of,
             const char  *annotator,
             const char  *note,
             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  document = gloss_store_get_document (self, document_id, error);
  if (document == NULL || !gloss_store_label_exists (self, label_id, error))
    return NULL;

  if (!gloss_offsets_check_span (gloss_document_get_length (document), start, end, &local_error))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("Document “%s”: %s"), gloss_document_get_name (document),
                   local_error->message);
      return NULL;
    }

  stmt = gloss_store_prepare (self,
                        "INSERT INTO spans (document, label, start, end, annotator, note, "
                        "                   created, modified, part_of) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, nullif (?, 0)) "
                        "RETURNING " GLOSS_STORE_SPAN_COLUMNS,
                        error);
  if (stmt == NULL)
    return NULL;

  now = gloss_store_now ();
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  sqlite3_bind_text (stmt, 5, annotator ? annotator : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, note ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, part_of);

  span = gloss_store_write_row (self, stmt, gloss_store_span_from_row, NULL, error);
  if (span == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&span);
}

GlossSpan *
gloss_store_add_span (GlossStore  *self,
                      gint64       document_id,
                      gint64       label_id,
                      gint64       start,
                      gint64       end,
                      const char  *annotator,
                      const char  *note,
                      GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return insert_span (self, document_id, label_id, start, end, 0, annotator, note, error);
}

/**
 * gloss_store_add_span_part:
 *
 * Adds [START, END) as a further part of the span FIRST_ID, which becomes
 * (or is) a discontinuous span: the part has its document, label and
 * annotator, and no note of its own (the group's is the first part's).
 * Parts are added in order and apart: the part must start at or after the
 * end of the group's last part (so the first part stays the first); a
 * part of a part is refused.
 */
GlossSpan *
gloss_store_add_span_part (GlossStore  *self,
                           gint64       first_id,
                           gint64       start,
                           gint64       end,
                           GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossSpan) first = NULL;
  g_autoptr(GlossSpan) part = NULL;
  sqlite3_stmt *stmt;
  gint64 last_end;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  first = gloss_store_get_span (self, first_id, error);
  if (first == NULL)
    return NULL;

  /* Parts come in order and apart, as brat writes a span's fragments. */
  stmt = gloss_store_prepare (self, "SELECT max (end) FROM spans WHERE id = ?1 OR part_of = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_id);
  last_end = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : G_MAXINT64;
  sqlite3_reset (stmt);

  if (gloss_span_get_part_of (first) != 0 || start < last_end)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("A part of a discontinuous span must come after its other parts"));
      return NULL;
    }

  part = insert_span (self, gloss_span_get_document_id (first), gloss_span_get_label_id (first),
                      start, end, first_id, gloss_span_get_annotator (first), NULL, error);
  if (part == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&part);
}

/* Whether any span of the project is a part of a discontinuous one. */
gboolean
gloss_store_has_span_parts (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  return gloss_store_query_int (self, "SELECT EXISTS (SELECT 1 FROM spans "
                                      "WHERE part_of IS NOT NULL)") > 0;
}

/* The spans of SPAN_ID's group, the first part first: SPAN_ID alone when
 * it is an ordinary span. */
GPtrArray *
gloss_store_list_span_parts (GlossStore  *self,
                             gint64       span_id,
                             GError     **error)
{
  g_autoptr(GlossSpan) span = NULL;
  gint64 first_id;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  span = gloss_store_get_span (self, span_id, error);
  if (span == NULL)
    return NULL;

  first_id = gloss_span_get_group_id (span);
  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_SPAN_COLUMNS " FROM spans "
                                 "WHERE id = ?1 OR part_of = ?1 "
                                 "ORDER BY part_of IS NOT NULL, start, id",
                                 first_id, gloss_store_span_from_row, error);
}

GlossSpan *
gloss_store_get_span (GlossStore  *self,
                      gint64       span_id,
                      GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_row (self, "SELECT " GLOSS_STORE_SPAN_COLUMNS " FROM spans WHERE id = ?",
                              span_id, gloss_store_span_from_row, "span", error);
}

GPtrArray *
gloss_store_list_spans (GlossStore  *self,
                        gint64       document_id,
                        GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_SPAN_COLUMNS " FROM spans "
                                 "WHERE document = ? ORDER BY start, end DESC, id",
                                 document_id, gloss_store_span_from_row, error);
}

/* The spans of DOCUMENT_ID that come after the span (AFTER_START,
 * AFTER_END, AFTER_ID) in reading order, at most LIMIT of them: a window
 * loads a long document's spans a page at a time. AFTER_ID 0 starts at
 * the beginning. */
GPtrArray *
gloss_store_list_spans_page (GlossStore  *self,
                             gint64       document_id,
                             gint64       after_start,
                             gint64       after_end,
                             gint64       after_id,
                             guint        limit,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  stmt = gloss_store_prepare (self,
                              "SELECT " GLOSS_STORE_SPAN_COLUMNS " FROM spans "
                              "WHERE document = ?1 AND (?4 = 0 OR start > ?2 "
                              "  OR (start = ?2 AND (end < ?3 OR (end = ?3 AND id > ?4)))) "
                              "ORDER BY start, end DESC, id LIMIT ?5",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, after_start);
  sqlite3_bind_int64 (stmt, 3, after_end);
  sqlite3_bind_int64 (stmt, 4, after_id);
  sqlite3_bind_int64 (stmt, 5, limit);
  return gloss_store_collect_rows (self, stmt, gloss_store_span_from_row, error);
}

/* Relabels SPAN_ID's whole group; returns SPAN_ID as it now is. */
GlossSpan *
gloss_store_relabel_span (GlossStore  *self,
                          gint64       span_id,
                          gint64       label_id,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  parts = gloss_store_list_span_parts (self, span_id, error);
  if (parts == NULL || !gloss_store_label_exists (self, label_id, error))
    return NULL;

  now = gloss_store_now ();
  for (guint i = 0; i < parts->len; i++)
    {
      g_autoptr(GlossSpan) after = NULL;

      if (!gloss_store_move_span_row (self, g_ptr_array_index (parts, i), label_id, now, &after,
                                      error))
        return NULL;
      if (gloss_span_get_id (after) == span_id)
        span = g_steal_pointer (&after);
    }

  if (span == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&span);
}

GlossSpan *
gloss_store_set_span_note (GlossStore  *self,
                           gint64       span_id,
                           const char  *note,
                           GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossSpan) before = NULL;
  g_autoptr(GlossSpan) after = NULL;
  g_autofree char *now = gloss_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (note != NULL, NULL);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_span (self, span_id, error);
  if (before == NULL)
    return NULL;

  /* A discontinuous span's note is its first part's. */
  if (gloss_span_get_part_of (before) != 0)
    {
      span_id = gloss_span_get_part_of (before);
      g_clear_object (&before);
      before = gloss_store_get_span (self, span_id, error);
      if (before == NULL)
        return NULL;
    }

  if (g_str_equal (gloss_span_get_note (before), note))
    return gloss_store_transaction_commit (&tx, error) ? g_object_ref (before) : NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE spans SET note = ?, modified = ? WHERE id = ? "
                              "RETURNING " GLOSS_STORE_SPAN_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, span_id);
  after = gloss_store_write_row (self, stmt, gloss_store_span_from_row, before, error);
  if (after == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&after);
}

/* Deletes SPAN_ID with what hangs on it: a part alone, a first part with
 * its parts. */
static gboolean
delete_span_row (GlossStore  *self,
                 gint64       span_id,
                 GError     **error)
{
  return gloss_store_delete_span_dependents (self, GLOSS_STORE_SPANS_OF_SPAN, span_id, error) &&
         gloss_store_delete_spans (self, GLOSS_STORE_SPANS_OF_SPAN, span_id, error);
}

gboolean
gloss_store_delete_span (GlossStore  *self,
                         gint64       span_id,
                         GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossSpan) span = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  /* A part of a discontinuous span takes the whole span with it. */
  span = gloss_store_get_span (self, span_id, error);
  return span != NULL &&
         delete_span_row (self, gloss_span_get_group_id (span), error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Deletes the row SPAN_ID only, as undo takes back its adding: a part
 * alone, not its group (a first part does take its parts along, which
 * cannot be without it). */
gboolean
gloss_store_delete_span_row (GlossStore  *self,
                             gint64       span_id,
                             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossSpan) span = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  span = gloss_store_get_span (self, span_id, error);
  return span != NULL &&
         delete_span_row (self, span_id, error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Writes SPAN's row exactly, id and times included. */
gboolean
gloss_store_put_span (GlossStore  *self,
                      GlossSpan   *span,
                      GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossSpan) before = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  document = gloss_store_get_document (self, gloss_span_get_document_id (span), error);
  if (document == NULL)
    return FALSE;

  if (!gloss_offsets_check_span (gloss_document_get_length (document), gloss_span_get_start (span),
                                 gloss_span_get_end (span), &local_error))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("Document “%s”: %s"), gloss_document_get_name (document),
                   local_error->message);
      return FALSE;
    }

  before = gloss_store_get_span (self, gloss_span_get_id (span), NULL);
  /* An UPDATE, not INSERT OR REPLACE: a replace would skip the delete
   * trigger and count the span twice. */
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE spans SET document = ?2, label = ?3, start = ?4, end = ?5, "
                                "annotator = ?6, note = ?7, created = ?8, modified = ?9, "
                                "part_of = nullif (?10, 0) WHERE id = ?1"
                              : "INSERT INTO spans (id, document, label, start, end, annotator, note, "
                                "                   created, modified, part_of) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, gloss_span_get_id (span));
  sqlite3_bind_int64 (stmt, 2, gloss_span_get_document_id (span));
  sqlite3_bind_int64 (stmt, 3, gloss_span_get_label_id (span));
  sqlite3_bind_int64 (stmt, 4, gloss_span_get_start (span));
  sqlite3_bind_int64 (stmt, 5, gloss_span_get_end (span));
  sqlite3_bind_text (stmt, 6, gloss_span_get_annotator (span), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, gloss_span_get_note (span), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, gloss_span_get_created (span), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, gloss_span_get_modified (span), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, gloss_span_get_part_of (span));

  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, span);
  return gloss_store_transaction_commit (&tx, error);
}
