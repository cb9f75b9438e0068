/**
 * Headless Debian Chromium through playwright-core (no browser download), with axe on every page.
 * Without Chromium a browser test reports itself skipped with the reason, except under CI=true,
 * where it fails: CI must never pass by not looking.
 */
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { currentTotpCode } from '../../src/features/access/totp.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';

/** Flags that let Chromium run here: no sandbox as root, and no reaching for a network that isn't there. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium, or skips (fails under CI) the calling test with the reason. */
export async function launchBrowser(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (IN_CI) assert.fail(reason);
    t.skip(reason);
    return undefined;
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

const withoutJavaScript = new WeakSet<BrowserContext>();

export async function newContext(
  browser: Browser,
  options: { javaScript?: boolean } = {},
): Promise<BrowserContext> {
  const javaScript = options.javaScript ?? true;
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  if (!javaScript) withoutJavaScript.add(context);
  return context;
}

/**
 * WCAG 2.2 A and AA, as axe knows them: zero violations, or the test fails naming each.
 * axe is itself a script, so a page seen without JavaScript is checked by replaying exactly the
 * HTML it was served, scripts removed, in a second page that lets axe run.
 */
export async function assertAccessible(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context())) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    const browser = page.context().browser();
    assert.ok(browser);
    const replay = await browser.newContext();
    try {
      const replayPage = await replay.newPage();
      await replayPage.route(page.url(), (route) => route.fulfill({ body: html, contentType: 'text/html' }));
      await replayPage.goto(page.url());
      await axeCheck(replayPage, page.url());
    } finally {
      await replay.close();
    }
    return;
  }
  await axeCheck(page, page.url());
}

async function axeCheck(page: Page, url: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(summary, [], `axe found violations on ${url}`);
}

/**
 * Signs a partner in through the real pages: password, then a code computed from their TOTP
 * secret. A code is good once per 30-second step, so sign each person in once per test.
 */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string; totpSecret: string },
): Promise<void> {
  await page.goto(`${baseUrl}/partner/sign-in`);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/partner\/sign-in\/code$/);
  await page.getByLabel('Enter the code from your authenticator app').fill(currentTotpCode(who.totpSecret));
  await page.getByRole('button', { name: /Continue|Sign in/ }).click();
  await page.waitForURL(/\/partner$/);
}
