import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml, textOf } from '../../../test/support/html.js';

describe('partner sign-in page', () => {
  let app: TestApp;
  let password: string;
  before(async () => {
    app = await startTestApp();
    const accounts = app.lantern.services.accounts;
    await accounts.createAgency({
      code: 'council-licensing',
      name: 'Licensing',
      organisation: 'Cornwall Council',
      kind: 'council',
    });
    ({ password } = await accounts.createUser({
      email: 'Lee@Council.Example',
      displayName: 'Lee Licensing',
      agencyCode: 'council-licensing',
      roles: ['council-officer'],
    }));
  });
  after(() => app.stop());

  it('shows the form with a CSRF token and no cookie', async () => {
    const response = await app.get('/partner/sign-in');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('set-cookie'), null);
    const root = parseHtml(await response.text());
    assert.equal(
      textOf(root, 'title'),
      'Sign in to the partner workspace – Lantern Community Safety Partnership',
    );
    assert.ok(root.querySelector('form[novalidate] input[name=_csrf]'));
    assert.ok(root.querySelector('input#email[autocomplete=username]'));
    assert.ok(root.querySelector('input#password[type=password]'));
  });

  it('shows GOV.UK errors for missing and malformed answers, keeping what was typed', async () => {
    const token = await app.csrfFor('/partner/sign-in');
    const response = await app.postForm('/partner/sign-in', {
      _csrf: token,
      email: 'not-an-email',
      password: '',
    });
    assert.equal(response.status, 400);
    const root = parseHtml(await response.text());
    assert.match(textOf(root, 'title'), /^Error: Sign in to the partner workspace/);
    const summary = root
      .querySelectorAll('.govuk-error-summary__list a')
      .map((a) => [a.getAttribute('href'), a.text.trim()]);
    assert.deepEqual(summary, [
      ['#email', 'Enter an email address in the correct format, like name@example.com'],
      ['#password', 'Enter your password'],
    ]);
    assert.match(textOf(root, '#email-error'), /Enter an email address in the correct format/);
    assert.equal(root.querySelector('#email')?.getAttribute('value'), 'not-an-email');
  });

  it('says the same thing for an unknown email and a wrong password', async () => {
    for (const [email, pass] of [
      ['nobody@council.example', password],
      ['lee@council.example', 'wrong-password'],
    ] as const) {
      const token = await app.csrfFor('/partner/sign-in');
      const response = await app.postForm('/partner/sign-in', { _csrf: token, email, password: pass });
      assert.equal(response.status, 400);
      const root = parseHtml(await response.text());
      assert.equal(
        textOf(root, '.govuk-error-summary__list a'),
        'Enter a correct email address and password',
      );
      assert.equal(response.headers.get('set-cookie'), null);
    }
  });

  it('accepts the right password (any case of email) but asks for a second factor before signing in', async () => {
    const token = await app.csrfFor('/partner/sign-in');
    const response = await app.postForm('/partner/sign-in', {
      _csrf: token,
      email: 'LEE@council.example',
      password,
    });
    assert.equal(response.status, 303);
    assert.equal(
      response.headers.get('location'),
      '/partner/sign-in/enrol',
      'not enrolled yet, so enrol first',
    );
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(
      cookie,
      /^__Host-lantern-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const home = await app.get('/partner', { headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(home.status, 303, 'still not signed in');
    assert.equal(home.headers.get('location'), '/partner/sign-in');
  });

  it('refuses a form posted without its token', async () => {
    const response = await app.postForm('/partner/sign-in', { email: 'lee@council.example', password });
    assert.equal(response.status, 403);
    assert.match(textOf(parseHtml(await response.text()), 'h1'), /This form has expired/);
  });

  it('refuses a form with fields it does not expect, and one that is too large', async () => {
    const token = await app.csrfFor('/partner/sign-in');
    const extra = await app.postForm('/partner/sign-in', {
      _csrf: token,
      email: 'a@b.example',
      password: 'x',
      role: 'admin',
    });
    assert.equal(extra.status, 400);
    assert.match(await extra.text(), /Remove the unexpected field: role/);
    const huge = await app.postForm('/partner/sign-in', {
      _csrf: token,
      email: 'a@b.example',
      password: 'x'.repeat(300_000),
    });
    assert.equal(huge.status, 413);
  });
});
