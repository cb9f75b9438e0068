/**
 * The entity pages through a running Lantern, as partners use them: adding people, places and
 * things to an item with suggestions, links with their sources, the entity page and changing an
 * entity — each refused, hidden or audited as the access policy and s62 say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { signedInPartner, type PartnerClient, type TestPartner } from '../../../../test/support/partner.js';
import type { Marking } from '../../access/markings.js';
import {
  addInvolvement,
  insertEntity,
  insertItem,
  insertLink,
  PUBLIC_REPORT_EVIDENCE_LIST,
} from '../queries.js';
import {
  ENTITY_SCHEMA_NAMES,
  ENTITY_SCHEMAS,
  schemaSpec,
  type EntityProperties,
  type EntitySchemaName,
} from '../schema.js';

describe(`entities and links on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner; // police, sees victims
  let colleague: TestPartner; // police, same agency
  let officer: TestPartner; // council ASB: intelligence:read only, police share with them
  let stranger: TestPartner; // another agency, nothing shared
  let item: string;
  let reference: string;

  const db = () => app.lantern.database.db;

  const marking = (owningAgencyId: string, accessListId: string | null = null): Marking => ({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId,
    accessListId,
  });

  async function newItem(agencyId: string): Promise<{ id: string; reference: string }> {
    return app.lantern.database.transaction((tx) =>
      insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'Visit',
          body: 'Seen at the flat',
          createdBy: null,
        },
        marking(agencyId),
        { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
      ),
    );
  }

  async function newEntity(
    schema: EntitySchemaName,
    properties: EntityProperties,
    agencyId: string,
    accessListId: string | null = null,
  ): Promise<string> {
    return app.lantern.database.transaction((tx) =>
      insertEntity(tx, { schema, properties, createdBy: null }, marking(agencyId, accessListId)),
    );
  }

  async function auditCount(event: string): Promise<number> {
    const row = await db()
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event', '=', event)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async function html(client: PartnerClient, path: string): Promise<string> {
    const response = await client.get(path);
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response.text();
  }

  /** Follows redirects (as a browser would), returning the last page. */
  async function follow(client: PartnerClient, response: Response): Promise<{ path: string; html: string }> {
    let current = response;
    let path = '';
    for (let hops = 0; current.status === 303 && hops < 5; hops += 1) {
      path = current.headers.get('location') ?? '';
      current = await client.get(path);
    }
    assert.equal(current.status, 200);
    return { path, html: await current.text() };
  }

  const addPath = (itemId: string) => `/partner/intelligence/items/${itemId}/entities/new`;

  /** Steps 1 and 2 of adding an entity; returns the page reached (suggestions or details). */
  async function start(client: PartnerClient, itemId: string, schema: EntitySchemaName, name: string) {
    return follow(client, await client.post(addPath(itemId), { schema, name }));
  }

  /** Adds a new entity through all the steps; returns the redirect location. */
  async function addNew(
    client: PartnerClient,
    itemId: string,
    schema: EntitySchemaName,
    fields: Record<string, string>,
  ): Promise<Response> {
    const name = fields[`p_${ENTITY_SCHEMAS[schema].required}`] ?? 'x';
    const reached = await start(client, itemId, schema, name);
    if (reached.path.endsWith('/match')) {
      const chose = await client.post(`${addPath(itemId)}/match`, { schema, name, choice: 'new' });
      assert.equal(chose.status, 303);
      await client.get(chose.headers.get('location')!);
    }
    return client.post(`${addPath(itemId)}/details`, {
      schema,
      classification: 'OFFICIAL-SENSITIVE',
      handling: 'P',
      ...fields,
    });
  }

  const entityIdFrom = (response: Response): string => {
    assert.equal(response.status, 303);
    const match = /^\/partner\/entities\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '');
    assert.ok(match?.[1], `redirected to ${response.headers.get('location')}`);
    return match[1];
  };

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'police-ent', roles: ['public-protection-analyst'] });
    colleague = await signedInPartner(app, { agency: 'police-ent', roles: ['public-protection-analyst'] });
    officer = await signedInPartner(app, { agency: 'council-asb-ent', roles: ['council-officer'] });
    stranger = await signedInPartner(app, { agency: 'elsewhere-ent', roles: ['public-protection-analyst'] });
    // The police share items, entities and links with the council's ASB team.
    await db()
      .insertInto('sharing_rule')
      .values(
        ['intelligence-item', 'entity', 'link'].map((record_type) => ({
          owner_agency_id: analyst.agencyId,
          partner_agency_id: officer.agencyId,
          record_type,
        })),
      )
      .execute();
    ({ id: item, reference } = await newItem(analyst.agencyId));
  });
  after(() => app.stop());

  it('generates the details form from the schema: every property of each schema', async () => {
    for (const schema of ENTITY_SCHEMA_NAMES) {
      const reached = await start(analyst.client, item, schema, `Zzyzx Qwv ${schema}`);
      assert.ok(reached.path.endsWith('/details'), `${schema}: no one like it, straight to details`);
      const page = parseHtml(reached.html);
      for (const [property, spec] of Object.entries(schemaSpec(schema).properties)) {
        const field = page.querySelector(`[name="p_${property}"]`);
        assert.ok(field, `${schema}.${property} has a field`);
        assert.ok(reached.html.includes(spec.label), `${schema}.${property} is labelled ${spec.label}`);
        if (spec.multiple) assert.equal(field.tagName, 'TEXTAREA');
      }
      assert.equal(
        Boolean(page.querySelector('[name="child"]')),
        schema === 'Person',
        `${schema}: child flag`,
      );
      assert.equal(
        Boolean(page.querySelector('[name="category"]')),
        schema === 'Person',
        `${schema}: category`,
      );
    }
  });

  it('suggests a misspelt person the viewer may see, and never one they may not', async () => {
    const seen = await newEntity('Person', { name: ['Jonathan Smyth'] }, analyst.agencyId);
    await newEntity('Person', { name: ['Jonathon Smithe'] }, stranger.agencyId);
    const asbItem = await newItem(officer.agencyId);
    const reached = await start(officer.client, asbItem.id, 'Person', 'Jonathan Smith');
    assert.ok(reached.path.endsWith('/match'));
    assert.ok(reached.html.includes('Jonathan Smyth'));
    assert.ok(reached.html.includes(`value="${seen}"`));
    assert.ok(!reached.html.includes('Jonathon Smithe'), 'a hidden person is never suggested');
    assert.ok(reached.html.includes('No, create a new one'));

    // Picking the suggestion adds the involvement: an alteration, audited once.
    const before = await auditCount('entities.add.pick');
    const noCategory = await officer.client.post(`${addPath(asbItem.id)}/match`, {
      schema: 'Person',
      name: 'Jonathan Smith',
      choice: seen,
    });
    const refusedPage = await follow(officer.client, noCategory);
    assert.ok(refusedPage.html.includes('Choose how the person is involved in this item'));
    const picked = await officer.client.post(`${addPath(asbItem.id)}/match`, {
      schema: 'Person',
      name: 'Jonathan Smith',
      choice: seen,
      category: 'suspect',
    });
    assert.equal(entityIdFrom(picked), seen);
    const involvement = await db()
      .selectFrom('item_entity')
      .selectAll()
      .where('item_id', '=', asbItem.id)
      .where('entity_id', '=', seen)
      .executeTakeFirstOrThrow();
    assert.equal(involvement.subject_category, 'suspect');
    assert.equal((await auditCount('entities.add.pick')) - before, 1);
  });

  it('creates a person involved as a victim, owned by the viewer’s agency, audited once', async () => {
    const before = await auditCount('entities.add.create');
    const response = await addNew(analyst.client, item, 'Person', {
      p_name: 'Kasia Nowak',
      p_alias: 'Kasia\nK Nowak',
      p_birthDate: '1990-04-27',
      category: 'victim',
    });
    const id = entityIdFrom(response);
    const entity = await db().selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(entity.owning_agency_id, analyst.agencyId);
    assert.equal(entity.classification, 'OFFICIAL-SENSITIVE');
    assert.equal(entity.handling_code, 'P');
    assert.deepEqual(entity.properties.alias, ['Kasia', 'K Nowak']);
    const involvement = await db()
      .selectFrom('item_entity')
      .selectAll()
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(involvement.item_id, item);
    assert.equal(involvement.subject_category, 'victim');
    assert.equal((await auditCount('entities.add.create')) - before, 1);
    const entry = await db()
      .selectFrom('audit_entry')
      .selectAll()
      .where('event', '=', 'entities.add.create')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, 'collection');
    assert.deepEqual(entry.record_ids, [id]);
    const page = await html(analyst.client, `/partner/entities/${id}`);
    assert.ok(page.includes(`Kasia Nowak has been added to ${reference}`));
    assert.ok(page.includes('K Nowak'));
  });

  it('hides a victim’s involvement from a viewer without victims:read', async () => {
    const id = await newEntity('Person', { name: ['Vera Vale'] }, analyst.agencyId);
    await app.lantern.database.transaction((tx) =>
      addInvolvement(tx, { itemId: item, entityId: id, subjectCategory: 'victim', addedBy: null }),
    );
    const analystPage = parseHtml(await html(analyst.client, `/partner/entities/${id}`));
    assert.ok(analystPage.text.includes(reference));
    assert.ok(analystPage.text.includes('Victim'));
    const officerPage = parseHtml(await html(officer.client, `/partner/entities/${id}`));
    assert.ok(!officerPage.text.includes(reference), 'no victim involvement without victims:read');
    assert.ok(!officerPage.text.includes('Victim'));
    assert.ok(officerPage.text.includes('Not involved in any item you may see'));
  });

  it('flags a child: OFFICIAL-SENSITIVE, on an access list of the author and their agency', async () => {
    const official = await addNew(analyst.client, item, 'Person', {
      p_name: 'Tom Young',
      category: 'witness',
      child: 'yes',
      classification: 'OFFICIAL',
    });
    const refusedPage = await follow(analyst.client, official);
    assert.ok(refusedPage.html.includes('A record about a child must be OFFICIAL-SENSITIVE'));
    assert.equal(
      (await db().selectFrom('entity').select('id').where('caption', '=', 'Tom Young').execute()).length,
      0,
    );

    const id = entityIdFrom(
      await addNew(analyst.client, item, 'Person', {
        p_name: 'Tom Young',
        category: 'witness',
        child: 'yes',
      }),
    );
    const entity = await db().selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(entity.child, true);
    assert.equal(entity.classification, 'OFFICIAL-SENSITIVE');
    assert.ok(entity.access_list_id);
    const members = await db()
      .selectFrom('access_list_member')
      .select(['user_id', 'agency_id'])
      .where('access_list_id', '=', entity.access_list_id)
      .execute();
    assert.deepEqual(
      members.map((m) => m.user_id ?? `agency:${m.agency_id}`).sort(),
      [analyst.id, `agency:${analyst.agencyId}`].sort(),
    );
    // A child is need-to-know: the list holds the owning team, so a colleague in the same agency may see it;
    // a partner the police share entities with may not (need-to-know).
    assert.equal((await colleague.client.get(`/partner/entities/${id}`)).status, 200);
    assert.equal((await officer.client.get(`/partner/entities/${id}`)).status, 404);
    const page = await html(analyst.client, `/partner/entities/${id}`);
    assert.ok(page.includes('Under 18'));

    // A link to the child is need-to-know on the child's list too.
    const phone = await newEntity('Phone', { number: ['+447700900999'] }, analyst.agencyId);
    await app.lantern.database.transaction((tx) =>
      addInvolvement(tx, { itemId: item, entityId: phone, subjectCategory: null, addedBy: null }),
    );
    entityIdFrom(
      await analyst.client.post(`/partner/intelligence/items/${item}/links/new`, {
        from: id,
        to: phone,
        type: 'uses-phone',
        confidence: 'high',
      }),
    );
    const link = await db()
      .selectFrom('link')
      .selectAll()
      .where('from_entity_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(link.access_list_id, entity.access_list_id);
    assert.equal(link.classification, 'OFFICIAL-SENSITIVE');
    const phonePage = await html(officer.client, `/partner/entities/${phone}`);
    assert.ok(!phonePage.includes('Tom Young'), 'the child stays hidden from the phone’s page');
  });

  it('shows property errors against each field, keeps the answers and changes nothing', async () => {
    const entitiesBefore = await db()
      .selectFrom('entity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const auditBefore = await auditCount('entities.add.create');
    const response = await addNew(analyst.client, item, 'Vehicle', {
      p_registration: 'not a registration!!',
      p_make: 'Ford',
    });
    const page = await follow(analyst.client, response);
    assert.ok(page.path.endsWith('/details'));
    const root = parseHtml(page.html);
    assert.ok(textOf(root, 'title').startsWith('Error:'));
    assert.ok(
      textOf(root, '.govuk-error-summary').includes('Registration (VRM) must be 2 to 8 letters and numbers'),
    );
    assert.ok(root.querySelector('a[href="#p_registration"]'));
    assert.ok(textOf(root, '#p_registration-error').includes('must be 2 to 8 letters'));
    assert.equal(root.querySelector('#p_make')?.getAttribute('value'), 'Ford');
    const entitiesAfter = await db()
      .selectFrom('entity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(entitiesAfter.n, entitiesBefore.n);
    assert.equal(await auditCount('entities.add.create'), auditBefore);
  });

  it('links two entities with the item as source; refuses a misfit; the same link again adds a source', async () => {
    const person = await newEntity('Person', { name: ['Lee Dealer'] }, analyst.agencyId);
    const phone = await newEntity('Phone', { number: ['+447700900123'] }, analyst.agencyId);
    const linkItem = await newItem(analyst.agencyId);
    await app.lantern.database.transaction(async (tx) => {
      await addInvolvement(tx, {
        itemId: linkItem.id,
        entityId: person,
        subjectCategory: 'suspect',
        addedBy: null,
      });
      await addInvolvement(tx, {
        itemId: linkItem.id,
        entityId: phone,
        subjectCategory: null,
        addedBy: null,
      });
    });
    const path = `/partner/intelligence/items/${linkItem.id}/links/new`;
    const form = await html(analyst.client, path);
    assert.ok(form.includes('Lee Dealer') && form.includes('+447700900123'));
    assert.ok(form.includes('uses phone (the other way: used by)'));

    const linkCount = async () =>
      (
        await db()
          .selectFrom('link')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await linkCount();
    const misfit = await analyst.client.post(path, {
      from: phone,
      to: person,
      type: 'lives-at',
      confidence: 'high',
    });
    const refusedPage = await follow(analyst.client, misfit);
    assert.ok(refusedPage.html.includes('cannot be “lives at”'));
    assert.equal(await linkCount(), before);

    const badDates = await analyst.client.post(path, {
      from: person,
      to: phone,
      type: 'uses-phone',
      confidence: 'high',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    assert.ok(
      (await follow(analyst.client, badDates)).html.includes('The end date must be the same as or after'),
    );

    const collections = await auditCount('links.add');
    const added = await analyst.client.post(path, {
      from: person,
      to: phone,
      type: 'uses-phone',
      confidence: 'high',
      startDate: '2026-01-01',
    });
    assert.equal(entityIdFrom(added), person);
    assert.equal(await linkCount(), before + 1);
    const link = await db()
      .selectFrom('link')
      .selectAll()
      .where('from_entity_id', '=', person)
      .executeTakeFirstOrThrow();
    assert.equal(link.link_type, 'uses-phone');
    assert.equal(link.owning_agency_id, analyst.agencyId);
    const sources = () =>
      db().selectFrom('link_source').select('item_id').where('link_id', '=', link.id).execute();
    assert.deepEqual(
      (await sources()).map((s) => s.item_id),
      [linkItem.id],
    );

    // A second item supporting the same link: a further source, not a second link.
    const second = await newItem(analyst.agencyId);
    await app.lantern.database.transaction(async (tx) => {
      await addInvolvement(tx, {
        itemId: second.id,
        entityId: person,
        subjectCategory: 'suspect',
        addedBy: null,
      });
      await addInvolvement(tx, { itemId: second.id, entityId: phone, subjectCategory: null, addedBy: null });
    });
    const again = await analyst.client.post(`/partner/intelligence/items/${second.id}/links/new`, {
      from: person,
      to: phone,
      type: 'uses-phone',
      confidence: 'medium',
    });
    assert.equal(entityIdFrom(again), person);
    assert.equal(await linkCount(), before + 1);
    assert.deepEqual((await sources()).map((s) => s.item_id).sort(), [linkItem.id, second.id].sort());
    assert.equal(
      (await auditCount('links.add')) - collections,
      2,
      'one entry for each of the two operations',
    );
    const entries = await db()
      .selectFrom('audit_entry')
      .select('action')
      .where('event', '=', 'links.add')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    assert.deepEqual(
      entries.map((e) => e.action),
      ['alteration', 'collection'],
    );

    const page = parseHtml(await html(analyst.client, `/partner/entities/${phone}`));
    const row = page.querySelector('#entity-links tr[data-link]');
    assert.ok(row);
    assert.ok(row.text.includes('used by'), 'read from the phone’s side');
    assert.ok(row.text.includes('Lee Dealer'));
    assert.equal(row.querySelectorAll('td').at(-1)?.text.trim(), '2');
  });

  it('the entity page shows links the viewer may see and nothing of those they may not', async () => {
    const centre = await newEntity('Person', { name: ['Mo Central'] }, analyst.agencyId);
    const open = await newEntity('Address', { full: ['1 Open Street, Truro'] }, analyst.agencyId);
    // Police-only need-to-know: the ASB team may not see it, nor know a link to it exists.
    const list = await app.lantern.database.transaction(async (tx) => {
      const row = await tx
        .insertInto('access_list')
        .values({ description: 'Police only' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('access_list_member')
        .values({ access_list_id: row.id, agency_id: analyst.agencyId, user_id: null })
        .execute();
      return row.id;
    });
    const hidden = await newEntity('Person', { name: ['Hidden Heron'] }, analyst.agencyId, list);
    await app.lantern.database.transaction(async (tx) => {
      const m = marking(analyst.agencyId);
      await insertLink(
        tx,
        { type: 'lives-at', fromEntityId: centre, toEntityId: open, confidence: 'high', createdBy: null },
        [item],
        m,
      );
      await insertLink(
        tx,
        {
          type: 'associate-of',
          fromEntityId: hidden,
          toEntityId: centre,
          confidence: 'low',
          createdBy: null,
        },
        [item],
        m,
      );
    });
    const before = await auditCount('entities.view');
    const analystHtml = await html(analyst.client, `/partner/entities/${centre}`);
    assert.ok(analystHtml.includes('Hidden Heron') && analystHtml.includes('1 Open Street, Truro'));
    const officerHtml = await html(officer.client, `/partner/entities/${centre}`);
    assert.ok(officerHtml.includes('1 Open Street, Truro'));
    assert.ok(officerHtml.includes('lives at'));
    assert.ok(!officerHtml.includes('Hidden Heron'), 'a hidden entity’s name never reaches the page');
    assert.ok(!officerHtml.includes('associate of'), 'nor that a link to it exists');
    assert.equal(parseHtml(officerHtml).querySelectorAll('#entity-links tr[data-link]').length, 1);
    assert.ok(officerHtml.includes('link-diagram.js'), 'the diagram script enhances the table');
    assert.equal((await stranger.client.get(`/partner/entities/${centre}`)).status, 404);

    // One consultation per opening, naming the entity and every entity shown.
    assert.equal((await auditCount('entities.view')) - before, 2);
    const entry = await db()
      .selectFrom('audit_entry')
      .selectAll()
      .where('event', '=', 'entities.view')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, 'consultation');
    assert.equal(entry.actor_user_id, officer.id);
    assert.deepEqual([...entry.record_ids].sort(), [centre, open].sort());
  });

  it('404s for an item or entity the viewer may not see, identically to one that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const strangerItem = await newItem(stranger.agencyId);
    // Nonces and CSRF tokens differ on every page; everything else is the same.
    const same = (text: string) => text.replace(/(nonce|value)="[^"]*"/g, '$1=""');
    const missingPage = await officer.client.get(addPath(missing));
    const hiddenPage = await officer.client.get(addPath(strangerItem.id));
    assert.equal(missingPage.status, 404);
    assert.equal(hiddenPage.status, 404);
    assert.equal(same(await hiddenPage.text()), same(await missingPage.text()));
    assert.equal(
      (await officer.client.get(`/partner/intelligence/items/${strangerItem.id}/links/new`)).status,
      404,
    );
    assert.equal((await officer.client.get(`/partner/entities/${missing}`)).status, 404);
  });

  it('changes an entity for its owning agency only, audited once', async () => {
    const id = await newEntity('Person', { name: ['Sam Spelling'] }, analyst.agencyId);
    const form = await html(analyst.client, `/partner/entities/${id}/edit`);
    assert.ok(form.includes('value="Sam Spelling"'));
    const bad = await analyst.client.post(`/partner/entities/${id}/edit`, {
      p_name: 'Sam Speling',
      p_birthDate: '31/02/1990',
    });
    const refusedPage = await follow(analyst.client, bad);
    assert.ok(refusedPage.html.includes('Date of birth must be a real date'));
    assert.ok(refusedPage.html.includes('value="Sam Speling"'), 'answers kept');
    assert.equal(
      (await db().selectFrom('entity').select('caption').where('id', '=', id).executeTakeFirstOrThrow())
        .caption,
      'Sam Spelling',
    );

    const before = await auditCount('entities.change');
    const saved = await analyst.client.post(`/partner/entities/${id}/edit`, {
      p_name: 'Samuel Spelling',
      p_alias: 'Sam Spelling',
    });
    assert.equal(entityIdFrom(saved), id);
    const entity = await db().selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(entity.caption, 'Samuel Spelling');
    assert.deepEqual(entity.properties.alias, ['Sam Spelling']);
    assert.equal((await auditCount('entities.change')) - before, 1);
    const names = await db().selectFrom('entity_name').select('name').where('entity_id', '=', id).execute();
    assert.deepEqual(names.map((n) => n.name).sort(), ['Sam Spelling', 'Samuel Spelling']);

    // The ASB team sees the record through sharing, but only the police may change it.
    assert.equal((await officer.client.get(`/partner/entities/${id}/edit`)).status, 404);
    const officerPage = await html(officer.client, `/partner/entities/${id}`);
    assert.ok(officerPage.includes('Only police-ent can change this record'));
    assert.ok(!officerPage.includes(`/partner/entities/${id}/edit`));
  });
});
