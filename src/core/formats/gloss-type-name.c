/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reversible mapping between label names and brat/CoNLL type names; the
 * rules are in gloss-type-name.h. */

#define G_LOG_DOMAIN "gloss-type-name"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-type-name.h"

/* The longest escape: six hex digits reach U+10FFFF. */
#define MAX_HEX_DIGITS 6

static gboolean
is_upper_hex (char c)
{
  return g_ascii_isdigit (c) || (c >= 'A' && c <= 'F');
}

/* The character an escape at P ("-HEX-") stands for, and its length in bytes;
 * 0 when P does not start an escape this module writes. */
static gsize
parse_escape (const char *p,
              gunichar   *c)
{
  guint32 value = 0;
  gsize n_digits = 0;

  g_assert (p[0] == '-');

  while (n_digits < MAX_HEX_DIGITS && is_upper_hex (p[1 + n_digits]))
    {
      value = value * 16 + g_ascii_xdigit_value (p[1 + n_digits]);
      n_digits++;
    }

  if (n_digits < 2 || p[1 + n_digits] != '-' || !g_unichar_validate (value) || value == 0
      || (value < 0x80 && (g_ascii_isalnum (value) || value == ' ')))
    return 0;

  *c = value;
  return n_digits + 2;
}

typedef gboolean (*KeepFunc) (gunichar c);

/* TEXT with the characters KEEP accepts as they are, a space as "_", any
 * other character but "-" as "-HEX-". A "-" stays as it is ("v-fin" is
 * "v-fin") unless what follows it as written would read as an escape: then
 * it is "-2D-". ONLY_HYPHENS_ESCAPED escapes every hyphen of a text made of
 * nothing else. */
static char *
encode (const char *text,
        KeepFunc    keep,
        gboolean    only_hyphens_escaped)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) written = g_string_sized_new (strlen (text));
  gboolean only_hyphens = text[0] != '\0' && strspn (text, "-") == strlen (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' && !(only_hyphens && only_hyphens_escaped))
        g_ptr_array_add (pieces, NULL);   /* decided below, once what follows is */
      else if (c == ' ')
        g_ptr_array_add (pieces, g_strdup ("_"));
      else if (c != '-' && c != '_' && keep (c))
        g_ptr_array_add (pieces, g_strndup (p, g_utf8_next_char (p) - p));
      else
        g_ptr_array_add (pieces, g_strdup_printf ("-%02X-", c));
    }

  /* From the end, so that each hyphen sees the rest as it is written. An
   * escape is at most MAX_HEX_DIGITS + 2 bytes long. */
  for (guint i = pieces->len; i-- > 0;)
    {
      g_autoptr(GString) ahead = NULL;
      gunichar unused;

      if (pieces->pdata[i] != NULL)
        continue;

      ahead = g_string_new ("-");
      for (guint j = i + 1; j < pieces->len && ahead->len < MAX_HEX_DIGITS + 2; j++)
        g_string_append (ahead, pieces->pdata[j]);
      pieces->pdata[i] = g_strdup (parse_escape (ahead->str, &unused) > 0 ? "-2D-" : "-");
    }

  for (guint i = 0; i < pieces->len; i++)
    g_string_append (written, pieces->pdata[i]);

  return g_string_free (g_steal_pointer (&written), FALSE);
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* What brat holds in an attribute value: any character but white space,
 * control characters and the separators of annotation.conf (",", "|", and
 * the "<" and ">" of its macros). */
static gboolean
is_value_character (gunichar c)
{
  return !g_unichar_isspace (c) && !g_unichar_iscntrl (c) && c != 0x2028 && c != 0x2029
         && c != 0x85 && !(c < 0x80 && strchr (",|<>", c) != NULL);
}

char *
gloss_type_name_from_label (const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return encode (label, is_ascii_alnum, TRUE);
}

char *
gloss_type_name_from_value (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  /* "-" alone is a value brat corpora use ("Polarity: +|-"); only a line
   * of hyphens is a separator. */
  return encode (value, is_value_character, FALSE);
}

char *
gloss_type_name_to_value (const char *written)
{
  return gloss_type_name_to_label (written);
}

char *
gloss_type_name_to_label (const char *type_name)
{
  g_autoptr(GString) label = NULL;

  g_return_val_if_fail (type_name != NULL, NULL);

  label = g_string_sized_new (strlen (type_name));

  for (const char *p = type_name; *p != '\0';)
    {
      gunichar c;
      gsize length;

      if (*p == '_')
        {
          g_string_append_c (label, ' ');
          p++;
        }
      else if (*p == '-' && (length = parse_escape (p, &c)) > 0)
        {
          g_string_append_unichar (label, c);
          p += length;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (label, p, next - p);
          p = next;
        }
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}
