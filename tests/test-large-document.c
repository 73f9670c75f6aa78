/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A document of megabytes in the window: its text comes into the view in
 * pieces, its spans a page at a time, and a very long line gets display-only
 * breaks. Whatever arrives when, every offset and every character must be
 * the document's own. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-offsets.h"
#include "gloss-relation-row.h"
#include "gloss-search-bar.h"
#include "gloss-test-ui.h"
#include "gloss-window-testing.h"

/* Many more than the window's first page of spans. */
#define N_SPANS 3000

typedef struct
{
  char *folder;
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  gint64 document_id;
  gint64 label_id;
  char *text;
  gint64 length;
} Fixture;

static void
wait_until_shown (Fixture *fixture)
{
  while (gloss_document_view_is_tagging (fixture->view))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* About 650 kB: paragraphs of news prose with flags, Persian (with a zero
 * width non-joiner) and CRLF line ends, and in the middle a line of 100 kB
 * without a break, as a JSONL text field has. */
static char *
make_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 4000; i++)
    {
      g_string_append_printf (text, "Paragraph %u: the Zangezur corridor 🇦🇿🇮🇷 divides Tehran; "
                              "پزشکیان می\u200cخواهد a thaw, the hardliners do not. ", i);
      g_string_append (text, "Analysts in Baku and Yerevan watch the IRGC closely.\r\n\r\n");
      if (i == 2000)
        {
          for (guint j = 0; j < 4000; j++)
            g_string_append (text, j % 7 == 0 ? "Velayati 😠 " : "corridor route talks ");
          g_string_append (text, "\n");
        }
    }

  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GlossLabel) label = NULL;

  fixture->folder = g_dir_make_tmp ("gloss-large-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "large.gloss", NULL);
  fixture->store = gloss_store_create (path, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->text = make_text ();
  fixture->length = g_utf8_strlen (fixture->text, -1);
  /* More than the view shows at once, and more than one step after. */
  g_assert_cmpuint (strlen (fixture->text), >, 600 * 1000);

  label = gloss_store_add_label (fixture->store, "Hardline camp", "#e01b24", "1", NULL, &error);
  g_assert_no_error (error);
  fixture->label_id = gloss_label_get_id (label);

  /* A small document first, for the window to open on. */
  g_assert_cmpint (gloss_store_add_document (fixture->store, "short.txt", "Baku and Yerevan.", NULL,
                                             &error), >, 0);
  fixture->document_id = gloss_store_add_document (fixture->store, "large.txt", fixture->text, NULL,
                                                   &error);
  g_assert_no_error (error);

  /* Spans every so often from start to end, each over one word. */
  g_assert_true (gloss_store_begin (fixture->store, &error));
  for (guint i = 0; i < N_SPANS; i++)
    {
      gint64 start = fixture->length / N_SPANS * i;
      g_autoptr(GlossSpan) span = NULL;

      span = gloss_store_add_span (fixture->store, fixture->document_id, fixture->label_id, start,
                                   start + 1, "", "", &error);
      g_assert_no_error (error);
    }
  g_assert_true (gloss_store_commit (fixture->store, &error));

  fixture->window = gloss_window_new (NULL, fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until_shown (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  gloss_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->text);
}

/* The document's characters from START to END, cut from the text itself;
 * CURSOR keeps the walk short for offsets in order. */
static char *
dup_expected (GlossOffsetsCursor *cursor,
              const char         *text,
              gint64              start,
              gint64              end)
{
  gsize from = gloss_offsets_cursor_char_to_byte (cursor, start);
  gsize to = gloss_offsets_cursor_char_to_byte (cursor, end);

  return g_strndup (text + from, to - from);
}

/* Opening shows the start at once; once idle time has brought the rest,
 * the view holds the document to the last character, breaks left out, and
 * every span in it carries its fill over its own characters. */
static void
test_opens_whole (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  g_autofree char *shown = NULL;
  GlossOffsetsCursor cursor;

  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  g_assert_true (gloss_document_view_is_tagging (fixture->view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), <, fixture->length);

  wait_until_shown (fixture);

  /* The long line was broken for display: the buffer has more characters
   * than the document, and the view gives the document's back. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, fixture->length);
  shown = gloss_document_view_dup_text (fixture->view, 0, fixture->length);
  g_assert_cmpuint (strlen (shown), ==, strlen (fixture->text));
  g_assert_true (g_str_equal (shown, fixture->text));

  /* A line the view broke reads on as a wrapped line: the space after it
   * is the space inside a paragraph, not after one. */
  {
    GtkTextTag *display_break = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                           "display-break");
    GtkTextIter iter;
    guint n_breaks = 0;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    while (gtk_text_iter_forward_to_tag_toggle (&iter, display_break))
      {
        g_autoptr(GSList) tags = NULL;
        int below = -1;

        if (!gtk_text_iter_starts_tag (&iter, display_break))
          continue;
        n_breaks++;
        gtk_text_iter_set_line_offset (&iter, 0);
        tags = gtk_text_iter_get_tags (&iter);
        for (GSList *l = tags; l != NULL; l = l->next)
          {
            gboolean set;
            int pixels;

            g_object_get (l->data, "pixels-below-lines-set", &set, "pixels-below-lines", &pixels,
                          NULL);
            if (set)
              below = pixels;
          }
        g_assert_cmpint (below, ==, gtk_text_view_get_pixels_inside_wrap (GTK_TEXT_VIEW (fixture->view)));
        gtk_text_iter_forward_line (&iter);
      }
    g_assert_cmpuint (n_breaks, >, 10);
  }

  g_assert_cmpuint (g_list_model_get_n_items (spans), ==, N_SPANS);
  gloss_offsets_cursor_init (&cursor, fixture->text);
  for (guint i = 0; i < N_SPANS; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *span_text = gloss_document_view_dup_span_text (fixture->view, span);
      g_autofree char *expected = dup_expected (&cursor, fixture->text, gloss_span_get_start (span),
                                                gloss_span_get_end (span));

      g_assert_true (gloss_document_view_has_span_tag (fixture->view, span));
      g_assert_cmpstr (span_text, ==, expected);
    }
}

/* Labeling near the end before the rest of the text has come: the view
 * brings what it needs, and the span has the offsets the user saw. */
static void
test_label_before_shown (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *phrase = "Velayati";
  const char *last = g_strrstr (fixture->text, phrase);
  gint64 start = g_utf8_pointer_to_offset (fixture->text, last);
  gint64 end = start + strlen (phrase);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *selected = NULL;
  GlossSpan *made = NULL;

  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  g_assert_true (gloss_document_view_is_tagging (fixture->view));

  gloss_document_view_select_range (fixture->view, start, end);
  selected = gloss_document_view_dup_text (fixture->view, start, end);
  g_assert_cmpstr (selected, ==, phrase);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-label", "x",
                              fixture->label_id);
  wait_until_shown (fixture);

  stored = gloss_store_list_spans (fixture->store, fixture->document_id, NULL);
  g_assert_cmpuint (stored->len, ==, N_SPANS + 1);
  for (guint i = 0; i < stored->len; i++)
    if (gloss_span_get_start (stored->pdata[i]) == start && gloss_span_get_end (stored->pdata[i]) == end)
      made = stored->pdata[i];
  g_assert_nonnull (made);
  g_assert_true (gloss_document_view_has_span_tag (fixture->view, made));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_spans (fixture->view)), ==,
                    N_SPANS + 1);
}

/* Another document opened while the first is still coming stops it: the
 * view shows the new one only. */
static void
test_switch_while_loading (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GArray) ids = gloss_store_list_document_ids (fixture->store, NULL);
  gint64 short_id = g_array_index (ids, gint64, 0);
  g_autofree char *shown = NULL;

  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (gloss_window_open_document (fixture->window, short_id));
  wait_until_shown (fixture);

  shown = gloss_document_view_dup_text (fixture->view, 0, strlen ("Baku and Yerevan."));
  g_assert_cmpstr (shown, ==, "Baku and Yerevan.");
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view))),
                   ==, strlen ("Baku and Yerevan."));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_spans (fixture->view)), ==, 0);
}

/* Whether WIDGET is the side list, the list view over the view's span
 * rows (ROWS). */
static gboolean
is_span_list (GtkWidget     *widget,
              gconstpointer  rows)
{
  GtkSelectionModel *model;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;

  model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  return GTK_IS_SINGLE_SELECTION (model) &&
         gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == rows;
}

/* The side list opens on its first rows and grows to every span; a span
 * selected before its row has come still gets its row selected. */
static void
test_side_list (Fixture       *fixture,
                gconstpointer  user_data)
{
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  GtkWidget *list = gloss_test_find_widget_where (GTK_WIDGET (fixture->window), is_span_list,
                                                  gloss_document_view_get_span_rows (fixture->view));
  g_autoptr(GlossSpan) early = NULL;
  g_autoptr(GlossSpan) late = NULL;
  GtkSingleSelection *rows;

  g_assert_nonnull (list);
  rows = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), <, 200);

  early = g_list_model_get_item (spans, 200);
  gloss_document_view_select_span (fixture->view, early);
  g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, 200);
  g_assert_true (gtk_single_selection_get_selected_item (rows) == (gpointer) early);

  wait_until_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, N_SPANS);
  late = g_list_model_get_item (spans, N_SPANS - 10);
  gloss_document_view_select_span (fixture->view, late);
  g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, N_SPANS - 10);
}

/* The find bar searches the document's text, not the view's: a phrase
 * across a display break is found, and each match selected is the phrase
 * at the document's offsets. */
static void
test_find_across_breaks (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *phrase = "Velayati 😠 corridor route";
  GlossSearchBar *bar = GLOSS_SEARCH_BAR (gloss_test_find_widget (GTK_WIDGET (fixture->window),
                                                       GLOSS_TYPE_SEARCH_BAR));
  GtkEditable *entry = GTK_EDITABLE (gloss_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY));
  guint expected = 0;

  for (const char *p = strstr (fixture->text, phrase); p != NULL; p = strstr (p + 1, phrase))
    expected++;
  g_assert_cmpuint (expected, >, 500);

  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  gtk_editable_set_text (entry, phrase);
  while (g_strcmp0 (gloss_search_bar_get_query (bar), phrase) != 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (gloss_search_bar_get_n_matches (bar), ==, expected);

  /* The entry's search comes a moment after typing, and selects. */
  while (gloss_search_bar_get_current_match (bar) < 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < expected; i++)
    {
      g_autofree char *selected = NULL;
      gint64 start, end;

      g_assert_true (gloss_document_view_get_selected_range (fixture->view, &start, &end));
      selected = gloss_document_view_dup_text (fixture->view, start, end);
      g_assert_cmpstr (selected, ==, phrase);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-next", NULL);
    }
}

/* The text a Relations row shows for a relation of RELATION_LABEL from
 * span FROM to span TO of the store: "from → type → to". */
static char *
expected_relation_row (Fixture    *fixture,
                       GlossSpan  *from,
                       GlossSpan  *to,
                       const char *relation_label)
{
  GlossOffsetsCursor cursor;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  gloss_offsets_cursor_init (&cursor, fixture->text);
  from_text = dup_expected (&cursor, fixture->text, gloss_span_get_start (from),
                            gloss_span_get_end (from));
  gloss_offsets_cursor_init (&cursor, fixture->text);
  to_text = dup_expected (&cursor, fixture->text, gloss_span_get_start (to),
                          gloss_span_get_end (to));
  /* A row is one line. */
  g_strdelimit (from_text, "\r\n\t", ' ');
  g_strdelimit (to_text, "\r\n\t", ' ');
  return g_strdup_printf ("%s → %s → %s", from_text, relation_label, to_text);
}

static void
collect_relation_rows (GtkWidget *widget,
                       GPtrArray *rows)
{
  if (GLOSS_IS_RELATION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_relation_rows (child, rows);
}

/* What ROW shows on its first line. */
static const char *
relation_row_text (GtkWidget *row)
{
  return gtk_inscription_get_text (GTK_INSCRIPTION (gloss_test_find_widget (row,
                                                                            GTK_TYPE_INSCRIPTION)));
}

/* The Relations list's rows for relations whose spans come in later pages
 * show "…" for a span not paged in yet, then its text once it has come;
 * each row goes on showing its own relation. */
static void
test_relation_rows (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id,
                                                       &error);
  g_autoptr(GlossRelationLabel) label = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                GLOSS_TYPE_WINDOW,
                                                                "annotation_stack"));
  GtkWidget *relations_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                        GLOSS_TYPE_WINDOW,
                                                                        "relations_box"));
  /* Ends on the first screen, in the last pages, and both. */
  static const guint ends[][2] = {
    { 0, N_SPANS - 1 }, { 1, 2 }, { N_SPANS - 3, N_SPANS - 40 }, { 2000, 10 },
    { 1500, 2500 }, { N_SPANS - 2, 3 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, N_SPANS);
  label = gloss_store_add_relation_label (fixture->store, "opposes", "#e01b24", "7", "", TRUE,
                                          &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      GlossSpan *from = g_ptr_array_index (spans, ends[i][0]);
      GlossSpan *to = g_ptr_array_index (spans, ends[i][1]);
      g_autoptr(GlossRelation) relation = NULL;
      gint64 id;

      relation = gloss_store_add_relation (fixture->store, fixture->document_id,
                                           gloss_relation_label_get_id (label),
                                           gloss_span_get_id (from), gloss_span_get_id (to),
                                           "test", NULL, &error);
      g_assert_no_error (error);
      id = gloss_relation_get_id (relation);
      g_hash_table_insert (expected, g_memdup2 (&id, sizeof id),
                           expected_relation_row (fixture, from, to, "opposes"));
    }

  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  g_assert_true (gtk_widget_get_visible (relations_box));
  gtk_stack_set_visible_child (GTK_STACK (stack), relations_box);
  wait_until_shown (fixture);
  gloss_test_wait_for_frames ();

  collect_relation_rows (relations_box, rows);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (ends));
  for (guint i = 0; i < rows->len; i++)
    {
      GlossRelationRow *row = g_ptr_array_index (rows, i);
      gint64 id = gloss_relation_get_id (gloss_relation_row_get_relation (row));

      g_assert_cmpstr (relation_row_text (GTK_WIDGET (row)), ==,
                       g_hash_table_lookup (expected, &id));
    }
}

static void
count_page_cb (GlossDocumentView *view,
               GPtrArray         *added,
               guint             *n_pages)
{
  (*n_pages)++;
}

/* The steps that bring a document in (its text, its pages of spans, the
 * side list's rows) take turns: a main-loop iteration runs one of them, so
 * that input and frames come between. GLib runs every ready idle source of
 * a priority in one iteration, and theirs together held it for several
 * frames. */
static void
test_loading_takes_turns (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GListModel *span_rows = gloss_document_view_get_span_rows (fixture->view);
  guint n_pages = 0;
  guint n_text_steps = 0, n_page_steps = 0, n_row_steps = 0;
  gulong handler;

  handler = g_signal_connect (fixture->view, "spans-paged", G_CALLBACK (count_page_cb), &n_pages);
  g_assert_true (gloss_window_open_document (fixture->window, fixture->document_id));
  while (gloss_document_view_is_tagging (fixture->view))
    {
      int n_chars = gtk_text_buffer_get_char_count (buffer);
      guint n_rows = g_list_model_get_n_items (span_rows);
      guint pages_before = n_pages;
      gboolean text_step, page_step, row_step;

      g_main_context_iteration (NULL, TRUE);
      text_step = gtk_text_buffer_get_char_count (buffer) != n_chars;
      page_step = n_pages != pages_before;
      row_step = g_list_model_get_n_items (span_rows) != n_rows;
      g_assert_cmpuint (text_step + page_step + row_step, <=, 1);
      n_text_steps += text_step;
      n_page_steps += page_step;
      n_row_steps += row_step;
    }
  g_signal_handler_disconnect (fixture->view, handler);

  /* Each kind had steps of its own. */
  g_assert_cmpuint (n_text_steps, >, 0);
  g_assert_cmpuint (n_page_steps, >, 1);
  g_assert_cmpuint (n_row_steps, >, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "large-document");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/large-document/opens-whole", test_opens_whole);
  ADD ("/gloss/large-document/label-before-shown", test_label_before_shown);
  ADD ("/gloss/large-document/switch-while-loading", test_switch_while_loading);
  ADD ("/gloss/large-document/side-list", test_side_list);
  ADD ("/gloss/large-document/find-across-breaks", test_find_across_breaks);
  ADD ("/gloss/large-document/relation-rows", test_relation_rows);
  ADD ("/gloss/large-document/loading-takes-turns", test_loading_takes_turns);

#undef ADD

  return gloss_test_ui_run (data_home);
}
