/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Label names as the type names of formats that split lines at white space:
 * brat entity types and CoNLL tags. brat accepts only [A-Za-z0-9_-] in a type
 * name, so the mapping writes every label in that alphabet, and reads it back
 * exactly:
 *
 *   ASCII letters and digits   as they are
 *   space                      "_"             "Hardline camp" -> "Hardline_camp"
 *   "-"                        "--"            "Pro-Russian"   -> "Pro--Russian"
 *   any other character        "-HEX-", its code point in upper-case hex
 *                                              "Analyst / source" -> "Analyst_-2F-_source"
 *                                              "snake_case"       -> "snake-5F-case"
 *
 * A label made only of hyphens has each written as "-2D-", since brat reads a
 * line of hyphens in annotation.conf as a menu separator.
 *
 * Reading undoes this, and is lenient with names Gloss did not write: "_" is
 * a space (brat's own convention), and a "-" that does not start an escape
 * Gloss could have written stays a "-" ("Person-Name" reads as itself).
 */

char *gloss_type_name_from_label (const char *label);
char *gloss_type_name_to_label   (const char *type_name);

G_END_DECLS
