/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The round dot in a label's color that stands for the label in every list. */

#define G_LOG_DOMAIN "gloss-swatch"

#include "config.h"

#include "gloss-swatch.h"

#define SWATCH_SIZE 14

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  double radius = MIN (width, height) / 2.0;
  GdkRGBA rgba;
  GdkRGBA outline;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_fill (cr);

  /* A ring in the text color, faint, so that a dot as dark as the dark
   * style's background (or as light as the light one's) still shows. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &outline);
  G_GNUC_END_IGNORE_DEPRECATIONS
  outline.alpha *= 0.4;
  gdk_cairo_set_source_rgba (cr, &outline);
  cairo_set_line_width (cr, 1.0);
  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  cairo_stroke (cr);
}

GtkWidget *
gloss_swatch_new (void)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), SWATCH_SIZE);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, NULL, NULL);

  return swatch;
}

void
gloss_swatch_set_color (GtkWidget  *swatch,
                        const char *color)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  g_object_set_data_full (G_OBJECT (swatch), "color", g_strdup (color), g_free);
  gtk_widget_queue_draw (swatch);
}
