/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

char       *gloss_project_default_path  (void);
GlossStore *gloss_project_open          (const char  *path,
                                         GError     **error);
GlossStore *gloss_project_open_default  (GError     **error);
gboolean    gloss_project_seed_sample   (GlossStore  *store,
                                         gpointer     user_data,
                                         GError     **error);
char       *gloss_project_default_annotator (void);

G_END_DECLS
