/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs a fuzz target without libFuzzer: every file in the folders (or the
 * files) given is fed once to LLVMFuzzerTestOneInput (), in name order, so
 * that the saved corpus and every crash found so far replay as an ordinary
 * test built by any compiler. A folder that does not exist is skipped. */

#include <stdio.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, &error))
    g_error ("%s", error->message);

  /* Printed first, so that a crash names its input. */
  printf ("# %s\n", path);
  fflush (stdout);

  /* A private copy of exactly SIZE bytes, as libFuzzer passes it, so that
   * a read past the end is caught. */
  {
    g_autofree uint8_t *copy = g_memdup2 (contents, size);

    LLVMFuzzerTestOneInput (copy, size);
  }

  return 1;
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) names = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
        {
          count += replay_file (argv[i]);
          continue;
        }

      dir = g_dir_open (argv[i], 0, NULL);
      if (dir == NULL)
        continue;

      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        count += replay_file (g_ptr_array_index (names, j));
    }

  printf ("# replayed %u inputs\n", count);

  return 0;
}
