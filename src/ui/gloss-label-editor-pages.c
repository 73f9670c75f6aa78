/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The label editor's other pages: relation labels (name, color, key,
 * description, directed), span attributes (name, kind, a choice's values,
 * the labels each applies to) and document category sets (name, one or
 * several at once, the categories with their keys).
 *
 * As on the labels page, every edit goes straight to the store as one
 * undoable step, and the pages follow the store's signals, so an undo in
 * the main window shows here. A page's rows are built again from the store
 * when it changes, keeping which rows are open and which field has the
 * focus (each row and field carries a key naming what it edits). */

#define G_LOG_DOMAIN "gloss-label-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute.h"
#include "gloss-category.h"
#include "gloss-color.h"
#include "gloss-label-editor-pages.h"
#include "gloss-relation-label.h"

typedef struct _Page Page;

struct _Page
{
  GtkWindow *window;    /* the editor, for its toasts; it outlives its pages */
  GlossStore *store;
  GtkWidget *page;      /* the AdwPreferencesPage, which owns this */
  GtkListBox *list;     /* a row per item */
  void (*fill) (Page *page);

  /* The "new item" fields */
  AdwEntryRow *new_name_row;
  AdwComboRow *new_kind_row;   /* attributes */
  AdwEntryRow *new_values_row; /* attributes */
  GtkSwitch *new_multiple_switch; /* categories */
};

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_object (&page->store);
  g_free (page);
}

static Page *
page_of (GtkWidget *widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_PAGE);

  return page ? g_object_get_data (G_OBJECT (page), "gloss-page") : NULL;
}

static void
show_message (Page       *page,
              const char *message)
{
  /* A toast's title is markup: a name such as "R&D" shows as written. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (page->window), toast);
}

static void
show_error (Page   *page,
            GError *error)
{
  show_message (page, error->message);
}

/* What a field or row edits, as "relation:12:name": kept across a rebuild. */
static void
set_key (gpointer    widget,
         const char *key)
{
  g_object_set_data_full (G_OBJECT (widget), "gloss-key", g_strdup (key), g_free);
}

static const char *
get_key (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *key = g_object_get_data (G_OBJECT (widget), "gloss-key");

      if (key != NULL)
        return key;
    }

  return NULL;
}

static GtkWidget *
find_keyed (GtkWidget  *root,
            const char *key)
{
  const char *own = g_object_get_data (G_OBJECT (root), "gloss-key");

  if (own != NULL && g_str_equal (own, key))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_keyed (child, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The item (GlossRelationLabel, GlossAttribute, GlossCategorySet) the row
 * holding WIDGET edits. */
static gpointer
item_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      gpointer item = g_object_get_data (G_OBJECT (widget), "gloss-item");

      if (item != NULL)
        return item;
    }

  return NULL;
}

static void
set_item (gpointer widget,
          gpointer item)
{
  g_object_set_data_full (G_OBJECT (widget), "gloss-item", g_object_ref (item), g_object_unref);
}

/* Builds the rows again from the store, with the same rows open and the
 * focus in the same field. */
static void
page_rebuild (Page *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (page->window));
  g_autofree char *focus_key = NULL;
  g_autoptr(GPtrArray) expanded = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (page->list)))
    focus_key = g_strdup (get_key (focus));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (page->list))) != NULL)
    {
      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_ptr_array_add (expanded, g_strdup (get_key (row)));
      gtk_list_box_remove (page->list, row);
    }

  page->fill (page);
  /* An empty boxed list draws as a stray line. */
  gtk_widget_set_visible (GTK_WIDGET (page->list),
                          gtk_widget_get_first_child (GTK_WIDGET (page->list)) != NULL);

  for (guint i = 0; i < expanded->len; i++)
    {
      GtkWidget *found = find_keyed (GTK_WIDGET (page->list), expanded->pdata[i]);

      if (found != NULL && ADW_IS_EXPANDER_ROW (found))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (found), TRUE);
    }
  if (focus_key != NULL)
    {
      GtkWidget *found = find_keyed (GTK_WIDGET (page->list), focus_key);

      if (found != NULL)
        gtk_widget_grab_focus (found);
    }
}

static void
on_store_changed_cb (GtkWidget *page_widget)
{
  Page *page = g_object_get_data (G_OBJECT (page_widget), "gloss-page");

  page_rebuild (page);
}

static char *
field_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* A field whose Enter (and apply button) stores it through APPLIED. */
static GtkWidget *
entry_row_new (const char *title,
               const char *text,
               const char *key,
               GCallback   applied)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  set_key (row, key);
  g_signal_connect (row, "apply", applied, NULL);
  g_signal_connect (row, "entry-activated", applied, NULL);
  return row;
}

static GtkWidget *
key_badge_new (const char *hotkey)
{
  GtkWidget *badge = gtk_label_new (hotkey);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "gloss-key");
  gtk_widget_set_visible (badge, hotkey != NULL && hotkey[0] != '\0');
  return badge;
}

static GtkWidget *
delete_button_new (const char *tooltip,
                   GCallback   clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", clicked, NULL);
  return button;
}

static char *
rgba_to_color (const GdkRGBA *rgba)
{
  GlossColor color = { rgba->red, rgba->green, rgba->blue };

  return gloss_color_to_string (&color);
}

static GtkWidget *
add_group (Page       *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page->page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static Page *
page_new (GtkWindow  *window,
          GlossStore *store,
          const char *title,
          const char *icon_name,
          const char *name,
          const char *description,
          void      (*fill) (Page *page))
{
  Page *page = g_new0 (Page, 1);
  GtkWidget *group;

  page->window = window;
  page->store = g_object_ref (store);
  page->fill = fill;
  page->page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page->page), title);
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page->page), icon_name);
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page->page), name);
  g_object_set_data_full (G_OBJECT (page->page), "gloss-page", page, page_free);

  group = add_group (page, NULL, description);
  page->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (page->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (page->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (page->list));

  return page;
}

/* The "New …" group: a name field with an Add button, which Enter in the
 * field presses too. */
static GtkWidget *
add_new_group (Page       *page,
               const char *title,
               const char *widget_name,
               GCallback   add)
{
  GtkWidget *group = add_group (page, title, NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

  page->new_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->new_name_row), _("Name"));
  gtk_widget_set_name (GTK_WIDGET (page->new_name_row), widget_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (page->new_name_row, button);
  g_signal_connect (button, "clicked", add, NULL);
  g_signal_connect (page->new_name_row, "entry-activated", add, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (page->new_name_row));
  return group;
}

/* Relation labels */

static GlossRelationLabel *
relation_of (GtkWidget *widget)
{
  return item_of (widget);
}

/* Stores a change of the relation label WIDGET's row edits; NULL (or -1)
 * keeps a field as it is. */
static void
update_relation (GtkWidget  *widget,
                 const char *name,
                 const char *color,
                 const char *hotkey,
                 const char *description,
                 int         directed)
{
  Page *page = page_of (widget);
  GlossRelationLabel *label = relation_of (widget);
  g_autoptr(GlossRelationLabel) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = gloss_store_update_relation_label (
    page->store, gloss_relation_label_get_id (label),
    name ? name : gloss_relation_label_get_name (label),
    color ? color : gloss_relation_label_get_color (label),
    hotkey ? hotkey : gloss_relation_label_get_hotkey (label),
    description ? description : gloss_relation_label_get_description (label),
    directed >= 0 ? directed : gloss_relation_label_get_directed (label),
    &error);
  if (updated == NULL)
    {
      if (ADW_IS_ENTRY_ROW (widget))
        gtk_widget_add_css_class (widget, "error");
      show_error (page, error);
    }
}

static void
on_relation_name_cb (GtkWidget *field)
{
  g_autofree char *name = field_text (field);

  update_relation (field, name, NULL, NULL, NULL, -1);
}

static void
on_relation_key_cb (GtkWidget *field)
{
  g_autofree char *key = field_text (field);

  update_relation (field, NULL, NULL, key, NULL, -1);
}

static void
on_relation_description_cb (GtkWidget *field)
{
  g_autofree char *description = field_text (field);

  update_relation (field, NULL, NULL, NULL, description, -1);
}

static void
on_relation_color_cb (GtkColorButton *button)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = rgba_to_color (&rgba);
  update_relation (GTK_WIDGET (button), NULL, color, NULL, NULL, -1);
}

static void
on_relation_directed_cb (GtkSwitch  *toggle,
                         GParamSpec *pspec)
{
  GlossRelationLabel *label = relation_of (GTK_WIDGET (toggle));

  if (gtk_switch_get_active (toggle) != gloss_relation_label_get_directed (label))
    update_relation (GTK_WIDGET (toggle), NULL, NULL, NULL, NULL, gtk_switch_get_active (toggle));
}

static void
on_relation_delete_cb (GtkWidget *button)
{
  Page *page = page_of (button);
  GlossRelationLabel *label = relation_of (button);
  g_autoptr(GError) error = NULL;

  if (!gloss_store_delete_relation_label (page->store, gloss_relation_label_get_id (label), &error))
    show_error (page, error);
}

static void
fill_relations (Page *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = gloss_store_list_relation_labels (page->store, &error);

  if (labels == NULL)
    {
      show_error (page, error);
      return;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GlossRelationLabel *label = g_ptr_array_index (labels, i);
      gint64 id = gloss_relation_label_get_id (label);
      g_autofree char *key = g_strdup_printf ("relation:%" G_GINT64_FORMAT, id);
      g_autofree char *name_key = g_strconcat (key, ":name", NULL);
      g_autofree char *hotkey_key = g_strconcat (key, ":key", NULL);
      g_autofree char *description_key = g_strconcat (key, ":description", NULL);
      g_autofree char *directed_key = g_strconcat (key, ":directed", NULL);
      const char *description = gloss_relation_label_get_description (label);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *color = gtk_color_button_new ();
      GtkWidget *directed_row = adw_action_row_new ();
      GtkWidget *directed = gtk_switch_new ();
      GdkRGBA rgba;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gloss_relation_label_get_name (label));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     gloss_relation_label_get_directed (label)
                                       ? _("Directed: from the first span to the second")
                                       : _("Undirected"));
      set_key (row, key);
      set_item (row, label);

      if (gdk_rgba_parse (&rgba, gloss_relation_label_get_color (label)))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
      gtk_color_button_set_modal (GTK_COLOR_BUTTON (color), TRUE);
      gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (color, _("Change Color"));
      g_signal_connect (color, "color-set", G_CALLBACK (on_relation_color_cb), NULL);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), color);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   delete_button_new (_("Delete Relation Label"),
                                                      G_CALLBACK (on_relation_delete_cb)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   key_badge_new (gloss_relation_label_get_hotkey (label)));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row_new (_("Name"), gloss_relation_label_get_name (label),
                                               name_key, G_CALLBACK (on_relation_name_cb)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row_new (_("Key (a letter or digit)"),
                                               gloss_relation_label_get_hotkey (label),
                                               hotkey_key, G_CALLBACK (on_relation_key_cb)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row_new (_("Description"), description, description_key,
                                               G_CALLBACK (on_relation_description_cb)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (directed_row), _("Directed"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (directed_row),
                                   _("From the first span to the second, drawn with an arrow"));
      gtk_switch_set_active (GTK_SWITCH (directed), gloss_relation_label_get_directed (label));
      gtk_widget_set_valign (directed, GTK_ALIGN_CENTER);
      set_key (directed, directed_key);
      g_signal_connect (directed, "notify::active", G_CALLBACK (on_relation_directed_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (directed_row), directed);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (directed_row), directed);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), directed_row);

      gtk_list_box_append (page->list, row);
    }
}

static void
on_add_relation_cb (GtkWidget *widget)
{
  Page *page = page_of (widget);
  g_autofree char *name = field_text (page->new_name_row);
  g_autoptr(GPtrArray) labels = gloss_store_list_relation_labels (page->store, NULL);
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    return;

  /* A color no other relation label has. */
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    g_ptr_array_add (colors, (gpointer) gloss_relation_label_get_color (labels->pdata[i]));
  g_ptr_array_add (colors, NULL);

  label = gloss_store_add_relation_label (
    page->store, name, gloss_color_next_distinct ((const char * const *) colors->pdata), "", "",
    TRUE, &error);
  if (label == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (page->new_name_row), "error");
      show_error (page, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (page->new_name_row), "");
}

GtkWidget *
gloss_relation_labels_page_new (GtkWindow  *window,
                                GlossStore *store)
{
  Page *page = page_new (window, store, _("Relations"), "network-workgroup-symbolic", "relations",
                         _("A relation links two spans: who supports whom, who quotes whom. "
                           "Changes are saved as you make them; Ctrl+Z undoes them."),
                         fill_relations);

  add_new_group (page, _("New Relation Label"), "new-relation-row",
                 G_CALLBACK (on_add_relation_cb));
  g_signal_connect_object (store, "relation-labels-changed", G_CALLBACK (on_store_changed_cb),
                           page->page, G_CONNECT_SWAPPED);
  page_rebuild (page);
  return page->page;
}
