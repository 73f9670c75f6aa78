/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the HTML and Markdown readers (gloss-text-html.c,
 * gloss-text-markdown.c) share. */

/* Where text goes while a reader collapses whitespace: a space or a line
 * break is only written once something follows it, so that runs collapse
 * and nothing trails. */
typedef struct
{
  GString *out;
  gboolean pending_space;
  gboolean pending_break;
} GlossTextSink;

void     gloss_text_sink_append   (GlossTextSink *sink,
                                   const char    *text,
                                   gssize         len);
void     gloss_text_sink_space    (GlossTextSink *sink);
void     gloss_text_sink_break    (GlossTextSink *sink);

gboolean    gloss_text_html_is_block (const char    *name);
const char *gloss_text_entity_lookup (const char    *name,
                                      gboolean      *legacy);

G_END_DECLS
