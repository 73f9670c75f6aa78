/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION (gloss_relation_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS, RELATION, GObject)

GlossRelation *gloss_relation_new             (gint64         id,
                                               gint64         document_id,
                                               gint64         label_id,
                                               gint64         from_id,
                                               gint64         to_id,
                                               const char    *annotator,
                                               const char    *note,
                                               const char    *created,
                                               const char    *modified);
gint64         gloss_relation_get_id          (GlossRelation *self);
gint64         gloss_relation_get_document_id (GlossRelation *self);
gint64         gloss_relation_get_label_id    (GlossRelation *self);
gint64         gloss_relation_get_from_id     (GlossRelation *self);
gint64         gloss_relation_get_to_id       (GlossRelation *self);
const char    *gloss_relation_get_annotator   (GlossRelation *self);
const char    *gloss_relation_get_note        (GlossRelation *self);
const char    *gloss_relation_get_created     (GlossRelation *self);
const char    *gloss_relation_get_modified    (GlossRelation *self);
gboolean       gloss_relation_involves        (GlossRelation *self,
                                               gint64         span_id);

G_END_DECLS
