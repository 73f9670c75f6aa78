/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossCategoryBar is the row of document categories above the text: per
 * category set its name, then a toggle button per category with its key.
 * It shows what it is given and says what the user toggled; the window
 * stores it and gives the stored choices back, so a single-choice set
 * behaves as radio buttons because the store clears the others.
 *
 * The buttons wrap, each line as long as its buttons (a GtkFlowBox lines
 * its children up in columns, stretching a short button under a long set
 * name), and the bar scrolls past two rows, so any number of categories
 * leaves the text its room in a small window. */

#define G_LOG_DOMAIN "gloss-category-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-category-bar.h"
#include "gloss-category.h"

/* About two rows of buttons; more scroll. */
#define MAX_HEIGHT 76
#define COLUMN_SPACING 6
#define ROW_SPACING 4

/* Lays a widget's children out left to right, a new line where the next
 * one does not fit (libadwaita 1.2 has no AdwWrapBox). */
#define GLOSS_TYPE_WRAP_LAYOUT (gloss_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (GlossWrapLayout, gloss_wrap_layout, GLOSS, WRAP_LAYOUT, GtkLayoutManager)

struct _GlossWrapLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossWrapLayout, gloss_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Walks WIDGET's children in lines of WIDTH, allocating them when
 * ALLOCATE; returns the height the lines take. */
static int
wrap_lines (GtkWidget *widget,
            int        width,
            gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *line_start = gtk_widget_get_first_child (widget); line_start != NULL;)
    {
      GtkWidget *child = line_start;
      GtkWidget *line_end;

      /* How many fit on this line (at least one), and how tall it is. */
      x = 0;
      line_height = 0;
      for (line_end = line_start; line_end != NULL; line_end = gtk_widget_get_next_sibling (line_end))
        {
          int child_width, child_height;

          if (!gtk_widget_should_layout (line_end))
            continue;
          gtk_widget_measure (line_end, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL,
                              NULL);
          if (x > 0 && x + child_width > width)
            break;
          child_width = MIN (child_width, width);
          gtk_widget_measure (line_end, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height,
                              NULL, NULL);
          line_height = MAX (line_height, child_height);
          x += child_width + COLUMN_SPACING;
        }

      if (allocate)
        for (x = 0; child != line_end; child = gtk_widget_get_next_sibling (child))
          {
            int child_width;

            if (!gtk_widget_should_layout (child))
              continue;
            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL,
                                NULL);
            child_width = MIN (child_width, width);
            gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_width, line_height }, -1);
            x += child_width + COLUMN_SPACING;
          }

      if (line_height > 0)
        y += line_height + ROW_SPACING;
      line_start = line_end;
    }

  return MAX (0, y - ROW_SPACING);
}

static void
gloss_wrap_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  int widest = 0, total = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural,
                          NULL, NULL);
      widest = MAX (widest, child_minimum);
      total += child_natural + (total > 0 ? COLUMN_SPACING : 0);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = widest;
      *natural = total;
    }
  else
    *minimum = *natural = wrap_lines (widget, for_size >= 0 ? for_size : total, FALSE);
}

static void
gloss_wrap_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  wrap_lines (widget, width, TRUE);
}

static GtkSizeRequestMode
gloss_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gloss_wrap_layout_class_init (GlossWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = gloss_wrap_layout_measure;
  layout_class->allocate = gloss_wrap_layout_allocate;
  layout_class->get_request_mode = gloss_wrap_layout_get_request_mode;
}

static void
gloss_wrap_layout_init (GlossWrapLayout *self)
{
}

struct _GlossCategoryBar
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkWidget *wrap;       /* the set names and buttons, in lines */
  GHashTable *buttons;   /* category id -> GtkToggleButton (owned by wrap) */
  gboolean syncing;      /* setting the buttons to what is stored */
};

G_DEFINE_FINAL_TYPE (GlossCategoryBar, gloss_category_bar, GTK_TYPE_WIDGET)

enum {
  TOGGLED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
on_button_toggled_cb (GtkToggleButton  *button,
                      GlossCategoryBar *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "gloss-category-id");
  gboolean active = gtk_toggle_button_get_active (button);

  if (self->syncing)
    return;

  /* The button shows the store's choice, not the click: the store answers
   * with set_chosen (), and a refused change leaves it as stored. */
  self->syncing = TRUE;
  gtk_toggle_button_set_active (button, !active);
  self->syncing = FALSE;

  g_signal_emit (self, signals[TOGGLED], 0, *id, active);
}

static GtkWidget *
category_button_new (GlossCategoryBar *self,
                     GlossCategory    *category)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (gloss_category_get_name (category));
  const char *hotkey = gloss_category_get_hotkey (category);
  gint64 id = gloss_category_get_id (category);

  gtk_box_append (GTK_BOX (box), name);
  if (hotkey != NULL && hotkey[0] != '\0')
    {
      GtkWidget *key = gtk_label_new (hotkey);
      g_autofree char *tooltip = NULL;

      gtk_widget_add_css_class (key, "gloss-key");
      gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), key);
      /* Translators: a document category's button; %s is its key */
      tooltip = g_strdup_printf (_("Press %s in the text to toggle"), hotkey);
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "gloss-category");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gloss_category_get_name (category), -1);

  g_object_set_data_full (G_OBJECT (button), "gloss-category-id", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled_cb), self, 0);
  g_hash_table_insert (self->buttons, g_memdup2 (&id, sizeof id), button);

  return button;
}

static void
append (GlossCategoryBar *self,
        GtkWidget        *widget)
{
  gtk_box_append (GTK_BOX (self->wrap), widget);
}

/* Shows SETS (GlossCategorySet, in order) with their CATEGORIES
 * (GlossCategory of any of them, in order); none chosen. */
void
gloss_category_bar_set_sets (GlossCategoryBar *self,
                             GPtrArray        *sets,
                             GPtrArray        *categories)
{
  GtkWidget *child;

  g_return_if_fail (GLOSS_IS_CATEGORY_BAR (self));

  while ((child = gtk_widget_get_first_child (self->wrap)) != NULL)
    gtk_box_remove (GTK_BOX (self->wrap), child);
  g_hash_table_remove_all (self->buttons);

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      GlossCategorySet *set = g_ptr_array_index (sets, i);
      GtkWidget *title = gtk_label_new (gloss_category_set_get_name (set));
      /* The set's name and its first button wrap as one: a name never
       * ends a line with its buttons on the next. */
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, COLUMN_SPACING);

      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "gloss-category-set");
      gtk_box_append (GTK_BOX (head), title);
      append (self, head);

      for (guint j = 0; categories != NULL && j < categories->len; j++)
        {
          GlossCategory *category = g_ptr_array_index (categories, j);
          GtkWidget *button;

          if (gloss_category_get_set_id (category) != gloss_category_set_get_id (set))
            continue;

          button = category_button_new (self, category);
          /* Not a GtkToggleButton group for a single-choice set: a
           * group refuses to turn its chosen button off. */
          if (!gloss_category_set_get_multiple (set))
            gtk_widget_add_css_class (button, "gloss-category-single");
          if (head != NULL)
            gtk_box_append (GTK_BOX (head), button);
          else
            append (self, button);
          head = NULL;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self), g_hash_table_size (self->buttons) > 0);
}

/* Marks the buttons of CATEGORY_IDS (gint64) as chosen, the others not. */
void
gloss_category_bar_set_chosen (GlossCategoryBar *self,
                               GArray           *category_ids)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (GLOSS_IS_CATEGORY_BAR (self));

  for (guint i = 0; category_ids != NULL && i < category_ids->len; i++)
    g_hash_table_add (chosen, &g_array_index (category_ids, gint64, i));

  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->buttons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_toggle_button_set_active (value, g_hash_table_contains (chosen, key));
  self->syncing = FALSE;
}

/* The button of CATEGORY_ID, or NULL. */
GtkWidget *
gloss_category_bar_get_button (GlossCategoryBar *self,
                               gint64            category_id)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY_BAR (self), NULL);

  return g_hash_table_lookup (self->buttons, &category_id);
}

gboolean
gloss_category_bar_is_empty (GlossCategoryBar *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY_BAR (self), TRUE);

  return g_hash_table_size (self->buttons) == 0;
}

/* As tall as its lines of buttons for the width it gets, up to
 * MAX_HEIGHT: a scrolled window asked for its natural height measures its
 * child without the width, and so kept a line's height empty. */
static void
gloss_category_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GlossCategoryBar *self = GLOSS_CATEGORY_BAR (widget);
  int wrap_minimum, wrap_natural;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  gtk_widget_measure (self->wrap, orientation, for_size, &wrap_minimum, &wrap_natural, NULL, NULL);
  *minimum = *natural = MIN (wrap_natural, MAX_HEIGHT);
}

static void
gloss_category_bar_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GlossCategoryBar *self = GLOSS_CATEGORY_BAR (widget);

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

static GtkSizeRequestMode
gloss_category_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gloss_category_bar_dispose (GObject *object)
{
  GlossCategoryBar *self = GLOSS_CATEGORY_BAR (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (gloss_category_bar_parent_class)->dispose (object);
}

static void
gloss_category_bar_finalize (GObject *object)
{
  GlossCategoryBar *self = GLOSS_CATEGORY_BAR (object);

  g_hash_table_unref (self->buttons);

  G_OBJECT_CLASS (gloss_category_bar_parent_class)->finalize (object);
}

static void
gloss_category_bar_class_init (GlossCategoryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_category_bar_dispose;
  object_class->finalize = gloss_category_bar_finalize;

  /* The user toggled a category: its id, and whether it is now chosen. */
  signals[TOGGLED] =
    g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  widget_class->measure = gloss_category_bar_measure;
  widget_class->size_allocate = gloss_category_bar_size_allocate;
  widget_class->get_request_mode = gloss_category_bar_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "categorybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_category_bar_init (GlossCategoryBar *self)
{
  self->buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->wrap = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_layout_manager (self->wrap, g_object_new (GLOSS_TYPE_WRAP_LAYOUT, NULL));
  gtk_widget_set_valign (self->wrap, GTK_ALIGN_START);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->wrap);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Document categories"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_category_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_CATEGORY_BAR, NULL);
}
