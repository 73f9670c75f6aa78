/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where projects live and what a new one holds: the default project at
 * $XDG_DATA_HOME/gloss/default.gloss starts with the sample article, the
 * "Factions" label set and a few example spans, so that a newcomer sees what
 * Gloss does before touching anything. */

#define G_LOG_DOMAIN "gloss-project"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-offsets.h"
#include "gloss-project.h"

#define SAMPLE_RESOURCE "/io/github/glossapp/Gloss/core/zangezur-corridor.txt"

typedef struct
{
  const char *name;
  const char *color;
  const char *hotkey;
  const char *description;
} DefaultLabel;

/* Colors from the GNOME palette, distinct in hue and readable as fills in
 * both the light and the dark style. */
static const DefaultLabel factions[] = {
  { N_("Reformist camp"), "#3584e4", "1",
    N_("Actors who favour engagement and normalized relations") },
  { N_("Hardline camp"), "#e01b24", "2",
    N_("Actors who favour confrontation and ideological rigidity") },
  { N_("Security establishment"), "#ff7800", "3",
    N_("Military and security institutions and their leaders") },
  { N_("Foreign government"), "#2ec27e", "4",
    N_("States and governments other than the one in focus") },
  { N_("Analyst / source"), "#9141ac", "5",
    N_("Analysts, experts and outlets quoted as sources") },
};

typedef struct
{
  const char *phrase;
  guint label_index;
} ExampleSpan;

/* Velayati is left for the newcomer to label. */
static const ExampleSpan examples[] = {
  { "Masoud Pezeshkian", 0 },
  { "Ali Khamenei", 1 },
  { "Islamic Revolutionary Guard Corps", 2 },
  /* An outer span around the two above: nesting is visible from the start. */
  { "military and security elites, notably the Islamic Revolutionary Guard Corps (IRGC)", 1 },
  { "IRGC", 2 },
  { "Azerbaijan", 3 },
  { "Ahmad Alili", 4 },
};

char *
gloss_project_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gloss", "default.gloss", NULL);
}

/* The name stored on every span a person makes, until the preferences say
 * otherwise. */
char *
gloss_project_default_annotator (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || real_name[0] == '\0' || g_str_equal (real_name, "Unknown"))
    return g_strdup (g_get_user_name ());

  return g_strdup (real_name);
}

gboolean
gloss_project_seed_sample (GlossStore  *store,
                           gpointer     user_data,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  g_autofree char *annotator = NULL;
  const char *data;
  gsize size;
  gint64 document_id;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);

  if (!gloss_store_begin (store, error))
    return FALSE;

  if (!gloss_store_set_meta (store, "name", _("Default Project"), error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (factions); i++)
    {
      GlossLabel *label = gloss_store_add_label (store, _(factions[i].name), factions[i].color,
                                                 factions[i].hotkey,
                                                 _(factions[i].description), error);
      if (label == NULL)
        goto failed;
      g_ptr_array_add (labels, label);
    }

  document_id = gloss_store_add_document (store, "zangezur-corridor.txt", text,
                                          "zangezur-corridor.txt", error);
  if (document_id == 0)
    goto failed;

  annotator = gloss_project_default_annotator ();
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(GlossSpan) span = NULL;
      const char *found = strstr (text, examples[i].phrase);
      gsize start;

      g_assert (found != NULL);
      start = gloss_offsets_byte_to_char (text, found - text);
      span = gloss_store_add_span (store, document_id,
                                   gloss_label_get_id (labels->pdata[examples[i].label_index]),
                                   start, start + g_utf8_strlen (examples[i].phrase, -1),
                                   annotator, NULL, error);
      if (span == NULL)
        goto failed;
    }

  return gloss_store_commit (store, error);

failed:
  gloss_store_rollback (store);
  return FALSE;
}

/* Creates PATH with INIT, or opens it when it exists: when another
 * process creates it at the same moment, one of the two makes it and both
 * open that one. */
static GlossStore *
open_or_create (const char          *path,
                GlossStoreInitFunc   init,
                GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossStore *store;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return gloss_store_open (path, error);

  store = gloss_store_create (path, init, NULL, &local_error);
  if (store == NULL && g_error_matches (local_error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS))
    return gloss_store_open (path, error);
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return store;
}

/* Opens PATH, creating an empty project there if there is no file. */
GlossStore *
gloss_project_open (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_or_create (path, NULL, error);
}

GlossStore *
gloss_project_open_default (GError **error)
{
  g_autofree char *path = gloss_project_default_path ();

  return open_or_create (path, gloss_project_seed_sample, error);
}
