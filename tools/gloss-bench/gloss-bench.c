/* SPDX-License-Identifier: GPL-3.0-or-later */

/* gloss-bench measures Gloss against the speed targets of "Instant at any
 * size", each case beside a baseline measured in the same run, and prints
 * one table. See tools/bench (the script that builds and runs it) and the
 * Performance section of the README.
 *
 * The parent process only makes a temporary folder, runs each case in child
 * processes (one to make its data, a fresh one to measure) and prints the
 * rows they report. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-bench.h"

static const BenchCase * const cases[] = {
  &bench_case_big_document,
  &bench_case_long_line,
  &bench_case_span_ops,
  &bench_case_relations,
  &bench_case_many_documents,
  &bench_case_import_export,
  &bench_case_startup,
};

int bench_startup_child (const char *mode,
                         const char *spawned);

/* This program, for the child processes. */
static char *self_path;

typedef struct
{
  char *case_name;
  char *measure;
  char *unit;
  double gloss;
  double baseline;
  double limit;
  double ratio_limit;
  gboolean strict;
} Row;

static void
row_free (Row *row)
{
  g_free (row->case_name);
  g_free (row->measure);
  g_free (row->unit);
  g_free (row);
}

static const BenchCase *
find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i]->name, name))
      return cases[i];
  return NULL;
}

static void
usage (FILE *out)
{
  fprintf (out, "usage: gloss-bench [--quick] [CASE...]\n\ncases:");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    fprintf (out, " %s", cases[i]->name);
  fprintf (out, "\n");
}

static char *
format_value (double      value,
              const char *unit)
{
  if (isnan (value))
    return g_strdup ("-");

  if (g_str_equal (unit, "ms"))
    {
      if (value < 10)
        return g_strdup_printf ("%.2f ms", value);
      if (value < 100)
        return g_strdup_printf ("%.1f ms", value);
      if (value < 10000)
        return g_strdup_printf ("%.0f ms", value);
      return g_strdup_printf ("%.1f s", value / 1000);
    }

  if (value < 100)
    return g_strdup_printf ("%.1f %s", value, unit);
  return g_strdup_printf ("%.0f %s", value, unit);
}

static double
row_ratio (const Row *row)
{
  if (isnan (row->baseline) || row->baseline <= 0 || isnan (row->gloss))
    return NAN;
  return row->gloss / row->baseline;
}

static gboolean
exceeds (double   value,
         double   limit,
         gboolean strict)
{
  if (isnan (limit))
    return FALSE;
  if (isnan (value))
    return TRUE;
  return strict ? value >= limit : value > limit;
}

static gboolean
row_is_over (const Row *row)
{
  return exceeds (row->gloss, row->limit, row->strict) ||
         exceeds (row_ratio (row), row->ratio_limit, row->strict);
}

static char *
format_target (const Row *row)
{
  g_autoptr(GString) target = g_string_new (NULL);
  const char *sign = row->strict ? "<" : "≤";

  if (!isnan (row->limit))
    g_string_append_printf (target, "%s %g %s", sign, row->limit, row->unit);
  if (!isnan (row->ratio_limit))
    g_string_append_printf (target, "%sratio %s %g", target->len ? ", " : "", sign,
                            row->ratio_limit);

  return target->len ? g_string_free (g_steal_pointer (&target), FALSE) : g_strdup ("-");
}

static void
print_table (GPtrArray *rows)
{
  static const char *headers[] = { "case", "measure", "gloss", "baseline", "ratio", "target", "status" };
  enum { N_COLUMNS = G_N_ELEMENTS (headers) };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  glong widths[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      double ratio = row_ratio (row);
      char **line = g_new0 (char *, N_COLUMNS + 1);

      line[0] = g_strdup (row->case_name);
      line[1] = g_strdup (row->measure);
      line[2] = format_value (row->gloss, row->unit);
      line[3] = format_value (row->baseline, row->unit);
      line[4] = isnan (ratio) ? g_strdup ("-") : g_strdup_printf ("%.2f", ratio);
      line[5] = format_target (row);
      line[6] = g_strdup (row_is_over (row) ? "OVER" : "ok");
      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (line[c], -1));
      g_ptr_array_add (cells, line);
    }

  for (guint i = 0; i <= cells->len; i++)
    {
      const char * const *line = i == 0 ? headers : g_ptr_array_index (cells, i - 1);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append (text, " | ");
          g_string_append (text, line[c]);
          if (c + 1 < N_COLUMNS)
            for (glong pad = g_utf8_strlen (line[c], -1); pad < widths[c]; pad++)
              g_string_append_c (text, ' ');
        }
      printf ("%s\n", text->str);

      if (i == 0)
        {
          g_string_truncate (text, 0);
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              if (c > 0)
                g_string_append (text, "-|-");
              for (glong pad = 0; pad < widths[c]; pad++)
                g_string_append_c (text, '-');
            }
          printf ("%s\n", text->str);
        }
    }
}

static gboolean
parse_row (const char *line,
           GPtrArray  *rows)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  Row *row;

  if (g_strv_length (fields) != 9 || !g_str_equal (fields[0], "@row"))
    return FALSE;

  row = g_new0 (Row, 1);
  row->case_name = g_strdup (fields[1]);
  row->measure = g_strdup (fields[2]);
  row->unit = g_strdup (fields[3]);
  row->gloss = g_ascii_strtod (fields[4], NULL);
  row->baseline = g_ascii_strtod (fields[5], NULL);
  row->limit = g_ascii_strtod (fields[6], NULL);
  row->ratio_limit = g_ascii_strtod (fields[7], NULL);
  row->strict = g_str_equal (fields[8], "1");
  g_ptr_array_add (rows, row);
  return TRUE;
}

/* Runs this program as "--PHASE CASE" and adds the rows it reports. */
static gboolean
run_phase (const char  *self,
           const char  *phase,
           const char  *case_name,
           const char  *datadir,
           gboolean     quick,
           GPtrArray   *rows,
           GError     **error)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  g_autofree char *flag = g_strconcat ("--", phase, NULL);
  const char *argv[] = { self, flag, case_name, "--data", datadir, quick ? "--quick" : NULL, NULL };
  g_auto(GStrv) lines = NULL;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, error))
    return FALSE;

  lines = g_strsplit (out ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !parse_row (lines[i], rows))
      g_printerr ("%s\n", lines[i]);

  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s %s failed", phase, case_name);
      return FALSE;
    }

  return TRUE;
}

static int
run_parent (const char  *self,
            gboolean     quick,
            GPtrArray   *names)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *datadir = g_dir_make_tmp ("gloss-bench-XXXXXX", &error);
  guint n_over = 0;
  gboolean failed = FALSE;

  if (datadir == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      guint first_row = rows->len;
      double started = bench_now_ms ();
      gboolean over = FALSE;

      g_printerr ("bench: %s: making data\n", name);
      if (run_phase (self, "prepare", name, datadir, quick, rows, &error))
        {
          /* The data just made (and the last case's) goes to the disk
           * first: neither side of a measure competes with writing it out. */
          sync ();
          g_printerr ("bench: %s: measuring\n", name);
          run_phase (self, "measure", name, datadir, quick, rows, &error);
        }

      if (error != NULL)
        {
          Row *row = g_new0 (Row, 1);

          g_printerr ("bench: %s: %s\n", name, error->message);
          g_clear_error (&error);
          row->case_name = g_strdup (name);
          row->measure = g_strdup ("did not finish");
          row->unit = g_strdup ("ms");
          row->gloss = row->baseline = row->ratio_limit = NAN;
          row->limit = 0;
          g_ptr_array_add (rows, row);
          failed = TRUE;
        }

      for (guint r = first_row; r < rows->len; r++)
        over |= row_is_over (g_ptr_array_index (rows, r));
      n_over += over;
      g_printerr ("bench: %s: done in %.0f s\n", name, (bench_now_ms () - started) / 1000);
    }

  bench_remove_tree (datadir);

  printf ("\n");
  print_table (rows);
  printf ("bench: %u cases, %u over target\n", names->len, n_over);
  return failed ? 1 : 0;
}

static int
run_child (const char *phase,
           const char *name,
           const char *datadir,
           gboolean    quick)
{
  const BenchCase *bench_case = find_case (name);
  g_autoptr(GError) error = NULL;
  BenchContext ctx = { 0 };
  gboolean ok;

  if (bench_case == NULL || datadir == NULL)
    {
      usage (stderr);
      return 2;
    }

  ctx.quick = quick;
  ctx.repeats = quick ? 3 : 7;
  ctx.datadir = datadir;
  ctx.self = self_path;

  if (g_str_equal (phase, "prepare"))
    {
#ifdef M_TRIM_THRESHOLD
      /* Inserting many spans frees and takes back the top of the heap for
       * each statement; keeping it makes the data three times as fast to
       * make. Only here: what is measured runs as Gloss runs. */
      mallopt (M_TRIM_THRESHOLD, 256 << 20);
      mallopt (M_TOP_PAD, 64 << 20);
#endif
      ok = bench_case->prepare == NULL || bench_case->prepare (&ctx, &error);
    }
  else
    {
      gtk_init ();
      adw_init ();
      ok = bench_case->measure (&ctx, &error);
    }

  if (!ok)
    {
      g_printerr ("bench: %s: %s\n", name, error ? error->message : "failed");
      return 1;
    }

  fflush (stdout);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *phase = NULL;
  const char *phase_case = NULL;
  const char *datadir = NULL;
  gboolean quick = FALSE;

  /* The startup child's clock starts here: nothing may come first. */
  if (argc == 4 && g_str_equal (argv[1], "--startup-child"))
    return bench_startup_child (argv[2], argv[3]);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  self_path = strchr (argv[0], '/') ? g_canonicalize_filename (argv[0], NULL)
                                     : g_find_program_in_path (argv[0]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          usage (stdout);
          return 0;
        }
      else if ((g_str_equal (argv[i], "--prepare") || g_str_equal (argv[i], "--measure")) &&
               i + 1 < argc)
        {
          phase = argv[i] + 2;
          phase_case = argv[++i];
        }
      else if (g_str_equal (argv[i], "--data") && i + 1 < argc)
        datadir = argv[++i];
      else if (argv[i][0] == '-' || find_case (argv[i]) == NULL)
        {
          g_printerr ("gloss-bench: unknown case or option “%s”\n", argv[i]);
          usage (stderr);
          return 2;
        }
      else
        g_ptr_array_add (names, argv[i]);
    }

  if (phase != NULL)
    return run_child (phase, phase_case, datadir, quick);

  if (names->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      g_ptr_array_add (names, (gpointer) cases[i]->name);

  return run_parent (self_path, quick, names);
}
