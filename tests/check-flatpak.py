#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the Flatpak manifest agrees with the rest of the tree: the same
# application id as the desktop file and the other files Flatpak exports, the
# binary that meson installs, and the app itself built last with meson.
#
# Usage: check-flatpak.py SOURCE_ROOT
# Output: TAP.

import glob
import json
import os
import sys

DESKTOP_SUFFIX = '.desktop.in'


class Tap:
    def __init__(self):
        self.results = []

    def check(self, ok, description, why=None):
        self.results.append((bool(ok), description, why))

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


def main(argv):
    if len(argv) != 2:
        print('usage: %s SOURCE_ROOT' % argv[0], file=sys.stderr)
        return 2

    root = argv[1]
    tap = Tap()

    manifests = sorted(glob.glob(os.path.join(root, 'flatpak', '*.json')))
    if len(manifests) != 1:
        tap.check(False, 'flatpak/ holds exactly one JSON manifest',
                  'found %d: %s' % (len(manifests),
                                    ', '.join(os.path.basename(m) for m in manifests) or 'none'))
        return tap.finish()
    manifest_path = manifests[0]
    manifest_name = os.path.relpath(manifest_path, root).replace(os.sep, '/')

    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        tap.check(False, '%s is valid JSON' % manifest_name, str(e))
        return tap.finish()
    tap.check(isinstance(manifest, dict), '%s is valid JSON' % manifest_name)
    if not isinstance(manifest, dict):
        return tap.finish()

    app_id = manifest.get('id', manifest.get('app-id'))
    tap.check(app_id == 'io.github.glossapp.Gloss',
              'the application id is io.github.glossapp.Gloss',
              'id/app-id is %r' % (app_id,))

    expected_name = '%s.json' % app_id
    tap.check(os.path.basename(manifest_path) == expected_name,
              'the manifest is named after the application id',
              'expected flatpak/%s' % expected_name)

    tap.check(manifest.get('command') == 'gloss', 'the command is gloss',
              'command is %r' % (manifest.get('command'),))

    modules = manifest.get('modules') or []
    last = modules[-1] if modules else None
    tap.check(isinstance(last, dict) and last.get('buildsystem') == 'meson',
              'the last module is built with meson',
              'last module: %r' % (last.get('name') if isinstance(last, dict) else last,))

    desktop_files = sorted(
        os.path.basename(p)
        for p in glob.glob(os.path.join(root, 'data', '*' + DESKTOP_SUFFIX))
    )
    desktop_ids = [name[:-len(DESKTOP_SUFFIX)] for name in desktop_files]
    tap.check(desktop_ids == [app_id],
              'the desktop file in data/ is named after the application id',
              'expected data/%s%s, found %s' % (app_id, DESKTOP_SUFFIX,
                                                ', '.join(desktop_files) or 'none'))

    # Flatpak exports a MIME package only when it is named after the
    # application; data/meson.build installs it under that name.
    mime_source = os.path.join(root, 'data', '%s.mime.xml.in' % app_id)
    tap.check(os.path.isfile(mime_source),
              'the MIME package in data/ is named after the application id',
              'expected data/%s.mime.xml.in' % app_id)

    # The same for the D-Bus service, which the desktop file's
    # DBusActivatable needs.
    service_source = os.path.join(root, 'data', '%s.service.in' % app_id)
    tap.check(os.path.isfile(service_source),
              'the D-Bus service in data/ is named after the application id',
              'expected data/%s.service.in' % app_id)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
