/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The headless subcommands of the gloss binary. Each one parses its options,
 * calls the core and prints; none needs a display. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-cli.h"
#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-project.h"
#include "gloss-store.h"

typedef int (*SubcommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  SubcommandFunc run;
  const char *parameters;
  const char *summary;
} Subcommand;

static int run_import (int argc, char **argv);
static int run_export (int argc, char **argv);
static int run_stats (int argc, char **argv);
static int run_labels (int argc, char **argv);

enum {
  SUBCOMMAND_IMPORT,
  SUBCOMMAND_EXPORT,
  SUBCOMMAND_STATS,
  SUBCOMMAND_LABELS,
};

static const Subcommand subcommands[] = {
  [SUBCOMMAND_IMPORT] = { "import", run_import, N_("PROJECT FILE…"),
                          N_("Add documents, and their spans if the format has any, then "
                             "bring the project’s search index up to date. A project that does "
                             "not exist is created.") },
  [SUBCOMMAND_EXPORT] = { "export", run_export, N_("PROJECT"),
                          N_("Write the project as a labeled dataset") },
  [SUBCOMMAND_STATS] = { "stats", run_stats, N_("PROJECT"),
                         N_("Documents by status, spans per label, relations per relation "
                            "label, attribute values and documents per category") },
  [SUBCOMMAND_LABELS] = { "labels", run_labels, N_("PROJECT"),
                          N_("List the project’s labels, relation labels, attributes and "
                             "category sets") },
};

gboolean
gloss_cli_is_subcommand (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_strcmp0 (name, subcommands[i].name) == 0)
      return TRUE;

  return FALSE;
}

static char *
list_format_names (void)
{
  const GlossFormat * const *formats = gloss_format_list ();
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", formats[i]->name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Parses ARGV with ENTRIES and wants N_POSITIONAL arguments left, or at
 * least that many with AT_LEAST. */
static gboolean
parse_options (const Subcommand   *subcommand,
               const GOptionEntry *entries,
               int                *argc,
               char             ***argv,
               int                 n_positional,
               gboolean            at_least)
{
  g_autofree char *parameter_string = g_strdup_printf ("%s %s", subcommand->name,
                                                       _(subcommand->parameters));
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(subcommand->summary));
  /* Only import and export take a format; the list would mean nothing
   * under the others' options. */
  if (subcommand == &subcommands[SUBCOMMAND_IMPORT] ||
      subcommand == &subcommands[SUBCOMMAND_EXPORT])
    {
      g_autofree char *formats = list_format_names ();
      g_autofree char *description = g_strdup_printf (_("Formats: %s"), formats);

      g_option_context_set_description (context, description);
    }
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("gloss %s: %s\n", subcommand->name, error->message);
      return FALSE;
    }

  /* argv[0] is "gloss", argv[1] the subcommand. */
  if (at_least ? *argc - 2 < n_positional : *argc - 2 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return FALSE;
    }

  return TRUE;
}

/* Every subcommand but import works on a project that exists already, and
 * only reads it: it never writes to it, nor leaves a file beside it. */
static GlossStore *
open_existing_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_store_open_read_only (path, &error);

  if (store == NULL)
    g_printerr ("gloss: %s\n", error->message);

  return store;
}

static const GlossFormat *
lookup_format (const char *name)
{
  const GlossFormat *format = gloss_format_lookup (name);

  if (format == NULL)
    {
      g_autofree char *formats = list_format_names ();

      g_printerr (_("gloss: unknown format “%s”; the formats are: %s\n"), name, formats);
    }

  return format;
}

static void
print_report (const char        *what,
              GlossFormatReport *report)
{
  g_autofree char *text = gloss_format_report_describe (report);

  g_print ("%s: %s", what, text);
}

typedef struct
{
  const char * const *paths;
  GPtrArray *files;     /* GFile for each of PATHS when one is a URI, else NULL */
  const GlossFormat *format;
  GPtrArray *results;   /* of the last run */
} ImportRun;

static gboolean
any_imported (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    if (((GlossImportResult *) g_ptr_array_index (results, i))->error == NULL)
      return TRUE;

  return FALSE;
}

static gboolean
import_run (GlossStore  *store,
            gpointer     user_data,
            GError     **error)
{
  ImportRun *run = user_data;

  g_clear_pointer (&run->results, g_ptr_array_unref);
  if (run->files != NULL)
    run->results = gloss_import_files (store, run->files, run->format, NULL, NULL, NULL);
  else
    run->results = gloss_import_paths (store, run->paths, run->format, NULL, NULL, NULL);

  return TRUE;
}

/* Imports into a new project while it is built: it appears only when
 * something went in, so an import whose every file fails leaves no empty
 * project behind. The files go in under a temporary name, and when
 * another process made the project meanwhile, into that one. */
static gboolean
import_into_new (GlossStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  ImportRun *run = user_data;

  import_run (store, run, error);
  if (any_imported (run->results))
    return TRUE;

  /* The caller reports each file's error. */
  g_set_error_literal (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID, "");
  return FALSE;
}

static int
run_import (int    argc,
            char **argv)
{
  g_autofree char *format_name = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The files’ format (default: what each file starts with, else its name)"),
      N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stop = NULL;
  const GlossFormat *format = NULL;
  ImportRun run = { NULL, };
  gboolean more = TRUE;
  guint imported = 0;
  int status = GLOSS_CLI_EXIT_OK;

  if (!parse_options (&subcommands[SUBCOMMAND_IMPORT], entries, &argc, &argv, 2, TRUE))
    return GLOSS_CLI_EXIT_USAGE;

  if (format_name != NULL && (format = lookup_format (format_name)) == NULL)
    return GLOSS_CLI_EXIT_USAGE;

  run.paths = (const char * const *) argv + 3;
  run.format = format;

  /* A URI (sftp://host/admin.jsonl) is read through GIO. Paths alone go
   * by gloss_import_paths (), exactly as given; a name with a colon that
   * is a local file stays a path. */
  for (guint i = 0; run.paths[i] != NULL && files == NULL; i++)
    if (g_uri_peek_scheme (run.paths[i]) != NULL && !g_file_test (run.paths[i], G_FILE_TEST_EXISTS))
      {
        files = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint j = 0; run.paths[j] != NULL; j++)
          g_ptr_array_add (files,
                           g_uri_peek_scheme (run.paths[j]) != NULL &&
                           !g_file_test (run.paths[j], G_FILE_TEST_EXISTS)
                           ? g_file_new_for_uri (run.paths[j])
                           : g_file_new_for_path (run.paths[j]));
      }
  run.files = files;

  /* Each file is all or nothing; one bad file does not stop the others. A
   * project that refuses every write (a full disk, another program holding
   * it, read-only) stops the import, and the files left out for that are
   * told once, after the others. */
  if (!g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      store = gloss_store_create (argv[2], import_into_new, &run, &error);
      if (store == NULL && run.results != NULL && !any_imported (run.results))
        {
          g_autofree char *display = g_filename_display_name (argv[2]);
          gboolean stopped = FALSE;

          for (guint i = 0; i < run.results->len; i++)
            {
              GlossImportResult *result = g_ptr_array_index (run.results, i);

              if (gloss_import_error_stops (result->error))
                {
                  if (!stopped)
                    g_printerr ("gloss: %s\n", result->error->message);
                  stopped = TRUE;
                  continue;
                }
              g_printerr ("gloss: %s\n", result->error->message);
              g_printerr (_("gloss: nothing of “%s” was imported\n"), result->path);
            }
          g_printerr (_("gloss: nothing could be imported, so “%s” was not created\n"), display);
          g_ptr_array_unref (run.results);
          return GLOSS_CLI_EXIT_BAD_INPUT;
        }
      if (store == NULL)
        g_clear_pointer (&run.results, g_ptr_array_unref);
      if (store == NULL && g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS))
        g_clear_error (&error);
      else if (store == NULL)
        {
          g_printerr ("gloss: %s\n", error->message);
          return GLOSS_CLI_EXIT_BAD_INPUT;
        }
    }

  if (store == NULL)
    {
      store = gloss_store_open (argv[2], &error);
      if (store == NULL)
        {
          g_printerr ("gloss: %s\n", error->message);
          return GLOSS_CLI_EXIT_BAD_INPUT;
        }
      if (gloss_store_is_read_only (store))
        {
          g_autofree char *display = g_filename_display_name (argv[2]);

          g_printerr (_("gloss: the project “%s” is read-only: nothing can be imported into it\n"),
                      display);
          return GLOSS_CLI_EXIT_BAD_INPUT;
        }
      import_run (store, &run, NULL);
    }

  results = g_steal_pointer (&run.results);
  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      if (result->error != NULL)
        {
          status = GLOSS_CLI_EXIT_BAD_INPUT;
          if (gloss_import_error_stops (result->error))
            continue;
          g_printerr ("gloss: %s\n", result->error->message);
          if (format == NULL &&
              g_error_matches (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN))
            g_printerr (_("gloss: give its format with --format\n"));
          g_printerr (_("gloss: nothing of “%s” was imported\n"), result->path);
          continue;
        }

      print_report (result->path, result->report);
      imported++;
    }

  stop = gloss_import_stop_message (store, results);
  if (stop != NULL)
    {
      /* Indexing would meet what stopped the import; the texts that are in
       * wait for the next opening, and search finds them meanwhile. */
      g_printerr ("gloss: %s\n", stop);
      return status;
    }

  /* The import left its texts for the search index; they go in before the
   * command ends, so that a project made here is complete wherever it is
   * opened next. Chunks keep each transaction short for a window that has
   * the project open meanwhile. */
  while (imported > 0 && more)
    {
      if (!gloss_store_index_texts (store, 1000, &more, &error))
        {
          g_printerr (_("gloss: the documents are in, but the search index is not up to date "
                        "(Gloss brings it up to date when it next opens the project): %s\n"),
                      error->message);
          break;
        }
    }

  return status;
}

static gboolean
parse_statuses (char  **names,
                guint  *statuses)
{
  *statuses = 0;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GlossDocumentStatus status;

      if (!gloss_document_status_from_string (names[i], &status))
        {
          g_printerr (_("gloss: unknown status “%s”; use new, in-progress or done\n"), names[i]);
          return FALSE;
        }
      *statuses |= 1u << status;
    }

  return TRUE;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) status_names = NULL;
  g_auto(GStrv) label_names = NULL;
  g_auto(GStrv) category_names = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The dataset format (default: from the output’s name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write"), N_("PATH") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace PATH if it exists"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &status_names,
      N_("Only documents with this status (new, in-progress, done); may repeat"), N_("STATUS") },
    { "label", 0, 0, G_OPTION_ARG_STRING_ARRAY, &label_names,
      N_("Only spans with this label; may repeat"), N_("LABEL") },
    { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &category_names,
      N_("Only documents with this category of this set; may repeat (any category of one "
         "set, and every set named)"), N_("SET=CATEGORY") },
    { NULL }
  };
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  GlossExportFilter filter = { 0, NULL, NULL };
  const GlossFormat *format;

  if (!parse_options (&subcommands[SUBCOMMAND_EXPORT], entries, &argc, &argv, 1, FALSE))
    return GLOSS_CLI_EXIT_USAGE;

  if (output == NULL)
    {
      g_printerr (_("gloss export: say where to write with -o PATH\n"));
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (format_name != NULL)
    format = lookup_format (format_name);
  else if ((format = gloss_format_guess (output, &error)) == NULL)
    g_printerr ("gloss: %s\n", error->message);
  if (format == NULL)
    return GLOSS_CLI_EXIT_USAGE;

  if (!parse_statuses (status_names, &filter.statuses))
    return GLOSS_CLI_EXIT_USAGE;
  filter.labels = (const char * const *) label_names;
  filter.categories = (const char * const *) category_names;

  if ((store = open_existing_project (argv[2])) == NULL)
    return GLOSS_CLI_EXIT_BAD_INPUT;

  if (!gloss_export_path (store, format, output, &filter, force, report, &error))
    {
      g_printerr ("gloss: %s\n", error->message);
      return g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS) ||
             g_error_matches (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT)
             ? GLOSS_CLI_EXIT_USAGE : GLOSS_CLI_EXIT_BAD_INPUT;
    }

  print_report (output, report);
  return GLOSS_CLI_EXIT_OK;
}

/* The project's relation labels, attributes and category sets, for
 * `gloss labels`. */
typedef struct
{
  GPtrArray *relation_labels;   /* GlossRelationLabel, in order */
  GPtrArray *attributes;        /* GlossAttribute, in order */
  GPtrArray *category_sets;     /* GlossCategorySet, in order */
  GPtrArray *categories;        /* GPtrArray of GlossCategory, per set */
} Extras;

static void
extras_clear (Extras *extras)
{
  g_clear_pointer (&extras->relation_labels, g_ptr_array_unref);
  g_clear_pointer (&extras->attributes, g_ptr_array_unref);
  g_clear_pointer (&extras->category_sets, g_ptr_array_unref);
  g_clear_pointer (&extras->categories, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Extras, extras_clear)

static gboolean
extras_load (Extras      *extras,
             GlossStore  *store,
             GError     **error)
{
  extras->relation_labels = gloss_store_list_relation_labels (store, error);
  if (extras->relation_labels == NULL)
    return FALSE;
  extras->attributes = gloss_store_list_attributes (store, error);
  if (extras->attributes == NULL)
    return FALSE;
  extras->category_sets = gloss_store_list_category_sets (store, error);
  if (extras->category_sets == NULL)
    return FALSE;

  extras->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < extras->category_sets->len; i++)
    {
      GlossCategorySet *set = g_ptr_array_index (extras->category_sets, i);
      GPtrArray *categories = gloss_store_list_categories (store, gloss_category_set_get_id (set),
                                                           error);

      if (categories == NULL)
        return FALSE;
      g_ptr_array_add (extras->categories, categories);
    }

  return TRUE;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *json = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
}

/* The relations, attribute values and categories of `gloss stats --json`. */
static void
add_extras_json (JsonBuilder     *builder,
                 GlossStoreStats *stats)
{
  json_builder_set_member_name (builder, "relations");
  json_builder_add_int_value (builder, stats->n_relations);
  json_builder_set_member_name (builder, "relation_labels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->relation_labels->len; i++)
    {
      GlossRelationLabelStats *label_stats = g_ptr_array_index (stats->relation_labels, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, gloss_relation_label_get_name (label_stats->label));
      json_builder_set_member_name (builder, "relations");
      json_builder_add_int_value (builder, label_stats->relations);
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, label_stats->documents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attributes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->attributes->len; i++)
    {
      GlossAttributeStats *attribute_stats = g_ptr_array_index (stats->attributes, i);
      GlossAttributeKind kind = gloss_attribute_get_kind (attribute_stats->attribute);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder,
                                     gloss_attribute_get_name (attribute_stats->attribute));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, gloss_attribute_kind_to_string (kind));
      json_builder_set_member_name (builder, "spans");
      json_builder_add_int_value (builder, attribute_stats->spans);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_object (builder);
      for (guint j = 0; j < attribute_stats->values->len; j++)
        {
          GlossAttributeValueStats *value = g_ptr_array_index (attribute_stats->values, j);

          json_builder_set_member_name (builder, value->value);
          json_builder_add_int_value (builder, value->spans);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "category_sets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->category_sets->len; i++)
    {
      GlossCategorySetStats *set_stats = g_ptr_array_index (stats->category_sets, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, gloss_category_set_get_name (set_stats->set));
      json_builder_set_member_name (builder, "multiple");
      json_builder_add_boolean_value (builder, gloss_category_set_get_multiple (set_stats->set));
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, set_stats->documents);
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      for (guint j = 0; j < set_stats->categories->len; j++)
        {
          GlossCategoryStats *category_stats = g_ptr_array_index (set_stats->categories, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder,
                                         gloss_category_get_name (category_stats->category));
          json_builder_set_member_name (builder, "documents");
          json_builder_add_int_value (builder, category_stats->documents);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_extras_stats (GlossStoreStats *stats)
{
  if (stats->relation_labels->len > 0 || stats->n_relations > 0)
    g_print (_("Relations: %u\n"), stats->n_relations);
  for (guint i = 0; i < stats->relation_labels->len; i++)
    {
      GlossRelationLabelStats *label_stats = g_ptr_array_index (stats->relation_labels, i);
      g_autofree char *relations = NULL;
      g_autofree char *documents = NULL;

      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%6u relation", "%6u relations",
                                                label_stats->relations),
                                   label_stats->relations);
      documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                label_stats->documents),
                                   label_stats->documents);
      /* TRANSLATORS: a relation label's line in `gloss stats`: "opposes   3 relations in 2 documents" */
      g_print (_("  %-28s %s in %s\n"), gloss_relation_label_get_name (label_stats->label),
               relations, documents);
    }

  if (stats->attributes->len > 0)
    g_print ("%s\n", _("Attributes:"));
  for (guint i = 0; i < stats->attributes->len; i++)
    {
      GlossAttributeStats *attribute_stats = g_ptr_array_index (stats->attributes, i);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%6u span", "%6u spans",
                                                 attribute_stats->spans),
                              attribute_stats->spans);
      /* A yes/no attribute's count is its spans. */
      if (gloss_attribute_get_kind (attribute_stats->attribute) == GLOSS_ATTRIBUTE_KIND_CHOICE)
        for (guint j = 0; j < attribute_stats->values->len; j++)
          {
            GlossAttributeValueStats *value = g_ptr_array_index (attribute_stats->values, j);

            /* TRANSLATORS: one value's count after an attribute's spans: "low 3" */
            g_string_append_printf (line, _("%s%s %u"), j == 0 ? ": " : ", ", value->value,
                                    value->spans);
          }
      g_print ("  %-28s %s\n", gloss_attribute_get_name (attribute_stats->attribute), line->str);
    }

  if (stats->category_sets->len > 0)
    g_print ("%s\n", _("Categories:"));
  for (guint i = 0; i < stats->category_sets->len; i++)
    {
      GlossCategorySetStats *set_stats = g_ptr_array_index (stats->category_sets, i);

      g_print ("  %s\n", gloss_category_set_get_name (set_stats->set));
      for (guint j = 0; j < set_stats->categories->len; j++)
        {
          GlossCategoryStats *category_stats = g_ptr_array_index (set_stats->categories, j);
          g_autofree char *documents = NULL;

          documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%6u document",
                                                    "%6u documents", category_stats->documents),
                                       category_stats->documents);
          g_print ("    %-26s %s\n", gloss_category_get_name (category_stats->category),
                   documents);
        }
    }
}

static int
run_stats (int    argc,
           char **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossStoreStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (&subcommands[SUBCOMMAND_STATS], entries, &argc, &argv, 1, FALSE))
    return GLOSS_CLI_EXIT_USAGE;

  if ((store = open_existing_project (argv[2])) == NULL)
    return GLOSS_CLI_EXIT_BAD_INPUT;

  if ((stats = gloss_store_get_stats (store, &error)) == NULL)
    {
      g_printerr ("gloss: %s\n", error->message);
      return GLOSS_CLI_EXIT_BAD_INPUT;
    }

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "documents");
      json_builder_add_int_value (builder, stats->n_documents);
      json_builder_set_member_name (builder, "spans");
      json_builder_add_int_value (builder, stats->n_spans);
      json_builder_set_member_name (builder, "status");
      json_builder_begin_object (builder);
      for (GlossDocumentStatus s = 0; s <= GLOSS_DOCUMENT_STATUS_DONE; s++)
        {
          json_builder_set_member_name (builder, gloss_document_status_to_string (s));
          json_builder_add_int_value (builder, stats->documents[s]);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "labels");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stats->labels->len; i++)
        {
          GlossLabelStats *label_stats = g_ptr_array_index (stats->labels, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, gloss_label_get_name (label_stats->label));
          json_builder_set_member_name (builder, "spans");
          json_builder_add_int_value (builder, label_stats->spans);
          json_builder_set_member_name (builder, "documents");
          json_builder_add_int_value (builder, label_stats->documents);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_extras_json (builder, stats);
      json_builder_end_object (builder);
      print_json (builder);
      return GLOSS_CLI_EXIT_OK;
    }

  g_print (_("Documents: %u (%u new, %u in progress, %u done)\n"), stats->n_documents,
           stats->documents[GLOSS_DOCUMENT_STATUS_NEW],
           stats->documents[GLOSS_DOCUMENT_STATUS_IN_PROGRESS],
           stats->documents[GLOSS_DOCUMENT_STATUS_DONE]);
  if (stats->n_documents > 0)
    g_print (_("Progress: %.0f%% done\n"),
             100.0 * stats->documents[GLOSS_DOCUMENT_STATUS_DONE] / stats->n_documents);
  g_print (_("Spans: %u\n"), stats->n_spans);
  for (guint i = 0; i < stats->labels->len; i++)
    {
      GlossLabelStats *label_stats = g_ptr_array_index (stats->labels, i);

      g_autofree char *spans = NULL;
      g_autofree char *documents = NULL;

      spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%6u span", "%6u spans",
                                            label_stats->spans),
                               label_stats->spans);
      documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                label_stats->documents),
                                   label_stats->documents);
      /* TRANSLATORS: a label's line in `gloss stats`: "Reformist camp   12 spans in 3 documents" */
      g_print (_("  %-28s %s in %s\n"), gloss_label_get_name (label_stats->label), spans,
               documents);
    }

  print_extras_stats (stats);
  return GLOSS_CLI_EXIT_OK;
}

static int
run_labels (int    argc,
            char **argv)
{
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Extras) extras = { NULL, };

  if (!parse_options (&subcommands[SUBCOMMAND_LABELS], entries, &argc, &argv, 1, FALSE))
    return GLOSS_CLI_EXIT_USAGE;

  if ((store = open_existing_project (argv[2])) == NULL)
    return GLOSS_CLI_EXIT_BAD_INPUT;

  if ((labels = gloss_store_list_labels (store, &error)) == NULL ||
      !extras_load (&extras, store, &error))
    {
      g_printerr ("gloss: %s\n", error->message);
      return GLOSS_CLI_EXIT_BAD_INPUT;
    }

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < labels->len; i++)
        {
          GlossLabel *label = g_ptr_array_index (labels, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, gloss_label_get_name (label));
          json_builder_set_member_name (builder, "color");
          json_builder_add_string_value (builder, gloss_label_get_color (label));
          json_builder_set_member_name (builder, "hotkey");
          json_builder_add_string_value (builder, gloss_label_get_hotkey (label));
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, gloss_label_get_description (label));
          /* The array stays the span labels, as scripts read it; each
           * tells the attributes its spans take. `gloss stats --json`
           * has the relation labels and category sets. */
          json_builder_set_member_name (builder, "attributes");
          json_builder_begin_array (builder);
          for (guint j = 0; j < extras.attributes->len; j++)
            if (gloss_attribute_applies_to (extras.attributes->pdata[j],
                                            gloss_label_get_id (label)))
              json_builder_add_string_value (builder,
                                             gloss_attribute_get_name (extras.attributes->pdata[j]));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return GLOSS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);

      g_print ("%-2s %s  %s\n", gloss_label_get_hotkey (label), gloss_label_get_color (label),
               gloss_label_get_name (label));
    }

  if (extras.relation_labels->len > 0)
    g_print ("\n%s\n", _("Relation labels:"));
  for (guint i = 0; i < extras.relation_labels->len; i++)
    {
      GlossRelationLabel *label = g_ptr_array_index (extras.relation_labels, i);

      g_print ("%-2s %s  %s%s\n", gloss_relation_label_get_hotkey (label),
               gloss_relation_label_get_color (label), gloss_relation_label_get_name (label),
               gloss_relation_label_get_directed (label) ? "" : _(" (either way)"));
    }

  if (extras.attributes->len > 0)
    g_print ("\n%s\n", _("Attributes:"));
  for (guint i = 0; i < extras.attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (extras.attributes, i);
      const GArray *label_ids = gloss_attribute_get_label_ids (attribute);
      g_autoptr(GString) line = g_string_new (gloss_attribute_get_name (attribute));

      switch (gloss_attribute_get_kind (attribute))
        {
        case GLOSS_ATTRIBUTE_KIND_FLAG:
          g_string_append (line, _(" (yes or no)"));
          break;
        case GLOSS_ATTRIBUTE_KIND_TEXT:
          g_string_append (line, _(" (text)"));
          break;
        case GLOSS_ATTRIBUTE_KIND_CHOICE:
        default:
          {
            g_autofree char *values = g_strjoinv (", ",
                                                  (char **) gloss_attribute_get_values (attribute));

            /* TRANSLATORS: after an attribute's name, its values: " (one of: low, high)" */
            g_string_append_printf (line, _(" (one of: %s)"), values);
          }
          break;
        }

      if (label_ids != NULL && label_ids->len > 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint j = 0; j < labels->len; j++)
            if (gloss_attribute_applies_to (attribute, gloss_label_get_id (labels->pdata[j])))
              g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                                      gloss_label_get_name (labels->pdata[j]));
          /* TRANSLATORS: after an attribute, the labels it is for: " for Actor, Place" */
          g_string_append_printf (line, _(" for %s"), names->str);
        }
      g_print ("   %s\n", line->str);
    }

  if (extras.category_sets->len > 0)
    g_print ("\n%s\n", _("Category sets:"));
  for (guint i = 0; i < extras.category_sets->len; i++)
    {
      GlossCategorySet *set = g_ptr_array_index (extras.category_sets, i);
      GPtrArray *categories = g_ptr_array_index (extras.categories, i);

      g_print ("   %s%s\n", gloss_category_set_get_name (set),
               gloss_category_set_get_multiple (set) ? _(" (any number of)")
                                                     : _(" (one of)"));
      for (guint j = 0; j < categories->len; j++)
        g_print ("%-2s   %s\n", gloss_category_get_hotkey (categories->pdata[j]),
                 gloss_category_get_name (categories->pdata[j]));
    }

  return GLOSS_CLI_EXIT_OK;
}

/* The subcommands, one a line, for `gloss --help`. */
char *
gloss_cli_describe_subcommands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands, run without a window:"));

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (text, "\n  gloss %s %s\n      %s", subcommands[i].name,
                            _(subcommands[i].parameters), _(subcommands[i].summary));
  g_string_append_printf (text, "\n\n%s", _("“gloss COMMAND --help” tells more of each."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Levenshtein distance, in bytes: subcommand names are ASCII. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }

  return row[lb];
}

/* The subcommand NAME was probably meant as, or NULL. */
static const char *
nearest_subcommand (const char *name)
{
  const char *nearest = NULL;
  guint best = G_MAXUINT;

  if (strlen (name) > 64)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      guint distance = edit_distance (name, subcommands[i].name);

      if (distance < best)
        {
          best = distance;
          nearest = subcommands[i].name;
        }
    }

  /* Beyond two edits the word is something else, not a typo. */
  return best <= 2 ? nearest : NULL;
}

/* `gloss NAME` creates the project NAME when there is no such file, so a
 * mistyped subcommand ("stat") would leave an empty project behind and
 * open a window on it. Only names that say they are projects are created;
 * for any other missing file this says why, and returns FALSE. */
gboolean
gloss_cli_check_projects (int    argc,
                          char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *display = NULL;
      const char *nearest;

      if (g_str_equal (argv[i], "--"))
        continue;
      if (argv[i][0] == '-' || g_str_has_suffix (argv[i], ".gloss") ||
          g_file_test (argv[i], G_FILE_TEST_EXISTS))
        continue;

      display = g_filename_display_name (argv[i]);
      nearest = i == 1 ? nearest_subcommand (argv[i]) : NULL;
      if (nearest != NULL)
        /* TRANSLATORS: the first %s is what was typed, the second a
         * subcommand such as "stats". */
        g_printerr (_("gloss: no such subcommand or project “%s”; did you mean `gloss %s`? "
                      "To create a project, give a name ending in .gloss\n"), display, nearest);
      else if (i == 1)
        g_printerr (_("gloss: no such subcommand or project “%s”. To create a project, give a "
                      "name ending in .gloss\n"), display);
      else
        g_printerr (_("gloss: no such project “%s”. To create a project, give a name ending "
                      "in .gloss\n"), display);
      return FALSE;
    }

  return TRUE;
}

static void
print_usage (void)
{
  g_printerr ("%s\n", _("Usage: gloss [PROJECT.gloss]   open the window"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_printerr ("       gloss %s %s   %s\n", subcommands[i].name, _(subcommands[i].parameters),
                _(subcommands[i].summary));
}

int
gloss_cli_run (int    argc,
               char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (argc > 1 && g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (argc, argv);

  print_usage ();
  return GLOSS_CLI_EXIT_USAGE;
}
