/**
 * Issue 6's "done when", in the demo partnership and in Chromium, axe on every page: the
 * coordinator finds the Pascoe county line below the Band B group, re-scores it with the default
 * model and sees it move to the top with its trend; builds a 4P plan for it whose suggestions
 * include a licence review for The Miners Arms and a safeguarding referral for Lee Rowe; gives the
 * licence review to Licensing and records the referral. The licensing officer completes the action
 * with a "moderate" rating and never sees the referral or the victim; the coordinator sees the
 * rating and exports the plan. Without JavaScript first, then the key pages with it.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemoData, type DemoCredentials } from '../../src/features/demo/demo-data.js';
import { DEFAULT_SCORING_MODEL } from '../../src/features/groups/default-scoring-model.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';

describe('issue 6 end to end in the demo, in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let people: DemoCredentials[];

  before(async () => {
    app = await startTestApp();
    const { database, services } = app.lantern;
    const loaded = await loadDemoData(database, services.accounts, services.reports);
    assert.ok(loaded, 'the demo loads into an empty database');
    people = loaded;
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const who = (email: string) => {
    const found = people.find((p) => p.email === email);
    assert.ok(found, email);
    return found;
  };
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const listOrder = async (page: Page) =>
    (await page.locator('[data-testid="ocg-list"] tbody th a').allInnerTexts()).map((t) => t.trim());

  /** Where the journey has got to, for the second run with JavaScript. */
  const urls: { ocg?: string; plan?: string; action?: string } = {};

  it('scores the county line, plans it, and the licensing officer completes the action', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const coordinator = who('coordinator@council.demo.lantern.test');
    const licensing = who('licensing@council.demo.lantern.test');
    const contexts: BrowserContext[] = [];
    const open = async (person: DemoCredentials) => {
      assert.ok(browser);
      const context = await newContext(browser, { javaScript: false });
      contexts.push(context);
      const page = await context.newPage();
      await signInInBrowser(page, app.url, person);
      return page;
    };
    try {
      // The register: the county line's old Band C puts it below the Band B tobacco group.
      const page = await open(coordinator);
      await page.getByRole('link', { name: 'OCGs' }).click();
      await page.waitForURL(/\/partner\/ocgs$/);
      assert.deepEqual(await listOrder(page), ['Trevithick Road counterfeit tobacco', 'Pascoe county line']);
      assert.match(await page.locator('[data-testid="ocg-list"] tbody tr').first().innerText(), /Band B/);
      await assertAccessible(page);
      await page.getByRole('link', { name: 'Pascoe county line' }).click();
      await page.waitForURL(/\/partner\/ocgs\/[0-9a-f-]{36}$/);
      const ocgUrl = page.url();
      urls.ocg = ocgUrl;
      assert.equal(await heading(page), 'Pascoe county line');
      await assertAccessible(page);

      // Re-scored with the default model, every dimension with its rationale.
      await page.getByRole('link', { name: 'Re-score this group' }).click();
      await page.waitForURL(/\/assess$/);
      await assertAccessible(page);
      for (const d of DEFAULT_SCORING_MODEL.definition.dimensions) {
        await page.locator(`input[name="score-${d.key}"][value="4"]`).check();
        await page
          .getByLabel(`Why this score for ${d.label.toLowerCase()}`)
          .fill(`What the items now show (${d.label})`);
      }
      await page.getByRole('button', { name: 'Save the assessment' }).click();
      await page.waitForURL(ocgUrl);
      assert.match(await page.locator('.govuk-notification-banner').innerText(), /scored 36: Band A/);
      assert.match(await page.getByTestId('latest-score').innerText(), /Band A/);
      const why = await page.getByTestId('why-this-score').innerText();
      for (const d of DEFAULT_SCORING_MODEL.definition.dimensions) {
        assert.match(why, new RegExp(`${d.label}\\s+4 of 1 to 5`));
        assert.match(why, new RegExp(`What the items now show \\(${d.label}\\)`));
      }
      await assertAccessible(page);
      await page.goto(`${app.url}/partner/ocgs`);
      assert.deepEqual(await listOrder(page), ['Pascoe county line', 'Trevithick Road counterfeit tobacco']);
      assert.equal(await page.locator('[data-testid="trend"]').first().getAttribute('data-trend'), 'up');
      await assertAccessible(page);

      // A 4P plan for the group, owned by the coordinator.
      await page.getByRole('link', { name: 'Plans', exact: true }).click();
      await page.waitForURL(/\/partner\/plans$/);
      await assertAccessible(page);
      await page.getByRole('button', { name: 'Create a plan' }).click();
      await page.waitForURL(/\/partner\/plans\/new$/);
      await assertAccessible(page);
      await page.getByLabel('Title').fill('Operation Harbour: the Pascoe county line');
      await page.getByLabel('An organised crime group (OCG)').check();
      const ocgOption = await page
        .locator('#ocg option', { hasText: 'Pascoe county line' })
        .getAttribute('value');
      assert.ok(ocgOption);
      await page.getByLabel('OCG', { exact: true }).selectOption(ocgOption);
      await page.getByLabel('Plan owner').fill(coordinator.email);
      await page.getByLabel('Pursue').fill('Close the deal line');
      await page.getByLabel('Protect').fill('Safeguard the tenant whose flat is used');
      await page.getByRole('button', { name: 'Create plan' }).click();
      await page.waitForURL(/\/partner\/plans\/[0-9a-f-]{36}$/);
      const planUrl = page.url();
      urls.plan = planUrl;
      assert.match(await page.locator('.govuk-notification-banner').innerText(), /has been created/);
      assert.match(await page.getByTestId('plan-summary').innerText(), /Cass Coordinator/);
      const suggestions = await page.getByTestId('suggestions').innerText();
      assert.match(
        suggestions,
        /Premises licence review\s+The Miners Arms, TR15 2DD is a licensed premises linked to this OCG/,
      );
      assert.match(
        suggestions,
        /Safeguarding referral: adults at risk\s+Lee Rowe may be a cuckooing victim: exploited by Kane Pascoe; their home, Flat 2, 14 Chapel Row, Camborne, TR14 8AA, is used by this OCG/,
      );
      await assertAccessible(page);

      // The licence review, for Licensing (Lee Licensing), with a due date.
      await page
        .locator('[data-tactic="premises-licence-review"]')
        .filter({ hasText: 'The Miners Arms' })
        .getByRole('button', { name: /^Add to plan/ })
        .click();
      await page.waitForURL(/\/actions\/new\?/);
      assert.match(await page.locator('#target option:checked').innerText(), /^The Miners Arms/);
      assert.match(await page.locator('#tactic option:checked').innerText(), /Premises licence review/);
      await assertAccessible(page);
      await page.getByLabel('Agency that will carry it out').selectOption({ label: 'Licensing' });
      await page.getByLabel('Officer (optional)').fill(licensing.email);
      const due = new Date(Date.now() + 28 * 24 * 60 * 60 * 1000);
      await page.getByLabel('Day').fill(String(due.getUTCDate()));
      await page.getByLabel('Month').fill(String(due.getUTCMonth() + 1));
      await page.getByLabel('Year').fill(String(due.getUTCFullYear()));
      await page.getByRole('button', { name: 'Add action' }).click();
      await page.waitForURL(planUrl);
      assert.match(
        await page.getByTestId('actions-pursue').innerText(),
        /Premises licence review[\s\S]*Licensing[\s\S]*Lee Licensing[\s\S]*The Miners Arms[\s\S]*Planned/,
      );
      await assertAccessible(page);

      // The safeguarding referral for Lee Rowe: an adult, so adults' safeguarding.
      await page.getByRole('link', { name: 'Make a referral for Lee Rowe' }).click();
      await page.waitForURL(/\/referrals\/new\?/);
      await assertAccessible(page);
      await page.getByLabel('Lee Rowe').check();
      await page.getByLabel('Cuckooing victim').check();
      await page.getByLabel("Adults' safeguarding").check();
      await page
        .getByLabel('Reason for the referral')
        .fill('His flat at 14 Chapel Row is used by the line to deal from');
      await page.getByRole('button', { name: 'Record referral' }).click();
      await page.waitForURL(/\/partner\/plans\/(referrals\/)?[0-9a-f-]{36}$/);
      await page.goto(planUrl);
      assert.match(
        await page.getByTestId('referrals').innerText(),
        /Lee Rowe\s+Cuckooing victim\s+Adults' safeguarding/,
      );
      await assertAccessible(page);

      // The licensing officer: the action in "Your actions", completed with a moderate rating.
      const officer = await open(licensing);
      await officer.goto(`${app.url}/partner/plans`);
      await officer.getByRole('link', { name: 'Your agency’s actions' }).click();
      await officer.waitForURL(/\/partner\/plans\/actions$/);
      await assertAccessible(officer);
      await officer.getByRole('link', { name: 'Premises licence review' }).click();
      await officer.waitForURL(/\/partner\/plans\/actions\/[0-9a-f-]{36}$/);
      urls.action = officer.url();
      await assertAccessible(officer);
      await officer.getByLabel('Completed').check();
      await officer.getByLabel('Outcome', { exact: true }).fill('Licence suspended for three months');
      await officer.getByLabel('Moderate').check();
      await officer
        .getByLabel('Rationale')
        .fill('The back bar was the line’s hand-over point; closed to them for three months');
      await officer.getByRole('button', { name: 'Save' }).click();
      assert.match(
        await officer.locator('.govuk-notification-banner').innerText(),
        /completed and its impact recorded/,
      );
      assert.match(await officer.getByTestId('impact').innerText(), /Moderate/);
      await assertAccessible(officer);
      // The plan as Licensing sees it: their action, no referral, no victim, anywhere in the HTML.
      await officer.goto(planUrl);
      assert.match(await officer.locator('main').innerText(), /Premises licence review/);
      const html = await officer.content();
      assert.doesNotMatch(html, /Lee Rowe|Safeguarding referral|safeguarding referral|Chapel Row/i);
      await assertAccessible(officer);

      // The coordinator: completed, moderate, with the rationale; then the CSV export.
      await page.goto(planUrl);
      const pursue = await page.getByTestId('actions-pursue').innerText();
      assert.match(pursue, /Completed/);
      assert.match(pursue, /Moderate/);
      assert.match(pursue, /hand-over point; closed to them for three months/);
      await assertAccessible(page);
      await page.getByRole('link', { name: /Export the plan/ }).click();
      await page.waitForURL(/\/export$/);
      await assertAccessible(page);
      const acknowledge = page.getByLabel('I have read the conditions and will share only on them');
      if (await acknowledge.count()) await acknowledge.check();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const path = await download.path();
      const csv = await readFile(path, 'utf8');
      const row = csv.split(/\r?\n/).find((line) => line.includes('Premises licence review'));
      assert.ok(row, csv);
      assert.match(row, /moderate|Moderate/);
      assert.match(row, /Licence suspended for three months/);
      assert.match(csv, /Lee Rowe/, 'the coordinator may see victims: the referral is in their file');
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  it('the key pages stay accessible with JavaScript', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    assert.ok(urls.ocg && urls.plan && urls.action, 'the journey without JavaScript ran first');
    const context = await newContext(browser, { javaScript: true });
    try {
      const page = await context.newPage();
      await signInInBrowser(page, app.url, who('coordinator@council.demo.lantern.test'));
      for (const url of [`${app.url}/partner/ocgs`, urls.ocg, `${urls.ocg}/assess`, urls.plan]) {
        await page.goto(url);
        await assertAccessible(page);
      }
      assert.match(await page.getByTestId('actions-pursue').innerText(), /Moderate/);
      await page.goto(`${urls.plan}/export`);
      await assertAccessible(page);
      await page.goto(urls.action);
      assert.match(await page.getByTestId('impact').innerText(), /Moderate/);
      await assertAccessible(page);
    } finally {
      await context.close();
    }
  });
});
