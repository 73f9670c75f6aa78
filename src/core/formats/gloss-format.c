/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The list of dataset formats, what every format shares (the dataset
 * source; the report is gloss-format-report.c), and writing a dataset into place atomically: a file
 * through a temporary file renamed over the target, a folder through a
 * temporary folder. A failed or interrupted export leaves the target as it
 * was; the next export to it removes what an interrupted one left. */

#define G_LOG_DOMAIN "gloss-format"

/* renameat2 () and syncfs () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-open-projects.h"

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
  source->relation_labels = g_ptr_array_ref (dataset->relation_labels);
  source->attributes = g_ptr_array_ref (dataset->attributes);
  source->category_sets = g_ptr_array_ref (dataset->category_sets);
  source->foreach = dataset_source_foreach;
  source->data = dataset;

  for (guint i = 0; i < dataset->documents->len && !source->has_parts; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      for (guint j = 0; j < document->spans->len && !source->has_parts; j++)
        source->has_parts = ((GlossDatasetSpan *) document->spans->pdata[j])->part_of != NULL;
    }

  return source;
}

void
gloss_dataset_source_free (GlossDatasetSource *source)
{
  if (source == NULL)
    return;

  g_clear_pointer (&source->labels, g_ptr_array_unref);
  g_clear_pointer (&source->relation_labels, g_ptr_array_unref);
  g_clear_pointer (&source->attributes, g_ptr_array_unref);
  g_clear_pointer (&source->category_sets, g_ptr_array_unref);
  if (source->data_free != NULL)
    source->data_free (source->data);
  g_free (source);
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

  if (!gloss_format_check_not_project (path, error))
    return NULL;

  dataset = format->read (path, report, error);
  g_assert (dataset != NULL || error == NULL || *error != NULL);

  return dataset;
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

static void set_io_error (GError     **error,
                          int          saved_errno,
                          const char  *format,
                          ...) G_GNUC_PRINTF (3, 4);

/* An I/O error: FORMAT, then what the system said. */
static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, "%s: %s", message,
               g_strerror (saved_errno));
}

/* A name's longest part kept in its temporaries' names, so that these stay
 * within the 255 bytes a file name may have. */
#define TEMP_NAME_KEEP 200

/* What the temporaries of an export to PATH are named, up to the six random
 * characters: ".NAME.gloss-export-", beside PATH, so that renaming one into
 * place never crosses file systems, and the next export to PATH knows the
 * leftovers of an interrupted one. */
static char *
temp_prefix (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *prefix = NULL;

  if (strlen (name) > TEMP_NAME_KEEP)
    name[TEMP_NAME_KEEP] = '\0';
  prefix = g_strconcat (".", name, ".gloss-export-", NULL);

  return g_build_filename (folder, prefix, NULL);
}

/* Whether FD is still the file or folder named PATH: a temporary found
 * unlocked may have been removed as a leftover before it was locked. */
static gboolean
is_still_named (int         fd,
                const char *path)
{
  struct stat by_fd, by_name;

  return fstat (fd, &by_fd) == 0 && lstat (path, &by_name) == 0 &&
         by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino;
}

/* Removes the temporaries that interrupted exports to PATH left behind. A
 * writing export holds a lock on its temporary until it has renamed it into
 * place, and the system drops the lock of a process that died: so one that
 * can be locked is a leftover, and one that cannot is being written. */
static void
remove_leftovers (const char *path)
{
  g_autofree char *prefix = temp_prefix (path);
  g_autofree char *folder = g_path_get_dirname (prefix);
  g_autofree char *name_prefix = g_path_get_basename (prefix);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      struct stat st;
      int fd;

      if (!g_str_has_prefix (name, name_prefix) || strlen (name) != strlen (name_prefix) + 6)
        continue;

      child = g_build_filename (folder, name, NULL);
      fd = open (child, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
      if (fd < 0)
        continue;

      /* A file system without locks keeps its leftovers: a live export
       * cannot be told from them there. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && is_still_named (fd, child) &&
          fstat (fd, &st) == 0)
        {
          if (S_ISDIR (st.st_mode))
            remove_tree (child);
          else if (S_ISREG (st.st_mode))
            g_unlink (child);
        }
      close (fd);
    }
}

/* A new temporary for an export to PATH (a file, or a folder if FOLDER),
 * opened and locked; its name in *TEMP. */
static int
create_temp (const char  *path,
             gboolean     folder,
             char       **temp,
             GError     **error)
{
  g_autofree char *prefix = temp_prefix (path);
  g_autofree char *display = g_filename_display_name (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strconcat (prefix, "XXXXXX", NULL);
      int fd;

      if (!folder)
        fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, 0666);
      else if (g_mkdtemp_full (name, 0777) == NULL)
        fd = -1;
      else if ((fd = open (name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)) < 0)
        {
          int saved_errno = errno;

          g_rmdir (name);
          errno = saved_errno;
        }
      if (fd < 0)
        {
          if (folder)
            set_io_error (error, errno, _("Could not create a folder beside “%s”"), display);
          else
            set_io_error (error, errno, _("Could not create a file beside “%s”"), display);
          return -1;
        }

      /* Without locks on this file system, leftovers are never removed (see
       * remove_leftovers ()), so the temporary is safe unlocked. */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        {
          /* Another export found it unlocked in the instant after it was
           * made and is removing it as a leftover. */
          close (fd);
          continue;
        }
      if (!is_still_named (fd, name))
        {
          close (fd);
          continue;
        }

      *temp = g_steal_pointer (&name);
      return fd;
    }

  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
               _("Could not create a temporary file beside “%s”"), display);
  return -1;
}

/* Makes a rename in PATH's folder durable. */
static void
sync_folder_of (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* rename () that fails with EEXIST if TO exists, even as a dangling link,
 * rather than replacing it: the target may have appeared while writing. */
static int
rename_new (const char *from,
            const char *to)
{
  struct stat st;

#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return -1;
#endif

  /* A file system that cannot say: the check is only narrowed. */
  if (lstat (to, &st) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  return rename (from, to);
}

/* Puts the finished temporary TEMP at PATH: replacing what is there if
 * REPLACE, which the caller checked. */
static gboolean
move_into_place (const char  *temp,
                 const char  *path,
                 gboolean     replace,
                 gboolean     folder,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (!replace)
    {
      if (rename_new (temp, path) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == EEXIST)
            g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                         _("“%s” exists already; replace it with --force"), display);
          else
            set_io_error (error, saved_errno, _("Could not write “%s”"), display);
          return FALSE;
        }
      return TRUE;
    }

  if (!folder)
    {
      if (rename (temp, path) != 0)
        {
          set_io_error (error, errno, _("Could not replace “%s”"), display);
          return FALSE;
        }
      return TRUE;
    }

  /* A folder cannot be renamed over one that is not empty: the two swap
   * names, and the previous export, now under the temporary name, goes. */
#ifdef RENAME_EXCHANGE
  if (renameat2 (AT_FDCWD, temp, AT_FDCWD, path, RENAME_EXCHANGE) == 0)
    {
      remove_tree (temp);
      return TRUE;
    }
  if (errno != EINVAL && errno != ENOSYS)
    {
      set_io_error (error, errno, _("Could not replace “%s”"), display);
      return FALSE;
    }
#endif

  /* Without the swap: the previous export moves aside, under a name that
   * the next export removes if this one is interrupted. */
  {
    g_autofree char *prefix = temp_prefix (path);
    g_autofree char *old = g_strconcat (prefix, "XXXXXX", NULL);

    if (g_mkdtemp_full (old, 0700) == NULL || rename (path, old) != 0)
      {
        set_io_error (error, errno, _("Could not replace “%s”"), display);
        g_rmdir (old);
        return FALSE;
      }
    if (rename (temp, path) != 0)
      {
        set_io_error (error, errno, _("Could not replace “%s”"), display);
        rename (old, path);
        return FALSE;
      }
    remove_tree (old);
  }

  return TRUE;
}

/* One file of an export: the format's file or one it writes beside it. */
typedef struct
{
  char *path;
  char *display;
  char *temp;
  int fd;
  gboolean exists;
  gboolean moved;
  struct stat st;
  GOutputStream *file_stream;
  GOutputStream *buffered;
} ExportFile;

static void
export_file_clear (ExportFile *file)
{
  /* Removed while still locked, so that no other export takes it for a
   * leftover and removes it meanwhile; the streams go before the
   * descriptor they write to. */
  if (file->temp != NULL && !file->moved)
    g_unlink (file->temp);
  g_clear_object (&file->buffered);
  g_clear_object (&file->file_stream);
  if (file->fd >= 0)
    close (file->fd);
  g_free (file->path);
  g_free (file->display);
  g_free (file->temp);
}

/* Where FORMAT writes the file ENDING beside PATH: "spans.csv" and
 * "relations.csv" give "spans.relations.csv". */
char *
gloss_format_companion_path (const GlossFormat *format,
                             const char        *path,
                             const char        *ending)
{
  g_autofree char *stem = g_strdup (path);

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (ending != NULL, NULL);

  for (guint i = 0; format->extensions != NULL && format->extensions[i] != NULL; i++)
    {
      gsize length = strlen (stem);
      gsize extension = strlen (format->extensions[i]);

      if (length > extension &&
          g_ascii_strcasecmp (stem + length - extension, format->extensions[i]) == 0 &&
          !G_IS_DIR_SEPARATOR (stem[length - extension - 1]))
        {
          stem[length - extension] = '\0';
          break;
        }
    }

  return g_strconcat (stem, ".", ending, NULL);
}

/* The files beside PATH that FORMAT writes for SOURCE, checked as PATH
 * was: none may be an open project's, and an existing one is replaced only
 * with FORCE. */
static gboolean
add_companions (const GlossFormat   *format,
                GlossDatasetSource  *source,
                const char          *path,
                gboolean             force,
                GArray              *files,
                GError             **error)
{
  const char * const *endings;

  if (format->companions == NULL || (endings = format->companions (source)) == NULL)
    return TRUE;

  for (guint i = 0; endings[i] != NULL; i++)
    {
      ExportFile file = { .fd = -1 };

      file.path = gloss_format_companion_path (format, path, endings[i]);
      file.display = g_filename_display_name (file.path);
      file.exists = lstat (file.path, &file.st) == 0;
      g_array_append_val (files, file);

      if (!gloss_format_check_export_target (file.path, error))
        return FALSE;
      if (file.exists && !force)
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                       _("“%s” exists already; replace it with --force"), file.display);
          return FALSE;
        }
      if (file.exists && S_ISDIR (file.st.st_mode))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                       _("“%s” is a folder; %s is written to a file"), file.display,
                       _(format->title));
          return FALSE;
        }
      remove_leftovers (file.path);
    }

  return TRUE;
}

static gboolean
write_file (const GlossFormat   *format,
            GlossDatasetSource  *source,
            const char          *path,
            const struct stat   *existing,
            gboolean             force,
            GlossFormatReport   *report,
            GError             **error)
{
  g_autoptr(GArray) files = g_array_new (FALSE, TRUE, sizeof (ExportFile));
  g_autoptr(GPtrArray) companions = g_ptr_array_new ();
  g_autoptr(GPtrArray) companion_names = g_ptr_array_new ();
  ExportFile main_file = { .fd = -1 };
  GlossFormatOutput output = { NULL };
  gboolean ok = TRUE;

  g_array_set_clear_func (files, (GDestroyNotify) export_file_clear);

  main_file.path = g_strdup (path);
  main_file.display = g_filename_display_name (path);
  main_file.exists = existing != NULL;
  if (existing != NULL)
    main_file.st = *existing;
  g_array_append_val (files, main_file);

  if (!add_companions (format, source, path, force, files, error))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      ExportFile *file = &g_array_index (files, ExportFile, i);

      file->fd = create_temp (file->path, FALSE, &file->temp, error);
      if (file->fd < 0)
        return FALSE;

      /* A replaced file keeps who may read it. */
      if (file->exists && S_ISREG (file->st.st_mode))
        fchmod (file->fd, file->st.st_mode & 07777);

      file->file_stream = g_unix_output_stream_new (file->fd, FALSE);
      file->buffered = g_buffered_output_stream_new_sized (file->file_stream, 1 << 16);
      if (i > 0)
        {
          g_ptr_array_add (companions, file->buffered);
          g_ptr_array_add (companion_names, file->display);
        }
    }
  g_ptr_array_add (companion_names, NULL);

  output.stream = g_array_index (files, ExportFile, 0).buffered;
  output.display_name = g_array_index (files, ExportFile, 0).display;
  output.companions = (GOutputStream **) companions->pdata;
  output.companion_names = (const char * const *) companion_names->pdata;

  ok = format->write (source, &output, report, error);
  for (guint i = 0; ok && i < files->len; i++)
    {
      ExportFile *file = &g_array_index (files, ExportFile, i);

      ok = g_output_stream_close (file->buffered, NULL, error);
      if (ok && fsync (file->fd) != 0)
        {
          set_io_error (error, errno, _("Could not write “%s”"), file->display);
          ok = FALSE;
        }
    }

  /* The format's own file last: an export whose file is there is whole. */
  for (guint i = 1; ok && i <= files->len; i++)
    {
      ExportFile *file = &g_array_index (files, ExportFile, i % files->len);

      ok = move_into_place (file->temp, file->path, file->exists, FALSE, error);
      file->moved = ok;
    }

  if (ok)
    sync_folder_of (path);

  return ok;
}

static gboolean
write_folder (const GlossFormat   *format,
              GlossDatasetSource  *source,
              const char          *path,
              const struct stat   *existing,
              GlossFormatReport   *report,
              GError             **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *temp = NULL;
  GlossFormatOutput output = { NULL, NULL, display };
  gboolean ok;
  int fd;

  fd = create_temp (path, TRUE, &temp, error);
  if (fd < 0)
    return FALSE;

  output.folder = temp;
  ok = format->write (source, &output, report, error);

  /* One sync of the file system, rather than one per file written. */
  if (ok && syncfs (fd) != 0)
    {
      set_io_error (error, errno, _("Could not write “%s”"), display);
      ok = FALSE;
    }
  ok = ok && move_into_place (temp, path, existing != NULL, TRUE, error);

  if (!ok)
    remove_tree (temp);
  close (fd);

  if (ok)
    sync_folder_of (path);

  return ok;
}

/* The first thing in the folder PATH that FORMAT does not write, or NULL:
 * a folder that holds nothing else is a previous export, which --force may
 * replace; anything else may be a user's own files. */
static char *
find_foreign_file (const GlossFormat *format,
                   const char        *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_strdup (".");

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      struct stat st;
      gboolean ours = FALSE;

      if (lstat (child, &st) != 0 || !S_ISREG (st.st_mode))
        return g_strdup (name);

      for (guint i = 0; format->folder_files != NULL && format->folder_files[i] != NULL && !ours; i++)
        ours = g_pattern_match_simple (format->folder_files[i], name);
      if (!ours)
        return g_strdup (name);
    }

  return NULL;
}

/* Whether PATH, which exists, may be replaced by an export as FORMAT. */
static gboolean
check_replaceable (const GlossFormat  *format,
                   const char         *path,
                   const struct stat  *st,
                   GError            **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *foreign = NULL;

  if (format->target == GLOSS_FORMAT_TARGET_FILE)
    {
      if (S_ISDIR (st->st_mode))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                       _("“%s” is a folder; %s is written to a file"), display,
                       _(format->title));
          return FALSE;
        }
      return TRUE;
    }

  if (!S_ISDIR (st->st_mode))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                   _("“%s” is not a folder; --force replaces only a previous %s export"),
                   display, _(format->title));
      return FALSE;
    }

  foreign = find_foreign_file (format, path);
  if (foreign != NULL)
    {
      g_autofree char *foreign_display = g_filename_display_name (foreign);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                   _("“%s” holds “%s”, which is not part of a %s export; --force replaces "
                     "only a previous export: choose another folder"),
                   display, foreign_display, _(format->title));
      return FALSE;
    }

  return TRUE;
}

/* Refuses to write at PATH if it is the file of a project open in this
 * process or one SQLite keeps beside it, or a folder holding one, even
 * with force: the export would replace the project, or its log, under
 * SQLite's feet (see gloss-open-projects.h). Opens none of them. */
gboolean
gloss_format_check_export_target (const char  *path,
                                  GError     **error)
{
  g_autofree char *project = NULL;
  g_autofree char *display = NULL;
  g_autofree char *project_display = NULL;
  g_autoptr(GDir) dir = NULL;
  GlossOpenProjectPart part;
  const char *name;
  struct stat st;

  display = g_filename_display_name (path);
  part = gloss_open_projects_find (path, &project);
  if (part != GLOSS_OPEN_PROJECT_NONE)
    {
      project_display = g_filename_display_name (project);
      if (part == GLOSS_OPEN_PROJECT_FILE)
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT,
                     _("“%s” is the project “%s”, which is open: an export never replaces "
                       "a project; choose another name"),
                     display, project_display);
      else
        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT,
                     _("“%s” is a file SQLite keeps beside the project “%s”, which is open: "
                       "choose another name"),
                     display, project_display);
      return FALSE;
    }

  /* A folder export replaces the folder, with what is in it. */
  if (lstat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    return TRUE;
  if ((dir = g_dir_open (path, 0, NULL)) == NULL)
    return TRUE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (gloss_open_projects_find (child, &project) != GLOSS_OPEN_PROJECT_NONE)
        {
          project_display = g_filename_display_name (project);
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT,
                       _("“%s” holds the project “%s”, which is open: choose another folder"),
                       display, project_display);
          return FALSE;
        }
    }

  return TRUE;
}

/* Writes SOURCE as FORMAT to PATH, which appears only whole: the export is
 * written under a temporary name beside it (a folder for a folder format),
 * synced, and renamed into place. An existing PATH, even a dangling link,
 * is replaced only with FORCE, and for a folder format only if it is a
 * previous export of the format. On any error PATH is left as it was. */
gboolean
gloss_format_write_dataset (const GlossFormat   *format,
                            GlossDatasetSource  *source,
                            const char          *path,
                            gboolean             force,
                            GlossFormatReport   *report,
                            GError             **error)
{
  g_autofree char *target = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (format->write == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   _("Gloss cannot write %s"), format->title);
      return FALSE;
    }

  /* "out/" names the folder "out", and its temporaries go beside it. */
  target = g_strdup (path);
  for (gsize n = strlen (target); n > 1 && G_IS_DIR_SEPARATOR (target[n - 1]); n--)
    target[n - 1] = '\0';

  if (!gloss_format_check_export_target (target, error))
    return FALSE;

  exists = lstat (target, &st) == 0;
  if (exists && !force)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS,
                   _("“%s” exists already; replace it with --force"), display);
      return FALSE;
    }
  if (exists && !check_replaceable (format, target, &st, error))
    return FALSE;

  remove_leftovers (target);

  if (format->target == GLOSS_FORMAT_TARGET_FOLDER)
    return write_folder (format, source, target, exists ? &st : NULL, report, error);

  return write_file (format, source, target, exists ? &st : NULL, force, report, error);
}
