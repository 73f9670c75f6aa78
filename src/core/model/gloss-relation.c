/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A relation as stored: a relation label between two spans of one
 * document, from FROM_ID to TO_ID. Immutable: an edit in the store yields
 * a new object. */

#define G_LOG_DOMAIN "gloss-relation"

#include "config.h"

#include "gloss-relation.h"

struct _GlossRelation
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id;
  gint64 label_id;
  gint64 from_id;
  gint64 to_id;
  char *annotator;
  char *note;
  char *created;
  char *modified;
};

G_DEFINE_FINAL_TYPE (GlossRelation, gloss_relation, G_TYPE_OBJECT)

static void
gloss_relation_finalize (GObject *object)
{
  GlossRelation *self = (GlossRelation *) object;

  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (gloss_relation_parent_class)->finalize (object);
}

static void
gloss_relation_class_init (GlossRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_relation_finalize;
}

static void
gloss_relation_init (GlossRelation *self)
{
}

GlossRelation *
gloss_relation_new (gint64      id,
                    gint64      document_id,
                    gint64      label_id,
                    gint64      from_id,
                    gint64      to_id,
                    const char *annotator,
                    const char *note,
                    const char *created,
                    const char *modified)
{
  GlossRelation *self = g_object_new (GLOSS_TYPE_RELATION, NULL);

  self->id = id;
  self->document_id = document_id;
  self->label_id = label_id;
  self->from_id = from_id;
  self->to_id = to_id;
  self->annotator = g_strdup (annotator ? annotator : "");
  self->note = g_strdup (note ? note : "");
  self->created = g_strdup (created ? created : "");
  self->modified = g_strdup (modified ? modified : "");

  return self;
}

gint64
gloss_relation_get_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);
  return self->id;
}

gint64
gloss_relation_get_document_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);
  return self->document_id;
}

gint64
gloss_relation_get_label_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);
  return self->label_id;
}

gint64
gloss_relation_get_from_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);
  return self->from_id;
}

gint64
gloss_relation_get_to_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);
  return self->to_id;
}

const char *
gloss_relation_get_annotator (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->annotator;
}

const char *
gloss_relation_get_note (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->note;
}

const char *
gloss_relation_get_created (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->created;
}

const char *
gloss_relation_get_modified (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);
  return self->modified;
}

/* Whether SPAN_ID is one of the relation's two ends. */
gboolean
gloss_relation_involves (GlossRelation *self,
                         gint64         span_id)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), FALSE);
  return self->from_id == span_id || self->to_id == span_id;
}
