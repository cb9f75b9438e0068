/**
 * Slowing password guessing without handing anyone a way to lock a partner out.
 *
 * A hard lock after N wrong passwords lets anyone who knows a partner's email keep them locked
 * out. Instead, wrong passwords for an email from one client make that client wait, doubling each
 * time (an exponential delay per account and client), and a client that gets many passwords
 * wrong in an hour, whichever accounts it tries, is refused until the hour is out (a per-client
 * limit). Someone trying passwords slows only themselves: the partner, signing in from their
 * own client, is not held up. The password is only the first factor; the TOTP step, which only
 * someone who has the password reaches, keeps its lockout.
 *
 * Clients are known only by a keyed hash of their address under a key held in memory and
 * replaced every hour (as for anonymous reports), and emails by a keyed hash too, so nothing
 * here outlives the hour or names anyone. Counts live in one process's memory: behind several
 * processes each keeps its own, so the limits hold per process.
 */
import { createHmac } from 'node:crypto';
import type { ClientKeys } from '../reports/rate-limit.js';

export interface SignInThrottleLimits {
  /** Wrong passwords for one email from one client before it has to wait. */
  freeFailures: number;
  /** The first wait; each further wrong password doubles it. */
  firstDelaySeconds: number;
  /** The longest wait. */
  maxDelaySeconds: number;
  /** Wrong passwords from one client in an hour, for any accounts, before it is refused. */
  failuresPerClientPerHour: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInThrottle {
  /** Whether this client may try a password for this email now. Checks only; counts nothing. */
  check(clientAddress: string | undefined, email: string): ThrottleDecision;
  /** A wrong password (or an unknown email: the two look the same). */
  failed(clientAddress: string | undefined, email: string): void;
  /** The right password: this client's delay for this email starts again. */
  succeeded(clientAddress: string | undefined, email: string): void;
}

export function signInThrottle(
  keys: ClientKeys,
  limits: SignInThrottleLimits,
  now: () => number = Date.now,
): SignInThrottle {
  const delays = new Map<string, { failures: number; notBefore: number }>();
  const perClient = new Map<string, number>();
  // Rotation starts every client afresh: waiting an hour is always enough.
  keys.onRotate(() => {
    delays.clear();
    perClient.clear();
  });
  const pairKey = (client: string, email: string) =>
    createHmac('sha256', client).update(email.trim().toLowerCase()).digest('base64url');

  return {
    check(clientAddress, email) {
      const client = keys.keyOf(clientAddress);
      if ((perClient.get(client) ?? 0) >= limits.failuresPerClientPerHour) {
        return { allowed: false, retryAfterSeconds: 60 * 60 };
      }
      const delay = delays.get(pairKey(client, email));
      const wait = delay ? delay.notBefore - now() : 0;
      return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
    },
    failed(clientAddress, email) {
      const client = keys.keyOf(clientAddress);
      perClient.set(client, (perClient.get(client) ?? 0) + 1);
      const key = pairKey(client, email);
      const failures = (delays.get(key)?.failures ?? 0) + 1;
      const over = failures - limits.freeFailures;
      const seconds =
        over > 0 ? Math.min(limits.firstDelaySeconds * 2 ** (over - 1), limits.maxDelaySeconds) : 0;
      delays.set(key, { failures, notBefore: now() + seconds * 1000 });
    },
    succeeded(clientAddress, email) {
      delays.delete(pairKey(keys.keyOf(clientAddress), email));
    },
  };
}

/** "2 minutes", "45 seconds": how long to wait, in words. */
export function waitInWords(seconds: number): string {
  if (seconds >= 90 * 60) return `${Math.ceil(seconds / 3600)} hours`;
  if (seconds >= 90) return `${Math.ceil(seconds / 60)} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
