#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens projects the way GNOME opens them for a DBusActivatable desktop
# file: an org.freedesktop.Application.Open call to the application's name
# on the session bus, which the bus answers by starting Gloss from its
# D-Bus service file. Runs a private bus whose only service is the one
# data/ installs, pointed at the built binary, and checks what a user
# sees: a window on the project, and a new project created where a missing
# one was asked for.
#
# Usage: check-dbus-activation.py SERVICE_FILE DESKTOP_FILE GLOSS_BINARY
# Needs a display (run under xvfb-run). Output: TAP.

import configparser
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

GLOSS_APPLICATION_ID = 0x474C4F53
WAIT_S = 60


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


def read_ini(path, group):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    return parser[group]


def gdbus(env, *args):
    return subprocess.run(['gdbus', *args], env=env, capture_output=True, text=True,
                          timeout=WAIT_S)


def object_path(app_id):
    return '/' + app_id.replace('.', '/')


def main(argv):
    if len(argv) != 4:
        print('usage: %s SERVICE_FILE DESKTOP_FILE GLOSS_BINARY' % argv[0], file=sys.stderr)
        return 2
    service_path, desktop_path, gloss = argv[1:]
    tap = Tap()

    service = read_ini(service_path, 'D-BUS Service')
    desktop = read_ini(desktop_path, 'Desktop Entry')
    app_id = service.get('Name')
    exec_line = service.get('Exec', '').split()

    tap.check(os.path.basename(desktop_path) == app_id + '.desktop',
              'the desktop file is named after the bus name %s' % app_id,
              'it is %s' % os.path.basename(desktop_path))
    tap.check(os.path.basename(service_path) == app_id + '.service',
              'the service file is named after the bus name',
              'it is %s' % os.path.basename(service_path))
    tap.check(desktop.get('DBusActivatable') == 'true', 'the desktop file is DBusActivatable')
    if not tap.check(len(exec_line) == 2 and os.path.basename(exec_line[0]) == 'gloss'
                     and exec_line[1] == '--gapplication-service',
                     'the service starts gloss --gapplication-service',
                     'Exec=%s' % ' '.join(exec_line)):
        return tap.finish()

    with tempfile.TemporaryDirectory(prefix='gloss-dbus-') as folder:
        services = os.path.join(folder, 'services')
        os.mkdir(services)
        # The installed file, with Exec pointing at the built binary.
        with open(os.path.join(services, app_id + '.service'), 'w', encoding='utf-8') as f:
            f.write('[D-BUS Service]\nName=%s\nExec=%s %s\n' % (app_id, gloss, exec_line[1]))
        config = os.path.join(folder, 'session.conf')
        with open(config, 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"\n'
                    ' "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n'
                    '<busconfig><type>session</type>'
                    '<listen>unix:dir=%s</listen>'
                    '<servicedir>%s</servicedir>'
                    '<policy context="default"><allow send_destination="*" eavesdrop="true"/>'
                    '<allow eavesdrop="true"/><allow own="*"/></policy>'
                    '</busconfig>\n' % (folder, services))

        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(folder, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(folder, 'config')
        env.pop('DBUS_SESSION_BUS_ADDRESS', None)
        daemon = subprocess.Popen(['dbus-daemon', '--nofork', '--print-address=1',
                                   '--config-file=' + config],
                                  stdout=subprocess.PIPE, text=True, env=env)
        pid = None
        try:
            env['DBUS_SESSION_BUS_ADDRESS'] = daemon.stdout.readline().strip()

            text = os.path.join(folder, 'article.txt')
            project = os.path.join(folder, 'corpus.gloss')
            created = os.path.join(folder, 'new.gloss')
            with open(text, 'w', encoding='utf-8') as f:
                f.write('Velayati spoke against the corridor.\n')
            run = subprocess.run([gloss, 'import', project, text], capture_output=True, text=True)
            tap.check(run.returncode == 0, '`gloss import` creates a project to open',
                      run.stderr.strip())

            # The call returns once the started Gloss has handled it.
            call = gdbus(env, 'call', '--session', '--dest', app_id,
                         '--object-path', object_path(app_id),
                         '--method', 'org.freedesktop.Application.Open',
                         "['file://%s']" % project, '{}')
            tap.check(call.returncode == 0, 'Open on %s starts Gloss and returns' % app_id,
                      call.stderr.strip())

            owner = gdbus(env, 'call', '--session', '--dest', 'org.freedesktop.DBus',
                          '--object-path', '/org/freedesktop/DBus',
                          '--method', 'org.freedesktop.DBus.GetConnectionUnixProcessID', app_id)
            if owner.returncode == 0:
                pid = int(owner.stdout.strip().strip('(),').split()[-1])

            # A project window, not the one that says why a project could
            # not be opened: only a project window has win.show-help-overlay.
            window = gdbus(env, 'call', '--session', '--dest', app_id,
                           '--object-path', object_path(app_id) + '/window/1',
                           '--method', 'org.gtk.Actions.List')
            tap.check(window.returncode == 0 and "'show-help-overlay'" in window.stdout,
                      'a project window opened on the project',
                      window.stderr.strip() or 'its actions: %s' % window.stdout.strip())

            call = gdbus(env, 'call', '--session', '--dest', app_id,
                         '--object-path', object_path(app_id),
                         '--method', 'org.freedesktop.Application.Open',
                         "['file://%s']" % created, '{}')
            tap.check(call.returncode == 0, 'Open of a missing project returns',
                      call.stderr.strip())
            header = b''
            if os.path.exists(created):
                with open(created, 'rb') as f:
                    header = f.read(72)
            tap.check(header[:16] == b'SQLite format 3\0'
                      and int.from_bytes(header[68:72], 'big') == GLOSS_APPLICATION_ID,
                      'the running Gloss created the missing project',
                      'header %r' % header)

            quit_call = gdbus(env, 'call', '--session', '--dest', app_id,
                              '--object-path', object_path(app_id),
                              '--method', 'org.freedesktop.Application.ActivateAction',
                              'quit', '[]', '{}')
            tap.check(quit_call.returncode == 0, 'app.quit ends the service',
                      quit_call.stderr.strip())
            if pid is not None:
                deadline = time.monotonic() + WAIT_S
                while time.monotonic() < deadline and os.path.exists('/proc/%d' % pid):
                    try:
                        # Reaps nothing (not our child); polls the process.
                        with open('/proc/%d/stat' % pid) as f:
                            if f.read().split()[2] == 'Z':
                                break
                    except OSError:
                        break
                    time.sleep(0.1)
        finally:
            if pid is not None:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            daemon.terminate()
            daemon.wait()

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
