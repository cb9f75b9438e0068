import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvDocument } from '../../audit/csv.js';
import { CsvError, decodeCsv, parseCsv, parseCsvRecords } from './csv.js';

describe('reading CSV', () => {
  it('reads plain rows, with LF, CRLF or lone CR line ends', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const records = parseCsvRecords(['a,b,c', '1,2,3', 'x,,z'].join(end) + end);
      assert.deepEqual(
        records.map((r) => [r.line, r.fields]),
        [
          [1, ['a', 'b', 'c']],
          [2, ['1', '2', '3']],
          [3, ['x', '', 'z']],
        ],
      );
    }
  });

  it('reads quoted values holding commas, doubled quotes and line breaks, and counts lines as an editor does', () => {
    const text = 'name,notes\r\n"Smith, Jo","said ""hello""\r\nthen left"\r\nAnn,"a\nb\nc"\r\nLast,one\r\n';
    const { header, records } = parseCsv(text);
    assert.deepEqual(header, ['name', 'notes']);
    assert.deepEqual(
      records.map((r) => [r.line, r.fields]),
      [
        [2, ['Smith, Jo', 'said "hello"\r\nthen left']],
        [4, ['Ann', 'a\nb\nc']],
        [7, ['Last', 'one']],
      ],
    );
  });

  it('drops a byte order mark, skips blank lines and keeps a trailing empty value', () => {
    const { header, records } = parseCsv('\uFEFFa,b\n\n1,\n\n2,3');
    assert.deepEqual(header, ['a', 'b']);
    assert.deepEqual(
      records.map((r) => [r.line, r.fields, r.problem]),
      [
        [3, ['1', ''], undefined],
        [5, ['2', '3'], undefined],
      ],
    );
  });

  it('keeps a stray quote inside an unquoted value as written', () => {
    const [record] = parseCsvRecords('6" nails,ok');
    assert.deepEqual(record?.fields, ['6" nails', 'ok']);
    assert.equal(record.problem, undefined);
  });

  it('marks a row with the wrong number of values, naming its line', () => {
    const { records } = parseCsv('a,b,c\n1,2\n1,2,3,4\n1,2,3');
    assert.deepEqual(
      records.map((r) => r.problem),
      [
        'Line 2 has 2 values but the header has 3 columns',
        'Line 3 has 4 values but the header has 3 columns',
        undefined,
      ],
    );
  });

  it('marks text after a closing quote, and a quote never closed, without guessing', () => {
    const { records } = parseCsv('a,b\n"x"y,2\n3,"never closed\n4,5\n');
    assert.equal(records[0]?.problem, 'Line 2 has text after a closing quote');
    assert.deepEqual(records[0].fields, ['xy', '2']);
    assert.equal(records[1]?.problem, 'A quoted value starting on line 3 is never closed');
    assert.equal(records.length, 2, 'the rest of the file was inside the open quote');
  });

  it('refuses an empty file, an unreadable header and a column named twice', () => {
    assert.throws(() => parseCsv(''), CsvError);
    assert.throws(() => parseCsv('\n\n'), /needs a header row/);
    assert.throws(() => parseCsv('"a,b\n'), /header row cannot be read/);
    assert.throws(() => parseCsv('Name,DOB,Name\n1,2,3'), /names the column "Name" twice/);
  });

  it('decodes UTF-8 (accents intact) and refuses other encodings', () => {
    assert.equal(decodeCsv(new TextEncoder().encode('Łukasz,Zoë')), 'Łukasz,Zoë');
    assert.throws(() => decodeCsv(Uint8Array.from([0x5a, 0x6f, 0xeb])), /not UTF-8/); // Latin-1 "Zoë"
  });

  it('reads back what the CSV writer writes', () => {
    const rows = [
      ['Smith, Jo', 'line one\r\nline two', 'say "hi"'],
      ['', 'plain', 'Zoë'],
    ];
    const { header, records } = parseCsv(csvDocument(['a', 'b', 'c'], rows));
    assert.deepEqual(header, ['a', 'b', 'c']);
    assert.deepEqual(
      records.map((r) => r.fields),
      rows,
    );
  });
});
