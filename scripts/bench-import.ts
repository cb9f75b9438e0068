/**
 * npm run bench:import — how fast the two imports write, in rows per second.
 *
 * On a fresh, migrated database: the CSV import (examples/import/police-nominals.mapping.json,
 * synthetic nominals: a person, an address, a phone and sometimes a vehicle a row, with links) of
 * a file of --rows rows, then the same file again (every key already on record: the re-import
 * path), then a link chart of --chart rows (at most 5,000, the link chart's limit) naming people
 * the first import made and new ones. Each is timed whole, as the CLI and the partner page run it.
 *
 * Runs on PGlite (in-process, a temporary data directory) and on PostgreSQL when a server is
 * reachable: BENCH_DATABASE_URL, or postgres://lantern@127.0.0.1:54340/postgres; a database is
 * created for the run and dropped after.
 *
 *   npm run bench:import -- --rows 60000 --only postgres
 *   options: --rows 5000, --chart 5000, --only pglite|postgres, --seed 20261123
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { projectPath } from '../src/paths.js';
import { createAccounts } from '../src/features/access/accounts.js';
import { permissionsOf } from '../src/features/access/roles.js';
import { csvDocument } from '../src/features/audit/csv.js';
import { importerByEmail } from '../src/features/intelligence/import/importer.js';
import { parseMapping } from '../src/features/intelligence/import/mapping.js';
import { runImport } from '../src/features/intelligence/import/service.js';
import { importLinkChart } from '../src/features/network/link-chart/service.js';
import { person, randomStream, type SyntheticPerson } from './synthetic/partnership.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000' },
    chart: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20261123' },
    only: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const CHART_ROWS = Math.min(Number(args.chart), 5000);
const SEED = Number(args.seed);
const DEFAULT_SERVER = 'postgres://lantern@127.0.0.1:54340/postgres';
// A script, not Lantern: like the test harness, it reads its one setting itself.
const SERVER_URL = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER;
const EMAIL = 'bench.analyst@police.example';

const log = (message: string) => console.log(message);

const HEADER = [
  'Nominal ref',
  'Full name',
  'Aliases',
  'Date of birth',
  'Gender',
  'Nationality',
  'Subject category',
  'Home address',
  'Home postcode',
  'Address from',
  'Mobile',
  'Other phone',
  'Vehicle VRM',
  'Vehicle make',
  'Vehicle colour',
  'Grade',
];

/** A nominals file of synthetic people; the first `rows` people also make the link chart. */
function nominals(random: ReturnType<typeof randomStream>, rows: number): [string, SyntheticPerson[]] {
  const people: SyntheticPerson[] = [];
  const records: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const someone = person(random);
    people.push(someone);
    const phone = `07700 ${String(100000 + i).padStart(6, '0')}`;
    const vehicle = random.chance(0.3);
    records.push([
      `N${1000000 + i}`,
      someone.name,
      someone.aliases.join(';'),
      someone.birthDate,
      someone.gender,
      'British',
      random.pick(['suspect', 'suspect', 'convicted', 'witness', 'other']),
      someone.address.full,
      someone.address.postcode,
      '2025-03-01',
      phone,
      '',
      vehicle ? `WK${String(i % 100).padStart(2, '0')} ${String.fromCharCode(65 + (i % 26))}BC` : '',
      vehicle ? 'Ford' : '',
      vehicle ? 'Black' : '',
      random.pick(['B2/4', 'C3/4']),
    ]);
  }
  return [csvDocument(HEADER, records), people];
}

function linkChart(random: ReturnType<typeof randomStream>, people: SyntheticPerson[], rows: number): string {
  const lines = ['from,to,link type,date,from type,to type,confidence'];
  for (let i = 0; i < rows; i++) {
    const from = people[random.int(people.length)]?.name ?? 'Nobody Known';
    // Half the rows name someone new: the chart creates them.
    const to = random.chance(0.5)
      ? (people[random.int(people.length)]?.name ?? 'Nobody Known')
      : `Chart Person ${i}`;
    if (from === to) continue;
    lines.push(`"${from}","${to}",associate of,2025-0${1 + (i % 9)}-01,,,medium`);
  }
  return lines.join('\n');
}

const rate = (rows: number, ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString('en-GB')} rows/s`;

async function benchmark(kind: string, database: Database): Promise<void> {
  await migrate(database);
  const accounts = createAccounts(database);
  await accounts.createAgency({
    code: 'police-public-protection',
    name: 'Police',
    organisation: 'Bench',
    kind: 'police',
  });
  await accounts.createUser({
    email: EMAIL,
    displayName: 'Analyst',
    agencyCode: 'police-public-protection',
    roles: ['public-protection-analyst'],
    clearance: 'OFFICIAL-SENSITIVE',
  });
  const mapping = parseMapping(
    readFileSync(projectPath('examples/import/police-nominals.mapping.json'), 'utf8'),
  );
  const random = randomStream(SEED);
  const [csv, people] = nominals(random, ROWS);
  const importer = await importerByEmail(database.db, EMAIL);

  log(`\n== ${kind}: CSV import of ${ROWS.toLocaleString('en-GB')} rows`);
  for (const pass of ['first import', 're-import (all on record)']) {
    // Loaded afresh, as each run of the CLI does: the need-to-know lists of the children the first
    // import made admit the importer from then on.
    const importer = await importerByEmail(database.db, EMAIL);
    const summary = await runImport(database, { fileName: 'bench.csv', csv, mapping, importer });
    log(
      `   ${pass}: ${(summary.ms / 1000).toFixed(1)} s, ${rate(ROWS, summary.ms)}` +
        ` (entities +${summary.entitiesCreated} ~${summary.entitiesUpdated}, links +${summary.linksCreated} ~${summary.linksUpdated},` +
        ` rejected ${summary.rejected}, batches ${summary.batchesWritten})`,
    );
  }

  if (CHART_ROWS < 1) return;
  const chart = linkChart(random, people, CHART_ROWS);
  const chartImporter = {
    principal: {
      kind: 'user' as const,
      userId: importer.userId,
      agencyId: importer.agencyId,
      roles: ['public-protection-analyst' as const],
      permissions: permissionsOf(['public-protection-analyst']),
      clearance: importer.viewer.clearance,
    },
    agencyCode: importer.agencyCode,
    label: importer.label,
    audit: importer.audit,
  };
  const started = performance.now();
  const summary = await importLinkChart(database, chartImporter, 'bench-chart.csv', chart);
  const ms = performance.now() - started;
  log(
    `   link chart of ${CHART_ROWS.toLocaleString('en-GB')} rows: ${(ms / 1000).toFixed(1)} s, ${rate(CHART_ROWS, ms)}` +
      ` (entities +${summary?.entitiesCreated ?? 0}, links +${summary?.linksCreated ?? 0} confirmed ${summary?.linksConfirmed ?? 0}, rejected ${summary?.rejected ?? 0})`,
  );
}

async function onPglite(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-bench-import-'));
  const database = await openPglite({ dataDir });
  try {
    await benchmark('PGlite', database);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    log(`\n== PostgreSQL: no server at ${SERVER_URL} (${(error as Error).message}); set BENCH_DATABASE_URL.`);
    return;
  }
  const name = `lantern_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`); // our own name: hex only
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    const database = await openPostgres({ url: url.toString(), maxConnections: 2 });
    try {
      await benchmark('PostgreSQL', database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (args.only !== 'postgres') await onPglite();
if (args.only !== 'pglite') await onPostgres();
