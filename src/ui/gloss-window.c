/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossWindow is one project's workbench: the documents on the left, the
 * open document in the middle, the labels and this document's spans on the
 * right. It turns the user's gestures into store calls and follows the
 * store's signals to update every view, so that what is shown is what is
 * stored. */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-row.h"
#include "gloss-label-row.h"
#include "gloss-late-tooltips.h"
#include "gloss-project.h"
#include "gloss-sidebar-edge.h"
#include "gloss-span-row.h"
#include "gloss-window-private.h"


G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  IMPORT_FINISHED,
  N_SIGNALS,
};

enum {
  PROP_0,
  PROP_DOCUMENT_STATUS,
  PROP_STORE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

GlossLabel *
_gloss_window_find_label (GlossWindow *self,
            gint64       label_id,
            guint       *position)
{
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->labels));

  for (guint i = 0; i < n_labels; i++)
    {
      g_autoptr(GlossLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      if (gloss_label_get_id (label) == label_id)
        {
          if (position != NULL)
            *position = i;
          return label;
        }
    }

  return NULL;
}

static guint
get_label_count (GlossWindow *self,
                 gint64       label_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->label_counts, &label_id));
}

/* Replacing a row with itself makes the list view bind it again. */
static void
refresh_label_row (GlossWindow *self,
                   gint64       label_id)
{
  guint position;
  GlossLabel *label = _gloss_window_find_label (self, label_id, &position);

  if (label != NULL)
    g_list_store_splice (self->labels, position, 1, (gpointer *) &label, 1);
}

static void
change_label_count (GlossWindow *self,
                    gint64       label_id,
                    int          delta)
{
  guint count = get_label_count (self, label_id);

  g_hash_table_insert (self->label_counts, g_memdup2 (&label_id, sizeof label_id),
                       GUINT_TO_POINTER (count + delta));
  refresh_label_row (self, label_id);
}

/* The bottom line: this document's spans (as the Spans list counts them)
 * and the project's progress (update_status_line () counts that). */
static void
update_footer (GlossWindow *self)
{
  guint n_spans = g_list_model_get_n_items (gloss_document_view_get_spans (self->document_view));
  g_autofree char *spans_text = NULL;
  g_autofree char *text = NULL;

  /* No document open (none matches the filters): the project's progress
   * alone. */
  if (gloss_document_view_get_document_id (self->document_view) == 0)
    {
      gtk_label_set_label (self->status_label, self->progress_text ? self->progress_text : "");
      return;
    }
  spans_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span in this document",
                                             "%u spans in this document", n_spans),
                                n_spans);
  text = g_strdup_printf ("%s · %s", spans_text, self->progress_text ? self->progress_text : "");
  gtk_label_set_label (self->status_label, text);
}

/* Sets the title of the annotation stack's page CHILD, its button's label
 * in the switcher above the Spans list. The switcher shows only while the
 * document has relations; its buttons are as wide as the widest, and a
 * label as wide as its text would make the switcher wider than the
 * sidebar, which would then widen and the text reflow with each relation
 * first made or last removed. Ellipsized, the labels ask for no width.
 * GtkStackSwitcher makes a new label for each new title. */
void
_gloss_window_set_annotation_title (GlossWindow *self,
                                    GtkWidget   *child,
                                    const char  *title)
{
  GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                  GLOSS_TYPE_WINDOW,
                                                                  "annotation_switcher"));

  gtk_stack_page_set_title (gtk_stack_get_page (self->annotation_stack, child), title);
  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *label = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;

      if (GTK_IS_LABEL (label))
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
}

static void
update_span_summary (GlossWindow *self)
{
  GListModel *spans = gloss_document_view_get_spans (self->document_view);
  guint n_spans = g_list_model_get_n_items (spans);
  g_autofree char *title = NULL;

  if (n_spans == 0)
    title = g_strdup (_("Spans"));
  else
    title = g_strdup_printf (_("Spans (%u)"), n_spans);

  gtk_label_set_label (self->spans_title, title);
  _gloss_window_set_annotation_title (self,
                                      gtk_stack_get_child_by_name (self->annotation_stack, "spans"),
                                      title);
  gtk_stack_set_visible_child_name (self->span_stack, n_spans > 0 ? "spans" : "empty");
  /* Spans come and go without the document's row changing (Label All,
   * its undo): the footer counts with the list. */
  update_footer (self);
}

static void
recount_labels (GlossWindow *self)
{
  GListModel *spans = gloss_document_view_get_spans (self->document_view);
  guint n_spans = g_list_model_get_n_items (spans);
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->labels));

  g_hash_table_remove_all (self->label_counts);
  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      gint64 label_id = gloss_span_get_label_id (span);

      g_hash_table_insert (self->label_counts, g_memdup2 (&label_id, sizeof label_id),
                           GUINT_TO_POINTER (get_label_count (self, label_id) + 1));
    }

  /* Rebind every row: the counts are new. */
  g_list_model_items_changed (G_LIST_MODEL (self->labels), 0, n_labels, n_labels);
  update_span_summary (self);
}

static void
reload_labels (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = gloss_store_list_labels (self->store, &error);

  if (labels == NULL)
    {
      show_error (self, error);
      return;
    }

  gloss_document_view_set_labels (self->document_view, labels);
  g_list_store_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                       labels->pdata, labels->len);
}

GlossDocument *
_gloss_window_get_current_document (GlossWindow *self)
{
  gint64 document_id = gloss_document_view_get_document_id (self->document_view);

  if (document_id == 0)
    return NULL;

  return gloss_store_get_document (self->store, document_id, NULL);
}

/* The bottom line, with the project's progress counted anew. */
static void
update_status_line (GlossWindow *self)
{
  guint n_documents = gloss_store_count_documents (self->store);
  guint n_done = gloss_store_count_documents_with_status (self->store, GLOSS_DOCUMENT_STATUS_DONE);

  g_free (self->progress_text);
  self->progress_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u document done",
                                                      "%u of %u documents done", n_documents),
                                         n_done, n_documents);
  update_footer (self);
}

/* Enables what applies to the open document and shows its status. */
static void
update_document_actions (GlossWindow *self)
{
  g_autoptr(GlossDocument) document = _gloss_window_get_current_document (self);
  GtkWidget *widget = GTK_WIDGET (self);
  GlossDocumentStatus status = document ? gloss_document_get_status (document)
                                        : GLOSS_DOCUMENT_STATUS_NEW;

  gtk_widget_action_set_enabled (widget, "win.mark-done", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.document-status", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.rename-document", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-document", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.next-span", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.previous-span", document != NULL);

  /* Setting the state emits no "clicked", so it does not act. */
  gtk_toggle_button_set_active (self->done_button, status == GLOSS_DOCUMENT_STATUS_DONE);
  /* The Status menu marks the one that applies (win.document-status is
   * this property's action). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_STATUS]);
  /* A rename shows at once, not at the next opening. */
  if (document != NULL)
    adw_window_title_set_subtitle (self->window_title, gloss_document_get_name (document));

  update_status_line (self);
}

/* A stored time (UTC, ISO 8601) as the user reads time: local, in words. */
static char *
describe_time (const char *stored)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (stored, utc);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (stored);

  local = g_date_time_to_local (time);
  /* Translators: when a span was last changed, for g_date_time_format ();
   * "6 December 2026, 21:04" */
  return g_date_time_format (local, C_("span time", "%-d %B %Y, %H:%M"));
}

/* Who made a span, by the name a person reads: the user's login name (what
 * spans got when no real name was known) is the user's real name, or
 * nothing to say when there is none. NULL when there is nothing to say. */
static char *
describe_annotator (const char *annotator)
{
  const char *real_name = g_get_real_name ();
  /* GLib says "Unknown" when it knows none; root's is often "root". */
  gboolean has_real_name = real_name != NULL && real_name[0] != '\0' &&
                           !g_str_equal (real_name, "Unknown") &&
                           !g_str_equal (real_name, g_get_user_name ());

  if (annotator[0] == '\0')
    return NULL;
  if (g_str_equal (annotator, g_get_user_name ()))
    return has_real_name ? g_strdup (real_name) : NULL;

  return g_strdup (annotator);
}

/* Stores the note typed for SPAN in the inspector, if it differs from the
 * stored one: a note is kept without Enter, as whatever the user saw. */
static void
save_note (GlossWindow *self,
           GlossSpan   *span)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  g_autoptr(GlossSpan) noted = NULL;
  g_autoptr(GError) error = NULL;

  if (span == NULL || self->store == NULL || g_str_equal (gloss_span_get_note (span), note))
    return;

  noted = gloss_store_set_span_note (self->store, gloss_span_get_id (span), note, &error);
  if (noted == NULL)
    show_error (self, error);
}

static void
update_inspector (GlossWindow *self)
{
  GlossSpan *span = gloss_document_view_get_selected_span (self->document_view);
  g_autofree char *text = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *details = NULL;
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;
  GlossLabel *label;
  gboolean keep_note = FALSE;

  /* The inspector moves to another span (a click, F8, a removal): the
   * note typed for the one it showed is stored first. The same span
   * changed in the store keeps a note being typed. */
  if (self->inspected_span != NULL)
    {
      g_autoptr(GlossSpan) shown = g_steal_pointer (&self->inspected_span);

      if (span == NULL || gloss_span_get_id (span) != gloss_span_get_id (shown))
        save_note (self, shown);
      else
        keep_note = !g_str_equal (gloss_span_get_note (shown),
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
      /* Storing the note may have updated the inspector already. */
      span = gloss_document_view_get_selected_span (self->document_view);
    }
  g_set_object (&self->inspected_span, span);

  gtk_widget_set_visible (self->span_inspector, span != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-span", span != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-note", span != NULL);
  _gloss_window_show_span_attributes (self, span);
  if (span == NULL)
    return;

  label = _gloss_window_find_label (self, gloss_span_get_label_id (span), NULL);
  /* A part of a discontinuous span shows the whole span's text. */
  whole = gloss_document_view_dup_whole_span_text (self->document_view, span);
  text = whole != NULL ? g_strdup (whole)
                       : gloss_document_view_dup_span_text (self->document_view, span);
  when = describe_time (gloss_span_get_modified (span));
  who = describe_annotator (gloss_span_get_annotator (span));
  if (who != NULL)
    /* Translators: the span inspector: label, offsets in characters, annotator, time */
    details = g_strdup_printf (_("%s · characters %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT "\n"
                                 "by %s · %s"),
                               label ? gloss_label_get_name (label) : "",
                               gloss_span_get_start (span), gloss_span_get_end (span), who, when);
  else
    /* Translators: the span inspector: label, offsets in characters, time */
    details = g_strdup_printf (_("%s · characters %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT "\n%s"),
                               label ? gloss_label_get_name (label) : "",
                               gloss_span_get_start (span), gloss_span_get_end (span), when);
  if (whole != NULL)
    {
      /* Translators: the span inspector, before the details of a span that
       * is one stretch of a span of several */
      g_autofree char *part = g_strdup_printf ("%s\n%s", _("One part of a discontinuous span"),
                                               details);

      g_free (details);
      details = g_steal_pointer (&part);
    }
  gtk_label_set_label (self->inspector_text, text);
  gtk_label_set_label (self->inspector_details, details);
  if (!keep_note)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), gloss_span_get_note (span));
}

/* A page of the open document's spans came into the view: counted by the
 * page, not from the start again. */
static void
on_spans_paged_cb (GlossWindow       *self,
                   GPtrArray         *added,
                   GlossDocumentView *view)
{
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->labels));

  for (guint i = 0; i < added->len; i++)
    {
      gint64 label_id = gloss_span_get_label_id (g_ptr_array_index (added, i));

      g_hash_table_insert (self->label_counts, g_memdup2 (&label_id, sizeof label_id),
                           GUINT_TO_POINTER (get_label_count (self, label_id) + 1));
    }
  g_list_model_items_changed (G_LIST_MODEL (self->labels), 0, n_labels, n_labels);
  update_span_summary (self);
  update_status_line (self);
}

static void
on_paging_failed_cb (GlossWindow       *self,
                     GError            *error,
                     GlossDocumentView *view)
{
  show_error (self, error);
}

/* Whether the document list shows only some documents: a name typed, a
 * status or a category chosen. */
static gboolean
document_filter_is_on (GlossWindow *self)
{
  guint category = gtk_drop_down_get_selected (self->category_filter_dropdown);

  return gtk_editable_get_text (GTK_EDITABLE (self->document_filter_entry))[0] != '\0' ||
         gtk_drop_down_get_selected (self->status_filter_dropdown) != 0 ||
         (category != 0 && category != GTK_INVALID_LIST_POSITION);
}

/* Opens DOCUMENT_ID in the middle pane; 0 shows the empty state: that the
 * project has no documents, or, when the filters hide those it has, that
 * none matches them. */
gboolean
gloss_window_open_document (GlossWindow *self,
                            gint64       document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  if (document_id == 0)
    {
      gloss_document_view_clear (self->document_view);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack,
                                        document_filter_is_on (self) &&
                                        gloss_store_count_documents (self->store) > 0
                                        ? "no-match" : "empty");
      _gloss_window_attributes_document_opened (self);
      recount_labels (self);
      update_document_actions (self);
      update_footer (self);
      return TRUE;
    }

  /* The view reads the text and pages the spans in. */
  if ((document = gloss_store_get_document (self->store, document_id, &error)) == NULL ||
      !gloss_document_view_open (self->document_view, self->store, document_id, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  adw_window_title_set_subtitle (self->window_title, gloss_document_get_name (document));
  gtk_stack_set_visible_child_name (self->content_stack, "document");
  _gloss_window_attributes_document_opened (self);
  recount_labels (self);
  update_document_actions (self);

  return TRUE;
}

static void
on_document_selected_cb (GlossWindow        *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  GlossDocument *document;
  gint64 document_id;

  /* What the selection falls on while the list is replaced (a filter, an
   * import) is not the user's choice: on_documents_changed_cb () decides. */
  if (self->documents_changing)
    return;

  document = gtk_single_selection_get_selected_item (selection);
  document_id = document ? gloss_document_get_id (document) : 0;

  if (document_id != gloss_document_view_get_document_id (self->document_view) ||
      document_id == 0)
    gloss_window_open_document (self, document_id);
}

static void
on_documents_changing_cb (GlossWindow *self)
{
  self->documents_changing = TRUE;
}

/* After the document list changed under its selection: the open document
 * stays open, and selected, while the list shows it; one filtered out or
 * deleted gives way to what the selection fell on; with none open, the
 * selection's (the first) opens. */
static void
on_documents_changed_cb (GlossWindow *self)
{
  gint64 open_id = gloss_document_view_get_document_id (self->document_view);
  guint position;

  self->documents_changing = FALSE;

  if (open_id != 0 && gloss_document_list_find (self->documents, open_id, &position))
    {
      if (gtk_single_selection_get_selected (self->document_selection) != position)
        gtk_single_selection_set_selected (self->document_selection, position);
      return;
    }

  on_document_selected_cb (self, NULL, self->document_selection);
}

static void
on_span_added_cb (GlossWindow *self,
                  GlossSpan   *span,
                  GlossStore  *store)
{
  if (gloss_span_get_document_id (span) != gloss_document_view_get_document_id (self->document_view))
    return;

  if (!gloss_document_view_add_span (self->document_view, span))
    return;
  change_label_count (self, gloss_span_get_label_id (span), +1);
  update_span_summary (self);
}

static void
on_span_removed_cb (GlossWindow *self,
                    GlossSpan   *span,
                    GlossStore  *store)
{
  if (gloss_span_get_document_id (span) != gloss_document_view_get_document_id (self->document_view))
    return;

  /* A removed span's note goes with it. */
  if (self->inspected_span != NULL && gloss_span_get_id (self->inspected_span) == gloss_span_get_id (span))
    g_clear_object (&self->inspected_span);
  if (!gloss_document_view_remove_span (self->document_view, span))
    return;
  change_label_count (self, gloss_span_get_label_id (span), -1);
  update_span_summary (self);
}

static void
on_span_changed_cb (GlossWindow *self,
                    GlossSpan   *old_span,
                    GlossSpan   *new_span,
                    GlossStore  *store)
{
  if (gloss_span_get_document_id (new_span) != gloss_document_view_get_document_id (self->document_view))
    return;

  gloss_document_view_replace_span (self->document_view, old_span, new_span);
  if (gloss_span_get_label_id (old_span) != gloss_span_get_label_id (new_span))
    {
      change_label_count (self, gloss_span_get_label_id (old_span), -1);
      change_label_count (self, gloss_span_get_label_id (new_span), +1);
    }
  update_inspector (self);
}

static void
on_document_changed_cb (GlossWindow *self,
                        gint64       document_id,
                        GlossStore  *store)
{
  if (document_id == gloss_document_view_get_document_id (self->document_view))
    update_document_actions (self);
  else
    update_status_line (self);
}

static void
on_selected_span_changed_cb (GlossWindow       *self,
                             GParamSpec        *pspec,
                             GlossDocumentView *view)
{
  GlossSpan *span = gloss_document_view_get_selected_span (view);
  guint position = GTK_INVALID_LIST_POSITION;

  update_inspector (self);

  /* The view gave the span a row in the side list before notifying. */
  if (span != NULL)
    gloss_document_view_find_span (view, span, &position);
  gtk_single_selection_set_selected (self->span_selection, position);
  /* The list follows a span chosen in the text (or with F8). */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->span_list_view), "list.scroll-to-item", "u",
                                position);
}

/* The list's selection is the span's: a click on a row or a move with the
 * keys selects the span in the text. The list selects on a click, not on
 * hover (no single-click activation), so that the row under a resting
 * pointer, when rows move up after a removal, does not take the selection
 * from the span the text shows. A list left with no selection (its span
 * removed) leaves the text's as it is. */
static void
on_span_row_selected_cb (GlossWindow        *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  GlossSpan *span = gtk_single_selection_get_selected_item (selection);

  if (span != NULL && span != gloss_document_view_get_selected_span (self->document_view))
    gloss_document_view_select_span (self->document_view, span);
}

/* A right click on a span's row selects the span and offers its menu. */
static void
on_span_row_menu_requested_cb (GlossWindow  *self,
                               double        x,
                               double        y,
                               GlossSpanRow *row)
{
  GtkWidget *list = GTK_WIDGET (self->span_list_view);
  GdkRectangle rect = { 0, 0, 1, 1 };
  double list_x, list_y;

  gloss_document_view_select_span (self->document_view, gloss_span_row_get_span (row));
  if (gtk_widget_translate_coordinates (GTK_WIDGET (row), list, x, y, &list_x, &list_y))
    rect = (GdkRectangle) { list_x, list_y, 1, 1 };
  _gloss_window_show_list_span_menu (self, &rect);
}

static void
on_note_activate_cb (GlossWindow *self,
                     GtkEntry    *entry)
{
  GlossSpan *span = gloss_document_view_get_selected_span (self->document_view);
  g_autoptr(GlossSpan) noted = NULL;
  g_autoptr(GError) error = NULL;

  if (span == NULL)
    return;

  noted = gloss_store_set_span_note (self->store, gloss_span_get_id (span),
                                     gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  if (noted == NULL)
    show_error (self, error);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
on_note_focus_leave_cb (GlossWindow             *self,
                        GtkEventControllerFocus *controller)
{
  /* Not while the window is taken apart: closing stored the note. */
  if (self->document_view != NULL)
    save_note (self, self->inspected_span);
}

static void
apply_document_filter (GlossWindow *self)
{
  static const guint statuses[] = {
    0,
    1u << GLOSS_DOCUMENT_STATUS_NEW,
    1u << GLOSS_DOCUMENT_STATUS_IN_PROGRESS,
    1u << GLOSS_DOCUMENT_STATUS_DONE,
    (1u << GLOSS_DOCUMENT_STATUS_NEW) | (1u << GLOSS_DOCUMENT_STATUS_IN_PROGRESS),
  };
  guint selected = gtk_drop_down_get_selected (self->status_filter_dropdown);

  gloss_document_list_set_filter (self->documents,
                                  gtk_editable_get_text (GTK_EDITABLE (self->document_filter_entry)),
                                  selected < G_N_ELEMENTS (statuses) ? statuses[selected] : 0);
}

/* Every document listed again: the name, status and category filters
 * cleared (the button of the page that says none matches). */
static void
clear_document_filter_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->document_filter_entry), "");
  gtk_drop_down_set_selected (self->status_filter_dropdown, 0);
  if (gtk_drop_down_get_selected (self->category_filter_dropdown) != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->category_filter_dropdown, 0);
}

static void
setup_label_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GlossWindow              *self)
{
  gtk_list_item_set_child (item, gloss_label_row_new ());
}

static void
bind_label_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   GlossWindow              *self)
{
  GlossLabelRow *row = GLOSS_LABEL_ROW (gtk_list_item_get_child (item));
  GlossLabel *label = gtk_list_item_get_item (item);

  gloss_label_row_set_label (row, label);
  gloss_label_row_set_count (row, get_label_count (self, gloss_label_get_id (label)));
}

static void
setup_span_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   GlossWindow              *self)
{
  GtkWidget *row = gloss_span_row_new ();

  g_signal_connect_object (row, "menu-requested", G_CALLBACK (on_span_row_menu_requested_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

static void
bind_span_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GlossWindow              *self)
{
  GlossSpan *span = gtk_list_item_get_item (item);
  g_autofree char *text = gloss_document_view_dup_span_text (self->document_view, span);

  gloss_span_row_set_span (GLOSS_SPAN_ROW (gtk_list_item_get_child (item)), span,
                           _gloss_window_find_label (self, gloss_span_get_label_id (span), NULL),
                           text);
}

static void
setup_document_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       GlossWindow              *self)
{
  gtk_list_item_set_child (item, gloss_document_row_new ());
}

static void
bind_document_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      GlossWindow              *self)
{
  GlossDocument *document = gtk_list_item_get_item (item);
  g_autofree char *categories = _gloss_window_describe_categories (self,
                                                                   gloss_document_get_id (document));

  gloss_document_row_set_document (GLOSS_DOCUMENT_ROW (gtk_list_item_get_child (item)), document);
  gloss_document_row_set_categories (GLOSS_DOCUMENT_ROW (gtk_list_item_get_child (item)),
                                     categories);
}

static GtkListItemFactory *
factory_new (GlossWindow *self,
             GCallback    setup,
             GCallback    bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);

  return factory;
}

/* Opens DOCUMENT_ID and shows it as the chosen document in the list.
 * FALSE when the list does not show it (a filter hides it) or it cannot
 * be read. */
gboolean
_gloss_window_show_document (GlossWindow *self,
                             gint64       document_id)
{
  guint position;

  if (!gloss_document_list_find (self->documents, document_id, &position))
    return FALSE;

  /* Choosing the row opens the document. */
  gtk_single_selection_set_selected (self->document_selection, position);
  if (gloss_document_view_get_document_id (self->document_view) != document_id &&
      !gloss_window_open_document (self, document_id))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->document_list_view), "list.scroll-to-item", "u",
                              position);
  return TRUE;
}

/* Opens DOCUMENT_ID, shows it as the chosen document, and selects and
 * scrolls to START-END (code points) in its text. */
gboolean
gloss_window_reveal_range (GlossWindow *self,
                           gint64       document_id,
                           gint64       start,
                           gint64       end)
{
  GtkTextView *text_view;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  if (!_gloss_window_show_document (self, document_id))
    return FALSE;

  text_view = GTK_TEXT_VIEW (self->document_view);
  gloss_document_view_select_range (self->document_view, start, end);
  gtk_text_view_scroll_to_mark (text_view,
                                gtk_text_buffer_get_insert (gtk_text_view_get_buffer (text_view)),
                                0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));

  return TRUE;
}

static void
save_window_state (GlossWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);

  /* Closing loses nothing the window shows: the note being typed too. */
  save_note (self, self->inspected_span);
  gloss_span_attributes_flush (self->span_attributes);
  save_window_state (self);

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  g_clear_handle_id (&self->fold_buttons_updater, g_source_remove);
  g_clear_object (&self->inspected_span);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->project_search != NULL)
    gtk_window_destroy (GTK_WINDOW (self->project_search));
  g_clear_weak_pointer (&self->project_search);

  g_clear_pointer (&self->label_popover, gtk_widget_unparent);
  g_clear_pointer (&self->text_span_menu, gtk_widget_unparent);
  g_clear_pointer (&self->list_span_menu, gtk_widget_unparent);
  _gloss_window_relations_dispose (self);
  g_clear_weak_pointer (&self->shortcuts_window);
  _gloss_window_attributes_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  g_clear_object (&self->span_selection);
  g_clear_object (&self->document_selection);
  g_clear_object (&self->documents);
  g_clear_object (&self->labels);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_finalize (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  g_clear_pointer (&self->label_counts, g_hash_table_unref);
  g_clear_pointer (&self->progress_text, g_free);

  G_OBJECT_CLASS (gloss_window_parent_class)->finalize (object);
}

GtkWindow *
gloss_window_get_shortcuts_window (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->shortcuts_window;
}

/* A menu button gets its menu when first opened: making the popover of a
 * menu is work that most windows' first moments need not do. */
static void
attach_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, user_data);
  gloss_late_tooltips_hide_while_open (GTK_WIDGET (button), gtk_menu_button_get_popover (button));
}

/* The text size preference (percent) as the document view's text scale. */
static gboolean
map_text_size_cb (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, CLAMP (g_variant_get_int32 (variant), 50, 300) / 100.0);
  return TRUE;
}

/* Shows FLAP's header button while it is folded, pressed in while the
 * sidebar shows. A sidebar that has just folded hides; one that has just
 * unfolded shows again beside the text. */
static void
sync_fold (AdwFlap   *flap,
           GtkWidget *button)
{
  gboolean folded = adw_flap_get_folded (flap);

  if (gtk_widget_get_visible (button) != folded)
    adw_flap_set_reveal_flap (flap, !folded);
  gtk_widget_set_visible (button, folded);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), adw_flap_get_reveal_flap (flap));
}

static gboolean
update_fold_buttons_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->fold_buttons_updater = 0;
  sync_fold (self->documents_flap, self->documents_button);
  sync_fold (self->labels_flap, self->labels_button);

  return G_SOURCE_REMOVE;
}

/* A sidebar folds while the window is being laid out, and what follows a
 * fold waits until just after. An AdwFlap that hides itself as it folds
 * (unless locked) starts its reveal animation in the middle of its own
 * allocation; with the header button bound to it, pressed in or out then,
 * the header bar too asks for a new layout in the middle of this one. A
 * window resized straight from wide to narrow then drew a sidebar without
 * a place (GTK warns "snapshot AdwFlap without a current allocation"), or
 * nothing at all. So the flaps are locked, and this hides or shows them. */
static void
on_folded_cb (GlossWindow *self)
{
  if (self->fold_buttons_updater == 0)
    self->fold_buttons_updater = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_fold_buttons_cb,
                                                  self, NULL);
}

static void
on_fold_button_toggled_cb (GtkToggleButton *button,
                           AdwFlap         *flap)
{
  if (adw_flap_get_reveal_flap (flap) != gtk_toggle_button_get_active (button))
    adw_flap_set_reveal_flap (flap, gtk_toggle_button_get_active (button));
}

/* A folded sidebar is done with once a document or a label is picked in
 * it: it gives the text its place back. */
static void
on_folded_row_activated_cb (AdwFlap     *flap,
                            guint        position,
                            GtkListView *list_view)
{
  if (adw_flap_get_folded (flap))
    adw_flap_set_reveal_flap (flap, FALSE);
}

/* Set once the window is on the screen (gloss-late-tooltips.c). */
static const GlossLateTooltip header_tooltips[] = {
  { "undo_button", N_("Undo (Ctrl+Z)") },
  { "redo_button", N_("Redo (Ctrl+Shift+Z)") },
  { "documents_button", N_("Show the Documents") },
  { "labels_button", N_("Show the Labels and Spans") },
  { "done_button", N_("Mark the Document as Done (Ctrl+D)") },
  { "primary_menu_button", N_("Main Menu") },
  { "document_menu_button", N_("Document Menu") },
  { "remove_span_button", N_("Remove the Span (Delete)") },
  { "status_filter_dropdown", N_("Show documents with this status") },
};

static void
gloss_window_init (GlossWindow *self)
{
  g_autoptr(GtkListItemFactory) label_factory = NULL;
  g_autoptr(GtkListItemFactory) span_factory = NULL;
  g_autoptr(GtkListItemFactory) document_factory = NULL;
  g_autoptr(GtkNoSelection) label_selection = NULL;
  GListModel *spans;
  GtkEventController *note_focus;

  gtk_widget_init_template (GTK_WIDGET (self));
#if DEVELOPMENT_PROFILE
  /* A development build looks apart from the release beside it. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  gloss_late_tooltips_set_after_frame (GTK_WIDGET (self), GLOSS_TYPE_WINDOW, header_tooltips,
                                       G_N_ELEMENTS (header_tooltips));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, attach_menu_cb,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->document_menu_button, attach_menu_cb,
                                         self->document_menu, NULL);

  self->settings = g_settings_new (SCHEMA_ID);
  self->labels = g_list_store_new (GLOSS_TYPE_LABEL);
  self->label_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The document view follows the preferences while the window is open. */
  g_settings_bind_with_mapping (self->settings, "text-size", self->document_view, "text-scale",
                                G_SETTINGS_BIND_GET | G_SETTINGS_BIND_NO_SENSITIVITY,
                                map_text_size_cb, NULL, NULL, NULL);
  g_settings_bind (self->settings, "snap-to-words", self->document_view, "snap-to-words",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_NO_SENSITIVITY);

  label_factory = factory_new (self, G_CALLBACK (setup_label_row_cb), G_CALLBACK (bind_label_row_cb));
  label_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->labels)));
  gtk_list_view_set_factory (self->label_list_view, label_factory);
  gtk_list_view_set_model (self->label_list_view, GTK_SELECTION_MODEL (label_selection));

  span_factory = factory_new (self, G_CALLBACK (setup_span_row_cb), G_CALLBACK (bind_span_row_cb));
  spans = gloss_document_view_get_span_rows (self->document_view);
  self->span_selection = gtk_single_selection_new (g_object_ref (spans));
  gtk_single_selection_set_autoselect (self->span_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->span_selection, TRUE);
  gtk_single_selection_set_selected (self->span_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_factory (self->span_list_view, span_factory);
  gtk_list_view_set_model (self->span_list_view, GTK_SELECTION_MODEL (self->span_selection));
  g_signal_connect_object (self->document_view, "notify::selected-span",
                           G_CALLBACK (on_selected_span_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->span_selection, "notify::selected",
                           G_CALLBACK (on_span_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "spans-paged",
                           G_CALLBACK (on_spans_paged_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_view, "paging-failed",
                           G_CALLBACK (on_paging_failed_cb), self, G_CONNECT_SWAPPED);

  document_factory = factory_new (self, G_CALLBACK (setup_document_row_cb),
                                  G_CALLBACK (bind_document_row_cb));
  gtk_list_view_set_factory (self->document_list_view, document_factory);


  /* The actions and keys, and the lists' activations: before the sidebars'
   * own (on_folded_row_activated_cb ()), which fold them away after. */
  _gloss_window_actions_init (self);
  _gloss_window_relations_init (self);

  /* The view is read-only; its own undo must not take Ctrl+Z from ours. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->document_view)),
                                   FALSE);

  g_signal_connect_object (self->note_entry, "activate", G_CALLBACK (on_note_activate_cb), self,
                           G_CONNECT_SWAPPED);
  note_focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (note_focus, "leave", G_CALLBACK (on_note_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), note_focus);

  g_signal_connect_object (self->document_filter_entry, "search-changed",
                           G_CALLBACK (apply_document_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_filter_dropdown, "notify::selected",
                           G_CALLBACK (apply_document_filter), self, G_CONNECT_SWAPPED);

  _gloss_window_import_init (self);
  gloss_search_bar_set_view (self->search_bar, self->document_view);
  gloss_search_bar_set_labels (self->search_bar, G_LIST_MODEL (self->labels));

  g_signal_connect_object (self->documents_flap, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->labels_flap, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_flap, "notify::reveal-flap", G_CALLBACK (on_folded_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->labels_flap, "notify::reveal-flap", G_CALLBACK (on_folded_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_button, "toggled",
                           G_CALLBACK (on_fold_button_toggled_cb), self->documents_flap, 0);
  g_signal_connect_object (self->labels_button, "toggled",
                           G_CALLBACK (on_fold_button_toggled_cb), self->labels_flap, 0);
  gloss_sidebar_edge_attach (self->documents_flap, self->settings, "documents-sidebar-width");
  gloss_sidebar_edge_attach (self->labels_flap, self->settings, "labels-sidebar-width");
  g_signal_connect_object (self->document_list_view, "activate",
                           G_CALLBACK (on_folded_row_activated_cb), self->documents_flap,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->label_list_view, "activate",
                           G_CALLBACK (on_folded_row_activated_cb), self->labels_flap,
                           G_CONNECT_SWAPPED);
}

/* The window follows its store from the start: a window shows one project
 * for its life, and opening another opens another window. */
static void
gloss_window_constructed (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  GlossStore *store = self->store;
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (gloss_window_parent_class)->constructed (object);

  g_return_if_fail (GLOSS_IS_STORE (store));

  name = gloss_store_dup_name (store);
  adw_window_title_set_title (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);

  g_signal_connect_object (store, "span-added", G_CALLBACK (on_span_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "span-removed", G_CALLBACK (on_span_removed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "span-changed", G_CALLBACK (on_span_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "labels-changed", G_CALLBACK (reload_labels), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "document-changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "documents-changed", G_CALLBACK (update_status_line), self,
                           G_CONNECT_SWAPPED);

  self->history = gloss_history_new (store);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (_gloss_window_update_history_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (_gloss_window_update_history_actions),
                           self, G_CONNECT_SWAPPED);
  _gloss_window_update_history_actions (self);

  reload_labels (self);
  _gloss_window_relations_constructed (self);
  _gloss_window_update_recent_menu (self);

  self->documents = gloss_document_list_new (store);
  /* Around the selection's own handler: connected before it, and after. */
  g_signal_connect_object (self->documents, "items-changed",
                           G_CALLBACK (on_documents_changing_cb), self, G_CONNECT_SWAPPED);
  self->document_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->documents)));
  g_signal_connect_object (self->documents, "items-changed",
                           G_CALLBACK (on_documents_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_list_view_set_model (self->document_list_view, GTK_SELECTION_MODEL (self->document_selection));
  g_signal_connect_object (self->document_selection, "notify::selected",
                           G_CALLBACK (on_document_selected_cb), self, G_CONNECT_SWAPPED);
  _gloss_window_attributes_init (self);

  on_document_selected_cb (self, NULL, self->document_selection);

  /* Texts an import left for the search index (from the command line, or
   * an indexing stopped before its end) go in now, in the background;
   * search finds them meanwhile. */
  if (gloss_store_count_texts_to_index (store) > 0)
    gloss_import_bar_index (self->import_bar, gloss_store_get_path (store));
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_STATUS:
      {
        g_autoptr(GlossDocument) document = self->store ? _gloss_window_get_current_document (self) : NULL;

        g_value_set_string (value, document ? gloss_document_status_to_string (
                                                gloss_document_get_status (document))
                                            : "");
      }
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  GlossDocumentStatus status;

  switch (prop_id)
    {
    case PROP_DOCUMENT_STATUS:
      if (gloss_document_status_from_string (g_value_get_string (value), &status))
        _gloss_window_set_current_status (self, status);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gloss_window_constructed;
  object_class->dispose = gloss_window_dispose;
  object_class->finalize = gloss_window_finalize;
  object_class->get_property = gloss_window_get_property;
  object_class->set_property = gloss_window_set_property;

  /* The open document's status ("new", "in-progress", "done"; "" with
   * none), behind the Status menu's radio items. */
  properties[PROP_DOCUMENT_STATUS] =
    g_param_spec_string ("document-status", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The project the window shows, for its life. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = gloss_window_close_request;

  g_type_ensure (GLOSS_TYPE_DOCUMENT_VIEW);
  g_type_ensure (GLOSS_TYPE_IMPORT_BAR);
  g_type_ensure (GLOSS_TYPE_SEARCH_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, label_list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, span_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, spans_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, span_list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, done_button);
  /* Found by name only, for their tooltips (header_tooltips). */
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, documents_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, labels_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, documents_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, labels_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, status_filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, span_inspector);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, inspector_text);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, inspector_details);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_menu);

  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, span_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, remove_span_button);

  gtk_widget_class_install_property_action (widget_class, "win.document-status",
                                            "document-status");
  gtk_widget_class_install_action (widget_class, "win.clear-document-filter", NULL,
                                   clear_document_filter_action);
  _gloss_window_class_import_init (widget_class);
  _gloss_window_class_actions_init (widget_class);
  _gloss_window_class_attributes_init (widget_class);

  gtk_widget_class_bind_template_child (widget_class, GlossWindow, relation_hint);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, relations_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, annotation_stack);
  /* Only looked up, by the tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "annotation_switcher", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, relation_list_view);
  gtk_widget_class_bind_template_child_full (widget_class, "relation_menu", FALSE,
                                             G_STRUCT_OFFSET (GlossWindow, relation_menu_model));
  _gloss_window_class_relations_init (widget_class);
}

GlossWindow *
gloss_window_new (GtkApplication *application,
                  GlossStore     *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, "store", store, NULL);
}

GlossStore *
gloss_window_get_store (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->store;
}

GlossDocumentView *
gloss_window_get_document_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->document_view;
}

GlossHistory *
gloss_window_get_history (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->history;
}
