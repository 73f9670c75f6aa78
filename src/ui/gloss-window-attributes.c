/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's span attributes and document categories: the inspector's
 * attribute fields, what the text shows of a span's attributes (a mark on
 * its line, the values in its tooltip), the category bar above the text
 * and its keys, the categories in the document list's rows, and the
 * document list's category filter. Like the rest of the window, it stores
 * what the user does and shows what the store's signals say. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-attribute.h"
#include "gloss-category.h"
#include "gloss-drop-down.h"
#include "gloss-window-private.h"

/* Attributes */

static GlossSpan *
selected_span (GlossWindow *self)
{
  return gloss_document_view_get_selected_span (self->document_view);
}

/* "Confidence: high · Negated" for VALUES (GlossAttributeValue of one
 * span), in the attributes' order; NULL when there are none. */
static char *
describe_values (GlossWindow *self,
                 GPtrArray   *values)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->attributes != NULL && i < self->attributes->len; i++)
    {
      GlossAttribute *attribute = self->attributes->pdata[i];

      for (guint j = 0; j < values->len; j++)
        {
          GlossAttributeValue *value = values->pdata[j];

          if (gloss_attribute_value_get_attribute_id (value) != gloss_attribute_get_id (attribute))
            continue;
          if (text->len > 0)
            g_string_append (text, " · ");
          if (gloss_attribute_get_kind (attribute) == GLOSS_ATTRIBUTE_KIND_FLAG)
            g_string_append (text, gloss_attribute_get_name (attribute));
          else
            /* Translators: an attribute and its value in a span's tooltip */
            g_string_append_printf (text, _("%s: %s"), gloss_attribute_get_name (attribute),
                                    gloss_attribute_value_get_value (value));
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Reads SPAN_ID's attribute values again into the text's tooltip and mark. */
static void
refresh_span_values (GlossWindow *self,
                     gint64       span_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = gloss_store_list_span_attributes (self->store, span_id, &error);
  g_autofree char *text = NULL;

  if (values == NULL)
    {
      show_error (self, error);
      return;
    }

  text = describe_values (self, values);
  gloss_document_view_set_attribute_text (self->document_view, span_id, text);
}

/* Every span's attribute values in the open document, for the text. */
static void
load_document_values (GlossWindow *self)
{
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) by_span = NULL;
  GHashTableIter iter;
  gpointer key, span_values;

  gloss_document_view_clear_attribute_texts (self->document_view);
  if (document_id == 0)
    return;

  values = gloss_store_list_document_attribute_values (self->store, document_id, &error);
  if (values == NULL)
    {
      show_error (self, error);
      return;
    }

  by_span = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < values->len; i++)
    {
      gint64 span_id = gloss_attribute_value_get_span_id (values->pdata[i]);
      GPtrArray *list = g_hash_table_lookup (by_span, &span_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_span, g_memdup2 (&span_id, sizeof span_id), list);
        }
      g_ptr_array_add (list, values->pdata[i]);
    }

  g_hash_table_iter_init (&iter, by_span);
  while (g_hash_table_iter_next (&iter, &key, &span_values))
    {
      g_autofree char *text = describe_values (self, span_values);

      gloss_document_view_set_attribute_text (self->document_view, *(gint64 *) key, text);
    }
}

/* The inspector's attribute fields for SPAN (NULL: none shown). */
void
_gloss_window_show_span_attributes (GlossWindow *self,
                                    GlossSpan   *span)
{
  g_autoptr(GPtrArray) applying = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  if (span == NULL)
    {
      gloss_span_attributes_flush (self->span_attributes);
      gloss_span_attributes_show (self->span_attributes, 0, applying, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-attributes", FALSE);
      return;
    }

  for (guint i = 0; self->attributes != NULL && i < self->attributes->len; i++)
    if (gloss_attribute_applies_to (self->attributes->pdata[i], gloss_span_get_label_id (span)))
      g_ptr_array_add (applying, self->attributes->pdata[i]);

  if (applying->len > 0 &&
      (values = gloss_store_list_span_attributes (self->store, gloss_span_get_id (span),
                                                  &error)) == NULL)
    show_error (self, error);

  gloss_span_attributes_show (self->span_attributes, gloss_span_get_id (span), applying, values);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-attributes", applying->len > 0);
}

static void
on_attribute_value_changed_cb (GlossWindow         *self,
                               gint64               span_id,
                               gint64               attribute_id,
                               const char          *value,
                               GlossSpanAttributes *fields)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_store_set_span_attribute (self->store, span_id, attribute_id, value, &error))
    {
      show_error (self, error);
      /* Back to what is stored. */
      _gloss_window_show_span_attributes (self, selected_span (self));
    }
}

/* A span's values changed in the store (set here, undone, redone). */
static void
on_span_attributes_changed_cb (GlossWindow *self,
                               gint64       span_id,
                               GlossStore  *store)
{
  GlossSpan *selected = gloss_document_view_get_selected_span (self->document_view);

  refresh_span_values (self, span_id);
  if (selected != NULL && gloss_span_get_id (selected) == span_id)
    _gloss_window_show_span_attributes (self, selected);
}

static void
reload_attributes (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = gloss_store_list_attributes (self->store, &error);

  if (attributes == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  self->attributes = g_steal_pointer (&attributes);
  /* Names, kinds and the labels they apply to may all have changed. */
  load_document_values (self);
  _gloss_window_show_span_attributes (self, selected_span (self));
}

static void
edit_attributes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_span_attributes_focus_first (self->span_attributes);
}

/* Categories */

static GArray *
list_chosen (GlossWindow *self,
             gint64       document_id,
             GError     **error)
{
  g_autoptr(GPtrArray) chosen = NULL;
  GArray *ids;

  chosen = gloss_store_list_document_categories (self->store, document_id, error);
  if (chosen == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < chosen->len; i++)
    {
      gint64 id = gloss_document_category_get_category_id (chosen->pdata[i]);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* The bar shows the open document's categories. */
static void
update_category_bar (GlossWindow *self)
{
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chosen = NULL;

  if (document_id == 0)
    return;

  chosen = list_chosen (self, document_id, &error);
  if (chosen == NULL)
    show_error (self, error);
  else
    gloss_category_bar_set_chosen (self->category_bar, chosen);
}

/* A document's categories, in the bar's order, for its row in the list:
 * "Supportive · Primary source"; NULL for none. */
char *
_gloss_window_describe_categories (GlossWindow *self,
                                   gint64       document_id)
{
  g_autoptr(GArray) chosen = NULL;
  g_autoptr(GString) text = NULL;

  if (self->categories == NULL || self->categories->len == 0)
    return NULL;
  if ((chosen = list_chosen (self, document_id, NULL)) == NULL || chosen->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->categories->len; i++)
    {
      GlossCategory *category = self->categories->pdata[i];

      for (guint j = 0; j < chosen->len; j++)
        if (g_array_index (chosen, gint64, j) == gloss_category_get_id (category))
          g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "",
                                  gloss_category_get_name (category));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Toggles CATEGORY_ID on the open document, as its button or key asks. */
static void
toggle_category (GlossWindow *self,
                 gint64       category_id,
                 gboolean     chosen)
{
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);
  g_autoptr(GError) error = NULL;

  if (document_id == 0)
    return;

  if (!gloss_store_set_document_category (self->store, document_id, category_id, chosen, &error))
    show_error (self, error);
  /* The store's signal updates the bar; a refusal leaves it as stored. */
  update_category_bar (self);
}

static void
on_category_toggled_cb (GlossWindow      *self,
                        gint64            category_id,
                        gboolean          chosen,
                        GlossCategoryBar *bar)
{
  toggle_category (self, category_id, chosen);
}

/* A category's key, while the text has the focus, toggles it on the open
 * document. The labels' keys come first (the window's capture controller
 * runs before the text's), and the label editor keeps them apart. */
static gboolean
on_category_key_cb (GlossWindow           *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gunichar typed = gdk_keyval_to_unicode (keyval);
  char typed_utf8[7] = { 0 };
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);
  g_autoptr(GArray) chosen = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || typed == 0 ||
      document_id == 0 || focus != GTK_WIDGET (self->document_view) ||
      self->categories == NULL)
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (typed, typed_utf8);
  for (guint i = 0; i < self->categories->len; i++)
    {
      GlossCategory *category = self->categories->pdata[i];
      gboolean is_chosen = FALSE;

      if (!g_str_equal (gloss_category_get_hotkey (category), typed_utf8))
        continue;

      if ((chosen = list_chosen (self, document_id, NULL)) != NULL)
        for (guint j = 0; j < chosen->len && !is_chosen; j++)
          is_chosen = g_array_index (chosen, gint64, j) == gloss_category_get_id (category);
      toggle_category (self, gloss_category_get_id (category), !is_chosen);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* The filter's choices: "All categories", then each category as
 * "Set: Category" in the list, its name alone on the button. */
static void
update_category_filter (GlossWindow *self)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  gint64 filtered = 0;
  guint selected = gtk_drop_down_get_selected (self->category_filter_dropdown);
  guint position = 0;

  if (self->category_filter_ids != NULL && selected != GTK_INVALID_LIST_POSITION &&
      selected > 0 && selected <= self->category_filter_ids->len)
    filtered = g_array_index (self->category_filter_ids, gint64, selected - 1);

  g_clear_pointer (&self->category_filter_ids, g_array_unref);
  self->category_filter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (choices, _("All categories"));
  for (guint i = 0; i < self->category_sets->len; i++)
    {
      GlossCategorySet *set = self->category_sets->pdata[i];

      for (guint j = 0; j < self->categories->len; j++)
        {
          GlossCategory *category = self->categories->pdata[j];
          gint64 id = gloss_category_get_id (category);
          g_autofree char *choice = NULL;

          if (gloss_category_get_set_id (category) != gloss_category_set_get_id (set))
            continue;
          /* Translators: a choice of the document list's category filter:
           * a category set, then one of its categories */
          choice = g_strdup_printf (_("%s: %s"), gloss_category_set_get_name (set),
                                    gloss_category_get_name (category));
          gtk_string_list_append (choices, choice);
          /* The button, narrow in the sidebar, shows the category: cut
           * from "Set: Category", it kept the set and lost the choice. */
          {
            g_autoptr(GtkStringObject) added =
              g_list_model_get_item (G_LIST_MODEL (choices),
                                     g_list_model_get_n_items (G_LIST_MODEL (choices)) - 1);

            gloss_drop_down_set_button_text (added, gloss_category_get_name (category));
          }
          g_array_append_val (self->category_filter_ids, id);
          if (id == filtered)
            position = self->category_filter_ids->len;
        }
    }

  self->updating_category_filter = TRUE;
  gtk_drop_down_set_model (self->category_filter_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->category_filter_dropdown, position);
  self->updating_category_filter = FALSE;
  g_object_unref (choices);

  gtk_widget_set_visible (GTK_WIDGET (self->category_filter_dropdown),
                          self->category_filter_ids->len > 0);
  /* A category deleted while filtered on: all documents again. */
  gloss_document_list_set_category_filter (self->documents, position > 0 ? filtered : 0);
}

static void
on_category_filter_selected_cb (GlossWindow *self,
                                GParamSpec  *pspec,
                                GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 category_id = 0;

  if (self->updating_category_filter)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= self->category_filter_ids->len)
    category_id = g_array_index (self->category_filter_ids, gint64, selected - 1);
  gloss_document_list_set_category_filter (self->documents, category_id);
}

static void
reload_categories (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = gloss_store_list_category_sets (self->store, &error);
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      g_autoptr(GPtrArray) of_set =
        gloss_store_list_categories (self->store, gloss_category_set_get_id (sets->pdata[i]),
                                     &error);

      if (of_set == NULL)
        {
          g_clear_pointer (&sets, g_ptr_array_unref);
          break;
        }
      for (guint j = 0; j < of_set->len; j++)
        g_ptr_array_add (categories, g_object_ref (of_set->pdata[j]));
    }
  if (sets == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->category_sets, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->category_sets = g_steal_pointer (&sets);
  self->categories = g_steal_pointer (&categories);

  gloss_category_bar_set_sets (self->category_bar, self->category_sets, self->categories);
  update_category_bar (self);
  update_category_filter (self);
  /* The rows name their categories. */
  gloss_document_list_refresh (self->documents);
}

/* A document changed, its categories maybe (a toggle, an undo): its row
 * rebinds through the document list; the bar shows the open one's. */
static void
on_document_categories_changed_cb (GlossWindow *self,
                                   gint64       document_id,
                                   GlossStore  *store)
{
  if (document_id == gloss_document_view_get_document_id (self->document_view))
    update_category_bar (self);
}

/* Another document is open (or none). */
void
_gloss_window_attributes_document_opened (GlossWindow *self)
{
  load_document_values (self);
  gtk_widget_set_visible (GTK_WIDGET (self->category_bar),
                          !gloss_category_bar_is_empty (self->category_bar));
  update_category_bar (self);
}

void
_gloss_window_class_attributes_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (GLOSS_TYPE_SPAN_ATTRIBUTES);
  g_type_ensure (GLOSS_TYPE_CATEGORY_BAR);

  gtk_widget_class_bind_template_child (widget_class, GlossWindow, span_attributes);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, category_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, category_filter_dropdown);
  gtk_widget_class_install_action (widget_class, "win.edit-attributes", NULL,
                                   edit_attributes_action);
}

/* Once the document list exists. */
void
_gloss_window_attributes_init (GlossWindow *self)
{
  GtkEventController *keys;

  g_signal_connect_object (self->span_attributes, "value-changed",
                           G_CALLBACK (on_attribute_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_bar, "toggled", G_CALLBACK (on_category_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_filter_dropdown, "notify::selected",
                           G_CALLBACK (on_category_filter_selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->store, "attributes-changed", G_CALLBACK (reload_attributes), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "span-attributes-changed",
                           G_CALLBACK (on_span_attributes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "categories-changed", G_CALLBACK (reload_categories), self,
                           G_CONNECT_SWAPPED);
  /* A document's choices come as a change of the document. */
  g_signal_connect_object (self->store, "document-changed",
                           G_CALLBACK (on_document_categories_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* On the text, before its own key handling. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_category_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->document_view), keys);

  gloss_drop_down_ellipsize (self->category_filter_dropdown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-attributes", FALSE);
  reload_attributes (self);
  reload_categories (self);
}

void
_gloss_window_attributes_dispose (GlossWindow *self)
{
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  g_clear_pointer (&self->category_sets, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->category_filter_ids, g_array_unref);
}
