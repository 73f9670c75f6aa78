/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gloss-attribute-kind.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ATTRIBUTE (gloss_attribute_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttribute, gloss_attribute, GLOSS, ATTRIBUTE, GObject)

GlossAttribute     *gloss_attribute_new             (gint64              id,
                                                     const char         *name,
                                                     GlossAttributeKind  kind,
                                                     const char * const *values,
                                                     GArray             *label_ids,
                                                     int                 position);
gint64              gloss_attribute_get_id          (GlossAttribute     *self);
const char         *gloss_attribute_get_name        (GlossAttribute     *self);
GlossAttributeKind  gloss_attribute_get_kind        (GlossAttribute     *self);
const char * const *gloss_attribute_get_values      (GlossAttribute     *self);
const GArray       *gloss_attribute_get_label_ids   (GlossAttribute     *self);
int                 gloss_attribute_get_position    (GlossAttribute     *self);
gboolean            gloss_attribute_applies_to      (GlossAttribute     *self,
                                                     gint64              label_id);
gboolean            gloss_attribute_has_value       (GlossAttribute     *self,
                                                     const char         *value);

#define GLOSS_TYPE_ATTRIBUTE_VALUE (gloss_attribute_value_get_type ())

G_DECLARE_FINAL_TYPE (GlossAttributeValue, gloss_attribute_value, GLOSS, ATTRIBUTE_VALUE, GObject)

GlossAttributeValue *gloss_attribute_value_new              (gint64               span_id,
                                                             gint64               attribute_id,
                                                             const char          *value);
gint64               gloss_attribute_value_get_span_id      (GlossAttributeValue *self);
gint64               gloss_attribute_value_get_attribute_id (GlossAttributeValue *self);
const char          *gloss_attribute_value_get_value        (GlossAttributeValue *self);

G_END_DECLS
