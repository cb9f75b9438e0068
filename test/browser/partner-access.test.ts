/**
 * Partner access in a real browser, every page checked by axe (WCAG 2.2 A and AA): enrolment in
 * multi-factor sign-in, signing in, lockout, an administrator disabling a signed-in user, the
 * sign-in form by keyboard alone, creating a user with JavaScript off (their roles approved by a
 * second administrator).
 *
 * A TOTP code cannot be used twice by the same person in one 30-second step (replay protection),
 * so every test signs in people of its own, each once.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/features/access/roles.js';
import { currentTotpCode } from '../../src/features/access/totp.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext } from '../support/browser.js';
import { signedInPartner, type TestPartner } from '../support/partner.js';

describe('partner access in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });
  afterEach(() => {
    // Includes the s62 check: a route that wrote other than one audit entry logs an error.
    assert.deepEqual(
      app.logs.filter((line) => line.level === 50),
      [],
      'no error was logged',
    );
  });

  async function open(t: TestContext, javaScript = true): Promise<Page | undefined> {
    browser ??= await launchBrowser(t);
    if (!browser) return undefined;
    const context = await newContext(browser, { javaScript });
    return context.newPage();
  }

  const path = (page: Page) => new URL(page.url()).pathname;

  /** A partner who exists, enrolled in TOTP, not yet signed in anywhere. */
  const partner = (roles: Role[]) => signedInPartner(app, { agency: 'council-asb', roles, signIn: false });

  /** The password step. `check`: run axe on the blank form (once per test is enough: it is the same page). */
  async function enterPassword(page: Page, email: string, password: string, check = true): Promise<void> {
    await page.goto(`${app.url}/partner/sign-in`);
    if (check) await assertAccessible(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState();
  }

  async function signIn(page: Page, who: TestPartner): Promise<void> {
    await enterPassword(page, who.email, who.password);
    assert.equal(path(page), '/partner/sign-in/code');
    await assertAccessible(page);
    await page.getByLabel('Enter the code from your authenticator app').fill(currentTotpCode(who.totpSecret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
    assert.equal(path(page), '/partner');
    await assertAccessible(page);
  }

  it('enrols a new user: password, QR code, a code from the key shown, recovery codes, workspace', async (t) => {
    const page = await open(t);
    if (!page) return;
    const accounts = app.lantern.services.accounts;
    if (!(await accounts.agencyByCode('council-asb'))) {
      await accounts.createAgency({
        code: 'council-asb',
        name: 'Anti-social behaviour team',
        organisation: 'Cornwall Council',
        kind: 'council',
      });
    }
    const email = 'new.starter@council.example';
    const { password } = await accounts.createUser({
      email,
      displayName: 'New Starter',
      agencyCode: 'council-asb',
      roles: ['council-officer'],
    });

    await enterPassword(page, email, password);
    assert.equal(path(page), '/partner/sign-in/enrol');
    await assertAccessible(page);
    assert.equal(await page.locator('.app-qr-code svg').count(), 1, 'a QR code');
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    await page.getByLabel('Code from your app').fill(currentTotpCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();

    assert.equal(
      await page.getByRole('heading', { level: 1 }).innerText(),
      'Your authenticator app is set up',
    );
    await assertAccessible(page);
    assert.equal(await page.getByTestId('recovery-codes').locator('code').count(), 10);
    await page.getByRole('link', { name: 'I have saved my codes: continue' }).click();
    await page.waitForLoadState();
    assert.equal(path(page), '/partner');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Partner workspace');
    await assertAccessible(page);
    await page.context().close();
  });

  it('signs in an enrolled user with password and code', async (t) => {
    const page = await open(t);
    if (!page) return;
    const who = await partner(['council-officer']);
    await signIn(page, who);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Partner workspace');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1);
    await page.context().close();
  });

  it('refuses wrong passwords with one message and locks nothing: the right one then works', async (t) => {
    const page = await open(t);
    if (!page) return;
    const who = await partner(['council-officer']);
    for (let i = 0; i < 3; i++) {
      await enterPassword(page, who.email, `wrong password ${i}`, i === 0);
      assert.equal(path(page), '/partner/sign-in');
      assert.match(await page.title(), /^Error: /);
      assert.match(
        await page.locator('.govuk-error-summary').innerText(),
        /Enter a correct email address and password/,
      );
      if (i === 0) await assertAccessible(page); // the same page with the same error each time
    }
    assert.match(
      await page.locator('main').innerText(),
      /After 5 wrong sign-in codes in a row, an account is locked/,
    );
    const user = await app.lantern.services.accounts.userById(who.id);
    assert.equal(user?.locked_until, null, 'wrong passwords lock nothing');
    await enterPassword(page, who.email, who.password, false);
    assert.equal(path(page), '/partner/sign-in/code');
    await page.context().close();
  });

  it('ends the session of a user an administrator disables: their next page is sign-in', async (t) => {
    const adminPage = await open(t);
    const userPage = await open(t);
    if (!adminPage || !userPage) return;
    const admin = await partner(['system-administrator']);
    const who = await partner(['council-officer']);
    await signIn(userPage, who);
    await signIn(adminPage, admin);

    await adminPage.getByRole('link', { name: 'Users', exact: true }).click();
    await adminPage.waitForLoadState();
    await assertAccessible(adminPage);
    await adminPage.goto(`${app.url}/partner/admin/users/${who.id}`);
    await assertAccessible(adminPage);
    await adminPage.getByRole('button', { name: 'Disable account' }).click();
    await adminPage.waitForLoadState();
    assert.match(await adminPage.getByRole('heading', { level: 1 }).innerText(), /Are you sure/);
    await assertAccessible(adminPage);
    await adminPage.getByRole('button', { name: 'Yes, disable account' }).click();
    await adminPage.waitForLoadState();
    assert.match(await adminPage.locator('.govuk-notification-banner').innerText(), /Account disabled/);
    await assertAccessible(adminPage);

    await userPage.reload();
    assert.equal(path(userPage), '/partner/sign-in');
    await assertAccessible(userPage);
    await adminPage.context().close();
    await userPage.context().close();
  });

  it('lets a keyboard user complete sign-in without a mouse', async (t) => {
    const page = await open(t);
    if (!page) return;
    const who = await partner(['council-officer']);
    await page.goto(`${app.url}/partner/sign-in`);

    /** Presses Tab until the focused element is the one wanted (and fails if it never is). */
    async function tabTo(what: string, wanted: (el: { id: string; tag: string; text: string }) => boolean) {
      for (let i = 0; i < 25; i++) {
        await page!.keyboard.press('Tab');
        const focused = await page!.evaluate(() => {
          const el = document.activeElement;
          return { id: el?.id ?? '', tag: el?.tagName ?? '', text: el?.textContent.trim() ?? '' };
        });
        if (wanted(focused)) return;
      }
      assert.fail(`Tab never reached ${what}`);
    }
    await tabTo('the email field', (el) => el.id === 'email');
    await page.keyboard.type(who.email);
    await tabTo('the password field', (el) => el.id === 'password');
    await page.keyboard.type(who.password);
    await tabTo('the Sign in button', (el) => el.tag === 'BUTTON' && el.text === 'Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/partner\/sign-in\/code$/);
    await assertAccessible(page);
    await tabTo('the code field', (el) => el.id === 'code');
    await page.keyboard.type(currentTotpCode(who.totpSecret));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/partner$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Partner workspace');
    await assertAccessible(page);
    await page.context().close();
  });

  it('lets an administrator create a user with JavaScript switched off', async (t) => {
    const page = await open(t, false);
    if (!page) return;
    const admin = await partner(['system-administrator']);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForLoadState();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.waitForLoadState();
    assert.equal(path(page), '/partner/admin/users/new');
    await assertAccessible(page);

    // First without roles: the errors come back through the session (post/redirect/get).
    await page.getByLabel('Full name').fill('Jo Licensing');
    await page.getByLabel('Email address').fill('jo.licensing@council.example');
    await page.getByLabel('Agency').selectOption('council-asb');
    await page.getByLabel('OFFICIAL-SENSITIVE').check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.waitForLoadState();
    assert.equal(path(page), '/partner/admin/users/new');
    assert.match(await page.title(), /^Error: Add a user/);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Select at least one role/);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Jo Licensing', 'answers kept');
    await assertAccessible(page);

    await page.getByLabel('Council officer').check();
    await page.getByLabel('Partnership coordinator').check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /User created/);
    const password = await page.getByTestId('one-time-password').innerText();
    assert.match(password, /^[a-z2-9-]{27}$/);
    await assertAccessible(page);

    // Their roles and clearance wait for a second administrator: the account has neither yet.
    assert.match(await page.getByTestId('pending-access').innerText(), /another administrator to approve/);
    const created = await app.lantern.services.accounts.userByEmail('jo.licensing@council.example');
    assert.equal(created?.clearance, 'OFFICIAL');
    await page.getByRole('link', { name: 'View Jo Licensing' }).click();
    await page.waitForLoadState();
    assert.match(await page.getByTestId('user-summary').innerText(), /Roles\s+None/);
    assert.match(
      await page.getByTestId('pending-access').innerText(),
      /Council officer, Partnership coordinator, clearance OFFICIAL-SENSITIVE/,
    );
    await assertAccessible(page);

    // The administrator who asked is shown the request but offered no way to approve it.
    await page.getByRole('link', { name: 'Approvals', exact: true }).click();
    await page.waitForLoadState();
    assert.match(await page.getByTestId('access-change').innerText(), /Jo Licensing|Council officer/);
    assert.equal(await page.getByRole('button', { name: /^Approve/ }).count(), 0);
    await assertAccessible(page);
    await page.context().close();

    // A second administrator approves it, with JavaScript off too.
    const second = await open(t, false);
    if (!second) return;
    await signIn(second, await partner(['system-administrator']));
    await second.getByRole('link', { name: 'Approvals', exact: true }).click();
    await second.waitForLoadState();
    await assertAccessible(second);
    await second.getByRole('button', { name: 'Approve the change to Jo Licensing’s access' }).click();
    await second.waitForLoadState();
    assert.match(await second.locator('.govuk-notification-banner').innerText(), /Change of access approved/);
    await assertAccessible(second);
    await second.goto(`${app.url}/partner/admin/users/${created.id}`);
    assert.match(
      await second.getByTestId('user-summary').innerText(),
      /Council officer\s+Partnership coordinator/,
    );
    await second.context().close();
  });
});
