/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The data the cases measure, made from a fixed seed: text that reads like
 * a news corpus to a text engine (word lengths, sentences, paragraphs of
 * news length, some right-to-left words and emoji, which take other paths
 * through Pango), and spans over it. */

#define G_LOG_DOMAIN "gloss-bench"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "gloss-bench.h"

/* Roughly by frequency: a skewed pick from the front makes the short
 * function words common, as in English. */
static const char * const english[] = {
  "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "it", "with", "as", "was",
  "he", "said", "by", "at", "from", "his", "an", "have", "be", "are", "has", "but", "not",
  "this", "they", "were", "which", "who", "their", "had", "been", "would", "will", "its",
  "more", "than", "after", "there", "about", "also", "over", "new", "into", "one", "two",
  "government", "minister", "president", "officials", "foreign", "security", "policy",
  "election", "council", "parliament", "reformist", "hardline", "camp", "faction", "corridor",
  "border", "trade", "talks", "agreement", "sanctions", "economy", "region", "country",
  "military", "forces", "spokesman", "statement", "analysts", "sources", "conference",
  "negotiations", "administration", "opposition", "candidate", "supreme", "leader", "state",
  "media", "reported", "according", "week", "month", "year", "Tuesday", "Thursday", "Sunday",
  "Tehran", "Baku", "Yerevan", "Moscow", "Ankara", "Brussels", "Washington", "Caucasus",
  "Armenia", "Azerbaijan", "Iran", "Turkey", "Russia", "Pezeshkian", "Velayati", "Araghchi",
  "Aliyev", "Pashinyan", "Zarif", "ministry", "proposal", "route", "railway", "transit",
  "infrastructure", "investment", "pipeline", "neighbours", "sovereignty", "territorial",
  "integrity", "diplomatic", "pressure", "warned", "criticised", "welcomed", "rejected",
  "announced", "confirmed", "insisted", "argued", "suggested", "described", "remains",
  "unclear", "however", "meanwhile", "despite", "while", "because", "although", "before",
  "during", "between", "against", "without", "under", "several", "many", "most", "some",
  "other", "such", "only", "first", "last", "former", "current", "senior", "deputy",
  "commander", "guard", "revolutionary", "establishment", "clerics", "voters", "turnout",
  "protests", "inflation", "currency", "oil", "exports", "budget", "billion", "percent",
  "interview", "newspaper", "agency", "broadcast", "television", "website", "channel",
  "peace", "war", "ceasefire", "troops", "drone", "missile", "nuclear", "programme",
  "inspectors", "enrichment", "uranium", "deal", "withdrawal", "return", "compliance",
  "Friday", "Monday", "Wednesday", "Saturday", "January", "March", "September", "November",
  "café", "naïve", "résumé", "Zürich", "São", "Paulo",
};

static const char * const persian[] = {
  "ایران", "سیاست", "دولت", "مجلس", "اصلاحات", "امنیت", "گزارش", "تهران", "رئیس‌جمهور",
  "خبر", "اصول‌گرایان", "مذاکرات", "دالان", "زنگزور", "قفقاز",
};

/* Astral characters, flags and skin tones: two code points for some. */
static const char * const emoji[] = {
  "🙂", "📈", "🔥", "✅", "🇮🇷", "👍🏽", "🚆", "🛢️",
};

void
bench_random_init (BenchRandom *random,
                   guint64      seed)
{
  random->state = seed;
}

/* splitmix64: small, fast, and the same sequence on every machine. */
static guint64
next (BenchRandom *random)
{
  guint64 z = (random->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

guint32
bench_random_int (BenchRandom *random,
                  guint32      below)
{
  return below == 0 ? 0 : (guint32) (next (random) % below);
}

double
bench_random_double (BenchRandom *random)
{
  return (next (random) >> 11) * (1.0 / 9007199254740992.0);
}

static const char *
pick_word (BenchRandom *random)
{
  double u = bench_random_double (random);

  if (u < 0.03)
    return persian[bench_random_int (random, G_N_ELEMENTS (persian))];
  if (u < 0.035)
    return emoji[bench_random_int (random, G_N_ELEMENTS (emoji))];

  u = bench_random_double (random);
  return english[(guint) (G_N_ELEMENTS (english) * u * u * u)];
}

void
bench_append_words (GString     *text,
                    BenchRandom *random,
                    guint        n_words,
                    gboolean     paragraphs,
                    GArray      *starts,
                    GArray      *ends)
{
  gint64 offset = g_utf8_strlen (text->str, text->len);
  guint sentence_left = 0;
  guint paragraph_left = 3 + bench_random_int (random, 5);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = pick_word (random);
      gboolean starts_sentence = sentence_left == 0;

      if (starts_sentence)
        {
          sentence_left = 6 + bench_random_int (random, 23);
          if (i > 0)
            {
              if (paragraphs && --paragraph_left == 0)
                {
                  g_string_append (text, "\n\n");
                  offset += 2;
                  paragraph_left = 3 + bench_random_int (random, 5);
                }
              else
                {
                  g_string_append_c (text, ' ');
                  offset++;
                }
            }
        }
      else
        {
          g_string_append_c (text, ' ');
          offset++;
        }

      if (starts != NULL)
        g_array_append_val (starts, offset);

      if (starts_sentence && g_ascii_islower (word[0]))
        {
          g_string_append_c (text, g_ascii_toupper (word[0]));
          g_string_append (text, word + 1);
        }
      else
        g_string_append (text, word);
      offset += g_utf8_strlen (word, -1);

      if (ends != NULL)
        g_array_append_val (ends, offset);

      if (--sentence_left == 0 || i + 1 == n_words)
        {
          sentence_left = 0;
          g_string_append_c (text, bench_random_int (random, 30) == 0 ? '?' : '.');
          offset++;
        }
      else if (bench_random_int (random, 12) == 0)
        {
          g_string_append_c (text, ',');
          offset++;
        }
    }
}

GArray *
bench_add_labels (GlossStore  *store,
                  GError     **error)
{
  static const struct { const char *name, *color, *hotkey; } labels[] = {
    { "Reformist camp", "#3584e4", "1" },
    { "Hardline camp", "#e01b24", "2" },
    { "Security establishment", "#986a44", "3" },
    { "Foreign government", "#2ec27e", "4" },
    { "Analyst / source", "#9141ac", "5" },
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GlossLabel) label = gloss_store_add_label (store, labels[i].name, labels[i].color,
                                                           labels[i].hotkey, "", error);
      gint64 id;

      if (label == NULL)
        return NULL;
      id = gloss_label_get_id (label);
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/* N_SPANS spans spread evenly over the words: most over one to four
 * words, some nested in the span before them, some overlapping it. */
GArray *
bench_make_spans (GArray      *label_ids,
                  GArray      *starts,
                  GArray      *ends,
                  guint        n_spans,
                  BenchRandom *random)
{
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (BenchSpan), n_spans);
  guint n_words = starts->len;
  guint last_word = 0;
  guint last_length = 0;
  guint last_label = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      guint kind = bench_random_int (random, 100);
      guint label = bench_random_int (random, label_ids->len);
      guint first, length;
      BenchSpan span;

      if (kind < 12 && last_length > 0)
        {
          /* Nested: the first word of the span before, or the same words
           * under another label. */
          first = last_word;
          length = last_length > 1 ? 1 : last_length;
          if (length == last_length)
            label = (last_label + 1) % label_ids->len;
        }
      else if (kind < 20 && last_length > 0)
        {
          /* Overlapping: from the span's last word to two words past it. */
          first = last_word + last_length - 1;
          length = 3;
        }
      else
        {
          first = (guint) ((guint64) i * n_words / n_spans) + bench_random_int (random, 3);
          length = 1 + bench_random_int (random, 4);
          last_word = MIN (first, n_words - 1);
          last_length = MIN (length, n_words - last_word);
          last_label = label;
        }

      first = MIN (first, n_words - 1);
      length = MIN (length, n_words - first);
      span.label_id = g_array_index (label_ids, gint64, label);
      span.start = g_array_index (starts, gint64, first);
      span.end = g_array_index (ends, gint64, first + length - 1);
      g_array_append_val (spans, span);
    }

  return spans;
}

gboolean
bench_add_spans (GlossStore  *store,
                 gint64       document_id,
                 GArray      *spans,
                 GError     **error)
{
  for (guint i = 0; i < spans->len; i++)
    {
      BenchSpan *span = &g_array_index (spans, BenchSpan, i);
      g_autoptr(GlossSpan) added = NULL;

      added = gloss_store_add_span (store, document_id, span->label_id, span->start, span->end,
                                    "bench", NULL, error);
      if (added == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Gives each document of FILLS, stored with no text, its spans and then
 * its text, in one transaction, with SQL rather than with the store.
 *
 * Writing the rows directly makes large data in a few seconds; the
 * triggers keep each document's span count and status as the store would. */
gboolean
bench_fill_documents (const char  *path,
                      GArray      *fills,
                      GError     **error)
{
  g_autoptr(GDateTime) time = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *update = NULL;
  sqlite3_stmt *update_length = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO spans (document, label, start, end, annotator, note, "
                              "created, modified) VALUES (?, ?, ?, ?, 'bench', '', ?, ?)",
                          -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE document_texts SET text = ?1 WHERE document = ?3;", -1,
                          &update, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE documents SET length = ?2 WHERE id = ?3", -1,
                          &update_length, NULL) != SQLITE_OK)
    goto out;

  for (guint i = 0; i < fills->len; i++)
    {
      BenchFill *fill = &g_array_index (fills, BenchFill, i);

      for (guint j = 0; j < fill->spans->len; j++)
        {
          BenchSpan *span = &g_array_index (fill->spans, BenchSpan, j);

          sqlite3_bind_int64 (insert, 1, fill->document_id);
          sqlite3_bind_int64 (insert, 2, span->label_id);
          sqlite3_bind_int64 (insert, 3, span->start);
          sqlite3_bind_int64 (insert, 4, span->end);
          sqlite3_bind_text (insert, 5, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 6, now, -1, SQLITE_STATIC);
          if (sqlite3_step (insert) != SQLITE_DONE)
            goto out;
          sqlite3_reset (insert);
        }

      sqlite3_bind_text (update, 1, fill->text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 3, fill->document_id);
      sqlite3_bind_int64 (update_length, 2, g_utf8_strlen (fill->text, -1));
      sqlite3_bind_int64 (update_length, 3, fill->document_id);
      if (sqlite3_step (update) != SQLITE_DONE || sqlite3_step (update_length) != SQLITE_DONE)
        goto out;
      sqlite3_reset (update);
      sqlite3_reset (update_length);
    }

  ok = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;

out:
  if (!ok)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED, "%s: %s", path,
                 sqlite3_errmsg (db));
  sqlite3_finalize (insert);
  sqlite3_finalize (update);
  sqlite3_finalize (update_length);
  sqlite3_close (db);
  return ok;
}

char *
bench_big_project_path (BenchContext *ctx)
{
  return g_build_filename (ctx->datadir, "big.gloss", NULL);
}

gboolean
bench_ensure_big_project (BenchContext  *ctx,
                          GError       **error)
{
  g_autofree char *path = bench_big_project_path (ctx);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) cover = g_string_new (NULL);
  g_autoptr(GString) text = NULL;
  guint n_words = ctx->quick ? 100000 : 1000000;
  guint n_spans = ctx->quick ? 10000 : 100000;
  BenchRandom random;
  gint64 document_id;
  double started = bench_now_ms ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  bench_random_init (&random, 20240611);
  text = g_string_sized_new (n_words * 7);
  bench_append_words (cover, &random, 300, TRUE, NULL, NULL);
  bench_append_words (text, &random, n_words, TRUE, starts, ends);

  /* The project, its labels and documents through the store, in one
   * transaction; the big document's text and spans after. */
  store = gloss_store_create (path, NULL, NULL, error);
  if (store == NULL || !gloss_store_begin (store, error))
    return FALSE;

  if ((labels = bench_add_labels (store, error)) == NULL ||
      gloss_store_add_document (store, "cover.txt", cover->str, NULL, error) == 0 ||
      (document_id = gloss_store_add_document (store, "big.txt", "", NULL, error)) == 0 ||
      !gloss_store_commit (store, error))
    {
      gloss_store_rollback (store);
      return FALSE;
    }
  g_clear_object (&store);

  spans = bench_make_spans (labels, starts, ends, n_spans, &random);
  {
    BenchFill fill = { document_id, text->str, spans };
    g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (BenchFill));

    g_array_append_val (fills, fill);
    if (!bench_fill_documents (path, fills, error))
      return FALSE;
  }

  bench_note ("big.gloss: %u words, %.1f MB, %u spans, made in %.1f s", n_words,
              text->len / 1e6, n_spans, (bench_now_ms () - started) / 1000);
  return TRUE;
}
