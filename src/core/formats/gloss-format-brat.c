/* SPDX-License-Identifier: GPL-3.0-or-later */

/* brat standoff (https://brat.nlplab.org/standoff.html), read and written.
 *
 * A brat folder holds, per document, NAME.txt (the text exactly as stored,
 * CRLF kept: brat counts code points over the file as it is) and NAME.ann,
 * one annotation a line:
 *
 *   T1<TAB>Hardline_camp 12 21<TAB>Tehran 🇮🇷
 *   #1<TAB>AnnotatorNotes T1<TAB>the note
 *
 * plus annotation.conf, which lists the entity types with a
 * "# gloss-label: TYPE = Label name" comment per label, and visual.conf, with
 * the label names and colors brat shows. Type names come from label names
 * through gloss-type-name.h ("Hardline camp" is "Hardline_camp"; a name
 * brat holds, "v-fin", stays as it is).
 *
 * Relations, events, attributes and equivalences:
 *
 *   R1<TAB>Opposes Arg1:T1 Arg2:T3     a relation from T1 to T3
 *   E1<TAB>Bind:T5 Theme1:T2 Theme2:T3 the trigger T5 (a span), and a relation
 *                                      from it to each argument, typed by the
 *                                      role exactly as written ("Theme1")
 *   *<TAB>Equiv T1 T2 T3               relations T1-T2 and T2-T3 of an
 *                                      undirected relation label
 *   A1<TAB>Negation T1                 a yes/no attribute, "true"
 *   A2<TAB>Confidence E1 High          a choice; an event's attributes and
 *                                      notes are its trigger's
 *
 * A relation label whose description starts "brat event argument" (the
 * reader gives event roles that description) holds event arguments: the
 * writer gives a span with such relations an E line, and every line that
 * points at the span then names the event, as brat does. An undirected
 * label's relations are written as "*" lines, one per set of spans they
 * join; all other relations as R lines. Roles keep their numbers so that the
 * E line comes back the same; annotation.conf lists them without
 * ("Theme*"), as brat numbers a role that comes more than once.
 * annotation.conf gets [relations], [events] and [attributes] from the
 * relation labels and attributes; argument types are not kept (Gloss
 * relates any spans), so they are written <ANY>.
 *
 * Writing:
 * - A document's files are named after it, without a trailing ".txt"; the
 *   characters file systems refuse (/ \ : * ? " < > | and control characters)
 *   and a leading dot become "_" ("a/b" is a_b.txt), and "-2", "-3"... keep
 *   names apart that a case-insensitive file system would confuse.
 * - brat reads .ann files line by line, so a span that crosses a line break
 *   is written as its fragments between the breaks ("T1<TAB>Actor 0 3;5 10"),
 *   the way brat itself stores such a selection; reading joins fragments
 *   that only line breaks separate back into one span.
 * - A discontinuous span (a group of parts, see gloss-span.h) is one T line
 *   with every part's fragments in order and their texts joined by a
 *   space, as brat writes it ("T3<TAB>Actor 0 4;12 18<TAB>Iran Tehran");
 *   the lines that point at a part point at that T.
 * - brat has no place for annotators, document status or categories, label
 *   hotkeys or descriptions, notes on event arguments or equivalences, or
 *   free text attributes (written as a choice of the values used): they are
 *   counted.
 * - The [relations] section allows any overlap between entities, since Gloss
 *   spans may nest and cross and brat refuses crossing spans by default.
 *
 * Reading takes a folder (every NAME.txt and NAME.ann in it, in name order,
 * since a folder has no other; a .txt without .ann is a document without
 * spans; subfolders are named in a warning and left) or one .ann with its .txt
 * beside it. The text a T line repeats must be the text at its offsets, or
 * the file is refused: that is how offsets counted in bytes or UTF-16 units
 * are caught before they become wrong spans. A T line's fragments must be
 * in order and apart, each inside the text and not empty, or the file is
 * refused. A discontinuous span (fragments apart by more than line breaks)
 * becomes one span of parts: its first fragment is the span, which holds
 * its relations, attributes and notes, and each further fragment a part of
 * it. Lines that point
 * at annotations the file does not have, or cannot be read, are counted and
 * named by line; normalizations are counted and skipped; AnnotatorNotes
 * become span and relation notes. A document is named after its .txt file.
 * Label names come from the gloss-label comments, else from undoing the
 * type-name mapping; colors from visual.conf (bgColor for spans, color for
 * relations).
 */

#define G_LOG_DOMAIN "gloss-format-brat"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-format.h"
#include "gloss-format-reader.h"
#include "gloss-offsets.h"
#include "gloss-text-file.h"
#include "gloss-tokenizer.h"
#include "gloss-type-name.h"

#define ANNOTATION_CONF "annotation.conf"
#define VISUAL_CONF "visual.conf"
#define LABEL_COMMENT "# gloss-label: "
#define LABEL_COMMENT_SEPARATOR " = "

/* The description of a relation label whose relations are the arguments
 * of brat events: the writer gives them back as E lines. */
#define EVENT_ROLE_DESCRIPTION "brat event argument"

/* How many lines of one file that point at annotations not in it are named
 * in warnings; the rest are counted. */
#define MAX_REFERENCE_WARNINGS 20

/* The longest file name a document gets, in bytes, leaving room for ".txt",
 * a "-NNN" to keep names apart, and the 255-byte limit of most file systems. */
#define MAX_STEM_BYTES 200

typedef struct
{
  gint64 start;
  gint64 end;
} Fragment;

static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

static gboolean
has_line_break (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Lines of a .ann or .conf file, CR of a CRLF ending dropped. */
static char **
split_lines (const char *contents)
{
  char **lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize length = strlen (lines[i]);

      if (length > 0 && lines[i][length - 1] == '\r')
        lines[i][length - 1] = '\0';
    }

  return lines;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
strings_contain (GPtrArray  *strings,
                 const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), string))
      return TRUE;

  return FALSE;
}

/* ---- Writing ---------------------------------------------------------- */

typedef struct
{
  GlossDatasetSource *source;
  GlossFormatOutput *output;
  GlossFormatReport *report;
  GHashTable *file_keys;     /* case-folded file names in use */
  GPtrArray *label_names;    /* every label written: the label set, then any other used */
  GHashTable *labels;        /* label name -> GlossDatasetLabel (borrowed) or NULL */
  GPtrArray *relation_names; /* the same for relation labels */
  GHashTable *relation_labels;  /* name -> GlossDatasetRelationLabel (borrowed) or NULL */
  GPtrArray *attribute_names;   /* and for attributes */
  GHashTable *attributes;       /* name -> GlossDatasetAttribute (borrowed) or NULL */
  GHashTable *attribute_values; /* name -> GPtrArray of the values written */
  GHashTable *event_roles;      /* event label -> GPtrArray of its roles in annotation.conf */
} BratWriter;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossDatasetSpan *span_a = *(GlossDatasetSpan **) a;
  const GlossDatasetSpan *span_b = *(GlossDatasetSpan **) b;
  int order;

  if (span_a->start != span_b->start)
    return span_a->start < span_b->start ? -1 : 1;
  if (span_a->end != span_b->end)
    return span_a->end > span_b->end ? -1 : 1;
  if ((order = g_strcmp0 (span_a->label, span_b->label)) != 0)
    return order;
  return g_strcmp0 (span_a->note, span_b->note);
}

static char *
file_stem_for (const char *name)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  gsize length = strlen (name);

  if (length > 4 && g_ascii_strcasecmp (name + length - 4, ".txt") == 0)
    length -= 4;

  for (const char *p = name; p < name + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (stem->len + (next - p) > MAX_STEM_BYTES)
        break;

      if (c < 0x20 || c == 0x7F || strchr ("/\\:*?\"<>|", c) != NULL
          || (stem->len == 0 && c == '.'))
        g_string_append_c (stem, '_');
      else
        g_string_append_len (stem, p, next - p);
    }

  if (stem->len == 0)
    g_string_append (stem, "document");

  return g_string_free (g_steal_pointer (&stem), FALSE);
}

static char *
file_key (const char *stem)
{
  g_autofree char *normalized = g_utf8_normalize (stem, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized, -1);
}

/* A stem no earlier document has, on any file system. */
static char *
unique_stem (BratWriter *writer,
             const char *name)
{
  g_autofree char *base = file_stem_for (name);
  char *stem = g_strdup (base);

  for (guint n = 2;; n++)
    {
      char *key = file_key (stem);

      if (!g_hash_table_contains (writer->file_keys, key))
        {
          g_hash_table_add (writer->file_keys, key);
          return stem;
        }

      g_free (key);
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, n);
    }
}

/* The parts of START-END between line breaks, and their texts joined with
 * spaces, as brat joins the fragments of a span. */
static GArray *
split_at_line_breaks (const char *text,
                      GlossOffsetsCursor *cursor,
                      gint64      start,
                      gint64      end,
                      GString    *joined)
{
  GArray *fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  const char *p = text + gloss_offsets_cursor_char_to_byte (cursor, start);
  Fragment fragment = { -1, -1 };

  for (gint64 offset = start; offset < end; offset++, p = g_utf8_next_char (p))
    {
      if (gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
        {
          if (fragment.start >= 0)
            {
              fragment.end = offset;
              g_array_append_val (fragments, fragment);
              fragment.start = -1;
            }
          continue;
        }

      if (fragment.start < 0)
        {
          fragment.start = offset;
          if (fragments->len > 0)
            g_string_append_c (joined, ' ');
        }
      g_string_append_len (joined, p, g_utf8_next_char (p) - p);
    }

  if (fragment.start >= 0)
    {
      fragment.end = end;
      g_array_append_val (fragments, fragment);
    }

  return fragments;
}

/* A note on one line: brat ends an annotation at a line break. */
static char *
note_on_one_line (const char *note,
                  gboolean   *changed)
{
  g_autoptr(GString) line = g_string_new (NULL);

  *changed = FALSE;
  for (const char *p = note; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
        {
          g_string_append_c (line, ' ');
          *changed = TRUE;
        }
      else
        g_string_append_len (line, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static gboolean
write_contents (BratWriter  *writer,
                const char  *file_name,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  g_autofree char *path = g_build_filename (writer->output->folder, file_name, NULL);
  g_autoptr(GError) local_error = NULL;

  /* Straight into the file: the folder is the export's temporary, renamed
   * into place whole once written and synced. */
  if (!g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0666,
                                 &local_error))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("Could not write %s in “%s”: %s"), file_name, writer->output->display_name,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
note_label_used (BratWriter *writer,
                 const char *name)
{
  if (g_hash_table_contains (writer->labels, name))
    return;

  g_hash_table_insert (writer->labels, g_strdup (name), NULL);
  g_ptr_array_add (writer->label_names, g_strdup (name));
}

static void
note_relation_used (BratWriter *writer,
                    const char *name)
{
  if (g_hash_table_contains (writer->relation_labels, name))
    return;

  g_hash_table_insert (writer->relation_labels, g_strdup (name), NULL);
  g_ptr_array_add (writer->relation_names, g_strdup (name));
}

static GPtrArray *
strings_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
add_string_once (GPtrArray  *strings,
                 const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), string))
      return;

  g_ptr_array_add (strings, g_strdup (string));
}

/* Relations of a relation label described as brat event arguments are
 * written as the arguments of their source span's event. */
static gboolean
is_event_role (BratWriter *writer,
               const char *type)
{
  GlossDatasetRelationLabel *label = g_hash_table_lookup (writer->relation_labels, type);

  return label != NULL && g_str_has_prefix (label->description, EVENT_ROLE_DESCRIPTION);
}

static gboolean
is_undirected (BratWriter *writer,
               const char *type)
{
  GlossDatasetRelationLabel *label = g_hash_table_lookup (writer->relation_labels, type);

  return label != NULL && !label->directed;
}

/* The ID brat knows SPAN by: its event's, if it is a trigger. */
static void
append_id (GString    *line,
           GHashTable *t_ids,
           GHashTable *e_ids,
           gpointer    span)
{
  guint event = GPOINTER_TO_UINT (g_hash_table_lookup (e_ids, span));

  if (event > 0)
    g_string_append_printf (line, "E%u", event);
  else
    g_string_append_printf (line, "T%u", GPOINTER_TO_UINT (g_hash_table_lookup (t_ids, span)));
}

static void
write_note (BratWriter *writer,
            GString    *ann,
            guint      *n_notes,
            const char *id,
            const char *note)
{
  gboolean changed;
  g_autofree char *line = note_on_one_line (note, &changed);

  if (changed)
    gloss_format_report_lose (writer->report, "line break in a note (written as a space)", "line breaks in notes (written as spaces)", 1);
  g_string_append_printf (ann, "#%u\tAnnotatorNotes %s\t%s\n", ++*n_notes, id, line);
}

/* The roles of TYPE_NAME's events in annotation.conf: "Theme1" and
 * "Theme2" are both "Theme", which brat numbers when it comes more than
 * once. */
static void
note_event_role (BratWriter *writer,
                 const char *label,
                 const char *role_type_name)
{
  GPtrArray *roles = g_hash_table_lookup (writer->event_roles, label);
  g_autofree char *role = g_strdup (role_type_name);
  gsize length = strlen (role);

  if (roles == NULL)
    {
      roles = strings_new ();
      g_hash_table_insert (writer->event_roles, g_strdup (label), roles);
    }

  while (length > 1 && g_ascii_isdigit (role[length - 1]))
    role[--length] = '\0';
  if (role_type_name[0] != '\0')
    add_string_once (roles, role);
}

typedef struct
{
  const char *type;
  GPtrArray *members;   /* GlossDatasetSpan, in the order first met */
} Equivalence;

static void
equivalence_free (gpointer data)
{
  Equivalence *equivalence = data;

  g_ptr_array_unref (equivalence->members);
  g_free (equivalence);
}

/* The relations of undirected labels as brat equivalences: each set of
 * spans they join, one "*" line. */
static void
write_equivalences (BratWriter           *writer,
                    GlossDatasetDocument *document,
                    GHashTable           *t_ids,
                    GHashTable           *e_ids,
                    GString              *ann)
{
  g_autoptr(GPtrArray) equivalences = g_ptr_array_new_with_free_func (equivalence_free);
  /* type -> (span -> its Equivalence) */
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      GHashTable *of_span;
      Equivalence *from, *to;

      if (!is_undirected (writer, relation->type) || !g_hash_table_contains (t_ids, relation->from)
          || !g_hash_table_contains (t_ids, relation->to))
        continue;

      /* A set of one is no line. */
      if (relation->from == relation->to)
        {
          gloss_format_report_lose (writer->report, "equivalence of a span with itself",
                                    "equivalences of spans with themselves", 1);
          continue;
        }

      if (relation->note[0] != '\0')
        gloss_format_report_lose (writer->report, "note on an equivalence", "notes on equivalences", 1);
      if (relation->annotator[0] != '\0')
        gloss_format_report_lose (writer->report, "relation annotator", "relation annotators", 1);
      writer->report->relations++;

      of_span = g_hash_table_lookup (by_type, relation->type);
      if (of_span == NULL)
        {
          of_span = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (by_type, relation->type, of_span);
        }

      from = g_hash_table_lookup (of_span, relation->from);
      to = g_hash_table_lookup (of_span, relation->to);
      if (from == NULL && to == NULL)
        {
          from = g_new0 (Equivalence, 1);
          from->type = relation->type;
          from->members = g_ptr_array_new ();
          g_ptr_array_add (equivalences, from);
        }
      if (from == NULL || to == NULL)
        {
          Equivalence *into = from != NULL ? from : to;
          GlossDatasetSpan *spans[] = { relation->from, relation->to };

          for (guint j = 0; j < 2; j++)
            if (g_hash_table_lookup (of_span, spans[j]) == NULL)
              {
                g_ptr_array_add (into->members, spans[j]);
                g_hash_table_insert (of_span, spans[j], into);
              }
        }
      else if (from != to)
        {
          /* The smaller set joins the larger, so that joining is linear. */
          Equivalence *into = from->members->len >= to->members->len ? from : to;
          Equivalence *other = into == from ? to : from;

          for (guint j = 0; j < other->members->len; j++)
            {
              g_ptr_array_add (into->members, other->members->pdata[j]);
              g_hash_table_insert (of_span, other->members->pdata[j], into);
            }
          g_ptr_array_set_size (other->members, 0);
        }
    }

  for (guint i = 0; i < equivalences->len; i++)
    {
      Equivalence *equivalence = g_ptr_array_index (equivalences, i);
      g_autofree char *type_name = NULL;

      if (equivalence->members->len < 2)
        continue;

      type_name = gloss_type_name_from_label (equivalence->type);
      note_relation_used (writer, equivalence->type);
      g_string_append_printf (ann, "*\t%s", type_name);
      for (guint j = 0; j < equivalence->members->len; j++)
        {
          g_string_append_c (ann, ' ');
          append_id (ann, t_ids, e_ids, equivalence->members->pdata[j]);
        }
      g_string_append_c (ann, '\n');
    }
}

static void
write_attributes (BratWriter       *writer,
                  GlossDatasetSpan *span,
                  GHashTable       *t_ids,
                  GHashTable       *e_ids,
                  guint            *n_attributes,
                  GString          *ann)
{
  for (guint i = 0; i < span->attributes->len; i++)
    {
      GlossDatasetAttributeValue *value = g_ptr_array_index (span->attributes, i);
      GlossDatasetAttribute *attribute = g_hash_table_lookup (writer->attributes, value->name);
      g_autofree char *type_name = gloss_type_name_from_label (value->name);
      g_autofree char *written = NULL;
      gboolean flag;
      GPtrArray *used;

      if (type_name[0] == '\0')
        {
          gloss_format_report_lose (writer->report, "attribute without a name", "attributes without a name", 1);
          continue;
        }

      /* An attribute the source does not define is yes/no when it says so. */
      if (attribute != NULL)
        flag = attribute->kind == GLOSS_ATTRIBUTE_KIND_FLAG;
      else
        flag = g_str_equal (value->value, "true");

      if (!g_hash_table_contains (writer->attributes, value->name))
        {
          g_hash_table_insert (writer->attributes, g_strdup (value->name), NULL);
          g_ptr_array_add (writer->attribute_names, g_strdup (value->name));
        }

      if (!flag)
        {
          written = gloss_type_name_from_value (value->value);
          if (written[0] == '\0')
            {
              gloss_format_report_lose (writer->report, "empty attribute value", "empty attribute values", 1);
              continue;
            }

          used = g_hash_table_lookup (writer->attribute_values, value->name);
          if (used == NULL)
            {
              used = strings_new ();
              g_hash_table_insert (writer->attribute_values, g_strdup (value->name), used);
            }
          add_string_once (used, value->value);
        }

      g_string_append_printf (ann, "A%u\t%s ", ++*n_attributes, type_name);
      append_id (ann, t_ids, e_ids, span);
      if (written != NULL)
        g_string_append_printf (ann, " %s", written);
      g_string_append_c (ann, '\n');
    }
}

static gboolean
write_document (GlossDatasetDocument  *document,
                gpointer               user_data,
                GError               **error)
{
  BratWriter *writer = user_data;
  GlossFormatReport *report = writer->report;
  g_autofree char *stem = unique_stem (writer, document->name);
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autoptr(GPtrArray) spans = g_ptr_array_sized_new (document->spans->len);
  g_autoptr(GString) ann = g_string_new (NULL);
  g_autoptr(GHashTable) t_ids = g_hash_table_new (NULL, NULL);   /* span -> T number */
  g_autoptr(GHashTable) e_ids = g_hash_table_new (NULL, NULL);   /* trigger span -> E number */
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  /* trigger span -> its event's argument relations, in order */
  g_autoptr(GHashTable) arguments = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  gsize length = gloss_offsets_count_chars (document->text, -1);
  GlossOffsetsCursor cursor;
  guint n_written = 0;
  guint n_notes = 0;
  guint n_events = 0;
  guint n_relations = 0;
  guint n_attributes = 0;

  if (!g_str_equal (txt_name, document->name))
    gloss_format_report_lose (report, "document name changed to fit file names", "document names changed to fit file names", 1);
  if (document->status != GLOSS_DOCUMENT_STATUS_NEW)
    gloss_format_report_lose (report, "document status", "document statuses", 1);
  /* A .ann file annotates stretches of text; a whole document's category
   * has no line of its own. */
  if (document->categories->len > 0)
    gloss_format_report_lose (report, "document category", "document categories",
                              document->categories->len);

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      GPtrArray *of_trigger;

      if (!is_event_role (writer, relation->type))
        continue;

      of_trigger = g_hash_table_lookup (arguments, relation->from);
      if (of_trigger == NULL)
        {
          of_trigger = g_ptr_array_new ();
          g_hash_table_insert (arguments, relation->from, of_trigger);
        }
      g_ptr_array_add (of_trigger, relation);
    }

  /* Sorted apart from the source, which is the caller's; a copy would take
   * the source's free function along. */
  for (guint i = 0; i < document->spans->len; i++)
    g_ptr_array_add (spans, g_ptr_array_index (document->spans, i));
  g_ptr_array_sort (spans, compare_spans);
  gloss_offsets_cursor_init (&cursor, document->text);

  /* Each discontinuous span's first part -> it and its parts, in order. */
  for (guint i = 0; i < spans->len; i++)
    {
      GlossDatasetSpan *part = g_ptr_array_index (spans, i);
      GPtrArray *members;

      if (part->part_of == NULL)
        continue;

      members = g_hash_table_lookup (groups, part->part_of);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_ptr_array_add (members, part->part_of);
          g_hash_table_insert (groups, part->part_of, members);
        }
      g_ptr_array_add (members, part);
    }

  for (guint i = 0; i < spans->len; i++)
    {
      GlossDatasetSpan *span = g_ptr_array_index (spans, i);
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autoptr(GString) offsets = g_string_new (NULL);
      g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
      g_autofree char *type_name = NULL;
      GPtrArray *members = g_hash_table_lookup (groups, span);

      /* A discontinuous span's parts are written with its first part. */
      if (span->part_of != NULL)
        continue;

      if (span->label[0] == '\0')
        {
          gloss_format_report_lose (report, "span without a label name", "spans without a label name", 1);
          continue;
        }

      for (guint k = 0; k < (members != NULL ? members->len : 1); k++)
        {
          GlossDatasetSpan *member = members != NULL ? g_ptr_array_index (members, k) : span;
          g_autoptr(GError) span_error = NULL;
          g_autoptr(GString) member_joined = g_string_new (NULL);
          g_autoptr(GArray) member_fragments = NULL;

          if (!gloss_offsets_check_span (length, member->start, member->end, &span_error))
            {
              g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                           _("Document “%s”: %s"), document->name, span_error->message);
              return FALSE;
            }

          member_fragments = split_at_line_breaks (document->text, &cursor, member->start,
                                                   member->end, member_joined);
          if (member_fragments->len == 0)
            {
              gloss_format_report_lose (report, "span of line breaks only", "spans of line breaks only", 1);
              continue;
            }
          if (g_array_index (member_fragments, Fragment, 0).start != member->start
              || g_array_index (member_fragments, Fragment, member_fragments->len - 1).end
                 != member->end)
            gloss_format_report_lose (report, "line break at the end of a span (left out)", "line breaks at the ends of spans (left out)", 1);

          /* brat joins the texts of all fragments with a space. */
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append_len (joined, member_joined->str, member_joined->len);
          g_array_append_vals (fragments, member_fragments->data, member_fragments->len);
        }
      if (fragments->len == 0)
        continue;

      for (guint j = 0; j < fragments->len; j++)
        {
          Fragment *fragment = &g_array_index (fragments, Fragment, j);

          g_string_append_printf (offsets, "%s%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  j > 0 ? ";" : "", fragment->start, fragment->end);
        }

      n_written++;
      type_name = gloss_type_name_from_label (span->label);
      note_label_used (writer, span->label);
      g_string_append_printf (ann, "T%u\t%s %s\t%s\n", n_written, type_name, offsets->str,
                              joined->str);
      g_hash_table_insert (t_ids, span, GUINT_TO_POINTER (n_written));
      /* A line that points at a part points at the whole span. */
      for (guint k = 1; members != NULL && k < members->len; k++)
        g_hash_table_insert (t_ids, g_ptr_array_index (members, k), GUINT_TO_POINTER (n_written));
      if (g_hash_table_contains (arguments, span))
        g_hash_table_insert (e_ids, span, GUINT_TO_POINTER (++n_events));

      /* A trigger's note is its event's, as brat shows it. */
      if (span->note[0] != '\0')
        {
          g_autoptr(GString) id = g_string_new (NULL);

          append_id (id, t_ids, e_ids, span);
          write_note (writer, ann, &n_notes, id->str, span->note);
        }

      if (span->annotator[0] != '\0')
        gloss_format_report_lose (report, "span annotator", "span annotators", 1);
    }

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);

      if (!g_hash_table_contains (t_ids, relation->from)
          || !g_hash_table_contains (t_ids, relation->to))
        gloss_format_report_lose (report, "relation of a span that was not written",
                                  "relations of spans that were not written", 1);
    }

  /* Events, in the order of their triggers. */
  for (guint i = 0; i < spans->len; i++)
    {
      GlossDatasetSpan *trigger = g_ptr_array_index (spans, i);
      guint event = GPOINTER_TO_UINT (g_hash_table_lookup (e_ids, trigger));
      GPtrArray *of_trigger;
      g_autofree char *type_name = NULL;

      if (event == 0)
        continue;

      of_trigger = g_hash_table_lookup (arguments, trigger);
      type_name = gloss_type_name_from_label (trigger->label);
      g_string_append_printf (ann, "E%u\t%s:T%u", event, type_name,
                              GPOINTER_TO_UINT (g_hash_table_lookup (t_ids, trigger)));
      if (!g_hash_table_contains (writer->event_roles, trigger->label))
        note_event_role (writer, trigger->label, "");

      for (guint j = 0; j < of_trigger->len; j++)
        {
          GlossDatasetRelation *relation = g_ptr_array_index (of_trigger, j);
          g_autofree char *role = NULL;

          if (!g_hash_table_contains (t_ids, relation->to))
            continue;

          role = gloss_type_name_from_label (relation->type);
          if (role[0] == '\0')
            {
              gloss_format_report_lose (report, "relation without a label name", "relations without a label name", 1);
              continue;
            }
          note_relation_used (writer, relation->type);
          note_event_role (writer, trigger->label, role);
          g_string_append_printf (ann, " %s:", role);
          append_id (ann, t_ids, e_ids, relation->to);
          report->relations++;

          if (relation->note[0] != '\0')
            gloss_format_report_lose (report, "note on an event argument", "notes on event arguments", 1);
          if (relation->annotator[0] != '\0')
            gloss_format_report_lose (report, "relation annotator", "relation annotators", 1);
        }
      g_string_append_c (ann, '\n');
    }

  for (guint i = 0; i < document->relations->len; i++)
    {
      GlossDatasetRelation *relation = g_ptr_array_index (document->relations, i);
      g_autofree char *type_name = NULL;

      if (is_event_role (writer, relation->type) || is_undirected (writer, relation->type)
          || !g_hash_table_contains (t_ids, relation->from)
          || !g_hash_table_contains (t_ids, relation->to))
        continue;

      type_name = gloss_type_name_from_label (relation->type);
      if (type_name[0] == '\0')
        {
          gloss_format_report_lose (report, "relation without a label name", "relations without a label name", 1);
          continue;
        }

      note_relation_used (writer, relation->type);
      g_string_append_printf (ann, "R%u\t%s Arg1:", ++n_relations, type_name);
      append_id (ann, t_ids, e_ids, relation->from);
      g_string_append (ann, " Arg2:");
      append_id (ann, t_ids, e_ids, relation->to);
      g_string_append_c (ann, '\n');
      report->relations++;

      if (relation->note[0] != '\0')
        {
          g_autofree char *id = g_strdup_printf ("R%u", n_relations);

          write_note (writer, ann, &n_notes, id, relation->note);
        }
      if (relation->annotator[0] != '\0')
        gloss_format_report_lose (report, "relation annotator", "relation annotators", 1);
    }

  write_equivalences (writer, document, t_ids, e_ids, ann);

  for (guint i = 0; i < spans->len; i++)
    if (g_hash_table_contains (t_ids, spans->pdata[i]))
      write_attributes (writer, spans->pdata[i], t_ids, e_ids, &n_attributes, ann);

  if (!write_contents (writer, txt_name, document->text, strlen (document->text), error)
      || !write_contents (writer, ann_name, ann->str, ann->len, error))
    return FALSE;

  report->documents++;
  report->spans += n_written;

  return TRUE;
}

/* "# gloss-label: TYPE = Name", and TYPE on a line of its own with ARGUMENTS
 * after a tab. A name on several lines cannot be a comment; the type name
 * alone still gives it back. */
static void
append_type (GString    *conf,
             const char *type_name,
             const char *name,
             const char *arguments)
{
  if (!has_line_break (name))
    g_string_append_printf (conf, LABEL_COMMENT "%s" LABEL_COMMENT_SEPARATOR "%s\n", type_name,
                            name);
  g_string_append_printf (conf, "%s%s%s\n", type_name, arguments[0] != '\0' ? "\t" : "",
                          arguments);
}

/* brat splits [labels] lines at "|" and tabs. */
static void
append_visual_label (GString    *visual,
                     const char *type_name,
                     const char *name)
{
  if (!has_line_break (name) && strpbrk (name, "|\t") == NULL && !is_blank (name))
    g_string_append_printf (visual, "%s | %s\n", type_name, name);
}

static void
append_attribute_values (GString   *arguments,
                         GPtrArray *values,
                         GPtrArray *seen)
{
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *written = gloss_type_name_from_value (value);

      if (written[0] == '\0' || strings_contain (seen, written))
        continue;
      g_string_append (arguments, seen->len == 0 ? ", Value:" : "|");
      g_string_append (arguments, written);
      g_ptr_array_add (seen, g_steal_pointer (&written));
    }
}

static gboolean
write_configuration (BratWriter  *writer,
                     GError     **error)
{
  g_autoptr(GString) annotation = g_string_new (NULL);
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(GString) visual = g_string_new (NULL);
  g_autoptr(GString) colors = g_string_new (NULL);

  g_string_append (annotation,
                   "# Written by Gloss. brat type names hold only letters, digits,\n"
                   "# \"_\" and \"-\": each gloss-label line gives the label name a\n"
                   "# type stands for.\n"
                   "[entities]\n");
  g_string_append (visual,
                   "# Written by Gloss: the label names and colors brat shows.\n"
                   "[labels]\n");

  for (guint i = 0; i < writer->label_names->len; i++)
    {
      const char *name = g_ptr_array_index (writer->label_names, i);
      GlossDatasetLabel *label = g_hash_table_lookup (writer->labels, name);
      GPtrArray *roles = g_hash_table_lookup (writer->event_roles, name);
      g_autofree char *type_name = NULL;

      if (name[0] == '\0')
        continue;

      type_name = gloss_type_name_from_label (name);

      /* An event type's triggers are in [events], with its roles. */
      if (roles != NULL)
        {
          g_autoptr(GString) arguments = g_string_new (NULL);

          for (guint j = 0; j < roles->len; j++)
            g_string_append_printf (arguments, "%s%s*:<ANY>", j > 0 ? ", " : "",
                                    (const char *) g_ptr_array_index (roles, j));
          append_type (events, type_name, name, arguments->str);
        }
      else
        append_type (annotation, type_name, name, "");

      append_visual_label (visual, type_name, name);

      if (label != NULL && is_hex_color (label->color))
        g_string_append_printf (colors, "%s\tbgColor:%s\n", type_name, label->color);
      if (label != NULL && label->hotkey != NULL && label->hotkey[0] != '\0')
        gloss_format_report_lose (writer->report, "label hotkey", "label hotkeys", 1);
      if (label != NULL && label->description != NULL && label->description[0] != '\0')
        gloss_format_report_lose (writer->report, "label description", "label descriptions", 1);
    }

  g_string_append (annotation,
                   "\n[relations]\n"
                   "# Gloss spans may nest and cross; this lets brat accept any overlap.\n"
                   "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");

  for (guint i = 0; i < writer->relation_names->len; i++)
    {
      const char *name = g_ptr_array_index (writer->relation_names, i);
      GlossDatasetRelationLabel *label = g_hash_table_lookup (writer->relation_labels, name);
      gboolean role = is_event_role (writer, name);
      g_autofree char *type_name = gloss_type_name_from_label (name);

      if (type_name[0] == '\0')
        continue;

      /* Roles are named in [events], beside their event types. */
      if (!role)
        append_type (annotation, type_name, name,
                     is_undirected (writer, name)
                       ? "Arg1:<ANY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive"
                       : "Arg1:<ANY>, Arg2:<ANY>");
      append_visual_label (visual, type_name, name);

      if (label != NULL && is_hex_color (label->color))
        g_string_append_printf (colors, "%s\tcolor:%s\n", type_name, label->color);
      if (label != NULL && label->hotkey != NULL && label->hotkey[0] != '\0')
        gloss_format_report_lose (writer->report, "relation label hotkey", "relation label hotkeys", 1);
      if (label != NULL && !role && label->description != NULL && label->description[0] != '\0')
        gloss_format_report_lose (writer->report, "relation label description", "relation label descriptions", 1);
    }

  g_string_append_printf (annotation, "\n[events]\n%s\n[attributes]\n", events->str);

  for (guint i = 0; i < writer->attribute_names->len; i++)
    {
      const char *name = g_ptr_array_index (writer->attribute_names, i);
      GlossDatasetAttribute *attribute = g_hash_table_lookup (writer->attributes, name);
      g_autofree char *type_name = gloss_type_name_from_label (name);
      g_autoptr(GString) arguments = g_string_new ("Arg:");
      g_autoptr(GPtrArray) seen = strings_new ();

      if (type_name[0] == '\0')
        continue;

      if (attribute == NULL || attribute->labels->len == 0)
        g_string_append (arguments, "<ANY>");
      for (guint j = 0; attribute != NULL && j < attribute->labels->len; j++)
        {
          g_autofree char *label = gloss_type_name_from_label (attribute->labels->pdata[j]);

          g_string_append_printf (arguments, "%s%s", j > 0 ? "|" : "", label);
        }

      /* A yes/no attribute has no values; a choice its own, then any other
       * the spans have. brat has no free text: such an attribute is a
       * choice of the values written. */
      if (attribute == NULL || attribute->kind != GLOSS_ATTRIBUTE_KIND_FLAG)
        {
          if (attribute != NULL)
            append_attribute_values (arguments, attribute->values, seen);
          append_attribute_values (arguments, g_hash_table_lookup (writer->attribute_values, name),
                                   seen);
        }
      if (attribute != NULL && attribute->kind == GLOSS_ATTRIBUTE_KIND_TEXT)
        gloss_format_report_lose (writer->report,
                                  "free-text attribute (written as a choice of its values)",
                                  "free-text attributes (written as choices of their values)", 1);

      append_type (annotation, type_name, name, arguments->str);
    }

  g_string_append_printf (visual,
                          "\n[drawing]\n"
                          "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
                          "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n"
                          "%s",
                          colors->str);

  return write_contents (writer, ANNOTATION_CONF, annotation->str, annotation->len, error)
         && write_contents (writer, VISUAL_CONF, visual->str, visual->len, error);
}

static gboolean
brat_write (GlossDatasetSource  *source,
            GlossFormatOutput   *output,
            GlossFormatReport   *report,
            GError             **error)
{
  BratWriter writer = { source, output, report };
  gboolean ok;

  g_return_val_if_fail (output->folder != NULL, FALSE);

  writer.file_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.label_names = g_ptr_array_new_with_free_func (g_free);
  writer.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.relation_names = strings_new ();
  writer.relation_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.attribute_names = strings_new ();
  writer.attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.attribute_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  writer.event_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; source->relation_labels != NULL && i < source->relation_labels->len; i++)
    {
      GlossDatasetRelationLabel *label = g_ptr_array_index (source->relation_labels, i);

      if (g_hash_table_contains (writer.relation_labels, label->name))
        continue;
      g_hash_table_insert (writer.relation_labels, g_strdup (label->name), label);
      g_ptr_array_add (writer.relation_names, g_strdup (label->name));
    }
  for (guint i = 0; source->attributes != NULL && i < source->attributes->len; i++)
    {
      GlossDatasetAttribute *attribute = g_ptr_array_index (source->attributes, i);

      if (g_hash_table_contains (writer.attributes, attribute->name))
        continue;
      g_hash_table_insert (writer.attributes, g_strdup (attribute->name), attribute);
      g_ptr_array_add (writer.attribute_names, g_strdup (attribute->name));
    }

  for (guint i = 0; source->labels != NULL && i < source->labels->len; i++)
    {
      GlossDatasetLabel *label = g_ptr_array_index (source->labels, i);

      if (g_hash_table_contains (writer.labels, label->name))
        continue;
      g_hash_table_insert (writer.labels, g_strdup (label->name), label);
      g_ptr_array_add (writer.label_names, g_strdup (label->name));
    }

  ok = source->foreach (source, write_document, &writer, error)
       && write_configuration (&writer, error);

  g_hash_table_unref (writer.file_keys);
  g_ptr_array_unref (writer.label_names);
  g_hash_table_unref (writer.labels);
  g_ptr_array_unref (writer.relation_names);
  g_hash_table_unref (writer.relation_labels);
  g_ptr_array_unref (writer.attribute_names);
  g_hash_table_unref (writer.attributes);
  g_hash_table_unref (writer.attribute_values);
  g_hash_table_unref (writer.event_roles);

  return ok;
}

/* ---- Reading ---------------------------------------------------------- */

/* A relation type of annotation.conf's [relations]. */
typedef struct
{
  char *type_name;
  gboolean directed;
} RelationDef;

/* An attribute of annotation.conf's [attributes]. */
typedef struct
{
  char *type_name;
  GPtrArray *types;    /* the entity or event types it applies to; empty for any */
  GPtrArray *values;   /* its values as written; empty for a yes/no attribute */
} AttributeDef;

typedef struct
{
  GHashTable *names;      /* type name -> label name, from gloss-label comments */
  GPtrArray *types;       /* the [entities] types, in order */
  GPtrArray *event_types; /* the [events] types, in order */
  GPtrArray *relations;   /* RelationDef, [relations] in order */
  GPtrArray *roles;       /* the argument roles of [events], in order */
  GPtrArray *attributes;  /* AttributeDef, [attributes] in order */
  GHashTable *colors;     /* type name -> "#rrggbb", from visual.conf */
  GHashTable *arc_colors; /* relation type name -> "#rrggbb", from visual.conf */
} BratConfig;

static void
relation_def_free (gpointer data)
{
  RelationDef *def = data;

  g_free (def->type_name);
  g_free (def);
}

static void
attribute_def_free (gpointer data)
{
  AttributeDef *def = data;

  g_free (def->type_name);
  g_ptr_array_unref (def->types);
  g_ptr_array_unref (def->values);
  g_free (def);
}

static void
brat_config_init (BratConfig *config)
{
  config->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  config->types = g_ptr_array_new_with_free_func (g_free);
  config->event_types = g_ptr_array_new_with_free_func (g_free);
  config->relations = g_ptr_array_new_with_free_func (relation_def_free);
  config->roles = g_ptr_array_new_with_free_func (g_free);
  config->attributes = g_ptr_array_new_with_free_func (attribute_def_free);
  config->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  config->arc_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
brat_config_clear (BratConfig *config)
{
  g_clear_pointer (&config->names, g_hash_table_unref);
  g_clear_pointer (&config->types, g_ptr_array_unref);
  g_clear_pointer (&config->event_types, g_ptr_array_unref);
  g_clear_pointer (&config->relations, g_ptr_array_unref);
  g_clear_pointer (&config->roles, g_ptr_array_unref);
  g_clear_pointer (&config->attributes, g_ptr_array_unref);
  g_clear_pointer (&config->colors, g_hash_table_unref);
  g_clear_pointer (&config->arc_colors, g_hash_table_unref);
}

/* The section a "[name]" line opens, or NULL. */
static char *
section_of (const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  gsize length = strlen (stripped);

  if (length < 2 || stripped[0] != '[' || stripped[length - 1] != ']')
    return NULL;

  return g_strndup (stripped + 1, length - 2);
}

static char *
first_field (const char *line)
{
  const char *start = line;
  const char *end;

  while (*start == ' ' || *start == '\t')
    start++;
  end = start;
  while (*end != '\0' && *end != ' ' && *end != '\t')
    end++;

  return g_strndup (start, end - start);
}

/* The "KEY:TYPE|TYPE" arguments of a line of annotation.conf, split at its
 * commas as brat splits them; NULL where a part has no colon. */
static GPtrArray *
config_arguments (const char *arguments)
{
  g_auto(GStrv) parts = g_strsplit (arguments, ",", -1);
  GPtrArray *pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *colon = strchr (part, ':');
      char **pair;

      if (colon == NULL || colon == part)
        continue;

      pair = g_new0 (char *, 3);
      pair[0] = g_strndup (part, colon - part);
      pair[1] = g_strdup (colon + 1);
      g_ptr_array_add (pairs, pair);
    }

  return pairs;
}

/* "Opposes Arg1:Actor, Arg2:Project", or an equivalence: "Equiv Arg1:Gene,
 * Arg2:Gene, <REL-TYPE>:symmetric-transitive" (an "Equiv" without
 * <REL-TYPE> is one too, as brat reads it). A relation that is symmetric
 * but not transitive has no place in Gloss, which knows directed relations
 * and equivalences: it is read as directed, and counted. */
static void
read_relation_def (BratConfig        *config,
                   const char        *type_name,
                   const char        *arguments,
                   GlossFormatReport *report)
{
  g_autoptr(GPtrArray) pairs = config_arguments (arguments);
  gboolean directed = !g_str_equal (type_name, "Equiv");
  RelationDef *def;

  /* brat's own type for which entities may nest: no relation. */
  if (g_str_equal (type_name, "ENTITY-NESTING"))
    return;

  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);

      if (!g_str_equal (pair[0], "<REL-TYPE>"))
        continue;

      directed = strstr (pair[1], "transitive") == NULL;
      if (directed && strstr (pair[1], "symmetric") != NULL)
        gloss_format_report_lose (report, "symmetric relation type (read as directed)",
                                  "symmetric relation types (read as directed)", 1);
    }

  def = g_new0 (RelationDef, 1);
  def->type_name = g_strdup (type_name);
  def->directed = directed;
  g_ptr_array_add (config->relations, def);
}

/* "Bind Theme+:Protein, Site?:Entity": the event type and its roles. */
static void
read_event_def (BratConfig *config,
                const char *type_name,
                const char *arguments)
{
  g_autoptr(GPtrArray) pairs = config_arguments (arguments);

  g_ptr_array_add (config->event_types, g_strdup (type_name));

  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);
      g_autofree char *role = g_strdup (pair[0]);
      gsize length = strlen (role);

      /* "?", "*" and "+" say how many times the role may come. */
      while (length > 0 && strchr ("?*+", role[length - 1]) != NULL)
        role[--length] = '\0';
      if (length == 0 || role[0] == '<' || strings_contain (config->roles, role))
        continue;
      g_ptr_array_add (config->roles, g_steal_pointer (&role));
    }
}

/* "Negation Arg:<EVENT>" is a yes/no attribute; "Confidence Arg:Actor|Project,
 * Value:Low|High" one of its values. Macros such as <ENTITY> and <ANY> mean
 * any label. */
static void
read_attribute_def (BratConfig *config,
                    const char *type_name,
                    const char *arguments)
{
  g_autoptr(GPtrArray) pairs = config_arguments (arguments);
  AttributeDef *def = g_new0 (AttributeDef, 1);
  gboolean any = FALSE;

  def->type_name = g_strdup (type_name);
  def->types = g_ptr_array_new_with_free_func (g_free);
  def->values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);
      g_auto(GStrv) items = g_strsplit (pair[1], "|", -1);
      gboolean is_arg = g_str_equal (pair[0], "Arg");

      if (!is_arg && !g_str_equal (pair[0], "Value"))
        continue;

      for (guint j = 0; items[j] != NULL; j++)
        {
          const char *item = g_strstrip (items[j]);

          if (item[0] == '\0')
            continue;
          if (is_arg && item[0] == '<')
            any = TRUE;
          else if (!strings_contain (is_arg ? def->types : def->values, item))
            g_ptr_array_add (is_arg ? def->types : def->values, g_strdup (item));
        }
    }

  if (any)
    g_ptr_array_set_size (def->types, 0);
  g_ptr_array_add (config->attributes, def);
}

static gboolean
read_annotation_conf (const char         *folder,
                      const char         *folder_real,
                      BratConfig         *config,
                      GlossFormatReport  *report,
                      GError            **error)
{
  g_autofree char *path = g_build_filename (folder, ANNOTATION_CONF, NULL);
  g_autofree char *where = g_strdup_printf (_("brat file %s"), ANNOTATION_CONF);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *section = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (folder_real != NULL && gloss_format_link_leaves_folder (folder_real, path))
    {
      gloss_format_report_warn (report,
                                _("brat folder: %s is a link to a file outside the folder; "
                                  "it was not read"),
                                ANNOTATION_CONF);
      return TRUE;
    }

  contents = gloss_text_file_read_utf8 (path, where, NULL, error);
  if (contents == NULL)
    return FALSE;

  lines = split_lines (contents);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      char *opened = section_of (line);
      g_autofree char *term = NULL;
      const char *arguments;
      const char *defined;
      char *bar;

      if (opened != NULL)
        {
          g_free (section);
          section = opened;
          continue;
        }

      if (g_str_has_prefix (line, LABEL_COMMENT))
        {
          const char *type_name = line + strlen (LABEL_COMMENT);
          const char *separator = strstr (type_name, LABEL_COMMENT_SEPARATOR);

          if (separator != NULL && separator > type_name)
            g_hash_table_insert (config->names, g_strndup (type_name, separator - type_name),
                                 g_strdup (separator + strlen (LABEL_COMMENT_SEPARATOR)));
          continue;
        }

      term = first_field (line);
      /* Comments, macros and separator lines of hyphens are not types. */
      if (term[0] == '\0' || term[0] == '#' || term[0] == '<'
          || strspn (term, "-") == strlen (term))
        continue;
      arguments = line + strspn (line, " \t") + strlen (term);

      /* "!Type" is an abstract type; "Type|alias" gives display names. */
      bar = strchr (term, '|');
      if (bar != NULL)
        *bar = '\0';
      defined = term[0] == '!' ? term + 1 : term;
      if (defined[0] == '\0')
        continue;

      if (g_strcmp0 (section, "entities") == 0 || g_strcmp0 (section, "spans") == 0)
        g_ptr_array_add (config->types, g_strdup (defined));
      else if (g_strcmp0 (section, "relations") == 0)
        read_relation_def (config, defined, arguments, report);
      else if (g_strcmp0 (section, "events") == 0)
        read_event_def (config, defined, arguments);
      else if (g_strcmp0 (section, "attributes") == 0)
        read_attribute_def (config, defined, arguments);
    }

  return TRUE;
}

static gboolean
read_visual_conf (const char         *folder,
                  const char         *folder_real,
                  BratConfig         *config,
                  GlossFormatReport  *report,
                  GError            **error)
{
  g_autofree char *path = g_build_filename (folder, VISUAL_CONF, NULL);
  g_autofree char *where = g_strdup_printf (_("brat file %s"), VISUAL_CONF);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *section = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (folder_real != NULL && gloss_format_link_leaves_folder (folder_real, path))
    {
      gloss_format_report_warn (report,
                                _("brat folder: %s is a link to a file outside the folder; "
                                  "it was not read"),
                                VISUAL_CONF);
      return TRUE;
    }

  contents = gloss_text_file_read_utf8 (path, where, NULL, error);
  if (contents == NULL)
    return FALSE;

  lines = split_lines (contents);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *opened = section_of (lines[i]);
      g_autofree char *type_name = NULL;
      g_auto(GStrv) settings = NULL;

      if (opened != NULL)
        {
          g_free (section);
          section = opened;
          continue;
        }

      if (g_strcmp0 (section, "drawing") != 0 || lines[i][0] == '#')
        continue;

      type_name = first_field (lines[i]);
      if (type_name[0] == '\0')
        continue;

      settings = g_strsplit (lines[i] + strspn (lines[i], " \t") + strlen (type_name), ",", -1);
      for (guint j = 0; settings[j] != NULL; j++)
        {
          char *setting = g_strstrip (settings[j]);

          const char *color = setting + strlen ("bgColor:");

          if (g_str_has_prefix (setting, "bgColor:") && is_hex_color (color))
            g_hash_table_insert (config->colors, g_strdup (type_name), g_strdup (color));
          /* An arc's color: a relation's. */
          else if (g_str_has_prefix (setting, "color:") && is_hex_color (setting + strlen ("color:")))
            g_hash_table_insert (config->arc_colors, g_strdup (type_name),
                                 g_strdup (setting + strlen ("color:")));
        }
    }

  return TRUE;
}

static char *
label_for_type (BratConfig *config,
                const char *type_name)
{
  const char *name = g_hash_table_lookup (config->names, type_name);

  /* A gloss-label comment with nothing after the '=' names no label. */
  if (name != NULL && !is_blank (name))
    return g_strdup (name);

  return gloss_type_name_to_label (type_name);
}

/* The label NAME of TYPE_NAME, its color from visual.conf; FILE and LINE
 * (0 for none) say where it was met, for the warning when a name loses the
 * white space around it. NULL when NAME is blank. */
static GlossDatasetLabel *
ensure_label (GlossDataset       *dataset,
              BratConfig         *config,
              const char         *type_name,
              const char         *name,
              GlossFormatReport  *report,
              const char         *file,
              guint               line)
{
  GlossDatasetLabel *label = gloss_dataset_find_label (dataset, name);
  const char *color;

  if (label != NULL)
    return label;

  if (line > 0)
    label = gloss_format_ensure_label (dataset, name, report, _("brat file %s, line %u"), file,
                                       line);
  else
    label = gloss_format_ensure_label (dataset, name, report, _("brat file %s"), file);
  if (label == NULL)
    return NULL;

  color = g_hash_table_lookup (config->colors, type_name);
  if (color != NULL && label->color == NULL)
    label->color = g_strdup (color);

  return label;
}

typedef struct
{
  char *target;
  char *text;
  guint line;
} PendingNote;

static void
pending_note_free (gpointer data)
{
  PendingNote *note = data;

  g_free (note->target);
  g_free (note->text);
  g_free (note);
}

/* Where in the document's spans a T annotation's span is: its first part,
 * which holds what hangs on it, when it is discontinuous. */
typedef struct
{
  guint first;
  guint line;
} SpanRange;

typedef struct
{
  const char *ann_name;
  const char *text;
  GlossFormatText *document_text;
  GlossDataset *dataset;
  GlossDatasetDocument *document;
  BratConfig *config;
  GlossFormatReport *report;
  GHashTable *ranges;     /* T id -> SpanRange */
  GPtrArray *notes;       /* PendingNote */
  GHashTable *triggers;   /* E id -> the T id of its trigger */
  GHashTable *events_on;  /* T id -> the first E id it is the trigger of */
  GHashTable *relations;  /* R id -> GlossDatasetRelation, for notes */
  GPtrArray *pending;     /* PendingLine: what waits until every T and E line is read */
  guint n_missing;        /* lines that point at annotations not in the file */
} AnnParser;

/* An E, R, A, M or "*" line: it may point at annotations further down. */
typedef struct
{
  char kind;
  char *id;
  char *data;
  guint line;
} PendingLine;

static void
pending_line_free (gpointer data)
{
  PendingLine *pending = data;

  g_free (pending->id);
  g_free (pending->data);
  g_free (pending);
}

static gboolean
parse_offset (const char *text,
              gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL);
}

static gboolean
gap_is_line_breaks (AnnParser *parser,
                    gint64     start,
                    gint64     end)
{
  const char *p;

  if (end <= start)
    return FALSE;

  p = parser->text + gloss_format_text_char_to_byte (parser->document_text, start);
  for (gint64 offset = start; offset < end; offset++, p = g_utf8_next_char (p))
    if (!gloss_tokenizer_is_line_break (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* brat lists a span's fragments in order, apart: NEXT must start at or
 * after PREVIOUS's end. */
static gboolean
check_fragment_order (AnnParser       *parser,
                      const char      *id,
                      guint            line,
                      const Fragment  *previous,
                      const Fragment  *next,
                      GError         **error)
{
  g_autofree char *shown_id = NULL;

  if (next->start >= previous->end)
    return TRUE;

  shown_id = gloss_format_excerpt (id, -1);
  if (next->start < previous->start)
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                 _("brat file %s, line %u: %s lists the fragment %" G_GINT64_FORMAT "-%"
                   G_GINT64_FORMAT " after %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                   "; a span’s fragments must be in order"),
                 parser->ann_name, line, shown_id, next->start, next->end, previous->start,
                 previous->end);
  else
    g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                 _("brat file %s, line %u: %s has the fragments %" G_GINT64_FORMAT "-%"
                   G_GINT64_FORMAT " and %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                   ", which overlap"),
                 parser->ann_name, line, shown_id, previous->start, previous->end, next->start,
                 next->end);
  return FALSE;
}

static gboolean
parse_textbound (AnnParser   *parser,
                 const char  *id,
                 char        *data,
                 guint        line,
                 GError     **error)
{
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  g_autoptr(GString) reference = g_string_new (NULL);
  g_auto(GStrv) pairs = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *label_name = NULL;
  char *text = strchr (data, '\t');
  char *space;
  SpanRange *range;
  GlossDatasetLabel *label;

  if (text != NULL)
    *text++ = '\0';

  space = strchr (data, ' ');
  if (space == NULL || space == data)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: %s needs a type and offsets, as in “T1\tActor 0 5”"),
                   parser->ann_name, line, shown_id);
      return FALSE;
    }
  type_name = g_strndup (data, space - data);

  if (g_hash_table_contains (parser->ranges, id))
    {
      SpanRange *first = g_hash_table_lookup (parser->ranges, id);
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: %s is used a second time (first on line %u)"),
                   parser->ann_name, line, shown_id, first->line);
      return FALSE;
    }

  pairs = g_strsplit (space + 1, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = g_strsplit (g_strchomp (pairs[i]), " ", -1);
      g_autoptr(GError) span_error = NULL;
      g_autofree char *fragment_text = NULL;
      Fragment fragment;

      if (g_strv_length (numbers) != 2 || !parse_offset (numbers[0], &fragment.start)
          || !parse_offset (numbers[1], &fragment.end))
        {
          g_autofree char *shown = gloss_format_excerpt (pairs[i], -1);

          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                       _("brat file %s, line %u: “%s” is not a start and an end offset"),
                       parser->ann_name, line, shown);
          return FALSE;
        }

      if (!gloss_offsets_check_span (parser->document_text->n_chars, fragment.start, fragment.end,
                                     &span_error))
        {
          g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                       _("brat file %s, line %u: %s"), parser->ann_name, line,
                       span_error->message);
          return FALSE;
        }

      if (fragments->len > 0
          && !check_fragment_order (parser, id, line,
                                    &g_array_index (fragments, Fragment, fragments->len - 1),
                                    &fragment, error))
        return FALSE;

      fragment_text = gloss_format_text_dup_range (parser->document_text, fragment.start,
                                                   fragment.end);
      g_string_append_printf (reference, "%s%s", i > 0 ? " " : "", fragment_text);
      g_array_append_val (fragments, fragment);
    }

  if (text == NULL)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      gloss_format_report_warn (parser->report,
                                _("brat file %s, line %u: %s has no text after its offsets, "
                                  "so they could not be checked"),
                                parser->ann_name, line, shown_id);
    }
  /* As brat checks: the text starts the rest of the line, and anything after
   * it is set apart by white space. */
  else if (!g_str_has_prefix (text, reference->str)
           || (text[reference->len] != '\0'
               && !gloss_tokenizer_is_space (g_utf8_get_char (text + reference->len))))
    {
      g_autoptr(GString) offsets = g_string_new (NULL);
      g_autofree char *said = gloss_format_excerpt (text, -1);
      g_autofree char *found = gloss_format_excerpt (reference->str, reference->len);
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);
      g_autofree char *shown_offsets = NULL;

      for (guint i = 0; i < fragments->len && offsets->len <= GLOSS_FORMAT_EXCERPT_CHARS; i++)
        g_string_append_printf (offsets, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                i > 0 ? ";" : "", g_array_index (fragments, Fragment, i).start,
                                g_array_index (fragments, Fragment, i).end);
      shown_offsets = gloss_format_excerpt (offsets->str, offsets->len);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_SPAN,
                   _("brat file %s, line %u: %s gives the text “%s”, but the text at %s is “%s”; "
                     "were the offsets counted in another unit?"),
                   parser->ann_name, line, shown_id, said, shown_offsets, found);
      return FALSE;
    }

  /* Joined in place: removing each joined fragment from the array made a
   * line of many fragments quadratic. */
  if (fragments->len > 1)
    {
      guint kept = 0;

      for (guint i = 1; i < fragments->len; i++)
        {
          Fragment *fragment = &g_array_index (fragments, Fragment, kept);
          Fragment *next = &g_array_index (fragments, Fragment, i);

          if (gap_is_line_breaks (parser, fragment->end, next->start))
            fragment->end = next->end;
          else
            g_array_index (fragments, Fragment, ++kept) = *next;
        }
      g_array_set_size (fragments, kept + 1);
    }

  label_name = label_for_type (parser->config, type_name);
  label = ensure_label (parser->dataset, parser->config, type_name, label_name, parser->report,
                        parser->ann_name, line);
  if (label == NULL)
    {
      g_autofree char *shown = gloss_format_excerpt (type_name, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: the type “%s” names no label"), parser->ann_name,
                   line, shown);
      return FALSE;
    }

  range = g_new0 (SpanRange, 1);
  range->first = parser->document->spans->len;
  range->line = line;
  g_hash_table_insert (parser->ranges, g_strdup (id), range);

  /* A discontinuous span: its first fragment is the span, the others its
   * parts. */
  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);
      GlossDatasetSpan *span = gloss_dataset_document_add_span (parser->document, fragment->start,
                                                                fragment->end, label->name, NULL,
                                                                NULL);

      if (i > 0)
        span->part_of = g_ptr_array_index (parser->document->spans, range->first);
    }

  return TRUE;
}

static gboolean
parse_comment (AnnParser   *parser,
               const char  *id,
               char        *data,
               guint        line,
               GError     **error)
{
  char *text = strchr (data, '\t');
  g_auto(GStrv) fields = NULL;
  PendingNote *note;

  if (text != NULL)
    *text++ = '\0';

  fields = g_strsplit_set (g_strstrip (data), " \t", -1);
  if (g_strv_length (fields) != 2)
    {
      g_autofree char *shown_id = gloss_format_excerpt (id, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: %s needs a type and the annotation it is about, "
                     "as in “#1\tAnnotatorNotes T1\tthe note”"),
                   parser->ann_name, line, shown_id);
      return FALSE;
    }

  if (!g_str_equal (fields[0], "AnnotatorNotes"))
    {
      gloss_format_report_lose (parser->report,
                                "comment other than AnnotatorNotes (not supported)", "comments other than AnnotatorNotes (not supported)", 1);
      return TRUE;
    }

  note = g_new0 (PendingNote, 1);
  note->target = g_strdup (fields[1]);
  note->text = g_strdup (text != NULL ? text : "");
  note->line = line;
  g_ptr_array_add (parser->notes, note);

  return TRUE;
}

/* The T id of an E line's trigger, noted before any line that may point at
 * the event is read. */
static void
note_event_trigger (AnnParser  *parser,
                    const char *id,
                    const char *data)
{
  g_autofree char *head = g_strndup (data, strcspn (data, " \t"));
  const char *colon = strrchr (head, ':');

  if (colon != NULL && colon[1] != '\0' && !g_hash_table_contains (parser->triggers, id))
    g_hash_table_insert (parser->triggers, g_strdup (id), g_strdup (colon + 1));
}

/* A line that could not be read as what its ID says: named, counted, left. */
static void
skip_unreadable (AnnParser   *parser,
                 PendingLine *pending,
                 const char  *example)
{
  g_autofree char *shown_id = gloss_format_excerpt (pending->id, -1);

  gloss_format_report_warn (parser->report,
                            _("brat file %s, line %u: %s could not be read; it should look like "
                              "“%s”"),
                            parser->ann_name, pending->line, shown_id, example);
  gloss_format_report_lose (parser->report, "brat line that could not be read",
                            "brat lines that could not be read", 1);
}

/* A line pointing at TARGET, which the file does not have: counted, and
 * named in a warning for the first MAX_REFERENCE_WARNINGS of a file. */
static void
skip_missing (AnnParser   *parser,
              PendingLine *pending,
              const char  *target)
{
  if (parser->n_missing++ < MAX_REFERENCE_WARNINGS)
    {
      g_autofree char *shown_id = gloss_format_excerpt (pending->id, -1);
      g_autofree char *shown_target = gloss_format_excerpt (target, -1);

      gloss_format_report_warn (parser->report,
                                _("brat file %s, line %u: %s points at %s, which is not in the "
                                  "file"),
                                parser->ann_name, pending->line, shown_id, shown_target);
    }

  switch (pending->kind)
    {
    case 'E':
      gloss_format_report_lose (parser->report, "event argument that is not in the file",
                                "event arguments that are not in the file", 1);
      break;
    case 'R':
      gloss_format_report_lose (parser->report, "relation to an annotation that is not in the file",
                                "relations to annotations that are not in the file", 1);
      break;
    case 'A':
      gloss_format_report_lose (parser->report, "attribute of an annotation that is not in the file",
                                "attributes of annotations that are not in the file", 1);
      break;
    default:
      gloss_format_report_lose (parser->report, "equivalent that is not in the file",
                                "equivalents that are not in the file", 1);
      break;
    }
}

/* The spans a T or E id stands for (an event stands for its trigger), or
 * NULL. */
static SpanRange *
range_of (AnnParser  *parser,
          const char *id)
{
  if (id[0] == 'E')
    {
      id = g_hash_table_lookup (parser->triggers, id);
      if (id == NULL)
        return NULL;
    }

  return g_hash_table_lookup (parser->ranges, id);
}

/* The span a relation joins for ID: the first part of a discontinuous one,
 * which holds what hangs on the whole span. */
static GlossDatasetSpan *
relation_end (AnnParser  *parser,
              const char *id)
{
  SpanRange *range = range_of (parser, id);

  if (range == NULL)
    return NULL;

  return g_ptr_array_index (parser->document->spans, range->first);
}

/* The relation label of TYPE_NAME, NULL when its name is blank. */
static GlossDatasetRelationLabel *
relation_label_for (AnnParser  *parser,
                    const char *type_name)
{
  g_autofree char *name = label_for_type (parser->config, type_name);
  GlossDatasetRelationLabel *label;
  const char *color;

  g_strstrip (name);
  if (name[0] == '\0')
    return NULL;

  label = gloss_dataset_find_relation_label (parser->dataset, name);
  if (label != NULL)
    return label;

  label = gloss_dataset_ensure_relation_label (parser->dataset, name);
  color = g_hash_table_lookup (parser->config->arc_colors, type_name);
  if (color != NULL && label->color == NULL)
    label->color = g_strdup (color);

  return label;
}

/* A relation of a span with itself has no place in a project: counted,
 * NULL. */
static GlossDatasetRelation *
add_relation (AnnParser                 *parser,
              GlossDatasetRelationLabel *label,
              GlossDatasetSpan          *from,
              GlossDatasetSpan          *to)
{
  if (from == to)
    {
      gloss_format_report_lose (parser->report, "relation of a span with itself",
                                "relations of spans with themselves", 1);
      return NULL;
    }

  parser->report->relations++;

  return gloss_dataset_document_add_relation (parser->document, label->name, from, to, NULL,
                                              NULL);
}

/* The words of DATA up to its first tab, empty ones left out. */
static char **
words_of (const char *data)
{
  g_autofree char *head = g_strndup (data, strcspn (data, "\t"));
  g_auto(GStrv) words = g_strsplit (head, " ", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, g_strdup (words[i]));
  g_ptr_array_add (kept, NULL);

  return (char **) g_ptr_array_free (kept, FALSE);
}

/* "E1<TAB>Bind:T5 Theme1:T2 Theme2:T3": the trigger T5 stays a span, and
 * each argument becomes a relation from it, its type the role exactly as
 * written ("Theme1"), so that writing gives the same line back. */
static void
read_event (AnnParser   *parser,
            PendingLine *pending)
{
  g_auto(GStrv) words = words_of (pending->data);
  const char *trigger_id = g_hash_table_lookup (parser->triggers, pending->id);
  SpanRange *range;
  GlossDatasetSpan *trigger;
  const char *first_event;
  guint n_arguments = 0;

  if (words[0] == NULL || trigger_id == NULL)
    {
      skip_unreadable (parser, pending, "E1\tBind:T5 Theme1:T2 Theme2:T3");
      return;
    }
  /* A second E line with the ID of an earlier one, or a trigger that is
   * not a text span. */
  if (strrchr (words[0], ':') == NULL || !g_str_equal (strrchr (words[0], ':') + 1, trigger_id)
      || trigger_id[0] != 'T')
    {
      skip_unreadable (parser, pending, "E1\tBind:T5 Theme1:T2 Theme2:T3");
      return;
    }

  range = g_hash_table_lookup (parser->ranges, trigger_id);
  if (range == NULL)
    {
      skip_missing (parser, pending, trigger_id);
      return;
    }
  trigger = g_ptr_array_index (parser->document->spans, range->first);

  first_event = g_hash_table_lookup (parser->events_on, trigger_id);
  if (first_event != NULL)
    gloss_format_report_lose (parser->report,
                              "event sharing its trigger with an earlier one (their arguments joined)",
                              "events sharing their trigger with an earlier one (their arguments joined)",
                              1);
  else
    g_hash_table_insert (parser->events_on, g_strdup (trigger_id), g_strdup (pending->id));

  for (guint i = 1; words[i] != NULL; i++)
    {
      char *colon = strchr (words[i], ':');
      GlossDatasetRelationLabel *label;
      GlossDatasetSpan *argument;

      if (colon == NULL || colon == words[i] || colon[1] == '\0' || strchr (colon + 1, ':'))
        {
          skip_unreadable (parser, pending, "E1\tBind:T5 Theme1:T2 Theme2:T3");
          continue;
        }
      *colon = '\0';

      argument = relation_end (parser, colon + 1);
      if (argument == NULL)
        {
          skip_missing (parser, pending, colon + 1);
          continue;
        }

      label = relation_label_for (parser, words[i]);
      if (label == NULL)
        {
          skip_unreadable (parser, pending, "E1\tBind:T5 Theme1:T2 Theme2:T3");
          continue;
        }
      if (label->description[0] == '\0')
        {
          g_free (label->description);
          label->description = g_strdup (EVENT_ROLE_DESCRIPTION);
        }

      if (add_relation (parser, label, trigger, argument) != NULL)
        n_arguments++;
    }

  if (n_arguments == 0 && words[1] == NULL)
    gloss_format_report_lose (parser->report,
                              "event without arguments (its trigger kept as a span)",
                              "events without arguments (their triggers kept as spans)", 1);
  parser->report->events++;
}

/* "R1<TAB>Opposes Arg1:T1 Arg2:T3", a relation from Arg1 to Arg2. */
static void
read_relation (AnnParser   *parser,
               PendingLine *pending)
{
  static const char example[] = "R1\tOpposes Arg1:T1 Arg2:T3";
  g_auto(GStrv) words = words_of (pending->data);
  GlossDatasetRelationLabel *label;
  GlossDatasetRelation *relation;
  GlossDatasetSpan *ends[2];
  char *ids[2];
  gboolean swapped;

  if (g_strv_length (words) != 3)
    {
      skip_unreadable (parser, pending, example);
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      char *colon = strchr (words[i + 1], ':');

      if (colon == NULL || colon == words[i + 1] || colon[1] == '\0')
        {
          skip_unreadable (parser, pending, example);
          return;
        }
      *colon = '\0';
      ids[i] = colon + 1;
    }

  /* brat names the ends; the order on the line does not matter. */
  swapped = g_str_equal (words[1], "Arg2") && g_str_equal (words[2], "Arg1");
  if (!swapped && !(g_str_equal (words[1], "Arg1") && g_str_equal (words[2], "Arg2")))
    gloss_format_report_lose (parser->report,
                              "relation with ends not named Arg1 and Arg2 (read in line order)",
                              "relations with ends not named Arg1 and Arg2 (read in line order)", 1);

  for (guint i = 0; i < 2; i++)
    {
      const char *id = ids[swapped ? 1 - i : i];

      ends[i] = relation_end (parser, id);
      if (ends[i] == NULL)
        {
          skip_missing (parser, pending, id);
          return;
        }
    }

  label = relation_label_for (parser, words[0]);
  if (label == NULL)
    {
      skip_unreadable (parser, pending, example);
      return;
    }

  relation = add_relation (parser, label, ends[0], ends[1]);
  if (relation != NULL)
    g_hash_table_insert (parser->relations, g_strdup (pending->id), relation);
}

/* "*<TAB>Equiv T1 T2 T3": a relation between each member and the next, of
 * an undirected relation label. */
static void
read_equivalence (AnnParser   *parser,
                  PendingLine *pending)
{
  g_auto(GStrv) words = words_of (pending->data);
  GlossDatasetRelationLabel *label;
  GlossDatasetSpan *previous = NULL;

  if (g_strv_length (words) < 3 || (label = relation_label_for (parser, words[0])) == NULL)
    {
      skip_unreadable (parser, pending, "*\tEquiv T1 T2 T3");
      return;
    }
  label->directed = FALSE;

  for (guint i = 1; words[i] != NULL; i++)
    {
      GlossDatasetSpan *member = relation_end (parser, words[i]);

      if (member == NULL)
        {
          skip_missing (parser, pending, words[i]);
          continue;
        }
      if (previous != NULL)
        add_relation (parser, label, previous, member);
      previous = member;
    }
}

/* "A1<TAB>Negation T1", a yes/no attribute ("true"), or "A2<TAB>Confidence
 * T1 High", one with a value; M lines, brat's older name, the same. An
 * attribute annotation.conf does not define is defined by its first use. */
static void
read_attribute (AnnParser   *parser,
                PendingLine *pending)
{
  static const char example[] = "A1\tConfidence T1 High";
  g_auto(GStrv) words = words_of (pending->data);
  guint n_words = g_strv_length (words);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  GlossDatasetAttribute *attribute;
  SpanRange *range;

  if (n_words != 2 && n_words != 3)
    {
      skip_unreadable (parser, pending, example);
      return;
    }

  if (words[1][0] != 'T' && words[1][0] != 'E')
    {
      gloss_format_report_lose (parser->report,
                                "attribute of a relation or a note (not supported)",
                                "attributes of relations or notes (not supported)", 1);
      return;
    }

  range = range_of (parser, words[1]);
  if (range == NULL)
    {
      skip_missing (parser, pending, words[1]);
      return;
    }

  name = g_strstrip (label_for_type (parser->config, words[0]));
  if (name[0] == '\0')
    {
      skip_unreadable (parser, pending, example);
      return;
    }

  attribute = gloss_dataset_find_attribute (parser->dataset, name);
  if (attribute == NULL)
    attribute = gloss_dataset_ensure_attribute (parser->dataset, name,
                                                n_words == 3 ? GLOSS_ATTRIBUTE_KIND_CHOICE
                                                             : GLOSS_ATTRIBUTE_KIND_FLAG);

  if ((attribute->kind == GLOSS_ATTRIBUTE_KIND_FLAG) != (n_words == 2))
    {
      g_autofree char *shown = gloss_format_excerpt (words[0], -1);

      gloss_format_report_warn (parser->report,
                                n_words == 2
                                  ? _("brat file %s, line %u: the attribute %s needs a value")
                                  : _("brat file %s, line %u: the attribute %s is yes or no, "
                                      "without a value"),
                                parser->ann_name, pending->line, shown);
      gloss_format_report_lose (parser->report, "attribute that does not fit its definition",
                                "attributes that do not fit their definitions", 1);
      return;
    }

  if (n_words == 3)
    {
      value = gloss_type_name_to_value (words[2]);
      if (attribute->kind == GLOSS_ATTRIBUTE_KIND_CHOICE)
        gloss_dataset_attribute_add_value (attribute, value);
    }

  /* A discontinuous span's attributes are its first part's. */
  gloss_dataset_span_set_attribute (g_ptr_array_index (parser->document->spans, range->first),
                                    name, value != NULL ? value : "true");
}

static void
read_pending (AnnParser *parser)
{
  for (guint i = 0; i < parser->pending->len; i++)
    {
      PendingLine *pending = g_ptr_array_index (parser->pending, i);

      switch (pending->kind)
        {
        case 'E':
          read_event (parser, pending);
          break;
        case 'R':
          read_relation (parser, pending);
          break;
        case 'A':
          read_attribute (parser, pending);
          break;
        default:
          read_equivalence (parser, pending);
          break;
        }
    }

  if (parser->n_missing > MAX_REFERENCE_WARNINGS)
    gloss_format_report_warn (parser->report,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "brat file %s: %u more line points at annotations "
                                           "that are not in the file",
                                           "brat file %s: %u more lines point at annotations "
                                           "that are not in the file",
                                           parser->n_missing - MAX_REFERENCE_WARNINGS),
                              parser->ann_name, parser->n_missing - MAX_REFERENCE_WARNINGS);
}

static gboolean
parse_line (AnnParser   *parser,
            char        *text,
            guint        line,
            GError     **error)
{
  char *tab = strchr (text, '\t');
  const char *id = text;

  if (is_blank (text))
    return TRUE;

  if (tab == NULL)
    {
      g_autofree char *shown = gloss_format_excerpt (text, -1);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                   _("brat file %s, line %u: “%s” is not an annotation (an ID, a tab, then its "
                     "type)"),
                   parser->ann_name, line, shown);
      return FALSE;
    }
  *tab = '\0';

  switch (id[0])
    {
    case 'T':
      return parse_textbound (parser, id, tab + 1, line, error);
    case '#':
      return parse_comment (parser, id, tab + 1, line, error);
    case 'E':
      note_event_trigger (parser, id, tab + 1);
      G_GNUC_FALLTHROUGH;
    case 'R':
    case 'A':
    case 'M':
    case '*':
      {
        PendingLine *pending = g_new0 (PendingLine, 1);

        pending->kind = id[0] == 'M' ? 'A' : id[0];
        pending->id = g_strdup (id);
        pending->data = g_strdup (tab + 1);
        pending->line = line;
        g_ptr_array_add (parser->pending, pending);
        return TRUE;
      }
    case 'N':
      gloss_format_report_lose (parser->report, "normalization (not supported)", "normalizations (not supported)", 1);
      return TRUE;
    default:
      {
        g_autofree char *shown_id = gloss_format_excerpt (id, -1);

        g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_PARSE,
                     _("brat file %s, line %u: “%s” is not a brat annotation ID (T1, R1, E1, A1, "
                       "N1, #1 or *)"),
                     parser->ann_name, line, shown_id);
        return FALSE;
      }
    }
}

static void
join_note (GHashTable *joined,
           gpointer    key,
           const char *note)
{
  GString *text = g_hash_table_lookup (joined, key);

  if (text == NULL)
    g_hash_table_insert (joined, key, g_string_new (note));
  else
    {
      g_string_append_c (text, ' ');
      g_string_append (text, note);
    }
}

static void
apply_notes (AnnParser *parser)
{
  /* Each annotation's notes joined once: joining them onto the span note by
   * note made many notes on one annotation quadratic. */
  g_autoptr(GHashTable) joined = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) joined_relations = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < parser->notes->len; i++)
    {
      PendingNote *note = g_ptr_array_index (parser->notes, i);
      SpanRange *range = range_of (parser, note->target);
      GlossDatasetRelation *relation = g_hash_table_lookup (parser->relations, note->target);

      if (range != NULL)
        join_note (joined, range, note->text);
      else if (relation != NULL)
        join_note (joined_relations, relation, note->text);
      else
        {
          gloss_format_report_lose (parser->report, "note on an annotation that was not read", "notes on annotations that were not read",
                                    1);
          if (note->target[0] != '\0' && strchr ("TER", note->target[0]) != NULL)
            {
              g_autofree char *shown = gloss_format_excerpt (note->target, -1);

              gloss_format_report_warn (parser->report,
                                        _("brat file %s, line %u: the note is about %s, which is "
                                          "not in the file"),
                                        parser->ann_name, note->line, shown);
            }
        }
    }

  g_hash_table_iter_init (&iter, joined);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SpanRange *range = key;
      GlossDatasetSpan *span = g_ptr_array_index (parser->document->spans, range->first);

      /* A discontinuous span's note is its first part's. */
      g_free (span->note);
      span->note = g_string_free (value, FALSE);
    }

  g_hash_table_iter_init (&iter, joined_relations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GlossDatasetRelation *relation = key;

      g_free (relation->note);
      relation->note = g_string_free (value, FALSE);
    }
}

/* brat counts a byte order mark as a character; Gloss drops it, so every
 * offset moves back by one. */
static void
drop_byte_order_mark (GlossDatasetDocument *document,
                      GlossFormatReport    *report)
{
  char *text = g_strdup (document->text + strlen (GLOSS_TEXT_FILE_BOM));

  g_free (document->text);
  document->text = text;

  for (guint i = document->spans->len; i-- > 0;)
    {
      GlossDatasetSpan *span = g_ptr_array_index (document->spans, i);

      span->start = MAX (span->start - 1, 0);
      span->end--;
      if (span->end <= span->start)
        {
          gloss_dataset_document_remove_span (document, i);
          gloss_format_report_lose (report, "span over the byte order mark only", "spans over the byte order mark only", 1);
        }
    }
}

/* One document, its checked TEXT and ANNOTATIONS (NULL when it has no
 * .ann), into DATASET. */
static gboolean
read_annotated (GlossDataset       *dataset,
                BratConfig         *config,
                const char         *txt_display,
                const char         *ann_display,
                const char         *text,
                char               *annotations,
                GlossFormatReport  *report,
                GError            **error)
{
  g_autoptr(GlossDatasetDocument) document = gloss_dataset_document_new (txt_display, text);
  g_autoptr(GHashTable) ranges = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) triggers = NULL;
  g_autoptr(GHashTable) events_on = NULL;
  g_autoptr(GHashTable) relations = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GlossFormatText) document_text = { 0 };
  AnnParser parser = { 0 };

  if (annotations != NULL)
    {
      ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      notes = g_ptr_array_new_with_free_func (pending_note_free);
      parser.ann_name = ann_display;
      parser.text = document->text;
      gloss_format_text_init (&document_text, document->text);
      parser.document_text = &document_text;
      parser.dataset = dataset;
      parser.document = document;
      parser.config = config;
      parser.report = report;
      parser.ranges = ranges;
      parser.notes = notes;
      triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      events_on = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pending = g_ptr_array_new_with_free_func (pending_line_free);
      parser.triggers = triggers;
      parser.events_on = events_on;
      parser.relations = relations;
      parser.pending = pending;

      lines = split_lines (annotations);
      for (guint i = 0; lines[i] != NULL; i++)
        if (!parse_line (&parser, lines[i], i + 1, error))
          return FALSE;

      read_pending (&parser);
      apply_notes (&parser);
    }

  if (g_str_has_prefix (document->text, GLOSS_TEXT_FILE_BOM))
    {
      guint n_pruned;

      drop_byte_order_mark (document, report);
      n_pruned = gloss_dataset_document_prune_relations (document);
      report->relations -= MIN (report->relations, n_pruned);
      if (n_pruned > 0)
        gloss_format_report_lose (report, "relation of a span over the byte order mark only",
                                  "relations of spans over the byte order mark only", n_pruned);
    }

  g_ptr_array_add (dataset->documents, g_steal_pointer (&document));

  return TRUE;
}

static gboolean
read_document (const char         *folder,
               const char         *folder_real,
               const char         *stem,
               BratConfig         *config,
               GlossDataset       *dataset,
               GlossFormatReport  *report,
               GError            **error)
{
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
  g_autofree char *ann_path = g_build_filename (folder, ann_name, NULL);
  g_autofree char *txt_display = g_filename_display_name (txt_name);
  g_autofree char *ann_display = g_filename_display_name (ann_name);
  g_autofree char *txt_where = g_strdup_printf (_("brat file %s"), txt_display);
  g_autofree char *ann_where = g_strdup_printf (_("brat file %s"), ann_display);
  g_autofree char *text = NULL;
  g_autofree char *annotations = NULL;

  if (folder_real != NULL && (gloss_format_link_leaves_folder (folder_real, txt_path) ||
                              gloss_format_link_leaves_folder (folder_real, ann_path)))
    {
      gloss_format_report_warn (report,
                                _("brat folder: %s or %s is a link to a file outside the folder; "
                                  "the document was not read"),
                                txt_display, ann_display);
      return TRUE;
    }

  if (!g_file_test (txt_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO,
                   _("brat file %s has no text file %s beside it"), ann_display, txt_display);
      return FALSE;
    }

  text = gloss_text_file_read_utf8 (txt_path, txt_where, NULL, error);
  if (text == NULL)
    return FALSE;

  if (g_file_test (ann_path, G_FILE_TEST_IS_REGULAR))
    {
      annotations = gloss_text_file_read_utf8 (ann_path, ann_where, NULL, error);
      if (annotations == NULL)
        return FALSE;
    }

  return read_annotated (dataset, config, txt_display, ann_display, text, annotations, report,
                         error);
}

/* The reader on one document in memory: its text and its annotations
 * (NAME.txt and NAME.ann), without annotation.conf or visual.conf. */
GlossDataset *
gloss_format_brat_read_data (const char         *name,
                             const char         *text,
                             gsize               text_length,
                             const char         *annotations,
                             gsize               annotations_length,
                             GlossFormatReport  *report,
                             GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autofree char *txt_display = g_strconcat (name, ".txt", NULL);
  g_autofree char *ann_display = g_strconcat (name, ".ann", NULL);
  g_autofree char *txt_where = g_strdup_printf (_("brat file %s"), txt_display);
  g_autofree char *ann_where = g_strdup_printf (_("brat file %s"), ann_display);
  g_autofree char *checked_text = NULL;
  g_autofree char *checked_annotations = NULL;
  BratConfig config = { 0 };
  gboolean ok;

  g_return_val_if_fail (name != NULL, NULL);

  checked_text = gloss_text_file_check_data (text, text_length, txt_where, error);
  if (checked_text == NULL)
    return NULL;
  checked_annotations = gloss_text_file_check_data (annotations, annotations_length, ann_where,
                                                    error);
  if (checked_annotations == NULL)
    return NULL;

  brat_config_init (&config);
  ok = read_annotated (dataset, &config, txt_display, ann_display, checked_text,
                       checked_annotations, report, error);
  brat_config_clear (&config);

  if (!ok)
    return NULL;

  report->documents += dataset->documents->len;
  report->spans += ((GlossDatasetDocument *) dataset->documents->pdata[0])->spans->len;

  return g_steal_pointer (&dataset);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The NAME of every NAME.txt and NAME.ann in FOLDER, in name order. */
static GPtrArray *
list_stems (const char         *folder,
            GlossFormatReport  *report,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &local_error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      char *stem;

      /* Editors and file managers leave hidden files about. */
      if (name[0] == '.')
        continue;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *display = g_filename_display_name (name);

          gloss_format_report_warn (report, _("brat folder: the subfolder %s was not read"),
                                    display);
          continue;
        }

      if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".ann"))
        continue;

      stem = g_strndup (name, strlen (name) - 4);
      if (g_hash_table_contains (seen, stem))
        {
          g_free (stem);
          continue;
        }
      g_hash_table_add (seen, stem);
      g_ptr_array_add (stems, stem);
    }

  g_ptr_array_sort (stems, compare_names);

  return g_steal_pointer (&stems);
}

/* What annotation.conf defines besides the entity types, in its order: the
 * event types (labels too), the relation types and event roles, the
 * attributes. */
static void
define_from_config (GlossDataset      *dataset,
                    BratConfig        *config,
                    GlossFormatReport *report)
{
  for (guint i = 0; i < config->event_types->len; i++)
    {
      const char *type_name = g_ptr_array_index (config->event_types, i);
      g_autofree char *name = label_for_type (config, type_name);

      ensure_label (dataset, config, type_name, name, report, ANNOTATION_CONF, 0);
    }

  for (guint i = 0; i < config->relations->len + config->roles->len; i++)
    {
      gboolean is_role = i >= config->relations->len;
      RelationDef *def = is_role ? NULL : g_ptr_array_index (config->relations, i);
      const char *type_name = is_role ? g_ptr_array_index (config->roles, i - config->relations->len)
                                      : def->type_name;
      g_autofree char *name = g_strstrip (label_for_type (config, type_name));
      GlossDatasetRelationLabel *label;
      const char *color = g_hash_table_lookup (config->arc_colors, type_name);

      if (name[0] == '\0')
        continue;

      label = gloss_dataset_ensure_relation_label (dataset, name);
      if (color != NULL && label->color == NULL)
        label->color = g_strdup (color);
      if (def != NULL && !def->directed)
        label->directed = FALSE;
      if (is_role && label->description[0] == '\0')
        {
          g_free (label->description);
          label->description = g_strdup (EVENT_ROLE_DESCRIPTION);
        }
    }

  for (guint i = 0; i < config->attributes->len; i++)
    {
      AttributeDef *def = g_ptr_array_index (config->attributes, i);
      g_autofree char *name = g_strstrip (label_for_type (config, def->type_name));
      GlossDatasetAttribute *attribute;

      if (name[0] == '\0')
        continue;

      attribute = gloss_dataset_ensure_attribute (dataset, name,
                                                  def->values->len > 0
                                                    ? GLOSS_ATTRIBUTE_KIND_CHOICE
                                                    : GLOSS_ATTRIBUTE_KIND_FLAG);
      for (guint j = 0; j < def->types->len; j++)
        {
          g_autofree char *label = label_for_type (config, g_ptr_array_index (def->types, j));

          gloss_dataset_attribute_add_label (attribute, label);
        }
      for (guint j = 0; j < def->values->len; j++)
        {
          g_autofree char *value = gloss_type_name_to_value (g_ptr_array_index (def->values, j));

          gloss_dataset_attribute_add_value (attribute, value);
        }
    }
}

static GlossDataset *
brat_read (const char         *path,
           GlossFormatReport  *report,
           GError            **error)
{
  g_autoptr(GlossDataset) dataset = gloss_dataset_new ();
  g_autoptr(GPtrArray) stems = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_real = NULL;
  BratConfig config = { 0 };
  gboolean ok = TRUE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      folder = g_strdup (path);
      stems = list_stems (folder, report, error);
      if (stems == NULL)
        return NULL;
    }
  else if (g_str_has_suffix (path, ".ann") || g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *base = g_path_get_basename (path);

      folder = g_path_get_dirname (path);
      stems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (stems, g_strndup (base, strlen (base) - 4));
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
                   _("“%s” is neither a brat folder nor a brat .ann file"), display);
      return NULL;
    }

  brat_config_init (&config);

  folder_real = realpath (folder, NULL);
  ok = read_annotation_conf (folder, folder_real, &config, report, error) &&
       read_visual_conf (folder, folder_real, &config, report, error);

  /* The label set in the order annotation.conf gives it, used or not. */
  for (guint i = 0; ok && i < config.types->len; i++)
    {
      const char *type_name = g_ptr_array_index (config.types, i);
      g_autofree char *name = label_for_type (&config, type_name);

      ensure_label (dataset, &config, type_name, name, report, ANNOTATION_CONF, 0);
    }
  if (ok)
    define_from_config (dataset, &config, report);

  for (guint i = 0; ok && i < stems->len; i++)
    ok = read_document (folder, folder_real, g_ptr_array_index (stems, i), &config, dataset,
                        report, error);

  brat_config_clear (&config);

  if (!ok)
    return NULL;

  report->documents += dataset->documents->len;
  for (guint i = 0; i < dataset->documents->len; i++)
    report->spans += ((GlossDatasetDocument *) dataset->documents->pdata[i])->spans->len;

  return g_steal_pointer (&dataset);
}

static const char * const brat_extensions[] = { ".ann", NULL };

static const char * const brat_folder_files[] = { "*.txt", "*.ann", ANNOTATION_CONF, VISUAL_CONF, NULL };

const GlossFormat gloss_format_brat = {
  .name = "brat",
  .title = N_("brat standoff"),
  .extensions = brat_extensions,
  .target = GLOSS_FORMAT_TARGET_FOLDER,
  .folder_files = brat_folder_files,
  .read = brat_read,
  .write = brat_write,
};
