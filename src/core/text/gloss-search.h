/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  GLOSS_SEARCH_FLAGS_NONE = 0,
  GLOSS_SEARCH_CASE_SENSITIVE = 1 << 0,
  GLOSS_SEARCH_WHOLE_WORD = 1 << 1,
} GlossSearchFlags;

/* A match, in code points from the start of the text, end exclusive: the
 * unit of spans, so a range can become a span as it is. */
typedef struct
{
  gint64 start;
  gint64 end;
} GlossSearchRange;

/* How much text a project search result shows on each side of its match. */
#define GLOSS_SEARCH_CONTEXT_CHARS 40

/* One match of a project search. */
typedef struct
{
  gint64 document_id;
  char *document_name;
  gint64 start;
  gint64 end;
  char *context_before;
  char *match;
  char *context_after;
} GlossSearchResult;

#define GLOSS_TYPE_SEARCH_RESULT (gloss_search_result_get_type ())

GType              gloss_search_result_get_type (void) G_GNUC_CONST;
GlossSearchResult *gloss_search_result_copy     (const GlossSearchResult *result);
void               gloss_search_result_free     (GlossSearchResult       *result);

gunichar           gloss_search_fold_char       (gunichar                 c);
gboolean           gloss_search_is_word_char    (gunichar                 c);
GArray            *gloss_search_find_all        (const char              *text,
                                                 const char              *query,
                                                 GlossSearchFlags         flags);
GArray            *gloss_search_find            (const char              *text,
                                                 const char              *query,
                                                 GlossSearchFlags         flags,
                                                 guint                    max_matches);
void               gloss_search_keep_whole_words (const char             *text,
                                                 GArray                  *ranges);
GPtrArray         *gloss_search_make_results    (gint64                   document_id,
                                                 const char              *document_name,
                                                 const char              *text,
                                                 GArray                  *ranges);
char              *gloss_search_dup_prefilter   (const char              *query,
                                                 GlossSearchFlags         flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSearchResult, gloss_search_result_free)

G_END_DECLS
