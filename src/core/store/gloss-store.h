/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-attribute.h"
#include "gloss-category.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-relation.h"
#include "gloss-relation-label.h"
#include "gloss-search.h"
#include "gloss-span.h"

G_BEGIN_DECLS

#define GLOSS_STORE_ERROR (gloss_store_error_quark ())

typedef enum {
  GLOSS_STORE_ERROR_NOT_A_PROJECT,
  GLOSS_STORE_ERROR_TOO_NEW,
  GLOSS_STORE_ERROR_BUSY,
  GLOSS_STORE_ERROR_NOT_FOUND,
  GLOSS_STORE_ERROR_EXISTS,
  GLOSS_STORE_ERROR_INVALID,
  GLOSS_STORE_ERROR_FAILED,
  GLOSS_STORE_ERROR_READ_ONLY,
  GLOSS_STORE_ERROR_DISK_FULL,
  GLOSS_STORE_ERROR_NEEDS_UPGRADE,
} GlossStoreError;

/* "GLOS" in the file header, so that Gloss knows its own files. */
#define GLOSS_STORE_APPLICATION_ID 0x474C4F53
#define GLOSS_STORE_SCHEMA_VERSION 5

#define GLOSS_TYPE_STORE (gloss_store_get_type ())

G_DECLARE_FINAL_TYPE (GlossStore, gloss_store, GLOSS, STORE, GObject)

/* One row's change within a transaction: a GlossSpan, GlossLabel,
 * GlossDocument (a snapshot when created or deleted), GlossRelationLabel,
 * GlossRelation, GlossAttribute, GlossAttributeValue, GlossCategorySet,
 * GlossCategory or GlossDocumentCategory as it was (NULL if it was
 * created) and as it is (NULL if it was deleted). */
typedef struct
{
  GObject *before;
  GObject *after;
} GlossChange;

void gloss_change_free (GlossChange *change);

typedef gboolean (*GlossStoreInitFunc) (GlossStore *store,
                                        gpointer    user_data,
                                        GError    **error);

GQuark         gloss_store_error_quark         (void);

GlossStore    *gloss_store_open                (const char          *path,
                                                GError             **error);
GlossStore    *gloss_store_open_read_only      (const char          *path,
                                                GError             **error);
GlossStore    *gloss_store_open_connection     (GlossStore          *self,
                                                gboolean             read_only,
                                                GError             **error);
GlossStore    *gloss_store_create              (const char          *path,
                                                GlossStoreInitFunc   init,
                                                gpointer             user_data,
                                                GError             **error);
gboolean       gloss_store_is_read_only        (GlossStore          *self);
gboolean       gloss_store_save_copy           (GlossStore          *self,
                                                const char          *path,
                                                GError             **error);
const char    *gloss_store_get_path            (GlossStore          *self);
char          *gloss_store_dup_name            (GlossStore          *self);
char          *gloss_store_describe_holders    (GlossStore          *self);
void           gloss_store_notify_changed_elsewhere (GlossStore     *self);

gboolean       gloss_store_begin               (GlossStore          *self,
                                                GError             **error);
gboolean       gloss_store_commit              (GlossStore          *self,
                                                GError             **error);
void           gloss_store_rollback            (GlossStore          *self);
gboolean       gloss_store_in_transaction      (GlossStore          *self);
gboolean       gloss_store_begin_read          (GlossStore          *self,
                                                gboolean            *started,
                                                GError             **error);
void           gloss_store_end_read            (GlossStore          *self);
gboolean       gloss_store_set_bulk_writing    (GlossStore          *self,
                                                gboolean             bulk,
                                                GError             **error);
gboolean       gloss_store_defer_indexing      (GlossStore          *self,
                                                GError             **error);
guint          gloss_store_count_texts_to_index (GlossStore         *self);
gboolean       gloss_store_index_texts         (GlossStore          *self,
                                                guint                max_texts,
                                                gboolean            *more,
                                                GError             **error);

char          *gloss_store_dup_meta            (GlossStore          *self,
                                                const char          *key);
gboolean       gloss_store_set_meta            (GlossStore          *self,
                                                const char          *key,
                                                const char          *value,
                                                GError             **error);

gint64         gloss_store_add_document        (GlossStore          *self,
                                                const char          *name,
                                                const char          *text,
                                                const char          *source,
                                                GError             **error);
guint          gloss_store_count_documents     (GlossStore          *self);
guint          gloss_store_count_documents_with_status (GlossStore  *self,
                                                GlossDocumentStatus  status);
GArray        *gloss_store_list_document_ids   (GlossStore          *self,
                                                GError             **error);
GlossDocument *gloss_store_get_document        (GlossStore          *self,
                                                gint64               document_id,
                                                GError             **error);
char          *gloss_store_load_text           (GlossStore          *self,
                                                gint64               document_id,
                                                GError             **error);
gboolean       gloss_store_set_document_status (GlossStore          *self,
                                                gint64               document_id,
                                                GlossDocumentStatus  status,
                                                GError             **error);
gboolean       gloss_store_rename_document     (GlossStore          *self,
                                                gint64               document_id,
                                                const char          *name,
                                                GError             **error);
gboolean       gloss_store_delete_document     (GlossStore          *self,
                                                gint64               document_id,
                                                GError             **error);
gboolean       gloss_store_put_document        (GlossStore          *self,
                                                GlossDocument       *document,
                                                GError             **error);
GArray        *gloss_store_list_document_ids_matching (GlossStore   *self,
                                                const char          *name_part,
                                                guint                statuses,
                                                GError             **error);

gint64         gloss_store_find_document       (GlossStore          *self,
                                                const char          *name,
                                                const char          *text,
                                                GError             **error);

typedef struct
{
  GlossLabel *label;
  guint spans;
  guint documents;
} GlossLabelStats;

typedef struct
{
  GlossRelationLabel *label;
  guint relations;
  guint documents;
} GlossRelationLabelStats;

typedef struct
{
  char *value;
  guint spans;
} GlossAttributeValueStats;

typedef struct
{
  GlossAttribute *attribute;
  guint spans;         /* with a value of it */
  /* GlossAttributeValueStats: a choice attribute's values in order (none
   * left out), then any other value spans have; a flag's "true"; none for
   * a text attribute, whose values are each their own. */
  GPtrArray *values;
} GlossAttributeStats;

typedef struct
{
  GlossCategory *category;
  guint documents;
} GlossCategoryStats;

typedef struct
{
  GlossCategorySet *set;
  guint documents;     /* with any category of the set */
  GPtrArray *categories;   /* GlossCategoryStats, in order */
} GlossCategorySetStats;

typedef struct
{
  guint documents[GLOSS_DOCUMENT_STATUS_DONE + 1];   /* by status */
  guint n_documents;
  guint n_spans;
  GPtrArray *labels;   /* GlossLabelStats, in label order */
  guint n_relations;
  GPtrArray *relation_labels;   /* GlossRelationLabelStats, in list order */
  guint n_attribute_values;
  GPtrArray *attributes;        /* GlossAttributeStats, in list order */
  GPtrArray *category_sets;     /* GlossCategorySetStats, in list order */
} GlossStoreStats;

GlossStoreStats *gloss_store_get_stats         (GlossStore          *self,
                                                GError             **error);
void           gloss_store_stats_free          (GlossStoreStats     *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossStoreStats, gloss_store_stats_free)

GlossLabel    *gloss_store_add_label           (GlossStore          *self,
                                                const char          *name,
                                                const char          *color,
                                                const char          *hotkey,
                                                const char          *description,
                                                GError             **error);
GPtrArray     *gloss_store_list_labels         (GlossStore          *self,
                                                GError             **error);
GlossLabel    *gloss_store_get_label           (GlossStore          *self,
                                                gint64               label_id,
                                                GError             **error);
gboolean       gloss_store_put_label           (GlossStore          *self,
                                                GlossLabel          *label,
                                                GError             **error);
gboolean       gloss_store_delete_label        (GlossStore          *self,
                                                gint64               label_id,
                                                GError             **error);

/* What a key (a letter or digit typed in the text) is for: the kinds
 * share one set of keys (gloss_store_check_key_free ()). */
typedef enum
{
  GLOSS_STORE_KEY_LABEL,
  GLOSS_STORE_KEY_RELATION_LABEL,
  GLOSS_STORE_KEY_CATEGORY,
} GlossStoreKey;

gboolean       gloss_store_check_key_free      (GlossStore          *self,
                                                const char          *hotkey,
                                                GlossStoreKey        kind,
                                                gint64               except_id,
                                                GError             **error);

/* Editing the label set, each call one undoable step. */
GlossLabel    *gloss_store_update_label        (GlossStore          *self,
                                                gint64               label_id,
                                                const char          *name,
                                                const char          *color,
                                                const char          *hotkey,
                                                const char          *description,
                                                GError             **error);
guint          gloss_store_count_label_spans   (GlossStore          *self,
                                                gint64               label_id);
guint          gloss_store_count_label_documents (GlossStore        *self,
                                                  gint64             label_id);
guint          gloss_store_count_label_relations (GlossStore        *self,
                                                  gint64             label_id);
gboolean       gloss_store_merge_labels        (GlossStore          *self,
                                                gint64               from_label_id,
                                                gint64               into_label_id,
                                                GError             **error);
gboolean       gloss_store_move_label          (GlossStore          *self,
                                                gint64               label_id,
                                                guint                new_position,
                                                GError             **error);

GlossSpan     *gloss_store_add_span            (GlossStore          *self,
                                                gint64               document_id,
                                                gint64               label_id,
                                                gint64               start,
                                                gint64               end,
                                                const char          *annotator,
                                                const char          *note,
                                                GError             **error);
/* A discontinuous span: its first part is an ordinary span, each further
 * part is added with gloss_store_add_span_part (). */
GlossSpan     *gloss_store_add_span_part       (GlossStore          *self,
                                                gint64               first_id,
                                                gint64               start,
                                                gint64               end,
                                                GError             **error);
gboolean       gloss_store_has_span_parts      (GlossStore          *self);
GPtrArray     *gloss_store_list_span_parts     (GlossStore          *self,
                                                gint64               span_id,
                                                GError             **error);
GlossSpan     *gloss_store_get_span            (GlossStore          *self,
                                                gint64               span_id,
                                                GError             **error);
gboolean       gloss_store_delete_span         (GlossStore          *self,
                                                gint64               span_id,
                                                GError             **error);
gboolean       gloss_store_delete_span_row     (GlossStore          *self,
                                                gint64               span_id,
                                                GError             **error);
GlossSpan     *gloss_store_relabel_span        (GlossStore          *self,
                                                gint64               span_id,
                                                gint64               label_id,
                                                GError             **error);
gboolean       gloss_store_put_span            (GlossStore          *self,
                                                GlossSpan           *span,
                                                GError             **error);
GlossSpan     *gloss_store_set_span_note       (GlossStore          *self,
                                                gint64               span_id,
                                                const char          *note,
                                                GError             **error);
GPtrArray     *gloss_store_list_spans_page     (GlossStore          *self,
                                                gint64               document_id,
                                                gint64               after_start,
                                                gint64               after_end,
                                                gint64               after_id,
                                                guint                limit,
                                                GError             **error);
GPtrArray     *gloss_store_list_spans          (GlossStore          *self,
                                                gint64               document_id,
                                                GError             **error);

/* gloss-store-relations.c: relations between two spans of a document.
 * Deleting a span, a document, a span label or a relation label deletes
 * its relations in the same undoable step. */
GlossRelationLabel *gloss_store_add_relation_label    (GlossStore          *self,
                                                       const char          *name,
                                                       const char          *color,
                                                       const char          *hotkey,
                                                       const char          *description,
                                                       gboolean             directed,
                                                       GError             **error);
GPtrArray     *gloss_store_list_relation_labels  (GlossStore          *self,
                                                  GError             **error);
GlossRelationLabel *gloss_store_get_relation_label    (GlossStore          *self,
                                                       gint64               label_id,
                                                       GError             **error);
GlossRelationLabel *gloss_store_update_relation_label (GlossStore          *self,
                                                       gint64               label_id,
                                                       const char          *name,
                                                       const char          *color,
                                                       const char          *hotkey,
                                                       const char          *description,
                                                       gboolean             directed,
                                                       GError             **error);
gboolean       gloss_store_delete_relation_label (GlossStore          *self,
                                                  gint64               label_id,
                                                  GError             **error);
gboolean       gloss_store_put_relation_label    (GlossStore          *self,
                                                  GlossRelationLabel  *label,
                                                  GError             **error);
guint          gloss_store_count_relation_label_relations (GlossStore *self,
                                                           gint64      label_id);

GlossRelation *gloss_store_add_relation          (GlossStore          *self,
                                                  gint64               document_id,
                                                  gint64               label_id,
                                                  gint64               from_span_id,
                                                  gint64               to_span_id,
                                                  const char          *annotator,
                                                  const char          *note,
                                                  GError             **error);
GlossRelation *gloss_store_get_relation          (GlossStore          *self,
                                                  gint64               relation_id,
                                                  GError             **error);
GPtrArray     *gloss_store_list_relations        (GlossStore          *self,
                                                  gint64               document_id,
                                                  GError             **error);
GHashTable    *gloss_store_list_relation_span_starts (GlossStore      *self,
                                                      gint64           document_id,
                                                      GError         **error);
GPtrArray     *gloss_store_list_span_relations   (GlossStore          *self,
                                                  gint64               span_id,
                                                  GError             **error);
GlossRelation *gloss_store_relabel_relation      (GlossStore          *self,
                                                  gint64               relation_id,
                                                  gint64               label_id,
                                                  GError             **error);
GlossRelation *gloss_store_set_relation_note     (GlossStore          *self,
                                                  gint64               relation_id,
                                                  const char          *note,
                                                  GError             **error);
gboolean       gloss_store_delete_relation       (GlossStore          *self,
                                                  gint64               relation_id,
                                                  GError             **error);
gboolean       gloss_store_put_relation          (GlossStore          *self,
                                                  GlossRelation       *relation,
                                                  GError             **error);

/* gloss-store-attributes.c: span attributes and their values. Deleting a
 * span, a document, a span label or an attribute deletes its values in
 * the same undoable step. */
GlossAttribute *gloss_store_add_attribute        (GlossStore          *self,
                                                  const char          *name,
                                                  GlossAttributeKind   kind,
                                                  const char * const  *values,
                                                  GArray              *label_ids,
                                                  GError             **error);
GPtrArray      *gloss_store_list_attributes      (GlossStore          *self,
                                                  GError             **error);
GPtrArray      *gloss_store_list_attributes_for_label (GlossStore     *self,
                                                       gint64          label_id,
                                                       GError        **error);
GlossAttribute *gloss_store_get_attribute        (GlossStore          *self,
                                                  gint64               attribute_id,
                                                  GError             **error);
GlossAttribute *gloss_store_update_attribute     (GlossStore          *self,
                                                  gint64               attribute_id,
                                                  const char          *name,
                                                  GlossAttributeKind   kind,
                                                  const char * const  *values,
                                                  GArray              *label_ids,
                                                  GError             **error);
gboolean        gloss_store_delete_attribute     (GlossStore          *self,
                                                  gint64               attribute_id,
                                                  GError             **error);
guint           gloss_store_count_attribute_values (GlossStore        *self,
                                                    gint64             attribute_id);
gboolean        gloss_store_put_attribute        (GlossStore          *self,
                                                  GlossAttribute      *attribute,
                                                  GError             **error);
gboolean        gloss_store_set_span_attribute   (GlossStore          *self,
                                                  gint64               span_id,
                                                  gint64               attribute_id,
                                                  const char          *value,
                                                  GError             **error);
GPtrArray      *gloss_store_list_span_attributes (GlossStore          *self,
                                                  gint64               span_id,
                                                  GError             **error);
GPtrArray      *gloss_store_list_document_attribute_values (GlossStore *self,
                                                            gint64      document_id,
                                                            GError    **error);
gboolean        gloss_store_put_attribute_value  (GlossStore          *self,
                                                  GlossAttributeValue *value,
                                                  GError             **error);
gboolean        gloss_store_delete_attribute_value (GlossStore        *self,
                                                    gint64             span_id,
                                                    gint64             attribute_id,
                                                    GError           **error);

/* gloss-store-categories.c: document categories in sets, and each
 * document's choices. */
GlossCategorySet *gloss_store_add_category_set    (GlossStore         *self,
                                                   const char         *name,
                                                   gboolean            multiple,
                                                   GError            **error);
GPtrArray        *gloss_store_list_category_sets  (GlossStore         *self,
                                                   GError            **error);
GlossCategorySet *gloss_store_get_category_set    (GlossStore         *self,
                                                   gint64              set_id,
                                                   GError            **error);
GlossCategorySet *gloss_store_update_category_set (GlossStore         *self,
                                                   gint64              set_id,
                                                   const char         *name,
                                                   gboolean            multiple,
                                                   GError            **error);
gboolean          gloss_store_delete_category_set (GlossStore         *self,
                                                   gint64              set_id,
                                                   GError            **error);
guint             gloss_store_count_category_set_documents (GlossStore *self,
                                                            gint64      set_id);
gboolean          gloss_store_put_category_set    (GlossStore         *self,
                                                   GlossCategorySet   *set,
                                                   GError            **error);
GlossCategory    *gloss_store_add_category        (GlossStore         *self,
                                                   gint64              set_id,
                                                   const char         *name,
                                                   const char         *hotkey,
                                                   GError            **error);
GPtrArray        *gloss_store_list_categories     (GlossStore         *self,
                                                   gint64              set_id,
                                                   GError            **error);
GlossCategory    *gloss_store_get_category        (GlossStore         *self,
                                                   gint64              category_id,
                                                   GError            **error);
GlossCategory    *gloss_store_update_category     (GlossStore         *self,
                                                   gint64              category_id,
                                                   const char         *name,
                                                   const char         *hotkey,
                                                   GError            **error);
gboolean          gloss_store_delete_category     (GlossStore         *self,
                                                   gint64              category_id,
                                                   GError            **error);
gboolean          gloss_store_put_category        (GlossStore         *self,
                                                   GlossCategory      *category,
                                                   GError            **error);
gboolean          gloss_store_set_document_category (GlossStore       *self,
                                                     gint64            document_id,
                                                     gint64            category_id,
                                                     gboolean          chosen,
                                                     GError          **error);
GPtrArray        *gloss_store_list_document_categories (GlossStore    *self,
                                                        gint64         document_id,
                                                        GError       **error);
GArray           *gloss_store_list_document_ids_in_category (GlossStore *self,
                                                             gint64      category_id,
                                                             GError    **error);
gboolean          gloss_store_put_document_category (GlossStore            *self,
                                                     GlossDocumentCategory *choice,
                                                     GError               **error);
gboolean          gloss_store_delete_document_category (GlossStore  *self,
                                                        gint64       document_id,
                                                        gint64       category_id,
                                                        GError     **error);

/* gloss-store-search.c */
GPtrArray     *gloss_store_add_spans_for_matches (GlossStore          *self,
                                                  gint64               document_id,
                                                  gint64               label_id,
                                                  GArray              *ranges,
                                                  const char          *annotator,
                                                  guint               *n_skipped,
                                                  GError             **error);
GPtrArray     *gloss_store_search_project        (GlossStore          *self,
                                                  const char          *query,
                                                  GlossSearchFlags     flags,
                                                  guint                limit,
                                                  GError             **error);
void           gloss_store_search_project_async  (GlossStore          *self,
                                                  const char          *query,
                                                  GlossSearchFlags     flags,
                                                  guint                limit,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray     *gloss_store_search_project_finish (GlossStore          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
