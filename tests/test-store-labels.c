/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Editing the label set: each edit, its refusals and their messages, and that
 * one undo puts back exactly what the edit changed. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-history.h"
#include "gloss-store-private.h"

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
  GlossHistory *history;
  gint64 reformist;
  gint64 hardline;
  gint64 security;
  gint64 first_document;
  gint64 second_document;
  guint labels_changed;
} Fixture;

static gint64
add_label (Fixture    *fixture,
           const char *name,
           const char *color,
           const char *hotkey)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = gloss_store_add_label (fixture->store, name, color, hotkey,
                                                       "", &error);

  g_assert_no_error (error);
  return gloss_label_get_id (label);
}

static void
add_span (Fixture *fixture,
          gint64   document_id,
          gint64   label_id,
          gint64   start,
          gint64   end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = gloss_store_add_span (fixture->store, document_id, label_id,
                                                    start, end, "Ana", "", &error);

  g_assert_no_error (error);
}

static void
on_labels_changed_cb (GlossStore *store,
                      Fixture    *fixture)
{
  fixture->labels_changed++;
}

/* Three labels; Security establishment has three spans in two documents, one
 * of them over the same range as a Hardline camp span. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-store-labels-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "labels.gloss", NULL);
  fixture->store = gloss_store_create (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->reformist = add_label (fixture, "Reformist camp", "#3584e4", "1");
  fixture->hardline = add_label (fixture, "Hardline camp", "#e01b24", "2");
  fixture->security = add_label (fixture, "Security establishment", "#ff7800", "3");

  fixture->first_document = gloss_store_add_document (fixture->store, "a.txt",
                                                      "Pezeshkian 🤝 Baku; Velayati — “no.” IRGC",
                                                      NULL, &error);
  g_assert_no_error (error);
  fixture->second_document = gloss_store_add_document (fixture->store, "b.txt",
                                                       "The IRGC and the Artesh", NULL, &error);
  g_assert_no_error (error);

  add_span (fixture, fixture->first_document, fixture->reformist, 0, 10);
  add_span (fixture, fixture->first_document, fixture->hardline, 19, 27);
  add_span (fixture, fixture->first_document, fixture->security, 19, 27);
  add_span (fixture, fixture->first_document, fixture->security, 36, 40);
  add_span (fixture, fixture->second_document, fixture->security, 4, 8);

  /* The history starts after the setup, as a window's does. */
  fixture->history = gloss_history_new (fixture->store);
  g_signal_connect (fixture->store, "labels-changed", G_CALLBACK (on_labels_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Every label and span row, every column: two dumps are equal when the
 * project holds exactly the same rows. */
static char *
dump_project (Fixture *fixture)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  gint64 documents[] = { fixture->first_document, fixture->second_document };

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = labels->pdata[i];

      g_string_append_printf (dump, "label %" G_GINT64_FORMAT " %s|%s|%s|%s|%d\n",
                              gloss_label_get_id (label), gloss_label_get_name (label),
                              gloss_label_get_color (label), gloss_label_get_hotkey (label),
                              gloss_label_get_description (label),
                              gloss_label_get_position (label));
    }

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, documents[d], NULL);
      g_autoptr(GlossDocument) document = gloss_store_get_document (fixture->store, documents[d],
                                                                    NULL);

      g_string_append_printf (dump, "document %" G_GINT64_FORMAT " spans %" G_GINT64_FORMAT "\n",
                              documents[d], gloss_document_get_span_count (document));
      for (guint i = 0; i < spans->len; i++)
        {
          GlossSpan *span = spans->pdata[i];

          g_string_append_printf (dump,
                                  "span %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                  " %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s|%s|%s|%s\n",
                                  gloss_span_get_id (span), gloss_span_get_document_id (span),
                                  gloss_span_get_label_id (span), gloss_span_get_start (span),
                                  gloss_span_get_end (span), gloss_span_get_annotator (span),
                                  gloss_span_get_note (span), gloss_span_get_created (span),
                                  gloss_span_get_modified (span));
        }
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Undo restores the project exactly; redo brings the edit back exactly. */
static void
assert_undo_redo (Fixture    *fixture,
                  const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = dump_project (fixture);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (after, !=, before);

  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  undone = dump_project (fixture);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (gloss_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  redone = dump_project (fixture);
  g_assert_cmpstr (redone, ==, after);
}

static GlossLabel *
get_label (Fixture *fixture,
           gint64   label_id)
{
  g_autoptr(GError) error = NULL;
  GlossLabel *label = gloss_store_get_label (fixture->store, label_id, &error);

  g_assert_no_error (error);
  return label;
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) renamed = NULL;

  renamed = gloss_store_update_label (fixture->store, fixture->hardline, "  Principlists ",
                                      NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_name (renamed), ==, "Principlists");
  g_assert_cmpstr (gloss_label_get_color (renamed), ==, "#e01b24");
  g_assert_cmpstr (gloss_label_get_hotkey (renamed), ==, "2");
  g_assert_cmpint (gloss_label_get_position (renamed), ==, 1);
  g_assert_cmpuint (fixture->labels_changed, ==, 1);

  assert_undo_redo (fixture, before);
}

static void
test_recolor_and_describe (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;

  label = gloss_store_update_label (fixture->store, fixture->hardline, NULL, "#F6D32D", NULL,
                                    "Principlists and their allies", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#f6d32d");
  g_assert_cmpstr (gloss_label_get_description (label), ==, "Principlists and their allies");
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Hardline camp");

  assert_undo_redo (fixture, before);
}

static void
test_invalid_color (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;

  label = gloss_store_update_label (fixture->store, fixture->hardline, NULL, "red", NULL, NULL,
                                    &error);
  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“red” is not a color; a label’s color looks like #3584e4");

  after = dump_project (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_hotkey (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GlossLabel) cleared = NULL;
  g_autoptr(GlossLabel) upper = NULL;

  label = gloss_store_update_label (fixture->store, fixture->hardline, NULL, NULL, "h", NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_hotkey (label), ==, "h");
  assert_undo_redo (fixture, before);

  /* The freed key is free for another label. */
  cleared = gloss_store_update_label (fixture->store, fixture->reformist, NULL, NULL, "2", NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_hotkey (cleared), ==, "2");

  /* No key at all; and Shift+H is another key than H. */
  g_clear_object (&cleared);
  cleared = gloss_store_update_label (fixture->store, fixture->reformist, NULL, NULL, "", NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_hotkey (cleared), ==, "");
  upper = gloss_store_update_label (fixture->store, fixture->reformist, NULL, NULL, "H", NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_hotkey (upper), ==, "H");
}

static void
test_hotkey_taken (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;

  label = gloss_store_update_label (fixture->store, fixture->hardline, "Principlists", NULL, "3",
                                    NULL, &error);
  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "“3” is already the key of the label “Security establishment”");

  /* Refused whole: the new name did not go in either. */
  after = dump_project (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gloss_history_can_undo (fixture->history));
  g_assert_cmpuint (fixture->labels_changed, ==, 0);
}

/* A query that fails while the project is open, as an I/O error would:
 * the trace sees each statement start, and the progress handler stops
 * the ones whose SQL holds FAILING. */
typedef struct
{
  const char *failing;
  gboolean interrupt;
} QueryFault;

static int
on_statement_cb (unsigned int  type,
                 void         *data,
                 void         *statement,
                 void         *sql)
{
  QueryFault *fault = data;

  fault->interrupt = strstr (sqlite3_sql (statement), fault->failing) != NULL;
  return 0;
}

static int
on_progress_cb (void *data)
{
  QueryFault *fault = data;

  return fault->interrupt;
}

/* Makes the store's statements whose SQL holds FAILING fail, until
 * query_fault_end (). */
static void
query_fault_begin (Fixture    *fixture,
                   QueryFault *fault,
                   const char *failing)
{
  fault->failing = failing;
  fault->interrupt = FALSE;
  sqlite3_trace_v2 (fixture->store->db, SQLITE_TRACE_STMT, on_statement_cb, fault);
  sqlite3_progress_handler (fixture->store->db, 1, on_progress_cb, fault);
}

static void
query_fault_end (Fixture *fixture)
{
  sqlite3_progress_handler (fixture->store->db, 0, NULL, NULL);
  sqlite3_trace_v2 (fixture->store->db, 0, NULL, NULL);
}

/* The check for another label with the key fails: the key is refused
 * rather than given to a second label unchecked. */
static void
test_hotkey_check_fails (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  QueryFault fault;

  query_fault_begin (fixture, &fault, "FROM labels WHERE hotkey = ?");
  label = gloss_store_update_label (fixture->store, fixture->hardline, NULL, NULL, "3", NULL,
                                    &error);
  query_fault_end (fixture);

  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "labels.gloss"));
  after = dump_project (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gloss_history_can_undo (fixture->history));
}

/* A label that cannot be read because the query fails is not said to be
 * missing: the message names the project and what went wrong. */
static void
test_get_label_fails (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  QueryFault fault;

  query_fault_begin (fixture, &fault, "FROM labels WHERE id = ?");
  label = gloss_store_get_label (fixture->store, fixture->hardline, &error);
  query_fault_end (fixture);

  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "labels.gloss"));
  g_clear_error (&error);

  label = gloss_store_get_label (fixture->store, fixture->hardline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Hardline camp");
}

static void
test_hotkey_invalid (Fixture       *fixture,
                     gconstpointer  user_data)
{
  /* Keys GTK cannot show as a key are refused too: punctuation, letters
   * outside ASCII. */
  const char *invalid[] = { "ab", " ", "\t", "12", "#", "<", "é", "ا" };
  g_autofree char *before = dump_project (fixture);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossLabel) label = gloss_store_update_label (fixture->store, fixture->hardline,
                                                              NULL, NULL, invalid[i], NULL, &error);

      g_assert_null (label);
      g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
      if (i == 0)
        g_assert_cmpstr (error->message, ==,
                         "A label’s key must be a single letter or digit, not “ab”");
    }

  after = dump_project (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_name_taken_or_empty (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;

  label = gloss_store_update_label (fixture->store, fixture->hardline, "Reformist camp", NULL,
                                    NULL, NULL, &error);
  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "There is already a label named “Reformist camp”");
  g_clear_error (&error);

  label = gloss_store_update_label (fixture->store, fixture->hardline, "  ", NULL, NULL, NULL,
                                    &error);
  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A label needs a name");
  g_clear_error (&error);

  label = gloss_store_update_label (fixture->store, 999, "Anything", NULL, NULL, NULL, &error);
  g_assert_null (label);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);

  after = dump_project (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gloss_history_can_undo (fixture->history));
}

/* Saving what is already stored is no step to undo. */
static void
test_no_change (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;

  label = gloss_store_update_label (fixture->store, fixture->hardline, "Hardline camp", "#E01B24",
                                    "2", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Hardline camp");
  g_assert_false (gloss_history_can_undo (fixture->history));
  g_assert_cmpuint (fixture->labels_changed, ==, 0);
}

static void
test_count_spans (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_assert_cmpuint (gloss_store_count_label_spans (fixture->store, fixture->security), ==, 3);
  g_assert_cmpuint (gloss_store_count_label_documents (fixture->store, fixture->security), ==, 2);
  g_assert_cmpuint (gloss_store_count_label_spans (fixture->store, fixture->reformist), ==, 1);
  g_assert_cmpuint (gloss_store_count_label_documents (fixture->store, fixture->reformist), ==, 1);
  g_assert_cmpuint (gloss_store_count_label_spans (fixture->store, 999), ==, 0);
}

/* The relations deleting a label takes with its spans: those from or to
 * one of them, each once; relations between other spans stay out. */
static void
test_count_relations (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelationLabel) backs = NULL;
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->first_document,
                                                       &error);
  /* Reformist 0-10, hardline 19-27, security 19-27, security 36-40. */
  gint64 ids[4] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 4);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = spans->pdata[i];
      gint64 label = gloss_span_get_label_id (span);
      guint slot = label == fixture->reformist ? 0 : label == fixture->hardline ? 1
                   : gloss_span_get_start (span) == 19 ? 2 : 3;

      ids[slot] = gloss_span_get_id (span);
    }
  backs = gloss_store_add_relation_label (fixture->store, "Backs", NULL, "", "", TRUE, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_store_count_label_relations (fixture->store, fixture->security), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      static const guint ends[][2] = { { 0, 1 }, { 0, 2 }, { 2, 3 } };
      g_autoptr(GlossRelation) relation =
        gloss_store_add_relation (fixture->store, fixture->first_document,
                                  gloss_relation_label_get_id (backs), ids[ends[i][0]],
                                  ids[ends[i][1]], "Ana", "", &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (gloss_store_count_label_relations (fixture->store, fixture->security), ==, 2);
  g_assert_cmpuint (gloss_store_count_label_relations (fixture->store, fixture->reformist), ==, 2);
  g_assert_cmpuint (gloss_store_count_label_relations (fixture->store, fixture->hardline), ==, 1);
  g_assert_cmpuint (gloss_store_count_label_relations (fixture->store, 999), ==, 0);
}

/* What the count announced is what the delete takes, and undo puts it all
 * back. */
static void
test_delete_counted (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autoptr(GError) error = NULL;
  guint announced = gloss_store_count_label_spans (fixture->store, fixture->security);
  g_autoptr(GPtrArray) first = gloss_store_list_spans (fixture->store, fixture->first_document,
                                                       NULL);
  g_autoptr(GPtrArray) second = gloss_store_list_spans (fixture->store, fixture->second_document,
                                                        NULL);
  g_autoptr(GPtrArray) first_after = NULL;
  g_autoptr(GPtrArray) second_after = NULL;

  g_assert_true (gloss_store_delete_label (fixture->store, fixture->security, &error));
  g_assert_no_error (error);

  first_after = gloss_store_list_spans (fixture->store, fixture->first_document, NULL);
  second_after = gloss_store_list_spans (fixture->store, fixture->second_document, NULL);
  g_assert_cmpuint ((first->len + second->len) - (first_after->len + second_after->len), ==,
                    announced);
  g_assert_cmpuint (gloss_store_count_label_spans (fixture->store, fixture->security), ==, 0);

  assert_undo_redo (fixture, before);
}

static guint
count_spans_with_label (Fixture *fixture,
                        gint64   label_id)
{
  gint64 documents[] = { fixture->first_document, fixture->second_document };
  guint count = 0;

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, documents[d], NULL);

      for (guint i = 0; i < spans->len; i++)
        count += gloss_span_get_label_id (spans->pdata[i]) == label_id;
    }

  return count;
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) gone = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_true (gloss_store_merge_labels (fixture->store, fixture->security, fixture->hardline,
                                           &error));
  g_assert_no_error (error);

  gone = gloss_store_get_label (fixture->store, fixture->security, &error);
  g_assert_null (gone);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  labels = gloss_store_list_labels (fixture->store, NULL);
  g_assert_cmpuint (labels->len, ==, 2);

  /* Two spans moved; the one over Hardline camp's own range became a copy
   * and went, so Velayati is labeled once. */
  g_assert_cmpuint (count_spans_with_label (fixture, fixture->hardline), ==, 3);
  g_assert_cmpuint (count_spans_with_label (fixture, fixture->security), ==, 0);
  first = gloss_store_list_spans (fixture->store, fixture->first_document, NULL);
  g_assert_cmpuint (first->len, ==, 3);
  for (guint i = 0; i < first->len; i++)
    for (guint j = i + 1; j < first->len; j++)
      {
        GlossSpan *a = first->pdata[i];
        GlossSpan *b = first->pdata[j];

        g_assert_false (gloss_span_get_start (a) == gloss_span_get_start (b) &&
                        gloss_span_get_end (a) == gloss_span_get_end (b) &&
                        gloss_span_get_label_id (a) == gloss_span_get_label_id (b));
      }

  assert_undo_redo (fixture, before);
}

/* Spans that were already copies of each other within the merged label
 * also end as one. */
static void
test_merge_duplicates_within (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  add_span (fixture, fixture->second_document, fixture->security, 4, 8);
  gloss_history_clear (fixture->history);
  before = dump_project (fixture);

  g_assert_true (gloss_store_merge_labels (fixture->store, fixture->security, fixture->reformist,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_spans_with_label (fixture, fixture->reformist), ==, 4);

  assert_undo_redo (fixture, before);
}

static void
test_merge_refused (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_store_merge_labels (fixture->store, fixture->hardline, fixture->hardline,
                                            &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Hardline camp” cannot be merged into itself");
  g_clear_error (&error);

  g_assert_false (gloss_store_merge_labels (fixture->store, fixture->hardline, 999, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);

  after = dump_project (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gloss_history_can_undo (fixture->history));
}

static char *
label_order (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = labels->pdata[i];

      /* Positions are numbered from 0 without gaps. */
      g_assert_cmpint (gloss_label_get_position (label), ==, i);
      g_string_append_printf (order, "%s%s", i > 0 ? ", " : "", gloss_label_get_name (label));
    }

  return g_string_free (g_steal_pointer (&order), FALSE);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *before = dump_project (fixture);
  g_autofree char *order = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_move_label (fixture->store, fixture->security, 0, &error));
  g_assert_no_error (error);
  order = label_order (fixture);
  g_assert_cmpstr (order, ==, "Security establishment, Reformist camp, Hardline camp");
  assert_undo_redo (fixture, before);

  /* Past the end is last. */
  g_clear_pointer (&order, g_free);
  g_assert_true (gloss_store_move_label (fixture->store, fixture->security, 99, &error));
  order = label_order (fixture);
  g_assert_cmpstr (order, ==, "Reformist camp, Hardline camp, Security establishment");

  g_assert_false (gloss_store_move_label (fixture->store, 999, 0, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
}

/* A deleted label leaves a gap; the next move closes it. */
static void
test_move_renumbers (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autofree char *order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) security = NULL;

  g_assert_true (gloss_store_delete_label (fixture->store, fixture->reformist, &error));
  gloss_history_clear (fixture->history);
  before = dump_project (fixture);

  g_assert_true (gloss_store_move_label (fixture->store, fixture->hardline, 0, &error));
  g_assert_no_error (error);
  order = label_order (fixture);
  g_assert_cmpstr (order, ==, "Hardline camp, Security establishment");
  security = get_label (fixture, fixture->security);
  g_assert_cmpint (gloss_label_get_position (security), ==, 1);

  assert_undo_redo (fixture, before);
}

/* Moving a label to where it is changes nothing. */
static void
test_move_in_place (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_move_label (fixture->store, fixture->hardline, 1, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_history_can_undo (fixture->history));
  g_assert_cmpuint (fixture->labels_changed, ==, 0);
}

/* Each label with its position, in the list's order. */
static char *
label_positions (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GString) positions = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (positions, "%s%s@%d", i > 0 ? ", " : "",
                            gloss_label_get_name (labels->pdata[i]),
                            gloss_label_get_position (labels->pdata[i]));

  return g_string_free (g_steal_pointer (&positions), FALSE);
}

/* Adds a label and checks that it went last: one past the greatest
 * position the project has at that moment, as it always was. */
static gint64
add_label_last (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  int expected = 0;

  for (guint i = 0; i < labels->len; i++)
    expected = MAX (expected, gloss_label_get_position (labels->pdata[i]) + 1);

  label = gloss_store_add_label (fixture->store, name, "#2ec27e", "", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_label_get_position (label), ==, expected);
  return gloss_label_get_id (label);
}

/* Many labels added in one transaction each go last, as one added alone
 * does, whatever else the transaction did in between: a level rolled back,
 * a label deleted, the labels reordered, a label written back as undo
 * does. */
static void
test_add_positions (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) a = NULL;
  g_autoptr(GlossLabel) moved_a = NULL;
  g_autofree char *before = dump_project (fixture);
  g_autofree char *positions = NULL;
  gint64 a_id, e, g;

  g_assert_true (gloss_store_begin (fixture->store, &error));
  a_id = add_label_last (fixture, "A");
  add_label_last (fixture, "B");

  /* What a rolled back level added is not there: the next label takes the
   * first of its positions again. */
  g_assert_true (gloss_store_begin (fixture->store, &error));
  add_label_last (fixture, "C");
  add_label_last (fixture, "D");
  gloss_store_rollback (fixture->store);
  e = add_label_last (fixture, "E");

  /* The last label deleted: its position is free again. */
  g_assert_true (gloss_store_delete_label (fixture->store, e, &error));
  g_assert_no_error (error);
  add_label_last (fixture, "F");

  /* A gap, then a move that closes it: the greatest position goes down. */
  g_assert_true (gloss_store_delete_label (fixture->store, fixture->reformist, &error));
  g_assert_no_error (error);
  g = add_label_last (fixture, "G");
  g_assert_true (gloss_store_move_label (fixture->store, g, 0, &error));
  g_assert_no_error (error);
  add_label_last (fixture, "H");

  /* A label written back with a position past the others, as undo and redo
   * write rows. */
  a = get_label (fixture, a_id);
  moved_a = gloss_label_new (a_id, gloss_label_get_name (a), gloss_label_get_color (a),
                             gloss_label_get_hotkey (a), gloss_label_get_description (a), 40);
  g_assert_true (gloss_store_put_label (fixture->store, moved_a, &error));
  g_assert_no_error (error);
  add_label_last (fixture, "I");

  /* Many more, each last. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Label %u", i);

      add_label_last (fixture, name);
    }

  g_assert_true (gloss_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  /* Undo takes all of it back in one step, redo brings it again, and the
   * next label goes after them. */
  assert_undo_redo (fixture, before);
  add_label_last (fixture, "J");

  /* As stored, read again from the file. */
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  positions = label_positions (fixture);
  g_assert_true (g_str_has_prefix (positions,
                                   "G@0, Hardline camp@1, Security establishment@2, B@4, F@5, "
                                   "H@6, A@40, I@41, Label 0@42, Label 1@43, "));
  g_assert_true (g_str_has_suffix (positions, ", Label 998@1040, Label 999@1041, J@1042"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/store/labels/rename", test_rename);
  ADD ("/gloss/store/labels/recolor-and-describe", test_recolor_and_describe);
  ADD ("/gloss/store/labels/invalid-color", test_invalid_color);
  ADD ("/gloss/store/labels/hotkey", test_hotkey);
  ADD ("/gloss/store/labels/hotkey-taken", test_hotkey_taken);
  ADD ("/gloss/store/labels/hotkey-invalid", test_hotkey_invalid);
  ADD ("/gloss/store/labels/hotkey-check-fails", test_hotkey_check_fails);
  ADD ("/gloss/store/labels/get-fails", test_get_label_fails);
  ADD ("/gloss/store/labels/name-taken-or-empty", test_name_taken_or_empty);
  ADD ("/gloss/store/labels/no-change", test_no_change);
  ADD ("/gloss/store/labels/count-spans", test_count_spans);
  ADD ("/gloss/store/labels/count-relations", test_count_relations);
  ADD ("/gloss/store/labels/delete-counted", test_delete_counted);
  ADD ("/gloss/store/labels/merge", test_merge);
  ADD ("/gloss/store/labels/merge-duplicates-within", test_merge_duplicates_within);
  ADD ("/gloss/store/labels/merge-refused", test_merge_refused);
  ADD ("/gloss/store/labels/move", test_move);
  ADD ("/gloss/store/labels/move-renumbers", test_move_renumbers);
  ADD ("/gloss/store/labels/move-in-place", test_move_in_place);
  ADD ("/gloss/store/labels/add-positions", test_add_positions);

#undef ADD

  return g_test_run ();
}
