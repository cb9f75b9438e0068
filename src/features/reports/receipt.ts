/**
 * Receipt codes: a short public lookup id that finds the report, plus a secret of
 * 140 bits from the CSPRNG that proves the holder is the reporter. Only the secret is hashed
 * (argon2id, a random salt per report); the reporter sees both as one code in groups of four.
 *
 * Crockford's base32 alphabet: no I, L, O or U, so nothing reads as another character, and
 * typing O for 0 or I/L for 1 still works.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LOOKUP_LENGTH = 8; // 40 bits: enough to find a report, never enough to open it
export const SECRET_LENGTH = 28; // 28 × 5 = 140 bits
const CODE_LENGTH = LOOKUP_LENGTH + SECRET_LENGTH;

export interface Receipt {
  lookupId: string;
  secret: string;
}

/** Random characters from the alphabet: 32 divides 256, so `byte % 32` is unbiased. */
function randomCharacters(count: number): string {
  return [...randomBytes(count)].map((byte) => ALPHABET.charAt(byte % 32)).join('');
}

export function newReceipt(): Receipt {
  return { lookupId: randomCharacters(LOOKUP_LENGTH), secret: randomCharacters(SECRET_LENGTH) };
}

/** The code as the reporter sees it: "ABCD-EFGH-…", nine groups of four. */
export function formatReceipt(receipt: Receipt): string {
  const code = receipt.lookupId + receipt.secret;
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * Reads a code as people type or paste it: any case, with spaces, dashes or dots anywhere, and
 * O/I/L mistaken for 0/1/1. Returns null if it cannot be a receipt at all.
 */
export function parseReceipt(input: string): Receipt | null {
  const code = input
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  for (const character of code) if (!ALPHABET.includes(character)) return null;
  return { lookupId: code.slice(0, LOOKUP_LENGTH), secret: code.slice(LOOKUP_LENGTH) };
}

export function hashSecret(secret: string): Promise<string> {
  return hash(secret); // argon2id with a fresh random salt, in the PHC string
}

export async function verifySecret(secretHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(secretHash, secret);
  } catch {
    return false; // a malformed stored hash is a wrong code, never a crash
  }
}
