/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Export window: a format, where to write, which documents and labels.
 * The export runs on a worker thread with a connection of its own; an
 * existing target is replaced only after the user confirms. */

#define G_LOG_DOMAIN "gloss-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export.h"
#include "gloss-export-dialog.h"
#include "gloss-popovers.h"
#include "gloss-project.h"

struct _GlossExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwComboRow *format_row;
  AdwActionRow *destination_row;
  AdwPreferencesGroup *labels_group;
  GtkCheckButton *status_new;
  GtkCheckButton *status_in_progress;
  GtkCheckButton *status_done;

  /* Owned references */
  GlossStore *store;
  GSettings *settings;
  GPtrArray *formats;        /* const GlossFormat *, the ones that can write */
  GPtrArray *label_checks;   /* GtkCheckButton, with the label name as "label-name" */
  char *path;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  GlossStore *project;   /* the window's: the export opens a connection of its own */
  const GlossFormat *format;
  char *path;
  guint statuses;
  GStrv labels;
  gboolean replace;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->project);
  g_free (job->path);
  g_strfreev (job->labels);
  g_free (job);
}

static const GlossFormat *
get_format (GlossExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected >= self->formats->len)
    return NULL;

  return g_ptr_array_index (self->formats, selected);
}

static void
update_destination (GlossExportDialog *self)
{
  g_autofree char *display = self->path ? g_filename_display_name (self->path) : NULL;

  adw_action_row_set_subtitle (self->destination_row, display ? display : _("Not chosen yet"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run",
                                 self->path != NULL && self->cancellable == NULL);
}

/* Where an export goes first: where the last one went; else beside the
 * project, unless the project is the default one, whose folder is hidden
 * application data; then Documents, or home. */
static char *
propose_folder (GlossExportDialog *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "export-folder");
  g_autofree char *project_dir = g_path_get_dirname (gloss_store_get_path (self->store));
  g_autofree char *default_path = gloss_project_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&last);
  if (!g_str_equal (project_dir, default_dir))
    return g_steal_pointer (&project_dir);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_strdup (documents);

  return g_strdup (g_get_home_dir ());
}

/* A name in the chosen folder (or the proposed one), in the chosen format's
 * own ending. */
static void
suggest_path (GlossExportDialog *self)
{
  const GlossFormat *format = get_format (self);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  if (format == NULL)
    return;

  dir = self->path ? g_path_get_dirname (self->path) : propose_folder (self);
  name = gloss_store_dup_name (self->store);
  if (format->target == GLOSS_FORMAT_TARGET_FOLDER || format->extensions == NULL ||
      format->extensions[0] == NULL)
    file = g_strdup_printf ("%s-%s", name, format->name);
  else
    file = g_strconcat (name, format->extensions[0], NULL);

  g_free (self->path);
  self->path = g_build_filename (dir, file, NULL);
  update_destination (self);
}

static void
on_format_changed_cb (GlossExportDialog *self)
{
  suggest_path (self);
}

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        GlossExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_free (self->path);
      self->path = g_file_get_path (file);
      update_destination (self);
    }

  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = self->path ? g_path_get_basename (self->path) : NULL;

  chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Choose"), _("_Cancel"));
  /* The chooser starts where the export is proposed to go (the last
   * export's folder), not in the folder Gloss was started from. */
  if (self->path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  if (base != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), base);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
run_export_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GlossStore) store = NULL;
  GlossFormatReport *report = gloss_format_report_new ();
  GlossExportFilter filter = { job->statuses, (const char * const *) job->labels };
  GError *error = NULL;

  /* Read-only, and through SQLite only: a second look at the project in
   * this process must not touch the window's locks on it. */
  store = gloss_store_open_connection (job->project, TRUE, &error);
  if (store == NULL ||
      !gloss_export_path (store, job->format, job->path, &filter, job->replace, report, &error))
    {
      gloss_format_report_free (report);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, report, (GDestroyNotify) gloss_format_report_free);
}

static void
on_export_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (source_object);
  g_autoptr(GlossFormatReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  update_destination (self);

  if (report == NULL)
    {
      /* A toast's title is markup; the message names files as they are. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* The next export starts where this one went, in its format. */
  {
    g_autofree char *folder = g_path_get_dirname (self->path);

    g_settings_set_string (self->settings, "export-folder", folder);
    g_settings_set_string (self->settings, "export-format", get_format (self)->name);
  }

  description = gloss_format_report_describe (report);
  dialog = adw_message_dialog_new (parent, _("Export Finished"), description);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
}

static guint
get_statuses (GlossExportDialog *self)
{
  return (gtk_check_button_get_active (self->status_new) ? 1u << GLOSS_DOCUMENT_STATUS_NEW : 0) |
         (gtk_check_button_get_active (self->status_in_progress)
          ? 1u << GLOSS_DOCUMENT_STATUS_IN_PROGRESS : 0) |
         (gtk_check_button_get_active (self->status_done) ? 1u << GLOSS_DOCUMENT_STATUS_DONE : 0);
}

static void
on_replace_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        GlossExportDialog *self)
{
  if (g_str_equal (response, "replace"))
    gloss_export_dialog_export (self, TRUE);
}

/* Exports; an existing target needs REPLACE, else the user is asked. */
void
gloss_export_dialog_export (GlossExportDialog *self,
                            gboolean           replace)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const GlossFormat *format;
  ExportJob *job;

  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  format = get_format (self);
  if (format == NULL || self->path == NULL || self->cancellable != NULL)
    return;

  /* Said at once, rather than asking first whether to replace what can
   * never be replaced. */
  if (!gloss_format_check_export_target (self->path, &error))
    {
      /* A toast's title is markup; the message names files as they are. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  if (!replace && g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *base = g_path_get_basename (self->path);
      g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), base);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                  _("It exists already. Replacing it "
                                                    "overwrites what it holds."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  for (guint i = 0; i < self->label_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->label_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (labels, g_object_get_data (G_OBJECT (check), "label-name"));
    }

  job = g_new0 (ExportJob, 1);
  job->project = g_object_ref (self->store);
  job->format = format;
  job->path = g_strdup (self->path);
  job->statuses = get_statuses (self);
  /* Nothing checked exports nothing: an empty list, not "every label". */
  job->labels = g_strv_builder_end (labels);
  job->replace = replace;

  if (job->statuses == 0)
    job->statuses = 1u << (GLOSS_DOCUMENT_STATUS_DONE + 1);

  self->cancellable = g_cancellable_new ();
  update_destination (self);

  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, gloss_export_dialog_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, run_export_thread);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gloss_export_dialog_export (GLOSS_EXPORT_DIALOG (widget), FALSE);
}

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = (GlossExportDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_finalize (GObject *object)
{
  GlossExportDialog *self = (GlossExportDialog *) object;

  g_clear_pointer (&self->formats, g_ptr_array_unref);
  g_clear_pointer (&self->label_checks, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->finalize (object);
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_export_dialog_dispose;
  object_class->finalize = gloss_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, labels_group);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, status_new);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, status_in_progress);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, status_done);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  const GlossFormat * const *formats = gloss_format_list ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SCHEMA_ID);
  self->formats = g_ptr_array_new ();
  self->label_checks = g_ptr_array_new ();
  for (guint i = 0; formats[i] != NULL; i++)
    if (formats[i]->write != NULL)
      {
        g_ptr_array_add (self->formats, (gpointer) formats[i]);
        gtk_string_list_append (titles, formats[i]->title);
      }

  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (titles));
  {
    g_autofree char *last_format = g_settings_get_string (self->settings, "export-format");

    for (guint i = 0; i < self->formats->len; i++)
      if (g_str_equal (((const GlossFormat *) self->formats->pdata[i])->name, last_format))
        adw_combo_row_set_selected (self->format_row, i);
  }
  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (on_format_changed_cb), self);
  /* The format list closes on the press of a row, with the pointer over
   * it: the click after it would go to the hidden list. */
  gloss_popover_release_all_when_closed (GTK_WIDGET (self->format_row));
}

GlossExportDialog *
gloss_export_dialog_new (GtkWindow  *parent,
                         GlossStore *store)
{
  g_autoptr(GPtrArray) labels = NULL;
  GlossExportDialog *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  labels = gloss_store_list_labels (store, NULL);
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "label-name",
                              g_strdup (gloss_label_get_name (labels->pdata[i])), g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_name (labels->pdata[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->labels_group, row);
      g_ptr_array_add (self->label_checks, check);
    }

  suggest_path (self);
  return self;
}

void
gloss_export_dialog_set_format (GlossExportDialog *self,
                                const char        *format_name)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->formats->len; i++)
    if (g_str_equal (((const GlossFormat *) self->formats->pdata[i])->name, format_name))
      adw_combo_row_set_selected (self->format_row, i);
}

const char *
gloss_export_dialog_get_path (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  return self->path;
}

const char *
gloss_export_dialog_get_format (GlossExportDialog *self)
{
  const GlossFormat *format;

  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  format = get_format (self);
  return format ? format->name : NULL;
}

void
gloss_export_dialog_set_path (GlossExportDialog *self,
                              const char        *path)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  g_free (self->path);
  self->path = g_strdup (path);
  update_destination (self);
}
