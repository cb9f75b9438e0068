/** Password hashing (argon2id, the library's defaults meet OWASP's minimums) and generation. */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

/** A strong one-time password for new accounts: 24 characters from 31 (over 118 bits), in groups of six. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(24);
  const characters = [...bytes].map((byte) => alphabet.charAt(byte % alphabet.length));
  const groups: string[] = [];
  for (let i = 0; i < characters.length; i += 6) groups.push(characters.slice(i, i + 6).join(''));
  return groups.join('-');
}
