/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The readable text of an HTML page, through libxml2's HTML parser: it
 * knows the character set a page declares (<meta charset>, http-equiv),
 * every HTML 4 entity and how browsers repair broken markup, which a
 * reader of our own got wrong on pages saved from the web. It never
 * touches the network nor loads external entities.
 *
 * The parser is older than HTML5 in two places where pages still rely on
 * HTML5: numeric character references (&#150; is an en dash, &#0; and
 * &#xZZ; are not dropped) and named ones (HTML5 added two thousand names,
 * and browsers read the Latin-1 ones without their ';'). A first pass over
 * the bytes rewrites those into references the parser reads as a browser
 * would. */

#define G_LOG_DOMAIN "gloss-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>

#include "gloss-format-error.h"
#include "gloss-text.h"
#include "gloss-text-private.h"

/* What browsers make of U+0080 to U+009F, typed as &#150; or met as bytes
 * in a page declared ISO-8859-1 (which browsers read as Windows-1252): the
 * Windows-1252 characters old pages meant (0 where that code page has
 * none). */
static const gunichar windows_1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Elements whose content is not text a reader sees. */
static const char * const hidden_elements[] = {
  "head", "noscript", "script", "style", "template", "title", NULL,
};

/* Elements that start a new line, opening or closing. */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "tfoot", "thead", "tr", "ul", NULL,
};

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Whether the element NAME starts a new line; Markdown's inline HTML asks
 * too. */
gboolean
gloss_text_html_is_block (const char *name)
{
  return name_in (name, block_elements);
}

/* The pass before parsing */

/* A numeric character reference at P (after "&#") as a browser reads it,
 * into OUT as one the parser reads the same way; the bytes it took. */
static gsize
rewrite_numeric_reference (const char *p,
                           const char *end,
                           GString    *out)
{
  gboolean hex = p < end && (*p == 'x' || *p == 'X');
  const char *q = p + (hex ? 1 : 0);
  const char *digits = q;
  guint64 value = 0;

  while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)))
    {
      value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
      value = MIN (value, 0x110000);
      q++;
    }

  /* "&#" and "&#x" without digits are text. */
  if (q == digits)
    {
      g_string_append (out, "&amp;#");
      return 0;
    }
  if (q < end && *q == ';')
    q++;

  if (value >= 0x80 && value <= 0x9F && windows_1252[value - 0x80] != 0)
    value = windows_1252[value - 0x80];
  else if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ||
           (value >= 0x80 && value <= 0x9F))
    value = 0xFFFD;

  g_string_append_printf (out, "&#x%X;", (guint) value);
  return q - p;
}

/* SIZE bytes of DATA with character references rewritten as numeric ones
 * libxml2 reads as browsers do, and CDATA sections (from XHTML) as the
 * text they hold. One pass: every step moves forward. The bytes may be in
 * any character set that keeps ASCII as it is, as those a page can declare
 * do. */
static GString *
rewrite_references (const char *data,
                    gsize       size)
{
  GString *out = g_string_sized_new (size + size / 16 + 1);
  const char *end = data + size;
  const char *p = data;
  gboolean cdata_closes = TRUE;

  while (p < end)
    {
      const char *next = memchr (p, '&', end - p);
      const char *tag = cdata_closes ? memchr (p, '<', (next != NULL ? next : end) - p) : NULL;

      /* A CDATA section before the next '&' */
      while (tag != NULL)
        {
          const char *close;

          if ((gsize) (end - tag) < 9 || memcmp (tag, "<![CDATA[", 9) != 0)
            {
              tag = memchr (tag + 1, '<', (next != NULL ? next : end) - tag - 1);
              continue;
            }

          close = g_strstr_len (tag + 9, end - tag - 9, "]]>");
          if (close == NULL)
            {
              /* None later can close either: they stay as text. */
              cdata_closes = FALSE;
              break;
            }

          g_string_append_len (out, p, tag - p);
          for (const char *c = tag + 9; c < close; c++)
            {
              if (*c == '<')
                g_string_append (out, "&lt;");
              else if (*c == '&')
                g_string_append (out, "&amp;");
              else
                g_string_append_c (out, *c);
            }
          p = close + 3;
          if (next != NULL && next < p)
            next = memchr (p, '&', end - p);
          tag = memchr (p, '<', (next != NULL ? next : end) - p);
        }

      if (next == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, next - p);
      p = next + 1;

      if (p < end && *p == '#')
        {
          p += 1 + rewrite_numeric_reference (p + 1, end, out);
          continue;
        }

      if (p < end && g_ascii_isalpha (*p))
        {
          const char *q = p;
          char name[33];
          const char *text;
          gboolean legacy = FALSE;
          gboolean closed;

          while (q < end && g_ascii_isalnum (*q) && q - p < 32)
            q++;
          memcpy (name, p, q - p);
          name[q - p] = '\0';
          closed = q < end && *q == ';';

          /* libxml2 knows HTML 4's entities, not the two thousand HTML5
           * added; and browsers read the Latin-1 ones without their ';'
           * when no letter follows (in attribute values not even then,
           * but those are not text). As numeric references, the parser
           * reads them all. */
          text = gloss_text_entity_lookup (name, &legacy);
          if (text != NULL && (closed || (legacy && (q == end || !g_ascii_isalnum (*q)))))
            {
              for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
                g_string_append_printf (out, "&#x%X;", g_utf8_get_char (c));
              p = closed ? q + 1 : q;
              continue;
            }

          g_string_append_c (out, '&');
          g_string_append (out, name);
          p = q;
          continue;
        }

      g_string_append_c (out, '&');
    }

  return out;
}

/* The walk */

static void
append_char (GlossTextSink *sink,
             gunichar       c)
{
  char buffer[6];

  if (c >= 0x80 && c <= 0x9F && windows_1252[c - 0x80] != 0)
    c = windows_1252[c - 0x80];

  gloss_text_sink_append (sink, buffer, g_unichar_to_utf8 (c, buffer));
}

static void
append_text (GlossTextSink *sink,
             const char    *text,
             gboolean       preformatted,
             gboolean       after_pre)
{
  /* A browser drops the line break right after <pre>. */
  if (preformatted && after_pre)
    {
      if (text[0] == '\r')
        text++;
      if (text[0] == '\n')
        text++;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (preformatted)
        {
          /* A no-break space becomes an ordinary one, so that searching
           * for "Masoud Pezeshkian" finds it and tokenizers split there. */
          if (c == 0x00A0)
            gloss_text_sink_append (sink, " ", 1);
          else if (c != '\r')
            append_char (sink, c);
        }
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x00A0)
        gloss_text_sink_space (sink);
      else
        append_char (sink, c);
    }
}

static void
element_edge (GlossTextSink *sink,
              const char    *name)
{
  if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
    gloss_text_sink_space (sink);
  else if (gloss_text_html_is_block (name))
    gloss_text_sink_break (sink);
}

/* The text of DOC's body, in document order. The walk follows parent and
 * sibling links instead of recursing: nesting depth costs no stack. */
static void
document_to_sink (htmlDocPtr     doc,
                  GlossTextSink *sink)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node = root;
  guint pre_depth = 0;
  gboolean after_pre = FALSE;

  while (node != NULL)
    {
      gboolean enter = FALSE;
      gboolean was_after_pre = after_pre;

      after_pre = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) node->name;

          if (!name_in (name, hidden_elements))
            {
              element_edge (sink, name);
              if (g_ascii_strcasecmp (name, "pre") == 0)
                {
                  pre_depth++;
                  after_pre = TRUE;
                }
              enter = node->children != NULL;
              if (!enter && g_ascii_strcasecmp (name, "pre") == 0)
                pre_depth--;
            }
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               node->content != NULL)
        append_text (sink, (const char *) node->content, pre_depth > 0, was_after_pre);

      if (enter)
        {
          node = node->children;
          continue;
        }

      /* Up to the next sibling, closing the elements left on the way. */
      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node->type == XML_ELEMENT_NODE)
            {
              element_edge (sink, (const char *) node->name);
              if (g_ascii_strcasecmp ((const char *) node->name, "pre") == 0 && pre_depth > 0)
                pre_depth--;
            }
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
}

static gsize initialized;

/* The text of SIZE bytes of HTML in ENCODING, or in the one the page
 * declares when NULL; DECLARED says whether it declared one, and which. */
static char *
parse (const char  *data,
       gsize        size,
       const char  *encoding,
       char       **declared)
{
  g_autoptr(GString) rewritten = rewrite_references (data, size);
  GlossTextSink sink = { g_string_new (NULL), FALSE, FALSE };
  htmlDocPtr doc;

  g_assert (rewritten->len <= G_MAXINT);

  /* libxml2 sets itself up on first use, which two threads reading files
   * at once must not both do. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  doc = htmlReadMemory (rewritten->str, rewritten->len, NULL, encoding,
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER);
  if (doc == NULL)
    return g_string_free (sink.out, FALSE);

  if (declared != NULL)
    *declared = doc->encoding != NULL ? g_strdup ((const char *) doc->encoding) : NULL;

  document_to_sink (doc, &sink);
  xmlFreeDoc (doc);

  /* What libxml2 converts is UTF-8 but for its own mistakes, which must
   * not reach a project as bytes that are no text. */
  if (!g_utf8_validate_len (sink.out->str, sink.out->len, NULL))
    {
      g_autofree char *broken = g_string_free (sink.out, FALSE);

      return g_utf8_make_valid (broken, -1);
    }

  return g_string_free (sink.out, FALSE);
}

/* The text a reader of HTML sees: no scripts, styles, head or comments; one
 * line per paragraph, list item, heading or table row; whitespace collapsed
 * as a browser does, except inside <pre>; character references decoded.
 * HTML is text already decoded (UTF-8), whatever the page declares. */
char *
gloss_text_from_html (const char *html)
{
  g_return_val_if_fail (html != NULL, NULL);
  /* References rewritten take at most four times their bytes. */
  g_return_val_if_fail (strlen (html) <= G_MAXINT / 4, NULL);

  return parse (html, strlen (html), "UTF-8", NULL);
}

static gboolean
is_utf8_name (const char *name)
{
  return g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0;
}

/* gloss_text_from_html () on a page's bytes, in the character set the page
 * declares: a byte order mark, else <meta charset> or its http-equiv form,
 * else UTF-8. A page that declares none and is not UTF-8, or that declares
 * one Gloss cannot read, is refused: guessing would store wrong letters
 * without a word. DISPLAY_NAME names the file in messages. */
char *
gloss_text_from_html_data (const guint8  *data,
                           gsize          size,
                           const char    *display_name,
                           GError       **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *text = NULL;
  xmlCharEncodingHandlerPtr handler;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (size > G_MAXINT / 4)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("“%s” is too large to read as HTML"), display_name);
      return NULL;
    }

  /* A byte order mark says the encoding, whatever the page claims; a NUL
   * byte says it is no text at all. Decoding tells both apart from the
   * rest and names the byte where the text breaks. */
  if ((size >= 2 && data[0] == 0xFF && data[1] == 0xFE) ||
      (size >= 2 && data[0] == 0xFE && data[1] == 0xFF) ||
      (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) ||
      (size > 0 && memchr (data, '\0', size) != NULL))
    {
      g_autofree char *decoded = gloss_text_decode (data, size, display_name, error);

      return decoded != NULL ? gloss_text_from_html (decoded) : NULL;
    }

  text = parse ((const char *) data, size, NULL, &declared);

  if (declared == NULL || is_utf8_name (declared))
    {
      /* Read as UTF-8: decoding says where a byte is not, as for a text
       * file. */
      g_autofree char *decoded = gloss_text_decode (data, size, display_name, error);

      if (decoded == NULL)
        return NULL;
    }
  else if ((handler = xmlFindCharEncodingHandler (declared)) != NULL)
    {
      /* Only asked whether there is one: an iconv one is opened for that. */
      xmlCharEncCloseFunc (handler);

      /* libxml2 switches when it meets the declaration, and garbles what
       * it read before it in another encoding; read again in the declared
       * one from the start. */
      g_free (text);
      text = parse ((const char *) data, size, declared, NULL);
    }
  else
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                   _("“%s” declares the character set “%s”, which Gloss cannot read; save "
                     "the page as UTF-8 and import it again"),
                   display_name, declared);
      return NULL;
    }

  return g_steal_pointer (&text);
}
