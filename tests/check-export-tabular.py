#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a Gloss export the way its users' tools read it and checks that each
# span's text is the phrase the analyst labeled. Gloss's own C code is not
# trusted to check itself: this is Python's json, csv and str slicing.
#
# Usage: check-export-tabular.py FORMAT EXPORTED_PATH EXPECTED.json
#   FORMAT    doccano, csv or text
#   EXPECTED  {"documents": [{"name": ..., "text": ...,
#              "spans": [[text, label, annotator, note], ...]}, ...]}
#             spans in the order the export writes them
# Exit status 0 when the export holds exactly what EXPECTED says; otherwise
# every difference goes to stderr and the status is 1.

import csv
import io
import json
import os
import sys

CONTEXT = 40
CSV_HEADER = ['document', 'start', 'end', 'label', 'text', 'left_context', 'right_context',
              'annotator', 'note']

problems = []


def problem(message):
    problems.append(message)


def read_utf8(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'\xef\xbb\xbf'):
        problem('%s starts with a byte order mark' % path)
    return data.decode('utf-8')


def check_doccano(path, documents):
    data = read_utf8(path)
    if '\r' in data:
        problem('doccano: a raw CR in the file; line breaks in text must be escaped')
    if data and not data.endswith('\n'):
        problem('doccano: the last line does not end with a newline')
    lines = data.split('\n')[:-1] if data else []
    if len(lines) != len(documents):
        problem('doccano: %d lines for %d documents' % (len(lines), len(documents)))
    for number, (line, document) in enumerate(zip(lines, documents), 1):
        record = json.loads(line)
        text = record.get('text')
        if text != document['text']:
            problem('doccano line %d: text %r, expected %r' % (number, text, document['text']))
            continue
        if record.get('name') != document['name']:
            problem('doccano line %d: name %r, expected %r'
                    % (number, record.get('name'), document['name']))
        units = text.encode('utf-16-le')
        if 'entities' in record:
            # The form doccano exports with relations: ids that the
            # relations of the same line name.
            entities = record['entities']
            ids = {entity['id'] for entity in entities}
            if len(ids) != len(entities):
                problem('doccano line %d: two entities share an id' % number)
            for relation in record.get('relations', []):
                if relation['from_id'] not in ids or relation['to_id'] not in ids:
                    problem('doccano line %d: relation %r names no entity of its line'
                            % (number, relation))
            labels = [(entity['start_offset'], entity['end_offset'], entity['label'])
                      for entity in entities]
        else:
            labels = [label for label in record.get('label', []) if not isinstance(label, str)]
        for category in record.get('cats', []):
            if not isinstance(category, str):
                problem('doccano line %d: category %r is not a string' % (number, category))
        if len(labels) != len(document['spans']):
            problem('doccano line %d: %d spans, expected %d'
                    % (number, len(labels), len(document['spans'])))
        for (start, end, label), expected in zip(labels, document['spans']):
            if not (isinstance(start, int) and isinstance(end, int)):
                problem('doccano line %d: offsets %r-%r are not integers' % (number, start, end))
                continue
            # doccano counts UTF-16 code units, as JavaScript does.
            got = units[2 * start:2 * end].decode('utf-16-le')
            if [got, label] != expected[:2]:
                problem('doccano line %d: span %d-%d is %r %r, expected %r %r'
                        % (number, start, end, got, label, expected[0], expected[1]))


# What a spreadsheet would run as a formula; Gloss writes a "'" before a
# text cell that begins so, and before one that begins with "'".
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def raw_cell(number, cell):
    if cell.startswith(FORMULA_STARTS):
        problem('csv row %d: cell %r would run as a formula' % (number, cell))
    return cell[1:] if cell.startswith("'") else cell


def check_csv(path, documents):
    data = read_utf8(path)
    rows = list(csv.reader(io.StringIO(data, newline='')))
    # The span columns, then one a span attribute.
    if not rows or rows[0][:len(CSV_HEADER)] != CSV_HEADER:
        problem('csv: header %r, expected %r' % (rows[0] if rows else None, CSV_HEADER))
        return
    header = rows[0]
    expected_rows = [(document, span) for document in documents for span in document['spans']]
    if len(rows) - 1 != len(expected_rows):
        problem('csv: %d rows for %d spans' % (len(rows) - 1, len(expected_rows)))
    for number, (row, (document, span)) in enumerate(zip(rows[1:], expected_rows), 2):
        if len(row) != len(header):
            problem('csv row %d: %d fields' % (number, len(row)))
            continue
        name, start, end, label, text, left, right, annotator, note = row[:len(CSV_HEADER)]
        name, label, text, left, right, annotator, note = (
            raw_cell(number, cell) for cell in (name, label, text, left, right, annotator, note))
        start, end = int(start), int(end)
        whole = document['text']
        if name != document['name']:
            problem('csv row %d: document %r, expected %r' % (number, name, document['name']))
        # Code points: Python's own slicing is the definition.
        if whole[start:end] != text:
            problem('csv row %d: text[%d:%d] is %r but the row says %r'
                    % (number, start, end, whole[start:end], text))
        if [text, label] != span[:2]:
            problem('csv row %d: %r %r, expected %r %r'
                    % (number, text, label, span[0], span[1]))
        if left != whole[max(0, start - CONTEXT):start]:
            problem('csv row %d: left context %r' % (number, left))
        if right != whole[end:end + CONTEXT]:
            problem('csv row %d: right context %r' % (number, right))
        if len(span) >= 4 and [annotator, note] != span[2:4]:
            problem('csv row %d: annotator and note %r %r, expected %r %r'
                    % (number, annotator, note, span[2], span[3]))


def check_text(path, documents):
    names = sorted(os.listdir(path))
    expected = sorted(document['name'] for document in documents)
    if names != expected:
        problem('text: files %r, expected %r' % (names, expected))
    for document in documents:
        file = os.path.join(path, document['name'])
        if not os.path.isfile(file):
            continue
        with open(file, 'rb') as f:
            data = f.read()
        # Byte for byte: CRLF stays CRLF, no byte order mark is added.
        if data != document['text'].encode('utf-8'):
            problem('text: %s holds %r, expected %r' % (document['name'], data,
                                                        document['text'].encode('utf-8')))


CHECKS = {
    'doccano': check_doccano,
    'csv': check_csv,
    'text': check_text,
}


def main(argv):
    if len(argv) != 4 or argv[1] not in CHECKS:
        print('usage: %s {%s} EXPORTED_PATH EXPECTED.json' % (argv[0], ','.join(CHECKS)),
              file=sys.stderr)
        return 2

    with open(argv[3], encoding='utf-8') as f:
        documents = json.load(f)['documents']

    try:
        CHECKS[argv[1]](argv[2], documents)
    except (ValueError, OSError, UnicodeDecodeError) as e:
        problem('%s: %s' % (argv[1], e))

    for message in problems:
        print(message, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
