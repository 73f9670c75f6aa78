/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossSpanLineDrawer draws the colored lines under the spans on screen in
 * a GlossDocumentView, above its text. One fill per character cannot show
 * nesting, so each visible span gets a line of its own, on the first level
 * below the text that no overlapping span on screen uses. Offsets go
 * through the view's own conversions, which know its display breaks. */

#define G_LOG_DOMAIN "gloss-span-line-drawer"

#include "config.h"

#include "gloss-span-line-drawer.h"

struct _GlossSpanLineDrawer
{
  GlossSpanLineColorFunc color_func;
  gpointer user_data;
  GlossSpanLineMarkFunc mark_func;
  gpointer mark_data;
};

typedef struct
{
  gint64 end;
  guint level;
} ActiveSpan;

GlossSpanLineDrawer *
gloss_span_line_drawer_new (GlossSpanLineColorFunc color_func,
                            gpointer               user_data)
{
  GlossSpanLineDrawer *drawer;

  g_return_val_if_fail (color_func != NULL, NULL);

  drawer = g_new0 (GlossSpanLineDrawer, 1);
  drawer->color_func = color_func;
  drawer->user_data = user_data;
  return drawer;
}

void
gloss_span_line_drawer_free (GlossSpanLineDrawer *drawer)
{
  g_free (drawer);
}

/* MARK_FUNC tells which spans get a mark at the end of their line (those
 * with attributes): one lookup per span on screen, no more. */
void
gloss_span_line_drawer_set_mark_func (GlossSpanLineDrawer   *drawer,
                                      GlossSpanLineMarkFunc  mark_func,
                                      gpointer               user_data)
{
  g_return_if_fail (drawer != NULL);

  drawer->mark_func = mark_func;
  drawer->mark_data = user_data;
}

/* Draws SPAN's line under each display line it covers up to VISIBLE_END,
 * LEVEL lines below the text, so that nested and overlapping spans each
 * keep a visible line. */
static void
draw_span_line (GlossSpanLineDrawer *drawer,
                GlossDocumentView   *view,
                GtkSnapshot         *snapshot,
                GlossSpan           *span,
                guint                level,
                gint64               visible_end)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  gint64 start = gloss_span_get_start (span);
  gint64 end = MIN (gloss_span_get_end (span), visible_end);
  GtkTextIter line_start;
  GdkRGBA color;
  gboolean marked = drawer->mark_func != NULL && drawer->mark_func (span, drawer->mark_data);

  drawer->color_func (gloss_span_get_label_id (span), &color, drawer->user_data);
  gloss_document_view_get_iter_at (view, &line_start, start);
  if (!gtk_text_view_starts_display_line (text_view, &line_start))
    gtk_text_view_backward_display_line_start (text_view, &line_start);

  for (guint guard = 0; guard < 10000; guard++)
    {
      GtkTextIter line_end = line_start;
      GtkTextIter first, last;
      GdkRectangle first_rect, last_rect;
      gint64 segment_start, segment_end;
      int x0, x1, y;

      gtk_text_view_forward_display_line_end (text_view, &line_end);
      segment_start = MAX (start, gloss_document_view_get_offset (view, &line_start));
      segment_end = MIN (end, gloss_document_view_get_offset (view, &line_end));

      if (segment_start < segment_end)
        {
          gloss_document_view_get_iter_at (view, &first, segment_start);
          gloss_document_view_get_iter_at (view, &last, segment_end - 1);
          gtk_text_view_get_iter_location (text_view, &first, &first_rect);
          gtk_text_view_get_iter_location (text_view, &last, &last_rect);

          /* Right-to-left text runs the other way: take the outer edges. */
          x0 = MIN (first_rect.x, last_rect.x);
          x1 = MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width);
          y = MAX (first_rect.y + first_rect.height, last_rect.y + last_rect.height) + 1 + 3 * level;
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, y, x1 - x0, 2));
          /* The mark: a short upright stroke where the span ends (the
           * left edge in right-to-left text), on its last segment. */
          if (marked && segment_end == gloss_span_get_end (span))
            gtk_snapshot_append_color (snapshot, &color,
                                       &GRAPHENE_RECT_INIT (last_rect.x < first_rect.x ? x0 : x1 - 3,
                                                            y - 3, 3, 6));
        }

      if (gloss_document_view_get_offset (view, &line_end) >= end ||
          !gtk_text_view_forward_display_line (text_view, &line_start))
        break;
      if (!gtk_text_view_starts_display_line (text_view, &line_start))
        gtk_text_view_backward_display_line_start (text_view, &line_start);
    }
}

/* Draws the lines of the spans of SPANS that VIEW shows, in buffer
 * coordinates (the view's GTK_TEXT_VIEW_LAYER_ABOVE_TEXT). */
void
gloss_span_line_drawer_draw (GlossSpanLineDrawer *drawer,
                             GlossDocumentView   *view,
                             GlossSpanIndex      *spans,
                             GtkSnapshot         *snapshot)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  g_autoptr(GArray) active = NULL;
  GlossSpanIndexIter spans_iter;
  GlossSpan *span;
  GdkRectangle visible;
  GtkTextIter iter;
  gint64 visible_start, visible_end;

  g_return_if_fail (drawer != NULL);
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (view));
  g_return_if_fail (GLOSS_IS_SPAN_INDEX (spans));

  if (gloss_span_index_get_n_spans (spans) == 0)
    return;

  /* From the start of the top line to the end of the bottom one: by lines,
   * not by the corners, since the top left corner of a right-to-left line
   * is its end. */
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  visible_start = gloss_document_view_get_offset (view, &iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  gtk_text_iter_forward_line (&iter);
  visible_end = gloss_document_view_get_offset (view, &iter);

  /* Levels go to the visible spans only, outer spans first: two spans that
   * overlap on screen never share a level. A span starting right at the
   * end of the bottom line is drawn too, as it always was. */
  active = g_array_new (FALSE, FALSE, sizeof (ActiveSpan));
  gloss_span_index_iter_init_overlapping (&spans_iter, spans, visible_start, visible_end + 1);
  while ((span = gloss_span_index_iter_next (&spans_iter)) != NULL)
    {
      ActiveSpan entry = { gloss_span_get_end (span), 0 };
      gboolean taken = TRUE;

      for (guint j = active->len; j > 0; j--)
        if (g_array_index (active, ActiveSpan, j - 1).end <= gloss_span_get_start (span))
          g_array_remove_index_fast (active, j - 1);

      while (taken)
        {
          taken = FALSE;
          for (guint j = 0; j < active->len && !taken; j++)
            taken = g_array_index (active, ActiveSpan, j).level == entry.level;
          if (taken)
            entry.level++;
        }

      g_array_append_val (active, entry);
      draw_span_line (drawer, view, snapshot, span, entry.level, visible_end);
    }
}
