/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gloss_drop_down_ellipsize       (GtkDropDown     *drop_down);
void gloss_drop_down_set_button_text (GtkStringObject *choice,
                                      const char      *text);

G_END_DECLS
