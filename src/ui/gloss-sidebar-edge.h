/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void gloss_sidebar_edge_attach (AdwFlap    *flap,
                                GSettings  *settings,
                                const char *key);

G_END_DECLS
