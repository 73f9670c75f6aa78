/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-attribute-kind.h"

static const char * const kind_names[] = {
  [GLOSS_ATTRIBUTE_KIND_FLAG] = "flag",
  [GLOSS_ATTRIBUTE_KIND_CHOICE] = "choice",
  [GLOSS_ATTRIBUTE_KIND_TEXT] = "text",
};

const char *
gloss_attribute_kind_to_string (GlossAttributeKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ATTRIBUTE_KIND_TEXT, NULL);

  return kind_names[kind];
}

gboolean
gloss_attribute_kind_from_string (const char         *string,
                                  GlossAttributeKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (string, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}
