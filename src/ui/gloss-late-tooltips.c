/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tooltips set after a widget is first drawn, not when it is built.
 *
 * Setting a tooltip makes GTK ask where the pointer is, in case it rests
 * on the widget already; under X11 that is a round trip to the display
 * for every tooltip. The window's and its bars' tooltips were 16 round
 * trips before the first frame (5-18 ms of start-up here). Nobody can
 * point at a widget before it is on the screen, so they wait for it. */

#define G_LOG_DOMAIN "gloss-late-tooltips"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-late-tooltips.h"

/* Sets each of TOOLTIPS on the child of WIDGET's template (of
 * TEMPLATE_TYPE) with that id, translated. */
void
gloss_late_tooltips_set (GtkWidget              *widget,
                         GType                   template_type,
                         const GlossLateTooltip *tooltips,
                         gsize                   n_tooltips)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (gsize i = 0; i < n_tooltips; i++)
    {
      GObject *child = gtk_widget_get_template_child (widget, template_type, tooltips[i].child_id);

      g_return_if_fail (GTK_IS_WIDGET (child));
      gtk_widget_set_tooltip_text (GTK_WIDGET (child), _(tooltips[i].text));
    }
}

#define LATE_TOOLTIPS_KEY "gloss-late-tooltips"

/* Kept on the widget until its tooltips are set. */
typedef struct
{
  GType template_type;
  const GlossLateTooltip *tooltips;
  gsize n_tooltips;
  gulong after_paint_id;
} LateTooltips;

static gboolean
set_tooltips_cb (gpointer data)
{
  GtkWidget *widget = data;
  LateTooltips *late = g_object_get_data (G_OBJECT (widget), LATE_TOOLTIPS_KEY);

  if (late != NULL)
    {
      gloss_late_tooltips_set (widget, late->template_type, late->tooltips, late->n_tooltips);
      g_object_set_data (G_OBJECT (widget), LATE_TOOLTIPS_KEY, NULL);
    }

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GtkWidget     *widget,
                   GdkFrameClock *clock)
{
  LateTooltips *late = g_object_get_data (G_OBJECT (widget), LATE_TOOLTIPS_KEY);

  g_clear_signal_handler (&late->after_paint_id, clock);
  /* After this frame is done with, not inside it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, set_tooltips_cb, g_object_ref (widget),
                   g_object_unref);
}

static void
on_realize_cb (GtkWidget *widget)
{
  LateTooltips *late = g_object_get_data (G_OBJECT (widget), LATE_TOOLTIPS_KEY);

  g_signal_handlers_disconnect_by_func (widget, on_realize_cb, NULL);
  late->after_paint_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget),
                                                  "after-paint", G_CALLBACK (on_after_paint_cb),
                                                  widget, G_CONNECT_SWAPPED);
}

/* As gloss_late_tooltips_set (), once WIDGET has been drawn. TOOLTIPS
 * must stay (a static array). */
void
gloss_late_tooltips_set_after_frame (GtkWidget              *widget,
                                     GType                   template_type,
                                     const GlossLateTooltip *tooltips,
                                     gsize                   n_tooltips)
{
  LateTooltips *late;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  late = g_new0 (LateTooltips, 1);
  late->template_type = template_type;
  late->tooltips = tooltips;
  late->n_tooltips = n_tooltips;
  g_object_set_data_full (G_OBJECT (widget), LATE_TOOLTIPS_KEY, late, g_free);

  if (gtk_widget_get_realized (widget))
    on_realize_cb (widget);
  else
    g_signal_connect_after (widget, "realize", G_CALLBACK (on_realize_cb), NULL);
}

#define OPEN_POPOVERS_KEY "gloss-late-tooltips-open-popovers"

/* Counted: one popover may open as another closes (a span's Change
 * Label… opens the label list). */
static void
on_popover_shown_cb (GtkWidget *widget)
{
  guint n_open = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), OPEN_POPOVERS_KEY));

  g_object_set_data (G_OBJECT (widget), OPEN_POPOVERS_KEY, GUINT_TO_POINTER (n_open + 1));
  gtk_widget_set_has_tooltip (widget, FALSE);
  /* Hides the tooltip shown already, not only the next one. */
  gtk_widget_trigger_tooltip_query (widget);
}

static void
on_popover_closed_cb (GtkWidget *widget)
{
  guint n_open = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), OPEN_POPOVERS_KEY));

  if (n_open > 0)
    n_open--;
  g_object_set_data (G_OBJECT (widget), OPEN_POPOVERS_KEY, GUINT_TO_POINTER (n_open));
  if (n_open == 0)
    gtk_widget_set_has_tooltip (widget, TRUE);
}

/* WIDGET (a menu button, the text) has no tooltip while POPOVER, a menu
 * it opens, is open: the pointer is still on the widget, and its tooltip
 * would come up over the menu. */
void
gloss_late_tooltips_hide_while_open (GtkWidget  *widget,
                                     GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_shown_cb), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed_cb), widget,
                           G_CONNECT_SWAPPED);
}
