/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Files coming into a GlossWindow: Import (a chooser), files dropped on
 * the window, and the projects opened before (the Open Recent menu). The
 * import runs in the import bar; its result comes back here. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/* Imports PATHS in FORMAT, or with NULL each in the format its content
 * or name shows, on a worker thread; the import bar shows the progress. */
void
gloss_window_import_as (GlossWindow        *self,
                        const char * const *paths,
                        const GlossFormat  *format)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (!gloss_import_bar_start (self->import_bar, gloss_store_get_path (self->store), paths, format))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("An import is running already")));
}

/* gloss_window_import_as () on FILES (GFile): files without a local path
 * (a remote location, a portal, a URI dropped from another program) are
 * read through GIO, and a folder among them is named in the report. */
void
gloss_window_import_files (GlossWindow       *self,
                           GPtrArray         *files,
                           const GlossFormat *format)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  if (!gloss_import_bar_start_files (self->import_bar, gloss_store_get_path (self->store), files,
                                     format))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("An import is running already")));
}

void
gloss_window_import (GlossWindow        *self,
                     const char * const *paths)
{
  gloss_window_import_as (self, paths, NULL);
}

static void
on_import_finished_cb (GlossWindow    *self,
                       GPtrArray      *results,
                       const GError   *error,
                       GlossImportBar *bar)
{
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;

  gloss_store_notify_changed_elsewhere (self->store);

  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  text = gloss_import_bar_describe_results (self->store, results, &heading);
  g_signal_emit_by_name (self, "import-finished", results);

  if (heading == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, text);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* What the format choice says, for a file that neither its content nor
 * its name tells: Automatic, or one of the formats that read what the
 * chooser picks (a file, or a folder). */
static void
add_format_choice (GtkFileChooser *chooser,
                   gboolean        folder)
{
  const GlossFormat * const *formats = gloss_format_list ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  g_ptr_array_add (ids, (gpointer) "automatic");
  g_ptr_array_add (titles, (gpointer) _("Automatic"));
  for (guint i = 0; formats[i] != NULL; i++)
    if (formats[i]->read != NULL && (!folder || formats[i]->target == GLOSS_FORMAT_TARGET_FOLDER))
      {
        g_ptr_array_add (ids, (gpointer) formats[i]->name);
        g_ptr_array_add (titles, (gpointer) _(formats[i]->title));
      }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (titles, NULL);

  gtk_file_chooser_add_choice (chooser, "format", _("Format"), (const char **) ids->pdata,
                               (const char **) titles->pdata);
  gtk_file_chooser_set_choice (chooser, "format", "automatic");
}

static const GlossFormat *
get_chosen_format (GtkFileChooser *chooser)
{
  const char *choice = gtk_file_chooser_get_choice (chooser, "format");

  return choice != NULL ? gloss_format_lookup (choice) : NULL;
}

/* Where the next import chooser opens: the folder the first of FILES is
 * in, when it is on this computer's file system. */
static void
remember_import_folder (GlossWindow *self,
                        GPtrArray   *files)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;

  if (files->len == 0 || (parent = g_file_get_parent (files->pdata[0])) == NULL ||
      (path = g_file_get_path (parent)) == NULL)
    return;
  g_settings_set_string (self->settings, "import-folder", path);
}

/* The folder the import chooser opens in: the last import's, or the home
 * folder. Never GTK's Recent view, where a path typed with Ctrl+L is not
 * taken by Return or by the Import button. */
static GFile *
propose_import_folder (GlossWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "import-folder");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               GlossWindow     *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      remember_import_folder (self, list);
      gloss_window_import_files (self, list, get_chosen_format (GTK_FILE_CHOOSER (chooser)));
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.import-folder");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (folder ? _("Import a Folder") : _("Import Documents"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), !folder);
  if (!folder)
    {
      gtk_file_filter_set_name (filter, _("Documents and datasets"));
      gtk_file_filter_add_mime_type (filter, "text/*");
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "jsonl");
      gtk_file_filter_add_suffix (filter, "conll");
      gtk_file_filter_add_suffix (filter, "ann");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  add_format_choice (GTK_FILE_CHOOSER (chooser), folder);
  {
    g_autoptr(GFile) start = propose_import_folder (self);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GlossWindow   *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, g_object_ref (l->data));
  if (list->len == 0)
    return FALSE;

  gloss_window_import_files (self, list, NULL);
  return TRUE;
}

static void
open_recent_project (GlossWindow *self,
                     const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), files, 1, "");
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_recent_project (GLOSS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_gloss_window_update_recent_menu (GlossWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *base = g_path_get_basename (recent[i]);

      if (g_str_equal (recent[i], gloss_store_get_path (self->store)))
        continue;
      item = g_menu_item_new (base, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

void
_gloss_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

static void
on_recent_projects_changed_cb (GlossWindow *self)
{
  if (self->store != NULL)
    _gloss_window_update_recent_menu (self);
}

void
_gloss_window_import_init (GlossWindow *self)
{
  GtkDropTarget *drop;

  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (on_recent_projects_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->import_bar, "finished", G_CALLBACK (on_import_finished_cb), self,
                           G_CONNECT_SWAPPED);
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
