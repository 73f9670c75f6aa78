/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs an import off the main thread, on a connection of its own to the
 * project, and shows its progress with a Cancel button. Emits "finished"
 * with the GPtrArray of GlossImportResult (or NULL when the project could
 * not be opened, with the reason in the second argument).
 *
 * Then, on the same connection, it puts the imported texts into the search
 * index ("Preparing search…"), a chunk per transaction: the import leaves
 * that for after, so that the documents are there sooner, and a search
 * finds them meanwhile all the same. gloss_import_bar_index () does the
 * same for a project opened with texts still waiting. */

#define G_LOG_DOMAIN "gloss-import-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-import.h"
#include "gloss-import-bar.h"

struct _GlossImportBar
{
  GtkWidget parent_instance;

  /* Borrowed references */
  GtkWidget *revealer;
  GtkLabel *label;
  GtkProgressBar *progress;

  /* Owned references */
  GCancellable *cancellable;         /* the import running */
  GCancellable *index_cancellable;   /* the indexing running */
  guint pulse_id;                    /* pulses the bar while a folder goes in */
};

G_DEFINE_FINAL_TYPE (GlossImportBar, gloss_import_bar, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_INDEXING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* Texts per transaction: about a megabyte of text, tens of milliseconds,
 * the longest a write from the window waits for the indexer. */
#define TEXTS_PER_CHUNK 200

typedef struct
{
  char *project_path;
  GStrv paths;
  GPtrArray *files;   /* GFile, when not PATHS */
  const GlossFormat *format;
  GlossImportBar *bar;   /* the task's source object holds it alive */
} ImportJob;

typedef struct
{
  GPtrArray *results;
  GlossStore *store;   /* the import's connection, for the indexing after */
} ImportOutcome;

typedef struct
{
  char *project_path;
  GlossStore *store;   /* NULL: open the project in the thread */
  GlossImportBar *bar;
} IndexJob;

typedef struct
{
  GlossImportBar *bar;
  guint done;
  guint total;
  char *path;
  gboolean indexing;
} Progress;

static void start_indexing (GlossImportBar *self,
                            const char     *project_path,
                            GlossStore     *store);

static void
import_job_free (ImportJob *job)
{
  g_free (job->project_path);
  g_strfreev (job->paths);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_free (job);
}

static void
import_outcome_free (ImportOutcome *outcome)
{
  g_clear_pointer (&outcome->results, g_ptr_array_unref);
  g_clear_object (&outcome->store);
  g_free (outcome);
}

static void
index_job_free (IndexJob *job)
{
  g_free (job->project_path);
  g_clear_object (&job->store);
  g_free (job);
}

/* The files a folder holds, not counting hidden ones or subfolders: what
 * an import of the folder reads. */
static guint
count_folder_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_files = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (name[0] == '.')
        continue;
      child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        n_files++;
    }

  return n_files;
}

/* What the bar says while the import reads PATH, the DONE+1st of TOTAL
 * (NULL: it is finishing). A folder goes in as one piece, so how far into
 * it the import is cannot be told: *PULSE says so, and the text tells how
 * many files it holds instead. */
char *
gloss_import_bar_describe_progress (guint       done,
                                    guint       total,
                                    const char *path,
                                    gboolean   *pulse)
{
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;

  *pulse = FALSE;
  if (base == NULL)
    return g_strdup (_("Finishing the import…"));

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      guint n_files = count_folder_files (path);
      g_autofree char *files = NULL;

      *pulse = TRUE;
      /* TRANSLATORS: what a folder being imported holds: "4000 files" */
      files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n_files),
                               n_files);
      if (total == 1)
        /* TRANSLATORS: "Importing the folder “notes”: 4000 files" */
        return g_strdup_printf (_("Importing the folder “%s”: %s"), base, files);
      /* TRANSLATORS: "Importing 3 of 40: the folder “notes”, 4000 files" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Importing %u of %u: the folder “%s”, %s",
                                           "Importing %u of %u: the folder “%s”, %s", total),
                              done + 1, total, base, files);
    }

  /* TRANSLATORS: "Importing 3 of 40: article.txt" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u of %u: %s",
                                       "Importing %u of %u: %s", total),
                          done + 1, total, base);
}

static gboolean
pulse_cb (gpointer user_data)
{
  GlossImportBar *self = user_data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;

  /* A bar whose window is gone has no label left to update. */
  if (progress->bar->label != NULL)
    {
      GlossImportBar *bar = progress->bar;
      g_autofree char *text = NULL;
      gboolean pulse = FALSE;

      if (progress->indexing)
        text = g_strdup (_("Preparing search…"));
      else
        text = gloss_import_bar_describe_progress (progress->done, progress->total,
                                                   progress->path, &pulse);
      gtk_label_set_label (bar->label, text);
      g_clear_handle_id (&bar->pulse_id, g_source_remove);
      if (pulse)
        {
          gtk_progress_bar_pulse (bar->progress);
          bar->pulse_id = g_timeout_add (100, pulse_cb, bar);
        }
      else
        gtk_progress_bar_set_fraction (bar->progress,
                                       progress->total ? (double) progress->done / progress->total
                                                       : 1);
    }

  g_object_unref (progress->bar);
  g_free (progress->path);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  ImportJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->bar = g_object_ref (job->bar);
  progress->done = done;
  progress->total = total;
  progress->path = g_strdup (path);
  g_main_context_invoke (NULL, show_progress_cb, progress);
}

static void
run_import_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImportJob *job = task_data;
  ImportOutcome *outcome;
  g_autoptr(GlossStore) store = NULL;
  GError *error = NULL;

  /* A second connection in this process is safe: SQLite's file layer
   * shares the window's locks on the project (and opening it reads the
   * file through that layer only). */
  store = gloss_store_open (job->project_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (gloss_store_is_read_only (store))
    {
      g_autofree char *display = g_filename_display_name (job->project_path);

      g_task_return_new_error (task, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_READ_ONLY,
                               _("The project “%s” is read-only: nothing can be imported into "
                                 "it. Save a copy where you can write, and import into that."),
                               display);
      return;
    }

  outcome = g_new0 (ImportOutcome, 1);
  if (job->files != NULL)
    outcome->results = gloss_import_files (store, job->files, job->format, cancellable,
                                           report_progress_cb, job);
  else
    outcome->results = gloss_import_paths (store, (const char * const *) job->paths,
                                           job->format, cancellable, report_progress_cb, job);
  outcome->store = g_steal_pointer (&store);
  g_task_return_pointer (task, outcome, (GDestroyNotify) import_outcome_free);
}

static void
hide_when_idle (GlossImportBar *self)
{
  if (self->cancellable == NULL)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->revealer != NULL && self->cancellable == NULL && self->index_cancellable == NULL)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
}

static gboolean
stopped_by_project (GPtrArray *results)
{
  for (guint i = 0; results != NULL && i < results->len; i++)
    if (gloss_import_error_stops (((GlossImportResult *) g_ptr_array_index (results, i))->error))
      return TRUE;

  return FALSE;
}

static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GlossImportBar *self = GLOSS_IMPORT_BAR (source_object);
  ImportOutcome *outcome;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  outcome = g_task_propagate_pointer (G_TASK (result), &error);
  if (outcome != NULL)
    {
      results = g_steal_pointer (&outcome->results);
      store = g_steal_pointer (&outcome->store);
      import_outcome_free (outcome);
    }
  cancelled = g_cancellable_is_cancelled (self->cancellable);
  g_clear_object (&self->cancellable);

  g_signal_emit (self, signals[FINISHED], 0, results, error);

  /* The files are in and reported; their texts go into the search index
   * now, unless the user stopped the work (the next opening of the
   * project does it then), the project stopped the import (indexing
   * would meet the same full disk or lock), or the window is gone. */
  if (store != NULL && !cancelled && self->revealer != NULL && !stopped_by_project (results))
    start_indexing (self, gloss_store_get_path (store), store);
  hide_when_idle (self);
}

/* Shows the bar at the start of a job, saying TEXT. */
static void
reveal (GlossImportBar *self,
        const char     *text)
{
  gtk_label_set_label (self->label, text);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
}

/* Indexes the texts waiting, a chunk per transaction, until none is left
 * or CANCELLABLE says stop: a stopped indexing leaves the rest waiting,
 * which search finds all the same. */
static void
run_index_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  IndexJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;
  guint total, done = 0;

  if (job->store == NULL && (job->store = gloss_store_open (job->project_path, &error)) == NULL)
    {
      g_message ("Could not index “%s” for search: %s", job->project_path, error->message);
      g_task_return_boolean (task, FALSE);
      return;
    }
  /* A read-only project keeps its texts waiting; search reads them. */
  if (gloss_store_is_read_only (job->store))
    {
      g_clear_object (&job->store);
      g_task_return_boolean (task, FALSE);
      return;
    }

  total = gloss_store_count_texts_to_index (job->store);
  while (more && !g_cancellable_is_cancelled (cancellable))
    {
      Progress *progress = g_new0 (Progress, 1);

      progress->bar = g_object_ref (job->bar);
      progress->done = done;
      progress->total = MAX (total, done);
      progress->indexing = TRUE;
      g_main_context_invoke (NULL, show_progress_cb, progress);

      if (!gloss_store_index_texts (job->store, TEXTS_PER_CHUNK, &more, &error))
        {
          /* The texts stay waiting, and searchable; the next opening of
           * the project tries again. */
          g_message ("Could not index “%s” for search: %s", job->project_path, error->message);
          break;
        }
      done += TEXTS_PER_CHUNK;
    }

  /* Closed here, not on the main thread: closing may write to the disk. */
  g_clear_object (&job->store);
  g_task_return_boolean (task, !more);
}

static void
on_index_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GlossImportBar *self = GLOSS_IMPORT_BAR (source_object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* A newer indexing may have taken over meanwhile. */
  if (self->index_cancellable == cancellable)
    {
      g_clear_object (&self->index_cancellable);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
    }
  hide_when_idle (self);
}

static void
start_indexing (GlossImportBar *self,
                const char     *project_path,
                GlossStore     *store)
{
  g_autoptr(GTask) task = NULL;
  IndexJob *job;

  if (self->index_cancellable != NULL)
    g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  self->index_cancellable = g_cancellable_new ();

  job = g_new0 (IndexJob, 1);
  job->project_path = g_strdup (project_path);
  job->store = store != NULL ? g_object_ref (store) : NULL;
  job->bar = self;

  reveal (self, _("Preparing search…"));

  task = g_task_new (self, self->index_cancellable, on_index_done_cb, NULL);
  g_task_set_source_tag (task, start_indexing);
  g_task_set_task_data (task, job, (GDestroyNotify) index_job_free);
  g_task_run_in_thread (task, run_index_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
}

static void
on_cancel_clicked_cb (GlossImportBar *self,
                      GtkButton      *button)
{
  gloss_import_bar_cancel (self);
}

static void
gloss_import_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossImportBar *self = GLOSS_IMPORT_BAR (object);

  switch (prop_id)
    {
    case PROP_INDEXING:
      g_value_set_boolean (value, gloss_import_bar_is_indexing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_import_bar_dispose (GObject *object)
{
  GlossImportBar *self = (GlossImportBar *) object;

  gloss_import_bar_cancel (self);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);
  self->label = NULL;
  self->progress = NULL;

  G_OBJECT_CLASS (gloss_import_bar_parent_class)->dispose (object);
}

static void
gloss_import_bar_class_init (GlossImportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_import_bar_dispose;
  object_class->get_property = gloss_import_bar_get_property;

  /* Whether texts are being put into the search index. */
  properties[PROP_INDEXING] =
    g_param_spec_boolean ("indexing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY, G_TYPE_ERROR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_import_bar_init (GlossImportBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_MIDDLE);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);

  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_add_css_class (box, "toolbar");

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
}

GtkWidget *
gloss_import_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_IMPORT_BAR, NULL);
}

static gboolean start_import (GlossImportBar     *self,
                              const char         *project_path,
                              const char * const *paths,
                              GPtrArray          *files,
                              const GlossFormat  *format);

/* FALSE when an import is running already. */
gboolean
gloss_import_bar_start (GlossImportBar     *self,
                        const char         *project_path,
                        const char * const *paths,
                        const GlossFormat  *format)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  return start_import (self, project_path, paths, NULL, format);
}

/* gloss_import_bar_start () on FILES (GFile), those without a local path
 * included (gloss_import_files ()). */
gboolean
gloss_import_bar_start_files (GlossImportBar    *self,
                              const char        *project_path,
                              GPtrArray         *files,
                              const GlossFormat *format)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  return start_import (self, project_path, NULL, files, format);
}

static gboolean
start_import (GlossImportBar     *self,
              const char         *project_path,
              const char * const *paths,
              GPtrArray          *files,
              const GlossFormat  *format)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->cancellable != NULL)
    return FALSE;

  /* The import indexes what waits when it is done, this too. */
  if (self->index_cancellable != NULL)
    {
      g_cancellable_cancel (self->index_cancellable);
      g_clear_object (&self->index_cancellable);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEXING]);
    }

  self->cancellable = g_cancellable_new ();
  job = g_new0 (ImportJob, 1);
  job->project_path = g_strdup (project_path);
  job->paths = g_strdupv ((char **) paths);
  if (files != NULL)
    {
      job->files = g_ptr_array_new_full (files->len, g_object_unref);
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (job->files, g_object_ref (files->pdata[i]));
    }
  job->format = format;
  job->bar = self;

  reveal (self, _("Starting the import…"));

  task = g_task_new (self, self->cancellable, on_import_done_cb, NULL);
  g_task_set_source_tag (task, gloss_import_bar_start);
  /* A cancelled import still reports the files it finished: they are in. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, run_import_thread);

  return TRUE;
}

/* Puts the texts of the project at PROJECT_PATH that wait for the search
 * index into it, on a worker thread and a connection of its own. */
void
gloss_import_bar_index (GlossImportBar *self,
                        const char     *project_path)
{
  g_return_if_fail (GLOSS_IS_IMPORT_BAR (self));
  g_return_if_fail (project_path != NULL);

  /* An import indexes when it is done. */
  if (self->cancellable != NULL || self->index_cancellable != NULL)
    return;

  start_indexing (self, project_path, NULL);
}

/* What the window says when the import into STORE that gave RESULTS has
 * ended: a toast's text when every file is in (HEADING is then NULL), or
 * else a dialog's HEADING and the text for its body. Files left out
 * because the project refused to be written (a full disk, in use,
 * read-only) are told in one sentence, not one line each; and nothing
 * says imported when none was. */
char *
gloss_import_bar_describe_results (GlossStore  *store,
                                   GPtrArray   *results,
                                   char       **heading)
{
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *summary = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *files = NULL;
  g_autofree char *stop = NULL;
  guint n_documents = 0, n_spans = 0, n_files = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      GlossImportResult *result = g_ptr_array_index (results, i);

      if (result->error != NULL)
        {
          if (!gloss_import_error_stops (result->error))
            g_string_append_printf (refused, "• %s\n", result->error->message);
          continue;
        }
      n_files++;
      n_documents += result->report->documents;
      n_spans += result->report->spans;
    }

  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            n_documents),
                               n_documents);
  spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n_spans), n_spans);
  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n_files), n_files);
  /* TRANSLATORS: "Imported 3 documents and 12 spans from 1 file." */
  summary = g_strdup_printf (_("Imported %s and %s from %s."), documents, spans, files);
  stop = gloss_import_stop_message (store, results);

  if (stop == NULL && refused->len == 0)
    {
      *heading = NULL;
      return g_steal_pointer (&summary);
    }

  *heading = g_strdup (stop != NULL ? _("The Import Stopped") : _("Some Files Were Not Imported"));
  if (stop != NULL)
    g_string_append (body, stop);
  if (n_files > 0)
    g_string_append_printf (body, "%s%s", body->len > 0 ? "\n\n" : "", summary);
  if (refused->len > 0)
    g_string_append_printf (body, "%s%s\n%s", body->len > 0 ? "\n\n" : "",
                            _("These files were left out, and nothing of them was stored:"),
                            refused->str);

  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Whether an import runs (not the indexing after it). */
gboolean
gloss_import_bar_is_running (GlossImportBar *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_BAR (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
gloss_import_bar_is_indexing (GlossImportBar *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_BAR (self), FALSE);
  return self->index_cancellable != NULL;
}

/* Stops the import before its next file, or the indexing before its next
 * chunk. */
void
gloss_import_bar_cancel (GlossImportBar *self)
{
  g_return_if_fail (GLOSS_IS_IMPORT_BAR (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->index_cancellable != NULL)
    g_cancellable_cancel (self->index_cancellable);
}
