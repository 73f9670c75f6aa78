/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project as a file: opening one (refusing what is not a project,
 * migrating an old one after a backup copy, read-only where it cannot be
 * written), creating one under a temporary name, saving a copy. Nothing
 * here opens a project file but SQLite: see ProjectFile. */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

/* renameat2 () */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-store-private.h"

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER_SIZE 100

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* A file of the project as SQLite's own file layer opens it, never with
 * open () and close (): POSIX locks belong to the process, and closing any
 * descriptor of a file drops every lock the process holds on it, so a
 * second look at a project this process has open would take its read lock
 * away from under its connection, and another process would then
 * checkpoint and delete the write-ahead log it is still writing into.
 * SQLite's unix layer knows the file is open in the process already and
 * keeps the descriptor open until the last lock on it goes. */
typedef struct
{
  sqlite3_vfs *vfs;
  sqlite3_file *file;
  sqlite3_filename name;
} ProjectFile;

static void
project_file_close (ProjectFile *pf)
{
  if (pf->file != NULL && pf->file->pMethods != NULL)
    pf->file->pMethods->xClose (pf->file);
  g_clear_pointer (&pf->file, g_free);
  g_clear_pointer (&pf->name, sqlite3_free_filename);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProjectFile, project_file_close)

static gboolean
project_file_open (ProjectFile  *pf,
                   const char   *path,
                   GError      **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *full_path = NULL;
  int out_flags = 0;
  int rc;

  pf->vfs = sqlite3_vfs_find (NULL);
  pf->file = g_malloc0 (pf->vfs->szOsFile);

  /* The VFS opens only names that went through xFullPathname, as SQLite's
   * own opening does: it resolves symbolic links, which xOpen alone does not
   * follow past the first. */
  full_path = g_malloc0 (pf->vfs->mxPathname + 1);
  rc = pf->vfs->xFullPathname (pf->vfs, path, pf->vfs->mxPathname + 1, full_path);
  if (rc != SQLITE_OK && rc != SQLITE_OK_SYMLINK)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }

  pf->name = sqlite3_create_filename (full_path, "", "", 0, NULL);
  errno = 0;
  rc = pf->vfs->xOpen (pf->vfs, pf->name, pf->file, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY,
                       &out_flags);
  if (rc != SQLITE_OK)
    {
      int saved_errno = errno;

      /* A failed xOpen leaves nothing to close. */
      pf->file->pMethods = NULL;
      g_set_error (error, GLOSS_STORE_ERROR,
                   saved_errno == ENOENT ? GLOSS_STORE_ERROR_NOT_FOUND : GLOSS_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), display,
                   saved_errno != 0 ? g_strerror (saved_errno) : sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Reads the file's header before SQLite opens it as a database, so that a
 * file that is not ours is refused before anything could write to it
 * (opening a database in WAL mode may create files beside it). The header
 * in the file may be older than the project's last commits, which can wait
 * in the write-ahead log: the version is checked again through SQLite. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_auto(ProjectFile) pf = { NULL, };
  g_autofree char *display = g_filename_display_name (path);
  guchar header[SQLITE_HEADER_SIZE] = { 0, };
  guint32 version;
  int rc;

  if (!project_file_open (&pf, path, error))
    return FALSE;

  /* A short read fills the rest with zeros. */
  rc = pf.file->pMethods->xRead (pf.file, header, SQLITE_HEADER_SIZE, 0);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }

  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Gloss project: it is not an SQLite database. "
                     "The file was left unchanged."),
                   display);
      return FALSE;
    }

  if (read_be32 (header + 68) != GLOSS_STORE_APPLICATION_ID)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Gloss project: it is another program’s SQLite database. "
                     "The file was left unchanged."),
                   display);
      return FALSE;
    }

  /* Gloss writes the schema before a new project gets its name (see
   * gloss_store_create ()), so a file named as ours at version 0 was made
   * by something else: it is never migrated. */
  version = read_be32 (header + 60);
  if (version == 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Gloss project: it is marked as one but holds no Gloss "
                     "schema. The file was left unchanged."),
                   display);
      return FALSE;
    }

  if (version > GLOSS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Gloss (schema %u; this version reads "
                     "up to %u). Update Gloss to open it."),
                   display, version, GLOSS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Whether this process can write the project: the file, its folder (SQLite
 * makes its -wal and -shm files there), and those two when they exist.
 * access () looks at the names, it opens nothing. */
static gboolean
project_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0 &&
         (g_access (wal, F_OK) != 0 || g_access (wal, W_OK) == 0) &&
         (g_access (shm, F_OK) != 0 || g_access (shm, W_OK) == 0);
}

/* Opens the SQLite connection. READ_ONLY connections never write, and
 * leave nothing behind:
 *
 * - In a place that can be written, the connection is a writing one with
 *   PRAGMA query_only: SQLite refuses every write, and the last connection
 *   to close removes the -wal and -shm files, which a connection opened
 *   read-only cannot do (it would leave them behind).
 * - In a place that cannot be written (a read-only file, folder or disk),
 *   no one can be writing the project in WAL mode without a -wal file
 *   there, so with none the file is opened immutable: SQLite takes no
 *   lock and makes no -shm. Had it made one, next to a read-only file it
 *   would be read-only too, and would stop every writer once the file was
 *   writable again. With a -wal there, SQLite reads it read-only. */
static GlossStore *
store_connect (const char  *path,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(GlossStore) self = g_object_new (GLOSS_TYPE_STORE, NULL);
  g_autofree char *target = NULL;
  gboolean writable = project_is_writable (path);
  int flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  self->path = g_strdup (path);
  self->read_only = read_only || !writable;

  if (writable)
    {
      target = g_strdup (path);
      flags |= SQLITE_OPEN_READWRITE;
    }
  else
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, error);

      if (uri == NULL)
        return NULL;
      target = g_strconcat (uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro"
                                                                        : "?immutable=1", NULL);
      flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (target, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return NULL;
    }
  self->open_project = gloss_open_projects_add (path);

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (read_only && writable && !gloss_store_exec (self, "PRAGMA query_only = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
store_configure (GlossStore  *self,
                 GError     **error)
{
  if (self->read_only)
    return gloss_store_exec (self, "PRAGMA foreign_keys = ON", error);

  return gloss_store_exec (self,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     error);
}

/* Copies the project, as it is on disk, to NAME.gloss.bak: byte for byte,
 * with its write-ahead log beside it (which SQLite looks for as
 * NAME.gloss.bak-wal) when there is one. The caller holds the write lock,
 * so no commit changes the two meanwhile. The file is read through
 * SQLite's file layer (see ProjectFile); SQLite takes no lock on the
 * -wal file, so copying that one is safe. */
static gboolean
backup_project (GlossStore  *self,
                GError     **error)
{
  g_auto(ProjectFile) pf = { NULL, };
  g_autofree char *backup_path = g_strconcat (self->path, ".bak", NULL);
  g_autofree char *wal_path = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *backup_wal_path = g_strconcat (backup_path, "-wal", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) wal = g_file_new_for_path (wal_path);
  g_autoptr(GFile) backup_wal = g_file_new_for_path (backup_wal_path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree guchar *buffer = NULL;
  sqlite3_int64 size = 0;
  int rc;

  /* Writing the copy opens what is at its name first: were that a
   * project open here (this one by a link, or another window's), closing
   * it would drop this process's locks on it, and the copy would then
   * replace it. */
  if (gloss_open_projects_find (backup_path, NULL) != GLOSS_OPEN_PROJECT_NONE)
    {
      g_autofree char *display = g_filename_display_name (self->path);
      g_autofree char *backup_display = g_filename_display_name (backup_path);

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("“%s” needs upgrading, and a copy of it goes to “%s” first, but that is a "
                     "project open in Gloss, or a link to one: move it away and try again. The "
                     "project was left unchanged."),
                   display, backup_display);
      return FALSE;
    }

  if (!project_file_open (&pf, self->path, error))
    return FALSE;

  rc = pf.file->pMethods->xFileSize (pf.file, &size);
  if (rc != SQLITE_OK)
    {
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }

  g_unlink (backup_wal_path);
  out = g_file_replace (backup, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;

  buffer = g_malloc (1 << 20);
  for (sqlite3_int64 offset = 0; offset < size; offset += 1 << 20)
    {
      int n = (int) MIN (size - offset, 1 << 20);

      rc = pf.file->pMethods->xRead (pf.file, buffer, n, offset);
      if (rc != SQLITE_OK)
        {
          gloss_store_set_sqlite_error (self, error, rc);
          return FALSE;
        }
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, NULL, error))
        return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;

  if (g_file_query_exists (wal, NULL) &&
      !g_file_copy (wal, backup_wal, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;

  return TRUE;
}

/* Copies the project to NAME.gloss.bak under the write lock, unless it
 * turns out migrated meanwhile: then *VERSION is the current version. */
static gboolean
backup_before_migrating (GlossStore  *self,
                         gint64      *version,
                         GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = gloss_store_transaction_begin (self, error);
  guint32 application_id;

  return tx != NULL &&
         gloss_store_query_header (self, &application_id, version, error) &&
         (*version >= GLOSS_STORE_SCHEMA_VERSION || backup_project (self, error)) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Whether PATH may be opened or made as a project while the projects
 * open here stay safe. SQLite knows a database it has open by its inode,
 * so a second connection through a link is the same project; but it finds
 * the -wal and -shm by name and keeps no list of them. Read as a project,
 * one of them would be opened and closed again, and the open project's
 * locks on its -shm would go with it; and a hard link, another name of
 * the same file, would get a log and index of its own beside the one the
 * open project writes into. */
static gboolean
check_open_name (const char  *path,
                 GError     **error)
{
  g_autofree char *project = NULL;
  g_autofree char *display = NULL;
  g_autofree char *project_display = NULL;
  GlossOpenProjectPart part = gloss_open_projects_find (path, &project);

  if (part == GLOSS_OPEN_PROJECT_FILE)
    {
      g_autofree char *real = realpath (path, NULL);
      g_autofree char *project_real = realpath (project, NULL);

      if (real == NULL || project_real == NULL || g_str_equal (real, project_real))
        return TRUE;
    }
  else if (part == GLOSS_OPEN_PROJECT_NONE)
    {
      return TRUE;
    }

  display = g_filename_display_name (path);
  project_display = g_filename_display_name (project);
  if (part == GLOSS_OPEN_PROJECT_FILE)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                 _("“%s” is another name (a hard link) of the project “%s”, which is open: "
                   "open “%s”, or two logs would be written for one project"),
                 display, project_display, project_display);
  else
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT,
                 _("“%s” is a file SQLite keeps beside the project “%s”, which is open: "
                   "open “%s”"),
                 display, project_display, project_display);
  return FALSE;
}

/* Opens a project that exists. Nothing but SQLite opens the file (see
 * ProjectFile), and nothing is written unless the project needs migrating
 * and the store may write. */
static GlossStore *
store_open (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(GlossStore) self = NULL;
  g_autofree char *display = g_filename_display_name (path);
  guint32 application_id = 0;
  gint64 version = 0;

  if (!check_open_name (path, error))
    return NULL;

  if (!check_header (path, error))
    return NULL;

  self = store_connect (path, read_only, error);
  if (self == NULL || !gloss_store_query_header (self, &application_id, &version, error))
    return NULL;

  /* The same checks as the header's, on what SQLite reads: the project as
   * committed, its log included. */
  if (application_id != GLOSS_STORE_APPLICATION_ID || version <= 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Gloss project. The file was left unchanged."), display);
      return NULL;
    }
  if (version > GLOSS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Gloss (schema %u; this version reads "
                     "up to %u). Update Gloss to open it."),
                   display, (guint) version, GLOSS_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (version < GLOSS_STORE_SCHEMA_VERSION)
    {
      if (self->read_only && project_is_writable (path))
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NEEDS_UPGRADE,
                       _("“%s” was made by an older version of Gloss and needs upgrading: open "
                         "it in Gloss or import into it, then try again. The file was left "
                         "unchanged."),
                       display);
          return NULL;
        }
      if (self->read_only)
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NEEDS_UPGRADE,
                       _("“%s” was made by an older version of Gloss and needs upgrading, "
                         "which cannot happen where it is: it is read-only. Copy it to a "
                         "folder you can write to and open the copy."),
                       display);
          return NULL;
        }

      /* The copy is taken under the write lock, so that it is the project
       * as it was before any migration, this one or another process's. */
      if (!backup_before_migrating (self, &version, error))
        return NULL;
    }

  if (!store_configure (self, error))
    return NULL;

  /* Only an old project takes the write lock while opening: a project
   * another process is writing opens without waiting for it. */
  if (version < GLOSS_STORE_SCHEMA_VERSION && !gloss_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Opens the project at PATH to read and write it. A project that cannot be
 * written (a read-only file, folder or disk) opens read-only:
 * gloss_store_is_read_only () says so, and every change fails with
 * GLOSS_STORE_ERROR_READ_ONLY. */
GlossStore *
gloss_store_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, FALSE, error);
}

/* Opens the project at PATH to read it only: nothing is written, not even
 * a migration (a project of an older schema is refused with
 * GLOSS_STORE_ERROR_NEEDS_UPGRADE), and no file is left beside it. */
GlossStore *
gloss_store_open_read_only (const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_open (path, TRUE, error);
}

/* Another connection to the project SELF has open, for a thread (an
 * import, an export, a search): read-only when SELF is or READ_ONLY says
 * so. The project was checked and migrated when SELF opened it, so nothing
 * is looked at again; only SELF's path is read, which never changes, so
 * any thread may call this. */
GlossStore *
gloss_store_open_connection (GlossStore  *self,
                             gboolean     read_only,
                             GError     **error)
{
  g_autoptr(GlossStore) other = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  other = store_connect (self->path, read_only || self->read_only, error);
  if (other == NULL || !store_configure (other, error))
    return NULL;

  return g_steal_pointer (&other);
}

gboolean
gloss_store_is_read_only (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), TRUE);
  return self->read_only;
}

/* Moves FROM to TO unless TO exists: two processes creating the same
 * project must not replace each other's, which the other may have opened
 * already. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return errno;

  /* A file system without RENAME_NOREPLACE: link () fails on a name that
   * exists, just as well. */
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return 0;
    }
  return errno;
}

/* Writes a whole copy of the project to PATH, which must not exist: the
 * project as committed, through SQLite, under a temporary name first. For
 * a read-only project, a copy that can be changed. */
gboolean
gloss_store_save_copy (GlossStore  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  sqlite3_stmt *stmt;
  int saved_errno;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);

  /* A copy named as the -wal or -shm of a project open here (a read-only
   * one has none) would be taken for that project's log or index. */
  if (gloss_open_projects_find (path, NULL) != GLOSS_OPEN_PROJECT_NONE)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("Could not save a copy as “%s”: that is a project open in Gloss, or a file "
                     "SQLite keeps beside one; choose another name"),
                   display);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s/.%s-%08x", dir, base, g_random_int ());

  stmt = gloss_store_prepare (self, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, temp_path, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not save a copy as “%s”: %s"), display, sqlite3_errmsg (self->db));
      sqlite3_reset (stmt);
      g_unlink (temp_path);
      return FALSE;
    }
  sqlite3_reset (stmt);

  saved_errno = rename_no_replace (temp_path, path);
  if (saved_errno != 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR,
                   saved_errno == EEXIST ? GLOSS_STORE_ERROR_EXISTS : GLOSS_STORE_ERROR_FAILED,
                   _("Could not save a copy as “%s”: %s"), display, g_strerror (saved_errno));
      g_unlink (temp_path);
      return FALSE;
    }

  return TRUE;
}

/* The meta entries of a new project, in one transaction. */
static gboolean
write_new_meta (GlossStore  *self,
                const char  *created,
                const char  *name,
                GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = gloss_store_transaction_begin (self, error);

  return tx != NULL &&
         gloss_store_set_meta (self, "created", created, error) &&
         gloss_store_set_meta (self, "gloss-version", PACKAGE_VERSION, error) &&
         gloss_store_set_meta (self, "name", name, error) &&
         gloss_store_transaction_commit (&tx, error);
}

/* Builds the project under a temporary name and moves it into place only
 * if PATH is still free, so that PATH is either absent or a complete
 * project, whatever happens, and a creator that comes second gets
 * GLOSS_STORE_ERROR_EXISTS (gloss_project_open () then opens what the
 * first one made). INIT runs once the schema is there, with transactions
 * of its own: the file is nobody else's until it is moved. Errors name
 * PATH, not the temporary name. */
GlossStore *
gloss_store_create (const char          *path,
                    GlossStoreInitFunc   init,
                    gpointer             user_data,
                    GError             **error)
{
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *temp_wal = NULL;
  g_autofree char *created = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GlossStore) store = NULL;
  gboolean ok = FALSE;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      return NULL;
    }
  /* A new project named as the -journal of one open here, which has none
   * in WAL mode, would be read as its journal. */
  if (!check_open_name (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not create the folder for “%s”: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }

  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s-XXXXXX", base);
  temp_path = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not create “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  /* Nothing has the new file open but this descriptor. */
  close (fd);
  temp_wal = g_strconcat (temp_path, "-wal", NULL);

  store = store_connect (temp_path, FALSE, error);
  if (store == NULL)
    goto out;
  store->shown_path = g_strdup (path);

  sql = g_strdup_printf ("PRAGMA application_id = %d", GLOSS_STORE_APPLICATION_ID);
  created = gloss_store_now ();
  name = g_str_has_suffix (base, ".gloss") ? g_strndup (base, strlen (base) - strlen (".gloss"))
                                           : g_strdup (base);

  if (!gloss_store_exec (store, sql, error) ||
      !store_configure (store, error) ||
      !gloss_store_migrate (store, error) ||
      !write_new_meta (store, created, name, error) ||
      (init != NULL && !init (store, user_data, error)))
    goto out;

  /* Closing folds the write-ahead log into the file before the move; a
   * log left over would hold commits the file alone lacks. */
  g_clear_object (&store);
  if (g_file_test (temp_wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                   _("Could not create “%s”: its log could not be written into it"), display);
      goto out;
    }

  saved_errno = rename_no_replace (temp_path, path);
  if (saved_errno != 0)
    {
      if (saved_errno == EEXIST)
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS,
                     _("“%s” already exists"), display);
      else
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                     _("Could not create “%s”: %s"), display, g_strerror (saved_errno));
      goto out;
    }
  ok = TRUE;

out:
  g_clear_object (&store);
  if (!ok)
    {
      g_autofree char *shm = g_strconcat (temp_path, "-shm", NULL);

      if (error != NULL && *error == NULL)
        g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED,
                     _("Could not create “%s”"), display);
      g_unlink (temp_path);
      g_unlink (temp_wal);
      g_unlink (shm);
      return NULL;
    }

  return gloss_store_open (path, error);
}
