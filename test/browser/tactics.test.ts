/**
 * The tactics library in Chromium, with JavaScript on and off: a coordinator filters the library,
 * opens a tactic, changes its source and date through the edit form (and sees a refused answer
 * explained), and axe checks the list, the tactic page and the edit form.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner } from '../support/partner.js';

describe('tactics library in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`lets the coordinator find and update a tactic ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      // One coordinator per run: a TOTP code is accepted once, and both runs fall in the same 30 seconds.
      const coordinator = await signedInPartner(app, {
        agency: `partnership-team-${javaScript ? 'js' : 'nojs'}`,
        roles: ['partnership-coordinator'],
        signIn: false,
      });
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signInInBrowser(page, app.url, coordinator);

      await page.getByRole('link', { name: 'Tactics' }).first().click();
      await page.waitForURL(/\/partner\/tactics$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Tactics and powers library');
      await assertAccessible(page);

      await page.getByLabel('4P strand').selectOption('protect');
      await page.getByLabel('Words').fill('cuckooed');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('strand') === 'protect');
      const names = await page.locator('[data-testid=tactics] tbody th a').allInnerTexts();
      assert.ok(names.includes('Protecting a cuckooed resident'), names.join(', '));
      await assertAccessible(page);

      await page.getByRole('link', { name: 'Protecting a cuckooed resident' }).click();
      await page.waitForURL(/\/partner\/tactics\/[0-9a-f-]{36}$/);
      assert.match(
        await page.getByTestId('last-checked').innerText(),
        /Last checked \d{1,2} \w+ \d{4} against https:\/\//,
      );
      await assertAccessible(page);

      await page.getByRole('link', { name: /Change this tactic/ }).click();
      await page.waitForURL(/\/edit$/);
      await assertAccessible(page);
      await page.getByRole('group', { name: 'When it was last checked' }).getByLabel('Day').fill('31');
      await page.getByRole('group', { name: 'When it was last checked' }).getByLabel('Month').fill('2');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\/edit$/);
      assert.match(await page.title(), /^Error: Change Protecting a cuckooed resident/);
      assert.match(
        await page.locator('.govuk-error-summary').innerText(),
        /Date last checked must be a real date/,
      );
      await assertAccessible(page);

      const source = `https://www.legislation.gov.uk/ukpga/2014/12/section/80?checked-${javaScript ? 'js' : 'nojs'}`;
      await page.getByLabel('Where it was checked').fill(source);
      await page.getByRole('group', { name: 'When it was last checked' }).getByLabel('Day').fill('20');
      await page.getByRole('group', { name: 'When it was last checked' }).getByLabel('Month').fill('11');
      await page.getByRole('group', { name: 'When it was last checked' }).getByLabel('Year').fill('2026');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\/partner\/tactics\/[0-9a-f-]{36}$/);
      assert.match(
        await page.locator('.govuk-notification-banner').innerText(),
        /The tactic has been updated/,
      );
      assert.match(
        await page.getByTestId('last-checked').innerText(),
        new RegExp(`Last checked 20 November 2026 against ${source.replace(/[.?]/g, '\\$&')}`),
      );
      await assertAccessible(page);
      await context.close();
    });
  }
});
