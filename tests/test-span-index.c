/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The document view's span index, without a display: every answer is
 * checked against a plain scan over all the spans. */

#include "config.h"

#include "gloss-span-index.h"

static GlossSpan *
span_new (gint64 id,
          gint64 label_id,
          gint64 start,
          gint64 end)
{
  return gloss_span_new (id, 1, label_id, start, end, 0, NULL, NULL, NULL, NULL);
}

/* The ids of the spans overlapping START to END, in the walk's order. */
static char *
overlapping_ids (GlossSpanIndex *index,
                 gint64          start,
                 gint64          end)
{
  GString *ids = g_string_new (NULL);
  GlossSpanIndexIter iter;
  GlossSpan *span;

  gloss_span_index_iter_init_overlapping (&iter, index, start, end);
  while ((span = gloss_span_index_iter_next (&iter)) != NULL)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? " " : "",
                            gloss_span_get_id (span));
  return g_string_free (ids, FALSE);
}

/* The same by looking at every span, in reading order. */
static char *
overlapping_ids_by_scan (GlossSpanIndex *index,
                         gint64          start,
                         gint64          end)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < gloss_span_index_get_n_spans (index); i++)
    {
      GlossSpan *span = gloss_span_index_get_span (index, i);

      if (gloss_span_get_start (span) < end && gloss_span_get_end (span) > start)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? " " : "",
                                gloss_span_get_id (span));
    }
  return g_string_free (ids, FALSE);
}

static GlossSpan *
innermost_by_scan (GlossSpanIndex *index,
                   gint64          offset)
{
  GlossSpan *best = NULL;

  for (guint i = 0; i < gloss_span_index_get_n_spans (index); i++)
    {
      GlossSpan *span = gloss_span_index_get_span (index, i);
      gint64 length = gloss_span_get_end (span) - gloss_span_get_start (span);

      if (gloss_span_contains (span, offset) &&
          (best == NULL || length < gloss_span_get_end (best) - gloss_span_get_start (best)))
        best = span;
    }
  return best;
}

static void
assert_ids (GlossSpanIndex *index,
            gint64          start,
            gint64          end,
            const char     *expected)
{
  g_autofree char *ids = overlapping_ids (index, start, end);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_order (GlossSpanIndex *index)
{
  for (guint i = 1; i < gloss_span_index_get_n_spans (index); i++)
    g_assert_cmpint (gloss_span_compare (gloss_span_index_get_span (index, i - 1),
                                         gloss_span_index_get_span (index, i)), <, 0);
}

static void
add (GlossSpanIndex *index,
     gint64          id,
     gint64          start,
     gint64          end)
{
  g_autoptr(GlossSpan) span = span_new (id, 1, start, end);

  g_assert_true (gloss_span_index_add (index, span));
}

static void
test_nested (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();

  /* "The European Central Bank": the bank inside the phrase, added inner first. */
  add (index, 2, 4, 25);
  add (index, 1, 0, 30);
  add (index, 3, 13, 25);
  assert_order (index);
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_span (index, 0)), ==, 1);
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_span (index, 1)), ==, 2);
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_span (index, 2)), ==, 3);

  assert_ids (index, 0, 1, "1");
  assert_ids (index, 14, 15, "1 2 3");
  assert_ids (index, 25, 26, "1");
  assert_ids (index, 30, 31, "");
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 14)), ==, 3);
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 5)), ==, 2);
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 29)), ==, 1);
  g_assert_null (gloss_span_index_get_innermost_at (index, 30));
  g_assert_cmpint (gloss_span_index_get_max_length (index), ==, 30);
}

static void
test_overlapping_and_touching (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();

  add (index, 1, 0, 10);
  add (index, 2, 5, 15);   /* overlaps 1 */
  add (index, 3, 15, 20);  /* touches 2: no character in common */
  add (index, 4, 100, 101);

  assert_ids (index, 9, 10, "1 2");
  assert_ids (index, 10, 11, "2");
  assert_ids (index, 14, 15, "2");
  assert_ids (index, 15, 16, "3");
  assert_ids (index, 0, 200, "1 2 3 4");
  assert_ids (index, 20, 100, "");
  assert_ids (index, 99, 101, "4");
  /* Where two spans overlap, the shorter is the one meant; of two as
   * short, the first in reading order. */
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 7)), ==, 1);
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 15)), ==, 3);
}

static void
test_zero_length (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();
  GlossSpan *found;

  add (index, 1, 5, 5);
  add (index, 2, 0, 10);

  /* No character is in an empty span: no walk and no click finds it, but
   * it has its place in the list and can be found and removed. */
  assert_ids (index, 5, 6, "2");
  assert_ids (index, 4, 5, "2");
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 5)), ==, 2);
  found = gloss_span_index_find_like (index, 5, 5, 1);
  g_assert_nonnull (found);
  g_assert_cmpint (gloss_span_get_id (found), ==, 1);
  g_assert_cmpuint (gloss_span_index_get_n_spans (index), ==, 2);
  {
    g_autoptr(GlossSpan) removed = gloss_span_index_remove (index, found);

    g_assert_nonnull (removed);
  }
  g_assert_cmpuint (gloss_span_index_get_n_spans (index), ==, 1);
}

static void
test_many_at_one_offset (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();
  guint position;

  /* Fifty spans start at 10: longest first, then by id. */
  for (gint64 id = 50; id >= 1; id--)
    add (index, id, 10, 10 + 1 + (id % 7));
  add (index, 100, 0, 5);
  assert_order (index);

  assert_ids (index, 9, 10, "");
  {
    g_autofree char *ids = overlapping_ids (index, 10, 11);
    g_autofree char *expected = overlapping_ids_by_scan (index, 10, 11);
    g_auto(GStrv) each = g_strsplit (ids, " ", -1);

    g_assert_cmpstr (ids, ==, expected);
    g_assert_cmpuint (g_strv_length (each), ==, 50);
  }
  g_assert_cmpuint (gloss_span_index_first_from (index, 10), ==, 1);
  g_assert_cmpuint (gloss_span_index_first_from (index, 11), ==, 51);
  /* The innermost: length 1 (id % 7 == 0), the lowest id of those. */
  g_assert_cmpint (gloss_span_get_id (gloss_span_index_get_innermost_at (index, 10)), ==, 7);

  for (gint64 id = 1; id <= 50; id++)
    {
      GlossSpan *span = gloss_span_index_lookup (index, id);

      g_assert_nonnull (span);
      g_assert_true (gloss_span_index_find (index, span, &position));
      g_assert_true (gloss_span_index_get_span (index, position) == span);
    }
}

static void
test_add_twice_and_remove (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();
  g_autoptr(GlossSpan) again = span_new (2, 1, 5, 15);
  g_autoptr(GlossSpan) relabeled = span_new (2, 3, 5, 15);
  g_autoptr(GlossSpan) removed = NULL;
  g_autoptr(GlossSpan) gone = NULL;
  g_autoptr(GlossSpan) unknown = span_new (9, 1, 5, 15);

  add (index, 1, 0, 10);
  add (index, 2, 5, 15);
  add (index, 3, 15, 20);

  /* A span with an id held is not held twice. */
  g_assert_false (gloss_span_index_add (index, again));
  g_assert_cmpuint (gloss_span_index_get_n_spans (index), ==, 3);

  /* Relabeling: the span with that id and start goes, the new one comes. */
  removed = gloss_span_index_remove (index, relabeled);
  g_assert_nonnull (removed);
  g_assert_cmpint (gloss_span_get_label_id (removed), ==, 1);
  g_assert_null (gloss_span_index_lookup (index, 2));
  assert_ids (index, 0, 100, "1 3");
  g_assert_true (gloss_span_index_add (index, relabeled));
  g_assert_true (gloss_span_index_lookup (index, 2) == relabeled);
  assert_ids (index, 0, 100, "1 2 3");

  g_assert_null (gloss_span_index_remove (index, unknown));
  gone = gloss_span_index_remove (index, relabeled);
  g_assert_nonnull (gone);
  g_assert_null (gloss_span_index_remove (index, relabeled));
  assert_ids (index, 0, 100, "1 3");

  gloss_span_index_clear (index);
  g_assert_cmpuint (gloss_span_index_get_n_spans (index), ==, 0);
  g_assert_cmpint (gloss_span_index_get_max_length (index), ==, 0);
  assert_ids (index, 0, 100, "");
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_append_pages (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) early = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added = NULL;
  guint n_changes = 0;

  g_ptr_array_add (first, span_new (1, 1, 0, 4));
  g_ptr_array_add (first, span_new (2, 1, 5, 9));
  gloss_span_index_set_spans (index, first);
  g_assert_cmpuint (gloss_span_index_get_n_spans (index), ==, 2);

  /* A span made while the pages load is held already when its page comes. */
  add (index, 4, 20, 24);
  g_signal_connect (gloss_span_index_get_model (index), "items-changed",
                    G_CALLBACK (on_items_changed_cb), &n_changes);
  g_ptr_array_add (second, span_new (3, 1, 10, 14));
  g_ptr_array_add (second, span_new (4, 1, 20, 24));
  g_ptr_array_add (second, span_new (5, 1, 30, 34));
  added = gloss_span_index_append (index, second);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpint (gloss_span_get_id (added->pdata[0]), ==, 3);
  g_assert_cmpint (gloss_span_get_id (added->pdata[1]), ==, 5);
  assert_ids (index, 0, 100, "1 2 3 4 5");
  assert_order (index);
  g_clear_pointer (&added, g_ptr_array_unref);

  /* A page after everything held is one change of the list. */
  n_changes = 0;
  g_ptr_array_add (early, span_new (6, 1, 40, 44));
  g_ptr_array_add (early, span_new (7, 1, 50, 54));
  added = gloss_span_index_append (index, early);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpuint (n_changes, ==, 1);

  /* Replacing them all forgets the longest. */
  gloss_span_index_set_spans (index, first);
  g_assert_cmpint (gloss_span_index_get_max_length (index), ==, 4);
  g_assert_null (gloss_span_index_lookup (index, 5));
}

/* Random spans against a scan of them all, adding and removing as the
 * view does; a fixed seed makes a failure repeat. */
static void
test_random_against_scan (void)
{
  g_autoptr(GlossSpanIndex) index = gloss_span_index_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  gint64 next_id = 1;

  for (guint round = 0; round < 2000; round++)
    {
      guint n_spans = gloss_span_index_get_n_spans (index);

      if (n_spans > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          GlossSpan *victim = gloss_span_index_get_span (index, g_rand_int_range (rand, 0, n_spans));
          gint64 id = gloss_span_get_id (victim);
          g_autoptr(GlossSpan) removed = gloss_span_index_remove (index, victim);

          g_assert_nonnull (removed);
          g_assert_cmpint (gloss_span_get_id (removed), ==, id);
          g_assert_null (gloss_span_index_lookup (index, id));
        }
      else
        {
          gint64 start = g_rand_int_range (rand, 0, 500);
          /* Mostly short, some long, a few empty. */
          gint64 length = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, 0, 300)
                                                              : g_rand_int_range (rand, 0, 12);
          g_autoptr(GlossSpan) span = span_new (next_id++, g_rand_int_range (rand, 1, 4),
                                                start, start + length);

          g_assert_true (gloss_span_index_add (index, span));
        }

      if (round % 50 != 0)
        continue;

      assert_order (index);
      for (guint i = 0; i < gloss_span_index_get_n_spans (index); i++)
        {
          GlossSpan *span = gloss_span_index_get_span (index, i);
          guint position;

          g_assert_true (gloss_span_index_lookup (index, gloss_span_get_id (span)) == span);
          g_assert_true (gloss_span_index_find (index, span, &position));
          g_assert_cmpuint (position, ==, i);
          g_assert_true (gloss_span_index_find_like (index, gloss_span_get_start (span),
                                                     gloss_span_get_end (span),
                                                     gloss_span_get_label_id (span)) != NULL);
        }
      for (gint64 offset = -1; offset < 820; offset += 3)
        {
          gint64 end = offset + g_rand_int_range (rand, 0, 40);
          g_autofree char *ids = overlapping_ids (index, offset, end);
          g_autofree char *expected = overlapping_ids_by_scan (index, offset, end);
          guint first = gloss_span_index_first_from (index, offset);

          g_assert_cmpstr (ids, ==, expected);
          g_assert_true (gloss_span_index_get_innermost_at (index, offset) ==
                         innermost_by_scan (index, offset));
          g_assert_true (first == gloss_span_index_get_n_spans (index) ||
                         gloss_span_get_start (gloss_span_index_get_span (index, first)) >= offset);
          g_assert_true (first == 0 ||
                         gloss_span_get_start (gloss_span_index_get_span (index, first - 1)) < offset);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/span-index/nested", test_nested);
  g_test_add_func ("/span-index/overlapping-and-touching", test_overlapping_and_touching);
  g_test_add_func ("/span-index/zero-length", test_zero_length);
  g_test_add_func ("/span-index/many-at-one-offset", test_many_at_one_offset);
  g_test_add_func ("/span-index/add-twice-and-remove", test_add_twice_and_remove);
  g_test_add_func ("/span-index/append-pages", test_append_pages);
  g_test_add_func ("/span-index/random-against-scan", test_random_against_scan);

  return g_test_run ();
}
