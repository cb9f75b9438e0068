/**
 * The intelligence inbox in Chromium: an analyst opens a public report from the inbox, grades it
 * 2/B/P and sanitises it; a supervisor signs the sanitised text off and shares it with the ASB
 * team, who can then open it. axe checks every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner, type TestPartner } from '../support/partner.js';
import { GOOD_ANSWERS, postReportForm, sendFromCheckPage } from '../support/reports.js';

describe('the intelligence inbox in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let analyst: TestPartner;
  let supervisor: TestPartner;
  let asb: TestPartner;

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, {
      agency: 'partnership-hub',
      roles: ['public-protection-analyst'],
      signIn: false,
    });
    supervisor = await signedInPartner(app, {
      agency: 'partnership-hub',
      roles: ['police-supervisor'],
      signIn: false,
    });
    asb = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'], signIn: false });
    const check = await postReportForm(app, GOOD_ANSWERS);
    assert.equal((await sendFromCheckPage(app, await check.text())).status, 200);
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const signIn = (page: Page, partner: TestPartner) => signInInBrowser(page, app.url, partner);

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

  it('walks a report from the inbox to grading, sanitisation, sign-off and sharing', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;

    // The analyst: inbox → item → grade → sanitise.
    const analystPage = await (await newContext(browser)).newPage();
    await signIn(analystPage, analyst);
    await analystPage.getByRole('link', { name: 'Intelligence' }).click();
    await analystPage.waitForURL(/\/partner\/intelligence$/);
    assert.equal(await heading(analystPage), 'Intelligence inbox');
    await assertAccessible(analystPage);
    const row = analystPage.locator('[data-testid=inbox] tbody tr').first();
    assert.match(await row.innerText(), /Report from the public/);
    assert.match(await row.innerText(), /Not graded/);
    await row.getByRole('link').first().click();
    await analystPage.waitForURL(/\/partner\/intelligence\/items\/[0-9a-f-]{36}$/);
    const itemUrl = analystPage.url();
    const reference = await heading(analystPage);
    assert.match(reference, /^INT-\d{6}$/);
    await assertAccessible(analystPage);

    await analystPage.getByRole('link', { name: `Grade ${reference}` }).click();
    await analystPage.waitForURL(/\/grade$/);
    await assertAccessible(analystPage);
    await analystPage.getByLabel('2: Untested').check();
    await analystPage.getByLabel('B: Known indirectly to the source but corroborated').check();
    await analystPage.getByLabel('P: Lawful sharing permitted', { exact: true }).check();
    await analystPage.getByLabel('Fact: something seen or heard').check();
    await analystPage.getByRole('button', { name: 'Save grade' }).click();
    await analystPage.waitForURL(itemUrl);
    assert.match(await analystPage.locator('.govuk-notification-banner').innerText(), /Graded 2\/B\/P/);
    assert.match(await analystPage.getByTestId('grade').innerText(), /2\/B\/P/);
    await assertAccessible(analystPage);

    await analystPage.getByRole('link', { name: `Sanitise ${reference}` }).click();
    await analystPage.waitForURL(/\/sanitise$/);
    assert.match(await analystPage.getByTestId('original').innerText(), /Cars stop outside number 4/);
    await assertAccessible(analystPage);
    await analystPage
      .getByLabel('Sanitised text')
      .fill('Cars stop outside a house on Fore Street, Redruth, most nights; small packages change hands.');
    await analystPage.getByRole('button', { name: 'Save sanitised text' }).click();
    await analystPage.waitForURL(itemUrl);
    assert.match(
      await analystPage.getByTestId('sanitisation').innerText(),
      /Waiting for someone else to sign it off/,
    );
    await assertAccessible(analystPage);

    // The other pages an analyst works on, checked too.
    for (const [path, title] of [
      [`${itemUrl}/categorise`, 'Categorise and flag'],
      [`${itemUrl}/ask`, 'Ask the reporter a question'],
      [`${itemUrl}/close`, 'Close with an outcome'],
      [`${itemUrl}/sign-off`, 'Sign off the sanitised text'],
      [`${app.url}/partner/intelligence/new`, 'Record what you saw'],
    ] as const) {
      await analystPage.goto(path);
      assert.equal(await heading(analystPage), title);
      await assertAccessible(analystPage);
    }

    // Before sign-off, sharing explains what is missing.
    await analystPage.goto(`${itemUrl}/share`);
    assert.match(await analystPage.getByTestId('needs-sign-off').innerText(), /cannot be shared yet/);
    await assertAccessible(analystPage);

    // The supervisor: sign off, then share with the ASB team.
    const supervisorPage = await (await newContext(browser)).newPage();
    await signIn(supervisorPage, supervisor);
    await supervisorPage.goto(itemUrl);
    await supervisorPage.getByRole('link', { name: 'Sign off the sanitised text' }).click();
    await supervisorPage.waitForURL(/\/sign-off$/);
    assert.match(await supervisorPage.getByTestId('sanitised').innerText(), /small packages change hands/);
    await assertAccessible(supervisorPage);
    await supervisorPage.getByRole('button', { name: 'Sign off' }).click();
    await supervisorPage.waitForURL(itemUrl);
    assert.match(await supervisorPage.getByTestId('sanitisation').innerText(), /Signed off by/);
    await assertAccessible(supervisorPage);

    await supervisorPage.getByRole('link', { name: `Share ${reference} with another agency` }).click();
    await supervisorPage.waitForURL(/\/share$/);
    await assertAccessible(supervisorPage);
    await supervisorPage.getByLabel('council-asb (Test organisation)').check();
    await supervisorPage.getByRole('button', { name: 'Share' }).click();
    await supervisorPage.waitForURL(itemUrl);
    assert.match(
      await supervisorPage.locator('.govuk-notification-banner').innerText(),
      /Shared with council-asb/,
    );
    assert.match(await supervisorPage.getByTestId('shared-with').innerText(), /council-asb/);
    await assertAccessible(supervisorPage);

    // The ASB officer now finds it in their inbox.
    const asbPage = await (await newContext(browser)).newPage();
    await signIn(asbPage, asb);
    await asbPage.getByRole('link', { name: 'Intelligence' }).click();
    await asbPage.getByRole('link', { name: reference }).click();
    await asbPage.waitForURL(itemUrl);
    assert.match(await asbPage.getByTestId('item-text').innerText(), /small packages change hands/);
    await assertAccessible(asbPage);
  });
});
