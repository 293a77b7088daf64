// Response cache for anonymous GET pages (docs/decisions/021-page-cache.md). The key is the URL, the data version
// (bumped inside every public write's transaction) and the Berlin date (deadlines and "überfällig" change at
// midnight). Bodies are stored with the CSP nonce replaced by a placeholder; each response gets a fresh nonce.
import { createHash } from "node:crypto";

export const NONCE_PLACEHOLDER = "__SN_NONCE__";

export type CachedPage = { status: number; headers: [string, string][]; body: string; etag: string; bytes: number };
export type CacheStats = { entries: number; bytes: number; maxBytes: number; hits: number; misses: number; evictions: number; bypass: number };

/** Does this request qualify for the cache at all? GET only, no cookie of any kind, not a personal path or search. */
export function isCacheableRequest(
  method: string,
  path: string,
  cookieHeader: string | undefined,
  authorization: string | undefined,
  opts: { search: boolean } = { search: true },
): boolean {
  if (method !== "GET") return false;
  if (cookieHeader && cookieHeader.trim() !== "") return false;
  if (authorization) return false;
  // Search pages only with the embedded FTS5 engine: its index commits with the write, Meilisearch's lags behind.
  if (!opts.search && /^\/(?:suche|api\/suche)(?:[/.?]|$)/.test(path)) return false;
  // personal pages, APIs, feeds with secrets, downloads, sign-in
  return !/^\/(?:konto|benachrichtigungen|verwaltung|api|abos|dateien|healthz|anmelden|abmelden|registrieren|passwort)(?:[/.?]|$)/.test(path);
}

/** May this response be stored? 200 HTML or Remix data, no cookie set, not marked private, no per-user form key. */
export function isCacheableResponse(status: number, headers: Headers, body: string, idempotencyField: string): boolean {
  if (status !== 200) return false;
  if (headers.has("set-cookie")) return false;
  const cc = headers.get("cache-control") ?? "";
  if (/no-store|private/i.test(cc)) return false;
  const type = headers.get("content-type") ?? "";
  if (!/^(?:text\/html|application\/json)/i.test(type)) return false;
  return !body.includes(`name="${idempotencyField}"`);
}

export class PageCache {
  private map = new Map<string, CachedPage>();
  private stats: CacheStats;
  constructor(maxBytes: number) {
    this.stats = { entries: 0, bytes: 0, maxBytes, hits: 0, misses: 0, evictions: 0, bypass: 0 };
  }

  static key(url: string, version: number, day: string): string {
    return `${version}|${day}|${url}`;
  }

  get(key: string): CachedPage | undefined {
    const hit = this.map.get(key);
    if (!hit) {
      this.stats.misses++;
      return undefined;
    }
    // least recently used goes first: a hit moves the entry to the end
    this.map.delete(key);
    this.map.set(key, hit);
    this.stats.hits++;
    return hit;
  }

  /** Stores a page with its nonce replaced; returns the entry (or undefined when it alone exceeds the bound). */
  set(key: string, status: number, headers: [string, string][], html: string, nonce: string): CachedPage | undefined {
    const body = nonce ? html.split(nonce).join(NONCE_PLACEHOLDER) : html;
    const bytes = Buffer.byteLength(body) + key.length + 200;
    if (bytes > this.stats.maxBytes / 4) return undefined;
    const etag = `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.stats.bytes -= old.bytes;
    }
    const entry: CachedPage = { status, headers, body, etag, bytes };
    this.map.set(key, entry);
    this.stats.bytes += bytes;
    for (const [k, v] of this.map) {
      if (this.stats.bytes <= this.stats.maxBytes) break;
      this.map.delete(k);
      this.stats.bytes -= v.bytes;
      this.stats.evictions++;
    }
    this.stats.entries = this.map.size;
    return entry;
  }

  bypassed() {
    this.stats.bypass++;
  }

  /** Entries of older versions can never be hit again; drop them when the version moves on (cheap, lazy). */
  dropOlderThan(version: number) {
    const prefix = `${version}|`;
    for (const [k, v] of this.map) {
      if (k.startsWith(prefix)) continue;
      this.map.delete(k);
      this.stats.bytes -= v.bytes;
    }
    this.stats.entries = this.map.size;
  }

  snapshot(): CacheStats {
    return { ...this.stats, entries: this.map.size };
  }
}

export function withNonce(body: string, nonce: string): string {
  return body.split(NONCE_PLACEHOLDER).join(nonce);
}
