/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL (gloss_label_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabel, gloss_label, GLOSS, LABEL, GObject)

GlossLabel *gloss_label_new             (gint64      id,
                                         const char *name,
                                         const char *color,
                                         const char *hotkey,
                                         const char *description,
                                         int         position);
gint64      gloss_label_get_id          (GlossLabel *self);
const char *gloss_label_get_name        (GlossLabel *self);
const char *gloss_label_get_color       (GlossLabel *self);
const char *gloss_label_get_hotkey      (GlossLabel *self);
const char *gloss_label_get_description (GlossLabel *self);
int         gloss_label_get_position    (GlossLabel *self);

G_END_DECLS
