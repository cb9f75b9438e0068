/**
 * The search page over a real app and database: misspelt, sound-alike and alias names, full text
 * with stemming, the filters, the access policy (results and counts), the child rule, and exactly
 * one audit entry per search naming exactly the records shown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { signedInPartner, type TestPartner } from '../../../../test/support/partner.js';
import type { Marking } from '../../access/markings.js';
import { insertEntity, insertItem, markingForChild, PUBLIC_REPORT_EVIDENCE_LIST } from '../queries.js';
import type { EntityProperties, EntitySchemaName } from '../schema.js';

describe(`search on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner; // police: owns everything below
  let officer: TestPartner; // council ASB: police shares entities and items with it
  let trading: TestPartner; // Trading Standards: nothing shared
  let auditor: TestPartner;
  const ids: Record<string, string> = {};

  const policeMarking = (): Marking => ({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: analyst.agencyId,
    accessListId: null,
  });

  async function entity(key: string, schema: EntitySchemaName, properties: EntityProperties, extra = {}) {
    ids[key] = await app.lantern.database.transaction((tx) =>
      insertEntity(tx, { schema, properties, createdBy: analyst.id, ...extra }, policeMarking()),
    );
  }

  async function item(
    key: string,
    body: string,
    details: { categories?: string[]; area?: string; occurredOn?: string; receivedAt?: string },
  ) {
    const { id } = await app.lantern.database.transaction((tx) =>
      insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'Police patrol',
          body,
          categories: details.categories ?? [],
          area: details.area ?? null,
          occurredOn: details.occurredOn ?? null,
          grade: { sourceEvaluation: '2', informationAssessment: 'B' },
          createdBy: analyst.id,
        },
        policeMarking(),
        { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
      ),
    );
    if (details.receivedAt) {
      await app.lantern.database.db
        .updateTable('intelligence_item')
        .set({ received_at: new Date(details.receivedAt) })
        .where('id', '=', id)
        .execute();
    }
    ids[key] = id;
  }

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'police-intel', roles: ['public-protection-analyst'] });
    officer = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    trading = await signedInPartner(app, { agency: 'trading-standards', roles: ['council-officer'] });
    auditor = await signedInPartner(app, { agency: 'ig-team', roles: ['information-governance'] });
    await app.lantern.database.db
      .insertInto('sharing_rule')
      .values(
        ['entity', 'intelligence-item'].map((type) => ({
          owner_agency_id: analyst.agencyId,
          partner_agency_id: officer.agencyId,
          record_type: type,
        })),
      )
      .execute();
    await entity('john', 'Person', { name: ['John Smith'], alias: ['Smiler'], birthDate: ['1988-02-14'] });
    await entity('kasia', 'Person', { name: ['Katarzyna Kowalczyk'] });
    await entity('carwash', 'Business', { name: ['Sparkle Hand Car Wash'] }, { area: 'Redruth' });
    await entity('flat', 'Address', { full: ['Flat 2, 14 Chapel Row'], postcode: ['TR14 8AB'] });
    // A child: OFFICIAL-SENSITIVE on a need-to-know list of the author and the police.
    ids.child = await app.lantern.database.transaction(async (tx) =>
      insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['Tyler Penrose'] }, child: true, createdBy: analyst.id },
        await markingForChild(tx, policeMarking(), analyst.id),
      ),
    );
    await item(
      'cuckooing',
      'Cuckooing reported at 4 Mill Lane. John Smith seen dealing crack cocaine from the flat.',
      {
        categories: ['illegal-drugs'],
        area: 'Redruth',
        occurredOn: '2026-10-01',
        receivedAt: '2026-10-03T10:00:00Z',
      },
    );
    await item(
      'nailbar',
      'Workers at the nail bar say Katarzyna Kowalczyk keeps their passports & wages <b>.',
      {
        categories: ['modern-slavery-and-human-trafficking'],
        area: 'Truro',
        occurredOn: '2025-05-20',
        receivedAt: '2025-06-01T09:00:00Z',
      },
    );
  });
  after(() => app.stop());

  async function lastEntry() {
    return app.lantern.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  async function entryCount(): Promise<number> {
    const row = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'consultation')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Runs a search as `who` and returns what the page showed, and the audit entry it wrote. */
  async function searchAs(who: TestPartner, params: Record<string, string>) {
    const before = await entryCount();
    const response = await who.client.get(`/partner/search?${new URLSearchParams(params).toString()}`);
    const html = await response.text();
    const root = parseHtml(html);
    const entities = root
      .querySelectorAll('[data-testid=entities] tbody tr')
      .map((tr) => tr.getAttribute('data-id')!);
    const items = root.querySelectorAll('[data-testid=items] > li').map((li) => li.getAttribute('data-id')!);
    const entry = response.status === 200 ? await lastEntry() : undefined;
    return {
      response,
      html,
      root,
      entities,
      items,
      entry,
      entriesWritten: (await entryCount()) - before,
      entityCount: textOf(root, '[data-testid=entity-count]'),
      itemCount: textOf(root, '[data-testid=item-count]'),
    };
  }

  it('finds a misspelt name, and names it in one audit entry with every record shown', async () => {
    const found = await searchAs(officer, { q: 'Jon Smyth' });
    assert.equal(found.response.status, 200);
    assert.equal(found.entities[0], ids.john);
    assert.match(found.entityCount, /1 match$/);
    assert.match(textOf(found.root, '[data-testid=entities] tbody tr'), /Sounds like what you typed/);
    assert.equal(found.entriesWritten, 1);
    const entry = found.entry;
    assert.ok(entry);
    assert.equal(entry.action, 'consultation');
    assert.equal(entry.event, 'intelligence.search');
    assert.equal(entry.actor_user_id, officer.id);
    assert.deepEqual([...entry.record_ids].sort(), [...found.entities, ...found.items].sort());
    const indexed = await app.lantern.database.db
      .selectFrom('audit_entry_record')
      .select('audit_seq')
      .where('record_id', '=', ids.john!)
      .execute();
    assert.ok(
      indexed.some((row) => row.audit_seq === entry.seq),
      '"who looked at John Smith" finds it',
    );
  });

  it('finds a first name misspelt on its own, a sound-alike and an alias', async () => {
    assert.ok((await searchAs(officer, { q: 'Katarzina' })).entities.includes(ids.kasia!));
    assert.ok((await searchAs(officer, { q: 'Catarzyna Kovalchik' })).entities.includes(ids.kasia!));
    const alias = await searchAs(officer, { q: 'Smiler' });
    assert.equal(alias.entities[0], ids.john);
    assert.match(textOf(alias.root, '[data-testid=entities] tbody tr'), /Also known as Smiler/);
  });

  it('looks again by trigram similarity when no name matches every word typed', async () => {
    // "Camborne" is in no name: the search keys find nothing, similarity finds the flat.
    const address = await searchAs(officer, { q: '14 Chapel Row Camborne', type: 'Address' });
    assert.deepEqual(address.entities, [ids.flat]);
    assert.equal(address.entriesWritten, 1);
  });

  it('finds items by their words, stemmed, with the match highlighted and the text escaped', async () => {
    const dealt = await searchAs(officer, { q: 'deal cocaine' });
    assert.deepEqual(dealt.items, [ids.cuckooing]);
    assert.match(dealt.itemCount, /1 match$/);
    assert.match(dealt.html, /<mark class="app-search-highlight">dealing<\/mark>/);
    const passport = await searchAs(officer, { q: 'passport' });
    assert.deepEqual(passport.items, [ids.nailbar]);
    assert.match(textOf(passport.root, '[data-testid=snippet]'), /passports/);
    assert.doesNotMatch(passport.html, /<b>/, 'an item cannot add markup to the page');
    assert.deepEqual((await searchAs(officer, { q: '"crack cocaine" -passports' })).items, [ids.cuckooing]);
    assert.deepEqual(passport.entry?.record_ids, [ids.nailbar]);
  });

  it('filters by type, category, area, agency and dates', async () => {
    const business = await searchAs(officer, { q: 'sparkle car wash', type: 'Business' });
    assert.deepEqual(business.entities, [ids.carwash]);
    assert.equal(business.items.length, 0);
    assert.equal((await searchAs(officer, { q: 'sparkle car wash', type: 'Person' })).entities.length, 0);
    const both = { q: 'Kowalczyk OR Smith' };
    assert.deepEqual((await searchAs(officer, { ...both, category: 'illegal-drugs' })).items, [
      ids.cuckooing,
    ]);
    const inTruro = await searchAs(officer, { ...both, area: 'truro' });
    assert.deepEqual(inTruro.items, [ids.nailbar]);
    assert.equal((await searchAs(officer, { q: 'car wash', area: 'Redruth' })).entities[0], ids.carwash);
    const received = await searchAs(officer, {
      ...both,
      dates: 'received',
      from: '01/10/2026',
      to: '31/10/2026',
    });
    assert.deepEqual(received.items, [ids.cuckooing]);
    assert.equal(received.entities.length, 0, 'dates apply to items only');
    const happened = await searchAs(officer, {
      ...both,
      dates: 'occurred',
      from: '2025-05-01',
      to: '2025-05-31',
    });
    assert.deepEqual(happened.items, [ids.nailbar]);
    const theirs = await searchAs(officer, { ...both, agency: officer.agencyId });
    assert.deepEqual(theirs.items, []);
    const police = await searchAs(officer, { ...both, agency: analyst.agencyId });
    assert.equal(police.items.length, 2);
  });

  it('shows nothing, and counts nothing, to an agency nothing is shared with', async () => {
    for (const q of ['Jon Smyth', 'cocaine', 'Kowalczyk passports']) {
      const none = await searchAs(trading, { q });
      assert.equal(none.response.status, 200);
      assert.deepEqual(none.entities, []);
      assert.deepEqual(none.items, []);
      assert.match(none.entityCount, /: 0 matches$/);
      assert.match(none.itemCount, /: 0 matches$/);
      assert.equal(none.entriesWritten, 1, 'a search that shows nothing is still recorded');
      assert.deepEqual(none.entry?.record_ids, []);
    }
  });

  it('keeps a child on a need-to-know list from everyone else, counts included', async () => {
    const officers = await searchAs(officer, { q: 'Tyler Penrose' });
    assert.ok(!officers.entities.includes(ids.child!));
    assert.match(officers.entityCount, /: 0 matches$/);
    assert.doesNotMatch(textOf(officers.root, '.moj-filter-layout__content'), /Tyler Penrose/, 'not shown');
    assert.match(textOf(officers.root, '[data-testid=no-entities]'), /No people/);
    const listed = await searchAs(analyst, { q: 'Tyler Penrose' });
    assert.deepEqual(listed.entities, [ids.child]);
    assert.deepEqual(listed.entry?.record_ids, [ids.child]);
  });

  it('asks for words when the search is empty or too long, and records nothing', async () => {
    const form = await searchAs(officer, {});
    assert.equal(form.response.status, 200);
    assert.equal(form.entriesWritten, 0);
    assert.equal(textOf(form.root, 'h1'), 'Search');
    const blank = await searchAs(officer, { q: '   ' });
    assert.equal(blank.response.status, 400);
    assert.match(textOf(blank.root, '.govuk-error-summary'), /Enter a name or some words to search for/);
    assert.equal(blank.entriesWritten, 0);
    const long = await searchAs(officer, { q: 'x'.repeat(201) });
    assert.equal(long.response.status, 400);
    assert.match(textOf(long.root, '.govuk-error-summary'), /200 characters or fewer/);
    assert.equal(long.entriesWritten, 0);
    const badDate = await searchAs(officer, { q: 'cocaine', from: '31/02/2026' });
    assert.equal(badDate.response.status, 400);
    assert.match(textOf(badDate.root, '.govuk-error-summary'), /Date from must be a real date/);
    assert.equal(badDate.entriesWritten, 0);
  });

  it('is in the navigation for those who read intelligence, and not found for others', async () => {
    const home = parseHtml(await (await officer.client.get('/partner')).text());
    assert.ok(home.querySelectorAll('a').some((a) => a.getAttribute('href') === '/partner/search'));
    const refused = await auditor.client.get('/partner/search?q=Smith');
    const missing = await auditor.client.get('/partner/no-such-page');
    assert.equal(refused.status, 404);
    assert.equal(
      textOf(parseHtml(await refused.text()), 'h1'),
      textOf(parseHtml(await missing.text()), 'h1'),
    );
  });

  it('answers the same search as JSON, audited the same way', async () => {
    const before = await entryCount();
    const response = await officer.client.get('/api/v1/search?q=Jon%20Smyth');
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      entities: { total: number; results: { id: string; type: string }[] };
      items: { total: number; results: { id: string; snippet: string }[] };
    };
    assert.equal(body.entities.results[0]?.id, ids.john);
    assert.equal(body.entities.results[0]?.type, 'Person');
    assert.equal((await entryCount()) - before, 1);
    const entry = await lastEntry();
    assert.equal(entry.event, 'intelligence.search.api');
    assert.deepEqual(
      [...entry.record_ids].sort(),
      [...body.entities.results.map((r) => r.id), ...body.items.results.map((r) => r.id)].sort(),
    );
    const empty = await officer.client.get('/api/v1/search');
    assert.equal(empty.status, 400);
    assert.equal((await entryCount()) - before, 1);
  });
});
