import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartDate, LinkChartFileError, linkTypeFrom, parseLinkChart, schemaFrom } from './rows.js';

const HEADER = 'From,To,Link type,Date,From type,To type,Confidence';

describe('reading a link chart', () => {
  it('maps good rows: names checked, types by key or words, dates, confidence and kinds', () => {
    const file = parseLinkChart(
      [
        HEADER,
        'Dean Oneil,Kelly Rowe,associate of,2024-03-01,,,high',
        'Dean Oneil,Shine Car Wash,director-of,01/02/2023,Person,Business,',
        'Kelly Rowe,07700 900123,Uses Phone,,,phone,low',
        'Dean Oneil,wk19 abc,uses vehicle,,,Vehicle,',
      ].join('\r\n'),
    );
    assert.deepEqual(file.rejections, []);
    assert.equal(file.rowsRead, 4);
    const [first, second, third, fourth] = file.rows;
    assert.equal(first!.type, 'associate-of');
    assert.equal(first!.date, '2024-03-01');
    assert.equal(first!.confidence, 'high');
    assert.equal(first!.from.schema, 'Person');
    assert.equal(first!.line, 2);
    assert.equal(second!.type, 'director-of');
    assert.equal(second!.date, '2023-02-01');
    assert.equal(second!.confidence, 'medium', 'medium when blank');
    assert.equal(second!.to.schema, 'Business');
    assert.equal(third!.to.name, '+447700900123', 'a phone number as Lantern stores it');
    assert.equal(third!.to.schema, 'Phone');
    assert.equal(fourth!.to.name, 'WK19ABC');
  });

  it('reads the header loosely, but refuses a file without its columns or rows', () => {
    assert.equal(parseLinkChart('FROM,to,link_type\nA B,C D,family of').rows.length, 1);
    assert.throws(() => parseLinkChart('from,to,date\nA,B,2024-01-01'), {
      name: 'LinkChartFileError',
      message: /no "link type" column/,
    });
    assert.throws(() => parseLinkChart('name,age\nA,3'), /no "from", "to" or "link type" column/);
    assert.throws(() => parseLinkChart(HEADER), LinkChartFileError);
  });

  it('rejects a bad kind of entity, an unknown link type, a link that cannot join its ends, bad dates and confidence', () => {
    const file = parseLinkChart(
      [
        HEADER,
        'Dean Oneil,Kelly Rowe,associate of,,Spaceship,,',
        'Dean Oneil,Kelly Rowe,best friends with,,,,',
        'Dean Oneil,Shine Car Wash,associate of,,,Business,',
        'Dean Oneil,Kelly Rowe,associate of,31/02/2024,,,',
        'Dean Oneil,Kelly Rowe,family of,,,,certain',
        'Dean Oneil,,associate of,,,,',
        'Dean Oneil,dean  oneil,associate of,,,,',
        'Kelly Rowe,not a phone,uses phone,,,Phone,',
      ].join('\n'),
    );
    assert.equal(file.rows.length, 0);
    assert.deepEqual(
      file.rejections.map((r) => [r.line, r.reason]),
      [
        [
          2,
          '"from type": "Spaceship" is not a kind of entity (Person, Business, Address, Premises, Vehicle, Phone, OnlineAccount, BankAccount)',
        ],
        [3, '"link type": "best friends with" is not a type of link Lantern knows'],
        [4, 'A person cannot be "associate of" a business'],
        [5, '"date": "31/02/2024" must be a real date, like 2024-03-01 or 01/03/2024'],
        [6, '"confidence": "certain" must be low, medium or high'],
        [7, '"to": enter a name'],
        [8, 'A link must join two different entities'],
        [9, file.rejections[7]?.reason ?? ''],
      ],
    );
    assert.match(file.rejections[7]?.reason ?? '', /^"to": /);
    assert.deepEqual(file.rejections[0]?.fields, [
      'Dean Oneil',
      'Kelly Rowe',
      'associate of',
      '',
      'Spaceship',
      '',
      '',
    ]);
  });

  it('rejects the same link twice, either way round when it has no direction', () => {
    const file = parseLinkChart(
      [
        'from,to,link type,date',
        'Dean Oneil,Kelly Rowe,associate of,2024-01-01',
        'KELLY ROWE,Dean Oneil,associate-of,2024-02-01',
        'Dean Oneil,Kelly Rowe,family of,',
        'Dean Oneil,Shine Car Wash,controls,',
        'Dean Oneil,Kelly Rowe,exploits,',
        'Kelly Rowe,Dean Oneil,exploits,',
      ].join('\n'),
    );
    assert.deepEqual(
      file.rejections.map((r) => [r.line, r.reason]),
      [[3, 'Line 2 already makes this link']],
    );
    assert.equal(file.rows.length, 5, 'a directed link the other way round is a different link');
  });

  it('refuses formula-like names, but takes our own apostrophe off and keeps phone numbers', () => {
    const file = parseLinkChart(
      [
        'from,to,link type,to type',
        '=HYPERLINK("http://evil.example"),Kelly Rowe,associate of,',
        '@SUM(A1),Kelly Rowe,associate of,',
        '-cmd|calc,Kelly Rowe,associate of,',
        "'=Dean,Kelly Rowe,associate of,",
        'Kelly Rowe,+44 7700 900123,uses phone,Phone',
      ].join('\n'),
    );
    assert.deepEqual(
      file.rejections.map((r) => r.line),
      [2, 3, 4, 5],
    );
    assert.match(file.rejections[0]?.reason ?? '', /looks like a spreadsheet formula/);
    assert.match(
      file.rejections[3]?.reason ?? '',
      /looks like a spreadsheet formula/,
      'still a formula once unescaped',
    );
    assert.equal(file.rows[0]?.to.name, '+447700900123');
  });

  it('knows link types by key or words, kinds by name or label, and real dates only', () => {
    assert.equal(linkTypeFrom('Associate of'), 'associate-of');
    assert.equal(linkTypeFrom('registered_to'), 'registered-to');
    assert.equal(linkTypeFrom('knows'), null);
    assert.equal(schemaFrom(''), 'Person');
    assert.equal(schemaFrom('bank account'), 'BankAccount');
    assert.equal(schemaFrom('OnlineAccount'), 'OnlineAccount');
    assert.equal(schemaFrom('email or online account'), 'OnlineAccount');
    assert.equal(schemaFrom('boat'), null);
    assert.equal(chartDate('2024-02-29'), '2024-02-29');
    assert.equal(chartDate('2023-02-29'), null);
    assert.equal(chartDate('1/3/2024'), '2024-03-01');
    assert.equal(chartDate('March 2024'), null);
  });
});
