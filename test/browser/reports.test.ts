/**
 * Anonymous reporting in a real browser, with JavaScript on and off: send a report with a photo,
 * come back with the receipt, read the partnership's question and add information. Every page is
 * checked by axe (WCAG 2.2 A and AA) and weighed (bytes transferred, compressed, cache off).
 * One journey is made by keyboard alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import exifr from 'exifr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addPartnershipMessage } from '../../src/features/reports/queries.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext } from '../support/browser.js';
import { photoWithGps, PHOTO_SECRETS } from '../support/report-files.js';

const PAGE_LIMIT = 100 * 1024;
// Generous waits: these journeys hash receipts with argon2 and re-encode photos, and CI machines
// run other suites beside them. Nothing here measures time.
const WAIT_MS = 90_000;

describe('anonymous reporting in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let photo: Buffer;
  before(async () => {
    app = await startTestApp();
    photo = await photoWithGps();
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  /** Counts the bytes each page load transfers, with the cache off, as a first visit would. */
  async function weigh(context: BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    cdp.on(
      'Network.loadingFinished',
      (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength),
    );
    return {
      reset: () => (bytes = 0),
      async check(t: TestContext, name: string) {
        await page.waitForLoadState('networkidle');
        t.diagnostic(`${name}: ${bytes} bytes transferred`);
        assert.ok(bytes < PAGE_LIMIT, `${name} transferred ${bytes} bytes`);
        bytes = 0;
      },
    };
  }

  const reportIdOf = async (receipt: string) =>
    (
      await app.lantern.database.db
        .selectFrom('public_report')
        .select('id')
        .where('lookup_id', '=', receipt.replace(/-/g, '').slice(0, 8))
        .executeTakeFirstOrThrow()
    ).id;

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`sends a report with a photo, comes back with the receipt and adds information ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScript });
      context.setDefaultTimeout(WAIT_MS);
      const page = await context.newPage();
      const weight = await weigh(context, page);

      await page.goto(`${app.url}/report`);
      await weight.check(t, 'report form');
      await assertAccessible(page);
      assert.equal(await page.getByRole('button', { name: /Exit this page/ }).count(), 1);

      // Errors first: nothing filled in.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForLoadState();
      assert.match(await page.title(), /^Error: Tell us about organised crime anonymously/);
      await weight.check(t, 'report form with errors');
      await assertAccessible(page);
      if (javaScript) {
        assert.equal(
          await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
          true,
        );
      }

      await page.getByLabel('What is happening?').fill('Cars stop outside number 4 every night.');
      await page.getByLabel('Illegal drugs').check();
      await page.getByLabel('Where is it happening? (optional)').fill('Fore Street, Redruth');
      await page.getByLabel('Day').fill('14');
      await page.getByLabel('Month').fill('3');
      await page.getByLabel('Year').fill('2025');
      await page.getByLabel('Who is involved? (optional)').fill('A silver Audi');
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForLoadState();

      assert.equal(
        await page.getByRole('heading', { level: 1 }).innerText(),
        'Check your report before you send it',
      );
      await weight.check(t, 'check your report');
      await assertAccessible(page);
      assert.match(await page.locator('main').innerText(), /the place where it was taken/);
      assert.match(await page.locator('main').innerText(), /the camera's serial number/);
      await page.getByLabel('Yes, send my file').check();
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.waitForLoadState();

      assert.equal(await page.locator('.govuk-panel__title').innerText(), 'Report sent');
      await weight.check(t, 'receipt');
      await assertAccessible(page);
      const receipt = (await page.locator('#receipt-code').innerText()).trim();
      assert.match(receipt, /^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
      assert.deepEqual(await context.cookies(), [], 'no cookies, ever');

      // The analyst copy has no GPS; the evidence original still does.
      const reportId = await reportIdOf(receipt);
      const files = await app.lantern.database.db
        .selectFrom('public_report_file')
        .select(['variant', 'content'])
        .where('report_id', '=', reportId)
        .execute();
      const sanitised = files.find((f) => f.variant === 'sanitised');
      assert.ok(sanitised);
      assert.equal(await exifr.gps(Buffer.from(sanitised.content)), undefined);
      assert.ok(!Buffer.from(sanitised.content).includes(PHOTO_SECRETS.serial));

      await app.lantern.database.transaction((tx) =>
        addPartnershipMessage(tx, {
          reportId,
          authorUserId: null,
          body: 'Which night did you see this most?',
        }),
      );

      await page.goto(`${app.url}/report/return`);
      await weight.check(t, 'come back');
      await assertAccessible(page);
      await page.getByLabel('Come back to your report').fill(receipt.toLowerCase().replace(/-/g, ' '));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForLoadState();

      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your report');
      await weight.check(t, 'your report');
      await assertAccessible(page);
      assert.match(await page.locator('.app-messages').innerText(), /Which night did you see this most\?/);
      await page.getByLabel('Tell us more').fill('Fridays, after 10pm.');
      await page.getByRole('button', { name: 'Send information' }).click();
      await page.waitForLoadState();

      assert.equal(await page.locator('.govuk-panel__title').innerText(), 'Information sent');
      await weight.check(t, 'information sent');
      await assertAccessible(page);
      await page.getByRole('button', { name: 'Back to your report' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.app-messages').innerText(), /You told us more on/);
      assert.deepEqual(await context.cookies(), []);

      const messages = await app.lantern.database.db
        .selectFrom('public_report_message')
        .select(['author_kind', 'body'])
        .where('report_id', '=', reportId)
        .orderBy('sent_at')
        .execute();
      assert.deepEqual(messages.at(-1), { author_kind: 'reporter', body: 'Fridays, after 10pm.' });
      await context.close();
    });
  }

  it('can be used from start to finish with the keyboard alone', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser);
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    /** Presses Tab until the element matching `selector` has focus (or fails after `limit` presses). */
    const tabTo = async (selector: string, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      assert.fail(`Tab never reached ${selector}`);
    };
    /** Presses a key that submits a form or follows a link, and waits for the next page. */
    const pressAndLoad = async (key: string) => {
      await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press(key)]);
      await page.waitForLoadState();
    };

    await page.goto(`${app.url}/report`);
    await tabTo('#what');
    await page.keyboard.type('Young people are being sent to sell drugs from a flat.');
    await tabTo('input[name=category]');
    // Arrow keys move through a radio group, choosing as they go.
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('input[name=category]:checked').getAttribute('value'), 'illegal-drugs');
    await tabTo('#file');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name: 'flat.jpg', mimeType: 'image/jpeg', buffer: photo });
    await tabTo('button.govuk-button');
    await pressAndLoad('Enter');

    assert.equal(
      await page.getByRole('heading', { level: 1 }).innerText(),
      'Check your report before you send it',
    );
    await tabTo('input[name=fileChoice][value=send]');
    await page.keyboard.press('Space');
    await tabTo('form[action="/report/send"] button');
    await pressAndLoad('Enter');

    const receipt = (await page.locator('#receipt-code').innerText()).trim();
    await tabTo('a[href="/report/return"]');
    await pressAndLoad('Enter');
    await tabTo('#receipt');
    await page.keyboard.type(receipt);
    await pressAndLoad('Enter');

    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your report');
    await tabTo('#information');
    await page.keyboard.type('The flat is above the launderette.');
    await tabTo('form[action="/report/add"] button');
    await pressAndLoad('Enter');
    assert.equal(await page.locator('.govuk-panel__title').innerText(), 'Information sent');

    const reportId = await reportIdOf(receipt);
    const files = await app.lantern.database.db
      .selectFrom('public_report_file')
      .select('variant')
      .where('report_id', '=', reportId)
      .execute();
    assert.equal(files.length, 2);
    await context.close();
  });
});
