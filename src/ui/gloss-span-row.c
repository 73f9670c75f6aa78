/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A span in the window's Spans list: its label's color, its text on one
 * line, and its label's name. A right click asks for the span's menu
 * ("menu-requested"), which the window shows. */

#define G_LOG_DOMAIN "gloss-span-row"

#include "config.h"

#include "gloss-span-row.h"
#include "gloss-swatch.h"

struct _GlossSpanRow
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkInscription *text_line;
  GtkInscription *label_line;

  GtkWidget *swatch;
  GlossSpan *span;
};

G_DEFINE_FINAL_TYPE (GlossSpanRow, gloss_span_row, GTK_TYPE_BOX)

enum {
  MENU_REQUESTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
on_right_click_cb (GlossSpanRow    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  if (self->span == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[MENU_REQUESTED], 0, x, y);
}

static void
gloss_span_row_dispose (GObject *object)
{
  GlossSpanRow *self = GLOSS_SPAN_ROW (object);

  g_clear_object (&self->span);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SPAN_ROW);

  G_OBJECT_CLASS (gloss_span_row_parent_class)->dispose (object);
}

static void
gloss_span_row_class_init (GlossSpanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_span_row_dispose;

  /* A right click at X, Y of the row, on a row that shows a span. */
  signals[MENU_REQUESTED] =
    g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-span-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSpanRow, text_line);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanRow, label_line);
  gtk_widget_class_bind_template_callback (widget_class, on_right_click_cb);
}

static void
gloss_span_row_init (GlossSpanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A drawing area of its own (gloss-swatch.c), so made here. */
  self->swatch = gloss_swatch_new ();
  gtk_box_prepend (GTK_BOX (self), self->swatch);
}

GtkWidget *
gloss_span_row_new (void)
{
  return g_object_new (GLOSS_TYPE_SPAN_ROW, NULL);
}

GlossSpan *
gloss_span_row_get_span (GlossSpanRow *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_ROW (self), NULL);
  return self->span;
}

/* Shows SPAN, whose characters are TEXT, with LABEL (NULL while the labels
 * are not loaded). */
void
gloss_span_row_set_span (GlossSpanRow *self,
                         GlossSpan    *span,
                         GlossLabel   *label,
                         const char   *text)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");

  g_return_if_fail (GLOSS_IS_SPAN_ROW (self));

  g_set_object (&self->span, span);
  /* A span across lines reads as one line in the list. */
  g_strdelimit (line, "\r\n\t", ' ');
  gtk_inscription_set_text (self->text_line, line);
  gtk_inscription_set_text (self->label_line, label ? gloss_label_get_name (label) : "");
  gloss_swatch_set_color (self->swatch, label ? gloss_label_get_color (label) : NULL);
}
