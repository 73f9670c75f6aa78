/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Turning a file into a document's text: decoding its bytes (UTF-8 with or
 * without a byte order mark, UTF-16 with one), and the readable text of an
 * HTML page or a Markdown file (gloss-text-html.c, gloss-text-markdown.c).
 * Those readers are tolerant on purpose: analysts import pages saved from a
 * browser and notes written by hand, which a strict parser would refuse for
 * no useful reason.
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
#include "gloss-text-private.h"

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

/* The sink of gloss-text-private.h */

static void
sink_flush (GlossTextSink *sink)
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

void
gloss_text_sink_append (GlossTextSink *sink,
                        const char    *text,
                        gssize         len)
{
  sink_flush (sink);
  g_string_append_len (sink->out, text, len);
}

void
gloss_text_sink_space (GlossTextSink *sink)
{
  sink->pending_space = TRUE;
}

void
gloss_text_sink_break (GlossTextSink *sink)
{
  sink->pending_break = TRUE;
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

  /* A page may declare its character set: the HTML reader decodes it. */
  if (has_suffix_ci (path, html))
    return gloss_text_from_html_data ((const guint8 *) contents, size, display, error);

  text = decode_take (g_steal_pointer (&contents), size, display, error);
  if (text == NULL)
    return NULL;

  if (has_suffix_ci (path, markdown))
    return gloss_text_from_markdown (text);

  return g_steal_pointer (&text);
}
