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
