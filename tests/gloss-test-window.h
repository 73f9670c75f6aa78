/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the real-input suites share: the window on a fresh default project
 * (the sample article, its labels and spans), put on the X screen with the
 * keyboard focus, and a reader of the project file that goes through
 * SQLite alone, as a second program would after the window's writes. */

#pragma once

#include <sqlite3.h>

#include "gloss-document-view.h"
#include "gloss-project.h"
#include "gloss-test-input.h"
#include "gloss-window-testing.h"

typedef struct
{
  GlossStore *store;
  GlossWindow *window;
  GlossDocumentView *view;
  GtkTextView *text_view;
  gint64 document_id;
  char *path;
} Fixture;

/* The application the windows belong to, for a suite that needs the
 * application's accelerators; none by default. */
static GtkApplication *fixture_application;

static inline void
fixture_open_window (Fixture *fixture)
{
  fixture->window = gloss_window_new (fixture_application, fixture->store);
  fixture->view = gloss_window_get_document_view (fixture->window);
  fixture->text_view = GTK_TEXT_VIEW (fixture->view);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gloss_test_input_present (GTK_WINDOW (fixture->window));
}

static inline void
fixture_set_up (Fixture       *fixture,
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

  fixture_open_window (fixture);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  gloss_test_wait_for_frames ();

  gloss_test_remove_project (fixture->path);
  g_free (fixture->path);
}

/* Where PHRASE starts in the open document's text, in code points. */
static inline gint64
fixture_find_phrase (Fixture    *fixture,
                     const char *phrase)
{
  g_autofree char *text = gloss_document_view_dup_document_text (fixture->view);
  const char *found = strstr (text, phrase);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static inline gint64
fixture_phrase_end (Fixture    *fixture,
                    const char *phrase)
{
  return fixture_find_phrase (fixture, phrase) + g_utf8_strlen (phrase, -1);
}

/* The buffer offset of document OFFSET (long lines have display breaks). */
static inline gint64
fixture_buffer_offset (Fixture *fixture,
                       gint64   offset)
{
  GtkTextIter iter;

  gloss_document_view_get_iter_at (fixture->view, &iter, offset);
  return gtk_text_iter_get_offset (&iter);
}

/* A person's click on the document's character at OFFSET. */
static inline void
fixture_click (Fixture *fixture,
               gint64   offset)
{
  gloss_test_input_click_text (fixture->text_view, fixture_buffer_offset (fixture, offset));
}

static inline void
fixture_right_click (Fixture *fixture,
                     gint64   offset)
{
  gloss_test_input_right_click_text (fixture->text_view, fixture_buffer_offset (fixture, offset));
}

/* A person's drag over PHRASE in the text. */
static inline void
fixture_drag_over (Fixture    *fixture,
                   const char *phrase)
{
  gint64 start = fixture_find_phrase (fixture, phrase);

  gloss_test_input_drag_text (fixture->text_view, fixture_buffer_offset (fixture, start),
                              fixture_buffer_offset (fixture, start + g_utf8_strlen (phrase, -1)));
}

static inline void
fixture_key (Fixture         *fixture,
             guint            keyval,
             GdkModifierType  modifiers)
{
  gloss_test_input_key (GTK_WIDGET (fixture->window), keyval, modifiers);
}

static inline GtkWidget *
fixture_focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* The window's template child NAME. */
static inline gpointer
fixture_child (Fixture    *fixture,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), GLOSS_TYPE_WINDOW,
                                                  name);

  g_assert_nonnull (child);
  return child;
}

/* One span as the project file has it. */
typedef struct
{
  gint64 id;
  char *label;
  gint64 start;
  gint64 end;
  char *note;
} StoredSpan;

static inline void
stored_span_free (StoredSpan *span)
{
  g_free (span->label);
  g_free (span->note);
  g_free (span);
}

/* Every span of DOCUMENT_ID in the project file at PATH, read with a
 * connection of its own, in reading order. */
static inline GPtrArray *
read_stored_spans (const char *path,
                   gint64      document_id)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_span_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT spans.id, labels.name, start, end, note "
                                       "FROM spans JOIN labels ON labels.id = spans.label "
                                       "WHERE document = ? ORDER BY start, end DESC, spans.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, document_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      StoredSpan *span = g_new0 (StoredSpan, 1);

      span->id = sqlite3_column_int64 (stmt, 0);
      span->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      span->start = sqlite3_column_int64 (stmt, 2);
      span->end = sqlite3_column_int64 (stmt, 3);
      span->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (spans, span);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return spans;
}

/* How many spans from START to END the project file has, of LABEL (any
 * label when NULL). */
static inline guint
count_stored (Fixture    *fixture,
              gint64      start,
              gint64      end,
              const char *label)
{
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, fixture->document_id);
  guint n = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start && span->end == end &&
          (label == NULL || g_str_equal (span->label, label)))
        n++;
    }

  return n;
}

/* The label of the one span from START to END in the project file, or
 * NULL when there is none. */
static inline char *
stored_label (Fixture *fixture,
              gint64   start,
              gint64   end)
{
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, fixture->document_id);
  char *label = NULL;

  for (guint i = 0; i < spans->len; i++)
    {
      StoredSpan *span = spans->pdata[i];

      if (span->start == start && span->end == end)
        {
          g_assert_null (label);
          label = g_strdup (span->label);
        }
    }

  return label;
}

static inline guint
count_all_stored (Fixture *fixture)
{
  g_autoptr(GPtrArray) spans = read_stored_spans (fixture->path, fixture->document_id);

  return spans->len;
}

/* The selected span's range, or -1s. */
static inline void
selected_span_range (Fixture *fixture,
                     gint64  *start,
                     gint64  *end)
{
  GlossSpan *span = gloss_document_view_get_selected_span (fixture->view);

  *start = span != NULL ? gloss_span_get_start (span) : -1;
  *end = span != NULL ? gloss_span_get_end (span) : -1;
}

static inline gboolean
focus_in (Fixture   *fixture,
          GtkWidget *widget)
{
  GtkWidget *focus = fixture_focus (fixture);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The first mapped popover whose parent is PARENT or under it, or NULL. */
static inline GtkPopover *
find_open_popover (GtkWidget *parent,
                   GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkPopover *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return GTK_POPOVER (child);
      if (!GTK_IS_POPOVER (child) && (found = find_open_popover (child, type)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *parent;
  GType type;
  GtkPopover *found;
} PopoverSearch;

/* Whether the X server shows POPOVER's surface, and GDK knows it: before
 * that a click at its place lands on what is under it. */
static inline gboolean
is_on_screen (GtkWidget *widget)
{
  GdkSurface *surface;
  XWindowAttributes attributes;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  if (surface == NULL || !gdk_surface_get_mapped (surface))
    return FALSE;
  if (!XGetWindowAttributes (gloss_test_input_display (), gdk_x11_surface_get_xid (surface),
                             &attributes))
    return FALSE;
  return attributes.map_state == IsViewable;
}

static inline gboolean
popover_search_done (gpointer data)
{
  PopoverSearch *search = data;

  search->found = find_open_popover (search->parent, search->type);
  return search->found != NULL && is_on_screen (GTK_WIDGET (search->found));
}

/* Waits for a popover of TYPE under PARENT to be on the screen: it maps a
 * surface of its own, which the X server answers in its own time. */
static inline GtkPopover *
wait_for_popover (GtkWidget *parent,
                  GType      type)
{
  PopoverSearch search = { parent, type, NULL };

  gloss_test_input_wait_until (popover_search_done, &search, g_type_name (type));
  gloss_test_input_settle (parent);
  return search.found;
}

static inline gboolean
is_unmapped (gpointer data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (data));
  XWindowAttributes attributes;

  if (gtk_widget_get_mapped (data))
    return FALSE;
  if (surface == NULL)
    return TRUE;
  if (gdk_surface_get_mapped (surface))
    return FALSE;
  if (!XGetWindowAttributes (gloss_test_input_display (), gdk_x11_surface_get_xid (surface),
                             &attributes))
    return TRUE;
  return attributes.map_state != IsViewable;
}

static inline void
wait_for_closed (GtkPopover *popover)
{
  gloss_test_input_wait_until (is_unmapped, popover, "the popover to close");
  gloss_test_input_settle (GTK_WIDGET (popover));
}

typedef struct
{
  GType type;
  const char *title;
  GtkWindow *found;
} WindowSearch;

static inline gboolean
window_search_done (gpointer data)
{
  WindowSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, search->type) &&
          (search->title == NULL || g_strcmp0 (gtk_window_get_title (window), search->title) == 0) &&
          is_on_screen (GTK_WIDGET (window)))
        {
          search->found = window;
          return TRUE;
        }
    }

  return FALSE;
}

/* Waits for a window of TYPE (titled TITLE unless NULL) to be on the
 * screen, then gives it the keyboard focus, as a window manager gives it
 * to a dialog that opens (Xvfb has none). */
static inline GtkWindow *
wait_for_window (GType       type,
                 const char *title)
{
  WindowSearch search = { type, title, NULL };

  gloss_test_input_wait_until (window_search_done, &search, title != NULL ? title : g_type_name (type));
  gloss_test_input_present (search.found);
  return search.found;
}

typedef struct
{
  const char *text;
  gboolean exact;
} LabelMatch;

static inline gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  data)
{
  const LabelMatch *match = data;
  const char *text;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  text = gtk_label_get_text (GTK_LABEL (widget));
  return match->exact ? g_str_equal (text, match->text) : strstr (text, match->text) != NULL;
}

/* The first label on screen under ROOT that reads TEXT (that holds it, when
 * not EXACT): what a person looks for to click. */
static inline GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text,
                  gboolean    exact)
{
  LabelMatch match = { text, exact };

  return gloss_test_find_widget_where (root, is_label_showing, &match);
}

static inline gboolean
find_entry_has_focus (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *entry = gloss_test_find_widget (fixture_child (fixture, "search_bar"),
                                             GTK_TYPE_SEARCH_ENTRY);

  return entry != NULL && focus_in (fixture, entry);
}

/* Ctrl+F, then the wait a person's eyes make: for the find bar's field to
 * have the focus, so that what is typed next goes into it. */
static inline void
fixture_open_find (Fixture *fixture)
{
  fixture_key (fixture, GDK_KEY_f, GDK_CONTROL_MASK);
  gloss_test_input_wait_until (find_entry_has_focus, fixture, "the find field to have the focus");
}

static inline gboolean
is_mapped_label_reading (GtkWidget     *widget,
                         gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* A tooltip looked for under ROOT's window and its popovers. */
typedef struct
{
  GtkWidget *root;
  const char *text;
} TooltipSearch;

/* Whether a tooltip saying the search's text is on the screen. */
static inline gboolean
tooltip_shown (gpointer data)
{
  TooltipSearch *search = data;
  GtkWidget *label = gloss_test_find_widget_where (search->root, is_mapped_label_reading,
                                                   search->text);
  GtkWidget *tooltip;

  if (label == NULL)
    return FALSE;
  tooltip = GTK_WIDGET (gtk_widget_get_native (label));
  return g_str_equal (G_OBJECT_TYPE_NAME (tooltip), "GtkTooltipWindow") && is_on_screen (tooltip);
}

static inline gboolean
tooltip_gone (gpointer data)
{
  return !tooltip_shown (data);
}

/* The first column of the first row SQL gives for ARG (bound to its one
 * "?", unless NULL) in the project file at PATH, read with a connection of
 * its own, as text; NULL when there is no row. */
static inline char *
read_stored_value (const char *path,
                   const char *sql,
                   const char *arg)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
