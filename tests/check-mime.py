#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the shared-mime-info package of Gloss without installing it: the
# XML is well-formed, the desktop file and the metainfo name its type, and
# its magic and glob match a project that the gloss binary creates, and
# match neither a plain SQLite database nor a text file. The magic is read
# from the XML and applied here as shared-mime-info applies it (a nested
# match must hold too), so what is tested is the installed rule itself.
#
# Usage: check-mime.py MIME_XML DESKTOP_FILE METAINFO_FILE GLOSS_BINARY
# Output: TAP.

import fnmatch
import os
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = '{http://www.freedesktop.org/standards/shared-mime-info}'


class Tap:
    def __init__(self):
        self.results = []

    def check(self, ok, description, why=None):
        self.results.append((bool(ok), description, why))
        return bool(ok)

    def finish(self):
        print('1..%d' % len(self.results))
        failed = 0
        for number, (ok, description, why) in enumerate(self.results, 1):
            print('%s %d - %s' % ('ok' if ok else 'not ok', number, description))
            if not ok:
                failed += 1
                if why:
                    print('# %s' % why)
        return 1 if failed else 0


def parse_number(text):
    return int(text, 0)


def value_bytes(match):
    kind = match.get('type')
    value = match.get('value')
    if kind == 'string':
        return value.encode('utf-8').decode('unicode_escape').encode('latin-1')
    sizes = {'byte': 1, 'big16': 2, 'big32': 4, 'little16': 2, 'little32': 4,
             'host16': 2, 'host32': 4}
    if kind not in sizes:
        raise ValueError('match type %r is not handled here' % kind)
    order = 'little' if kind.startswith('little') else 'big'
    if kind.startswith('host'):
        order = sys.byteorder
    return parse_number(value).to_bytes(sizes[kind], order)


def match_holds(match, data):
    """A <match> holds when its value is found at its offset (or within its
    offset range) and, when it has nested matches, one of them holds."""
    offset = match.get('offset')
    start, _, end = offset.partition(':')
    start = int(start)
    end = int(end) if end else start
    value = value_bytes(match)
    found = any(data[at:at + len(value)] == value for at in range(start, end + 1))
    if not found:
        return False
    children = match.findall(NS + 'match')
    return not children or any(match_holds(child, data) for child in children)


def magic_holds(mime_type, data):
    return any(match_holds(match, data)
               for magic in mime_type.findall(NS + 'magic')
               for match in magic.findall(NS + 'match'))


def glob_holds(mime_type, name):
    return any(fnmatch.fnmatchcase(name, glob.get('pattern'))
               for glob in mime_type.findall(NS + 'glob'))


def desktop_mime_types(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('MimeType='):
                return [t for t in line.strip()[len('MimeType='):].split(';') if t]
    return []


def main(argv):
    if len(argv) != 5:
        print('usage: %s MIME_XML DESKTOP_FILE METAINFO_FILE GLOSS_BINARY' % argv[0],
              file=sys.stderr)
        return 2
    mime_path, desktop_path, metainfo_path, gloss = argv[1:]
    tap = Tap()

    try:
        root = ET.parse(mime_path).getroot()
    except ET.ParseError as e:
        tap.check(False, 'the MIME package is well-formed XML', str(e))
        return tap.finish()
    tap.check(root.tag == NS + 'mime-info', 'the MIME package is a shared-mime-info <mime-info>',
              'the root element is %s' % root.tag)
    types = root.findall(NS + 'mime-type')
    if not tap.check(len(types) == 1, 'the MIME package defines one type',
                     'it defines %d' % len(types)):
        return tap.finish()
    mime_type = types[0]
    name = mime_type.get('type')

    tap.check(name in desktop_mime_types(desktop_path),
              'the desktop file lists %s in MimeType=' % name,
              'MimeType= is %r' % desktop_mime_types(desktop_path))
    metainfo = ET.parse(metainfo_path).getroot()
    mediatypes = [e.text for e in metainfo.iter('mediatype')]
    tap.check(name in mediatypes, 'the metainfo provides the media type %s' % name,
              'it provides %r' % mediatypes)
    tap.check(mime_type.find(NS + 'comment') is not None and mime_type.find(NS + 'comment').text,
              'the type has a comment, the name file managers show')

    with tempfile.TemporaryDirectory(prefix='gloss-mime-') as folder:
        text = os.path.join(folder, 'article.txt')
        project = os.path.join(folder, 'corpus.gloss')
        plain = os.path.join(folder, 'plain.sqlite')
        with open(text, 'w', encoding='utf-8') as f:
            f.write('Velayati spoke against the corridor.\n')

        run = subprocess.run([gloss, 'import', project, text], capture_output=True, text=True)
        if not tap.check(run.returncode == 0 and os.path.isfile(project),
                         '`gloss import` creates a project to test the rule on',
                         'exit %d: %s' % (run.returncode, run.stderr.strip())):
            return tap.finish()
        with open(project, 'rb') as f:
            data = f.read(4096)
        tap.check(magic_holds(mime_type, data),
                  'the magic matches a project that gloss created',
                  'bytes 0-15 %r, 68-71 %s' % (data[:16], data[68:72].hex()))
        tap.check(glob_holds(mime_type, os.path.basename(project)),
                  'a glob matches the project name %s' % os.path.basename(project))

        db = sqlite3.connect(plain)
        db.execute('CREATE TABLE t (x)')
        db.commit()
        db.close()
        with open(plain, 'rb') as f:
            tap.check(not magic_holds(mime_type, f.read(4096)),
                      'the magic does not match another SQLite database')
        with open(text, 'rb') as f:
            tap.check(not magic_holds(mime_type, f.read(4096)),
                      'the magic does not match a text file')
        tap.check(not glob_holds(mime_type, 'article.txt'),
                  'no glob matches a text file name')

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
