/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The gloss binary's subcommands as a user types them: exit statuses,
 * what is printed, and what is left on disk. */

#include "config.h"

#include "gloss-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-project.h"
#include "gloss-store.h"

typedef struct
{
  char *dir;
  char *project;
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
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

/* Runs gloss with the NULL-terminated arguments; returns its exit status. */
static int
run_gloss (char       **out,
           char       **err,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *binary = g_getenv ("GLOSS_BINARY");
  va_list args;
  int wait_status;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

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

/* Only import creates a project; the others refuse a missing one. */
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/cli/labels-json", test_labels_json);
  ADD ("/gloss/cli/stats", test_stats);
  ADD ("/gloss/cli/missing-project", test_missing_project);
  ADD ("/gloss/cli/foreign-file-untouched", test_foreign_file_untouched);
  ADD ("/gloss/cli/usage", test_usage);
  ADD ("/gloss/cli/round-trip/gloss", test_round_trip_gloss);
  ADD ("/gloss/cli/round-trip/labelstudio", test_round_trip_labelstudio);
  ADD ("/gloss/cli/round-trip/brat", test_round_trip_brat);
  ADD ("/gloss/cli/export-every-format", test_export_every_format);
  ADD ("/gloss/cli/export-force-and-filters", test_export_force_and_filters);
  ADD ("/gloss/cli/import-bad-file", test_import_bad_file);
  ADD ("/gloss/cli/import-indexes", test_import_indexes);

#undef ADD

  return g_test_run ();
}
