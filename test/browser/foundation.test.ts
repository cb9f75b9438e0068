/**
 * The foundation's pages in a real browser, with JavaScript on and off, each checked by axe
 * (WCAG 2.2 A and AA): the public home, partner sign-in (blank and with errors), and not found.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext } from '../support/browser.js';

describe('foundation pages in Chromium', () => {
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

    it(`shows the public home page ${mode}: partnership name, 999 reminder, exit button, no GOV.UK brand`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      const response = await page.goto(`${app.url}/`);
      assert.equal(response?.status(), 200);
      await assertAccessible(page);
      assert.equal(
        await page.locator('.govuk-generic-header').innerText(),
        'Lantern Community Safety Partnership',
      );
      assert.match(
        await page.locator('.app-danger-banner').innerText(),
        /If someone is in immediate danger, call 999/,
      );
      const exit = page.getByRole('button', { name: /Exit this page/ });
      assert.equal(await exit.getAttribute('href'), 'https://www.bbc.co.uk/weather');
      assert.equal(
        await page.locator('.govuk-header__logotype, .govuk-footer__crown, svg.govuk-logo').count(),
        0,
      );
      const font = await page.evaluate(
        () => getComputedStyle(document.querySelector('.govuk-body')!).fontFamily,
      );
      assert.match(font, /^arial/i);
      await context.close();
    });

    it(`shows partner sign-in and its errors ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await page.goto(`${app.url}/partner`);
      assert.equal(new URL(page.url()).pathname, '/partner/sign-in');
      await assertAccessible(page);
      await page.getByLabel('Email address').fill('not an email');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
      assert.match(await page.title(), /^Error: Sign in to the partner workspace/);
      await assertAccessible(page);
      const summary = page.locator('.govuk-error-summary');
      assert.match(await summary.innerText(), /Enter an email address in the correct format/);
      assert.match(await summary.innerText(), /Enter your password/);
      assert.equal(await page.getByLabel('Email address').inputValue(), 'not an email');
      if (javaScript) {
        // GOV.UK Frontend moves focus to the error summary, and its links to the fields.
        assert.equal(
          await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
          true,
        );
        await page.getByRole('link', { name: 'Enter your password' }).click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
      }
      await context.close();
    });

    it(`shows a helpful page for an address that does not exist ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      const response = await page.goto(`${app.url}/no-such-page`);
      assert.equal(response?.status(), 404);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
      await assertAccessible(page);
      await context.close();
    });
  }

  it('lets a keyboard user skip to the content and leave quickly', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent.trim()),
      'Skip to main content',
    );
    // Pressing Shift three times is GOV.UK's keyboard shortcut for Exit this page: it must try to
    // leave for the neutral site (which this machine cannot reach, so we watch the request).
    const leaving = page.waitForRequest((request) =>
      request.url().startsWith('https://www.bbc.co.uk/weather'),
    );
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await leaving;
    await context.close();
  });
});
