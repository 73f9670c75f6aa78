/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-color.h"
#include "gloss-history.h"
#include "gloss-import.h"
#include "gloss-store-private.h"
#include "gloss-test-store.h"
#include "gloss-test-util.h"

/* More than two commits' worth: gloss_import_paths commits 500 files at a
 * time. */
#define N_FILES 1002

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "import.gloss", NULL);
  fixture->store = gloss_store_create (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* The documents a whole-word search for QUERY finds, by name. */
static char *
search_names (Fixture    *fixture,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  results = gloss_store_search_project (fixture->store, query, GLOSS_SEARCH_WHOLE_WORD, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      GlossSearchResult *result = g_ptr_array_index (results, i);

      g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", result->document_name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The number SQL answers on DB. */
static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Runs SQL on the project file from a connection of its own: what another
 * program (or the next start) sees. */
static void
assert_sql_int (Fixture    *fixture,
                const char *sql,
                gint64      expected)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, sql), ==, expected);
  sqlite3_close (db);
}

static void
assert_results_ok (GPtrArray *results,
                   guint      n)
{
  g_assert_cmpuint (results->len, ==, n);
  for (guint i = 0; i < results->len; i++)
    g_assert_no_error (((GlossImportResult *) g_ptr_array_index (results, i))->error);
}

static void
count_cb (GlossStore *store,
          guint      *count)
{
  (*count)++;
}

/* Indexes every text waiting for the full-text index, MAX_TEXTS at a
 * time; the number of calls it took. */
static guint
index_all (Fixture *fixture,
           guint    max_texts)
{
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;
  guint calls = 0;

  while (more)
    {
      g_assert_true (gloss_store_index_texts (fixture->store, max_texts, &more, &error));
      g_assert_no_error (error);
      calls++;
      gloss_test_assert_index_whole (fixture->path);
    }

  return calls;
}

/* A search for each of the files' own markers finds that file alone. */
static void
assert_markers_found (Fixture     *fixture,
                      const guint *numbers,
                      gsize        n_numbers)
{
  for (gsize i = 0; i < n_numbers; i++)
    {
      g_autofree char *query = g_strdup_printf ("marker%04u", numbers[i]);
      g_autofree char *expected = g_strdup_printf ("file-%04u.txt", numbers[i]);
      g_autofree char *found = search_names (fixture, query);

      g_assert_cmpstr (found, ==, expected);
    }
}

/* Every file of a large import is found by a project search, in every
 * batch, before its text is indexed and after; indexing goes a chunk at a
 * time, and documents added after the import are indexed at once. */
static void
test_searchable (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  static const guint probes[] = { 1, 2, 499, 500, 501, 1000, 1001, N_FILES };
  guint documents_changed = 0;
  gint64 later;

  g_signal_connect (fixture->store, "documents-changed", G_CALLBACK (count_cb),
                    &documents_changed);

  for (guint i = 1; i <= N_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Common words, and one marker%04u of its own.\n", i);

      g_ptr_array_add (paths, write_file (fixture, name, text, -1));
    }
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, N_FILES);
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, N_FILES);
  /* Once per commit, so that a window reloads its list as files come in. */
  g_assert_cmpuint (documents_changed, ==, 3);

  /* The import left the index to later, and the search does not wait. */
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, N_FILES);
  assert_sql_int (fixture, "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'common'",
                  0);
  gloss_test_assert_index_whole (fixture->path);
  assert_markers_found (fixture, probes, G_N_ELEMENTS (probes));

  /* 1002 texts, 300 at a time, each chunk leaving the index whole. */
  g_assert_cmpuint (index_all (fixture, 300), ==, 4);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 0);
  assert_sql_int (fixture, "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'common'",
                  N_FILES);
  /* Nothing a view shows changed. */
  g_assert_cmpuint (documents_changed, ==, 3);

  assert_markers_found (fixture, probes, G_N_ELEMENTS (probes));

  /* With nothing left, indexing is a no-op that says so. */
  g_assert_cmpuint (index_all (fixture, 300), ==, 1);

  /* A single document is indexed as it comes. */
  later = gloss_store_add_document (fixture->store, "later.txt", "A laterword.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (later, >, 0);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 0);
  assert_sql_int (fixture, "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'laterword'",
                  1);
  {
    g_autofree char *found = search_names (fixture, "laterword");

    g_assert_cmpstr (found, ==, "later.txt");
  }
  gloss_test_assert_index_whole (fixture->path);
}

/* Every result of QUERY with FLAGS, one a line: document, range, the
 * match and its context. */
static char *
describe_search (Fixture          *fixture,
                 const char       *query,
                 GlossSearchFlags  flags,
                 guint             limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  GString *out = g_string_new (NULL);

  results = gloss_store_search_project (fixture->store, query, flags, limit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      GlossSearchResult *result = g_ptr_array_index (results, i);

      g_string_append_printf (out, "%s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " [%s|%s|%s]\n",
                              result->document_name, result->start, result->end,
                              result->context_before, result->match, result->context_after);
    }

  return g_string_free (out, FALSE);
}

static const char * const queries[] = {
  "corridor", "Corridor", "CORRIDOR", "corr", "Baku", "baku", "sanctions regime", "regime",
  "Régime", "mi", "Zangezur corridor", "🇦🇿", "—", "“Baku”", "پزشکیان", "ISTANBUL", "İstanbul",
  "stanbul", "e", "%", "_", "\\", "word-break", "a.b", "x", "cafe", "café", "cafe\u0301",
  "\u0301", "Ω", "ω", "x\u200cy", "1", "mí",
};

/* The documents as the search sees them: indexed ones before, between and
 * after the imported ones, whose texts wait for the index. */
static void
make_mixed_project (Fixture *fixture)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const texts[] = {
    "The corridor through Zangezur — “Baku” wants it. 🇦🇿",
    "CORRIDOR talks; corridors; a corridor-regime? Corridor.",
    "Sanctions regime and the régime of sanctions: regime change.",
    "پزشکیان می‌خواهد — İstanbul, ISTANBUL, istanbul.",
    "100% of a_b and a.b, back\\slash, word-break here.",
    "Nothing to see.",
    "mi mi mi Mi MI mí",
    "cafe\u0301 au lait, café, CAFÉ; ΩMEGA ωmega x\u200cy 1x x1",
  };

  gloss_store_add_document (fixture->store, "first.txt", "A corridor before the import, Baku.",
                            NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("imported-%u.txt", i);

      g_ptr_array_add (paths, write_file (fixture, name, texts[i], -1));
    }
  g_ptr_array_add (paths, NULL);
  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, G_N_ELEMENTS (texts));

  gloss_store_add_document (fixture->store, "last.txt", "The last corridor, the last regime. x",
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, G_N_ELEMENTS (texts));
}

/* A search finds the same, in the same order, whether the texts wait for
 * the index or are in it: every query, every combination of case and
 * whole words, with and without a limit. */
static void
test_same_results (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const GlossSearchFlags flag_sets[] = {
    GLOSS_SEARCH_FLAGS_NONE,
    GLOSS_SEARCH_CASE_SENSITIVE,
    GLOSS_SEARCH_WHOLE_WORD,
    GLOSS_SEARCH_CASE_SENSITIVE | GLOSS_SEARCH_WHOLE_WORD,
  };
  static const guint limits[] = { 0, 1, 3 };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;
  guint n_found = 0;

  make_mixed_project (fixture);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint f = 0; f < G_N_ELEMENTS (flag_sets); f++)
      for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
        {
          char *found = describe_search (fixture, queries[q], flag_sets[f], limits[l]);

          n_found += found[0] != '\0';
          g_ptr_array_add (before, found);
        }
  /* Not a comparison of nothing with nothing. */
  g_assert_cmpuint (n_found, >, before->len / 2);
  {
    g_autofree char *corridor = describe_search (fixture, "corridor", GLOSS_SEARCH_WHOLE_WORD, 0);

    g_assert_nonnull (strstr (corridor, "first.txt"));
    g_assert_nonnull (strstr (corridor, "imported-0.txt"));
    g_assert_nonnull (strstr (corridor, "imported-1.txt"));
    g_assert_nonnull (strstr (corridor, "last.txt"));
    /* In document order: the imported ones between the others. */
    g_assert_true (strstr (corridor, "first.txt") < strstr (corridor, "imported-0.txt"));
    g_assert_true (strstr (corridor, "imported-1.txt") < strstr (corridor, "last.txt"));
  }

  index_all (fixture, 2);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 0);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint f = 0; f < G_N_ELEMENTS (flag_sets); f++)
      for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
        {
          g_autofree char *found = describe_search (fixture, queries[q], flag_sets[f], limits[l]);

          if (g_strcmp0 (found, before->pdata[n]) != 0)
            g_test_message ("query “%s”, flags %u, limit %u", queries[q], flag_sets[f], limits[l]);
          g_assert_cmpstr (found, ==, before->pdata[n]);
          n++;
        }
}

/* A text that waits for the index can be deleted (the index is left
 * alone, and stays whole) and brought back by undo. */
static void
test_delete_unindexed (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossHistory) history = gloss_history_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  make_mixed_project (fixture);
  ids = gloss_store_list_document_ids (fixture->store, &error);
  g_assert_no_error (error);
  /* imported-0.txt, whose text waits. */
  id = g_array_index (ids, gint64, 1);

  g_assert_true (gloss_store_delete_document (fixture->store, id, &error));
  g_assert_no_error (error);
  gloss_test_assert_index_whole (fixture->path);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 7);
  {
    g_autofree char *found = search_names (fixture, "Zangezur");

    g_assert_cmpstr (found, ==, "");
  }

  /* Back, with its id, and indexed as any single document. */
  g_assert_true (gloss_history_undo (history, &error));
  g_assert_no_error (error);
  gloss_test_assert_index_whole (fixture->path);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 7);
  assert_sql_int (fixture, "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'zangezur'",
                  1);
  {
    g_autofree char *found = search_names (fixture, "Zangezur");

    g_assert_cmpstr (found, ==, "imported-0.txt");
  }

  /* Deleted again, with the other waiting texts: none is left waiting,
   * and the index never had them. */
  g_assert_true (gloss_history_redo (history, &error));
  g_assert_no_error (error);
  for (guint i = 2; i < ids->len - 1; i++)
    {
      g_assert_true (gloss_store_delete_document (fixture->store, g_array_index (ids, gint64, i),
                                                  &error));
      g_assert_no_error (error);
    }
  gloss_test_assert_index_whole (fixture->path);
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 2);
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 0);
  {
    g_autofree char *found = search_names (fixture, "corridor");

    g_assert_cmpstr (found, ==, "first.txt last.txt");
  }
}

/* A file that fails halfway (its document added, then refused) leaves
 * nothing: no row, no index entry; the files around it go in, and a file
 * that is not UTF-8 is refused naming the byte. */
static void
test_failed_file (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  GlossImportResult *result;
  guint documents_changed = 0;

  g_signal_connect (fixture->store, "documents-changed", G_CALLBACK (count_cb),
                    &documents_changed);

  g_ptr_array_add (paths, write_file (fixture, "before.txt", "The firstword.\n", -1));
  /* A label with a blank name is refused by the store, after the
   * document's row and text are written. */
  g_ptr_array_add (paths, write_file (fixture, "ghost.gloss.jsonl",
                                      "{\"gloss\": 1, \"labels\": []}\n"
                                      "{\"name\": \"ghost.txt\", \"status\": \"new\", "
                                      "\"text\": \"A ghostword here.\", \"spans\": ["
                                      "{\"start\": 2, \"end\": 11, \"label\": \"   \"}]}\n",
                                      -1));
  g_ptr_array_add (paths, write_file (fixture, "latin1.txt", "Caf\xe9 lastword\n", -1));
  g_ptr_array_add (paths, write_file (fixture, "after.txt", "The secondword.\n", -1));
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_no_error (((GlossImportResult *) results->pdata[0])->error);
  g_assert_no_error (((GlossImportResult *) results->pdata[3])->error);

  result = results->pdata[1];
  g_assert_nonnull (result->error);
  g_assert_cmpuint (result->report->documents, ==, 0);

  result = results->pdata[2];
  g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_nonnull (strstr (result->error->message, "invalid byte 0xE9 at byte 3"));

  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 2);
  g_assert_cmpuint (documents_changed, ==, 1);
  /* The refused file's text is not left waiting either. */
  g_assert_cmpuint (gloss_store_count_texts_to_index (fixture->store), ==, 2);
  {
    g_autofree char *first = search_names (fixture, "firstword");
    g_autofree char *second = search_names (fixture, "secondword");
    g_autofree char *ghost = search_names (fixture, "ghostword");

    g_assert_cmpstr (first, ==, "before.txt");
    g_assert_cmpstr (second, ==, "after.txt");
    g_assert_cmpstr (ghost, ==, "");
  }
  assert_sql_int (fixture, "SELECT count (*) FROM documents_fts WHERE documents_fts MATCH 'ghostword'",
                  0);
  assert_sql_int (fixture, "SELECT count (*) FROM document_texts", 2);
  gloss_test_assert_index_whole (fixture->path);
}

typedef struct
{
  GCancellable *cancellable;
  guint cancel_at;
} CancelAt;

static void
cancel_at_cb (guint       done,
              guint       total,
              const char *path,
              gpointer    user_data)
{
  CancelAt *cancel = user_data;

  if (done == cancel->cancel_at)
    g_cancellable_cancel (cancel->cancellable);
}

/* Files are read ahead of their import; cancelling halfway (while the
 * 41st file is announced) still stops before the next file: the files
 * after it have no result and are not in the project, though they were
 * read already. Results come in the order
 * of the paths, a file that cannot be read among them. */
static void
test_cancel_midway (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelAt cancel = { cancellable, 40 };

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("text-%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("Text number %u.\n", i);

      g_ptr_array_add (paths, write_file (fixture, name, i == 7 ? "Caf\xe9\n" : text, -1));
    }
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL,
                                cancellable, cancel_at_cb, &cancel);

  g_assert_cmpuint (results->len, ==, 41);
  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      g_assert_cmpstr (result->path, ==, paths->pdata[i]);
      if (i == 7)
        g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
      else
        g_assert_no_error (result->error);
    }
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 40);
  assert_sql_int (fixture, "SELECT count (*) FROM documents WHERE name = 'text-040.txt'", 1);
  assert_sql_int (fixture, "SELECT count (*) FROM documents WHERE name = 'text-041.txt'", 0);
}

/* N_FILES texts of SIZE bytes each, the first word of each its number. */
static GPtrArray *
write_texts (Fixture *fixture,
             guint    n_files,
             gsize    size)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("text-%04u.txt", i);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "Text%04u ", i);
      while (text->len < size)
        g_string_append (text, "and the corridor runs on ");
      g_ptr_array_add (paths, write_file (fixture, name, text->str, text->len));
    }
  g_ptr_array_add (paths, NULL);

  return paths;
}

/* An import of 24 MB copies its pages into the project file as it goes,
 * on a thread of its own, and the write-ahead log does not grow with it:
 * when the import is over, nothing is left to copy. */
static void
test_checkpointed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = write_texts (fixture, 1200, 20000);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf wal_stat;
  sqlite3 *db;
  int n_log = -1, n_copied = -1;

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, 1200);

  g_assert_cmpint (g_stat (wal, &wal_stat), ==, 0);
  g_assert_cmpint (wal_stat.st_size, <, 24 * 1000 * 1000);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_copied),
                   ==, SQLITE_OK);
  g_assert_cmpint (n_log, ==, n_copied);
  sqlite3_close (db);

  assert_sql_int (fixture, "SELECT count (*) FROM documents", 1200);
  assert_sql_int (fixture, "SELECT count (*) FROM document_texts WHERE text LIKE 'Text1199 %'", 1);
}

/* Another program reading the project all through an import (so that no
 * checkpoint can copy what it may still read) does not stop the import,
 * and sees the project as it was until it reads afresh. */
static void
test_reader_holds_log (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = write_texts (fixture, 1200, 20000);
  g_autoptr(GPtrArray) results = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM documents", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, 1200);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1200);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 1200);
}

/* An import writes with settings of its own (a larger page cache,
 * savepoint journals in memory, commits that do not wait for the disk,
 * checkpoints elsewhere) and gives the connection back as it was,
 * whatever it was: the window keeps using it. */
static void
test_settings_restored (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_cmpint (sqlite3_exec (fixture->store->db,
                                 "PRAGMA cache_size = -1234; PRAGMA temp_store = FILE;"
                                 "PRAGMA synchronous = EXTRA",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_ptr_array_add (paths, write_file (fixture, "one.txt", "The first text.\n", -1));
  g_ptr_array_add (paths, write_file (fixture, "two.txt", "The second text.\n", -1));
  g_ptr_array_add (paths, NULL);
  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, 2);

  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA cache_size"), ==, -1234);
  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA temp_store"), ==, 1);
  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA synchronous"), ==, 3);
  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA wal_autocheckpoint"), ==, 1000);
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 2);
}

/* An import inside a transaction the caller opened writes as part of it:
 * the connection keeps its settings (SQLite would refuse to change how it
 * syncs), and its own checkpoints go on after. */
static void
test_inside_transaction (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = write_texts (fixture, 3, 100);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, 3);
  g_assert_true (gloss_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA wal_autocheckpoint"), ==, 1000);
  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (fixture->store->db, "PRAGMA cache_size"), ==, -2000);
  assert_sql_int (fixture, "SELECT count (*) FROM documents", 3);
}

/* An import is one undo step per commit, and undoing it takes its spans
 * back out; redoing puts them back. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GlossHistory) history = gloss_history_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) spans = NULL;

  g_ptr_array_add (paths, write_file (fixture, "spans.gloss.jsonl",
                                      "{\"gloss\": 1, \"labels\": [{\"name\": \"Actor\", "
                                      "\"color\": \"#3584e4\"}]}\n"
                                      "{\"name\": \"a.txt\", \"status\": \"new\", "
                                      "\"text\": \"Velayati met Pezeshkian.\", \"spans\": ["
                                      "{\"start\": 0, \"end\": 8, \"label\": \"Actor\"}, "
                                      "{\"start\": 13, \"end\": 23, \"label\": \"Actor\"}]}\n",
                                      -1));
  g_ptr_array_add (paths, write_file (fixture, "plain.txt", "Plain text.\n", -1));
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, 2);
  g_assert_true (gloss_history_can_undo (history));

  ids = gloss_store_list_document_ids (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  spans = gloss_store_list_spans (fixture->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpuint (spans->len, ==, 2);
  g_clear_pointer (&spans, g_ptr_array_unref);

  g_assert_true (gloss_history_undo (history, &error));
  g_assert_no_error (error);
  spans = gloss_store_list_spans (fixture->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpuint (spans->len, ==, 0);
  g_clear_pointer (&spans, g_ptr_array_unref);

  g_assert_true (gloss_history_redo (history, &error));
  spans = gloss_store_list_spans (fixture->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpuint (spans->len, ==, 2);
  gloss_test_assert_index_whole (fixture->path);
}

/* Labels a format brings without colors get colors that stand apart from
 * the ones in the project: a GPE label is not another Reformist blue. */
static void
test_new_label_colors_distinct (Fixture       *fixture,
                                gconstpointer  user_data)
{
  static const char * const factions[][2] = {
    { "Reformist camp", "#3584e4" }, { "Hardline camp", "#e01b24" },
    { "Security establishment", "#ff7800" }, { "Foreign government", "#2ec27e" },
    { "Analyst / source", "#9141ac" },
  };
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  GlossDatasetDocument *document;

  for (guint i = 0; i < G_N_ELEMENTS (factions); i++)
    {
      g_autoptr(GlossLabel) label = gloss_store_add_label (fixture->store, factions[i][0],
                                                           factions[i][1], "", NULL, &error);
      g_assert_no_error (error);
    }

  document = gloss_dataset_add_document (dataset, "ner.txt", "Ana met Omid of Acme in Baku.");
  gloss_dataset_document_add_span (document, 0, 3, "PERSON", "", "");
  gloss_dataset_document_add_span (document, 16, 20, "ORG", "", "");
  gloss_dataset_document_add_span (document, 24, 28, "GPE", "", "");
  g_assert_true (gloss_import_dataset (fixture->store, dataset, report, &error));
  g_assert_no_error (error);

  labels = gloss_store_list_labels (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 8);
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        GlossColor a, b;
        double distance;

        g_assert_true (gloss_color_parse (gloss_label_get_color (labels->pdata[i]), &a));
        g_assert_true (gloss_color_parse (gloss_label_get_color (labels->pdata[j]), &b));
        distance = gloss_color_distance (&a, &b);
        /* Blue 4 next to Blue 3 is 9; a shade of another hue is over 25. */
        if (distance < 25.0)
          g_error ("“%s” (%s) and “%s” (%s) look alike: ΔE %.1f",
                   gloss_label_get_name (labels->pdata[i]),
                   gloss_label_get_color (labels->pdata[i]),
                   gloss_label_get_name (labels->pdata[j]),
                   gloss_label_get_color (labels->pdata[j]), distance);
      }
}

/* A file of many labels: each new label looked for the greatest position
 * among those before it, which took half a minute for 20,000. Large
 * enough that this would run far past the suite's timeout; the labels go
 * in the file's order, and those of the next file after them. */
#define MANY_LABELS 50000

static void
test_many_labels (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) line = g_string_new ("{\"text\": \"");

  for (guint i = 0; i < MANY_LABELS; i++)
    g_string_append_c (line, 'x');
  g_string_append (line, "\", \"label\": [");
  for (guint i = 0; i < MANY_LABELS; i++)
    g_string_append_printf (line, "%s[%u, %u, \"L%u\"]", i > 0 ? ", " : "", i, i + 1, i);
  g_string_append (line, "]}\n");

  g_ptr_array_add (paths, write_file (fixture, "many.doccano.jsonl", line->str, line->len));
  g_ptr_array_add (paths, write_file (fixture, "more.doccano.jsonl",
                                      "{\"text\": \"y\", \"label\": [[0, 1, \"Last\"]]}\n", -1));
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  assert_results_ok (results, 2);
  g_assert_cmpuint (((GlossImportResult *) results->pdata[0])->report->labels_created, ==,
                    MANY_LABELS);

  assert_sql_int (fixture, "SELECT count (*) FROM labels", MANY_LABELS + 1);
  assert_sql_int (fixture, "SELECT count (*) FROM labels WHERE name = 'L' || position",
                  MANY_LABELS);
  assert_sql_int (fixture, "SELECT position FROM labels WHERE name = 'Last'", MANY_LABELS);
  assert_sql_int (fixture, "SELECT count (*) FROM spans", MANY_LABELS + 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/import/paths/searchable", test_searchable);
  ADD ("/gloss/import/paths/failed-file", test_failed_file);
  ADD ("/gloss/import/paths/undo", test_undo);
  ADD ("/gloss/import/paths/settings-restored", test_settings_restored);
  ADD ("/gloss/import/paths/cancel-midway", test_cancel_midway);
  ADD ("/gloss/import/paths/checkpointed", test_checkpointed);
  ADD ("/gloss/import/paths/inside-transaction", test_inside_transaction);
  ADD ("/gloss/import/paths/reader-holds-log", test_reader_holds_log);
  ADD ("/gloss/import/paths/many-labels", test_many_labels);
  ADD ("/gloss/import/unindexed/same-results", test_same_results);
  ADD ("/gloss/import/unindexed/delete", test_delete_unindexed);
  ADD ("/gloss/import/new-label-colors-distinct", test_new_label_colors_distinct);

#undef ADD

  return g_test_run ();
}
