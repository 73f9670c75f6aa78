/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossApplication opens projects in windows: the default project when
 * started without a file, else each project named on the command line. A
 * file that is not a Gloss project is refused with the reason and left
 * untouched. */

#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-project.h"
#include "gloss-window.h"

struct _GlossApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

/* With no window to be transient for, the reason gets a small window of its
 * own rather than a dialog floating over nothing. */
static void
show_error_window (GlossApplication *self,
                   const GError     *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), gtk_label_new (NULL));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Could Not Open Project"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_widget_set_vexpand (status, TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Could Not Open Project"));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 360);
  gtk_window_present (GTK_WINDOW (window));
}

/* Says why a project could not be opened, on the terminal for whoever
 * started Gloss there, and on screen for everyone else. */
static void
report_open_error (GlossApplication *self,
                   const GError     *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  g_printerr ("gloss: %s\n", error->message);

  if (parent == NULL)
    {
      show_error_window (self, error);
      return;
    }

  dialog = adw_message_dialog_new (parent, _("Could Not Open Project"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

#define MAX_RECENT_PROJECTS 10

/* The recent projects list, newest first, for the primary menu. */
static void
remember_project (const char *path)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_PROJECTS; i++)
    if (!g_str_equal (old[i], path) && g_file_test (old[i], G_FILE_TEST_EXISTS))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) recent);
}

/* A project has one window: opening it again brings that window forward. */
static GlossWindow *
find_window_for (GlossApplication *self,
                 const char       *path)
{
  g_autoptr(GFile) wanted = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GFile) shown = NULL;

      if (!GLOSS_IS_WINDOW (l->data))
        continue;
      shown = g_file_new_for_path (gloss_store_get_path (gloss_window_get_store (l->data)));
      if (g_file_equal (shown, wanted))
        return l->data;
    }

  return NULL;
}

static void open_project_path (GlossApplication *self,
                               const char       *path,
                               gboolean          create);

static void
on_save_copy_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          GlossWindow     *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen = g_file_get_path (file);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

      if (chosen != NULL && application != NULL)
        {
          path = g_str_has_suffix (chosen, ".gloss") ? g_strdup (chosen)
                                                     : g_strconcat (chosen, ".gloss", NULL);
          if (gloss_store_save_copy (gloss_window_get_store (window), path, &error))
            open_project_path (GLOSS_APPLICATION (application), path, FALSE);
          else
            report_open_error (GLOSS_APPLICATION (application), error);
        }
    }

  g_object_unref (chooser);
}

static void
on_read_only_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GlossWindow      *window)
{
  if (g_str_equal (response, "export"))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
    }
  else if (g_str_equal (response, "copy"))
    {
      g_autofree char *name = gloss_store_dup_name (gloss_window_get_store (window));
      /* Translators: the name of a copy of a project, "Factions (copy).gloss" */
      g_autofree char *suggested = g_strdup_printf (_("%s (copy).gloss"), name);
      GtkFileChooserNative *chooser;

      chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (window),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                             _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_copy_response_cb),
                               window, 0);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

/* A project that cannot be written opens read-only; the window says so at
 * once, rather than at the first change, and offers what still works. */
static void
show_read_only_notice (GlossWindow *window,
                       GlossStore  *store)
{
  g_autofree char *name = gloss_store_dup_name (store);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("“%s” cannot be changed here: the file, its folder or its disk is "
                            "read-only. You can read, search and export it. To change it, save "
                            "a copy where you can write."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Read-Only Project"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Just Read"),
                                    "export", _("_Export…"),
                                    "copy", _("_Save a Copy…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_read_only_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_store (GlossApplication *self,
            GlossStore       *store)
{
  GlossWindow *window = gloss_window_new (GTK_APPLICATION (self), store);

  remember_project (gloss_store_get_path (store));
  gtk_window_present (GTK_WINDOW (window));

  if (gloss_store_is_read_only (store))
    show_read_only_notice (window, store);
}

/* Opens PATH in a window, creating an empty project there if CREATE. */
static void
open_project_path (GlossApplication *self,
                   const char       *path,
                   gboolean          create)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *window = find_window_for (self, path);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (&error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
                   _("“%s” no longer exists"), display);
      report_open_error (self, error);
      return;
    }

  store = create ? gloss_store_create (path, NULL, NULL, &error) : gloss_project_open (path, &error);
  if (store == NULL)
    {
      report_open_error (self, error);
      return;
    }

  open_store (self, store);
}

static void
on_new_project_response_cb (GtkNativeDialog  *chooser,
                            int               response,
                            GlossApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen = g_file_get_path (file);
      g_autofree char *path = g_str_has_suffix (chosen, ".gloss") ? g_strdup (chosen)
                                                                  : g_strconcat (chosen, ".gloss", NULL);

      /* Creating never replaces a file, whatever the chooser confirmed. */
      open_project_path (self, path, TRUE);
    }

  g_object_unref (chooser);
}

static void
on_open_project_response_cb (GtkNativeDialog  *chooser,
                             int               response,
                             GlossApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        open_project_path (self, path, FALSE);
    }

  g_object_unref (chooser);
}

/* Where New Project and Open Project start: the folder of the project
 * open in PARENT, or home when that is the default project, kept out of
 * sight among the application's data. GTK would otherwise start on its
 * Recent view, where a typed location is taken by neither Return nor
 * Open, or in the working folder. */
static GFile *
propose_project_folder (GtkWindow *parent)
{
  g_autofree char *default_path = gloss_project_default_path ();
  const char *path = NULL;

  if (GLOSS_IS_WINDOW (parent))
    path = gloss_store_get_path (gloss_window_get_store (GLOSS_WINDOW (parent)));
  if (path != NULL && g_strcmp0 (path, default_path) != 0)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      return g_file_new_for_path (folder);
    }

  return g_file_new_for_path (g_get_home_dir ());
}

static void
choose_project (GlossApplication *self,
                gboolean          create)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (create ? _("New Project") : _("Open Project"), parent,
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Gloss projects"));
  gtk_file_filter_add_suffix (filter, "gloss");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.gloss"));
  {
    g_autoptr(GFile) start = propose_project_folder (parent);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
  }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response",
                           create ? G_CALLBACK (on_new_project_response_cb)
                                  : G_CALLBACK (on_open_project_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  choose_project (GLOSS_APPLICATION (user_data), TRUE);
}

static void
open_project_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  choose_project (GLOSS_APPLICATION (user_data), FALSE);
}

static void
gloss_application_activate (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  store = gloss_project_open_default (&error);
  if (store == NULL)
    {
      report_open_error (self, error);
      return;
    }

  open_store (self, store);
}

static void
gloss_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” is not a local file"), uri);
          report_open_error (self, error);
          continue;
        }

      open_project_path (self, path, !g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Gloss developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Gloss"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Gloss developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/glossapp/gloss",
                         "issue-url", "https://github.com/glossapp/gloss/issues",
                         "comments", _("Label the phrases that matter in long documents, "
                                       "and export them as datasets"),
                         "developers", developers,
                         "copyright", "© 2026 The Gloss developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *active = gtk_application_get_active_window (application);
  GtkWindow *preferences;

  /* The shortcut pressed in the preferences window brings up no second one. */
  if (GLOSS_IS_PREFERENCES_WINDOW (active))
    {
      gtk_window_present (active);
      return;
    }

  preferences = gloss_preferences_window_new (active);
  gtk_window_set_application (preferences, application);
  gtk_window_present (preferences);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  /* Each project window is closed as its close button would: that stores
   * what it still holds (a note being typed) before the quit. */
  for (guint i = 0; i < windows->len; i++)
    if (GLOSS_IS_WINDOW (windows->pdata[i]))
      gtk_window_close (GTK_WINDOW (windows->pdata[i]));
  g_application_quit (G_APPLICATION (application));
}

static const GActionEntry app_actions[] = {
  { "new-project", new_project_action },
  { "open-project", open_project_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static gboolean
style_variant_to_color_scheme (GValue   *value,
                               GVariant *variant,
                               gpointer  user_data)
{
  const char *variant_nick = g_variant_get_string (variant, NULL);

  if (g_str_equal (variant_nick, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (variant_nick, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

/* The style follows the style-variant key while Gloss runs. The binding
 * holds its own reference to the settings. */
static void
follow_style_variant (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_settings_bind_with_mapping (settings, "style-variant",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                style_variant_to_color_scheme, NULL, NULL, NULL);
}

static void
gloss_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-project",
                                         new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.open-project",
                                         open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         shortcuts_accels);
  follow_style_variant ();
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->startup = gloss_application_startup;
  application_class->activate = gloss_application_activate;
  application_class->open = gloss_application_open;
}

static void
gloss_application_init (GlossApplication *self)
{
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossapp/Gloss",
                       NULL);
}
