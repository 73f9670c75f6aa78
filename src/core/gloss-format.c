/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The list of dataset formats, what every format shares (the report, the
 * dataset source), and writing a dataset into place atomically: a file
 * through a temporary file renamed over the target, a folder through a
 * temporary folder. A failed export leaves the target as it was. */

#define G_LOG_DOMAIN "gloss-format"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-format.h"

G_DEFINE_QUARK (gloss-format-error-quark, gloss_format_error)

static const GlossFormat * const formats[] = {
  &gloss_format_gloss,
  &gloss_format_doccano,
  &gloss_format_spacy,
  &gloss_format_labelstudio,
  &gloss_format_brat,
  &gloss_format_conll,
  &gloss_format_text,
  &gloss_format_csv,
  NULL,
};

const GlossFormat * const *
gloss_format_list (void)
{
  return formats;
}

const GlossFormat *
gloss_format_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    if (g_ascii_strcasecmp (formats[i]->name, name) == 0)
      return formats[i];

  return NULL;
}

static gboolean
folder_has_files_ending (const char *path,
                         const char *ending)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ending))
      return TRUE;

  return FALSE;
}

/* The format a path's name or content makes certain; an error naming the
 * candidates when it is ambiguous (.jsonl is Gloss or doccano). */
const GlossFormat *
gloss_format_guess (const char  *path,
                    GError     **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) candidates = g_string_new (NULL);
  const GlossFormat *found = NULL;
  guint n_found = 0;
  gsize longest = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* The longest ending that matches decides: "x.gloss.jsonl" is Gloss JSONL
   * even if another format claims ".jsonl". Ties are ambiguous. */
  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; formats[i] != NULL; i++)
    for (guint j = 0; formats[i]->extensions != NULL && formats[i]->extensions[j] != NULL; j++)
      {
        gsize length = strlen (formats[i]->extensions[j]);

        if (!g_str_has_suffix (lower, formats[i]->extensions[j]) || length < longest)
          continue;
        if (length > longest)
          {
            longest = length;
            n_found = 0;
            g_string_truncate (candidates, 0);
          }
        if (found != formats[i] || n_found == 0)
          {
            found = formats[i];
            n_found++;
            g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "",
                                    formats[i]->name);
          }
      }

  if (n_found == 1)
    return found;

  /* A folder without a format's ending (looked at only then: an import of
   * thousands of files would ask the file system about each one). */
  if (n_found == 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      found = gloss_format_lookup (folder_has_files_ending (path, ".ann") ? "brat" : "text");
      if (found != NULL)
        return found;
    }

  display = g_filename_display_name (path);
  if (n_found == 0)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                 _("Cannot tell the format of “%s” from its name; give it with --format"), display);
  else
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                 _("“%s” could be any of %s; give the format with --format"), display,
                 candidates->str);

  return NULL;
}

GlossFormatReport *
gloss_format_report_new (void)
{
  GlossFormatReport *report = g_new0 (GlossFormatReport, 1);

  report->lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report->warnings = g_ptr_array_new_with_free_func (g_free);

  return report;
}

void
gloss_format_report_free (GlossFormatReport *report)
{
  if (report == NULL)
    return;

  g_hash_table_unref (report->lost);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

/* Counts COUNT things the format could not carry, for REASON. */
void
gloss_format_report_lose (GlossFormatReport *report,
                          const char        *reason,
                          guint              count)
{
  guint old;

  g_return_if_fail (report != NULL);
  g_return_if_fail (reason != NULL);

  old = GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, reason));
  g_hash_table_insert (report->lost, g_strdup (reason), GUINT_TO_POINTER (old + count));
}

guint
gloss_format_report_count_lost (GlossFormatReport *report,
                                const char        *reason)
{
  g_return_val_if_fail (report != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, reason));
}

void
gloss_format_report_warn (GlossFormatReport *report,
                          const char        *format,
                          ...)
{
  va_list args;

  g_return_if_fail (report != NULL);

  va_start (args, format);
  g_ptr_array_add (report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* What a user reads after an import or export, one fact a line. */
char *
gloss_format_report_describe (GlossFormatReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) reasons = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                             report->documents),
                          report->documents);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", report->spans),
                          report->spans);
  g_string_append_c (text, '\n');

  if (report->labels_created > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u new label\n", "%u new labels\n",
                                               report->labels_created),
                            report->labels_created);
  if (report->documents_merged > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u document was already in the project: its spans were merged\n",
                                         "%u documents were already in the project: their spans were merged\n",
                                         report->documents_merged),
                            report->documents_merged);
  if (report->spans_skipped_duplicate > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u span was there already and was skipped\n",
                                         "%u spans were there already and were skipped\n",
                                         report->spans_skipped_duplicate),
                            report->spans_skipped_duplicate);

  reasons = g_list_sort (g_hash_table_get_keys (report->lost), (GCompareFunc) g_strcmp0);
  for (const GList *l = reasons; l != NULL; l = l->next)
    g_string_append_printf (text, _("Not carried by this format: %u %s\n"),
                            GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, l->data)),
                            (const char *) l->data);

  for (guint i = 0; i < report->warnings->len; i++)
    g_string_append_printf (text, _("Warning: %s\n"), (const char *) report->warnings->pdata[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
dataset_source_foreach (GlossDatasetSource  *source,
                        GlossDocumentFunc    func,
                        gpointer             user_data,
                        GError             **error)
{
  GlossDataset *dataset = source->data;

  for (guint i = 0; i < dataset->documents->len; i++)
    if (!func (g_ptr_array_index (dataset->documents, i), user_data, error))
      return FALSE;

  return TRUE;
}

/* A source over DATASET, which must outlive it. */
GlossDatasetSource *
gloss_dataset_source_new_for_dataset (GlossDataset *dataset)
{
  GlossDatasetSource *source = g_new0 (GlossDatasetSource, 1);

  g_return_val_if_fail (dataset != NULL, NULL);

  source->labels = g_ptr_array_ref (dataset->labels);
  source->foreach = dataset_source_foreach;
  source->data = dataset;

  return source;
}

void
gloss_dataset_source_free (GlossDatasetSource *source)
{
  if (source == NULL)
    return;

  g_clear_pointer (&source->labels, g_ptr_array_unref);
  if (source->data_free != NULL)
    source->data_free (source->data);
  g_free (source);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
write_file (const GlossFormat   *format,
            GlossDatasetSource  *source,
            const char          *path,
            GlossFormatReport   *report,
            GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GCancellable) discard = g_cancellable_new ();
  g_autofree char *display = g_filename_display_name (path);
  GlossFormatOutput output = { NULL, NULL, display };
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

  /* GIO writes beside an existing target and renames on a successful
   * close; a new target it writes in place. */
  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (file_stream == NULL)
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 1 << 16);
  output.stream = buffered;

  if (!format->write (source, &output, report, error) ||
      !g_output_stream_flush (buffered, NULL, error))
    {
      /* Closing a cancelled replace drops the temporary file. */
      g_cancellable_cancel (discard);
      g_output_stream_close (G_OUTPUT_STREAM (file_stream), discard, NULL);
      if (!existed)
        g_unlink (path);
      return FALSE;
    }

  return g_output_stream_close (buffered, NULL, error);
}

static gboolean
write_folder (const GlossFormat   *format,
              GlossDatasetSource  *source,
              const char          *path,
              GlossFormatReport   *report,
              GError             **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *temp = g_strconcat (path, ".partial-XXXXXX", NULL);
  g_autofree char *old = NULL;
  GlossFormatOutput output = { NULL, temp, display };

  if (g_mkdtemp (temp) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not create a folder beside “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!format->write (source, &output, report, error))
    {
      remove_tree (temp);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      old = g_strconcat (path, ".old-XXXXXX", NULL);
      if (g_mkdtemp (old) == NULL || g_rmdir (old) != 0 || g_rename (path, old) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                       _("Could not replace “%s”: %s"), display, g_strerror (saved_errno));
          remove_tree (temp);
          return FALSE;
        }
    }

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      if (old != NULL)
        g_rename (old, path);
      remove_tree (temp);
      return FALSE;
    }

  if (old != NULL)
    remove_tree (old);

  return TRUE;
}

/* Reads PATH as FORMAT: the whole dataset, or NULL and an error, never a
 * part of it. A format that cannot be read says so here, so that every
 * caller gives the same message. */
GlossDataset *
gloss_format_read (const GlossFormat  *format,
                   const char         *path,
                   GlossFormatReport  *report,
                   GError            **error)
{
  GlossDataset *dataset;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format->read == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   _("Gloss cannot read %s"), format->title);
      return NULL;
    }

  dataset = format->read (path, report, error);
  g_assert (dataset != NULL || error == NULL || *error != NULL);

  return dataset;
}

/* Writes SOURCE as FORMAT to PATH. An existing PATH is replaced only with
 * FORCE; on any error it is left as it was. */
gboolean
gloss_format_write_dataset (const GlossFormat   *format,
                            GlossDatasetSource  *source,
                            const char          *path,
                            gboolean             force,
                            GlossFormatReport   *report,
                            GError             **error)
{
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (format->write == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   _("Gloss cannot write %s"), format->title);
      return FALSE;
    }

  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                   _("“%s” exists already; replace it with --force"), display);
      return FALSE;
    }

  if (format->target == GLOSS_FORMAT_TARGET_FOLDER)
    return write_folder (format, source, path, report, error);

  return write_file (format, source, path, report, error);
}
