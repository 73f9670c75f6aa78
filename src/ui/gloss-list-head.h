/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LIST_HEAD (gloss_list_head_get_type ())

G_DECLARE_FINAL_TYPE (GlossListHead, gloss_list_head, GLOSS, LIST_HEAD, GObject)

GlossListHead *gloss_list_head_new      (GListModel    *model,
                                         guint          size);
void           gloss_list_head_set_size (GlossListHead *self,
                                         guint          size);
guint          gloss_list_head_get_size (GlossListHead *self);

G_END_DECLS
