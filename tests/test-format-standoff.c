/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-offsets.h"
#include "gloss-test-dataset.h"
#include "gloss-tokenizer.h"
#include "gloss-type-name.h"

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
    { "Pro-Russian", "Pro--Russian" },
    { "-", "-2D-" },
    { "--", "-2D--2D-" },
    { "a -b", "a_--b" },
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
    { "Ähnlich", "Ähnlich" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = gloss_type_name_to_label (cases[i].type_name);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/tokenizer/sample-sentence", test_tokenizer_sample_sentence);
  g_test_add_func ("/gloss/tokenizer/emoji", test_tokenizer_emoji);
  g_test_add_func ("/gloss/tokenizer/persian", test_tokenizer_persian);
  g_test_add_func ("/gloss/tokenizer/combining-marks", test_tokenizer_combining_marks);
  g_test_add_func ("/gloss/tokenizer/white-space", test_tokenizer_white_space);
  g_test_add_func ("/gloss/tokenizer/sentences", test_tokenizer_sentences);

  g_test_add_func ("/gloss/format/type-name/reversible", test_type_name_reversible);
  g_test_add_func ("/gloss/format/type-name/foreign", test_type_name_foreign);

  return g_test_run ();
}
