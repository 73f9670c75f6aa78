/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What README.md promises for the mouse, with a real mouse: every click,
 * right click and drag goes through the X server (XTestFakeButtonEvent and
 * XTestFakeMotionEvent, in gloss-test-input.h) and GTK's whole input path.
 * Each test then reads the project file. */

#include "config.h"

#include "gloss-label-popover.h"
#include "gloss-search-bar.h"
#include "gloss-test-window.h"

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* Clicks the item of POPOVER whose label reads TEXT. */
static void
click_menu_item (GtkPopover *popover,
                 const char *text)
{
  GtkWidget *label = gloss_test_find_widget_where (GTK_WIDGET (popover), has_label_text, text);

  g_assert_nonnull (label);
  gloss_test_input_click_widget (label);
}

/* Right-clicks the span at PHRASE (not selected before) and waits for its
 * menu. */
static GtkPopover *
right_click_span (Fixture    *fixture,
                  const char *phrase)
{
  gint64 start = fixture_find_phrase (fixture, phrase);
  gint64 selected_start, selected_end;

  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
  fixture_right_click (fixture, start + 2);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  g_assert_cmpint (selected_end, ==, fixture_phrase_end (fixture, phrase));

  return wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
}

/* Right click, Remove Span. */
static void
test_right_click_remove (Fixture       *fixture,
                         gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  GtkPopover *menu = right_click_span (fixture, "Ali Khamenei");

  click_menu_item (menu, "Remove Span");
  wait_for_closed (menu);
  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 0);
}

/* Right click, Change Label…, a few letters and Enter. */
static void
test_right_click_change_label (Fixture       *fixture,
                               gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  GtkPopover *menu = right_click_span (fixture, "Ali Khamenei");
  GtkPopover *labels;
  g_autofree char *label = NULL;

  click_menu_item (menu, "Change Label…");
  labels = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "analy");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (labels);

  label = stored_label (fixture, start, end);
  g_assert_cmpstr (label, ==, "Analyst / source");
}

/* Right click, Add Note: the focus goes to the note, Enter stores it. */
static void
test_right_click_add_note (Fixture       *fixture,
                           gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  GtkPopover *menu = right_click_span (fixture, "Ali Khamenei");
  GtkWidget *note_entry = fixture_child (fixture, "note_entry");
  g_autoptr(GPtrArray) spans = NULL;
  gboolean found = FALSE;

  click_menu_item (menu, "Add Note");
  wait_for_closed (menu);
  g_assert_true (focus_in (fixture, note_entry));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "checked");
  fixture_key (fixture, GDK_KEY_Return, 0);

  spans = read_stored_spans (fixture->path, fixture->document_id);
  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start)
        {
          g_assert_cmpstr (span->note, ==, "checked");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* The row widget of the Spans list at POSITION. */
static GtkWidget *
span_row (Fixture *fixture,
          guint    position)
{
  GtkWidget *list = fixture_child (fixture, "span_list_view");
  GtkWidget *row = gtk_widget_get_first_child (list);

  for (guint i = 0; i < position && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

static GlossSpan *
span_at (Fixture *fixture,
         guint    position)
{
  GlossSpan *span = g_list_model_get_item (gloss_document_view_get_spans (fixture->view),
                                           position);

  g_object_unref (span);
  return span;
}

static gboolean
list_selects_second_row (gpointer data)
{
  GtkListView *list = data;

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)))
         == 1;
}

static gboolean
is_shown_menu (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_POPOVER_MENU (widget) && gtk_widget_get_visible (widget);
}

/* Whether a menu of the text is up, or on its way up. */
static gboolean
span_menu_open (Fixture *fixture)
{
  return gloss_test_find_widget_where (GTK_WIDGET (fixture->view), is_shown_menu, NULL) != NULL;
}

/* A right click on text with no span under it never offers the menu of a
 * span selected before, far from the pointer, whose Remove Span would
 * remove that span: the span is let go, and nothing is offered. */
static void
test_right_click_plain_text (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GlossSpan *first = span_at (fixture, 0);
  gint64 first_start = gloss_span_get_start (first), first_end = gloss_span_get_end (first);
  gint64 plain = fixture_find_phrase (fixture, "could become") + 2;

  g_assert_null (gloss_document_view_get_span_at (fixture->view, plain));
  gloss_test_input_click_widget (span_row (fixture, 0));
  g_assert_nonnull (gloss_document_view_get_selected_span (fixture->view));

  fixture_right_click (fixture, plain);
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_false (span_menu_open (fixture));
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
  g_assert_cmpuint (count_stored (fixture, first_start, first_end, NULL), ==, 1);
}

/* A click on a row of the Spans list selects its span and leaves the focus
 * in the list, where Delete removes it and the next row comes up selected
 * for the next Delete. */
static void
test_span_list_delete (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "span_list_view");
  GlossSpan *second = span_at (fixture, 1);
  GlossSpan *third = span_at (fixture, 2);
  gint64 second_start = gloss_span_get_start (second), second_end = gloss_span_get_end (second);
  gint64 third_start = gloss_span_get_start (third), third_end = gloss_span_get_end (third);
  guint n_spans = count_all_stored (fixture);
  gint64 start, end;

  gloss_test_input_click_widget (span_row (fixture, 1));
  g_assert_true (focus_in (fixture, list));
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, second_start);
  g_assert_cmpint (end, ==, second_end);

  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored (fixture, second_start, second_end, NULL), ==, 0);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans - 1);

  /* The next span is selected, in the text and the list. */
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, third_start);
  g_assert_cmpint (end, ==, third_end);
  /* The list hears of the removal from its model, which a busy machine
   * may let come a frame after the text's selection. */
  gloss_test_input_wait_until (list_selects_second_row, list, "the list to select its second row");
  g_assert_true (focus_in (fixture, list));

  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored (fixture, third_start, third_end, NULL), ==, 0);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans - 2);
}

/* A click on a row of the Spans list selects its span and moves no row:
 * with no span selected first, the row stays under the pointer, so a
 * right click there next is on the same span. */
static void
test_span_list_rows_stay (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *row;
  graphene_point_t before, after;

  gloss_document_view_select_span (fixture->view, NULL);
  gloss_test_wait_for_frames ();
  row = span_row (fixture, 1);
  g_assert_true (gtk_widget_compute_point (row, window, &GRAPHENE_POINT_INIT (0, 0), &before));
  gloss_test_input_click_widget (row);
  g_assert_true (gloss_document_view_get_selected_span (fixture->view) == span_at (fixture, 1));
  gloss_test_wait_for_frames ();
  g_assert_true (gtk_widget_compute_point (span_row (fixture, 1), window,
                                           &GRAPHENE_POINT_INIT (0, 0), &after));
  g_assert_cmpfloat (after.y, ==, before.y);
}

/* The list selects on a click, not under a resting pointer: after a
 * Delete from the list the rows move up, and the pointer, now over the
 * next row but one, must not take the list's selection from the span the
 * text shows, which the next Delete removes. */
static void
test_span_list_pointer_rests (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "span_list_view");
  GlossSpan *third = span_at (fixture, 2);
  GlossSpan *fourth = span_at (fixture, 3);
  gint64 third_start = gloss_span_get_start (third), third_end = gloss_span_get_end (third);
  gint64 fourth_start = gloss_span_get_start (fourth), fourth_end = gloss_span_get_end (fourth);
  GtkWidget *row;
  gint64 start, end;

  gloss_test_input_click_widget (span_row (fixture, 1));
  fixture_key (fixture, GDK_KEY_Delete, 0);
  gloss_test_input_wait_until (list_selects_second_row, list, "the list to select its second row");

  /* The hand drifts down onto the next row, without a click. */
  row = span_row (fixture, 2);
  gloss_test_input_hover (row, gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
  g_assert_true (list_selects_second_row (list));
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, third_start);
  g_assert_cmpint (end, ==, third_end);

  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored (fixture, third_start, third_end, NULL), ==, 0);
  g_assert_cmpuint (count_stored (fixture, fourth_start, fourth_end, NULL), ==, 1);
}

/* Down and Up in the list move the selection, and the text's goes with
 * it: the inspector and the next key are about the row the list shows. */
static void
test_span_list_arrow_keys (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GlossSpan *second = span_at (fixture, 1);
  gint64 second_start = gloss_span_get_start (second), second_end = gloss_span_get_end (second);
  gint64 start, end;

  gloss_test_input_click_widget (span_row (fixture, 0));
  fixture_key (fixture, GDK_KEY_Down, 0);
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, second_start);
  g_assert_cmpint (end, ==, second_end);

  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored (fixture, second_start, second_end, NULL), ==, 0);
}

/* A right click on a row of the Spans list offers the span's menu. */
static void
test_span_list_menu (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "span_list_view");
  GlossSpan *first = span_at (fixture, 0);
  gint64 first_start = gloss_span_get_start (first), first_end = gloss_span_get_end (first);
  GtkWidget *row = span_row (fixture, 0);
  GtkPopover *menu;

  gloss_test_input_right_click (row, gtk_widget_get_width (row) / 2.0,
                                gtk_widget_get_height (row) / 2.0);
  menu = wait_for_popover (list, GTK_TYPE_POPOVER_MENU);
  click_menu_item (menu, "Remove Span");
  wait_for_closed (menu);
  g_assert_cmpuint (count_stored (fixture, first_start, first_end, NULL), ==, 0);

  /* And the context menu key, from the list. */
  gloss_test_input_click_widget (span_row (fixture, 0));
  first = span_at (fixture, 0);
  first_start = gloss_span_get_start (first);
  first_end = gloss_span_get_end (first);
  fixture_key (fixture, GDK_KEY_Menu, 0);
  menu = wait_for_popover (list, GTK_TYPE_POPOVER_MENU);
  click_menu_item (menu, "Remove Span");
  wait_for_closed (menu);
  g_assert_cmpuint (count_stored (fixture, first_start, first_end, NULL), ==, 0);
}

/* The inspector's button removes the selected span. */
static void
test_inspector_remove (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ahmad Alili");
  gint64 end = fixture_phrase_end (fixture, "Ahmad Alili");
  GtkWidget *button = fixture_child (fixture, "remove_span_button");

  fixture_click (fixture, start + 1);
  g_assert_true (gtk_widget_get_mapped (button));
  gloss_test_input_click_widget (button);

  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 0);
  g_assert_false (gtk_widget_get_mapped (button));
}

/* A click on a span selects it, also while other text is still selected
 * from before and the focus is in a list. */
static void
test_click_span_after_selection (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "document_list_view");
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 selected_start, selected_end;

  fixture_drag_over (fixture, "Velayati");
  g_assert_true (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (fixture->text_view)));
  gloss_test_input_click_widget (gtk_widget_get_first_child (list));
  g_assert_true (focus_in (fixture, list));

  fixture_click (fixture, start + 2);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  g_assert_cmpint (selected_end, ==, fixture_phrase_end (fixture, "Ali Khamenei"));

  /* And its key relabels it. */
  fixture_key (fixture, GDK_KEY_5, 0);
  g_assert_cmpuint (count_stored (fixture, start, selected_end, "Analyst / source"), ==, 1);
}

/* The same label on the same characters again selects the span there, and
 * says so, rather than storing a duplicate. */
static void
test_same_label_twice (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Azerbaijan");
  gint64 end = fixture_phrase_end (fixture, "Azerbaijan");
  guint n_spans = count_all_stored (fixture);
  gint64 selected_start, selected_end;

  g_assert_cmpuint (count_stored (fixture, start, end, "Foreign government"), ==, 1);
  fixture_drag_over (fixture, "Azerbaijan");
  fixture_key (fixture, GDK_KEY_4, 0);

  g_assert_cmpuint (count_stored (fixture, start, end, "Foreign government"), ==, 1);
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  g_assert_cmpint (selected_end, ==, end);

  /* Another label on the same characters is a span of its own. */
  fixture_drag_over (fixture, "Azerbaijan");
  fixture_key (fixture, GDK_KEY_5, 0);
  g_assert_cmpuint (count_stored (fixture, start, end, NULL), ==, 2);
}

/* Labeling a document that the status filter then hides opens another
 * document; nothing of the first stays selected or drawn, and a label key
 * there does not reach back into the first. */
static void
test_filter_switches_document (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GtkDropDown *status_filter = fixture_child (fixture, "status_filter_dropdown");
  GtkWidget *inspector = fixture_child (fixture, "span_inspector");
  gint64 second, third;
  gint64 start, end;
  g_autoptr(GPtrArray) second_spans = NULL;
  g_autoptr(GPtrArray) third_spans = NULL;

  second = gloss_store_add_document (fixture->store, "second.txt",
                                     "Ahmad Alili heads the Caucasus Center.", "second.txt", &error);
  g_assert_no_error (error);
  third = gloss_store_add_document (fixture->store, "third.txt",
                                    "Nothing here is labeled yet, Ahmad.", "third.txt", &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  /* Show the new documents only (the filter's second choice). */
  gtk_drop_down_set_selected (status_filter, 1);
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  fixture->document_id = gloss_document_view_get_document_id (fixture->view);
  g_assert_true (fixture->document_id == second || fixture->document_id == third);
  if (fixture->document_id != second)
    {
      /* Open the second from its row. */
      GtkWidget *list = fixture_child (fixture, "document_list_view");
      GtkWidget *row = gtk_widget_get_first_child (list);

      while (gloss_document_view_get_document_id (fixture->view) != second && row != NULL)
        {
          gloss_test_input_click_widget (row);
          row = gtk_widget_get_next_sibling (row);
        }
      fixture->document_id = second;
    }
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, second);

  start = fixture_find_phrase (fixture, "Ahmad Alili");
  end = fixture_phrase_end (fixture, "Ahmad Alili");
  fixture_drag_over (fixture, "Ahmad Alili");
  fixture_key (fixture, GDK_KEY_5, 0);
  g_assert_cmpuint (count_stored (fixture, start, end, "Analyst / source"), ==, 1);

  /* In progress now, so out of the filter: the third is open. */
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, third);
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
  g_assert_false (gtk_widget_get_visible (inspector));

  fixture_key (fixture, GDK_KEY_2, 0);
  second_spans = read_stored_spans (fixture->path, second);
  g_assert_cmpuint (second_spans->len, ==, 1);
  g_assert_cmpstr (((StoredSpan *) second_spans->pdata[0])->label, ==, "Analyst / source");
  third_spans = read_stored_spans (fixture->path, third);
  g_assert_cmpuint (third_spans->len, ==, 0);
}

static gboolean
count_shown_rows (GtkWidget     *widget,
                  gconstpointer  count)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_child_visible (widget))
    (*(guint *) count)++;
  return FALSE;
}

static gboolean
one_row_shown (gpointer popover)
{
  guint count = 0;

  gloss_test_find_widget_where (popover, count_shown_rows, &count);
  return count == 1;
}

/* The label list keeps its size while a filter narrows it, and a long
 * label name does not stretch it past the window. */
static void
test_popover_size (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabel) long_label = NULL;
  GtkPopover *popover;
  int height, width;

  long_label = gloss_store_add_label (fixture->store,
                                      "Regional think tanks, institutes and research centres "
                                      "quoted by name in the press of the South Caucasus",
                                      "#33d17a", "", "", &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  fixture_drag_over (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_Menu, 0);
  popover = wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
  height = gtk_widget_get_height (GTK_WIDGET (popover));
  width = gtk_widget_get_width (GTK_WIDGET (popover));
  g_assert_cmpint (width, <=, 420);

  gloss_test_input_type (GTK_WIDGET (fixture->window), "hard");
  gloss_test_input_wait_until (one_row_shown, popover, "the filter to leave one label");
  gloss_test_input_settle (GTK_WIDGET (popover));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (popover)), >=, height);

  gloss_test_input_key (GTK_WIDGET (fixture->window), GDK_KEY_Escape, 0);

  wait_for_closed (popover);
}

/* The row of the Labels sidebar whose label is NAME, on the screen. */
static GtkWidget *
label_row (Fixture    *fixture,
           const char *name)
{
  GtkWidget *list = fixture_child (fixture, "label_list_view");
  GtkWidget *text = gloss_test_find_widget_where (list, has_label_text, name);
  GtkWidget *row = text;

  g_assert_nonnull (text);
  while (row != NULL && gtk_widget_get_parent (row) != list)
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  return row;
}

/* A drag over a name, then a click on a label in the sidebar: the name
 * gets that label, and the focus goes back to the text for the next one. */
static void
test_sidebar_label_click (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Velayati");
  gint64 end = fixture_phrase_end (fixture, "Velayati");
  guint n_spans = count_all_stored (fixture);
  g_autofree char *label = NULL;

  g_assert_null (stored_label (fixture, start, end));
  fixture_drag_over (fixture, "Velayati");
  gloss_test_input_click_widget (label_row (fixture, "Security establishment"));

  label = stored_label (fixture, start, end);
  g_assert_cmpstr (label, ==, "Security establishment");
  g_assert_cmpuint (count_all_stored (fixture), ==, n_spans + 1);
  g_assert_true (focus_in (fixture, GTK_WIDGET (fixture->view)));
}

/* The pointer resting on a span shows a tooltip naming its label and its
 * text. */
static void
test_hover_tooltip (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  TooltipSearch search = { GTK_WIDGET (fixture->window), "Hardline camp: “Ali Khamenei”" };
  double x, y;

  gloss_test_input_text_point_settled (fixture->text_view, fixture_buffer_offset (fixture,
                                                                                  start + 2),
                                       0.5, &x, &y);
  gloss_test_input_hover (GTK_WIDGET (fixture->text_view), x, y);
  gloss_test_input_wait_until (tooltip_shown, &search, "the span's tooltip");
}

/* The pointer rests on a span until its tooltip shows, then right-clicks
 * it: the span's menu opens without the tooltip over it, not even when the
 * hand moves a little on the span, and its Change Label… works. */
static void
test_no_tooltip_over_span_menu (Fixture       *fixture,
                                gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  gint64 end = fixture_phrase_end (fixture, "Ali Khamenei");
  TooltipSearch search = { GTK_WIDGET (fixture->window), "Hardline camp: “Ali Khamenei”" };
  GtkWidget *text = GTK_WIDGET (fixture->text_view);
  GtkPopover *menu;
  GtkPopover *labels;
  g_autofree char *label = NULL;
  double x, y;

  /* A menu opened and closed before, on another span. */
  menu = right_click_span (fixture, "Azerbaijan");
  fixture_key (fixture, GDK_KEY_Escape, 0);
  wait_for_closed (menu);
  gloss_document_view_select_span (fixture->view, NULL);

  gloss_test_input_text_point_settled (fixture->text_view, fixture_buffer_offset (fixture,
                                                                                  start + 2),
                                       0.5, &x, &y);
  gloss_test_input_hover (text, x - 1, y);
  gloss_test_input_hover (text, x, y);
  gloss_test_input_wait_until (tooltip_shown, &search, "the span's tooltip");

  gloss_test_input_right_click (text, x, y);
  menu = wait_for_popover (text, GTK_TYPE_POPOVER_MENU);
  gloss_test_input_wait_until (tooltip_gone, &search, "the tooltip to go");
  gloss_test_input_hover (text, x + 2, y);
  gloss_test_input_hover (text, x + 1, y + 1);
  g_assert_false (tooltip_shown (&search));
  /* Not for a while either: the text asks for no tooltip while its menu
   * is open. */
  g_assert_false (gtk_widget_get_has_tooltip (text));
  g_assert_true (is_on_screen (GTK_WIDGET (menu)));

  click_menu_item (menu, "Change Label…");
  labels = wait_for_popover (text, GLOSS_TYPE_LABEL_POPOVER);
  g_assert_false (tooltip_shown (&search));
  g_assert_false (gtk_widget_get_has_tooltip (text));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "analy");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (labels);

  label = stored_label (fixture, start, end);
  g_assert_cmpstr (label, ==, "Analyst / source");

  /* Closed, the menus give the span its tooltip back. */
  gloss_test_input_hover (text, x - 1, y);
  gloss_test_input_hover (text, x, y);
  search.text = "Analyst / source: “Ali Khamenei”";
  gloss_test_input_wait_until (tooltip_shown, &search, "the span's tooltip again");
}

/* A row of the Label All list: a dot in the label's color, then its name. */
static gboolean
is_label_all_row (GtkWidget     *widget,
                  gconstpointer  name)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  text = g_strconcat ("● ", name, NULL);
  return g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
has_three_matches (gpointer bar)
{
  return gloss_search_bar_get_n_matches (bar) == 3;
}

/* Ctrl+F, a word, Label All and a label: every place of the word gets
 * that label in the project file. */
static void
test_find_bar_label_all (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GlossSearchBar *bar = fixture_child (fixture, "search_bar");
  g_autofree char *text = gloss_document_view_dup_document_text (fixture->view);
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                 GLOSS_TYPE_SEARCH_BAR,
                                                                 "label_all_button"));
  GtkPopover *popover;
  GtkWidget *row;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  glong length = g_utf8_strlen ("Azerbaijan", -1);

  for (const char *found = strstr (text, "Azerbaijan"); found != NULL;
       found = strstr (found + 1, "Azerbaijan"))
    {
      gint64 start = g_utf8_pointer_to_offset (text, found);

      g_assert_cmpuint (count_stored (fixture, start, start + length, "Analyst / source"), ==, 0);
      g_array_append_val (starts, start);
    }
  g_assert_cmpuint (starts->len, ==, 3);

  fixture_click (fixture, 0);
  fixture_open_find (fixture);
  g_assert_true (gloss_search_bar_is_open (bar));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "Azerbaijan");
  gloss_test_input_wait_until (has_three_matches, bar, "the three matches");

  gloss_test_input_click_widget (button);
  popover = wait_for_popover (GTK_WIDGET (bar), GTK_TYPE_POPOVER);
  row = gloss_test_find_widget_where (GTK_WIDGET (popover), is_label_all_row, "Analyst / source");
  g_assert_nonnull (row);
  gloss_test_input_click_widget (row);
  wait_for_closed (popover);

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 start = g_array_index (starts, gint64, i);

      g_assert_cmpuint (count_stored (fixture, start, start + length, "Analyst / source"), ==, 1);
    }
  g_array_unref (starts);
}

typedef struct
{
  GlossSearchBar *bar;
  guint n;
} MatchCount;

static gboolean
has_n_matches (gpointer data)
{
  MatchCount *count = data;

  return gloss_search_bar_get_n_matches (count->bar) == count->n;
}

/* Find finds "Iran" inside "Iranian" too; Label All, with snapping to
 * whole words on (the default), labels the whole-word matches ("Iran’s"
 * among them) and leaves the one inside a word, and its toast says so. */
static void
test_label_all_whole_words (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GlossSearchBar *bar = fixture_child (fixture, "search_bar");
  g_autofree char *text = gloss_document_view_dup_document_text (fixture->view);
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                 GLOSS_TYPE_SEARCH_BAR,
                                                                 "label_all_button"));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (gint64));
  MatchCount count = { bar, 0 };
  GtkPopover *popover;

  for (const char *found = strstr (text, "Iran"); found != NULL; found = strstr (found + 1, "Iran"))
    {
      gint64 start = g_utf8_pointer_to_offset (text, found);

      g_array_append_val (g_ascii_isalnum (found[4]) ? inside : whole, start);
      count.n++;
    }
  g_assert_cmpuint (whole->len, >=, 3);
  g_assert_cmpuint (inside->len, ==, 1);

  fixture_click (fixture, 0);
  fixture_open_find (fixture);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "Iran");
  gloss_test_input_wait_until (has_n_matches, &count, "every match of Iran");

  gloss_test_input_click_widget (button);
  popover = wait_for_popover (GTK_WIDGET (bar), GTK_TYPE_POPOVER);
  gloss_test_input_click_widget (gloss_test_find_widget_where (GTK_WIDGET (popover),
                                                               is_label_all_row,
                                                               "Analyst / source"));
  wait_for_closed (popover);

  for (guint i = 0; i < whole->len; i++)
    {
      gint64 start = g_array_index (whole, gint64, i);

      g_assert_cmpuint (count_stored (fixture, start, start + 4, "Analyst / source"), ==, 1);
    }
  g_assert_cmpuint (count_stored (fixture, g_array_index (inside, gint64, 0),
                                  g_array_index (inside, gint64, 0) + 4, NULL), ==, 0);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->window),
                                      "(1 inside a word was left)", FALSE));
}

/* The note of the span starting at START in the project file. */
static char *
stored_note (Fixture *fixture,
             gint64   start)
{
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, fixture->document_id);

  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start)
        return g_strdup (span->note);
    }
  g_assert_not_reached ();
}

/* Clicks the span at PHRASE, then "Add a note…" in the inspector, and
 * types NOTE there without Enter. */
static void
type_note (Fixture    *fixture,
           const char *phrase,
           const char *note)
{
  GtkWidget *note_entry = fixture_child (fixture, "note_entry");
  gint64 start = fixture_find_phrase (fixture, phrase);
  gint64 selected_start, selected_end;

  fixture_click (fixture, start + 2);
  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, ==, start);
  gloss_test_input_settle (note_entry);
  gloss_test_input_click_widget (note_entry);
  g_assert_true (focus_in (fixture, note_entry));
  gloss_test_input_type (GTK_WIDGET (fixture->window), note);
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close") &&
         gtk_widget_get_mapped (widget);
}

static gboolean
is_destroyed (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* A note typed without Enter is stored when the window's close button
 * closes the window. */
static void
test_note_kept_on_close (Fixture       *fixture,
                         gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  GtkWidget *close_button = gloss_test_find_widget_where (GTK_WIDGET (fixture->window),
                                                          is_close_button, NULL);
  GtkWidget *closed = GTK_WIDGET (fixture->window);
  g_autofree char *before = stored_note (fixture, start);
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, !=, "unsaved");
  g_assert_nonnull (close_button);
  type_note (fixture, "Ali Khamenei", "unsaved");
  g_object_add_weak_pointer (G_OBJECT (closed), (gpointer *) &closed);
  /* A click by hand: the helper's wait after it needs the window. */
  gloss_test_input_move_to (close_button, gtk_widget_get_width (close_button) / 2.0,
                            gtk_widget_get_height (close_button) / 2.0);
  gloss_test_input_settle (close_button);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, True, CurrentTime);
  XTestFakeButtonEvent (gloss_test_input_display (), 1, False, CurrentTime);
  XFlush (gloss_test_input_display ());
  gloss_test_input_wait_until (is_destroyed, &closed, "the window to close");

  after = stored_note (fixture, start);
  g_assert_cmpstr (after, ==, "unsaved");

  /* The fixture's teardown closes a window of its own. */
  fixture_open_window (fixture);
}

/* F8 in the note moves to the next span and stores the note typed. */
static void
test_note_kept_on_f8 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 start = fixture_find_phrase (fixture, "Ali Khamenei");
  GtkWidget *note_entry = fixture_child (fixture, "note_entry");
  g_autofree char *after = NULL;
  gint64 selected_start, selected_end;

  type_note (fixture, "Ali Khamenei", "walked");
  fixture_key (fixture, GDK_KEY_F8, 0);

  selected_span_range (fixture, &selected_start, &selected_end);
  g_assert_cmpint (selected_start, >, start);
  after = stored_note (fixture, start);
  g_assert_cmpstr (after, ==, "walked");
  /* The inspector shows the next span's own note. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_entry)), !=, "walked");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "input-spans");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/spans/right-click-remove", test_right_click_remove);
  ADD ("/gloss/input/spans/right-click-change-label", test_right_click_change_label);
  ADD ("/gloss/input/spans/right-click-add-note", test_right_click_add_note);
  ADD ("/gloss/input/spans/right-click-plain-text", test_right_click_plain_text);
  ADD ("/gloss/input/spans/span-list-delete", test_span_list_delete);
  ADD ("/gloss/input/spans/span-list-rows-stay", test_span_list_rows_stay);
  ADD ("/gloss/input/spans/span-list-pointer-rests", test_span_list_pointer_rests);
  ADD ("/gloss/input/spans/span-list-arrow-keys", test_span_list_arrow_keys);
  ADD ("/gloss/input/spans/span-list-menu", test_span_list_menu);
  ADD ("/gloss/input/spans/inspector-remove", test_inspector_remove);
  ADD ("/gloss/input/spans/click-span-after-selection", test_click_span_after_selection);
  ADD ("/gloss/input/spans/same-label-twice", test_same_label_twice);
  ADD ("/gloss/input/spans/filter-switches-document", test_filter_switches_document);
  ADD ("/gloss/input/spans/popover-size", test_popover_size);
  ADD ("/gloss/input/spans/sidebar-label-click", test_sidebar_label_click);
  ADD ("/gloss/input/spans/hover-tooltip", test_hover_tooltip);
  ADD ("/gloss/input/spans/no-tooltip-over-span-menu", test_no_tooltip_over_span_menu);
  ADD ("/gloss/input/spans/find-bar-label-all", test_find_bar_label_all);
  ADD ("/gloss/input/spans/label-all-whole-words", test_label_all_whole_words);
  ADD ("/gloss/input/spans/note-kept-on-close", test_note_kept_on_close);
  ADD ("/gloss/input/spans/note-kept-on-f8", test_note_kept_on_f8);

#undef ADD

  return gloss_test_ui_run (data_home);
}
