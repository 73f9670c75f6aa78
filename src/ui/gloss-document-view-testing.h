/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the UI tests ask the document view about its text's tags, which a
 * user sees only as colors. The application does not need them. */

#pragma once

#include "gloss-document-view.h"

G_BEGIN_DECLS

gboolean   gloss_document_view_has_span_tag      (GlossDocumentView *self,
                                                  GlossSpan         *span);
char      *gloss_document_view_describe_spans_at (GlossDocumentView *self,
                                                  gint64             offset);
gboolean   gloss_document_view_is_tagging        (GlossDocumentView *self);
gboolean   gloss_document_view_is_shown_selected (GlossDocumentView *self,
                                                  GlossSpan         *span);

G_END_DECLS
