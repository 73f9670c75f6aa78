/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The readable text of a Markdown file, through md4c: a CommonMark parser
 * (emphasis, code spans, entities and links as the specification reads
 * them, which a reader of our own got wrong) with GitHub's tables, task
 * lists and strikethrough, built to run in time linear in its input and
 * fuzzed for it. It reports blocks, spans and text through callbacks, with
 * no tree: the text is written as it comes. */

#define G_LOG_DOMAIN "gloss-text"

#include "config.h"

#include <string.h>

#include <md4c.h>

#include "gloss-text.h"
#include "gloss-text-private.h"

typedef struct
{
  GString *out;           /* the document's text */
  GlossTextSink block;    /* the paragraph, heading, list item or cell being read */
  GString *verbatim;      /* a code block or an HTML block, as written; NULL outside */
  GPtrArray *cells;       /* a table row's cells; NULL outside a row */
} Reader;

/* TEXT, when there is any, as a line of its own. */
static void
emit (Reader     *reader,
      const char *text,
      gsize       len)
{
  if (len == 0)
    return;
  if (reader->out->len > 0)
    g_string_append_c (reader->out, '\n');
  g_string_append_len (reader->out, text, len);
}

/* Ends the paragraph, heading or list item read so far: a list item's
 * text ends where a list or paragraph nested in it starts. */
static void
flush_block (Reader *reader)
{
  GString *text = reader->block.out;

  if (reader->cells == NULL)
    emit (reader, text->str, text->len);
  g_string_truncate (text, 0);
  reader->block.pending_space = FALSE;
  reader->block.pending_break = FALSE;
}

static int
enter_block (MD_BLOCKTYPE  type,
             void         *detail,
             void         *user_data)
{
  Reader *reader = user_data;

  flush_block (reader);

  switch (type)
    {
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
      reader->verbatim = g_string_new (NULL);
      break;

    case MD_BLOCK_TR:
      reader->cells = g_ptr_array_new_with_free_func (g_free);
      break;

    default:
      break;
    }

  return 0;
}

static int
leave_block (MD_BLOCKTYPE  type,
             void         *detail,
             void         *user_data)
{
  Reader *reader = user_data;

  switch (type)
    {
    case MD_BLOCK_CODE:
      {
        g_autoptr(GString) code = g_steal_pointer (&reader->verbatim);

        /* Code blocks line for line as written, without the break that
         * ends the last line. */
        if (code->len > 0 && code->str[code->len - 1] == '\n')
          g_string_truncate (code, code->len - 1);
        emit (reader, code->str, code->len);
      }
      break;

    case MD_BLOCK_HTML:
      {
        g_autoptr(GString) html = g_steal_pointer (&reader->verbatim);
        g_autofree char *text = gloss_text_from_html (html->str);

        if (text != NULL)
          emit (reader, text, strlen (text));
      }
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (reader->cells != NULL)
        g_ptr_array_add (reader->cells, g_strdup (reader->block.out->str));
      flush_block (reader);
      break;

    case MD_BLOCK_TR:
      {
        g_autoptr(GPtrArray) cells = g_steal_pointer (&reader->cells);
        g_autoptr(GString) row = g_string_new ("|");

        /* A row is one line, its cells between pipes, as a table is
         * written. */
        for (guint i = 0; i < cells->len; i++)
          g_string_append_printf (row, " %s |", (const char *) g_ptr_array_index (cells, i));
        emit (reader, row->str, row->len);
      }
      break;

    default:
      flush_block (reader);
      break;
    }

  return 0;
}

static int
enter_span (MD_SPANTYPE  type,
            void        *detail,
            void        *user_data)
{
  return 0;
}

static int
leave_span (MD_SPANTYPE  type,
            void        *detail,
            void        *user_data)
{
  return 0;
}

/* Text with its whitespace collapsed, as a paragraph's wrapped lines join. */
static void
append_collapsed (Reader     *reader,
                  const char *text,
                  gsize       size)
{
  const char *end = text + size;
  const char *p = text;

  while (p < end)
    {
      const char *run = p;

      if (g_ascii_isspace (*p))
        {
          gloss_text_sink_space (&reader->block);
          p++;
          continue;
        }
      while (p < end && !g_ascii_isspace (*p))
        p++;
      gloss_text_sink_append (&reader->block, run, p - run);
    }
}

/* The text of an entity md4c found (&amp;, &#233;, &#xE9;) into the
 * block; one whose name HTML does not know is text. */
static void
append_entity (Reader     *reader,
               const char *entity,
               gsize       size)
{
  if (size >= 3 && entity[0] == '&' && entity[1] == '#' && entity[size - 1] == ';')
    {
      gboolean hex = entity[2] == 'x' || entity[2] == 'X';
      guint64 value = 0;
      char buffer[6];

      for (gsize i = hex ? 3 : 2; i < size - 1; i++)
        {
          value = value * (hex ? 16 : 10) + g_ascii_xdigit_value (entity[i]);
          value = MIN (value, 0x110000);
        }

      /* As CommonMark reads them: what is no character is U+FFFD. */
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        value = 0xFFFD;

      /* A no-break space becomes an ordinary one, so that searching finds
       * the words on either side and tokenizers split there. */
      if (value == 0x00A0)
        gloss_text_sink_space (&reader->block);
      else
        gloss_text_sink_append (&reader->block, buffer,
                                g_unichar_to_utf8 ((gunichar) value, buffer));
      return;
    }

  if (size >= 3 && entity[0] == '&' && entity[size - 1] == ';')
    {
      g_autofree char *name = g_strndup (entity + 1, size - 2);
      const char *text = gloss_text_entity_lookup (name, NULL);

      if (text != NULL && strcmp (text, "\u00A0") == 0)
        gloss_text_sink_space (&reader->block);
      else if (text != NULL)
        gloss_text_sink_append (&reader->block, text, -1);
      else
        gloss_text_sink_append (&reader->block, entity, size);
      return;
    }

  gloss_text_sink_append (&reader->block, entity, size);
}

/* The tag at TEXT (inline HTML) separates words when it is a block
 * element's, as in the HTML reader; other tags show as nothing. */
static void
inline_html (Reader     *reader,
             const char *text,
             gsize       size)
{
  char name[16];
  gsize n = 0;
  gsize i = 1;

  if (size < 2 || text[0] != '<')
    return;
  if (text[i] == '/')
    i++;
  for (; i < size && g_ascii_isalnum (text[i]) && n < sizeof name - 1; i++)
    name[n++] = text[i];
  name[n] = '\0';

  if (n > 0 && gloss_text_html_is_block (name))
    gloss_text_sink_space (&reader->block);
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Reader *reader = user_data;

  if (reader->verbatim != NULL)
    {
      g_string_append_len (reader->verbatim, text, size);
      return 0;
    }

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      gloss_text_sink_append (&reader->block, "\uFFFD", -1);
      break;

    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      gloss_text_sink_space (&reader->block);
      break;

    case MD_TEXT_ENTITY:
      append_entity (reader, text, size);
      break;

    case MD_TEXT_HTML:
      inline_html (reader, text, size);
      break;

    default:
      append_collapsed (reader, text, size);
      break;
    }

  return 0;
}

/* The text a reader of rendered Markdown sees: headings, paragraphs, list
 * items and table rows one line each (a paragraph's wrapped lines joined,
 * a row's cells between pipes), code blocks line for line as written,
 * emphasis and link syntax gone (a link's text, an image's description
 * kept), entities decoded, HTML blocks read as HTML. */
char *
gloss_text_from_markdown (const char *markdown)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS,
    .enter_block = enter_block,
    .leave_block = leave_block,
    .enter_span = enter_span,
    .leave_span = leave_span,
    .text = text_cb,
  };
  Reader reader = { g_string_new (NULL), { g_string_new (NULL), FALSE, FALSE }, NULL, NULL };
  gsize size;

  g_return_val_if_fail (markdown != NULL, NULL);

  size = strlen (markdown);
  g_return_val_if_fail (size <= G_MAXUINT, NULL);

  /* md4c stops only when a callback asks it to or memory runs out, which
   * GLib treats as fatal anyway; what was read until then is kept. */
  md_parse (markdown, size, &parser, &reader);
  flush_block (&reader);

  g_string_free (reader.block.out, TRUE);
  if (reader.verbatim != NULL)
    g_string_free (reader.verbatim, TRUE);
  if (reader.cells != NULL)
    g_ptr_array_unref (reader.cells);

  return g_string_free (reader.out, FALSE);
}
