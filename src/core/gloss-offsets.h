/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Gloss counts every offset in Unicode code points from the start of a
 * document's text, end exclusive: Python's text[start:end]. This module is the
 * only place that converts to and from the other units peers use: UTF-8 byte
 * indexes (Pango, GtkTextIter line indexes, SQLite's substr on blobs) and
 * UTF-16 code units (doccano, JavaScript).
 */

#define GLOSS_OFFSETS_ERROR (gloss_offsets_error_quark ())

typedef enum {
  GLOSS_OFFSETS_ERROR_OUT_OF_RANGE,
  GLOSS_OFFSETS_ERROR_INVERTED,
  GLOSS_OFFSETS_ERROR_EMPTY,
  GLOSS_OFFSETS_ERROR_SPLITS_CHARACTER,
} GlossOffsetsError;

GQuark  gloss_offsets_error_quark     (void);

gsize   gloss_offsets_count_chars     (const char *text,
                                       gssize      n_bytes);
gsize   gloss_offsets_count_utf16     (const char *text,
                                       gssize      n_bytes);
gsize   gloss_offsets_char_to_byte    (const char *text,
                                       gsize       char_offset);
gsize   gloss_offsets_byte_to_char    (const char *text,
                                       gsize       byte_index);
gsize   gloss_offsets_char_to_utf16   (const char *text,
                                       gsize       char_offset);
gboolean gloss_offsets_utf16_to_char  (const char *text,
                                       gsize       utf16_offset,
                                       gsize      *char_offset,
                                       GError    **error);
char   *gloss_offsets_dup_range       (const char *text,
                                       gsize       start,
                                       gsize       end);
gboolean gloss_offsets_check_span     (gsize       text_length,
                                       gint64      start,
                                       gint64      end,
                                       GError    **error);

/* Walks a text from one code-point offset to the next, so that a format
 * writing many spans or tokens in reading order pays for each character once
 * instead of counting from the start of the text every time. */
typedef struct
{
  const char *text;
  gsize char_offset;
  gsize byte_index;
} GlossOffsetsCursor;

void    gloss_offsets_cursor_init      (GlossOffsetsCursor *cursor,
                                        const char         *text);
gsize   gloss_offsets_cursor_to_byte   (GlossOffsetsCursor *cursor,
                                        gsize               char_offset);
char   *gloss_offsets_cursor_dup_range (GlossOffsetsCursor *cursor,
                                        gsize               start,
                                        gsize               end);

G_END_DECLS
