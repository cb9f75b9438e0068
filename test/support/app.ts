/** A real Lantern on a real port, over a test database, with its log lines captured. */
import { appendFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { testConfig, type Config } from '../../src/config.js';
import { buildLantern, type Lantern } from '../../src/main.js';
import { createLogger } from '../../src/web/logging.js';
import type { RouteSpec } from '../../src/web/routes.js';
import { listen } from '../../src/web/server.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  lantern: Lantern;
  testDatabase: TestDatabase;
  url: string;
  /** Every log line written, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log text, for searching. */
  logText(): string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Fetches a page, and returns a CSRF token for posting its form. */
  csrfFor(path: string): Promise<string>;
  postForm(path: string, fields: Record<string, string>, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export async function startTestApp(
  options: { extraRoutes?: RouteSpec[]; config?: Partial<Config>; clock?: () => number } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase({ seeded: true });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = testConfig(testDatabase.config, { logLevel: 'info', ...options.config });
  const lantern = await buildLantern(config, {
    database: testDatabase.database,
    logger: createLogger('info', sink),
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const running = await listen(lantern.app, { port: 0, host: '127.0.0.1', graceMs: 2000 });
  const url = running.url;
  const get = (path: string, init: RequestInit = {}) => fetch(url + path, { redirect: 'manual', ...init });
  return {
    lantern,
    testDatabase,
    url,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText: () => lines.join('\n'),
    get,
    async csrfFor(path) {
      const html = await (await get(path)).text();
      const match = /name="_csrf" value="([^"]+)"/.exec(html);
      if (!match?.[1]) throw new Error(`No CSRF token on ${path}`);
      return match[1];
    },
    postForm(path, fields, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('content-type', 'application/x-www-form-urlencoded');
      return get(path, { ...init, method: 'POST', headers, body: new URLSearchParams(fields).toString() });
    },
    async stop() {
      await running.stop();
      try {
        await checkS62Completeness(lantern, lines);
      } finally {
        await testDatabase.dispose();
      }
    },
  };
}

/**
 * s62 completeness: every successful request to a route that declares an operation on personal
 * data must have written exactly one audit entry of that action, under its request id. Checked
 * when each test app stops, so the whole integration suite is covered; the tally is summed by
 * scripts/run-tests.ts.
 */
async function checkS62Completeness(lantern: Lantern, lines: string[]): Promise<void> {
  const requests = lines
    .map(
      (line) =>
        JSON.parse(line) as {
          msg?: string;
          level?: number;
          s62?: string;
          status?: number;
          requestId?: string;
          /** Set when a request performed other than one operation (an import's batches). */
          operations?: number;
        },
    )
    .filter((entry) => entry.msg === 'request' && entry.s62 && (entry.status ?? 500) < 400);
  const operations = new Map<string, number>();
  for (const request of requests) {
    operations.set(request.s62!, (operations.get(request.s62!) ?? 0) + (request.operations ?? 1));
  }
  const ids = requests.map((r) => r.requestId!);
  const entries = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await lantern.database.db
      .selectFrom('audit_entry')
      .select(['action', 'request_id'])
      .where('request_id', 'in', ids.slice(i, i + 1000))
      .where('action', '!=', 'security')
      .execute();
    for (const row of rows) entries.set(row.action, (entries.get(row.action) ?? 0) + 1);
  }
  const tally: Record<string, { operations: number; entries: number }> = {};
  for (const action of new Set([...operations.keys(), ...entries.keys()])) {
    tally[action] = { operations: operations.get(action) ?? 0, entries: entries.get(action) ?? 0 };
  }
  if (process.env.LANTERN_S62_TALLY)
    appendFileSync(process.env.LANTERN_S62_TALLY, `${JSON.stringify(tally)}\n`);
  const gaps = Object.entries(tally).filter(([, t]) => t.operations !== t.entries);
  const wrongCounts = lines.filter((line) => line.includes('s62 audit entry count is wrong'));
  if (gaps.length || wrongCounts.length) {
    throw new Error(
      `s62 completeness failed: ${JSON.stringify(Object.fromEntries(gaps))} ${wrongCounts.join('\n')}`,
    );
  }
}
