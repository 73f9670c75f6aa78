/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project as a GlossDatasetSource: documents are read one at a time, with
 * their spans, relations, attribute values and categories, so that an
 * export streams however large the project is, all in one read
 * transaction, so that it is one moment of the project however long it
 * takes and whoever commits meanwhile. */

#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-export.h"

#define REPLACEMENT "\xef\xbf\xbd"   /* U+FFFD */

/* VALUE with U+FFFD for each run of invalid bytes, or NULL if it is valid
 * UTF-8, as all Gloss stores is: only a damaged project file holds other
 * bytes, and the formats count on UTF-8. Counts a repair in *N_REPAIRED. */
static char *
repair_text (const char *value,
             guint      *n_repaired)
{
  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return NULL;

  if (n_repaired != NULL)
    (*n_repaired)++;
  return g_utf8_make_valid (value, -1);
}

/* A category of the project, as a document's choice is exported. */
typedef struct
{
  const char *set;    /* owned by the source's definitions */
  const char *value;
  guint order;        /* sets in order, and their values in order */
} ExportCategory;

typedef struct
{
  GlossStore *store;
  gboolean reading;          /* the source started the read transaction */
  guint statuses;
  GHashTable *label_names;   /* label id -> name, of the labels exported */
  /* The relation labels, attributes and category sets, as the source
   * hands them to a writer. */
  GlossDataset *definitions;
  GHashTable *relation_label_names;  /* relation label id -> name */
  GHashTable *attributes;            /* attribute id -> GlossDatasetAttribute, of those exported */
  GHashTable *categories;            /* category id -> ExportCategory */
  GHashTable *documents;             /* document ids the categories asked for; NULL: all */
  GlossFormatReport *report;
} StoreSource;

static void
store_source_free (gpointer data)
{
  StoreSource *store_source = data;

  if (store_source->reading)
    gloss_store_end_read (store_source->store);
  g_clear_object (&store_source->store);
  g_clear_pointer (&store_source->label_names, g_hash_table_unref);
  g_clear_pointer (&store_source->relation_label_names, g_hash_table_unref);
  g_clear_pointer (&store_source->attributes, g_hash_table_unref);
  g_clear_pointer (&store_source->categories, g_hash_table_unref);
  g_clear_pointer (&store_source->documents, g_hash_table_unref);
  g_clear_pointer (&store_source->definitions, gloss_dataset_free);
  g_free (store_source);
}

/* VALUE, or a copy repaired as repair_text () does, counted in *N_REPAIRED. */
static char *
dup_repaired (const char *value,
              guint      *n_repaired)
{
  char *repaired = repair_text (value, n_repaired);

  return repaired != NULL ? repaired : g_strdup (value);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GHashTable *categories = user_data;
  gint64 id_a = gloss_document_category_get_category_id (*(GlossDocumentCategory **) a);
  gint64 id_b = gloss_document_category_get_category_id (*(GlossDocumentCategory **) b);
  ExportCategory *category_a = g_hash_table_lookup (categories, &id_a);
  ExportCategory *category_b = g_hash_table_lookup (categories, &id_b);
  guint order_a = category_a != NULL ? category_a->order : G_MAXUINT;
  guint order_b = category_b != NULL ? category_b->order : G_MAXUINT;

  return (order_a > order_b) - (order_a < order_b);
}

/* What DOCUMENT_ID holds beside its spans: SPANS maps each exported span's
 * id to its GlossDatasetSpan in DATASET_DOCUMENT. A relation whose span is
 * not exported (its label is not) goes with it. The store gives a span's
 * values in the order of the attributes; the categories are put in the
 * order of the sets and their values, whatever order the project chose
 * them in, so that a project made by importing an export exports the
 * same bytes. */
static gboolean
add_document_extras (StoreSource           *store_source,
                     gint64                 document_id,
                     GHashTable            *spans,
                     GlossDatasetDocument  *dataset_document,
                     GError               **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  guint n_repaired = 0;

  relations = gloss_store_list_relations (store_source->store, document_id, error);
  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);
      gint64 label_id = gloss_relation_get_label_id (relation);
      gint64 from_id = gloss_relation_get_from_id (relation);
      gint64 to_id = gloss_relation_get_to_id (relation);
      const char *type = g_hash_table_lookup (store_source->relation_label_names, &label_id);
      GlossDatasetSpan *from = g_hash_table_lookup (spans, &from_id);
      GlossDatasetSpan *to = g_hash_table_lookup (spans, &to_id);
      g_autofree char *annotator = NULL;
      g_autofree char *note = NULL;

      if (type == NULL || from == NULL || to == NULL)
        continue;

      annotator = dup_repaired (gloss_relation_get_annotator (relation), &n_repaired);
      note = dup_repaired (gloss_relation_get_note (relation), &n_repaired);
      gloss_dataset_document_add_relation (dataset_document, type, from, to, annotator, note);
    }

  values = gloss_store_list_document_attribute_values (store_source->store, document_id, error);
  if (values == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      GlossAttributeValue *value = g_ptr_array_index (values, i);
      gint64 span_id = gloss_attribute_value_get_span_id (value);
      gint64 attribute_id = gloss_attribute_value_get_attribute_id (value);
      GlossDatasetAttribute *attribute = g_hash_table_lookup (store_source->attributes,
                                                              &attribute_id);
      GlossDatasetSpan *span = g_hash_table_lookup (spans, &span_id);
      g_autofree char *text = NULL;

      if (attribute == NULL || span == NULL)
        continue;

      text = dup_repaired (gloss_attribute_value_get_value (value), &n_repaired);
      gloss_dataset_span_set_attribute (span, attribute->name, text);
    }

  categories = gloss_store_list_document_categories (store_source->store, document_id, error);
  if (categories == NULL)
    return FALSE;
  g_ptr_array_sort_with_data (categories, compare_categories, store_source->categories);
  for (guint i = 0; i < categories->len; i++)
    {
      gint64 category_id = gloss_document_category_get_category_id (categories->pdata[i]);
      ExportCategory *category = g_hash_table_lookup (store_source->categories, &category_id);

      if (category != NULL)
        gloss_dataset_document_add_category (dataset_document, category->set, category->value);
    }

  if (n_repaired > 0)
    gloss_format_report_warn (store_source->report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Document %" G_GINT64_FORMAT " “%s”: %u annotator, "
                                           "note or attribute value of its relations and spans "
                                           "is not valid UTF-8 (the project file is damaged); "
                                           "exported with “%s” in place of the invalid bytes",
                                           "Document %" G_GINT64_FORMAT " “%s”: %u annotators, "
                                           "notes or attribute values of its relations and spans "
                                           "are not valid UTF-8 (the project file is damaged); "
                                           "exported with “%s” in place of the invalid bytes",
                                           n_repaired),
                              document_id, dataset_document->name, n_repaired, REPLACEMENT);

  return TRUE;
}

static gboolean
store_source_foreach (GlossDatasetSource  *source,
                      GlossDocumentFunc    func,
                      gpointer             user_data,
                      GError             **error)
{
  StoreSource *store_source = source->data;
  g_autoptr(GArray) ids = gloss_store_list_document_ids (store_source->store, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 document_id = g_array_index (ids, gint64, i);
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossDatasetDocument) dataset_document = NULL;
      g_autoptr(GPtrArray) spans = NULL;
      g_autoptr(GHashTable) span_ids = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      const char *invalid;
      guint n_repaired = 0;

      document = gloss_store_get_document (store_source->store, document_id, error);
      if (document == NULL)
        return FALSE;

      if (store_source->statuses != 0 &&
          (store_source->statuses & (1u << gloss_document_get_status (document))) == 0)
        continue;
      if (store_source->documents != NULL &&
          !g_hash_table_contains (store_source->documents, &document_id))
        continue;

      text = gloss_store_load_text (store_source->store, document_id, error);
      spans = text ? gloss_store_list_spans (store_source->store, document_id, error) : NULL;
      if (spans == NULL)
        return FALSE;

      name = repair_text (gloss_document_get_name (document), NULL);
      if (name != NULL)
        gloss_format_report_warn (store_source->report,
                                  _("Document %" G_GINT64_FORMAT " “%s”: its name is not valid "
                                    "UTF-8 (the project file is damaged); exported with “%s” in "
                                    "place of the invalid bytes"),
                                  document_id, name, REPLACEMENT);

      if (!g_utf8_validate (text, -1, &invalid))
        {
          gloss_format_report_warn (store_source->report,
                                    _("Document %" G_GINT64_FORMAT " “%s”: its text is not valid "
                                      "UTF-8 at byte %" G_GSIZE_FORMAT " (the project file is "
                                      "damaged); left out"),
                                    document_id, name ? name : gloss_document_get_name (document),
                                    (gsize) (invalid - text));
          gloss_format_report_lose (store_source->report,
                                    "document with a damaged text (left out)",
                                    "documents with a damaged text (left out)", 1);
          continue;
        }

      dataset_document = gloss_dataset_document_new (name ? name : gloss_document_get_name (document),
                                                     text);
      dataset_document->status = gloss_document_get_status (document);
      span_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      for (guint j = 0; j < spans->len; j++)
        {
          GlossSpan *span = g_ptr_array_index (spans, j);
          gint64 label_id = gloss_span_get_label_id (span);
          const char *label_name = g_hash_table_lookup (store_source->label_names, &label_id);
          g_autofree char *annotator = NULL;
          g_autofree char *note = NULL;
          GlossDatasetSpan *dataset_span;
          gint64 span_id;

          if (label_name == NULL)
            continue;

          annotator = repair_text (gloss_span_get_annotator (span), &n_repaired);
          note = repair_text (gloss_span_get_note (span), &n_repaired);
          dataset_span = gloss_dataset_document_add_span (dataset_document,
                                                          gloss_span_get_start (span),
                                                          gloss_span_get_end (span), label_name,
                                                          annotator ? annotator
                                                                    : gloss_span_get_annotator (span),
                                                          note ? note : gloss_span_get_note (span));
          span_id = gloss_span_get_id (span);
          g_hash_table_insert (span_ids, g_memdup2 (&span_id, sizeof span_id), dataset_span);
          /* Reading order puts a group's first part before its parts. */
          if (gloss_span_get_part_of (span) != 0)
            dataset_span->part_of = g_hash_table_lookup (span_ids,
                                                         &(gint64) { gloss_span_get_part_of (span) });
        }

      if (n_repaired > 0)
        gloss_format_report_warn (store_source->report,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Document %" G_GINT64_FORMAT " “%s”: %u annotator "
                                               "or note of its spans is not valid UTF-8 (the "
                                               "project file is damaged); exported with “%s” in "
                                               "place of the invalid bytes",
                                               "Document %" G_GINT64_FORMAT " “%s”: %u annotators "
                                               "or notes of its spans are not valid UTF-8 (the "
                                               "project file is damaged); exported with “%s” in "
                                               "place of the invalid bytes",
                                               n_repaired),
                                  document_id, dataset_document->name, n_repaired, REPLACEMENT);

      if (!add_document_extras (store_source, document_id, span_ids, dataset_document, error))
        return FALSE;

      if (!func (dataset_document, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* NAME, a damaged label name repaired, or with " (2)"... if a label of
 * the project (LABELS) or of the export (EXPORTED) has that name: two
 * labels must not become one. */
static char *
unique_label_name (GPtrArray *labels,
                   GPtrArray *exported,
                   char      *name)
{
  g_autofree char *base = name;

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < labels->len && !taken; i++)
        taken = g_str_equal (gloss_label_get_name (labels->pdata[i]), candidate);
      for (guint i = 0; i < exported->len && !taken; i++)
        taken = g_str_equal (((GlossDatasetLabel *) exported->pdata[i])->name, candidate);
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/* The project's relation labels, the attributes that apply to an exported
 * label, and the category sets, into STORE_SOURCE's definitions. */
static gboolean
add_definitions (StoreSource  *store_source,
                 GError      **error)
{
  GlossStore *store = store_source->store;
  GlossDataset *definitions = store_source->definitions;
  g_autoptr(GPtrArray) relation_labels = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  guint order = 0;

  relation_labels = gloss_store_list_relation_labels (store, error);
  if (relation_labels == NULL)
    return FALSE;
  for (guint i = 0; i < relation_labels->len; i++)
    {
      GlossRelationLabel *label = g_ptr_array_index (relation_labels, i);
      gint64 id = gloss_relation_label_get_id (label);
      g_autofree char *name = NULL;
      GlossDatasetRelationLabel *dataset_label;
      guint n_repaired = 0;

      name = dup_repaired (gloss_relation_label_get_name (label), &n_repaired);
      /* Two damaged names may repair to one: the second keeps apart. */
      for (guint n = 2; gloss_dataset_find_relation_label (definitions, name) != NULL; n++)
        {
          g_autofree char *base = dup_repaired (gloss_relation_label_get_name (label), NULL);

          g_free (name);
          name = g_strdup_printf ("%s (%u)", base, n);
        }
      dataset_label = gloss_dataset_ensure_relation_label (definitions, name);
      dataset_label->color = dup_repaired (gloss_relation_label_get_color (label), &n_repaired);
      g_free (dataset_label->hotkey);
      dataset_label->hotkey = dup_repaired (gloss_relation_label_get_hotkey (label), &n_repaired);
      g_free (dataset_label->description);
      dataset_label->description = dup_repaired (gloss_relation_label_get_description (label),
                                                 &n_repaired);
      dataset_label->directed = gloss_relation_label_get_directed (label);
      if (n_repaired > 0)
        gloss_format_report_warn (store_source->report,
                                  _("Relation label %" G_GINT64_FORMAT " “%s”: not valid UTF-8 "
                                    "(the project file is damaged); exported with “%s” in place "
                                    "of the invalid bytes"), id, name, REPLACEMENT);
      g_hash_table_insert (store_source->relation_label_names, g_memdup2 (&id, sizeof id),
                           dataset_label->name);
    }

  attributes = gloss_store_list_attributes (store, error);
  if (attributes == NULL)
    return FALSE;
  for (guint i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);
      const GArray *label_ids = gloss_attribute_get_label_ids (attribute);
      const char * const *values = gloss_attribute_get_values (attribute);
      gint64 id = gloss_attribute_get_id (attribute);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *name = NULL;
      GlossDatasetAttribute *dataset_attribute;

      for (guint j = 0; label_ids != NULL && j < label_ids->len; j++)
        {
          const char *label_name = g_hash_table_lookup (store_source->label_names,
                                                        &g_array_index (label_ids, gint64, j));

          if (label_name != NULL)
            g_ptr_array_add (labels, (gpointer) label_name);
        }
      /* Of labels none of which is exported: no span would have it, and
       * an empty list would say it is for every label. */
      if (label_ids != NULL && label_ids->len > 0 && labels->len == 0)
        continue;

      name = dup_repaired (gloss_attribute_get_name (attribute), NULL);
      if (gloss_dataset_find_attribute (definitions, name) != NULL)
        continue;
      dataset_attribute = gloss_dataset_ensure_attribute (definitions, name,
                                                          gloss_attribute_get_kind (attribute));
      for (guint j = 0; j < labels->len; j++)
        gloss_dataset_attribute_add_label (dataset_attribute, labels->pdata[j]);
      for (guint j = 0; values != NULL && values[j] != NULL; j++)
        {
          g_autofree char *value = dup_repaired (values[j], NULL);

          gloss_dataset_attribute_add_value (dataset_attribute, value);
        }
      g_hash_table_insert (store_source->attributes, g_memdup2 (&id, sizeof id),
                           dataset_attribute);
    }

  sets = gloss_store_list_category_sets (store, error);
  if (sets == NULL)
    return FALSE;
  for (guint i = 0; i < sets->len; i++)
    {
      GlossCategorySet *set = g_ptr_array_index (sets, i);
      g_autoptr(GPtrArray) categories = NULL;
      g_autofree char *name = dup_repaired (gloss_category_set_get_name (set), NULL);
      GlossDatasetCategorySet *dataset_set;

      categories = gloss_store_list_categories (store, gloss_category_set_get_id (set), error);
      if (categories == NULL)
        return FALSE;
      if (gloss_dataset_find_category_set (definitions, name) != NULL)
        continue;

      dataset_set = gloss_dataset_ensure_category_set (definitions, name);
      dataset_set->multiple = gloss_category_set_get_multiple (set);
      for (guint j = 0; j < categories->len; j++)
        {
          GlossCategory *category = g_ptr_array_index (categories, j);
          gint64 id = gloss_category_get_id (category);
          g_autofree char *value_name = dup_repaired (gloss_category_get_name (category), NULL);
          GlossDatasetCategoryValue *value;
          ExportCategory *export_category;

          value = gloss_dataset_category_set_ensure_value (dataset_set, value_name);
          g_free (value->hotkey);
          value->hotkey = dup_repaired (gloss_category_get_hotkey (category), NULL);

          export_category = g_new0 (ExportCategory, 1);
          export_category->set = dataset_set->name;
          export_category->value = value->name;
          export_category->order = order++;
          g_hash_table_insert (store_source->categories, g_memdup2 (&id, sizeof id),
                               export_category);
        }
    }

  return TRUE;
}

/* The category id that CHOICE, "SET=VALUE", names, or 0 and an error. A
 * set's name may hold "=" too: every place of it is tried. */
static gint64
find_category (StoreSource  *store_source,
               const char   *choice,
               GError      **error)
{
  g_autofree char *set_name = NULL;

  for (const char *equals = strchr (choice, '='); equals != NULL; equals = strchr (equals + 1, '='))
    {
      g_autofree char *set = g_strndup (choice, equals - choice);
      GHashTableIter iter;
      gpointer key, value;

      if (gloss_dataset_find_category_set (store_source->definitions, set) == NULL)
        continue;
      if (set_name == NULL)
        set_name = g_strdup (set);

      g_hash_table_iter_init (&iter, store_source->categories);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          ExportCategory *category = value;

          if (g_str_equal (category->set, set) && g_str_equal (category->value, equals + 1))
            return *(gint64 *) key;
        }
    }

  if (strchr (choice, '=') == NULL)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                 _("“%s” does not name a category: give the set and the category as "
                   "SET=CATEGORY"), choice);
  else if (set_name != NULL)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                 _("The project’s category set “%s” has no category “%s”"), set_name,
                 choice + strlen (set_name) + 1);
  else
    {
      g_autofree char *set = g_strndup (choice, strchr (choice, '=') - choice);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                   _("The project has no category set named “%s”"), set);
    }
  return 0;
}

/* The documents that CHOICES ("SET=VALUE") ask for: those with any of the
 * choices of each set named. */
static GHashTable *
find_documents (StoreSource         *store_source,
                const char * const  *choices,
                GError             **error)
{
  g_autoptr(GHashTable) by_set = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) documents = NULL;
  GHashTableIter iter;
  gpointer set_documents;

  for (guint i = 0; choices[i] != NULL; i++)
    {
      gint64 category_id = find_category (store_source, choices[i], error);
      g_autoptr(GArray) ids = NULL;
      ExportCategory *category;
      GHashTable *in_set;

      if (category_id == 0)
        return NULL;
      category = g_hash_table_lookup (store_source->categories, &category_id);
      ids = gloss_store_list_document_ids_in_category (store_source->store, category_id, error);
      if (ids == NULL)
        return NULL;

      in_set = g_hash_table_lookup (by_set, category->set);
      if (in_set == NULL)
        {
          in_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (by_set, (gpointer) category->set, in_set);
        }
      for (guint j = 0; j < ids->len; j++)
        g_hash_table_add (in_set, g_memdup2 (&g_array_index (ids, gint64, j), sizeof (gint64)));
    }

  /* In every set named. */
  g_hash_table_iter_init (&iter, by_set);
  while (g_hash_table_iter_next (&iter, NULL, &set_documents))
    {
      if (documents == NULL)
        {
          documents = g_hash_table_ref (set_documents);
          continue;
        }
      {
        GHashTableIter documents_iter;
        gpointer id;

        g_hash_table_iter_init (&documents_iter, documents);
        while (g_hash_table_iter_next (&documents_iter, &id, NULL))
          if (!g_hash_table_contains (set_documents, id))
            g_hash_table_iter_remove (&documents_iter);
      }
    }

  return g_steal_pointer (&documents);
}

/* A source over STORE's documents and labels, as FILTER narrows them, read
 * as one snapshot: the source holds a read transaction on STORE until it is
 * freed, so STORE cannot write meanwhile (another store on the same project
 * can). A label name the project does not have is an error, not an empty
 * export. What had to be repaired or left out of a damaged project is told
 * in REPORT. */
GlossDatasetSource *
gloss_export_source_new (GlossStore               *store,
                         const GlossExportFilter  *filter,
                         GlossFormatReport        *report,
                         GError                  **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GlossDatasetSource) source = NULL;
  StoreSource *store_source;
  gboolean reading;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  if (!gloss_store_begin_read (store, &reading, error))
    return NULL;

  store_source = g_new0 (StoreSource, 1);
  store_source->store = g_object_ref (store);
  store_source->reading = reading;
  store_source->statuses = filter ? filter->statuses : 0;
  store_source->label_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  store_source->report = report;
  store_source->definitions = gloss_dataset_new ();
  store_source->relation_label_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                              NULL);
  store_source->attributes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  store_source->categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  source = g_new0 (GlossDatasetSource, 1);
  source->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_dataset_label_free);
  source->foreach = store_source_foreach;
  source->data = store_source;
  source->data_free = store_source_free;

  labels = gloss_store_list_labels (store, error);
  if (labels == NULL)
    return NULL;

  for (guint i = 0; filter != NULL && filter->labels != NULL && filter->labels[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < labels->len && !found; j++)
        found = g_str_equal (gloss_label_get_name (labels->pdata[j]), filter->labels[i]);
      if (!found)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                       _("The project has no label named “%s”"), filter->labels[i]);
          return NULL;
        }
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      GlossDatasetLabel *dataset_label;
      gint64 id = gloss_label_get_id (label);
      g_autofree char *name = NULL;
      g_autofree char *color = NULL;
      g_autofree char *hotkey = NULL;
      g_autofree char *description = NULL;
      guint n_repaired = 0;

      if (filter != NULL && filter->labels != NULL &&
          !g_strv_contains ((const char * const *) filter->labels, gloss_label_get_name (label)))
        continue;

      name = repair_text (gloss_label_get_name (label), &n_repaired);
      color = repair_text (gloss_label_get_color (label), &n_repaired);
      hotkey = repair_text (gloss_label_get_hotkey (label), &n_repaired);
      description = repair_text (gloss_label_get_description (label), &n_repaired);
      if (name != NULL)
        name = unique_label_name (labels, source->labels, g_steal_pointer (&name));
      if (n_repaired > 0)
        gloss_format_report_warn (report,
                                  _("Label %" G_GINT64_FORMAT " “%s”: not valid UTF-8 (the "
                                    "project file is damaged); exported with “%s” in place of "
                                    "the invalid bytes"),
                                  id, name ? name : gloss_label_get_name (label), REPLACEMENT);

      dataset_label = gloss_dataset_label_new (name ? name : gloss_label_get_name (label),
                                               color ? color : gloss_label_get_color (label),
                                               hotkey ? hotkey : gloss_label_get_hotkey (label),
                                               description ? description
                                                           : gloss_label_get_description (label));
      g_ptr_array_add (source->labels, dataset_label);
      g_hash_table_insert (store_source->label_names, g_memdup2 (&id, sizeof id),
                           g_strdup (dataset_label->name));
    }

  if (!add_definitions (store_source, error))
    return NULL;
  source->relation_labels = g_ptr_array_ref (store_source->definitions->relation_labels);
  source->attributes = g_ptr_array_ref (store_source->definitions->attributes);
  source->category_sets = g_ptr_array_ref (store_source->definitions->category_sets);
  source->has_parts = gloss_store_has_span_parts (store);

  if (filter != NULL && filter->categories != NULL && filter->categories[0] != NULL)
    {
      store_source->documents = find_documents (store_source, filter->categories, error);
      if (store_source->documents == NULL)
        return NULL;
    }

  return g_steal_pointer (&source);
}

gboolean
gloss_export_path (GlossStore               *store,
                   const GlossFormat        *format,
                   const char               *path,
                   const GlossExportFilter  *filter,
                   gboolean                  force,
                   GlossFormatReport        *report,
                   GError                  **error)
{
  g_autoptr(GlossDatasetSource) source = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  source = gloss_export_source_new (store, filter, report, error);
  if (source == NULL)
    return FALSE;

  return gloss_format_write_dataset (format, source, path, force, report, error);
}
