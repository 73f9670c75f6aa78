/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Label names as the type names of formats that split lines at white space:
 * brat entity, relation, event and attribute types and CoNLL tags. brat
 * holds only [A-Za-z0-9_-] in a type name, so the mapping writes every label
 * in that alphabet, a name brat can hold as it is, and reads it back
 * exactly:
 *
 *   ASCII letters, digits, "-"  as they are   "v-fin" -> "v-fin"
 *   space                       "_"           "Hardline camp" -> "Hardline_camp"
 *   any other character         "-HEX-", its code point in upper-case hex
 *                                             "Analyst / source" -> "Analyst_-2F-_source"
 *                                             "snake_case"       -> "snake-5F-case"
 *
 * A "-" that would read as the start of an escape ("a-2F-" as a label) is
 * written "-2D-" itself, and so is each of a label made only of hyphens,
 * since brat reads a line of hyphens in annotation.conf as a menu separator.
 * "_" cannot be written as it is: brat's own convention reads it as a space.
 *
 * Reading undoes this, and is lenient with names Gloss did not write: "_" is
 * a space, and a "-" that does not start an escape Gloss could have written
 * stays a "-" ("Person-Name" reads as itself). So a brat type name comes back
 * unchanged unless it holds what reads as an escape ("X-2F-").
 *
 * Attribute values are written the same way, but keep every character brat
 * holds in a value (any but white space, control characters, ",", "|", "<"
 * and ">"), non-ASCII letters included, and a value of hyphens ("-") as it
 * is.
 */

char *gloss_type_name_from_label (const char *label);
char *gloss_type_name_to_label   (const char *type_name);
char *gloss_type_name_from_value (const char *value);
char *gloss_type_name_to_value   (const char *written);

G_END_DECLS
