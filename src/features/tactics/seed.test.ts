/**
 * Seeding the library: every starter tactic arrives once; starting again changes nothing; a
 * tactic the coordinator edited, retired or deleted is never overwritten or brought back; a new
 * Lantern version's new tactics still arrive.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { activeTactics, listTactics, tacticsByKeys } from './queries.js';
import { seedTactics } from './seed.js';
import { SEED_TACTICS } from './seed-tactics.js';

describe('tactics seed', () => {
  let testDatabase: TestDatabase;
  before(async () => {
    testDatabase = await createTestDatabase();
  });
  after(() => testDatabase.dispose());
  const database = () => testDatabase.database;
  const db = () => testDatabase.database.db;

  it('inserts every starter tactic with its source and date', async () => {
    const offered = await seedTactics(database());
    assert.equal(offered.length, SEED_TACTICS.length);
    const rows = await db().selectFrom('tactic').selectAll().execute();
    assert.equal(rows.length, SEED_TACTICS.length);
    const review = rows.find((r) => r.key === 'premises-licence-review')!;
    assert.equal(review.strand, 'pursue');
    assert.equal(review.verified_on, '2026-11-23');
    assert.match(review.source, /legislation\.gov\.uk\/ukpga\/2003\/17\/section\/51/);
    assert.ok(review.suggested_for.includes('licensed-premises'));
  });

  it('offers nothing the second time', async () => {
    assert.deepEqual(await seedTactics(database()), []);
    const count = await db()
      .selectFrom('tactic')
      .select(db().fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(count.n, SEED_TACTICS.length);
  });

  it('never undoes an edit, a retirement or a deletion', async () => {
    await db()
      .updateTable('tactic')
      .set({ name: 'Licence review (our wording)' })
      .where('key', '=', 'premises-licence-review')
      .execute();
    await db()
      .updateTable('tactic')
      .set({ retired: true })
      .where('key', '=', 'dispersal-direction')
      .execute();
    await db().deleteFrom('tactic').where('key', '=', 'banking-protocol').execute();
    assert.deepEqual(await seedTactics(database()), []);
    const byKey = new Map((await db().selectFrom('tactic').selectAll().execute()).map((r) => [r.key, r]));
    assert.equal(byKey.get('premises-licence-review')?.name, 'Licence review (our wording)');
    assert.equal(byKey.get('dispersal-direction')?.retired, true);
    assert.equal(byKey.has('banking-protocol'), false);
  });

  it('adds tactics a later version brings, without touching a partner\u2019s tactic of the same key', async () => {
    await db()
      .insertInto('tactic')
      .values({ ...rowOf(SEED_TACTICS[0]!), key: 'partner-own', name: 'Partner’s own tactic' })
      .execute();
    const later = [
      { ...SEED_TACTICS[0]!, key: 'brand-new-tactic', name: 'A new power' },
      { ...SEED_TACTICS[0]!, key: 'partner-own', name: 'Seed wording' },
    ];
    assert.deepEqual((await seedTactics(database(), later)).sort(), ['brand-new-tactic', 'partner-own']);
    const rows = await tacticsByKeys(db(), ['brand-new-tactic', 'partner-own']);
    assert.deepEqual(rows.map((r) => r.name).sort(), ['A new power', 'Partner’s own tactic']);
  });

  it('gives the plans feature what it needs: active tactics, by key, and filtered lists', async () => {
    const active = await activeTactics(db());
    assert.ok(
      active.every((t) => t.key !== 'dispersal-direction'),
      'retired tactics are not active',
    );
    const one = active.find((t) => t.key === 'closure-order')!;
    assert.deepEqual(Object.keys(one).sort(), [
      'agency_kind',
      'id',
      'key',
      'legal_basis',
      'lifestyle_area',
      'name',
      'requirements',
      'strand',
      'suggested_for',
      'typical_impact',
    ]);
    const byKeys = await tacticsByKeys(db(), ['closure-order', 'dispersal-direction', 'no-such-key']);
    assert.deepEqual(byKeys.map((t) => t.key).sort(), ['closure-order', 'dispersal-direction']);
    const prepare = await listTactics(db(), { strand: 'prepare' });
    assert.ok(prepare.length >= 3 && prepare.every((t) => t.strand === 'prepare'));
    const words = await listTactics(db(), { words: 'Modern Slavery' });
    assert.ok(words.some((t) => t.key === 'nrm-referral'));
    assert.ok(!words.some((t) => t.key === 'dvla-vehicle-checks'), 'every word must match');
    const percent = await listTactics(db(), { words: '100%' });
    assert.deepEqual(percent, [], 'wildcards in the words are taken literally');
  });
});

function rowOf(t: (typeof SEED_TACTICS)[number]) {
  return {
    key: t.key,
    name: t.name,
    strand: t.strand,
    lifestyle_area: t.lifestyleArea,
    agency_kind: t.agencyKind,
    description: t.description,
    legal_basis: t.legalBasis,
    requirements: t.requirements,
    typical_impact: t.typicalImpact,
    who_can_help: t.whoCanHelp,
    suggested_for: t.suggestedFor,
    source: t.source,
    verified_on: t.verifiedOn,
  };
}
