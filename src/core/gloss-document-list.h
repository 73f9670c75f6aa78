/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_LIST (gloss_document_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GLOSS, DOCUMENT_LIST, GObject)

GlossDocumentList *gloss_document_list_new          (GlossStore        *store);
GlossStore        *gloss_document_list_get_store    (GlossDocumentList *self);
void               gloss_document_list_set_filter   (GlossDocumentList *self,
                                                     const char        *name_part,
                                                     guint              statuses);
void               gloss_document_list_set_category_filter (GlossDocumentList *self,
                                                            gint64             category_id);
void               gloss_document_list_refresh             (GlossDocumentList *self);
gboolean           gloss_document_list_find         (GlossDocumentList *self,
                                                     gint64             document_id,
                                                     guint             *position);

G_END_DECLS
