/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-relation.h"
#include "gloss-relation-label.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_ROW (gloss_relation_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationRow, gloss_relation_row, GLOSS, RELATION_ROW, GtkBox)

GtkWidget     *gloss_relation_row_new          (void);
GlossRelation *gloss_relation_row_get_relation (GlossRelationRow   *self);
void           gloss_relation_row_set_relation (GlossRelationRow   *self,
                                                GlossRelation      *relation,
                                                GlossRelationLabel *label,
                                                const char         *from_text,
                                                const char         *to_text);

G_END_DECLS
