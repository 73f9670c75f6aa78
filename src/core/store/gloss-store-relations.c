/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations between spans: their labels (name, color, key, description,
 * directed or not, in a list order) and the relations themselves, each a
 * relation label from one span of a document to another. Each call is one
 * transaction that journals every row it changes, so one undo puts it all
 * back; deleting a relation label deletes its relations the same way.
 * Deleting spans, documents and span labels deletes their relations
 * through gloss_store_delete_span_dependents () (-rows). */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-store-private.h"

/* A name as stored: trimmed, not empty, UTF-8; NULL with ERROR set. */
static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("A relation label needs a name"));
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/* A key is one letter or digit, as a span label's. */
static gboolean
check_hotkey (const char  *hotkey,
              GError     **error)
{
  if (hotkey[0] == '\0' || (g_ascii_isalnum (hotkey[0]) && hotkey[1] == '\0'))
    return TRUE;

  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
               _("A relation label’s key must be a single letter or digit, not “%s”"), hotkey);
  return FALSE;
}

/* Refuses NAME when another relation label has it, and HOTKEY (unless
 * it is OLD_HOTKEY, the one the label has) when anything has it. */
static gboolean
check_unique (GlossStore  *self,
              const char  *name,
              const char  *hotkey,
              const char  *old_hotkey,
              gint64       except_id,
              GError     **error)
{
  g_autofree char *owner = NULL;

  if (!gloss_store_find_owner (self, "SELECT name FROM relation_labels WHERE name = ? AND id != ?",
                               name, except_id, 0, &owner, error))
    return FALSE;
  if (owner != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("There is already a relation label named “%s”"), name);
      return FALSE;
    }

  return g_strcmp0 (hotkey, old_hotkey) == 0 ||
         gloss_store_check_key_free (self, hotkey, GLOSS_STORE_KEY_RELATION_LABEL, except_id,
                                     error);
}

/* COLOR as stored ("#rrggbb"), or, for NULL or "", the palette color
 * farthest from the relation labels' colors. */
static char *
pick_color (GlossStore  *self,
            const char  *color,
            GError     **error)
{
  g_autoptr(GPtrArray) used = NULL;
  sqlite3_stmt *stmt;
  GlossColor parsed;
  int rc;

  if (color != NULL && color[0] != '\0')
    {
      if (!gloss_color_parse (color, &parsed))
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                       _("“%s” is not a color; a label’s color looks like #3584e4"), color);
          return NULL;
        }
      return gloss_color_to_string (&parsed);
    }

  stmt = gloss_store_prepare (self, "SELECT color FROM relation_labels", error);
  if (stmt == NULL)
    return NULL;

  used = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (used, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }
  g_ptr_array_add (used, NULL);

  return g_strdup (gloss_color_next_distinct ((const char * const *) used->pdata));
}

/**
 * gloss_store_add_relation_label:
 * @color: (nullable): "#rrggbb"; %NULL or "" picks one apart from the others
 * @hotkey: (nullable): one letter or digit, or "" for none
 * @directed: whether the relation reads from its first span to its second
 *
 * Adds a relation label, last in the list. A name another relation label
 * has, or a key anything has (gloss_store_check_key_free ()), is refused
 * with %GLOSS_STORE_ERROR_EXISTS.
 */
GlossRelationLabel *
gloss_store_add_relation_label (GlossStore  *self,
                                const char  *name,
                                const char  *color,
                                const char  *hotkey,
                                const char  *description,
                                gboolean     directed,
                                GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *new_color = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = check_name (name, error);
  if (trimmed == NULL)
    return NULL;
  if (hotkey == NULL)
    hotkey = "";
  if (!check_hotkey (hotkey, error))
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  new_color = pick_color (self, color, error);
  if (new_color == NULL || !check_unique (self, trimmed, hotkey, NULL, 0, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "INSERT INTO relation_labels (name, color, hotkey, description, "
                              "                             directed, position) "
                              "VALUES (?, ?, ?, ?, ?, "
                              "(SELECT coalesce (max (position) + 1, 0) FROM relation_labels)) "
                              "RETURNING " GLOSS_STORE_RELATION_LABEL_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, new_color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hotkey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, description ? description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, directed ? 1 : 0);

  label = gloss_store_write_row (self, stmt, gloss_store_relation_label_from_row, NULL, error);
  if (label == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&label);
}

/* The relation labels in list order. */
GPtrArray *
gloss_store_list_relation_labels (GlossStore  *self,
                                  GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_RELATION_LABEL_COLUMNS
                                 " FROM relation_labels ORDER BY position, id",
                                 0, gloss_store_relation_label_from_row, error);
}

GlossRelationLabel *
gloss_store_get_relation_label (GlossStore  *self,
                                gint64       label_id,
                                GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_row (self,
                              "SELECT " GLOSS_STORE_RELATION_LABEL_COLUMNS " FROM relation_labels "
                              "WHERE id = ?",
                              label_id, gloss_store_relation_label_from_row, "relation label",
                              error);
}

/**
 * gloss_store_update_relation_label:
 * @name: (nullable): the new name; %NULL keeps the current one
 * @color: (nullable): "#rrggbb"; %NULL keeps the current one
 * @hotkey: (nullable): one letter or digit, or "" for none; %NULL keeps it
 * @description: (nullable): %NULL keeps the current one
 * @directed: whether the relation reads from its first span to its second
 *
 * Changes a relation label in one undoable step, as
 * gloss_store_update_label () does a span label. Changing nothing journals
 * nothing.
 *
 * Returns: (transfer full): the relation label as it is now
 */
GlossRelationLabel *
gloss_store_update_relation_label (GlossStore  *self,
                                   gint64       label_id,
                                   const char  *name,
                                   const char  *color,
                                   const char  *hotkey,
                                   const char  *description,
                                   gboolean     directed,
                                   GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelationLabel) before = NULL;
  g_autoptr(GlossRelationLabel) after = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *new_color = NULL;
  const char *new_hotkey;
  const char *new_description;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name != NULL && (new_name = check_name (name, error)) == NULL)
    return NULL;
  if (color != NULL && (color[0] == '\0' || (new_color = pick_color (self, color, error)) == NULL))
    {
      if (color[0] == '\0')
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                     _("“%s” is not a color; a label’s color looks like #3584e4"), color);
      return NULL;
    }
  if (hotkey != NULL && !check_hotkey (hotkey, error))
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_relation_label (self, label_id, error);
  if (before == NULL)
    return NULL;

  if (new_name == NULL)
    new_name = g_strdup (gloss_relation_label_get_name (before));
  if (new_color == NULL)
    new_color = g_strdup (gloss_relation_label_get_color (before));
  new_hotkey = hotkey != NULL ? hotkey : gloss_relation_label_get_hotkey (before);
  new_description = description != NULL ? description
                                         : gloss_relation_label_get_description (before);

  if (g_str_equal (new_name, gloss_relation_label_get_name (before)) &&
      g_str_equal (new_color, gloss_relation_label_get_color (before)) &&
      g_str_equal (new_hotkey, gloss_relation_label_get_hotkey (before)) &&
      g_str_equal (new_description, gloss_relation_label_get_description (before)) &&
      !directed == !gloss_relation_label_get_directed (before))
    return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&before) : NULL;

  if (!check_unique (self, new_name, new_hotkey, gloss_relation_label_get_hotkey (before),
                     label_id, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE relation_labels SET name = ?, color = ?, hotkey = ?, "
                              "description = ?, directed = ? WHERE id = ? "
                              "RETURNING " GLOSS_STORE_RELATION_LABEL_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, new_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, new_color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, new_hotkey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, new_description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, directed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, label_id);

  after = gloss_store_write_row (self, stmt, gloss_store_relation_label_from_row, before, error);
  if (after == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&after);
}

/* Deletes a relation label and every relation that has it, journaling each
 * relation so that one undo brings them all back. */
gboolean
gloss_store_delete_relation_label (GlossStore  *self,
                                   gint64       label_id,
                                   GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelationLabel) label = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  label = gloss_store_get_relation_label (self, label_id, error);
  return label != NULL &&
         gloss_store_delete_rows_where (self,
                                        "DELETE FROM relations WHERE label = ? "
                                        "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
                                        label_id, gloss_store_relation_from_row,
                                        error) &&
         gloss_store_delete_row (self, "DELETE FROM relation_labels WHERE id = ?", label_id,
                                 label, error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Writes LABEL's row exactly, id included: inserted if absent, updated if
 * present. Undo and redo bring rows back this way. */
gboolean
gloss_store_put_relation_label (GlossStore          *self,
                                GlossRelationLabel  *label,
                                GError             **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelationLabel) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (label), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = gloss_store_get_relation_label (self, gloss_relation_label_get_id (label), NULL);
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE relation_labels SET name = ?2, color = ?3, hotkey = ?4, "
                                "description = ?5, directed = ?6, position = ?7 WHERE id = ?1"
                              : "INSERT INTO relation_labels (id, name, color, hotkey, description, "
                                "                             directed, position) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, gloss_relation_label_get_id (label));
  sqlite3_bind_text (stmt, 2, gloss_relation_label_get_name (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, gloss_relation_label_get_color (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, gloss_relation_label_get_hotkey (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, gloss_relation_label_get_description (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, gloss_relation_label_get_directed (label) ? 1 : 0);
  sqlite3_bind_int (stmt, 7, gloss_relation_label_get_position (label));

  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, label);
  return gloss_store_transaction_commit (&tx, error);
}

/* How many relations deleting the relation label would take with it. */
guint
gloss_store_count_relation_label_relations (GlossStore *self,
                                            gint64      label_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  stmt = gloss_store_prepare (self, "SELECT count (*) FROM relations WHERE label = ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, label_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* The document of span SPAN_ID, or 0 with ERROR set when there is no such
 * span. */
static gint64
span_document (GlossStore  *self,
               gint64       span_id,
               GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, "SELECT document FROM spans WHERE id = ?", error);
  gint64 document_id = 0;
  int rc;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, span_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    document_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    gloss_store_set_not_found (error, "span", span_id);
  else if (rc != SQLITE_ROW)
    gloss_store_set_sqlite_error (self, error, rc);

  return document_id;
}

/* The text a span covers, for a message a person reads: spans have no
 * name but their text. "" when it cannot be read. */
static char *
dup_span_text (GlossStore *self,
               gint64      span_id)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "SELECT substr (document_texts.text, spans.start + 1, "
                                            "               spans.end - spans.start) "
                                            "FROM spans JOIN document_texts "
                                            "ON document_texts.document = spans.document "
                                            "WHERE spans.id = ?",
                                            NULL);
  char *text = NULL;

  if (stmt == NULL)
    return g_strdup ("");

  sqlite3_bind_int64 (stmt, 1, span_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text != NULL ? text : g_strdup ("");
}

/* Refuses a relation of LABEL from FROM_ID to TO_ID in DOCUMENT_ID that
 * could not be drawn: a span missing or in another document, a span
 * related to itself, or the same relation twice (an undirected one either
 * way round). EXCEPT_ID is the relation being changed, if any. */
static gboolean
check_relation (GlossStore          *self,
                gint64               document_id,
                GlossRelationLabel  *label,
                gint64               from_id,
                gint64               to_id,
                gint64               except_id,
                GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 from_document;
  gint64 to_document;
  int rc;

  if (from_id == to_id)
    {
      g_autofree char *text = dup_span_text (self, from_id);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   /* Translators: %s is the span's text */
                   _("A relation joins two different spans; “%s” cannot be related to itself"),
                   text);
      return FALSE;
    }

  from_document = span_document (self, from_id, error);
  if (from_document == 0)
    return FALSE;
  to_document = span_document (self, to_id, error);
  if (to_document == 0)
    return FALSE;

  if (from_document != document_id || to_document != document_id)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("A relation joins two spans of one document; spans %" G_GINT64_FORMAT
                     " and %" G_GINT64_FORMAT " are not both in document %" G_GINT64_FORMAT),
                   from_id, to_id, document_id);
      return FALSE;
    }

  stmt = gloss_store_prepare (self,
                              /* Each term whole, so that each is one
                               * look-up in the unique index on the two
                               * spans, never a pass over the label's
                               * relations (tests: work-is-bounded). */
                              "SELECT 1 FROM relations WHERE id != ?4 AND "
                              "((from_span = ?1 AND to_span = ?2 AND label = ?3) OR "
                              " (?5 AND from_span = ?2 AND to_span = ?1 AND label = ?3)) LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  sqlite3_bind_int64 (stmt, 3, gloss_relation_label_get_id (label));
  sqlite3_bind_int64 (stmt, 4, except_id);
  sqlite3_bind_int (stmt, 5, gloss_relation_label_get_directed (label) ? 0 : 1);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_autofree char *from_text = dup_span_text (self, from_id);
      g_autofree char *to_text = dup_span_text (self, to_id);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   /* Translators: the two spans' texts, then the relation's type */
                   _("“%s” and “%s” are already related as “%s”"),
                   from_text, to_text, gloss_relation_label_get_name (label));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_add_relation:
 * @label_id: a relation label
 * @from_span_id: the span the relation starts from (for an undirected
 *   label, either)
 * @to_span_id: the other span, of the same document
 *
 * Adds a relation, one undoable step. A span related to itself, spans of
 * another document, or a relation that exists already (for an undirected
 * label, either way round) are refused.
 */
GlossRelation *
gloss_store_add_relation (GlossStore  *self,
                          gint64       document_id,
                          gint64       label_id,
                          gint64       from_span_id,
                          gint64       to_span_id,
                          const char  *annotator,
                          const char  *note,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  /* A relation of a discontinuous span joins its first part. */
  from_span_id = gloss_store_group_of (self, from_span_id);
  to_span_id = gloss_store_group_of (self, to_span_id);
  label = gloss_store_get_relation_label (self, label_id, error);
  if (label == NULL ||
      !check_relation (self, document_id, label, from_span_id, to_span_id, 0, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "INSERT INTO relations (document, label, from_span, to_span, "
                              "                       annotator, note, created, modified) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                              "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  now = gloss_store_now ();
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, label_id);
  sqlite3_bind_int64 (stmt, 3, from_span_id);
  sqlite3_bind_int64 (stmt, 4, to_span_id);
  sqlite3_bind_text (stmt, 5, annotator ? annotator : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, note ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);

  relation = gloss_store_write_row (self, stmt, gloss_store_relation_from_row, NULL, error);
  if (relation == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&relation);
}

GlossRelation *
gloss_store_get_relation (GlossStore  *self,
                          gint64       relation_id,
                          GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_row (self,
                              "SELECT " GLOSS_STORE_RELATION_COLUMNS " FROM relations WHERE id = ?",
                              relation_id, gloss_store_relation_from_row, "relation", error);
}

/* A document's relations (GlossRelation), in the order they were made. */
GPtrArray *
gloss_store_list_relations (GlossStore  *self,
                            gint64       document_id,
                            GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_RELATION_COLUMNS " FROM relations "
                                 "WHERE document = ? ORDER BY id",
                                 document_id, gloss_store_relation_from_row, error);
}

/* Where each span that a relation of DOCUMENT_ID starts or ends at
 * starts: span id -> start (gint64 *), so that a list of the relations in
 * reading order needs no span paged in. */
GHashTable *
gloss_store_list_relation_span_starts (GlossStore  *self,
                                       gint64       document_id,
                                       GError     **error)
{
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  stmt = gloss_store_prepare (self,
                              "SELECT id, start FROM spans WHERE id IN "
                              "(SELECT from_span FROM relations WHERE document = ?1 "
                              " UNION SELECT to_span FROM relations WHERE document = ?1)",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 start = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (starts, g_memdup2 (&id, sizeof id), g_memdup2 (&start, sizeof start));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&starts);
}

/* The relations from or to span SPAN_ID, in the order they were made. */
GPtrArray *
gloss_store_list_span_relations (GlossStore  *self,
                                 gint64       span_id,
                                 GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_RELATION_COLUMNS " FROM relations "
                                 "WHERE from_span = ?1 OR to_span = ?1 ORDER BY id",
                                 span_id, gloss_store_relation_from_row, error);
}

/* Gives a relation another relation label, one undoable step. */
GlossRelation *
gloss_store_relabel_relation (GlossStore  *self,
                              gint64       relation_id,
                              gint64       label_id,
                              GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelation) before = NULL;
  g_autoptr(GlossRelation) after = NULL;
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_relation (self, relation_id, error);
  if (before == NULL)
    return NULL;
  label = gloss_store_get_relation_label (self, label_id, error);
  if (label == NULL)
    return NULL;

  if (gloss_relation_get_label_id (before) == label_id)
    return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&before) : NULL;

  if (!check_relation (self, gloss_relation_get_document_id (before), label,
                       gloss_relation_get_from_id (before), gloss_relation_get_to_id (before),
                       relation_id, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE relations SET label = ?, modified = ? WHERE id = ? "
                              "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  now = gloss_store_now ();
  sqlite3_bind_int64 (stmt, 1, label_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, relation_id);

  after = gloss_store_write_row (self, stmt, gloss_store_relation_from_row, before, error);
  if (after == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&after);
}

GlossRelation *
gloss_store_set_relation_note (GlossStore  *self,
                               gint64       relation_id,
                               const char  *note,
                               GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelation) before = NULL;
  g_autoptr(GlossRelation) after = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (note != NULL, NULL);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_relation (self, relation_id, error);
  if (before == NULL)
    return NULL;

  if (g_str_equal (gloss_relation_get_note (before), note))
    return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&before) : NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE relations SET note = ?, modified = ? WHERE id = ? "
                              "RETURNING " GLOSS_STORE_RELATION_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  now = gloss_store_now ();
  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, relation_id);

  after = gloss_store_write_row (self, stmt, gloss_store_relation_from_row, before, error);
  if (after == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&after);
}

gboolean
gloss_store_delete_relation (GlossStore  *self,
                             gint64       relation_id,
                             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelation) relation = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  relation = gloss_store_get_relation (self, relation_id, error);
  return relation != NULL &&
         gloss_store_delete_row (self, "DELETE FROM relations WHERE id = ?", relation_id,
                                 relation, error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Writes RELATION's row exactly, id and times included: inserted if
 * absent, updated if present. Its spans and label must exist. */
gboolean
gloss_store_put_relation (GlossStore     *self,
                          GlossRelation  *relation,
                          GError        **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossRelation) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = gloss_store_get_relation (self, gloss_relation_get_id (relation), NULL);
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE relations SET document = ?2, label = ?3, from_span = ?4, "
                                "to_span = ?5, annotator = ?6, note = ?7, created = ?8, "
                                "modified = ?9 WHERE id = ?1"
                              : "INSERT INTO relations (id, document, label, from_span, to_span, "
                                "                       annotator, note, created, modified) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, gloss_relation_get_id (relation));
  sqlite3_bind_int64 (stmt, 2, gloss_relation_get_document_id (relation));
  sqlite3_bind_int64 (stmt, 3, gloss_relation_get_label_id (relation));
  sqlite3_bind_int64 (stmt, 4, gloss_relation_get_from_id (relation));
  sqlite3_bind_int64 (stmt, 5, gloss_relation_get_to_id (relation));
  sqlite3_bind_text (stmt, 6, gloss_relation_get_annotator (relation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, gloss_relation_get_note (relation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, gloss_relation_get_created (relation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, gloss_relation_get_modified (relation), -1, SQLITE_TRANSIENT);

  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, relation);
  return gloss_store_transaction_commit (&tx, error);
}
