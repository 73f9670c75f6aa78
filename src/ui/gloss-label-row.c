/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A label in the window's Labels list: its color, its name, how many spans
 * of the open document have it, and its key. */

#define G_LOG_DOMAIN "gloss-label-row"

#include "config.h"

#include "gloss-label-row.h"
#include "gloss-swatch.h"

struct _GlossLabelRow
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkLabel *name_label;
  GtkLabel *count_label;
  GtkShortcutLabel *hotkey_label;

  GtkWidget *swatch;
  GlossLabel *label;
};

G_DEFINE_FINAL_TYPE (GlossLabelRow, gloss_label_row, GTK_TYPE_BOX)

/* The label's description, asked for when the pointer rests on the row:
 * setting a tooltip's text asks the display where the pointer is, and the
 * counts rebind these rows with every span. */
static gboolean
gloss_label_row_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  GlossLabelRow *self = GLOSS_LABEL_ROW (widget);
  const char *description = self->label != NULL ? gloss_label_get_description (self->label) : "";

  if (description[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

static void
gloss_label_row_dispose (GObject *object)
{
  GlossLabelRow *self = GLOSS_LABEL_ROW (object);

  g_clear_object (&self->label);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABEL_ROW);

  G_OBJECT_CLASS (gloss_label_row_parent_class)->dispose (object);
}

static void
gloss_label_row_class_init (GlossLabelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_label_row_dispose;
  widget_class->query_tooltip = gloss_label_row_query_tooltip;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-label-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, hotkey_label);
}

static void
gloss_label_row_init (GlossLabelRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A drawing area of its own (gloss-swatch.c), so made here. */
  self->swatch = gloss_swatch_new ();
  gtk_box_prepend (GTK_BOX (self), self->swatch);
}

GtkWidget *
gloss_label_row_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_ROW, NULL);
}

GlossLabel *
gloss_label_row_get_label (GlossLabelRow *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_ROW (self), NULL);
  return self->label;
}

void
gloss_label_row_set_label (GlossLabelRow *self,
                           GlossLabel    *label)
{
  const char *hotkey;

  g_return_if_fail (GLOSS_IS_LABEL_ROW (self));
  g_return_if_fail (label == NULL || GLOSS_IS_LABEL (label));

  g_set_object (&self->label, label);
  if (label == NULL)
    return;

  hotkey = gloss_label_get_hotkey (label);
  gloss_swatch_set_color (self->swatch, gloss_label_get_color (label));
  gtk_label_set_label (self->name_label, gloss_label_get_name (label));
  gtk_shortcut_label_set_accelerator (self->hotkey_label, hotkey);
  gtk_widget_set_visible (GTK_WIDGET (self->hotkey_label), hotkey[0] != '\0');
}

/* COUNT spans of the open document have the label; none shows nothing. */
void
gloss_label_row_set_count (GlossLabelRow *self,
                           guint          count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  g_return_if_fail (GLOSS_IS_LABEL_ROW (self));

  gtk_label_set_label (self->count_label, count > 0 ? text : "");
}
