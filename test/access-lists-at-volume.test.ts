/**
 * 100,000 named access lists, every one admitting the analyst's agency: the shape that made a page
 * checking a link and both its ends fail at about 22,000 lists, when each list was bound as its own
 * parameter (PostgreSQL stops at 65,535). Every page and API below must still answer, showing the
 * same records as before the lists were made. Timings are printed for the record, never asserted
 * (speed targets live in the benchmarks).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadDemoData, type DemoCredentials } from '../src/features/demo/demo-data.js';
import { startTestApp, type TestApp } from './support/app.js';
import { testDatabaseKind } from './support/database.js';
import { PartnerClient } from './support/partner.js';

const LISTS = 100_000;

describe(`${LISTS.toLocaleString('en-GB')} access lists on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: PartnerClient;
  let kane: string;
  let item: string;
  let ocg: string;
  let plan: string | undefined;
  const before_: Record<string, string> = {};
  const timings: string[] = [];

  const pages = () => ({
    home: '/partner',
    inbox: '/partner/intelligence',
    'an item (its links and both their ends)': `/partner/intelligence/items/${item}`,
    'an entity': `/partner/entities/${kane}`,
    'a 2-hop network': `/partner/network?seed=${kane}&hops=2`,
    'the OCG register': '/partner/ocgs',
    'an OCG': `/partner/ocgs/${ocg}`,
    ...(plan ? { 'a 4P plan': `/partner/plans/${plan}` } : {}),
    search: '/partner/search?q=kane',
    'records API: links': '/api/v1/records/link',
    'records API: count of entities': '/api/v1/records/entity/count',
    'records API: one entity': `/api/v1/records/entity/${kane}`,
    'search API': '/api/v1/search?q=kane',
  });

  /** Each page's status and visible text, without the parts that change between requests. */
  async function snapshot(label: string): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    for (const [name, path] of Object.entries(pages())) {
      const started = performance.now();
      // A fresh connection each time: PGlite's long statements hold up the event loop, and a
      // kept-alive connection left idle through one can be closed by the server just as it is
      // reused (ECONNRESET).
      const response = await analyst.get(path, { headers: { connection: 'close' } });
      const body = await response.text();
      timings.push(
        `${label.padEnd(7)} ${name.padEnd(42)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`,
      );
      assert.equal(response.status, 200, `${name} (${path}) answers`);
      seen[name] = body
        .replace(/<[^>]+>/g, ' ')
        .replace(/name="_csrf" value="[^"]*"/g, '')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'ID')
        .replace(/\d{1,2}:\d{2}(:\d{2})?/g, 'TIME')
        .replace(/\s+/g, ' ')
        // The one thing that should change: the entity page says its record is now on a list.
        .replace('Access Need to know: named access list', 'Access By agency sharing');
    }
    return seen;
  }

  before(async () => {
    app = await startTestApp();
    const { database, services } = app.lantern;
    const people = (await loadDemoData(database, services.accounts, services.reports)) as DemoCredentials[];
    const who = people.find((p) => p.email === 'analyst@police.demo.lantern.test');
    assert.ok(who, 'the demo has its police analyst');
    const { db } = database;
    const agencyId = (
      await db
        .selectFrom('app_user')
        .select('agency_id')
        .where('email', '=', who.email)
        .executeTakeFirstOrThrow()
    ).agency_id;
    kane = (
      await db
        .selectFrom('entity')
        .select('id')
        .where('source_key', '=', 'demo:kane')
        .executeTakeFirstOrThrow()
    ).id;
    item = (
      await db
        .selectFrom('link_source')
        .innerJoin('intelligence_item', 'intelligence_item.id', 'link_source.item_id')
        .select('intelligence_item.id')
        .where('intelligence_item.owning_agency_id', '=', agencyId)
        .executeTakeFirstOrThrow()
    ).id;
    ocg = (await db.selectFrom('ocg').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id;
    plan = (await db.selectFrom('plan').select('id').executeTakeFirst())?.id;

    // The lists, made set-based. Their number alone broke the old SQL, which bound each one.
    await sql`insert into access_list (description)
      select 'Volume test list ' || g from generate_series(1, ${LISTS}) g`.execute(db);
    await sql`insert into access_list_member (access_list_id, agency_id)
      select id, ${agencyId} from access_list where description like 'Volume test list %'`.execute(db);
    // Signed in only now, so no kept-alive connection sat idle through the inserts above.
    analyst = new PartnerClient(app);
    await analyst.signIn(who.email, who.password, who.totpSecret);
    Object.assign(before_, await snapshot('before'));

    // Then the analyst's agency's own records move onto them, so every check of those records
    // goes through a list.
    await database.transaction(async (tx) => {
      for (const table of ['entity', 'link', 'intelligence_item'] as const) {
        await sql`update ${sql.table(table)} t set access_list_id = l.id
          from (select id, row_number() over (order by id) as n from access_list
                where description like 'Volume test list %') l
          where t.access_list_id is null and t.owning_agency_id = ${agencyId}
            and l.n = 1 + (abs(hashtext(t.id::text)) % ${LISTS})`.execute(tx);
      }
    });
    const count = await db
      .selectFrom('access_list')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(count.n >= LISTS);
  });
  after(async () => {
    console.log(
      `Pages with ${LISTS.toLocaleString('en-GB')} access lists (${testDatabaseKind}):\n${timings.join('\n')}`,
    );
    await app.stop();
  });

  it('answers every page and API, showing what it showed before the lists were made', async () => {
    const afterwards = await snapshot('after');
    for (const [name, text] of Object.entries(before_)) {
      assert.equal(afterwards[name], text, `${name} shows the same records`);
    }
  });

  it('moved the records onto the lists, so the pages above really checked them', async () => {
    const { db } = app.lantern.database;
    const onLists = await db
      .selectFrom('entity')
      .innerJoin('access_list', 'access_list.id', 'entity.access_list_id')
      .select(db.fn.countAll<number>().as('n'))
      .where('access_list.description', 'like', 'Volume test list %')
      .executeTakeFirstOrThrow();
    assert.ok(onLists.n > 0);
    const kaneList = await db
      .selectFrom('entity')
      .select('access_list_id')
      .where('id', '=', kane)
      .executeTakeFirstOrThrow();
    assert.notEqual(kaneList.access_list_id, null, 'the entity the pages open is on a list');
  });
});
