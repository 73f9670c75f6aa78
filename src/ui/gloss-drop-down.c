/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A GtkDropDown of strings shows the chosen one whole on its button, so a
 * long choice ("Stance toward the corridor: Supportive", an attribute's
 * long value) widened the sidebar it sits in. Here the button ellipsizes
 * it; the list keeps each choice whole (its popover is as wide as they
 * need), and both name it whole in a tooltip. A choice can carry a
 * shorter text for the button (gloss_drop_down_set_button_text ()): the
 * part that tells the choices apart, which ellipsizing the whole would
 * cut off. */

#define G_LOG_DOMAIN "gloss-drop-down"

#include "config.h"

#include "gloss-drop-down.h"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* At least a few letters, and no wider than a sidebar wants: a
       * folded sidebar opens at its natural width. */
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *whole = gtk_string_object_get_string (string);
  const char *button_text = g_object_get_data (G_OBJECT (string), "gloss-drop-down-button-text");

  gtk_label_set_label (GTK_LABEL (label),
                       GPOINTER_TO_INT (ellipsize) && button_text != NULL ? button_text : whole);
  /* The whole choice, for a button that cut it short, and in the list
   * too, where the pointer rests on it before choosing. */
  gtk_widget_set_tooltip_text (label, whole);
}

static GtkListItemFactory *
factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

/* DROP_DOWN (of GtkStringObjects) ellipsizes its button's choice. */
void
gloss_drop_down_ellipsize (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list = factory_new (FALSE);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

/* CHOICE (an item of a drop-down made with gloss_drop_down_ellipsize ())
 * shows TEXT on the button instead of its whole string, which the list
 * and the tooltip keep. */
void
gloss_drop_down_set_button_text (GtkStringObject *choice,
                                 const char      *text)
{
  g_return_if_fail (GTK_IS_STRING_OBJECT (choice));

  g_object_set_data_full (G_OBJECT (choice), "gloss-drop-down-button-text", g_strdup (text),
                          g_free);
}
