/**
 * The link-chart import page through a running app: upload → check → confirm → summary and the
 * rejected rows; a bad file sent back with a clear message and nothing written; the upload held
 * for its owner only; 404 for anyone whose role may not read intelligence. The harness checks the
 * one s62 entry per import when the app stops (test/support/app.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { signedInPartner, type PartnerClient, type TestPartner } from '../../../../test/support/partner.js';
import { parseCsv } from '../../intelligence/index.js';

const PAGE = '/partner/network/import';
const CHART = [
  'From,To,Link type,Date,To type,Confidence',
  'Dean Oneil,Kelly Rowe,associate of,2024-03-01,,high',
  'Kelly Rowe,07700 900123,uses phone,,Phone,',
  '=HYPERLINK("http://evil.example"),Kelly Rowe,associate of,,,',
  'Dean Oneil,Kelly Rowe,knows,,,',
].join('\r\n');

async function send(client: PartnerClient, file?: { name: string; text: string | Uint8Array }) {
  const html = await (await client.get(PAGE)).text();
  const token = /action="\/partner\/network\/import\?_csrf=([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the form carries its CSRF token in its action');
  const form = new FormData();
  if (file) {
    const bytes = typeof file.text === 'string' ? new TextEncoder().encode(file.text) : file.text;
    form.append('csv', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), file.name);
  }
  return client.get(`${PAGE}?_csrf=${token}`, { method: 'POST', body: form });
}

describe(`the link-chart import page on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner;
  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, {
      agency: 'police-public-protection',
      roles: ['public-protection-analyst'],
      clearance: 'OFFICIAL-SENSITIVE',
    });
  });
  after(() => app.stop());

  const count = async (table: 'entity' | 'link' | 'intelligence_item' | 'import_upload' | 'audit_entry') =>
    (
      await app.lantern.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  let checkPage = '';

  it('is not found for someone whose role does not read intelligence', async () => {
    const auditor = await signedInPartner(app, {
      agency: 'police-public-protection',
      roles: ['information-governance'],
    });
    const response = await auditor.client.get(PAGE);
    assert.equal(response.status, 404);
    const missing = await auditor.client.get('/partner/no-such-page');
    const withoutNonce = async (r: Response) => (await r.text()).replace(/nonce="[^"]*"/g, '');
    assert.equal(await withoutNonce(response), await withoutNonce(missing), 'the same 404 as a missing page');
  });

  it('sends a bad file back with a clear message, and writes nothing', async () => {
    const before = [
      await count('entity'),
      await count('link'),
      await count('intelligence_item'),
      await count('import_upload'),
    ];
    const cases: [Parameters<typeof send>[1], RegExp][] = [
      [undefined, /Select a CSV file/],
      [{ name: 'people.csv', text: 'name,age\nDean,40\n' }, /no "from", "to" or "link type" column/],
      [{ name: 'header.csv', text: 'from,to,link type\n' }, /no links in it/],
      [{ name: 'latin1.csv', text: new Uint8Array([0x66, 0x72, 0x6f, 0x6d, 0x0a, 0xe9, 0xff]) }, /not UTF-8/],
    ];
    for (const [file, message] of cases) {
      const response = await send(analyst.client, file);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), PAGE);
      const page = parseHtml(await (await analyst.client.get(PAGE)).text());
      assert.match(textOf(page, '.govuk-error-summary'), message);
      assert.match(textOf(page, '#csv-error'), message);
    }
    assert.deepEqual(before, [
      await count('entity'),
      await count('link'),
      await count('intelligence_item'),
      await count('import_upload'),
    ]);
  });

  it('checks the file: what it would create, and the rows it cannot import with their reasons', async () => {
    const form = parseHtml(await (await analyst.client.get(PAGE)).text());
    assert.equal(textOf(form, 'h1'), 'Import a link chart');
    const response = await send(analyst.client, { name: 'county lines chart.csv', text: CHART });
    assert.equal(response.status, 303);
    checkPage = response.headers.get('location') ?? '';
    assert.match(checkPage, /^\/partner\/network\/import\/[0-9a-f-]{36}$/);
    const page = parseHtml(await (await analyst.client.get(checkPage)).text());
    assert.equal(textOf(page, 'h1'), 'Check the link chart');
    const counts = textOf(page, '[data-testid=counts]');
    assert.match(counts, /Rows read 4/);
    assert.match(counts, /Links that can be imported 2/);
    assert.match(counts, /Rows that cannot be imported 2/);
    assert.match(counts, /Entities it would add 3/);
    assert.match(counts, /Links it would add 2/);
    assert.deepEqual(
      page
        .querySelectorAll('[data-testid=new-entities] tbody tr')
        .map((row) => row.text.replace(/\s+/g, ' ').trim()),
      ['Dean Oneil Person', 'Kelly Rowe Person', '+447700900123 Phone'],
    );
    const rejections = page
      .querySelectorAll('[data-testid=rejections] tbody tr')
      .map((row) => row.text.replace(/\s+/g, ' ').trim());
    assert.equal(rejections.length, 2);
    assert.match(rejections[0] ?? '', /^4 "from": .* looks like a spreadsheet formula/);
    assert.match(rejections[1] ?? '', /^5 "link type": "knows" is not a type of link/);
    assert.equal(await count('entity'), 0, 'checking writes nothing');
    // Someone else's upload is not found, even to a colleague.
    const colleague = await signedInPartner(app, {
      agency: 'police-public-protection',
      roles: ['public-protection-analyst'],
    });
    assert.equal((await colleague.client.get(checkPage)).status, 404);
  });

  it('imports on confirmation, once, and offers the rejected rows with formulas made harmless', async () => {
    // Fetching the form is the check page again: its own consultation, before the count starts.
    const token = await analyst.client.csrfFor(checkPage);
    const auditBefore = await count('audit_entry');
    const confirm = () =>
      analyst.client.get(checkPage, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token }).toString(),
      });
    const response = await confirm();
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${checkPage}/summary`);
    assert.equal(await count('entity'), 3);
    assert.equal(await count('link'), 2);
    assert.equal((await confirm()).headers.get('location'), `${checkPage}/summary`, 'a second click');
    assert.equal(await count('link'), 2, 'imported once');

    const summary = textOf(
      parseHtml(await (await analyst.client.get(`${checkPage}/summary`)).text()),
      '[data-testid=summary]',
    );
    assert.match(summary, /File county lines chart\.csv/);
    assert.match(summary, /Entities added 3/);
    assert.match(summary, /Links added 2/);
    assert.match(summary, /Intelligence item INT-\d{6}/);

    const entries = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_user_id', 'record_ids'])
      .where('event', '=', 'network.link-chart.import')
      .execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.action, 'collection');
    assert.equal(entries[0].actor_user_id, analyst.id);
    assert.equal(entries[0].record_ids.length, 1 + 3 + 2, 'the item, the entities and the links');
    assert.equal((await count('audit_entry')) - auditBefore, 1);

    const download = await analyst.client.get(`${checkPage}/rejections.csv`);
    assert.equal(download.status, 200);
    assert.equal(
      download.headers.get('content-disposition'),
      'attachment; filename="county-lines-chart-rejects.csv"',
    );
    const text = await download.text();
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'the formula gets an apostrophe');
    const rejected = parseCsv(text);
    assert.equal(rejected.header.at(-1), 'Reason not imported');
    assert.equal(rejected.records.length, 2);
  });
  it('a check that shows names and links already on record is a consultation naming them', async () => {
    const imported = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select('record_ids')
      .where('event', '=', 'network.link-chart.import')
      .executeTakeFirstOrThrow();
    const response = await send(analyst.client, { name: 'again.csv', text: CHART });
    const again = response.headers.get('location') ?? '';
    const page = await (await analyst.client.get(again)).text();
    assert.match(page, /Already on record/);
    const entry = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['action', 'record_ids'])
      .where('event', '=', 'network.link-chart.check')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, 'consultation');
    // Every entity and link the first import wrote, and nothing else (the item is not shown).
    const expected = imported.record_ids.filter((id) => entry.record_ids.includes(id));
    assert.equal(entry.record_ids.length, 3 + 2, 'the three people and the two links');
    assert.deepEqual([...entry.record_ids].sort(), [...expected].sort());
  });
});
