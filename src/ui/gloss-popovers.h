/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gloss_popover_release_when_closed     (GtkPopover *popover);
void gloss_popover_release_all_when_closed (GtkWidget  *widget);

G_END_DECLS
