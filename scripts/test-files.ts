/**
 * Which test files there are, and which of them need a database. A file needs one when anything
 * it imports, directly or through other project modules, is a database module (src/db/) or the
 * test database helper: then it runs on PGlite and again on PostgreSQL. Browser tests (test/browser/)
 * run once, on PGlite: they prove the pages in a browser, and the database behind a page is already
 * proved on both by the HTTP tests. Everything else is a unit test and runs once.
 *
 * The rule is worked out from the imports, not declared by hand, so a test cannot forget to say it
 * needs a database; and a unit test that opens one anyway fails (test/support/database.ts refuses
 * when LANTERN_TEST_NO_DATABASE is set), so it cannot be skipped on PostgreSQL without anyone knowing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../src/paths.js';
import { moduleClosure } from '../test/support/module-graph.js';

export type TestKind = 'database' | 'browser' | 'unit';

/** Modules that open or create a database: importing any of them makes a test a database test. */
const DATABASE_MODULES = [
  'src/db/open.ts',
  'src/db/pglite.ts',
  'src/db/postgres.ts',
  'test/support/database.ts',
];

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every test file under src/ and test/, relative to the project, sorted. */
export function testFiles(): string[] {
  return ['src', 'test']
    .flatMap((dir) => findTests(projectPath(dir)))
    .map((file) => path.relative(projectPath(), file))
    .sort();
}

/** Whether the file, or anything it imports from the project, opens a database. */
export function needsDatabase(file: string): boolean {
  const loaded = moduleClosure(file);
  return DATABASE_MODULES.some((module) => loaded.has(module));
}

export function testKind(file: string): TestKind {
  if (file.split(path.sep).join('/').startsWith('test/browser/')) return 'browser';
  return needsDatabase(file) ? 'database' : 'unit';
}
