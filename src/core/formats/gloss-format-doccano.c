/* SPDX-License-Identifier: GPL-3.0-or-later */

/* doccano's JSONL for sequence labeling: one document a line,
 * {"text": ..., "label": [[start, end, "LABEL"], ...]}, offsets in UTF-16
 * code units because doccano counts JavaScript string indices. Gloss writes
 * the document's name as "name", which doccano keeps as metadata, so that
 * names survive a round trip.
 *
 * A project with relation labels is written in the form doccano exports
 * when relations are on, entities numbered through the whole file:
 *
 *   {"text": ..., "entities": [{"id": 1, "label": "X", "start_offset": 0,
 *    "end_offset": 5}, ...], "relations": [{"id": 1, "from_id": 1,
 *    "to_id": 2, "type": "opposes"}], "cats": ["opposed"], "name": ...}
 *
 * A document's categories are its "cats", the values of every set: doccano
 * has no sets, so reading puts them in one set, "Category"
 * (GLOSS_FORMAT_CATEGORY_SET), as it does with the list of plain strings
 * that doccano's text classification exports as "label". Reading takes
 * both forms; a relation must join two entities of its line. */

#define G_LOG_DOMAIN "gloss-format-doccano"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-json.h"
#include "gloss-offsets.h"
#include "gloss-text.h"

static const char * const doccano_extensions[] = { ".doccano.jsonl", NULL };

/* Reading */

typedef struct
{
  const char *file;    /* the file's name, for messages */
  guint line;
  GlossDataset *dataset;
  GlossDatasetDocument *document;
  GlossFormatText text;   /* the document's */
  GlossFormatReport *report;
  GHashTable *entities;   /* the line's entity id (gint64 *) -> GlossDatasetSpan */
} DoccanoReader;

static void
set_line_error (DoccanoReader  *reader,
                GError        **error,
                gint            code,
                const char     *message)
{
  g_set_error (error, GLOSS_FORMAT_ERROR, code, _("doccano file %s, line %u: %s"),
               reader->file, reader->line, message);
}

/* An offset as a whole number: doccano writes integers, other tools may
 * write 12.0. */
static gboolean
get_offset (JsonNode *node,
            gint64   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!(d >= G_MININT32 && d <= G_MAXINT32) || d != (double) (gint64) d)
        return FALSE;
      *value = (gint64) d;
      return TRUE;
    }

  return FALSE;
}

/* A string from the file as Gloss keeps it: json-glib turns a lone
 * "\ud83d" into bytes that are not UTF-8. */
static const char *
get_string (JsonNode *node)
{
  const char *string;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  string = json_node_get_string (node);
  return g_utf8_validate (string, -1, NULL) ? string : NULL;
}

static gboolean
add_span (DoccanoReader     *reader,
          gint64             start,
          gint64             end,
          const char        *label,
          GlossDatasetSpan **added,
          GError           **error)
{
  gsize char_start = 0;
  gsize char_end = 0;
  g_autoptr(GError) local_error = NULL;
  GlossDatasetLabel *dataset_label;
  GlossDatasetSpan *span;

  dataset_label = gloss_format_ensure_label (reader->dataset, label, reader->report,
                                             "doccano file %s, line %u", reader->file,
                                             reader->line);
  if (dataset_label == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " has an empty "
                                   "label"),
                                 start, end);
      set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
      return FALSE;
    }

  /* Checked in the file's own units first, so that the message shows the
   * numbers the user will find in the file. */
  if (!gloss_offsets_check_span (reader->text.n_units, start, end, &local_error))
    {
      if (g_error_matches (local_error, GLOSS_OFFSETS_ERROR, GLOSS_OFFSETS_ERROR_OUT_OF_RANGE))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                                  " lies outside the text, which is %"
                                                  G_GSIZE_FORMAT " UTF-16 unit long",
                                                  "span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                                  " lies outside the text, which is %"
                                                  G_GSIZE_FORMAT " UTF-16 units long",
                                                  reader->text.n_units),
                                     start, end, reader->text.n_units);
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_SPAN, message);
        }
      else
        set_line_error (reader, error, GLOSS_FORMAT_ERROR_SPAN, local_error->message);
      return FALSE;
    }

  if (!gloss_format_text_utf16_to_char (&reader->text, start, &char_start, &local_error) ||
      !gloss_format_text_utf16_to_char (&reader->text, end, &char_end, &local_error) ||
      !gloss_offsets_check_span (reader->text.n_chars, char_start, char_end, &local_error))
    {
      g_autofree char *message = g_strdup_printf (_("span %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                                    ": %s"),
                                                  start, end, local_error->message);

      set_line_error (reader, error, GLOSS_FORMAT_ERROR_SPAN, message);
      return FALSE;
    }

  span = gloss_dataset_document_add_span (reader->document, char_start, char_end,
                                          dataset_label->name, NULL, NULL);
  reader->report->spans++;
  if (added != NULL)
    *added = span;

  return TRUE;
}

static gboolean
add_category (DoccanoReader  *reader,
              const char     *value,
              const char     *member,
              guint           index,
              GError        **error)
{
  if (value[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("category %u of “%s” is empty"), index + 1,
                                                  member);

      set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
      return FALSE;
    }

  gloss_dataset_add_choice (reader->dataset, reader->document, GLOSS_FORMAT_CATEGORY_SET, value);
  return TRUE;
}

/* "label": [[start, end, "LABEL"], ...]. A plain string in the list is a
 * category of the whole document (doccano's text classification). */
static gboolean
read_label_list (DoccanoReader  *reader,
                 JsonArray      *labels,
                 GError        **error)
{
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);
      JsonArray *triple;
      const char *label;
      gint64 start, end;

      if (get_string (node) != NULL)
        {
          if (!add_category (reader, get_string (node), "label", i, error))
            return FALSE;
          continue;
        }

      triple = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      if (triple == NULL || json_array_get_length (triple) != 3 ||
          !get_offset (json_array_get_element (triple, 0), &start) ||
          !get_offset (json_array_get_element (triple, 1), &end) ||
          (label = get_string (json_array_get_element (triple, 2))) == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("label %u is not [start, end, \"LABEL\"]"),
                                                      i + 1);

          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
          return FALSE;
        }

      if (!add_span (reader, start, end, label, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* "cats": ["opposed", ...] */
static gboolean
read_cats (DoccanoReader  *reader,
           JsonArray      *cats,
           GError        **error)
{
  for (guint i = 0; i < json_array_get_length (cats); i++)
    {
      const char *value = get_string (json_array_get_element (cats, i));

      if (value == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("category %u of “cats” is not a string"),
                                                      i + 1);

          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
          return FALSE;
        }
      if (!add_category (reader, value, "cats", i, error))
        return FALSE;
    }

  return TRUE;
}

/* "entities": [{"id", "label", "start_offset", "end_offset"}, ...] */
static gboolean
read_entities (DoccanoReader  *reader,
               JsonArray      *entities,
               GError        **error)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      JsonObject *entity = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *id_node = entity != NULL ? json_object_get_member (entity, "id") : NULL;
      GlossDatasetSpan *span = NULL;
      const char *label = NULL;
      gint64 start, end;
      gint64 id;

      if (entity == NULL ||
          !get_offset (json_object_get_member (entity, "start_offset"), &start) ||
          !get_offset (json_object_get_member (entity, "end_offset"), &end) ||
          (label = get_string (json_object_get_member (entity, "label"))) == NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("entity %u needs “start_offset”, “end_offset” and "
                                       "“label”"),
                                     i + 1);
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
          return FALSE;
        }

      if (id_node != NULL && !JSON_NODE_HOLDS_NULL (id_node) && !get_offset (id_node, &id))
        {
          g_autofree char *message = g_strdup_printf (_("entity %u: “id” is not a whole number"),
                                                      i + 1);

          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
          return FALSE;
        }

      if (!add_span (reader, start, end, label, &span, error))
        return FALSE;

      if (id_node == NULL || JSON_NODE_HOLDS_NULL (id_node))
        continue;
      if (g_hash_table_contains (reader->entities, &id))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("entity %u has the id %" G_GINT64_FORMAT " of an earlier "
                                       "entity"),
                                     i + 1, id);
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
          return FALSE;
        }
      g_hash_table_insert (reader->entities, g_memdup2 (&id, sizeof id), span);
    }

  return TRUE;
}

/* "relations": [{"id", "from_id", "to_id", "type"}, ...], between entities
 * of the same line. */
static gboolean
read_relations (DoccanoReader  *reader,
                JsonArray      *relations,
                GError        **error)
{
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      JsonObject *relation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *message = NULL;
      GlossDatasetSpan *from, *to;
      const char *type = NULL;
      gint64 from_id, to_id;

      if (relation == NULL ||
          !get_offset (json_object_get_member (relation, "from_id"), &from_id) ||
          !get_offset (json_object_get_member (relation, "to_id"), &to_id) ||
          (type = get_string (json_object_get_member (relation, "type"))) == NULL)
        message = g_strdup_printf (_("relation %u needs “from_id” and “to_id” as whole numbers "
                                     "and “type” as a string"),
                                   i + 1);
      else if (type[0] == '\0')
        message = g_strdup_printf (_("relation %u has an empty type"), i + 1);
      else if ((from = g_hash_table_lookup (reader->entities, &from_id)) == NULL)
        message = g_strdup_printf (_("relation %u: “from_id” %" G_GINT64_FORMAT " is the id of "
                                     "no entity of this line"),
                                   i + 1, from_id);
      else if ((to = g_hash_table_lookup (reader->entities, &to_id)) == NULL)
        message = g_strdup_printf (_("relation %u: “to_id” %" G_GINT64_FORMAT " is the id of "
                                     "no entity of this line"),
                                   i + 1, to_id);
      else if (from == to)
        message = g_strdup_printf (_("relation %u joins entity %" G_GINT64_FORMAT " to itself"),
                                   i + 1, from_id);

      if (message != NULL)
        {
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
          return FALSE;
        }

      gloss_dataset_ensure_relation_label (reader->dataset, type);
      gloss_dataset_document_add_relation (reader->document, type, from, to, NULL, NULL);
    }

  return TRUE;
}

/* A document's name: the "name" Gloss writes, or a title or file name
 * doccano kept as metadata, else its id in doccano ("doccano-12", the same
 * in each user's file of an export, so that their spans come together),
 * else the file's name and the line. */
static char *
name_document (DoccanoReader *reader,
               JsonObject    *object)
{
  static const char * const names[] = { "name", "title", "filename", "file_name" };
  static const char * const ids[] = { "id", "doc_id" };
  g_autofree char *stem = NULL;
  char *dot;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *member = json_object_get_member (object, names[i]);

      if (member != NULL && get_string (member) != NULL && *get_string (member) != '\0')
        return g_strdup (get_string (member));
    }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonNode *member = json_object_get_member (object, ids[i]);

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_INT64)
        return g_strdup_printf ("doccano-%" G_GINT64_FORMAT, json_node_get_int (member));
    }

  stem = g_strdup (reader->file);
  if ((dot = strchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  return g_strdup_printf ("%s-%u", stem, reader->line);
}

static gboolean
read_line (DoccanoReader  *reader,
           const char     *line,
           GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GlossJsonFile file = { "doccano", (char *) reader->file };
  JsonObject *object;
  JsonNode *root;
  JsonNode *member;
  const char *text;

  /* Nesting json-glib cannot take, "\u0000", half a surrogate pair. */
  if (!gloss_json_check_text (&file, line, strlen (line), reader->line, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, line, -1, &local_error))
    {
      g_autofree char *message = NULL;
      /* json-glib quotes the token it stopped at cut to a number of bytes,
       * which can split a character: the message must stay UTF-8. */
      g_autofree char *detail_valid = g_utf8_make_valid (local_error->message, -1);
      const char *detail = detail_valid;
      guint line_number, column;
      int consumed = 0;

      /* "<data>:1:13: Parse error: ...": the line is ours to give. */
      if (sscanf (detail, "<data>:%u:%u: %n", &line_number, &column, &consumed) == 2 &&
          consumed > 0)
        message = g_strdup_printf (_("not valid JSON at column %u: %s"), column, detail + consumed);
      else
        message = g_strdup_printf (_("not valid JSON: %s"), detail);
      set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE,
                      _("expected an object with a “text”"));
      return FALSE;
    }
  object = json_node_get_object (root);

  /* Older doccano releases export the text as "data". */
  member = json_object_get_member (object, "text");
  if (member == NULL)
    member = json_object_get_member (object, "data");
  text = get_string (member);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    {
      set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE,
                      member == NULL ? _("no “text”") : _("“text” is not a string"));
      return FALSE;
    }
  if (text == NULL)
    {
      set_line_error (reader, error, GLOSS_FORMAT_ERROR_ENCODING,
                      _("“text” holds half of a UTF-16 surrogate pair, which is not a character"));
      return FALSE;
    }

  name = name_document (reader, object);

  reader->document = gloss_dataset_add_document (reader->dataset, name, text);
  g_hash_table_remove_all (reader->entities);
  gloss_format_text_clear (&reader->text);
  gloss_format_text_init (&reader->text, reader->document->text);
  reader->report->documents++;

  member = json_object_get_member (object, "label");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, _("“label” is not a list"));
          return FALSE;
        }
      if (!read_label_list (reader, json_node_get_array (member), error))
        return FALSE;
    }

  member = json_object_get_member (object, "entities");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, _("“entities” is not a list"));
          return FALSE;
        }
      if (!read_entities (reader, json_node_get_array (member), error))
        return FALSE;
    }

  member = json_object_get_member (object, "relations");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, _("“relations” is not a list"));
          return FALSE;
        }
      if (!read_relations (reader, json_node_get_array (member), error))
        return FALSE;
    }

  member = json_object_get_member (object, "cats");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_line_error (reader, error, GLOSS_FORMAT_ERROR_PARSE, _("“cats” is not a list"));
          return FALSE;
        }
      if (!read_cats (reader, json_node_get_array (member), error))
        return FALSE;
    }

  member = json_object_get_member (object, "Comments");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member) &&
      json_array_get_length (json_node_get_array (member)) > 0)
    gloss_format_report_lose (reader->report, "doccano comment", "doccano comments",
                              json_array_get_length (json_node_get_array (member)));

  return TRUE;
}

/* A file's contents (SIZE bytes), named FILE in messages, as a dataset. */
static GlossDataset *
read_contents (const char         *file,
               const char         *contents,
               gsize               size,
               GlossFormatReport  *report,
               GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  DoccanoReader reader = { .file = file, .dataset = dataset, .report = report,
                           .entities = entities };

  text = gloss_text_decode ((const guint8 *) contents, size, file, error);
  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      reader.line = i + 1;
      if (lines[i][0] != '\0' && !read_line (&reader, lines[i], error))
        {
          gloss_format_text_clear (&reader.text);
          return NULL;
        }
    }

  gloss_format_text_clear (&reader.text);
  return g_steal_pointer (&dataset);
}

static GlossDataset *
doccano_read (const char         *path,
              GlossFormatReport  *report,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file = g_filename_display_basename (path);
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not read “%s”: %s"), file, local_error->message);
      return NULL;
    }

  return read_contents (file, contents, size, report, error);
}

/* The reader on a file's contents in memory; NAME names it in messages. */
GlossDataset *
gloss_format_doccano_read_data (const char         *name,
                                const char         *data,
                                gsize               length,
                                GlossFormatReport  *report,
                                GError            **error)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  file = g_filename_display_basename (name);
  return read_contents (file, data != NULL ? data : "", length, report, error);
}

/* Writing */

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  JsonGenerator *generator;
  GHashTable *used_labels;
  GHashTable *used_sets;    /* category sets whose name doccano loses */
  gboolean entities_form;   /* the project has relation labels */
  gint64 n_entities;        /* numbered through the file, as doccano does */
  gint64 n_relations;
} DoccanoWriter;

static gboolean
write_all (GlossFormatOutput  *output,
           const char         *data,
           gsize               size,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (output->stream, data, size, NULL, NULL, &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write “%s”: %s"), output->display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_document (GlossDatasetDocument  *document,
                gpointer               user_data,
                GError               **error)
{
  DoccanoWriter *writer = user_data;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GHashTable) ids = NULL;   /* span -> its entity id */
  gsize n_chars = gloss_offsets_count_chars (document->text, -1);
  GlossOffsetsCursor cursor;
  gsize length = 0;

  gloss_offsets_cursor_init (&cursor, document->text);
  gloss_format_report_parts_as_spans (writer->report, document);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, document->text);
  json_builder_set_member_name (builder, writer->entities_form ? "entities" : "label");
  json_builder_begin_array (builder);

  if (writer->entities_form && document->relations->len > 0)
    ids = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autoptr(GError) local_error = NULL;
      gint64 start, end;

      if (!gloss_offsets_check_span (n_chars, span->start, span->end, &local_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("Document “%s”: %s"), document->name, local_error->message);
          return FALSE;
        }

      start = gloss_offsets_cursor_char_to_utf16 (&cursor, span->start);
      end = gloss_offsets_cursor_char_to_utf16 (&cursor, span->end);
      if (writer->entities_form)
        {
          writer->n_entities++;
          if (ids != NULL)
            g_hash_table_insert (ids, span, GSIZE_TO_POINTER ((gsize) writer->n_entities));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, writer->n_entities);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, span->label);
          json_builder_set_member_name (builder, "start_offset");
          json_builder_add_int_value (builder, start);
          json_builder_set_member_name (builder, "end_offset");
          json_builder_add_int_value (builder, end);
          json_builder_end_object (builder);
        }
      else
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, start);
          json_builder_add_int_value (builder, end);
          json_builder_add_string_value (builder, span->label);
          json_builder_end_array (builder);
        }

      if (!g_hash_table_contains (writer->used_labels, span->label))
        g_hash_table_add (writer->used_labels, g_strdup (span->label));
      if (span->note[0] != '\0')
        gloss_format_report_lose (writer->report, "span note", "span notes", 1);
      if (span->annotator[0] != '\0')
        gloss_format_report_lose (writer->report, "span annotator", "span annotators", 1);
      if (span->attributes->len > 0)
        gloss_format_report_lose (writer->report, "span attribute value",
                                  "span attribute values", span->attributes->len);
    }

  json_builder_end_array (builder);

  if (writer->entities_form)
    {
      json_builder_set_member_name (builder, "relations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < document->relations->len; i++)
        {
          GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
          gsize from = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, relation->from));
          gsize to = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, relation->to));

          /* A relation to a span not among the document's has nothing to
           * point at. */
          if (from == 0 || to == 0)
            {
              gloss_format_report_lose (writer->report, "relation to a span not in its document",
                                        "relations to spans not in their document", 1);
              continue;
            }
          writer->n_relations++;
          writer->report->relations++;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, writer->n_relations);
          json_builder_set_member_name (builder, "from_id");
          json_builder_add_int_value (builder, from);
          json_builder_set_member_name (builder, "to_id");
          json_builder_add_int_value (builder, to);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, relation->type);
          json_builder_end_object (builder);

          if (relation->note[0] != '\0')
            gloss_format_report_lose (writer->report, "relation note", "relation notes", 1);
          if (relation->annotator[0] != '\0')
            gloss_format_report_lose (writer->report, "relation annotator",
                                      "relation annotators", 1);
        }
      json_builder_end_array (builder);
    }
  else if (document->relations->len > 0)
    {
      /* Only a project with relation labels is written with entity ids. */
      gloss_format_report_lose (writer->report, "relation", "relations",
                                document->relations->len);
    }

  if (document->categories->len > 0)
    {
      json_builder_set_member_name (builder, "cats");
      json_builder_begin_array (builder);
      for (guint i = 0; i < document->categories->len; i++)
        {
          GlossDatasetCategory *category = g_ptr_array_index (document->categories, i);

          json_builder_add_string_value (builder, category->value);
          if (!g_str_equal (category->set, GLOSS_FORMAT_CATEGORY_SET) &&
              !g_hash_table_contains (writer->used_sets, category->set))
            g_hash_table_add (writer->used_sets, g_strdup (category->set));
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, document->name);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (writer->generator, root);
  line = json_generator_to_data (writer->generator, &length);

  if (!write_all (writer->output, line, length, error) ||
      !write_all (writer->output, "\n", 1, error))
    return FALSE;

  if (document->status != GLOSS_DOCUMENT_STATUS_NEW)
    gloss_format_report_lose (writer->report, "document status", "document statuses", 1);
  writer->report->documents++;
  writer->report->spans += document->spans->len;

  return TRUE;
}

static gboolean
doccano_write (GlossDatasetSource  *source,
               GlossFormatOutput   *output,
               GlossFormatReport   *report,
               GError             **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GHashTable) used_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DoccanoWriter writer = { output, report, generator, used_labels, used_sets };
  guint unused = 0;
  guint described = 0;

  writer.entities_form = source->relation_labels != NULL && source->relation_labels->len > 0;

  if (!source->foreach (source, write_document, &writer, error))
    return FALSE;

  /* Spans are the only place doccano's file names a label. */
  for (guint i = 0; i < source->labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (source->labels, i);

      if (!g_hash_table_contains (used_labels, label->name))
        unused++;
      if (label->color != NULL || label->hotkey[0] != '\0' || label->description[0] != '\0')
        described++;
    }
  if (unused > 0)
    gloss_format_report_lose (report, "label with no spans", "labels with no spans", unused);
  if (described > 0)
    gloss_format_report_lose (report, "label color, hotkey and description", "label colors, hotkeys and descriptions", described);
  /* doccano's categories are one list: reading them back puts them in one
   * set. */
  if (g_hash_table_size (used_sets) > 0)
    gloss_format_report_lose (report, "category set name", "category set names",
                              g_hash_table_size (used_sets));
  gloss_json_report_lost_definitions (report, source, FALSE);

  return TRUE;
}

const GlossFormat gloss_format_doccano = {
  .name = "doccano",
  .title = N_("doccano JSONL"),
  .extensions = doccano_extensions,
  .target = GLOSS_FORMAT_TARGET_FILE,
  .read = doccano_read,
  .write = doccano_write,
};
