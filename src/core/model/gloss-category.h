/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_CATEGORY_SET (gloss_category_set_get_type ())

G_DECLARE_FINAL_TYPE (GlossCategorySet, gloss_category_set, GLOSS, CATEGORY_SET, GObject)

GlossCategorySet *gloss_category_set_new          (gint64            id,
                                                   const char       *name,
                                                   gboolean          multiple,
                                                   int               position);
gint64            gloss_category_set_get_id       (GlossCategorySet *self);
const char       *gloss_category_set_get_name     (GlossCategorySet *self);
gboolean          gloss_category_set_get_multiple (GlossCategorySet *self);
int               gloss_category_set_get_position (GlossCategorySet *self);

#define GLOSS_TYPE_CATEGORY (gloss_category_get_type ())

G_DECLARE_FINAL_TYPE (GlossCategory, gloss_category, GLOSS, CATEGORY, GObject)

GlossCategory *gloss_category_new          (gint64         id,
                                            gint64         set_id,
                                            const char    *name,
                                            const char    *hotkey,
                                            int            position);
gint64         gloss_category_get_id       (GlossCategory *self);
gint64         gloss_category_get_set_id   (GlossCategory *self);
const char    *gloss_category_get_name     (GlossCategory *self);
const char    *gloss_category_get_hotkey   (GlossCategory *self);
int            gloss_category_get_position (GlossCategory *self);

#define GLOSS_TYPE_DOCUMENT_CATEGORY (gloss_document_category_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentCategory, gloss_document_category, GLOSS, DOCUMENT_CATEGORY,
                      GObject)

GlossDocumentCategory *gloss_document_category_new             (gint64                 document_id,
                                                                gint64                 category_id);
gint64                 gloss_document_category_get_document_id (GlossDocumentCategory *self);
gint64                 gloss_document_category_get_category_id (GlossDocumentCategory *self);

G_END_DECLS
