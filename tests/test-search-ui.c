/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drives the search bar and the project search in the real window, on a
 * temporary default project, and checks the text view and the store.
 *
 * With GLOSS_TEST_SNAPSHOT_DIR set, also saves pictures of both, to look at
 * what the tests cannot judge. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-color.h"
#include "gloss-history.h"
#include "gloss-project-search.h"
#include "gloss-project.h"
#include "gloss-search-bar.h"
#include "gloss-test-store.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

#define NOTES_TEXT "Notes 🤝 on Velayati & <co>, in brief.\nNothing else."

typedef struct
{
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  GlossSearchBar *bar;
  GtkSearchEntry *entry;
  gint64 document_id;
} Fixture;

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until CONDITION holds, for at most five seconds: the
 * search entry waits before it searches, and project search runs on a
 * thread. */
static void
wait_until (gboolean (*condition) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint wake_up = g_timeout_add (10, wake_up_cb, NULL);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_up);

  g_assert_true (condition (data));
  gloss_test_wait_for_frames ();
}

static gboolean
time_is_up_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for MS milliseconds of real time, so that frames are
 * drawn. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, time_is_up_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget_with_class (GtkWidget  *root,
                        GType       type,
                        const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  fixture->store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  ids = gloss_store_list_document_ids (fixture->store, &error);
  fixture->document_id = g_array_index (ids, gint64, 0);

  fixture->window = gloss_window_new (NULL, fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  fixture->bar = GLOSS_SEARCH_BAR (gloss_test_find_widget (GTK_WIDGET (fixture->window),
                                                GLOSS_TYPE_SEARCH_BAR));
  g_assert_nonnull (fixture->bar);
  fixture->entry = GTK_SEARCH_ENTRY (gloss_test_find_widget (GTK_WIDGET (fixture->bar),
                                                  GTK_TYPE_SEARCH_ENTRY));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  gloss_test_wait_for_frames ();

  gloss_test_remove_default_project ();
}

static char *
load_text (Fixture *fixture)
{
  return gloss_store_load_text (fixture->store, fixture->document_id, NULL);
}

static gboolean
is_word (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x200C || c == 0x200D;
}

/* The matches of QUERY in TEXT, worked out here the plain way, to check the
 * bar against: [start, end) pairs in code points. */
static GArray *
expected_matches (const char *text,
                  const char *query,
                  gboolean    match_case,
                  gboolean    whole_words)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (text, -1, NULL);
  g_autofree gunichar *q = g_utf8_to_ucs4_fast (query, -1, NULL);
  glong n_t = g_utf8_strlen (text, -1);
  glong n_q = g_utf8_strlen (query, -1);

  for (glong i = 0; i + n_q <= n_t;)
    {
      gboolean same = TRUE;

      for (glong j = 0; j < n_q && same; j++)
        same = match_case ? t[i + j] == q[j]
                          : g_unichar_tolower (t[i + j]) == g_unichar_tolower (q[j]);
      if (same && whole_words &&
          ((i > 0 && is_word (t[i - 1])) || (i + n_q < n_t && is_word (t[i + n_q]))))
        same = FALSE;

      if (same)
        {
          gint64 start = i, end = i + n_q;

          g_array_append_val (matches, start);
          g_array_append_val (matches, end);
          i += n_q;
        }
      else
        {
          i++;
        }
    }

  return matches;
}

static guint
count_expected (Fixture    *fixture,
                const char *query,
                gboolean    match_case,
                gboolean    whole_words)
{
  g_autofree char *text = load_text (fixture);
  g_autoptr(GArray) matches = expected_matches (text, query, match_case, whole_words);

  return matches->len / 2;
}

static gboolean
query_searched (gpointer data)
{
  Fixture *fixture = data;

  return g_str_equal (gloss_search_bar_get_query (fixture->bar),
                      gtk_editable_get_text (GTK_EDITABLE (fixture->entry)));
}

/* Types QUERY into the bar's entry and waits for the search it starts. */
static void
type_query (Fixture    *fixture,
            const char *query)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), query);
  wait_until (query_searched, fixture);
}

static void
get_selection (Fixture *fixture,
               gint64  *start,
               gint64  *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GtkTextIter begin, stop;

  gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop);
  *start = gtk_text_iter_get_offset (&begin);
  *end = gtk_text_iter_get_offset (&stop);
}

static void
assert_selection (Fixture *fixture,
                  gint64   start,
                  gint64   end)
{
  gint64 selection_start, selection_end;

  get_selection (fixture, &selection_start, &selection_end);
  g_assert_cmpint (selection_start, ==, start);
  g_assert_cmpint (selection_end, ==, end);
}

/* How many characters carry the search highlight. */
static guint
count_highlighted (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               "search-match");
  GtkTextIter iter;
  guint n = 0;

  g_assert_nonnull (tag);
  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    n += gtk_text_iter_has_tag (&iter, tag);

  return n;
}

static const char *
counter_text (Fixture *fixture)
{
  GtkWidget *counter = find_widget_with_class (GTK_WIDGET (fixture->bar), GTK_TYPE_LABEL,
                                               "numeric");

  g_assert_nonnull (counter);
  return gtk_label_get_label (GTK_LABEL (counter));
}

static void
test_find_shows_bar (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *focus;

  g_assert_false (gloss_search_bar_is_open (fixture->bar));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  gloss_test_wait_for_frames ();
  g_assert_true (gloss_search_bar_is_open (fixture->bar));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (fixture->entry) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->entry)));

  type_query (fixture, "Iran");
  g_assert_cmpuint (count_highlighted (fixture), ==,
                    4 * count_expected (fixture, "Iran", FALSE, FALSE));

  /* Escape closes the bar and takes the highlights away. */
  g_signal_emit_by_name (fixture->entry, "stop-search");
  gloss_test_wait_for_frames ();
  g_assert_false (gloss_search_bar_is_open (fixture->bar));
  g_assert_cmpuint (count_highlighted (fixture), ==, 0);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==, 0);

  /* Ctrl+F again brings the phrase and its matches back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==,
                    count_expected (fixture, "Iran", FALSE, FALSE));
}

/* How far the color TAG_NAME fills with is from every label's color. */
static double
nearest_label_distance (Fixture    *fixture,
                        const char *tag_name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, NULL);
  g_autoptr(GdkRGBA) fill = NULL;
  GlossColor fill_color;
  double nearest = G_MAXDOUBLE;

  g_assert_nonnull (tag);
  g_object_get (tag, "background-rgba", &fill, NULL);
  g_assert_nonnull (fill);
  fill_color = (GlossColor) { fill->red, fill->green, fill->blue };
  for (guint i = 0; i < labels->len; i++)
    {
      GlossColor label_color;

      g_assert_true (gloss_color_parse (gloss_label_get_color (labels->pdata[i]), &label_color));
      nearest = MIN (nearest, gloss_color_distance (&fill_color, &label_color));
    }

  return nearest;
}

/* Find's highlights are not the first label's blue (nor any label's
 * color): a match never reads as a span. */
static void
test_match_colors_not_labels (Fixture       *fixture,
                              gconstpointer  user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  type_query (fixture, "iran");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), >, 0);

  g_assert_cmpfloat (nearest_label_distance (fixture, "search-match"), >, 30);
  g_assert_cmpfloat (nearest_label_distance (fixture, "search-current"), >, 30);
}

static void
test_count_and_options (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  guint expected = count_expected (fixture, "iran", FALSE, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  type_query (fixture, "iran");

  /* Case does not matter by default. */
  g_assert_cmpuint (expected, ==, 6);
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==, expected);
  first = g_strdup_printf ("1 of %u", expected);
  g_assert_cmpstr (counter_text (fixture), ==, first);
  g_assert_cmpuint (count_highlighted (fixture), ==, 4 * expected);

  /* "Iranian" is not the word "Iran". */
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "search.whole-words", NULL);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==,
                    count_expected (fixture, "iran", FALSE, TRUE));
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), <, expected);
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "search.whole-words", NULL);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==, expected);

  /* The article always writes "Iran". */
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "search.match-case", NULL);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==,
                    count_expected (fixture, "iran", TRUE, FALSE));
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==, 0);
  g_assert_cmpstr (counter_text (fixture), ==, "No matches");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
  g_assert_cmpuint (count_highlighted (fixture), ==, 0);

  type_query (fixture, "Iran");
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==,
                    count_expected (fixture, "Iran", TRUE, FALSE));
  g_assert_cmpuint (gloss_search_bar_get_n_matches (fixture->bar), ==, expected);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->entry), "error"));
}

static void
test_next_previous (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *text = load_text (fixture);
  g_autoptr(GArray) matches = expected_matches (text, "Iran", FALSE, FALSE);
  guint n = matches->len / 2;
  gint64 *m = (gint64 *) matches->data;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  type_query (fixture, "Iran");

  /* Typing selects the first match from the cursor on. */
  assert_selection (fixture, m[0], m[1]);
  g_assert_cmpint (gloss_search_bar_get_current_match (fixture->bar), ==, 0);

  /* Enter, as in the entry; then Ctrl+G from the window. */
  g_signal_emit_by_name (fixture->entry, "activate");
  assert_selection (fixture, m[2], m[3]);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-next", NULL);
  assert_selection (fixture, m[4], m[5]);
  g_assert_cmpstr (counter_text (fixture), ==, "3 of 6");

  /* Shift+Enter and Ctrl+Shift+G go back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "search.previous", NULL);
  assert_selection (fixture, m[2], m[3]);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-previous", NULL);
  assert_selection (fixture, m[0], m[1]);

  /* Both ends wrap around. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-previous", NULL);
  assert_selection (fixture, m[2 * n - 2], m[2 * n - 1]);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-next", NULL);
  assert_selection (fixture, m[0], m[1]);

  /* After the user puts the cursor elsewhere, Next goes on from there. */
  gloss_document_view_select_range (fixture->view, m[6] + 1, m[6] + 1);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_search_bar_get_current_match (fixture->bar), ==, -1);
  g_assert_cmpstr (counter_text (fixture), ==, "6 matches");
  gloss_search_bar_next_match (fixture->bar);
  assert_selection (fixture, m[8], m[9]);
}

static guint
count_spans_over (Fixture *fixture,
                  gint64   label_id,
                  gint64   start,
                  gint64   end)
{
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);
  guint n = 0;

  for (guint i = 0; i < spans->len; i++)
    n += gloss_span_get_label_id (spans->pdata[i]) == label_id &&
         gloss_span_get_start (spans->pdata[i]) == start &&
         gloss_span_get_end (spans->pdata[i]) == end;

  return n;
}

static guint
count_spans (Fixture *fixture)
{
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);

  return spans->len;
}

static GtkPopover *
open_label_all_menu (Fixture *fixture)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gloss_test_find_widget (GTK_WIDGET (fixture->bar),
                                                        GTK_TYPE_MENU_BUTTON));

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  gloss_test_wait_for_frames ();

  return gtk_menu_button_get_popover (button);
}

/* Picks the label at POSITION from the "Label All" menu, as a click would. */
static void
choose_label_all (Fixture *fixture,
                  guint    position)
{
  GtkPopover *popover = open_label_all_menu (fixture);
  GtkWidget *labels = gloss_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (labels);
  g_signal_emit_by_name (labels, "activate", position);
  gloss_test_wait_for_frames ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* The footer and the Spans list's title both count N_SPANS. */
static void
assert_footer_counts (Fixture *fixture,
                      guint    n_spans)
{
  GtkLabel *footer = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                               GLOSS_TYPE_WINDOW, "status_label"));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              GLOSS_TYPE_WINDOW, "spans_title"));
  g_autofree char *footer_start = g_strdup_printf ("%u spans in this document · ", n_spans);
  g_autofree char *title_text = g_strdup_printf ("Spans (%u)", n_spans);

  g_assert_true (g_str_has_prefix (gtk_label_get_label (footer), footer_start));
  g_assert_cmpstr (gtk_label_get_label (title), ==, title_text);
}

/* The new project labels the first "Azerbaijan" as a foreign government:
 * Label All adds the other two, and one undo takes both away. */
static void
test_label_all (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GlossHistory) history = gloss_history_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = load_text (fixture);
  g_autoptr(GArray) matches = expected_matches (text, "Azerbaijan", FALSE, FALSE);
  gint64 *m = (gint64 *) matches->data;
  guint position;
  gint64 foreign = gloss_test_label_id (fixture->store, "Foreign government", &position);
  guint n_before = count_spans (fixture);
  GListModel *shown = gloss_document_view_get_spans (fixture->view);

  g_assert_cmpuint (matches->len / 2, ==, 3);
  g_assert_cmpuint (count_spans_over (fixture, foreign, m[0], m[1]), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  type_query (fixture, "Azerbaijan");
  choose_label_all (fixture, position);

  for (guint i = 0; i < matches->len / 2; i++)
    g_assert_cmpuint (count_spans_over (fixture, foreign, m[2 * i], m[2 * i + 1]), ==, 1);
  g_assert_cmpuint (count_spans (fixture), ==, n_before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_before + 2);
  assert_footer_counts (fixture, n_before + 2);

  g_assert_true (gloss_history_undo (history, &error));
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();
  g_assert_cmpuint (count_spans (fixture), ==, n_before);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_before);
  assert_footer_counts (fixture, n_before);
  g_assert_cmpuint (count_spans_over (fixture, foreign, m[0], m[1]), ==, 1);
  g_assert_false (gloss_history_can_undo (history));
}

static GlossProjectSearch *
find_project_search (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_PROJECT_SEARCH (window))
        return GLOSS_PROJECT_SEARCH (window);
    }

  return NULL;
}

static gboolean
project_search_done (gpointer data)
{
  GlossProjectSearch *project_search = data;

  return !gloss_project_search_is_busy (project_search) &&
         g_list_model_get_n_items (gloss_project_search_get_results (project_search)) > 0;
}

static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
project_search_idle (gpointer data)
{
  return !gloss_project_search_is_busy (data);
}

/* A search that stops at its limit says so and offers the rest. */
static void
test_project_search_show_more (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GlossProjectSearch *project_search;
  GtkSearchEntry *entry;
  GtkLabel *summary;
  GtkWidget *more;
  GListModel *results;

  /* 700 matches in one document, one more in another. */
  for (guint i = 0; i < 700; i++)
    g_string_append (text, "Meghri crossing. ");
  gloss_store_add_document (fixture->store, "meghri.txt", text->str, NULL, &error);
  g_assert_no_error (error);
  gloss_store_add_document (fixture->store, "notes.txt", "One more crossing.", NULL, &error);
  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-project", NULL);
  gloss_test_wait_for_frames ();
  project_search = find_project_search ();
  entry = GTK_SEARCH_ENTRY (gloss_test_find_widget (GTK_WIDGET (project_search), GTK_TYPE_SEARCH_ENTRY));
  summary = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (project_search),
                                                      GLOSS_TYPE_PROJECT_SEARCH, "summary"));
  more = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (project_search),
                                                    GLOSS_TYPE_PROJECT_SEARCH, "more_button"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "crossing");
  wait_until (project_search_done, project_search);

  results = gloss_project_search_get_results (project_search);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 500);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (summary), "The first 500 matches in"));
  g_assert_true (gtk_widget_get_visible (more));

  /* As a click on Show More does. */
  g_assert_true (gtk_widget_activate_action (more, "project-search.show-more", NULL));
  g_assert_true (gloss_project_search_is_busy (project_search));
  wait_until (project_search_idle, project_search);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 701);
  g_assert_false (g_str_has_prefix (gtk_label_get_label (summary), "The first"));
  g_assert_false (gtk_widget_get_visible (more));
  gtk_window_destroy (GTK_WINDOW (project_search));
}

static void
test_project_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = load_text (fixture);
  gint64 notes_id = gloss_store_add_document (fixture->store, "notes.txt", NOTES_TEXT, NULL,
                                              &error);
  gint64 velayati = g_utf8_pointer_to_offset (text, strstr (text, "Velayati"));
  GlossProjectSearch *project_search;
  GtkSearchEntry *entry;
  GtkListView *list_view;
  GListModel *results;
  const GlossSearchResult *result;
  g_autofree char *selected = NULL;
  GtkTextIter start, end;

  g_assert_no_error (error);
  gloss_test_wait_for_frames ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-project", NULL);
  gloss_test_wait_for_frames ();
  project_search = find_project_search ();
  g_assert_nonnull (project_search);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (project_search)));

  entry = GTK_SEARCH_ENTRY (gloss_test_find_widget (GTK_WIDGET (project_search), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "velayati");
  wait_until (project_search_done, project_search);

  results = gloss_project_search_get_results (project_search);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  {
    g_autoptr(GlossSearchHit) first = g_list_model_get_item (results, 0);
    g_autoptr(GlossSearchHit) second = g_list_model_get_item (results, 1);

    result = gloss_search_hit_get_result (first);
    g_assert_cmpint (result->document_id, ==, fixture->document_id);
    g_assert_cmpint (result->start, ==, velayati);
    result = gloss_search_hit_get_result (second);
    g_assert_cmpint (result->document_id, ==, notes_id);
    g_assert_cmpint (result->start, ==, 11);
    g_assert_cmpint (result->end, ==, 19);
  }

  /* The context shows as written, markup characters and all. */
  list_view = GTK_LIST_VIEW (gloss_test_find_widget (GTK_WIDGET (project_search), GTK_TYPE_LIST_VIEW));
  g_assert_true (has_label_text (GTK_WIDGET (list_view),
                                 "Notes 🤝 on Velayati & <co>, in brief."));

  /* Opening the match in the other document. */
  g_signal_emit_by_name (list_view, "activate", 1);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, notes_id);
  assert_selection (fixture, 11, 19);
  gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view)),
                                        &start, &end);
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "Velayati");

  /* And back in the first one, with its row chosen in the list. */
  g_signal_emit_by_name (list_view, "activate", 0);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (gloss_document_view_get_document_id (fixture->view), ==, fixture->document_id);
  assert_selection (fixture, velayati, velayati + 8);
}

/* Renders WIDGET as it is on screen to NAME in $GLOSS_TEST_SNAPSHOT_DIR. */
static void
save_snapshot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  g_assert_nonnull (dir);
  g_mkdir_with_parents (dir, 0755);

  /* A window that was just shown has not drawn itself yet. */
  wait_ms (500);

  /* The paintable's size is the window's with its shadow and border. */
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  GlossProjectSearch *project_search;
  GtkSearchEntry *entry;
  GtkPopover *menu;

  if (g_getenv ("GLOSS_TEST_SNAPSHOT_DIR") == NULL)
    {
      g_test_skip ("GLOSS_TEST_SNAPSHOT_DIR is not set");
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  type_query (fixture, "Iran");
  gloss_search_bar_next_match (fixture->bar);
  gloss_test_wait_for_frames ();
  save_snapshot (GTK_WIDGET (fixture->window), "search-bar.png");

  menu = open_label_all_menu (fixture);
  save_snapshot (GTK_WIDGET (menu), "label-all-menu.png");
  gtk_popover_popdown (menu);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-project", NULL);
  project_search = find_project_search ();
  entry = GTK_SEARCH_ENTRY (gloss_test_find_widget (GTK_WIDGET (project_search), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Iran");
  wait_until (project_search_done, project_search);
  save_snapshot (GTK_WIDGET (project_search), "project-search.png");
}

/* Match Case and Whole Words are each search's own: set in the find bar,
 * they do not hold in Search Project, and set there, not in the find bar
 * (Whole Words for one document's words would hide a word's start from
 * the project's search). */
static void
test_options_separate (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GlossProjectSearch *project_search;
  gboolean match_case = TRUE;
  gboolean whole_words = TRUE;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "search.match-case", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->bar), "search.whole-words", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-project", NULL);
  gloss_test_wait_for_frames ();
  project_search = find_project_search ();
  g_assert_nonnull (project_search);

  g_object_get (project_search, "match-case", &match_case, "whole-words", &whole_words, NULL);
  g_assert_false (match_case);
  g_assert_false (whole_words);

  gtk_widget_activate_action (GTK_WIDGET (project_search), "project-search.whole-words", NULL);
  gtk_widget_activate_action (GTK_WIDGET (project_search), "project-search.match-case", NULL);
  gloss_test_wait_for_frames ();
  g_object_get (project_search, "match-case", &match_case, "whole-words", &whole_words, NULL);
  g_assert_true (match_case);
  g_assert_true (whole_words);
  g_assert_cmpint (gloss_search_bar_get_flags (fixture->bar), ==,
                   GLOSS_SEARCH_CASE_SENSITIVE | GLOSS_SEARCH_WHOLE_WORD);

  gtk_window_destroy (GTK_WINDOW (project_search));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  g_autoptr(GtkCssProvider) css = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "search-ui");

  /* What GlossApplication's resource base path loads, so that the window
   * looks as it does in the application. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/search-ui/find-shows-bar", test_find_shows_bar);
  ADD ("/gloss/search-ui/count-and-options", test_count_and_options);
  ADD ("/gloss/search-ui/next-previous", test_next_previous);
  ADD ("/gloss/search-ui/label-all", test_label_all);
  ADD ("/gloss/search-ui/match-colors-not-labels", test_match_colors_not_labels);
  ADD ("/gloss/search-ui/project-search-show-more", test_project_search_show_more);
  ADD ("/gloss/search-ui/project-search", test_project_search);
  ADD ("/gloss/search-ui/options-separate", test_options_separate);
  ADD ("/gloss/search-ui/snapshot", test_snapshot);

#undef ADD

  return gloss_test_ui_run (data_home);
}
