/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-document-view.h"
#include "gloss-search.h"
#include "gloss-search-options.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_BAR (gloss_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlossSearchBar, gloss_search_bar, GLOSS, SEARCH_BAR, GtkWidget)

GtkWidget        *gloss_search_bar_new               (void);
void              gloss_search_bar_set_view          (GlossSearchBar    *self,
                                                      GlossDocumentView *view);
void              gloss_search_bar_set_labels        (GlossSearchBar    *self,
                                                      GListModel        *labels);
void              gloss_search_bar_open              (GlossSearchBar    *self);
void              gloss_search_bar_close             (GlossSearchBar    *self);
gboolean          gloss_search_bar_is_open           (GlossSearchBar    *self);
const char       *gloss_search_bar_get_query         (GlossSearchBar    *self);
GlossSearchFlags  gloss_search_bar_get_flags         (GlossSearchBar    *self);
guint             gloss_search_bar_get_n_matches     (GlossSearchBar    *self);
int               gloss_search_bar_get_current_match (GlossSearchBar    *self);
void              gloss_search_bar_next_match        (GlossSearchBar    *self);
void              gloss_search_bar_previous_match    (GlossSearchBar    *self);

G_END_DECLS
