/**
 * The sanitisation workbench, sign-off by a second person, sharing (refused before sign-off,
 * conditions acknowledged for handling C, entities and links going with the item) and the
 * partner submission form, through the running app, with one audit entry per operation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { send } from '../../../../test/support/forms.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { signedInPartner, type TestPartner } from '../../../../test/support/partner.js';
import type { Marking } from '../../access/markings.js';
import { createAccessList } from '../../../../test/support/access-lists.js';
import { insertEntity, insertItem, insertLink, addInvolvement } from '../queries.js';
import { shareRecord } from '../../access/shares.js';
import { PARTNER_ORIGINAL_CONDITIONS } from './submission.js';

describe(`the sanitisation workbench, sharing and submissions on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner; // partnership hub
  let supervisor: TestPartner; // partnership hub, a second person
  let asb: TestPartner; // council ASB: receives shares
  let tradingStandards: TestPartner; // holds an entity of its own
  const db = () => app.lantern.database.db;
  const base = '/partner/intelligence/items';

  const entries = (event: string) =>
    db().selectFrom('audit_entry').selectAll().where('event', '=', event).orderBy('seq').execute();
  const item = (id: string) =>
    db().selectFrom('intelligence_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const page = async (partner: TestPartner, path: string) => {
    const response = await partner.client.get(path);
    assert.equal(response.status, 200, path);
    return parseHtml(await response.text());
  };
  const marking = (owner: string, handling: Partial<Marking> = {}): Marking => ({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: owner,
    accessListId: null,
    ...handling,
  });

  /** A hub item whose original only the hub may read (or nobody, with `originalFor: []`). */
  async function hubItem(options: { handling?: Partial<Marking>; originalFor?: string[] } = {}) {
    return app.lantern.database.transaction(async (tx) => {
      const list = await createAccessList(tx, 'test original', {
        agencyIds: options.originalFor ?? [analyst.agencyId],
      });
      const { id } = await insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'Licensing officer',
          body: 'PC Jane Doe saw Jon Trelawny at 4 Fore Street, Redruth, at 21:14 using 07700 900123.',
          createdBy: analyst.id,
        },
        marking(analyst.agencyId, options.handling),
        { accessListId: list, conditions: 'Original words' },
      );
      return id;
    });
  }

  const sanitise = (partner: TestPartner, id: string, body: string) =>
    send(partner.client, `${base}/${id}/sanitise`, [['body', body]]);
  const signOff = (partner: TestPartner, id: string) => send(partner.client, `${base}/${id}/sign-off`, []);

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'partnership-hub', roles: ['public-protection-analyst'] });
    supervisor = await signedInPartner(app, { agency: 'partnership-hub', roles: ['police-supervisor'] });
    asb = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    tradingStandards = await signedInPartner(app, {
      agency: 'trading-standards',
      roles: ['public-protection-analyst'],
      signIn: false,
    });
  });
  after(() => app.stop());

  it('shows the original side by side only to its access list, as its own consultation', async () => {
    const id = await hubItem();
    const workbench = await page(analyst, `${base}/${id}/sanitise`);
    assert.match(textOf(workbench, '[data-testid=original]'), /PC Jane Doe/);
    assert.equal(workbench.querySelectorAll('.govuk-grid-column-one-half').length, 2);
    assert.match(workbench.querySelector('textarea#body')?.text ?? '', /PC Jane Doe/);
    const shown = (await entries('intelligence.sanitise.view')).at(-1);
    assert.deepEqual(
      [shown?.action, shown?.record_type, shown?.record_ids],
      ['consultation', 'intelligence-original', [id]],
    );

    const restricted = await hubItem({ originalFor: [] });
    const without = await page(analyst, `${base}/${restricted}/sanitise`);
    assert.equal(without.querySelector('[data-testid=original]'), null);
    assert.match(textOf(without, '[data-testid=original-hidden]'), /You cannot see the original/);
    const hidden = (await entries('intelligence.sanitise.view')).at(-1);
    assert.deepEqual([hidden?.record_type, hidden?.record_ids], ['intelligence-item', [restricted]]);
  });

  it('saves the sanitised text, refuses sign-off by the sanitiser and accepts it from a second person', async () => {
    const id = await hubItem();
    const empty = await sanitise(analyst, id, '   ');
    assert.equal(empty.status, 303);
    assert.equal((await item(id)).sanitised_by, null);

    const text = 'A man was seen at an address in Redruth using a mobile phone.';
    const saved = await sanitise(analyst, id, text);
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${base}/${id}`);
    const sanitised = await item(id);
    assert.equal(sanitised.body, text);
    assert.equal(sanitised.sanitised_by, analyst.id);
    assert.ok(sanitised.sanitised_at);
    const original = await db()
      .selectFrom('intelligence_original')
      .select('body')
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(original.body, /PC Jane Doe/, 'the original keeps the words as they arrived');
    assert.deepEqual(
      (await entries('intelligence.sanitise')).filter((e) => e.record_ids.includes(id)).map((e) => e.action),
      ['alteration'],
    );

    const ownPage = await page(analyst, `${base}/${id}/sign-off`);
    assert.match(textOf(ownPage, '[data-testid=own-sanitising]'), /someone else must sign it off/);
    const own = await signOff(analyst, id);
    assert.equal(own.status, 303);
    assert.equal(own.headers.get('location'), `${base}/${id}/sign-off`);
    assert.match(
      textOf(await page(analyst, `${base}/${id}/sign-off`), '.govuk-error-summary'),
      /You sanitised this text, so someone else must sign it off/,
    );
    assert.equal((await item(id)).signed_off_by, null);
    await assert.rejects(
      db()
        .updateTable('intelligence_item')
        .set({ signed_off_by: analyst.id, signed_off_at: new Date() })
        .where('id', '=', id)
        .execute(),
      /check/i,
      'the database refuses it too',
    );

    const signPage = await page(supervisor, `${base}/${id}/sign-off`);
    assert.match(textOf(signPage, '[data-testid=sanitised]'), /A man was seen/);
    assert.match(textOf(signPage, '[data-testid=original]'), /PC Jane Doe/);
    const second = await signOff(supervisor, id);
    assert.equal(second.status, 303);
    assert.equal(second.headers.get('location'), `${base}/${id}`);
    const signed = await item(id);
    assert.equal(signed.signed_off_by, supervisor.id);
    assert.ok(signed.signed_off_at);
    assert.deepEqual(
      (await entries('intelligence.sign-off')).filter((e) => e.record_ids.includes(id)).map((e) => e.action),
      ['alteration'],
    );
    const itemPage = await page(analyst, `${base}/${id}`);
    assert.match(
      textOf(itemPage, '[data-testid=sanitisation]'),
      /Sanitised by .* Signed off by Test police-supervisor/,
    );

    // Sanitising again needs a new sign-off.
    await sanitise(analyst, id, `${text} Again.`);
    assert.equal((await item(id)).signed_off_at, null);
  });

  it('refuses to share before sign-off, then shares the item with its entities and links', async () => {
    const id = await hubItem();
    const [person, address, phone, link] = await app.lantern.database.transaction(async (tx) => {
      const p = await insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['Jon Trelawny'] }, createdBy: analyst.id },
        marking(analyst.agencyId),
      );
      const a = await insertEntity(
        tx,
        { schema: 'Address', properties: { full: ['4 Fore Street, Redruth'] }, createdBy: analyst.id },
        marking(analyst.agencyId),
      );
      const ph = await insertEntity(
        tx,
        { schema: 'Phone', properties: { number: ['+447700900123'] }, createdBy: tradingStandards.id },
        marking(tradingStandards.agencyId),
      );
      for (const [entityId, category] of [
        [p, 'suspect'],
        [a, null],
        [ph, null],
      ] as const) {
        await addInvolvement(tx, { itemId: id, entityId, subjectCategory: category, addedBy: analyst.id });
      }
      const l = await insertLink(
        tx,
        { type: 'lives-at', fromEntityId: p, toEntityId: a, confidence: 'medium', createdBy: analyst.id },
        [id],
        marking(analyst.agencyId),
      );
      return [p, a, ph, l];
    });
    const shares = () =>
      db()
        .selectFrom('record_share')
        .select(['record_type', 'record_id', 'agency_id'])
        .where('agency_id', '=', asb.agencyId)
        .execute();

    // Never signed off: the page says so, a POST is refused, and so is the database.
    const before = await page(analyst, `${base}/${id}/share`);
    assert.match(textOf(before, '[data-testid=needs-sign-off]'), /cannot be shared yet/);
    assert.equal(before.querySelector(`form[action="${base}/${id}/share"]`), null);
    const refused = await send(analyst.client, `${base}/${id}/share`, [['agencies', asb.agencyId]]);
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.get('location'), `${base}/${id}/share`);
    assert.match(
      textOf(await page(analyst, `${base}/${id}/share`), '.govuk-error-summary'),
      /cannot be shared yet: a second person must sign off/,
    );
    assert.deepEqual(await shares(), []);
    await assert.rejects(
      app.lantern.database.transaction((tx) =>
        shareRecord(tx, {
          type: 'intelligence-item',
          recordId: id,
          agencyId: asb.agencyId,
          sharedBy: analyst.id,
        }),
      ),
      /has not been signed off/,
    );
    assert.equal((await asb.client.get(`${base}/${id}`)).status, 404);

    await sanitise(analyst, id, 'A man was seen at an address in Redruth using a mobile phone.');
    await signOff(supervisor, id);
    const plan = await page(analyst, `${base}/${id}/share`);
    const planned = textOf(plan, '[data-testid=share-plan]');
    assert.match(planned, /Jon Trelawny/);
    assert.match(planned, /4 Fore Street, Redruth/);
    assert.match(planned, /Jon Trelawny – lives at – 4 Fore Street/);
    assert.doesNotMatch(planned, /7700/, "another agency's phone does not go with it");
    const options = plan.querySelectorAll('input[name=agencies]').map((input) => input.getAttribute('value'));
    assert.ok(options.includes(asb.agencyId));
    assert.ok(!options.includes(analyst.agencyId), 'never the owner');
    assert.equal(plan.querySelector('[data-testid=conditions]'), null, 'handling P: nothing to acknowledge');

    const toOwner = await send(analyst.client, `${base}/${id}/share`, [['agencies', analyst.agencyId]]);
    assert.equal(toOwner.status, 303);
    assert.deepEqual(await shares(), []);
    const disclosuresBefore = (await entries('intelligence.share')).length;

    const shared = await send(analyst.client, `${base}/${id}/share`, [['agencies', asb.agencyId]]);
    assert.equal(shared.status, 303);
    assert.equal(shared.headers.get('location'), `${base}/${id}`);
    assert.deepEqual(
      (await shares()).map((s) => `${s.record_type} ${s.record_id}`).sort(),
      [`intelligence-item ${id}`, `entity ${person}`, `entity ${address}`, `link ${link}`].sort(),
    );
    const disclosures = (await entries('intelligence.share')).slice(disclosuresBefore);
    assert.equal(disclosures.length, 1);
    assert.equal(disclosures[0]?.action, 'disclosure');
    assert.equal(disclosures[0].recipients, 'council-asb');
    assert.deepEqual([...disclosures[0].record_ids].sort(), [id, person, address, link].sort());

    // The ASB officer now sees the item, who it is about, and the link; not the phone.
    const inbox = await (await asb.client.get('/partner/intelligence')).text();
    assert.ok(inbox.includes(`${base}/${id}`));
    const seen = await page(asb, `${base}/${id}`);
    assert.match(textOf(seen, '[data-testid=item-text]'), /A man was seen/);
    const involvements = textOf(seen, '[data-testid=involvements]');
    assert.match(involvements, /Jon Trelawny/);
    assert.match(involvements, /4 Fore Street/);
    assert.doesNotMatch(involvements, /7700/);
    assert.match(textOf(seen, '[data-testid=links]'), /Jon Trelawny – lives at – 4 Fore Street/);
    assert.match(textOf(seen, '[data-testid=shared-with]'), /council-asb/);
    assert.equal(phone.length, 36);
    // They do not see the original on the workbench.
    const workbench = await page(asb, `${base}/${id}/sanitise`);
    assert.equal(workbench.querySelector('[data-testid=original]'), null);
  });

  it('needs handling C conditions acknowledged before sharing', async () => {
    const id = await hubItem({
      handling: { handlingCode: 'C', handlingConditions: 'Tell the hub before acting on it' },
    });
    await sanitise(analyst, id, 'Something was seen.');
    await signOff(supervisor, id);
    const plan = await page(analyst, `${base}/${id}/share`);
    assert.match(textOf(plan, '[data-testid=conditions]'), /Tell the hub before acting on it/);
    const unacknowledged = await send(analyst.client, `${base}/${id}/share`, [['agencies', asb.agencyId]]);
    assert.equal(unacknowledged.status, 303);
    assert.match(
      textOf(await page(analyst, `${base}/${id}/share`), '.govuk-error-summary'),
      /Confirm you have read the conditions/,
    );
    const count = async () =>
      (await db().selectFrom('record_share').select('record_id').where('record_id', '=', id).execute())
        .length;
    assert.equal(await count(), 0);
    const acknowledged = await send(analyst.client, `${base}/${id}/share`, [
      ['agencies', asb.agencyId],
      ['acknowledge', 'yes'],
    ]);
    assert.equal(acknowledged.status, 303);
    assert.equal(await count(), 1);
    const disclosure = (await entries('intelligence.share')).at(-1);
    assert.deepEqual(disclosure?.detail, { agencies: [asb.agencyId], conditionsAcknowledged: true });
  });

  it('needs intelligence:export to share', async () => {
    const id = await hubItem();
    const officer = await signedInPartner(app, { agency: 'partnership-hub', roles: ['council-officer'] });
    assert.equal((await officer.client.get(`${base}/${id}/share`)).status, 404);
    assert.equal(
      (await send(officer.client, `${base}/${id}/share`, [['agencies', asb.agencyId]])).status,
      404,
    );
  });

  it('records what an officer saw as an item of their agency, with its original on a new access list', async () => {
    const form = await page(asb, '/partner/intelligence/new');
    assert.ok(form.querySelector('.govuk-character-count'));
    const count = async () =>
      (
        await db()
          .selectFrom('intelligence_item')
          .select('id')
          .where('source_type', '=', 'partner-officer')
          .where('owning_agency_id', '=', asb.agencyId)
          .execute()
      ).length;

    const refusedWith = async (fields: [string, string][], message: RegExp) => {
      const invalid = await send(asb.client, '/partner/intelligence/new', fields);
      assert.equal(invalid.status, 303);
      assert.equal(invalid.headers.get('location'), '/partner/intelligence/new');
      const again = await page(asb, '/partner/intelligence/new');
      assert.match(textOf(again, '.govuk-error-summary'), message);
      assert.match(textOf(again, 'title'), /^Error: Record what you saw/);
    };
    await refusedWith(
      [
        ['what', ''],
        ['statementKind', 'fact'],
        ['handling', 'P'],
      ],
      /Enter what you saw/,
    );
    const what: [string, string] = ['what', 'Something seen'];
    await refusedWith(
      [what, ['statementKind', 'fact'], ['handling', 'C']],
      /Enter the conditions for sharing/,
    );
    await refusedWith(
      [
        what,
        ['statementKind', 'fact'],
        ['handling', 'P'],
        ['seenOn-day', '1'],
        ['seenOn-month', '1'],
        ['seenOn-year', '2999'],
      ],
      /Date seen must be today or in the past/,
    );
    await refusedWith(
      [what, ['statementKind', 'fact'], ['handling', 'P'], ['sourceEvaluation', '2']],
      /select both the source evaluation and the information assessment/,
    );
    assert.equal(await count(), 0);

    const created = await send(asb.client, '/partner/intelligence/new', [
      ['what', 'Four young men sleeping in the back room of the car wash on Station Road.'],
      ['seenOn-day', '12'],
      ['seenOn-month', '11'],
      ['seenOn-year', '2026'],
      ['area', 'Camborne'],
      ['categories', 'modern-slavery-and-human-trafficking'],
      ['vulnerabilities', 'exploitation'],
      ['statementKind', 'fact'],
      ['sourceEvaluation', '1'],
      ['informationAssessment', 'A'],
      ['handling', 'P'],
    ]);
    assert.equal(created.status, 303);
    const row = await db()
      .selectFrom('intelligence_item')
      .selectAll()
      .where('owning_agency_id', '=', asb.agencyId)
      .where('source_type', '=', 'partner-officer')
      .executeTakeFirstOrThrow();
    assert.equal(created.headers.get('location'), `${base}/${row.id}`);
    assert.equal(row.source_description, 'council-asb officer');
    assert.equal(row.classification, 'OFFICIAL-SENSITIVE');
    assert.equal(row.handling_code, 'P');
    assert.equal(row.occurred_on, '2026-11-12');
    assert.equal(row.area, 'Camborne');
    assert.deepEqual(row.categories, ['modern-slavery-and-human-trafficking']);
    assert.deepEqual(row.vulnerabilities, ['exploitation']);
    assert.deepEqual([row.source_evaluation, row.information_assessment, row.graded_by], ['1', 'A', asb.id]);
    assert.equal(row.created_by, asb.id);
    assert.equal(row.access_list_id, null);
    const original = await db()
      .selectFrom('intelligence_original')
      .selectAll()
      .where('item_id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(original.body, row.body);
    assert.equal(original.handling_code, 'C');
    assert.equal(original.handling_conditions, PARTNER_ORIGINAL_CONDITIONS);
    const members = await db()
      .selectFrom('access_list_member')
      .select(['user_id', 'agency_id'])
      .where('access_list_id', '=', original.access_list_id)
      .execute();
    assert.deepEqual(members.map((m) => m.user_id ?? m.agency_id).sort(), [asb.id, asb.agencyId].sort());
    const audit = await entries('intelligence.submission.create');
    assert.deepEqual(
      audit.map((e) => [e.action, e.record_ids]),
      [['collection', [row.id]]],
    );

    const itemPage = await page(asb, `${base}/${row.id}`);
    assert.match(
      textOf(itemPage, '.govuk-notification-banner'),
      new RegExp(`${row.reference} has been recorded`),
    );
    assert.match(textOf(itemPage, '[data-testid=grade]'), /1\/A\/P/);
    assert.equal((await analyst.client.get(`${base}/${row.id}`)).status, 404, 'the hub cannot see it');
  });
});
