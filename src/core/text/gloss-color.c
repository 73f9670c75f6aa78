/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Color arithmetic for labels: parsing "#rrggbb", WCAG 2 relative luminance
 * and contrast ratio, alpha compositing, and picking a palette color for a
 * new label. */

#define G_LOG_DOMAIN "gloss-color"

#include "config.h"

#include <math.h>

#include "gloss-color.h"

#define DISTINCT_DELTA_E GLOSS_COLOR_DISTINCT_DELTA_E

/* Colors of the GNOME palette that work as a highlight in the light and the
 * dark style, in the order a new label gets them: first the middle shade of
 * each hue (the "Factions" set uses the first five), then darker and lighter
 * shades. Very light and gray shades are left out: as a fill they vanish. */
static const char * const palette[] = {
  "#3584e4", /* Blue 3 */
  "#e01b24", /* Red 3 */
  "#ff7800", /* Orange 3 */
  "#2ec27e", /* Green 4 */
  "#9141ac", /* Purple 3 */
  "#f5c211", /* Yellow 4 */
  "#986a44", /* Brown 3 */
  "#1a5fb4", /* Blue 5 */
  "#26a269", /* Green 5 */
  "#a51d2d", /* Red 5 */
  "#c64600", /* Orange 5 */
  "#613583", /* Purple 5 */
  "#63452c", /* Brown 5 */
  "#e5a50a", /* Yellow 5 */
  "#62a0ea", /* Blue 2 */
  "#57e389", /* Green 2 */
  "#ed333b", /* Red 2 */
  "#ffa348", /* Orange 2 */
  "#c061cb", /* Purple 2 */
  "#b5835a", /* Brown 2 */
};

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

/* Accepts exactly "#rrggbb", in either case: the form labels are stored in. */
gboolean
gloss_color_parse (const char *spec,
                   GlossColor *color)
{
  int channels[3];

  g_return_val_if_fail (color != NULL, FALSE);

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = hex_digit (spec[1 + 2 * i]);
      int low = hex_digit (spec[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      channels[i] = high * 16 + low;
    }

  color->red = channels[0] / 255.0;
  color->green = channels[1] / 255.0;
  color->blue = channels[2] / 255.0;
  return TRUE;
}

static guint
to_byte (double channel)
{
  return (guint) lround (CLAMP (channel, 0.0, 1.0) * 255.0);
}

/* "#rrggbb" in lower case. */
char *
gloss_color_to_string (const GlossColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          to_byte (color->red), to_byte (color->green), to_byte (color->blue));
}

static double
linearize (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance: 0 for black, 1 for white. */
double
gloss_color_luminance (const GlossColor *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linearize (color->red) +
         0.7152 * linearize (color->green) +
         0.0722 * linearize (color->blue);
}

/* WCAG 2 contrast ratio, from 1 (none) to 21 (black on white); symmetric. */
double
gloss_color_contrast (const GlossColor *color_a,
                      const GlossColor *color_b)
{
  double luminance_a, luminance_b;

  g_return_val_if_fail (color_a != NULL, 1.0);
  g_return_val_if_fail (color_b != NULL, 1.0);

  luminance_a = gloss_color_luminance (color_a);
  luminance_b = gloss_color_luminance (color_b);

  return (MAX (luminance_a, luminance_b) + 0.05) / (MIN (luminance_a, luminance_b) + 0.05);
}

/* OVER painted with ALPHA on the opaque UNDER: what the eye sees, and what
 * contrast must be measured against. */
void
gloss_color_composite (const GlossColor *over,
                       double            alpha,
                       const GlossColor *under,
                       GlossColor       *result)
{
  g_return_if_fail (over != NULL);
  g_return_if_fail (under != NULL);
  g_return_if_fail (result != NULL);

  alpha = CLAMP (alpha, 0.0, 1.0);
  result->red = over->red * alpha + under->red * (1.0 - alpha);
  result->green = over->green * alpha + under->green * (1.0 - alpha);
  result->blue = over->blue * alpha + under->blue * (1.0 - alpha);
}

/* GLOSS_COLOR_TEXT_DARK or GLOSS_COLOR_TEXT_LIGHT, whichever contrasts more
 * with the opaque FILL; dark on a tie. */
const char *
gloss_color_pick_text (const GlossColor *fill)
{
  GlossColor dark, light;

  g_return_val_if_fail (fill != NULL, GLOSS_COLOR_TEXT_DARK);

  gloss_color_parse (GLOSS_COLOR_TEXT_DARK, &dark);
  gloss_color_parse (GLOSS_COLOR_TEXT_LIGHT, &light);

  if (gloss_color_contrast (fill, &light) > gloss_color_contrast (fill, &dark))
    return GLOSS_COLOR_TEXT_LIGHT;
  return GLOSS_COLOR_TEXT_DARK;
}

static double
lab_f (double t)
{
  const double delta = 6.0 / 29.0;

  return t > delta * delta * delta ? cbrt (t) : t / (3.0 * delta * delta) + 4.0 / 29.0;
}

/* CIE L*a*b* under D65, where distances roughly follow what people see. */
static void
to_lab (const GlossColor *color,
        double            lab[3])
{
  double r = linearize (color->red);
  double g = linearize (color->green);
  double b = linearize (color->blue);
  double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;

  lab[0] = 116.0 * lab_f (y) - 16.0;
  lab[1] = 500.0 * (lab_f (x) - lab_f (y));
  lab[2] = 200.0 * (lab_f (y) - lab_f (z));
}

/* CIE76 ΔE: about 2 is a just noticeable difference, 100 is black to white. */
double
gloss_color_distance (const GlossColor *color_a,
                      const GlossColor *color_b)
{
  double lab_a[3], lab_b[3];

  g_return_val_if_fail (color_a != NULL, 0.0);
  g_return_val_if_fail (color_b != NULL, 0.0);

  to_lab (color_a, lab_a);
  to_lab (color_b, lab_b);

  return sqrt ((lab_a[0] - lab_b[0]) * (lab_a[0] - lab_b[0]) +
               (lab_a[1] - lab_b[1]) * (lab_a[1] - lab_b[1]) +
               (lab_a[2] - lab_b[2]) * (lab_a[2] - lab_b[2]));
}

const char * const *
gloss_color_get_palette (guint *n_colors)
{
  if (n_colors != NULL)
    *n_colors = G_N_ELEMENTS (palette);
  return palette;
}

/* The color for a new label, given the colors in use (NULL-terminated; NULL
 * or entries that are not colors count as none): the first palette color
 * that stands apart from all of them, or, once the palette is crowded, the
 * one farthest from its nearest neighbour. Once every palette color is in
 * use, that distance is nil for all of them: the one in use the fewest times
 * wins, so that labels past the palette's length go round it again instead
 * of all taking its first color. */
const char *
gloss_color_next_distinct (const char * const *used)
{
  g_autoptr(GArray) used_colors = g_array_new (FALSE, FALSE, sizeof (GlossColor));
  const char *best = palette[0];
  double best_distance = -1.0;
  guint best_uses = G_MAXUINT;

  for (guint i = 0; used != NULL && used[i] != NULL; i++)
    {
      GlossColor color;

      if (gloss_color_parse (used[i], &color))
        g_array_append_val (used_colors, color);
    }

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      GlossColor candidate;
      double nearest = G_MAXDOUBLE;
      guint uses = 0;

      gloss_color_parse (palette[i], &candidate);
      for (guint j = 0; j < used_colors->len; j++)
        {
          double distance = gloss_color_distance (&candidate,
                                                  &g_array_index (used_colors, GlossColor, j));

          nearest = MIN (nearest, distance);
          /* Below one unit of ΔE the eye sees the same color. */
          if (distance < 1.0)
            uses++;
        }

      if (nearest >= DISTINCT_DELTA_E)
        return palette[i];
      if (nearest > best_distance || (nearest < 1.0 && best_distance < 1.0 && uses < best_uses))
        {
          best = palette[i];
          best_distance = nearest;
          best_uses = uses;
        }
    }

  return best;
}
