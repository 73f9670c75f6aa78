/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Gloss JSONL with relations, span attributes and document categories: the
 * exact bytes written, read back unchanged, written again byte for byte, a
 * file of the first version still read, and bad files refused whole with a
 * message naming the file, the line and the place in it. */

#include "config.h"

#include "gloss-test-util.h"

#include <string.h>

#include "gloss-format-reader.h"
#include "gloss-test-relations.h"

typedef GlossTestFolder Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
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

static char *
write_dataset (Fixture      *fixture,
               GlossDataset *dataset,
               const char   *name)
{
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  gloss_format_write_dataset (&gloss_format_gloss, source, path, FALSE, report, &error);
  g_assert_no_error (error);
  /* Lossless: the summary counts every relation, as brat's does. */
  g_assert_cmpuint (report->relations, ==, gloss_test_dataset_count_relations (dataset));

  return path;
}

static GlossDataset *
read_data (const char  *data,
           GError     **error)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();

  return gloss_format_gloss_read_data ("stance.gloss.jsonl", data, strlen (data), report, error);
}

/* Two labels, a relation label of each kind, an attribute of each kind (one
 * for a single label), a single and a multiple category set; one document
 * with two relations, attribute values and categories, one with none. */
static GlossDataset *
stance_dataset_new (void)
{
  GlossDataset *dataset = gloss_dataset_new ();
  GlossDatasetDocument *document;
  GlossDatasetRelationLabel *relation_label;
  GlossDatasetAttribute *attribute;
  GlossDatasetCategorySet *set;
  GlossDatasetCategoryValue *value;
  GlossDatasetSpan *velayati, *corridor, *alili;

  gloss_dataset_ensure_label (dataset, "Actor");
  gloss_dataset_ensure_label (dataset, "Project");

  relation_label = gloss_dataset_ensure_relation_label (dataset, "opposes");
  relation_label->color = g_strdup ("#e01b24");
  g_free (relation_label->hotkey);
  relation_label->hotkey = g_strdup ("o");
  relation_label = gloss_dataset_ensure_relation_label (dataset, "same as");
  relation_label->directed = FALSE;

  attribute = gloss_dataset_ensure_attribute (dataset, "Confidence", GLOSS_ATTRIBUTE_KIND_CHOICE);
  gloss_dataset_attribute_add_value (attribute, "low");
  gloss_dataset_attribute_add_value (attribute, "high");
  attribute = gloss_dataset_ensure_attribute (dataset, "Hedged", GLOSS_ATTRIBUTE_KIND_FLAG);
  gloss_dataset_attribute_add_label (attribute, "Actor");
  gloss_dataset_ensure_attribute (dataset, "Source", GLOSS_ATTRIBUTE_KIND_TEXT);

  set = gloss_dataset_ensure_category_set (dataset, "Stance toward the corridor");
  value = gloss_dataset_category_set_ensure_value (set, "supportive");
  g_free (value->hotkey);
  value->hotkey = g_strdup ("s");
  gloss_dataset_category_set_ensure_value (set, "opposed");
  set = gloss_dataset_ensure_category_set (dataset, "Topics");
  set->multiple = TRUE;
  gloss_dataset_category_set_ensure_value (set, "trade");
  gloss_dataset_category_set_ensure_value (set, "security");

  document = gloss_dataset_add_document (dataset, "a.txt",
                                         "Velayati vowed to block the corridor; Alili — “no”.");
  velayati = gloss_dataset_document_add_span (document, 0, 8, "Actor", "Ana", "");
  corridor = gloss_dataset_document_add_span (document, 28, 36, "Project", "", "");
  alili = gloss_dataset_document_add_span (document, 38, 43, "Actor", "", "");
  gloss_dataset_span_set_attribute (velayati, "Confidence", "high");
  gloss_dataset_span_set_attribute (velayati, "Hedged", "true");
  gloss_dataset_span_set_attribute (alili, "Source", "an “analyst”");
  gloss_dataset_document_add_relation (document, "opposes", velayati, corridor, "Ana", "vowed");
  gloss_dataset_document_add_relation (document, "same as", alili, velayati, "", "");
  gloss_dataset_document_add_category (document, "Stance toward the corridor", "opposed");
  gloss_dataset_document_add_category (document, "Topics", "security");
  gloss_dataset_document_add_category (document, "Topics", "trade");

  gloss_dataset_add_document (dataset, "b.txt", "Nothing here.");

  return dataset;
}

static const char stance_expected[] =
  "{\"gloss\": 2, \"labels\": ["
  "{\"name\": \"Actor\", \"color\": null, \"hotkey\": \"\", \"description\": \"\"}, "
  "{\"name\": \"Project\", \"color\": null, \"hotkey\": \"\", \"description\": \"\"}], "
  "\"relation_labels\": ["
  "{\"name\": \"opposes\", \"color\": \"#e01b24\", \"hotkey\": \"o\", \"description\": \"\", "
  "\"directed\": true}, "
  "{\"name\": \"same as\", \"color\": null, \"hotkey\": \"\", \"description\": \"\", "
  "\"directed\": false}], "
  "\"attributes\": ["
  "{\"name\": \"Confidence\", \"kind\": \"choice\", \"labels\": [], \"values\": [\"low\", \"high\"]}, "
  "{\"name\": \"Hedged\", \"kind\": \"flag\", \"labels\": [\"Actor\"], \"values\": []}, "
  "{\"name\": \"Source\", \"kind\": \"text\", \"labels\": [], \"values\": []}], "
  "\"category_sets\": ["
  "{\"name\": \"Stance toward the corridor\", \"multiple\": false, \"values\": ["
  "{\"name\": \"supportive\", \"hotkey\": \"s\"}, {\"name\": \"opposed\", \"hotkey\": \"\"}]}, "
  "{\"name\": \"Topics\", \"multiple\": true, \"values\": ["
  "{\"name\": \"trade\", \"hotkey\": \"\"}, {\"name\": \"security\", \"hotkey\": \"\"}]}]}\n"
  "{\"name\": \"a.txt\", \"status\": \"new\", "
  "\"text\": \"Velayati vowed to block the corridor; Alili — “no”.\", \"spans\": ["
  "{\"start\": 0, \"end\": 8, \"label\": \"Actor\", \"text\": \"Velayati\", \"annotator\": \"Ana\", "
  "\"note\": \"\", \"attributes\": {\"Confidence\": \"high\", \"Hedged\": true}}, "
  "{\"start\": 28, \"end\": 36, \"label\": \"Project\", \"text\": \"corridor\", "
  "\"annotator\": \"\", \"note\": \"\"}, "
  "{\"start\": 38, \"end\": 43, \"label\": \"Actor\", \"text\": \"Alili\", \"annotator\": \"\", "
  "\"note\": \"\", \"attributes\": {\"Source\": \"an “analyst”\"}}], "
  "\"relations\": ["
  "{\"label\": \"opposes\", \"from\": 0, \"to\": 1, \"annotator\": \"Ana\", \"note\": \"vowed\"}, "
  "{\"label\": \"same as\", \"from\": 2, \"to\": 0, \"annotator\": \"\", \"note\": \"\"}], "
  "\"categories\": ["
  "{\"set\": \"Stance toward the corridor\", \"value\": \"opposed\"}, "
  "{\"set\": \"Topics\", \"value\": \"security\"}, "
  "{\"set\": \"Topics\", \"value\": \"trade\"}]}\n"
  "{\"name\": \"b.txt\", \"status\": \"new\", \"text\": \"Nothing here.\", \"spans\": []}\n";

static void
test_exact (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = stance_dataset_new ();
  g_autofree char *path = write_dataset (fixture, dataset, "stance.gloss.jsonl");
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, stance_expected);
}

static void
test_read_back (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = read_data (stance_expected, &error);
  GlossDatasetDocument *document;
  GlossDatasetRelation *relation;
  GlossDatasetRelationLabel *relation_label;
  GlossDatasetAttribute *attribute;
  GlossDatasetCategorySet *set;
  GlossDatasetCategory *category;

  g_assert_no_error (error);
  g_assert_cmpuint (dataset->relation_labels->len, ==, 2);
  relation_label = g_ptr_array_index (dataset->relation_labels, 1);
  g_assert_cmpstr (relation_label->name, ==, "same as");
  g_assert_false (relation_label->directed);
  relation_label = g_ptr_array_index (dataset->relation_labels, 0);
  g_assert_cmpstr (relation_label->color, ==, "#e01b24");
  g_assert_cmpstr (relation_label->hotkey, ==, "o");
  g_assert_true (relation_label->directed);

  g_assert_cmpuint (dataset->attributes->len, ==, 3);
  attribute = gloss_dataset_find_attribute (dataset, "Hedged");
  g_assert_cmpint (attribute->kind, ==, GLOSS_ATTRIBUTE_KIND_FLAG);
  g_assert_cmpuint (attribute->labels->len, ==, 1);
  g_assert_cmpstr (attribute->labels->pdata[0], ==, "Actor");
  attribute = gloss_dataset_find_attribute (dataset, "Confidence");
  g_assert_cmpuint (attribute->values->len, ==, 2);
  g_assert_cmpstr (attribute->values->pdata[1], ==, "high");

  set = gloss_dataset_find_category_set (dataset, "Topics");
  g_assert_true (set->multiple);
  g_assert_cmpuint (set->values->len, ==, 2);
  set = gloss_dataset_find_category_set (dataset, "Stance toward the corridor");
  g_assert_false (set->multiple);
  g_assert_cmpstr (((GlossDatasetCategoryValue *) set->values->pdata[0])->hotkey, ==, "s");

  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->relations->len, ==, 2);
  relation = g_ptr_array_index (document->relations, 0);
  g_assert_cmpstr (relation->type, ==, "opposes");
  g_assert_true (relation->from == g_ptr_array_index (document->spans, 0));
  g_assert_true (relation->to == g_ptr_array_index (document->spans, 1));
  g_assert_cmpstr (relation->annotator, ==, "Ana");
  g_assert_cmpstr (relation->note, ==, "vowed");

  g_assert_cmpstr (gloss_dataset_span_get_attribute (document->spans->pdata[0], "Hedged"), ==,
                   "true");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (document->spans->pdata[0], "Confidence"), ==,
                   "high");
  g_assert_null (gloss_dataset_span_get_attribute (document->spans->pdata[1], "Confidence"));
  g_assert_cmpstr (gloss_dataset_span_get_attribute (document->spans->pdata[2], "Source"), ==,
                   "an “analyst”");

  g_assert_cmpuint (document->categories->len, ==, 3);
  category = g_ptr_array_index (document->categories, 0);
  g_assert_cmpstr (category->set, ==, "Stance toward the corridor");
  g_assert_cmpstr (category->value, ==, "opposed");

  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpuint (document->relations->len, ==, 0);
  g_assert_cmpuint (document->categories->len, ==, 0);
}

/* Read, written again: the same bytes. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = read_data (stance_expected, &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  path = write_dataset (fixture, dataset, "again.gloss.jsonl");
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, stance_expected);
}

/* A false yes/no attribute is the same as none: a person may write it. */
static void
test_flag_false (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;

  dataset = read_data ("{\"gloss\": 2, \"labels\": [{\"name\": \"Actor\"}], "
                       "\"attributes\": [{\"name\": \"Hedged\", \"kind\": \"flag\"}]}\n"
                       "{\"name\": \"a\", \"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 1, "
                       "\"label\": \"Actor\", \"attributes\": {\"Hedged\": false}}]}\n", &error);
  g_assert_no_error (error);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (((GlossDatasetSpan *) document->spans->pdata[0])->attributes->len, ==, 0);
}

/* A file of the first version, as Gloss wrote it before relations: read
 * as it was, and written again as the same bytes. */
static void
test_version_1 (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char old[] =
    "{\"gloss\": 1, \"labels\": [{\"name\": \"Actor\", \"color\": \"#3584e4\", \"hotkey\": \"1\", "
    "\"description\": \"\"}]}\n"
    "{\"name\": \"a.txt\", \"status\": \"done\", \"text\": \"Velayati vowed.\", \"spans\": ["
    "{\"start\": 0, \"end\": 8, \"label\": \"Actor\", \"text\": \"Velayati\", \"annotator\": \"\", "
    "\"note\": \"\"}]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = read_data (old, &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GlossDatasetDocument *document;

  g_assert_no_error (error);
  g_assert_cmpuint (dataset->relation_labels->len, ==, 0);
  g_assert_cmpuint (dataset->attributes->len, ==, 0);
  g_assert_cmpuint (dataset->category_sets->len, ==, 0);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->spans->len, ==, 1);
  g_assert_cmpuint (document->relations->len, ==, 0);
  g_assert_cmpuint (document->categories->len, ==, 0);

  path = write_dataset (fixture, dataset, "old.gloss.jsonl");
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, old);
}

/* Thousands of values, categories and attributes: read in one pass. A
 * search through the values read so far for each made it quadratic, and
 * this file took minutes. */
#define N_MANY 300000

static void
test_many (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GString) data = g_string_new ("{\"gloss\": 2, \"labels\": [{\"name\": \"Actor\"}], "
                                          "\"attributes\": [{\"name\": \"Size\", "
                                          "\"kind\": \"choice\", \"values\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;
  GlossDatasetSpan *span;

  for (guint i = 0; i < N_MANY; i++)
    g_string_append_printf (data, "%s\"v%u\"", i ? ", " : "", i);
  g_string_append (data, "]}");
  for (guint i = 0; i < N_MANY / 10; i++)
    g_string_append_printf (data, ", {\"name\": \"a%u\", \"kind\": \"text\"}", i);
  g_string_append (data, "], \"category_sets\": [{\"name\": \"Topics\", \"multiple\": true, "
                         "\"values\": [");
  for (guint i = 0; i < N_MANY; i++)
    g_string_append_printf (data, "%s{\"name\": \"c%u\"}", i ? ", " : "", i);
  g_string_append (data, "]}]}\n{\"name\": \"a\", \"text\": \"ab\", \"spans\": "
                         "[{\"start\": 0, \"end\": 1, \"label\": \"Actor\", \"attributes\": "
                         "{\"Size\": \"v7\"");
  for (guint i = 0; i < N_MANY / 10; i++)
    g_string_append_printf (data, ", \"a%u\": \"x\"", i);
  g_string_append (data, "}}], \"categories\": [");
  for (guint i = 0; i < N_MANY; i++)
    g_string_append_printf (data, "%s{\"set\": \"Topics\", \"value\": \"c%u\"}", i ? ", " : "",
                            N_MANY - 1 - i);
  g_string_append (data, "]}\n");

  dataset = read_data (data->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((GlossDatasetAttribute *) dataset->attributes->pdata[0])->values->len, ==,
                    N_MANY);
  g_assert_cmpuint (((GlossDatasetCategorySet *) dataset->category_sets->pdata[0])->values->len,
                    ==, N_MANY);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->categories->len, ==, N_MANY);
  span = g_ptr_array_index (document->spans, 0);
  g_assert_cmpuint (span->attributes->len, ==, N_MANY / 10 + 1);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (span, "Size"), ==, "v7");
}

/* Bad files: refused whole, the message naming the file, the line, the
 * place in it and what is wrong. */

#define HEADER \
  "{\"gloss\": 2, \"labels\": [{\"name\": \"Actor\"}], " \
  "\"relation_labels\": [{\"name\": \"opposes\"}], " \
  "\"attributes\": [{\"name\": \"Confidence\", \"kind\": \"choice\", \"values\": [\"low\", \"high\"]}, " \
  "{\"name\": \"Hedged\", \"kind\": \"flag\"}], " \
  "\"category_sets\": [{\"name\": \"Stance\", \"values\": [{\"name\": \"opposed\"}, " \
  "{\"name\": \"mixed\"}]}]}\n"
#define DOCUMENT_START \
  "{\"name\": \"a\", \"text\": \"ab cd\", \"spans\": [" \
  "{\"start\": 0, \"end\": 2, \"label\": \"Actor\"}, {\"start\": 3, \"end\": 5, \"label\": \"Actor\"}]"

typedef struct
{
  const char *name;
  const char *contents;
  const char *message;   /* the whole message */
  GlossFormatError code;  /* 0: GLOSS_FORMAT_ERROR_PARSE */
} BadFile;

static const BadFile bad_files[] = {
  { "relation-past-spans",
    HEADER DOCUMENT_START ", \"relations\": [{\"label\": \"opposes\", \"from\": 0, \"to\": 2}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, relations[0]: “to” is span 2, but the document has "
    "2 spans (counted from 0)" },
  { "relation-negative",
    HEADER DOCUMENT_START ", \"relations\": [{\"label\": \"opposes\", \"from\": -1, \"to\": 0}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, relations[0]: “from” is span -1, but the document "
    "has 2 spans (counted from 0)" },
  { "relation-string-index",
    HEADER DOCUMENT_START ", \"relations\": [{\"label\": \"opposes\", \"from\": \"0\", \"to\": 1}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, relations[0]: “from” should be a whole number, not a "
    "string" },
  { "relation-to-itself",
    HEADER DOCUMENT_START ", \"relations\": [{\"label\": \"opposes\", \"from\": 1, \"to\": 1}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, relations[0]: a relation joins two spans, not a span "
    "to itself" },
  { "relation-without-label",
    HEADER DOCUMENT_START ", \"relations\": [{\"from\": 0, \"to\": 1}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, relations[0]: “label” is missing" },
  { "relations-not-array",
    HEADER DOCUMENT_START ", \"relations\": {\"label\": \"opposes\"}}\n",
    "Gloss file stance.gloss.jsonl, line 2: “relations” should be an array, not an object" },
  { "unknown-attribute-kind",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": \"number\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: the attribute kind “number” is none "
    "of flag, choice, text" },
  { "attribute-kind-not-string",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": 3}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: “kind” should be a string, not a "
    "whole number" },
  { "attribute-for-unknown-label",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": \"text\", "
    "\"labels\": [\"Actor\"]}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: the label “Actor” is not in “labels”" },
  { "attribute-twice",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": \"text\"}, "
    "{\"name\": \"Size\", \"kind\": \"flag\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[1]: the attribute “Size” is listed twice" },
  { "values-of-flag",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": \"flag\", "
    "\"values\": [\"big\"]}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: only a choice attribute has “values”" },
  { "choice-without-values",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": \"choice\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: a choice attribute needs “values” to "
    "choose from" },
  { "choice-value-spaced",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"Size\", \"kind\": \"choice\", "
    "\"values\": [\"big \"]}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: the value “big ” is not one line of "
    "text without space around it" },
  { "directed-not-boolean",
    "{\"gloss\": 2, \"labels\": [], \"relation_labels\": [{\"name\": \"opposes\", "
    "\"directed\": \"yes\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, relation_labels[0]: “directed” should be true or "
    "false, not a string" },
  { "relation-label-bad-color",
    "{\"gloss\": 2, \"labels\": [], \"relation_labels\": [{\"name\": \"opposes\", "
    "\"color\": \"red\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, relation_labels[0]: the color “red” is not of the "
    "form #rrggbb" },
  { "relation-label-twice",
    "{\"gloss\": 2, \"labels\": [], \"relation_labels\": [{\"name\": \"opposes\"}, "
    "{\"name\": \"opposes\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, relation_labels[1]: the relation label “opposes” is "
    "listed twice" },
  { "category-values-not-objects",
    "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": \"Stance\", "
    "\"values\": [\"opposed\"]}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, category_sets[0], values[0]: expected an object, "
    "found a string" },
  { "unknown-attribute",
    HEADER "{\"name\": \"a\", \"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 2, "
    "\"label\": \"Actor\", \"attributes\": {\"Size\": \"big\"}}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[0]: the attribute “Size” is not in the first "
    "line’s “attributes”" },
  { "flag-as-string",
    HEADER "{\"name\": \"a\", \"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 2, "
    "\"label\": \"Actor\", \"attributes\": {\"Hedged\": \"yes\"}}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[0]: the attribute “Hedged” should be true or "
    "false, not a string" },
  { "choice-as-number",
    HEADER "{\"name\": \"a\", \"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 2, "
    "\"label\": \"Actor\", \"attributes\": {\"Confidence\": 1}}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[0]: the attribute “Confidence” should be a "
    "string, not a whole number" },
  { "choice-unknown-value",
    HEADER "{\"name\": \"a\", \"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 2, "
    "\"label\": \"Actor\", \"attributes\": {\"Confidence\": \"medium\"}}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[0]: “medium” is not one of the values of the "
    "attribute “Confidence”" },
  { "attributes-not-object",
    HEADER "{\"name\": \"a\", \"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 2, "
    "\"label\": \"Actor\", \"attributes\": [\"Hedged\"]}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[0]: “attributes” should be an object, not an "
    "array" },
  { "unknown-category-set",
    HEADER DOCUMENT_START ", \"categories\": [{\"set\": \"Topic\", \"value\": \"trade\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, categories[0]: the category set “Topic” is not in the "
    "first line’s “category_sets”" },
  { "unknown-category",
    HEADER DOCUMENT_START ", \"categories\": [{\"set\": \"Stance\", \"value\": \"neutral\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, categories[0]: “neutral” is not a category of the set "
    "“Stance”" },
  { "two-of-single-choice",
    HEADER DOCUMENT_START ", \"categories\": [{\"set\": \"Stance\", \"value\": \"opposed\"}, "
    "{\"set\": \"Stance\", \"value\": \"mixed\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, categories[1]: the set “Stance” takes one category, "
    "and the document has “opposed” already" },
  { "category-value-not-string",
    HEADER DOCUMENT_START ", \"categories\": [{\"set\": \"Stance\", \"value\": true}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, categories[0]: “value” should be a string, not true "
    "or false" },
  { "relation-label-blank",
    "{\"gloss\": 2, \"labels\": [], \"relation_labels\": [{\"name\": \" \"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, relation_labels[0]: a relation label needs a name" },
  { "attribute-blank",
    "{\"gloss\": 2, \"labels\": [], \"attributes\": [{\"name\": \"\", \"kind\": \"text\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, attributes[0]: an attribute needs a name" },
  { "category-set-blank",
    "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": \"\\t\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, category_sets[0]: a category set needs a name" },
  { "category-set-twice",
    "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": \"Stance\"}, "
    "{\"name\": \"Stance\", \"multiple\": true}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, category_sets[1]: the category set “Stance” is listed "
    "twice" },
  { "category-blank",
    "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": \"Stance\", "
    "\"values\": [{\"name\": \"\"}]}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, category_sets[0], values[0]: a category needs a name" },
  /* Past the few values the dataset searches before it indexes them. */
  { "category-twice",
    "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": \"Stance\", \"values\": ["
    "{\"name\": \"c0\"}, {\"name\": \"c1\"}, {\"name\": \"c2\"}, {\"name\": \"c3\"}, "
    "{\"name\": \"c4\"}, {\"name\": \"c5\"}, {\"name\": \"c6\"}, {\"name\": \"c7\"}, "
    "{\"name\": \"c8\"}, {\"name\": \"c9\"}, {\"name\": \"c3\"}]}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, category_sets[0], values[10]: the category “c3” is "
    "listed twice" },
  { "label-bad-color",
    "{\"gloss\": 2, \"labels\": [{\"name\": \"Actor\", \"color\": \"#12345\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 1, labels[0]: the color “#12345” is not of the form "
    "#rrggbb" },
  { "choice-twice-in-document",
    "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": \"Topics\", "
    "\"multiple\": true, \"values\": [{\"name\": \"c0\"}, {\"name\": \"c1\"}, "
    "{\"name\": \"c2\"}, {\"name\": \"c3\"}, {\"name\": \"c4\"}, {\"name\": \"c5\"}, "
    "{\"name\": \"c6\"}, {\"name\": \"c7\"}, {\"name\": \"c8\"}, {\"name\": \"c9\"}]}]}\n"
    "{\"name\": \"a\", \"text\": \"ab\", \"categories\": [{\"set\": \"Topics\", \"value\": \"c9\"}, "
    "{\"set\": \"Topics\", \"value\": \"c8\"}, {\"set\": \"Topics\", \"value\": \"c7\"}, "
    "{\"set\": \"Topics\", \"value\": \"c6\"}, {\"set\": \"Topics\", \"value\": \"c5\"}, "
    "{\"set\": \"Topics\", \"value\": \"c4\"}, {\"set\": \"Topics\", \"value\": \"c3\"}, "
    "{\"set\": \"Topics\", \"value\": \"c2\"}, {\"set\": \"Topics\", \"value\": \"c1\"}, "
    "{\"set\": \"Topics\", \"value\": \"c0\"}, {\"set\": \"Topics\", \"value\": \"c5\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, categories[10]: the category “c5” is listed twice" },
  { "part-of-later",
    "{\"gloss\": 3, \"labels\": [{\"name\": \"Actor\"}]}\n"
    "{\"name\": \"a.txt\", \"text\": \"Iran and Tehran\", \"spans\": ["
    "{\"start\": 0, \"end\": 4, \"label\": \"Actor\", \"part_of\": 1}, "
    "{\"start\": 9, \"end\": 15, \"label\": \"Actor\"}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[0]: “part_of” is 1, which is not an earlier "
    "span of the same label, no part itself, whose parts all end before this one starts" },
  { "part-of-part",
    "{\"gloss\": 3, \"labels\": [{\"name\": \"Actor\"}]}\n"
    "{\"name\": \"a.txt\", \"text\": \"Iran and Tehran\", \"spans\": ["
    "{\"start\": 0, \"end\": 4, \"label\": \"Actor\"}, "
    "{\"start\": 5, \"end\": 8, \"label\": \"Actor\", \"part_of\": 0}, "
    "{\"start\": 9, \"end\": 15, \"label\": \"Actor\", \"part_of\": 1}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[2]: “part_of” is 1, which is not an earlier "
    "span of the same label, no part itself, whose parts all end before this one starts" },
  { "part-overlaps",
    "{\"gloss\": 3, \"labels\": [{\"name\": \"Actor\"}]}\n"
    "{\"name\": \"a.txt\", \"text\": \"Iran and Tehran\", \"spans\": ["
    "{\"start\": 0, \"end\": 4, \"label\": \"Actor\"}, "
    "{\"start\": 9, \"end\": 15, \"label\": \"Actor\", \"part_of\": 0}, "
    "{\"start\": 10, \"end\": 12, \"label\": \"Actor\", \"part_of\": 0}]}\n",
    "Gloss file stance.gloss.jsonl, line 2, spans[2]: “part_of” is 0, which is not an earlier "
    "span of the same label, no part itself, whose parts all end before this one starts" },
  { "newer-version",
    "{\"gloss\": 4, \"labels\": []}\n",
    "Gloss file stance.gloss.jsonl, line 1: written by a newer Gloss (dataset version 4); this "
    "Gloss reads version 3", GLOSS_FORMAT_ERROR_UNSUPPORTED },
};

static void
test_bad_file (gconstpointer user_data)
{
  const BadFile *bad = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) dataset = read_data (bad->contents, &error);

  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, (int) bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gloss_test_folder_set_up, func, gloss_test_folder_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/gloss/format/gloss/relations/exact-bytes", test_exact);
  ADD_TEST ("/gloss/format/gloss/relations/read-back", test_read_back);
  ADD_TEST ("/gloss/format/gloss/relations/round-trip-identical", test_round_trip);
  ADD_TEST ("/gloss/format/gloss/relations/flag-false", test_flag_false);
  ADD_TEST ("/gloss/format/gloss/relations/version-1", test_version_1);
  ADD_TEST ("/gloss/format/gloss/relations/many", test_many);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/format/gloss/relations/bad/%s",
                                               bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }

  return g_test_run ();
}
