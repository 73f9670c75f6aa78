#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a brat folder or a CoNLL file the way the tools that consume them do,
# with nothing from Gloss, and checks that it says what the analyst annotated.
#
# Usage: check-export-standoff.py FORMAT EXPORTED_PATH EXPECTED.json
#
#   FORMAT     brat or conll
#   EXPECTED   the documents in export order, each
#              {"file": "zangezur", "text": "...", "spans": [[text, label, note], ...]}
#              "file" is the brat file name without .txt or .ann; "note" is
#              optional (brat only); for CoNLL, "spans" lists the spans CoNLL
#              keeps, in text order.
#
# Exit status 0 when everything matches; otherwise 1, with one line per
# problem on stderr.

import json
import os
import re
import sys

TYPE_NAME = re.compile(r'^[A-Za-z0-9_-]+$')
ESCAPE = re.compile(r'-([0-9A-F]{2,6})-')


def label_from_type(type_name):
    """Undoes Gloss's label -> type name mapping: "_" is a space, "-HEX-"
    the character with that code point, anything else itself."""
    out = []
    i = 0
    while i < len(type_name):
        if type_name[i] == '_':
            out.append(' ')
            i += 1
        elif type_name[i] == '-' and ESCAPE.match(type_name, i):
            m = ESCAPE.match(type_name, i)
            out.append(chr(int(m.group(1), 16)))
            i = m.end()
        else:
            out.append(type_name[i])
            i += 1
    return ''.join(out)


def read_text(path):
    # newline='' keeps CRLF: brat counts offsets over the file as it is.
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def read_annotation_conf(folder, problems, sections=None):
    """The entity types and the gloss-label names of annotation.conf; the
    other sections' lines, by type, into SECTIONS when given."""
    types = []
    names = {}
    section = None
    for line in read_text(os.path.join(folder, 'annotation.conf')).splitlines():
        m = re.match(r'^\s*\[(.*)\]\s*$', line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r'^# gloss-label: (\S+) = (.*)$', line)
        if m:
            names[m.group(1)] = m.group(2)
            continue
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        if section == 'entities':
            types.append(line.split()[0])
        elif sections is not None and section in ('relations', 'events', 'attributes'):
            # brat: the type, white space, then KEY:TYPE|TYPE arguments split at commas.
            parts = line.split(None, 1)
            arguments = {}
            for argument in (parts[1].split(',') if len(parts) > 1 else []):
                key, _, values = argument.strip().partition(':')
                arguments[key.rstrip('?*+')] = values.split('|')
            sections.setdefault(section, {})[parts[0]] = arguments
    for type_name in sections.get('events', {}) if sections is not None else []:
        types.append(type_name)
    for type_name in types:
        if type_name not in names:
            problems.append('annotation.conf: %s has no gloss-label line' % type_name)
        elif label_from_type(type_name) != names[type_name]:
            problems.append('annotation.conf: %s reads back as %r, but its gloss-label line says %r'
                            % (type_name, label_from_type(type_name), names[type_name]))
    return set(types), names


def check_links(where, ann_id, rest, ids, sections, problems):
    """An R, E, A, M or * line as brat reads it: its type defined in
    annotation.conf, every ID it names in the file."""
    words = rest.split('\t')[0].split()
    if not words:
        problems.append('%s: %s has no type' % (where, ann_id))
        return
    if ann_id.startswith('E'):
        event_type, _, trigger = words[0].partition(':')
        roles = sections.get('events', {}).get(event_type)
        if roles is None:
            problems.append('%s: event type %s is not in [events]' % (where, event_type))
            roles = {}
        targets = [trigger]
        for argument in words[1:]:
            role, _, target = argument.partition(':')
            # brat numbers a role that comes more than once: Theme, Theme2.
            if re.sub(r'\d+$', '', role) not in roles:
                problems.append('%s: role %s is not one of %s\'s' % (where, role, event_type))
            targets.append(target)
    elif ann_id.startswith('R'):
        if words[0] not in sections.get('relations', {}):
            problems.append('%s: relation type %s is not in [relations]' % (where, words[0]))
        if [w.partition(':')[0] for w in words[1:]] != ['Arg1', 'Arg2']:
            problems.append('%s: %s does not have Arg1 and Arg2' % (where, ann_id))
        targets = [w.partition(':')[2] for w in words[1:]]
    elif ann_id.startswith('*'):
        arguments = sections.get('relations', {}).get(words[0], {})
        if 'transitive' not in '-'.join(arguments.get('<REL-TYPE>', [])):
            problems.append('%s: %s is not an equivalence in [relations]' % (where, words[0]))
        targets = words[1:]
    else:
        arguments = sections.get('attributes', {}).get(words[0])
        if arguments is None:
            problems.append('%s: attribute %s is not in [attributes]' % (where, words[0]))
        elif len(words) > 2 and words[2] not in arguments.get('Value', []):
            problems.append('%s: %s is not a value of %s' % (where, words[2], words[0]))
        targets = words[1:2]
    for target in targets:
        if target not in ids:
            problems.append('%s: %s points at %s, which is not in the file' % (where, ann_id, target))


def check_brat(folder, expected, problems):
    sections = {}
    types, names = read_annotation_conf(folder, problems, sections)

    wanted_files = {'annotation.conf', 'visual.conf'}
    for document in expected:
        wanted_files.add(document['file'] + '.txt')
        wanted_files.add(document['file'] + '.ann')
    present = set(os.listdir(folder))
    for name in sorted(present - wanted_files):
        problems.append('%s: not expected in the brat folder' % name)
    for name in sorted(wanted_files - present):
        problems.append('%s: missing from the brat folder' % name)
        return

    for document in expected:
        txt_name = document['file'] + '.txt'
        ann_name = document['file'] + '.ann'
        text = read_text(os.path.join(folder, txt_name))
        if text != document['text']:
            problems.append('%s: the text differs from the document' % txt_name)
            continue

        found = {}
        notes = {}
        links = []
        found_events = {}
        # brat splits .ann files as str.splitlines() does.
        for number, line in enumerate(read_text(os.path.join(folder, ann_name)).splitlines(), 1):
            where = '%s, line %d' % (ann_name, number)
            if not line:
                continue
            try:
                ann_id, rest = line.split('\t', 1)
                if ann_id.startswith('T'):
                    data, span_text = rest.split('\t', 1)
                    type_name, offsets = data.split(' ', 1)
                    fragments = [tuple(int(n) for n in pair.split(' '))
                                 for pair in offsets.split(';')]
                elif ann_id.startswith('#'):
                    data, note = rest.split('\t', 1)
                    kind, target = data.split()
                elif ann_id[:1] in ('R', 'E', 'A', 'M', '*'):
                    links.append((where, ann_id, rest))
                    if ann_id.startswith('E'):
                        found_events[ann_id] = rest.split()[0].partition(':')[2]
                    continue
                else:
                    problems.append('%s: unexpected annotation %r' % (where, line))
                    continue
            except ValueError:
                problems.append('%s: not a brat annotation: %r' % (where, line))
                continue

            if ann_id.startswith('#'):
                if kind != 'AnnotatorNotes':
                    problems.append('%s: %s is not an AnnotatorNotes comment' % (where, kind))
                notes[target] = note
                continue

            reference = ' '.join(text[start:end] for start, end in fragments)
            if span_text != reference:
                problems.append('%s: %s says %r, but text[%s] is %r'
                                % (where, ann_id, span_text, offsets, reference))
            if not TYPE_NAME.match(type_name) or re.match(r'^-+$', type_name):
                problems.append('%s: %r is not a type name brat accepts' % (where, type_name))
            if type_name not in types:
                problems.append('%s: %s is not in annotation.conf' % (where, type_name))
            label = names.get(type_name, label_from_type(type_name))
            whole = text[fragments[0][0]:fragments[-1][1]]
            found[ann_id] = (whole, label)

        ids = set(found) | set(found_events)
        for where, ann_id, rest in links:
            check_links(where, ann_id, rest, ids, sections, problems)
        # A note on an event is its trigger's.
        for event, trigger in found_events.items():
            if event in notes:
                notes[trigger] = notes.pop(event)
        for target in notes:
            if target not in ids and not target.startswith('R'):
                problems.append('%s: a note about %s, which is not in the file' % (ann_name, target))

        got = sorted([whole, label, notes.get(ann_id, '')]
                     for ann_id, (whole, label) in found.items())
        want = sorted([span[0], span[1], span[2] if len(span) > 2 else '']
                      for span in document['spans'])
        if got != want:
            problems.append('%s: spans %r, expected %r' % (ann_name, got, want))


def check_conll(path, expected, problems):
    name = os.path.basename(path)
    documents = []
    entity = None      # [tokens, type name] of the entity being read
    previous = 'O'

    for number, line in enumerate(read_text(path).split('\n'), 1):
        where = '%s, line %d' % (name, number)
        columns = line.split()
        if not columns:
            entity = None
            previous = 'O'
            continue
        if columns[0] == '-DOCSTART-':
            if line != '-DOCSTART- -X- -X- O':
                problems.append('%s: %r is not a CoNLL 2003 document start' % (where, line))
            documents.append({'tokens': [], 'entities': []})
            entity = None
            previous = 'O'
            continue
        if not documents:
            problems.append('%s: a token before the first -DOCSTART-' % where)
            return
        if len(columns) != 4:
            problems.append('%s: %d columns, CoNLL 2003 has 4' % (where, len(columns)))
            continue

        token, tag = columns[0], columns[3]
        document = documents[-1]
        document['tokens'].append(token)
        if tag == 'O':
            entity = None
        elif tag.startswith('B-'):
            entity = [[token], tag[2:]]
            document['entities'].append(entity)
        elif tag.startswith('I-'):
            # IOB2: I- only continues an entity of its type.
            if previous == 'O' or previous[2:] != tag[2:] or entity is None:
                problems.append('%s: %s does not continue an entity (previous tag %s)'
                                % (where, tag, previous))
                entity = [[], tag[2:]]
                document['entities'].append(entity)
            entity[0].append(token)
        else:
            problems.append('%s: %r is not an IOB2 tag' % (where, tag))
        previous = tag

    if len(documents) != len(expected):
        problems.append('%s: %d documents, expected %d' % (name, len(documents), len(expected)))
        return

    for index, (document, wanted) in enumerate(zip(documents, expected), 1):
        # Tokens cover every character of the text but its white space.
        if ''.join(document['tokens']) != ''.join(wanted['text'].split()):
            problems.append('%s, document %d: the tokens do not spell the text' % (name, index))
        got = [[''.join(tokens), label_from_type(type_name)]
               for tokens, type_name in document['entities']]
        want = [[''.join(span[0].split()), span[1]] for span in wanted['spans']]
        if got != want:
            problems.append('%s, document %d: entities %r, expected %r' % (name, index, got, want))


def main(argv):
    if len(argv) != 4 or argv[1] not in ('brat', 'conll'):
        print('usage: %s brat|conll EXPORTED_PATH EXPECTED.json' % argv[0], file=sys.stderr)
        return 2

    with open(argv[3], encoding='utf-8') as f:
        expected = json.load(f)

    problems = []
    if argv[1] == 'brat':
        check_brat(argv[2], expected, problems)
    else:
        check_conll(argv[2], expected, problems)

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
