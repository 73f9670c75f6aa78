/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Match Case and Whole Words of one search, shown as that search's own
 * properties (behind its toggle buttons' actions). The find bar and Search
 * Project each have their own: Whole Words, chosen to step through one
 * document's words, would otherwise hide from Search Project the matches
 * a person looks for by a word's start ("Velay" for "Velayati"). */

#define G_LOG_DOMAIN "gloss-search-options"

#include "config.h"

#include "gloss-search-options.h"

struct _GlossSearchOptions
{
  GObject parent_instance;

  gboolean match_case;
  gboolean whole_words;
};

G_DEFINE_FINAL_TYPE (GlossSearchOptions, gloss_search_options, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MATCH_CASE,
  PROP_WHOLE_WORDS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
gloss_search_options_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossSearchOptions *self = GLOSS_SEARCH_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_MATCH_CASE:
      g_value_set_boolean (value, self->match_case);
      break;
    case PROP_WHOLE_WORDS:
      g_value_set_boolean (value, self->whole_words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_search_options_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossSearchOptions *self = GLOSS_SEARCH_OPTIONS (object);
  gboolean flag = g_value_get_boolean (value);
  gboolean *field;

  switch (prop_id)
    {
    case PROP_MATCH_CASE:
      field = &self->match_case;
      break;
    case PROP_WHOLE_WORDS:
      field = &self->whole_words;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (*field == flag)
    return;
  *field = flag;
  g_object_notify_by_pspec (object, pspec);
}

static void
gloss_search_options_class_init (GlossSearchOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gloss_search_options_get_property;
  object_class->set_property = gloss_search_options_set_property;

  properties[PROP_MATCH_CASE] =
    g_param_spec_boolean ("match-case", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_search_options_init (GlossSearchOptions *self)
{
}

GlossSearchOptions *
gloss_search_options_new (void)
{
  return g_object_new (GLOSS_TYPE_SEARCH_OPTIONS, NULL);
}

GlossSearchFlags
gloss_search_options_get_flags (GlossSearchOptions *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_OPTIONS (self), GLOSS_SEARCH_FLAGS_NONE);

  return (self->match_case ? GLOSS_SEARCH_CASE_SENSITIVE : 0) |
         (self->whole_words ? GLOSS_SEARCH_WHOLE_WORD : 0);
}
