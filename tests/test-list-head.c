/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossListHead: the first items of a list, each change passed on as
 * small as it is. A list that follows its signals (as GtkListView does)
 * always holds what the head holds. */

#include "config.h"

#include "gloss-list-head.h"

typedef struct
{
  GListStore *store;
  GlossListHead *head;
  GPtrArray *mirror;      /* what a list following the signals holds */
  guint n_signaled;       /* items said removed or added, all signals */
} Fixture;

static void
on_head_changed_cb (GListModel *head,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (head, position + i));
  g_assert_cmpuint (fixture->mirror->len, ==, g_list_model_get_n_items (head));
  fixture->n_signaled += removed + added;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = g_list_store_new (G_TYPE_OBJECT);
  fixture->head = gloss_list_head_new (g_object_ref (G_LIST_MODEL (fixture->store)), 10);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->head, "items-changed", G_CALLBACK (on_head_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->head);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
}

/* The head holds the store's first items, and the following list the
 * same. */
static void
assert_follows (Fixture *fixture)
{
  GListModel *head = G_LIST_MODEL (fixture->head);
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)),
                 gloss_list_head_get_size (fixture->head));

  g_assert_cmpuint (g_list_model_get_n_items (head), ==, n);
  g_assert_cmpuint (fixture->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) in_store = g_list_model_get_item (G_LIST_MODEL (fixture->store), i);
      g_autoptr(GObject) in_head = g_list_model_get_item (head, i);

      g_assert_true (in_store == in_head);
      g_assert_true (fixture->mirror->pdata[i] == in_head);
    }
  g_assert_null (g_list_model_get_item (head, n));
}

static void
add_objects (GListStore *store,
             guint       position,
             guint       removed,
             guint       added)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (objects, g_object_new (G_TYPE_OBJECT, NULL));
  g_list_store_splice (store, position, removed, objects->pdata, objects->len);
}

/* One item made or removed in the middle of a long list is one item in
 * and one out of the head, not every item after it. */
static void
test_small_change (Fixture       *fixture,
                   gconstpointer  user_data)
{
  add_objects (fixture->store, 0, 0, 5000);
  gloss_list_head_set_size (fixture->head, G_MAXUINT);
  assert_follows (fixture);

  fixture->n_signaled = 0;
  g_list_store_remove (fixture->store, 2500);
  assert_follows (fixture);
  g_assert_cmpuint (fixture->n_signaled, ==, 1);

  fixture->n_signaled = 0;
  add_objects (fixture->store, 2500, 0, 1);
  assert_follows (fixture);
  g_assert_cmpuint (fixture->n_signaled, ==, 1);

  /* A head of 10: a removal brings the 11th item in, which one signal
   * can only say as a change of every item after the removed one. */
  gloss_list_head_set_size (fixture->head, 10);
  fixture->n_signaled = 0;
  g_list_store_remove (fixture->store, 3);
  assert_follows (fixture);
  g_assert_cmpuint (fixture->n_signaled, ==, 2 * (10 - 3));

  /* Behind the head: nothing to say. */
  fixture->n_signaled = 0;
  g_list_store_remove (fixture->store, 100);
  add_objects (fixture->store, 50, 0, 3);
  assert_follows (fixture);
  g_assert_cmpuint (fixture->n_signaled, ==, 0);
}

/* Random splices, growing and shrinking heads: the following list always
 * holds what the head holds. */
static void
test_random_changes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 3000; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));

      if (g_rand_int_range (rand, 0, 8) == 0)
        gloss_list_head_set_size (fixture->head, g_rand_int_range (rand, 0, 40));
      else
        {
          guint position = g_rand_int_range (rand, 0, n + 1);
          guint removed = g_rand_int_range (rand, 0, MIN (n - position, 12) + 1);
          guint added = g_rand_int_range (rand, 0, 13);

          add_objects (fixture->store, position, removed, added);
        }
      assert_follows (fixture);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gloss/list-head/small-change", Fixture, NULL, fixture_set_up,
              test_small_change, fixture_tear_down);
  g_test_add ("/gloss/list-head/random-changes", Fixture, NULL, fixture_set_up,
              test_random_changes, fixture_tear_down);

  return g_test_run ();
}
