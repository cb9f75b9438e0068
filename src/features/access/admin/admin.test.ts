import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { PartnerClient, signedInPartner, type TestPartner } from '../../../../test/support/partner.js';
import { csrfTokens } from '../../../web/csrf.js';
import { currentTotpCode } from '../totp.js';
import { mayAccess, type Viewer } from '../policy.js';
import { permissionsOf } from '../roles.js';
import { sharedFrom } from '../viewer.js';

type Fields = Record<string, string> | [string, string][];

describe('administration: agencies, users, roles and sharing', () => {
  let app: TestApp;
  let admin: TestPartner;
  let officer: TestPartner;
  let secondAdmin: TestPartner;

  before(async () => {
    app = await startTestApp();
    admin = await signedInPartner(app, { agency: 'partnership-team', roles: ['system-administrator'] });
    secondAdmin = await signedInPartner(app, { agency: 'partnership-team', roles: ['system-administrator'] });
    officer = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
  });
  after(() => app.stop());
  afterEach(() => {
    // The logging layer writes an error whenever an s62 route wrote other than one audit entry.
    const errors = app.logs.filter((line) => line.level === 50);
    assert.deepEqual(errors, [], 'no error was logged');
  });

  const db = () => app.lantern.database.db;

  async function lastSeq(): Promise<number> {
    const row = await db().selectFrom('audit_entry').select('seq').orderBy('seq', 'desc').executeTakeFirst();
    return row?.seq ?? 0;
  }

  async function entriesSince(seq: number) {
    return db()
      .selectFrom('audit_entry')
      .select(['event', 'action', 'record_type', 'record_ids', 'actor_user_id', 'purpose'])
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  }

  /** Loads a page and returns its audit entries with it. */
  async function view(client: PartnerClient, path: string) {
    const mark = await lastSeq();
    const response = await client.get(path);
    const html = await response.text();
    return { response, html, root: parseHtml(html), entries: await entriesSince(mark) };
  }

  /** Submits a form as a browser would (token from `page`), and returns what the POST alone wrote. */
  async function submit(client: PartnerClient, path: string, fields: Fields, page = path) {
    const token = await client.csrfFor(page, path);
    const mark = await lastSeq();
    const body = new URLSearchParams(fields);
    body.append('_csrf', token);
    const response = await app.get(path, {
      method: 'POST',
      headers: {
        cookie: `__Host-lantern-session=${client.cookie ?? ''}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: body.toString(),
    });
    return { response, entries: await entriesSince(mark) };
  }

  /**
   * Posts with a token made for this session and path, as a page would carry, for forms the
   * person was never shown (someone else's page, or a button hidden from them).
   */
  async function postDirect(client: PartnerClient, path: string, fields: Record<string, string>) {
    const tokens = csrfTokens(app.lantern.config.secret);
    const binding = createHash('sha256').update(client.cookie!).digest('hex');
    const mark = await lastSeq();
    const response = await app.get(path, {
      method: 'POST',
      headers: {
        cookie: `__Host-lantern-session=${client.cookie!}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: tokens.issue(path, binding), ...fields }).toString(),
    });
    return { response, entries: await entriesSince(mark) };
  }

  /** After a refused form: the page it went back to, with the error summary and kept answers. */
  async function errorsOn(client: PartnerClient, page: string) {
    const shown = await view(client, page);
    assert.equal(shown.response.status, 200);
    assert.match(textOf(shown.root, 'title'), /^Error: /);
    return { ...shown, summary: textOf(shown.root, '.govuk-error-summary') };
  }

  async function rolesOf(userId: string): Promise<string[]> {
    const rows = await db()
      .selectFrom('user_role')
      .select('role')
      .where('user_id', '=', userId)
      .orderBy('role')
      .execute();
    return rows.map((row) => row.role);
  }

  const agencyId = async (code: string) =>
    (await db().selectFrom('agency').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  async function newUser(roles: Fields = [['roles', 'council-officer']]) {
    const email = `person-${Math.random().toString(36).slice(2, 10)}@council.example`;
    const { response, entries } = await submit(admin.client, '/partner/admin/users/new', [
      ['email', email],
      ['displayName', 'Pat Person'],
      ['agency', 'council-asb'],
      ['clearance', 'OFFICIAL'],
      ...(Array.isArray(roles) ? roles : Object.entries(roles)),
    ]);
    const user = await db().selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
    return { response, entries, email, user, html: await response.text() };
  }

  describe('who may use them', () => {
    const pages = async () => {
      const user = officer.id;
      const rule = await db()
        .insertInto('sharing_rule')
        .values({
          owner_agency_id: await agencyId('partnership-hub'),
          partner_agency_id: await agencyId('council-asb'),
          record_type: 'public-report',
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      const ruleId =
        rule?.id ?? (await db().selectFrom('sharing_rule').select('id').executeTakeFirstOrThrow()).id;
      return [
        '/partner/admin/agencies',
        '/partner/admin/agencies/new',
        '/partner/admin/users',
        '/partner/admin/users/new',
        `/partner/admin/users/${user}`,
        `/partner/admin/users/${user}/access`,
        `/partner/admin/users/${user}/disable`,
        `/partner/admin/users/${user}/reset-mfa`,
        '/partner/admin/sharing',
        '/partner/admin/sharing/new',
        `/partner/admin/sharing/${ruleId}/remove`,
        '/partner/admin/access-changes',
      ];
    };

    it('sends anonymous visitors to sign in, shows others "not found", and serves administrators', async () => {
      for (const path of await pages()) {
        const anonymous = await app.get(path);
        assert.equal(anonymous.status, 303, path);
        assert.equal(anonymous.headers.get('location'), '/partner/sign-in', path);
        const refused = await officer.client.get(path);
        assert.equal(refused.status, 404, path);
        assert.equal(textOf(parseHtml(await refused.text()), 'h1'), 'Page not found', path);
        assert.equal((await admin.client.get(path)).status, 200, path);
      }
    });

    it('refuses every form to a signed-in partner without the permission, before looking at the input', async () => {
      const user = officer.id;
      const posts = [
        '/partner/admin/agencies/new',
        '/partner/admin/agencies/public-reports',
        '/partner/admin/users/new',
        `/partner/admin/users/${user}/access`,
        `/partner/admin/users/${user}/disable`,
        `/partner/admin/users/${user}/enable`,
        `/partner/admin/users/${user}/reset-mfa`,
        `/partner/admin/users/${user}/unlock`,
        '/partner/admin/sharing/new',
        `/partner/admin/sharing/${user}/remove`,
        `/partner/admin/access-changes/${user}/approve`,
        `/partner/admin/access-changes/${user}/reject`,
        `/partner/sharing-approvals/${user}/approve`,
        `/partner/sharing-approvals/${user}/reject`,
      ];
      for (const path of posts) {
        // Nonsense input: a route that validated first would answer with its errors, not 404.
        const { response, entries } = await postDirect(officer.client, path, { nonsense: 'x' });
        assert.equal(response.status, 404, path);
        assert.deepEqual(entries, [], path);
      }
      const still = await db()
        .selectFrom('app_user')
        .select('disabled_at')
        .where('id', '=', user)
        .executeTakeFirst();
      assert.equal(still?.disabled_at, null);
    });

    it('shows the administrator the administration places in the navigation, and the officer none of them', async () => {
      const adminNav = parseHtml(await (await admin.client.get('/partner')).text())
        .querySelectorAll('.govuk-service-navigation__list a')
        .map((a) => a.getAttribute('href'));
      // The tactics library is reference data every partner may read; no intelligence place shows.
      assert.deepEqual(adminNav, [
        '/partner',
        '/partner/tactics',
        '/partner/admin/users',
        '/partner/admin/agencies',
        '/partner/admin/sharing',
        '/partner/admin/access-changes',
      ]);
      const officerNav = parseHtml(await (await officer.client.get('/partner')).text())
        .querySelectorAll('.govuk-service-navigation__list a')
        .map((a) => a.getAttribute('href'));
      assert.equal(officerNav[0], '/partner');
      assert.deepEqual(
        officerNav.filter((href) => href?.startsWith('/partner/admin')),
        [],
        'an officer is offered intelligence places, never administration',
      );
      assert.ok(officerNav.includes('/partner/intelligence'));
    });
  });

  describe('agencies', () => {
    it('adds an agency, grouped under its organisation, with one audit entry', async () => {
      const { response, entries } = await submit(admin.client, '/partner/admin/agencies/new', {
        code: 'council-trading-standards',
        name: 'Trading Standards',
        organisation: 'Cornwall Council',
        kind: 'council',
      });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), '/partner/admin/agencies');
      const id = await agencyId('council-trading-standards');
      assert.deepEqual(entries, [
        {
          event: 'admin.agencies.create',
          action: 'security',
          record_type: 'agency',
          record_ids: [id],
          actor_user_id: admin.id,
          purpose: 'account-administration',
        },
      ]);
      const page = await view(admin.client, '/partner/admin/agencies');
      assert.match(textOf(page.root, '.govuk-notification-banner'), /Agency added: Trading Standards/);
      const captions = page.root.querySelectorAll('caption').map((c) => c.text.trim());
      assert.ok(captions.includes('Cornwall Council'));
      assert.ok(captions.includes('The partnership'));
      const councilTable = page.root
        .querySelectorAll('table')
        .find((table) => table.querySelector('caption')?.text.trim() === 'Cornwall Council');
      assert.match(councilTable?.text ?? '', /Trading Standards/);
      assert.doesNotMatch(councilTable?.text ?? '', /Partnership hub/);
      const again = await view(admin.client, '/partner/admin/agencies');
      assert.equal(again.root.querySelector('.govuk-notification-banner'), null, 'the notice is shown once');
    });

    it('sends a wrong agency back with its errors and answers, and writes nothing', async () => {
      const before = await db().selectFrom('agency').select('id').execute();
      const { response, entries } = await submit(admin.client, '/partner/admin/agencies/new', {
        code: 'Bad Code!',
        name: 'Somewhere',
        organisation: '',
        kind: 'castle',
      });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), '/partner/admin/agencies/new');
      assert.deepEqual(entries, []);
      const shown = await errorsOn(admin.client, '/partner/admin/agencies/new');
      assert.match(shown.summary, /Code must be 2 to 63 letters/);
      assert.match(shown.summary, /Enter the organisation the agency belongs to/);
      assert.match(shown.summary, /Select what kind of agency it is/);
      assert.equal(shown.root.querySelector('#name')?.getAttribute('value'), 'Somewhere');
      assert.equal((await db().selectFrom('agency').select('id').execute()).length, before.length);
      const duplicate = await submit(admin.client, '/partner/admin/agencies/new', {
        code: 'partnership-hub',
        name: 'Another hub',
        organisation: 'The partnership',
        kind: 'other',
      });
      assert.equal(duplicate.response.status, 303);
      assert.deepEqual(duplicate.entries, []);
      assert.match((await errorsOn(admin.client, '/partner/admin/agencies/new')).summary, /already exists/);
    });

    it('moves the duty of receiving public reports: always exactly one agency', async () => {
      const hub = await agencyId('partnership-hub');
      const asb = await agencyId('council-asb');
      const { response, entries } = await submit(
        admin.client,
        '/partner/admin/agencies/public-reports',
        { agency: asb },
        '/partner/admin/agencies',
      );
      assert.equal(response.status, 303);
      const receiving = await db()
        .selectFrom('agency')
        .select('id')
        .where('receives_public_reports', '=', true)
        .execute();
      assert.deepEqual(receiving, [{ id: asb }]);
      assert.equal(entries.length, 1);
      assert.equal(entries[0]?.event, 'admin.agencies.public-reports');
      assert.deepEqual(new Set(entries[0].record_ids), new Set([asb, hub]));
      const bad = await submit(
        admin.client,
        '/partner/admin/agencies/public-reports',
        { agency: '00000000-0000-4000-8000-000000000000' },
        '/partner/admin/agencies',
      );
      assert.equal(bad.response.status, 303);
      assert.deepEqual(bad.entries, []);
      assert.match(
        (await errorsOn(admin.client, '/partner/admin/agencies')).summary,
        /Select the agency that receives reports from the public/,
      );
      await submit(
        admin.client,
        '/partner/admin/agencies/public-reports',
        { agency: hub },
        '/partner/admin/agencies',
      );
      const back = await db()
        .selectFrom('agency')
        .select('id')
        .where('receives_public_reports', '=', true)
        .execute();
      assert.deepEqual(back, [{ id: hub }]);
    });
  });

  describe('users', () => {
    it('creates a user, shows their one-time password once, and records one collection', async () => {
      const created = await newUser([
        ['roles', 'council-officer'],
        ['roles', 'partnership-coordinator'],
      ]);
      assert.equal(created.response.status, 200);
      assert.equal(created.response.headers.get('cache-control'), 'no-store');
      const root = parseHtml(created.html);
      assert.match(textOf(root, '.govuk-notification-banner'), /User created/);
      const password = textOf(root, '[data-testid=one-time-password]');
      assert.match(password, /^[a-z2-9]{6}(-[a-z2-9]{6}){3}$/);
      assert.ok(created.user);
      assert.equal(created.user.clearance, 'OFFICIAL');
      // Every role gives more than the workspace: the account starts with none, the roles wait.
      assert.deepEqual(await rolesOf(created.user.id), []);
      assert.match(textOf(root, '[data-testid=pending-access]'), /need another administrator to approve/);
      const change = await db()
        .selectFrom('access_change')
        .selectAll()
        .where('user_id', '=', created.user.id)
        .executeTakeFirstOrThrow();
      assert.equal(change.status, 'pending');
      assert.deepEqual(change.roles, ['council-officer', 'partnership-coordinator']);
      assert.deepEqual(created.entries, [
        {
          event: 'admin.users.create',
          action: 'collection',
          record_type: 'user',
          record_ids: [created.user.id],
          actor_user_id: admin.id,
          purpose: 'account-administration',
        },
        {
          event: 'admin.users.create',
          action: 'security',
          record_type: 'access-change',
          record_ids: [change.id, created.user.id],
          actor_user_id: admin.id,
          purpose: 'account-administration',
        },
      ]);
      const approved = await submit(
        secondAdmin.client,
        `/partner/admin/access-changes/${change.id}/approve`,
        {},
        '/partner/admin/access-changes',
      );
      assert.equal(approved.response.status, 303);
      assert.deepEqual(await rolesOf(created.user.id), ['council-officer', 'partnership-coordinator']);
      // The password works, and the new user must set up an authenticator app first.
      const newcomer = new PartnerClient(app);
      const signIn = await newcomer.post('/partner/sign-in', { email: created.email, password });
      assert.equal(signIn.headers.get('location'), '/partner/sign-in/enrol');
    });

    it('sends a wrong new user back with errors and answers, never a 500 or half a user', async () => {
      const usersBefore = (await db().selectFrom('app_user').select('id').execute()).length;
      const cases: [Fields, RegExp][] = [
        [
          { email: 'not-an-email', displayName: '', agency: '', clearance: 'TOP-SECRET' },
          /Select at least one role/,
        ],
        [
          {
            email: 'x@council.example',
            displayName: 'X',
            agency: 'council-asb',
            clearance: 'OFFICIAL',
            roles: 'emperor',
          },
          /Select a role from the list/,
        ],
        [
          {
            email: 'x@council.example',
            displayName: 'X',
            agency: 'no-such-agency',
            clearance: 'OFFICIAL',
            roles: 'council-officer',
          },
          /Select their agency/,
        ],
        [
          {
            email: officer.email,
            displayName: 'X',
            agency: 'council-asb',
            clearance: 'OFFICIAL',
            roles: 'council-officer',
          },
          /already exists/,
        ],
        [
          {
            email: 'x@council.example',
            displayName: 'X',
            agency: 'council-asb',
            clearance: 'OFFICIAL',
            roles: 'council-officer',
            isAdmin: 'yes',
          },
          /Remove the unexpected field/,
        ],
      ];
      for (const [fields, message] of cases) {
        const { response, entries } = await submit(admin.client, '/partner/admin/users/new', fields);
        assert.equal(response.status, 303);
        assert.equal(response.headers.get('location'), '/partner/admin/users/new');
        assert.deepEqual(entries, []);
        const shown = await errorsOn(admin.client, '/partner/admin/users/new');
        assert.match(shown.summary, message);
        if (!Array.isArray(fields) && fields.email) {
          assert.equal(
            shown.root.querySelector('#email')?.getAttribute('value'),
            fields.email,
            'answers kept',
          );
        }
      }
      const again = await view(admin.client, '/partner/admin/users/new');
      assert.equal(again.root.querySelector('.govuk-error-summary'), null, 'errors are shown once');
      assert.equal((await db().selectFrom('app_user').select('id').execute()).length, usersBefore);
    });

    it('lists users with one consultation entry naming exactly the users shown, and filters them', async () => {
      const all = await view(admin.client, '/partner/admin/users');
      assert.equal(all.response.status, 200);
      const shownIds = all.root
        .querySelectorAll('[data-testid=users] tbody a')
        .map((a) => a.getAttribute('href')!.split('/').pop()!);
      const everyone = await db().selectFrom('app_user').select('id').execute();
      assert.deepEqual(new Set(shownIds), new Set(everyone.map((u) => u.id)));
      assert.equal(all.entries.length, 1);
      assert.equal(all.entries[0]?.action, 'consultation');
      assert.equal(all.entries[0].event, 'admin.users.list');
      assert.deepEqual(new Set(all.entries[0].record_ids), new Set(shownIds));

      const admins = await view(admin.client, '/partner/admin/users?agency=&role=system-administrator');
      const adminIds = admins.root
        .querySelectorAll('[data-testid=users] tbody a')
        .map((a) => a.getAttribute('href')!.split('/').pop());
      assert.deepEqual(new Set(adminIds), new Set([admin.id, secondAdmin.id]));
      assert.deepEqual(new Set(admins.entries[0]?.record_ids), new Set([admin.id, secondAdmin.id]));

      const asb = await view(admin.client, '/partner/admin/users?agency=council-asb&role=');
      const asbIds = asb.root
        .querySelectorAll('[data-testid=users] tbody a')
        .map((a) => a.getAttribute('href')!.split('/').pop());
      assert.ok(asbIds.includes(officer.id));
      assert.ok(!asbIds.includes(admin.id));
      assert.equal(asb.entries.length, 1);

      assert.equal((await admin.client.get('/partner/admin/users?role=emperor')).status, 400);
    });

    it('shows one user in a summary list with their status, and records one consultation', async () => {
      const page = await view(admin.client, `/partner/admin/users/${officer.id}`);
      assert.equal(page.response.status, 200);
      assert.equal(textOf(page.root, 'h1'), 'Test council-officer');
      const summary = textOf(page.root, '[data-testid=user-summary]');
      assert.match(summary, new RegExp(officer.email));
      assert.match(summary, /Council officer/);
      assert.match(summary, /OFFICIAL-SENSITIVE/);
      assert.match(summary, /Active/);
      assert.deepEqual(
        page.entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.users.view', 'consultation', [officer.id]]],
      );
      for (const missing of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
        const gone = await view(admin.client, `/partner/admin/users/${missing}`);
        assert.equal(gone.response.status, 404);
        assert.deepEqual(gone.entries, []);
      }
    });

    it('narrows access at once: one alteration, and the user is signed out to pick up new roles', async () => {
      const person = await signedInPartner(app, {
        agency: 'council-asb',
        roles: ['council-officer', 'information-governance'],
      });
      const path = `/partner/admin/users/${person.id}/access`;
      const { response, entries } = await submit(admin.client, path, [
        ['roles', 'council-officer'],
        ['clearance', 'OFFICIAL'],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), `/partner/admin/users/${person.id}`);
      assert.deepEqual(
        entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.users.change-access', 'alteration', [person.id]]],
      );
      const user = await db()
        .selectFrom('app_user')
        .select('clearance')
        .where('id', '=', person.id)
        .executeTakeFirst();
      assert.equal(user?.clearance, 'OFFICIAL');
      assert.deepEqual(await rolesOf(person.id), ['council-officer']);
      assert.equal((await person.client.get('/partner')).status, 303, 'signed out');
      const page = await view(admin.client, `/partner/admin/users/${person.id}`);
      assert.match(textOf(page.root, '.govuk-notification-banner'), /Roles and clearance changed/);
      const applied = await db()
        .selectFrom('access_change')
        .select('status')
        .where('user_id', '=', person.id)
        .execute();
      assert.deepEqual(applied, [{ status: 'applied' }], 'recorded for information governance');

      const none = await submit(admin.client, path, { clearance: 'OFFICIAL' });
      assert.equal(none.response.headers.get('location'), path);
      assert.deepEqual(none.entries, []);
      assert.match((await errorsOn(admin.client, path)).summary, /Select at least one role/);
    });

    it('holds a change that widens access until a second administrator approves it', async () => {
      const person = await signedInPartner(app, {
        agency: 'council-asb',
        roles: ['council-officer'],
        clearance: 'OFFICIAL',
      });
      const path = `/partner/admin/users/${person.id}/access`;
      // Each of these widens access: a role with victims' data, audit, administration, clearance.
      const widening: [string, Fields][] = [
        [
          'victims:read',
          [
            ['roles', 'health-social-care-partner'],
            ['clearance', 'OFFICIAL'],
          ],
        ],
        [
          'audit:read',
          [
            ['roles', 'council-officer'],
            ['roles', 'information-governance'],
            ['clearance', 'OFFICIAL'],
          ],
        ],
        [
          'accounts:manage',
          [
            ['roles', 'council-officer'],
            ['roles', 'system-administrator'],
            ['clearance', 'OFFICIAL'],
          ],
        ],
        [
          'clearance',
          [
            ['roles', 'council-officer'],
            ['clearance', 'OFFICIAL-SENSITIVE'],
          ],
        ],
      ];
      let changeId = '';
      for (const [what, fields] of widening) {
        const { response, entries } = await submit(admin.client, path, fields);
        assert.equal(response.status, 303, what);
        const pending = await db()
          .selectFrom('access_change')
          .selectAll()
          .where('user_id', '=', person.id)
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow();
        changeId = pending.id;
        assert.deepEqual(
          entries.map((e) => [e.event, e.action, e.record_type, e.record_ids]),
          [['admin.users.change-access', 'security', 'access-change', [pending.id, person.id]]],
          what,
        );
        assert.deepEqual(await rolesOf(person.id), ['council-officer'], `${what}: nothing applied yet`);
      }
      // Each request replaced the one before: one open request, the others withdrawn.
      const statuses = await db()
        .selectFrom('access_change')
        .select('status')
        .where('user_id', '=', person.id)
        .orderBy('requested_at')
        .execute();
      assert.deepEqual(
        statuses.map((row) => row.status),
        ['withdrawn', 'withdrawn', 'withdrawn', 'pending'],
      );
      assert.equal((await person.client.get('/partner')).status, 200, 'still signed in, unchanged');
      const userPage = await view(admin.client, `/partner/admin/users/${person.id}`);
      assert.match(textOf(userPage.root, '.govuk-notification-banner'), /needs another administrator/);
      assert.match(textOf(userPage.root, '[data-testid=pending-access]'), /clearance OFFICIAL-SENSITIVE/);

      // The administrator who asked sees it, but is offered no buttons and is refused if they try.
      const own = await view(admin.client, '/partner/admin/access-changes');
      assert.ok(own.root.querySelector('[data-testid=access-change]'));
      assert.equal(own.root.querySelector(`form[action$="${changeId}/approve"]`), null);
      const selfApproval = await postDirect(
        admin.client,
        `/partner/admin/access-changes/${changeId}/approve`,
        {},
      );
      assert.equal(selfApproval.response.status, 303);
      assert.deepEqual(selfApproval.entries, []);
      assert.match(
        (await errorsOn(admin.client, '/partner/admin/access-changes')).summary,
        /You asked for this change: another administrator must decide it/,
      );
      assert.deepEqual(await rolesOf(person.id), ['council-officer']);

      // Another administrator approves: exactly what was asked is applied, and the user signed out.
      const listed = await view(secondAdmin.client, '/partner/admin/access-changes');
      assert.deepEqual(
        listed.entries.map((e) => [e.event, e.action, e.record_ids.includes(person.id)]),
        [['admin.access-changes.list', 'consultation', true]],
      );
      const approved = await submit(
        secondAdmin.client,
        `/partner/admin/access-changes/${changeId}/approve`,
        {},
        '/partner/admin/access-changes',
      );
      assert.equal(approved.response.status, 303);
      assert.deepEqual(
        approved.entries.map((e) => [e.event, e.action, e.record_type, e.actor_user_id]),
        [
          ['admin.access-changes.approve', 'alteration', 'user', secondAdmin.id],
          ['admin.access-changes.approve', 'security', 'access-change', secondAdmin.id],
        ],
      );
      assert.deepEqual(await rolesOf(person.id), ['council-officer']);
      const user = await db()
        .selectFrom('app_user')
        .select('clearance')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      assert.equal(user.clearance, 'OFFICIAL-SENSITIVE');
      const decided = await db()
        .selectFrom('access_change')
        .select(['status', 'decided_by'])
        .where('id', '=', changeId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(decided, { status: 'approved', decided_by: secondAdmin.id });

      // Decided once: a second decision changes nothing.
      const again = await submit(
        secondAdmin.client,
        `/partner/admin/access-changes/${changeId}/reject`,
        {},
        '/partner/admin/access-changes',
      );
      assert.deepEqual(again.entries, []);
    });

    it('lets another administrator reject a change, and never the user it is for', async () => {
      const person = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
      // Asking to make secondAdmin an analyst: secondAdmin may not decide a change to themselves.
      const forSecond = await submit(admin.client, `/partner/admin/users/${secondAdmin.id}/access`, [
        ['roles', 'system-administrator'],
        ['roles', 'public-protection-analyst'],
        ['clearance', 'OFFICIAL-SENSITIVE'],
      ]);
      assert.equal(forSecond.response.status, 303);
      const own = await db()
        .selectFrom('access_change')
        .select('id')
        .where('user_id', '=', secondAdmin.id)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      const byTarget = await postDirect(
        secondAdmin.client,
        `/partner/admin/access-changes/${own.id}/approve`,
        {},
      );
      assert.deepEqual(byTarget.entries, []);
      assert.match(
        (await errorsOn(secondAdmin.client, '/partner/admin/access-changes')).summary,
        /This change is to your own access/,
      );
      assert.deepEqual(await rolesOf(secondAdmin.id), ['system-administrator']);

      await submit(admin.client, `/partner/admin/users/${person.id}/access`, [
        ['roles', 'public-protection-analyst'],
        ['clearance', 'OFFICIAL-SENSITIVE'],
      ]);
      const request = await db()
        .selectFrom('access_change')
        .select('id')
        .where('user_id', '=', person.id)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      const rejected = await submit(
        secondAdmin.client,
        `/partner/admin/access-changes/${request.id}/reject`,
        {},
        '/partner/admin/access-changes',
      );
      assert.equal(rejected.response.status, 303);
      assert.deepEqual(
        rejected.entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.access-changes.reject', 'security', [request.id, person.id]]],
      );
      assert.deepEqual(await rolesOf(person.id), ['council-officer']);
      const page = await view(secondAdmin.client, '/partner/admin/access-changes');
      assert.match(textOf(page.root, '.govuk-notification-banner'), /Change of access rejected/);
    });

    it('will not let an administrator change their own roles or clearance, and says why', async () => {
      const path = `/partner/admin/users/${admin.id}/access`;
      const form = await view(admin.client, path);
      assert.equal(form.root.querySelector('form[action$="/access"]'), null, 'no form for your own access');
      assert.match(textOf(form.root, 'main'), /You cannot change your own roles or clearance/);
      for (const fields of [
        { roles: 'council-officer', clearance: 'OFFICIAL' },
        { roles: 'system-administrator', clearance: 'OFFICIAL-SENSITIVE' },
      ]) {
        const { response, entries } = await postDirect(admin.client, path, fields);
        assert.equal(response.status, 303);
        assert.deepEqual(entries, []);
        const shown = await errorsOn(admin.client, path);
        assert.match(
          shown.summary,
          /You cannot change your own roles or clearance: ask another administrator/,
        );
      }
      assert.deepEqual(await rolesOf(admin.id), ['system-administrator']);
      const pending = await db()
        .selectFrom('access_change')
        .select('id')
        .where('user_id', '=', admin.id)
        .execute();
      assert.deepEqual(pending, [], 'not even a request');
      assert.equal((await admin.client.get('/partner/admin/users')).status, 200, 'still signed in');
    });

    it('disables a user after a confirmation page, ending their sessions at once, and re-enables them', async () => {
      const person = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
      const page = `/partner/admin/users/${person.id}`;
      const confirm = await view(admin.client, `${page}/disable`);
      assert.match(textOf(confirm.root, 'h1'), /Are you sure you want to disable/);
      assert.deepEqual(
        confirm.entries.map((e) => e.action),
        ['consultation'],
      );
      const { response, entries } = await submit(admin.client, `${page}/disable`, {});
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), page);
      assert.deepEqual(
        entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.users.disable', 'alteration', [person.id]]],
      );
      const sessions = await db()
        .selectFrom('user_session')
        .select('id_hash')
        .where('user_id', '=', person.id)
        .execute();
      assert.deepEqual(sessions, [], 'their sessions ended at once');
      assert.equal((await person.client.get('/partner')).status, 303);
      const shown = await view(admin.client, page);
      assert.match(textOf(shown.root, '[data-testid=user-summary]'), /Disabled/);
      const refusedSignIn = new PartnerClient(app);
      assert.equal(
        (await refusedSignIn.post('/partner/sign-in', { email: person.email, password: person.password }))
          .status,
        400,
      );

      const enabled = await submit(admin.client, `${page}/enable`, {}, page);
      assert.equal(enabled.response.status, 303);
      assert.deepEqual(
        enabled.entries.map((e) => [e.event, e.action]),
        [['admin.users.enable', 'alteration']],
      );
      // Their password is accepted again (the code step is covered by sign-in's own tests; a
      // second TOTP code in the same 30 seconds would be refused as a replay).
      const back = await new PartnerClient(app).post('/partner/sign-in', {
        email: person.email,
        password: person.password,
      });
      assert.equal(back.headers.get('location'), '/partner/sign-in/code');
    });

    it('will not let an administrator disable themselves, and says why', async () => {
      const page = `/partner/admin/users/${admin.id}`;
      const confirm = await view(admin.client, `${page}/disable`);
      assert.match(textOf(confirm.root, 'main'), /You cannot disable your own account/);
      // The page offers no button to do it: post anyway, as a crafted request would.
      const { response, entries } = await postDirect(admin.client, `${page}/disable`, {});
      assert.equal(response.headers.get('location'), page);
      assert.deepEqual(entries, []);
      assert.match((await errorsOn(admin.client, page)).summary, /You cannot disable your own account/);
      const me = await db()
        .selectFrom('app_user')
        .select('disabled_at')
        .where('id', '=', admin.id)
        .executeTakeFirst();
      assert.equal(me?.disabled_at, null);
    });

    it('resets multi-factor sign-in: secret and recovery codes gone, signed out, enrols again', async () => {
      const person = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
      await db()
        .insertInto('recovery_code')
        .values({ user_id: person.id, code_hash: 'f'.repeat(64) })
        .execute();
      const page = `/partner/admin/users/${person.id}`;
      const { response, entries } = await submit(admin.client, `${page}/reset-mfa`, {});
      assert.equal(response.status, 303);
      assert.deepEqual(
        entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.users.reset-mfa', 'alteration', [person.id]]],
      );
      const user = await db()
        .selectFrom('app_user')
        .select(['totp_secret', 'totp_enrolled_at'])
        .where('id', '=', person.id)
        .executeTakeFirst();
      assert.deepEqual(user, { totp_secret: null, totp_enrolled_at: null });
      assert.deepEqual(
        await db().selectFrom('recovery_code').select('code_hash').where('user_id', '=', person.id).execute(),
        [],
      );
      assert.equal((await person.client.get('/partner')).status, 303, 'signed out');
      const again = new PartnerClient(app);
      const signIn = await again.post('/partner/sign-in', { email: person.email, password: person.password });
      assert.equal(signIn.headers.get('location'), '/partner/sign-in/enrol');
    });

    it('unlocks a locked account', async () => {
      const person = await signedInPartner(app, {
        agency: 'council-asb',
        roles: ['council-officer'],
        signIn: false,
      });
      // Wrong passwords only slow the sender down; wrong codes after the right password still lock.
      const stranger = new PartnerClient(app);
      await stranger.post('/partner/sign-in', { email: person.email, password: person.password });
      const bad = currentTotpCode(person.totpSecret) === '123456' ? '654321' : '123456';
      for (let i = 0; i < 5; i++) await stranger.post('/partner/sign-in/code', { code: bad });
      const page = `/partner/admin/users/${person.id}`;
      const locked = await view(admin.client, page);
      assert.match(textOf(locked.root, '[data-testid=user-summary]'), /Locked/);
      const { response, entries } = await submit(admin.client, `${page}/unlock`, {}, page);
      assert.equal(response.status, 303);
      assert.deepEqual(
        entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.users.unlock', 'alteration', [person.id]]],
      );
      await person.client.signIn(person.email, person.password, person.totpSecret);
    });

    it('answers 404 for changes to a user who does not exist, writing nothing', async () => {
      for (const action of ['access', 'disable', 'enable', 'reset-mfa', 'unlock']) {
        const fields: Record<string, string> =
          action === 'access' ? { roles: 'council-officer', clearance: 'OFFICIAL' } : {};
        for (const nobody of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
          const { response, entries } = await postDirect(
            admin.client,
            `/partner/admin/users/${nobody}/${action}`,
            fields,
          );
          assert.equal(response.status, 404, action);
          assert.deepEqual(entries, []);
        }
      }
    });
  });

  describe('sharing rules', () => {
    it('adds and removes a rule, each with one entry, and the access policy follows', async () => {
      const owner = await agencyId('partnership-hub');
      const partner = await signedInPartner(app, { agency: 'council-licensing', roles: ['council-officer'] });
      const viewer = async (): Promise<Viewer> => ({
        userId: partner.id,
        agencyId: partner.agencyId,
        permissions: permissionsOf(['council-officer']),
        clearance: 'OFFICIAL-SENSITIVE',
        sharedFrom: await sharedFrom(db(), partner.agencyId),
        accessLists: new Set(),
      });
      const report = {
        classification: 'OFFICIAL-SENSITIVE' as const,
        handlingCode: 'C' as const,
        handlingConditions: 'Not for onward sharing',
        owningAgencyId: owner,
        accessListId: null,
      };
      assert.equal(mayAccess(await viewer(), 'read', 'public-report', report), false, 'not shared yet');

      const added = await submit(admin.client, '/partner/admin/sharing/new', {
        owner,
        partner: partner.agencyId,
        recordType: 'public-report',
      });
      assert.equal(added.response.status, 303);
      assert.equal(added.response.headers.get('location'), '/partner/admin/sharing');
      const request = await db()
        .selectFrom('access_change')
        .selectAll()
        .where('partner_agency_id', '=', partner.agencyId)
        .executeTakeFirstOrThrow();
      assert.equal(request.status, 'pending');
      assert.deepEqual(
        added.entries.map((e) => [e.event, e.action, e.record_type, e.record_ids]),
        [['admin.sharing.add', 'security', 'access-change', [request.id]]],
      );
      assert.equal(
        mayAccess(await viewer(), 'read', 'public-report', report),
        false,
        'asked for, not shared',
      );
      const waiting = await view(admin.client, '/partner/admin/sharing');
      assert.match(
        textOf(waiting.root, '[data-testid=sharing-pending]'),
        /Partnership hub.*council-licensing/,
      );
      assert.match(textOf(waiting.root, '[data-testid=sharing-pending]'), /Nobody yet/);

      // Only an information asset owner of the agency that owns the records decides.
      const ownerIao = await signedInPartner(app, {
        agency: 'partnership-hub',
        roles: ['information-asset-owner'],
      });
      const otherIao = await signedInPartner(app, {
        agency: 'council-asb',
        roles: ['information-asset-owner'],
      });
      const approvePath = `/partner/sharing-approvals/${request.id}/approve`;
      assert.equal(
        (await admin.client.get('/partner/sharing-approvals')).status,
        404,
        'not for administrators',
      );
      const byAdmin = await postDirect(admin.client, approvePath, {});
      assert.equal(byAdmin.response.status, 404);
      const otherPage = await view(otherIao.client, '/partner/sharing-approvals');
      assert.equal(
        otherPage.root.querySelector('[data-testid=sharing-request]'),
        null,
        "not another agency's",
      );
      const byOther = await postDirect(otherIao.client, approvePath, {});
      assert.equal(byOther.response.status, 404);
      assert.deepEqual([...byAdmin.entries, ...byOther.entries], []);
      assert.equal(mayAccess(await viewer(), 'read', 'public-report', report), false, 'still not shared');

      const named = await view(admin.client, '/partner/admin/sharing');
      assert.match(textOf(named.root, '[data-testid=sharing-pending]'), /Test information-asset-owner/);
      const ownPage = await view(ownerIao.client, '/partner/sharing-approvals');
      assert.match(
        textOf(ownPage.root, '[data-testid=sharing-request]'),
        /Public reports.*Partnership hub.*council-licensing/,
      );
      assert.ok(ownPage.root.querySelector(`form[action="${approvePath}"]`));
      const approved = await submit(ownerIao.client, approvePath, {}, '/partner/sharing-approvals');
      assert.equal(approved.response.status, 303);
      const rule = await db()
        .selectFrom('sharing_rule')
        .selectAll()
        .where('partner_agency_id', '=', partner.agencyId)
        .executeTakeFirstOrThrow();
      assert.equal(rule.created_by, admin.id, 'made by the one who asked');
      assert.deepEqual(
        approved.entries.map((e) => [e.event, e.action, e.record_type, e.record_ids, e.actor_user_id]),
        [['sharing-approvals.approve', 'security', 'sharing-rule', [rule.id, request.id], ownerIao.id]],
      );
      assert.equal(mayAccess(await viewer(), 'read', 'public-report', report), true, 'shared');
      const list = await view(admin.client, '/partner/admin/sharing');
      assert.match(
        textOf(list.root, '[data-testid=sharing-rules]'),
        /Partnership hub.*council-licensing.*Public reports/,
      );

      const confirm = await view(admin.client, `/partner/admin/sharing/${rule.id}/remove`);
      assert.match(
        textOf(confirm.root, 'h1'),
        /Are you sure you want to stop Partnership hub sharing public reports/,
      );
      const removed = await submit(admin.client, `/partner/admin/sharing/${rule.id}/remove`, {});
      assert.equal(removed.response.status, 303);
      assert.deepEqual(
        removed.entries.map((e) => [e.event, e.action, e.record_ids]),
        [['admin.sharing.remove', 'security', [rule.id]]],
      );
      assert.equal(mayAccess(await viewer(), 'read', 'public-report', report), false, 'no longer shared');
      assert.equal((await admin.client.get(`/partner/admin/sharing/${rule.id}/remove`)).status, 404);
    });

    it('refuses a rule from an agency to itself, a repeated rule, and a type without markings', async () => {
      const owner = await agencyId('partnership-hub');
      const asb = await agencyId('council-asb');
      const cases: [Record<string, string>, RegExp][] = [
        [{ owner, partner: owner, recordType: 'public-report' }, /Select a different agency/],
        [{ owner, partner: asb, recordType: 'user' }, /Select the type of record to share/],
        [
          { owner: 'nonsense', partner: asb, recordType: 'public-report' },
          /Select the agency that owns the records/,
        ],
      ];
      for (const [fields, message] of cases) {
        const { response, entries } = await submit(admin.client, '/partner/admin/sharing/new', fields);
        assert.equal(response.headers.get('location'), '/partner/admin/sharing/new');
        assert.deepEqual(entries, []);
        assert.match((await errorsOn(admin.client, '/partner/admin/sharing/new')).summary, message);
      }
      await submit(admin.client, '/partner/admin/sharing/new', {
        owner,
        partner: asb,
        recordType: 'public-report',
      });
      const repeat = await submit(admin.client, '/partner/admin/sharing/new', {
        owner,
        partner: asb,
        recordType: 'public-report',
      });
      assert.deepEqual(repeat.entries, []);
      assert.match((await errorsOn(admin.client, '/partner/admin/sharing/new')).summary, /already shared/);
    });

    it('lets the owner reject sharing, and shows every change of access to information governance', async () => {
      const owner = await agencyId('council-asb');
      const partner = await agencyId('council-licensing');
      const ownerIao = await signedInPartner(app, {
        agency: 'council-asb',
        roles: ['information-asset-owner'],
      });
      await submit(admin.client, '/partner/admin/sharing/new', {
        owner,
        partner,
        recordType: 'public-report-file',
      });
      const request = await db()
        .selectFrom('access_change')
        .select('id')
        .where('owner_agency_id', '=', owner)
        .where('record_type', '=', 'public-report-file')
        .executeTakeFirstOrThrow();
      const rejected = await submit(
        ownerIao.client,
        `/partner/sharing-approvals/${request.id}/reject`,
        {},
        '/partner/sharing-approvals',
      );
      assert.equal(rejected.response.status, 303);
      assert.deepEqual(
        rejected.entries.map((e) => [e.event, e.action, e.record_ids]),
        [['sharing-approvals.reject', 'security', [request.id]]],
      );
      const rules = await db()
        .selectFrom('sharing_rule')
        .select('id')
        .where('owner_agency_id', '=', owner)
        .where('record_type', '=', 'public-report-file')
        .execute();
      assert.deepEqual(rules, []);
      const page = await view(ownerIao.client, '/partner/sharing-approvals');
      assert.match(textOf(page.root, '.govuk-notification-banner'), /Sharing rejected/);

      // Information governance sees asked-for, approved, rejected and applied changes on their home page.
      const ig = await signedInPartner(app, {
        agency: 'partnership-team',
        roles: ['information-governance'],
      });
      const home = await view(ig.client, '/partner');
      const rows = home.root
        .querySelectorAll('[data-testid=access-changes] tbody tr')
        .map((row) => row.querySelectorAll('td').map((cell) => cell.text.trim().replace(/\s+/g, ' ')));
      assert.ok(rows.length > 0);
      const statuses = new Set(rows.map((row) => row[2]));
      for (const status of ['Rejected', 'Approved', 'Waiting for approval', 'Applied (narrows access)']) {
        assert.ok(statuses.has(status), `${status} is listed`);
      }
      assert.ok(
        rows.some(
          (row) =>
            row[2] === 'Rejected' && /of council-asb shared with council-licensing$/.test(row[0] ?? ''),
        ),
        JSON.stringify(rows),
      );
      const officerHome = await view(officer.client, '/partner');
      assert.equal(
        officerHome.root.querySelector('[data-testid=access-changes]'),
        null,
        'only for audit readers',
      );
    });
  });

  describe('change your password', () => {
    it('is open to any signed-in partner, and to nobody else', async () => {
      assert.equal((await app.get('/partner/account/password')).status, 303);
      assert.equal((await officer.client.get('/partner/account/password')).status, 200);
      const home = parseHtml(await (await officer.client.get('/partner')).text());
      assert.ok(home.querySelector('a[href="/partner/account/password"]'), 'linked from every partner page');
    });

    it('checks the current password and the NCSC rules, then ends the other sessions only', async () => {
      const person = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
      const elsewhere = new PartnerClient(app);
      const page = '/partner/account/password';

      const wrong = await submit(person.client, page, {
        currentPassword: 'not-it',
        newPassword: 'correct horse battery',
      });
      assert.equal(wrong.response.headers.get('location'), page);
      assert.match((await errorsOn(person.client, page)).summary, /Your current password is not right/);
      for (const [newPassword, message] of [
        ['short', /at least 12 characters/],
        ['password1234', /too common/],
      ] as const) {
        await submit(person.client, page, { currentPassword: person.password, newPassword });
        const shown = await errorsOn(person.client, page);
        assert.match(shown.summary, message);
        assert.equal(
          shown.root.querySelector('#newPassword')?.getAttribute('value') ?? null,
          null,
          'never shown again',
        );
      }

      // A second session of the same person, signed in elsewhere (a new TOTP step is not needed:
      // recovery codes stand in for the second factor here).
      await db()
        .insertInto('recovery_code')
        .values({ user_id: person.id, code_hash: createHash('sha256').update('abcdefghjk').digest('hex') })
        .execute();
      await elsewhere.post('/partner/sign-in', { email: person.email, password: person.password });
      assert.equal((await elsewhere.post('/partner/sign-in/code', { code: 'abcde-fghjk' })).status, 303);
      assert.equal((await elsewhere.get('/partner')).status, 200);

      const changed = await submit(person.client, page, {
        currentPassword: person.password,
        newPassword: 'otter kettle lighthouse',
      });
      assert.equal(changed.response.status, 303);
      assert.deepEqual(
        changed.entries.map((e) => [e.event, e.action, e.record_ids]),
        [['partner.password.change', 'security', [person.id]]],
      );
      const shown = await view(person.client, page);
      assert.match(textOf(shown.root, '.govuk-notification-banner'), /Your password has been changed/);
      assert.equal((await elsewhere.get('/partner')).status, 303, 'the other session ended');
      const fresh = new PartnerClient(app);
      const signIn = await fresh.post('/partner/sign-in', {
        email: person.email,
        password: 'otter kettle lighthouse',
      });
      assert.equal(signIn.status, 303, 'the new password works');
    });
  });
});
