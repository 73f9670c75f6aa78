/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project as a GlossDatasetSource: documents are read one at a time, with
 * their spans, so that an export streams however large the project is. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export.h"

typedef struct
{
  GlossStore *store;
  guint statuses;
  GHashTable *label_names;   /* label id -> name, of the labels exported */
} StoreSource;

static void
store_source_free (gpointer data)
{
  StoreSource *store_source = data;

  g_clear_object (&store_source->store);
  g_clear_pointer (&store_source->label_names, g_hash_table_unref);
  g_free (store_source);
}

static gboolean
store_source_foreach (GlossDatasetSource  *source,
                      GlossDocumentFunc    func,
                      gpointer             user_data,
                      GError             **error)
{
  StoreSource *store_source = source->data;
  g_autoptr(GArray) ids = gloss_store_list_document_ids (store_source->store, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 document_id = g_array_index (ids, gint64, i);
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossDatasetDocument) dataset_document = NULL;
      g_autoptr(GPtrArray) spans = NULL;
      g_autofree char *text = NULL;

      document = gloss_store_get_document (store_source->store, document_id, error);
      if (document == NULL)
        return FALSE;

      if (store_source->statuses != 0 &&
          (store_source->statuses & (1u << gloss_document_get_status (document))) == 0)
        continue;

      text = gloss_store_load_text (store_source->store, document_id, error);
      spans = text ? gloss_store_list_spans (store_source->store, document_id, error) : NULL;
      if (spans == NULL)
        return FALSE;

      dataset_document = gloss_dataset_document_new (gloss_document_get_name (document), text);
      dataset_document->status = gloss_document_get_status (document);

      for (guint j = 0; j < spans->len; j++)
        {
          GlossSpan *span = g_ptr_array_index (spans, j);
          gint64 label_id = gloss_span_get_label_id (span);
          const char *label_name = g_hash_table_lookup (store_source->label_names, &label_id);

          if (label_name == NULL)
            continue;
          gloss_dataset_document_add_span (dataset_document, gloss_span_get_start (span),
                                           gloss_span_get_end (span), label_name,
                                           gloss_span_get_annotator (span),
                                           gloss_span_get_note (span));
        }

      if (!func (dataset_document, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* A source over STORE's documents and labels, as FILTER narrows them. A
 * label name the project does not have is an error, not an empty export. */
GlossDatasetSource *
gloss_export_source_new (GlossStore               *store,
                         const GlossExportFilter  *filter,
                         GError                  **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  GlossDatasetSource *source;
  StoreSource *store_source;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  labels = gloss_store_list_labels (store, error);
  if (labels == NULL)
    return NULL;

  for (guint i = 0; filter != NULL && filter->labels != NULL && filter->labels[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < labels->len && !found; j++)
        found = g_str_equal (gloss_label_get_name (labels->pdata[j]), filter->labels[i]);
      if (!found)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                       _("The project has no label named “%s”"), filter->labels[i]);
          return NULL;
        }
    }

  store_source = g_new0 (StoreSource, 1);
  store_source->store = g_object_ref (store);
  store_source->statuses = filter ? filter->statuses : 0;
  store_source->label_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  source = g_new0 (GlossDatasetSource, 1);
  source->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_label_free);
  source->foreach = store_source_foreach;
  source->data = store_source;
  source->data_free = store_source_free;

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      GlossDatasetLabel *dataset_label;
      gint64 id = gloss_label_get_id (label);

      if (filter != NULL && filter->labels != NULL &&
          !g_strv_contains ((const char * const *) filter->labels, gloss_label_get_name (label)))
        continue;

      dataset_label = gloss_dataset_label_new (gloss_label_get_name (label),
                                               gloss_label_get_color (label),
                                               gloss_label_get_hotkey (label),
                                               gloss_label_get_description (label));
      g_ptr_array_add (source->labels, dataset_label);
      g_hash_table_insert (store_source->label_names, g_memdup2 (&id, sizeof id),
                           g_strdup (gloss_label_get_name (label)));
    }

  return source;
}

gboolean
gloss_export_path (GlossStore               *store,
                   const GlossFormat        *format,
                   const char               *path,
                   const GlossExportFilter  *filter,
                   gboolean                  force,
                   GlossFormatReport        *report,
                   GError                  **error)
{
  g_autoptr(GlossDatasetSource) source = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  source = gloss_export_source_new (store, filter, error);
  if (source == NULL)
    return FALSE;

  return gloss_format_write_dataset (format, source, path, force, report, error);
}
