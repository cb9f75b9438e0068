/**
 * Runs every *.test.ts under src/ and test/ with Node's test runner, two files at a time
 * (each file gets its own database). The database is PGlite unless TEST_DATABASE_URL is set.
 * Arguments narrow the run to files whose path contains them.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../src/paths.js';

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const filters = process.argv.slice(2);
const files = ['src', 'test']
  .flatMap((dir) => findTests(projectPath(dir)))
  .map((file) => path.relative(projectPath(), file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
console.log(
  `Running ${files.length} test files on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}` +
    (process.env.CI === 'true' ? ' (CI: missing Chromium or PostgreSQL fails)' : ''),
);
// --test-force-exit: a PGlite started from a dumped data directory (loadDataDir) keeps the event
// loop waiting after close(); each file's process ends once its tests are done.
// Every test app adds its s62 tally here (test/support/app.ts); the sum is printed at the end.
mkdirSync(projectPath('.test-cache'), { recursive: true });
const tallyFile = projectPath('.test-cache', `s62-tally-${randomBytes(4).toString('hex')}.jsonl`);
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-force-exit',
    '--test-reporter=spec',
    ...files,
  ],
  {
    stdio: 'inherit',
    cwd: projectPath(),
    env: { ...process.env, NODE_ENV: 'test', LANTERN_S62_TALLY: tallyFile },
  },
);

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
process.exit(result.status ?? 1);
