/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project as a GlossDatasetSource: documents are read one at a time, with
 * their spans, so that an export streams however large the project is, all
 * in one read transaction, so that it is one moment of the project however
 * long it takes and whoever commits meanwhile. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export.h"

#define REPLACEMENT "\xef\xbf\xbd"   /* U+FFFD */

/* VALUE with U+FFFD for each run of invalid bytes, or NULL if it is valid
 * UTF-8, as all Gloss stores is: only a damaged project file holds other
 * bytes, and the formats count on UTF-8. Counts a repair in *N_REPAIRED. */
static char *
repair_text (const char *value,
             guint      *n_repaired)
{
  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return NULL;

  if (n_repaired != NULL)
    (*n_repaired)++;
  return g_utf8_make_valid (value, -1);
}

typedef struct
{
  GlossStore *store;
  gboolean reading;          /* the source started the read transaction */
  guint statuses;
  GHashTable *label_names;   /* label id -> name, of the labels exported */
  GlossFormatReport *report;
} StoreSource;

static void
store_source_free (gpointer data)
{
  StoreSource *store_source = data;

  if (store_source->reading)
    gloss_store_end_read (store_source->store);
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
      g_autofree char *name = NULL;
      const char *invalid;
      guint n_repaired = 0;

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

      name = repair_text (gloss_document_get_name (document), NULL);
      if (name != NULL)
        gloss_format_report_warn (store_source->report,
                                  _("Document %" G_GINT64_FORMAT " “%s”: its name is not valid "
                                    "UTF-8 (the project file is damaged); exported with “%s” in "
                                    "place of the invalid bytes"),
                                  document_id, name, REPLACEMENT);

      if (!g_utf8_validate (text, -1, &invalid))
        {
          gloss_format_report_warn (store_source->report,
                                    _("Document %" G_GINT64_FORMAT " “%s”: its text is not valid "
                                      "UTF-8 at byte %" G_GSIZE_FORMAT " (the project file is "
                                      "damaged); left out"),
                                    document_id, name ? name : gloss_document_get_name (document),
                                    (gsize) (invalid - text));
          gloss_format_report_lose (store_source->report,
                                    "document with a damaged text (left out)",
                                    "documents with a damaged text (left out)", 1);
          continue;
        }

      dataset_document = gloss_dataset_document_new (name ? name : gloss_document_get_name (document),
                                                     text);
      dataset_document->status = gloss_document_get_status (document);

      for (guint j = 0; j < spans->len; j++)
        {
          GlossSpan *span = g_ptr_array_index (spans, j);
          gint64 label_id = gloss_span_get_label_id (span);
          const char *label_name = g_hash_table_lookup (store_source->label_names, &label_id);
          g_autofree char *annotator = NULL;
          g_autofree char *note = NULL;

          if (label_name == NULL)
            continue;

          annotator = repair_text (gloss_span_get_annotator (span), &n_repaired);
          note = repair_text (gloss_span_get_note (span), &n_repaired);
          gloss_dataset_document_add_span (dataset_document, gloss_span_get_start (span),
                                           gloss_span_get_end (span), label_name,
                                           annotator ? annotator : gloss_span_get_annotator (span),
                                           note ? note : gloss_span_get_note (span));
        }

      if (n_repaired > 0)
        gloss_format_report_warn (store_source->report,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Document %" G_GINT64_FORMAT " “%s”: %u annotator "
                                               "or note of its spans is not valid UTF-8 (the "
                                               "project file is damaged); exported with “%s” in "
                                               "place of the invalid bytes",
                                               "Document %" G_GINT64_FORMAT " “%s”: %u annotators "
                                               "or notes of its spans are not valid UTF-8 (the "
                                               "project file is damaged); exported with “%s” in "
                                               "place of the invalid bytes",
                                               n_repaired),
                                  document_id, dataset_document->name, n_repaired, REPLACEMENT);

      if (!func (dataset_document, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* NAME, a damaged label name repaired, or with " (2)"... if a label of
 * the project (LABELS) or of the export (EXPORTED) has that name: two
 * labels must not become one. */
static char *
unique_label_name (GPtrArray *labels,
                   GPtrArray *exported,
                   char      *name)
{
  g_autofree char *base = name;

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < labels->len && !taken; i++)
        taken = g_str_equal (gloss_label_get_name (labels->pdata[i]), candidate);
      for (guint i = 0; i < exported->len && !taken; i++)
        taken = g_str_equal (((GlossDatasetLabel *) exported->pdata[i])->name, candidate);
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/* A source over STORE's documents and labels, as FILTER narrows them, read
 * as one snapshot: the source holds a read transaction on STORE until it is
 * freed, so STORE cannot write meanwhile (another store on the same project
 * can). A label name the project does not have is an error, not an empty
 * export. What had to be repaired or left out of a damaged project is told
 * in REPORT. */
GlossDatasetSource *
gloss_export_source_new (GlossStore               *store,
                         const GlossExportFilter  *filter,
                         GlossFormatReport        *report,
                         GError                  **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GlossDatasetSource) source = NULL;
  StoreSource *store_source;
  gboolean reading;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  if (!gloss_store_begin_read (store, &reading, error))
    return NULL;

  store_source = g_new0 (StoreSource, 1);
  store_source->store = g_object_ref (store);
  store_source->reading = reading;
  store_source->statuses = filter ? filter->statuses : 0;
  store_source->label_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  store_source->report = report;

  source = g_new0 (GlossDatasetSource, 1);
  source->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_label_free);
  source->foreach = store_source_foreach;
  source->data = store_source;
  source->data_free = store_source_free;

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

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      GlossDatasetLabel *dataset_label;
      gint64 id = gloss_label_get_id (label);
      g_autofree char *name = NULL;
      g_autofree char *color = NULL;
      g_autofree char *hotkey = NULL;
      g_autofree char *description = NULL;
      guint n_repaired = 0;

      if (filter != NULL && filter->labels != NULL &&
          !g_strv_contains ((const char * const *) filter->labels, gloss_label_get_name (label)))
        continue;

      name = repair_text (gloss_label_get_name (label), &n_repaired);
      color = repair_text (gloss_label_get_color (label), &n_repaired);
      hotkey = repair_text (gloss_label_get_hotkey (label), &n_repaired);
      description = repair_text (gloss_label_get_description (label), &n_repaired);
      if (name != NULL)
        name = unique_label_name (labels, source->labels, g_steal_pointer (&name));
      if (n_repaired > 0)
        gloss_format_report_warn (report,
                                  _("Label %" G_GINT64_FORMAT " “%s”: not valid UTF-8 (the "
                                    "project file is damaged); exported with “%s” in place of "
                                    "the invalid bytes"),
                                  id, name ? name : gloss_label_get_name (label), REPLACEMENT);

      dataset_label = gloss_dataset_label_new (name ? name : gloss_label_get_name (label),
                                               color ? color : gloss_label_get_color (label),
                                               hotkey ? hotkey : gloss_label_get_hotkey (label),
                                               description ? description
                                                           : gloss_label_get_description (label));
      g_ptr_array_add (source->labels, dataset_label);
      g_hash_table_insert (store_source->label_names, g_memdup2 (&id, sizeof id),
                           g_strdup (dataset_label->name));
    }

  return g_steal_pointer (&source);
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

  source = gloss_export_source_new (store, filter, report, error);
  if (source == NULL)
    return FALSE;

  return gloss_format_write_dataset (format, source, path, force, report, error);
}
