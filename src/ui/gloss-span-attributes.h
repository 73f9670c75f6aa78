/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN_ATTRIBUTES (gloss_span_attributes_get_type ())

G_DECLARE_FINAL_TYPE (GlossSpanAttributes, gloss_span_attributes, GLOSS, SPAN_ATTRIBUTES, GtkWidget)

GtkWidget *gloss_span_attributes_new         (void);
void       gloss_span_attributes_show        (GlossSpanAttributes *self,
                                              gint64               span_id,
                                              GPtrArray           *attributes,
                                              GPtrArray           *values);
void       gloss_span_attributes_flush       (GlossSpanAttributes *self);
GtkWidget *gloss_span_attributes_get_field   (GlossSpanAttributes *self,
                                              gint64               attribute_id);
gboolean   gloss_span_attributes_focus_first (GlossSpanAttributes *self);

G_END_DECLS
