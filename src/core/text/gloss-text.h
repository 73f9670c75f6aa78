/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A file's bytes become a document's text here, and only here: the text
 * format, the window's import and the command line all decode through this
 * module, so that every way in agrees on what a document's code points are.
 * Errors are GLOSS_FORMAT_ERROR (gloss-format-error.h).
 */

char *gloss_text_decode             (const guint8  *data,
                                     gsize          size,
                                     const char    *display_name,
                                     GError       **error);
char *gloss_text_from_html          (const char    *html);
char *gloss_text_from_html_data     (const guint8  *data,
                                     gsize          size,
                                     const char    *display_name,
                                     GError       **error);
char *gloss_text_from_markdown      (const char    *markdown);
char *gloss_text_read_document_file (const char    *path,
                                     GError       **error);

G_END_DECLS
