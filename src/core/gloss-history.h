/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_HISTORY (gloss_history_get_type ())

G_DECLARE_FINAL_TYPE (GlossHistory, gloss_history, GLOSS, HISTORY, GObject)

GlossHistory *gloss_history_new      (GlossStore    *store);
gboolean      gloss_history_can_undo (GlossHistory  *self);
gboolean      gloss_history_can_redo (GlossHistory  *self);
gboolean      gloss_history_undo     (GlossHistory  *self,
                                      GError       **error);
gboolean      gloss_history_redo     (GlossHistory  *self,
                                      GError       **error);
void          gloss_history_clear    (GlossHistory  *self);

G_END_DECLS
