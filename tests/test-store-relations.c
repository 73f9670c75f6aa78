/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations between spans, span attributes and document categories in the
 * project file: each call, its refusals, its undo and redo, what survives
 * a restart, the migration from schema 3, a crash and another program's
 * lock in the middle of a change. */

#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-history.h"
#include "gloss-store-private.h"
#include "gloss-test-store.h"
#include "gloss-test-util.h"

#define TEXT "Velayati met Pezeshkian in Baku; Aliyev said the corridor stays shut. 🚧"

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
  GlossHistory *history;
  gint64 actor;      /* span labels */
  gint64 place;
  gint64 document_id;
  gint64 other_document_id;
  gint64 velayati;   /* spans of the document */
  gint64 pezeshkian;
  gint64 baku;
  gint64 aliyev;
  gint64 elsewhere;  /* a span of the other document */
  gint64 met;        /* relation labels: directed */
  gint64 allied;     /* undirected */
} Fixture;

static gint64
add_span (GlossStore *store,
          gint64      document_id,
          gint64      label_id,
          gint64      start,
          gint64      end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = gloss_store_add_span (store, document_id, label_id, start, end,
                                                    "Ana", NULL, &error);

  g_assert_no_error (error);
  return gloss_span_get_id (span);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) actor = NULL;
  g_autoptr(GlossLabel) place = NULL;
  g_autoptr(GlossRelationLabel) met = NULL;
  g_autoptr(GlossRelationLabel) allied = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-relations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "analysis.gloss", NULL);
  fixture->store = gloss_store_create (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);

  actor = gloss_store_add_label (fixture->store, "Actor", "#3584e4", "1", NULL, &error);
  g_assert_no_error (error);
  place = gloss_store_add_label (fixture->store, "Place", "#e01b24", "2", NULL, &error);
  g_assert_no_error (error);
  fixture->actor = gloss_label_get_id (actor);
  fixture->place = gloss_label_get_id (place);

  fixture->document_id = gloss_store_add_document (fixture->store, "baku.txt", TEXT, NULL, &error);
  g_assert_no_error (error);
  fixture->other_document_id = gloss_store_add_document (fixture->store, "other.txt",
                                                         "Velayati again.", NULL, &error);
  g_assert_no_error (error);

  fixture->velayati = add_span (fixture->store, fixture->document_id, fixture->actor, 0, 8);
  fixture->pezeshkian = add_span (fixture->store, fixture->document_id, fixture->actor, 13, 23);
  fixture->baku = add_span (fixture->store, fixture->document_id, fixture->place, 27, 31);
  fixture->aliyev = add_span (fixture->store, fixture->document_id, fixture->actor, 33, 39);
  fixture->elsewhere = add_span (fixture->store, fixture->other_document_id, fixture->actor, 0, 8);

  met = gloss_store_add_relation_label (fixture->store, "met", "#2ec27e", "m", "Met in person",
                                        TRUE, &error);
  g_assert_no_error (error);
  allied = gloss_store_add_relation_label (fixture->store, "allied", NULL, NULL, NULL, FALSE,
                                           &error);
  g_assert_no_error (error);
  fixture->met = gloss_relation_label_get_id (met);
  fixture->allied = gloss_relation_label_get_id (allied);

  /* The history starts after the setup, as a window's does. */
  fixture->history = gloss_history_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GlossRelation *
add_relation (Fixture *fixture,
              gint64   label_id,
              gint64   from_id,
              gint64   to_id)
{
  g_autoptr(GError) error = NULL;
  GlossRelation *relation = gloss_store_add_relation (fixture->store, fixture->document_id,
                                                      label_id, from_id, to_id, "Ana", NULL,
                                                      &error);

  g_assert_no_error (error);
  g_assert_nonnull (relation);
  return relation;
}

/* The ids of the document's relations, in order, as "1 2 3". */
static char *
relation_ids (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = gloss_store_list_relations (fixture->store,
                                                               fixture->document_id, &error);
  GString *ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            gloss_relation_get_id (relations->pdata[i]));

  return g_string_free (ids, FALSE);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_undo (fixture->history, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_history_redo (fixture->history, &error));
  g_assert_no_error (error);
}

/* Relation labels: added last in the list with a color of their own when
 * none is given, their names and keys unique, edited and deleted, each
 * one undoable step. */
static void
test_relation_labels (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autoptr(GlossRelationLabel) updated = NULL;
  g_autoptr(GlossRelationLabel) same = NULL;

  labels = gloss_store_list_relation_labels (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpstr (gloss_relation_label_get_name (labels->pdata[0]), ==, "met");
  g_assert_cmpstr (gloss_relation_label_get_color (labels->pdata[0]), ==, "#2ec27e");
  g_assert_cmpstr (gloss_relation_label_get_hotkey (labels->pdata[0]), ==, "m");
  g_assert_cmpstr (gloss_relation_label_get_description (labels->pdata[0]), ==, "Met in person");
  g_assert_true (gloss_relation_label_get_directed (labels->pdata[0]));
  g_assert_cmpint (gloss_relation_label_get_position (labels->pdata[0]), ==, 0);
  g_assert_cmpstr (gloss_relation_label_get_name (labels->pdata[1]), ==, "allied");
  g_assert_false (gloss_relation_label_get_directed (labels->pdata[1]));
  g_assert_cmpint (gloss_relation_label_get_position (labels->pdata[1]), ==, 1);
  /* A color picked apart from the first one's. */
  g_assert_cmpuint (strlen (gloss_relation_label_get_color (labels->pdata[1])), ==, 7);
  g_assert_cmpstr (gloss_relation_label_get_color (labels->pdata[1]), !=, "#2ec27e");

  label = gloss_store_add_relation_label (fixture->store, "  met ", NULL, NULL, NULL, TRUE, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_null (label);
  g_clear_error (&error);
  label = gloss_store_add_relation_label (fixture->store, "funds", NULL, "m", NULL, TRUE, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“met”"));
  g_clear_error (&error);
  label = gloss_store_add_relation_label (fixture->store, "funds", NULL, "Ctrl+F", NULL, TRUE,
                                          &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  label = gloss_store_add_relation_label (fixture->store, " ", NULL, NULL, NULL, TRUE, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  label = gloss_store_add_relation_label (fixture->store, "funds", "not a color", NULL, NULL, TRUE,
                                          &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gloss_history_can_undo (fixture->history));

  label = gloss_store_add_relation_label (fixture->store, " funds ", "#C01C28", "f", NULL, TRUE,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_label_get_name (label), ==, "funds");
  g_assert_cmpstr (gloss_relation_label_get_color (label), ==, "#c01c28");
  g_assert_cmpint (gloss_relation_label_get_position (label), ==, 2);

  updated = gloss_store_update_relation_label (fixture->store, gloss_relation_label_get_id (label),
                                               "pays", NULL, "", "Money", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_label_get_name (updated), ==, "pays");
  g_assert_cmpstr (gloss_relation_label_get_color (updated), ==, "#c01c28");
  g_assert_cmpstr (gloss_relation_label_get_hotkey (updated), ==, "");
  g_assert_cmpstr (gloss_relation_label_get_description (updated), ==, "Money");
  g_assert_false (gloss_relation_label_get_directed (updated));

  /* Another's name or key is refused, and the label stays as it was. */
  g_assert_null (gloss_store_update_relation_label (fixture->store,
                                                    gloss_relation_label_get_id (label), "met",
                                                    NULL, NULL, NULL, FALSE, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (gloss_store_update_relation_label (fixture->store,
                                                    gloss_relation_label_get_id (label), NULL,
                                                    NULL, "m", NULL, FALSE, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* Changing nothing is no step. */
  same = gloss_store_update_relation_label (fixture->store, gloss_relation_label_get_id (label),
                                            NULL, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_label_get_name (same), ==, "pays");

  undo (fixture);
  g_clear_object (&same);
  same = gloss_store_get_relation_label (fixture->store, gloss_relation_label_get_id (label),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_label_get_name (same), ==, "funds");
  g_assert_cmpstr (gloss_relation_label_get_hotkey (same), ==, "f");
  g_assert_true (gloss_relation_label_get_directed (same));
  undo (fixture);
  g_clear_object (&same);
  same = gloss_store_get_relation_label (fixture->store, gloss_relation_label_get_id (label),
                                         &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_assert_null (same);
  g_clear_error (&error);
  redo (fixture);
  redo (fixture);
  same = gloss_store_get_relation_label (fixture->store, gloss_relation_label_get_id (label),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_label_get_name (same), ==, "pays");
  g_assert_cmpint (gloss_relation_label_get_position (same), ==, 2);
}

/* Relations: added between two spans of a document, listed by document
 * and by span, relabeled, noted and deleted; what cannot be drawn is
 * refused with a message and nothing stored. */
static void
test_relations (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) first = NULL;
  g_autoptr(GlossRelation) second = NULL;
  g_autoptr(GlossRelation) refused = NULL;
  g_autoptr(GlossRelation) relabeled = NULL;
  g_autoptr(GlossRelation) noted = NULL;
  g_autoptr(GlossRelation) got = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *ids = NULL;

  first = add_relation (fixture, fixture->met, fixture->velayati, fixture->pezeshkian);
  g_assert_cmpint (gloss_relation_get_document_id (first), ==, fixture->document_id);
  g_assert_cmpint (gloss_relation_get_label_id (first), ==, fixture->met);
  g_assert_cmpint (gloss_relation_get_from_id (first), ==, fixture->velayati);
  g_assert_cmpint (gloss_relation_get_to_id (first), ==, fixture->pezeshkian);
  g_assert_cmpstr (gloss_relation_get_annotator (first), ==, "Ana");
  g_assert_cmpstr (gloss_relation_get_note (first), ==, "");
  g_assert_cmpstr (gloss_relation_get_created (first), !=, "");
  g_assert_true (gloss_relation_involves (first, fixture->pezeshkian));
  g_assert_false (gloss_relation_involves (first, fixture->baku));

  /* Directed: the other way round is another relation. */
  second = add_relation (fixture, fixture->met, fixture->pezeshkian, fixture->velayati);

  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->met,
                                      fixture->velayati, fixture->pezeshkian, NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“met”"));
  /* The spans named by their text, which a person knows them by. */
  g_assert_nonnull (strstr (error->message, "“Velayati” and “Pezeshkian”"));
  g_clear_error (&error);
  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->met,
                                      fixture->velayati, fixture->velayati, NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Velayati” cannot be related to itself"));
  g_clear_error (&error);
  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->met,
                                      fixture->velayati, fixture->elsewhere, NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->met,
                                      fixture->velayati, 9999, NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  refused = gloss_store_add_relation (fixture->store, fixture->document_id, 9999,
                                      fixture->velayati, fixture->baku, NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undirected: either way round is the same relation. */
  g_clear_object (&refused);
  refused = add_relation (fixture, fixture->allied, fixture->velayati, fixture->aliyev);
  g_clear_object (&refused);
  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->allied,
                                      fixture->aliyev, fixture->velayati, NULL, NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2 3");
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 3);

  relations = gloss_store_list_span_relations (fixture->store, fixture->aliyev, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = gloss_store_list_span_relations (fixture->store, fixture->velayati, &error);
  g_assert_cmpuint (relations->len, ==, 3);
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = gloss_store_list_relations (fixture->store, fixture->other_document_id, &error);
  g_assert_cmpuint (relations->len, ==, 0);

  /* Relabeling into a relation that exists is refused. */
  relabeled = gloss_store_relabel_relation (fixture->store, gloss_relation_get_id (second),
                                            fixture->allied, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_relation_get_label_id (relabeled), ==, fixture->allied);
  g_assert_null (gloss_store_relabel_relation (fixture->store, gloss_relation_get_id (first),
                                               fixture->allied, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  noted = gloss_store_set_relation_note (fixture->store, gloss_relation_get_id (first),
                                         "at the inauguration", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_get_note (noted), ==, "at the inauguration");

  g_assert_true (gloss_store_delete_relation (fixture->store, gloss_relation_get_id (second),
                                              &error));
  g_assert_no_error (error);
  g_assert_false (gloss_store_delete_relation (fixture->store, gloss_relation_get_id (second),
                                               &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* After a restart, the rows are there as they were. */
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 3");
  got = gloss_store_get_relation (fixture->store, gloss_relation_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_get_note (got), ==, "at the inauguration");
  g_assert_cmpint (gloss_relation_get_from_id (got), ==, fixture->velayati);
  g_assert_cmpint (gloss_store_count_relation_label_relations (fixture->store, fixture->met), ==, 1);
  g_assert_cmpint (gloss_store_count_relation_label_relations (fixture->store, fixture->allied), ==,
                   1);
}

/* Each change of a relation is one undo step, and redo brings it back with
 * its id. */
static void
test_relation_undo (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GlossRelation) changed = NULL;
  g_autoptr(GlossRelation) got = NULL;
  g_autofree char *ids = NULL;
  gint64 id;

  relation = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);
  id = gloss_relation_get_id (relation);
  changed = gloss_store_relabel_relation (fixture->store, id, fixture->allied, &error);
  g_assert_no_error (error);
  g_clear_object (&changed);
  changed = gloss_store_set_relation_note (fixture->store, id, "twice", &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_delete_relation (fixture->store, id, &error));

  undo (fixture);   /* the delete */
  got = gloss_store_get_relation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_get_note (got), ==, "twice");
  g_assert_cmpstr (gloss_relation_get_created (got), ==, gloss_relation_get_created (relation));
  undo (fixture);   /* the note */
  g_clear_object (&got);
  got = gloss_store_get_relation (fixture->store, id, &error);
  g_assert_cmpstr (gloss_relation_get_note (got), ==, "");
  g_assert_cmpint (gloss_relation_get_label_id (got), ==, fixture->allied);
  undo (fixture);   /* the relabel */
  g_clear_object (&got);
  got = gloss_store_get_relation (fixture->store, id, &error);
  g_assert_cmpint (gloss_relation_get_label_id (got), ==, fixture->met);
  undo (fixture);   /* the add */
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "");
  g_assert_false (gloss_history_can_undo (fixture->history));

  redo (fixture);
  redo (fixture);
  redo (fixture);
  g_clear_object (&got);
  got = gloss_store_get_relation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_relation_get_label_id (got), ==, fixture->allied);
  g_assert_cmpstr (gloss_relation_get_note (got), ==, "twice");
  redo (fixture);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "");
}

/* Deleting a span deletes its relations in the same step; one undo brings
 * the span and both relations back, with their ids, and redo deletes all
 * of them again. */
static void
test_delete_span_with_relations (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) first = NULL;
  g_autoptr(GlossRelation) second = NULL;
  g_autoptr(GlossRelation) kept = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autofree char *ids = NULL;

  g_autoptr(GlossAttribute) role = NULL;
  g_autoptr(GPtrArray) values = NULL;

  first = add_relation (fixture, fixture->met, fixture->velayati, fixture->pezeshkian);
  second = add_relation (fixture, fixture->allied, fixture->aliyev, fixture->pezeshkian);
  kept = add_relation (fixture, fixture->met, fixture->velayati, fixture->aliyev);
  role = gloss_store_add_attribute (fixture->store, "role", GLOSS_ATTRIBUTE_KIND_TEXT, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->pezeshkian,
                                                 gloss_attribute_get_id (role), "president",
                                                 &error));
  g_assert_no_error (error);

  g_assert_true (gloss_store_delete_span (fixture->store, fixture->pezeshkian, &error));
  g_assert_no_error (error);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "3");
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM span_attributes"), ==, 0);

  undo (fixture);
  span = gloss_store_get_span (fixture->store, fixture->pezeshkian, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_start (span), ==, 13);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2 3");
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM relations WHERE to_span = 2 AND "
                              "(from_span = 1 OR from_span = 4)"), ==, 2);
  values = gloss_store_list_span_attributes (fixture->store, fixture->pezeshkian, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 1);
  g_assert_cmpstr (gloss_attribute_value_get_value (values->pdata[0]), ==, "president");
  g_assert_cmpint (gloss_attribute_value_get_attribute_id (values->pdata[0]), ==,
                   gloss_attribute_get_id (role));

  redo (fixture);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "3");
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE id = 2"), ==, 0);
  undo (fixture);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2 3");
}

/* Deleting a document, a span label or a relation label deletes their
 * relations, and one undo brings them back. */
static void
test_delete_owners_of_relations (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) first = NULL;
  g_autoptr(GlossRelation) second = NULL;
  g_autofree char *ids = NULL;

  first = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);
  second = add_relation (fixture, fixture->allied, fixture->aliyev, fixture->pezeshkian);

  g_assert_true (gloss_store_delete_document (fixture->store, fixture->document_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 0);
  undo (fixture);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2");

  /* The place label takes Baku, and the relation to it. */
  g_assert_true (gloss_store_delete_label (fixture->store, fixture->place, &error));
  g_assert_no_error (error);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "2");
  undo (fixture);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2");

  g_assert_cmpuint (gloss_store_count_relation_label_relations (fixture->store, fixture->allied),
                    ==, 1);
  g_assert_true (gloss_store_delete_relation_label (fixture->store, fixture->allied, &error));
  g_assert_no_error (error);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1");
  undo (fixture);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2");
  g_assert_cmpint (query_int (fixture->path, "PRAGMA foreign_key_check"), ==, -1);
}

static GArray *
ids_of (gint64 first,
        ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);

  return ids;
}

/* The document's attribute values as "span:attribute=value" in order. */
static char *
document_values (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = gloss_store_list_document_attribute_values (fixture->store,
                                                                            fixture->document_id,
                                                                            &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "=%s",
                            i > 0 ? " " : "",
                            gloss_attribute_value_get_span_id (values->pdata[i]),
                            gloss_attribute_value_get_attribute_id (values->pdata[i]),
                            gloss_attribute_value_get_value (values->pdata[i]));

  return g_string_free (text, FALSE);
}

/* Attribute definitions: added with their kind, values and the labels
 * they apply to; refused when they could not be used; listed for a label;
 * changed and deleted with their values, each one undoable step. */
static void
test_attributes (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char * const stances[] = { "hostile", "neutral", "friendly", NULL };
  const char * const twice[] = { "hostile", " hostile ", NULL };
  const char * const fewer[] = { "hostile", "friendly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) actors = ids_of (fixture->actor, (gint64) 0);
  g_autoptr(GArray) unknown = ids_of ((gint64) 999, (gint64) 0);
  g_autoptr(GlossAttribute) negated = NULL;
  g_autoptr(GlossAttribute) stance = NULL;
  g_autoptr(GlossAttribute) note = NULL;
  g_autoptr(GlossAttribute) refused = NULL;
  g_autoptr(GlossAttribute) changed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *values = NULL;

  negated = gloss_store_add_attribute (fixture->store, "negated", GLOSS_ATTRIBUTE_KIND_FLAG, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  stance = gloss_store_add_attribute (fixture->store, " stance ", GLOSS_ATTRIBUTE_KIND_CHOICE,
                                      stances, actors, &error);
  g_assert_no_error (error);
  note = gloss_store_add_attribute (fixture->store, "quote", GLOSS_ATTRIBUTE_KIND_TEXT, NULL, NULL,
                                    &error);
  g_assert_no_error (error);

  g_assert_cmpstr (gloss_attribute_get_name (stance), ==, "stance");
  g_assert_cmpint (gloss_attribute_get_kind (stance), ==, GLOSS_ATTRIBUTE_KIND_CHOICE);
  g_assert_true (g_strv_equal (gloss_attribute_get_values (stance), stances));
  g_assert_cmpuint (gloss_attribute_get_label_ids (stance)->len, ==, 1);
  g_assert_cmpint (g_array_index (gloss_attribute_get_label_ids (stance), gint64, 0), ==,
                   fixture->actor);
  g_assert_cmpint (gloss_attribute_get_position (stance), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) gloss_attribute_get_values (negated)), ==, 0);
  g_assert_true (gloss_attribute_applies_to (negated, fixture->place));
  g_assert_false (gloss_attribute_applies_to (stance, fixture->place));

  refused = gloss_store_add_attribute (fixture->store, "negated", GLOSS_ATTRIBUTE_KIND_TEXT, NULL,
                                       NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  refused = gloss_store_add_attribute (fixture->store, "tone", GLOSS_ATTRIBUTE_KIND_CHOICE, NULL,
                                       NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  refused = gloss_store_add_attribute (fixture->store, "tone", GLOSS_ATTRIBUTE_KIND_CHOICE, twice,
                                       NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“hostile”"));
  g_clear_error (&error);
  refused = gloss_store_add_attribute (fixture->store, "tone", GLOSS_ATTRIBUTE_KIND_FLAG, NULL,
                                       unknown, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM attributes"), ==, 3);

  list = gloss_store_list_attributes_for_label (fixture->store, fixture->place, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (gloss_attribute_get_name (list->pdata[0]), ==, "negated");
  g_assert_cmpstr (gloss_attribute_get_name (list->pdata[1]), ==, "quote");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_store_list_attributes_for_label (fixture->store, fixture->actor, &error);
  g_assert_cmpuint (list->len, ==, 3);

  /* Values: checked against the kind and the labels. */
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->velayati,
                                                 gloss_attribute_get_id (stance), "hostile",
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->pezeshkian,
                                                 gloss_attribute_get_id (stance), "neutral",
                                                 &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                 gloss_attribute_get_id (negated), "true", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->velayati,
                                                 gloss_attribute_get_id (note), "“no” — 🚧", &error));
  g_assert_no_error (error);
  g_assert_false (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                  gloss_attribute_get_id (stance), "hostile",
                                                  &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Place”"));
  g_clear_error (&error);
  g_assert_false (gloss_store_set_span_attribute (fixture->store, fixture->aliyev,
                                                  gloss_attribute_get_id (stance), "angry",
                                                  &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gloss_store_set_span_attribute (fixture->store, fixture->aliyev,
                                                  gloss_attribute_get_id (negated), "yes",
                                                  &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gloss_store_set_span_attribute (fixture->store, 999,
                                                  gloss_attribute_get_id (negated), "true",
                                                  &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=hostile 1:3=“no” — 🚧 2:2=neutral 3:1=true");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_store_list_span_attributes (fixture->store, fixture->velayati, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (gloss_attribute_value_get_value (list->pdata[0]), ==, "hostile");

  /* Another value replaces it; NULL clears it; each one step. */
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->velayati,
                                                 gloss_attribute_get_id (stance), "friendly",
                                                 &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                 gloss_attribute_get_id (negated), NULL, &error));
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=friendly 1:3=“no” — 🚧 2:2=neutral");
  undo (fixture);
  undo (fixture);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=hostile 1:3=“no” — 🚧 2:2=neutral 3:1=true");
  redo (fixture);
  redo (fixture);

  /* Fewer values: the spans' values that are gone go with them, and one
   * undo brings both back. */
  changed = gloss_store_update_attribute (fixture->store, gloss_attribute_get_id (stance),
                                          "position", GLOSS_ATTRIBUTE_KIND_CHOICE, fewer, NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_attribute_get_name (changed), ==, "position");
  g_assert_cmpuint (gloss_attribute_get_label_ids (changed)->len, ==, 1);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=friendly 1:3=“no” — 🚧");
  undo (fixture);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=friendly 1:3=“no” — 🚧 2:2=neutral");
  g_clear_object (&changed);
  changed = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (stance), &error);
  g_assert_cmpstr (gloss_attribute_get_name (changed), ==, "stance");
  g_assert_true (g_strv_equal (gloss_attribute_get_values (changed), stances));

  /* Any label: the scope is gone. */
  g_clear_object (&changed);
  g_clear_pointer (&unknown, g_array_unref);
  unknown = g_array_new (FALSE, FALSE, sizeof (gint64));
  changed = gloss_store_update_attribute (fixture->store, gloss_attribute_get_id (stance), NULL,
                                          GLOSS_ATTRIBUTE_KIND_CHOICE, NULL, unknown, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_attribute_applies_to (changed, fixture->place));
  undo (fixture);

  /* Deleting the definition deletes its values; one undo brings all. */
  g_assert_true (gloss_store_delete_attribute (fixture->store, gloss_attribute_get_id (stance),
                                               &error));
  g_assert_no_error (error);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:3=“no” — 🚧");
  undo (fixture);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=friendly 1:3=“no” — 🚧 2:2=neutral");
  g_clear_object (&changed);
  changed = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (stance), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_attribute_get_label_ids (changed)->len, ==, 1);

  /* After a restart, as they were. */
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=friendly 1:3=“no” — 🚧 2:2=neutral");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_store_list_attributes (fixture->store, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (gloss_attribute_get_name (list->pdata[1]), ==, "stance");
  g_assert_true (g_strv_equal (gloss_attribute_get_values (list->pdata[1]), stances));
}

/* Deleting a span label takes it out of the attributes that apply to it;
 * one that applied to it alone goes, with its values; one undo brings all
 * of it back. Merging labels moves the attributes to the label kept. */
static void
test_attributes_follow_labels (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = ids_of (fixture->place, (gint64) 0);
  g_autoptr(GArray) both = ids_of (fixture->actor, fixture->place, (gint64) 0);
  g_autoptr(GlossAttribute) capital = NULL;
  g_autoptr(GlossAttribute) named = NULL;
  g_autoptr(GlossAttribute) got = NULL;
  g_autoptr(GlossLabel) city = NULL;
  g_autofree char *values = NULL;

  capital = gloss_store_add_attribute (fixture->store, "capital", GLOSS_ATTRIBUTE_KIND_FLAG, NULL,
                                       places, &error);
  g_assert_no_error (error);
  named = gloss_store_add_attribute (fixture->store, "named", GLOSS_ATTRIBUTE_KIND_FLAG, NULL,
                                     both, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                 gloss_attribute_get_id (capital), "true", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->velayati,
                                                 gloss_attribute_get_id (named), "true", &error));
  g_assert_no_error (error);

  g_assert_true (gloss_store_delete_label (fixture->store, fixture->place, &error));
  g_assert_no_error (error);
  got = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (capital), &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  got = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (named), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_attribute_get_label_ids (got)->len, ==, 1);
  g_assert_false (gloss_attribute_applies_to (got, fixture->place));
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=true");

  undo (fixture);
  g_clear_object (&got);
  got = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (capital), &error);
  g_assert_no_error (error);
  g_assert_true (gloss_attribute_applies_to (got, fixture->place));
  g_clear_object (&got);
  got = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (named), &error);
  g_assert_cmpuint (gloss_attribute_get_label_ids (got)->len, ==, 2);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=true 3:1=true");

  /* Merged into another label, the attribute applies to that one. */
  city = gloss_store_add_label (fixture->store, "City", "#33d17a", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_merge_labels (fixture->store, fixture->place,
                                           gloss_label_get_id (city), &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (capital), &error);
  g_assert_no_error (error);
  g_assert_true (gloss_attribute_applies_to (got, gloss_label_get_id (city)));
  g_assert_false (gloss_attribute_applies_to (got, fixture->place));
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:2=true 3:1=true");
  undo (fixture);
  g_clear_object (&got);
  got = gloss_store_get_attribute (fixture->store, gloss_attribute_get_id (capital), &error);
  g_assert_true (gloss_attribute_applies_to (got, fixture->place));
  g_assert_false (gloss_attribute_applies_to (got, gloss_label_get_id (city)));
}

/* A document's categories as "set:category" names in order. */
static char *
document_categories (Fixture *fixture,
                     gint64   document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = gloss_store_list_document_categories (fixture->store, document_id,
                                                                       &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < choices->len; i++)
    {
      g_autoptr(GlossCategory) category =
        gloss_store_get_category (fixture->store,
                                  gloss_document_category_get_category_id (choices->pdata[i]),
                                  &error);
      g_autoptr(GlossCategorySet) set = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (gloss_document_category_get_document_id (choices->pdata[i]), ==,
                       document_id);
      set = gloss_store_get_category_set (fixture->store, gloss_category_get_set_id (category),
                                          &error);
      g_assert_no_error (error);
      g_string_append_printf (text, "%s%s:%s", i > 0 ? " " : "",
                              gloss_category_set_get_name (set), gloss_category_get_name (category));
    }

  return g_string_free (text, FALSE);
}

static void
choose (Fixture *fixture,
        gint64   document_id,
        gint64   category_id,
        gboolean chosen)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_set_document_category (fixture->store, document_id, category_id,
                                                    chosen, &error));
  g_assert_no_error (error);
}

/* Category sets and their values, with keys; a document's choices, one
 * of a single-choice set at a time (choosing another clears the first, in
 * one step), several of another; the documents of a category; each change
 * undoable. */
static void
test_categories (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCategorySet) topic = NULL;
  g_autoptr(GlossCategorySet) region = NULL;
  g_autoptr(GlossCategorySet) refused_set = NULL;
  g_autoptr(GlossCategorySet) changed_set = NULL;
  g_autoptr(GlossCategory) politics = NULL;
  g_autoptr(GlossCategory) economy = NULL;
  g_autoptr(GlossCategory) caucasus = NULL;
  g_autoptr(GlossCategory) iran = NULL;
  g_autoptr(GlossCategory) refused = NULL;
  g_autoptr(GlossCategory) changed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *choices = NULL;

  topic = gloss_store_add_category_set (fixture->store, " Topic ", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_category_set_get_name (topic), ==, "Topic");
  g_assert_false (gloss_category_set_get_multiple (topic));
  region = gloss_store_add_category_set (fixture->store, "Region", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_category_set_get_position (region), ==, 1);
  refused_set = gloss_store_add_category_set (fixture->store, "Topic", TRUE, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  politics = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                       "Politics", "p", &error);
  g_assert_no_error (error);
  economy = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                      "Economy", "e", &error);
  g_assert_no_error (error);
  caucasus = gloss_store_add_category (fixture->store, gloss_category_set_get_id (region),
                                       "Caucasus", NULL, &error);
  g_assert_no_error (error);
  iran = gloss_store_add_category (fixture->store, gloss_category_set_get_id (region), "Iran", "i",
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_category_get_set_id (iran), ==, gloss_category_set_get_id (region));
  g_assert_cmpstr (gloss_category_get_hotkey (iran), ==, "i");
  g_assert_cmpint (gloss_category_get_position (iran), ==, 1);

  refused = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                      "Politics", NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  refused = gloss_store_add_category (fixture->store, gloss_category_set_get_id (region),
                                      "Turkey", "p", &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“Politics”"));
  g_clear_error (&error);
  refused = gloss_store_add_category (fixture->store, gloss_category_set_get_id (region),
                                      "Turkey", "tr", &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  refused = gloss_store_add_category (fixture->store, 999, "Turkey", NULL, &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = gloss_store_list_categories (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (gloss_category_get_name (list->pdata[0]), ==, "Politics");
  g_assert_cmpstr (gloss_category_get_name (list->pdata[3]), ==, "Iran");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_store_list_categories (fixture->store, gloss_category_set_get_id (region), &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_store_list_category_sets (fixture->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (gloss_category_set_get_name (list->pdata[1]), ==, "Region");

  /* Single choice: Economy replaces Politics in one step. */
  choose (fixture, fixture->document_id, gloss_category_get_id (politics), TRUE);
  choose (fixture, fixture->document_id, gloss_category_get_id (caucasus), TRUE);
  choose (fixture, fixture->document_id, gloss_category_get_id (iran), TRUE);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Politics Region:Caucasus Region:Iran");
  choose (fixture, fixture->document_id, gloss_category_get_id (economy), TRUE);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy Region:Caucasus Region:Iran");
  /* Choosing what is chosen is no step. */
  choose (fixture, fixture->document_id, gloss_category_get_id (economy), TRUE);
  undo (fixture);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Politics Region:Caucasus Region:Iran");
  redo (fixture);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy Region:Caucasus Region:Iran");

  choose (fixture, fixture->document_id, gloss_category_get_id (iran), FALSE);
  choose (fixture, fixture->other_document_id, gloss_category_get_id (caucasus), TRUE);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy Region:Caucasus");

  ids = gloss_store_list_document_ids_in_category (fixture->store,
                                                   gloss_category_get_id (caucasus), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->document_id);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, fixture->other_document_id);
  g_clear_pointer (&ids, g_array_unref);
  ids = gloss_store_list_document_ids_in_category (fixture->store, gloss_category_get_id (iran),
                                                   &error);
  g_assert_cmpuint (ids->len, ==, 0);

  g_assert_false (gloss_store_set_document_category (fixture->store, 999,
                                                     gloss_category_get_id (iran), TRUE, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Renamed, rekeyed; the set made single-choice. */
  changed = gloss_store_update_category (fixture->store, gloss_category_get_id (iran), "Persia",
                                         "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_category_get_name (changed), ==, "Persia");
  g_assert_cmpstr (gloss_category_get_hotkey (changed), ==, "");
  g_clear_object (&changed);
  changed = gloss_store_update_category (fixture->store, gloss_category_get_id (iran), NULL, "e",
                                         &error);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  undo (fixture);
  changed = gloss_store_get_category (fixture->store, gloss_category_get_id (iran), &error);
  g_assert_cmpstr (gloss_category_get_name (changed), ==, "Iran");
  changed_set = gloss_store_update_category_set (fixture->store, gloss_category_set_get_id (region),
                                                 "Area", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_category_set_get_name (changed_set), ==, "Area");
  g_assert_false (gloss_category_set_get_multiple (changed_set));
  undo (fixture);
  g_clear_object (&changed_set);
  changed_set = gloss_store_get_category_set (fixture->store, gloss_category_set_get_id (region),
                                              &error);
  g_assert_true (gloss_category_set_get_multiple (changed_set));
  g_assert_cmpstr (gloss_category_set_get_name (changed_set), ==, "Region");

  /* Deleting a category, or a whole set, takes the documents' choices
   * with it; one undo brings them back. */
  g_assert_true (gloss_store_delete_category (fixture->store, gloss_category_get_id (caucasus),
                                              &error));
  g_assert_no_error (error);
  g_free (choices);
  choices = document_categories (fixture, fixture->other_document_id);
  g_assert_cmpstr (choices, ==, "");
  undo (fixture);
  g_free (choices);
  choices = document_categories (fixture, fixture->other_document_id);
  g_assert_cmpstr (choices, ==, "Region:Caucasus");

  g_assert_true (gloss_store_delete_category_set (fixture->store, gloss_category_set_get_id (region),
                                                  &error));
  g_assert_no_error (error);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy");
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM categories"), ==, 2);
  undo (fixture);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy Region:Caucasus");

  /* Deleting a document takes its choices; undo brings them back. */
  g_assert_true (gloss_store_delete_document (fixture->store, fixture->document_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM document_categories"), ==, 1);
  undo (fixture);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy Region:Caucasus");

  /* After a restart, as they were. */
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (choices);
  choices = document_categories (fixture, fixture->document_id);
  g_assert_cmpstr (choices, ==, "Topic:Economy Region:Caucasus");
  g_assert_cmpint (query_int (fixture->path, "PRAGMA foreign_key_check"), ==, -1);
}

/* Merging a label into one that has a span over the same text: the span
 * that goes gives its relations and attribute values to the one kept (a
 * relation between the two goes), and one undo puts everything back. */
static void
test_merge_moves_relations (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) person = NULL;
  g_autoptr(GlossRelation) to_twin = NULL;
  g_autoptr(GlossRelation) from_span = NULL;
  g_autoptr(GlossRelation) between = NULL;
  g_autoptr(GlossRelation) reverse = NULL;
  g_autoptr(GlossRelation) repeated = NULL;
  g_autoptr(GlossRelation) got = NULL;
  g_autoptr(GlossAttribute) role = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *values = NULL;
  gint64 twin;

  person = gloss_store_add_label (fixture->store, "Person", "#33d17a", NULL, NULL, &error);
  g_assert_no_error (error);
  twin = add_span (fixture->store, fixture->document_id, gloss_label_get_id (person), 0, 8);
  role = gloss_store_add_attribute (fixture->store, "role", GLOSS_ATTRIBUTE_KIND_TEXT, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->velayati,
                                                 gloss_attribute_get_id (role), "adviser", &error));
  g_assert_no_error (error);

  to_twin = add_relation (fixture, fixture->met, fixture->pezeshkian, fixture->velayati);
  from_span = add_relation (fixture, fixture->allied, fixture->velayati, fixture->aliyev);
  between = add_relation (fixture, fixture->met, fixture->velayati, twin);
  /* Undirected: Velayati–Pezeshkian would repeat Pezeshkian–twin. */
  reverse = add_relation (fixture, fixture->allied, fixture->pezeshkian, twin);
  repeated = add_relation (fixture, fixture->allied, fixture->velayati, fixture->pezeshkian);

  /* Actor into Person: Velayati has a twin there, the others move. */
  g_assert_true (gloss_store_merge_labels (fixture->store, fixture->actor,
                                           gloss_label_get_id (person), &error));
  g_assert_no_error (error);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2 4");
  got = gloss_store_get_relation (fixture->store, gloss_relation_get_id (to_twin), &error);
  g_assert_cmpint (gloss_relation_get_to_id (got), ==, twin);
  g_clear_object (&got);
  got = gloss_store_get_relation (fixture->store, gloss_relation_get_id (from_span), &error);
  g_assert_cmpint (gloss_relation_get_from_id (got), ==, twin);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "6:1=adviser");
  g_assert_cmpint (query_int (fixture->path, "PRAGMA foreign_key_check"), ==, -1);

  undo (fixture);
  g_free (ids);
  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1 2 3 4 5");
  g_clear_object (&got);
  got = gloss_store_get_relation (fixture->store, gloss_relation_get_id (to_twin), &error);
  g_assert_cmpint (gloss_relation_get_to_id (got), ==, fixture->velayati);
  g_free (values);
  values = document_values (fixture);
  g_assert_cmpstr (values, ==, "1:1=adviser");
}

/* The statistics count relations by label, attribute values by value and
 * documents by category. */
static void
test_stats (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char * const stances[] = { "hostile", "neutral", "friendly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStoreStats) stats = NULL;
  g_autoptr(GlossRelation) first = NULL;
  g_autoptr(GlossRelation) second = NULL;
  g_autoptr(GlossRelation) third = NULL;
  g_autoptr(GlossAttribute) stance = NULL;
  g_autoptr(GlossAttribute) quote = NULL;
  g_autoptr(GlossCategorySet) topic = NULL;
  g_autoptr(GlossCategory) politics = NULL;
  g_autoptr(GlossCategory) economy = NULL;
  GlossRelationLabelStats *label_stats;
  GlossAttributeStats *attribute_stats;
  GlossAttributeValueStats *value_stats;
  GlossCategorySetStats *set_stats;
  GlossCategoryStats *category_stats;

  first = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);
  second = add_relation (fixture, fixture->met, fixture->aliyev, fixture->baku);
  third = add_relation (fixture, fixture->allied, fixture->velayati, fixture->aliyev);
  stance = gloss_store_add_attribute (fixture->store, "stance", GLOSS_ATTRIBUTE_KIND_CHOICE,
                                      stances, NULL, &error);
  quote = gloss_store_add_attribute (fixture->store, "quote", GLOSS_ATTRIBUTE_KIND_TEXT, NULL,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->velayati,
                                                 gloss_attribute_get_id (stance), "hostile", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->aliyev,
                                                 gloss_attribute_get_id (stance), "hostile", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                 gloss_attribute_get_id (stance), "friendly", &error));
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                 gloss_attribute_get_id (quote), "shut", &error));
  topic = gloss_store_add_category_set (fixture->store, "Topic", TRUE, &error);
  politics = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                       "Politics", NULL, &error);
  economy = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                      "Economy", NULL, &error);
  g_assert_no_error (error);
  choose (fixture, fixture->document_id, gloss_category_get_id (politics), TRUE);
  choose (fixture, fixture->document_id, gloss_category_get_id (economy), TRUE);
  choose (fixture, fixture->other_document_id, gloss_category_get_id (politics), TRUE);

  stats = gloss_store_get_stats (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->n_spans, ==, 5);
  g_assert_cmpuint (stats->n_relations, ==, 3);
  g_assert_cmpuint (stats->n_attribute_values, ==, 4);

  g_assert_cmpuint (stats->relation_labels->len, ==, 2);
  label_stats = stats->relation_labels->pdata[0];
  g_assert_cmpstr (gloss_relation_label_get_name (label_stats->label), ==, "met");
  g_assert_cmpuint (label_stats->relations, ==, 2);
  g_assert_cmpuint (label_stats->documents, ==, 1);
  label_stats = stats->relation_labels->pdata[1];
  g_assert_cmpuint (label_stats->relations, ==, 1);

  g_assert_cmpuint (stats->attributes->len, ==, 2);
  attribute_stats = stats->attributes->pdata[0];
  g_assert_cmpuint (attribute_stats->spans, ==, 3);
  g_assert_cmpuint (attribute_stats->values->len, ==, 3);
  value_stats = attribute_stats->values->pdata[0];
  g_assert_cmpstr (value_stats->value, ==, "hostile");
  g_assert_cmpuint (value_stats->spans, ==, 2);
  value_stats = attribute_stats->values->pdata[1];
  g_assert_cmpstr (value_stats->value, ==, "neutral");
  g_assert_cmpuint (value_stats->spans, ==, 0);
  value_stats = attribute_stats->values->pdata[2];
  g_assert_cmpuint (value_stats->spans, ==, 1);
  attribute_stats = stats->attributes->pdata[1];
  g_assert_cmpuint (attribute_stats->spans, ==, 1);
  g_assert_cmpuint (attribute_stats->values->len, ==, 0);

  g_assert_cmpuint (stats->category_sets->len, ==, 1);
  set_stats = stats->category_sets->pdata[0];
  g_assert_cmpuint (set_stats->documents, ==, 2);
  g_assert_cmpuint (set_stats->categories->len, ==, 2);
  category_stats = set_stats->categories->pdata[0];
  g_assert_cmpstr (gloss_category_get_name (category_stats->category), ==, "Politics");
  g_assert_cmpuint (category_stats->documents, ==, 2);
  category_stats = set_stats->categories->pdata[1];
  g_assert_cmpuint (category_stats->documents, ==, 1);
}

/* The steps SQLite's machine ran in the store's statements since the last
 * call: a count of work that does not depend on the machine's speed. */
static guint64
statement_steps (GlossStore *store)
{
  GHashTableIter iter;
  gpointer stmt;
  guint64 steps = 0;

  g_hash_table_iter_init (&iter, store->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    steps += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, TRUE);

  return steps;
}

/* Adding or deleting a relation, or deleting a span that has some, reads
 * through the indexes only: its work is the same in a document of 3,000
 * relations of one label as in one of a few, never a pass over them. */
static void
test_relation_work_is_bounded (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GlossRelation) relation = NULL;
  guint64 steps;

  g_assert_true (gloss_store_begin (fixture->store, &error));
  for (guint i = 0; i < 3001; i++)
    {
      gint64 id = add_span (fixture->store, fixture->document_id, fixture->actor, i % 60,
                            i % 60 + 5);

      g_array_append_val (spans, id);
    }
  for (guint i = 0; i + 1 < spans->len; i++)
    {
      g_autoptr(GlossRelation) made = add_relation (fixture, fixture->met,
                                                    g_array_index (spans, gint64, i),
                                                    g_array_index (spans, gint64, i + 1));
    }
  g_assert_true (gloss_store_commit (fixture->store, &error));

  statement_steps (fixture->store);
  relation = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);
  steps = statement_steps (fixture->store);
  g_assert_cmpuint (steps, <, 1000);

  g_assert_true (gloss_store_delete_relation (fixture->store, gloss_relation_get_id (relation),
                                              &error));
  steps = statement_steps (fixture->store);
  g_assert_cmpuint (steps, <, 1000);

  g_assert_true (gloss_store_delete_span (fixture->store, g_array_index (spans, gint64, 1500),
                                          &error));
  g_assert_no_error (error);
  steps = statement_steps (fixture->store);
  g_assert_cmpuint (steps, <, 1000);
}

static void
count_list_signal_cb (GlossStore *store,
                      gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A step of every kind, then all undone back to the start and all
 * redone: the project is as it was at each end, ids included, and each
 * list announces its change. */
static void
test_undo_everything (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char * const stances[] = { "hostile", "friendly", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelationLabel) funds = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GlossAttribute) stance = NULL;
  g_autoptr(GlossCategorySet) topic = NULL;
  g_autoptr(GlossCategory) politics = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint relation_labels = 0, attributes = 0, categories = 0;
  guint steps = 0;
  const char *dump_sql =
    "SELECT group_concat (row, ';') FROM ("
    "  SELECT 'rl' || id || name || color || hotkey || directed || position AS row "
    "  FROM relation_labels UNION ALL "
    "  SELECT 'r' || id || document || label || from_span || to_span || note || created "
    "  FROM relations UNION ALL "
    "  SELECT 'a' || id || name || kind || choices || position FROM attributes UNION ALL "
    "  SELECT 'al' || attribute || label FROM attribute_labels UNION ALL "
    "  SELECT 'v' || span || attribute || value FROM span_attributes UNION ALL "
    "  SELECT 'cs' || id || name || multiple || position FROM category_sets UNION ALL "
    "  SELECT 'c' || id || category_set || name || hotkey || position FROM categories UNION ALL "
    "  SELECT 'dc' || document || category FROM document_categories UNION ALL "
    "  SELECT 's' || id || document || label || start || end FROM spans "
    "  ORDER BY 1)";

  g_signal_connect (fixture->store, "relation-labels-changed",
                    G_CALLBACK (count_list_signal_cb), &relation_labels);
  g_signal_connect (fixture->store, "attributes-changed", G_CALLBACK (count_list_signal_cb),
                    &attributes);
  g_signal_connect (fixture->store, "categories-changed", G_CALLBACK (count_list_signal_cb),
                    &categories);

  {
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, dump_sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  funds = gloss_store_add_relation_label (fixture->store, "funds", NULL, "f", NULL, TRUE, &error);
  steps++;
  relation = gloss_store_add_relation (fixture->store, fixture->document_id,
                                       gloss_relation_label_get_id (funds), fixture->velayati,
                                       fixture->baku, NULL, "note", &error);
  steps++;
  g_assert_no_error (error);
  stance = gloss_store_add_attribute (fixture->store, "stance", GLOSS_ATTRIBUTE_KIND_CHOICE,
                                      stances, NULL, &error);
  steps++;
  g_assert_true (gloss_store_set_span_attribute (fixture->store, fixture->baku,
                                                 gloss_attribute_get_id (stance), "friendly",
                                                 &error));
  steps++;
  topic = gloss_store_add_category_set (fixture->store, "Topic", FALSE, &error);
  steps++;
  politics = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                       "Politics", "p", &error);
  steps++;
  g_assert_no_error (error);
  choose (fixture, fixture->document_id, gloss_category_get_id (politics), TRUE);
  steps++;
  g_assert_true (gloss_store_delete_span (fixture->store, fixture->baku, &error));
  steps++;
  g_assert_true (gloss_store_delete_document (fixture->store, fixture->document_id, &error));
  steps++;
  g_assert_no_error (error);
  g_assert_cmpuint (relation_labels, ==, 1);
  g_assert_cmpuint (attributes, ==, 1);
  g_assert_cmpuint (categories, ==, 2);

  for (guint i = 0; i < steps; i++)
    undo (fixture);
  g_assert_false (gloss_history_can_undo (fixture->history));
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, dump_sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_cmpstr (after, ==, before);

  for (guint i = 0; i + 2 < steps; i++)
    redo (fixture);
  {
    g_autoptr(GlossRelation) back = gloss_store_get_relation (fixture->store,
                                                              gloss_relation_get_id (relation),
                                                              &error);
    g_autoptr(GPtrArray) values = NULL;
    g_autofree char *choices = document_categories (fixture, fixture->document_id);

    g_assert_no_error (error);
    g_assert_cmpstr (gloss_relation_get_note (back), ==, "note");
    g_assert_cmpstr (choices, ==, "Topic:Politics");
    values = gloss_store_list_span_attributes (fixture->store, fixture->baku, &error);
    g_assert_cmpuint (values->len, ==, 1);
  }
  redo (fixture);
  redo (fixture);
  g_assert_false (gloss_history_can_redo (fixture->history));
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM span_attributes"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM document_categories"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relation_labels"), ==, 3);
}

static void
count_signal_cb (GlossStore *store,
                 gint64      document_id,
                 gpointer    user_data)
{
  GArray *documents = user_data;

  g_array_append_val (documents, document_id);
}

/* "relations-changed" comes once per document after the commit, with the
 * document's id; a rolled back change announces nothing. */
static void
test_relation_signals (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GlossRelation) first = NULL;
  g_autoptr(GlossRelation) second = NULL;

  g_signal_connect (fixture->store, "relations-changed", G_CALLBACK (count_signal_cb), documents);

  g_assert_true (gloss_store_begin (fixture->store, &error));
  first = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);
  second = add_relation (fixture, fixture->met, fixture->aliyev, fixture->baku);
  g_assert_cmpuint (documents->len, ==, 0);
  g_assert_true (gloss_store_commit (fixture->store, &error));
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpint (g_array_index (documents, gint64, 0), ==, fixture->document_id);

  g_assert_true (gloss_store_begin (fixture->store, &error));
  g_assert_true (gloss_store_delete_relation (fixture->store, gloss_relation_get_id (first), &error));
  gloss_store_rollback (fixture->store);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 2);
}

/* A project at DIR/old.gloss built from tests/fixtures/SQL_NAME, a
 * project of schema VERSION as that version of Gloss left it. */
static char *
make_old_project (const char *dir,
                  const char *sql_name,
                  gint64      version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", sql_name, NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, "old.gloss", NULL);
  sqlite3 *db;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, version);

  return path;
}

/* Opens the old project at PATH: it is copied byte for byte to PATH.bak,
 * then migrated to the schema of now. */
static GlossStore *
open_migrating (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *before = NULL;
  g_autofree char *saved = NULL;
  gsize before_length, saved_length;
  GlossStore *store;

  g_file_get_contents (path, &before, &before_length, &error);
  g_assert_no_error (error);

  store = gloss_store_open (path, &error);
  g_assert_no_error (error);

  g_file_get_contents (backup, &saved, &saved_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_length, saved, saved_length);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);

  return store;
}

/* A project of schema 3, made by that version of Gloss: a copy first, then
 * every document, text and span as it was, the text still waiting for the
 * index still waiting, and relations can be drawn. */
static void
test_migrate_from_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-relations-XXXXXX", &error);
  g_autofree char *path = make_old_project (dir, "project-v3.sql", 3);
  g_autoptr(GlossStore) store = open_migrating (path);
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GPtrArray) spans = NULL;

  g_assert_cmpuint (gloss_store_count_documents (store), ==, 3);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM spans"), ==, 3);
  g_assert_cmpuint (gloss_store_count_texts_to_index (store), ==, 1);
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr(GPtrArray) document_spans = gloss_store_list_spans (store, id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (document_spans->len, ==, 1);
    }
  spans = gloss_store_list_spans (store, 2, &error);
  g_assert_cmpint (gloss_span_get_start (spans->pdata[0]), ==, 34);
  g_assert_cmpint (gloss_span_get_end (spans->pdata[0]), ==, 38);
  g_assert_cmpint (query_int (path,
                              "SELECT count (*) FROM pragma_integrity_check "
                              "WHERE integrity_check = 'ok'"), ==, 1);

  label = gloss_store_add_relation_label (store, "met", NULL, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_store_add_relation (store, 1, gloss_relation_label_get_id (label), 1, 2,
                                           NULL, NULL, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&store);
  gloss_test_remove_tree (dir);
}


/* The rows of SQL in the project at PATH, one a line, for comparing. */
static char *
dump_rows (const char *path,
           const char *sql)
{
  GString *rows = g_string_new (NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (rows, "%s%s", i > 0 ? "|" : "",
                                sqlite3_column_text (stmt, i) != NULL
                                  ? (const char *) sqlite3_column_text (stmt, i) : "NULL");
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (rows, FALSE);
}

static char *
dump_project (const char *path)
{
  g_autofree char *spans = dump_rows (path, "SELECT * FROM spans ORDER BY id");
  g_autofree char *relations = dump_rows (path, "SELECT * FROM relations ORDER BY id");
  g_autofree char *values = dump_rows (path, "SELECT * FROM span_attributes ORDER BY span");
  g_autofree char *counts = dump_rows (path, "SELECT id, span_count FROM documents ORDER BY id");

  return g_strjoin ("--\n", spans, relations, values, counts, NULL);
}

/* A discontinuous span, "said … corridor": relabeling a part relabels
 * every part, its note, attribute values and relations are the first
 * part's whichever part they are given to, deleting a part deletes the
 * whole group with its relations and values, and undo brings all of it
 * back exactly, redo takes it again. */
static void
test_discontinuous_group (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) part = NULL;
  g_autoptr(GlossSpan) relabeled = NULL;
  g_autoptr(GlossSpan) noted = NULL;
  g_autoptr(GlossSpan) first = NULL;
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  static const char * const confidence[] = { "High", "Low", NULL };
  gint64 said = add_span (fixture->store, fixture->document_id, fixture->actor, 40, 44);
  gint64 nested;

  part = gloss_store_add_span_part (fixture->store, said, 49, 57, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_part_of (part), ==, said);
  g_assert_cmpint (gloss_span_get_group_id (part), ==, said);
  g_assert_cmpstr (gloss_span_get_annotator (part), ==, "Ana");
  /* A span nested in the part is a span of its own. */
  nested = add_span (fixture->store, fixture->document_id, fixture->place, 49, 53);

  /* Parts come in order and apart; parts of parts are not. */
  g_assert_null (gloss_store_add_span_part (fixture->store, said, 33, 39, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gloss_store_add_span_part (fixture->store, said, 53, 60, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gloss_store_add_span_part (fixture->store, gloss_span_get_id (part), 60, 65,
                                            &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  parts = gloss_store_list_span_parts (fixture->store, gloss_span_get_id (part), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpint (gloss_span_get_id (parts->pdata[0]), ==, said);
  g_assert_cmpint (gloss_span_get_id (parts->pdata[1]), ==, gloss_span_get_id (part));

  /* Undoing the part's adding takes the part alone; redo puts it back. */
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE id = 6"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE part_of = 6"), ==,
                   0);
  redo (fixture);
  redo (fixture);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE part_of = 6"), ==,
                   1);

  relabeled = gloss_store_relabel_span (fixture->store, gloss_span_get_id (part), fixture->place,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_id (relabeled), ==, gloss_span_get_id (part));
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE label = "
                                             "(SELECT label FROM spans WHERE id = 6) "
                                             "AND start IN (40, 49) AND end IN (44, 57)"), ==, 2);
  undo (fixture);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (DISTINCT label) FROM spans "
                                             "WHERE id = 6 OR part_of = 6"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT label FROM spans WHERE part_of = 6"), ==,
                   fixture->actor);

  noted = gloss_store_set_span_note (fixture->store, gloss_span_get_id (part), "a stance",
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_id (noted), ==, said);
  first = gloss_store_get_span (fixture->store, said, &error);
  g_assert_cmpstr (gloss_span_get_note (first), ==, "a stance");

  attribute = gloss_store_add_attribute (fixture->store, "Confidence", GLOSS_ATTRIBUTE_KIND_CHOICE,
                                         confidence, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_span_attribute (fixture->store, gloss_span_get_id (part),
                                                 gloss_attribute_get_id (attribute), "High",
                                                 &error));
  g_assert_no_error (error);
  values = gloss_store_list_span_attributes (fixture->store, said, &error);
  g_assert_cmpuint (values->len, ==, 1);

  relation = add_relation (fixture, fixture->met, fixture->aliyev, gloss_span_get_id (part));
  g_assert_cmpint (gloss_relation_get_to_id (relation), ==, said);
  g_clear_object (&relation);
  relation = add_relation (fixture, fixture->met, nested, said);

  before_delete = dump_project (fixture->path);
  g_assert_true (gloss_store_delete_span (fixture->store, gloss_span_get_id (part), &error));
  g_assert_no_error (error);
  after_delete = dump_project (fixture->path);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans "
                                             "WHERE id = 6 OR part_of = 6"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM span_attributes"), ==, 0);
  g_clear_object (&first);
  first = gloss_store_get_span (fixture->store, nested, &error);
  g_assert_no_error (error);

  undo (fixture);
  undone = dump_project (fixture->path);
  g_assert_cmpstr (undone, ==, before_delete);
  redo (fixture);
  redone = dump_project (fixture->path);
  g_assert_cmpstr (redone, ==, after_delete);
  undo (fixture);

  /* Deleting the document takes the group too, and undo brings it back. */
  g_clear_pointer (&undone, g_free);
  g_assert_true (gloss_store_delete_document (fixture->store, fixture->document_id, &error));
  g_assert_no_error (error);
  undo (fixture);
  undone = dump_project (fixture->path);
  g_assert_cmpstr (undone, ==, before_delete);

  /* So does deleting the label. */
  g_clear_pointer (&undone, g_free);
  g_assert_true (gloss_store_delete_label (fixture->store, fixture->actor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE id = 6 OR part_of = 6"),
                   ==, 0);
  undo (fixture);
  undone = dump_project (fixture->path);
  g_assert_cmpstr (undone, ==, before_delete);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
}

/* A project of schema 4: a copy first, then the spans get part_of (none is
 * a part), and every span, relation and attribute value stays as it was. */
static void
test_migrate_from_v4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-relations-XXXXXX", &error);
  g_autofree char *path = make_old_project (dir, "project-v4.sql", 4);
  g_autofree char *spans_before = dump_rows (path, "SELECT * FROM spans ORDER BY id");
  g_autofree char *relations_before = dump_rows (path, "SELECT * FROM relations ORDER BY id");
  g_autofree char *values_before = dump_rows (path, "SELECT * FROM span_attributes ORDER BY span");
  g_autofree char *spans_after = NULL;
  g_autofree char *relations_after = NULL;
  g_autofree char *values_after = NULL;
  g_autoptr(GlossStore) store = open_migrating (path);
  g_autoptr(GlossSpan) part = NULL;

  g_assert_cmpint (query_int (path, "SELECT count (*) FROM pragma_table_info ('spans') "
                                    "WHERE name = 'part_of'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM pragma_index_list ('spans') "
                                    "WHERE name = 'spans_by_part_of'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM spans"), ==, 4);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM spans WHERE part_of IS NOT NULL"), ==,
                   0);
  spans_after = dump_rows (path, "SELECT id, document, label, start, end, annotator, note, "
                                 "created, modified FROM spans ORDER BY id");
  relations_after = dump_rows (path, "SELECT * FROM relations ORDER BY id");
  values_after = dump_rows (path, "SELECT * FROM span_attributes ORDER BY span");
  g_assert_cmpstr (spans_after, ==, spans_before);
  g_assert_cmpstr (relations_after, ==, relations_before);
  g_assert_cmpstr (values_after, ==, values_before);
  g_assert_cmpint (query_int (path,
                              "SELECT count (*) FROM pragma_integrity_check "
                              "WHERE integrity_check = 'ok'"), ==, 1);

  /* And the migrated project takes a discontinuous span. */
  part = gloss_store_add_span_part (store, 4, 10, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_span_get_part_of (part), ==, 4);

  g_clear_object (&store);
  gloss_test_remove_tree (dir);
}

/* A migration to schema 5 that fails half way (an index of that name in
 * the way, after the new column is added) leaves the project at schema 4,
 * whole: the column is not there, every row is as it was, and the message
 * names the file. */
static void
test_migrate_from_v4_failure_keeps_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-relations-XXXXXX", &error);
  g_autofree char *path = make_old_project (dir, "project-v4.sql", 4);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GlossStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE INDEX spans_by_part_of ON spans (start)", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = dump_rows (path, "SELECT * FROM spans ORDER BY id");

  store = gloss_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "old.gloss"));

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (query_int (path, "SELECT count (*) FROM pragma_table_info ('spans') "
                                    "WHERE name = 'part_of'"), ==, 0);
  after = dump_rows (path, "SELECT * FROM spans ORDER BY id");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (path,
                              "SELECT count (*) FROM pragma_integrity_check "
                              "WHERE integrity_check = 'ok'"), ==, 1);

  gloss_test_remove_tree (dir);
}

/* The test binary, run with --add-relations-and-wait PATH, opens the
 * project, adds relations inside one transaction with a cache so small
 * that SQLite writes pages of it to the log before the commit, says
 * "adding" and waits for the kill. */
static int
add_relations_and_wait (const char *path)
{
  g_autoptr(GlossStore) store = gloss_store_open (path, NULL);
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autoptr(GPtrArray) spans = NULL;

  if (store == NULL || !gloss_store_exec (store, "PRAGMA cache_size = 2", NULL))
    return 1;
  spans = gloss_store_list_spans (store, 1, NULL);
  if (!gloss_store_begin (store, NULL))
    return 2;
  label = gloss_store_add_relation_label (store, "crashed", NULL, NULL, NULL, TRUE, NULL);
  if (label == NULL)
    return 3;
  for (guint i = 0; i + 1 < spans->len; i++)
    {
      g_autoptr(GlossRelation) relation =
        gloss_store_add_relation (store, 1, gloss_relation_label_get_id (label),
                                  gloss_span_get_id (spans->pdata[i]),
                                  gloss_span_get_id (spans->pdata[i + 1]), "child",
                                  "a note long enough to fill the pages of the log a little faster",
                                  NULL);

      if (relation == NULL)
        return 4;
    }
  fputs ("adding\n", stdout);
  fflush (stdout);
  for (;;)
    pause ();
}

static const char *test_binary;

/* A process killed in the middle of a transaction that adds relations
 * leaves the project as it was: no relation label, no relation, the spans
 * and relations before it whole. */
static void
test_kill_while_adding_relations (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const char *argv[] = { test_binary, "--add-relations-and-wait", fixture->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  char line[16] = { 0, };
  GPid pid;
  int child_out;
  int status;
  guint n_spans;

  /* Enough spans that the transaction outgrows the child's cache. */
  g_assert_true (gloss_store_begin (fixture->store, &error));
  for (guint i = 0; i < 2000; i++)
    add_span (fixture->store, fixture->document_id, fixture->actor, i % 60, i % 60 + 5);
  g_assert_true (gloss_store_commit (fixture->store, &error));
  relation = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);
  n_spans = query_int (fixture->path, "SELECT count (*) FROM spans");
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &child_out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read (child_out, line, sizeof line - 1), >, 0);
  g_assert_cmpstr (line, ==, "adding\n");

  /* The transaction's pages are in the log already, uncommitted. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 0);
  }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  close (child_out);

  fixture->store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relation_labels"), ==, 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans"), ==, n_spans);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM pragma_integrity_check "
                              "WHERE integrity_check = 'ok'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA foreign_key_check"), ==, -1);

  /* And the project goes on. */
  g_clear_object (&relation);
  relation = add_relation (fixture, fixture->met, fixture->aliyev, fixture->baku);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM relations"), ==, 2);
}

/* The test binary, run with --hold-write-lock PATH, holds the project's
 * write lock, says "locked" and keeps it until its input closes. */
static int
hold_write_lock (const char *path)
{
  sqlite3 *db;
  char buffer[64];

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN IMMEDIATE; DELETE FROM relations;", NULL, NULL, NULL) != SQLITE_OK)
    return 1;
  fputs ("locked\n", stdout);
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return 0;
}

/* Another program holding the write lock: adding, relabeling or deleting a
 * relation waits for it once, then says the project is in use, and nothing
 * is half-written; once the other program is gone, the change goes in. */
static void
test_relations_busy (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *argv[] = { test_binary, "--hold-write-lock", fixture->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GlossRelation) refused = NULL;
  g_autofree char *ids = NULL;
  char line[16] = { 0, };
  GPid pid;
  int child_in, child_out;
  int status;

  relation = add_relation (fixture, fixture->met, fixture->velayati, fixture->baku);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &child_in, &child_out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read (child_out, line, sizeof line - 1), >, 0);
  g_assert_cmpstr (line, ==, "locked\n");

  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->met,
                                      fixture->aliyev, fixture->baku, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "analysis.gloss"));
  g_clear_error (&error);
  g_assert_false (gloss_store_delete_span (fixture->store, fixture->baku, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (gloss_store_in_transaction (fixture->store));
  g_assert_false (gloss_history_can_undo (fixture->history) &&
                  gloss_history_can_redo (fixture->history));

  close (child_in);
  close (child_out);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  ids = relation_ids (fixture);
  g_assert_cmpstr (ids, ==, "1");
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM spans WHERE id = 3"), ==, 1);

  refused = gloss_store_add_relation (fixture->store, fixture->document_id, fixture->met,
                                      fixture->aliyev, fixture->baku, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (refused);
}

/* Span labels, relation labels and categories share one set of keys:
 * each kind refuses a key another has, and the message names the one that
 * has it. The first keeps its key; nothing is journaled for a refusal. */
static void
test_keys_shared_by_kinds (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCategorySet) topic = NULL;
  g_autoptr(GlossCategory) politics = NULL;
  g_autoptr(GlossRelationLabel) funds = NULL;
  g_autoptr(GlossRelationLabel) met = NULL;
  g_autoptr(GlossLabel) actor = NULL;
  g_autoptr(GlossLabel) person = NULL;
  g_autoptr(GlossCategory) renamed = NULL;
  g_autoptr(GPtrArray) relation_labels = NULL;

  topic = gloss_store_add_category_set (fixture->store, "Topic", FALSE, &error);
  g_assert_no_error (error);
  politics = gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                       "Politics", "p", &error);
  g_assert_no_error (error);
  gloss_history_clear (fixture->history);

  /* A relation label: not a span label's key, nor a category's. */
  funds = gloss_store_add_relation_label (fixture->store, "funds", NULL, "2", NULL, TRUE, &error);
  g_assert_null (funds);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "“2” is already the key of the label “Place”");
  g_clear_error (&error);
  g_assert_null (gloss_store_update_relation_label (fixture->store, fixture->met, NULL, NULL, "p",
                                                    NULL, TRUE, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "“p” is already the key of the category “Politics”");
  g_clear_error (&error);
  relation_labels = gloss_store_list_relation_labels (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relation_labels->len, ==, 2);
  met = gloss_store_get_relation_label (fixture->store, fixture->met, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_relation_label_get_hotkey (met), ==, "m");

  /* A span label: not a relation label's key, nor a category's. */
  g_assert_null (gloss_store_update_label (fixture->store, fixture->actor, NULL, NULL, "m", NULL,
                                           &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "“m” is already the key of the relation label “met”");
  g_clear_error (&error);
  g_assert_null (gloss_store_update_label (fixture->store, fixture->actor, NULL, NULL, "p", NULL,
                                           &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  person = gloss_store_add_label (fixture->store, "Person", "#33d17a", "m", NULL, &error);
  g_assert_null (person);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  actor = gloss_store_get_label (fixture->store, fixture->actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_label_get_hotkey (actor), ==, "1");

  /* A category: not a span label's key, nor a relation label's. */
  g_assert_null (gloss_store_add_category (fixture->store, gloss_category_set_get_id (topic),
                                           "Economy", "1", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "“1” is already the key of the label “Actor”");
  g_clear_error (&error);
  g_assert_null (gloss_store_update_category (fixture->store, gloss_category_get_id (politics),
                                              NULL, "m", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "“m” is already the key of the relation label “met”");
  g_clear_error (&error);
  g_assert_false (gloss_history_can_undo (fixture->history));

  /* A key one has already is no clash with itself: renaming keeps it. */
  renamed = gloss_store_update_category (fixture->store, gloss_category_get_id (politics),
                                         "Policy", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_category_get_hotkey (renamed), ==, "p");
  g_assert_true (gloss_store_check_key_free (fixture->store, "p", GLOSS_STORE_KEY_CATEGORY,
                                             gloss_category_get_id (politics), NULL));
  g_assert_true (gloss_store_check_key_free (fixture->store, "z", GLOSS_STORE_KEY_LABEL, 0, NULL));
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--add-relations-and-wait"))
    return add_relations_and_wait (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--hold-write-lock"))
    return hold_write_lock (argv[2]);

  test_binary = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/store/relations/labels", test_relation_labels);
  ADD ("/gloss/store/relations/relations", test_relations);
  ADD ("/gloss/store/relations/undo", test_relation_undo);
  ADD ("/gloss/store/relations/delete-span", test_delete_span_with_relations);
  ADD ("/gloss/store/relations/delete-owners", test_delete_owners_of_relations);
  ADD ("/gloss/store/relations/signals", test_relation_signals);
  ADD ("/gloss/store/attributes/definitions-and-values", test_attributes);
  ADD ("/gloss/store/attributes/follow-labels", test_attributes_follow_labels);
  ADD ("/gloss/store/categories/sets-values-choices", test_categories);
  ADD ("/gloss/store/relations/merge-labels", test_merge_moves_relations);
  ADD ("/gloss/store/stats", test_stats);
  ADD ("/gloss/store/history/undo-everything", test_undo_everything);
  ADD ("/gloss/store/relations/work-is-bounded", test_relation_work_is_bounded);
  g_test_add_func ("/gloss/store/relations/migrate-from-v3", test_migrate_from_v3);
  g_test_add_func ("/gloss/store/relations/migrate-from-v4", test_migrate_from_v4);
  g_test_add_func ("/gloss/store/relations/migrate-from-v4-failure-keeps-project",
                   test_migrate_from_v4_failure_keeps_project);
  ADD ("/gloss/store/relations/kill-while-adding", test_kill_while_adding_relations);
  ADD ("/gloss/store/relations/busy", test_relations_busy);
  ADD ("/gloss/store/relations/discontinuous-group", test_discontinuous_group);
  ADD ("/gloss/store/keys/shared-by-kinds", test_keys_shared_by_kinds);

#undef ADD

  return g_test_run ();
}
