/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SQLite's locks on a project, kept whatever else this process opens.
 *
 * SQLite's unix layer locks with POSIX record locks, which belong to the
 * process: closing any descriptor of a file drops every lock the process
 * holds on it. Code that is not ours opens the project and its -shm too
 * (GIO reads the first bytes of a file of unknown type whenever a file
 * chooser lists its folder), and each such close took the window's read
 * locks away; another program then checkpointed and deleted the
 * write-ahead log the window went on writing into, and the spans written
 * after that were lost.
 *
 * Open file description locks are POSIX record locks that belong to the
 * open file instead, and conflict with other programs' POSIX locks as
 * before. SQLite keeps one lock state per file and process, taking and
 * dropping it on whichever of its descriptors of the file is at hand; so
 * that this stays one owner, every lock operation on a file goes to one
 * descriptor of the file kept here (a dup () of the first one locked),
 * closed once SQLite has closed all of its own. The unix layer lets a
 * program replace the system calls it makes, which is how the operations
 * reach this file: fcntl () for the locks, open () and close () to count
 * SQLite's descriptors of each file. */

#define G_LOG_DOMAIN "gloss-file-locks"

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <sqlite3.h>

#include "gloss-file-locks.h"

typedef struct
{
  dev_t dev;
  ino_t ino;
} FileKey;

typedef struct
{
  FileKey key;
  guint n_open;     /* SQLite's descriptors of the file */
  int lock_fd;      /* where its locks are held, or -1 */
} LockedFile;

static GMutex files_lock;
static GHashTable *files;       /* FileKey -> LockedFile */
static GHashTable *descriptors; /* SQLite's descriptor -> LockedFile */

static int (*real_open) (const char *, int, int);
static int (*real_close) (int);

static guint
file_key_hash (gconstpointer data)
{
  const FileKey *key = data;

  return (guint) key->ino ^ ((guint) key->dev * 31u);
}

static gboolean
file_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FileKey *ka = a;
  const FileKey *kb = b;

  return ka->dev == kb->dev && ka->ino == kb->ino;
}

/* Called with files_lock held. */
static LockedFile *
locked_file_for (int fd)
{
  struct stat st;
  LockedFile *file;
  FileKey key;

  file = g_hash_table_lookup (descriptors, GINT_TO_POINTER (fd));
  if (file != NULL)
    return file;

  if (fstat (fd, &st) != 0)
    return NULL;

  key.dev = st.st_dev;
  key.ino = st.st_ino;
  file = g_hash_table_lookup (files, &key);
  if (file == NULL)
    {
      file = g_new0 (LockedFile, 1);
      file->key = key;
      file->lock_fd = -1;
      g_hash_table_insert (files, &file->key, file);
    }

  file->n_open++;
  g_hash_table_insert (descriptors, GINT_TO_POINTER (fd), file);

  return file;
}

static int
locks_open (const char *path,
            int         flags,
            int         mode)
{
  int fd = real_open (path, flags, mode);

  if (fd >= 0)
    {
      g_mutex_lock (&files_lock);
      locked_file_for (fd);
      g_mutex_unlock (&files_lock);
    }

  return fd;
}

static int
locks_close (int fd)
{
  LockedFile *file;
  int lock_fd = -1;

  g_mutex_lock (&files_lock);
  file = g_hash_table_lookup (descriptors, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      g_hash_table_remove (descriptors, GINT_TO_POINTER (fd));
      if (--file->n_open == 0)
        {
          /* SQLite closes its last descriptor of a file only when it
           * holds no lock on it, which with POSIX locks would drop them
           * all: so does closing the lock descriptor. */
          lock_fd = file->lock_fd;
          g_hash_table_remove (files, &file->key);
        }
    }
  g_mutex_unlock (&files_lock);

  if (lock_fd >= 0)
    real_close (lock_fd);

  return real_close (fd);
}

static int
locks_fcntl (int fd,
             int op,
             ...)
{
  va_list args;
  void *arg;
  struct flock *lock;
  int lock_fd = fd;
  int ofd_op;

  va_start (args, op);
  arg = va_arg (args, void *);
  va_end (args);

  switch (op)
    {
    case F_SETLK:
      ofd_op = F_OFD_SETLK;
      break;
    case F_SETLKW:
      ofd_op = F_OFD_SETLKW;
      break;
    case F_GETLK:
      ofd_op = F_OFD_GETLK;
      break;
    default:
      return fcntl (fd, op, arg);
    }

  g_mutex_lock (&files_lock);
  {
    LockedFile *file = locked_file_for (fd);

    if (file != NULL)
      {
        if (file->lock_fd < 0)
          file->lock_fd = fcntl (fd, F_DUPFD_CLOEXEC, 3);
        if (file->lock_fd >= 0)
          lock_fd = file->lock_fd;
      }
  }
  g_mutex_unlock (&files_lock);

  lock = arg;
  lock->l_pid = 0;

  return fcntl (lock_fd, ofd_op, lock);
}

static gpointer
install_once (gpointer data)
{
  sqlite3_vfs *vfs;

  if (sqlite3_initialize () != SQLITE_OK)
    return GINT_TO_POINTER (FALSE);

  vfs = sqlite3_vfs_find ("unix");
  if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL)
    return GINT_TO_POINTER (FALSE);

  files = g_hash_table_new_full (file_key_hash, file_key_equal, NULL, g_free);
  descriptors = g_hash_table_new (NULL, NULL);
  real_open = (int (*) (const char *, int, int)) vfs->xGetSystemCall (vfs, "open");
  real_close = (int (*) (int)) vfs->xGetSystemCall (vfs, "close");
  if (real_open == NULL || real_close == NULL)
    return GINT_TO_POINTER (FALSE);

  if (vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) locks_open) != SQLITE_OK ||
      vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) locks_close) != SQLITE_OK ||
      vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) locks_fcntl) != SQLITE_OK)
    {
      vfs->xSetSystemCall (vfs, NULL, NULL);
      return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

/* Before SQLite opens any file in this process: a file opened before keeps
 * the locks it took. */
gboolean
gloss_file_locks_install (void)
{
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, install_once, NULL));
}
