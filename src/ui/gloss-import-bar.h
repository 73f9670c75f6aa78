/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-format.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_IMPORT_BAR (gloss_import_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlossImportBar, gloss_import_bar, GLOSS, IMPORT_BAR, GtkWidget)

GtkWidget *gloss_import_bar_new        (void);
gboolean   gloss_import_bar_start      (GlossImportBar     *self,
                                        const char         *project_path,
                                        const char * const *paths,
                                        const GlossFormat  *format);
gboolean   gloss_import_bar_start_files (GlossImportBar    *self,
                                         const char        *project_path,
                                         GPtrArray         *files,
                                         const GlossFormat *format);
void       gloss_import_bar_index      (GlossImportBar     *self,
                                        const char         *project_path);
gboolean   gloss_import_bar_is_running (GlossImportBar     *self);
gboolean   gloss_import_bar_is_indexing (GlossImportBar    *self);
void       gloss_import_bar_cancel     (GlossImportBar     *self);

char      *gloss_import_bar_describe_progress (guint       done,
                                               guint       total,
                                               const char *path,
                                               gboolean   *pulse);
char      *gloss_import_bar_describe_results (GlossStore  *store,
                                              GPtrArray   *results,
                                              char       **heading);

G_END_DECLS
