/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's own pieces with a real pointer and keyboard
 * (gloss-test-input.h): the menu buttons' tooltips, Ctrl+Q with a note still
 * being typed. Each test ends on what a person sees or on the project file. */

#include "config.h"

#include "gloss-application.h"
#include "gloss-search-bar.h"
#include "gloss-test-window.h"

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
has_matches (gpointer bar)
{
  return gloss_search_bar_get_n_matches (bar) > 0;
}

/* Whether a tooltip saying TEXT is on the screen, over ROOT's window or
 * one of its popovers. */
typedef struct
{
  GtkWidget *root;
  const char *text;
} TooltipSearch;

static gboolean
tooltip_shown (gpointer data)
{
  TooltipSearch *search = data;
  GtkWidget *label = gloss_test_find_widget_where (search->root, has_label_text, search->text);
  GtkWidget *tooltip;

  if (label == NULL)
    return FALSE;
  tooltip = GTK_WIDGET (gtk_widget_get_native (label));
  return g_str_equal (G_OBJECT_TYPE_NAME (tooltip), "GtkTooltipWindow") && is_on_screen (tooltip);
}

static gboolean
tooltip_gone (gpointer data)
{
  return !tooltip_shown (data);
}

/* The pointer rests on BUTTON until its tooltip TEXT shows, then clicks
 * it: the menu opens, and the tooltip is not over it. */
static void
assert_no_tooltip_over_menu (Fixture    *fixture,
                             GtkWidget  *button,
                             const char *text,
                             GType       menu_type)
{
  TooltipSearch search = { GTK_WIDGET (fixture->window), text };
  double x = gtk_widget_get_width (button) / 2.0, y = gtk_widget_get_height (button) / 2.0;
  GtkPopover *menu;

  gloss_test_input_hover (button, x - 1, y);
  gloss_test_input_hover (button, x, y);
  gloss_test_input_wait_until (tooltip_shown, &search, text);

  gloss_test_input_click (button, x, y);
  menu = wait_for_popover (button, menu_type);
  gloss_test_input_wait_until (tooltip_gone, &search, "the tooltip to go");
  /* The hand does not stay still: the pointer moves on the button, which
   * would ask for the tooltip again. */
  gloss_test_input_hover (button, x + 2, y);
  gloss_test_input_hover (button, x + 1, y + 1);
  g_assert_false (tooltip_shown (&search));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_true (is_on_screen (GTK_WIDGET (menu)));

  fixture_key (fixture, GDK_KEY_Escape, 0);
  wait_for_closed (menu);
  g_assert_true (gtk_widget_get_has_tooltip (button));
}

static void
test_tooltip_main_menu (Fixture       *fixture,
                        gconstpointer  user_data)
{
  assert_no_tooltip_over_menu (fixture, fixture_child (fixture, "primary_menu_button"),
                               "Main Menu", GTK_TYPE_POPOVER_MENU);
}

static void
test_tooltip_document_menu (Fixture       *fixture,
                            gconstpointer  user_data)
{
  assert_no_tooltip_over_menu (fixture, fixture_child (fixture, "document_menu_button"),
                               "Document Menu", GTK_TYPE_POPOVER_MENU);
}

static void
test_tooltip_label_all (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GlossSearchBar *bar = fixture_child (fixture, "search_bar");
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                 GLOSS_TYPE_SEARCH_BAR,
                                                                 "label_all_button"));

  fixture_click (fixture, 0);
  fixture_key (fixture, GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (gloss_search_bar_is_open (bar));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "Azerbaijan");
  gloss_test_input_wait_until (has_matches, bar, "the matches");
  gloss_test_input_wait_for_frames (button);

  assert_no_tooltip_over_menu (fixture, button, "Give every match a label", GTK_TYPE_POPOVER);
}

static gboolean
is_destroyed (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* Ctrl+Q while a note is typed in the inspector, not yet confirmed with
 * Enter: the note is in the project file once the window is gone. */
static void
test_note_kept_on_quit (Fixture       *fixture,
                        gconstpointer  user_data)
{
  Display *display = gloss_test_input_display ();
  GtkWidget *note_entry = fixture_child (fixture, "note_entry");
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  GtkWidget *closed = GTK_WIDGET (fixture->window);
  g_autoptr(GPtrArray) spans = NULL;
  gint64 selected_start, selected_end;
  gboolean found = FALSE;

  fixture_click (fixture, start + 2);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  gloss_test_input_settle (note_entry);
  gloss_test_input_click_widget (note_entry);
  g_assert_true (focus_in (fixture, note_entry));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "quitting");

  /* Pressed by hand: the helper's wait after a key needs the window. */
  g_object_add_weak_pointer (G_OBJECT (closed), (gpointer *) &closed);
  gloss_test_input_modifiers (GDK_CONTROL_MASK, True);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, GDK_KEY_q), True, CurrentTime);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, GDK_KEY_q), False, CurrentTime);
  gloss_test_input_modifiers (GDK_CONTROL_MASK, False);
  XFlush (display);
  gloss_test_input_wait_until (is_destroyed, &closed, "the window to close");
  g_clear_object (&fixture->store);

  spans = read_stored_spans (fixture->path, fixture->document_id);
  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start)
        {
          g_assert_cmpstr (span->note, ==, "quitting");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The fixture's teardown closes a window and a store of its own. */
  fixture->store = gloss_project_open_default (NULL);
  g_assert_nonnull (fixture->store);
  fixture_open_window (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GlossApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  data_home = gloss_test_ui_init (&argc, &argv, "input-window");

  /* Ctrl+Q is the application's. */
  application = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  fixture_application = GTK_APPLICATION (application);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/window/tooltip-main-menu", test_tooltip_main_menu);
  ADD ("/gloss/input/window/tooltip-document-menu", test_tooltip_document_menu);
  ADD ("/gloss/input/window/tooltip-label-all", test_tooltip_label_all);
  ADD ("/gloss/input/window/note-kept-on-quit", test_note_kept_on_quit);

#undef ADD

  status = g_test_run ();
  gloss_test_remove_tree (data_home);

  return status;
}
