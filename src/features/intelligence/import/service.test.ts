/**
 * The import on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): rows accepted and
 * rejected one by one, batches all or nothing, deterministic identity (re-importing makes nothing
 * new), provenance through the import's item, and one s62 entry per batch.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from '../../../../test/support/database.js';
import { projectPath } from '../../../paths.js';
import { createAccounts } from '../../access/accounts.js';
import { parseCsv } from './csv.js';
import { ImportRefused, importerByEmail } from './importer.js';
import { parseMapping, type Mapping } from './mapping.js';
import { runImport, type ImportOptions } from './service.js';

const example = (name: string) => readFileSync(projectPath('examples/import', name), 'utf8');

describe(`importing CSV on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  const nominals = parseMapping(example('police-nominals.mapping.json'));
  const licensing = parseMapping(example('licensing-register.mapping.json'));
  const nominalsCsv = example('police-nominals.csv');
  const licensingCsv = example('licensing-register.csv');

  before(async () => {
    t = await createTestDatabase();
    const accounts = createAccounts(t.database);
    for (const [code, kind] of [
      ['police-public-protection', 'police'],
      ['council-licensing', 'council'],
      ['council-asb', 'council'],
    ] as const) {
      await accounts.createAgency({ code, name: code, organisation: 'Test', kind });
    }
    await accounts.createUser({
      email: 'analyst@police.example',
      displayName: 'Analyst',
      agencyCode: 'police-public-protection',
      roles: ['public-protection-analyst'],
      clearance: 'OFFICIAL-SENSITIVE',
    });
    await accounts.createUser({
      email: 'licensing@council.example',
      displayName: 'Licensing officer',
      agencyCode: 'council-licensing',
      roles: ['council-officer'],
      clearance: 'OFFICIAL',
    });
    await accounts.createUser({
      email: 'auditor@council.example',
      displayName: 'Auditor',
      agencyCode: 'council-licensing',
      roles: ['information-governance'],
    });
  });
  after(() => t.dispose());

  const db = () => t.database.db;
  const count = async (table: 'entity' | 'link' | 'intelligence_item' | 'audit_entry' | 'link_source') =>
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  async function importAs(
    email: string,
    mapping: Mapping,
    csv: string,
    options: Partial<ImportOptions> = {},
  ) {
    return runImport(t.database, {
      fileName: 'test.csv',
      csv,
      mapping,
      importer: await importerByEmail(db(), email),
      today: '2026-11-23',
      ...options,
    });
  }

  it('refuses an importer from another agency, without the right roles, or not cleared, before reading a row', async () => {
    await assert.rejects(importAs('licensing@council.example', nominals, nominalsCsv), (error: Error) => {
      assert.ok(error instanceof ImportRefused);
      assert.match(
        error.message,
        /belong to the agency "police-public-protection", but licensing@council\.example works for "council-licensing"/,
      );
      return true;
    });
    await assert.rejects(
      importAs('auditor@council.example', licensing, licensingCsv),
      /may not add intelligence/,
    );
    await assert.rejects(
      importAs(
        'licensing@council.example',
        { ...licensing, markings: { ...licensing.markings, classification: 'OFFICIAL-SENSITIVE' } },
        licensingCsv,
      ),
      /not cleared for OFFICIAL-SENSITIVE/,
    );
    await assert.rejects(
      importAs('nobody@council.example', licensing, licensingCsv),
      /No enabled partner user/,
    );
    assert.equal(await count('entity'), 0);
  });

  it('a dry run checks every row and counts what would change, writing nothing', async () => {
    const audit = await count('audit_entry');
    const summary = await importAs('licensing@council.example', licensing, licensingCsv, {
      dryRun: true,
      previewRows: 3,
    });
    assert.deepEqual(
      [summary.rowsRead, summary.accepted, summary.rejected, summary.rejections.map((r) => r.line)],
      // Line 7's notes run over two lines, so the rejected rows are on lines 10 and 11.
      [10, 8, 2, [10, 11]],
    );
    assert.equal(summary.preview.length, 3);
    assert.ok(summary.entitiesCreated > 0);
    assert.equal(summary.entitiesUpdated, 0);
    assert.equal(await count('entity'), 0);
    assert.equal(await count('audit_entry'), audit);
  });

  it('imports the valid rows, rejects the others with their lines and reasons, and writes the rejection file', async () => {
    const summary = await importAs('licensing@council.example', licensing, licensingCsv);
    assert.deepEqual(
      summary.rejections.map((r) => [r.line, r.reason]),
      [
        [
          10,
          '"Holder date of birth": Date of birth must be a real date, like 1990-04-27; "DPS date of birth": Date of birth must be a real date, like 1990-04-27',
        ],
        [11, '"Premises postcode": Postcode must be a UK postcode, like TR1 2AB'],
      ],
    );
    assert.equal(summary.accepted, 8);
    assert.equal(summary.items.length, 1);
    const rejection = parseCsv(summary.rejectionCsv!);
    assert.equal(rejection.header.at(-1), 'Reason not imported');
    assert.deepEqual(rejection.records[0]?.fields.slice(0, 2), ['PL/2025/0102', 'Rosewarne Arms']);
    assert.equal(rejection.records.length, 2);

    // Martin Trelawny holds two licences, Arben Hoxha two premises through one company: one each.
    const people = await db().selectFrom('entity').select('caption').where('schema', '=', 'Person').execute();
    assert.equal(people.filter((p) => p.caption === 'Martin Trelawny').length, 1);
    assert.equal(summary.entitiesCreated, await count('entity'));
    assert.equal(summary.linksCreated, await count('link'));
    const premises = await db()
      .selectFrom('entity')
      .select(['properties', 'owning_agency_id', 'classification', 'source_key'])
      .where('caption', '=', 'The Anchor Inn, TR1 2HB')
      .executeTakeFirstOrThrow();
    assert.deepEqual(premises.properties, {
      name: ['The Anchor Inn'],
      licenceNumber: ['PL/2019/0142'],
      postcode: ['TR1 2HB'],
      premisesKind: ['licensed premises'],
    });
    assert.match(premises.source_key ?? '', /^council-licensing\/licensing-register:Premises:[0-9a-f]{40}$/);
    assert.equal(premises.classification, 'OFFICIAL');
  });

  it('gives every imported link the import item as its source, and the item involves every entity', async () => {
    const item = await db()
      .selectFrom('intelligence_item')
      .selectAll()
      .where('source_type', '=', 'other-system')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    assert.equal(item.source_description, 'Cornwall Council licensing register export, 2026-11');
    assert.equal(item.status, 'closed');
    assert.equal(item.outcome, 'intelligence-recorded');
    assert.match(
      item.body,
      /Imported from the file "test\.csv": Cornwall Council licensing register export, 2026-11\./,
    );
    assert.match(item.body, /Rows read: 10\. Rows accepted: 8\. Rows rejected: 2\./);
    const unsourced = await db()
      .selectFrom('link')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('link_source')
              .select('link_id')
              .whereRef('link_source.link_id', '=', 'link.id')
              .where('link_source.item_id', '=', item.id),
          ),
        ),
      )
      .execute();
    assert.deepEqual(unsourced, []);
    const involved = await db()
      .selectFrom('item_entity')
      .select(['entity_id', 'subject_category'])
      .where('item_id', '=', item.id)
      .execute();
    assert.equal(involved.length, await count('entity'));
    const holder = await db()
      .selectFrom('entity')
      .select('id')
      .where('caption', '=', 'Martin Trelawny')
      .executeTakeFirstOrThrow();
    assert.equal(involved.find((i) => i.entity_id === holder.id)?.subject_category, 'other');
  });

  it('writes one s62 collection entry per batch, naming every record the batch wrote', async () => {
    const before = await count('audit_entry');
    const csv = [
      'Full name,Date of birth,Subject category,Mobile',
      ...Array.from({ length: 5 }, (_, i) => `Person ${i},1990-01-0${i + 1},,07700 90010${i}`),
    ].join('\n');
    const mapping = parseMapping(
      JSON.stringify({
        source: 'batch-test',
        agency: 'police-public-protection',
        provenance: 'Batch test',
        markings: { classification: 'OFFICIAL', handlingCode: 'P' },
        entities: [
          {
            id: 'p',
            schema: 'Person',
            columns: { 'Full name': 'name', 'Date of birth': 'birthDate' },
            subjectCategoryColumn: 'Subject category',
          },
          { id: 'm', schema: 'Phone', columns: { Mobile: 'number' } },
        ],
        links: [{ type: 'uses-phone', from: 'p', to: 'm' }],
      }),
    );
    const summary = await importAs('analyst@police.example', mapping, csv, { batchSize: 2 });
    assert.equal(summary.accepted, 5);
    const entries = await db()
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    assert.equal(entries.length, 3, 'batches of 2, 2 and 1');
    assert.equal(summary.batchesWritten, 3);
    assert.ok(entries.every((e) => e.action === 'collection' && e.event === 'intelligence.import'));
    assert.ok(entries.every((e) => e.actor_kind === 'system' && e.purpose === 'crime-prevention'));
    const named = new Set(entries.flatMap((e) => e.record_ids));
    const written = await db()
      .selectFrom('entity')
      .select('id')
      .where('source_key', 'like', 'police-public-protection/batch-test:%')
      .execute();
    const links = await db()
      .selectFrom('link')
      .select('id')
      .where('source_key', 'like', 'police-public-protection/batch-test:%')
      .execute();
    for (const { id } of [...written, ...links]) assert.ok(named.has(id), `${id} is named`);
    assert.ok(named.has(summary.items[0]!.id));
    assert.equal(named.size, written.length + links.length + 1);
    assert.equal((entries[0]?.detail as { lines?: string } | null)?.lines, '2-3');
  });

  it('rolls back only the batch that fails: its rows are rejected, the other batches stand', async () => {
    const entitiesBefore = await count('entity');
    const csv = [
      'Full name,Date of birth',
      ...Array.from({ length: 5 }, (_, i) => `Rollback ${i},1980-02-0${i + 1}`),
    ].join('\n');
    const mapping = parseMapping(
      JSON.stringify({
        source: 'rollback-test',
        agency: 'police-public-protection',
        provenance: 'Rollback test',
        markings: { classification: 'OFFICIAL', handlingCode: 'P' },
        entities: [
          { id: 'p', schema: 'Person', columns: { 'Full name': 'name', 'Date of birth': 'birthDate' } },
        ],
      }),
    );
    const summary = await importAs('analyst@police.example', mapping, csv, {
      batchSize: 2,
      beforeCommit: (_tx, batch) =>
        batch === 2 ? Promise.reject(new Error('the disk is full')) : Promise.resolve(),
    });
    assert.deepEqual(
      summary.rejections.map((r) => [r.line, r.reason]),
      [
        [4, 'Not imported: the batch of lines 4 to 5 failed and was undone (the disk is full)'],
        [5, 'Not imported: the batch of lines 4 to 5 failed and was undone (the disk is full)'],
      ],
    );
    assert.equal(summary.accepted, 3);
    assert.equal(summary.entitiesCreated, 3);
    assert.equal(await count('entity'), entitiesBefore + 3);
    const names = await db()
      .selectFrom('entity')
      .select('caption')
      .where('caption', 'like', 'Rollback %')
      .orderBy('caption')
      .execute();
    assert.deepEqual(
      names.map((n) => n.caption),
      ['Rollback 0', 'Rollback 1', 'Rollback 4'],
    );
    // The failed first batch would have made the item: the next batch made it instead.
    const failedFirst = await importAs('analyst@police.example', mapping, csv.replace(/Rollback/g, 'Again'), {
      batchSize: 2,
      beforeCommit: (_tx, batch) => (batch === 1 ? Promise.reject(new Error('no')) : Promise.resolve()),
    });
    assert.equal(failedFirst.items.length, 1);
    const sourced = await db()
      .selectFrom('item_entity')
      .select('entity_id')
      .where('item_id', '=', failedFirst.items[0]!.id)
      .execute();
    assert.equal(sourced.length, 3);
  });

  it('re-importing the same file makes nothing new; a changed source updates what changed', async () => {
    const before = {
      entities: await count('entity'),
      links: await count('link'),
      items: await count('intelligence_item'),
    };
    const again = await importAs('licensing@council.example', licensing, licensingCsv);
    assert.deepEqual(
      [again.entitiesCreated, again.entitiesUpdated, again.linksCreated, again.linksUpdated],
      [0, 0, 0, 0],
    );
    const fromRegister = await db()
      .selectFrom('entity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_key', 'like', 'council-licensing/licensing-register:%')
      .executeTakeFirstOrThrow();
    assert.equal(again.entitiesUnchanged, fromRegister.n);
    assert.equal(await count('entity'), before.entities);
    assert.equal(await count('link'), before.links);
    assert.equal(await count('intelligence_item'), before.items + 1, 'the second import is itself recorded');

    // The licence holder's company changes its name; a licence is extended.
    const changed = licensingCsv
      .replace('Golden Dragon Redruth Ltd', 'Golden Dragon (Redruth) Ltd')
      .replace('01/04/2019,31/03/2029', '01/04/2019,31/03/2031');
    const updated = await importAs('licensing@council.example', licensing, changed);
    assert.deepEqual(
      [updated.entitiesCreated, updated.entitiesUpdated, updated.linksCreated, updated.linksUpdated],
      [0, 1, 0, 1],
    );
    assert.equal(await count('entity'), before.entities);
    const company = await db()
      .selectFrom('entity')
      .select(['caption', 'properties'])
      .where('schema', '=', 'Business')
      .where('caption', 'like', 'Golden Dragon%')
      .executeTakeFirstOrThrow();
    assert.equal(company.caption, 'Golden Dragon (Redruth) Ltd');
    const name = await db()
      .selectFrom('entity_name')
      .select('name')
      .where('normalised', '=', 'golden dragon redruth ltd')
      .executeTakeFirstOrThrow();
    assert.equal(name.name, 'Golden Dragon (Redruth) Ltd');
    const link = await db()
      .selectFrom('link')
      .innerJoin('entity', 'entity.id', 'link.to_entity_id')
      .select(['link.end_date', 'link.id'])
      .where('entity.caption', '=', 'The Anchor Inn, TR1 2HB')
      .where('link.link_type', '=', 'controls')
      .executeTakeFirstOrThrow();
    assert.equal(link.end_date, '2031-03-31');
    const sources = await db()
      .selectFrom('link_source')
      .select('item_id')
      .where('link_id', '=', link.id)
      .execute();
    assert.equal(sources.length, 3, 'each import of the register supports the link');
  });

  it('keeps a person named twice in one file with all their aliases, and re-imports them unchanged', async () => {
    const first = await importAs('analyst@police.example', nominals, nominalsCsv);
    assert.deepEqual(
      first.rejections.map((r) => r.line),
      [7, 8],
    );
    assert.equal(first.items.length, 3, 'one item per legacy grade in the file');
    const jordan = await db()
      .selectFrom('entity')
      .select(['id', 'properties'])
      .where('caption', '=', 'Jordan Kessell')
      .execute();
    assert.equal(jordan.length, 1);
    assert.deepEqual(jordan[0]?.properties.alias, ['Jord', 'JK', 'Jordy K']);
    const again = await importAs('analyst@police.example', nominals, nominalsCsv);
    assert.deepEqual(
      [again.entitiesCreated, again.entitiesUpdated, again.linksCreated, again.linksUpdated],
      [0, 0, 0, 0],
    );
    const grades = await db()
      .selectFrom('intelligence_item')
      .select(['legacy_source_evaluation', 'legacy_intelligence_assessment', 'legacy_handling'])
      .where(
        'id',
        'in',
        first.items.map((i) => i.id),
      )
      .orderBy('legacy_source_evaluation')
      .execute();
    assert.deepEqual(
      grades.map(
        (g) => `${g.legacy_source_evaluation}${g.legacy_intelligence_assessment}/${g.legacy_handling}`,
      ),
      ['A1/3', 'B2/4', 'C3/4'],
    );
  });

  it('makes a child need-to-know, with links to them, and records their category', async () => {
    const child = await db()
      .selectFrom('entity')
      .selectAll()
      .where('caption', '=', 'Kyle Tremayne')
      .executeTakeFirstOrThrow();
    assert.equal(child.child, true);
    assert.equal(child.classification, 'OFFICIAL-SENSITIVE');
    assert.ok(child.access_list_id);
    const links = await db()
      .selectFrom('link')
      .select(['access_list_id'])
      .where('from_entity_id', '=', child.id)
      .execute();
    assert.ok(links.length > 0);
    assert.ok(links.every((l) => l.access_list_id === child.access_list_id));
    const involvement = await db()
      .selectFrom('item_entity')
      .select('subject_category')
      .where('entity_id', '=', child.id)
      .executeTakeFirstOrThrow();
    assert.equal(involvement.subject_category, 'victim');
  });

  it('refuses rows naming a victim for an importer who may not read victims', async () => {
    const csv = 'Full name,DOB,Category\nVera Victim,1970-01-01,victim\nSam Suspect,1971-01-01,suspect\n';
    const mapping = parseMapping(
      JSON.stringify({
        source: 'victims-test',
        agency: 'council-licensing',
        provenance: 'Victims test',
        markings: { classification: 'OFFICIAL', handlingCode: 'P' },
        entities: [
          {
            id: 'p',
            schema: 'Person',
            columns: { 'Full name': 'name', DOB: 'birthDate' },
            subjectCategoryColumn: 'Category',
          },
        ],
      }),
    );
    const summary = await importAs('licensing@council.example', mapping, csv);
    assert.deepEqual(
      summary.rejections.map((r) => [r.line, r.reason]),
      [[2, `Only people with access to victims' details may import a victim ("Vera Victim")`]],
    );
    assert.equal(summary.accepted, 1);
  });
});
