/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Turning a file into a document's text: decoding its bytes (UTF-8 with or
 * without a byte order mark, UTF-16 with one), and the readable text of an
 * HTML page or a Markdown file. The HTML and Markdown readers are small and
 * tolerant on purpose: analysts import pages saved from a browser and notes
 * written by hand, which a strict parser would refuse for no useful reason.
 *
 * Decoded text keeps its line endings exactly, so that offsets another tool
 * computed on the same file (brat's .ann next to its .txt) stay valid. Text
 * made from HTML or Markdown is new text, with "\n" between paragraphs. */

#define G_LOG_DOMAIN "gloss-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-format-error.h"
#include "gloss-offsets.h"
#include "gloss-text.h"

/* Decoding */

static guint
line_at (const guint8 *data,
         gsize         position)
{
  guint line = 1;

  for (gsize i = 0; i < position; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

static void
set_binary_error (GError     **error,
                  const char  *display_name,
                  gsize        position,
                  guint        line)
{
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
               _("“%s” looks like a binary file: NUL byte at byte %" G_GSIZE_FORMAT " (line %u)"),
               display_name, position, line);
}

/* iconv would report a lone surrogate with no position at all; checking
 * first lets the message say where the damage is. DATA starts after the
 * two-byte byte order mark. */
static gboolean
check_utf16 (const guint8  *data,
             gsize          size,
             gboolean       big_endian,
             const char    *display_name,
             GError       **error)
{
  guint line = 1;

  if (size % 2 != 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                   _("“%s” is not valid UTF-16 text: it ends in the middle of a character"),
                   display_name);
      return FALSE;
    }

  for (gsize i = 0; i < size; i += 2)
    {
      guint unit = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
      gboolean paired = FALSE;

      if (unit == 0)
        {
          set_binary_error (error, display_name, i + 2, line);
          return FALSE;
        }

      if (unit == '\n')
        line++;

      if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < size)
        {
          guint next = big_endian ? (data[i + 2] << 8 | data[i + 3])
                                  : (data[i + 3] << 8 | data[i + 2]);

          paired = next >= 0xDC00 && next <= 0xDFFF;
        }

      if (unit >= 0xD800 && unit <= 0xDFFF && !paired)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                       _("“%s” is not valid UTF-16 text: unpaired surrogate 0x%04X at byte "
                         "%" G_GSIZE_FORMAT " (line %u)"),
                       display_name, unit, i + 2, line);
          return FALSE;
        }

      if (paired)
        i += 2;
    }

  return TRUE;
}

static char *
decode_utf16 (const guint8  *data,
              gsize          size,
              gboolean       big_endian,
              const char    *display_name,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (!check_utf16 (data, size, big_endian, display_name, error))
    return NULL;

  text = g_convert ((const char *) data, size, "UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE",
                    NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                   _("“%s” is not valid UTF-16 text: %s"), display_name, local_error->message);
      return NULL;
    }

  return text;
}

/* Checks DATA, past a UTF-8 byte order mark (SKIP bytes), as UTF-8 text
 * without NUL bytes; the error says where the first bad byte is. */
static gboolean
check_utf8 (const guint8  *data,
            gsize          size,
            gsize          skip,
            const char    *display_name,
            GError       **error)
{
  const guint8 *nul;
  const char *end = NULL;

  /* Before validating: a binary file is almost never valid UTF-8 either,
   * and "binary" is the more useful thing to tell. */
  nul = size > skip ? memchr (data + skip, '\0', size - skip) : NULL;
  if (nul != NULL)
    {
      set_binary_error (error, display_name, nul - data, line_at (data, nul - data));
      return FALSE;
    }

  if (!gloss_offsets_validate ((const char *) data + skip, size - skip, &end))
    {
      gsize position = (const guint8 *) end - data;

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                   _("“%s” is not valid UTF-8 text: invalid byte 0x%02X at byte "
                     "%" G_GSIZE_FORMAT " (line %u)"),
                   display_name, data[position], position, line_at (data, position));
      return FALSE;
    }

  return TRUE;
}

static gsize
utf8_bom_size (const guint8 *data,
               gsize         size)
{
  return size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
}

static gboolean
has_utf16_bom (const guint8 *data,
               gsize         size)
{
  return size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));
}

/* DATA as UTF-8 text: UTF-8 (a byte order mark is dropped) or UTF-16 with a
 * byte order mark. Anything else is an error that says where the first bad
 * byte is, so that a user can find it in an editor. DISPLAY_NAME names the
 * file in messages. */
char *
gloss_text_decode (const guint8  *data,
                   gsize          size,
                   const char    *display_name,
                   GError       **error)
{
  gsize skip;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (has_utf16_bom (data, size))
    return decode_utf16 (data + 2, size - 2, data[0] == 0xFE, display_name, error);

  skip = utf8_bom_size (data, size);
  if (!check_utf8 (data, size, skip, display_name, error))
    return NULL;

  return g_strndup ((const char *) data + skip, size - skip);
}

/* gloss_text_decode () on CONTENTS (SIZE bytes and a NUL, as
 * g_file_get_contents () gives them), which it takes: UTF-8 comes back in
 * the same buffer, not a copy, the byte order mark moved out of the way.
 * An import reads every file through here. */
static char *
decode_take (char        *contents,
             gsize        size,
             const char  *display_name,
             GError     **error)
{
  g_autofree char *owned = contents;
  const guint8 *data = (const guint8 *) contents;
  gsize skip;

  if (has_utf16_bom (data, size))
    return decode_utf16 (data + 2, size - 2, data[0] == 0xFE, display_name, error);

  skip = utf8_bom_size (data, size);
  if (!check_utf8 (data, size, skip, display_name, error))
    return NULL;

  if (skip > 0)
    memmove (owned, owned + skip, size - skip + 1);
  return g_steal_pointer (&owned);
}

/* Where text goes while a converter collapses whitespace: a space or a line
 * break is only written once something follows it, so that runs collapse
 * and nothing trails. */
typedef struct
{
  GString *out;
  gboolean pending_space;
  gboolean pending_break;
} TextSink;

static void
sink_flush (TextSink *sink)
{
  if (sink->out->len > 0)
    {
      char last = sink->out->str[sink->out->len - 1];

      if (sink->pending_break && last != '\n')
        g_string_append_c (sink->out, '\n');
      else if (sink->pending_space && last != '\n' && last != ' ')
        g_string_append_c (sink->out, ' ');
    }

  sink->pending_space = FALSE;
  sink->pending_break = FALSE;
}

static void
sink_append (TextSink   *sink,
             const char *text,
             gssize      len)
{
  sink_flush (sink);
  g_string_append_len (sink->out, text, len);
}

static void
sink_append_unichar (TextSink *sink,
                     gunichar  c)
{
  sink_flush (sink);
  g_string_append_unichar (sink->out, c);
}

static void
sink_space (TextSink *sink)
{
  sink->pending_space = TRUE;
}

static void
sink_break (TextSink *sink)
{
  sink->pending_break = TRUE;
}

/* HTML */

static inline gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static const struct
{
  const char *name;
  gunichar c;
} named_entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 },
  { "rsquo", 0x2019 }, { "lsquo", 0x2018 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
  { "sbquo", 0x201A }, { "bdquo", 0x201E }, { "laquo", 0x00AB }, { "raquo", 0x00BB },
  { "lsaquo", 0x2039 }, { "rsaquo", 0x203A }, { "copy", 0x00A9 }, { "reg", 0x00AE },
  { "trade", 0x2122 }, { "deg", 0x00B0 }, { "middot", 0x00B7 }, { "bull", 0x2022 },
  { "times", 0x00D7 }, { "divide", 0x00F7 }, { "minus", 0x2212 }, { "plusmn", 0x00B1 },
  { "euro", 0x20AC }, { "pound", 0x00A3 }, { "yen", 0x00A5 }, { "cent", 0x00A2 },
  { "sect", 0x00A7 }, { "para", 0x00B6 }, { "shy", 0x00AD }, { "iexcl", 0x00A1 },
  { "iquest", 0x00BF }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
  /* Persian and Arabic text leans on these. */
  { "zwnj", 0x200C }, { "zwj", 0x200D }, { "lrm", 0x200E }, { "rlm", 0x200F },
};

/* What browsers make of &#128; to &#159;: the Windows-1252 characters old
 * pages meant by them (0 where that code page has none). */
static const gunichar windows_1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The character reference at P (which is '&'): how many bytes it takes, or
 * 0 when it is none, in which case the '&' is text. */
static gsize
decode_entity (const char *p,
               gunichar   *c)
{
  const char *q = p + 1;

  if (*q == '#')
    {
      gboolean hex = q[1] == 'x' || q[1] == 'X';
      guint64 value = 0;
      const char *digits;

      q += hex ? 2 : 1;
      digits = q;
      while (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q))
        {
          value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
          value = MIN (value, 0x110000);
          q++;
        }
      if (q == digits)
        return 0;
      if (*q == ';')
        q++;

      if (value >= 0x80 && value <= 0x9F && windows_1252[value - 0x80] != 0)
        *c = windows_1252[value - 0x80];
      else if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ||
               (value >= 0x80 && value <= 0x9F))
        *c = 0xFFFD;
      else
        *c = (gunichar) value;

      return q - p;
    }

  while (g_ascii_isalnum (*q) && q - p < 32)
    q++;
  if (q == p + 1)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (named_entities); i++)
    {
      gsize len = strlen (named_entities[i].name);

      if ((gsize) (q - p - 1) != len || strncmp (p + 1, named_entities[i].name, len) != 0)
        continue;

      if (*q == ';')
        {
          *c = named_entities[i].c;
          return q - p + 1;
        }

      /* Pages written by hand leave the ';' off the commonest ones. */
      if (named_entities[i].c < 0x80 || named_entities[i].c == 0x00A0)
        {
          *c = named_entities[i].c;
          return q - p;
        }
    }

  return 0;
}

static gboolean
has_prefix_ascii_ci (const char *p,
                     const char *prefix)
{
  return g_ascii_strncasecmp (p, prefix, strlen (prefix)) == 0;
}

static inline gboolean
is_tag_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == ':' || c == '_';
}

typedef struct
{
  char name[16];      /* lower case, truncated: no element Gloss cares about is longer */
  gboolean closing;
  gboolean self_closing;
} HtmlTag;

/* P is at '<' followed by a letter, or by '/' and a letter. Reads the tag
 * and returns where it ends: after its '>', or END when it is cut off.
 * Quoted attribute values may hold '>'. */
static const char *
parse_tag (const char *p,
           const char *end,
           HtmlTag    *tag)
{
  gsize n = 0;
  char quote = 0;
  char previous = 0;

  p++;
  tag->closing = p < end && *p == '/';
  if (tag->closing)
    p++;

  for (; p < end && is_tag_name_char (*p); p++)
    if (n < sizeof tag->name - 1)
      tag->name[n++] = g_ascii_tolower (*p);
  tag->name[n] = '\0';

  for (; p < end; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        {
          tag->self_closing = previous == '/';
          return p + 1;
        }
      if (!is_html_space (*p))
        previous = *p;
    }

  tag->self_closing = FALSE;
  return p;
}

/* The first NEEDLE in P..END, or NULL. */
static const char *
find_ascii (const char *p,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  while ((gsize) (end - p) >= n)
    {
      p = memchr (p, needle[0], end - p - n + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
      p++;
    }

  return NULL;
}

static gboolean
tag_is (const HtmlTag *tag,
        const char    *name)
{
  return strcmp (tag->name, name) == 0;
}

static gboolean
tag_in (const HtmlTag      *tag,
        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (tag_is (tag, names[i]))
      return TRUE;

  return FALSE;
}

/* Elements whose content is not text a reader sees. */
static const char * const hidden_elements[] = {
  "noscript", "script", "style", "template", "title", NULL,
};

/* What a <head> holds; any other element ends it, as in a browser, so that
 * a page that never closes its head still shows its text. */
static const char * const head_elements[] = {
  "base", "link", "meta", "noscript", "script", "style", "template", "title", NULL,
};

/* Elements that start a new line, opening or closing. */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "tfoot", "thead", "tr", "ul", NULL,
};

/* After the opening tag of a hidden element at START: where its closing
 * tag ends, or END. */
static const char *
skip_hidden_content (const char    *start,
                     const char    *end,
                     const HtmlTag *tag)
{
  g_autofree char *closing = g_strconcat ("</", tag->name, NULL);
  gsize len = strlen (closing);

  for (const char *p = start; (gsize) (end - p) >= len; p++)
    if (*p == '<' && g_ascii_strncasecmp (p, closing, len) == 0 &&
        (p + len == end || !is_tag_name_char (p[len])))
      {
        const char *close = memchr (p, '>', end - p);

        return close != NULL ? close + 1 : end;
      }

  return end;
}

/* Where a comment, a doctype or a processing instruction at P ends: END
 * when it is not closed. */
static const char *
skip_markup_declaration (const char *p,
                         const char *end)
{
  const char *close;

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    {
      close = find_ascii (p + 4, end, "-->");
      return close != NULL ? close + 3 : end;
    }

  close = memchr (p, '>', end - p);
  return close != NULL ? close + 1 : end;
}

static void
html_to_sink (const char *html,
              TextSink   *sink)
{
  const char *html_end = html + strlen (html);
  const char *p = html;
  guint pre_depth = 0;
  gboolean in_head = FALSE;
  gboolean after_pre = FALSE;

  while (*p != '\0')
    {
      if (*p == '<' && has_prefix_ascii_ci (p, "<![CDATA["))
        {
          const char *end = find_ascii (p + 9, html_end, "]]>");
          gsize len = end != NULL ? (gsize) (end - p - 9) : (gsize) (html_end - p - 9);

          if (!in_head)
            sink_append (sink, p + 9, len);
          p += 9 + len + (end != NULL ? 3 : 0);
          continue;
        }

      if (*p == '<' && (p[1] == '!' || p[1] == '?'))
        {
          p = skip_markup_declaration (p, html_end);
          continue;
        }

      if (*p == '<' && (g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2]))))
        {
          HtmlTag tag;

          p = parse_tag (p, html_end, &tag);
          after_pre = FALSE;

          if (tag_is (&tag, "head"))
            {
              in_head = !tag.closing;
              continue;
            }
          if (in_head && !tag.closing && !tag_in (&tag, head_elements))
            in_head = FALSE;

          if (!tag.closing && !tag.self_closing && tag_in (&tag, hidden_elements))
            p = skip_hidden_content (p, html_end, &tag);
          else if (tag_is (&tag, "td") || tag_is (&tag, "th"))
            sink_space (sink);
          else if (tag_in (&tag, block_elements))
            sink_break (sink);

          if (tag_is (&tag, "pre") && !tag.self_closing)
            {
              if (!tag.closing)
                {
                  pre_depth++;
                  after_pre = TRUE;
                }
              else if (pre_depth > 0)
                pre_depth--;
            }
          continue;
        }

      if (in_head)
        {
          p++;
          continue;
        }

      if (*p == '&')
        {
          gunichar c;
          gsize len = decode_entity (p, &c);

          if (len > 0)
            {
              /* A no-break space becomes an ordinary one, so that searching
               * for "Masoud Pezeshkian" finds it and tokenizers split there. */
              if (c == 0x00A0 && pre_depth == 0)
                sink_space (sink);
              else
                sink_append_unichar (sink, c == 0x00A0 ? ' ' : c);
              p += len;
              after_pre = FALSE;
              continue;
            }
        }

      if (is_html_space (*p))
        {
          /* A browser drops the line break right after <pre>. */
          if (pre_depth > 0 && !(after_pre && *p == '\n') && *p != '\r')
            sink_append (sink, p, 1);
          else if (pre_depth == 0)
            sink_space (sink);
          if (*p != '\r')
            after_pre = FALSE;
          p++;
          continue;
        }

      if (pre_depth == 0 && g_str_has_prefix (p, "\u00A0"))
        {
          sink_space (sink);
          p += strlen ("\u00A0");
          continue;
        }

      after_pre = FALSE;
      {
        const char *next = g_utf8_next_char (p);

        sink_append (sink, p, next - p);
        p = next;
      }
    }
}

/* The text a reader of HTML sees: no scripts, styles, head or comments; one
 * line per paragraph, list item, heading or table row; whitespace collapsed
 * as a browser does, except inside <pre>; character references decoded. */
char *
gloss_text_from_html (const char *html)
{
  TextSink sink = { g_string_new (NULL), FALSE, FALSE };

  g_return_val_if_fail (html != NULL, NULL);

  html_to_sink (html, &sink);

  return g_string_free (sink.out, FALSE);
}

/* Markdown
 *
 * Every reader of outside data runs in time linear in its input (give or
 * take a logarithm): a 2 MB file of unclosed brackets took minutes when
 * each bracket searched for its closing one. So a paragraph's brackets,
 * parentheses and backtick runs are matched once, up front; a link's text
 * is read in the same pass as the rest, not by recursion (which nested
 * links could also drive past the end of the stack); and emphasis keeps,
 * per character, the point below which no opener is left, as CommonMark's
 * reference parser does. */

typedef struct
{
  gsize pos;       /* in the buffer */
  gsize len;
  char c;
  gboolean can_open;
  gboolean can_close;
  gsize removed_start;
  gsize removed_end;
  /* The delimiters emphasis may still pair, as a list: those it is done
   * with leave it, so that no search walks over them again. */
  gssize prev;
  gssize next;
} Delimiter;

/* An opening bracket or parenthesis and its closing one, as byte offsets;
 * G_MAXSIZE when it has none. */
typedef struct
{
  gsize open;
  gsize close;
} Pair;

/* The starts of the backtick runs of one length, and how far the reading
 * has passed them. */
typedef struct
{
  GArray *starts;   /* gsize, in order */
  guint next;
} TickRuns;

static void
tick_runs_free (gpointer data)
{
  TickRuns *runs = data;

  g_array_unref (runs->starts);
  g_free (runs);
}

/* The text being read through a link's text: where that text starts, its
 * closing ']', where the link ends, and the last delimiter before it. */
typedef struct
{
  const char *start;
  const char *text_end;
  const char *after;
  gssize bottom;
} OpenLink;

typedef struct
{
  const char *text;
  const char *end;
  GArray *brackets;     /* Pair, '[' and ']', by opening offset; NULL until needed */
  GArray *parens;       /* Pair, '(' and ')' */
  guint bracket_hint;   /* where the last lookup in each found its pair */
  guint paren_hint;
  GHashTable *ticks;    /* run length -> TickRuns; NULL until needed */
  GArray *delimiters;   /* Delimiter; the first is a stand-in that never pairs */
  gssize last;          /* the last delimiter in the list */
} MarkdownInline;

static gunichar
char_before (const char *start,
             const char *p)
{
  return p > start ? g_utf8_get_char (g_utf8_prev_char (p)) : ' ';
}

static gunichar
char_at (const char *p,
         const char *end)
{
  return p < end ? g_utf8_get_char (p) : ' ';
}

static gboolean
is_md_punct (gunichar c)
{
  return g_unichar_ispunct (c) || (c < 0x80 && g_ascii_ispunct (c));
}

/* Matches OPEN and CLOSE in TEXT..END as a search from each opening one
 * would, counting depth and skipping what a backslash escapes. */
static GArray *
match_pairs (const char *text,
             const char *end,
             char        open,
             char        close)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        p++;
      else if (*p == open)
        {
          Pair pair = { p - text, G_MAXSIZE };
          guint index = pairs->len;

          g_array_append_val (pairs, pair);
          g_array_append_val (stack, index);
        }
      else if (*p == close && stack->len > 0)
        {
          guint index = g_array_index (stack, guint, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          g_array_index (pairs, Pair, index).close = p - text;
        }
    }

  return pairs;
}

/* The closing match of the bracket or parenthesis at P before END, or
 * NULL. Lookups mostly move forward, so the search starts from the last
 * one found and strides ahead from there. */
static const char *
find_closing (MarkdownInline *in,
              const char     *p,
              const char     *end)
{
  gsize offset = p - in->text;
  GArray *pairs;
  guint *hint;
  guint low = 0;
  guint high;

  if (in->brackets == NULL)
    {
      in->brackets = match_pairs (in->text, in->end, '[', ']');
      in->parens = match_pairs (in->text, in->end, '(', ')');
    }
  pairs = *p == '[' ? in->brackets : in->parens;
  hint = *p == '[' ? &in->bracket_hint : &in->paren_hint;
  high = pairs->len;

  if (*hint < pairs->len && g_array_index (pairs, Pair, *hint).open <= offset)
    {
      guint stride = 1;

      low = *hint;
      while (low + stride < pairs->len &&
             g_array_index (pairs, Pair, low + stride).open <= offset)
        {
          low += stride;
          stride *= 2;
        }
      high = MIN (low + stride, pairs->len);
    }

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      Pair *pair = &g_array_index (pairs, Pair, middle);

      if (pair->open == offset)
        {
          *hint = middle;
          return pair->close != G_MAXSIZE && in->text + pair->close < end
                 ? in->text + pair->close : NULL;
        }
      if (pair->open < offset)
        low = middle + 1;
      else
        high = middle;
    }

  return NULL;
}

/* The first run of exactly N backticks starting at FROM or later and
 * before END, or NULL. FROM only grows from one call to the next. */
static const char *
find_tick_run (MarkdownInline *in,
               gsize           n,
               const char     *from,
               const char     *end)
{
  TickRuns *runs;

  if (in->ticks == NULL)
    {
      in->ticks = g_hash_table_new_full (NULL, NULL, NULL, tick_runs_free);
      for (const char *p = in->text; p < in->end;)
        {
          const char *q = p;
          gsize start = p - in->text;

          if (*p != '`')
            {
              p++;
              continue;
            }
          while (q < in->end && *q == '`')
            q++;

          runs = g_hash_table_lookup (in->ticks, GSIZE_TO_POINTER (q - p));
          if (runs == NULL)
            {
              runs = g_new0 (TickRuns, 1);
              runs->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
              g_hash_table_insert (in->ticks, GSIZE_TO_POINTER (q - p), runs);
            }
          g_array_append_val (runs->starts, start);
          p = q;
        }
    }

  runs = g_hash_table_lookup (in->ticks, GSIZE_TO_POINTER (n));
  if (runs == NULL)
    return NULL;

  while (runs->next < runs->starts->len &&
         in->text + g_array_index (runs->starts, gsize, runs->next) < from)
    runs->next++;

  if (runs->next < runs->starts->len &&
      in->text + g_array_index (runs->starts, gsize, runs->next) < end)
    return in->text + g_array_index (runs->starts, gsize, runs->next);

  return NULL;
}

/* A link or image at P ('['), before END: where it ends, and its text's
 * closing bracket in *TEXT_END; NULL when the bracket does not start one. */
static const char *
find_link (MarkdownInline  *in,
           const char      *p,
           const char      *end,
           const char     **text_end)
{
  const char *link_end;

  *text_end = find_closing (in, p, end);
  if (*text_end == NULL || *text_end + 1 >= end)
    return NULL;

  if ((*text_end)[1] != '(' && (*text_end)[1] != '[')
    return NULL;

  link_end = find_closing (in, *text_end + 1, end);
  return link_end != NULL ? link_end + 1 : NULL;
}

/* An autolink at P ('<'): <https://...> or <name@host>. */
static const char *
markdown_autolink (const char *p,
                   const char *end,
                   GString    *out)
{
  const char *q = p + 1;
  gboolean uri = FALSE;

  while (q < end && *q != '>' && *q != '<' && !g_ascii_isspace (*q))
    {
      if (*q == ':' && q > p + 2)
        uri = TRUE;
      q++;
    }

  if (q >= end || *q != '>' || (!uri && memchr (p + 1, '@', q - p - 1) == NULL) ||
      !g_ascii_isalnum (p[1]))
    return NULL;

  g_string_append_len (out, p + 1, q - p - 1);
  return q + 1;
}

static Delimiter *
delimiter_at (MarkdownInline *in,
              gssize          index)
{
  return &g_array_index (in->delimiters, Delimiter, index);
}

static void
unlink_delimiter (MarkdownInline *in,
                  gssize          index)
{
  Delimiter *d = delimiter_at (in, index);

  delimiter_at (in, d->prev)->next = d->next;
  if (d->next >= 0)
    delimiter_at (in, d->next)->prev = d->prev;
  else
    in->last = d->prev;
}

/* Whether D can still open emphasis. */
static gboolean
can_still_open (const Delimiter *d)
{
  return d->can_open && d->len - d->removed_end > d->removed_start;
}

/* Pairs the delimiters after BOTTOM: each closer with the nearest opener of
 * its character before it; emphasis does not cross, so what lay between a
 * pair can no longer pair. */
static void
resolve_emphasis (MarkdownInline *in,
                  gssize          bottom)
{
  /* Per character (*, _, ~): below this delimiter no opener is left. */
  gssize openers_bottom[3] = { bottom, bottom, bottom };
  gssize current = delimiter_at (in, bottom)->next;

  while (current >= 0)
    {
      Delimiter *closer = delimiter_at (in, current);
      guint key = closer->c == '*' ? 0 : closer->c == '_' ? 1 : 2;
      gssize next;

      while (closer->can_close && closer->len - closer->removed_start > 0)
        {
          Delimiter *opener = NULL;
          gssize o;
          gsize use;

          for (o = closer->prev; o > openers_bottom[key]; o = delimiter_at (in, o)->prev)
            {
              Delimiter *candidate = delimiter_at (in, o);

              if (candidate->c == closer->c && can_still_open (candidate))
                {
                  opener = candidate;
                  break;
                }
            }

          if (opener == NULL)
            {
              openers_bottom[key] = closer->prev;
              break;
            }

          if (closer->c == '~')
            use = 2;
          else
            use = (opener->len - opener->removed_end >= 2 &&
                   closer->len - closer->removed_start >= 2) ? 2 : 1;

          opener->removed_end += use;
          closer->removed_start += use;

          /* What lay between leaves the list. */
          opener->next = current;
          closer->prev = o;
          if (!can_still_open (opener))
            unlink_delimiter (in, o);
        }

      next = closer->next;
      if (!can_still_open (closer))
        unlink_delimiter (in, current);
      current = next;
    }
}

/* The inline text of TEXT (one paragraph) into OUT: code spans kept as
 * they are, links and images as their text, emphasis markers dropped where
 * they pair up, character references decoded, HTML tags dropped. A '*' or
 * '_' that marks nothing (2 * 3, snake_case) stays. */
static void
markdown_inline (const char *text,
                 gsize       len,
                 GString    *out)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (OpenLink));
  Delimiter stand_in = { 0, 0, 0, FALSE, FALSE, 0, 0, -1, -1 };
  MarkdownInline in = { text, text + len };
  /* What is being read: the paragraph, or the text of the innermost link. */
  const char *start = text;
  const char *end = text + len;
  const char *p = text;
  gsize kept = 0;

  in.delimiters = g_array_new (FALSE, TRUE, sizeof (Delimiter));
  g_array_append_val (in.delimiters, stand_in);
  in.last = 0;

  for (;;)
    {
      const char *next;
      const char *text_end;

      if (p >= end)
        {
          OpenLink *link;

          if (links->len == 0)
            break;

          /* Emphasis does not reach out of a link's text. */
          link = &g_array_index (links, OpenLink, links->len - 1);
          resolve_emphasis (&in, link->bottom);
          in.last = link->bottom;
          delimiter_at (&in, link->bottom)->next = -1;
          p = link->after;
          g_array_set_size (links, links->len - 1);

          if (links->len > 0)
            {
              link = &g_array_index (links, OpenLink, links->len - 1);
              start = link->start;
              end = link->text_end;
            }
          else
            {
              start = text;
              end = text + len;
            }
          continue;
        }

      if (*p == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (buffer, p[1]);
          p += 2;
          continue;
        }

      if (*p == '`')
        {
          gsize ticks = 0;
          const char *close;

          while (p + ticks < end && p[ticks] == '`')
            ticks++;

          close = find_tick_run (&in, ticks, p + ticks, end);
          if (close != NULL)
            {
              const char *code = p + ticks;
              gsize code_len = close - code;

              if (code_len >= 2 && code[0] == ' ' && code[code_len - 1] == ' ')
                {
                  code++;
                  code_len -= 2;
                }
              g_string_append_len (buffer, code, code_len);
              p = close + ticks;
            }
          else
            {
              g_string_append_len (buffer, p, ticks);
              p += ticks;
            }
          continue;
        }

      if ((*p == '[' || (*p == '!' && p + 1 < end && p[1] == '[')) &&
          (next = find_link (&in, *p == '!' ? p + 1 : p, end, &text_end)) != NULL)
        {
          OpenLink link = { (*p == '!' ? p + 2 : p + 1), text_end, next, in.last };

          g_array_append_val (links, link);
          start = p = link.start;
          end = link.text_end;
          continue;
        }

      if (*p == '<')
        {
          if ((next = markdown_autolink (p, end, buffer)) != NULL)
            {
              p = next;
              continue;
            }
          if (p + 1 < end && (p[1] == '!' || g_ascii_isalpha (p[1]) ||
                              (p[1] == '/' && p + 2 < end && g_ascii_isalpha (p[2]))))
            {
              HtmlTag tag;

              if (p[1] == '!')
                p = skip_markup_declaration (p, end);
              else
                {
                  p = parse_tag (p, end, &tag);
                  if (!tag.closing && !tag.self_closing && tag_in (&tag, hidden_elements))
                    p = skip_hidden_content (p, end, &tag);
                  else if (tag_in (&tag, block_elements))
                    g_string_append_c (buffer, ' ');
                }
              continue;
            }
        }

      if (*p == '&')
        {
          gunichar c;
          gsize entity_len = decode_entity (p, &c);

          if (entity_len > 0 && p + entity_len <= end)
            {
              g_string_append_unichar (buffer, c == 0x00A0 ? ' ' : c);
              p += entity_len;
              continue;
            }
        }

      if (*p == '*' || *p == '_' || *p == '~')
        {
          Delimiter d = { buffer->len, 0, *p, FALSE, FALSE, 0, 0, in.last, -1 };
          gunichar before = char_before (start, p);
          gunichar after;
          gboolean left, right;

          while (p + d.len < end && p[d.len] == d.c)
            d.len++;
          after = char_at (p + d.len, end);

          left = !g_unichar_isspace (after) &&
                 (!is_md_punct (after) || g_unichar_isspace (before) || is_md_punct (before));
          right = !g_unichar_isspace (before) &&
                  (!is_md_punct (before) || g_unichar_isspace (after) || is_md_punct (after));

          if (d.c == '_')
            {
              d.can_open = left && (!right || is_md_punct (before));
              d.can_close = right && (!left || is_md_punct (after));
            }
          else if (d.c == '*' || d.len == 2)
            {
              d.can_open = left;
              d.can_close = right;
            }

          g_string_append_len (buffer, p, d.len);
          g_array_append_val (in.delimiters, d);
          delimiter_at (&in, in.last)->next = in.delimiters->len - 1;
          in.last = in.delimiters->len - 1;
          p += d.len;
          continue;
        }

      next = g_utf8_next_char (p);
      g_string_append_len (buffer, p, MIN (next, end) - p);
      p = next;
    }

  resolve_emphasis (&in, 0);

  for (guint i = 1; i < in.delimiters->len; i++)
    {
      Delimiter *d = delimiter_at (&in, i);
      gsize removed = MIN (d->len, d->removed_start + d->removed_end);

      g_string_append_len (out, buffer->str + kept, d->pos - kept);
      g_string_append_len (out, buffer->str + d->pos + MIN (d->removed_start, d->len),
                           d->len - removed);
      kept = d->pos + d->len;
    }
  g_string_append (out, buffer->str + kept);

  g_clear_pointer (&in.brackets, g_array_unref);
  g_clear_pointer (&in.parens, g_array_unref);
  g_clear_pointer (&in.ticks, g_hash_table_unref);
  g_array_unref (in.delimiters);
}

/* How many spaces and tabs LINE starts with, counting at most MAX. */
static gsize
count_indent (const char *line,
              gsize       max)
{
  gsize n = 0;

  while ((line[n] == ' ' || line[n] == '\t') && n < max)
    n++;

  return n;
}

static gboolean
is_blank (const char *line)
{
  return line[count_indent (line, G_MAXSIZE)] == '\0';
}

/* A code fence (``` or ~~~, three or more) at LINE: its character and
 * length, 0 when there is none. */
static gsize
fence_length (const char *line,
              char       *fence_char)
{
  const char *p = line + count_indent (line, 3);
  gsize n = 0;

  if (*p != '`' && *p != '~')
    return 0;
  while (p[n] == *p)
    n++;
  if (n < 3)
    return 0;

  *fence_char = *p;
  return n;
}

/* A thematic break (---, ***, ___) or a setext heading's underline (===,
 * ---): lines that show as rules or as nothing. */
static gboolean
is_rule (const char *line,
         gboolean    after_paragraph)
{
  const char *p = line + count_indent (line, 3);
  char c = *p;
  guint n = 0;

  if (c != '-' && c != '*' && c != '_' && c != '=')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == c)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  if (c == '=')
    return after_paragraph || n >= 3;
  return n >= 3 || (c == '-' && after_paragraph);
}

/* The text of an ATX heading (# Title #), or NULL when LINE is none. */
static const char *
heading_text (const char *line,
              gsize      *len)
{
  const char *p = line + count_indent (line, 3);
  const char *end;
  guint level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\t' && p[level] != '\0'))
    return NULL;

  p += level;
  end = p + strlen (p);
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  /* A closing run of '#' goes too, when a space sets it apart. */
  {
    const char *q = end;

    while (q > p && q[-1] == '#')
      q--;
    if (q < end && (q == p || q[-1] == ' ' || q[-1] == '\t'))
      end = q;
  }

  *len = end - p;
  return p;
}

/* A list item's marker (-, *, +, 1., 1)) and a task box ([ ], [x]): the
 * text after them, or NULL when LINE is no list item. */
static const char *
list_item_text (const char *line)
{
  const char *p = line + count_indent (line, G_MAXSIZE);

  if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
    p += 2;
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q) && q - p < 9)
        q++;
      if ((*q != '.' && *q != ')') || (q[1] != ' ' && q[1] != '\t'))
        return NULL;
      p = q + 2;
    }
  else
    return NULL;

  p += count_indent (p, G_MAXSIZE);
  if (p[0] == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') && p[2] == ']' && p[3] == ' ')
    p += 4;

  return p;
}

/* [label]: https://... lines define links and show as nothing. */
static gboolean
is_link_definition (const char *line)
{
  const char *p = line + count_indent (line, 3);
  const char *close;

  if (*p != '[')
    return FALSE;
  close = strchr (p, ']');
  return close != NULL && close > p + 1 && close[1] == ':';
}

static gboolean
is_table_delimiter_row (const char *line)
{
  gboolean dash = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (*p != '|' && *p != ':' && *p != ' ' && *p != '\t')
        return FALSE;
    }

  return dash;
}

static void
emit_paragraph (GString    *out,
                const char *text,
                gsize       len)
{
  g_autoptr(GString) inline_text = g_string_new (NULL);
  TextSink sink = { g_string_new (NULL), FALSE, FALSE };

  markdown_inline (text, len, inline_text);

  for (const char *p = inline_text->str; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        sink_space (&sink);
      else
        sink_append (&sink, p, 1);
    }

  if (sink.out->len > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, sink.out->str, sink.out->len);
    }
  g_string_free (sink.out, TRUE);
}

static void
flush_paragraph (GString *out,
                 GString *paragraph)
{
  if (paragraph->len > 0)
    emit_paragraph (out, paragraph->str, paragraph->len);
  g_string_truncate (paragraph, 0);
}

static const char *
strip_quote_markers (const char *line)
{
  for (;;)
    {
      const char *p = line + count_indent (line, 3);

      if (*p != '>')
        return line;
      line = p + 1;
      if (*line == ' ')
        line++;
    }
}

static void
emit_code (GString *out,
           GString *code)
{
  if (code->len == 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_len (out, code->str, code->len);
}

/* The text a reader of rendered Markdown sees: headings, paragraphs and
 * list items one line each (a paragraph's wrapped lines joined), code
 * blocks line for line as written. A table keeps one line per row, cells
 * and pipes as written; indented code reads as a paragraph. */
char *
gloss_text_from_markdown (const char *markdown)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) code = NULL;
  guint code_lines = 0;
  gsize fence_len = 0;
  gsize fence_indent = 0;
  char fence_char = 0;

  g_return_val_if_fail (markdown != NULL, NULL);

  lines = g_strsplit (markdown, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      const char *content;
      const char *heading;
      const char *item;
      gsize heading_len;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (code != NULL)
        {
          char c = 0;
          gsize n = fence_length (line, &c);

          if (n >= fence_len && c == fence_char && is_blank (line + count_indent (line, 3) + n))
            {
              emit_code (out, code);
              g_string_free (g_steal_pointer (&code), TRUE);
              continue;
            }
          if (code_lines++ > 0)
            g_string_append_c (code, '\n');
          g_string_append (code, line + count_indent (line, fence_indent));
          continue;
        }

      content = strip_quote_markers (line);

      if (is_blank (content))
        {
          flush_paragraph (out, paragraph);
          continue;
        }

      if ((fence_len = fence_length (content, &fence_char)) > 0)
        {
          flush_paragraph (out, paragraph);
          fence_indent = count_indent (content, 3);
          code = g_string_new (NULL);
          code_lines = 0;
          continue;
        }

      if (is_rule (content, paragraph->len > 0))
        {
          flush_paragraph (out, paragraph);
          continue;
        }

      if ((heading = heading_text (content, &heading_len)) != NULL)
        {
          flush_paragraph (out, paragraph);
          emit_paragraph (out, heading, heading_len);
          continue;
        }

      if (is_link_definition (content))
        continue;

      if (content[count_indent (content, G_MAXSIZE)] == '|')
        {
          flush_paragraph (out, paragraph);
          if (!is_table_delimiter_row (content))
            emit_paragraph (out, content, strlen (content));
          continue;
        }

      if ((item = list_item_text (content)) != NULL)
        {
          flush_paragraph (out, paragraph);
          content = item;
        }

      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, content + count_indent (content, G_MAXSIZE));
    }

  /* A fence never closed runs to the end, as CommonMark reads it. */
  if (code != NULL)
    emit_code (out, code);
  flush_paragraph (out, paragraph);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Files */

static gboolean
has_suffix_ci (const char         *name,
               const char * const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

/* The text of the document file at PATH, as the text format imports it:
 * decoded, and read as HTML or Markdown when its name says it is one. (A
 * dataset's files are read by gloss_text_file_read_utf8 ().) */
char *
gloss_text_read_document_file (const char  *path,
                               GError     **error)
{
  static const char * const html[] = { ".html", ".htm", ".xhtml", NULL };
  static const char * const markdown[] = { ".md", ".markdown", NULL };
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);

  if (!gloss_format_check_not_project (path, error))
    return NULL;

  if (!g_file_get_contents (path, &contents, &size, &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR)
                   ? GLOSS_FORMAT_ERROR_IS_FOLDER : GLOSS_FORMAT_ERROR_IO,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  text = decode_take (g_steal_pointer (&contents), size, display, error);
  if (text == NULL)
    return NULL;

  if (has_suffix_ci (path, html))
    return gloss_text_from_html (text);
  if (has_suffix_ci (path, markdown))
    return gloss_text_from_markdown (text);

  return g_steal_pointer (&text);
}
