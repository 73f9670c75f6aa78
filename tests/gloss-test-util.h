/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the test suites share beside their fixtures. */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes PATH and everything below it: a test's temporary folder. */
static inline void
gloss_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        gloss_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The fixture of a suite whose tests each want a temporary folder of their
 * own, removed with all it holds after the test. */
typedef struct
{
  char *dir;
} GlossTestFolder;

static inline void
gloss_test_folder_set_up (GlossTestFolder *fixture,
                          gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname () ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("gloss-%s-XXXXXX", program);

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
}

static inline void
gloss_test_folder_tear_down (GlossTestFolder *fixture,
                             gconstpointer    user_data)
{
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}
