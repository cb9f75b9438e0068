/**
 * 4P plans in Chromium: a coordinator creates a plan for a county-lines OCG, sees a licence review
 * suggested for the linked pub and a safeguarding referral for the cuckooing victim, adds the
 * licence review for the licensing agency; the licensing officer finds it overdue on "Your
 * actions" and completes it with a "moderate" rating and rationale. axe checks every page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner, type TestPartner } from '../support/partner.js';
import { plansWorld } from '../support/plans-world.js';

describe('4P plans in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let coordinator: TestPartner;
  let licensing: TestPartner;

  before(async () => {
    app = await startTestApp();
    coordinator = await signedInPartner(app, {
      agency: 'police',
      roles: ['partnership-coordinator'],
      signIn: false,
    });
    licensing = await signedInPartner(app, {
      agency: 'licensing',
      roles: ['council-officer'],
      signIn: false,
    });
    await plansWorld(app, coordinator.agencyId);
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  it('plans a county line, adds a suggested licence review, and licensing completes it', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, coordinator);

    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await page.waitForURL(/\/partner\/plans$/);
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Create a plan' }).click();
    await page.waitForURL(/\/partner\/plans\/new$/);
    await assertAccessible(page);
    // A mistake first: the error summary, then the plan.
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.waitForURL(/\/partner\/plans\/new$/);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a title for the plan/);
    await assertAccessible(page);
    await page.getByLabel('Title').fill('Operation Kestrel');
    await page.getByLabel('An organised crime group (OCG)').check();
    await page.getByLabel('OCG', { exact: true }).selectOption({ label: 'OCG-0001: Kestrel county line' });
    await page.getByLabel('Pursue').fill('Close the line');
    await page.getByLabel('Protect').fill('Safeguard people whose homes are used');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.waitForURL(/\/partner\/plans\/[0-9a-f-]{36}$/);
    const planUrl = page.url();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /PLAN-0001 has been created/);
    const suggestions = await page.getByTestId('suggestions').innerText();
    assert.match(
      suggestions,
      /Premises licence review\s+The Miners Arms is a licensed premises linked to this OCG/,
    );
    assert.match(suggestions, /Adult safeguarding referral\s+Mary Trelawny may be a cuckooing victim/);
    await assertAccessible(page);

    await page
      .locator('[data-tactic="test-licence-review"]')
      .getByRole('button', { name: /^Add to plan/ })
      .click();
    await page.waitForURL(/\/actions\/new\?/);
    assert.equal((await page.locator('#target option:checked').innerText()).trim(), 'The Miners Arms');
    assert.match(await page.locator('#tactic option:checked').innerText(), /Premises licence review/);
    await assertAccessible(page);
    await page.getByLabel('Agency that will carry it out').selectOption({ label: 'licensing' });
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2020');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.waitForURL(planUrl);
    assert.match(
      await page.getByTestId('actions-pursue').innerText(),
      /Premises licence review[\s\S]*licensing[\s\S]*Overdue/,
    );
    assert.match(await page.getByTestId('overdue-warning').innerText(), /1 action is overdue/);
    await assertAccessible(page);
    await context.close();

    // The licensing officer: their actions, overdue first, then the action's update form.
    const theirs = await newContext(browser, { javaScript: false });
    const officer = await theirs.newPage();
    await signInInBrowser(officer, app.url, licensing);
    await officer.goto(`${app.url}/partner/plans/actions`);
    assert.match(await officer.getByTestId('overdue-warning').innerText(), /1 action is overdue/);
    await assertAccessible(officer);
    await officer.getByRole('link', { name: 'Premises licence review' }).click();
    await officer.waitForURL(/\/partner\/plans\/actions\/[0-9a-f-]{36}$/);
    await assertAccessible(officer);
    await officer.getByLabel('Completed').check();
    await officer.getByRole('button', { name: 'Save' }).click();
    assert.match(
      await officer.locator('.govuk-error-summary').innerText(),
      /Select the disruption impact rating/,
    );
    assert.match(await officer.locator('.govuk-error-summary').innerText(), /no national definitions/);
    await assertAccessible(officer);
    await officer.getByLabel('Completed').check();
    await officer.getByLabel('Outcome', { exact: true }).fill('Licence suspended for three months');
    await officer.getByLabel('Moderate').check();
    await officer
      .getByLabel('Rationale')
      .fill('The pub was the line’s meeting place; closed to them for three months');
    await officer.getByRole('button', { name: 'Save' }).click();
    assert.match(
      await officer.locator('.govuk-notification-banner').innerText(),
      /completed and its impact recorded/,
    );
    assert.match(await officer.getByTestId('impact').innerText(), /Moderate/);
    await assertAccessible(officer);
    // The plan page as licensing sees it: their action only, no suggestions, no safeguarding.
    await officer.goto(planUrl);
    const text = await officer.locator('main').innerText();
    assert.doesNotMatch(text, /Suggested tactics|Safeguarding|Mary Trelawny/);
    await assertAccessible(officer);
    await theirs.close();
  });
});
