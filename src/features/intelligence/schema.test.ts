import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  captionOf,
  checkProperties,
  checkValue,
  ENTITY_SCHEMAS,
  ENTITY_SCHEMA_NAMES,
  LINK_TYPES,
  linkFits,
  namesOf,
  normaliseName,
  PROPERTY_TYPES,
  sourceKey,
  type EntitySchemaSpec,
  type LinkTypeSpec,
} from './schema.js';

describe('the entity schema itself', () => {
  it('names, captions, identifiers and the required property of every schema are its own properties', () => {
    for (const name of ENTITY_SCHEMA_NAMES) {
      const spec: EntitySchemaSpec = ENTITY_SCHEMAS[name];
      const properties = Object.keys(spec.properties);
      for (const used of [spec.required, ...spec.names, ...spec.caption, ...spec.identifiers]) {
        assert.ok(properties.includes(used), `${name}.${used} is not a property of ${name}`);
      }
      for (const [property, p] of Object.entries(spec.properties)) {
        assert.ok(Object.hasOwn(PROPERTY_TYPES, p.type), `${name}.${property} has an unknown type ${p.type}`);
        assert.ok(p.label.length > 0, `${name}.${property} has no label`);
      }
    }
  });

  it('every link type joins schemas that exist, and reads both ways', () => {
    for (const [type, spec] of Object.entries(LINK_TYPES) as [string, LinkTypeSpec][]) {
      assert.ok(spec.from.length > 0 && spec.to.length > 0, type);
      for (const schema of [...spec.from, ...spec.to])
        assert.ok(ENTITY_SCHEMA_NAMES.includes(schema), `${type}: ${schema}`);
      assert.ok(spec.label && spec.reverseLabel, type);
    }
    assert.equal(linkFits('lives-at', 'Person', 'Address'), true);
    assert.equal(linkFits('lives-at', 'Address', 'Person'), false, 'direction matters for lives at');
    assert.equal(linkFits('associate-of', 'Person', 'Person'), true);
    assert.equal(linkFits('uses-phone', 'Person', 'Vehicle'), false);
  });
});

describe('property formats', () => {
  it('normalises what partners type into one stored form', () => {
    assert.deepEqual(checkValue('postcode', ' tr1  2ab ', 'Postcode'), { ok: true, value: 'TR1 2AB' });
    assert.deepEqual(checkValue('vrm', 'wk19 abc', 'VRM'), { ok: true, value: 'WK19ABC' });
    assert.deepEqual(checkValue('phone', '07700 900123', 'Phone'), { ok: true, value: '+447700900123' });
    assert.deepEqual(checkValue('phone', '0040 712 345 678', 'Phone'), { ok: true, value: '+40712345678' });
    assert.deepEqual(checkValue('companyNumber', 'sc123456', 'Company number'), {
      ok: true,
      value: 'SC123456',
    });
    assert.deepEqual(checkValue('sortCode', '401162', 'Sort code'), { ok: true, value: '40-11-62' });
    assert.deepEqual(checkValue('date', '1990-04-27', 'Date'), { ok: true, value: '1990-04-27' });
  });

  it('refuses what is not the format, with a message that says what is wanted', () => {
    for (const [type, value] of [
      ['postcode', 'TR1'],
      ['date', '1990-02-30'],
      ['phone', '12345'],
      ['companyNumber', '123'],
      ['vrm', 'A'],
      ['email', 'not an email'],
      ['coordinates', '95, 10'],
    ] as const) {
      const result = checkValue(type, value, 'Value');
      assert.equal(result.ok, false, `${type} ${value}`);
      assert.match(result.message, /^Value /);
    }
  });

  it('checks a whole entity: unknown properties, the name, single values and choices', () => {
    assert.deepEqual(
      checkProperties('Person', {
        name: ['  Jo  Smith '],
        alias: ['JJ', 'JJ', ''],
        birthDate: ['2001-02-03'],
      }),
      {
        ok: true,
        properties: { name: ['Jo Smith'], alias: ['JJ'], birthDate: ['2001-02-03'] },
      },
    );
    const bad = checkProperties('Person', { alias: ['x'], eyeColour: ['blue'], gender: ['sometimes'] });
    assert.equal(bad.ok, false);
    assert.deepEqual(Object.keys(bad.errors).sort(), ['eyeColour', 'gender', 'name']);
    const two = checkProperties('Vehicle', { registration: ['AB12CDE', 'XY99XYZ'] });
    assert.equal(two.ok, false);
  });
});

describe('names, captions and import keys', () => {
  it('captions and search names come from the schema', () => {
    assert.equal(
      captionOf('Vehicle', { registration: ['WK19ABC'], make: ['Audi'], colour: ['black'] }),
      'WK19ABC, Audi, black',
    );
    assert.deepEqual(namesOf('Person', { name: ['Łukasz Nowak'], alias: ['Luke'] }), [
      { name: 'Łukasz Nowak', kind: 'name' },
      { name: 'Luke', kind: 'alias' },
    ]);
    assert.equal(normaliseName("  Łukasz  O'Brien-Nowak "), 'lukasz o brien nowak');
    assert.equal(normaliseName('Ştefan Popescu'), 'stefan popescu');
  });

  it('the same identifying values from the same source give the same key; another source another', () => {
    const a = sourceKey('licensing', 'Person', { name: ['Jo Smith'], birthDate: ['1990-01-01'] });
    const b = sourceKey('licensing', 'Person', {
      name: ['JO  SMITH'],
      birthDate: ['1990-01-01'],
      alias: ['x'],
    });
    const c = sourceKey('police', 'Person', { name: ['Jo Smith'], birthDate: ['1990-01-01'] });
    assert.ok(a);
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(
      sourceKey('licensing', 'Person', { name: ['Jo Smith'] }),
      null,
      'no date of birth: not identifiable',
    );
  });
});
