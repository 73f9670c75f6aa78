/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A popover at the selection that lists the labels, with a field to narrow
 * them by name: the keyboard way to label text when there are more labels
 * than hotkeys. Emits "label-chosen" with the label's id.
 *
 * The labels are any objects with "id", "name", "color" and "hotkey"
 * properties: span labels (GlossLabel), and relation labels
 * (GlossRelationLabel). A label's key, pressed before any filter is typed,
 * picks it at once, unless a label's name starts with it; for relation
 * labels, whatever the names (gloss_label_popover_set_keys_pick ()). */

#define G_LOG_DOMAIN "gloss-label-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-label-popover.h"
#include "gloss-popovers.h"
#include "gloss-swatch.h"

struct _GlossLabelPopover
{
  GtkPopover parent_instance;

  /* Owned references */
  GListModel *labels;

  /* Borrowed references */
  GtkSearchEntry *entry;
  GtkListBox *list;
  GtkScrolledWindow *scroller;

  gboolean rows_stale;
  gboolean keys_pick;
};

G_DEFINE_FINAL_TYPE (GlossLabelPopover, gloss_label_popover, GTK_TYPE_POPOVER)

enum {
  LABEL_CHOSEN,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* About eight rows; more labels scroll. */
#define MAX_LIST_HEIGHT 320

static char *
dup_string_property (GObject    *label,
                     const char *property)
{
  char *value = NULL;

  g_object_get (label, property, &value, NULL);
  return value != NULL ? value : g_strdup ("");
}

static gint64
get_label_id (GObject *label)
{
  gint64 id = 0;

  g_object_get (label, "id", &id, NULL);
  return id;
}

/* How well LABEL's name matches FILTER, best first: the name starts with
 * it, a word of the name starts with it, the name holds it elsewhere.
 * Ranked so that Enter takes "Foreign government" for "for", not the
 * "Reformist camp" listed above it. */
typedef enum {
  MATCH_PREFIX,
  MATCH_WORD,
  MATCH_INSIDE,
  MATCH_NONE,
} Match;

static Match
label_match (GObject    *label,
             const char *filter)
{
  g_autofree char *label_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;
  Match match = MATCH_NONE;

  if (filter == NULL || filter[0] == '\0')
    return MATCH_PREFIX;

  label_name = dup_string_property (label, "name");
  name = g_utf8_casefold (label_name, -1);
  needle = g_utf8_casefold (filter, -1);

  for (const char *found = strstr (name, needle); found != NULL;
       found = strstr (g_utf8_next_char (found), needle))
    {
      const char *before;

      if (found == name)
        return MATCH_PREFIX;

      before = g_utf8_find_prev_char (name, found);
      if (!g_unichar_isalnum (g_utf8_get_char (before)))
        return MATCH_WORD;

      match = MATCH_INSIDE;
    }

  return match;
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  GlossLabelPopover *self = user_data;
  GObject *label = g_object_get_data (G_OBJECT (row), "label");

  return label_match (label, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != MATCH_NONE;
}

/* The best matches first; within each, the labels' own order. */
static int
sort_rows_cb (GtkListBoxRow *row1,
              GtkListBoxRow *row2,
              gpointer       user_data)
{
  GlossLabelPopover *self = user_data;
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  Match match1 = label_match (g_object_get_data (G_OBJECT (row1), "label"), filter);
  Match match2 = label_match (g_object_get_data (G_OBJECT (row2), "label"), filter);
  guint index1 = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row1), "index"));
  guint index2 = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row2), "index"));

  if (match1 != match2)
    return match1 < match2 ? -1 : 1;

  return index1 < index2 ? -1 : index1 > index2 ? 1 : 0;
}

static GtkWidget *
create_row (GObject *label)
{
  g_autofree char *label_name = dup_string_property (label, "name");
  g_autofree char *label_hotkey = dup_string_property (label, "hotkey");
  g_autofree char *label_color = dup_string_property (label, "color");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *name = gtk_label_new (label_name);
  GtkWidget *hotkey = gtk_shortcut_label_new (label_hotkey);
  GtkWidget *swatch = gloss_swatch_new ();

  gloss_swatch_set_color (swatch, label_color);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  /* A long name must not stretch the popover past the window. */
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_label_set_width_chars (GTK_LABEL (name), 12);
  gtk_widget_set_tooltip_text (row, label_name);
  gtk_widget_set_visible (hotkey, label_hotkey[0] != '\0');

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), hotkey);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "label", g_object_ref (label), g_object_unref);

  return row;
}

/* Rows are rebuilt rather than bound, since a bound GtkListBox cannot
 * filter its rows; and only when the popover opens, since the window
 * touches the labels model with every span (for the counts). */
static void
rebuild_rows (GlossLabelPopover *self)
{
  GListModel *labels = self->labels;
  GtkListBoxRow *old_row;
  guint n_labels = g_list_model_get_n_items (labels);

  /* Rows only: the list's first child may be its placeholder. */
  while ((old_row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (old_row));

  for (guint i = 0; i < n_labels; i++)
    {
      g_autoptr(GObject) label = g_list_model_get_item (labels, i);
      GtkWidget *row = create_row (label);

      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->list, row);
    }

  self->rows_stale = FALSE;
}

static void
on_labels_changed_cb (GlossLabelPopover *self,
                      guint              position,
                      guint              removed,
                      guint              added,
                      GListModel        *labels)
{
  self->rows_stale = TRUE;
}

static void
choose (GlossLabelPopover *self,
        GtkListBoxRow     *row)
{
  GObject *label = g_object_get_data (G_OBJECT (row), "label");

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[LABEL_CHOSEN], 0, get_label_id (label));
}

static void
on_row_activated_cb (GlossLabelPopover *self,
                     GtkListBoxRow     *row,
                     GtkListBox        *list)
{
  choose (self, row);
}

/* The row that has the keyboard focus, if one has. */
static GtkListBoxRow *
get_focused_row (GlossLabelPopover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list) ||
      !gtk_widget_get_child_visible (row))
    return NULL;

  return GTK_LIST_BOX_ROW (row);
}

/* The first row shown, in the order shown (best match first). */
static GtkListBoxRow *
get_first_shown_row (GlossLabelPopover *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (filter_row_cb (row, self))
      return row;

  return NULL;
}

/* Applies the filter and its order, and highlights the row Enter will
 * take: the first one shown, while the focus is in the field. */
static void
refilter (GlossLabelPopover *self)
{
  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_sort (self->list);

  if (get_focused_row (self) == NULL)
    {
      GtkListBoxRow *first = get_first_shown_row (self);

      if (first != NULL)
        gtk_list_box_select_row (self->list, first);
      else
        gtk_list_box_unselect_all (self->list);
    }
}

/* On every change of the field, not on the search entry's
 * "search-changed", which comes a moment later: the highlight follows
 * each letter, and Enter right after the letters takes the best match of
 * all of them. */
static void
on_filter_changed_cb (GlossLabelPopover *self,
                      GtkEditable       *entry)
{
  refilter (self);
}

/* Enter in the field takes the first label still shown. */
gboolean
gloss_label_popover_choose_first (GlossLabelPopover *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (GLOSS_IS_LABEL_POPOVER (self), FALSE);

  first = get_first_shown_row (self);
  if (first == NULL)
    return FALSE;

  choose (self, first);
  return TRUE;
}

/* Enter takes the row the keyboard is on (after Down or Tab), else the
 * first label still shown. The field catches Enter wherever the focus is
 * in the popover, so it decides for the list too. */
static void
on_activate_cb (GlossLabelPopover *self,
                GtkSearchEntry    *entry)
{
  GtkListBoxRow *row = get_focused_row (self);

  if (row != NULL)
    choose (self, row);
  else
    gloss_label_popover_choose_first (self);
}

/* Escape in the field is the search entry's "stop-search": it closes the
 * popover, as Escape does in any popover. */
static void
on_stop_search_cb (GlossLabelPopover *self,
                   GtkSearchEntry    *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* The field is emptied as the popover closes, not as it opens: the
 * popover focuses the field before "show" is emitted, and a field that
 * takes the focus with text in it selects that text, taking the X
 * primary selection, which the text view gives up by unselecting the
 * very text the popover was opened to label. */
static void
on_closed_cb (GlossLabelPopover *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

/* Whether a label's name starts with TYPED: then the key begins a filter
 * rather than picking the label it is the key of. */
static gboolean
some_name_starts_with (GlossLabelPopover *self,
                       const char        *typed)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *label = GTK_IS_LIST_BOX_ROW (child) ? g_object_get_data (G_OBJECT (child), "label")
                                                   : NULL;

      if (label != NULL && label_match (label, typed) == MATCH_PREFIX)
        return TRUE;
    }

  return FALSE;
}

/* A label's key, the one its row shows, picks it while no filter is
 * typed, as it labels the selected text: a digit typed into the field
 * would only filter the list to nothing. Unless a label's name starts with
 * that key, where it begins the filter; relation labels (keys_pick) are
 * picked by their key whatever their names. After the first letter of a
 * filter, keys are the filter's. */
static gboolean
on_key_pressed_cb (GlossLabelPopover     *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  gunichar typed = gdk_keyval_to_unicode (keyval);
  char typed_utf8[7] = { 0 };
  GtkListBoxRow *focused = get_focused_row (self);

  /* Down from the field goes into the list, on its first label shown,
   * with the focus ring there at once: the key is taken here, before the
   * window would see it as keyboard navigation and show the ring. From
   * there the list's own keys move. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && focused == NULL)
    {
      GtkListBoxRow *first = get_first_shown_row (self);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (first != NULL)
        {
          gtk_list_box_select_row (self->list, first);
          gtk_widget_grab_focus (GTK_WIDGET (first));
          if (GTK_IS_WINDOW (root))
            gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
        }
      return GDK_EVENT_STOP;
    }

  /* Space on a row picks it, as Enter does, rather than typing a space
   * into the filter. */
  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) && focused != NULL)
    {
      choose (self, focused);
      return GDK_EVENT_STOP;
    }

  if (typed == 0 || g_unichar_isspace (typed) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] != '\0')
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (typed, typed_utf8);
  if (!self->keys_pick && some_name_starts_with (self, typed_utf8))
    return GDK_EVENT_PROPAGATE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *label = GTK_IS_LIST_BOX_ROW (child) ? g_object_get_data (G_OBJECT (child), "label")
                                                   : NULL;
      g_autofree char *hotkey = label != NULL ? dup_string_property (label, "hotkey") : NULL;

      if (hotkey != NULL && g_str_equal (hotkey, typed_utf8))
        {
          choose (self, GTK_LIST_BOX_ROW (child));
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_show_cb (GlossLabelPopover *self)
{
  int height;

  if (self->rows_stale)
    rebuild_rows (self);

  refilter (self);

  /* The list keeps the height of all its rows while a filter hides some:
   * a popover that shrinks row by row as one types jumps under the
   * pointer, and ends as one row in a sliver of a scroller. */
  gtk_scrolled_window_set_min_content_height (self->scroller, -1);
  gtk_widget_measure (GTK_WIDGET (self->list), GTK_ORIENTATION_VERTICAL, 260, NULL, &height,
                      NULL, NULL);
  gtk_scrolled_window_set_min_content_height (self->scroller, MIN (height, MAX_LIST_HEIGHT));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
gloss_label_popover_dispose (GObject *object)
{
  GlossLabelPopover *self = (GlossLabelPopover *) object;

  g_clear_object (&self->labels);

  G_OBJECT_CLASS (gloss_label_popover_parent_class)->dispose (object);
}

static void
gloss_label_popover_class_init (GlossLabelPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_label_popover_dispose;

  signals[LABEL_CHOSEN] =
    g_signal_new ("label-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
gloss_label_popover_init (GlossLabelPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *placeholder;

  self->scroller = GTK_SCROLLED_WINDOW (scroller);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  g_object_set (self->entry, "placeholder-text", _("Label…"), NULL);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_filter_func (self->list, filter_row_cb, self, NULL);
  gtk_list_box_set_sort_func (self->list, sort_rows_cb, self, NULL);
  placeholder = gtk_label_new (_("No matching label"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), MAX_LIST_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_size_request (box, 260, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);

  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed_cb), NULL);
  gloss_popover_release_when_closed (GTK_POPOVER (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
gloss_label_popover_new (GListModel *labels)
{
  GlossLabelPopover *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (labels), NULL);

  self = g_object_new (GLOSS_TYPE_LABEL_POPOVER, NULL);
  self->labels = g_object_ref (labels);
  g_signal_connect_object (labels, "items-changed", G_CALLBACK (on_labels_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild_rows (self);

  return GTK_WIDGET (self);
}

void
gloss_label_popover_set_filter (GlossLabelPopover *self,
                                const char        *text)
{
  g_return_if_fail (GLOSS_IS_LABEL_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  refilter (self);
}

/* Each label's key picks it (relation labels), while no filter is typed. */
void
gloss_label_popover_set_keys_pick (GlossLabelPopover *self,
                                   gboolean           keys_pick)
{
  g_return_if_fail (GLOSS_IS_LABEL_POPOVER (self));
  self->keys_pick = keys_pick;
}

void
gloss_label_popover_set_placeholder (GlossLabelPopover *self,
                                     const char        *placeholder)
{
  g_return_if_fail (GLOSS_IS_LABEL_POPOVER (self));
  g_object_set (self->entry, "placeholder-text", placeholder, NULL);
}
