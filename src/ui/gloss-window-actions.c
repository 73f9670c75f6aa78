/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the user does in a GlossWindow: its actions (win.*), the keys that
 * act in the text and the lists, and the menus and popovers they open.
 * Each turns a gesture into a store call; the window follows the store's
 * signals to show the result (gloss-window.c). */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-dialog.h"
#include "gloss-label-editor.h"
#include "gloss-label-popover.h"
#include "gloss-late-tooltips.h"
#include "gloss-popovers.h"
#include "gloss-project.h"
#include "gloss-window-private.h"

/* The name stored on the spans and relations this window creates. */
char *
_gloss_window_dup_annotator (GlossWindow *self)
{
  g_autofree char *annotator = g_settings_get_string (self->settings, "annotator");

  if (annotator[0] == '\0')
    return gloss_project_default_annotator ();

  return g_steal_pointer (&annotator);
}

/* Labels START-END of the open document when HAS_RANGE, else relabels the
 * selected span. */
static void
apply_label_to (GlossWindow *self,
                gint64       label_id,
                gboolean     has_range,
                gint64       start,
                gint64       end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) span = NULL;
  GlossSpan *selected = gloss_document_view_get_selected_span (self->document_view);
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);

  if (document_id == 0)
    return;

  if (has_range)
    {
      g_autofree char *annotator = _gloss_window_dup_annotator (self);
      GlossSpan *same = gloss_document_view_find_span_like (self->document_view, start, end,
                                                            label_id);

      /* A second span of the same label on the same characters adds
       * nothing but a duplicate row in every export, as Label All knows. */
      if (same != NULL)
        {
          GlossLabel *label = _gloss_window_find_label (self, label_id, NULL);
          g_autofree char *message = NULL;

          gloss_document_view_select_span (self->document_view, same);
          /* Translators: the label's name */
          message = g_strdup_printf (_("Already labeled “%s”"),
                                     label != NULL ? gloss_label_get_name (label) : "");
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
          return;
        }

      /* The new span will be selected, with the cursor at its end. */
      gloss_document_view_place_cursor (self->document_view, end);
      span = gloss_store_add_span (self->store, document_id, label_id, start, end, annotator,
                                   NULL, &error);
      if (span != NULL)
        gloss_document_view_select_span (self->document_view, span);
      else
        gloss_document_view_select_range (self->document_view, start, end);
    }
  else if (selected != NULL)
    {
      if (gloss_span_get_label_id (selected) == label_id)
        return;
      span = gloss_store_relabel_span (self->store, gloss_span_get_id (selected), label_id,
                                       &error);
    }
  else
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select some text to label first")));
      return;
    }

  if (span == NULL)
    show_error (self, error);
}

/* Labels the selected text, or relabels the selected span. */
static void
apply_label (GlossWindow *self,
             gint64       label_id)
{
  gint64 start, end;
  gboolean has_range = gloss_document_view_get_selected_range (self->document_view, &start, &end);

  apply_label_to (self, label_id, has_range, start, end);
}

static void
apply_label_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  apply_label (GLOSS_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
delete_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossSpan *selected = gloss_document_view_get_selected_span (self->document_view);
  GListModel *spans = gloss_document_view_get_spans (self->document_view);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GError) error = NULL;
  guint position;
  gboolean from_list;

  if (selected == NULL)
    return;

  /* Deleting from the list walks down it: the next span takes the row,
   * selected, so that Delete again deletes it. */
  from_list = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->span_list_view)) &&
              gloss_document_view_find_span (self->document_view, selected, &position);

  if (!gloss_store_delete_span (self->store, gloss_span_get_id (selected), &error))
    {
      show_error (self, error);
      return;
    }

  if (from_list && g_list_model_get_n_items (spans) > 0)
    {
      g_autoptr(GlossSpan) next = g_list_model_get_item (spans, MIN (position,
                                                                     g_list_model_get_n_items (spans) - 1));

      gloss_document_view_select_span (self->document_view, next);
    }
}

/* A toast is as wide as its text up to about 60 characters; a name longer
 * than this is shortened. */
#define TOAST_NAME_CHARS 40

/* DOCUMENT's name for a toast's title: shortened in its middle, so that
 * the words around it stay in view, and escaped, a title being markup. */
static char *
toast_document_name (GlossDocument *document)
{
  const char *name = gloss_document_get_name (document);
  glong length = g_utf8_strlen (name, -1);

  if (length > TOAST_NAME_CHARS)
    {
      g_autofree char *head = g_utf8_substring (name, 0, TOAST_NAME_CHARS / 2);
      g_autofree char *tail = g_utf8_substring (name, length - TOAST_NAME_CHARS / 2, length);
      g_autofree char *shortened = g_strconcat (head, "…", tail, NULL);

      return g_markup_escape_text (shortened, -1);
    }

  return g_markup_escape_text (name, -1);
}

/* The documents a step's changes belong to: whether the open one is among
 * them, and another that is. */
typedef struct
{
  gint64 open;
  gboolean in_open;
  gint64 other;
} StepDocuments;

static void
on_step_committed_cb (GlossStore    *store,
                      GPtrArray     *changes,
                      StepDocuments *documents)
{
  for (guint i = 0; i < changes->len; i++)
    {
      GlossChange *change = g_ptr_array_index (changes, i);
      GObject *row = change->after != NULL ? change->after : change->before;
      gint64 document_id = 0;

      if (GLOSS_IS_SPAN (row))
        document_id = gloss_span_get_document_id (GLOSS_SPAN (row));
      else if (GLOSS_IS_RELATION (row))
        document_id = gloss_relation_get_document_id (GLOSS_RELATION (row));
      else if (GLOSS_IS_DOCUMENT_CATEGORY (row))
        document_id = gloss_document_category_get_document_id (GLOSS_DOCUMENT_CATEGORY (row));
      else if (GLOSS_IS_DOCUMENT (change->after))
        document_id = gloss_document_get_id (GLOSS_DOCUMENT (change->after));

      if (document_id == documents->open)
        documents->in_open = TRUE;
      else if (document_id != 0 && documents->other == 0)
        documents->other = document_id;
    }
}

/* Undo and redo take the project's steps in order, whatever document
 * each was made in: a step that changes only another document opens it,
 * so that what changes is on the screen, and says so. */
static void
take_step (GlossWindow *self,
           gboolean     undo)
{
  StepDocuments documents = { gloss_document_view_get_document_id (self->document_view) };
  g_autoptr(GError) error = NULL;
  gulong handler;
  gboolean done;

  handler = g_signal_connect (self->store, "changes-committed",
                              G_CALLBACK (on_step_committed_cb), &documents);
  done = undo ? gloss_history_undo (self->history, &error)
              : gloss_history_redo (self->history, &error);
  g_signal_handler_disconnect (self->store, handler);

  if (!done)
    {
      show_error (self, error);
      return;
    }

  if (!documents.in_open && documents.other != 0 &&
      _gloss_window_show_document (self, documents.other))
    {
      g_autoptr(GlossDocument) document = gloss_store_get_document (self->store, documents.other,
                                                                    NULL);
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (document == NULL)
        return;
      name = toast_document_name (document);
      /* Translators: %s is a document's name. */
      message = g_strdup_printf (undo ? _("Undone in “%s”") : _("Redone in “%s”"), name);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  take_step (GLOSS_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  take_step (GLOSS_WINDOW (widget), FALSE);
}

/* Shows TOAST with an Undo for the step just done. Its Undo undoes the
 * newest step, so the toast goes as soon as another step comes (or this one
 * is undone): left up, it would undo what it does not name. */
static void
show_undo_toast (GlossWindow *self,
                 AdwToast    *toast)
{
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_gloss_window_update_history_actions (GlossWindow *self)
{
  /* The history changed: the shown Undo no longer matches its toast. */
  if (self->undo_toast != NULL)
    {
      adw_toast_dismiss (self->undo_toast);
      g_clear_weak_pointer (&self->undo_toast);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 gloss_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 gloss_history_can_redo (self->history));
}

static void
next_span_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_document_view_select_adjacent_span (self->document_view,
                                            g_str_equal (action_name, "win.next-span") ? 1 : -1);
}

void
_gloss_window_set_current_status (GlossWindow         *self,
                    GlossDocumentStatus  status)
{
  g_autoptr(GError) error = NULL;
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);

  if (document_id != 0 && !gloss_store_set_document_status (self->store, document_id, status, &error))
    show_error (self, error);
}

/* Done, or back to in progress (new if it has no spans). */
static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossDocument) document = _gloss_window_get_current_document (self);

  if (document == NULL)
    return;

  if (gloss_document_get_status (document) != GLOSS_DOCUMENT_STATUS_DONE)
    _gloss_window_set_current_status (self, GLOSS_DOCUMENT_STATUS_DONE);
  else if (gloss_document_get_span_count (document) > 0)
    _gloss_window_set_current_status (self, GLOSS_DOCUMENT_STATUS_IN_PROGRESS);
  else
    _gloss_window_set_current_status (self, GLOSS_DOCUMENT_STATUS_NEW);
}

static gboolean
select_document_position (GlossWindow *self,
                          guint        position)
{
  gtk_single_selection_set_selected (self->document_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->document_list_view), "list.scroll-to-item", "u",
                              position);
  return TRUE;
}

/* The next document in the list that is not done, wrapping around. */
static void
next_unfinished_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GListModel *documents = G_LIST_MODEL (self->documents);
  guint n_documents = g_list_model_get_n_items (documents);
  guint current = gtk_single_selection_get_selected (self->document_selection);

  for (guint step = 1; step <= n_documents; step++)
    {
      guint position = current == GTK_INVALID_LIST_POSITION ? step - 1
                                                            : (current + step) % n_documents;
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, position);

      if (document != NULL && gloss_document_get_status (document) != GLOSS_DOCUMENT_STATUS_DONE &&
          position != current)
        {
          select_document_position (self, position);
          return;
        }
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Every other document is done")));
}

/* The Rename Document dialog: the document it renames, the field with the
 * new name, and the window that shows what went wrong. */
typedef struct
{
  GWeakRef window;
  GtkEditable *entry;   /* the dialog's */
  gint64 document_id;
} RenameDialog;

static void
rename_dialog_free (gpointer data,
                    GClosure *closure)
{
  RenameDialog *rename = data;

  g_weak_ref_clear (&rename->window);
  g_free (rename);
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RenameDialog     *rename)
{
  g_autoptr(GlossWindow) self = g_weak_ref_get (&rename->window);
  g_autoptr(GError) error = NULL;

  if (self == NULL || !g_str_equal (response, "rename"))
    return;

  if (!gloss_store_rename_document (self->store, rename->document_id,
                                    gtk_editable_get_text (rename->entry), &error))
    show_error (self, error);
}

/* Asks for DOCUMENT's new name; the store gets it when the user says
 * Rename. */
static void
show_rename_dialog (GlossWindow   *self,
                    GlossDocument *document)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Document"), NULL);
  GtkWidget *entry = gtk_entry_new ();
  RenameDialog *rename = g_new0 (RenameDialog, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), gloss_document_get_name (document));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");

  g_weak_ref_init (&rename->window, self);
  rename->entry = GTK_EDITABLE (entry);
  rename->document_id = gloss_document_get_id (document);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response_cb), rename,
                         rename_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossDocument) document = _gloss_window_get_current_document (self);

  if (document != NULL)
    show_rename_dialog (self, document);
}

/* Deleted at once, as every action is; the toast's Undo brings it back. */

static void
delete_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossDocument) document = _gloss_window_get_current_document (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (document == NULL)
    return;

  if (!gloss_store_delete_document (self->store, gloss_document_get_id (document), &error))
    {
      show_error (self, error);
      return;
    }

  escaped = toast_document_name (document);
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  show_undo_toast (self, adw_toast_new (title));
}

/* The list labels the text that was selected when it opened: the text
 * view's selection may be gone by the time a label is chosen (another
 * client taking the X primary selection unselects it). */
static void
on_label_chosen_cb (GlossWindow       *self,
                    gint64             label_id,
                    GlossLabelPopover *popover)
{
  gboolean same_document = self->label_popover_document_id ==
                           gloss_document_view_get_document_id (self->document_view);

  if (self->label_popover_has_range && same_document)
    apply_label_to (self, label_id, TRUE, self->label_popover_start, self->label_popover_end);
  else if (same_document)
    apply_label (self, label_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

/* A closed popover gives the focus back to where it was opened from: GTK
 * does so too, but not every time, and a focus left in the hidden label
 * field would take every key after it. */
static void
on_popover_closed_cb (GtkPopover *popover,
                      GtkWidget  *back_to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (popover));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || focus == GTK_WIDGET (popover) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (back_to);
}

static void
show_label_popover (GlossWindow *self)
{
  gint64 start, end;
  gboolean has_range = gloss_document_view_get_selected_range (self->document_view, &start, &end);

  if (gloss_document_view_get_selected_span (self->document_view) == NULL && !has_range)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select some text to label first")));
      return;
    }

  /* Made the first time: most sessions label with keys and clicks. */
  if (self->label_popover == NULL)
    {
      self->label_popover = gloss_label_popover_new (G_LIST_MODEL (self->labels));
      gloss_document_view_adopt_popover (self->document_view, GTK_POPOVER (self->label_popover));
      g_signal_connect_object (self->label_popover, "label-chosen",
                               G_CALLBACK (on_label_chosen_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->label_popover, "closed", G_CALLBACK (on_popover_closed_cb),
                               self->document_view, 0);
      gloss_late_tooltips_hide_while_open (GTK_WIDGET (self->document_view),
                                           GTK_POPOVER (self->label_popover));
    }

  self->label_popover_document_id = gloss_document_view_get_document_id (self->document_view);
  self->label_popover_has_range = has_range;
  self->label_popover_start = has_range ? start : 0;
  self->label_popover_end = has_range ? end : 0;

  gloss_document_view_point_at_selection (self->document_view, GTK_POPOVER (self->label_popover),
                                          NULL);
  gtk_popover_popup (GTK_POPOVER (self->label_popover));
}

static void
label_popover_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_label_popover (GLOSS_WINDOW (widget));
}

/* The span's menu (Change Label, Add Note, Remove Span), one for the text
 * and one for the Spans list, each made the first time and pointing at
 * RECT of its parent. */
static void
show_span_menu (GlossWindow        *self,
                GtkWidget         **menu,
                GtkWidget          *parent,
                const GdkRectangle *rect)
{
  if (*menu == NULL)
    {
      *menu = gtk_popover_menu_new_from_model (self->span_menu);
      set_popover_parent (self, GTK_POPOVER (*menu), parent);
      gtk_popover_set_has_arrow (GTK_POPOVER (*menu), FALSE);
      gtk_widget_set_halign (*menu, GTK_ALIGN_START);
      g_signal_connect_object (*menu, "closed", G_CALLBACK (on_popover_closed_cb), parent, 0);
      /* A span's tooltip, shown as the pointer rested on it, would stay
       * over the menu of that span. */
      gloss_late_tooltips_hide_while_open (parent, GTK_POPOVER (*menu));
      gloss_popover_release_when_closed (GTK_POPOVER (*menu));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (*menu), rect);
  gtk_popover_popup (GTK_POPOVER (*menu));
}

/* What the context menu key and a right click offer: the span's menu for
 * a selected span, the labels for selected text. */
static void
show_text_context_menu (GlossWindow        *self,
                        const GdkRectangle *at)
{
  GdkRectangle rect;

  if (gloss_document_view_get_selected_span (self->document_view) == NULL)
    {
      show_label_popover (self);
      return;
    }

  if (at != NULL)
    rect = *at;
  else
    gloss_document_view_get_selection_rect (self->document_view, &rect);
  show_span_menu (self, &self->text_span_menu, GTK_WIDGET (self->document_view), &rect);
  /* Where it opened, and at the span once the text moves. */
  gloss_document_view_point_at_selection (self->document_view, GTK_POPOVER (self->text_span_menu),
                                          &rect);
}

/* Points the list's menu at its focused row, or its top. */
static void
show_list_context_menu (GlossWindow *self)
{
  GtkWidget *list = GTK_WIDGET (self->span_list_view);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GdkRectangle rect = { 0, 0, gtk_widget_get_width (list), 1 };
  graphene_rect_t bounds;

  if (focus != NULL && focus != list && gtk_widget_is_ancestor (focus, list) &&
      gtk_widget_compute_bounds (focus, list, &bounds))
    rect = (GdkRectangle) { bounds.origin.x + 12, bounds.origin.y + bounds.size.height / 2, 1, 1 };

  show_span_menu (self, &self->list_span_menu, list, &rect);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->span_list_view)) &&
      gloss_document_view_get_selected_span (self->document_view) != NULL)
    show_list_context_menu (self);
  else
    show_text_context_menu (self, NULL);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_document_view_get_selected_span (self->document_view) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/* A right click on a span selects it and offers its menu; inside selected
 * text it offers the labels for that text. */
static void
on_text_right_click_cb (GlossWindow     *self,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkGestureClick *gesture)
{
  GdkRectangle rect = { x, y, 1, 1 };
  gint64 offset, start, end;
  GlossSpan *span;
  gboolean on_text;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));

  if (_gloss_window_relation_right_click (self, x, y))
    return;

  on_text = gloss_document_view_get_offset_at_point (self->document_view, x, y, &offset);
  if (on_text && gloss_document_view_get_selected_range (self->document_view, &start, &end) &&
      offset >= start && offset < end)
    {
      show_label_popover (self);
      return;
    }

  /* A right click acts on what is under the pointer: on a span, its menu;
   * elsewhere, never the menu of a span selected before (its Remove Span
   * would remove a span away from the pointer). */
  if (on_text && (span = gloss_document_view_get_span_at (self->document_view, offset)) != NULL)
    {
      gloss_document_view_select_span (self->document_view, span);
      show_text_context_menu (self, &rect);
      return;
    }

  gloss_document_view_select_span (self->document_view, NULL);
  if (on_text)
    gloss_document_view_select_range (self->document_view, offset, offset);
  show_label_popover (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gloss_export_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
edit_labels_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_window_present (gloss_label_editor_new (GTK_WINDOW (self), self->store));
}

static gboolean
focus_is_editable (GlossWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus));
}

/* A label's hotkey is one plain key, taken before the text view sees it but
 * never from a field the user is typing in. */
static gboolean
on_key_pressed_cb (GlossWindow           *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  gunichar typed = gdk_keyval_to_unicode (keyval);
  char typed_utf8[7] = { 0 };

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || typed == 0 ||
      focus_is_editable (self))
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (typed, typed_utf8);
  if (_gloss_window_relation_label_key (self, typed_utf8))
    return GDK_EVENT_STOP;
  for (guint i = 0; i < n_labels; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      if (g_str_equal (gloss_label_get_hotkey (label), typed_utf8))
        {
          apply_label (self, gloss_label_get_id (label));
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_PROPAGATE;
}

/* Keys the window's actions share with the text view (Delete, Menu,
 * Ctrl+Page Down) and other widgets (F8 is a GtkPaned's, Ctrl+Page Down
 * a scrolled window's). Bound on the widget class, they
 * would come after the focused widget's own bindings and lose; taken in
 * the capture phase they win, but only while they apply: otherwise, and in
 * a field or a popover, the key goes on to the focused widget. */
typedef struct
{
  guint keyval;
  GdkModifierType modifiers;
  const char *action;
} GlossTextKey;

static const GlossTextKey text_keys[] = {
  { GDK_KEY_Delete, 0, "win.delete-span" },
  { GDK_KEY_KP_Delete, 0, "win.delete-span" },
  { GDK_KEY_BackSpace, 0, "win.delete-span" },
  { GDK_KEY_Menu, 0, "win.context-menu" },
  { GDK_KEY_F10, GDK_SHIFT_MASK, "win.context-menu" },
  /* While a relation's target is awaited, F8 aims at it instead. */
  { GDK_KEY_F8, 0, "win.next-target" },
  { GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-target" },
  { GDK_KEY_Return, 0, "win.pick-target" },
  { GDK_KEY_KP_Enter, 0, "win.pick-target" },
  { GDK_KEY_F8, 0, "win.next-span" },
  { GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-span" },
  { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-unfinished" },
  /* Relations (gloss-window-relations.c): each only while it applies, so
   * Delete and Menu go on to a selected relation when no span is. */
  { GDK_KEY_r, 0, "win.start-relation" },
  { GDK_KEY_Escape, 0, "win.cancel-relation" },
  { GDK_KEY_Delete, 0, "win.delete-relation" },
  { GDK_KEY_KP_Delete, 0, "win.delete-relation" },
  { GDK_KEY_BackSpace, 0, "win.delete-relation" },
  { GDK_KEY_Menu, 0, "win.relation-menu" },
  { GDK_KEY_F10, GDK_SHIFT_MASK, "win.relation-menu" },
};

static gboolean
text_key_applies (GlossWindow *self,
                  const char  *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean has_document = gloss_document_view_get_document_id (self->document_view) != 0;
  gboolean has_span = gloss_document_view_get_selected_span (self->document_view) != NULL;
  gint64 start, end;

  /* F8 walks the spans from the note too, storing the note typed. */
  if ((g_str_equal (action, "win.next-span") || g_str_equal (action, "win.previous-span")) &&
      focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_entry)))
    return has_document;

  if (focus_is_editable (self) ||
      (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return FALSE;

  if (g_str_has_suffix (action, "-relation") || g_str_has_suffix (action, "-target") ||
      g_str_equal (action, "win.relation-menu"))
    return _gloss_window_relation_key_applies (self, action);
  if (g_str_equal (action, "win.delete-span"))
    return has_span;
  if (g_str_equal (action, "win.context-menu"))
    return has_span || gloss_document_view_get_selected_range (self->document_view, &start, &end);
  if (g_str_equal (action, "win.next-span") || g_str_equal (action, "win.previous-span"))
    return has_document;

  return TRUE;
}

static gboolean
on_text_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  const GlossTextKey *key = user_data;

  if (!text_key_applies (GLOSS_WINDOW (widget), key->action))
    return FALSE;

  return gtk_widget_activate_action (widget, key->action, NULL);
}

static void
add_text_keys (GlossWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (text_keys[i].keyval,
                                                            text_keys[i].modifiers);
      GtkShortcutAction *action = gtk_callback_action_new (on_text_key_cb,
                                                           (gpointer) &text_keys[i], NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
on_label_activated_cb (GlossWindow *self,
                       guint        position,
                       GtkListView *list_view)
{
  g_autoptr(GlossLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels), position);

  apply_label (self, gloss_label_get_id (label));
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
on_span_activated_cb (GlossWindow *self,
                      guint        position,
                      GtkListView *list_view)
{
  GListModel *spans = gloss_document_view_get_spans (self->document_view);
  g_autoptr(GlossSpan) span = g_list_model_get_item (spans, position);

  /* The focus stays on the row, so that the keys (a label's, Delete, F8)
   * go on from the list. */
  gloss_document_view_select_span (self->document_view, span);
}


/* "Labeled 7 matches" and ASIDE (taken): "Labeled 7 matches (2 were
 * labeled already)". */
static void
add_aside (char **message,
           char  *aside)
{
  g_autofree char *so_far = *message;
  g_autofree char *owned = aside;

  /* TRANSLATORS: "Labeled 7 matches" "(2 were labeled already)" */
  *message = g_strdup_printf (C_("label all", "%s (%s)"), so_far, owned);
}

static void
on_label_all_cb (GlossWindow    *self,
                 gint64          label_id,
                 GArray         *ranges,
                 GlossSearchBar *search_bar)
{
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);
  g_autofree char *annotator = _gloss_window_dup_annotator (self);
  g_autofree char *labeled = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) created = NULL;
  g_autoptr(GError) error = NULL;
  guint n_found = ranges->len;
  guint n_skipped = 0, n_inside_words;
  AdwToast *toast;

  if (document_id == 0)
    return;

  /* Find also finds pieces of words; a span is made of whole words when
   * snapping to them is on, as a dragged selection is. RANGES is the
   * bar's copy, ours to narrow. */
  if (g_settings_get_boolean (self->settings, "snap-to-words"))
    {
      g_autofree char *text = gloss_document_view_dup_document_text (self->document_view);

      gloss_search_keep_whole_words (text, ranges);
    }
  n_inside_words = n_found - ranges->len;

  created = gloss_store_add_spans_for_matches (self->store, document_id, label_id, ranges,
                                               annotator, &n_skipped, &error);
  if (created == NULL)
    {
      show_error (self, error);
      return;
    }

  labeled = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Labeled %u match",
                                          "Labeled %u matches", created->len),
                             created->len);
  message = g_steal_pointer (&labeled);
  if (n_skipped > 0)
    add_aside (&message, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u was labeled already",
                                                       "%u were labeled already", n_skipped),
                                          n_skipped));
  if (n_inside_words > 0)
    add_aside (&message, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u inside a word was left",
                                                       "%u inside words were left",
                                                       n_inside_words),
                                          n_inside_words));

  toast = adw_toast_new (message);
  if (created->len > 0)
    show_undo_toast (self, toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_document_view_get_document_id (self->document_view) != 0)
    gloss_search_bar_open (self->search_bar);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gloss_search_bar_next_match (GLOSS_WINDOW (widget)->search_bar);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gloss_search_bar_previous_match (GLOSS_WINDOW (widget)->search_bar);
}

static void
on_project_result_activated_cb (GlossWindow        *self,
                                gint64              document_id,
                                gint64              start,
                                gint64              end,
                                GlossProjectSearch *project_search)
{
  if (gloss_window_reveal_range (self, document_id, start, end))
    gtk_window_present (GTK_WINDOW (self));
}

static void
search_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 start, end;

  if (self->project_search == NULL)
    {
      GtkWidget *project_search = gloss_project_search_new (self->store);

      gtk_window_set_transient_for (GTK_WINDOW (project_search), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (project_search), TRUE);
      g_signal_connect_object (project_search, "result-activated",
                               G_CALLBACK (on_project_result_activated_cb), self,
                               G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->project_search, GLOSS_PROJECT_SEARCH (project_search));
    }

  /* A short selection is what to look for, as with Ctrl+F. */
  if (gloss_document_view_get_selected_range (self->document_view, &start, &end) &&
      end - start <= 200)
    {
      g_autofree char *selected = gloss_document_view_dup_text (self->document_view, start, end);

      if (strchr (selected, '\n') == NULL)
        gloss_project_search_set_query (self->project_search, selected);
    }

  gtk_window_present (GTK_WINDOW (self->project_search));
}

/* GtkShortcutLabel (GTK 4.8) writes Page Up and Page Down as their key
 * names, "Page_Up" and "Page_Down", unless GTK's own translation says
 * otherwise: their keycaps get the words a user reads. */
static void
name_page_keys (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "keycap"))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (g_str_equal (text, "Page_Down"))
        gtk_label_set_label (GTK_LABEL (widget), C_("keyboard label", "Page Down"));
      else if (g_str_equal (text, "Page_Up"))
        gtk_label_set_label (GTK_LABEL (widget), C_("keyboard label", "Page Up"));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_page_keys (child);
}

/* The keyboard shortcuts window, built the first time it is asked for:
 * GtkApplication would build it for every window as it opens (it looks for
 * gtk/help-overlay.ui), 14 ms of every start-up here. */
static void
show_shortcuts_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GlossWindow *self = user_data;

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/glossapp/Gloss/gloss-shortcuts-window.ui");
      GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_transient_for (window, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (window, TRUE);
      gtk_window_set_hide_on_close (window, TRUE);
      name_page_keys (GTK_WIDGET (window));
      g_set_weak_pointer (&self->shortcuts_window, window);
    }

  gtk_window_present (self->shortcuts_window);
}

static const GActionEntry window_entries[] = {
  { .name = "show-help-overlay", .activate = show_shortcuts_cb },
};

/* The Spans list's menu, pointing at RECT of the list. */
void
_gloss_window_show_list_span_menu (GlossWindow        *self,
                                   const GdkRectangle *rect)
{
  show_span_menu (self, &self->list_span_menu, GTK_WIDGET (self->span_list_view), rect);
}

void
_gloss_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);

  gtk_widget_class_install_action (widget_class, "win.apply-label", "x", apply_label_action);
  gtk_widget_class_install_action (widget_class, "win.delete-span", NULL, delete_span_action);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);

  gtk_widget_class_install_action (widget_class, "win.next-span", NULL, next_span_action);
  gtk_widget_class_install_action (widget_class, "win.previous-span", NULL, next_span_action);
  gtk_widget_class_install_action (widget_class, "win.next-unfinished", NULL, next_unfinished_action);

  gtk_widget_class_install_action (widget_class, "win.mark-done", NULL, mark_done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.mark-done", NULL);
  gtk_widget_class_install_action (widget_class, "win.rename-document", NULL, rename_document_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-document", NULL);
  gtk_widget_class_install_action (widget_class, "win.delete-document", NULL, delete_document_action);

  gtk_widget_class_install_action (widget_class, "win.label-popover", NULL, label_popover_action);
  gtk_widget_class_install_action (widget_class, "win.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);

  gtk_widget_class_install_action (widget_class, "win.edit-labels", NULL, edit_labels_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.edit-labels", NULL);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.search-project", NULL, search_project_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-project", NULL);
}

/* The gestures and keys on the window's widgets, once its template is
 * built. */
void
_gloss_window_actions_init (GlossWindow *self)
{
  GtkEventController *keys;
  GtkGesture *right_click;

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_entries,
                                   G_N_ELEMENTS (window_entries), self);

  g_signal_connect_object (self->label_list_view, "activate",
                           G_CALLBACK (on_label_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->span_list_view, "activate",
                           G_CALLBACK (on_span_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "label-all", G_CALLBACK (on_label_all_cb), self,
                           G_CONNECT_SWAPPED);

  /* Before the text view's own gesture: a right click is for the labels,
   * and the view would open its Cut/Copy/Paste menu over the popover. */
  right_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right_click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (right_click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (right_click, "pressed", G_CALLBACK (on_text_right_click_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->document_view), GTK_EVENT_CONTROLLER (right_click));

  add_text_keys (self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
