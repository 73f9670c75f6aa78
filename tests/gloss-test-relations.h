/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations, span attributes and document categories on top of the
 * dataset of gloss-test-dataset.h, for the formats that carry them: a
 * directed and a symmetric relation label, a yes/no, a choice and a text
 * attribute, a single-choice and a multiple-choice category set. Each
 * relation joins spans of one annotator, as a Label Studio annotation
 * holds them. */

#pragma once

#include "gloss-test-dataset.h"

/* The span of DOCUMENT whose text is PHRASE. */
static inline GlossDatasetSpan *
gloss_test_find_span (GlossDatasetDocument *document,
                      const char           *phrase)
{
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autofree char *text = g_utf8_substring (document->text, span->start, span->end);

      if (g_str_equal (text, phrase))
        return span;
    }

  g_assert_not_reached ();
}

/* How many relations DATASET's documents hold: what an export that carries
 * them all reports in its summary. */
static inline guint
gloss_test_dataset_count_relations (GlossDataset *dataset)
{
  guint n = 0;

  for (guint i = 0; i < dataset->documents->len; i++)
    n += ((GlossDatasetDocument *) dataset->documents->pdata[i])->relations->len;

  return n;
}

static inline GlossDataset *
gloss_test_dataset_new_with_relations (void)
{
  GlossDataset *dataset = gloss_test_dataset_new ();
  GlossDatasetRelationLabel *relation_label;
  GlossDatasetAttribute *attribute;
  GlossDatasetCategorySet *set;
  GlossDatasetDocument *document;

  relation_label = gloss_dataset_ensure_relation_label (dataset, "opposes");
  relation_label->color = g_strdup ("#e01b24");
  relation_label = gloss_dataset_ensure_relation_label (dataset, "allied with");
  relation_label->directed = FALSE;

  gloss_dataset_ensure_attribute (dataset, "negated", GLOSS_ATTRIBUTE_KIND_FLAG);
  attribute = gloss_dataset_ensure_attribute (dataset, "certainty", GLOSS_ATTRIBUTE_KIND_CHOICE);
  gloss_dataset_attribute_add_value (attribute, "low");
  gloss_dataset_attribute_add_value (attribute, "high");
  gloss_dataset_ensure_attribute (dataset, "source", GLOSS_ATTRIBUTE_KIND_TEXT);

  set = gloss_dataset_ensure_category_set (dataset, "Stance");
  gloss_dataset_category_set_ensure_value (set, "supportive");
  gloss_dataset_category_set_ensure_value (set, "opposed");
  gloss_dataset_category_set_ensure_value (set, "mixed");
  set = gloss_dataset_ensure_category_set (dataset, "Topics");
  set->multiple = TRUE;
  gloss_dataset_category_set_ensure_value (set, "trade");
  gloss_dataset_category_set_ensure_value (set, "security");

  document = g_ptr_array_index (dataset->documents, 0);
  gloss_dataset_document_add_relation (document, "opposes",
                                       gloss_test_find_span (document,
                                                             "Islamic Revolutionary Guard Corps"),
                                       gloss_test_find_span (document, "Masoud Pezeshkian"),
                                       "Ana", "");
  gloss_dataset_document_add_relation (document, "allied with",
                                       gloss_test_find_span (document, "IRGC"),
                                       gloss_test_find_span (document,
                                                             "Islamic Revolutionary Guard Corps"),
                                       "Ana", "");
  gloss_dataset_span_set_attribute (gloss_test_find_span (document, "Masoud Pezeshkian"),
                                    "certainty", "high");
  gloss_dataset_span_set_attribute (gloss_test_find_span (document, "Masoud Pezeshkian"),
                                    "source", "a speech, \"on record\"");
  gloss_dataset_span_set_attribute (gloss_test_find_span (document, "Guard"), "negated", "true");
  gloss_dataset_document_add_category (document, "Stance", "opposed");
  gloss_dataset_document_add_category (document, "Topics", "security");

  document = g_ptr_array_index (dataset->documents, 1);
  gloss_dataset_document_add_relation (document, "opposes",
                                       gloss_test_find_span (document, "Yerevan"),
                                       gloss_test_find_span (document, "Baku"), "Omid", "");
  gloss_dataset_span_set_attribute (gloss_test_find_span (document, "Tehran 🇮🇷"), "certainty",
                                    "low");
  gloss_dataset_document_add_category (document, "Topics", "trade");
  gloss_dataset_document_add_category (document, "Topics", "security");

  document = g_ptr_array_index (dataset->documents, 3);
  gloss_dataset_document_add_category (document, "Stance", "mixed");

  return dataset;
}

/* One document whose exact export the tests spell out: "Velayati" (H,
 * negated) opposes "Alili" (R, certainty high, source "speech"); the
 * document is opposed, about trade and security. */
static inline GlossDataset *
gloss_test_small_relations_new (void)
{
  GlossDataset *dataset = gloss_dataset_new ();
  GlossDatasetAttribute *attribute;
  GlossDatasetCategorySet *set;
  GlossDatasetDocument *document;
  GlossDatasetSpan *velayati;
  GlossDatasetSpan *alili;

  gloss_dataset_ensure_label (dataset, "H");
  gloss_dataset_ensure_label (dataset, "R");
  gloss_dataset_ensure_relation_label (dataset, "opposes");
  gloss_dataset_ensure_attribute (dataset, "negated", GLOSS_ATTRIBUTE_KIND_FLAG);
  attribute = gloss_dataset_ensure_attribute (dataset, "certainty", GLOSS_ATTRIBUTE_KIND_CHOICE);
  gloss_dataset_attribute_add_value (attribute, "low");
  gloss_dataset_attribute_add_value (attribute, "high");
  gloss_dataset_ensure_attribute (dataset, "source", GLOSS_ATTRIBUTE_KIND_TEXT);
  set = gloss_dataset_ensure_category_set (dataset, "Stance");
  gloss_dataset_category_set_ensure_value (set, "supportive");
  gloss_dataset_category_set_ensure_value (set, "opposed");
  gloss_dataset_category_set_ensure_value (set, "mixed");
  set = gloss_dataset_ensure_category_set (dataset, "Topics");
  set->multiple = TRUE;
  gloss_dataset_category_set_ensure_value (set, "trade");
  gloss_dataset_category_set_ensure_value (set, "security");

  document = gloss_dataset_add_document (dataset, "a.txt", "Velayati opposes Alili.");
  velayati = gloss_dataset_document_add_span (document, 0, 8, "H", "", "");
  alili = gloss_dataset_document_add_span (document, 17, 22, "R", "", "");
  gloss_dataset_span_set_attribute (velayati, "negated", "true");
  gloss_dataset_span_set_attribute (alili, "certainty", "high");
  gloss_dataset_span_set_attribute (alili, "source", "speech");
  gloss_dataset_document_add_relation (document, "opposes", velayati, alili, "", "");
  gloss_dataset_document_add_category (document, "Stance", "opposed");
  gloss_dataset_document_add_category (document, "Topics", "trade");
  gloss_dataset_document_add_category (document, "Topics", "security");

  return dataset;
}
