/**
 * Password rules after NCSC guidance: long enough, not a common password, no composition rules
 * and no forced expiry. Pure, so the rules are easy to read and test.
 */
import commonPasswords from 'fxa-common-password-list';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Returns what is wrong with a proposed password, in plain words, or null if it will do. */
export function passwordProblem(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (commonPasswords.test(lower) || commonPasswords.test(password)) {
    return 'Password is too common: choose one that is harder to guess, like three random words';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'Password must not contain your email address';
  if (/^(.)\1+$/.test(password)) return 'Password must not be one character repeated';
  if (lower.includes('lantern') && lower.replace(/lantern|[^a-z]/g, '').length < 4) {
    return 'Password is too easy to guess: do not base it on the name of this service';
  }
  return null;
}
