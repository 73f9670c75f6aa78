/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A project's own files, by any name (a link, a hard link, a path through
 * another folder, the -wal, -shm and -journal beside it): an import never
 * reads one as a dataset and an export never replaces one, each refused
 * with a message naming the file. Closing a descriptor of the project
 * would drop the locks this process holds on it, so the tests check that
 * the process still holds them, that the project is as it was, and that
 * SQLite finds it whole. In the process that has the project open, as the
 * window has it, and through the gloss binary. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-export.h"
#include "gloss-import.h"
#include "gloss-store.h"
#include "gloss-test-run.h"
#include "gloss-test-store.h"
#include "gloss-test-util.h"

typedef struct
{
  char *dir;
  char *project;
  GlossStore *store;
  char *before;   /* the project's rows after the setup */
} Fixture;

/* Every row of the project, read through SQLite on a connection of its
 * own: two dumps are equal when the project holds the same. The
 * connections here can write, so that the last to close takes the -wal
 * and -shm away, as a store does. */
static char *
dump_project (const char *path)
{
  static const char * const queries[] = {
    "SELECT id, name, status FROM documents ORDER BY id",
    "SELECT document, text FROM document_texts ORDER BY document",
    "SELECT id, name, color, hotkey, description, position FROM labels ORDER BY id",
    "SELECT id, document, label, start, end, annotator, note FROM spans ORDER BY id",
  };
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
assert_integrity_ok (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The project holds what it held, SQLite finds it whole, and while the
 * fixture's store has it open this process still holds its locks on the
 * project and on its -shm. */
static void
assert_project_intact (Fixture *fixture)
{
  g_autofree char *now = dump_project (fixture->project);

  g_assert_cmpstr (now, ==, fixture->before);
  assert_integrity_ok (fixture->project);

  if (fixture->store != NULL)
    {
      g_autofree char *shm = g_strconcat (fixture->project, "-shm", NULL);

      g_assert_true (gloss_test_process_holds_lock (fixture->project));
      g_assert_true (gloss_test_process_holds_lock (shm));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GlossSpan) span = NULL;
  gint64 document;

  fixture->dir = g_dir_make_tmp ("gloss-project-files-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->project = g_build_filename (fixture->dir, "p.gloss", NULL);
  fixture->store = gloss_store_create (fixture->project, NULL, NULL, &error);
  g_assert_no_error (error);

  label = gloss_store_add_label (fixture->store, "Actor", "#3584e4", "1", "", &error);
  g_assert_no_error (error);
  document = gloss_store_add_document (fixture->store, "a.txt", "Velayati met Pezeshkian.", NULL,
                                       &error);
  g_assert_no_error (error);
  span = gloss_store_add_span (fixture->store, document, gloss_label_get_id (label), 0, 8, "Ana",
                               "", &error);
  g_assert_no_error (error);

  fixture->before = dump_project (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->before);
  g_free (fixture->project);
  g_free (fixture->dir);
}

/* FIXTURE's folder's NAME. */
static char *
in_dir (Fixture    *fixture,
        const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
make_symlink (const char *target,
              const char *path)
{
  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
make_hard_link (const char *target,
                const char *path)
{
  g_assert_cmpint (link (target, path), ==, 0);
}

/* Imports PATH alone as FORMAT (NULL: as the import tells it); the error
 * it was refused with. */
static GError *
import_refused (Fixture           *fixture,
                const char        *path,
                const GlossFormat *format)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GPtrArray) results = NULL;
  GlossImportResult *result;

  results = gloss_import_paths (fixture->store, paths, format, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_nonnull (result->error);
  return g_steal_pointer (&result->error);
}

/* The project itself, and the files SQLite keeps beside it, by their names
 * and by others, are not read, in any format and with none given. */
static void
test_import_itself (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *sub = in_dir (fixture, "sub");
  g_autofree char *roundabout = g_build_filename (fixture->dir, "sub", "..", "p.gloss", NULL);
  g_autofree char *symlinked = in_dir (fixture, "link.txt");
  g_autofree char *hard = in_dir (fixture, "hard.txt");
  g_autofree char *wal = g_strconcat (fixture->project, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->project, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->project, "-journal", NULL);
  g_autofree char *shm_link = in_dir (fixture, "index.txt");
  const GlossFormat *formats[] = { gloss_format_lookup ("text"), gloss_format_lookup ("doccano"),
                                   gloss_format_lookup ("gloss"), NULL };
  struct
  {
    const char *path;
    gboolean sidecar;
  } cases[] = {
    { fixture->project, FALSE },
    { roundabout, FALSE },
    { symlinked, FALSE },
    { hard, FALSE },
    { wal, TRUE },
    { shm, TRUE },
    { shm_link, TRUE },
    /* Not there in WAL mode: refused by its name. */
    { journal, TRUE },
  };

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  make_symlink ("p.gloss", symlinked);
  make_hard_link (fixture->project, hard);
  make_symlink (shm, shm_link);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr(GError) error = import_refused (fixture, cases[i].path, formats[f]);
        g_autofree char *expected = NULL;

        if (cases[i].sidecar)
          expected = g_strdup_printf ("“%s” is a file SQLite keeps beside the project “%s”, "
                                      "which is open: it is not read as a dataset",
                                      cases[i].path, fixture->project);
        else
          expected = g_strdup_printf ("“%s” is the project “%s”, which is open: a project is "
                                      "not read as a dataset",
                                      cases[i].path, fixture->project);
        g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT);
        g_assert_cmpstr (error->message, ==, expected);
        assert_project_intact (fixture);
      }
}

/* A folder import reads the folder's other files and says which one it
 * left out; a brat document whose text is the project is refused by name. */
static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *corpus = in_dir (fixture, "corpus");
  g_autofree char *note = g_build_filename (corpus, "a-note.txt", NULL);
  g_autofree char *hard = g_build_filename (corpus, "project.txt", NULL);
  g_autofree char *brat = in_dir (fixture, "brat");
  g_autofree char *brat_txt = g_build_filename (brat, "doc.txt", NULL);
  g_autofree char *brat_ann = g_build_filename (brat, "doc.ann", NULL);
  g_autofree char *warning = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) results = NULL;
  GlossImportResult *result;
  const char *paths[] = { corpus, NULL };
  guint documents = gloss_store_count_documents (fixture->store);

  g_assert_cmpint (g_mkdir (corpus, 0700), ==, 0);
  g_assert_true (g_file_set_contents (note, "Baku said no.", -1, NULL));
  make_hard_link (fixture->project, hard);

  results = gloss_import_paths (fixture->store, paths, gloss_format_lookup ("text"), NULL, NULL,
                                NULL);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_no_error (result->error);
  g_assert_cmpuint (result->report->documents, ==, 1);
  warning = g_strdup_printf ("folder %s: project.txt is the project “%s”, which is open, or a "
                             "file SQLite keeps beside it; it was not read",
                             corpus, fixture->project);
  g_assert_cmpuint (result->report->warnings->len, ==, 1);
  g_assert_cmpstr (result->report->warnings->pdata[0], ==, warning);
  g_assert_cmpuint (gloss_store_count_documents (fixture->store), ==, documents + 1);
  g_assert_true (gloss_test_process_holds_lock (fixture->project));
  assert_integrity_ok (fixture->project);

  /* The import's document is the only change. */
  g_free (fixture->before);
  fixture->before = dump_project (fixture->project);

  g_assert_cmpint (g_mkdir (brat, 0700), ==, 0);
  make_hard_link (fixture->project, brat_txt);
  g_assert_true (g_file_set_contents (brat_ann, "", -1, NULL));
  paths[0] = brat;
  g_clear_pointer (&results, g_ptr_array_unref);
  results = gloss_import_paths (fixture->store, paths, gloss_format_lookup ("brat"), NULL, NULL,
                                NULL);
  result = g_ptr_array_index (results, 0);
  expected = g_strdup_printf ("“%s” is the project “%s”, which is open: a project is not read "
                              "as a dataset",
                              brat_txt, fixture->project);
  g_assert_error (result->error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT);
  g_assert_cmpstr (result->error->message, ==, expected);
  assert_project_intact (fixture);
}

/* Exports onto the project or a file beside it, by any name, even with
 * force, and onto the folder that holds it, are refused before anything is
 * written. */
static void
test_export_itself (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) exporting = NULL;
  g_autofree char *symlinked = in_dir (fixture, "link.jsonl");
  g_autofree char *hard = in_dir (fixture, "hard.jsonl");
  g_autofree char *wal = g_strconcat (fixture->project, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->project, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->project, "-journal", NULL);
  g_autofree char *dir_slash = g_strconcat (fixture->dir, "/", NULL);
  g_autofree char *holds = NULL;
  g_autoptr(GlossFormatReport) folder_report = gloss_format_report_new ();
  GlossExportFilter filter = { 0, NULL };
  struct
  {
    const char *path;
    gboolean sidecar;
  } cases[] = {
    { fixture->project, FALSE },
    { symlinked, FALSE },
    { hard, FALSE },
    { wal, TRUE },
    { shm, TRUE },
    { journal, TRUE },
  };
  const char *formats[] = { "gloss", "csv", "brat" };

  make_symlink ("p.gloss", symlinked);
  make_hard_link (fixture->project, hard);

  /* As the Export window does it: a read-only connection of its own. */
  exporting = gloss_store_open_connection (fixture->store, TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      for (gboolean force = FALSE; force <= TRUE; force++)
        {
          g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
          g_autofree char *expected = NULL;

          g_assert_false (gloss_export_path (exporting, gloss_format_lookup (formats[f]),
                                             cases[i].path, &filter, force, report, &error));
          if (cases[i].sidecar)
            expected = g_strdup_printf ("“%s” is a file SQLite keeps beside the project “%s”, "
                                        "which is open: choose another name",
                                        cases[i].path, fixture->project);
          else
            expected = g_strdup_printf ("“%s” is the project “%s”, which is open: an export "
                                        "never replaces a project; choose another name",
                                        cases[i].path, fixture->project);
          g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT);
          g_assert_cmpstr (error->message, ==, expected);
          g_clear_error (&error);
          assert_project_intact (fixture);
        }

  /* A folder format would replace the folder, the project in it too. */
  g_assert_false (gloss_export_path (exporting, gloss_format_lookup ("text"), dir_slash, &filter,
                                     TRUE, folder_report, &error));
  holds = g_strdup_printf ("“%s” holds the project “%s”, which is open: choose another folder",
                           fixture->dir, fixture->project);
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PROJECT);
  g_assert_cmpstr (error->message, ==, holds);

  /* The links are still the links, and no export's temporary is left. */
  g_assert_true (g_file_test (symlinked, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "."));
  }
  g_clear_object (&exporting);
  assert_project_intact (fixture);
}

/* Runs the built gloss binary in FIXTURE's folder; its exit status, and
 * what it printed. */
#define run_gloss(fixture, out, err, ...) \
  gloss_test_run_gloss_in ((fixture)->dir, (out), (err), __VA_ARGS__)

/* gloss import PROJECT PROJECT, and its files beside it, the way a user
 * types them. */
static void
test_cli_import_itself (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const names[] = { "p.gloss", "./p.gloss", "p.gloss-wal", "p.gloss-shm" };
  g_autofree char *corpus = in_dir (fixture, "corpus");
  g_autofree char *note = g_build_filename (corpus, "a-note.txt", NULL);
  g_autofree char *hard = g_build_filename (corpus, "project.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GArray) ids = NULL;

  /* Nothing else has the project open: the gloss process is alone. */
  g_clear_object (&fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint with_format = 0; with_format < 2; with_format++)
      {
        g_autofree char *expected = NULL;

        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
        g_assert_cmpint (run_gloss (fixture, &out, &err, "import", "p.gloss", names[i],
                                    with_format ? "--format" : NULL, "text", NULL),
                         ==, 1);
        if (g_str_has_suffix (names[i], ".gloss"))
          expected = g_strdup_printf ("gloss: “%s” is the project “p.gloss”, which is open: a "
                                      "project is not read as a dataset\n"
                                      "gloss: nothing of “%s” was imported\n",
                                      names[i], names[i]);
        else
          expected = g_strdup_printf ("gloss: “%s” is a file SQLite keeps beside the project "
                                      "“p.gloss”, which is open: it is not read as a dataset\n"
                                      "gloss: nothing of “%s” was imported\n",
                                      names[i], names[i]);
        g_assert_cmpstr (err, ==, expected);
        assert_project_intact (fixture);
      }

  /* In a folder, the project under another name is left out, by name. */
  g_assert_cmpint (g_mkdir (corpus, 0700), ==, 0);
  g_assert_true (g_file_set_contents (note, "Baku said no.", -1, NULL));
  make_hard_link (fixture->project, hard);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (fixture, &out, &err, "import", "p.gloss", "corpus", "--format",
                              "text", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "folder corpus: project.txt is the project “p.gloss”, which is "
                                 "open, or a file SQLite keeps beside it; it was not read"));
  assert_integrity_ok (fixture->project);

  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
}

/* gloss export PROJECT -o PROJECT --force, and onto the files beside it. */
static void
test_cli_export_itself (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const targets[] = {
    "p.gloss", "./p.gloss", "p.gloss-wal", "p.gloss-shm", "p.gloss-journal",
  };

  g_clear_object (&fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpint (run_gloss (fixture, &out, &err, "export", "p.gloss", "--format", "gloss",
                                  "-o", targets[i], "--force", NULL), ==, 2);
      if (g_str_has_suffix (targets[i], ".gloss"))
        expected = g_strdup_printf ("gloss: “%s” is the project “p.gloss”, which is open: an "
                                    "export never replaces a project; choose another name\n",
                                    targets[i]);
      else
        expected = g_strdup_printf ("gloss: “%s” is a file SQLite keeps beside the project "
                                    "“p.gloss”, which is open: choose another name\n",
                                    targets[i]);
      g_assert_cmpstr (err, ==, expected);
      g_assert_cmpstr (out, ==, "");
      assert_project_intact (fixture);
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_gloss (fixture, &out, &err, "export", "p.gloss", "--format", "text",
                                "-o", ".", "--force", NULL), ==, 2);
    g_assert_cmpstr (err, ==, "gloss: “.” holds the project “p.gloss”, which is open: choose "
                              "another folder\n");
    assert_project_intact (fixture);
  }

  /* Nothing was left beside it: no export, no log. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_cmpstr (name, ==, "p.gloss");
  }
}

/* Save a Copy onto the project, or onto the name of a file SQLite keeps
 * beside it, is refused by name: a copy named p.gloss-wal or
 * p.gloss-journal would be taken for the project's log or journal. */
static void
test_save_copy_onto_project (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->project, "-wal", NULL);
  g_autofree char *journal = g_strconcat (fixture->project, "-journal", NULL);
  const char *targets[] = { fixture->project, wal, journal };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("Could not save a copy as “%s”: that is a "
                                                   "project open in Gloss, or a file SQLite keeps "
                                                   "beside one; choose another name",
                                                   targets[i]);

      g_assert_false (gloss_store_save_copy (fixture->store, targets[i], &error));
      g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
      g_assert_cmpstr (error->message, ==, expected);
      assert_project_intact (fixture);
    }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Opening the -shm, -wal or -journal of a project that is open, as a
 * project (File > Open in the window), is refused by name: its header was
 * read through a descriptor of its own, whose closing dropped the locks the
 * open project holds on its -shm. Nor is a project created under such a
 * name. The project by another path opens: SQLite knows it is the same
 * file; through a hard link it would not find the log, and is refused. */
static void
test_open_sidecar (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char * const suffixes[] = { "-shm", "-wal", "-journal" };
  g_autofree char *hard = in_dir (fixture, "hard.gloss");
  g_autofree char *sub = in_dir (fixture, "sub");
  g_autofree char *roundabout = g_build_filename (fixture->dir, "sub", "..", "p.gloss", NULL);
  g_autoptr(GlossStore) same = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    for (guint read_only = 0; read_only < 2; read_only++)
      {
        g_autofree char *sidecar = g_strconcat (fixture->project, suffixes[i], NULL);
        g_autofree char *expected = g_strdup_printf ("“%s” is a file SQLite keeps beside the "
                                                     "project “%s”, which is open: open “%s”",
                                                     sidecar, fixture->project,
                                                     fixture->project);
        g_autoptr(GlossStore) store = NULL;

        store = read_only ? gloss_store_open_read_only (sidecar, &error)
                          : gloss_store_open (sidecar, &error);
        g_assert_null (store);
        g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT);
        g_assert_cmpstr (error->message, ==, expected);
        g_clear_error (&error);
        assert_project_intact (fixture);
      }

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  /* Nor is a new project made under such a name. */
  {
    g_autofree char *journal = g_strconcat (fixture->project, "-journal", NULL);
    g_autofree char *expected = g_strdup_printf ("“%s” is a file SQLite keeps beside the project "
                                                 "“%s”, which is open: open “%s”",
                                                 journal, fixture->project, fixture->project);

    g_assert_null (gloss_store_create (journal, NULL, NULL, &error));
    g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_A_PROJECT);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* By another path it is the same project: SQLite finds its log. */
  same = gloss_store_open (roundabout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_store_count_documents (same), ==, 1);
  g_clear_object (&same);
  assert_project_intact (fixture);

  /* Through a hard link SQLite would look for another log, beside it. */
  make_hard_link (fixture->project, hard);
  {
    g_autofree char *expected = g_strdup_printf ("“%s” is another name (a hard link) of the "
                                                 "project “%s”, which is open: open “%s”, or two "
                                                 "logs would be written for one project",
                                                 hard, fixture->project, fixture->project);

    g_assert_null (gloss_store_open (hard, &error));
    g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_EXISTS);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }
  assert_project_intact (fixture);
}

/* A project of schema 2 at PATH, in WAL mode as Gloss left it. */
static void
make_v2_project (const char *path)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.sql",
                                                         NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (fixture_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

/* The copy a migration takes goes to NAME.gloss.bak. If that name is a
 * project open in this process (this one by a link or a hard link, or the
 * backup of an earlier upgrade opened in another window), writing the copy
 * would open it, and so drop this process's locks on it, then replace it:
 * the upgrade is refused, naming the file, and nothing changes. */
static void
test_migrate_backup_is_project (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *old = in_dir (fixture, "old.gloss");
  g_autofree char *backup = g_strconcat (old, ".bak", NULL);

  for (guint how = 0; how < 3; how++)
    {
      g_autoptr(GlossStore) store = NULL;
      g_autoptr(GlossStore) backup_store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *expected = NULL;
      sqlite3 *reader;
      sqlite3_stmt *stmt;

      make_v2_project (old);
      if (how == 0)
        make_symlink ("old.gloss", backup);
      else if (how == 1)
        make_hard_link (old, backup);
      else
        {
          /* An earlier copy, upgraded and open. */
          make_v2_project (backup);
          backup_store = gloss_store_open (backup, &error);
          g_assert_no_error (error);
        }
      before = dump_project (old);

      /* Another connection of this process reading the project. */
      g_assert_cmpint (sqlite3_open_v2 (old, &reader, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count (*) FROM documents", -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      sqlite3_finalize (stmt);
      g_assert_true (gloss_test_process_holds_lock (old));

      store = gloss_store_open (old, &error);
      g_assert_null (store);
      expected = g_strdup_printf ("“%s” needs upgrading, and a copy of it goes to “%s” first, "
                                  "but that is a project open in Gloss, or a link to one: move "
                                  "it away and try again. The project was left unchanged.",
                                  old, backup);
      g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, expected);

      g_assert_true (gloss_test_process_holds_lock (old));
      if (backup_store != NULL)
        g_assert_true (gloss_test_process_holds_lock (backup));
      g_assert_true (how != 0 || g_file_test (backup, G_FILE_TEST_IS_SYMLINK));

      sqlite3_close (reader);
      g_clear_object (&backup_store);
      after = dump_project (old);
      g_assert_cmpstr (after, ==, before);
      assert_integrity_ok (old);

      g_unlink (old);
      g_unlink (backup);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/project-files/import/itself", test_import_itself);
  ADD ("/gloss/project-files/import/folder", test_import_folder);
  ADD ("/gloss/project-files/export/itself", test_export_itself);
  ADD ("/gloss/project-files/cli/import-itself", test_cli_import_itself);
  ADD ("/gloss/project-files/cli/export-itself", test_cli_export_itself);
  ADD ("/gloss/project-files/migrate/backup-is-project", test_migrate_backup_is_project);
  ADD ("/gloss/project-files/save-copy/onto-project", test_save_copy_onto_project);
  ADD ("/gloss/project-files/open/sidecar", test_open_sidecar);

#undef ADD

  return g_test_run ();
}
