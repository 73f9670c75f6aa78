/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-span.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN_INDEX (gloss_span_index_get_type ())

G_DECLARE_FINAL_TYPE (GlossSpanIndex, gloss_span_index, GLOSS, SPAN_INDEX, GObject)

/* Walks the spans overlapping a range, in reading order; the spans are
 * borrowed, and the index must not change during the walk. */
typedef struct
{
  GlossSpanIndex *index;
  guint position;
  gint64 start;
  gint64 end;
} GlossSpanIndexIter;

GlossSpanIndex *gloss_span_index_new               (void);
GListModel     *gloss_span_index_get_model         (GlossSpanIndex     *self);
guint           gloss_span_index_get_n_spans       (GlossSpanIndex     *self);
GlossSpan      *gloss_span_index_get_span          (GlossSpanIndex     *self,
                                                    guint               position);
void            gloss_span_index_set_spans         (GlossSpanIndex     *self,
                                                    GPtrArray          *spans);
void            gloss_span_index_clear             (GlossSpanIndex     *self);
gboolean        gloss_span_index_add               (GlossSpanIndex     *self,
                                                    GlossSpan          *span);
GlossSpan      *gloss_span_index_remove            (GlossSpanIndex     *self,
                                                    GlossSpan          *span);
GPtrArray      *gloss_span_index_append            (GlossSpanIndex     *self,
                                                    GPtrArray          *spans);
GlossSpan      *gloss_span_index_lookup            (GlossSpanIndex     *self,
                                                    gint64              span_id);
gboolean        gloss_span_index_find              (GlossSpanIndex     *self,
                                                    GlossSpan          *span,
                                                    guint              *position);
guint           gloss_span_index_first_from        (GlossSpanIndex     *self,
                                                    gint64              offset);
gint64          gloss_span_index_get_max_length    (GlossSpanIndex     *self);
GlossSpan      *gloss_span_index_get_innermost_at  (GlossSpanIndex     *self,
                                                    gint64              offset);
GlossSpan      *gloss_span_index_find_like         (GlossSpanIndex     *self,
                                                    gint64              start,
                                                    gint64              end,
                                                    gint64              label_id);
void            gloss_span_index_iter_init_overlapping (GlossSpanIndexIter *iter,
                                                    GlossSpanIndex     *self,
                                                    gint64              start,
                                                    gint64              end);
GlossSpan      *gloss_span_index_iter_next         (GlossSpanIndexIter *iter);

G_END_DECLS
