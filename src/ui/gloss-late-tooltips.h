/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A tooltip for a template child, by its id; TEXT is marked with N_ (). */
typedef struct
{
  const char *child_id;
  const char *text;
} GlossLateTooltip;

void gloss_late_tooltips_set              (GtkWidget              *widget,
                                           GType                   template_type,
                                           const GlossLateTooltip *tooltips,
                                           gsize                   n_tooltips);
void gloss_late_tooltips_set_after_frame  (GtkWidget              *widget,
                                           GType                   template_type,
                                           const GlossLateTooltip *tooltips,
                                           gsize                   n_tooltips);
void gloss_late_tooltips_hide_while_open  (GtkWidget              *widget,
                                           GtkPopover             *popover);

G_END_DECLS
