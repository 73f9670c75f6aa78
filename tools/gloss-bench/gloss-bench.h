/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gloss-store.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean quick;
  guint repeats;        /* timed runs of each measure, the median is reported */
  const char *datadir;  /* generated projects and files, shared by the cases of one run */
  const char *self;     /* this program, for child processes */
} BenchContext;

/* A case runs in two child processes: one makes its data (what it needs in
 * ctx->datadir, unless an earlier case of the run made it), a fresh one
 * measures, so that what generating allocated is not in the measurements. */
typedef struct
{
  const char *name;
  gboolean (*prepare) (BenchContext  *ctx,
                       GError       **error);
  gboolean (*measure) (BenchContext  *ctx,
                       GError       **error);
} BenchCase;

extern const BenchCase bench_case_big_document;
extern const BenchCase bench_case_long_line;
extern const BenchCase bench_case_span_ops;
extern const BenchCase bench_case_many_documents;
extern const BenchCase bench_case_import_export;
extern const BenchCase bench_case_startup;
extern const BenchCase bench_case_relations;

/* One row of the table, printed by the measuring child for the parent to
 * collect. BASELINE is NAN when the measure has none; LIMIT (on the Gloss
 * value) and RATIO_LIMIT are NAN when there is no such target. STRICT makes
 * the limits "<" instead of "≤". */
void      bench_row              (const char  *case_name,
                                  const char  *measure,
                                  const char  *unit,
                                  double       gloss,
                                  double       baseline,
                                  double       limit,
                                  double       ratio_limit,
                                  gboolean     strict);
void      bench_note             (const char  *format,
                                  ...) G_GNUC_PRINTF (1, 2);

/* Profiling: run the measuring child under
 *   perf record --control fifo:CTL,ACK -D -1 ...
 * with GLOSS_BENCH_PERF_CTL=CTL, GLOSS_BENCH_PERF_ACK=ACK and
 * GLOSS_BENCH_PROFILE="CASE:MEASURE" (a row of the table), and perf records
 * the Gloss side of that measure only. */
void      bench_profile_begin    (const char  *case_name,
                                  const char  *measure);
void      bench_profile_end      (void);

/* Timing */
double    bench_now_ms           (void);
double    bench_median           (GArray      *values);
double    bench_max              (GArray      *values);
double    bench_rss_mb           (void);
gboolean  bench_again            (BenchContext *ctx,
                                  guint         done,
                                  double        spent_ms);

/* Generated data (gloss-bench-data.c): pseudo-English with some Persian
 * and emoji words, from a fixed seed, so every run measures the same text. */
typedef struct
{
  guint64 state;
} BenchRandom;

void      bench_random_init      (BenchRandom *random,
                                  guint64      seed);
guint32   bench_random_int       (BenchRandom *random,
                                  guint32      below);
double    bench_random_double    (BenchRandom *random);

/* Appends N_WORDS words to TEXT: paragraphs of 3 to 7 sentences separated
 * by blank lines, or one line without any line break. Each word's start and
 * end, in code points, go to STARTS and ENDS (gint64) when not NULL. */
void      bench_append_words     (GString     *text,
                                  BenchRandom *random,
                                  guint        n_words,
                                  gboolean     paragraphs,
                                  GArray      *starts,
                                  GArray      *ends);
GArray   *bench_add_labels       (GlossStore  *store,
                                  GError     **error);

typedef struct
{
  gint64 label_id;
  gint64 start;
  gint64 end;
} BenchSpan;

GArray   *bench_make_spans       (GArray      *label_ids,
                                  GArray      *starts,
                                  GArray      *ends,
                                  guint        n_spans,
                                  BenchRandom *random);
gboolean  bench_add_spans        (GlossStore  *store,
                                  gint64       document_id,
                                  GArray      *spans,
                                  GError     **error);

/* A document to give spans and text with bench_fill_documents (). */
typedef struct
{
  gint64 document_id;
  const char *text;
  GArray *spans;   /* BenchSpan */
} BenchFill;

gboolean  bench_fill_documents   (const char  *path,
                                  GArray      *fills,
                                  GError     **error);

/* The big document shared by big-document and span-ops: a small first
 * document, so that a window opens on it, then the big one. */
gboolean  bench_ensure_big_project (BenchContext  *ctx,
                                    GError       **error);
char     *bench_big_project_path   (BenchContext  *ctx);

/* Windows (gloss-bench-util.c) */
gint64    bench_wait_for_frame   (GtkWidget   *widget);
void      bench_settle           (void);
void      bench_spin             (guint        msec);
GtkWidget *bench_find_widget     (GtkWidget   *root,
                                  gboolean   (*match) (GtkWidget *widget,
                                                       gpointer   data),
                                  gpointer     data);
GtkWidget *bench_bare_text_window (int          width,
                                   int          height,
                                   GtkTextView **text_view);
void      bench_destroy_window   (GtkWidget   *window);

/* Runs ARGV in CWD, its output to STDOUT_PATH (or /dev/null); the time
 * from spawning to its exit, in ms, or a negative number and ERROR. */
double    bench_run_command      (const char * const *argv,
                                  const char         *cwd,
                                  const char         *stdout_path,
                                  GError            **error);
gboolean  bench_remove_tree      (const char  *path);

G_END_DECLS
