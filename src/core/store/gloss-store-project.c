/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project as a whole: its meta entries (its name, when it was made
 * and by which version) and the counts the statistics show: documents by
 * status, spans and relations by label, attribute values by value,
 * documents by category. */

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

static void
relation_label_stats_free (gpointer data)
{
  GlossRelationLabelStats *stats = data;

  g_clear_object (&stats->label);
  g_free (stats);
}

static void
attribute_value_stats_free (gpointer data)
{
  GlossAttributeValueStats *stats = data;

  g_free (stats->value);
  g_free (stats);
}

static void
attribute_stats_free (gpointer data)
{
  GlossAttributeStats *stats = data;

  g_clear_object (&stats->attribute);
  g_clear_pointer (&stats->values, g_ptr_array_unref);
  g_free (stats);
}

static void
category_stats_free (gpointer data)
{
  GlossCategoryStats *stats = data;

  g_clear_object (&stats->category);
  g_free (stats);
}

static void
category_set_stats_free (gpointer data)
{
  GlossCategorySetStats *stats = data;

  g_clear_object (&stats->set);
  g_clear_pointer (&stats->categories, g_ptr_array_unref);
  g_free (stats);
}

void
gloss_store_stats_free (GlossStoreStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->labels, g_ptr_array_unref);
  g_clear_pointer (&stats->relation_labels, g_ptr_array_unref);
  g_clear_pointer (&stats->attributes, g_ptr_array_unref);
  g_clear_pointer (&stats->category_sets, g_ptr_array_unref);
  g_free (stats);
}

/* The number SQL answers, with ID as its parameter if it has one; -1 with
 * ERROR set on a failure. */
static gint64
count_for (GlossStore    *self,
           const char    *sql,
           gint64         id,
           GError       **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, sql, error);
  gint64 count = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return -1;
    }

  return count;
}

/* Relations by relation label, attribute values by attribute and value,
 * documents by category. */
static gboolean
add_annotation_stats (GlossStore       *self,
                      GlossStoreStats  *stats,
                      GError          **error)
{
  g_autoptr(GPtrArray) relation_labels = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  gint64 n;

  if ((n = count_for (self, "SELECT count (*) FROM relations", 0, error)) < 0)
    return FALSE;
  stats->n_relations = n;
  if ((n = count_for (self, "SELECT count (*) FROM span_attributes", 0, error)) < 0)
    return FALSE;
  stats->n_attribute_values = n;

  relation_labels = gloss_store_list_relation_labels (self, error);
  if (relation_labels == NULL)
    return FALSE;
  for (guint i = 0; i < relation_labels->len; i++)
    {
      GlossRelationLabel *label = relation_labels->pdata[i];
      GlossRelationLabelStats *label_stats = g_new0 (GlossRelationLabelStats, 1);
      gint64 relations, documents;

      label_stats->label = g_object_ref (label);
      g_ptr_array_add (stats->relation_labels, label_stats);
      relations = count_for (self, "SELECT count (*) FROM relations WHERE label = ?",
                             gloss_relation_label_get_id (label), error);
      documents = count_for (self, "SELECT count (DISTINCT document) FROM relations WHERE label = ?",
                             gloss_relation_label_get_id (label), error);
      if (relations < 0 || documents < 0)
        return FALSE;
      label_stats->relations = relations;
      label_stats->documents = documents;
    }

  attributes = gloss_store_list_attributes (self, error);
  if (attributes == NULL)
    return FALSE;
  for (guint i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = attributes->pdata[i];
      GlossAttributeStats *attribute_stats = g_new0 (GlossAttributeStats, 1);
      const char * const *choices = gloss_attribute_get_values (attribute);
      sqlite3_stmt *stmt;
      int rc;

      attribute_stats->attribute = g_object_ref (attribute);
      attribute_stats->values = g_ptr_array_new_with_free_func (attribute_value_stats_free);
      g_ptr_array_add (stats->attributes, attribute_stats);

      for (guint j = 0; choices[j] != NULL; j++)
        {
          GlossAttributeValueStats *value_stats = g_new0 (GlossAttributeValueStats, 1);

          value_stats->value = g_strdup (choices[j]);
          g_ptr_array_add (attribute_stats->values, value_stats);
        }

      stmt = gloss_store_prepare (self,
                                  "SELECT value, count (*) FROM span_attributes "
                                  "WHERE attribute = ? GROUP BY value ORDER BY value",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, gloss_attribute_get_id (attribute));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, 0);
          guint spans = sqlite3_column_int64 (stmt, 1);
          GlossAttributeValueStats *value_stats = NULL;

          attribute_stats->spans += spans;
          if (gloss_attribute_get_kind (attribute) == GLOSS_ATTRIBUTE_KIND_TEXT)
            continue;
          for (guint j = 0; j < attribute_stats->values->len && value_stats == NULL; j++)
            {
              GlossAttributeValueStats *known = attribute_stats->values->pdata[j];

              if (g_str_equal (known->value, value))
                value_stats = known;
            }
          if (value_stats == NULL)
            {
              value_stats = g_new0 (GlossAttributeValueStats, 1);
              value_stats->value = g_strdup (value);
              g_ptr_array_add (attribute_stats->values, value_stats);
            }
          value_stats->spans = spans;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          gloss_store_set_sqlite_error (self, error, rc);
          return FALSE;
        }
    }

  sets = gloss_store_list_category_sets (self, error);
  if (sets == NULL)
    return FALSE;
  for (guint i = 0; i < sets->len; i++)
    {
      GlossCategorySet *set = sets->pdata[i];
      GlossCategorySetStats *set_stats = g_new0 (GlossCategorySetStats, 1);
      g_autoptr(GPtrArray) categories = NULL;

      set_stats->set = g_object_ref (set);
      set_stats->categories = g_ptr_array_new_with_free_func (category_stats_free);
      g_ptr_array_add (stats->category_sets, set_stats);

      n = count_for (self,
                     "SELECT count (DISTINCT document) FROM document_categories "
                     "WHERE category IN (SELECT id FROM categories WHERE category_set = ?)",
                     gloss_category_set_get_id (set), error);
      if (n < 0)
        return FALSE;
      set_stats->documents = n;

      categories = gloss_store_list_categories (self, gloss_category_set_get_id (set), error);
      if (categories == NULL)
        return FALSE;
      for (guint j = 0; j < categories->len; j++)
        {
          GlossCategoryStats *category_stats = g_new0 (GlossCategoryStats, 1);

          category_stats->category = g_object_ref (categories->pdata[j]);
          g_ptr_array_add (set_stats->categories, category_stats);
          n = count_for (self, "SELECT count (*) FROM document_categories WHERE category = ?",
                         gloss_category_get_id (categories->pdata[j]), error);
          if (n < 0)
            return FALSE;
          category_stats->documents = n;
        }
    }

  return TRUE;
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
  stats->relation_labels = g_ptr_array_new_with_free_func (relation_label_stats_free);
  stats->attributes = g_ptr_array_new_with_free_func (attribute_stats_free);
  stats->category_sets = g_ptr_array_new_with_free_func (category_set_stats_free);

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

      label_stats->label = gloss_store_label_from_row (self, stmt, NULL);
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

  if (!add_annotation_stats (self, stats, error))
    return NULL;

  return g_steal_pointer (&stats);
}
