/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A span as stored: [start, end) in code points of its document's text, with
 * its label. Immutable: an edit in the store yields a new object. */

#define G_LOG_DOMAIN "gloss-span"

#include "config.h"

#include "gloss-span.h"

struct _GlossSpan
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id;
  gint64 label_id;
  gint64 start;
  gint64 end;
  char *annotator;
  char *note;
  char *created;
  char *modified;
};

G_DEFINE_FINAL_TYPE (GlossSpan, gloss_span, G_TYPE_OBJECT)

static void
gloss_span_finalize (GObject *object)
{
  GlossSpan *self = (GlossSpan *) object;

  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (gloss_span_parent_class)->finalize (object);
}

static void
gloss_span_class_init (GlossSpanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_span_finalize;
}

static void
gloss_span_init (GlossSpan *self)
{
}

GlossSpan *
gloss_span_new (gint64      id,
                gint64      document_id,
                gint64      label_id,
                gint64      start,
                gint64      end,
                const char *annotator,
                const char *note,
                const char *created,
                const char *modified)
{
  GlossSpan *self = g_object_new (GLOSS_TYPE_SPAN, NULL);

  self->id = id;
  self->document_id = document_id;
  self->label_id = label_id;
  self->start = start;
  self->end = end;
  self->annotator = g_strdup (annotator ? annotator : "");
  self->note = g_strdup (note ? note : "");
  self->created = g_strdup (created ? created : "");
  self->modified = g_strdup (modified ? modified : "");

  return self;
}

gint64
gloss_span_get_id (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->id;
}

gint64
gloss_span_get_document_id (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->document_id;
}

gint64
gloss_span_get_label_id (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->label_id;
}

gint64
gloss_span_get_start (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->start;
}

gint64
gloss_span_get_end (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->end;
}

const char *
gloss_span_get_annotator (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);
  return self->annotator;
}

const char *
gloss_span_get_note (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);
  return self->note;
}

const char *
gloss_span_get_created (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);
  return self->created;
}

const char *
gloss_span_get_modified (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);
  return self->modified;
}

gboolean
gloss_span_contains (GlossSpan *self,
                     gint64     offset)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), FALSE);
  return offset >= self->start && offset < self->end;
}

/* Reading order: by start, the longer (enclosing) span first, then by id. */
int
gloss_span_compare (GlossSpan *span_a,
                    GlossSpan *span_b)
{
  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  if (span_a->end != span_b->end)
    return span_a->end > span_b->end ? -1 : 1;
  return span_a->id < span_b->id ? -1 : span_a->id > span_b->id;
}
