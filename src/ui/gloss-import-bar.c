/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs an import off the main thread, on a connection of its own to the
 * project, and shows its progress with a Cancel button. Emits "finished"
 * with the GPtrArray of GlossImportResult (or NULL when the project could
 * not be opened, with the reason in the second argument). */

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
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (GlossImportBar, gloss_import_bar, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *project_path;
  GStrv paths;
  const GlossFormat *format;
  GlossImportBar *bar;   /* the task's source object holds it alive */
} ImportJob;

typedef struct
{
  GlossImportBar *bar;
  guint done;
  guint total;
  char *path;
} Progress;

static void
import_job_free (ImportJob *job)
{
  g_free (job->project_path);
  g_strfreev (job->paths);
  g_free (job);
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;

  /* A bar whose window is gone has no label left to update. */
  if (progress->bar->label != NULL)
    {
      g_autofree char *base = progress->path ? g_path_get_basename (progress->path) : NULL;
      g_autofree char *text = NULL;

      if (base != NULL)
        text = g_strdup_printf (_("Importing %u of %u: %s"), progress->done + 1, progress->total, base);
      else
        text = g_strdup (_("Finishing the import…"));
      gtk_label_set_label (progress->bar->label, text);
      gtk_progress_bar_set_fraction (progress->bar->progress,
                                     progress->total ? (double) progress->done / progress->total : 1);
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
  g_autoptr(GlossStore) store = NULL;
  GError *error = NULL;

  store = gloss_store_open (job->project_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task,
                         gloss_import_paths (store, (const char * const *) job->paths, job->format,
                                             cancellable, report_progress_cb, job),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GlossImportBar *self = GLOSS_IMPORT_BAR (source_object);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  if (self->revealer != NULL)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);

  g_signal_emit (self, signals[FINISHED], 0, results, error);
}

static void
on_cancel_clicked_cb (GlossImportBar *self,
                      GtkButton      *button)
{
  gloss_import_bar_cancel (self);
}

static void
gloss_import_bar_dispose (GObject *object)
{
  GlossImportBar *self = (GlossImportBar *) object;

  gloss_import_bar_cancel (self);
  g_clear_object (&self->cancellable);
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

/* FALSE when an import is running already. */
gboolean
gloss_import_bar_start (GlossImportBar     *self,
                        const char         *project_path,
                        const char * const *paths,
                        const GlossFormat  *format)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_val_if_fail (GLOSS_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  if (self->cancellable != NULL)
    return FALSE;

  self->cancellable = g_cancellable_new ();
  job = g_new0 (ImportJob, 1);
  job->project_path = g_strdup (project_path);
  job->paths = g_strdupv ((char **) paths);
  job->format = format;
  job->bar = self;

  gtk_label_set_label (self->label, _("Starting the import…"));
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);

  task = g_task_new (self, self->cancellable, on_import_done_cb, NULL);
  g_task_set_source_tag (task, gloss_import_bar_start);
  /* A cancelled import still reports the files it finished: they are in. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, run_import_thread);

  return TRUE;
}

gboolean
gloss_import_bar_is_running (GlossImportBar *self)
{
  g_return_val_if_fail (GLOSS_IS_IMPORT_BAR (self), FALSE);
  return self->cancellable != NULL;
}

void
gloss_import_bar_cancel (GlossImportBar *self)
{
  g_return_if_fail (GLOSS_IS_IMPORT_BAR (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}
