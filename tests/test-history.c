/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-history.h"
#include "gloss-store.h"

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
  GlossHistory *history;
  GlossLabel *reformist;
  GlossLabel *hardline;
  gint64 document_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-history-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->dir, "history.gloss", NULL);
  fixture->store = gloss_store_create (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->reformist = gloss_store_add_label (fixture->store, "Reformist camp", "#3584e4", "1", NULL, NULL);
  fixture->hardline = gloss_store_add_label (fixture->store, "Hardline camp", "#e01b24", "2", NULL, NULL);
  fixture->document_id = gloss_store_add_document (fixture->store, "a.txt",
                                                   "Pezeshkian 🤝 Baku; Velayati — “no.”", NULL, NULL);
  /* The history starts after the setup, as a window's does. */
  fixture->history = gloss_history_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->history);
  g_clear_object (&fixture->reformist);
  g_clear_object (&fixture->hardline);
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static guint
count_spans (Fixture *fixture)
{
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);

  return spans->len;
}

static void
test_create_relabel_delete (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GlossSpan) relabeled = NULL;
  g_autoptr(GlossSpan) current = NULL;
  gint64 id;

  g_assert_false (gloss_history_can_undo (fixture->history));

  span = gloss_store_add_span (fixture->store, fixture->document_id,
                               gloss_label_get_id (fixture->reformist), 19, 27, "Ana", "", &error);
  id = gloss_span_get_id (span);
  relabeled = gloss_store_relabel_span (fixture->store, id, gloss_label_get_id (fixture->hardline), &error);
  g_assert_true (gloss_store_delete_span (fixture->store, id, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 0);

  /* Undo the delete: the same span, same id, back. */
  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  current = gloss_store_get_span (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_label_id (current), ==, gloss_label_get_id (fixture->hardline));
  g_clear_object (&current);

  /* Undo the relabel. */
  g_assert_true (gloss_history_undo (fixture->history, &error));
  current = gloss_store_get_span (fixture->store, id, &error);
  g_assert_cmpint (gloss_span_get_label_id (current), ==, gloss_label_get_id (fixture->reformist));
  g_clear_object (&current);

  /* Undo the creation. */
  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 0);
  g_assert_false (gloss_history_can_undo (fixture->history));
  g_assert_true (gloss_history_can_redo (fixture->history));

  /* Redo all three. */
  g_assert_true (gloss_history_redo (fixture->history, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 1);
  g_assert_true (gloss_history_redo (fixture->history, &error));
  current = gloss_store_get_span (fixture->store, id, &error);
  g_assert_cmpint (gloss_span_get_label_id (current), ==, gloss_label_get_id (fixture->hardline));
  g_assert_true (gloss_history_redo (fixture->history, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 0);
  g_assert_false (gloss_history_can_redo (fixture->history));
}

static void
test_new_action_clears_redo (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) first = gloss_store_add_span (fixture->store, fixture->document_id,
                                                     gloss_label_get_id (fixture->reformist), 0, 10,
                                                     NULL, NULL, &error);
  g_autoptr(GlossSpan) second = NULL;

  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_true (gloss_history_can_redo (fixture->history));

  second = gloss_store_add_span (fixture->store, fixture->document_id,
                                 gloss_label_get_id (fixture->hardline), 19, 27, NULL, NULL, &error);
  g_assert_false (gloss_history_can_redo (fixture->history));
  g_assert_cmpuint (count_spans (fixture), ==, 1);
}

/* A batch in one transaction (label all matches) is one step. */
static void
test_batch_is_one_step (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_begin (fixture->store, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GlossSpan) span = gloss_store_add_span (fixture->store, fixture->document_id,
                                                        gloss_label_get_id (fixture->reformist),
                                                        i * 2, i * 2 + 1, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gloss_store_commit (fixture->store, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 3);

  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 0);
  g_assert_false (gloss_history_can_undo (fixture->history));

  g_assert_true (gloss_history_redo (fixture->history, &error));
  g_assert_cmpuint (count_spans (fixture), ==, 3);
}

/* Deleting a label takes its spans; one undo brings back both. */
static void
test_label_delete (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = gloss_store_add_span (fixture->store, fixture->document_id,
                                                    gloss_label_get_id (fixture->hardline), 19, 27,
                                                    "Ana", "a note", &error);
  g_autoptr(GlossSpan) restored = NULL;
  g_autoptr(GlossLabel) label = NULL;

  g_assert_true (gloss_store_delete_label (fixture->store, gloss_label_get_id (fixture->hardline), &error));
  g_assert_cmpuint (count_spans (fixture), ==, 0);

  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  label = gloss_store_get_label (fixture->store, gloss_label_get_id (fixture->hardline), &error);
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Hardline camp");
  g_assert_cmpstr (gloss_label_get_hotkey (label), ==, "2");
  restored = gloss_store_get_span (fixture->store, gloss_span_get_id (span), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_note (restored), ==, "a note");
  g_assert_cmpstr (gloss_span_get_created (restored), ==, gloss_span_get_created (span));
}

/* Deleting a document is undone with its text and spans, ids kept. */
static void
test_document_delete (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = gloss_store_add_span (fixture->store, fixture->document_id,
                                                    gloss_label_get_id (fixture->hardline), 19, 27,
                                                    "Ana", "", &error);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) restored = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gloss_store_rename_document (fixture->store, fixture->document_id, "renamed.txt", &error));
  g_assert_true (gloss_store_set_document_status (fixture->store, fixture->document_id,
                                                  GLOSS_DOCUMENT_STATUS_DONE, &error));
  g_assert_true (gloss_store_delete_document (fixture->store, fixture->document_id, &error));
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 0);

  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  document = gloss_store_get_document (fixture->store, fixture->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "renamed.txt");
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_DONE);
  g_assert_cmpint (gloss_document_get_span_count (document), ==, 1);
  text = gloss_store_load_text (fixture->store, fixture->document_id, &error);
  g_assert_cmpstr (text, ==, "Pezeshkian 🤝 Baku; Velayati — “no.”");
  restored = gloss_store_get_span (fixture->store, gloss_span_get_id (span), &error);
  g_assert_no_error (error);

  /* Status, then the name. */
  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_clear_object (&document);
  document = gloss_store_get_document (fixture->store, fixture->document_id, &error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "a.txt");
  g_assert_cmpint (gloss_document_get_status (document), ==, GLOSS_DOCUMENT_STATUS_IN_PROGRESS);

  /* Redo everything, the delete last. */
  for (int i = 0; i < 3; i++)
    g_assert_true (gloss_history_redo (fixture->history, &error));
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 0);
}

static void
test_note (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = gloss_store_add_span (fixture->store, fixture->document_id,
                                                    gloss_label_get_id (fixture->hardline), 19, 27,
                                                    "Ana", "", &error);
  g_autoptr(GlossSpan) noted = gloss_store_set_span_note (fixture->store, gloss_span_get_id (span),
                                                          "adviser to Khamenei", &error);
  g_autoptr(GlossSpan) current = NULL;

  g_assert_cmpstr (gloss_span_get_note (noted), ==, "adviser to Khamenei");
  g_assert_true (gloss_history_undo (fixture->history, &error));
  current = gloss_store_get_span (fixture->store, gloss_span_get_id (span), &error);
  g_assert_cmpstr (gloss_span_get_note (current), ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/history/create-relabel-delete", test_create_relabel_delete);
  ADD ("/gloss/history/new-action-clears-redo", test_new_action_clears_redo);
  ADD ("/gloss/history/batch-is-one-step", test_batch_is_one_step);
  ADD ("/gloss/history/label-delete", test_label_delete);
  ADD ("/gloss/history/document-delete", test_document_delete);
  ADD ("/gloss/history/note", test_note);

#undef ADD

  return g_test_run ();
}
