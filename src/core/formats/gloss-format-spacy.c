/* SPDX-License-Identifier: GPL-3.0-or-later */

/* spaCy's training JSON, the list spaCy's examples and most NER tutorials
 * feed to Example.from_dict:
 *
 *   [["TEXT", {"entities": [[START, END, "LABEL"], ...]}], ...]
 *
 * Offsets are code points, as in Gloss. The format carries text and labeled
 * spans only: document names, statuses, notes, annotators and the label
 * set's colors are counted as lost on export, and documents read from it are
 * named doc-1, doc-2, ... spaCy refuses overlapping entities when it builds
 * a Doc; they are written all the same (the JSON holds them, and a span
 * categorizer can use them) with a warning that counts them.
 *
 * A document's categories are spaCy's "cats", which its text categorizers
 * train on: {"opposed": 1.0, "supportive": 0.0, ...}, every value of each
 * set the document chose from, 1.0 for its choices (one-hot for a set of
 * one choice, any number for a set of several). A set it chose nothing
 * from is left out, which spaCy reads as not known. A value name that two
 * sets share is written "SET/VALUE". spaCy has no sets: reading puts every
 * cat in one set, "Category" (GLOSS_FORMAT_CATEGORY_SET), each cat of 0.5
 * or more a choice. Relations and span attributes are counted as lost. */

#define G_LOG_DOMAIN "gloss-format-spacy"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format-reader.h"
#include "gloss-json.h"

static const char * const extensions[] = { ".spacy.json", NULL };

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GString *text;
  GHashTable *used_labels;
  guint n_documents;
  guint n_statuses;
  guint n_notes;
  guint n_annotators;
  guint n_overlapping;
  guint n_relations;
  guint n_attribute_values;
  GHashTable *sets;          /* name -> GlossDatasetCategorySet, of the source */
  GHashTable *shared_values; /* value names that more than one set has */
  GHashTable *used_sets;     /* sets whose name spaCy loses */
} Writer;

static void
append_cat (Writer     *writer,
            GString    *text,
            gboolean   *first,
            const char *set,
            const char *value,
            gboolean    chosen)
{
  g_string_append (text, *first ? "" : ", ");
  *first = FALSE;
  if (g_hash_table_contains (writer->shared_values, value))
    {
      g_autofree char *key = g_strconcat (set, "/", value, NULL);

      gloss_json_append_string (text, key);
    }
  else
    gloss_json_append_string (text, value);
  g_string_append (text, chosen ? ": 1.0" : ": 0.0");
}

/* "cats": each set the document chose from, with all its values. */
static void
append_cats (Writer               *writer,
             GString              *text,
             GlossDatasetDocument *document)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean first = TRUE;

  for (guint i = 0; i < document->categories->len; i++)
    {
      GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);

      g_hash_table_add (chosen, g_strdup_printf ("%" G_GSIZE_FORMAT ":%s%s",
                                                 strlen (category->set), category->set,
                                                 category->value));
    }

  g_string_append (text, ", \"cats\": {");
  for (guint i = 0; i < document->categories->len; i++)
    {
      GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);
      GlossDatasetCategorySet *set = g_hash_table_lookup (writer->sets, category->set);

      if (set == NULL)
        {
          /* A set the source does not define: its choices alone. */
          append_cat (writer, text, &first, category->set, category->value, TRUE);
          continue;
        }
      if (g_hash_table_contains (done, set->name))
        continue;
      g_hash_table_add (done, set->name);
      if (!g_str_equal (set->name, GLOSS_FORMAT_CATEGORY_SET))
        g_hash_table_add (writer->used_sets, set->name);

      for (guint j = 0; j < set->values->len; j++)
        {
          GlossDatasetCategoryValue *value = g_ptr_array_index (set->values, j);
          g_autofree char *key = g_strdup_printf ("%" G_GSIZE_FORMAT ":%s%s", strlen (set->name),
                                                  set->name, value->name);

          append_cat (writer, text, &first, set->name, value->name,
                      g_hash_table_contains (chosen, key));
        }
    }
  g_string_append_c (text, '}');
}

static int
compare_span_starts (gconstpointer a,
                     gconstpointer b)
{
  const GlossDatasetSpan *span_a = *(GlossDatasetSpan **) a;
  const GlossDatasetSpan *span_b = *(GlossDatasetSpan **) b;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  return 0;
}

/* How many of DOCUMENT's spans share a character with another span. A sweep
 * in order of start: a span overlaps an earlier one exactly when it starts
 * before the furthest end so far, and then it also overlaps the span that
 * reaches that end. */
static guint
count_overlapping (GlossDatasetDocument *document)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree gboolean *overlaps = NULL;
  guint furthest = 0;
  guint count = 0;

  if (document->spans->len < 2)
    return 0;

  /* Not g_ptr_array_copy: the copy would free the spans with it. */
  sorted = g_ptr_array_sized_new (document->spans->len);
  g_ptr_array_extend (sorted, document->spans, NULL, NULL);
  g_ptr_array_sort (sorted, compare_span_starts);
  overlaps = g_new0 (gboolean, sorted->len);

  for (guint i = 1; i < sorted->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (sorted, i);
      GlossDatasetSpan *reach = g_ptr_array_index (sorted, furthest);

      if (span->start < reach->end)
        overlaps[i] = overlaps[furthest] = TRUE;
      if (span->end > reach->end)
        furthest = i;
    }

  for (guint i = 0; i < sorted->len; i++)
    count += overlaps[i];

  return count;
}

static gboolean
write_document_cb (GlossDatasetDocument  *document,
                   gpointer               user_data,
                   GError               **error)
{
  Writer *writer = user_data;
  GString *text = writer->text;
  gsize text_length = g_utf8_strlen (document->text, -1);

  gloss_format_report_parts_as_spans (writer->report, document);
  g_string_truncate (text, 0);
  g_string_append (text, writer->n_documents == 0 ? "\n[" : ",\n[");
  gloss_json_append_string (text, document->text);
  g_string_append (text, ", {\"entities\": [");

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      if (!gloss_json_check_source_span (document, text_length, span, error))
        return FALSE;

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_c (text, '[');
      gloss_json_append_int (text, span->start);
      g_string_append (text, ", ");
      gloss_json_append_int (text, span->end);
      g_string_append (text, ", ");
      gloss_json_append_string (text, span->label);
      g_string_append_c (text, ']');

      if (!g_hash_table_contains (writer->used_labels, span->label))
        g_hash_table_add (writer->used_labels, g_strdup (span->label));
      writer->n_notes += span->note[0] != '\0';
      writer->n_annotators += span->annotator[0] != '\0';
      writer->n_attribute_values += span->attributes->len;
    }

  g_string_append_c (text, ']');
  if (document->categories->len > 0)
    append_cats (writer, text, document);
  g_string_append (text, "}]");
  writer->n_relations += document->relations->len;

  if (!gloss_json_write (writer->output, text, error))
    return FALSE;

  writer->n_documents++;
  writer->n_statuses += document->status != GLOSS_DOCUMENT_STATUS_NEW;
  writer->n_overlapping += count_overlapping (document);
  writer->report->documents++;
  writer->report->spans += document->spans->len;

  return TRUE;
}

static gboolean
gloss_format_spacy_write (GlossDatasetSource  *source,
                          GlossFormatOutput   *output,
                          GlossFormatReport   *report,
                          GError             **error)
{
  g_autoptr(GString) text = g_string_sized_new (4096);
  g_autoptr(GHashTable) used_labels = NULL;
  g_autoptr(GHashTable) sets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) value_sets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shared_values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used_sets = g_hash_table_new (g_str_hash, g_str_equal);
  Writer writer = { output, report, text };

  used_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.used_labels = used_labels;
  writer.sets = sets;
  writer.shared_values = shared_values;
  writer.used_sets = used_sets;
  for (guint i = 0; source->category_sets != NULL && i < source->category_sets->len; i++)
    {
      GlossDatasetCategorySet *set = g_ptr_array_index (source->category_sets, i);

      g_hash_table_insert (sets, set->name, set);
      for (guint j = 0; j < set->values->len; j++)
        {
          GlossDatasetCategoryValue *value = g_ptr_array_index (set->values, j);
          GlossDatasetCategorySet *other = g_hash_table_lookup (value_sets, value->name);

          if (other != NULL && other != set)
            g_hash_table_add (shared_values, value->name);
          else
            g_hash_table_insert (value_sets, value->name, set);
        }
    }

  g_string_assign (text, "[");
  if (!gloss_json_write (output, text, error))
    return FALSE;

  if (!source->foreach (source, write_document_cb, &writer, error))
    return FALSE;

  g_string_assign (text, writer.n_documents > 0 ? "\n]\n" : "]\n");
  if (!gloss_json_write (output, text, error))
    return FALSE;

  if (writer.n_documents > 0)
    gloss_format_report_lose (report, "document name", "document names", writer.n_documents);
  if (writer.n_statuses > 0)
    gloss_format_report_lose (report, "document status", "document statuses", writer.n_statuses);
  if (writer.n_notes > 0)
    gloss_format_report_lose (report, "note", "notes", writer.n_notes);
  if (writer.n_annotators > 0)
    gloss_format_report_lose (report, "annotator name", "annotator names", writer.n_annotators);
  gloss_json_report_lost_labels (report, source->labels, used_labels);
  gloss_json_report_lost_definitions (report, source, FALSE);
  if (writer.n_relations > 0)
    gloss_format_report_lose (report, "relation", "relations", writer.n_relations);
  if (writer.n_attribute_values > 0)
    gloss_format_report_lose (report, "span attribute value", "span attribute values",
                              writer.n_attribute_values);
  if (g_hash_table_size (used_sets) > 0)
    gloss_format_report_lose (report, "category set name", "category set names",
                              g_hash_table_size (used_sets));

  if (writer.n_overlapping > 0)
    gloss_format_report_warn (report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u span overlaps another span of its document; "
                                           "spaCy refuses overlapping entities when it trains "
                                           "a named entity recognizer",
                                           "%s: %u spans overlap another span of their document; "
                                           "spaCy refuses overlapping entities when it trains "
                                           "a named entity recognizer",
                                           writer.n_overlapping),
                              output->display_name, writer.n_overlapping);

  return TRUE;
}

static gboolean
read_entity (const GlossJsonFile   *file,
             JsonNode              *node,
             const char            *where,
             GlossDataset          *dataset,
             GlossDatasetDocument  *document,
             GlossFormatText       *document_text,
             GlossFormatReport     *report,
             GError               **error)
{
  GlossDatasetLabel *dataset_label;
  g_autofree char *start_where = NULL;
  g_autofree char *end_where = NULL;
  g_autofree char *label_where = NULL;
  JsonArray *entity;
  const char *label;
  gint64 start;
  gint64 end;

  entity = gloss_json_node_get_array (file, node, where, error);
  if (entity == NULL)
    return FALSE;

  if (json_array_get_length (entity) != 3)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "an entity should be [start, end, \"LABEL\"], not %u value",
                                         "an entity should be [start, end, \"LABEL\"], not %u values",
                                         json_array_get_length (entity)),
                            json_array_get_length (entity));
      return FALSE;
    }

  start_where = g_strdup_printf ("%s[0]", where);
  end_where = g_strdup_printf ("%s[1]", where);
  if (!gloss_json_node_get_int (file, json_array_get_element (entity, 0), start_where, &start,
                                error) ||
      !gloss_json_node_get_int (file, json_array_get_element (entity, 1), end_where, &end, error))
    return FALSE;

  label_where = g_strdup_printf ("%s[2]", where);
  label = gloss_json_node_get_string (file, json_array_get_element (entity, 2), label_where, error);
  if (label == NULL)
    return FALSE;

  dataset_label = gloss_format_ensure_label (dataset, label, report, "%s file %s, %s", file->kind,
                                             file->display, label_where);
  if (dataset_label == NULL)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                            _("an entity needs a label"));
      return FALSE;
    }

  if (!gloss_json_check_span (file, where, document_text, start, end, NULL, error))
    return FALSE;

  gloss_dataset_document_add_span (document, start, end, dataset_label->name, NULL, NULL);

  return TRUE;
}

/* "cats": {"opposed": 1.0, ...}: each a value of the one set, a choice
 * from 0.5 up. */
static gboolean
read_cats (const GlossJsonFile   *file,
           JsonObject            *cats,
           const char            *where,
           GlossDataset          *dataset,
           GlossDatasetDocument  *document,
           GError               **error)
{
  g_autoptr(GList) members = json_object_get_members (cats);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (cats, l->data);
      const char *name = l->data;
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      double score;

      if (type == G_TYPE_INT64)
        score = json_node_get_int (node);
      else if (type == G_TYPE_DOUBLE)
        score = json_node_get_double (node);
      else
        {
          g_autofree char *shown = gloss_format_excerpt (name, -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("the score of “%s” should be a number, not %s"), shown,
                                gloss_json_describe_node (node));
          return FALSE;
        }
      if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("a category has an empty name"));
          return FALSE;
        }

      gloss_dataset_add_choice (dataset, score >= 0.5 ? document : NULL,
                                GLOSS_FORMAT_CATEGORY_SET, name);
    }

  return TRUE;
}

static gboolean
read_example (const GlossJsonFile  *file,
              JsonNode             *node,
              guint                 index,
              GlossDataset         *dataset,
              GHashTable           *ignored_keys,
              GlossFormatReport    *report,
              GError              **error)
{
  g_autoptr(GlossDatasetDocument) document = NULL;
  g_autofree char *where = g_strdup_printf ("[%u]", index);
  g_autofree char *name = NULL;
  g_autofree char *text_where = NULL;
  g_autofree char *annotations_where = NULL;
  JsonArray *example;
  JsonObject *annotations;
  JsonArray *entities = NULL;
  JsonObject *cats = NULL;
  const char *text;
  g_auto(GlossFormatText) document_text = { 0 };

  example = gloss_json_node_get_array (file, node, where, error);
  if (example == NULL)
    return FALSE;

  if (json_array_get_length (example) != 2)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "an example should be [\"TEXT\", {\"entities\": [...]}], "
                                         "not %u value",
                                         "an example should be [\"TEXT\", {\"entities\": [...]}], "
                                         "not %u values",
                                         json_array_get_length (example)),
                            json_array_get_length (example));
      return FALSE;
    }

  text_where = g_strdup_printf ("[%u][0]", index);
  text = gloss_json_node_get_string (file, json_array_get_element (example, 0), text_where, error);
  if (text == NULL)
    return FALSE;

  annotations_where = g_strdup_printf ("[%u][1]", index);
  annotations = gloss_json_node_get_object (file, json_array_get_element (example, 1),
                                            annotations_where, error);
  if (annotations == NULL ||
      !gloss_json_get_array (file, annotations, annotations_where, "entities", FALSE, &entities,
                             error) ||
      !gloss_json_get_object (file, annotations, annotations_where, "cats", FALSE, &cats, error))
    return FALSE;

  /* spaCy's dict also holds "links", "heads"...: Gloss has no place for
   * them. */
  {
    g_autoptr(GList) members = json_object_get_members (annotations);

    for (const GList *l = members; l != NULL; l = l->next)
      if (!g_str_equal (l->data, "entities") && !g_str_equal (l->data, "cats"))
        g_hash_table_add (ignored_keys, g_strdup (l->data));
  }

  name = g_strdup_printf ("doc-%u", index + 1);
  document = gloss_dataset_document_new (name, text);
  gloss_format_text_init (&document_text, document->text);

  for (guint i = 0; entities != NULL && i < json_array_get_length (entities); i++)
    {
      g_autofree char *entity_where = g_strdup_printf ("[%u][1].entities[%u]", index, i);

      if (!read_entity (file, json_array_get_element (entities, i), entity_where, dataset,
                        document, &document_text, report, error))
        return FALSE;
    }

  if (cats != NULL)
    {
      g_autofree char *cats_where = g_strdup_printf ("[%u][1].cats", index);

      if (!read_cats (file, cats, cats_where, dataset, document, error))
        return FALSE;
    }

  g_ptr_array_add (dataset->documents, g_steal_pointer (&document));

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* DATA, checked UTF-8 of LENGTH bytes, as a dataset. */
static GlossDataset *
read_text (const GlossJsonFile  *file,
           const char           *data,
           gsize                 length,
           GlossFormatReport    *report,
           GError              **error)
{
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GHashTable) ignored_keys = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *examples;
  guint n_examples;

  root = gloss_json_parse (file, data, length, 1, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, NULL,
                            _("expected a list of [\"TEXT\", {\"entities\": [...]}], found %s"),
                            gloss_json_describe_node (root));
      return NULL;
    }

  examples = json_node_get_array (root);
  n_examples = json_array_get_length (examples);
  dataset = gloss_dataset_new ();
  ignored_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_examples; i++)
    if (!read_example (file, json_array_get_element (examples, i), i, dataset, ignored_keys,
                       report, error))
      return NULL;

  if (n_examples > 0)
    gloss_format_report_warn (report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "spaCy file %s: spaCy does not name its documents; "
                                           "the document is named doc-%u",
                                           "spaCy file %s: spaCy does not name its documents; "
                                           "they are named doc-1 to doc-%u",
                                           n_examples),
                              file->display, n_examples);

  if (g_hash_table_size (ignored_keys) > 0)
    {
      g_autofree const char **keys = NULL;
      g_autoptr(GString) list = g_string_new (NULL);
      guint n_keys = g_hash_table_size (ignored_keys);

      keys = (const char **) g_hash_table_get_keys_as_array (ignored_keys, NULL);
      g_qsort_with_data (keys, n_keys, sizeof (char *), compare_names, NULL);
      /* A file may hold any number of keys, of any length: the warning
       * names the first few. */
      for (guint i = 0; i < MIN (n_keys, 10); i++)
        {
          g_autofree char *shown = gloss_format_excerpt (keys[i], -1);

          g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", shown);
        }
      if (n_keys > 10)
        g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " and %u other",
                                                   " and %u others", n_keys - 10),
                                n_keys - 10);
      gloss_format_report_warn (report, _("spaCy file %s: Gloss reads only the entities, "
                                          "not %s"),
                                file->display, list->str);
    }

  return g_steal_pointer (&dataset);
}

static GlossDataset *
gloss_format_spacy_read (const char         *path,
                         GlossFormatReport  *report,
                         GError            **error)
{
  return gloss_json_read_dataset ("spaCy", path, NULL, read_text, report, error);
}

/* The reader on a file's contents in memory; NAME names it in messages. */
GlossDataset *
gloss_format_spacy_read_data (const char         *name,
                              const char         *data,
                              gsize               length,
                              GlossFormatReport  *report,
                              GError            **error)
{
  g_autoptr(GBytes) contents = g_bytes_new_static (data, length);

  g_return_val_if_fail (name != NULL, NULL);

  return gloss_json_read_dataset ("spaCy", name, contents, read_text, report, error);
}

const GlossFormat gloss_format_spacy = {
  .name = "spacy",
  .title = "spaCy JSON",
  .extensions = extensions,
  .target = GLOSS_FORMAT_TARGET_FILE,
  .read = gloss_format_spacy_read,
  .write = gloss_format_spacy_write,
};
