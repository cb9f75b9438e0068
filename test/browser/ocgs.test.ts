/**
 * The OCG register in the demo partnership, in Chromium without JavaScript, axe on every page: the
 * coordinator finds the Pascoe county line below a lower-harm group, reads its members and why it
 * scored as it did, re-scores it with the default model (a mistake first), and sees it move to the
 * top of the list with an upward trend; then the scoring models pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDemoData, type DemoCredentials } from '../../src/features/demo/demo-data.js';
import { DEFAULT_SCORING_MODEL } from '../../src/features/groups/default-scoring-model.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';

describe('the OCG register in the demo, in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let coordinator: DemoCredentials;
  let analyst: DemoCredentials;

  before(async () => {
    app = await startTestApp();
    const { database, services } = app.lantern;
    const loaded = await loadDemoData(database, services.accounts, services.reports);
    assert.ok(loaded, 'the demo loads into an empty database');
    const found = loaded.find((p) => p.email === 'coordinator@council.demo.lantern.test');
    assert.ok(found);
    coordinator = found;
    const police = loaded.find((p) => p.email === 'analyst@police.demo.lantern.test');
    assert.ok(police);
    analyst = police;
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const listOrder = async (page: Page) =>
    (await page.locator('[data-testid="ocg-list"] tbody th a').allInnerTexts()).map((t) => t.trim());

  it('re-scores the county line, which moves up the prioritised list', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, coordinator);

    // The list: the county line's old assessment (Band C) puts it below the tobacco group (Band B).
    await page.getByRole('link', { name: 'OCGs' }).click();
    await page.waitForURL(/\/partner\/ocgs$/);
    assert.equal(await heading(page), 'Organised crime groups');
    assert.deepEqual(await listOrder(page), ['Trevithick Road counterfeit tobacco', 'Pascoe county line']);
    await assertAccessible(page);

    // Filtered by area and category.
    await page.getByLabel('Category').selectOption('illegal-drugs');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/category=illegal-drugs/);
    assert.deepEqual(await listOrder(page), ['Pascoe county line']);
    await assertAccessible(page);

    // The OCG's page: members, associates and supporting items; the victim is not a member.
    await page.getByRole('link', { name: 'Pascoe county line' }).click();
    await page.waitForURL(/\/partner\/ocgs\/[0-9a-f-]{36}$/);
    const ocgUrl = page.url();
    assert.equal(await heading(page), 'Pascoe county line');
    const members = await page.getByTestId('members').innerText();
    assert.match(members, /Kane Pascoe\s+Principal/);
    assert.match(members, /Jordan Tremayne\s+Significant/);
    assert.match(members, /Shaun Penrose\s+Peripheral/);
    assert.doesNotMatch(members, /Lee Rowe/);
    assert.match(await page.getByTestId('associated').innerText(), /The Miners Arms/);
    assert.match(await page.getByTestId('sources').innerText(), /INT-\d+/);
    assert.match(await page.getByTestId('latest-score').innerText(), /Band C/);
    assert.match(await page.getByTestId('ocg-plans').innerText(), /no 4P plans/);
    await assertAccessible(page);

    // Re-scoring: a mistake first (nothing chosen), shown in the error summary.
    await page.getByRole('link', { name: 'Re-score this group' }).click();
    await page.waitForURL(/\/assess$/);
    assert.equal(await heading(page), 'Assess the group’s harm');
    await assertAccessible(page);
    await page.getByLabel('Why this score for harm').fill('A cuckooed vulnerable adult; runners from London');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await page.waitForURL(/\/assess$/);
    assert.match(await page.title(), /^Error: /);
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Choose a score from 1 to 5 for harm/,
    );
    assert.equal(
      await page.getByLabel('Why this score for harm').inputValue(),
      'A cuckooed vulnerable adult; runners from London',
    );
    await assertAccessible(page);
    for (const d of DEFAULT_SCORING_MODEL.definition.dimensions) {
      await page.locator(`input[name="score-${d.key}"][value="4"]`).check();
      const rationale = page.getByLabel(`Why this score for ${d.label.toLowerCase()}`);
      if (!(await rationale.inputValue())) await rationale.fill(`Seen in the items (${d.label})`);
    }
    await page.getByLabel('Unknowns (optional)').fill('Who supplies the line');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await page.waitForURL(ocgUrl);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /scored 36: Band A/);
    assert.match(await page.getByTestId('why-this-score').innerText(), /Harm\s+4 of 1 to 5: Serious/);
    assert.match(await page.getByTestId('history').innerText(), /Up since the last assessment/);
    await assertAccessible(page);

    // Back on the list, the county line comes first, with its trend.
    await page.goto(`${app.url}/partner/ocgs`);
    assert.deepEqual(await listOrder(page), ['Pascoe county line', 'Trevithick Road counterfeit tobacco']);
    assert.equal(await page.locator('[data-testid="trend"]').first().getAttribute('data-trend'), 'up');

    // Adding a member: the search form and its results.
    await page.goto(`${ocgUrl}/members/new`);
    await page.getByLabel('Name, number or address').fill('Marius Popescu');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/members\/new\?q=/);
    assert.ok(await page.getByRole('radio', { name: /Marius Popescu/ }).isVisible());
    await assertAccessible(page);

    // The scoring models.
    await page.goto(`${app.url}/partner/ocgs/scoring-models`);
    assert.equal(await heading(page), 'Harm scoring models');
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Partnership OCG harm model' }).click();
    assert.match(await page.getByTestId('model-bands').innerText(), /Band A \(highest harm\)\s+34 to 45/);
    await assertAccessible(page);
    await page.goto(`${app.url}/partner/ocgs/scoring-models/new`);
    await assertAccessible(page);
    await page.goto(`${app.url}/partner/ocgs/new`);
    await assertAccessible(page);
    await context.close();
  });
  it('enhances the tables with JavaScript and stays accessible', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, analyst);
    await page.goto(`${app.url}/partner/ocgs`);
    // MoJ's sortable table turns the headers into buttons: sort by name, then check again.
    await page.getByRole('button', { name: 'Group' }).click();
    assert.equal(
      await page.locator('th', { hasText: 'Group' }).first().getAttribute('aria-sort'),
      'ascending',
    );
    assert.deepEqual(await listOrder(page), ['Pascoe county line', 'Trevithick Road counterfeit tobacco']);
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Pascoe county line' }).click();
    await page.waitForURL(/\/partner\/ocgs\/[0-9a-f-]{36}$/);
    await assertAccessible(page);
    await context.close();
  });
});
