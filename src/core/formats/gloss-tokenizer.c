/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tokens and sentences for the token-based formats; the rules are in
 * gloss-tokenizer.h. */

#define G_LOG_DOMAIN "gloss-tokenizer"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-tokenizer.h"

#define ZERO_WIDTH_NON_JOINER 0x200C
#define ZERO_WIDTH_JOINER     0x200D

typedef enum {
  KIND_NONE,
  KIND_WORD,
  KIND_SYMBOL,
} Kind;

/* What the sentence rules need to know about a token beyond its offsets. */
typedef struct
{
  gunichar first;
  gboolean single;          /* one code point long */
  gboolean space_after;
  gboolean line_break_after;
} TokenInfo;

/* Python's str.isspace(), which str.split() uses: GLib leaves out VT, the
 * information separators and NEL, which Python counts as white space. */
gboolean
gloss_tokenizer_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x0B || (c >= 0x1C && c <= 0x1F) || c == 0x85;
}

/* The characters Python's str.splitlines() breaks at. */
gboolean
gloss_tokenizer_is_line_break (gunichar c)
{
  switch (c)
    {
    case '\n':
    case '\r':
    case 0x0B:
    case 0x0C:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Characters that never stand alone: they modify the one before them. */
static gboolean
is_extender (gunichar c)
{
  return g_unichar_ismark (c)                        /* combining marks, variation selectors */
         || c == ZERO_WIDTH_NON_JOINER
         || c == ZERO_WIDTH_JOINER
         || (c >= 0xFE00 && c <= 0xFE0F)
         || (c >= 0xE0100 && c <= 0xE01EF)
         || (c >= 0x1F3FB && c <= 0x1F3FF)           /* skin-tone modifiers */
         || (c >= 0xE0020 && c <= 0xE007F);          /* tags, in subdivision flags */
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static gboolean
is_sentence_final (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4;
}

static gboolean
is_closing (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '"' || c == '\'' || type == G_UNICODE_FINAL_PUNCTUATION
         || type == G_UNICODE_CLOSE_PUNCTUATION;
}

static void
mark_sentence_ends (GArray *tokens,
                    GArray *infos)
{
  GlossToken *token = (GlossToken *) (gpointer) tokens->data;
  TokenInfo *info = (TokenInfo *) (gpointer) infos->data;
  guint n = tokens->len;

  for (guint i = 0; i < n; i++)
    {
      guint last = i;

      if (info[i].line_break_after || i + 1 == n)
        {
          token[i].sentence_end = TRUE;
          continue;
        }

      if (!info[i].single || !is_sentence_final (info[i].first))
        continue;

      while (!info[last].space_after && last + 1 < n && info[last + 1].single
             && is_closing (info[last + 1].first))
        last++;

      if (info[last].space_after)
        token[last].sentence_end = TRUE;
    }
}

/* The token being built: what it is, and what may still join it. */
typedef struct
{
  Kind kind;
  gboolean after_joiner;   /* a symbol token ending in a zero-width joiner */
  guint n_regional;        /* regional indicators in a symbol token */
} State;

/* Whether C belongs to the open token; updates STATE for the character after. */
static gboolean
continues_token (State    *state,
                 gunichar  c)
{
  switch (state->kind)
    {
    case KIND_WORD:
      return is_word_char (c) || is_extender (c);

    case KIND_SYMBOL:
      if (c == ZERO_WIDTH_JOINER)
        {
          state->after_joiner = TRUE;
          return TRUE;
        }
      if (is_extender (c))
        {
          state->after_joiner = FALSE;
          return TRUE;
        }
      if (state->after_joiner && g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL)
        {
          state->after_joiner = FALSE;
          return TRUE;
        }
      if (state->n_regional == 1 && is_regional_indicator (c))
        {
          state->n_regional = 2;
          return TRUE;
        }
      return FALSE;

    case KIND_NONE:
    default:
      return FALSE;
    }
}

/* The tokens of TEXT, as GlossToken in text order. TEXT is UTF-8; should
 * it not be, the tokens end where it stops being so: stepping by lead bytes
 * through invalid bytes could step over the end of the string. */
GArray *
gloss_tokenizer_split (const char *text)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (GlossToken));
  g_autoptr(GArray) infos = g_array_new (FALSE, TRUE, sizeof (TokenInfo));
  State state = { KIND_NONE, FALSE, 0 };
  const char *valid_end;
  gsize offset = 0;

  g_return_val_if_fail (text != NULL, NULL);

  g_utf8_validate (text, -1, &valid_end);
  for (const char *p = text; p < valid_end; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (gloss_tokenizer_is_space (c))
        {
          state.kind = KIND_NONE;
          if (infos->len > 0)
            {
              TokenInfo *previous = &g_array_index (infos, TokenInfo, infos->len - 1);

              previous->space_after = TRUE;
              previous->line_break_after |= gloss_tokenizer_is_line_break (c);
            }
        }
      else if (continues_token (&state, c))
        {
          g_array_index (tokens, GlossToken, tokens->len - 1).end = offset + 1;
          g_array_index (infos, TokenInfo, infos->len - 1).single = FALSE;
        }
      else
        {
          GlossToken token = { offset, offset + 1, FALSE };
          TokenInfo info = { c, TRUE, FALSE, FALSE };

          /* A mark or joiner with nothing before it starts a word, so that
           * the letters after it join it. */
          state.kind = is_word_char (c) || is_extender (c) ? KIND_WORD : KIND_SYMBOL;
          state.after_joiner = FALSE;
          state.n_regional = is_regional_indicator (c) ? 1 : 0;
          g_array_append_val (tokens, token);
          g_array_append_val (infos, info);
        }
    }

  mark_sentence_ends (tokens, infos);

  return g_steal_pointer (&tokens);
}
