/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The labels: adding one (last in the list), reading them, writing one
 * back as it was (undo), deleting one with its spans, and editing the set:
 * rename, recolor, rekey, describe, reorder, merge. Each call is one
 * transaction that journals every row it changes, the label and each span
 * it touches, so that one undo puts all of it back. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-store-private.h"

GlossLabel *
gloss_store_add_label (GlossStore  *self,
                       const char  *name,
                       const char  *color,
                       const char  *hotkey,
                       const char  *description,
                       GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autofree char *trimmed = NULL;
  GlossLabel *label = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (color != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("A label needs a name"));
      return NULL;
    }

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  if (hotkey != NULL && !gloss_store_check_key_free (self, hotkey, GLOSS_STORE_KEY_LABEL, 0, error))
    return NULL;

  /* A new label goes last. Positions have no index (older versions of
   * Gloss open the project, so its schema stays as it is), and looking for
   * the greatest one each time made a file of 20,000 labels take half a
   * minute: within a transaction that has just added a label, the next
   * position is known. */
  if (self->next_label_position >= 0 && !sqlite3_get_autocommit (self->db))
    {
      stmt = gloss_store_prepare (self,
                                  "INSERT INTO labels (name, color, hotkey, description, position) "
                                  "VALUES (?, ?, ?, ?, ?) RETURNING " GLOSS_STORE_LABEL_COLUMNS,
                                  error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 5, self->next_label_position);
    }
  else
    {
      stmt = gloss_store_prepare (self,
                                  "INSERT INTO labels (name, color, hotkey, description, position) "
                                  "VALUES (?, ?, ?, ?, "
                                  "(SELECT coalesce (max (position) + 1, 0) FROM labels)) "
                                  "RETURNING " GLOSS_STORE_LABEL_COLUMNS,
                                  error);
    }
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hotkey ? hotkey : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, description ? description : "", -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    label = gloss_store_label_from_row (self, stmt, NULL);
  sqlite3_reset (stmt);

  if (label == NULL)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                     _("There is already a label named “%s”"), trimmed);
      else
        gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  gloss_store_record_change (self, NULL, label);
  /* Until the transaction ends or another label is written: then no other
   * connection can add one. */
  self->next_label_position = gloss_label_get_position (label) + 1;
  if (!gloss_store_transaction_commit (&tx, error))
    g_clear_object (&label);

  return label;
}

GPtrArray *
gloss_store_list_labels (GlossStore  *self,
                         GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_LABEL_COLUMNS " FROM labels "
                                 "ORDER BY position, id",
                                 0, gloss_store_label_from_row, error);
}

GlossLabel *
gloss_store_get_label (GlossStore  *self,
                       gint64       label_id,
                       GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_row (self, "SELECT " GLOSS_STORE_LABEL_COLUMNS " FROM labels WHERE id = ?",
                              label_id, gloss_store_label_from_row, "label", error);
}

/* Whether LABEL_ID is a label; if not, ERROR says so. */
gboolean
gloss_store_label_exists (GlossStore  *self,
                          gint64       label_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, "SELECT 1 FROM labels WHERE id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, label_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    gloss_store_set_not_found (error, "label", label_id);

  return found;
}

/* Writes LABEL's row exactly, id included: inserted if absent, replaced if
 * present. Undo and redo bring rows back this way. */
gboolean
gloss_store_put_label (GlossStore  *self,
                       GlossLabel  *label,
                       GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossLabel) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = gloss_store_get_label (self, gloss_label_get_id (label), NULL);
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE labels SET name = ?2, color = ?3, hotkey = ?4, "
                                "description = ?5, position = ?6 WHERE id = ?1"
                              : "INSERT INTO labels (id, name, color, hotkey, description, position) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, gloss_label_get_id (label));
  sqlite3_bind_text (stmt, 2, gloss_label_get_name (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, gloss_label_get_color (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, gloss_label_get_hotkey (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, gloss_label_get_description (label), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, gloss_label_get_position (label));

  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, label);
  return gloss_store_transaction_commit (&tx, error);
}

/* Deletes a label and every span that has it (with the spans' relations
 * and attribute values), and takes it out of the attributes that apply to
 * it, journaling each row so that one undo brings them all back. */
gboolean
gloss_store_delete_label (GlossStore  *self,
                          gint64       label_id,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossLabel) label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  label = gloss_store_get_label (self, label_id, error);
  ok = label != NULL &&
       gloss_store_delete_span_dependents (self, GLOSS_STORE_SPANS_OF_LABEL, label_id, error) &&
       gloss_store_delete_spans (self, GLOSS_STORE_SPANS_OF_LABEL, label_id, error) &&
       gloss_store_attributes_drop_label (self, label_id, 0, error) &&
       gloss_store_delete_row (self, "DELETE FROM labels WHERE id = ?", label_id, label, error);

  return ok && gloss_store_transaction_commit (&tx, error);
}

/* A hotkey is one key pressed without Ctrl or Alt: a letter or a digit.
 * Only these are keys that GTK can also show as a key (GtkShortcutLabel, in
 * the window's label list); other characters would apply but show nothing. */
static gboolean
check_hotkey (const char  *hotkey,
              GError     **error)
{
  if (hotkey[0] == '\0' || (g_ascii_isalnum (hotkey[0]) && hotkey[1] == '\0'))
    return TRUE;

  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
               _("A label’s key must be a single letter or digit, not “%s”"), hotkey);
  return FALSE;
}

/**
 * gloss_store_check_key_free:
 * @hotkey: one letter or digit; "" is always free
 * @kind: what the key is for
 * @except_id: the id of the one of @kind that has the key already, or 0
 *
 * Whether @hotkey is free for one of @kind: span labels, relation labels
 * and categories share one set of keys, as all of them are typed in the
 * text, and a key meaning two things would do the one that comes first
 * there. A key another one has is refused with %GLOSS_STORE_ERROR_EXISTS,
 * naming that one.
 */
gboolean
gloss_store_check_key_free (GlossStore    *self,
                            const char    *hotkey,
                            GlossStoreKey  kind,
                            gint64         except_id,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *owner = NULL;
  GlossStoreKey owner_kind = GLOSS_STORE_KEY_LABEL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hotkey != NULL, FALSE);

  if (hotkey[0] == '\0')
    return TRUE;

  stmt = gloss_store_prepare (self,
                              "SELECT kind, name FROM ("
                              "SELECT 0 AS kind, id, name, position FROM labels WHERE hotkey = ?1 "
                              "UNION ALL SELECT 1, id, name, position "
                              "FROM relation_labels WHERE hotkey = ?1 "
                              "UNION ALL SELECT 2, id, name, position "
                              "FROM categories WHERE hotkey = ?1) "
                              "WHERE NOT (kind = ?2 AND id = ?3) "
                              "ORDER BY kind, position, id LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, hotkey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, except_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      owner_kind = sqlite3_column_int (stmt, 0);
      owner = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }
  if (owner == NULL)
    return TRUE;

  switch (owner_kind)
    {
    case GLOSS_STORE_KEY_RELATION_LABEL:
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   /* Translators: "“w” is already the key of the relation label “works for”" */
                   _("“%s” is already the key of the relation label “%s”"), hotkey, owner);
      break;
    case GLOSS_STORE_KEY_CATEGORY:
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   /* Translators: "“p” is already the key of the category “Politics”" */
                   _("“%s” is already the key of the category “%s”"), hotkey, owner);
      break;
    case GLOSS_STORE_KEY_LABEL:
    default:
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   /* Translators: "“2” is already the key of the label “Hardline camp”" */
                   _("“%s” is already the key of the label “%s”"), hotkey, owner);
      break;
    }

  return FALSE;
}

/**
 * gloss_store_update_label:
 * @name: (nullable): the new name; %NULL keeps the current one
 * @color: (nullable): "#rrggbb"; %NULL keeps the current one
 * @hotkey: (nullable): one character, or "" for none; %NULL keeps the current one
 * @description: (nullable): %NULL keeps the current one
 *
 * Changes a label in one undoable step. A name another label has, or a new
 * key anything has (gloss_store_check_key_free ()), is refused with
 * %GLOSS_STORE_ERROR_EXISTS and the label is left as it was. Changing nothing journals nothing.
 *
 * Returns: (transfer full): the label as it is now
 */
GlossLabel *
gloss_store_update_label (GlossStore  *self,
                          gint64       label_id,
                          const char  *name,
                          const char  *color,
                          const char  *hotkey,
                          const char  *description,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossLabel) before = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *new_color = NULL;
  g_autofree char *owner = NULL;
  const char *new_hotkey;
  const char *new_description;
  GlossLabel *after = NULL;
  GlossColor parsed;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name != NULL)
    {
      new_name = g_strstrip (g_strdup (name));
      if (new_name[0] == '\0' || !g_utf8_validate (new_name, -1, NULL))
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                       _("A label needs a name"));
          return NULL;
        }
    }

  if (color != NULL)
    {
      if (!gloss_color_parse (color, &parsed))
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                       _("“%s” is not a color; a label’s color looks like #3584e4"), color);
          return NULL;
        }
      new_color = gloss_color_to_string (&parsed);
    }

  if (hotkey != NULL && !check_hotkey (hotkey, error))
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_label (self, label_id, error);
  if (before == NULL)
    return NULL;

  if (new_name == NULL)
    new_name = g_strdup (gloss_label_get_name (before));
  if (new_color == NULL)
    new_color = g_strdup (gloss_label_get_color (before));
  new_hotkey = hotkey != NULL ? hotkey : gloss_label_get_hotkey (before);
  new_description = description != NULL ? description : gloss_label_get_description (before);

  if (g_str_equal (new_name, gloss_label_get_name (before)) &&
      g_str_equal (new_color, gloss_label_get_color (before)) &&
      g_str_equal (new_hotkey, gloss_label_get_hotkey (before)) &&
      g_str_equal (new_description, gloss_label_get_description (before)))
    {
      if (!gloss_store_transaction_commit (&tx, error))
        return NULL;
      return g_steal_pointer (&before);
    }

  if (!gloss_store_find_owner (self, "SELECT name FROM labels WHERE name = ? AND id != ?",
                               new_name, label_id, 0, &owner, error))
    return NULL;
  if (owner != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("There is already a label named “%s”"), new_name);
      return NULL;
    }

  /* A key the label has already stays, even one that an older version
   * let another kind have too. */
  if (!g_str_equal (new_hotkey, gloss_label_get_hotkey (before)) &&
      !gloss_store_check_key_free (self, new_hotkey, GLOSS_STORE_KEY_LABEL, label_id, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE labels SET name = ?, color = ?, hotkey = ?, description = ? "
                              "WHERE id = ? RETURNING " GLOSS_STORE_LABEL_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, new_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, new_color, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, new_hotkey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, new_description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, label_id);

  after = gloss_store_write_row (self, stmt, gloss_store_label_from_row, before, error);
  if (after == NULL)
    return NULL;

  if (!gloss_store_transaction_commit (&tx, error))
    g_clear_object (&after);

  return after;
}

static guint
count_for_label (GlossStore *self,
                 const char *sql,
                 gint64      label_id)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, label_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* How many spans deleting the label would take with it. */
guint
gloss_store_count_label_spans (GlossStore *self,
                               gint64      label_id)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  return count_for_label (self, "SELECT count(*) FROM spans WHERE label = ?", label_id);
}

/* How many relations deleting the label would take with its spans: those
 * from or to one of them. */
guint
gloss_store_count_label_relations (GlossStore *self,
                                   gint64      label_id)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  return count_for_label (self,
                          "SELECT count(*) FROM relations "
                          "WHERE from_span IN (SELECT id FROM spans WHERE label = ?1) "
                          "OR to_span IN (SELECT id FROM spans WHERE label = ?1)",
                          label_id);
}

/* In how many documents the label has spans. */
guint
gloss_store_count_label_documents (GlossStore *self,
                                   gint64      label_id)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  return count_for_label (self, "SELECT count(DISTINCT document) FROM spans WHERE label = ?",
                          label_id);
}

static GPtrArray *
list_label_spans (GlossStore  *self,
                  gint64       label_id,
                  GError     **error)
{
  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_SPAN_COLUMNS " FROM spans WHERE label = ? "
                                 "ORDER BY document, start, end, id",
                                 label_id, gloss_store_span_from_row, error);
}

/* Whether SPAN's document already has a span of LABEL_ID over the same
 * range: *TWIN is its id, or 0. A span of a group (a discontinuous span's
 * part) has no twin, nor is one: the group keeps its parts. */
static gboolean
has_twin (GlossStore  *self,
          GlossSpan   *span,
          gint64       label_id,
          gint64      *twin,
          GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "SELECT id FROM spans AS twin WHERE document = ?1 "
                                            "AND start = ?2 AND end = ?3 AND label = ?4 "
                                            "AND id != ?5 AND part_of IS NULL AND ?6 = 0 "
                                            "AND NOT EXISTS (SELECT 1 FROM spans WHERE part_of "
                                            "  IN (twin.id, ?5)) "
                                            "ORDER BY id LIMIT 1",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, gloss_span_get_document_id (span));
  sqlite3_bind_int64 (stmt, 2, gloss_span_get_start (span));
  sqlite3_bind_int64 (stmt, 3, gloss_span_get_end (span));
  sqlite3_bind_int64 (stmt, 4, label_id);
  sqlite3_bind_int64 (stmt, 5, gloss_span_get_id (span));
  sqlite3_bind_int64 (stmt, 6, gloss_span_get_part_of (span));
  rc = sqlite3_step (stmt);
  *twin = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Gives the row SPAN the label LABEL_ID, journaled; *MOVED, when given,
 * is the row as it now is. */
gboolean
gloss_store_move_span_row (GlossStore  *self,
                           GlossSpan   *span,
                           gint64       label_id,
                           const char  *now,
                           GlossSpan  **moved,
                           GError     **error)
{
  g_autoptr(GlossSpan) after = NULL;
  sqlite3_stmt *stmt;

  stmt = gloss_store_prepare (self,
                              "UPDATE spans SET label = ?, modified = ? WHERE id = ? "
                              "RETURNING " GLOSS_STORE_SPAN_COLUMNS,
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, label_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, gloss_span_get_id (span));

  after = gloss_store_write_row (self, stmt, gloss_store_span_from_row, span, error);
  if (after == NULL)
    return FALSE;
  if (moved != NULL)
    *moved = g_steal_pointer (&after);
  return TRUE;
}

/**
 * gloss_store_merge_labels:
 *
 * Gives every span of FROM_LABEL_ID the label INTO_LABEL_ID, then deletes
 * FROM_LABEL_ID, in one undoable step. A span that would become an exact copy
 * of a span INTO_LABEL_ID already has (same document, start and end) is
 * deleted instead, so that the merge never leaves two identical spans; its
 * relations and attribute values go to that span. The attributes that
 * applied to FROM_LABEL_ID apply to INTO_LABEL_ID.
 */
gboolean
gloss_store_merge_labels (GlossStore  *self,
                          gint64       from_label_id,
                          gint64       into_label_id,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossLabel) from = NULL;
  g_autoptr(GlossLabel) into = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  from = gloss_store_get_label (self, from_label_id, error);
  if (from == NULL)
    return FALSE;
  into = gloss_store_get_label (self, into_label_id, error);
  if (into == NULL)
    return FALSE;

  if (from_label_id == into_label_id)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("“%s” cannot be merged into itself"), gloss_label_get_name (from));
      return FALSE;
    }

  spans = list_label_spans (self, from_label_id, error);
  if (spans == NULL)
    return FALSE;

  now = gloss_store_now ();
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      gint64 twin = 0;

      if (!has_twin (self, span, into_label_id, &twin, error))
        return FALSE;

      /* The twin kept takes the relations and attribute values of the
       * span that goes. */
      if (twin != 0 ? !gloss_store_move_span_dependents (self, gloss_span_get_id (span), twin,
                                                         error) ||
                      !gloss_store_delete_row (self, "DELETE FROM spans WHERE id = ?",
                                               gloss_span_get_id (span), span, error)
                    : !gloss_store_move_span_row (self, span, into_label_id, now, NULL, error))
        return FALSE;
    }

  return gloss_store_attributes_drop_label (self, from_label_id, into_label_id, error) &&
         gloss_store_delete_row (self, "DELETE FROM labels WHERE id = ?", from_label_id, from,
                                 error) &&
         gloss_store_transaction_commit (&tx, error);
}

/**
 * gloss_store_move_label:
 * @new_position: where the label goes in the list, from 0; past the end
 *   means last
 *
 * Moves a label within the label list, and numbers the positions of all
 * labels 0 to n - 1, journaling each label whose position changed.
 */
gboolean
gloss_store_move_label (GlossStore  *self,
                        gint64       label_id,
                        guint        new_position,
                        GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GlossLabel *moved = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  labels = gloss_store_list_labels (self, error);
  if (labels == NULL)
    return FALSE;

  for (guint i = 0; i < labels->len && moved == NULL; i++)
    {
      if (gloss_label_get_id (g_ptr_array_index (labels, i)) == label_id)
        moved = g_ptr_array_steal_index (labels, i);
    }

  if (moved == NULL)
    {
      gloss_store_set_not_found (error, "label", label_id);
      return FALSE;
    }

  g_ptr_array_insert (labels, MIN (new_position, labels->len), moved);

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *before = g_ptr_array_index (labels, i);
      g_autoptr(GlossLabel) after = NULL;

      if (gloss_label_get_position (before) == (int) i)
        continue;

      stmt = gloss_store_prepare (self,
                                  "UPDATE labels SET position = ? WHERE id = ? "
                                  "RETURNING " GLOSS_STORE_LABEL_COLUMNS,
                                  error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, gloss_label_get_id (before));
      after = gloss_store_write_row (self, stmt, gloss_store_label_from_row, before, error);
      if (after == NULL)
        return FALSE;
    }

  return gloss_store_transaction_commit (&tx, error);
}
