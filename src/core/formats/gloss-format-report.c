/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What an import or export did and what its format could not carry
 * (GlossFormatReport, gloss-format.h). Apart from the list of formats so
 * that the formats, which fill it, do not call back into the module that
 * lists them. */

#define G_LOG_DOMAIN "gloss-format"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-format.h"

GlossFormatReport *
gloss_format_report_new (void)
{
  GlossFormatReport *report = g_new0 (GlossFormatReport, 1);

  report->lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report->lost_one = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);

  return report;
}

void
gloss_format_report_free (GlossFormatReport *report)
{
  if (report == NULL)
    return;

  g_hash_table_unref (report->lost);
  g_hash_table_unref (report->lost_one);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

/* Counts COUNT things the format could not carry: ONE names one of them,
 * MANY more ("span note", "span notes"). Both are untranslated msgids (po/
 * extracts them as a plural pair); MANY is the key gloss_format_report_count_lost ()
 * takes, and gloss_format_report_describe () translates them with the count. */
void
gloss_format_report_lose (GlossFormatReport *report,
                          const char        *one,
                          const char        *many,
                          guint              count)
{
  guint old;

  g_return_if_fail (report != NULL);
  g_return_if_fail (one != NULL);
  g_return_if_fail (many != NULL);

  old = GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, many));
  g_hash_table_insert (report->lost, g_strdup (many), GUINT_TO_POINTER (old + count));
  g_hash_table_insert (report->lost_one, g_strdup (many), g_strdup (one));
}

/* For a format with no discontinuous spans, which writes each part of one
 * as a span of its own: counts DOCUMENT's discontinuous spans, so that the
 * report says they were cut up. */
void
gloss_format_report_parts_as_spans (GlossFormatReport    *report,
                                    GlossDatasetDocument *document)
{
  g_autoptr(GHashTable) firsts = NULL;

  g_return_if_fail (report != NULL);
  g_return_if_fail (document != NULL);

  for (guint i = 0; i < document->spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      if (span->part_of == NULL)
        continue;
      if (firsts == NULL)
        firsts = g_hash_table_new (NULL, NULL);
      g_hash_table_add (firsts, span->part_of);
    }

  if (firsts != NULL)
    gloss_format_report_lose (report, "discontinuous span written as its parts",
                              "discontinuous spans written as their parts",
                              g_hash_table_size (firsts));
}

/* Adds what FROM could not carry to REPORT. */
void
gloss_format_report_add_lost (GlossFormatReport *report,
                              GlossFormatReport *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (report != NULL);
  g_return_if_fail (from != NULL);

  g_hash_table_iter_init (&iter, from->lost);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gloss_format_report_lose (report, g_hash_table_lookup (from->lost_one, key), key,
                              GPOINTER_TO_UINT (value));
}

guint
gloss_format_report_count_lost (GlossFormatReport *report,
                                const char        *reason)
{
  g_return_val_if_fail (report != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, reason));
}

void
gloss_format_report_warn (GlossFormatReport *report,
                          const char        *format,
                          ...)
{
  va_list args;

  g_return_if_fail (report != NULL);

  va_start (args, format);
  g_ptr_array_add (report->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* What a user reads after an import or export, one fact a line. */
char *
gloss_format_report_describe (GlossFormatReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) reasons = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                             report->documents),
                          report->documents);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", report->spans),
                          report->spans);
  if (report->relations > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                 report->relations),
                              report->relations);
    }
  g_string_append_c (text, '\n');

  if (report->events > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u event read as relations from its trigger to each argument\n",
                                         "%u events read as relations from their triggers to each argument\n",
                                         report->events),
                            report->events);

  if (report->labels_created > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u new label\n", "%u new labels\n",
                                               report->labels_created),
                            report->labels_created);
  if (report->documents_merged > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u document was already in the project: its spans were merged\n",
                                         "%u documents were already in the project: their spans were merged\n",
                                         report->documents_merged),
                            report->documents_merged);
  if (report->spans_skipped_duplicate > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u span was there already and was skipped\n",
                                         "%u spans were there already and were skipped\n",
                                         report->spans_skipped_duplicate),
                            report->spans_skipped_duplicate);

  reasons = g_list_sort (g_hash_table_get_keys (report->lost), (GCompareFunc) g_strcmp0);
  for (const GList *l = reasons; l != NULL; l = l->next)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (report->lost, l->data));
      const char *one = g_hash_table_lookup (report->lost_one, l->data);

      /* TRANSLATORS: the second %s is what was not carried, already in the
       * count's plural form: "Not carried by this format: 1 span note" */
      g_string_append_printf (text, _("Not carried by this format: %u %s\n"), count,
                              g_dngettext (GETTEXT_PACKAGE, one, l->data, count));
    }

  for (guint i = 0; i < report->warnings->len; i++)
    g_string_append_printf (text, _("Warning: %s\n"), (const char *) report->warnings->pdata[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
