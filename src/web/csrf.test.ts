import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csrfTokens } from './csrf.js';

describe('CSRF tokens', () => {
  const tokens = csrfTokens('a-test-secret-that-is-long-enough-000');

  it('accepts a token for the path and session it was issued for', () => {
    const token = tokens.issue('/partner/sign-in', 'session-1');
    assert.equal(tokens.verify(token, '/partner/sign-in', 'session-1'), true);
  });

  it('refuses a token for another path, another session, another secret, or after it expires', () => {
    const token = tokens.issue('/report', 'session-1', 1_000);
    assert.equal(tokens.verify(token, '/report', 'session-1', 2_000), true);
    assert.equal(tokens.verify(token, '/elsewhere', 'session-1', 2_000), false);
    assert.equal(tokens.verify(token, '/report', 'session-2', 2_000), false);
    assert.equal(
      csrfTokens('another-secret-that-is-long-enough-111').verify(token, '/report', 'session-1', 2_000),
      false,
    );
    assert.equal(tokens.verify(token, '/report', 'session-1', 1_000 + 5 * 60 * 60 * 1000), false);
  });

  it('refuses tampered, truncated and non-string tokens', () => {
    const token = tokens.issue('/report');
    const [expiry, nonce, signature] = token.split('.');
    assert.equal(tokens.verify(`${expiry}.${nonce}x.${signature}`, '/report'), false);
    assert.equal(tokens.verify(`zzzzzzzz.${nonce}.${signature}`, '/report'), false);
    assert.equal(tokens.verify(`${expiry}.${nonce}`, '/report'), false);
    assert.equal(tokens.verify(`${token}.extra`, '/report'), false);
    assert.equal(tokens.verify(undefined, '/report'), false);
    assert.equal(tokens.verify(['a', 'b'], '/report'), false);
  });
});
