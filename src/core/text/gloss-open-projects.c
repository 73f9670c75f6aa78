/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gloss-open-projects"

#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "gloss-open-projects.h"

struct _GlossOpenProject
{
  guint refs;       /* the stores connected to it by this path */
  char *path;       /* as the store was given it, for messages */
  char *absolute;   /* without following links */
  char *real;       /* links followed; NULL if that failed */
  gboolean have_id;
  dev_t dev;
  ino_t ino;
};

/* What SQLite keeps beside a database, by the database's name. */
static const char * const sidecars[] = { "-wal", "-shm", "-journal" };

static GMutex lock;
static GPtrArray *projects;   /* GlossOpenProject, of every store connected */

static void
open_project_free (GlossOpenProject *project)
{
  g_free (project->path);
  g_free (project->absolute);
  g_free (project->real);
  g_free (project);
}

/* PATH with every link followed, also when PATH itself does not exist
 * (its folder's real path, then its name); NULL if its folder does not
 * exist either. */
static char *
real_path_of (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *dir_real = NULL;
  g_autofree char *base = NULL;
  char *real = realpath (path, NULL);

  if (real != NULL)
    return real;

  dir = g_path_get_dirname (path);
  dir_real = realpath (dir, NULL);
  if (dir_real == NULL)
    return NULL;

  base = g_path_get_basename (path);
  return g_build_filename (dir_real, base, NULL);
}

/* Adds the project at PATH, which a store has just connected to; the
 * store removes it when it closes. The window's store and its import's
 * and export's connections share one entry, so that each path asked
 * about is compared once with each project. Any thread. */
GlossOpenProject *
gloss_open_projects_add (const char *path)
{
  GlossOpenProject *project = g_new0 (GlossOpenProject, 1);
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  project->refs = 1;
  project->path = g_strdup (path);
  project->absolute = g_canonicalize_filename (path, NULL);
  project->real = realpath (path, NULL);
  /* Its sidecars are looked for beside either name: one will do. */
  if (g_strcmp0 (project->real, project->absolute) == 0)
    g_clear_pointer (&project->real, free);
  if (stat (path, &st) == 0)
    {
      project->have_id = TRUE;
      project->dev = st.st_dev;
      project->ino = st.st_ino;
    }

  g_mutex_lock (&lock);
  if (projects == NULL)
    projects = g_ptr_array_new ();
  for (guint i = 0; i < projects->len; i++)
    {
      GlossOpenProject *other = g_ptr_array_index (projects, i);

      if (other->have_id == project->have_id && other->dev == project->dev &&
          other->ino == project->ino && g_str_equal (other->absolute, project->absolute))
        {
          other->refs++;
          g_mutex_unlock (&lock);
          open_project_free (project);
          return other;
        }
    }
  g_ptr_array_add (projects, project);
  g_mutex_unlock (&lock);

  return project;
}

void
gloss_open_projects_remove (GlossOpenProject *project)
{
  gboolean last;

  if (project == NULL)
    return;

  g_mutex_lock (&lock);
  last = --project->refs == 0;
  if (last)
    g_ptr_array_remove_fast (projects, project);
  g_mutex_unlock (&lock);

  if (last)
    open_project_free (project);
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether the file at PATH (by stat ST and lstat LST, either may be NULL)
 * is PROJECT's file or one of the files SQLite keeps beside it. */
static GlossOpenProjectPart
find_by_id (GlossOpenProject  *project,
            const struct stat *st,
            const struct stat *lst)
{
  if (project->have_id)
    {
      struct stat own = { 0 };

      own.st_dev = project->dev;
      own.st_ino = project->ino;
      if ((st != NULL && same_file (st, &own)) || (lst != NULL && same_file (lst, &own)))
        return GLOSS_OPEN_PROJECT_FILE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      const char *bases[] = { project->absolute, project->real };

      for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
        {
          g_autofree char *sidecar = NULL;
          struct stat own;

          if (bases[b] == NULL)
            continue;
          sidecar = g_strconcat (bases[b], sidecars[i], NULL);
          if (stat (sidecar, &own) == 0 &&
              ((st != NULL && same_file (st, &own)) || (lst != NULL && same_file (lst, &own))))
            return GLOSS_OPEN_PROJECT_SIDECAR;
        }
    }

  return GLOSS_OPEN_PROJECT_NONE;
}

/* Whether a file that does not exist yet, at ABSOLUTE (or REAL, with links
 * followed), would be PROJECT's file or one beside it: where an export
 * would write the -wal before SQLite makes it. */
static GlossOpenProjectPart
find_by_name (GlossOpenProject *project,
              const char       *absolute,
              const char       *real)
{
  const char *bases[] = { project->absolute, project->real };

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      if (bases[b] == NULL)
        continue;
      if (g_str_equal (absolute, bases[b]) || (real != NULL && g_str_equal (real, bases[b])))
        return GLOSS_OPEN_PROJECT_FILE;

      for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
        {
          g_autofree char *sidecar = g_strconcat (bases[b], sidecars[i], NULL);

          if (g_str_equal (absolute, sidecar) || (real != NULL && g_str_equal (real, sidecar)))
            return GLOSS_OPEN_PROJECT_SIDECAR;
        }
    }

  return GLOSS_OPEN_PROJECT_NONE;
}

/**
 * gloss_open_projects_find:
 * @path: a file about to be opened, read or replaced
 * @project_path: (out) (optional): the project's path, as its store was
 *   given it, when @path is one of its files
 *
 * Whether @path is the file of a project open in this process, or one of
 * the files SQLite keeps beside it, by any name (a link, another path to
 * the same folder, a hard link): compared by device and inode, and by
 * name for a file that does not exist yet. Opens nothing. Any thread.
 */
GlossOpenProjectPart
gloss_open_projects_find (const char  *path,
                          char       **project_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *real = NULL;
  GlossOpenProjectPart part = GLOSS_OPEN_PROJECT_NONE;
  struct stat st, lst;
  gboolean have_st, have_lst;

  g_return_val_if_fail (path != NULL, GLOSS_OPEN_PROJECT_NONE);

  if (project_path != NULL)
    *project_path = NULL;

  have_st = stat (path, &st) == 0;
  have_lst = lstat (path, &lst) == 0;
  if (!have_lst)
    {
      absolute = g_canonicalize_filename (path, NULL);
      real = real_path_of (path);
    }

  g_mutex_lock (&lock);
  for (guint i = 0; projects != NULL && i < projects->len && part == GLOSS_OPEN_PROJECT_NONE; i++)
    {
      GlossOpenProject *project = g_ptr_array_index (projects, i);

      /* A file that exists is one of the project's if it is the same
       * file; one that does not can only be one by its name. */
      if (have_lst)
        part = find_by_id (project, have_st ? &st : NULL, &lst);
      else
        part = find_by_name (project, absolute, real);

      if (part != GLOSS_OPEN_PROJECT_NONE && project_path != NULL)
        *project_path = g_strdup (project->path);
    }
  g_mutex_unlock (&lock);

  return part;
}
