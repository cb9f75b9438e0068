/**
 * An item that names more people and links than a page holds (an import's item can name a
 * hundred thousand) shows them a page at a time, and each page's audit entry names only the
 * records that page showed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { parseHtml } from '../../../../test/support/html.js';
import { signedInPartner, type TestPartner } from '../../../../test/support/partner.js';
import type { Marking } from '../../access/markings.js';
import { insertItem } from '../queries.js';
import { ITEM_ROWS_PER_PAGE } from './queries.js';

const PEOPLE = 250;

describe(`an item's people and links, a page at a time, on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner;
  let itemId: string;
  let page: string;

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'paging-police', roles: ['public-protection-analyst'] });
    const { database } = app.lantern;
    const marking: Marking = {
      classification: 'OFFICIAL',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: analyst.agencyId,
      accessListId: null,
    };
    itemId = await database.transaction(async (tx) => {
      const list = await tx
        .insertInto('access_list')
        .values({ description: 'paging test original', standing_key: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id } = await insertItem(
        tx,
        {
          sourceType: 'other-system',
          sourceDescription: 'A big import',
          body: 'Many people',
          createdBy: analyst.id,
        },
        marking,
        { accessListId: list.id, conditions: 'As first recorded' },
      );
      // Set-based, as an import writes them: the people, each named by the item, and a chain of
      // links between them that the item supports.
      await sql`insert into entity (schema, caption, properties, classification, handling_code, owning_agency_id)
        select 'Person', 'Paging person ' || lpad(g::text, 3, '0'),
          jsonb_build_object('name', jsonb_build_array('Paging person ' || lpad(g::text, 3, '0'))),
          'OFFICIAL', 'P', ${analyst.agencyId}
        from generate_series(1, ${PEOPLE}) g`.execute(tx);
      await sql`insert into item_entity (item_id, entity_id, subject_category, added_by)
        select ${id}, e.id, 'suspect', ${analyst.id} from entity e where e.caption like 'Paging person %'`.execute(
        tx,
      );
      await sql`insert into link (link_type, from_entity_id, to_entity_id, confidence, classification,
          handling_code, owning_agency_id)
        select 'associate-of', a.id, b.id, 'medium', 'OFFICIAL', 'P', ${analyst.agencyId}
        from entity a join entity b on b.caption = 'Paging person ' || lpad((substr(a.caption, 15)::int + 1)::text, 3, '0')
        where a.caption like 'Paging person %'`.execute(tx);
      await sql`insert into link_source (link_id, item_id)
        select l.id, ${id} from link l join entity a on a.id = l.from_entity_id
        where a.caption like 'Paging person %'`.execute(tx);
      return id;
    });
    page = `/partner/intelligence/items/${itemId}`;
  });
  after(() => app.stop());

  async function open(path: string) {
    const response = await analyst.client.get(path);
    assert.equal(response.status, 200, path);
    const document = parseHtml(await response.text());
    return {
      people: document.querySelectorAll('[data-testid="involvements"] tbody tr').length,
      links: document.querySelectorAll('[data-testid="links"] li').length,
      showingPeople: document.querySelector('[data-testid="people-showing"]')?.textContent.trim(),
      showingLinks: document.querySelector('[data-testid="links-showing"]')?.textContent.trim(),
      nextHrefs: [...document.querySelectorAll('.govuk-pagination__next a')].map((a) =>
        a.getAttribute('href'),
      ),
    };
  }

  /** How many links, and how many records in all, the newest item page entry names. */
  async function lastEntryNames(): Promise<{ links: number; all: number }> {
    const { db } = app.lantern.database;
    const entry = await db
      .selectFrom('audit_entry')
      .select('record_ids')
      .where('event', '=', 'intelligence.item.view')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const links = await db
      .selectFrom('link')
      .select(db.fn.countAll<number>().as('n'))
      .where('id', 'in', entry.record_ids)
      .executeTakeFirstOrThrow();
    return { links: links.n, all: entry.record_ids.length };
  }
  /** Everything the item names: itself, its people and its links (whose ends are its people). */
  const EVERYTHING = 1 + PEOPLE + (PEOPLE - 1);

  it('shows the first page of each, says which rows, and offers the next', async () => {
    const first = await open(page);
    assert.equal(first.people, ITEM_ROWS_PER_PAGE);
    assert.equal(first.links, ITEM_ROWS_PER_PAGE);
    assert.equal(first.showingPeople, `Showing 1 to ${ITEM_ROWS_PER_PAGE}.`);
    assert.deepEqual(first.nextHrefs, [`${page}?people=2#people`, `${page}?links=2#links`]);
    const named = await lastEntryNames();
    assert.equal(named.links, ITEM_ROWS_PER_PAGE, 'the entry names the links shown');
    assert.ok(named.all < EVERYTHING, `the entry names ${named.all} records, not all ${EVERYTHING}`);
  });

  it('shows the last page of people while keeping the links on their own page', async () => {
    const last = await open(`${page}?people=3&links=2`);
    assert.equal(last.people, PEOPLE - 2 * ITEM_ROWS_PER_PAGE);
    assert.equal(last.links, ITEM_ROWS_PER_PAGE);
    assert.equal(last.showingPeople, `Showing 201 to ${PEOPLE} (the last).`);
    assert.deepEqual(last.nextHrefs, [`${page}?people=3&links=3#links`]);
    const named = await lastEntryNames();
    assert.equal(named.links, ITEM_ROWS_PER_PAGE, 'the entry names only the links this page showed');
    assert.ok(named.all < EVERYTHING);
  });

  it('shows nothing past the end, and refuses a page that is not a number without a 500', async () => {
    const beyond = await open(`${page}?people=9`);
    assert.equal(beyond.people, 0);
    for (const bad of ['people=0', 'people=abc', 'links=-1', 'other=1']) {
      const response = await analyst.client.get(`${page}?${bad}`);
      assert.equal(response.status, 400, bad);
    }
  });
});
