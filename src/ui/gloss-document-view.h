/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-relation.h"
#include "gloss-relation-label.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_VIEW (gloss_document_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GLOSS, DOCUMENT_VIEW, GtkTextView)

/* The idle priority of the steps that bring a long document's text and
 * spans in after its first screen: after drawing, but before the text
 * view's own layout of the lines off screen (GDK_PRIORITY_REDRAW + 5),
 * which takes seconds on megabytes and would keep them waiting. */
#define GLOSS_DOCUMENT_VIEW_PRIORITY_LOADING (GDK_PRIORITY_REDRAW + 2)

GtkWidget *gloss_document_view_new                (void);
void       gloss_document_view_set_labels         (GlossDocumentView *self,
                                                   GPtrArray         *labels);
void       gloss_document_view_load               (GlossDocumentView *self,
                                                   gint64             document_id,
                                                   char              *text,
                                                   GPtrArray         *spans);
gboolean   gloss_document_view_open               (GlossDocumentView *self,
                                                   GlossStore        *store,
                                                   gint64             document_id,
                                                   GError           **error);
void       gloss_document_view_clear              (GlossDocumentView *self);
gint64     gloss_document_view_get_document_id    (GlossDocumentView *self);
gboolean   gloss_document_view_add_span           (GlossDocumentView *self,
                                                   GlossSpan         *span);
gboolean   gloss_document_view_remove_span        (GlossDocumentView *self,
                                                   GlossSpan         *span);
void       gloss_document_view_replace_span       (GlossDocumentView *self,
                                                   GlossSpan         *old_span,
                                                   GlossSpan         *new_span);
gboolean   gloss_document_view_find_span          (GlossDocumentView *self,
                                                   GlossSpan         *span,
                                                   guint             *position);
GListModel *gloss_document_view_get_spans         (GlossDocumentView *self);
GListModel *gloss_document_view_get_span_rows     (GlossDocumentView *self);
gboolean   gloss_document_view_get_selected_range (GlossDocumentView *self,
                                                   gint64            *start,
                                                   gint64            *end);
void       gloss_document_view_select_range       (GlossDocumentView *self,
                                                   gint64             start,
                                                   gint64             end);
void       gloss_document_view_place_cursor       (GlossDocumentView *self,
                                                   gint64             offset);
GlossSpan *gloss_document_view_get_selected_span  (GlossDocumentView *self);
void       gloss_document_view_select_span        (GlossDocumentView *self,
                                                   GlossSpan         *span);
char      *gloss_document_view_dup_text           (GlossDocumentView *self,
                                                   gint64             start,
                                                   gint64             end);
char      *gloss_document_view_dup_span_text      (GlossDocumentView *self,
                                                   GlossSpan         *span);
char      *gloss_document_view_dup_whole_span_text (GlossDocumentView *self,
                                                    GlossSpan         *span);
char      *gloss_document_view_dup_document_text  (GlossDocumentView *self);
void       gloss_document_view_get_iter_at        (GlossDocumentView *self,
                                                   GtkTextIter       *iter,
                                                   gint64             offset);
gint64     gloss_document_view_get_offset         (GlossDocumentView *self,
                                                   const GtkTextIter *iter);
void       gloss_document_view_set_snap_to_words  (GlossDocumentView *self,
                                                   gboolean           snap_to_words);
gboolean   gloss_document_view_select_adjacent_span (GlossDocumentView *self,
                                                   int                direction);
void       gloss_document_view_get_selection_rect (GlossDocumentView *self,
                                                   GdkRectangle      *rect);
void       gloss_document_view_point_at_selection (GlossDocumentView  *self,
                                                   GtkPopover         *popover,
                                                   const GdkRectangle *at);
void       gloss_document_view_adopt_popover      (GlossDocumentView  *self,
                                                   GtkPopover         *popover);
void       gloss_document_view_set_text_scale     (GlossDocumentView *self,
                                                   double             scale);
double     gloss_document_view_get_text_scale     (GlossDocumentView *self);
gboolean   gloss_document_view_get_offset_at_point (GlossDocumentView *self,
                                                   double             x,
                                                   double             y,
                                                   gint64            *offset);
GlossSpan *gloss_document_view_get_span_at        (GlossDocumentView *self,
                                                   gint64             offset);
GlossSpan *gloss_document_view_find_span_like     (GlossDocumentView *self,
                                                   gint64             start,
                                                   gint64             end,
                                                   gint64             label_id);

void        gloss_document_view_set_attribute_text    (GlossDocumentView *self,
                                                       gint64             span_id,
                                                       const char        *text);
void        gloss_document_view_clear_attribute_texts (GlossDocumentView *self);
const char *gloss_document_view_get_attribute_text    (GlossDocumentView *self,
                                                       gint64             span_id);

/* Relations (shown as arcs; see the "Relations" part of the source) */
void           gloss_document_view_set_relation_labels   (GlossDocumentView *self,
                                                          GPtrArray         *labels);
GlossRelationLabel *gloss_document_view_lookup_relation_label (GlossDocumentView *self,
                                                          gint64             label_id);
void           gloss_document_view_set_relations         (GlossDocumentView *self,
                                                          GPtrArray         *relations);
gboolean       gloss_document_view_add_relation          (GlossDocumentView *self,
                                                          GlossRelation     *relation);
gboolean       gloss_document_view_remove_relation       (GlossDocumentView *self,
                                                          GlossRelation     *relation);
void           gloss_document_view_replace_relation      (GlossDocumentView *self,
                                                          GlossRelation     *new_relation);
GlossSpan     *gloss_document_view_lookup_span           (GlossDocumentView *self,
                                                          gint64             span_id);
GlossRelation *gloss_document_view_lookup_relation       (GlossDocumentView *self,
                                                          gint64             relation_id);
GListModel    *gloss_document_view_get_relations         (GlossDocumentView *self);
GListModel    *gloss_document_view_get_relation_rows     (GlossDocumentView *self);
gboolean       gloss_document_view_find_relation         (GlossDocumentView *self,
                                                          GlossRelation     *relation,
                                                          guint             *position);
GlossRelation *gloss_document_view_get_selected_relation (GlossDocumentView *self);
void           gloss_document_view_select_relation       (GlossDocumentView *self,
                                                          GlossRelation     *relation);
GlossRelation *gloss_document_view_get_relation_at_point (GlossDocumentView *self,
                                                          double             x,
                                                          double             y);
gboolean       gloss_document_view_get_relation_rect     (GlossDocumentView *self,
                                                          GlossRelation     *relation,
                                                          GdkRectangle      *rect);
void           gloss_document_view_get_span_rect         (GlossDocumentView *self,
                                                          GlossSpan         *span,
                                                          GdkRectangle      *rect);
void           gloss_document_view_start_relation        (GlossDocumentView *self,
                                                          GlossSpan         *from);
void           gloss_document_view_cancel_relation       (GlossDocumentView *self);
gboolean       gloss_document_view_is_picking_target     (GlossDocumentView *self);
GlossSpan     *gloss_document_view_get_relation_target   (GlossDocumentView *self);
gboolean       gloss_document_view_step_relation_target  (GlossDocumentView *self,
                                                          int                direction);
gboolean       gloss_document_view_pick_relation_target  (GlossDocumentView *self);

G_END_DECLS
