/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A span attribute as stored: its definition (a row of attributes, with
 * the span labels it applies to from attribute_labels), and one span's
 * value of it (a row of span_attributes). Immutable: the store hands out
 * new objects when either changes. */

#define G_LOG_DOMAIN "gloss-attribute"

#include "config.h"

#include "gloss-attribute.h"

struct _GlossAttribute
{
  GObject parent_instance;

  gint64 id;
  char *name;
  GlossAttributeKind kind;
  GStrv values;
  GArray *label_ids;
  int position;
};

G_DEFINE_FINAL_TYPE (GlossAttribute, gloss_attribute, G_TYPE_OBJECT)

static void
gloss_attribute_finalize (GObject *object)
{
  GlossAttribute *self = (GlossAttribute *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->label_ids, g_array_unref);

  G_OBJECT_CLASS (gloss_attribute_parent_class)->finalize (object);
}

static void
gloss_attribute_class_init (GlossAttributeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_attribute_finalize;
}

static void
gloss_attribute_init (GlossAttribute *self)
{
}

/* VALUES: a choice attribute's values, in order (NULL: none). LABEL_IDS:
 * the span labels it applies to (NULL or empty: every label), copied. */
GlossAttribute *
gloss_attribute_new (gint64              id,
                     const char         *name,
                     GlossAttributeKind  kind,
                     const char * const *values,
                     GArray             *label_ids,
                     int                 position)
{
  GlossAttribute *self = g_object_new (GLOSS_TYPE_ATTRIBUTE, NULL);
  const char * const empty[] = { NULL };

  self->id = id;
  self->name = g_strdup (name);
  self->kind = kind;
  self->values = g_strdupv ((char **) (values != NULL ? values : empty));
  self->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (label_ids != NULL)
    g_array_append_vals (self->label_ids, label_ids->data, label_ids->len);
  self->position = position;

  return self;
}

gint64
gloss_attribute_get_id (GlossAttribute *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), 0);
  return self->id;
}

const char *
gloss_attribute_get_name (GlossAttribute *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), NULL);
  return self->name;
}

GlossAttributeKind
gloss_attribute_get_kind (GlossAttribute *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), GLOSS_ATTRIBUTE_KIND_FLAG);
  return self->kind;
}

/* A choice attribute's values, in order; empty for the other kinds. */
const char * const *
gloss_attribute_get_values (GlossAttribute *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), NULL);
  return (const char * const *) self->values;
}

/* The ids of the span labels it applies to, in ascending order; empty: every
 * label. */
const GArray *
gloss_attribute_get_label_ids (GlossAttribute *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), NULL);
  return self->label_ids;
}

int
gloss_attribute_get_position (GlossAttribute *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), 0);
  return self->position;
}

/* Whether a span of LABEL_ID can have the attribute. */
gboolean
gloss_attribute_applies_to (GlossAttribute *self,
                            gint64          label_id)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), FALSE);

  if (self->label_ids->len == 0)
    return TRUE;
  for (guint i = 0; i < self->label_ids->len; i++)
    if (g_array_index (self->label_ids, gint64, i) == label_id)
      return TRUE;
  return FALSE;
}

/* Whether VALUE is one of a choice attribute's values. */
gboolean
gloss_attribute_has_value (GlossAttribute *self,
                           const char     *value)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE (self), FALSE);

  return value != NULL && g_strv_contains ((const char * const *) self->values, value);
}

struct _GlossAttributeValue
{
  GObject parent_instance;

  gint64 span_id;
  gint64 attribute_id;
  char *value;
};

G_DEFINE_FINAL_TYPE (GlossAttributeValue, gloss_attribute_value, G_TYPE_OBJECT)

static void
gloss_attribute_value_finalize (GObject *object)
{
  GlossAttributeValue *self = (GlossAttributeValue *) object;

  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (gloss_attribute_value_parent_class)->finalize (object);
}

static void
gloss_attribute_value_class_init (GlossAttributeValueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_attribute_value_finalize;
}

static void
gloss_attribute_value_init (GlossAttributeValue *self)
{
}

GlossAttributeValue *
gloss_attribute_value_new (gint64      span_id,
                           gint64      attribute_id,
                           const char *value)
{
  GlossAttributeValue *self = g_object_new (GLOSS_TYPE_ATTRIBUTE_VALUE, NULL);

  self->span_id = span_id;
  self->attribute_id = attribute_id;
  self->value = g_strdup (value ? value : "");

  return self;
}

gint64
gloss_attribute_value_get_span_id (GlossAttributeValue *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_VALUE (self), 0);
  return self->span_id;
}

gint64
gloss_attribute_value_get_attribute_id (GlossAttributeValue *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_VALUE (self), 0);
  return self->attribute_id;
}

/* "true" for a flag that is set. */
const char *
gloss_attribute_value_get_value (GlossAttributeValue *self)
{
  g_return_val_if_fail (GLOSS_IS_ATTRIBUTE_VALUE (self), NULL);
  return self->value;
}
