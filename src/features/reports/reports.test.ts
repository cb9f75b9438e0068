/**
 * The anonymous reporting journey over HTTP, as a browser without JavaScript sends it, on the
 * test database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import exifr from 'exifr';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import {
  heicHeader,
  pdfWithAuthor,
  photoWithGps,
  PHOTO_SECRETS,
} from '../../../test/support/report-files.js';
import {
  enterReceipt,
  GOOD_ANSWERS,
  hiddenFields,
  postReportForm,
  receiptFrom,
  sendFromCheckPage,
} from '../../../test/support/reports.js';
import { addPartnershipMessage, EVIDENCE_ACCESS_LIST_ID, HANDLING_CONDITIONS } from './queries.js';

describe(`anonymous reports on ${testDatabaseKind}`, () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  const db = () => app.lantern.database.db;
  const count = async (
    table: 'public_report' | 'public_report_file' | 'public_report_pending_file' | 'public_report_message',
  ) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditFor = (reportId: string) =>
    db()
      .selectFrom('audit_entry')
      .selectAll()
      .where('record_ids', '@>', sql<string[]>`array[${reportId}]::uuid[]`)
      .orderBy('seq')
      .execute();

  async function sendReport(
    answers: Record<string, string> = GOOD_ANSWERS,
    file?: Buffer,
  ): Promise<{ receipt: string; reportId: string; html: string }> {
    const check = await postReportForm(
      app,
      answers,
      file ? { bytes: file, name: 'IMG_0042.jpg', type: 'image/jpeg' } : undefined,
    );
    assert.equal(check.status, 200);
    const sent = await sendFromCheckPage(app, await check.text(), file ? { fileChoice: 'send' } : {});
    assert.equal(sent.status, 200);
    const html = await sent.text();
    const receipt = receiptFrom(html);
    const row = await db()
      .selectFrom('public_report')
      .select('id')
      .where('lookup_id', '=', receipt.replace(/-/g, '').slice(0, 8))
      .executeTakeFirstOrThrow();
    return { receipt, reportId: row.id, html };
  }

  it('shows the report form: no cookie, no-store, no referrer, honest about anonymity and 999', async () => {
    const response = await app.get('/report');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    const root = parseHtml(await response.text());
    assert.equal(textOf(root, 'h1'), 'Tell us about organised crime anonymously');
    assert.match(textOf(root, 'main'), /not for emergencies. If someone is in danger now, call 999/);
    assert.match(textOf(root, 'main'), /Anonymous does not mean secret/);
    assert.match(textOf(root, 'main'), /do not put anything in your report that could show who you are/);
    assert.ok(root.querySelector('.govuk-exit-this-page'), 'the quick exit is there');
    const form = root.querySelector('form[enctype="multipart/form-data"]');
    assert.match(form?.getAttribute('action') ?? '', /^\/report\?_csrf=/);
    const categories = root
      .querySelectorAll('input[name=category]')
      .map((input) => input.getAttribute('value'));
    assert.equal(categories.length, 10, 'the nine threats and "not sure"');
    assert.ok(categories.includes('not-sure'));
    assert.ok(root.querySelector('input[type=file][name=file]'));
  });

  it('takes a report with a photo: receipt shown once, file kept twice, GPS only in the evidence original', async () => {
    const photo = await photoWithGps();
    const check = await postReportForm(app, GOOD_ANSWERS, {
      bytes: photo,
      name: 'IMG_0042.jpg',
      type: 'image/jpeg',
    });
    assert.equal(check.status, 200);
    assert.equal(check.headers.get('cache-control'), 'no-store');
    const checkHtml = await check.text();
    const checkPage = parseHtml(checkHtml);
    assert.equal(textOf(checkPage, 'h1'), 'Check your report before you send it');
    assert.match(textOf(checkPage, '.govuk-summary-list'), /Cars stop outside number 4/);
    assert.match(textOf(checkPage, '.govuk-summary-list'), /Illegal drugs/);
    const shows = textOf(checkPage, 'main');
    assert.match(shows, /the place where it was taken/);
    assert.match(shows, /the camera's serial number/);
    assert.match(shows, /a name, which may be yours/);
    assert.equal(await count('public_report'), 0, 'nothing is a report until it is sent');

    const sent = await sendFromCheckPage(app, checkHtml, { fileChoice: 'send' });
    assert.equal(sent.status, 200);
    assert.equal(sent.headers.get('cache-control'), 'no-store');
    assert.equal(sent.headers.get('set-cookie'), null);
    const receiptHtml = await sent.text();
    assert.equal(textOf(parseHtml(receiptHtml), '.govuk-panel__title'), 'Report sent');
    const receipt = receiptFrom(receiptHtml);
    assert.match(receipt, /^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);

    const report = await db().selectFrom('public_report').selectAll().executeTakeFirstOrThrow();
    assert.equal(report.what, GOOD_ANSWERS.what);
    assert.equal(report.category, 'illegal-drugs');
    assert.equal(report.when_date, '2025-03-14');
    assert.equal(report.lookup_id, receipt.replace(/-/g, '').slice(0, 8));
    assert.match(report.secret_hash, /^\$argon2id\$/);
    assert.ok(!report.secret_hash.includes(receipt.replace(/-/g, '').slice(8)), 'only a hash of the secret');
    // Every public report: OFFICIAL-SENSITIVE, handling C with conditions, owned by the receiving agency.
    const hub = await db()
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'partnership-hub')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [
        report.classification,
        report.handling_code,
        report.handling_conditions,
        report.owning_agency_id,
        report.access_list_id,
      ],
      ['OFFICIAL-SENSITIVE', 'C', HANDLING_CONDITIONS, hub.id, null],
    );
    assert.match(HANDLING_CONDITIONS, /Never disclose anything that could identify the reporter/);

    const files = await db()
      .selectFrom('public_report_file')
      .selectAll()
      .where('report_id', '=', report.id)
      .execute();
    const original = files.find((f) => f.variant === 'original')!;
    const sanitised = files.find((f) => f.variant === 'sanitised')!;
    assert.equal(files.length, 2);
    // The original only under the named evidence list, whose member is the receiving agency.
    assert.equal(original.access_list_id, EVIDENCE_ACCESS_LIST_ID);
    const members = await db()
      .selectFrom('access_list_member')
      .select('agency_id')
      .where('access_list_id', '=', EVIDENCE_ACCESS_LIST_ID)
      .execute();
    assert.deepEqual(members, [{ agency_id: hub.id }]);
    assert.equal(sanitised.access_list_id, null);
    assert.equal(sanitised.original_id, original.id);
    for (const file of files) {
      assert.equal(file.classification, 'OFFICIAL-SENSITIVE');
      assert.equal(file.owning_agency_id, hub.id);
      assert.equal(file.media_type, 'image/jpeg');
    }
    assert.ok(Buffer.from(original.content).equals(photo), 'the original, byte for byte');
    assert.deepEqual(await exifr.gps(Buffer.from(original.content)), { latitude: 50.26, longitude: -5.05 });
    assert.equal(
      await exifr.gps(Buffer.from(sanitised.content)),
      undefined,
      'no GPS in the copy partners use',
    );
    assert.ok(
      !Buffer.from(sanitised.content).includes(PHOTO_SECRETS.serial),
      'no camera serial in it either',
    );
    assert.equal(await count('public_report_pending_file'), 0, 'the held file is gone once sent');

    // s62: exactly one collection entry, by 'public', for this report, with no client details.
    const entries = await auditFor(report.id);
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.equal(entry!.action, 'collection');
    assert.equal(entry!.actor_kind, 'public');
    assert.equal(entry!.purpose, 'public-report');
    assert.equal(entry!.event, 'reports.submit');
    assert.deepEqual(entry!.record_ids, [report.id]);
    assert.equal(entry!.actor_user_id, null);
    assert.deepEqual(entry!.detail, { category: 'illegal-drugs', file: 'image/jpeg' });
  });

  it('lets the reporter decide not to send a file after seeing what it reveals', async () => {
    const before = await count('public_report_file');
    const check = await postReportForm(app, GOOD_ANSWERS, {
      bytes: await pdfWithAuthor(),
      name: 'statement.pdf',
      type: 'application/pdf',
    });
    const checkHtml = await check.text();
    assert.match(
      textOf(parseHtml(checkHtml), 'main'),
      /a name, which may be yours or the name of the device owner or author/,
    );
    const unanswered = await sendFromCheckPage(app, checkHtml);
    assert.equal(unanswered.status, 400, 'the file question must be answered');
    const unansweredPage = parseHtml(await unanswered.text());
    assert.match(textOf(unansweredPage, 'title'), /^Error: Check your report/);
    assert.equal(textOf(unansweredPage, '.govuk-error-summary__list a'), 'Select whether to send your file');
    const sent = await sendFromCheckPage(app, checkHtml, { fileChoice: 'remove' });
    assert.equal(sent.status, 200);
    receiptFrom(await sent.text());
    assert.equal(await count('public_report_file'), before, 'no file kept');
    assert.equal(await count('public_report_pending_file'), 0, 'and the held one is deleted');
  });

  it('sends a report once, however often the send button is pressed or the page reloaded', async () => {
    const before = await count('public_report');
    const check = await postReportForm(app, GOOD_ANSWERS, {
      bytes: await photoWithGps(),
      name: 'a.jpg',
      type: 'image/jpeg',
    });
    const checkHtml = await check.text();
    // Two presses at once, as a double click without JavaScript sends them, then a reload.
    const [first, second] = await Promise.all([
      sendFromCheckPage(app, checkHtml, { fileChoice: 'send' }),
      sendFromCheckPage(app, checkHtml, { fileChoice: 'send' }),
    ]);
    const third = await sendFromCheckPage(app, checkHtml, { fileChoice: 'send' });
    const pages = await Promise.all(
      [first, second, third].map(async (r) => ({ status: r.status, html: await r.text() })),
    );
    assert.deepEqual(
      pages.map((p) => p.status),
      [200, 200, 200],
    );
    const receipts = new Set(pages.map((p) => receiptFrom(p.html)));
    assert.equal(receipts.size, 1, 'the same receipt each time');
    assert.equal(await count('public_report'), before + 1, 'one report');
    const titles = pages.map((p) => textOf(parseHtml(p.html), '.govuk-panel__title')).sort();
    assert.deepEqual(titles, ['Report already sent', 'Report already sent', 'Report sent']);
    const reportId = (
      await db()
        .selectFrom('public_report')
        .select('id')
        .where('lookup_id', '=', [...receipts][0]!.replace(/-/g, '').slice(0, 8))
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal((await auditFor(reportId)).length, 1, 'one audit entry');
    const files = await db()
      .selectFrom('public_report_file')
      .select('id')
      .where('report_id', '=', reportId)
      .execute();
    assert.equal(files.length, 2, 'its file kept once');
    // A draft receipt the client made up is not used: the server draws its own.
    const forged = await sendFromCheckPage(app, await (await postReportForm(app, GOOD_ANSWERS)).text(), {
      draft: `${'A'.repeat(36)}.forged`,
    });
    assert.doesNotMatch(receiptFrom(await forged.text()), /^AAAA-AAAA/);
  });

  it('takes a report with no file at all', async () => {
    const { reportId } = await sendReport({
      what: 'Someone is selling fake cigarettes from a van',
      category: 'not-sure',
    });
    const report = await db()
      .selectFrom('public_report')
      .selectAll()
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([report.where_text, report.when_date, report.who], [null, null, null]);
  });

  it('shows form errors with status 400, an error summary and the answers kept', async () => {
    const before = await count('public_report');
    const response = await postReportForm(app, {
      ...GOOD_ANSWERS,
      what: '   ',
      category: '',
      'when-day': '31',
      'when-month': '2',
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const root = parseHtml(await response.text());
    assert.match(textOf(root, 'title'), /^Error: Tell us about organised crime/);
    const summary = root
      .querySelectorAll('.govuk-error-summary__list a')
      .map((a) => [a.getAttribute('href'), a.text.trim()]);
    assert.deepEqual(summary, [
      ['#what', 'Tell us what is happening'],
      ['#category', 'Select what your report is about, or "I am not sure"'],
      ['#when-day', 'The date must be a real date, like 27 3 2025'],
    ]);
    assert.equal(root.querySelector('#where')?.text, GOOD_ANSWERS.where);
    assert.equal(root.querySelector('#who')?.text, GOOD_ANSWERS.who);
    assert.equal(root.querySelector('#when-year')?.getAttribute('value'), '2025');
    for (const [fields, message] of [
      [{ 'when-day': '', 'when-month': '', 'when-year': '2025' }, 'The date must include a day and month'],
      [{ 'when-day': '1', 'when-month': '1', 'when-year': '2999' }, 'The date must be today or in the past'],
      [{ who: 'x'.repeat(2001) }, 'Who is involved must be 2000 characters or fewer'],
    ] as const) {
      const again = await postReportForm(app, { ...GOOD_ANSWERS, ...fields });
      assert.equal(again.status, 400);
      assert.equal(textOf(parseHtml(await again.text()), '.govuk-error-summary__list a'), message);
    }
    assert.equal(await count('public_report'), before);
  });

  it('refuses HEIC, disguised, damaged and too-large files with a clear message, keeping the answers', async () => {
    const small = await startTestApp({
      config: { reports: { ...app.lantern.config.reports, uploadMaxBytes: 2048 } },
    });
    try {
      const big = Buffer.concat([await photoWithGps(), Buffer.alloc(4096)]);
      const cases: [App: TestApp, file: { bytes: Buffer; name: string; type: string }, message: RegExp][] = [
        [
          app,
          { bytes: heicHeader(), name: 'IMG_1.HEIC', type: 'image/heic' },
          /HEIC photo, which we cannot accept/,
        ],
        [
          app,
          { bytes: Buffer.from('<script>alert(1)</script>'), name: 'photo.jpg', type: 'image/jpeg' },
          /must be a JPEG, PNG or PDF/,
        ],
        [
          app,
          { bytes: (await photoWithGps()).subarray(0, 300), name: 'photo.jpg', type: 'image/jpeg' },
          /could not be read/,
        ],
        [
          small,
          { bytes: big, name: 'photo.jpg', type: 'image/jpeg' },
          /must be smaller than 0 MB|must be smaller than/,
        ],
      ];
      for (const [target, file, message] of cases) {
        const before = await target.lantern.database.db
          .selectFrom('public_report_pending_file')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        const response = await postReportForm(target, GOOD_ANSWERS, file);
        assert.equal(response.status, 400, file.name);
        const root = parseHtml(await response.text());
        assert.match(textOf(root, '.govuk-error-summary__list a'), message);
        assert.equal(root.querySelector('.govuk-error-summary__list a')?.getAttribute('href'), '#file');
        assert.match(textOf(root, '#file-error'), message);
        assert.equal(root.querySelector('#what')?.text, GOOD_ANSWERS.what, 'answers kept');
        const afterCount = await target.lantern.database.db
          .selectFrom('public_report_pending_file')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        assert.deepEqual(afterCount, before, 'nothing held');
      }
    } finally {
      await small.stop();
    }
  });

  it('keeps a held file when the reporter changes their answers, and sends it after', async () => {
    const check = await postReportForm(app, GOOD_ANSWERS, {
      bytes: await photoWithGps('png'),
      name: 'a.png',
      type: 'image/png',
    });
    const checkHtml = await check.text();
    const change = await app.postForm('/report/change', hiddenFields(checkHtml, '/report/change'));
    assert.equal(change.status, 200);
    const form = parseHtml(await change.text());
    assert.equal(form.querySelector('#what')?.text, GOOD_ANSWERS.what);
    assert.match(textOf(form, '.govuk-inset-text'), /You have added a file: A photo \(PNG/);
    const token = form.querySelector('input[name=fileToken]')?.getAttribute('value');
    assert.ok(token);
    const again = await postReportForm(app, {
      ...GOOD_ANSWERS,
      what: 'Changed: vans at number 6',
      fileToken: token,
    });
    assert.equal(again.status, 200);
    const sent = await sendFromCheckPage(app, await again.text(), { fileChoice: 'send' });
    const receipt = receiptFrom(await sent.text());
    const report = await db()
      .selectFrom('public_report')
      .select(['id', 'what'])
      .where('lookup_id', '=', receipt.replace(/-/g, '').slice(0, 8))
      .executeTakeFirstOrThrow();
    assert.equal(report.what, 'Changed: vans at number 6');
    const files = await db()
      .selectFrom('public_report_file')
      .select('media_type')
      .where('report_id', '=', report.id)
      .execute();
    assert.deepEqual(files, [{ media_type: 'image/png' }, { media_type: 'image/png' }]);
  });

  it('deletes held files once they expire, and asks for the file again if it has gone', async () => {
    const check = await postReportForm(app, GOOD_ANSWERS, {
      bytes: await photoWithGps(),
      name: 'a.jpg',
      type: 'image/jpeg',
    });
    const checkHtml = await check.text();
    await db()
      .updateTable('public_report_pending_file')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const reports = await count('public_report');
    const sent = await sendFromCheckPage(app, checkHtml, { fileChoice: 'send' });
    assert.equal(sent.status, 400);
    const root = parseHtml(await sent.text());
    assert.match(textOf(root, '#file-error'), /Add your file again/);
    assert.equal(root.querySelector('#what')?.text, GOOD_ANSWERS.what);
    assert.equal(await count('public_report'), reports, 'no report without its file');
    assert.equal(await count('public_report_pending_file'), 0, 'the expired file is cleaned up');
  });

  it('refuses a multipart form without its token, or with a token for another form', async () => {
    const form = new FormData();
    form.append('what', 'x');
    form.append('category', 'fraud');
    const none = await app.get('/report', { method: 'POST', body: form });
    assert.equal(none.status, 403);
    const returnHtml = await (await app.get('/report/return')).text();
    const otherToken = hiddenFields(returnHtml, '/report/return')._csrf!;
    const wrong = await app.get(`/report?_csrf=${encodeURIComponent(otherToken)}`, {
      method: 'POST',
      body: form,
    });
    assert.equal(wrong.status, 403);
    // Only a multipart form may carry its token in the URL.
    const returnToken = encodeURIComponent(otherToken);
    const urlencoded = await app.postForm(`/report/return?_csrf=${returnToken}`, { receipt: 'A'.repeat(36) });
    assert.equal(urlencoded.status, 403);
    assert.equal(await count('public_report_pending_file'), 0);
  });

  it('never answers bad input with a 500 or a half-written report', async () => {
    const before = await count('public_report');
    const check = await postReportForm(app, GOOD_ANSWERS);
    const fields = hiddenFields(await check.text(), '/report/send');
    const attempts: Record<string, string>[] = [
      { ...fields, category: 'everything' },
      { ...fields, what: '' },
      { ...fields, fileToken: 'not-a-token' },
      { ...fields, fileToken: 'A'.repeat(43), fileChoice: 'send' },
      { ...fields, extra: 'field' },
      { ...fields, 'when-month': '13', 'when-day': '1', 'when-year': '2024' },
    ];
    for (const attempt of attempts) {
      const response = await app.postForm('/report/send', attempt);
      assert.equal(response.status, 400, JSON.stringify(attempt));
    }
    const action = (await (await app.get('/report')).text()).match(/action="(\/report\?_csrf=[^"]+)"/)![1]!;
    const garbage = await app.get(action.replace(/&amp;/g, '&'), {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="what"\r\n\r\nunterminated',
    });
    assert.equal(garbage.status, 400);
    assert.equal(await count('public_report'), before);
    assert.ok(!app.logs.some((line) => line.msg === 'request failed'), 'no request failed');
  });

  it('lets the reporter come back with the receipt, read questions and add information', async () => {
    const { receipt, reportId } = await sendReport();
    const wrong = await enterReceipt(app, receipt.slice(0, -1) + (receipt.endsWith('0') ? '1' : '0'));
    assert.equal(wrong.status, 400);
    assert.equal(
      textOf(parseHtml(await wrong.text()), '#receipt-error'),
      'Error: Enter a correct receipt code. Check each letter and number, then try again',
    );
    const unknown = await enterReceipt(app, `ZZZZZZZZ${receipt.replace(/-/g, '').slice(8)}`);
    assert.equal(unknown.status, 400, 'an unknown report looks the same as a wrong secret');
    assert.equal(
      textOf(parseHtml(await unknown.text()), '#receipt-error'),
      'Error: Enter a correct receipt code. Check each letter and number, then try again',
    );

    // The partnership asks a question (no inbox yet: straight into the database).
    await app.lantern.database.transaction((tx) =>
      addPartnershipMessage(tx, {
        reportId,
        authorUserId: null,
        body: 'Which house number? Is it every night?',
      }),
    );
    const typed = ` ${receipt.toLowerCase().replace(/-/g, ' ')} `;
    const back = await enterReceipt(app, typed);
    assert.equal(back.status, 200);
    assert.equal(back.headers.get('cache-control'), 'no-store');
    assert.equal(back.headers.get('set-cookie'), null);
    const backHtml = await back.text();
    const page = parseHtml(backHtml);
    assert.equal(textOf(page, 'h1'), 'Your report');
    assert.match(textOf(page, '.app-messages'), /Which house number\? Is it every night\?/);
    assert.doesNotMatch(
      textOf(page, 'main'),
      /Cars stop outside number 4/,
      'the report itself is not shown back',
    );

    const empty = await app.postForm('/report/add', {
      ...hiddenFields(backHtml, '/report/add'),
      information: ' ',
    });
    assert.equal(empty.status, 400);
    const emptyPage = parseHtml(await empty.text());
    assert.equal(textOf(emptyPage, '.govuk-error-summary__list a'), 'Enter the information you want to add');
    assert.match(textOf(emptyPage, '.app-messages'), /Which house number/);

    const added = await app.postForm('/report/add', {
      ...hiddenFields(backHtml, '/report/add'),
      information: 'Number 4. Yes, every night except Sunday.',
    });
    assert.equal(added.status, 200);
    const addedHtml = await added.text();
    assert.equal(textOf(parseHtml(addedHtml), '.govuk-panel__title'), 'Information sent');
    const messages = await db()
      .selectFrom('public_report_message')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('sent_at')
      .execute();
    assert.deepEqual(
      messages.map((m) => [m.author_kind, m.body]),
      [
        ['partnership', 'Which house number? Is it every night?'],
        ['reporter', 'Number 4. Yes, every night except Sunday.'],
      ],
    );
    for (const message of messages) {
      assert.equal(message.classification, 'OFFICIAL-SENSITIVE');
      assert.equal(message.handling_code, 'C');
      assert.equal(message.author_user_id, null);
    }
    const again = await app.postForm('/report/conversation', hiddenFields(addedHtml, '/report/conversation'));
    assert.equal(again.status, 200);
    assert.match(textOf(parseHtml(await again.text()), '.app-messages'), /You told us more on/);

    // One entry per operation: collection (send), consultation (come back), consultation (the
    // page shown again with the error), collection (add), consultation (back to the report).
    const entries = await auditFor(reportId);
    assert.deepEqual(
      entries.map((e) => [e.action, e.event, e.actor_kind, e.purpose]),
      [
        ['collection', 'reports.submit', 'public', 'public-report'],
        ['consultation', 'reports.conversation.view', 'public', 'public-report'],
        ['consultation', 'reports.conversation.view', 'public', 'public-report'],
        ['collection', 'reports.add-information', 'public', 'public-report'],
        ['consultation', 'reports.conversation.view', 'public', 'public-report'],
      ],
    );
  });

  it('refuses a forged or expired pass to a conversation', async () => {
    const { reportId } = await sendReport();
    const pass = app.lantern.services.reports.accessToken(reportId, Date.now() - 5 * 60 * 60 * 1000);
    const before = await count('public_report_message');
    const csrf = (await import('../../web/csrf.js')).csrfTokens(app.lantern.config.secret);
    for (const access of [pass, pass.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'nonsense']) {
      const response = await app.postForm('/report/add', {
        _csrf: csrf.issue('/report/add'),
        access,
        information: 'more',
      });
      assert.equal(response.status, 400);
      assert.match(
        textOf(parseHtml(await response.text()), '#receipt-error'),
        /Enter your receipt code again/,
      );
    }
    assert.equal(await count('public_report_message'), before, 'nothing added');
  });

  it('writes exactly one audit entry for every successful s62 request', () => {
    assert.ok(
      app.logs.some((line) => line.s62 === 'collection' && line.audited === 1 && line.status === 200),
    );
    assert.deepEqual(
      app.logs.filter((line) => line.msg === 's62 audit entry count is wrong'),
      [],
    );
  });
});
