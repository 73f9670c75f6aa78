/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reversible mapping between label names and brat/CoNLL type names; the
 * rules are in gloss-type-name.h. */

#define G_LOG_DOMAIN "gloss-type-name"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-type-name.h"

/* The longest escape: six hex digits reach U+10FFFF. */
#define MAX_HEX_DIGITS 6

char *
gloss_type_name_from_label (const char *label)
{
  g_autoptr(GString) type_name = NULL;
  gboolean only_hyphens;

  g_return_val_if_fail (label != NULL, NULL);

  type_name = g_string_sized_new (strlen (label));
  only_hyphens = label[0] != '\0' && strspn (label, "-") == strlen (label);

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isalnum (c))
        g_string_append_c (type_name, c);
      else if (c == ' ')
        g_string_append_c (type_name, '_');
      else if (c == '-' && !only_hyphens)
        g_string_append (type_name, "--");
      else
        g_string_append_printf (type_name, "-%02X-", c);
    }

  return g_string_free (g_steal_pointer (&type_name), FALSE);
}

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
      else if (p[0] == '-' && p[1] == '-')
        {
          g_string_append_c (label, '-');
          p += 2;
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
