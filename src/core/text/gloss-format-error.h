/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The errors of reading and writing outside data. They live below the
 * formats because decoding a file's text (gloss-text.h, gloss-text-file.h)
 * reports them too, and every reader refuses a project's own files the same
 * way before opening anything.
 */

#define GLOSS_FORMAT_ERROR (gloss_format_error_quark ())

typedef enum {
  GLOSS_FORMAT_ERROR_PARSE,      /* not the syntax the format expects */
  GLOSS_FORMAT_ERROR_SPAN,       /* a span outside its text, inverted, empty, splitting a character */
  GLOSS_FORMAT_ERROR_ENCODING,   /* invalid UTF-8, a NUL byte, an unknown encoding */
  GLOSS_FORMAT_ERROR_EXISTS,     /* the export target exists: force was not given, or it is
                                  * not a previous export of the format */
  GLOSS_FORMAT_ERROR_UNKNOWN,    /* no such format, or it cannot be told from the file name */
  GLOSS_FORMAT_ERROR_UNSUPPORTED,/* the format cannot do this (e.g. read, or write) */
  GLOSS_FORMAT_ERROR_IO,
  GLOSS_FORMAT_ERROR_IS_FOLDER,  /* a folder where a file was to be read */
  GLOSS_FORMAT_ERROR_PROJECT,    /* a file of a project open in this process, which only
                                  * SQLite opens (see gloss-open-projects.h) */
} GlossFormatError;

GQuark   gloss_format_error_quark       (void);
gboolean gloss_format_check_not_project (const char  *path,
                                         GError     **error);

G_END_DECLS
