/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gloss-dataset.h"
#include "gloss-format-error.h"

G_BEGIN_DECLS

/*
 * One module per dataset format (gloss-format-NAME.c), each exporting one
 * GlossFormat. A format reads a whole file (or folder) into a GlossDataset,
 * and writes documents one at a time from a GlossDatasetSource, so that an
 * export of a large project never holds it all in memory.
 */

typedef enum {
  GLOSS_FORMAT_TARGET_FILE,
  GLOSS_FORMAT_TARGET_FOLDER,
} GlossFormatTarget;

/* What an import or export did, and what the format could not carry. */
typedef struct
{
  guint documents;
  guint spans;
  guint labels_created;
  guint documents_merged;
  guint spans_skipped_duplicate;
  guint relations;
  guint events;          /* brat events read as relations from their trigger */
  /* reason -> number of spans or fields not carried ("overlapping spans
   * (CoNLL keeps the longest)") */
  GHashTable *lost;
  GHashTable *lost_one;  /* reason -> how to name one of it ("span note") */
  GPtrArray *warnings;   /* char *, one line each, naming file and line */
} GlossFormatReport;

typedef struct _GlossDatasetSource GlossDatasetSource;

typedef gboolean (*GlossDocumentFunc) (GlossDatasetDocument  *document,
                                       gpointer               user_data,
                                       GError               **error);

/* Where a format's writer gets its documents: a project or a GlossDataset. */
struct _GlossDatasetSource
{
  GPtrArray *labels;   /* GlossDatasetLabel: the label set, in order */
  GPtrArray *relation_labels;  /* GlossDatasetRelationLabel, in order */
  GPtrArray *attributes;       /* GlossDatasetAttribute, in order */
  GPtrArray *category_sets;    /* GlossDatasetCategorySet, in order */
  /* Whether a document has a discontinuous span (a span with parts): a
   * format that says so up front (Gloss JSONL's version) needs it before
   * the documents. */
  gboolean has_parts;
  gboolean (*foreach) (GlossDatasetSource  *source,
                       GlossDocumentFunc    func,
                       gpointer             user_data,
                       GError             **error);
  gpointer data;
  GDestroyNotify data_free;
};

/* Where a writer puts its output: a stream for a file format, a fresh empty
 * folder for a folder format. Either way the caller moves the result into
 * place only when the writer succeeded. */
typedef struct
{
  GOutputStream *stream;
  const char *folder;
  const char *display_name;  /* the path the user gave, for messages */
  /* A file format's files beside its file (GlossFormat.companions), in
   * the order it named them, and their paths for messages. */
  GOutputStream **companions;
  const char * const *companion_names;
} GlossFormatOutput;

typedef struct
{
  const char *name;                 /* --format NAME */
  const char *title;                /* shown to users */
  const char * const *extensions;   /* file name endings that mean this format */
  GlossFormatTarget target;
  /* A folder format's file names (g_pattern_match_simple patterns): force
   * replaces a folder that holds nothing else, a previous export. */
  const char * const *folder_files;
  /* A file format that writes files beside its file returns their endings
   * for SOURCE ("relations.csv": beside "spans.csv", "spans.relations.csv"),
   * or NULL when it writes none. They are written like the file, whole or
   * not at all, and replaced only with force. */
  const char * const *(*companions) (GlossDatasetSource *source);
  GlossDataset *(*read)  (const char         *path,
                          GlossFormatReport  *report,
                          GError            **error);
  gboolean      (*write) (GlossDatasetSource *source,
                          GlossFormatOutput  *output,
                          GlossFormatReport  *report,
                          GError            **error);
} GlossFormat;

const GlossFormat * const *gloss_format_list    (void);
const GlossFormat *gloss_format_lookup          (const char         *name);
const GlossFormat *gloss_format_guess           (const char         *path,
                                                 GError            **error);
const GlossFormat *gloss_format_detect          (const char         *path,
                                                 GError            **error);
const GlossFormat *gloss_format_sniff           (const char         *head,
                                                 gsize               length);

GlossFormatReport *gloss_format_report_new      (void);
void               gloss_format_report_free     (GlossFormatReport  *report);
void               gloss_format_report_lose     (GlossFormatReport  *report,
                                                 const char         *one,
                                                 const char         *many,
                                                 guint               count);
void               gloss_format_report_parts_as_spans (GlossFormatReport    *report,
                                                       GlossDatasetDocument *document);
void               gloss_format_report_add_lost (GlossFormatReport  *report,
                                                 GlossFormatReport  *from);
void               gloss_format_report_warn     (GlossFormatReport  *report,
                                                 const char         *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
guint              gloss_format_report_count_lost (GlossFormatReport *report,
                                                 const char         *reason);
char              *gloss_format_report_describe (GlossFormatReport  *report);

GlossDataset      *gloss_format_read            (const GlossFormat  *format,
                                                 const char         *path,
                                                 GlossFormatReport  *report,
                                                 GError            **error);

GlossDatasetSource *gloss_dataset_source_new_for_dataset (GlossDataset       *dataset);
void                gloss_dataset_source_free   (GlossDatasetSource *source);

gboolean           gloss_format_write_dataset   (const GlossFormat  *format,
                                                 GlossDatasetSource *source,
                                                 const char         *path,
                                                 gboolean            force,
                                                 GlossFormatReport  *report,
                                                 GError            **error);
gboolean           gloss_format_check_export_target (const char     *path,
                                                     GError        **error);
char              *gloss_format_companion_path  (const GlossFormat  *format,
                                                 const char         *path,
                                                 const char         *ending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFormatReport, gloss_format_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDatasetSource, gloss_dataset_source_free)

/* The formats; gloss-format.c lists them. */
extern const GlossFormat gloss_format_gloss;
extern const GlossFormat gloss_format_doccano;
extern const GlossFormat gloss_format_spacy;
extern const GlossFormat gloss_format_labelstudio;
extern const GlossFormat gloss_format_brat;
extern const GlossFormat gloss_format_conll;
extern const GlossFormat gloss_format_text;
extern const GlossFormat gloss_format_csv;

G_END_DECLS
