/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Span attributes: their definitions (a name, a kind, a choice attribute's
 * values, the span labels they apply to, in a list order) and the spans'
 * values. Each call is one transaction that journals every row it
 * changes; deleting a definition deletes its values the same way.
 * Deleting spans, documents and span labels deletes their values through
 * gloss_store_delete_span_dependents () (-rows). */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-store-private.h"

/* The choice values as stored: one text, a value a line, each trimmed,
 * none empty or twice; NULL with ERROR set. */
static char *
join_values (const char         *name,
             GlossAttributeKind  kind,
             const char * const *values,
             GError            **error)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (kind != GLOSS_ATTRIBUTE_KIND_CHOICE)
    return g_strdup ("");

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));

      if (value[0] == '\0' || strchr (value, '\n') != NULL || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                       _("The attribute “%s” has a value that is empty or more than one line"),
                       name);
          return NULL;
        }
      if (!g_hash_table_add (seen, g_strdup (value)))
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                       _("The attribute “%s” has the value “%s” twice"), name, value);
          return NULL;
        }
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, value);
    }

  if (joined->len == 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("The choice attribute “%s” needs at least one value"), name);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* LABEL_IDS sorted, without repeats, each a span label; NULL with ERROR
 * set. */
static GArray *
check_label_ids (GlossStore    *self,
                 GArray        *label_ids,
                 GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; label_ids != NULL && i < label_ids->len; i++)
    {
      gint64 id = g_array_index (label_ids, gint64, i);
      gboolean repeated = FALSE;

      if (!gloss_store_label_exists (self, id, error))
        return NULL;
      for (guint j = 0; j < ids->len && !repeated; j++)
        repeated = g_array_index (ids, gint64, j) == id;
      if (!repeated)
        g_array_append_val (ids, id);
    }
  g_array_sort (ids, gloss_store_compare_ids);

  return g_steal_pointer (&ids);
}

static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("An attribute needs a name"));
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

static gboolean
check_name_free (GlossStore  *self,
                 const char  *name,
                 gint64       except_id,
                 GError     **error)
{
  g_autofree char *owner = NULL;

  if (!gloss_store_find_owner (self, "SELECT name FROM attributes WHERE name = ? AND id != ?",
                               name, except_id, 0, &owner, error))
    return FALSE;
  if (owner != NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("There is already an attribute named “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_add_attribute:
 * @kind: flag (set or not), choice (one of @values) or text
 * @values: (nullable): a choice attribute's values, in order
 * @label_ids: (nullable): the span labels it applies to; %NULL or empty:
 *   every label
 *
 * Adds an attribute definition, last in the list, one undoable step.
 */
GlossAttribute *
gloss_store_add_attribute (GlossStore          *self,
                           const char          *name,
                           GlossAttributeKind   kind,
                           const char * const  *values,
                           GArray              *label_ids,
                           GError             **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *choices = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kind <= GLOSS_ATTRIBUTE_KIND_TEXT, NULL);

  trimmed = check_name (name, error);
  if (trimmed == NULL)
    return NULL;
  choices = join_values (trimmed, kind, values, error);
  if (choices == NULL)
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  ids = check_label_ids (self, label_ids, error);
  if (ids == NULL || !check_name_free (self, trimmed, 0, error))
    return NULL;

  stmt = gloss_store_prepare (self,
                              "INSERT INTO attributes (name, kind, choices, position) "
                              "VALUES (?, ?, ?, (SELECT coalesce (max (position) + 1, 0) "
                              "                  FROM attributes)) RETURNING id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, gloss_attribute_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, choices, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      int rc = sqlite3_reset (stmt);

      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!gloss_store_set_attribute_labels (self, id, ids, error))
    return NULL;
  attribute = gloss_store_get_attribute_row (self, id, error);
  if (attribute == NULL)
    return NULL;

  gloss_store_record_change (self, NULL, attribute);
  return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&attribute) : NULL;
}

/* The attribute definitions in list order. */
GPtrArray *
gloss_store_list_attributes (GlossStore  *self,
                             GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT " GLOSS_STORE_ATTRIBUTE_COLUMNS " FROM attributes "
                                 "ORDER BY position, id",
                                 0, gloss_store_attribute_from_row, error);
}

/* The attributes a span of LABEL_ID can have, in list order. */
GPtrArray *
gloss_store_list_attributes_for_label (GlossStore  *self,
                                       gint64       label_id,
                                       GError     **error)
{
  g_autoptr(GPtrArray) attributes = gloss_store_list_attributes (self, error);

  if (attributes == NULL)
    return NULL;

  for (guint i = attributes->len; i > 0; i--)
    {
      if (!gloss_attribute_applies_to (attributes->pdata[i - 1], label_id))
        g_ptr_array_remove_index (attributes, i - 1);
    }

  return g_steal_pointer (&attributes);
}

GlossAttribute *
gloss_store_get_attribute (GlossStore  *self,
                           gint64       attribute_id,
                           GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_get_attribute_row (self, attribute_id, error);
}

/* Whether VALUE is a value ATTRIBUTE can have; if not, ERROR says why. */
static gboolean
check_value (GlossAttribute  *attribute,
             const char      *value,
             GError         **error)
{
  switch (gloss_attribute_get_kind (attribute))
    {
    case GLOSS_ATTRIBUTE_KIND_FLAG:
      if (g_str_equal (value, "true"))
        return TRUE;
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("The attribute “%s” is set or not: its value is “true”, not “%s”"),
                   gloss_attribute_get_name (attribute), value);
      return FALSE;
    case GLOSS_ATTRIBUTE_KIND_CHOICE:
      if (gloss_attribute_has_value (attribute, value))
        return TRUE;
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("“%s” is not one of the values of the attribute “%s”"), value,
                   gloss_attribute_get_name (attribute));
      return FALSE;
    case GLOSS_ATTRIBUTE_KIND_TEXT:
    default:
      if (g_utf8_validate (value, -1, NULL))
        return TRUE;
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("The value of the attribute “%s” is not valid UTF-8"),
                   gloss_attribute_get_name (attribute));
      return FALSE;
    }
}

static GlossAttributeValue *
get_value (GlossStore  *self,
           gint64       span_id,
           gint64       attribute_id,
           GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "SELECT " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS
                                            " FROM span_attributes WHERE span = ? AND attribute = ?",
                                            error);
  GlossAttributeValue *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, span_id);
  sqlite3_bind_int64 (stmt, 2, attribute_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = gloss_store_attribute_value_from_row (self, stmt, NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    gloss_store_set_sqlite_error (self, error, rc);

  return value;
}

/* Deletes VALUE's row, journaled. */
static gboolean
delete_value (GlossStore           *self,
              GlossAttributeValue  *value,
              GError              **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "DELETE FROM span_attributes WHERE span = ? AND "
                                            "attribute = ?",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, gloss_attribute_value_get_span_id (value));
  sqlite3_bind_int64 (stmt, 2, gloss_attribute_value_get_attribute_id (value));
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, value, NULL);
  return TRUE;
}

/* Writes the value row as VALUE has it, journaled as changed from BEFORE. */
static gboolean
write_value (GlossStore           *self,
             GlossAttributeValue  *before,
             GlossAttributeValue  *value,
             GError              **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self,
                                            "INSERT INTO span_attributes (span, attribute, value) "
                                            "VALUES (?1, ?2, ?3) ON CONFLICT (span, attribute) "
                                            "DO UPDATE SET value = ?3",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, gloss_attribute_value_get_span_id (value));
  sqlite3_bind_int64 (stmt, 2, gloss_attribute_value_get_attribute_id (value));
  sqlite3_bind_text (stmt, 3, gloss_attribute_value_get_value (value), -1, SQLITE_TRANSIENT);
  if (!gloss_store_step_done (self, stmt, error))
    return FALSE;

  gloss_store_record_change (self, before, value);
  return TRUE;
}

/**
 * gloss_store_update_attribute:
 * @name: (nullable): the new name; %NULL keeps it
 * @kind: the kind it has now
 * @values: (nullable): a choice attribute's values; %NULL keeps them
 * @label_ids: (nullable): the span labels it applies to (empty: every
 *   label); %NULL keeps them
 *
 * Changes an attribute definition in one undoable step. The spans' values
 * that the new kind or values no longer allow are deleted in the same
 * step. Changing nothing journals nothing.
 */
GlossAttribute *
gloss_store_update_attribute (GlossStore          *self,
                              gint64               attribute_id,
                              const char          *name,
                              GlossAttributeKind   kind,
                              const char * const  *values,
                              GArray              *label_ids,
                              GError             **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossAttribute) before = NULL;
  g_autoptr(GlossAttribute) after = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) old_values = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *choices = NULL;
  const GArray *old_ids;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind <= GLOSS_ATTRIBUTE_KIND_TEXT, NULL);

  if (name != NULL && (new_name = check_name (name, error)) == NULL)
    return NULL;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  before = gloss_store_get_attribute_row (self, attribute_id, error);
  if (before == NULL)
    return NULL;

  if (new_name == NULL)
    new_name = g_strdup (gloss_attribute_get_name (before));
  choices = join_values (new_name, kind, values != NULL ? values : gloss_attribute_get_values (before),
                         error);
  if (choices == NULL)
    return NULL;
  ids = label_ids != NULL ? check_label_ids (self, label_ids, error)
                          : g_array_copy ((GArray *) gloss_attribute_get_label_ids (before));
  if (ids == NULL || !check_name_free (self, new_name, attribute_id, error))
    return NULL;

  old_ids = gloss_attribute_get_label_ids (before);
  {
    g_auto(GStrv) new_values = choices[0] != '\0' ? g_strsplit (choices, "\n", -1)
                                                  : g_new0 (char *, 1);

    after = gloss_attribute_new (attribute_id, new_name, kind, (const char * const *) new_values,
                                 ids, gloss_attribute_get_position (before));
  }

  if (g_str_equal (new_name, gloss_attribute_get_name (before)) &&
      kind == gloss_attribute_get_kind (before) &&
      g_strv_equal ((const char * const *) gloss_attribute_get_values (after),
                    (const char * const *) gloss_attribute_get_values (before)) &&
      ids->len == old_ids->len &&
      memcmp (ids->data, old_ids->data, ids->len * sizeof (gint64)) == 0)
    return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&before) : NULL;

  /* The values that no longer fit go first, so that undo puts the
   * definition back before them. */
  old_values = gloss_store_query_rows (self,
                                       "SELECT " GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS
                                       " FROM span_attributes WHERE attribute = ?",
                                       attribute_id, gloss_store_attribute_value_from_row, error);
  if (old_values == NULL)
    return NULL;
  for (guint i = 0; i < old_values->len; i++)
    {
      GlossAttributeValue *value = old_values->pdata[i];

      if (check_value (after, gloss_attribute_value_get_value (value), NULL))
        continue;
      if (!delete_value (self, value, error))
        return NULL;
    }

  stmt = gloss_store_prepare (self,
                              "UPDATE attributes SET name = ?, kind = ?, choices = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, new_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, gloss_attribute_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, choices, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, attribute_id);
  if (!gloss_store_step_done (self, stmt, error) ||
      !gloss_store_set_attribute_labels (self, attribute_id, ids, error))
    return NULL;

  gloss_store_record_change (self, before, after);
  return gloss_store_transaction_commit (&tx, error) ? g_steal_pointer (&after) : NULL;
}

/* How many values of it (on as many spans) deleting the attribute would
 * take with it. */
guint
gloss_store_count_attribute_values (GlossStore *self,
                                    gint64      attribute_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  stmt = gloss_store_prepare (self, "SELECT count (*) FROM span_attributes WHERE attribute = ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, attribute_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Deletes an attribute definition and every span's value of it, one
 * undoable step. */
gboolean
gloss_store_delete_attribute (GlossStore  *self,
                              gint64       attribute_id,
                              GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossAttribute) attribute = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  attribute = gloss_store_get_attribute_row (self, attribute_id, error);
  return attribute != NULL &&
         gloss_store_delete_attribute_row (self, attribute, error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Writes ATTRIBUTE's row and its labels exactly, id included. */
gboolean
gloss_store_put_attribute (GlossStore      *self,
                           GlossAttribute  *attribute,
                           GError         **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossAttribute) before = NULL;
  g_autofree char *choices = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (attribute), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = gloss_store_get_attribute_row (self, gloss_attribute_get_id (attribute), NULL);
  stmt = gloss_store_prepare (self,
                              before != NULL
                              ? "UPDATE attributes SET name = ?2, kind = ?3, choices = ?4, "
                                "position = ?5 WHERE id = ?1"
                              : "INSERT INTO attributes (id, name, kind, choices, position) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;

  choices = g_strjoinv ("\n", (char **) gloss_attribute_get_values (attribute));
  sqlite3_bind_int64 (stmt, 1, gloss_attribute_get_id (attribute));
  sqlite3_bind_text (stmt, 2, gloss_attribute_get_name (attribute), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, gloss_attribute_kind_to_string (gloss_attribute_get_kind (attribute)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, choices, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, gloss_attribute_get_position (attribute));
  if (!gloss_store_step_done (self, stmt, error) ||
      !gloss_store_set_attribute_labels (self, gloss_attribute_get_id (attribute),
                                         gloss_attribute_get_label_ids (attribute), error))
    return FALSE;

  gloss_store_record_change (self, before, attribute);
  return gloss_store_transaction_commit (&tx, error);
}

/**
 * gloss_store_set_span_attribute:
 * @value: (nullable): the value ("true" for a flag that is set, one of a
 *   choice attribute's values, any text); %NULL clears it
 *
 * Sets or clears a span's value of an attribute, one undoable step. The
 * attribute must apply to the span's label, and the value fit its kind.
 */
gboolean
gloss_store_set_span_attribute (GlossStore  *self,
                                gint64       span_id,
                                gint64       attribute_id,
                                const char  *value,
                                GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GlossAttributeValue) before = NULL;
  g_autoptr(GlossAttributeValue) after = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  /* A discontinuous span's values are its first part's. */
  span_id = gloss_store_group_of (self, span_id);
  span = gloss_store_get_span (self, span_id, error);
  if (span == NULL)
    return FALSE;
  attribute = gloss_store_get_attribute_row (self, attribute_id, error);
  if (attribute == NULL)
    return FALSE;
  before = get_value (self, span_id, attribute_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (value == NULL)
    {
      if (before != NULL &&
          !delete_value (self, before, error))
        return FALSE;
      return gloss_store_transaction_commit (&tx, error);
    }

  if (!gloss_attribute_applies_to (attribute, gloss_span_get_label_id (span)))
    {
      g_autoptr(GlossLabel) label = gloss_store_get_label (self, gloss_span_get_label_id (span),
                                                           NULL);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("The attribute “%s” does not apply to spans labeled “%s”"),
                   gloss_attribute_get_name (attribute),
                   label != NULL ? gloss_label_get_name (label) : "");
      return FALSE;
    }
  if (!check_value (attribute, value, error))
    return FALSE;

  if (before != NULL && g_str_equal (gloss_attribute_value_get_value (before), value))
    return gloss_store_transaction_commit (&tx, error);

  after = gloss_attribute_value_new (span_id, attribute_id, value);
  return write_value (self, before, after, error) && gloss_store_transaction_commit (&tx, error);
}

/* A span's attribute values (GlossAttributeValue), in the attributes'
 * list order. */
GPtrArray *
gloss_store_list_span_attributes (GlossStore  *self,
                                  gint64       span_id,
                                  GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT span, attribute, value FROM span_attributes "
                                 "JOIN attributes ON attributes.id = span_attributes.attribute "
                                 "WHERE span = ? ORDER BY attributes.position, attributes.id",
                                 span_id, gloss_store_attribute_value_from_row, error);
}

/* The attribute values of every span of a document, by span id, then in
 * the attributes' list order. */
GPtrArray *
gloss_store_list_document_attribute_values (GlossStore  *self,
                                            gint64       document_id,
                                            GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  return gloss_store_query_rows (self,
                                 "SELECT span, attribute, value FROM spans "
                                 "JOIN span_attributes ON span_attributes.span = spans.id "
                                 "JOIN attributes ON attributes.id = span_attributes.attribute "
                                 "WHERE spans.document = ? "
                                 "ORDER BY span, attributes.position, attributes.id",
                                 document_id, gloss_store_attribute_value_from_row, error);
}

/* Writes VALUE's row exactly (undo and redo): its span and attribute must
 * exist. */
gboolean
gloss_store_put_attribute_value (GlossStore           *self,
                                 GlossAttributeValue  *value,
                                 GError              **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossAttributeValue) before = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_VALUE (value), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = get_value (self, gloss_attribute_value_get_span_id (value),
                      gloss_attribute_value_get_attribute_id (value), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return write_value (self, before, value, error) && gloss_store_transaction_commit (&tx, error);
}

/* Deletes a span's value of an attribute; there must be one. */
gboolean
gloss_store_delete_attribute_value (GlossStore  *self,
                                    gint64       span_id,
                                    gint64       attribute_id,
                                    GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GlossAttributeValue) before = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = get_value (self, span_id, attribute_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (before == NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
                   _("Span %" G_GINT64_FORMAT " has no value of attribute %" G_GINT64_FORMAT),
                   span_id, attribute_id);
      return FALSE;
    }

  return delete_value (self, before, error) &&
         gloss_store_transaction_commit (&tx, error);
}
