/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the suites that show windows share. */

#pragma once

#include <adwaita.h>

#include "gloss-project.h"
#include "gloss-test-util.h"

/* Points XDG_DATA_HOME at a new temporary folder, then starts GTK and
 * libadwaita. The folder comes first: GLib caches the user data folder on
 * first use, and a test must never touch the real default project. Returns
 * the folder, for gloss_test_remove_tree () after the run.
 *
 * Temporary files go to GLOSS_TEST_TMPDIR (a folder of the build) when it
 * is set: the tests type their paths into GTK's file chooser, which lists
 * each folder of the path as it is typed, and a shared /tmp with a
 * thousand entries keeps it busy for minutes on a loaded machine. */
static inline char *
gloss_test_ui_init (int        *argc,
                    char     ***argv,
                    const char *suite)
{
  const char *tmpdir = g_getenv ("GLOSS_TEST_TMPDIR");
  g_autofree char *template = g_strdup_printf ("gloss-%s-XXXXXX", suite);
  char *data_home;

  if (tmpdir != NULL)
    {
      g_assert_cmpint (g_mkdir_with_parents (tmpdir, 0700), ==, 0);
      g_setenv ("TMPDIR", tmpdir, TRUE);
    }
  data_home = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  return data_home;
}

/* Runs the tests, then removes DATA_HOME, the folder gloss_test_ui_init ()
 * made; returns g_test_run ()'s status, for main () to return. */
static inline int
gloss_test_ui_run (const char *data_home)
{
  int status = g_test_run ();

  gloss_test_remove_tree (data_home);
  return status;
}

/* Removes the project file at PATH, its log and shared memory beside it,
 * and its folder when that is left empty. */
static inline void
gloss_test_remove_project (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (folder);
}

/* The same for the default project, which each window test opens anew in
 * its private XDG_DATA_HOME. */
static inline void
gloss_test_remove_default_project (void)
{
  g_autofree char *path = gloss_project_default_path ();

  gloss_test_remove_project (path);
}

/* Lets layout, the list views' binds, style changes and idle work run. */
static inline void
gloss_test_wait_for_frames (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Long enough for a slow, shared machine; reaching it is a failure. */
#define GLOSS_TEST_WAIT_S 30

static inline gboolean
gloss_test_wait_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static inline gboolean
gloss_test_wait_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until DONE says so, however long the machine takes;
 * fails the test after GLOSS_TEST_WAIT_S seconds, naming WHAT it waited
 * for. A number of iterations is no measure of time: under load a frame
 * or a worker's answer comes after any fixed count. */
static inline void
gloss_test_wait_until (gboolean    (*done) (gpointer data),
                       gpointer      data,
                       const char   *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (GLOSS_TEST_WAIT_S, gloss_test_wait_timeout_cb,
                                         &timed_out);
  /* Wakes the loop now and then, for conditions that change without an
   * event of this loop (a file another thread writes). */
  guint tick = g_timeout_add (20, gloss_test_wait_tick_cb, NULL);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  if (!timed_out)
    g_source_remove (timeout);
  else if (!done (data))
    g_error ("Waited %d s for %s", GLOSS_TEST_WAIT_S, what);
}

static inline gboolean
gloss_test_count_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static inline gboolean
gloss_test_two_ticks (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Waits for two frames of WIDGET's window (mapped): what changed before is
 * laid out and drawn by then. */
static inline void
gloss_test_wait_for_widget_frames (GtkWidget *widget)
{
  guint ticks = 0;
  guint id;

  g_assert_true (gtk_widget_get_mapped (widget));
  id = gtk_widget_add_tick_callback (widget, gloss_test_count_tick_cb, &ticks, NULL);
  gloss_test_wait_until (gloss_test_two_ticks, &ticks, "two frames");
  gtk_widget_remove_tick_callback (widget, id);
}

static inline gboolean
gloss_test_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
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

/* How much of TEXTURE is drawn over its background, the colour most of its
 * pixels have: the fraction of pixels that differ from it plainly (text,
 * borders, icons). A window drawn blank, or not drawn at all, has none.
 * With BACKGROUND, also the background's luminance, 0 black to 1 white. */
static inline double
gloss_test_texture_ink (GdkTexture *texture,
                        double     *background)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint8 *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint32 most = 0;
  guint most_count = 0;
  guint n_ink = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  /* Memory order B, G, R, A on a little-endian machine, as cairo has it. */
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    {
      guint32 color = pixels[i] | pixels[i + 1] << 8 | pixels[i + 2] << 16;
      gpointer n = g_hash_table_lookup (counts, GUINT_TO_POINTER (color + 1));

      g_hash_table_insert (counts, GUINT_TO_POINTER (color + 1),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > most_count)
      {
        most_count = GPOINTER_TO_UINT (value);
        most = GPOINTER_TO_UINT (key) - 1;
      }

  for (gsize i = 0; i < stride * height; i += 4)
    {
      int difference = ABS ((int) pixels[i] - (int) (most & 0xff)) +
                       ABS ((int) pixels[i + 1] - (int) (most >> 8 & 0xff)) +
                       ABS ((int) pixels[i + 2] - (int) (most >> 16 & 0xff));

      /* Anti-aliasing and shades of the same surface stay under this. */
      if (difference > 96)
        n_ink++;
    }

  if (background != NULL)
    *background = (0.0722 * (most & 0xff) + 0.7152 * (most >> 8 & 0xff) +
                   0.2126 * (most >> 16 & 0xff)) / 255.0;

  return (double) n_ink / ((double) width * height);
}
