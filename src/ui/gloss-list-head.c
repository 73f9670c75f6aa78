/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The first SIZE items of a list model, for a side list that grows its
 * rows in steps (GtkListView in GTK 4.8 makes and measures up to 200 rows
 * at once).
 *
 * GtkSliceListModel does this too, but it passes on an insertion or a
 * removal as a change of every item from there to the slice's end, even
 * when the slice holds the whole list: one relation made or deleted among
 * 5,000 had the list view take back and read again thousands of rows.
 * Here a change is passed on as it came whenever the items after it stay
 * at the head's end, as they always do once the head has grown to the
 * whole list. */

#define G_LOG_DOMAIN "gloss-list-head"

#include "config.h"

#include "gloss-list-head.h"

struct _GlossListHead
{
  GObject parent_instance;

  GListModel *model;
  guint size;
};

static GType
gloss_list_head_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (GLOSS_LIST_HEAD (list)->model);
}

static guint
gloss_list_head_get_n_items (GListModel *list)
{
  GlossListHead *self = GLOSS_LIST_HEAD (list);

  return MIN (g_list_model_get_n_items (self->model), self->size);
}

static gpointer
gloss_list_head_get_item (GListModel *list,
                          guint       position)
{
  GlossListHead *self = GLOSS_LIST_HEAD (list);

  if (position >= self->size)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
gloss_list_head_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_list_head_get_item_type;
  iface->get_n_items = gloss_list_head_get_n_items;
  iface->get_item = gloss_list_head_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossListHead, gloss_list_head, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gloss_list_head_list_model_init))

static void
on_items_changed_cb (GlossListHead *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  guint n_after = g_list_model_get_n_items (model);
  guint shown_before = MIN (n_after - added + removed, self->size);
  guint shown_after = MIN (n_after, self->size);
  guint shown_removed = MIN (removed, shown_before - MIN (position, shown_before));

  if (position >= self->size)
    return;

  /* The change as it came, when the items after it stay the head's end;
   * when items cross the head's end (while it grows), every item after
   * the change, as one signal must leave the model as the list sees it. */
  if (added <= self->size - position && shown_before - shown_removed + added == shown_after)
    g_list_model_items_changed (G_LIST_MODEL (self), position, shown_removed, added);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, shown_before - position,
                                shown_after - position);
}

static void
gloss_list_head_dispose (GObject *object)
{
  GlossListHead *self = GLOSS_LIST_HEAD (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (gloss_list_head_parent_class)->dispose (object);
}

static void
gloss_list_head_class_init (GlossListHeadClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gloss_list_head_dispose;
}

static void
gloss_list_head_init (GlossListHead *self)
{
}

/* The first SIZE items of MODEL (taken over). */
GlossListHead *
gloss_list_head_new (GListModel *model,
                     guint       size)
{
  GlossListHead *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (GLOSS_TYPE_LIST_HEAD, NULL);
  self->model = model;
  self->size = size;
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
gloss_list_head_set_size (GlossListHead *self,
                          guint          size)
{
  guint n_items, before, after;

  g_return_if_fail (GLOSS_IS_LIST_HEAD (self));

  n_items = g_list_model_get_n_items (self->model);
  before = MIN (n_items, self->size);
  after = MIN (n_items, size);
  self->size = size;
  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  else if (after < before)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
}

guint
gloss_list_head_get_size (GlossListHead *self)
{
  g_return_val_if_fail (GLOSS_IS_LIST_HEAD (self), 0);
  return self->size;
}
