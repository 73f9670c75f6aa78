/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every subcommand. */
typedef enum {
  GLOSS_CLI_EXIT_OK = 0,
  GLOSS_CLI_EXIT_BAD_INPUT = 1,
  GLOSS_CLI_EXIT_USAGE = 2,
} GlossCliExit;

gboolean gloss_cli_is_subcommand (const char *name);
int      gloss_cli_run           (int    argc,
                                  char **argv);
char    *gloss_cli_describe_subcommands (void);
gboolean gloss_cli_check_projects (int    argc,
                                   char **argv);

G_END_DECLS
