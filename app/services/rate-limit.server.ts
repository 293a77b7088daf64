// In-process limiters (one Node process serves the installation, DESIGN.md "Scale"). State is per process
// and resets on restart, which is acceptable for throttling; move to the database when running several processes.
import type { HeadersFunction } from "@remix-run/node";

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

  /** Takes back one hit of the current window: for a request that was counted but then stored nothing. */
  refund(key: string, now = Date.now()) {
    const w = this.hits.get(key);
    if (w && w.resetAt > now && w.count > 0) w.count--;
  }

  private sweep(now: number) {
    for (const [k, w] of this.hits) if (w.resetAt <= now) this.hits.delete(k);
  }
}

type PairState = { count: number; lockedUntil: number; last: number };
type IpWindow = { failures: number; resetAt: number };

/** Outcome of a throttle check: 0 = may try now, else seconds to wait (for Retry-After). */
export type ThrottleWait = { waitSeconds: number; reason: "pair" | "address" | null };

/**
 * Sign-in throttle (docs/decisions/010-login-throttling.md). Two counters, neither of which an attacker on
 * another address can move for the account owner:
 *  - per (account, address) pair: 5 free consecutive failures, then 1 s, 2 s, 4 s … at most 15 minutes;
 *    forgotten 15 minutes after the last failure; a success resets the pair.
 *  - per address, across all accounts: at most `ipCeiling` failures in a fixed 15-minute window; over it, the
 *    address waits until the window ends (never longer than 15 minutes, and refused attempts do not count).
 *    A success does not reset it, so an attacker cannot launder the ceiling with an own account.
 * There is deliberately no lock per account alone: that is what let anybody lock a user out.
 */
export class LoginThrottle {
  private pairs = new Map<string, PairState>();
  private ips = new Map<string, IpWindow>();
  constructor(
    readonly freeAttempts = 5,
    readonly maxDelayMs = 15 * 60_000,
    readonly ipCeiling = 100,
    readonly windowMs = 15 * 60_000,
  ) {}

  private pairKey(account: string, ip: string) {
    return `${account}\u0000${ip}`;
  }

  check(account: string, ip: string, now = Date.now()): ThrottleWait {
    const w = this.ips.get(ip);
    if (w && w.resetAt > now && w.failures >= this.ipCeiling) return { waitSeconds: Math.ceil((w.resetAt - now) / 1000), reason: "address" };
    const p = this.pairs.get(this.pairKey(account, ip));
    if (p && now - p.last <= this.windowMs && p.lockedUntil > now) return { waitSeconds: Math.ceil((p.lockedUntil - now) / 1000), reason: "pair" };
    return { waitSeconds: 0, reason: null };
  }

  fail(account: string, ip: string, now = Date.now()) {
    const key = this.pairKey(account, ip);
    let p = this.pairs.get(key);
    if (!p || now - p.last > this.windowMs) p = { count: 0, lockedUntil: 0, last: now };
    p.count++;
    p.last = now;
    if (p.count >= this.freeAttempts) p.lockedUntil = now + Math.min(this.maxDelayMs, 1000 * 2 ** Math.min(30, p.count - this.freeAttempts));
    this.pairs.set(key, p);
    let w = this.ips.get(ip);
    if (!w || w.resetAt <= now) {
      w = { failures: 0, resetAt: now + this.windowMs };
      this.ips.set(ip, w);
    }
    w.failures++;
    if (this.pairs.size + this.ips.size > 100_000) this.sweep(now);
  }

  /** A correct password from this address: the pair starts over (the address ceiling does not). */
  succeed(account: string, ip: string) {
    this.pairs.delete(this.pairKey(account, ip));
  }

  /** After a password reset through the e-mailed link: every pair of the account starts over. */
  forgetAccount(account: string) {
    const prefix = `${account}\u0000`;
    for (const k of this.pairs.keys()) if (k.startsWith(prefix)) this.pairs.delete(k);
  }

  private sweep(now: number) {
    for (const [k, p] of this.pairs) if (now - p.last > this.windowMs) this.pairs.delete(k);
    for (const [k, w] of this.ips) if (w.resetAt <= now) this.ips.delete(k);
  }
}

/** Headers for a 429 answer: every 429 of the app says when to try again. */
export function retryAfter(waitSeconds: number): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(waitSeconds))) };
}

/**
 * `export const headers = passRetryAfter` in a route whose action or loader may answer 429: Remix uses action
 * headers for document requests only through a route's headers export (Set-Cookie is carried over by Remix).
 */
export const passRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const h = new Headers();
  const value = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (value) h.set("Retry-After", value);
  return h;
};

declare global {
  // eslint-disable-next-line no-var
  var __loginThrottle: LoginThrottle | undefined;
  // eslint-disable-next-line no-var
  var __limiters: Map<string, FixedWindowLimiter> | undefined;
}

export function loginThrottle(): LoginThrottle {
  globalThis.__loginThrottle ??= new LoginThrottle();
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
