/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dataset every format test writes and reads: the text peers miscount.
 * An em dash and curly quotes (the sample article), emoji outside the BMP,
 * Persian with a zero-width non-joiner, CRLF line endings, combining marks,
 * label names with spaces, nested and overlapping spans, notes. */

#pragma once

#include "gloss-dataset.h"

static inline void
gloss_test_add_phrase_span (GlossDatasetDocument *document,
                            const char           *phrase,
                            const char           *label,
                            const char           *annotator,
                            const char           *note)
{
  const char *found = strstr (document->text, phrase);
  gint64 start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (document->text, found);
  gloss_dataset_document_add_span (document, start, start + g_utf8_strlen (phrase, -1), label,
                                   annotator, note);
}

static inline GlossDataset *
gloss_test_dataset_new (void)
{
  GlossDataset *dataset = gloss_dataset_new ();
  GlossDatasetDocument *document;
  GlossDatasetLabel *label;

  label = gloss_dataset_ensure_label (dataset, "Reformist camp");
  label->color = g_strdup ("#3584e4");
  g_free (label->hotkey);
  label->hotkey = g_strdup ("1");
  label = gloss_dataset_ensure_label (dataset, "Hardline camp");
  label->color = g_strdup ("#e01b24");
  g_free (label->hotkey);
  label->hotkey = g_strdup ("2");
  g_free (label->description);
  label->description = g_strdup ("Actors who favour confrontation");
  label = gloss_dataset_ensure_label (dataset, "Security establishment");
  label->color = g_strdup ("#ff7800");
  label = gloss_dataset_ensure_label (dataset, "Foreign government");
  label->color = g_strdup ("#2ec27e");

  document = gloss_dataset_add_document (dataset, "zangezur.txt",
                                         "The corridor — branded the “Trump Route.” Iranian President "
                                         "Masoud Pezeshkian has voiced a pragmatic stance, while the "
                                         "Islamic Revolutionary Guard Corps (IRGC) objects.");
  document->status = GLOSS_DOCUMENT_STATUS_DONE;
  gloss_test_add_phrase_span (document, "Masoud Pezeshkian", "Reformist camp", "Ana", "the president");
  /* Nested: the IRGC's full name contains "Guard". */
  gloss_test_add_phrase_span (document, "Islamic Revolutionary Guard Corps", "Security establishment",
                              "Ana", "");
  gloss_test_add_phrase_span (document, "Guard", "Hardline camp", "Omid", "nested inside the IRGC");
  gloss_test_add_phrase_span (document, "IRGC", "Security establishment", "Ana", "");

  document = gloss_dataset_add_document (dataset, "emoji.txt",
                                         "Baku 🇦🇿 and Tehran 🇮🇷 trade barbs 😠; Yerevan 🇦🇲 watches.");
  document->status = GLOSS_DOCUMENT_STATUS_IN_PROGRESS;
  gloss_test_add_phrase_span (document, "Tehran 🇮🇷", "Hardline camp", "", "");
  gloss_test_add_phrase_span (document, "Yerevan", "Foreign government", "Omid", "");
  gloss_test_add_phrase_span (document, "Baku", "Foreign government", "Omid", "");

  document = gloss_dataset_add_document (dataset, "persian.txt",
                                         "پزشکیان می\u200cخواهد روابط با همسایگان عادی شود، "
                                         "اما ولایتی مخالف است.");
  document->status = GLOSS_DOCUMENT_STATUS_IN_PROGRESS;
  gloss_test_add_phrase_span (document, "پزشکیان", "Reformist camp", "Omid", "یادداشت");
  gloss_test_add_phrase_span (document, "ولایتی", "Hardline camp", "Omid", "");

  document = gloss_dataset_add_document (dataset, "crlf.txt",
                                         "Ali Akbar Velayati vowed to block it.\r\n"
                                         "Ahmad Alili, of the Caucasus Center, disagrees.\r\n");
  gloss_test_add_phrase_span (document, "Ali Akbar Velayati", "Hardline camp", "Ana", "");
  gloss_test_add_phrase_span (document, "Ahmad Alili", "Reformist camp", "Ana", "an analyst, not a camp");
  /* Overlapping, not nested: "Velayati vowed" and "Ali Akbar Velayati". */
  gloss_test_add_phrase_span (document, "Velayati vowed", "Security establishment", "Omid", "");

  document = gloss_dataset_add_document (dataset, "combining.txt",
                                         "Re\u0301sume\u0301 of Zu\u0308rich talks: Cafe\u0301 "
                                         "diplomacy in A\u030Arhus.");
  gloss_test_add_phrase_span (document, "Zu\u0308rich", "Foreign government", "", "");
  gloss_test_add_phrase_span (document, "A\u030Arhus", "Foreign government", "", "");

  for (guint i = 0; i < dataset->documents->len; i++)
    gloss_dataset_document_sort_spans (g_ptr_array_index (dataset->documents, i));

  return dataset;
}
