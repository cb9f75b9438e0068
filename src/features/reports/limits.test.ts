/** Throttling and quotas on the reporting pages: a plain 429 page, answers kept, never a stack trace. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { photoWithGps } from '../../../test/support/report-files.js';
import {
  enterReceipt,
  GOOD_ANSWERS,
  postReportForm,
  receiptFrom,
  sendFromCheckPage,
} from '../../../test/support/reports.js';
import { ConfigError, loadConfig, testConfig } from '../../config.js';

const DEFAULTS = testConfig({ kind: 'pglite', dataDir: '(unused)' }).reports;

describe(`report rate limits and quotas on ${testDatabaseKind}`, () => {
  const apps: TestApp[] = [];
  after(() => Promise.all(apps.map((app) => app.stop())));
  const start = async (limits: Partial<typeof DEFAULTS>) => {
    const app = await startTestApp({ config: { reports: { ...DEFAULTS, ...limits } } });
    apps.push(app);
    return app;
  };
  const spoofed = (i: number) => ({ headers: { 'x-forwarded-for': `198.51.100.${i}` } });

  it('has sensible defaults', () => {
    assert.deepEqual(DEFAULTS, {
      formsPerClientPerHour: 30,
      reportsPerHour: 200,
      receiptChecksPerClientPerHour: 20,
      receiptChecksPerHour: 1000,
      uploadMaxBytes: 10 * 1024 * 1024,
      uploadBytesPerDay: 2 * 1024 * 1024 * 1024,
    });
  });

  it('refuses to start with a bad limit, naming it', () => {
    assert.throws(
      () => loadConfig({ UPLOAD_MAX_BYTES: 'lots', REPORTS_PER_HOUR: '0' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some((p) => p.startsWith('UPLOAD_MAX_BYTES')) &&
        error.problems.some((p) => p.startsWith('REPORTS_PER_HOUR')),
    );
    assert.equal(loadConfig({ UPLOAD_MAX_BYTES: '2097152' }).reports.uploadMaxBytes, 2097152);
  });

  it('throttles receipt checks per client, whatever X-Forwarded-For says', async () => {
    const app = await start({ receiptChecksPerClientPerHour: 3 });
    for (let i = 0; i < 3; i++) {
      assert.equal((await enterReceipt(app, 'A'.repeat(36), spoofed(i))).status, 400);
    }
    const limited = await enterReceipt(app, 'A'.repeat(36), spoofed(99));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('cache-control'), 'no-store');
    const root = parseHtml(await limited.text());
    assert.match(
      textOf(root, '.govuk-error-summary'),
      /You have tried to enter a receipt code too many times. Wait an hour, then try again/,
    );
    assert.doesNotMatch(textOf(root, 'main'), /Error:.*at |stack/i);
  });

  it('behind the one trusted proxy (TRUST_PROXY), counts each client the proxy names', async () => {
    const app = await startTestApp({
      config: { trustProxy: 'loopback', reports: { ...DEFAULTS, receiptChecksPerClientPerHour: 1 } },
    });
    apps.push(app);
    assert.equal((await enterReceipt(app, 'A'.repeat(36), spoofed(1))).status, 400);
    assert.equal((await enterReceipt(app, 'A'.repeat(36), spoofed(2))).status, 400, 'another client');
    assert.equal((await enterReceipt(app, 'A'.repeat(36), spoofed(1))).status, 429, 'the first one again');
    assert.doesNotMatch(app.logText(), /198\.51\.100/);
  });

  it('throttles receipt checks for everyone together', async () => {
    const app = await start({ receiptChecksPerHour: 2 });
    assert.equal((await enterReceipt(app, 'B'.repeat(36))).status, 400);
    assert.equal((await enterReceipt(app, 'C'.repeat(36))).status, 400);
    assert.equal((await enterReceipt(app, 'D'.repeat(36))).status, 429);
  });

  it("pauses one report's look-ups after repeated wrong codes, even with the right one", async () => {
    const app = await start({});
    const check = await postReportForm(app, GOOD_ANSWERS);
    const receipt = receiptFrom(await (await sendFromCheckPage(app, await check.text())).text());
    const wrong = receipt.slice(0, 10) + (receipt[10] === '0' ? '1' : '0') + receipt.slice(11);
    for (let i = 0; i < 10; i++) assert.equal((await enterReceipt(app, wrong)).status, 400);
    assert.equal((await enterReceipt(app, receipt)).status, 429);
  });

  it('throttles report forms per client, keeping the answers', async () => {
    const app = await start({ formsPerClientPerHour: 2 });
    assert.equal((await postReportForm(app, GOOD_ANSWERS, undefined, spoofed(1))).status, 200);
    assert.equal((await postReportForm(app, GOOD_ANSWERS, undefined, spoofed(2))).status, 200);
    const limited = await postReportForm(app, GOOD_ANSWERS, undefined, spoofed(3));
    assert.equal(limited.status, 429);
    const root = parseHtml(await limited.text());
    assert.match(
      textOf(root, '.govuk-error-summary'),
      /You have sent a lot of forms in a short time. Wait an hour/,
    );
    assert.equal(root.querySelector('#what')?.text, GOOD_ANSWERS.what);
  });

  it('stops taking reports when the hourly quota for everyone is reached', async () => {
    const app = await start({ reportsPerHour: 1 });
    const first = await postReportForm(app, GOOD_ANSWERS);
    assert.equal((await sendFromCheckPage(app, await first.text())).status, 200);
    const second = await postReportForm(app, GOOD_ANSWERS);
    const refused = await sendFromCheckPage(app, await second.text());
    assert.equal(refused.status, 429);
    const root = parseHtml(await refused.text());
    assert.match(textOf(root, '.govuk-error-summary'), /We are getting a very large number of reports/);
    assert.ok(
      root.querySelector('form[action="/report/send"] input[name=what]'),
      'the answers are kept to send later',
    );
    const count = await app.lantern.database.db
      .selectFrom('public_report')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
    assert.ok(
      !app.logs.some(
        (line) => line.msg === 'request failed' || line.msg === 's62 audit entry count is wrong',
      ),
    );
  });

  it('stops taking files when the daily upload quota is reached, so a flood cannot fill the disk', async () => {
    const photo = await photoWithGps();
    const app = await start({ uploadBytesPerDay: 1024 * 1024 });
    // Fill the quota as a flood would have.
    await app.lantern.database.db
      .insertInto('public_report_pending_file')
      .values({
        token_hash: 'f'.repeat(64),
        media_type: 'image/jpeg',
        original: Buffer.alloc(1024 * 1024 - 100),
        sanitised: Buffer.alloc(1),
        findings: '[]',
        byte_size: 1024 * 1024 - 100,
        expires_at: new Date(Date.now() + 60_000),
      })
      .execute();
    const refused = await postReportForm(app, GOOD_ANSWERS, {
      bytes: photo,
      name: 'a.jpg',
      type: 'image/jpeg',
    });
    assert.equal(refused.status, 429);
    const root = parseHtml(await refused.text());
    assert.match(
      textOf(root, '#file-error'),
      /We cannot take any more files today. Send your report without the file/,
    );
    assert.equal(root.querySelector('#what')?.text, GOOD_ANSWERS.what);
    // Without the file, the report still goes.
    const withoutFile = await postReportForm(app, GOOD_ANSWERS);
    assert.equal((await sendFromCheckPage(app, await withoutFile.text())).status, 200);
  });
});
