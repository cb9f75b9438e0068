/**
 * Throttling for the anonymous reporting pages, without remembering who anyone is.
 *
 * - The key for a client is an HMAC of its address under a random key held only in memory. The
 *   key and every count are thrown away together at least once an hour, so nothing can link a
 *   request to one made more than an hour before, and nothing about a client outlives the hour.
 *   Keys are never logged or stored; the address itself is never kept at all.
 * - The address is Express's `req.ip`: the socket's peer, or, only when TRUST_PROXY names the
 *   one reverse proxy in front of Lantern, the address that proxy reports. A client's own
 *   X-Forwarded-For is otherwise ignored, so it cannot dodge the limit by inventing addresses.
 * - Global counts stand behind the per-client ones, so many clients together cannot exhaust the
 *   server either (receipt checks run argon2, which is slow on purpose).
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface Limit {
  /** Most allowed per hour. */
  perHour: number;
}

export interface HourlyLimiter {
  /**
   * Counts one use by this client, and says whether it is allowed. A refused use is not counted,
   * so waiting is enough to be let in again.
   */
  take(clientAddress: string | undefined): boolean;
}

export interface ClientKeys {
  /** The keyed hash of an address, under this hour's key. */
  keyOf(clientAddress: string | undefined): string;
  /** Registers counts to forget whenever the key changes. */
  onRotate(forget: () => void): void;
}

/** One random key for the process, replaced (with every count) when an hour has passed. */
export function clientKeys(now: () => number = Date.now, rotateMs = 60 * 60 * 1000): ClientKeys {
  let key = randomBytes(32);
  let rotatedAt = now();
  const forgetters: (() => void)[] = [];
  const rotateIfDue = () => {
    if (now() - rotatedAt < rotateMs) return;
    key = randomBytes(32);
    rotatedAt = now();
    for (const forget of forgetters) forget();
  };
  // Also rotate while idle, so no count outlives its hour just because nobody came back.
  setInterval(rotateIfDue, Math.min(rotateMs, 60_000)).unref();
  return {
    keyOf(clientAddress) {
      rotateIfDue();
      // Without an address (a closed socket) everyone shares one key: safer than no limit.
      return createHmac('sha256', key)
        .update(clientAddress ?? 'unknown')
        .digest('base64url')
        .slice(0, 22);
    },
    onRotate(forget) {
      forgetters.push(forget);
    },
  };
}

/** A per-client hourly limit with a global one behind it. Counts reset when the key rotates. */
export function hourlyLimiter(keys: ClientKeys, perClient: Limit, global: Limit): HourlyLimiter {
  const counts = new Map<string, number>();
  let total = 0;
  keys.onRotate(() => {
    counts.clear();
    total = 0;
  });
  return {
    take(clientAddress) {
      const key = keys.keyOf(clientAddress);
      const used = counts.get(key) ?? 0;
      if (used >= perClient.perHour || total >= global.perHour) return false;
      counts.set(key, used + 1);
      total += 1;
      return true;
    },
  };
}

/**
 * Failed receipt checks per lookup id: someone trying many secrets against one report is slowed
 * however many addresses they use. The lookup id is not a client identifier, and it is forgotten
 * with everything else at rotation.
 */
export function failureCounter(keys: ClientKeys, perHour: number) {
  const failures = new Map<string, number>();
  keys.onRotate(() => failures.clear());
  return {
    blocked: (lookupId: string) => (failures.get(lookupId) ?? 0) >= perHour,
    failed: (lookupId: string) => failures.set(lookupId, (failures.get(lookupId) ?? 0) + 1),
  };
}
