/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Label colors as Gloss stores them ("#rrggbb", sRGB) and the arithmetic the
 * views need: WCAG luminance and contrast, so that the text on a highlight
 * stays readable, and the GNOME palette, so that a new label gets a color
 * that stands apart from the ones already used. No GTK here: the view and the
 * label editor convert to GdkRGBA at their edge.
 */

/* sRGB channels from 0 to 1. */
typedef struct
{
  double red;
  double green;
  double blue;
} GlossColor;

/* Two colors closer than this (CIE76 ΔE) read as "the same color" next to each
 * other in the label list; 30 keeps a GNOME hue apart from its own lighter
 * and darker shades. */
#define GLOSS_COLOR_DISTINCT_DELTA_E 30.0

/* The two text colors a highlight can carry: libadwaita's dark foreground and
 * plain white. */
#define GLOSS_COLOR_TEXT_DARK "#1e1e1e"
#define GLOSS_COLOR_TEXT_LIGHT "#ffffff"

gboolean            gloss_color_parse          (const char         *spec,
                                                GlossColor         *color);
char               *gloss_color_to_string      (const GlossColor   *color);
double              gloss_color_luminance      (const GlossColor   *color);
double              gloss_color_contrast       (const GlossColor   *color_a,
                                                const GlossColor   *color_b);
void                gloss_color_composite      (const GlossColor   *over,
                                                double              alpha,
                                                const GlossColor   *under,
                                                GlossColor         *result);
const char         *gloss_color_pick_text      (const GlossColor   *fill);
double              gloss_color_distance       (const GlossColor   *color_a,
                                                const GlossColor   *color_b);
const char * const *gloss_color_get_palette    (guint              *n_colors);
const char         *gloss_color_next_distinct  (const char * const *used);

G_END_DECLS
