/**
 * Unit tests run once, database tests on PGlite and again on PostgreSQL (scripts/run-tests.ts).
 * A database test taken for a unit test would silently go untested on PostgreSQL: these prove the
 * rule that tells them apart finds every file that opens a database.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { projectPath } from '../src/paths.js';
import { needsDatabase, testFiles, testKind } from '../scripts/test-files.js';

describe('which tests need a database', () => {
  const files = testFiles().filter((file) => file !== 'test/test-kinds.test.ts');

  it('counts as a database test every file that opens a database or starts an app', () => {
    const opening = files.filter((file) =>
      /createTestDatabase|startTestApp|openPglite|openPostgres|openDatabase|buildLantern|TEST_DATABASE_URL/.test(
        readFileSync(projectPath(file), 'utf8'),
      ),
    );
    assert.ok(opening.length > 40, 'the search finds the database tests');
    assert.deepEqual(
      opening.filter((file) => testKind(file) === 'unit'),
      [],
    );
  });

  it('finds a database reached only through other helpers, and leaves pure tests as unit tests', () => {
    // app.ts reaches the database through database.ts; the routes' own modules through src/db/.
    assert.equal(needsDatabase('test/support/app.ts'), true);
    assert.equal(needsDatabase('src/main.ts'), true);
    // Only a type comes from app.ts: nothing is loaded at run time.
    assert.equal(needsDatabase('test/support/partner.ts'), false);
    assert.equal(testKind('src/features/access/sign-in.test.ts'), 'database');
    assert.equal(testKind('src/features/network/metrics/louvain.test.ts'), 'unit');
    assert.equal(testKind('test/browser/foundation.test.ts'), 'browser');
    assert.equal(testKind('test/test-kinds.test.ts'), 'unit');
  });
});
