/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON dataset formats: Gloss JSONL, spaCy and Label Studio. Each export
 * of the hard-text dataset is read by Python the way the target tool reads
 * it (tests/check-export.py), read back by Gloss, and compared; bad files
 * are refused with a message naming the file and the place. */

#include "config.h"

#include "gloss-test-util.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-format.h"
#include "gloss-offsets.h"
#include "gloss-test-dataset.h"
#include "gloss-test-relations.h"

typedef GlossTestFolder Fixture;

/* What a format keeps of a span and a document, beyond offsets and label. */
typedef enum {
  CARRIES_NAMES      = 1 << 0,
  CARRIES_STATUS     = 1 << 1,
  CARRIES_ANNOTATORS = 1 << 2,
  CARRIES_NOTES      = 1 << 3,
  KEEPS_SPAN_ORDER   = 1 << 4,
} Carries;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
export_dataset (Fixture           *fixture,
                const GlossFormat *format,
                GlossDataset      *dataset,
                const char        *name,
                GlossFormatReport *report)
{
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);
  gboolean ok;

  ok = gloss_format_write_dataset (format, source, path, FALSE, report, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  return path;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* EXPECTED.json for check-export.py: per document, [phrase, label] pairs. */
static void
write_expected (const char   *path,
                GlossDataset *dataset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      json_builder_begin_array (builder);
      for (guint j = 0; j < document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (document->spans, j);
          g_autofree char *phrase = gloss_offsets_dup_range (document->text, span->start,
                                                             span->end);

          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, phrase);
          json_builder_add_string_value (builder, span->label);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

/* Runs tests/check-export.py, which slices the export with Python. */
static void
assert_python_reads (Fixture      *fixture,
                     const char   *format_name,
                     const char   *export_path,
                     GlossDataset *dataset)
{
  g_autofree char *expected_path = fixture_path (fixture, "EXPECTED.json");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-export.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", script, format_name, export_path, expected_path, NULL };
  int status = 0;

  write_expected (expected_path, dataset);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("check-export.py %s said:\n%s%s", format_name, out, err);
  g_assert_no_error (error);
}

static char *
describe_span (const GlossDatasetDocument *document,
               const GlossDatasetSpan     *span,
               Carries                     carries)
{
  g_autofree char *phrase = gloss_offsets_dup_range (document->text, span->start, span->end);

  return g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " “%s” %s annotator=%s note=%s",
                          span->start, span->end, phrase, span->label,
                          (carries & CARRIES_ANNOTATORS) ? span->annotator : "-",
                          (carries & CARRIES_NOTES) ? span->note : "-");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
describe_spans (const GlossDatasetDocument *document,
                Carries                     carries)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < document->spans->len; i++)
    g_ptr_array_add (lines, describe_span (document, g_ptr_array_index (document->spans, i),
                                           carries));

  /* Label Studio groups spans by annotator: compare them as a set. */
  if (!(carries & KEEPS_SPAN_ORDER))
    g_ptr_array_sort (lines, compare_strings);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The same documents, texts and spans; names, statuses, annotators and notes
 * where the format carries them (elsewhere: doc-N names, status new). */
static void
assert_same_documents (GlossDataset *expected,
                       GlossDataset *actual,
                       Carries       carries)
{
  g_assert_cmpuint (actual->documents->len, ==, expected->documents->len);

  for (guint i = 0; i < expected->documents->len; i++)
    {
      GlossDatasetDocument *want = g_ptr_array_index (expected->documents, i);
      GlossDatasetDocument *got = g_ptr_array_index (actual->documents, i);
      g_autofree char *want_spans = describe_spans (want, carries);
      g_autofree char *got_spans = describe_spans (got, carries);

      if (carries & CARRIES_NAMES)
        {
          g_assert_cmpstr (got->name, ==, want->name);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("doc-%u", i + 1);

          g_assert_cmpstr (got->name, ==, name);
        }

      g_assert_cmpstr (got->text, ==, want->text);
      g_assert_cmpint (got->status, ==,
                       (carries & CARRIES_STATUS) ? want->status : GLOSS_DOCUMENT_STATUS_NEW);
      g_assert_cmpstr (got_spans, ==, want_spans);

      for (guint j = 0; j < got->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (got->spans, j);

          g_assert_nonnull (gloss_dataset_find_label (actual, span->label));
          if (!(carries & CARRIES_ANNOTATORS))
            g_assert_cmpstr (span->annotator, ==, "");
          if (!(carries & CARRIES_NOTES))
            g_assert_cmpstr (span->note, ==, "");
        }
    }
}

static GlossDataset *
read_ok (const GlossFormat *format,
         const char        *path,
         GlossFormatReport *report)
{
  g_autoptr(GError) error = NULL;
  GlossDataset *dataset = format->read (path, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

/* Export -> read -> export gives the same bytes. */
static void
assert_round_trip_identical (Fixture           *fixture,
                             const GlossFormat *format,
                             const char        *first_name,
                             const char        *second_name)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) second_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *first = export_dataset (fixture, format, dataset, first_name, report);
  g_autofree char *second = NULL;
  g_autofree char *first_contents = NULL;
  g_autofree char *second_contents = NULL;

  read_back = read_ok (format, first, report);
  second = export_dataset (fixture, format, read_back, second_name, second_report);

  first_contents = read_file (first);
  second_contents = read_file (second);
  g_assert_cmpstr (second_contents, ==, first_contents);
}

static guint
count_spans_with (GlossDataset *dataset,
                  gboolean      notes)
{
  guint count = 0;

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      for (guint j = 0; j < document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (document->spans, j);

          count += (notes ? span->note : span->annotator)[0] != '\0';
        }
    }

  return count;
}

static guint
count_all_spans (GlossDataset *dataset)
{
  guint count = 0;

  for (guint i = 0; i < dataset->documents->len; i++)
    count += ((GlossDatasetDocument *) g_ptr_array_index (dataset->documents, i))->spans->len;

  return count;
}

static gboolean
report_warns (GlossFormatReport *report,
              const char        *first,
              const char        *second)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (report->warnings, i);

      if (strstr (warning, first) != NULL && (second == NULL || strstr (warning, second) != NULL))
        return TRUE;
    }

  return FALSE;
}

/* A small dataset whose exact export the tests spell out: a curly-quoted
 * phrase after an em dash, an emoji, CRLF, a note with a quote, and a label
 * that no span uses. */
static GlossDataset *
small_dataset_new (void)
{
  GlossDataset *dataset = gloss_dataset_new ();
  GlossDatasetLabel *label;
  GlossDatasetDocument *document;

  label = gloss_dataset_ensure_label (dataset, "L1");
  label->color = g_strdup ("#112233");
  g_free (label->hotkey);
  label->hotkey = g_strdup ("1");
  g_free (label->description);
  label->description = g_strdup ("d");
  gloss_dataset_ensure_label (dataset, "L2");

  document = gloss_dataset_add_document (dataset, "a.txt", "Café — “Ro” 👋\r\n");
  document->status = GLOSS_DOCUMENT_STATUS_DONE;
  gloss_dataset_document_add_span (document, 8, 10, "L1", "Ana", "n\"1");
  gloss_dataset_document_add_span (document, 12, 13, "L1", "", "");

  return dataset;
}

static void
assert_small_export (Fixture           *fixture,
                     const GlossFormat *format,
                     const char        *name,
                     const char        *expected)
{
  g_autoptr(GlossDataset) dataset = small_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export_dataset (fixture, format, dataset, name, report);
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (report->documents, ==, 1);
  g_assert_cmpuint (report->spans, ==, 2);
}

static void
test_registered (void)
{
  const GlossFormat * const *formats = gloss_format_list ();
  const GlossFormat *mine[] = { &gloss_format_gloss, &gloss_format_spacy,
                                &gloss_format_labelstudio };
  const char *extensions[] = { ".gloss.jsonl", ".spacy.json", ".labelstudio.json" };

  g_assert_true (gloss_format_lookup ("gloss") == &gloss_format_gloss);
  g_assert_true (gloss_format_lookup ("spacy") == &gloss_format_spacy);
  g_assert_true (gloss_format_lookup ("LabelStudio") == &gloss_format_labelstudio);

  for (guint i = 0; i < G_N_ELEMENTS (mine); i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; formats[j] != NULL; j++)
        listed |= formats[j] == mine[i];
      g_assert_true (listed);
      g_assert_true (mine[i]->target == GLOSS_FORMAT_TARGET_FILE);
      g_assert_nonnull (mine[i]->read);
      g_assert_nonnull (mine[i]->write);
      g_assert_cmpstr (mine[i]->extensions[0], ==, extensions[i]);
    }
}

/* Gloss JSONL */

static void
test_gloss_python (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export_dataset (fixture, &gloss_format_gloss, dataset,
                                          "corpus.gloss.jsonl", report);

  assert_python_reads (fixture, "gloss", path, dataset);
}

static void
test_gloss_read_back (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = export_dataset (fixture, &gloss_format_gloss, dataset,
                                          "corpus.gloss.jsonl", report);

  g_assert_cmpuint (report->documents, ==, dataset->documents->len);
  g_assert_cmpuint (report->spans, ==, count_all_spans (dataset));
  /* Native means nothing is lost. */
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);

  read_back = read_ok (&gloss_format_gloss, path, read_report);
  assert_same_documents (dataset, read_back, CARRIES_NAMES | CARRIES_STATUS | CARRIES_ANNOTATORS |
                                             CARRIES_NOTES | KEEPS_SPAN_ORDER);
  g_assert_cmpuint (read_report->warnings->len, ==, 0);

  g_assert_cmpuint (read_back->labels->len, ==, dataset->labels->len);
  for (guint i = 0; i < dataset->labels->len; i++)
    {
      GlossDatasetLabel *want = g_ptr_array_index (dataset->labels, i);
      GlossDatasetLabel *got = g_ptr_array_index (read_back->labels, i);

      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpstr (got->color, ==, want->color);
      g_assert_cmpstr (got->hotkey, ==, want->hotkey);
      g_assert_cmpstr (got->description, ==, want->description);
    }
}

static void
test_gloss_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  assert_round_trip_identical (fixture, &gloss_format_gloss, "first.gloss.jsonl",
                               "second.gloss.jsonl");
}

static void
test_gloss_exact (Fixture       *fixture,
                  gconstpointer  user_data)
{
  assert_small_export (fixture, &gloss_format_gloss, "small.gloss.jsonl",
                       "{\"gloss\": 1, \"labels\": ["
                       "{\"name\": \"L1\", \"color\": \"#112233\", \"hotkey\": \"1\", "
                       "\"description\": \"d\"}, "
                       "{\"name\": \"L2\", \"color\": null, \"hotkey\": \"\", "
                       "\"description\": \"\"}]}\n"
                       "{\"name\": \"a.txt\", \"status\": \"done\", "
                       "\"text\": \"Café — “Ro” 👋\\r\\n\", \"spans\": ["
                       "{\"start\": 8, \"end\": 10, \"label\": \"L1\", \"text\": \"Ro\", "
                       "\"annotator\": \"Ana\", \"note\": \"n\\\"1\"}, "
                       "{\"start\": 12, \"end\": 13, \"label\": \"L1\", \"text\": \"👋\", "
                       "\"annotator\": \"\", \"note\": \"\"}]}\n");
}

static void
test_gloss_empty_dataset (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = export_dataset (fixture, &gloss_format_gloss, dataset,
                                          "empty.gloss.jsonl", report);
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, "{\"gloss\": 1, \"labels\": []}\n");
  read_back = read_ok (&gloss_format_gloss, path, report);
  g_assert_cmpuint (read_back->documents->len, ==, 0);
  g_assert_cmpuint (read_back->labels->len, ==, 0);
}

/* spaCy */

static void
test_spacy_python (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export_dataset (fixture, &gloss_format_spacy, dataset, "train.json",
                                          report);

  assert_python_reads (fixture, "spacy", path, dataset);
}

static void
test_spacy_read_back (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = export_dataset (fixture, &gloss_format_spacy, dataset, "train.json",
                                          report);

  read_back = read_ok (&gloss_format_spacy, path, read_report);
  assert_same_documents (dataset, read_back, KEEPS_SPAN_ORDER);

  /* Said once, not once a document. */
  g_assert_cmpuint (read_report->warnings->len, ==, 1);
  g_assert_true (report_warns (read_report, "train.json", "doc-1 to doc-5"));
}

static void
test_spacy_lost (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export_dataset (fixture, &gloss_format_spacy, dataset, "train.json",
                                          report);

  g_assert_cmpuint (report->documents, ==, 5);
  g_assert_cmpuint (report->spans, ==, count_all_spans (dataset));
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document names"), ==, 5);
  /* Done, in progress, in progress; "new" is what a reader assumes anyway. */
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document statuses"), ==, 3);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "notes"), ==,
                    count_spans_with (dataset, TRUE));
  g_assert_cmpuint (gloss_format_report_count_lost (report, "annotator names"), ==,
                    count_spans_with (dataset, FALSE));
  g_assert_cmpuint (gloss_format_report_count_lost (report, "label colors"), ==, 4);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "label hotkeys"), ==, 2);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "label descriptions"), ==, 1);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "labels no span uses"), ==, 0);

  /* The IRGC's full name and "Guard" inside it; "Ali Akbar Velayati" and
   * "Velayati vowed". */
  g_assert_true (report_warns (report, "train.json", "4 spans overlap"));
}

static void
test_spacy_exact (Fixture       *fixture,
                  gconstpointer  user_data)
{
  assert_small_export (fixture, &gloss_format_spacy, "small.json",
                       "[\n"
                       "[\"Café — “Ro” 👋\\r\\n\", {\"entities\": "
                       "[[8, 10, \"L1\"], [12, 13, \"L1\"]]}]\n"
                       "]\n");
}

static void
test_spacy_empty_dataset (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = export_dataset (fixture, &gloss_format_spacy, dataset, "empty.json",
                                          report);
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, "[]\n");
  read_back = read_ok (&gloss_format_spacy, path, report);
  g_assert_cmpuint (read_back->documents->len, ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);
}

static void
test_spacy_other_annotations (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = fixture_path (fixture, "cats.json");
  GlossDatasetDocument *document;

  write_file (path,
              "[[\"Velayati 👋 objects\", {\"entities\": [[0, 8, \"Hardline camp\"]], "
              "\"cats\": {\"NEGATIVE\": 1.0, \"POSITIVE\": 0}, \"links\": {}}],\n"
              " [\"No entities here\", {\"cats\": {}}]]",
              -1);

  dataset = read_ok (&gloss_format_spacy, path, report);
  g_assert_cmpuint (dataset->documents->len, ==, 2);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->spans->len, ==, 1);
  g_assert_cmpstr (((GlossDatasetSpan *) g_ptr_array_index (document->spans, 0))->label, ==,
                   "Hardline camp");
  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpstr (document->name, ==, "doc-2");
  g_assert_cmpuint (document->spans->len, ==, 0);
  g_assert_cmpuint (document->categories->len, ==, 0);
  g_assert_true (report_warns (report, "cats.json", "not links"));
  g_assert_false (report_warns (report, "not cats", NULL));

  /* The cats are the first document's categories, all of them values of
   * the one set spaCy has. */
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->categories->len, ==, 1);
  g_assert_cmpstr (((GlossDatasetCategory *) document->categories->pdata[0])->set, ==,
                   "Category");
  g_assert_cmpstr (((GlossDatasetCategory *) document->categories->pdata[0])->value, ==,
                   "NEGATIVE");
  g_assert_cmpuint (((GlossDatasetCategorySet *) dataset->category_sets->pdata[0])->values->len,
                    ==, 2);
}

/* Label Studio */

static void
test_labelstudio_python (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export_dataset (fixture, &gloss_format_labelstudio, dataset,
                                          "tasks.json", report);

  assert_python_reads (fixture, "labelstudio", path, dataset);
}

static void
test_labelstudio_read_back (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = export_dataset (fixture, &gloss_format_labelstudio, dataset,
                                          "tasks.json", report);

  g_assert_cmpuint (report->documents, ==, 5);
  g_assert_cmpuint (report->spans, ==, count_all_spans (dataset));
  /* Notes, annotators, names and statuses travel; the label set's looks do not. */
  g_assert_cmpuint (gloss_format_report_count_lost (report, "notes"), ==, 0);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "annotator names"), ==, 0);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document names"), ==, 0);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "label colors"), ==, 4);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "label hotkeys"), ==, 2);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "label descriptions"), ==, 1);

  read_back = read_ok (&gloss_format_labelstudio, path, read_report);
  assert_same_documents (dataset, read_back, CARRIES_NAMES | CARRIES_STATUS | CARRIES_ANNOTATORS |
                                             CARRIES_NOTES);
  g_assert_cmpuint (read_report->warnings->len, ==, 0);
}

static void
test_labelstudio_round_trip (Fixture       *fixture,
                             gconstpointer  user_data)
{
  assert_round_trip_identical (fixture, &gloss_format_labelstudio, "first.json", "second.json");
}

static void
test_labelstudio_exact (Fixture       *fixture,
                        gconstpointer  user_data)
{
  assert_small_export (fixture, &gloss_format_labelstudio, "small.json",
                       "[\n"
                       "{\"id\": 1, \"data\": {\"text\": \"Café — “Ro” 👋\\r\\n\", "
                       "\"name\": \"a.txt\", \"gloss_status\": \"done\"}, \"annotations\": ["
                       "{\"completed_by\": \"Ana\", \"result\": ["
                       "{\"id\": \"r1\", \"from_name\": \"label\", \"to_name\": \"text\", "
                       "\"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 10, "
                       "\"text\": \"Ro\", \"labels\": [\"L1\"]}}, "
                       "{\"id\": \"r1\", \"from_name\": \"note\", \"to_name\": \"text\", "
                       "\"type\": \"textarea\", \"value\": {\"start\": 8, \"end\": 10, "
                       "\"text\": [\"n\\\"1\"]}}]}, "
                       "{\"result\": ["
                       "{\"id\": \"r2\", \"from_name\": \"label\", \"to_name\": \"text\", "
                       "\"type\": \"labels\", \"value\": {\"start\": 12, \"end\": 13, "
                       "\"text\": \"👋\", \"labels\": [\"L1\"]}}]}]}\n"
                       "]\n");
}

/* A file as Label Studio itself exports it: user ids and user objects,
 * several labels on one region, a note that comes before its region, the
 * task's Choices, a Rating Gloss ignores, predictions, no names. Offsets past emoji are code
 * points. */
static void
test_labelstudio_astral_offsets (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = fixture_path (fixture, "project-7-at-2025.json");
  g_autofree char *description = NULL;
  GlossDatasetDocument *document;

  write_file (path,
              "[{\"id\": 41, \"data\": {\"text\": \"Baku 🇦🇿 and Tehran 🇮🇷 trade barbs.\"},\n"
              "  \"annotations\": [\n"
              "    {\"id\": 7, \"completed_by\": 3, \"result\": [\n"
              "      {\"id\": \"Xa1\", \"from_name\": \"note\", \"to_name\": \"text\",\n"
              "       \"type\": \"textarea\", \"value\": {\"text\": [\"first\", \"second\"]}},\n"
              "      {\"id\": \"Xa1\", \"from_name\": \"label\", \"to_name\": \"text\",\n"
              "       \"type\": \"labels\",\n"
              "       \"value\": {\"start\": 0, \"end\": 4, \"text\": \"Baku\",\n"
              "       \"labels\": [\"Foreign government\", \"Hardline camp\"]}},\n"
              "      {\"id\": \"c1\", \"from_name\": \"tone\", \"to_name\": \"text\",\n"
              "       \"type\": \"choices\", \"value\": {\"choices\": [\"Negative\"]}},\n"
              "      {\"id\": \"s1\", \"from_name\": \"stars\", \"to_name\": \"text\",\n"
              "       \"type\": \"rating\", \"value\": {\"rating\": 4}}]},\n"
              "    {\"completed_by\": {\"id\": 5, \"email\": \"omid@example.org\"}, \"result\": [\n"
              "      {\"id\": \"b1\", \"type\": \"labels\",\n"
              "       \"value\": {\"start\": 12, \"end\": 21,\n"
              "                 \"labels\": [\"Hardline camp\"]}}]}],\n"
              "  \"predictions\": [{\"model_version\": \"ner-v2\", \"result\": [\n"
              "      {\"id\": \"p1\", \"type\": \"labels\",\n"
              "       \"value\": {\"start\": 12, \"end\": 18, \"text\": \"Tehran\",\n"
              "                 \"labels\": [\"Hardline camp\"]}}]}]}]\n",
              -1);

  dataset = read_ok (&gloss_format_labelstudio, path, report);
  g_assert_cmpuint (dataset->documents->len, ==, 1);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->name, ==, "task-41");
  g_assert_cmpint (document->status, ==, GLOSS_DOCUMENT_STATUS_NEW);

  description = describe_spans (document, CARRIES_ANNOTATORS | CARRIES_NOTES | KEEPS_SPAN_ORDER);
  g_assert_cmpstr (description, ==,
                   "0-4 “Baku” Foreign government annotator=3 note=first\nsecond\n"
                   "0-4 “Baku” Hardline camp annotator=3 note=first\nsecond\n"
                   "12-21 “Tehran 🇮🇷” Hardline camp annotator=omid@example.org note=\n"
                   "12-18 “Tehran” Hardline camp annotator=ner-v2 note=");

  g_assert_nonnull (gloss_dataset_find_label (dataset, "Foreign government"));
  g_assert_nonnull (gloss_dataset_find_label (dataset, "Hardline camp"));
  g_assert_true (report_warns (report, "project-7-at-2025.json", "1 prediction"));
  g_assert_true (report_warns (report, "project-7-at-2025.json", "task-ID"));
  /* The task's choices are the document's category in the set "tone";
   * what Gloss has no place for is named. */
  g_assert_cmpuint (document->categories->len, ==, 1);
  g_assert_cmpstr (((GlossDatasetCategory *) document->categories->pdata[0])->set, ==, "tone");
  g_assert_cmpstr (((GlossDatasetCategory *) document->categories->pdata[0])->value, ==,
                   "Negative");
  g_assert_nonnull (gloss_dataset_find_category_set (dataset, "tone"));
  g_assert_true (report_warns (report, "project-7-at-2025.json", "(rating)"));
  g_assert_false (report_warns (report, "project-7-at-2025.json", "choices"));
}

/* Relations, attributes and categories */

/* A document's relations as "TYPE: FROM -> TO (annotator)", its
 * categories as "SET=VALUE", and its spans' attributes. */
static char *
describe_extras (GlossDatasetDocument *document)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      g_autofree char *from = g_utf8_substring (document->text, relation->from->start,
                                                relation->from->end);
      g_autofree char *to = g_utf8_substring (document->text, relation->to->start,
                                              relation->to->end);

      g_string_append_printf (text, "%s: %s -> %s (%s)\n", relation->type, from, to,
                              relation->annotator);
    }
  for (guint i = 0; i < document->categories->len; i++)
    {
      GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);

      g_string_append_printf (text, "%s=%s\n", category->set, category->value);
    }
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autofree char *phrase = g_utf8_substring (document->text, span->start, span->end);

      for (guint j = 0; j < span->attributes->len; j++)
        {
          GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, j);

          g_string_append_printf (text, "%s %s: %s=%s\n", phrase, span->label, value->name,
                                  value->value);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GlossDatasetDocument *
find_document (GlossDataset *dataset,
               const char   *name)
{
  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      if (g_str_equal (document->name, name))
        return document;
    }

  g_assert_not_reached ();
}

static void
assert_same_extras (GlossDataset *expected,
                    GlossDataset *actual,
                    gboolean      sort_spans)
{
  g_assert_cmpuint (actual->documents->len, ==, expected->documents->len);
  for (guint i = 0; i < expected->documents->len; i++)
    {
      GlossDatasetDocument *want = g_ptr_array_index (expected->documents, i);
      GlossDatasetDocument *got = find_document (actual, want->name);
      g_autofree char *want_extras = NULL;
      g_autofree char *got_extras = NULL;

      /* Label Studio groups spans by annotator: in reading order both. */
      if (sort_spans)
        gloss_dataset_document_sort_spans (got);
      want_extras = describe_extras (want);
      got_extras = describe_extras (got);
      g_assert_cmpstr (got_extras, ==, want_extras);
    }
}

/* Export -> read -> export of the dataset with relations, attributes and
 * categories gives the same bytes, and the dataset read holds them all. */
static void
test_labelstudio_relations_round_trip (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new_with_relations ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) second_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *first = export_dataset (fixture, &gloss_format_labelstudio, dataset,
                                           "first.json", report);
  g_autofree char *second = NULL;
  g_autofree char *first_contents = NULL;
  g_autofree char *second_contents = NULL;
  GlossDatasetAttribute *attribute;
  GlossDatasetCategorySet *set;

  assert_python_reads (fixture, "labelstudio", first, dataset);
  /* The summary counts the relations written, as brat's does. */
  g_assert_cmpuint (gloss_test_dataset_count_relations (dataset), >, 0);
  g_assert_cmpuint (report->relations, ==, gloss_test_dataset_count_relations (dataset));
  g_assert_cmpuint (gloss_format_report_count_lost (report, "relation notes"), ==, 0);
  /* The labeling config, not the tasks, holds how a relation label looks. */
  g_assert_cmpuint (gloss_format_report_count_lost (report,
                                                    "relation label colors, hotkeys or "
                                                    "descriptions"), ==, 1);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span attribute definitions"), ==, 0);
  g_assert_cmpuint (gloss_format_report_count_lost (
                      report, "relations between spans of two annotators (a Label Studio "
                      "relation joins regions of one annotation)"), ==, 0);

  read_back = read_ok (&gloss_format_labelstudio, first, read_report);
  g_assert_cmpuint (read_report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (read_report->lost), ==, 0);
  second = export_dataset (fixture, &gloss_format_labelstudio, read_back, "second.json",
                           second_report);
  first_contents = read_file (first);
  second_contents = read_file (second);
  g_assert_cmpstr (second_contents, ==, first_contents);

  assert_same_extras (dataset, read_back, TRUE);

  /* The definitions as far as the tasks show them. */
  g_assert_true (gloss_dataset_find_relation_label (read_back, "opposes")->directed);
  g_assert_false (gloss_dataset_find_relation_label (read_back, "allied with")->directed);
  attribute = gloss_dataset_find_attribute (read_back, "negated");
  g_assert_cmpint (attribute->kind, ==, GLOSS_ATTRIBUTE_KIND_FLAG);
  g_assert_cmpuint (attribute->values->len, ==, 0);
  attribute = gloss_dataset_find_attribute (read_back, "certainty");
  g_assert_cmpint (attribute->kind, ==, GLOSS_ATTRIBUTE_KIND_CHOICE);
  g_assert_cmpuint (attribute->values->len, ==, 2);
  g_assert_cmpint (gloss_dataset_find_attribute (read_back, "source")->kind, ==,
                   GLOSS_ATTRIBUTE_KIND_TEXT);
  set = gloss_dataset_find_category_set (read_back, "Topics");
  g_assert_true (set->multiple);
  set = gloss_dataset_find_category_set (read_back, "Stance");
  g_assert_false (set->multiple);
}

static void
test_labelstudio_relations_exact (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_small_relations_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export_dataset (fixture, &gloss_format_labelstudio, dataset,
                                          "small.json", report);
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==,
                   "[\n"
                   "{\"id\": 1, \"data\": {\"text\": \"Velayati opposes Alili.\", "
                   "\"name\": \"a.txt\", \"gloss_status\": \"new\"}, \"annotations\": ["
                   "{\"result\": ["
                   "{\"id\": \"r1\", \"from_name\": \"label\", \"to_name\": \"text\", "
                   "\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 8, "
                   "\"text\": \"Velayati\", \"labels\": [\"H\"]}}, "
                   "{\"id\": \"r1\", \"from_name\": \"negated\", \"to_name\": \"text\", "
                   "\"type\": \"choices\", \"value\": {\"start\": 0, \"end\": 8, "
                   "\"choices\": [\"true\"]}}, "
                   "{\"id\": \"r2\", \"from_name\": \"label\", \"to_name\": \"text\", "
                   "\"type\": \"labels\", \"value\": {\"start\": 17, \"end\": 22, "
                   "\"text\": \"Alili\", \"labels\": [\"R\"]}}, "
                   "{\"id\": \"r2\", \"from_name\": \"certainty\", \"to_name\": \"text\", "
                   "\"type\": \"choices\", \"value\": {\"start\": 17, \"end\": 22, "
                   "\"choices\": [\"high\"]}}, "
                   "{\"id\": \"r2\", \"from_name\": \"source\", \"to_name\": \"text\", "
                   "\"type\": \"textarea\", \"value\": {\"start\": 17, \"end\": 22, "
                   "\"text\": [\"speech\"]}}, "
                   "{\"from_id\": \"r1\", \"to_id\": \"r2\", \"type\": \"relation\", "
                   "\"direction\": \"right\", \"labels\": [\"opposes\"]}, "
                   "{\"from_name\": \"Stance\", \"to_name\": \"text\", \"type\": \"choices\", "
                   "\"value\": {\"choices\": [\"opposed\"]}}, "
                   "{\"from_name\": \"Topics\", \"to_name\": \"text\", \"type\": \"choices\", "
                   "\"value\": {\"choices\": [\"trade\", \"security\"]}}]}]}\n"
                   "]\n");
}

/* A text attribute named "note" would come back as the span's note: it
 * is counted as lost instead. */
static void
test_labelstudio_attribute_named_note (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_small_relations_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = NULL;
  GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, 0);
  GlossDatasetSpan *span;

  gloss_dataset_ensure_attribute (dataset, "note", GLOSS_ATTRIBUTE_KIND_TEXT);
  gloss_dataset_span_set_attribute (g_ptr_array_index (document->spans, 0), "note", "x");
  path = export_dataset (fixture, &gloss_format_labelstudio, dataset, "note.json", report);
  g_assert_cmpuint (gloss_format_report_count_lost (
                      report, "values of a text attribute named “note” (Label Studio keeps the "
                      "note there)"), ==, 1);

  read_back = read_ok (&gloss_format_labelstudio, path, read_report);
  document = g_ptr_array_index (read_back->documents, 0);
  span = g_ptr_array_index (document->spans, 0);
  g_assert_cmpstr (span->note, ==, "");
  g_assert_null (gloss_dataset_span_get_attribute (span, "note"));
  g_assert_cmpstr (gloss_dataset_span_get_attribute (span, "negated"), ==, "true");
}

/* What Label Studio's own export holds: a project file's name, relations
 * "left" and "bi", per-region choices and text, the task's choices in
 * two results of one set, predictions with their own relations. */
static void
test_labelstudio_real_export (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = fixture_path (fixture, "project-1-at-2026-01-01-10-00-abcdef12.json");
  g_autofree char *extras = NULL;
  GlossDatasetDocument *document;

  write_file (path,
              "[{\"id\": 12, \"data\": {\"text\": \"Velayati and Pezeshkian 👋 disagree.\"},\n"
              "  \"annotations\": [{\"id\": 30, \"completed_by\": 1, \"result\": [\n"
              "    {\"value\": {\"start\": 0, \"end\": 8, \"text\": \"Velayati\", "
              "\"labels\": [\"Hardline camp\"]},\n"
              "     \"id\": \"aB3x\", \"from_name\": \"label\", \"to_name\": \"text\", "
              "\"type\": \"labels\", \"origin\": \"manual\"},\n"
              "    {\"value\": {\"start\": 13, \"end\": 23, \"text\": \"Pezeshkian\", "
              "\"labels\": [\"Reformist camp\"]},\n"
              "     \"id\": \"Zq9\", \"from_name\": \"label\", \"to_name\": \"text\", "
              "\"type\": \"labels\"},\n"
              "    {\"value\": {\"start\": 0, \"end\": 8, \"choices\": [\"high\"]},\n"
              "     \"id\": \"aB3x\", \"from_name\": \"certainty\", \"to_name\": \"text\", "
              "\"type\": \"choices\"},\n"
              "    {\"value\": {\"start\": 13, \"end\": 23, \"text\": [\"said so\", \"twice\"]},\n"
              "     \"id\": \"Zq9\", \"from_name\": \"quote\", \"to_name\": \"text\", "
              "\"type\": \"textarea\"},\n"
              "    {\"from_id\": \"Zq9\", \"to_id\": \"aB3x\", \"type\": \"relation\", "
              "\"direction\": \"left\", \"labels\": [\"opposes\"]},\n"
              "    {\"from_id\": \"aB3x\", \"to_id\": \"Zq9\", \"type\": \"relation\", "
              "\"direction\": \"bi\", \"labels\": [\"talks to\", \"rivals\"]},\n"
              "    {\"from_id\": \"aB3x\", \"to_id\": \"Zq9\", \"type\": \"relation\", "
              "\"direction\": \"right\", \"labels\": []},\n"
              "    {\"value\": {\"choices\": [\"security\"]}, \"id\": \"k1\", "
              "\"from_name\": \"topics\", \"to_name\": \"text\", \"type\": \"choices\"},\n"
              "    {\"value\": {\"choices\": [\"trade\"]}, \"id\": \"k2\", "
              "\"from_name\": \"topics\", \"to_name\": \"text\", \"type\": \"choices\"}]}],\n"
              "  \"predictions\": [{\"model_version\": \"rel-v1\", \"result\": [\n"
              "    {\"value\": {\"start\": 26, \"end\": 35, \"text\": \"disagree.\", "
              "\"labels\": [\"Hardline camp\"]}, \"id\": \"p1\", \"type\": \"labels\"},\n"
              "    {\"value\": {\"start\": 0, \"end\": 8, \"text\": \"Velayati\", "
              "\"labels\": [\"Hardline camp\"]}, \"id\": \"p2\", \"type\": \"labels\"},\n"
              "    {\"from_id\": \"p2\", \"to_id\": \"p1\", \"type\": \"relation\", "
              "\"labels\": [\"says\"]}]}]}]\n",
              -1);

  dataset = read_ok (&gloss_format_labelstudio, path, report);
  g_assert_cmpuint (dataset->documents->len, ==, 1);
  document = g_ptr_array_index (dataset->documents, 0);
  extras = describe_extras (document);
  g_assert_cmpstr (extras, ==,
                   "opposes: Velayati -> Pezeshkian (1)\n"
                   "talks to: Velayati -> Pezeshkian (1)\n"
                   "rivals: Velayati -> Pezeshkian (1)\n"
                   "says: Velayati -> disagree. (rel-v1)\n"
                   "topics=security\n"
                   "topics=trade\n"
                   "Velayati Hardline camp: certainty=high\n"
                   "Pezeshkian Reformist camp: quote=said so\ntwice\n");
  g_assert_true (gloss_dataset_find_relation_label (dataset, "opposes")->directed);
  g_assert_false (gloss_dataset_find_relation_label (dataset, "rivals")->directed);
  g_assert_true (gloss_dataset_find_category_set (dataset, "topics")->multiple);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "relations without a label"), ==, 1);
  g_assert_true (report_warns (report, "project-1-at-2026-01-01-10-00-abcdef12.json",
                               "1 prediction"));
}

/* One annotation with 50,000 regions, each with an attribute and a
 * relation, and 50,000 task choices, reads in time that grows with it:
 * regions and choices are found by hash. */
static void
test_labelstudio_huge (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const guint n = 50000;
  g_autoptr(GString) file = g_string_new ("[{\"data\": {\"text\": \"");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = fixture_path (fixture, "huge.json");
  GlossDatasetDocument *document;

  for (guint i = 0; i < n; i++)
    g_string_append (file, "ab ");
  g_string_append (file, "\"}, \"annotations\": [{\"result\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (file, "%s{\"id\": \"r%u\", \"type\": \"labels\", \"value\": "
                            "{\"start\": %u, \"end\": %u, \"labels\": [\"L\"]}}, "
                            "{\"id\": \"r%u\", \"from_name\": \"a\", \"type\": \"choices\", "
                            "\"value\": {\"choices\": [\"v%u\"]}}, "
                            "{\"from_name\": \"set\", \"type\": \"choices\", "
                            "\"value\": {\"choices\": [\"c%u\"]}}",
                            i > 0 ? ", " : "", i, 3 * i, 3 * i + 2, i, i % 100, i);
  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (file, ", {\"from_id\": \"r%u\", \"to_id\": \"r%u\", "
                            "\"type\": \"relation\", \"labels\": [\"next\"]}", i, i + 1);
  g_string_append (file, "]}]}]\n");
  write_file (path, file->str, file->len);

  dataset = read_ok (&gloss_format_labelstudio, path, report);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->spans->len, ==, n);
  g_assert_cmpuint (document->relations->len, ==, n - 1);
  g_assert_cmpuint (document->categories->len, ==, n);
  g_assert_cmpuint (gloss_dataset_find_attribute (dataset, "a")->values->len, ==, 100);
}

/* spaCy's cats: one-hot for a set of one choice, any number for a set of
 * several, a set the document chose nothing from left out. */
static void
test_spacy_cats_exact (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_small_relations_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) read_back = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *extras = NULL;
  GlossDatasetDocument *document;

  document = gloss_dataset_add_document (dataset, "b.txt", "Nothing chosen.");
  gloss_dataset_document_add_category (document, "Topics", "trade");
  path = export_dataset (fixture, &gloss_format_spacy, dataset, "cats.json", report);
  contents = read_file (path);
  assert_python_reads (fixture, "spacy", path, dataset);

  g_assert_cmpstr (contents, ==,
                   "[\n"
                   "[\"Velayati opposes Alili.\", {\"entities\": [[0, 8, \"H\"], [17, 22, \"R\"]], "
                   "\"cats\": {\"supportive\": 0.0, \"opposed\": 1.0, \"mixed\": 0.0, "
                   "\"trade\": 1.0, \"security\": 1.0}}],\n"
                   "[\"Nothing chosen.\", {\"entities\": [], "
                   "\"cats\": {\"trade\": 1.0, \"security\": 0.0}}]\n"
                   "]\n");
  g_assert_cmpuint (gloss_format_report_count_lost (report, "relations"), ==, 1);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span attribute values"), ==, 3);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "category set names"), ==, 2);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span attribute definitions"), ==, 3);

  /* Read back: one set, every cat a value, those of 1.0 chosen. */
  read_back = read_ok (&gloss_format_spacy, path, read_report);
  extras = describe_extras (g_ptr_array_index (read_back->documents, 0));
  g_assert_cmpstr (extras, ==, "Category=opposed\nCategory=trade\nCategory=security\n");
  g_assert_cmpuint (((GlossDatasetCategorySet *)
                     read_back->category_sets->pdata[0])->values->len, ==, 5);
  g_assert_true (((GlossDatasetCategorySet *) read_back->category_sets->pdata[0])->multiple);
}

/* Two sets with a value of the same name: the keys stay apart. */
static void
test_spacy_cats_shared_name (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GlossDatasetDocument *document;

  gloss_dataset_category_set_ensure_value (gloss_dataset_ensure_category_set (dataset, "Tone"),
                                           "none");
  gloss_dataset_category_set_ensure_value (gloss_dataset_ensure_category_set (dataset, "Topic"),
                                           "none");
  document = gloss_dataset_add_document (dataset, "a.txt", "Quiet.");
  gloss_dataset_document_add_category (document, "Tone", "none");
  gloss_dataset_document_add_category (document, "Topic", "none");
  path = export_dataset (fixture, &gloss_format_spacy, dataset, "shared.json", report);
  contents = read_file (path);

  g_assert_cmpstr (contents, ==,
                   "[\n[\"Quiet.\", {\"entities\": [], "
                   "\"cats\": {\"Tone/none\": 1.0, \"Topic/none\": 1.0}}]\n]\n");
}

/* Bad input: every reader refuses it whole, naming the file and the place. */

typedef struct
{
  const GlossFormat *format;
  const char *file_name;
  const char *contents;
  gsize length;           /* 0: up to the NUL */
  GlossFormatError code;
  const char *where;      /* the line or JSON path the message must name */
  const char *what;       /* and what it must say about it */
} BadInput;

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  const BadInput *bad = user_data;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, bad->file_name);
  g_autofree char *where = NULL;

  write_file (path, bad->contents, bad->length > 0 ? (gssize) bad->length : -1);

  dataset = bad->format->read (path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, (int) bad->code);

  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad->file_name));
  g_assert_nonnull (strstr (error->message, bad->what));

  /* An encoding error names the byte where Python's decoder would stop. */
  if (bad->code == GLOSS_FORMAT_ERROR_ENCODING)
    {
      gsize length = bad->length > 0 ? bad->length : strlen (bad->contents);
      const char *invalid = NULL;

      g_utf8_validate_len (bad->contents, length, &invalid);
      where = g_strdup_printf ("%s: %s %" G_GSIZE_FORMAT, bad->where, bad->what,
                               (gsize) (invalid - bad->contents));
    }
  else if (bad->where != NULL)
    {
      where = g_strdup_printf ("%s: ", bad->where);
    }

  if (where != NULL)
    g_assert_nonnull (strstr (error->message, where));
}

/* json-glib quotes the string it stopped at, cut to 36 bytes here, which
 * splits the "é": the message a user reads is still UTF-8, and still
 * names the file and the place. */
static void
test_bad_message_utf8 (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "cut.json");

  write_file (path, "[[\"Iranian President Masoud Pezeshkian était là\" \"x\"]]\n", -1);

  dataset = gloss_format_spacy.read (path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "cut.json, line 1, column "));
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
}

/* json-glib takes "\u" with fewer than four hexadecimal digits after it, and
 * C's octal escapes, and makes bytes that are not UTF-8 of them: the file
 * is refused, naming the place, in every JSON format. */
static void
test_bad_escape (Fixture       *fixture,
                               gconstpointer  user_data)
{
  static const struct {
    const GlossFormat *format;
    const char *file_name;
    const char *contents;
    const char *where;
  } inputs[] = {
    { &gloss_format_gloss, "short.gloss.jsonl",
      "{\"gloss\": 1, \"labels\": []}\n{\"name\": \"a\", \"text\": \"x\\ud8Uy\"}\n",
      "line 2, column 25" },
    { &gloss_format_spacy, "short.json", "[[\"Tehran \\u41\", {\"entities\": []}]]\n",
      "line 1, column 11" },
    { &gloss_format_labelstudio, "short.json", "[{\"data\": {\"text\": \"\\u\"}}]\n",
      "line 1, column 21" },
    { &gloss_format_doccano, "short.doccano.jsonl", "{\"text\": \"ab\\u0\"}\n", "line 1" },
    { &gloss_format_spacy, "octal.json", "[[\"Caf\\351\", {\"entities\": []}]]\n",
      "line 1, column 7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
      g_autoptr(GlossDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = fixture_path (fixture, inputs[i].file_name);

      write_file (path, inputs[i].contents, -1);
      dataset = inputs[i].format->read (path, report, &error);
      g_assert_null (dataset);
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, inputs[i].file_name));
      g_assert_nonnull (strstr (error->message, inputs[i].where));
      g_assert_nonnull (strstr (error->message, "this backslash starts no JSON escape"));
    }
}

#define GLOSS_HEADER "{\"gloss\": 1, \"labels\": [{\"name\": \"L\", \"color\": null}]}\n"
#define GLOSS_SPAN(s) "{\"name\": \"a\", \"status\": \"new\", \"text\": \"Pezeshkian 👋\", " \
  "\"spans\": [" s "]}\n"
#define GLOSS_NUL GLOSS_HEADER "{\"name\": \"a\", \"text\": \"Pe\0zeshkian\"}\n"
#define SPACY_ENTITY(e) "[[\"Pezeshkian 👋\", {\"entities\": [" e "]}]]\n"
#define LS_RELATION(r) "[{\"id\": 1, \"data\": {\"text\": \"Velayati opposes Alili\"}, " \
  "\"annotations\": [{\"result\": [" \
  "{\"id\": \"x\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 8, " \
  "\"labels\": [\"H\"]}}, " r ", " \
  "{\"id\": \"y\", \"type\": \"labels\", \"value\": {\"start\": 17, \"end\": 22, " \
  "\"labels\": [\"R\"]}}]}]}]\n"
#define LS_RESULT(v) "[{\"id\": 1, \"data\": {\"text\": \"The corridor — branded the " \
  "“Trump Route.” Iranian President Masoud Pezeshkian\"}, \"annotations\": [{\"result\": [" \
  "{\"id\": \"x\", \"type\": \"labels\", \"value\": " v "}]}]}]\n"

static const BadInput bad_inputs[] = {
  /* Gloss JSONL */
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER "{\"name\": \"a\", \"text\": \"abc\",, }\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "line 2, column 28", "not valid JSON" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER GLOSS_SPAN ("{\"start\": 11, \"end\": 13, \"label\": \"L\"}"), 0,
    GLOSS_FORMAT_ERROR_SPAN, "line 2, spans[0]", "lies outside the text, which has 12 characters" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER GLOSS_SPAN ("{\"start\": 10, \"end\": 3, \"label\": \"L\"}"), 0,
    GLOSS_FORMAT_ERROR_SPAN, "line 2, spans[0]", "span 10-3 ends before it starts" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER "{\"name\": \"a\", \"text\": \"abc\", \"spans\": {\"start\": 0}}\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "line 2", "“spans” should be an array, not an object" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER "{\"name\": \"a\", \"text\": \"Pezeshkian \xff\"}\n", 0,
    GLOSS_FORMAT_ERROR_ENCODING, "line 2", "not valid UTF-8 at byte" },
  { &gloss_format_gloss, "bad.gloss.jsonl", GLOSS_NUL, sizeof (GLOSS_NUL) - 1,
    GLOSS_FORMAT_ERROR_ENCODING, "line 2", "a NUL byte at byte" },
  /* The span's own text says the offsets count something else. */
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER
    GLOSS_SPAN ("{\"start\": 0, \"end\": 10, \"label\": \"L\", \"text\": \"Pezeshkia\"}"),
    0, GLOSS_FORMAT_ERROR_SPAN, "line 2, spans[0]", "is not the text at 0-10 (“Pezeshkian”)" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    "{\"text\": \"abc\", \"label\": [[0, 1, \"L\"]]}\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "line 1", "not a Gloss dataset" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    "{\"gloss\": 4, \"labels\": []}\n", 0,
    GLOSS_FORMAT_ERROR_UNSUPPORTED, "line 1", "newer Gloss" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    GLOSS_HEADER "[\"a\", \"abc\"]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "line 2", "expected an object, found an array" },
  { &gloss_format_gloss, "bad.gloss.jsonl",
    "\n\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, NULL, "the file is empty" },

  /* spaCy */
  { &gloss_format_spacy, "train.json",
    "[\n  [\"abc\", {\"entities\": [[0, 1 \"L\"]]}]\n]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "line 2, column 29", "not valid JSON" },
  { &gloss_format_spacy, "train.json",
    SPACY_ENTITY ("[11, 13, \"L\"]"), 0,
    GLOSS_FORMAT_ERROR_SPAN, "[0][1].entities[0]", "lies outside the text" },
  { &gloss_format_spacy, "train.json",
    SPACY_ENTITY ("[10, 3, \"L\"]"), 0,
    GLOSS_FORMAT_ERROR_SPAN, "[0][1].entities[0]", "span 10-3 ends before it starts" },
  { &gloss_format_spacy, "train.json",
    "[[\"abc\", {\"entities\": {\"L\": [0, 1]}}]]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "[0][1]", "“entities” should be an array, not an object" },
  { &gloss_format_spacy, "train.json",
    "[[\"Pezeshkian \xc3\", {\"entities\": []}]]\n", 0,
    GLOSS_FORMAT_ERROR_ENCODING, "line 1", "not valid UTF-8 at byte" },
  { &gloss_format_spacy, "train.json",
    SPACY_ENTITY ("[0, 10]"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "[0][1].entities[0]", "[start, end, \"LABEL\"]" },
  { &gloss_format_spacy, "train.json",
    SPACY_ENTITY ("[\"0\", 10, \"L\"]"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "[0][1].entities[0][0]", "expected a whole number, found a string" },
  { &gloss_format_spacy, "train.json",
    "{\"text\": \"abc\", \"entities\": []}\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, NULL, "expected a list of [\"TEXT\", {\"entities\": [...]}]" },

  /* Label Studio */
  { &gloss_format_labelstudio, "tasks.json",
    "[\n{\"data\": {\"text\": \"abc\"}, \"annotations\": [}\n]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "line 2, column 43", "not valid JSON" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RESULT ("{\"start\": 70, \"end\": 99, \"labels\": [\"L\"]}"), 0,
    GLOSS_FORMAT_ERROR_SPAN, "tasks[0].annotations[0].result[0]", "lies outside the text" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RESULT ("{\"start\": 40, \"end\": 38, \"labels\": [\"L\"]}"), 0,
    GLOSS_FORMAT_ERROR_SPAN, "tasks[0].annotations[0].result[0]",
    "span 40-38 ends before it starts" },
  { &gloss_format_labelstudio, "tasks.json",
    "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": {\"id\": \"x\"}}]}]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0]",
    "“result” should be an array, not an object" },
  { &gloss_format_labelstudio, "tasks.json",
    "[{\"data\": {\"text\": \"abc\"}},\n {\"data\": {\"text\": \"Pezeshkian \xed\xa0\x80\"}}]\n", 0,
    GLOSS_FORMAT_ERROR_ENCODING, "line 2", "not valid UTF-8 at byte" },
  { &gloss_format_labelstudio, "tasks.json",
    "[{\"data\": {\"content\": \"abc\"}}]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].data", "“text” is missing" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RESULT ("{\"start\": \"5\", \"end\": 8, \"labels\": [\"L\"]}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[0].value",
    "“start” should be a whole number, not a string" },
  /* A Label Studio that counted JavaScript's UTF-16 units: "Tehran" sits at
   * code points 12-18, but the flag before it is two astral characters. */
  { &gloss_format_labelstudio, "tasks.json",
    "[{\"data\": {\"text\": \"Baku 🇦🇿 and Tehran trade barbs.\"}, \"annotations\": [{\"result\": ["
    "{\"id\": \"x\", \"type\": \"labels\", \"value\": {\"start\": 14, \"end\": 20, "
    "\"text\": \"Tehran\", \"labels\": [\"L\"]}}]}]}]\n", 0,
    GLOSS_FORMAT_ERROR_SPAN, "tasks[0].annotations[0].result[0]", "counted in code points" },
  { &gloss_format_labelstudio, "tasks.json",
    "{\"data\": {\"text\": \"abc\"}}\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, NULL, "expected a list of tasks, found an object" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"from_id\": \"x\", \"to_id\": \"gone\", \"type\": \"relation\", "
                 "\"labels\": [\"opposes\"]}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1]",
    "“to_id” “gone” is the id of no labeled region of this annotation" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"from_id\": \"x\", \"to_id\": \"x\", \"type\": \"relation\", "
                 "\"labels\": [\"opposes\"]}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1]",
    "the relation joins the region “x” to itself" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"from_id\": 1, \"to_id\": \"x\", \"type\": \"relation\"}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1]",
    "“from_id” should be a string, not a whole number" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"from_id\": \"x\", \"to_id\": \"y\", \"type\": \"relation\", "
                 "\"labels\": \"opposes\"}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1]",
    "“labels” should be an array, not a string" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"from_id\": \"x\", \"to_id\": \"y\", \"type\": \"relation\", "
                 "\"direction\": \"up\", \"labels\": [\"opposes\"]}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1]",
    "“direction” should be right, left or bi, not “up”" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"from_name\": \"tone\", \"type\": \"choices\", "
                 "\"value\": {\"choices\": \"opposed\"}}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1].value",
    "“choices” should be an array, not a string" },
  { &gloss_format_labelstudio, "tasks.json",
    LS_RELATION ("{\"id\": \"x\", \"from_name\": \"certainty\", \"type\": \"choices\", "
                 "\"value\": {\"choices\": [3]}}"), 0,
    GLOSS_FORMAT_ERROR_PARSE, "tasks[0].annotations[0].result[1].value.choices[0]",
    "expected a string, found a whole number" },

  /* spaCy's cats */
  { &gloss_format_spacy, "train.json",
    "[[\"abc\", {\"entities\": [], \"cats\": [\"opposed\"]}]]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "[0][1]", "“cats” should be an object, not an array" },
  { &gloss_format_spacy, "train.json",
    "[[\"abc\", {\"entities\": [], \"cats\": {\"opposed\": \"yes\"}}]]\n", 0,
    GLOSS_FORMAT_ERROR_PARSE, "[0][1].cats", "the score of “opposed” should be a number, not a string" },
};

static const char * const bad_input_names[] = {
  "/gloss/format/gloss/bad/invalid-json",
  "/gloss/format/gloss/bad/past-end",
  "/gloss/format/gloss/bad/inverted",
  "/gloss/format/gloss/bad/unknown-structure",
  "/gloss/format/gloss/bad/invalid-utf8",
  "/gloss/format/gloss/bad/nul-byte",
  "/gloss/format/gloss/bad/text-mismatch",
  "/gloss/format/gloss/bad/not-gloss",
  "/gloss/format/gloss/bad/newer-version",
  "/gloss/format/gloss/bad/not-an-object",
  "/gloss/format/gloss/bad/empty",
  "/gloss/format/spacy/bad/invalid-json",
  "/gloss/format/spacy/bad/past-end",
  "/gloss/format/spacy/bad/inverted",
  "/gloss/format/spacy/bad/unknown-structure",
  "/gloss/format/spacy/bad/invalid-utf8",
  "/gloss/format/spacy/bad/short-entity",
  "/gloss/format/spacy/bad/string-offset",
  "/gloss/format/spacy/bad/not-a-list",
  "/gloss/format/labelstudio/bad/invalid-json",
  "/gloss/format/labelstudio/bad/past-end",
  "/gloss/format/labelstudio/bad/inverted",
  "/gloss/format/labelstudio/bad/unknown-structure",
  "/gloss/format/labelstudio/bad/invalid-utf8",
  "/gloss/format/labelstudio/bad/no-text",
  "/gloss/format/labelstudio/bad/string-offset",
  "/gloss/format/labelstudio/bad/utf16-offsets",
  "/gloss/format/labelstudio/bad/not-a-list",
  "/gloss/format/labelstudio/bad/relation-missing-region",
  "/gloss/format/labelstudio/bad/relation-to-itself",
  "/gloss/format/labelstudio/bad/relation-number-id",
  "/gloss/format/labelstudio/bad/relation-labels-string",
  "/gloss/format/labelstudio/bad/relation-direction",
  "/gloss/format/labelstudio/bad/choices-string",
  "/gloss/format/labelstudio/bad/choice-number",
  "/gloss/format/spacy/bad/cats-list",
  "/gloss/format/spacy/bad/cat-string",
};

G_STATIC_ASSERT (G_N_ELEMENTS (bad_inputs) == G_N_ELEMENTS (bad_input_names));

/* The formats without discontinuous spans write each part of one as a
 * span of its own, with the label, and say so in the report. */
static void
test_parts_written_as_spans (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const struct
  {
    const GlossFormat *format;
    const char *name;
  } formats[] = {
    { &gloss_format_doccano, "out.doccano.jsonl" },
    { &gloss_format_labelstudio, "out.labelstudio.json" },
    { &gloss_format_spacy, "out.spacy.json" },
    { &gloss_format_csv, "out.csv" },
    { &gloss_format_conll, "out.conll" },
  };
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *document = gloss_dataset_add_document (dataset, "a.txt",
                                                               "Iran said Tehran would.");
  GlossDatasetSpan *first;
  GlossDatasetSpan *part;

  gloss_dataset_ensure_label (dataset, "Actor");
  gloss_dataset_ensure_label (dataset, "Speech");
  first = gloss_dataset_document_add_span (document, 0, 4, "Actor", NULL, NULL);
  gloss_dataset_document_add_span (document, 5, 9, "Speech", NULL, NULL);
  part = gloss_dataset_document_add_span (document, 10, 16, "Actor", NULL, NULL);
  part->part_of = first;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
      g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
      g_autoptr(GlossDataset) read = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = export_dataset (fixture, formats[i].format, dataset, formats[i].name,
                                              report);
      g_autofree char *described = gloss_format_report_describe (report);
      GlossDatasetDocument *read_document;

      g_assert_cmpuint (gloss_format_report_count_lost (report, "discontinuous spans written as "
                                                                "their parts"), ==, 1);
      if (strstr (described, "1 discontinuous span written as its parts") == NULL)
        g_error ("%s: “%s” does not say the discontinuous span was cut", formats[i].name,
                 described);

      /* Each part is a span of its own, with the label: a row each in
       * CSV, which Gloss does not read back. */
      if (formats[i].format == &gloss_format_csv)
        {
          g_autofree char *contents = read_file (path);
          g_auto(GStrv) rows = g_strsplit (contents, "\n", -1);
          guint n_actors = 0;

          for (guint j = 0; rows[j] != NULL; j++)
            n_actors += strstr (rows[j], "Actor") != NULL;
          g_assert_cmpuint (n_actors, ==, 2);
          g_assert_nonnull (strstr (contents, "Tehran"));
          continue;
        }
      read = formats[i].format->read (path, read_report, &error);
      g_assert_no_error (error);
      read_document = g_ptr_array_index (read->documents, 0);
      g_assert_cmpuint (read_document->spans->len, ==, 3);
      for (guint j = 0; j < read_document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (read_document->spans, j);

          g_assert_null (span->part_of);
          if (span->start == 10)
            {
              g_assert_cmpint (span->end, ==, 16);
              g_assert_cmpstr (span->label, ==, "Actor");
            }
        }
    }
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gloss_test_folder_set_up, func, gloss_test_folder_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/format/json/registered", test_registered);
  ADD_TEST ("/gloss/format/parts-written-as-spans", test_parts_written_as_spans);

  ADD_TEST ("/gloss/format/gloss/python-reads-export", test_gloss_python);
  ADD_TEST ("/gloss/format/gloss/read-back", test_gloss_read_back);
  ADD_TEST ("/gloss/format/gloss/round-trip-identical", test_gloss_round_trip);
  ADD_TEST ("/gloss/format/gloss/exact-bytes", test_gloss_exact);
  ADD_TEST ("/gloss/format/gloss/empty-dataset", test_gloss_empty_dataset);

  ADD_TEST ("/gloss/format/spacy/python-reads-export", test_spacy_python);
  ADD_TEST ("/gloss/format/spacy/read-back", test_spacy_read_back);
  ADD_TEST ("/gloss/format/spacy/lost-and-overlapping", test_spacy_lost);
  ADD_TEST ("/gloss/format/spacy/exact-bytes", test_spacy_exact);
  ADD_TEST ("/gloss/format/spacy/empty-dataset", test_spacy_empty_dataset);
  ADD_TEST ("/gloss/format/spacy/other-annotations", test_spacy_other_annotations);
  ADD_TEST ("/gloss/format/spacy/bad/message-utf8", test_bad_message_utf8);
  ADD_TEST ("/gloss/format/json/bad/escape", test_bad_escape);

  ADD_TEST ("/gloss/format/labelstudio/python-reads-export", test_labelstudio_python);
  ADD_TEST ("/gloss/format/labelstudio/read-back", test_labelstudio_read_back);
  ADD_TEST ("/gloss/format/labelstudio/round-trip-identical", test_labelstudio_round_trip);
  ADD_TEST ("/gloss/format/labelstudio/exact-bytes", test_labelstudio_exact);
  ADD_TEST ("/gloss/format/labelstudio/astral-offsets", test_labelstudio_astral_offsets);
  ADD_TEST ("/gloss/format/labelstudio/relations/round-trip-identical",
            test_labelstudio_relations_round_trip);
  ADD_TEST ("/gloss/format/labelstudio/relations/exact-bytes", test_labelstudio_relations_exact);
  ADD_TEST ("/gloss/format/labelstudio/relations/real-export", test_labelstudio_real_export);
  ADD_TEST ("/gloss/format/labelstudio/relations/attribute-named-note",
            test_labelstudio_attribute_named_note);
  ADD_TEST ("/gloss/format/labelstudio/relations/huge", test_labelstudio_huge);
  ADD_TEST ("/gloss/format/spacy/cats/exact-bytes", test_spacy_cats_exact);
  ADD_TEST ("/gloss/format/spacy/cats/shared-name", test_spacy_cats_shared_name);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    g_test_add (bad_input_names[i], Fixture, &bad_inputs[i], gloss_test_folder_set_up,
                test_bad_input, gloss_test_folder_tear_down);

  return g_test_run ();
}
