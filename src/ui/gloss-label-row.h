/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-label.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_ROW (gloss_label_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelRow, gloss_label_row, GLOSS, LABEL_ROW, GtkBox)

GtkWidget  *gloss_label_row_new       (void);
GlossLabel *gloss_label_row_get_label (GlossLabelRow *self);
void        gloss_label_row_set_label (GlossLabelRow *self,
                                       GlossLabel    *label);
void        gloss_label_row_set_count (GlossLabelRow *self,
                                       guint          count);

G_END_DECLS
