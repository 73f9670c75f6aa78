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

/* Converts many offsets of one text in about one pass when they come in
 * about the order of the text (spans by start), where the functions below
 * walk from the start of the text each time. The fields are private; TEXT
 * must outlive the cursor. */
typedef struct
{
  const char *text;
  const char *position;
  gsize chars;
  gsize units;
} GlossOffsetsCursor;

GQuark  gloss_offsets_error_quark     (void);

gboolean gloss_offsets_validate       (const char  *text,
                                       gsize        n_bytes,
                                       const char **end);
gboolean gloss_offsets_validate_and_count (const char *text,
                                           gsize       n_bytes,
                                           gsize      *n_chars);
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

/*
 * A break map puts display-only line breaks into very long lines (a JSONL
 * text field of a megabyte without a newline), because a text view lays out
 * a whole line at once. The view shows the text with the breaks; every
 * offset that leaves the view goes back through the map, so offsets stay
 * those of the document.
 */
typedef struct _GlossBreakMap GlossBreakMap;

GlossBreakMap *gloss_break_map_new          (const char          *text,
                                             gsize                max_line_chars);
void           gloss_break_map_free         (GlossBreakMap       *map);
guint          gloss_break_map_get_n_breaks (const GlossBreakMap *map);
gsize          gloss_break_map_get_break    (const GlossBreakMap *map,
                                             guint                i);
gsize          gloss_break_map_get_break_byte (const GlossBreakMap *map,
                                             guint                i);
char          *gloss_break_map_apply        (const GlossBreakMap *map,
                                             const char          *text);
gsize          gloss_break_map_to_display   (const GlossBreakMap *map,
                                             gsize                offset);
gsize          gloss_break_map_from_display (const GlossBreakMap *map,
                                             gsize                display_offset);
gboolean       gloss_break_map_is_break     (const GlossBreakMap *map,
                                             gsize                display_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossBreakMap, gloss_break_map_free)
void     gloss_offsets_cursor_init          (GlossOffsetsCursor  *cursor,
                                             const char          *text);
gsize    gloss_offsets_cursor_char_to_byte  (GlossOffsetsCursor  *cursor,
                                             gsize                char_offset);
gsize    gloss_offsets_cursor_char_to_utf16 (GlossOffsetsCursor  *cursor,
                                             gsize                char_offset);
gboolean gloss_offsets_cursor_utf16_to_char (GlossOffsetsCursor  *cursor,
                                             gsize                utf16_offset,
                                             gsize               *char_offset,
                                             GError             **error);
char    *gloss_offsets_cursor_dup_range     (GlossOffsetsCursor  *cursor,
                                             gsize                start,
                                             gsize                end);

G_END_DECLS
