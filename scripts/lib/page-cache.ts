// Response cache for anonymous GET pages (docs/decisions/021-page-cache.md). The key is the URL, the data version
// (bumped inside every public write's transaction) and the Berlin date (deadlines and "überfällig" change at
// midnight). An entry is made once, at insertion, into everything a hit needs: the body without its render's CSP
// nonce, a script CSP of SHA-256 hashes of exactly the inline scripts that carried that nonce (decision 021,
// revision), the body gzip- and brotli-compressed, and the ready header lists per encoding. A hit is then only a
// header write and one buffer, served from the raw http handler before Express (scripts/server.ts).
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

/** What a stored body must never contain any more: the nonce of the render it came from. */
export const NONCE_PLACEHOLDER = "__SN_NONCE__";

export type Encoding = "br" | "gzip" | "identity";
export type CachedPage = {
  status: number;
  etag: string;
  /** The body as sent without compression (for tests and the rare client that takes no gzip). */
  body: Buffer;
  bodies: Record<Encoding, Buffer>;
  /** Flat header lists (name, value, name, value …) for writeHead, one per encoding, without X-Cache. */
  raw: Record<Encoding, string[]>;
  /** Headers of a 304: ETag, Cache-Control, Vary and the security headers (the same policy as the 200). */
  notModified: string[];
  /** The script-src hashes of the page (empty for JSON and pages without inline scripts). */
  scriptHashes: string[];
  bytes: number;
};
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

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The body without the render's nonce, and the hashes of the inline scripts that carried it. Only those scripts are
 * hashed: a script that reached the page without the nonce (injected into stored content) gets no hash and stays
 * blocked, as it was under the nonce policy. Undefined when the nonce is found anywhere but in a nonce attribute.
 */
export function hashScripts(html: string, nonce: string): { body: string; hashes: string[] } | undefined {
  const hashes: string[] = [];
  if (nonce) {
    const attr = ` nonce="${nonce}"`;
    for (const m of html.matchAll(SCRIPT)) {
      const attrs = m[1];
      if (!attrs.includes(attr) || /\ssrc\s*=/i.test(attrs)) continue;
      const h = `'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`;
      if (!hashes.includes(h)) hashes.push(h);
    }
    html = html.split(attr).join("");
    if (html.includes(nonce)) return undefined;
  }
  return { body: html, hashes };
}

/** The CSP of a cached page: the nonce source of the normal policy replaced by the page's script hashes. */
export function hashPolicy(policyWithPlaceholder: string, hashes: string[]): string {
  const source = `'nonce-${NONCE_PLACEHOLDER}'`;
  if (!policyWithPlaceholder.includes(source)) throw new Error("CSP ohne Nonce-Platzhalter");
  return hashes.length ? policyWithPlaceholder.replace(source, hashes.join(" ")) : policyWithPlaceholder.replace(` ${source}`, "");
}

const CACHE_CONTROL_SHARED = "public, max-age=0, must-revalidate";

/**
 * Builds an entry: `security` are the security headers as for any response, made with NONCE_PLACEHOLDER as the
 * nonce (so they are the normal ones but for script-src); `headers` the app's own headers (Content-Type …).
 */
export function buildEntry(status: number, headers: [string, string][], html: string, nonce: string, security: Record<string, string>): CachedPage | undefined {
  const scripts = hashScripts(html, nonce);
  if (!scripts) return undefined;
  const body = Buffer.from(scripts.body, "utf8");
  const etag = `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  const common: string[] = [];
  const seen = new Set<string>();
  const add = (k: string, v: string) => {
    seen.add(k.toLowerCase());
    common.push(k, v);
  };
  for (const [k, v] of Object.entries(security)) add(k, k === "Content-Security-Policy" ? hashPolicy(v, scripts.hashes) : v);
  // Cookie: a shared proxy must not hand the guest page to a signed-in browser (it gets its own, uncached render).
  const vary = new Set(["Cookie", "Accept-Encoding"]);
  for (const [k, v] of headers) {
    const l = k.toLowerCase();
    if (["content-length", "content-encoding", "cache-control", "etag", "x-cache", "connection", "keep-alive", "transfer-encoding", "date"].includes(l) || seen.has(l)) continue;
    if (l === "vary") {
      for (const name of v.split(",")) if (name.trim() && ![...vary].some((x) => x.toLowerCase() === name.trim().toLowerCase())) vary.add(name.trim());
      continue;
    }
    add(k, v);
  }
  add("ETag", etag);
  add("Cache-Control", CACHE_CONTROL_SHARED);
  add("Vary", [...vary].join(", "));
  const notModified: string[] = [];
  for (let i = 0; i < common.length; i += 2) if (common[i] !== "Content-Type") notModified.push(common[i], common[i + 1]);
  const bodies: Record<Encoding, Buffer> = {
    identity: body,
    gzip: gzipSync(body, { level: 6 }),
    // quality 5: a third of gzip's size on these pages at a few milliseconds once per insertion (11 would take ~100 ms)
    br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  };
  const raw = {
    identity: [...common, "Content-Length", String(bodies.identity.length)],
    gzip: [...common, "Content-Encoding", "gzip", "Content-Length", String(bodies.gzip.length)],
    br: [...common, "Content-Encoding", "br", "Content-Length", String(bodies.br.length)],
  };
  const bytes = body.length + bodies.gzip.length + bodies.br.length + 2000;
  return { status, etag, body, bodies, raw, notModified, scriptHashes: scripts.hashes, bytes };
}

const encodingMemo = new Map<string, Encoding>();

/** The best encoding the client takes: br, then gzip, else identity (q=0 refuses; memoised per header value). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const known = encodingMemo.get(acceptEncoding);
  if (known) return known;
  const q: Record<string, number> = {};
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q[name.trim()] = qp ? Number(qp.slice(2)) || 0 : 1;
  }
  const ok = (e: string) => (q[e] ?? (e !== "identity" && q["*"] !== undefined ? q["*"] : undefined) ?? 0) > 0;
  const picked: Encoding = ok("br") ? "br" : ok("gzip") ? "gzip" : "identity";
  if (encodingMemo.size < 200) encodingMemo.set(acceptEncoding, picked);
  return picked;
}

/** Does an If-None-Match header name this entry's ETag? */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*");
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

  /** Looks up and counts a hit or a miss (moves a hit to the young end of the LRU order). */
  get(key: string): CachedPage | undefined {
    const hit = this.peek(key);
    if (!hit) this.stats.misses++;
    return hit;
  }

  /** Looks up; counts only a hit (the fast path in front of Express: its misses are counted by the Remix handler). */
  peek(key: string): CachedPage | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    // least recently used goes first: a hit moves the entry to the end
    this.map.delete(key);
    this.map.set(key, hit);
    this.stats.hits++;
    return hit;
  }

  /** Stores an entry; returns it, or undefined when it alone would take more than a quarter of the bound. */
  set(key: string, entry: CachedPage): CachedPage | undefined {
    const bytes = entry.bytes + key.length;
    if (bytes > this.stats.maxBytes / 4) return undefined;
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.stats.bytes -= old.bytes + key.length;
    }
    this.map.set(key, entry);
    this.stats.bytes += bytes;
    for (const [k, v] of this.map) {
      if (this.stats.bytes <= this.stats.maxBytes) break;
      this.map.delete(k);
      this.stats.bytes -= v.bytes + k.length;
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
      this.stats.bytes -= v.bytes + k.length;
    }
    this.stats.entries = this.map.size;
  }

  snapshot(): CacheStats {
    return { ...this.stats, entries: this.map.size };
  }
}
