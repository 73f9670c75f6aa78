/* SPDX-License-Identifier: GPL-3.0-or-later */

/* import-export: text files into a new project, and a project's spans out
 * to CSV and Gloss JSONL, each beside the sqlite3 command line doing the
 * same with SQLite's own means. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gstdio.h>

#include "gloss-bench.h"
#include "gloss-export.h"
#include "gloss-import.h"

#define SPANS_PER_DOCUMENT 1000

#define CSV_MEASURE "export spans to CSV"
#define JSONL_MEASURE "export to Gloss JSONL"

/* The rows the CSV export writes: document, offsets, label, the span's text
 * and 40 characters either side, annotator, note. SQLite's substr ()
 * counts characters, as Gloss does. */
static const char csv_sql[] =
  "SELECT d.name AS document, s.start, s.\"end\", l.name AS label,"
  " substr (t.text, s.start + 1, s.\"end\" - s.start) AS text,"
  " substr (t.text, max (s.start - 40, 0) + 1, s.start - max (s.start - 40, 0)) AS left_context,"
  " substr (t.text, s.\"end\" + 1, 40) AS right_context,"
  " s.annotator, s.note"
  " FROM spans s JOIN documents d ON d.id = s.document JOIN labels l ON l.id = s.label"
  " JOIN document_texts t ON t.document = d.id"
  " ORDER BY d.id, s.start, s.\"end\", s.id;";

/* What a Gloss JSONL line holds: a document, its text and status, and its
 * spans with their text. */
static const char json_sql[] =
  "SELECT d.name, d.status, t.text,"
  " (SELECT json_group_array (json_object ('start', s.start, 'end', s.\"end\", 'label', l.name,"
  "    'text', substr (t.text, s.start + 1, s.\"end\" - s.start),"
  "    'annotator', s.annotator, 'note', s.note))"
  "  FROM (SELECT * FROM spans WHERE document = d.id ORDER BY start, \"end\", id) s"
  "  JOIN labels l ON l.id = s.label) AS spans"
  " FROM documents d JOIN document_texts t ON t.document = d.id ORDER BY d.id;";

static guint
n_files (BenchContext *ctx)
{
  return ctx->quick ? 1000 : 10000;
}

static void
clear_fill (gpointer data)
{
  BenchFill *fill = data;

  g_free ((char *) fill->text);
  g_array_unref (fill->spans);
}

static gboolean
prepare_import_export (BenchContext  *ctx,
                       GError       **error)
{
  g_autofree char *texts = g_build_filename (ctx->datadir, "texts", NULL);
  g_autofree char *path = g_build_filename (ctx->datadir, "export.gloss", NULL);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) fills = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_documents = ctx->quick ? 100 : 1000;
  gsize total = 0;
  double started = bench_now_ms ();
  BenchRandom random;

  bench_random_init (&random, 1001);
  if (g_mkdir_with_parents (texts, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", texts,
                   g_strerror (errno));
      return FALSE;
    }

  /* About 5 kB each: a long news article. */
  for (guint i = 0; i < n_files (ctx); i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%05u.txt", i + 1);
      g_autofree char *file = g_build_filename (texts, name, NULL);

      g_string_truncate (text, 0);
      bench_append_words (text, &random, 700 + bench_random_int (&random, 300), TRUE, NULL, NULL);
      g_string_append_c (text, '\n');
      total += text->len;
      if (!g_file_set_contents (file, text->str, text->len, error))
        return FALSE;
    }
  bench_note ("import-export: %u text files, %.1f MB, made in %.1f s", n_files (ctx), total / 1e6,
              (bench_now_ms () - started) / 1000);

  /* A project with SPANS_PER_DOCUMENT spans in each document: the project,
   * labels and documents through the store, the texts and spans after
   * them (see bench_fill_documents ()). */
  started = bench_now_ms ();
  store = gloss_store_create (path, NULL, NULL, error);
  if (store == NULL || !gloss_store_begin (store, error) ||
      (labels = bench_add_labels (store, error)) == NULL)
    return FALSE;

  fills = g_array_new (FALSE, FALSE, sizeof (BenchFill));
  g_array_set_clear_func (fills, clear_fill);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%04u.txt", i + 1);
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GString) words = g_string_new (NULL);
      BenchFill fill;

      bench_append_words (words, &random, 2500, TRUE, starts, ends);
      fill.spans = bench_make_spans (labels, starts, ends, SPANS_PER_DOCUMENT, &random);
      fill.text = g_string_free (g_steal_pointer (&words), FALSE);
      fill.document_id = gloss_store_add_document (store, name, "", NULL, error);
      g_array_append_val (fills, fill);
      if (fill.document_id == 0)
        {
          gloss_store_rollback (store);
          return FALSE;
        }
    }

  if (!gloss_store_commit (store, error))
    return FALSE;
  g_clear_object (&store);
  if (!bench_fill_documents (path, fills, error))
    return FALSE;

  bench_note ("import-export: %u documents, %u spans, made in %.1f s", n_documents,
              n_documents * SPANS_PER_DOCUMENT, (bench_now_ms () - started) / 1000);
  return TRUE;
}

static void
remove_project (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Imports every file into a new project: creating it, importing, closing. */
static double
gloss_import (BenchContext        *ctx,
              const char * const  *paths,
              GError             **error)
{
  g_autofree char *path = g_build_filename (ctx->datadir, "imported.gloss", NULL);
  g_autoptr(GPtrArray) results = NULL;
  GlossStore *store;
  double started, elapsed;

  remove_project (path);
  bench_profile_begin ("import-export", "import text files");
  started = bench_now_ms ();
  store = gloss_store_create (path, NULL, NULL, error);
  if (store == NULL)
    return bench_profile_end (), -1;
  results = gloss_import_paths (store, paths, NULL, NULL, NULL, NULL);
  g_object_unref (store);
  elapsed = bench_now_ms () - started;
  bench_profile_end ();

  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      if (result->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&result->error));
          return -1;
        }
    }

  return elapsed;
}

static double
sqlite_import (BenchContext  *ctx,
               GError       **error)
{
  g_autofree char *path = g_build_filename (ctx->datadir, "base.db", NULL);
  /* fsdir () lists the folder itself too: readfile () takes files only. */
  const char *argv[] = {
    "sqlite3", path,
    "CREATE TABLE documents (name TEXT, text TEXT);"
    "INSERT INTO documents SELECT name, readfile (name) FROM fsdir ('texts')"
    " WHERE name LIKE '%.txt';",
    NULL,
  };

  remove_project (path);
  return bench_run_command (argv, ctx->datadir, NULL, error);
}

static double
gloss_export (GlossStore         *store,
              const char         *measure,
              const GlossFormat  *format,
              const char         *path,
              GError            **error)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  double started, elapsed;
  gboolean ok;

  g_unlink (path);
  bench_profile_begin ("import-export", measure);
  started = bench_now_ms ();
  ok = gloss_export_path (store, format, path, NULL, FALSE, report, error);
  elapsed = bench_now_ms () - started;
  bench_profile_end ();

  return ok ? elapsed : -1;
}

static double
sqlite_export (const char  *project,
               const char  *mode,
               const char  *sql,
               const char  *path,
               GError     **error)
{
  const char *argv[] = { "sqlite3", "-readonly", mode, project, sql, NULL };

  g_unlink (path);
  return bench_run_command (argv, NULL, path, error);
}

static gboolean
append_time (GArray *times,
             double  elapsed)
{
  if (elapsed < 0)
    return FALSE;
  g_array_append_val (times, elapsed);
  return TRUE;
}

static gboolean
measure_into (BenchContext  *ctx,
              GArray       **times,
              GError       **error)
{
  g_autofree char *texts = g_build_filename (ctx->datadir, "texts", NULL);
  g_autofree char *project = g_build_filename (ctx->datadir, "export.gloss", NULL);
  g_autofree char *csv = g_build_filename (ctx->datadir, "out.csv", NULL);
  g_autofree char *csv_base = g_build_filename (ctx->datadir, "out-sqlite.csv", NULL);
  g_autofree char *jsonl = g_build_filename (ctx->datadir, "out.gloss.jsonl", NULL);
  g_autofree char *json_base = g_build_filename (ctx->datadir, "out-sqlite.json", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossStore) store = NULL;
  double spent = 0;

  for (guint i = 0; i < n_files (ctx); i++)
    g_ptr_array_add (paths, g_strdup_printf ("%s/article-%05u.txt", texts, i + 1));
  g_ptr_array_add (paths, NULL);

  /* The files and the project were just written: both sides read them from
   * the page cache. */
  for (guint i = 0; bench_again (ctx, i, spent); i++)
    {
      double started = bench_now_ms ();

      if (!append_time (times[0], gloss_import (ctx, (const char * const *) paths->pdata, error)) ||
          !append_time (times[1], sqlite_import (ctx, error)))
        return FALSE;
      spent += bench_now_ms () - started;
    }

  bench_row ("import-export", "import text files", "ms", bench_median (times[0]),
             bench_median (times[1]), NAN, 2, FALSE);

  store = gloss_store_open (project, error);
  if (store == NULL)
    return FALSE;

  spent = 0;
  for (guint i = 0; bench_again (ctx, i, spent); i++)
    {
      double started = bench_now_ms ();

      if (!append_time (times[2], gloss_export (store, CSV_MEASURE, &gloss_format_csv, csv, error)) ||
          !append_time (times[3], sqlite_export (project, "-csv", csv_sql, csv_base, error)))
        return FALSE;
      spent += bench_now_ms () - started;
    }

  spent = 0;
  for (guint i = 0; bench_again (ctx, i, spent); i++)
    {
      double started = bench_now_ms ();

      if (!append_time (times[4], gloss_export (store, JSONL_MEASURE, &gloss_format_gloss, jsonl, error)) ||
          !append_time (times[5], sqlite_export (project, "-json", json_sql, json_base, error)))
        return FALSE;
      spent += bench_now_ms () - started;
    }

  bench_row ("import-export", CSV_MEASURE, "ms", bench_median (times[2]),
             bench_median (times[3]), NAN, 2, FALSE);
  bench_row ("import-export", JSONL_MEASURE, "ms", bench_median (times[4]),
             bench_median (times[5]), NAN, 2, FALSE);
  return TRUE;
}

static gboolean
measure_import_export (BenchContext  *ctx,
                       GError       **error)
{
  GArray *times[6];
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    times[i] = g_array_new (FALSE, FALSE, sizeof (double));

  ok = measure_into (ctx, times, error);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_array_unref (times[i]);
  return ok;
}

const BenchCase bench_case_import_export = {
  .name = "import-export",
  .prepare = prepare_import_export,
  .measure = measure_import_export,
};
