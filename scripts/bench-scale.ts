/**
 * npm run bench:scale — the partner pages at the size Lantern must cope with: a synthetic
 * partnership of 1,000,000 entities, 2,000,000 links, 200,000 intelligence items and 100,000
 * named access lists (scripts/synthetic/scale.ts) on PostgreSQL, then p95 response times for the
 * inbox, an entity page, search, the home page and a 2-hop network, each against its 300 ms target.
 *
 * Measured as users get them: Lantern runs in this process on a local port, and a council ASB
 * officer (council-officer role, so the access filter decides: police and licensing share people,
 * police and housing share items, and the access lists admit the officer's agency on about one in
 * six) signs in with password and code and asks for each page, reading the whole response. Each
 * page's time includes loading the viewer, the access filter and the s62 audit entry.
 *
 * PostgreSQL only (the sizes are PostgreSQL's to hold): BENCH_DATABASE_URL, or DATABASE_URL, names
 * the server. A database is created there for the run and dropped after; the one the address names
 * is never written to. Loading at scale 1 takes a long while and several GB of disk.
 *
 *   npm run bench:scale -- --scale 0.01     a partnership a hundredth the size (10,000 entities)
 *   options: --scale 1, --requests 100 (per page, after 10 to warm up), --seed 20261203,
 *            --keep (the database, to study query plans; prints its name)
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { testConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openPostgres } from '../src/db/postgres.js';
import { currentTotpCode, newTotpSecret } from '../src/features/access/totp.js';
import { buildLantern, type Lantern } from '../src/main.js';
import { createLogger } from '../src/web/logging.js';
import { listen } from '../src/web/server.js';
import { nameQuery, randomStream, textQuery } from './synthetic/partnership.js';
import { loadScale, scaledCounts, type LoadedScale } from './synthetic/scale.js';

const TARGET_P95_MS = 300;
const WARM_UP = 10;
const VIEWER_AGENCY_CODE = 'bench-council-asb';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    requests: { type: 'string', default: '100' },
    seed: { type: 'string', default: '20261203' },
    keep: { type: 'boolean', default: false },
  },
});
const SCALE = Number(args.scale);
const REQUESTS = Number(args.requests);
const SEED = Number(args.seed);
// A script, not Lantern: like the test harness, it reads its one setting itself.
const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;

const log = (message: string) => console.log(message);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const count = (n: number) => n.toLocaleString('en-GB');

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A partner's browser without the browser: the session cookie, CSRF tokens, password and code. */
class Partner {
  private cookie: string | undefined;
  constructor(private readonly base: string) {}

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', `__Host-lantern-session=${this.cookie}`);
    const response = await fetch(this.base + path, { redirect: 'manual', ...init, headers });
    const match = /__Host-lantern-session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '');
    if (match) this.cookie = match[1] || undefined;
    return response;
  }

  private async post(path: string, fields: Record<string, string>): Promise<Response> {
    const page = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error(`No CSRF token on ${path}`);
    return this.get(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
  }

  async signIn(email: string, password: string, totpSecret: string): Promise<void> {
    const first = await this.post('/partner/sign-in', { email, password });
    if (first.headers.get('location') !== '/partner/sign-in/code')
      throw new Error(`Signing in failed at the password: ${first.status}`);
    const second = await this.post('/partner/sign-in/code', { code: currentTotpCode(totpSecret) });
    if (second.headers.get('location') !== '/partner')
      throw new Error(`Signing in failed at the code: ${second.status}`);
  }
}

/** Distinct records a page links to, so a page that shows nothing is noticed. */
const linked = (pattern: RegExp) => (body: string) => new Set(body.match(pattern)).size;
const itemLinks = linked(/href="\/partner\/intelligence\/items\/[0-9a-f-]{36}"/g);
const entityLinks = linked(/href="\/partner\/entities\/[0-9a-f-]{36}"/g);

/** "links shown: mean 4.2, largest 31", for the notes under the table. */
function sizes(what: string, values: number[]): string {
  if (!values.length) return '';
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `${what}: mean ${mean.toFixed(1)}, largest ${Math.max(...values)}`;
}

interface Measured {
  page: string;
  p50: number;
  p95: number;
  max: number;
  /** Answers other than 200 (or requests that failed), by status. */
  failures: Map<string, number>;
  note: string;
}

async function measure(
  partner: Partner,
  page: string,
  paths: string[],
  noteOf: (bodies: string[]) => string = () => '',
): Promise<Measured> {
  const failures = new Map<string, number>();
  const bodies: string[] = [];
  const ask = async (path: string): Promise<number> => {
    const start = performance.now();
    let status: string;
    try {
      const response = await partner.get(path);
      const body = await response.text();
      status = String(response.status);
      if (response.ok) bodies.push(body);
    } catch (error) {
      status = (error as Error).message;
    }
    const took = performance.now() - start;
    if (status !== '200') failures.set(status, (failures.get(status) ?? 0) + 1);
    return took;
  };
  for (const path of paths.slice(0, WARM_UP)) await ask(path);
  failures.clear();
  bodies.length = 0;
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await ask(paths[(WARM_UP + i) % paths.length] ?? '/partner'));
  times.sort((a, b) => a - b);
  return {
    page,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? 0,
    failures,
    note: noteOf(bodies),
  };
}

/**
 * People the viewer may well see and who have links: the seeds of entity pages and networks.
 * Chosen by their owner and list only (the pages themselves apply the whole policy, and a page
 * that answers otherwise than 200 is counted as a failure).
 */
async function linkedPeople(database: Database, loaded: LoadedScale, n: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select e.id from entity e
    where e.schema = 'Person' and e.access_list_id is null
      and (e.owning_agency_id = ${loaded.viewerAgencyId}
        or e.owning_agency_id in (select owner_agency_id from sharing_rule
          where partner_agency_id = ${loaded.viewerAgencyId} and record_type = 'entity'))
      and exists (select 1 from link l where l.from_entity_id = e.id and l.access_list_id is null)
    order by md5(e.id::text || ${String(SEED)}) limit ${n}`.execute(database.db);
  return rows.map((r) => r.id);
}

async function benchmark(database: Database, url: string): Promise<Measured[]> {
  const counts = scaledCounts(SCALE);
  log(
    `Loading ${count(counts.entities)} entities, ${count(counts.links)} links, ${count(counts.items)} items ` +
      `and ${count(counts.accessLists)} access lists (scale ${SCALE}, seed ${SEED})`,
  );
  await migrate(database);
  const loaded = await loadScale(database, { scale: SCALE, seed: SEED, progress: (m) => log(`   ${m}`) });
  const { rows } = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(
    database.db,
  );
  const t = loaded.scaleTimings;
  log(
    `   loaded in ${seconds(t.totalMs)} (people and items ${seconds(loaded.timings.totalMs)}, ` +
      `access lists ${seconds(t.listsMs)}, links ${seconds(t.linksMs)}); ` +
      `database ${(Number(rows[0]?.size ?? 0) / 1024 ** 2).toFixed(0)} MB; ` +
      `${count(loaded.listsNamingViewer)} access lists name the viewer's agency`,
  );

  const lantern: Lantern = await buildLantern(testConfig({ kind: 'postgres', url }), {
    database,
    logger: createLogger('silent'),
  });
  const server = await listen(lantern.app, { port: 0, host: '127.0.0.1', graceMs: 2000 });
  try {
    const totpSecret = newTotpSecret();
    const email = 'bench.officer@asb.example';
    const { password } = await lantern.services.accounts.createUser({
      email,
      displayName: 'Bench officer',
      agencyCode: VIEWER_AGENCY_CODE,
      roles: ['council-officer'],
      clearance: 'OFFICIAL-SENSITIVE',
      totpSecret,
    });
    const partner = new Partner(server.url);
    await partner.signIn(email, password, totpSecret);

    const random = randomStream(SEED + 1);
    const total = WARM_UP + REQUESTS;
    const people = await linkedPeople(database, loaded, total);
    if (people.length === 0) throw new Error('No linked person the viewer may see: is the scale too small?');
    const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
    const searches = Array.from({ length: total }, (_, i) => {
      const someone = random.pick(loaded.sample);
      const q = i % 2 === 0 ? nameQuery(random, someone) : textQuery(random, someone);
      return `/partner/search?${new URLSearchParams({ q }).toString()}`;
    });
    const inboxPages = Array.from({ length: total }, (_, i) =>
      i % 4 === 3 ? '/partner/intelligence?status=all' : `/partner/intelligence?page=${1 + (i % 3)}`,
    );
    return [
      await measure(partner, 'inbox', inboxPages, (bodies) => sizes('items listed', bodies.map(itemLinks))),
      await measure(
        partner,
        'an entity page',
        Array.from({ length: total }, (_, i) => `/partner/entities/${pick(people, i)}`),
        (bodies) =>
          sizes(
            'links shown',
            bodies.map((b) => b.split('<tr class="govuk-table__row" data-link ').length - 1),
          ),
      ),
      await measure(partner, 'search', searches, (bodies) =>
        sizes(
          'records shown',
          bodies.map((b) => itemLinks(b) + entityLinks(b)),
        ),
      ),
      await measure(partner, 'the home page', ['/partner']),
      await measure(
        partner,
        'a 2-hop network',
        Array.from({ length: total }, (_, i) => `/partner/network?seed=${pick(people, i)}&hops=2`),
        (bodies) => {
          // Large networks' numbers are worked out in the background: that page is the build alone.
          const working = bodies.filter((b) => b.includes('data-testid="progress"')).length;
          const nodes = bodies.flatMap((b) => {
            const found = /places and things\s*<\/dt>\s*<dd[^>]*>\s*(\d+)/.exec(b)?.[1];
            return found ? [Number(found)] : [];
          });
          return (
            sizes('entities', nodes) +
            (working
              ? `; ${working} answered "working out the network" (built, numbers in the background)`
              : '')
          );
        },
      ),
    ];
  } finally {
    await server.stop();
  }
}

function report(results: Measured[]): boolean {
  const header = ['page', 'p50', 'p95', 'max', `p95 / ${TARGET_P95_MS} ms target`, 'failures'];
  const table = [
    header,
    ...results.map((r) => [
      r.page,
      ms(r.p50),
      ms(r.p95),
      ms(r.max),
      `${(r.p95 / TARGET_P95_MS).toFixed(2)} ${r.p95 < TARGET_P95_MS ? '(met)' : '(OVER)'}`,
      [...r.failures].map(([status, n]) => `${n} × ${status}`).join(', ') || 'none',
    ]),
  ];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
  log(
    `\n${REQUESTS} requests a page after ${WARM_UP} to warm up, one at a time, signed in as a council officer. ` +
      `Ratio below 1: within the target.${SCALE === 1 ? '' : ` AT SCALE ${SCALE}, NOT THE FULL SIZE.`}\n`,
  );
  for (const cells of table) log(cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  for (const r of results.filter((r) => r.note)) log(`${r.page}: ${r.note}`);
  return results.every((r) => r.p95 < TARGET_P95_MS && r.failures.size === 0);
}

if (!SERVER_URL) {
  refuse(
    'bench:scale needs a PostgreSQL server: set BENCH_DATABASE_URL (or DATABASE_URL), e.g.\n' +
      '  BENCH_DATABASE_URL=postgres://lantern@127.0.0.1:5432/postgres npm run bench:scale\n' +
      'It creates its own database there for the run and drops it after. PGlite is not measured at this size.',
  );
}
if (!Number.isFinite(SCALE) || SCALE <= 0)
  refuse(`--scale must be a number above 0, like 0.01, not ${args.scale}`);
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) refuse(`--requests must be a whole number above 0`);

const admin = new pg.Client({ connectionString: SERVER_URL });
try {
  await admin.connect();
} catch (error) {
  refuse(`bench:scale: no PostgreSQL server at ${SERVER_URL} (${(error as Error).message})`);
}
const name = `lantern_bench_scale_${randomBytes(5).toString('hex')}`;
await admin.query(`create database ${name}`); // our own name: hex only
const url = new URL(SERVER_URL);
url.pathname = `/${name}`;
const loadAtStart = loadavg();
let within = false;
try {
  const database = await openPostgres({ url: url.toString(), maxConnections: 4 });
  try {
    within = report(await benchmark(database, url.toString()));
  } finally {
    await database.close();
  }
} finally {
  if (args.keep) log(`kept the database ${name}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
const load = (averages: number[]) => averages.map((a) => a.toFixed(1)).join(' ');
// Other work on the machine slows every page; a load well above the core count makes times noisy.
log(`Load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end`);
process.exit(within ? 0 : 1);
