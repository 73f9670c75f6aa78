/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-search-options.h"
#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_HIT (gloss_search_hit_get_type ())

/* A project search result as a list item. */
G_DECLARE_FINAL_TYPE (GlossSearchHit, gloss_search_hit, GLOSS, SEARCH_HIT, GObject)

const GlossSearchResult *gloss_search_hit_get_result (GlossSearchHit *self);

#define GLOSS_TYPE_PROJECT_SEARCH (gloss_project_search_get_type ())

G_DECLARE_FINAL_TYPE (GlossProjectSearch, gloss_project_search, GLOSS, PROJECT_SEARCH, AdwWindow)

GtkWidget  *gloss_project_search_new         (GlossStore         *store);
void        gloss_project_search_set_query   (GlossProjectSearch *self,
                                              const char         *query);
GListModel *gloss_project_search_get_results (GlossProjectSearch *self);
gboolean    gloss_project_search_is_busy     (GlossProjectSearch *self);

G_END_DECLS
