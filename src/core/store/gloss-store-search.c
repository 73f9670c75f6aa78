/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Search over a project: labeling every match of a phrase at once, and
 * finding a phrase in every document. SQLite only narrows down the documents
 * to read; gloss-search.c decides what matches, so that a project search, the
 * search bar and "Label All" agree to the code point. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-store-private.h"

/* Whether DOCUMENT_ID already has a span of LABEL_ID over exactly START-END. */
static gboolean
span_exists (GlossStore  *self,
             gint64       document_id,
             gint64       label_id,
             gint64       start,
             gint64       end,
             gboolean    *exists,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_store_prepare (self,
                              "SELECT 1 FROM spans "
                              "WHERE document = ? AND start = ? AND end = ? AND label = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  sqlite3_bind_int64 (stmt, 4, label_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* "Label All": a span of LABEL_ID over each of RANGES (GlossSearchRange) in
 * DOCUMENT_ID, in one transaction, so that one undo takes them all back. A
 * range that already has a span of that label is left alone and counted in
 * N_SKIPPED. Returns the new spans; on error, none is kept. */
GPtrArray *
gloss_store_add_spans_for_matches (GlossStore  *self,
                                   gint64       document_id,
                                   gint64       label_id,
                                   GArray      *ranges,
                                   const char  *annotator,
                                   guint       *n_skipped,
                                   GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autoptr(GPtrArray) created = NULL;
  guint skipped = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (ranges != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_skipped != NULL)
    *n_skipped = 0;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  created = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ranges->len; i++)
    {
      const GlossSearchRange *range = &g_array_index (ranges, GlossSearchRange, i);
      GlossSpan *span;
      gboolean exists;

      if (!span_exists (self, document_id, label_id, range->start, range->end, &exists, error))
        return NULL;

      if (exists)
        {
          skipped++;
          continue;
        }

      span = gloss_store_add_span (self, document_id, label_id, range->start, range->end,
                                   annotator, NULL, error);
      if (span == NULL)
        return NULL;
      g_ptr_array_add (created, span);
    }

  if (!gloss_store_transaction_commit (&tx, error))
    return NULL;

  if (n_skipped != NULL)
    *n_skipped = skipped;

  return g_steal_pointer (&created);
}

/* PREFILTER as a LIKE pattern that finds it anywhere in a text. */
static char *
like_pattern (const char *prefilter)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = prefilter; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* The words of QUERY as the full-text index splits them (unicode61):
 * letters, digits and marks make words, anything else separates them. */
static GPtrArray *
query_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = query; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return words;
}

/* An FTS5 query that every document with a match satisfies: each of WORDS
 * as a word prefix. NULL when there is no word to look for. */
static char *
fts_query (GPtrArray *words)
{
  g_autoptr(GString) fts = g_string_new (NULL);

  if (words->len == 0)
    return NULL;

  for (guint i = 0; i < words->len; i++)
    {
      g_string_append_printf (fts, "%s\"", i > 0 ? " AND " : "");
      for (const char *q = words->pdata[i]; *q != '\0'; q++)
        {
          if (*q == '"')
            g_string_append_c (fts, '"');
          g_string_append_c (fts, *q);
        }
      g_string_append (fts, "\"*");
    }

  return g_string_free (g_steal_pointer (&fts), FALSE);
}

/* The full-text index's own test, applied to a text that is not in it
 * yet, so that a search finds in a waiting text exactly what it would
 * find once the text is indexed: the index's tokenizer (from SQLite, so
 * the same folding and the same word breaks) reads the text, and each
 * word of the query must start a token, or, when the tokenizer splits
 * the word, be a run of tokens of which the last starts with the word's
 * last piece, as FTS5 reads "word"*. */
typedef struct
{
  fts5_tokenizer methods;
  Fts5Tokenizer *tokenizer;
  GPtrArray *phrases;    /* a GPtrArray of token strings per query word */
  guint longest;         /* tokens in the longest phrase */
  gboolean impossible;   /* a word with no token: FTS5 matches nothing */
} IndexTest;

typedef struct
{
  IndexTest *test;
  gboolean *found;       /* per phrase */
  guint n_left;
  GPtrArray *recent;     /* the last tokens, up to longest - 1 of them */
} IndexTestRun;

static int
add_query_token_cb (void       *user_data,
                    int         flags,
                    const char *token,
                    int         n_bytes,
                    int         start,
                    int         end)
{
  GPtrArray *phrase = user_data;

  if (!(flags & FTS5_TOKEN_COLOCATED))
    g_ptr_array_add (phrase, g_strndup (token, n_bytes));
  return SQLITE_OK;
}

static void
index_test_free (IndexTest *test)
{
  if (test == NULL)
    return;

  if (test->tokenizer != NULL)
    test->methods.xDelete (test->tokenizer);
  g_clear_pointer (&test->phrases, g_ptr_array_unref);
  g_free (test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IndexTest, index_test_free)

/* The test for WORDS, with the tokenizer documents_fts was made with. */
static IndexTest *
index_test_new (GlossStore  *self,
                GPtrArray   *words,
                GError     **error)
{
  static const char *arguments[] = { "remove_diacritics", "2" };
  g_autoptr(IndexTest) test = g_new0 (IndexTest, 1);
  fts5_api *api = NULL;
  void *tokenizer_data = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_store_prepare (self, "SELECT fts5 (?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW || api == NULL)
    {
      gloss_store_set_sqlite_error (self, error, rc == SQLITE_ROW ? SQLITE_ERROR : rc);
      return NULL;
    }

  rc = api->xFindTokenizer (api, "unicode61", &tokenizer_data, &test->methods);
  if (rc == SQLITE_OK)
    rc = test->methods.xCreate (tokenizer_data, (const char **) arguments,
                                G_N_ELEMENTS (arguments), &test->tokenizer);
  if (rc != SQLITE_OK)
    {
      test->tokenizer = NULL;
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  test->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = words->pdata[i];
      GPtrArray *phrase = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (test->phrases, phrase);
      rc = test->methods.xTokenize (test->tokenizer, phrase,
                                    FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                                    word, strlen (word), add_query_token_cb);
      if (rc != SQLITE_OK)
        {
          gloss_store_set_sqlite_error (self, error, rc);
          return NULL;
        }
      test->impossible |= phrase->len == 0;
      test->longest = MAX (test->longest, phrase->len);
    }

  return g_steal_pointer (&test);
}

static int
check_token_cb (void       *user_data,
                int         flags,
                const char *token,
                int         n_bytes,
                int         start,
                int         end)
{
  IndexTestRun *run = user_data;
  GPtrArray *phrases = run->test->phrases;

  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;

  for (guint i = 0; i < phrases->len; i++)
    {
      GPtrArray *phrase = phrases->pdata[i];
      const char *last = phrase->pdata[phrase->len - 1];
      gsize last_len = strlen (last);
      gboolean match;

      if (run->found[i] || phrase->len - 1 > run->recent->len)
        continue;

      match = (gsize) n_bytes >= last_len && memcmp (token, last, last_len) == 0;
      for (guint j = 0; match && j + 1 < phrase->len; j++)
        match = g_str_equal (phrase->pdata[j],
                             run->recent->pdata[run->recent->len - (phrase->len - 1) + j]);
      if (match)
        {
          run->found[i] = TRUE;
          run->n_left--;
        }
    }

  /* Every word found: the rest of the text cannot change the answer. */
  if (run->n_left == 0)
    return SQLITE_DONE;

  if (run->test->longest > 1)
    {
      if (run->recent->len == run->test->longest - 1)
        g_ptr_array_remove_index (run->recent, 0);
      g_ptr_array_add (run->recent, g_strndup (token, n_bytes));
    }

  return SQLITE_OK;
}

/* Whether the index, had it TEXT, would give it to the search. */
static gboolean
index_test_passes (IndexTest   *test,
                   const char  *text,
                   gboolean    *passes,
                   GlossStore  *self,
                   GError     **error)
{
  g_autofree gboolean *found = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  IndexTestRun run;
  int rc;

  *passes = FALSE;
  if (test->impossible)
    return TRUE;

  found = g_new0 (gboolean, test->phrases->len);
  recent = g_ptr_array_new_with_free_func (g_free);
  run = (IndexTestRun) { test, found, test->phrases->len, recent };
  rc = test->methods.xTokenize (test->tokenizer, &run, FTS5_TOKENIZE_DOCUMENT, text, strlen (text),
                                check_token_cb);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  *passes = run.n_left == 0;
  return TRUE;
}

#define SCAN_DOCUMENTS \
  "SELECT d.id, d.name, t.text FROM documents AS d " \
  "JOIN document_texts AS t ON t.document = d.id "
#define SCAN_WAITING \
  "SELECT d.id, d.name, t.text FROM unindexed_texts AS u " \
  "JOIN documents AS d ON d.id = u.document JOIN document_texts AS t ON t.document = d.id "
#define HAVING_EXACTLY "WHERE instr (t.text, ?) > 0 "
#define HAVING_ALIKE "WHERE t.text LIKE ? ESCAPE '\\' "
#define IN_ID_ORDER "ORDER BY d.id"

/* Every document (or, with WAITING_ONLY, every text waiting for the index)
 * that has PREFILTER: exactly (instr ()) with a case-sensitive search, up
 * to ASCII case (LIKE) without; all of them for an empty PREFILTER. */
static sqlite3_stmt *
prepare_scan (GlossStore        *self,
              gboolean           waiting_only,
              const char        *prefilter,
              GlossSearchFlags   flags,
              GError           **error)
{
  static const char * const all[] = {
    SCAN_DOCUMENTS HAVING_EXACTLY IN_ID_ORDER,
    SCAN_DOCUMENTS HAVING_ALIKE IN_ID_ORDER,
    SCAN_DOCUMENTS IN_ID_ORDER,
  };
  static const char * const waiting[] = {
    SCAN_WAITING HAVING_EXACTLY IN_ID_ORDER,
    SCAN_WAITING HAVING_ALIKE IN_ID_ORDER,
    SCAN_WAITING IN_ID_ORDER,
  };
  const char * const *sql = waiting_only ? waiting : all;
  sqlite3_stmt *stmt;

  if (flags & GLOSS_SEARCH_CASE_SENSITIVE)
    {
      if ((stmt = gloss_store_prepare (self, sql[0], error)) != NULL)
        sqlite3_bind_text (stmt, 1, prefilter, -1, SQLITE_TRANSIENT);
    }
  else if (prefilter[0] != '\0')
    {
      if ((stmt = gloss_store_prepare (self, sql[1], error)) != NULL)
        sqlite3_bind_text (stmt, 1, like_pattern (prefilter), -1, g_free);
    }
  else
    stmt = gloss_store_prepare (self, sql[2], error);

  return stmt;
}

/* The documents that can match, as (id, name, text) rows in id order.
 * The full-text index narrows a search for words to the documents that
 * have them, at the start of a word; instr() compares exactly and LIKE up
 * to ASCII case for a query without words. Each keeps every document that
 * can match, and gloss_search_find () says where.
 *
 * The index holds only the texts that are not waiting for it (see
 * gloss_store_index_texts ()), so a search for words reads the waiting
 * ones too, as a second list (UNINDEXED) narrowed the way a query without
 * words is; IndexTest then keeps the documents the index would have
 * given, so that the results are the same before and after indexing. */
static gboolean
prepare_candidates (GlossStore        *self,
                    const char        *query,
                    GPtrArray         *words,
                    GlossSearchFlags   flags,
                    sqlite3_stmt     **indexed,
                    sqlite3_stmt     **unindexed,
                    GError           **error)
{
  g_autofree char *prefilter = gloss_search_dup_prefilter (query, flags);
  g_autofree char *match = fts_query (words);

  *unindexed = NULL;

  if (match == NULL)
    return (*indexed = prepare_scan (self, FALSE, prefilter, flags, error)) != NULL;

  *indexed = gloss_store_prepare (self,
                                  "SELECT d.id, d.name, t.text FROM documents_fts "
                                  "JOIN documents AS d ON d.id = documents_fts.rowid "
                                  "JOIN document_texts AS t ON t.document = d.id "
                                  "WHERE documents_fts MATCH ? ORDER BY d.id",
                                  error);
  if (*indexed == NULL)
    return FALSE;
  sqlite3_bind_text (*indexed, 1, match, -1, SQLITE_TRANSIENT);

  return (*unindexed = prepare_scan (self, TRUE, prefilter, flags, error)) != NULL;
}

/* Steps STMT, if it is still running, to its next row: SQLITE_ROW, or
 * SQLITE_DONE for a statement that is done or was never there. */
static int
step_candidates (sqlite3_stmt *stmt,
                 int           rc)
{
  if (stmt == NULL || rc != SQLITE_ROW)
    return stmt == NULL ? SQLITE_DONE : rc;
  return sqlite3_step (stmt);
}

static GPtrArray *
search_candidates (GlossStore        *self,
                   const char        *query,
                   GlossSearchFlags   flags,
                   guint              limit,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_search_result_free);
  g_autoptr(GPtrArray) words = query_words (query);
  g_autoptr(IndexTest) index_test = NULL;
  sqlite3_stmt *indexed, *unindexed;
  int rc_indexed, rc_unindexed;
  int rc = SQLITE_DONE;

  if (!prepare_candidates (self, query, words, flags, &indexed, &unindexed, error))
    return NULL;
  if (unindexed != NULL && (index_test = index_test_new (self, words, error)) == NULL)
    return NULL;

  /* Both lists are in id order: merged, the documents come in id order
   * whether their texts are indexed yet or not. */
  rc_indexed = sqlite3_step (indexed);
  rc_unindexed = unindexed != NULL ? sqlite3_step (unindexed) : SQLITE_DONE;
  while (rc_indexed == SQLITE_ROW || rc_unindexed == SQLITE_ROW)
    {
      g_autoptr(GArray) ranges = NULL;
      g_autoptr(GPtrArray) found = NULL;
      sqlite3_stmt *stmt;
      const char *text;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;

      if (rc_unindexed != SQLITE_ROW ||
          (rc_indexed == SQLITE_ROW &&
           sqlite3_column_int64 (indexed, 0) < sqlite3_column_int64 (unindexed, 0)))
        stmt = indexed;
      else
        stmt = unindexed;

      text = (const char *) sqlite3_column_text (stmt, 2);
      ranges = gloss_search_find (text, query, flags, limit > 0 ? limit - results->len : 0);
      if (stmt == unindexed && ranges->len > 0)
        {
          gboolean passes;

          if (!index_test_passes (index_test, text, &passes, self, error))
            break;
          if (!passes)
            g_array_set_size (ranges, 0);
        }
      found = gloss_search_make_results (sqlite3_column_int64 (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         text, ranges);
      g_ptr_array_extend_and_steal (results, g_steal_pointer (&found));

      if (limit > 0 && results->len >= limit)
        {
          rc_indexed = rc_unindexed = SQLITE_DONE;
          break;
        }

      if (stmt == indexed)
        rc_indexed = step_candidates (indexed, rc_indexed);
      else
        rc_unindexed = step_candidates (unindexed, rc_unindexed);
    }

  if (rc_indexed != SQLITE_ROW && rc_indexed != SQLITE_DONE)
    rc = rc_indexed;
  else if (rc_unindexed != SQLITE_ROW && rc_unindexed != SQLITE_DONE)
    rc = rc_unindexed;

  sqlite3_reset (indexed);
  if (unindexed != NULL)
    sqlite3_reset (unindexed);

  if (error != NULL && *error != NULL)
    return NULL;

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&results);
}

static GPtrArray *
search_project (GlossStore        *self,
                const char        *query,
                GlossSearchFlags   flags,
                guint              limit,
                GCancellable      *cancellable,
                GError           **error)
{
  GPtrArray *results;
  gboolean own_transaction;

  if (query[0] == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_search_result_free);

  /* One snapshot for both lists: between two, a text could move from the
   * waiting ones into the index (another connection indexing) and be
   * missed, or be read twice. A plain BEGIN only reads, so that the
   * search's read-only connection can take it too. */
  own_transaction = sqlite3_get_autocommit (self->db);
  if (own_transaction && sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (self, error, sqlite3_errcode (self->db));
      return NULL;
    }

  results = search_candidates (self, query, flags, limit, cancellable, error);

  if (own_transaction)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  return results;
}

/* Every match of QUERY in the project's documents, as GlossSearchResult, in
 * document order and then in reading order; at most LIMIT (0: no limit).
 * Reads every document that could match on the calling thread: a window
 * uses gloss_store_search_project_async(). */
GPtrArray *
gloss_store_search_project (GlossStore        *self,
                            const char        *query,
                            GlossSearchFlags   flags,
                            guint              limit,
                            GError           **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return search_project (self, query, flags, limit, NULL, error);
}

typedef struct
{
  char *query;
  GlossSearchFlags flags;
  guint limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->query);
  g_free (data);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(GlossStore) reader = NULL;
  GPtrArray *results;
  GError *error = NULL;

  /* A connection of the search's own, so that the search never waits for
   * the window's connection nor holds it up. It cannot write. */
  reader = gloss_store_open_connection (source_object, TRUE, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  results = search_project (reader, data->query, data->flags, data->limit, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* gloss_store_search_project() on a thread, over a read-only connection of
 * its own. A search that CANCELLABLE stops ends with G_IO_ERROR_CANCELLED. */
void
gloss_store_search_project_async (GlossStore          *self,
                                  const char          *query,
                                  GlossSearchFlags     flags,
                                  guint                limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (query != NULL);

  data = g_new0 (SearchData, 1);
  data->query = g_strdup (query);
  data->flags = flags;
  data->limit = limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_store_search_project_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_set_return_on_cancel (task, TRUE);

  /* GLib 2.74 loses the error of a task run in a thread with return-on-cancel
   * whose cancellable was cancelled before it started: it is overwritten
   * with the thread's own without being freed. */
  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
gloss_store_search_project_finish (GlossStore    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
