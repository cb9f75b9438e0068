import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { projectPath } from '../../../paths.js';
import { sourceKey } from '../schema.js';
import { parseCsv } from './csv.js';
import { checkHeader, MappingError, parseMapping } from './mapping.js';
import { isChild, linkKey, mapRow } from './rows.js';

const example = (name: string) => readFileSync(projectPath('examples/import', name), 'utf8');

const minimal = {
  source: 'test-source',
  agency: 'council-licensing',
  provenance: 'A test export',
  markings: { classification: 'OFFICIAL', handlingCode: 'P' },
  entities: [{ id: 'person', schema: 'Person', columns: { Name: 'name', DOB: 'birthDate' } }],
};

/** The problems a mapping has, or [] if it has none. */
function problemsOf(file: unknown): string[] {
  try {
    parseMapping(typeof file === 'string' ? file : JSON.stringify(file));
    return [];
  } catch (error) {
    if (error instanceof MappingError) return error.problems;
    throw error;
  }
}

describe('the mapping file', () => {
  it('accepts both example mappings, and they fit their example files', () => {
    for (const name of ['licensing-register', 'police-nominals']) {
      const mapping = parseMapping(example(`${name}.mapping.json`));
      checkHeader(mapping, parseCsv(example(`${name}.csv`)).header);
    }
  });

  it('says when it is not JSON at all', () => {
    assert.match(problemsOf('{ "source": ')[0] ?? '', /^It is not valid JSON/);
  });

  it('lists every problem at once, saying where each is', () => {
    const problems = problemsOf({
      ...minimal,
      source: 'Licensing Register!',
      colour: 'blue',
      markings: { classification: 'SECRET', handlingCode: 'P' },
      entities: [{ id: 'person', schema: 'Person', columns: { Name: 'name' }, optional: 'yes' }],
    });
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('source: The source is lower-case letters')));
    assert.ok(problems.some((p) => p === 'has an unknown field: colour'));
    assert.ok(problems.some((p) => p.startsWith('markings → classification:')));
    assert.ok(problems.some((p) => p.startsWith('entities "person" → optional:')));
  });

  it('checks entities against the schema: kinds, properties, names and identifiers', () => {
    const problems = problemsOf({
      ...minimal,
      entities: [
        { id: 'a', schema: 'Persn', columns: { Name: 'name' } },
        { id: 'b', schema: 'Person', columns: { Name: 'name', Shoe: 'shoeSize' } },
        { id: 'c', schema: 'Vehicle', columns: { Make: 'make' } },
        { id: 'd', schema: 'Person', columns: { Name: 'name' }, identifiedBy: ['birthDate'] },
        { id: 'e', schema: 'Person', columns: { Name: { property: 'name', separator: ';' } } },
        { id: 'e', schema: 'Phone', columns: { Tel: 'number' }, subjectCategory: 'suspect' },
        {
          id: 'f',
          schema: 'Person',
          columns: { Name: 'name', DOB: 'birthDate' },
          subjectCategory: 'villain',
        },
      ],
    });
    assert.deepEqual(problems, [
      'entity "a": schema "Persn" is not one of Person, Business, Address, Premises, Vehicle, Phone, OnlineAccount, BankAccount',
      'entity "b": column "Shoe" maps to "shoeSize", which a Person does not have (it has name, alias, birthDate, nationality, gender, notes)',
      'entity "b": it is identified by "birthDate", but no column maps to it (map one, or set identifiedBy)',
      'entity "c": no column maps to "registration", which every Vehicle needs',
      'entity "c": it is identified by "registration", but no column maps to it (map one, or set identifiedBy)',
      'entity "d": it is identified by "birthDate", but no column maps to it (map one, or set identifiedBy)',
      'entity "e": column "Name" splits values, but Full name takes one value',
      'entity "e": it is identified by "birthDate", but no column maps to it (map one, or set identifiedBy)',
      'entity "e": another entity has the same id',
      'entity "e": only people have a data-subject category',
      'entity "f": subjectCategory "villain" is not one of suspect, convicted, victim, witness, other',
    ]);
  });

  it('checks links: their type, their ends, and that the type may join those kinds', () => {
    const problems = problemsOf({
      ...minimal,
      markings: { classification: 'OFFICIAL', handlingCode: 'C' },
      entities: [...minimal.entities, { id: 'car', schema: 'Vehicle', columns: { VRM: 'registration' } }],
      links: [
        { type: 'knows', from: 'person', to: 'car' },
        { type: 'lives-at', from: 'person', to: 'car' },
        { type: 'uses-vehicle', from: 'person', to: 'van' },
        { type: 'uses-vehicle', from: 'person', to: 'car', confidence: 'certain' },
      ],
    });
    assert.deepEqual(problems, [
      'links 4 → confidence: Invalid option: expected one of "low"|"medium"|"high"',
    ]);
    const semantic = problemsOf({
      ...minimal,
      markings: { classification: 'OFFICIAL', handlingCode: 'C' },
      entities: [...minimal.entities, { id: 'car', schema: 'Vehicle', columns: { VRM: 'registration' } }],
      links: [
        { type: 'knows', from: 'person', to: 'car' },
        { type: 'lives-at', from: 'person', to: 'car' },
        { type: 'uses-vehicle', from: 'person', to: 'van' },
        { type: 'family-of', from: 'person', to: 'person' },
      ],
    });
    assert.deepEqual(semantic, [
      'markings: handling code C needs its handlingConditions',
      'link 1: type "knows" is not one of associate-of, family-of, director-of, employee-of, lives-at, uses-vehicle, uses-phone, uses-account, owns, visits, controls, exploits, calls, operates-at, registered-to',
      'link 2 (lives-at): a Person cannot be "lives at" a Vehicle',
      'link 3 (uses-vehicle): to "van" is not the id of an entity in this mapping',
      'link 4 (family-of): links an entity to itself',
    ]);
  });

  it('refuses a file that lacks a column the mapping reads, naming the columns it has', () => {
    const mapping = parseMapping(JSON.stringify({ ...minimal, legacyGrade: { column: 'Grade' } }));
    assert.throws(
      () => checkHeader(mapping, ['Name', 'Date of birth']),
      (error: MappingError) =>
        error.problems.join('\n') ===
        [
          'The file has no column "DOB"',
          'The file has no column "Grade"',
          "The file's columns are: Name, Date of birth",
        ].join('\n'),
    );
  });
});

describe('a row through the mapping', () => {
  const nominals = parseMapping(example('police-nominals.mapping.json'));
  const licensing = parseMapping(example('licensing-register.mapping.json'));
  const columnsOf = (header: string[]) => new Map(header.map((name, index) => [name, index] as const));

  function mapOne(
    mapping: typeof nominals,
    header: string[],
    values: Record<string, string>,
    today = '2026-11-23',
  ) {
    return mapRow(mapping, columnsOf(header), { line: 7, fields: header.map((h) => values[h] ?? '') }, today);
  }
  const nominalHeader = parseCsv(example('police-nominals.csv')).header;
  const licensingHeader = parseCsv(example('licensing-register.csv')).header;

  it('makes the entities and links one row names, normalised, with their deterministic keys', () => {
    const result = mapOne(nominals, nominalHeader, {
      'Full name': 'Andrei Popescu',
      Aliases: 'Andi; Andrei Popesku ;',
      'Date of birth': '1989-10-21',
      Gender: 'Male',
      'Subject category': 'Suspect',
      Mobile: '+40 712 345 678',
      'Vehicle VRM': 'gx17 pno',
      Grade: 'c3/4',
    });
    assert.ok(result.ok, JSON.stringify(result));
    const { entities, links, legacyGrade } = result.row;
    assert.deepEqual(
      entities.map((e) => [e.ref, e.properties, e.subjectCategory, e.child]),
      [
        [
          'person',
          {
            name: ['Andrei Popescu'],
            alias: ['Andi', 'Andrei Popesku'],
            birthDate: ['1989-10-21'],
            gender: ['male'],
          },
          'suspect',
          false,
        ],
        ['mobile', { number: ['+40712345678'] }, null, false],
        ['vehicle', { registration: ['GX17PNO'] }, null, false],
      ],
    );
    const person = entities[0]!;
    assert.equal(
      person.key,
      sourceKey('police-public-protection/police-nominals', 'Person', person.properties, [
        'name',
        'birthDate',
      ]),
    );
    assert.deepEqual(
      links.map((l) => [l.type, l.fromKey === person.key]),
      [
        ['uses-phone', true],
        ['uses-vehicle', true],
      ],
      'no home, no second phone: those optional entities and their links are left out',
    );
    assert.deepEqual(legacyGrade, { sourceEvaluation: 'C', intelligenceAssessment: '3', handling: '4' });
  });

  it('rejects a row with every reason, naming the columns', () => {
    const result = mapOne(nominals, nominalHeader, {
      'Full name': 'Daniel Hosking',
      'Date of birth': '1985-13-02',
      'Subject category': 'villain',
      Mobile: '07700 9001',
      Grade: 'Z9',
    });
    assert.equal(
      result.ok ? 'accepted' : result.reason,
      [
        '"Date of birth": Date of birth must be a real date, like 1990-04-27',
        '"Mobile": Phone number must be a phone number, like 07700 900123 or +40 712 345 678',
        '"Grade": "Z9" is not a 5x5x5 grade, like B2/4',
      ].join('; '),
    );
    const unidentified = mapOne(nominals, nominalHeader, { 'Full name': 'No Birthday' });
    assert.deepEqual(unidentified, {
      ok: false,
      line: 7,
      reason: 'Person "person" cannot be identified without "Date of birth"',
    });
  });

  it('reads DD/MM/YYYY dates when the mapping says so, for properties and link dates', () => {
    const row = {
      'Licence number': 'PL/1',
      'Premises name': 'The Anchor',
      'Premises address': '1 Quay St',
      'Premises postcode': 'tr12hb',
      'Premises licence holder': 'Martin Trelawny',
      'Holder date of birth': '4/3/1971',
      'Licence granted': '01/04/2019',
      'Licence expires': '2029-03-31',
    };
    const result = mapOne(licensing, licensingHeader, row);
    assert.equal(
      result.ok ? 'accepted' : result.reason,
      '"Licence expires" must be a date written DD/MM/YYYY, like 27/04/1990',
    );
    const fixed = mapOne(licensing, licensingHeader, { ...row, 'Licence expires': '31/03/2029' });
    assert.ok(fixed.ok);
    const holder = fixed.row.entities.find((e) => e.ref === 'holder');
    assert.deepEqual(holder?.properties.birthDate, ['1971-03-04']);
    const controls = fixed.row.links.find((l) => l.type === 'controls');
    assert.deepEqual([controls?.startDate, controls?.endDate], ['2019-04-01', '2029-03-31']);
    assert.deepEqual(fixed.row.entities.find((e) => e.ref === 'premises')?.properties.postcode, ['TR1 2HB']);
  });

  it('flags a person under 18 on the day of the import as a child', () => {
    assert.equal(isChild('2008-11-24', '2026-11-23'), true);
    assert.equal(isChild('2008-11-23', '2026-11-23'), false);
    const result = mapOne(nominals, nominalHeader, { 'Full name': 'Kyle T', 'Date of birth': '2010-04-03' });
    assert.ok(result.ok);
    assert.equal(result.row.entities[0]?.child, true);
    assert.equal(result.row.entities[0].subjectCategory, 'other', 'an empty category column means "other"');
  });

  it('takes off the apostrophe a rejection file puts before a value that looks like a formula', () => {
    const result = mapOne(nominals, nominalHeader, {
      'Full name': 'Jo Bloggs',
      'Date of birth': '1990-01-01',
      Mobile: "'+447700900123",
    });
    assert.ok(result.ok);
    assert.deepEqual(result.row.entities[1]?.properties.number, ['+447700900123']);
  });

  it("keys an entity on the identifiers the mapping names, apart from keys on the schema's own", () => {
    const jo = { name: ['Jo Smith'], birthDate: ['1990-01-01'] };
    assert.equal(sourceKey('ns', 'Person', jo, ['name', 'birthDate']), sourceKey('ns', 'Person', jo));
    const byName = sourceKey('ns', 'Person', { name: ['Jo Smith'] }, ['name']);
    assert.ok(byName);
    assert.notEqual(byName, sourceKey('ns', 'Person', jo));
    assert.equal(byName, sourceKey('ns', 'Person', { ...jo, name: ['JO SMITH'] }, ['name']));
  });

  it('keys a link with no direction the same whichever end comes first', () => {
    assert.equal(linkKey('ns', 'associate-of', 'a', 'b'), linkKey('ns', 'associate-of', 'b', 'a'));
    assert.notEqual(linkKey('ns', 'controls', 'a', 'b'), linkKey('ns', 'controls', 'b', 'a'));
  });

  it('passes on a row the CSV reader could not read, with its reason', () => {
    const result = mapRow(
      nominals,
      columnsOf(nominalHeader),
      { line: 9, fields: ['x'], problem: 'Line 9 has 1 values but the header has 16 columns' },
      '2026-11-23',
    );
    assert.deepEqual(result, {
      ok: false,
      line: 9,
      reason: 'Line 9 has 1 values but the header has 16 columns',
    });
  });
});
