/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CSV for reading spans in a spreadsheet: one row per span, with the 40
 * characters around it, so that a reviewer sees each span in its context
 * without the document. Offsets are code points, as Python's csv module and
 * text[start:end] read them. RFC 4180 quoting, "\n" between rows. A text
 * cell that a spreadsheet would take for a formula starts with a "'".
 *
 * Each span attribute the project defines has a column after these, named
 * after it, with the span's value ("true" for a yes/no attribute that is
 * set). A project with relation labels gets a second file beside the
 * first, NAME.relations.csv: one row a relation, with the offsets and text
 * of both its spans. Document categories are counted as lost.
 *
 * CSV holds spans, not documents, so Gloss cannot read it back. */

#define G_LOG_DOMAIN "gloss-format-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-offsets.h"

#define CONTEXT_CHARS 40

static const char * const csv_extensions[] = { ".csv", NULL };

static const char * const columns[] = {
  "document", "start", "end", "label", "text", "left_context", "right_context", "annotator",
  "note", NULL,
};

static const char * const relation_columns[] = {
  "document", "type", "from_start", "from_end", "from_text", "to_start", "to_end", "to_text",
  "annotator", "note", NULL,
};

static const char * const relations_file[] = { "relations.csv", NULL };

static gboolean
has_relation_labels (GlossDatasetSource *source)
{
  return source->relation_labels != NULL && source->relation_labels->len > 0;
}

static const char * const *
csv_companions (GlossDatasetSource *source)
{
  return has_relation_labels (source) ? relations_file : NULL;
}

static GlossDataset *
csv_read (const char         *path,
          GlossFormatReport  *report,
          GError            **error)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Not "import the documents first": with the documents in, a CSV still
   * cannot be read, and the user would look for what is missing. */
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
               _("CSV file %s: Gloss writes CSV for reading in a spreadsheet and does not read "
                 "it back, since a row holds a span and 40 characters around it, not its "
                 "document; import the documents with their spans as Gloss JSONL, doccano, "
                 "spaCy, Label Studio, brat or CoNLL instead"),
               display);
  return NULL;
}

/* What a cell may not begin with, lest a spreadsheet run it as a formula
 * (OWASP's list, "=HYPERLINK(...)"), and the quote that defuses them, so
 * that one leading quote off any cell that has one gives the text back. */
#define FORMULA_STARTS "=+-@\t\r'"

/* A field and the comma after it, quoted as RFC 4180 says: in double
 * quotes, quotes doubled, when it holds a comma, a quote or a line break.
 * A text field that begins like a formula gets a "'" in front, in quotes. */
static void
append_field (GString    *row,
              const char *field,
              gboolean    text)
{
  gboolean defuse = text && field[0] != '\0' && strchr (FORMULA_STARTS, field[0]) != NULL;

  if (!defuse && strpbrk (field, ",\"\r\n") == NULL)
    g_string_append (row, field);
  else
    {
      g_string_append_c (row, '"');
      if (defuse)
        g_string_append_c (row, '\'');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (row, '"');
          g_string_append_c (row, *p);
        }
      g_string_append_c (row, '"');
    }

  g_string_append_c (row, ',');
}

static void
append_number (GString *row,
               gint64   number)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, number);
  append_field (row, buffer, FALSE);
}

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GHashTable *used_labels;
  GPtrArray *attributes;   /* GlossDatasetAttribute: a column each */
  GHashTable *attribute_names;
  GOutputStream *relations;   /* NULL when the project has no relation labels */
  const char *relations_name;
} CsvWriter;

static gboolean
write_stream_row (GOutputStream  *stream,
                  const char     *display_name,
                  GString        *row,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The last field's comma ends the row instead. */
  g_assert (row->len > 0 && row->str[row->len - 1] == ',');
  row->str[row->len - 1] = '\n';

  if (!g_output_stream_write_all (stream, row->str, row->len, NULL, NULL, &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }
  g_string_truncate (row, 0);

  return TRUE;
}

static gboolean
write_row (GlossFormatOutput  *output,
           GString            *row,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The last field's comma ends the row instead. */
  g_assert (row->len > 0 && row->str[row->len - 1] == ',');
  row->str[row->len - 1] = '\n';

  if (!g_output_stream_write_all (output->stream, row->str, row->len, NULL, NULL, &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write “%s”: %s"), output->display_name, local_error->message);
      return FALSE;
    }
  g_string_truncate (row, 0);

  return TRUE;
}

static void
append_relation_end (GString            *row,
                     GlossDatasetSpan   *span,
                     GlossOffsetsCursor *cursor)
{
  g_autofree char *text = gloss_offsets_cursor_dup_range (cursor, span->start, span->end);

  append_number (row, span->start);
  append_number (row, span->end);
  append_field (row, text, TRUE);
}

/* The document's relations into the relations file, spans already checked. */
static gboolean
write_relations (CsvWriter             *writer,
                 GlossDatasetDocument  *document,
                 GlossOffsetsCursor    *cursor,
                 GError               **error)
{
  g_autoptr(GString) row = g_string_new (NULL);
  g_autoptr(GHashTable) spans = NULL;

  if (document->relations->len == 0)
    return TRUE;
  if (writer->relations == NULL)
    {
      gloss_format_report_lose (writer->report, "relation", "relations",
                                document->relations->len);
      return TRUE;
    }

  spans = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < document->spans->len; i++)
    g_hash_table_add (spans, g_ptr_array_index (document->spans, i));

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);

      if (!g_hash_table_contains (spans, relation->from) ||
          !g_hash_table_contains (spans, relation->to))
        {
          gloss_format_report_lose (writer->report, "relation to a span not in its document",
                                    "relations to spans not in their document", 1);
          continue;
        }

      append_field (row, document->name, TRUE);
      append_field (row, relation->type, TRUE);
      append_relation_end (row, relation->from, cursor);
      append_relation_end (row, relation->to, cursor);
      append_field (row, relation->annotator, TRUE);
      append_field (row, relation->note, TRUE);
      if (!write_stream_row (writer->relations, writer->relations_name, row, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_document (GlossDatasetDocument  *document,
                gpointer               user_data,
                GError               **error)
{
  CsvWriter *writer = user_data;
  g_autoptr(GString) row = g_string_new (NULL);
  gsize length = gloss_offsets_count_chars (document->text, -1);
  GlossOffsetsCursor cursor;

  gloss_offsets_cursor_init (&cursor, document->text);
  writer->report->documents++;
  gloss_format_report_parts_as_spans (writer->report, document);
  gloss_format_report_lose (writer->report,
                            "document text (CSV keeps 40 characters either side of a span)", "document texts (CSV keeps 40 characters either side of a span)",
                            1);
  if (document->spans->len == 0)
    gloss_format_report_lose (writer->report, "document with no spans", "documents with no spans", 1);
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW)
    gloss_format_report_lose (writer->report, "document status", "document statuses", 1);

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autofree char *text = NULL;
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize left_byte, start_byte, end_byte, right_byte;

      /* A span from a project is valid; one from elsewhere may not be, and
       * would make the row lie about the document. */
      if (!gloss_offsets_check_span (length, span->start, span->end, &local_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("Document “%s”: %s"), document->name, local_error->message);
          return FALSE;
        }

      left_byte = gloss_offsets_cursor_char_to_byte (&cursor,
                                                     MAX (span->start - CONTEXT_CHARS, 0));
      start_byte = gloss_offsets_cursor_char_to_byte (&cursor, span->start);
      end_byte = gloss_offsets_cursor_char_to_byte (&cursor, span->end);
      right_byte = gloss_offsets_cursor_char_to_byte (&cursor,
                                                      MIN ((gsize) span->end + CONTEXT_CHARS,
                                                           length));
      left = g_strndup (document->text + left_byte, start_byte - left_byte);
      text = g_strndup (document->text + start_byte, end_byte - start_byte);
      right = g_strndup (document->text + end_byte, right_byte - end_byte);

      append_field (row, document->name, TRUE);
      append_number (row, span->start);
      append_number (row, span->end);
      append_field (row, span->label, TRUE);
      append_field (row, text, TRUE);
      append_field (row, left, TRUE);
      append_field (row, right, TRUE);
      append_field (row, span->annotator, TRUE);
      append_field (row, span->note, TRUE);
      for (guint j = 0; j < writer->attributes->len; j++)
        {
          GlossDatasetAttribute *attribute = g_ptr_array_index (writer->attributes, j);
          const char *value = gloss_dataset_span_get_attribute (span, attribute->name);

          append_field (row, value != NULL ? value : "", TRUE);
        }
      if (!write_row (writer->output, row, error))
        return FALSE;

      for (guint j = 0; j < span->attributes->len; j++)
        {
          GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, j);

          if (!g_hash_table_contains (writer->attribute_names, value->name))
            gloss_format_report_lose (writer->report,
                                      "span attribute value the project does not define",
                                      "span attribute values the project does not define", 1);
        }

      if (!g_hash_table_contains (writer->used_labels, span->label))
        g_hash_table_add (writer->used_labels, g_strdup (span->label));
      writer->report->spans++;
    }

  if (document->categories->len > 0)
    gloss_format_report_lose (writer->report, "document category", "document categories",
                              document->categories->len);

  return write_relations (writer, document, &cursor, error);
}

static gboolean
csv_write (GlossDatasetSource  *source,
           GlossFormatOutput   *output,
           GlossFormatReport   *report,
           GError             **error)
{
  g_autoptr(GHashTable) used_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new ();
  g_autoptr(GHashTable) attribute_names = g_hash_table_new (g_str_hash, g_str_equal);
  CsvWriter writer = { output, report, used_labels, attributes, attribute_names };
  guint unused = 0;
  guint described = 0;

  for (guint i = 0; source->attributes != NULL && i < source->attributes->len; i++)
    {
      GlossDatasetAttribute *attribute = g_ptr_array_index (source->attributes, i);

      g_ptr_array_add (attributes, attribute);
      g_hash_table_add (attribute_names, attribute->name);
    }

  for (guint i = 0; columns[i] != NULL; i++)
    append_field (header, columns[i], FALSE);
  for (guint i = 0; i < attributes->len; i++)
    {
      const char *name = ((GlossDatasetAttribute *) g_ptr_array_index (attributes, i))->name;
      g_autofree char *column = NULL;

      /* An attribute named like a column of the span keeps the column's
       * name free. */
      if (g_strv_contains (columns, name))
        name = column = g_strconcat (name, " (attribute)", NULL);
      append_field (header, name, TRUE);
    }
  if (!write_row (output, header, error))
    return FALSE;

  if (has_relation_labels (source))
    {
      g_assert (output->companions != NULL && output->companions[0] != NULL);
      writer.relations = output->companions[0];
      writer.relations_name = output->companion_names[0];
      for (guint i = 0; relation_columns[i] != NULL; i++)
        append_field (header, relation_columns[i], FALSE);
      if (!write_stream_row (writer.relations, writer.relations_name, header, error))
        return FALSE;
    }

  if (!source->foreach (source, write_document, &writer, error))
    return FALSE;

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
  gloss_json_report_lost_definitions (report, source, TRUE);

  return TRUE;
}

const GlossFormat gloss_format_csv = {
  .name = "csv",
  .title = N_("CSV (one row per span)"),
  .extensions = csv_extensions,
  .target = GLOSS_FORMAT_TARGET_FILE,
  .companions = csv_companions,
  .read = csv_read,
  .write = csv_write,
};
