/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the window offers besides its public API: calls the window's own
 * parts make (gloss-window-private.h includes this), and that the UI tests
 * make to reach what a user reaches with the pointer and the keys. The
 * application does not need them. */

#pragma once

#include "gloss-document-view-testing.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-window.h"

G_BEGIN_DECLS

GlossDocumentView *gloss_window_get_document_view    (GlossWindow        *self);
GlossHistory      *gloss_window_get_history          (GlossWindow        *self);
GtkWindow         *gloss_window_get_shortcuts_window (GlossWindow        *self);
void               gloss_window_import_files         (GlossWindow        *self,
                                                      GPtrArray          *files,
                                                      const GlossFormat  *format);
void               gloss_window_import               (GlossWindow        *self,
                                                      const char * const *paths);
void               gloss_window_import_as            (GlossWindow        *self,
                                                      const char * const *paths,
                                                      const GlossFormat  *format);
gboolean           gloss_window_open_document        (GlossWindow        *self,
                                                      gint64              document_id);
gboolean           gloss_window_reveal_range         (GlossWindow        *self,
                                                      gint64              document_id,
                                                      gint64              start,
                                                      gint64              end);

G_END_DECLS
