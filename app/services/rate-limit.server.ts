// In-process limiters (one Node process serves the installation, DESIGN.md "Scale"). State is per process
// and resets on restart, which is acceptable for throttling; move to the database when running several processes.

type Window = { count: number; resetAt: number };

/** Fixed-window counter: at most `max` hits per `windowMs` per key. */
export class FixedWindowLimiter {
  private hits = new Map<string, Window>();
  constructor(private max: number, private windowMs: number) {}

  /** Records a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let w = this.hits.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, w);
    }
    w.count++;
    if (this.hits.size > 50_000) this.sweep(now);
    return w.count > this.max ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number) {
    for (const [k, w] of this.hits) if (w.resetAt <= now) this.hits.delete(k);
  }
}

type Failures = { count: number; lockedUntil: number; last: number };

/**
 * Sign-in throttle: consecutive failures per key (account and IP). From the 5th failure in a row the
 * key is locked for 2^(n-5) seconds (1 s, 2 s, 4 s … at most 15 minutes); a success resets the key.
 */
export class FailureThrottle {
  private failures = new Map<string, Failures>();
  constructor(private freeAttempts = 5, private maxDelayMs = 15 * 60_000, private forgetAfterMs = 60 * 60_000) {}

  /** Seconds until the key may try again (0 = now). */
  waitSeconds(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    if (now - f.last > this.forgetAfterMs) {
      this.failures.delete(key);
      return 0;
    }
    return f.lockedUntil > now ? Math.ceil((f.lockedUntil - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()) {
    const f = this.failures.get(key) ?? { count: 0, lockedUntil: 0, last: now };
    f.count++;
    f.last = now;
    if (f.count >= this.freeAttempts) {
      const delay = Math.min(this.maxDelayMs, 1000 * 2 ** (f.count - this.freeAttempts));
      f.lockedUntil = now + delay;
    }
    this.failures.set(key, f);
    if (this.failures.size > 50_000) {
      for (const [k, v] of this.failures) if (now - v.last > this.forgetAfterMs) this.failures.delete(k);
    }
  }

  succeed(key: string) {
    this.failures.delete(key);
  }
}

declare global {
  // eslint-disable-next-line no-var
  var __loginThrottle: FailureThrottle | undefined;
  // eslint-disable-next-line no-var
  var __limiters: Map<string, FixedWindowLimiter> | undefined;
}

export function loginThrottle(): FailureThrottle {
  globalThis.__loginThrottle ??= new FailureThrottle();
  return globalThis.__loginThrottle;
}

/** Named shared limiters, e.g. limiter("forum-post", 10, 60_000). */
export function limiter(name: string, max: number, windowMs: number): FixedWindowLimiter {
  globalThis.__limiters ??= new Map();
  let l = globalThis.__limiters.get(name);
  if (!l) {
    l = new FixedWindowLimiter(max, windowMs);
    globalThis.__limiters.set(name, l);
  }
  return l;
}

/** Client address as seen by our own server (set by scripts/server.ts; no proxy headers are trusted). */
export function clientIp(request: Request): string {
  return request.headers.get("x-sn-client-ip") ?? "unknown";
}
