/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The HTML reader on a page's bytes, as an import gives them (in the
 * character set the page declares), and on decoded text. */

#include "fuzz-common.h"
#include "gloss-text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *converted = NULL;

  fuzz_get_folder ();

  page = gloss_text_from_html_data (data, size, "doc.html", &error);
  if (page != NULL)
    fuzz_check_text (page);
  else
    g_assert_nonnull (error);

  text = gloss_text_decode (data, size, "doc", NULL);
  if (text == NULL)
    return 0;

  converted = gloss_text_from_html (text);
  fuzz_check_text (converted);

  return 0;
}
