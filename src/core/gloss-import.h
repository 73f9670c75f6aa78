/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-format.h"
#include "gloss-store.h"

G_BEGIN_DECLS

gboolean gloss_import_dataset (GlossStore         *store,
                               GlossDataset       *dataset,
                               GlossFormatReport  *report,
                               GError            **error);

/* What became of one file of an import. */
typedef struct
{
  char *path;                  /* or, for a file without one, its parse name */
  GlossFormatReport *report;   /* what was added, when it was */
  GError *error;               /* why nothing was, when it was not */
} GlossImportResult;

typedef void (*GlossImportProgressFunc) (guint       done,
                                         guint       total,
                                         const char *path,
                                         gpointer    user_data);

const GlossFormat *gloss_import_guess_format (const char              *path,
                                              GError                 **error);
GPtrArray         *gloss_import_paths        (GlossStore              *store,
                                              const char * const      *paths,
                                              const GlossFormat       *format,
                                              GCancellable            *cancellable,
                                              GlossImportProgressFunc  progress,
                                              gpointer                 user_data);
GPtrArray         *gloss_import_files        (GlossStore              *store,
                                              GPtrArray               *files,
                                              const GlossFormat       *format,
                                              GCancellable            *cancellable,
                                              GlossImportProgressFunc  progress,
                                              gpointer                 user_data);
void               gloss_import_result_free  (GlossImportResult       *result);
gboolean           gloss_import_error_stops  (const GError            *error);
char              *gloss_import_stop_message (GlossStore              *store,
                                              GPtrArray               *results);

G_END_DECLS
