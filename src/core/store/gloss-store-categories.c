/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Document categories: sets of them ("Topic", one choice or several per
 * document, in a list order), their values (a name and a key, in order
 * within the set), and each document's choices. In a set of one choice,
 * choosing a value clears the document's other value of the set in the
 * same step. Each call is one transaction that journals every row it
 * changes; deleting a set or a value deletes the choices of it the same
 * way, and deleting a document deletes its choices through
 * gloss_store_delete_span_dependents () (-rows). */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-store-private.h"

#define SET_COLUMNS "id, name, multiple, position"
#define CATEGORY_COLUMNS "id, category_set, name, hotkey, position"

static gpointer
set_from_row (GlossStore    *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  return gloss_category_set_new (sqlite3_column_int64 (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 sqlite3_column_int (stmt, 2) != 0,
                                 sqlite3_column_int (stmt, 3));
}

static gpointer
category_from_row (GlossStore    *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  return gloss_category_new (sqlite3_column_int64 (stmt, 0),
                             sqlite3_column_int64 (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             sqlite3_column_int (stmt, 4));
}

static char *
check_name (const char  *name,
            const char  *message,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID, message);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

static gboolean
check_set_name_free (GlossStore  *self,
                     const char  *name,
                     gint64       except_id,
                     GError     **error)
{
  g_autofree char *owner = NULL;

  if (!gloss_store_find_owner (self, "SELECT name FROM category_sets WHERE name = ?1 AND id != ?2",
                               name, except_id, 0, &owner, error))
    return FALSE;
  if (owner != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("There is already a category set named “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

/* A category's name is unique in its set, its key (one letter or digit)
 * in the project: a key chooses one category, and no label has it
 * (gloss_store_check_key_free ()). */
static gboolean
check_category (GlossStore  *self,
                gint64       set_id,
                const char  *name,
                const char  *hotkey,
                gint64       except_id,
                GError     **error)
{
  g_autofree char *owner = NULL;

  if (!(hotkey[0] == '\0' || (g_ascii_isalnum (hotkey[0]) && hotkey[1] == '\0')))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("A category’s key must be a single letter or digit, not “%s”"), hotkey);
      return FALSE;
    }

  if (!gloss_store_find_owner (self,
                               "SELECT name FROM categories WHERE name = ?1 AND id != ?2 "
                               "AND category_set = ?3",
                               name, except_id, set_id, &owner, error))
    return FALSE;
  if (owner != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("The set already has a category named “%s”"), name);
      return FALSE;
    }

  return gloss_store_check_key_free (self, hotkey, GLOSS_STORE_KEY_CATEGORY, except_id, error);
}

/**
 * gloss_store_add_category_set:
 * @multiple: whether a document may have several of its values
 *
 * Adds a set of document categories, last in the list, one undoable step.
 */
GlossCategorySet *
gloss_store_add_category_set (GlossStore  *self,
                              const char  *name,
                              gboolean     multiple,
                              GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategorySet) set = NULL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = check_name (name, _("A category set needs a name"), error);
  if (trimmed == NULL)
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL || !check_set_name_free (self, trimmed, 0, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "INSERT INTO category_sets (name, multiple, position) "
                              "VALUES (?, ?, (SELECT coalesce (max (position) + 1, 0) "
                              "               FROM category_sets)) "
                              "RETURNING " SET_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, multiple ? 1 : 0);

  set = gloss_store_write_row (self, stmt, set_from_row, NULL, error);
  if (set == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&set);
}

/* The category sets in list order. */
GPtrArray *
gloss_store_list_category_sets (GlossStore  *self,
                                GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " SET_COLUMNS " FROM category_sets ORDER BY position, id",
                                 0, set_from_row, error);
}

GlossCategorySet *
gloss_store_get_category_set (GlossStore  *self,
                              gint64       set_id,
                              GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_row (self, "SELECT " SET_COLUMNS " FROM category_sets WHERE id = ?",
                              set_id, set_from_row, "category set", error);
}

/**
 * gloss_store_update_category_set:
 * @name: (nullable): the new name; %NULL keeps it
 * @multiple: whether a document may have several of its values; making a
 *   set single-choice leaves the documents' choices as they are, and the
 *   next choice clears the others
 *
 * Changes a category set, one undoable step; changing nothing journals
 * nothing.
 */
GlossCategorySet *
gloss_store_update_category_set (GlossStore  *self,
                                 gint64       set_id,
                                 const char  *name,
                                 gboolean     multiple,
                                 GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategorySet) before = NULL;
  g_autoptr(GlossCategorySet) after = NULL;
  g_autofree char *new_name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  if (name != NULL && (new_name = check_name (name, _("A category set needs a name"), error)) == NULL)
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_category_set (self, set_id, error);
  if (before == NULL)
    return NULL;
  if (new_name == NULL)
    new_name = g_strdup (gloss_category_set_get_name (before));

  if (g_str_equal (new_name, gloss_category_set_get_name (before)) &&
      !multiple == !gloss_category_set_get_multiple (before))
    return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&before) : NULL;

  if (!check_set_name_free (self, new_name, set_id, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE category_sets SET name = ?, multiple = ? WHERE id = ? "
                              "RETURNING " SET_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, new_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, multiple ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, set_id);

  after = gloss_store_write_row (self, stmt, set_from_row, before, error);
  if (after == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&after);
}

/* Deletes the documents' choices of CATEGORY, then CATEGORY, journaled. */
static gboolean
delete_category_row (GlossStore     *self,
                     GlossCategory  *category,
                     GError        **error)
{
  return gloss_store_delete_rows_where (self,
                                        "DELETE FROM document_categories WHERE category = ? "
                                        "RETURNING document, category",
                                        gloss_category_get_id (category),
                                        gloss_store_document_category_from_row, error) &&
         gloss_store_delete_row (self, "DELETE FROM categories WHERE id = ?",
                                 gloss_category_get_id (category), category, error);
}

/* How many documents have a category of the set: deleting it would take
 * their choices with it. */
guint
gloss_store_count_category_set_documents (GlossStore *self,
                                          gint64      set_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  stmt = gloss_store_prepare (self,
                              "SELECT count (DISTINCT document) FROM document_categories "
                              "JOIN categories ON categories.id = document_categories.category "
                              "WHERE categories.category_set = ?",
                              NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, set_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Deletes a category set with its categories and the documents' choices
 * of them, one undoable step. */
gboolean
gloss_store_delete_category_set (GlossStore  *self,
                                 gint64       set_id,
                                 GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategorySet) set = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  set = gloss_store_get_category_set (self, set_id, error);
  if (set == NULL)
    return FALSE;
  categories = gloss_store_list_categories (self, set_id, error);
  if (categories == NULL)
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      if (!delete_category_row (self, categories->pdata[i], error))
        return FALSE;
    }

  return gloss_store_delete_row (self, "DELETE FROM category_sets WHERE id = ?", set_id, set,
                                 error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Writes SET's row exactly, id included (undo and redo). */
gboolean
gloss_store_put_category_set (GlossStore        *self,
                              GlossCategorySet  *set,
                              GError           **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategorySet) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_CATEGORY_SET (set), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = gloss_store_get_category_set (self, gloss_category_set_get_id (set), NULL);
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE category_sets SET name = ?2, multiple = ?3, position = ?4 "
                                "WHERE id = ?1"
                              : "INSERT INTO category_sets (id, name, multiple, position) "
                                "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, gloss_category_set_get_id (set));
  sqlite3_bind_text (stmt, 2, gloss_category_set_get_name (set), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, gloss_category_set_get_multiple (set) ? 1 : 0);
  sqlite3_bind_int (stmt, 4, gloss_category_set_get_position (set));
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, set);
  return gloss_store_transaction_commit (&tx, error);
}

/**
 * gloss_store_add_category:
 * @hotkey: (nullable): one letter or digit, unique among all categories,
 *   or "" for none
 *
 * Adds a value to a category set, last in the set, one undoable step.
 */
GlossCategory *
gloss_store_add_category (GlossStore  *self,
                          gint64       set_id,
                          const char  *name,
                          const char  *hotkey,
                          GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategorySet) set = NULL;
  g_autoptr(GlossCategory) category = NULL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = check_name (name, _("A category needs a name"), error);
  if (trimmed == NULL)
    return NULL;
  if (hotkey == NULL)
    hotkey = "";

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  set = gloss_store_get_category_set (self, set_id, error);
  if (set == NULL || !check_category (self, set_id, trimmed, hotkey, 0, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "INSERT INTO categories (category_set, name, hotkey, position) "
                              "VALUES (?1, ?2, ?3, (SELECT coalesce (max (position) + 1, 0) "
                              "                     FROM categories WHERE category_set = ?1)) "
                              "RETURNING " CATEGORY_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hotkey, -1, SQLITE_TRANSIENT);

  category = gloss_store_write_row (self, stmt, category_from_row, NULL, error);
  if (category == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&category);
}

/* The categories of set SET_ID in order, or of every set (SET_ID 0) in the
 * sets' order. */
GPtrArray *
gloss_store_list_categories (GlossStore  *self,
                             gint64       set_id,
                             GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT categories.id, category_set, categories.name, hotkey, "
                                 "  categories.position "
                                 "FROM categories JOIN category_sets "
                                 "  ON category_sets.id = categories.category_set "
                                 "WHERE ?1 = 0 OR category_set = ?1 "
                                 "ORDER BY category_sets.position, category_set, "
                                 "  categories.position, categories.id",
                                 set_id, category_from_row, error);
}

GlossCategory *
gloss_store_get_category (GlossStore  *self,
                          gint64       category_id,
                          GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_row (self, "SELECT " CATEGORY_COLUMNS " FROM categories WHERE id = ?",
                              category_id, category_from_row, "category", error);
}

/**
 * gloss_store_update_category:
 * @name: (nullable): the new name; %NULL keeps it
 * @hotkey: (nullable): one letter or digit, or "" for none; %NULL keeps it
 *
 * Renames a category or changes its key, one undoable step.
 */
GlossCategory *
gloss_store_update_category (GlossStore  *self,
                             gint64       category_id,
                             const char  *name,
                             const char  *hotkey,
                             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategory) before = NULL;
  g_autoptr(GlossCategory) after = NULL;
  g_autofree char *new_name = NULL;
  const char *new_hotkey;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  if (name != NULL && (new_name = check_name (name, _("A category needs a name"), error)) == NULL)
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_category (self, category_id, error);
  if (before == NULL)
    return NULL;
  if (new_name == NULL)
    new_name = g_strdup (gloss_category_get_name (before));
  new_hotkey = hotkey != NULL ? hotkey : gloss_category_get_hotkey (before);

  if (g_str_equal (new_name, gloss_category_get_name (before)) &&
      g_str_equal (new_hotkey, gloss_category_get_hotkey (before)))
    return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&before) : NULL;

  /* A key the category has already stays, even one that an older version
   * let another kind have too. */
  if (!check_category (self, gloss_category_get_set_id (before), new_name,
                       g_str_equal (new_hotkey, gloss_category_get_hotkey (before)) ? ""
                                                                                     : new_hotkey,
                       category_id, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "UPDATE categories SET name = ?, hotkey = ? WHERE id = ? "
                              "RETURNING " CATEGORY_COLUMNS,
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, new_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, new_hotkey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, category_id);

  after = gloss_store_write_row (self, stmt, category_from_row, before, error);
  if (after == NULL || !gloss_store_transaction_commit (&tx, error))
    return NULL;

  return g_steal_pointer (&after);
}

/* Deletes a category and the documents' choices of it, one undoable step. */
gboolean
gloss_store_delete_category (GlossStore  *self,
                             gint64       category_id,
                             GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategory) category = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  category = gloss_store_get_category (self, category_id, error);
  return category != NULL &&
         delete_category_row (self, category, error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Writes CATEGORY's row exactly, id included (undo and redo). */
gboolean
gloss_store_put_category (GlossStore     *self,
                          GlossCategory  *category,
                          GError        **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossCategory) before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_CATEGORY (category), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = gloss_store_get_category (self, gloss_category_get_id (category), NULL);
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE categories SET category_set = ?2, name = ?3, hotkey = ?4, "
                                "position = ?5 WHERE id = ?1"
                              : "INSERT INTO categories (id, category_set, name, hotkey, position) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, gloss_category_get_id (category));
  sqlite3_bind_int64 (stmt, 2, gloss_category_get_set_id (category));
  sqlite3_bind_text (stmt, 3, gloss_category_get_name (category), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, gloss_category_get_hotkey (category), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, gloss_category_get_position (category));
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, category);
  return gloss_store_transaction_commit (&tx, error);
}

/* Whether the document has chosen the category. */
static gboolean
is_chosen (GlossStore  *self,
           gint64       document_id,
           gint64       category_id,
           gboolean    *chosen,
           GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "SELECT 1 FROM document_categories "
                                            "WHERE document = ? AND category = ?",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  *chosen = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
write_choice (GlossStore             *self,
              GlossDocumentCategory  *choice,
              gboolean                chosen,
              GError                **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            chosen
                                            ? "INSERT INTO document_categories (document, category) "
                                              "VALUES (?, ?)"
                                            : "DELETE FROM document_categories "
                                              "WHERE document = ? AND category = ?",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, gloss_document_category_get_document_id (choice));
  sqlite3_bind_int64 (stmt, 2, gloss_document_category_get_category_id (choice));
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, chosen ? NULL : choice, chosen ? choice : NULL);
  return TRUE;
}

/**
 * gloss_store_set_document_category:
 * @chosen: whether the document has the category from now on
 *
 * Chooses a category for a document, or takes it back, one undoable step.
 * In a set of one choice, choosing one clears the document's other
 * categories of that set in the same step.
 */
gboolean
gloss_store_set_document_category (GlossStore  *self,
                                   gint64       document_id,
                                   gint64       category_id,
                                   gboolean     chosen,
                                   GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossCategory) category = NULL;
  g_autoptr(GlossCategorySet) set = NULL;
  g_autoptr(GlossDocumentCategory) choice = NULL;
  gboolean was_chosen = FALSE;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  document = gloss_store_get_document (self, document_id, error);
  if (document == NULL)
    return FALSE;
  category = gloss_store_get_category (self, category_id, error);
  if (category == NULL)
    return FALSE;
  if (!is_chosen (self, document_id, category_id, &was_chosen, error))
    return FALSE;

  if (!chosen == !was_chosen)
    return gloss_store_transaction_commit (&tx, error);

  choice = gloss_document_category_new (document_id, category_id);
  if (chosen)
    {
      set = gloss_store_get_category_set (self, gloss_category_get_set_id (category), error);
      if (set == NULL)
        return FALSE;

      if (!gloss_category_set_get_multiple (set))
        {
          sqlite3_stmt *stmt = gloss_store_prepare (self,
                                                    "DELETE FROM document_categories "
                                                    "WHERE document = ?1 AND category IN "
                                                    "  (SELECT id FROM categories "
                                                    "   WHERE category_set = ?2) "
                                                    "RETURNING document, category",
                                                    error);
          g_autoptr(GPtrArray) cleared = NULL;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, document_id);
          sqlite3_bind_int64 (stmt, 2, gloss_category_set_get_id (set));
          cleared = gloss_store_collect_rows (self, stmt, gloss_store_document_category_from_row,
                                              error);
          if (cleared == NULL)
            return FALSE;
          for (guint i = 0; i < cleared->len; i++)
            gloss_store_record_change (self, cleared->pdata[i], NULL);
        }
    }

  return write_choice (self, choice, chosen, error) && gloss_store_transaction_commit (&tx, error);
}

/* A document's categories (GlossDocumentCategory), in the order of their
 * sets, then of the categories in the set. */
GPtrArray *
gloss_store_list_document_categories (GlossStore  *self,
                                      gint64       document_id,
                                      GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT document, category FROM document_categories "
                                 "JOIN categories ON categories.id = document_categories.category "
                                 "JOIN category_sets ON category_sets.id = categories.category_set "
                                 "WHERE document = ? "
                                 "ORDER BY category_sets.position, category_sets.id, "
                                 "  categories.position, categories.id",
                                 document_id, gloss_store_document_category_from_row, error);
}

/* The ids of the documents that have the category, in import order. */
GArray *
gloss_store_list_document_ids_in_category (GlossStore  *self,
                                           gint64       category_id,
                                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  stmt = gloss_store_prepare (self,
                              "SELECT document FROM document_categories WHERE category = ? "
                              "ORDER BY document",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, category_id);
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

/* Writes a document's choice exactly (undo and redo), whatever the set
 * allows: the step it comes from cleared the others already. */
gboolean
gloss_store_put_document_category (GlossStore             *self,
                                   GlossDocumentCategory  *choice,
                                   GError                **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  gboolean chosen = FALSE;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_CATEGORY (choice), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!is_chosen (self, gloss_document_category_get_document_id (choice),
                  gloss_document_category_get_category_id (choice), &chosen, error))
    return FALSE;
  if (chosen)
    return gloss_store_transaction_commit (&tx, error);

  return write_choice (self, choice, TRUE, error) && gloss_store_transaction_commit (&tx, error);
}

/* Takes a document's choice back exactly (undo and redo); there must be
 * one. */
gboolean
gloss_store_delete_document_category (GlossStore  *self,
                                      gint64       document_id,
                                      gint64       category_id,
                                      GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossDocumentCategory) choice = NULL;
  gboolean chosen = FALSE;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!is_chosen (self, document_id, category_id, &chosen, error))
    return FALSE;
  if (!chosen)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
                   _("Document %" G_GINT64_FORMAT " does not have category %" G_GINT64_FORMAT),
                   document_id, category_id);
      return FALSE;
    }

  choice = gloss_document_category_new (document_id, category_id);
  return write_choice (self, choice, FALSE, error) && gloss_store_transaction_commit (&tx, error);
}
