/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-format.h"

G_BEGIN_DECLS

/*
 * What the readers of outside data share: a label's name as a project keeps
 * it, a piece of the input short enough to quote in a message, and the rule
 * for symbolic links in a folder being imported.
 */

/* The most characters of the input a message quotes. */
#define GLOSS_FORMAT_EXCERPT_CHARS 40

char              *gloss_format_excerpt            (const char         *text,
                                                    gssize              length);
GlossDatasetLabel *gloss_format_ensure_label       (GlossDataset       *dataset,
                                                    const char         *name,
                                                    GlossFormatReport  *report,
                                                    const char         *place_format,
                                                    ...) G_GNUC_PRINTF (4, 5);
gboolean           gloss_format_link_leaves_folder (const char         *folder_real,
                                                    const char         *path);

G_END_DECLS
