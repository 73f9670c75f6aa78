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

/* What a field showed when built: the stored value. */
static void
set_shown (gpointer    field,
           const char *text)
{
  g_object_set_data_full (G_OBJECT (field), "gloss-shown", g_strdup (text), g_free);
}

/* Ctrl+Z and Ctrl+Shift+Z in a field with nothing typed since it showed
 * the stored value are the project's undo and redo, so that an edit just
 * applied there can be taken back; with text typed they stay the field's. */
static gboolean
on_history_key_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   Page                  *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (page->window));
  GtkWidget *field = focus;
  const char *shown = NULL;

  if (keyval != GDK_KEY_z && keyval != GDK_KEY_Z)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != GDK_CONTROL_MASK)
    return GDK_EVENT_PROPAGATE;

  for (; field != NULL && shown == NULL; field = gtk_widget_get_parent (field))
    shown = g_object_get_data (G_OBJECT (field), "gloss-shown");
  if (focus == NULL || !GTK_IS_EDITABLE (focus) || shown == NULL ||
      !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (focus)), shown))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (page->window),
                              (state & GDK_SHIFT_MASK) ? "labels.redo" : "labels.undo", NULL);
  return GDK_EVENT_STOP;
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
  set_shown (row, text);
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

/* What a delete dialog deletes once the user says so. */
typedef struct
{
  gboolean (*delete) (GlossStore  *store,
                      gint64       id,
                      GError     **error);
  gint64 id;
} PendingDelete;

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GtkWidget        *page_widget)
{
  Page *page = g_object_get_data (G_OBJECT (page_widget), "gloss-page");
  PendingDelete *pending = g_object_get_data (G_OBJECT (dialog), "gloss-delete");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") && !pending->delete (page->store, pending->id, &error))
    show_error (page, error);
}

/* Asks, as the labels page does (gloss_label_editor_ask_delete ()), before
 * DELETE takes the item ID, named NAME, of the row of BUTTON; BODY says
 * what goes with it. */
static void
ask_delete (GtkWidget   *button,
            const char  *name,
            const char  *body,
            gboolean   (*delete) (GlossStore  *store,
                                  gint64       id,
                                  GError     **error),
            gint64       id)
{
  Page *page = page_of (button);
  AdwMessageDialog *dialog = gloss_label_editor_ask_delete (page->window, name, body, NULL, NULL);
  PendingDelete *pending = g_new0 (PendingDelete, 1);

  pending->delete = delete;
  pending->id = id;
  g_object_set_data_full (G_OBJECT (dialog), "gloss-delete", pending, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), page->page, 0);
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
  GtkEventController *keys;
  GtkWidget *group;

  page->window = window;
  page->store = g_object_ref (store);
  page->fill = fill;
  page->page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page->page), title);
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page->page), icon_name);
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page->page), name);
  g_object_set_data_full (G_OBJECT (page->page), "gloss-page", page, page_free);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_history_key_cb), page);
  gtk_widget_add_controller (page->page, keys);

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
  set_shown (page->new_name_row, "");
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
  gint64 id = gloss_relation_label_get_id (label);
  guint n = gloss_store_count_relation_label_relations (page->store, id);
  g_autofree char *body = NULL;

  if (n == 0)
    body = g_strdup (_("No relations have this type."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u relation of this type will be removed too.",
                                         "%u relations of this type will be removed too.", n),
                            n);
  ask_delete (button, gloss_relation_label_get_name (label), body,
              gloss_store_delete_relation_label, id);
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
  Page *page = page_new (window, store, _("Relations"), "insert-link-symbolic", "relations",
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

/* Attributes */

/* The kinds in the order the drop-downs list them. */
static const GlossAttributeKind kinds[] = {
  GLOSS_ATTRIBUTE_KIND_FLAG,
  GLOSS_ATTRIBUTE_KIND_CHOICE,
  GLOSS_ATTRIBUTE_KIND_TEXT,
};

static GtkStringList *
kind_list_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Yes or no"));
  gtk_string_list_append (list, _("One of a list"));
  gtk_string_list_append (list, _("Free text"));
  return list;
}

static guint
kind_position (GlossAttributeKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      return i;
  return 0;
}

/* "low, high" as a list of values: trimmed, empty ones dropped. */
static GStrv
split_values (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (values, parts[i]);
    }

  return g_strv_builder_end (values);
}

/* A choice attribute's values, "low, high". */
static char *
join_values (GlossAttribute *attribute)
{
  const char * const *values = gloss_attribute_get_values (attribute);

  return values != NULL ? g_strjoinv (", ", (char **) values) : g_strdup ("");
}

static GlossAttribute *
attribute_of (GtkWidget *widget)
{
  return item_of (widget);
}

/* Stores a change of the attribute WIDGET's row edits; NULL keeps a field. */
static void
update_attribute (GtkWidget                *widget,
                  const char               *name,
                  const GlossAttributeKind *kind,
                  const char * const       *values,
                  GArray                   *label_ids)
{
  Page *page = page_of (widget);
  GlossAttribute *attribute = attribute_of (widget);
  g_autoptr(GlossAttribute) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) kept_ids = NULL;

  if (label_ids == NULL)
    {
      const GArray *ids = gloss_attribute_get_label_ids (attribute);

      kept_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (ids != NULL)
        g_array_append_vals (kept_ids, ids->data, ids->len);
      label_ids = kept_ids;
    }

  updated = gloss_store_update_attribute (page->store, gloss_attribute_get_id (attribute),
                                          name ? name : gloss_attribute_get_name (attribute),
                                          kind ? *kind : gloss_attribute_get_kind (attribute),
                                          values ? values : gloss_attribute_get_values (attribute),
                                          label_ids, &error);
  if (updated == NULL)
    {
      if (ADW_IS_ENTRY_ROW (widget))
        gtk_widget_add_css_class (widget, "error");
      show_error (page, error);
    }
}

static void
on_attribute_name_cb (GtkWidget *field)
{
  g_autofree char *name = field_text (field);

  update_attribute (field, name, NULL, NULL, NULL);
}

static void
on_attribute_values_cb (GtkWidget *field)
{
  g_auto(GStrv) values = split_values (gtk_editable_get_text (GTK_EDITABLE (field)));

  update_attribute (field, NULL, NULL, (const char * const *) values, NULL);
}

static void
on_attribute_kind_cb (AdwComboRow *row,
                      GParamSpec  *pspec)
{
  GlossAttribute *attribute = attribute_of (GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (kinds) && kinds[selected] != gloss_attribute_get_kind (attribute))
    update_attribute (GTK_WIDGET (row), NULL, &kinds[selected], NULL, NULL);
}

/* A label's check in an attribute's row: the attribute applies to the
 * checked labels, or to every label when none is checked. */
static void
on_attribute_label_toggled_cb (GtkCheckButton *check)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_EXPANDER_ROW);
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "gloss-label-checks");
  g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      {
        gint64 *id = g_object_get_data (G_OBJECT (checks->pdata[i]), "gloss-label-id");

        g_array_append_val (label_ids, *id);
      }

  update_attribute (GTK_WIDGET (check), NULL, NULL, NULL, label_ids);
}

static void
on_attribute_delete_cb (GtkWidget *button)
{
  Page *page = page_of (button);
  GlossAttribute *attribute = attribute_of (button);
  gint64 id = gloss_attribute_get_id (attribute);
  guint n = gloss_store_count_attribute_values (page->store, id);
  g_autofree char *body = NULL;

  if (n == 0)
    body = g_strdup (_("No span has a value of this attribute."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u span has a value of this attribute; it will be "
                                         "removed too.",
                                         "%u spans have a value of this attribute; they will be "
                                         "removed too.",
                                         n),
                            n);
  ask_delete (button, gloss_attribute_get_name (attribute), body, gloss_store_delete_attribute,
              id);
}

static gboolean
has_label (const GArray *ids,
           gint64        label_id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == label_id)
      return TRUE;
  return FALSE;
}

/* "One of: low, high · Hardline camp, Reformist camp" */
static char *
describe_attribute (GlossAttribute *attribute,
                    GPtrArray      *labels)
{
  const GArray *ids = gloss_attribute_get_label_ids (attribute);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  switch (gloss_attribute_get_kind (attribute))
    {
    case GLOSS_ATTRIBUTE_KIND_FLAG:
      g_string_append (text, _("Yes or no"));
      break;
    case GLOSS_ATTRIBUTE_KIND_CHOICE:
      {
        g_autofree char *joined = join_values (attribute);

        /* Translators: an attribute's kind and its values, "One of: low, high" */
        g_string_append_printf (text, _("One of: %s"), joined);
      }
      break;
    case GLOSS_ATTRIBUTE_KIND_TEXT:
    default:
      g_string_append (text, _("Free text"));
      break;
    }

  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (has_label (ids, gloss_label_get_id (labels->pdata[i])))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              gloss_label_get_name (labels->pdata[i]));

  g_string_append (text, " · ");
  g_string_append (text, names->len > 0 ? names->str : _("every label"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_attributes (Page *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = gloss_store_list_attributes (page->store, &error);
  g_autoptr(GPtrArray) labels = NULL;

  if (attributes == NULL || (labels = gloss_store_list_labels (page->store, &error)) == NULL)
    {
      show_error (page, error);
      return;
    }

  for (guint i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);
      gint64 id = gloss_attribute_get_id (attribute);
      g_autofree char *key = g_strdup_printf ("attribute:%" G_GINT64_FORMAT, id);
      g_autofree char *name_key = g_strconcat (key, ":name", NULL);
      g_autofree char *kind_key = g_strconcat (key, ":kind", NULL);
      g_autofree char *values_key = g_strconcat (key, ":values", NULL);
      g_autofree char *subtitle = describe_attribute (attribute, labels);
      g_autofree char *joined = join_values (attribute);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *kind_row = adw_combo_row_new ();
      GtkWidget *values_row;
      GPtrArray *checks = g_ptr_array_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gloss_attribute_get_name (attribute));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      set_key (row, key);
      set_item (row, attribute);
      g_object_set_data_full (G_OBJECT (row), "gloss-label-checks", checks,
                              (GDestroyNotify) g_ptr_array_unref);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   delete_button_new (_("Delete Attribute"),
                                                      G_CALLBACK (on_attribute_delete_cb)));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row_new (_("Name"), gloss_attribute_get_name (attribute),
                                               name_key, G_CALLBACK (on_attribute_name_cb)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
      adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kind_list_new ()));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row),
                                  kind_position (gloss_attribute_get_kind (attribute)));
      set_key (kind_row, kind_key);
      g_signal_connect (kind_row, "notify::selected", G_CALLBACK (on_attribute_kind_cb), NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind_row);

      values_row = entry_row_new (_("Values, separated by commas"), joined, values_key,
                                  G_CALLBACK (on_attribute_values_cb));
      gtk_widget_set_visible (values_row,
                              gloss_attribute_get_kind (attribute) == GLOSS_ATTRIBUTE_KIND_CHOICE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), values_row);

      for (guint j = 0; j < labels->len; j++)
        {
          GlossLabel *label = g_ptr_array_index (labels, j);
          gint64 label_id = gloss_label_get_id (label);
          g_autofree char *check_key = g_strdup_printf ("%s:label:%" G_GINT64_FORMAT, key,
                                                        label_id);
          /* Translators: an attribute applies to spans of this label */
          g_autofree char *title = g_strdup_printf (_("For “%s”"),
                                                    gloss_label_get_name (label));
          GtkWidget *label_row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (label_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (label_row), title);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       has_label (gloss_attribute_get_label_ids (attribute),
                                                  label_id));
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          set_key (check, check_key);
          g_object_set_data_full (G_OBJECT (check), "gloss-label-id",
                                  g_memdup2 (&label_id, sizeof label_id), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (on_attribute_label_toggled_cb), NULL);
          adw_action_row_add_prefix (ADW_ACTION_ROW (label_row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (label_row), check);
          g_ptr_array_add (checks, check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label_row);
        }

      gtk_list_box_append (page->list, row);
    }
}

static void
on_add_attribute_cb (GtkWidget *widget)
{
  Page *page = page_of (widget);
  g_autofree char *name = field_text (page->new_name_row);
  g_auto(GStrv) values = split_values (gtk_editable_get_text (GTK_EDITABLE (page->new_values_row)));
  guint selected = adw_combo_row_get_selected (page->new_kind_row);
  GlossAttributeKind kind = selected < G_N_ELEMENTS (kinds) ? kinds[selected] : kinds[0];
  g_autoptr(GArray) label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    return;

  attribute = gloss_store_add_attribute (page->store, name, kind,
                                         kind == GLOSS_ATTRIBUTE_KIND_CHOICE
                                           ? (const char * const *) values : NULL,
                                         label_ids, &error);
  if (attribute == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (page->new_name_row), "error");
      show_error (page, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (page->new_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (page->new_values_row), "");
}

static void
on_new_kind_cb (AdwComboRow *row,
                GParamSpec  *pspec,
                Page        *page)
{
  gtk_widget_set_visible (GTK_WIDGET (page->new_values_row),
                          adw_combo_row_get_selected (row) ==
                            kind_position (GLOSS_ATTRIBUTE_KIND_CHOICE));
}

GtkWidget *
gloss_attributes_page_new (GtkWindow  *window,
                           GlossStore *store)
{
  Page *page = page_new (window, store, _("Attributes"), "document-properties-symbolic",
                         "attributes",
                         _("Attributes say more about a span: how sure, negated, which "
                           "sense. The span inspector shows those of its label."),
                         fill_attributes);
  GtkWidget *group = add_new_group (page, _("New Attribute"), "new-attribute-row",
                                    G_CALLBACK (on_add_attribute_cb));

  page->new_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->new_kind_row), _("Kind"));
  adw_combo_row_set_model (page->new_kind_row, G_LIST_MODEL (kind_list_new ()));
  adw_combo_row_set_selected (page->new_kind_row, kind_position (GLOSS_ATTRIBUTE_KIND_CHOICE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (page->new_kind_row));

  page->new_values_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->new_values_row),
                                 _("Values, separated by commas"));
  gtk_widget_set_name (GTK_WIDGET (page->new_values_row), "new-values-row");
  set_shown (page->new_values_row, "");
  g_signal_connect (page->new_values_row, "entry-activated", G_CALLBACK (on_add_attribute_cb),
                    NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (page->new_values_row));
  g_signal_connect (page->new_kind_row, "notify::selected", G_CALLBACK (on_new_kind_cb), page);

  g_signal_connect_object (store, "attributes-changed", G_CALLBACK (on_store_changed_cb),
                           page->page, G_CONNECT_SWAPPED);
  /* The rows name the labels each attribute applies to. */
  g_signal_connect_object (store, "labels-changed", G_CALLBACK (on_store_changed_cb),
                           page->page, G_CONNECT_SWAPPED);
  page_rebuild (page);
  return page->page;
}

/* Category sets */

static GlossCategorySet *
set_of (GtkWidget *widget)
{
  return item_of (widget);
}

/* A small entry for a one-character key. */
static GtkWidget *
key_entry_new (const char *hotkey,
               const char *key,
               const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_max_length (GTK_ENTRY (entry), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 2);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 2);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_editable_set_text (GTK_EDITABLE (entry), hotkey ? hotkey : "");
  set_shown (entry, hotkey ? hotkey : "");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, _("Key"));
  gtk_widget_set_name (entry, "category-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  set_key (entry, key);
  return entry;
}

/* Why HOTKEY cannot be the key of CATEGORY_ID (0 for a new one): another
 * label, relation label or category has it. NULL when it can. */
static char *
key_refused (Page       *page,
             const char *hotkey,
             gint64      category_id)
{
  g_autoptr(GError) error = NULL;

  if (gloss_store_check_key_free (page->store, hotkey, GLOSS_STORE_KEY_CATEGORY, category_id,
                                  &error))
    return NULL;
  return g_strdup (error->message);
}

/* A key for a new category: the first letter of its name that nothing
 * has, else none. */
static char *
suggest_key (Page       *page,
             const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      char key[7] = { 0 };

      if (!g_unichar_isalnum (c) || c > 0x7f)
        continue;
      g_unichar_to_utf8 (c, key);
      if (gloss_store_check_key_free (page->store, key, GLOSS_STORE_KEY_CATEGORY, 0, NULL))
        return g_strdup (key);
    }

  return g_strdup ("");
}

static void
update_set (GtkWidget  *widget,
            const char *name,
            int         multiple)
{
  Page *page = page_of (widget);
  GlossCategorySet *set = set_of (widget);
  g_autoptr(GlossCategorySet) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = gloss_store_update_category_set (page->store, gloss_category_set_get_id (set),
                                             name ? name : gloss_category_set_get_name (set),
                                             multiple >= 0 ? multiple
                                                           : gloss_category_set_get_multiple (set),
                                             &error);
  if (updated == NULL)
    {
      if (ADW_IS_ENTRY_ROW (widget))
        gtk_widget_add_css_class (widget, "error");
      show_error (page, error);
    }
}

static void
on_set_name_cb (GtkWidget *field)
{
  g_autofree char *name = field_text (field);

  update_set (field, name, -1);
}

static void
on_set_multiple_cb (GtkSwitch  *toggle,
                    GParamSpec *pspec)
{
  GlossCategorySet *set = set_of (GTK_WIDGET (toggle));

  if (gtk_switch_get_active (toggle) != gloss_category_set_get_multiple (set))
    update_set (GTK_WIDGET (toggle), NULL, gtk_switch_get_active (toggle));
}

static void
on_set_delete_cb (GtkWidget *button)
{
  Page *page = page_of (button);
  GlossCategorySet *set = set_of (button);
  gint64 id = gloss_category_set_get_id (set);
  guint n = gloss_store_count_category_set_documents (page->store, id);
  g_autofree char *body = NULL;

  if (n == 0)
    body = g_strdup (_("No document has a category of this set."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u document has a category of this set; that choice "
                                         "will be removed too.",
                                         "%u documents have a category of this set; those "
                                         "choices will be removed too.",
                                         n),
                            n);
  ask_delete (button, gloss_category_set_get_name (set), body, gloss_store_delete_category_set,
              id);
}

/* A category's row holds its GlossCategory as "gloss-category", its name
 * field and its key entry. */
static void
update_category (GtkWidget *widget)
{
  Page *page = page_of (widget);
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
  GlossCategory *category = g_object_get_data (G_OBJECT (row), "gloss-category");
  GtkWidget *key_entry = g_object_get_data (G_OBJECT (row), "gloss-key-entry");
  g_autofree char *name = field_text (row);
  g_autofree char *hotkey = field_text (key_entry);
  g_autofree char *refused = NULL;
  g_autoptr(GlossCategory) updated = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (name, gloss_category_get_name (category)) &&
      g_str_equal (hotkey, gloss_category_get_hotkey (category)))
    return;

  if (!g_str_equal (hotkey, gloss_category_get_hotkey (category)) &&
      (refused = key_refused (page, hotkey, gloss_category_get_id (category))) != NULL)
    {
      gtk_widget_add_css_class (key_entry, "error");
      show_message (page, refused);
      return;
    }

  updated = gloss_store_update_category (page->store, gloss_category_get_id (category), name,
                                         hotkey, &error);
  if (updated == NULL)
    {
      gtk_widget_add_css_class (row, "error");
      show_error (page, error);
    }
}

static void
on_category_delete_cb (GtkWidget *button)
{
  Page *page = page_of (button);
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW);
  GlossCategory *category = g_object_get_data (G_OBJECT (row), "gloss-category");
  g_autoptr(GError) error = NULL;

  if (!gloss_store_delete_category (page->store, gloss_category_get_id (category), &error))
    show_error (page, error);
}

static void
on_add_category_cb (GtkWidget *widget)
{
  Page *page = page_of (widget);
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
  GtkWidget *key_entry = g_object_get_data (G_OBJECT (row), "gloss-key-entry");
  GlossCategorySet *set = set_of (row);
  g_autofree char *name = field_text (row);
  g_autofree char *hotkey = field_text (key_entry);
  g_autofree char *refused = NULL;
  g_autoptr(GlossCategory) category = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    return;
  if (hotkey[0] == '\0')
    {
      g_free (hotkey);
      hotkey = suggest_key (page, name);
    }
  else if ((refused = key_refused (page, hotkey, 0)) != NULL)
    {
      gtk_widget_add_css_class (key_entry, "error");
      show_message (page, refused);
      return;
    }

  category = gloss_store_add_category (page->store, gloss_category_set_get_id (set), name, hotkey,
                                       &error);
  if (category == NULL)
    {
      gtk_widget_add_css_class (row, "error");
      show_error (page, error);
    }
  /* The page is built again, with this field empty and focused. */
}

static GtkWidget *
category_row_new (Page          *page,
                  const char    *set_key,
                  GlossCategory *category)
{
  gint64 id = category ? gloss_category_get_id (category) : 0;
  g_autofree char *key = category ? g_strdup_printf ("%s:category:%" G_GINT64_FORMAT, set_key, id)
                                  : g_strdup_printf ("%s:new-category", set_key);
  g_autofree char *hotkey_key = g_strconcat (key, ":key", NULL);
  GCallback applied = category ? G_CALLBACK (update_category) : G_CALLBACK (on_add_category_cb);
  GtkWidget *row = entry_row_new (category ? _("Category") : _("New Category"),
                                  category ? gloss_category_get_name (category) : "", key, applied);
  GtkWidget *key_entry = key_entry_new (category ? gloss_category_get_hotkey (category) : "",
                                        hotkey_key, _("Key"));

  g_signal_connect_swapped (key_entry, "activate", applied, row);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), key_entry);
  g_object_set_data (G_OBJECT (row), "gloss-key-entry", key_entry);
  if (category != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "gloss-category", g_object_ref (category),
                              g_object_unref);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                delete_button_new (_("Delete Category"),
                                                   G_CALLBACK (on_category_delete_cb)));
    }
  else
    {
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));

      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (add, "clicked", applied, row);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), add);
    }

  return row;
}

static void
fill_categories (Page *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = gloss_store_list_category_sets (page->store, &error);

  if (sets == NULL)
    {
      show_error (page, error);
      return;
    }

  for (guint i = 0; i < sets->len; i++)
    {
      GlossCategorySet *set = g_ptr_array_index (sets, i);
      gint64 id = gloss_category_set_get_id (set);
      g_autofree char *key = g_strdup_printf ("set:%" G_GINT64_FORMAT, id);
      g_autofree char *name_key = g_strconcat (key, ":name", NULL);
      g_autofree char *multiple_key = g_strconcat (key, ":multiple", NULL);
      g_autoptr(GPtrArray) categories = gloss_store_list_categories (page->store, id, &error);
      g_autoptr(GString) subtitle = g_string_new (gloss_category_set_get_multiple (set)
                                                    ? _("Several at once")
                                                    : _("One at a time"));
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *multiple_row = adw_action_row_new ();
      GtkWidget *multiple = gtk_switch_new ();

      if (categories == NULL)
        {
          show_error (page, error);
          return;
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_category_set_get_name (set));
      set_key (row, key);
      set_item (row, set);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   delete_button_new (_("Delete Category Set"),
                                                      G_CALLBACK (on_set_delete_cb)));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                entry_row_new (_("Name"), gloss_category_set_get_name (set),
                                               name_key, G_CALLBACK (on_set_name_cb)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (multiple_row), _("Several at Once"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (multiple_row),
                                   _("Off: choosing one category clears the others"));
      gtk_switch_set_active (GTK_SWITCH (multiple), gloss_category_set_get_multiple (set));
      gtk_widget_set_valign (multiple, GTK_ALIGN_CENTER);
      set_key (multiple, multiple_key);
      g_signal_connect (multiple, "notify::active", G_CALLBACK (on_set_multiple_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (multiple_row), multiple);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (multiple_row), multiple);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), multiple_row);

      for (guint j = 0; j < categories->len; j++)
        {
          GlossCategory *category = g_ptr_array_index (categories, j);
          const char *hotkey = gloss_category_get_hotkey (category);

          g_string_append_printf (subtitle, j == 0 ? " · %s" : ", %s",
                                  gloss_category_get_name (category));
          if (hotkey[0] != '\0')
            g_string_append_printf (subtitle, " (%s)", hotkey);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), category_row_new (page, key, category));
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), category_row_new (page, key, NULL));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

      gtk_list_box_append (page->list, row);
    }
}

static void
on_add_set_cb (GtkWidget *widget)
{
  Page *page = page_of (widget);
  g_autofree char *name = field_text (page->new_name_row);
  g_autoptr(GlossCategorySet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GtkWidget *row;

  if (name[0] == '\0')
    return;

  set = gloss_store_add_category_set (page->store, name,
                                      gtk_switch_get_active (page->new_multiple_switch), &error);
  if (set == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (page->new_name_row), "error");
      show_error (page, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (page->new_name_row), "");

  /* Open the new set at its first category, to type them in. */
  key = g_strdup_printf ("set:%" G_GINT64_FORMAT, gloss_category_set_get_id (set));
  if ((row = find_keyed (GTK_WIDGET (page->list), key)) != NULL)
    {
      g_autofree char *field_key = g_strconcat (key, ":new-category", NULL);
      GtkWidget *field;

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      if ((field = find_keyed (row, field_key)) != NULL)
        gtk_widget_grab_focus (field);
    }
}

GtkWidget *
gloss_categories_page_new (GtkWindow  *window,
                           GlossStore *store)
{
  Page *page = page_new (window, store, _("Categories"), "emblem-documents-symbolic", "categories",
                         _("Categories sort whole documents: their buttons are above the "
                           "text, and each key toggles one while the text has the focus."),
                         fill_categories);
  GtkWidget *group = add_new_group (page, _("New Category Set"), "new-set-row",
                                    G_CALLBACK (on_add_set_cb));
  GtkWidget *multiple_row = adw_action_row_new ();

  page->new_multiple_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (page->new_multiple_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (multiple_row), _("Several at Once"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (multiple_row), GTK_WIDGET (page->new_multiple_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (multiple_row),
                                         GTK_WIDGET (page->new_multiple_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), multiple_row);

  g_signal_connect_object (store, "categories-changed", G_CALLBACK (on_store_changed_cb),
                           page->page, G_CONNECT_SWAPPED);
  page_rebuild (page);
  return page->page;
}
