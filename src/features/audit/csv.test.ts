import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvDocument, csvRow } from './csv.js';

describe('CSV for the audit export', () => {
  const cases: [string, string | number | null, string][] = [
    ['plain text as it is', 'reports.read', 'reports.read'],
    ['a comma quoted', 'Police, Devon', '"Police, Devon"'],
    ['quotes doubled', 'the "A" team', '"the ""A"" team"'],
    ['a line break quoted', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return quoted', 'one\r\ntwo', '"one\r\ntwo"'],
    ['= disarmed', '=1+2', "'=1+2"],
    ['+ disarmed', '+44 1234', "'+44 1234"],
    ['- disarmed', '-2', "'-2"],
    ['@ disarmed', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab disarmed', '\t=1', "'\t=1"],
    ['disarmed and quoted', '=HYPERLINK("http://x", "y")', `"'=HYPERLINK(""http://x"", ""y"")"`],
    ['an = later on left alone', 'a=b', 'a=b'],
    ['numbers as they are', 42, '42'],
    ['null as empty', null, ''],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(csvCell(input), expected));
  }

  it('ends rows with CRLF and starts the document with a byte order mark', () => {
    assert.equal(csvRow(['a', null, 1]), 'a,,1\r\n');
    assert.equal(csvDocument(['x', 'y'], [['1', '2']]), '\uFEFFx,y\r\n1,2\r\n');
  });
});
