/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relations in a GlossWindow: making one (R, then a click on the target
 * span, or a Ctrl+drag from span to span, then its type in the relation
 * popover), the Relations list under the Spans, selecting, relabeling
 * (a relation label's key, Change Type…), noting and removing one. Each
 * gesture becomes a store call; the window follows the rows each transaction
 * changed (::changes-committed) to show the result, so undo and redo show
 * too. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-label-popover.h"
#include "gloss-popovers.h"
#include "gloss-relation-row.h"
#include "gloss-window-private.h"

/* The hint floats over the text, at its top; it steps to the bottom while
 * the pointer is where it would cover a line the person aims at, and back
 * when the pointer comes down there, so that it never hides the span under
 * the pointer. */
static void
place_hint (GlossWindow *self)
{
  GtkWidget *hint = GTK_WIDGET (self->relation_hint);
  GtkWidget *text = gtk_widget_get_parent (hint);
  int text_height = gtk_widget_get_height (text);
  int hint_height;
  gboolean at_top = gtk_widget_get_valign (hint) == GTK_ALIGN_START;

  if (!gtk_widget_get_visible (hint) || !self->hint_pointer_inside)
    return;

  /* With its margins, as the overlay lays it out. */
  gtk_widget_measure (hint, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (text),
                      NULL, &hint_height, NULL, NULL);
  if (at_top && self->hint_pointer_y < hint_height)
    gtk_widget_set_valign (hint, GTK_ALIGN_END);
  else if (!at_top && self->hint_pointer_y >= text_height - hint_height)
    gtk_widget_set_valign (hint, GTK_ALIGN_START);
  else
    return;

  /* A new alignment only moves the hint within the place the overlay gave
   * it last; the overlay places it anew at the other edge. (A resize, not
   * an allocation: GTK 4.8 can drop the request for an allocation, see
   * gloss_document_view_adopt_popover (), and the hint would stay put.) */
  gtk_widget_queue_resize (text);
}

static void
on_text_pointer_motion_cb (GlossWindow              *self,
                           double                    x,
                           double                    y,
                           GtkEventControllerMotion *motion)
{
  self->hint_pointer_y = y;
  self->hint_pointer_inside = TRUE;
  place_hint (self);
}

static void
on_text_pointer_leave_cb (GlossWindow              *self,
                          GtkEventControllerMotion *motion)
{
  self->hint_pointer_inside = FALSE;
}

static void
set_hint (GlossWindow *self,
          const char  *words)
{
  gtk_label_set_label (self->relation_hint, words);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->relation_hint)))
    gtk_widget_set_valign (GTK_WIDGET (self->relation_hint), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->relation_hint), TRUE);
  place_hint (self);
}

static void
show_hint (GlossWindow *self,
           gboolean     shown)
{
  if (!shown)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->relation_hint), FALSE);
      return;
    }
  /* Translators: shown above the text after R, while the span a relation
   * goes to is awaited; F8 and Enter are keys */
  set_hint (self, _("Click the target span, or F8 and Enter · Esc cancels"));
}

static void
update_relation_actions (GlossWindow *self)
{
  gboolean selected = gloss_document_view_get_selected_relation (self->document_view) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-relation", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-relation-type", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-relation-note", selected);
}

/* The Relations list shows while the open document has relations. */
static void
update_relations_list (GlossWindow *self)
{
  GListModel *relations = gloss_document_view_get_relations (self->document_view);
  guint n = g_list_model_get_n_items (relations);
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->relations_box, n > 0);
  /* Translators: the Relations list's title, with how many there are */
  title = g_strdup_printf (_("Relations (%u)"), n);
  _gloss_window_set_annotation_title (self, self->relations_box, title);
}

void
_gloss_window_reload_relation_labels (GlossWindow *self)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;

  labels = gloss_store_list_relation_labels (self->store, &error);
  if (labels == NULL)
    {
      show_error (self, error);
      return;
    }

  g_list_store_splice (self->relation_labels, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->relation_labels)),
                       labels->pdata, labels->len);
  gloss_document_view_set_relation_labels (self->document_view, labels);
  /* The rows name the labels. */
  {
    GListModel *relations = gloss_document_view_get_relations (self->document_view);
    guint n = g_list_model_get_n_items (relations);

    g_list_model_items_changed (relations, 0, n, n);
  }
}

/* What the relation popover is open for. */
typedef enum
{
  POPOVER_NEW_RELATION,
  POPOVER_RELABEL,
} PopoverPurpose;

static void
create_relation (GlossWindow *self,
                 gint64       label_id)
{
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator = _gloss_window_dup_annotator (self);
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);

  if (document_id == 0 || self->relation_from_id == 0 || self->relation_to_id == 0)
    return;

  relation = gloss_store_add_relation (self->store, document_id, label_id, self->relation_from_id,
                                       self->relation_to_id, annotator, NULL, &error);
  self->relation_from_id = self->relation_to_id = 0;
  if (relation == NULL)
    {
      show_error (self, error);
      return;
    }

  /* The store's signal showed it already. */
  gloss_document_view_select_relation (self->document_view, relation);
}

static void
relabel_selected_relation (GlossWindow *self,
                           gint64       label_id)
{
  GlossRelation *selected = gloss_document_view_get_selected_relation (self->document_view);
  g_autoptr(GlossRelation) relabeled = NULL;
  g_autoptr(GError) error = NULL;

  if (selected == NULL || gloss_relation_get_label_id (selected) == label_id)
    return;

  relabeled = gloss_store_relabel_relation (self->store, gloss_relation_get_id (selected), label_id,
                                            &error);
  if (relabeled == NULL)
    show_error (self, error);
}

static void
on_relation_label_chosen_cb (GlossWindow       *self,
                             gint64             label_id,
                             GlossLabelPopover *popover)
{
  if (self->relation_popover_purpose == POPOVER_NEW_RELATION)
    create_relation (self, label_id);
  else
    relabel_selected_relation (self, label_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
on_relation_popover_closed_cb (GlossWindow *self,
                               GtkPopover  *popover)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The ends stay until the next request: the popover closes before it
   * says which type was chosen. */
  if (focus == NULL || focus == GTK_WIDGET (popover) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
show_relation_popover (GlossWindow        *self,
                       PopoverPurpose      purpose,
                       const GdkRectangle *rect)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->relation_labels)) == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Add a relation label first (Edit Labels)")));
      self->relation_from_id = self->relation_to_id = 0;
      return;
    }

  /* Made the first time: the label popover's list, of relation labels. */
  if (self->relation_popover == NULL)
    {
      self->relation_popover = gloss_label_popover_new (G_LIST_MODEL (self->relation_labels));
      gloss_label_popover_set_placeholder (GLOSS_LABEL_POPOVER (self->relation_popover),
                                           _("Relation…"));
      gloss_label_popover_set_keys_pick (GLOSS_LABEL_POPOVER (self->relation_popover), TRUE);
      gloss_document_view_adopt_popover (self->document_view,
                                         GTK_POPOVER (self->relation_popover));
      g_signal_connect_object (self->relation_popover, "label-chosen",
                               G_CALLBACK (on_relation_label_chosen_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->relation_popover, "closed",
                               G_CALLBACK (on_relation_popover_closed_cb), self, G_CONNECT_SWAPPED);
    }

  self->relation_popover_purpose = purpose;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->relation_popover), rect);
  gtk_popover_popup (GTK_POPOVER (self->relation_popover));
}

/* A target was picked (a click after R, or the end of a Ctrl+drag): the
 * type next. */
static void
on_relation_requested_cb (GlossWindow       *self,
                          GlossSpan         *from,
                          GlossSpan         *to,
                          GlossDocumentView *view)
{
  GdkRectangle rect;

  show_hint (self, FALSE);
  self->relation_from_id = gloss_span_get_id (from);
  self->relation_to_id = gloss_span_get_id (to);
  gloss_document_view_get_span_rect (view, to, &rect);
  show_relation_popover (self, POPOVER_NEW_RELATION, &rect);
}

static void
start_relation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *from = gloss_document_view_get_selected_span (self->document_view);

  if (from == NULL)
    return;

  gloss_document_view_start_relation (self->document_view, from);
  show_hint (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

/* The source picked as its own target: said in the hint, which stays, as
 * the view waits on for a target. */
static void
on_target_refused_cb (GlossWindow       *self,
                      GlossSpan         *span,
                      GlossDocumentView *view)
{
  set_hint (self,
            /* Translators: shown above the text when the span a relation
             * starts from was clicked as its target */
            _("A span cannot be related to itself · Click another span, or F8 and Enter · "
              "Esc cancels"));
}

/* F8 and Shift+F8 while a target is awaited: the candidate target. */
static void
step_target_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_document_view_step_relation_target (self->document_view,
                                                g_str_equal (action_name, "win.next-target")
                                                ? 1 : -1))
    show_hint (self, TRUE);
  else
    /* Translators: shown above the text when F8 finds no span but the
     * one a relation starts from */
    set_hint (self, _("No other span to relate to · Esc cancels"));
}

/* Enter: the candidate target taken, then its type, as after a click. */
static void
pick_target_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_document_view_pick_relation_target (self->document_view);
}

static void
cancel_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_document_view_cancel_relation (self->document_view);
  show_hint (self, FALSE);
}

static void
delete_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossRelation *selected = gloss_document_view_get_selected_relation (self->document_view);
  g_autoptr(GError) error = NULL;

  if (selected == NULL)
    return;

  if (!gloss_store_delete_relation (self->store, gloss_relation_get_id (selected), &error))
    show_error (self, error);
}

/* Where a popover or menu about the selected relation points: its label,
 * or its first span. */
static void
get_selected_relation_rect (GlossWindow  *self,
                            GdkRectangle *rect)
{
  GlossRelation *selected = gloss_document_view_get_selected_relation (self->document_view);
  GListModel *spans = gloss_document_view_get_spans (self->document_view);

  *rect = (GdkRectangle) { 0, 0, 1, 1 };
  if (selected == NULL ||
      gloss_document_view_get_relation_rect (self->document_view, selected, rect))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      if (gloss_span_get_id (span) == gloss_relation_get_from_id (selected))
        {
          gloss_document_view_get_span_rect (self->document_view, span, rect);
          return;
        }
    }
}

static void
change_relation_type_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GdkRectangle rect;

  if (gloss_document_view_get_selected_relation (self->document_view) == NULL)
    return;

  get_selected_relation_rect (self, &rect);
  show_relation_popover (self, POPOVER_RELABEL, &rect);
}

typedef struct
{
  GWeakRef window;
  GtkEditable *entry;
  gint64 relation_id;
} NoteDialog;

static void
note_dialog_free (gpointer  data,
                  GClosure *closure)
{
  NoteDialog *note = data;

  g_weak_ref_clear (&note->window);
  g_free (note);
}

static void
on_note_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NoteDialog       *note)
{
  g_autoptr(GlossWindow) self = g_weak_ref_get (&note->window);
  g_autoptr(GlossRelation) noted = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || !g_str_equal (response, "save"))
    return;

  noted = gloss_store_set_relation_note (self->store, note->relation_id,
                                         gtk_editable_get_text (note->entry), &error);
  if (noted == NULL)
    show_error (self, error);
}

/* The relation's note, in a dialog: a relation has no inspector. */
static void
edit_relation_note_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossRelation *selected = gloss_document_view_get_selected_relation (self->document_view);
  GtkWidget *dialog, *entry;
  NoteDialog *note;

  if (selected == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Note on the Relation"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), gloss_relation_get_note (selected));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");

  note = g_new0 (NoteDialog, 1);
  g_weak_ref_init (&note->window, self);
  note->entry = GTK_EDITABLE (entry);
  note->relation_id = gloss_relation_get_id (selected);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_note_response_cb), note,
                         note_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_relation_menu (GlossWindow        *self,
                    GtkWidget         **menu,
                    GtkWidget          *parent,
                    const GdkRectangle *rect)
{
  if (*menu == NULL)
    {
      *menu = gtk_popover_menu_new_from_model (self->relation_menu_model);
      set_popover_parent (self, GTK_POPOVER (*menu), parent);
      gtk_popover_set_has_arrow (GTK_POPOVER (*menu), FALSE);
      gtk_widget_set_halign (*menu, GTK_ALIGN_START);
      /* So that the click after it is not lost (gloss-popovers.c). */
      gloss_popover_release_when_closed (GTK_POPOVER (*menu));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (*menu), rect);
  gtk_popover_popup (GTK_POPOVER (*menu));
}

static void
relation_menu_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GdkRectangle rect;

  get_selected_relation_rect (self, &rect);
  show_relation_menu (self, &self->text_relation_menu, GTK_WIDGET (self->document_view), &rect);
}

/* A right click on an arc: its relation, selected, and its menu. */
gboolean
_gloss_window_relation_right_click (GlossWindow *self,
                                    double       x,
                                    double       y)
{
  GlossRelation *relation = gloss_document_view_get_relation_at_point (self->document_view, x, y);
  GdkRectangle rect = { x, y, 1, 1 };

  if (relation == NULL)
    return FALSE;

  gloss_document_view_select_relation (self->document_view, relation);
  show_relation_menu (self, &self->text_relation_menu, GTK_WIDGET (self->document_view), &rect);
  return TRUE;
}

/* Whether the text key for ACTION (one of this file's) applies now. */
gboolean
_gloss_window_relation_key_applies (GlossWindow *self,
                                    const char  *action)
{
  if (g_str_equal (action, "win.start-relation"))
    return gloss_document_view_get_selected_span (self->document_view) != NULL;
  if (g_str_equal (action, "win.cancel-relation") || g_str_equal (action, "win.next-target") ||
      g_str_equal (action, "win.previous-target"))
    return gloss_document_view_is_picking_target (self->document_view);
  if (g_str_equal (action, "win.pick-target"))
    return gloss_document_view_get_relation_target (self->document_view) != NULL;
  if (g_str_equal (action, "win.delete-relation") || g_str_equal (action, "win.relation-menu"))
    return gloss_document_view_get_selected_relation (self->document_view) != NULL;
  return FALSE;
}

/* A relation label's key, typed with a relation selected, relabels it. */
gboolean
_gloss_window_relation_label_key (GlossWindow *self,
                                  const char  *typed)
{
  GListModel *labels = G_LIST_MODEL (self->relation_labels);

  if (gloss_document_view_get_selected_relation (self->document_view) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GlossRelationLabel) label = g_list_model_get_item (labels, i);

      if (g_str_equal (gloss_relation_label_get_hotkey (label), typed))
        {
          relabel_selected_relation (self, gloss_relation_label_get_id (label));
          return TRUE;
        }
    }

  return FALSE;
}

/* The rows a transaction changed, undo and redo included: the relations
 * of the open document among them go to the view as they are now. The
 * span signals came first, so a relation's spans are there already. */
static void
on_changes_committed_cb (GlossWindow *self,
                         GPtrArray   *journal,
                         GlossStore  *store)
{
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);
  gboolean changed = FALSE;

  for (guint i = 0; i < journal->len; i++)
    {
      GlossChange *change = g_ptr_array_index (journal, i);
      GObject *row = change->after != NULL ? change->after : change->before;

      if (!GLOSS_IS_RELATION (row) ||
          gloss_relation_get_document_id (GLOSS_RELATION (row)) != document_id)
        continue;

      if (change->after == NULL)
        changed |= gloss_document_view_remove_relation (self->document_view,
                                                        GLOSS_RELATION (change->before));
      else if (change->before == NULL)
        changed |= gloss_document_view_add_relation (self->document_view,
                                                     GLOSS_RELATION (change->after));
      else
        {
          gloss_document_view_replace_relation (self->document_view,
                                                GLOSS_RELATION (change->after));
          changed = TRUE;
        }
    }

  if (changed)
    update_relations_list (self);
}

static void
on_selected_relation_changed_cb (GlossWindow       *self,
                                 GParamSpec        *pspec,
                                 GlossDocumentView *view)
{
  GlossRelation *selected = gloss_document_view_get_selected_relation (view);
  guint position = GTK_INVALID_LIST_POSITION;

  update_relation_actions (self);
  if (selected != NULL)
    gloss_document_view_find_relation (view, selected, &position);
  gtk_single_selection_set_selected (self->relation_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->relation_list_view), "list.scroll-to-item", "u",
                                position);
}

/* As for spans (on_span_row_selected_cb ()): the list's selection, by a
 * click or the keys, is the text's. */
static void
on_relation_row_selected_cb (GlossWindow        *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  GlossRelation *relation = gtk_single_selection_get_selected_item (selection);

  if (relation != NULL && relation != gloss_document_view_get_selected_relation (self->document_view))
    gloss_document_view_select_relation (self->document_view, relation);
}

static void
on_relation_activated_cb (GlossWindow *self,
                          guint        position,
                          GtkListView *list_view)
{
  /* POSITION is the row's: the rows hold only the relations whose spans
   * are shown yet. */
  g_autoptr(GlossRelation) relation =
    g_list_model_get_item (gloss_document_view_get_relation_rows (self->document_view), position);

  /* The focus stays on the row, so that Delete and the keys go on from
   * the list. */
  gloss_document_view_select_relation (self->document_view, relation);
}

/* A right click on a relation's row selects it and offers its menu. */
static void
on_relation_row_menu_requested_cb (GlossWindow      *self,
                                   double            x,
                                   double            y,
                                   GlossRelationRow *row)
{
  GtkWidget *list = GTK_WIDGET (self->relation_list_view);
  GdkRectangle rect = { 0, 0, 1, 1 };
  double list_x, list_y;

  gloss_document_view_select_relation (self->document_view, gloss_relation_row_get_relation (row));
  if (gtk_widget_translate_coordinates (GTK_WIDGET (row), list, x, y, &list_x, &list_y))
    rect = (GdkRectangle) { list_x, list_y, 1, 1 };
  show_relation_menu (self, &self->list_relation_menu, list, &rect);
}

static void
setup_relation_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       GlossWindow              *self)
{
  GtkWidget *row = gloss_relation_row_new ();

  g_signal_connect_object (row, "menu-requested", G_CALLBACK (on_relation_row_menu_requested_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

/* The text of span SPAN_ID, when it is paged in. */
static char *
dup_span_text (GlossWindow *self,
               gint64       span_id)
{
  GlossSpan *span = gloss_document_view_lookup_span (self->document_view, span_id);

  return span != NULL ? gloss_document_view_dup_span_text (self->document_view, span)
                      : g_strdup ("…");
}

/* Fills ITEM's row with its relation, the texts of the spans paged in so
 * far ("…" for the others). */
static void
show_relation_row (GlossWindow *self,
                   GtkListItem *item)
{
  GlossRelation *relation = gtk_list_item_get_item (item);
  g_autofree char *from = dup_span_text (self, gloss_relation_get_from_id (relation));
  g_autofree char *to = dup_span_text (self, gloss_relation_get_to_id (relation));
  GlossRelationLabel *label =
    gloss_document_view_lookup_relation_label (self->document_view,
                                               gloss_relation_get_label_id (relation));

  gloss_relation_row_set_relation (GLOSS_RELATION_ROW (gtk_list_item_get_child (item)), relation,
                                   label, from, to);
}

static gboolean
relation_spans_paged_in (GlossWindow   *self,
                         GlossRelation *relation)
{
  return gloss_document_view_lookup_span (self->document_view,
                                          gloss_relation_get_from_id (relation)) != NULL &&
         gloss_document_view_lookup_span (self->document_view,
                                          gloss_relation_get_to_id (relation)) != NULL;
}

static void
bind_relation_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      GlossWindow              *self)
{
  GlossRelation *relation = gtk_list_item_get_item (item);

  show_relation_row (self, item);
  if (!relation_spans_paged_in (self, relation))
    {
      gint64 id = gloss_relation_get_id (relation);

      g_hash_table_insert (self->relation_rows_waiting, g_memdup2 (&id, sizeof id), item);
    }
}

static void
unbind_relation_row_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        GlossWindow              *self)
{
  GlossRelation *relation = gtk_list_item_get_item (item);
  gint64 id;

  /* The list goes after the window's own parts when it closes. */
  if (relation == NULL || self->relation_rows_waiting == NULL)
    return;
  id = gloss_relation_get_id (relation);
  if (g_hash_table_lookup (self->relation_rows_waiting, &id) == item)
    g_hash_table_remove (self->relation_rows_waiting, &id);
}

/* A page of spans came: the rows that named a span not paged in yet
 * ("…") say it now, in place. Telling the list that their items changed
 * instead had GTK 4.8 bind a dozen rows again for each, and retitle the
 * Relations list, hundreds of times a page: most of a page's time. */
static void
on_spans_paged_cb (GlossWindow       *self,
                   GPtrArray         *added,
                   GlossDocumentView *view)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->relation_rows_waiting);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    {
      GlossRelation *relation = gtk_list_item_get_item (item);

      if (relation != NULL && !relation_spans_paged_in (self, relation))
        continue;

      g_hash_table_iter_remove (&iter);
      if (relation != NULL)
        show_relation_row (self, item);
    }
}

static void
on_document_view_relations_changed_cb (GlossWindow *self)
{
  update_relations_list (self);
}

/* The keys and the actions, on the class. The keys themselves are text
 * keys (gloss-window-actions.c), taken only while they apply. */
void
_gloss_window_class_relations_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-relation", NULL, start_relation_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-relation", NULL,
                                   cancel_relation_action);
  gtk_widget_class_install_action (widget_class, "win.next-target", NULL, step_target_action);
  gtk_widget_class_install_action (widget_class, "win.previous-target", NULL, step_target_action);
  gtk_widget_class_install_action (widget_class, "win.pick-target", NULL, pick_target_action);
  gtk_widget_class_install_action (widget_class, "win.delete-relation", NULL,
                                   delete_relation_action);
  gtk_widget_class_install_action (widget_class, "win.change-relation-type", NULL,
                                   change_relation_type_action);
  gtk_widget_class_install_action (widget_class, "win.edit-relation-note", NULL,
                                   edit_relation_note_action);
  gtk_widget_class_install_action (widget_class, "win.relation-menu", NULL, relation_menu_action);
}

void
_gloss_window_relations_init (GlossWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GListModel *relations = gloss_document_view_get_relations (self->document_view);
  GListModel *rows = gloss_document_view_get_relation_rows (self->document_view);
  GtkEventController *motion;

  self->relation_labels = g_list_store_new (GLOSS_TYPE_RELATION_LABEL);
  self->relation_rows_waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_text_pointer_motion_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_text_pointer_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (gtk_widget_get_parent (GTK_WIDGET (self->relation_hint)), motion);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_relation_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_relation_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_relation_row_cb), self);
  self->relation_selection = gtk_single_selection_new (g_object_ref (rows));
  gtk_single_selection_set_autoselect (self->relation_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->relation_selection, TRUE);
  gtk_single_selection_set_selected (self->relation_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_factory (self->relation_list_view, factory);
  gtk_list_view_set_model (self->relation_list_view,
                           GTK_SELECTION_MODEL (self->relation_selection));

  g_signal_connect_object (self->relation_list_view, "activate",
                           G_CALLBACK (on_relation_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->relation_selection, "notify::selected",
                           G_CALLBACK (on_relation_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "relation-requested",
                           G_CALLBACK (on_relation_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "target-refused",
                           G_CALLBACK (on_target_refused_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "notify::selected-relation",
                           G_CALLBACK (on_selected_relation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "spans-paged",
                           G_CALLBACK (on_spans_paged_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (relations, "items-changed",
                           G_CALLBACK (on_document_view_relations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_relation_actions (self);
  update_relations_list (self);
}

/* Once the window has its store. */
void
_gloss_window_relations_constructed (GlossWindow *self)
{
  g_signal_connect_object (self->store, "changes-committed", G_CALLBACK (on_changes_committed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "relation-labels-changed",
                           G_CALLBACK (_gloss_window_reload_relation_labels), self,
                           G_CONNECT_SWAPPED);
  _gloss_window_reload_relation_labels (self);
}

void
_gloss_window_relations_dispose (GlossWindow *self)
{
  g_clear_pointer (&self->relation_popover, gtk_widget_unparent);
  g_clear_pointer (&self->text_relation_menu, gtk_widget_unparent);
  g_clear_pointer (&self->list_relation_menu, gtk_widget_unparent);
  g_clear_object (&self->relation_selection);
  g_clear_object (&self->relation_labels);
  g_clear_pointer (&self->relation_rows_waiting, g_hash_table_unref);
}
