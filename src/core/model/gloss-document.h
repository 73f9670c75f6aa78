/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  GLOSS_DOCUMENT_STATUS_NEW,
  GLOSS_DOCUMENT_STATUS_IN_PROGRESS,
  GLOSS_DOCUMENT_STATUS_DONE,
} GlossDocumentStatus;

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GlossDocument       *gloss_document_new            (gint64              id,
                                                    const char         *name,
                                                    GlossDocumentStatus status,
                                                    gint64              length,
                                                    gint64              span_count);
gint64               gloss_document_get_id         (GlossDocument *self);
const char          *gloss_document_get_name       (GlossDocument *self);
GlossDocumentStatus  gloss_document_get_status     (GlossDocument *self);
gint64               gloss_document_get_length     (GlossDocument *self);
gint64               gloss_document_get_span_count (GlossDocument *self);
GlossDocument       *gloss_document_new_snapshot   (gint64              id,
                                                    const char         *name,
                                                    GlossDocumentStatus status,
                                                    const char         *text,
                                                    const char         *source,
                                                    const char         *created,
                                                    const char         *modified);
const char          *gloss_document_get_text       (GlossDocument *self);
const char          *gloss_document_get_source     (GlossDocument *self);
const char          *gloss_document_get_created    (GlossDocument *self);
const char          *gloss_document_get_modified   (GlossDocument *self);

const char          *gloss_document_status_to_string   (GlossDocumentStatus status);
gboolean             gloss_document_status_from_string (const char          *string,
                                                        GlossDocumentStatus *status);
const char          *gloss_document_status_describe    (GlossDocumentStatus status);

G_END_DECLS
