/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A document in the window's Documents list: its name, its status and how
 * many spans it has. */

#define G_LOG_DOMAIN "gloss-document-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-row.h"

struct _GlossDocumentRow
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkInscription *name_line;
  GtkInscription *details_line;
  GtkInscription *categories_line;
};

G_DEFINE_FINAL_TYPE (GlossDocumentRow, gloss_document_row, GTK_TYPE_BOX)

static void
gloss_document_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_DOCUMENT_ROW);

  G_OBJECT_CLASS (gloss_document_row_parent_class)->dispose (object);
}

static void
gloss_document_row_class_init (GlossDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentRow, name_line);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentRow, details_line);
  gtk_widget_class_bind_template_child (widget_class, GlossDocumentRow, categories_line);
}

static void
gloss_document_row_init (GlossDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_document_row_new (void)
{
  return g_object_new (GLOSS_TYPE_DOCUMENT_ROW, NULL);
}

void
gloss_document_row_set_document (GlossDocumentRow *self,
                                 GlossDocument    *document)
{
  gint64 n_spans;
  g_autofree char *details = NULL;

  g_return_if_fail (GLOSS_IS_DOCUMENT_ROW (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  n_spans = gloss_document_get_span_count (document);
  details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %" G_GINT64_FORMAT " span",
                                          "%s · %" G_GINT64_FORMAT " spans", n_spans),
                             gloss_document_status_describe (gloss_document_get_status (document)),
                             n_spans);
  gtk_inscription_set_text (self->name_line, gloss_document_get_name (document));
  gtk_inscription_set_text (self->details_line, details);
}

/* The document's categories in a line of their own, "Supportive · Primary
 * source"; none (NULL) hides the line. */
void
gloss_document_row_set_categories (GlossDocumentRow *self,
                                   const char       *categories)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_ROW (self));

  gtk_inscription_set_text (self->categories_line, categories);
  gtk_widget_set_visible (GTK_WIDGET (self->categories_line),
                          categories != NULL && categories[0] != '\0');
}
