// Meilisearch engine: used when MEILI_HOST (and MEILI_KEY) are set. search_documents stays the source of truth;
// upsertSearchDocs/removeSearchDocs write a search_outbox row in the same transaction, and the outbox worker below
// pushes those changes to Meilisearch with retry and exponential backoff, so nothing is lost while it is down.
//
// German handling: the searchable fields are sent folded (fold.ts: ä→ae, ö→oe, ü→ue, ß→ss, lower case) and the
// query is folded the same way, so "Schueler" and "Schüler" meet. Snippets are built locally from
// search_documents with the same code as the FTS engine (plain text + <mark>), so no engine output reaches HTML.
// The pure parts (settings, request building, result mapping, document mapping) are exported for unit tests.
import { Meilisearch } from "meilisearch";
import type { DB } from "../db.server";
import { visibilityFor, type Viewer } from "../permissions";
import { removeSearchDocs, upsertSearchDocs, type SearchDoc, type SearchTyp } from "./documents.server";
import { STOPWORDS, editDistance, fold, makeMatcher, queryTerms, tokens, typoBudget } from "./fold";
import { buildSynonymMap, contentTokens } from "./synonyms";
import { synonymGroups } from "./synonyms.server";
import { snippetFor } from "./fts.server";
import { emptyResult, type ReindexProgress, type SearchIndex, type SearchParams, type SearchResult } from "./types";

export const MEILI_INDEX = "sn_documents";
/** Per HTTP request to Meilisearch (search and outbox); waiting for an indexing task has its own, longer limit. */
export const MEILI_TIMEOUT_MS = 3000;

type TaskLike = { status?: string; uid?: number; error?: { message?: string; code?: string } | null };

/** A Meilisearch task that ended `failed` or `canceled` is an error: its outbox rows stay pending for a retry. */
export function assertTaskSucceeded(task: TaskLike, what: string): void {
  if (task.status === "succeeded") return;
  const reason = task.error?.message ?? task.error?.code ?? "ohne Angabe";
  throw new Error(`Meilisearch-Aufgabe ${task.uid ?? "?"} (${what}) ${task.status === "canceled" ? "abgebrochen" : "fehlgeschlagen"}: ${reason}`);
}

export const MEILI_SETTINGS = {
  searchableAttributes: ["title_f", "kurz_f", "summary_f", "headings_f", "body_f"],
  filterableAttributes: ["typ", "handlungsfelder", "ebenen", "staedte", "status", "visibility"],
  sortableAttributes: ["docId", "updatedAt"],
  displayedAttributes: ["docId"],
  // Relevance first (words, typo, proximity, attribute order = field weight), document id as final tie-breaker.
  rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "sort"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  localizedAttributes: [{ attributePatterns: ["*_f"], locales: ["deu"] }],
  pagination: { maxTotalHits: 100_000 },
} as const;

/**
 * Meilisearch's `synonyms` setting from the Redaktion's groups: every term, folded and without stop words (as the
 * query arrives, see buildMeiliRequests), maps to the other terms of its groups ("kv" → ["krankenversicherung"]).
 */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, alts] of buildSynonymMap(groups)) {
    const k = contentTokens(key.split(" ")).join(" ");
    const values = alts.map((a) => contentTokens(a).join(" ")).filter((v) => v && v !== k);
    if (!k || values.length === 0) continue;
    out[k] = [...new Set([...(out[k] ?? []), ...values])].sort();
  }
  return out;
}

/** The full settings: the fixed part plus synonyms and the same stop words FTS5 leaves out of ranking. */
export function meiliSettings(groups: string[][]) {
  return { ...MEILI_SETTINGS, synonyms: meiliSynonyms(groups), stopWords: [...STOPWORDS].sort() };
}

/** Meilisearch ids allow only [A-Za-z0-9_-]; our ids contain ":" (e.g. "forum:post:12"). */
export const meiliKey = (id: string) => id.replace(/_/g, "_u").replace(/:/g, "__");

export type MeiliDocument = {
  key: string;
  docId: string;
  typ: SearchTyp;
  title_f: string;
  kurz_f: string;
  summary_f: string;
  headings_f: string;
  body_f: string;
  handlungsfelder: string[];
  ebenen: string[];
  staedte: string[];
  status: string;
  visibility: "public" | "members";
  updatedAt: number;
};

export function toMeiliDocument(d: SearchDoc): MeiliDocument {
  return {
    key: meiliKey(d.id),
    docId: d.id,
    typ: d.typ,
    title_f: fold(d.title),
    kurz_f: fold(d.kurz ?? ""),
    summary_f: fold(d.summary ?? ""),
    headings_f: fold(d.headings ?? ""),
    body_f: fold(d.body ?? ""),
    handlungsfelder: d.handlungsfelder ?? [],
    ebenen: d.ebenen ?? [],
    staedte: d.staedte ?? [],
    status: d.status ?? "",
    visibility: d.visibility,
    updatedAt: (d.updatedAt ?? new Date()).getTime(),
  };
}

const str = (s: string) => JSON.stringify(s); // Meili filter string literal (double quotes, escaped)

/** The viewer filter and the user's filters as one Meilisearch filter expression. */
export function meiliFilter(viewer: Viewer, typ?: string, feld?: string): string {
  const parts = [`visibility IN [${visibilityFor(viewer).map(str).join(", ")}]`];
  if (typ) parts.push(`typ = ${str(typ)}`);
  if (feld) parts.push(`handlungsfelder = ${str(feld)}`);
  return parts.join(" AND ");
}

/**
 * Three queries for one multi-search: the page of hits (all filters), typ facet counts (without the typ filter)
 * and feld facet counts (without the feld filter). Every one carries the visibility filter.
 */
export function buildMeiliRequests(params: SearchParams, viewer: Viewer) {
  const q = queryTerms(params.q).join(" ");
  const base = { indexUid: MEILI_INDEX, q };
  return {
    q,
    queries: [
      {
        ...base,
        filter: meiliFilter(viewer, params.typ, params.feld),
        limit: params.limit,
        offset: params.offset,
        sort: ["docId:asc"],
        attributesToRetrieve: ["docId"],
      },
      { ...base, filter: meiliFilter(viewer, undefined, params.feld), limit: 0, facets: ["typ"] },
      { ...base, filter: meiliFilter(viewer, params.typ, undefined), limit: 0, facets: ["handlungsfelder"] },
    ],
  };
}

type MeiliResult = { hits: { docId?: string }[]; estimatedTotalHits?: number; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> };

/** Ids in rank order (deduplicated), total and facets from a multi-search response. */
export function mapMeiliResults(results: MeiliResult[]) {
  const [main, typs, felder] = results;
  const seen = new Set<string>();
  const ids = main.hits.map((h) => h.docId).filter((id): id is string => !!id && !seen.has(id) && (seen.add(id), true));
  const nonZero = (o: Record<string, number> | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, n]) => n > 0));
  return {
    ids,
    total: main.totalHits ?? main.estimatedTotalHits ?? 0,
    facets: { typ: nonZero(typs?.facetDistribution?.typ), feld: nonZero(felder?.facetDistribution?.handlungsfelder) },
  };
}

/**
 * Meilisearch drops query words from the end when nothing has all of them (matchingStrategy "last") and does not say
 * which. Mapped from what it returns: a word of two or more that appears (as prefix or within its typo budget) in none
 * of the returned hits is reported as ignored; if none is, but no hit has every word, the result is "relaxed".
 */
export function meiliIgnored(terms: string[], hits: { title: string; summary: string; headings: string; kurz: string; body: string }[]) {
  if (terms.length < 2 || hits.length === 0) return { ignored: [] as string[], relaxed: false };
  const words = hits.map((h) => new Set(tokens(`${h.title} ${h.summary} ${h.headings} ${h.kurz} ${h.body}`)));
  const has = (w: Set<string>, t: string) => {
    for (const x of w) if (x.startsWith(t) || (typoBudget(t) > 0 && editDistance(t, x, typoBudget(t)) <= typoBudget(t))) return true;
    return false;
  };
  const matrix = terms.map((t) => words.map((w) => has(w, t)));
  const ignored = terms.filter((_, i) => !matrix[i].some(Boolean));
  return { ignored, relaxed: ignored.length === 0 && !words.some((_, j) => matrix.every((row) => row[j])) };
}

type Row = {
  id: string; typ: SearchTyp; slug: string; url: string; title: string; summary: string; headings: string; body: string; kurz: string;
  subtype: string; handlungsfelder: string; ebenen: string; staedte: string; status: string; visibility: "public" | "members"; updated_at: number;
};

function rowToDoc(r: Row): SearchDoc {
  const list = (s: string) => {
    try {
      const v = JSON.parse(s);
      return Array.isArray(v) ? v.map(String) : [];
    } catch {
      return [];
    }
  };
  return {
    id: r.id, typ: r.typ, slug: r.slug, url: r.url, title: r.title, summary: r.summary, headings: r.headings, body: r.body,
    kurz: r.kurz, subtype: r.subtype, handlungsfelder: list(r.handlungsfelder), ebenen: list(r.ebenen), staedte: list(r.staedte),
    status: r.status, visibility: r.visibility, updatedAt: new Date(r.updated_at),
  };
}

export class MeiliSearchIndex implements SearchIndex {
  readonly name = "meilisearch" as const;
  readonly client: Meilisearch;
  constructor(private getDb: () => DB, host: string, apiKey?: string) {
    // A bounded request time: an unreachable host must not hold a search request (the FTS fallback answers).
    this.client = new Meilisearch({ host, apiKey, timeout: MEILI_TIMEOUT_MS });
  }

  async index(docs: SearchDoc[]) {
    this.getDb().transaction((tx) => upsertSearchDocs(tx, docs));
    void drainOutbox(this).catch(() => undefined);
  }

  async remove(ids: string[]) {
    this.getDb().transaction((tx) => removeSearchDocs(tx, ids));
    void drainOutbox(this).catch(() => undefined);
  }

  loadDocs(ids: string[]): Row[] {
    if (ids.length === 0) return [];
    return this.getDb()
      .$client.prepare(`SELECT * FROM search_documents WHERE id IN (${ids.map(() => "?").join(",")})`)
      .all(...ids) as Row[];
  }

  async search(params: SearchParams, viewer: Viewer): Promise<SearchResult> {
    const req = buildMeiliRequests(params, viewer);
    if (!req.q) return emptyResult();
    const res = await this.client.multiSearch({ queries: req.queries } as never);
    const mapped = mapMeiliResults((res as unknown as { results: MeiliResult[] }).results);
    const rows = new Map(this.loadDocs(mapped.ids).map((r) => [r.id, r]));
    const matcher = makeMatcher(queryTerms(params.q));
    // A document removed since Meili last heard of it is dropped here (the outbox delivers the delete shortly).
    const shown = mapped.ids.map((id) => rows.get(id)).filter((r): r is Row => !!r && visibilityFor(viewer).includes(r.visibility));
    const hits = shown.map((r) => ({ typ: r.typ, slug: r.slug, url: r.url, title: r.title, snippet: snippetFor(r, matcher) }));
    const { ignored, relaxed } = meiliIgnored(queryTerms(params.q), shown);
    return { total: mapped.total, hits, facets: mapped.facets, ...(ignored.length ? { ignored } : {}), ...(relaxed ? { relaxed } : {}) };
  }

  async suggest(): Promise<string | null> {
    return null; // Meilisearch already applies typo tolerance to the query itself.
  }

  async applySettings() {
    await this.client.createIndex(MEILI_INDEX, { primaryKey: "key" }).waitTask().catch(() => undefined);
    assertTaskSucceeded(await this.client.index(MEILI_INDEX).updateSettings(meiliSettings(synonymGroups(this.getDb().$client).groups) as never).waitTask(), "Einstellungen");
  }

  async reindexAll(progress?: ReindexProgress) {
    await this.applySettings();
    const db = this.getDb().$client;
    const total = db.prepare("SELECT count(*) FROM search_documents").pluck().get() as number;
    assertTaskSucceeded(await this.client.index(MEILI_INDEX).deleteAllDocuments().waitTask(), "Index leeren");
    let done = 0;
    let after = "";
    for (;;) {
      const rows = db.prepare("SELECT * FROM search_documents WHERE id > ? ORDER BY id LIMIT 1000").all(after) as Row[];
      if (rows.length === 0) break;
      assertTaskSucceeded(
        await this.client.index(MEILI_INDEX).addDocuments(rows.map((r) => toMeiliDocument(rowToDoc(r))), { primaryKey: "key" }).waitTask(),
        "Neuaufbau",
      );
      after = rows[rows.length - 1].id;
      done += rows.length;
      progress?.(done, total);
    }
    // Everything up to now is in Meili: pending outbox rows are covered by the full rebuild.
    db.prepare("UPDATE search_outbox SET done_at = ? WHERE done_at IS NULL").run(Date.now());
    return { documents: done };
  }

  async ready() {
    try {
      return await this.client.isHealthy();
    } catch {
      return false;
    }
  }
}

type OutboxRow = { id: number; doc_id: string; op: "upsert" | "delete"; attempts: number };

/**
 * Drains pending outbox rows in order, in batches. The last operation per document wins; an upsert whose
 * document is gone becomes a delete. On failure the rows stay pending with attempts/last_error updated.
 */
export async function drainOutbox(engine: MeiliSearchIndex, batchSize = 500): Promise<{ delivered: number }> {
  const db = engine["getDb"]().$client;
  let delivered = 0;
  for (;;) {
    const rows = db
      .prepare("SELECT id, doc_id, op, attempts FROM search_outbox WHERE done_at IS NULL ORDER BY id LIMIT ?")
      .all(batchSize) as OutboxRow[];
    if (rows.length === 0) return { delivered };
    const last = new Map<string, "upsert" | "delete">();
    for (const r of rows) last.set(r.doc_id, r.op);
    const upsertIds = [...last].filter(([, op]) => op === "upsert").map(([id]) => id);
    const present = engine.loadDocs(upsertIds);
    const presentIds = new Set(present.map((r) => r.id));
    const deleteIds = [...last].filter(([id, op]) => op === "delete" || !presentIds.has(id)).map(([id]) => id);
    const ids = rows.map((r) => r.id);
    try {
      const index = engine.client.index(MEILI_INDEX);
      if (present.length)
        assertTaskSucceeded(await index.addDocuments(present.map((r) => toMeiliDocument(rowToDoc(r))), { primaryKey: "key" }).waitTask(), "Dokumente hinzufügen");
      if (deleteIds.length) assertTaskSucceeded(await index.deleteDocuments(deleteIds.map(meiliKey)).waitTask(), "Dokumente löschen");
      db.prepare(`UPDATE search_outbox SET done_at = ? WHERE id IN (${ids.map(() => "?").join(",")})`).run(Date.now(), ...ids);
      delivered += rows.length;
    } catch (e) {
      db.prepare(`UPDATE search_outbox SET attempts = attempts + 1, last_error = ? WHERE id IN (${ids.map(() => "?").join(",")})`).run(
        String((e as Error).message ?? e).slice(0, 500),
        ...ids,
      );
      throw e;
    }
  }
}

/** Backoff for the outbox worker: 1 s, 2 s, 4 s … capped at 5 minutes. */
export const outboxBackoffMs = (failures: number) => Math.min(300_000, 1000 * 2 ** Math.max(0, failures));

/** Background worker: drains every few seconds; after failures waits with exponential backoff. */
export function startOutboxWorker(engine: MeiliSearchIndex, intervalMs = 2000) {
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await drainOutbox(engine);
      failures = 0;
    } catch {
      failures++;
    }
    if (!stopped) timer = setTimeout(tick, failures ? outboxBackoffMs(failures) : intervalMs);
    timer?.unref();
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
