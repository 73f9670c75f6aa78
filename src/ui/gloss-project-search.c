/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GlossProjectSearch finds a phrase in every document of a project, as the
 * user types, and lists each match in its context. Activating a match asks
 * the window (through "result-activated") to open the document there.
 *
 * The search runs on a thread over a connection of its own
 * (gloss_store_search_project_async), so that a large project never holds
 * up typing; a newer search cancels the one before it. */

#define G_LOG_DOMAIN "gloss-project-search"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-project-search.h"
#include "gloss-search-options.h"

/* Enough to look through at once; Show More adds as many again. */
#define MAX_RESULTS 500

struct _GlossSearchHit
{
  GObject parent_instance;

  GlossSearchResult *result;
};

G_DEFINE_FINAL_TYPE (GlossSearchHit, gloss_search_hit, G_TYPE_OBJECT)

static void
gloss_search_hit_finalize (GObject *object)
{
  GlossSearchHit *self = (GlossSearchHit *) object;

  g_clear_pointer (&self->result, gloss_search_result_free);

  G_OBJECT_CLASS (gloss_search_hit_parent_class)->finalize (object);
}

static void
gloss_search_hit_class_init (GlossSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_hit_finalize;
}

static void
gloss_search_hit_init (GlossSearchHit *self)
{
}

/* Takes RESULT. */
static GlossSearchHit *
gloss_search_hit_new (GlossSearchResult *result)
{
  GlossSearchHit *self = g_object_new (GLOSS_TYPE_SEARCH_HIT, NULL);

  self->result = result;
  return self;
}

const GlossSearchResult *
gloss_search_hit_get_result (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return self->result;
}

struct _GlossProjectSearch
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkSearchEntry *entry;
  GtkStack *stack;
  GtkListView *list_view;
  GtkLabel *summary;
  GtkWidget *more_button;

  /* Owned references */
  GlossStore *store;
  GListStore *results;        /* GlossSearchHit */
  GCancellable *cancellable;  /* of the search under way */
  char *searched;             /* the query of the last search started */
  guint limit;                /* how many matches the search looks for */
  gboolean showing_more;      /* the search under way is Show More's */

  GlossSearchFlags searched_flags;
  GlossSearchOptions *options;   /* Match Case and Whole Words, its own */
};

G_DEFINE_FINAL_TYPE (GlossProjectSearch, gloss_project_search, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MATCH_CASE,
  PROP_WHOLE_WORDS,
  PROP_BUSY,
  N_PROPS,
};

enum {
  RESULT_ACTIVATED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GlossSearchFlags
get_flags (GlossProjectSearch *self)
{
  return gloss_search_options_get_flags (self->options);
}

static guint
count_documents (GPtrArray *results)
{
  guint n_documents = 0;
  gint64 last = 0;

  /* Results come in document order. */
  for (guint i = 0; i < results->len; i++)
    {
      GlossSearchResult *result = g_ptr_array_index (results, i);

      if (i == 0 || result->document_id != last)
        n_documents++;
      last = result->document_id;
    }

  return n_documents;
}

static void
show_summary (GlossProjectSearch *self,
              GPtrArray          *results)
{
  guint n_results = results->len;
  guint n_documents = count_documents (results);
  g_autofree char *matches = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *summary = NULL;

  if (n_results >= self->limit)
    matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first %u match",
                                            "The first %u matches", n_results),
                               n_results);
  else
    matches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_results),
                               n_results);
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            n_documents),
                               n_documents);
  /* TRANSLATORS: "12 matches" "in" "3 documents" */
  summary = g_strdup_printf (C_("search summary", "%s in %s"), matches, documents);

  gtk_label_set_label (self->summary, summary);
  /* The search stopped at its limit: there may be more. */
  gtk_widget_set_visible (self->more_button, n_results >= self->limit);
}

static void
set_busy (GlossProjectSearch *self,
          GCancellable       *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlossProjectSearch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint n_shown;

  results = gloss_store_search_project_finish (GLOSS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (results == NULL)
    {
      gtk_label_set_label (self->summary, error->message);
      gtk_widget_set_visible (self->more_button, FALSE);
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_widget_set_visible (self->more_button, FALSE);
  if (results->len > 0)
    show_summary (self, results);
  else
    gtk_label_set_label (self->summary, "");
  gtk_stack_set_visible_child_name (self->stack, results->len > 0 ? "results" : "empty");

  /* Show More searched again for more: the matches shown come first, in
   * the same order, and stay where they are in the list. */
  n_shown = self->showing_more ? g_list_model_get_n_items (G_LIST_MODEL (self->results)) : 0;
  self->showing_more = FALSE;
  if (n_shown > results->len)
    n_shown = 0;
  hits = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n_shown; i < results->len; i++)
    g_ptr_array_add (hits, gloss_search_hit_new (g_steal_pointer (&results->pdata[i])));
  g_list_store_splice (self->results, n_shown,
                       g_list_model_get_n_items (G_LIST_MODEL (self->results)) - n_shown,
                       hits->pdata, hits->len);
}

/* Searches for the first LIMIT matches. */
static void
search_up_to (GlossProjectSearch *self,
              guint               limit)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GCancellable) cancellable = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->limit = limit;

  g_free (self->searched);
  self->searched = g_strdup (query);
  self->searched_flags = get_flags (self);

  if (query[0] == '\0')
    {
      set_busy (self, NULL);
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "start");
      gtk_label_set_label (self->summary, "");
      gtk_widget_set_visible (self->more_button, FALSE);
      return;
    }

  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  gloss_store_search_project_async (self->store, query, self->searched_flags, self->limit,
                                    cancellable, on_search_done_cb, g_object_ref (self));
}

static void
start_search (GlossProjectSearch *self)
{
  self->showing_more = FALSE;
  search_up_to (self, MAX_RESULTS);
}

/* The same search, for as many matches again as it found. */
static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossProjectSearch *self = GLOSS_PROJECT_SEARCH (widget);

  if (self->searched == NULL || self->searched[0] == '\0')
    return;

  self->showing_more = TRUE;
  search_up_to (self, self->limit + MAX_RESULTS);
}

static void
on_search_changed_cb (GlossProjectSearch *self,
                      GtkSearchEntry     *entry)
{
  /* set_query() may have started this search already. */
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0 &&
      self->searched_flags == get_flags (self))
    return;

  start_search (self);
}

static void
activate_result (GlossProjectSearch *self,
                 guint               position)
{
  g_autoptr(GlossSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (hit == NULL)
    return;

  g_signal_emit (self, signals[RESULT_ACTIVATED], 0,
                 hit->result->document_id, hit->result->start, hit->result->end);
}

static void
on_result_activated_cb (GlossProjectSearch *self,
                        guint               position,
                        GtkListView        *list_view)
{
  activate_result (self, position);
}

/* Enter in the entry opens the first match. */
static void
on_entry_activate_cb (GlossProjectSearch *self,
                      GtkSearchEntry     *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    activate_result (self, 0);
}

static void
on_stop_search_cb (GlossProjectSearch *self,
                   GtkSearchEntry     *entry)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* The results point into documents; when documents come or go, look again. */
static void
on_documents_changed_cb (GlossProjectSearch *self,
                         GlossStore         *store)
{
  if (self->searched != NULL && self->searched[0] != '\0')
    start_search (self);
}

static void
setup_result_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GlossProjectSearch       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *context = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (name, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (context), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (context), 2);
  gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), context);
  gtk_widget_add_css_class (box, "search-result");
  gtk_list_item_set_child (item, box);
}

/* Context as one line: tabs and other breaks read as spaces. */
static char *
dup_flat (const char *text)
{
  return g_strdelimit (g_strdup (text), "\t\r\n\v\f", ' ');
}

/* Context cut off mid-line starts and ends at a word, after or before an
 * ellipsis, rather than with half a word. */
static char *
dup_context (const char *text,
             gboolean    before)
{
  g_autofree char *flat = dup_flat (text);
  const char *space;

  if (g_utf8_strlen (flat, -1) < GLOSS_SEARCH_CONTEXT_CHARS)
    return g_steal_pointer (&flat);

  if (before)
    {
      space = strchr (flat, ' ');
      return g_strconcat ("…", space ? space + 1 : flat, NULL);
    }

  space = strrchr (flat, ' ');
  if (space != NULL)
    *(char *) space = '\0';
  return g_strconcat (flat, "…", NULL);
}

static void
bind_result_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GlossProjectSearch       *self)
{
  GlossSearchHit *hit = gtk_list_item_get_item (item);
  const GlossSearchResult *result = hit->result;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *context = gtk_widget_get_next_sibling (name);
  g_autofree char *before = dup_context (result->context_before, TRUE);
  g_autofree char *match = dup_flat (result->match);
  g_autofree char *after = dup_context (result->context_after, FALSE);
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;

  /* Every piece is escaped: a document may well contain "<" or "&". */
  markup = g_markup_printf_escaped ("%s<b>%s</b>%s", before, match, after);
  gtk_label_set_label (GTK_LABEL (name), result->document_name);
  gtk_label_set_markup (GTK_LABEL (context), markup);

  accessible = g_strdup_printf ("%s: %s%s%s", result->document_name, before, match, after);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
gloss_project_search_map (GtkWidget *widget)
{
  GlossProjectSearch *self = GLOSS_PROJECT_SEARCH (widget);

  GTK_WIDGET_CLASS (gloss_project_search_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
gloss_project_search_dispose (GObject *object)
{
  GlossProjectSearch *self = (GlossProjectSearch *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_signal_handlers_disconnect_by_data (self->options, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PROJECT_SEARCH);

  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_project_search_parent_class)->dispose (object);
}

static void
gloss_project_search_finalize (GObject *object)
{
  GlossProjectSearch *self = (GlossProjectSearch *) object;

  /* Here, not in dispose: what the search does while it is taken apart
   * still reads them. */
  g_clear_object (&self->options);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (gloss_project_search_parent_class)->finalize (object);
}

static void
gloss_project_search_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossProjectSearch *self = GLOSS_PROJECT_SEARCH (object);

  switch (prop_id)
    {
    case PROP_MATCH_CASE:
    case PROP_WHOLE_WORDS:
      g_object_get_property (G_OBJECT (self->options), g_param_spec_get_name (pspec), value);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, gloss_project_search_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_search_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossProjectSearch *self = GLOSS_PROJECT_SEARCH (object);

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
on_options_changed_cb (GlossProjectSearch *self,
                       GParamSpec         *pspec,
                       GlossSearchOptions *options)
{
  g_object_notify (G_OBJECT (self), g_param_spec_get_name (pspec));
  if (self->searched != NULL)
    start_search (self);
}

static void
gloss_project_search_class_init (GlossProjectSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_project_search_dispose;
  object_class->finalize = gloss_project_search_finalize;
  object_class->get_property = gloss_project_search_get_property;
  object_class->set_property = gloss_project_search_set_property;
  widget_class->map = gloss_project_search_map;

  properties[PROP_MATCH_CASE] =
    g_param_spec_boolean ("match-case", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a search is under way. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user chose a match: its document's id, and its start and end in
   * code points. */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-project-search.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, summary);
  gtk_widget_class_bind_template_child (widget_class, GlossProjectSearch, more_button);
  gtk_widget_class_install_action (widget_class, "project-search.show-more", NULL,
                                   show_more_action);

  gtk_widget_class_install_property_action (widget_class, "project-search.match-case",
                                            "match-case");
  gtk_widget_class_install_property_action (widget_class, "project-search.whole-words",
                                            "whole-words");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_ALT_MASK,
                                       "project-search.match-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_ALT_MASK,
                                       "project-search.whole-words", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_project_search_init (GlossProjectSearch *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  /* Before the template: its toggle buttons' actions read the options. */
  self->options = gloss_search_options_new ();
  g_signal_connect_object (self->options, "notify", G_CALLBACK (on_options_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->limit = MAX_RESULTS;
  self->results = g_list_store_new (GLOSS_TYPE_SEARCH_HIT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_result_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "stop-search", G_CALLBACK (on_stop_search_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "start");
}

GtkWidget *
gloss_project_search_new (GlossStore *store)
{
  GlossProjectSearch *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_PROJECT_SEARCH, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "documents-changed", G_CALLBACK (on_documents_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/* Puts QUERY in the entry and searches for it at once. */
void
gloss_project_search_set_query (GlossProjectSearch *self,
                                const char         *query)
{
  g_return_if_fail (GLOSS_IS_PROJECT_SEARCH (self));
  g_return_if_fail (query != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  start_search (self);
}

/* The results shown: a GListModel of GlossSearchHit. */
GListModel *
gloss_project_search_get_results (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), NULL);

  return G_LIST_MODEL (self->results);
}

gboolean
gloss_project_search_is_busy (GlossProjectSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT_SEARCH (self), FALSE);

  return self->cancellable != NULL;
}
