/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gloss-store.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_EDITOR (gloss_label_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelEditor, gloss_label_editor, GLOSS, LABEL_EDITOR,
                      AdwPreferencesWindow)

GtkWindow *gloss_label_editor_new (GtkWindow  *parent,
                                   GlossStore *store);

G_END_DECLS
