/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the cases share: the rows they report, clocks, frames, windows and
 * child processes. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-bench.h"

static void
print_number (GString *line,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (line, '\t');
  if (isnan (value))
    g_string_append (line, "nan");
  else
    g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

void
bench_row (const char *case_name,
           const char *measure,
           const char *unit,
           double      gloss,
           double      baseline,
           double      limit,
           double      ratio_limit,
           gboolean    strict)
{
  g_autoptr(GString) line = g_string_new ("@row");

  g_string_append_printf (line, "\t%s\t%s\t%s", case_name, measure, unit);
  print_number (line, gloss);
  print_number (line, baseline);
  print_number (line, limit);
  print_number (line, ratio_limit);
  g_string_append_printf (line, "\t%d\n", strict ? 1 : 0);
  fputs (line->str, stdout);
  fflush (stdout);

  /* Also on the terminal at once: a full run is long. */
  g_printerr ("bench:   %s: %s = %.2f %s (baseline %.2f)\n", case_name, measure, gloss, unit,
              baseline);
}

void
bench_note (const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("bench:   %s\n", text);
}

static int profile_ctl = -1;
static int profile_ack = -1;
static gboolean profiling;

static void
tell_perf (const char *command)
{
  char ack[8];

  if (write (profile_ctl, command, strlen (command)) < 0)
    g_warning ("perf control: %s", g_strerror (errno));
  if (profile_ack >= 0 && read (profile_ack, ack, sizeof ack) < 0)
    g_warning ("perf control: %s", g_strerror (errno));
}

void
bench_profile_begin (const char *case_name,
                     const char *measure)
{
  const char *wanted = g_getenv ("GLOSS_BENCH_PROFILE");
  const char *ctl = g_getenv ("GLOSS_BENCH_PERF_CTL");
  g_autofree char *id = g_strdup_printf ("%s:%s", case_name, measure);

  if (wanted == NULL || ctl == NULL || !g_str_equal (wanted, id))
    return;

  if (profile_ctl < 0)
    {
      const char *ack = g_getenv ("GLOSS_BENCH_PERF_ACK");

      profile_ctl = open (ctl, O_WRONLY | O_CLOEXEC);
      if (ack != NULL)
        profile_ack = open (ack, O_RDONLY | O_CLOEXEC);
      if (profile_ctl < 0)
        {
          g_warning ("%s: %s", ctl, g_strerror (errno));
          return;
        }
    }

  tell_perf ("enable\n");
  profiling = TRUE;
}

void
bench_profile_end (void)
{
  if (!profiling)
    return;

  tell_perf ("disable\n");
  profiling = FALSE;
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Whether a measure that ran DONE times in SPENT_MS runs again: up to
 * ctx->repeats times, and not once its runs took a minute, so that a slow
 * measure at full size keeps the whole run within reach. */
gboolean
bench_again (BenchContext *ctx,
             guint         done,
             double        spent_ms)
{
  return done < ctx->repeats && (done == 0 || spent_ms < 60000);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values->len;

  if (n == 0)
    return NAN;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

double
bench_max (GArray *values)
{
  double max = NAN;

  for (guint i = 0; i < values->len; i++)
    if (isnan (max) || g_array_index (values, double, i) > max)
      max = g_array_index (values, double, i);

  return max;
}

/* The resident set of this process, from the kernel's own count. */
double
bench_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return NAN;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

typedef struct
{
  gint64 painted;
} FrameWait;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FrameWait     *wait)
{
  if (wait->painted == 0)
    wait->painted = g_get_monotonic_time ();
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until WIDGET's window has painted a frame, and
 * returns when it had (g_get_monotonic_time ()), or 0 after two minutes. */
gint64
bench_wait_for_frame (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  FrameWait wait = { 0 };
  GdkFrameClock *clock;
  gulong handler;
  guint wake;

  /* Never block for long in an iteration, so the deadline holds. */
  wake = g_timeout_add (50, wake_cb, NULL);

  while (!gtk_widget_get_realized (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &wait);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);

  while (wait.painted == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, handler);
  g_source_remove (wake);
  return wait.painted;
}

/* Lets pending work run (layout, list rows, idle callbacks), for at most
 * two seconds. */
void
bench_settle (void)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for MSEC. */
void
bench_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
bench_find_widget (GtkWidget *root,
                   gboolean (*match) (GtkWidget *widget,
                                      gpointer   data),
                   gpointer   data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The baseline: a text view in a scrolled window, nothing else, wrapping
 * as Gloss's view does (a view that does not wrap lays text out
 * differently, and that would not compare like with like). */
GtkWidget *
bench_bare_text_window (int           width,
                        int           height,
                        GtkTextView **text_view)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_frame (window);

  *text_view = GTK_TEXT_VIEW (view);
  return window;
}

void
bench_destroy_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  bench_settle ();
}

double
bench_run_command (const char * const *argv,
                   const char         *cwd,
                   const char         *stdout_path,
                   GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *err = NULL;
  double started;
  double elapsed;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (stdout_path ? 0 : G_SUBPROCESS_FLAGS_STDOUT_SILENCE));
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);

  started = bench_now_ms ();
  child = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, error))
    return -1;
  elapsed = bench_now_ms () - started;

  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s failed: %s", argv[0],
                   err ? g_strstrip (err) : "");
      return -1;
    }

  return elapsed;
}

/* Removes PATH and, when it is a folder, everything in it. */
gboolean
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_unlink (path) == 0;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      bench_remove_tree (child);
    }

  return g_rmdir (path) == 0;
}
