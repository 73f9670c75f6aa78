/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The brat reader, on a folder: the input is split at NUL bytes into
 * doc.ann, doc.txt, annotation.conf and visual.conf (a missing part is a
 * missing file). The text file's NUL check is the text targets' job. */

#include "fuzz-common.h"

static const char * const names[] = { "doc.ann", "doc.txt", "annotation.conf", "visual.conf" };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *ann_path = NULL;
  g_autoptr(GlossDataset) dataset = NULL;
  const uint8_t *part = data;
  const uint8_t *end = data + size;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const uint8_t *nul;
      char *path;

      if (part > end)
        {
          fuzz_unlink (names[i]);
          continue;
        }

      nul = memchr (part, '\0', end - part);
      if (nul == NULL)
        nul = end;
      path = fuzz_write (names[i], part, nul - part);
      if (i == 0)
        ann_path = path;
      else
        g_free (path);
      part = nul + 1;
    }

  /* Both ways in: the one .ann file, and the folder. */
  dataset = fuzz_read (&gloss_format_brat, ann_path);
  g_clear_pointer (&dataset, gloss_dataset_free);
  dataset = fuzz_read (&gloss_format_brat, fuzz_get_folder ());

  return 0;
}
