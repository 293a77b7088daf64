// Entry point of search for routes and scripts: the configured engine (FTS5 by default, Meilisearch when
// MEILI_HOST is set – with FTS5 as the fallback while Meilisearch is unreachable), request parameter parsing for
// /api/suche and /suche, and the readiness state (health.server.ts) that /healthz reports.
import { getDb } from "../db.server";
import type { Viewer } from "../permissions";
import { FtsSearchIndex } from "./fts.server";
import { MeiliSearchIndex, startOutboxWorker } from "./meili.server";
import { createSearchHealth, type SearchHealthProbe } from "./health.server";
import { SEARCH_TYPES, type ReindexProgress, type SearchIndex, type SearchParams, type SearchResult } from "./types";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import type { SearchDoc, SearchTyp } from "./documents.server";

declare global {
  // eslint-disable-next-line no-var
  var __searchIndex: SearchIndex | undefined;
  // eslint-disable-next-line no-var
  var __searchHealth: SearchHealthProbe | undefined;
  // eslint-disable-next-line no-var
  var __searchWorkerStop: (() => void) | undefined;
}

/**
 * Meilisearch first; FTS5 when Meilisearch is known to be down or a search against it fails. FTS5 is current
 * regardless of the engine (triggers on search_documents), so the fallback answers with the same documents.
 * Writes go through Meilisearch's index()/remove(), which write search_documents and the outbox.
 */
export class FallbackSearchIndex implements SearchIndex {
  readonly name = "meilisearch" as const;
  constructor(
    readonly primary: MeiliSearchIndex,
    readonly fallback: FtsSearchIndex,
    readonly health: SearchHealthProbe,
  ) {}
  index(docs: SearchDoc[]) {
    return this.primary.index(docs);
  }
  remove(ids: string[]) {
    return this.primary.remove(ids);
  }
  async search(params: SearchParams, viewer: Viewer): Promise<SearchResult> {
    if (this.health.meiliUp()) {
      try {
        return await this.primary.search(params, viewer);
      } catch {
        this.health.reportMeiliFailure();
      }
    }
    return { ...(await this.fallback.search(params, viewer)), degraded: true };
  }
  /** From the local vocabulary (FTS5 follows every write), whichever engine answers: Meilisearch has no "did you mean". */
  async suggest(q: string, viewer: Viewer) {
    return this.fallback.suggest(q, viewer);
  }
  reindexAll(progress?: ReindexProgress) {
    return this.primary.reindexAll(progress);
  }
  async ready() {
    return (await this.health.check()) === "ok";
  }
}

export function createSearchIndex(env: Record<string, string | undefined> = process.env): SearchIndex {
  if (env.MEILI_HOST) {
    const health = getSearchHealth(env);
    return new FallbackSearchIndex(new MeiliSearchIndex(getDb, env.MEILI_HOST, env.MEILI_KEY || undefined), new FtsSearchIndex(getDb), health);
  }
  return new FtsSearchIndex(getDb);
}

/** The process-wide readiness probe (cached a few seconds): "ok" or "degraded". */
export function getSearchHealth(env: Record<string, string | undefined> = process.env): SearchHealthProbe {
  globalThis.__searchHealth ??= createSearchHealth({ sqlite: () => getDb().$client, meiliHost: env.MEILI_HOST || undefined });
  return globalThis.__searchHealth;
}

/** The process-wide engine; starts (Meilisearch) the outbox worker. */
export function getSearchIndex(): SearchIndex {
  if (!globalThis.__searchIndex) {
    const engine = createSearchIndex();
    globalThis.__searchIndex = engine;
    if (engine instanceof FtsSearchIndex) setTimeout(() => engine.warm(), 0).unref?.();
    if (engine instanceof FallbackSearchIndex) {
      setTimeout(() => engine.fallback.warm(), 0).unref?.();
      if (!globalThis.__searchWorkerStop) {
        void engine.primary.applySettings().catch(() => undefined);
        globalThis.__searchWorkerStop = startOutboxWorker(engine.primary);
      }
    }
  }
  return globalThis.__searchIndex;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export type ParsedSearch = { ok: true; params: SearchParams } | { ok: false; error: string };

/** Validates q/limit/offset/seite/typ/feld from a query string; errors are German sentences for the 400 body. */
export function parseSearchParams(url: URL, opts: { defaultLimit?: number } = {}): ParsedSearch {
  const sp = url.searchParams;
  const q = (sp.get("q") ?? "").slice(0, 2000);
  const int = (name: string) => {
    const raw = sp.get(name);
    if (raw === null || raw.trim() === "") return { value: undefined };
    if (!/^\d{1,9}$/.test(raw.trim())) return { error: `Der Parameter „${name}“ muss eine ganze Zahl sein.` };
    return { value: Number(raw.trim()) };
  };
  const limit = int("limit");
  if ("error" in limit) return { ok: false, error: limit.error! };
  if (limit.value !== undefined && (limit.value < 1 || limit.value > MAX_LIMIT))
    return { ok: false, error: `Der Parameter „limit“ muss zwischen 1 und ${MAX_LIMIT} liegen.` };
  const lim = limit.value ?? opts.defaultLimit ?? DEFAULT_LIMIT;
  const offset = int("offset");
  if ("error" in offset) return { ok: false, error: offset.error! };
  const seite = int("seite");
  if ("error" in seite) return { ok: false, error: seite.error! };
  if (seite.value !== undefined && seite.value < 1) return { ok: false, error: "Der Parameter „seite“ muss 1 oder größer sein." };
  const off = offset.value ?? (seite.value ? (seite.value - 1) * lim : 0);
  if (off > 10_000) return { ok: false, error: "Es können höchstens die ersten 10.000 Treffer abgerufen werden." };
  const typ = sp.get("typ") || undefined;
  if (typ !== undefined && !(SEARCH_TYPES as readonly string[]).includes(typ))
    return { ok: false, error: `Unbekannter Typ „${typ.slice(0, 40)}“. Erlaubt: ${SEARCH_TYPES.join(", ")}.` };
  const feld = sp.get("feld") || undefined;
  if (feld !== undefined && !(feld in HANDLUNGSFELDER))
    return { ok: false, error: `Unbekanntes Handlungsfeld „${feld.slice(0, 40)}“. Erlaubt: ${Object.keys(HANDLUNGSFELDER).join(", ")}.` };
  return { ok: true, params: { q, limit: lim, offset: off, typ: typ as SearchTyp | undefined, feld } };
}

/**
 * After the Redaktion changed the synonyms: FTS5 reads them on the next search by itself; Meilisearch gets its
 * settings again (best effort – they are applied at every start and reindex as well).
 */
export function pushSearchSettings() {
  const engine = globalThis.__searchIndex;
  if (engine instanceof FallbackSearchIndex) void engine.primary.applySettings().catch(() => undefined);
}
