/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Popovers that let go of the pointer once closed.
 *
 * Under X11 (GTK 4.8) a closed popover keeps its hidden surface, and GDK
 * goes on sending it the motion GTK asked for while it was open, at the
 * pointer's place. Each such motion moves the window's pointer focus into
 * the hidden popover, whose next layouts ask for more: the next click
 * (the first drag after Escape or Enter in the label list, the first
 * click in the Export window after a format is picked) goes to the closed
 * popover and is lost. GTK's own handler of the events of a closed
 * popover's surface is blocked until it opens again, so that they reach
 * nothing. (Dropping the surface instead leaves the pointer focus on a
 * widget without one, which GTK does not expect.) */

#define G_LOG_DOMAIN "gloss-popovers"

#include "config.h"

#include "gloss-popovers.h"

static void
set_events_blocked (GtkWidget *popover,
                    gboolean   blocked)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  gpointer blocked_surface = g_object_get_data (G_OBJECT (popover), "gloss-events-blocked");

  if (blocked_surface != NULL)
    {
      g_signal_handlers_unblock_matched (blocked_surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                         g_signal_lookup ("event", GDK_TYPE_SURFACE), 0, NULL,
                                         NULL, popover);
      g_object_set_data (G_OBJECT (popover), "gloss-events-blocked", NULL);
    }

  if (blocked && surface != NULL)
    {
      g_signal_handlers_block_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                       g_signal_lookup ("event", GDK_TYPE_SURFACE), 0, NULL,
                                       NULL, popover);
      /* Held: unblocked on it even if GTK has let it go. */
      g_object_set_data_full (G_OBJECT (popover), "gloss-events-blocked",
                              g_object_ref (surface), g_object_unref);
    }
}

/* After GTK's own: the popover's surface is on the screen again. */
static void
on_map_cb (GtkWidget *popover)
{
  set_events_blocked (popover, FALSE);
}

static void
on_unmap_cb (GtkWidget *popover)
{
  set_events_blocked (popover, TRUE);
}

static void
on_unrealize_cb (GtkWidget *popover)
{
  set_events_blocked (popover, FALSE);
}

void
gloss_popover_release_when_closed (GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect (popover, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (popover, "unmap", G_CALLBACK (on_unmap_cb), NULL);
  g_signal_connect (popover, "unrealize", G_CALLBACK (on_unrealize_cb), NULL);
}

/* As gloss_popover_release_when_closed (), for each popover a widget of
 * GTK's or libadwaita's made inside WIDGET (a combo row's list). */
void
gloss_popover_release_all_when_closed (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        gloss_popover_release_when_closed (GTK_POPOVER (child));
      gloss_popover_release_all_when_closed (child);
    }
}
