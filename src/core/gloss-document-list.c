/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project's documents as a GListModel of GlossDocument, in import order.
 * Only the ids are read up front; a row's summary is read when a view asks
 * for it, so that a project of many documents opens at once. */

#define G_LOG_DOMAIN "gloss-document-list"

#include "config.h"

#include "gloss-document-list.h"

struct _GlossDocumentList
{
  GObject parent_instance;

  GlossStore *store;
  char *name_filter;
  guint status_filter;   /* a bit per GlossDocumentStatus; 0: all */
  gint64 category_filter; /* a category's id: only its documents; 0: all */
  GArray *ids;
  /* position -> GlossDocument, filled as rows are asked for */
  GPtrArray *documents;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossDocumentList, gloss_document_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
gloss_document_list_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_DOCUMENT;
}

static guint
gloss_document_list_get_n_items (GListModel *model)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (model);

  return self->ids->len;
}

static gpointer
gloss_document_list_get_item (GListModel *model,
                              guint       position)
{
  GlossDocumentList *self = GLOSS_DOCUMENT_LIST (model);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  if (position >= self->ids->len)
    return NULL;

  document = g_ptr_array_index (self->documents, position);
  if (document == NULL)
    {
      document = gloss_store_get_document (self->store,
                                           g_array_index (self->ids, gint64, position), &error);
      if (document == NULL)
        {
          g_warning ("%s", error->message);
          return NULL;
        }
      g_ptr_array_index (self->documents, position) = document;
    }

  return g_object_ref (document);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_document_list_get_item_type;
  iface->get_n_items = gloss_document_list_get_n_items;
  iface->get_item = gloss_document_list_get_item;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* IDS (ascending) without the documents not in the category filtered on:
 * one merge walk over both, sorted. */
static GArray *
keep_category (GlossDocumentList *self,
               GArray            *ids,
               GError           **error)
{
  g_autoptr(GArray) all = ids;
  g_autoptr(GArray) in_category = NULL;
  GArray *kept;
  guint j = 0;

  in_category = gloss_store_list_document_ids_in_category (self->store, self->category_filter,
                                                           error);
  if (in_category == NULL)
    return NULL;
  g_array_sort (in_category, compare_ids);

  kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);

      while (j < in_category->len && g_array_index (in_category, gint64, j) < id)
        j++;
      if (j < in_category->len && g_array_index (in_category, gint64, j) == id)
        g_array_append_val (kept, id);
    }

  return kept;
}

static void
reload (GlossDocumentList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gloss_store_list_document_ids_matching (self->store, self->name_filter,
                                                                  self->status_filter, &error);

  if (ids != NULL && self->category_filter != 0)
    ids = keep_category (self, g_steal_pointer (&ids), &error);
  if (ids == NULL)
    {
      g_warning ("%s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_size (self->documents, 0);
  g_ptr_array_set_size (self->documents, self->ids->len);
}

static void
on_documents_changed_cb (GlossDocumentList *self,
                         GlossStore        *store)
{
  guint old_n_items = self->ids->len;

  reload (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->ids->len);
}

static void
on_document_changed_cb (GlossDocumentList *self,
                        gint64             document_id,
                        GlossStore        *store)
{
  guint position;

  /* Under a filter, a change of status or of categories may take the row
   * out or bring it in. */
  if (self->status_filter != 0 || self->category_filter != 0)
    {
      on_documents_changed_cb (self, store);
      return;
    }

  if (!gloss_document_list_find (self, document_id, &position))
    return;

  g_clear_object (&g_ptr_array_index (self->documents, position));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
gloss_document_list_dispose (GObject *object)
{
  GlossDocumentList *self = (GlossDocumentList *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->dispose (object);
}

static void
gloss_document_list_finalize (GObject *object)
{
  GlossDocumentList *self = (GlossDocumentList *) object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->name_filter, g_free);

  G_OBJECT_CLASS (gloss_document_list_parent_class)->finalize (object);
}

static void
gloss_document_list_class_init (GlossDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_document_list_dispose;
  object_class->finalize = gloss_document_list_finalize;
}

/* Rows not yet read are NULL. */
static void
document_slot_free (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
gloss_document_list_init (GlossDocumentList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->documents = g_ptr_array_new_with_free_func (document_slot_free);
}

GlossDocumentList *
gloss_document_list_new (GlossStore *store)
{
  GlossDocumentList *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_DOCUMENT_LIST, NULL);
  self->store = g_object_ref (store);
  reload (self);

  g_signal_connect_object (store, "documents-changed",
                           G_CALLBACK (on_documents_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "document-changed",
                           G_CALLBACK (on_document_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

GlossStore *
gloss_document_list_get_store (GlossDocumentList *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), NULL);
  return self->store;
}

/* Ids are in ascending order, so a binary search finds a position. */
gboolean
gloss_document_list_find (GlossDocumentList *self,
                          gint64             document_id,
                          guint             *position)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_LIST (self), FALSE);

  high = self->ids->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      gint64 id = g_array_index (self->ids, gint64, mid);

      if (id == document_id)
        {
          if (position != NULL)
            *position = mid;
          return TRUE;
        }
      if (id < document_id)
        low = mid + 1;
      else
        high = mid;
    }

  return FALSE;
}

/* Shows only the documents whose name contains NAME_PART and whose status
 * is one of STATUSES (a bit per status; 0 for any). */
void
gloss_document_list_set_filter (GlossDocumentList *self,
                                const char        *name_part,
                                guint              statuses)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  if (g_strcmp0 (self->name_filter, name_part) == 0 && self->status_filter == statuses)
    return;

  g_free (self->name_filter);
  self->name_filter = g_strdup (name_part);
  self->status_filter = statuses;
  on_documents_changed_cb (self, self->store);
}

/* Shows only the documents in the category CATEGORY_ID (0 for any), as
 * well as the name and status filter. */
void
gloss_document_list_set_category_filter (GlossDocumentList *self,
                                         gint64             category_id)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  if (self->category_filter == category_id)
    return;

  self->category_filter = category_id;
  on_documents_changed_cb (self, self->store);
}

/* Has the views bind every row again, as read anew: what they show of a
 * document beside its row (its categories' names) changed. */
void
gloss_document_list_refresh (GlossDocumentList *self)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_LIST (self));

  if (self->ids->len == 0)
    return;
  g_ptr_array_set_size (self->documents, 0);
  g_ptr_array_set_size (self->documents, self->ids->len);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->ids->len, self->ids->len);
}
