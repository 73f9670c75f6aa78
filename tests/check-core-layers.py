#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the layering of src/core (docs/DESIGN.md, "Source layout"): each
# folder is a static library that may include only its own headers and
# those of the layers below it.
#
# The build is the guard: a layer's include path holds no folder above it,
# so a wrong #include fails with "No such file". This test keeps the guard
# in place. For each layer it compiles, with that layer's own flags from
# compile_commands.json, a one-line file including a header it must see
# (which must compile) and one including each header it must not see (which
# must not be found). It also reads every #include "gloss-*.h" under
# src/core and names the file and line of any that reaches too high.
#
# Usage: check-core-layers.py SOURCE_ROOT BUILD_ROOT
# Output: TAP.

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

# Each layer, lowest first, and the layers it sees besides itself. '.' is
# src/core itself, the top.
LAYERS = {
    'text': [],
    'model': ['text'],
    'formats': ['model', 'text'],
    'store': ['model', 'text'],
    '.': ['formats', 'store', 'model', 'text'],
}

# Headers other than the layers' own that a core file may include.
OTHER_HEADERS = {'config.h', 'gloss-core-resources.h'}

# For the compile probe: a header each layer sees, and one of each layer it
# must not see.
SEEN = {
    'text': 'gloss-offsets.h',
    'model': 'gloss-dataset.h',
    'formats': 'gloss-format.h',
    'store': 'gloss-store.h',
}
REPRESENTATIVE = {
    'model': 'gloss-document.h',
    'formats': 'gloss-format.h',
    'store': 'gloss-store.h',
    '.': 'gloss-import.h',
}

# GCC says "No such file or directory", clang "file not found".
NOT_FOUND = r"'?%s'?[: ]+(?:No such file or directory|file not found)"

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)

results = []


def check(ok, name, diagnostic=None):
    results.append((ok, name, diagnostic))


def headers_of(core, layer):
    folder = os.path.join(core, layer)
    return {f for f in os.listdir(folder) if f.endswith('.h')}


def check_includes(core):
    owner = {}
    for layer in LAYERS:
        for header in headers_of(core, layer):
            owner[header] = layer
    for layer, below in LAYERS.items():
        folder = os.path.join(core, layer)
        allowed = {layer, *below}
        problems = []
        for name in sorted(os.listdir(folder)):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for match in INCLUDE.finditer(text):
                header = match.group(1)
                line = text.count('\n', 0, match.start()) + 1
                where = os.path.relpath(path, os.path.dirname(os.path.dirname(core)))
                if header in OTHER_HEADERS:
                    continue
                if header not in owner:
                    problems.append('%s:%d: "%s" is no header of src/core' % (where, line, header))
                elif owner[header] not in allowed:
                    problems.append('%s:%d: "%s" is in %s/, above %s/'
                                    % (where, line, header, owner[header], layer))
        label = 'src/core' if layer == '.' else 'src/core/' + layer
        check(not problems, 'includes of %s stay in its layers' % label, '\n'.join(problems))


def layer_command(build, core, layer):
    """The compile command of one of LAYER's own sources, as a list."""
    with open(os.path.join(build, 'compile_commands.json'), encoding='utf-8') as f:
        commands = json.load(f)
    folder = os.path.realpath(os.path.join(core, layer))
    for entry in commands:
        source = os.path.realpath(os.path.join(entry['directory'], entry['file']))
        if os.path.dirname(source) == folder:
            argv = entry.get('arguments') or shlex.split(entry['command'])
            return entry['directory'], argv, entry['file']
    return None


def probe_argv(argv, source, probe):
    """ARGV compiling PROBE instead of SOURCE, checking syntax only."""
    out = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ('-o', '-MQ', '-MF', '-MT'):
            skip = True
            continue
        if arg in ('-c', '-MD', '-MMD', source) or arg.startswith('-fdiagnostics-color'):
            continue
        out.append(arg)
    return out + ['-fdiagnostics-color=never', '-fsyntax-only', probe]


def compile_probe(directory, argv, source, header):
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, 'probe.c')
        with open(probe, 'w', encoding='utf-8') as f:
            f.write('#include "%s"\n' % header)
        run = subprocess.run(probe_argv(argv, source, probe), cwd=directory,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True)
        return run.returncode, run.stdout


def check_build(build, core):
    order = list(LAYERS)
    for layer in order:
        if layer == '.':
            continue
        found = layer_command(build, core, layer)
        if found is None:
            check(False, 'compile command of src/core/%s' % layer,
                  'none of its sources in %s/compile_commands.json' % build)
            continue
        directory, argv, source = found
        status, output = compile_probe(directory, argv, source, SEEN[layer])
        check(status == 0, 'src/core/%s compiles #include "%s"' % (layer, SEEN[layer]), output)
        for other in order:
            if other == layer or other in LAYERS[layer]:
                continue
            header = REPRESENTATIVE[other]
            status, output = compile_probe(directory, argv, source, header)
            missing = re.search(NOT_FOUND % re.escape(header), output)
            check(status != 0 and missing is not None,
                  'src/core/%s cannot #include "%s"' % (layer, header),
                  'compiled, or failed for another reason:\n' + output)


def main():
    if len(sys.argv) != 3:
        print('usage: check-core-layers.py SOURCE_ROOT BUILD_ROOT', file=sys.stderr)
        return 2
    core = os.path.join(sys.argv[1], 'src', 'core')
    check_includes(core)
    check_build(sys.argv[2], core)

    print('1..%d' % len(results))
    failed = 0
    for i, (ok, name, diagnostic) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            failed += 1
            for line in (diagnostic or '').splitlines():
                print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
