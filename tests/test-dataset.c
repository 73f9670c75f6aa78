/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dataset every format reads into and writes from: relations,
 * attributes and document categories beside the spans. */

#include "config.h"

#include "gloss-dataset.h"

static void
test_relations_follow_sorted_spans (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *document = gloss_dataset_add_document (dataset, "a.txt", "Velayati opposes the corridor");
  GlossDatasetSpan *corridor = gloss_dataset_document_add_span (document, 21, 29, "Project", NULL, NULL);
  GlossDatasetSpan *velayati = gloss_dataset_document_add_span (document, 0, 8, "Hardline camp", NULL, NULL);
  GlossDatasetRelation *relation;

  gloss_dataset_document_add_relation (document, "opposes", velayati, corridor, "ana", NULL);
  gloss_dataset_document_sort_spans (document);

  g_assert_true (g_ptr_array_index (document->spans, 0) == velayati);
  relation = g_ptr_array_index (document->relations, 0);
  g_assert_cmpint (relation->from->start, ==, 0);
  g_assert_cmpint (relation->to->start, ==, 21);
  g_assert_cmpstr (relation->annotator, ==, "ana");
  g_assert_cmpstr (relation->note, ==, "");
}

static void
test_prune_relations_of_dropped_spans (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *document = gloss_dataset_add_document (dataset, "a.txt", "abc def ghi");
  GlossDatasetSpan *a = gloss_dataset_document_add_span (document, 0, 3, "X", NULL, NULL);
  GlossDatasetSpan *b = gloss_dataset_document_add_span (document, 4, 7, "X", NULL, NULL);
  GlossDatasetSpan *c = gloss_dataset_document_add_span (document, 8, 11, "X", NULL, NULL);

  gloss_dataset_document_add_relation (document, "r", a, b, NULL, NULL);
  gloss_dataset_document_add_relation (document, "r", b, c, NULL, NULL);
  gloss_dataset_document_add_relation (document, "r", a, c, NULL, NULL);
  g_ptr_array_remove (document->spans, b);

  g_assert_cmpuint (gloss_dataset_document_prune_relations (document), ==, 2);
  g_assert_cmpuint (document->relations->len, ==, 1);
  g_assert_true (((GlossDatasetRelation *) g_ptr_array_index (document->relations, 0))->to == c);
}

static void
test_attributes_and_categories (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *document = gloss_dataset_add_document (dataset, "a.txt", "Velayati");
  GlossDatasetSpan *span = gloss_dataset_document_add_span (document, 0, 8, "Hardline camp", NULL, NULL);
  GlossDatasetAttribute *confidence = gloss_dataset_ensure_attribute (dataset, "Confidence", GLOSS_ATTRIBUTE_KIND_CHOICE);
  GlossDatasetCategorySet *stance = gloss_dataset_ensure_category_set (dataset, "Stance");
  GlossAttributeKind kind;

  /* The first definition wins. */
  g_assert_true (gloss_dataset_ensure_attribute (dataset, "Confidence", GLOSS_ATTRIBUTE_KIND_TEXT) == confidence);
  g_assert_cmpint (confidence->kind, ==, GLOSS_ATTRIBUTE_KIND_CHOICE);
  gloss_dataset_attribute_add_value (confidence, "low");
  gloss_dataset_attribute_add_value (confidence, "high");
  gloss_dataset_attribute_add_value (confidence, "low");
  g_assert_cmpuint (confidence->values->len, ==, 2);
  g_assert_cmpstr (gloss_dataset_attribute_find_value (confidence, "high"), ==, "high");
  g_assert_null (gloss_dataset_attribute_find_value (confidence, "High"));

  gloss_dataset_span_set_attribute (span, "Confidence", "low");
  gloss_dataset_span_set_attribute (span, "Confidence", "high");
  gloss_dataset_span_set_attribute (span, "Negation", "true");
  g_assert_cmpuint (span->attributes->len, ==, 2);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (span, "Confidence"), ==, "high");
  g_assert_null (gloss_dataset_span_get_attribute (span, "Speculation"));

  gloss_dataset_category_set_ensure_value (stance, "opposed");
  gloss_dataset_category_set_ensure_value (stance, "mixed");
  g_assert_true (gloss_dataset_category_set_ensure_value (stance, "opposed") == g_ptr_array_index (stance->values, 0));
  gloss_dataset_document_add_category (document, "Stance", "opposed");
  gloss_dataset_document_add_category (document, "Stance", "opposed");
  g_assert_cmpuint (document->categories->len, ==, 1);
  g_assert_true (gloss_dataset_category_set_find_value (stance, "mixed") == g_ptr_array_index (stance->values, 1));
  g_assert_null (gloss_dataset_category_set_find_value (stance, "supportive"));
  g_assert_true (gloss_dataset_document_find_category (document, "Stance", "opposed") == g_ptr_array_index (document->categories, 0));
  g_assert_null (gloss_dataset_document_find_category (document, "Stance", "mixed"));
  g_assert_null (gloss_dataset_document_find_category (document, "Topic", "opposed"));

  g_assert_true (gloss_attribute_kind_from_string ("choice", &kind));
  g_assert_cmpint (kind, ==, GLOSS_ATTRIBUTE_KIND_CHOICE);
  g_assert_false (gloss_attribute_kind_from_string ("Choice", &kind));
  g_assert_cmpstr (gloss_attribute_kind_to_string (GLOSS_ATTRIBUTE_KIND_FLAG), ==, "flag");
}

/* Thousands of attribute values on one span, of categories on one
 * document, of values of one set: each addition is one lookup, and what a
 * reader appended to a list itself is found too. */
static void
test_many_entries (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *document = gloss_dataset_add_document (dataset, "a.txt", "Velayati");
  GlossDatasetSpan *span = gloss_dataset_document_add_span (document, 0, 8, "X", NULL, NULL);
  GlossDatasetCategorySet *set = gloss_dataset_ensure_category_set (dataset, "Stance");
  GlossDatasetAttribute *attribute = gloss_dataset_ensure_attribute (dataset, "A", GLOSS_ATTRIBUTE_KIND_CHOICE);
  const guint n = 20000;

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = g_strdup_printf ("v%u", i);

        gloss_dataset_span_set_attribute (span, name, round == 0 ? "a" : "b");
        gloss_dataset_document_add_category (document, "Stance", name);
        gloss_dataset_category_set_ensure_value (set, name);
        gloss_dataset_attribute_add_value (attribute, name);
        gloss_dataset_attribute_add_label (attribute, name);
      }

  g_assert_cmpuint (span->attributes->len, ==, n);
  g_assert_cmpuint (document->categories->len, ==, n);
  g_assert_cmpuint (set->values->len, ==, n);
  g_assert_cmpuint (attribute->values->len, ==, n);
  g_assert_cmpuint (attribute->labels->len, ==, n);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (span, "v17"), ==, "b");
  g_assert_cmpstr (gloss_dataset_attribute_find_value (attribute, "v19999"), ==, "v19999");
  g_assert_null (gloss_dataset_attribute_find_value (attribute, "v20000"));
  g_assert_true (gloss_dataset_category_set_find_value (set, "v3") == g_ptr_array_index (set->values, 3));
  g_assert_null (gloss_dataset_category_set_find_value (set, "v20000"));
  g_assert_true (gloss_dataset_document_find_category (document, "Stance", "v9")
                 == g_ptr_array_index (document->categories, 9));
  g_assert_null (gloss_dataset_document_find_category (document, "Topic", "v9"));

  /* Appended behind the index's back, as a reader that checked for
   * duplicates itself does. */
  {
    GlossDatasetAttributeValue *value = g_new0 (GlossDatasetAttributeValue, 1);

    value->name = g_strdup ("late");
    value->value = g_strdup ("x");
    g_ptr_array_add (span->attributes, value);
  }
  g_assert_cmpstr (gloss_dataset_span_get_attribute (span, "late"), ==, "x");
  gloss_dataset_span_set_attribute (span, "late", "y");
  g_assert_cmpuint (span->attributes->len, ==, n + 1);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (span, "late"), ==, "y");
}

/* Thousands of relation labels, attributes and category sets: each is
 * added once, at the end, and found by its name. */
static void
test_many_definitions (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  const guint n = 20000;

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = g_strdup_printf ("d%u", i);

        gloss_dataset_ensure_relation_label (dataset, name);
        gloss_dataset_ensure_attribute (dataset, name, round == 0 ? GLOSS_ATTRIBUTE_KIND_TEXT
                                                                  : GLOSS_ATTRIBUTE_KIND_FLAG);
        gloss_dataset_ensure_category_set (dataset, name);
      }

  g_assert_cmpuint (dataset->relation_labels->len, ==, n);
  g_assert_cmpuint (dataset->attributes->len, ==, n);
  g_assert_cmpuint (dataset->category_sets->len, ==, n);
  g_assert_true (gloss_dataset_find_relation_label (dataset, "d17") == g_ptr_array_index (dataset->relation_labels, 17));
  g_assert_true (gloss_dataset_find_attribute (dataset, "d19999") == g_ptr_array_index (dataset->attributes, n - 1));
  g_assert_cmpint (gloss_dataset_find_attribute (dataset, "d3")->kind, ==, GLOSS_ATTRIBUTE_KIND_TEXT);
  g_assert_true (gloss_dataset_find_category_set (dataset, "d0") == g_ptr_array_index (dataset->category_sets, 0));
  g_assert_null (gloss_dataset_find_relation_label (dataset, "d20000"));
  g_assert_null (gloss_dataset_find_attribute (dataset, "D3"));
  g_assert_null (gloss_dataset_find_category_set (dataset, ""));
  g_assert_cmpstr (gloss_dataset_find_relation_label (dataset, "d5")->hotkey, ==, "");
  g_assert_true (gloss_dataset_find_relation_label (dataset, "d5")->directed);
}

/* A choice of a format that does not define its sets: the set and value
 * are added as used, and a set becomes multiple only once one document
 * has two different choices in it. */
static void
test_add_choice (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *first = gloss_dataset_add_document (dataset, "a.txt", "a");
  GlossDatasetDocument *second = gloss_dataset_add_document (dataset, "b.txt", "b");
  GlossDatasetCategorySet *set;

  /* A value no document chose (spaCy's score below 0.5). */
  set = gloss_dataset_add_choice (dataset, NULL, "Stance", "mixed");
  g_assert_true (gloss_dataset_find_category_set (dataset, "Stance") == set);
  g_assert_cmpuint (set->values->len, ==, 1);

  g_assert_true (gloss_dataset_add_choice (dataset, first, "Stance", "opposed") == set);
  gloss_dataset_add_choice (dataset, first, "Stance", "opposed");
  gloss_dataset_add_choice (dataset, second, "Stance", "supportive");
  gloss_dataset_add_choice (dataset, first, "Topic", "trade");
  g_assert_cmpuint (first->categories->len, ==, 2);
  g_assert_cmpuint (gloss_dataset_document_count_categories (first, "Stance"), ==, 1);
  g_assert_cmpuint (gloss_dataset_document_count_categories (second, "Topic"), ==, 0);
  g_assert_false (set->multiple);
  g_assert_cmpuint (set->values->len, ==, 3);

  gloss_dataset_add_choice (dataset, second, "Stance", "mixed");
  g_assert_true (set->multiple);
  g_assert_cmpuint (set->values->len, ==, 3);
  g_assert_cmpuint (gloss_dataset_document_count_categories (second, "Stance"), ==, 2);
  g_assert_false (gloss_dataset_find_category_set (dataset, "Topic")->multiple);
}

/* Thousands of choices on one document, counted after each: every choice
 * is counted once, and what a reader appended itself is counted too. */
static void
test_many_choices (void)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  GlossDatasetDocument *document = gloss_dataset_add_document (dataset, "a.txt", "a");
  GlossDatasetCategory *category;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("v%u", i);

      gloss_dataset_add_choice (dataset, document, i % 2 == 0 ? "Even" : "Odd", name);
      g_assert_cmpuint (gloss_dataset_document_count_categories (document, "Even"), ==,
                        i / 2 + 1);
    }
  g_assert_cmpuint (gloss_dataset_document_count_categories (document, "Odd"), ==, n / 2);
  g_assert_true (gloss_dataset_find_category_set (dataset, "Odd")->multiple);

  category = g_new0 (GlossDatasetCategory, 1);
  category->set = g_strdup ("Odd");
  category->value = g_strdup ("late");
  g_ptr_array_add (document->categories, category);
  g_assert_cmpuint (gloss_dataset_document_count_categories (document, "Odd"), ==, n / 2 + 1);
  g_assert_cmpuint (gloss_dataset_document_count_categories (document, "Even"), ==, n / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/dataset/relations-follow-sorted-spans", test_relations_follow_sorted_spans);
  g_test_add_func ("/gloss/dataset/prune-relations", test_prune_relations_of_dropped_spans);
  g_test_add_func ("/gloss/dataset/attributes-and-categories", test_attributes_and_categories);

  g_test_add_func ("/gloss/dataset/add-choice", test_add_choice);

  g_test_add_func ("/gloss/dataset/many-entries", test_many_entries);
  g_test_add_func ("/gloss/dataset/many-definitions", test_many_definitions);
  g_test_add_func ("/gloss/dataset/many-choices", test_many_choices);

  return g_test_run ();
}
