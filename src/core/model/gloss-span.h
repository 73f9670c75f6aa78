/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN (gloss_span_get_type ())

G_DECLARE_FINAL_TYPE (GlossSpan, gloss_span, GLOSS, SPAN, GObject)

GlossSpan  *gloss_span_new             (gint64      id,
                                        gint64      document_id,
                                        gint64      label_id,
                                        gint64      start,
                                        gint64      end,
                                        gint64      part_of,
                                        const char *annotator,
                                        const char *note,
                                        const char *created,
                                        const char *modified);
gint64      gloss_span_get_id          (GlossSpan *self);
gint64      gloss_span_get_document_id (GlossSpan *self);
gint64      gloss_span_get_label_id    (GlossSpan *self);
gint64      gloss_span_get_start       (GlossSpan *self);
gint64      gloss_span_get_end         (GlossSpan *self);
gint64      gloss_span_get_part_of     (GlossSpan *self);
gint64      gloss_span_get_group_id    (GlossSpan *self);
const char *gloss_span_get_annotator   (GlossSpan *self);
const char *gloss_span_get_note        (GlossSpan *self);
const char *gloss_span_get_created     (GlossSpan *self);
const char *gloss_span_get_modified    (GlossSpan *self);
gboolean    gloss_span_contains        (GlossSpan *self,
                                        gint64     offset);
int         gloss_span_compare         (GlossSpan *span_a,
                                        GlossSpan *span_b);

G_END_DECLS
