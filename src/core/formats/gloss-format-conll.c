/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CoNLL 2003 named-entity files, read and written.
 *
 * Written, per document:
 *
 *   -DOCSTART- -X- -X- O
 *
 *   Masoud -X- _ B-Reformist_camp
 *   Pezeshkian -X- _ I-Reformist_camp
 *   has -X- _ O
 *   ...
 *
 * one token a line (gloss-tokenizer.h says what a token and a sentence are)
 * and a blank line after each sentence. The last column is the tag, in IOB2:
 * B-TYPE on an entity's first token, I-TYPE on the others, O outside. TYPE is
 * the label's type name (gloss-type-name.h: "Hardline camp" is
 * "Hardline_camp"). The part-of-speech and chunk columns hold placeholders.
 *
 * Tokens cannot say everything spans do; what does not fit is counted:
 * - A token belongs to every span it overlaps. A span that starts or ends
 *   inside a token is widened to the whole token, with a warning naming it.
 * - A token has one tag, so of overlapping spans the longest (in characters)
 *   is kept; a tie goes to the one that starts first, then to the label first
 *   in name order.
 * - A sentence never breaks inside a kept span: its tokens stay together.
 * - Document names, status, annotators, notes, and the text's own spacing
 *   (reading rebuilds the text from the tokens) have no place in CoNLL.
 *
 * Reading takes IOB2 and IOB1 (where I- starts an entity and B- only parts two
 * adjacent entities of one type; a file is IOB1 when some I- starts an entity
 * and every B- follows an entity of its type), with four columns
 * (TOKEN POS CHUNK TAG) or two (TOKEN TAG): the tag is the last column.
 * Columns are split at white space as Python's str.split() splits. Every
 * -DOCSTART- line starts a document; documents are named doc-1, doc-2... The
 * text is rebuilt: a sentence's tokens joined by single spaces, sentences
 * joined by "\n"; span offsets are code points into that text. In an IOB2
 * file an I- tag that continues no entity of its type starts one, with a
 * warning.
 */

#define G_LOG_DOMAIN "gloss-format-conll"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-json.h"
#include "gloss-offsets.h"
#include "gloss-text-file.h"
#include "gloss-tokenizer.h"
#include "gloss-type-name.h"

#define DOCSTART "-DOCSTART-"
#define DOCSTART_LINE DOCSTART " -X- -X- O\n"

/* ---- Writing ---------------------------------------------------------- */

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
} ConllWriter;

/* A span as the tokens it covers. */
typedef struct
{
  guint first;
  guint last;        /* inclusive */
  gint64 start;
  gint64 length;     /* of the span itself, in code points */
  const char *label;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *candidate_a = a;
  const Candidate *candidate_b = b;

  if (candidate_a->length != candidate_b->length)
    return candidate_a->length > candidate_b->length ? -1 : 1;
  if (candidate_a->start != candidate_b->start)
    return candidate_a->start < candidate_b->start ? -1 : 1;
  return g_strcmp0 (candidate_a->label, candidate_b->label);
}

/* The first token that ends after OFFSET. */
static guint
first_token_ending_after (GArray *tokens,
                          gint64  offset)
{
  guint low = 0;
  guint high = tokens->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if ((gint64) g_array_index (tokens, GlossToken, middle).end <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* The spans of DOCUMENT that get tokens, as indexes into CANDIDATES per
 * token (-1 for none). */
static gboolean
assign_tokens (GlossDatasetDocument  *document,
               GArray                *tokens,
               GArray                *candidates,
               int                   *owner,
               GlossFormatReport     *report,
               GError               **error)
{
  gsize length = gloss_offsets_count_chars (document->text, -1);
  GlossOffsetsCursor cursor;

  gloss_offsets_cursor_init (&cursor, document->text);

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autoptr(GError) span_error = NULL;
      Candidate candidate;
      const GlossToken *first;
      const GlossToken *last;

      if (!gloss_offsets_check_span (length, span->start, span->end, &span_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("Document “%s”: %s"), document->name, span_error->message);
          return FALSE;
        }

      if (span->label[0] == '\0')
        {
          gloss_format_report_lose (report, "span without a label name", "spans without a label name", 1);
          continue;
        }

      candidate.first = first_token_ending_after (tokens, span->start);
      if (candidate.first == tokens->len
          || (gint64) g_array_index (tokens, GlossToken, candidate.first).start >= span->end)
        {
          gloss_format_report_lose (report, "span over white space only", "spans over white space only", 1);
          continue;
        }

      candidate.last = candidate.first;
      while (candidate.last + 1 < tokens->len
             && (gint64) g_array_index (tokens, GlossToken, candidate.last + 1).start < span->end)
        candidate.last++;

      candidate.start = span->start;
      candidate.length = span->end - span->start;
      candidate.label = span->label;
      g_array_append_val (candidates, candidate);

      first = &g_array_index (tokens, GlossToken, candidate.first);
      last = &g_array_index (tokens, GlossToken, candidate.last);
      if ((gint64) first->start < span->start || (gint64) last->end > span->end)
        {
          g_autofree char *text = gloss_offsets_cursor_dup_range (&cursor, span->start, span->end);
          g_autofree char *widened = gloss_offsets_cursor_dup_range (&cursor, first->start,
                                                                     last->end);

          gloss_format_report_lose (report,
                                    "span not on token boundaries (widened to whole tokens)", "spans not on token boundaries (widened to whole tokens)",
                                    1);
          gloss_format_report_warn (report,
                                    _("document “%s”: the span “%s” (%" G_GINT64_FORMAT "-%"
                                      G_GINT64_FORMAT ") became “%s”, since a token cannot be "
                                      "split"),
                                    document->name, text, span->start, span->end, widened);
        }
    }

  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < tokens->len; i++)
    owner[i] = -1;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      gboolean available = TRUE;

      for (guint j = candidate->first; available && j <= candidate->last; j++)
        available = owner[j] < 0;

      if (!available)
        {
          gloss_format_report_lose (report, "overlapping span (CoNLL keeps the longest)", "overlapping spans (CoNLL keeps the longest)", 1);
          continue;
        }

      for (guint j = candidate->first; j <= candidate->last; j++)
        owner[j] = i;
    }

  return TRUE;
}

static gboolean
write_document (GlossDatasetDocument  *document,
                gpointer               user_data,
                GError               **error)
{
  ConllWriter *writer = user_data;
  GlossFormatReport *report = writer->report;
  g_autoptr(GArray) tokens = gloss_tokenizer_split (document->text);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree int *owner = g_new (int, tokens->len + 1);
  g_autoptr(GString) out = g_string_new (DOCSTART_LINE "\n");
  g_autoptr(GString) rebuilt = g_string_new (NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) local_error = NULL;
  GlossOffsetsCursor cursor;
  gboolean new_sentence = FALSE;

  gloss_format_report_parts_as_spans (report, document);
  if (!assign_tokens (document, tokens, candidates, owner, report, error))
    return FALSE;

  gloss_offsets_cursor_init (&cursor, document->text);

  for (guint i = 0; i < tokens->len; i++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, i);
      g_autofree char *text = gloss_offsets_cursor_dup_range (&cursor, token->start, token->end);

      if (i > 0)
        g_string_append_c (rebuilt, new_sentence ? '\n' : ' ');
      g_string_append (rebuilt, text);

      if (owner[i] < 0)
        g_string_append_printf (out, "%s -X- _ O\n", text);
      else
        {
          const Candidate *candidate = &g_array_index (candidates, Candidate, owner[i]);
          g_autofree char *type_name = gloss_type_name_from_label (candidate->label);

          g_string_append_printf (out, "%s -X- _ %c-%s\n", text, i == candidate->first ? 'B' : 'I',
                                  type_name);
          g_hash_table_add (kept, GINT_TO_POINTER (owner[i] + 1));
        }

      new_sentence = token->sentence_end && (owner[i] < 0 || i + 1 == tokens->len
                                             || owner[i + 1] != owner[i]);
      if (new_sentence)
        g_string_append_c (out, '\n');
    }

  if (!g_str_equal (rebuilt->str, document->text))
    gloss_format_report_lose (report,
                              "exact spacing of a document text (rebuilt from the tokens on "
                              "import)",
                              "exact spacing of document texts (rebuilt from the tokens on "
                              "import)", 1);
  gloss_format_report_lose (report, "document name", "document names", 1);
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW)
    gloss_format_report_lose (report, "document status", "document statuses", 1);
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      if (span->annotator[0] != '\0')
        gloss_format_report_lose (report, "span annotator", "span annotators", 1);
      if (span->note[0] != '\0')
        gloss_format_report_lose (report, "span note", "span notes", 1);
      if (span->attributes->len > 0)
        gloss_format_report_lose (report, "span attribute value", "span attribute values",
                                  span->attributes->len);
    }
  /* A column of tags has no place for what joins spans or whole documents. */
  if (document->relations->len > 0)
    gloss_format_report_lose (report, "relation", "relations", document->relations->len);
  if (document->categories->len > 0)
    gloss_format_report_lose (report, "document category", "document categories",
                              document->categories->len);

  if (!g_output_stream_write_all (writer->output->stream, out->str, out->len, NULL, NULL,
                                  &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write “%s”: %s"), writer->output->display_name,
                   local_error->message);
      return FALSE;
    }

  report->documents++;
  report->spans += g_hash_table_size (kept);

  return TRUE;
}

static gboolean
conll_write (GlossDatasetSource  *source,
             GlossFormatOutput   *output,
             GlossFormatReport   *report,
             GError             **error)
{
  ConllWriter writer = { output, report };

  g_return_val_if_fail (output->stream != NULL, FALSE);

  if (!source->foreach (source, write_document, &writer, error))
    return FALSE;

  gloss_json_report_lost_definitions (report, source, FALSE);
  return TRUE;
}

/* ---- Reading ---------------------------------------------------------- */

typedef enum {
  ROW_TOKEN,
  ROW_SENTENCE_BREAK,
  ROW_DOCSTART,
} RowKind;

typedef struct
{
  RowKind kind;
  guint line;
  char *token;
  char prefix;        /* 'B', 'I' or 'O' */
  char *type_name;    /* NULL for O */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->token);
  g_free (row->type_name);
  g_free (row);
}

/* LINE split at runs of white space, as Python's str.split() splits. */
static GPtrArray *
split_columns (const char *line)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;
  const char *p;

  for (p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = gloss_tokenizer_is_space (g_utf8_get_char (p));

      if (space && start != NULL)
        {
          g_ptr_array_add (columns, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!space && start == NULL)
        start = p;
    }

  if (start != NULL)
    g_ptr_array_add (columns, g_strndup (start, p - start));

  return columns;
}

static gboolean
parse_rows (const char  *contents,
            const char  *where,
            GPtrArray   *rows,
            GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) columns = split_columns (lines[i]);
      Row *row = g_new0 (Row, 1);
      const char *tag;

      row->line = i + 1;
      g_ptr_array_add (rows, row);

      if (columns->len == 0)
        {
          row->kind = ROW_SENTENCE_BREAK;
          continue;
        }

      if (g_str_equal (columns->pdata[0], DOCSTART))
        {
          row->kind = ROW_DOCSTART;
          continue;
        }

      if (columns->len == 1)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                       _("%s, line %u: “%s” has one column; each token needs its tag after it "
                         "(TOKEN TAG, or TOKEN POS CHUNK TAG)"),
                       where, row->line, (const char *) columns->pdata[0]);
          return FALSE;
        }

      tag = g_ptr_array_index (columns, columns->len - 1);
      row->kind = ROW_TOKEN;
      row->token = g_strdup (columns->pdata[0]);

      if (g_str_equal (tag, "O"))
        row->prefix = 'O';
      else if ((tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && tag[2] != '\0')
        {
          row->prefix = tag[0];
          row->type_name = g_strdup (tag + 2);
        }
      else
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                       _("%s, line %u: the tag “%s” is not O, B-TYPE or I-TYPE"),
                       where, row->line, tag);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
continues (const char *previous_type,
           const Row  *row)
{
  return previous_type != NULL && g_str_equal (previous_type, row->type_name);
}

/* IOB1 when some I- starts an entity and no B- does. */
static gboolean
is_iob1 (GPtrArray *rows)
{
  const char *previous_type = NULL;
  gboolean inside_starts = FALSE;
  gboolean begin_starts = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);

      if (row->kind != ROW_TOKEN)
        {
          previous_type = NULL;
          continue;
        }

      if (row->prefix == 'I' && !continues (previous_type, row))
        inside_starts = TRUE;
      else if (row->prefix == 'B' && !continues (previous_type, row))
        begin_starts = TRUE;

      previous_type = row->type_name;
    }

  return inside_starts && !begin_starts;
}

typedef struct
{
  GlossDataset *dataset;
  GlossFormatReport *report;
  const char *where;
  gboolean iob1;

  GlossDatasetDocument *document;
  GString *text;
  gint64 n_chars;
  gboolean in_sentence;

  const char *type_name;     /* the open entity's, or NULL */
  gint64 start;
  gint64 end;
} Builder;

static void
close_entity (Builder *builder)
{
  g_autofree char *label = NULL;

  if (builder->type_name == NULL)
    return;

  label = gloss_type_name_to_label (builder->type_name);
  gloss_dataset_ensure_label (builder->dataset, label);
  gloss_dataset_document_add_span (builder->document, builder->start, builder->end, label, NULL,
                                   NULL);
  builder->type_name = NULL;
}

static void
finish_document (Builder *builder)
{
  close_entity (builder);

  if (builder->document == NULL)
    return;

  g_free (builder->document->text);
  builder->document->text = g_string_free (builder->text, FALSE);

  builder->text = NULL;
  builder->document = NULL;
}

static void
start_document (Builder *builder)
{
  g_autofree char *name = NULL;

  finish_document (builder);

  name = g_strdup_printf ("doc-%u", builder->dataset->documents->len + 1);
  builder->document = gloss_dataset_add_document (builder->dataset, name, "");
  builder->text = g_string_new (NULL);
  builder->n_chars = 0;
  builder->in_sentence = FALSE;
}

static void
add_token (Builder   *builder,
           const Row *row)
{
  gint64 start;

  if (builder->document == NULL)
    start_document (builder);

  if (builder->in_sentence)
    g_string_append_c (builder->text, ' ');
  else if (builder->text->len > 0)
    g_string_append_c (builder->text, '\n');
  if (builder->text->len > 0)
    builder->n_chars++;

  start = builder->n_chars;
  g_string_append (builder->text, row->token);
  builder->n_chars += gloss_offsets_count_chars (row->token, -1);
  builder->in_sentence = TRUE;

  if (row->prefix == 'O')
    {
      close_entity (builder);
      return;
    }

  /* B- always starts an entity, in IOB1 as in IOB2; the schemes differ in
   * whether an I- may start one. */
  if (row->prefix == 'I' && continues (builder->type_name, row))
    {
      builder->end = builder->n_chars;
      return;
    }

  if (row->prefix == 'I' && !builder->iob1)
    gloss_format_report_warn (builder->report,
                              _("%s, line %u: I-%s continues no entity of its type; read as B-%s"),
                              builder->where, row->line, row->type_name, row->type_name);

  close_entity (builder);
  builder->type_name = row->type_name;
  builder->start = start;
  builder->end = builder->n_chars;
}

/* CONTENTS, checked to be UTF-8 and NUL-terminated; WHERE names the file. */
static GlossDataset *
read_contents (const char         *contents,
               const char         *where,
               GlossFormatReport  *report,
               GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  const char *start;
  Builder builder = { 0 };

  start = g_str_has_prefix (contents, GLOSS_TEXT_FILE_BOM)
          ? contents + strlen (GLOSS_TEXT_FILE_BOM) : contents;
  if (!parse_rows (start, where, rows, error))
    return NULL;

  builder.dataset = dataset;
  builder.report = report;
  builder.where = where;
  builder.iob1 = is_iob1 (rows);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);

      switch (row->kind)
        {
        case ROW_DOCSTART:
          start_document (&builder);
          break;

        case ROW_SENTENCE_BREAK:
          close_entity (&builder);
          builder.in_sentence = FALSE;
          break;

        case ROW_TOKEN:
        default:
          add_token (&builder, row);
          break;
        }
    }

  finish_document (&builder);

  report->documents += dataset->documents->len;
  for (guint i = 0; i < dataset->documents->len; i++)
    report->spans += ((GlossDatasetDocument *) dataset->documents->pdata[i])->spans->len;

  return g_steal_pointer (&dataset);
}

static GlossDataset *
conll_read (const char         *path,
            GlossFormatReport  *report,
            GError            **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *where = g_strdup_printf (_("CoNLL file %s"), display);
  g_autofree char *contents = NULL;

  contents = gloss_text_file_read_utf8 (path, where, NULL, error);
  if (contents == NULL)
    return NULL;

  return read_contents (contents, where, report, error);
}

/* The reader on a file's contents in memory; NAME names it in messages. */
GlossDataset *
gloss_format_conll_read_data (const char         *name,
                              const char         *data,
                              gsize               length,
                              GlossFormatReport  *report,
                              GError            **error)
{
  g_autofree char *display = NULL;
  g_autofree char *where = NULL;
  g_autofree char *contents = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  display = g_filename_display_basename (name);
  where = g_strdup_printf (_("CoNLL file %s"), display);
  contents = gloss_text_file_check_data (data != NULL ? data : "", length, where, error);
  if (contents == NULL)
    return NULL;

  return read_contents (contents, where, report, error);
}

static const char * const conll_extensions[] = { ".conll", ".conll03", NULL };

const GlossFormat gloss_format_conll = {
  .name = "conll",
  .title = N_("CoNLL 2003 (IOB2)"),
  .extensions = conll_extensions,
  .target = GLOSS_FORMAT_TARGET_FILE,
  .read = conll_read,
  .write = conll_write,
};
