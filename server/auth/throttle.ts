/**
 * Sign-in throttling (ASVS V2.2): after 10 failed sign-ins within a minute for one account or
 * from one address, every further attempt for it is refused (429 with Retry-After) until the
 * oldest of those failures is a minute old, whether or not the password would be right. In
 * memory, per process: a restart forgets, which an attacker cannot cause from outside.
 */
export const THROTTLE = { maxFailures: 10, windowMs: 60_000 };
/** Keys kept at most (the oldest are dropped first), so a flood of addresses cannot exhaust memory. */
const MAX_KEYS = 50_000;

export interface Throttle {
  /** Seconds until an attempt for any of these keys is allowed again; 0 when it is now. */
  retryAfterSeconds(keys: readonly string[], now: number): number;
  fail(keys: readonly string[], now: number): void;
  /** A successful sign-in forgets the account's failures (not the address's). */
  forget(key: string): void;
}

export function createThrottle({ maxFailures, windowMs } = THROTTLE): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  return {
    retryAfterSeconds(keys, now) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, now);
        if (times.length >= maxFailures) {
          // Allowed again when fewer than maxFailures remain inside the window.
          const oldestThatCounts = times[times.length - maxFailures] ?? now;
          wait = Math.max(wait, Math.ceil((oldestThatCounts + windowMs - now) / 1000));
        }
      }
      return wait;
    },
    fail(keys, now) {
      for (const key of keys) {
        const times = recent(key, now);
        failures.delete(key); // re-inserted last: Map order is then oldest-touched first
        failures.set(key, [...times, now]);
      }
      for (const key of failures.keys()) {
        if (failures.size <= MAX_KEYS) break;
        failures.delete(key);
      }
    },
    forget(key) {
      failures.delete(key);
    },
  };
}
