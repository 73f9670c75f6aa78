/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION_LABEL (gloss_relation_label_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelationLabel, gloss_relation_label, GLOSS, RELATION_LABEL, GObject)

GlossRelationLabel *gloss_relation_label_new             (gint64              id,
                                                          const char         *name,
                                                          const char         *color,
                                                          const char         *hotkey,
                                                          const char         *description,
                                                          gboolean            directed,
                                                          int                 position);
gint64              gloss_relation_label_get_id          (GlossRelationLabel *self);
const char         *gloss_relation_label_get_name        (GlossRelationLabel *self);
const char         *gloss_relation_label_get_color       (GlossRelationLabel *self);
const char         *gloss_relation_label_get_hotkey      (GlossRelationLabel *self);
const char         *gloss_relation_label_get_description (GlossRelationLabel *self);
gboolean            gloss_relation_label_get_directed    (GlossRelationLabel *self);
int                 gloss_relation_label_get_position    (GlossRelationLabel *self);

G_END_DECLS
