/**
 * Runs the *.test.ts files under src/ and test/ with Node's test runner, as many files at a time as
 * the machine has cores (each file gets its own database). The database is PGlite unless
 * TEST_DATABASE_URL is set. Files run in three groups, each timed (scripts/test-files.ts says which
 * is which): unit tests (no database), database tests, browser tests.
 *
 * On PGlite every group runs. On PostgreSQL only the database tests run, since the other two do not
 * depend on the database kind, unless files are named on the command line.
 *
 *   tsx scripts/run-tests.ts [--kind=unit|database|browser ...] [path-fragment ...]
 *
 * Path fragments narrow the run to files whose path contains one of them; --kind to those groups.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { projectPath } from '../src/paths.js';
import { testFiles, testKind, type TestKind } from './test-files.js';

const KINDS: TestKind[] = ['unit', 'database', 'browser'];
const args = process.argv.slice(2);
const kindArgs = args.filter((a) => a.startsWith('--kind=')).map((a) => a.slice('--kind='.length));
const badKind = kindArgs.find((k) => !(KINDS as string[]).includes(k));
if (badKind) {
  console.error(`Unknown --kind=${badKind}: use ${KINDS.join(', ')}`);
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith('--'));
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const kinds: TestKind[] = kindArgs.length
  ? (kindArgs as TestKind[])
  : onPostgres && filters.length === 0
    ? ['database']
    : KINDS;

const files = testFiles().filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
const byKind: Record<TestKind, string[]> = { unit: [], database: [], browser: [] };
for (const file of files) byKind[testKind(file)].push(file);

const concurrency = Number(process.env.LANTERN_TEST_CONCURRENCY) || os.availableParallelism();
console.log(
  `Test files on ${onPostgres ? 'PostgreSQL' : 'PGlite'}, ${concurrency} at a time: ` +
    KINDS.map((kind) => `${byKind[kind].length} ${kind}${kinds.includes(kind) ? '' : ' (not here)'}`).join(
      ', ',
    ) +
    (process.env.CI === 'true' ? ' (CI: missing Chromium or PostgreSQL fails)' : ''),
);
if (onPostgres && kindArgs.length === 0 && filters.length === 0) {
  console.log('Unit and browser tests do not depend on the database kind: they run on PGlite only.');
}

// Every test app adds its s62 tally here (test/support/app.ts); the sum is printed at the end.
mkdirSync(projectPath('.test-cache'), { recursive: true });
const tallyFile = projectPath('.test-cache', `s62-tally-${randomBytes(4).toString('hex')}.jsonl`);

let failed = false;
const timings: string[] = [];
for (const kind of kinds) {
  const group = byKind[kind];
  if (group.length === 0) continue;
  const started = process.hrtime.bigint();
  console.log(`== ${group.length} ${kind} test files`);
  // --test-force-exit: a PGlite started from a dumped data directory (loadDataDir) keeps the event
  // loop waiting after close(); each file's process ends once its tests are done.
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-force-exit',
      '--test-reporter=spec',
      ...group,
    ],
    {
      stdio: 'inherit',
      cwd: projectPath(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LANTERN_S62_TALLY: tallyFile,
        // A unit test that opens a test database fails, rather than going untested on PostgreSQL.
        ...(kind === 'unit' ? { LANTERN_TEST_NO_DATABASE: '1' } : {}),
      },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  timings.push(
    `  ${kind.padEnd(9)} ${String(group.length).padStart(3)} files ${seconds.toFixed(0).padStart(5)} s`,
  );
  if (result.status !== 0) failed = true;
}

if (existsSync(tallyFile)) {
  const totals = new Map<string, { operations: number; entries: number }>();
  for (const line of readFileSync(tallyFile, 'utf8').split('\n').filter(Boolean)) {
    const tally = JSON.parse(line) as Record<string, { operations: number; entries: number }>;
    for (const [action, counts] of Object.entries(tally)) {
      const total = totals.get(action) ?? { operations: 0, entries: 0 };
      total.operations += counts.operations;
      total.entries += counts.entries;
      totals.set(action, total);
    }
  }
  rmSync(tallyFile);
  console.log('s62 completeness over this run (operations on personal data vs audit entries written):');
  for (const [action, { operations, entries }] of [...totals].sort()) {
    console.log(
      `  ${action.padEnd(14)} ${String(operations).padStart(6)} operations ${String(entries).padStart(6)} entries  difference ${operations - entries}`,
    );
  }
}
console.log(`Test groups on ${onPostgres ? 'PostgreSQL' : 'PGlite'}:\n${timings.join('\n')}`);
process.exit(failed ? 1 : 0);
