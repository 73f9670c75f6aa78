/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* For the files that extend GlossStore (gloss-store-*.c): the object's
 * fields, the transaction scope, and what the files share, grouped by the
 * file that defines it. gloss-store.c calls none of the others, and no two
 * files call each other (the order is in docs/DESIGN.md, "Core"). Nothing
 * outside src/core includes this but tests that look at the connection. */

#include <sqlite3.h>

#include "gloss-store.h"
#include "gloss-open-projects.h"
#include "gloss-store-checkpointer.h"

G_BEGIN_DECLS

typedef struct
{
  guint signal_id;
  GObject *first;
  GObject *second;
  gint64 id;
} PendingSignal;

/* Where a transaction level starts, so that rolling it back forgets what it
 * queued too. */
typedef struct
{
  guint pending_signals;
  guint journal;
} SavepointMarks;

struct _GlossStore
{
  GObject parent_instance;

  char *path;
  /* In the list of files nothing else in this process opens. */
  GlossOpenProject *open_project;
  /* The path errors name: the project's, also while a new one is built
   * under a temporary name. NULL: path. */
  char *shown_path;
  sqlite3 *db;
  gboolean read_only;   /* opened so, or the project cannot be written */
  GHashTable *statements;
  guint transaction_depth;
  GArray *pending_signals;
  GPtrArray *journal;   /* GlossChange of the open transaction */
  GHashTable *pending_keys;   /* the coalesced signals already queued */
  GArray *savepoints;         /* SavepointMarks, one per open level */
  gboolean indexing_deferred; /* see gloss_store_defer_indexing () */
  /* See gloss_store_set_bulk_writing (). */
  gboolean bulk_writing;
  struct
  {
    gint64 cache_size;
    gint64 temp_store;
    gint64 synchronous;
    gint64 wal_autocheckpoint;
  } before_bulk;
  GlossStoreCheckpointer *checkpointer;
  /* The position the next new label gets, while this connection's write
   * transaction has added the last label and changed no other; -1 when
   * unknown. See gloss_store_add_label (). */
  gint64 next_label_position;
};

typedef enum {
  SPAN_ADDED,
  SPAN_REMOVED,
  SPAN_CHANGED,
  DOCUMENT_CHANGED,
  DOCUMENTS_CHANGED,
  LABELS_CHANGED,
  RELATIONS_CHANGED,
  RELATION_LABELS_CHANGED,
  ATTRIBUTES_CHANGED,
  SPAN_ATTRIBUTES_CHANGED,
  CATEGORIES_CHANGED,
  CHANGES_COMMITTED,
  N_SIGNALS,
} GlossStoreSignal;

/* One level of transaction as a scope: rolled back when it goes out of
 * scope uncommitted, so that no way out of a function leaves one open.
 *
 *   g_autoptr(GlossStoreTransaction) tx = gloss_store_transaction_begin (self, error);
 *
 *   if (tx == NULL)
 *     return FALSE;
 *   ...
 *   return gloss_store_transaction_commit (&tx, error);
 *
 * The outermost level is the transaction, the levels inside it savepoints
 * (see gloss_store_begin ()); rolling one back forgets its journal and its
 * queued signals too. Declare it after anything that owns the store. */
typedef struct _GlossStoreTransaction GlossStoreTransaction;

GlossStoreTransaction *gloss_store_transaction_begin                (GlossStore              *self,
                                                                     GError                 **error);
GlossStoreTransaction *gloss_store_transaction_begin_behind_writers (GlossStore              *self,
                                                                     GError                 **error);
gboolean               gloss_store_transaction_commit               (GlossStoreTransaction  **transaction,
                                                                     GError                 **error);
void                   gloss_store_transaction_rollback             (GlossStoreTransaction   *transaction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossStoreTransaction, gloss_store_transaction_rollback)

#define GLOSS_STORE_LABEL_COLUMNS "id, name, color, hotkey, description, position"
#define GLOSS_STORE_SPAN_COLUMNS \
  "id, document, label, start, end, annotator, note, created, modified, part_of"
#define GLOSS_STORE_RELATION_LABEL_COLUMNS \
  "id, name, color, hotkey, description, directed, position"
#define GLOSS_STORE_RELATION_COLUMNS \
  "id, document, label, from_span, to_span, annotator, note, created, modified"
#define GLOSS_STORE_ATTRIBUTE_VALUE_COLUMNS "span, attribute, value"

/* gloss-store.c: errors, SQL, the journal and its signals */
char          *gloss_store_now              (void);
void           gloss_store_set_sqlite_error (GlossStore    *self,
                                             GError       **error,
                                             int            rc);
void           gloss_store_set_not_found    (GError       **error,
                                             const char    *what,
                                             gint64         id);
sqlite3_stmt  *gloss_store_prepare          (GlossStore    *self,
                                             const char    *sql,
                                             GError       **error);
gboolean       gloss_store_step_done        (GlossStore    *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gboolean       gloss_store_exec             (GlossStore    *self,
                                             const char    *sql,
                                             GError       **error);
gint64         gloss_store_query_int        (GlossStore    *self,
                                             const char    *sql);
void           gloss_store_queue_signal     (GlossStore    *self,
                                             GlossStoreSignal signal_id,
                                             gpointer       first,
                                             gpointer       second,
                                             gint64         id);
void           gloss_store_record_change    (GlossStore    *self,
                                             gpointer       before,
                                             gpointer       after);

/* gloss-store-schema.c */
gboolean       gloss_store_query_header     (GlossStore    *self,
                                             guint32       *application_id,
                                             gint64        *version,
                                             GError       **error);
gboolean       gloss_store_migrate          (GlossStore    *self,
                                             GError       **error);

/* gloss-store-bulk.c */
gboolean       gloss_store_insert_text      (GlossStore    *self,
                                             gint64         document_id,
                                             const char    *text,
                                             gssize         n_bytes,
                                             GError       **error);

/* gloss-store-rows.c */

/* Builds the object of the row STMT is at, a new reference, or returns
 * NULL with ERROR set (only a row that reads more rows can fail). */
typedef gpointer (*GlossStoreRowFunc) (GlossStore    *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);

gpointer       gloss_store_label_from_row   (GlossStore    *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gpointer       gloss_store_span_from_row    (GlossStore    *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gpointer       gloss_store_relation_label_from_row (GlossStore    *self,
                                                    sqlite3_stmt  *stmt,
                                                    GError       **error);
gpointer       gloss_store_relation_from_row (GlossStore    *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
gpointer       gloss_store_attribute_value_from_row (GlossStore    *self,
                                                     sqlite3_stmt  *stmt,
                                                     GError       **error);
gpointer       gloss_store_document_category_from_row (GlossStore    *self,
                                                       sqlite3_stmt  *stmt,
                                                       GError       **error);
#define GLOSS_STORE_ATTRIBUTE_COLUMNS "id, name, kind, choices, position"
gpointer       gloss_store_attribute_from_row (GlossStore    *self,
                                               sqlite3_stmt  *stmt,
                                               GError       **error);
GPtrArray     *gloss_store_collect_rows     (GlossStore         *self,
                                             sqlite3_stmt       *stmt,
                                             GlossStoreRowFunc   from_row,
                                             GError            **error);
GPtrArray     *gloss_store_query_rows       (GlossStore         *self,
                                             const char         *sql,
                                             gint64              id,
                                             GlossStoreRowFunc   from_row,
                                             GError            **error);
gpointer       gloss_store_get_row          (GlossStore         *self,
                                             const char         *sql,
                                             gint64              id,
                                             GlossStoreRowFunc   from_row,
                                             const char         *what,
                                             GError            **error);
gpointer       gloss_store_write_row        (GlossStore         *self,
                                             sqlite3_stmt       *stmt,
                                             GlossStoreRowFunc   from_row,
                                             gpointer            before,
                                             GError            **error);
gboolean       gloss_store_find_owner       (GlossStore    *self,
                                             const char    *sql,
                                             const char    *value,
                                             gint64         except_id,
                                             gint64         scope,
                                             char         **owner,
                                             GError       **error);
gboolean       gloss_store_delete_rows_where (GlossStore         *self,
                                              const char         *sql,
                                              gint64              id,
                                              GlossStoreRowFunc   from_row,
                                              GError            **error);
GlossAttribute *gloss_store_get_attribute_row (GlossStore    *self,
                                               gint64         attribute_id,
                                               GError       **error);
gboolean       gloss_store_set_attribute_labels (GlossStore   *self,
                                                 gint64        attribute_id,
                                                 const GArray *label_ids,
                                                 GError      **error);
gboolean       gloss_store_delete_attribute_row (GlossStore     *self,
                                                 GlossAttribute *attribute,
                                                 GError        **error);
gboolean       gloss_store_attributes_drop_label (GlossStore  *self,
                                                  gint64       label_id,
                                                  gint64       into_label_id,
                                                  GError     **error);
gboolean       gloss_store_move_span_dependents (GlossStore  *self,
                                                 gint64       span_id,
                                                 gint64       into_span_id,
                                                 GError     **error);
int            gloss_store_compare_ids      (gconstpointer  a,
                                             gconstpointer  b);

/* Whose spans' dependents gloss_store_delete_span_dependents () deletes. */
typedef enum {
  GLOSS_STORE_SPANS_OF_SPAN,
  GLOSS_STORE_SPANS_OF_DOCUMENT,
  GLOSS_STORE_SPANS_OF_LABEL,
} GlossStoreSpansOf;

gboolean       gloss_store_delete_span_dependents (GlossStore        *self,
                                                   GlossStoreSpansOf  spans_of,
                                                   gint64             id,
                                                   GError           **error);
gint64         gloss_store_group_of         (GlossStore        *self,
                                             gint64             span_id);
/* Deletes the spans of the group SPAN_ID (a span and its parts), or of a
 * document or label, journaled, the parts before their first. */
gboolean       gloss_store_delete_spans     (GlossStore        *self,
                                             GlossStoreSpansOf  spans_of,
                                             gint64             id,
                                             GError           **error);
gboolean       gloss_store_delete_row       (GlossStore    *self,
                                             const char    *sql,
                                             gint64         id,
                                             gpointer       row,
                                             GError       **error);

/* gloss-store-labels.c */
gboolean       gloss_store_label_exists     (GlossStore    *self,
                                             gint64         label_id,
                                             GError       **error);
gboolean       gloss_store_move_span_row    (GlossStore    *self,
                                             GlossSpan     *span,
                                             gint64         label_id,
                                             const char    *now,
                                             GlossSpan    **moved,
                                             GError       **error);

G_END_DECLS
