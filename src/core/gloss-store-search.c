/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Search over a project: labeling every match of a phrase at once, and
 * finding a phrase in every document. SQLite only narrows down the documents
 * to read; gloss-search.c decides what matches, so that a project search, the
 * search bar and "Label All" agree to the code point. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-store-private.h"

#define BUSY_TIMEOUT_MS 5000

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
  g_autoptr(GPtrArray) created = NULL;
  guint skipped = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (ranges != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_skipped != NULL)
    *n_skipped = 0;

  if (!gloss_store_begin (self, error))
    return NULL;

  created = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ranges->len; i++)
    {
      const GlossSearchRange *range = &g_array_index (ranges, GlossSearchRange, i);
      GlossSpan *span;
      gboolean exists;

      if (!span_exists (self, document_id, label_id, range->start, range->end, &exists, error))
        return gloss_store_finish (self, FALSE, error), NULL;

      if (exists)
        {
          skipped++;
          continue;
        }

      span = gloss_store_add_span (self, document_id, label_id, range->start, range->end,
                                   annotator, NULL, error);
      if (span == NULL)
        return gloss_store_finish (self, FALSE, error), NULL;
      g_ptr_array_add (created, span);
    }

  if (!gloss_store_finish (self, TRUE, error))
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

/* An FTS5 query that every document with a match satisfies: each word of
 * QUERY as a word prefix. NULL when QUERY has no word to look for. The
 * index splits words as unicode61 does: letters, digits and marks make
 * words, anything else separates them. */
static char *
fts_query (const char *query)
{
  g_autoptr(GString) fts = g_string_new (NULL);
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
          g_string_append_printf (fts, "%s\"", fts->len ? " AND " : "");
          for (const char *q = word->str; *q != '\0'; q++)
            {
              if (*q == '"')
                g_string_append_c (fts, '"');
              g_string_append_c (fts, *q);
            }
          g_string_append (fts, "\"*");
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return fts->len > 0 ? g_string_free (g_steal_pointer (&fts), FALSE) : NULL;
}

static GPtrArray *
search_project (GlossStore        *self,
                const char        *query,
                GlossSearchFlags   flags,
                guint              limit,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_search_result_free);
  g_autofree char *prefilter = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (query[0] == '\0')
    return g_steal_pointer (&results);

  /* The full-text index narrows a search for words to the documents that
   * have them, at the start of a word; instr() compares exactly and LIKE up
   * to ASCII case for a query without words. Each keeps every document
   * that can match, and gloss_search_find () says where. */
  prefilter = gloss_search_dup_prefilter (query, flags);
  match = fts_query (query);
  if (match != NULL)
    {
      stmt = gloss_store_prepare (self,
                                  "SELECT d.id, d.name, t.text FROM documents_fts "
                                  "JOIN documents AS d ON d.id = documents_fts.rowid "
                                  "JOIN document_texts AS t ON t.document = d.id "
                                  "WHERE documents_fts MATCH ? ORDER BY d.id",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
    }
  else if (flags & GLOSS_SEARCH_CASE_SENSITIVE)
    {
      stmt = gloss_store_prepare (self,
                                  "SELECT id, name, text "
                                  "FROM documents JOIN document_texts ON document = id "
                                  "WHERE instr (text, ?) > 0 ORDER BY id",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, prefilter, -1, SQLITE_TRANSIENT);
    }
  else if (prefilter[0] != '\0')
    {
      stmt = gloss_store_prepare (self,
                                  "SELECT id, name, text "
                                  "FROM documents JOIN document_texts ON document = id "
                                  "WHERE text LIKE ? ESCAPE '\\' ORDER BY id",
                                  error);
      if (stmt == NULL)
        return NULL;
      pattern = like_pattern (prefilter);
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = gloss_store_prepare (self, "SELECT id, name, text FROM documents "
                                  "JOIN document_texts ON document = id ORDER BY id", error);
      if (stmt == NULL)
        return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 2);
      g_autoptr(GArray) ranges = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }

      ranges = gloss_search_find (text, query, flags, limit > 0 ? limit - results->len : 0);
      found = gloss_search_make_results (sqlite3_column_int64 (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         text, ranges);
      g_ptr_array_extend_and_steal (results, g_steal_pointer (&found));

      if (limit > 0 && results->len >= limit)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&results);
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
  char *path;
  char *query;
  GlossSearchFlags flags;
  guint limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->path);
  g_free (data->query);
  g_free (data);
}

/* A connection of the search's own, so that the search never waits for the
 * window's connection nor holds it up. It cannot write. */
static GlossStore *
open_reader (const char  *path,
             GError     **error)
{
  g_autoptr(GlossStore) reader = g_object_new (GLOSS_TYPE_STORE, NULL);
  int rc;

  reader->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (reader, error, rc);
      return NULL;
    }
  sqlite3_busy_timeout (reader->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (reader->db, TRUE);

  return g_steal_pointer (&reader);
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

  reader = open_reader (data->path, &error);
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
  data->path = g_strdup (self->path);
  data->query = g_strdup (query);
  data->flags = flags;
  data->limit = limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_store_search_project_async);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_set_return_on_cancel (task, TRUE);
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
