/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossSpanAttributes is the span inspector's part for a span's attributes:
 * a row per attribute that applies to the span's label, with a switch (yes
 * or no), a drop-down (one of a list, "—" for none) or an entry (free text).
 * It shows what it is given and says what the user set ("value-changed");
 * the window stores it and shows the store's answer.
 *
 * Typed text is stored as a note is: on Enter, when the field loses the
 * focus, and when the inspector moves to another span (flush ()). The same
 * span shown again (its row changed in the store) keeps the rows and a
 * text being typed. */

#define G_LOG_DOMAIN "gloss-span-attributes"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute.h"
#include "gloss-drop-down.h"
#include "gloss-span-attributes.h"

struct _GlossSpanAttributes
{
  GtkWidget parent_instance;

  GtkGrid *grid;
  GHashTable *fields;     /* attribute id -> its switch, drop-down or entry (in grid) */
  GPtrArray *attributes;  /* GlossAttribute, as shown */
  gint64 span_id;
  gboolean syncing;       /* setting the fields to what is stored */
};

G_DEFINE_FINAL_TYPE (GlossSpanAttributes, gloss_span_attributes, GTK_TYPE_WIDGET)

enum {
  VALUE_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static gint64
field_attribute_id (GtkWidget *field)
{
  gint64 *id = g_object_get_data (G_OBJECT (field), "gloss-attribute-id");

  return *id;
}

/* The stored value the field last showed; NULL for none. */
static const char *
field_shown (GtkWidget *field)
{
  return g_object_get_data (G_OBJECT (field), "gloss-shown");
}

static void
set_field_shown (GtkWidget  *field,
                 const char *value)
{
  g_object_set_data_full (G_OBJECT (field), "gloss-shown", g_strdup (value), g_free);
}

static void
emit_value (GlossSpanAttributes *self,
            GtkWidget           *field,
            const char          *value)
{
  if (self->syncing || self->span_id == 0)
    return;

  g_signal_emit (self, signals[VALUE_CHANGED], 0, self->span_id, field_attribute_id (field), value);
}

static void
on_switch_active_cb (GtkSwitch           *field,
                     GParamSpec          *pspec,
                     GlossSpanAttributes *self)
{
  /* A yes/no attribute is stored as "true" when set, and absent when not. */
  emit_value (self, GTK_WIDGET (field), gtk_switch_get_active (field) ? "true" : NULL);
}

static void
on_drop_down_selected_cb (GtkDropDown         *field,
                          GParamSpec          *pspec,
                          GlossSpanAttributes *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (field);
  guint selected = gtk_drop_down_get_selected (field);

  emit_value (self, GTK_WIDGET (field),
              selected == 0 || item == NULL ? NULL : gtk_string_object_get_string (item));
}

/* The entry's text, if it differs from the stored one: "" clears. */
static void
store_entry (GlossSpanAttributes *self,
             GtkEntry            *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field));
  const char *shown = field_shown (GTK_WIDGET (field));

  if (g_strcmp0 (text, shown ? shown : "") == 0)
    return;

  /* Shown now: a second flush, or the focus leaving after Enter, stores
   * nothing again. */
  set_field_shown (GTK_WIDGET (field), text[0] != '\0' ? text : NULL);
  emit_value (self, GTK_WIDGET (field), text[0] != '\0' ? text : NULL);
}

static void
on_entry_activate_cb (GtkEntry            *field,
                      GlossSpanAttributes *self)
{
  store_entry (self, field);
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                         GlossSpanAttributes     *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  store_entry (self, GTK_ENTRY (field));
}

static GtkWidget *
field_new (GlossSpanAttributes *self,
           GlossAttribute      *attribute)
{
  const char *name = gloss_attribute_get_name (attribute);
  gint64 id = gloss_attribute_get_id (attribute);
  GtkWidget *field = NULL;

  switch (gloss_attribute_get_kind (attribute))
    {
    case GLOSS_ATTRIBUTE_KIND_FLAG:
      field = gtk_switch_new ();
      gtk_widget_set_halign (field, GTK_ALIGN_END);
      gtk_widget_set_valign (field, GTK_ALIGN_CENTER);
      g_signal_connect_object (field, "notify::active", G_CALLBACK (on_switch_active_cb), self, 0);
      break;

    case GLOSS_ATTRIBUTE_KIND_CHOICE:
      {
        const char * const *values = gloss_attribute_get_values (attribute);
        GtkStringList *list = gtk_string_list_new (NULL);

        /* Translators: an attribute's drop-down when no value is chosen */
        gtk_string_list_append (list, C_("attribute value", "—"));
        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          gtk_string_list_append (list, values[i]);
        field = gtk_drop_down_new (G_LIST_MODEL (list), NULL);
        gloss_drop_down_ellipsize (GTK_DROP_DOWN (field));
        gtk_widget_set_hexpand (field, TRUE);
        g_signal_connect_object (field, "notify::selected", G_CALLBACK (on_drop_down_selected_cb),
                                 self, 0);
      }
      break;

    case GLOSS_ATTRIBUTE_KIND_TEXT:
    default:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        field = gtk_entry_new ();
        gtk_widget_set_hexpand (field, TRUE);
        gtk_entry_set_placeholder_text (GTK_ENTRY (field), name);
        g_signal_connect_object (field, "activate", G_CALLBACK (on_entry_activate_cb), self, 0);
        g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), self, 0);
        gtk_widget_add_controller (field, focus);
      }
      break;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (field), "gloss-attribute-id", g_memdup2 (&id, sizeof id),
                          g_free);
  return field;
}

/* Sets FIELD to VALUE (NULL: none), unless it is an entry whose text the
 * user changed since it last showed the stored value. */
static void
field_show (GtkWidget  *field,
            const char *value)
{
  const char *shown = field_shown (field);

  if (GTK_IS_SWITCH (field))
    gtk_switch_set_active (GTK_SWITCH (field), value != NULL);
  else if (GTK_IS_DROP_DOWN (field))
    {
      GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (field)));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint selected = 0;

      for (guint i = 1; value != NULL && i < n && selected == 0; i++)
        if (g_str_equal (gtk_string_list_get_string (list, i), value))
          selected = i;
      /* A value from elsewhere (an import) that the list lacks is shown
       * as it is, not as none. */
      if (value != NULL && selected == 0)
        {
          gtk_string_list_append (list, value);
          selected = n;
        }
      gtk_drop_down_set_selected (GTK_DROP_DOWN (field), selected);
    }
  else if (GTK_IS_EDITABLE (field))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field));

      if (g_strcmp0 (text, shown ? shown : "") == 0)
        gtk_editable_set_text (GTK_EDITABLE (field), value ? value : "");
    }

  set_field_shown (field, value);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const none[] = { NULL };

  return g_strv_equal (a ? a : none, b ? b : none);
}

static gboolean
same_attributes (GPtrArray *a,
                 GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      GlossAttribute *x = g_ptr_array_index (a, i);
      GlossAttribute *y = g_ptr_array_index (b, i);

      if (gloss_attribute_get_id (x) != gloss_attribute_get_id (y) ||
          gloss_attribute_get_kind (x) != gloss_attribute_get_kind (y) ||
          g_strcmp0 (gloss_attribute_get_name (x), gloss_attribute_get_name (y)) != 0 ||
          !strv_equal0 (gloss_attribute_get_values (x), gloss_attribute_get_values (y)))
        return FALSE;
    }

  return TRUE;
}

static void
rebuild (GlossSpanAttributes *self,
         GPtrArray           *attributes)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->fields);

  for (guint i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);
      gint64 id = gloss_attribute_get_id (attribute);
      GtkWidget *name = gtk_label_new (gloss_attribute_get_name (attribute));
      GtkWidget *field = field_new (self, attribute);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
      gtk_label_set_mnemonic_widget (GTK_LABEL (name), field);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_set_tooltip_text (name, gloss_attribute_get_name (attribute));
      gtk_grid_attach (self->grid, name, 0, i, 1, 1);
      gtk_grid_attach (self->grid, field, 1, i, 1, 1);
      g_hash_table_insert (self->fields, g_memdup2 (&id, sizeof id), field);
    }
}

/* Shows SPAN_ID's ATTRIBUTES (GlossAttribute: those that apply to its
 * label, in order) with its VALUES (GlossAttributeValue). Text typed for
 * another span shown before is stored first. */
void
gloss_span_attributes_show (GlossSpanAttributes *self,
                            gint64               span_id,
                            GPtrArray           *attributes,
                            GPtrArray           *values)
{
  g_autoptr(GHashTable) by_attribute = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, NULL);
  GHashTableIter iter;
  gpointer key, field;

  g_return_if_fail (GLOSS_IS_SPAN_ATTRIBUTES (self));
  g_return_if_fail (attributes != NULL);

  if (span_id != self->span_id)
    gloss_span_attributes_flush (self);

  self->syncing = TRUE;
  if (span_id != self->span_id || !same_attributes (self->attributes, attributes))
    {
      /* New fields: nothing typed in them to keep. */
      rebuild (self, attributes);
      g_clear_pointer (&self->attributes, g_ptr_array_unref);
      self->attributes = g_ptr_array_ref (attributes);
    }
  self->span_id = span_id;

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      GlossAttributeValue *value = g_ptr_array_index (values, i);
      gint64 attribute_id = gloss_attribute_value_get_attribute_id (value);

      g_hash_table_insert (by_attribute, g_memdup2 (&attribute_id, sizeof attribute_id), value);
    }
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &field))
    {
      GlossAttributeValue *value = g_hash_table_lookup (by_attribute, key);

      field_show (field, value ? gloss_attribute_value_get_value (value) : NULL);
    }
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self), attributes->len > 0);
}

/* Stores what was typed in the text fields and not stored yet. */
void
gloss_span_attributes_flush (GlossSpanAttributes *self)
{
  GHashTableIter iter;
  gpointer field;

  g_return_if_fail (GLOSS_IS_SPAN_ATTRIBUTES (self));

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &field))
    if (GTK_IS_ENTRY (field))
      store_entry (self, field);
}

/* The switch, drop-down or entry of ATTRIBUTE_ID, or NULL. */
GtkWidget *
gloss_span_attributes_get_field (GlossSpanAttributes *self,
                                 gint64               attribute_id)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_ATTRIBUTES (self), NULL);

  return g_hash_table_lookup (self->fields, &attribute_id);
}

/* Gives the first attribute's field the focus; FALSE when there is none. */
gboolean
gloss_span_attributes_focus_first (GlossSpanAttributes *self)
{
  GtkWidget *field;

  g_return_val_if_fail (GLOSS_IS_SPAN_ATTRIBUTES (self), FALSE);

  field = gtk_grid_get_child_at (self->grid, 1, 0);
  return field != NULL && gtk_widget_grab_focus (field);
}

static void
gloss_span_attributes_dispose (GObject *object)
{
  GlossSpanAttributes *self = GLOSS_SPAN_ATTRIBUTES (object);

  g_clear_pointer ((GtkWidget **) &self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_span_attributes_parent_class)->dispose (object);
}

static void
gloss_span_attributes_finalize (GObject *object)
{
  GlossSpanAttributes *self = GLOSS_SPAN_ATTRIBUTES (object);

  g_hash_table_unref (self->fields);

  G_OBJECT_CLASS (gloss_span_attributes_parent_class)->finalize (object);
}

static void
gloss_span_attributes_class_init (GlossSpanAttributesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_span_attributes_dispose;
  object_class->finalize = gloss_span_attributes_finalize;

  /* The user set an attribute: the span's id, the attribute's id, and the
   * value (NULL clears it). */
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanattributes");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_span_attributes_init (GlossSpanAttributes *self)
{
  self->fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attributes of the span"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_span_attributes_new (void)
{
  return g_object_new (GLOSS_TYPE_SPAN_ATTRIBUTES, NULL);
}
