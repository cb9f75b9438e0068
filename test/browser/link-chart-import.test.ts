/**
 * Importing a link chart in Chromium, with JavaScript on and off: an analyst finds the page from the
 * intelligence inbox, sends the form without a file, uploads a chart, checks it and imports it.
 * axe checks every page on the way.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner } from '../support/partner.js';

const CHART = [
  'from,to,link type,date,to type,confidence',
  'Dean Oneil,Kelly Rowe,associate of,2024-03-01,,high',
  'Kelly Rowe,07700 900123,uses phone,,Phone,',
  'Dean Oneil,Kelly Rowe,knows,,,',
].join('\n');

describe('the link-chart import in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let chartFile: string;

  before(async () => {
    app = await startTestApp();
    chartFile = path.join(await mkdtemp(path.join(tmpdir(), 'lantern-chart-')), 'chart.csv');
    await writeFile(chartFile, CHART);
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`uploads, checks and imports a link chart ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      // One analyst per run: a TOTP code is accepted once, and both runs fall in the same 30 seconds.
      const analyst = await signedInPartner(app, {
        agency: javaScript ? 'police-public-protection' : 'police-intelligence',
        roles: ['public-protection-analyst'],
        clearance: 'OFFICIAL-SENSITIVE',
        signIn: false,
      });
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signInInBrowser(page, app.url, analyst);

      await page.goto(`${app.url}/partner/intelligence`);
      await page.getByRole('link', { name: 'Import a link chart from a CSV file' }).click();
      await page.waitForURL(/\/partner\/network\/import$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Import a link chart');
      await assertAccessible(page);

      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.waitForURL(/\/partner\/network\/import$/);
      assert.match(await page.title(), /^Error: Import a link chart/);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Select a CSV file/);
      await assertAccessible(page);

      await page.locator('input[name=csv]').setInputFiles(chartFile);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.waitForURL(/\/partner\/network\/import\/[0-9a-f-]{36}$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Check the link chart');
      assert.match(await page.locator('[data-testid=counts]').innerText(), /Links that can be imported\s+2/);
      await assertAccessible(page);

      await page.getByRole('button', { name: 'Import 2 links' }).click();
      await page.waitForURL(/\/summary$/);
      assert.match(await page.locator('[data-testid=summary]').innerText(), /Links added\s+2/);
      assert.ok(
        await page.getByRole('link', { name: /Download the rows that were not imported/ }).isVisible(),
      );
      await assertAccessible(page);
      await context.close();
    });
  }
});
