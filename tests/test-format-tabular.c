/* SPDX-License-Identifier: GPL-3.0-or-later */

/* doccano, CSV and plain text: each export is read back by Python
 * (tests/check-export-tabular.py) as spaCy's and doccano's users would, and
 * the formats Gloss can read are read back by Gloss too. */

#include "config.h"

#include "gloss-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-format.h"
#include "gloss-test-dataset.h"
#include "gloss-test-relations.h"

typedef GlossTestFolder Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
write_fixture_file (Fixture    *fixture,
                    const char *name,
                    const char *contents,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

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

/* Writes DATASET as FORMAT to NAME in the fixture's folder. */
static char *
export (Fixture            *fixture,
        GlossDataset       *dataset,
        const char         *format_name,
        const char         *name,
        GlossFormatReport  *report)
{
  const GlossFormat *format = gloss_format_lookup (format_name);
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_assert_nonnull (format);
  g_assert_true (gloss_format_write_dataset (format, source, path, FALSE, report, &error));
  g_assert_no_error (error);

  return path;
}

/* What the export must hold, for Python: each document's name and text,
 * and its spans as [text, label, annotator, note] in order. */
static char *
write_expected (Fixture      *fixture,
                GlossDataset *dataset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, "EXPECTED.json");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, document->name);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, document->text);
      json_builder_set_member_name (builder, "spans");
      json_builder_begin_array (builder);
      for (guint j = 0; j < document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (document->spans, j);
          g_autofree char *text = NULL;

          text = g_utf8_substring (document->text, span->start, span->end);
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, text);
          json_builder_add_string_value (builder, span->label);
          json_builder_add_string_value (builder, span->annotator);
          json_builder_add_string_value (builder, span->note);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  return path;
}

/* Runs the Python check; its complaints are the test's failure message. */
static void
assert_python_reads (const char *format_name,
                     const char *exported,
                     const char *expected)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-export-tabular.py", NULL);
  const char *argv[] = { "python3", script, format_name, exported, expected, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s%s", out, err);
      g_assert_cmpstr (err, ==, "");
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static GlossDataset *
read_back (const char         *format_name,
           const char         *path,
           GlossFormatReport  *report)
{
  g_autoptr(GError) error = NULL;
  GlossDataset *dataset;

  dataset = gloss_format_read (gloss_format_lookup (format_name), path, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

static void
assert_same_spans (GlossDatasetDocument *original,
                   GlossDatasetDocument *read)
{
  g_assert_cmpuint (read->spans->len, ==, original->spans->len);
  for (guint j = 0; j < original->spans->len; j++)
    {
      GlossDatasetSpan *a = g_ptr_array_index (original->spans, j);
      GlossDatasetSpan *b = g_ptr_array_index (read->spans, j);

      g_assert_cmpint (b->start, ==, a->start);
      g_assert_cmpint (b->end, ==, a->end);
      g_assert_cmpstr (b->label, ==, a->label);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The label set as a sorted list: a format that names labels only in its
 * spans gives them in the order they first appear. */
static char *
sorted_label_names (GlossDataset *dataset)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < dataset->labels->len; i++)
    g_ptr_array_add (names, ((GlossDatasetLabel *) g_ptr_array_index (dataset->labels, i))->name);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

/* doccano */

static void
test_doccano_python (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "doccano", "data.doccano.jsonl", report);
  g_autofree char *expected = write_expected (fixture, dataset);

  assert_python_reads ("doccano", path, expected);

  g_assert_cmpuint (report->documents, ==, 5);
  g_assert_cmpuint (report->spans, ==, 14);
  /* What doccano has no place for is counted, not dropped in silence. */
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span notes"), ==, 4);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span annotators"), ==, 11);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document statuses"), ==, 3);
  g_assert_cmpuint (gloss_format_report_count_lost (report,
                                                    "label colors, hotkeys and descriptions"),
                    ==, 4);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "labels with no spans"), ==, 0);
}

static void
test_doccano_round_trip (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "doccano", "data.doccano.jsonl", report);
  g_autoptr(GlossDataset) read = read_back ("doccano", path, read_report);
  g_autofree char *original_labels = sorted_label_names (dataset);
  g_autofree char *read_labels = sorted_label_names (read);

  g_assert_cmpuint (read->documents->len, ==, dataset->documents->len);
  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *original = g_ptr_array_index (dataset->documents, i);
      GlossDatasetDocument *document = g_ptr_array_index (read->documents, i);

      g_assert_cmpstr (document->name, ==, original->name);
      g_assert_cmpstr (document->text, ==, original->text);
      assert_same_spans (original, document);
    }
  g_assert_cmpstr (read_labels, ==, original_labels);
  g_assert_cmpuint (read_report->documents, ==, 5);
  g_assert_cmpuint (read_report->spans, ==, 14);
}

/* "Tehran 🇮🇷" is code points 12-21 but UTF-16 units 14-25: the flag before
 * it and the one inside it are two surrogate pairs each. */
static void
test_doccano_astral_offsets (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "doccano", "data.doccano.jsonl", report);
  g_autofree char *contents = read_file (path);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GlossDatasetDocument *emoji = g_ptr_array_index (dataset->documents, 1);
  GlossDatasetSpan *tehran = g_ptr_array_index (emoji->spans, 1);

  g_assert_cmpint (tehran->start, ==, 12);
  g_assert_cmpint (tehran->end, ==, 21);
  g_assert_nonnull (strstr (lines[1], "[14,25,\"Hardline camp\"]"));
  /* Non-ASCII is written as UTF-8, not as \u escapes. */
  g_assert_nonnull (strstr (lines[1], "Tehran 🇮🇷"));
  g_assert_nonnull (strstr (lines[3], "\\r\\n"));
}

static void
test_doccano_entities_form (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossDatasetDocument *document;
  GlossDatasetSpan *span;

  path = write_fixture_file (fixture, "export.doccano.jsonl",
                             "\xEF\xBB\xBF{\"id\": 7, \"text\": \"Hi 👋 Velayati and Alili\", "
                             "\"entities\": [{\"id\": 1, \"label\": \"Hardline camp\", "
                             "\"start_offset\": 6, \"end_offset\": 14}, {\"id\": 2, \"label\": "
                             "\"Reformist camp\", \"start_offset\": 19, \"end_offset\": 24}], "
                             "\"relations\": [{\"id\": 1, \"from_id\": 1, \"to_id\": 2, "
                             "\"type\": \"opposes\"}], \"Comments\": []}\r\n"
                             "\r\n"
                             "{\"data\": \"old doccano\", "
                             "\"label\": [[0, 3, \"Foreign government\"]]}\r\n",
                             -1);
  dataset = read_back ("doccano", path, report);

  g_assert_cmpuint (dataset->documents->len, ==, 2);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->name, ==, "doccano-7");
  g_assert_cmpuint (document->spans->len, ==, 2);
  span = g_ptr_array_index (document->spans, 0);
  g_assert_cmpint (span->start, ==, 5);
  g_assert_cmpint (span->end, ==, 13);
  g_assert_cmpstr (span->label, ==, "Hardline camp");
  span = g_ptr_array_index (document->spans, 1);
  g_assert_cmpint (span->start, ==, 18);
  g_assert_cmpint (span->end, ==, 23);

  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpstr (document->name, ==, "export-3");
  g_assert_cmpstr (document->text, ==, "old doccano");

  g_assert_cmpuint (dataset->labels->len, ==, 3);
  /* The relation joins the entities by their ids: Velayati opposes Alili. */
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->relations->len, ==, 1);
  {
    GlossDatasetRelation *relation = g_ptr_array_index (document->relations, 0);

    g_assert_cmpstr (relation->type, ==, "opposes");
    g_assert_true (relation->from == g_ptr_array_index (document->spans, 0));
    g_assert_true (relation->to == g_ptr_array_index (document->spans, 1));
  }
  g_assert_nonnull (gloss_dataset_find_relation_label (dataset, "opposes"));
  g_assert_cmpuint (gloss_format_report_count_lost (report, "relations"), ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);
}

/* Each bad file is refused whole, with a message that names it and the
 * line. */
static void
assert_doccano_refused (Fixture    *fixture,
                        const char *contents,
                        gssize      len,
                        gint        code,
                        const char *message)
{
  g_autofree char *path = write_fixture_file (fixture, "data.doccano.jsonl", contents, len);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;

  dataset = gloss_format_read (&gloss_format_doccano, path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

#define GOOD_LINE \
  "{\"text\": \"Velayati vowed to block the corridor.\", \"label\": [[0, 8, \"H\"]]}\n"

static void
test_doccano_invalid_json (Fixture       *fixture,
                           gconstpointer  user_data)
{
  assert_doccano_refused (fixture, GOOD_LINE "{\"text\": \"x\", \"label\": [[0, 1, \"H\"],}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 2: not valid JSON at column 37: "
                          "Parse error: unexpected character `}', expected character `]'");
  assert_doccano_refused (fixture, GOOD_LINE "[1, 2]\n", -1, GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 2: expected an object with a "
                          "“text”");
  assert_doccano_refused (fixture, GOOD_LINE "{\"label\": []}\n", -1, GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 2: no “text”");
  assert_doccano_refused (fixture, "{\"text\": 12}\n", -1, GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: “text” is not a string");
  assert_doccano_refused (fixture, "{\"text\": \"abc\", \"label\": [[0, 1, \"\"]]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: span 0-1 has an empty label");
  assert_doccano_refused (fixture, GOOD_LINE "{\"text\": \"x\", \"label\": [[0, \"1\", \"H\"]]}",
                          -1, GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 2: label 1 is not "
                          "[start, end, \"LABEL\"]");
}

static void
test_doccano_span_past_end (Fixture       *fixture,
                            gconstpointer  user_data)
{
  assert_doccano_refused (fixture,
                          GOOD_LINE "{\"text\": \"Tehran 🇮🇷\", \"label\": [[7, 12, \"H\"]]}", -1,
                          GLOSS_FORMAT_ERROR_SPAN,
                          "doccano file data.doccano.jsonl, line 2: span 7-12 lies outside the "
                          "text, which is 11 UTF-16 units long");
}

static void
test_doccano_inverted (Fixture       *fixture,
                       gconstpointer  user_data)
{
  assert_doccano_refused (fixture, GOOD_LINE GOOD_LINE
                          "{\"text\": \"Ali Akbar Velayati vowed to block the corridor.\", "
                          "\"label\": [[40, 38, \"H\"]]}\n",
                          -1, GLOSS_FORMAT_ERROR_SPAN,
                          "doccano file data.doccano.jsonl, line 3: span 40-38 ends before it "
                          "starts");
  assert_doccano_refused (fixture, "{\"text\": \"abc\", \"label\": [[1, 1, \"H\"]]}\n", -1,
                          GLOSS_FORMAT_ERROR_SPAN,
                          "doccano file data.doccano.jsonl, line 1: span 1-1 is empty");
}

/* Unit 4 is the second half of 👋: no code point starts there. */
static void
test_doccano_inside_surrogate (Fixture       *fixture,
                               gconstpointer  user_data)
{
  assert_doccano_refused (fixture, "{\"text\": \"Hi 👋 Tehran\", \"entities\": [{\"label\": \"H\", "
                          "\"start_offset\": 4, \"end_offset\": 12}]}\n",
                          -1, GLOSS_FORMAT_ERROR_SPAN,
                          "doccano file data.doccano.jsonl, line 1: span 4-12: UTF-16 offset 4 "
                          "falls inside a character outside the Basic Multilingual Plane");
}

static void
test_doccano_invalid_utf8 (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *message = NULL;

  /* The é is the 14th byte of line 2. */
  message = g_strdup_printf ("“data.doccano.jsonl” is not valid UTF-8 text: invalid byte 0xE9 at "
                             "byte %" G_GSIZE_FORMAT " (line 2)", strlen (GOOD_LINE) + 13);
  assert_doccano_refused (fixture, GOOD_LINE "{\"text\": \"Caf\xE9\"}\n", -1,
                          GLOSS_FORMAT_ERROR_ENCODING, message);
  /* Valid UTF-8 bytes, but an escape that names half a character. */
  assert_doccano_refused (fixture, "{\"text\": \"x \\ud83d y\"}\n", -1,
                          GLOSS_FORMAT_ERROR_ENCODING,
                          "doccano file data.doccano.jsonl, line 1, column 13: a string holds "
                          "\\ud83d, half of a UTF-16 surrogate pair, which is not a character");
  assert_doccano_refused (fixture, "{\"text\": \"cut\\u0000 short\"}\n", -1,
                          GLOSS_FORMAT_ERROR_ENCODING,
                          "doccano file data.doccano.jsonl, line 1, column 14: a string holds a "
                          "NUL character (\\u0000)");
}

/* json-glib quotes the token it stopped at cut to 36 bytes here, which
 * splits the "é": the message is still UTF-8, and names file and line. */
static void
test_doccano_message_utf8 (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;

  path = write_fixture_file (fixture, "data.doccano.jsonl",
                             GOOD_LINE "{\"Iranian President Masoud Pezeshkian était\" 1}\n", -1);
  dataset = gloss_format_read (&gloss_format_doccano, path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "doccano file data.doccano.jsonl, line 2: "
                                   "not valid JSON at column "));
}

/* doccano: relations and categories */

static void
test_doccano_relations_exact (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_small_relations_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GlossDatasetDocument *document;
  GlossDatasetSpan *alili, *velayati;

  /* Entity and relation ids count through the whole file. */
  document = gloss_dataset_add_document (dataset, "b.txt", "Alili answers Velayati.");
  alili = gloss_dataset_document_add_span (document, 0, 5, "R", "", "a note");
  velayati = gloss_dataset_document_add_span (document, 14, 22, "H", "Omid", "");
  gloss_dataset_document_add_relation (document, "opposes", alili, velayati, "Omid", "why");
  path = export (fixture, dataset, "doccano", "small.doccano.jsonl", report);
  contents = read_file (path);

  g_assert_cmpstr (contents, ==,
                   "{\"text\":\"Velayati opposes Alili.\",\"entities\":["
                   "{\"id\":1,\"label\":\"H\",\"start_offset\":0,\"end_offset\":8},"
                   "{\"id\":2,\"label\":\"R\",\"start_offset\":17,\"end_offset\":22}],"
                   "\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":2,\"type\":\"opposes\"}],"
                   "\"cats\":[\"opposed\",\"trade\",\"security\"],\"name\":\"a.txt\"}\n"
                   "{\"text\":\"Alili answers Velayati.\",\"entities\":["
                   "{\"id\":3,\"label\":\"R\",\"start_offset\":0,\"end_offset\":5},"
                   "{\"id\":4,\"label\":\"H\",\"start_offset\":14,\"end_offset\":22}],"
                   "\"relations\":[{\"id\":2,\"from_id\":3,\"to_id\":4,\"type\":\"opposes\"}],"
                   "\"name\":\"b.txt\"}\n");
  /* What doccano has no place for is counted. */
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span attribute values"), ==, 3);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "relation notes"), ==, 1);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "relation annotators"), ==, 1);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "category set names"), ==, 2);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span notes"), ==, 1);
}

/* Export -> read -> export gives the same bytes, with relations and
 * categories; the relations join the same phrases. */
static void
test_doccano_relations_round_trip (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new_with_relations ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) second_report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "doccano", "first.doccano.jsonl", report);
  g_autoptr(GlossDataset) read = read_back ("doccano", path, read_report);
  g_autofree char *second = export (fixture, read, "doccano", "second.doccano.jsonl",
                                    second_report);
  g_autofree char *first_contents = read_file (path);
  g_autofree char *second_contents = read_file (second);
  g_autofree char *expected = write_expected (fixture, dataset);
  GlossDatasetCategorySet *set;

  g_assert_cmpstr (second_contents, ==, first_contents);
  assert_python_reads ("doccano", path, expected);
  /* The summary counts the relations written, as brat's does. */
  g_assert_cmpuint (gloss_test_dataset_count_relations (dataset), >, 0);
  g_assert_cmpuint (report->relations, ==, gloss_test_dataset_count_relations (dataset));

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *original = g_ptr_array_index (dataset->documents, i);
      GlossDatasetDocument *document = g_ptr_array_index (read->documents, i);

      assert_same_spans (original, document);
      g_assert_cmpuint (document->relations->len, ==, original->relations->len);
      for (guint j = 0; j < original->relations->len; j++)
        {
          GlossDatasetRelation *want = g_ptr_array_index (original->relations, j);
          GlossDatasetRelation *got = g_ptr_array_index (document->relations, j);

          g_assert_cmpstr (got->type, ==, want->type);
          g_assert_cmpint (got->from->start, ==, want->from->start);
          g_assert_cmpint (got->from->end, ==, want->from->end);
          g_assert_cmpint (got->to->start, ==, want->to->start);
          g_assert_cmpint (got->to->end, ==, want->to->end);
        }
      g_assert_cmpuint (document->categories->len, ==, original->categories->len);
      for (guint j = 0; j < original->categories->len; j++)
        {
          GlossDatasetCategory *want = g_ptr_array_index (original->categories, j);
          GlossDatasetCategory *got = g_ptr_array_index (document->categories, j);

          /* doccano has no sets: one set, "Category". */
          g_assert_cmpstr (got->set, ==, "Category");
          g_assert_cmpstr (got->value, ==, want->value);
        }
    }
  g_assert_nonnull (gloss_dataset_find_relation_label (read, "allied with"));
  set = gloss_dataset_find_category_set (read, "Category");
  g_assert_nonnull (set);
  g_assert_true (set->multiple);
  g_assert_cmpuint (set->values->len, ==, 4);
}

/* doccano's text classification export: a list of plain strings. */
static void
test_doccano_classification (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossDatasetDocument *document;
  GlossDatasetCategory *category;

  path = write_fixture_file (fixture, "classes.doccano.jsonl",
                             "{\"id\": 3, \"text\": \"The corridor must not open.\", "
                             "\"label\": [\"opposed\"]}\n"
                             "{\"id\": 4, \"text\": \"Trade, at last.\", "
                             "\"label\": [\"supportive\", [0, 5, \"Topic\"]], \"cats\": [\"trade\"]}\n",
                             -1);
  dataset = read_back ("doccano", path, report);
  g_assert_cmpuint (dataset->documents->len, ==, 2);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->categories->len, ==, 1);
  category = g_ptr_array_index (document->categories, 0);
  g_assert_cmpstr (category->set, ==, "Category");
  g_assert_cmpstr (category->value, ==, "opposed");
  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpuint (document->spans->len, ==, 1);
  g_assert_cmpuint (document->categories->len, ==, 2);
  g_assert_cmpstr (((GlossDatasetCategory *) document->categories->pdata[1])->value, ==, "trade");
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
}

#define ENTITIES \
  "{\"text\": \"Velayati opposes Alili\", \"entities\": [" \
  "{\"id\": 10, \"label\": \"H\", \"start_offset\": 0, \"end_offset\": 8}, " \
  "{\"id\": 11, \"label\": \"R\", \"start_offset\": 17, \"end_offset\": 22}]"

static void
test_doccano_bad_relations (Fixture       *fixture,
                            gconstpointer  user_data)
{
  assert_doccano_refused (fixture, GOOD_LINE ENTITIES ", \"relations\": [{\"id\": 1, "
                          "\"from_id\": 10, \"to_id\": 12, \"type\": \"opposes\"}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 2: relation 1: “to_id” 12 is "
                          "the id of no entity of this line");
  assert_doccano_refused (fixture, ENTITIES ", \"relations\": [{\"id\": 1, "
                          "\"from_id\": 11, \"to_id\": 11, \"type\": \"opposes\"}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: relation 1 joins entity 11 "
                          "to itself");
  assert_doccano_refused (fixture, ENTITIES ", \"relations\": [{\"id\": 1, "
                          "\"from_id\": \"10\", \"to_id\": 11, \"type\": \"opposes\"}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: relation 1 needs “from_id” "
                          "and “to_id” as whole numbers and “type” as a string");
  assert_doccano_refused (fixture, ENTITIES ", \"relations\": [{\"from_id\": 10, \"to_id\": 11, "
                          "\"type\": \"\"}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: relation 1 has an empty type");
  assert_doccano_refused (fixture, ENTITIES ", \"relations\": {\"from_id\": 10}}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: “relations” is not a list");
  /* A relation of one line names the entities of its line only. */
  assert_doccano_refused (fixture, ENTITIES "}\n"
                          "{\"text\": \"x\", \"relations\": [{\"from_id\": 10, \"to_id\": 11, "
                          "\"type\": \"opposes\"}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 2: relation 1: “from_id” 10 is "
                          "the id of no entity of this line");
  assert_doccano_refused (fixture, "{\"text\": \"Velayati opposes Alili\", \"entities\": ["
                          "{\"id\": 1, \"label\": \"H\", \"start_offset\": 0, \"end_offset\": 8}, "
                          "{\"id\": 1, \"label\": \"R\", \"start_offset\": 17, "
                          "\"end_offset\": 22}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: entity 2 has the id 1 of an "
                          "earlier entity");
  assert_doccano_refused (fixture, "{\"text\": \"abc\", \"entities\": [{\"id\": [1], "
                          "\"label\": \"H\", \"start_offset\": 0, \"end_offset\": 1}]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: entity 1: “id” is not a "
                          "whole number");
  assert_doccano_refused (fixture, "{\"text\": \"abc\", \"cats\": \"opposed\"}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: “cats” is not a list");
  assert_doccano_refused (fixture, "{\"text\": \"abc\", \"cats\": [\"opposed\", 2]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: category 2 of “cats” is not "
                          "a string");
  assert_doccano_refused (fixture, "{\"text\": \"abc\", \"label\": [\"\"]}\n", -1,
                          GLOSS_FORMAT_ERROR_PARSE,
                          "doccano file data.doccano.jsonl, line 1: category 1 of “label” is "
                          "empty");
}

/* One line with 100,000 entities, relations and categories reads in
 * time that grows with it: ids and choices are found by hash. */
static void
test_doccano_huge_line (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const guint n = 100000;
  g_autoptr(GString) line = g_string_new ("{\"text\": \"");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = NULL;
  GlossDatasetDocument *document;

  for (guint i = 0; i < n; i++)
    g_string_append (line, "ab ");
  g_string_append (line, "\", \"entities\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (line, "%s{\"id\": %u, \"label\": \"L\", \"start_offset\": %u, "
                            "\"end_offset\": %u}", i > 0 ? ", " : "", n - i, 3 * i, 3 * i + 2);
  g_string_append (line, "], \"relations\": [");
  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (line, "%s{\"from_id\": %u, \"to_id\": %u, \"type\": \"next\"}",
                            i > 0 ? ", " : "", n - i, n - i - 1);
  g_string_append (line, "], \"cats\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (line, "%s\"c%u\"", i > 0 ? ", " : "", i % (n / 2));
  g_string_append (line, "]}\n");

  path = write_fixture_file (fixture, "huge.doccano.jsonl", line->str, line->len);
  dataset = read_back ("doccano", path, report);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->spans->len, ==, n);
  g_assert_cmpuint (document->relations->len, ==, n - 1);
  g_assert_cmpuint (document->categories->len, ==, n / 2);
  g_assert_true (((GlossDatasetRelation *) document->relations->pdata[0])->from ==
                 document->spans->pdata[0]);
}

/* CSV */

static void
test_csv_python (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  /* A document with no spans has no row, but is counted. */
  gloss_dataset_add_document (dataset, "empty.txt", "Nothing labeled here.");
  path = export (fixture, dataset, "csv", "spans.csv", report);
  g_ptr_array_remove_index (dataset->documents, dataset->documents->len - 1);
  expected = write_expected (fixture, dataset);

  assert_python_reads ("csv", path, expected);

  g_assert_cmpuint (report->documents, ==, 6);
  g_assert_cmpuint (report->spans, ==, 14);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "documents with no spans"), ==, 1);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span notes"), ==, 0);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document statuses"), ==, 3);
}

/* Commas, quotes and line breaks in a field are quoted; nothing else is. */
static void
test_csv_quoting (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossDatasetDocument *document;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  document = gloss_dataset_add_document (dataset, "a, \"b\".txt", "Baku,\r\n\"Tehran\" — 😠 ok");
  gloss_dataset_document_add_span (document, 7, 15, "Foreign, government", "", "said \"no\"\nthen");
  gloss_dataset_document_add_span (document, 0, 4, "Foreign government", "Omid", "");
  path = export (fixture, dataset, "csv", "quoted.csv", report);
  contents = read_file (path);

  g_assert_cmpstr (contents, ==,
                   "document,start,end,label,text,left_context,right_context,annotator,note\n"
                   "\"a, \"\"b\"\".txt\",7,15,\"Foreign, government\",\"\"\"Tehran\"\"\","
                   "\"Baku,\r\n\", — 😠 ok,,\"said \"\"no\"\"\nthen\"\n"
                   "\"a, \"\"b\"\".txt\",0,4,Foreign government,Baku,,"
                   "\",\r\n\"\"Tehran\"\" — 😠 ok\",Omid,\n");
}

/* A text cell that a spreadsheet would run as a formula (=, +, -, @, a tab
 * or a carriage return first) starts with a "'", in quotes; so does one
 * that starts with "'", so that one quote off gives any cell back. The
 * offsets are numbers and stay as they are. */
static void
test_csv_formulas (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossDatasetDocument *document;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;

  document = gloss_dataset_add_document (dataset, "@list.txt", "=1+2 is -3");
  gloss_dataset_document_add_span (document, 0, 4, "-neg", "+me", "@note");
  gloss_dataset_document_add_span (document, 8, 10, "Safe", "'quote", "\ttab");
  document = gloss_dataset_add_document (dataset, "plain.txt",
                                         "=HYPERLINK(\"http://x.test\",\"open\")\r\nok");
  gloss_dataset_document_add_span (document, 0, 34, "Link", "", "\rcr");
  gloss_dataset_document_add_span (document, 36, 38, "Ok", "", "");
  path = export (fixture, dataset, "csv", "formulas.csv", report);
  contents = read_file (path);

  g_assert_cmpstr (contents, ==,
                   "document,start,end,label,text,left_context,right_context,annotator,note\n"
                   "\"'@list.txt\",0,4,\"'-neg\",\"'=1+2\",, is -3,\"'+me\",\"'@note\"\n"
                   "\"'@list.txt\",8,10,Safe,\"'-3\",\"'=1+2 is \",,\"''quote\",\"'\ttab\"\n"
                   "plain.txt,0,34,Link,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"open\"\")\","
                   ",\"'\r\nok\",,\"'\rcr\"\n"
                   "plain.txt,36,38,Ok,ok,"
                   "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"open\"\")\r\n\",,,\n");

  /* Python's csv, one quote off, gives the text[start:end] of each span. */
  expected = write_expected (fixture, dataset);
  assert_python_reads ("csv", path, expected);
}

static void
test_csv_read_unsupported (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const GlossFormat write_only = { "write-only", "Write-only", NULL,
                                          GLOSS_FORMAT_TARGET_FILE, NULL, NULL };
  g_autofree char *path = write_fixture_file (fixture, "spans.csv", "document,start\n", -1);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;

  dataset = gloss_format_read (gloss_format_lookup ("csv"), path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED);
  /* What is wrong is that Gloss does not read CSV at all, not that some
   * documents are missing. */
  {
    g_autofree char *expected = g_strdup_printf ("CSV file %s: Gloss writes CSV for reading in a "
                                                 "spreadsheet and does not read it back, since a "
                                                 "row holds a span and 40 characters around it, "
                                                 "not its document; import the documents with "
                                                 "their spans as Gloss JSONL, doccano, spaCy, "
                                                 "Label Studio, brat or CoNLL instead", path);

    g_assert_cmpstr (error->message, ==, expected);
    g_assert_null (strstr (error->message, "import the documents first"));
  }
  g_clear_error (&error);

  dataset = gloss_format_read (&write_only, path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "Gloss cannot read Write-only");
}

/* A span that does not fit its text fails the export, and leaves no file
 * that would lie about the document. */
static void
test_csv_bad_span (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "bad.csv");
  GlossDatasetDocument *document;

  document = gloss_dataset_add_document (dataset, "short.txt", "Baku");
  gloss_dataset_document_add_span (document, 2, 9, "Foreign government", "", "");

  g_assert_false (gloss_format_write_dataset (&gloss_format_csv, source, path, FALSE, report,
                                              &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN);
  g_assert_cmpstr (error->message, ==,
                   "Document “short.txt”: span 2-9 lies outside the text, which has 4 characters");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* How many entries FOLDER holds: an export leaves no temporaries. */
static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

/* Each attribute the project defines is a column of the span rows; the
 * relations go into NAME.relations.csv beside them. */
static void
test_csv_relations (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_small_relations_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *relations_path = fixture_path (fixture, "spans.relations.csv");

  gloss_dataset_ensure_attribute (dataset, "note", GLOSS_ATTRIBUTE_KIND_TEXT);
  path = export (fixture, dataset, "csv", "spans.csv", report);
  contents = read_file (path);
  relations = read_file (relations_path);

  g_assert_cmpstr (contents, ==,
                   "document,start,end,label,text,left_context,right_context,annotator,note,"
                   "negated,certainty,source,note (attribute)\n"
                   "a.txt,0,8,H,Velayati,, opposes Alili.,,,true,,,\n"
                   "a.txt,17,22,R,Alili,Velayati opposes ,.,,,,high,speech,\n");
  g_assert_cmpstr (relations, ==,
                   "document,type,from_start,from_end,from_text,to_start,to_end,to_text,"
                   "annotator,note\n"
                   "a.txt,opposes,0,8,Velayati,17,22,Alili,,\n");
  g_clear_pointer (&contents, g_free);
  contents = write_expected (fixture, dataset);
  assert_python_reads ("csv", path, contents);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document categories"), ==, 3);
}

/* The relations file is written with the spans file, whole or not at all,
 * and replaced only with force. */
static void
test_csv_relations_file_exists (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_small_relations_new ();
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "out.csv");
  g_autofree char *relations_path = fixture_path (fixture, "out.relations.csv");
  g_autofree char *message = NULL;
  g_autofree char *contents = NULL;

  g_free (write_fixture_file (fixture, "out.relations.csv", "mine\n", -1));
  g_assert_false (gloss_format_write_dataset (&gloss_format_csv, source, path, FALSE, report,
                                              &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  message = g_strdup_printf ("“%s” exists already; replace it with --force", relations_path);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  contents = read_file (relations_path);
  g_assert_cmpstr (contents, ==, "mine\n");
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);

  g_assert_true (gloss_format_write_dataset (&gloss_format_csv, source, path, TRUE, report,
                                             &error));
  g_assert_no_error (error);
  contents = read_file (relations_path);
  g_assert_true (g_str_has_prefix (contents, "document,type,"));

  /* An export that fails leaves neither file behind, nor changes them. */
  {
    g_autoptr(GlossDataset) bad = gloss_test_small_relations_new ();
    g_autoptr(GlossDatasetSource) bad_source = gloss_dataset_source_new_for_dataset (bad);
    g_autofree char *bad_path = fixture_path (fixture, "bad.csv");
    g_autofree char *bad_relations = fixture_path (fixture, "bad.relations.csv");
    g_autofree char *kept = NULL;
    GlossDatasetDocument *document = gloss_dataset_add_document (bad, "short.txt", "Baku");

    gloss_dataset_document_add_span (document, 2, 9, "H", "", "");
    g_assert_false (gloss_format_write_dataset (&gloss_format_csv, bad_source, bad_path, FALSE,
                                                report, &error));
    g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN);
    g_clear_error (&error);
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (bad_relations, G_FILE_TEST_EXISTS));

    g_assert_false (gloss_format_write_dataset (&gloss_format_csv, bad_source, path, TRUE,
                                                report, &error));
    g_clear_error (&error);
    kept = read_file (relations_path);
    g_assert_cmpstr (kept, ==, contents);
    g_assert_cmpuint (count_files (fixture->dir), ==, 2);
  }

  /* A project without relation labels writes no relations file. */
  {
    g_autoptr(GlossDataset) plain = gloss_test_dataset_new ();
    g_autoptr(GlossDatasetSource) plain_source = gloss_dataset_source_new_for_dataset (plain);
    g_autofree char *plain_path = fixture_path (fixture, "plain.csv");
    g_autofree char *plain_relations = fixture_path (fixture, "plain.relations.csv");

    g_assert_true (gloss_format_write_dataset (&gloss_format_csv, plain_source, plain_path,
                                               FALSE, report, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (plain_relations, G_FILE_TEST_EXISTS));
  }
}

/* CoNLL has one column of tags: the rest is counted as not carried. */
static void
test_conll_lost_relations (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new_with_relations ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "conll", "train.conll", report);
  g_autofree char *description = gloss_format_report_describe (report);

  g_assert_cmpuint (gloss_format_report_count_lost (report, "relations"), ==, 3);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span attribute values"), ==, 4);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "document categories"), ==, 5);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "span attribute definitions"), ==, 3);
  g_assert_cmpuint (gloss_format_report_count_lost (report,
                                                    "relation label colors, hotkeys or "
                                                    "descriptions"), ==, 1);
  g_assert_nonnull (strstr (description, "Not carried by this format: 3 relations\n"));
  g_assert_nonnull (strstr (description, "Not carried by this format: 5 document categories\n"));
}

/* Plain text */

static void
test_text_python (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "text", "corpus", report);
  g_autofree char *expected = write_expected (fixture, dataset);

  assert_python_reads ("text", path, expected);

  g_assert_cmpuint (report->documents, ==, 5);
  g_assert_cmpuint (report->spans, ==, 0);
  g_assert_cmpuint (gloss_format_report_count_lost (report, "spans (plain text has no labels)"),
                    ==, 14);
}

static void
test_text_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) read_report = gloss_format_report_new ();
  g_autofree char *path = export (fixture, dataset, "text", "corpus", report);
  g_autoptr(GlossDataset) read = read_back ("text", path, read_report);

  /* Read back in file name order. */
  g_assert_cmpuint (read->documents->len, ==, dataset->documents->len);
  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *original = g_ptr_array_index (dataset->documents, i);
      GlossDatasetDocument *document = NULL;

      for (guint j = 0; j < read->documents->len && document == NULL; j++)
        if (g_str_equal (((GlossDatasetDocument *) read->documents->pdata[j])->name,
                         original->name))
          document = read->documents->pdata[j];

      g_assert_nonnull (document);
      g_assert_cmpstr (document->text, ==, original->text);
      g_assert_cmpuint (document->spans->len, ==, 0);
    }
  g_assert_cmpstr (((GlossDatasetDocument *) read->documents->pdata[0])->name, ==, "combining.txt");
  g_assert_cmpuint (read->labels->len, ==, 0);
  g_assert_cmpuint (read_report->warnings->len, ==, 0);
}

static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_text_unsafe_names (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *files = NULL;
  g_autofree char *collided = NULL;
  g_autofree char *contents = NULL;

  gloss_dataset_add_document (dataset, "a/b.txt", "first");
  gloss_dataset_add_document (dataset, "A\\B.TXT", "second");
  gloss_dataset_add_document (dataset, ".hidden", "third");
  gloss_dataset_add_document (dataset, "notes.md", "fourth");
  gloss_dataset_add_document (dataset, "", "fifth");
  gloss_dataset_add_document (dataset, "what? <now>: \"x\"|*. ", "sixth");
  gloss_dataset_add_document (dataset, "پزشکیان.txt", "seventh");
  gloss_dataset_add_document (dataset, "a_b.txt", "eighth");
  path = export (fixture, dataset, "text", "out", report);
  files = list_folder (path);

  g_assert_cmpstr (files, ==,
                   "A_B (2).txt|_hidden.txt|a_b (3).txt|a_b.txt|document.txt|notes.md.txt|"
                   "what_ _now__ _x___.txt|پزشکیان.txt");
  collided = g_build_filename (path, "a_b (3).txt", NULL);
  contents = read_file (collided);
  g_assert_cmpstr (contents, ==, "eighth");
}

static char *
make_folder (Fixture    *fixture,
             const char *name)
{
  char *path = fixture_path (fixture, name);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  return path;
}

static void
test_text_folder_read (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "articles");
  g_autofree char *sub = make_folder (fixture, "articles/older");
  g_autofree char *nested = make_folder (fixture, "articles/older/more");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *warning = NULL;
  GlossDatasetDocument *document;

  g_free (write_fixture_file (fixture, "articles/b.txt", "Velayati\r\nvowed\r\n", -1));
  g_free (write_fixture_file (fixture, "articles/a.md", "# Title\n\n**Alili** disagrees.\n", -1));
  g_free (write_fixture_file (fixture, "articles/C.HTML", "<p>Tehran &amp; Baku</p>", -1));
  g_free (write_fixture_file (fixture, "articles/image.png", "\x89PNG\r\n\x1a\n\0\0", 10));
  g_free (write_fixture_file (fixture, "articles/.hidden.txt", "\xFF\xFF", 2));
  g_free (write_fixture_file (fixture, "articles/older/d.txt", "not read", -1));

  dataset = read_back ("text", folder, report);

  /* Byte order: capitals first. */
  g_assert_cmpuint (dataset->documents->len, ==, 3);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->name, ==, "C.HTML");
  g_assert_cmpstr (document->text, ==, "Tehran & Baku");
  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpstr (document->name, ==, "a.md");
  g_assert_cmpstr (document->text, ==, "Title\nAlili disagrees.");
  document = g_ptr_array_index (dataset->documents, 2);
  g_assert_cmpstr (document->name, ==, "b.txt");
  g_assert_cmpstr (document->text, ==, "Velayati\r\nvowed\r\n");

  g_assert_cmpuint (report->documents, ==, 3);
  g_assert_cmpuint (report->warnings->len, ==, 1);
  warning = g_strdup_printf ("folder %s: 2 entries that are not .txt, .md or .html files were not "
                             "read (nor are subfolders)", folder);
  g_assert_cmpstr (report->warnings->pdata[0], ==, warning);
}

static void
test_text_binary_in_folder (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "articles");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;

  g_free (write_fixture_file (fixture, "articles/a.txt", "Velayati vowed.", -1));
  g_free (write_fixture_file (fixture, "articles/photo.txt", "\x89PNG\r\n\x1a\n\0\0", 10));
  g_free (write_fixture_file (fixture, "articles/z.txt", "Alili disagrees.", -1));

  dataset = gloss_format_read (&gloss_format_text, folder, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "“photo.txt” looks like a binary file: NUL byte at byte 8 "
                   "(line 3)");
}

static void
test_text_single_file (Fixture       *fixture,
                       gconstpointer  user_data)
{
  /* UTF-16 LE with a byte order mark: "پ😠\r\n". */
  static const char data[] = "\xFF\xFE\x7E\x06\x3D\xD8\x20\xDE\r\0\n\0";
  g_autofree char *path = write_fixture_file (fixture, "note.txt", data, sizeof data - 1);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = read_back ("text", path, report);
  GlossDatasetDocument *document;

  g_assert_cmpuint (dataset->documents->len, ==, 1);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->name, ==, "note.txt");
  g_assert_cmpstr (document->text, ==, "پ😠\r\n");
}

static void
test_text_empty_folder (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "empty");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *expected = NULL;

  dataset = gloss_format_read (&gloss_format_text, folder, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE);
  expected = g_strdup_printf ("The folder “%s” holds no .txt, .md or .html files", folder);
  g_assert_cmpstr (error->message, ==, expected);
}

/* The registry */

static void
test_registry (Fixture       *fixture,
               gconstpointer  user_data)
{
  const GlossFormat * const *formats = gloss_format_list ();
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autoptr(GError) error = NULL;
  int doccano = -1, text = -1, csv = -1;

  for (int i = 0; formats[i] != NULL; i++)
    {
      if (formats[i] == &gloss_format_doccano)
        doccano = i;
      else if (formats[i] == &gloss_format_text)
        text = i;
      else if (formats[i] == &gloss_format_csv)
        csv = i;
    }
  g_assert_cmpint (doccano, >=, 0);
  g_assert_cmpint (doccano, <, text);
  g_assert_cmpint (text, <, csv);

  g_assert_true (gloss_format_lookup ("doccano") == &gloss_format_doccano);
  g_assert_true (gloss_format_lookup ("CSV") == &gloss_format_csv);
  g_assert_true (gloss_format_guess ("/tmp/Data.Doccano.JSONL", &error) == &gloss_format_doccano);
  g_assert_no_error (error);
  g_assert_true (gloss_format_guess ("spans.csv", &error) == &gloss_format_csv);
  g_assert_no_error (error);
  g_assert_true (gloss_format_guess (folder, &error) == &gloss_format_text);
  g_assert_no_error (error);
  g_assert_true (gloss_format_guess ("notes.txt", &error) == &gloss_format_text);
  g_assert_no_error (error);
  g_assert_true (gloss_format_guess ("article.HTML", &error) == &gloss_format_text);
  g_assert_no_error (error);
  g_assert_true (gloss_format_guess ("draft.md", &error) == &gloss_format_text);
  g_assert_no_error (error);
  g_assert_true (gloss_format_text.target == GLOSS_FORMAT_TARGET_FOLDER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, gloss_test_folder_set_up, func, gloss_test_folder_tear_down)

  ADD ("/gloss/format/doccano/python", test_doccano_python);
  ADD ("/gloss/format/doccano/round-trip", test_doccano_round_trip);
  ADD ("/gloss/format/doccano/astral-offsets", test_doccano_astral_offsets);
  ADD ("/gloss/format/doccano/entities-form", test_doccano_entities_form);
  ADD ("/gloss/format/doccano/invalid-json", test_doccano_invalid_json);
  ADD ("/gloss/format/doccano/span-past-end", test_doccano_span_past_end);
  ADD ("/gloss/format/doccano/inverted", test_doccano_inverted);
  ADD ("/gloss/format/doccano/inside-surrogate", test_doccano_inside_surrogate);
  ADD ("/gloss/format/doccano/invalid-utf8", test_doccano_invalid_utf8);
  ADD ("/gloss/format/doccano/message-utf8", test_doccano_message_utf8);
  ADD ("/gloss/format/doccano/relations/exact", test_doccano_relations_exact);
  ADD ("/gloss/format/doccano/relations/round-trip", test_doccano_relations_round_trip);
  ADD ("/gloss/format/doccano/relations/bad", test_doccano_bad_relations);
  ADD ("/gloss/format/doccano/relations/huge-line", test_doccano_huge_line);
  ADD ("/gloss/format/doccano/classification", test_doccano_classification);
  ADD ("/gloss/format/csv/python", test_csv_python);
  ADD ("/gloss/format/csv/quoting", test_csv_quoting);
  ADD ("/gloss/format/csv/formulas", test_csv_formulas);
  ADD ("/gloss/format/csv/read-unsupported", test_csv_read_unsupported);
  ADD ("/gloss/format/csv/bad-span", test_csv_bad_span);
  ADD ("/gloss/format/csv/relations", test_csv_relations);
  ADD ("/gloss/format/csv/relations-file-exists", test_csv_relations_file_exists);
  ADD ("/gloss/format/conll/lost-relations", test_conll_lost_relations);
  ADD ("/gloss/format/text/python", test_text_python);
  ADD ("/gloss/format/text/round-trip", test_text_round_trip);
  ADD ("/gloss/format/text/unsafe-names", test_text_unsafe_names);
  ADD ("/gloss/format/text/folder-read", test_text_folder_read);
  ADD ("/gloss/format/text/binary-in-folder", test_text_binary_in_folder);
  ADD ("/gloss/format/text/single-file", test_text_single_file);
  ADD ("/gloss/format/text/empty-folder", test_text_empty_folder);
  ADD ("/gloss/format/registry", test_registry);

#undef ADD

  return g_test_run ();
}
