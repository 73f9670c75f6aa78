/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "gloss-attribute-kind.h"
#include "gloss-document.h"

G_BEGIN_DECLS

/*
 * A dataset is what a format reads or writes: labels and documents with their
 * spans, by label name, independent of any project. Offsets are code points,
 * as everywhere in Gloss; a format converts at its own edge through
 * gloss-offsets.h.
 */

/* One attribute value of a span. A yes/no attribute that is set has the
 * value "true"; one that is not set is absent. */
typedef struct
{
  char *name;
  char *value;
} GlossDatasetAttributeValue;

typedef struct _GlossDatasetSpan
{
  gint64 start;
  gint64 end;
  char *label;
  char *annotator;   /* "" when the format has none */
  char *note;        /* "" when the format has none */
  GPtrArray *attributes;  /* GlossDatasetAttributeValue, by name; empty when none */
  GHashTable *attribute_index;  /* private: the attributes by name, once many */
  /* A further part of a discontinuous span: its first part (lowest start),
   * in the same document, which holds the group's note, attributes and
   * relations; NULL for an ordinary span and for a first part. */
  struct _GlossDatasetSpan *part_of;
} GlossDatasetSpan;

/* A relation joins two spans of the same document. FROM and TO point into
 * the document's spans, so sorting the spans keeps them right. */
typedef struct
{
  char *type;
  GlossDatasetSpan *from;
  GlossDatasetSpan *to;
  char *annotator;   /* "" when the format has none */
  char *note;        /* "" when the format has none */
} GlossDatasetRelation;

/* One choice of a document in one category set. */
typedef struct
{
  char *set;
  char *value;
} GlossDatasetCategory;

typedef struct
{
  char *name;
  char *text;
  GlossDocumentStatus status;
  GPtrArray *spans;       /* GlossDatasetSpan, in the order read */
  GPtrArray *relations;   /* GlossDatasetRelation, in the order read */
  GPtrArray *categories;  /* GlossDatasetCategory, in the order read */
  GHashTable *category_index;  /* private: the categories, once many */
  GHashTable *set_counts;      /* private: how many of them in each set, once many */
  guint n_set_counted;         /* private: how many of them SET_COUNTS has counted */
} GlossDatasetDocument;

typedef struct
{
  char *name;
  char *color;        /* "#rrggbb", or NULL when the format has none */
  char *hotkey;       /* "" when none */
  char *description;  /* "" when none */
} GlossDatasetLabel;

typedef struct
{
  char *name;
  char *color;        /* "#rrggbb", or NULL when the format has none */
  char *hotkey;       /* "" when none */
  char *description;  /* "" when none */
  gboolean directed;  /* FALSE for a symmetric relation (brat's equivalences) */
} GlossDatasetRelationLabel;

/* A span attribute's definition. LABELS names the span labels it applies
 * to; empty means every label. VALUES lists a choice attribute's values in
 * order; it is empty for the other kinds. */
typedef struct
{
  char *name;
  GlossAttributeKind kind;
  GPtrArray *labels;   /* char *, label names */
  GPtrArray *values;   /* char * */
  GHashTable *label_index;  /* private: LABELS and VALUES as sets, once many */
  GHashTable *value_index;
} GlossDatasetAttribute;

typedef struct
{
  char *name;
  char *hotkey;       /* "" when none */
} GlossDatasetCategoryValue;

/* A set of document categories: "Stance toward the corridor" with its
 * values "supportive", "opposed", "mixed". MULTIPLE when a document may
 * have more than one of them. */
typedef struct
{
  char *name;
  gboolean multiple;
  GPtrArray *values;   /* GlossDatasetCategoryValue, in order */
  GHashTable *value_index;  /* private: VALUES by name, once many */
} GlossDatasetCategorySet;

typedef struct
{
  GPtrArray *labels;     /* GlossDatasetLabel */
  GPtrArray *relation_labels;  /* GlossDatasetRelationLabel */
  GPtrArray *attributes;       /* GlossDatasetAttribute */
  GPtrArray *category_sets;    /* GlossDatasetCategorySet */
  GPtrArray *documents;  /* GlossDatasetDocument */
  /* name -> GlossDatasetLabel, for the lookup of each span's label: a
   * search through the list made 20,000 labels take a minute. Add labels
   * through gloss_dataset_ensure_label () to keep it whole. */
  GHashTable *names;
  /* private: the other definitions by name, once many; add them through
   * the ensure functions below. */
  GHashTable *relation_names;
  GHashTable *attribute_names;
  GHashTable *category_set_names;
} GlossDataset;

GlossDatasetLabel    *gloss_dataset_label_new            (const char           *name,
                                                          const char           *color,
                                                          const char           *hotkey,
                                                          const char           *description);
void                  gloss_dataset_label_free           (GlossDatasetLabel    *label);

GlossDataset         *gloss_dataset_new                  (void);
void                  gloss_dataset_free                 (GlossDataset         *dataset);
GlossDatasetLabel    *gloss_dataset_ensure_label         (GlossDataset         *dataset,
                                                          const char           *name);
GlossDatasetLabel    *gloss_dataset_find_label           (GlossDataset         *dataset,
                                                          const char           *name);
void                  gloss_dataset_add_label_alias      (GlossDataset         *dataset,
                                                          const char           *alias,
                                                          GlossDatasetLabel    *label);
GlossDatasetDocument *gloss_dataset_add_document         (GlossDataset         *dataset,
                                                          const char           *name,
                                                          const char           *text);

GlossDatasetDocument *gloss_dataset_document_new         (const char           *name,
                                                          const char           *text);
void                  gloss_dataset_document_free        (GlossDatasetDocument *document);
GlossDatasetSpan     *gloss_dataset_document_add_span    (GlossDatasetDocument *document,
                                                          gint64                start,
                                                          gint64                end,
                                                          const char           *label,
                                                          const char           *annotator,
                                                          const char           *note);
void                  gloss_dataset_document_sort_spans  (GlossDatasetDocument *document);
/* Removes the span at INDEX. A first part that goes leaves its group to
 * its next part, with its note, attributes and relations. */
void                  gloss_dataset_document_remove_span (GlossDatasetDocument *document,
                                                          guint                 index);

/* Relations, attributes and categories. The ensure functions add the
 * definition, at the end of its list, when a file uses one it did not
 * define; a reader that knows more (a color, the values) fills it in. */
GlossDatasetRelationLabel *gloss_dataset_ensure_relation_label (GlossDataset *dataset,
                                                                const char   *name);
GlossDatasetRelationLabel *gloss_dataset_find_relation_label   (GlossDataset *dataset,
                                                                const char   *name);
GlossDatasetAttribute     *gloss_dataset_ensure_attribute      (GlossDataset       *dataset,
                                                                const char         *name,
                                                                GlossAttributeKind  kind);
GlossDatasetAttribute     *gloss_dataset_find_attribute        (GlossDataset *dataset,
                                                                const char   *name);
void                       gloss_dataset_attribute_add_value   (GlossDatasetAttribute *attribute,
                                                                const char            *value);
const char                *gloss_dataset_attribute_find_value  (GlossDatasetAttribute *attribute,
                                                                const char            *value);
void                       gloss_dataset_attribute_add_label   (GlossDatasetAttribute *attribute,
                                                                const char            *label);
GlossDatasetCategorySet   *gloss_dataset_ensure_category_set   (GlossDataset *dataset,
                                                                const char   *name);
GlossDatasetCategorySet   *gloss_dataset_find_category_set     (GlossDataset *dataset,
                                                                const char   *name);
GlossDatasetCategoryValue *gloss_dataset_category_set_ensure_value (GlossDatasetCategorySet *set,
                                                                    const char              *value);
GlossDatasetCategoryValue *gloss_dataset_category_set_find_value   (GlossDatasetCategorySet *set,
                                                                    const char              *value);

GlossDatasetRelation *gloss_dataset_document_add_relation (GlossDatasetDocument *document,
                                                           const char           *type,
                                                           GlossDatasetSpan     *from,
                                                           GlossDatasetSpan     *to,
                                                           const char           *annotator,
                                                           const char           *note);
/* Sets NAME to VALUE on SPAN, replacing a value it had. */
void                  gloss_dataset_span_set_attribute    (GlossDatasetSpan     *span,
                                                           const char           *name,
                                                           const char           *value);
const char           *gloss_dataset_span_get_attribute    (GlossDatasetSpan     *span,
                                                           const char           *name);
GlossDatasetCategory *gloss_dataset_document_find_category (GlossDatasetDocument *document,
                                                            const char           *set,
                                                            const char           *value);
/* Adds one choice; a choice the document already has is not added twice. */
void                  gloss_dataset_document_add_category (GlossDatasetDocument *document,
                                                           const char           *set,
                                                           const char           *value);
guint                 gloss_dataset_document_count_categories (GlossDatasetDocument *document,
                                                               const char           *set);
/* A choice as a reader finds it in a format that does not define its sets:
 * VALUE joins the set's values (set and value added if new) and, with a
 * DOCUMENT, the document's choices. A set with two choices on one document
 * becomes a multiple one. */
GlossDatasetCategorySet *gloss_dataset_add_choice         (GlossDataset         *dataset,
                                                           GlossDatasetDocument *document,
                                                           const char           *set,
                                                           const char           *value);
/* Removes the relations whose span is not in the document's spans any more
 * (a reader dropped it) and returns how many went. */
guint                 gloss_dataset_document_prune_relations (GlossDatasetDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDataset, gloss_dataset_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDatasetDocument, gloss_dataset_document_free)

G_END_DECLS
