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

/* Lets layout, the list views' binds, style changes and idle work run. */
static inline void
gloss_test_wait_for_frames (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The first widget under ROOT (ROOT included), depth first, that MATCHES
 * says is the one. */
static inline GtkWidget *
gloss_test_find_widget_where (GtkWidget *root,
                              gboolean (*matches) (GtkWidget *widget, gconstpointer data),
                              gconstpointer data)
{
  if (matches (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gloss_test_find_widget_where (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
gloss_test_is_of_type (GtkWidget     *widget,
                       gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of TYPE under ROOT (ROOT included), depth first. */
static inline GtkWidget *
gloss_test_find_widget (GtkWidget *root,
                        GType      type)
{
  return gloss_test_find_widget_where (root, gloss_test_is_of_type, GSIZE_TO_POINTER (type));
}
