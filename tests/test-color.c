/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gloss-color.h"

/* The backgrounds and fill strengths of the document view: the text of a
 * highlight is drawn on these. */
#define VIEW_BG_LIGHT "#fafafa"
#define VIEW_BG_DARK "#242424"

static GlossColor
color (const char *spec)
{
  GlossColor parsed = { 0 };

  g_assert_true (gloss_color_parse (spec, &parsed));
  return parsed;
}

static void
test_parse (void)
{
  const char *invalid[] = {
    "", "#", "3584e4", "#3584e", "#3584e4f", "#35g4e4", "blue", "#3584e4 ",
  };
  GlossColor parsed;
  g_autofree char *upper = NULL;

  parsed = color ("#3584e4");
  g_assert_cmpfloat_with_epsilon (parsed.red, 0x35 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (parsed.green, 0x84 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (parsed.blue, 0xe4 / 255.0, 1e-9);

  parsed = color ("#F6D32D");
  upper = gloss_color_to_string (&parsed);
  g_assert_cmpstr (upper, ==, "#f6d32d");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (gloss_color_parse (invalid[i], &parsed));
  g_assert_false (gloss_color_parse (NULL, &parsed));
}

static void
test_to_string (void)
{
  GlossColor out_of_range = { -0.5, 0.5, 1.5 };
  g_autofree char *clamped = gloss_color_to_string (&out_of_range);
  GlossColor black = color ("#000000");
  g_autofree char *black_string = gloss_color_to_string (&black);

  g_assert_cmpstr (clamped, ==, "#0080ff");
  g_assert_cmpstr (black_string, ==, "#000000");
}

/* Values from the WCAG 2 definitions. */
static void
test_luminance_and_contrast (void)
{
  GlossColor black = color ("#000000");
  GlossColor white = color ("#ffffff");
  GlossColor gray = color ("#777777");
  GlossColor blue = color ("#3584e4");

  g_assert_cmpfloat_with_epsilon (gloss_color_luminance (&black), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_color_luminance (&white), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_color_luminance (&gray), 0.1845, 1e-3);

  g_assert_cmpfloat_with_epsilon (gloss_color_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_color_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_color_contrast (&blue, &blue), 1.0, 1e-9);
  /* #777 on white is the classic "just fails AA" gray. */
  g_assert_cmpfloat_with_epsilon (gloss_color_contrast (&gray, &white), 4.48, 0.01);
}

static void
test_composite (void)
{
  GlossColor red = color ("#ff0000");
  GlossColor white = color ("#ffffff");
  GlossColor result;

  gloss_color_composite (&red, 0.0, &white, &result);
  g_assert_cmpfloat_with_epsilon (result.green, 1.0, 1e-9);

  gloss_color_composite (&red, 1.0, &white, &result);
  g_assert_cmpfloat_with_epsilon (result.green, 0.0, 1e-9);

  gloss_color_composite (&red, 0.25, &white, &result);
  g_assert_cmpfloat_with_epsilon (result.red, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.green, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.blue, 0.75, 1e-9);
}

static void
test_pick_text (void)
{
  GlossColor white = color ("#ffffff");
  GlossColor black = color ("#000000");
  GlossColor yellow = color ("#f6d32d");
  GlossColor red = color ("#e01b24");
  GlossColor dark = color (VIEW_BG_DARK);
  GlossColor fill;

  g_assert_cmpstr (gloss_color_pick_text (&white), ==, GLOSS_COLOR_TEXT_DARK);
  g_assert_cmpstr (gloss_color_pick_text (&black), ==, GLOSS_COLOR_TEXT_LIGHT);

  /* The case that made this necessary: a selected yellow span in the dark
   * style is bright, and white text on it was unreadable. */
  gloss_color_composite (&yellow, 0.70, &dark, &fill);
  g_assert_cmpstr (gloss_color_pick_text (&fill), ==, GLOSS_COLOR_TEXT_DARK);

  /* Red on the same background stays dark enough for white text. */
  gloss_color_composite (&red, 0.70, &dark, &fill);
  g_assert_cmpstr (gloss_color_pick_text (&fill), ==, GLOSS_COLOR_TEXT_LIGHT);
}

/* Every palette color, at every strength the view uses, in both styles,
 * gets text of the better contrast, and that is never poor. */
static void
test_palette_highlights_are_readable (void)
{
  const struct { const char *background; double alpha; } fills[] = {
    { VIEW_BG_LIGHT, 0.25 }, { VIEW_BG_LIGHT, 0.55 },
    { VIEW_BG_DARK, 0.40 }, { VIEW_BG_DARK, 0.70 },
  };
  GlossColor dark_text = color (GLOSS_COLOR_TEXT_DARK);
  GlossColor light_text = color (GLOSS_COLOR_TEXT_LIGHT);
  guint n_colors;
  const char * const *palette = gloss_color_get_palette (&n_colors);

  g_assert_cmpuint (n_colors, >=, 10);
  for (guint i = 0; i < n_colors; i++)
    for (guint j = 0; j < G_N_ELEMENTS (fills); j++)
      {
        GlossColor label = color (palette[i]);
        GlossColor background = color (fills[j].background);
        GlossColor fill, text;
        double chosen, other;

        gloss_color_composite (&label, fills[j].alpha, &background, &fill);
        text = color (gloss_color_pick_text (&fill));
        chosen = gloss_color_contrast (&fill, &text);
        other = gloss_color_contrast (&fill, g_str_equal (gloss_color_pick_text (&fill),
                                                          GLOSS_COLOR_TEXT_DARK)
                                             ? &light_text : &dark_text);

        g_assert_cmpfloat (chosen, >=, other);
        /* Between the two, one always reaches about 4:1 (WCAG AA asks 4.5
         * for body text, 3 for large text). */
        g_assert_cmpfloat (chosen, >=, 4.0);
      }
}

static void
test_distance (void)
{
  GlossColor black = color ("#000000");
  GlossColor white = color ("#ffffff");
  GlossColor blue = color ("#3584e4");
  GlossColor darker_blue = color ("#1c71d8");
  GlossColor red = color ("#e01b24");

  g_assert_cmpfloat_with_epsilon (gloss_color_distance (&blue, &blue), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gloss_color_distance (&black, &white), 100.0, 0.01);
  g_assert_cmpfloat (gloss_color_distance (&blue, &darker_blue), <,
                     gloss_color_distance (&blue, &red));
}

static void
test_next_distinct (void)
{
  const char *none[] = { NULL };
  const char *factions[] = { "#3584e4", "#e01b24", "#ff7800", "#2ec27e", "#9141ac", NULL };
  const char *with_yellow[] = { "#3584e4", "#e01b24", "#ff7800", "#2ec27e", "#9141ac",
                                "#f5c211", NULL };
  const char *not_colors[] = { "blue", "", NULL };
  const char *upper[] = { "#3584E4", NULL };
  g_autoptr(GPtrArray) crowded = g_ptr_array_new ();
  guint n_colors;
  const char * const *palette = gloss_color_get_palette (&n_colors);
  const char *next;
  gboolean found = FALSE;

  g_assert_cmpstr (gloss_color_next_distinct (NULL), ==, "#3584e4");
  g_assert_cmpstr (gloss_color_next_distinct (none), ==, "#3584e4");
  g_assert_cmpstr (gloss_color_next_distinct (not_colors), ==, "#3584e4");
  g_assert_cmpstr (gloss_color_next_distinct (upper), ==, "#e01b24");

  /* After the "Factions" set, the next hue, then the next. */
  g_assert_cmpstr (gloss_color_next_distinct (factions), ==, "#f5c211");
  g_assert_cmpstr (gloss_color_next_distinct (with_yellow), ==, "#986a44");

  /* A full palette still gives a palette color. */
  for (guint i = 0; i < n_colors; i++)
    g_ptr_array_add (crowded, (gpointer) palette[i]);
  g_ptr_array_add (crowded, NULL);
  next = gloss_color_next_distinct ((const char * const *) crowded->pdata);
  for (guint i = 0; i < n_colors && !found; i++)
    found = g_str_equal (palette[i], next);
  g_assert_true (found);

  /* Labels added past the palette's length go round it again: the next
   * n_colors new labels each get a different color, not all the first. */
  g_ptr_array_remove_index (crowded, crowded->len - 1);
  for (guint i = 0; i < n_colors; i++)
    {
      g_ptr_array_add (crowded, NULL);
      next = gloss_color_next_distinct ((const char * const *) crowded->pdata);
      for (guint j = n_colors; j < crowded->len - 1; j++)
        g_assert_cmpstr (next, !=, g_ptr_array_index (crowded, j));
      g_ptr_array_index (crowded, crowded->len - 1) = (gpointer) next;
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/color/parse", test_parse);
  g_test_add_func ("/gloss/color/to-string", test_to_string);
  g_test_add_func ("/gloss/color/luminance-and-contrast", test_luminance_and_contrast);
  g_test_add_func ("/gloss/color/composite", test_composite);
  g_test_add_func ("/gloss/color/pick-text", test_pick_text);
  g_test_add_func ("/gloss/color/palette-highlights-are-readable",
                   test_palette_highlights_are_readable);
  g_test_add_func ("/gloss/color/distance", test_distance);
  g_test_add_func ("/gloss/color/next-distinct", test_next_distinct);

  return g_test_run ();
}
