/* SPDX-License-Identifier: GPL-3.0-or-later */

/* gloss_text_decode (): any bytes become UTF-8 text without NUL bytes, or
 * an error naming the file. */

#include "fuzz-common.h"
#include "gloss-text.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fuzz_get_folder ();
  text = gloss_text_decode (data, size, "doc.txt", &error);
  if (text == NULL)
    {
      g_assert_nonnull (error);
      fuzz_check_text (error->message);
      g_assert_nonnull (strstr (error->message, "doc.txt"));
    }
  else
    {
      g_assert_no_error (error);
      fuzz_check_text (text);
    }

  return 0;
}
