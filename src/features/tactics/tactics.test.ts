/**
 * The tactics library pages: every partner reads and filters the library without any s62 entry;
 * the coordinator adds, edits, retires and restores tactics, each change one 'security' audit entry
 * naming the tactic; anyone else gets the same 404 as a missing page and changes nothing; bad input
 * changes nothing; entries older than 12 months are flagged for review.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { signedInPartner, type PartnerClient, type TestPartner } from '../../../test/support/partner.js';
import { csrfTokens } from '../../web/csrf.js';
import { SEED_TACTICS } from './seed-tactics.js';
import { todayUtc } from './vocabulary.js';

describe('tactics library pages', () => {
  let app: TestApp;
  let coordinator: TestPartner;
  let officer: TestPartner;

  before(async () => {
    app = await startTestApp();
    coordinator = await signedInPartner(app, {
      agency: 'partnership-team',
      roles: ['partnership-coordinator'],
    });
    officer = await signedInPartner(app, { agency: 'council-licensing', roles: ['council-officer'] });
  });
  after(() => app.stop());
  afterEach(() => {
    const errors = app.logs.filter((line) => line.level === 50);
    assert.deepEqual(errors, [], 'no error was logged');
  });

  const db = () => app.lantern.database.db;
  const tacticByKey = (key: string) =>
    db().selectFrom('tactic').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

  async function lastSeq(): Promise<number> {
    const row = await db().selectFrom('audit_entry').select('seq').orderBy('seq', 'desc').executeTakeFirst();
    return row?.seq ?? 0;
  }
  const entriesSince = (seq: number) =>
    db()
      .selectFrom('audit_entry')
      .select(['event', 'action', 'record_type', 'record_ids', 'actor_user_id', 'detail'])
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();

  async function view(client: PartnerClient, path: string) {
    const mark = await lastSeq();
    const response = await client.get(path);
    const html = await response.text();
    return { response, html, root: parseHtml(html), entries: await entriesSince(mark) };
  }

  /**
   * Posts a form with a valid token for `path` and the client's session, as a browser holding the
   * form would (also for forms the person was never shown); returns what the POST wrote.
   */
  async function submit(client: PartnerClient, path: string, fields: [string, string][]) {
    const binding = createHash('sha256').update(client.cookie!).digest('hex');
    const token = csrfTokens(app.lantern.config.secret).issue(path, binding);
    const mark = await lastSeq();
    const body = new URLSearchParams(fields);
    body.append('_csrf', token);
    const response = await client.app.get(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `__Host-lantern-session=${client.cookie ?? ''}`,
      },
      body: body.toString(),
    });
    return { response, entries: await entriesSince(mark) };
  }

  const editFields = (overrides: Record<string, string> = {}): [string, string][] => {
    const t = SEED_TACTICS.find((s) => s.key === 'closure-order')!;
    const fields: Record<string, string> = {
      name: t.name,
      strand: t.strand,
      lifestyleArea: t.lifestyleArea,
      agencyKind: t.agencyKind,
      description: t.description,
      legalBasis: t.legalBasis,
      requirements: t.requirements,
      typicalImpact: t.typicalImpact,
      whoCanHelp: t.whoCanHelp,
      source: t.source,
      'verifiedOn-day': '20',
      'verifiedOn-month': '11',
      'verifiedOn-year': '2026',
      ...overrides,
    };
    return [
      ...Object.entries(fields),
      ['suggestedFor', 'premises'],
      ['suggestedFor', 'category:illegal-drugs'],
    ];
  };

  it('shows every partner the library in the navigation, with no s62 entry for reading', async () => {
    const { response, root, entries } = await view(officer.client, '/partner/tactics');
    assert.equal(response.status, 200);
    assert.ok(
      root.querySelectorAll('.govuk-service-navigation__item a').some((a) => a.text.trim() === 'Tactics'),
    );
    const rows = root.querySelectorAll('[data-testid="tactics"] tbody tr');
    assert.equal(rows.length, SEED_TACTICS.length);
    assert.deepEqual(entries, [], 'reference data: reading it is not an operation on personal data');
    assert.equal(root.querySelector('a[href="/partner/tactics/new"]'), null, 'only the coordinator may add');
  });

  it('filters by strand, lifestyle area, agency and words, with a GET form', async () => {
    const prepare = await view(officer.client, '/partner/tactics?strand=prepare');
    const prepareRows = prepare.root.querySelectorAll('[data-testid="tactics"] tbody tr');
    assert.equal(prepareRows.length, SEED_TACTICS.filter((t) => t.strand === 'prepare').length);
    assert.ok(prepareRows.every((row) => row.querySelectorAll('td')[0]!.text.trim() === 'Prepare'));
    assert.match(textOf(prepare.root, '.moj-filter__selected'), /Prepare/);

    const vehicles = await view(officer.client, '/partner/tactics?area=vehicles&agency=Police');
    const names = vehicles.root
      .querySelectorAll('[data-testid="tactics"] tbody th a')
      .map((a) => a.text.trim());
    assert.deepEqual(
      names.sort(),
      SEED_TACTICS.filter((t) => t.lifestyleArea === 'vehicles' && t.agencyKind === 'Police')
        .map((t) => t.name)
        .sort(),
    );

    const words = await view(officer.client, '/partner/tactics?words=closure+order');
    const found = words.root.querySelectorAll('[data-testid="tactics"] tbody th a').map((a) => a.text.trim());
    assert.ok(found.includes('Closure order'));
    assert.ok(!found.includes('Gang injunction'));

    const none = await view(officer.client, '/partner/tactics?words=zzzznothing');
    assert.ok(none.root.querySelector('[data-testid="no-tactics"]'));

    const bad = await officer.client.get('/partner/tactics?strand=bogus');
    assert.equal(bad.status, 400);
  });

  it('filters by what a tactic is suggested for, in the vocabulary only', async () => {
    for (const target of ['person', 'principal', 'category:illegal-drugs']) {
      const { response, root } = await view(officer.client, `/partner/tactics?suggestedFor=${target}`);
      assert.equal(response.status, 200);
      const names = root.querySelectorAll('[data-testid="tactics"] tbody th a').map((a) => a.text.trim());
      const expected = SEED_TACTICS.filter((t) => t.suggestedFor.includes(target)).map((t) => t.name);
      assert.ok(expected.length > 0, `the starter set has tactics for ${target}`);
      assert.deepEqual(names.sort(), expected.sort(), target);
      assert.match(textOf(root, '.moj-filter__selected'), /Suggested for/);
    }
    const bad = await officer.client.get('/partner/tactics?suggestedFor=spaceship');
    assert.equal(bad.status, 400);
    await bad.text();
  });

  it('shows a tactic with every field and when and where it was last checked', async () => {
    const tactic = await tacticByKey('premises-licence-review');
    const { response, root, entries } = await view(officer.client, `/partner/tactics/${tactic.id}`);
    assert.equal(response.status, 200);
    assert.deepEqual(entries, []);
    assert.equal(textOf(root, 'h1'), 'Premises licence review');
    const keys = root.querySelectorAll('.govuk-summary-list__key').map((k) => k.text.trim());
    for (const key of [
      'What it is',
      '4P strand',
      'Lifestyle area',
      'Agency',
      'Legal basis',
      'What it needs',
      'Typical impact',
      'Who can help',
      'Suggested for',
      'Source',
      'Last checked',
    ]) {
      assert.ok(keys.includes(key), key);
    }
    assert.match(
      textOf(root, '[data-testid="last-checked"]'),
      /Last checked 23 November 2026 against https:\/\/www\.legislation\.gov\.uk\/ukpga\/2003\/17\/section\/51/,
    );
    assert.equal(root.querySelector('a[href$="/edit"]'), null, 'no change link for an officer');
    assert.equal((await officer.client.get(`/partner/tactics/${randomUUID()}`)).status, 404);
    assert.equal((await officer.client.get('/partner/tactics/not-an-id')).status, 404);
  });

  it('flags a tactic last checked more than 12 months ago, and not one checked within 12 months', async () => {
    const today = todayUtc();
    const shift = (months: number) => {
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1 - months, Math.min(d, 28))).toISOString().slice(0, 10);
    };
    const base = await tacticByKey('closure-notice');
    const { id: _id, key: _key, updated_at: _u, updated_by: _b, ...copy } = base;
    const [old, recent] = await db()
      .insertInto('tactic')
      .values([
        { ...copy, key: 'old-entry', name: 'Old entry', verified_on: shift(13) },
        { ...copy, key: 'recent-entry', name: 'Recent entry', verified_on: shift(11) },
      ])
      .returning('id')
      .execute();
    const oldPage = await view(officer.client, `/partner/tactics/${old!.id}`);
    assert.ok(oldPage.root.querySelector('[data-testid="review-tag"]'), 'old entry flagged');
    assert.match(oldPage.html, /more than 12 months ago/);
    const recentPage = await view(officer.client, `/partner/tactics/${recent!.id}`);
    assert.equal(
      recentPage.root.querySelector('[data-testid="review-tag"]'),
      null,
      'recent entry not flagged',
    );
    const list = await view(officer.client, '/partner/tactics?words=entry');
    const row = list.root
      .querySelectorAll('[data-testid="tactics"] tbody tr')
      .find((r) => r.text.includes('Old entry'))!;
    assert.match(row.text, /Due for review/);
    await db().deleteFrom('tactic').where('key', 'in', ['old-entry', 'recent-entry']).execute();
  });

  it('refuses a council officer every change with a 404, and changes nothing', async () => {
    const tactic = await tacticByKey('closure-order');
    const missing = await officer.client.get(`/partner/tactics/${randomUUID()}/edit`);
    const missingText = textOf(parseHtml(await missing.text()), 'main');
    for (const path of ['/partner/tactics/new', `/partner/tactics/${tactic.id}/edit`]) {
      const response = await officer.client.get(path);
      assert.equal(response.status, 404, path);
      assert.equal(
        textOf(parseHtml(await response.text()), 'main'),
        missingText,
        `${path} looks like a missing page`,
      );
    }
    for (const [path, fields] of [
      [`/partner/tactics/${tactic.id}/edit`, editFields({ name: 'Officer wording' })],
      [`/partner/tactics/${tactic.id}/retire`, []],
      ['/partner/tactics/new', [['key', 'officer-tactic'], ...editFields()]],
    ] as [string, [string, string][]][]) {
      const { response, entries } = await submit(officer.client, path, fields);
      assert.equal(response.status, 404, path);
      assert.deepEqual(entries, [], `${path} wrote nothing`);
    }
    const after = await tacticByKey('closure-order');
    assert.deepEqual(after, tactic);
    assert.equal(
      await db().selectFrom('tactic').select('id').where('key', '=', 'officer-tactic').executeTakeFirst(),
      undefined,
    );
  });

  it('lets the coordinator edit a tactic, source and date included, with one security entry', async () => {
    const tactic = await tacticByKey('closure-order');
    const form = await view(coordinator.client, `/partner/tactics/${tactic.id}/edit`);
    assert.equal(form.response.status, 200);
    assert.equal(form.root.querySelector('#name')?.getAttribute('value'), 'Closure order');
    assert.equal(
      form.root.querySelector('#verifiedOn-year')?.getAttribute('value'),
      tactic.verified_on.slice(0, 4),
    );

    const { response, entries } = await submit(
      coordinator.client,
      `/partner/tactics/${tactic.id}/edit`,
      editFields({
        name: 'Closure order (premises)',
        source: 'https://www.legislation.gov.uk/ukpga/2014/12/section/82',
      }),
    );
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/partner/tactics/${tactic.id}`);
    const after = await tacticByKey('closure-order');
    assert.equal(after.name, 'Closure order (premises)');
    assert.equal(after.source, 'https://www.legislation.gov.uk/ukpga/2014/12/section/82');
    assert.equal(after.verified_on, '2026-11-20');
    assert.deepEqual(after.suggested_for, ['premises', 'category:illegal-drugs']);
    assert.equal(after.updated_by, coordinator.id);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.event, 'tactics.edit');
    assert.equal(entries[0]!.action, 'security');
    assert.equal(entries[0]!.record_type, 'tactic');
    assert.deepEqual(entries[0]!.record_ids, [tactic.id]);
    assert.equal(entries[0]!.actor_user_id, coordinator.id);
    const detail = entries[0]!.detail as { fields: string[] };
    assert.deepEqual(detail.fields.sort(), ['name', 'source', 'suggested_for', 'verified_on'].sort());

    const page = await view(coordinator.client, `/partner/tactics/${tactic.id}`);
    assert.match(page.html, /The tactic has been updated/);
    assert.match(textOf(page.root, '[data-testid="last-checked"]'), /Last checked 20 November 2026/);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const tactic = await tacticByKey('closure-notice');
    const page = `/partner/tactics/${tactic.id}/edit`;
    const nextYear = String(Number(todayUtc().slice(0, 4)) + 1);
    for (const [overrides, message] of [
      [{ name: '' }, 'Enter the name of the tactic'],
      [{ strand: 'purse' }, 'Select the 4P strand'],
      [{ 'verifiedOn-day': '31', 'verifiedOn-month': '2' }, 'Date last checked must be a real date'],
      [{ 'verifiedOn-year': nextYear }, 'Date last checked must be today or in the past'],
      [{ legalBasis: 'x'.repeat(1001) }, 'Legal basis must be 1000 characters or fewer'],
    ] as [Record<string, string>, string][]) {
      const { response, entries } = await submit(coordinator.client, page, editFields(overrides));
      assert.equal(response.status, 303, message);
      assert.equal(response.headers.get('location'), page);
      assert.deepEqual(entries, []);
      const form = await view(coordinator.client, page);
      assert.match(textOf(form.root, '.govuk-error-summary'), new RegExp(message), message);
    }
    const unknown = await submit(coordinator.client, page, [...editFields(), ['suggestedFor', 'spaceship']]);
    assert.equal(unknown.response.status, 303);
    assert.deepEqual(unknown.entries, []);
    const extra = await submit(coordinator.client, page, [...editFields(), ['retired', 'true']]);
    assert.equal(extra.response.status, 303);
    assert.deepEqual(await tacticByKey('closure-notice'), tactic);
    // Unreadable path ids: the same 404, nothing written.
    const bad = await submit(coordinator.client, '/partner/tactics/not-an-id/edit', editFields());
    assert.equal(bad.response.status, 404);
    const gone = await submit(coordinator.client, `/partner/tactics/${randomUUID()}/edit`, editFields());
    assert.equal(gone.response.status, 404);
    assert.deepEqual(gone.entries, []);
  });

  it('lets the coordinator add a tactic, refusing a key already used', async () => {
    const fields: [string, string][] = [
      ['key', 'multi-agency-visit'],
      ...editFields({ name: 'Multi-agency premises visit' }),
    ];
    const added = await submit(coordinator.client, '/partner/tactics/new', fields);
    assert.equal(added.response.status, 303);
    const tactic = await tacticByKey('multi-agency-visit');
    assert.equal(added.response.headers.get('location'), `/partner/tactics/${tactic.id}`);
    assert.equal(added.entries.length, 1);
    assert.equal(added.entries[0]!.event, 'tactics.add');
    assert.deepEqual(added.entries[0]!.record_ids, [tactic.id]);

    const again = await submit(coordinator.client, '/partner/tactics/new', fields);
    assert.equal(again.response.headers.get('location'), '/partner/tactics/new');
    assert.deepEqual(again.entries, []);
    const form = await view(coordinator.client, '/partner/tactics/new');
    assert.match(textOf(form.root, '.govuk-error-summary'), /A tactic with this key already exists/);
    assert.equal(
      form.root.querySelector('#name')?.getAttribute('value'),
      'Multi-agency premises visit',
      'answers kept',
    );

    const badKey = await submit(coordinator.client, '/partner/tactics/new', [
      ['key', 'Bad Key!'],
      ...editFields(),
    ]);
    assert.deepEqual(badKey.entries, []);
    assert.equal(
      await db().selectFrom('tactic').select('id').where('name', '=', 'Bad Key!').executeTakeFirst(),
      undefined,
    );
  });

  it('lets the coordinator retire and restore a tactic: retired ones leave the list unless asked for', async () => {
    const tactic = await tacticByKey('public-spaces-protection-order');
    const retired = await submit(coordinator.client, `/partner/tactics/${tactic.id}/retire`, []);
    assert.equal(retired.response.status, 303);
    assert.equal((await tacticByKey('public-spaces-protection-order')).retired, true);
    assert.equal(retired.entries.length, 1);
    assert.equal(retired.entries[0]!.event, 'tactics.retire');
    assert.deepEqual(retired.entries[0]!.record_ids, [tactic.id]);

    const list = await view(officer.client, '/partner/tactics?words=public+spaces');
    assert.ok(list.root.querySelector('[data-testid="no-tactics"]'));
    const withRetired = await view(officer.client, '/partner/tactics?words=public+spaces&retired=yes');
    assert.match(withRetired.root.querySelector('[data-testid="tactics"]')!.text, /Retired/);

    const restored = await submit(coordinator.client, `/partner/tactics/${tactic.id}/restore`, []);
    assert.equal(restored.response.status, 303);
    assert.equal((await tacticByKey('public-spaces-protection-order')).retired, false);
    assert.equal(restored.entries[0]!.event, 'tactics.restore');
  });

  it('names a tactic for the audit pages', async () => {
    const tactic = await tacticByKey('nrm-referral');
    const resolution = await app.lantern.services.recordNames.resolve(db(), tactic.id);
    assert.equal(resolution.type, 'tactic');
    assert.equal(
      resolution.displayName,
      'National Referral Mechanism referral and duty to notify (nrm-referral)',
    );
  });
});
