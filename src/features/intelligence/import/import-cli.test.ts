/**
 * `lantern import` as an operator runs it, on a data directory (PGlite) or, with
 * TEST_DATABASE_URL, on a PostgreSQL database: the summary, the rejection file, idempotent
 * re-runs, and the exit codes (0 processed, 2 bad arguments or mapping, 1 failure).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from '../../../../test/support/database.js';
import type { DatabaseConfig } from '../../../config.js';
import { openDatabase } from '../../../db/open.js';
import { projectPath } from '../../../paths.js';
import { createAccounts } from '../../access/accounts.js';
import { progressReporter } from './cli.js';

const CLI = projectPath('src/cli-run.ts');
const EXAMPLES = projectPath('examples/import');

function lantern(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`lantern import on ${testDatabaseKind}`, () => {
  let env: Record<string, string>;
  let config: DatabaseConfig;
  let serverDatabase: TestDatabase | undefined;
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'lantern-import-cli-'));
    if (process.env.TEST_DATABASE_URL) {
      serverDatabase = await createTestDatabase();
      config = serverDatabase.config;
      env = config.kind === 'postgres' ? { DATABASE_URL: config.url } : {};
    } else {
      const dataDir = path.join(work, 'data');
      config = { kind: 'pglite', dataDir };
      env = { LANTERN_DATA_DIR: dataDir };
      assert.equal(lantern(['migrate'], env).code, 0);
    }
    const database = await openDatabase(config);
    try {
      const accounts = createAccounts(database);
      await accounts.createAgency({
        code: 'council-licensing',
        name: 'Licensing',
        organisation: 'Cornwall Council',
        kind: 'council',
      });
      await accounts.createUser({
        email: 'licensing@council.example',
        displayName: 'Lee Licensing',
        agencyCode: 'council-licensing',
        roles: ['council-officer'],
      });
    } finally {
      await database.close();
    }
  });
  after(() => serverDatabase?.dispose());

  const register = path.join(EXAMPLES, 'licensing-register.csv');
  const mapping = path.join(EXAMPLES, 'licensing-register.mapping.json');

  it('imports a file, prints the summary, writes the rejected rows, and exits 0', async () => {
    const rejects = path.join(work, 'rejects.csv');
    const result = lantern(
      ['import', register, '--mapping', mapping, '--as', 'licensing@council.example', '--rejects', rejects],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    const summary = result.stdout.replace(/Time {2,}\d+\.\d s/, 'Time  (time)');
    assert.match(summary, /^Imported licensing-register\.csv\.$/m);
    for (const [label, value] of [
      ['Rows read', '10'],
      ['Rows accepted', '8'],
      ['Rows rejected', '2'],
      ['Entities created', '28'],
      ['Entities updated', '0'],
      ['Links created', '20'],
      ['Links updated', '0'],
    ]) {
      assert.match(summary, new RegExp(`^  ${label} +${value}$`, 'm'), `${label} ${value}\n${summary}`);
    }
    assert.match(summary, /^ {2}Intelligence item +INT-\d{6}$/m);
    assert.match(
      summary,
      new RegExp(`^  Rejected rows written to +${rejects.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
    );
    assert.match(summary, /^ {2}line 10: "Holder date of birth": Date of birth must be a real date/m);
    assert.match(
      summary,
      /^ {2}line 11: "Premises postcode": Postcode must be a UK postcode, like TR1 2AB$/m,
    );
    // Not a terminal: plain progress lines on stderr, no bar.
    assert.match(result.stderr, /^Imported 8 of 8 rows \(\d+ rows\/s\)$/m);
    const written = await readFile(rejects, 'utf8');
    assert.match(written, /^\uFEFFLicence number,.*,Reason not imported\r\n/);
    assert.match(written, /^PL\/2025\/0240,The Old Custom House,.*Postcode must be a UK postcode/m);
  });

  it('changes nothing when the same file is imported again', async () => {
    const copy = path.join(work, 'register.csv');
    await writeFile(copy, await readFile(register));
    const result = lantern(['import', copy, '--mapping', mapping, '--as', 'licensing@council.example'], env);
    assert.equal(result.code, 0, result.stderr);
    for (const [label, value] of [
      ['Entities created', '0'],
      ['Entities updated', '0'],
      ['Entities unchanged', '28'],
      ['Links created', '0'],
      ['Links unchanged', '20'],
    ]) {
      assert.match(result.stdout, new RegExp(`^  ${label} +${value}$`, 'm'), result.stdout);
    }
    assert.match(
      result.stdout,
      /^ {2}Rejected rows written to +.*register-rejects\.csv$/m,
      'beside the file',
    );
    assert.match(await readFile(path.join(work, 'register-rejects.csv'), 'utf8'), /Reason not imported/);
  });

  it('a dry run says what would change and writes nothing', () => {
    const result = lantern(
      [
        'import',
        register,
        '--mapping',
        mapping,
        '--as',
        'licensing@council.example',
        '--dry-run',
        '--rejects',
        path.join(work, 'dry.csv'),
      ],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^Dry run of licensing-register\.csv: every row checked, nothing written\.$/m,
    );
    assert.match(result.stdout, /^ {2}Entities would be updated +28$/m);
    assert.doesNotMatch(result.stdout, /Intelligence item/);
  });

  it('exits 2 for bad arguments, a bad mapping, a file the mapping does not fit, or the wrong user', async () => {
    const as = ['--as', 'licensing@council.example'];
    const cases: [string[], RegExp][] = [
      [['import', '--mapping', mapping, ...as], /import needs one CSV file/],
      [['import', register, ...as], /import needs --mapping/],
      [['import', register, '--mapping', mapping], /import needs --as EMAIL/],
      [['import', register, '--mapping', mapping, ...as, '--colour'], /Unknown option '--colour'/],
      [
        ['import', path.join(work, 'missing.csv'), '--mapping', mapping, ...as],
        /Cannot read the file .*missing\.csv: ENOENT/,
      ],
    ];
    const badMapping = path.join(work, 'bad.mapping.json');
    await writeFile(badMapping, JSON.stringify({ source: 'x', agency: 'council-licensing' }));
    cases.push([['import', register, '--mapping', badMapping, ...as], /The mapping file has 4 problems:/]);
    const other = path.join(work, 'other.csv');
    await writeFile(other, 'Name,Town\nJo,Truro\n');
    cases.push([['import', other, '--mapping', mapping, ...as], /The file has no column "Premises name"/]);
    cases.push([
      ['import', register, '--mapping', path.join(EXAMPLES, 'police-nominals.mapping.json'), ...as],
      /belong to the agency "police-public-protection"/,
    ]);
    cases.push([
      ['import', register, '--mapping', mapping, '--as', 'nobody@council.example'],
      /No enabled partner user/,
    ]);
    for (const [args, message] of cases) {
      const result = lantern(args, env);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^lantern: /);
    }
  });

  it('exits 1, saying why, when the database cannot be used', async () => {
    const args = ['import', register, '--mapping', mapping, '--as', 'licensing@council.example'];
    if (config.kind === 'postgres') {
      const result = lantern(args, { DATABASE_URL: 'postgres://lantern@127.0.0.1:1/nowhere' });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^lantern: failed: /);
      return;
    }
    // Holding the data directory open here is what a running server does: the CLI is refused.
    const database = await openDatabase(config);
    try {
      const result = lantern(args, env);
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        /^lantern: Another Lantern process \(pid \d+\) is using the data directory/,
      );
    } finally {
      await database.close();
    }
  });
});

describe('the import progress', () => {
  it('draws a bar with the rate on a terminal', () => {
    let text = '';
    let now = 0;
    const reporter = progressReporter({ write: (t) => (text += t), isTTY: true }, () => now);
    now = 2000;
    reporter.update(500, 1000);
    assert.equal(text, `\r[${'#'.repeat(15)}${'-'.repeat(15)}] 500/1,000 rows  250 rows/s `);
    reporter.update(1000, 1000);
    assert.ok(text.endsWith('1,000/1,000 rows  500 rows/s \n'));
  });

  it('writes a plain line at most every two seconds, and at the end, elsewhere', () => {
    const lines: string[] = [];
    let now = 0;
    const reporter = progressReporter({ write: (t) => lines.push(t), isTTY: false }, () => now);
    reporter.update(0, 1500);
    now = 1000;
    reporter.update(500, 1500);
    now = 2500;
    reporter.update(1000, 1500);
    reporter.update(1500, 1500);
    assert.deepEqual(lines, [
      'Imported 0 of 1,500 rows (0 rows/s)\n',
      'Imported 1,000 of 1,500 rows (400 rows/s)\n',
      'Imported 1,500 of 1,500 rows (600 rows/s)\n',
    ]);
  });
});
