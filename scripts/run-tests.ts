/**
 * Runs every *.test.ts under src/ and test/ with Node's test runner, two files at a time
 * (each file gets its own database). The database is PGlite unless TEST_DATABASE_URL is set.
 * Arguments narrow the run to files whose path contains them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
  { stdio: 'inherit', cwd: projectPath(), env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
