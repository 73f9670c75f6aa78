/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The in-memory shape of a labeled dataset, shared by every format. */

#define G_LOG_DOMAIN "gloss-dataset"

#include "config.h"

#include "gloss-dataset.h"

static void
dataset_span_free (gpointer data)
{
  GlossDatasetSpan *span = data;

  g_free (span->label);
  g_free (span->annotator);
  g_free (span->note);
  g_free (span);
}

GlossDatasetLabel *
gloss_dataset_label_new (const char *name,
                         const char *color,
                         const char *hotkey,
                         const char *description)
{
  GlossDatasetLabel *label = g_new0 (GlossDatasetLabel, 1);

  label->name = g_strdup (name);
  label->color = g_strdup (color);
  label->hotkey = g_strdup (hotkey ? hotkey : "");
  label->description = g_strdup (description ? description : "");

  return label;
}

void
gloss_dataset_label_free (GlossDatasetLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->name);
  g_free (label->color);
  g_free (label->hotkey);
  g_free (label->description);
  g_free (label);
}

GlossDataset *
gloss_dataset_new (void)
{
  GlossDataset *dataset = g_new0 (GlossDataset, 1);

  dataset->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_label_free);
  dataset->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_document_free);
  dataset->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return dataset;
}

void
gloss_dataset_free (GlossDataset *dataset)
{
  if (dataset == NULL)
    return;

  g_hash_table_unref (dataset->names);
  g_ptr_array_unref (dataset->labels);
  g_ptr_array_unref (dataset->documents);
  g_free (dataset);
}

GlossDatasetLabel *
gloss_dataset_find_label (GlossDataset *dataset,
                          const char   *name)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (dataset->names, name);
}

/* Makes gloss_dataset_find_label () find LABEL by ALIAS too: the name as a
 * file spelled it, when a reader changed it (white space around it). */
void
gloss_dataset_add_label_alias (GlossDataset      *dataset,
                               const char        *alias,
                               GlossDatasetLabel *label)
{
  g_return_if_fail (dataset != NULL);
  g_return_if_fail (alias != NULL);

  g_hash_table_insert (dataset->names, g_strdup (alias), label);
}

/* The label named NAME, added at the end of the label set if it is new. */
GlossDatasetLabel *
gloss_dataset_ensure_label (GlossDataset *dataset,
                            const char   *name)
{
  GlossDatasetLabel *label;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  label = gloss_dataset_find_label (dataset, name);
  if (label != NULL)
    return label;

  label = gloss_dataset_label_new (name, NULL, NULL, NULL);
  g_ptr_array_add (dataset->labels, label);
  g_hash_table_insert (dataset->names, g_strdup (name), label);

  return label;
}

GlossDatasetDocument *
gloss_dataset_document_new (const char *name,
                            const char *text)
{
  GlossDatasetDocument *document = g_new0 (GlossDatasetDocument, 1);

  document->name = g_strdup (name);
  document->text = g_strdup (text);
  document->status = GLOSS_DOCUMENT_STATUS_NEW;
  document->spans = g_ptr_array_new_with_free_func (dataset_span_free);

  return document;
}

void
gloss_dataset_document_free (GlossDatasetDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->name);
  g_free (document->text);
  g_ptr_array_unref (document->spans);
  g_free (document);
}

GlossDatasetDocument *
gloss_dataset_add_document (GlossDataset *dataset,
                            const char   *name,
                            const char   *text)
{
  GlossDatasetDocument *document;

  g_return_val_if_fail (dataset != NULL, NULL);

  document = gloss_dataset_document_new (name, text);
  g_ptr_array_add (dataset->documents, document);

  return document;
}

GlossDatasetSpan *
gloss_dataset_document_add_span (GlossDatasetDocument *document,
                                 gint64                start,
                                 gint64                end,
                                 const char           *label,
                                 const char           *annotator,
                                 const char           *note)
{
  GlossDatasetSpan *span;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  span = g_new0 (GlossDatasetSpan, 1);
  span->start = start;
  span->end = end;
  span->label = g_strdup (label);
  span->annotator = g_strdup (annotator ? annotator : "");
  span->note = g_strdup (note ? note : "");
  g_ptr_array_add (document->spans, span);

  return span;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossDatasetSpan *span_a = *(GlossDatasetSpan **) a;
  const GlossDatasetSpan *span_b = *(GlossDatasetSpan **) b;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  if (span_a->end != span_b->end)
    return span_a->end > span_b->end ? -1 : 1;
  return g_strcmp0 (span_a->label, span_b->label);
}

/* Reading order: by start, the enclosing span first, then by label. */
void
gloss_dataset_document_sort_spans (GlossDatasetDocument *document)
{
  g_return_if_fail (document != NULL);

  g_ptr_array_sort (document->spans, compare_spans);
}
