#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a dataset Gloss exported the way the tool it is meant for reads it
# (Python strings: offsets are code points, text[start:end]) and checks that
# every span cuts out the phrase the analyst labeled. Gloss's own C code never
# slices the text here, so an offset counted in bytes or UTF-16 units shows up
# as a wrong phrase.
#
# Usage: check-export.py FORMAT EXPORTED EXPECTED.json
#
# EXPECTED.json holds one entry per document, in document order, each a list
# of [phrase, label] in reading order (by start; the enclosing span first;
# then by label).
#
# One function per format, registered in CHECKS: each returns the documents it
# found, as lists of [phrase, label] in reading order, and raises Problem for
# anything the target tool would choke on.
#
# Exit status 0 when the export matches, 1 otherwise (the reasons on stderr),
# 2 on wrong usage.

import json
import sys


class Problem(Exception):
    pass


def read_text(path):
    """The file as text, refusing what a strict reader refuses: a byte order
    mark, invalid UTF-8, Windows line endings between records."""
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'\xef\xbb\xbf'):
        raise Problem('%s starts with a byte order mark' % path)
    if b'\r' in data:
        raise Problem('%s holds a raw carriage return; JSON strings escape it as \\r' % path)
    if data and not data.endswith(b'\n'):
        raise Problem('%s does not end with a newline' % path)
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError as e:
        raise Problem('%s is not UTF-8: %s' % (path, e))


def check_canonical(path, text, records, one_per_line):
    """Gloss writes exactly what Python's json.dumps(ensure_ascii=False)
    writes, one record a line (inside a list for the whole-file formats), so
    that the same dataset always gives the same bytes."""
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    if one_per_line:
        canonical = ''.join(line + '\n' for line in lines)
    elif lines:
        canonical = '[\n' + ',\n'.join(lines) + '\n]\n'
    else:
        canonical = '[]\n'
    if text != canonical:
        for number, (got, want) in enumerate(zip(text.split('\n'), canonical.split('\n')), 1):
            if got != want:
                raise Problem('%s, line %d is not laid out as json.dumps would:\n  %s\n  %s'
                              % (path, number, got, want))
        raise Problem('%s is not laid out as json.dumps would' % path)


def reading_order(spans):
    """spans: (start, end, phrase, label); sorted as Gloss sorts a document."""
    return [[phrase, label]
            for start, end, phrase, label in sorted(spans, key=lambda s: (s[0], -s[1], s[3]))]


def check_gloss(path):
    text = read_text(path)
    records = [json.loads(line) for line in text.split('\n')[:-1]]
    check_canonical(path, text, records, True)
    header = records[0]
    if header.get('gloss') != 1:
        raise Problem('line 1 is not {"gloss": 1, ...}: %r' % header)
    label_names = [label['name'] for label in header['labels']]
    documents = []
    for number, record in enumerate(records[1:], 2):
        doc_text = record['text']
        if record['status'] not in ('new', 'in-progress', 'done'):
            raise Problem('line %d: status %r' % (number, record['status']))
        found = []
        for span in record['spans']:
            phrase = doc_text[span['start']:span['end']]
            if span['text'] != phrase:
                raise Problem('line %d: span %d-%d says %r but the text there is %r'
                              % (number, span['start'], span['end'], span['text'], phrase))
            if span['label'] not in label_names:
                raise Problem('line %d: label %r is not in the header' % (number, span['label']))
            found.append([phrase, span['label']])
        documents.append(found)
    return documents


def check_spacy(path):
    # What spaCy's training scripts do: json.load, then for each example
    # doc.char_span(start, end, label), which slices by code points.
    text = read_text(path)
    examples = json.loads(text)
    check_canonical(path, text, examples, False)
    documents = []
    for number, (doc_text, annotations) in enumerate(examples):
        if not isinstance(doc_text, str):
            raise Problem('[%d][0] is not a string' % number)
        # What spaCy's text categorizers take: a score for each class.
        for name, score in annotations.get('cats', {}).items():
            if not isinstance(name, str) or not isinstance(score, float):
                raise Problem('[%d]: cats %r: %r is not a class and a score'
                              % (number, annotations['cats'], name))
        spans = []
        for start, end, label in annotations['entities']:
            if not (isinstance(start, int) and isinstance(end, int)
                    and 0 <= start < end <= len(doc_text)):
                raise Problem('[%d]: entity %r does not fit the text'
                              % (number, [start, end, label]))
            spans.append((start, end, doc_text[start:end], label))
        documents.append([[phrase, label] for _, _, phrase, label in spans])
    return documents


def check_labelstudio(path):
    # Label Studio keeps one annotation per annotator: reading order is
    # rebuilt from the offsets, as Label Studio's own converters do.
    text = read_text(path)
    tasks = json.loads(text)
    check_canonical(path, text, tasks, False)
    documents = []
    for number, task in enumerate(tasks):
        doc_text = task['data']['text']
        spans = []
        for annotation in task['annotations']:
            regions = set()
            for result in annotation['result']:
                if result['type'] != 'labels':
                    continue
                value = result['value']
                phrase = doc_text[value['start']:value['end']]
                if value['text'] != phrase:
                    raise Problem('tasks[%d]: region %s says %r but the text there is %r'
                                  % (number, result['id'], value['text'], phrase))
                for label in value['labels']:
                    spans.append((value['start'], value['end'], phrase, label))
                regions.add(result['id'])
            for result in annotation['result']:
                if result['type'] == 'textarea' and result['id'] not in regions:
                    raise Problem('tasks[%d]: note %s belongs to no region'
                                  % (number, result['id']))
                # Label Studio draws a relation between two regions of its
                # own annotation.
                if result['type'] == 'relation':
                    if result['from_id'] not in regions or result['to_id'] not in regions:
                        raise Problem('tasks[%d]: relation %r joins no regions of its annotation'
                                      % (number, result))
                    if result['direction'] not in ('right', 'left', 'bi'):
                        raise Problem('tasks[%d]: relation direction %r'
                                      % (number, result['direction']))
                # Choices with an id are a region's; without, the task's.
                if result['type'] == 'choices':
                    if 'id' in result and result['id'] not in regions:
                        raise Problem('tasks[%d]: choices %s belong to no region'
                                      % (number, result['id']))
                    if not all(isinstance(c, str) for c in result['value']['choices']):
                        raise Problem('tasks[%d]: a choice is not a string' % number)
        documents.append(reading_order(spans))
    return documents


CHECKS = {
    'gloss': check_gloss,
    'spacy': check_spacy,
    'labelstudio': check_labelstudio,
}


def main(argv):
    if len(argv) != 4 or argv[1] not in CHECKS:
        print('usage: %s {%s} EXPORTED EXPECTED.json' % (argv[0], ','.join(sorted(CHECKS))),
              file=sys.stderr)
        return 2

    fmt, exported, expected_path = argv[1:]
    with open(expected_path, encoding='utf-8') as f:
        expected = json.load(f)

    try:
        found = CHECKS[fmt](exported)
    except (Problem, ValueError, KeyError, TypeError, IndexError) as e:
        print('%s: %s: %s: %s' % (fmt, exported, type(e).__name__, e), file=sys.stderr)
        return 1

    problems = []
    if len(found) != len(expected):
        problems.append('%d documents, expected %d' % (len(found), len(expected)))
    for number, (got, want) in enumerate(zip(found, expected)):
        if got != want:
            problems.append('document %d:\n  found    %s\n  expected %s'
                            % (number, json.dumps(got, ensure_ascii=False),
                               json.dumps(want, ensure_ascii=False)))

    for problem in problems:
        print('%s: %s: %s' % (fmt, exported, problem), file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
