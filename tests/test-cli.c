/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The gloss binary's subcommands as a user types them: exit statuses,
 * what is printed, and what is left on disk. */

/* unshare () */
#define _GNU_SOURCE

#include "config.h"

#include "gloss-test-mount.h"
#include "gloss-test-run.h"
#include "gloss-test-util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "gloss-project.h"
#include "gloss-store.h"

typedef struct
{
  char *dir;
  char *project;
  char *mount_point;   /* a tmpfs of the test's, or NULL */
  char *bind_point;    /* a file mounted read-only over itself, or NULL */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = g_dir_make_tmp ("gloss-cli-XXXXXX", NULL);
  fixture->project = g_build_filename (fixture->dir, "corpus.gloss", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->bind_point != NULL)
    g_assert_cmpint (umount (fixture->bind_point), ==, 0);
  if (fixture->mount_point != NULL)
    g_assert_cmpint (umount (fixture->mount_point), ==, 0);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
  g_free (fixture->mount_point);
  g_free (fixture->bind_point);
}

/* The suite's many calls keep the short name. */
#define run_gloss gloss_test_run_gloss

static void
seed_project (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (fixture->project, gloss_project_seed_sample,
                                                    NULL, &error);

  g_assert_no_error (error);
}

static void
test_labels_json (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *labels;

  seed_project (fixture);
  g_assert_cmpint (run_gloss (&out, NULL, "labels", fixture->project, "--json", NULL), ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  labels = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (labels), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (labels, 1), "name"),
                   ==, "Hardline camp");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (labels, 1), "hotkey"),
                   ==, "2");
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  seed_project (fixture);
  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 1 (0 new, 1 in progress, 0 done)"));
  g_assert_nonnull (strstr (out, "Security establishment"));

  g_assert_cmpint (run_gloss (&json, NULL, "stats", fixture->project, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "spans"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "status"),
                                               "in-progress"), ==, 1);
}

/* The default project's relations, attribute and categories, counted. */
static void
test_stats_relations (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *object;
  JsonArray *array;

  seed_project (fixture);
  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Relations: 1\n"));
  g_assert_nonnull (strstr (out, "  opposes                           0 relations in 0 documents\n"));
  g_assert_nonnull (strstr (out, "  part of                           1 relation in 1 document\n"));
  g_assert_nonnull (strstr (out, "Attributes:\n"
                                 "  Confidence                        0 spans: low 0, high 0\n"));
  g_assert_nonnull (strstr (out, "Categories:\n"
                                 "  Stance toward the corridor\n"
                                 "    supportive                      0 documents\n"
                                 "    opposed                         0 documents\n"
                                 "    mixed                           0 documents\n"));

  g_assert_cmpint (run_gloss (&json, NULL, "stats", fixture->project, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "relations"), ==, 1);
  array = json_object_get_array_member (root, "relation_labels");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  object = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "part of");
  g_assert_cmpint (json_object_get_int_member (object, "relations"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "documents"), ==, 1);
  array = json_object_get_array_member (root, "attributes");
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "choice");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "values"),
                                               "high"), ==, 0);
  array = json_object_get_array_member (root, "category_sets");
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                   "Stance toward the corridor");
  g_assert_false (json_object_get_boolean_member (object, "multiple"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "categories")),
                    ==, 3);
}

/* A project with the categories and attribute values chosen, as a person
 * would in the window: the counts follow. */
static void
test_stats_counts_choices (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *out = NULL;
  gint64 document_id;

  seed_project (fixture);
  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (store, &error);
  document_id = g_array_index (ids, gint64, 0);
  sets = gloss_store_list_category_sets (store, &error);
  categories = gloss_store_list_categories (store, gloss_category_set_get_id (sets->pdata[0]),
                                            &error);
  attributes = gloss_store_list_attributes (store, &error);
  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_document_category (store, document_id,
                                                    gloss_category_get_id (categories->pdata[2]),
                                                    TRUE, &error));
  g_assert_true (gloss_store_set_span_attribute (store, gloss_span_get_id (spans->pdata[0]),
                                                 gloss_attribute_get_id (attributes->pdata[0]),
                                                 "high", &error));
  g_assert_true (gloss_store_set_span_attribute (store, gloss_span_get_id (spans->pdata[1]),
                                                 gloss_attribute_get_id (attributes->pdata[0]),
                                                 "high", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  Confidence                        2 spans: low 0, high 2\n"));
  g_assert_nonnull (strstr (out, "    mixed                           1 document\n"));
}

/* `gloss labels` lists the relation labels, attributes and category sets
 * after the labels. */
static void
test_labels_relations (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *labels;
  JsonArray *attributes;

  seed_project (fixture);
  g_assert_cmpint (run_gloss (&out, NULL, "labels", fixture->project, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "5  #9141ac  Analyst / source\n"
                                 "\n"
                                 "Relation labels:\n"
                                 "   #c01c28  opposes\n"
                                 "   #26a269  supports\n"
                                 "   #1c71d8  quotes\n"
                                 "   #5e5c64  part of\n"
                                 "\n"
                                 "Attributes:\n"
                                 "   Confidence (one of: low, high)\n"
                                 "\n"
                                 "Category sets:\n"
                                 "   Stance toward the corridor (one of)\n"
                                 "s    supportive\n"
                                 "o    opposed\n"
                                 "m    mixed\n"));

  /* The JSON stays the span labels, each with the attributes it takes. */
  g_assert_cmpint (run_gloss (&json, NULL, "labels", fixture->project, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  labels = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (labels), ==, 5);
  attributes = json_object_get_array_member (json_array_get_object_element (labels, 0),
                                             "attributes");
  g_assert_cmpuint (json_array_get_length (attributes), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (attributes, 0), ==, "Confidence");
}

/* `gloss export --category SET=CATEGORY` exports only the documents with
 * that choice; a choice the project does not have is refused. */
static void
test_export_category (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "more.gloss.jsonl", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "opposed.gloss.jsonl", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gloss.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *help = NULL;

  seed_project (fixture);
  g_file_set_contents (file,
                       "{\"gloss\": 2, \"labels\": [], \"category_sets\": [{\"name\": "
                       "\"Stance toward the corridor\", \"values\": [{\"name\": \"opposed\"}]}]}\n"
                       "{\"name\": \"velayati.txt\", \"text\": \"Velayati vowed to block it.\", "
                       "\"categories\": [{\"set\": \"Stance toward the corridor\", "
                       "\"value\": \"opposed\"}]}\n", -1, NULL);
  g_assert_cmpint (run_gloss (NULL, NULL, "import", fixture->project, file, NULL), ==, 0);

  g_assert_cmpint (run_gloss (&out, NULL, "export", fixture->project, "-o", output,
                              "--category", "Stance toward the corridor=opposed", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 document, 0 spans"));
  g_file_get_contents (output, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "\"name\": \"velayati.txt\""));
  g_assert_null (strstr (contents, "zangezur-corridor.txt"));
  g_assert_nonnull (strstr (contents, "\"relation_labels\": [{\"name\": \"opposes\""));

  g_assert_cmpint (run_gloss (NULL, &err, "export", fixture->project, "-o", missing,
                              "--category", "Stance toward the corridor=neutral", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "gloss: The project’s category set “Stance toward the corridor” has "
                            "no category “neutral”\n");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_gloss (&help, NULL, "export", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--category=SET=CATEGORY"));
}

/* Only import creates a project; the others refuse a missing one. *//* Only import creates a project; the others refuse a missing one. */
static void
test_missing_project (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_gloss (NULL, &err, "stats", fixture->project, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "corpus.gloss"));
  g_assert_false (g_file_test (fixture->project, G_FILE_TEST_EXISTS));
}

static void
test_foreign_file_untouched (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  const char *contents = "not a project\n";

  g_file_set_contents (fixture->project, contents, -1, NULL);
  g_assert_cmpint (run_gloss (NULL, &err, "labels", fixture->project, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not a Gloss project"));
  g_file_get_contents (fixture->project, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, contents);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, "/nonexistent.txt", NULL), ==, 1);
  g_clear_pointer (&after, g_free);
  g_file_get_contents (fixture->project, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, contents);
}

/* `gloss --help` lists the subcommands, not only the window's options. */
static void
test_help_lists_subcommands (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const char * const subcommands[] = { "import", "export", "stats", "labels" };
  g_autofree char *out = NULL;

  g_assert_cmpint (run_gloss (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--help-gapplication"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  gloss %s ", subcommands[i]);

      if (strstr (out, line) == NULL)
        g_error ("gloss --help does not list “%s”:\n%s", subcommands[i], out);
    }
}

/* A mistyped subcommand is not taken for a new project: nothing is
 * created, no window opens, and the message suggests the subcommand. */
static void
test_mistyped_subcommand (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *err = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  g_assert_cmpint (run_gloss (NULL, &err, "stat", "s.gloss", NULL), ==, 2);
  g_assert_cmpint (run_gloss (NULL, &other, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_nonnull (strstr (err, "“stat”"));
  g_assert_nonnull (strstr (err, "gloss stats"));
  g_assert_nonnull (strstr (err, ".gloss"));
  g_assert_nonnull (strstr (other, "“frobnicate”"));
  g_assert_null (strstr (other, "did you mean"));

  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_nonnull (dir);
  if ((name = g_dir_read_name (dir)) != NULL)
    g_error ("a mistyped subcommand left “%s” behind", name);
}

/* The list of formats shows under the commands that take one, and only
 * there. */
static void
test_help_formats (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const struct { const char *subcommand; gboolean formats; } cases[] = {
    { "import", TRUE }, { "export", TRUE }, { "stats", FALSE }, { "labels", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (run_gloss (&out, NULL, cases[i].subcommand, "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "--help"));
      if ((strstr (out, "Formats:") != NULL) != cases[i].formats)
        g_error ("gloss %s --help %s the formats:\n%s", cases[i].subcommand,
                 cases[i].formats ? "does not list" : "lists", out);
    }
}

/* A label with one span in one document says so in the singular. */
static void
test_stats_singular (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GlossSpan) span = NULL;
  gint64 document_id;

  store = gloss_store_create (fixture->project, NULL, NULL, &error);
  g_assert_no_error (error);
  label = gloss_store_add_label (store, "Reformist camp", "#3584e4", "1", "", &error);
  g_assert_no_error (error);
  document_id = gloss_store_add_document (store, "one.txt", "Pezeshkian spoke.", NULL, &error);
  g_assert_no_error (error);
  span = gloss_store_add_span (store, document_id, gloss_label_get_id (label), 0, 10, "", NULL,
                               &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Reformist camp"));
  g_assert_nonnull (strstr (out, "      1 span in 1 document\n"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  seed_project (fixture);
  g_assert_cmpint (run_gloss (NULL, NULL, "stats", NULL), ==, 2);
  g_assert_cmpint (run_gloss (NULL, NULL, "stats", fixture->project, "--bogus", NULL), ==, 2);
  g_assert_cmpint (run_gloss (NULL, &err, "export", fixture->project, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "-o PATH"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (NULL, &err, "export", fixture->project, "--format", "nonsense",
                              "-o", "x", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "unknown format"));
  g_assert_cmpint (run_gloss (&out, NULL, "export", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--status"));
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Export, import into a new project, export again: the same bytes. */
static void
round_trip (Fixture    *fixture,
            const char *format,
            const char *ending)
{
  g_autofree char *first = g_strdup_printf ("%s/first%s", fixture->dir, ending);
  g_autofree char *second = g_strdup_printf ("%s/second%s", fixture->dir, ending);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.gloss", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *out = NULL;

  seed_project (fixture);
  g_assert_cmpint (run_gloss (NULL, NULL, "export", fixture->project, "--format", format,
                              "-o", first, NULL), ==, 0);
  g_assert_cmpint (run_gloss (&out, NULL, "import", copy, first, "--format", format, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 document, 7 spans"));
  g_assert_cmpint (run_gloss (NULL, NULL, "export", copy, "--format", format, "-o", second, NULL),
                   ==, 0);

  first_text = read_text (first);
  second_text = read_text (second);
  g_assert_cmpstr (first_text, ==, second_text);
}

static void
test_round_trip_gloss (Fixture       *fixture,
                       gconstpointer  user_data)
{
  round_trip (fixture, "gloss", ".gloss.jsonl");
}

/* The same with the default project's relation, and an attribute value
 * and a category chosen: all of it comes back, byte for byte. */
static void
test_round_trip_gloss_relations (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "first.gloss.jsonl", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.gloss.jsonl", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.gloss", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  gint64 document_id;

  seed_project (fixture);
  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (store, &error);
  document_id = g_array_index (ids, gint64, 0);
  sets = gloss_store_list_category_sets (store, &error);
  categories = gloss_store_list_categories (store, gloss_category_set_get_id (sets->pdata[0]),
                                            &error);
  attributes = gloss_store_list_attributes (store, &error);
  spans = gloss_store_list_spans (store, document_id, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_set_document_category (store, document_id,
                                                    gloss_category_get_id (categories->pdata[2]),
                                                    TRUE, &error));
  g_assert_true (gloss_store_set_span_attribute (store, gloss_span_get_id (spans->pdata[3]),
                                                 gloss_attribute_get_id (attributes->pdata[0]),
                                                 "low", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (run_gloss (NULL, NULL, "export", fixture->project, "-o", first, NULL), ==, 0);
  g_assert_cmpint (run_gloss (NULL, NULL, "import", copy, first, NULL), ==, 0);
  g_assert_cmpint (run_gloss (NULL, NULL, "export", copy, "-o", second, NULL), ==, 0);

  first_text = read_text (first);
  second_text = read_text (second);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_nonnull (strstr (first_text, "\"relations\": [{\"label\": \"part of\", "));
  g_assert_nonnull (strstr (first_text, "\"attributes\": {\"Confidence\": \"low\"}"));
  g_assert_nonnull (strstr (first_text, "\"categories\": [{\"set\": \"Stance toward the "
                                        "corridor\", \"value\": \"mixed\"}]"));
}

static void
test_round_trip_labelstudio (Fixture       *fixture,
                             gconstpointer  user_data)
{
  round_trip (fixture, "labelstudio", ".labelstudio.json");
}

static void
assert_same_folders (const char *first,
                     const char *second)
{
  g_autoptr(GDir) dir = g_dir_open (first, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *a = g_build_filename (first, name, NULL);
      g_autofree char *b = g_build_filename (second, name, NULL);
      g_autofree char *a_text = read_text (a);
      g_autofree char *b_text = read_text (b);

      g_assert_cmpstr (a_text, ==, b_text);
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

/* brat writes a folder: the same files with the same bytes. */
static void
test_round_trip_brat (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "first-brat", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second-brat", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.gloss", NULL);

  seed_project (fixture);
  g_assert_cmpint (run_gloss (NULL, NULL, "export", fixture->project, "--format", "brat",
                              "-o", first, NULL), ==, 0);
  /* A folder with .ann files is brat without saying so. */
  g_assert_cmpint (run_gloss (NULL, NULL, "import", copy, first, NULL), ==, 0);
  g_assert_cmpint (run_gloss (NULL, NULL, "export", copy, "--format", "brat", "-o", second, NULL),
                   ==, 0);
  assert_same_folders (first, second);
}

/* Every format writes the sample, and says what it could not carry. */
static void
test_export_every_format (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char * const outputs[] = {
    "all.gloss.jsonl", "all.doccano.jsonl", "all.spacy.json", "all.labelstudio.json",
    "all-brat", "all.conll", "all-text", "all.csv",
  };
  static const char * const formats[] = {
    "gloss", "doccano", "spacy", "labelstudio", "brat", "conll", "text", "csv",
  };

  seed_project (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, outputs[i], NULL);
      g_autofree char *out = NULL;

      g_assert_cmpint (run_gloss (&out, NULL, "export", fixture->project, "--format", formats[i],
                                  "-o", path, NULL), ==, 0);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_nonnull (strstr (out, "1 document"));
    }
}

/* An existing target is kept unless --force; filters narrow the export. */
static void
test_export_force_and_filters (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.gloss.jsonl", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  seed_project (fixture);
  g_file_set_contents (path, "precious", -1, NULL);
  g_assert_cmpint (run_gloss (NULL, &err, "export", fixture->project, "-o", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--force"));
  contents = read_text (path);
  g_assert_cmpstr (contents, ==, "precious");

  g_assert_cmpint (run_gloss (NULL, NULL, "export", fixture->project, "-o", path, "--force",
                              "--label", "Hardline camp", NULL), ==, 0);
  g_clear_pointer (&contents, g_free);
  contents = read_text (path);
  g_assert_nonnull (strstr (contents, "Ali Khamenei"));
  g_assert_null (strstr (contents, "\"Masoud Pezeshkian\""));

  g_assert_cmpint (run_gloss (NULL, NULL, "export", fixture->project, "-o", path, "--force",
                              "--status", "done", NULL), ==, 0);
  g_clear_pointer (&contents, g_free);
  contents = read_text (path);
  g_assert_null (strstr (contents, "Zangezur"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (NULL, &err, "export", fixture->project, "-o", path, "--force",
                              "--label", "No such label", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No such label"));
}

/* A bad file names itself and the line, and leaves the project as it was. */
static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.gloss.jsonl", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  seed_project (fixture);
  g_file_set_contents (bad, "{\"gloss\": 1, \"labels\": []}\n{\"name\": \"a\", \"text\": ", -1, NULL);
  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "bad.gloss.jsonl"));
  g_assert_nonnull (strstr (err, "line 2"));

  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 1 "));

  /* A name that says nothing of the format asks for --format. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, "/tmp/x.data", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--format"));
}

/* Exports named as doccano, Label Studio and spaCy name them need no
 * --format: what each file starts with tells it. */
static void
test_import_detects_format (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *doccano = g_test_build_filename (G_TEST_DIST, "fixtures", "exports",
                                                    "admin.jsonl", NULL);
  g_autofree char *labelstudio = g_test_build_filename (G_TEST_DIST, "fixtures", "exports",
                                                        "project-1-at-2026-01-01-10-00-abcdef12.json",
                                                        NULL);
  g_autofree char *spacy = g_test_build_filename (G_TEST_DIST, "fixtures", "exports", "train.json",
                                                  NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_cmpint (run_gloss (&out, &err, "import", fixture->project, doccano, labelstudio, spacy,
                              NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  expected = g_strdup_printf ("%s: 2 documents, 3 spans", doccano);
  g_assert_nonnull (strstr (out, expected));

  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (store, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GlossDocument) document = gloss_store_get_document (store,
                                                                    g_array_index (ids, gint64, i),
                                                                    &error);

      g_assert_no_error (error);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", gloss_document_get_name (document));
    }
  g_assert_cmpstr (names->str, ==,
                   "doccano-12, doccano-13, velayati.txt, Pezeshkian on Baku, tasks.json #3, doc-1, "
                   "doc-2");
}

/* Files given as URIs: a file:// URI is the local file, escapes and
 * all; one without a local path is read through GIO, named by its URI;
 * one that is not there is named, and the others come in. */
static void
test_import_uris (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->project);
  g_autofree char *local = g_build_filename (dir, "field notes.txt", NULL);
  g_autofree char *local_uri = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_file_set_contents (local, "Notes from Baku.\n", -1, &error);
  g_assert_no_error (error);
  local_uri = g_filename_to_uri (local, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (local_uri, "%20"));

  /* One file is not there: the exit status says so. */
  g_assert_cmpint (run_gloss (&out, &err, "import", fixture->project, local_uri,
                              "resource:///io/github/glossapp/Gloss/core/zangezur-corridor.txt",
                              "resource:///io/github/glossapp/Gloss/core/missing.json", NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s: 1 document", local);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "resource:///io/github/glossapp/Gloss/core/zangezur-corridor.txt: "
                                 "1 document"));
  g_assert_nonnull (strstr (err, "“resource:///io/github/glossapp/Gloss/core/missing.json”"));

  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (store, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GlossDocument) document = gloss_store_get_document (store,
                                                                    g_array_index (ids, gint64, i),
                                                                    &error);

      g_assert_no_error (error);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", gloss_document_get_name (document));
    }
  g_assert_cmpstr (names->str, ==, "field notes.txt, zangezur-corridor.txt");
}

/* Broken JSON named as JSON is told by file, line and column even without
 * --format, rather than as a format that cannot be told; valid JSON of
 * no known format asks for --format. */
static void
test_import_broken_json (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.json", NULL);
  g_autofree char *deep = g_build_filename (fixture->dir, "deep.json", NULL);
  g_autofree char *lines = g_build_filename (fixture->dir, "lines.jsonl", NULL);
  g_autofree char *valid = g_build_filename (fixture->dir, "valid.json", NULL);
  g_autofree char *nesting = g_strnfill (100000, '[');
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  seed_project (fixture);
  g_file_set_contents (broken, "{\"a\": [1,2,}", -1, NULL);
  g_file_set_contents (deep, nesting, -1, NULL);
  g_file_set_contents (lines, "{\"a\": 1}\n\n{\"a\": 2}\n{\"a\": [}\n", -1, NULL);
  g_file_set_contents (valid, "{\"a\": [1, 2]}", -1, NULL);

  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, broken, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.json, line 1, column 12: not valid JSON"));
  g_assert_null (strstr (err, "Cannot tell"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, deep, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "deep.json, line 1, column "));
  g_assert_null (strstr (err, "Cannot tell"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, lines, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "lines.jsonl, line 4, column "));
  g_assert_null (strstr (err, "Cannot tell"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, valid, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Cannot tell the format of"));
  g_assert_nonnull (strstr (err, "--format"));

  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 1 "));
}

/* A project another program holds: the import says which program, by
 * name and process, as the window does. */
static void
test_import_busy_names_holder (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *note = g_build_filename (fixture->dir, "note.txt", NULL);
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  g_autofree char *expected = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  const char *argv[] = { NULL, fixture->project, NULL };
  static const char commands[] = "BEGIN EXCLUSIVE;\nSELECT 'locked';\n";
  GPid pid;
  int in_fd, out_fd;
  int wait_status;

  if (sqlite == NULL)
    {
      g_test_skip ("needs the sqlite3 program to hold the project");
      return;
    }

  seed_project (fixture);
  g_file_set_contents (note, "A note on the Meghri crossing.", -1, NULL);

  /* sqlite3 keeps the transaction, and the lock, while its input is open. */
  argv[0] = sqlite;
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (in_fd, commands, strlen (commands)), ==, (gssize) strlen (commands));
  while (strstr (said->str, "locked\n") == NULL)
    {
      char buffer[256];
      gssize n = read (out_fd, buffer, sizeof buffer);

      g_assert_cmpint (n, >, 0);
      g_string_append_len (said, buffer, n);
    }

  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, note, NULL), ==, 1);

  close (in_fd);
  close (out_fd);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);

  expected = g_strdup_printf ("is in use by sqlite3 (process %d): 0 of 1 file imported",
                              (int) pid);
  if (strstr (err, expected) == NULL)
    g_error ("expected “%s” in:\n%s", expected, err);

  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 1 "));
}

/* gloss import ends with the texts in the search index: none waits, and
 * a search finds them through it. */
static void
test_import_indexes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  int wait_status;

  g_strv_builder_add_many (args, g_getenv ("GLOSS_BINARY"), "import", fixture->project, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%u.txt", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("Note %u on the Zangezur corridor.", i);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_strv_builder_add (args, path);
    }
  argv = g_strv_builder_end (args);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (store), ==, 3);
  g_assert_cmpuint (gloss_store_count_texts_to_index (store), ==, 0);
  results = gloss_store_search_project (store, "zangezur", GLOSS_SEARCH_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);

  /* --help says so. */
  g_assert_cmpint (run_gloss (&out, NULL, "import", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "search index"));
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Asks the project at PATH through SQLite, with no lock and no file left
 * beside it (for a project no process has open). */
static gint64
query_int (const char *path,
           const char *sql)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *target = g_strconcat (uri, "?immutable=1", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
write_notes (GStrvBuilder *args,
             const char   *dir,
             const char   *prefix,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("%s-%u.txt", prefix, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("%s note %u on the Zangezur corridor.", prefix, i);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_strv_builder_add (args, path);
    }
}

#define RACE_ROUNDS 4
#define RACE_FILES 150

/* Two imports create the same new project at once: one makes it, the
 * other imports into what it made; the project is whole and holds every
 * document of both. */
static void
test_create_race (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *notes = g_build_filename (fixture->dir, "notes", NULL);
  g_autoptr(GStrvBuilder) east = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) west = g_strv_builder_new ();
  g_auto(GStrv) east_files = NULL;
  g_auto(GStrv) west_files = NULL;

  g_assert_cmpint (g_mkdir (notes, 0755), ==, 0);
  write_notes (east, notes, "east", RACE_FILES);
  write_notes (west, notes, "west", RACE_FILES);
  east_files = g_strv_builder_end (east);
  west_files = g_strv_builder_end (west);

  for (guint round = 0; round < RACE_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%u.gloss", round);
      g_autofree char *project = g_build_filename (fixture->dir, name, NULL);
      GPid pids[2];

      for (guint side = 0; side < 2; side++)
        {
          g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
          g_auto(GStrv) argv = NULL;
          g_autoptr(GError) error = NULL;

          g_strv_builder_add_many (args, g_getenv ("GLOSS_BINARY"), "import", project, NULL);
          g_strv_builder_addv (args, (const char **) (side == 0 ? east_files : west_files));
          argv = g_strv_builder_end (args);
          g_spawn_async (NULL, argv, NULL,
                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         &pids[side], &error);
          g_assert_no_error (error);
        }

      for (guint side = 0; side < 2; side++)
        {
          int wait_status;

          g_assert_cmpint (waitpid (pids[side], &wait_status, 0), ==, pids[side]);
          g_spawn_close_pid (pids[side]);
          g_assert_true (WIFEXITED (wait_status));
          g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
        }

      g_assert_cmpint (query_int (project, "SELECT count (*) FROM pragma_integrity_check "
                                           "WHERE integrity_check = 'ok'"), ==, 1);
      g_assert_cmpint (query_int (project, "SELECT count (DISTINCT name) FROM documents"),
                       ==, 2 * RACE_FILES);
      g_assert_cmpint (query_int (project, "SELECT count (*) FROM document_texts"),
                       ==, 2 * RACE_FILES);
    }

  /* No temporary file is left. (A -wal and -shm may be: two processes
   * that close at the same moment each see the other still there.) */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "."));
  }
}

/* An import into a new project that brings nothing in leaves no project. */
static void
test_import_nothing_creates_nothing (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "scan.txt", NULL);
  g_autofree char *err = NULL;

  g_file_set_contents (bad, "Zangezur \xff\xfe corridor", -1, NULL);
  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "scan.txt"));
  g_assert_nonnull (strstr (err, "corpus.gloss"));
  g_assert_false (g_file_test (fixture->project, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* stats, labels and export only read: an old project is not upgraded by
 * them (nor copied), and they say what to do. */
static void
test_read_commands_leave_old_project (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.sql",
                                                         NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out.gloss.jsonl", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (fixture->project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (fixture->project, &before, &before_len, &error);
  g_assert_no_error (error);

  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_gloss (NULL, &err, "stats", fixture->project, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "corpus.gloss"));
    g_assert_nonnull (strstr (err, "needs upgrading"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_gloss (NULL, &err, "labels", fixture->project, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "needs upgrading"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_gloss (NULL, &err, "export", fixture->project, "-o", out, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "needs upgrading"));
  }

  g_file_get_contents (fixture->project, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  /* An import upgrades it, and then they read it. */
  {
    g_autofree char *note = g_build_filename (fixture->dir, "note.txt", NULL);

    g_file_set_contents (note, "Nakhchivan next.", -1, NULL);
    g_assert_cmpint (run_gloss (NULL, NULL, "import", fixture->project, note, NULL), ==, 0);
    g_assert_cmpint (run_gloss (NULL, NULL, "stats", fixture->project, NULL), ==, 0);
  }
}

/* An SQLite file with Gloss's mark and no schema is not a project: no
 * command changes it or copies it. */
static void
test_marked_file_untouched (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *note = g_build_filename (fixture->dir, "note.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (fixture->project, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1196183379;"
                                     "CREATE TABLE notes (text TEXT);", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (fixture->project, &before, &before_len, &error);
  g_file_set_contents (note, "Nakhchivan next.", -1, NULL);

  g_assert_cmpint (run_gloss (NULL, &err, "stats", fixture->project, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a Gloss project"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (NULL, &err, "import", fixture->project, note, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a Gloss project"));

  g_file_get_contents (fixture->project, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

/* A tmpfs of SIZE at DIR/disk. */
static char *
mount_disk (Fixture    *fixture,
            const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s", size);

  fixture->mount_point = g_build_filename (fixture->dir, "disk", NULL);
  g_assert_cmpint (g_mkdir (fixture->mount_point, 0755), ==, 0);
  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs", 0, options), ==, 0);

  return g_build_filename (fixture->mount_point, "corpus.gloss", NULL);
}

/* The read-only commands on a project that cannot be written work, and
 * leave nothing beside it; an import says the project is read-only. */
static void
assert_read_commands_work (const char *project,
                           const char *out_dir)
{
  g_autofree char *dir = g_path_get_dirname (project);
  g_autofree char *wal = g_strconcat (project, "-wal", NULL);
  g_autofree char *shm = g_strconcat (project, "-shm", NULL);
  g_autofree char *out = g_build_filename (out_dir, "out.gloss.jsonl", NULL);
  g_autofree char *note = g_build_filename (out_dir, "note.txt", NULL);
  g_autofree char *stats = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_gloss (&stats, NULL, "stats", project, NULL), ==, 0);
  g_assert_nonnull (strstr (stats, "Documents: 1 "));
  g_assert_cmpint (run_gloss (&labels, NULL, "labels", project, NULL), ==, 0);
  g_assert_nonnull (strstr (labels, "Hardline camp"));
  g_assert_cmpint (run_gloss (NULL, NULL, "export", project, "-o", out, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "Ali Khamenei"));

  g_file_set_contents (note, "Nakhchivan next.", -1, NULL);
  g_assert_cmpint (run_gloss (NULL, &err, "import", project, note, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "read-only"));

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A project on a read-only disk; once the disk is writable again, an
 * import works. */
static void
test_read_only_disk (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *project = NULL;
  g_autofree char *note = g_build_filename (fixture->dir, "note.txt", NULL);
  g_autofree char *out = NULL;

  if (!gloss_test_can_mount ())
    return;

  project = mount_disk (fixture, "8m");
  g_free (fixture->project);
  fixture->project = g_strdup (project);
  seed_project (fixture);
  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs", MS_REMOUNT | MS_RDONLY,
                          "size=8m"), ==, 0);

  assert_read_commands_work (project, fixture->dir);
  g_assert_cmpuint (count_files (fixture->mount_point), ==, 1);

  g_assert_cmpint (mount ("tmpfs", fixture->mount_point, "tmpfs", MS_REMOUNT, "size=8m"), ==, 0);
  g_assert_cmpint (run_gloss (NULL, NULL, "import", project, note, NULL), ==, 0);
  g_assert_cmpint (run_gloss (&out, NULL, "stats", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 2 "));
}

/* A read-only project file in a folder that can be written: nothing is
 * made beside it, so that once it is writable again an import works. */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *note = NULL;
  g_autofree char *out = NULL;

  if (!gloss_test_can_mount ())
    return;

  seed_project (fixture);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  g_assert_cmpint (mount (fixture->project, fixture->project, NULL, MS_BIND, NULL), ==, 0);
  fixture->bind_point = g_strdup (fixture->project);
  g_assert_cmpint (mount (NULL, fixture->project, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL),
                   ==, 0);

  assert_read_commands_work (fixture->project, out_dir);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);

  g_assert_cmpint (umount (fixture->bind_point), ==, 0);
  g_clear_pointer (&fixture->bind_point, g_free);
  note = g_build_filename (out_dir, "note.txt", NULL);
  g_assert_cmpint (run_gloss (NULL, NULL, "import", fixture->project, note, NULL), ==, 0);
  g_assert_cmpint (run_gloss (&out, NULL, "stats", fixture->project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 2 "));
}

/* A new project on a full disk: the errors name the project the user
 * gave, never the temporary file it is built as, and nothing is left. The
 * disk fills while the files go in (256k), or before the empty project is
 * even made (40k). */
static void
test_full_disk_new_project (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *size = user_data;
  g_autofree char *project = NULL;
  g_autofree char *big = g_build_filename (fixture->dir, "hearings.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *err = NULL;

  if (!gloss_test_can_mount ())
    return;

  project = mount_disk (fixture, size);
  while (text->len < 2 << 20)
    g_string_append (text, "Velayati vowed to block the Zangezur corridor. ");
  g_file_set_contents (big, text->str, text->len, NULL);

  g_assert_cmpint (run_gloss (NULL, &err, "import", project, big, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "corpus.gloss"));
  g_assert_null (strstr (err, ".corpus.gloss-"));
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->mount_point), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gloss_test_private_mounts ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/cli/labels-json", test_labels_json);
  ADD ("/gloss/cli/stats", test_stats);
  ADD ("/gloss/cli/stats-relations", test_stats_relations);
  ADD ("/gloss/cli/stats-counts-choices", test_stats_counts_choices);
  ADD ("/gloss/cli/labels-relations", test_labels_relations);
  ADD ("/gloss/cli/export-category", test_export_category);
  ADD ("/gloss/cli/missing-project", test_missing_project);
  ADD ("/gloss/cli/foreign-file-untouched", test_foreign_file_untouched);
  ADD ("/gloss/cli/usage", test_usage);
  ADD ("/gloss/cli/help-lists-subcommands", test_help_lists_subcommands);
  ADD ("/gloss/cli/help-formats", test_help_formats);
  ADD ("/gloss/cli/mistyped-subcommand", test_mistyped_subcommand);
  ADD ("/gloss/cli/stats-singular", test_stats_singular);
  ADD ("/gloss/cli/round-trip/gloss", test_round_trip_gloss);
  ADD ("/gloss/cli/round-trip/gloss-relations", test_round_trip_gloss_relations);
  ADD ("/gloss/cli/round-trip/labelstudio", test_round_trip_labelstudio);
  ADD ("/gloss/cli/round-trip/brat", test_round_trip_brat);
  ADD ("/gloss/cli/export-every-format", test_export_every_format);
  ADD ("/gloss/cli/export-force-and-filters", test_export_force_and_filters);
  ADD ("/gloss/cli/import-bad-file", test_import_bad_file);
  ADD ("/gloss/cli/import-broken-json", test_import_broken_json);
  ADD ("/gloss/cli/import-busy-names-holder", test_import_busy_names_holder);
  ADD ("/gloss/cli/import-indexes", test_import_indexes);
  ADD ("/gloss/cli/create-race", test_create_race);
  ADD ("/gloss/cli/import-nothing-creates-nothing", test_import_nothing_creates_nothing);
  ADD ("/gloss/cli/read-commands-leave-old-project", test_read_commands_leave_old_project);
  ADD ("/gloss/cli/marked-file-untouched", test_marked_file_untouched);
  ADD ("/gloss/cli/read-only-disk", test_read_only_disk);
  ADD ("/gloss/cli/read-only-file", test_read_only_file);
  g_test_add ("/gloss/cli/full-disk-new-project/importing", Fixture, "256k", fixture_set_up,
              test_full_disk_new_project, fixture_tear_down);
  g_test_add ("/gloss/cli/full-disk-new-project/creating", Fixture, "40k", fixture_set_up,
              test_full_disk_new_project, fixture_tear_down);
  ADD ("/gloss/cli/import-detects-format", test_import_detects_format);
  ADD ("/gloss/cli/import-uris", test_import_uris);

#undef ADD

  return g_test_run ();
}
