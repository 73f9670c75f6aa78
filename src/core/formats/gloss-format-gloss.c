/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Gloss JSONL, the native dataset format: everything a project holds but
 * its history, so that a project can be moved, merged or kept under version
 * control as text. The first line is the label set, then one document a line:
 *
 *   {"gloss": 1, "labels": [{"name": ..., "color": ..., "hotkey": ..., "description": ...}]}
 *   {"name": ..., "status": ..., "text": ..., "spans": [{"start": ..., "end": ...,
 *     "label": ..., "text": ..., "annotator": ..., "note": ...}]}
 *
 * Offsets are code points. A span repeats its text so that a reader (or a
 * person) can check the offsets; reading refuses a span whose text differs.
 * Writing is deterministic: the same dataset gives the same bytes. */

#define G_LOG_DOMAIN "gloss-format-gloss"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format-reader.h"
#include "gloss-json.h"
#include "gloss-offsets.h"

#define GLOSS_DATASET_VERSION 1

static const char * const extensions[] = { ".gloss.jsonl", NULL };

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GString *line;
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

static gboolean
write_header (Writer              *writer,
              GlossDatasetSource  *source,
              GError             **error)
{
  GString *line = writer->line;

  g_string_truncate (line, 0);
  g_string_append_c (line, '{');
  append_int_member (line, TRUE, "gloss", GLOSS_DATASET_VERSION);
  append_member (line, FALSE, "labels");
  g_string_append_c (line, '[');

  for (guint i = 0; i < source->labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (source->labels, i);

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append_c (line, '{');
      append_string_member (line, TRUE, "name", label->name);
      append_member (line, FALSE, "color");
      if (label->color != NULL)
        gloss_json_append_string (line, label->color);
      else
        g_string_append (line, "null");
      append_string_member (line, FALSE, "hotkey", label->hotkey);
      append_string_member (line, FALSE, "description", label->description);
      g_string_append_c (line, '}');
    }

  g_string_append (line, "]}\n");

  return gloss_json_write (writer->output, line, error);
}

static gboolean
write_document_cb (GlossDatasetDocument  *document,
                   gpointer               user_data,
                   GError               **error)
{
  Writer *writer = user_data;
  GString *line = writer->line;
  gsize text_length = g_utf8_strlen (document->text, -1);
  GlossOffsetsCursor cursor;

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
      g_string_append_c (line, '}');
    }

  g_string_append (line, "]}\n");

  if (!gloss_json_write (writer->output, line, error))
    return FALSE;

  writer->report->documents++;
  writer->report->spans += document->spans->len;

  return TRUE;
}

static gboolean
gloss_format_gloss_write (GlossDatasetSource  *source,
                          GlossFormatOutput   *output,
                          GlossFormatReport   *report,
                          GError             **error)
{
  g_autoptr(GString) line = g_string_sized_new (4096);
  Writer writer = { output, report, line };

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
      gboolean known;
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

      if (color != NULL && !is_color (color))
        {
          g_autofree char *shown = gloss_format_excerpt (color, -1);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                _("the color “%s” is not of the form #rrggbb"), shown);
          return FALSE;
        }

      /* "Actor " after "Actor" is the same label to a project: the first
       * one listed keeps its color, hotkey and description. */
      trimmed = g_strstrip (g_strdup (name));
      known = gloss_dataset_find_label (dataset, trimmed) != NULL;
      label = gloss_format_ensure_label (dataset, name, report, "%s file %s, %s", file->kind,
                                         file->display, label_where);
      if (label == NULL)
        {
          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, label_where,
                                _("a label needs a name"));
          return FALSE;
        }
      if (known)
        continue;

      label->color = g_strdup (color);
      g_free (label->hotkey);
      label->hotkey = g_strdup (hotkey != NULL ? hotkey : "");
      g_free (label->description);
      label->description = g_strdup (description != NULL ? description : "");
    }

  return TRUE;
}

static gboolean
read_span (const GlossJsonFile   *file,
           JsonNode              *node,
           const char            *where,
           GlossDataset          *dataset,
           GlossDatasetDocument  *document,
           GlossFormatText       *document_text,
           GlossFormatReport     *report,
           GError               **error)
{
  GlossDatasetLabel *dataset_label;
  JsonObject *object;
  const char *label;
  const char *text;
  const char *annotator;
  const char *note;
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

  gloss_dataset_document_add_span (document, start, end, dataset_label->name, annotator, note);

  return TRUE;
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
                      &document_text, report, error))
        return FALSE;
    }

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
