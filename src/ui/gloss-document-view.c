/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossDocumentView shows one document's text, read-only, with each span
 * highlighted in its label's color, and owns which span is selected.
 *
 * GtkTextIter offsets count characters, which are code points: the unit of
 * every span. The one difference is the display breaks a very long line gets
 * (see GlossBreakMap), so every offset passes through iter_at () and
 * offset_of (). A span's tag is applied or removed over that span's range
 * alone; the document is never re-tagged. A large document is tagged where
 * it is shown first, and the rest in short idle steps, so the first screen
 * comes at once and the main loop never stalls. */

#define G_LOG_DOMAIN "gloss-document-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-document-view-testing.h"
#include "gloss-list-head.h"
#include "gloss-offsets.h"
#include "gloss-span-index.h"
#include "gloss-relation-drawer.h"
#include "gloss-span-line-drawer.h"

/* Longer lines get display-only breaks: a text view lays out a line whole. */
#define MAX_LINE_CHARS 1000
#define PIXELS_INSIDE_WRAP 8
/* Spans tagged before the first frame; the rest wait for idle time. */
#define FIRST_SCREEN_SPANS 2000
#define TAGGING_STEP_USEC 8000
/* A document's text goes into the buffer a piece at a time: first what
 * fills any screen, then a step per idle call. Putting megabytes in at once
 * costs GTK about as long per megabyte as a frame, so opening a document
 * costs what its first screen holds, at any size. */
#define FIRST_TEXT_BYTES (64 * 1024)
#define TEXT_STEP_BYTES (512 * 1024)

/* A long document's spans come a page at a time, so the first screen does
 * not wait for them all; the first page is about what one screen shows. */
#define SPANS_FIRST_PAGE 256
#define SPANS_PER_PAGE 1000

/* GtkListView (GTK 4.8) makes a row for up to 200 items at once, and
 * measuring 200 span rows costs more than the document's first screen. The
 * side list's model opens on the rows it shows and grows by a step at a
 * time in idle time; past SPAN_ROWS_ALL it can hold every span, as more
 * items make no more rows. */
#define SPAN_ROWS_FIRST 24
#define SPAN_ROWS_STEP 24
#define SPAN_ROWS_ALL 256

/* Fills are translucent, so a highlight is the label color blended with the
 * page; the text on it takes whichever of a dark and a light color contrasts
 * more with that blend (a selected yellow span in the dark style is bright,
 * and the theme's light text vanished on it). */
#define FILL_ALPHA_LIGHT 0.25
#define FILL_ALPHA_DARK 0.40
#define SELECTED_ALPHA_LIGHT 0.55
#define SELECTED_ALPHA_DARK 0.70

/* The page under the text: @window_bg_color (style.css) in libadwaita's
 * light and dark styles. */
#define PAGE_COLOR_LIGHT "#fafafa"
#define PAGE_COLOR_DARK "#242424"
#define MISSING_LABEL_COLOR "#9a9996"

/* The kinds of idle step that bring a document in (take_loading_turn ()). */
typedef enum
{
  LOADING_TEXT,           /* the text, then the fills of the spans loaded */
  LOADING_SPANS,          /* the next page of spans */
  LOADING_SPAN_ROWS,      /* more rows for the side list of spans */
  LOADING_RELATION_ROWS,  /* more rows for the list of relations */
  N_LOADING_STEPS,
} LoadingStep;

struct _GlossDocumentView
{
  GtkTextView parent_instance;

  /* Owned references */
  GHashTable *labels;      /* label id -> GlossLabel */
  GHashTable *label_tags;  /* label id -> GtkTextTag (owned by the tag table) */
  GHashTable *selected_tags; /* label id -> the tag of a selected span with that label */
  GlossSpanIndex *spans;   /* the spans shown, in reading order */
  GlossSpanLineDrawer *line_drawer;
  GlossBreakMap *breaks;   /* NULL when no line needed breaking */
  char *unshown_text;      /* the text while part of it is not in the buffer yet */
  gsize unshown_length;    /* its length in bytes */
  GPtrArray *untagged;     /* spans loaded but not tagged yet, in reverse order */
  GlossSpan *selected_span;
  GlossStore *paging_store;  /* while the spans come page by page */
  GlossListHead *span_rows;      /* the spans a side list has rows for */
  GHashTable *attribute_texts;   /* span id -> its attributes in words, for the tooltip */
  GtkWidget *popover_host;       /* the parent of the popovers over the text; never drawn */

  /* Borrowed references */
  GtkTextTag *break_tag;
  GtkTextTag *broken_line_tag;
  GtkCssProvider *text_scale_css;  /* owned by the style context */

  gint64 document_id;
  gsize shown_bytes;       /* of unshown_text, in the buffer already */
  gint64 shown_length;     /* display characters in the buffer */
  guint next_break;        /* the first display break not in the buffer yet */
  guint showing_source;
  guint span_loader;
  gint64 loaded_start;     /* the last span paged in so far */
  gint64 loaded_end;
  gint64 loaded_id;
  guint span_rows_grower;
  gint64 loading_turn;     /* the main-loop iteration of the last loading step */
  guint64 loading_serial;
  guint64 loading_last[N_LOADING_STEPS]; /* when each kind of step last ran */
  gboolean snap_to_words;
  guint snapper;           /* grows a dragged selection to its words */
  guint tooltip_requery;   /* asks the tooltip again after the text flowed anew */
  int allocated_width;     /* the text is laid out anew at another */
  double text_scale;

  /* Relations (the "Relations" part at the end of this file) */
  GHashTable *relations;          /* id -> GlossRelation */
  GHashTable *relations_by_span;  /* span id -> GPtrArray of its GlossRelations (borrowed) */
  GHashTable *relation_labels;    /* id -> GlossRelationLabel */
  GListStore *relation_rows;      /* GlossRelation, in reading order (compare_relation_rows ()) */
  GHashTable *relation_end_starts; /* span id -> start (gint64 *), of the relations' ends */
  GlossListHead *relation_head; /* the relations a side list has rows for */
  guint relation_head_grower;
  GlossRelationDrawer *relation_drawer;
  GtkTextTag *relation_room_tag;
  GlossRelation *selected_relation;
  GlossSpan *relation_from;       /* while a relation is being made */
  double pointer_x, pointer_y;    /* buffer coordinates, while it is */
  gboolean picking_target;        /* a click on a span ends it (R) */
  gint64 relation_target_id;      /* the span F8 went to while it is, 0 for none */
  gboolean dragging_relation;     /* letting go over a span ends it (Ctrl+drag) */
};

G_DEFINE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_SELECTED_SPAN,
  PROP_SELECTED_RELATION,
  PROP_SNAP_TO_WORDS,
  PROP_TEXT_SCALE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum {
  SPANS_PAGED,
  PAGING_FAILED,
  RELATION_REQUESTED,
  TARGET_REFUSED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void relations_init (GlossDocumentView *self);
static void relations_dispose (GlossDocumentView *self);
static void relations_clear (GlossDocumentView *self);
static void lay_out_before_drawing (GlossDocumentView *self);
static void give_span_room (GlossDocumentView *self,
                            GlossSpan         *span);
static void draw_relations (GlossDocumentView *self,
                            GtkSnapshot       *snapshot);
static gboolean select_relation_at (GlossDocumentView *self,
                                    double             x,
                                    double             y);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
get_label_rgba (GlossDocumentView *self,
                gint64             label_id,
                double             alpha,
                GdkRGBA           *rgba)
{
  GlossLabel *label = g_hash_table_lookup (self->labels, &label_id);

  if (label == NULL || !gdk_rgba_parse (rgba, gloss_label_get_color (label)))
    gdk_rgba_parse (rgba, MISSING_LABEL_COLOR);
  rgba->alpha = alpha;
}

static gint64
to_display (GlossDocumentView *self,
            gint64             offset)
{
  return self->breaks != NULL ? (gint64) gloss_break_map_to_display (self->breaks, offset) : offset;
}

/* Whether the text up to document OFFSET is in the buffer. */
static gboolean
is_shown (GlossDocumentView *self,
          gint64             offset)
{
  return self->unshown_text == NULL || to_display (self, offset) <= self->shown_length;
}

/* Puts BYTES of the text, from where the buffer ends, in the buffer. */
static void
insert_text (GlossDocumentView *self,
             const char        *text,
             gsize              n_bytes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, n_bytes);
  self->shown_length += gloss_offsets_count_chars (text, n_bytes);
}

/* Puts up to MAX_BYTES more of the text in the buffer, ending after a line
 * break where the piece has one, and never inside a character or between
 * the two of a CR LF; with the display breaks in that piece, each marked
 * so that copying leaves it out. */
static void
show_more_text (GlossDocumentView *self,
                gsize              max_bytes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const char *from = self->unshown_text + self->shown_bytes;
  gsize n_bytes = self->unshown_length - self->shown_bytes;
  gsize stop;

  if (n_bytes > max_bytes)
    {
      const char *newline = g_strrstr_len (from, max_bytes, "\n");

      if (newline != NULL)
        n_bytes = newline + 1 - from;
      else
        {
          n_bytes = max_bytes;
          while (n_bytes > 1 &&
                 (((guchar) from[n_bytes] & 0xC0) == 0x80 || from[n_bytes - 1] == '\r'))
            n_bytes--;
        }
    }
  stop = self->shown_bytes + n_bytes;

  for (; self->breaks != NULL && self->next_break < gloss_break_map_get_n_breaks (self->breaks);
       self->next_break++)
    {
      gsize at = gloss_break_map_get_break_byte (self->breaks, self->next_break);
      GtkTextIter line_start, end;

      if (at >= stop)
        break;
      insert_text (self, self->unshown_text + self->shown_bytes, at - self->shown_bytes);
      self->shown_bytes = at;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags (buffer, &end, "\n", 1, self->break_tag, NULL);
      self->shown_length++;

      /* The line the break ends is spaced as a wrapped line, not as a
       * paragraph: the text reads on as the one line it is. */
      gtk_text_buffer_get_end_iter (buffer, &end);
      line_start = end;
      gtk_text_iter_backward_line (&line_start);
      gtk_text_buffer_apply_tag (buffer, self->broken_line_tag, &line_start, &end);
    }

  insert_text (self, self->unshown_text + self->shown_bytes, stop - self->shown_bytes);
  self->shown_bytes = stop;

  if (self->shown_bytes == self->unshown_length)
    g_clear_pointer (&self->unshown_text, g_free);
}

/* Puts the rest of the text in the buffer now: something wants a place in
 * it before idle time brought it. */
static void
show_all_text (GlossDocumentView *self)
{
  if (self->unshown_text != NULL)
    show_more_text (self, G_MAXSIZE);
}

/* The buffer position of document OFFSET. */
static void
iter_at (GlossDocumentView *self,
         GtkTextIter       *iter,
         gint64             offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gint64 display_offset = to_display (self, offset);

  if (self->unshown_text != NULL && display_offset > self->shown_length)
    show_all_text (self);
  gtk_text_buffer_get_iter_at_offset (buffer, iter, display_offset);
}

/* The document offset of a buffer position. */
static gint64
offset_of (GlossDocumentView *self,
           const GtkTextIter *iter)
{
  gint64 offset = gtk_text_iter_get_offset (iter);

  if (self->breaks != NULL)
    offset = gloss_break_map_from_display (self->breaks, offset);
  return offset;
}

/* Gives TAG the label's fill at ALPHA and the text color that reads best on
 * that fill as it is drawn over the page. */
static void
set_tag_fill (GlossDocumentView *self,
              GtkTextTag        *tag,
              gint64             label_id,
              double             alpha,
              gboolean           dark)
{
  GdkRGBA fill, text;
  GlossColor label_color, page, blend;

  get_label_rgba (self, label_id, alpha, &fill);
  label_color = (GlossColor) { fill.red, fill.green, fill.blue };
  gloss_color_parse (dark ? PAGE_COLOR_DARK : PAGE_COLOR_LIGHT, &page);
  gloss_color_composite (&label_color, alpha, &page, &blend);
  gdk_rgba_parse (&text, gloss_color_pick_text (&blend));

  g_object_set (tag,
                "background-rgba", &fill,
                "foreground-rgba", &text,
                NULL);
}

static void
get_span_iters (GlossDocumentView *self,
                GlossSpan         *span,
                GtkTextIter       *start,
                GtkTextIter       *end)
{
  iter_at (self, start, gloss_span_get_start (span));
  iter_at (self, end, gloss_span_get_end (span));
}

/* The document's text between two buffer positions: without the display
 * breaks. */
static char *
dup_document_text (GlossDocumentView *self,
                   const GtkTextIter *start,
                   const GtkTextIter *end)
{
  GString *text;
  GtkTextIter from = *start;

  /* No break between them (as many document characters as buffer ones):
   * the walk below looks for the next break toggle, which can be far past
   * END, for every span row bound. */
  if (self->breaks == NULL ||
      offset_of (self, end) - offset_of (self, start) ==
      gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start))
    return gtk_text_iter_get_text (start, end);

  text = g_string_new (NULL);
  while (gtk_text_iter_compare (&from, end) < 0)
    {
      GtkTextIter to = from;

      if (!gtk_text_iter_forward_to_tag_toggle (&to, self->break_tag) ||
          gtk_text_iter_compare (&to, end) > 0)
        to = *end;

      if (gtk_text_iter_has_tag (&from, self->break_tag))
        {
          from = to;
          continue;
        }

      {
        g_autofree char *piece = gtk_text_iter_get_text (&from, &to);

        g_string_append (text, piece);
      }
      from = to;
    }

  return g_string_free (text, FALSE);
}

/* Copying gives the document's text, not the display breaks. */
static void
on_copy_clipboard_cb (GlossDocumentView *self,
                      gpointer           user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->breaks == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  text = dup_document_text (self, &start, &end);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_stop_emission_by_name (self, "copy-clipboard");
}

static GtkTextTag *
lookup_label_tag (GlossDocumentView *self,
                  gint64             label_id)
{
  return g_hash_table_lookup (self->label_tags, &label_id);
}

/* Whether the loading step STEP may run now. The steps that bring a
 * document in (the text and the fills, the pages of spans, the side lists'
 * rows) are idle callbacks of one priority, and GLib runs every ready
 * source of a priority in one main-loop iteration: together they held the
 * main loop for several frames' time. So one step runs an iteration, in
 * turn, the one that has waited longest first; the others stay ready for
 * the next iterations, with input and drawing in between. */
static gboolean
take_loading_turn (GlossDocumentView *self,
                   LoadingStep        step)
{
  GSource *source = g_main_current_source ();
  /* The same for every source that one iteration dispatches. */
  gint64 turn = source != NULL ? g_source_get_time (source) : g_get_monotonic_time ();
  const guint pending[N_LOADING_STEPS] = {
    [LOADING_TEXT] = self->showing_source,
    [LOADING_SPANS] = self->span_loader,
    [LOADING_SPAN_ROWS] = self->span_rows_grower,
    [LOADING_RELATION_ROWS] = self->relation_head_grower,
  };

  if (turn == self->loading_turn)
    return FALSE;
  for (guint other = 0; other < N_LOADING_STEPS; other++)
    if (other != step && pending[other] != 0 &&
        self->loading_last[other] < self->loading_last[step])
      return FALSE;

  self->loading_turn = turn;
  self->loading_last[step] = ++self->loading_serial;
  return TRUE;
}

static gboolean show_rest_cb (gpointer user_data);
static void reach_span_row (GlossDocumentView *self,
                            guint              position);

static void
show_rest_later (GlossDocumentView *self)
{
  if (self->showing_source == 0)
    self->showing_source = g_idle_add_full (GLOSS_DOCUMENT_VIEW_PRIORITY_LOADING, show_rest_cb,
                                            self, NULL);
}

/* Tags SPAN in idle time, once the text has come. */
static void
tag_later (GlossDocumentView *self,
           GlossSpan         *span)
{
  g_ptr_array_add (self->untagged, g_object_ref (span));
  show_rest_later (self);
}

static void
apply_span_tag (GlossDocumentView *self,
                GlossSpan         *span)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTag *tag = lookup_label_tag (self, gloss_span_get_label_id (span));
  GtkTextIter start, end;

  if (tag == NULL)
    return;

  if (!is_shown (self, gloss_span_get_end (span)))
    {
      tag_later (self, span);
      return;
    }

  get_span_iters (self, span, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  give_span_room (self, span);
}

/* Removes SPAN's fill, then restores it where another span of the same label
 * still covers part of the range. */
static void
unapply_span_tag (GlossDocumentView *self,
                  GlossSpan         *span)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gint64 label_id = gloss_span_get_label_id (span);
  GtkTextTag *tag = lookup_label_tag (self, label_id);
  gint64 span_start = gloss_span_get_start (span);
  gint64 span_end = gloss_span_get_end (span);
  GlossSpanIndexIter spans;
  GlossSpan *other;
  GtkTextIter start, end;

  /* A span past the text shown so far has no fill yet. */
  if (tag == NULL || !is_shown (self, span_end))
    return;

  get_span_iters (self, span, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);

  gloss_span_index_iter_init_overlapping (&spans, self->spans, span_start, span_end);
  while ((other = gloss_span_index_iter_next (&spans)) != NULL)
    {
      if (other == span || gloss_span_get_label_id (other) != label_id)
        continue;

      iter_at (self, &start, MAX (span_start, gloss_span_get_start (other)));
      iter_at (self, &end, MIN (span_end, gloss_span_get_end (other)));
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static void
update_tag_colors (GlossDocumentView *self)
{
  gboolean dark = is_dark ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    set_tag_fill (self, value, *(gint64 *) key, dark ? FILL_ALPHA_DARK : FILL_ALPHA_LIGHT, dark);

  g_hash_table_iter_init (&iter, self->selected_tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    set_tag_fill (self, value, *(gint64 *) key, dark ? SELECTED_ALPHA_DARK : SELECTED_ALPHA_LIGHT,
                  dark);
}

/* Shows a dragged selection as a span would take it (whole words when
 * snapping is on), once the text view is done with the drag: what is
 * highlighted is what a label key stores. */
static gboolean
snap_selection_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter begin, stop;
  gint64 start, end;

  self->snapper = 0;
  if (self->snap_to_words && gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop) &&
      gloss_document_view_get_selected_range (self, &start, &end) &&
      (start != offset_of (self, &begin) || end != offset_of (self, &stop)))
    gloss_document_view_select_range (self, start, end);

  return G_SOURCE_REMOVE;
}

/* A press inside the selection starts a new one, as everywhere else in
 * the text: GtkTextView would start dragging the selected text out
 * instead, which in a text that is only read is never the aim, and which
 * left the pointer held until Escape. */
static void
on_click_pressed_cb (GlossDocumentView *self,
                     int                n_press,
                     double             x,
                     double             y,
                     GtkGestureClick   *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkTextIter begin, stop, iter;
  int buffer_x, buffer_y;

  if (n_press != 1 || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY ||
      !gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &buffer_x, &buffer_y);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, buffer_x, buffer_y) &&
      gtk_text_iter_in_range (&iter, &begin, &stop))
    gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The character at (X, Y) of the widget. A point in the room above a
 * paragraph that has arcs counts as on the character under it, where
 * GtkTextView puts the cursor for a click there: the room is part of the
 * line, though no character is drawn in it. */
static gboolean
iter_at_point (GlossDocumentView *self,
               double             x,
               double             y,
               GtkTextIter       *iter)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GdkRectangle first;
  int buffer_x, buffer_y, line_top;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &buffer_x, &buffer_y);
  if (gtk_text_view_get_iter_at_location (text_view, iter, buffer_x, buffer_y))
    return TRUE;

  gtk_text_view_get_line_at_y (text_view, iter, buffer_y, &line_top);
  gtk_text_view_get_iter_location (text_view, iter, &first);
  if (buffer_y < line_top || buffer_y >= first.y ||
      !gtk_text_iter_has_tag (iter, self->relation_room_tag))
    return FALSE;
  return gtk_text_view_get_iter_at_location (text_view, iter, buffer_x, first.y);
}

static void
on_click_released_cb (GlossDocumentView *self,
                      int                n_press,
                      double             x,
                      double             y,
                      GtkGestureClick   *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  /* A drag made a selection to label, not a click on a span. */
  if (n_press == 1 && gtk_text_buffer_get_has_selection (buffer) && self->snapper == 0)
    self->snapper = g_idle_add (snap_selection_cb, self);
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  if (select_relation_at (self, x, y))
    return;
  /* A click anywhere else lets a selected relation go, so that Delete
   * then removes nothing the person no longer sees chosen. */
  gloss_document_view_select_relation (self, NULL);

  if (!iter_at_point (self, x, y, &iter))
    {
      gloss_document_view_select_span (self, NULL);
      return;
    }

  gloss_document_view_select_span (self, gloss_span_index_get_innermost_at (self->spans, offset_of (self, &iter)));
}

static void
on_selection_changed_cb (GlossDocumentView *self,
                         GParamSpec        *pspec,
                         GtkTextBuffer     *buffer)
{
  /* Selecting new text puts the focus on that text, not on a span. */
  if (gtk_text_buffer_get_has_selection (buffer))
    {
      gloss_document_view_select_span (self, NULL);
      gloss_document_view_select_relation (self, NULL);
    }
}

static void
get_line_color_cb (gint64   label_id,
                   GdkRGBA *color,
                   gpointer user_data)
{
  get_label_rgba (user_data, label_id, 1.0, color);
}

/* The lines under the spans, drawn by GlossSpanLineDrawer. */
static void
gloss_document_view_snapshot_layer (GtkTextView      *text_view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (text_view);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    {
      gloss_span_line_drawer_draw (self->line_drawer, self, self->spans, snapshot);
      draw_relations (self, snapshot);
    }
}

/* SPAN's attributes under its line in the tooltip, as the window put them
 * (gloss_document_view_set_attribute_text ()). */
static void
append_attribute_text (GlossDocumentView *self,
                       GlossSpan         *span,
                       GString           *text)
{
  gint64 span_id = gloss_span_get_id (span);
  const char *attributes = g_hash_table_lookup (self->attribute_texts, &span_id);

  if (attributes != NULL)
    g_string_append_printf (text, "\n    %s", attributes);
}

static gboolean
has_attributes_cb (GlossSpan *span,
                   gpointer   user_data)
{
  GlossDocumentView *self = user_data;
  gint64 span_id = gloss_span_get_id (span);

  return g_hash_table_contains (self->attribute_texts, &span_id);
}

/* Sets what SPAN_ID's attributes say ("Confidence: high · Negated"), shown
 * in its tooltip and by a mark at the end of its line; NULL for none. */
void
gloss_document_view_set_attribute_text (GlossDocumentView *self,
                                        gint64             span_id,
                                        const char        *text)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  if (text != NULL && text[0] != '\0')
    g_hash_table_insert (self->attribute_texts, g_memdup2 (&span_id, sizeof span_id),
                         g_strdup (text));
  else if (!g_hash_table_remove (self->attribute_texts, &span_id))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Forgets every span's attribute text (another document opens). */
void
gloss_document_view_clear_attribute_texts (GlossDocumentView *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  g_hash_table_remove_all (self->attribute_texts);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What SPAN_ID's attributes say, or NULL. */
const char *
gloss_document_view_get_attribute_text (GlossDocumentView *self,
                                        gint64             span_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  return g_hash_table_lookup (self->attribute_texts, &span_id);
}

static char *
describe_spans_at (GlossDocumentView *self,
                   gint64             offset)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GlossSpanIndexIter spans;
  GlossSpan *span;

  gloss_span_index_iter_init_overlapping (&spans, self->spans, offset, offset + 1);
  while ((span = gloss_span_index_iter_next (&spans)) != NULL)
    {
      gint64 label_id = gloss_span_get_label_id (span);
      GlossLabel *label = g_hash_table_lookup (self->labels, &label_id);
      g_autofree char *span_text = NULL;
      g_autofree char *whole = NULL;

      span_text = gloss_document_view_dup_span_text (self, span);
      if (g_utf8_strlen (span_text, -1) > 60)
        {
          char *cut = g_utf8_offset_to_pointer (span_text, 59);

          strcpy (cut, "…");
        }
      g_strdelimit (span_text, "\r\n\t", ' ');
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a tooltip line: a label's name, then the text it labels */
      g_string_append_printf (text, _("%s: “%s”"), label ? gloss_label_get_name (label) : "?",
                              span_text);
      whole = gloss_document_view_dup_whole_span_text (self, span);
      if (whole != NULL)
        {
          g_strdelimit (whole, "\r\n\t", ' ');
          g_string_append (text, "\n    ");
          /* Translators: a tooltip line under a span that is one stretch of
           * a span of several, then the whole span's text */
          g_string_append_printf (text, _("one part of a discontinuous span: “%s”"), whole);
        }
      append_attribute_text (self, span, text);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Names every span under the pointer: overlapping spans are told apart
 * here even when their colors mix. */
static gboolean
on_query_tooltip_cb (GlossDocumentView *self,
                     int                x,
                     int                y,
                     gboolean           keyboard_mode,
                     GtkTooltip        *tooltip,
                     gpointer           user_data)
{
  g_autofree char *text = NULL;
  GtkTextIter iter;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      if (!iter_at_point (self, x, y, &iter))
        return FALSE;
    }

  text = describe_spans_at (self, offset_of (self, &iter));
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
gloss_document_view_dispose (GObject *object)
{
  GlossDocumentView *self = (GlossDocumentView *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->showing_source, g_source_remove);
  g_clear_handle_id (&self->span_loader, g_source_remove);
  g_clear_handle_id (&self->span_rows_grower, g_source_remove);
  g_clear_handle_id (&self->snapper, g_source_remove);
  g_clear_handle_id (&self->tooltip_requery, g_source_remove);
  g_clear_object (&self->paging_store);
  g_clear_object (&self->selected_span);
  g_clear_object (&self->span_rows);
  g_clear_object (&self->spans);
  g_clear_pointer (&self->line_drawer, gloss_span_line_drawer_free);
  relations_dispose (self);
  g_clear_pointer (&self->popover_host, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_document_view_parent_class)->dispose (object);
}

static void
gloss_document_view_finalize (GObject *object)
{
  GlossDocumentView *self = (GlossDocumentView *) object;

  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->label_tags, g_hash_table_unref);
  g_clear_pointer (&self->selected_tags, g_hash_table_unref);
  g_clear_pointer (&self->untagged, g_ptr_array_unref);
  g_clear_pointer (&self->breaks, gloss_break_map_free);
  g_clear_pointer (&self->unshown_text, g_free);
  g_clear_pointer (&self->attribute_texts, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_document_view_parent_class)->finalize (object);
}

static void
gloss_document_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_SPAN:
      g_value_set_object (value, self->selected_span);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_object (value, self->selected_relation);
      break;
    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SNAP_TO_WORDS:
      gloss_document_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;
    case PROP_TEXT_SCALE:
      gloss_document_view_set_text_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define POINTS_AT_SELECTION "gloss-points-at-selection"

/* The popovers over the text (the labels, a span's menu) point at the
 * selection: when the text is laid out anew at another width, the
 * selection moved, and they go with it. GtkTextView places only its own
 * popovers again on a new size; the others are placed here. */
static gboolean
requery_tooltip_cb (gpointer data)
{
  GlossDocumentView *self = data;

  self->tooltip_requery = 0;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
gloss_document_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  GlossDocumentView *self = GLOSS_DOCUMENT_VIEW (widget);
  gboolean relaid = width != self->allocated_width;

  self->allocated_width = width;
  GTK_WIDGET_CLASS (gloss_document_view_parent_class)->size_allocate (widget, width, height,
                                                                      baseline);

  /* A span's tooltip up while the text flows anew is about what was under
   * the pointer: asked again once the text is laid out, it follows. */
  if (relaid && self->tooltip_requery == 0)
    self->tooltip_requery = g_idle_add (requery_tooltip_cb, self);

  /* The host covers the text, so that a point in the view is the same
   * point in the host. */
  gtk_widget_measure (self->popover_host, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (self->popover_host, width, height, -1, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->popover_host); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (relaid && g_object_get_data (G_OBJECT (child), POINTS_AT_SELECTION) != NULL)
        {
          GdkRectangle rect;

          gloss_document_view_get_selection_rect (self, &rect);
          gtk_popover_set_pointing_to (GTK_POPOVER (child), &rect);
        }
      gtk_popover_present (GTK_POPOVER (child));
    }
}

/* Points POPOVER, a child of the view, at AT (the selected span or text
 * when NULL) now, and at the selection after the text is laid out anew at
 * another width. */
void
gloss_document_view_point_at_selection (GlossDocumentView  *self,
                                        GtkPopover         *popover,
                                        const GdkRectangle *at)
{
  GdkRectangle rect;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (popover)) == self->popover_host);

  if (at != NULL)
    rect = *at;
  else
    gloss_document_view_get_selection_rect (self, &rect);
  gtk_popover_set_pointing_to (popover, &rect);
  g_object_set_data (G_OBJECT (popover), POINTS_AT_SELECTION, GINT_TO_POINTER (TRUE));
}

/* Makes POPOVER a popover over the text: its pointing-to rectangle is in
 * the view's coordinates, and it is placed again when the text is laid out
 * anew.
 *
 * Its parent is a child of the view that draws nothing, not the view: GTK
 * 4.8 asks for a new allocation of a popover's parent each time the popover
 * changes size or style, and with the Relations list shown such a request
 * was left with no layout coming to answer it. The parent then goes
 * unpainted until something else lays the window out: for the view, no
 * text; for the host, nothing to see either way. */
void
gloss_document_view_adopt_popover (GlossDocumentView *self,
                                   GtkPopover        *popover)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  gtk_widget_set_parent (GTK_WIDGET (popover), self->popover_host);
}

static void
gloss_document_view_class_init (GlossDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_view_dispose;
  object_class->finalize = gloss_document_view_finalize;
  object_class->get_property = gloss_document_view_get_property;
  object_class->set_property = gloss_document_view_set_property;

  properties[PROP_SELECTED_SPAN] =
    g_param_spec_object ("selected-span", NULL, NULL, GLOSS_TYPE_SPAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A relation selected (with a click on its arc, or in a list); a
   * selected span and a selected relation exclude each other. */
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_object ("selected-relation", NULL, NULL, GLOSS_TYPE_RELATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A selection made with the pointer grows to whole words. */
  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The text's size, as a factor of the default. */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, 0.1, 10.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A page of spans came (the GPtrArray of those it added), after
   * gloss_document_view_open (). */
  signals[SPANS_PAGED] =
    g_signal_new ("spans-paged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /* Reading a page of spans failed; the rest of them stay away. */
  signals[PAGING_FAILED] =
    g_signal_new ("paging-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* A relation asked for from one span to another: a click on the target
   * after gloss_document_view_start_relation (), or a Ctrl+drag. */
  signals[RELATION_REQUESTED] =
    g_signal_new ("relation-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, GLOSS_TYPE_SPAN, GLOSS_TYPE_SPAN);
  /* The span a relation was to start from was picked as its target too:
   * no relation, and the view waits on for another target. */
  signals[TARGET_REFUSED] =
    g_signal_new ("target-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_SPAN);

  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = gloss_document_view_snapshot_layer;
  GTK_WIDGET_CLASS (klass)->size_allocate = gloss_document_view_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
gloss_document_view_init (GlossDocumentView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkGesture *click;

  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->label_tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->selected_tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->spans = gloss_span_index_new ();
  self->line_drawer = gloss_span_line_drawer_new (get_line_color_cb, self);
  self->attribute_texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gloss_span_line_drawer_set_mark_func (self->line_drawer, has_attributes_cb, self);
  self->popover_host = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_can_target (self->popover_host, FALSE);
  gtk_widget_set_parent (self->popover_host, GTK_WIDGET (self));
  self->span_rows = gloss_list_head_new (g_object_ref (gloss_span_index_get_model (self->spans)),
                                         G_MAXUINT);
  self->untagged = g_ptr_array_new_with_free_func (g_object_unref);
  self->break_tag = gtk_text_buffer_create_tag (buffer, "display-break", NULL);
  self->broken_line_tag = gtk_text_buffer_create_tag (buffer, "display-broken-line",
                                                      "pixels-below-lines", PIXELS_INSIDE_WRAP,
                                                      NULL);
  self->text_scale = 1.0;

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (text_view, 14);
  gtk_text_view_set_pixels_inside_wrap (text_view, PIXELS_INSIDE_WRAP);
  gtk_text_view_set_left_margin (text_view, 32);
  gtk_text_view_set_right_margin (text_view, 32);
  gtk_text_view_set_top_margin (text_view, 24);
  gtk_text_view_set_bottom_margin (text_view, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "document-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect (self, "copy-clipboard", G_CALLBACK (on_copy_clipboard_cb), NULL);
  self->snap_to_words = TRUE;

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colors), self, G_CONNECT_SWAPPED);

  relations_init (self);
}

GtkWidget *
gloss_document_view_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_VIEW, NULL);
}

static void
add_tag (GtkTextTagTable *table,
         GHashTable      *tags,
         gint64           label_id)
{
  GtkTextTag *tag = gtk_text_tag_new (NULL);

  gtk_text_tag_table_add (table, tag);
  g_hash_table_insert (tags, g_memdup2 (&label_id, sizeof label_id), tag);
  g_object_unref (tag);
}

/* Creates two tags for each label that has none, in the labels' order: its
 * fill, and its fill when selected, which stays above all the fills. Each
 * label has a selected fill of its own, so that selecting a span never
 * changes a tag, which would make the view lay out again. */
void
gloss_document_view_set_labels (GlossDocumentView *self,
                                GPtrArray         *labels)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (labels != NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  table = gtk_text_buffer_get_tag_table (buffer);

  g_hash_table_remove_all (self->labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (labels, i);
      gint64 id = gloss_label_get_id (label);

      g_hash_table_insert (self->labels, g_memdup2 (&id, sizeof id), g_object_ref (label));
      if (lookup_label_tag (self, id) == NULL)
        {
          add_tag (table, self->label_tags, id);
          add_tag (table, self->selected_tags, id);
        }
    }

  {
    GHashTableIter iter;
    gpointer tag;

    g_hash_table_iter_init (&iter, self->selected_tags);
    while (g_hash_table_iter_next (&iter, NULL, &tag))
      gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
  }
  update_tag_colors (self);
}

static void
stop_tagging (GlossDocumentView *self)
{
  g_clear_handle_id (&self->showing_source, g_source_remove);
  g_ptr_array_set_size (self->untagged, 0);
}

static void
stop_paging (GlossDocumentView *self)
{
  g_clear_handle_id (&self->span_loader, g_source_remove);
  g_clear_object (&self->paging_store);
}

/* Puts the next piece of the text in the buffer; once it is all there,
 * tags loaded spans for a few milliseconds. Then yields to the main loop. */
static gboolean
show_rest_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;
  gint64 deadline = g_get_monotonic_time () + TAGGING_STEP_USEC;

  if (!take_loading_turn (self, LOADING_TEXT))
    return G_SOURCE_CONTINUE;

  if (self->unshown_text != NULL)
    {
      show_more_text (self, TEXT_STEP_BYTES);
      return G_SOURCE_CONTINUE;
    }

  while (self->untagged->len > 0 && g_get_monotonic_time () < deadline)
    for (guint n = 0; n < 64 && self->untagged->len > 0; n++)
      {
        GlossSpan *span = g_ptr_array_steal_index (self->untagged, self->untagged->len - 1);
        gint64 id = gloss_span_get_id (span);

        /* A span removed or relabeled since the load is not this one. */
        if (gloss_span_index_lookup (self->spans, id) == span)
          apply_span_tag (self, span);
        g_object_unref (span);
      }

  if (self->untagged->len > 0)
    return G_SOURCE_CONTINUE;

  self->showing_source = 0;
  return G_SOURCE_REMOVE;
}

/* Shows TEXT (taken over) with SPANS (in reading order). The first screen's
 * text and spans are shown now; the rest of the text, then the other spans'
 * fills, come in idle steps. */
void
gloss_document_view_load (GlossDocumentView *self,
                          gint64             document_id,
                          char              *text,
                          GPtrArray         *spans)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  guint n_now;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (spans != NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gloss_document_view_select_span (self, NULL);
  stop_tagging (self);
  stop_paging (self);
  relations_clear (self);
  g_hash_table_remove_all (self->relation_end_starts);

  self->document_id = document_id;
  g_clear_pointer (&self->breaks, gloss_break_map_free);
  g_clear_pointer (&self->unshown_text, g_free);
  self->breaks = gloss_break_map_new (text, MAX_LINE_CHARS);
  if (gloss_break_map_get_n_breaks (self->breaks) == 0)
    g_clear_pointer (&self->breaks, gloss_break_map_free);
  self->unshown_text = text;

  gtk_text_buffer_set_text (buffer, "", 0);
  self->unshown_length = strlen (self->unshown_text);
  self->shown_bytes = 0;
  self->shown_length = 0;
  self->next_break = 0;
  show_more_text (self, FIRST_TEXT_BYTES);

  gloss_span_index_set_spans (self->spans, spans);

  /* The view opens at the top: the first spans are the ones shown. */
  n_now = MIN (spans->len, FIRST_SCREEN_SPANS);
  for (guint i = 0; i < n_now; i++)
    apply_span_tag (self, g_ptr_array_index (spans, i));
  for (guint i = spans->len; i > n_now; i--)
    g_ptr_array_add (self->untagged, g_object_ref (g_ptr_array_index (spans, i - 1)));
  if (self->untagged->len > 0 || self->unshown_text != NULL)
    show_rest_later (self);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  /* A new text changes the view's height. */
  lay_out_before_drawing (self);
}

void
gloss_document_view_clear (GlossDocumentView *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  gloss_document_view_select_span (self, NULL);
  stop_tagging (self);
  stop_paging (self);
  relations_clear (self);
  g_hash_table_remove_all (self->relation_end_starts);
  self->document_id = 0;
  g_clear_pointer (&self->breaks, gloss_break_map_free);
  g_clear_pointer (&self->unshown_text, g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "", 0);
  gloss_span_index_clear (self->spans);
}

gint64
gloss_document_view_get_document_id (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), 0);
  return self->document_id;
}

GListModel *
gloss_document_view_get_spans (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return gloss_span_index_get_model (self->spans);
}

static GtkTextTag *
lookup_selected_tag (GlossDocumentView *self,
                     GlossSpan         *span)
{
  gint64 label_id = gloss_span_get_label_id (span);

  return g_hash_table_lookup (self->selected_tags, &label_id);
}

/* The spans shown of SPAN's group, in reading order (borrowed): a
 * discontinuous span's parts, or SPAN alone. The parts come after the
 * first part in reading order, so the walk starts there. */
static GPtrArray *
list_group (GlossDocumentView *self,
            GlossSpan         *span)
{
  GPtrArray *parts = g_ptr_array_new ();
  gint64 group_id = gloss_span_get_group_id (span);
  GlossSpan *first = gloss_span_index_lookup (self->spans, group_id);
  guint position;

  if (first == NULL || !gloss_span_index_find (self->spans, first, &position))
    {
      g_ptr_array_add (parts, span);
      return parts;
    }

  for (guint i = position; i < gloss_span_index_get_n_spans (self->spans); i++)
    {
      GlossSpan *part = gloss_span_index_get_span (self->spans, i);

      if (gloss_span_get_id (part) == group_id || gloss_span_get_part_of (part) == group_id)
        g_ptr_array_add (parts, part);
    }

  return parts;
}

/* Whether SPAN is another part of the selected span's group, which is
 * shown selected with it. */
static gboolean
is_selected_partner (GlossDocumentView *self,
                     GlossSpan         *span)
{
  return self->selected_span != NULL &&
         gloss_span_get_id (self->selected_span) != gloss_span_get_id (span) &&
         gloss_span_get_group_id (self->selected_span) == gloss_span_get_group_id (span);
}

/* Shows SPAN selected, or not: with the selected tag of its label. */
static void
mark_selected (GlossDocumentView *self,
               GlossSpan         *span,
               gboolean           selected)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTag *tag = lookup_selected_tag (self, span);
  GtkTextIter start, end;

  if (tag == NULL)
    return;

  get_span_iters (self, span, &start, &end);
  if (selected)
    gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

/* FALSE when SPAN is not shown here, or is shown already: a document
 * loaded after the commit shows its spans without being told. */
gboolean
gloss_document_view_add_span (GlossDocumentView *self,
                              GlossSpan         *span)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (gloss_span_get_document_id (span) != self->document_id ||
      !gloss_span_index_add (self->spans, span))
    return FALSE;

  apply_span_tag (self, span);
  /* A part of the selected span's group (relabeled, or back by undo). */
  if (is_selected_partner (self, span))
    mark_selected (self, span, TRUE);
  return TRUE;
}

gboolean
gloss_document_view_remove_span (GlossDocumentView *self,
                                 GlossSpan         *span)
{
  g_autoptr(GlossSpan) removed = NULL;
  guint position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (gloss_span_get_document_id (span) != self->document_id ||
      !gloss_span_index_find (self->spans, span, &position))
    return FALSE;

  if (self->selected_span != NULL && gloss_span_get_id (self->selected_span) == gloss_span_get_id (span))
    gloss_document_view_select_span (self, NULL);
  else if (is_selected_partner (self, span))
    mark_selected (self, span, FALSE);

  removed = gloss_span_index_remove (self->spans, span);
  unapply_span_tag (self, removed);
  return TRUE;
}

void
gloss_document_view_replace_span (GlossDocumentView *self,
                                  GlossSpan         *old_span,
                                  GlossSpan         *new_span)
{
  gboolean was_selected;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  was_selected = self->selected_span != NULL &&
                 gloss_span_get_id (self->selected_span) == gloss_span_get_id (old_span);

  gloss_document_view_remove_span (self, old_span);
  gloss_document_view_add_span (self, new_span);
  if (was_selected)
    gloss_document_view_select_span (self, new_span);
}

/* The selected text as a span would take it: without leading or trailing
 * white space, and grown to whole words when snapping is on. FALSE when
 * nothing but white space is selected. */
gboolean
gloss_document_view_get_selected_range (GlossDocumentView *self,
                                        gint64            *start,
                                        gint64            *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter begin, stop;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop))
    return FALSE;

  while (gtk_text_iter_compare (&begin, &stop) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&begin)))
    gtk_text_iter_forward_char (&begin);

  while (gtk_text_iter_compare (&begin, &stop) < 0)
    {
      GtkTextIter last = stop;

      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      stop = last;
    }

  if (gtk_text_iter_equal (&begin, &stop))
    return FALSE;

  /* A drag that starts or ends inside a word takes the whole word. */
  if (self->snap_to_words)
    {
      if (gtk_text_iter_inside_word (&begin) && !gtk_text_iter_starts_word (&begin))
        gtk_text_iter_backward_word_start (&begin);
      if (gtk_text_iter_inside_word (&stop) && !gtk_text_iter_starts_word (&stop) &&
          !gtk_text_iter_ends_word (&stop))
        gtk_text_iter_forward_word_end (&stop);
    }

  *start = offset_of (self, &begin);
  *end = offset_of (self, &stop);
  return TRUE;
}

void
gloss_document_view_select_range (GlossDocumentView *self,
                                  gint64             start,
                                  gint64             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter begin, stop;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  iter_at (self, &begin, start);
  iter_at (self, &stop, end);
  gtk_text_buffer_select_range (buffer, &begin, &stop);
}

GlossSpan *
gloss_document_view_get_selected_span (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return self->selected_span;
}

/* Moves the cursor to ITER, with no text selected, unless it is there. The
 * view works out where the cursor is on screen each time it moves, which
 * lays out its line if a tag has changed there. */
static void
place_cursor (GlossDocumentView *self,
              GtkTextIter       *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (gtk_text_buffer_get_has_selection (buffer) || !gtk_text_iter_equal (&cursor, iter))
    gtk_text_buffer_place_cursor (buffer, iter);
}

/* Leaves document OFFSET as the cursor, with no text selected: a selection
 * about to become a span drops to the cursor first, while its lines are
 * still laid out. */
void
gloss_document_view_place_cursor (GlossDocumentView *self,
                                  gint64             offset)
{
  GtkTextIter iter;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  iter_at (self, &iter, offset);
  place_cursor (self, &iter);
}

/* Scrolls to ITER unless its line is in full view already: finding where
 * in the line it is would have the view lay the line out. */
static void
scroll_to_show (GlossDocumentView *self,
                GtkTextIter       *iter)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  int y, height;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_yrange (text_view, iter, &y, &height);
  if (y >= visible.y && y + height <= visible.y + visible.height)
    return;

  gtk_text_view_scroll_to_iter (text_view, iter, 0.1, FALSE, 0, 0);
}

void
gloss_document_view_select_span (GlossDocumentView *self,
                                 GlossSpan         *span)
{
  GtkTextIter start, end;
  guint position;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (span == NULL || GLOSS_IS_SPAN (span));

  if (self->selected_span == span)
    return;
  /* A span of another document: the view may have moved on (a filter
   * took the document away) while its span was being made. */
  if (span != NULL && gloss_span_get_document_id (span) != self->document_id)
    return;

  /* A part of a discontinuous span is selected with all its parts. */
  if (self->selected_span != NULL)
    {
      g_autoptr(GPtrArray) parts = list_group (self, self->selected_span);

      mark_selected (self, self->selected_span, FALSE);
      for (guint i = 0; i < parts->len; i++)
        mark_selected (self, parts->pdata[i], FALSE);
    }

  g_set_object (&self->selected_span, span);

  if (span != NULL)
    {
      g_autoptr(GPtrArray) parts = list_group (self, span);

      gloss_document_view_select_relation (self, NULL);
      mark_selected (self, span, TRUE);
      for (guint i = 0; i < parts->len; i++)
        mark_selected (self, parts->pdata[i], TRUE);

      get_span_iters (self, span, &start, &end);
      /* Collapse any text selection to the span's end, so that Delete and
       * the label keys act on the span, and the next word selected from
       * the keyboard (Ctrl+Shift+Right) is the one after it. */
      place_cursor (self, &end);
      scroll_to_show (self, &start);

      /* A side list of the spans gets a row for it before it hears. */
      if (gloss_span_index_find (self->spans, span, &position))
        reach_span_row (self, position);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SPAN]);
}

/* The document's text from START to END, document offsets. */
char *
gloss_document_view_dup_text (GlossDocumentView *self,
                              gint64             start,
                              gint64             end)
{
  GtkTextIter begin, stop;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  iter_at (self, &begin, start);
  iter_at (self, &stop, end);
  return dup_document_text (self, &begin, &stop);
}

char *
gloss_document_view_dup_span_text (GlossDocumentView *self,
                                   GlossSpan         *span)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), NULL);

  return gloss_document_view_dup_text (self, gloss_span_get_start (span), gloss_span_get_end (span));
}

/* The whole of the discontinuous span SPAN is a part of: its parts' texts
 * in reading order, joined by " … " ("Iran … Tehran"); NULL when SPAN is
 * an ordinary span. */
char *
gloss_document_view_dup_whole_span_text (GlossDocumentView *self,
                                         GlossSpan         *span)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GString) whole = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), NULL);

  parts = list_group (self, span);
  if (parts->len < 2)
    return NULL;

  whole = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *text = gloss_document_view_dup_span_text (self, parts->pdata[i]);

      if (i > 0)
        g_string_append (whole, " … ");
      g_string_append (whole, text);
    }

  return g_string_free (g_steal_pointer (&whole), FALSE);
}

/* The whole document's text, display breaks left out; the rest of the text
 * is brought into the buffer first if it has not come yet. */
char *
gloss_document_view_dup_document_text (GlossDocumentView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  show_all_text (self);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &start, &end);
  return dup_document_text (self, &start, &end);
}

/* The buffer position of document OFFSET, for those who tag the buffer
 * themselves (the find bar's highlights). */
void
gloss_document_view_get_iter_at (GlossDocumentView *self,
                                 GtkTextIter       *iter,
                                 gint64             offset)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (iter != NULL);

  iter_at (self, iter, offset);
}

/* The document offset of a buffer position. */
gint64
gloss_document_view_get_offset (GlossDocumentView *self,
                                const GtkTextIter *iter)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), 0);
  g_return_val_if_fail (iter != NULL, 0);

  return offset_of (self, iter);
}

/* Whether SPAN's whole range carries its label's fill. */
/* Whether TAG lies over all of SPAN. */
static gboolean
has_tag_over (GlossDocumentView *self,
              GtkTextTag        *tag,
              GlossSpan         *span)
{
  GtkTextIter start, end;

  if (tag == NULL)
    return FALSE;

  get_span_iters (self, span, &start, &end);
  for (GtkTextIter iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    {
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }

  return TRUE;
}

gboolean
gloss_document_view_has_span_tag (GlossDocumentView *self,
                                  GlossSpan         *span)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  return has_tag_over (self, lookup_label_tag (self, gloss_span_get_label_id (span)), span);
}

/* Whether SPAN is shown selected: the span selected, or another part of
 * its discontinuous span. */
gboolean
gloss_document_view_is_shown_selected (GlossDocumentView *self,
                                       GlossSpan         *span)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  return has_tag_over (self, lookup_selected_tag (self, span), span);
}

void
gloss_document_view_set_snap_to_words (GlossDocumentView *self,
                                       gboolean           snap_to_words)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  snap_to_words = !!snap_to_words;
  if (snap_to_words == self->snap_to_words)
    return;

  self->snap_to_words = snap_to_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
}

/* Selects the span after (DIRECTION > 0) or before the selected span, or
 * the cursor when none is selected. FALSE when there is none that way. */
gboolean
gloss_document_view_select_adjacent_span (GlossDocumentView *self,
                                          int                direction)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  guint n_spans;
  guint position;
  gint64 offset;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  n_spans = gloss_span_index_get_n_spans (self->spans);
  if (n_spans == 0)
    return FALSE;

  if (self->selected_span != NULL &&
      gloss_span_index_find (self->spans, self->selected_span, &position))
    {
      if (direction > 0 ? position + 1 >= n_spans : position == 0)
        return FALSE;
      position = direction > 0 ? position + 1 : position - 1;
    }
  else
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      offset = offset_of (self, &cursor);
      position = gloss_span_index_first_from (self->spans, offset);
      if (direction < 0)
        {
          if (position == 0)
            return FALSE;
          position--;
        }
      else if (position >= n_spans)
        return FALSE;
    }

  gloss_document_view_select_span (self, gloss_span_index_get_span (self->spans, position));

  return TRUE;
}

/* The document offset of the character at (X, Y) of the view; FALSE off
 * the text. */
gboolean
gloss_document_view_get_offset_at_point (GlossDocumentView *self,
                                         double             x,
                                         double             y,
                                         gint64            *offset)
{
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  if (!iter_at_point (self, x, y, &iter))
    return FALSE;

  *offset = offset_of (self, &iter);
  return TRUE;
}

/* The innermost span at OFFSET, as a click there means it, or NULL. */
GlossSpan *
gloss_document_view_get_span_at (GlossDocumentView *self,
                                 gint64             offset)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return gloss_span_index_get_innermost_at (self->spans, offset);
}

/* The span shown here from START to END with LABEL_ID, or NULL. */
GlossSpan *
gloss_document_view_find_span_like (GlossDocumentView *self,
                                    gint64             start,
                                    gint64             end,
                                    gint64             label_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return gloss_span_index_find_like (self->spans, start, end, label_id);
}

/* Where a popover about the selection should point, in the view's own
 * coordinates. */
void
gloss_document_view_get_selection_rect (GlossDocumentView *self,
                                        GdkRectangle      *rect)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GdkRectangle start_rect;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (self->selected_span != NULL)
    get_span_iters (self, self->selected_span, &start, &end);
  else
    gtk_text_buffer_get_selection_bounds (buffer, &start, &end);

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &start, &start_rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         start_rect.x, start_rect.y, &rect->x, &rect->y);
  rect->width = MAX (start_rect.width, 1);
  rect->height = start_rect.height;
}

char *
gloss_document_view_describe_spans_at (GlossDocumentView *self,
                                       gint64             offset)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return describe_spans_at (self, offset);
}

/* Scales the document text, 1.0 being the size style.css gives it (1.1em,
 * kept in step here). A style provider on this one widget is GTK's way to
 * size one widget's font: GTK 4.10 deprecates it with no replacement, and
 * the label tags, which own the text's colors, are left alone. */
void
gloss_document_view_set_text_scale (GlossDocumentView *self,
                                    double             scale)
{
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (scale > 0.0);

  if (scale == self->text_scale)
    return;

  self->text_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (self->text_scale_css == NULL)
    {
      self->text_scale_css = gtk_css_provider_new ();
      gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                      GTK_STYLE_PROVIDER (self->text_scale_css),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
      g_object_unref (self->text_scale_css);
    }

  /* CSS wants a point for a decimal separator, whatever the locale. */
  g_ascii_formatd (size, sizeof size, "%.3f", 1.1 * scale);
  css = g_strdup_printf ("textview.document-view { font-size: %sem; }", size);
  gtk_css_provider_load_from_data (self->text_scale_css, css, -1);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

double
gloss_document_view_get_text_scale (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), 1.0);
  return self->text_scale;
}

/* SPAN's position in gloss_document_view_get_spans (): a binary search. */
gboolean
gloss_document_view_find_span (GlossDocumentView *self,
                               GlossSpan         *span,
                               guint             *position)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  return gloss_span_index_find (self->spans, span, position);
}

/* Adds SPANS, the next page of the document being loaded, in reading
 * order, and returns the ones it added. A page usually goes after
 * everything shown; a span the user made meanwhile is shown already and
 * skipped. The fills take until DEADLINE (g_get_monotonic_time ()); the
 * spans left then get theirs in the next steps, as a page's worth at once
 * took longer than a frame. */
static GPtrArray *
append_spans (GlossDocumentView *self,
              GPtrArray         *spans,
              gint64             deadline)
{
  GPtrArray *fresh = gloss_span_index_append (self->spans, spans);
  guint n_now = 0;

  while (n_now < fresh->len && g_get_monotonic_time () < deadline)
    for (guint n = 0; n < 64 && n_now < fresh->len; n++)
      apply_span_tag (self, g_ptr_array_index (fresh, n_now++));
  /* Reversed, as the waiting spans are tagged from the last. */
  for (guint i = fresh->len; i > n_now; i--)
    tag_later (self, g_ptr_array_index (fresh, i - 1));
  return fresh;
}

static void
remember_last_loaded (GlossDocumentView *self,
                      GPtrArray         *spans)
{
  GlossSpan *last = g_ptr_array_index (spans, spans->len - 1);

  self->loaded_start = gloss_span_get_start (last);
  self->loaded_end = gloss_span_get_end (last);
  self->loaded_id = gloss_span_get_id (last);
}

/* Loads the next page of the open document's spans. */
static gboolean
load_more_spans_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;
  g_autoptr(GlossStore) store = g_object_ref (self->paging_store);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  guint loader = self->span_loader;
  gint64 deadline = g_get_monotonic_time () + TAGGING_STEP_USEC;

  if (!take_loading_turn (self, LOADING_SPANS))
    return G_SOURCE_CONTINUE;

  spans = gloss_store_list_spans_page (store, self->document_id, self->loaded_start,
                                       self->loaded_end, self->loaded_id, SPANS_PER_PAGE, &error);
  if (spans == NULL)
    {
      self->span_loader = 0;
      stop_paging (self);
      g_signal_emit (self, signals[PAGING_FAILED], 0, error);
      return G_SOURCE_REMOVE;
    }

  if (spans->len > 0)
    {
      g_autoptr(GPtrArray) added = append_spans (self, spans, deadline);

      remember_last_loaded (self, spans);
      g_signal_emit (self, signals[SPANS_PAGED], 0, added);
    }

  /* A handler may have opened another document, or cleared the view. */
  if (self->span_loader != loader)
    return G_SOURCE_REMOVE;
  if (spans->len == SPANS_PER_PAGE)
    return G_SOURCE_CONTINUE;

  self->span_loader = 0;
  stop_paging (self);
  return G_SOURCE_REMOVE;
}

static gboolean
grow_span_rows_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;
  guint size = gloss_list_head_get_size (self->span_rows);

  if (!take_loading_turn (self, LOADING_SPAN_ROWS))
    return G_SOURCE_CONTINUE;

  if (size >= SPAN_ROWS_ALL)
    {
      gloss_list_head_set_size (self->span_rows, G_MAXUINT);
      self->span_rows_grower = 0;
      return G_SOURCE_REMOVE;
    }

  gloss_list_head_set_size (self->span_rows, size + SPAN_ROWS_STEP);
  return G_SOURCE_CONTINUE;
}

/* Back to the first rows, for a document about to be shown. */
static void
restart_span_rows (GlossDocumentView *self)
{
  g_clear_handle_id (&self->span_rows_grower, g_source_remove);
  gloss_list_head_set_size (self->span_rows, SPAN_ROWS_FIRST);
  self->span_rows_grower = g_idle_add_full (GLOSS_DOCUMENT_VIEW_PRIORITY_LOADING, grow_span_rows_cb,
                                            self, NULL);
}

/* Opens DOCUMENT_ID of STORE: its text and first page of spans now (about
 * a screen's worth), the other spans a page at a time in idle steps, each
 * page announced by ::spans-paged. FALSE, with the view as it was, when
 * the text or the first page cannot be read. */
gboolean
gloss_document_view_open (GlossDocumentView  *self,
                          GlossStore         *store,
                          gint64              document_id,
                          GError            **error)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) starts = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stop_paging (self);
  restart_span_rows (self);

  /* All the relations at once: a relation is a few numbers, and its arc
   * waits only for its spans to be paged in. */
  if ((text = gloss_store_load_text (store, document_id, error)) == NULL ||
      (spans = gloss_store_list_spans_page (store, document_id, 0, 0, 0, SPANS_FIRST_PAGE,
                                            error)) == NULL ||
      (relations = gloss_store_list_relations (store, document_id, error)) == NULL ||
      (starts = gloss_store_list_relation_span_starts (store, document_id, error)) == NULL)
    return FALSE;

  gloss_document_view_load (self, document_id, g_steal_pointer (&text), spans);
  /* The rows are in reading order, and most of their spans are not paged
   * in yet: where each starts comes with the relations. */
  g_hash_table_unref (self->relation_end_starts);
  self->relation_end_starts = g_steal_pointer (&starts);
  gloss_document_view_set_relations (self, relations);

  /* The first page is on the first screen; the rest come in idle steps. */
  if (spans->len == SPANS_FIRST_PAGE)
    {
      remember_last_loaded (self, spans);
      self->paging_store = g_object_ref (store);
      self->span_loader = g_idle_add_full (GLOSS_DOCUMENT_VIEW_PRIORITY_LOADING, load_more_spans_cb,
                                           self, NULL);
    }

  return TRUE;
}

/* The spans in reading order as a side list should show them: the first
 * rows after a document opens, then more in idle steps, so that a list
 * view does not make and measure rows for hundreds at once; and always as
 * far as the selected span. */
GListModel *
gloss_document_view_get_span_rows (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return G_LIST_MODEL (self->span_rows);
}

/* Makes sure the span rows reach the span at POSITION. */
static void
reach_span_row (GlossDocumentView *self,
                guint              position)
{
  if (position < gloss_list_head_get_size (self->span_rows))
    return;

  gloss_list_head_set_size (self->span_rows, position + 1);
}

/* Whether spans are still on their way to the screen (waiting for their
 * fill, or for their page to be loaded): tools/bench measures the main loop
 * until they are all shown. */
gboolean
gloss_document_view_is_tagging (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  return self->showing_source != 0 || self->unshown_text != NULL || self->span_loader != 0;
}

/* Relations
 *
 * The open document's relations, drawn as arcs above the lines
 * (GlossRelationDrawer). A paragraph where a relation starts or ends gets
 * room above each of its lines for the arcs, once the span there has its
 * fill (so a paragraph far down gets it when its text and spans come), and
 * keeps it while the document is open: lines that jumped back as a
 * relation went would move the text under the pointer. */

static void
free_span_relations (gpointer data)
{
  g_ptr_array_unref (data);
}

/* Has the lines laid out in the next frame's layout, before it is drawn,
 * after a change of their heights (a new text, a paragraph's room for
 * arcs). The scrollbar is then allocated after the view in the same frame;
 * otherwise GtkTextView (4.8) lays the lines out while it draws them, the
 * scrollbar's range changes in the middle of the drawing, and its trough
 * is drawn with no allocation ("Trying to snapshot GtkGizmo"), as after
 * Ctrl+Page_Down on a loaded machine, or a relation deleted. */
static void
lay_out_before_drawing (GlossDocumentView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Gives the paragraph of SPAN's start room for arcs, if a relation starts
 * or ends at SPAN. Only the first character of a line decides its
 * spacing, so the tag goes there alone. */
static void
give_span_room (GlossDocumentView *self,
                GlossSpan         *span)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gint64 span_id = gloss_span_get_id (span);
  GtkTextIter start, end;

  if (self->relations_by_span == NULL ||
      !g_hash_table_contains (self->relations_by_span, &span_id) ||
      !is_shown (self, gloss_span_get_end (span)))
    return;

  iter_at (self, &start, gloss_span_get_start (span));
  gtk_text_iter_set_line_offset (&start, 0);
  if (gtk_text_iter_has_tag (&start, self->relation_room_tag))
    return;

  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_char (&end);
  gtk_text_buffer_apply_tag (buffer, self->relation_room_tag, &start, &end);
  lay_out_before_drawing (self);
}

/* Takes back the room of the paragraph SPAN starts in once no span
 * starting there has a relation any more. */
static void
take_span_room (GlossDocumentView *self,
                GlossSpan         *span)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  gint64 paragraph_end;

  if (!is_shown (self, gloss_span_get_end (span)))
    return;

  iter_at (self, &start, gloss_span_get_start (span));
  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_has_tag (&start, self->relation_room_tag))
    return;

  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  paragraph_end = offset_of (self, &end);
  for (guint i = gloss_span_index_first_from (self->spans, offset_of (self, &start));
       i < gloss_span_index_get_n_spans (self->spans); i++)
    {
      GlossSpan *other = gloss_span_index_get_span (self->spans, i);
      gint64 other_id = gloss_span_get_id (other);

      if (gloss_span_get_start (other) > paragraph_end)
        break;
      if (g_hash_table_contains (self->relations_by_span, &other_id))
        return;
    }

  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_char (&end);
  gtk_text_buffer_remove_tag (buffer, self->relation_room_tag, &start, &end);
  lay_out_before_drawing (self);
}

static void restart_relation_rows (GlossDocumentView *self);

static void
give_relation_room (GlossDocumentView *self,
                    GlossRelation     *relation)
{
  GlossSpan *from = gloss_span_index_lookup (self->spans, gloss_relation_get_from_id (relation));
  GlossSpan *to = gloss_span_index_lookup (self->spans, gloss_relation_get_to_id (relation));

  if (from != NULL)
    give_span_room (self, from);
  if (to != NULL)
    give_span_room (self, to);
}

static void
index_relation_end (GlossDocumentView *self,
                    gint64             span_id,
                    GlossRelation     *relation)
{
  GPtrArray *relations = g_hash_table_lookup (self->relations_by_span, &span_id);

  if (relations == NULL)
    {
      relations = g_ptr_array_new ();
      g_hash_table_insert (self->relations_by_span, g_memdup2 (&span_id, sizeof span_id),
                           relations);
    }
  g_ptr_array_add (relations, relation);
}

static void
unindex_relation_end (GlossDocumentView *self,
                      gint64             span_id,
                      GlossRelation     *relation)
{
  GPtrArray *relations = g_hash_table_lookup (self->relations_by_span, &span_id);

  if (relations == NULL)
    return;
  g_ptr_array_remove_fast (relations, relation);
  if (relations->len == 0)
    g_hash_table_remove (self->relations_by_span, &span_id);
}

/* Takes RELATION into the tables (not the rows); FALSE when it is there. */
static gboolean
index_relation (GlossDocumentView *self,
                GlossRelation     *relation)
{
  gint64 id = gloss_relation_get_id (relation);

  if (g_hash_table_contains (self->relations, &id))
    return FALSE;

  g_hash_table_insert (self->relations, g_memdup2 (&id, sizeof id), g_object_ref (relation));
  index_relation_end (self, gloss_relation_get_from_id (relation), relation);
  if (gloss_relation_get_to_id (relation) != gloss_relation_get_from_id (relation))
    index_relation_end (self, gloss_relation_get_to_id (relation), relation);
  return TRUE;
}

static void
relations_clear (GlossDocumentView *self)
{
  if (self->relations == NULL)
    return;

  gloss_document_view_cancel_relation (self);
  gloss_document_view_select_relation (self, NULL);
  g_hash_table_remove_all (self->relations_by_span);
  g_hash_table_remove_all (self->relations);
  g_list_store_remove_all (self->relation_rows);
  gloss_relation_drawer_forget (self->relation_drawer);
}

/* Where span SPAN_ID starts, for the order of the relation rows: as
 * remembered, so that a row keeps its place while it is listed; else from
 * the span shown, or from the store while spans are still paged in; else
 * after everything. */
static gint64
relation_end_start (GlossDocumentView *self,
                    gint64             span_id)
{
  gint64 *known = g_hash_table_lookup (self->relation_end_starts, &span_id);
  g_autoptr(GlossSpan) stored = NULL;
  GlossSpan *span;
  gint64 start;

  if (known != NULL)
    return *known;

  span = gloss_span_index_lookup (self->spans, span_id);
  if (span == NULL && self->paging_store != NULL)
    span = stored = gloss_store_get_span (self->paging_store, span_id, NULL);
  if (span == NULL)
    return G_MAXINT64;

  start = gloss_span_get_start (span);
  g_hash_table_insert (self->relation_end_starts, g_memdup2 (&span_id, sizeof span_id),
                       g_memdup2 (&start, sizeof start));
  return start;
}

/* Reading order, as the Spans list: by where the first span starts, then
 * the second, then by id (the order they were made). */
static int
compare_relation_rows (GlossDocumentView *self,
                       GlossRelation     *a,
                       GlossRelation     *b)
{
  gint64 keys_a[] = { relation_end_start (self, gloss_relation_get_from_id (a)),
                      relation_end_start (self, gloss_relation_get_to_id (a)),
                      gloss_relation_get_id (a) };
  gint64 keys_b[] = { relation_end_start (self, gloss_relation_get_from_id (b)),
                      relation_end_start (self, gloss_relation_get_to_id (b)),
                      gloss_relation_get_id (b) };

  for (guint i = 0; i < G_N_ELEMENTS (keys_a); i++)
    if (keys_a[i] != keys_b[i])
      return keys_a[i] < keys_b[i] ? -1 : 1;
  return 0;
}

static int
compare_relation_rows_cb (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return compare_relation_rows (user_data, *(GlossRelation **) a, *(GlossRelation **) b);
}

/* The position of RELATION (by its id) in the rows: a binary search, as a
 * GListStore finds an item by walking every one before it. FALSE with the
 * position it would take. */
static gboolean
find_relation_row (GlossDocumentView *self,
                   GlossRelation     *relation,
                   guint             *position)
{
  GListModel *rows = G_LIST_MODEL (self->relation_rows);
  guint low = 0, high = g_list_model_get_n_items (rows);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GlossRelation) row = g_list_model_get_item (rows, middle);
      int order = compare_relation_rows (self, row, relation);

      if (order == 0)
        {
          *position = middle;
          return TRUE;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }

  *position = low;
  return FALSE;
}

/* As find_relation_row (), for a relation that is listed: one whose end
 * was unknown when it was listed (G_MAXINT64) may have moved since in the
 * order, and is looked for row by row. */
static gboolean
find_listed_relation_row (GlossDocumentView *self,
                          GlossRelation     *relation,
                          guint             *position)
{
  GListModel *rows = G_LIST_MODEL (self->relation_rows);
  gint64 id = gloss_relation_get_id (relation);

  if (find_relation_row (self, relation, position))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GlossRelation) row = g_list_model_get_item (rows, i);

      if (gloss_relation_get_id (row) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The relation labels, for the arcs' colors, names and arrows. */
void
gloss_document_view_set_relation_labels (GlossDocumentView *self,
                                         GPtrArray         *labels)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (labels != NULL);

  g_hash_table_remove_all (self->relation_labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GlossRelationLabel *label = g_ptr_array_index (labels, i);
      gint64 *id = g_new (gint64, 1);

      *id = gloss_relation_label_get_id (label);
      g_hash_table_insert (self->relation_labels, id, g_object_ref (label));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GlossRelationLabel *
gloss_document_view_lookup_relation_label (GlossDocumentView *self,
                                           gint64             label_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return g_hash_table_lookup (self->relation_labels, &label_id);
}

/* Shows RELATIONS, the open document's (any order), in place of those
 * shown. */
void
gloss_document_view_set_relations (GlossDocumentView *self,
                                   GPtrArray         *relations)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (relations != NULL);

  relations_clear (self);
  restart_relation_rows (self);
  rows = g_ptr_array_sized_new (relations->len);
  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      if (gloss_relation_get_document_id (relation) == self->document_id &&
          index_relation (self, relation))
        g_ptr_array_add (rows, relation);
    }
  g_ptr_array_sort_with_data (rows, compare_relation_rows_cb, self);
  g_list_store_splice (self->relation_rows, 0, 0, rows->pdata, rows->len);

  /* The spans that have their fill already get their room now; the
   * others as their fill comes. */
  for (guint i = 0; i < rows->len; i++)
    give_relation_room (self, g_ptr_array_index (rows, i));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* FALSE when RELATION is not of this document, or is shown already. */
gboolean
gloss_document_view_add_relation (GlossDocumentView *self,
                                  GlossRelation     *relation)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  if (gloss_relation_get_document_id (relation) != self->document_id ||
      !index_relation (self, relation))
    return FALSE;

  /* In reading order, where its first span is. */
  find_relation_row (self, relation, &position);
  g_list_store_insert (self->relation_rows, position, relation);
  give_relation_room (self, relation);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
gloss_document_view_remove_relation (GlossDocumentView *self,
                                     GlossRelation     *relation)
{
  gint64 id;
  GlossRelation *shown;
  guint position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  id = gloss_relation_get_id (relation);
  shown = g_hash_table_lookup (self->relations, &id);
  if (shown == NULL)
    return FALSE;

  if (self->selected_relation != NULL && gloss_relation_get_id (self->selected_relation) == id)
    gloss_document_view_select_relation (self, NULL);

  if (find_listed_relation_row (self, shown, &position))
    g_list_store_remove (self->relation_rows, position);
  unindex_relation_end (self, gloss_relation_get_from_id (shown), shown);
  unindex_relation_end (self, gloss_relation_get_to_id (shown), shown);
  for (guint i = 0; i < 2; i++)
    {
      gint64 end_id = i == 0 ? gloss_relation_get_from_id (shown) : gloss_relation_get_to_id (shown);
      GlossSpan *end = gloss_span_index_lookup (self->spans, end_id);

      if (end != NULL)
        take_span_room (self, end);
    }
  g_hash_table_remove (self->relations, &id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* NEW_RELATION (relabeled, a note) in place of the shown one with its id,
 * in the same row, selected if that one was. */
void
gloss_document_view_replace_relation (GlossDocumentView *self,
                                      GlossRelation     *new_relation)
{
  gint64 id;
  GlossRelation *shown;
  gboolean was_selected, found;
  guint position;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GLOSS_IS_RELATION (new_relation));

  id = gloss_relation_get_id (new_relation);
  shown = g_hash_table_lookup (self->relations, &id);
  if (shown == NULL)
    {
      gloss_document_view_add_relation (self, new_relation);
      return;
    }

  was_selected = self->selected_relation == shown;
  found = find_listed_relation_row (self, shown, &position);
  unindex_relation_end (self, gloss_relation_get_from_id (shown), shown);
  unindex_relation_end (self, gloss_relation_get_to_id (shown), shown);
  if (was_selected)
    g_clear_object (&self->selected_relation);
  g_hash_table_remove (self->relations, &id);

  index_relation (self, new_relation);
  g_list_store_splice (self->relation_rows, position, found ? 1 : 0, (gpointer *) &new_relation, 1);
  give_relation_room (self, new_relation);
  if (was_selected)
    {
      self->selected_relation = g_object_ref (new_relation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The span with SPAN_ID, once it is paged in; NULL before, or if none. */
GlossSpan *
gloss_document_view_lookup_span (GlossDocumentView *self,
                                 gint64             span_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return gloss_span_index_lookup (self->spans, span_id);
}

GlossRelation *
gloss_document_view_lookup_relation (GlossDocumentView *self,
                                     gint64             relation_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return g_hash_table_lookup (self->relations, &relation_id);
}

/* RELATION's position in gloss_document_view_get_relations (). */
gboolean
gloss_document_view_find_relation (GlossDocumentView *self,
                                   GlossRelation     *relation,
                                   guint             *position)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  return find_listed_relation_row (self, relation, position);
}

/* The relations in reading order: by their first spans' starts, then
 * their second spans', then in the order they were made. */
GListModel *
gloss_document_view_get_relations (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return G_LIST_MODEL (self->relation_rows);
}

static gboolean
grow_relation_rows_cb (gpointer user_data)
{
  GlossDocumentView *self = user_data;
  guint size = gloss_list_head_get_size (self->relation_head);

  if (!take_loading_turn (self, LOADING_RELATION_ROWS))
    return G_SOURCE_CONTINUE;

  if (size >= SPAN_ROWS_ALL)
    {
      gloss_list_head_set_size (self->relation_head, G_MAXUINT);
      self->relation_head_grower = 0;
      return G_SOURCE_REMOVE;
    }

  gloss_list_head_set_size (self->relation_head, size + SPAN_ROWS_STEP);
  return G_SOURCE_CONTINUE;
}

/* The relations as a side list should show them: as the span rows, the
 * first rows after a document opens, then more in idle steps (GtkListView
 * in GTK 4.8 makes and measures up to 200 rows at once), and always as
 * far as the selected relation. Positions are those of
 * gloss_document_view_get_relations (). */
GListModel *
gloss_document_view_get_relation_rows (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return G_LIST_MODEL (self->relation_head);
}

static void
restart_relation_rows (GlossDocumentView *self)
{
  g_clear_handle_id (&self->relation_head_grower, g_source_remove);
  gloss_list_head_set_size (self->relation_head, SPAN_ROWS_FIRST);
  self->relation_head_grower = g_idle_add_full (GLOSS_DOCUMENT_VIEW_PRIORITY_LOADING,
                                                 grow_relation_rows_cb, self, NULL);
}

GlossRelation *
gloss_document_view_get_selected_relation (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return self->selected_relation;
}

/* Selects RELATION (one shown here), or none; a span selected gives way,
 * and the view scrolls to the relation's first end unless it is in view. */
void
gloss_document_view_select_relation (GlossDocumentView *self,
                                     GlossRelation     *relation)
{
  GlossRelation *shown = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (relation == NULL || GLOSS_IS_RELATION (relation));

  if (relation != NULL)
    {
      gint64 id = gloss_relation_get_id (relation);

      shown = g_hash_table_lookup (self->relations, &id);
      if (shown == NULL)
        return;
    }
  if (self->selected_relation == shown)
    return;

  g_set_object (&self->selected_relation, shown);
  if (shown != NULL)
    {
      guint position;

      /* A side list gets a row for it before it hears. */
      if (find_listed_relation_row (self, shown, &position) &&
          position >= gloss_list_head_get_size (self->relation_head))
        gloss_list_head_set_size (self->relation_head, position + 1);
      GlossSpan *from = gloss_span_index_lookup (self->spans, gloss_relation_get_from_id (shown));
      GtkTextIter start;

      gloss_document_view_select_span (self, NULL);
      if (from != NULL)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
          GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "relation-start");
          GdkRectangle visible, location;

          /* A mark, not an iter: the view scrolls to it once the lines on
           * the way are laid out, as a paragraph given room for arcs just
           * now moves what comes after it. */
          iter_at (self, &start, gloss_span_get_start (from));
          gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
          gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &start, &location);
          if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
            {
              if (mark == NULL)
                mark = gtk_text_buffer_create_mark (buffer, "relation-start", &start, TRUE);
              else
                gtk_text_buffer_move_mark (buffer, mark, &start);
              gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.2, FALSE, 0, 0);
            }
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
}

/* The arcs of the relations with an end on screen. */
static void
draw_relations (GlossDocumentView *self,
                GtkSnapshot       *snapshot)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  g_autoptr(GArray) arcs = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GlossSpanIndexIter spans_iter;
  GlossSpan *span;
  GdkRectangle visible;
  GtkTextIter iter;
  gint64 visible_start, visible_end;
  gint64 selected_id = self->selected_relation != NULL
                       ? gloss_relation_get_id (self->selected_relation) : 0;

  if (g_hash_table_size (self->relations) == 0)
    {
      gloss_relation_drawer_forget (self->relation_drawer);
    }
  else
    {
      gtk_text_view_get_visible_rect (text_view, &visible);
      gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
      visible_start = offset_of (self, &iter);
      gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
      gtk_text_iter_forward_line (&iter);
      visible_end = offset_of (self, &iter);

      arcs = g_array_new (FALSE, FALSE, sizeof (GlossRelationArc));
      seen = g_hash_table_new (g_direct_hash, g_direct_equal);
      gloss_span_index_iter_init_overlapping (&spans_iter, self->spans, visible_start,
                                              visible_end + 1);
      while ((span = gloss_span_index_iter_next (&spans_iter)) != NULL)
        {
          gint64 span_id = gloss_span_get_id (span);
          GPtrArray *relations = g_hash_table_lookup (self->relations_by_span, &span_id);

          for (guint i = 0; relations != NULL && i < relations->len; i++)
            {
              GlossRelation *relation = g_ptr_array_index (relations, i);
              gint64 label_id = gloss_relation_get_label_id (relation);
              GlossRelationLabel *label = g_hash_table_lookup (self->relation_labels, &label_id);
              GlossRelationArc arc = { gloss_relation_get_id (relation) };

              if (!g_hash_table_add (seen, relation))
                continue;
              arc.from = gloss_span_index_lookup (self->spans,
                                                  gloss_relation_get_from_id (relation));
              arc.to = gloss_span_index_lookup (self->spans, gloss_relation_get_to_id (relation));
              /* An end not paged in yet: drawn once it is. */
              if (arc.from == NULL || arc.to == NULL)
                continue;
              arc.name = label != NULL ? gloss_relation_label_get_name (label) : "?";
              arc.directed = label == NULL || gloss_relation_label_get_directed (label);
              if (label == NULL ||
                  !gdk_rgba_parse (&arc.color, gloss_relation_label_get_color (label)))
                gdk_rgba_parse (&arc.color, MISSING_LABEL_COLOR);
              g_array_append_val (arcs, arc);
            }
        }

      gloss_relation_drawer_draw (self->relation_drawer, self, (GlossRelationArc *) arcs->data,
                                  arcs->len, selected_id, is_dark (), snapshot);
    }

  if (self->relation_from != NULL && (self->picking_target || self->dragging_relation) &&
      gloss_span_index_lookup (self->spans, gloss_span_get_id (self->relation_from)) != NULL)
    gloss_relation_drawer_draw_pending (self->relation_drawer, self, self->relation_from,
                                        gloss_document_view_get_relation_target (self),
                                        self->pointer_x, self->pointer_y, is_dark (), snapshot);
}

/* Selects the relation whose arc is at (X, Y) of the view, if any. */
static gboolean
select_relation_at (GlossDocumentView *self,
                    double             x,
                    double             y)
{
  GlossRelation *relation = gloss_document_view_get_relation_at_point (self, x, y);

  if (relation == NULL)
    return FALSE;

  gloss_document_view_select_relation (self, relation);
  return TRUE;
}

/* The relation whose arc or label is at (X, Y) of the view, as last drawn;
 * NULL when none is. */
GlossRelation *
gloss_document_view_get_relation_at_point (GlossDocumentView *self,
                                           double             x,
                                           double             y)
{
  int buffer_x, buffer_y;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &buffer_x, &buffer_y);
  id = gloss_relation_drawer_hit (self->relation_drawer, buffer_x, buffer_y);
  return id != 0 ? g_hash_table_lookup (self->relations, &id) : NULL;
}

/* Where RELATION's label was last drawn, in the view's coordinates; FALSE
 * when it is not on screen. */
gboolean
gloss_document_view_get_relation_rect (GlossDocumentView *self,
                                       GlossRelation     *relation,
                                       GdkRectangle      *rect)
{
  GdkRectangle label;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  if (!gloss_relation_drawer_get_label_rect (self->relation_drawer,
                                             gloss_relation_get_id (relation), &label))
    return FALSE;

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         label.x, label.y, &rect->x, &rect->y);
  rect->width = label.width;
  rect->height = label.height;
  return TRUE;
}

/* Where SPAN is, in the view's coordinates, for a popover about it. */
void
gloss_document_view_get_span_rect (GlossDocumentView *self,
                                   GlossSpan         *span,
                                   GdkRectangle      *rect)
{
  GtkTextIter start;
  GdkRectangle location;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));

  iter_at (self, &start, gloss_span_get_start (span));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &start, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &rect->x, &rect->y);
  rect->width = MAX (location.width, 1);
  rect->height = location.height;
}

/* Waits for the span a relation from FROM goes to: the next click on a
 * span emits ::relation-requested. */
void
gloss_document_view_start_relation (GlossDocumentView *self,
                                    GlossSpan         *from)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GLOSS_IS_SPAN (from));

  g_set_object (&self->relation_from, from);
  self->picking_target = TRUE;
  self->dragging_relation = FALSE;
  self->relation_target_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Stops waiting for a relation's target (Escape). */
void
gloss_document_view_cancel_relation (GlossDocumentView *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  if (self->relation_from == NULL)
    return;

  g_clear_object (&self->relation_from);
  self->picking_target = FALSE;
  self->dragging_relation = FALSE;
  self->relation_target_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gloss_document_view_is_picking_target (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  return self->picking_target;
}

/* The span F8 went to while a target is awaited, borrowed; NULL before
 * F8, or once that span is gone. */
GlossSpan *
gloss_document_view_get_relation_target (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);

  if (!self->picking_target || self->relation_target_id == 0)
    return NULL;
  return gloss_span_index_lookup (self->spans, self->relation_target_id);
}

/* While a target is awaited, moves the candidate target to the next span
 * in reading order (DIRECTION 1, or -1 for the one before), from the
 * candidate or, at first, from the source, passing over the source and
 * going round from the last span to the first (and back): the keyboard's
 * way to aim where a click would. FALSE when the source is the only span. */
gboolean
gloss_document_view_step_relation_target (GlossDocumentView *self,
                                          int                direction)
{
  GlossSpan *current, *next;
  GtkTextIter start;
  gint64 from_id;
  guint n_spans, position;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  if (!self->picking_target || self->relation_from == NULL)
    return FALSE;

  from_id = gloss_span_get_id (self->relation_from);
  current = gloss_document_view_get_relation_target (self);
  if (current == NULL)
    current = gloss_span_index_lookup (self->spans, from_id);
  if (current == NULL || !gloss_span_index_find (self->spans, current, &position))
    return FALSE;

  n_spans = gloss_span_index_get_n_spans (self->spans);
  next = NULL;
  for (guint step = 0; step < n_spans && next == NULL; step++)
    {
      position = (position + (direction > 0 ? 1 : n_spans - 1)) % n_spans;
      next = gloss_span_index_get_span (self->spans, position);
      if (gloss_span_get_id (next) == from_id)
        next = NULL;
    }
  if (next == NULL)
    return FALSE;

  self->relation_target_id = gloss_span_get_id (next);
  iter_at (self, &start, gloss_span_get_start (next));
  scroll_to_show (self, &start);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* Takes the candidate target (Enter after F8): ::relation-requested, as a
 * click on it would. FALSE when there is no candidate. */
gboolean
gloss_document_view_pick_relation_target (GlossDocumentView *self)
{
  g_autoptr(GlossSpan) from = NULL;
  g_autoptr(GlossSpan) to = NULL;
  GlossSpan *target;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);

  if ((target = gloss_document_view_get_relation_target (self)) == NULL ||
      self->relation_from == NULL)
    return FALSE;

  from = g_object_ref (self->relation_from);
  to = g_object_ref (target);
  gloss_document_view_cancel_relation (self);
  g_signal_emit (self, signals[RELATION_REQUESTED], 0, from, to);
  return TRUE;
}

static GlossSpan *
span_at_point (GlossDocumentView *self,
               double             x,
               double             y)
{
  gint64 offset;

  if (!gloss_document_view_get_offset_at_point (self, x, y, &offset))
    return NULL;
  return gloss_span_index_get_innermost_at (self->spans, offset);
}

static void
remember_pointer (GlossDocumentView *self,
                  double             x,
                  double             y)
{
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &buffer_x, &buffer_y);
  self->pointer_x = buffer_x;
  self->pointer_y = buffer_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A press while a target is awaited picks it; a Ctrl+press on a span
 * starts a relation from it. Any other press is the text view's. */
static void
on_relation_drag_begin_cb (GlossDocumentView *self,
                           double             x,
                           double             y,
                           GtkGestureDrag    *gesture)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GlossSpan *span;

  if (self->picking_target)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if ((state & GDK_CONTROL_MASK) == 0 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY ||
      (span = span_at_point (self, x, y)) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_set_object (&self->relation_from, span);
  self->dragging_relation = TRUE;
  remember_pointer (self, x, y);
}

static void
on_relation_drag_update_cb (GlossDocumentView *self,
                            double             dx,
                            double             dy,
                            GtkGestureDrag    *gesture)
{
  double x, y;

  if (!self->dragging_relation && !self->picking_target)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  remember_pointer (self, x + dx, y + dy);
}

static void
on_relation_drag_end_cb (GlossDocumentView *self,
                         double             dx,
                         double             dy,
                         GtkGestureDrag    *gesture)
{
  g_autoptr(GlossSpan) from = NULL;
  GlossSpan *to;
  double x, y;

  if (self->relation_from == NULL || (!self->dragging_relation && !self->picking_target))
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  to = span_at_point (self, x + dx, y + dy);
  /* A click beside the spans while a target is awaited waits on. */
  if (to == NULL && self->picking_target)
    return;
  /* So does a click on the source: a span is not related to itself, and
   * the type popover would only lead to the store's refusal. */
  if (self->picking_target && gloss_span_get_id (to) == gloss_span_get_id (self->relation_from))
    {
      g_signal_emit (self, signals[TARGET_REFUSED], 0, to);
      return;
    }
  /* A Ctrl+click on one span is no relation. */
  if (self->dragging_relation && (to == NULL || to == self->relation_from))
    {
      gloss_document_view_cancel_relation (self);
      return;
    }

  from = g_object_ref (self->relation_from);
  gloss_document_view_cancel_relation (self);
  g_signal_emit (self, signals[RELATION_REQUESTED], 0, from, to);
}

static void
on_relation_motion_cb (GlossDocumentView        *self,
                       double                    x,
                       double                    y,
                       GtkEventControllerMotion *motion)
{
  if (self->picking_target)
    remember_pointer (self, x, y);
}

static void
relations_init (GlossDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkEventController *motion;
  GtkGesture *drag;

  self->relations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->relations_by_span = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                   free_span_relations);
  self->relation_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 g_object_unref);
  self->relation_rows = g_list_store_new (GLOSS_TYPE_RELATION);
  self->relation_end_starts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->relation_head =
    gloss_list_head_new (g_object_ref (G_LIST_MODEL (self->relation_rows)), G_MAXUINT);
  self->relation_drawer = gloss_relation_drawer_new ();
  /* Above the first line of a paragraph, and between its wrapped lines,
   * where the lines under the spans of the line above take their part. */
  self->relation_room_tag = gtk_text_buffer_create_tag (buffer, "relation-room",
                                                        "pixels-above-lines",
                                                        GLOSS_RELATION_ROOM,
                                                        "pixels-inside-wrap",
                                                        GLOSS_RELATION_ROOM + PIXELS_INSIDE_WRAP,
                                                        NULL);

  /* Before the text view's own gestures: the press that picks a target,
   * or starts a Ctrl+drag, must not select text. */
  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_relation_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_relation_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_relation_drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_relation_motion_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

static void
relations_dispose (GlossDocumentView *self)
{
  g_clear_object (&self->selected_relation);
  g_clear_object (&self->relation_from);
  g_clear_handle_id (&self->relation_head_grower, g_source_remove);
  g_clear_object (&self->relation_head);
  g_clear_object (&self->relation_rows);
  g_clear_pointer (&self->relations_by_span, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_hash_table_unref);
  g_clear_pointer (&self->relation_end_starts, g_hash_table_unref);
  g_clear_pointer (&self->relation_labels, g_hash_table_unref);
  g_clear_pointer (&self->relation_drawer, gloss_relation_drawer_free);
}
