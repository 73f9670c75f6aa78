/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Gloss JSONL reader, on the bytes of one file. Gloss JSONL carries everything a
 * dataset holds, so what it reads must also come back unchanged when
 * written and read again. */

#include "fuzz-common.h"

static void
check_same (GlossDataset *a,
            GlossDataset *b)
{
  g_assert_cmpuint (a->labels->len, ==, b->labels->len);
  for (guint i = 0; i < a->labels->len; i++)
    {
      GlossDatasetLabel *la = g_ptr_array_index (a->labels, i);
      GlossDatasetLabel *lb = g_ptr_array_index (b->labels, i);

      g_assert_cmpstr (la->name, ==, lb->name);
      g_assert_cmpstr (la->color, ==, lb->color);
      g_assert_cmpstr (la->hotkey, ==, lb->hotkey);
      g_assert_cmpstr (la->description, ==, lb->description);
    }

  g_assert_cmpuint (a->documents->len, ==, b->documents->len);
  for (guint i = 0; i < a->documents->len; i++)
    {
      GlossDatasetDocument *da = g_ptr_array_index (a->documents, i);
      GlossDatasetDocument *db = g_ptr_array_index (b->documents, i);

      g_assert_cmpstr (da->name, ==, db->name);
      g_assert_cmpstr (da->text, ==, db->text);
      g_assert_cmpint (da->status, ==, db->status);
      g_assert_cmpuint (da->spans->len, ==, db->spans->len);
      for (guint j = 0; j < da->spans->len; j++)
        {
          GlossDatasetSpan *sa = g_ptr_array_index (da->spans, j);
          GlossDatasetSpan *sb = g_ptr_array_index (db->spans, j);

          g_assert_cmpint (sa->start, ==, sb->start);
          g_assert_cmpint (sa->end, ==, sb->end);
          g_assert_cmpstr (sa->label, ==, sb->label);
          g_assert_cmpstr (sa->annotator, ==, sb->annotator);
          g_assert_cmpstr (sa->note, ==, sb->note);
          g_assert_cmpuint (sa->attributes->len, ==, sb->attributes->len);
          for (guint k = 0; k < sa->attributes->len; k++)
            {
              GlossDatasetAttributeValue *va = g_ptr_array_index (sa->attributes, k);
              GlossDatasetAttributeValue *vb = g_ptr_array_index (sb->attributes, k);

              g_assert_cmpstr (va->name, ==, vb->name);
              g_assert_cmpstr (va->value, ==, vb->value);
            }
        }

      g_assert_cmpuint (da->relations->len, ==, db->relations->len);
      for (guint j = 0; j < da->relations->len; j++)
        {
          GlossDatasetRelation *ra = g_ptr_array_index (da->relations, j);
          GlossDatasetRelation *rb = g_ptr_array_index (db->relations, j);
          guint from_a, to_a, from_b, to_b;

          g_assert_cmpstr (ra->type, ==, rb->type);
          g_assert_cmpstr (ra->annotator, ==, rb->annotator);
          g_assert_cmpstr (ra->note, ==, rb->note);
          g_assert_true (g_ptr_array_find (da->spans, ra->from, &from_a));
          g_assert_true (g_ptr_array_find (da->spans, ra->to, &to_a));
          g_assert_true (g_ptr_array_find (db->spans, rb->from, &from_b));
          g_assert_true (g_ptr_array_find (db->spans, rb->to, &to_b));
          g_assert_cmpuint (from_a, ==, from_b);
          g_assert_cmpuint (to_a, ==, to_b);
        }

      g_assert_cmpuint (da->categories->len, ==, db->categories->len);
      for (guint j = 0; j < da->categories->len; j++)
        {
          GlossDatasetCategory *ca = g_ptr_array_index (da->categories, j);
          GlossDatasetCategory *cb = g_ptr_array_index (db->categories, j);

          g_assert_cmpstr (ca->set, ==, cb->set);
          g_assert_cmpstr (ca->value, ==, cb->value);
        }
    }
}

static void
check_same_definitions (GlossDataset *a,
                        GlossDataset *b)
{
  g_assert_cmpuint (a->relation_labels->len, ==, b->relation_labels->len);
  for (guint i = 0; i < a->relation_labels->len; i++)
    {
      GlossDatasetRelationLabel *la = g_ptr_array_index (a->relation_labels, i);
      GlossDatasetRelationLabel *lb = g_ptr_array_index (b->relation_labels, i);

      g_assert_cmpstr (la->name, ==, lb->name);
      g_assert_cmpstr (la->color, ==, lb->color);
      g_assert_cmpstr (la->hotkey, ==, lb->hotkey);
      g_assert_cmpstr (la->description, ==, lb->description);
      g_assert_cmpint (la->directed, ==, lb->directed);
    }

  g_assert_cmpuint (a->attributes->len, ==, b->attributes->len);
  for (guint i = 0; i < a->attributes->len; i++)
    {
      GlossDatasetAttribute *aa = g_ptr_array_index (a->attributes, i);
      GlossDatasetAttribute *ab = g_ptr_array_index (b->attributes, i);

      g_assert_cmpstr (aa->name, ==, ab->name);
      g_assert_cmpint (aa->kind, ==, ab->kind);
      g_assert_cmpuint (aa->labels->len, ==, ab->labels->len);
      for (guint j = 0; j < aa->labels->len; j++)
        g_assert_cmpstr (aa->labels->pdata[j], ==, ab->labels->pdata[j]);
      g_assert_cmpuint (aa->values->len, ==, ab->values->len);
      for (guint j = 0; j < aa->values->len; j++)
        g_assert_cmpstr (aa->values->pdata[j], ==, ab->values->pdata[j]);
    }

  g_assert_cmpuint (a->category_sets->len, ==, b->category_sets->len);
  for (guint i = 0; i < a->category_sets->len; i++)
    {
      GlossDatasetCategorySet *sa = g_ptr_array_index (a->category_sets, i);
      GlossDatasetCategorySet *sb = g_ptr_array_index (b->category_sets, i);

      g_assert_cmpstr (sa->name, ==, sb->name);
      g_assert_cmpint (sa->multiple, ==, sb->multiple);
      g_assert_cmpuint (sa->values->len, ==, sb->values->len);
      for (guint j = 0; j < sa->values->len; j++)
        {
          GlossDatasetCategoryValue *va = g_ptr_array_index (sa->values, j);
          GlossDatasetCategoryValue *vb = g_ptr_array_index (sb->values, j);

          g_assert_cmpstr (va->name, ==, vb->name);
          g_assert_cmpstr (va->hotkey, ==, vb->hotkey);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GlossDataset) dataset = fuzz_read_data (gloss_format_gloss_read_data,
                                                     "data.gloss.jsonl", data, size);
  g_autoptr(GlossDatasetSource) source = NULL;
  g_autoptr(GlossFormatReport) report = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDataset) again = NULL;
  GlossFormatOutput output = { 0 };

  if (dataset == NULL)
    return 0;

  source = gloss_dataset_source_new_for_dataset (dataset);
  report = gloss_format_report_new ();
  stream = g_memory_output_stream_new_resizable ();
  output.stream = stream;
  output.display_name = "out";
  if (!gloss_format_gloss.write (source, &output, report, &error))
    {
      g_printerr ("a dataset read from Gloss JSONL did not write back: %s\n", error->message);
      abort ();
    }
  g_output_stream_close (stream, NULL, NULL);

  {
    g_autoptr(GlossFormatReport) again_report = gloss_format_report_new ();

    GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

    again = gloss_format_gloss_read_data ("again.gloss.jsonl",
                                          g_memory_output_stream_get_data (memory),
                                          g_memory_output_stream_get_data_size (memory),
                                          again_report, &error);
    if (again == NULL)
      {
        /* Not g_error (): libFuzzer saves the input on abort () only. */
        g_printerr ("Gloss JSONL written from a dataset it read did not read back: %s\n",
                    error->message);
        abort ();
      }
  }
  check_same (dataset, again);
  check_same_definitions (dataset, again);

  return 0;
}
