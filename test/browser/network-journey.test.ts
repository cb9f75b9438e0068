/**
 * Issue 7's "done when", in the demo partnership and in Chromium with JavaScript on, axe on every
 * page: the police analyst opens the Pascoe county line's network from its page in the OCG
 * register, sees its communities and top brokers and the picture drawn from it (a node clicked
 * opens its page, the picture downloads as a PNG), runs a sequential disruption that shows the network falling apart,
 * and downloads it as GraphML and i2 ANX XML. The council's ASB officer, who has only what was
 * shared with the ASB team, opens the network around the same person and gets a smaller one, with
 * no name or id of what is hidden anywhere in the page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDemoData, type DemoCredentials } from '../../src/features/demo/demo-data.js';
import { elementsNamed, parseStrictXml } from '../../src/features/network/exports/test-strict-xml.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';

/** What network-view.js leaves on its holder. */
type ViewHolder = HTMLElement & {
  networkView?: { renderedPosition(id: string): { x: number; y: number } | null };
};

describe('network analysis in the demo, end to end in Chromium', () => {
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

  /** Console errors (a CSP violation is one), page errors and failed requests, as they happen. */
  function problemsOf(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
        problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    return problems;
  }

  const tableColumn = (page: Page, testId: string, column: number) =>
    page
      .locator(`[data-testid="${testId}"] tbody tr`)
      .evaluateAll(
        (rows, i) => rows.map((row) => row.querySelectorAll('td')[i]?.textContent.trim() ?? ''),
        column,
      );

  it('the analyst breaks the county line apart on paper; the ASB officer sees only their part', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const { db } = app.lantern.database;
    const kane = await db
      .selectFrom('entity')
      .select('id')
      .where('source_key', '=', 'demo:kane')
      .executeTakeFirstOrThrow();

    // The analyst opens the county line's network from its page in the OCG register.
    const analyst = who('analyst@police.demo.lantern.test');
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = problemsOf(page);
    await signInInBrowser(page, app.url, analyst);
    await page.goto(`${app.url}/partner/ocgs`);
    await page.getByRole('link', { name: 'Pascoe county line' }).first().click();
    await page.waitForURL(/\/partner\/ocgs\/[0-9a-f-]{36}$/);
    await assertAccessible(page);
    await page.getByTestId('open-network').click();
    await page.waitForURL((url) => url.pathname === '/partner/network' && url.searchParams.has('ocg'));
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Pascoe county line/);
    const holder = page.locator('[data-network-view][data-network-ready="true"]');
    await holder.waitFor();
    await assertAccessible(page);

    const names = await page
      .locator('[data-testid="network-nodes"] tbody tr td:first-child a')
      .allInnerTexts();
    const nodeCount = names.length;
    assert.ok(nodeCount >= 15, `the county line, its runners and the car wash: ${nodeCount}`);
    for (const name of ['Kane Pascoe', 'Reece Walker', 'Tyler Hocking', 'Marius Popescu', 'Shaun Penrose'])
      assert.ok(names.includes(name), name);
    // The picture draws every node and link of the table.
    assert.equal(await holder.getAttribute('data-network-nodes'), String(nodeCount));
    // Communities: more than one, each listed with its members.
    const communities = await page.locator('[data-testid="communities"] li').count();
    assert.ok(communities >= 3, `communities: ${communities}`);
    const summary = (await page.getByTestId('network-summary').innerText()).replace(/\s+/g, ' ');
    assert.match(summary, new RegExp(`Communities ${communities} \\(modularity 0\\.\\d+\\)`));
    // Top brokers: Kane first (he ties the line together), and Shaun, the tie to the car wash.
    const brokers = await page.locator('[data-testid="brokers"] li').allInnerTexts();
    assert.match(brokers[0] ?? '', /^Kane Pascoe/);
    assert.ok(brokers.some((b) => b.startsWith('Shaun Penrose')));
    // Whom to target: with the tactics suggested for a person.
    const targets = page.getByTestId('targets');
    assert.match(await targets.innerText(), /Removing Kane Pascoe splits/);
    assert.equal(await targets.locator('a[href="/partner/tactics?suggestedFor=person"]').first().count(), 1);

    // Clicking a node in the picture opens its page (a point relative to the picture's canvas).
    const canvas = page.getByTestId('network-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const position = await page.evaluate(
      (id) => document.querySelector<ViewHolder>('[data-network-view]')?.networkView?.renderedPosition(id),
      kane.id,
    );
    assert.ok(position, 'Kane is drawn');
    const networkUrl = page.url();
    await canvas.click({ position: { x: position.x, y: position.y } });
    await page.waitForURL(`${app.url}/partner/entities/${kane.id}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kane Pascoe');
    await page.goto(networkUrl);
    await holder.waitFor();

    // The picture as a PNG.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download picture (PNG)' }).click(),
    ]);
    const pngBytes = await readFile(await png.path());
    assert.deepEqual([...pngBytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    // GraphML and ANX: XML holding every node of the table.
    for (const [label, nodesOf] of [
      ['GraphML', (xml: string) => elementsNamed(parseStrictXml(xml), 'node').length],
      [
        'i2 Analyst’s Notebook (ANX XML)',
        (xml: string) => elementsNamed(parseStrictXml(xml), 'Entity').length,
      ],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('network-exports').getByRole('link', { name: label }).click(),
      ]);
      const xml = await readFile(await download.path(), 'utf8');
      assert.match(xml, /^<\?xml /);
      assert.equal(nodesOf(xml), nodeCount, label);
    }
    const disclosures = await db
      .selectFrom('audit_entry')
      .select(['event', 'action'])
      .where('event', 'like', 'network.export-%')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      disclosures.map((d) => `${d.event} ${d.action}`),
      ['network.export-graphml disclosure', 'network.export-anx disclosure'],
    );

    // A sequential disruption by betweenness: the network falls apart step by step.
    await page.getByLabel('Steps').fill('5');
    await page.getByTestId('run-disruption').click();
    await page.waitForURL(/\/partner\/network\/disruption\?/);
    await assertAccessible(page);
    const largest = (await tableColumn(page, 'disruption-steps', 2)).map(Number);
    const parts = (await tableColumn(page, 'disruption-steps', 4)).map(Number);
    assert.equal(largest.length, 6, 'five steps and what is left');
    assert.equal(largest[0], nodeCount, 'one piece to start with');
    assert.ok(
      (largest.at(-1) ?? nodeCount) <= nodeCount / 2,
      `the largest part shrinks: ${largest.join(', ')}`,
    );
    assert.ok((parts.at(-1) ?? 0) > (parts[0] ?? 0), `into more parts: ${parts.join(', ')}`);
    assert.match(
      await page.locator('[data-testid="disruption-steps"] tbody tr').first().innerText(),
      /Kane Pascoe/,
    );
    assert.deepEqual(problems, []);
    await context.close();

    // The ASB officer opens the network around the same person: only what was shared with them.
    const asbOfficer = who('asb@council.demo.lantern.test');
    const asbContext = await newContext(browser);
    const asbPage = await asbContext.newPage();
    const asbProblems = problemsOf(asbPage);
    await signInInBrowser(asbPage, app.url, asbOfficer);
    await asbPage.goto(`${app.url}/partner/entities/${kane.id}`);
    await asbPage.getByTestId('open-network').click();
    await asbPage.waitForURL((url) => url.pathname === '/partner/network');
    await asbPage.getByLabel('Hops').fill('4');
    await asbPage.getByTestId('show-network').click();
    await asbPage.waitForURL((url) => url.searchParams.get('hops') === '4');
    await asbPage.locator('[data-network-view][data-network-ready="true"]').waitFor();
    await assertAccessible(asbPage);
    const asbNames = await asbPage
      .locator('[data-testid="network-nodes"] tbody tr td:first-child a')
      .allInnerTexts();
    assert.ok(asbNames.length > 0 && asbNames.length < nodeCount, `smaller: ${asbNames.length}`);
    assert.ok(asbNames.includes('Kane Pascoe'));
    const html = await asbPage.content();
    const hiddenNames = names.filter((name) => !asbNames.includes(name));
    assert.ok(hiddenNames.includes('Marius Popescu') && hiddenNames.includes('Reece Walker'));
    for (const name of hiddenNames) assert.ok(!html.includes(name), `${name} is nowhere in the page`);
    const hiddenIds = await db
      .selectFrom('entity')
      .select('id')
      .where('caption', 'in', hiddenNames)
      .execute();
    for (const { id } of hiddenIds) assert.ok(!html.includes(id), 'no hidden id in the page');
    // No export for a council officer without intelligence:export.
    assert.equal(await asbPage.getByTestId('network-exports').count(), 0);
    assert.deepEqual(asbProblems, []);
    await asbContext.close();
  });
});
