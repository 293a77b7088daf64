// The engine-neutral search interface. Engines: FTS5 (embedded default, fts.server.ts) and
// Meilisearch (meili.server.ts, when MEILI_HOST is set). Pick one with getSearchIndex() (index.server.ts).
import type { Viewer } from "../permissions";
import type { SearchDoc, SearchTyp } from "./documents.server";

export const SEARCH_TYPES = ["wissen", "foerderung", "forum", "projekt", "stadt", "ankommen", "dokument", "forderung"] as const satisfies readonly SearchTyp[];

export type SearchParams = {
  q: string;
  typ?: SearchTyp;
  feld?: string;
  limit: number; // 1–100
  offset: number; // ≥ 0
};

export type SearchHit = { typ: SearchTyp; slug: string; url: string; title: string; snippet: string };

/**
 * `facets.typ`: counts per typ with every filter except `typ` applied; `facets.feld`: counts per Handlungsfeld with
 * every filter except `feld` applied (so the page can offer the other choices). All counts are for the viewer only.
 */
export type SearchFacets = { typ: Record<string, number>; feld: Record<string, number> };

/**
 * `degraded`: Meilisearch is configured but unreachable, so this answer comes from the built-in FTS5 index.
 * `ignored`: query words (folded, as queryTerms gives them) that no hit contains – the results are for the other words.
 * `relaxed`: not every word is in every hit (no document had all of them together).
 */
export type SearchResult = { total: number; hits: SearchHit[]; facets: SearchFacets; degraded?: boolean; ignored?: string[]; relaxed?: boolean };

export type ReindexProgress = (done: number, total: number) => void;

export interface SearchIndex {
  readonly name: "fts5" | "meilisearch";
  /** Make documents findable (writes search_documents; FTS follows by trigger, Meili through the outbox). */
  index(docs: SearchDoc[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Results the viewer may read, best first, ties by id; filtering happens inside the engine query. */
  search(params: SearchParams, viewer: Viewer): Promise<SearchResult>;
  /** A close spelling of `q` that has hits for the viewer ("Meinten Sie …?"), or null. */
  suggest(q: string, viewer: Viewer): Promise<string | null>;
  /** Rebuild the engine's index from search_documents. */
  reindexAll(progress?: ReindexProgress): Promise<{ documents: number }>;
  ready(): Promise<boolean>;
}

export const emptyResult = (): SearchResult => ({ total: 0, hits: [], facets: { typ: {}, feld: {} } });
