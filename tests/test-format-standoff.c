/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-test-util.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-export.h"
#include "gloss-format.h"
#include "gloss-import.h"
#include "gloss-offsets.h"
#include "gloss-test-dataset.h"
#include "gloss-tokenizer.h"
#include "gloss-type-name.h"

typedef GlossTestFolder Fixture;

static char *
path_in (const char *dir,
         const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = path_in (dir, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = path_in (dir, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
make_folder (Fixture    *fixture,
             const char *name)
{
  char *path = path_in (fixture->dir, name);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  return path;
}

static void
export_dataset (const GlossFormat *format,
                GlossDataset      *dataset,
                const char        *path,
                GlossFormatReport *report)
{
  g_autoptr(GlossDatasetSource) source = gloss_dataset_source_new_for_dataset (dataset);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_format_write_dataset (format, source, path, FALSE, report, &error));
  g_assert_no_error (error);
}

static GlossDataset *
import_path (const GlossFormat *format,
             const char        *path,
             GlossFormatReport *report)
{
  g_autoptr(GError) error = NULL;
  GlossDataset *dataset = format->read (path, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

static char *
span_text (GlossDatasetDocument *document,
           guint                 index)
{
  GlossDatasetSpan *span = g_ptr_array_index (document->spans, index);

  return gloss_offsets_dup_range (document->text, span->start, span->end);
}

static void
assert_span (GlossDatasetDocument *document,
             guint                 index,
             const char           *text,
             const char           *label,
             const char           *note)
{
  GlossDatasetSpan *span = g_ptr_array_index (document->spans, index);
  g_autofree char *found = span_text (document, index);

  g_assert_cmpstr (found, ==, text);
  g_assert_cmpstr (span->label, ==, label);
  g_assert_cmpstr (span->note, ==, note);
}

/* Relation INDEX of DOCUMENT: its type, the indexes of its spans, its note. */
static void
assert_relation (GlossDatasetDocument *document,
                 guint                 index,
                 const char           *type,
                 guint                 from,
                 guint                 to,
                 const char           *note)
{
  GlossDatasetRelation *relation = g_ptr_array_index (document->relations, index);

  g_assert_cmpstr (relation->type, ==, type);
  g_assert_true (relation->from == g_ptr_array_index (document->spans, from));
  g_assert_true (relation->to == g_ptr_array_index (document->spans, to));
  g_assert_cmpstr (relation->note, ==, note);
}

static guint
lost (GlossFormatReport *report,
      const char        *reason)
{
  return gloss_format_report_count_lost (report, reason);
}

static gboolean
has_warning (GlossFormatReport *report,
             const char        *part,
             const char        *other_part)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (report->warnings, i);

      if (strstr (warning, part) != NULL && (other_part == NULL || strstr (warning, other_part)))
        return TRUE;
    }

  return FALSE;
}

/* ---- What the tools that read the files see --------------------------- */

/* A span a format is expected to carry, in the dataset's document INDEX. */
typedef struct
{
  guint document;
  const char *text;
  const char *label;
} KeptSpan;

/* CoNLL gives each token one tag: of the overlapping spans of the shared
 * dataset, the longest stay ("Guard" inside the IRGC's full name goes, and so
 * does "Velayati vowed", shorter than "Ali Akbar Velayati"). */
static const KeptSpan conll_kept[] = {
  { 0, "Masoud Pezeshkian", "Reformist camp" },
  { 0, "Islamic Revolutionary Guard Corps", "Security establishment" },
  { 0, "IRGC", "Security establishment" },
  { 1, "Baku", "Foreign government" },
  { 1, "Tehran 🇮🇷", "Hardline camp" },
  { 1, "Yerevan", "Foreign government" },
  { 2, "پزشکیان", "Reformist camp" },
  { 2, "ولایتی", "Hardline camp" },
  { 3, "Ali Akbar Velayati", "Hardline camp" },
  { 3, "Ahmad Alili", "Reformist camp" },
  { 4, "Zu\u0308rich", "Foreign government" },
  { 4, "A\u030Arhus", "Foreign government" },
};

static char *
file_stem (const char *name)
{
  return g_str_has_suffix (name, ".txt") ? g_strndup (name, strlen (name) - 4) : g_strdup (name);
}

/* EXPECTED.json for check-export-standoff.py: every span of DATASET with its
 * note, or the KEPT ones only. */
static void
write_expected (const char     *path,
                GlossDataset   *dataset,
                const KeptSpan *kept,
                guint           n_kept)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);
      g_autofree char *stem = file_stem (document->name);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, stem);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, document->text);
      json_builder_set_member_name (builder, "spans");
      json_builder_begin_array (builder);

      for (guint j = 0; kept == NULL && j < document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (document->spans, j);
          g_autofree char *text = span_text (document, j);

          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, text);
          json_builder_add_string_value (builder, span->label);
          json_builder_add_string_value (builder, span->note);
          json_builder_end_array (builder);
        }

      for (guint j = 0; kept != NULL && j < n_kept; j++)
        if (kept[j].document == i)
          {
            json_builder_begin_array (builder);
            json_builder_add_string_value (builder, kept[j].text);
            json_builder_add_string_value (builder, kept[j].label);
            json_builder_end_array (builder);
          }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

/* Runs tests/check-export-standoff.py, which reads the export with Python
 * alone, as brat and CoNLL readers do. */
static void
assert_python_accepts (const char *format,
                       const char *exported,
                       const char *expected)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-export-standoff.py", NULL);
  const char *argv[] = { "python3", script, format, exported, expected, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, NULL))
    g_printerr ("check-export-standoff.py %s:\n%s%s", format, out, err);
  g_assert_cmpstr (err, ==, "");
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* ---- Tokenizer -------------------------------------------------------- */

/* Tokens joined by "|", with "¶" after the last token of a sentence. */
static char *
render_tokens (const char *text)
{
  g_autoptr(GArray) tokens = gloss_tokenizer_split (text);
  g_autoptr(GString) rendered = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, i);
      g_autofree char *token_text = gloss_offsets_dup_range (text, token->start, token->end);

      if (i > 0)
        g_string_append_c (rendered, '|');
      g_string_append (rendered, token_text);
      if (token->sentence_end)
        g_string_append (rendered, "¶");
    }

  return g_string_free (g_steal_pointer (&rendered), FALSE);
}

static const GlossToken *
find_token (GArray     *tokens,
            const char *text,
            const char *wanted)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const GlossToken *token = &g_array_index (tokens, GlossToken, i);
      g_autofree char *token_text = gloss_offsets_dup_range (text, token->start, token->end);

      if (g_str_equal (token_text, wanted))
        return token;
    }

  g_assert_not_reached ();
}

/* The sample article's em dash and curly quotes are tokens of their own, and
 * offsets stay code points past them: Python's text.index("Pezeshkian") is
 * 197 in data/samples. */
static void
test_tokenizer_sample_sentence (void)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, 0);
  g_autofree char *rendered = render_tokens (document->text);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "zangezur-corridor.txt", NULL);
  g_autofree char *article = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GError) error = NULL;
  const GlossToken *token;

  g_assert_cmpstr (rendered, ==,
                   "The|corridor|—|branded|the|“|Trump|Route|.|”¶|Iranian|President|Masoud|"
                   "Pezeshkian|has|voiced|a|pragmatic|stance|,|while|the|Islamic|Revolutionary|"
                   "Guard|Corps|(|IRGC|)|objects|.¶");

  g_file_get_contents (path, &article, NULL, &error);
  g_assert_no_error (error);
  tokens = gloss_tokenizer_split (article);
  token = find_token (tokens, article, "Pezeshkian");
  g_assert_cmpuint (token->start, ==, 197);
  g_assert_cmpuint (token->end, ==, 207);
}

static void
test_tokenizer_emoji (void)
{
  const char *text = "Baku 🇦🇿 and Tehran 🇮🇷🇦🇲 trade barbs 😠; 👋🏽 1️⃣ "
                     "👨\u200D👩\u200D👧\u200D👦 🏳️\u200D🌈!";
  g_autofree char *rendered = render_tokens (text);
  g_autoptr(GArray) tokens = gloss_tokenizer_split (text);
  const GlossToken *family;

  g_assert_cmpstr (rendered, ==,
                   "Baku|🇦🇿|and|Tehran|🇮🇷|🇦🇲|trade|barbs|😠|;|👋🏽|1️⃣|"
                   "👨\u200D👩\u200D👧\u200D👦|🏳️\u200D🌈|!¶");

  /* Four people and three joiners: seven code points, one token. */
  family = find_token (tokens, text, "👨\u200D👩\u200D👧\u200D👦");
  g_assert_cmpuint (family->end - family->start, ==, 7);
  g_assert_cmpuint (find_token (tokens, text, "🇮🇷")->start, ==, 19);
}

static void
test_tokenizer_persian (void)
{
  g_autofree char *rendered = render_tokens ("پزشکیان می\u200cخواهد روابط عادی شود؟ "
                                             "ولایتی مخالف است. یہ ٹھیک ہے۔ جی");

  /* The zero-width non-joiner keeps "می‌خواهد" one word. */
  g_assert_cmpstr (rendered, ==,
                   "پزشکیان|می\u200cخواهد|روابط|عادی|شود|؟¶|ولایتی|مخالف|است|.¶|یہ|ٹھیک|ہے|۔¶|جی¶");
}

static void
test_tokenizer_combining_marks (void)
{
  const char *text = "Re\u0301sume\u0301 of Zu\u0308rich: \u0301x A\u030Arhus.";
  g_autofree char *rendered = render_tokens (text);
  g_autoptr(GArray) tokens = gloss_tokenizer_split (text);

  g_assert_cmpstr (rendered, ==,
                   "Re\u0301sume\u0301|of|Zu\u0308rich|:|\u0301x|A\u030Arhus|.¶");
  g_assert_cmpuint (find_token (tokens, text, "Zu\u0308rich")->start, ==, 12);
  g_assert_cmpuint (find_token (tokens, text, "Zu\u0308rich")->end, ==, 19);
}

/* What Python's str.split() splits at splits tokens, no more: a no-break
 * space and an ideographic space do, a zero-width space does not. */
static void
test_tokenizer_white_space (void)
{
  g_autofree char *rendered = render_tokens ("a\u00A0b\u2003c\td\u3000e\vf\xC2\x85g\x1Ch");

  /* VT, NEL (U+0085) and the information separators are line breaks as well. */
  g_assert_cmpstr (rendered, ==, "a|b|c|d|e¶|f¶|g¶|h¶");
  g_assert_true (gloss_tokenizer_is_space (0x00A0));
  g_assert_false (gloss_tokenizer_is_space (0x200B));
  g_assert_true (gloss_tokenizer_is_line_break (0x2028));
  g_assert_false (gloss_tokenizer_is_line_break (' '));
}

/* A sentence ends at a line break, or after . ! ? with white space next,
 * closing quotes included. Abbreviations are not recognised. */
static void
test_tokenizer_sentences (void)
{
  g_autofree char *rendered = render_tokens ("Is it? Yes! “Done.” Next... U.S. plans\r\n"
                                             "New line (see below.) 3.5 stays");
  g_autofree char *empty = render_tokens ("");

  g_assert_cmpstr (rendered, ==,
                   "Is|it|?¶|Yes|!¶|“|Done|.|”¶|Next|.|.|.¶|U|.|S|.¶|plans¶|"
                   "New|line|(|see|below|.|)¶|3|.|5|stays¶");
  g_assert_cmpstr (empty, ==, "");
}

/* ---- Type names ------------------------------------------------------- */

static void
test_type_name_reversible (void)
{
  static const struct
  {
    const char *label;
    const char *type_name;
  } cases[] = {
    { "Reformist camp", "Reformist_camp" },
    { "Analyst / source", "Analyst_-2F-_source" },
    { "snake_case", "snake-5F-case" },
    { "Pro-Russian", "Pro-Russian" },
    { "v-fin", "v-fin" },
    { "a--b", "a--b" },
    { "a-/", "a--2F-" },
    { "a-2F-", "a-2D-2F-" },
    { "CD-40-L", "CD-2D-40-L" },
    { "-", "-2D-" },
    { "--", "-2D--2D-" },
    { "a -b", "a_-b" },
    { "“Quoted” 🇮🇷", "-201C-Quoted-201D-_-1F1EE--1F1F7-" },
    { "اصلاح\u200cطلب", "-627--635--644--627--62D--200C--637--644--628-" },
    { "PER", "PER" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *type_name = gloss_type_name_from_label (cases[i].label);
      g_autofree char *label = gloss_type_name_to_label (type_name);

      g_assert_cmpstr (type_name, ==, cases[i].type_name);
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpuint (strspn (type_name, "abcdefghijklmnopqrstuvwxyz"
                                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"),
                        ==, strlen (type_name));
    }
}

/* A type name brat holds comes back from its label as it was: "v-fin" is
 * not "v--fin", or a corpus no longer matches its annotation.conf. */
static void
test_type_name_brat_unchanged (void)
{
  static const char * const type_names[] = {
    "v-fin", "Gene_expression", "Protein", "GO-0005515", "A--B", "LOC-", "-x",
    "Two-component-system", "x_-y", "NP-SBJ-1", "a-b-c-d", "T-cell",
  };

  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    {
      g_autofree char *label = gloss_type_name_to_label (type_names[i]);
      g_autofree char *type_name = gloss_type_name_from_label (label);

      g_assert_cmpstr (type_name, ==, type_names[i]);
    }
}

/* Attribute values keep what brat holds in a value, letters of any script
 * and a lone "-" included. */
static void
test_type_name_values (void)
{
  static const struct
  {
    const char *value;
    const char *written;
  } cases[] = {
    { "High", "High" },
    { "very high", "very_high" },
    { "snake_case", "snake-5F-case" },
    { "Évident", "Évident" },
    { "-", "-" },
    { "+", "+" },
    { "a,b|c", "a-2C-b-7C-c" },
    { "<5", "-3C-5" },
    { "x-2C-", "x-2D-2C-" },
    { "tab\there", "tab-09-here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = gloss_type_name_from_value (cases[i].value);
      g_autofree char *value = gloss_type_name_to_value (written);

      g_assert_cmpstr (written, ==, cases[i].written);
      g_assert_cmpstr (value, ==, cases[i].value);
    }
}

/* Type names from other tools read as brat users expect. */
static void
test_type_name_foreign (void)
{
  static const struct
  {
    const char *type_name;
    const char *label;
  } cases[] = {
    { "Organization_Name", "Organization Name" },
    { "Person-Name", "Person-Name" },
    { "GO-0005515", "GO-0005515" },
    { "Protein", "Protein" },
    { "LOC-", "LOC-" },
    { "v-fin", "v-fin" },
    { "A--B", "A--B" },
    { "Ähnlich", "Ähnlich" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = gloss_type_name_to_label (cases[i].type_name);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* ---- brat ------------------------------------------------------------- */

static void
test_registered (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_format_lookup ("brat") == &gloss_format_brat);
  g_assert_true (gloss_format_lookup ("conll") == &gloss_format_conll);
  g_assert_true (gloss_format_guess ("annotations/doc.ann", &error) == &gloss_format_brat);
  g_assert_true (gloss_format_guess ("train.conll", &error) == &gloss_format_conll);
  g_assert_no_error (error);

  write_file (folder, "doc.ann", "", 0);
  g_assert_true (gloss_format_guess (folder, &error) == &gloss_format_brat);
  g_assert_no_error (error);
}

static void
test_brat_python_reads_export (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *expected = path_in (fixture->dir, "EXPECTED.json");

  export_dataset (&gloss_format_brat, dataset, folder, report);
  write_expected (expected, dataset, NULL, 0);
  assert_python_accepts ("brat", folder, expected);

  g_assert_cmpuint (report->documents, ==, 5);
  g_assert_cmpuint (report->spans, ==, 14);
}

/* Offsets count code points: a flag is two, as in Python and brat (UTF-16
 * would say Tehran ends at 16 and the flag at 25). */
static void
test_brat_astral_offsets (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *ann = NULL;
  g_autofree char *conf = NULL;

  export_dataset (&gloss_format_brat, dataset, folder, report);

  ann = read_file (folder, "emoji.ann");
  g_assert_cmpstr (ann, ==,
                   "T1\tForeign_government 0 4\tBaku\n"
                   "T2\tHardline_camp 12 21\tTehran 🇮🇷\n"
                   "T3\tForeign_government 37 44\tYerevan\n");

  conf = read_file (folder, "annotation.conf");
  g_assert_nonnull (strstr (conf, "[entities]\n# gloss-label: Reformist_camp = Reformist camp\n"
                                  "Reformist_camp\n"));
  g_assert_nonnull (strstr (conf, "\n[relations]\n"));
  g_assert_nonnull (strstr (conf, "\n[events]\n"));
  g_assert_nonnull (strstr (conf, "\n[attributes]\n"));
}

/* The text file is the document byte for byte, CRLF included, and offsets
 * count the CR: "Ahmad Alili" starts at 39, not 38. */
static void
test_brat_crlf (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, 3);
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;

  export_dataset (&gloss_format_brat, dataset, folder, report);

  txt = read_file (folder, "crlf.txt");
  g_assert_cmpstr (txt, ==, document->text);
  ann = read_file (folder, "crlf.ann");
  g_assert_cmpstr (ann, ==,
                   "T1\tHardline_camp 0 18\tAli Akbar Velayati\n"
                   "T2\tSecurity_establishment 10 24\tVelayati vowed\n"
                   "T3\tReformist_camp 39 50\tAhmad Alili\n"
                   "#1\tAnnotatorNotes T3\tan analyst, not a camp\n");
}

static void
assert_same_annotations (GlossDataset *expected,
                         GlossDataset *actual)
{
  g_assert_cmpuint (actual->labels->len, ==, expected->labels->len);
  for (guint i = 0; i < expected->labels->len; i++)
    {
      GlossDatasetLabel *want = g_ptr_array_index (expected->labels, i);
      GlossDatasetLabel *got = g_ptr_array_index (actual->labels, i);

      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpstr (got->color, ==, want->color);
    }

  /* A brat folder has no order of its own: documents read in name order. */
  g_assert_cmpuint (actual->documents->len, ==, expected->documents->len);
  for (guint i = 0; i < expected->documents->len; i++)
    {
      GlossDatasetDocument *want = g_ptr_array_index (expected->documents, i);
      GlossDatasetDocument *got = NULL;

      for (guint j = 0; got == NULL && j < actual->documents->len; j++)
        if (g_str_equal (((GlossDatasetDocument *) actual->documents->pdata[j])->name, want->name))
          got = actual->documents->pdata[j];

      g_assert_nonnull (got);
      g_assert_cmpstr (got->text, ==, want->text);
      g_assert_cmpuint (got->spans->len, ==, want->spans->len);
      for (guint j = 0; j < want->spans->len; j++)
        {
          GlossDatasetSpan *want_span = g_ptr_array_index (want->spans, j);
          GlossDatasetSpan *got_span = g_ptr_array_index (got->spans, j);

          g_assert_cmpint (got_span->start, ==, want_span->start);
          g_assert_cmpint (got_span->end, ==, want_span->end);
          g_assert_cmpstr (got_span->label, ==, want_span->label);
          g_assert_cmpstr (got_span->note, ==, want_span->note);
        }
    }
}

static GPtrArray *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
assert_same_folders (const char *a,
                     const char *b)
{
  g_autoptr(GPtrArray) names_a = list_folder (a);
  g_autoptr(GPtrArray) names_b = list_folder (b);

  g_ptr_array_sort (names_a, compare_names);
  g_ptr_array_sort (names_b, compare_names);
  g_assert_cmpuint (names_a->len, ==, names_b->len);

  for (guint i = 0; i < names_a->len; i++)
    {
      g_autofree char *path_a = path_in (a, names_a->pdata[i]);
      g_autofree char *path_b = path_in (b, names_b->pdata[i]);
      g_autofree char *contents_a = NULL;
      g_autofree char *contents_b = NULL;
      gsize length_a, length_b;

      g_assert_cmpstr (names_a->pdata[i], ==, names_b->pdata[i]);
      g_assert_true (g_file_get_contents (path_a, &contents_a, &length_a, NULL));
      g_assert_true (g_file_get_contents (path_b, &contents_b, &length_b, NULL));
      g_assert_cmpmem (contents_a, length_a, contents_b, length_b);
    }
}

/* What brat carries comes back: documents, spans, label names with their
 * spaces, colors, notes. And a second export of the import is the same
 * folder, byte for byte. */
static void
test_brat_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossDataset) imported = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) import_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) second_report = gloss_format_report_new ();
  g_autofree char *first = path_in (fixture->dir, "first");
  g_autofree char *second = path_in (fixture->dir, "second");

  export_dataset (&gloss_format_brat, dataset, first, report);
  imported = import_path (&gloss_format_brat, first, import_report);

  assert_same_annotations (dataset, imported);
  g_assert_cmpuint (import_report->documents, ==, 5);
  g_assert_cmpuint (import_report->spans, ==, 14);
  g_assert_cmpuint (import_report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (import_report->lost), ==, 0);

  export_dataset (&gloss_format_brat, imported, second, second_report);
  assert_same_folders (first, second);
}

/* What brat has no place for is counted, not dropped in silence. */
static void
test_brat_lost (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *described = NULL;

  export_dataset (&gloss_format_brat, dataset, folder, report);

  g_assert_cmpuint (lost (report, "span annotators"), ==, 11);
  g_assert_cmpuint (lost (report, "document statuses"), ==, 3);
  g_assert_cmpuint (lost (report, "label hotkeys"), ==, 2);
  g_assert_cmpuint (lost (report, "label descriptions"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 4);

  described = gloss_format_report_describe (report);
  g_assert_nonnull (strstr (described, "Not carried by this format: 11 span annotators"));
}

/* The exported folder has the modes any new folder has (0777 less the
 * umask), not the 0700 of a temporary folder. */
static void
test_brat_folder_mode (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  mode_t mask = umask (022);
  GStatBuf st;

  export_dataset (&gloss_format_brat, dataset, folder, report);
  umask (mask);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0755);
}

/* Document names become file names every file system takes, none of them
 * twice; the change is counted. */
static void
test_brat_file_names (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char * const names[] = { "a/b", "a_b.txt", "A_B", ".hidden", "", "kept.txt" };
  static const char * const files[] = { "A_B-3.txt", "_hidden.txt", "a_b.txt", "a_b-2.txt",
                                        "document.txt", "kept.txt" };
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossDataset) imported = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) import_report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  GlossDatasetDocument *document;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf ("Document %u", i);

      gloss_dataset_add_document (dataset, names[i], text);
    }

  export_dataset (&gloss_format_brat, dataset, folder, report);
  g_assert_cmpuint (lost (report, "document names changed to fit file names"), ==, 5);

  imported = import_path (&gloss_format_brat, folder, import_report);
  g_assert_cmpuint (imported->documents->len, ==, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      document = g_ptr_array_index (imported->documents, i);
      g_assert_cmpstr (document->name, ==, files[i]);
    }

  /* a_b.txt is "a/b"'s text, a_b-2.txt the one named "a_b.txt". */
  document = g_ptr_array_index (imported->documents, 2);
  g_assert_cmpstr (document->text, ==, "Document 0");
  document = g_ptr_array_index (imported->documents, 3);
  g_assert_cmpstr (document->text, ==, "Document 1");
}

/* brat reads .ann files line by line: a span across a line break is written
 * as its fragments around the break, as brat itself stores it, and reads back
 * as one span. */
static void
test_brat_line_break_in_span (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossDataset) imported = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) import_report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *expected = path_in (fixture->dir, "EXPECTED.json");
  g_autofree char *ann = NULL;
  GlossDatasetDocument *document;

  gloss_dataset_ensure_label (dataset, "Hardline camp");
  document = gloss_dataset_add_document (dataset, "lines.txt",
                                         "Ali Akbar\r\nVelayati spoke.\r\nTehran\u2028agreed.");
  gloss_test_add_phrase_span (document, "Akbar\r\nVelayati", "Hardline camp", NULL,
                              "first line\nsecond line");
  gloss_test_add_phrase_span (document, "Tehran\u2028agreed", "Hardline camp", NULL, NULL);

  export_dataset (&gloss_format_brat, dataset, folder, report);
  ann = read_file (folder, "lines.ann");
  g_assert_cmpstr (ann, ==,
                   "T1\tHardline_camp 4 9;11 19\tAkbar Velayati\n"
                   "#1\tAnnotatorNotes T1\tfirst line second line\n"
                   "T2\tHardline_camp 28 34;35 41\tTehran agreed\n");
  g_assert_cmpuint (lost (report, "line breaks in notes (written as spaces)"), ==, 1);

  /* The checker compares notes too; brat keeps this one on one line. */
  g_free (((GlossDatasetSpan *) document->spans->pdata[0])->note);
  ((GlossDatasetSpan *) document->spans->pdata[0])->note = g_strdup ("first line second line");
  write_expected (expected, dataset, NULL, 0);
  assert_python_accepts ("brat", folder, expected);

  imported = import_path (&gloss_format_brat, folder, import_report);
  document = g_ptr_array_index (imported->documents, 0);
  g_assert_cmpuint (document->spans->len, ==, 2);
  assert_span (document, 0, "Akbar\r\nVelayati", "Hardline camp", "first line second line");
  assert_span (document, 1, "Tehran\u2028agreed", "Hardline camp", "");
  g_assert_cmpuint (import_report->warnings->len, ==, 0);
}

/* A folder written by brat or another tool: discontinuous spans, relations,
 * events, attributes, normalizations, notes, a text without annotations, no
 * annotation.conf, and a text saved with a byte order mark. */
static void
test_brat_import (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;

  write_file (folder, "doc.txt",
              "Ali Akbar Velayati met Ahmad Alili in Baku\nTehran 🇮🇷 objected.", -1);
  write_file (folder, "doc.ann",
              "T1\tHardline_camp 0 18\tAli Akbar Velayati\n"
              "T2\tLocation 38 42;43 49\tBaku Tehran\n"
              "T3\tAnalyst_-2F-_source 23 34\tAhmad Alili\r\n"
              "R1\tMeets Arg1:T1 Arg2:T3\n"
              "E1\tMeeting:T1\n"
              "A1\tNegation E1\n"
              "N1\tReference T1 Wikidata:Q123\tVelayati\n"
              "*\tEquiv T1 T3\n"
              "#1\tAnnotatorNotes T3\tan analyst\n"
              "#2\tAnnotatorNotes R1\tabout the meeting\n"
              "#3\tReviewerNotes T1\tchecked\n"
              "\n"
              "T4\tActor 0 3;10 18\tAli Velayati\n"
              "T5\tFlag 50 52\t🇮🇷\n",
              -1);
  write_file (folder, "other.txt", "No annotations here.", -1);
  write_file (folder, "bom.txt", "\xEF\xBB\xBF" "Baku 🇦🇿", -1);
  write_file (folder, "bom.ann", "T1\tLocation 1 5\tBaku\n", -1);
  write_file (folder, "README.md", "not a brat file", -1);

  dataset = import_path (&gloss_format_brat, folder, report);

  g_assert_cmpuint (dataset->documents->len, ==, 3);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->name, ==, "bom.txt");
  g_assert_cmpstr (document->text, ==, "Baku 🇦🇿");
  g_assert_cmpuint (document->spans->len, ==, 1);
  assert_span (document, 0, "Baku", "Location", "");

  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpstr (document->name, ==, "doc.txt");
  g_assert_cmpuint (document->spans->len, ==, 6);
  assert_span (document, 0, "Ali Akbar Velayati", "Hardline camp", "");
  /* Fragments only a line break apart are one span. */
  assert_span (document, 1, "Baku\nTehran", "Location", "");
  assert_span (document, 2, "Ahmad Alili", "Analyst / source", "an analyst");
  /* A discontinuous span: its first part, and a part of it. */
  assert_span (document, 3, "Ali", "Actor", "");
  assert_span (document, 4, "Velayati", "Actor", "");
  g_assert_null (((GlossDatasetSpan *) document->spans->pdata[3])->part_of);
  g_assert_true (((GlossDatasetSpan *) document->spans->pdata[4])->part_of
                 == document->spans->pdata[3]);
  assert_span (document, 5, "🇮🇷", "Flag", "");

  document = g_ptr_array_index (dataset->documents, 2);
  g_assert_cmpstr (document->name, ==, "other.txt");
  g_assert_cmpuint (document->spans->len, ==, 0);

  g_assert_nonnull (gloss_dataset_find_label (dataset, "Analyst / source"));
  g_assert_cmpuint (report->documents, ==, 3);
  g_assert_cmpuint (report->spans, ==, 7);

  g_assert_cmpuint (report->warnings->len, ==, 0);

  /* Relations, the event, its attribute and the equivalence are carried;
   * the event has no arguments, so only its trigger stays. */
  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpuint (document->relations->len, ==, 2);
  assert_relation (document, 0, "Meets", 0, 2, "about the meeting");
  assert_relation (document, 1, "Equiv", 0, 2, "");
  g_assert_false (gloss_dataset_find_relation_label (dataset, "Equiv")->directed);
  g_assert_true (gloss_dataset_find_relation_label (dataset, "Meets")->directed);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (document->spans->pdata[0], "Negation"), ==,
                   "true");
  g_assert_cmpuint (report->relations, ==, 2);
  g_assert_cmpuint (report->events, ==, 1);

  g_assert_cmpuint (lost (report, "relations (not supported)"), ==, 0);
  g_assert_cmpuint (lost (report, "events (not supported)"), ==, 0);
  g_assert_cmpuint (lost (report, "attributes (not supported)"), ==, 0);
  g_assert_cmpuint (lost (report, "equivalences (not supported)"), ==, 0);
  g_assert_cmpuint (lost (report, "events without arguments (their triggers kept as spans)"), ==,
                    1);
  g_assert_cmpuint (lost (report, "discontinuous spans (each part became a span)"), ==, 0);
  g_assert_cmpuint (lost (report, "normalizations (not supported)"), ==, 1);
  g_assert_cmpuint (lost (report, "comments other than AnnotatorNotes (not supported)"), ==, 1);
  g_assert_cmpuint (lost (report, "notes on annotations that were not read"), ==, 0);
}

/* One .ann file reads with its .txt beside it, and annotation.conf names its
 * labels. */
static void
test_brat_single_file (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossDataset) imported = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) import_report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *ann = NULL;
  GlossDatasetDocument *document;

  export_dataset (&gloss_format_brat, dataset, folder, report);
  ann = path_in (folder, "persian.ann");
  imported = import_path (&gloss_format_brat, ann, import_report);

  g_assert_cmpuint (imported->documents->len, ==, 1);
  document = g_ptr_array_index (imported->documents, 0);
  g_assert_cmpstr (document->name, ==, "persian.txt");
  assert_span (document, 0, "پزشکیان", "Reformist camp", "یادداشت");
  assert_span (document, 1, "ولایتی", "Hardline camp", "");
}

static void
assert_import_fails (const GlossFormat *format,
                     const char        *path,
                     int                code,
                     const char        *message)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = format->read (path, report, &error);
  g_assert_null (dataset);
  g_assert_error (error, GLOSS_FORMAT_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
}

/* Offsets counted in UTF-16 units point past the flag: the text the line
 * repeats gives it away, and the message shows both texts. */
static void
test_brat_bad_text_mismatch (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");

  write_file (folder, "doc.txt", "Tehran 🇮🇷 objects loudly.", -1);
  write_file (folder, "doc.ann",
              "T1\tPlace 0 6\tTehran\n"
              "T2\tHardline_camp 12 19\tobjects\n", -1);

  assert_import_fails (&gloss_format_brat, folder, GLOSS_FORMAT_ERROR_SPAN,
                       "brat file doc.ann, line 2: T2 gives the text “objects”, but the text at "
                       "12-19 is “jects l”");
}

static void
test_brat_bad_span_past_end (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autofree char *ann = path_in (folder, "doc.ann");

  write_file (folder, "doc.txt", "Tehran 🇮🇷 objects.", -1);
  write_file (folder, "doc.ann", "T1\tPlace 10 40\tobjects\n", -1);

  assert_import_fails (&gloss_format_brat, ann, GLOSS_FORMAT_ERROR_SPAN,
                       "brat file doc.ann, line 1: span 10-40 lies outside the text, which has 18 "
                       "characters");

  write_file (folder, "doc.ann", "T1\tPlace 0 6\tTehran\n\nT2\tPlace 17 10\tobjects\n", -1);
  assert_import_fails (&gloss_format_brat, ann, GLOSS_FORMAT_ERROR_SPAN,
                       "brat file doc.ann, line 3: span 17-10 ends before it starts");
}

static void
test_brat_bad_encoding (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");

  write_file (folder, "doc.txt", "Tehran 🇮🇷 objects.", -1);
  write_file (folder, "doc.ann", "T1\tPlace 0 6\tTehran\nT2\tPl\xFF" "ce 10 17\tobjects\n", -1);

  assert_import_fails (&gloss_format_brat, folder, GLOSS_FORMAT_ERROR_ENCODING,
                       "brat file doc.ann, line 2: not valid UTF-8 at byte 25");
}

/* ---- brat relations, events, attributes -------------------------------- */

/* What an ID stands for, without the ID: a T line's type, offsets and
 * text; an event's trigger; a relation's line. */
static char *
canonical_id (GHashTable *targets,
              const char *id)
{
  const char *found = g_hash_table_lookup (targets, id);

  return g_strdup_printf ("[%s]", found != NULL ? found : id);
}

/* The lines of an .ann file with every ID replaced by what it stands for,
 * sorted: two files that say the same but for their IDs and their order
 * give the same lines. M lines are A lines, as brat reads them. */
static GPtrArray *
canonical_ann (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *canonical = g_ptr_array_new_with_free_func (g_free);

  /* Text-bound annotations first, then what points at them. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
        g_auto(GStrv) words = NULL;
        g_autoptr(GString) line = NULL;

        if (lines[i][0] == '\0')
          continue;
        g_assert_nonnull (fields[1]);
        words = g_strsplit (fields[1], " ", -1);
        line = g_string_new (NULL);

        switch (fields[0][0])
          {
          case 'T':
            if (pass == 0)
              g_hash_table_insert (targets, g_strdup (fields[0]),
                                   g_strdup_printf ("T %s\t%s", fields[1], fields[2]));
            g_string_append_printf (line, "T\t%s\t%s", fields[1], fields[2]);
            break;
          case 'E':
            {
              char *colon = strchr (words[0], ':');
              g_autofree char *trigger = NULL;

              g_assert_nonnull (colon);
              *colon = '\0';
              trigger = canonical_id (targets, colon + 1);
              if (pass == 0)
                g_hash_table_insert (targets, g_strdup (fields[0]),
                                     g_strdup_printf ("E %s", trigger));
              g_string_append_printf (line, "E\t%s:%s", words[0], trigger);
              for (guint j = 1; words[j] != NULL; j++)
                {
                  char *role_colon = strchr (words[j], ':');
                  g_autofree char *target = NULL;

                  g_assert_nonnull (role_colon);
                  *role_colon = '\0';
                  target = canonical_id (targets, role_colon + 1);
                  g_string_append_printf (line, " %s:%s", words[j], target);
                }
            }
            break;
          case 'R':
            {
              g_autofree char *arg1 = canonical_id (targets, words[1] + strlen ("Arg1:"));
              g_autofree char *arg2 = canonical_id (targets, words[2] + strlen ("Arg2:"));

              g_assert_true (g_str_has_prefix (words[1], "Arg1:"));
              g_assert_true (g_str_has_prefix (words[2], "Arg2:"));
              g_string_append_printf (line, "R\t%s Arg1:%s Arg2:%s", words[0], arg1, arg2);
              if (pass == 1)
                g_hash_table_insert (targets, g_strdup (fields[0]), g_strdup (line->str));
            }
            break;
          case 'A':
          case 'M':
            {
              g_autofree char *target = canonical_id (targets, words[1]);

              g_string_append_printf (line, "A\t%s %s%s%s", words[0], target,
                                      words[2] != NULL ? " " : "", words[2] ? words[2] : "");
            }
            break;
          case '*':
            g_string_append_printf (line, "*\t%s", words[0]);
            for (guint j = 1; words[j] != NULL; j++)
              {
                g_autofree char *member = canonical_id (targets, words[j]);

                g_string_append_printf (line, " %s", member);
              }
            break;
          case '#':
            {
              g_autofree char *target = canonical_id (targets, words[1]);

              g_string_append_printf (line, "#\t%s %s\t%s", words[0], target, fields[2]);
            }
            break;
          default:
            g_error ("not a brat line: %s", lines[i]);
          }

        if (pass == 2)
          g_ptr_array_add (canonical, g_string_free (g_steal_pointer (&line), FALSE));
      }

  g_ptr_array_sort (canonical, compare_names);

  return canonical;
}

/* NAME.ann in A and in B say the same but for IDs, and NAME.txt is the same
 * bytes. */
static void
assert_same_document (const char *a,
                      const char *b,
                      const char *name)
{
  g_autofree char *txt = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann = g_strconcat (name, ".ann", NULL);
  g_autofree char *txt_a = read_file (a, txt);
  g_autofree char *txt_b = read_file (b, txt);
  g_autofree char *ann_a = read_file (a, ann);
  g_autofree char *ann_b = read_file (b, ann);
  g_autoptr(GPtrArray) lines_a = canonical_ann (ann_a);
  g_autoptr(GPtrArray) lines_b = canonical_ann (ann_b);

  g_assert_cmpstr (txt_a, ==, txt_b);
  for (guint i = 0; i < MIN (lines_a->len, lines_b->len); i++)
    g_assert_cmpstr (lines_a->pdata[i], ==, lines_b->pdata[i]);
  g_assert_cmpuint (lines_a->len, ==, lines_b->len);
}

static char *
fixture_folder (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static GlossDatasetDocument *
find_document (GlossDataset *dataset,
               const char   *name)
{
  for (guint i = 0; i < dataset->documents->len; i++)
    if (g_str_equal (((GlossDatasetDocument *) dataset->documents->pdata[i])->name, name))
      return dataset->documents->pdata[i];

  g_error ("no document %s", name);
}

/* The relation of DOCUMENT from the span with text FROM to the one with
 * text TO, of TYPE; NULL when there is none. */
static GlossDatasetRelation *
find_relation (GlossDatasetDocument *document,
               const char           *type,
               const char           *from,
               const char           *to)
{
  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      g_autofree char *from_text = gloss_offsets_dup_range (document->text, relation->from->start,
                                                            relation->from->end);
      g_autofree char *to_text = gloss_offsets_dup_range (document->text, relation->to->start,
                                                          relation->to->end);

      if (g_str_equal (relation->type, type) && g_str_equal (from_text, from)
          && g_str_equal (to_text, to))
        return relation;
    }

  return NULL;
}

static GlossDatasetSpan *
find_span (GlossDatasetDocument *document,
           const char           *text,
           const char           *label)
{
  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      g_autofree char *found = gloss_offsets_dup_range (document->text, span->start, span->end);

      if (g_str_equal (found, text) && g_str_equal (span->label, label))
        return span;
    }

  g_error ("no span “%s” labeled %s", text, label);
}

/* A brat corpus of events with numbered roles and events as arguments,
 * yes/no and valued attributes on entities and events, relations between
 * nested and crossing spans, equivalences, notes on spans, events and
 * relations, type names with dashes, underscores and digits: read, every
 * line of it is carried, and written, every T, E, R, A, "*" and "#" line
 * comes back but for its ID, the text byte for byte. */
static void
test_brat_events_round_trip (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *corpus = fixture_folder ("brat-events");
  g_autofree char *first = path_in (fixture->dir, "first");
  g_autofree char *second = path_in (fixture->dir, "second");
  g_autofree char *expected = path_in (fixture->dir, "EXPECTED.json");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) write_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) again_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) second_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = import_path (&gloss_format_brat, corpus, report);
  g_autoptr(GlossDataset) again = NULL;
  g_autofree char *described = NULL;
  g_autofree char *conf = NULL;
  GlossDatasetDocument *bind = find_document (dataset, "bind.txt");
  GlossDatasetDocument *corridor = find_document (dataset, "corridor.txt");
  GlossDatasetRelationLabel *role;
  GlossDatasetAttribute *attribute;
  GlossDatasetRelation *relation;

  /* Read: nothing lost, no warning. */
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
  g_assert_cmpuint (report->documents, ==, 2);
  g_assert_cmpuint (report->spans, ==, 19);
  g_assert_cmpuint (report->events, ==, 4);
  /* 8 event arguments, 3 + 3 relations, 1 + 2 equivalence links. */
  g_assert_cmpuint (report->relations, ==, 17);
  described = gloss_format_report_describe (report);
  g_assert_nonnull (strstr (described, "2 documents, 19 spans, 17 relations\n"));
  g_assert_nonnull (strstr (described, "4 events read as relations from their triggers"));

  /* Events: from the trigger to each argument, the role as written. */
  g_assert_nonnull (find_relation (bind, "Theme1", "binding", "p53"));
  g_assert_nonnull (find_relation (bind, "Theme2", "binding", "MDM2"));
  g_assert_nonnull (find_relation (bind, "Cause", "rose", "binding"));
  g_assert_nonnull (find_relation (bind, "Theme", "rose", "expression"));
  g_assert_nonnull (find_relation (bind, "Site", "bound", "the promoter"));
  role = gloss_dataset_find_relation_label (dataset, "Theme1");
  g_assert_nonnull (role);
  g_assert_cmpstr (role->description, ==, "brat event argument");
  g_assert_true (role->directed);

  /* Relations: directed, with their notes, across nested spans; events
   * stand for their triggers. */
  relation = find_relation (bind, "Part-of", "T-cells", "activated T-cells");
  g_assert_nonnull (relation);
  g_assert_cmpstr (relation->note, ==, "the cells are where it happens");
  g_assert_nonnull (find_relation (bind, "Located in", "expression", "T-cells"));
  g_assert_nonnull (find_relation (bind, "Interacts", "p53", "p53 to MDM2"));
  g_assert_nonnull (find_relation (corridor, "Opposes", "Tehran", "the Zangezur corridor"));
  g_assert_nonnull (find_relation (corridor, "Member-of", "Baku", "Baku and Yerevan"));
  g_assert_true (gloss_dataset_find_relation_label (dataset, "Opposes")->directed);
  g_assert_cmpstr (gloss_dataset_find_relation_label (dataset, "Part-of")->color, ==, "#aa0000");

  /* Equivalences: consecutive members, undirected. */
  g_assert_nonnull (find_relation (corridor, "Equiv", "Yerevan", "Baku"));
  g_assert_nonnull (find_relation (corridor, "Equiv", "Baku", "Tehran"));
  g_assert_false (gloss_dataset_find_relation_label (dataset, "Equiv")->directed);

  /* Attributes: defined by annotation.conf, on events' triggers too. */
  attribute = gloss_dataset_find_attribute (dataset, "Confidence");
  g_assert_cmpint (attribute->kind, ==, GLOSS_ATTRIBUTE_KIND_CHOICE);
  g_assert_cmpuint (attribute->values->len, ==, 2);
  g_assert_cmpstr (attribute->values->pdata[0], ==, "Low");
  g_assert_cmpstr (attribute->values->pdata[1], ==, "High");
  g_assert_cmpuint (attribute->labels->len, ==, 0);
  attribute = gloss_dataset_find_attribute (dataset, "Stance");
  g_assert_cmpuint (attribute->labels->len, ==, 1);
  g_assert_cmpstr (attribute->labels->pdata[0], ==, "Actor");
  g_assert_cmpint (gloss_dataset_find_attribute (dataset, "Negation")->kind, ==,
                   GLOSS_ATTRIBUTE_KIND_FLAG);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (bind, "binding", "Binding"),
                                                     "Negation"), ==, "true");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (bind, "rose",
                                                                "Positive regulation"),
                                                     "Speculation"), ==, "true");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (bind, "IL-2", "Protein"),
                                                     "Confidence"), ==, "High");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (corridor, "Yerevan", "Actor"),
                                                     "Stance"), ==, "Évident");
  g_assert_cmpstr (find_span (bind, "binding", "Binding")->note, ==,
                   "contested in the discussion");
  g_assert_nonnull (gloss_dataset_find_label (dataset, "v-fin"));
  g_assert_nonnull (gloss_dataset_find_label (dataset, "Cell type 2"));

  /* Written: the same annotations, but for IDs. */
  export_dataset (&gloss_format_brat, dataset, first, write_report);
  g_assert_cmpuint (g_hash_table_size (write_report->lost), ==, 0);
  g_assert_cmpuint (write_report->relations, ==, 17);
  assert_same_document (corpus, first, "bind");
  assert_same_document (corpus, first, "corridor");
  write_expected (expected, dataset, NULL, 0);
  assert_python_accepts ("brat", first, expected);

  conf = read_file (first, "annotation.conf");
  g_assert_nonnull (strstr (conf, "\nv-fin\n"));
  g_assert_nonnull (strstr (conf, "\nPart-of\tArg1:<ANY>, Arg2:<ANY>\n"));
  g_assert_nonnull (strstr (conf, "\nEquiv\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive\n"));
  g_assert_nonnull (strstr (conf, "\nBinding\tTheme*:<ANY>, Site*:<ANY>\n"));
  g_assert_nonnull (strstr (conf, "\nConfidence\tArg:<ANY>, Value:Low|High\n"));
  g_assert_nonnull (strstr (conf, "\nStance\tArg:Actor, Value:Évident|Douteux\n"));
  g_assert_nonnull (strstr (conf, "\nNegation\tArg:<ANY>\n"));

  /* And what Gloss wrote reads back to the same files, byte for byte. */
  again = import_path (&gloss_format_brat, first, again_report);
  g_assert_cmpuint (again_report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (again_report->lost), ==, 0);
  export_dataset (&gloss_format_brat, again, second, second_report);
  assert_same_folders (first, second);
}

/* ---- CoNLL ------------------------------------------------------------ */

/* Lines that point at annotations the file does not have, or that cannot
 * be read, are each counted and named by file and line; the rest of the
 * file is read. */
static void
test_brat_hostile_references (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;

  write_file (folder, "hostile.txt", "Tehran opposes the Zangezur corridor.", -1);
  write_file (folder, "hostile.ann",
              "T1\tActor 0 6\tTehran\n"
              "T2\tProject 15 36\tthe Zangezur corridor\n"
              "R1\tOpposes Arg1:T1\n"
              "R2\tOpposes Arg1:T1 Arg2:T99\n"
              "A1\tNegation T42\n"
              "A2\tConfidence\n"
              "E1\tMeeting:T77 Theme:T1\n"
              "E2\tBind:T2 Theme:T55 Agent:T1\n"
              "*\tEquiv T1 T88 T2\n"
              "R3\tOpposes Arg2:T2 Arg1:T1\n"
              "R4\tOpposes From:T1 To:T2\n"
              "A3\tNegation R3\n"
              "#1\tAnnotatorNotes R99\tabout nothing\n"
              "E3\tBind\n"
              "A4\tConfidence T1 High\n"
              "A5\tConfidence T2\n"
              "R5\tOpposes Arg1:E9 Arg2:T2\n"
              "R6\tOpposes Arg1:T1 Arg2:T1\n",
              -1);

  dataset = import_path (&gloss_format_brat, folder, report);
  document = g_ptr_array_index (dataset->documents, 0);

  g_assert_cmpuint (document->spans->len, ==, 2);
  g_assert_cmpuint (document->relations->len, ==, 4);
  g_assert_nonnull (find_relation (document, "Agent", "the Zangezur corridor", "Tehran"));
  g_assert_nonnull (find_relation (document, "Equiv", "Tehran", "the Zangezur corridor"));
  /* R3 names its ends in the other order, R4 by other names. */
  assert_relation (document, 2, "Opposes", 0, 1, "");
  assert_relation (document, 3, "Opposes", 0, 1, "");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (document->spans->pdata[0], "Confidence"),
                   ==, "High");
  g_assert_null (gloss_dataset_span_get_attribute (document->spans->pdata[1], "Confidence"));
  g_assert_cmpuint (report->events, ==, 1);

  g_assert_cmpuint (lost (report, "brat lines that could not be read"), ==, 3);
  g_assert_cmpuint (lost (report, "relations to annotations that are not in the file"), ==, 2);
  g_assert_cmpuint (lost (report, "attributes of annotations that are not in the file"), ==, 1);
  g_assert_cmpuint (lost (report, "event arguments that are not in the file"), ==, 2);
  g_assert_cmpuint (lost (report, "equivalents that are not in the file"), ==, 1);
  g_assert_cmpuint (lost (report, "relations with ends not named Arg1 and Arg2 (read in line order)"),
                    ==, 1);
  g_assert_cmpuint (lost (report, "attributes of relations or notes (not supported)"), ==, 1);
  g_assert_cmpuint (lost (report, "notes on annotations that were not read"), ==, 1);
  g_assert_cmpuint (lost (report, "attributes that do not fit their definitions"), ==, 1);
  /* A project has no place for a span related to itself. */
  g_assert_cmpuint (lost (report, "relations of spans with themselves"), ==, 1);

  g_assert_true (has_warning (report, "hostile.ann, line 3: R1 could not be read", "Arg2:T3"));
  g_assert_true (has_warning (report, "hostile.ann, line 4: R2 points at T99", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 5: A1 points at T42", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 6: A2 could not be read", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 7: E1 points at T77", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 8: E2 points at T55", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 9: * points at T88", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 13: the note is about R99", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 14: E3 could not be read", NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 16: the attribute Confidence needs a value",
                              NULL));
  g_assert_true (has_warning (report, "hostile.ann, line 17: R5 points at E9", NULL));
}

/* A brat discontinuous span is one span of parts: the first fragment is
 * the span, with the relation, attribute and note; the others are its
 * parts. Written, it is one T line again, its texts joined by a space. */
static void
test_brat_discontinuous (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autofree char *written = path_in (fixture->dir, "written");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) write_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autofree char *ann = NULL;
  GlossDatasetDocument *document;
  GlossDatasetSpan *part;

  write_file (folder, "split.txt", "Ali Akbar Velayati spoke.", -1);
  write_file (folder, "split.ann",
              "T1\tPerson 0 3;10 18\tAli Velayati\n"
              "T2\tSpeech 19 24\tspoke\n"
              "R1\tAgent Arg1:T2 Arg2:T1\n"
              "A1\tNegation T1\n"
              "#1\tAnnotatorNotes T1\tone person\n",
              -1);

  dataset = import_path (&gloss_format_brat, folder, report);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->spans->len, ==, 3);
  assert_span (document, 0, "Ali", "Person", "one person");
  assert_span (document, 1, "Velayati", "Person", "");
  part = document->spans->pdata[1];
  g_assert_true (part->part_of == document->spans->pdata[0]);
  g_assert_cmpstr (gloss_dataset_span_get_attribute (document->spans->pdata[0], "Negation"), ==,
                   "true");
  g_assert_null (gloss_dataset_span_get_attribute (part, "Negation"));
  assert_relation (document, 0, "Agent", 2, 0, "");
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);

  export_dataset (&gloss_format_brat, dataset, written, write_report);
  ann = read_file (written, "split.ann");
  g_assert_cmpstr (ann, ==,
                   "T1\tPerson 0 3;10 18\tAli Velayati\n"
                   "#1\tAnnotatorNotes T1\tone person\n"
                   "T2\tSpeech 19 24\tspoke\n"
                   "R1\tAgent Arg1:T2 Arg2:T1\n"
                   "A1\tNegation T1\n");
  g_assert_cmpuint (g_hash_table_size (write_report->lost), ==, 0);
}

/* A brat corpus of discontinuous spans (tests/fixtures/brat-discontinuous):
 * with relations to and from them, an event whose argument is one, A and
 * M attributes, notes, equivalences, partners nested in a fragment, the
 * same stretch as a fragment, or crossing one, and type names with
 * dashes. Read, nothing is lost; written, every line comes back but for
 * its ID, the text byte for byte; and so through a project. */
static void
test_brat_discontinuous_round_trip (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *corpus = fixture_folder ("brat-discontinuous");
  g_autofree char *first = path_in (fixture->dir, "first");
  g_autofree char *second = path_in (fixture->dir, "second");
  g_autofree char *exported = path_in (fixture->dir, "exported");
  g_autofree char *project = path_in (fixture->dir, "summit.gloss");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) write_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) again_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) second_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) export_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = import_path (&gloss_format_brat, corpus, report);
  g_autoptr(GlossDataset) again = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  GlossDatasetDocument *summit = find_document (dataset, "summit.txt");
  GlossDatasetSpan *iran = find_span (summit, "Iran", "Actor");
  GlossDatasetSpan *group = find_span (summit, "Armenia", "Actor-group");
  guint n_parts = 0;

  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 0);
  /* 11 T lines, 3 of them of two fragments. */
  g_assert_cmpuint (summit->spans->len, ==, 14);
  for (guint i = 0; i < summit->spans->len; i++)
    n_parts += ((GlossDatasetSpan *) summit->spans->pdata[i])->part_of != NULL;
  g_assert_cmpuint (n_parts, ==, 3);
  g_assert_cmpstr (iran->note, ==, "one actor named twice");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (iran, "Speculation"), ==, "true");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (group, "Confidence"), ==, "High");
  g_assert_nonnull (find_relation (summit, "Opposes", "Iran", "the corridor"));
  g_assert_nonnull (find_relation (summit, "Member-of", "Azerbaijan", "Armenia"));
  g_assert_nonnull (find_relation (summit, "Agent", "signed", "Armenia"));
  g_assert_nonnull (find_relation (summit, "Says", "said", "would"));
  g_assert_nonnull (find_relation (summit, "Equiv", "Iran", "Tehran"));

  export_dataset (&gloss_format_brat, dataset, first, write_report);
  g_assert_cmpuint (g_hash_table_size (write_report->lost), ==, 0);
  assert_same_document (corpus, first, "summit");

  again = import_path (&gloss_format_brat, first, again_report);
  g_assert_cmpuint (again_report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (again_report->lost), ==, 0);
  export_dataset (&gloss_format_brat, again, second, second_report);
  assert_same_folders (first, second);

  /* Through a project: the groups are stored as parts, and come out as
   * the same lines. */
  store = gloss_store_create (project, NULL, NULL, &error);
  g_assert_no_error (error);
  results = gloss_import_paths (store, paths, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_no_error (((GlossImportResult *) results->pdata[0])->error);
  spans = gloss_store_list_spans (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 14);
  n_parts = 0;
  for (guint i = 0; i < spans->len; i++)
    n_parts += gloss_span_get_part_of (spans->pdata[i]) != 0;
  g_assert_cmpuint (n_parts, ==, 3);
  gloss_export_path (store, &gloss_format_brat, exported, NULL, FALSE, export_report, &error);
  g_assert_no_error (error);
  /* A project's document is in progress, which brat cannot say. */
  g_assert_cmpuint (lost (export_report, "document statuses"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (export_report->lost), ==, 1);
  assert_same_document (corpus, exported, "summit");

  /* Imported again into the same project, the groups are found there. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = gloss_import_paths (store, paths, NULL, NULL, NULL, NULL);
  g_assert_no_error (((GlossImportResult *) results->pdata[0])->error);
  g_assert_cmpuint (((GlossImportResult *) results->pdata[0])->report->spans, ==, 0);
  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = gloss_store_list_spans (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 14);
}

/* 10,000 relations and as many attributes read and write back, each line
 * resolved once (a file this size shows a quadratic step at once); lines
 * pointing at annotations not in the file past the first 20 are counted
 * in one warning. */
static void
test_brat_many_relations (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const guint n_words = 10001;
  g_autofree char *folder = make_folder (fixture, "corpus");
  g_autofree char *written = path_in (fixture->dir, "written");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) ann = g_string_new (NULL);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) write_report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) again_report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  g_autoptr(GlossDataset) again = NULL;
  GlossDatasetDocument *document;

  for (guint i = 0; i < n_words; i++)
    {
      gsize start = text->len;

      g_string_append_printf (text, "w%u ", i);
      g_string_append_printf (ann, "T%u\tWord %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\tw%u\n",
                              i + 1, start, text->len - 1, i);
    }
  for (guint i = 1; i < n_words; i++)
    g_string_append_printf (ann, "R%u\tNext Arg1:T%u Arg2:T%u\nA%u\tRank T%u r%u\n", i, i, i + 1,
                            i, i, i % 7);
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (ann, "R%u\tNext Arg1:T1 Arg2:T%u\n", n_words + i, n_words + 1 + i);
  write_file (folder, "long.txt", text->str, text->len);
  write_file (folder, "long.ann", ann->str, ann->len);

  dataset = import_path (&gloss_format_brat, folder, report);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpuint (document->relations->len, ==, n_words - 1);
  g_assert_cmpuint (gloss_dataset_find_attribute (dataset, "Rank")->values->len, ==, 7);
  g_assert_cmpuint (lost (report, "relations to annotations that are not in the file"), ==, 50);
  g_assert_cmpuint (report->warnings->len, ==, 21);
  g_assert_true (has_warning (report, "long.ann: 30 more lines point at annotations", NULL));

  export_dataset (&gloss_format_brat, dataset, written, write_report);
  g_assert_cmpuint (write_report->relations, ==, n_words - 1);
  again = import_path (&gloss_format_brat, written, again_report);
  document = g_ptr_array_index (again->documents, 0);
  g_assert_cmpuint (document->relations->len, ==, n_words - 1);
  g_assert_cmpuint (again_report->warnings->len, ==, 0);
  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);

      g_assert_cmpint (relation->from->end + 1, ==, relation->to->start);
    }
}

/* A project's relations and attributes, as the dataset holds them, in
 * brat: directed relations as R lines, an undirected label's as "*" lines,
 * relations of an event role as E lines; every value kept, what brat
 * cannot hold counted; and read back, the same. */
static void
test_brat_write_relations (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossDataset) imported = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) import_report = gloss_format_report_new ();
  g_autofree char *folder = path_in (fixture->dir, "brat");
  g_autofree char *expected = path_in (fixture->dir, "EXPECTED.json");
  g_autofree char *ann = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *visual = NULL;
  GlossDatasetRelationLabel *label;
  GlossDatasetAttribute *attribute;
  GlossDatasetDocument *document;
  GlossDatasetSpan *tehran, *opposes, *baku, *corridor;
  GlossDatasetRelation *relation;

  gloss_dataset_ensure_label (dataset, "Actor");
  gloss_dataset_ensure_label (dataset, "Project");
  gloss_dataset_ensure_label (dataset, "Oppose event");
  label = gloss_dataset_ensure_relation_label (dataset, "opposes");
  label->color = g_strdup ("#112233");
  g_free (label->hotkey);
  label->hotkey = g_strdup ("o");
  gloss_dataset_ensure_relation_label (dataset, "same as")->directed = FALSE;
  label = gloss_dataset_ensure_relation_label (dataset, "Theme");
  g_free (label->description);
  label->description = g_strdup ("brat event argument");
  gloss_dataset_ensure_attribute (dataset, "Negated", GLOSS_ATTRIBUTE_KIND_FLAG);
  attribute = gloss_dataset_ensure_attribute (dataset, "Confidence level",
                                              GLOSS_ATTRIBUTE_KIND_CHOICE);
  gloss_dataset_attribute_add_value (attribute, "very high");
  gloss_dataset_attribute_add_value (attribute, "low");
  gloss_dataset_attribute_add_label (attribute, "Project");
  gloss_dataset_ensure_attribute (dataset, "Comment", GLOSS_ATTRIBUTE_KIND_TEXT);

  document = gloss_dataset_add_document (dataset, "a.txt", "Tehran opposes Baku on the corridor.");
  corridor = gloss_dataset_document_add_span (document, 27, 35, "Project", NULL, NULL);
  tehran = gloss_dataset_document_add_span (document, 0, 6, "Actor", NULL, NULL);
  baku = gloss_dataset_document_add_span (document, 15, 19, "Actor", NULL, NULL);
  opposes = gloss_dataset_document_add_span (document, 7, 14, "Oppose event", NULL, NULL);
  gloss_dataset_document_add_relation (document, "opposes", tehran, corridor, "ann",
                                       "line1\nline2");
  gloss_dataset_document_add_relation (document, "same as", baku, tehran, NULL, NULL);
  gloss_dataset_document_add_relation (document, "same as", baku, baku, NULL, NULL);
  gloss_dataset_document_add_relation (document, "Theme", opposes, baku, NULL, NULL);
  gloss_dataset_span_set_attribute (tehran, "Negated", "true");
  gloss_dataset_span_set_attribute (corridor, "Confidence level", "very high");
  gloss_dataset_span_set_attribute (baku, "Comment", "from the press");
  /* brat has no place for a whole document's category: counted, not
   * dropped without a word. */
  gloss_dataset_category_set_ensure_value (gloss_dataset_ensure_category_set (dataset, "Stance"),
                                           "opposed");
  gloss_dataset_document_add_category (document, "Stance", "opposed");

  export_dataset (&gloss_format_brat, dataset, folder, report);
  ann = read_file (folder, "a.ann");
  g_assert_cmpstr (ann, ==,
                   "T1\tActor 0 6\tTehran\n"
                   "T2\tOppose_event 7 14\topposes\n"
                   "T3\tActor 15 19\tBaku\n"
                   "T4\tProject 27 35\tcorridor\n"
                   "E1\tOppose_event:T2 Theme:T3\n"
                   "R1\topposes Arg1:T1 Arg2:T4\n"
                   "#1\tAnnotatorNotes R1\tline1 line2\n"
                   "*\tsame_as T3 T1\n"
                   "A1\tNegated T1\n"
                   "A2\tComment T3 from_the_press\n"
                   "A3\tConfidence_level T4 very_high\n");
  g_assert_cmpuint (report->relations, ==, 3);
  g_assert_cmpuint (lost (report, "relation annotators"), ==, 1);
  g_assert_cmpuint (lost (report, "line breaks in notes (written as spaces)"), ==, 1);
  g_assert_cmpuint (lost (report, "relation label hotkeys"), ==, 1);
  g_assert_cmpuint (lost (report, "free-text attributes (written as choices of their values)"), ==,
                    1);
  g_assert_cmpuint (lost (report, "equivalences of spans with themselves"), ==, 1);
  g_assert_cmpuint (lost (report, "document categories"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (report->lost), ==, 6);

  conf = read_file (folder, "annotation.conf");
  g_assert_nonnull (strstr (conf, "[entities]\n# gloss-label: Actor = Actor\nActor\n"
                                  "# gloss-label: Project = Project\nProject\n\n[relations]\n"));
  g_assert_nonnull (strstr (conf, "\n# gloss-label: opposes = opposes\n"
                                  "opposes\tArg1:<ANY>, Arg2:<ANY>\n"
                                  "# gloss-label: same_as = same as\n"
                                  "same_as\tArg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive\n"
                                  "\n[events]\n"
                                  "# gloss-label: Oppose_event = Oppose event\n"
                                  "Oppose_event\tTheme*:<ANY>\n"
                                  "\n[attributes]\n"
                                  "# gloss-label: Negated = Negated\nNegated\tArg:<ANY>\n"
                                  "# gloss-label: Confidence_level = Confidence level\n"
                                  "Confidence_level\tArg:Project, Value:very_high|low\n"
                                  "# gloss-label: Comment = Comment\n"
                                  "Comment\tArg:<ANY>, Value:from_the_press\n"));
  visual = read_file (folder, "visual.conf");
  g_assert_nonnull (strstr (visual, "\nopposes\tcolor:#112233\n"));
  write_expected (expected, dataset, NULL, 0);
  assert_python_accepts ("brat", folder, expected);

  imported = import_path (&gloss_format_brat, folder, import_report);
  g_assert_cmpuint (import_report->warnings->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (import_report->lost), ==, 0);
  document = g_ptr_array_index (imported->documents, 0);
  relation = find_relation (document, "opposes", "Tehran", "corridor");
  g_assert_nonnull (relation);
  g_assert_cmpstr (relation->note, ==, "line1 line2");
  g_assert_nonnull (find_relation (document, "same as", "Baku", "Tehran"));
  g_assert_nonnull (find_relation (document, "Theme", "opposes", "Baku"));
  g_assert_cmpstr (gloss_dataset_find_relation_label (imported, "opposes")->color, ==, "#112233");
  g_assert_false (gloss_dataset_find_relation_label (imported, "same as")->directed);
  g_assert_cmpstr (gloss_dataset_find_relation_label (imported, "Theme")->description, ==,
                   "brat event argument");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (document, "Tehran", "Actor"),
                                                     "Negated"), ==, "true");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (document, "corridor", "Project"),
                                                     "Confidence level"), ==, "very high");
  g_assert_cmpstr (gloss_dataset_span_get_attribute (find_span (document, "Baku", "Actor"),
                                                     "Comment"), ==, "from the press");
  attribute = gloss_dataset_find_attribute (imported, "Confidence level");
  g_assert_cmpint (attribute->kind, ==, GLOSS_ATTRIBUTE_KIND_CHOICE);
  g_assert_cmpuint (attribute->values->len, ==, 2);
  g_assert_cmpstr (attribute->values->pdata[0], ==, "very high");
  g_assert_cmpstr (attribute->labels->pdata[0], ==, "Project");
}

static void
test_conll_python_reads_export (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  g_autofree char *expected = path_in (fixture->dir, "EXPECTED.json");
  g_autofree char *contents = NULL;

  export_dataset (&gloss_format_conll, dataset, file, report);
  write_expected (expected, dataset, conll_kept, G_N_ELEMENTS (conll_kept));
  assert_python_accepts ("conll", file, expected);

  contents = read_file (fixture->dir, "train.conll");
  g_assert_true (g_str_has_prefix (contents, "-DOCSTART- -X- -X- O\n\nThe -X- _ O\n"));
  /* The sentence ends after the closing quote. */
  g_assert_nonnull (strstr (contents,
                            "\nRoute -X- _ O\n. -X- _ O\n” -X- _ O\n\nIranian -X- _ O\n"));
  g_assert_nonnull (strstr (contents,
                            "\nTehran -X- _ B-Hardline_camp\n🇮🇷 -X- _ I-Hardline_camp\n"));
  g_assert_nonnull (strstr (contents, "\nمی\u200cخواهد -X- _ O\n"));
  g_assert_nonnull (strstr (contents, "\nZu\u0308rich -X- _ B-Foreign_government\n"));
  g_assert_cmpuint (report->documents, ==, 5);
  g_assert_cmpuint (report->spans, ==, G_N_ELEMENTS (conll_kept));
}

static void
test_conll_lost (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *file = path_in (fixture->dir, "train.conll");

  export_dataset (&gloss_format_conll, dataset, file, report);

  g_assert_cmpuint (lost (report, "overlapping spans (CoNLL keeps the longest)"), ==, 2);
  g_assert_cmpuint (lost (report, "document names"), ==, 5);
  g_assert_cmpuint (lost (report, "document statuses"), ==, 3);
  g_assert_cmpuint (lost (report, "span annotators"), ==, 11);
  g_assert_cmpuint (lost (report, "span notes"), ==, 4);
  g_assert_cmpuint (lost (report, "spans not on token boundaries (widened to whole tokens)"),
                    ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);
}

/* One of a thing is told in the singular: "1 span note", not "1 span notes". */
static void
test_conll_lost_one (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  g_autofree char *described = NULL;
  GlossDatasetDocument *document;

  gloss_dataset_ensure_label (dataset, "Hardline camp");
  document = gloss_dataset_add_document (dataset, "one.txt", "Tehran objects.");
  document->status = GLOSS_DOCUMENT_STATUS_DONE;
  /* "Tehr" ends inside a word. */
  gloss_dataset_document_add_span (document, 0, 4, "Hardline camp", "Ana", "a city");

  export_dataset (&gloss_format_conll, dataset, file, report);
  described = gloss_format_report_describe (report);

  g_assert_nonnull (strstr (described, "1 document, 1 span\n"));
  g_assert_nonnull (strstr (described, "Not carried by this format: 1 span note\n"));
  g_assert_nonnull (strstr (described, "Not carried by this format: 1 span annotator\n"));
  g_assert_nonnull (strstr (described, "Not carried by this format: 1 document status\n"));
  g_assert_nonnull (strstr (described, "Not carried by this format: 1 document name\n"));
  g_assert_nonnull (strstr (described, "Not carried by this format: 1 span not on token "
                                       "boundaries (widened to whole tokens)\n"));
}

/* A span that ends inside a word takes the whole word, and says so. */
static void
test_conll_widened (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  g_autofree char *contents = NULL;
  GlossDatasetDocument *document;

  gloss_dataset_ensure_label (dataset, "Hardline camp");
  document = gloss_dataset_add_document (dataset, "widen.txt", "Tehran's hardliners objected.");
  gloss_test_add_phrase_span (document, "hardline", "Hardline camp", NULL, NULL);
  gloss_test_add_phrase_span (document, " ", "Hardline camp", NULL, NULL);

  export_dataset (&gloss_format_conll, dataset, file, report);
  contents = read_file (fixture->dir, "train.conll");
  g_assert_cmpstr (contents, ==,
                   "-DOCSTART- -X- -X- O\n"
                   "\n"
                   "Tehran -X- _ O\n"
                   "' -X- _ O\n"
                   "s -X- _ O\n"
                   "hardliners -X- _ B-Hardline_camp\n"
                   "objected -X- _ O\n"
                   ". -X- _ O\n"
                   "\n");
  g_assert_cmpuint (lost (report, "spans not on token boundaries (widened to whole tokens)"),
                    ==, 1);
  g_assert_cmpuint (lost (report, "spans over white space only"), ==, 1);
  g_assert_true (has_warning (report, "widen.txt", "“hardline” (9-17) became “hardliners”"));
  g_assert_cmpuint (report->spans, ==, 1);
}

/* A sentence break never splits a kept span. */
static void
test_conll_sentence_inside_span (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  g_autofree char *contents = NULL;
  GlossDatasetDocument *document;

  gloss_dataset_ensure_label (dataset, "Security establishment");
  document = gloss_dataset_add_document (dataset, "irgc.txt", "The Guard Corps.\nIt objects.");
  gloss_test_add_phrase_span (document, "Corps.\nIt", "Security establishment", NULL, NULL);

  export_dataset (&gloss_format_conll, dataset, file, report);
  contents = read_file (fixture->dir, "train.conll");
  g_assert_cmpstr (contents, ==,
                   "-DOCSTART- -X- -X- O\n"
                   "\n"
                   "The -X- _ O\n"
                   "Guard -X- _ O\n"
                   "Corps -X- _ B-Security_establishment\n"
                   ". -X- _ I-Security_establishment\n"
                   "It -X- _ I-Security_establishment\n"
                   "objects -X- _ O\n"
                   ". -X- _ O\n"
                   "\n");
}

static void
test_conll_read_iob2 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;

  write_file (fixture->dir, "train.conll",
              "-DOCSTART- -X- -X- O\n"
              "\n"
              "Masoud NNP B-NP B-Reformist_camp\n"
              "Pezeshkian NNP I-NP I-Reformist_camp\n"
              "spoke VBD B-VP O\n"
              ". . O O\n"
              "\n"
              "Velayati NNP B-NP B-Hardline_camp\n"
              "objected VBD B-VP O\n"
              ". . O O\n"
              "\n"
              "-DOCSTART- -X- -X- O\n"
              "\r\n"
              "Analyst NN B-NP B-Analyst_-2F-_source\r\n"
              "Tehran NNP B-NP B-Hardline_camp\r\n"
              "Baku NNP B-NP B-Hardline_camp\r\n",
              -1);

  dataset = import_path (&gloss_format_conll, file, report);

  g_assert_cmpuint (dataset->documents->len, ==, 2);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->name, ==, "doc-1");
  g_assert_cmpstr (document->text, ==, "Masoud Pezeshkian spoke .\nVelayati objected .");
  g_assert_cmpuint (document->spans->len, ==, 2);
  assert_span (document, 0, "Masoud Pezeshkian", "Reformist camp", "");
  assert_span (document, 1, "Velayati", "Hardline camp", "");

  document = g_ptr_array_index (dataset->documents, 1);
  g_assert_cmpstr (document->name, ==, "doc-2");
  g_assert_cmpstr (document->text, ==, "Analyst Tehran Baku");
  g_assert_cmpuint (document->spans->len, ==, 3);
  assert_span (document, 0, "Analyst", "Analyst / source", "");
  /* Two B- in a row are two entities. */
  assert_span (document, 1, "Tehran", "Hardline camp", "");
  assert_span (document, 2, "Baku", "Hardline camp", "");

  g_assert_cmpuint (dataset->labels->len, ==, 3);
  g_assert_cmpstr (((GlossDatasetLabel *) dataset->labels->pdata[2])->name, ==, "Analyst / source");
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (report->documents, ==, 2);
  g_assert_cmpuint (report->spans, ==, 5);
}

/* IOB1, in two columns: I- starts an entity, B- parts two adjacent ones. */
static void
test_conll_read_iob1 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *file = path_in (fixture->dir, "old.conll");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;

  write_file (fixture->dir, "old.conll",
              "Iran I-LOC\n"
              "and O\n"
              "Azerbaijan I-LOC\n"
              "Baku I-LOC\n"
              "Tehran\tB-LOC\n"
              "talk O\n"
              "\n"
              "Velayati I-PER\n",
              -1);

  dataset = import_path (&gloss_format_conll, file, report);

  g_assert_cmpuint (dataset->documents->len, ==, 1);
  document = g_ptr_array_index (dataset->documents, 0);
  g_assert_cmpstr (document->text, ==, "Iran and Azerbaijan Baku Tehran talk\nVelayati");
  g_assert_cmpuint (document->spans->len, ==, 4);
  assert_span (document, 0, "Iran", "LOC", "");
  assert_span (document, 1, "Azerbaijan Baku", "LOC", "");
  assert_span (document, 2, "Tehran", "LOC", "");
  assert_span (document, 3, "Velayati", "PER", "");
  g_assert_cmpuint (report->warnings->len, ==, 0);
}

/* In an IOB2 file, an I- after O is a mistake read as B-, with a warning
 * naming the line. */
static void
test_conll_stray_inside (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossDataset) dataset = NULL;
  GlossDatasetDocument *document;

  write_file (fixture->dir, "train.conll",
              "Masoud B-PER\n"
              "Pezeshkian I-PER\n"
              "met O\n"
              "Velayati I-PER\n",
              -1);

  dataset = import_path (&gloss_format_conll, file, report);

  document = g_ptr_array_index (dataset->documents, 0);
  assert_span (document, 0, "Masoud Pezeshkian", "PER", "");
  assert_span (document, 1, "Velayati", "PER", "");
  g_assert_cmpuint (report->warnings->len, ==, 1);
  g_assert_true (has_warning (report, "CoNLL file train.conll, line 4", "I-PER"));
}

/* Export, then import: the kept spans come back over the rebuilt text, with
 * their label names. */
static void
test_conll_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossDataset) dataset = gloss_test_dataset_new ();
  g_autoptr(GlossDataset) imported = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GlossFormatReport) import_report = gloss_format_report_new ();
  g_autofree char *file = path_in (fixture->dir, "train.conll");
  guint k = 0;

  export_dataset (&gloss_format_conll, dataset, file, report);
  imported = import_path (&gloss_format_conll, file, import_report);

  g_assert_cmpuint (imported->documents->len, ==, dataset->documents->len);
  for (guint i = 0; i < imported->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (imported->documents, i);
      g_autofree char *name = g_strdup_printf ("doc-%u", i + 1);

      g_assert_cmpstr (document->name, ==, name);
      for (guint j = 0; j < document->spans->len; j++, k++)
        {
          g_assert_cmpuint (conll_kept[k].document, ==, i);
          assert_span (document, j, conll_kept[k].text, conll_kept[k].label, "");
        }
    }
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (conll_kept));
  g_assert_cmpuint (import_report->warnings->len, ==, 0);

  /* The CRLF document's lines are sentences of their own. */
  g_assert_cmpstr (((GlossDatasetDocument *) imported->documents->pdata[3])->text, ==,
                   "Ali Akbar Velayati vowed to block it .\n"
                   "Ahmad Alili , of the Caucasus Center , disagrees .");
}

static void
test_conll_bad_one_column (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *file = path_in (fixture->dir, "bad.conll");

  write_file (fixture->dir, "bad.conll",
              "-DOCSTART- -X- -X- O\n"
              "\n"
              "Masoud -X- _ B-Reformist_camp\n"
              "Pezeshkian\n",
              -1);

  assert_import_fails (&gloss_format_conll, file, GLOSS_FORMAT_ERROR_PARSE,
                       "CoNLL file bad.conll, line 4: “Pezeshkian” has one column");

  write_file (fixture->dir, "bad.conll", "Masoud -X- _ B-\n", -1);
  assert_import_fails (&gloss_format_conll, file, GLOSS_FORMAT_ERROR_PARSE,
                       "CoNLL file bad.conll, line 1: the tag “B-” is not O, B-TYPE or I-TYPE");
}

static void
test_conll_bad_encoding (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *file = path_in (fixture->dir, "bad.conll");

  write_file (fixture->dir, "bad.conll", "Baku B-LOC\nTehr\xE2n I-LOC\n", -1);

  assert_import_fails (&gloss_format_conll, file, GLOSS_FORMAT_ERROR_ENCODING,
                       "CoNLL file bad.conll, line 2: not valid UTF-8 at byte 15");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, gloss_test_folder_set_up, func, gloss_test_folder_tear_down)

  g_test_add_func ("/gloss/tokenizer/sample-sentence", test_tokenizer_sample_sentence);
  g_test_add_func ("/gloss/tokenizer/emoji", test_tokenizer_emoji);
  g_test_add_func ("/gloss/tokenizer/persian", test_tokenizer_persian);
  g_test_add_func ("/gloss/tokenizer/combining-marks", test_tokenizer_combining_marks);
  g_test_add_func ("/gloss/tokenizer/white-space", test_tokenizer_white_space);
  g_test_add_func ("/gloss/tokenizer/sentences", test_tokenizer_sentences);

  g_test_add_func ("/gloss/format/type-name/reversible", test_type_name_reversible);
  g_test_add_func ("/gloss/format/type-name/foreign", test_type_name_foreign);
  g_test_add_func ("/gloss/format/type-name/brat-unchanged", test_type_name_brat_unchanged);
  g_test_add_func ("/gloss/format/type-name/values", test_type_name_values);

  add_test ("/gloss/format/standoff/registered", test_registered);

  add_test ("/gloss/format/brat/python-reads-export", test_brat_python_reads_export);
  add_test ("/gloss/format/brat/astral-offsets", test_brat_astral_offsets);
  add_test ("/gloss/format/brat/crlf", test_brat_crlf);
  add_test ("/gloss/format/brat/round-trip", test_brat_round_trip);
  add_test ("/gloss/format/brat/lost", test_brat_lost);
  add_test ("/gloss/format/brat/file-names", test_brat_file_names);
  add_test ("/gloss/format/brat/line-break-in-span", test_brat_line_break_in_span);
  add_test ("/gloss/format/brat/import", test_brat_import);
  add_test ("/gloss/format/brat/single-file", test_brat_single_file);
  add_test ("/gloss/format/brat/bad/text-mismatch", test_brat_bad_text_mismatch);
  add_test ("/gloss/format/brat/bad/span-past-end", test_brat_bad_span_past_end);
  add_test ("/gloss/format/brat/bad/encoding", test_brat_bad_encoding);
  add_test ("/gloss/format/brat/events-round-trip", test_brat_events_round_trip);
  add_test ("/gloss/format/brat/hostile-references", test_brat_hostile_references);
  add_test ("/gloss/format/brat/discontinuous", test_brat_discontinuous);
  add_test ("/gloss/format/brat/discontinuous-round-trip", test_brat_discontinuous_round_trip);
  add_test ("/gloss/format/brat/many-relations", test_brat_many_relations);
  add_test ("/gloss/format/brat/write-relations", test_brat_write_relations);

  add_test ("/gloss/format/conll/python-reads-export", test_conll_python_reads_export);
  add_test ("/gloss/format/conll/lost", test_conll_lost);
  add_test ("/gloss/format/conll/lost-one", test_conll_lost_one);
  add_test ("/gloss/format/brat/folder-mode", test_brat_folder_mode);
  add_test ("/gloss/format/conll/widened", test_conll_widened);
  add_test ("/gloss/format/conll/sentence-inside-span", test_conll_sentence_inside_span);
  add_test ("/gloss/format/conll/read-iob2", test_conll_read_iob2);
  add_test ("/gloss/format/conll/read-iob1", test_conll_read_iob1);
  add_test ("/gloss/format/conll/stray-inside", test_conll_stray_inside);
  add_test ("/gloss/format/conll/round-trip", test_conll_round_trip);
  add_test ("/gloss/format/conll/bad/one-column", test_conll_bad_one_column);
  add_test ("/gloss/format/conll/bad/encoding", test_conll_bad_encoding);

#undef add_test

  return g_test_run ();
}
