/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Real input for the suites that show windows: keys, clicks, drags and
 * hovers go to the X server through its XTEST extension (the suites run
 * under Xvfb), so each one comes back as a device event and takes GTK's
 * whole input path, controllers, bindings and grabs included, as a
 * person's does. Emitting a controller's signal or activating an action
 * proves an action works; only these prove that a person can reach it. */

#pragma once

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "gloss-test-ui.h"

/* Long enough for a slow, shared machine; reaching it is a failure. */
#define GLOSS_TEST_INPUT_TIMEOUT_S 20

static inline Display *
gloss_test_input_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static inline gboolean
gloss_test_input_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static inline gboolean
gloss_test_input_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until DONE says so; fails the test after
 * GLOSS_TEST_INPUT_TIMEOUT_S seconds, naming WHAT it waited for. */
static inline void
gloss_test_input_wait_until (gboolean    (*done) (gpointer data),
                             gpointer      data,
                             const char   *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (GLOSS_TEST_INPUT_TIMEOUT_S,
                                         gloss_test_input_timeout_cb, &timed_out);
  /* Wakes the loop now and then: some conditions change without an event
   * of this loop (the X server's focus, another client's map). */
  guint tick = g_timeout_add (20, gloss_test_input_tick_cb, NULL);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  if (!timed_out)
    g_source_remove (timeout);
  else if (!done (data))
    g_error ("Waited %d s for %s", GLOSS_TEST_INPUT_TIMEOUT_S, what);
}

typedef struct
{
  Atom atom;
  gulong serial;
  gboolean seen;
} GlossTestInputSync;

static inline gboolean
gloss_test_input_on_xevent_cb (GdkDisplay *display,
                               XEvent     *event,
                               gpointer    user_data)
{
  GlossTestInputSync *sync = user_data;

  if (event->type == PropertyNotify && event->xproperty.atom == sync->atom &&
      event->xproperty.state == PropertyNewValue)
    sync->seen = TRUE;

  return GDK_EVENT_PROPAGATE;
}

static inline gboolean
gloss_test_input_is_true (gpointer data)
{
  return *(gboolean *) data;
}

static inline Window
gloss_test_input_xid (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);

  g_assert_nonnull (native);
  return gdk_x11_surface_get_xid (gtk_native_get_surface (native));
}

static inline gboolean
gloss_test_input_count_tick_cb (GtkWidget     *widget,
                                GdkFrameClock *clock,
                                gpointer       user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  GtkWidget *widget;
  guint ticks;
} GlossTestInputFrames;

/* Two frames drawn, or none to come: a click or key that closes its own
 * window unmaps it while it is waited on. */
static inline gboolean
gloss_test_input_two_ticks (gpointer data)
{
  GlossTestInputFrames *frames = data;

  return frames->ticks >= 2 || !gtk_widget_get_mapped (frames->widget);
}

/* Waits for two frames of WIDGET's window: whatever an event changed is
 * laid out and drawn by then (a popover sized to its new content, and
 * moved to fit it). */
static inline void
gloss_test_input_wait_for_frames (GtkWidget *widget)
{
  GlossTestInputFrames frames = { widget, 0 };
  guint id;

  if (!gtk_widget_get_mapped (widget))
    return;

  g_object_ref (widget);
  id = gtk_widget_add_tick_callback (widget, gloss_test_input_count_tick_cb, &frames.ticks, NULL);
  gloss_test_input_wait_until (gloss_test_input_two_ticks, &frames, "two frames");
  gtk_widget_remove_tick_callback (widget, id);
  g_object_unref (widget);
}

/* Waits until this process has read from the X server every event that
 * the input sent so far caused, and GTK has handled them: a property
 * change on WINDOW's surface is queued after them, and its notice comes
 * back after them. Then lets GTK finish what they started (layout, idle
 * work, a popover's mapping). */
static inline void
gloss_test_input_settle (GtkWidget *widget)
{
  GdkDisplay *gdk_display = gdk_display_get_default ();
  Display *display = gloss_test_input_display ();
  /* Held: what the events do may close the window. */
  g_autoptr(GtkWidget) root = g_object_ref (GTK_WIDGET (gtk_widget_get_root (widget)));
  GlossTestInputSync sync = { 0 };
  gulong handler;
  long value = 1;

  sync.atom = XInternAtom (display, "_GLOSS_TEST_INPUT_SYNC", False);
  handler = g_signal_connect (gdk_display, "xevent",
                             G_CALLBACK (gloss_test_input_on_xevent_cb), &sync);
  XChangeProperty (display, gloss_test_input_xid (root), sync.atom, XA_INTEGER, 32,
                   PropModeReplace, (unsigned char *) &value, 1);
  XFlush (display);
  gloss_test_input_wait_until (gloss_test_input_is_true, &sync.seen, "the X server's events");
  g_signal_handler_disconnect (gdk_display, handler);

  gloss_test_wait_for_frames ();
  gloss_test_input_wait_for_frames (root);
}

static inline gboolean
gloss_test_input_window_ready (gpointer data)
{
  GtkWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_window_is_active (window);
}

/* Shows WINDOW and gives it the keyboard focus on the X server, as a
 * window manager would when a person clicks it (Xvfb has none). */
static inline void
gloss_test_input_present (GtkWindow *window)
{
  Display *display = gloss_test_input_display ();

  gtk_window_present (window);
  gloss_test_input_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, window,
                               "the window to be mapped");
  /* Mapped for GTK is asked for, not done: XSync waits for the server. */
  XSync (display, False);
  XSetInputFocus (display, gloss_test_input_xid (GTK_WIDGET (window)), RevertToParent,
                  CurrentTime);
  XSync (display, False);
  gloss_test_input_wait_until (gloss_test_input_window_ready, window,
                               "the window to have the keyboard focus");
  gloss_test_input_settle (GTK_WIDGET (window));
}

/* The keycode for KEYSYM, and whether Shift is needed to type it. */
static inline KeyCode
gloss_test_input_keycode (guint     keysym,
                          gboolean *needs_shift)
{
  Display *display = gloss_test_input_display ();
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  *needs_shift = XkbKeycodeToKeysym (display, keycode, 0, 0) != keysym &&
                 XkbKeycodeToKeysym (display, keycode, 0, 1) == keysym;
  return keycode;
}

static inline void
gloss_test_input_modifiers (GdkModifierType modifiers,
                            gboolean        press)
{
  Display *display = gloss_test_input_display ();

  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Control_L), press, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Shift_L), press, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Alt_L), press, CurrentTime);
}

/* Presses and releases KEYVAL with MODIFIERS held, then waits until WIDGET's
 * window has handled it. */
static inline void
gloss_test_input_key (GtkWidget       *widget,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  Display *display = gloss_test_input_display ();
  gboolean needs_shift;
  KeyCode keycode = gloss_test_input_keycode (keyval, &needs_shift);

  if (needs_shift)
    modifiers |= GDK_SHIFT_MASK;
  gloss_test_input_modifiers (modifiers, True);
  XTestFakeKeyEvent (display, keycode, True, CurrentTime);
  XTestFakeKeyEvent (display, keycode, False, CurrentTime);
  gloss_test_input_modifiers (modifiers, False);
  XFlush (display);
  gloss_test_input_settle (widget);
}

/* Presses an accelerator in gtk_accelerator_parse () form ("<Control>z"). */
static inline void
gloss_test_input_accel (GtkWidget  *widget,
                        const char *accelerator)
{
  guint keyval;
  GdkModifierType modifiers;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  gloss_test_input_key (widget, keyval, modifiers);
}

/* Types TEXT, one key at a time. */
static inline void
gloss_test_input_type (GtkWidget  *widget,
                       const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gloss_test_input_key (widget, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

/* Where (X, Y) of WIDGET is on the X screen. */
static inline void
gloss_test_input_screen_point (GtkWidget *widget,
                               double     x,
                               double     y,
                               int       *screen_x,
                               int       *screen_y)
{
  Display *display = gloss_test_input_display ();
  GtkNative *native = gtk_widget_get_native (widget);
  double native_x, native_y, surface_x, surface_y;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y,
                                                   &native_x, &native_y));
  /* The surface may be larger than the widget (a popover's arrow, a
   * shadow). */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (display, gloss_test_input_xid (widget),
                         DefaultRootWindow (display), 0, 0, &root_x, &root_y, &child);
  *screen_x = root_x + (int) (native_x + surface_x);
  *screen_y = root_y + (int) (native_y + surface_y);
}

typedef struct
{
  GtkWidget *widget;
  gboolean seen;
  int x, y;
} GlossTestInputStill;

/* Whether the widget's middle is where it was a frame ago: a toast sliding
 * in or a header laid out again moves its buttons, and a person aims at a
 * button that stays put. For gloss_test_input_wait_until (). */
static inline gboolean
gloss_test_input_is_still (gpointer data)
{
  GlossTestInputStill *still = data;
  int x, y;

  gloss_test_input_screen_point (still->widget, gtk_widget_get_width (still->widget) / 2.0,
                                 gtk_widget_get_height (still->widget) / 2.0, &x, &y);
  if (still->seen && x == still->x && y == still->y)
    return TRUE;
  still->seen = TRUE;
  still->x = x;
  still->y = y;
  gloss_test_input_wait_for_frames (still->widget);
  return FALSE;
}

static inline void
gloss_test_input_move_to (GtkWidget *widget,
                          double     x,
                          double     y)
{
  Display *display = gloss_test_input_display ();
  int screen_x, screen_y;

  gloss_test_input_screen_point (widget, x, y, &screen_x, &screen_y);
  XTestFakeMotionEvent (display, DefaultScreen (display), screen_x, screen_y, CurrentTime);
  XFlush (display);
}

/* Rests the pointer on (X, Y) of WIDGET. */
static inline void
gloss_test_input_hover (GtkWidget *widget,
                        double     x,
                        double     y)
{
  gloss_test_input_move_to (widget, x, y);
  gloss_test_input_settle (widget);
}

typedef struct
{
  gint64 time;
  int x, y;
} GlossTestInputClick;

/* The last clicks, wherever they were: a widget counts a click as the
 * second of a double click by its own last press, even with clicks
 * elsewhere between them. */
#define GLOSS_TEST_INPUT_N_CLICKS 8
static GlossTestInputClick gloss_test_input_clicks[GLOSS_TEST_INPUT_N_CLICKS];
static guint gloss_test_input_next_click;

static inline gboolean
gloss_test_input_double_click_over (gpointer data)
{
  const GlossTestInputClick *click = data;
  int double_click_time;

  g_object_get (gtk_settings_get_default (), "gtk-double-click-time", &double_click_time, NULL);
  return g_get_monotonic_time () - click->time >
         (double_click_time + 100) * G_TIME_SPAN_MILLISECOND;
}

/* Clicks BUTTON (1 left, 3 right) at (X, Y) of WIDGET, with MODIFIERS held.
 * Two quick clicks on one spot make a double click, for a person too: a
 * click near one of the last waits until the double-click time is over. */
static inline void
gloss_test_input_click_with (GtkWidget       *widget,
                             double           x,
                             double           y,
                             guint            button,
                             GdkModifierType  modifiers)
{
  Display *display = gloss_test_input_display ();
  GlossTestInputClick *click;
  int screen_x, screen_y;

  gloss_test_input_screen_point (widget, x, y, &screen_x, &screen_y);
  for (guint i = 0; i < GLOSS_TEST_INPUT_N_CLICKS; i++)
    {
      click = &gloss_test_input_clicks[i];
      if (click->time != 0 && ABS (screen_x - click->x) < 8 && ABS (screen_y - click->y) < 8)
        gloss_test_input_wait_until (gloss_test_input_double_click_over, click,
                                     "the double-click time to pass");
    }
  gloss_test_input_move_to (widget, x, y);
  gloss_test_input_settle (widget);
  gloss_test_input_modifiers (modifiers, True);
  XTestFakeButtonEvent (display, button, True, CurrentTime);
  XTestFakeButtonEvent (display, button, False, CurrentTime);
  gloss_test_input_modifiers (modifiers, False);
  XFlush (display);
  click = &gloss_test_input_clicks[gloss_test_input_next_click++ % GLOSS_TEST_INPUT_N_CLICKS];
  click->time = g_get_monotonic_time ();
  click->x = screen_x;
  click->y = screen_y;
  gloss_test_input_settle (widget);
}

static inline void
gloss_test_input_click (GtkWidget *widget,
                        double     x,
                        double     y)
{
  gloss_test_input_click_with (widget, x, y, GDK_BUTTON_PRIMARY, 0);
}

static inline void
gloss_test_input_right_click (GtkWidget *widget,
                              double     x,
                              double     y)
{
  gloss_test_input_click_with (widget, x, y, GDK_BUTTON_SECONDARY, 0);
}

/* Clicks the middle of WIDGET, once it stays put: a person aims at a
 * button that has stopped moving, not at where a bar laid out again had it
 * a frame ago. */
static inline void
gloss_test_input_click_widget (GtkWidget *widget)
{
  GlossTestInputStill still = { widget, FALSE, 0, 0 };

  gloss_test_input_wait_until (gloss_test_input_is_still, &still, "the widget to stay in place");
  gloss_test_input_click (widget, gtk_widget_get_width (widget) / 2.0,
                          gtk_widget_get_height (widget) / 2.0);
}

/* Presses the left button at (X1, Y1) of WIDGET, moves in steps to (X2, Y2)
 * and lets go there. */
static inline void
gloss_test_input_drag (GtkWidget *widget,
                       double     x1,
                       double     y1,
                       double     x2,
                       double     y2)
{
  Display *display = gloss_test_input_display ();
  const int steps = 8;

  gloss_test_input_move_to (widget, x1, y1);
  gloss_test_input_settle (widget);
  XTestFakeButtonEvent (display, GDK_BUTTON_PRIMARY, True, CurrentTime);
  XFlush (display);
  gloss_test_input_settle (widget);
  for (int i = 1; i <= steps; i++)
    {
      gloss_test_input_move_to (widget, x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps);
      gloss_test_input_settle (widget);
    }
  XTestFakeButtonEvent (display, GDK_BUTTON_PRIMARY, False, CurrentTime);
  XFlush (display);
  gloss_test_input_settle (widget);
}

/* Scrolls TEXT_VIEW so that the character at OFFSET (buffer code points)
 * is on screen, and gives the point in the text view's coordinates on
 * that character: its left edge plus DX of its width (0.5 is its middle),
 * halfway down its line. */
static inline void
gloss_test_input_text_point (GtkTextView *text_view,
                             gint64       offset,
                             double       dx,
                             double      *x,
                             double      *y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle location, visible;
  GtkTextIter iter;
  int window_x, window_y;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_get_visible_rect (text_view, &visible);
  if (!gdk_rectangle_contains_point (&visible, location.x, location.y) ||
      !gdk_rectangle_contains_point (&visible, location.x, location.y + location.height - 1))
    {
      gtk_text_view_scroll_to_iter (text_view, &iter, 0.2, FALSE, 0, 0);
      gloss_test_input_settle (GTK_WIDGET (text_view));
      gloss_test_wait_for_frames ();
      gtk_text_view_get_iter_location (text_view, &iter, &location);
    }
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + (int) (MAX (location.width, 2) * dx),
                                         location.y + location.height / 2,
                                         &window_x, &window_y);
  *x = window_x;
  *y = window_y;
}

typedef struct
{
  GtkTextView *text_view;
  gint64 offset;
  double dx;
  double x, y;
  int screen_x, screen_y;
  gboolean seen;
} GlossTestInputTextPoint;

static inline gboolean
gloss_test_input_text_point_still (gpointer data)
{
  GlossTestInputTextPoint *point = data;
  int screen_x, screen_y;

  gloss_test_input_text_point (point->text_view, point->offset, point->dx, &point->x, &point->y);
  gloss_test_input_screen_point (GTK_WIDGET (point->text_view), point->x, point->y,
                                 &screen_x, &screen_y);
  if (point->seen && screen_x == point->screen_x && screen_y == point->screen_y)
    return TRUE;

  point->seen = TRUE;
  point->screen_x = screen_x;
  point->screen_y = screen_y;
  gloss_test_input_wait_for_frames (GTK_WIDGET (point->text_view));
  return FALSE;
}

/* The point on the character at OFFSET once it stays where it is from one
 * frame to the next: a bar sliding open or shut above the text moves it. */
static inline void
gloss_test_input_text_point_settled (GtkTextView *text_view,
                                     gint64       offset,
                                     double       dx,
                                     double      *x,
                                     double      *y)
{
  GlossTestInputTextPoint point = { text_view, offset, dx, 0, 0, 0, 0, FALSE };

  gloss_test_input_wait_until (gloss_test_input_text_point_still, &point,
                               "the text to stay in place");
  *x = point.x;
  *y = point.y;
}

/* Clicks the middle of the character at OFFSET. */
static inline void
gloss_test_input_click_text (GtkTextView *text_view,
                             gint64       offset)
{
  double x, y;

  gloss_test_input_text_point_settled (text_view, offset, 0.5, &x, &y);
  gloss_test_input_click (GTK_WIDGET (text_view), x, y);
}

static inline void
gloss_test_input_right_click_text (GtkTextView *text_view,
                                   gint64       offset)
{
  double x, y;

  gloss_test_input_text_point_settled (text_view, offset, 0.5, &x, &y);
  gloss_test_input_right_click (GTK_WIDGET (text_view), x, y);
}

/* Drags from the start of the character at START to the start of the one
 * at END, selecting START-END as a person's drag over it does. */
static inline void
gloss_test_input_drag_text (GtkTextView *text_view,
                            gint64       start,
                            gint64       end)
{
  double x1, y1, x2, y2;

  gloss_test_input_text_point_settled (text_view, start, 0.2, &x1, &y1);
  gloss_test_input_text_point_settled (text_view, end, 0.2, &x2, &y2);
  gloss_test_input_drag (GTK_WIDGET (text_view), x1, y1, x2, y2);
}
