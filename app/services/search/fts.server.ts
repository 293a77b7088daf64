// FTS5 engine: the embedded default. The index (search_fts, see db/migrations/0007_fts.sql) follows
// search_documents through triggers, so a write is findable in the same transaction.
//
// Query plan for q = "Schueler Immobilie Krankenversicherng":
//   1. fold + tokenise (fold.ts), drop stop words;
//   2. per term an OR group: the term as prefix ("schueler"*), vocabulary words that contain it (compound parts,
//      terms ≥ 5 letters), and – only when no indexed word starts with it – words one edit away (typo, ≥ 5 letters);
//   3. groups joined with AND (fallback: OR when AND finds nothing), restricted to the text columns;
//   4. viewer/typ/feld filters as tokens of the `tags` column inside the same MATCH, so totals, facets and hits
//      only ever see what the viewer may read;
//   5. bm25 with field weights title 10 > summary 4 = kurz 4 > headings 3 > body 1; ties by document id.
import type Database from "better-sqlite3";
import type { DB } from "../db.server";
import type { Viewer } from "../permissions";
import { visibilityFor } from "../permissions";
import { removeSearchDocs, upsertSearchDocs, type SearchDoc } from "./documents.server";
import { editDistance, makeMatcher, makeSnippet, queryTerms, tokens, typoBudget, type Matcher } from "./fold";
import { SEARCH_TYPES, emptyResult, type ReindexProgress, type SearchIndex, type SearchParams, type SearchResult } from "./types";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";

const WEIGHTS = "10.0, 4.0, 3.0, 4.0, 1.0, 0.0"; // title, summary, headings, kurz, body, tags
const TEXT_COLS = "{title summary headings kurz body}";
const FELDER = Object.keys(HANDLUNGSFELDER);
const tagFeld = (f: string) => `xqf${f.replace(/-/g, "")}`;
const MAX_COMPOUNDS = 12;
const MAX_TYPOS = 4;
const RERANK_DEPTH = 100;
const TITLE_BOOST = 1.5;

type TitleMatcher = (title: string) => number;

/** Share of query terms (0–1) found in a title: prefix, compound part or expansion. */
export function makeTitleMatcher(terms: string[], expansions: string[]): TitleMatcher {
  return (title) => {
    const words = tokens(title);
    const exp = new Set(expansions);
    let n = 0;
    for (const t of terms) if (words.some((w) => w.startsWith(t) || (t.length >= 5 && w.includes(t)) || exp.has(w))) n++;
    return terms.length ? n / terms.length : 0;
  };
}

/** SQL expression folding a column like the query side does (umlauts spelled out; unicode61 does the rest). */
export function foldSql(col: string): string {
  let s = col;
  for (const [a, b] of [["ä", "ae"], ["Ä", "Ae"], ["ö", "oe"], ["Ö", "Oe"], ["ü", "ue"], ["Ü", "Ue"], ["ß", "ss"], ["ẞ", "SS"]])
    s = `replace(${s}, '${a}', '${b}')`;
  return s;
}

type Vocab = { terms: string[]; df: Map<string, number>; byLength: Map<number, string[]>; gen: number; loadedAt: number };

/** Vocabulary of the index (fts5vocab), cached per process and refreshed after writes (at most every few seconds). */
class VocabCache {
  private vocab: Vocab | null = null;
  private expansions = new Map<string, string[]>();
  constructor(private sqlite: () => Database.Database) {}

  get(): Vocab {
    const db = this.sqlite();
    const gen = (db.prepare("SELECT v FROM search_meta WHERE k = 'gen'").get() as { v: number } | undefined)?.v ?? 0;
    const now = Date.now();
    if (this.vocab && (this.vocab.gen === gen || now - this.vocab.loadedAt < 5000)) return this.vocab;
    const rows = db.prepare("SELECT term, doc FROM search_fts_vocab").raw().all() as [string, number][];
    const terms: string[] = [];
    const df = new Map<string, number>();
    const byLength = new Map<number, string[]>();
    for (const [term, doc] of rows) {
      if (term.startsWith("xq")) continue; // filter tokens of the tags column
      terms.push(term);
      df.set(term, doc);
      const l = byLength.get(term.length);
      if (l) l.push(term);
      else byLength.set(term.length, [term]);
    }
    this.vocab = { terms, df, byLength, gen, loadedAt: now };
    this.expansions.clear();
    return this.vocab;
  }

  /** Is there any indexed word starting with `prefix`? (terms are sorted by fts5vocab) */
  hasPrefix(v: Vocab, prefix: string): boolean {
    let lo = 0;
    let hi = v.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v.terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < v.terms.length && v.terms[lo].startsWith(prefix);
  }

  /** Close words within `max` edits, most frequent first. */
  near(v: Vocab, term: string, max: number): string[] {
    const out: { t: string; d: number; df: number }[] = [];
    for (let len = term.length - max; len <= term.length + max; len++) {
      for (const t of v.byLength.get(len) ?? []) {
        const d = editDistance(term, t, max);
        if (d > 0 && d <= max) out.push({ t, d, df: v.df.get(t) ?? 0 });
      }
    }
    out.sort((a, b) => a.d - b.d || b.df - a.df || (a.t < b.t ? -1 : 1));
    return out.map((o) => o.t);
  }

  /** Extra words for one query term: compound words containing it and, if it matches nothing, typo neighbours. */
  expand(term: string): string[] {
    const v = this.get();
    const cached = this.expansions.get(term);
    if (cached) return cached;
    const extra: string[] = [];
    if (term.length >= 5) {
      const compounds: string[] = [];
      for (const t of v.terms) if (t.length > term.length && !t.startsWith(term) && t.includes(term)) compounds.push(t);
      compounds.sort((a, b) => (v.df.get(b) ?? 0) - (v.df.get(a) ?? 0) || (a < b ? -1 : 1));
      extra.push(...compounds.slice(0, MAX_COMPOUNDS));
    }
    const budget = typoBudget(term);
    if (budget > 0 && !this.hasPrefix(v, term)) extra.push(...this.near(v, term, budget).slice(0, MAX_TYPOS));
    if (this.expansions.size > 5000) this.expansions.clear();
    this.expansions.set(term, extra);
    return extra;
  }
}

const quote = (t: string) => `"${t}"`; // terms are letters/digits only (fold.ts), so quoting is safe

export type CompiledQuery = { terms: string[]; expansions: string[]; and: string; or: string };

/** Light German suffix stripping for the prefix query: "problemimmobilien" → "problemimmobilie" (stem stays ≥ 5 letters). */
export function stem(t: string): string {
  if (t.endsWith("ung") && t.length >= 10) return t.slice(0, -3);
  for (const suffix of ["en", "n", "e", "s"]) if (t.endsWith(suffix) && t.length - suffix.length >= 5) return t.slice(0, -suffix.length);
  return t;
}

export function compileQuery(terms: string[], expand: (t: string) => string[]): CompiledQuery {
  const expansions: string[] = [];
  const groups = terms.map((t, i) => {
    const isLast = i === terms.length - 1;
    const own = t.length >= 3 || isLast ? `${quote(stem(t))}*` : quote(t);
    const extra = expand(t);
    expansions.push(...extra);
    return extra.length > 0 ? `(${[own, ...extra.map(quote)].join(" OR ")})` : own;
  });
  return {
    terms,
    expansions,
    and: `${TEXT_COLS} : (${groups.join(" AND ")})`,
    or: `${TEXT_COLS} : (${groups.join(" OR ")})`,
  };
}

function filterExpr(viewer: Viewer, typ?: string, feld?: string): string {
  const vis = visibilityFor(viewer).map((v) => `xqv${v}`);
  let f = ` AND tags : (${vis.join(" OR ")})`;
  if (typ) f += ` AND tags : xqt${typ}`;
  if (feld) f += ` AND tags : ${tagFeld(feld)}`;
  return f;
}

export class FtsSearchIndex implements SearchIndex {
  readonly name = "fts5" as const;
  private vocab: VocabCache;
  constructor(private getDb: () => DB) {
    this.vocab = new VocabCache(() => this.getDb().$client);
  }

  private get sqlite() {
    return this.getDb().$client;
  }

  async index(docs: SearchDoc[]) {
    const db = this.getDb();
    db.transaction((tx) => upsertSearchDocs(tx, docs));
  }

  async remove(ids: string[]) {
    const db = this.getDb();
    db.transaction((tx) => removeSearchDocs(tx, ids));
  }

  private count(match: string): number {
    return (this.sqlite.prepare("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?").pluck().get(match) as number) ?? 0;
  }

  /** Runs one compiled expression; null when it finds nothing. */
  private run(expr: string, params: SearchParams, viewer: Viewer, matcher: Matcher, titleMatcher: TitleMatcher): SearchResult | null {
    const typCounts: Record<string, number> = {};
    const feldCounts: Record<string, number> = {};
    for (const t of SEARCH_TYPES) {
      const n = this.count(expr + filterExpr(viewer, t, params.feld));
      if (n > 0) typCounts[t] = n;
    }
    const total = params.typ ? (typCounts[params.typ] ?? 0) : Object.values(typCounts).reduce((a, b) => a + b, 0);
    if (total === 0) return null;
    for (const f of FELDER) {
      const n = this.count(expr + filterExpr(viewer, params.typ, f));
      if (n > 0) feldCounts[f] = n;
    }
    const full = expr + filterExpr(viewer, params.typ, params.feld);
    const rows = this.rankedIds(full, params, titleMatcher);
    const docs = rows.length
      ? (this.sqlite
          .prepare(
            `SELECT id, typ, slug, url, title, summary, kurz, body FROM search_documents WHERE id IN (${rows.map(() => "?").join(",")})`,
          )
          .all(...rows) as { id: string; typ: string; slug: string; url: string; title: string; summary: string; kurz: string; body: string }[])
      : [];
    const byId = new Map(docs.map((d) => [d.id, d]));
    const hits = rows
      .map((id) => byId.get(id))
      .filter((d): d is NonNullable<typeof d> => !!d)
      .map((d) => ({
        typ: d.typ as SearchResult["hits"][number]["typ"],
        slug: d.slug,
        url: d.url,
        title: d.title,
        snippet: snippetFor(d, matcher),
      }));
    return { total, hits, facets: { typ: typCounts, feld: feldCounts } };
  }

  /**
   * Ids of one page in rank order. The best RERANK_DEPTH candidates by bm25 are re-ordered by how many query
   * terms their title covers (a title that names the subject beats a passing mention in a long body); the
   * rest keeps the bm25 order. Ties by document id, so the same request always gives the same order.
   */
  private rankedIds(match: string, params: SearchParams, titleMatcher: TitleMatcher): string[] {
    const end = params.offset + params.limit;
    const top = this.sqlite
      .prepare(
        `SELECT k.doc_id AS id, bm25(search_fts, ${WEIGHTS}) AS r, d.title AS title FROM search_fts f
         JOIN search_fts_keys k ON k.rid = f.rowid JOIN search_documents d ON d.id = k.doc_id
         WHERE search_fts MATCH ? ORDER BY r, k.doc_id LIMIT ?`,
      )
      .all(match, RERANK_DEPTH) as { id: string; r: number; title: string }[];
    const scored = top.map((c) => ({ id: c.id, s: -c.r * (1 + TITLE_BOOST * titleMatcher(c.title)) }));
    scored.sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = scored.map((c) => c.id);
    if (end <= ids.length || top.length < RERANK_DEPTH) return ids.slice(params.offset, end);
    const rest = this.sqlite
      .prepare(
        `SELECT k.doc_id AS id FROM search_fts f JOIN search_fts_keys k ON k.rid = f.rowid
         WHERE search_fts MATCH ? ORDER BY bm25(search_fts, ${WEIGHTS}), k.doc_id LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(match, end - RERANK_DEPTH, RERANK_DEPTH) as string[];
    return [...ids, ...rest].slice(params.offset, end);
  }

  async search(params: SearchParams, viewer: Viewer): Promise<SearchResult> {
    const terms = queryTerms(params.q);
    if (terms.length === 0) return emptyResult();
    const compiled = compileQuery(terms, (t) => this.vocab.expand(t));
    const matcher = makeMatcher(compiled.terms.map(stem), compiled.expansions);
    const titleMatcher = makeTitleMatcher(compiled.terms.map(stem), compiled.expansions);
    const res = this.run(compiled.and, params, viewer, matcher, titleMatcher);
    if (res) return res;
    if (terms.length > 1) return this.run(compiled.or, params, viewer, matcher, titleMatcher) ?? emptyResult();
    return emptyResult();
  }

  async suggest(q: string, viewer: Viewer): Promise<string | null> {
    const terms = queryTerms(q);
    if (terms.length === 0) return null;
    const v = this.vocab.get();
    let changed = false;
    const fixed = terms.map((t) => {
      if (t.length < 4 || this.vocab.hasPrefix(v, t)) return t;
      const near = this.vocab.near(v, t, 2);
      if (near.length === 0) return t;
      changed = true;
      return near[0];
    });
    if (!changed) return null;
    const suggestion = fixed.join(" ");
    const res = await this.search({ q: suggestion, limit: 1, offset: 0 }, viewer);
    return res.total > 0 ? suggestion : null;
  }

  async reindexAll(progress?: ReindexProgress) {
    const db = this.sqlite;
    const total = db.prepare("SELECT count(*) FROM search_documents").pluck().get() as number;
    db.transaction(() => {
      db.prepare("INSERT INTO search_fts(search_fts) VALUES('delete-all')").run();
      db.prepare("DELETE FROM search_fts_keys").run();
      db.prepare("INSERT INTO search_fts_keys (doc_id) SELECT id FROM search_documents ORDER BY id").run();
    })();
    const batch = 5000;
    const maxRid = (db.prepare("SELECT coalesce(max(rid), 0) FROM search_fts_keys").pluck().get() as number) ?? 0;
    const insert = db.prepare(
      `INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
       SELECT k.rid, ${foldSql("d.title")}, ${foldSql("d.summary")}, ${foldSql("d.headings")}, ${foldSql("d.kurz")}, ${foldSql("d.body")},
         'xqt' || d.typ || ' xqv' || d.visibility || ' ' || coalesce((SELECT group_concat('xqf' || replace(value, '-', ''), ' ')
           FROM json_each(CASE WHEN json_valid(d.handlungsfelder) THEN d.handlungsfelder ELSE '[]' END)), '')
       FROM search_fts_keys k JOIN search_documents d ON d.id = k.doc_id WHERE k.rid > ? AND k.rid <= ?`,
    );
    let done = 0;
    for (let from = 0; from < maxRid; from += batch) {
      done += insert.run(from, from + batch).changes;
      progress?.(done, total);
    }
    db.prepare("INSERT INTO search_fts(search_fts) VALUES('optimize')").run();
    db.prepare("UPDATE search_meta SET v = v + 1 WHERE k = 'gen'").run();
    progress?.(done, total);
    return { documents: done };
  }

  async ready() {
    try {
      this.sqlite.prepare("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'xqvpublic' LIMIT 1").get();
      return true;
    } catch {
      return false;
    }
  }
}

/** Snippet from the summary (programmes: kurz + summary) or, when the body has more matches, from the body. */
export function snippetFor(d: { summary: string; kurz?: string; body: string }, matcher: Matcher): string {
  const head = [d.kurz, d.summary].filter(Boolean).join(" – ");
  const fromHead = makeSnippet(head, matcher);
  const fromBody = d.body ? makeSnippet(d.body, matcher) : "";
  const marks = (s: string) => s.split("<mark>").length - 1;
  if (!fromBody || marks(fromHead) >= marks(fromBody)) return fromHead || fromBody;
  return fromBody;
}
