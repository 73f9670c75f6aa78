/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Loading an imported text file as checked UTF-8; see gloss-text-file.h. */

#define G_LOG_DOMAIN "gloss-text-file"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-format-error.h"
#include "gloss-text-file.h"

static guint
line_of (const char *contents,
         gsize       byte_index)
{
  guint line = 1;

  for (gsize i = 0; i < byte_index; i++)
    if (contents[i] == '\n')
      line++;

  return line;
}

/* Whether CONTENTS (N_BYTES) is UTF-8 without NUL bytes; if not, an error
 * naming WHERE, the line and the byte. */
static gboolean
check (const char  *contents,
       gsize        n_bytes,
       const char  *where,
       GError     **error)
{
  const char *invalid = NULL;

  if (!g_utf8_validate (contents, n_bytes, &invalid))
    {
      gsize byte_index = invalid - contents;

      if (*invalid == '\0' && byte_index < n_bytes)
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                     _("%s, line %u: a NUL byte at byte %" G_GSIZE_FORMAT
                       "; Gloss reads text files only"),
                     where, line_of (contents, byte_index), byte_index);
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_ENCODING,
                     _("%s, line %u: not valid UTF-8 at byte %" G_GSIZE_FORMAT
                       "; save the file as UTF-8 and import it again"),
                     where, line_of (contents, byte_index), byte_index);
      return FALSE;
    }

  return TRUE;
}

/* The contents of the dataset file at PATH exactly as stored (a byte order
 * mark included: the caller decides what it means), refused unless UTF-8.
 * WHERE names the file in messages, as the user knows it: "brat file
 * doc.ann". (A document file is read by gloss_text_read_document_file ().) */
char *
gloss_text_file_read_utf8 (const char  *path,
                           const char  *where,
                           gsize       *length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize n_bytes = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (where != NULL, NULL);

  if (!gloss_format_check_not_project (path, error))
    return NULL;

  if (!g_file_get_contents (path, &contents, &n_bytes, &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not read %s: %s"), where, local_error->message);
      return NULL;
    }

  if (!check (contents, n_bytes, where, error))
    return NULL;

  if (length != NULL)
    *length = n_bytes;

  return g_steal_pointer (&contents);
}

/* gloss_text_file_read_utf8 () on contents already in memory: DATA's LENGTH
 * bytes, checked the same way, as a copy with a NUL after them. */
char *
gloss_text_file_check_data (const char  *data,
                            gsize        length,
                            const char  *where,
                            GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (where != NULL, NULL);

  if (!check (data != NULL ? data : "", length, where, error))
    return NULL;

  return g_strndup (data != NULL ? data : "", length);
}
