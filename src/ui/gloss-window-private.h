/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the parts of GlossWindow share: gloss-window.c (its widgets, its
 * state and the open document), gloss-window-actions.c (what the user does
 * in it: actions and keys) and gloss-window-import.c (files coming in:
 * import, drop, recent projects). Not for use outside the window. */

#pragma once

#include <glib/gi18n.h>

#include "gloss-category-bar.h"
#include "gloss-document-list.h"
#include "gloss-history.h"
#include "gloss-import-bar.h"
#include "gloss-project-search.h"
#include "gloss-search-bar.h"
#include "gloss-span-attributes.h"
#include "gloss-window-testing.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkListView *document_list_view;
  GtkStack *content_stack;
  GlossDocumentView *document_view;
  GtkListView *label_list_view;
  GtkStack *span_stack;
  GtkLabel *spans_title;
  GtkListView *span_list_view;
  GtkMenuButton *primary_menu_button;
  GtkMenuButton *document_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *document_menu;
  GtkToggleButton *done_button;
  GtkSearchEntry *document_filter_entry;
  GtkDropDown *status_filter_dropdown;
  GtkLabel *status_label;
  GtkWidget *span_inspector;
  GtkLabel *inspector_text;
  GtkLabel *inspector_details;
  GtkEntry *note_entry;
  /* The span the inspector shows, whose note the entry may be editing */
  GlossSpan *inspected_span;
  GtkWidget *remove_span_button;
  GlossImportBar *import_bar;
  GMenu *recent_menu;
  GtkWidget *label_popover;
  /* What the label popover labels, taken as it opens */
  gint64 label_popover_document_id;
  gboolean label_popover_has_range;
  gint64 label_popover_start;
  gint64 label_popover_end;
  GtkWidget *text_span_menu;   /* made when first shown */
  GtkWidget *list_span_menu;   /* made when first shown */
  GMenuModel *span_menu;
  GtkWindow *shortcuts_window;   /* made when first shown */
  GlossSearchBar *search_bar;

  /* Borrowed references */
  GlossProjectSearch *project_search;   /* weak; a window of its own */

  /* Owned references */
  GlossStore *store;
  GlossHistory *history;
  /* Not owned: the toast whose Undo undoes the newest step, while shown. */
  AdwToast *undo_toast;
  GSettings *settings;
  GlossDocumentList *documents;
  GtkSingleSelection *document_selection;
  GListStore *labels;
  GHashTable *label_counts;   /* label id -> spans with that label in this document */
  char *progress_text;        /* the footer's project part: "3 of 9 documents done" */
  gboolean documents_changing; /* the document list is being replaced under its selection */

  GtkSingleSelection *span_selection;

  /* The sidebars, and the header buttons that show them when folded */
  AdwFlap *documents_flap;
  AdwFlap *labels_flap;
  GtkWidget *documents_button;
  GtkWidget *labels_button;
  guint fold_buttons_updater;

  /* Span attributes and document categories (gloss-window-attributes.c) */
  GlossSpanAttributes *span_attributes;
  GlossCategoryBar *category_bar;
  GtkDropDown *category_filter_dropdown;
  GPtrArray *attributes;          /* GlossAttribute, every one, in order */
  GPtrArray *category_sets;       /* GlossCategorySet, in order */
  GPtrArray *categories;          /* GlossCategory of every set, in order */
  GArray *category_filter_ids;    /* the filter's choices after "All": category ids */
  gboolean updating_category_filter;

  /* Relations (gloss-window-relations.c) */
  GtkLabel *relation_hint;            /* template: what to do while a target is awaited */
  double hint_pointer_y;              /* where the pointer is over the text, for the hint */
  gboolean hint_pointer_inside;
  GtkWidget *relations_box;           /* template: the Relations list and its title */
  GtkStack *annotation_stack;         /* template: the spans and the relations, one at a time */
  GtkListView *relation_list_view;    /* template */
  GMenuModel *relation_menu_model;    /* template: Change Type…, Add Note, Remove Relation */
  GListStore *relation_labels;        /* GlossRelationLabel */
  GtkSingleSelection *relation_selection;
  GHashTable *relation_rows_waiting;  /* relation id -> its GtkListItem (bound), waiting for a span's page */
  GtkWidget *relation_popover;        /* made when first shown */
  GtkWidget *text_relation_menu;      /* made when first shown */
  GtkWidget *list_relation_menu;      /* made when first shown */
  gint64 relation_from_id;            /* the relation the popover is about to make */
  gint64 relation_to_id;
  int relation_popover_purpose;
};

/* A toast for ERROR; a toast's title is markup, and the message names
 * files as they are. */
static inline void
show_error (GlossWindow  *self,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Gives POPOVER its PARENT: the view, or a side list. The view keeps the
 * popovers over the text apart (gloss_document_view_adopt_popover ()). */
static inline void
set_popover_parent (GlossWindow *self,
                    GtkPopover  *popover,
                    GtkWidget   *parent)
{
  if (parent == GTK_WIDGET (self->document_view))
    gloss_document_view_adopt_popover (self->document_view, popover);
  else
    gtk_widget_set_parent (GTK_WIDGET (popover), parent);
}

/* gloss-window.c */
GlossLabel    *_gloss_window_find_label              (GlossWindow         *self,
                                                      gint64               label_id,
                                                      guint               *position);
GlossDocument *_gloss_window_get_current_document    (GlossWindow         *self);
void           _gloss_window_set_annotation_title    (GlossWindow         *self,
                                                      GtkWidget           *child,
                                                      const char          *title);

/* gloss-window-actions.c */
void           _gloss_window_class_actions_init      (GtkWidgetClass      *widget_class);
void           _gloss_window_actions_init            (GlossWindow         *self);
void           _gloss_window_update_history_actions  (GlossWindow         *self);
void           _gloss_window_set_current_status      (GlossWindow         *self,
                                                      GlossDocumentStatus  status);
void           _gloss_window_show_list_span_menu     (GlossWindow         *self,
                                                      const GdkRectangle  *rect);
char          *_gloss_window_dup_annotator           (GlossWindow         *self);

/* gloss-window-relations.c */
void           _gloss_window_class_relations_init    (GtkWidgetClass      *widget_class);
void           _gloss_window_relations_init          (GlossWindow         *self);
void           _gloss_window_relations_constructed   (GlossWindow         *self);
void           _gloss_window_relations_dispose       (GlossWindow         *self);
void           _gloss_window_reload_relation_labels  (GlossWindow         *self);
gboolean       _gloss_window_relation_key_applies    (GlossWindow         *self,
                                                      const char          *action);
gboolean       _gloss_window_relation_label_key      (GlossWindow         *self,
                                                      const char          *typed);
gboolean       _gloss_window_relation_right_click    (GlossWindow         *self,
                                                      double               x,
                                                      double               y);

/* gloss-window-attributes.c */
void           _gloss_window_class_attributes_init   (GtkWidgetClass      *widget_class);
void           _gloss_window_attributes_init         (GlossWindow         *self);
void           _gloss_window_attributes_dispose      (GlossWindow         *self);
void           _gloss_window_attributes_document_opened (GlossWindow      *self);
void           _gloss_window_show_span_attributes    (GlossWindow         *self,
                                                      GlossSpan           *span);
char          *_gloss_window_describe_categories     (GlossWindow         *self,
                                                      gint64               document_id);

/* gloss-window-import.c */
void           _gloss_window_class_import_init       (GtkWidgetClass      *widget_class);
void           _gloss_window_import_init             (GlossWindow         *self);
void           _gloss_window_update_recent_menu      (GlossWindow         *self);

gboolean _gloss_window_show_document (GlossWindow *self,
                                      gint64       document_id);

G_END_DECLS
