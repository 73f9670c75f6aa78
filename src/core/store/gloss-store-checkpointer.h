/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GlossStoreCheckpointer GlossStoreCheckpointer;

GlossStoreCheckpointer *gloss_store_checkpointer_new     (const char              *path,
                                                          GError                 **error);
void                    gloss_store_checkpointer_request (GlossStoreCheckpointer  *self,
                                                          gboolean                 wait);
void                    gloss_store_checkpointer_free    (GlossStoreCheckpointer  *self);

G_END_DECLS
