/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The brat reader, on a folder: the input is split at NUL bytes into
 * doc.ann, doc.txt, annotation.conf and visual.conf (a missing part is a
 * missing file). The text file's NUL check is the text targets' job.
 * Whatever the folder reader accepts, the writer writes and the reader
 * takes back without an error. */

#include "fuzz-common.h"

static char *out_folder;

static void
empty_out_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (out_folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (out_folder, name, NULL);

      g_unlink (path);
    }
}

static void
remove_out_folder (void)
{
  empty_out_folder ();
  g_rmdir (out_folder);
  g_clear_pointer (&out_folder, g_free);
}

static void
write_and_read_back (GlossDataset *dataset)
{
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) again = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOutput output = { 0 };

  if (out_folder == NULL)
    {
      out_folder = g_dir_make_tmp ("gloss-fuzz-out-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_out_folder);
    }
  empty_out_folder ();

  output.folder = out_folder;
  output.display_name = "out";
  if (!gloss_format_brat.write (source, &output, report, &error))
    {
      g_assert_nonnull (error);
      fuzz_check_text (error->message);
      return;
    }

  again = gloss_format_read (&gloss_format_brat, out_folder, read_report, &error);
  g_assert_no_error (error);
  fuzz_check_dataset (again);
}

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
  if (dataset != NULL)
    write_and_read_back (dataset);

  return 0;
}
