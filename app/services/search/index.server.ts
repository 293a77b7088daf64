// Entry point of search for routes and scripts: the configured engine (FTS5 by default, Meilisearch when
// MEILI_HOST is set), request parameter parsing for /api/suche and /suche, and the /healthz readiness hook.
import { getDb } from "../db.server";
import { FtsSearchIndex } from "./fts.server";
import { MeiliSearchIndex, startOutboxWorker } from "./meili.server";
import { SEARCH_TYPES, type SearchIndex, type SearchParams } from "./types";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import type { SearchTyp } from "./documents.server";

declare global {
  // eslint-disable-next-line no-var
  var __searchIndex: SearchIndex | undefined;
  // eslint-disable-next-line no-var
  var __searchWorkerStop: (() => void) | undefined;
}

export function createSearchIndex(env: Record<string, string | undefined> = process.env): SearchIndex {
  if (env.MEILI_HOST) return new MeiliSearchIndex(getDb, env.MEILI_HOST, env.MEILI_KEY || undefined);
  return new FtsSearchIndex(getDb);
}

/** The process-wide engine; registers the /healthz readiness check and (Meilisearch) the outbox worker. */
export function getSearchIndex(): SearchIndex {
  if (!globalThis.__searchIndex) {
    const engine = createSearchIndex();
    globalThis.__searchIndex = engine;
    globalThis.__searchReady = () => engine.ready();
    if (engine instanceof FtsSearchIndex) setTimeout(() => engine.warm(), 0).unref?.();
    if (engine instanceof MeiliSearchIndex && !globalThis.__searchWorkerStop) {
      void engine.applySettings().catch(() => undefined);
      globalThis.__searchWorkerStop = startOutboxWorker(engine);
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

// /healthz asks this (scripts/server.ts): FTS tables present / Meilisearch healthy.
globalThis.__searchReady = () => getSearchIndex().ready();
