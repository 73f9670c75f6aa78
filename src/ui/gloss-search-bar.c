/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossSearchBar finds a phrase in the open document: it highlights every
 * match, selects and scrolls to the current one, counts them ("3 of 12"),
 * and hands all of them, with the label chosen from "Label All", to the
 * window.
 *
 * Matching is gloss-search.c's, over the document's text (without the
 * view's display breaks), so a match's range is a span's range as it is;
 * the view turns its offsets into buffer positions. The
 * highlight is a tag of its own under the label tags: a labeled match keeps
 * its label's fill and shows the search outline over it. */

#define G_LOG_DOMAIN "gloss-search-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-late-tooltips.h"
#include "gloss-search-bar.h"
#include "gloss-search-options.h"

#define MATCH_TAG_NAME "search-match"
#define CURRENT_TAG_NAME "search-current"
#define MATCH_ALPHA_LIGHT 0.45
#define MATCH_ALPHA_DARK 0.35
/* Tagging takes a few milliseconds per thousand matches: past this many,
 * the rest are counted and reachable with Next, but not highlighted, so
 * that a one-letter phrase in a long document still searches within a
 * frame or two. */
#define MAX_HIGHLIGHTS 10000
/* A selection longer than this, or over more than one line, is not taken as
 * the phrase to find. */
#define MAX_PREFILL_CHARS 200

struct _GlossSearchBar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchBar *search_bar;
  GtkSearchEntry *entry;
  GtkLabel *counter;
  GtkMenuButton *label_all_button;
  GtkListView *label_list;

  /* Borrowed references */
  GlossDocumentView *view;   /* weak */
  GtkTextTag *match_tag;     /* owned by the buffer's tag table */
  GtkTextTag *current_tag;   /* likewise */

  /* Owned references */
  GtkTextBuffer *buffer;     /* the view's */
  GListModel *labels;
  GArray *matches;           /* GlossSearchRange, in reading order */
  char *query;               /* what MATCHES were found for */

  GlossSearchRange shown;    /* where CURRENT_TAG is, or -1, -1 */
  guint refresh_source;
  int current;               /* index into MATCHES of the selected match, or -1 */
  GlossSearchOptions *options;   /* Match Case and Whole Words, its own */
  gboolean tooltips_set;
};

G_DEFINE_FINAL_TYPE (GlossSearchBar, gloss_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MATCH_CASE,
  PROP_WHOLE_WORDS,
  PROP_N_MATCHES,
  PROP_CURRENT_MATCH,
  N_PROPS,
};

enum {
  LABEL_ALL,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (GlossSearchBar *self)
{
  return self->view != NULL ? self->buffer : NULL;
}

static const GlossSearchRange *
get_match (GlossSearchBar *self,
           guint           i)
{
  return &g_array_index (self->matches, GlossSearchRange, i);
}

/* Matches are yellow, as found text is in GNOME's editors: the accent
 * (blue) is the first label's blue too, so a match read as a Reformist
 * span. The fill and the underline show on plain text only, under a
 * label's own; the text color shows inside labeled spans too, where a
 * match would otherwise hide. (An overline would do that more quietly, but
 * GTK 4.8 frees a tag's overline color wrongly.) */
static void
update_match_tag_colors (GlossSearchBar *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA accent, fill, text, on_accent;

  if (self->match_tag == NULL)
    return;

  /* Yellow 3 with dark text on it; the text Brown 4, or Yellow 1 on the
   * dark page. */
  gdk_rgba_parse (&accent, "#f6d32d");
  gdk_rgba_parse (&on_accent, "#1e1e1e");
  gdk_rgba_parse (&text, dark ? "#f9f06b" : "#865e3c");
  fill = accent;
  fill.alpha = dark ? MATCH_ALPHA_DARK : MATCH_ALPHA_LIGHT;
  g_object_set (self->match_tag,
                "background-rgba", &fill,
                "foreground-rgba", &text,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &text,
                NULL);
  /* The current match stands out even while the text is not focused and
   * its selection is drawn faintly. */
  g_object_set (self->current_tag,
                "background-rgba", &accent,
                "foreground-rgba", &on_accent,
                NULL);
}

/* Moves the current match's tag to the current match, if any. */
static void
show_current (GlossSearchBar *self)
{
  GtkTextTagTable *table;
  GtkTextIter start, end;

  if (self->buffer == NULL || self->current_tag == NULL)
    return;

  if (self->shown.start >= 0)
    {
      if (self->view != NULL)
        {
          gloss_document_view_get_iter_at (self->view, &start, self->shown.start);
          gloss_document_view_get_iter_at (self->view, &end, self->shown.end);
          gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
        }
      self->shown.start = self->shown.end = -1;
    }

  if (self->current < 0 || self->view == NULL)
    return;

  self->shown = g_array_index (self->matches, GlossSearchRange, self->current);
  /* Above the label tags, which are made as labels come. */
  table = gtk_text_buffer_get_tag_table (self->buffer);
  gtk_text_tag_set_priority (self->current_tag, gtk_text_tag_table_get_size (table) - 1);
  gloss_document_view_get_iter_at (self->view, &start, self->shown.start);
  gloss_document_view_get_iter_at (self->view, &end, self->shown.end);
  gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &start, &end);
}

static void
clear_highlights (GlossSearchBar *self)
{
  GtkTextIter start, end;

  if (self->buffer == NULL || self->match_tag == NULL)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
  self->shown.start = self->shown.end = -1;
}

static void
apply_highlights (GlossSearchBar *self)
{
  GtkTextBuffer *buffer = get_buffer (self);

  for (guint i = 0; i < MIN (self->matches->len, MAX_HIGHLIGHTS); i++)
    {
      const GlossSearchRange *match = get_match (self, i);
      GtkTextIter start, end;

      gloss_document_view_get_iter_at (self->view, &start, match->start);
      gloss_document_view_get_iter_at (self->view, &end, match->end);
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
    }
}

/* The selection's bounds, or the cursor twice. */
static void
get_selection_offsets (GlossSearchBar *self,
                       gint64         *start,
                       gint64         *end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter begin, stop;

  gtk_text_buffer_get_selection_bounds (buffer, &begin, &stop);
  *start = gloss_document_view_get_offset (self->view, &begin);
  *end = gloss_document_view_get_offset (self->view, &stop);
}

/* The match the text selection is exactly, or -1. */
static int
find_selected_match (GlossSearchBar *self)
{
  gint64 start, end;
  guint low = 0, high = self->matches->len;

  if (get_buffer (self) == NULL)
    return -1;

  get_selection_offsets (self, &start, &end);
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (get_match (self, middle)->start < start)
        low = middle + 1;
      else
        high = middle;
    }

  if (low < self->matches->len && get_match (self, low)->start == start &&
      get_match (self, low)->end == end)
    return low;

  return -1;
}

static void
update_state (GlossSearchBar *self)
{
  guint n_matches = self->matches->len;
  gboolean has_query = self->query != NULL && self->query[0] != '\0';
  g_autofree char *counter = NULL;

  if (!has_query)
    counter = g_strdup ("");
  else if (n_matches == 0)
    counter = g_strdup (_("No matches"));
  else if (self->current >= 0)
    /* TRANSLATORS: the current match and the number of matches, as in "3 of 12" */
    counter = g_strdup_printf (_("%d of %u"), self->current + 1, n_matches);
  else
    counter = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_matches),
                               n_matches);

  gtk_label_set_label (self->counter, counter);
  show_current (self);
  if (has_query && n_matches == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.next", n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.previous", n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.label-all", n_matches > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_all_button), n_matches > 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
}

static void
select_match (GlossSearchBar *self,
              int             index)
{
  const GlossSearchRange *match = get_match (self, index);
  GtkTextBuffer *buffer = get_buffer (self);

  self->current = index;
  gloss_document_view_select_range (self->view, match->start, match->end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.2, FALSE, 0, 0);
  update_state (self);
}

/* Finds the entry's phrase again. With SELECT, selects the first match from
 * the selection on, so that typing on keeps the match where it was; without,
 * leaves the selection alone (the document changed under the search). */
static void
refresh (GlossSearchBar *self,
         gboolean        select)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GtkTextBuffer *buffer = get_buffer (self);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_free (self->query);
  self->query = g_strdup (query);

  clear_highlights (self);
  g_array_set_size (self->matches, 0);
  self->current = -1;

  if (buffer != NULL && query[0] != '\0' && gtk_search_bar_get_search_mode (self->search_bar))
    {
      g_autoptr(GArray) found = NULL;

      text = gloss_document_view_dup_document_text (self->view);
      found = gloss_search_find_all (text, query, gloss_search_bar_get_flags (self));
      g_array_append_vals (self->matches, found->data, found->len);
      apply_highlights (self);
    }

  if (select && self->matches->len > 0)
    {
      gint64 from, to;

      get_selection_offsets (self, &from, &to);
      for (guint i = 0; i < self->matches->len; i++)
        {
          if (get_match (self, i)->start >= from)
            {
              select_match (self, i);
              return;
            }
        }
      select_match (self, 0);
      return;
    }

  self->current = find_selected_match (self);
  update_state (self);
}

static void
ensure_fresh (GlossSearchBar *self)
{
  if (g_strcmp0 (self->query, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    refresh (self, FALSE);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  GlossSearchBar *self = user_data;

  self->refresh_source = 0;
  refresh (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Loading a document replaces the whole text in several steps; search once
 * they are all done. */
static void
on_buffer_changed_cb (GlossSearchBar *self,
                      GtkTextBuffer  *buffer)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) || self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_idle_cb, self, NULL);
}

static void
on_mark_set_cb (GlossSearchBar *self,
                GtkTextIter    *location,
                GtkTextMark    *mark,
                GtkTextBuffer  *buffer)
{
  int current;

  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  current = find_selected_match (self);
  if (current != self->current)
    {
      self->current = current;
      update_state (self);
    }
}

static void
on_search_changed_cb (GlossSearchBar *self,
                      GtkSearchEntry *entry)
{
  refresh (self, TRUE);
}

static void
on_stop_search_cb (GlossSearchBar *self,
                   GtkSearchEntry *entry)
{
  gloss_search_bar_close (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gloss_search_bar_close (GLOSS_SEARCH_BAR (widget));
}

/* Set when the bar first opens (gloss-late-tooltips.c). */
static const GlossLateTooltip bar_tooltips[] = {
  { "previous_button", N_("Previous Match (Shift+Enter)") },
  { "next_button", N_("Next Match (Enter)") },
  { "match_case_button", N_("Match Case (Alt+C)") },
  { "whole_words_button", N_("Whole Words (Alt+W)") },
  { "label_all_button", N_("Give every match a label") },
};

static void
on_search_mode_changed_cb (GlossSearchBar *self,
                           GParamSpec     *pspec,
                           GtkSearchBar   *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      if (!self->tooltips_set)
        gloss_late_tooltips_set (GTK_WIDGET (self), GLOSS_TYPE_SEARCH_BAR, bar_tooltips,
                                 G_N_ELEMENTS (bar_tooltips));
      self->tooltips_set = TRUE;
      return;
    }

  /* Closed from its close button, or from here. */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  clear_highlights (self);
  g_array_set_size (self->matches, 0);
  g_clear_pointer (&self->query, g_free);
  self->current = -1;
  update_state (self);

  if (self->view != NULL && gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gloss_search_bar_next_match (GLOSS_SEARCH_BAR (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gloss_search_bar_previous_match (GLOSS_SEARCH_BAR (widget));
}

/* "search.label-all(x)": labels every match with the label of that id. */
static void
label_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (widget);
  g_autoptr(GArray) ranges = NULL;

  ensure_fresh (self);
  if (self->matches->len == 0)
    return;

  /* A copy, which the handler may keep: the bar's own changes as the user
   * goes on searching. */
  ranges = g_array_sized_new (FALSE, FALSE, sizeof (GlossSearchRange), self->matches->len);
  g_array_append_vals (ranges, self->matches->data, self->matches->len);
  g_signal_emit (self, signals[LABEL_ALL], 0, g_variant_get_int64 (parameter), ranges);
}

static void
on_flags_changed_cb (GlossSearchBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    refresh (self, TRUE);
}

static void
on_label_activated_cb (GlossSearchBar *self,
                       guint           position,
                       GtkListView    *list_view)
{
  g_autoptr(GlossLabel) label = NULL;

  if (self->labels == NULL || (label = g_list_model_get_item (self->labels, position)) == NULL)
    return;

  gtk_menu_button_popdown (self->label_all_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "search.label-all", "x",
                              gloss_label_get_id (label));
}

static void
setup_label_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GlossSearchBar           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GlossSearchBar           *self)
{
  GlossLabel *label = gtk_list_item_get_item (item);
  g_autofree char *markup = NULL;
  GdkRGBA rgba;

  /* A dot in the label's color, as the label list shows it. */
  if (gdk_rgba_parse (&rgba, gloss_label_get_color (label)))
    {
      /* Pango reads #rrggbb, not every color CSS does. */
      g_autofree char *color = g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                                                (guint) (rgba.green * 255 + 0.5),
                                                (guint) (rgba.blue * 255 + 0.5));

      markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s", color,
                                        gloss_label_get_name (label));
    }
  else
    {
      markup = g_markup_escape_text (gloss_label_get_name (label), -1);
    }

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static void
gloss_search_bar_dispose (GObject *object)
{
  GlossSearchBar *self = (GlossSearchBar *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->options, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  gloss_search_bar_set_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SEARCH_BAR);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (gloss_search_bar_parent_class)->dispose (object);
}

static void
gloss_search_bar_finalize (GObject *object)
{
  GlossSearchBar *self = (GlossSearchBar *) object;

  /* Here, not in dispose: what the search does while it is taken apart
   * still reads them. */
  g_clear_object (&self->options);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (gloss_search_bar_parent_class)->finalize (object);
}

static void
gloss_search_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_MATCH_CASE:
    case PROP_WHOLE_WORDS:
      g_object_get_property (G_OBJECT (self->options), g_param_spec_get_name (pspec), value);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;
    case PROP_CURRENT_MATCH:
      g_value_set_int (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_search_bar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossSearchBar *self = GLOSS_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_MATCH_CASE:
    case PROP_WHOLE_WORDS:
      /* The options tell when they change: on_options_changed_cb (). */
      g_object_set_property (G_OBJECT (self->options), g_param_spec_get_name (pspec), value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Match Case or Whole Words changed. */
static void
on_options_changed_cb (GlossSearchBar     *self,
                       GParamSpec         *pspec,
                       GlossSearchOptions *options)
{
  g_object_notify (G_OBJECT (self), g_param_spec_get_name (pspec));
  on_flags_changed_cb (self);
}

static void
gloss_search_bar_class_init (GlossSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_search_bar_dispose;
  object_class->finalize = gloss_search_bar_finalize;
  object_class->get_property = gloss_search_bar_get_property;
  object_class->set_property = gloss_search_bar_set_property;

  properties[PROP_MATCH_CASE] =
    g_param_spec_boolean ("match-case", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_MATCH] =
    g_param_spec_int ("current-match", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to label every match (GlossSearchRange in a GArray) with
   * the label of that id. */
  signals[LABEL_ALL] =
    g_signal_new ("label-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, counter);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, label_all_button);
  /* Found by name only, for their tooltips (bar_tooltips). */
  gtk_widget_class_bind_template_child_full (widget_class, "previous_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "next_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "match_case_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "whole_words_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchBar, label_list);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "search.label-all", "x", label_all_action);
  gtk_widget_class_install_action (widget_class, "search.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "search.match-case", "match-case");
  gtk_widget_class_install_property_action (widget_class, "search.whole-words", "whole-words");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK,
                                       "search.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK,
                                       "search.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_ALT_MASK,
                                       "search.match-case", NULL);
  /* The entry closes the bar on Escape itself; from the bar's buttons too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "search.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_ALT_MASK,
                                       "search.whole-words", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glosssearchbar");
}

static void
gloss_search_bar_init (GlossSearchBar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* Before the template: its toggle buttons' actions read the options. */
  self->options = gloss_search_options_new ();
  g_signal_connect_object (self->options, "notify", G_CALLBACK (on_options_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_init_template (GTK_WIDGET (self));
  gloss_late_tooltips_hide_while_open (GTK_WIDGET (self->label_all_button),
                                       gtk_menu_button_get_popover (self->label_all_button));
  /* The bar shows at once: keys typed while GtkSearchBar (4.8) slides its
   * revealer in are now and then lost, and a person types the phrase
   * right after Ctrl+F. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->search_bar));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_REVEALER (child))
      gtk_revealer_set_transition_duration (GTK_REVEALER (child), 0);

  self->matches = g_array_new (FALSE, FALSE, sizeof (GlossSearchRange));
  self->current = -1;
  self->shown.start = self->shown.end = -1;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_item_cb), self);
  gtk_list_view_set_factory (self->label_list, factory);

  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (gloss_search_bar_next_match), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "next-match", G_CALLBACK (gloss_search_bar_next_match),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "previous-match",
                           G_CALLBACK (gloss_search_bar_previous_match), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "stop-search", G_CALLBACK (on_stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->label_list, "activate", G_CALLBACK (on_label_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_match_tag_colors), self, G_CONNECT_SWAPPED);

  update_state (self);
}

GtkWidget *
gloss_search_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_SEARCH_BAR, NULL);
}

/* Searches VIEW's text from now on. The match tag is made once per buffer
 * and put under every other tag. */
void
gloss_search_bar_set_view (GlossSearchBar    *self,
                           GlossDocumentView *view)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;

  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GLOSS_IS_DOCUMENT_VIEW (view));

  if (self->view == view)
    return;

  if (self->buffer != NULL)
    {
      clear_highlights (self);
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_clear_object (&self->buffer);
      self->match_tag = NULL;
      self->current_tag = NULL;
    }
  g_clear_weak_pointer (&self->view);
  g_array_set_size (self->matches, 0);
  self->current = -1;

  if (view == NULL)
    return;

  g_set_weak_pointer (&self->view, view);
  buffer = self->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  table = gtk_text_buffer_get_tag_table (buffer);
  self->match_tag = gtk_text_tag_table_lookup (table, MATCH_TAG_NAME);
  if (self->match_tag == NULL)
    {
      self->match_tag = gtk_text_buffer_create_tag (buffer, MATCH_TAG_NAME, NULL);
      gtk_text_tag_set_priority (self->match_tag, 0);
    }
  self->current_tag = gtk_text_tag_table_lookup (table, CURRENT_TAG_NAME);
  if (self->current_tag == NULL)
    self->current_tag = gtk_text_buffer_create_tag (buffer, CURRENT_TAG_NAME, NULL);
  update_match_tag_colors (self);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The labels "Label All" offers: a GListModel of GlossLabel. */
void
gloss_search_bar_set_labels (GlossSearchBar *self,
                             GListModel     *labels)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));
  g_return_if_fail (labels == NULL || G_IS_LIST_MODEL (labels));

  g_set_object (&self->labels, labels);
  if (labels != NULL)
    selection = gtk_no_selection_new (g_object_ref (labels));
  gtk_list_view_set_model (self->label_list, GTK_SELECTION_MODEL (selection));
}

/* Shows the bar with the focus in its entry. A short selection in the text
 * becomes the phrase to find, as in a text editor. */
void
gloss_search_bar_open (GlossSearchBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  buffer = get_buffer (self);
  if (buffer != NULL && gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= MAX_PREFILL_CHARS)
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);

      if (find_selected_match (self) < 0)
        gtk_editable_set_text (GTK_EDITABLE (self->entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  update_match_tag_colors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  refresh (self, FALSE);
}

/* Hides the bar and takes the highlights away; the phrase stays for the
 * next time. */
void
gloss_search_bar_close (GlossSearchBar *self)
{
  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
gloss_search_bar_is_open (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

/* The phrase the current matches were found for. */
const char *
gloss_search_bar_get_query (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), NULL);

  return self->query ? self->query : "";
}

GlossSearchFlags
gloss_search_bar_get_flags (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), GLOSS_SEARCH_FLAGS_NONE);

  return gloss_search_options_get_flags (self->options);
}

guint
gloss_search_bar_get_n_matches (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), 0);

  return self->matches->len;
}

/* The index of the selected match, or -1 when the selection is none. */
int
gloss_search_bar_get_current_match (GlossSearchBar *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_BAR (self), -1);

  return self->current;
}

/* Shows the bar again if it was closed with a phrase in it, so that Ctrl+G
 * finds the last phrase without retyping it. */
static gboolean
reopen (GlossSearchBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      ensure_fresh (self);
      return TRUE;
    }

  if (gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0' || self->view == NULL)
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  refresh (self, FALSE);
  return TRUE;
}

/* Selects the match after the current one, or after the selection. */
void
gloss_search_bar_next_match (GlossSearchBar *self)
{
  gint64 start, end;

  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  if (!reopen (self) || self->matches->len == 0)
    return;

  if (self->current >= 0)
    {
      select_match (self, (self->current + 1) % self->matches->len);
      return;
    }

  get_selection_offsets (self, &start, &end);
  for (guint i = 0; i < self->matches->len; i++)
    {
      if (get_match (self, i)->start >= end)
        {
          select_match (self, i);
          return;
        }
    }
  select_match (self, 0);
}

/* Selects the match before the current one, or before the selection. */
void
gloss_search_bar_previous_match (GlossSearchBar *self)
{
  gint64 start, end;

  g_return_if_fail (GLOSS_IS_SEARCH_BAR (self));

  if (!reopen (self) || self->matches->len == 0)
    return;

  if (self->current >= 0)
    {
      select_match (self, (self->current + self->matches->len - 1) % self->matches->len);
      return;
    }

  get_selection_offsets (self, &start, &end);
  for (guint i = self->matches->len; i > 0; i--)
    {
      if (get_match (self, i - 1)->end <= start)
        {
          select_match (self, i - 1);
          return;
        }
    }
  select_match (self, self->matches->len - 1);
}
