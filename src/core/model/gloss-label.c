/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A label as stored: a row of the labels table. Immutable: the store hands
 * out a new object when a label changes. */

#define G_LOG_DOMAIN "gloss-label"

#include "config.h"

#include "gloss-label.h"

struct _GlossLabel
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *color;
  char *hotkey;
  char *description;
  int position;
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_HOTKEY,
  PROP_DESCRIPTION,
  PROP_POSITION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
gloss_label_finalize (GObject *object)
{
  GlossLabel *self = (GlossLabel *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->hotkey, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (gloss_label_parent_class)->finalize (object);
}

static void
gloss_label_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

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
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_class_init (GlossLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_label_finalize;
  object_class->get_property = gloss_label_get_property;

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
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
}

GlossLabel *
gloss_label_new (gint64      id,
                 const char *name,
                 const char *color,
                 const char *hotkey,
                 const char *description,
                 int         position)
{
  GlossLabel *self = g_object_new (GLOSS_TYPE_LABEL, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->color = g_strdup (color);
  self->hotkey = g_strdup (hotkey ? hotkey : "");
  self->description = g_strdup (description ? description : "");
  self->position = position;

  return self;
}

gint64
gloss_label_get_id (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), 0);
  return self->id;
}

const char *
gloss_label_get_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->name;
}

const char *
gloss_label_get_color (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->color;
}

const char *
gloss_label_get_hotkey (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->hotkey;
}

const char *
gloss_label_get_description (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  return self->description;
}

int
gloss_label_get_position (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), 0);
  return self->position;
}
