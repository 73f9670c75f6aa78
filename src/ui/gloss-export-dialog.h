/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

GlossExportDialog *gloss_export_dialog_new        (GtkWindow         *parent,
                                                   GlossStore        *store);
void               gloss_export_dialog_set_format (GlossExportDialog *self,
                                                   const char        *format_name);
void               gloss_export_dialog_set_path   (GlossExportDialog *self,
                                                   const char        *path);
const char        *gloss_export_dialog_get_path   (GlossExportDialog *self);
const char        *gloss_export_dialog_get_format (GlossExportDialog *self);
void               gloss_export_dialog_export     (GlossExportDialog *self,
                                                   gboolean           replace);

G_END_DECLS
