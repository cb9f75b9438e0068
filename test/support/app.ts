/** A real Lantern on a real port, over a test database, with its log lines captured. */
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
  options: { extraRoutes?: RouteSpec[]; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
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
      await testDatabase.dispose();
    },
  };
}
