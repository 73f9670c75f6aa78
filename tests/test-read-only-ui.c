/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project that cannot be written, opened the way a user opens it (a
 * registered GlossApplication given the file): its window says at once
 * that it is read-only and offers what still works, and nothing is left
 * beside the project. A project that can be written opens without it. */

/* unshare () */
#define _GNU_SOURCE

#include "config.h"

#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-export-dialog.h"
#include "gloss-project.h"
#include "gloss-test-mount.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

static GlossApplication *application;

typedef struct
{
  char *dir;
  char *path;
  char *mount_point;   /* a tmpfs of the test's, or NULL */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-read-only-ui-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
close_every_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  gloss_test_wait_for_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* The windows' connections go before the disk does. */
  close_every_window ();
  if (fixture->mount_point != NULL)
    g_assert_cmpint (umount (fixture->mount_point), ==, 0);
  else if (fixture->path != NULL)
    g_chmod (fixture->path, 0644);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->mount_point);
}

static void
create_sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (path, gloss_project_seed_sample, NULL, &error);

  g_assert_no_error (error);
}

/* A sample project that cannot be written: on a read-only tmpfs as root
 * (for whom permission bits make nothing read-only), else a file without
 * write permission. FALSE, with the test skipped, when neither can be. */
static gboolean
make_read_only_sample (Fixture *fixture)
{
  if (geteuid () != 0)
    {
      fixture->path = g_build_filename (fixture->dir, "analysis.gloss", NULL);
      create_sample (fixture->path);
      g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
      return TRUE;
    }

  fixture->mount_point = g_build_filename (fixture->dir, "disk", NULL);
  g_assert_cmpint (g_mkdir (fixture->mount_point, 0755), ==, 0);
  if (mount ("tmpfs", fixture->mount_point, "tmpfs", 0, "size=8m") != 0)
    {
      g_clear_pointer (&fixture->mount_point, g_free);
      g_test_skip ("Needs to mount a file system, which this system does not allow");
      return FALSE;
    }
  fixture->path = g_build_filename (fixture->mount_point, "analysis.gloss", NULL);
  create_sample (fixture->path);
  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs", MS_REMOUNT | MS_RDONLY,
                          "size=8m"), ==, 0);
  return TRUE;
}

static void
open_in_application (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (application), &file, 1, "");
  gloss_test_wait_for_frames ();
}

static GlossWindow *
find_project_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (GLOSS_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* The first toplevel of TYPE, and for a message dialog, with HEADING. */
static GtkWindow *
find_toplevel (GType       type,
               const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        continue;
      if (heading != NULL &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) != 0)
        continue;
      return window;
    }

  return NULL;
}

static void
test_notice (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  GlossWindow *window;
  GtkWindow *notice;
  const char *body;

  if (!make_read_only_sample (fixture))
    return;

  open_in_application (fixture->path);
  window = find_project_window ();
  g_assert_nonnull (window);
  g_assert_true (gloss_store_is_read_only (gloss_window_get_store (window)));

  notice = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Read-Only Project");
  g_assert_nonnull (notice);
  g_assert_true (gtk_window_get_transient_for (notice) == GTK_WINDOW (window));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (notice));
  g_assert_nonnull (strstr (body, "read-only"));
  g_assert_nonnull (strstr (body, "export"));
  g_assert_nonnull (strstr (body, "save a copy"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (notice), "export"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (notice), "copy"));

  /* Export works from there. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (notice), "export");
  gloss_test_wait_for_frames ();
  g_assert_nonnull (find_toplevel (GLOSS_TYPE_EXPORT_DIALOG, NULL));

  close_every_window ();
  wal = g_strconcat (fixture->path, "-wal", NULL);
  shm = g_strconcat (fixture->path, "-shm", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_no_notice_when_writable (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GlossWindow *window;

  fixture->path = g_build_filename (fixture->dir, "analysis.gloss", NULL);
  create_sample (fixture->path);

  open_in_application (fixture->path);
  window = find_project_window ();
  g_assert_nonnull (window);
  g_assert_false (gloss_store_is_read_only (gloss_window_get_store (window)));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  data_home = gloss_test_ui_init (&argc, &argv, "read-only-ui");
  gloss_test_private_mounts ();

  /* Not unique: the test needs no session bus, and meets no running Gloss. */
  application = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/read-only/notice", test_notice);
  ADD ("/gloss/read-only/no-notice-when-writable", test_no_notice_when_writable);

#undef ADD

  status = g_test_run ();

  g_clear_object (&application);
  gloss_test_remove_tree (data_home);

  return status;
}
