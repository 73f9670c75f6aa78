/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Telling a dataset's format from what it holds, for files whose names do
 * not say it: doccano's export is admin.jsonl or all.jsonl, Label Studio's
 * project-1-at-2026-01-01-10-00-abcdef12.json, spaCy's whatever the
 * script wrote.
 *
 * Only the first SNIFF_BYTES of a file are read, and scanned once, so
 * that detection costs the same on a file of a kilobyte or a gigabyte. The
 * scan reads JSON only as deep as it needs (the member names of the first
 * record and what kind of value each holds), and stops at the end of what
 * it read: a record cut off there still tells its format by the members
 * seen so far.
 *
 *   {"gloss": 1, ...                      Gloss JSONL (its header line)
 *   {"id": 1, "text": ..., "label": ...   doccano JSONL ("text", or "data"
 *                                         as older releases wrote it)
 *   [{"data": {...}, "annotations": [     Label Studio tasks (or
 *                                         "predictions", "completions")
 *   [{"text": ..., "label": [...          Label Studio JSON-MIN
 *   [["text", {"entities": ...            spaCy pairs
 *   document,start,end,label,...          Gloss's CSV
 *   -DOCSTART-                            CoNLL 2003
 *
 * A file that matches none of these goes by its name, as does a text file
 * (.txt, .md, .html): a text file is read as text, whatever it holds, and
 * is not opened twice on an import of thousands of them. A folder is brat
 * when it holds .ann files, else a folder of texts. */

#define G_LOG_DOMAIN "gloss-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-json.h"
#include "gloss-format.h"
#include "gloss-format-reader.h"

#define SNIFF_BYTES 8192

/* Member names of a record that tell its format. */
typedef enum {
  MEMBER_GLOSS = 1 << 0,
  MEMBER_TEXT = 1 << 1,         /* a string */
  MEMBER_DATA_STRING = 1 << 2,  /* "data": "..." (older doccano) */
  MEMBER_DATA_OBJECT = 1 << 3,  /* "data": {...} (Label Studio) */
  MEMBER_ANNOTATIONS = 1 << 4,  /* "annotations", "predictions", "completions": [...] */
} Members;

typedef struct
{
  const char *p;
  const char *end;
} Scan;

static void
skip_space (Scan *scan)
{
  while (scan->p < scan->end && strchr (" \t\r\n", *scan->p) != NULL && *scan->p != '\0')
    scan->p++;
}

/* Past a JSON string starting at scan->p (a quote); copies up to SIZE - 1
 * of its bytes, escapes left as they are, into NAME when given. FALSE if
 * the string does not end before the end of what was read. */
static gboolean
skip_string (Scan  *scan,
             char  *name,
             gsize  size)
{
  gsize n = 0;

  g_assert (*scan->p == '"');

  for (scan->p++; scan->p < scan->end; scan->p++)
    {
      if (*scan->p == '"')
        {
          scan->p++;
          if (name != NULL)
            name[MIN (n, size - 1)] = '\0';
          return TRUE;
        }
      if (*scan->p == '\\' && ++scan->p == scan->end)
        return FALSE;
      if (name != NULL && n < size - 1)
        name[n] = *scan->p;
      n++;
    }

  return FALSE;
}

/* Past the JSON value at scan->p, counting brackets only: what is inside
 * a value is not looked at. FALSE if it does not end before the end of
 * what was read. */
static gboolean
skip_value (Scan *scan)
{
  gsize depth = 0;

  if (scan->p == scan->end)
    return FALSE;

  if (*scan->p == '"')
    return skip_string (scan, NULL, 0);

  if (*scan->p != '{' && *scan->p != '[')
    {
      /* A number, true, false or null. */
      while (scan->p < scan->end && strchr (",}] \t\r\n", *scan->p) == NULL)
        scan->p++;
      return scan->p < scan->end;
    }

  while (scan->p < scan->end)
    {
      switch (*scan->p)
        {
        case '"':
          if (!skip_string (scan, NULL, 0))
            return FALSE;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            {
              scan->p++;
              return TRUE;
            }
          break;
        default:
          break;
        }
      scan->p++;
    }

  return FALSE;
}

/* The members of the object at scan->p that tell a format, as far as the
 * object goes in what was read. 0 if it is not a JSON object. */
static Members
scan_object (Scan *scan)
{
  Members members = 0;

  g_assert (*scan->p == '{');
  scan->p++;

  for (;;)
    {
      char name[16];
      char value;

      skip_space (scan);
      if (scan->p == scan->end || *scan->p == '}')
        return members;
      if (*scan->p != '"' || !skip_string (scan, name, sizeof name))
        return members;
      skip_space (scan);
      if (scan->p == scan->end || *scan->p != ':')
        return members;
      scan->p++;
      skip_space (scan);
      if (scan->p == scan->end)
        return members;
      value = *scan->p;

      if (g_str_equal (name, "gloss"))
        members |= MEMBER_GLOSS;
      else if (g_str_equal (name, "text") && value == '"')
        members |= MEMBER_TEXT;
      else if (g_str_equal (name, "data") && value == '"')
        members |= MEMBER_DATA_STRING;
      else if (g_str_equal (name, "data") && value == '{')
        members |= MEMBER_DATA_OBJECT;
      else if ((g_str_equal (name, "annotations") || g_str_equal (name, "predictions") ||
                g_str_equal (name, "completions")) && value == '[')
        members |= MEMBER_ANNOTATIONS;

      if (!skip_value (scan))
        return members;
      skip_space (scan);
      if (scan->p < scan->end && *scan->p == ',')
        scan->p++;
      else
        return members;
    }
}

static const GlossFormat *
sniff_json_list (Scan *scan)
{
  Members members;

  g_assert (*scan->p == '[');
  scan->p++;
  skip_space (scan);
  if (scan->p == scan->end)
    return NULL;

  /* [["text", {"entities": [...]}], ...] */
  if (*scan->p == '[')
    {
      scan->p++;
      skip_space (scan);
      return scan->p < scan->end && *scan->p == '"' ? &gloss_format_spacy : NULL;
    }

  if (*scan->p != '{')
    return NULL;

  members = scan_object (scan);
  if (members & (MEMBER_DATA_OBJECT | MEMBER_ANNOTATIONS))
    return &gloss_format_labelstudio;
  /* JSON-MIN: each task's data and its regions side by side. */
  if (members & MEMBER_TEXT)
    return &gloss_format_labelstudio;

  return NULL;
}

/* The first line, without its line break, if it ends in what was read. */
static char *
dup_first_line (const char *head,
                gsize       length)
{
  const char *newline = memchr (head, '\n', length);

  if (newline == NULL)
    return NULL;
  if (newline > head && newline[-1] == '\r')
    newline--;

  return g_strndup (head, newline - head);
}

/**
 * gloss_format_sniff:
 * @head: the first bytes of a file
 * @length: how many
 *
 * Returns: (nullable): the format that the start of a file shows, or %NULL
 * when it shows none. A file cut off at @length is fine.
 */
const GlossFormat *
gloss_format_sniff (const char *head,
                    gsize       length)
{
  Scan scan = { head, head + length };
  g_autofree char *line = NULL;

  g_return_val_if_fail (head != NULL || length == 0, NULL);

  /* A UTF-8 byte order mark; the dataset formats are UTF-8. */
  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    scan.p += 3;
  skip_space (&scan);
  if (scan.p == scan.end)
    return NULL;

  if (*scan.p == '{')
    {
      Members members = scan_object (&scan);

      if (members & MEMBER_GLOSS)
        return &gloss_format_gloss;
      if (members & (MEMBER_TEXT | MEMBER_DATA_STRING))
        return &gloss_format_doccano;
      return NULL;
    }

  if (*scan.p == '[')
    return sniff_json_list (&scan);

  line = dup_first_line (scan.p, scan.end - scan.p);
  if (line == NULL)
    return NULL;
  if (g_str_has_prefix (line, "-DOCSTART-"))
    return &gloss_format_conll;
  if (g_str_has_prefix (line, "document,start,end,label"))
    return &gloss_format_csv;

  return NULL;
}

/* A file SQLite may have open in this process: closing any descriptor of
 * a file drops every lock the process holds on it, so a project (by its
 * name, or by the write-ahead log and index SQLite keeps beside a database
 * while it is open, whatever its name) and its journals are never opened
 * here, even to be read. */
static gboolean
may_be_project (const char *path,
                const char *lower)
{
  static const char * const beside[] = { "-wal", "-shm", "-journal" };

  if (g_str_has_suffix (lower, ".gloss") || g_str_has_suffix (lower, "-wal") ||
      g_str_has_suffix (lower, "-shm") || g_str_has_suffix (lower, "-journal"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (beside); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, beside[i], NULL);

      if (g_file_test (sidecar, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

/* The first bytes of PATH; NULL if it cannot be read, which the reader of
 * the format it is taken for will then say. */
static char *
read_head (const char *path,
           gsize      *length)
{
  g_autofree char *head = g_malloc (SNIFF_BYTES);
  gsize got = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;

  while (got < SNIFF_BYTES)
    {
      gssize n = read (fd, head + got, SNIFF_BYTES - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  *length = got;
  return g_steal_pointer (&head);
}

/* A file named as JSON that no format's start fits is most often broken
 * JSON, and where it breaks tells more than "cannot tell": sets ERROR to
 * the first syntax error (file, line, column), each line on its own for
 * JSON Lines. TRUE when the whole file is valid JSON. */
static gboolean
check_json_syntax (const char  *path,
                   gboolean     lines,
                   GError     **error)
{
  GlossJsonFile file;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean valid = TRUE;

  gloss_json_file_init (&file, "JSON", path);
  data = gloss_json_load (&file, path, &length, error);
  if (data == NULL)
    valid = FALSE;
  else if (!lines)
    {
      g_autoptr(JsonNode) root = gloss_json_parse (&file, data, length, 1, error);

      valid = root != NULL;
    }
  else
    {
      const char *end = data + length;
      guint line = 1;

      for (const char *start = data; valid && start < end; line++)
        {
          const char *newline = memchr (start, '\n', end - start);
          const char *stop = newline != NULL ? newline : end;
          gboolean blank = TRUE;

          for (const char *p = start; p < stop && blank; p++)
            blank = g_ascii_isspace (*p);
          if (!blank)
            {
              g_autoptr(JsonNode) node = gloss_json_parse (&file, start, stop - start, line,
                                                           error);

              valid = node != NULL;
            }
          start = stop + 1;
        }
    }
  gloss_json_file_clear (&file);

  return valid;
}

/**
 * gloss_format_detect:
 * @path: a file or folder to read
 * @error: where to say why, when no format fits
 *
 * The format to read @path in: the one its first few kilobytes show,
 * else the one its name says (see gloss_format_guess ()). A text file
 * (.txt, .md, .html) is text whatever it holds, and is not opened.
 *
 * Returns: (nullable): the format, or %NULL with @error set
 */
const GlossFormat *
gloss_format_detect (const char  *path,
                     GError     **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  const GlossFormat *by_name;

  g_return_val_if_fail (path != NULL, NULL);

  if (!gloss_format_check_not_project (path, error))
    return NULL;

  by_name = gloss_format_guess (path, NULL);
  if (by_name == &gloss_format_text)
    return by_name;

  lower = g_ascii_strdown (path, -1);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !may_be_project (path, lower))
    {
      g_autofree char *head = NULL;
      gsize length = 0;
      const GlossFormat *by_content;

      head = read_head (path, &length);
      by_content = head != NULL ? gloss_format_sniff (head, length) : NULL;
      if (by_content != NULL)
        return by_content;
    }

  if (by_name != NULL)
    return by_name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !may_be_project (path, lower) &&
      (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".jsonl")) &&
      !check_json_syntax (path, g_str_has_suffix (lower, ".jsonl"), error))
    return NULL;

  display = g_filename_display_name (path);
  g_set_error (error, GLOSS_FORMAT_ERROR, GLOSS_FORMAT_ERROR_UNKNOWN,
               _("Cannot tell the format of “%s” from its content or its name"), display);

  return NULL;
}
