/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Reading a file a format imports as text: whole, checked to be UTF-8 without
 * NUL bytes, with an error a user can act on (which file, which line, which
 * byte) in the GLOSS_FORMAT_ERROR domain.
 */

#define GLOSS_TEXT_FILE_BOM "\xEF\xBB\xBF"

char *gloss_text_file_read_utf8  (const char  *path,
                                  const char  *where,
                                  gsize       *length,
                                  GError     **error);
char *gloss_text_file_check_data (const char  *data,
                                  gsize        length,
                                  const char  *where,
                                  GError     **error);

G_END_DECLS
