/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-label.h"
#include "gloss-span.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN_ROW (gloss_span_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossSpanRow, gloss_span_row, GLOSS, SPAN_ROW, GtkBox)

GtkWidget *gloss_span_row_new      (void);
GlossSpan *gloss_span_row_get_span (GlossSpanRow *self);
void       gloss_span_row_set_span (GlossSpanRow *self,
                                    GlossSpan    *span,
                                    GlossLabel   *label,
                                    const char   *text);

G_END_DECLS
