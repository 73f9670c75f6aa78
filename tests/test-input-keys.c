/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The keys README.md promises, pressed on a real keyboard: every key goes
 * through the X server (XTestFakeKeyEvent, in gloss-test-input.h) and
 * GTK's whole input path, with the focus where a person has it (in the
 * text after a click there, in a list after a click there). Each test then
 * reads the project file. */

#include "config.h"

#include "gloss-label-popover.h"
#include "gloss-test-window.h"

/* A drag over a name and a label's key make a span of that label. */
static void
test_drag_and_key_labels (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  g_autofree char *label = NULL;

  fixture_drag_over (fixture, "Velayati");
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));
  fixture_key (fixture, GDK_KEY_2, 0);

  label = stored_label (fixture, start, end);
  g_assert_cmpstr (label, ==, "Hardline camp");
}

/* A drag that starts and ends inside words shows, once the button is up,
 * the whole words a label key will store: the highlight is the span. */
static void
test_drag_shows_whole_words (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  gint64 start = fixture_find_phrase (fixture, "Ali Akbar Velayati");
  gint64 end = fixture_phrase_end (fixture, "Ali Akbar Velayati");
  GtkTextIter begin, stop;

  gloss_test_input_drag_text (fixture->text_view, fixture_buffer_offset (fixture, start + 1),
                              fixture_buffer_offset (fixture, end - 2));
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop));
  g_assert_cmpint (gtk_text_iter_get_offset (&begin), ==, fixture_buffer_offset (fixture, start));
  g_assert_cmpint (gtk_text_iter_get_offset (&stop), ==, fixture_buffer_offset (fixture, end));

  fixture_key (fixture, GDK_KEY_2, 0);
  g_assert_cmpuint (count_stored (fixture, start, end, "Hardline camp"), ==, 1);
}

/* A drag that starts inside the selection makes a new selection, as it
 * does anywhere else: it does not drag the selected text away (which held
 * the pointer until Escape). */
static void
test_drag_from_inside_selection (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  gint64 akbar = fixture_find_phrase (fixture, "Akbar Velayati");
  gint64 end = fixture_phrase_end (fixture, "Akbar Velayati");
  GtkTextIter begin, stop;

  fixture_drag_over (fixture, "Akbar");
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));
  gloss_test_input_drag_text (fixture->text_view, fixture_buffer_offset (fixture, akbar + 1),
                              fixture_buffer_offset (fixture, end - 1));
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop));
  g_assert_cmpint (gtk_text_iter_get_offset (&begin), ==, fixture_buffer_offset (fixture, akbar));
  g_assert_cmpint (gtk_text_iter_get_offset (&stop), ==, fixture_buffer_offset (fixture, end));

  fixture_key (fixture, GDK_KEY_2, 0);
  g_assert_cmpuint (count_stored (fixture, akbar, end, "Hardline camp"), ==, 1);
}

/* A click on a span and another label's key relabel it. */
static void
test_click_and_key_relabels (Fixture       *fixture,
                             gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  g_autofree char *before = stored_label (fixture, start, end);
  g_autofree char *after = NULL;
  guint n_spans = count_all_stored (fixture);

  g_assert_cmpstr (before, ==, "Hardline camp");
  fixture_click (fixture, start + 2);
  fixture_key (fixture, GDK_KEY_3, 0);

  after = stored_label (fixture, start, end);
  g_assert_cmpstr (after, ==, "Security establishment");
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans);
}

/* Delete, KP_Delete and BackSpace remove the clicked span, though the text
 * view has bindings of its own for them. */
static void
test_key_deletes_clicked_span (Fixture       *fixture,
                               gconstpointer  user_data)
{
  guint keyval = GPOINTER_TO_UINT (user_data);
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  guint n_spans = count_all_stored (fixture);

  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 1);
  fixture_click (fixture, start + 4);
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));
  fixture_key (fixture, keyval, 0);

  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 0);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans - 1);
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));

  /* With nothing selected, the key is the text view's again and removes
   * nothing. */
  fixture_key (fixture, keyval, 0);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans - 1);
}

/* Ctrl+Z and Ctrl+Shift+Z (and Ctrl+Y) undo and redo a labeling. */
static void
test_undo_redo_keys (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");

  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_1, 0);
  g_assert_cmpuint (count_stored (fixture, start, end, "Reformist camp"), ==, 1);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 0);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (count_stored (fixture, start, end, "Reformist camp"), ==, 1);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  fixture_key (fixture, GDK_KEY_y, GDK_CONTROL_MASK);
  g_assert_cmpuint (count_stored (fixture, start, end, "Reformist camp"), ==, 1);

  /* Removing by key is undone as well. */
  fixture_click (fixture, start + 1);
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 0);
  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (count_stored (fixture, start, end, "Reformist camp"), ==, 1);
}

/* F8 and Shift+F8 walk the spans from the text, the focus staying there;
 * a label key then relabels the span reached. */
static void
test_f8_walks_spans (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 azerbaijan = fixture_find_phrase (fixture, "Azerbaijan");
  gint64 pezeshkian = fixture_find_phrase (fixture, "Masoud Pezeshkian");
  gint64 start, end;
  g_autofree char *label = NULL;

  /* "The already tense": before every span. */
  fixture_click (fixture, 2);
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));

  fixture_key (fixture, GDK_KEY_F8, 0);
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, azerbaijan);
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));

  fixture_key (fixture, GDK_KEY_F8, 0);
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, pezeshkian);

  fixture_key (fixture, GDK_KEY_F8, GDK_SHIFT_MASK);
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, azerbaijan);

  /* The focus stayed in the text: Left is the text's again. */
  fixture_key (fixture, GDK_KEY_Left, 0);
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));

  fixture_key (fixture, GDK_KEY_F8, 0);
  fixture_key (fixture, GDK_KEY_5, 0);
  label = stored_label (fixture, pezeshkian, fixture_phrase_end (fixture, "Masoud Pezeshkian"));
  g_assert_cmpstr (label, ==, "Analyst / source");
}

/* Labeling from the keyboard alone walks forward: after a word is labeled,
 * Ctrl+Shift+Right selects the next word, not the labeled one again. */
static void
test_keyboard_labels_word_after_word (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint n_spans = count_all_stored (fixture);

  /* "The already tense": no span there. */
  fixture_click (fixture, 2);
  fixture_key (fixture, GDK_KEY_Home, GDK_CONTROL_MASK);
  fixture_key (fixture, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  fixture_key (fixture, GDK_KEY_4, 0);
  fixture_key (fixture, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  fixture_key (fixture, GDK_KEY_5, 0);

  first = stored_label (fixture, 0, 3);
  second = stored_label (fixture, 4, 11);
  g_assert_cmpstr (first, ==, "Foreign government");
  g_assert_cmpstr (second, ==, "Analyst / source");
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans + 2);
}

/* Menu and Shift+F10 open the labels for the dragged text, a few letters
 * and Enter pick one; Escape closes the list and labels nothing. */
static void
test_menu_key_opens_labels (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *accelerator = user_data;
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  guint n_spans = count_all_stored (fixture);
  GtkPopover *popover;

  fixture_drag_over (fixture, "Velayati");

  gloss_test_input_accel (GTK_WIDGET (fixture->window), accelerator);

  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);

  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape, 0);
  wait_for_closed (popover);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans);

  /* Escape left the selection: the key opens the list again. */

  gloss_test_input_accel (GTK_WIDGET (fixture->window), accelerator);
  g_assert_true (wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER) == popover);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "secur");
  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Return, 0);

  wait_for_closed (popover);
  g_assert_cmpuint (count_stored (fixture, start, end, "Security establishment"), ==, 1);
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));
}

/* In the label list, the keyboard's row is the one Enter and Space pick:
 * Down from the field goes to the first label, Down again to the second;
 * Tab then Down does the same. (Enter took the first label whatever row
 * the keyboard was on.) */
static void
test_menu_key_row_by_keys (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *phrases[] = { "Velayati", "Canal", "Tehran" };
  const guint keys[][4] = {
    { GDK_KEY_Down, GDK_KEY_Down, GDK_KEY_Return, 0 },
    { GDK_KEY_Tab, GDK_KEY_Down, GDK_KEY_Return, 0 },
    { GDK_KEY_Down, GDK_KEY_Down, GDK_KEY_Down, GDK_KEY_space },
  };
  const char *expected[] = { "Hardline camp", "Hardline camp", "Security establishment" };

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      gint64 start = fixture_find_phrase (fixture, phrases[i]);
      gint64 end = fixture_phrase_end (fixture, phrases[i]);
      GtkPopover *popover;

      fixture_drag_over (fixture, phrases[i]);
      gloss_test_input_accel (GTK_WIDGET (fixture->window), "Menu");
      popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
      for (guint k = 0; k < G_N_ELEMENTS (keys[i]) && keys[i][k] != 0; k++)
        gloss_test_input_key (GTK_WIDGET (fixture->window), keys[i][k], 0);

      wait_for_closed (popover);
      g_assert_cmpuint (count_stored (fixture, start, end, expected[i]), ==, 1);
      g_assert_cmpuint (count_stored (fixture, start, end, "Reformist camp"), ==, 0);
    }
}

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The GtkLabel under WIDGET that reads TEXT, if any. */
static GtkWidget *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The label list inside POPOVER. */
static GtkListBox *
popover_list (GtkPopover *popover)
{
  GtkWidget *list = find_list_box (GTK_WIDGET (popover));

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

/* The name of the label the list shows highlighted: the one Enter takes. */
static const char *
highlighted_label (GtkPopover *popover)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (popover_list (popover));

  return row != NULL ? gtk_widget_get_tooltip_text (GTK_WIDGET (row)) : NULL;
}

/* A few letters and Enter take the best match, not the first label that
 * holds the letters: a name that starts with them, then a word of a name
 * that does, then the rest. The list shows that label highlighted before
 * Enter. ("for" took "Reformist camp", listed above "Foreign
 * government"; "e" took "Reformist camp" before "Security
 * establishment".) */
static void
test_menu_key_best_match (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *phrases[] = { "Velayati", "Zangezur Corridor", "Panama Canal" };
  const char *typed[] = { "for", "e", "FOREIGN" };
  const char *expected[] = { "Foreign government", "Security establishment",
                             "Foreign government" };

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      gint64 start = fixture_find_phrase (fixture, phrases[i]);
      gint64 end = fixture_phrase_end (fixture, phrases[i]);
      GtkPopover *popover;

      g_test_message ("Typing “%s” for “%s”", typed[i], phrases[i]);
      fixture_drag_over (fixture, phrases[i]);
      gloss_test_input_accel (GTK_WIDGET (fixture->window), "Menu");
      popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
      /* Before any letter, Enter would take the first label: it shows so. */
      g_assert_cmpstr (highlighted_label (popover), ==, "Reformist camp");
      gloss_test_input_type (GTK_WIDGET (fixture->window), typed[i]);
      gloss_test_input_settle (GTK_WIDGET (fixture->window));
      g_assert_cmpstr (highlighted_label (popover), ==, expected[i]);
      gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Return, 0);

      wait_for_closed (popover);
      g_assert_cmpuint (count_stored (fixture, start, end, expected[i]), ==, 1);
      g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 1);
    }
}

/* Down from the field puts the focus, shown, on the first label listed,
 * which is the one highlighted; Down again moves both on, and Enter takes
 * that label. (The first Down showed no focus: only the second did.) */
static void
test_menu_key_down_shows_focus (Fixture       *fixture,
                                gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  GtkPopover *popover;
  GtkWidget *focus;

  fixture_drag_over (fixture, "Velayati");
  gloss_test_input_accel (GTK_WIDGET (fixture->window), "Menu");
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "camp");

  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Down, 0);
  focus = fixture_focus (fixture);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_has_visible_focus (focus));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Reformist camp");
  g_assert_cmpstr (highlighted_label (popover), ==, "Reformist camp");

  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Down, 0);
  focus = fixture_focus (fixture);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_has_visible_focus (focus));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Hardline camp");
  g_assert_cmpstr (highlighted_label (popover), ==, "Hardline camp");

  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Return, 0);
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored (fixture, start, end, "Hardline camp"), ==, 1);
  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 1);
}

/* The key a row shows, typed into the empty field, applies that label,
 * as it does on the text; a key a label's name starts with begins a
 * filter instead. Letters that match nothing say so, and Enter then
 * labels nothing. (A "3" filtered the list to nothing.) */
static void
test_menu_key_label_keys (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  gint64 canal = fixture_find_phrase (fixture, "Panama Canal");
  gint64 canal_end = fixture_phrase_end (fixture, "Panama Canal");
  gint64 route = fixture_find_phrase (fixture, "Trump Route");
  gint64 route_end = fixture_phrase_end (fixture, "Trump Route");
  g_autoptr(GlossLabel) third = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list;
  GtkWidget *placeholder;
  GtkPopover *popover;
  guint n_spans;

  fixture_drag_over (fixture, "Velayati");
  gloss_test_input_accel (GTK_WIDGET (fixture->window), "Menu");
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "3");
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored (fixture, start, end, "Security establishment"), ==, 1);
  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 1);

  /* Nothing matches: the list says so, Enter labels nothing, Escape
   * closes it. */
  n_spans = count_all_stored (fixture);
  fixture_drag_over (fixture, "Trump Route");
  gloss_test_input_accel (GTK_WIDGET (fixture->window), "Menu");
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "xyz");
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  list = popover_list (popover);
  placeholder = find_label_with_text (GTK_WIDGET (list), "No matching label");
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_get_mapped (placeholder));
  g_assert_null (highlighted_label (popover));
  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Return, 0);
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape, 0);
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored (fixture, route, route_end, NULL), ==, 0);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans);

  /* A label named after the key: "3" begins the filter, and Enter takes
   * that label. */
  third = gloss_store_add_label (fixture->store, "3rd parties", "#808080", NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  fixture_drag_over (fixture, "Panama Canal");
  gloss_test_input_accel (GTK_WIDGET (fixture->window), "Menu");
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "3");
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (highlighted_label (popover), ==, "3rd parties");
  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Return, 0);
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored (fixture, canal, canal_end, "3rd parties"), ==, 1);
  g_assert_cmpuint (count_stored (fixture, canal, canal_end, NULL), ==, 1);
}

/* Where PHRASE starts in the paragraph that begins with PARAGRAPH. */
static gint64
find_in_paragraph (Fixture    *fixture,
                   const char *paragraph,
                   const char *phrase)
{
  g_autofree char *text = gloss_document_view_dup_document_text (fixture->view);
  const char *in = strstr (text, paragraph);
  const char *found;

  g_assert_nonnull (in);
  found = strstr (in, phrase);
  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

/* Presses and lets go of each key of TEXT, or of KEYVAL when TEXT is NULL,
 * as xdotool does: one after the other, without waiting for the window. */
static void
send_keys (const char *text,
           guint       keyval)
{
  Display *display = gloss_test_input_display ();
  const char *p = text;
  gboolean needs_shift;

  do
    {
      guint key = p != NULL ? gdk_unicode_to_keyval (g_utf8_get_char (p)) : keyval;
      KeyCode keycode = gloss_test_input_keycode (key, &needs_shift);

      g_assert_false (needs_shift);
      XTestFakeKeyEvent (display, keycode, True, CurrentTime);
      XTestFakeKeyEvent (display, keycode, False, CurrentTime);
      if (p != NULL)
        p = g_utf8_next_char (p);
    }
  while (p != NULL && *p != '\0');
  XFlush (display);
}

/* The text's label list, open or not: made when first opened. */
static GtkPopover *
find_label_popover (Fixture *fixture)
{
  GtkWidget *popover = gloss_test_find_widget (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);

  g_assert_nonnull (popover);
  return GTK_POPOVER (popover);
}

/* The Menu key, a few letters and Enter label the text dragged over, word
 * after word of the second paragraph. The text stays selected while the
 * list is open (the field, not emptied of the last filter, took the X
 * primary selection from it as the list opened), the keys may come as
 * quickly as xdotool sends them, before the list is on the screen, and
 * the drag after the list closed, where its shadow was, is a drag in the
 * text (the hidden list took it). Escape then a new drag as well. */
static void
test_menu_key_in_second_paragraph (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  static const char *const words[] = {
    "downplays", "Pezeshkian", "alarmist", "narratives", "corridor", "concerns",
    "territorial", "integrity", "Europe", "north",
  };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gint64 start = find_in_paragraph (fixture, "The split in Iran", words[i]);
      gint64 end = start + g_utf8_strlen (words[i], -1);
      gint64 buffer_start = fixture_buffer_offset (fixture, start);
      gint64 buffer_end = fixture_buffer_offset (fixture, end);
      GtkPopover *popover;

      g_test_message ("Labeling “%s”", words[i]);
      gloss_test_input_drag_text (fixture->text_view, buffer_start, buffer_end);
      g_assert_true (gtk_text_buffer_get_has_selection (buffer));
      send_keys (NULL, GDK_KEY_Menu);
      if (i % 3 == 2)
        {
          /* All at once, as a script types. */
          send_keys ("refor", 0);
          send_keys (NULL, GDK_KEY_Return);
          gloss_test_input_settle (GTK_WIDGET (fixture->window));
          popover = find_label_popover (fixture);
        }
      else
        {
          popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
          /* What a person sees before typing: the list, under the text
           * still selected. */
          g_assert_true (gtk_text_buffer_get_has_selection (buffer));
          if (i % 3 == 1)
            {
              send_keys (NULL, GDK_KEY_Escape);
              wait_for_closed (popover);
              gloss_test_input_drag_text (fixture->text_view, buffer_start, buffer_end);
              g_assert_true (gtk_text_buffer_get_has_selection (buffer));
              send_keys (NULL, GDK_KEY_Menu);
              popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
            }
          send_keys ("refor", 0);
          send_keys (NULL, GDK_KEY_Return);
        }
      wait_for_closed (popover);

      g_assert_cmpuint (count_stored (fixture, start, end, "Reformist camp"), ==, 1);
      g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));
    }
}

/* Escape closes the list, so that the next click on the text is a click
 * on the text, not on a label in a list left open over it. */
static void
test_escape_then_click (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 velayati = fixture_find_phrase (fixture, "Velayati");
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  g_autoptr(GPtrArray) before = read_stored_spans (fixture->path, fixture->document_id);
  g_autoptr(GPtrArray) after = NULL;
  GtkPopover *popover;

  fixture_click (fixture, start + 3);
  fixture_key (fixture, GDK_KEY_Menu, 0);
  /* On a span, Menu offers the span's menu; Change Label opens the list. */
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  fixture_key (fixture, GDK_KEY_Escape, 0);
  wait_for_closed (popover);

  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_Menu, 0);
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  fixture_key (fixture, GDK_KEY_Escape, 0);
  wait_for_closed (popover);

  /* Clicks under where the list was: on the text below the selection. */
  for (gint64 offset = velayati + 10; offset < velayati + 200; offset += 40)
    fixture_click (fixture, offset);

  after = read_stored_spans (fixture->path, fixture->document_id);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (((StoredSpan *) after->pdata[i])->label, ==,
                     ((StoredSpan *) before->pdata[i])->label);
  g_assert_cmpuint (count_stored (fixture, start, end, "Hardline camp"), ==, 1);
}

static gint64
add_document (Fixture    *fixture,
              const char *name,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_add_document (fixture->store, name, text, name, &error);

  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  return id;
}

/* Ctrl+Page Down opens the next unfinished document, from the text and
 * from the document list. */
static void
test_next_unfinished (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 second = add_document (fixture, "second.txt", "A second text, not done yet.");
  gint64 third = add_document (fixture, "third.txt", "A third text, not done either.");
  GtkWidget *list = fixture_child (fixture, "document_list_view");
  gint64 first = fixture->document_id;
  gint64 now;

  fixture_click (fixture, 5);
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, first);
  fixture_key (fixture, GDK_KEY_Page_Down, GDK_CONTROL_MASK);
  now = gloss_document_view_get_document_id (fixture->view);
  g_assert_true (now == second || now == third);
  g_assert_cmpint (now, !=, first);

  /* From the list: a click on the open document's row puts the focus
   * there; Ctrl+Page Down moves on from it. */
  {
    GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
    guint position = 0;
    GtkWidget *row;
    graphene_rect_t bounds;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
      if (gtk_selection_model_is_selected (model, i))
        position = i;
    /* Rows are the list's children, in order. */
    row = gtk_widget_get_first_child (list);
    for (guint i = 0; i < position && row != NULL; i++)
      row = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_compute_bounds (row, list, &bounds));
    gloss_test_input_click (list, bounds.origin.x + bounds.size.width / 2,
                            bounds.origin.y + bounds.size.height / 2);
  }
  g_assert_true (focus_in (fixture, list));
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, now);
  fixture_key (fixture, GDK_KEY_Page_Down, GDK_CONTROL_MASK);
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), !=, now);
}

/* The name of DOCUMENT_ID in the project file, read with a connection of
 * its own. */
static char *
stored_document_name (Fixture *fixture,
                      gint64   document_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM documents WHERE id = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return name;
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
message_dialog_is_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
message_dialog_is_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* F2 asks for the open document's new name; the name typed and Enter
 * store it, and the title shows it. */
static void
test_f2_renames_document (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *name = NULL;
  GtkWindow *dialog;

  fixture_click (fixture, 5);
  fixture_key (fixture, GDK_KEY_F2, 0);
  gloss_test_wait_until (message_dialog_is_shown, NULL, "the Rename Document dialog");
  dialog = find_message_dialog ();
  gloss_test_input_present (dialog);
  gloss_test_input_accel (GTK_WIDGET (dialog), "<Control>a");
  gloss_test_input_type (GTK_WIDGET (dialog), "renamed");
  gloss_test_input_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  gloss_test_wait_until (message_dialog_is_gone, NULL, "the dialog to close");

  name = stored_document_name (fixture, fixture->document_id);
  g_assert_cmpstr (name, ==, "renamed");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "input-keys");

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/keys/drag-and-key-labels", NULL, test_drag_and_key_labels);
  ADD ("/gloss/input/keys/drag-shows-whole-words", NULL, test_drag_shows_whole_words);
  ADD ("/gloss/input/keys/drag-from-inside-selection", NULL, test_drag_from_inside_selection);
  ADD ("/gloss/input/keys/click-and-key-relabels", NULL, test_click_and_key_relabels);
  ADD ("/gloss/input/keys/delete", GUINT_TO_POINTER (GDK_KEY_Delete), test_key_deletes_clicked_span);
  ADD ("/gloss/input/keys/kp-delete", GUINT_TO_POINTER (GDK_KEY_KP_Delete),
       test_key_deletes_clicked_span);
  ADD ("/gloss/input/keys/backspace", GUINT_TO_POINTER (GDK_KEY_BackSpace),
       test_key_deletes_clicked_span);
  ADD ("/gloss/input/keys/undo-redo", NULL, test_undo_redo_keys);
  ADD ("/gloss/input/keys/f8", NULL, test_f8_walks_spans);
  ADD ("/gloss/input/keys/keyboard-word-after-word", NULL, test_keyboard_labels_word_after_word);
  ADD ("/gloss/input/keys/menu", "Menu", test_menu_key_opens_labels);
  ADD ("/gloss/input/keys/shift-f10", "<Shift>F10", test_menu_key_opens_labels);
  ADD ("/gloss/input/keys/menu-row-by-keys", NULL, test_menu_key_row_by_keys);
  ADD ("/gloss/input/keys/menu-best-match", NULL, test_menu_key_best_match);
  ADD ("/gloss/input/keys/menu-down-shows-focus", NULL, test_menu_key_down_shows_focus);
  ADD ("/gloss/input/keys/menu-label-keys", NULL, test_menu_key_label_keys);
  ADD ("/gloss/input/keys/menu-second-paragraph", NULL, test_menu_key_in_second_paragraph);
  ADD ("/gloss/input/keys/escape-then-click", NULL, test_escape_then_click);
  ADD ("/gloss/input/keys/next-unfinished", NULL, test_next_unfinished);
  ADD ("/gloss/input/keys/f2-renames-document", NULL, test_f2_renames_document);

#undef ADD

  return gloss_test_ui_run (data_home);
}
