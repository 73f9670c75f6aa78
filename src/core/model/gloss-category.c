/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Document categories as stored: a set (a row of category_sets: "Topic",
 * one choice or several), one value of a set (a row of categories), and
 * a document's choice of a value (a row of document_categories).
 * Immutable: the store hands out new objects when one changes. */

#define G_LOG_DOMAIN "gloss-category"

#include "config.h"

#include "gloss-category.h"

struct _GlossCategorySet
{
  GObject parent_instance;

  gint64 id;
  char *name;
  gboolean multiple;
  int position;
};

G_DEFINE_FINAL_TYPE (GlossCategorySet, gloss_category_set, G_TYPE_OBJECT)

static void
gloss_category_set_finalize (GObject *object)
{
  GlossCategorySet *self = (GlossCategorySet *) object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (gloss_category_set_parent_class)->finalize (object);
}

static void
gloss_category_set_class_init (GlossCategorySetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_category_set_finalize;
}

static void
gloss_category_set_init (GlossCategorySet *self)
{
}

GlossCategorySet *
gloss_category_set_new (gint64      id,
                        const char *name,
                        gboolean    multiple,
                        int         position)
{
  GlossCategorySet *self = g_object_new (GLOSS_TYPE_CATEGORY_SET, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->multiple = !!multiple;
  self->position = position;

  return self;
}

gint64
gloss_category_set_get_id (GlossCategorySet *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY_SET (self), 0);
  return self->id;
}

const char *
gloss_category_set_get_name (GlossCategorySet *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY_SET (self), NULL);
  return self->name;
}

/* Whether a document may have several values of the set; if not, choosing
 * one clears the others. */
gboolean
gloss_category_set_get_multiple (GlossCategorySet *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY_SET (self), FALSE);
  return self->multiple;
}

int
gloss_category_set_get_position (GlossCategorySet *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY_SET (self), 0);
  return self->position;
}

struct _GlossCategory
{
  GObject parent_instance;

  gint64 id;
  gint64 set_id;
  char *name;
  char *hotkey;
  int position;
};

G_DEFINE_FINAL_TYPE (GlossCategory, gloss_category, G_TYPE_OBJECT)

static void
gloss_category_finalize (GObject *object)
{
  GlossCategory *self = (GlossCategory *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->hotkey, g_free);

  G_OBJECT_CLASS (gloss_category_parent_class)->finalize (object);
}

static void
gloss_category_class_init (GlossCategoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_category_finalize;
}

static void
gloss_category_init (GlossCategory *self)
{
}

GlossCategory *
gloss_category_new (gint64      id,
                    gint64      set_id,
                    const char *name,
                    const char *hotkey,
                    int         position)
{
  GlossCategory *self = g_object_new (GLOSS_TYPE_CATEGORY, NULL);

  self->id = id;
  self->set_id = set_id;
  self->name = g_strdup (name);
  self->hotkey = g_strdup (hotkey ? hotkey : "");
  self->position = position;

  return self;
}

gint64
gloss_category_get_id (GlossCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY (self), 0);
  return self->id;
}

gint64
gloss_category_get_set_id (GlossCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY (self), 0);
  return self->set_id;
}

const char *
gloss_category_get_name (GlossCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY (self), NULL);
  return self->name;
}

const char *
gloss_category_get_hotkey (GlossCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY (self), NULL);
  return self->hotkey;
}

int
gloss_category_get_position (GlossCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_CATEGORY (self), 0);
  return self->position;
}

struct _GlossDocumentCategory
{
  GObject parent_instance;

  gint64 document_id;
  gint64 category_id;
};

G_DEFINE_FINAL_TYPE (GlossDocumentCategory, gloss_document_category, G_TYPE_OBJECT)

static void
gloss_document_category_class_init (GlossDocumentCategoryClass *klass)
{
}

static void
gloss_document_category_init (GlossDocumentCategory *self)
{
}

GlossDocumentCategory *
gloss_document_category_new (gint64 document_id,
                             gint64 category_id)
{
  GlossDocumentCategory *self = g_object_new (GLOSS_TYPE_DOCUMENT_CATEGORY, NULL);

  self->document_id = document_id;
  self->category_id = category_id;

  return self;
}

gint64
gloss_document_category_get_document_id (GlossDocumentCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_CATEGORY (self), 0);
  return self->document_id;
}

gint64
gloss_document_category_get_category_id (GlossDocumentCategory *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_CATEGORY (self), 0);
  return self->category_id;
}
