/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Gloss JSONL, the native dataset format: everything a project holds but
 * its history, so that a project can be moved, merged or kept under version
 * control as text. The first line is the label set and the other
 * definitions, then one document a line:
 *
 *   {"gloss": 2, "labels": [{"name": ..., "color": ..., "hotkey": ..., "description": ...}],
 *    "relation_labels": [{"name": ..., "color": ..., "hotkey": ..., "description": ...,
 *      "directed": true}],
 *    "attributes": [{"name": ..., "kind": "flag" | "choice" | "text", "labels": [...],
 *      "values": [...]}],
 *    "category_sets": [{"name": ..., "multiple": false, "values": [{"name": ..., "hotkey": ...}]}]}
 *   {"name": ..., "status": ..., "text": ..., "spans": [{"start": ..., "end": ...,
 *     "label": ..., "text": ..., "annotator": ..., "note": ..., "part_of": I,
 *     "attributes": {NAME: VALUE}}],
 *    "relations": [{"label": ..., "from": I, "to": J, "annotator": ..., "note": ...}],
 *    "categories": [{"set": ..., "value": ...}]}
 *
 * Offsets are code points. A span repeats its text so that a reader (or a
 * person) can check the offsets; reading refuses a span whose text differs.
 * A relation names its spans by their place in the document's "spans". A
 * yes/no attribute that is set has the value true; a choice attribute's
 * value is one of its "values". The members of the first line but "labels",
 * and those of a document or span after "spans" or "note", are written only
 * when not empty, and then as version 2, which an older Gloss refuses
 * rather than dropping what it does not know: a dataset without them is
 * the same version 1 file as before. A further part of a discontinuous
 * span names its first part by its place in "spans" ("part_of", an
 * earlier span of the same label and no part itself; a group's parts come
 * in order and apart, as brat's fragments do); a dataset with parts is version 3, since a Gloss that does not
 * know them would read each part as a span of its own. Writing is
 * deterministic: the same dataset gives the same bytes. */

#define G_LOG_DOMAIN "gloss-format-gloss"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format-reader.h"
#include "gloss-json.h"
#include "gloss-offsets.h"

/* The newest version this Gloss reads, and the one it writes when a
 * dataset has discontinuous spans. */
#define GLOSS_DATASET_VERSION 3
/* The version of a dataset with relations, attributes or categories. */
#define GLOSS_DATASET_VERSION_EXTRAS 2
/* The version of a dataset with labels and spans only. */
#define GLOSS_DATASET_VERSION_SPANS 1

static const char * const extensions[] = { ".gloss.jsonl", NULL };

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GString *line;
  GHashTable *attributes;   /* name -> GlossDatasetAttribute, of the source */
} Writer;

static void
append_member (GString    *line,
               gboolean    first,
               const char *name)
{
  if (!first)
    g_string_append (line, ", ");
  gloss_json_append_string (line, name);
  g_string_append (line, ": ");
}

static void
append_string_member (GString    *line,
                      gboolean    first,
                      const char *name,
                      const char *value)
{
  append_member (line, first, name);
  gloss_json_append_string (line, value != NULL ? value : "");
}

static void
append_int_member (GString    *line,
                   gboolean    first,
                   const char *name,
                   gint64      value)
{
  append_member (line, first, name);
  gloss_json_append_int (line, value);
}

static void
append_color_member (GString    *line,
                     const char *name,
                     const char *color)
{
  append_member (line, FALSE, name);
  if (color != NULL)
    gloss_json_append_string (line, color);
  else
    g_string_append (line, "null");
}

static void
append_bool_member (GString    *line,
                    const char *name,
                    gboolean    value)
{
  append_member (line, FALSE, name);
  g_string_append (line, value ? "true" : "false");
}

static void
append_strings (GString   *line,
                GPtrArray *strings)
{
  g_string_append_c (line, '[');
  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append (line, ", ");
      gloss_json_append_string (line, g_ptr_array_index (strings, i));
    }
  g_string_append_c (line, ']');
}

static gboolean
is_empty (GPtrArray *array)
{
  return array == NULL || array->len == 0;
}

static void
append_relation_labels (GString   *line,
                        GPtrArray *labels)
{
  append_member (line, FALSE, "relation_labels");
  g_string_append_c (line, '[');
  for (guint i = 0; i < labels->len; i++)
    {
      GlossDatasetRelationLabel *label = g_ptr_array_index (labels, i);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "name", label->name);
      append_color_member (line, "color", label->color);
      append_string_member (line, FALSE, "hotkey", label->hotkey);
      append_string_member (line, FALSE, "description", label->description);
      append_bool_member (line, "directed", label->directed);
      g_string_append_c (line, '}');
    }
  g_string_append_c (line, ']');
}

static void
append_attributes (GString   *line,
                   GPtrArray *attributes)
{
  append_member (line, FALSE, "attributes");
  g_string_append_c (line, '[');
  for (guint i = 0; i < attributes->len; i++)
    {
      GlossDatasetAttribute *attribute = g_ptr_array_index (attributes, i);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "name", attribute->name);
      append_string_member (line, FALSE, "kind", gloss_attribute_kind_to_string (attribute->kind));
      append_member (line, FALSE, "labels");
      append_strings (line, attribute->labels);
      append_member (line, FALSE, "values");
      append_strings (line, attribute->values);
      g_string_append_c (line, '}');
    }
  g_string_append_c (line, ']');
}

static void
append_category_sets (GString   *line,
                      GPtrArray *sets)
{
  append_member (line, FALSE, "category_sets");
  g_string_append_c (line, '[');
  for (guint i = 0; i < sets->len; i++)
    {
      GlossDatasetCategorySet *set = g_ptr_array_index (sets, i);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "name", set->name);
      append_bool_member (line, "multiple", set->multiple);
      append_member (line, FALSE, "values");
      g_string_append_c (line, '[');
      for (guint j = 0; j < set->values->len; j++)
        {
          GlossDatasetCategoryValue *value = g_ptr_array_index (set->values, j);

          if (j > 0)
            g_string_append (line, ", ");
          g_string_append_c (line, '{');
          append_string_member (line, TRUE, "name", value->name);
          append_string_member (line, FALSE, "hotkey", value->hotkey);
          g_string_append_c (line, '}');
        }
      g_string_append (line, "]}");
    }
  g_string_append_c (line, ']');
}

static gboolean
write_header (Writer              *writer,
              GlossDatasetSource  *source,
              GError             **error)
{
  GString *line = writer->line;
  gboolean spans_only = is_empty (source->relation_labels) && is_empty (source->attributes) &&
                        is_empty (source->category_sets);

  g_string_truncate (line, 0);
  g_string_append_c (line, '{');
  append_int_member (line, TRUE, "gloss",
                     source->has_parts ? GLOSS_DATASET_VERSION
                     : spans_only ? GLOSS_DATASET_VERSION_SPANS : GLOSS_DATASET_VERSION_EXTRAS);
  append_member (line, FALSE, "labels");
  g_string_append_c (line, '[');

  for (guint i = 0; i < source->labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (source->labels, i);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "name", label->name);
      append_color_member (line, "color", label->color);
      append_string_member (line, FALSE, "hotkey", label->hotkey);
      append_string_member (line, FALSE, "description", label->description);
      g_string_append_c (line, '}');
    }

  g_string_append_c (line, ']');
  if (!is_empty (source->relation_labels))
    append_relation_labels (line, source->relation_labels);
  if (!is_empty (source->attributes))
    append_attributes (line, source->attributes);
  if (!is_empty (source->category_sets))
    append_category_sets (line, source->category_sets);
  g_string_append (line, "}\n");

  /* What the documents' attribute values are, to write a yes/no one as
   * true. */
  for (guint i = 0; source->attributes != NULL && i < source->attributes->len; i++)
    {
      GlossDatasetAttribute *attribute = g_ptr_array_index (source->attributes, i);

      g_hash_table_insert (writer->attributes, attribute->name, attribute);
    }

  return gloss_json_write (writer->output, line, error);
}

static void
append_span_attributes (Writer           *writer,
                        GlossDatasetSpan *span)
{
  GString *line = writer->line;

  append_member (line, FALSE, "attributes");
  g_string_append_c (line, '{');
  for (guint i = 0; i < span->attributes->len; i++)
    {
      GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, i);
      GlossDatasetAttribute *attribute = g_hash_table_lookup (writer->attributes, value->name);

      append_member (line, i == 0, value->name);
      if (attribute != NULL && attribute->kind == GLOSS_ATTRIBUTE_KIND_FLAG &&
          g_str_equal (value->value, "true"))
        g_string_append (line, "true");
      else
        gloss_json_append_string (line, value->value);
    }
  g_string_append_c (line, '}');
}

/* DOCUMENT's relations, each naming its spans by their place in
 * "spans". */
/* PLACES: each span of the document -> its place in "spans". */
static gboolean
append_relations (Writer                *writer,
                  GlossDatasetDocument  *document,
                  GHashTable            *places,
                  GError               **error)
{
  GString *line = writer->line;

  append_member (line, FALSE, "relations");
  g_string_append_c (line, '[');
  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      gpointer from, to;

      if (!g_hash_table_lookup_extended (places, relation->from, NULL, &from) ||
          !g_hash_table_lookup_extended (places, relation->to, NULL, &to))
        {
          /* A source prunes such relations (gloss_dataset_document_prune_relations ()):
           * one left is a mistake, not something to write half. */
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("Document “%s”: a relation “%s” joins a span the document does not "
                         "have"), document->name, relation->type);
          return FALSE;
        }

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "label", relation->type);
      append_int_member (line, FALSE, "from", GPOINTER_TO_UINT (from));
      append_int_member (line, FALSE, "to", GPOINTER_TO_UINT (to));
      append_string_member (line, FALSE, "annotator", relation->annotator);
      append_string_member (line, FALSE, "note", relation->note);
      g_string_append_c (line, '}');
    }
  g_string_append_c (line, ']');

  return TRUE;
}

static void
append_categories (Writer               *writer,
                   GlossDatasetDocument *document)
{
  GString *line = writer->line;

  append_member (line, FALSE, "categories");
  g_string_append_c (line, '[');
  for (guint i = 0; i < document->categories->len; i++)
    {
      GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "set", category->set);
      append_string_member (line, FALSE, "value", category->value);
      g_string_append_c (line, '}');
    }
  g_string_append_c (line, ']');
}

static gboolean
write_document_cb (GlossDatasetDocument  *document,
                   gpointer               user_data,
                   GError               **error)
{
  Writer *writer = user_data;
  GString *line = writer->line;
  gsize text_length = g_utf8_strlen (document->text, -1);
  g_autoptr(GHashTable) places = g_hash_table_new (NULL, NULL);
  GlossOffsetsCursor cursor;

  for (guint i = 0; i < document->spans->len; i++)
    g_hash_table_insert (places, g_ptr_array_index (document->spans, i), GUINT_TO_POINTER (i));

  g_string_truncate (line, 0);
  g_string_append_c (line, '{');
  append_string_member (line, TRUE, "name", document->name);
  append_string_member (line, FALSE, "status", gloss_document_status_to_string (document->status));
  append_string_member (line, FALSE, "text", document->text);
  append_member (line, FALSE, "spans");
  g_string_append_c (line, '[');

  /* Spans come in reading order: the cursor walks the text once. */
  gloss_offsets_cursor_init (&cursor, document->text);
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autofree char *span_text = NULL;

      if (!gloss_json_check_source_span (document, text_length, span, error))
        return FALSE;

      span_text = gloss_offsets_cursor_dup_range (&cursor, span->start, span->end);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_int_member (line, TRUE, "start", span->start);
      append_int_member (line, FALSE, "end", span->end);
      append_string_member (line, FALSE, "label", span->label);
      append_string_member (line, FALSE, "text", span_text);
      append_string_member (line, FALSE, "annotator", span->annotator);
      append_string_member (line, FALSE, "note", span->note);
      if (span->part_of != NULL)
        {
          gpointer first;

          if (!g_hash_table_lookup_extended (places, span->part_of, NULL, &first))
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                           _("Document “%s”: a part of a discontinuous span is without its "
                             "first part"), document->name);
              return FALSE;
            }
          append_int_member (line, FALSE, "part_of", GPOINTER_TO_UINT (first));
        }
      if (!is_empty (span->attributes))
        append_span_attributes (writer, span);
      g_string_append_c (line, '}');
    }

  g_string_append_c (line, ']');
  if (!is_empty (document->relations) && !append_relations (writer, document, places, error))
    return FALSE;
  if (!is_empty (document->categories))
    append_categories (writer, document);
  g_string_append (line, "}\n");

  if (!gloss_json_write (writer->output, line, error))
    return FALSE;

  writer->report->documents++;
  writer->report->spans += document->spans->len;
  writer->report->relations += document->relations->len;

  return TRUE;
}

static gboolean
gloss_format_gloss_write (GlossDatasetSource  *source,
                          GlossFormatOutput   *output,
                          GlossFormatReport   *report,
                          GError             **error)
{
  g_autoptr(GString) line = g_string_sized_new (4096);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  Writer writer = { output, report, line, attributes };

  if (!write_header (&writer, source, error))
    return FALSE;

  return source->foreach (source, write_document_cb, &writer, error);
}

static gboolean
is_color (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/* An optional true or false; *VALUE is left as it is when missing. */
static gboolean
get_boolean (const GlossJsonFile  *file,
             JsonObject           *object,
             const char           *where,
             const char           *member,
             gboolean             *value,
             GError              **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            /* Translators: a member's name, then what it is */
                            _("“%s” should be true or false, not %s"), member,
                            gloss_json_describe_node (node));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
is_blank_string (const char *string)
{
  for (const char *p = string; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* COLOR, a member of a label at WHERE: none, or #rrggbb. */
static gboolean
check_color (const GlossJsonFile  *file,
             const char           *where,
             const char           *color,
             GError              **error)
{
  g_autofree char *shown = NULL;

  if (color == NULL || is_color (color))
    return TRUE;

  shown = gloss_format_excerpt (color, -1);
  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                        _("the color “%s” is not of the form #rrggbb"), shown);
  return FALSE;
}

/* The definitions of the first line that have a name of their own. */
typedef enum
{
  DEFINITION_RELATION_LABEL,
  DEFINITION_ATTRIBUTE,
  DEFINITION_CATEGORY_SET,
  DEFINITION_CATEGORY,
} Definition;

/* NAME, the "name" of a DEFINITION at WHERE: refused when blank or when
 * LISTED already. Each kind keeps messages of its own, whole, for the
 * translations. */
static gboolean
check_definition_name (const GlossJsonFile  *file,
                       const char           *where,
                       Definition            definition,
                       const char           *name,
                       gboolean              listed,
                       GError              **error)
{
  static const char * const unnamed[] = {
    [DEFINITION_RELATION_LABEL] = N_("a relation label needs a name"),
    [DEFINITION_ATTRIBUTE] = N_("an attribute needs a name"),
    [DEFINITION_CATEGORY_SET] = N_("a category set needs a name"),
    [DEFINITION_CATEGORY] = N_("a category needs a name"),
  };
  g_autofree char *shown = NULL;

  if (is_blank_string (name))
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where, "%s",
                            _(unnamed[definition]));
      return FALSE;
    }

  if (!listed)
    return TRUE;

  shown = gloss_format_excerpt (name, -1);
  switch (definition)
    {
    case DEFINITION_RELATION_LABEL:
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("the relation label “%s” is listed twice"), shown);
      break;
    case DEFINITION_ATTRIBUTE:
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("the attribute “%s” is listed twice"), shown);
      break;
    case DEFINITION_CATEGORY_SET:
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("the category set “%s” is listed twice"), shown);
      break;
    case DEFINITION_CATEGORY:
    default:
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("the category “%s” is listed twice"), shown);
      break;
    }

  return FALSE;
}

/* STRINGS, a member of OBJECT, each a string, none twice. */
static gboolean
get_strings (const GlossJsonFile  *file,
             JsonObject           *object,
             const char           *where,
             const char           *member,
             GPtrArray            *strings,
             GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!gloss_json_get_array (file, object, where, member, FALSE, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *string_where = g_strdup_printf ("%s, %s[%u]", where, member, i);
      const char *string;

      string = gloss_json_node_get_string (file, json_array_get_element (array, i), string_where,
                                           error);
      if (string == NULL)
        return FALSE;

      if (!g_hash_table_add (seen, (gpointer) string))
        {
          g_autofree char *shown = gloss_format_excerpt (string, -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, string_where,
                                _("“%s” is listed twice"), shown);
          return FALSE;
        }

      g_ptr_array_add (strings, g_strdup (string));
    }

  return TRUE;
}

static gboolean
read_relation_labels (const GlossJsonFile  *file,
                      JsonObject           *object,
                      const char           *where,
                      GlossDataset         *dataset,
                      GError              **error)
{
  JsonArray *labels;

  if (!gloss_json_get_array (file, object, where, "relation_labels", FALSE, &labels, error))
    return FALSE;

  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    {
      g_autofree char *label_where = g_strdup_printf ("%s, relation_labels[%u]", where, i);
      GlossDatasetRelationLabel *label;
      JsonObject *label_object;
      const char *name;
      const char *color;
      const char *hotkey;
      const char *description;
      gboolean directed = TRUE;

      label_object = gloss_json_node_get_object (file, json_array_get_element (labels, i),
                                                 label_where, error);
      if (label_object == NULL ||
          !gloss_json_get_string (file, label_object, label_where, "name", TRUE, &name, error) ||
          !gloss_json_get_string (file, label_object, label_where, "color", FALSE, &color, error) ||
          !gloss_json_get_string (file, label_object, label_where, "hotkey", FALSE, &hotkey,
                                  error) ||
          !gloss_json_get_string (file, label_object, label_where, "description", FALSE,
                                  &description, error) ||
          !get_boolean (file, label_object, label_where, "directed", &directed, error))
        return FALSE;

      if (!check_definition_name (file, label_where, DEFINITION_RELATION_LABEL, name,
                                  gloss_dataset_find_relation_label (dataset, name) != NULL,
                                  error) ||
          !check_color (file, label_where, color, error))
        return FALSE;

      label = gloss_dataset_ensure_relation_label (dataset, name);
      label->color = g_strdup (color);
      g_free (label->hotkey);
      label->hotkey = g_strdup (hotkey != NULL ? hotkey : "");
      g_free (label->description);
      label->description = g_strdup (description != NULL ? description : "");
      label->directed = directed;
    }

  return TRUE;
}

static gboolean
read_attributes (const GlossJsonFile  *file,
                 JsonObject           *object,
                 const char           *where,
                 GlossDataset         *dataset,
                 GError              **error)
{
  JsonArray *attributes;

  if (!gloss_json_get_array (file, object, where, "attributes", FALSE, &attributes, error))
    return FALSE;

  for (guint i = 0; attributes != NULL && i < json_array_get_length (attributes); i++)
    {
      g_autofree char *attribute_where = g_strdup_printf ("%s, attributes[%u]", where, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      GlossDatasetAttribute *attribute;
      GlossAttributeKind kind;
      JsonObject *attribute_object;
      const char *name;
      const char *kind_name;

      attribute_object = gloss_json_node_get_object (file, json_array_get_element (attributes, i),
                                                     attribute_where, error);
      if (attribute_object == NULL ||
          !gloss_json_get_string (file, attribute_object, attribute_where, "name", TRUE, &name,
                                  error) ||
          !gloss_json_get_string (file, attribute_object, attribute_where, "kind", TRUE,
                                  &kind_name, error) ||
          !get_strings (file, attribute_object, attribute_where, "labels", labels, error) ||
          !get_strings (file, attribute_object, attribute_where, "values", values, error))
        return FALSE;

      if (!check_definition_name (file, attribute_where, DEFINITION_ATTRIBUTE, name,
                                  gloss_dataset_find_attribute (dataset, name) != NULL, error))
        return FALSE;
      if (!gloss_attribute_kind_from_string (kind_name, &kind))
        {
          g_autofree char *shown = gloss_format_excerpt (kind_name, -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, attribute_where,
                                _("the attribute kind “%s” is none of flag, choice, text"), shown);
          return FALSE;
        }
      if (kind != GLOSS_ATTRIBUTE_KIND_CHOICE && values->len > 0)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, attribute_where,
                                _("only a choice attribute has “values”"));
          return FALSE;
        }
      if (kind == GLOSS_ATTRIBUTE_KIND_CHOICE && values->len == 0)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, attribute_where,
                                _("a choice attribute needs “values” to choose from"));
          return FALSE;
        }
      /* A project keeps each value as one trimmed line: one it would
       * change could not be matched to the spans that have it. */
      for (guint j = 0; j < values->len; j++)
        {
          const char *value = g_ptr_array_index (values, j);
          g_autofree char *trimmed = g_strstrip (g_strdup (value));

          if (trimmed[0] == '\0' || !g_str_equal (trimmed, value) || strchr (value, '\n') != NULL)
            {
              g_autofree char *shown = gloss_format_excerpt (value, -1);

              gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, attribute_where,
                                    _("the value “%s” is not one line of text without space "
                                      "around it"), shown);
              return FALSE;
            }
        }

      attribute = gloss_dataset_ensure_attribute (dataset, name, kind);
      /* Two spellings of one label ("Actor " and "Actor") are one name, and
       * the dataset adds a name once. */
      for (guint j = 0; j < labels->len; j++)
        {
          const char *label = g_ptr_array_index (labels, j);
          GlossDatasetLabel *dataset_label = gloss_dataset_find_label (dataset, label);

          if (dataset_label == NULL)
            {
              g_autofree char *shown = gloss_format_excerpt (label, -1);

              gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, attribute_where,
                                    _("the label “%s” is not in “labels”"), shown);
              return FALSE;
            }
          gloss_dataset_attribute_add_label (attribute, dataset_label->name);
        }
      for (guint j = 0; j < values->len; j++)
        gloss_dataset_attribute_add_value (attribute, g_ptr_array_index (values, j));
    }

  return TRUE;
}

static gboolean
read_category_sets (const GlossJsonFile  *file,
                    JsonObject           *object,
                    const char           *where,
                    GlossDataset         *dataset,
                    GError              **error)
{
  JsonArray *sets;

  if (!gloss_json_get_array (file, object, where, "category_sets", FALSE, &sets, error))
    return FALSE;

  for (guint i = 0; sets != NULL && i < json_array_get_length (sets); i++)
    {
      g_autofree char *set_where = g_strdup_printf ("%s, category_sets[%u]", where, i);
      GlossDatasetCategorySet *set;
      JsonObject *set_object;
      JsonArray *values;
      const char *name;
      gboolean multiple = FALSE;

      set_object = gloss_json_node_get_object (file, json_array_get_element (sets, i), set_where,
                                               error);
      if (set_object == NULL ||
          !gloss_json_get_string (file, set_object, set_where, "name", TRUE, &name, error) ||
          !get_boolean (file, set_object, set_where, "multiple", &multiple, error) ||
          !gloss_json_get_array (file, set_object, set_where, "values", FALSE, &values, error))
        return FALSE;

      if (!check_definition_name (file, set_where, DEFINITION_CATEGORY_SET, name,
                                  gloss_dataset_find_category_set (dataset, name) != NULL, error))
        return FALSE;

      set = gloss_dataset_ensure_category_set (dataset, name);
      set->multiple = multiple;

      for (guint j = 0; values != NULL && j < json_array_get_length (values); j++)
        {
          g_autofree char *value_where = g_strdup_printf ("%s, values[%u]", set_where, j);
          GlossDatasetCategoryValue *value;
          JsonObject *value_object;
          const char *value_name;
          const char *hotkey;

          value_object = gloss_json_node_get_object (file, json_array_get_element (values, j),
                                                     value_where, error);
          if (value_object == NULL ||
              !gloss_json_get_string (file, value_object, value_where, "name", TRUE, &value_name,
                                      error) ||
              !gloss_json_get_string (file, value_object, value_where, "hotkey", FALSE, &hotkey,
                                      error))
            return FALSE;

          if (!check_definition_name (file, value_where, DEFINITION_CATEGORY, value_name,
                                      gloss_dataset_category_set_find_value (set, value_name)
                                        != NULL, error))
            return FALSE;

          value = gloss_dataset_category_set_ensure_value (set, value_name);
          g_free (value->hotkey);
          value->hotkey = g_strdup (hotkey != NULL ? hotkey : "");
        }
    }

  return TRUE;
}

static gboolean
read_header (const GlossJsonFile  *file,
             JsonObject           *object,
             const char           *where,
             GlossDataset         *dataset,
             GlossFormatReport    *report,
             GError              **error)
{
  JsonArray *labels = NULL;
  gint64 version;

  if (!json_object_has_member (object, "gloss"))
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("not a Gloss dataset: its first line should be "
                              "{\"gloss\": %d, \"labels\": [...]}"),
                            GLOSS_DATASET_VERSION);
      return FALSE;
    }

  if (!gloss_json_get_int (file, object, where, "gloss", &version, error))
    return FALSE;

  if (version > GLOSS_DATASET_VERSION)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_UNSUPPORTED, file, where,
                            _("written by a newer Gloss (dataset version %" G_GINT64_FORMAT
                              "); this Gloss reads version %d"),
                            version, GLOSS_DATASET_VERSION);
      return FALSE;
    }

  if (version < 1)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("dataset version %" G_GINT64_FORMAT " does not exist"), version);
      return FALSE;
    }

  if (!gloss_json_get_array (file, object, where, "labels", TRUE, &labels, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      g_autofree char *label_where = g_strdup_printf ("%s, labels[%u]", where, i);
      g_autofree char *trimmed = NULL;
      gboolean listed;
      JsonObject *label_object;
      GlossDatasetLabel *label;
      const char *name;
      const char *color;
      const char *hotkey;
      const char *description;

      label_object = gloss_json_node_get_object (file, json_array_get_element (labels, i),
                                                 label_where, error);
      if (label_object == NULL ||
          !gloss_json_get_string (file, label_object, label_where, "name", TRUE, &name, error) ||
          !gloss_json_get_string (file, label_object, label_where, "color", FALSE, &color, error) ||
          !gloss_json_get_string (file, label_object, label_where, "hotkey", FALSE, &hotkey,
                                  error) ||
          !gloss_json_get_string (file, label_object, label_where, "description", FALSE,
                                  &description, error))
        return FALSE;

      if (gloss_dataset_find_label (dataset, name) != NULL)
        {
          g_autofree char *shown = gloss_format_excerpt (name, -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                _("the label “%s” is listed twice"), shown);
          return FALSE;
        }

      if (!check_color (file, label_where, color, error))
        return FALSE;

      /* "Actor " after "Actor" is the same label to a project: the first
       * one listed keeps its color, hotkey and description. */
      trimmed = g_strstrip (g_strdup (name));
      listed = gloss_dataset_find_label (dataset, trimmed) != NULL;
      label = gloss_format_ensure_label (dataset, name, report, "%s file %s, %s", file->kind,
                                         file->display, label_where);
      if (label == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                _("a label needs a name"));
          return FALSE;
        }
      if (listed)
        continue;

      label->color = g_strdup (color);
      g_free (label->hotkey);
      label->hotkey = g_strdup (hotkey != NULL ? hotkey : "");
      g_free (label->description);
      label->description = g_strdup (description != NULL ? description : "");
    }

  return read_relation_labels (file, object, where, dataset, error) &&
         read_attributes (file, object, where, dataset, error) &&
         read_category_sets (file, object, where, dataset, error);
}

/* The attribute values of a span: {"Confidence": "high", "Negated": true}. */
static gboolean
read_span_attributes (const GlossJsonFile  *file,
                      JsonObject           *object,
                      const char           *where,
                      GlossDataset         *dataset,
                      GlossDatasetSpan     *span,
                      GError              **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *attributes;

  if (!gloss_json_get_object (file, object, where, "attributes", FALSE, &attributes, error))
    return FALSE;
  if (attributes == NULL)
    return TRUE;

  members = json_object_get_members (attributes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (attributes, name);
      GlossDatasetAttribute *attribute = gloss_dataset_find_attribute (dataset, name);
      g_autofree char *shown = gloss_format_excerpt (name, -1);
      const char *value = NULL;

      if (attribute == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("the attribute “%s” is not in the first line’s “attributes”"),
                                shown);
          return FALSE;
        }

      if (JSON_NODE_HOLDS_NULL (node))
        continue;

      switch (attribute->kind)
        {
        case GLOSS_ATTRIBUTE_KIND_FLAG:
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            {
              /* A yes/no attribute that is not set is absent. */
              if (!json_node_get_boolean (node))
                continue;
              value = "true";
            }
          break;

        case GLOSS_ATTRIBUTE_KIND_CHOICE:
        case GLOSS_ATTRIBUTE_KIND_TEXT:
        default:
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            value = json_node_get_string (node);
          break;
        }

      if (value == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                /* Translators: an attribute's name, what it should be, what it is */
                                _("the attribute “%s” should be %s, not %s"), shown,
                                attribute->kind == GLOSS_ATTRIBUTE_KIND_FLAG
                                  ? _("true or false") : _("a string"),
                                gloss_json_describe_node (node));
          return FALSE;
        }

      if (attribute->kind == GLOSS_ATTRIBUTE_KIND_CHOICE &&
          gloss_dataset_attribute_find_value (attribute, value) == NULL)
        {
          g_autofree char *shown_value = gloss_format_excerpt (value, -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("“%s” is not one of the values of the attribute “%s”"),
                                shown_value, shown);
          return FALSE;
        }

      gloss_dataset_span_set_attribute (span, attribute->name, value);
    }

  return TRUE;
}

/* A relation's span, FROM or TO: its place in the document's "spans". */
static GlossDatasetSpan *
get_relation_span (const GlossJsonFile   *file,
                   JsonObject            *object,
                   const char            *where,
                   const char            *member,
                   GlossDatasetDocument  *document,
                   GError               **error)
{
  gint64 place;

  if (!gloss_json_get_int (file, object, where, member, &place, error))
    return NULL;

  if (place < 0 || place >= document->spans->len)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” is span %" G_GINT64_FORMAT ", but the document "
                                         "has %u span (counted from 0)",
                                         "“%s” is span %" G_GINT64_FORMAT ", but the document "
                                         "has %u spans (counted from 0)",
                                         document->spans->len),
                            member, place, document->spans->len);
      return NULL;
    }

  return g_ptr_array_index (document->spans, place);
}

static gboolean
read_relations (const GlossJsonFile   *file,
                JsonObject            *object,
                const char            *where,
                GlossDataset          *dataset,
                GlossDatasetDocument  *document,
                GError               **error)
{
  JsonArray *relations;

  if (!gloss_json_get_array (file, object, where, "relations", FALSE, &relations, error))
    return FALSE;

  for (guint i = 0; relations != NULL && i < json_array_get_length (relations); i++)
    {
      g_autofree char *relation_where = g_strdup_printf ("%s, relations[%u]", where, i);
      GlossDatasetRelationLabel *relation_label;
      GlossDatasetSpan *from;
      GlossDatasetSpan *to;
      JsonObject *relation_object;
      const char *label;
      const char *annotator;
      const char *note;

      relation_object = gloss_json_node_get_object (file, json_array_get_element (relations, i),
                                                    relation_where, error);
      if (relation_object == NULL ||
          !gloss_json_get_string (file, relation_object, relation_where, "label", TRUE, &label,
                                  error) ||
          (from = get_relation_span (file, relation_object, relation_where, "from", document,
                                     error)) == NULL ||
          (to = get_relation_span (file, relation_object, relation_where, "to", document,
                                   error)) == NULL ||
          !gloss_json_get_string (file, relation_object, relation_where, "annotator", FALSE,
                                  &annotator, error) ||
          !gloss_json_get_string (file, relation_object, relation_where, "note", FALSE, &note,
                                  error))
        return FALSE;

      if (is_blank_string (label))
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, relation_where,
                                _("a relation needs a label"));
          return FALSE;
        }
      if (from == to)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, relation_where,
                                _("a relation joins two spans, not a span to itself"));
          return FALSE;
        }

      /* A relation label the first line does not list is added, as a
       * span's label is. */
      relation_label = gloss_dataset_ensure_relation_label (dataset, label);
      gloss_dataset_document_add_relation (document, relation_label->name, from, to, annotator,
                                           note);
    }

  return TRUE;
}

/* The value of DOCUMENT's first choice in the set SET_NAME: a search, for
 * the message that refuses a second one in a single-choice set. */
static const char *
find_choice (GlossDatasetDocument *document,
             const char           *set_name)
{
  for (guint i = 0; i < document->categories->len; i++)
    {
      GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);

      if (g_str_equal (category->set, set_name))
        return category->value;
    }

  return "";
}

static gboolean
read_categories (const GlossJsonFile   *file,
                 JsonObject            *object,
                 const char            *where,
                 GlossDataset          *dataset,
                 GlossDatasetDocument  *document,
                 GError               **error)
{
  JsonArray *categories;

  if (!gloss_json_get_array (file, object, where, "categories", FALSE, &categories, error))
    return FALSE;

  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      g_autofree char *category_where = g_strdup_printf ("%s, categories[%u]", where, i);
      g_autofree char *shown_set = NULL;
      g_autofree char *shown_value = NULL;
      GlossDatasetCategorySet *set;
      JsonObject *category_object;
      const char *set_name;
      const char *value;

      category_object = gloss_json_node_get_object (file, json_array_get_element (categories, i),
                                                    category_where, error);
      if (category_object == NULL ||
          !gloss_json_get_string (file, category_object, category_where, "set", TRUE, &set_name,
                                  error) ||
          !gloss_json_get_string (file, category_object, category_where, "value", TRUE, &value,
                                  error))
        return FALSE;

      shown_set = gloss_format_excerpt (set_name, -1);
      shown_value = gloss_format_excerpt (value, -1);
      set = gloss_dataset_find_category_set (dataset, set_name);
      if (set == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, category_where,
                                _("the category set “%s” is not in the first line’s "
                                  "“category_sets”"), shown_set);
          return FALSE;
        }

      if (gloss_dataset_category_set_find_value (set, value) == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, category_where,
                                _("“%s” is not a category of the set “%s”"), shown_value,
                                shown_set);
          return FALSE;
        }

      if (gloss_dataset_document_find_category (document, set->name, value) != NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, category_where,
                                _("the category “%s” is listed twice"), shown_value);
          return FALSE;
        }
      if (!set->multiple && gloss_dataset_document_count_categories (document, set->name) > 0)
        {
          g_autofree char *shown_other = gloss_format_excerpt (find_choice (document, set->name),
                                                               -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, category_where,
                                _("the set “%s” takes one category, and the document has "
                                  "“%s” already"), shown_set, shown_other);
          return FALSE;
        }

      gloss_dataset_document_add_category (document, set->name, value);
    }

  return TRUE;
}

/* GROUP_ENDS: each first part read -> where its last part ends. */
static gboolean
read_span (const GlossJsonFile   *file,
           JsonNode              *node,
           const char            *where,
           GlossDataset          *dataset,
           GlossDatasetDocument  *document,
           GlossFormatText       *document_text,
           GHashTable            *group_ends,
           GlossFormatReport     *report,
           GError               **error)
{
  GlossDatasetLabel *dataset_label;
  GlossDatasetSpan *span;
  JsonObject *object;
  const char *label;
  const char *text;
  const char *annotator;
  const char *note;
  GlossDatasetSpan *first = NULL;
  gint64 *last_end;
  gint64 first_place = -1;
  gint64 start;
  gint64 end;

  object = gloss_json_node_get_object (file, node, where, error);
  if (object == NULL ||
      !gloss_json_get_int (file, object, where, "start", &start, error) ||
      !gloss_json_get_int (file, object, where, "end", &end, error) ||
      !gloss_json_get_string (file, object, where, "label", TRUE, &label, error) ||
      !gloss_json_get_string (file, object, where, "text", FALSE, &text, error) ||
      !gloss_json_get_string (file, object, where, "annotator", FALSE, &annotator, error) ||
      !gloss_json_get_string (file, object, where, "note", FALSE, &note, error))
    return FALSE;

  if (!gloss_json_check_span (file, where, document_text, start, end, text, error))
    return FALSE;

  dataset_label = gloss_format_ensure_label (dataset, label, report, "%s file %s, %s", file->kind,
                                             file->display, where);
  if (dataset_label == NULL)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("a span needs a label"));
      return FALSE;
    }

  if (json_object_has_member (object, "part_of"))
    {
      if (!gloss_json_get_int (file, object, where, "part_of", &first_place, error))
        return FALSE;
      if (first_place < 0 || first_place >= document->spans->len)
        first = NULL;
      else
        first = g_ptr_array_index (document->spans, first_place);
      /* Parts come in order and apart, as brat's fragments do. */
      last_end = first != NULL ? g_hash_table_lookup (group_ends, first) : NULL;
      if (first == NULL || first->part_of != NULL
          || start < (last_end != NULL ? *last_end : first->end)
          || !g_str_equal (first->label, dataset_label->name))
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("“part_of” is %" G_GINT64_FORMAT ", which is not an earlier "
                                  "span of the same label, no part itself, whose parts all "
                                  "end before this one starts"),
                                first_place);
          return FALSE;
        }
      g_hash_table_insert (group_ends, first, g_memdup2 (&end, sizeof end));
    }

  span = gloss_dataset_document_add_span (document, start, end, dataset_label->name, annotator,
                                          note);
  span->part_of = first;

  return read_span_attributes (file, object, where, dataset, span, error);
}

static gboolean
read_document (const GlossJsonFile  *file,
               JsonObject           *object,
               const char           *where,
               GlossDataset         *dataset,
               GlossFormatReport    *report,
               GError              **error)
{
  g_autoptr(GlossDatasetDocument) document = NULL;
  JsonArray *spans = NULL;
  const char *name;
  const char *text;
  const char *status;
  g_auto(GlossFormatText) document_text = { 0 };
  g_autoptr(GHashTable) group_ends = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  if (!gloss_json_get_string (file, object, where, "name", TRUE, &name, error) ||
      !gloss_json_get_string (file, object, where, "text", TRUE, &text, error) ||
      !gloss_json_get_string (file, object, where, "status", FALSE, &status, error) ||
      !gloss_json_get_array (file, object, where, "spans", FALSE, &spans, error))
    return FALSE;

  document = gloss_dataset_document_new (name, text);

  if (status != NULL && !gloss_document_status_from_string (status, &document->status))
    {
      g_autofree char *shown = gloss_format_excerpt (status, -1);

      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                            _("the status “%s” is none of new, in-progress, done"), shown);
      return FALSE;
    }

  gloss_format_text_init (&document_text, document->text);

  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      g_autofree char *span_where = g_strdup_printf ("%s, spans[%u]", where, i);

      if (!read_span (file, json_array_get_element (spans, i), span_where, dataset, document,
                      &document_text, group_ends, report, error))
        return FALSE;
    }

  if (!read_relations (file, object, where, dataset, document, error) ||
      !read_categories (file, object, where, dataset, document, error))
    return FALSE;

  g_ptr_array_add (dataset->documents, g_steal_pointer (&document));

  return TRUE;
}

static gboolean
is_blank (const char *start,
          const char *end)
{
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
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
  const char *line_start;
  const char *data_end;
  gboolean seen_header = FALSE;
  guint line_number = 0;

  dataset = gloss_dataset_new ();
  data_end = data + length;

  for (line_start = data; line_start < data_end; line_start++)
    {
      const char *line_end = memchr (line_start, '\n', data_end - line_start);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *where = NULL;
      JsonObject *object;
      gboolean ok;

      if (line_end == NULL)
        line_end = data_end;
      line_number++;

      if (is_blank (line_start, line_end))
        {
          line_start = line_end;
          continue;
        }

      node = gloss_json_parse (file, line_start, line_end - line_start, line_number, error);
      line_start = line_end;
      if (node == NULL)
        return NULL;

      where = g_strdup_printf (_("line %u"), line_number);
      object = gloss_json_node_get_object (file, node, where, error);
      if (object == NULL)
        return NULL;

      if (!seen_header)
        ok = read_header (file, object, where, dataset, report, error);
      else
        ok = read_document (file, object, where, dataset, report, error);
      if (!ok)
        return NULL;

      seen_header = TRUE;
    }

  if (!seen_header)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, NULL, _("the file is empty"));
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

static GlossDataset *
gloss_format_gloss_read (const char         *path,
                         GlossFormatReport  *report,
                         GError            **error)
{
  return gloss_json_read_dataset ("Gloss", path, NULL, read_text, report, error);
}

/* The reader on a file's contents in memory; NAME names it in messages. */
GlossDataset *
gloss_format_gloss_read_data (const char         *name,
                              const char         *data,
                              gsize               length,
                              GlossFormatReport  *report,
                              GError            **error)
{
  g_autoptr(GBytes) contents = g_bytes_new_static (data, length);

  g_return_val_if_fail (name != NULL, NULL);

  return gloss_json_read_dataset ("Gloss", name, contents, read_text, report, error);
}

const GlossFormat gloss_format_gloss = {
  .name = "gloss",
  .title = "Gloss JSONL",
  .extensions = extensions,
  .target = GLOSS_FORMAT_TARGET_FILE,
  .read = gloss_format_gloss_read,
  .write = gloss_format_gloss_write,
};
