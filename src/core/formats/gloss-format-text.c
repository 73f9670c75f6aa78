/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Plain text: documents without labels. Reading takes one file, or the
 * .txt, .md and .html files of a folder (by name, in byte order; not its
 * subfolders, hidden files, nor links to files outside it), each decoded and converted by
 * gloss-text.c and named by its file name. Writing makes a folder with one
 * NAME.txt per document holding its text exactly as stored. */

#define G_LOG_DOMAIN "gloss-format-text"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-open-projects.h"
#include "gloss-text.h"

/* File names are at most 255 bytes on the usual file systems; this leaves
 * room for " (12).txt". */
#define MAX_STEM_BYTES 200

/* The files gloss-text.c reads, so that importing an .html or .md file
 * needs no --format. */
static const char * const text_extensions[] = {
  ".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", NULL,
};

static gboolean
is_readable_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (name[0] == '.')
    return FALSE;

  for (guint i = 0; text_extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, text_extensions[i]))
      return TRUE;

  return FALSE;
}

static gboolean
add_file (GlossDataset       *dataset,
          const char         *path,
          GlossFormatReport  *report,
          GError            **error)
{
  g_autofree char *text = gloss_text_read_document_file (path, error);
  g_autofree char *name = NULL;

  if (text == NULL)
    return FALSE;

  name = g_filename_display_basename (path);
  gloss_dataset_add_document (dataset, name, text);
  report->documents++;

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GlossDataset *
read_folder (const char         *path,
             GlossFormatReport  *report,
             GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder_real = realpath (path, NULL);
  const char *name;
  guint skipped = 0;

  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not read the folder “%s”: %s"), display, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *project = NULL;

      /* A project named like a text: the other files come in all the
       * same. */
      if (is_readable_name (name) &&
          gloss_open_projects_find (child, &project) != GLOSS_OPEN_PROJECT_NONE)
        {
          g_autofree char *file = g_filename_display_name (name);
          g_autofree char *project_display = g_filename_display_name (project);

          gloss_format_report_warn (report,
                                    _("folder %s: %s is the project “%s”, which is open, or a "
                                      "file SQLite keeps beside it; it was not read"),
                                    display, file, project_display);
          continue;
        }

      if (is_readable_name (name) && folder_real != NULL &&
          gloss_format_link_leaves_folder (folder_real, child))
        {
          g_autofree char *link = g_filename_display_name (name);

          gloss_format_report_warn (report,
                                    _("folder %s: %s is a link to a file outside the folder; "
                                      "it was not read"),
                                    display, link);
          continue;
        }

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR) && is_readable_name (name))
        g_ptr_array_add (names, g_strdup (name));
      else if (name[0] != '.')
        skipped++;
    }

  if (names->len == 0)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("The folder “%s” holds no .txt, .md or .html files"), display);
      return NULL;
    }

  /* g_dir_read_name's order is the file system's; an import must not
   * depend on it. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (path, file, NULL);

      if (!add_file (dataset, child, report, error))
        return NULL;
    }

  if (skipped > 0)
    gloss_format_report_warn (report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "folder %s: %u entry that is not a .txt, .md or .html "
                                           "file was not read (nor are subfolders)",
                                           "folder %s: %u entries that are not .txt, .md or .html "
                                           "files were not read (nor are subfolders)",
                                           skipped),
                              display, skipped);

  return g_steal_pointer (&dataset);
}

static GlossDataset *
text_read (const char         *path,
           GlossFormatReport  *report,
           GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GError) local_error = NULL;

  /* Read as a file first, as a folder when it turns out to be one: asking
   * the file system which it is first was 5% of importing 10,000 files. */
  if (add_file (dataset, path, report, &local_error))
    return g_steal_pointer (&dataset);

  if (g_error_matches (local_error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IS_FOLDER))
    return read_folder (path, report, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

typedef struct
{
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GHashTable *used;   /* case-folded file names already written */
} TextWriter;

/* NAME as a file name that every common file system takes: no separators,
 * no characters Windows refuses, no leading dot, ending in ".txt". */
static GString *
safe_stem (const char *name)
{
  GString *stem = g_string_new (NULL);
  gsize len = strlen (name);

  if (len >= 4 && g_ascii_strcasecmp (name + len - 4, ".txt") == 0)
    len -= 4;

  for (const char *p = name; p < name + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7F || (c < 0x80 && strchr ("/\\<>:\"|?*", (char) c) != NULL))
        g_string_append_c (stem, '_');
      else
        g_string_append_unichar (stem, c);
    }

  /* Windows drops trailing dots and spaces; a leading dot hides a file. */
  while (stem->len > 0 && (stem->str[stem->len - 1] == '.' || stem->str[stem->len - 1] == ' '))
    g_string_truncate (stem, stem->len - 1);
  if (stem->len > 0 && stem->str[0] == '.')
    stem->str[0] = '_';
  if (stem->len == 0)
    g_string_assign (stem, "document");

  if (stem->len > MAX_STEM_BYTES)
    {
      const char *cut = g_utf8_find_prev_char (stem->str, stem->str + MAX_STEM_BYTES + 1);

      g_string_truncate (stem, cut - stem->str);
    }

  return stem;
}

static char *
unique_file_name (TextWriter *writer,
                  const char *name)
{
  g_autoptr(GString) stem = safe_stem (name);
  char *file_name = g_strconcat (stem->str, ".txt", NULL);

  /* Case-folded, for the file systems where "A.txt" is "a.txt". */
  for (guint n = 2; ; n++)
    {
      g_autofree char *key = g_utf8_casefold (file_name, -1);

      if (!g_hash_table_contains (writer->used, key))
        {
          g_hash_table_add (writer->used, g_steal_pointer (&key));
          return file_name;
        }

      g_free (file_name);
      file_name = g_strdup_printf ("%s (%u).txt", stem->str, n);
    }
}

static gboolean
write_document (GlossDatasetDocument  *document,
                gpointer               user_data,
                GError               **error)
{
  TextWriter *writer = user_data;
  g_autofree char *file_name = unique_file_name (writer, document->name);
  g_autofree char *on_disk = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  on_disk = g_filename_from_utf8 (file_name, -1, NULL, NULL, &local_error);
  if (on_disk != NULL)
    {
      path = g_build_filename (writer->output->folder, on_disk, NULL);
      /* Straight into the file: the folder is the export's temporary. */
      g_file_set_contents_full (path, document->text, -1, G_FILE_SET_CONTENTS_NONE, 0666,
                                &local_error);
    }
  if (local_error != NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write “%s” into “%s”: %s"), file_name, writer->output->display_name,
                   local_error->message);
      return FALSE;
    }

  writer->report->documents++;
  if (document->spans->len > 0)
    gloss_format_report_lose (writer->report, "span (plain text has no labels)", "spans (plain text has no labels)",
                              document->spans->len);
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW)
    gloss_format_report_lose (writer->report, "document status", "document statuses", 1);

  return TRUE;
}

static gboolean
text_write (GlossDatasetSource  *source,
            GlossFormatOutput   *output,
            GlossFormatReport   *report,
            GError             **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TextWriter writer = { output, report, used };

  if (!source->foreach (source, write_document, &writer, error))
    return FALSE;

  if (source->labels->len > 0)
    gloss_format_report_lose (report, "label (plain text has no labels)", "labels (plain text has no labels)", source->labels->len);

  return TRUE;
}

static const char * const text_folder_files[] = { "*.txt", NULL };

const GlossFormat gloss_format_text = {
  .name = "text",
  .title = N_("plain text"),
  .extensions = text_extensions,
  .target = GLOSS_FORMAT_TARGET_FOLDER,
  .folder_files = text_folder_files,
  .read = text_read,
  .write = text_write,
};
