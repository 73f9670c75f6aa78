/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The documents: adding one (its text goes to document_texts), reading
 * them, renaming, status, deleting one with its spans, restoring a deleted
 * one, and the filtered list. Each change is one journaled transaction, so
 * each can be undone. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-offsets.h"
#include "gloss-store-private.h"

gint64
gloss_store_add_document (GlossStore  *self,
                          const char  *name,
                          const char  *text,
                          const char  *source,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gsize n_bytes;
  gsize n_chars;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  n_bytes = strlen (text);
  if (!gloss_offsets_validate_and_count (text, n_bytes, &n_chars))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("The text of “%s” is not valid UTF-8"), name);
      return 0;
    }

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return 0;

  stmt = gloss_store_prepare (self,
                              "INSERT INTO documents (name, length, source, created, modified) "
                              "VALUES (?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;

  now = gloss_store_now ();
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, n_chars);
  sqlite3_bind_text (stmt, 3, source ? source : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  if (!gloss_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  if (!gloss_store_insert_text (self, id, text, n_bytes, error))
    return 0;

  gloss_store_queue_signal (self, DOCUMENTS_CHANGED, NULL, NULL, 0);

  return gloss_store_transaction_commit (&tx, error) ? id : 0;
}

guint
gloss_store_count_documents (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  return MAX (gloss_store_query_int (self, "SELECT count (*) FROM documents"), 0);
}

guint
gloss_store_count_documents_with_status (GlossStore          *self,
                                         GlossDocumentStatus  status)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  stmt = gloss_store_prepare (self, "SELECT count (*) FROM documents WHERE status = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, gloss_document_status_to_string (status), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

GArray *
gloss_store_list_document_ids (GlossStore  *self,
                               GError     **error)
{
  return gloss_store_list_document_ids_matching (self, NULL, 0, error);
}

GlossDocument *
gloss_store_get_document (GlossStore  *self,
                          gint64       document_id,
                          GError     **error)
{
  GlossDocument *document = NULL;
  GlossDocumentStatus status = GLOSS_DOCUMENT_STATUS_NEW;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  stmt = gloss_store_prepare (self,
                        "SELECT name, status, length, span_count FROM documents WHERE id = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gloss_document_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &status);
      document = gloss_document_new (document_id,
                                     (const char *) sqlite3_column_text (stmt, 0),
                                     status,
                                     sqlite3_column_int64 (stmt, 2),
                                     sqlite3_column_int64 (stmt, 3));
    }
  sqlite3_reset (stmt);

  if (document == NULL)
    gloss_store_set_not_found (error, "document", document_id);

  return document;
}

/* The text is read with SQLite's incremental I/O, straight from the pages
 * into the string returned: a document of megabytes is copied once, not
 * into a statement's buffer first. */
char *
gloss_store_load_text (GlossStore  *self,
                       gint64       document_id,
                       GError     **error)
{
  sqlite3_blob *blob = NULL;
  char *text;
  int n_bytes;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  rc = sqlite3_blob_open (self->db, "main", "document_texts", "text", document_id, 0, &blob);
  if (rc != SQLITE_OK)
    {
      /* The table and column are the schema's: a plain error is a row that
       * is not there. Busy, I/O and damage have codes of their own. */
      if (rc == SQLITE_ERROR)
        gloss_store_set_not_found (error, "document", document_id);
      else
        gloss_store_set_sqlite_error (self, error, rc);
      sqlite3_blob_close (blob);
      return NULL;
    }

  n_bytes = sqlite3_blob_bytes (blob);
  text = g_malloc (n_bytes + 1);
  rc = sqlite3_blob_read (blob, text, n_bytes, 0);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      sqlite3_blob_close (blob);
      g_free (text);
      return NULL;
    }

  sqlite3_blob_close (blob);
  text[n_bytes] = '\0';
  return text;
}

/* The document named NAME whose text is exactly TEXT, or 0: an import merges
 * into it rather than adding a copy. */
gint64
gloss_store_find_document (GlossStore  *self,
                           const char  *name,
                           const char  *text,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  stmt = gloss_store_prepare (self,
                              "SELECT id FROM documents JOIN document_texts ON document = id "
                              "WHERE name = ? AND text = ? LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    gloss_store_set_sqlite_error (self, error, rc);

  return id;
}

/* The whole row, text included, as undo needs it to bring the document back. */
static GlossDocument *
get_document_snapshot (GlossStore  *self,
                       gint64       document_id,
                       GError     **error)
{
  GlossDocument *document = NULL;
  GlossDocumentStatus status = GLOSS_DOCUMENT_STATUS_NEW;
  sqlite3_stmt *stmt;

  stmt = gloss_store_prepare (self,
                              "SELECT name, status, text, source, created, modified "
                              "FROM documents JOIN document_texts ON document = id WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gloss_document_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &status);
      document = gloss_document_new_snapshot (document_id,
                                              (const char *) sqlite3_column_text (stmt, 0),
                                              status,
                                              (const char *) sqlite3_column_text (stmt, 2),
                                              (const char *) sqlite3_column_text (stmt, 3),
                                              (const char *) sqlite3_column_text (stmt, 4),
                                              (const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);

  if (document == NULL)
    gloss_store_set_not_found (error, "document", document_id);

  return document;
}

static gboolean
update_document_row (GlossStore           *self,
                     gint64                document_id,
                     const char           *name,
                     GlossDocumentStatus   status,
                     GError              **error)
{
  g_autoptr(GlossDocument) before = NULL;
  g_autoptr(GlossDocument) after = NULL;
  g_autofree char *now = gloss_store_now ();
  sqlite3_stmt *stmt;

  before = gloss_store_get_document (self, document_id, error);
  if (before == NULL)
    return FALSE;

  stmt = gloss_store_prepare (self,
                              "UPDATE documents SET name = ?, status = ?, modified = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, gloss_document_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, document_id);
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  after = gloss_store_get_document (self, document_id, error);
  if (after == NULL)
    return FALSE;

  gloss_store_record_change (self, before, after);
  return TRUE;
}

gboolean
gloss_store_set_document_status (GlossStore           *self,
                                 gint64                document_id,
                                 GlossDocumentStatus   status,
                                 GError              **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocument) document = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (status <= GLOSS_DOCUMENT_STATUS_DONE, FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  document = gloss_store_get_document (self, document_id, error);
  if (document == NULL)
    return FALSE;

  if (gloss_document_get_status (document) != status &&
      !update_document_row (self, document_id, gloss_document_get_name (document), status, error))
    return FALSE;

  return gloss_store_transaction_commit (&tx, error);
}

gboolean
gloss_store_rename_document (GlossStore  *self,
                             gint64       document_id,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID, _("A document needs a name"));
      return FALSE;
    }

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  document = gloss_store_get_document (self, document_id, error);
  if (document == NULL)
    return FALSE;

  return update_document_row (self, document_id, trimmed, gloss_document_get_status (document),
                              error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Deletes a document and its spans, journaling each span before the
 * document: undo reverts in reverse order, so it restores the document
 * first and its spans after. */
gboolean
gloss_store_delete_document (GlossStore  *self,
                             gint64       document_id,
                             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocument) snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  snapshot = get_document_snapshot (self, document_id, error);
  ok = snapshot != NULL &&
       gloss_store_delete_span_dependents (self, GLOSS_STORE_SPANS_OF_DOCUMENT, document_id,
                                           error) &&
       gloss_store_delete_spans (self, GLOSS_STORE_SPANS_OF_DOCUMENT, document_id, error) &&
       gloss_store_delete_row (self, "DELETE FROM documents WHERE id = ?", document_id, snapshot,
                               error);

  return ok && gloss_store_transaction_commit (&tx, error);
}

/* Writes DOCUMENT back: its name and status if the row exists, else the
 * whole snapshot with its id. */
gboolean
gloss_store_put_document (GlossStore     *self,
                          GlossDocument  *document,
                          GError        **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocument) existing = NULL;
  g_autoptr(GlossDocument) restored = NULL;
  sqlite3_stmt *stmt;
  const char *text;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  id = gloss_document_get_id (document);
  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  existing = gloss_store_get_document (self, id, NULL);
  if (existing != NULL)
    return update_document_row (self, id, gloss_document_get_name (document),
                                gloss_document_get_status (document), error) &&
           gloss_store_transaction_commit (&tx, error);

  text = gloss_document_get_text (document);
  g_return_val_if_fail (text != NULL, FALSE);

  stmt = gloss_store_prepare (self,
                              "INSERT INTO documents (id, name, length, status, source, created, "
                              "                       modified) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, gloss_document_get_name (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, gloss_document_get_length (document));
  sqlite3_bind_text (stmt, 4, gloss_document_status_to_string (gloss_document_get_status (document)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, gloss_document_get_source (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, gloss_document_get_created (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, gloss_document_get_modified (document), -1, SQLITE_TRANSIENT);
  if (!gloss_store_step_done (self, stmt, error) ||
      !gloss_store_insert_text (self, id, text, -1, error))
    return FALSE;

  restored = get_document_snapshot (self, id, error);
  if (restored == NULL)
    return FALSE;

  gloss_store_record_change (self, NULL, restored);
  return gloss_store_transaction_commit (&tx, error);
}

/* The ids of the documents whose name contains NAME_PART (ignoring ASCII
 * case; NULL or "" for all) and whose status is in STATUSES (a bit per
 * status; 0 for all), in import order. */
GArray *
gloss_store_list_document_ids_matching (GlossStore  *self,
                                        const char  *name_part,
                                        guint        statuses,
                                        GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) pattern = g_string_new ("%");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  /* LIKE's own wildcards in the user's text match themselves. */
  for (const char *p = name_part ? name_part : ""; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  stmt = gloss_store_prepare (self,
                              "SELECT id FROM documents WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\') "
                              "AND (?2 = 0 "
                              "     OR (?2 & 1 AND status = 'new') "
                              "     OR (?2 & 2 AND status = 'in-progress') "
                              "     OR (?2 & 4 AND status = 'done')) "
                              "ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  /* No name to look for: no LIKE on every row. */
  if (name_part != NULL && name_part[0] != '\0')
    sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int (stmt, 2, statuses);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

