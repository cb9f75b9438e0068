import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { PartnerClient, signedInPartner } from '../../../test/support/partner.js';
import { GOOD_ANSWERS, postReportForm, sendFromCheckPage } from '../../../test/support/reports.js';
import { judgeSession } from './sessions.js';
import { currentTotpCode } from './totp.js';

const LIMITS = { idleMinutes: 15, absoluteHours: 10 };
const T0 = new Date('2026-11-23T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('session rules (pure)', () => {
  const facts = {
    createdAt: T0,
    lastSeenAt: T0,
    rolesAtStart: ['council-officer'],
    currentRoles: ['council-officer'],
    userDisabled: false,
  };
  const cases: [string, Partial<typeof facts>, Date, string][] = [
    ['fresh', {}, minutes(1), 'ok'],
    ['idle for 15 minutes exactly', {}, minutes(15), 'ok'],
    ['idle for just over 15 minutes', {}, new Date(minutes(15).getTime() + 1000), 'idle'],
    [
      'busy but past 10 hours',
      { lastSeenAt: minutes(600) },
      new Date(minutes(600).getTime() + 1000),
      'expired',
    ],
    ['user disabled', { userDisabled: true }, minutes(1), 'disabled'],
    ['role removed', { currentRoles: [] }, minutes(1), 'roles-changed'],
    [
      'role added',
      { currentRoles: ['council-officer', 'system-administrator'] },
      minutes(1),
      'roles-changed',
    ],
    ['same roles in another order', { rolesAtStart: ['a', 'b'], currentRoles: ['b', 'a'] }, minutes(1), 'ok'],
  ];
  for (const [name, change, now, expected] of cases) {
    it(`${name}: ${expected}`, () => {
      assert.equal(judgeSession({ ...facts, ...change }, now, LIMITS), expected);
    });
  }
});

describe('partner sign-in with a second factor, and sessions', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('signs in with password and TOTP code, and reaches the workspace', async () => {
    const partner = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const home = await partner.client.get('/partner');
    assert.equal(home.status, 200);
    assert.equal(textOf(parseHtml(await home.text()), 'h1'), 'Partner workspace');
    const entries = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['event', 'actor_user_id', 'action'])
      .where('actor_user_id', '=', partner.id)
      .execute();
    assert.deepEqual(entries, [
      { event: 'partner.signed-in', actor_user_id: partner.id, action: 'security' },
    ]);
  });

  it('gives a new session id after the second factor', async () => {
    const partner = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer'],
      signIn: false,
    });
    const client = partner.client;
    await client.post('/partner/sign-in', { email: partner.email, password: partner.password });
    const before = client.cookie;
    await client.post('/partner/sign-in/code', { code: currentTotpCode(partner.totpSecret) });
    assert.ok(before && client.cookie && before !== client.cookie);
    const old = new PartnerClient(app);
    old.cookie = before;
    assert.equal((await old.get('/partner')).status, 303, 'the pre-MFA id is worth nothing');
  });

  it('refuses a wrong code, and the same code used twice', async () => {
    const partner = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer'],
      signIn: false,
    });
    const client = partner.client;
    await client.post('/partner/sign-in', { email: partner.email, password: partner.password });
    const wrong = await client.post('/partner/sign-in/code', {
      code: '000000' === currentTotpCode(partner.totpSecret) ? '111111' : '000000',
    });
    assert.equal(wrong.status, 400);
    assert.equal(
      textOf(parseHtml(await wrong.text()), '.govuk-error-summary__list a'),
      'Enter a correct code',
    );
    const code = currentTotpCode(partner.totpSecret);
    assert.equal((await client.post('/partner/sign-in/code', { code })).status, 303);
    const again = new PartnerClient(app);
    await again.post('/partner/sign-in', { email: partner.email, password: partner.password });
    const replay = await again.post('/partner/sign-in/code', { code });
    assert.equal(replay.status, 400, 'a code cannot be replayed');
  });

  it('enrols a partner with no authenticator yet: QR code, then recovery codes that each work once', async () => {
    const partner = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer'],
      signIn: false,
    });
    await app.lantern.database.db
      .updateTable('app_user')
      .set({ totp_secret: null, totp_enrolled_at: null })
      .where('id', '=', partner.id)
      .execute();
    const client = partner.client;
    const first = await client.post('/partner/sign-in', { email: partner.email, password: partner.password });
    assert.equal(first.headers.get('location'), '/partner/sign-in/enrol');
    const page = parseHtml(await (await client.get('/partner/sign-in/enrol')).text());
    assert.ok(page.querySelector('.app-qr-code svg'), 'a QR code drawn on the server');
    const secret = textOf(page, '[data-testid=totp-secret]').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    const enrolled = await client.post(
      '/partner/sign-in/enrol',
      { code: currentTotpCode(secret) },
      '/partner/sign-in/enrol',
    );
    assert.equal(enrolled.status, 200);
    assert.equal(enrolled.headers.get('cache-control'), 'no-store');
    const codes = parseHtml(await enrolled.text())
      .querySelectorAll('[data-testid=recovery-codes] code')
      .map((c) => c.text);
    assert.equal(codes.length, 10);
    assert.equal((await client.get('/partner')).status, 200, 'signed in after enrolment');

    const lostPhone = new PartnerClient(app);
    await lostPhone.post('/partner/sign-in', { email: partner.email, password: partner.password });
    assert.equal(
      (await lostPhone.post('/partner/sign-in/code', { code: codes[0]!.toUpperCase() })).status,
      303,
    );
    const reuse = new PartnerClient(app);
    await reuse.post('/partner/sign-in', { email: partner.email, password: partner.password });
    assert.equal(
      (await reuse.post('/partner/sign-in/code', { code: codes[0]! })).status,
      400,
      'each works once',
    );
  });

  it('wrong codes count towards the lockout too', async () => {
    const partner = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer'],
      signIn: false,
    });
    const client = partner.client;
    await client.post('/partner/sign-in', { email: partner.email, password: partner.password });
    const bad = currentTotpCode(partner.totpSecret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i++)
      assert.equal((await client.post('/partner/sign-in/code', { code: bad })).status, 400);
    const fifth = await client.post('/partner/sign-in/code', { code: bad }, '/partner/sign-in/code');
    assert.equal(
      textOf(parseHtml(await fifth.text()), 'h1'),
      'Sign in to the partner workspace',
      'back to the start',
    );
    const user = await app.lantern.services.accounts.userById(partner.id);
    assert.ok(user?.locked_until && user.locked_until > new Date());
  });

  it('ends a session at the next request when the user is disabled or loses a role', async () => {
    const disabled = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const demoted = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer', 'partnership-coordinator'],
    });
    assert.equal((await disabled.client.get('/partner')).status, 200);
    assert.equal((await demoted.client.get('/partner')).status, 200);
    const db = app.lantern.database.db;
    await db.updateTable('app_user').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    await db
      .deleteFrom('user_role')
      .where('user_id', '=', demoted.id)
      .where('role', '=', 'partnership-coordinator')
      .execute();
    for (const partner of [disabled, demoted]) {
      const response = await partner.client.get('/partner');
      assert.equal(response.status, 303);
      assert.equal(partner.client.cookie, undefined, 'cookie cleared');
      const left = await db
        .selectFrom('user_session')
        .select('id_hash')
        .where('user_id', '=', partner.id)
        .execute();
      assert.deepEqual(left, []);
    }
  });

  it('ends an idle session, and one past its absolute limit', async () => {
    const idle = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const old = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const db = app.lantern.database.db;
    await db
      .updateTable('user_session')
      .set({ last_seen_at: sql<Date>`now() - interval '16 minutes'` })
      .where('user_id', '=', idle.id)
      .execute();
    await db
      .updateTable('user_session')
      .set({ created_at: sql<Date>`now() - interval '10 hours 1 minute'` })
      .where('user_id', '=', old.id)
      .execute();
    assert.equal((await idle.client.get('/partner')).status, 303);
    assert.equal((await old.client.get('/partner')).status, 303);
  });

  it('signs out, and the old cookie no longer works', async () => {
    const partner = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const cookie = partner.client.cookie;
    const out = await partner.client.post('/partner/sign-out', {}, '/partner');
    assert.equal(out.status, 200);
    const replay = new PartnerClient(app);
    replay.cookie = cookie;
    assert.equal((await replay.get('/partner')).status, 303);
  });

  it('sets no cookie on public pages, even for a signed-in partner whose session has ended', async () => {
    const partner = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    await app.lantern.database.db.deleteFrom('user_session').where('user_id', '=', partner.id).execute();
    const response = await partner.client.get('/');
    assert.equal(response.headers.get('set-cookie'), null);
  });
});

describe('a partner who is signed in and reports as a member of the public', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('stays anonymous: the report and its audit entry name no partner', async () => {
    const partner = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const cookie = { headers: { cookie: `__Host-lantern-session=${partner.client.cookie ?? ''}` } };
    const check = await postReportForm(app, GOOD_ANSWERS, undefined, cookie);
    assert.equal(check.status, 200);
    const sent = await sendFromCheckPage(app, await check.text(), {}, cookie);
    assert.equal(sent.status, 200);
    const entries = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['actor_kind', 'actor_user_id', 'actor_agency_id'])
      .where('event', 'like', 'reports.%')
      .execute();
    assert.ok(entries.length > 0);
    for (const entry of entries) {
      assert.deepEqual(entry, { actor_kind: 'public', actor_user_id: null, actor_agency_id: null });
    }
  });
});
