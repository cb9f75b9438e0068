/**
 * The partner page, through a running app: upload → check (a dry run) → import → summary and the
 * rejected rows; the errors a person can make; uploads held for their owner only; one s62 entry
 * per batch (test/support/app.ts checks the count when the app stops).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { signedInPartner, type PartnerClient, type TestPartner } from '../../../../test/support/partner.js';
import { projectPath } from '../../../paths.js';
import { parseCsv } from './csv.js';

const PAGE = '/partner/intelligence/import';
const example = (name: string) => readFileSync(projectPath('examples/import', name));

async function send(
  client: PartnerClient,
  fields: Record<string, string | { name: string; bytes: Uint8Array }>,
) {
  const html = await (await client.get(PAGE)).text();
  const token = /action="\/partner\/intelligence\/import\?_csrf=([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the form carries its CSRF token in its action');
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.bytes)], { type: 'text/csv' }), value.name);
  }
  return client.get(`${PAGE}?_csrf=${token}`, { method: 'POST', body: form });
}

/** The errors the form shows after a refused upload. */
async function formErrors(client: PartnerClient, response: Response): Promise<string> {
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), PAGE);
  const page = parseHtml(await (await client.get(PAGE)).text());
  return textOf(page, '.govuk-error-summary');
}

describe(`the import page on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let officer: TestPartner;
  before(async () => {
    app = await startTestApp();
    officer = await signedInPartner(app, {
      agency: 'council-licensing',
      roles: ['council-officer'],
      clearance: 'OFFICIAL',
    });
  });
  after(() => app.stop());

  const count = async (table: 'entity' | 'link') =>
    (
      await app.lantern.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  let checkPage: string;
  /** The token the check page's form carried, to send the confirmation twice (a double click). */
  let confirmToken: string;
  const confirm = (token: string) =>
    officer.client.get(checkPage, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token }).toString(),
    });

  it('uploads a CSV with a saved mapping and shows the check page: counts, the first rows, the rejected ones', async () => {
    const form = parseHtml(await (await officer.client.get(PAGE)).text());
    assert.equal(textOf(form, 'h1'), 'Import people, places and things from a CSV file');
    assert.ok(form.querySelector('input[type=file][name=csv]'));
    assert.ok(form.querySelector('select[name=mappingName] option[value=licensing-register]'));

    const response = await send(officer.client, {
      csv: { name: 'licensing-register.csv', bytes: example('licensing-register.csv') },
      mappingName: 'licensing-register',
    });
    assert.equal(response.status, 303);
    checkPage = response.headers.get('location') ?? '';
    assert.match(checkPage, /^\/partner\/intelligence\/import\/[0-9a-f-]{36}$/);

    const page = parseHtml(await (await officer.client.get(checkPage)).text());
    assert.equal(textOf(page, 'h1'), 'Check the import');
    const counts = textOf(page, '[data-testid=counts]');
    assert.match(counts, /Rows read 10/);
    assert.match(counts, /Rows that can be imported 8/);
    assert.match(counts, /Rows that cannot be imported 2/);
    assert.match(counts, /Entities it would add 28/);
    assert.match(counts, /Links it would add 20/);
    const preview = page.querySelectorAll('[data-testid=preview] tbody tr');
    assert.equal(preview.length, 5);
    assert.match(preview[0]!.text, /Premises: The Anchor Inn, TR1 2HB/);
    assert.match(
      preview[0]!.text,
      /Martin Trelawny controls The Anchor Inn, TR1 2HB \(from 2019-04-01 to 2029-03-31\), high confidence/,
    );
    const rejections = page
      .querySelectorAll('[data-testid=rejections] tbody tr')
      .map((row) => row.text.replace(/\s+/g, ' ').trim());
    assert.deepEqual(rejections, [
      '10 "Holder date of birth": Date of birth must be a real date, like 1990-04-27; "DPS date of birth": Date of birth must be a real date, like 1990-04-27',
      '11 "Premises postcode": Postcode must be a UK postcode, like TR1 2AB',
    ]);
    assert.equal(await count('entity'), 0, 'checking writes nothing');
  });

  it('imports on confirmation, shows the summary, and offers the rejected rows to download', async () => {
    confirmToken = await officer.client.csrfFor(checkPage);
    const response = await confirm(confirmToken);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${checkPage}/summary`);
    assert.equal(await count('entity'), 28);
    assert.equal(await count('link'), 20);

    const page = parseHtml(await (await officer.client.get(`${checkPage}/summary`)).text());
    const summary = textOf(page, '[data-testid=summary]');
    assert.match(summary, /File licensing-register\.csv/);
    assert.match(summary, /Rows imported 8/);
    assert.match(summary, /Rows not imported 2/);
    assert.match(summary, /Entities added 28/);
    assert.match(summary, /Links added 20/);
    assert.match(summary, /Intelligence item INT-\d{6}/);

    const download = await officer.client.get(`${checkPage}/rejections.csv`);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(
      download.headers.get('content-disposition'),
      'attachment; filename="licensing-register-rejects.csv"',
    );
    const rejected = parseCsv(await download.text());
    assert.equal(rejected.header.at(-1), 'Reason not imported');
    assert.deepEqual(
      rejected.records.map((r) => r.fields[1]),
      ['Rosewarne Arms', 'The Old Custom House'],
    );

    const entries = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_user_id', 'record_ids'])
      .where('event', '=', 'intelligence.import')
      .execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.actor_user_id, officer.id);
    assert.equal(entries[0].record_ids.length, 1 + 28 + 20, 'the item, every entity and every link');
  });

  it('does not import twice when the confirmation is sent again, and the check page moves on', async () => {
    const again = await confirm(confirmToken);
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), `${checkPage}/summary`);
    assert.equal(await count('entity'), 28);
    const check = await officer.client.get(checkPage);
    assert.equal(check.status, 303);
    assert.equal(check.headers.get('location'), `${checkPage}/summary`);
  });

  it('re-importing the same file through the page makes nothing new', async () => {
    const response = await send(officer.client, {
      csv: { name: 'licensing-register.csv', bytes: example('licensing-register.csv') },
      mappingName: 'licensing-register',
    });
    const check = response.headers.get('location') ?? '';
    const counts = textOf(parseHtml(await (await officer.client.get(check)).text()), '[data-testid=counts]');
    assert.match(counts, /Entities it would add 0/);
    assert.match(counts, /Entities already in Lantern from this source 28/);
    await officer.client.post(check, {});
    const summary = textOf(
      parseHtml(await (await officer.client.get(`${check}/summary`)).text()),
      '[data-testid=summary]',
    );
    assert.match(summary, /Entities added 0/);
    assert.match(summary, /Entities unchanged 28/);
    assert.match(summary, /Links unchanged 20/);
    assert.equal(await count('entity'), 28);
  });

  it('keeps an upload for the person who sent it: to anyone else it is not found', async () => {
    const other = await signedInPartner(app, { agency: 'council-licensing', roles: ['council-officer'] });
    for (const path of [checkPage, `${checkPage}/summary`, `${checkPage}/rejections.csv`]) {
      const response = await other.client.get(path);
      assert.equal(response.status, 404, path);
    }
    const auditor = await signedInPartner(app, {
      agency: 'council-licensing',
      roles: ['information-governance'],
    });
    assert.equal((await auditor.client.get(PAGE)).status, 404);
    assert.equal((await officer.client.get(`${PAGE}/not-an-id`)).status, 404);
  });

  it('sends the form back with a clear message for each mistake, changing nothing', async () => {
    const csv = { name: 'licensing-register.csv', bytes: example('licensing-register.csv') };
    assert.match(
      await formErrors(officer.client, await send(officer.client, { mappingName: 'licensing-register' })),
      /Select a CSV file/,
    );
    assert.match(
      await formErrors(officer.client, await send(officer.client, { csv, mappingName: '' })),
      /Choose a mapping/,
    );
    assert.match(
      await formErrors(officer.client, await send(officer.client, { csv, mappingName: 'uploaded' })),
      /Select a mapping file/,
    );
    const tooLarge = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    assert.match(
      await formErrors(
        officer.client,
        await send(officer.client, {
          csv: { name: 'big.csv', bytes: tooLarge },
          mappingName: 'licensing-register',
        }),
      ),
      /The CSV file must be smaller than 10 MB/,
    );
    assert.match(
      await formErrors(officer.client, await send(officer.client, { csv, mappingName: 'police-nominals' })),
      /an agency imports only its own records/,
    );
    assert.match(
      await formErrors(
        officer.client,
        await send(officer.client, {
          csv,
          mappingName: 'uploaded',
          mappingFile: { name: 'mine.json', bytes: new TextEncoder().encode('{"source": "x"}') },
        }),
      ),
      /agency: .*provenance: /,
    );
    assert.match(
      await formErrors(
        officer.client,
        await send(officer.client, {
          csv: { name: 'other.csv', bytes: new TextEncoder().encode('Name\nJo\n') },
          mappingName: 'licensing-register',
        }),
      ),
      /The file has no column "Premises name"/,
    );
    assert.equal(await count('entity'), 28);
  });

  it('imports a larger file in batches, one s62 entry for each', async () => {
    const rows = Array.from({ length: 520 }, (_, i) => `07700 9${String(i).padStart(5, '0')}`);
    const mapping = {
      source: 'phone-list',
      agency: 'council-licensing',
      provenance: 'Phone list test',
      markings: { classification: 'OFFICIAL', handlingCode: 'P' },
      entities: [{ id: 'phone', schema: 'Phone', columns: { Number: 'number' } }],
    };
    const response = await send(officer.client, {
      csv: { name: 'phones.csv', bytes: new TextEncoder().encode(['Number', ...rows].join('\r\n')) },
      mappingName: 'uploaded',
      mappingFile: { name: 'phones.json', bytes: new TextEncoder().encode(JSON.stringify(mapping)) },
    });
    const check = response.headers.get('location') ?? '';
    const before = await count('entity');
    const imported = await officer.client.post(check, {});
    assert.equal(imported.status, 303);
    assert.equal(await count('entity'), before + 520);
    const entries = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select('detail')
      .where('event', '=', 'intelligence.import')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    assert.deepEqual(
      entries.map((e) => (e.detail as { lines?: string }).lines),
      ['502-521', '2-501'],
    );
    const log = app.logs.find(
      (line) =>
        line.msg === 'request' && line.event === 'intelligence.import.confirm' && line.operations === 2,
    );
    assert.ok(log, 'the request says it performed two operations');
    assert.equal(log.audited, 2);
  });
});
