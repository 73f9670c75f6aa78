/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A sidebar whose inner edge drags to a new width, as a GtkPaned's handle
 * does. The sidebar is an AdwFlap's flap, so that it folds away when the
 * window is narrow; AdwFlap gives an unfolded flap its minimum width, so
 * the width a person drags to is the flap's width-request, kept in a
 * GSettings key for the next start. A wider sidebar folds sooner: the
 * flap folds when the text's minimum and the sidebar's no longer fit. */

#include "config.h"

#include "gloss-sidebar-edge.h"

/* How far from the edge, on either side, a press takes hold of it. */
#define EDGE_REACH 5

typedef struct
{
  AdwFlap *flap;   /* unowned: the gesture dies with it */
  GSettings *settings;
  char *key;
  int start_width;
  int width;
  gboolean dragging;   /* the press was on the edge */
} SidebarEdge;

static void
sidebar_edge_free (SidebarEdge *edge)
{
  g_clear_object (&edge->settings);
  g_free (edge->key);
  g_free (edge);
}

static gboolean
is_start (SidebarEdge *edge)
{
  GtkPackType position = adw_flap_get_flap_position (edge->flap);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (edge->flap)) == GTK_TEXT_DIR_RTL;

  /* The flap on the left, its edge on its right. */
  return (position == GTK_PACK_START) != rtl;
}

/* Whether (X, Y) of the flap is on the sidebar's inner edge, and the
 * sidebar is beside the text rather than over it. */
static gboolean
is_on_edge (SidebarEdge *edge,
            double       x,
            double       y)
{
  GtkWidget *sidebar = adw_flap_get_flap (edge->flap);
  graphene_rect_t bounds;
  double line;

  if (sidebar == NULL || adw_flap_get_folded (edge->flap) ||
      adw_flap_get_reveal_progress (edge->flap) < 1 ||
      !gtk_widget_compute_bounds (sidebar, GTK_WIDGET (edge->flap), &bounds))
    return FALSE;
  if (y < bounds.origin.y || y > bounds.origin.y + bounds.size.height)
    return FALSE;

  /* The separator is one pixel beyond the sidebar; the reach on the
   * text's side is a little longer, off the sidebar's scrollbar. */
  if (is_start (edge))
    {
      line = bounds.origin.x + bounds.size.width;
      return x >= line - EDGE_REACH + 1 && x <= line + EDGE_REACH + 1;
    }
  line = bounds.origin.x;
  return x >= line - EDGE_REACH - 1 && x <= line + EDGE_REACH - 1;
}

/* The widest the sidebar gets and still stays beside the text. */
static int
get_max_width (SidebarEdge *edge)
{
  GtkWidget *content = adw_flap_get_content (edge->flap);
  GtkWidget *separator = adw_flap_get_separator (edge->flap);
  int content_min = 0, separator_min = 0;

  if (content != NULL)
    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &content_min, NULL, NULL, NULL);
  if (separator != NULL)
    gtk_widget_measure (separator, GTK_ORIENTATION_HORIZONTAL, -1, &separator_min, NULL, NULL,
                        NULL);

  return gtk_widget_get_width (GTK_WIDGET (edge->flap)) - content_min - separator_min;
}

static void
set_width (SidebarEdge *edge,
           int          width)
{
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;
  int min = 0, max = G_MAXINT;

  g_object_get (edge->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, edge->key);
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (g_str_equal (type, "range"))
    g_variant_get (limits, "(ii)", &min, &max);

  edge->width = CLAMP (MIN (width, get_max_width (edge)), min, max);
  gtk_widget_set_size_request (adw_flap_get_flap (edge->flap), edge->width, -1);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  SidebarEdge    *edge)
{
  edge->dragging = is_on_edge (edge, x, y);
  if (!edge->dragging)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* The edge has it: the list or the text under the press does not. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  edge->start_width = gtk_widget_get_width (adw_flap_get_flap (edge->flap));
  edge->width = edge->start_width;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   SidebarEdge    *edge)
{
  /* A gesture denied at its start still ends. */
  if (edge->dragging)
    set_width (edge, edge->start_width + (int) (is_start (edge) ? dx : -dx));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SidebarEdge    *edge)
{
  if (!edge->dragging)
    return;
  on_drag_update_cb (gesture, dx, dy, edge);
  edge->dragging = FALSE;
  g_settings_set_int (edge->settings, edge->key, edge->width);
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              SidebarEdge              *edge)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (edge->flap),
                                   is_on_edge (edge, x, y) ? "col-resize" : NULL);
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             SidebarEdge              *edge)
{
  gtk_widget_set_cursor (GTK_WIDGET (edge->flap), NULL);
}

static void
on_width_changed_cb (GSettings  *settings,
                     const char *key,
                     GtkGesture *drag)
{
  SidebarEdge *edge = g_object_get_data (G_OBJECT (drag), "gloss-sidebar-edge");
  int width = g_settings_get_int (settings, key);

  /* Another window's drag; this one follows, within its own room. */
  if (width != edge->width)
    {
      edge->width = width;
      gtk_widget_set_size_request (adw_flap_get_flap (edge->flap), width, -1);
    }
}

/**
 * gloss_sidebar_edge_attach:
 * @flap: an #AdwFlap whose flap is a sidebar
 * @settings: where the width is kept
 * @key: an integer key of @settings, the sidebar's width in pixels
 *
 * Gives the sidebar the width @key holds, and lets a drag of its inner
 * edge change it while the flap is unfolded.
 */
void
gloss_sidebar_edge_attach (AdwFlap    *flap,
                           GSettings  *settings,
                           const char *key)
{
  SidebarEdge *edge = g_new0 (SidebarEdge, 1);
  g_autofree char *signal = g_strconcat ("changed::", key, NULL);
  GtkGesture *drag;
  GtkEventController *motion;

  edge->flap = flap;
  edge->settings = g_object_ref (settings);
  edge->key = g_strdup (key);
  edge->width = g_settings_get_int (settings, key);
  gtk_widget_set_size_request (adw_flap_get_flap (flap), edge->width, -1);

  /* Before the sidebar's list and the text, which would take the press. */
  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_object_set_data_full (G_OBJECT (drag), "gloss-sidebar-edge", edge,
                          (GDestroyNotify) sidebar_edge_free);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), edge);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), edge);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), edge);
  gtk_widget_add_controller (GTK_WIDGET (flap), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion_cb), edge);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), edge);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), edge);
  gtk_widget_add_controller (GTK_WIDGET (flap), motion);

  g_signal_connect_object (settings, signal, G_CALLBACK (on_width_changed_cb), drag, 0);
}
