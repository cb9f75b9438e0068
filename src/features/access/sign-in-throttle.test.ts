/**
 * Wrong passwords slow the client that sends them, never the partner: no account is locked by
 * them. Time is a clock the tests move on, never a sleep.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import { clientKeys } from '../reports/rate-limit.js';
import { signInThrottle, waitInWords } from './sign-in-throttle.js';
import { currentTotpCode } from './totp.js';

const LIMITS = { freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 60, failuresPerClientPerHour: 20 };

function fakeClock(start = Date.UTC(2026, 11, 3, 9)) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('sign-in throttle (pure)', () => {
  it('lets the first wrong passwords through, then doubles the wait up to its limit', () => {
    const clock = fakeClock();
    const throttle = signInThrottle(clientKeys(clock.now), LIMITS, clock.now);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const decision = throttle.check('203.0.113.9', 'lee@council.example');
      waits.push(decision.allowed ? 0 : decision.retryAfterSeconds);
      if (!decision.allowed) clock.advance(decision.retryAfterSeconds);
      throttle.failed('203.0.113.9', 'lee@council.example');
    }
    assert.deepEqual(waits, [0, 0, 0, 0, 2, 4, 8, 16, 32]);
    assert.deepEqual(throttle.check('203.0.113.9', 'LEE@council.example '), {
      allowed: false,
      retryAfterSeconds: 60,
    });
  });

  it('holds up only the client that got it wrong, and starts again after the right password', () => {
    const clock = fakeClock();
    const throttle = signInThrottle(clientKeys(clock.now), LIMITS, clock.now);
    for (let i = 0; i < 6; i++) throttle.failed('203.0.113.9', 'lee@council.example');
    assert.equal(throttle.check('203.0.113.9', 'lee@council.example').allowed, false);
    assert.equal(throttle.check('198.51.100.7', 'lee@council.example').allowed, true, 'the partner');
    assert.equal(throttle.check('203.0.113.9', 'sam@council.example').allowed, true, 'another account');
    throttle.failed('198.51.100.7', 'lee@council.example');
    throttle.succeeded('198.51.100.7', 'lee@council.example');
    throttle.succeeded('203.0.113.9', 'lee@council.example');
    assert.equal(throttle.check('203.0.113.9', 'lee@council.example').allowed, true);
  });

  it('refuses a client with too many wrong passwords in an hour, whichever accounts, until the hour is out', () => {
    const clock = fakeClock();
    const throttle = signInThrottle(clientKeys(clock.now, 60 * 60 * 1000), LIMITS, clock.now);
    for (let i = 0; i < 20; i++) throttle.failed('203.0.113.9', `person${i}@council.example`);
    assert.deepEqual(throttle.check('203.0.113.9', 'new@council.example'), {
      allowed: false,
      retryAfterSeconds: 3600,
    });
    assert.equal(throttle.check('198.51.100.7', 'new@council.example').allowed, true);
    clock.advance(60 * 60);
    assert.equal(throttle.check('203.0.113.9', 'new@council.example').allowed, true, 'forgotten');
  });

  it('says how long to wait in words', () => {
    assert.equal(waitInWords(1), '1 second');
    assert.equal(waitInWords(32), '32 seconds');
    assert.equal(waitInWords(900), '15 minutes');
    assert.equal(waitInWords(3600), '60 minutes');
    assert.equal(waitInWords(7200), '2 hours');
  });
});

describe('sign-in: wrong passwords slow the sender and lock nobody out', () => {
  const clock = fakeClock();
  let app: TestApp;
  let partner: TestPartner;
  before(async () => {
    // The app sits behind a proxy on loopback, so each test client can give its own address.
    app = await startTestApp({ clock: clock.now, config: { trustProxy: 'loopback' } });
    partner = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer'],
      signIn: false,
    });
  });
  after(() => app.stop());

  async function tryPassword(from: string, password: string, cookie?: string) {
    const token = await app.csrfFor('/partner/sign-in');
    return app.postForm(
      '/partner/sign-in',
      { _csrf: token, email: partner.email, password },
      { headers: { 'x-forwarded-for': from, ...(cookie ? { cookie } : {}) } },
    );
  }

  it('makes the attacker wait, doubling, while the partner signs in from their own client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await tryPassword('203.0.113.9', `guess-${i}`)).status);
    assert.deepEqual(statuses, [400, 400, 400, 400, 429, 429]);

    const held = await tryPassword('203.0.113.9', partner.password);
    assert.equal(held.status, 429, 'even the right password waits: the sender learns nothing');
    assert.equal(held.headers.get('retry-after'), '2');
    assert.equal(
      textOf(parseHtml(await held.text()), '.govuk-error-summary__list a'),
      'Too many wrong attempts: wait 2 seconds, then try again',
    );
    clock.advance(2);
    assert.equal((await tryPassword('203.0.113.9', 'guess-again')).status, 400);
    assert.equal((await tryPassword('203.0.113.9', 'guess-again')).headers.get('retry-after'), '4');

    const user = await app.lantern.services.accounts.userById(partner.id);
    assert.equal(user?.locked_until, null, 'the account is not locked');
    const signIn = await tryPassword('198.51.100.7', partner.password);
    assert.equal(signIn.status, 303);
    assert.equal(signIn.headers.get('location'), '/partner/sign-in/code');
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await app.get('/partner/sign-in/code', { headers: { cookie } });
    const codeToken = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const code = await app.postForm(
      '/partner/sign-in/code',
      { _csrf: codeToken, code: currentTotpCode(partner.totpSecret) },
      { headers: { cookie, 'x-forwarded-for': '198.51.100.7' } },
    );
    assert.equal(code.status, 303);
    assert.equal(code.headers.get('location'), '/partner', 'signed in, whatever the attacker did');
  });

  it('answers an unknown email exactly as a known one, delays included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const token = await app.csrfFor('/partner/sign-in');
      const response = await app.postForm(
        '/partner/sign-in',
        { _csrf: token, email: 'nobody@council.example', password: `guess-${i}` },
        { headers: { 'x-forwarded-for': '192.0.2.44' } },
      );
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [400, 400, 400, 400, 429]);
  });
});
