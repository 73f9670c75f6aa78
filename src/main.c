/* SPDX-License-Identifier: GPL-3.0-or-later */

/* gloss SUBCOMMAND ... runs headless; anything else opens the window. */

#define G_LOG_DOMAIN "gloss"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossApplication) application = NULL;
  g_autofree char *description = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && gloss_cli_is_subcommand (argv[1]))
    return gloss_cli_run (argc, argv);

  if (!gloss_cli_check_projects (argc, argv))
    return GLOSS_CLI_EXIT_USAGE;

  g_set_application_name (_("Gloss"));
  application = gloss_application_new ();
  /* --help lists the subcommands too, which GApplication's options do not
   * know of. */
  description = gloss_cli_describe_subcommands ();
  g_application_set_option_context_parameter_string (G_APPLICATION (application),
                                                     _("[PROJECT.gloss]"));
  g_application_set_option_context_summary (G_APPLICATION (application),
                                            _("Annotate documents with labeled spans, and "
                                              "export them as datasets."));
  g_application_set_option_context_description (G_APPLICATION (application), description);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
