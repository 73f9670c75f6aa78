/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-format.h"
#include "gloss-store.h"

G_BEGIN_DECLS

gboolean gloss_import_dataset (GlossStore         *store,
                               GlossDataset       *dataset,
                               GlossFormatReport  *report,
                               GError            **error);
gboolean gloss_import_path    (GlossStore         *store,
                               const GlossFormat  *format,
                               const char         *path,
                               GlossFormatReport  *report,
                               GError            **error);

G_END_DECLS
