/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A relation in the window's Relations list: its label's color, then
 * "Velayati → opposes → corridor" on one line, and its note; the row's
 * tooltip has both in full. A right click asks for the relation's menu
 * ("menu-requested"), which the window shows. */

#define G_LOG_DOMAIN "gloss-relation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-relation-row.h"
#include "gloss-swatch.h"

/* A span's text in a row: long ones are cut, so that the type shows. */
#define SPAN_TEXT_CHARS 24

struct _GlossRelationRow
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkInscription *text_line;
  GtkInscription *note_line;

  GtkWidget *swatch;
  GlossRelation *relation;
  char *tooltip;        /* the spans' whole texts, and the note */
};

G_DEFINE_FINAL_TYPE (GlossRelationRow, gloss_relation_row, GTK_TYPE_BOX)

enum {
  MENU_REQUESTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
on_right_click_cb (GlossRelationRow *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  if (self->relation == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[MENU_REQUESTED], 0, x, y);
}

/* Asked for when the pointer rests on the row, as a label row's
 * (gloss-label-row.c): setting a tooltip's text on each bind would ask the
 * display where the pointer is for every row made. */
static gboolean
gloss_relation_row_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  GlossRelationRow *self = GLOSS_RELATION_ROW (widget);

  if (self->tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

static void
gloss_relation_row_dispose (GObject *object)
{
  GlossRelationRow *self = GLOSS_RELATION_ROW (object);

  g_clear_object (&self->relation);
  g_clear_pointer (&self->tooltip, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_RELATION_ROW);

  G_OBJECT_CLASS (gloss_relation_row_parent_class)->dispose (object);
}

static void
gloss_relation_row_class_init (GlossRelationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_relation_row_dispose;
  widget_class->query_tooltip = gloss_relation_row_query_tooltip;

  /* A right click at X, Y of the row, on a row that shows a relation. */
  signals[MENU_REQUESTED] =
    g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-relation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossRelationRow, text_line);
  gtk_widget_class_bind_template_child (widget_class, GlossRelationRow, note_line);
  gtk_widget_class_bind_template_callback (widget_class, on_right_click_cb);
}

static void
gloss_relation_row_init (GlossRelationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->swatch = gloss_swatch_new ();
  gtk_box_prepend (GTK_BOX (self), self->swatch);
}

GtkWidget *
gloss_relation_row_new (void)
{
  return g_object_new (GLOSS_TYPE_RELATION_ROW, NULL);
}

GlossRelation *
gloss_relation_row_get_relation (GlossRelationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_ROW (self), NULL);
  return self->relation;
}

/* A span's text on one line, cut to SPAN_TEXT_CHARS. */
static char *
shorten (const char *text)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) > SPAN_TEXT_CHARS)
    {
      g_autofree char *head = g_utf8_substring (line, 0, SPAN_TEXT_CHARS - 1);

      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&line);
}

/* Shows RELATION of LABEL (NULL while the labels are not loaded) between
 * spans whose texts are FROM_TEXT and TO_TEXT. */
void
gloss_relation_row_set_relation (GlossRelationRow   *self,
                                 GlossRelation      *relation,
                                 GlossRelationLabel *label,
                                 const char         *from_text,
                                 const char         *to_text)
{
  g_autofree char *from = shorten (from_text);
  g_autofree char *to = shorten (to_text);
  g_autofree char *line = NULL;
  g_autofree char *whole = NULL;
  const char *name = label != NULL ? gloss_relation_label_get_name (label) : "?";
  const char *note;

  g_return_if_fail (GLOSS_IS_RELATION_ROW (self));

  g_set_object (&self->relation, relation);
  /* Translators: a relation in the Relations list: from span, type, to span */
  line = g_strdup_printf (_("%s → %s → %s"), from, name, to);
  gtk_inscription_set_text (self->text_line, line);
  note = relation != NULL ? gloss_relation_get_note (relation) : NULL;

  /* The row cuts the spans' texts and the note to its width: the tooltip
   * has them whole. */
  whole = g_strdup_printf (_("%s → %s → %s"), from_text != NULL ? from_text : "", name,
                           to_text != NULL ? to_text : "");
  g_free (self->tooltip);
  self->tooltip = note != NULL && note[0] != '\0' ? g_strconcat (whole, "\n", note, NULL)
                                                  : g_steal_pointer (&whole);
  gtk_inscription_set_text (self->note_line, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_line), note != NULL && note[0] != '\0');
  gloss_swatch_set_color (self->swatch,
                          label != NULL ? gloss_relation_label_get_color (label) : NULL);
}
