/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bringing a dataset into a project, all or nothing: one transaction per
 * file. Labels are matched by name and created when new; a document already
 * in the project (same name, same text) gets the new spans merged, skipping
 * spans it has already, instead of a second copy. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-import.h"

/* The GNOME palette, for labels a format brings without a color. */
static const char * const palette[] = {
  "#3584e4", "#e01b24", "#ff7800", "#2ec27e", "#9141ac", "#f6d32d", "#986a44", "#1c71d8",
  "#c01c28", "#26a269", "#e66100", "#613583", "#63452c", "#5e5c64",
};

static const char *
pick_color (GPtrArray *labels)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < labels->len && !used; j++)
        used = g_ascii_strcasecmp (gloss_label_get_color (labels->pdata[j]), palette[i]) == 0;
      if (!used)
        return palette[i];
    }

  return palette[labels->len % G_N_ELEMENTS (palette)];
}

static gboolean
hotkey_taken (GPtrArray  *labels,
              const char *hotkey)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gloss_label_get_hotkey (labels->pdata[i]), hotkey))
      return TRUE;

  return FALSE;
}

/* The project's label named NAME, created from DATASET_LABEL (or bare) if the
 * project has none. LABELS is the project's label set, kept current. */
static GlossLabel *
ensure_label (GlossStore         *store,
              GPtrArray          *labels,
              const char         *name,
              GlossDatasetLabel  *dataset_label,
              GlossFormatReport  *report,
              GError            **error)
{
  const char *color = NULL;
  const char *hotkey = "";
  GlossLabel *label;

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gloss_label_get_name (labels->pdata[i]), name))
      return labels->pdata[i];

  if (dataset_label != NULL)
    {
      color = dataset_label->color;
      if (dataset_label->hotkey != NULL && !hotkey_taken (labels, dataset_label->hotkey))
        hotkey = dataset_label->hotkey;
    }

  label = gloss_store_add_label (store, name, color ? color : pick_color (labels), hotkey,
                                 dataset_label ? dataset_label->description : NULL, error);
  if (label == NULL)
    return NULL;

  g_ptr_array_add (labels, label);
  report->labels_created++;

  return label;
}

static char *
span_key (gint64 start,
          gint64 end,
          gint64 label_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          start, end, label_id);
}

static gboolean
import_document (GlossStore            *store,
                 GlossDataset          *dataset,
                 GlossDatasetDocument  *document,
                 GPtrArray             *labels,
                 GlossFormatReport     *report,
                 GError               **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 document_id;

  document_id = gloss_store_find_document (store, document->name, document->text, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  if (document_id != 0)
    {
      g_autoptr(GPtrArray) spans = gloss_store_list_spans (store, document_id, error);

      if (spans == NULL)
        return FALSE;
      for (guint i = 0; i < spans->len; i++)
        g_hash_table_add (existing, span_key (gloss_span_get_start (spans->pdata[i]),
                                              gloss_span_get_end (spans->pdata[i]),
                                              gloss_span_get_label_id (spans->pdata[i])));
      report->documents_merged++;
    }
  else
    {
      document_id = gloss_store_add_document (store, document->name, document->text, NULL, error);
      if (document_id == 0)
        return FALSE;
    }

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *dataset_span = g_ptr_array_index (document->spans, i);
      g_autoptr(GlossSpan) span = NULL;
      GlossLabel *label;
      char *key;

      label = ensure_label (store, labels, dataset_span->label,
                            gloss_dataset_find_label (dataset, dataset_span->label), report, error);
      if (label == NULL)
        return FALSE;

      key = span_key (dataset_span->start, dataset_span->end, gloss_label_get_id (label));
      if (!g_hash_table_add (existing, key))
        {
          report->spans_skipped_duplicate++;
          continue;
        }

      span = gloss_store_add_span (store, document_id, gloss_label_get_id (label),
                                   dataset_span->start, dataset_span->end, dataset_span->annotator,
                                   dataset_span->note, error);
      if (span == NULL)
        return FALSE;
      report->spans++;
    }

  /* After the spans: the first span makes a document "in progress". */
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW &&
      !gloss_store_set_document_status (store, document_id, document->status, error))
    return FALSE;

  report->documents++;
  return TRUE;
}

static gboolean
needs_labels (GlossDataset *dataset)
{
  if (dataset->labels->len > 0)
    return TRUE;

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      if (document->spans->len > 0)
        return TRUE;
    }

  return FALSE;
}

/* Adds DATASET to STORE in one transaction; on error nothing of it stays. */
gboolean
gloss_import_dataset (GlossStore         *store,
                      GlossDataset       *dataset,
                      GlossFormatReport  *report,
                      GError            **error)
{
  g_autoptr(GPtrArray) labels = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!gloss_store_begin (store, error))
    return FALSE;

  /* Plain texts bring no label: no need to read the project's, once for
   * each of thousands of files. */
  if (needs_labels (dataset))
    labels = gloss_store_list_labels (store, error);
  else
    labels = g_ptr_array_new_with_free_func (g_object_unref);
  if (labels == NULL)
    goto failed;

  /* The dataset's label set first, in its order, so that labels without
   * spans come along too. */
  for (guint i = 0; i < dataset->labels->len; i++)
    {
      GlossDatasetLabel *dataset_label = g_ptr_array_index (dataset->labels, i);

      if (ensure_label (store, labels, dataset_label->name, dataset_label, report, error) == NULL)
        goto failed;
    }

  for (guint i = 0; i < dataset->documents->len; i++)
    if (!import_document (store, dataset, g_ptr_array_index (dataset->documents, i), labels, report,
                          error))
      goto failed;

  return gloss_store_commit (store, error);

failed:
  gloss_store_rollback (store);
  return FALSE;
}

/* Reads PATH as FORMAT and imports it; the report counts what was added. */
gboolean
gloss_import_path (GlossStore         *store,
                   const GlossFormat  *format,
                   const char         *path,
                   GlossFormatReport  *report,
                   GError            **error)
{
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  guint documents, spans, labels_created, merged, skipped;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dataset = gloss_format_read (format, path, read_report, error);
  if (dataset == NULL)
    return FALSE;

  /* Counted afresh, so that a failed import leaves the report as it was. */
  documents = report->documents;
  spans = report->spans;
  labels_created = report->labels_created;
  merged = report->documents_merged;
  skipped = report->spans_skipped_duplicate;

  if (!gloss_import_dataset (store, dataset, report, error))
    {
      report->documents = documents;
      report->spans = spans;
      report->labels_created = labels_created;
      report->documents_merged = merged;
      report->spans_skipped_duplicate = skipped;
      return FALSE;
    }

  for (guint i = 0; i < read_report->warnings->len; i++)
    g_ptr_array_add (report->warnings, g_strdup (read_report->warnings->pdata[i]));
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, read_report->lost);
    while (g_hash_table_iter_next (&iter, &key, &value))
      gloss_format_report_lose (report, key, GPOINTER_TO_UINT (value));
  }

  return TRUE;
}

void
gloss_import_result_free (GlossImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->path);
  g_clear_pointer (&result->report, gloss_format_report_free);
  g_clear_error (&result->error);
  g_free (result);
}

/* The format a file to import is in: what its name says, with the text
 * formats people read (Markdown, HTML) taken as plain text. */
const GlossFormat *
gloss_import_guess_format (const char  *path,
                           GError     **error)
{
  static const char * const readable[] = { ".md", ".markdown", ".html", ".htm", ".xhtml", NULL };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; readable[i] != NULL; i++)
    if (g_str_has_suffix (lower, readable[i]) && gloss_format_lookup ("text") != NULL)
      return gloss_format_lookup ("text");

  return gloss_format_guess (path, error);
}

#define FILES_PER_COMMIT 500

/* A transaction for the next files. Their texts wait for the search index
 * (gloss_store_index_texts ()), which was half of an import's work: the
 * caller indexes them once the files are in, and searches find them
 * meanwhile. */
static gboolean
begin_batch (GlossStore *store)
{
  if (!gloss_store_begin (store, NULL))
    return FALSE;

  gloss_store_defer_indexing (store, NULL);
  return TRUE;
}

/* Commits the files from FIRST on; if that fails, they are not in, and
 * their results say why. */
static void
commit_batch (GlossStore *store,
              GPtrArray  *results,
              guint       first)
{
  g_autoptr(GError) error = NULL;

  if (gloss_store_commit (store, &error))
    return;

  for (guint i = first; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      if (result->error == NULL)
        result->error = g_error_copy (error);
    }
}

/* Imports each of PATHS, each all or nothing, in FORMAT or the format its
 * name tells. Stops before the next file when CANCELLABLE is cancelled;
 * the files not reached have no result. The new texts are left waiting
 * for the full-text index: search finds them all the same, and
 * gloss_store_index_texts () indexes them when the caller has time. */
GPtrArray *
gloss_import_paths (GlossStore              *store,
                    const char * const      *paths,
                    const GlossFormat       *format,
                    GCancellable            *cancellable,
                    GlossImportProgressFunc  progress,
                    gpointer                 user_data)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_import_result_free);
  gboolean batch_open;
  guint batch_first = 0;
  guint total;

  g_return_val_if_fail (GLOSS_IS_STORE (store), results);
  g_return_val_if_fail (paths != NULL, results);

  total = g_strv_length ((char **) paths);

  /* Files go in batches, one commit each: a commit waits for the disk, and
   * one per file made a large import wait on the disk most of the time.
   * Each file is still all or nothing, as a savepoint inside the batch. */
  gloss_store_set_bulk_writing (store, TRUE);
  batch_open = begin_batch (store);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      GlossImportResult *result = g_new0 (GlossImportResult, 1);
      const GlossFormat *file_format = format;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_free (result);
          break;
        }

      if (progress != NULL)
        progress (i, total, paths[i], user_data);

      result->path = g_strdup (paths[i]);
      result->report = gloss_format_report_new ();
      g_ptr_array_add (results, result);

      if (file_format == NULL &&
          (file_format = gloss_import_guess_format (paths[i], &result->error)) == NULL)
        continue;

      gloss_import_path (store, file_format, paths[i], result->report, &result->error);

      if (batch_open && results->len - batch_first == FILES_PER_COMMIT)
        {
          commit_batch (store, results, batch_first);
          batch_first = results->len;
          batch_open = begin_batch (store);
        }
    }

  if (batch_open)
    commit_batch (store, results, batch_first);
  gloss_store_set_bulk_writing (store, FALSE);

  if (progress != NULL)
    progress (results->len, total, NULL, user_data);

  return results;
}
