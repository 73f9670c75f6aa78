/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations, span attributes and document categories between a dataset
 * and a project: a Gloss JSONL file imported and exported again is the
 * same bytes, and so is a project made from that export; what import
 * merges or skips takes its relations along; and an import that fails,
 * meets a project in use or is killed leaves the project as it was. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-project.h"
#include "gloss-test-run.h"
#include "gloss-test-util.h"

typedef GlossTestFolder Fixture;

/* A Gloss JSONL file as Gloss writes it from a project: statuses as the
 * spans made them, every label with its color, spans in reading order. */
static const char stance_file[] =
  "{\"gloss\": 2, \"labels\": ["
  "{\"name\": \"Actor\", \"color\": \"#3584e4\", \"hotkey\": \"1\", \"description\": \"\"}, "
  "{\"name\": \"Project\", \"color\": \"#e01b24\", \"hotkey\": \"2\", \"description\": \"\"}], "
  "\"relation_labels\": ["
  "{\"name\": \"opposes\", \"color\": \"#c01c28\", \"hotkey\": \"o\", \"description\": \"Against\", "
  "\"directed\": true}, "
  "{\"name\": \"same as\", \"color\": \"#5e5c64\", \"hotkey\": \"\", \"description\": \"\", "
  "\"directed\": false}], "
  "\"attributes\": ["
  "{\"name\": \"Confidence\", \"kind\": \"choice\", \"labels\": [], \"values\": [\"low\", \"high\"]}, "
  "{\"name\": \"Hedged\", \"kind\": \"flag\", \"labels\": [\"Actor\"], \"values\": []}, "
  "{\"name\": \"Source\", \"kind\": \"text\", \"labels\": [], \"values\": []}], "
  "\"category_sets\": ["
  "{\"name\": \"Stance toward the corridor\", \"multiple\": false, \"values\": ["
  "{\"name\": \"supportive\", \"hotkey\": \"s\"}, {\"name\": \"opposed\", \"hotkey\": \"p\"}]}, "
  "{\"name\": \"Topics\", \"multiple\": true, \"values\": ["
  "{\"name\": \"trade\", \"hotkey\": \"\"}, {\"name\": \"security\", \"hotkey\": \"\"}]}]}\n"
  "{\"name\": \"a.txt\", \"status\": \"in-progress\", "
  "\"text\": \"Velayati vowed to block the corridor; Alili — “no”.\", \"spans\": ["
  "{\"start\": 0, \"end\": 8, \"label\": \"Actor\", \"text\": \"Velayati\", \"annotator\": \"Ana\", "
  "\"note\": \"\", \"attributes\": {\"Confidence\": \"high\", \"Hedged\": true}}, "
  "{\"start\": 28, \"end\": 36, \"label\": \"Project\", \"text\": \"corridor\", "
  "\"annotator\": \"\", \"note\": \"\"}, "
  "{\"start\": 38, \"end\": 43, \"label\": \"Actor\", \"text\": \"Alili\", \"annotator\": \"\", "
  "\"note\": \"\", \"attributes\": {\"Source\": \"an “analyst”\"}}], "
  "\"relations\": ["
  "{\"label\": \"opposes\", \"from\": 0, \"to\": 1, \"annotator\": \"Ana\", \"note\": \"vowed\"}, "
  "{\"label\": \"same as\", \"from\": 0, \"to\": 2, \"annotator\": \"\", \"note\": \"\"}], "
  "\"categories\": ["
  "{\"set\": \"Stance toward the corridor\", \"value\": \"opposed\"}, "
  "{\"set\": \"Topics\", \"value\": \"trade\"}, "
  "{\"set\": \"Topics\", \"value\": \"security\"}]}\n"
  "{\"name\": \"b.txt\", \"status\": \"new\", \"text\": \"Nothing here.\", \"spans\": [], "
  "\"categories\": [{\"set\": \"Stance toward the corridor\", \"value\": \"supportive\"}]}\n";

/* A Gloss JSONL file with a discontinuous span, "Iran … Tehran": its
 * further part names its first by place, beside a span of its own over
 * the same stretch; the relation, attribute and note are the first
 * part's. */
static const char parts_file[] =
  "{\"gloss\": 3, \"labels\": ["
  "{\"name\": \"Actor\", \"color\": \"#3584e4\", \"hotkey\": \"1\", \"description\": \"\"}, "
  "{\"name\": \"Project\", \"color\": \"#e01b24\", \"hotkey\": \"2\", \"description\": \"\"}], "
  "\"relation_labels\": ["
  "{\"name\": \"opposes\", \"color\": \"#c01c28\", \"hotkey\": \"o\", \"description\": \"\", "
  "\"directed\": true}], "
  "\"attributes\": ["
  "{\"name\": \"Confidence\", \"kind\": \"choice\", \"labels\": [], \"values\": [\"low\", \"high\"]}]}\n"
  "{\"name\": \"a.txt\", \"status\": \"in-progress\", "
  "\"text\": \"Iran said on Monday that Tehran would not accept the corridor.\", \"spans\": ["
  "{\"start\": 0, \"end\": 4, \"label\": \"Actor\", \"text\": \"Iran\", \"annotator\": \"Ana\", "
  "\"note\": \"one actor\", \"attributes\": {\"Confidence\": \"high\"}}, "
  "{\"start\": 25, \"end\": 31, \"label\": \"Actor\", \"text\": \"Tehran\", \"annotator\": \"\", "
  "\"note\": \"\"}, "
  "{\"start\": 25, \"end\": 31, \"label\": \"Actor\", \"text\": \"Tehran\", \"annotator\": \"Ana\", "
  "\"note\": \"\", \"part_of\": 0}, "
  "{\"start\": 49, \"end\": 61, \"label\": \"Project\", \"text\": \"the corridor\", "
  "\"annotator\": \"\", \"note\": \"\"}], "
  "\"relations\": ["
  "{\"label\": \"opposes\", \"from\": 0, \"to\": 3, \"annotator\": \"\", \"note\": \"\"}]}\n";

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_file_set_contents (path, contents, -1, &error);
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

static GlossStore *
create_project (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, name);
  GlossStore *store = gloss_store_create (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* Imports PATH into STORE, which must take it whole. */
static GlossFormatReport *
import_ok (GlossStore *store,
           const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GPtrArray) results = gloss_import_paths (store, paths, NULL, NULL, NULL, NULL);
  GlossImportResult *result;

  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_no_error (result->error);

  return g_steal_pointer (&result->report);
}

/* STORE exported as Gloss JSONL: its bytes. */
static char *
export_gloss (Fixture                 *fixture,
              GlossStore              *store,
              const char              *name,
              const GlossExportFilter *filter)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, name);

  gloss_export_path (store, &gloss_format_gloss, path, filter, FALSE, report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->warnings->len, ==, 0);

  return read_file (path);
}

/* What a project holds of relations, attributes and categories, one line
 * each, by name and offsets: what a person would check after a restart. */
static char *
describe_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (path, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) document_ids = NULL;
  g_autoptr(GPtrArray) relation_labels = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_no_error (error);
  labels = gloss_store_list_labels (store, &error);
  relation_labels = gloss_store_list_relation_labels (store, &error);
  attributes = gloss_store_list_attributes (store, &error);
  sets = gloss_store_list_category_sets (store, &error);
  document_ids = gloss_store_list_document_ids (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (text, "label %s\n", gloss_label_get_name (labels->pdata[i]));
  for (guint i = 0; i < relation_labels->len; i++)
    g_string_append_printf (text, "relation label %s %s\n",
                            gloss_relation_label_get_name (relation_labels->pdata[i]),
                            gloss_relation_label_get_directed (relation_labels->pdata[i])
                            ? "directed" : "either way");
  for (guint i = 0; i < attributes->len; i++)
    g_string_append_printf (text, "attribute %s\n",
                            gloss_attribute_get_name (attributes->pdata[i]));
  for (guint i = 0; i < sets->len; i++)
    {
      g_autoptr(GPtrArray) categories = NULL;

      categories = gloss_store_list_categories (store, gloss_category_set_get_id (sets->pdata[i]),
                                                &error);
      g_assert_no_error (error);
      g_string_append_printf (text, "category set %s:", gloss_category_set_get_name (sets->pdata[i]));
      for (guint j = 0; j < categories->len; j++)
        g_string_append_printf (text, " %s", gloss_category_get_name (categories->pdata[j]));
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < document_ids->len; i++)
    {
      gint64 document_id = g_array_index (document_ids, gint64, i);
      g_autoptr(GlossDocument) document = gloss_store_get_document (store, document_id, &error);
      g_autoptr(GPtrArray) spans = gloss_store_list_spans (store, document_id, &error);
      g_autoptr(GPtrArray) relations = gloss_store_list_relations (store, document_id, &error);
      g_autoptr(GPtrArray) values = NULL;
      g_autoptr(GPtrArray) categories = NULL;
      g_autoptr(GHashTable) span_names = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                g_free, g_free);
      g_autofree char *text_of = gloss_store_load_text (store, document_id, &error);

      values = gloss_store_list_document_attribute_values (store, document_id, &error);
      categories = gloss_store_list_document_categories (store, document_id, &error);
      g_assert_no_error (error);

      g_string_append_printf (text, "document %s, %u spans\n", gloss_document_get_name (document),
                              spans->len);
      for (guint j = 0; j < spans->len; j++)
        {
          GlossSpan *span = g_ptr_array_index (spans, j);
          gint64 id = gloss_span_get_id (span);
          g_autofree char *start = g_utf8_substring (text_of, gloss_span_get_start (span),
                                                     gloss_span_get_end (span));

          g_hash_table_insert (span_names, g_memdup2 (&id, sizeof id), g_steal_pointer (&start));
        }
      for (guint j = 0; j < relations->len; j++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, j);
          gint64 label_id = gloss_relation_get_label_id (relation);
          gint64 from_id = gloss_relation_get_from_id (relation);
          gint64 to_id = gloss_relation_get_to_id (relation);
          g_autoptr(GlossRelationLabel) label = gloss_store_get_relation_label (store, label_id,
                                                                                &error);

          g_assert_no_error (error);
          g_string_append_printf (text, "  %s %s %s (%s, %s)\n",
                                  (char *) g_hash_table_lookup (span_names, &from_id),
                                  gloss_relation_label_get_name (label),
                                  (char *) g_hash_table_lookup (span_names, &to_id),
                                  gloss_relation_get_annotator (relation),
                                  gloss_relation_get_note (relation));
        }
      for (guint j = 0; j < values->len; j++)
        {
          GlossAttributeValue *value = g_ptr_array_index (values, j);
          gint64 span_id = gloss_attribute_value_get_span_id (value);
          g_autoptr(GlossAttribute) attribute = NULL;

          attribute = gloss_store_get_attribute (store,
                                                 gloss_attribute_value_get_attribute_id (value),
                                                 &error);
          g_assert_no_error (error);
          g_string_append_printf (text, "  %s: %s = %s\n",
                                  (char *) g_hash_table_lookup (span_names, &span_id),
                                  gloss_attribute_get_name (attribute),
                                  gloss_attribute_value_get_value (value));
        }
      for (guint j = 0; j < categories->len; j++)
        {
          gint64 category_id = gloss_document_category_get_category_id (categories->pdata[j]);

          for (guint k = 0; k < sets->len; k++)
            {
              g_autoptr(GPtrArray) in_set = NULL;

              in_set = gloss_store_list_categories (store,
                                                    gloss_category_set_get_id (sets->pdata[k]),
                                                    &error);
              for (guint l = 0; l < in_set->len; l++)
                if (gloss_category_get_id (in_set->pdata[l]) == category_id)
                  g_string_append_printf (text, "  category %s = %s\n",
                                          gloss_category_set_get_name (sets->pdata[k]),
                                          gloss_category_get_name (in_set->pdata[l]));
            }
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* CONTENTS, a Gloss JSONL file, imported into a new project FIRST and
 * exported: its own bytes; that export imported into another new project
 * and exported again: the same bytes once more. Returns what the first
 * import reported; *FIRST stays open for more checks. */
static GlossFormatReport *
assert_round_trip (Fixture     *fixture,
                   const char  *contents,
                   GlossStore **first)
{
  g_autofree char *input = write_file (fixture, "input.gloss.jsonl", contents);
  g_autoptr(GlossStore) second = create_project (fixture, "second.gloss");
  g_autoptr(GlossFormatReport) second_report = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_path = NULL;
  g_autofree char *again = NULL;
  GlossFormatReport *report;

  *first = create_project (fixture, "first.gloss");
  report = import_ok (*first, input);
  exported = export_gloss (fixture, *first, "first.gloss.jsonl", NULL);
  g_assert_cmpstr (exported, ==, contents);

  exported_path = fixture_path (fixture, "first.gloss.jsonl");
  second_report = import_ok (second, exported_path);
  again = export_gloss (fixture, second, "second.gloss.jsonl", NULL);
  g_assert_cmpstr (again, ==, exported);

  return report;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossFormatReport) report = assert_round_trip (fixture, stance_file, &first);

  g_assert_cmpuint (report->documents, ==, 2);
  g_assert_cmpuint (report->spans, ==, 3);
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
}

/* A discontinuous span through Gloss JSONL: imported as a group, and the
 * same bytes through two projects. */
static void
test_parts_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossStore) first = NULL;
  g_autoptr(GlossFormatReport) report = assert_round_trip (fixture, parts_file, &first);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (report->spans, ==, 4);
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
  spans = gloss_store_list_spans (first, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 4);
  g_assert_cmpint (gloss_span_get_part_of (spans->pdata[2]), ==,
                   gloss_span_get_id (spans->pdata[0]));
  g_assert_cmpint (gloss_span_get_part_of (spans->pdata[1]), ==, 0);
}

/* The rows themselves, read after the project was closed and opened
 * again. */
static void
test_rows_after_restart (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *input = write_file (fixture, "stance.gloss.jsonl", stance_file);
  g_autofree char *project = fixture_path (fixture, "first.gloss");
  g_autoptr(GlossStore) store = create_project (fixture, "first.gloss");
  g_autoptr(GlossFormatReport) report = import_ok (store, input);
  g_autofree char *description = NULL;

  g_clear_object (&store);
  description = describe_project (project);
  g_assert_cmpstr (description, ==,
                   "label Actor\n"
                   "label Project\n"
                   "relation label opposes directed\n"
                   "relation label same as either way\n"
                   "attribute Confidence\n"
                   "attribute Hedged\n"
                   "attribute Source\n"
                   "category set Stance toward the corridor: supportive opposed\n"
                   "category set Topics: trade security\n"
                   "document a.txt, 3 spans\n"
                   "  Velayati opposes corridor (Ana, vowed)\n"
                   "  Velayati same as Alili (, )\n"
                   "  Velayati: Confidence = high\n"
                   "  Velayati: Hedged = true\n"
                   "  Alili: Source = an “analyst”\n"
                   "  category Stance toward the corridor = opposed\n"
                   "  category Topics = trade\n"
                   "  category Topics = security\n"
                   "document b.txt, 0 spans\n"
                   "  category Stance toward the corridor = supportive\n");
}

/* A span given twice is stored once: a relation and an attribute value of
 * the second go to the one kept. Importing the file again adds nothing. */
static void
test_duplicate_spans (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char twice[] =
    "{\"gloss\": 2, \"labels\": [{\"name\": \"Actor\", \"color\": \"#3584e4\"}, "
    "{\"name\": \"Project\", \"color\": \"#e01b24\"}], "
    "\"relation_labels\": [{\"name\": \"opposes\", \"color\": \"#c01c28\"}], "
    "\"attributes\": [{\"name\": \"Confidence\", \"kind\": \"choice\", \"values\": [\"low\", \"high\"]}]}\n"
    "{\"name\": \"a.txt\", \"text\": \"Velayati vowed to block the corridor.\", \"spans\": ["
    "{\"start\": 0, \"end\": 8, \"label\": \"Actor\"}, "
    "{\"start\": 0, \"end\": 8, \"label\": \"Actor\", \"attributes\": {\"Confidence\": \"low\"}}, "
    "{\"start\": 28, \"end\": 36, \"label\": \"Project\"}], "
    "\"relations\": [{\"label\": \"opposes\", \"from\": 1, \"to\": 2}]}\n";
  g_autofree char *input = write_file (fixture, "twice.gloss.jsonl", twice);
  g_autofree char *project = fixture_path (fixture, "first.gloss");
  g_autoptr(GlossStore) store = create_project (fixture, "first.gloss");
  g_autoptr(GlossFormatReport) report = import_ok (store, input);
  g_autoptr(GlossFormatReport) again = NULL;
  g_autofree char *description = NULL;
  const char *expected =
    "label Actor\n"
    "label Project\n"
    "relation label opposes directed\n"
    "attribute Confidence\n"
    "document a.txt, 2 spans\n"
    "  Velayati opposes corridor (, )\n"
    "  Velayati: Confidence = low\n";

  g_assert_cmpuint (report->spans, ==, 2);
  g_assert_cmpuint (report->spans_skipped_duplicate, ==, 1);
  g_clear_object (&store);
  description = describe_project (project);
  g_assert_cmpstr (description, ==, expected);

  store = gloss_store_open (project, NULL);
  again = import_ok (store, input);
  g_assert_cmpuint (again->documents_merged, ==, 1);
  g_assert_cmpuint (again->spans, ==, 0);
  g_clear_object (&store);
  g_clear_pointer (&description, g_free);
  description = describe_project (project);
  g_assert_cmpstr (description, ==, expected);
}

/* The spans and the relations of a file are one transaction: a relation
 * label the project refuses takes the file's documents and spans with it. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = create_project (fixture, "first.gloss");
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GlossDatasetDocument *document;
  GlossDatasetSpan *from, *to;
  GlossDatasetRelationLabel *relation_label;

  document = gloss_dataset_add_document (dataset, "a.txt", "Velayati vowed to block the corridor.");
  from = gloss_dataset_document_add_span (document, 0, 8, "Actor", "", "");
  to = gloss_dataset_document_add_span (document, 28, 36, "Project", "", "");
  gloss_dataset_ensure_label (dataset, "Actor");
  gloss_dataset_ensure_label (dataset, "Project");
  relation_label = gloss_dataset_ensure_relation_label (dataset, "opposes");
  relation_label->color = g_strdup ("not a color");
  gloss_dataset_document_add_relation (document, "opposes", from, to, "", "");

  g_assert_false (gloss_import_dataset (store, dataset, report, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ids = gloss_store_list_document_ids (store, &error);
  labels = gloss_store_list_labels (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (labels->len, ==, 0);
}

/* `gloss export --category`: only the documents with that choice, with
 * all of the definitions. */
static void
test_export_category (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *input = write_file (fixture, "stance.gloss.jsonl", stance_file);
  g_autoptr(GlossStore) store = create_project (fixture, "first.gloss");
  g_autoptr(GlossFormatReport) report = import_ok (store, input);
  const char *supportive[] = { "Stance toward the corridor=supportive", NULL };
  const char *both[] = { "Stance toward the corridor=supportive", "Topics=trade", NULL };
  const char *either[] = { "Stance toward the corridor=supportive",
                           "Stance toward the corridor=opposed", NULL };
  GlossExportFilter filter = { 0, NULL, supportive };
  g_autofree char *exported = export_gloss (fixture, store, "supportive.gloss.jsonl", &filter);
  g_autofree char *first_line = g_strndup (stance_file,
                                           strchr (stance_file, '\n') + 1 - stance_file);
  g_autofree char *expected = NULL;
  g_autofree char *exported_both = NULL;
  g_autofree char *exported_either = NULL;

  /* The first line and b.txt. */
  expected = g_strconcat (first_line, strstr (stance_file, "{\"name\": \"b.txt\""), NULL);
  g_assert_cmpstr (exported, ==, expected);

  /* No document is both supportive and about trade. */
  filter.categories = both;
  exported_both = export_gloss (fixture, store, "both.gloss.jsonl", &filter);
  g_assert_cmpstr (exported_both, ==, first_line);

  filter.categories = either;
  exported_either = export_gloss (fixture, store, "either.gloss.jsonl", &filter);
  g_assert_cmpstr (exported_either, ==, stance_file);
}

static void
test_export_unknown_category (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *input = write_file (fixture, "stance.gloss.jsonl", stance_file);
  g_autoptr(GlossStore) store = create_project (fixture, "first.gloss");
  g_autoptr(GlossFormatReport) report = import_ok (store, input);
  g_autoptr(GlossFormatReport) export_report = gloss_format_report_new ();
  g_autofree char *path = fixture_path (fixture, "out.gloss.jsonl");
  static const struct {
    const char *choice;
    const char *message;
  } cases[] = {
    { "Stance toward the corridor=neutral",
      "The project’s category set “Stance toward the corridor” has no category “neutral”" },
    { "Stance=opposed", "The project has no category set named “Stance”" },
    { "opposed", "“opposed” does not name a category: give the set and the category as "
                 "SET=CATEGORY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *choices[] = { cases[i].choice, NULL };
      GlossExportFilter filter = { 0, NULL, choices };
      g_autoptr(GError) error = NULL;

      g_assert_false (gloss_export_path (store, &gloss_format_gloss, path, &filter, FALSE,
                                         export_report, &error));
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* The default project: its relation labels, attribute and category set,
 * and one relation true to the article. */
static void
test_default_project (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *project = fixture_path (fixture, "default.gloss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (project, gloss_project_seed_sample, NULL,
                                                    &error);
  g_autofree char *annotator = gloss_project_default_annotator ();
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  description = describe_project (project);
  expected = g_strdup_printf ("label Reformist camp\n"
                              "label Hardline camp\n"
                              "label Security establishment\n"
                              "label Foreign government\n"
                              "label Analyst / source\n"
                              "relation label opposes directed\n"
                              "relation label supports directed\n"
                              "relation label quotes directed\n"
                              "relation label part of directed\n"
                              "attribute Confidence\n"
                              "category set Stance toward the corridor: supportive opposed "
                              "mixed\n"
                              "document zangezur-corridor.txt, 7 spans\n"
                              "  Islamic Revolutionary Guard Corps part of military and security "
                              "elites, notably the Islamic Revolutionary Guard Corps (IRGC) "
                              "(%s, )\n", annotator);
  g_assert_cmpstr (description, ==, expected);
}

/* The first column of the first row SQL gives in the project file at
 * PATH, read with a connection of its own. */
static char *
read_value (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A key that means two things in a file (a span label's, a relation
 * label's and a category's "1") or in the project and the file stays with
 * the first that has it: the others come without it, and the report
 * counts them. */
static void
test_key_clash (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char clashing[] =
    "{\"gloss\": 2, \"labels\": ["
    "{\"name\": \"Actor\", \"color\": \"#3584e4\", \"hotkey\": \"1\", \"description\": \"\"}], "
    "\"relation_labels\": ["
    "{\"name\": \"opposes\", \"color\": \"#c01c28\", \"hotkey\": \"1\", \"description\": \"\", "
    "\"directed\": true}, "
    "{\"name\": \"backs\", \"color\": \"#2ec27e\", \"hotkey\": \"b\", \"description\": \"\", "
    "\"directed\": true}], "
    "\"category_sets\": ["
    "{\"name\": \"Topics\", \"multiple\": true, \"values\": ["
    "{\"name\": \"trade\", \"hotkey\": \"b\"}, {\"name\": \"peace\", \"hotkey\": \"1\"}, "
    "{\"name\": \"war\", \"hotkey\": \"w\"}, {\"name\": \"wheat\", \"hotkey\": \"x\"}]}]}\n"
    "{\"name\": \"a.txt\", \"text\": \"Velayati\", \"spans\": []}\n";
  g_autofree char *input = write_file (fixture, "clash.gloss.jsonl", clashing);
  g_autofree char *project = fixture_path (fixture, "first.gloss");
  g_autoptr(GlossStore) store = create_project (fixture, "first.gloss");
  g_autoptr(GlossFormatReport) report = NULL;
  g_autoptr(GlossLabel) place = NULL;
  g_autoptr(GError) error = NULL;
  const char *lost_reason = "keys other labels, relation labels or categories have (left out)";
  g_autofree char *keys = NULL;

  /* The project's own "x" comes first. */
  place = gloss_store_add_label (store, "Place", "#e01b24", "x", NULL, &error);
  g_assert_no_error (error);

  report = import_ok (store, input);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, lost_reason)), ==, 4);
  g_clear_object (&store);

  keys = read_value (project,
                     "SELECT group_concat (name || '=' || hotkey, ' ') FROM ("
                     "SELECT name, hotkey FROM labels UNION ALL "
                     "SELECT name, hotkey FROM relation_labels UNION ALL "
                     "SELECT name, hotkey FROM categories ORDER BY name)");
  g_assert_cmpstr (keys, ==, "Actor=1 Place=x backs=b opposes= peace= trade= war=w wheat=");
}

/* Another program holds the project: `gloss import` of a file with
 * relations stores nothing and says why. */
static void
test_import_locked (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *input = write_file (fixture, "stance.gloss.jsonl", stance_file);
  g_autofree char *project = fixture_path (fixture, "default.gloss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (project, gloss_project_seed_sample, NULL,
                                                    &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *locker;
  int status;

  g_assert_no_error (error);
  g_clear_object (&store);
  before = describe_project (project);

  g_assert_cmpint (sqlite3_open_v2 (project, &locker, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  status = gloss_test_run_gloss (&out, &err, "import", project, input, NULL);
  sqlite3_close (locker);

  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "is in use by another program"));
  after = describe_project (project);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  GlossStore *store;
  int fd;
} Child;

/* Tells the parent, through the pipe, that the second file is announced
 * and whether the first file's relations are in the open transaction
 * ("y") or not ("n"), and waits to be killed. */
static void
stop_before_second_cb (guint       done,
                       guint       total,
                       const char *path,
                       gpointer    user_data)
{
  Child *child = user_data;
  g_autoptr(GArray) ids = NULL;
  gboolean written = FALSE;

  if (done != 1 || path == NULL)
    return;

  ids = gloss_store_list_document_ids (child->store, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(GPtrArray) relations = NULL;

      relations = gloss_store_list_relations (child->store, g_array_index (ids, gint64, i), NULL);
      written |= relations != NULL && relations->len == 2;
    }

  if (write (child->fd, written ? "y" : "n", 1) != 1)
    _exit (5);
  for (;;)
    pause ();
}

/* Killed in the middle of an import, with the first file's relations
 * written and not committed: the project is as it was. */
static void
test_import_killed (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *first = write_file (fixture, "stance.gloss.jsonl", stance_file);
  g_autofree char *second = write_file (fixture, "second.txt", "More text.");
  g_autofree char *project = fixture_path (fixture, "default.gloss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (project, gloss_project_seed_sample, NULL,
                                                    &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int fds[2];
  int status;
  pid_t pid;
  char byte;

  g_assert_no_error (error);
  g_clear_object (&store);
  before = describe_project (project);
  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      const char *paths[] = { first, second, NULL };
      g_autoptr(GlossStore) child_store = NULL;

      Child child;

      close (fds[0]);
      child_store = gloss_store_open (project, NULL);
      if (child_store == NULL)
        _exit (3);
      child.store = child_store;
      child.fd = fds[1];
      gloss_import_paths (child_store, paths, NULL, NULL, stop_before_second_cb, &child);
      _exit (4);
    }
  close (fds[1]);

  /* The first file is in the open transaction when the second is
   * announced; the child waits there to be killed. */
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  g_assert_cmpint (byte, ==, 'y');
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (fds[0]);

  after = describe_project (project);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (sqlite3_open_v2 (project, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gloss_test_folder_set_up, func, gloss_test_folder_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/gloss/import/relations/round-trip-identical", test_round_trip);
  ADD_TEST ("/gloss/import/relations/parts-round-trip", test_parts_round_trip);
  ADD_TEST ("/gloss/import/relations/rows-after-restart", test_rows_after_restart);
  ADD_TEST ("/gloss/import/relations/duplicate-spans", test_duplicate_spans);
  ADD_TEST ("/gloss/import/relations/failure-leaves-nothing", test_failure_leaves_nothing);
  ADD_TEST ("/gloss/import/relations/export-category", test_export_category);
  ADD_TEST ("/gloss/import/relations/export-unknown-category", test_export_unknown_category);
  ADD_TEST ("/gloss/import/relations/default-project", test_default_project);
  ADD_TEST ("/gloss/import/relations/key-clash", test_key_clash);
  ADD_TEST ("/gloss/import/relations/locked", test_import_locked);
  ADD_TEST ("/gloss/import/relations/killed", test_import_killed);

  return g_test_run ();
}
