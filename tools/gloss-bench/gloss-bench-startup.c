/* SPDX-License-Identifier: GPL-3.0-or-later */

/* startup: from spawning a process to the first frame of its window. The
 * child is this program ("--startup-child gloss|bare SPAWNED"): it runs
 * Gloss's own application on the default project, or, for the baseline, an
 * AdwApplication showing an empty AdwApplicationWindow, and quits at its
 * window's first frame. SPAWNED is the parent's CLOCK_MONOTONIC time just
 * before the spawn, the clock g_get_monotonic_time () reads. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-bench.h"
#include "gloss-project.h"

int bench_startup_child (const char *mode,
                         const char *spawned);

typedef struct
{
  GApplication *application;
  gint64 painted;
} Startup;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Startup       *startup)
{
  if (startup->painted != 0)
    return;

  startup->painted = g_get_monotonic_time ();
  g_application_quit (startup->application);
}

static void
on_realize_cb (GtkWidget *window,
               Startup   *startup)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), startup);
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    Startup        *startup)
{
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize_cb), startup);
}

static void
on_bare_activate_cb (GApplication *application,
                     gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  /* The size Gloss's window opens at, from its GSettings defaults. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  gtk_window_present (GTK_WINDOW (window));
}

int
bench_startup_child (const char *mode,
                     const char *spawned)
{
  gint64 entered = g_get_monotonic_time ();
  gint64 started = g_ascii_strtoll (spawned, NULL, 10);
  g_autoptr(GApplication) application = NULL;
  char *argv[] = { (char *) "gloss", NULL };
  Startup startup = { NULL, 0 };
  int status;

  /* What src/main.c does before the application. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Gloss");

  if (g_str_equal (mode, "gloss"))
    application = G_APPLICATION (gloss_application_new ());
  else
    {
      application = G_APPLICATION (adw_application_new (APP_ID ".BenchBaseline",
                                                        G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (application, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
    }

  startup.application = application;
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added_cb), &startup);
  status = g_application_run (application, 1, argv);
  if (status != 0 || startup.painted == 0)
    return status != 0 ? status : 1;

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", entered - started,
          startup.painted - started);
  return 0;
}

static char *
xdg_data_home (BenchContext *ctx)
{
  return g_build_filename (ctx->datadir, "startup-data", NULL);
}

/* The default project, already there: startup opens it, it does not make
 * it. */
static gboolean
prepare_startup (BenchContext  *ctx,
                 GError       **error)
{
  g_autofree char *data = xdg_data_home (ctx);
  g_autoptr(GlossStore) store = NULL;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  store = gloss_project_open_default (error);
  return store != NULL;
}

/* Runs one child; the time from its spawn to its first frame, in ms. */
static double
run_child (BenchContext  *ctx,
           const char    *mode,
           double        *to_main,
           GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *data = xdg_data_home (ctx);
  g_autofree char *out = NULL;
  g_autofree char *spawned = NULL;
  gint64 entered, painted;
  char *end;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  child = g_subprocess_launcher_spawn (launcher, error, ctx->self, "--startup-child", mode, spawned,
                                       NULL);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, error))
    return -1;

  entered = g_ascii_strtoll (out ? out : "", &end, 10);
  painted = g_ascii_strtoll (end, NULL, 10);
  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0 ||
      painted <= 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "the %s startup child failed", mode);
      return -1;
    }

  *to_main = entered / 1000.0;
  return painted / 1000.0;
}

static gboolean
measure_startup (BenchContext  *ctx,
                 GError       **error)
{
  g_autoptr(GArray) gloss_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_main = g_array_new (FALSE, FALSE, sizeof (double));
  guint repeats = ctx->quick ? 3 : 5;

  /* Once each untimed: the files they map are in the page cache after. */
  for (guint i = 0; i <= repeats; i++)
    {
      double gloss, bare, entered;

      if ((gloss = run_child (ctx, "gloss", &entered, error)) < 0 ||
          (bare = run_child (ctx, "bare", &entered, error)) < 0)
        return FALSE;

      if (i == 0)
        continue;
      g_array_append_val (gloss_times, gloss);
      g_array_append_val (bare_times, bare);
      g_array_append_val (to_main, entered);
    }

  bench_note ("startup: %.1f ms from spawning to main () (median)", bench_median (to_main));
  bench_row ("startup", "spawn to first frame", "ms", bench_median (gloss_times),
             bench_median (bare_times), 300, NAN, TRUE);
  return TRUE;
}

const BenchCase bench_case_startup = {
  .name = "startup",
  .prepare = prepare_startup,
  .measure = measure_startup,
};
