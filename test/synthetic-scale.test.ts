/**
 * The bench:scale data, so the benchmark measures what it says: at a tiny scale the loader puts
 * exactly the counts it reports into a real database, with every link supported by an item, and
 * the access lists and records spread the way it describes. Runs on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { FULL_SCALE, loadScale, scaledCounts, type LoadedScale } from '../scripts/synthetic/scale.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';

describe('the scale of the synthetic partnership', () => {
  it('is the full size at scale 1 and in proportion below, never below a workable minimum', () => {
    assert.deepEqual(scaledCounts(1), { ...FULL_SCALE });
    assert.deepEqual(scaledCounts(0.01), {
      entities: 10_000,
      links: 20_000,
      items: 2_000,
      accessLists: 1_000,
    });
    assert.deepEqual(scaledCounts(0.000001), { entities: 100, links: 100, items: 50, accessLists: 20 });
    assert.throws(() => scaledCounts(0), /above 0/);
    assert.throws(() => scaledCounts(Number.NaN), /above 0/);
  });
});

describe(`loading a tiny bench:scale partnership on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  let loaded: LoadedScale;

  before(async () => {
    t = await createTestDatabase();
    loaded = await loadScale(t.database, { scale: 0.0004, seed: 3, batch: 150 });
  });
  after(() => t.dispose());

  const count = async (query: ReturnType<typeof sql<{ n: string }>>) =>
    Number((await query.execute(t.database.db)).rows[0]?.n);

  it('loads exactly the entities, links, items and access lists it says', async () => {
    assert.deepEqual(loaded.counts, { entities: 400, links: 800, items: 80, accessLists: 40 });
    assert.equal(await count(sql`select count(*) as n from entity`), 400);
    assert.equal(await count(sql`select count(*) as n from link`), 800);
    assert.equal(await count(sql`select count(*) as n from intelligence_item`), 80);
    assert.equal(await count(sql`select count(*) as n from access_list`), 40);
  });

  it('supports every link by an item and joins the kinds of entity its type joins', async () => {
    assert.equal(await count(sql`select count(distinct link_id) as n from link_source`), 800);
    const wrong = await count(sql`
      select count(*) as n from link l
      join entity f on f.id = l.from_entity_id join entity e on e.id = l.to_entity_id
      where f.schema <> 'Person'
        or (l.link_type in ('associate-of', 'family-of') and e.schema <> 'Person')
        or (l.link_type = 'lives-at' and e.schema <> 'Address')
        or (l.link_type = 'uses-phone' and e.schema <> 'Phone')
        or (l.link_type = 'uses-vehicle' and e.schema <> 'Vehicle')
        or l.from_entity_id = l.to_entity_id`);
    assert.equal(wrong, 0);
  });

  it('names the viewer’s agency on some lists, not most, and spreads records over the lists', async () => {
    const naming = await count(sql`
      select count(distinct access_list_id) as n from access_list_member
      where agency_id = ${loaded.viewerAgencyId}`);
    // The loader's own lists: one for the ASB team's children; the rest are the generated ones.
    assert.equal(naming, loaded.listsNamingViewer + 1);
    assert.ok(naming > 0 && naming < 40 / 2, `${naming} of 40`);
    const onLists = await count(sql`
      select count(distinct access_list_id) as n from (
        select access_list_id from intelligence_item union all select access_list_id from entity
        union all select access_list_id from link) r`);
    assert.ok(onLists > 10, `records on ${onLists} lists`);
    const everyMemberKnown = await count(sql`
      select count(*) as n from access_list_member m
      left join agency a on a.id = m.agency_id left join app_user u on u.id = m.user_id
      where a.id is null and u.id is null`);
    assert.equal(everyMemberKnown, 0);
  });
});
