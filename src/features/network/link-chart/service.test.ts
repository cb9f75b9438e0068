/**
 * The link-chart import on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): names
 * matched among the importer's linkable entities or created for their agency, one item as every
 * link's source, one s62 entry, re-importing adds no link, and another agency's records are never
 * matched, touched or revealed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from '../../../../test/support/database.js';
import { createAccounts } from '../../access/accounts.js';
import type { Marking } from '../../access/markings.js';
import { isRole, permissionsOf } from '../../access/roles.js';
import { importerByEmail, insertEntity } from '../../intelligence/index.js';
import { importLinkChart, type LinkChartImporter } from './service.js';

const CHART = [
  'from,to,link type,date,from type,to type,confidence',
  'Dean Oneil,Kelly Rowe,associate of,2024-03-01,,,high',
  'Kelly Rowe,07700 900123,uses phone,,,Phone,',
  'Dean Oneil,Hidden Harry,associate-of,,,,low',
  'John Smith,Kelly Rowe,associate of,,,,',
  'Dean Oneil,Kelly Rowe,knows,,,,',
].join('\n');

describe(`importing a link chart on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  let police: string;
  let asb: string;
  let dean: string;

  before(async () => {
    t = await createTestDatabase();
    const accounts = createAccounts(t.database);
    police = await accounts.createAgency({
      code: 'police-pp',
      name: 'Police',
      organisation: 'Police',
      kind: 'police',
    });
    asb = await accounts.createAgency({
      code: 'council-asb',
      name: 'ASB',
      organisation: 'Council',
      kind: 'council',
    });
    await accounts.createUser({
      email: 'analyst@police.example',
      displayName: 'Analyst',
      agencyCode: 'police-pp',
      roles: ['public-protection-analyst'],
      clearance: 'OFFICIAL-SENSITIVE',
    });
    await accounts.createUser({
      email: 'asb@council.example',
      displayName: 'ASB officer',
      agencyCode: 'council-asb',
      roles: ['council-officer'],
      clearance: 'OFFICIAL',
    });
    const marking = (owner: string): Marking => ({
      classification: 'OFFICIAL',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: owner,
      accessListId: null,
    });
    await t.database.transaction(async (tx) => {
      dean = await insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['Dean Oneil'] }, createdBy: null },
        marking(police),
      );
      // Two people the analyst can see share a name: the chart cannot say which it means.
      await insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['John Smith'] }, createdBy: null },
        marking(police),
      );
      await insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['John Smith'] }, createdBy: null },
        marking(police),
      );
      // The council's own record, not shared with the police: never matched by the analyst.
      await insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['Hidden Harry'] }, createdBy: null },
        marking(asb),
      );
    });
  });
  after(() => t.dispose());

  const db = () => t.database.db;
  async function importer(email: string): Promise<LinkChartImporter> {
    const found = await importerByEmail(db(), email);
    const roles = (
      await db().selectFrom('user_role').select('role').where('user_id', '=', found.userId).execute()
    )
      .map((row) => row.role)
      .filter(isRole);
    return {
      principal: {
        kind: 'user',
        userId: found.userId,
        agencyId: found.agencyId,
        roles,
        permissions: permissionsOf(roles),
        clearance: found.viewer.clearance,
      },
      agencyCode: found.agencyCode,
      label: found.label,
      audit: found.audit,
    };
  }
  const count = async (table: 'entity' | 'link' | 'intelligence_item' | 'audit_entry' | 'link_source') =>
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  let firstLinks: string[] = [];

  it('matches names the importer may link, creates the rest for their agency, with one item as every link’s source', async () => {
    const [entitiesBefore, itemsBefore, auditBefore] = [
      await count('entity'),
      await count('intelligence_item'),
      await count('audit_entry'),
    ];
    const summary = await importLinkChart(
      t.database,
      await importer('analyst@police.example'),
      'chart.csv',
      CHART,
    );
    assert.ok(summary?.item);
    assert.equal(summary.rowsRead, 5);
    assert.equal(summary.accepted, 3);
    assert.deepEqual(summary.rejections, [
      {
        line: 5,
        reason:
          '2 person records you can see are called "John Smith": link the right one by hand on its item',
      },
      { line: 6, reason: '"link type": "knows" is not a type of link Lantern knows' },
    ]);
    assert.equal(summary.entitiesMatched, 1, 'Dean Oneil is matched');
    assert.equal(summary.entitiesCreated, 3, 'Kelly Rowe, the phone and a new Hidden Harry');
    assert.equal(summary.linksCreated, 3);
    assert.equal(summary.linksConfirmed, 0);
    assert.equal(await count('entity'), entitiesBefore + 3);
    assert.equal(await count('intelligence_item'), itemsBefore + 1);

    const item = await db()
      .selectFrom('intelligence_item')
      .selectAll()
      .where('id', '=', summary.item.id)
      .executeTakeFirstOrThrow();
    assert.equal(item.source_type, 'other-system');
    assert.equal(item.source_description, 'Link chart imported from chart.csv');
    assert.equal(item.owning_agency_id, police);

    const created = await db()
      .selectFrom('entity')
      .selectAll()
      .where('id', 'in', summary.createdEntityIds)
      .execute();
    assert.deepEqual(created.map((e) => e.caption).sort(), ['+447700900123', 'Hidden Harry', 'Kelly Rowe']);
    assert.ok(
      created.every(
        (e) => e.owning_agency_id === police && e.source_key?.startsWith('police-pp/link-chart:'),
      ),
    );
    const harrys = await db()
      .selectFrom('entity')
      .select(['owning_agency_id'])
      .where('caption', '=', 'Hidden Harry')
      .execute();
    assert.deepEqual(
      harrys.map((h) => h.owning_agency_id).sort(),
      [police, asb].sort(),
      'the council’s Harry untouched',
    );

    const links = await db().selectFrom('link').selectAll().where('id', 'in', summary.linkIds).execute();
    assert.equal(links.length, 3);
    const deanKelly = links.find(
      (l) => l.from_entity_id === dean && l.link_type === 'associate-of' && l.confidence === 'high',
    );
    assert.equal(deanKelly?.start_date, '2024-03-01');
    const sources = await db()
      .selectFrom('link_source')
      .selectAll()
      .where('link_id', 'in', summary.linkIds)
      .execute();
    assert.equal(sources.length, 3);
    assert.ok(
      sources.every((s) => s.item_id === summary.item?.id),
      'the item is every link’s source',
    );
    firstLinks = summary.linkIds;

    assert.equal(await count('audit_entry'), auditBefore + 1, 'one s62 entry');
    const entry = await db()
      .selectFrom('audit_entry')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, 'collection');
    assert.equal(entry.event, 'network.link-chart.import');
    const named = new Set(entry.record_ids);
    for (const id of [summary.item.id, dean, ...summary.createdEntityIds, ...summary.linkIds])
      assert.ok(named.has(id), id);

    assert.ok(
      summary.rejectionCsv?.startsWith(
        '\uFEFFfrom,to,link type,date,from type,to type,confidence,Reason not imported\r\n',
      ),
    );
    assert.match(summary.rejectionCsv ?? '', /John Smith,Kelly Rowe,associate of,,,,,"2 person records/);
  });

  it('imports the same chart again without duplicating: the new item becomes a further source', async () => {
    const [entitiesBefore, linksBefore] = [await count('entity'), await count('link')];
    const summary = await importLinkChart(
      t.database,
      await importer('analyst@police.example'),
      'chart.csv',
      CHART,
    );
    assert.ok(summary?.item);
    assert.equal(summary.entitiesCreated, 0);
    assert.equal(summary.entitiesMatched, 4);
    assert.equal(summary.linksCreated, 0);
    assert.equal(summary.linksConfirmed, 3);
    assert.equal(await count('entity'), entitiesBefore);
    assert.equal(await count('link'), linksBefore);
    assert.deepEqual([...summary.linkIds].sort(), [...firstLinks].sort());
    const sources = await db()
      .selectFrom('link_source')
      .select(['item_id'])
      .where('link_id', 'in', firstLinks)
      .execute();
    assert.equal(sources.filter((s) => s.item_id === summary.item?.id).length, 3);
    assert.equal(sources.length, 6);
  });

  it('keeps another agency’s import apart: nothing of the police is matched, touched or revealed', async () => {
    const linksBefore = await count('link');
    const summary = await importLinkChart(
      t.database,
      await importer('asb@council.example'),
      'asb.csv',
      'from,to,link type\nDean Oneil,Hidden Harry,associate of\nJohn Smith,Dean Oneil,family of',
    );
    assert.ok(summary?.item);
    assert.deepEqual(summary.rejections, [], 'the police’s two John Smiths are invisible, so not ambiguous');
    assert.equal(summary.entitiesMatched, 1, 'only the council’s own Harry');
    assert.equal(summary.entitiesCreated, 2);
    assert.equal(summary.linksCreated, 2);
    assert.equal(await count('link'), linksBefore + 2);
    const created = await db()
      .selectFrom('entity')
      .selectAll()
      .where('id', 'in', summary.createdEntityIds)
      .execute();
    assert.ok(created.every((e) => e.owning_agency_id === asb && e.classification === 'OFFICIAL'));
    assert.ok(!summary.linkIds.some((id) => firstLinks.includes(id)));
  });

  it('writes nothing, and no audit entry, when no row can be imported', async () => {
    const before = [
      await count('entity'),
      await count('link'),
      await count('intelligence_item'),
      await count('audit_entry'),
    ];
    const summary = await importLinkChart(
      t.database,
      await importer('analyst@police.example'),
      'bad.csv',
      'from,to,link type\nDean Oneil,Kelly Rowe,best mates',
    );
    assert.equal(summary?.item, null);
    assert.equal(summary.rejected, 1);
    assert.deepEqual(before, [
      await count('entity'),
      await count('link'),
      await count('intelligence_item'),
      await count('audit_entry'),
    ]);
  });

  it('imports nothing when the upload was already claimed (a second click)', async () => {
    const before = await count('intelligence_item');
    const summary = await importLinkChart(
      t.database,
      await importer('analyst@police.example'),
      'chart.csv',
      CHART,
      () => Promise.resolve(false),
    );
    assert.equal(summary, null);
    assert.equal(await count('intelligence_item'), before);
  });
});
