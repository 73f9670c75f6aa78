/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_ROW (gloss_document_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentRow, gloss_document_row, GLOSS, DOCUMENT_ROW, GtkBox)

GtkWidget *gloss_document_row_new          (void);
void       gloss_document_row_set_document (GlossDocumentRow *self,
                                            GlossDocument    *document);

void       gloss_document_row_set_categories (GlossDocumentRow *self,
                                              const char       *categories);

G_END_DECLS
