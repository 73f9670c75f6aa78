/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's layout as a person meets it: the window resized through the
 * X server as a window manager does, a span chosen in the text with a real
 * click, a sidebar's edge dragged with a real mouse. GTK's warnings are
 * fatal in a test (g_test_init ()), so a warning while laying out fails
 * the test too. */

#include "config.h"

#include "gloss-label-popover.h"
#include "gloss-test-window.h"

typedef struct
{
  int width;
  int height;
} Size;

static gboolean
surface_has_size (gpointer data)
{
  GtkWidget *window = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int *size = g_object_get_data (G_OBJECT (window), "wanted-size");

  /* The window is smaller than its surface by the frame kept for
   * resizing with the mouse. */
  return gdk_surface_get_width (surface) == size[0] &&
         gdk_surface_get_height (surface) == size[1] &&
         gtk_widget_get_width (window) > size[0] - 100 &&
         gtk_widget_get_width (window) <= size[0] &&
         gtk_widget_get_height (window) > size[1] - 100 &&
         gtk_widget_get_height (window) <= size[1];
}

static gboolean
flaps_still (gpointer data)
{
  Fixture *fixture = data;
  const char *ids[] = { "documents_flap", "labels_flap" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      AdwFlap *flap = fixture_child (fixture, ids[i]);

      if (adw_flap_get_reveal_progress (flap) != (adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0))
        return FALSE;
    }

  return TRUE;
}

/* Resizes the window's X window, as a window manager (or a person dragging
 * its corner) does, and waits until GTK has laid it out at that size. */
static void
resize_through_x (Fixture *fixture,
                  int      width,
                  int      height)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  Display *display = gloss_test_input_display ();
  int size[2] = { width, height };

  g_object_set_data (G_OBJECT (window), "wanted-size", size);
  XResizeWindow (display, gloss_test_input_xid (window), width, height);
  XSync (display, False);
  gloss_test_input_wait_until (surface_has_size, window, "the window to take its new size");
  gloss_test_input_settle (window);
  g_object_set_data (G_OBJECT (window), "wanted-size", NULL);
  /* A sidebar that folds slides away: a person waits for it to be gone
   * before pointing at the text under it. */
  gloss_test_input_wait_until (flaps_still, fixture, "the sidebars to stop sliding");
  gloss_test_input_settle (window);
}

/* How many pixels of WIDGET's area, as the X server shows it, differ from
 * its most common colour (the background): glyphs of the text are such
 * pixels, a blank area has none. */
static guint
count_drawn_pixels (GtkWidget *widget)
{
  Display *display = gloss_test_input_display ();
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  XImage *image;
  double surface_x, surface_y;
  guint most = 0;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 50);
  g_assert_cmpfloat (bounds.size.height, >, 50);
  /* The window's place on its surface, inside the resizing frame. */
  gtk_native_get_surface_transform (GTK_NATIVE (root), &surface_x, &surface_y);
  XSync (display, False);
  image = XGetImage (display, gloss_test_input_xid (root), (int) (bounds.origin.x + surface_x),
                     (int) (bounds.origin.y + surface_y), (unsigned) bounds.size.width,
                     (unsigned) bounds.size.height, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        gpointer pixel = GSIZE_TO_POINTER (XGetPixel (image, x, y) & 0xffffff);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pixel)) + 1;

        g_hash_table_insert (counts, pixel, GUINT_TO_POINTER (count));
        most = MAX (most, count);
      }
  most = (guint) (image->width * image->height) - most;
  XDestroyImage (image);

  return most;
}

/* The labels' popover, open over a word late in a paragraph, stays on
 * that word when the window is resized and the text flows anew; after it a
 * label's key in it still labels that word. */
static void
test_popover_follows_text (Fixture       *fixture,
                           gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  GdkRectangle before, pointing, selection;
  GtkPopover *popover;

  resize_through_x (fixture, 1400, 950);
  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_Menu, 0);
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  g_assert_true (gtk_popover_get_pointing_to (popover, &before));

  resize_through_x (fixture, 1000, 700);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gloss_document_view_get_selection_rect (fixture->view, &selection);
  /* The word moved with the text; the popover with it. */
  g_assert_false (before.x == selection.x && before.y == selection.y);
  g_assert_true (gtk_popover_get_pointing_to (popover, &pointing));
  g_assert_cmpint (pointing.x, ==, selection.x);
  g_assert_cmpint (pointing.y, ==, selection.y);

  gloss_test_input_type (GTK_WIDGET (fixture->window), "hard");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored (fixture, start, end, "Hardline camp"), ==, 1);

  /* The span's menu, through sizes back and forth: it goes with the span,
   * and nothing is drawn before it has its place (a warning, fatal here). */
  fixture_key (fixture, GDK_KEY_Menu, 0);
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  for (guint i = 0; i < 6; i++)
    {
      resize_through_x (fixture, i % 2 ? 1000 : 800, i % 2 ? 700 : 600);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gloss_document_view_get_selection_rect (fixture->view, &selection);
      g_assert_true (gtk_popover_get_pointing_to (popover, &pointing));
      g_assert_cmpint (pointing.x, ==, selection.x);
      g_assert_cmpint (pointing.y, ==, selection.y);
    }
  fixture_key (fixture, GDK_KEY_Escape, 0);
  wait_for_closed (popover);
}

/* The buffer offset of the character under the pointer now, from where
 * the X server has the pointer; -1 off the text. */
static int
offset_under_pointer (Fixture *fixture)
{
  GtkWidget *text = GTK_WIDGET (fixture->text_view);
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (text));
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (text));
  graphene_point_t at;
  GtkTextIter iter;
  double x, y;
  int buffer_x, buffer_y;

  gdk_surface_get_device_position (gtk_native_get_surface (GTK_NATIVE (native)),
                                   gdk_seat_get_pointer (seat), &x, &y, NULL);
  g_assert_true (gtk_widget_compute_point (native, text, &GRAPHENE_POINT_INIT (x, y), &at));
  gtk_text_view_window_to_buffer_coords (fixture->text_view, GTK_TEXT_WINDOW_WIDGET, at.x, at.y,
                                         &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (fixture->text_view, &iter, buffer_x, buffer_y))
    return -1;
  return gtk_text_iter_get_offset (&iter);
}

/* A span's tooltip, up when the window is resized and the text flows
 * anew, goes with the span: it does not stay over what is now under the
 * pointer. */
static void
test_tooltip_after_resize (Fixture       *fixture,
                           gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  TooltipSearch search = { GTK_WIDGET (fixture->window), "Hardline camp: “Ali Khamenei”" };
  int under;
  double x, y;

  resize_through_x (fixture, 1400, 950);
  gloss_test_input_text_point_settled (fixture->text_view, fixture_buffer_offset (fixture,
                                                                                  start + 2),
                                       0.5, &x, &y);
  gloss_test_input_hover (GTK_WIDGET (fixture->text_view), x, y);
  gloss_test_input_wait_until (tooltip_shown, &search, "the span's tooltip");

  resize_through_x (fixture, 1000, 700);
  for (guint i = 0; i < 5; i++)
    gloss_test_wait_for_frames ();
  under = offset_under_pointer (fixture);
  g_assert_true (under < fixture_buffer_offset (fixture, start) ||
                 under >= fixture_buffer_offset (fixture, end));
  g_assert_false (tooltip_shown (&search));
}

/* Resized between the sizes people use, straight from wide to narrow and
 * back, the window lays out without a warning and draws its text each
 * time; then a drag and a label's key still label a word. */
static void
test_resize_through_x (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const Size sizes[] = {
    { 1400, 900 }, { 800, 600 }, { 1400, 950 }, { 1000, 700 }, { 800, 600 },
    { 1000, 700 }, { 1400, 950 }, { 800, 600 }, { 1400, 900 }, { 800, 600 },
  };
  GtkWidget *text = GTK_WIDGET (fixture->text_view);
  gint64 start, end;
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint drawn;

      resize_through_x (fixture, sizes[i].width, sizes[i].height);
      drawn = count_drawn_pixels (text);
      g_test_message ("%dx%d: %u pixels of the text drawn", sizes[i].width, sizes[i].height,
                      drawn);
      g_assert_cmpuint (drawn, >, 1000);
    }

  start = fixture_find_phrase (fixture, "Velayati");
  end = fixture_phrase_end (fixture, "Velayati");
  /* The word in the middle of the text, as a person scrolls to it: a drag
   * at the text's edge scrolls it on. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) fixture_buffer_offset (fixture, start));
    gtk_text_view_scroll_to_iter (fixture->text_view, &iter, 0, TRUE, 0, 0.5);
    gloss_test_input_settle (text);
  }
  /* The pointer comes over the text from where the resize left it. */
  gloss_test_input_hover (text, gtk_widget_get_width (text) / 2.0, gtk_widget_get_height (text) / 2.0);
  fixture_drag_over (fixture, "Velayati");
  g_test_message ("the focus is on a %s",
                  fixture_focus (fixture) != NULL ? G_OBJECT_TYPE_NAME (fixture_focus (fixture)) : "nothing");
  g_assert_true (focus_in (fixture, text));
  fixture_key (fixture, GDK_KEY_2, 0);
  label = stored_label (fixture, start, end);
  g_assert_cmpstr (label, ==, "Hardline camp");
}

/* The row of WIDGET's list that is selected, or NULL. */
static GtkWidget *
find_selected_row (GtkWidget *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) &&
        (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) != 0)
      return child;

  return NULL;
}

typedef struct
{
  GtkWidget *list;
  graphene_rect_t bounds;
  int frames_still;
} RowWatch;

/* The selected row has stayed at the same place for a few frames: the
 * list is done scrolling to it. */
static gboolean
selected_row_still (gpointer data)
{
  RowWatch *watch = data;
  GtkWidget *row = find_selected_row (watch->list);
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_compute_bounds (row, watch->list, &bounds))
    {
      watch->frames_still = 0;
      return FALSE;
    }
  if (graphene_rect_equal (&bounds, &watch->bounds))
    watch->frames_still++;
  else
    watch->frames_still = 0;
  watch->bounds = bounds;
  gloss_test_input_wait_for_frames (watch->list);

  return watch->frames_still >= 3;
}

/* Many spans; a click on one far down the text scrolls the Spans list to
 * its row, and all of the row is in sight. */
static void
test_span_row_in_sight (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_document_view_dup_document_text (fixture->view);
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *list;
  gint64 label_id;
  gint64 first_start = -1;
  gint64 last_start = -1;
  guint added = 0;
  guint words = 0;
  gint64 middle_start = -1;
  static const char * const targets[] = { "last", "middle", "first" };
  RowWatch watch = { 0 };
  int viewport_height;

  /* A span on every other word of the article, in a window opened afresh. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
  labels = gloss_store_list_labels (fixture->store, &error);
  g_assert_no_error (error);
  label_id = gloss_label_get_id (labels->pdata[0]);
  for (const char *p = text; (p = strchr (p, ' ')) != NULL; p++)
    {
      const char *word = p + 1;
      const char *word_end = word;
      gint64 start;
      g_autoptr(GlossSpan) span = NULL;

      while (g_ascii_isalpha (*word_end))
        word_end++;
      if (word_end - word < 3 || words++ % 2 != 0)
        continue;
      start = g_utf8_pointer_to_offset (text, word);
      span = gloss_store_add_span (fixture->store, fixture->document_id, label_id, start,
                                   start + (word_end - word), "", "", &error);
      g_assert_no_error (error);
      if (first_start < 0)
        first_start = start;
      last_start = start;
      added++;
    }
  g_test_message ("%u spans added", added);
  g_assert_cmpuint (added, >=, 30);
  /* The span halfway down the article. */
  for (const char *p = text; (p = strchr (p, ' ')) != NULL && middle_start < 0; p++)
    if (g_utf8_pointer_to_offset (text, p) > g_utf8_strlen (text, -1) / 2 && g_ascii_isalpha (p[1]))
      middle_start = g_utf8_pointer_to_offset (text, p + 1);
  /* Thirty labels, as a real project has, leave the spans little room. */
  for (guint i = labels->len; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Label %u", i + 1);
      g_autoptr(GlossLabel) label = gloss_store_add_label (fixture->store, name, "#3584e4", "", "",
                                                           &error);

      g_assert_no_error (error);
    }
  fixture_open_window (fixture);
  resize_through_x (fixture, 1000, 700);

  list = GTK_WIDGET (fixture_child (fixture, "span_list_view"));
  watch.list = list;
  /* Down the list, back up to its middle, up to its top. */
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      gint64 target = i == 0 ? last_start : i == 1 ? middle_start : first_start;

      fixture_click (fixture, target + 1);
      g_assert_nonnull (gloss_document_view_get_selected_span (fixture->view));
      g_assert_cmpint (gloss_span_get_start (gloss_document_view_get_selected_span (fixture->view)),
                       ==, target);
      watch.frames_still = 0;
      gloss_test_input_wait_until (selected_row_still, &watch, "the span's row to stay in place");
      viewport_height = gtk_widget_get_height (list);
      g_test_message ("%s: row at %.1f, %.1f tall, in a list %d tall", targets[i],
                      watch.bounds.origin.y, watch.bounds.size.height, viewport_height);
      g_assert_cmpfloat (watch.bounds.origin.y, >=, 0);
      g_assert_cmpfloat (watch.bounds.origin.y + watch.bounds.size.height, <=, viewport_height);
    }
}

/* The colour most of WIDGET's pixels have on the X server: a row's
 * background, its text being a few glyphs over it. */
static guint32
drawn_background (GtkWidget *widget)
{
  Display *display = gloss_test_input_display ();
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  XImage *image;
  double surface_x, surface_y;
  guint most = 0;
  guint32 colour = 0;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (root), &surface_x, &surface_y);
  XSync (display, False);
  image = XGetImage (display, gloss_test_input_xid (root), (int) (bounds.origin.x + surface_x),
                     (int) (bounds.origin.y + surface_y), (unsigned) bounds.size.width,
                     (unsigned) bounds.size.height, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        guint32 pixel = (guint32) (XGetPixel (image, x, y) & 0xffffff);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
        if (count > most)
          {
            most = count;
            colour = pixel;
          }
      }
  XDestroyImage (image);

  return colour;
}

/* How far apart two colours are: the sum of their channels' differences
 * (0 to 765). */
static int
colour_distance (guint32 a,
                 guint32 b)
{
  int distance = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    distance += ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));
  return distance;
}

static gboolean
is_hovered (gpointer data)
{
  return (gtk_widget_get_state_flags (data) & GTK_STATE_FLAG_PRELIGHT) != 0;
}

/* A row of LIST in sight, other than ROW and EXCEPT, that is not
 * selected. */
static GtkWidget *
find_other_row (GtkWidget *list,
                GtkWidget *row,
                GtkWidget *except)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (child != row && child != except && gtk_widget_get_mapped (child) &&
          (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) == 0 &&
          gtk_widget_compute_bounds (child, list, &bounds) && bounds.origin.y >= 0 &&
          bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list))
        return child;
    }

  return NULL;
}

/* A span row clicked, the pointer then resting on the next row, as it
 * does after Delete moves the rows up under it: the selected row is the
 * one in the accent, far from the hovered one and from the others, in
 * the light style and the dark. */
static void
test_selected_row_stands_out (Fixture       *fixture,
                              gconstpointer  user_data)
{
  static const char * const phrases[] = { "Velayati", "Russia", "Ali Khamenei" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *list = GTK_WIDGET (fixture_child (fixture, "span_list_view"));
  GtkWidget *selected, *hovered, *clicked;

  /* The application's style sheet, as GlossApplication loads it. */
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      fixture_drag_over (fixture, phrases[i]);
      fixture_key (fixture, GDK_KEY_2, 0);
    }
  gloss_test_input_settle (list);

  clicked = find_other_row (list, NULL, NULL);
  g_assert_nonnull (clicked);
  gloss_test_input_click_widget (clicked);
  selected = find_selected_row (list);
  g_assert_true (selected == clicked);
  hovered = find_other_row (list, selected, NULL);
  g_assert_nonnull (hovered);
  gloss_test_input_hover (hovered, gtk_widget_get_width (hovered) / 2.0,
                          gtk_widget_get_height (hovered) / 2.0);
  gloss_test_input_wait_until (is_hovered, hovered, "the row under the pointer to be hovered");

  for (guint dark = 0; dark <= 1; dark++)
    {
      GtkWidget *plain = find_other_row (list, selected, hovered);
      guint32 selected_colour, hovered_colour, plain_colour;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gloss_test_input_settle (list);
      g_assert_true (find_selected_row (list) == selected);
      g_assert_true (is_hovered (hovered));
      g_assert_nonnull (plain);
      selected_colour = drawn_background (selected);
      hovered_colour = drawn_background (hovered);
      plain_colour = drawn_background (plain);
      g_test_message ("%s: selected #%06x, hovered #%06x, others #%06x", dark ? "dark" : "light",
                      selected_colour, hovered_colour, plain_colour);
      /* libadwaita's own shades are 6 to 7 apart in each channel. */
      g_assert_cmpint (colour_distance (selected_colour, hovered_colour), >=, 60);
      g_assert_cmpint (colour_distance (selected_colour, plain_colour), >=, 60);
      /* The hover stays a hint. */
      g_assert_cmpint (colour_distance (hovered_colour, plain_colour), <=, 60);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

/* The sidebar of FLAP_ID, the box that is its flap. */
static GtkWidget *
get_sidebar (Fixture    *fixture,
             const char *flap_id)
{
  return adw_flap_get_flap (ADW_FLAP (fixture_child (fixture, flap_id)));
}

/* Drags the inner edge of a sidebar by DX with the mouse. */
static void
drag_sidebar_edge (Fixture    *fixture,
                   const char *flap_id,
                   double      dx)
{
  GtkWidget *flap = GTK_WIDGET (fixture_child (fixture, flap_id));
  GtkWidget *sidebar = get_sidebar (fixture, flap_id);
  graphene_rect_t bounds;
  double edge, y;

  g_assert_true (gtk_widget_compute_bounds (sidebar, flap, &bounds));
  /* The documents' edge is their right one, the labels' their left one. */
  if (adw_flap_get_flap_position (ADW_FLAP (flap)) == GTK_PACK_START)
    edge = bounds.origin.x + bounds.size.width;
  else
    edge = bounds.origin.x - 1;
  y = bounds.origin.y + bounds.size.height / 2;
  gloss_test_input_drag (flap, edge, y, edge + dx, y);
}

/* The edge of each sidebar drags to a new width, which the next window
 * has too. */
static void
test_drag_sidebar_width (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *documents = get_sidebar (fixture, "documents_flap");
  GtkWidget *labels = get_sidebar (fixture, "labels_flap");
  int documents_width = gtk_widget_get_width (documents);
  int labels_width = gtk_widget_get_width (labels);

  g_assert_false (adw_flap_get_folded (ADW_FLAP (fixture_child (fixture, "documents_flap"))));
  drag_sidebar_edge (fixture, "documents_flap", 80);
  g_test_message ("documents: %d, then %d px", documents_width, gtk_widget_get_width (documents));
  g_assert_cmpint (gtk_widget_get_width (documents), >=, documents_width + 70);
  documents_width = gtk_widget_get_width (documents);

  drag_sidebar_edge (fixture, "labels_flap", -60);
  g_test_message ("labels: %d, then %d px", labels_width, gtk_widget_get_width (labels));
  g_assert_cmpint (gtk_widget_get_width (labels), >=, labels_width + 50);
  labels_width = gtk_widget_get_width (labels);

  /* A new window, as after a restart. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
  fixture_open_window (fixture);
  g_assert_cmpint (gtk_widget_get_width (get_sidebar (fixture, "documents_flap")), ==,
                   documents_width);
  g_assert_cmpint (gtk_widget_get_width (get_sidebar (fixture, "labels_flap")), ==,
                   labels_width);

  /* Narrow, both still fold away, the wider the sooner. */
  resize_through_x (fixture, 700, 520);
  g_assert_true (adw_flap_get_folded (ADW_FLAP (fixture_child (fixture, "documents_flap"))));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (fixture_child (fixture, "documents_flap"))));
  g_assert_true (adw_flap_get_folded (ADW_FLAP (fixture_child (fixture, "labels_flap"))));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (fixture_child (fixture, "labels_flap"))));
  g_assert_true (gtk_widget_get_visible (fixture_child (fixture, "documents_button")));
  g_assert_true (gtk_widget_get_visible (fixture_child (fixture, "labels_button")));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = gloss_test_ui_init (&argc, &argv, "input-layout");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/layout/resize-through-x", test_resize_through_x);
  ADD ("/gloss/input/layout/span-row-in-sight", test_span_row_in_sight);
  ADD ("/gloss/input/layout/popover-follows-text", test_popover_follows_text);
  ADD ("/gloss/input/layout/tooltip-after-resize", test_tooltip_after_resize);
  ADD ("/gloss/input/layout/drag-sidebar-width", test_drag_sidebar_width);
  ADD ("/gloss/input/layout/selected-row-stands-out", test_selected_row_stands_out);

#undef ADD

  return gloss_test_ui_run (data_home);
}
