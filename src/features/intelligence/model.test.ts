/**
 * What the database itself guarantees about intelligence, whatever code writes to it: a link
 * always has a source, an item leaves its agency one record at a time only once signed off, a
 * child is always need-to-know, and a public report always arrives in the inbox with its original.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import type { Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import type { Viewer } from '../access/policy.js';
import {
  addInvolvement,
  addLinkSources,
  insertEntity,
  insertItem,
  insertLink,
  markingForChild,
  receivePublicReport,
} from './queries.js';
import { shareRecord } from '../access/shares.js';
import { findEntitiesByName } from './name-search.js';
import { entityRecords, intelligenceItemRecords, involvementRecords } from './records.js';
import { mayAccessRecord } from '../access/records.js';

describe(`the intelligence model on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  let police: string;
  let asb: string;
  let analyst: string;
  let supervisor: string;
  let marking: Marking;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    const org = await db
      .insertInto('organisation')
      .values({ name: 'Org' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agency = (code: string) =>
      db
        .insertInto('agency')
        .values({ code, name: code, organisation_id: org.id, kind: 'police' })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((row) => row.id);
    police = await agency('police-x');
    asb = await agency('council-asb-x');
    const user = (email: string) =>
      db
        .insertInto('app_user')
        .values({ email, display_name: email, agency_id: police, password_hash: null })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((row) => row.id);
    analyst = await user('analyst@x.example');
    supervisor = await user('supervisor@x.example');
    marking = {
      classification: 'OFFICIAL-SENSITIVE',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: police,
      accessListId: null,
    };
  });
  after(() => t.dispose());

  const viewer = (agencyId: string, permissions: string[] = ['intelligence:read']): Viewer =>
    ({
      userId: analyst,
      agencyId,
      permissions: new Set(permissions),
      clearance: 'OFFICIAL-SENSITIVE',
      sharedFrom: new Map(),
      accessLists: new Set(),
    }) as Viewer;

  const item = (tx: Tx) =>
    insertItem(
      tx,
      {
        sourceType: 'partner-officer',
        sourceDescription: 'Licensing visit',
        body: 'Seen at the pub',
        createdBy: analyst,
      },
      marking,
      { accessListId: '6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001', conditions: 'Original words' },
    );
  const person = (tx: Tx, name: string) =>
    insertEntity(tx, { schema: 'Person', properties: { name: [name] }, createdBy: analyst }, marking);

  it('refuses a link with no supporting item, at commit, and keeps nothing of it', async () => {
    const before = await t.database.db
      .selectFrom('link')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await assert.rejects(
      t.database.transaction(async (tx) => {
        const [a, b] = [await person(tx, 'A One'), await person(tx, 'B Two')];
        await tx
          .insertInto('link')
          .values({
            link_type: 'associate-of',
            from_entity_id: a,
            to_entity_id: b,
            confidence: 'high',
            classification: 'OFFICIAL',
            handling_code: 'P',
            owning_agency_id: police,
          })
          .execute();
      }),
      /no supporting intelligence item/,
    );
    const afterCount = await t.database.db
      .selectFrom('link')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });

  it('keeps a link with a source, and refuses to take away its last source', async () => {
    const linkId = await t.database.transaction(async (tx) => {
      const { id: itemId } = await item(tx);
      const [a, b] = [await person(tx, 'C Three'), await person(tx, 'D Four')];
      return insertLink(
        tx,
        { type: 'associate-of', fromEntityId: a, toEntityId: b, confidence: 'medium', createdBy: analyst },
        [itemId],
        marking,
      );
    });
    await assert.rejects(
      t.database.transaction((tx) => tx.deleteFrom('link_source').where('link_id', '=', linkId).execute()),
      /no supporting intelligence item/,
    );
    const sources = await t.database.db
      .selectFrom('link_source')
      .selectAll()
      .where('link_id', '=', linkId)
      .execute();
    assert.equal(sources.length, 1);
    // A second source can be added, and then the first removed.
    await t.database.transaction(async (tx) => {
      const { id: second } = await item(tx);
      await addLinkSources(tx, linkId, [second]);
      await tx
        .deleteFrom('link_source')
        .where('link_id', '=', linkId)
        .where('item_id', '=', sources[0]!.item_id)
        .execute();
    });
  });

  it('shares an item one at a time only after a second person signs off its sanitisation', async () => {
    const { id } = await t.database.transaction(item);
    await assert.rejects(
      t.database.transaction((tx) =>
        shareRecord(tx, { type: 'intelligence-item', recordId: id, agencyId: asb, sharedBy: analyst }),
      ),
      /has not been signed off/,
    );
    await assert.rejects(
      t.database.db
        .updateTable('intelligence_item')
        .set({
          sanitised_by: analyst,
          sanitised_at: new Date(),
          signed_off_by: analyst,
          signed_off_at: new Date(),
        })
        .where('id', '=', id)
        .execute(),
      /check/i,
      'the sanitiser cannot sign off their own work',
    );
    const asbViewer = viewer(asb);
    const loaded = async () => (await intelligenceItemRecords.load(t.database.db, id))!;
    assert.equal(mayAccessRecord(asbViewer, 'read', intelligenceItemRecords, await loaded()), false);
    await t.database.db
      .updateTable('intelligence_item')
      .set({
        sanitised_by: analyst,
        sanitised_at: new Date(),
        signed_off_by: supervisor,
        signed_off_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await t.database.transaction((tx) =>
      shareRecord(tx, { type: 'intelligence-item', recordId: id, agencyId: asb, sharedBy: analyst }),
    );
    assert.equal(mayAccessRecord(asbViewer, 'read', intelligenceItemRecords, await loaded()), true);
    const listed = await intelligenceItemRecords.list(t.database.db, asbViewer, 'list', { limit: 100 });
    assert.deepEqual(
      listed.map((r) => r.id),
      [id],
      'the shared item, and only it, is listed for the other agency',
    );
  });

  it('makes a child OFFICIAL-SENSITIVE and need-to-know, and the database refuses otherwise', async () => {
    const id = await t.database.transaction(async (tx) => {
      const childMarking = await markingForChild(tx, { ...marking, classification: 'OFFICIAL' }, analyst);
      return insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['Young Person'] }, child: true, createdBy: analyst },
        childMarking,
      );
    });
    const row = await t.database.db
      .selectFrom('entity')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.classification, 'OFFICIAL-SENSITIVE');
    assert.ok(row.access_list_id);
    const members = await t.database.db
      .selectFrom('access_list_member')
      .selectAll()
      .where('access_list_id', '=', row.access_list_id)
      .execute();
    assert.deepEqual(members.map((m) => m.user_id ?? m.agency_id).sort(), [analyst, police].sort());
    // The owning team without being on the list is still refused: the list admits them by agency.
    assert.equal(
      mayAccessRecord(viewer(police), 'read', entityRecords, (await entityRecords.load(t.database.db, id))!),
      false,
    );
    await assert.rejects(
      t.database.db
        .insertInto('entity')
        .values({
          schema: 'Person',
          caption: 'Another child',
          properties: '{}',
          child: true,
          classification: 'OFFICIAL-SENSITIVE',
          handling_code: 'P',
          owning_agency_id: police,
        })
        .execute(),
      /check/i,
    );
  });

  it("shows a victim's involvement only to those with victims:read", async () => {
    const { id: itemId } = await t.database.transaction(item);
    await t.database.transaction(async (tx) => {
      await addInvolvement(tx, {
        itemId,
        entityId: await person(tx, 'Victim Person'),
        subjectCategory: 'victim',
        addedBy: analyst,
      });
      await addInvolvement(tx, {
        itemId,
        entityId: await person(tx, 'Suspect Person'),
        subjectCategory: 'suspect',
        addedBy: analyst,
      });
    });
    const seen = async (v: Viewer) =>
      (await involvementRecords.list(t.database.db, v, 'list', { limit: 1000 }))
        .filter((r) => r.fields.item_id === itemId)
        .map((r) => r.fields.subject_category)
        .sort();
    assert.deepEqual(await seen(viewer(police)), ['suspect']);
    assert.deepEqual(await seen(viewer(police, ['intelligence:read', 'victims:read'])), [
      'suspect',
      'victim',
    ]);
    const victim = (
      await involvementRecords.list(
        t.database.db,
        viewer(police, ['intelligence:read', 'victims:read']),
        'list',
        { limit: 1000 },
      )
    ).find((r) => r.fields.item_id === itemId && r.fields.subject_category === 'victim')!;
    assert.equal(mayAccessRecord(viewer(police), 'read', involvementRecords, victim), false);
  });

  it('puts a public report in the inbox with its original on the evidence list', async () => {
    const { id: reportId } = await t.database.db
      .insertInto('public_report')
      .values({
        lookup_id: 'ABCDEFGH',
        secret_hash: '$argon2id$x',
        category: 'illegal-drugs',
        what: 'Cuckooing at 4 Mill Lane',
        where_text: 'Mill Lane',
        classification: 'OFFICIAL-SENSITIVE',
        handling_code: 'C',
        handling_conditions: 'Anonymous report',
        owning_agency_id: police,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await t.database.transaction((tx) => receivePublicReport(tx, reportId));
    const row = await t.database.db
      .selectFrom('intelligence_item')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'new');
    assert.deepEqual(row.categories, ['illegal-drugs']);
    assert.equal(row.body, 'Cuckooing at 4 Mill Lane\n\nWhere: Mill Lane');
    const original = await t.database.db
      .selectFrom('intelligence_original')
      .selectAll()
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(original.handling_code, 'C');
    assert.equal(original.access_list_id, '6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001');
  });

  it('finds a name by trigram similarity and by sound through the indexes the migration made', async () => {
    await t.database.transaction((tx) => person(tx, 'Katarzyna Kowalczyk'));
    const { rows } = await (
      await import('kysely')
    ).sql<{ name: string }>`select name from entity_name
      where normalised % ${'katarzina kowalczik'} or sounds && array[dmetaphone('Kowalczik')]`.execute(
      t.database.db,
    );
    assert.ok(rows.some((r) => r.name === 'Katarzyna Kowalczyk'));
    const police_ = viewer(police);
    const spelt = await findEntitiesByName(t.database.db, police_, 'Katarzina Kowalczik');
    assert.equal(spelt[0]?.caption, 'Katarzyna Kowalczyk');
    const heard = await findEntitiesByName(t.database.db, police_, 'Catarzyna Kovalchik', {
      schemas: ['Person'],
    });
    assert.ok(
      heard.some((m) => m.caption === 'Katarzyna Kowalczyk'),
      'found by sound',
    );
    assert.deepEqual(
      await findEntitiesByName(t.database.db, viewer(asb), 'Katarzyna Kowalczyk'),
      [],
      'not for another agency',
    );
  });
});
