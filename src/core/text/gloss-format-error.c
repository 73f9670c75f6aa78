/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The errors of reading outside data; see gloss-format-error.h. */

#define G_LOG_DOMAIN "gloss-format-error"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-format-error.h"
#include "gloss-open-projects.h"

G_DEFINE_QUARK (gloss-format-error-quark, gloss_format_error)

/* Refuses PATH before anything opens it if it is the file of a project
 * open in this process, or one SQLite keeps beside it: a project is not a
 * dataset, and closing a descriptor of it would drop the process's locks
 * on it (see gloss-open-projects.h). Looks with stat () only. */
gboolean
gloss_format_check_not_project (const char  *path,
                                GError     **error)
{
  g_autofree char *project = NULL;
  g_autofree char *display = NULL;
  g_autofree char *project_display = NULL;
  GlossOpenProjectPart part;

  g_return_val_if_fail (path != NULL, FALSE);

  part = gloss_open_projects_find (path, &project);
  if (part == GLOSS_OPEN_PROJECT_NONE)
    return TRUE;

  display = g_filename_display_name (path);
  project_display = g_filename_display_name (project);
  if (part == GLOSS_OPEN_PROJECT_FILE)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT,
                 _("“%s” is the project “%s”, which is open: a project is not read as a "
                   "dataset"),
                 display, project_display);
  else
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT,
                 _("“%s” is a file SQLite keeps beside the project “%s”, which is open: it is "
                   "not read as a dataset"),
                 display, project_display);
  return FALSE;
}
