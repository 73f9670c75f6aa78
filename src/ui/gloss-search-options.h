/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gloss-search.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_OPTIONS (gloss_search_options_get_type ())

G_DECLARE_FINAL_TYPE (GlossSearchOptions, gloss_search_options, GLOSS, SEARCH_OPTIONS, GObject)

GlossSearchOptions *gloss_search_options_new       (void);
GlossSearchFlags    gloss_search_options_get_flags (GlossSearchOptions *self);

G_END_DECLS
