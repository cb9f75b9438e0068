/**
 * Nothing about the client is kept anywhere: reports are sent, read and added to with distinctive
 * client details, then every table of the database and every log line is searched for them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml } from '../../../test/support/html.js';
import { photoWithGps } from '../../../test/support/report-files.js';
import {
  enterReceipt,
  GOOD_ANSWERS,
  hiddenFields,
  postReportForm,
  receiptFrom,
  sendFromCheckPage,
} from '../../../test/support/reports.js';

/** Client details no store may hold. Each is unlike anything Lantern writes itself. */
const CLIENTS: Record<string, string>[] = [
  {
    'user-agent': 'ProbeAgent/7.3 (Kernow; zq-handset-4471)',
    'x-forwarded-for': '198.51.100.73, 203.0.113.19',
    referer: 'https://referrer.example/private-page-q7x',
    'accept-language': 'kw-probe;q=0.9',
    'x-real-ip': '192.0.2.201',
    forwarded: 'for=192.0.2.202;proto=https',
    'cf-connecting-ip': '192.0.2.203',
    'true-client-ip': '192.0.2.204',
    'x-client-id': 'device-fingerprint-zz81',
    'x-request-id': 'client-chosen-request-id-55',
    dnt: '1',
  },
  {
    'user-agent': 'OtherProbe/1.0 (dial-up-9931)',
    'x-forwarded-for': '2001:db8::beef:1',
    referer: 'https://search.example/?q=report+my+neighbour+secretly',
    'accept-language': 'xx-probe-lang',
    'x-real-ip': '192.0.2.205',
  },
];
const NEEDLES = [
  ...new Set(
    CLIENTS.flatMap((headers) => Object.values(headers))
      .flatMap((value) => [value, ...value.split(/[,;= ]+/)])
      .filter((value) => value.length >= 6 && !/^(https?|proto|https)$/.test(value)),
  ),
  '127.0.0.1', // the test client's real address
  'IMG_0042_at_home.jpg', // the file's name on the reporter's device
];

describe(`no client identifier in any store, on ${testDatabaseKind}`, () => {
  let app: TestApp;
  const responses: Response[] = [];
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  const track = (response: Response) => {
    responses.push(response);
    return response;
  };

  it('sends, comes back and adds information with varied client details', async () => {
    for (const headers of CLIENTS) {
      const init = { headers };
      const check = track(
        await postReportForm(
          app,
          GOOD_ANSWERS,
          { bytes: await photoWithGps(), name: 'IMG_0042_at_home.jpg', type: 'image/jpeg' },
          init,
        ),
      );
      assert.equal(check.status, 200);
      const sent = track(await sendFromCheckPage(app, await check.text(), { fileChoice: 'send' }, init));
      assert.equal(sent.status, 200);
      const receipt = receiptFrom(await sent.text());
      const back = track(await enterReceipt(app, receipt, init));
      assert.equal(back.status, 200);
      const backHtml = await back.text();
      const added = track(
        await app.postForm(
          '/report/add',
          { ...hiddenFields(backHtml, '/report/add'), information: 'More detail' },
          init,
        ),
      );
      assert.equal(added.status, 200);
      // A mistake too: error pages must not keep anything either.
      track(await enterReceipt(app, 'wrong', init));
      track(await app.get('/report/return', init));
      track(await app.get('/report', init));
    }
    const reports = await app.lantern.database.db.selectFrom('public_report').select('id').execute();
    assert.equal(reports.length, CLIENTS.length);
  });

  it('finds none of them in any column of any table', async () => {
    const db = app.lantern.database.db;
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
    assert.ok(tables.rows.some((t) => t.name === 'public_report_file'));
    let rowsSearched = 0;
    const found: string[] = [];
    for (const { name } of tables.rows) {
      // Each row as text: every column, bytea as hex, json as written.
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
      for (const { row } of rows.rows) {
        rowsSearched += 1;
        for (const needle of NEEDLES) {
          const hex = Buffer.from(needle).toString('hex');
          if (row.includes(needle) || row.toLowerCase().includes(hex)) found.push(`${name}: ${needle}`);
        }
      }
    }
    assert.ok(rowsSearched > 20, `searched ${rowsSearched} rows`);
    assert.deepEqual(found, []);
  });

  it('finds none of them in the logs, and the logs name the routes that ran', () => {
    const text = app.logText();
    assert.match(text, /"route":"\/report\/send"/);
    assert.deepEqual(
      NEEDLES.filter((needle) => text.includes(needle)),
      [],
    );
    assert.doesNotMatch(text, /remoteAddress|remotePort|user-agent|"ip"/i);
  });

  it('sets no cookie, keeps nothing in caches, sends no referrer and loads nothing from elsewhere', async () => {
    assert.ok(responses.length >= 14);
    for (const response of responses) {
      assert.equal(response.headers.get('set-cookie'), null, response.url);
      assert.equal(response.headers.get('cache-control'), 'no-store', response.url);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', response.url);
      assert.ok(!response.headers.has('x-forwarded-for'));
    }
    for (const path of ['/report', '/report/return']) {
      const root = parseHtml(await (await app.get(path)).text());
      const external = root
        .querySelectorAll('script[src], link[href], img[src], form[action], iframe')
        .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('action') ?? '')
        .filter((url) => /^(https?:)?\/\//.test(url));
      assert.deepEqual(external, [], path);
    }
  });

  it('puts no client details in audit entries', async () => {
    const entries = await app.lantern.database.db.selectFrom('audit_entry').selectAll().execute();
    assert.ok(entries.length >= 3 * CLIENTS.length);
    for (const entry of entries) {
      assert.equal(entry.actor_kind, 'public');
      const text = JSON.stringify(entry);
      for (const needle of NEEDLES) assert.ok(!text.includes(needle), needle);
    }
  });
});
