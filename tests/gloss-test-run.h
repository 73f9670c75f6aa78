/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Running the built gloss binary as a user runs it from a terminal. */

#pragma once

#include <stdarg.h>
#include <sys/wait.h>

#include <glib.h>

/* Runs the built gloss (GLOSS_BINARY) with ARGS to its end, in the folder
 * CWD (NULL: this one); returns its exit status, and fails the test when
 * it did not exit by itself (a crash). What it printed goes to *OUT and
 * *ERR, freeing what they held, so that a test runs gloss several times
 * with the same two; with OUT NULL the output is dropped (it would mix
 * into the TAP stream), with ERR NULL the errors go to the test's log. */
static inline int
gloss_test_run_gloss_argv (const char         *cwd,
                           char              **out,
                           char              **err,
                           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *binary = g_getenv ("GLOSS_BINARY");
  GSpawnFlags flags = out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT;
  int wait_status;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, flags, NULL, NULL,
                out != NULL ? &stdout_text : NULL, err != NULL ? &stderr_text : NULL,
                &wait_status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    {
      g_free (*out);
      *out = g_steal_pointer (&stdout_text);
    }
  if (err != NULL)
    {
      g_free (*err);
      *err = g_steal_pointer (&stderr_text);
    }

  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static inline int
gloss_test_run_gloss_valist (const char  *cwd,
                             char       **out,
                             char       **err,
                             const char  *first,
                             va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  return gloss_test_run_gloss_argv (cwd, out, err, (const char * const *) argv->pdata);
}

/* gloss_test_run_gloss_argv () in this folder, with the NULL-terminated
 * arguments. */
G_GNUC_NULL_TERMINATED static inline int
gloss_test_run_gloss (char       **out,
                      char       **err,
                      const char  *first,
                      ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = gloss_test_run_gloss_valist (NULL, out, err, first, args);
  va_end (args);

  return status;
}

/* The same in the folder CWD, for names relative to it. */
G_GNUC_NULL_TERMINATED static inline int
gloss_test_run_gloss_in (const char  *cwd,
                         char       **out,
                         char       **err,
                         const char  *first,
                         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = gloss_test_run_gloss_valist (cwd, out, err, first, args);
  va_end (args);

  return status;
}
