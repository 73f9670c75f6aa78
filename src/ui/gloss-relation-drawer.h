/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document-view.h"
#include "gloss-span.h"

G_BEGIN_DECLS

/* The room above a text line that has arcs, two levels of them and the
 * top one's label: GlossDocumentView gives it to the paragraphs where
 * relations start or end. */
#define GLOSS_RELATION_ROOM 32

typedef struct _GlossRelationDrawer GlossRelationDrawer;

/* One relation to draw, between two spans shown in the view. */
typedef struct
{
  gint64 id;
  GlossSpan *from;      /* borrowed */
  GlossSpan *to;        /* borrowed */
  const char *name;     /* the relation label's, borrowed */
  GdkRGBA color;
  gboolean directed;
} GlossRelationArc;

GlossRelationDrawer *gloss_relation_drawer_new      (void);
void                 gloss_relation_drawer_free     (GlossRelationDrawer    *drawer);
void                 gloss_relation_drawer_draw     (GlossRelationDrawer    *drawer,
                                                     GlossDocumentView      *view,
                                                     const GlossRelationArc *arcs,
                                                     guint                   n_arcs,
                                                     gint64                  selected_id,
                                                     gboolean                dark,
                                                     GtkSnapshot            *snapshot);
void                 gloss_relation_drawer_draw_pending (GlossRelationDrawer *drawer,
                                                         GlossDocumentView   *view,
                                                         GlossSpan           *from,
                                                         GlossSpan           *to,
                                                         double               x,
                                                         double               y,
                                                         gboolean             dark,
                                                         GtkSnapshot         *snapshot);
gint64               gloss_relation_drawer_hit      (GlossRelationDrawer    *drawer,
                                                     int                     x,
                                                     int                     y);
gboolean             gloss_relation_drawer_get_label_rect (GlossRelationDrawer *drawer,
                                                           gint64               id,
                                                           GdkRectangle        *rect);
void                 gloss_relation_drawer_forget   (GlossRelationDrawer    *drawer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossRelationDrawer, gloss_relation_drawer_free)

G_END_DECLS
