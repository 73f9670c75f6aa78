/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossLabelEditor edits a project's label set: name, color, key and
 * description of each label, their order, deleting (or merging) a label, and
 * adding one. Every edit goes straight to the store as one undoable step;
 * nothing waits for a Save button. A refused edit (a taken name or key)
 * marks its field and says why, and the store stays as it was.
 *
 * The rows follow the store's "labels-changed" signal and are updated in
 * place, never rebuilt, so that an undo in the main window shows here and the
 * field being typed in keeps its focus. */

#define G_LOG_DOMAIN "gloss-label-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-label-editor.h"
#include "gloss-label-editor-pages.h"

#define ROW_RESOURCE "/io/github/glossapp/Gloss/gloss-label-editor-row.ui"

/* The keys a new label gets, in order, while one is free. */
static const char * const default_keys[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0" };

struct _GlossLabelEditor
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkListBox *label_list;
  AdwEntryRow *new_name_row;
  GtkColorButton *new_color_button;

  /* Owned references */
  GlossStore *store;
  GPtrArray *labels;     /* GlossLabel, in the store's order, as last loaded */
  GHashTable *rows;      /* label id -> AdwExpanderRow (owned by label_list) */

  /* Whether the user picked the new label's color, rather than taking the
   * suggested one. */
  gboolean new_color_chosen;
};

G_DEFINE_FINAL_TYPE (GlossLabelEditor, gloss_label_editor, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* What the editor knows about one label's row; owned by the row widget. */
typedef struct
{
  GlossLabelEditor *editor;   /* borrowed: the editor outlives its rows */
  GlossLabel *label;          /* as last shown */
  guint index;

  AdwExpanderRow *row;
  GtkColorButton *color_button;
  GtkLabel *key_label;
  GtkWidget *move_up_button;
  GtkWidget *move_down_button;
  GtkWidget *delete_button;
  AdwEntryRow *name_row;
  AdwEntryRow *key_row;
  AdwEntryRow *description_row;
} LabelRow;

static void
label_row_free (gpointer data)
{
  LabelRow *lr = data;

  g_clear_object (&lr->label);
  g_free (lr);
}

static LabelRow *
label_row_from_widget (GtkWidget *widget)
{
  GtkWidget *row = widget ? gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) : NULL;

  return row ? g_object_get_data (G_OBJECT (row), "gloss-label-row") : NULL;
}

static void
show_message (GlossLabelEditor *self,
              const char       *message)
{
  /* A toast's title is markup: a label named "R&D" must show as written. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static char *
rgba_to_color (const GdkRGBA *rgba)
{
  GlossColor color = { rgba->red, rgba->green, rgba->blue };

  return gloss_color_to_string (&color);
}

static void
set_button_color (GtkColorButton *button,
                  const char     *color)
{
  GdkRGBA rgba;

  if (gdk_rgba_parse (&rgba, color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
}

static void
set_field_error (AdwEntryRow *field,
                 gboolean     error)
{
  if (field == NULL)
    return;

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (field), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field), "error");
}

/* Sets a field to what is stored, when the stored value changed since the
 * row last showed it: an edit the user has not applied yet stays. */
static void
sync_field (AdwEntryRow *field,
            const char  *shown,
            const char  *stored)
{
  if (shown != NULL && g_str_equal (shown, stored))
    return;

  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (field)), stored))
    gtk_editable_set_text (GTK_EDITABLE (field), stored);
  set_field_error (field, FALSE);
}

static void
label_row_show (LabelRow   *lr,
                GlossLabel *label)
{
  GlossLabel *shown = lr->label;
  const char *hotkey = gloss_label_get_hotkey (label);
  const char *description = gloss_label_get_description (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lr->row), gloss_label_get_name (label));
  adw_expander_row_set_subtitle (lr->row, description);
  gtk_label_set_label (lr->key_label, hotkey);
  gtk_widget_set_visible (GTK_WIDGET (lr->key_label), hotkey[0] != '\0');
  if (hotkey[0] != '\0')
    {
      g_autofree char *tooltip = g_strdup_printf (_("Press %s to apply this label"), hotkey);

      gtk_widget_set_tooltip_text (GTK_WIDGET (lr->key_label), tooltip);
    }

  if (shown == NULL || !g_str_equal (gloss_label_get_color (shown), gloss_label_get_color (label)))
    set_button_color (lr->color_button, gloss_label_get_color (label));

  sync_field (lr->name_row, shown ? gloss_label_get_name (shown) : NULL,
              gloss_label_get_name (label));
  sync_field (lr->key_row, shown ? gloss_label_get_hotkey (shown) : NULL, hotkey);
  sync_field (lr->description_row, shown ? gloss_label_get_description (shown) : NULL,
              description);

  g_set_object (&lr->label, label);
}

/* Sends one change of LR's label to the store; NULL fields stay as they are.
 * FIELD, if any, is marked when the store refuses. */
static gboolean
label_row_apply (LabelRow    *lr,
                 AdwEntryRow *field,
                 const char  *name,
                 const char  *color,
                 const char  *hotkey,
                 const char  *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;

  label = gloss_store_update_label (lr->editor->store, gloss_label_get_id (lr->label),
                                    name, color, hotkey, description, &error);
  set_field_error (field, label == NULL);
  if (label == NULL)
    {
      show_message (lr->editor, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
on_name_applied_cb (AdwEntryRow *field,
                    LabelRow    *lr)
{
  label_row_apply (lr, field, gtk_editable_get_text (GTK_EDITABLE (field)), NULL, NULL, NULL);
}

/* The store refuses a key that anything has, and says whose it is. */
static void
on_key_applied_cb (AdwEntryRow *field,
                   LabelRow    *lr)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));

  label_row_apply (lr, field, NULL, NULL, key, NULL);
}

static void
on_description_applied_cb (AdwEntryRow *field,
                           LabelRow    *lr)
{
  g_autofree char *description =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));

  label_row_apply (lr, field, NULL, NULL, NULL, description);
}

static void
on_field_changed_cb (AdwEntryRow *field,
                     gpointer     user_data)
{
  set_field_error (field, FALSE);
}

static void
on_color_set_cb (GtkColorButton *button,
                 LabelRow       *lr)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = rgba_to_color (&rgba);

  /* A refused color goes back to the stored one. */
  if (!label_row_apply (lr, NULL, NULL, color, NULL, NULL))
    set_button_color (button, gloss_label_get_color (lr->label));
}

static void
move_label (GlossLabelEditor *self,
            LabelRow         *lr,
            int               delta)
{
  g_autoptr(GError) error = NULL;
  int target = (int) lr->index + delta;

  if (target < 0 || target >= (int) self->labels->len)
    return;

  if (!gloss_store_move_label (self->store, gloss_label_get_id (lr->label), target, &error))
    show_message (self, error->message);
}

static void
on_move_up_clicked_cb (GtkButton *button,
                       LabelRow  *lr)
{
  move_label (lr->editor, lr, -1);
}

static void
on_move_down_clicked_cb (GtkButton *button,
                         LabelRow  *lr)
{
  move_label (lr->editor, lr, +1);
}

/* Alt+Up and Alt+Down move the label whose row has the focus. */
static void
move_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  LabelRow *lr = label_row_from_widget (gtk_root_get_focus (GTK_ROOT (self)));

  if (lr != NULL)
    move_label (self, lr, g_str_equal (action_name, "labels.move-up") ? -1 : +1);
}

static void
on_merge_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GlossLabelEditor *self)
{
  GlossLabel *from = g_object_get_data (G_OBJECT (dialog), "gloss-label");
  GtkListBox *choices = g_object_get_data (G_OBJECT (dialog), "gloss-choices");
  g_autoptr(GError) error = NULL;
  GlossLabel *into = NULL;

  if (!g_str_equal (response, "merge"))
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (choices));
       row != NULL && into == NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "gloss-check");

      if (check != NULL && gtk_check_button_get_active (check))
        into = g_object_get_data (G_OBJECT (row), "gloss-label");
    }

  if (into == NULL)
    return;

  if (!gloss_store_merge_labels (self->store, gloss_label_get_id (from), gloss_label_get_id (into),
                                 &error))
    show_message (self, error->message);
}

/* Asks which label FROM's spans should get; the first other label is
 * chosen to start with. */
static void
ask_merge (GlossLabelEditor *self,
           GlossLabel       *from)
{
  g_autofree char *heading = g_strdup_printf (_("Merge “%s”"), gloss_label_get_name (from));
  guint n_spans = gloss_store_count_label_spans (self->store, gloss_label_get_id (from));
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *choices = gtk_list_box_new ();
  GtkCheckButton *group = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u span gets the label chosen below, and “%s” is "
                                       "deleted.",
                                       "Its %u spans get the label chosen below, and “%s” is "
                                       "deleted.",
                                       n_spans),
                          n_spans, gloss_label_get_name (from));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (choices), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (choices, "boxed-list");
  /* Room for the list's shadow inside the scroller. */
  gtk_widget_set_margin_top (choices, 3);
  gtk_widget_set_margin_bottom (choices, 3);
  gtk_widget_set_margin_start (choices, 3);
  gtk_widget_set_margin_end (choices, 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merge into"), -1);

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);
      GtkWidget *row;
      GtkWidget *check;

      if (gloss_label_get_id (label) == gloss_label_get_id (from))
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_name (label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), group == NULL);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "gloss-check", check);
      g_object_set_data_full (G_OBJECT (row), "gloss-label", g_object_ref (label), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (choices), row);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), choices);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "gloss-label", g_object_ref (from), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "gloss-choices", choices);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GlossLabelEditor *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (dialog), "gloss-label");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "merge"))
    ask_merge (self, label);
  else if (g_str_equal (response, "delete") &&
           !gloss_store_delete_label (self->store, gloss_label_get_id (label), &error))
    show_message (self, error->message);
}

/* "12 spans in 3 documents have this label and will be deleted.", and
 * how many relations go with them. */
static char *
describe_loss (GlossLabelEditor *self,
               GlossLabel       *label,
               guint            *n_spans)
{
  guint n_documents = gloss_store_count_label_documents (self->store, gloss_label_get_id (label));
  guint n_relations;
  g_autofree char *spans = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *loss = NULL;
  g_autofree char *relations = NULL;

  *n_spans = gloss_store_count_label_spans (self->store, gloss_label_get_id (label));
  if (*n_spans == 0)
    return g_strdup (_("No spans have this label."));

  spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", *n_spans),
                           *n_spans);
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            n_documents),
                               n_documents);

  /* Translators: the first %s is "12 spans", the second "3 documents". */
  loss = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s in %s has this label and will be deleted.",
                                       "%s in %s have this label and will be deleted.",
                                       *n_spans),
                          spans, documents);
  n_relations = gloss_store_count_label_relations (self->store, gloss_label_get_id (label));
  if (n_relations == 0)
    return g_steal_pointer (&loss);

  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u relation from or to them goes too.",
                                            "%u relations from or to them go too.",
                                            n_relations),
                               n_relations);
  return g_strdup_printf ("%s %s", loss, relations);
}

/**
 * gloss_label_editor_ask_delete:
 * @editor: the label editor, which the dialog is over
 * @name: what would be deleted
 * @body: what goes with it ("3 relations of this type will be removed too.")
 * @extra_response: (nullable): the id of a response between Cancel and
 *   Delete, such as "merge"
 * @extra_label: (nullable): its label
 *
 * Asks before deleting anything the editor edits: "Delete “NAME”?", with
 * Cancel (Escape, and the default) and a destructive Delete, whose
 * response is "delete". Each kind's caller says what is lost with it, and
 * one undo brings it all back.
 *
 * Returns: (transfer none): the dialog, shown
 */
AdwMessageDialog *
gloss_label_editor_ask_delete (GtkWindow  *editor,
                               const char *name,
                               const char *body,
                               const char *extra_response,
                               const char *extra_label)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor, heading, body));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (extra_response != NULL)
    adw_message_dialog_add_response (dialog, extra_response, extra_label);
  adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_delete_clicked_cb (GtkButton *button,
                      LabelRow  *lr)
{
  GlossLabelEditor *self = lr->editor;
  g_autofree char *body = NULL;
  guint n_spans = 0;
  AdwMessageDialog *dialog;

  body = describe_loss (self, lr->label, &n_spans);
  dialog = gloss_label_editor_ask_delete (GTK_WINDOW (self), gloss_label_get_name (lr->label), body,
                                          "merge", _("_Merge Into…"));
  /* Merging keeps the spans; it needs spans, and another label to take them. */
  adw_message_dialog_set_response_enabled (dialog, "merge", n_spans > 0 && self->labels->len > 1);

  g_object_set_data_full (G_OBJECT (dialog), "gloss-label", g_object_ref (lr->label),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
}

static GtkWidget *
label_row_new (GlossLabelEditor *self,
               GlossLabel       *label)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (ROW_RESOURCE);
  LabelRow *lr = g_new0 (LabelRow, 1);
  GtkWidget *text;

  lr->editor = self;
  lr->row = g_object_ref (ADW_EXPANDER_ROW (gtk_builder_get_object (builder, "row")));
  lr->color_button = GTK_COLOR_BUTTON (gtk_builder_get_object (builder, "color_button"));
  lr->key_label = GTK_LABEL (gtk_builder_get_object (builder, "key_label"));
  lr->move_up_button = GTK_WIDGET (gtk_builder_get_object (builder, "move_up_button"));
  lr->move_down_button = GTK_WIDGET (gtk_builder_get_object (builder, "move_down_button"));
  lr->delete_button = GTK_WIDGET (gtk_builder_get_object (builder, "delete_button"));
  lr->name_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "name_row"));
  lr->key_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "key_row"));
  lr->description_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "description_row"));

  /* One character: typing over the key replaces it. */
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (lr->key_row)));
  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), 1);

  g_object_set_data_full (G_OBJECT (lr->row), "gloss-label-row", lr, label_row_free);
  label_row_show (lr, label);

  g_signal_connect (lr->color_button, "color-set", G_CALLBACK (on_color_set_cb), lr);
  g_signal_connect (lr->move_up_button, "clicked", G_CALLBACK (on_move_up_clicked_cb), lr);
  g_signal_connect (lr->move_down_button, "clicked", G_CALLBACK (on_move_down_clicked_cb), lr);
  g_signal_connect (lr->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), lr);

  /* Enter applies a field; with an edit pending it is "apply", else
   * "entry-activated". */
  g_signal_connect (lr->name_row, "apply", G_CALLBACK (on_name_applied_cb), lr);
  g_signal_connect (lr->name_row, "entry-activated", G_CALLBACK (on_name_applied_cb), lr);
  g_signal_connect (lr->key_row, "apply", G_CALLBACK (on_key_applied_cb), lr);
  g_signal_connect (lr->key_row, "entry-activated", G_CALLBACK (on_key_applied_cb), lr);
  g_signal_connect (lr->description_row, "apply", G_CALLBACK (on_description_applied_cb), lr);
  g_signal_connect (lr->description_row, "entry-activated",
                    G_CALLBACK (on_description_applied_cb), lr);
  g_signal_connect (lr->name_row, "changed", G_CALLBACK (on_field_changed_cb), NULL);
  g_signal_connect (lr->key_row, "changed", G_CALLBACK (on_field_changed_cb), NULL);
  g_signal_connect (lr->description_row, "changed", G_CALLBACK (on_field_changed_cb), NULL);

  return GTK_WIDGET (lr->row);
}

static int
sort_rows_cb (GtkListBoxRow *row_a,
              GtkListBoxRow *row_b,
              gpointer       user_data)
{
  LabelRow *lr_a = g_object_get_data (G_OBJECT (row_a), "gloss-label-row");
  LabelRow *lr_b = g_object_get_data (G_OBJECT (row_b), "gloss-label-row");

  return (lr_a->index > lr_b->index) - (lr_a->index < lr_b->index);
}

static void
suggest_new_label (GlossLabelEditor *self)
{
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();

  if (self->new_color_chosen)
    return;

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);

      g_ptr_array_add (colors, (gpointer) gloss_label_get_color (label));
    }
  g_ptr_array_add (colors, NULL);

  set_button_color (self->new_color_button,
                    gloss_color_next_distinct ((const char * const *) colors->pdata));
}

/* Brings the rows in line with the store: new labels get a row, gone ones
 * lose theirs, the others are updated where they are. */
static void
reload_labels (GlossLabelEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (self->store, &error);
  g_autoptr(GHashTable) current = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (labels == NULL)
    {
      show_message (self, error->message);
      return;
    }

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  self->labels = g_ptr_array_ref (labels);

  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      gint64 id = gloss_label_get_id (label);
      GtkWidget *row = g_hash_table_lookup (self->rows, &id);
      LabelRow *lr;

      if (row == NULL)
        {
          row = label_row_new (self, label);
          g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
          lr = g_object_get_data (G_OBJECT (row), "gloss-label-row");
          lr->index = i;
          gtk_list_box_append (self->label_list, row);
          g_object_unref (row);
        }
      else
        {
          lr = g_object_get_data (G_OBJECT (row), "gloss-label-row");
          label_row_show (lr, label);
          lr->index = i;
        }

      gtk_widget_set_sensitive (lr->move_up_button, i > 0);
      gtk_widget_set_sensitive (lr->move_down_button, i + 1 < labels->len);
      g_hash_table_add (current, row);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (current, value))
        {
          gtk_list_box_remove (self->label_list, value);
          g_hash_table_iter_remove (&iter);
        }
    }

  gtk_list_box_invalidate_sort (self->label_list);
  suggest_new_label (self);
}

static void
on_new_color_set_cb (GlossLabelEditor *self,
                     GtkColorButton   *button)
{
  self->new_color_chosen = TRUE;
}

static void
on_new_name_changed_cb (GlossLabelEditor *self,
                        AdwEntryRow      *field)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (field));

  set_field_error (field, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.add", name[0] != '\0');
}

/* The first of the default keys that no label, relation label or
 * category has. */
static const char *
first_free_key (GlossLabelEditor *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (default_keys); k++)
    if (gloss_store_check_key_free (self->store, default_keys[k], GLOSS_STORE_KEY_LABEL, 0, NULL))
      return default_keys[k];

  return "";
}

static void
add_label_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) label = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->new_color_button), &rgba);
  color = rgba_to_color (&rgba);

  label = gloss_store_add_label (self->store,
                                 gtk_editable_get_text (GTK_EDITABLE (self->new_name_row)),
                                 color, first_free_key (self), "", &error);
  if (label == NULL)
    {
      set_field_error (self->new_name_row, TRUE);
      show_message (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  self->new_color_chosen = FALSE;
  suggest_new_label (self);
}

static void
on_new_name_activated_cb (GlossLabelEditor *self,
                          AdwEntryRow      *field)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "labels.add", NULL);
}

static void
gloss_label_editor_constructed (GObject *object)
{
  GlossLabelEditor *self = (GlossLabelEditor *) object;

  G_OBJECT_CLASS (gloss_label_editor_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "labels-changed", G_CALLBACK (reload_labels), self,
                           G_CONNECT_SWAPPED);
  reload_labels (self);

  /* Relation labels, attributes and categories: a page each. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (gloss_relation_labels_page_new (GTK_WINDOW (self),
                                                                                    self->store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (gloss_attributes_page_new (GTK_WINDOW (self),
                                                                               self->store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (gloss_categories_page_new (GTK_WINDOW (self),
                                                                               self->store)));
}

static void
gloss_label_editor_dispose (GObject *object)
{
  GlossLabelEditor *self = (GlossLabelEditor *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABEL_EDITOR);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_label_editor_parent_class)->dispose (object);
}

static void
gloss_label_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossLabelEditor *self = GLOSS_LABEL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The editor is modal, so the window's Ctrl+Z would not be reached: pass
 * it on, and the editor follows the store like every other view. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent),
                                g_str_equal (action_name, "labels.undo") ? "win.undo" : "win.redo",
                                NULL);
}

static void
gloss_label_editor_class_init (GlossLabelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_label_editor_constructed;
  object_class->dispose = gloss_label_editor_dispose;
  object_class->get_property = gloss_label_editor_get_property;
  object_class->set_property = gloss_label_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-label-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, label_list);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelEditor, new_color_button);

  gtk_widget_class_install_action (widget_class, "labels.add", NULL, add_label_action);
  gtk_widget_class_install_action (widget_class, "labels.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "labels.redo", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "labels.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "labels.redo", NULL);
  gtk_widget_class_install_action (widget_class, "labels.move-up", NULL, move_focused_action);
  gtk_widget_class_install_action (widget_class, "labels.move-down", NULL, move_focused_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "labels.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "labels.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "labels.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "labels.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
gloss_label_editor_init (GlossLabelEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_sort_func (self->label_list, sort_rows_cb, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.add", FALSE);

  g_signal_connect_object (self->new_color_button, "color-set",
                           G_CALLBACK (on_new_color_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_name_row, "changed",
                           G_CALLBACK (on_new_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_name_row, "entry-activated",
                           G_CALLBACK (on_new_name_activated_cb), self, G_CONNECT_SWAPPED);
}

/**
 * gloss_label_editor_new:
 * @parent: the project's window, which the editor stays on top of
 * @store: the project whose labels to edit
 *
 * Returns: (transfer none): the editor, not yet shown
 */
GtkWindow *
gloss_label_editor_new (GtkWindow  *parent,
                        GlossStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  return g_object_new (GLOSS_TYPE_LABEL_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
