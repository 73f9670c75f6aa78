/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the suites that show windows share. */

#pragma once

#include <adwaita.h>

#include "gloss-test-util.h"

/* Points XDG_DATA_HOME at a new temporary folder, then starts GTK and
 * libadwaita. The folder comes first: GLib caches the user data folder on
 * first use, and a test must never touch the real default project. Returns
 * the folder, for gloss_test_remove_tree () after the run. */
static inline char *
gloss_test_ui_init (int        *argc,
                    char     ***argv,
                    const char *suite)
{
  g_autofree char *template = g_strdup_printf ("gloss-%s-XXXXXX", suite);
  char *data_home = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  return data_home;
}
