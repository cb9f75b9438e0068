/**
 * The network picture (src/web/assets/network-view.js) in Chromium, on a harness page that exists
 * only in this test: sample NetworkViewData beside its table, served under the app's real CSP.
 * Checks that the picture draws every node, that clicking a node opens its page, that the PNG
 * download is a PNG, that axe is clean and that nothing breaks the CSP.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { viewDataJson } from '../../src/features/network/exports/index.js';
import type { NetworkViewData } from '../../src/features/network/types.js';
import { route } from '../../src/web/routes.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext } from '../support/browser.js';

/** What network-view.js leaves on its holder. */
type ViewHolder = HTMLElement & {
  networkView?: { renderedPosition(id: string): { x: number; y: number } | null };
};

const SAMPLE: NetworkViewData = {
  nodes: [
    {
      id: 'p1',
      label: 'Dean "Deano" O\'Neil </script>',
      schema: 'Person',
      size: 1,
      community: 0,
      href: '/test/entity/p1',
    },
    { id: 'p2', label: 'Kelly Rowe', schema: 'Person', size: 0.6, community: 0, href: '/test/entity/p2' },
    { id: 'p3', label: 'Jordan Vale', schema: 'Person', size: 0.3, community: 1, href: '/test/entity/p3' },
    {
      id: 'b1',
      label: 'Shine Car Wash & Valet',
      schema: 'Business',
      size: 0.5,
      community: 1,
      href: '/test/entity/b1',
    },
    {
      id: 'a1',
      label: '12 Fore Street, Truro',
      schema: 'Address',
      size: 0.2,
      community: 0,
      href: '/test/entity/a1',
    },
    { id: 'v1', label: 'WK19 ABC', schema: 'Vehicle', size: 0.1, community: null, href: '/test/entity/v1' },
    { id: 't1', label: '07700 900123', schema: 'Phone', size: 0.4, community: 2, href: '/test/entity/t1' },
    {
      id: 'o1',
      label: 'deano_kernow',
      schema: 'OnlineAccount',
      size: 0,
      community: 2,
      href: '/test/entity/o1',
    },
    {
      id: 'k1',
      label: '40-11-62 12345678',
      schema: 'BankAccount',
      size: 0,
      community: 1,
      href: '/test/entity/k1',
    },
  ],
  edges: [
    { id: 'e1', source: 'p1', target: 'p2', label: 'associate of' },
    { id: 'e2', source: 'p1', target: 'b1', label: 'director of' },
    { id: 'e3', source: 'p2', target: 'a1', label: 'lives at' },
    { id: 'e4', source: 'p3', target: 'b1', label: 'employee of' },
    { id: 'e5', source: 'p1', target: 'v1', label: 'uses vehicle' },
    { id: 'e6', source: 'p1', target: 't1', label: 'uses phone' },
    { id: 'e7', source: 'p1', target: 'o1', label: 'uses account' },
    { id: 'e8', source: 'b1', target: 'k1', label: 'uses account' },
  ],
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page as a network page would write it: the table first, then the picture's holder and data. */
/** A chain of 450 people: past the size where the picture switches to its cheaper layout. */
const LARGE: NetworkViewData = {
  nodes: Array.from({ length: 450 }, (_, i) => ({
    id: `n${String(i).padStart(3, '0')}`,
    label: `Person ${i}`,
    schema: 'Person',
    size: (i % 10) / 10,
    community: i % 5,
    href: `/test/entity/n${i}`,
  })),
  edges: Array.from({ length: 449 }, (_, i) => ({
    id: `e${i}`,
    source: `n${String(i).padStart(3, '0')}`,
    target: `n${String(i + 1).padStart(3, '0')}`,
    label: 'associate of',
  })),
};

function harness(nonce: string, data: NetworkViewData = SAMPLE): string {
  // As a network page writes it: no label can close the script element early.
  const json = viewDataJson(data);
  const rows = data.nodes
    .map(
      (node) =>
        `<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="${escapeHtml(node.href)}">${escapeHtml(node.label)}</a></td><td class="govuk-table__cell">${escapeHtml(node.schema)}</td><td class="govuk-table__cell">${node.community ?? 'None'}</td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head><meta charset="utf-8"><title>Network picture test</title>
<link rel="icon" href="/assets/app/lantern.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app/partner.css"></head>
<body class="govuk-template__body">
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">Network</h1>
<div data-network-view></div>
<script type="application/json" id="network-data" nonce="${nonce}">${json}</script>
<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">People and things in the network</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Kind</th><th scope="col" class="govuk-table__header">Community</th></tr></thead>
<tbody class="govuk-table__body">${rows}</tbody></table>
</main></div>
<script type="module" src="/assets/app/network-view.js" nonce="${nonce}"></script>
</body></html>`;
}

const harnessRoutes = [
  route({
    method: 'get',
    path: '/test/network-view',
    access: 'public',
    audit: 'test.network-view',
    handle: ({ req, res }) =>
      res.type('html').send(harness(res.locals.cspNonce, req.query.large === 'yes' ? LARGE : SAMPLE)),
  }),
  route({
    method: 'get',
    path: '/test/entity/:id',
    access: 'public',
    audit: 'test.entity',
    handle: ({ res, params }) =>
      res
        .type('html')
        .send(
          `<!DOCTYPE html><html lang="en-GB"><head><title>Entity</title><link rel="icon" href="/assets/app/lantern.svg" type="image/svg+xml"></head><body><main><h1>Entity ${escapeHtml(params.id ?? '')}</h1></main></body></html>`,
        ),
  }),
];

describe('the network picture in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    app = await startTestApp({ extraRoutes: harnessRoutes });
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  /** Opens the harness, collecting console errors (a CSP violation is one) and page errors. */
  async function openHarness(page: Page, query = ''): Promise<string[]> {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${app.url}/test/network-view${query}`);
    await page.locator('[data-network-view][data-network-ready="true"]').waitFor();
    return problems;
  }

  it('serves cytoscape from our own origin as JavaScript', async () => {
    const response = await app.get('/assets/cytoscape/cytoscape.esm.min.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await response.text()).length > 100_000);
  });

  it('draws every node, hidden from assistive technology, with no CSP violation and axe clean', async (t) => {
    browser = browser ?? (await launchBrowser(t));
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = await openHarness(page);
    const holder = page.locator('[data-network-view]');
    assert.equal(await holder.getAttribute('data-network-nodes'), String(SAMPLE.nodes.length));
    assert.equal(await holder.getAttribute('data-network-edges'), String(SAMPLE.edges.length));
    assert.equal((await page.locator('[data-network-view] canvas').count()) > 0, true, 'a canvas is drawn');
    assert.equal(await page.locator('[data-testid="network-canvas"]').getAttribute('aria-hidden'), 'true');
    // Something was painted: the canvas is not blank.
    const painted = await page.evaluate(() => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-network-view] canvas'));
      return canvases.some((canvas) => {
        const context2d = canvas.getContext('2d');
        if (!context2d || !canvas.width || !canvas.height) return false;
        const pixels = context2d.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
        return false;
      });
    });
    assert.ok(painted, 'the canvas has something drawn on it');
    await assertAccessible(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens a node’s page when it is clicked', async (t) => {
    browser = browser ?? (await launchBrowser(t));
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = await openHarness(page);
    const position = await page.evaluate(() => {
      const holder = document.querySelector<ViewHolder>('[data-network-view]');
      const canvas = document.querySelector('[data-testid="network-canvas"]');
      const point = holder?.networkView?.renderedPosition('b1');
      if (!canvas || !point) return null;
      const box = canvas.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    });
    assert.ok(position, 'the node is drawn somewhere');
    await page.mouse.click(position.x, position.y);
    await page.waitForURL(/\/test\/entity\/b1$/);
    assert.equal(await page.locator('h1').textContent(), 'Entity b1');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('lays the network out the same way every time', async (t) => {
    browser = browser ?? (await launchBrowser(t));
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    const positions = async () => {
      await openHarness(page);
      return page.evaluate(
        (ids) => {
          const holder = document.querySelector<ViewHolder>('[data-network-view]');
          return ids.map((id) => holder?.networkView?.renderedPosition(id));
        },
        SAMPLE.nodes.map((node) => node.id),
      );
    };
    const first = await positions();
    const second = await positions();
    assert.ok(first.every((point) => point && Number.isFinite(point.x) && Number.isFinite(point.y)));
    assert.deepEqual(second, first);
    await context.close();
  });

  it('downloads the picture as a PNG', async (t) => {
    browser = browser ?? (await launchBrowser(t));
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = await openHarness(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download picture (PNG)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'network.png');
    const path = await download.path();
    const bytes = await readFile(path);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(bytes.length > 1000, 'more than an empty image');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('draws a large network too, with its cheaper layout', async (t) => {
    browser = browser ?? (await launchBrowser(t));
    if (!browser) return;
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = await openHarness(page, '?large=yes');
    assert.equal(await page.locator('[data-network-view]').getAttribute('data-network-nodes'), '450');
    assert.equal(await page.locator('[data-network-view]').getAttribute('data-network-edges'), '449');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('leaves the table standing alone without JavaScript', async (t) => {
    browser = browser ?? (await launchBrowser(t));
    if (!browser) return;
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/test/network-view`);
    assert.equal(await page.locator('[data-network-view] canvas').count(), 0);
    assert.equal(await page.locator('tbody tr').count(), SAMPLE.nodes.length);
    assert.equal(await page.getByRole('button', { name: 'Download picture (PNG)' }).count(), 0);
    await assertAccessible(page);
    await context.close();
  });
});
