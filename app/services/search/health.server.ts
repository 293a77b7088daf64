// Search readiness, explicitly (replaces the former globalThis.__searchReady hook): "ok" when the configured engine
// answers, "degraded" when Meilisearch is configured but unreachable (search then answers from FTS5) or the FTS5
// tables are unusable. Never an outage of the whole site: /healthz (scripts/server.ts) answers 503 only for the
// database. The probe result is cached for a few seconds, so /healthz and searches stay cheap while Meilisearch is down.
import type Database from "better-sqlite3";

export type SearchHealth = "ok" | "degraded";

export const HEALTH_TTL_MS = 5000;
export const PROBE_TIMEOUT_MS = 1000;

/** FTS5 tables present and queryable (they follow search_documents by trigger, whatever the engine). */
export function ftsUsable(sqlite: Database.Database): boolean {
  try {
    sqlite.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'bereit' LIMIT 1").all();
    sqlite.prepare("SELECT rid FROM search_fts_keys LIMIT 1").all();
    return true;
  } catch {
    return false;
  }
}

/** GET <host>/health within PROBE_TIMEOUT_MS; true for {"status":"available"}. */
export async function meiliReachable(host: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    const res = await fetch(new URL("/health", host), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    const body = (await res.json().catch(() => null)) as { status?: string } | null;
    return body?.status === "available";
  } catch {
    return false;
  }
}

export type SearchHealthProbe = {
  /** Cached state; probes at most every `ttlMs` (concurrent callers share one probe). */
  check(): Promise<SearchHealth>;
  /** Is Meilisearch believed reachable right now (cached, no network)? Unknown counts as reachable. */
  meiliUp(): boolean;
  /** A search just failed against Meilisearch: treat it as down until the next probe. */
  reportMeiliFailure(): void;
};

export function createSearchHealth(opts: { sqlite: () => Database.Database; meiliHost?: string; ttlMs?: number }): SearchHealthProbe {
  const ttl = opts.ttlMs ?? HEALTH_TTL_MS;
  let meili: { up: boolean; at: number } | null = null;
  let inflight: Promise<boolean> | null = null;
  const probeMeili = async (): Promise<boolean> => {
    if (!opts.meiliHost) return false;
    if (meili && Date.now() - meili.at < ttl) return meili.up;
    inflight ??= meiliReachable(opts.meiliHost).then((up) => {
      meili = { up, at: Date.now() };
      inflight = null;
      return up;
    });
    return inflight;
  };
  return {
    async check() {
      const fts = ftsUsable(opts.sqlite());
      if (!opts.meiliHost) return fts ? "ok" : "degraded";
      const up = await probeMeili();
      return up ? "ok" : "degraded";
    },
    meiliUp() {
      if (!opts.meiliHost) return false;
      if (meili && Date.now() - meili.at < ttl) return meili.up;
      void probeMeili();
      return meili?.up ?? true;
    },
    reportMeiliFailure() {
      meili = { up: false, at: Date.now() };
    },
  };
}
