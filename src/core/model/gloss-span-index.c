/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossSpanIndex holds one document's spans in reading order (see
 * gloss_span_compare ()) as a GListModel, and finds them by id, by position
 * and by place. Every search by place is a binary search on the start,
 * bounded by the longest span held: a span that reaches OFFSET starts no
 * earlier than OFFSET minus that length. The bound only grows until the
 * spans are replaced or cleared, which keeps it an upper bound. */

#define G_LOG_DOMAIN "gloss-span-index"

#include "config.h"

#include "gloss-span-index.h"

struct _GlossSpanIndex
{
  GObject parent_instance;

  GListStore *spans;      /* GlossSpan, in reading order */
  GHashTable *span_ids;   /* span id -> the GlossSpan held for it (borrowed from spans) */
  gint64 max_length;      /* no span held is longer */
};

G_DEFINE_FINAL_TYPE (GlossSpanIndex, gloss_span_index, G_TYPE_OBJECT)

static void
gloss_span_index_finalize (GObject *object)
{
  GlossSpanIndex *self = (GlossSpanIndex *) object;

  g_clear_pointer (&self->span_ids, g_hash_table_unref);
  g_clear_object (&self->spans);

  G_OBJECT_CLASS (gloss_span_index_parent_class)->finalize (object);
}

static void
gloss_span_index_class_init (GlossSpanIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_span_index_finalize;
}

static void
gloss_span_index_init (GlossSpanIndex *self)
{
  self->spans = g_list_store_new (GLOSS_TYPE_SPAN);
  self->span_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GlossSpanIndex *
gloss_span_index_new (void)
{
  return g_object_new (GLOSS_TYPE_SPAN_INDEX, NULL);
}

/* The spans in reading order, for a list to show. */
GListModel *
gloss_span_index_get_model (GlossSpanIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);
  return G_LIST_MODEL (self->spans);
}

guint
gloss_span_index_get_n_spans (GlossSpanIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->spans));
}

/* The span at POSITION in reading order, borrowed. */
GlossSpan *
gloss_span_index_get_span (GlossSpanIndex *self,
                           guint           position)
{
  GlossSpan *span;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);

  span = g_list_model_get_item (G_LIST_MODEL (self->spans), position);
  /* The store holds it; the caller borrows it. */
  if (span != NULL)
    g_object_unref (span);
  return span;
}

static void
remember_span (GlossSpanIndex *self,
               GlossSpan      *span)
{
  gint64 id = gloss_span_get_id (span);

  g_hash_table_insert (self->span_ids, g_memdup2 (&id, sizeof id), span);
  self->max_length = MAX (self->max_length, gloss_span_get_end (span) - gloss_span_get_start (span));
}

/* Holds SPANS (in reading order) instead of what it held. */
void
gloss_span_index_set_spans (GlossSpanIndex *self,
                            GPtrArray      *spans)
{
  g_return_if_fail (GLOSS_IS_SPAN_INDEX (self));
  g_return_if_fail (spans != NULL);

  g_list_store_splice (self->spans, 0, g_list_model_get_n_items (G_LIST_MODEL (self->spans)),
                       spans->pdata, spans->len);
  g_hash_table_remove_all (self->span_ids);
  self->max_length = 0;
  for (guint i = 0; i < spans->len; i++)
    remember_span (self, g_ptr_array_index (spans, i));
}

void
gloss_span_index_clear (GlossSpanIndex *self)
{
  g_return_if_fail (GLOSS_IS_SPAN_INDEX (self));

  g_list_store_remove_all (self->spans);
  g_hash_table_remove_all (self->span_ids);
  self->max_length = 0;
}

static int
compare_spans_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return gloss_span_compare ((GlossSpan *) a, (GlossSpan *) b);
}

/* Puts SPAN in its place; FALSE when a span with its id is held already. */
gboolean
gloss_span_index_add (GlossSpanIndex *self,
                      GlossSpan      *span)
{
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  id = gloss_span_get_id (span);
  if (g_hash_table_contains (self->span_ids, &id))
    return FALSE;

  remember_span (self, span);
  g_list_store_insert_sorted (self->spans, span, compare_spans_cb, NULL);
  return TRUE;
}

/* Removes the span with SPAN's id and start (a relabeled span keeps both),
 * and returns the one that was held; NULL when there is none. */
GlossSpan *
gloss_span_index_remove (GlossSpanIndex *self,
                         GlossSpan      *span)
{
  GlossSpan *removed;
  guint position;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), NULL);

  if (!gloss_span_index_find (self, span, &position))
    return NULL;

  removed = g_list_model_get_item (G_LIST_MODEL (self->spans), position);
  g_list_store_remove (self->spans, position);
  g_hash_table_remove (self->span_ids, &(gint64) { gloss_span_get_id (removed) });
  return removed;
}

/* Adds SPANS, the next page of a document being loaded, in reading order,
 * and returns the ones it added. A page usually goes after everything held,
 * in one change of the model; a span held already (one the user made
 * meanwhile) is skipped. */
GPtrArray *
gloss_span_index_append (GlossSpanIndex *self,
                         GPtrArray      *spans)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint n_spans;
  GlossSpan *last = NULL;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);
  g_return_val_if_fail (spans != NULL, NULL);

  fresh = g_ptr_array_new_with_free_func (g_object_unref);
  n_spans = gloss_span_index_get_n_spans (self);
  if (n_spans > 0)
    last = gloss_span_index_get_span (self, n_spans - 1);

  if (spans->len > 0 && (last == NULL || gloss_span_compare (last, spans->pdata[0]) < 0))
    {
      for (guint i = 0; i < spans->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (spans, i);
          gint64 id = gloss_span_get_id (span);

          if (g_hash_table_contains (self->span_ids, &id))
            continue;
          remember_span (self, span);
          g_ptr_array_add (fresh, g_object_ref (span));
        }

      g_list_store_splice (self->spans, n_spans, 0, fresh->pdata, fresh->len);
      return g_steal_pointer (&fresh);
    }

  for (guint i = 0; i < spans->len; i++)
    if (gloss_span_index_add (self, g_ptr_array_index (spans, i)))
      g_ptr_array_add (fresh, g_object_ref (g_ptr_array_index (spans, i)));

  return g_steal_pointer (&fresh);
}

/* The span held for SPAN_ID, borrowed, or NULL. */
GlossSpan *
gloss_span_index_lookup (GlossSpanIndex *self,
                         gint64          span_id)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);
  return g_hash_table_lookup (self->span_ids, &span_id);
}

/* The position of the first span that starts at or after OFFSET. */
guint
gloss_span_index_first_from (GlossSpanIndex *self,
                             gint64          offset)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), 0);

  high = gloss_span_index_get_n_spans (self);
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (gloss_span_get_start (gloss_span_index_get_span (self, mid)) < offset)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* No span held is longer than this. */
gint64
gloss_span_index_get_max_length (GlossSpanIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), 0);
  return self->max_length;
}

/* The position of the span with SPAN's id: found by its start, then among
 * the few spans that start there. */
gboolean
gloss_span_index_find (GlossSpanIndex *self,
                       GlossSpan      *span,
                       guint          *position)
{
  guint n_spans;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  n_spans = gloss_span_index_get_n_spans (self);
  for (guint i = gloss_span_index_first_from (self, gloss_span_get_start (span)); i < n_spans; i++)
    {
      GlossSpan *item = gloss_span_index_get_span (self, i);

      if (gloss_span_get_start (item) != gloss_span_get_start (span))
        break;
      if (gloss_span_get_id (item) == gloss_span_get_id (span))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Starts a walk over the spans that overlap START to END (END not
 * included): those that start before END and end after START. A span
 * without characters overlaps nothing. */
void
gloss_span_index_iter_init_overlapping (GlossSpanIndexIter *iter,
                                        GlossSpanIndex     *self,
                                        gint64              start,
                                        gint64              end)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (GLOSS_IS_SPAN_INDEX (self));

  iter->index = self;
  iter->start = start;
  iter->end = end;
  /* The first place a span reaching START can be. */
  iter->position = gloss_span_index_first_from (self, MAX (0, start - self->max_length));
}

/* The next span of the walk, borrowed, or NULL at its end. */
GlossSpan *
gloss_span_index_iter_next (GlossSpanIndexIter *iter)
{
  guint n_spans;

  g_return_val_if_fail (iter != NULL, NULL);

  n_spans = gloss_span_index_get_n_spans (iter->index);
  while (iter->position < n_spans)
    {
      GlossSpan *span = gloss_span_index_get_span (iter->index, iter->position);

      if (gloss_span_get_start (span) >= iter->end)
        {
          iter->position = n_spans;
          break;
        }
      iter->position++;
      if (gloss_span_get_end (span) > iter->start)
        return span;
    }

  return NULL;
}

/* The innermost span at OFFSET, the one a click there most likely means:
 * the shortest that contains it, the first in reading order of those. */
GlossSpan *
gloss_span_index_get_innermost_at (GlossSpanIndex *self,
                                   gint64          offset)
{
  GlossSpanIndexIter iter;
  GlossSpan *best = NULL;
  GlossSpan *span;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);

  gloss_span_index_iter_init_overlapping (&iter, self, offset, offset + 1);
  while ((span = gloss_span_index_iter_next (&iter)) != NULL)
    if (best == NULL ||
        gloss_span_get_end (span) - gloss_span_get_start (span) <
        gloss_span_get_end (best) - gloss_span_get_start (best))
      best = span;

  return best;
}

/* The span held from START to END with LABEL_ID, borrowed, or NULL. */
GlossSpan *
gloss_span_index_find_like (GlossSpanIndex *self,
                            gint64          start,
                            gint64          end,
                            gint64          label_id)
{
  guint n_spans;

  g_return_val_if_fail (GLOSS_IS_SPAN_INDEX (self), NULL);

  n_spans = gloss_span_index_get_n_spans (self);
  for (guint i = gloss_span_index_first_from (self, start); i < n_spans; i++)
    {
      GlossSpan *span = gloss_span_index_get_span (self, i);

      if (gloss_span_get_start (span) > start)
        break;
      if (gloss_span_get_end (span) == end && gloss_span_get_label_id (span) == label_id)
        return span;
    }

  return NULL;
}
