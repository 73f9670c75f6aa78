/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON plumbing of the Gloss, spaCy and Label Studio formats: a file
 * loaded as checked UTF-8, parse errors turned into "file, line, column",
 * typed member access whose errors name the JSON path (json-glib's own
 * getters warn on a wrong type instead of failing), and a writer whose
 * output depends only on the data: Python's json.dumps separators, UTF-8
 * kept as it is, only what JSON requires escaped. */

#define G_LOG_DOMAIN "gloss-json"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format-reader.h"
#include "gloss-json.h"
#include "gloss-text-file.h"
#include "gloss-offsets.h"

void
gloss_json_file_init (GlossJsonFile *file,
                      const char    *kind,
                      const char    *path)
{
  file->kind = kind;
  file->display = g_filename_display_name (path);
}

void
gloss_json_file_clear (GlossJsonFile *file)
{
  g_clear_pointer (&file->display, g_free);
}

/* "KIND file DISPLAY, WHERE: MESSAGE", or without WHERE when it is NULL. */
void
gloss_json_set_error (GError              **error,
                      GlossFormatError      code,
                      const GlossJsonFile  *file,
                      const char           *where,
                      const char           *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    /* Translators: the format's name, the file, where in the file, what is wrong */
    g_set_error (error, GLOSS_FORMAT_ERROR, code, _("%s file %s, %s: %s"), file->kind,
                 file->display, where, message);
  else
    /* Translators: the format's name, the file, what is wrong */
    g_set_error (error, GLOSS_FORMAT_ERROR, code, _("%s file %s: %s"), file->kind, file->display,
                 message);
}

/* Checks START-END against TEXT and, when the file repeats the span's text
 * (EXPECTED_TEXT), that it is the text at those offsets: a mismatch means the
 * file counts in another unit (UTF-16, bytes) and every span would land
 * somewhere else. */
gboolean
gloss_json_check_span (const GlossJsonFile  *file,
                       const char           *where,
                       GlossFormatText      *text,
                       gint64                start,
                       gint64                end,
                       const char           *expected_text,
                       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *actual = NULL;

  if (!gloss_offsets_check_span (text->n_chars, start, end, &local_error))
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_SPAN, file, where, "%s",
                            local_error->message);
      return FALSE;
    }

  if (expected_text == NULL)
    return TRUE;

  actual = gloss_format_text_dup_range (text, start, end);
  if (!g_str_equal (actual, expected_text))
    {
      g_autofree char *shown_expected = gloss_format_excerpt (expected_text, -1);
      g_autofree char *shown_actual = gloss_format_excerpt (actual, -1);

      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_SPAN, file, where,
                            _("the span’s text “%s” is not the text at %" G_GINT64_FORMAT "-%"
                              G_GINT64_FORMAT " (“%s”); are the offsets counted in code points?"),
                            shown_expected, start, end, shown_actual);
      return FALSE;
    }

  return TRUE;
}

/* DATA (N_BYTES and a NUL, taken) without a byte order mark. */
static char *
strip_bom (char  *data,
           gsize  n_bytes,
           gsize *length)
{
  if (g_str_has_prefix (data, GLOSS_TEXT_FILE_BOM))
    {
      n_bytes -= strlen (GLOSS_TEXT_FILE_BOM);
      memmove (data, data + strlen (GLOSS_TEXT_FILE_BOM), n_bytes + 1);
    }

  if (length != NULL)
    *length = n_bytes;

  return data;
}

/* The whole file as UTF-8 without a byte order mark; a NUL byte or invalid
 * UTF-8 is an error naming its line and byte (gloss_text_file_read_utf8 ()). */
char *
gloss_json_load (const GlossJsonFile  *file,
                 const char           *path,
                 gsize                *length,
                 GError              **error)
{
  g_autofree char *where = g_strdup_printf (_("%s file %s"), file->kind, file->display);
  char *data;
  gsize n_bytes = 0;

  g_return_val_if_fail (path != NULL, NULL);

  data = gloss_text_file_read_utf8 (path, where, &n_bytes, error);
  if (data == NULL)
    return NULL;

  return strip_bom (data, n_bytes, length);
}

/* gloss_json_load () on a file's contents already in memory (DATA's
 * N_BYTES): a checked copy. */
static char *
load_data (const GlossJsonFile  *file,
           const char           *data,
           gsize                 n_bytes,
           gsize                *length,
           GError              **error)
{
  g_autofree char *where = g_strdup_printf (_("%s file %s"), file->kind, file->display);
  char *copy = gloss_text_file_check_data (data, n_bytes, where, error);

  if (copy == NULL)
    return NULL;

  return strip_bom (copy, n_bytes, length);
}

/* A JSON format's GlossFormat.read (CONTENTS NULL: the file at NAME) and
 * its *_read_data () (CONTENTS, the bytes of a file NAME names) in one:
 * the bytes checked as UTF-8 without a byte order mark, then READ on them,
 * messages naming a KIND file. */
GlossDataset *
gloss_json_read_dataset (const char          *kind,
                         const char          *name,
                         GBytes              *contents,
                         GlossJsonReadFunc    read,
                         GlossFormatReport   *report,
                         GError             **error)
{
  g_auto(GlossJsonFile) file = { 0 };
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (read != NULL, NULL);

  gloss_json_file_init (&file, kind, name);

  if (contents == NULL)
    data = gloss_json_load (&file, name, &length, error);
  else
    {
      gsize size = 0;
      const char *bytes = g_bytes_get_data (contents, &size);

      data = load_data (&file, bytes, size, &length, error);
    }
  if (data == NULL)
    return NULL;

  return read (&file, data, length, report, error);
}

/* "line L, column C" for P in DATA, whose line LINE starts at LINE_START;
 * the column counts characters, as an editor shows it. */
static char *
describe_place (guint       line,
                const char *line_start,
                const char *p)
{
  return g_strdup_printf (_("line %u, column %u"), line,
                          (guint) g_utf8_strlen (line_start, p - line_start) + 1);
}

static gint
hex_escape_value (const char *p,
                  const char *end)
{
  gint value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* What json-glib would get wrong without a word, found first in one pass
 * over the bytes, so that the message can say where: nesting deeper than
 * GLOSS_JSON_MAX_DEPTH (json-glib recurses and would overflow the stack);
 * "\u0000", where json-glib cuts the string short, so that a text, a label
 * or a note would lose its end; and half of a UTF-16 surrogate pair, which
 * json-glib turns into bytes that are not UTF-8; and a second list or
 * object after the first, where json-glib 1.6 keeps the last one without a
 * word (and leaks the first). DATA starts at line FIRST_LINE of the file. */
gboolean
gloss_json_check_text (const GlossJsonFile  *file,
                       const char           *data,
                       gsize                 length,
                       guint                 first_line,
                       GError              **error)
{
  const char *end = data + length;
  const char *line_start = data;
  guint line = first_line;
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean value_ended = FALSE;

  for (const char *p = data; p < end; p++)
    {
      char c = *p;

      if (c == '\n')
        {
          line++;
          line_start = p + 1;
          continue;
        }

      if (value_ended && c != ' ' && c != '\t' && c != '\r')
        {
          g_autofree char *where = describe_place (line, line_start, p);

          gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                _("a second JSON value starts here, after the end of the "
                                  "first; there should be only one"));
          return FALSE;
        }

      if (in_string)
        {
          gint unit;

          if (c == '"')
            in_string = FALSE;
          else if (c != '\\' || p + 1 >= end)
            continue;
          else if ((unit = hex_escape_value (p, end)) < 0)
            {
              /* json-glib also takes "\u" with fewer digits and C's octal
               * escapes, and makes bytes that are not UTF-8 of them. */
              if (p[1] == '\0' || strchr ("\"\\/bfnrt", p[1]) == NULL)
                {
                  g_autofree char *where = describe_place (line, line_start, p);

                  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                        _("this backslash starts no JSON escape (\\\", \\\\, "
                                          "\\/, \\b, \\f, \\n, \\r, \\t, or \\u and four "
                                          "hexadecimal digits)"));
                  return FALSE;
                }
              p++;   /* \" \\ \n and the like: the next byte is no quote */
            }
          else if (unit == 0)
            {
              g_autofree char *where = describe_place (line, line_start, p);

              gloss_json_set_error (error, GLOSS_FORMAT_ERROR_ENCODING, file, where,
                                    _("a string holds a NUL character (\\u0000)"));
              return FALSE;
            }
          else if (unit >= 0xD800 && unit <= 0xDFFF)
            {
              gint next = hex_escape_value (p + 6, end);

              if (unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF)
                p += 11;
              else
                {
                  g_autofree char *where = describe_place (line, line_start, p);

                  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_ENCODING, file, where,
                                        _("a string holds \\u%04x, half of a UTF-16 surrogate "
                                          "pair, which is not a character"),
                                        (guint) unit);
                  return FALSE;
                }
            }
          else
            p += 5;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > GLOSS_JSON_MAX_DEPTH)
            {
              g_autofree char *where = describe_place (line, line_start, p);

              gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                                    _("arrays and objects nest more than %d deep here; no "
                                      "dataset needs that many, and Gloss reads at most %d"),
                                    GLOSS_JSON_MAX_DEPTH, GLOSS_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        value_ended = --depth == 0;
    }

  return TRUE;
}

/* Parses DATA, which starts at line FIRST_LINE of the file. Never NULL
 * without an error: an empty file is an error too. */
JsonNode *
gloss_json_parse (const GlossJsonFile  *file,
                  const char           *data,
                  gsize                 length,
                  guint                 first_line,
                  GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!gloss_json_check_text (file, data, length, first_line, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;
      g_autofree char *where = NULL;
      g_autofree char *valid = NULL;
      unsigned int line = 0;
      unsigned int column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT". */
      if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        {
          message += consumed;
          if (g_str_has_prefix (message, "Parse error: "))
            message += strlen ("Parse error: ");
          where = g_strdup_printf (_("line %u, column %u"), first_line + line - 1, column);
        }
      else if (first_line > 1)
        where = g_strdup_printf (_("line %u"), first_line);

      /* json-glib quotes the token it stopped at cut to a number of bytes,
       * which can split a character: the message must stay UTF-8. */
      valid = g_utf8_make_valid (message, -1);
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where, _("not valid JSON: %s"),
                            valid);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, NULL, _("the file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

/* What NODE is, for "expected an array, found a string". */
const char *
gloss_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return _("a whole number");
    case G_TYPE_DOUBLE:
      return _("a number with a fraction");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_STRING:
      return _("a string");
    default:
      return _("an unknown value");
    }
}

/* A JSON number without a fraction; 12.0 counts, as some writers emit it. */
static gboolean
node_to_int (JsonNode *node,
             gint64   *value)
{
  double number;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;

  /* Within ±2^53 a double holds every whole number exactly. */
  number = json_node_get_double (node);
  if (number < -9007199254740992.0 || number > 9007199254740992.0 ||
      (double) (gint64) number != number)
    return FALSE;

  *value = (gint64) number;
  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

JsonObject *
gloss_json_node_get_object (const GlossJsonFile  *file,
                            JsonNode             *node,
                            const char           *where,
                            GError              **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                        _("expected an object, found %s"), gloss_json_describe_node (node));
  return NULL;
}

JsonArray *
gloss_json_node_get_array (const GlossJsonFile  *file,
                           JsonNode             *node,
                           const char           *where,
                           GError              **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                        _("expected an array, found %s"), gloss_json_describe_node (node));
  return NULL;
}

gboolean
gloss_json_node_get_int (const GlossJsonFile  *file,
                         JsonNode             *node,
                         const char           *where,
                         gint64               *value,
                         GError              **error)
{
  if (node_to_int (node, value))
    return TRUE;

  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                        _("expected a whole number, found %s"), gloss_json_describe_node (node));
  return FALSE;
}

const char *
gloss_json_node_get_string (const GlossJsonFile  *file,
                            JsonNode             *node,
                            const char           *where,
                            GError              **error)
{
  if (node_is_string (node))
    return json_node_get_string (node);

  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                        _("expected a string, found %s"), gloss_json_describe_node (node));
  return NULL;
}

/* The member MEMBER of OBJECT, or NULL (with an error when REQUIRED) when it
 * is missing; null counts as missing. */
static JsonNode *
get_member (const GlossJsonFile  *file,
            JsonObject           *object,
            const char           *where,
            const char           *member,
            gboolean              required,
            GError              **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (required)
    gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where, _("“%s” is missing"),
                          member);
  return NULL;
}

static void
set_member_type_error (GError              **error,
                       const GlossJsonFile  *file,
                       const char           *where,
                       const char           *member,
                       const char           *expected,
                       JsonNode             *node)
{
  gloss_json_set_error (error, GLOSS_FORMAT_ERROR_PARSE, file, where,
                        /* Translators: a member's name, then what it should be and what it is */
                        _("“%s” should be %s, not %s"), member, expected,
                        gloss_json_describe_node (node));
}

gboolean
gloss_json_get_int (const GlossJsonFile  *file,
                    JsonObject           *object,
                    const char           *where,
                    const char           *member,
                    gint64               *value,
                    GError              **error)
{
  JsonNode *node = get_member (file, object, where, member, TRUE, error);

  if (node == NULL)
    return FALSE;

  if (!node_to_int (node, value))
    {
      set_member_type_error (error, file, where, member, _("a whole number"), node);
      return FALSE;
    }

  return TRUE;
}

static gboolean
node_is_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
node_is_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

/* MEMBER of OBJECT in *NODE when HOLDS says it is of the KIND asked for;
 * *NODE is NULL when an optional member is missing or null. */
static gboolean
get_member_of_kind (const GlossJsonFile  *file,
                    JsonObject           *object,
                    const char           *where,
                    const char           *member,
                    gboolean              required,
                    gboolean            (*holds) (JsonNode *node),
                    const char           *kind,
                    JsonNode            **node,
                    GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  *node = get_member (file, object, where, member, required, &local_error);
  if (*node == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!holds (*node))
    {
      set_member_type_error (error, file, where, member, kind, *node);
      *node = NULL;
      return FALSE;
    }

  return TRUE;
}

/* *VALUE is NULL when an optional member is missing or null. */
gboolean
gloss_json_get_string (const GlossJsonFile  *file,
                       JsonObject           *object,
                       const char           *where,
                       const char           *member,
                       gboolean              required,
                       const char          **value,
                       GError              **error)
{
  JsonNode *node;

  *value = NULL;
  if (!get_member_of_kind (file, object, where, member, required, node_is_string,
                           _("a string"), &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_string (node);
  return TRUE;
}

gboolean
gloss_json_get_array (const GlossJsonFile  *file,
                      JsonObject           *object,
                      const char           *where,
                      const char           *member,
                      gboolean              required,
                      JsonArray           **value,
                      GError              **error)
{
  JsonNode *node;

  *value = NULL;
  if (!get_member_of_kind (file, object, where, member, required, node_is_array,
                           _("an array"), &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_array (node);
  return TRUE;
}

gboolean
gloss_json_get_object (const GlossJsonFile  *file,
                       JsonObject           *object,
                       const char           *where,
                       const char           *member,
                       gboolean              required,
                       JsonObject          **value,
                       GError              **error)
{
  JsonNode *node;

  *value = NULL;
  if (!get_member_of_kind (file, object, where, member, required, node_is_object,
                           _("an object"), &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_object (node);
  return TRUE;
}

/* VALUE as a JSON string the way Python's json.dumps (ensure_ascii=False)
 * writes it, so that the same text always gives the same bytes. */
void
gloss_json_append_string (GString    *out,
                          const char *value)
{
  const char *run = value;
  const char *p;

  g_string_append_c (out, '"');

  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char unicode[8];

      switch (c)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        default:
          if (c < 0x20)
            {
              g_snprintf (unicode, sizeof unicode, "\\u%04x", c);
              escape = unicode;
            }
          break;
        }

      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
gloss_json_append_int (GString *out,
                       gint64   value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

gboolean
gloss_json_write (GlossFormatOutput  *output,
                  GString            *text,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (output->stream, text->str, text->len, NULL, NULL, &local_error))
    return TRUE;

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, _("Could not write “%s”: %s"),
               output->display_name, local_error->message);
  return FALSE;
}

/* A writer checks what it is given before it slices the text: a span past
 * the end would otherwise read past the string. */
gboolean
gloss_json_check_source_span (const GlossDatasetDocument  *document,
                              gsize                        text_length,
                              const GlossDatasetSpan      *span,
                              GError                     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (gloss_offsets_check_span (text_length, span->start, span->end, &local_error))
    return TRUE;

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN, _("Document “%s”: %s"),
               document->name, local_error->message);
  return FALSE;
}

/* Counts what a format that keeps only span labels loses of the label set:
 * colors, hotkeys, descriptions, and the labels no span uses (USED holds the
 * names of those that some span uses). */
void
gloss_json_report_lost_labels (GlossFormatReport *report,
                               GPtrArray         *labels,
                               GHashTable        *used)
{
  guint colors = 0;
  guint hotkeys = 0;
  guint descriptions = 0;
  guint unused = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (labels, i);

      colors += label->color != NULL && label->color[0] != '\0';
      hotkeys += label->hotkey != NULL && label->hotkey[0] != '\0';
      descriptions += label->description != NULL && label->description[0] != '\0';
      unused += !g_hash_table_contains (used, label->name);
    }

  if (colors > 0)
    gloss_format_report_lose (report, "label color", "label colors", colors);
  if (hotkeys > 0)
    gloss_format_report_lose (report, "label hotkey", "label hotkeys", hotkeys);
  if (descriptions > 0)
    gloss_format_report_lose (report, "label description", "label descriptions", descriptions);
  if (unused > 0)
    gloss_format_report_lose (report, "label no span uses", "labels no span uses", unused);
}

/* Counts what a format with no place for SOURCE's definitions of
 * relations, attributes and categories loses of them: the looks of
 * relation labels, the hotkeys of categories, and either whole attribute
 * definitions or, where the format carries attribute values
 * (ATTRIBUTE_VALUES), the labels an attribute is limited to. */
void
gloss_json_report_lost_definitions (GlossFormatReport  *report,
                                    GlossDatasetSource *source,
                                    gboolean            attribute_values)
{
  guint looks = 0;
  guint hotkeys = 0;
  guint attributes = 0;

  for (guint i = 0; source->relation_labels != NULL && i < source->relation_labels->len; i++)
    {
      GlossDatasetRelationLabel *label = g_ptr_array_index (source->relation_labels, i);

      looks += (label->color != NULL && label->color[0] != '\0') ||
               (label->hotkey != NULL && label->hotkey[0] != '\0') ||
               (label->description != NULL && label->description[0] != '\0');
    }
  for (guint i = 0; source->category_sets != NULL && i < source->category_sets->len; i++)
    {
      GlossDatasetCategorySet *set = g_ptr_array_index (source->category_sets, i);

      for (guint j = 0; j < set->values->len; j++)
        {
          GlossDatasetCategoryValue *value = g_ptr_array_index (set->values, j);

          hotkeys += value->hotkey != NULL && value->hotkey[0] != '\0';
        }
    }
  for (guint i = 0; source->attributes != NULL && i < source->attributes->len; i++)
    {
      GlossDatasetAttribute *attribute = g_ptr_array_index (source->attributes, i);

      attributes += !attribute_values || attribute->labels->len > 0;
    }

  if (looks > 0)
    gloss_format_report_lose (report, "relation label color, hotkey or description",
                              "relation label colors, hotkeys or descriptions", looks);
  if (hotkeys > 0)
    gloss_format_report_lose (report, "category hotkey", "category hotkeys", hotkeys);
  if (attributes > 0 && attribute_values)
    gloss_format_report_lose (report, "span attribute's list of labels it applies to",
                              "span attributes' lists of labels they apply to", attributes);
  else if (attributes > 0)
    gloss_format_report_lose (report, "span attribute definition", "span attribute definitions",
                              attributes);
}
