/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CATEGORY_BAR (gloss_category_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlossCategoryBar, gloss_category_bar, GLOSS, CATEGORY_BAR, GtkWidget)

GtkWidget *gloss_category_bar_new          (void);
void       gloss_category_bar_set_sets     (GlossCategoryBar *self,
                                            GPtrArray        *sets,
                                            GPtrArray        *categories);
void       gloss_category_bar_set_chosen   (GlossCategoryBar *self,
                                            GArray           *category_ids);
GtkWidget *gloss_category_bar_get_button   (GlossCategoryBar *self,
                                            gint64            category_id);
gboolean   gloss_category_bar_is_empty     (GlossCategoryBar *self);

G_END_DECLS
