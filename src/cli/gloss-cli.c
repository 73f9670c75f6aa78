/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The headless subcommands of the gloss binary. Each one parses its options,
 * calls the core and prints; none needs a display. */

#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-cli.h"
#include "gloss-store.h"

typedef int (*SubcommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  SubcommandFunc run;
  const char *parameters;
  const char *summary;
} Subcommand;

static int run_labels (int argc, char **argv);

static const Subcommand subcommands[] = {
  { "labels", run_labels, N_("PROJECT"), N_("List the project’s label set") },
};

gboolean
gloss_cli_is_subcommand (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_strcmp0 (name, subcommands[i].name) == 0)
      return TRUE;

  return FALSE;
}

/* Parses ARGV with ENTRIES and wants exactly N_POSITIONAL arguments left. */
static gboolean
parse_options (const Subcommand   *subcommand,
               const GOptionEntry *entries,
               int                *argc,
               char             ***argv,
               int                 n_positional)
{
  g_autofree char *parameter_string = g_strdup_printf ("%s %s", subcommand->name,
                                                       _(subcommand->parameters));
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(subcommand->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("gloss %s: %s\n", subcommand->name, error->message);
      return FALSE;
    }

  /* argv[0] is "gloss", argv[1] the subcommand. */
  if (*argc - 2 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return FALSE;
    }

  return TRUE;
}

/* Every subcommand but import works on a project that exists already. */
static GlossStore *
open_existing_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_store_open (path, &error);

  if (store == NULL)
    g_printerr ("gloss: %s\n", error->message);

  return store;
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

  if (!parse_options (&subcommands[0], entries, &argc, &argv, 1))
    return GLOSS_CLI_EXIT_USAGE;

  if ((store = open_existing_project (argv[2])) == NULL)
    return GLOSS_CLI_EXIT_BAD_INPUT;

  if ((labels = gloss_store_list_labels (store, &error)) == NULL)
    {
      g_printerr ("gloss: %s\n", error->message);
      return GLOSS_CLI_EXIT_BAD_INPUT;
    }

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

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
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, NULL);
      g_print ("%s\n", json);
      return GLOSS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);

      g_print ("%-2s %s  %s\n", gloss_label_get_hotkey (label), gloss_label_get_color (label),
               gloss_label_get_name (label));
    }

  return GLOSS_CLI_EXIT_OK;
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
