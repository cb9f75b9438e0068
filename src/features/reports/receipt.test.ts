import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatReceipt,
  hashSecret,
  newReceipt,
  parseReceipt,
  SECRET_LENGTH,
  verifySecret,
} from './receipt.js';

describe('receipt codes', () => {
  it('hold a secret of at least 128 bits from a 32-character alphabet, and differ every time', () => {
    assert.ok(SECRET_LENGTH * Math.log2(32) >= 128);
    const codes = new Set(Array.from({ length: 200 }, () => formatReceipt(newReceipt())));
    assert.equal(codes.size, 200);
    for (const code of codes) assert.match(code, /^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('read back however they are typed or pasted: case, spaces, dashes, and O/I/L for 0/1', () => {
    const receipt = { lookupId: '0A1BCDEF', secret: '0123456789ABCDEFGHJKMNPQRSTV' };
    const code = formatReceipt(receipt);
    assert.equal(code, '0A1B-CDEF-0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV');
    for (const typed of [
      code,
      code.toLowerCase(),
      code.replace(/-/g, ' '),
      ` ${code.replace(/-/g, '')} `,
      code.replace(/0/g, 'O').replace(/1/g, 'l'),
      code.replace(/-/g, ' – '),
    ]) {
      assert.deepEqual(parseReceipt(typed), receipt, typed);
    }
  });

  it('refuse anything that cannot be a receipt', () => {
    for (const typed of ['', 'ABCD', `${formatReceipt(newReceipt())}X`, 'U'.repeat(36), '!'.repeat(36)]) {
      assert.equal(parseReceipt(typed), null, typed);
    }
  });

  it('store only an argon2id hash of the secret, salted per report', async () => {
    const { secret } = newReceipt();
    const [first, second] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
    assert.match(first, /^\$argon2id\$/);
    assert.notEqual(first, second, 'a fresh salt each time');
    assert.ok(!first.includes(secret));
    assert.equal(await verifySecret(first, secret), true);
    assert.equal(await verifySecret(first, newReceipt().secret), false);
    assert.equal(await verifySecret('not a hash', secret), false);
  });
});
