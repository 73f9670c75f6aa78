/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow *gloss_window_new       (GtkApplication *application,
                                     GlossStore     *store);
GlossStore  *gloss_window_get_store (GlossWindow    *self);

G_END_DECLS
