/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-document-view.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow       *gloss_window_new               (GtkApplication *application,
                                                   GlossStore     *store);
GlossStore        *gloss_window_get_store         (GlossWindow    *self);
GlossDocumentView *gloss_window_get_document_view (GlossWindow    *self);
GtkWindow         *gloss_window_get_shortcuts_window (GlossWindow  *self);
GlossHistory      *gloss_window_get_history       (GlossWindow    *self);
void               gloss_window_import_files      (GlossWindow        *self,
                                                   GPtrArray          *files,
                                                   const GlossFormat  *format);
void               gloss_window_import            (GlossWindow        *self,
                                                   const char * const *paths);
void               gloss_window_import_as         (GlossWindow        *self,
                                                   const char * const *paths,
                                                   const GlossFormat  *format);
gboolean           gloss_window_open_document     (GlossWindow    *self,
                                                   gint64          document_id);
gboolean           gloss_window_reveal_range      (GlossWindow    *self,
                                                   gint64          document_id,
                                                   gint64          start,
                                                   gint64          end);

G_END_DECLS
