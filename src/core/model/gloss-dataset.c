/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The in-memory shape of a labeled dataset, shared by every format. */

#define G_LOG_DOMAIN "gloss-dataset"

#include "config.h"

#include "gloss-dataset.h"

/* The lists a reader adds to by name (the relation labels, attributes and
 * category sets, a span's attributes, a document's categories, a
 * definition's values) are searched; past a few entries a hash table
 * beside the list takes over, so that a file with thousands of them still
 * reads in linear time. The lists only grow at their end and hold no
 * duplicates, so the table holds the first g_hash_table_size () entries of
 * its list. */
#define INDEX_THRESHOLD 8

static gpointer
index_lookup (GPtrArray     *items,
              GHashTable   **index,
              GHashFunc      hash,
              GEqualFunc     equal,
              gconstpointer  probe)
{
  if (*index == NULL)
    {
      if (items->len < INDEX_THRESHOLD)
        {
          for (guint i = 0; i < items->len; i++)
            if (equal (g_ptr_array_index (items, i), probe))
              return g_ptr_array_index (items, i);
          return NULL;
        }

      *index = g_hash_table_new (hash, equal);
    }

  /* A reader may have appended to the list itself: index what is new. */
  for (guint i = g_hash_table_size (*index); i < items->len; i++)
    g_hash_table_add (*index, g_ptr_array_index (items, i));

  return g_hash_table_lookup (*index, probe);
}

static void
index_add (GPtrArray  *items,
           GHashTable *index,
           gpointer    item)
{
  g_ptr_array_add (items, item);
  if (index != NULL)
    g_hash_table_add (index, item);
}

/* Structs whose first member is their name. */
static guint
name_hash (gconstpointer item)
{
  return g_str_hash (*(const char * const *) item);
}

static gboolean
name_equal (gconstpointer a,
            gconstpointer b)
{
  return g_str_equal (*(const char * const *) a, *(const char * const *) b);
}

/* The item named NAME in ITEMS, structs whose first member is their name. */
static gpointer
named_find (GPtrArray   *items,
            GHashTable **index,
            const char  *name)
{
  return index_lookup (items, index, name_hash, name_equal, &name);
}

/* The item named NAME in ITEMS; when there is none, a new one of SIZE bytes
 * with only its name set, added at the end, and *ADDED (when not NULL)
 * says so to let the caller fill in the rest. */
static gpointer
named_ensure (GPtrArray   *items,
              GHashTable **index,
              const char  *name,
              gsize        size,
              gboolean    *added)
{
  char **item = named_find (items, index, name);

  if (added != NULL)
    *added = item == NULL;
  if (item != NULL)
    return item;

  item = g_malloc0 (size);
  *item = g_strdup (name);
  index_add (items, *index, item);

  return item;
}

/* STRING added to STRINGS, a list of strings, unless it is there. */
static void
strings_add (GPtrArray   *strings,
             GHashTable **index,
             const char  *string)
{
  if (index_lookup (strings, index, g_str_hash, g_str_equal, string) == NULL)
    index_add (strings, *index, g_strdup (string));
}

static guint
category_hash (gconstpointer item)
{
  const GlossDatasetCategory *category = item;

  return g_str_hash (category->set) * 31 + g_str_hash (category->value);
}

static gboolean
category_equal (gconstpointer a,
                gconstpointer b)
{
  const GlossDatasetCategory *category_a = a;
  const GlossDatasetCategory *category_b = b;

  return g_str_equal (category_a->set, category_b->set)
         && g_str_equal (category_a->value, category_b->value);
}

static void
attribute_value_free (gpointer data)
{
  GlossDatasetAttributeValue *value = data;

  g_free (value->name);
  g_free (value->value);
  g_free (value);
}

static void
dataset_span_free (gpointer data)
{
  GlossDatasetSpan *span = data;

  g_free (span->label);
  g_free (span->annotator);
  g_free (span->note);
  g_ptr_array_unref (span->attributes);
  g_clear_pointer (&span->attribute_index, g_hash_table_unref);
  g_free (span);
}

static void
relation_free (gpointer data)
{
  GlossDatasetRelation *relation = data;

  g_free (relation->type);
  g_free (relation->annotator);
  g_free (relation->note);
  g_free (relation);
}

static void
category_free (gpointer data)
{
  GlossDatasetCategory *category = data;

  g_free (category->set);
  g_free (category->value);
  g_free (category);
}

static void
relation_label_free (gpointer data)
{
  GlossDatasetRelationLabel *label = data;

  g_free (label->name);
  g_free (label->color);
  g_free (label->hotkey);
  g_free (label->description);
  g_free (label);
}

static void
attribute_free (gpointer data)
{
  GlossDatasetAttribute *attribute = data;

  g_free (attribute->name);
  g_ptr_array_unref (attribute->labels);
  g_ptr_array_unref (attribute->values);
  g_clear_pointer (&attribute->label_index, g_hash_table_unref);
  g_clear_pointer (&attribute->value_index, g_hash_table_unref);
  g_free (attribute);
}

static void
category_value_free (gpointer data)
{
  GlossDatasetCategoryValue *value = data;

  g_free (value->name);
  g_free (value->hotkey);
  g_free (value);
}

static void
category_set_free (gpointer data)
{
  GlossDatasetCategorySet *set = data;

  g_free (set->name);
  g_ptr_array_unref (set->values);
  g_clear_pointer (&set->value_index, g_hash_table_unref);
  g_free (set);
}

GlossDatasetLabel *
gloss_dataset_label_new (const char *name,
                         const char *color,
                         const char *hotkey,
                         const char *description)
{
  GlossDatasetLabel *label = g_new0 (GlossDatasetLabel, 1);

  label->name = g_strdup (name);
  label->color = g_strdup (color);
  label->hotkey = g_strdup (hotkey ? hotkey : "");
  label->description = g_strdup (description ? description : "");

  return label;
}

void
gloss_dataset_label_free (GlossDatasetLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->name);
  g_free (label->color);
  g_free (label->hotkey);
  g_free (label->description);
  g_free (label);
}

GlossDataset *
gloss_dataset_new (void)
{
  GlossDataset *dataset = g_new0 (GlossDataset, 1);

  dataset->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_label_free);
  dataset->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_document_free);
  dataset->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dataset->relation_labels = g_ptr_array_new_with_free_func (relation_label_free);
  dataset->attributes = g_ptr_array_new_with_free_func (attribute_free);
  dataset->category_sets = g_ptr_array_new_with_free_func (category_set_free);

  return dataset;
}

void
gloss_dataset_free (GlossDataset *dataset)
{
  if (dataset == NULL)
    return;

  g_hash_table_unref (dataset->names);
  g_clear_pointer (&dataset->relation_names, g_hash_table_unref);
  g_clear_pointer (&dataset->attribute_names, g_hash_table_unref);
  g_clear_pointer (&dataset->category_set_names, g_hash_table_unref);
  g_ptr_array_unref (dataset->labels);
  g_ptr_array_unref (dataset->documents);
  g_ptr_array_unref (dataset->relation_labels);
  g_ptr_array_unref (dataset->attributes);
  g_ptr_array_unref (dataset->category_sets);
  g_free (dataset);
}

GlossDatasetLabel *
gloss_dataset_find_label (GlossDataset *dataset,
                          const char   *name)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (dataset->names, name);
}

/* Makes gloss_dataset_find_label () find LABEL by ALIAS too: the name as a
 * file spelled it, when a reader changed it (white space around it). */
void
gloss_dataset_add_label_alias (GlossDataset      *dataset,
                               const char        *alias,
                               GlossDatasetLabel *label)
{
  g_return_if_fail (dataset != NULL);
  g_return_if_fail (alias != NULL);

  g_hash_table_insert (dataset->names, g_strdup (alias), label);
}

/* The label named NAME, added at the end of the label set if it is new. */
GlossDatasetLabel *
gloss_dataset_ensure_label (GlossDataset *dataset,
                            const char   *name)
{
  GlossDatasetLabel *label;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  label = gloss_dataset_find_label (dataset, name);
  if (label != NULL)
    return label;

  label = gloss_dataset_label_new (name, NULL, NULL, NULL);
  g_ptr_array_add (dataset->labels, label);
  g_hash_table_insert (dataset->names, g_strdup (name), label);

  return label;
}

GlossDatasetDocument *
gloss_dataset_document_new (const char *name,
                            const char *text)
{
  GlossDatasetDocument *document = g_new0 (GlossDatasetDocument, 1);

  document->name = g_strdup (name);
  document->text = g_strdup (text);
  document->status = GLOSS_DOCUMENT_STATUS_NEW;
  document->spans = g_ptr_array_new_with_free_func (dataset_span_free);
  document->relations = g_ptr_array_new_with_free_func (relation_free);
  document->categories = g_ptr_array_new_with_free_func (category_free);

  return document;
}

void
gloss_dataset_document_free (GlossDatasetDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->name);
  g_free (document->text);
  g_ptr_array_unref (document->relations);
  g_ptr_array_unref (document->categories);
  g_clear_pointer (&document->category_index, g_hash_table_unref);
  g_clear_pointer (&document->set_counts, g_hash_table_unref);
  g_ptr_array_unref (document->spans);
  g_free (document);
}

GlossDatasetDocument *
gloss_dataset_add_document (GlossDataset *dataset,
                            const char   *name,
                            const char   *text)
{
  GlossDatasetDocument *document;

  g_return_val_if_fail (dataset != NULL, NULL);

  document = gloss_dataset_document_new (name, text);
  g_ptr_array_add (dataset->documents, document);

  return document;
}

GlossDatasetSpan *
gloss_dataset_document_add_span (GlossDatasetDocument *document,
                                 gint64                start,
                                 gint64                end,
                                 const char           *label,
                                 const char           *annotator,
                                 const char           *note)
{
  GlossDatasetSpan *span;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  span = g_new0 (GlossDatasetSpan, 1);
  span->start = start;
  span->end = end;
  span->label = g_strdup (label);
  span->annotator = g_strdup (annotator ? annotator : "");
  span->note = g_strdup (note ? note : "");
  span->attributes = g_ptr_array_new_with_free_func (attribute_value_free);
  g_ptr_array_add (document->spans, span);

  return span;
}

void
gloss_dataset_document_remove_span (GlossDatasetDocument *document,
                                    guint                 index)
{
  GlossDatasetSpan *span;
  GlossDatasetSpan *heir = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (index < document->spans->len);

  span = g_ptr_array_index (document->spans, index);
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *part = g_ptr_array_index (document->spans, i);

      if (part->part_of != span)
        continue;
      if (heir == NULL || part->start < heir->start)
        heir = part;
    }

  if (heir != NULL)
    {
      for (guint i = 0; i < document->spans->len; i++)
        {
          GlossDatasetSpan *part = g_ptr_array_index (document->spans, i);

          if (part->part_of == span)
            part->part_of = part == heir ? NULL : heir;
        }
      for (guint i = 0; i < document->relations->len; i++)
        {
          GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);

          if (relation->from == span)
            relation->from = heir;
          if (relation->to == span)
            relation->to = heir;
        }
      /* What hangs on the group goes to its new first part. */
      {
        char *note = heir->note;
        GPtrArray *attributes = heir->attributes;
        GHashTable *attribute_index = heir->attribute_index;

        heir->note = span->note;
        heir->attributes = span->attributes;
        heir->attribute_index = span->attribute_index;
        span->note = note;
        span->attributes = attributes;
        span->attribute_index = attribute_index;
      }
    }

  g_ptr_array_remove_index (document->spans, index);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossDatasetSpan *span_a = *(GlossDatasetSpan **) a;
  const GlossDatasetSpan *span_b = *(GlossDatasetSpan **) b;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  if (span_a->end != span_b->end)
    return span_a->end > span_b->end ? -1 : 1;
  return g_strcmp0 (span_a->label, span_b->label);
}

/* Reading order: by start, the enclosing span first, then by label. */
void
gloss_dataset_document_sort_spans (GlossDatasetDocument *document)
{
  g_return_if_fail (document != NULL);

  g_ptr_array_sort (document->spans, compare_spans);
}

GlossDatasetRelationLabel *
gloss_dataset_find_relation_label (GlossDataset *dataset,
                                   const char   *name)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return named_find (dataset->relation_labels, &dataset->relation_names, name);
}

GlossDatasetRelationLabel *
gloss_dataset_ensure_relation_label (GlossDataset *dataset,
                                     const char   *name)
{
  GlossDatasetRelationLabel *label;
  gboolean added;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  label = named_ensure (dataset->relation_labels, &dataset->relation_names, name, sizeof *label,
                        &added);
  if (added)
    {
      label->hotkey = g_strdup ("");
      label->description = g_strdup ("");
      label->directed = TRUE;
    }

  return label;
}

GlossDatasetAttribute *
gloss_dataset_find_attribute (GlossDataset *dataset,
                              const char   *name)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return named_find (dataset->attributes, &dataset->attribute_names, name);
}

/* An attribute already defined keeps its kind: the first definition a file
 * gives wins, and a reader that finds a value of another kind counts it. */
GlossDatasetAttribute *
gloss_dataset_ensure_attribute (GlossDataset       *dataset,
                                const char         *name,
                                GlossAttributeKind  kind)
{
  GlossDatasetAttribute *attribute;
  gboolean added;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  attribute = named_ensure (dataset->attributes, &dataset->attribute_names, name,
                            sizeof *attribute, &added);
  if (added)
    {
      attribute->kind = kind;
      attribute->labels = g_ptr_array_new_with_free_func (g_free);
      attribute->values = g_ptr_array_new_with_free_func (g_free);
    }

  return attribute;
}

void
gloss_dataset_attribute_add_value (GlossDatasetAttribute *attribute,
                                   const char            *value)
{
  g_return_if_fail (attribute != NULL);
  g_return_if_fail (value != NULL);

  strings_add (attribute->values, &attribute->value_index, value);
}

/* VALUE as one of ATTRIBUTE's values, or NULL when it is none of them. */
const char *
gloss_dataset_attribute_find_value (GlossDatasetAttribute *attribute,
                                    const char            *value)
{
  g_return_val_if_fail (attribute != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  return index_lookup (attribute->values, &attribute->value_index, g_str_hash, g_str_equal, value);
}

void
gloss_dataset_attribute_add_label (GlossDatasetAttribute *attribute,
                                   const char            *label)
{
  g_return_if_fail (attribute != NULL);
  g_return_if_fail (label != NULL);

  strings_add (attribute->labels, &attribute->label_index, label);
}

GlossDatasetCategorySet *
gloss_dataset_find_category_set (GlossDataset *dataset,
                                 const char   *name)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return named_find (dataset->category_sets, &dataset->category_set_names, name);
}

GlossDatasetCategorySet *
gloss_dataset_ensure_category_set (GlossDataset *dataset,
                                   const char   *name)
{
  GlossDatasetCategorySet *set;
  gboolean added;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  set = named_ensure (dataset->category_sets, &dataset->category_set_names, name, sizeof *set,
                      &added);
  if (added)
    set->values = g_ptr_array_new_with_free_func (category_value_free);

  return set;
}

GlossDatasetCategoryValue *
gloss_dataset_category_set_find_value (GlossDatasetCategorySet *set,
                                       const char              *value)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  return named_find (set->values, &set->value_index, value);
}

GlossDatasetCategoryValue *
gloss_dataset_category_set_ensure_value (GlossDatasetCategorySet *set,
                                         const char              *value)
{
  GlossDatasetCategoryValue *category_value;
  gboolean added;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  category_value = named_ensure (set->values, &set->value_index, value, sizeof *category_value,
                                 &added);
  if (added)
    category_value->hotkey = g_strdup ("");

  return category_value;
}

GlossDatasetRelation *
gloss_dataset_document_add_relation (GlossDatasetDocument *document,
                                     const char           *type,
                                     GlossDatasetSpan     *from,
                                     GlossDatasetSpan     *to,
                                     const char           *annotator,
                                     const char           *note)
{
  GlossDatasetRelation *relation;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  relation = g_new0 (GlossDatasetRelation, 1);
  relation->type = g_strdup (type);
  relation->from = from;
  relation->to = to;
  relation->annotator = g_strdup (annotator ? annotator : "");
  relation->note = g_strdup (note ? note : "");
  g_ptr_array_add (document->relations, relation);

  return relation;
}

void
gloss_dataset_span_set_attribute (GlossDatasetSpan *span,
                                  const char       *name,
                                  const char       *value)
{
  GlossDatasetAttributeValue *attribute_value;

  g_return_if_fail (span != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  attribute_value = named_ensure (span->attributes, &span->attribute_index, name,
                                  sizeof *attribute_value, NULL);
  g_free (attribute_value->value);
  attribute_value->value = g_strdup (value);
}

const char *
gloss_dataset_span_get_attribute (GlossDatasetSpan *span,
                                  const char       *name)
{
  GlossDatasetAttributeValue *attribute_value;

  g_return_val_if_fail (span != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  attribute_value = named_find (span->attributes, &span->attribute_index, name);

  return attribute_value != NULL ? attribute_value->value : NULL;
}

GlossDatasetCategory *
gloss_dataset_document_find_category (GlossDatasetDocument *document,
                                      const char           *set,
                                      const char           *value)
{
  GlossDatasetCategory probe;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  probe.set = (char *) set;
  probe.value = (char *) value;

  return index_lookup (document->categories, &document->category_index, category_hash,
                       category_equal, &probe);
}

void
gloss_dataset_document_add_category (GlossDatasetDocument *document,
                                     const char           *set,
                                     const char           *value)
{
  GlossDatasetCategory *category;

  g_return_if_fail (document != NULL);
  g_return_if_fail (set != NULL);
  g_return_if_fail (value != NULL);

  if (gloss_dataset_document_find_category (document, set, value) != NULL)
    return;

  category = g_new0 (GlossDatasetCategory, 1);
  category->set = g_strdup (set);
  category->value = g_strdup (value);
  index_add (document->categories, document->category_index, category);
}

/* How many choices DOCUMENT has in the set SET, each counted once: a
 * reader asks after each choice it adds, and a count through the whole
 * list made a document with thousands of them quadratic. */
guint
gloss_dataset_document_count_categories (GlossDatasetDocument *document,
                                         const char           *set)
{
  g_return_val_if_fail (document != NULL, 0);
  g_return_val_if_fail (set != NULL, 0);

  if (document->set_counts == NULL)
    {
      if (document->categories->len < INDEX_THRESHOLD)
        {
          guint count = 0;

          for (guint i = 0; i < document->categories->len; i++)
            {
              GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);

              if (g_str_equal (category->set, set))
                count++;
            }
          return count;
        }

      document->set_counts = g_hash_table_new (g_str_hash, g_str_equal);
    }

  /* The choices added since the last count, however they were. The keys
   * are the choices' own names, which live as long as the document. */
  for (; document->n_set_counted < document->categories->len; document->n_set_counted++)
    {
      GlossDatasetCategory *category = g_ptr_array_index (document->categories,
                                                          document->n_set_counted);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (document->set_counts, category->set));

      g_hash_table_insert (document->set_counts, category->set, GUINT_TO_POINTER (count + 1));
    }

  return GPOINTER_TO_UINT (g_hash_table_lookup (document->set_counts, set));
}

GlossDatasetCategorySet *
gloss_dataset_add_choice (GlossDataset         *dataset,
                          GlossDatasetDocument *document,
                          const char           *set_name,
                          const char           *value)
{
  GlossDatasetCategorySet *set;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (set_name != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  set = gloss_dataset_ensure_category_set (dataset, set_name);
  gloss_dataset_category_set_ensure_value (set, value);
  if (document == NULL)
    return set;

  gloss_dataset_document_add_category (document, set_name, value);
  if (gloss_dataset_document_count_categories (document, set_name) > 1)
    set->multiple = TRUE;

  return set;
}

guint
gloss_dataset_document_prune_relations (GlossDatasetDocument *document)
{
  g_autoptr(GHashTable) spans = NULL;
  guint removed = 0;

  g_return_val_if_fail (document != NULL, 0);

  if (document->relations->len == 0)
    return 0;

  spans = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < document->spans->len; i++)
    g_hash_table_add (spans, g_ptr_array_index (document->spans, i));

  for (guint i = document->relations->len; i > 0; i--)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i - 1);

      if (!g_hash_table_contains (spans, relation->from)
          || !g_hash_table_contains (spans, relation->to))
        {
          g_ptr_array_remove_index (document->relations, i - 1);
          removed++;
        }
    }

  return removed;
}
