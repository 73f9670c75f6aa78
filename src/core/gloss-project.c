/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where projects live and what a new one holds: the default project at
 * $XDG_DATA_HOME/gloss/default.gloss starts with the sample article, the
 * "Factions" label set, a few example spans and a relation between two of
 * them, relation labels, a span attribute and a set of document
 * categories, so that a newcomer sees what Gloss does before touching
 * anything. */

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

typedef struct
{
  const char *name;
  const char *color;
  const char *description;
} DefaultRelationLabel;

/* What one actor does to another, or to a project, in the articles the
 * sample stands for. */
static const DefaultRelationLabel relation_labels[] = {
  { N_("opposes"), "#c01c28", N_("Works or speaks against the other") },
  { N_("supports"), "#26a269", N_("Works or speaks for the other") },
  { N_("quotes"), "#1c71d8", N_("Reports what the other said") },
  { N_("part of"), "#5e5c64", N_("Belongs to the other, a larger body") },
};

#define RELATION_PART_OF 3

/* The values of the attribute "Confidence", for every label. */
static const char * const confidence_values[] = { N_("low"), N_("high"), NULL };

typedef struct
{
  const char *name;
  const char *hotkey;
} DefaultCategory;

/* The set "Stance toward the corridor", one choice a document. */
static const DefaultCategory stances[] = {
  { N_("supportive"), "s" },
  { N_("opposed"), "o" },
  { N_("mixed"), "m" },
};

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

/* One relation between the example spans, true to the article: the IRGC
 * is the body it names among the "military and security elites". */
#define EXAMPLE_RELATION_FROM 2
#define EXAMPLE_RELATION_TO 3

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
  g_autoptr(GPtrArray) relation_label_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) span_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GlossAttribute) confidence = NULL;
  g_autoptr(GlossCategorySet) stance = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  GlossRelationLabel *part_of;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) value_array = NULL;
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

  for (guint i = 0; i < G_N_ELEMENTS (relation_labels); i++)
    {
      GlossRelationLabel *label;

      label = gloss_store_add_relation_label (store, _(relation_labels[i].name),
                                              relation_labels[i].color, "",
                                              _(relation_labels[i].description), TRUE, error);
      if (label == NULL)
        goto failed;
      g_ptr_array_add (relation_label_list, label);
    }

  for (guint i = 0; confidence_values[i] != NULL; i++)
    g_strv_builder_add (values, _(confidence_values[i]));
  value_array = g_strv_builder_end (values);
  confidence = gloss_store_add_attribute (store, _("Confidence"), GLOSS_ATTRIBUTE_KIND_CHOICE,
                                          (const char * const *) value_array, NULL, error);
  if (confidence == NULL)
    goto failed;

  stance = gloss_store_add_category_set (store, _("Stance toward the corridor"), FALSE, error);
  if (stance == NULL)
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    {
      g_autoptr(GlossCategory) category = NULL;

      category = gloss_store_add_category (store, gloss_category_set_get_id (stance),
                                           _(stances[i].name), stances[i].hotkey, error);
      if (category == NULL)
        goto failed;
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
      gint64 span_id;
      gsize start;

      g_assert (found != NULL);
      start = gloss_offsets_byte_to_char (text, found - text);
      span = gloss_store_add_span (store, document_id,
                                   gloss_label_get_id (labels->pdata[examples[i].label_index]),
                                   start, start + g_utf8_strlen (examples[i].phrase, -1),
                                   annotator, NULL, error);
      if (span == NULL)
        goto failed;
      span_id = gloss_span_get_id (span);
      g_array_append_val (span_ids, span_id);
    }

  part_of = g_ptr_array_index (relation_label_list, RELATION_PART_OF);
  relation = gloss_store_add_relation (store, document_id, gloss_relation_label_get_id (part_of),
                                       g_array_index (span_ids, gint64, EXAMPLE_RELATION_FROM),
                                       g_array_index (span_ids, gint64, EXAMPLE_RELATION_TO),
                                       annotator, NULL, error);
  if (relation == NULL)
    goto failed;

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
