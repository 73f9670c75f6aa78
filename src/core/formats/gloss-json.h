/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"

G_BEGIN_DECLS

/*
 * What the JSON dataset formats share: loading a file as checked UTF-8,
 * parsing it with messages that name the file, line and column, reading
 * members of the expected type with messages that name the JSON path, and
 * writing JSON text that is the same bytes for the same dataset.
 */

/* The file being read, for messages: "Label Studio file tasks.json, WHERE: ..." */
typedef struct
{
  const char *kind;     /* "Label Studio", "spaCy", "Gloss": not translated, they are names */
  char *display;        /* the path as the user gave it */
} GlossJsonFile;

void        gloss_json_file_init        (GlossJsonFile       *file,
                                         const char          *kind,
                                         const char          *path);
void        gloss_json_file_clear       (GlossJsonFile       *file);

/* How a JSON format reads a file's checked text (LENGTH bytes of UTF-8,
 * without a byte order mark) as a dataset. */
typedef GlossDataset *(*GlossJsonReadFunc) (const GlossJsonFile  *file,
                                            const char           *data,
                                            gsize                 length,
                                            GlossFormatReport    *report,
                                            GError              **error);

GlossDataset *gloss_json_read_dataset   (const char          *kind,
                                         const char          *name,
                                         GBytes              *contents,
                                         GlossJsonReadFunc    read,
                                         GlossFormatReport   *report,
                                         GError             **error);

void        gloss_json_set_error        (GError             **error,
                                         GlossFormatError     code,
                                         const GlossJsonFile *file,
                                         const char          *where,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (5, 6);
gboolean    gloss_json_check_span       (const GlossJsonFile *file,
                                         const char          *where,
                                         GlossFormatText     *text,
                                         gint64               start,
                                         gint64               end,
                                         const char          *expected_text,
                                         GError             **error);

/* How deep arrays and objects may nest in a file Gloss reads. json-glib
 * parses by recursion, with no limit of its own: 100,000 '[' would
 * overflow the stack. Datasets nest less than ten deep. */
#define GLOSS_JSON_MAX_DEPTH 100

gboolean    gloss_json_check_text       (const GlossJsonFile *file,
                                         const char          *data,
                                         gsize                length,
                                         guint                first_line,
                                         GError             **error);
char       *gloss_json_load             (const GlossJsonFile *file,
                                         const char          *path,
                                         gsize               *length,
                                         GError             **error);
JsonNode   *gloss_json_parse            (const GlossJsonFile *file,
                                         const char          *data,
                                         gsize                length,
                                         guint                first_line,
                                         GError             **error);

const char *gloss_json_describe_node    (JsonNode            *node);
JsonObject *gloss_json_node_get_object  (const GlossJsonFile *file,
                                         JsonNode            *node,
                                         const char          *where,
                                         GError             **error);
JsonArray  *gloss_json_node_get_array   (const GlossJsonFile *file,
                                         JsonNode            *node,
                                         const char          *where,
                                         GError             **error);
gboolean    gloss_json_node_get_int     (const GlossJsonFile *file,
                                         JsonNode            *node,
                                         const char          *where,
                                         gint64              *value,
                                         GError             **error);
const char *gloss_json_node_get_string  (const GlossJsonFile *file,
                                         JsonNode            *node,
                                         const char          *where,
                                         GError             **error);

gboolean    gloss_json_get_int          (const GlossJsonFile *file,
                                         JsonObject          *object,
                                         const char          *where,
                                         const char          *member,
                                         gint64              *value,
                                         GError             **error);
gboolean    gloss_json_get_string       (const GlossJsonFile *file,
                                         JsonObject          *object,
                                         const char          *where,
                                         const char          *member,
                                         gboolean             required,
                                         const char         **value,
                                         GError             **error);
gboolean    gloss_json_get_array        (const GlossJsonFile *file,
                                         JsonObject          *object,
                                         const char          *where,
                                         const char          *member,
                                         gboolean             required,
                                         JsonArray          **value,
                                         GError             **error);
gboolean    gloss_json_get_object       (const GlossJsonFile *file,
                                         JsonObject          *object,
                                         const char          *where,
                                         const char          *member,
                                         gboolean             required,
                                         JsonObject         **value,
                                         GError             **error);

void        gloss_json_append_string    (GString             *out,
                                         const char          *value);
void        gloss_json_append_int       (GString             *out,
                                         gint64               value);
gboolean    gloss_json_write            (GlossFormatOutput   *output,
                                         GString             *text,
                                         GError             **error);
gboolean    gloss_json_check_source_span (const GlossDatasetDocument *document,
                                          gsize                       text_length,
                                          const GlossDatasetSpan     *span,
                                          GError                    **error);
void        gloss_json_report_lost_labels (GlossFormatReport *report,
                                           GPtrArray         *labels,
                                           GHashTable        *used);
void        gloss_json_report_lost_definitions (GlossFormatReport  *report,
                                                GlossDatasetSource *source,
                                                gboolean            attribute_values);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossJsonFile, gloss_json_file_clear)

G_END_DECLS
