/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Splits a document's text into tokens and sentences for the token-based
 * formats (CoNLL). The rules are few, so that a reader can predict them and a
 * script can check them:
 *
 * - White space separates tokens and belongs to none. White space is what
 *   Python's str.split() splits on: Unicode spaces (Zs), line and paragraph
 *   separators, tab, LF, VT, FF, CR, U+001C-U+001F and U+0085. A no-break
 *   space separates too.
 * - A word is a run of letters and digits (any script), with the combining
 *   marks, variation selectors and zero-width (non-)joiners (U+200C, U+200D)
 *   inside or after it: "Re\u0301sume\u0301" and Persian "می‌خواهد" (with its
 *   ZWNJ) are one token each. Scripts written without spaces (Chinese,
 *   Japanese, Thai) give one token per run of letters.
 * - Every other character is a token of its own, with the marks, variation
 *   selectors, skin-tone modifiers and tag characters that follow it, so an
 *   emoji stays whole: "👋🏽", "1️⃣". A zero-width joiner followed by a symbol
 *   joins them ("👨‍👩‍👧" is one token), and regional indicators pair up
 *   into flags ("🇮🇷" is one token, "🇮🇷🇦🇲" two).
 *   Punctuation is never glued to a word: "Route.”" is "Route", ".", "”";
 *   "Pro-Russian" is "Pro", "-", "Russian".
 * - A sentence ends at a line break (any character Python's str.splitlines()
 *   breaks at), and after a ".", "!", "?", "؟" (Arabic question mark) or "۔"
 *   (Urdu full stop) token followed by white space, or followed by closing
 *   quotes and brackets and then white space (the sentence ends after them).
 *   Abbreviations ("U.S. officials") are not recognised: they end a sentence.
 *   The last token ends a sentence.
 *
 * Token offsets are code points, end exclusive, as everywhere in Gloss.
 */

typedef struct
{
  gsize start;
  gsize end;
  gboolean sentence_end;   /* a sentence ends after this token */
} GlossToken;

GArray   *gloss_tokenizer_split         (const char *text);
gboolean  gloss_tokenizer_is_space      (gunichar    c);
gboolean  gloss_tokenizer_is_line_break (gunichar    c);

G_END_DECLS
