import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { runCommand } from './cli.js';
import { DEVELOPMENT_AUDIT_KEY } from './config.js';
import { readCheckpoints } from './features/audit/checkpoints.js';
import { projectPath } from './paths.js';

const CLI = projectPath('src/cli-run.ts');

/** Runs `lantern …` in this process, as the command line would, with only the given environment. */
async function lantern(args: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCommand(
    args,
    (line) => stdout.push(line),
    (line) => stderr.push(line),
    { LOG_LEVEL: 'silent', ...env },
  );
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Runs `lantern …` as a separate process, from the sources, as `npx lantern …` runs the build. */
function spawned(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lantern command line', () => {
  let dataDir: string;
  /** The database the commands work on: a data directory, or the PostgreSQL test server's. */
  let env: Record<string, string>;
  let serverDatabase: TestDatabase | undefined;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lantern-cli-'));
    env = { LANTERN_DATA_DIR: dataDir };
    if (process.env.TEST_DATABASE_URL) {
      serverDatabase = await createTestDatabase();
      // The checkpoints still go to the temporary folder, never to ./data.
      if (serverDatabase.config.kind === 'postgres')
        env = { ...env, DATABASE_URL: serverDatabase.config.url };
    }
  });
  after(() => serverDatabase?.dispose());

  it('explains its commands with --help', async () => {
    const result = await lantern(['--help']);
    assert.equal(result.code, 0);
    for (const command of ['serve', 'migrate', 'demo-data', 'create-user'])
      assert.match(result.stdout, new RegExp(command));
  });

  it('reports a mistake in one line with a non-zero exit, never a stack trace', async () => {
    const unknown = await lantern(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr.trim().split('\n').length, 1);
    assert.match(unknown.stderr, /Unknown command "frobnicate"/);

    const badOption = await lantern(['migrate', '--colour']);
    assert.equal(badOption.code, 2);
    assert.equal(badOption.stderr.trim().split('\n').length, 1);

    const badConfig = await lantern(['migrate'], { PORT: 'eighty' });
    assert.equal(badConfig.code, 1);
    assert.equal(badConfig.stderr.trim(), 'lantern: Lantern cannot start: PORT must be a port number');
  });

  it('migrates, creates the first administrator with their agency, and refuses a duplicate', async () => {
    assert.equal((await lantern(['migrate'], env)).code, 0);
    const missingAgency = await lantern(
      [
        'create-user',
        '--email',
        'ada@council.example',
        '--name',
        'Ada Admin',
        '--agency',
        'partnership-team',
        '--role',
        'system-administrator',
      ],
      env,
    );
    assert.equal(missingAgency.code, 2);
    assert.match(missingAgency.stderr, /No agency has the code partnership-team/);

    const args = [
      'create-user',
      '--email',
      'Ada@Council.Example',
      '--name',
      'Ada Admin',
      '--agency',
      'partnership-team',
      '--agency-name',
      'Community safety partnership team',
      '--organisation',
      'Cornwall Council',
      '--agency-kind',
      'council',
      '--role',
      'system-administrator',
    ];
    const created = await lantern(args, env);
    assert.equal(created.code, 0, created.stderr);
    assert.match(
      created.stdout,
      /Created ada@council\.example\. One-time password \(shown once\): [a-z0-9-]{27}/,
    );

    const again = await lantern(args, env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);

    const badRole = await lantern(
      [
        'create-user',
        '--email',
        'x@y.example',
        '--name',
        'X',
        '--agency',
        'partnership-team',
        '--role',
        'god',
      ],
      env,
    );
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /Unknown role "god"/);
  });

  it('loads demo data once, printing sign-in details only the first time', async () => {
    const first = await lantern(['demo-data'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /shown once only/);
    assert.match(
      first.stdout,
      /analyst@police\.demo\.lantern\.test\s+password [a-z0-9-]{27}\s+TOTP secret [A-Z2-7]{16,}/,
    );
    const second = await lantern(['demo-data'], env);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /already loaded/);
    assert.doesNotMatch(second.stdout, /analyst@police/);
  });

  it('refuses to open a data directory another Lantern process is using', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', LANTERN_DATA_DIR: dataDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        server.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('Lantern is running')) resolve(text);
        });
        server.on('exit', () => reject(new Error(`server exited early: ${text}`)));
      });
      assert.match(out, /Audit key: the published development key/, 'says so on start');
      const second = spawned(['migrate'], { LANTERN_DATA_DIR: dataDir });
      assert.equal(second.code, 1);
      assert.match(second.stderr, /Another Lantern process \(pid \d+\) is using the data directory/);
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    assert.equal(
      spawned(['migrate'], { LANTERN_DATA_DIR: dataDir }).code,
      0,
      'the lock is released on a clean stop',
    );
    // A running server checkpoints the audit log, by default in its data directory.
    const checkpoints = await readCheckpoints(path.join(dataDir, 'audit-checkpoints'), DEVELOPMENT_AUDIT_KEY);
    assert.ok(checkpoints.latest && checkpoints.problems.length === 0, JSON.stringify(checkpoints));
  });
});
