/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Telling a dataset's format from its content: the start of each format,
 * cut off anywhere, files named as doccano, Label Studio and spaCy name
 * their exports (tests/fixtures/exports/), what falls back to the name, and
 * those exports imported with no format given, their documents named from
 * what the files carry. */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-import.h"
#include "gloss-project.h"
#include "gloss-test-util.h"

typedef GlossTestFolder Fixture;

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* One of tests/fixtures/exports. */
static char *
export_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "exports", name, NULL);
}

static const char *
name_of (const GlossFormat *format)
{
  return format != NULL ? format->name : "(none)";
}

typedef struct
{
  const char *head;
  const char *format;   /* NULL: the start shows none */
} Sniff;

static const Sniff sniffs[] = {
  /* doccano: the label form, the relation form, the "data" of old releases. */
  { "{\"id\": 1, \"text\": \"Tehran\", \"label\": [[0, 6, \"LOC\"]], \"Comments\": []}\n", "doccano" },
  { "{\"id\": 1, \"text\": \"Tehran\", \"entities\": [{\"id\": 1, \"label\": \"LOC\", "
    "\"start_offset\": 0, \"end_offset\": 6}], \"relations\": []}\n", "doccano" },
  { "{\"data\": \"Tehran\", \"label\": [[0, 6, \"LOC\"]]}\n", "doccano" },
  { "\xef\xbb\xbf  \r\n{\"text\": \"with a byte order mark\"}\n", "doccano" },
  /* Gloss JSONL: its header. */
  { "{\"gloss\": 1, \"labels\": [{\"name\": \"Hardline camp\"}]}\n{\"name\": \"a\", \"text\": \"b\"}\n",
    "gloss" },
  /* Label Studio: tasks in the order Label Studio writes their members, or
   * by hand; predictions only; JSON-MIN. */
  { "[\n  {\n    \"id\": 1,\n    \"annotations\": [{\"result\": []}],\n    \"file_upload\": \"x.txt\",\n"
    "    \"data\": {\"text\": \"Tehran\"}\n  }\n]\n", "labelstudio" },
  { "[{\"data\": {\"text\": \"Tehran\"}}]", "labelstudio" },
  { "[{\"id\": 3, \"predictions\": [{\"model_version\": \"v1\", \"result\": []}]}]", "labelstudio" },
  { "[{\"text\": \"Tehran\", \"id\": 1, \"label\": [{\"start\": 0, \"end\": 6, \"labels\": [\"LOC\"]}], "
    "\"annotator\": 1}]", "labelstudio" },
  /* spaCy pairs. */
  { "[[\"Tehran\", {\"entities\": [[0, 6, \"LOC\"]]}]]", "spacy" },
  { "[\n  [\n    \"Tehran\",\n    {\"entities\": []}\n  ]\n]", "spacy" },
  /* By a header line. */
  { "document,start,end,label,text,left_context,right_context,annotator,note\r\n", "csv" },
  { "-DOCSTART- -X- O O\n\nTehran NNP B-NP B-LOC\n", "conll" },
  /* Nothing a format starts with. */
  { "", NULL },
  { "   \n\t", NULL },
  { "The split in Iran’s leadership is stark.\n", NULL },
  { "[Reuters] Tehran, 12 May.\n", NULL },
  { "{Tehran}\n", NULL },
  { "[]", NULL },
  { "[1, 2, 3]", NULL },
  { "{\"data\": {\"text\": \"one Label Studio task, not a list\"}}", NULL },
  { "{\"labels\": [\"a\"], \"description\": \"some other JSON\"}", NULL },
  { "document;start;end\n", NULL },
  { "\xff\xfe{\0\"\0", NULL },
};

static void
test_sniff (Fixture       *fixture,
            gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (sniffs); i++)
    {
      const char *head = sniffs[i].head;
      gsize length = i == G_N_ELEMENTS (sniffs) - 1 ? 6 : strlen (head);
      const GlossFormat *format = gloss_format_sniff (head, length);
      g_autofree char *shown = g_strescape (head, NULL);

      g_test_message ("%s", shown);
      g_assert_cmpstr (name_of (format), ==, sniffs[i].format != NULL ? sniffs[i].format : "(none)");
    }
}

/* A start cut off anywhere tells its format as soon as the member that
 * shows it is read, and never a wrong one. */
static void
test_sniff_cut_off (Fixture       *fixture,
                    gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (sniffs); i++)
    {
      const char *head = sniffs[i].head;
      gsize length = i == G_N_ELEMENTS (sniffs) - 1 ? 6 : strlen (head);

      for (gsize cut = 0; cut <= length; cut++)
        {
          const GlossFormat *format = gloss_format_sniff (head, cut);

          if (format != NULL)
            g_assert_cmpstr (format->name, ==, sniffs[i].format);
        }
    }
}

/* Brackets, quotes and escapes in the values before the members that
 * tell the format do not mislead the scan. */
static void
test_sniff_values (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char *doccano =
    "{\"meta\": {\"a\": [1, {\"b\": \"}]\\\"{\"}], \"text\": \"not this one\"}, "
    "\"note\": \"\\\\\", \"n\": -1.5e3, \"ok\": true, \"x\": null, \"text\": \"Tehran\"}";
  static const char *nested = "[{\"meta\": {\"data\": {\"text\": \"x\"}}, \"id\": 1}]";

  g_assert_true (gloss_format_sniff (doccano, strlen (doccano)) == &gloss_format_doccano);
  /* "data" inside another member is not the task's data. */
  g_assert_null (gloss_format_sniff (nested, strlen (nested)));
}

/* Where the first record is longer than what detection reads, the members
 * read before the cut tell the format. */
static void
test_detect_long_first_record (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GString) doccano = g_string_new ("{\"id\": 7, \"text\": \"");
  g_autoptr(GString) labelstudio = g_string_new ("[{\"id\": 7, \"data\": {\"text\": \"");
  g_autofree char *doccano_path = NULL;
  g_autofree char *labelstudio_path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append (doccano, "Tehran ");
      g_string_append (labelstudio, "Tehran ");
    }
  g_string_append (doccano, "\", \"label\": [[0, 6, \"LOC\"]]}\n");
  g_string_append (labelstudio, "\"}, \"annotations\": []}]\n");
  doccano_path = write_file (fixture, "admin.jsonl", doccano->str);
  labelstudio_path = write_file (fixture, "project-2-at-2026-02-03-04-05-0a1b2c3d.json",
                                 labelstudio->str);

  g_assert_true (gloss_format_detect (doccano_path, &error) == &gloss_format_doccano);
  g_assert_no_error (error);
  g_assert_true (gloss_format_detect (labelstudio_path, &error) == &gloss_format_labelstudio);
  g_assert_no_error (error);
}

/* Detection reads the first few kilobytes, not the file: a terabyte (a
 * sparse file, nothing on the disk) is told at once. */
static void
test_detect_reads_the_start (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "all.jsonl", "{\"id\": 1, \"text\": \"");
  g_autoptr(GError) error = NULL;
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  if (ftruncate (fd, (off_t) 1 << 40) != 0)
    {
      close (fd);
      g_test_skip ("The file system takes no sparse terabyte");
      return;
    }
  close (fd);

  g_assert_true (gloss_format_detect (path, &error) == &gloss_format_doccano);
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  const char *format;
} Export;

/* Named as the tools name their exports: the names say nothing. */
static const Export exports[] = {
  { "admin.jsonl", "doccano" },
  { "all.jsonl", "doccano" },
  { "project-1-at-2026-01-01-10-00-abcdef12.json", "labelstudio" },
  { "project-1-at-2026-01-01-10-05-0f1e2d3c.json", "labelstudio" },
  { "train.json", "spacy" },
  { "brat", "brat" },
  { "brat/velayati.ann", "brat" },
};

static void
test_detect_exports (Fixture       *fixture,
                     gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = export_path (exports[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) name_error = NULL;

      g_test_message ("%s", exports[i].name);
      g_assert_cmpstr (name_of (gloss_format_detect (path, &error)), ==, exports[i].format);
      g_assert_no_error (error);
      /* What the name alone told: nothing, for the JSON files. */
      if (g_str_has_suffix (exports[i].name, "json") || g_str_has_suffix (exports[i].name, "jsonl"))
        {
          g_assert_null (gloss_format_guess (path, &name_error));
          g_assert_error (name_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
        }
    }
}

/* What the start does not tell, the name does; a text file is text. */
static void
test_detect_falls_back_to_name (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *notes = write_file (fixture, "notes.txt", "{\"text\": \"a JSON line\"}\n");
  g_autofree char *spacy = write_file (fixture, "empty.spacy.json", "");
  g_autofree char *conll = write_file (fixture, "tagged.conll", "Tehran B-LOC\n");
  g_autofree char *gloss = write_file (fixture, "x.gloss.jsonl", "not JSON at all\n");
  g_autofree char *unknown = write_file (fixture, "notes.dat", "Tehran, 12 May.\n");
  g_autofree char *project = write_file (fixture, "corpus.gloss", "{\"text\": \"a project?\"}\n");
  g_autofree char *open_project = write_file (fixture, "corpus.db", "{\"text\": \"a project?\"}\n");
  g_autofree char *open_project_wal = write_file (fixture, "corpus.db-wal", "");
  g_autofree char *folder = g_build_filename (fixture->dir, "articles", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_format_detect (notes, &error) == &gloss_format_text);
  g_assert_true (gloss_format_detect (spacy, &error) == &gloss_format_spacy);
  g_assert_true (gloss_format_detect (conll, &error) == &gloss_format_conll);
  g_assert_true (gloss_format_detect (gloss, &error) == &gloss_format_gloss);
  g_assert_no_error (error);

  g_mkdir (folder, 0700);
  g_assert_true (gloss_format_detect (folder, &error) == &gloss_format_text);
  g_assert_no_error (error);

  /* The message names the file, and no command line option: the window
   * has none. */
  g_assert_null (gloss_format_detect (unknown, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "notes.dat"));
  g_assert_null (strstr (error->message, "--format"));
  g_clear_error (&error);

  /* A project file is never opened to be looked at (closing a descriptor
   * of it would drop another connection's locks), whatever its name when
   * SQLite's write-ahead log is beside it. */
  g_assert_null (gloss_format_detect (project, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_true (gloss_format_detect (open_project, &error) == NULL);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
}

static GlossDataset *
read_export (const char        *name,
             GlossFormatReport *report)
{
  g_autofree char *path = export_path (name);
  g_autoptr(GError) error = NULL;
  const GlossFormat *format = gloss_format_detect (path, &error);
  GlossDataset *dataset;

  g_assert_no_error (error);
  dataset = gloss_format_read (format, path, report, &error);
  g_assert_no_error (error);

  return dataset;
}

static void
assert_names (GlossDataset *dataset,
              const char   *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      g_string_append_printf (names, "%s%s (%u)", i > 0 ? ", " : "", document->name,
                              document->spans->len);
    }
  g_assert_cmpstr (names->str, ==, expected);
}

/* Documents are named from what the export carries, not by their place. */
static void
test_export_names (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) admin = read_export ("admin.jsonl", report);
  g_autoptr(GlossDataset) all = read_export ("all.jsonl", report);
  g_autoptr(GlossDataset) tasks = read_export ("project-1-at-2026-01-01-10-00-abcdef12.json",
                                               report);
  g_autoptr(GlossDataset) min = read_export ("project-1-at-2026-01-01-10-05-0f1e2d3c.json", report);
  g_autofree char *span_text = NULL;
  GlossDatasetDocument *document;
  GlossDatasetSpan *span;

  /* doccano's ids, the same in each user's file of one export. */
  assert_names (admin, "doccano-12 (1), doccano-13 (2)");
  assert_names (all, "doccano-12 (1), doccano-13 (1), doccano-14 (1)");

  /* Label Studio: the uploaded file (without the digits Label Studio puts
   * in front), a title beside the text, the file of several tasks with
   * the task's id. */
  assert_names (tasks, "velayati.txt (1), Pezeshkian on Baku (1), tasks.json #3 (1)");
  assert_names (min, "task-1 (1), task-2 (2)");

  /* JSON-MIN's regions, with their annotator. */
  document = g_ptr_array_index (min->documents, 1);
  span = g_ptr_array_index (document->spans, 1);
  span_text = g_utf8_substring (document->text, span->start, span->end);
  g_assert_cmpstr (span_text, ==, "Baku");
  g_assert_cmpstr (span->label, ==, "Foreign government");
  g_assert_cmpstr (span->annotator, ==, "1");
}

/* JSON-MIN lists what Gloss does not read beside the regions (choices,
 * spans as doccano writes them); the report names them. */
static void
test_json_min_ignores_aloud (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "project-3-at-2026-03-01-08-00-11223344.json",
                                      "[{\"text\": \"Baku and Tehran\", \"id\": 4, "
                                      "\"topics\": [\"politics\"], \"spans\": [[0, 4, \"LOC\"]], "
                                      "\"label\": [{\"start\": 9, \"end\": 15, \"text\": \"Tehran\", "
                                      "\"labels\": [\"LOC\"]}], \"annotator\": \"ana@example.org\"}]");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GlossDatasetDocument *document;

  g_assert_true (gloss_format_detect (path, &error) == &gloss_format_labelstudio);
  dataset = gloss_format_read (&gloss_format_labelstudio, path, report, &error);
  g_assert_no_error (error);
  assert_names (dataset, "task-4 (1)");
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (((GlossDatasetSpan *) document->spans->pdata[0])->annotator, ==,
                   "ana@example.org");

  description = gloss_format_report_describe (report);
  g_assert_nonnull (strstr (description, "ignored 2 results (spans, topics)"));
}

/* The exports, imported with no format given: each one whole. */
static void
test_import_exports (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "corpus.gloss", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_project_open (project, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (exports) - 1; i++)
    g_ptr_array_add (paths, export_path (exports[i].name));
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (store, (const char * const *) paths->pdata, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (exports) - 1);
  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      g_assert_no_error (result->error);
      g_assert_cmpuint (result->report->documents, >, 0);
    }

  /* The same doccano document in two files of an export is one document,
   * its spans merged (the one both files hold, once). */
  ids = gloss_store_list_document_ids (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GlossDocument) document = gloss_store_get_document (store,
                                                                    g_array_index (ids, gint64, i),
                                                                    &error);

      g_assert_no_error (error);
      g_string_append_printf (names, "%s%s (%" G_GINT64_FORMAT ")", i > 0 ? ", " : "",
                              gloss_document_get_name (document),
                              gloss_document_get_span_count (document));
    }
  g_assert_cmpstr (names->str, ==,
                   "doccano-12 (1), doccano-13 (2), doccano-14 (1), velayati.txt (1), "
                   "Pezeshkian on Baku (1), tasks.json #3 (1), task-1 (1), task-2 (2), doc-1 (1), "
                   "doc-2 (1), velayati.txt (1)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, gloss_test_folder_set_up, func, gloss_test_folder_tear_down)

  ADD ("/gloss/format/detect/sniff", test_sniff);
  ADD ("/gloss/format/detect/sniff-cut-off", test_sniff_cut_off);
  ADD ("/gloss/format/detect/sniff-values", test_sniff_values);
  ADD ("/gloss/format/detect/long-first-record", test_detect_long_first_record);
  ADD ("/gloss/format/detect/reads-the-start", test_detect_reads_the_start);
  ADD ("/gloss/format/detect/exports", test_detect_exports);
  ADD ("/gloss/format/detect/falls-back-to-name", test_detect_falls_back_to_name);
  ADD ("/gloss/format/detect/export-names", test_export_names);
  ADD ("/gloss/format/detect/json-min-ignores-aloud", test_json_min_ignores_aloud);
  ADD ("/gloss/format/detect/import-exports", test_import_exports);

#undef ADD

  return g_test_run ();
}
