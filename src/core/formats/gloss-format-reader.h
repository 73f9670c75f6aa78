/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gloss-format.h"
#include "gloss-offsets.h"

G_BEGIN_DECLS

/*
 * What the readers of outside data share: a label's name as a project keeps
 * it, a piece of the input short enough to quote in a message, the rule
 * for symbolic links in a folder being imported. The files never read are
 * refused by gloss_format_check_not_project () (gloss-format-error.h).
 */

/* The category set a reader puts a document's categories in when its
 * format does not name sets (doccano's and spaCy's "cats"). A name in the
 * data, not translated, so that the same file always reads the same. */
#define GLOSS_FORMAT_CATEGORY_SET "Category"

/* The most characters of the input a message quotes. */
#define GLOSS_FORMAT_EXCERPT_CHARS 40

char              *gloss_format_excerpt            (const char         *text,
                                                    gssize              length);
GlossDatasetLabel *gloss_format_ensure_label       (GlossDataset       *dataset,
                                                    const char         *name,
                                                    GlossFormatReport  *report,
                                                    const char         *place_format,
                                                    ...) G_GNUC_PRINTF (4, 5);
gboolean           gloss_format_link_leaves_folder (const char         *folder_real,
                                                    const char         *path);

/* A document's text as a reader looks into it at the offsets a file gives,
 * in whatever order the file gives them. A cursor alone walks from one
 * offset to the next: spans alternating between the two ends of a long text
 * walked it whole for each. Marks every GLOSS_FORMAT_TEXT_MARK characters
 * let each look start at most that far away. */
#define GLOSS_FORMAT_TEXT_MARK 64

typedef struct
{
  const char *text;
  gsize n_chars;     /* its length in code points */
  gsize n_units;     /* and in UTF-16 code units */
  GlossOffsetsCursor cursor;
  GArray *marks;     /* GlossOffsetsCursor, at every GLOSS_FORMAT_TEXT_MARK-th character */
} GlossFormatText;

void      gloss_format_text_init          (GlossFormatText  *text,
                                           const char       *string);
void      gloss_format_text_clear         (GlossFormatText  *text);
gsize     gloss_format_text_char_to_byte  (GlossFormatText  *text,
                                           gsize             char_offset);
char     *gloss_format_text_dup_range     (GlossFormatText  *text,
                                           gsize             start,
                                           gsize             end);
gboolean  gloss_format_text_utf16_to_char (GlossFormatText  *text,
                                           gsize             utf16_offset,
                                           gsize            *char_offset,
                                           GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossFormatText, gloss_format_text_clear)

/* The readers on a file's contents already in memory, as tests and fuzzers
 * call them: the same checks and messages as GlossFormat.read, NAME naming
 * the file. brat reads one document, its text and its annotations; plain
 * text, HTML and Markdown are gloss_text_decode () and
 * gloss_text_from_html () or gloss_text_from_markdown () (gloss-text.h). */
GlossDataset *gloss_format_gloss_read_data       (const char         *name,
                                                  const char         *data,
                                                  gsize               length,
                                                  GlossFormatReport  *report,
                                                  GError            **error);
GlossDataset *gloss_format_spacy_read_data       (const char         *name,
                                                  const char         *data,
                                                  gsize               length,
                                                  GlossFormatReport  *report,
                                                  GError            **error);
GlossDataset *gloss_format_labelstudio_read_data (const char         *name,
                                                  const char         *data,
                                                  gsize               length,
                                                  GlossFormatReport  *report,
                                                  GError            **error);
GlossDataset *gloss_format_doccano_read_data     (const char         *name,
                                                  const char         *data,
                                                  gsize               length,
                                                  GlossFormatReport  *report,
                                                  GError            **error);
GlossDataset *gloss_format_conll_read_data       (const char         *name,
                                                  const char         *data,
                                                  gsize               length,
                                                  GlossFormatReport  *report,
                                                  GError            **error);
GlossDataset *gloss_format_brat_read_data        (const char         *name,
                                                  const char         *text,
                                                  gsize               text_length,
                                                  const char         *annotations,
                                                  gsize               annotations_length,
                                                  GlossFormatReport  *report,
                                                  GError            **error);

G_END_DECLS
