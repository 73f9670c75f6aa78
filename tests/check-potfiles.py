#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the tree: every file with translatable strings
# must be listed (or be in po/POTFILES.skip), and every listed file must exist.
# A string in a file missing from the list is never offered to translators.
#
# Usage: check-potfiles.py SOURCE_ROOT
# Output: TAP.

import os
import re
import sys

C_EXTENSIONS = ('.c', '.h')

# _("..."), N_("..."), C_("ctx", "..."), NC_(...), Q_(...), with or without a
# space before the parenthesis, and the gettext family called directly.
C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\(\s*"'
    r'|(?<![A-Za-z0-9_])(?:g_dngettext|g_dpgettext2?|g_dgettext|g_dcgettext'
    r'|ngettext|dngettext|pgettext|gettext)\s*\('
    # po/meson.build extracts its plural pair of msgids
    r'|(?<![A-Za-z0-9_])gloss_format_report_lose\s*\([^;"]*"'
)

UI_MARKER = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''')

DESKTOP_MARKER = re.compile(r'^(?:Name|GenericName|Comment|Keywords)\s*=', re.MULTILINE)

# Elements that gettext's ITS rules translate in a GSettings schema, an
# AppStream file or a shared-mime-info package.
XML_MARKER = re.compile(
    r'<(?:summary|description|caption|developer_name|name|p|li|comment)[\s>]'
    r'|translatable\s*=\s*["\'](?:yes|true)["\']'
)


def strip_c_comments(text):
    """Drops /* */ and // comments, leaving string and character literals."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '/' and i + 1 < n and text[i + 1] == '*':
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
            out.append(' ')
        elif c == '/' and i + 1 < n and text[i + 1] == '/':
            end = text.find('\n', i + 2)
            i = n if end < 0 else end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def has_translatable_strings(path, relpath):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False

    name = os.path.basename(relpath)
    if name.endswith(C_EXTENSIONS):
        return C_MARKERS.search(strip_c_comments(text)) is not None
    if name.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    if name.endswith('.desktop.in'):
        return DESKTOP_MARKER.search(text) is not None
    if name.endswith('.xml') or name.endswith('.xml.in'):
        if name.endswith('.gresource.xml'):
            return False
        return XML_MARKER.search(text) is not None
    return False


def candidates(root):
    """Relative paths, with '/' separators, of the files that may hold
    translatable strings: everything under src/ and data/."""
    for top in ('src', 'data'):
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                if top == 'data' and not (
                    filename.endswith('.in')
                    or filename.endswith('.xml')
                    or filename.endswith('.ui')
                ):
                    continue
                yield rel, path


def read_list(path):
    """The entries of a POTFILES-style list, in order, with their line numbers."""
    entries = []
    try:
        with open(path, encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith('#') or line.startswith('['):
                    continue
                entries.append((lineno, line))
    except FileNotFoundError:
        pass
    return entries


def main(argv):
    if len(argv) != 2:
        print('usage: %s SOURCE_ROOT' % argv[0], file=sys.stderr)
        return 2

    root = argv[1]
    potfiles_in = os.path.join(root, 'po', 'POTFILES.in')
    if not os.path.isfile(potfiles_in):
        print('1..1')
        print('not ok 1 - po/POTFILES.in does not exist')
        return 1

    listed = read_list(potfiles_in)
    skipped = {entry for _, entry in read_list(os.path.join(root, 'po', 'POTFILES.skip'))}
    listed_set = {entry for _, entry in listed}

    results = []  # (ok, description)
    problems = []

    seen = set()
    for lineno, entry in listed:
        if entry in seen:
            msg = 'po/POTFILES.in line %d names %s a second time' % (lineno, entry)
            results.append((False, msg))
            problems.append(msg)
            continue
        seen.add(entry)
        if os.path.isfile(os.path.join(root, entry)):
            results.append((True, 'po/POTFILES.in: %s exists' % entry))
        else:
            msg = 'po/POTFILES.in line %d names %s, which does not exist' % (lineno, entry)
            results.append((False, msg))
            problems.append(msg)

    for rel, path in candidates(root):
        if not has_translatable_strings(path, rel):
            continue
        if rel in listed_set:
            results.append((True, '%s has translatable strings and is in po/POTFILES.in' % rel))
        elif rel in skipped:
            results.append((True, '%s has translatable strings and is in po/POTFILES.skip' % rel))
        else:
            msg = '%s has translatable strings but is not in po/POTFILES.in' % rel
            results.append((False, msg))
            problems.append(msg)

    print('1..%d' % len(results))
    for number, (ok, description) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, description))

    if problems:
        print('', file=sys.stderr)
        for msg in problems:
            print(msg, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
