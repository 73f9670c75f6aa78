/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossDocumentView shows one document's text, read-only, with each span
 * highlighted in its label's color, and owns which span is selected.
 *
 * GtkTextIter offsets count characters, which are code points: the unit of
 * every span, so the view never converts offsets. A span's tag is applied or
 * removed over that span's range alone; the document is never re-tagged. */

#define G_LOG_DOMAIN "gloss-document-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-color.h"
#include "gloss-document-view.h"

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

struct _GlossDocumentView
{
  GtkTextView parent_instance;

  /* Owned references */
  GHashTable *labels;      /* label id -> GlossLabel */
  GHashTable *label_tags;  /* label id -> GtkTextTag (owned by the tag table) */
  GListStore *spans;       /* GlossSpan, in reading order */
  GlossSpan *selected_span;

  /* Borrowed references */
  GtkTextTag *selected_tag;

  gint64 document_id;
};

G_DEFINE_FINAL_TYPE (GlossDocumentView, gloss_document_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_SELECTED_SPAN,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

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
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (buffer, start, gloss_span_get_start (span));
  gtk_text_buffer_get_iter_at_offset (buffer, end, gloss_span_get_end (span));
}

static GtkTextTag *
lookup_label_tag (GlossDocumentView *self,
                  gint64             label_id)
{
  return g_hash_table_lookup (self->label_tags, &label_id);
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

  get_span_iters (self, span, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
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
  guint n_spans = g_list_model_get_n_items (G_LIST_MODEL (self->spans));
  GtkTextIter start, end;

  if (tag == NULL)
    return;

  get_span_iters (self, span, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);

  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GlossSpan) other = g_list_model_get_item (G_LIST_MODEL (self->spans), i);

      if (gloss_span_get_start (other) >= span_end)
        break;
      if (other == span || gloss_span_get_label_id (other) != label_id ||
          gloss_span_get_end (other) <= span_start)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (span_start, gloss_span_get_start (other)));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (span_end, gloss_span_get_end (other)));
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
    {
      GdkRGBA line;

      set_tag_fill (self, value, *(gint64 *) key, dark ? FILL_ALPHA_DARK : FILL_ALPHA_LIGHT, dark);
      get_label_rgba (self, *(gint64 *) key, 1.0, &line);
      g_object_set (value,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &line,
                    NULL);
    }

  if (self->selected_span != NULL)
    set_tag_fill (self, self->selected_tag, gloss_span_get_label_id (self->selected_span),
                  dark ? SELECTED_ALPHA_DARK : SELECTED_ALPHA_LIGHT, dark);
}

static int
compare_spans_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return gloss_span_compare ((GlossSpan *) a, (GlossSpan *) b);
}

static gboolean
find_span_position (GlossDocumentView *self,
                    GlossSpan         *span,
                    guint             *position)
{
  guint n_spans = g_list_model_get_n_items (G_LIST_MODEL (self->spans));

  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GlossSpan) item = g_list_model_get_item (G_LIST_MODEL (self->spans), i);

      if (gloss_span_get_id (item) == gloss_span_get_id (span))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The innermost span at OFFSET: the one a click most likely means. */
static GlossSpan *
find_span_at (GlossDocumentView *self,
              gint64             offset)
{
  guint n_spans = g_list_model_get_n_items (G_LIST_MODEL (self->spans));
  GlossSpan *best = NULL;

  for (guint i = 0; i < n_spans; i++)
    {
      GlossSpan *span = g_list_model_get_item (G_LIST_MODEL (self->spans), i);

      g_object_unref (span);
      if (gloss_span_get_start (span) > offset)
        break;
      if (!gloss_span_contains (span, offset))
        continue;
      if (best == NULL ||
          gloss_span_get_end (span) - gloss_span_get_start (span) <
          gloss_span_get_end (best) - gloss_span_get_start (best))
        best = span;
    }

  return best;
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
  int buffer_x, buffer_y;

  /* A drag made a selection to label, not a click on a span. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, buffer_x, buffer_y))
    {
      gloss_document_view_select_span (self, NULL);
      return;
    }

  gloss_document_view_select_span (self, find_span_at (self, gtk_text_iter_get_offset (&iter)));
}

static void
on_selection_changed_cb (GlossDocumentView *self,
                         GParamSpec        *pspec,
                         GtkTextBuffer     *buffer)
{
  /* Selecting new text puts the focus on that text, not on a span. */
  if (gtk_text_buffer_get_has_selection (buffer))
    gloss_document_view_select_span (self, NULL);
}

static void
gloss_document_view_dispose (GObject *object)
{
  GlossDocumentView *self = (GlossDocumentView *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->selected_span);
  g_clear_object (&self->spans);

  G_OBJECT_CLASS (gloss_document_view_parent_class)->dispose (object);
}

static void
gloss_document_view_finalize (GObject *object)
{
  GlossDocumentView *self = (GlossDocumentView *) object;

  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->label_tags, g_hash_table_unref);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_view_class_init (GlossDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_view_dispose;
  object_class->finalize = gloss_document_view_finalize;
  object_class->get_property = gloss_document_view_get_property;

  properties[PROP_SELECTED_SPAN] =
    g_param_spec_object ("selected-span", NULL, NULL, GLOSS_TYPE_SPAN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->spans = g_list_store_new (GLOSS_TYPE_SPAN);
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected-span", NULL);

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (text_view, 14);
  gtk_text_view_set_pixels_inside_wrap (text_view, 4);
  gtk_text_view_set_left_margin (text_view, 32);
  gtk_text_view_set_right_margin (text_view, 32);
  gtk_text_view_set_top_margin (text_view, 24);
  gtk_text_view_set_bottom_margin (text_view, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "document-view");

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colors), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gloss_document_view_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_VIEW, NULL);
}

/* Creates a tag for each label that has none, in the labels' order, and keeps
 * the selection's tag above them all. */
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
          GtkTextTag *tag = gtk_text_tag_new (NULL);

          gtk_text_tag_table_add (table, tag);
          g_hash_table_insert (self->label_tags, g_memdup2 (&id, sizeof id), tag);
          g_object_unref (tag);
        }
    }

  gtk_text_tag_set_priority (self->selected_tag, gtk_text_tag_table_get_size (table) - 1);
  update_tag_colors (self);
}

void
gloss_document_view_load (GlossDocumentView *self,
                          gint64             document_id,
                          const char        *text,
                          GPtrArray         *spans)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (spans != NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gloss_document_view_select_span (self, NULL);

  self->document_id = document_id;
  gtk_text_buffer_set_text (buffer, text, -1);
  g_list_store_splice (self->spans, 0, g_list_model_get_n_items (G_LIST_MODEL (self->spans)),
                       spans->pdata, spans->len);
  for (guint i = 0; i < spans->len; i++)
    apply_span_tag (self, g_ptr_array_index (spans, i));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

void
gloss_document_view_clear (GlossDocumentView *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));

  gloss_document_view_select_span (self, NULL);
  self->document_id = 0;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "", 0);
  g_list_store_remove_all (self->spans);
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
  return G_LIST_MODEL (self->spans);
}

void
gloss_document_view_add_span (GlossDocumentView *self,
                              GlossSpan         *span)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));

  if (gloss_span_get_document_id (span) != self->document_id)
    return;

  g_list_store_insert_sorted (self->spans, span, compare_spans_cb, NULL);
  apply_span_tag (self, span);
}

void
gloss_document_view_remove_span (GlossDocumentView *self,
                                 GlossSpan         *span)
{
  g_autoptr(GlossSpan) removed = NULL;
  guint position;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GLOSS_IS_SPAN (span));

  if (gloss_span_get_document_id (span) != self->document_id ||
      !find_span_position (self, span, &position))
    return;

  removed = g_list_model_get_item (G_LIST_MODEL (self->spans), position);
  if (self->selected_span != NULL && gloss_span_get_id (self->selected_span) == gloss_span_get_id (span))
    gloss_document_view_select_span (self, NULL);

  g_list_store_remove (self->spans, position);
  unapply_span_tag (self, removed);
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
 * white space. FALSE when nothing but white space is selected. */
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

  *start = gtk_text_iter_get_offset (&begin);
  *end = gtk_text_iter_get_offset (&stop);
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
  gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &stop, end);
  gtk_text_buffer_select_range (buffer, &begin, &stop);
}

GlossSpan *
gloss_document_view_get_selected_span (GlossDocumentView *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  return self->selected_span;
}

void
gloss_document_view_select_span (GlossDocumentView *self,
                                 GlossSpan         *span)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (span == NULL || GLOSS_IS_SPAN (span));

  if (self->selected_span == span)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (self->selected_span != NULL)
    {
      get_span_iters (self, self->selected_span, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
    }

  g_set_object (&self->selected_span, span);

  if (span != NULL)
    {
      update_tag_colors (self);
      get_span_iters (self, span, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->selected_tag, &start, &end);
      /* Collapse any text selection onto the span, so that Delete and the
       * label keys act on the span. */
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start, 0.1, FALSE, 0, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SPAN]);
}

char *
gloss_document_view_dup_span_text (GlossDocumentView *self,
                                   GlossSpan         *span)
{
  GtkTextIter start, end;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), NULL);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), NULL);

  get_span_iters (self, span, &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

/* Whether SPAN's whole range carries its label's fill. */
gboolean
gloss_document_view_has_span_tag (GlossDocumentView *self,
                                  GlossSpan         *span)
{
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  tag = lookup_label_tag (self, gloss_span_get_label_id (span));
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
