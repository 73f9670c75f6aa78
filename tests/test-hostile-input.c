/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Files made to break the readers: nesting that would overflow the stack,
 * "\u0000" that would cut a string short, inputs that made a reader
 * quadratic, lines of megabytes, links out of a folder, label names with
 * white space around them. Each is refused with a message naming the file
 * and the place, or read as it should be; and the other files of the same
 * import come in all the same.
 *
 * The inputs that made a reader quadratic are megabytes large, so that the
 * old behaviour would run far past the suite's timeout: the tests assert
 * what was read, never how long it took. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-import.h"
#include "gloss-json.h"
#include "gloss-text.h"
#include "gloss-test-util.h"

/* Deep enough that json-glib's recursion overflowed the reader's stack. */
#define DEEP 100000

/* Twice the size that took a minute or more when a reader was quadratic. */
#define LARGE (2 * 1000 * 1000)

typedef struct
{
  char *dir;
  char *outside;   /* a folder beside the one imported, for links out of it */
  char *project;
  GlossStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->outside = g_dir_make_tmp ("gloss-hostile-outside-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->project = g_build_filename (fixture->outside, "project.gloss", NULL);
  fixture->store = gloss_store_create (fixture->project, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  /* The links are files: removing the tree removes them, not their
   * targets. */
  gloss_test_remove_tree (fixture->dir);
  gloss_test_remove_tree (fixture->outside);
  g_free (fixture->project);
  g_free (fixture->outside);
  g_free (fixture->dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Reads PATH as FORMAT_NAME and expects it refused with MESSAGE. */
static void
assert_refused (const char *format_name,
                const char *path,
                gint        code,
                const char *message)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = gloss_format_read (gloss_format_lookup (format_name), path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static GlossDataset *
read_ok (const char         *format_name,
         const char         *path,
         GlossFormatReport  *report)
{
  g_autoptr(GError) error = NULL;
  GlossDataset *dataset;

  dataset = gloss_format_read (gloss_format_lookup (format_name), path, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

/* Nesting */

typedef struct
{
  const char *format;
  const char *file_name;
  const char *before;   /* what comes before the nesting: a whole first line */
  gboolean basename;    /* whether the message names the file by its base name */
} JsonFormatCase;

static const JsonFormatCase json_formats[] = {
  { "gloss", "deep.gloss.jsonl", "{\"gloss\": 1, \"labels\": []}\n", FALSE },
  { "spacy", "deep.spacy.json", "[\n", FALSE },
  { "doccano", "deep.doccano.jsonl", "{\"text\": \"first\"}\n", TRUE },
  { "labelstudio", "deep.labelstudio.json", "[\n", FALSE },
};

static const char *
kind_of (const char *format)
{
  if (g_str_equal (format, "gloss"))
    return "Gloss";
  if (g_str_equal (format, "spacy"))
    return "spaCy";
  if (g_str_equal (format, "labelstudio"))
    return "Label Studio";
  return "doccano";
}

/* A file of each JSON format nested DEEP levels on line 2, between two good
 * files of the same import: it is refused with its name, line and column,
 * and the two others are imported. */
static void
test_json_deep_nesting (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const openings[] = { "[", "{\"a\": " };

  for (guint f = 0; f < G_N_ELEMENTS (json_formats); f++)
    for (guint o = 0; o < G_N_ELEMENTS (openings); o++)
      {
        const JsonFormatCase *format = &json_formats[f];
        g_autoptr(GString) contents = g_string_new (format->before);
        g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) results = NULL;
        g_autofree char *first = g_strdup_printf ("first-%u-%u.txt", f, o);
        g_autofree char *last = g_strdup_printf ("last-%u-%u.txt", f, o);
        g_autofree char *expected = NULL;
        GlossImportResult *result;
        /* The opening that goes one level too deep: the spaCy and Label
         * Studio files open one on line 1 already. */
        guint too_deep = GLOSS_JSON_MAX_DEPTH + 1 - (format->before[0] == '[');
        guint column = (too_deep - 1) * strlen (openings[o]) + 1;

        for (guint i = 0; i < DEEP; i++)
          g_string_append (contents, openings[o]);
        g_string_append_c (contents, '\n');

        g_ptr_array_add (paths, write_file (fixture->dir, first, "Before the deep file.", -1));
        g_ptr_array_add (paths, write_file (fixture->dir, format->file_name, contents->str,
                                            contents->len));
        g_ptr_array_add (paths, write_file (fixture->dir, last, "After the deep file.", -1));
        g_ptr_array_add (paths, NULL);

        results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL,
                                      NULL, NULL, NULL);
        g_assert_cmpuint (results->len, ==, 3);

        result = g_ptr_array_index (results, 1);
        g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE);
        expected = g_strdup_printf ("%s file %s, line 2, column %u: arrays and objects nest "
                                    "more than %d deep here; no dataset needs that many, and "
                                    "Gloss reads at most %d",
                                    kind_of (format->format),
                                    format->basename ? format->file_name
                                                     : (char *) paths->pdata[1],
                                    column, GLOSS_JSON_MAX_DEPTH, GLOSS_JSON_MAX_DEPTH);
        g_assert_cmpstr (result->error->message, ==, expected);

        g_assert_no_error (((GlossImportResult *) g_ptr_array_index (results, 0))->error);
        g_assert_no_error (((GlossImportResult *) g_ptr_array_index (results, 2))->error);
        g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 2 * (f * 2 + o + 1));
      }
}

/* As deep as a file may go, it is read. */
static void
test_json_depth_limit_reads (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GString) contents = g_string_new ("{\"gloss\": 1, \"labels\": []}\n"
                                              "{\"name\": \"a\", \"text\": \"b\", \"x\": ");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = NULL;

  /* The document's object is the first level. */
  for (guint i = 1; i < GLOSS_JSON_MAX_DEPTH; i++)
    g_string_append_c (contents, '[');
  /* A bracket in a string is text, not nesting. */
  g_string_append (contents, "\"[[[\\\"[[\"");
  for (guint i = 1; i < GLOSS_JSON_MAX_DEPTH; i++)
    g_string_append_c (contents, ']');
  g_string_append (contents, "}\n");

  path = write_file (fixture->dir, "limit.gloss.jsonl", contents->str, contents->len);
  dataset = read_ok ("gloss", path, report);
  g_assert_cmpuint (dataset->documents->len, ==, 1);
}

/* NUL and surrogates */

/* "\u0000" cut a text, a label or a note short without a word; now the file
 * is refused, naming the line and the column of the escape. */
/* A file of FORMAT named NAME holding CONTENTS, refused at PLACE. */
typedef struct
{
  const char *format;
  const char *name;
  const char *contents;
  const char *place;
} RefusedCase;

/* Each of CASES is refused with CODE and "KIND file NAME, PLACE: WHAT";
 * doccano names its file by its base name. */
static void
assert_each_refused (Fixture           *fixture,
                     const RefusedCase *cases,
                     gsize              n_cases,
                     int                code,
                     const char        *what)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *path = write_file (fixture->dir, cases[i].name, cases[i].contents, -1);
      g_autofree char *message = NULL;

      message = g_strdup_printf ("%s file %s, %s: %s", kind_of (cases[i].format),
                                 g_str_equal (cases[i].format, "doccano") ? cases[i].name : path,
                                 cases[i].place, what);
      assert_refused (cases[i].format, path, code, message);
    }
}

static void
test_json_nul (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const RefusedCase cases[] = {
    { "gloss", "text.gloss.jsonl",
      "{\"gloss\": 1, \"labels\": []}\n"
      "{\"name\": \"a\", \"text\": \"cut\\u0000 short\"}\n", "line 2, column 27" },
    { "gloss", "label.gloss.jsonl",
      "{\"gloss\": 1, \"labels\": [{\"name\": \"Act\\u0000or\"}]}\n", "line 1, column 38" },
    { "gloss", "note.gloss.jsonl",
      "{\"gloss\": 1, \"labels\": []}\n"
      "{\"name\": \"a\", \"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\", "
      "\"note\": \"n\\u0000\"}]}\n", "line 2, column 87" },
    { "spacy", "text.spacy.json", "[[\"cut\\u0000\", {\"entities\": []}]]", "line 1, column 7" },
    { "spacy", "label.spacy.json",
      "[[\"abc\", {\"entities\": [[0, 1, \"X\\u0000Y\"]]}]]", "line 1, column 33" },
    { "labelstudio", "text.labelstudio.json", "[{\"data\": {\"text\": \"a\\u0000\"}}]",
      "line 1, column 22" },
    { "labelstudio", "label.labelstudio.json",
      "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", "
      "\"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"X\\u0000\"]}}]}]}]",
      "line 1, column 120" },
    { "labelstudio", "note.labelstudio.json",
      "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": ["
      "{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"X\"]}}, "
      "{\"id\": \"r\", \"type\": \"textarea\", \"value\": {\"text\": [\"\\u0000\"]}}]}]}]",
      "line 1, column 189" },
    { "doccano", "text.doccano.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"a\\u0000\"}\n",
      "line 2, column 12" },
  };

  assert_each_refused (fixture, cases, G_N_ELEMENTS (cases), GLOSS_FORMAT_ERROR_ENCODING,
                       "a string holds a NUL character (\\u0000)");
}

/* "\ud83d" alone made bytes that are not UTF-8; "\\u0000" is a backslash
 * and text, and a whole surrogate pair is a character. */
static void
test_json_surrogates (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *good = NULL;
  g_autofree char *message = NULL;
  GlossDatasetDocument *document;

  bad = write_file (fixture->dir, "half.gloss.jsonl",
                    "{\"gloss\": 1, \"labels\": []}\n{\"name\": \"a\", \"text\": \"x \\udc00\"}\n",
                    -1);
  message = g_strdup_printf ("Gloss file %s, line 2, column 26: a string holds \\udc00, half of "
                             "a UTF-16 surrogate pair, which is not a character", bad);
  assert_refused ("gloss", bad, GLOSS_FORMAT_ERROR_ENCODING, message);

  good = write_file (fixture->dir, "whole.gloss.jsonl",
                     "{\"gloss\": 1, \"labels\": []}\n"
                     "{\"name\": \"a\", \"text\": \"\\\\u0000 \\ud83d\\ude00\"}\n", -1);
  dataset = read_ok ("gloss", good, report);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->text, ==, "\\u0000 😀");
}

/* json-glib 1.6 takes "{...}[...]" as the last value alone, so a spaCy
 * file read as its second half; every JSON reader now refuses a second
 * value where one belongs, naming where it starts. */
static void
test_json_second_value (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const RefusedCase cases[] = {
    { "spacy", "two.spacy.json", " {\"a\": -5}[[\"C\", {\"entities\": []}]]", "line 1, column 11" },
    { "spacy", "lines.spacy.json", "[[\"a\", {}]]\n\n[[\"b\", {}]]\n", "line 3, column 1" },
    { "labelstudio", "two.labelstudio.json",
      "[{\"data\": {\"text\": \"a\"}}]\n[{\"data\": {\"text\": \"b\"}}]", "line 2, column 1" },
    { "gloss", "two.gloss.jsonl",
      "{\"gloss\": 1, \"labels\": []}\n{\"name\": \"a\", \"text\": \"x\"} {\"name\": \"b\"}\n",
      "line 2, column 28" },
    { "doccano", "two.doccano.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"a\"}{\"text\": \"b\"}\n",
      "line 2, column 14" },
  };

  assert_each_refused (fixture, cases, G_N_ELEMENTS (cases), GLOSS_FORMAT_ERROR_PARSE,
                       "a second JSON value starts here, after the end of the first; there "
                       "should be only one");
}

/* Markdown and HTML in linear time */

static char *
repeat (const char *unit,
        gsize       size)
{
  g_autoptr(GString) text = g_string_sized_new (size + strlen (unit));

  while (text->len < size)
    g_string_append (text, unit);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_markdown (const char *markdown,
                 const char *expected)
{
  g_autofree char *text = gloss_text_from_markdown (markdown);

  g_assert_cmpuint (strlen (text), ==, strlen (expected));
  g_assert_true (strcmp (text, expected) == 0);
}

/* Brackets that close nothing searched to the end of the paragraph, each:
 * 320 kB took minutes. They are text. */
static void
test_markdown_unclosed (void)
{
  static const char * const units[] = { "[", "[a](", "![", "[a][", "(", "a* ", "_a ", "~~a ",
                                        "**a " };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *markdown = repeat (units[i], LARGE);
      g_autofree char *expected = g_strstrip (g_strdup (markdown));

      assert_markdown (markdown, expected);
    }
}

/* Nested brackets and links: each level searched again, and links nested
 * by the thousand recursed past the end of the stack. */
static void
test_markdown_nested (void)
{
  g_autoptr(GString) brackets = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autoptr(GString) emphasis = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);

  for (gsize i = 0; i < LARGE / 2; i++)
    g_string_append_c (brackets, '[');
  for (gsize i = 0; i < LARGE / 2; i++)
    g_string_append_c (brackets, ']');
  assert_markdown (brackets->str, brackets->str);

  /* [[[*a*](x)](x)](x): links may not contain links (CommonMark, "Links"),
   * so the innermost is one and the brackets around it are text:
   * "[[a](x)](x)". */
  for (gsize i = 0; i < LARGE / 8; i++)
    g_string_append_c (links, '[');
  g_string_append (links, "*a*");
  for (gsize i = 0; i < LARGE / 8; i++)
    g_string_append (links, "](x)");
  g_string_truncate (expected, 0);
  for (gsize i = 1; i < LARGE / 8; i++)
    g_string_append_c (expected, '[');
  g_string_append (expected, "a");
  for (gsize i = 1; i < LARGE / 8; i++)
    g_string_append (expected, "](x)");
  assert_markdown (links->str, expected->str);
  g_string_truncate (expected, 0);

  /* Emphasis inside a link's text pairs there, not with what is around. */
  for (gsize i = 0; i < LARGE / 16; i++)
    {
      g_string_append (emphasis, "*[b *c*](x) ");
      g_string_append (expected, "*b c ");
    }
  g_string_truncate (expected, expected->len - 1);
  assert_markdown (emphasis->str, expected->str);
}

/* Backtick runs of every length, each without a closing run: each searched
 * the rest of the paragraph. */
static void
test_markdown_backtick_runs (void)
{
  g_autoptr(GString) markdown = g_string_new (NULL);

  for (gsize n = 1; markdown->len < LARGE; n++)
    {
      for (gsize i = 0; i < n; i++)
        g_string_append_c (markdown, '`');
      g_string_append_c (markdown, 'a');
    }

  assert_markdown (markdown->str, markdown->str);
}

/* A link's text full of tags: each tag copied the rest of the text. */
static void
test_markdown_tags_in_link (void)
{
  g_autofree char *tags = repeat ("<b>x</b>", LARGE);
  g_autofree char *markdown = g_strdup_printf ("[%s](y)", tags);
  g_autofree char *expected = repeat ("x", LARGE / strlen ("<b>x</b>"));

  assert_markdown (markdown, expected);
}

/* Unclosed tags, comments, CDATA and scripts take the rest of the page;
 * a page of them is read in one pass. */
static void
test_html_unclosed (void)
{
  static const struct
  {
    const char *unit;
    const char *prefix;
    const char *expected;
  } cases[] = {
    { "<a", "text ", "text" },
    { "<!--", "text ", "text" },
    { "<script>", "text ", "text" },
    { "<![CDATA[", "text ", NULL },
    { "&#", "", NULL },
    /* "</" and no letter opens a comment running to the next '>', as a
     * browser reads it: none comes, so there is no text. */
    { "</", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *units = repeat (cases[i].unit, LARGE);
      g_autofree char *html = g_strconcat (cases[i].prefix, units, NULL);
      g_autofree char *text = gloss_text_from_html (html);

      if (cases[i].expected != NULL)
        g_assert_cmpstr (text, ==, cases[i].expected);
      else
        g_assert_cmpuint (strlen (text), >=, LARGE / 2);
    }
}

/* Labels */

/* A file with 200,000 labels: each span's label was looked up through the
 * list of those seen so far. */
static void
test_doccano_many_labels (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GString) line = g_string_new ("{\"text\": \"");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *path = NULL;
  const guint n = 200000;

  for (guint i = 0; i < n; i++)
    g_string_append_c (line, 'x');
  g_string_append (line, "\", \"label\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (line, "%s[%u, %u, \"L%u\"]", i > 0 ? ", " : "", i, i + 1, i);
  /* And each again, which finds the label already there. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (line, ", [%u, %u, \"L%u\"]", i, i + 1, i);
  g_string_append (line, "]}\n");

  path = write_file (fixture->dir, "labels.doccano.jsonl", line->str, line->len);
  dataset = read_ok ("doccano", path, report);
  g_assert_cmpuint (dataset->labels->len, ==, n);
  g_assert_cmpstr (((GlossDatasetLabel *) dataset->labels->pdata[n - 1])->name, ==, "L199999");
  g_assert_cmpuint (((GlossDatasetDocument *) dataset->documents->pdata[0])->spans->len, ==,
                    2 * n);
}

/* "Actor " is the label "Actor", as a project keeps names: a file naming
 * both is read, with a warning that names the place, instead of refused
 * whole as a duplicate by the project; a name of spaces only is refused
 * with its place. */
static void
test_label_white_space (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;
  GlossImportResult *result;

  g_ptr_array_add (paths, write_file (fixture->dir, "labels.gloss.jsonl",
                                      "{\"gloss\": 1, \"labels\": [{\"name\": \"Actor\", "
                                      "\"color\": \"#e01b24\"}, {\"name\": \"Actor \", "
                                      "\"color\": \"#3584e4\"}]}\n"
                                      "{\"name\": \"a\", \"text\": \"Tehran said\", \"spans\": "
                                      "[{\"start\": 0, \"end\": 6, \"label\": \" Actor\"}]}\n",
                                      -1));
  g_ptr_array_add (paths, write_file (fixture->dir, "labels.doccano.jsonl",
                                      "{\"text\": \"Baku said\", \"label\": [[0, 4, \"Actor\\t\"]]}\n",
                                      -1));
  g_ptr_array_add (paths, NULL);

  results = gloss_import_paths (fixture->store, (const char * const *) paths->pdata, NULL, NULL,
                                NULL, NULL);
  result = g_ptr_array_index (results, 0);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->report->warnings->len, ==, 2);
  warning = g_strdup_printf ("Gloss file %s, line 1, labels[1]: the label “Actor ” was read as "
                             "“Actor”, without the white space around it, as Gloss keeps label "
                             "names", (char *) paths->pdata[0]);
  g_assert_cmpstr (result->report->warnings->pdata[0], ==, warning);
  g_clear_pointer (&warning, g_free);
  warning = g_strdup_printf ("Gloss file %s, line 2, spans[0]: the label “ Actor” was read as "
                             "“Actor”, without the white space around it, as Gloss keeps label "
                             "names", (char *) paths->pdata[0]);
  g_assert_cmpstr (result->report->warnings->pdata[1], ==, warning);

  result = g_ptr_array_index (results, 1);
  g_assert_no_error (result->error);
  g_assert_cmpstr (result->report->warnings->pdata[0], ==,
                   "doccano file labels.doccano.jsonl, line 1: the label “Actor\\t” was read as "
                   "“Actor”, without the white space around it, as Gloss keeps label names");

  /* One label, with the first color given. */
  labels = gloss_store_list_labels (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (gloss_label_get_name (labels->pdata[0]), ==, "Actor");
  g_assert_cmpstr (gloss_label_get_color (labels->pdata[0]), ==, "#e01b24");
  g_assert_cmpuint (gloss_store_count_label_spans (fixture->store,
                                                   gloss_label_get_id (labels->pdata[0])), ==, 2);

  blank = write_file (fixture->dir, "blank.spacy.json",
                      "[[\"abc\", {\"entities\": [[0, 1, \"  \"]]}]]", -1);
  message = g_strdup_printf ("spaCy file %s, [0][1].entities[0][2]: an entity needs a label",
                             blank);
  assert_refused ("spacy", blank, GLOSS_FORMAT_ERROR_PARSE, message);
}

/* Long lines */

/* A line of megabytes is quoted by its first 40 characters. */
static void
test_brat_long_line (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const struct
  {
    const char *before;
    const char *after;
    gint code;
    const char *message;
  } cases[] = {
    { "T1\tActor 0 5\t", "", GLOSS_FORMAT_ERROR_SPAN,
      "brat file doc.ann, line 1: T1 gives the text “yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…”, "
      "but the text at 0-5 is “Hello”; were the offsets counted in another unit?" },
    { "X", "\tActor 0 5", GLOSS_FORMAT_ERROR_PARSE,
      "brat file doc.ann, line 1: “Xyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…” is not a brat "
      "annotation ID (T1, R1, E1, A1, N1, #1 or *)" },
    { "T1\tActor 0 5;", "", GLOSS_FORMAT_ERROR_PARSE,
      "brat file doc.ann, line 1: “yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…” is not a start "
      "and an end offset" },
    { "", "", GLOSS_FORMAT_ERROR_PARSE,
      "brat file doc.ann, line 1: “yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…” is not an "
      "annotation (an ID, a tab, then its type)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *long_part = repeat ("y", 10 * 1000 * 1000);
      g_autofree char *ann = g_strconcat (cases[i].before, long_part, cases[i].after, "\n", NULL);
      g_autofree char *txt_path = write_file (fixture->dir, "doc.txt", "Hello world", -1);
      g_autofree char *ann_path = write_file (fixture->dir, "doc.ann", ann, -1);

      assert_refused ("brat", ann_path, cases[i].code, cases[i].message);
    }
}

/* A discontinuous span whose fragments are out of order, overlap, run
 * past the text or are empty: the folder is refused, naming file and line,
 * and nothing of it (not its good file) comes into the project. */
static void
test_brat_bad_fragments (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const struct
  {
    const char *line;
    const char *message;
  } cases[] = {
    { "T2\tActor 10 16;0 4\tTehran Iran",
      "brat file b.ann, line 2: T2 lists the fragment 0-4 after 10-16; a span’s fragments must "
      "be in order" },
    { "T2\tActor 0 9;5 16\tIran said said Tehran",
      "brat file b.ann, line 2: T2 has the fragments 0-9 and 5-16, which overlap" },
    { "T2\tActor 0 4;10 99\tIran Tehran",
      "brat file b.ann, line 2: span 10-99 lies outside the text, which has 27 characters" },
    { "T2\tActor 0 4;10 10\tIran ",
      "brat file b.ann, line 2: span 10-10 is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, "corpus", NULL);
      g_autofree char *ann = g_strconcat ("T1\tActor 0 4\tIran\n", cases[i].line, "\n", NULL);
      g_autofree char *a_txt = NULL;
      g_autofree char *a_ann = NULL;
      g_autofree char *b_txt = NULL;
      g_autofree char *b_ann = NULL;
      const char *paths[] = { folder, NULL };
      g_autoptr(GPtrArray) results = NULL;
      GlossImportResult *result;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      a_txt = write_file (folder, "a.txt", "Iran said Tehran would not.", -1);
      a_ann = write_file (folder, "a.ann", "T1\tActor 0 4;10 16\tIran Tehran\n", -1);
      b_txt = write_file (folder, "b.txt", "Iran said Tehran would not.", -1);
      b_ann = write_file (folder, "b.ann", ann, -1);

      assert_refused ("brat", folder, GLOSS_FORMAT_ERROR_SPAN, cases[i].message);

      results = gloss_import_paths (fixture->store, paths, NULL, NULL, NULL, NULL);
      g_assert_cmpuint (results->len, ==, 1);
      result = g_ptr_array_index (results, 0);
      g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN);
      g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, 0);
    }
}

/* Spans */

#define LONG_TEXT (1000 * 1000)
#define N_SPANS 40000

/* Spans alternating between the two ends of a long text: each walked the
 * text from where the last one was. */
static void
test_spans_out_of_order (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *text = repeat ("a", LONG_TEXT);
  g_autoptr(GString) gloss = g_string_new ("{\"gloss\": 1, \"labels\": []}\n{\"name\": \"d\", ");
  g_autoptr(GString) doccano = g_string_new ("{\"text\": \"");
  g_autoptr(GString) studio = g_string_new ("[{\"data\": {\"text\": \"");
  g_autoptr(GString) ann = g_string_new (NULL);
  static const char * const formats[] = { "gloss", "doccano", "labelstudio", "brat" };
  GString *contents[G_N_ELEMENTS (formats)] = { gloss, doccano, studio, ann };
  static const char * const names[] = { "order.gloss.jsonl", "order.doccano.jsonl",
                                        "order.labelstudio.json", "order.ann" };

  g_string_append_printf (gloss, "\"text\": \"%s\", \"spans\": [", text);
  g_string_append_printf (doccano, "%s\", \"label\": [", text);
  g_string_append_printf (studio, "%s\"}, \"annotations\": [{\"result\": [", text);

  for (guint i = 0; i < N_SPANS; i++)
    {
      guint start = i % 2 == 0 ? i / 2 : LONG_TEXT - 1 - i / 2;
      const char *comma = i > 0 ? ", " : "";

      g_string_append_printf (gloss, "%s{\"start\": %u, \"end\": %u, \"label\": \"X\", "
                              "\"text\": \"a\"}", comma, start, start + 1);
      g_string_append_printf (doccano, "%s[%u, %u, \"X\"]", comma, start, start + 1);
      g_string_append_printf (studio, "%s{\"type\": \"labels\", \"value\": {\"start\": %u, "
                              "\"end\": %u, \"text\": \"a\", \"labels\": [\"X\"]}}",
                              comma, start, start + 1);
      g_string_append_printf (ann, "T%u\tX %u %u\ta\n", i + 1, start, start + 1);
    }
  g_string_append (gloss, "]}\n");
  g_string_append (doccano, "]}\n");
  g_string_append (studio, "]}]}]\n");
  g_free (write_file (fixture->dir, "order.txt", text, -1));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
      g_autoptr(GlossDataset) dataset = NULL;
      g_autofree char *path = write_file (fixture->dir, names[f], contents[f]->str,
                                          contents[f]->len);
      GlossDatasetDocument *document;
      GlossDatasetSpan *span;

      dataset = read_ok (formats[f], path, report);
      document = g_ptr_array_index (dataset->documents, 0);
      g_assert_cmpuint (document->spans->len, ==, N_SPANS);
      span = g_ptr_array_index (document->spans, N_SPANS - 1);
      g_assert_cmpint (span->start, ==, LONG_TEXT - N_SPANS / 2);
    }
}

/* Many notes on one annotation were joined onto its spans one at a time,
 * copying what was joined so far each time. */
static void
test_notes_on_one_span (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const guint n = 100000;
  const char *note = "a note of some words";
  g_autoptr(GString) ann = g_string_new ("T1\tX 0 5\tHello\n");
  g_autoptr(GString) studio = g_string_new ("[{\"data\": {\"text\": \"Hello\"}, \"annotations\": "
                                            "[{\"result\": [{\"id\": \"r\", \"type\": \"labels\", "
                                            "\"value\": {\"start\": 0, \"end\": 5, "
                                            "\"labels\": [\"X\"]}}");
  g_autoptr(GString) expected = g_string_new (NULL);
  static const char * const formats[] = { "brat", "labelstudio" };
  static const char * const names[] = { "notes.ann", "notes.labelstudio.json" };
  GString *contents[] = { ann, studio };

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (ann, "#%u\tAnnotatorNotes T1\t%s\n", i + 1, note);
      g_string_append_printf (studio, ", {\"id\": \"r\", \"type\": \"textarea\", "
                              "\"value\": {\"text\": [\"%s\"]}}", note);
    }
  g_string_append (studio, "]}]}]");
  g_free (write_file (fixture->dir, "notes.txt", "Hello", -1));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
      g_autoptr(GlossDataset) dataset = NULL;
      g_autofree char *path = write_file (fixture->dir, names[f], contents[f]->str,
                                          contents[f]->len);
      GlossDatasetDocument *document;
      GlossDatasetSpan *span;

      /* brat joins notes with a space, Label Studio with a line break. */
      g_string_truncate (expected, 0);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (expected, "%s%s", i > 0 ? (f == 0 ? " " : "\n") : "", note);

      dataset = read_ok (formats[f], path, report);
      document = g_ptr_array_index (dataset->documents, 0);
      g_assert_cmpuint (document->spans->len, ==, 1);
      span = g_ptr_array_index (document->spans, 0);
      g_assert_cmpuint (strlen (span->note), ==, expected->len);
      g_assert_true (g_str_equal (span->note, expected->str));
    }
}

/* Memory */

typedef GlossDataset *(*ReadDataFunc) (const char         *name,
                                       const char         *data,
                                       gsize               length,
                                       GlossFormatReport  *report,
                                       GError            **error);

/* The readers as a fuzzer calls them, on bytes in memory: the same checks
 * and messages, naming the file as given; not NUL-terminated input. */
static void
test_memory_entry_points (void)
{
  static const struct
  {
    ReadDataFunc read;
    const char *name;
    const char *good;
    const char *kind;
  } cases[] = {
    { gloss_format_gloss_read_data, "a.gloss.jsonl",
      "{\"gloss\": 1, \"labels\": []}\n{\"name\": \"a\", \"text\": \"b\"}\n", "Gloss" },
    { gloss_format_spacy_read_data, "a.spacy.json", "[[\"b\", {\"entities\": []}]]", "spaCy" },
    { gloss_format_labelstudio_read_data, "a.labelstudio.json", "[{\"data\": {\"text\": \"b\"}}]",
      "Label Studio" },
    { gloss_format_doccano_read_data, "a.doccano.jsonl", "{\"text\": \"b\"}\n", "doccano" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
      g_autoptr(GlossDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *deep = repeat ("[", DEEP);
      g_autofree char *expected = NULL;
      /* Followed by bytes that are not part of it. */
      g_autofree char *good = g_strconcat (cases[i].good, "\xff\xff", NULL);

      dataset = cases[i].read (cases[i].name, good, strlen (cases[i].good), report, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (dataset->documents->len, ==, 1);
      g_assert_cmpstr (((GlossDatasetDocument *) dataset->documents->pdata[0])->text, ==, "b");
      g_clear_pointer (&dataset, gloss_dataset_free);

      dataset = cases[i].read (cases[i].name, deep, DEEP, report, &error);
      g_assert_null (dataset);
      expected = g_strdup_printf ("%s file %s, line 1, column %d: arrays and objects nest more "
                                  "than %d deep here; no dataset needs that many, and Gloss "
                                  "reads at most %d", cases[i].kind, cases[i].name,
                                  GLOSS_JSON_MAX_DEPTH + 1, GLOSS_JSON_MAX_DEPTH,
                                  GLOSS_JSON_MAX_DEPTH);
      g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, expected);
    }

  {
    g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
    g_autoptr(GlossDataset) dataset = NULL;
    g_autoptr(GError) error = NULL;
    const char *ann = "T1\tActor 0 5\tHello\n#1\tAnnotatorNotes T1\tthe note\n";
    GlossDatasetSpan *span;

    dataset = gloss_format_brat_read_data ("doc", "Hello world", 11, ann, strlen (ann), report,
                                           &error);
    g_assert_no_error (error);
    span = g_ptr_array_index (((GlossDatasetDocument *) dataset->documents->pdata[0])->spans, 0);
    g_assert_cmpstr (span->label, ==, "Actor");
    g_assert_cmpstr (span->note, ==, "the note");
    g_clear_pointer (&dataset, gloss_dataset_free);

    dataset = gloss_format_brat_read_data ("doc", "Hello world", 11, "T1\tActor 0 5\tHallo\n",
                                           strlen ("T1\tActor 0 5\tHallo\n"), report, &error);
    g_assert_null (dataset);
    g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN);
    g_assert_cmpstr (error->message, ==, "brat file doc.ann, line 1: T1 gives the text “Hallo”, "
                     "but the text at 0-5 is “Hello”; were the offsets counted in another unit?");
  }
}

/* Invalid UTF-8 anywhere is refused with the file and its line. */
static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const struct
  {
    const char *format;
    const char *name;
    const char *contents;
    const char *kind;      /* the message starts "KIND file PATH", when there is one */
    const char *message;
  } cases[] = {
    { "gloss", "bad.gloss.jsonl", "{\"gloss\": 1, \"labels\": []}\n{\"name\": \"\xff\"}\n",
      "Gloss", ", line 2: not valid UTF-8 at byte 37; save the file as UTF-8 and import it again" },
    { "spacy", "bad.spacy.json", "[\n[\"\xff\", {}]]",
      "spaCy", ", line 2: not valid UTF-8 at byte 4; save the file as UTF-8 and import it again" },
    { "labelstudio", "bad.labelstudio.json", "[\n{\"data\": {\"text\": \"\xc3\"}}]",
      "Label Studio", ", line 2: not valid UTF-8 at byte 21; save the file as UTF-8 and import it "
      "again" },
    { "doccano", "bad.doccano.jsonl", "{\"text\": \"a\"}\n{\"text\": \"\xff\"}\n",
      NULL, "“bad.doccano.jsonl” is not valid UTF-8 text: invalid byte 0xFF at byte 24 (line 2)" },
    { "text", "bad.md", "# Title\n\xff\n",
      NULL, "“bad.md” is not valid UTF-8 text: invalid byte 0xFF at byte 8 (line 2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (fixture->dir, cases[i].name, cases[i].contents, -1);
      g_autofree char *message = cases[i].kind != NULL
                                 ? g_strconcat (cases[i].kind, " file ", path, cases[i].message, NULL)
                                 : g_strdup (cases[i].message);

      assert_refused (cases[i].format, path, GLOSS_FORMAT_ERROR_ENCODING, message);
    }

  {
    g_autofree char *txt = write_file (fixture->dir, "bad.txt", "Hello", -1);
    g_autofree char *ann = write_file (fixture->dir, "bad.ann", "T1\tX 0 5\tHello\nT2\tX 0 1\t\xff\n",
                                       -1);

    assert_refused ("brat", ann, GLOSS_FORMAT_ERROR_ENCODING,
                    "brat file bad.ann, line 2: not valid UTF-8 at byte 24; save the file as UTF-8 "
                    "and import it again");
  }
}

/* Folders and links */

static void
make_link (const char *target,
           const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

static gboolean
has_warning (GlossFormatReport *report,
             const char        *warning)
{
  for (guint i = 0; i < report->warnings->len; i++)
    if (g_str_equal (report->warnings->pdata[i], warning))
      return TRUE;

  return FALSE;
}

/* A link out of the folder is not read, and the report names it; a link to
 * a file of the folder is read. */
static void
test_text_folder_links (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *secret = write_file (fixture->outside, "secret.txt", "the secret", -1);
  g_autofree char *own = write_file (fixture->dir, "own.txt", "our text", -1);
  g_autofree char *outside_name = g_path_get_basename (fixture->outside);
  g_autofree char *relative = g_build_filename ("..", outside_name, "secret.txt", NULL);
  g_autofree char *warning = NULL;

  make_link (secret, fixture->dir, "doc.txt");
  make_link ("own.txt", fixture->dir, "same.txt");
  make_link (relative, fixture->dir, "relative.md");

  dataset = read_ok ("text", fixture->dir, report);
  g_assert_cmpuint (dataset->documents->len, ==, 2);
  g_assert_cmpstr (((GlossDatasetDocument *) dataset->documents->pdata[0])->name, ==, "own.txt");
  g_assert_cmpstr (((GlossDatasetDocument *) dataset->documents->pdata[1])->name, ==, "same.txt");
  g_assert_cmpstr (((GlossDatasetDocument *) dataset->documents->pdata[1])->text, ==, "our text");

  warning = g_strdup_printf ("folder %s: doc.txt is a link to a file outside the folder; it was "
                             "not read", fixture->dir);
  g_assert_true (has_warning (report, warning));
  g_clear_pointer (&warning, g_free);
  warning = g_strdup_printf ("folder %s: relative.md is a link to a file outside the folder; it "
                             "was not read", fixture->dir);
  g_assert_true (has_warning (report, warning));
}

static void
test_brat_folder_links (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *secret = write_file (fixture->outside, "secret.txt", "the secret", -1);
  g_autofree char *own = write_file (fixture->dir, "own.txt", "our text", -1);
  g_autofree char *own_ann = write_file (fixture->dir, "own.ann", "T1\tActor 0 3\tour\n", -1);
  g_autofree char *doc_ann = write_file (fixture->dir, "doc.ann", "T1\tActor 0 3\tthe\n", -1);

  make_link (secret, fixture->dir, "doc.txt");
  make_link ("own.txt", fixture->dir, "same.txt");
  make_link ("own.ann", fixture->dir, "same.ann");

  dataset = read_ok ("brat", fixture->dir, report);
  g_assert_cmpuint (dataset->documents->len, ==, 2);
  g_assert_cmpstr (((GlossDatasetDocument *) dataset->documents->pdata[0])->name, ==, "own.txt");
  g_assert_cmpstr (((GlossDatasetDocument *) dataset->documents->pdata[1])->name, ==, "same.txt");
  g_assert_cmpuint (((GlossDatasetDocument *) dataset->documents->pdata[1])->spans->len, ==, 1);
  g_assert_true (has_warning (report, "brat folder: doc.txt or doc.ann is a link to a file "
                                      "outside the folder; the document was not read"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/hostile/json/deep-nesting", test_json_deep_nesting);
  ADD ("/gloss/hostile/json/depth-limit-reads", test_json_depth_limit_reads);
  ADD ("/gloss/hostile/json/nul", test_json_nul);
  ADD ("/gloss/hostile/json/surrogates", test_json_surrogates);
  ADD ("/gloss/hostile/json/second-value", test_json_second_value);
  g_test_add_func ("/gloss/hostile/markdown/unclosed", test_markdown_unclosed);
  g_test_add_func ("/gloss/hostile/markdown/nested", test_markdown_nested);
  g_test_add_func ("/gloss/hostile/markdown/backtick-runs", test_markdown_backtick_runs);
  g_test_add_func ("/gloss/hostile/markdown/tags-in-link", test_markdown_tags_in_link);
  g_test_add_func ("/gloss/hostile/html/unclosed", test_html_unclosed);
  ADD ("/gloss/hostile/labels/many", test_doccano_many_labels);
  ADD ("/gloss/hostile/labels/white-space", test_label_white_space);
  ADD ("/gloss/hostile/brat/long-line", test_brat_long_line);
  ADD ("/gloss/hostile/brat/bad-fragments", test_brat_bad_fragments);
  ADD ("/gloss/hostile/spans/out-of-order", test_spans_out_of_order);
  ADD ("/gloss/hostile/spans/notes", test_notes_on_one_span);
  ADD ("/gloss/hostile/utf8", test_invalid_utf8);
  g_test_add_func ("/gloss/hostile/memory/entry-points", test_memory_entry_points);
  ADD ("/gloss/hostile/folder/text-links", test_text_folder_links);
  ADD ("/gloss/hostile/folder/brat-links", test_brat_folder_links);

#undef ADD

  return g_test_run ();
}
