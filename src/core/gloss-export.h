/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-format.h"
#include "gloss-store.h"

G_BEGIN_DECLS

/* Which documents and spans an export takes; empty means all. */
typedef struct
{
  guint statuses;        /* bit (1 << GlossDocumentStatus) per status; 0: every status */
  const char * const *labels;   /* label names; NULL: every label */
  /* "SET=VALUE": only documents with that category. Choices of one set
   * are any of them, choices of different sets all of them. NULL: every
   * document. */
  const char * const *categories;
} GlossExportFilter;

GlossDatasetSource *gloss_export_source_new (GlossStore               *store,
                                             const GlossExportFilter  *filter,
                                             GlossFormatReport        *report,
                                             GError                  **error);
gboolean            gloss_export_path       (GlossStore               *store,
                                             const GlossFormat        *format,
                                             const char               *path,
                                             const GlossExportFilter  *filter,
                                             gboolean                  force,
                                             GlossFormatReport        *report,
                                             GError                  **error);

G_END_DECLS
