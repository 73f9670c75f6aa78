/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A span as stored: [start, end) in code points of its document's text, with
 * its label. Immutable: an edit in the store yields a new object. A part of
 * a discontinuous span has PART_OF, the id of the group's first part (the
 * one with the lowest start, which is the span itself); 0 otherwise. */

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
  gint64 part_of;
  char *annotator;
  char *note;
  char *created;
  char *modified;
};

G_DEFINE_FINAL_TYPE (GlossSpan, gloss_span, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PART_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
gloss_span_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlossSpan *self = GLOSS_SPAN (object);

  switch (prop_id)
    {
    case PROP_PART_OF:
      g_value_set_int64 (value, self->part_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_span_class_init (GlossSpanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_span_finalize;
  object_class->get_property = gloss_span_get_property;

  properties[PROP_PART_OF] =
    g_param_spec_int64 ("part-of", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
                gint64      part_of,
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
  self->part_of = part_of;
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

gint64
gloss_span_get_part_of (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->part_of;
}

/* The id of the span SELF belongs to: the first part of its group, or its
 * own id. */
gint64
gloss_span_get_group_id (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);
  return self->part_of != 0 ? self->part_of : self->id;
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
