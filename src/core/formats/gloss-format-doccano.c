/* SPDX-License-Identifier: GPL-3.0-or-later */

/* doccano's JSONL for sequence labeling: one document a line,
 * {"text": ..., "label": [[start, end, "LABEL"], ...]}, offsets in UTF-16
 * code units because doccano counts JavaScript string indices. Gloss writes
 * the document's name as "name", which doccano keeps as metadata, so that
 * names survive a round trip. It reads that form and the one doccano
 * exports when relations are on: {"text", "entities": [{"id", "label",
 * "start_offset", "end_offset"}], "relations": [...]}. */

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
add_span (DoccanoReader  *reader,
          gint64          start,
          gint64          end,
          const char     *label,
          GError        **error)
{
  gsize char_start = 0;
  gsize char_end = 0;
  g_autoptr(GError) local_error = NULL;
  GlossDatasetLabel *dataset_label;

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

  gloss_dataset_document_add_span (reader->document, char_start, char_end, dataset_label->name,
                                   NULL, NULL);
  reader->report->spans++;

  return TRUE;
}

/* "label": [[start, end, "LABEL"], ...]. A plain string in the list is a
 * label of the whole document (doccano's text classification), which a
 * span cannot hold. */
static gboolean
read_label_list (DoccanoReader  *reader,
                 JsonArray      *labels,
                 GError        **error)
{
  guint n_document_labels = 0;

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);
      JsonArray *triple;
      const char *label;
      gint64 start, end;

      if (get_string (node) != NULL)
        {
          n_document_labels++;
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

      if (!add_span (reader, start, end, label, error))
        return FALSE;
    }

  if (n_document_labels > 0)
    gloss_format_report_lose (reader->report, "label of a whole document", "labels of whole documents", n_document_labels);

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
      const char *label = NULL;
      gint64 start, end;

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

      if (!add_span (reader, start, end, label, error))
        return FALSE;
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
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      guint n = json_array_get_length (json_node_get_array (member));

      if (n > 0)
        {
          gloss_format_report_lose (reader->report, "relation", "relations", n);
          gloss_format_report_warn (reader->report,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "doccano file %s, line %u: %u relation was not "
                                                 "imported; Gloss has no relations",
                                                 "doccano file %s, line %u: %u relations were not "
                                                 "imported; Gloss has no relations",
                                                 n),
                                    reader->file, reader->line, n);
        }
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
  DoccanoReader reader = { .file = file, .dataset = dataset, .report = report };

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
  gsize n_chars = gloss_offsets_count_chars (document->text, -1);
  GlossOffsetsCursor cursor;
  gsize length = 0;

  gloss_offsets_cursor_init (&cursor, document->text);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, document->text);
  json_builder_set_member_name (builder, "label");
  json_builder_begin_array (builder);

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autoptr(GError) local_error = NULL;

      if (!gloss_offsets_check_span (n_chars, span->start, span->end, &local_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("Document “%s”: %s"), document->name, local_error->message);
          return FALSE;
        }

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder,
                                  gloss_offsets_cursor_char_to_utf16 (&cursor, span->start));
      json_builder_add_int_value (builder,
                                  gloss_offsets_cursor_char_to_utf16 (&cursor, span->end));
      json_builder_add_string_value (builder, span->label);
      json_builder_end_array (builder);

      if (!g_hash_table_contains (writer->used_labels, span->label))
        g_hash_table_add (writer->used_labels, g_strdup (span->label));
      if (span->note[0] != '\0')
        gloss_format_report_lose (writer->report, "span note", "span notes", 1);
      if (span->annotator[0] != '\0')
        gloss_format_report_lose (writer->report, "span annotator", "span annotators", 1);
    }

  json_builder_end_array (builder);
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
  DoccanoWriter writer = { output, report, generator, used_labels };
  guint unused = 0;
  guint described = 0;

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
