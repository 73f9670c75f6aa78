/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_POPOVER (gloss_label_popover_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelPopover, gloss_label_popover, GLOSS, LABEL_POPOVER, GtkPopover)

GtkWidget *gloss_label_popover_new        (GListModel        *labels);
void       gloss_label_popover_set_filter (GlossLabelPopover *self,
                                           const char        *text);
gboolean   gloss_label_popover_choose_first (GlossLabelPopover *self);
void       gloss_label_popover_set_keys_pick (GlossLabelPopover *self,
                                              gboolean           keys_pick);
void       gloss_label_popover_set_placeholder (GlossLabelPopover *self,
                                                const char        *placeholder);

G_END_DECLS
