import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, DEVELOPMENT_AUDIT_KEY, loadConfig } from './config.js';

describe('config', () => {
  it('runs on embedded PGlite in ./data on port 3000 when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: path.resolve('data') });
    assert.equal(config.env, 'development');
    assert.ok(config.secret.length >= 32, 'a random secret outside production');
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and the data dir override otherwise', () => {
    const pgConfig = loadConfig({ DATABASE_URL: 'postgres://lantern@db.example/lantern' });
    assert.deepEqual(pgConfig.database, { kind: 'postgres', url: 'postgres://lantern@db.example/lantern' });
    const custom = loadConfig({ LANTERN_DATA_DIR: '/var/lib/lantern', PORT: '8080' });
    assert.deepEqual(custom.database, { kind: 'pglite', dataDir: '/var/lib/lantern' });
    assert.equal(custom.port, 8080);
  });

  it('treats an empty value as unset', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).database.kind, 'pglite');
  });

  it('fails fast naming every bad value', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', QUICK_EXIT_URL: 'http://example.com' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /PORT must be a port number/);
        assert.match(error.message, /DATABASE_URL must start with postgres:\/\//);
        assert.match(error.message, /QUICK_EXIT_URL must be an https:\/\/ address/);
        return true;
      },
    );
  });

  it('refuses to run in production without a real secret', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /LANTERN_SECRET must be set in production/);
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', LANTERN_SECRET: 'short' }),
      /at least 32 characters/,
    );
    const secret = 'x'.repeat(40);
    const auditKey = 'ab'.repeat(32);
    assert.equal(
      loadConfig({ NODE_ENV: 'production', LANTERN_SECRET: secret, LANTERN_AUDIT_KEY: auditKey }).secret,
      secret,
    );
  });

  it('needs an audit key of 32 bytes or more in production, as hex, base64 or a key file', async () => {
    const production = { NODE_ENV: 'production', LANTERN_SECRET: 'x'.repeat(40) };
    assert.throws(
      () => loadConfig(production),
      /LANTERN_AUDIT_KEY or LANTERN_AUDIT_KEY_FILE must be set in production/,
    );
    const key = randomBytes(32);
    for (const written of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) {
      const { audit } = loadConfig({ ...production, LANTERN_AUDIT_KEY: written });
      assert.deepEqual(audit.key, key, written);
      assert.equal(audit.keySource, 'LANTERN_AUDIT_KEY');
    }
    for (const bad of [
      'ab'.repeat(31),
      randomBytes(31).toString('base64'),
      'changeme',
      'not base64!'.repeat(8),
    ]) {
      assert.throws(
        () => loadConfig({ ...production, LANTERN_AUDIT_KEY: bad }),
        /LANTERN_AUDIT_KEY must be a key of at least 32 bytes/,
        bad,
      );
    }
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lantern-config-'));
    const file = path.join(folder, 'audit.key');
    await writeFile(file, `${key.toString('hex')}\n`);
    const fromFile = loadConfig({ ...production, LANTERN_AUDIT_KEY_FILE: file }).audit;
    assert.deepEqual([fromFile.key, fromFile.keySource], [key, 'LANTERN_AUDIT_KEY_FILE']);
    assert.throws(
      () => loadConfig({ ...production, LANTERN_AUDIT_KEY_FILE: path.join(folder, 'missing') }),
      /LANTERN_AUDIT_KEY_FILE cannot be read \(ENOENT\)/,
    );
    assert.throws(
      () =>
        loadConfig({ ...production, LANTERN_AUDIT_KEY_FILE: file, LANTERN_AUDIT_KEY: key.toString('hex') }),
      /set LANTERN_AUDIT_KEY or LANTERN_AUDIT_KEY_FILE, not both/,
    );
  });

  it('uses the published development audit key outside production, and keeps checkpoints in the data directory', () => {
    const { audit } = loadConfig({ LANTERN_DATA_DIR: '/var/lib/lantern' });
    assert.deepEqual([audit.key, audit.keySource], [DEVELOPMENT_AUDIT_KEY, 'development']);
    assert.equal(audit.checkpointDir, path.resolve('/var/lib/lantern/audit-checkpoints'));
    assert.deepEqual([audit.checkpointEvery, audit.checkpointSeconds], [1000, 300]);
    const custom = loadConfig({
      LANTERN_AUDIT_CHECKPOINT_DIR: '/srv/audit',
      LANTERN_AUDIT_CHECKPOINT_EVERY: '50',
      LANTERN_AUDIT_CHECKPOINT_SECONDS: '60',
    }).audit;
    assert.deepEqual(
      [custom.checkpointDir, custom.checkpointEvery, custom.checkpointSeconds],
      ['/srv/audit', 50, 60],
    );
    assert.throws(
      () => loadConfig({ LANTERN_AUDIT_CHECKPOINT_EVERY: '0' }),
      /LANTERN_AUDIT_CHECKPOINT_EVERY must be 1 or more/,
    );
  });

  it('reads only the environment it is given', () => {
    process.env.PORT = '9999';
    try {
      assert.equal(loadConfig({}).port, 3000);
    } finally {
      delete process.env.PORT;
    }
  });
});
