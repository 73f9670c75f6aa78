/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gloss_popover_release_when_closed (GtkPopover *popover);

G_END_DECLS
