/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Undo and redo for a project. Every committed store transaction arrives with
 * its journal (the rows as they were and as they are); one transaction is one
 * step. Undoing a step writes the rows back as they were, in reverse order
 * and in one transaction, whose own journal becomes the redo step. So every
 * action that goes through the store can be undone, with no per-action code,
 * and what is stored always equals what is shown. */

#define G_LOG_DOMAIN "gloss-history"

#include "config.h"

#include "gloss-history.h"

#define MAX_STEPS 500

struct _GlossHistory
{
  GObject parent_instance;

  GlossStore *store;
  GQueue undo_steps;   /* GPtrArray of GlossChange, newest first */
  GQueue redo_steps;
  GQueue *target;      /* where the journal being applied goes; NULL: a new action */
};

G_DEFINE_FINAL_TYPE (GlossHistory, gloss_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
clear_steps (GQueue *steps)
{
  g_queue_clear_full (steps, (GDestroyNotify) g_ptr_array_unref);
}

static void
notify_state (GlossHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
on_changes_committed_cb (GlossHistory *self,
                         GPtrArray    *journal,
                         GlossStore   *store)
{
  GQueue *steps = self->target;

  if (steps == NULL)
    {
      /* A new action forks the timeline: what was undone cannot be redone. */
      clear_steps (&self->redo_steps);
      steps = &self->undo_steps;
    }

  g_queue_push_head (steps, g_ptr_array_ref (journal));
  while (g_queue_get_length (steps) > MAX_STEPS)
    g_ptr_array_unref (g_queue_pop_tail (steps));

  notify_state (self);
}

/* Writes CHANGE's row back as it was: put for a row that was there, a
 * delete of the row that was made. */
static gboolean
revert_change (GlossHistory  *self,
               GlossChange   *change,
               GError       **error)
{
  GObject *row = change->before ? change->before : change->after;

  if (change->before != NULL)
    {
      if (GLOSS_IS_SPAN (row))
        return gloss_store_put_span (self->store, GLOSS_SPAN (row), error);
      if (GLOSS_IS_DOCUMENT (row))
        return gloss_store_put_document (self->store, GLOSS_DOCUMENT (row), error);
      if (GLOSS_IS_LABEL (row))
        return gloss_store_put_label (self->store, GLOSS_LABEL (row), error);
      if (GLOSS_IS_RELATION (row))
        return gloss_store_put_relation (self->store, GLOSS_RELATION (row), error);
      if (GLOSS_IS_RELATION_LABEL (row))
        return gloss_store_put_relation_label (self->store, GLOSS_RELATION_LABEL (row), error);
      if (GLOSS_IS_ATTRIBUTE (row))
        return gloss_store_put_attribute (self->store, GLOSS_ATTRIBUTE (row), error);
      if (GLOSS_IS_ATTRIBUTE_VALUE (row))
        return gloss_store_put_attribute_value (self->store, GLOSS_ATTRIBUTE_VALUE (row), error);
      if (GLOSS_IS_CATEGORY_SET (row))
        return gloss_store_put_category_set (self->store, GLOSS_CATEGORY_SET (row), error);
      if (GLOSS_IS_CATEGORY (row))
        return gloss_store_put_category (self->store, GLOSS_CATEGORY (row), error);
      if (GLOSS_IS_DOCUMENT_CATEGORY (row))
        return gloss_store_put_document_category (self->store, GLOSS_DOCUMENT_CATEGORY (row), error);
      g_return_val_if_reached (FALSE);
    }

  if (GLOSS_IS_SPAN (row))
    return gloss_store_delete_span_row (self->store, gloss_span_get_id (GLOSS_SPAN (row)), error);
  if (GLOSS_IS_DOCUMENT (row))
    return gloss_store_delete_document (self->store, gloss_document_get_id (GLOSS_DOCUMENT (row)),
                                        error);
  if (GLOSS_IS_LABEL (row))
    return gloss_store_delete_label (self->store, gloss_label_get_id (GLOSS_LABEL (row)), error);
  if (GLOSS_IS_RELATION (row))
    return gloss_store_delete_relation (self->store, gloss_relation_get_id (GLOSS_RELATION (row)),
                                        error);
  if (GLOSS_IS_RELATION_LABEL (row))
    return gloss_store_delete_relation_label (self->store,
                                              gloss_relation_label_get_id (GLOSS_RELATION_LABEL (row)),
                                              error);
  if (GLOSS_IS_ATTRIBUTE (row))
    return gloss_store_delete_attribute (self->store, gloss_attribute_get_id (GLOSS_ATTRIBUTE (row)),
                                         error);
  if (GLOSS_IS_ATTRIBUTE_VALUE (row))
    return gloss_store_delete_attribute_value (self->store,
                                               gloss_attribute_value_get_span_id (GLOSS_ATTRIBUTE_VALUE (row)),
                                               gloss_attribute_value_get_attribute_id (GLOSS_ATTRIBUTE_VALUE (row)),
                                               error);
  if (GLOSS_IS_CATEGORY_SET (row))
    return gloss_store_delete_category_set (self->store,
                                            gloss_category_set_get_id (GLOSS_CATEGORY_SET (row)),
                                            error);
  if (GLOSS_IS_CATEGORY (row))
    return gloss_store_delete_category (self->store, gloss_category_get_id (GLOSS_CATEGORY (row)),
                                        error);
  if (GLOSS_IS_DOCUMENT_CATEGORY (row))
    return gloss_store_delete_document_category (self->store,
                                                 gloss_document_category_get_document_id (GLOSS_DOCUMENT_CATEGORY (row)),
                                                 gloss_document_category_get_category_id (GLOSS_DOCUMENT_CATEGORY (row)),
                                                 error);
  g_return_val_if_reached (FALSE);
}

/* Reverts the newest step of FROM; its reversal lands on TO. */
static gboolean
revert_step (GlossHistory  *self,
             GQueue        *from,
             GQueue        *to,
             GError       **error)
{
  g_autoptr(GPtrArray) step = g_queue_pop_head (from);
  gboolean ok = TRUE;

  if (step == NULL)
    return TRUE;

  self->target = to;
  if (!gloss_store_begin (self->store, error))
    ok = FALSE;

  for (guint i = step->len; ok && i > 0; i--)
    ok = revert_change (self, g_ptr_array_index (step, i - 1), error);

  if (ok)
    ok = gloss_store_commit (self->store, error);
  else
    gloss_store_rollback (self->store);
  self->target = NULL;

  /* A step that could not be reverted stays where it was. */
  if (!ok)
    g_queue_push_head (from, g_steal_pointer (&step));

  notify_state (self);
  return ok;
}

static void
gloss_history_dispose (GObject *object)
{
  GlossHistory *self = (GlossHistory *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  clear_steps (&self->undo_steps);
  clear_steps (&self->redo_steps);

  G_OBJECT_CLASS (gloss_history_parent_class)->dispose (object);
}

static void
gloss_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossHistory *self = GLOSS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_history_class_init (GlossHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_history_dispose;
  object_class->get_property = gloss_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_history_init (GlossHistory *self)
{
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
}

GlossHistory *
gloss_history_new (GlossStore *store)
{
  GlossHistory *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changes-committed", G_CALLBACK (on_changes_committed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

gboolean
gloss_history_can_undo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo_steps);
}

gboolean
gloss_history_can_redo (GlossHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo_steps);
}

gboolean
gloss_history_undo (GlossHistory  *self,
                    GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return revert_step (self, &self->undo_steps, &self->redo_steps, error);
}

gboolean
gloss_history_redo (GlossHistory  *self,
                    GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_HISTORY (self), FALSE);
  return revert_step (self, &self->redo_steps, &self->undo_steps, error);
}

void
gloss_history_clear (GlossHistory *self)
{
  g_return_if_fail (GLOSS_IS_HISTORY (self));

  clear_steps (&self->undo_steps);
  clear_steps (&self->redo_steps);
  notify_state (self);
}
