/**
 * Importing a CSV in Chromium, with JavaScript on and off: a licensing officer finds the import
 * page from the Intelligence area, makes a mistake, uploads the licensing register with its saved
 * mapping, checks it and imports it. axe checks every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { projectPath } from '../../src/paths.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner, type TestPartner } from '../support/partner.js';

describe('the import page in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const signIn = (page: Page, partner: TestPartner) => signInInBrowser(page, app.url, partner);

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`uploads, checks and imports a licensing register ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      // One officer per run: a TOTP code is accepted once, and both runs fall in the same 30 seconds.
      const officer = await signedInPartner(app, {
        agency: 'council-licensing',
        roles: ['council-officer'],
        clearance: 'OFFICIAL',
        signIn: false,
      });
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, officer);

      await page.getByRole('link', { name: 'Intelligence', exact: true }).click();
      await page.waitForURL(/\/partner\/intelligence$/);
      await page.getByRole('link', { name: 'Import people, places and things from a CSV file' }).click();
      await page.waitForURL(/\/partner\/intelligence\/import$/);
      await assertAccessible(page);

      // No file chosen: the form comes back with the error summary.
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.waitForURL(/\/partner\/intelligence\/import$/);
      assert.match(await page.title(), /^Error: Import people/);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Select a CSV file/);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose a mapping/);
      await assertAccessible(page);

      await page
        .locator('input[name=csv]')
        .setInputFiles(projectPath('examples/import/licensing-register.csv'));
      await page.getByLabel('Mapping', { exact: true }).selectOption('licensing-register');
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.waitForURL(/\/partner\/intelligence\/import\/[0-9a-f-]{36}$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Check the import');
      assert.match(await page.locator('[data-testid=counts]').innerText(), /Rows that can be imported\s+8/);
      await assertAccessible(page);

      await page.getByRole('button', { name: 'Import 8 rows' }).click();
      await page.waitForURL(/\/summary$/);
      assert.match(await page.locator('[data-testid=summary]').innerText(), /Rows imported\s+8/);
      assert.ok(
        await page.getByRole('link', { name: /Download the rows that were not imported/ }).isVisible(),
      );
      await assertAccessible(page);
      await context.close();
    });
  }
});
