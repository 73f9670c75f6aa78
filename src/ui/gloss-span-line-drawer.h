/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document-view.h"
#include "gloss-span-index.h"

G_BEGIN_DECLS

typedef struct _GlossSpanLineDrawer GlossSpanLineDrawer;

/* The color of a line under a span of LABEL_ID. */
typedef void (*GlossSpanLineColorFunc) (gint64   label_id,
                                        GdkRGBA *color,
                                        gpointer user_data);

/* Whether SPAN's line ends in a mark. */
typedef gboolean (*GlossSpanLineMarkFunc) (GlossSpan *span,
                                           gpointer   user_data);

GlossSpanLineDrawer *gloss_span_line_drawer_new  (GlossSpanLineColorFunc color_func,
                                                  gpointer               user_data);
void                 gloss_span_line_drawer_free (GlossSpanLineDrawer *drawer);
void                 gloss_span_line_drawer_set_mark_func (GlossSpanLineDrawer   *drawer,
                                                           GlossSpanLineMarkFunc  mark_func,
                                                           gpointer               user_data);
void                 gloss_span_line_drawer_draw (GlossSpanLineDrawer *drawer,
                                                  GlossDocumentView   *view,
                                                  GlossSpanIndex      *spans,
                                                  GtkSnapshot         *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSpanLineDrawer, gloss_span_line_drawer_free)

G_END_DECLS
