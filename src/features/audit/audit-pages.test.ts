/**
 * The audit log's self-service pages over a real app and database: the filtered list, a record's
 * history, the CSV export, resolving an id to a name, who may see them, and that each read writes
 * exactly one audit entry in the same transaction (no entry, no data).
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { PartnerClient, signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import { csrfTokens } from '../../web/csrf.js';
import { writeAuditEntry, type AuditContext, type AuditEntryInput, type Purpose } from './audit-log.js';

/** A CSV parser for the tests: RFC 4180 quoting, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'the document ends with a complete row');
  return rows;
}

describe(`audit log pages on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let auditor: TestPartner;
  let officer: TestPartner;
  let analyst: TestPartner;
  let admin: TestPartner;
  const reportA = randomUUID();
  const reportB = randomUUID();

  async function entriesCount(): Promise<{ entries: number; records: number }> {
    const db = app.lantern.database.db;
    const e = await db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await db
      .selectFrom('audit_entry_record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { entries: e.n, records: r.n };
  }

  async function lastEntry() {
    return app.lantern.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  /** An entry as another feature would write it, by a given partner. */
  async function logAs(
    partner: TestPartner,
    input: AuditEntryInput,
    purpose: Purpose = 'crime-prevention',
    justification: string | null = null,
  ) {
    const context: AuditContext = {
      actor: { kind: 'user', userId: partner.id, agencyId: partner.agencyId },
      requestId: randomUUID(),
      purpose,
      justification,
      written: 0,
    };
    await app.lantern.database.transaction((tx) => writeAuditEntry(tx, context, input));
  }

  async function page(client: PartnerClient, path: string) {
    const response = await client.get(path);
    const html = await response.text();
    return { response, html, root: parseHtml(html) };
  }

  function shownSeqs(root: ReturnType<typeof parseHtml>): number[] {
    return root
      .querySelectorAll('[data-testid=audit-entries] tbody tr')
      .map((tr) => Number(tr.getAttribute('data-seq')));
  }

  before(async () => {
    app = await startTestApp();
    auditor = await signedInPartner(app, { agency: 'ig-team', roles: ['information-governance'] });
    officer = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    analyst = await signedInPartner(app, { agency: 'police-intel', roles: ['public-protection-analyst'] });
    admin = await signedInPartner(app, { agency: 'ig-team', roles: ['system-administrator'] });
    await logAs(officer, {
      action: 'consultation',
      event: 'reports.list',
      recordType: 'public-report',
      recordIds: [reportA, reportB],
    });
    await logAs(analyst, {
      action: 'consultation',
      event: 'reports.read',
      recordType: 'public-report',
      recordIds: [reportA],
    });
    await logAs(analyst, {
      action: 'disclosure',
      event: 'reports.export',
      recordType: 'public-report',
      recordIds: [reportB],
      recipients: 'Trading Standards',
    });
  });
  after(() => app.stop());

  it('lists entries newest first with who, when, what and why, and audits the viewing once', async () => {
    const before = await entriesCount();
    const { response, root } = await page(auditor.client, '/partner/audit');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(textOf(root, 'h1'), 'Audit log');
    const seqs = shownSeqs(root);
    assert.ok(seqs.length >= 3);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
      'newest first',
    );
    const exportRow = root.querySelectorAll('[data-testid=audit-entries] tbody tr')[0]!;
    assert.match(exportRow.text, /Test public-protection-analyst/);
    assert.match(exportRow.text, /police-intel/);
    assert.match(exportRow.text, /disclosure/);
    assert.match(exportRow.text, /reports\.export/);
    assert.match(exportRow.text, /Preventing or detecting crime/);
    assert.match(exportRow.text, /Trading Standards/);
    assert.match(exportRow.text, new RegExp(reportB));
    assert.match(exportRow.text, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    assert.match(root.querySelector('thead')!.text, /Time \(UTC\)/);

    // One entry for the viewing: a consultation of the staff whose names the page showed.
    assert.deepEqual(await entriesCount(), {
      entries: before.entries + 1,
      records:
        before.records +
        new Set(root.querySelectorAll('[data-testid=actor] a').map((a) => a.getAttribute('href'))).size,
    });
    const entry = await lastEntry();
    const shownActors = new Set(
      root
        .querySelectorAll('[data-testid=actor] a')
        .map((a) => new URL(a.getAttribute('href')!, app.url).searchParams.get('user')),
    );
    assert.equal(entry.event, 'audit.log.view');
    assert.equal(entry.action, 'consultation');
    assert.equal(entry.actor_user_id, auditor.id);
    assert.equal(entry.purpose, 'information-governance');
    assert.equal(entry.record_type, 'user');
    assert.deepEqual(new Set(entry.record_ids), shownActors);
    assert.ok(shownActors.has(officer.id) && shownActors.has(analyst.id));
    assert.deepEqual(entry.detail, { filter: {}, page: 1, rows: seqs.length });

    // Reading the log shows up in the log.
    const again = await page(auditor.client, '/partner/audit');
    const top = again.root.querySelectorAll('[data-testid=audit-entries] tbody tr')[0]!;
    assert.equal(Number(top.getAttribute('data-seq')), entry.seq);
    assert.match(top.text, /audit\.log\.view/);
    assert.match(top.text, /Test information-governance/);
  });

  it('filters by record id through the record index, by user (email or id), agency, action, event and dates', async () => {
    const events = async (query: string) => {
      const { response, root } = await page(auditor.client, `/partner/audit?${query}`);
      assert.equal(response.status, 200, query);
      return root
        .querySelectorAll('[data-testid=audit-entries] tbody tr code')
        .map((c) => c.text)
        .filter((t) => /^[a-z]+\./.test(t));
    };
    assert.deepEqual(await events(`record=${reportA}`), ['reports.read', 'reports.list']);
    assert.deepEqual(await events(`record=${reportB.toUpperCase()}`), ['reports.export', 'reports.list']);
    assert.deepEqual(await events(`user=${encodeURIComponent(officer.email.toUpperCase())}`), [
      'reports.list',
      'partner.signed-in',
    ]);
    assert.deepEqual(await events(`user=${analyst.id}&record=${reportB}`), ['reports.export']);
    assert.deepEqual(await events(`agency=${analyst.agencyId}`), [
      'reports.export',
      'reports.read',
      'partner.signed-in',
    ]);
    assert.deepEqual(await events(`action=disclosure&agency=${analyst.agencyId}`), ['reports.export']);
    assert.deepEqual(await events(`event=reports.read`), ['reports.read']);

    const seeded = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select('occurred_at')
      .where('event', '=', 'reports.read')
      .executeTakeFirstOrThrow();
    const day = seeded.occurred_at.toISOString().slice(0, 10);
    const [y, m, d] = day.split('-');
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(
      await events(`event=reports.read&from=${d}/${m}/${y}&to=${day}`),
      ['reports.read'],
      'UK and ISO dates, whole days',
    );
    assert.deepEqual(await events(`event=reports.read&to=${dayBefore}`), []);
    const none = await page(auditor.client, `/partner/audit?event=reports.read&to=${dayBefore}`);
    assert.equal(textOf(none.root, '[data-testid=no-entries]'), 'No audit entries match the filter.');

    // The filter's tags each remove one filter; the export link carries the filter.
    const tagged = await page(auditor.client, `/partner/audit?event=reports.read&action=consultation`);
    const tags = tagged.root.querySelectorAll('.moj-filter__tag').map((a) => a.getAttribute('href'));
    assert.deepEqual(tags, ['/partner/audit?event=reports.read', '/partner/audit?action=consultation']);
    assert.equal(
      tagged.root.querySelector('[data-testid=export]')!.getAttribute('href'),
      '/partner/audit/export.csv?action=consultation&amp;event=reports.read'.replace('&amp;', '&'),
    );
  });

  it('shows 50 entries a page, with links to the next and previous pages', async () => {
    for (let i = 0; i < 55; i++) await logAs(officer, { action: 'consultation', event: 'test.bulk' });
    const first = await page(auditor.client, '/partner/audit?event=test.bulk');
    assert.equal(shownSeqs(first.root).length, 50);
    assert.equal(textOf(first.root, '[data-testid=showing]'), 'Showing entries 1 to 50 of 55.');
    const next = first.root.querySelector('.govuk-pagination__next a')!.getAttribute('href')!;
    assert.equal(next, '/partner/audit?event=test.bulk&amp;page=2'.replace('&amp;', '&'));
    const second = await page(auditor.client, next);
    assert.equal(shownSeqs(second.root).length, 5);
    assert.ok(Math.max(...shownSeqs(second.root)) < Math.min(...shownSeqs(first.root)));
    assert.ok(second.root.querySelector('.govuk-pagination__prev a'));
    assert.equal(second.root.querySelector('.govuk-pagination__next'), null);
  });

  it('answers a bad filter with 400, the error summary and no entries, and writes nothing', async () => {
    const before = await entriesCount();
    const { response, root, html } = await page(
      auditor.client,
      `/partner/audit?user=nobody&from=31/02/2026&record=not-a-uuid&action=peeking&event=reports.read`,
    );
    assert.equal(response.status, 400);
    assert.match(textOf(root, 'title'), /^Error: Audit log/);
    const links = root
      .querySelectorAll('.govuk-error-summary__list a')
      .map((a) => [a.getAttribute('href'), a.text.trim()]);
    assert.deepEqual(links, [
      ['#user', 'Enter the user’s email address or user id'],
      ['#from', 'Date from must be a real date, like 23/11/2026'],
      ['#record', 'Record id must be a record id, like 0b6c1f3e-8d1a-4c55-9a1e-2f0d6b7a9c41'],
      ['#action', 'Select an action from the list'],
    ]);
    assert.equal(
      textOf(root, '#record-error'),
      'Error: Record id must be a record id, like 0b6c1f3e-8d1a-4c55-9a1e-2f0d6b7a9c41',
    );
    assert.equal(
      (root.querySelector('#event') as { getAttribute(n: string): string | undefined } | null)?.getAttribute(
        'value',
      ),
      'reports.read',
      'answers kept',
    );
    assert.equal(root.querySelector('[data-testid=audit-entries]'), null);
    assert.doesNotMatch(html, /Test council-officer/);

    const backwards = await page(auditor.client, '/partner/audit?from=2026-11-23&to=2026-11-22');
    assert.equal(backwards.response.status, 400);
    assert.equal(
      textOf(backwards.root, '.govuk-error-summary__list a'),
      'Date to must be the same as or after date from',
    );
    const unknown = await page(auditor.client, '/partner/audit?colour=red');
    assert.equal(unknown.response.status, 400);
    const badExport = await auditor.client.get('/partner/audit/export.csv?record=x');
    assert.equal(badExport.status, 400);
    assert.match(badExport.headers.get('content-type') ?? '', /text\/html/);
    assert.deepEqual(await entriesCount(), before);
  });

  it('shows who looked at one record, and audits that once', async () => {
    const { response, root } = await page(auditor.client, `/partner/audit/records/${reportA}`);
    assert.equal(response.status, 200);
    assert.equal(textOf(root, 'h1'), 'Who looked at this record');
    const rows = root.querySelectorAll('[data-testid=audit-entries] tbody tr');
    assert.equal(rows.length, 2);
    assert.match(rows[0]!.text, /Test public-protection-analyst[\s\S]*police-intel[\s\S]*reports\.read/);
    assert.match(rows[1]!.text, /Test council-officer[\s\S]*council-asb[\s\S]*reports\.list/);
    const entry = await lastEntry();
    assert.equal(entry.event, 'audit.record.history');
    assert.equal(entry.action, 'consultation');
    assert.equal(entry.purpose, 'information-governance');
    assert.deepEqual(new Set(entry.record_ids), new Set([officer.id, analyst.id]));
    assert.deepEqual(entry.detail, { filter: { recordId: reportA }, page: 1, rows: 2 });
    assert.equal((await auditor.client.get('/partner/audit/records/not-an-id')).status, 404);
  });

  it('exports the filter as CSV: escaped, safe from formulas, a disclosure audited once', async () => {
    const tricky = await signedInPartner(app, {
      agency: 'council-licensing',
      roles: ['council-officer'],
      signIn: false,
    });
    await app.lantern.database.db
      .updateTable('app_user')
      .set({ display_name: '=cmd|"/c calc"!A1, "Jo"' })
      .where('id', '=', tricky.id)
      .execute();
    await logAs(
      tricky,
      {
        action: 'disclosure',
        event: '+evil.event',
        recordType: 'public-report',
        recordIds: [reportA],
        recipients: 'Police, "Team A"\nsecond line',
      },
      'other',
      '@SUM(1,2) -because',
    );
    const response = await auditor.client.get(`/partner/audit/export.csv?user=${tricky.id}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="lantern-audit-log-\d{8}T\d{6}Z\.csv"$/,
    );
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(text.startsWith('Entry,Time (UTC),'));
    const rows = parseCsv(text);
    assert.equal(rows.length, 2);
    const [header, row] = rows as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)];
    assert.equal(cell('Actor name'), `'=cmd|"/c calc"!A1, "Jo"`);
    assert.equal(cell('Event'), "'+evil.event");
    assert.equal(cell('Justification'), "'@SUM(1,2) -because");
    assert.equal(cell('Recipients'), 'Police, "Team A"\nsecond line');
    assert.equal(cell('Record ids'), reportA);
    assert.equal(cell('Actor agency'), 'council-licensing');
    assert.match(cell('Time (UTC)')!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const entry = await lastEntry();
    assert.equal(entry.event, 'audit.log.export');
    assert.equal(entry.action, 'disclosure');
    assert.equal(entry.actor_user_id, auditor.id);
    assert.equal(entry.purpose, 'information-governance');
    assert.equal(entry.record_type, 'user');
    assert.deepEqual(entry.record_ids, [tricky.id]);
    assert.deepEqual(entry.detail, { filter: { userId: tricky.id }, rows: 1 });
    assert.ok(entry.recipients);
  });

  it('resolves a user or agency id to its name, with a reason, audited once; other records by type only', async () => {
    const resolve = async (record: string, reason = 'Subject access request SAR-2026-14') => {
      const response = await auditor.client.post(
        '/partner/audit/resolve',
        { record, reason },
        `/partner/audit/resolve?record=${record}`,
      );
      const html = await response.text();
      return { response, html, root: parseHtml(html), entry: await lastEntry() };
    };
    const user = await resolve(officer.id);
    assert.equal(user.response.status, 200);
    assert.equal(user.response.headers.get('cache-control'), 'no-store');
    assert.match(
      textOf(user.root, '[data-testid=resolution]'),
      new RegExp(`User.*Test council-officer \\(${officer.email.replace('.', '\\.')}\\), council-asb`),
    );
    assert.equal(user.entry.event, 'audit.record.resolve');
    assert.equal(user.entry.action, 'consultation');
    assert.equal(user.entry.purpose, 'information-governance');
    assert.equal(user.entry.record_type, 'user');
    assert.deepEqual(user.entry.record_ids, [officer.id]);
    assert.deepEqual(user.entry.detail, { reason: 'Subject access request SAR-2026-14', resolvedAs: 'user' });

    const agency = await resolve(analyst.agencyId);
    assert.match(
      textOf(agency.root, '[data-testid=resolution]'),
      /Agency.*police-intel \(Test organisation\)/,
    );
    assert.equal(agency.entry.record_type, 'agency');

    const report = await resolve(reportA);
    assert.equal(
      textOf(report.root, '[data-testid=resolution]'),
      `The audit log records ${reportA} as: public-report. The audit role is not shown the names or content of these records.`,
    );
    assert.equal(report.entry.record_type, null);
    assert.deepEqual(report.entry.record_ids, [reportA]);

    const unknown = await resolve(randomUUID());
    assert.match(textOf(unknown.root, '[data-testid=resolution]'), /^No user or agency has the id/);

    // The resolving shows up in the record's own history.
    const history = await page(auditor.client, `/partner/audit/records/${officer.id}`);
    assert.match(
      history.root.querySelectorAll('[data-testid=audit-entries] tbody tr')[0]!.text,
      /audit\.record\.resolve[\s\S]*Reason: Subject access request SAR-2026-14/,
    );
  });

  it('asks again for a missing reason or a bad id (post/redirect/get), writing nothing', async () => {
    const before = await entriesCount();
    const response = await auditor.client.post(
      '/partner/audit/resolve',
      { record: 'nonsense', reason: ' ' },
      '/partner/audit/resolve',
    );
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/partner/audit/resolve');
    const again = await page(auditor.client, '/partner/audit/resolve');
    assert.match(textOf(again.root, 'title'), /^Error: Find out whose record this is/);
    assert.deepEqual(
      again.root.querySelectorAll('.govuk-error-summary__list a').map((a) => a.getAttribute('href')),
      ['#record', '#reason'],
    );
    assert.equal(again.root.querySelector('#record')!.getAttribute('value'), 'nonsense');
    const shownOnce = await page(auditor.client, '/partner/audit/resolve');
    assert.equal(shownOnce.root.querySelector('.govuk-error-summary'), null, 'errors are shown once');
    assert.deepEqual(await entriesCount(), before);
  });

  it('is the same 404 as a missing page for everyone without audit:read, and sends the signed-out to sign in', async () => {
    const paths = [
      '/partner/audit',
      '/partner/audit/export.csv',
      `/partner/audit/records/${reportA}`,
      '/partner/audit/resolve',
    ];
    const missing = await (await officer.client.get('/partner/no-such-page')).text();
    for (const partner of [officer, analyst, admin]) {
      for (const path of paths) {
        const response = await partner.client.get(path);
        assert.equal(response.status, 404, `${path} for ${partner.email}`);
        const body = await response.text();
        assert.equal(textOf(parseHtml(body), 'h1'), textOf(parseHtml(missing), 'h1'));
        assert.doesNotMatch(body, /Test (council-officer|public-protection-analyst)/);
      }
      // A POST with a token that is valid for this person's session is refused the same way.
      const binding = createHash('sha256').update(partner.client.cookie!).digest('hex');
      const token = csrfTokens(app.lantern.config.secret).issue('/partner/audit/resolve', binding);
      const post = await partner.client.get('/partner/audit/resolve', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, record: officer.id, reason: 'curious' }).toString(),
      });
      assert.equal(post.status, 404);
      assert.doesNotMatch(await post.text(), /Test council-officer \(/);
    }
    const anonymous = new PartnerClient(app);
    for (const path of paths) {
      const response = await anonymous.get(path);
      assert.equal(response.status, 303, path);
      assert.equal(response.headers.get('location'), '/partner/sign-in');
    }
  });

  it('fails closed: when the audit entry cannot be written, the page shows nothing and nothing is half-written', async () => {
    const db = app.lantern.database.db;
    await sql`create function test_audit_unavailable() returns trigger language plpgsql as $$
      begin raise exception 'the audit store is unavailable'; end; $$`.execute(db);
    await sql`create trigger test_audit_unavailable before insert on audit_entry
      for each row execute function test_audit_unavailable()`.execute(db);
    try {
      const before = await entriesCount();
      for (const path of [
        '/partner/audit',
        `/partner/audit/records/${reportA}`,
        '/partner/audit/export.csv',
      ]) {
        const response = await auditor.client.get(path);
        assert.equal(response.status, 500, path);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/, 'an error page, not a CSV');
        const body = await response.text();
        assert.match(body, /Sorry, there is a problem with the service/);
        assert.doesNotMatch(body, /Test (council-officer|public-protection-analyst)|reports\.(list|read)/);
        assert.doesNotMatch(body, new RegExp(reportA));
      }
      const resolved = await auditor.client.post(
        '/partner/audit/resolve',
        { record: officer.id, reason: 'SAR-1' },
        '/partner/audit/resolve',
      );
      assert.equal(resolved.status, 500);
      assert.doesNotMatch(await resolved.text(), /Test council-officer/);
      assert.deepEqual(await entriesCount(), before, 'no entry and no index rows');
    } finally {
      await sql`drop trigger test_audit_unavailable on audit_entry`.execute(db);
      await sql`drop function test_audit_unavailable()`.execute(db);
    }
    assert.equal(
      (await auditor.client.get('/partner/audit')).status,
      200,
      'works again once the log can be written',
    );
  });

  it('wrote exactly one audit entry for every successful audited request', () => {
    const audited = app.logs.filter(
      (line) => line.msg === 'request' && typeof line.s62 === 'string' && Number(line.status) < 400,
    );
    assert.ok(audited.length >= 15, `saw ${audited.length} audited requests`);
    assert.deepEqual(
      audited.filter((line) => line.audited !== 1),
      [],
    );
    assert.deepEqual(
      app.logs.filter((line) => line.msg === 's62 audit entry count is wrong'),
      [],
    );
    const errors = app.logs.filter((line) => line.level === 50);
    assert.ok(
      errors.every((line) => line.msg === 'request failed'),
      'only the fail-closed test’s own failures',
    );
    assert.equal(errors.length, 4);
  });
});
