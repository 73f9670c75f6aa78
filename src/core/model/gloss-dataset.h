/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "gloss-document.h"

G_BEGIN_DECLS

/*
 * A dataset is what a format reads or writes: labels and documents with their
 * spans, by label name, independent of any project. Offsets are code points,
 * as everywhere in Gloss; a format converts at its own edge through
 * gloss-offsets.h.
 */

typedef struct
{
  gint64 start;
  gint64 end;
  char *label;
  char *annotator;   /* "" when the format has none */
  char *note;        /* "" when the format has none */
} GlossDatasetSpan;

typedef struct
{
  char *name;
  char *text;
  GlossDocumentStatus status;
  GPtrArray *spans;  /* GlossDatasetSpan, in the order read */
} GlossDatasetDocument;

typedef struct
{
  char *name;
  char *color;        /* "#rrggbb", or NULL when the format has none */
  char *hotkey;       /* "" when none */
  char *description;  /* "" when none */
} GlossDatasetLabel;

typedef struct
{
  GPtrArray *labels;     /* GlossDatasetLabel */
  GPtrArray *documents;  /* GlossDatasetDocument */
  /* name -> GlossDatasetLabel, for the lookup of each span's label: a
   * search through the list made 20,000 labels take a minute. Add labels
   * through gloss_dataset_ensure_label () to keep it whole. */
  GHashTable *names;
} GlossDataset;

GlossDatasetLabel    *gloss_dataset_label_new            (const char           *name,
                                                          const char           *color,
                                                          const char           *hotkey,
                                                          const char           *description);
void                  gloss_dataset_label_free           (GlossDatasetLabel    *label);

GlossDataset         *gloss_dataset_new                  (void);
void                  gloss_dataset_free                 (GlossDataset         *dataset);
GlossDatasetLabel    *gloss_dataset_ensure_label         (GlossDataset         *dataset,
                                                          const char           *name);
GlossDatasetLabel    *gloss_dataset_find_label           (GlossDataset         *dataset,
                                                          const char           *name);
void                  gloss_dataset_add_label_alias      (GlossDataset         *dataset,
                                                          const char           *alias,
                                                          GlossDatasetLabel    *label);
GlossDatasetDocument *gloss_dataset_add_document         (GlossDataset         *dataset,
                                                          const char           *name,
                                                          const char           *text);

GlossDatasetDocument *gloss_dataset_document_new         (const char           *name,
                                                          const char           *text);
void                  gloss_dataset_document_free        (GlossDatasetDocument *document);
GlossDatasetSpan     *gloss_dataset_document_add_span    (GlossDatasetDocument *document,
                                                          gint64                start,
                                                          gint64                end,
                                                          const char           *label,
                                                          const char           *annotator,
                                                          const char           *note);
void                  gloss_dataset_document_sort_spans  (GlossDatasetDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDataset, gloss_dataset_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDatasetDocument, gloss_dataset_document_free)

G_END_DECLS
