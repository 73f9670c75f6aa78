/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exports when things go wrong around them: an import committing in the
 * middle, a kill -9 in the middle, a target that is not a previous export,
 * a damaged project file. What is checked is what a user finds on disk. */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-export.h"
#include "gloss-format.h"
#include "gloss-store.h"
#include "gloss-tokenizer.h"
#include "gloss-test-run.h"
#include "gloss-test-util.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = g_dir_make_tmp ("gloss-export-faults-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
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

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in FOLDER, sorted and joined with spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Runs gloss with the NULL-terminated arguments, its output dropped;
 * returns its exit status. */
#define run_gloss(err, ...) gloss_test_run_gloss (NULL, (err), __VA_ARGS__)

/* A project of N_DOCUMENTS documents "doc-N.txt", each with two "Old"
 * spans, and a sentence more for each of N_LINES; the label "Old". */
static void
create_project (Fixture *fixture,
                guint    n_documents,
                guint    n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_create (fixture->project, NULL, NULL, &error);
  g_autoptr(GlossLabel) label = NULL;

  g_assert_no_error (error);
  label = gloss_store_add_label (store, "Old", "#3584e4", "", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_store_begin (store, &error));
  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%u.txt", i + 1);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GlossSpan) first = NULL;
      g_autoptr(GlossSpan) second = NULL;
      gint64 id;

      g_string_append_printf (text, "Document %u: Pezeshkian met Aliyev in Baku — “talks”.", i + 1);
      for (guint j = 0; j < n_lines; j++)
        g_string_append (text, " The corridor was discussed again, line after line.");

      id = gloss_store_add_document (store, name, text->str, NULL, &error);
      g_assert_no_error (error);
      first = gloss_store_add_span (store, id, gloss_label_get_id (label), 0, 8, "Ana", NULL,
                                    &error);
      g_assert_no_error (error);
      second = gloss_store_add_span (store, id, gloss_label_get_id (label), 13, 23, "", "a note",
                                     &error);
      g_assert_no_error (error);
    }
  g_assert_true (gloss_store_commit (store, &error));
}

/* Snapshot */

typedef struct
{
  Fixture *fixture;
  const char *import;   /* imported after the first document, if not NULL */
  GString *seen;        /* "doc: label start-end; " for each span exported */
  guint n_documents;
} SnapshotRun;

/* What an import of this file adds: a new label, "Fresh", with a span in
 * doc-2.txt and doc-3.txt, and an "Old" span in each of them too. */
static char *
write_import_file (Fixture *fixture)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GlossDatasetSource) source = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->project, &error);
  char *path = fixture_path (fixture, "more.gloss.jsonl");

  g_assert_no_error (error);
  gloss_dataset_ensure_label (dataset, "Old");
  gloss_dataset_ensure_label (dataset, "Fresh");
  for (guint i = 2; i <= 3; i++)
    {
      g_autoptr(GArray) ids = gloss_store_list_document_ids (store, &error);
      g_autofree char *text = gloss_store_load_text (store, g_array_index (ids, gint64, i - 1),
                                                     &error);
      g_autofree char *name = g_strdup_printf ("doc-%u.txt", i);
      GlossDatasetDocument *document = gloss_dataset_add_document (dataset, name, text);

      g_assert_no_error (error);
      gloss_dataset_document_add_span (document, 9, 10, "Old", "", "");
      gloss_dataset_document_add_span (document, 24, 30, "Fresh", "", "");
    }

  source = gloss_dataset_source_new_for_dataset (dataset);
  g_assert_true (gloss_format_write_dataset (&gloss_format_gloss, source, path, FALSE, report,
                                             &error));
  g_assert_no_error (error);

  return path;
}

static gboolean
collect_cb (GlossDatasetDocument  *document,
            gpointer               user_data,
            GError               **error)
{
  SnapshotRun *run = user_data;

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      g_string_append_printf (run->seen, "%s: %s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "; ",
                              document->name, span->label, span->start, span->end);
    }

  /* After the first document, another process imports: it commits while
   * the export is half way. */
  if (run->n_documents++ == 0 && run->import != NULL)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_gloss (&err, "import", run->fixture->project, run->import, NULL), ==, 0);
    }

  return TRUE;
}

static char *
collect_spans (Fixture            *fixture,
               GlossDatasetSource *source,
               const char         *import)
{
  SnapshotRun run = { fixture, import, g_string_new (NULL), 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (source->foreach (source, collect_cb, &run, &error));
  g_assert_no_error (error);

  return g_string_free (run.seen, FALSE);
}

/* An export sees the project as it was when it began: an import that
 * commits a new label and its spans meanwhile is all left out, not its
 * spans of the old label kept and those of the new one dropped. */
static void
test_snapshot_import_between_documents (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossDatasetSource) source = NULL;
  g_autoptr(GlossDatasetSource) after_source = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *import = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  const char *before =
    "doc-1.txt: Old 0-8; doc-1.txt: Old 13-23; "
    "doc-2.txt: Old 0-8; doc-2.txt: Old 13-23; "
    "doc-3.txt: Old 0-8; doc-3.txt: Old 13-23; ";

  create_project (fixture, 3, 0);
  import = write_import_file (fixture);
  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);

  source = gloss_export_source_new (store, NULL, report, &error);
  g_assert_no_error (error);
  during = collect_spans (fixture, source, import);
  g_assert_cmpstr (during, ==, before);
  g_assert_cmpuint (source->labels->len, ==, 1);
  g_clear_pointer (&source, gloss_dataset_source_free);

  /* The import did happen: the next export has all of it. */
  after_source = gloss_export_source_new (store, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_source->labels->len, ==, 2);
  after = collect_spans (fixture, after_source, NULL);
  g_assert_true (g_str_has_prefix (after,
                                   "doc-1.txt: Old 0-8; doc-1.txt: Old 13-23; "
                                   "doc-2.txt: Old 0-8; doc-2.txt: Old 9-10; "
                                   "doc-2.txt: Old 13-23; doc-2.txt: Fresh 24-30; "
                                   "doc-3.txt: Old 0-8; doc-3.txt: Old 9-10; "
                                   "doc-3.txt: Old 13-23; doc-3.txt: Fresh 24-30; "));
  g_clear_pointer (&after_source, gloss_dataset_source_free);

  /* The export held no lock that keeps the store from writing after it. */
  g_assert_true (gloss_store_set_meta (store, "name", "after the export", &error));
  g_assert_no_error (error);
}

/* kill -9 */


static gboolean
is_our_temporary (const char *name,
                  const char *target_name)
{
  g_autofree char *prefix = g_strconcat (".", target_name, ".gloss-export-", NULL);

  return g_str_has_prefix (name, prefix);
}

/* Whether NAME, in FOLDER, has something in it: a file with bytes, or a
 * folder with a file. */
static gboolean
has_contents (const char *folder,
              const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  struct stat st;

  if (lstat (path, &st) != 0)
    return FALSE;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

      return dir != NULL && g_dir_read_name (dir) != NULL;
    }
  return st.st_size > 0;
}

/* Whether an export to TARGET_NAME in FOLDER is writing: a temporary of
 * it, or (if the target was not there before) the target itself, has
 * something in it. Temporaries are ours (".NAME.gloss-export-XXXXXX"),
 * or any GIO or an older Gloss would have made. */
static gboolean
is_writing (const char *folder,
            const char *target_name,
            gboolean    existed)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *partial = g_strconcat (target_name, ".partial-", NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean candidate = is_our_temporary (name, target_name) ||
                           g_str_has_prefix (name, partial) ||
                           g_str_has_prefix (name, ".goutputstream-") ||
                           (!existed && g_str_equal (name, target_name));

      if (candidate && has_contents (folder, name))
        return TRUE;
    }

  return FALSE;
}

/* Starts `gloss export` with ARGS and kills it with SIGKILL once it is
 * writing. Returns whether it was killed (FALSE: it finished first, which
 * the assertions after allow as well). */
static gboolean
kill_export_while_writing (Fixture     *fixture,
                           const char  *target_name,
                           gboolean     existed,
                           const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("GLOSS_BINARY"));
  g_ptr_array_add (argv, (gpointer) "export");
  g_ptr_array_add (argv, fixture->project);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (fixture->dir, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  for (;;)
    {
      pid_t done = waitpid (pid, &status, WNOHANG);

      g_assert_cmpint (done, >=, 0);
      if (done == pid)
        {
          g_test_message ("the export finished before it could be killed");
          return FALSE;
        }
      if (is_writing (fixture->dir, target_name, existed))
        break;
      g_usleep (200);
    }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return WIFSIGNALED (status);
}

/* The bytes of every file under PATH (a file or a folder), by name. */
static char *
snapshot_tree (const char *path)
{
  g_autoptr(GString) all = g_string_new (NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *names = list_folder (path);
      g_auto(GStrv) list = g_strsplit (names, " ", -1);

      for (guint i = 0; list[i] != NULL && list[i][0] != '\0'; i++)
        {
          g_autofree char *child = g_build_filename (path, list[i], NULL);
          g_autofree char *contents = read_file (child);

          g_string_append_printf (all, "== %s\n%s", list[i], contents);
        }
    }
  else
    {
      g_autofree char *contents = read_file (path);

      g_string_append (all, contents);
    }

  return g_string_free (g_steal_pointer (&all), FALSE);
}

typedef struct
{
  const char *format;
  const char *target;
  gboolean existing;   /* the target is there already (and --force is given) */
  guint n_documents;   /* enough for the export to take a moment */
  guint n_lines;
} KillCase;

/* Whatever moment a kill -9 hits, the final name holds a whole export or
 * nothing (or the previous one, whole); the next export succeeds and
 * leaves nothing else behind. */
static void
test_kill_during_export (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const KillCase *kill_case = user_data;
  g_autofree char *reference = fixture_path (fixture, "reference");
  g_autofree char *target = fixture_path (fixture, kill_case->target);
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--format", kill_case->format, "-o", kill_case->target, "--force", NULL };
  guint n_killed = 0;

  create_project (fixture, kill_case->n_documents, kill_case->n_lines);
  g_assert_cmpint (run_gloss (&err, "export", fixture->project, "--format", kill_case->format,
                              "-o", reference, NULL), ==, 0);
  expected = snapshot_tree (reference);

  if (kill_case->existing)
    g_assert_cmpint (run_gloss (&err, "export", fixture->project, "--format", kill_case->format,
                                "-o", target, NULL), ==, 0);
  else
    args[4] = NULL;

  for (guint trial = 0; trial < 3; trial++)
    {
      if (kill_export_while_writing (fixture, kill_case->target, kill_case->existing, args))
        n_killed++;

      if (kill_case->existing || g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_autofree char *found = snapshot_tree (target);

          /* Not g_assert_cmpstr: megabytes in a message help no one. */
          g_assert_true (g_str_equal (found, expected));
        }
      if (!kill_case->existing)
        {
          g_remove (target);
          gloss_test_remove_tree (target);
        }
    }
  g_test_message ("killed %u of 3 exports while writing", n_killed);

  /* The next export replaces the leftovers too. */
  g_assert_cmpint (run_gloss (&err, "export", fixture->project, "--format", kill_case->format,
                              "-o", target, kill_case->existing ? "--force" : NULL, NULL),
                   ==, 0);
  {
    g_autofree char *found = snapshot_tree (target);

    g_assert_true (g_str_equal (found, expected));
  }
  listing = list_folder (fixture->dir);
  g_test_message ("left in the folder: %s", listing);
  {
    g_auto(GStrv) names = g_strsplit (listing, " ", -1);

    /* The project's own -shm and -wal files may or may not be there. */
    for (guint i = 0; names[i] != NULL; i++)
      g_assert_true (g_str_equal (names[i], kill_case->target) ||
                     g_str_equal (names[i], "corpus.gloss") ||
                     g_str_equal (names[i], "corpus.gloss-wal") ||
                     g_str_equal (names[i], "corpus.gloss-shm") ||
                     g_str_equal (names[i], "reference"));
  }
}

/* The leftovers of interrupted exports to the target go, files and
 * folders; a temporary that another export is still writing (locked) and
 * those of another target stay. */
static void
test_live_temporary_kept (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *target = fixture_path (fixture, "out.csv");
  g_autofree char *stale = fixture_path (fixture, ".out.csv.gloss-export-AbC123");
  g_autofree char *live = fixture_path (fixture, ".out.csv.gloss-export-XyZ789");
  g_autofree char *other = fixture_path (fixture, ".other.csv.gloss-export-AbC123");
  g_autofree char *stale_folder = fixture_path (fixture, ".out.csv.gloss-export-F0lder");
  g_autofree char *inside = g_build_filename (stale_folder, "doc.ann", NULL);
  int fd;

  create_project (fixture, 2, 0);
  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (stale, "half an export", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "another target's", -1, NULL));
  g_assert_cmpint (g_mkdir (stale_folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "T1\tOld 0 8\tDocument\n", -1, NULL));
  /* As a live export holds it. */
  fd = open (live, O_RDONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (gloss_export_path (store, &gloss_format_csv, target, NULL, FALSE, report,
                                    &error));
  g_assert_no_error (error);
  close (fd);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_folder, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

/* --force and what it replaces */

static gboolean
export_small (Fixture            *fixture,
              const GlossFormat  *format,
              const char         *target,
              gboolean            force,
              GError            **error)
{
  g_autoptr(GlossStore) store = gloss_store_open (fixture->project, error);
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();

  g_assert_nonnull (store);
  return gloss_export_path (store, format, target, NULL, force, report, error);
}

/* A folder of the user's own files is not a previous export: --force
 * refuses it, and every file stays. */
static void
test_force_refuses_foreign_folder (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *documents = fixture_path (fixture, "Documents");
  g_autofree char *thesis = g_build_filename (documents, "thesis.tex", NULL);
  g_autofree char *sub = g_build_filename (documents, "sub", NULL);
  g_autofree char *inside = g_build_filename (sub, "notes.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listing = NULL;

  create_project (fixture, 2, 0);
  g_assert_cmpint (g_mkdir (documents, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (thesis, "\\chapter{One}", -1, NULL));
  g_assert_true (g_file_set_contents (inside, "keep me", -1, NULL));

  g_assert_cmpint (run_gloss (&err, "export", fixture->project, "--format", "brat",
                              "-o", documents, "--force", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "Documents"));
  g_assert_nonnull (strstr (err, "not part of a brat standoff export"));

  contents = read_file (thesis);
  g_assert_cmpstr (contents, ==, "\\chapter{One}");
  g_clear_pointer (&contents, g_free);
  contents = read_file (inside);
  g_assert_cmpstr (contents, ==, "keep me");
  listing = list_folder (documents);
  g_assert_cmpstr (listing, ==, "sub thesis.tex");
  g_clear_pointer (&listing, g_free);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "Documents corpus.gloss");

  /* Plain text: a folder with a .txt file and something else. */
  g_assert_false (export_small (fixture, &gloss_format_text, documents, TRUE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_clear_pointer (&listing, g_free);
  listing = list_folder (documents);
  g_assert_cmpstr (listing, ==, "sub thesis.tex");
}

/* A previous export is replaced whole, and nothing of it is left beside. */
static void
test_force_replaces_previous_export (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *stale = g_build_filename (out, "gone.ann", NULL);
  g_autofree char *listing = NULL;

  create_project (fixture, 2, 0);
  g_assert_true (export_small (fixture, &gloss_format_brat, out, FALSE, &error));
  g_assert_no_error (error);
  /* A document deleted since: its files go with the old export. */
  g_assert_true (g_file_set_contents (stale, "", -1, NULL));

  g_assert_true (export_small (fixture, &gloss_format_brat, out, TRUE, &error));
  g_assert_no_error (error);
  listing = list_folder (out);
  g_assert_cmpstr (listing, ==,
                   "annotation.conf doc-1.ann doc-1.txt doc-2.ann doc-2.txt visual.conf");
  g_clear_pointer (&listing, g_free);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "corpus.gloss out");
}

/* A regular file is not a folder format's export: refused, kept, and
 * nothing is left beside it. */
static void
test_force_folder_over_file (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = fixture_path (fixture, "plain");
  g_autofree char *folder = fixture_path (fixture, "folder");
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  create_project (fixture, 2, 0);
  g_assert_true (g_file_set_contents (plain, "mine", -1, NULL));

  g_assert_false (export_small (fixture, &gloss_format_brat, plain, TRUE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "plain"));
  contents = read_file (plain);
  g_assert_cmpstr (contents, ==, "mine");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "corpus.gloss plain");
  g_clear_error (&error);

  /* A file format over a folder: refused as well. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (export_small (fixture, &gloss_format_csv, folder, TRUE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_clear_pointer (&listing, g_free);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "corpus.gloss folder plain");
}

/* A symbolic link, dangling or not, exists: without --force it stays, and
 * nothing is written where it points. */
static void
test_dangling_link_exists (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = fixture_path (fixture, "out.csv");
  g_autofree char *pointed = fixture_path (fixture, "elsewhere.csv");
  g_autofree char *link_folder = fixture_path (fixture, "out-brat");
  g_autofree char *read_back = NULL;
  g_autofree char *listing = NULL;

  create_project (fixture, 2, 0);
  g_assert_cmpint (symlink ("elsewhere.csv", link), ==, 0);
  g_assert_cmpint (symlink ("elsewhere", link_folder), ==, 0);

  g_assert_false (export_small (fixture, &gloss_format_csv, link, FALSE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (export_small (fixture, &gloss_format_brat, link_folder, FALSE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_clear_error (&error);
  /* A link is not a previous export of a folder format either. */
  g_assert_false (export_small (fixture, &gloss_format_brat, link_folder, TRUE, &error));
  g_assert_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_EXISTS);
  g_clear_error (&error);

  read_back = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back, ==, "elsewhere.csv");
  g_assert_false (g_file_test (pointed, G_FILE_TEST_EXISTS));
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "corpus.gloss out-brat out.csv");

  /* --force replaces the link itself with the export. */
  g_assert_true (export_small (fixture, &gloss_format_csv, link, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (pointed, G_FILE_TEST_EXISTS));
}

/* A damaged project */

typedef struct
{
  const char *format;
  const char *target;
} DamageCase;

static void
damage (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *db;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->project, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  sqlite3_close (db);
}

static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autofree char *all = snapshot_tree (path);

  return strstr (all, needle) != NULL;
}

/* Invalid UTF-8 where Gloss stores only UTF-8 (integrity_check still
 * passes): every format exports the rest, says which document it left out,
 * and writes only UTF-8. */
static void
test_damaged_project (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const DamageCase *damage_case = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossFormatReport) report = gloss_format_report_new ();
  g_autofree char *target = fixture_path (fixture, damage_case->target);
  g_autofree char *description = NULL;
  g_autofree char *all = NULL;

  create_project (fixture, 3, 0);
  /* doc-2's text ends in the first byte of a three-byte character, where
   * stepping by lead bytes would go past the end; doc-3's name and a
   * label name and a note hold bytes that are no UTF-8 at all. */
  damage (fixture,
          "UPDATE document_texts SET text = CAST (x'446f63756d656e7420323a20e2' AS TEXT) "
          "WHERE document = (SELECT id FROM documents WHERE name = 'doc-2.txt');"
          "UPDATE documents SET name = CAST (x'646f632d33ff2e747874' AS TEXT) "
          "WHERE name = 'doc-3.txt';"
          "UPDATE labels SET name = CAST (x'4f6c64c0' AS TEXT) WHERE name = 'Old';"
          "UPDATE spans SET note = CAST (x'6e6f7465fe' AS TEXT) WHERE note = 'a note';");

  store = gloss_store_open (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_export_path (store, gloss_format_lookup (damage_case->format), target,
                                    NULL, FALSE, report, &error));
  g_assert_no_error (error);

  description = gloss_format_report_describe (report);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description,
                            "Document 2 “doc-2.txt”: its text is not valid UTF-8 at byte 12 (the "
                            "project file is damaged); left out"));
  g_assert_nonnull (strstr (description, "Document 3 “doc-3\xef\xbf\xbd.txt”: its name is not "
                                         "valid UTF-8"));
  g_assert_nonnull (strstr (description, "Label 1 “Old\xef\xbf\xbd”: not valid UTF-8"));
  g_assert_cmpuint (report->documents, ==, 2);

  all = snapshot_tree (target);
  g_assert_true (g_utf8_validate (all, -1, NULL));
  /* CoNLL has a token a line. */
  if (!g_str_equal (damage_case->format, "conll"))
    {
      g_assert_true (tree_contains (target, "1: Pezeshkian"));
      g_assert_true (tree_contains (target, "3: Pezeshkian"));
    }
}

/* The tokenizer stops where invalid UTF-8 starts, not past the end. */
static void
test_tokenizer_invalid_text (void)
{
  /* "ab " then a lead byte of three and the end of the string. */
  static const char text[] = { 'a', 'b', ' ', 'c', (char) 0xe2, '\0' };
  g_autoptr(GArray) tokens = gloss_tokenizer_split (text);

  g_assert_cmpuint (tokens->len, ==, 2);
  g_assert_cmpuint (g_array_index (tokens, GlossToken, 1).start, ==, 3);
  g_assert_cmpuint (g_array_index (tokens, GlossToken, 1).end, ==, 4);
}

static const KillCase kill_cases[] = {
  { "gloss", "out.gloss.jsonl", FALSE, 1000, 100 },
  { "gloss", "out.gloss.jsonl", TRUE, 1000, 100 },
  /* Two files a document, each a file system operation or two. */
  { "brat", "out-brat", FALSE, 400, 16 },
  { "brat", "out-brat", TRUE, 400, 16 },
};

static const DamageCase damage_cases[] = {
  { "gloss", "out.gloss.jsonl" },
  { "doccano", "out.doccano.jsonl" },
  { "spacy", "out.spacy.json" },
  { "labelstudio", "out.labelstudio.json" },
  { "brat", "out-brat" },
  { "conll", "out.conll" },
  { "text", "out-text" },
  { "csv", "out.csv" },
};

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/export/snapshot/import-between-documents", test_snapshot_import_between_documents,
       NULL);
  ADD ("/gloss/export/kill/new-file", test_kill_during_export, &kill_cases[0]);
  ADD ("/gloss/export/kill/existing-file", test_kill_during_export, &kill_cases[1]);
  ADD ("/gloss/export/kill/new-folder", test_kill_during_export, &kill_cases[2]);
  ADD ("/gloss/export/kill/existing-folder", test_kill_during_export, &kill_cases[3]);
  ADD ("/gloss/export/kill/live-temporary-kept", test_live_temporary_kept, NULL);
  ADD ("/gloss/export/force/foreign-folder", test_force_refuses_foreign_folder, NULL);
  ADD ("/gloss/export/force/previous-export", test_force_replaces_previous_export, NULL);
  ADD ("/gloss/export/force/folder-over-file", test_force_folder_over_file, NULL);
  ADD ("/gloss/export/force/dangling-link", test_dangling_link_exists, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/export/damaged/%s",
                                               damage_cases[i].format);

      ADD (path, test_damaged_project, &damage_cases[i]);
    }
  g_test_add_func ("/gloss/export/damaged/tokenizer", test_tokenizer_invalid_text);

  return g_test_run ();
}
