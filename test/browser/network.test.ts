/**
 * The network pages in Chromium without JavaScript: an analyst opens the network from an entity
 * page, sees the summary, the node table, brokers and whom to target, runs a sequential
 * disruption and gets its chart and table. axe checks the form, the result and the disruption.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { networkFixture, type NetworkFixture } from '../../src/features/network/test-fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';

describe('network pages in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let f: NetworkFixture;

  before(async () => {
    app = await startTestApp();
    f = await networkFixture(app, false);
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  it('opens a network, reads its numbers and simulates a disruption, without JavaScript', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, f.analyst);

    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await page.waitForURL(/\/partner\/network$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Network');
    await assertAccessible(page);

    await page.goto(`${app.url}/partner/entities/${f.ids.A}`);
    await page.getByTestId('open-network').click();
    await page.waitForURL(
      (url) => url.pathname === '/partner/network' && url.searchParams.get('seed') === f.ids.A,
    );
    // Two hops by default: A, B, G, then H, E and F.
    assert.match(
      await page.getByTestId('network-summary').innerText(),
      /People, businesses, places and things\s+6/,
    );
    assert.equal(await page.locator('[data-testid="network-nodes"] tbody tr').count(), 6);
    assert.match(await page.getByTestId('brokers').innerText(), /Netfixture B/);
    assert.match(await page.getByTestId('targets').innerText(), /is the only link between/);
    await assertAccessible(page);

    await page.getByLabel('Steps').fill('3');
    await page.getByTestId('run-disruption').click();
    await page.waitForURL(/\/partner\/network\/disruption\?/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Disruption simulation');
    assert.equal(await page.locator('[data-testid="disruption-chart"] svg').count(), 1);
    assert.equal(await page.locator('[data-testid="disruption-steps"] tbody tr').count(), 4);
    await assertAccessible(page);
    await context.close();
  });
});
