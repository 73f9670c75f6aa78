/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations, as README.md promises them, with a real keyboard and mouse
 * (gloss-test-input.h): R then a click on the target, or a Ctrl+drag from
 * span to span, then the type in the popover; a click on an arc selects
 * its relation, Delete removes it, Ctrl+Z brings it back, a relation
 * label's key relabels it. Each test reads the relations table of the
 * project file. */

#include "config.h"

#include "gloss-label-popover.h"
#include "gloss-relation-row.h"
#include "gloss-test-window.h"

/* Creates the relation labels these tests use, unless the project has
 * them: "opposes" (key 7) and "supports" (key 8), both directed. Keys
 * that no span label of the sample project has. */
static void
ensure_relation_label (GlossStore *store,
                       const char *name,
                       const char *color,
                       const char *hotkey)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = gloss_store_list_relation_labels (store, &error);
  g_autoptr(GlossRelationLabel) label = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < labels->len; i++)
    {
      GlossRelationLabel *existing = g_ptr_array_index (labels, i);

      if (g_str_equal (gloss_relation_label_get_name (existing), name))
        {
          label = gloss_store_update_relation_label (store, gloss_relation_label_get_id (existing),
                                                     name, color, hotkey, "", TRUE, &error);
          g_assert_no_error (error);
          return;
        }
    }

  label = gloss_store_add_relation_label (store, name, color, hotkey, "", TRUE, &error);
  g_assert_no_error (error);
}

/* The relations the project had before the test (the default project
 * comes with some). */
static guint n_initial_relations;

static GPtrArray *read_stored_relations (Fixture *fixture);

static void
relations_set_up (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  fixture->store = gloss_project_open_default (&error);
  g_assert_no_error (error);
  fixture->path = g_strdup (gloss_store_get_path (fixture->store));
  ids = gloss_store_list_document_ids (fixture->store, &error);
  g_assert_no_error (error);
  fixture->document_id = g_array_index (ids, gint64, 0);

  ensure_relation_label (fixture->store, "opposes", "#e01b24", "7");
  ensure_relation_label (fixture->store, "supports", "#2ec27e", "8");

  fixture_open_window (fixture);
  {
    g_autoptr(GPtrArray) relations = read_stored_relations (fixture);

    n_initial_relations = relations->len;
  }
}

/* One relation as the project file has it. */
typedef struct
{
  char *label;
  gint64 from_start, from_end;
  gint64 to_start, to_end;
  char *note;
} StoredRelation;

static void
stored_relation_free (StoredRelation *relation)
{
  g_free (relation->label);
  g_free (relation->note);
  g_free (relation);
}

/* Every relation of the fixture's document, read from the project file
 * with a connection of its own. */
static GPtrArray *
read_stored_relations (Fixture *fixture)
{
  GPtrArray *relations = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_relation_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT relation_labels.name, f.start, f.end, t.start, t.end, "
                                       "       relations.note "
                                       "FROM relations "
                                       "JOIN relation_labels ON relation_labels.id = relations.label "
                                       "JOIN spans f ON f.id = relations.from_span "
                                       "JOIN spans t ON t.id = relations.to_span "
                                       "WHERE relations.document = ? ORDER BY relations.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, fixture->document_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      StoredRelation *relation = g_new0 (StoredRelation, 1);

      relation->label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      relation->from_start = sqlite3_column_int64 (stmt, 1);
      relation->from_end = sqlite3_column_int64 (stmt, 2);
      relation->to_start = sqlite3_column_int64 (stmt, 3);
      relation->to_end = sqlite3_column_int64 (stmt, 4);
      relation->note = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (relations, relation);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return relations;
}

/* Asserts that the project file has exactly one relation more than it
 * came with, the last, of LABEL, from the span over FROM to the span over
 * TO. */
static void
assert_one_relation (Fixture    *fixture,
                     const char *label,
                     const char *from,
                     const char *to)
{
  g_autoptr(GPtrArray) relations = read_stored_relations (fixture);
  StoredRelation *relation;

  g_assert_cmpuint (relations->len, ==, n_initial_relations + 1);
  relation = relations->pdata[relations->len - 1];
  g_assert_cmpstr (relation->label, ==, label);
  g_assert_cmpint (relation->from_start, ==, fixture_find_phrase (fixture, from));
  g_assert_cmpint (relation->from_end, ==, fixture_phrase_end (fixture, from));
  g_assert_cmpint (relation->to_start, ==, fixture_find_phrase (fixture, to));
  g_assert_cmpint (relation->to_end, ==, fixture_phrase_end (fixture, to));
}

/* The relations made in the test. */
static guint
count_stored_relations (Fixture *fixture)
{
  g_autoptr(GPtrArray) relations = read_stored_relations (fixture);

  return relations->len - n_initial_relations;
}

/* Labels PHRASE by a drag over it and a label's key (Hardline camp). */
static void
label_phrase (Fixture    *fixture,
              const char *phrase)
{
  fixture_drag_over (fixture, phrase);
  fixture_key (fixture, GDK_KEY_2, 0);
  g_assert_cmpuint (count_stored (fixture, fixture_find_phrase (fixture, phrase),
                                  fixture_phrase_end (fixture, phrase), "Hardline camp"), ==, 1);
}

/* "Velayati" and the "corridor" after it, both labeled by hand. */
static void
label_both_ends (Fixture *fixture)
{
  label_phrase (fixture, "Velayati");
  label_phrase (fixture, "U.S.-backed corridor");
}

/* Clicks the Relations button above the spans' list, as a person does to
 * see the relations, and waits for the list to show. */
static void
show_relations_list (Fixture *fixture)
{
  GtkWidget *switcher = fixture_child (fixture, "annotation_switcher");
  GtkWidget *list = fixture_child (fixture, "relation_list_view");

  g_assert_true (gtk_widget_get_mapped (switcher));
  gloss_test_input_click_widget (gtk_widget_get_last_child (switcher));
  gloss_test_input_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list,
                               "the Relations list to show");
}

static void
click_phrase (Fixture    *fixture,
              const char *phrase)
{
  fixture_click (fixture, fixture_find_phrase (fixture, phrase) + 2);
}

static GtkPopover *
wait_for_relation_popover (Fixture *fixture)
{
  return wait_for_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER);
}

/* The hint in the window, while a target is awaited. */
static gboolean
hint_shown (Fixture *fixture)
{
  return gtk_widget_get_mapped (fixture_child (fixture, "relation_hint"));
}

/* The one relation the view shows besides the project's own: the one
 * made last. The list is in reading order, so it may be anywhere in it. */
static GlossRelation *
shown_relation (Fixture *fixture)
{
  GListModel *relations = gloss_document_view_get_relations (fixture->view);
  GlossRelation *relation = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, n_initial_relations + 1);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) listed = g_list_model_get_item (relations, i);

      if (relation == NULL || gloss_relation_get_id (listed) > gloss_relation_get_id (relation))
        relation = listed;
    }
  return relation;
}

static gboolean
shows_relation (GtkWidget     *widget,
                gconstpointer  relation)
{
  return GLOSS_IS_RELATION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         gloss_relation_row_get_relation (GLOSS_RELATION_ROW (widget)) == relation;
}

/* The Relations list's row that shows RELATION, or NULL. */
static GtkWidget *
find_relation_row (GtkWidget     *list,
                   GlossRelation *relation)
{
  return gloss_test_find_widget_where (list, shows_relation, relation);
}

typedef struct
{
  Fixture *fixture;
  GlossRelation *relation;
  GdkRectangle rect;
  gboolean seen;
} ArcPlace;

/* Whether the relation's label is in full view and where it was a frame
 * ago: a person aims at a label that is on the screen and stays put. A
 * label out of view (the text scrolled since) is brought into view. */
static gboolean
arc_is_still (gpointer data)
{
  ArcPlace *place = data;
  GtkWidget *view = GTK_WIDGET (place->fixture->view);
  GdkRectangle rect;
  gboolean drawn = gloss_document_view_get_relation_rect (place->fixture->view, place->relation,
                                                          &rect);

  if (drawn && place->seen && gdk_rectangle_equal (&rect, &place->rect) && rect.y >= 0 &&
      rect.x >= 0 && rect.y + rect.height <= gtk_widget_get_height (view) &&
      rect.x + rect.width <= gtk_widget_get_width (view))
    return TRUE;

  if (!drawn || rect.y < 0 || rect.y + rect.height > gtk_widget_get_height (view))
    {
      GlossSpan *from = gloss_document_view_lookup_span (place->fixture->view,
                                                         gloss_relation_get_from_id (place->relation));
      GtkTextIter iter;

      g_assert_nonnull (from);
      gloss_document_view_get_iter_at (place->fixture->view, &iter, gloss_span_get_start (from));
      gtk_text_view_scroll_to_iter (place->fixture->text_view, &iter, 0, TRUE, 0, 0.5);
    }
  place->seen = drawn;
  place->rect = rect;
  gloss_test_input_wait_for_frames (view);
  return FALSE;
}

/* Clicks the middle of RELATION's label on its arc with BUTTON. */
static void
click_arc (Fixture       *fixture,
           GlossRelation *relation,
           guint          button)
{
  ArcPlace place = { fixture, relation };

  gloss_test_input_wait_until (arc_is_still, &place, "the arc's label to be in view");
  gloss_test_input_click_with (GTK_WIDGET (fixture->view), place.rect.x + place.rect.width / 2.0,
                               place.rect.y + place.rect.height / 2.0, button, 0);
}

/* Where on the screen the first character of PHRASE is. */
static void
phrase_on_screen (Fixture    *fixture,
                  const char *phrase,
                  int        *x,
                  int        *y)
{
  double view_x, view_y;

  gloss_test_input_text_point (GTK_TEXT_VIEW (fixture->view), fixture_find_phrase (fixture, phrase),
                               0, &view_x, &view_y);
  gloss_test_input_screen_point (GTK_WIDGET (fixture->view), view_x, view_y, x, y);
}

/* R on a selected span, a click on the target, "opp" and Enter: the
 * relation is in the project file, shown, selected and listed. */
static void
test_r_then_click (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkPopover *popover;
  GlossRelation *relation;

  int target_x, target_y;

  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  g_assert_nonnull (gloss_document_view_get_selected_span (fixture->view));
  phrase_on_screen (fixture, "U.S.-backed corridor", &target_x, &target_y);

  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_true (hint_shown (fixture));
  gloss_test_wait_for_frames ();
  /* The hint floats over the text: the target a person aims at stays. */
  {
    int x, y;

    phrase_on_screen (fixture, "U.S.-backed corridor", &x, &y);
    g_assert_cmpint (x, ==, target_x);
    g_assert_cmpint (y, ==, target_y);
  }
  click_phrase (fixture, "U.S.-backed corridor");
  g_assert_false (hint_shown (fixture));
  popover = wait_for_relation_popover (fixture);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "opp");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (popover);

  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
  relation = shown_relation (fixture);
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == relation);
  /* The Relations list shares its place with the spans' list; its
   * switcher button shows it. */
  show_relations_list (fixture);
  g_assert_true (gtk_widget_get_mapped (fixture_child (fixture, "relation_list_view")));
}

/* Whether the pointer, at (X, Y) of the text (the overlay), is over HINT. */
static gboolean
hint_covers (GtkWidget *hint,
             GtkWidget *scroller,
             double     x,
             double     y)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (hint, scroller, &bounds));
  return graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y));
}

/* Whether the hint's bottom edge is the text's, but for its margin. */
static gboolean
hint_at_bottom (GtkWidget *hint,
                GtkWidget *scroller)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (hint, scroller, &bounds));
  return gtk_widget_get_height (scroller) - (bounds.origin.y + bounds.size.height) <=
         gtk_widget_get_margin_bottom (hint) + 12;
}

/* "Velayati" selected and R pressed with the pointer at (X, Y) of the
 * text: the hint is up. */
static void
press_r_with_pointer_at (Fixture   *fixture,
                         GtkWidget *scroller,
                         double     x,
                         double     y)
{
  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  gloss_test_input_move_to (scroller, x, y);
  gloss_test_input_settle (scroller);
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_true (hint_shown (fixture));
  gloss_test_wait_for_frames ();
}

/* The hint never hides what the pointer is on: with the pointer at the
 * top of the text it shows at the bottom, and it goes back up when the
 * pointer comes down to it; the target is still taken by a click. */
static void
test_hint_steps_aside (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *hint = fixture_child (fixture, "relation_hint");
  GtkWidget *scroller = gtk_widget_get_parent (hint);
  double middle = gtk_widget_get_width (scroller) / 2.0;
  double bottom = gtk_widget_get_height (scroller) - 10;

  press_r_with_pointer_at (fixture, scroller, middle, 12);
  g_assert_cmpint (gtk_widget_get_valign (hint), ==, GTK_ALIGN_END);
  g_assert_false (hint_covers (hint, scroller, middle, 12));

  g_assert_true (hint_at_bottom (hint, scroller));

  gloss_test_input_move_to (scroller, middle, bottom);
  gloss_test_input_settle (scroller);
  g_assert_cmpint (gtk_widget_get_valign (hint), ==, GTK_ALIGN_START);
  g_assert_false (hint_covers (hint, scroller, middle, bottom));

  click_phrase (fixture, "U.S.-backed corridor");
  g_assert_false (hint_shown (fixture));
  wait_for_relation_popover (fixture);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "opp");
  fixture_key (fixture, GDK_KEY_Return, 0);
  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
}

/* Shown at the top first, the hint steps down to the bottom of the text
 * when the pointer comes up to it, not to the middle of the text (where
 * the overlay's first place for it, sized for its narrowest width, ended). */
static void
test_hint_steps_down (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *hint = fixture_child (fixture, "relation_hint");
  GtkWidget *scroller = gtk_widget_get_parent (hint);
  double middle = gtk_widget_get_width (scroller) / 2.0;

  press_r_with_pointer_at (fixture, scroller, middle, gtk_widget_get_height (scroller) / 2.0);
  g_assert_cmpint (gtk_widget_get_valign (hint), ==, GTK_ALIGN_START);

  gloss_test_input_move_to (scroller, middle, 12);
  gloss_test_input_settle (scroller);
  g_assert_cmpint (gtk_widget_get_valign (hint), ==, GTK_ALIGN_END);
  g_assert_false (hint_covers (hint, scroller, middle, 12));
  g_assert_true (hint_at_bottom (hint, scroller));
}

/* R with no span selected is not a relation key: nothing waits for a
 * target, and the key goes on to what has the focus. */
static void
test_r_without_span (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *filter = fixture_child (fixture, "document_filter_entry");

  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_false (hint_shown (fixture));
  g_assert_false (gloss_document_view_is_picking_target (fixture->view));

  /* In a field, R is a letter, even with a span selected. */
  click_phrase (fixture, "Ali Khamenei");
  gloss_test_input_click_widget (filter);
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_false (hint_shown (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (filter)), ==, "r");
}

/* Escape while a target is awaited: no relation, and the next click on a
 * span selects it as always. */
static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 start, end;

  click_phrase (fixture, "Ali Khamenei");
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_true (hint_shown (fixture));
  fixture_key (fixture, GDK_KEY_Escape, 0);
  g_assert_false (hint_shown (fixture));

  click_phrase (fixture, "Azerbaijan");
  g_assert_null (find_open_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER));
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, fixture_find_phrase (fixture, "Azerbaijan"));
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
}

/* The hint's words, while it shows. */
static const char *
hint_text (Fixture *fixture)
{
  return gtk_label_get_text (fixture_child (fixture, "relation_hint"));
}

/* Where the candidate target F8 went to starts, or -1. */
static gint64
target_start (Fixture *fixture)
{
  GlossSpan *target = gloss_document_view_get_relation_target (fixture->view);

  return target != NULL ? gloss_span_get_start (target) : -1;
}

/* F8 from the last span goes round to the first, Shift+F8 from the first
 * to the last, passing over the source either way; Enter then relates
 * them. */
static void
test_f8_goes_round (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GListModel *spans = gloss_document_view_get_spans (fixture->view);
  guint n = g_list_model_get_n_items (spans);
  g_autoptr(GlossSpan) first = g_list_model_get_item (spans, 0);
  g_autoptr(GlossSpan) last = g_list_model_get_item (spans, n - 1);
  GtkPopover *popover;

  g_assert_cmpuint (n, >=, 3);
  gloss_document_view_select_span (fixture->view, NULL);
  fixture_click (fixture, gloss_span_get_start (last) + 1);
  g_assert_true (gloss_document_view_get_selected_span (fixture->view) == last);
  fixture_key (fixture, GDK_KEY_r, 0);

  fixture_key (fixture, GDK_KEY_F8, 0);
  g_assert_cmpint (target_start (fixture), ==, gloss_span_get_start (first));
  fixture_key (fixture, GDK_KEY_F8, GDK_SHIFT_MASK);
  /* Back round past the source: the span before it. */
  {
    g_autoptr(GlossSpan) before_last = g_list_model_get_item (spans, n - 2);

    g_assert_cmpint (target_start (fixture), ==, gloss_span_get_start (before_last));
  }
  fixture_key (fixture, GDK_KEY_F8, 0);
  g_assert_cmpint (target_start (fixture), ==, gloss_span_get_start (first));

  fixture_key (fixture, GDK_KEY_Return, 0);
  popover = wait_for_relation_popover (fixture);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "opp");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (popover);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 1);
}

/* R, then F8 to the target and Enter, then the type's key: the keyboard's
 * way to what a click on the target does. F8 aims without selecting,
 * passes over the source both ways, and Shift+F8 steps back. */
static void
test_f8_then_enter (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 source = fixture_find_phrase (fixture, "Velayati");
  gint64 target = fixture_find_phrase (fixture, "U.S.-backed corridor");
  gint64 before, start, end;
  GtkPopover *popover;
  guint presses = 0;

  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_true (hint_shown (fixture));
  g_assert_nonnull (strstr (hint_text (fixture), "F8 and Enter"));
  g_assert_cmpint (target_start (fixture), ==, -1);

  /* Back to the span before the source, then on: the next is past it. */
  fixture_key (fixture, GDK_KEY_F8, GDK_SHIFT_MASK);
  before = target_start (fixture);
  g_assert_cmpint (before, >=, 0);
  g_assert_cmpint (before, <, source);
  fixture_key (fixture, GDK_KEY_F8, 0);
  g_assert_cmpint (target_start (fixture), >, source);
  /* The selection stays on the source; the relation is still awaited. */
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, ==, source);
  g_assert_true (hint_shown (fixture));

  while (target_start (fixture) != target)
    {
      g_assert_cmpint (target_start (fixture), <, target);
      g_assert_cmpuint (++presses, <, 40);
      fixture_key (fixture, GDK_KEY_F8, 0);
    }
  /* One too far and back. */
  fixture_key (fixture, GDK_KEY_F8, 0);
  g_assert_cmpint (target_start (fixture), >, target);
  fixture_key (fixture, GDK_KEY_F8, GDK_SHIFT_MASK);
  g_assert_cmpint (target_start (fixture), ==, target);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);

  fixture_key (fixture, GDK_KEY_Return, 0);
  g_assert_false (hint_shown (fixture));
  popover = wait_for_relation_popover (fixture);
  fixture_key (fixture, GDK_KEY_7, 0);
  wait_for_closed (popover);

  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
}

/* Escape after F8: no relation, and F8 walks the spans again. */
static void
test_f8_then_escape (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 source = fixture_find_phrase (fixture, "Velayati");
  gint64 start, end;

  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  fixture_key (fixture, GDK_KEY_F8, 0);
  g_assert_cmpint (target_start (fixture), >, source);
  fixture_key (fixture, GDK_KEY_Escape, 0);
  g_assert_false (hint_shown (fixture));
  g_assert_false (gloss_document_view_is_picking_target (fixture->view));
  g_assert_cmpint (target_start (fixture), ==, -1);

  /* Enter is no pick now. */
  fixture_key (fixture, GDK_KEY_Return, 0);
  g_assert_null (find_open_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER));
  fixture_key (fixture, GDK_KEY_F8, 0);
  selected_span_range (fixture, &start, &end);
  g_assert_cmpint (start, >, source);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
}

/* A click on the source itself as its target: refused at once, in the
 * hint, with no type popover; the target is still awaited, and the next
 * click on another span makes the relation. */
static void
test_source_as_target (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkPopover *popover;

  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  click_phrase (fixture, "Velayati");
  gloss_test_wait_for_frames ();
  g_assert_null (find_open_popover (GTK_WIDGET (fixture->view), GLOSS_TYPE_LABEL_POPOVER));
  g_assert_true (hint_shown (fixture));
  g_assert_nonnull (strstr (hint_text (fixture), "A span cannot be related to itself"));
  g_assert_true (gloss_document_view_is_picking_target (fixture->view));
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);

  click_phrase (fixture, "U.S.-backed corridor");
  g_assert_false (hint_shown (fixture));
  popover = wait_for_relation_popover (fixture);
  fixture_key (fixture, GDK_KEY_7, 0);
  wait_for_closed (popover);
  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");

  /* The next R starts with the usual words. */
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  g_assert_null (strstr (hint_text (fixture), "itself"));
  fixture_key (fixture, GDK_KEY_Escape, 0);
}

/* Presses the left button on the character at FROM, moves to the one at
 * TO and lets go there, with Ctrl held. */
static void
ctrl_drag_text (Fixture *fixture,
                gint64   from,
                gint64   to)
{
  double x1, y1, x2, y2;

  gloss_test_input_text_point_settled (fixture->text_view, fixture_buffer_offset (fixture, from),
                                       0.5, &x1, &y1);
  gloss_test_input_text_point_settled (fixture->text_view, fixture_buffer_offset (fixture, to),
                                       0.5, &x2, &y2);
  gloss_test_input_modifiers (GDK_CONTROL_MASK, True);
  gloss_test_input_drag (GTK_WIDGET (fixture->text_view), x1, y1, x2, y2);
  gloss_test_input_modifiers (GDK_CONTROL_MASK, False);
  XFlush (gloss_test_input_display ());
  gloss_test_input_settle (GTK_WIDGET (fixture->text_view));
}

/* Ctrl+drag from one span to another, then the type: no text is
 * selected on the way. */
static void
test_ctrl_drag (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkPopover *popover;

  label_both_ends (fixture);
  ctrl_drag_text (fixture, fixture_find_phrase (fixture, "Velayati") + 2,
                  fixture_find_phrase (fixture, "U.S.-backed corridor") + 2);
  popover = wait_for_relation_popover (fixture);
  g_assert_false (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (fixture->text_view)));
  gloss_test_input_type (GTK_WIDGET (fixture->window), "opp");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (popover);

  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
}

/* In the popover, a relation label's key picks it at once. */
static void
test_popover_key (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkPopover *popover;

  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  click_phrase (fixture, "U.S.-backed corridor");
  popover = wait_for_relation_popover (fixture);
  fixture_key (fixture, GDK_KEY_8, 0);
  wait_for_closed (popover);

  assert_one_relation (fixture, "supports", "Velayati", "U.S.-backed corridor");
}

/* Makes "Velayati → opposes → corridor" by keys and clicks. */
static void
make_relation (Fixture *fixture)
{
  GtkPopover *popover;

  label_both_ends (fixture);
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  click_phrase (fixture, "U.S.-backed corridor");
  popover = wait_for_relation_popover (fixture);
  fixture_key (fixture, GDK_KEY_7, 0);
  wait_for_closed (popover);
  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
}

/* A click on the arc selects the relation; Delete removes it from the
 * project file, Ctrl+Z brings it back, Ctrl+Shift+Z takes it again. */
static void
test_click_arc_delete_undo (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GlossRelation *relation;

  make_relation (fixture);
  relation = shown_relation (fixture);
  click_phrase (fixture, "Ali Khamenei");
  g_assert_null (gloss_document_view_get_selected_relation (fixture->view));

  click_arc (fixture, relation, GDK_BUTTON_PRIMARY);
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == relation);
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));

  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_relations (fixture->view)), ==,
                    n_initial_relations);
  /* The spans stay. */
  g_assert_cmpuint (count_stored (fixture, fixture_find_phrase (fixture, "Velayati"),
                                  fixture_phrase_end (fixture, "Velayati"), NULL), ==, 1);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_relations (fixture->view)), ==,
                    n_initial_relations + 1);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
}

/* A relation label's key relabels the selected relation; undo puts the
 * old type back. */
static void
test_relabel_key (Fixture       *fixture,
                  gconstpointer  user_data)
{
  make_relation (fixture);
  g_assert_nonnull (gloss_document_view_get_selected_relation (fixture->view));

  fixture_key (fixture, GDK_KEY_8, 0);
  assert_one_relation (fixture, "supports", "Velayati", "U.S.-backed corridor");

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
}

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static void
click_menu_item (GtkPopover *popover,
                 const char *text)
{
  GtkWidget *label = gloss_test_find_widget_where (GTK_WIDGET (popover), has_label_text, text);

  g_assert_nonnull (label);
  gloss_test_input_click_widget (label);
}

/* A click on plain text, or a new selection dragged, lets a selected
 * relation go: Delete then removes nothing the person no longer sees
 * chosen. */
static void
test_plain_click_lets_relation_go (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  make_relation (fixture);
  g_assert_nonnull (gloss_document_view_get_selected_relation (fixture->view));
  click_phrase (fixture, "could become");
  g_assert_null (gloss_document_view_get_selected_relation (fixture->view));
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 1);

  click_arc (fixture, shown_relation (fixture), GDK_BUTTON_PRIMARY);
  g_assert_nonnull (gloss_document_view_get_selected_relation (fixture->view));
  fixture_drag_over (fixture, "could become");
  g_assert_null (gloss_document_view_get_selected_relation (fixture->view));
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 1);
}

/* Where PHRASE's line is in the text, whatever the scrolling. */
static int
phrase_line_y (Fixture    *fixture,
               const char *phrase)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->view));
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      fixture_buffer_offset (fixture,
                                                             fixture_find_phrase (fixture, phrase)));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (fixture->view), &iter, &rect);
  return rect.y;
}

/* A paragraph's first relation makes room above its lines for the arcs;
 * deleting its last relation gives the room back, and undo makes it
 * again. */
static void
test_room_taken_back (Fixture       *fixture,
                      gconstpointer  user_data)
{
  int before = phrase_line_y (fixture, "Velayati");
  int with;

  make_relation (fixture);
  gloss_test_wait_for_frames ();
  with = phrase_line_y (fixture, "Velayati");
  g_assert_cmpint (with, >, before);

  click_arc (fixture, shown_relation (fixture), GDK_BUTTON_PRIMARY);
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (phrase_line_y (fixture, "Velayati"), ==, before);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 1);
  gloss_test_wait_for_frames ();
  g_assert_cmpint (phrase_line_y (fixture, "Velayati"), ==, with);
}

/* A click in the room above a paragraph with arcs, over a span of its
 * first line and clear of the arcs, selects that span, as the cursor goes
 * into it. */
static void
test_click_in_room_selects_span (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (fixture->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  gint64 start = fixture_find_phrase (fixture, "This contrasts");
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  label_phrase (fixture, "This contrasts");
  make_relation (fixture);
  click_phrase (fixture, "could become");
  g_assert_null (gloss_document_view_get_selected_span (fixture->view));
  gloss_test_wait_for_frames ();

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, fixture_buffer_offset (fixture, start + 2));
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y - 3,
                                         &x, &y);
  gloss_test_input_click (GTK_WIDGET (fixture->view), x, y);
  g_assert_nonnull (gloss_document_view_get_selected_span (fixture->view));
  g_assert_cmpint (gloss_span_get_start (gloss_document_view_get_selected_span (fixture->view)),
                   ==, start);
}

/* A right click on the arc: Change Type…, then Remove Relation. */
static void
test_arc_menu (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkPopover *menu, *popover;

  make_relation (fixture);
  click_phrase (fixture, "Ali Khamenei");

  click_arc (fixture, shown_relation (fixture), GDK_BUTTON_SECONDARY);
  menu = wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  click_menu_item (menu, "Change Type…");
  popover = wait_for_relation_popover (fixture);
  gloss_test_input_type (GTK_WIDGET (fixture->window), "sup");
  fixture_key (fixture, GDK_KEY_Return, 0);
  wait_for_closed (popover);
  assert_one_relation (fixture, "supports", "Velayati", "U.S.-backed corridor");

  click_arc (fixture, shown_relation (fixture), GDK_BUTTON_SECONDARY);
  menu = wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  click_menu_item (menu, "Remove Relation");
  wait_for_closed (menu);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
}

/* A right click on the arc, Add Note, NOTE typed and Enter. */
static void
add_note_on_arc (Fixture    *fixture,
                 const char *note)
{
  g_autoptr(GtkWindow) dialog = NULL;
  GtkPopover *menu;

  click_arc (fixture, shown_relation (fixture), GDK_BUTTON_SECONDARY);
  menu = wait_for_popover (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  click_menu_item (menu, "Add Note");
  /* Held: the dialog goes away with its answer. */
  dialog = g_object_ref (wait_for_window (ADW_TYPE_MESSAGE_DIALOG, NULL));
  gloss_test_input_type (GTK_WIDGET (dialog), note);
  gloss_test_input_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  gloss_test_input_wait_until ((gboolean (*) (gpointer)) is_unmapped, dialog, "the dialog to close");
}

/* The note of the relation made last, as the project file has it. */
static char *
dup_last_relation_note (Fixture *fixture)
{
  g_autoptr(GPtrArray) relations = read_stored_relations (fixture);

  g_assert_cmpuint (relations->len, >, 0);
  return g_strdup (((StoredRelation *) relations->pdata[relations->len - 1])->note);
}

/* A right click on the arc, Add Note: a note typed and Enter is the
 * relation's note in the project file; undo takes it back. */
static void
test_arc_add_note (Fixture       *fixture,
                   gconstpointer  user_data)
{
  /* Right after the type popover closed on its key: the click is not
   * lost to the closed popover. */
  g_autofree char *noted = NULL;
  g_autofree char *undone = NULL;

  make_relation (fixture);
  add_note_on_arc (fixture, "checked");
  g_assert_cmpuint (count_stored_relations (fixture), ==, 1);
  noted = dup_last_relation_note (fixture);
  g_assert_cmpstr (noted, ==, "checked");

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  undone = dup_last_relation_note (fixture);
  g_assert_cmpstr (undone, ==, "");
}

/* The same beside the Relations list. The menu's changes of size, while
 * the list was shown, once left the text without an allocation: it was
 * not painted until the pointer moved, and GTK said "Trying to snapshot
 * GlossDocumentView without a current allocation" (fatal here). */
static void
test_arc_menu_beside_list (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *noted = NULL;

  make_relation (fixture);
  show_relations_list (fixture);
  add_note_on_arc (fixture, "seen");
  noted = dup_last_relation_note (fixture);
  g_assert_cmpstr (noted, ==, "seen");
}

/* The Relations list: a click on the row selects the relation, Delete
 * from the list removes it. */
static void
test_list_row (Fixture       *fixture,
               gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "relation_list_view");
  GtkWidget *row;

  make_relation (fixture);
  click_phrase (fixture, "Ali Khamenei");
  show_relations_list (fixture);
  /* The new relation's row, in reading order among the project's own. */
  row = find_relation_row (list, shown_relation (fixture));
  g_assert_nonnull (row);

  gloss_test_input_click_widget (row);
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == shown_relation (fixture));
  g_assert_true (focus_in (fixture, list));
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
  g_assert_true (gtk_widget_get_mapped (list) == (n_initial_relations > 0));
}

/* Down in the Relations list selects the next relation in the text too,
 * and Delete removes that one. */
static void
test_list_arrow_keys (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "relation_list_view");
  GListModel *rows = gloss_document_view_get_relation_rows (fixture->view);
  g_autoptr(GlossRelation) second = NULL;
  guint n_stored;

  make_relation (fixture);
  show_relations_list (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 2);
  second = g_list_model_get_item (rows, 1);
  n_stored = count_stored_relations (fixture);

  gloss_test_input_click_widget (gtk_widget_get_first_child (list));
  fixture_key (fixture, GDK_KEY_Down, 0);
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == second);
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, n_stored - 1);
  g_assert_false (gloss_document_view_find_relation (fixture->view, second, &(guint) { 0 }));
}

/* Removing a span removes its relations with it, and one undo brings both
 * back. */
static void
test_remove_span_with_relation (Fixture       *fixture,
                                gconstpointer  user_data)
{
  make_relation (fixture);
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_relations (fixture->view)), ==,
                    n_initial_relations);

  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_one_relation (fixture, "opposes", "Velayati", "U.S.-backed corridor");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_view_get_relations (fixture->view)), ==,
                    n_initial_relations + 1);
}

/* The relation label NAME's id. */
static gint64
relation_label_id (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = gloss_store_list_relation_labels (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gloss_relation_label_get_name (g_ptr_array_index (labels, i)), name))
      return gloss_relation_label_get_id (g_ptr_array_index (labels, i));
  g_assert_not_reached ();
}

/* The span over PHRASE, made with label 2 unless there is one. */
static gint64
span_over (Fixture    *fixture,
           const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = gloss_store_list_spans (fixture->store, fixture->document_id, &error);
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (fixture->store, &error);
  g_autoptr(GlossSpan) span = NULL;
  gint64 start = fixture_find_phrase (fixture, phrase);
  gint64 end = fixture_phrase_end (fixture, phrase);

  g_assert_no_error (error);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *existing = g_ptr_array_index (spans, i);

      if (gloss_span_get_start (existing) == start && gloss_span_get_end (existing) == end)
        return gloss_span_get_id (existing);
    }

  span = gloss_store_add_span (fixture->store, fixture->document_id,
                               gloss_label_get_id (g_ptr_array_index (labels, 3)), start, end,
                               "test", NULL, &error);
  g_assert_no_error (error);
  return gloss_span_get_id (span);
}

static void
relate (Fixture    *fixture,
        const char *from,
        const char *type,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRelation) relation = NULL;

  relation = gloss_store_add_relation (fixture->store, fixture->document_id,
                                       relation_label_id (fixture, type), span_over (fixture, from),
                                       span_over (fixture, to), "test", NULL, &error);
  g_assert_no_error (error);
}

/* RELATION as its row says it, with the spans' whole texts:
 * "Velayati → opposes → U.S.-backed corridor". */
static char *
describe_relation (Fixture       *fixture,
                   GlossRelation *relation)
{
  GlossSpan *from = gloss_document_view_lookup_span (fixture->view,
                                                     gloss_relation_get_from_id (relation));
  GlossSpan *to = gloss_document_view_lookup_span (fixture->view,
                                                   gloss_relation_get_to_id (relation));
  GlossRelationLabel *label =
    gloss_document_view_lookup_relation_label (fixture->view,
                                               gloss_relation_get_label_id (relation));
  g_autofree char *from_text = gloss_document_view_dup_span_text (fixture->view, from);
  g_autofree char *to_text = gloss_document_view_dup_span_text (fixture->view, to);

  return g_strdup_printf ("%s → %s → %s", from_text, gloss_relation_label_get_name (label),
                          to_text);
}

/* The Relations list's rows, one a line. */
static char *
describe_rows (Fixture *fixture)
{
  GListModel *rows = gloss_document_view_get_relation_rows (fixture->view);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (rows, i);
      g_autofree char *line = describe_relation (fixture, relation);

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

/* The listed relation that RELATION's row says, as describe_relation (). */
static GlossRelation *
listed_relation (Fixture    *fixture,
                 const char *description)
{
  GListModel *rows = gloss_document_view_get_relation_rows (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (rows, i);
      g_autofree char *line = describe_relation (fixture, relation);

      if (g_str_equal (line, description))
        return relation;
    }
  g_error ("No relation “%s” listed", description);
}

#define READING_ORDER \
  "Masoud Pezeshkian → opposes → Ali Khamenei\n" \
  "Velayati → supports → Ali Khamenei\n" \
  "Velayati → opposes → U.S.-backed corridor\n" \
  "Velayati → supports → Russia\n" \
  "Islamic Revolutionary Guard Corps → part of → military and security elites, notably the " \
  "Islamic Revolutionary Guard Corps (IRGC)\n"

/* The Relations list follows the text, as the Spans list does: by where
 * the first span starts, then the second, then the order they were made,
 * however they were made, and after the document is opened again. A
 * click on a row selects its relation in the text; a click on an arc
 * selects its row; a relation removed and brought back by Ctrl+Z comes
 * back to its place. */
static void
test_list_reading_order (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "relation_list_view");
  GtkSelectionModel *selection;
  g_autofree char *rows = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *restored = NULL;
  GlossRelation *relation;
  guint position;

  g_assert_cmpuint (n_initial_relations, ==, 1);
  relate (fixture, "Velayati", "opposes", "U.S.-backed corridor");
  relate (fixture, "Masoud Pezeshkian", "opposes", "Ali Khamenei");
  relate (fixture, "Velayati", "supports", "Russia");
  relate (fixture, "Velayati", "supports", "Ali Khamenei");
  gloss_test_wait_for_frames ();
  rows = describe_rows (fixture);
  g_assert_cmpstr (rows, ==, READING_ORDER);

  /* The document opened again: the same order. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gloss_test_wait_for_frames ();
  fixture_open_window (fixture);
  list = fixture_child (fixture, "relation_list_view");
  reopened = describe_rows (fixture);
  g_assert_cmpstr (reopened, ==, READING_ORDER);

  /* The list's row selects in the text... */
  show_relations_list (fixture);
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  relation = listed_relation (fixture, "Velayati → opposes → U.S.-backed corridor");
  gloss_test_input_click_widget (find_relation_row (list, relation));
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == relation);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));

  /* ...and the text's arc in the list. */
  relation = listed_relation (fixture, "Velayati → supports → Russia");
  click_arc (fixture, relation, GDK_BUTTON_PRIMARY);
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == relation);
  g_assert_true (gtk_selection_model_is_selected (selection, 3));
  g_assert_false (gtk_selection_model_is_selected (selection, 2));

  /* Removed, and back where it was. */
  fixture_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 3);
  fixture_key (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (count_stored_relations (fixture), ==, 4);
  restored = describe_rows (fixture);
  g_assert_cmpstr (restored, ==, READING_ORDER);
  relation = listed_relation (fixture, "Velayati → supports → Russia");
  g_assert_true (gloss_document_view_find_relation (fixture->view, relation, &position));
  g_assert_cmpuint (position, ==, 3);
}

/* A row cuts long span texts to fit the sidebar; the pointer resting on
 * it shows the relation whole, with its note. */
static void
test_list_row_tooltip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWidget *list = fixture_child (fixture, "relation_list_view");
  TooltipSearch search = {
    GTK_WIDGET (fixture->window),
    "Islamic Revolutionary Guard Corps → part of → military and security elites, notably the "
    "Islamic Revolutionary Guard Corps (IRGC)\n"
    "The Guard is named as one of the elites"
  };
  g_autoptr(GlossRelation) noted = NULL;
  g_autoptr(GError) error = NULL;
  GlossRelation *relation;
  GtkWidget *row;

  relation = listed_relation (fixture, "Islamic Revolutionary Guard Corps → part of → military "
                                       "and security elites, notably the Islamic Revolutionary "
                                       "Guard Corps (IRGC)");
  noted = gloss_store_set_relation_note (fixture->store, gloss_relation_get_id (relation),
                                         "The Guard is named as one of the elites", &error);
  g_assert_no_error (error);
  show_relations_list (fixture);
  row = find_relation_row (list, gloss_document_view_lookup_relation (fixture->view,
                                                                     gloss_relation_get_id (noted)));
  g_assert_nonnull (row);

  gloss_test_input_hover (row, gtk_widget_get_width (row) / 2.0,
                          gtk_widget_get_height (row) / 2.0);
  gloss_test_input_wait_until (tooltip_shown, &search, "the relation row's tooltip");
}

typedef struct
{
  Fixture *fixture;
  GlossRelation *relation;
} RowSearch;

/* Whether the row of the search's relation is selected and in full view
 * in the Relations list. */
static gboolean
row_selected_in_view (gpointer data)
{
  RowSearch *search = data;
  GtkWidget *list = fixture_child (search->fixture, "relation_list_view");
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  GtkWidget *row = find_relation_row (list, search->relation);
  graphene_rect_t bounds;
  guint position;

  if (row == NULL ||
      !gloss_document_view_find_relation (search->fixture->view, search->relation, &position) ||
      !gtk_selection_model_is_selected (selection, position) ||
      !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* With the Relations list shown and longer than its place, a relation
 * made in the text gets its row selected and scrolled into view. */
static void
test_list_follows_new_relation (Fixture       *fixture,
                                gconstpointer  user_data)
{
  static const char * const phrases[] = {
    "Masoud Pezeshkian", "Pezeshkian downplays", "alarmist narratives", "Supreme Leader",
    "Ali Khamenei", "Russia",
  };
  GtkWidget *list = fixture_child (fixture, "relation_list_view");
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  RowSearch search = { fixture, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (phrases); j++)
      if (i != j)
        relate (fixture, phrases[i], "supports", phrases[j]);
  show_relations_list (fixture);
  gloss_test_wait_for_frames ();
  /* More rows than the list shows. */
  g_assert_nonnull (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (
                       GTK_SCROLLED_WINDOW (scroller))), >, gtk_widget_get_height (scroller));

  /* These count as the project's own: the test makes one more. */
  n_initial_relations += G_N_ELEMENTS (phrases) * (G_N_ELEMENTS (phrases) - 1);

  make_relation (fixture);
  search.relation = shown_relation (fixture);
  g_assert_true (gloss_document_view_get_selected_relation (fixture->view) == search.relation);
  gloss_test_input_wait_until (row_selected_in_view, &search,
                               "the new relation's row, selected and in view");
}

/* The text keeps its width whether the open document has relations or
 * not: switching to a document without any, and making its first one (R
 * and a click), reflow nothing. */
static void
test_text_width_with_relations (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char *text = "Velayati met the envoy from Russia about the corridor and the border.";
  GtkWidget *relations_box = fixture_child (fixture, "relations_box");
  GtkWidget *text_view = GTK_WIDGET (fixture->text_view);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GError) error = NULL;
  GtkPopover *popover;
  gint64 other;
  int with_relations, without_relations, first_relation;

  /* The application's style sheet, as GlossApplication loads it. */
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* The project's document comes with a relation. */
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (relations_box));
  with_relations = gtk_widget_get_width (text_view);

  other = gloss_store_add_document (fixture->store, "envoy.txt", text, "envoy.txt", &error);
  g_assert_no_error (error);
  g_assert_true (gloss_window_open_document (fixture->window, other));
  fixture->document_id = other;
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_widget_get_visible (relations_box));
  without_relations = gtk_widget_get_width (text_view);

  label_phrase (fixture, "Velayati");
  label_phrase (fixture, "Russia");
  click_phrase (fixture, "Velayati");
  fixture_key (fixture, GDK_KEY_r, 0);
  click_phrase (fixture, "Russia");
  popover = wait_for_relation_popover (fixture);
  fixture_key (fixture, GDK_KEY_7, 0);
  wait_for_closed (popover);
  gloss_test_input_settle (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (relations_box));
  first_relation = gtk_widget_get_width (text_view);

  g_test_message ("text width: %d with relations, %d without, %d with the first one",
                  with_relations, without_relations, first_relation);
  g_assert_cmpint (without_relations, ==, with_relations);
  g_assert_cmpint (first_relation, ==, with_relations);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

/* What WINDOW last drew, once it has drawn at all. */
static GskRenderNode *
get_window_node (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);

  for (;;)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, snapshot,
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        return node;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
save_window (Fixture    *fixture,
             const char *dir,
             const char *name)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20000);
      gloss_test_wait_for_frames ();
    }
  node = get_window_node (GTK_WINDOW (fixture->window));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

/* With GLOSS_TEST_SNAPSHOT_DIR set, the window with several crossing arcs,
 * in one line and across lines, and then waiting for a target F8 went to,
 * light and dark, at 1400x950 and 800x600 (data/screenshots/relations-*.png
 * and relation-target-*.png come from here). */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const struct { int width, height; } sizes[] = { { 1400, 950 }, { 800, 600 } };
  const char *dir = g_getenv ("GLOSS_TEST_SNAPSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("GLOSS_TEST_SNAPSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  ensure_relation_label (fixture->store, "quotes", "#3584e4", "9");

  relate (fixture, "Velayati", "opposes", "U.S.-backed corridor");
  relate (fixture, "Ali Khamenei", "supports", "Velayati");
  relate (fixture, "Velayati", "quotes", "Russia");
  relate (fixture, "Supreme Leader", "supports", "U.S.-backed corridor");
  relate (fixture, "Pezeshkian downplays", "opposes", "alarmist narratives");
  relate (fixture, "Masoud Pezeshkian", "opposes", "Ali Khamenei");
  relate (fixture, "Ahmad Alili", "quotes", "Islamic Revolutionary Guard Corps");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *light = g_strdup_printf ("relations-%dx%d.png", sizes[i].width,
                                                sizes[i].height);
      g_autofree char *dark = g_strdup_printf ("relations-%dx%d-dark.png", sizes[i].width,
                                               sizes[i].height);
      GlossRelation *relation;

      /* A window of that size: a shown window keeps its size. */
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      gloss_test_wait_for_frames ();
      fixture->window = gloss_window_new (NULL, fixture->store);
      fixture->view = gloss_window_get_document_view (fixture->window);
      fixture->text_view = GTK_TEXT_VIEW (fixture->view);
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), sizes[i].width, sizes[i].height);
      gloss_test_input_present (GTK_WINDOW (fixture->window));
      relation = g_list_model_get_item (gloss_document_view_get_relations (fixture->view), 0);
      gloss_document_view_select_relation (fixture->view, relation);
      g_object_unref (relation);
      save_window (fixture, dir, light);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      save_window (fixture, dir, dark);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

      /* The Relations list in place of the spans', as its button shows it. */
      g_free (light);
      g_free (dark);
      light = g_strdup_printf ("relations-list-%dx%d.png", sizes[i].width, sizes[i].height);
      dark = g_strdup_printf ("relations-list-%dx%d-dark.png", sizes[i].width, sizes[i].height);
      gtk_stack_set_visible_child (fixture_child (fixture, "annotation_stack"),
                                   fixture_child (fixture, "relations_box"));
      save_window (fixture, dir, light);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      save_window (fixture, dir, dark);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

      /* A target aimed at from the keyboard: R, then F8. */
      g_free (light);
      g_free (dark);
      light = g_strdup_printf ("relation-target-%dx%d.png", sizes[i].width, sizes[i].height);
      dark = g_strdup_printf ("relation-target-%dx%d-dark.png", sizes[i].width, sizes[i].height);
      click_phrase (fixture, "Masoud Pezeshkian");
      fixture_key (fixture, GDK_KEY_r, 0);
      fixture_key (fixture, GDK_KEY_F8, 0);
      fixture_key (fixture, GDK_KEY_F8, 0);
      save_window (fixture, dir, light);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      save_window (fixture, dir, dark);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      fixture_key (fixture, GDK_KEY_Escape, 0);
    }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;

  data_home = gloss_test_ui_init (&argc, &argv, "input-relations");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, relations_set_up, func, fixture_tear_down)

  ADD ("/gloss/input/relations/r-then-click", test_r_then_click);
  ADD ("/gloss/input/relations/hint-steps-aside", test_hint_steps_aside);
  ADD ("/gloss/input/relations/hint-steps-down", test_hint_steps_down);
  ADD ("/gloss/input/relations/r-without-span", test_r_without_span);
  ADD ("/gloss/input/relations/escape-cancels", test_escape_cancels);
  ADD ("/gloss/input/relations/f8-then-enter", test_f8_then_enter);
  ADD ("/gloss/input/relations/f8-then-escape", test_f8_then_escape);
  ADD ("/gloss/input/relations/f8-goes-round", test_f8_goes_round);
  ADD ("/gloss/input/relations/source-as-target", test_source_as_target);
  ADD ("/gloss/input/relations/ctrl-drag", test_ctrl_drag);
  ADD ("/gloss/input/relations/popover-key", test_popover_key);
  ADD ("/gloss/input/relations/click-arc-delete-undo", test_click_arc_delete_undo);
  ADD ("/gloss/input/relations/room-taken-back", test_room_taken_back);
  ADD ("/gloss/input/relations/click-in-room-selects-span", test_click_in_room_selects_span);
  ADD ("/gloss/input/relations/relabel-key", test_relabel_key);
  ADD ("/gloss/input/relations/plain-click-lets-relation-go", test_plain_click_lets_relation_go);
  ADD ("/gloss/input/relations/arc-menu", test_arc_menu);
  ADD ("/gloss/input/relations/arc-add-note", test_arc_add_note);
  ADD ("/gloss/input/relations/arc-menu-beside-list", test_arc_menu_beside_list);
  ADD ("/gloss/input/relations/list-row", test_list_row);
  ADD ("/gloss/input/relations/list-arrow-keys", test_list_arrow_keys);
  ADD ("/gloss/input/relations/remove-span-with-relation", test_remove_span_with_relation);
  ADD ("/gloss/input/relations/list-reading-order", test_list_reading_order);
  ADD ("/gloss/input/relations/list-row-tooltip", test_list_row_tooltip);
  ADD ("/gloss/input/relations/list-follows-new-relation", test_list_follows_new_relation);
  ADD ("/gloss/input/relations/text-width-with-relations", test_text_width_with_relations);
  ADD ("/gloss/input/relations/snapshot", test_snapshot);

#undef ADD

  return gloss_test_ui_run (data_home);
}
