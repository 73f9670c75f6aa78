/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The plain text reader, on one file: the first byte picks the file name
 * (and so .txt, Markdown or HTML), the rest is the file. */

#include "fuzz-common.h"

static const char * const names[] = { "doc.txt", "doc.md", "doc.html", "DOC.XHTML" };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *name;
  g_autofree char *path = NULL;
  g_autoptr(GlossDataset) dataset = NULL;

  if (size == 0)
    return 0;

  name = names[data[0] % G_N_ELEMENTS (names)];
  path = fuzz_write (name, data + 1, size - 1);
  dataset = fuzz_read (&gloss_format_text, path);
  if (dataset != NULL)
    g_assert_cmpuint (dataset->documents->len, ==, 1);
  fuzz_unlink (name);

  return 0;
}
