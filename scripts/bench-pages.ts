/**
 * npm run bench:pages — the weight of every public page against the 100 KB budget:
 * bytes transferred with compression on, and raw, for the HTML and everything it loads. Starts
 * Lantern on a throwaway in-memory database, so it needs nothing running. Exits 1 if a page is
 * over budget.
 *
 * To weigh more pages, add them to PAGES below. (The report pages after sending are weighed by the
 * browser test of that journey, test/browser/reports.test.ts.)
 */
import { testConfig } from '../src/config.js';
import { openPglite } from '../src/db/pglite.js';
import { PUBLIC_PAGES, type PublicPage } from '../src/features/public-site/pages.js';
import { buildLantern } from '../src/main.js';
import { createLogger } from '../src/web/logging.js';
import { listen } from '../src/web/server.js';
import { PAGE_BUDGET_BYTES, weighPage } from './page-weight.js';

const PAGES: readonly PublicPage[] = [
  ...PUBLIC_PAGES,
  // The anonymous report pages a visitor reaches without sending anything.
  { name: 'report: the form', path: '/report', status: 200 },
  { name: 'report: come back with a receipt', path: '/report/return', status: 200 },
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const database = await openPglite();
const lantern = await buildLantern(testConfig({ kind: 'pglite', dataDir: '(memory)' }), {
  database,
  logger: createLogger('silent'),
});
const server = await listen(lantern.app, { port: 0, host: '127.0.0.1', graceMs: 1000 });

let over = 0;
try {
  const header = ['page', 'status', 'html (compressed / raw)', 'total (compressed / raw)', 'budget'];
  const rows: string[][] = [header];
  for (const page of PAGES) {
    const weight = await weighPage(server.url, page.path);
    const within = weight.transferred <= PAGE_BUDGET_BYTES;
    if (!within || weight.status !== page.status) over++;
    rows.push([
      page.name,
      String(weight.status),
      `${kb(weight.html.transferred)} / ${kb(weight.html.raw)}`,
      `${kb(weight.transferred)} / ${kb(weight.raw)}`,
      `${within ? 'ok' : 'OVER'} (${Math.round((weight.transferred / PAGE_BUDGET_BYTES) * 100)}%)`,
    ]);
  }
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  console.log(`Public page weight, budget ${kb(PAGE_BUDGET_BYTES)} transferred per page (compression on)\n`);
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  console.log(
    `\nTotal counts the HTML and everything it loads (stylesheet, scripts and their imports, icons), each once; ` +
      `response headers are not counted.`,
  );
} finally {
  await server.stop();
  await lantern.close();
}
if (over > 0) {
  console.error(`\n${over} page(s) over budget or answering with an unexpected status.`);
  process.exit(1);
}
process.exit(0);
