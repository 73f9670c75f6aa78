/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The HTML converter, on decoded text as an import gives it. */

#include "fuzz-common.h"
#include "gloss-text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *converted = NULL;

  fuzz_get_folder ();
  text = gloss_text_decode (data, size, "doc", NULL);
  if (text == NULL)
    return 0;

  converted = gloss_text_from_html (text);
  fuzz_check_text (converted);

  return 0;
}
