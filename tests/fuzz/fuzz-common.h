/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/*
 * What every fuzz target shares. A target defines LLVMFuzzerTestOneInput ()
 * and is linked either with libFuzzer (-Dfuzzing=true, clang) or with
 * fuzz-replay.c, which feeds it the saved corpus and crashes in the
 * ordinary test suite.
 *
 * The JSON readers are called on the bytes in memory; brat (whose folder
 * also holds annotation.conf and visual.conf), CoNLL and the plain text
 * reader take a path, so their input is written to a file in a private
 * temporary folder first. Beyond "no crash, no sanitizer report",
 * a target checks what every reader promises: either a dataset or an
 * error, and a dataset whose texts are UTF-8 without NUL bytes and whose
 * spans lie inside their text.
 */

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-offsets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *fuzz_folder;

static void
fuzz_remove_folder (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fuzz_folder == NULL)
    return;

  dir = g_dir_open (fuzz_folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fuzz_folder);
  g_clear_pointer (&fuzz_folder, g_free);
}

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not
 * catch: as SIGABRT, the input is saved. */
static void
fuzz_on_trap (int signum)
{
  abort ();
}

/* The folder the inputs are written into, made on first use. Warnings and
 * criticals abort: a reader meets bad input with a GError, never with a
 * g_warning () or a failed precondition. */
static inline const char *
fuzz_get_folder (void)
{
  if (fuzz_folder == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      signal (SIGTRAP, fuzz_on_trap);
      fuzz_folder = g_dir_make_tmp ("gloss-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (fuzz_remove_folder);
    }

  return fuzz_folder;
}

/* Writes DATA to NAME in the folder and returns its path. */
static inline char *
fuzz_write (const char   *name,
            const void   *data,
            size_t        size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fuzz_get_folder (), name, NULL);

  /* A new file each time: GLib 2.74 writes G_FILE_SET_CONTENTS_NONE over
   * the old contents without truncating them, and CONSISTENT syncs the
   * disk, which made fuzzing 30 times slower. */
  g_unlink (path);
  g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  return path;
}

static inline void
fuzz_unlink (const char *name)
{
  g_autofree char *path = g_build_filename (fuzz_get_folder (), name, NULL);

  g_unlink (path);
}

/* TEXT is what Gloss stores as a document's text or a name: UTF-8, no NUL. */
static inline void
fuzz_check_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static inline void
fuzz_check_dataset (GlossDataset *dataset)
{
  for (guint i = 0; i < dataset->labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (dataset->labels, i);

      fuzz_check_text (label->name);
      g_assert_cmpstr (label->name, !=, "");
    }

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);
      gint64 length;

      fuzz_check_text (document->name);
      fuzz_check_text (document->text);
      length = gloss_offsets_count_chars (document->text, -1);

      for (guint j = 0; j < document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (document->spans, j);

          g_assert_cmpint (span->start, >=, 0);
          g_assert_cmpint (span->start, <, span->end);
          g_assert_cmpint (span->end, <=, length);
          fuzz_check_text (span->label);
          g_assert_cmpstr (span->label, !=, "");
          g_assert_nonnull (gloss_dataset_find_label (dataset, span->label));
          fuzz_check_text (span->annotator);
          fuzz_check_text (span->note);
          for (guint k = 0; k < span->attributes->len; k++)
            {
              GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, k);

              fuzz_check_text (value->name);
              fuzz_check_text (value->value);
              g_assert_nonnull (gloss_dataset_find_attribute (dataset, value->name));
            }
        }

      /* A relation joins two different spans of its own document, by a
       * label the dataset defines. */
      if (document->relations->len > 0)
        {
          g_autoptr(GHashTable) spans = g_hash_table_new (NULL, NULL);

          for (guint j = 0; j < document->spans->len; j++)
            g_hash_table_add (spans, g_ptr_array_index (document->spans, j));
          for (guint j = 0; j < document->relations->len; j++)
            {
              GlossDatasetRelation *relation = g_ptr_array_index (document->relations, j);

              g_assert_true (g_hash_table_contains (spans, relation->from));
              g_assert_true (g_hash_table_contains (spans, relation->to));
              g_assert_true (relation->from != relation->to);
              fuzz_check_text (relation->type);
              g_assert_cmpstr (relation->type, !=, "");
              g_assert_nonnull (gloss_dataset_find_relation_label (dataset, relation->type));
            }
        }

      for (guint j = 0; j < document->categories->len; j++)
        {
          GlossDatasetCategory *category = g_ptr_array_index (document->categories, j);

          fuzz_check_text (category->set);
          fuzz_check_text (category->value);
          g_assert_cmpstr (category->value, !=, "");
          g_assert_nonnull (gloss_dataset_find_category_set (dataset, category->set));
        }
    }
}

/* Writes DATASET as FORMAT into memory, as an export would: whatever a
 * reader accepted, a writer of a file format must take. */
static inline void
fuzz_write_dataset (const GlossFormat *format,
                    GlossDataset      *dataset)
{
  g_autoptr(GlossDatasetSource) source = NULL;
  g_autoptr(GlossFormatReport) report = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GlossFormatOutput output = { 0 };

  if (format->write == NULL || format->target != GLOSS_FORMAT_TARGET_FILE)
    return;

  g_autoptr(GPtrArray) companions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) companion_names = g_ptr_array_new ();
  const char * const *endings = NULL;

  source = gloss_dataset_source_new_for_dataset (dataset);
  report = gloss_format_report_new ();
  stream = g_memory_output_stream_new_resizable ();
  output.stream = stream;
  output.display_name = "out";
  /* Files a format writes beside its file go to memory too. */
  if (format->companions != NULL)
    endings = format->companions (source);
  for (guint i = 0; endings != NULL && endings[i] != NULL; i++)
    {
      g_ptr_array_add (companions, g_memory_output_stream_new_resizable ());
      g_ptr_array_add (companion_names, (gpointer) endings[i]);
    }
  g_ptr_array_add (companion_names, NULL);
  output.companions = (GOutputStream **) companions->pdata;
  output.companion_names = (const char * const *) companion_names->pdata;
  if (!format->write (source, &output, report, &error))
    {
      g_assert_nonnull (error);
      fuzz_check_text (error->message);
    }
}

/* Checks what a reader gave: DATASET, or NULL and ERROR. Returns DATASET. */
static inline GlossDataset *
fuzz_check_read (GlossDataset      *dataset,
                 GlossFormatReport *report,
                 GError            *error)
{
  g_autofree char *description = NULL;

  if (dataset == NULL)
    {
      /* An error a user can read: a message, in UTF-8. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == GLOSS_FORMAT_ERROR);
      fuzz_check_text (error->message);
      g_assert_cmpstr (error->message, !=, "");
      return NULL;
    }

  g_assert_no_error (error);
  fuzz_check_dataset (dataset);
  description = gloss_format_report_describe (report);
  fuzz_check_text (description);
  for (guint i = 0; report->warnings != NULL && i < report->warnings->len; i++)
    fuzz_check_text (g_ptr_array_index (report->warnings, i));

  return dataset;
}

/* Reads PATH as FORMAT and checks the result; returns the dataset, or NULL
 * with the error checked. */
static inline GlossDataset *
fuzz_read (const GlossFormat *format,
           const char        *path)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  GlossDataset *dataset;

  dataset = gloss_format_read (format, path, report, &error);
  return fuzz_check_read (dataset, report, error);
}

typedef GlossDataset *(*FuzzReadData) (const char         *name,
                                       const char         *data,
                                       gsize               length,
                                       GlossFormatReport  *report,
                                       GError            **error);

/* The same through a reader's entry point on bytes in memory. */
static inline GlossDataset *
fuzz_read_data (FuzzReadData   read_data,
                const char    *name,
                const void    *data,
                size_t         size)
{
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  GlossDataset *dataset;

  fuzz_get_folder ();
  dataset = read_data (name, data, size, report, &error);
  return fuzz_check_read (dataset, report, error);
}

/* The whole target for a format that reads one file. */
static inline void
fuzz_read_file (const GlossFormat *format,
                const char        *name,
                const uint8_t     *data,
                size_t             size)
{
  g_autofree char *path = fuzz_write (name, data, size);
  g_autoptr(GlossDataset) dataset = fuzz_read (format, path);

  if (dataset != NULL)
    fuzz_write_dataset (format, dataset);
}

/* The same for a format with an entry point on bytes in memory. */
static inline void
fuzz_read_buffer (const GlossFormat *format,
                  FuzzReadData       read_data,
                  const char        *name,
                  const uint8_t     *data,
                  size_t             size)
{
  g_autoptr(GlossDataset) dataset = fuzz_read_data (read_data, name, data, size);

  if (dataset != NULL)
    fuzz_write_dataset (format, dataset);
}
