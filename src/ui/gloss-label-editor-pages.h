/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-store.h"

G_BEGIN_DECLS

GtkWidget *gloss_relation_labels_page_new (GtkWindow  *window,
                                           GlossStore *store);
GtkWidget *gloss_attributes_page_new      (GtkWindow  *window,
                                           GlossStore *store);
GtkWidget *gloss_categories_page_new      (GtkWindow  *window,
                                           GlossStore *store);

AdwMessageDialog *gloss_label_editor_ask_delete (GtkWindow  *editor,
                                                 const char *name,
                                                 const char *body,
                                                 const char *extra_response,
                                                 const char *extra_label);

G_END_DECLS
