/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-test-util.h"
#include "gloss-text.h"

/* Persian with a zero-width non-joiner, an emoji outside the BMP, an em
 * dash and CRLF: what a decoder most easily gets wrong. */
#define MIXED_TEXT "پزشکیان می\u200cخواهد 😠 — “Trump Route”\r\nline two\r\n"

static char *
decode (const void  *data,
        gsize        size,
        const char  *name,
        GError     **error)
{
  return gloss_text_decode (data, size, name, error);
}

static void
test_decode_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (MIXED_TEXT, strlen (MIXED_TEXT), "a.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, MIXED_TEXT);
}

/* The BOM is not part of the text: offsets count from the first letter. */
static void
test_decode_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strconcat ("\xEF\xBB\xBF", MIXED_TEXT, NULL);
  g_autofree char *text = decode (data, strlen (data), "a.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, MIXED_TEXT);
  g_assert_true (g_str_has_prefix (text, "پ"));
}

static void
check_utf16 (const char *encoding,
             const char *bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize encoded_size = 0;

  encoded = g_convert (MIXED_TEXT, -1, encoding, "UTF-8", NULL, &encoded_size, &error);
  g_assert_no_error (error);

  data = g_malloc (encoded_size + 2);
  memcpy (data, bom, 2);
  memcpy (data + 2, encoded, encoded_size);

  text = decode (data, encoded_size + 2, "utf16.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, MIXED_TEXT);
}

static void
test_decode_utf16le_bom (void)
{
  check_utf16 ("UTF-16LE", "\xFF\xFE");
}

static void
test_decode_utf16be_bom (void)
{
  check_utf16 ("UTF-16BE", "\xFE\xFF");
}

static void
test_decode_utf16_lone_surrogate (void)
{
  /* BOM, "a", "\n", the first half of 😠 with no second half, "b". */
  static const guint8 data[] = { 0xFF, 0xFE, 'a', 0, '\n', 0, 0x3D, 0xD8, 'b', 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, sizeof data, "notes.txt", &error);

  g_assert_null (text);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“notes.txt” is not valid UTF-16 text: unpaired surrogate 0xD83D at byte 6 "
                   "(line 2)");
}

static void
test_decode_utf16_odd_length (void)
{
  static const guint8 data[] = { 0xFE, 0xFF, 0, 'a', 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, sizeof data, "cut.txt", &error);

  g_assert_null (text);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“cut.txt”"));
}

/* A Latin-1 "é" on line 7: the message leads the user to it. */
static void
test_decode_invalid_utf8 (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize position;

  for (guint i = 0; i < 6; i++)
    g_string_append (data, "Velayati — line\r\n");
  g_string_append (data, "Caf");
  position = data->len;
  g_string_append (data, "\xE9 diplomacy\n");

  text = decode (data->str, data->len, "notes.txt", &error);
  g_assert_null (text);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  expected = g_strdup_printf ("“notes.txt” is not valid UTF-8 text: invalid byte 0xE9 at byte "
                              "%" G_GSIZE_FORMAT " (line 7)", position);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_decode_nul_byte (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (png, sizeof png, "photo.png", &error);

  g_assert_null (text);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "“photo.png” looks like a binary file: NUL byte at byte 8 "
                   "(line 3)");
}

/* brat's offsets count the CR of every CRLF: decoding must keep them all,
 * and a lone CR too. */
static void
test_decode_crlf_kept (void)
{
  static const char data[] = "\xEF\xBB\xBFIran\r\nAzerbaijan\r\n\r\nArmenia\rGeorgia\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, "crlf.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Iran\r\nAzerbaijan\r\n\r\nArmenia\rGeorgia\n");
}

static void
test_decode_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode ("", 0, "empty.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");
}

static void
test_html_article (void)
{
  const char *html =
    "<!DOCTYPE html>\r\n"
    "<html lang=\"en\"><head>\n"
    "  <title>Zangezur &mdash; Media.Az</title>\n"
    "  <meta charset=\"utf-8\"><style>p { color: red; }</style>\n"
    "  <script>var a = \"<p>not text</p>\";</script>\n"
    "</head>\n"
    "<body>\n"
    "<!-- navigation <p>hidden</p> -->\n"
    "<nav><ul><li>Home</li><li>World</li></ul></nav>\n"
    "<article>\n"
    "  <h1>The   corridor &mdash; branded the &ldquo;Trump&nbsp;Route.&rdquo;</h1>\n"
    "  <div class=\"lead\"><p>Iranian President\n"
    "     <a href=\"/p?a=1&amp;b=2\" title=\"x > y\">Masoud Pezeshkian</a>"
    " has voiced a <em>pragmatic</em> stance.</p></div>\n"
    "  <script type=\"text/javascript\">\n    document.write('<div>ad</div>');\n  </script>\n"
    "  <blockquote><p>&lsquo;With or without Russia&rsquo; &hellip;</p></blockquote>\n"
    "  <p>Tom &amp; Jerry &lt;3 AT&T, 5 &gt; 4, &quot;q&quot; &apos;s&apos;, 1&ndash;2</p>\n"
    "  <p>Line one<br>Line two<br/>Line three</p>\n"
    "  <table><tr><td>Baku</td><td>Yerevan</td></tr><tr><th>Tehran</th></tr></table>\n"
    "  <pre>\n  code  kept\n    as is</pre>\n"
    "</article>\n"
    "</body></html>\n";
  g_autofree char *text = gloss_text_from_html (html);

  g_assert_cmpstr (text, ==,
                   "Home\n"
                   "World\n"
                   "The corridor — branded the “Trump Route.”\n"
                   "Iranian President Masoud Pezeshkian has voiced a pragmatic stance.\n"
                   "‘With or without Russia’ …\n"
                   "Tom & Jerry <3 AT&T, 5 > 4, \"q\" 's', 1–2\n"
                   "Line one\n"
                   "Line two\n"
                   "Line three\n"
                   "Baku Yerevan\n"
                   "Tehran\n"
                   "  code  kept\n"
                   "    as is");
}

static void
test_html_entities (void)
{
  g_autofree char *text = NULL;

  text = gloss_text_from_html ("&#1662;&#x632;&#X634;&#x1F600; &#150; &#0; &unknown; &amp &copy; "
                               "&zwnj; &#xZZ; a&b");

  g_assert_cmpstr (text, ==, "پزش😀 – \uFFFD &unknown; & © \u200C &#xZZ; a&b");
}

static void
test_html_tolerant (void)
{
  g_autofree char *unclosed = gloss_text_from_html ("<P CLASS=x>a < b and 1<2</P><DIV>tail <b");
  g_autofree char *script = gloss_text_from_html ("before<script>never closed <p>x</p>");
  g_autofree char *head = gloss_text_from_html ("<head><title>t</title><body><p>body text");
  g_autofree char *open_head = gloss_text_from_html ("<html><head><meta charset=utf-8>"
                                                     "<title>t</title><p>no body tag");
  g_autofree char *cdata = gloss_text_from_html ("<p><![CDATA[a < b]]></p>");
  g_autofree char *empty = gloss_text_from_html ("<p>&nbsp;</p><p>\u00A0</p><p> </p>");

  g_assert_cmpstr (unclosed, ==, "a < b and 1<2\ntail");
  g_assert_cmpstr (script, ==, "before");
  g_assert_cmpstr (head, ==, "body text");
  g_assert_cmpstr (open_head, ==, "no body tag");
  g_assert_cmpstr (cdata, ==, "a < b");
  g_assert_cmpstr (empty, ==, "");
}

/* Entities a short list did not know, HTML 4's and HTML5's: the text as
 * typed on a keyboard without those letters. */
static void
test_html_named_entities (void)
{
  g_autofree char *text = gloss_text_from_html ("<p>Caf&eacute; in Z&uuml;rich, &Omega; &rarr; "
                                                "&hearts; &frac34; &AElig;&szlig; &Dcaron; "
                                                "&HilbertSpace; &ngE;</p>"
                                                "<p>&#233;&#xE9;&#XE9; &#8212;&#x2014; &eacute "
                                                "&copy2026 &notanentity;</p>");

  g_assert_cmpstr (text, ==, "Café in Zürich, Ω → ♥ ¾ Æß Ď ℋ ≧̸\n"
                   "ééé —— é &copy2026 &notanentity;");
}

static char *
html_data (const char  *data,
           const char  *name,
           GError     **error)
{
  return gloss_text_from_html_data ((const guint8 *) data, strlen (data), name, error);
}

/* A page saved in the character set it declares, as browsers read it. */
static void
test_html_declared_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *http_equiv = NULL;
  g_autofree char *windows_1252 = NULL;
  g_autofree char *late = NULL;
  g_autofree char *utf8 = NULL;

  latin1 = html_data ("<html><head><meta charset=\"iso-8859-1\"><title>Z\xFCrich</title></head>"
                      "<body><p>Caf\xE9 in Z\xFCrich</p></body></html>", "latin1.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin1, ==, "Café in Zürich");

  http_equiv = html_data ("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                          "charset=windows-1251\"><p>\xCF\xF0\xE8\xE2\xE5\xF2</p>",
                          "cyrillic.htm", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (http_equiv, ==, "Привет");

  /* Bytes 0x80 to 0x9F in a page declared ISO-8859-1 are Windows-1252's,
   * as browsers read them. */
  windows_1252 = html_data ("<meta charset=iso-8859-1><p>\x93quoted\x94 \x96 10\x80</p>",
                            "quotes.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (windows_1252, ==, "“quoted” – 10€");

  /* Read in the declared encoding from the start: libxml2 alone switches
   * where it meets the declaration, and garbled "&©" before it into bytes
   * that are no UTF-8. */
  late = html_data ("<title>Z\xFCrich</title><p>&\xA9 2026</p><meta charset=iso88591>"
                    "<p>Caf\xE9</p>", "late.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (late, ==, "&© 2026\nCafé");

  utf8 = html_data ("<p>Café 😀</p>", "plain.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (utf8, ==, "Café 😀");
}

/* What cannot be read is refused, naming the file and the place. */
static void
test_html_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undeclared = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *bom = NULL;

  /* Latin-1 bytes and no charset declared: Gloss does not guess. */
  undeclared = html_data ("<p>line</p>\n<p>Caf\xE9</p>", "old.html", &error);
  g_assert_null (undeclared);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“old.html” is not valid UTF-8 text: invalid byte 0xE9 at byte 18 (line 2)");
  g_clear_error (&error);

  unknown = html_data ("<meta charset=\"klingon\"><p>Caf\xE9</p>", "alien.html", &error);
  g_assert_null (unknown);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“alien.html” declares the character set “klingon”, which Gloss cannot read; "
                   "save the page as UTF-8 and import it again");
  g_clear_error (&error);

  binary = gloss_text_from_html_data ((const guint8 *) "<p>a</p>\n\0b", 11, "nul.html", &error);
  g_assert_null (binary);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“nul.html” looks like a binary file: NUL byte at byte 9 (line 2)");
  g_clear_error (&error);

  /* A UTF-8 byte order mark outweighs what the page claims. */
  bom = html_data ("\xEF\xBB\xBF<meta charset=iso-8859-1><p>Café</p>", "bom.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==, "Café");
}

static void
test_markdown_article (void)
{
  const char *markdown =
    "# The corridor — branded the “Trump Route” #\r\n"
    "\r\n"
    "Iranian President **Masoud Pezeshkian** has voiced\r\n"
    "a _pragmatic_ stance, says [Media.Az](https://media.az/a?b=(1)).\r\n"
    "\n"
    "Setext heading\n"
    "==============\n"
    "\n"
    "> Quoted: *with or without* Russia\n"
    "> and more.\n"
    "\n"
    "- First item\n"
    "* [x] Done item with `inline *code*`\n"
    "12. Numbered item\n"
    "\n"
    "---\n"
    "\n"
    "![Map of the corridor](map.png \"title\") and <span class=\"x\">inline HTML</span>\n"
    "<https://example.org/x_y> and &ldquo;entities&rdquo; &amp; more\n"
    "\n"
    "```c\n"
    "int x = 2 * 3; /* **kept** */\n"
    "\n"
    "  indented_line\n"
    "```\n"
    "\n"
    "[ref]: https://example.org\n"
    /* md4c starts a table only after a blank line or another block. */
    "\n"
    "| Camp | Leader |\n"
    "|------|:------:|\n"
    "| Hardline | Velayati |\n";
  g_autofree char *text = gloss_text_from_markdown (markdown);

  g_assert_cmpstr (text, ==,
                   "The corridor — branded the “Trump Route”\n"
                   "Iranian President Masoud Pezeshkian has voiced a pragmatic stance, says "
                   "Media.Az.\n"
                   "Setext heading\n"
                   "Quoted: with or without Russia and more.\n"
                   "First item\n"
                   "Done item with inline *code*\n"
                   "Numbered item\n"
                   "Map of the corridor and inline HTML https://example.org/x_y and “entities” "
                   "& more\n"
                   "int x = 2 * 3; /* **kept** */\n"
                   "\n"
                   "  indented_line\n"
                   "| Camp | Leader |\n"
                   "| Hardline | Velayati |");
}

/* Markers that mark nothing are text. */
static void
test_markdown_emphasis (void)
{
  static const struct
  {
    const char *markdown;
    const char *text;
  } cases[] = {
    { "snake_case_name and __init__", "snake_case_name and init" },
    { "2 * 3 * 4", "2 * 3 * 4" },
    { "***both*** and **bold _inner_**", "both and bold inner" },
    { "an *unclosed marker", "an *unclosed marker" },
    /* GitHub's strikethrough takes one tilde or two (GFM example 491). */
    { "~~struck~~ but ~single~", "struck but single" },
    { "escaped \\*stars\\* and \\_under\\_", "escaped *stars* and _under_" },
    { "``code with ` tick``", "code with ` tick" },
    { "[**bold link**](u) and [not a link] here", "bold link and [not a link] here" },
    { "#hashtag is not a heading", "#hashtag is not a heading" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gloss_text_from_markdown (cases[i].markdown);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Examples from the CommonMark specification (0.30), with the text their
 * HTML shows. */
static void
test_markdown_commonmark (void)
{
  static const struct
  {
    const char *markdown;
    const char *text;
  } cases[] = {
    /* Entities and numeric character references */
    { "&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &HilbertSpace; &DifferentialD;\n"
      "&ClockwiseContourIntegral; &ngE;", "& © Æ Ď ¾ ℋ ⅆ ∲ ≧̸" },
    { "&#35; &#1234; &#992; &#0;", "# Ӓ Ϡ \uFFFD" },
    { "&#X22; &#XD06; &#xcab;", "\" ആ ಫ" },
    { "&nbsp &x; &#; &#x;\n&#87654321;\n&#abcdef0;\n&ThisIsNotDefined; &hi?;",
      "&nbsp &x; &#; &#x; &#87654321; &#abcdef0; &ThisIsNotDefined; &hi?;" },
    { "&copy", "&copy" },
    { "`f&ouml;&ouml;`", "f&ouml;&ouml;" },
    { "    f&ouml;f&ouml;", "f&ouml;f&ouml;" },
    /* Indented and fenced code blocks */
    { "    a simple\n      indented code block", "a simple\n  indented code block" },
    { "    chunk1\n\n    chunk2\n  \n \n \n    chunk3",
      "chunk1\n\nchunk2\n\n\n\nchunk3" },
    { "```\n<\n >\n```", "<\n >" },
    { "``\nfoo\n``", "foo" },
    { "```\naaa\n~~~\n```", "aaa\n~~~" },
    { "`````\n\n```\naaa", "\n```\naaa" },
    { "```ruby\ndef foo(x)\n  return 3\nend\n```", "def foo(x)\n  return 3\nend" },
    /* Code spans */
    { "`foo`", "foo" },
    { "`` foo ` bar ``", "foo ` bar" },
    { "` `` `", "``" },
    { "`foo\\`bar`", "foo\\bar`" },
    { "``foo`bar``", "foo`bar" },
    { "*foo`*`", "*foo*" },
    { "[not a `link](/foo`)", "[not a link](/foo)" },
    { "```foo``", "```foo``" },
    /* Emphasis */
    { "*foo bar*", "foo bar" },
    { "a * foo bar*", "a * foo bar*" },
    { "a*\"foo\"*", "a*\"foo\"*" },
    { "5*6*78", "5678" },
    { "_foo_bar", "_foo_bar" },
    { "foo-_(bar)_", "foo-(bar)" },
    { "_foo_bar_baz_", "foo_bar_baz" },
    { "__foo__bar", "__foo__bar" },
    { "*foo**bar**baz*", "foobarbaz" },
    { "*foo**bar*", "foo**bar" },
    { "foo***bar***baz", "foobarbaz" },
    { "*foo [*bar*](/url)*", "foo bar" },
    { "*foo**", "foo*" },
    { "*foo _bar* baz_", "foo _bar baz_" },
    { "**a<http://foo.bar/?q=**>", "**ahttp://foo.bar/?q=**" },
    /* Links may not contain links */
    { "[foo [bar](/uri)](/uri)", "[foo bar](/uri)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gloss_text_from_markdown (cases[i].markdown);

      g_test_message ("%s", cases[i].markdown);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static char *
load (const char  *dir,
      const char  *name,
      GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return gloss_text_read_document_file (path, error);
}

/* The name says how to read the file; the bytes say how to decode it. */
static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-text-XXXXXX", &error);
  g_autofree char *html = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *undeclared = NULL;

  g_assert_no_error (error);
  write_file (dir, "page.html", "\xEF\xBB\xBF<p>Tehran &amp; Baku</p><p>Yerevan</p>", -1);
  write_file (dir, "PAGE.HTM", "<p>upper</p>", -1);
  write_file (dir, "notes.md", "# Title\r\n\r\n*Velayati* vowed.\r\n", -1);
  write_file (dir, "raw.txt", "<p>kept</p>\r\n", -1);
  write_file (dir, "bad.md", "ok\n\xFF", -1);
  write_file (dir, "latin1.html", "<meta charset=\"iso-8859-1\"><p>Caf\xE9 in Z\xFCrich</p>", -1);
  write_file (dir, "latin1-undeclared.html", "<p>Caf\xE9</p>", -1);

  html = load (dir, "page.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (html, ==, "Tehran & Baku\nYerevan");

  upper = load (dir, "PAGE.HTM", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upper, ==, "upper");

  markdown = load (dir, "notes.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markdown, ==, "Title\nVelayati vowed.");

  plain = load (dir, "raw.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "<p>kept</p>\r\n");

  bad = load (dir, "bad.md", &error);
  g_assert_null (bad);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“bad.md” is not valid UTF-8 text: invalid byte 0xFF at byte 3 (line 2)");
  g_clear_error (&error);

  /* The page's bytes go to the HTML reader as they are, for it to read
   * the character set the page declares. */
  latin1 = load (dir, "latin1.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin1, ==, "Café in Zürich");

  undeclared = load (dir, "latin1-undeclared.html", &error);
  g_assert_null (undeclared);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "“latin1-undeclared.html” is not valid UTF-8 text: "
                   "invalid byte 0xE9 at byte 6 (line 1)");
  g_clear_error (&error);

  missing = load (dir, "missing.txt", &error);
  g_assert_null (missing);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.txt"));

  gloss_test_remove_tree (dir);
}

/* A plain text file comes back as its bytes (the file's own buffer, read
 * once): a UTF-8 byte order mark dropped, UTF-16 converted, the byte of a
 * bad character counted from the file's start, BOM included. */
static void
test_load_file_plain (void)
{
  static const char utf16[] = { '\xFF', '\xFE', 'B', 0, 'a', 0, 'k', 0, 'u', 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-text-XXXXXX", &error);
  g_autofree char *bom = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *bom_only = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *folder = NULL;

  g_assert_no_error (error);
  write_file (dir, "bom.txt", "\xEF\xBB\xBF" "Baku 🇦🇿\r\n", -1);
  write_file (dir, "empty.txt", "", 0);
  write_file (dir, "bom-only.txt", "\xEF\xBB\xBF", -1);
  write_file (dir, "wide.txt", utf16, sizeof utf16);
  write_file (dir, "bad.txt", "\xEF\xBB\xBFok\xC0", -1);

  bom = load (dir, "bom.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==, "Baku 🇦🇿\r\n");

  empty = load (dir, "empty.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");

  bom_only = load (dir, "bom-only.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom_only, ==, "");

  wide = load (dir, "wide.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wide, ==, "Baku");

  bad = load (dir, "bad.txt", &error);
  g_assert_null (bad);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“bad.txt” is not valid UTF-8 text: invalid byte 0xC0 at byte 5 (line 1)");
  g_clear_error (&error);

  /* A folder is no file: the error says which it is, for the text format
   * to read the folder instead. */
  folder = g_build_filename (dir, "older.txt", NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_null (load (dir, "older.txt", &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IS_FOLDER);

  gloss_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/text/decode/utf8", test_decode_utf8);
  g_test_add_func ("/gloss/text/decode/utf8-bom", test_decode_utf8_bom);
  g_test_add_func ("/gloss/text/decode/utf16le-bom", test_decode_utf16le_bom);
  g_test_add_func ("/gloss/text/decode/utf16be-bom", test_decode_utf16be_bom);
  g_test_add_func ("/gloss/text/decode/utf16-lone-surrogate", test_decode_utf16_lone_surrogate);
  g_test_add_func ("/gloss/text/decode/utf16-odd-length", test_decode_utf16_odd_length);
  g_test_add_func ("/gloss/text/decode/invalid-utf8", test_decode_invalid_utf8);
  g_test_add_func ("/gloss/text/decode/nul-byte", test_decode_nul_byte);
  g_test_add_func ("/gloss/text/decode/crlf-kept", test_decode_crlf_kept);
  g_test_add_func ("/gloss/text/decode/empty", test_decode_empty);
  g_test_add_func ("/gloss/text/html/article", test_html_article);
  g_test_add_func ("/gloss/text/html/entities", test_html_entities);
  g_test_add_func ("/gloss/text/html/tolerant", test_html_tolerant);
  g_test_add_func ("/gloss/text/html/named-entities", test_html_named_entities);
  g_test_add_func ("/gloss/text/html/declared-charset", test_html_declared_charset);
  g_test_add_func ("/gloss/text/html/unreadable", test_html_unreadable);
  g_test_add_func ("/gloss/text/markdown/article", test_markdown_article);
  g_test_add_func ("/gloss/text/markdown/emphasis", test_markdown_emphasis);
  g_test_add_func ("/gloss/text/markdown/commonmark", test_markdown_commonmark);
  g_test_add_func ("/gloss/text/load-file", test_load_file);
  g_test_add_func ("/gloss/text/load-file/plain", test_load_file_plain);

  return g_test_run ();
}
