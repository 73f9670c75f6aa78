/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A document's summary as the list shows it: name, status, length and span
 * count. The text itself is loaded on demand (gloss_store_load_text ()), so
 * that a project of many documents opens without reading them; only a
 * snapshot, which the undo history keeps of a deleted document, holds the
 * whole row. */

#define G_LOG_DOMAIN "gloss-document"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document.h"

struct _GlossDocument
{
  GObject parent_instance;

  gint64 id;
  char *name;
  GlossDocumentStatus status;
  gint64 length;
  gint64 span_count;

  /* Only in snapshots */
  char *text;
  char *source;
  char *created;
  char *modified;
};

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

static const char * const status_names[] = { "new", "in-progress", "done" };

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_document_finalize;
}

static void
gloss_document_init (GlossDocument *self)
{
}

GlossDocument *
gloss_document_new (gint64              id,
                    const char         *name,
                    GlossDocumentStatus status,
                    gint64              length,
                    gint64              span_count)
{
  GlossDocument *self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->status = status;
  self->length = length;
  self->span_count = span_count;

  return self;
}

gint64
gloss_document_get_id (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
gloss_document_get_name (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->name;
}

GlossDocumentStatus
gloss_document_get_status (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), GLOSS_DOCUMENT_STATUS_NEW);
  return self->status;
}

gint64
gloss_document_get_length (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->length;
}

gint64
gloss_document_get_span_count (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->span_count;
}

GlossDocument *
gloss_document_new_snapshot (gint64              id,
                             const char         *name,
                             GlossDocumentStatus status,
                             const char         *text,
                             const char         *source,
                             const char         *created,
                             const char         *modified)
{
  GlossDocument *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = gloss_document_new (id, name, status, g_utf8_strlen (text, -1), 0);
  self->text = g_strdup (text);
  self->source = g_strdup (source ? source : "");
  self->created = g_strdup (created);
  self->modified = g_strdup (modified);

  return self;
}

/* NULL unless SELF is a snapshot. */
const char *
gloss_document_get_text (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->text;
}

const char *
gloss_document_get_source (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->source;
}

const char *
gloss_document_get_created (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->created;
}

const char *
gloss_document_get_modified (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->modified;
}

/* The stable spelling used in datasets and on the command line. */
const char *
gloss_document_status_to_string (GlossDocumentStatus status)
{
  g_return_val_if_fail (status <= GLOSS_DOCUMENT_STATUS_DONE, NULL);
  return status_names[status];
}

gboolean
gloss_document_status_from_string (const char          *string,
                                   GlossDocumentStatus *status)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (string, status_names[i]))
        {
          if (status != NULL)
            *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The translated words a user reads. */
const char *
gloss_document_status_describe (GlossDocumentStatus status)
{
  switch (status)
    {
    case GLOSS_DOCUMENT_STATUS_NEW:
      return _("New");
    case GLOSS_DOCUMENT_STATUS_IN_PROGRESS:
      return _("In progress");
    case GLOSS_DOCUMENT_STATUS_DONE:
      return _("Done");
    default:
      g_return_val_if_reached (NULL);
    }
}
