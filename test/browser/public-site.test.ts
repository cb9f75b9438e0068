/**
 * The public site in a real browser: every page checked by axe (WCAG 2.2 A and AA) with
 * JavaScript on and off, Find help completed with JavaScript off, and Find help walked by keyboard
 * alone. No page may leave a cookie behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PUBLIC_PAGES } from '../../src/features/public-site/pages.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext } from '../support/browser.js';

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

const heading = (page: Page) => page.locator('h1').first().innerText();

describe('public site in Chromium', () => {
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

    it(`passes axe on every public page ${mode}, each with the 999 reminder and Exit this page`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      for (const { path, status } of PUBLIC_PAGES) {
        const response = await page.goto(`${app.url}${path}`);
        assert.equal(response?.status(), status, path);
        await assertAccessible(page);
        assert.ok(await page.locator('.app-danger-banner').isVisible(), `${path}: 999 reminder`);
        assert.ok(await page.getByRole('button', { name: /Exit this page/ }).isVisible(), `${path}: exit`);
      }
      assert.deepEqual(await context.cookies(), [], 'no cookies');
      await context.close();
    });

    it(`completes Find help ${mode}, including a mistake on the way`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await page.goto(`${app.url}/`);
      await page.getByRole('button', { name: 'Find out where to report' }).click();
      assert.equal(await heading(page), 'Find where to report');
      await page.getByRole('button', { name: 'Start now' }).click();

      assert.equal(await heading(page), 'Is anyone in danger right now?');
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.match(await page.title(), /^Error: Is anyone in danger right now\?/);
      assert.match(
        await page.locator('.govuk-error-summary').innerText(),
        /Select yes if anyone is in danger/,
      );
      await assertAccessible(page);
      if (javaScript) {
        assert.equal(
          await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
          true,
          'the error summary takes focus',
        );
      }
      await page.getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Continue' }).click();

      assert.equal(await heading(page), 'What is it about?');
      await page.getByLabel('Drug dealing, county lines or cuckooing').check();
      await page.getByRole('button', { name: 'Continue' }).click();

      assert.equal(await heading(page), 'Which is closest to what you have seen?');
      await page.getByLabel('Dealers are using someone’s home (cuckooing)').check();
      await page.getByRole('button', { name: 'Continue' }).click();

      assert.equal(await heading(page), 'Do you want to stay anonymous?');
      await page.getByLabel('Yes, I want to stay anonymous').check();
      await page.getByRole('button', { name: 'Continue' }).click();

      assert.equal(await heading(page), 'Where is it happening? (optional)');
      await page.getByLabel('Where is it happening? (optional)').fill('Bodmin');
      await page.getByRole('button', { name: 'Continue' }).click();

      assert.equal(await heading(page), 'Where to report');
      await assertAccessible(page);
      const first = page.locator('.app-recommendation').first();
      assert.equal(await first.locator('.app-channel__name').innerText(), 'Crimestoppers');
      assert.ok(
        await page.locator('#channel-adults-front-door').isVisible(),
        'the local front door is offered',
      );
      assert.equal(
        await page
          .locator('.govuk-summary-list')
          .last()
          .locator('.govuk-summary-list__value')
          .last()
          .innerText(),
        'Bodmin',
      );

      // Back goes to the last question with its answer kept.
      await page.getByRole('link', { name: 'Back' }).click();
      assert.equal(await page.getByLabel('Where is it happening? (optional)').inputValue(), 'Bodmin');
      assert.deepEqual(await context.cookies(), [], 'no cookies');
      await context.close();
    });
  }

  it('can be walked through by keyboard alone, from the home page to the answer and back to change it', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/`);

    await tabTo(page, 'a.govuk-button--start');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help$/);
    await tabTo(page, 'a.govuk-button--start');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/danger$/);

    // Radios: Tab reaches the group, arrow keys choose, Tab on to Continue, Enter sends.
    await tabTo(page, 'input[name=danger]');
    await page.keyboard.press('ArrowDown'); // Yes → No
    assert.equal(await page.locator('input[name=danger]:checked').getAttribute('value'), 'no');
    await tabTo(page, 'button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/about\?/);

    await tabTo(page, 'input[name=about]');
    await page.keyboard.press('Space'); // the first: a child being exploited or abused
    await tabTo(page, 'button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/detail\?/);

    await tabTo(page, 'input[name=detail]');
    await page.keyboard.press('Space'); // online grooming
    await tabTo(page, 'button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/anonymous\?/);

    await tabTo(page, 'input[name=anonymous]');
    await page.keyboard.press('ArrowDown'); // No, happy to give a name
    await tabTo(page, 'button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/where\?/);

    await tabTo(page, 'input#where');
    await page.keyboard.type('TR1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/result\?/);

    assert.equal(await heading(page), 'Where to report');
    assert.equal(
      await page.locator('.app-recommendation').first().locator('.app-channel__name').innerText(),
      'CEOP: report online sexual abuse of a child',
    );

    // Change an answer from the summary, by keyboard.
    await tabTo(page, 'a[href^="/find-help/anonymous"]', 200);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/anonymous\?/);
    assert.equal(await page.locator('input[name=anonymous]:checked').getAttribute('value'), 'no');
    await tabTo(page, 'input[name=anonymous]');
    await page.keyboard.press('ArrowUp'); // back to Yes
    await tabTo(page, 'button.govuk-button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/find-help\/result\?/);
    assert.ok(await page.locator('#channel-ceop').isVisible());
    assert.match(
      await page.locator('.app-recommendation', { has: page.locator('#channel-ceop') }).innerText(),
      /This service cannot promise that/,
    );
    await context.close();
  });
});
