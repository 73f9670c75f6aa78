/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A kind of relation between two spans, as stored: a row of the
 * relation_labels table. Immutable: the store hands out a new object when
 * one changes. A directed relation reads from its first span to its
 * second ("works for"); an undirected one goes both ways ("same as"). */

#define G_LOG_DOMAIN "gloss-relation-label"

#include "config.h"

#include "gloss-relation-label.h"

struct _GlossRelationLabel
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *color;
  char *hotkey;
  char *description;
  gboolean directed;
  int position;
};

G_DEFINE_FINAL_TYPE (GlossRelationLabel, gloss_relation_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_HOTKEY,
  PROP_DESCRIPTION,
  PROP_DIRECTED,
  PROP_POSITION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
gloss_relation_label_finalize (GObject *object)
{
  GlossRelationLabel *self = (GlossRelationLabel *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->hotkey, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (gloss_relation_label_parent_class)->finalize (object);
}

static void
gloss_relation_label_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossRelationLabel *self = GLOSS_RELATION_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_HOTKEY:
      g_value_set_string (value, self->hotkey);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_DIRECTED:
      g_value_set_boolean (value, self->directed);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_relation_label_class_init (GlossRelationLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_relation_label_finalize;
  object_class->get_property = gloss_relation_label_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOTKEY] =
    g_param_spec_string ("hotkey", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_relation_label_init (GlossRelationLabel *self)
{
}

GlossRelationLabel *
gloss_relation_label_new (gint64      id,
                          const char *name,
                          const char *color,
                          const char *hotkey,
                          const char *description,
                          gboolean    directed,
                          int         position)
{
  GlossRelationLabel *self = g_object_new (GLOSS_TYPE_RELATION_LABEL, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->color = g_strdup (color);
  self->hotkey = g_strdup (hotkey ? hotkey : "");
  self->description = g_strdup (description ? description : "");
  self->directed = !!directed;
  self->position = position;

  return self;
}

gint64
gloss_relation_label_get_id (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), 0);
  return self->id;
}

const char *
gloss_relation_label_get_name (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), NULL);
  return self->name;
}

const char *
gloss_relation_label_get_color (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), NULL);
  return self->color;
}

const char *
gloss_relation_label_get_hotkey (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), NULL);
  return self->hotkey;
}

const char *
gloss_relation_label_get_description (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), NULL);
  return self->description;
}

gboolean
gloss_relation_label_get_directed (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), TRUE);
  return self->directed;
}

int
gloss_relation_label_get_position (GlossRelationLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION_LABEL (self), 0);
  return self->position;
}
