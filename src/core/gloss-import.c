/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bringing a dataset into a project, all or nothing: one transaction per
 * file. Labels, relation labels, attributes and category sets are matched
 * by name and created when new; a document already in the project (same
 * name, same text) gets the new spans merged, skipping spans it has
 * already, instead of a second copy. A relation or attribute value of a
 * span skipped goes to the span kept. */

#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-format-reader.h"
#include "gloss-import.h"
#include "gloss-text.h"

/* The project's labels while a dataset comes in, found by name, color and
 * hotkey without a search through the list each time: with a search, a
 * file of 20,000 labels took a minute. */
typedef struct
{
  GPtrArray *labels;    /* GlossLabel */
  GHashTable *names;    /* name -> GlossLabel */
  GHashTable *colors;   /* lower-case color -> TRUE */
  GHashTable *hotkeys;  /* hotkey -> TRUE */
  /* For each color of gloss_color_get_palette (), how far (ΔE) the nearest
   * label color is: kept as labels come, so that picking a color for a new
   * one looks at the palette only, not at every label. */
  double *palette_nearest;
} ProjectLabels;

static void
project_labels_add (ProjectLabels *project,
                    GlossLabel    *label)
{
  g_ptr_array_add (project->labels, label);
  g_hash_table_insert (project->names, g_strdup (gloss_label_get_name (label)), label);
  g_hash_table_add (project->hotkeys, g_strdup (gloss_label_get_hotkey (label)));
  if (g_hash_table_add (project->colors, g_ascii_strdown (gloss_label_get_color (label), -1)))
    {
      guint n_colors;
      const char * const *palette = gloss_color_get_palette (&n_colors);
      GlossColor color, candidate;

      if (!gloss_color_parse (gloss_label_get_color (label), &color))
        return;
      for (guint i = 0; i < n_colors; i++)
        {
          gloss_color_parse (palette[i], &candidate);
          project->palette_nearest[i] = MIN (project->palette_nearest[i],
                                             gloss_color_distance (&candidate, &color));
        }
    }
}

/* Takes LABELS. */
static void
project_labels_init (ProjectLabels *project,
                     GPtrArray     *labels)
{
  guint n_colors;

  project->labels = g_ptr_array_new_with_free_func (g_object_unref);
  project->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  project->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  project->hotkeys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gloss_color_get_palette (&n_colors);
  project->palette_nearest = g_new (double, n_colors);
  for (guint i = 0; i < n_colors; i++)
    project->palette_nearest[i] = G_MAXDOUBLE;

  for (guint i = 0; i < labels->len; i++)
    project_labels_add (project, g_object_ref (labels->pdata[i]));
  g_ptr_array_unref (labels);
}

static void
project_labels_clear (ProjectLabels *project)
{
  g_clear_pointer (&project->labels, g_ptr_array_unref);
  g_clear_pointer (&project->names, g_hash_table_unref);
  g_clear_pointer (&project->colors, g_hash_table_unref);
  g_clear_pointer (&project->hotkeys, g_hash_table_unref);
  g_clear_pointer (&project->palette_nearest, g_free);
}

/* The color for a label a format brings without one, as
 * gloss_color_next_distinct () picks it: the first palette color that
 * stands apart from every label's (not merely one no label has exactly:
 * Blue 4 beside Blue 3 reads as the same label), or the farthest one. */
static const char *
pick_color (ProjectLabels *project)
{
  guint n_colors;
  const char * const *palette = gloss_color_get_palette (&n_colors);
  guint best = 0;

  for (guint i = 0; i < n_colors; i++)
    {
      if (project->palette_nearest[i] >= GLOSS_COLOR_DISTINCT_DELTA_E)
        return palette[i];
      if (project->palette_nearest[i] > project->palette_nearest[best])
        best = i;
    }

  return palette[best];
}

/* Where HOTKEY, the key a dataset gives a new one of KIND, goes: to it
 * when no label, relation label or category has it, else nowhere (the
 * first to have it keeps it), counted in REPORT. TAKEN holds the keys the
 * project's ones of KIND have, so that most keys taken are found without
 * asking the store. FALSE on a store error. */
static gboolean
take_key (GlossStore          *store,
          const char          *hotkey,
          GlossStoreKey        kind,
          GHashTable          *taken,
          GlossFormatReport   *report,
          const char         **key,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  *key = "";
  if (hotkey == NULL || hotkey[0] == '\0')
    return TRUE;

  if (!g_hash_table_contains (taken, hotkey) &&
      gloss_store_check_key_free (store, hotkey, kind, 0, &local_error))
    {
      *key = hotkey;
      return TRUE;
    }
  if (local_error != NULL && !g_error_matches (local_error, GLOSS_STORE_ERROR,
                                               GLOSS_STORE_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gloss_format_report_lose (report,
                            "key another label, relation label or category has (left out)",
                            "keys other labels, relation labels or categories have (left out)",
                            1);
  return TRUE;
}

/* The project's label named NAME, created from DATASET_LABEL (or bare) if the
 * project has none. */
static GlossLabel *
ensure_label (GlossStore         *store,
              ProjectLabels      *project,
              const char         *name,
              GlossDatasetLabel  *dataset_label,
              GlossFormatReport  *report,
              GError            **error)
{
  const char *color = NULL;
  const char *hotkey = "";
  GlossLabel *label;

  label = g_hash_table_lookup (project->names, name);
  if (label != NULL)
    return label;

  if (dataset_label != NULL)
    {
      color = dataset_label->color;
      if (!take_key (store, dataset_label->hotkey, GLOSS_STORE_KEY_LABEL, project->hotkeys, report,
                     &hotkey, error))
        return NULL;
    }

  label = gloss_store_add_label (store, name, color ? color : pick_color (project), hotkey,
                                 dataset_label ? dataset_label->description : NULL, error);
  if (label == NULL)
    return NULL;

  project_labels_add (project, label);
  report->labels_created++;

  return label;
}

static char *
span_key (gint64 start,
          gint64 end,
          gint64 label_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          start, end, label_id);
}

static void
gloss_string_free_all (gpointer data)
{
  g_string_free (data, TRUE);
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const GlossDatasetSpan *span_a = *(GlossDatasetSpan **) a;
  const GlossDatasetSpan *span_b = *(GlossDatasetSpan **) b;

  return span_a->start < span_b->start ? -1 : span_a->start > span_b->start;
}

/* How a discontinuous span's further parts lengthen its first part's key,
 * ";START:END" for each in order: a group is the same as another only
 * with every part the same. */
static void
append_part_key (GString *key,
                 gint64   start,
                 gint64   end)
{
  g_string_append_printf (key, ";%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, start, end);
}

/* EXISTING gets the keys of a document's SPANS (reading order, so a
 * first part comes before its parts): a group's key, with its parts, to
 * its first part's id. */
static void
add_existing_spans (GHashTable *existing,
                    GPtrArray  *spans)
{
  /* a first part's id -> its key so far */
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = spans->pdata[i];
      gint64 part_of = gloss_span_get_part_of (span);
      g_autofree char *own = NULL;
      GString *key;

      if (part_of != 0)
        {
          key = g_hash_table_lookup (keys, &part_of);
          if (key != NULL)
            append_part_key (key, gloss_span_get_start (span), gloss_span_get_end (span));
          continue;
        }

      own = span_key (gloss_span_get_start (span), gloss_span_get_end (span),
                      gloss_span_get_label_id (span));
      key = g_string_new (own);
      g_hash_table_insert (keys, g_memdup2 (&(gint64) { gloss_span_get_id (span) }, sizeof (gint64)),
                           key);
      g_ptr_array_add (firsts, span);
    }

  for (guint i = 0; i < firsts->len; i++)
    {
      gint64 id = gloss_span_get_id (firsts->pdata[i]);

      g_hash_table_insert (existing, g_string_free (g_hash_table_lookup (keys, &id), FALSE),
                           g_memdup2 (&id, sizeof id));
    }
}

/* A document's discontinuous spans: each first part -> its further parts'
 * ";START:END", in order. */
static GHashTable *
group_parts (GlossDatasetDocument *document)
{
  GHashTable *parts = g_hash_table_new_full (NULL, NULL, NULL, gloss_string_free_all);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      if (span->part_of != NULL)
        g_ptr_array_add (sorted, span);
    }
  g_ptr_array_sort (sorted, compare_starts);

  for (guint i = 0; i < sorted->len; i++)
    {
      GlossDatasetSpan *part = g_ptr_array_index (sorted, i);
      GString *key = g_hash_table_lookup (parts, part->part_of);

      if (key == NULL)
        {
          key = g_string_new (NULL);
          g_hash_table_insert (parts, part->part_of, key);
        }
      append_part_key (key, part->start, part->end);
    }

  return parts;
}

/* The project's relation labels, attributes and category sets while a
 * dataset comes in, found by name; read from the project the first time a
 * dataset has any, so that thousands of plain texts do not read them once
 * each. */
typedef struct
{
  gboolean loaded;
  GHashTable *relation_labels;   /* name -> GlossRelationLabel */
  GHashTable *relation_label_ids;  /* id -> GlossRelationLabel */
  GHashTable *relation_hotkeys;  /* hotkey -> TRUE */
  GHashTable *attributes;        /* name -> GlossAttribute */
  GHashTable *category_sets;     /* name -> GlossCategorySet */
  GHashTable *categories;        /* "SET-ID:NAME" -> GlossCategory */
  GHashTable *category_ids;      /* category id -> GlossCategory */
  GHashTable *category_hotkeys;  /* hotkey -> TRUE */
} ProjectExtras;

static void
project_extras_clear (ProjectExtras *extras)
{
  g_clear_pointer (&extras->relation_label_ids, g_hash_table_unref);
  g_clear_pointer (&extras->relation_labels, g_hash_table_unref);
  g_clear_pointer (&extras->relation_hotkeys, g_hash_table_unref);
  g_clear_pointer (&extras->attributes, g_hash_table_unref);
  g_clear_pointer (&extras->category_sets, g_hash_table_unref);
  g_clear_pointer (&extras->category_ids, g_hash_table_unref);
  g_clear_pointer (&extras->categories, g_hash_table_unref);
  g_clear_pointer (&extras->category_hotkeys, g_hash_table_unref);
  extras->loaded = FALSE;
}

static char *
category_key (gint64      set_id,
              const char *name)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", set_id, name);
}

static void
project_extras_add_relation_label (ProjectExtras      *extras,
                                   GlossRelationLabel *label)
{
  g_hash_table_insert (extras->relation_labels, g_strdup (gloss_relation_label_get_name (label)),
                       label);
  g_hash_table_insert (extras->relation_label_ids,
                       g_memdup2 (&(gint64) { gloss_relation_label_get_id (label) },
                                  sizeof (gint64)),
                       label);
  g_hash_table_add (extras->relation_hotkeys, g_strdup (gloss_relation_label_get_hotkey (label)));
}

static void
project_extras_add_category (ProjectExtras *extras,
                             GlossCategory *category)
{
  g_hash_table_insert (extras->categories,
                       category_key (gloss_category_get_set_id (category),
                                     gloss_category_get_name (category)),
                       category);
  g_hash_table_insert (extras->category_ids,
                       g_memdup2 (&(gint64) { gloss_category_get_id (category) }, sizeof (gint64)),
                       category);
  g_hash_table_add (extras->category_hotkeys, g_strdup (gloss_category_get_hotkey (category)));
}

static gboolean
project_extras_load (GlossStore     *store,
                     ProjectExtras  *extras,
                     GError        **error)
{
  g_autoptr(GPtrArray) relation_labels = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) sets = NULL;

  if (extras->loaded)
    return TRUE;

  extras->relation_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   g_object_unref);
  extras->relation_label_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  extras->relation_hotkeys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  extras->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  extras->category_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  extras->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  extras->category_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  extras->category_hotkeys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  extras->loaded = TRUE;

  relation_labels = gloss_store_list_relation_labels (store, error);
  attributes = relation_labels ? gloss_store_list_attributes (store, error) : NULL;
  sets = attributes ? gloss_store_list_category_sets (store, error) : NULL;
  if (sets == NULL)
    return FALSE;

  for (guint i = 0; i < relation_labels->len; i++)
    project_extras_add_relation_label (extras, g_object_ref (relation_labels->pdata[i]));
  for (guint i = 0; i < attributes->len; i++)
    g_hash_table_insert (extras->attributes,
                         g_strdup (gloss_attribute_get_name (attributes->pdata[i])),
                         g_object_ref (attributes->pdata[i]));
  for (guint i = 0; i < sets->len; i++)
    {
      GlossCategorySet *set = g_ptr_array_index (sets, i);
      g_autoptr(GPtrArray) categories = NULL;

      categories = gloss_store_list_categories (store, gloss_category_set_get_id (set), error);
      if (categories == NULL)
        return FALSE;
      g_hash_table_insert (extras->category_sets, g_strdup (gloss_category_set_get_name (set)),
                           g_object_ref (set));
      for (guint j = 0; j < categories->len; j++)
        project_extras_add_category (extras, g_object_ref (categories->pdata[j]));
    }

  return TRUE;
}

static gboolean
has_extras (GlossDataset *dataset)
{
  if (dataset->relation_labels->len > 0 || dataset->attributes->len > 0 ||
      dataset->category_sets->len > 0)
    return TRUE;

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      if (document->relations->len > 0 || document->categories->len > 0)
        return TRUE;
      for (guint j = 0; j < document->spans->len; j++)
        if (((GlossDatasetSpan *) document->spans->pdata[j])->attributes->len > 0)
          return TRUE;
    }

  return FALSE;
}

/* The project's relation label named NAME, created from DATASET_LABEL (or
 * bare) if it has none. */
/* Whether HOTKEY is a key the project takes for a relation label or a
 * category: one letter or digit. Another format's "Ctrl+1" is left out
 * rather than refusing the file. */
static gboolean
is_hotkey (const char *hotkey)
{
  return hotkey != NULL && g_ascii_isalnum (hotkey[0]) && hotkey[1] == '\0';
}

/* The project's relation label named NAME, created from DATASET_LABEL (or
 * bare) if it has none. The project keeps names trimmed, as a span
 * label's. */
static GlossRelationLabel *
ensure_relation_label (GlossStore                 *store,
                       ProjectExtras              *extras,
                       const char                 *name,
                       GlossDatasetRelationLabel  *dataset_label,
                       GlossFormatReport          *report,
                       GError                    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  GlossRelationLabel *label = g_hash_table_lookup (extras->relation_labels, trimmed);
  const char *hotkey = "";

  if (label != NULL)
    return label;

  if (dataset_label != NULL && is_hotkey (dataset_label->hotkey) &&
      !take_key (store, dataset_label->hotkey, GLOSS_STORE_KEY_RELATION_LABEL,
                 extras->relation_hotkeys, report, &hotkey, error))
    return NULL;

  /* Without a color the project picks one. */
  label = gloss_store_add_relation_label (store, trimmed,
                                          dataset_label ? dataset_label->color : NULL, hotkey,
                                          dataset_label ? dataset_label->description : "",
                                          dataset_label ? dataset_label->directed : TRUE, error);
  if (label == NULL)
    return NULL;

  project_extras_add_relation_label (extras, label);
  return label;
}

/* The project's attribute named as DATASET_ATTRIBUTE, created if it has
 * none; one it has gains the choices it lacks. */
static GlossAttribute *
ensure_attribute (GlossStore             *store,
                  ProjectLabels          *labels,
                  ProjectExtras          *extras,
                  GlossDataset           *dataset,
                  GlossDatasetAttribute  *dataset_attribute,
                  GlossFormatReport      *report,
                  GError                **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (dataset_attribute->name));
  GlossAttribute *attribute = g_hash_table_lookup (extras->attributes, trimmed);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) value_array = NULL;
  gboolean changed = FALSE;

  if (attribute != NULL)
    {
      if (gloss_attribute_get_kind (attribute) != GLOSS_ATTRIBUTE_KIND_CHOICE ||
          dataset_attribute->kind != GLOSS_ATTRIBUTE_KIND_CHOICE)
        return attribute;

      for (guint i = 0; gloss_attribute_get_values (attribute)[i] != NULL; i++)
        g_strv_builder_add (values, gloss_attribute_get_values (attribute)[i]);
      for (guint i = 0; i < dataset_attribute->values->len; i++)
        if (!gloss_attribute_has_value (attribute, dataset_attribute->values->pdata[i]))
          {
            g_strv_builder_add (values, dataset_attribute->values->pdata[i]);
            changed = TRUE;
          }
      if (!changed)
        return attribute;

      value_array = g_strv_builder_end (values);
      attribute = gloss_store_update_attribute (store, gloss_attribute_get_id (attribute),
                                                gloss_attribute_get_name (attribute),
                                                gloss_attribute_get_kind (attribute),
                                                (const char * const *) value_array,
                                                (GArray *) gloss_attribute_get_label_ids (attribute),
                                                error);
    }
  else
    {
      g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < dataset_attribute->labels->len; i++)
        {
          const char *name = dataset_attribute->labels->pdata[i];
          GlossLabel *label = ensure_label (store, labels, name,
                                            gloss_dataset_find_label (dataset, name), report,
                                            error);
          gint64 id;

          if (label == NULL)
            return NULL;
          id = gloss_label_get_id (label);
          g_array_append_val (label_ids, id);
        }
      for (guint i = 0; i < dataset_attribute->values->len; i++)
        g_strv_builder_add (values, dataset_attribute->values->pdata[i]);
      value_array = g_strv_builder_end (values);
      attribute = gloss_store_add_attribute (store, trimmed,
                                             dataset_attribute->kind,
                                             (const char * const *) value_array, label_ids, error);
    }

  if (attribute == NULL)
    return NULL;
  /* Found by the name as the dataset spells it too. */
  if (!g_str_equal (trimmed, dataset_attribute->name))
    g_hash_table_insert (extras->attributes, g_strdup (dataset_attribute->name),
                         g_object_ref (attribute));
  g_hash_table_insert (extras->attributes, g_strdup (gloss_attribute_get_name (attribute)),
                       attribute);
  return attribute;
}

static GlossCategorySet *
ensure_category_set (GlossStore               *store,
                     ProjectExtras            *extras,
                     const char               *name,
                     GlossDatasetCategorySet  *dataset_set,
                     GError                  **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  GlossCategorySet *set = g_hash_table_lookup (extras->category_sets, trimmed);

  if (set != NULL)
    return set;

  set = gloss_store_add_category_set (store, trimmed,
                                      dataset_set ? dataset_set->multiple : FALSE, error);
  if (set == NULL)
    return NULL;
  g_hash_table_insert (extras->category_sets, g_strdup (gloss_category_set_get_name (set)), set);
  return set;
}

static GlossCategory *
ensure_category (GlossStore         *store,
                 ProjectExtras      *extras,
                 GlossCategorySet   *set,
                 const char         *name,
                 const char         *hotkey,
                 GlossFormatReport  *report,
                 GError            **error)
{
  gint64 set_id = gloss_category_set_get_id (set);
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *key = category_key (set_id, trimmed);
  GlossCategory *category = g_hash_table_lookup (extras->categories, key);

  if (category != NULL)
    return category;

  if (!is_hotkey (hotkey))
    hotkey = "";
  else if (!take_key (store, hotkey, GLOSS_STORE_KEY_CATEGORY, extras->category_hotkeys, report,
                      &hotkey, error))
    return NULL;
  category = gloss_store_add_category (store, set_id, trimmed, hotkey, error);
  if (category == NULL)
    return NULL;
  project_extras_add_category (extras, category);
  return category;
}

/* The dataset's relation labels, attributes and category sets, in its
 * order, so that those no document uses come along too. */
static gboolean
import_definitions (GlossStore         *store,
                    GlossDataset       *dataset,
                    ProjectLabels      *labels,
                    ProjectExtras      *extras,
                    GlossFormatReport  *report,
                    GError            **error)
{
  for (guint i = 0; i < dataset->relation_labels->len; i++)
    {
      GlossDatasetRelationLabel *label = g_ptr_array_index (dataset->relation_labels, i);

      if (ensure_relation_label (store, extras, label->name, label, report, error) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < dataset->attributes->len; i++)
    if (ensure_attribute (store, labels, extras, dataset, dataset->attributes->pdata[i], report,
                          error) == NULL)
      return FALSE;

  for (guint i = 0; i < dataset->category_sets->len; i++)
    {
      GlossDatasetCategorySet *dataset_set = g_ptr_array_index (dataset->category_sets, i);
      GlossCategorySet *set = ensure_category_set (store, extras, dataset_set->name, dataset_set,
                                                   error);

      if (set == NULL)
        return FALSE;
      for (guint j = 0; j < dataset_set->values->len; j++)
        {
          GlossDatasetCategoryValue *value = g_ptr_array_index (dataset_set->values, j);

          if (ensure_category (store, extras, set, value->name, value->hotkey, report,
                               error) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* The attribute values of SPAN (now the project's span SPAN_ID, of the
 * label LABEL_ID): a value the span has already is kept. EXISTING maps
 * "SPAN-ID:ATTRIBUTE-ID" to the value, of the values the document has. */
static gboolean
import_span_attributes (GlossStore         *store,
                        ProjectExtras      *extras,
                        GlossDatasetSpan   *span,
                        gint64              span_id,
                        gint64              label_id,
                        GHashTable         *existing,
                        GlossFormatReport  *report,
                        GError            **error)
{
  for (guint i = 0; i < span->attributes->len; i++)
    {
      GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (value->name));
      GlossAttribute *attribute = g_hash_table_lookup (extras->attributes, trimmed);
      g_autofree char *key = NULL;
      const char *had;

      if (attribute == NULL)
        {
          /* A reader that met a value before any definition: a text
           * attribute holds any value. */
          GlossDatasetAttribute bare = { value->name, GLOSS_ATTRIBUTE_KIND_TEXT, NULL, NULL };
          g_autoptr(GPtrArray) none = g_ptr_array_new ();

          bare.labels = none;
          bare.values = none;
          attribute = ensure_attribute (store, NULL, extras, NULL, &bare, report, error);
          if (attribute == NULL)
            return FALSE;
        }

      if (!gloss_attribute_applies_to (attribute, label_id))
        {
          gloss_format_report_lose (report,
                                    "attribute value on a label the project’s attribute is not "
                                    "for (left out)",
                                    "attribute values on labels the project’s attribute is not "
                                    "for (left out)", 1);
          continue;
        }
      if ((gloss_attribute_get_kind (attribute) == GLOSS_ATTRIBUTE_KIND_CHOICE &&
           !gloss_attribute_has_value (attribute, value->value)) ||
          (gloss_attribute_get_kind (attribute) == GLOSS_ATTRIBUTE_KIND_FLAG &&
           !g_str_equal (value->value, "true")))
        {
          gloss_format_report_lose (report,
                                    "attribute value the project’s attribute does not take "
                                    "(left out)",
                                    "attribute values the project’s attribute does not take "
                                    "(left out)", 1);
          continue;
        }

      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, span_id,
                             gloss_attribute_get_id (attribute));
      had = g_hash_table_lookup (existing, key);
      if (had != NULL)
        {
          if (!g_str_equal (had, value->value))
            gloss_format_report_lose (report,
                                      "attribute value of a span that had another (the "
                                      "project’s kept)",
                                      "attribute values of spans that had another (the "
                                      "project’s kept)", 1);
          continue;
        }

      if (!gloss_store_set_span_attribute (store, span_id, gloss_attribute_get_id (attribute),
                                           value->value, error))
        return FALSE;
      g_hash_table_insert (existing, g_steal_pointer (&key), g_strdup (value->value));
    }

  return TRUE;
}

/* What tells a relation from the others of its document: its label and
 * spans, either way round for a symmetric label. LABEL NULL: directed. */
static char *
relation_key (GlossRelationLabel *label,
              gint64              label_id,
              gint64              from_id,
              gint64              to_id)
{
  gboolean directed = label == NULL || gloss_relation_label_get_directed (label);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          label_id, directed ? from_id : MIN (from_id, to_id),
                          directed ? to_id : MAX (from_id, to_id));
}

/* DOCUMENT's relations and categories, and its spans' attribute values,
 * into the project's document DOCUMENT_ID. SPAN_IDS maps each of the
 * document's spans to the project's span it became: the one kept when it
 * was a duplicate, so that its relations follow it. */
static gboolean
import_document_extras (GlossStore            *store,
                        GlossDataset          *dataset,
                        GlossDatasetDocument  *document,
                        gint64                 document_id,
                        gboolean               merged,
                        GHashTable            *span_ids,
                        GHashTable            *span_labels,
                        ProjectExtras         *extras,
                        GlossFormatReport     *report,
                        GError               **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) chosen_sets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                             NULL);

  if (merged)
    {
      g_autoptr(GPtrArray) had_values = NULL;
      g_autoptr(GPtrArray) had_relations = NULL;
      g_autoptr(GPtrArray) had_categories = NULL;

      had_values = gloss_store_list_document_attribute_values (store, document_id, error);
      had_relations = had_values ? gloss_store_list_relations (store, document_id, error) : NULL;
      had_categories = had_relations ? gloss_store_list_document_categories (store, document_id,
                                                                             error)
                                     : NULL;
      if (had_categories == NULL)
        return FALSE;

      for (guint i = 0; i < had_values->len; i++)
        {
          GlossAttributeValue *value = g_ptr_array_index (had_values, i);

          g_hash_table_insert (values,
                               g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                gloss_attribute_value_get_span_id (value),
                                                gloss_attribute_value_get_attribute_id (value)),
                               g_strdup (gloss_attribute_value_get_value (value)));
        }
      for (guint i = 0; i < had_relations->len; i++)
        {
          GlossRelation *relation = g_ptr_array_index (had_relations, i);

          gint64 label_id = gloss_relation_get_label_id (relation);

          g_hash_table_add (relations,
                            relation_key (g_hash_table_lookup (extras->relation_label_ids,
                                                               &label_id),
                                          label_id, gloss_relation_get_from_id (relation),
                                          gloss_relation_get_to_id (relation)));
        }
      for (guint i = 0; i < had_categories->len; i++)
        {
          gint64 category_id = gloss_document_category_get_category_id (had_categories->pdata[i]);

          GlossCategory *category = g_hash_table_lookup (extras->category_ids, &category_id);
          gint64 set_id;

          g_hash_table_add (chosen, g_memdup2 (&category_id, sizeof category_id));
          if (category == NULL)
            continue;
          set_id = gloss_category_get_set_id (category);
          g_hash_table_add (chosen_sets, g_memdup2 (&set_id, sizeof set_id));
        }
    }

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);
      gint64 *span_id = g_hash_table_lookup (span_ids, span);
      gint64 *label_id = g_hash_table_lookup (span_labels, span);

      if (span->attributes->len > 0 &&
          !import_span_attributes (store, extras, span, *span_id, *label_id, values, report,
                                   error))
        return FALSE;
    }

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *dataset_relation = g_ptr_array_index (document->relations, i);
      g_autoptr(GlossRelation) relation = NULL;
      GlossRelationLabel *label;
      gint64 *from_id = g_hash_table_lookup (span_ids, dataset_relation->from);
      gint64 *to_id = g_hash_table_lookup (span_ids, dataset_relation->to);
      char *key;

      /* gloss_dataset_document_prune_relations () leaves none such. */
      if (from_id == NULL || to_id == NULL)
        continue;

      label = ensure_relation_label (store, extras, dataset_relation->type,
                                     gloss_dataset_find_relation_label (dataset,
                                                                        dataset_relation->type),
                                     report, error);
      if (label == NULL)
        return FALSE;

      /* Two spans that were the same: the relation would join a span to
       * itself. */
      if (*from_id == *to_id)
        {
          gloss_format_report_lose (report,
                                    "relation between two copies of one span (left out)",
                                    "relations between two copies of one span (left out)", 1);
          continue;
        }

      /* The project has each relation once. */
      key = relation_key (label, gloss_relation_label_get_id (label), *from_id, *to_id);
      if (!g_hash_table_add (relations, key))
        continue;

      relation = gloss_store_add_relation (store, document_id, gloss_relation_label_get_id (label),
                                           *from_id, *to_id, dataset_relation->annotator,
                                           dataset_relation->note, error);
      if (relation == NULL)
        return FALSE;
    }

  for (guint i = 0; i < document->categories->len; i++)
    {
      GlossDatasetCategory *dataset_category = g_ptr_array_index (document->categories, i);
      GlossDatasetCategorySet *dataset_set;
      GlossCategorySet *set;
      GlossCategory *category;
      gint64 set_id, category_id;
      gboolean taken;

      dataset_set = gloss_dataset_find_category_set (dataset, dataset_category->set);
      set = ensure_category_set (store, extras, dataset_category->set, dataset_set, error);
      category = set ? ensure_category (store, extras, set, dataset_category->value, NULL,
                                        report, error)
                     : NULL;
      if (category == NULL)
        return FALSE;

      set_id = gloss_category_set_get_id (set);
      category_id = gloss_category_get_id (category);
      if (g_hash_table_contains (chosen, &category_id))
        continue;

      /* A single-choice set the document has a choice in already (the
       * project's, or an earlier one of the file's): that one stays. */
      taken = !gloss_category_set_get_multiple (set) && g_hash_table_contains (chosen_sets, &set_id);
      if (taken)
        {
          gloss_format_report_lose (report,
                                    "document category in a set that takes one, where the "
                                    "document had one (the project’s kept)",
                                    "document categories in sets that take one, where the "
                                    "document had one (the project’s kept)", 1);
          continue;
        }

      if (!gloss_store_set_document_category (store, document_id, category_id, TRUE, error))
        return FALSE;
      g_hash_table_add (chosen, g_memdup2 (&category_id, sizeof category_id));
      g_hash_table_add (chosen_sets, g_memdup2 (&set_id, sizeof set_id));
    }

  return TRUE;
}

static gboolean
import_document (GlossStore            *store,
                 GlossDataset          *dataset,
                 GlossDatasetDocument  *document,
                 ProjectLabels         *labels,
                 ProjectExtras         *extras,
                 GlossFormatReport     *report,
                 GError               **error)
{
  /* span key -> the project's span id */
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* GlossDatasetSpan -> the project's span id, and its label id: only when
   * relations or attribute values need them */
  g_autoptr(GHashTable) span_ids = NULL;
  g_autoptr(GHashTable) span_labels = NULL;
  /* a first part of the dataset -> its parts' offsets, as in its key */
  g_autoptr(GHashTable) parts = NULL;
  /* a first part of the dataset -> the project's id of it, added or kept */
  g_autoptr(GHashTable) group_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) merged_groups = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gboolean merged = FALSE;
  gint64 document_id;

  document_id = gloss_store_find_document (store, document->name, document->text, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  if (document_id != 0)
    {
      g_autoptr(GPtrArray) spans = gloss_store_list_spans (store, document_id, error);

      if (spans == NULL)
        return FALSE;
      add_existing_spans (existing, spans);
      report->documents_merged++;
      merged = TRUE;
    }
  else
    {
      document_id = gloss_store_add_document (store, document->name, document->text, NULL, error);
      if (document_id == 0)
        return FALSE;
    }

  if (extras->loaded)
    {
      span_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      span_labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
    }

  parts = group_parts (document);

  /* The spans, then the further parts of discontinuous ones, which name
   * their first part's id. */
  for (guint i = 0; i < document->spans->len * 2; i++)
    {
      gboolean parts_pass = i >= document->spans->len;
      GlossDatasetSpan *dataset_span = g_ptr_array_index (document->spans,
                                                          i % document->spans->len);
      g_autoptr(GlossSpan) span = NULL;
      g_autofree char *key = NULL;
      GlossLabel *label;
      GString *suffix;
      gint64 *kept;
      gint64 *first_id = NULL;
      gint64 label_id;

      if ((dataset_span->part_of != NULL) != parts_pass)
        continue;

      if (parts_pass)
        {
          /* A part of a group merged into the project's copy is that copy's. */
          first_id = g_hash_table_lookup (group_ids, dataset_span->part_of);
          kept = g_hash_table_lookup (merged_groups, dataset_span->part_of);
          if (kept != NULL)
            {
              if (span_ids != NULL)
                {
                  g_hash_table_insert (span_ids, dataset_span, g_memdup2 (kept, sizeof *kept));
                  g_hash_table_insert (span_labels, dataset_span,
                                       g_memdup2 (g_hash_table_lookup (span_labels,
                                                                       dataset_span->part_of),
                                                  sizeof (gint64)));
                }
              continue;
            }
        }

      label = ensure_label (store, labels, dataset_span->label,
                            gloss_dataset_find_label (dataset, dataset_span->label), report, error);
      if (label == NULL)
        return FALSE;
      label_id = gloss_label_get_id (label);

      key = span_key (dataset_span->start, dataset_span->end, label_id);
      suffix = g_hash_table_lookup (parts, dataset_span);
      if (suffix != NULL)
        {
          char *group_key = g_strconcat (key, suffix->str, NULL);

          g_free (key);
          key = group_key;
        }
      kept = parts_pass ? NULL : g_hash_table_lookup (existing, key);
      if (kept != NULL && suffix != NULL)
        g_hash_table_insert (merged_groups, dataset_span, g_memdup2 (kept, sizeof *kept));
      if (kept != NULL)
        {
          /* Its relations and attribute values go to the span kept. */
          report->spans_skipped_duplicate++;
          if (span_ids != NULL)
            {
              g_hash_table_insert (span_ids, dataset_span, g_memdup2 (kept, sizeof *kept));
              g_hash_table_insert (span_labels, dataset_span,
                                   g_memdup2 (&label_id, sizeof label_id));
            }
          continue;
        }

      span = first_id != NULL
             ? gloss_store_add_span_part (store, *first_id, dataset_span->start,
                                          dataset_span->end, error)
             : gloss_store_add_span (store, document_id, label_id, dataset_span->start,
                                     dataset_span->end, dataset_span->annotator,
                                     dataset_span->note, error);
      if (span == NULL)
        return FALSE;
      report->spans++;

      if (suffix != NULL)
        g_hash_table_insert (group_ids, dataset_span,
                             g_memdup2 (&(gint64) { gloss_span_get_id (span) }, sizeof (gint64)));
      if (!parts_pass)
        g_hash_table_insert (existing, g_steal_pointer (&key),
                             g_memdup2 (&(gint64) { gloss_span_get_id (span) }, sizeof (gint64)));
      if (span_ids != NULL)
        {
          g_hash_table_insert (span_ids, dataset_span,
                               g_memdup2 (&(gint64) { gloss_span_get_id (span) },
                                          sizeof (gint64)));
          g_hash_table_insert (span_labels, dataset_span, g_memdup2 (&label_id, sizeof label_id));
        }
    }

  if (span_ids != NULL &&
      !import_document_extras (store, dataset, document, document_id, merged, span_ids,
                               span_labels, extras, report, error))
    return FALSE;

  /* After the spans: the first span makes a document "in progress". */
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW &&
      !gloss_store_set_document_status (store, document_id, document->status, error))
    return FALSE;

  report->documents++;
  return TRUE;
}

static gboolean
needs_labels (GlossDataset *dataset)
{
  if (dataset->labels->len > 0)
    return TRUE;

  for (guint i = 0; i < dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (dataset->documents, i);

      if (document->spans->len > 0)
        return TRUE;
    }

  return FALSE;
}

/* Adds DATASET to STORE in one transaction; on error nothing of it stays. */
gboolean
gloss_import_dataset (GlossStore         *store,
                      GlossDataset       *dataset,
                      GlossFormatReport  *report,
                      GError            **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  ProjectLabels project = { 0 };
  ProjectExtras extras = { 0 };

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!gloss_store_begin (store, error))
    return FALSE;

  /* Plain texts bring no label: no need to read the project's, once for
   * each of thousands of files. */
  if (needs_labels (dataset))
    labels = gloss_store_list_labels (store, error);
  else
    labels = g_ptr_array_new_with_free_func (g_object_unref);
  if (labels == NULL)
    goto failed;
  project_labels_init (&project, g_steal_pointer (&labels));

  /* The dataset's label set first, in its order, so that labels without
   * spans come along too. */
  for (guint i = 0; i < dataset->labels->len; i++)
    {
      GlossDatasetLabel *dataset_label = g_ptr_array_index (dataset->labels, i);

      if (ensure_label (store, &project, dataset_label->name, dataset_label, report, error) == NULL)
        goto failed;
    }

  /* Relations, attributes and categories in the same transaction as the
   * spans: a file whose relations fail leaves no span behind either. */
  if (has_extras (dataset) &&
      (!project_extras_load (store, &extras, error) ||
       !import_definitions (store, dataset, &project, &extras, report, error)))
    goto failed;

  for (guint i = 0; i < dataset->documents->len; i++)
    if (!import_document (store, dataset, g_ptr_array_index (dataset->documents, i), &project,
                          &extras, report, error))
      goto failed;

  project_extras_clear (&extras);
  project_labels_clear (&project);
  return gloss_store_commit (store, error);

failed:
  project_extras_clear (&extras);
  project_labels_clear (&project);
  gloss_store_rollback (store);
  return FALSE;
}

/* A file read, not yet imported: its dataset, or why it could not be read. */
typedef struct
{
  GlossDataset *dataset;
  GlossFormatReport *read_report;
  GError *error;
  gsize bytes;   /* the text it holds, while it waits to be imported */
} ReadFile;

static void
read_file_free (ReadFile *file)
{
  g_clear_pointer (&file->dataset, gloss_dataset_free);
  g_clear_pointer (&file->read_report, gloss_format_report_free);
  g_clear_error (&file->error);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadFile, read_file_free)

/* The most bytes of a file without a local path that its format is told
 * from, as gloss_format_detect () reads of a local one. */
#define SNIFF_BYTES 8192

/* A plain text, HTML or Markdown file's CONTENTS as a dataset of one
 * document named NAME, as the text format reads a local file. */
static GlossDataset *
read_text_data (const char         *name,
                const char         *contents,
                gsize               length,
                GlossFormatReport  *report,
                GError            **error)
{
  static const char * const html[] = { ".html", ".htm", ".xhtml", NULL };
  static const char * const markdown[] = { ".md", ".markdown", NULL };
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autofree char *display = g_filename_display_basename (name);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *text = NULL;

  text = gloss_text_decode ((const guint8 *) contents, length, display, error);
  if (text == NULL)
    return NULL;

  for (guint i = 0; html[i] != NULL; i++)
    if (g_str_has_suffix (lower, html[i]))
      {
        char *converted = gloss_text_from_html (text);

        g_free (text);
        text = converted;
        break;
      }
  for (guint i = 0; markdown[i] != NULL; i++)
    if (g_str_has_suffix (lower, markdown[i]))
      {
        char *converted = gloss_text_from_markdown (text);

        g_free (text);
        text = converted;
        break;
      }

  gloss_dataset_add_document (dataset, display, text);
  report->documents++;
  return g_steal_pointer (&dataset);
}

/* The format of a file without a local path, named NAME, holding
 * CONTENTS: a text file by its name, else what its start shows, else
 * what its name says. */
static const GlossFormat *
guess_data_format (const char  *name,
                   const char  *contents,
                   gsize        length,
                   GError     **error)
{
  static const char * const texts[] = { ".txt", ".md", ".markdown", ".html", ".htm", ".xhtml",
                                        NULL };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *display = NULL;
  const GlossFormat *format;

  for (guint i = 0; texts[i] != NULL; i++)
    if (g_str_has_suffix (lower, texts[i]))
      return &gloss_format_text;

  format = gloss_format_sniff (contents, MIN (length, SNIFF_BYTES));
  if (format != NULL)
    return format;

  /* No folder can be named here: the name has no local path. */
  if (strrchr (lower, '.') != NULL && (format = gloss_format_guess (name, NULL)) != NULL)
    return format;

  display = g_filename_display_basename (name);
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
               _("Cannot tell the format of “%s” from its content or its name"), display);
  return NULL;
}

/* Reads FILE, which has no local path (a remote location, a document
 * portal without its file system), through GIO into memory, then through
 * the readers' in-memory entry points. URI names it in results, as
 * g_file_get_parse_name () gives it; its display name names it in
 * messages and names its document. */
static ReadFile *
read_file_without_path (const GlossFormat *format,
                        GFile             *remote,
                        const char        *uri,
                        GCancellable      *cancellable)
{
  ReadFile *file = g_new0 (ReadFile, 1);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  file->read_report = gloss_format_report_new ();

  info = g_file_query_info (remote, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    name = g_strdup (g_file_info_get_display_name (info));
  else
    name = g_path_get_basename (uri);

  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      /* A folder's files would each have to be listed and read through
       * GIO, brat's pairs matched, links judged without realpath (): the
       * folder is named rather than half read. */
      g_set_error (&file->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                   _("Cannot import the folder “%s”: it is not on this computer’s file system"),
                   uri);
      return file;
    }

  if (info == NULL ||
      !g_file_load_contents (remote, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (&file->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not read “%s”: %s"), uri, local_error->message);
      return file;
    }

  if (format == NULL &&
      (format = guess_data_format (name, contents, length, &file->error)) == NULL)
    return file;

  if (format == &gloss_format_text)
    file->dataset = read_text_data (name, contents, length, file->read_report, &file->error);
  else if (format == &gloss_format_gloss)
    file->dataset = gloss_format_gloss_read_data (name, contents, length, file->read_report,
                                                  &file->error);
  else if (format == &gloss_format_doccano)
    file->dataset = gloss_format_doccano_read_data (name, contents, length, file->read_report,
                                                    &file->error);
  else if (format == &gloss_format_spacy)
    file->dataset = gloss_format_spacy_read_data (name, contents, length, file->read_report,
                                                  &file->error);
  else if (format == &gloss_format_labelstudio)
    file->dataset = gloss_format_labelstudio_read_data (name, contents, length,
                                                        file->read_report, &file->error);
  else if (format == &gloss_format_conll)
    file->dataset = gloss_format_conll_read_data (name, contents, length, file->read_report,
                                                  &file->error);
  else if (format == &gloss_format_csv)
    /* Its reader only says why CSV is not read, naming the file. */
    file->dataset = format->read (name, file->read_report, &file->error);
  else
    /* brat: a document is a .txt and an .ann side by side, found by
     * their names in a folder. */
    g_set_error (&file->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNSUPPORTED,
                 _("Cannot import “%s” as %s: Gloss reads it only from this computer’s file "
                   "system"), uri, format->title);

  return file;
}

/* Reads PATH as FORMAT, or as the format its name tells when FORMAT is
 * NULL; or REMOTE, when not NULL, a file without a local path that PATH
 * names. Touches no project: it can run on a thread of its own. */
static ReadFile *
read_file (const GlossFormat *format,
           const char        *path,
           GFile             *remote,
           GCancellable      *cancellable)
{
  ReadFile *file;

  if (remote != NULL)
    return read_file_without_path (format, remote, path, cancellable);

  file = g_new0 (ReadFile, 1);
  file->read_report = gloss_format_report_new ();
  if (format == NULL && (format = gloss_import_guess_format (path, &file->error)) == NULL)
    return file;

  file->dataset = gloss_format_read (format, path, file->read_report, &file->error);
  return file;
}

/* Imports the dataset of FILE; REPORT counts what was added, and takes
 * the warnings of reading it. */
static gboolean
import_read_file (GlossStore         *store,
                  ReadFile           *file,
                  GlossFormatReport  *report,
                  GError            **error)
{
  guint documents, spans, labels_created, merged, skipped;

  if (file->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&file->error));
      return FALSE;
    }

  /* Counted afresh, so that a failed import leaves the report as it was. */
  documents = report->documents;
  spans = report->spans;
  labels_created = report->labels_created;
  merged = report->documents_merged;
  skipped = report->spans_skipped_duplicate;

  if (!gloss_import_dataset (store, file->dataset, report, error))
    {
      report->documents = documents;
      report->spans = spans;
      report->labels_created = labels_created;
      report->documents_merged = merged;
      report->spans_skipped_duplicate = skipped;
      return FALSE;
    }

  for (guint i = 0; i < file->read_report->warnings->len; i++)
    g_ptr_array_add (report->warnings, g_strdup (file->read_report->warnings->pdata[i]));
  gloss_format_report_add_lost (report, file->read_report);

  return TRUE;
}

void
gloss_import_result_free (GlossImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->path);
  g_clear_pointer (&result->report, gloss_format_report_free);
  g_clear_error (&result->error);
  g_free (result);
}

/* The format a file to import is in: what its start shows, else what its
 * name says (gloss_format_detect ()), with the text formats people read
 * (Markdown, HTML) taken as plain text. */
const GlossFormat *
gloss_import_guess_format (const char  *path,
                           GError     **error)
{
  static const char * const readable[] = { ".md", ".markdown", ".html", ".htm", ".xhtml", NULL };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; readable[i] != NULL; i++)
    if (g_str_has_suffix (lower, readable[i]) && gloss_format_lookup ("text") != NULL)
      return gloss_format_lookup ("text");

  return gloss_format_detect (path, error);
}

/* A batch ends after this many files, or this much text. A full disk
 * takes back the batch it is met in (SQLite rolls the transaction back
 * when it cannot spill or commit its pages), so a batch of large files
 * stays small: the files before it are in, and the project holds as much
 * as the disk does. Commits cost little in bulk mode (they do not wait for
 * the disk), and a batch this size stays inside the page cache. */
#define FILES_PER_COMMIT 500
#define BYTES_PER_COMMIT (1024 * 1024)

/* Whether ERROR, met while writing a file, is the project refusing every
 * write rather than this file: a full disk, another program holding the
 * project, a project that is read-only. The next file would meet it too
 * (after waiting for the lock, for one in use), so the import stops. */
gboolean
gloss_import_error_stops (const GError *error)
{
  return g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_DISK_FULL) ||
         g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_BUSY) ||
         g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_READ_ONLY);
}

/* A transaction for the next files. Their texts wait for the search index
 * (gloss_store_index_texts ()), which was half of an import's work: the
 * caller indexes them once the files are in, and searches find them
 * meanwhile. FALSE if it could not begin: then STOP says why, if that
 * stops the import, and otherwise each file is a transaction of its own. */
static gboolean
begin_batch (GlossStore  *store,
             GError     **stop)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_store_begin (store, &error))
    {
      if (gloss_import_error_stops (error))
        g_propagate_error (stop, g_steal_pointer (&error));
      return FALSE;
    }

  gloss_store_defer_indexing (store, NULL);
  return TRUE;
}

/* The files from FIRST on, which were in the batch: none of them is in
 * the project, for the reason ERROR gives. */
static void
fail_batch (GPtrArray    *results,
            guint         first,
            const GError *error)
{
  for (guint i = first; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      if (result->error == NULL)
        result->error = g_error_copy (error);
    }
}

/* Commits the files from FIRST on; if that fails, they are not in, their
 * results say why, and so does STOP if that stops the import. */
static void
commit_batch (GlossStore  *store,
              GPtrArray   *results,
              guint        first,
              GError     **stop)
{
  g_autoptr(GError) error = NULL;

  if (gloss_store_commit (store, &error))
    return;

  fail_batch (results, first, error);
  if (gloss_import_error_stops (error))
    g_propagate_error (stop, g_steal_pointer (&error));
}

/* How far the reader may be ahead of the import: enough files that the
 * import never waits for a small one, few enough bytes that large
 * datasets do not pile up in memory. Once it is that far ahead it waits
 * until the import has taken half of them, so that the two threads wake
 * each other once for many files, not for each. */
#define FILES_READ_AHEAD 32
#define BYTES_READ_AHEAD (64 * 1024 * 1024)

/* Reads the files of an import on a thread of its own, in order, while the
 * files before them are written: reading and decoding the files was a
 * fifth of an import, now done beside the writing. */
typedef struct
{
  const char * const *paths;
  GFile * const *remotes;   /* NULL, or for each path its file when it is not local */
  const GlossFormat *format;
  GCancellable *cancellable;
  GThread *thread;

  GMutex lock;
  GCond changed;
  GQueue files;        /* ReadFile, read and not yet taken, in order */
  gsize bytes;         /* the memory they hold, about */
  gboolean stopping;
  gboolean finished;   /* nothing more will be read */
  gboolean reader_waiting;
  gboolean import_waiting;
} Reader;

/* About the memory FILE's dataset holds: its texts and its spans. */
static gsize
read_file_bytes (ReadFile *file)
{
  gsize bytes = 0;

  for (guint i = 0; file->dataset != NULL && i < file->dataset->documents->len; i++)
    {
      GlossDatasetDocument *document = g_ptr_array_index (file->dataset->documents, i);

      bytes += strlen (document->text);
      for (guint j = 0; j < document->spans->len; j++)
        {
          GlossDatasetSpan *span = g_ptr_array_index (document->spans, j);

          bytes += sizeof *span + strlen (span->label) + strlen (span->annotator) +
                   strlen (span->note);
        }
    }

  return bytes;
}

static gboolean
reader_is_far_ahead (Reader *reader)
{
  return reader->files.length >= FILES_READ_AHEAD || reader->bytes >= BYTES_READ_AHEAD;
}

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;

  for (guint i = 0; reader->paths[i] != NULL; i++)
    {
      ReadFile *file;

      /* A file the import will not take is not read. */
      if (g_cancellable_is_cancelled (reader->cancellable))
        break;

      g_mutex_lock (&reader->lock);
      /* Whoever wakes a thread clears its flag, so that it is woken once. */
      while (reader_is_far_ahead (reader) && !reader->stopping)
        {
          reader->reader_waiting = TRUE;
          g_cond_wait (&reader->changed, &reader->lock);
        }
      if (reader->stopping)
        {
          g_mutex_unlock (&reader->lock);
          break;
        }
      g_mutex_unlock (&reader->lock);

      file = read_file (reader->format, reader->paths[i],
                        reader->remotes != NULL ? reader->remotes[i] : NULL,
                        reader->cancellable);
      file->bytes = read_file_bytes (file);

      g_mutex_lock (&reader->lock);
      g_queue_push_tail (&reader->files, file);
      reader->bytes += file->bytes;
      if (reader->import_waiting)
        {
          reader->import_waiting = FALSE;
          g_cond_broadcast (&reader->changed);
        }
      g_mutex_unlock (&reader->lock);
    }

  g_mutex_lock (&reader->lock);
  reader->finished = TRUE;
  if (reader->import_waiting)
    {
      reader->import_waiting = FALSE;
      g_cond_broadcast (&reader->changed);
    }
  g_mutex_unlock (&reader->lock);

  return NULL;
}

static void
reader_start (Reader             *reader,
              const char * const *paths,
              GFile * const      *remotes,
              const GlossFormat  *format,
              GCancellable       *cancellable)
{
  reader->paths = paths;
  reader->remotes = remotes;
  reader->format = format;
  reader->cancellable = cancellable;
  g_mutex_init (&reader->lock);
  g_cond_init (&reader->changed);
  g_queue_init (&reader->files);
  reader->thread = g_thread_new ("gloss-import-reader", reader_thread, reader);
}

/* The next file, read; waits for it if needed. NULL if the reader
 * stopped before it, cancelled. */
static ReadFile *
reader_next (Reader *reader)
{
  ReadFile *file;

  g_mutex_lock (&reader->lock);
  while (g_queue_is_empty (&reader->files) && !reader->finished)
    {
      reader->import_waiting = TRUE;
      g_cond_wait (&reader->changed, &reader->lock);
    }

  file = g_queue_pop_head (&reader->files);
  if (file == NULL)
    {
      g_mutex_unlock (&reader->lock);
      return NULL;
    }
  reader->bytes -= file->bytes;
  if (reader->reader_waiting &&
      reader->files.length <= FILES_READ_AHEAD / 2 && reader->bytes <= BYTES_READ_AHEAD / 2)
    {
      reader->reader_waiting = FALSE;
      g_cond_broadcast (&reader->changed);
    }
  g_mutex_unlock (&reader->lock);

  return file;
}

/* Stops reading (the files read ahead and not taken are dropped) and
 * waits for the thread to end. */
static void
reader_stop (Reader *reader)
{
  g_mutex_lock (&reader->lock);
  reader->stopping = TRUE;
  g_cond_broadcast (&reader->changed);
  g_mutex_unlock (&reader->lock);

  g_thread_join (reader->thread);
  g_queue_clear_full (&reader->files, (GDestroyNotify) read_file_free);
  g_mutex_clear (&reader->lock);
  g_cond_clear (&reader->changed);
}

static GPtrArray *import_files (GlossStore              *store,
                                const char * const      *paths,
                                GFile * const           *remotes,
                                const GlossFormat       *format,
                                GCancellable            *cancellable,
                                GlossImportProgressFunc  progress,
                                gpointer                 user_data);

/* Imports each of PATHS, each all or nothing, in FORMAT or the format its
 * name tells, and gives a result for each: its error is NULL exactly when
 * the file is in the project. Stops before the next file when CANCELLABLE
 * is cancelled; the files not reached have no result. Stops too when the
 * project refuses to be written (gloss_import_error_stops ()): the files
 * not in by then, those not reached included, all have that error, and
 * gloss_import_stop_message () tells it in one message. The new texts are
 * left waiting for the full-text index: search finds them all the same,
 * and gloss_store_index_texts () indexes them when the caller has time. */
GPtrArray *
gloss_import_paths (GlossStore              *store,
                    const char * const      *paths,
                    const GlossFormat       *format,
                    GCancellable            *cancellable,
                    GlossImportProgressFunc  progress,
                    gpointer                 user_data)
{
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  return import_files (store, paths, NULL, format, cancellable, progress, user_data);
}

/* How FILE, without a local path, is named to a person: its parse name,
 * which for most locations is already unescaped ("sftp://host/field
 * notes.txt"), and otherwise its URI unescaped when that gives readable
 * UTF-8. */
static char *
dup_display_uri (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *unescaped = NULL;

  if (!g_str_equal (parse_name, uri))
    return g_steal_pointer (&parse_name);

  unescaped = g_uri_unescape_string (uri, NULL);
  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL))
    return g_steal_pointer (&parse_name);
  for (const char *p = unescaped; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return g_steal_pointer (&parse_name);

  return g_steal_pointer (&unescaped);
}

/* gloss_import_paths () on FILES (GFile): a file with a local path is
 * imported by it, exactly as gloss_import_paths () does; one without (a
 * remote location, a document portal without its file system, a URI
 * dropped from another program) is read through GIO, and its result's path
 * is its parse name unescaped (sftp://host/field notes.txt), which is what
 * the progress and the messages show. A folder without a local path is not imported:
 * its result says so. Every file has a result, in order, unless the
 * import is cancelled. */
GPtrArray *
gloss_import_files (GlossStore              *store,
                    GPtrArray               *files,
                    const GlossFormat       *format,
                    GCancellable            *cancellable,
                    GlossImportProgressFunc  progress,
                    gpointer                 user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) remotes = g_ptr_array_new ();

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      char *path = g_file_get_path (file);

      g_ptr_array_add (remotes, path == NULL ? file : NULL);
      g_ptr_array_add (paths, path != NULL ? path : dup_display_uri (file));
    }
  g_ptr_array_add (paths, NULL);

  return import_files (store, (const char * const *) paths->pdata,
                       (GFile * const *) remotes->pdata, format, cancellable, progress,
                       user_data);
}

/* PATHS, each a local path, or when REMOTES has a file for it, that
 * file's parse name. */
static GPtrArray *
import_files (GlossStore              *store,
              const char * const      *paths,
              GFile * const           *remotes,
              const GlossFormat       *format,
              GCancellable            *cancellable,
              GlossImportProgressFunc  progress,
              gpointer                 user_data)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_import_result_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stop = NULL;
  Reader reader = { 0 };
  gboolean batch_open;
  guint batch_first = 0;
  gsize batch_bytes = 0;
  guint total;

  total = g_strv_length ((char **) paths);
  if (total == 0)
    {
      if (progress != NULL)
        progress (0, 0, NULL, user_data);
      return results;
    }

  /* Files go in batches, one commit each: a commit waits for the disk, and
   * one per file made a large import wait on the disk most of the time.
   * Each file is still all or nothing, as a savepoint inside the batch. */
  gloss_store_set_bulk_writing (store, TRUE, NULL);
  batch_open = begin_batch (store, &stop);
  if (stop == NULL)
    reader_start (&reader, paths, remotes, format, cancellable);

  for (guint i = 0; stop == NULL && paths[i] != NULL; i++)
    {
      GlossImportResult *result;
      g_autoptr(ReadFile) file = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (progress != NULL)
        progress (i, total, paths[i], user_data);

      result = g_new0 (GlossImportResult, 1);
      result->path = g_strdup (paths[i]);
      result->report = gloss_format_report_new ();
      g_ptr_array_add (results, result);

      /* Cancelled while announcing this file: the reader may have
       * stopped before it, and it is read here. */
      file = reader_next (&reader);
      if (file == NULL)
        file = read_file (format, paths[i], remotes != NULL ? remotes[i] : NULL, cancellable);
      batch_bytes += file->bytes;
      if (!import_read_file (store, file, result->report, &result->error))
        {
          /* SQLite rolls a whole transaction back on some errors (a full
           * disk, mostly): the files before this one in the batch went
           * with it. */
          if (batch_open && !gloss_store_in_transaction (store))
            {
              gloss_store_rollback (store);
              fail_batch (results, batch_first, result->error);
              batch_open = FALSE;
            }
          if (gloss_import_error_stops (result->error))
            {
              stop = g_error_copy (result->error);
              break;
            }
        }

      if (!batch_open || results->len - batch_first == FILES_PER_COMMIT ||
          batch_bytes >= BYTES_PER_COMMIT)
        {
          if (batch_open)
            commit_batch (store, results, batch_first, &stop);
          batch_first = results->len;
          batch_bytes = 0;
          batch_open = stop == NULL && begin_batch (store, &stop);
        }
    }

  if (reader.thread != NULL)
    reader_stop (&reader);
  /* The files of the batch before the one that stopped the import are
   * whole: they go in if the project still takes them. */
  if (batch_open)
    commit_batch (store, results, batch_first, stop == NULL ? &stop : NULL);

  /* The files not reached are not in either, for the same reason. */
  for (guint i = results->len; stop != NULL && i < total; i++)
    {
      GlossImportResult *result = g_new0 (GlossImportResult, 1);

      result->path = g_strdup (paths[i]);
      result->report = gloss_format_report_new ();
      result->error = g_error_copy (stop);
      g_ptr_array_add (results, result);
    }

  if (!gloss_store_set_bulk_writing (store, FALSE, &error))
    {
      /* In the project, perhaps not on the disk. */
      for (guint i = 0; i < results->len; i++)
        {
          GlossImportResult *result = g_ptr_array_index (results, i);

          if (result->error == NULL)
            result->error = g_error_copy (error);
        }
    }

  if (progress != NULL)
    progress (results->len, total, NULL, user_data);

  return results;
}

/* The error that stopped the import of RESULTS (see gloss_import_paths ()),
 * or NULL when it did not stop. */
static const GError *
find_stop (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      if (gloss_import_error_stops (result->error))
        return result->error;
    }

  return NULL;
}

/* When the import into STORE that gave RESULTS stopped because the
 * project refused to be written, one message for every file that is not
 * in for that reason: how many files are in, and why the rest are not.
 * NULL when it did not stop. The files that failed on their own have
 * errors of their own to tell. */
char *
gloss_import_stop_message (GlossStore *store,
                           GPtrArray  *results)
{
  g_autofree char *display = NULL;
  g_autofree char *counts = NULL;
  const GError *stop;
  guint imported = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  if ((stop = find_stop (results)) == NULL)
    return NULL;

  for (guint i = 0; i < results->len; i++)
    if (((GlossImportResult *) g_ptr_array_index (results, i))->error == NULL)
      imported++;

  display = g_filename_display_name (gloss_store_get_path (store));
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file imported",
                                         "%u of %u files imported", results->len),
                            imported, results->len);

  if (stop->code == GLOSS_STORE_ERROR_DISK_FULL)
    return g_strdup_printf (_("The disk is full: %s into “%s”; nothing of the rest was stored. "
                              "Free some space, then import them again."), counts, display);
  if (stop->code == GLOSS_STORE_ERROR_BUSY)
    {
      /* Asked again now, as the store's own error does: the message says
       * which program to close. */
      g_autofree char *holders = gloss_store_describe_holders (store);

      if (holders != NULL)
        /* TRANSLATORS: the second %s names programs: "sqlite3 (process 4242)". */
        return g_strdup_printf (_("The project “%s” is in use by %s: %s; nothing of the rest "
                                  "was stored. Import them again once it is closed."),
                                display, holders, counts);
    }
  if (stop->code == GLOSS_STORE_ERROR_BUSY)
    return g_strdup_printf (_("The project “%s” is in use by another program: %s; nothing of "
                              "the rest was stored. Import them again once it is closed."),
                            display, counts);
  return g_strdup_printf (_("The project “%s” is read-only: %s; nothing of the rest was stored."),
                          display, counts);
}
