/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a span attribute holds. The strings are the names used in Gloss
 * JSONL and in the project file. */
typedef enum {
  GLOSS_ATTRIBUTE_KIND_FLAG,    /* yes or no: "flag" */
  GLOSS_ATTRIBUTE_KIND_CHOICE,  /* one of a list of values: "choice" */
  GLOSS_ATTRIBUTE_KIND_TEXT,    /* free text: "text" */
} GlossAttributeKind;

const char *gloss_attribute_kind_to_string   (GlossAttributeKind  kind);
gboolean    gloss_attribute_kind_from_string (const char         *string,
                                              GlossAttributeKind *kind);

G_END_DECLS
