/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Label Studio's JSON export and import for a Text object tagged with
 * Labels: a list of tasks, each with its data and one annotation per
 * annotator.
 *
 *   [{"id": 1, "data": {"text": ..., "name": ..., "gloss_status": ...},
 *     "annotations": [{"completed_by": "Ana", "result": [
 *       {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
 *        "value": {"start": 0, "end": 5, "text": ..., "labels": ["LABEL"]}},
 *       {"id": "r1", "from_name": "note", "to_name": "text", "type": "textarea",
 *        "value": {"start": 0, "end": 5, "text": ["NOTE"]}}]}]}]
 *
 * Offsets are code points: Label Studio has stored code points, not
 * JavaScript's UTF-16 units, since it fixed its offsets after emoji. Each
 * region repeats its text, and reading refuses a region whose text is not
 * the text at its offsets, which is what a file from a Label Studio that
 * still counted UTF-16 looks like.
 *
 * A note is a per-region TextArea result sharing the region's id, which is
 * how Label Studio attaches text to a region (<TextArea name="note"
 * toName="text" perRegion="true"/>). The document's name and status ride in
 * data.name and data.gloss_status, which Label Studio keeps as it is given.
 * The label set's colors and hotkeys live in a Label Studio project's
 * labeling config, not in its tasks: they are counted as lost.
 *
 * Reading also takes the JSON-MIN export (one record an annotation, data
 * and regions side by side). A task without data.name is named after its
 * data.title, or the file it was uploaded in, else task-ID. */

#define G_LOG_DOMAIN "gloss-format-labelstudio"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format-reader.h"
#include "gloss-json.h"
#include "gloss-offsets.h"

static const char * const extensions[] = { ".labelstudio.json", NULL };

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GString *text;
  GHashTable *used_labels;
  GHashTable *relation_labels;   /* name -> GlossDatasetRelationLabel */
  GHashTable *attributes;        /* name -> GlossDatasetAttribute */
  guint n_tasks;
} Writer;

static void
append_region (GString    *text,
               guint       region,
               const char *from_name,
               const char *type)
{
  g_string_append_printf (text, "{\"id\": \"r%u\", \"from_name\": ", region);
  gloss_json_append_string (text, from_name);
  g_string_append (text, ", \"to_name\": \"text\", \"type\": ");
  gloss_json_append_string (text, type);
  g_string_append (text, ", \"value\": {\"start\": ");
}

static void
append_separator (GString  *text,
                  gboolean *first)
{
  if (!*first)
    g_string_append (text, ", ");
  *first = FALSE;
}

/* A span's attribute as a per-region result sharing its region's id, as
 * Label Studio attaches <Choices perRegion="true"> and <TextArea
 * perRegion="true"> to a region: a choice or a yes/no attribute (whose
 * only choice is "true") as choices, free text as a text area. */
static void
append_attribute (Writer                     *writer,
                  GString                    *text,
                  GlossDatasetSpan           *span,
                  guint                       region,
                  GlossDatasetAttributeValue *value)
{
  GlossDatasetAttribute *attribute = g_hash_table_lookup (writer->attributes, value->name);
  gboolean choice = attribute != NULL && attribute->kind != GLOSS_ATTRIBUTE_KIND_TEXT;

  append_region (text, region, value->name, choice ? "choices" : "textarea");
  gloss_json_append_int (text, span->start);
  g_string_append (text, ", \"end\": ");
  gloss_json_append_int (text, span->end);
  g_string_append (text, choice ? ", \"choices\": [" : ", \"text\": [");
  gloss_json_append_string (text, value->value);
  g_string_append (text, "]}}");
}

static void
append_results (Writer               *writer,
                GString              *text,
                GlossDatasetDocument *document,
                const char           *annotator,
                gboolean              with_categories,
                GHashTable           *regions,
                guint                *region)
{
  gboolean first = TRUE;
  GlossOffsetsCursor cursor;

  gloss_offsets_cursor_init (&cursor, document->text);
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autofree char *span_text = NULL;

      if (!g_str_equal (span->annotator, annotator))
        continue;

      span_text = gloss_offsets_cursor_dup_range (&cursor, span->start, span->end);
      (*region)++;
      g_hash_table_insert (regions, span, GUINT_TO_POINTER (*region));

      append_separator (text, &first);
      append_region (text, *region, "label", "labels");
      gloss_json_append_int (text, span->start);
      g_string_append (text, ", \"end\": ");
      gloss_json_append_int (text, span->end);
      g_string_append (text, ", \"text\": ");
      gloss_json_append_string (text, span_text);
      g_string_append (text, ", \"labels\": [");
      gloss_json_append_string (text, span->label);
      g_string_append (text, "]}}");

      if (span->note[0] != '\0')
        {
          g_string_append (text, ", ");
          append_region (text, *region, "note", "textarea");
          gloss_json_append_int (text, span->start);
          g_string_append (text, ", \"end\": ");
          gloss_json_append_int (text, span->end);
          g_string_append (text, ", \"text\": [");
          gloss_json_append_string (text, span->note);
          g_string_append (text, "]}}");
        }

      for (guint j = 0; j < span->attributes->len; j++)
        {
          GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, j);
          GlossDatasetAttribute *attribute = g_hash_table_lookup (writer->attributes,
                                                                  value->name);

          /* A text area named "note" is the span's note. */
          if (g_str_equal (value->name, "note") &&
              (attribute == NULL || attribute->kind == GLOSS_ATTRIBUTE_KIND_TEXT))
            {
              gloss_format_report_lose (writer->report,
                                        "value of a text attribute named “note” (Label Studio "
                                        "keeps the note there)",
                                        "values of a text attribute named “note” (Label Studio "
                                        "keeps the note there)", 1);
              continue;
            }
          g_string_append (text, ", ");
          append_attribute (writer, text, span, *region, value);
        }
    }

  /* A relation lives in one annotation with both its regions: the one of
   * its first span's annotator. */
  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      GlossDatasetRelationLabel *label;
      guint from, to;

      if (!g_str_equal (relation->from->annotator, annotator) ||
          !g_str_equal (relation->to->annotator, annotator))
        continue;

      from = GPOINTER_TO_UINT (g_hash_table_lookup (regions, relation->from));
      to = GPOINTER_TO_UINT (g_hash_table_lookup (regions, relation->to));
      if (from == 0 || to == 0)
        continue;
      label = g_hash_table_lookup (writer->relation_labels, relation->type);

      append_separator (text, &first);
      g_string_append_printf (text, "{\"from_id\": \"r%u\", \"to_id\": \"r%u\", "
                              "\"type\": \"relation\", \"direction\": \"%s\", \"labels\": [",
                              from, to, label != NULL && !label->directed ? "bi" : "right");
      gloss_json_append_string (text, relation->type);
      g_string_append (text, "]}");
    }

  if (!with_categories)
    return;

  /* The task's choices: one result a category set, in the order the
   * document first chose from each. */
  {
    g_autoptr(GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GPtrArray) order = g_ptr_array_new ();

    for (guint i = 0; i < document->categories->len; i++)
      {
        GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);
        GPtrArray *values = g_hash_table_lookup (sets, category->set);

        if (values == NULL)
          {
            values = g_ptr_array_new ();
            g_hash_table_insert (sets, category->set, values);
            g_ptr_array_add (order, category->set);
          }
        g_ptr_array_add (values, category->value);
      }

    for (guint i = 0; i < order->len; i++)
      {
        GPtrArray *values = g_hash_table_lookup (sets, order->pdata[i]);

        append_separator (text, &first);
        g_string_append (text, "{\"from_name\": ");
        gloss_json_append_string (text, order->pdata[i]);
        g_string_append (text, ", \"to_name\": \"text\", \"type\": \"choices\", "
                         "\"value\": {\"choices\": [");
        for (guint j = 0; j < values->len; j++)
          {
            if (j > 0)
              g_string_append (text, ", ");
            gloss_json_append_string (text, values->pdata[j]);
          }
        g_string_append (text, "]}}");
      }
  }
}

static gboolean
write_document_cb (GlossDatasetDocument  *document,
                   gpointer               user_data,
                   GError               **error)
{
  Writer *writer = user_data;
  GString *text = writer->text;
  g_autoptr(GPtrArray) annotators = g_ptr_array_new ();
  g_autoptr(GHashTable) regions = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) spans = g_hash_table_new (NULL, NULL);
  gsize text_length = g_utf8_strlen (document->text, -1);
  guint region = 0;

  gloss_format_report_parts_as_spans (writer->report, document);

  /* One annotation per annotator, in the order they first appear. */
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      if (!gloss_json_check_source_span (document, text_length, span, error))
        return FALSE;

      if (!g_ptr_array_find_with_equal_func (annotators, span->annotator, g_str_equal, NULL))
        g_ptr_array_add (annotators, span->annotator);
      if (!g_hash_table_contains (writer->used_labels, span->label))
        g_hash_table_add (writer->used_labels, g_strdup (span->label));
      g_hash_table_add (spans, span);
    }
  /* The task's choices need an annotation to stand in. */
  if (annotators->len == 0 && document->categories->len > 0)
    g_ptr_array_add (annotators, "");

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);

      if (!g_hash_table_contains (spans, relation->from) ||
          !g_hash_table_contains (spans, relation->to))
        gloss_format_report_lose (writer->report, "relation to a span not in its document",
                                  "relations to spans not in their document", 1);
      else if (!g_str_equal (relation->from->annotator, relation->to->annotator))
        gloss_format_report_lose (writer->report,
                                  "relation between spans of two annotators (a Label Studio "
                                  "relation joins regions of one annotation)",
                                  "relations between spans of two annotators (a Label Studio "
                                  "relation joins regions of one annotation)", 1);
      else
        {
          writer->report->relations++;
          if (relation->note[0] != '\0')
            gloss_format_report_lose (writer->report, "relation note", "relation notes", 1);
          if (relation->annotator[0] != '\0' &&
              !g_str_equal (relation->annotator, relation->from->annotator))
            gloss_format_report_lose (writer->report,
                                      "relation annotator other than its spans'",
                                      "relation annotators other than their spans'", 1);
        }
    }

  g_string_truncate (text, 0);
  g_string_append (text, writer->n_tasks == 0 ? "\n" : ",\n");
  g_string_append_printf (text, "{\"id\": %u, \"data\": {\"text\": ", writer->n_tasks + 1);
  gloss_json_append_string (text, document->text);
  g_string_append (text, ", \"name\": ");
  gloss_json_append_string (text, document->name);
  g_string_append (text, ", \"gloss_status\": ");
  gloss_json_append_string (text, gloss_document_status_to_string (document->status));
  g_string_append (text, "}, \"annotations\": [");

  for (guint i = 0; i < annotators->len; i++)
    {
      const char *annotator = g_ptr_array_index (annotators, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_c (text, '{');
      if (annotator[0] != '\0')
        {
          g_string_append (text, "\"completed_by\": ");
          gloss_json_append_string (text, annotator);
          g_string_append (text, ", ");
        }
      g_string_append (text, "\"result\": [");
      append_results (writer, text, document, annotator, i == 0, regions, &region);
      g_string_append (text, "]}");
    }

  g_string_append (text, "]}");

  if (!gloss_json_write (writer->output, text, error))
    return FALSE;

  writer->n_tasks++;
  writer->report->documents++;
  writer->report->spans += document->spans->len;

  return TRUE;
}

/* Definitions by name; SOURCE may have none. */
static GHashTable *
index_by_name (GPtrArray *definitions)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  /* Each definition struct starts with its name. */
  for (guint i = 0; definitions != NULL && i < definitions->len; i++)
    {
      char **name = g_ptr_array_index (definitions, i);

      g_hash_table_insert (names, *name, name);
    }

  return names;
}

static gboolean
gloss_format_labelstudio_write (GlossDatasetSource  *source,
                                GlossFormatOutput   *output,
                                GlossFormatReport   *report,
                                GError             **error)
{
  g_autoptr(GString) text = g_string_sized_new (4096);
  g_autoptr(GHashTable) used_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  g_autoptr(GHashTable) relation_labels = index_by_name (source->relation_labels);
  g_autoptr(GHashTable) attributes = index_by_name (source->attributes);
  Writer writer = { output, report, text, used_labels, relation_labels, attributes };

  g_string_assign (text, "[");
  if (!gloss_json_write (output, text, error))
    return FALSE;

  if (!source->foreach (source, write_document_cb, &writer, error))
    return FALSE;

  g_string_assign (text, writer.n_tasks > 0 ? "\n]\n" : "]\n");
  if (!gloss_json_write (output, text, error))
    return FALSE;

  gloss_json_report_lost_labels (report, source->labels, used_labels);
  gloss_json_report_lost_definitions (report, source, TRUE);

  return TRUE;
}

/* What a whole file's reading has to tell at the end. */
typedef struct
{
  const GlossJsonFile *file;
  GlossDataset *dataset;
  GlossFormatReport *report;
  guint n_predictions;
  guint n_unnamed;
  guint n_ignored;
  GHashTable *ignored_types;
  GHashTable *uploads;   /* file_upload -> how many tasks came from it */
} Reader;

/* completed_by is a user id in Label Studio's own exports, a user object in
 * some, and a name in files written by hand or by Gloss. */
static gboolean
read_annotator (Reader      *reader,
                JsonObject  *annotation,
                const char  *where,
                gboolean     prediction,
                char       **annotator,
                GError     **error)
{
  const char *member = prediction ? "model_version" : "completed_by";
  JsonNode *node = json_object_get_member (annotation, member);
  gint64 id;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *annotator = g_strdup ("");
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *annotator = g_strdup (json_node_get_string (node));
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *annotator = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (node) && !prediction)
    {
      JsonObject *user = json_node_get_object (node);
      JsonNode *email = json_object_get_member (user, "email");
      JsonNode *user_id = json_object_get_member (user, "id");
      g_autofree char *user_where = g_strdup_printf ("%s.completed_by", where);

      if (email != NULL && !JSON_NODE_HOLDS_NULL (email))
        {
          const char *address = gloss_json_node_get_string (reader->file, email, user_where,
                                                            error);
          if (address == NULL)
            return FALSE;
          *annotator = g_strdup (address);
          return TRUE;
        }

      if (user_id != NULL)
        {
          if (!gloss_json_node_get_int (reader->file, user_id, user_where, &id, error))
            return FALSE;
          *annotator = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          return TRUE;
        }

      *annotator = g_strdup ("");
      return TRUE;
    }

  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, reader->file, where,
                        _("“%s” should be a name or a user id, not %s"), member,
                        gloss_json_describe_node (node));
  return FALSE;
}

static gboolean
read_labels_result (Reader                *reader,
                    JsonObject            *result,
                    const char            *where,
                    GlossDatasetDocument  *document,
                    GlossFormatText       *document_text,
                    const char            *annotator,
                    GHashTable            *regions,
                    GError               **error)
{
  g_autofree char *value_where = g_strdup_printf ("%s.value", where);
  const GlossJsonFile *file = reader->file;
  JsonObject *value = NULL;
  JsonArray *labels = NULL;
  const char *region_id = NULL;
  const char *text = NULL;
  gint64 start;
  gint64 end;

  if (!gloss_json_get_string (file, result, where, "id", FALSE, &region_id, error) ||
      !gloss_json_get_object (file, result, where, "value", TRUE, &value, error) ||
      !gloss_json_get_int (file, value, value_where, "start", &start, error) ||
      !gloss_json_get_int (file, value, value_where, "end", &end, error) ||
      !gloss_json_get_string (file, value, value_where, "text", FALSE, &text, error) ||
      !gloss_json_get_array (file, value, value_where, "labels", TRUE, &labels, error))
    return FALSE;

  if (json_array_get_length (labels) == 0)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, value_where,
                            _("the region has no label"));
      return FALSE;
    }

  if (!gloss_json_check_span (file, where, document_text, start, end, text, error))
    return FALSE;

  /* A region may carry several labels (Labels with choice="multiple"):
   * Gloss holds one label a span, so it becomes one span a label. */
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      g_autofree char *label_where = g_strdup_printf ("%s.labels[%u]", value_where, i);
      GlossDatasetLabel *dataset_label;
      GlossDatasetSpan *span;
      const char *label;

      label = gloss_json_node_get_string (file, json_array_get_element (labels, i), label_where,
                                          error);
      if (label == NULL)
        return FALSE;

      dataset_label = gloss_format_ensure_label (reader->dataset, label, reader->report,
                                                 "%s file %s, %s", file->kind, file->display,
                                                 label_where);
      if (dataset_label == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                _("a region needs a label"));
          return FALSE;
        }

      span = gloss_dataset_document_add_span (document, start, end, dataset_label->name,
                                              annotator, NULL);

      if (region_id != NULL)
        {
          GPtrArray *spans = g_hash_table_lookup (regions, region_id);

          if (spans == NULL)
            {
              spans = g_ptr_array_new ();
              g_hash_table_insert (regions, g_strdup (region_id), spans);
            }
          g_ptr_array_add (spans, span);
        }
    }

  return TRUE;
}

/* Sets the attribute NAME (defined as KIND if it is new) to VALUE on each
 * span of a region, the last value winning; a choice attribute gains VALUE
 * among its values. */
static void
set_region_attribute (Reader             *reader,
                      GPtrArray          *spans,
                      const char         *name,
                      GlossAttributeKind  kind,
                      const char         *value)
{
  GlossDatasetAttribute *attribute = gloss_dataset_ensure_attribute (reader->dataset, name, kind);

  if (attribute->kind == GLOSS_ATTRIBUTE_KIND_CHOICE)
    gloss_dataset_attribute_add_value (attribute, value);
  for (guint i = 0; i < spans->len; i++)
    gloss_dataset_span_set_attribute (g_ptr_array_index (spans, i), name, value);
}

/* A per-region TextArea: its text becomes the note of the region's spans.
 * FALSE with no error when it belongs to no region of this annotation. */
static gboolean
read_note_result (Reader      *reader,
                  JsonObject  *result,
                  const char  *where,
                  GHashTable  *regions,
                  GHashTable  *notes,
                  gboolean    *attached,
                  GError     **error)
{
  g_autofree char *value_where = g_strdup_printf ("%s.value", where);
  g_autoptr(GString) note = g_string_new (NULL);
  const GlossJsonFile *file = reader->file;
  const char *region_id = NULL;
  const char *from_name = NULL;
  JsonObject *value = NULL;
  JsonNode *text;
  GPtrArray *spans;
  GString *joined;

  *attached = FALSE;

  if (!gloss_json_get_string (file, result, where, "id", FALSE, &region_id, error) ||
      !gloss_json_get_string (file, result, where, "from_name", FALSE, &from_name, error))
    return FALSE;

  spans = region_id != NULL ? g_hash_table_lookup (regions, region_id) : NULL;
  if (spans == NULL)
    return TRUE;

  if (!gloss_json_get_object (file, result, where, "value", TRUE, &value, error))
    return FALSE;

  text = json_object_get_member (value, "text");
  if (text != NULL && JSON_NODE_HOLDS_ARRAY (text))
    {
      JsonArray *lines = json_node_get_array (text);

      for (guint i = 0; i < json_array_get_length (lines); i++)
        {
          g_autofree char *line_where = g_strdup_printf ("%s.text[%u]", value_where, i);
          const char *line;

          line = gloss_json_node_get_string (file, json_array_get_element (lines, i), line_where,
                                             error);
          if (line == NULL)
            return FALSE;
          if (i > 0)
            g_string_append_c (note, '\n');
          g_string_append (note, line);
        }
    }
  else
    {
      const char *line;

      if (!gloss_json_get_string (file, value, value_where, "text", TRUE, &line, error))
        return FALSE;
      g_string_append (note, line);
    }

  /* Any other per-region text area is a span attribute of free text. */
  if (from_name != NULL && !g_str_equal (from_name, "note"))
    {
      if (from_name[0] == '\0')
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("“from_name” is empty"));
          return FALSE;
        }
      set_region_attribute (reader, spans, from_name, GLOSS_ATTRIBUTE_KIND_TEXT, note->str);
      *attached = TRUE;
      return TRUE;
    }

  /* Joined here and given to the spans once the annotation is read:
   * joining each note onto the spans' notes made many notes on one region
   * quadratic. */
  joined = g_hash_table_lookup (notes, region_id);
  if (joined == NULL)
    g_hash_table_insert (notes, g_strdup (region_id), g_string_new (note->str));
  else
    {
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, note->str);
    }

  *attached = TRUE;
  return TRUE;
}

static void ignore_result (Reader     *reader,
                           const char *type);

/* A Choices result: with the id of a region, a span attribute (Label
 * Studio's perRegion choices); with no region and no offsets, the task's
 * own choices, which are categories of the document, FROM_NAME naming
 * their set. */
static gboolean
read_choices_result (Reader                *reader,
                     JsonObject            *result,
                     const char            *where,
                     GlossDatasetDocument  *document,
                     GHashTable            *regions,
                     GError               **error)
{
  g_autofree char *value_where = g_strdup_printf ("%s.value", where);
  const GlossJsonFile *file = reader->file;
  const char *region_id = NULL;
  const char *from_name = NULL;
  JsonObject *value = NULL;
  JsonArray *choices = NULL;
  GPtrArray *spans;

  if (!gloss_json_get_string (file, result, where, "id", FALSE, &region_id, error) ||
      !gloss_json_get_string (file, result, where, "from_name", FALSE, &from_name, error) ||
      !gloss_json_get_object (file, result, where, "value", TRUE, &value, error) ||
      !gloss_json_get_array (file, value, value_where, "choices", TRUE, &choices, error))
    return FALSE;

  spans = region_id != NULL ? g_hash_table_lookup (regions, region_id) : NULL;
  if (spans == NULL && json_object_has_member (value, "start"))
    {
      /* Per-region choices whose region is not in this annotation. */
      ignore_result (reader, "choices");
      return TRUE;
    }

  if (from_name != NULL && from_name[0] == '\0')
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("“from_name” is empty"));
      return FALSE;
    }
  if (spans != NULL && from_name == NULL)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("per-region choices need a “from_name” to name their attribute"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (choices); i++)
    {
      g_autofree char *choice_where = g_strdup_printf ("%s.choices[%u]", value_where, i);
      const char *choice;

      choice = gloss_json_node_get_string (file, json_array_get_element (choices, i),
                                           choice_where, error);
      if (choice == NULL)
        return FALSE;
      if (choice[0] == '\0')
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, choice_where,
                                _("the choice is empty"));
          return FALSE;
        }

      if (spans == NULL)
        {
          gloss_dataset_add_choice (reader->dataset, document,
                                    from_name != NULL ? from_name : GLOSS_FORMAT_CATEGORY_SET,
                                    choice);
          continue;
        }

      /* A span holds one value of an attribute. */
      if (i > 0)
        {
          gloss_format_report_lose (reader->report,
                                    "choice of a region beyond its first of one attribute",
                                    "choices of regions beyond their first of one attribute", 1);
          continue;
        }
      set_region_attribute (reader, spans, from_name, GLOSS_ATTRIBUTE_KIND_CHOICE, choice);
    }

  return TRUE;
}

/* The first span of the region named by the string MEMBER of RESULT. */
static GlossDatasetSpan *
find_region (Reader      *reader,
             JsonObject  *result,
             const char  *where,
             const char  *member,
             GHashTable  *regions,
             const char **region_id,
             GError     **error)
{
  GPtrArray *spans;

  if (!gloss_json_get_string (reader->file, result, where, member, TRUE, region_id, error))
    return NULL;

  spans = g_hash_table_lookup (regions, *region_id);
  if (spans == NULL || spans->len == 0)
    {
      g_autofree char *shown = gloss_format_excerpt (*region_id, -1);

      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, reader->file, where,
                            _("“%s” “%s” is the id of no labeled region of this annotation"),
                            member, shown);
      return NULL;
    }

  return g_ptr_array_index (spans, 0);
}

/* {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right",
 *  "labels": ["opposes"]}: one relation a label, "left" read from "to_id"
 * to "from_id", "bi" as a relation without direction. */
static gboolean
read_relation_result (Reader                *reader,
                      JsonObject            *result,
                      const char            *where,
                      GlossDatasetDocument  *document,
                      const char            *annotator,
                      GHashTable            *regions,
                      GError               **error)
{
  const GlossJsonFile *file = reader->file;
  const char *from_id = NULL;
  const char *to_id = NULL;
  const char *direction = NULL;
  JsonArray *labels = NULL;
  GlossDatasetSpan *from;
  GlossDatasetSpan *to;
  gboolean both = FALSE;

  if ((from = find_region (reader, result, where, "from_id", regions, &from_id, error)) == NULL ||
      (to = find_region (reader, result, where, "to_id", regions, &to_id, error)) == NULL ||
      !gloss_json_get_string (file, result, where, "direction", FALSE, &direction, error) ||
      !gloss_json_get_array (file, result, where, "labels", FALSE, &labels, error))
    return FALSE;

  if (g_str_equal (from_id, to_id))
    {
      g_autofree char *shown = gloss_format_excerpt (from_id, -1);

      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("the relation joins the region “%s” to itself"), shown);
      return FALSE;
    }

  if (direction == NULL || g_str_equal (direction, "right"))
    ;
  else if (g_str_equal (direction, "left"))
    {
      GlossDatasetSpan *swap = from;

      from = to;
      to = swap;
    }
  else if (g_str_equal (direction, "bi"))
    both = TRUE;
  else
    {
      g_autofree char *shown = gloss_format_excerpt (direction, -1);

      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("“direction” should be right, left or bi, not “%s”"), shown);
      return FALSE;
    }

  if (labels == NULL || json_array_get_length (labels) == 0)
    {
      /* Gloss names every relation by its label. */
      gloss_format_report_lose (reader->report, "relation without a label",
                                "relations without a label", 1);
      return TRUE;
    }

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      g_autofree char *label_where = g_strdup_printf ("%s.labels[%u]", where, i);
      GlossDatasetRelationLabel *label;
      const char *name;

      name = gloss_json_node_get_string (file, json_array_get_element (labels, i), label_where,
                                         error);
      if (name == NULL)
        return FALSE;
      if (name[0] == '\0')
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                _("a relation label is empty"));
          return FALSE;
        }

      label = gloss_dataset_ensure_relation_label (reader->dataset, name);
      if (both)
        label->directed = FALSE;
      gloss_dataset_document_add_relation (document, name, from, to, annotator, NULL);
    }

  return TRUE;
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
ignore_result (Reader     *reader,
               const char *type)
{
  reader->n_ignored++;
  if (type != NULL && !g_hash_table_contains (reader->ignored_types, type))
    g_hash_table_add (reader->ignored_types, g_strdup (type));
}

static gboolean
read_annotation (Reader                *reader,
                 JsonNode              *node,
                 const char            *where,
                 gboolean               prediction,
                 GlossDatasetDocument  *document,
                 GlossFormatText       *document_text,
                 GError               **error)
{
  const GlossJsonFile *file = reader->file;
  g_autoptr(GHashTable) regions = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autofree char *annotator = NULL;
  GHashTableIter iter;
  gpointer key, value;
  JsonObject *annotation;
  JsonArray *results = NULL;
  guint n_results;

  annotation = gloss_json_node_get_object (file, node, where, error);
  if (annotation == NULL ||
      !read_annotator (reader, annotation, where, prediction, &annotator, error) ||
      !gloss_json_get_array (file, annotation, where, "result", FALSE, &results, error))
    return FALSE;

  if (results == NULL)
    return TRUE;

  regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
  n_results = json_array_get_length (results);

  /* Regions first, so that a note may come before or after its region. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_results; i++)
      {
        g_autofree char *result_where = g_strdup_printf ("%s.result[%u]", where, i);
        JsonObject *result;
        const char *type = NULL;

        result = gloss_json_node_get_object (file, json_array_get_element (results, i),
                                             result_where, error);
        if (result == NULL ||
            !gloss_json_get_string (file, result, result_where, "type", FALSE, &type, error))
          return FALSE;

        if (g_strcmp0 (type, "labels") == 0)
          {
            if (pass == 0 &&
                !read_labels_result (reader, result, result_where, document, document_text,
                                     annotator, regions, error))
              return FALSE;
          }
        else if (pass == 0)
          {
            continue;
          }
        else if (g_strcmp0 (type, "textarea") == 0)
          {
            gboolean attached;

            if (!read_note_result (reader, result, result_where, regions, notes, &attached,
                                   error))
              return FALSE;
            if (!attached)
              ignore_result (reader, type);
          }
        else if (g_strcmp0 (type, "choices") == 0)
          {
            if (!read_choices_result (reader, result, result_where, document, regions, error))
              return FALSE;
          }
        else if (g_strcmp0 (type, "relation") == 0)
          {
            if (!read_relation_result (reader, result, result_where, document, annotator,
                                       regions, error))
              return FALSE;
          }
        else
          {
            ignore_result (reader, type != NULL ? type : _("(no type)"));
          }
      }

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *spans = g_hash_table_lookup (regions, key);

      for (guint i = 0; i < spans->len; i++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (spans, i);

          g_free (span->note);
          span->note = g_strdup (((GString *) value)->str);
        }
    }

  return TRUE;
}

/* The name of the file a task was made from, without the eight hex digits
 * and dash Label Studio puts in front of an upload ("1a2b3c4d-article.txt"). */
static const char *
get_upload_name (JsonObject *task)
{
  JsonNode *node = json_object_get_member (task, "file_upload");
  const char *upload;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  upload = json_node_get_string (node);
  if (strlen (upload) > 9 && upload[8] == '-' && strspn (upload, "0123456789abcdef") == 8)
    upload += 9;

  return upload[0] != '\0' ? upload : NULL;
}

/* A task without data.name is named after what Label Studio keeps of where
 * it came from: a title beside its text, else the file it was uploaded in
 * (numbered when several tasks came from one file), else its id. */
static char *
name_task (Reader     *reader,
           JsonObject *task,
           JsonObject *data,
           guint       index)
{
  static const char * const data_members[] = { "title", "filename", "file_name", "document" };
  JsonNode *id = json_object_get_member (task, "id");
  g_autofree char *number = NULL;
  const char *upload;

  for (guint i = 0; i < G_N_ELEMENTS (data_members); i++)
    {
      JsonNode *node = json_object_get_member (data, data_members[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING && json_node_get_string (node)[0] != '\0')
        return g_strdup (json_node_get_string (node));
    }

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
  else
    number = g_strdup_printf ("%u", index + 1);

  upload = get_upload_name (task);
  if (upload != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (reader->uploads, upload)) > 1)
    return g_strdup_printf ("%s #%s", upload, number);
  if (upload != NULL)
    return g_strdup (upload);

  reader->n_unnamed++;
  return g_strdup_printf ("task-%s", number);
}

/* A record of Label Studio's JSON-MIN export: one annotation, with its
 * task's data and its regions side by side, the regions under the name of
 * their Labels tag:
 *
 *   {"id": 1, "text": ..., "label": [{"start": 0, "end": 5, "text": ...,
 *    "labels": ["LABEL"]}], "annotator": 3, "annotation_id": 7, ...} */
static gboolean
read_min_task (Reader      *reader,
               JsonObject  *task,
               const char  *where,
               guint        index,
               GError     **error)
{
  const GlossJsonFile *file = reader->file;
  g_autoptr(GlossDatasetDocument) document = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *fallback_name = NULL;
  g_autofree char *annotator = NULL;
  JsonNode *annotator_node;
  const char *text;
  const char *name;
  g_auto(GlossFormatText) document_text = { 0 };

  if (!gloss_json_get_string (file, task, where, "text", TRUE, &text, error) ||
      !gloss_json_get_string (file, task, where, "name", FALSE, &name, error))
    return FALSE;
  if (name == NULL)
    name = fallback_name = name_task (reader, task, task, index);

  /* A user id, or an email in newer releases. */
  annotator_node = json_object_get_member (task, "annotator");
  if (annotator_node != NULL && JSON_NODE_HOLDS_VALUE (annotator_node) &&
      json_node_get_value_type (annotator_node) == G_TYPE_INT64)
    annotator = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (annotator_node));
  else if (annotator_node != NULL && JSON_NODE_HOLDS_VALUE (annotator_node) &&
           json_node_get_value_type (annotator_node) == G_TYPE_STRING)
    annotator = g_strdup (json_node_get_string (annotator_node));
  else
    annotator = g_strdup ("");

  document = gloss_dataset_document_new (name, text);
  gloss_format_text_init (&document_text, document->text);

  /* Regions are lists of objects with "labels"; other members are data,
   * or results Gloss does not read (a list of choices, of spans without
   * labels), which the report names. */
  members = json_object_get_members (task);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (task, l->data);
      JsonArray *regions;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        continue;
      regions = json_node_get_array (member);
      if (json_array_get_length (regions) == 0)
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (regions, 0)) ||
          !json_object_has_member (json_array_get_object_element (regions, 0), "labels"))
        {
          ignore_result (reader, l->data);
          continue;
        }

      for (guint i = 0; i < json_array_get_length (regions); i++)
        {
          g_autofree char *region_where = g_strdup_printf ("%s.%s[%u]", where,
                                                           (const char *) l->data, i);
          JsonObject *region;
          JsonArray *labels = NULL;
          const char *region_text = NULL;
          gint64 start, end;

          region = gloss_json_node_get_object (file, json_array_get_element (regions, i),
                                               region_where, error);
          if (region == NULL ||
              !gloss_json_get_int (file, region, region_where, "start", &start, error) ||
              !gloss_json_get_int (file, region, region_where, "end", &end, error) ||
              !gloss_json_get_string (file, region, region_where, "text", FALSE, &region_text,
                                      error) ||
              !gloss_json_get_array (file, region, region_where, "labels", TRUE, &labels, error) ||
              !gloss_json_check_span (file, region_where, &document_text, start, end,
                                      region_text, error))
            return FALSE;
          if (json_array_get_length (labels) == 0)
            {
              gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, region_where,
                                    _("the region has no label"));
              return FALSE;
            }

          for (guint j = 0; j < json_array_get_length (labels); j++)
            {
              g_autofree char *label_where = g_strdup_printf ("%s.labels[%u]", region_where, j);
              const char *label = gloss_json_node_get_string (file,
                                                              json_array_get_element (labels, j),
                                                              label_where, error);
              GlossDatasetLabel *dataset_label;

              if (label == NULL)
                return FALSE;
              dataset_label = gloss_format_ensure_label (reader->dataset, label, reader->report,
                                                         "%s file %s, %s", file->kind,
                                                         file->display, label_where);
              if (dataset_label == NULL)
                {
                  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                        _("a region needs a label"));
                  return FALSE;
                }
              gloss_dataset_document_add_span (document, start, end, dataset_label->name,
                                               annotator, NULL);
            }
        }
    }

  g_ptr_array_add (reader->dataset->documents, g_steal_pointer (&document));

  return TRUE;
}

static gboolean
read_task (Reader     *reader,
           JsonNode   *node,
           guint       index,
           GError    **error)
{
  static const char * const annotation_members[] = { "annotations", "completions", "predictions" };
  const GlossJsonFile *file = reader->file;
  g_autoptr(GlossDatasetDocument) document = NULL;
  g_autofree char *where = g_strdup_printf ("tasks[%u]", index);
  g_autofree char *data_where = g_strdup_printf ("tasks[%u].data", index);
  g_autofree char *fallback_name = NULL;
  JsonObject *task;
  JsonObject *data = NULL;
  const char *text;
  const char *name;
  const char *status;
  g_auto(GlossFormatText) document_text = { 0 };

  task = gloss_json_node_get_object (file, node, where, error);
  if (task != NULL && !json_object_has_member (task, "data") &&
      json_object_has_member (task, "text"))
    return read_min_task (reader, task, where, index, error);

  if (task == NULL ||
      !gloss_json_get_object (file, task, where, "data", TRUE, &data, error) ||
      !gloss_json_get_string (file, data, data_where, "text", TRUE, &text, error) ||
      !gloss_json_get_string (file, data, data_where, "name", FALSE, &name, error) ||
      !gloss_json_get_string (file, data, data_where, "gloss_status", FALSE, &status, error))
    return FALSE;

  if (name == NULL)
    name = fallback_name = name_task (reader, task, data, index);

  document = gloss_dataset_document_new (name, text);
  gloss_format_text_init (&document_text, document->text);

  if (status != NULL && !gloss_document_status_from_string (status, &document->status))
    {
      g_autofree char *shown = gloss_format_excerpt (status, -1);

      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, data_where,
                            _("the status “%s” is none of new, in-progress, done"), shown);
      return FALSE;
    }

  for (guint m = 0; m < G_N_ELEMENTS (annotation_members); m++)
    {
      gboolean prediction = g_str_equal (annotation_members[m], "predictions");
      JsonArray *annotations = NULL;

      if (!gloss_json_get_array (file, task, where, annotation_members[m], FALSE, &annotations,
                                 error))
        return FALSE;

      for (guint i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
        {
          g_autofree char *annotation_where = g_strdup_printf ("%s.%s[%u]", where,
                                                               annotation_members[m], i);

          if (!read_annotation (reader, json_array_get_element (annotations, i),
                                annotation_where, prediction, document, &document_text,
                                error))
            return FALSE;
          reader->n_predictions += prediction;
        }
    }

  g_ptr_array_add (reader->dataset->documents, g_steal_pointer (&document));

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
report_reading (Reader            *reader,
                GlossFormatReport *report)
{
  const char *display = reader->file->display;

  if (reader->n_predictions > 0)
    gloss_format_report_warn (report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Label Studio file %s: %u prediction was read as an "
                                           "annotation by its model version",
                                           "Label Studio file %s: %u predictions were read as "
                                           "annotations by their model version",
                                           reader->n_predictions),
                              display, reader->n_predictions);

  if (reader->n_unnamed > 0)
    gloss_format_report_warn (report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Label Studio file %s: %u task has no data.name; "
                                           "it is named task-ID",
                                           "Label Studio file %s: %u tasks have no data.name; "
                                           "they are named task-ID",
                                           reader->n_unnamed),
                              display, reader->n_unnamed);

  if (reader->n_ignored > 0)
    {
      g_autofree const char **types = NULL;
      g_autoptr(GString) list = g_string_new (NULL);
      guint n_types;

      types = (const char **) g_hash_table_get_keys_as_array (reader->ignored_types, &n_types);
      g_qsort_with_data (types, n_types, sizeof (char *), compare_names, NULL);
      /* A file may hold any number of types, of any length: the warning
       * names the first few. */
      for (guint i = 0; i < MIN (n_types, 10); i++)
        {
          g_autofree char *shown = gloss_format_excerpt (types[i], -1);

          g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", shown);
        }
      if (n_types > 10)
        g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " and %u other",
                                                   " and %u others", n_types - 10),
                                n_types - 10);
      gloss_format_report_warn (report,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "Label Studio file %s: Gloss reads labeled regions "
                                             "and their notes; it ignored %u result (%s)",
                                             "Label Studio file %s: Gloss reads labeled regions "
                                             "and their notes; it ignored %u results (%s)",
                                             reader->n_ignored),
                                display, reader->n_ignored, list->str);
    }
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
  g_autoptr(GHashTable) ignored_types = NULL;
  g_autoptr(GHashTable) uploads = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *tasks;
  Reader reader = { file };

  root = gloss_json_parse (file, data, length, 1, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, NULL,
                            _("expected a list of tasks, found %s"),
                            gloss_json_describe_node (root));
      return NULL;
    }

  dataset = gloss_dataset_new ();
  ignored_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uploads = g_hash_table_new (g_str_hash, g_str_equal);
  reader.dataset = dataset;
  reader.report = report;
  reader.ignored_types = ignored_types;
  reader.uploads = uploads;

  tasks = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonNode *task = json_array_get_element (tasks, i);
      const char *upload = JSON_NODE_HOLDS_OBJECT (task)
                           ? get_upload_name (json_node_get_object (task)) : NULL;

      if (upload != NULL)
        g_hash_table_insert (uploads, (gpointer) upload,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (uploads,
                                                                                      upload)) + 1));
    }
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    if (!read_task (&reader, json_array_get_element (tasks, i), i, error))
      return NULL;

  report_reading (&reader, report);

  /* A yes/no attribute is written as choices whose one value is "true". */
  for (guint i = 0; i < dataset->attributes->len; i++)
    {
      GlossDatasetAttribute *attribute = g_ptr_array_index (dataset->attributes, i);

      if (attribute->kind == GLOSS_ATTRIBUTE_KIND_CHOICE && attribute->values->len == 1 &&
          g_str_equal (g_ptr_array_index (attribute->values, 0), "true"))
        {
          attribute->kind = GLOSS_ATTRIBUTE_KIND_FLAG;
          g_ptr_array_set_size (attribute->values, 0);
        }
    }

  return g_steal_pointer (&dataset);
}

static GlossDataset *
gloss_format_labelstudio_read (const char         *path,
                               GlossFormatReport  *report,
                               GError            **error)
{
  return gloss_json_read_dataset ("Label Studio", path, NULL, read_text, report, error);
}

/* The reader on a file's contents in memory; NAME names it in messages. */
GlossDataset *
gloss_format_labelstudio_read_data (const char         *name,
                                    const char         *data,
                                    gsize               length,
                                    GlossFormatReport  *report,
                                    GError            **error)
{
  g_autoptr(GBytes) contents = g_bytes_new_static (data, length);

  g_return_val_if_fail (name != NULL, NULL);

  return gloss_json_read_dataset ("Label Studio", name, contents, read_text, report, error);
}

const GlossFormat gloss_format_labelstudio = {
  .name = "labelstudio",
  .title = "Label Studio JSON",
  .extensions = extensions,
  .target = GLOSS_FORMAT_TARGET_FILE,
  .read = gloss_format_labelstudio_read,
  .write = gloss_format_labelstudio_write,
};
