import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientKeys, failureCounter, hourlyLimiter } from './rate-limit.js';

describe('the reporting rate limiter', () => {
  it('limits each client per hour, and everyone together', () => {
    const keys = clientKeys();
    const limiter = hourlyLimiter(keys, { perHour: 2 }, { perHour: 3 });
    assert.equal(limiter.take('198.51.100.1'), true);
    assert.equal(limiter.take('198.51.100.1'), true);
    assert.equal(limiter.take('198.51.100.1'), false, 'the client has used its two');
    assert.equal(limiter.take('198.51.100.2'), true);
    assert.equal(limiter.take('198.51.100.3'), false, 'the global three are used');
  });

  it('keys clients by a keyed hash, never the address, and forgets everything within the hour', () => {
    let now = 0;
    const keys = clientKeys(() => now);
    const key = keys.keyOf('198.51.100.7');
    // A random 22-character hash can contain "51" by chance, so check the shape and that no
    // part of the address (as text) survives, rather than searching for its digits.
    assert.match(key, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(!key.includes('198.51') && !key.includes('100.7'), 'the address is not in the key');
    assert.equal(keys.keyOf('198.51.100.7'), key, 'stable within the hour');
    const limiter = hourlyLimiter(keys, { perHour: 1 }, { perHour: 100 });
    assert.equal(limiter.take('198.51.100.7'), true);
    assert.equal(limiter.take('198.51.100.7'), false);
    now += 60 * 60 * 1000;
    assert.notEqual(keys.keyOf('198.51.100.7'), key, 'a new random key each hour');
    assert.equal(limiter.take('198.51.100.7'), true, 'counts went with the old key');
  });

  it('counts failed receipt checks per report, and forgets them with the key', () => {
    let now = 0;
    const keys = clientKeys(() => now);
    const failures = failureCounter(keys, 2);
    failures.failed('ABCDEFGH');
    assert.equal(failures.blocked('ABCDEFGH'), false);
    failures.failed('ABCDEFGH');
    assert.equal(failures.blocked('ABCDEFGH'), true);
    assert.equal(failures.blocked('JKMNPQRS'), false);
    now += 60 * 60 * 1000;
    keys.keyOf(undefined);
    assert.equal(failures.blocked('ABCDEFGH'), false);
  });
});
