/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossRelationDrawer draws the relations between spans in a
 * GlossDocumentView as labeled arcs in the room above the text lines.
 *
 * Only what is on screen is drawn: the view hands over the relations with
 * an end on screen, and an end that is not on screen is never laid out.
 * Two spans on one display line get one arc; spans on different lines get
 * half an arc on each end's line, running to the margin on the side of the
 * other end, as brat draws them, so no arc crosses the lines between.
 * The arcs of one line are staggered: shorter ones low, and each one above
 * every shorter one it overlaps (its label's width included), so crossing
 * arcs never share a height and their labels do not cover each other. The
 * geometry of the last frame is kept for clicks (gloss_relation_drawer_hit ()). */

#define G_LOG_DOMAIN "gloss-relation-drawer"

#include "config.h"

#include "gloss-color.h"
#include "gloss-relation-drawer.h"

/* A level is a label's height apart from the next, so that labels of
 * arcs on neighbouring levels never cover each other. */
#define ARC_BASE 9
#define ARC_STEP 15
#define MAX_LEVELS 2
#define CORNER 4
#define LABEL_PAD_X 4
#define LABEL_PAD_Y 1
#define LABEL_GAP 6
#define EDGE_INSET 12
#define HIT_SLOP 4
/* Past a line's pieces, for the strokes' width and the label boxes' edges. */
#define LINE_SLOP 3

#define PAGE_COLOR_LIGHT "#fafafa"
#define PAGE_COLOR_DARK "#242424"
#define TEXT_ON_LIGHT_PAGE GLOSS_COLOR_TEXT_DARK
#define TEXT_ON_DARK_PAGE GLOSS_COLOR_TEXT_LIGHT

typedef struct
{
  const GlossRelationArc *arc;
  int x0, x1;            /* the legs; an open end is at the margin */
  int y;                 /* the top of the text line the piece stands on */
  int arrow_x;           /* where the arrow head points down, or G_MININT */
  gboolean open_left;
  gboolean open_right;
  int level;
  int height;
  int label_width;
  int label_height;
  int reach_x0, reach_x1; /* the legs and the label, for staggering */
  int label_x;            /* the middle of the label */
} Piece;

typedef struct
{
  gint64 id;
  GdkRectangle label;
  int x0, x1, top, y;
  gboolean open_left, open_right;
} Hit;

struct _GlossRelationDrawer
{
  GArray *hits;   /* Hit, in drawing order, of the last frame */
  /* A laid out label per relation label name: shaping the same few names
   * for every arc of every frame was most of drawing them. Made again
   * when the view's font changes (the text size preference). */
  GHashTable *layouts;   /* name -> PangoLayout */
  guint context_serial;
};

GlossRelationDrawer *
gloss_relation_drawer_new (void)
{
  GlossRelationDrawer *drawer = g_new0 (GlossRelationDrawer, 1);

  drawer->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  drawer->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return drawer;
}

void
gloss_relation_drawer_free (GlossRelationDrawer *drawer)
{
  if (drawer == NULL)
    return;

  g_array_unref (drawer->hits);
  g_hash_table_unref (drawer->layouts);
  g_free (drawer);
}

/* Forgets the last frame's arcs (a document closed). */
void
gloss_relation_drawer_forget (GlossRelationDrawer *drawer)
{
  g_return_if_fail (drawer != NULL);
  g_array_set_size (drawer->hits, 0);
}

/* Where an arc meets SPAN: the middle of the span's part on its first
 * display line, at the top of that line's text. */
static void
span_anchor (GlossDocumentView *view,
             GlossSpan         *span,
             int               *x,
             int               *y)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter first, last, line_end;
  GdkRectangle first_rect, last_rect;
  gint64 start = gloss_span_get_start (span);
  gint64 end = MAX (gloss_span_get_end (span) - 1, start);

  gloss_document_view_get_iter_at (view, &first, start);
  gloss_document_view_get_iter_at (view, &last, end);
  gtk_text_view_get_iter_location (text_view, &first, &first_rect);

  line_end = first;
  if (!gtk_text_view_forward_display_line_end (text_view, &line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  /* A span running onto the next line: its part on the first line. */
  if (gtk_text_iter_compare (&last, &line_end) >= 0)
    {
      last = line_end;
      if (!gtk_text_iter_equal (&last, &first))
        gtk_text_iter_backward_char (&last);
    }
  gtk_text_view_get_iter_location (text_view, &last, &last_rect);

  /* Right-to-left text runs the other way: take the outer edges. */
  *x = (MIN (first_rect.x, last_rect.x) +
        MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width)) / 2;
  *y = first_rect.y;
}

static void
color_from_spec (const char *spec,
                 GdkRGBA    *rgba)
{
  if (!gdk_rgba_parse (rgba, spec))
    *rgba = (GdkRGBA) { 0.5, 0.5, 0.5, 1.0 };
}

static int
compare_width (gconstpointer a,
               gconstpointer b)
{
  const Piece *first = a, *second = b;
  int width_a = first->reach_x1 - first->reach_x0;
  int width_b = second->reach_x1 - second->reach_x0;

  if (first->y != second->y)
    return first->y < second->y ? -1 : 1;
  return (width_a > width_b) - (width_a < width_b);
}

/* Levels, a line at a time (PIECES are sorted by line, then width): each
 * piece goes just above the highest shorter piece it overlaps. */
static void
stagger (GArray *pieces)
{
  guint line_start = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      int level = 1;

      if (i > 0 && g_array_index (pieces, Piece, i - 1).y != piece->y)
        line_start = i;

      for (guint j = line_start; j < i; j++)
        {
          Piece *below = &g_array_index (pieces, Piece, j);

          if (below->reach_x0 < piece->reach_x1 + LABEL_GAP &&
              piece->reach_x0 < below->reach_x1 + LABEL_GAP)
            level = MAX (level, below->level + 1);
        }

      piece->level = MIN (level, MAX_LEVELS);
      /* Past the room's levels, arcs share the top one. */
      piece->height = ARC_BASE + ARC_STEP * (piece->level - 1);
    }
}

static GdkRectangle
label_rect (const Piece *piece)
{
  GdkRectangle rect = {
    piece->label_x - piece->label_width / 2,
    piece->y - piece->height - piece->label_height / 2,
    piece->label_width,
    piece->label_height,
  };

  return rect;
}

/* Puts each label on its arc where it covers no label placed before it on
 * the same line: levels are closer than a label is tall, so two labels of
 * overlapping arcs one level apart would cover each other. The middle of
 * the arc first, then along it, left and right by turns. */
static void
place_labels (GArray *pieces,
              int     left_edge,
              int     right_edge)
{
  guint line_start = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      int middle = (piece->x0 + piece->x1) / 2;
      /* Along the arc, or past its ends by half a label when it is too
       * short to hold one, but never past the margins. */
      int room = MAX (piece->label_width / 2, (piece->x1 - piece->x0 - piece->label_width) / 2);
      int step = piece->label_width / 2 + LABEL_GAP;
      int lowest = left_edge + piece->label_width / 2;
      int highest = MAX (lowest, right_edge - piece->label_width / 2);

      if (i > 0 && g_array_index (pieces, Piece, i - 1).y != piece->y)
        line_start = i;

      piece->label_x = CLAMP (middle, lowest, highest);
      for (int k = 0; k <= 8; k++)
        {
          int shift = (k + 1) / 2 * step * (k % 2 == 1 ? -1 : 1);
          GdkRectangle rect;
          gboolean free = TRUE;

          if (ABS (shift) > room)
            continue;
          piece->label_x = CLAMP (middle + shift, lowest, highest);
          rect = label_rect (piece);
          for (guint j = line_start; j < i && free; j++)
            {
              GdkRectangle other = label_rect (&g_array_index (pieces, Piece, j));

              free = !gdk_rectangle_intersect (&rect, &other, NULL);
            }
          if (free)
            break;
          piece->label_x = CLAMP (middle, lowest, highest);
        }
    }
}

/* NAME laid out as a label, from the cache. */
static PangoLayout *
get_label_layout (GlossRelationDrawer *drawer,
                  GtkWidget           *widget,
                  const char          *name)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoLayout *layout;

  if (name == NULL)
    name = "";

  if (pango_context_get_serial (context) != drawer->context_serial)
    {
      g_hash_table_remove_all (drawer->layouts);
      drawer->context_serial = pango_context_get_serial (context);
    }

  layout = g_hash_table_lookup (drawer->layouts, name);
  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (widget, name);
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (drawer->layouts, g_strdup (name), layout);
    }
  return layout;
}

static void
add_piece (GArray                 *pieces,
           GlossRelationDrawer    *drawer,
           GtkWidget              *widget,
           const GlossRelationArc *arc,
           int                     x0,
           int                     x1,
           int                     y,
           gboolean                open_left,
           gboolean                open_right,
           int                     arrow_x)
{
  Piece piece = { arc, MIN (x0, x1), MAX (x0, x1), y, arrow_x, open_left, open_right };
  int middle;

  pango_layout_get_pixel_size (get_label_layout (drawer, widget, arc->name),
                               &piece.label_width, &piece.label_height);
  piece.label_width += 2 * LABEL_PAD_X;
  piece.label_height += 2 * LABEL_PAD_Y;

  middle = (piece.x0 + piece.x1) / 2;
  piece.reach_x0 = MIN (piece.x0, middle - piece.label_width / 2);
  piece.reach_x1 = MAX (piece.x1, middle + piece.label_width / 2);
  g_array_append_val (pieces, piece);
}

static void
trace_piece (cairo_t     *cr,
             const Piece *piece)
{
  double top = piece->y - piece->height + 0.5;
  double left = piece->x0 + 0.5, right = piece->x1 + 0.5;
  double base = piece->y - 1;

  if (piece->open_left)
    cairo_move_to (cr, left, top);
  else
    {
      cairo_move_to (cr, left, base);
      cairo_line_to (cr, left, top + CORNER);
      cairo_curve_to (cr, left, top, left, top, left + CORNER, top);
    }

  if (piece->open_right)
    cairo_line_to (cr, right, top);
  else
    {
      cairo_line_to (cr, right - CORNER, top);
      cairo_curve_to (cr, right, top, right, top, right, top + CORNER);
      cairo_line_to (cr, right, base);
    }
}

static void
draw_arrow (cairo_t     *cr,
            const Piece *piece)
{
  double x = piece->arrow_x + 0.5;
  double tip = piece->y - 0.5;

  cairo_move_to (cr, x, tip);
  cairo_line_to (cr, x - 4, tip - 6);
  cairo_line_to (cr, x + 4, tip - 6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
rounded_rectangle (cairo_t            *cr,
                   const GdkRectangle *rect,
                   double              radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}


/* The label on the arc's top, on a box that hides the arcs behind it;
 * the selected relation's box is filled with its color. */
static void
draw_label (cairo_t     *cr,
            PangoLayout *layout,   /* the label's */
            const Piece *piece,
            gboolean     selected,
            gboolean     dark)
{
  GdkRectangle rect = label_rect (piece);
  const GdkRGBA *color = &piece->arc->color;
  GdkRGBA page, text;

  color_from_spec (dark ? PAGE_COLOR_DARK : PAGE_COLOR_LIGHT, &page);
  color_from_spec (dark ? TEXT_ON_DARK_PAGE : TEXT_ON_LIGHT_PAGE, &text);
  if (selected)
    {
      GlossColor fill = { color->red, color->green, color->blue };

      color_from_spec (gloss_color_pick_text (&fill), &text);
    }

  rounded_rectangle (cr, &rect, 4);
  gdk_cairo_set_source_rgba (cr, selected ? color : &page);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_move_to (cr, rect.x + LABEL_PAD_X, rect.y + LABEL_PAD_Y);
  gdk_cairo_set_source_rgba (cr, &text);
  pango_cairo_show_layout (cr, layout);
}


/* Draws the N_PIECES of one line, and keeps their places for clicks. */
static void
draw_line (GlossRelationDrawer *drawer,
           GlossDocumentView   *view,
           const Piece         *pieces,
           guint                n_pieces,
           gint64               selected_id,
           gboolean             dark,
           cairo_t             *cr)
{
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Higher arcs first, under the lower ones; the selected one on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = n_pieces; i > 0; i--)
      {
        const Piece *piece = &pieces[i - 1];
        gboolean selected = piece->arc->id == selected_id;

        if (selected != (pass == 1))
          continue;

        gdk_cairo_set_source_rgba (cr, &piece->arc->color);
        cairo_set_line_width (cr, selected ? 2.5 : 1.5);
        trace_piece (cr, piece);
        cairo_stroke (cr);
        if (piece->arrow_x != G_MININT)
          draw_arrow (cr, piece);
      }

  /* Labels over the arcs; lower ones last, as they are the shorter arcs
   * whose label sits inside the longer ones'. The hits go in the same
   * order, and are searched from the last. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = n_pieces; i > 0; i--)
      {
        const Piece *piece = &pieces[i - 1];
        gboolean selected = piece->arc->id == selected_id;
        Hit hit;

        if (selected != (pass == 1))
          continue;

        draw_label (cr, get_label_layout (drawer, GTK_WIDGET (view), piece->arc->name), piece,
                    selected, dark);
        hit = (Hit) { piece->arc->id, label_rect (piece), piece->x0, piece->x1,
                      piece->y - piece->height, piece->y, piece->open_left, piece->open_right };
        g_array_append_val (drawer->hits, hit);
      }
}

/* Draws ARCS, the relations with an end on screen, in buffer coordinates
 * (the view's GTK_TEXT_VIEW_LAYER_ABOVE_TEXT). */
void
gloss_relation_drawer_draw (GlossRelationDrawer    *drawer,
                            GlossDocumentView      *view,
                            const GlossRelationArc *arcs,
                            guint                   n_arcs,
                            gint64                  selected_id,
                            gboolean                dark,
                            GtkSnapshot            *snapshot)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  g_autoptr(GArray) pieces = NULL;
  GdkRectangle visible;
  GtkTextIter iter;
  gint64 visible_start, visible_end;
  int left_edge, right_edge;
  cairo_t *cr;

  g_return_if_fail (drawer != NULL);
  g_return_if_fail (GLOSS_IS_DOCUMENT_VIEW (view));

  g_array_set_size (drawer->hits, 0);
  if (n_arcs == 0)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  visible_start = gloss_document_view_get_offset (view, &iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  gtk_text_iter_forward_line (&iter);
  visible_end = gloss_document_view_get_offset (view, &iter);
  left_edge = visible.x + EDGE_INSET;
  right_edge = visible.x + visible.width - EDGE_INSET;

  pieces = g_array_sized_new (FALSE, FALSE, sizeof (Piece), n_arcs);

  for (guint i = 0; i < n_arcs; i++)
    {
      const GlossRelationArc *arc = &arcs[i];
      gboolean from_shown = gloss_span_get_end (arc->from) >= visible_start &&
                            gloss_span_get_start (arc->from) <= visible_end;
      gboolean to_shown = gloss_span_get_end (arc->to) >= visible_start &&
                          gloss_span_get_start (arc->to) <= visible_end;
      /* Which end comes first in reading order decides the halves' sides. */
      gboolean forward = gloss_span_get_start (arc->from) < gloss_span_get_start (arc->to) ||
                         (gloss_span_get_start (arc->from) == gloss_span_get_start (arc->to) &&
                          gloss_span_get_end (arc->from) >= gloss_span_get_end (arc->to));
      int from_x = 0, from_y = 0, to_x = 0, to_y = 0;

      /* An end off screen is never laid out: its place is not needed. */
      if (from_shown)
        span_anchor (view, arc->from, &from_x, &from_y);
      if (to_shown)
        span_anchor (view, arc->to, &to_x, &to_y);

      if (from_shown && to_shown && from_y == to_y)
        {
          /* A relation of a span with itself, or of nested spans that
           * meet at one point, still gets a visible arc. */
          if (ABS (from_x - to_x) < 8)
            to_x = from_x + (forward ? 8 : -8);
          add_piece (pieces, drawer, GTK_WIDGET (view), arc, from_x, to_x, from_y, FALSE, FALSE,
                     arc->directed ? to_x : G_MININT);
          continue;
        }

      if (from_shown)
        add_piece (pieces, drawer, GTK_WIDGET (view), arc, from_x,
                   forward ? right_edge : left_edge, from_y, !forward, forward, G_MININT);
      if (to_shown)
        add_piece (pieces, drawer, GTK_WIDGET (view), arc, to_x,
                   forward ? left_edge : right_edge, to_y, forward, !forward,
                   arc->directed ? to_x : G_MININT);
    }

  if (pieces->len == 0)
    return;

  g_array_sort (pieces, compare_width);
  stagger (pieces);
  place_labels (pieces, left_edge, right_edge);

  /* A cairo node is drawn through an image of its size at every frame
   * (the cairo renderer replays it into one, the GL renderer uploads it),
   * and one over the whole view cost as much as the arcs themselves. The
   * pieces of a line stay in the room above it, so each line gets a node
   * of its own, as tall as that room: the lines' nodes never overlap, and
   * drawing them a line at a time gives the same picture. */
  for (guint line_start = 0, line_end; line_start < pieces->len; line_start = line_end)
    {
      int line_y = g_array_index (pieces, Piece, line_start).y;
      int top = line_y, bottom;

      for (line_end = line_start;
           line_end < pieces->len && g_array_index (pieces, Piece, line_end).y == line_y;
           line_end++)
        {
          GdkRectangle rect = label_rect (&g_array_index (pieces, Piece, line_end));

          top = MIN (top, MIN (rect.y, line_y - g_array_index (pieces, Piece, line_end).height));
        }

      /* Never past the view, as the one node over it was. */
      top = MAX (top - LINE_SLOP, visible.y);
      bottom = MIN (line_y + LINE_SLOP, visible.y + visible.height);
      if (bottom <= top)
        bottom = top + 1;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible.x, top, visible.width,
                                                                     bottom - top));
      draw_line (drawer, view, (const Piece *) pieces->data + line_start, line_end - line_start,
                 selected_id, dark, cr);
      cairo_destroy (cr);
    }
}

/* Outlines each display line's part of SPAN, buffer coordinates. */
static void
trace_span (cairo_t           *cr,
            GlossDocumentView *view,
            GlossSpan         *span)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter iter, end;

  gloss_document_view_get_iter_at (view, &iter, gloss_span_get_start (span));
  gloss_document_view_get_iter_at (view, &end, gloss_span_get_end (span));
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter line_end = iter, last;
      GdkRectangle first_rect, last_rect, piece;

      if (!gtk_text_view_forward_display_line_end (text_view, &line_end) ||
          gtk_text_iter_compare (&line_end, &end) > 0)
        line_end = end;
      last = line_end;
      if (gtk_text_iter_compare (&last, &iter) > 0)
        gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (text_view, &iter, &first_rect);
      gtk_text_view_get_iter_location (text_view, &last, &last_rect);
      /* Right-to-left text runs the other way: the outer edges. */
      piece.x = MIN (first_rect.x, last_rect.x) - 2;
      piece.width = MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width) + 2 -
                    piece.x;
      piece.y = first_rect.y - 1;
      piece.height = first_rect.height + 2;
      rounded_rectangle (cr, &piece, CORNER);

      /* On to the next display line, past the break or the wrap. */
      iter = line_end;
      if (gtk_text_iter_compare (&iter, &end) < 0 &&
          !gtk_text_view_forward_display_line (text_view, &iter))
        break;
    }
}

/* The relation being made: a dashed line from FROM to TO, the candidate
 * target the keys went to, outlined; without one, to the pointer at
 * (X, Y), buffer coordinates. */
void
gloss_relation_drawer_draw_pending (GlossRelationDrawer *drawer,
                                    GlossDocumentView   *view,
                                    GlossSpan           *from,
                                    GlossSpan           *to,
                                    double               x,
                                    double               y,
                                    gboolean             dark,
                                    GtkSnapshot         *snapshot)
{
  GdkRectangle visible;
  GdkRGBA color;
  static const double dashes[] = { 5, 3 };
  int from_x, from_y;
  cairo_t *cr;

  g_return_if_fail (drawer != NULL);
  g_return_if_fail (GLOSS_IS_SPAN (from));
  g_return_if_fail (to == NULL || GLOSS_IS_SPAN (to));

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  span_anchor (view, from, &from_x, &from_y);
  if (to != NULL)
    {
      int to_x, to_y;

      span_anchor (view, to, &to_x, &to_y);
      x = to_x + 0.5;
      y = to_y - 1;
    }
  color_from_spec (dark ? TEXT_ON_DARK_PAGE : TEXT_ON_LIGHT_PAGE, &color);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (visible.x, visible.y,
                                                                 visible.width, visible.height));
  gdk_cairo_set_source_rgba (cr, &color);
  if (to != NULL)
    {
      cairo_set_line_width (cr, 2);
      trace_span (cr, view, to);
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, from_x + 0.5, from_y - 1);
  cairo_curve_to (cr, from_x + 0.5, from_y - 1 - ARC_BASE * 2, x, y - ARC_BASE * 2, x, y);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* The relation whose arc or label is at (X, Y), buffer coordinates, in the
 * last frame drawn; 0 when none. */
gint64
gloss_relation_drawer_hit (GlossRelationDrawer *drawer,
                           int                  x,
                           int                  y)
{
  g_return_val_if_fail (drawer != NULL, 0);

  /* Labels first, the last drawn (on top) first. */
  for (guint i = drawer->hits->len; i > 0; i--)
    {
      const Hit *hit = &g_array_index (drawer->hits, Hit, i - 1);

      if (gdk_rectangle_contains_point (&hit->label, x, y))
        return hit->id;
    }

  for (guint i = drawer->hits->len; i > 0; i--)
    {
      const Hit *hit = &g_array_index (drawer->hits, Hit, i - 1);
      gboolean on_top = ABS (y - hit->top) <= HIT_SLOP && x >= hit->x0 - HIT_SLOP &&
                        x <= hit->x1 + HIT_SLOP;
      gboolean in_legs = y >= hit->top - HIT_SLOP && y <= hit->y;

      if (on_top ||
          (in_legs && !hit->open_left && ABS (x - hit->x0) <= HIT_SLOP) ||
          (in_legs && !hit->open_right && ABS (x - hit->x1) <= HIT_SLOP))
        return hit->id;
    }

  return 0;
}

/* Where relation ID's label was drawn in the last frame, buffer
 * coordinates; FALSE when it was not on screen. */
gboolean
gloss_relation_drawer_get_label_rect (GlossRelationDrawer *drawer,
                                      gint64               id,
                                      GdkRectangle        *rect)
{
  g_return_val_if_fail (drawer != NULL, FALSE);

  for (guint i = drawer->hits->len; i > 0; i--)
    {
      const Hit *hit = &g_array_index (drawer->hits, Hit, i - 1);

      if (hit->id == id)
        {
          *rect = hit->label;
          return TRUE;
        }
    }

  return FALSE;
}
