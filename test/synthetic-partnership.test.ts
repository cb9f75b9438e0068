/**
 * The bench:search data, so the benchmark measures what it says: the generator is deterministic
 * and its people, items and queries have realistic shapes, and the loader puts a small
 * partnership into a real database where the search finds a misspelt person through the access
 * filter. Runs on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadPartnership, type LoadedPartnership } from '../scripts/synthetic/load.js';
import {
  item,
  misspell,
  nameQuery,
  person,
  randomStream,
  textQuery,
} from '../scripts/synthetic/partnership.js';
import { permissionsOf } from '../src/features/access/roles.js';
import { loadViewer } from '../src/features/access/viewer.js';
import { searchEntityNames } from '../src/features/intelligence/name-search.js';
import { normaliseName } from '../src/features/intelligence/schema.js';
import { searchItems } from '../src/features/intelligence/search/queries.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';

describe('the synthetic partnership generator', () => {
  it('gives the same people, items and queries for the same seed, and others for another', () => {
    const draw = (seed: number) => {
      const random = randomStream(seed);
      const people = Array.from({ length: 50 }, () => person(random));
      const items = Array.from({ length: 20 }, () => item(random, { people }));
      return {
        people,
        items,
        queries: people.slice(0, 10).map((p) => [nameQuery(random, p), textQuery(random, p)]),
      };
    };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7).people, draw(8).people);
  });

  it('makes people with realistic names, aliases, dates of birth and postcodes', () => {
    const random = randomStream(1);
    const people = Array.from({ length: 2000 }, () => person(random));
    const nationalities = new Set(people.map((p) => p.nationality));
    for (const code of ['GB', 'PL', 'RO', 'LT', 'BG', 'SK', 'LV', 'UA'])
      assert.ok(nationalities.has(code), code);
    const british = people.filter((p) => p.nationality === 'GB').length / people.length;
    assert.ok(british > 0.5 && british < 0.7, `about 60% British, not ${british}`);
    for (const p of people) {
      assert.match(p.name, /^\p{Lu}[\p{L}'-]+( \p{Lu}[\p{L}'-]+)+$/u, p.name);
      assert.match(p.birthDate, /^(19[5-9]\d|20[01]\d)-\d\d-\d\d$/);
      assert.match(p.address.postcode, /^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
      assert.match(p.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // Under 18 on 23 November 2026, give or take the leap days.
      if (p.child) assert.ok(p.birthDate > '2008-11-18', p.birthDate);
      else assert.ok(p.birthDate < '2008-11-28', p.birthDate);
    }
    assert.ok(
      people.some((p) => p.aliases.length > 0) && people.filter((p) => p.aliases.length).length < 1000,
    );
    assert.ok(people.some((p) => p.child) && people.filter((p) => p.child).length < 150, 'a few children');
    assert.ok(
      people.some((p) => /ska$/.test(p.name)),
      'Polish feminine surnames',
    );
    const cornish = people.filter((p) => /^(TR|PL|EX)/.test(p.address.postcode)).length / people.length;
    assert.ok(cornish > 0.8, 'mostly Cornwall');
  });

  it('misspells a name by one realistic error, and writes items that name people', () => {
    const random = randomStream(2);
    for (let i = 0; i < 200; i++) {
      const wrong = misspell(random, 'Katarzyna Kowalczyk');
      assert.notEqual(normaliseName(wrong), 'katarzyna kowalczyk');
      assert.ok(Math.abs(wrong.length - 'Katarzyna Kowalczyk'.length) <= 1, wrong);
    }
    const people = Array.from({ length: 20 }, () => person(random));
    for (let i = 0; i < 50; i++) {
      const made = item(random, { people });
      assert.ok(made.body.length > 80 && made.body.length < 600, made.body);
      assert.ok(made.categories.length >= 1);
      assert.ok(made.mentions.every((id) => people.some((p) => p.id === id)));
      assert.ok(made.occurredOn <= made.receivedAt.slice(0, 10));
    }
  });
});

describe(`loading a small synthetic partnership on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  let loaded: LoadedPartnership;

  before(async () => {
    t = await createTestDatabase();
    loaded = await loadPartnership(t.database, { people: 600, items: 300, seed: 5, batch: 250 });
  });
  after(() => t.dispose());

  it('loads every person and item, with names, keys and the indexes back', async () => {
    const db = t.database.db;
    const count = async (table: 'entity' | 'intelligence_item' | 'entity_name') =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    assert.equal(
      await db
        .selectFrom('entity')
        .where('schema', '=', 'Person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => r.n),
      600,
    );
    assert.ok((await count('entity')) > 600, 'and addresses');
    assert.equal(await count('intelligence_item'), 300);
    const names = await db.selectFrom('entity_name').select(['sounds', 'keys']).limit(5).execute();
    assert.ok(names.every((n) => n.sounds.length > 0 && n.keys.length > 0));
    const { rows: indexes } = await sql<{ indexname: string }>`
      select indexname from pg_indexes where tablename = 'entity_name'`.execute(db);
    const indexNames = indexes.map((i) => i.indexname);
    for (const name of ['entity_name_trgm_idx', 'entity_name_sounds_idx', 'entity_name_keys_idx']) {
      assert.ok(indexNames.includes(name), name);
    }
  });

  it('lets the benchmark viewer find a misspelt person they may see, and not one they may not', async () => {
    const principal = {
      kind: 'user' as const,
      userId: loaded.viewerUserId,
      agencyId: loaded.viewerAgencyId,
      roles: ['council-officer' as const],
      permissions: permissionsOf(['council-officer']),
      clearance: 'OFFICIAL-SENSITIVE' as const,
    };
    const viewer = await loadViewer(t.database.db, principal);
    const owners = await t.database.db
      .selectFrom('entity')
      .select(['id', 'owning_agency_id', 'access_list_id'])
      .where(
        'id',
        'in',
        loaded.sample.map((p) => p.id),
      )
      .execute();
    const visibleOwners = [loaded.viewerAgencyId, loaded.agencies['police-intel'], loaded.agencies.licensing];
    const seen = loaded.sample.find((p) =>
      owners.some((o) => o.id === p.id && visibleOwners.includes(o.owning_agency_id) && !o.access_list_id),
    );
    const hidden = loaded.sample.find((p) =>
      owners.some((o) => o.id === p.id && o.owning_agency_id === loaded.agencies['trading-standards']),
    );
    assert.ok(seen && hidden, 'the sample has both');
    const random = randomStream(9);
    const found = await searchEntityNames(t.database.db, viewer, misspell(random, seen.name), { limit: 50 });
    assert.ok(found.matches.some((m) => m.id === seen.id));
    const notFound = await searchEntityNames(t.database.db, viewer, hidden.name, { limit: 50 });
    assert.ok(!notFound.matches.some((m) => m.id === hidden.id));
    const items = await searchItems(t.database.db, viewer, {
      text: 'cocaine OR cuckooing OR passports OR fraud',
    });
    assert.ok(items.total > 0 && items.total < 300, 'some items, not all: the access filter decides');
  });
});
