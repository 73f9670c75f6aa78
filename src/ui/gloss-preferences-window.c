/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossPreferencesWindow shows the user's settings and writes each change
 * the moment it is made: there is no Apply button. It only stores the
 * settings; GlossApplication and GlossWindow follow them. */

#define G_LOG_DOMAIN "gloss-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-preferences-window.h"
#include "gloss-project.h"

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *annotation_group;
  AdwEntryRow *annotator_row;
  GtkSwitch *snap_switch;
  AdwComboRow *text_size_row;
  AdwComboRow *style_row;

  /* Owned references */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The text sizes offered, in percent of the normal size. */
static const int text_sizes[] = { 80, 90, 100, 115, 130, 150 };

/* The nicks of the style-variant key, in the order of the style row's items. */
static const char * const style_variants[] = { "default", "light", "dark" };

/* A size set outside this window (with gsettings, say) shows as the nearest
 * size offered, and stays as it is until the user picks another. */
static gboolean
text_size_to_position (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  int size = g_variant_get_int32 (variant);
  guint nearest = 0;

  for (guint i = 1; i < G_N_ELEMENTS (text_sizes); i++)
    if (ABS (text_sizes[i] - size) < ABS (text_sizes[nearest] - size))
      nearest = i;

  g_value_set_uint (value, nearest);
  return TRUE;
}

static GVariant *
position_to_text_size (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (text_sizes))
    return NULL;

  return g_variant_new_int32 (text_sizes[position]);
}

static gboolean
style_variant_to_position (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_str_equal (nick, style_variants[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_style_variant (const GValue       *value,
                           const GVariantType *expected_type,
                           gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (style_variants))
    return NULL;

  return g_variant_new_string (style_variants[position]);
}

/* A name of nothing but spaces means no name, and stray spaces around a
 * name would end up in every exported span. The row keeps what is typed;
 * only the stored value is trimmed. */
static GVariant *
text_to_annotator (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char *text = g_value_get_string (value);
  g_autofree char *name = g_strdup (text != NULL ? text : "");

  return g_variant_new_string (g_strstrip (name));
}

static GListModel *
text_size_model_new (void)
{
  GtkStringList *sizes = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_sizes); i++)
    {
      /* Translators: a text size, as a percentage of the normal size */
      g_autofree char *label = g_strdup_printf (_("%d%%"), text_sizes[i]);

      gtk_string_list_append (sizes, label);
    }

  return G_LIST_MODEL (sizes);
}

static void
gloss_preferences_window_show (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gloss_preferences_window_parent_class)->show (widget);

  /* GTK would put the focus in the first field, the annotator name, as if
   * the user had come to edit it. Tab or an arrow key goes there. */
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_window_dispose;
  widget_class->show = gloss_preferences_window_show;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/glossapp/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotation_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_row);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  g_autoptr(GListModel) text_size_model = text_size_model_new ();
  g_autofree char *default_annotator = gloss_project_default_annotator ();
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SCHEMA_ID);

  /* Translators: %s is the user's real name, or their user name */
  description = g_strdup_printf (_("Your annotator name is recorded on each span you create. "
                                   "Leave it empty to use your name from the system, “%s”."),
                                 default_annotator);
  adw_preferences_group_set_description (self->annotation_group, description);

  /* The model goes in before the binding, so that setting it cannot
   * overwrite the stored size. */
  adw_combo_row_set_model (self->text_size_row, text_size_model);

  g_settings_bind_with_mapping (self->settings, "annotator",
                                self->annotator_row, "text",
                                G_SETTINGS_BIND_DEFAULT,
                                NULL, text_to_annotator, NULL, NULL);
  g_settings_bind (self->settings, "snap-to-words",
                   self->snap_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "text-size",
                                self->text_size_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                text_size_to_position, position_to_text_size, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_variant_to_position, position_to_style_variant,
                                NULL, NULL);
}

/* PARENT may be NULL when no project window is open. */
GtkWindow *
gloss_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", parent != NULL,
                       NULL);
}
