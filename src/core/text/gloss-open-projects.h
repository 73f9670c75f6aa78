/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The projects SQLite has open in this process, so that nothing else here
 * opens one of their files. POSIX locks belong to the process, and closing
 * any descriptor of a file drops all of the process's locks on it: an
 * import reading the project (or its -shm) as a dataset, or an export
 * replacing it, would take the locks away from under the connection, or
 * the file itself. Stores add their project when they connect; readers and
 * writers ask about a path before they open it. Asking only stat ()s.
 */

typedef struct _GlossOpenProject GlossOpenProject;

typedef enum {
  GLOSS_OPEN_PROJECT_NONE,
  GLOSS_OPEN_PROJECT_FILE,      /* the project file itself */
  GLOSS_OPEN_PROJECT_SIDECAR,   /* its -wal, -shm or -journal */
} GlossOpenProjectPart;

GlossOpenProject     *gloss_open_projects_add    (const char        *path);
void                  gloss_open_projects_remove (GlossOpenProject  *project);
GlossOpenProjectPart  gloss_open_projects_find   (const char        *path,
                                                  char             **project_path);

G_END_DECLS
