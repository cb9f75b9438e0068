import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

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
    assert.equal(loadConfig({ NODE_ENV: 'production', LANTERN_SECRET: secret }).secret, secret);
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
