// FTS5 engine: the embedded default. The index (search_fts, db/migrations/0001_fts.sql) follows
// search_documents through triggers, so a write is findable in the same transaction.
//
// Query plan for q = "Schueler Immobilie Krankenversicherng":
//   1. fold + tokenise (fold.ts), drop stop words;
//   2. per unit (a term, or terms spelling a multi-word synonym) an OR group: the term as prefix ("schueler"*),
//      vocabulary words that contain it (compound parts, terms ≥ 5 letters), – only when no indexed word starts with
//      it – words one edit away (typo, ≥ 5 letters), its synonyms (search_synonyms); and in the column lx its Snowball
//      stem and, for a compound, all its parts' stems (lingua.ts, computed on the index side at upsert time);
//   3. groups joined with AND (fallback: OR when AND finds nothing); questions (≥ 4 units) OR their rarest units;
//   4. viewer/typ/feld filters on the bits of the FTS rowid (visibility, typ, Handlungsfelder – see migration 0001_fts.sql)
//      in the WHERE clause of the same statement, so totals, facets and hits only ever see what the viewer may read;
//   5. order: candidates = best 100 by bm25 (weights title 10 > summary 4 = kurz 4 > headings 3 > body 1) plus the
//      best 200 with every unit in the short fields (title, summary, headings, kurz); above 2,000 matches only the
//      matches with every unit in the short fields are candidates (best 200 by bm25, best 100 by body bm25), so bm25
//      is never computed for tens of thousands of rows; they are re-scored
//      with the normalised bm25, a body-only bm25 and title/summary coverage (FTS5's bm25 normalises by the length
//      of the whole document, which alone prefers short documents); the rest follows by bm25. Ties by the stable
//      internal key (rowid), so the same request always gives the same order. Questions add the idf-weighted
//      coverage of all units in title/summary/headings/body start and a proximity bonus (questionScorer).
import type Database from "better-sqlite3";
type Statement = Database.Statement;
import type { DB } from "../db.server";
import type { Viewer } from "../permissions";
import { visibilityFor } from "../permissions";
import { removeSearchDocs, upsertSearchDocs, type SearchDoc } from "./documents.server";
import { STOPWORDS, editDistance, fold, likeTyped, makeMatcher, makeSnippet, originalWord, queryTerms, tokens, typoBudget, type Matcher } from "./fold";
import { emptyResult, type ReindexProgress, type SearchIndex, type SearchHit, type SearchParams, type SearchResult } from "./types";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import { LX_MARK, decompound, lexiconWords, linguaText, stemDe, type Lexicon } from "./lingua";
import { lexiconFor, takePendingWords } from "./lexicon.server";
import { contentTokens, synonymUnits, type SynonymMap, type SynonymTerm } from "./synonyms";
import { synonymGroups } from "./synonyms.server";

const WEIGHTS = "10.0, 4.0, 3.0, 4.0, 1.0, 0.0, 1.5"; // title, summary, headings, kurz, body, tags, lx (stems and compound parts)
const TEXT_COLS = "{title summary headings kurz body}";
const FELDER = Object.keys(HANDLUNGSFELDER);
// Bit layout of search_fts rowids (db/migrations/0001_fts.sql): seq << 10 | felder << 4 | typ << 1 | vis.
const TYP_INDEX: Record<string, number> = { wissen: 0, foerderung: 1, forum: 2, projekt: 3, stadt: 4, ankommen: 5, dokument: 6, forderung: 7 };
const FELD_BIT: Record<string, number> = {
  gesundheit: 1, "soziales-miteinander": 2, wohnen: 4, arbeitsmarkt: 8, "kinder-bildung": 16, zusammenarbeit: 32,
};
const MAX_COMPOUNDS = 12;
const MAX_TYPOS = 4;
const PREFIX_CAP = 500;
const PREFIX_KEEP = 50;
const RERANK_DEPTH = 100;
/** From this many query units (content words / synonym phrases) on, a query is a question: not every word is required. */
const QUESTION_UNITS = 4;
/** A question's candidates come from its rarest units while their document frequencies add up to at most this. */
const QUESTION_BUDGET = 3000;
/** From this many matches on, candidates come from the matches with the query in their short fields (see run()). */
const BOUNDED_FROM = 2000;
const BOUNDED_ROWS = 20_000;

/**
 * Re-scoring signals from the short fields: share of query terms in the title (1.0), share of the title's own
 * words that the query covers – exact titles first – (0.5), share of query terms in summary/kurz (0.5).
 */
export function makeHeadScorer(terms: string[], expansions: string[]) {
  const exp = new Set(expansions);
  const hit = (t: string, w: string) => w.startsWith(t) || (t.length >= 5 && w.includes(t)) || exp.has(w);
  const cover = (words: string[]) => (terms.length ? terms.filter((t) => words.some((w) => hit(t, w))).length / terms.length : 0);
  return (title: string, summary: string) => {
    const tw = tokens(title).filter((w) => !STOPWORDS.has(w));
    const precision = tw.length ? tw.filter((w) => terms.some((t) => hit(t, w))).length / tw.length : 0;
    return 1.0 * cover(tw) + 0.5 * precision + 0.5 * cover(tokens(summary));
  };
}

/** SQL expression folding a column like the query side does (umlauts spelled out; unicode61 does the rest). */
export function foldSql(col: string): string {
  let s = col;
  for (const [a, b] of [["ä", "ae"], ["Ä", "Ae"], ["ö", "oe"], ["Ö", "Oe"], ["ü", "ue"], ["Ü", "Ue"], ["ß", "ss"], ["ẞ", "SS"]])
    s = `replace(${s}, '${a}', '${b}')`;
  return s;
}

type Vocab = { terms: string[]; df: Map<string, number>; stemDf: Map<string, number>; byLength: Map<number, string[]>; gen: number; docs: number };

/**
 * Vocabulary of the index (fts5vocab), cached per process. It follows every write at once: words upserted by this
 * process are merged in on the next search (documents.server.ts hands them over), and a write of another process
 * (the generation moved without words from here) reloads it. Removed documents' words stay candidates until the
 * next reload; they find nothing, so that only costs a little work.
 */
/** Index of the first of the sorted `terms` that is not less than `x` (where `x` would be inserted). */
function lowerBound(terms: string[], x: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class VocabCache {
  private vocab: Vocab | null = null;
  private expansions = new Map<string, string[]>();
  constructor(private sqlite: () => Database.Database) {}

  /** The generation read, prepared once per connection (it runs on every search). */
  private genReaders = new WeakMap<object, Statement>();
  private generation(db: Database.Database): number {
    let st = this.genReaders.get(db);
    if (!st) this.genReaders.set(db, (st = db.prepare("SELECT v FROM search_meta WHERE k = 'gen'").pluck()));
    return (st.get() as number | undefined) ?? 0;
  }

  /** Prefix index lengths of search_fts (its prefix='…' option), read once per connection. */
  private levels = new WeakMap<object, Set<number>>();
  private prefixLevels(db: Database.Database): Set<number> {
    let l = this.levels.get(db);
    if (!l) {
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").pluck().get() as string | undefined) ?? "";
      const opt = /prefix\s*=\s*'([^']*)'/i.exec(sql)?.[1] ?? "";
      this.levels.set(db, (l = new Set(opt.split(/[\s,]+/).filter(Boolean).map(Number))));
    }
    return l;
  }

  get(): Vocab {
    const db = this.sqlite();
    const gen = this.generation(db);
    if (this.vocab && this.vocab.gen === gen) return this.vocab;
    const pending = takePendingWords(db);
    if (this.vocab && pending && pending.size > 0 && pending.size < 5000) {
      for (const w of pending) this.addTerm(this.vocab, w);
      this.vocab.gen = gen;
      this.expansions.clear();
      return this.vocab;
    }
    const rows = db.prepare("SELECT term, doc FROM search_fts_vocab").raw().all() as [string, number][];
    const terms: string[] = [];
    const df = new Map<string, number>();
    const stemDf = new Map<string, number>();
    const byLength = new Map<number, string[]>();
    for (const [term, doc] of rows) {
      if (term.startsWith(LX_MARK)) {
        stemDf.set(term.slice(LX_MARK.length), doc);
        continue;
      }
      if (term.startsWith("xq")) continue; // filter tokens of the tags column
      terms.push(term);
      df.set(term, doc);
      const l = byLength.get(term.length);
      if (l) l.push(term);
      else byLength.set(term.length, [term]);
    }
    const docs = (db.prepare("SELECT count(*) FROM search_fts_keys").pluck().get() as number) ?? 0;
    this.vocab = { terms, df, stemDf, byLength, gen, docs };
    this.expansions.clear();
    return this.vocab;
  }

  private addTerm(v: Vocab, w: string) {
    const stem = stemDe(w);
    v.stemDf.set(stem, (v.stemDf.get(stem) ?? 0) + 1);
    if (v.df.has(w)) {
      v.df.set(w, v.df.get(w)! + 1);
      return;
    }
    v.terms.splice(lowerBound(v.terms, w), 0, w);
    v.df.set(w, 1);
    const l = v.byLength.get(w.length);
    if (l) l.push(w);
    else v.byLength.set(w.length, [w]);
  }

  /** Is there any indexed word starting with `prefix`? (terms are sorted by fts5vocab) */
  hasPrefix(v: Vocab, prefix: string): boolean {
    const lo = lowerBound(v.terms, prefix);
    return lo < v.terms.length && v.terms[lo].startsWith(prefix);
  }

  /**
   * A prefix that starts more than PREFIX_CAP indexed words ("haus"* at 100,000 documents: thousands) is no useful
   * prefix query – FTS5 would merge all their doclists on every MATCH. Its most frequent PREFIX_KEEP words instead;
   * null when the prefix is fine as it is, and always for a prefix whose length has a prefix index (FTS5 reads one
   * precomputed doclist then, so all continuations count at no extra cost).
   */
  cappedPrefix(prefix: string): string[] | null {
    // FTS5 keeps a prefix index for these lengths (the table's prefix option): one doclist, nothing to merge.
    if (this.prefixLevels(this.sqlite()).has([...prefix].length)) return null;
    const v = this.get();
    const key = `*${prefix}`;
    const cached = this.expansions.get(key);
    if (cached) return cached.length ? cached : null;
    const lo = lowerBound(v.terms, prefix);
    let end = lo;
    while (end < v.terms.length && v.terms[end].startsWith(prefix)) end++;
    const words = end - lo > PREFIX_CAP
      ? v.terms.slice(lo, end).sort((a, b) => (v.df.get(b) ?? 0) - (v.df.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, PREFIX_KEEP)
      : [];
    if (this.expansions.size > 5000) this.expansions.clear();
    this.expansions.set(key, words);
    return words.length ? words : null;
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
      // German compounds put the head last: "immobilie" → "problemimmobilie(n)", not "immobilienmarkt" (a prefix anyway).
      for (const t of v.terms) {
        if (t.length <= term.length || t.startsWith(term)) continue;
        const at = t.indexOf(term, 3);
        if (at >= 3 && t.length - at - term.length <= 5) compounds.push(t);
      }
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

export type CompiledQuery = { terms: string[]; expansions: string[]; units: number; groups: string[]; unitTerms: string[][]; unitExp: string[][]; unitAlts: string[][][]; and: string; or: string; title: string; summary: string };

/** Light German suffix stripping for the prefix query: "problemimmobilien" → "problemimmobilie" (stem stays ≥ 5 letters). */
export function stem(t: string): string {
  if (t.endsWith("ung") && t.length >= 10) return t.slice(0, -3);
  for (const suffix of ["en", "n", "e", "s"]) if (t.endsWith(suffix) && t.length - suffix.length >= 5) return t.slice(0, -suffix.length);
  return t;
}

/**
 * At most `max` hits of one forum topic (its URL without the #post anchor) among the first `top`; the others move
 * to just after the top, in their order. Everything else keeps its rank.
 */
export function capPerTopic(list: { rid: number; url: string }[], max = 2, top = 10): number[] {
  const head: number[] = [];
  const moved: number[] = [];
  const count = new Map<string, number>();
  let i = 0;
  for (; i < list.length && head.length < top; i++) {
    const { rid, url } = list[i];
    const topic = url.startsWith("/forum/") ? url.split("#")[0] : "";
    const n = topic ? (count.get(topic) ?? 0) + 1 : 0;
    if (topic) count.set(topic, n);
    if (n > max) moved.push(rid);
    else head.push(rid);
  }
  return [...head, ...moved, ...list.slice(i).map((x) => x.rid)];
}

export type CompileOptions = { synonyms?: SynonymMap; lexicon?: Lexicon; cappedPrefix?: (prefix: string) => string[] | null };

/**
 * One OR group per query unit (a term, or a run of terms spelling a multi-word synonym), joined with AND:
 *   exact columns: the term as prefix, its vocabulary expansions (compounds, typos) and its synonyms (phrases for
 *   multi-word ones); column lx: the Snowball stem ("0versicher") and, for a compound, all its parts' stems
 *   ("0notfall" AND "0hilf"), so inflections and compound parts meet the index-side normalisation.
 */
export function compileQuery(terms: string[], expand: (t: string) => string[], opts: CompileOptions = {}): CompiledQuery {
  const expansions: string[] = [];
  const unitExp: string[][] = [];
  const unitAlts: string[][][] = [];
  const units = opts.synonyms ? synonymUnits(terms, opts.synonyms) : terms.map((t) => ({ terms: [t], alts: [] as SynonymTerm[], phrase: undefined }));
  const groups = units.map((u, ui) => {
    const isLast = ui === units.length - 1;
    const exact: string[] = [];
    const lx: string[] = [];
    const mine: string[] = [];
    const alts: string[][] = [u.terms];
    if (u.phrase) {
      // A one- or two-letter word of a phrase ("U" of "U-Untersuchung", "II" of "SGB II") stays exact: as a prefix it
      // would merge the doclists of every word with that initial (tens of milliseconds at 100,000 documents).
      const part = (t: string) => (t.length >= 3 ? `${quote(stem(t))}*` : quote(t));
      exact.push(u.terms.length > 1 ? `(${u.terms.map(part).join(" AND ")})` : part(u.terms[0]));
      lx.push(`(${u.terms.map((t) => quote(LX_MARK + stemDe(t))).join(" AND ")})`);
    } else {
      const t = u.terms[0];
      const capped = t.length >= 3 || isLast ? (opts.cappedPrefix?.(stem(t)) ?? null) : null;
      if (capped) exact.push(quote(t), ...capped.filter((w) => w !== t).map(quote));
      else exact.push(t.length >= 3 || isLast ? `${quote(stem(t))}*` : quote(t));
      const extra = expand(t);
      mine.push(...extra);
      alts.push(...extra.map((e) => [e]));
      exact.push(...extra.map(quote));
      // Participles find their verb's other forms: "geräumt" → "raeum"* (Räumung, räumen).
      const participle = /^ge[a-z]{4,}t$/.test(t) ? t.slice(2, -1) : "";
      if (participle) exact.push(`${quote(participle)}*`);
      if (t.length >= 3 && !/^\d+$/.test(t)) lx.push(quote(LX_MARK + stemDe(t)));
      const parts = opts.lexicon && t.length >= 8 ? decompound(t, opts.lexicon) : null;
      if (parts) lx.push(`(${parts.map((p) => quote(LX_MARK + stemDe(p))).join(" AND ")})`);
    }
    for (const alt of u.alts) {
      if (alt.length === 1) {
        const a = alt[0];
        exact.push(a.length >= 5 ? `${quote(stem(a))}*` : quote(a));
        mine.push(a);
        alts.push([a]);
        if (a.length >= 4 && !/\d/.test(a)) lx.push(quote(LX_MARK + stemDe(a)));
      } else {
        exact.push(quote(alt.join(" ")));
        mine.push(...contentTokens(alt));
        alts.push(contentTokens(alt));
      }
    }
    expansions.push(...mine);
    unitExp.push(mine);
    unitAlts.push(alts);
    const ex = exact.length > 1 ? `(${exact.join(" OR ")})` : exact[0];
    return lx.length ? `(${TEXT_COLS} : ${ex} OR lx : (${lx.join(" OR ")}))` : `${TEXT_COLS} : ${ex}`;
  });
  return {
    terms,
    expansions,
    units: units.length,
    groups,
    unitTerms: units.map((u) => u.terms),
    unitExp,
    unitAlts,
    and: groups.join(" AND "),
    title: `{title} : (${groups.join(" AND ")})`,
    summary: `{summary kurz} : (${groups.join(" AND ")})`,
    or: groups.join(" OR "),
  };
}

/** SQL condition on the rowid bits: what the viewer may read, plus the typ/feld filters. */
export function filterSql(viewer: Viewer, typ?: string, feld?: string): string {
  const vis = visibilityFor(viewer);
  const parts: string[] = [];
  if (!vis.includes("members")) parts.push("(rowid & 1) = 0");
  if (!vis.includes("public")) parts.push("(rowid & 1) = 1");
  if (typ) parts.push(`((rowid >> 1) & 7) = ${TYP_INDEX[typ] ?? 7}`);
  if (feld) parts.push(`(rowid & ${(FELD_BIT[feld] ?? 0) << 4}) != 0`);
  return parts.length ? ` AND ${parts.join(" AND ")}` : "";
}

/** SQL for the low rowid bits of a search_documents row `d` (same as in migration 0001_fts.sql). */
const RID_BITS_SQL = `((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(d.handlungsfelder) THEN d.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE d.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 WHEN 'ankommen' THEN 5 WHEN 'dokument' THEN 6 WHEN 'forderung' THEN 7 ELSE 7 END) << 1) | (CASE d.visibility WHEN 'public' THEN 0 ELSE 1 END))`;

const TYP_BY_INDEX = Object.fromEntries(Object.entries(TYP_INDEX).map(([k, v]) => [v, k]));

export class FtsSearchIndex implements SearchIndex {
  readonly name = "fts5" as const;
  private vocab: VocabCache;
  constructor(private getDb: () => DB) {
    this.vocab = new VocabCache(() => this.getDb().$client);
  }

  private get sqlite() {
    return this.getDb().$client;
  }

  /** Prepared statements are cached per SQL text (per connection): parsing is a noticeable share of a 10 ms query. */
  private statements = new WeakMap<object, Map<string, Statement>>();
  private stmt(sql: string): Statement {
    const conn = this.sqlite;
    let cache = this.statements.get(conn);
    if (!cache) this.statements.set(conn, (cache = new Map()));
    let st = cache.get(sql);
    if (!st) {
      st = conn.prepare(sql);
      if (cache.size > 500) cache.clear();
      cache.set(sql, st);
    }
    return st;
  }

  async index(docs: SearchDoc[]) {
    const db = this.getDb();
    db.transaction((tx) => upsertSearchDocs(tx, docs));
  }

  async remove(ids: string[]) {
    const db = this.getDb();
    db.transaction((tx) => removeSearchDocs(tx, ids));
  }

  /** Total and facets in one pass over the matches (GROUP BY the low rowid bits; no join, no content read). */
  private facets(match: string, params: SearchParams, viewer: Viewer) {
    const groups = this.stmt(`SELECT rowid & 1023 AS b, count(*) AS n FROM search_fts WHERE search_fts MATCH ?${filterSql(viewer)} GROUP BY b`)
      .raw()
      .all(match) as [number, number][];
    const typCounts: Record<string, number> = {};
    const feldCounts: Record<string, number> = {};
    const feldBit = params.feld ? FELD_BIT[params.feld] : 0;
    const typIdx = params.typ ? TYP_INDEX[params.typ] : -1;
    let total = 0;
    for (const [b, n] of groups) {
      const typ = (b >> 1) & 7;
      const felder = b >> 4;
      const typOk = typIdx < 0 || typ === typIdx;
      const feldOk = !feldBit || (felder & feldBit) !== 0;
      if (typOk && feldOk) total += n;
      if (feldOk && TYP_BY_INDEX[typ]) typCounts[TYP_BY_INDEX[typ]] = (typCounts[TYP_BY_INDEX[typ]] ?? 0) + n;
      if (typOk) for (const f of FELDER) if (felder & FELD_BIT[f]) feldCounts[f] = (feldCounts[f] ?? 0) + n;
    }
    return { total, typCounts, feldCounts };
  }

  /** [rowid, weighted bm25, body-only bm25] of the best `limit` matches (bm25: lower is better). */
  private ranked(match: string, filter: string, limit: number) {
    return this.stmt(
      `SELECT rowid, bm25(search_fts, ${WEIGHTS}), bm25(search_fts, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.5) FROM search_fts
         WHERE search_fts MATCH ?${filter} ORDER BY 2, 1 LIMIT ?`,
    )
      .raw()
      .all(match, limit) as [number, number, number][];
  }

  /** [rowid, weighted bm25, body-only bm25] of every match (at most BOUNDED_ROWS, in rowid order). */
  private matches(match: string, filter: string) {
    return this.stmt(
      `SELECT rowid, bm25(search_fts, ${WEIGHTS}), bm25(search_fts, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.5) FROM search_fts
         WHERE search_fts MATCH ?${filter} LIMIT ${BOUNDED_ROWS}`,
    )
      .raw()
      .all(match) as [number, number, number][];
  }

  /** Runs one compiled expression; null when it finds nothing. */
  private run(compiled: CompiledQuery, mode: "and" | "or", params: SearchParams, viewer: Viewer, question = false): SearchResult | null {
    const match = mode === "and" ? compiled.and : compiled.or;
    const { total, typCounts, feldCounts } = this.facets(match, params, viewer);
    if (total === 0) return null;
    const filter = filterSql(viewer, params.typ, params.feld);
    const end = params.offset + params.limit;
    // Candidates: the best RERANK_DEPTH by bm25 plus (AND queries) the best RERANK_DEPTH with every term in the
    // title and the best RERANK_DEPTH with every term in the summary/kurz. FTS5's bm25 normalises by the length of the whole document, which favours short documents; the
    // candidates are therefore re-scored with what the title and the summary say about the query.
    // Many matches (a common word at 100,000 documents): bm25 over all of them is most of the time of a search, and the
    // documents that can reach the top have the query in their short fields anyway. The candidates are then the best
    // 3 × RERANK_DEPTH by bm25 among the matches with every unit in title, summary, headings or kurz – one MATCH of
    // the short-field expression (cheap: short doclists) AND the full one (so bm25 and the body bm25 count every
    // column). Only a page beyond them reads the full ranking.
    const bounded = mode === "and" && total > BOUNDED_FROM;
    let full: [number, number, number][] = [];
    let inHead: [number, number, number][] = [];
    if (bounded) {
      // Best by bm25 and best by body bm25 (long articles that use the words throughout: a short generated text with
      // the word in its summary beats them on bm25's length normalisation alone), picked here from one pass.
      const all = this.matches(`({title summary headings kurz} : (${match})) AND (${match})`, filter);
      const byR = [...all].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, 2 * RERANK_DEPTH);
      const byBody = all.sort((a, b) => a[2] - b[2] || a[0] - b[0]).slice(0, RERANK_DEPTH);
      inHead = [...byR, ...byBody];
    }
    else if (total <= BOUNDED_FROM) {
      // Few matches: all of them in one pass, ranked here; the head candidates (every unit in title, summary, headings
      // or kurz) come from a MATCH on the short columns only (short doclists). Each MATCH of a prefix merges its
      // doclists again: two MATCHes instead of the three of a head query "(title OR summary) AND full".
      full = this.matches(match, filter).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      if (mode === "and" && total > RERANK_DEPTH) {
        const short = new Map(
          this.stmt(`SELECT rowid, bm25(search_fts, ${WEIGHTS}) FROM search_fts WHERE search_fts MATCH ?${filter}`)
            .raw()
            .all(`{title summary headings kurz} : (${match})`) as [number, number][],
        );
        // bm25 = full + short-field part, like the old head query (the short-field phrases counted twice)
        inHead = full
          .filter(([rid]) => short.has(rid))
          .map(([rid, r, rb]): [number, number, number] => [rid, r + short.get(rid)!, rb])
          .sort((a, b) => a[1] - b[1] || a[0] - b[0])
          .slice(0, 2 * RERANK_DEPTH);
      }
    } else full = this.ranked(match, filter, Math.max(RERANK_DEPTH, end));
    const cands = new Map<number, number>();
    const body = new Map<number, number>();
    for (const [rid, r, rb] of [...full.slice(0, RERANK_DEPTH), ...inHead]) {
      if (cands.has(rid)) continue;
      cands.set(rid, r);
      body.set(rid, rb);
    }
    if (bounded && cands.size < end) full = this.ranked(match, filter, end);
    const heads = this.heads([...cands.keys()], question);
    const score = makeHeadScorer(compiled.terms.map(stem), compiled.expansions);
    const cover = question ? this.questionScorer(compiled) : null;
    const best = Math.min(-1e-9, ...cands.values());
    // Body relevance on its own (repetition in the text), so a title hit of a short document cannot drown it.
    const bestBody = Math.min(-1e-9, ...body.values());
    const exactTitle = fold(params.q).match(/[\p{L}\p{N}]+/gu)?.join(" ") ?? "";
    const scored = [...cands].map(([rid, r]) => {
      const h = heads.get(rid);
      // Questions: coverage of the rare words decides; the short-query title signals only break ties.
      let s = 0.5 * (r / best) + (body.get(rid) ?? 0) / bestBody + (h ? (cover ? 0.3 : 1) * score(h.title, h.summary) : 0);
      if (h && cover) s += 1.5 * cover(h.title, `${h.summary} ${h.headings}`, h.body);
      // Stop words count for exact titles: "Was tun bei Räumung?" as typed finds the article of that title first.
      if (h && tokens(h.title).join(" ") === exactTitle) s += 3;
      return { rid, s };
    });
    scored.sort((a, b) => b.s - a.s || a.rid - b.rid);
    const ranked = capPerTopic(scored.map((x) => ({ rid: x.rid, url: heads.get(x.rid)?.url ?? "" })), 2, 10);
    const seen = new Set(ranked);
    const rids = [...ranked, ...full.map(([rid]) => rid).filter((rid) => !seen.has(rid))].slice(params.offset, end);
    const matcher = makeMatcher(compiled.terms.map(stem), compiled.expansions);
    const docs = this.docsByRid(rids);
    const hits = rids
      .map((rid) => docs.get(rid))
      .filter((d): d is NonNullable<typeof d> => !!d)
      .map((d) => ({ typ: d.typ as SearchHit["typ"], slug: d.slug, url: d.url, title: d.title, snippet: snippetFor(d, matcher) }));
    return { total, hits, facets: { typ: typCounts, feld: feldCounts } };
  }

  /**
   * Questions (≥ 4 content words, not every word required): the share of the query's weight – rare words weigh
   * more (idf over the stems) – that a document covers in its title (×2) and summary/headings (×1), plus a bonus
   * when two query words stand next to each other there (proximity).
   */
  private questionScorer(compiled: CompiledQuery) {
    const v = this.vocab.get();
    const n = Math.max(1, v.docs);
    const units = compiled.unitTerms.map((ts, i) => ({
      ts: ts.map((t) => ({ t, st: stemDe(t), pre: stem(t) })),
      exp: new Set(compiled.unitExp[i]),
      w: Math.log(1 + n / this.unitDf(v, compiled, i)),
    }));
    const total = units.reduce((a, x) => a + x.w, 0) || 1;
    const memo = new Map<string, number>();
    const matchTerm = (w: string) => {
      let i = memo.get(w);
      if (i === undefined) {
        i = units.findIndex((u) => u.exp.has(w) || u.ts.some((x) => w.startsWith(x.pre) || (x.t.length >= 5 && w.includes(x.t)) || stemDe(w) === x.st));
        memo.set(w, i);
      }
      return i;
    };
    /** Which terms a text has, and whether two different ones stand within `span` words (one pass). */
    const scan = (text: string, span: number) => {
      const found = new Set<number>();
      let near = false;
      let last = -1e9;
      let lastTerm = -1;
      const words = tokens(text);
      for (let j = 0; j < words.length; j++) {
        const i = matchTerm(words[j]);
        if (i < 0) continue;
        found.add(i);
        if (i !== lastTerm && j - last <= span) near = true;
        last = j;
        lastTerm = i;
      }
      return { found, near };
    };
    return (title: string, rest: string, body: string) => {
      const ti = scan(title, 2);
      const re = scan(rest, 3);
      const bo = scan(body, 4);
      let cov = 0;
      for (let i = 0; i < units.length; i++) cov += units[i].w * (ti.found.has(i) ? 2 : re.found.has(i) ? 1.2 : bo.found.has(i) ? 0.8 : 0);
      const near = ti.near || re.near ? 0.4 : bo.near ? 0.2 : 0;
      return (2 * cov) / (2 * total) + near;
    };
  }

  /** Title, summary/kurz, headings, url and (questions only) the first 1,000 characters of the body of candidates. */
  private heads(rids: number[], withBody = false): Map<number, { title: string; summary: string; headings: string; url: string; body: string }> {
    if (rids.length === 0) return new Map();
    const rows = this.stmt(
      `SELECT k.rid, d.title, d.summary || ' ' || d.kurz, d.headings, d.url, ${withBody ? "substr(d.body, 1, 1000)" : "''"} FROM search_fts_keys k JOIN search_documents d ON d.id = k.doc_id
         WHERE k.rid IN (${rids.map(() => "?").join(",")})`,
    )
      .raw()
      .all(...rids) as [number, string, string, string, string, string][];
    return new Map(rows.map(([rid, title, summary, headings, url, body]) => [rid, { title, summary, headings, url, body }]));
  }

  private docsByRid(rids: number[]) {
    type Row = { rid: number; typ: string; slug: string; url: string; title: string; summary: string; kurz: string; body: string };
    if (rids.length === 0) return new Map<number, Row>();
    const rows = this.stmt(
      `SELECT k.rid, d.typ, d.slug, d.url, d.title, d.summary, d.kurz, d.body FROM search_fts_keys k
         JOIN search_documents d ON d.id = k.doc_id WHERE k.rid IN (${rids.map(() => "?").join(",")})`,
    ).all(...rids) as Row[];
    return new Map(rows.map((r) => [r.rid, r]));
  }

  /**
   * The candidate expression of a question: the OR of its rarest units only (at most QUESTION_RARE, each in at most
   * 5 % of the documents, but always the two rarest). Common words ("Kinder", "Kommune") would make the OR match a
   * large share of 100,000 documents; they still count in the re-scoring (coverage), where all terms are used.
   */
  private questionCandidates(compiled: CompiledQuery): CompiledQuery {
    const v = this.vocab.get();
    const order = compiled.groups.map((g, i) => ({ g, df: this.unitDf(v, compiled, i) })).sort((a, b) => a.df - b.df);
    let sum = 0;
    const keep = order.filter((x, i) => ((sum += x.df), i < 2 || sum <= QUESTION_BUDGET)).map((x) => x.g);
    return { ...compiled, or: keep.join(" OR ") };
  }

  /** Documents a unit can match, estimated: the largest document frequency among its terms and alternatives. */
  private unitDf(v: Vocab, compiled: CompiledQuery, i: number): number {
    const df = (t: string) => v.stemDf.get(stemDe(t)) ?? v.df.get(t) ?? 0;
    // an alternative of several words (a phrase, or a unit "bildung teilhabe") is at most as frequent as its rarest word
    return Math.max(1, ...compiled.unitAlts[i].map((alt) => (alt.length ? Math.min(...alt.map(df)) : 0)));
  }

  private compile(terms: string[]): CompiledQuery {
    const sqlite = this.sqlite;
    return compileQuery(terms, (t) => this.vocab.expand(t), { synonyms: synonymGroups(sqlite).map, lexicon: lexiconFor(sqlite), cappedPrefix: (p) => this.vocab.cappedPrefix(p) });
  }

  async search(params: SearchParams, viewer: Viewer): Promise<SearchResult> {
    const terms = queryTerms(params.q);
    if (terms.length === 0) return emptyResult();
    const compiled = this.compile(terms);
    // Questions do not need every word: the OR of all units, ranked by how much of the rare words a document covers.
    if (compiled.units >= QUESTION_UNITS) {
      const res = this.run(this.questionCandidates(compiled), "or", params, viewer, true);
      return res ?? emptyResult();
    }
    const res = this.run(compiled, "and", params, viewer);
    if (res) return res;
    if (terms.length < 2) return emptyResult();
    const relaxed = this.run(compiled, "or", params, viewer);
    if (!relaxed) return emptyResult();
    // Which words found nothing at all (for this viewer and these filters)? The page says so instead of hiding it.
    const filter = filterSql(viewer, params.typ, params.feld);
    const ignored = terms.filter((t) => {
      const one = this.compile([t]);
      return !this.stmt(`SELECT 1 FROM search_fts WHERE search_fts MATCH ?${filter} LIMIT 1`).pluck().get(one.and);
    });
    return { ...relaxed, ignored, relaxed: ignored.length === 0 };
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
    const res = await this.search({ q: fixed.join(" "), limit: 1, offset: 0 }, viewer);
    if (res.total === 0) return null;
    // In the user's spelling: "Krankenversichrung" → "Krankenversicherung".
    return fixed.map((t, i) => (t === terms[i] ? originalWord(q, t) : likeTyped(originalWord(q, terms[i]), t))).join(" ");
  }

  async reindexAll(progress?: ReindexProgress) {
    const db = this.sqlite;
    const total = db.prepare("SELECT count(*) FROM search_documents").pluck().get() as number;
    this.relingua(db);
    db.transaction(() => {
      db.prepare("INSERT INTO search_fts(search_fts) VALUES('delete-all')").run();
      db.prepare("DELETE FROM search_fts_keys").run();
      db.prepare(`INSERT INTO search_fts_keys (rid, doc_id) SELECT ((row_number() OVER (ORDER BY d.id)) << 10) | ${RID_BITS_SQL}, d.id FROM search_documents d`).run();
    })();
    const batch = 5000;
    const maxSeq = ((db.prepare("SELECT coalesce(max(rid), 0) FROM search_fts_keys").pluck().get() as number) ?? 0) >> 10;
    const insert = db.prepare(
      `INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags, lx)
       SELECT k.rid, ${foldSql("d.title")}, ${foldSql("d.summary")}, ${foldSql("d.headings")}, ${foldSql("d.kurz")}, ${foldSql("d.body")}, '', d.lingua
       FROM search_fts_keys k JOIN search_documents d ON d.id = k.doc_id WHERE k.rid >= ? AND k.rid < ?`,
    );
    let done = 0;
    for (let from = 0; from <= maxSeq; from += batch) {
      done += insert.run(from * 1024, (from + batch) * 1024).changes;
      progress?.(done, total);
    }
    db.prepare("INSERT INTO search_fts(search_fts) VALUES('optimize')").run();
    db.prepare("UPDATE search_meta SET v = v + 1 WHERE k = 'gen'").run();
    progress?.(done, total);
    return { documents: done };
  }

  /**
   * Recomputes search_documents.lingua for every document against the lexicon of the whole corpus (a compound
   * indexed before its parts appeared gets split now). Only changed rows are written (the triggers follow).
   */
  private relingua(db: Database.Database) {
    const lex = lexiconFor(db);
    const texts = (r: { title: string; summary: string; headings: string; kurz: string; body: string }) => [r.title, r.summary, r.headings, r.kurz, r.body];
    type Row = { id: string; title: string; summary: string; headings: string; kurz: string; body: string; lingua: string };
    const page = db.prepare("SELECT id, title, summary, headings, kurz, body, lingua FROM search_documents WHERE id > ? ORDER BY id LIMIT 2000");
    for (let last = "", rows: Row[]; (rows = page.all(last) as Row[]).length > 0; last = rows[rows.length - 1].id)
      for (const r of rows) for (const t of texts(r)) for (const w of lexiconWords(t)) lex.stems.add(stemDe(w));
    const update = db.prepare("UPDATE search_documents SET lingua = ? WHERE id = ?");
    for (let last = "", rows: Row[]; (rows = page.all(last) as Row[]).length > 0; last = rows[rows.length - 1].id) {
      db.transaction(() => {
        for (const r of rows) {
          const l = linguaText(texts(r), lex);
          if (l !== r.lingua) update.run(l, r.id);
        }
      })();
    }
  }

  /** Loads the vocabulary cache (compound/typo expansion) ahead of the first search; starts the lingua backfill. */
  warm() {
    try {
      this.vocab.get();
      this.backfillLingua();
    } catch {
      /* database not migrated yet or closed: the first search loads it */
    }
  }

  /**
   * Documents written before migration 0011 have no lingua (stems, compound parts) yet: fill it in small batches
   * between requests (one short write transaction each, the event loop stays free), so an existing installation
   * gets the linguistics without a manual reindex. Returns the number of documents filled (tests await it).
   */
  backfillLingua(batch = 500): Promise<number> {
    const db = this.sqlite;
    // Once a pass has gone through every document, nothing is left to fill: every later write computes lingua itself
    // (upsertSearchDocs), and reindexAll recomputes it. The flag (a search_meta row, no migration) spares the next
    // starts a scan of search_documents (lingua has no index) and documents without words the same work each time.
    try {
      if (db.prepare("SELECT 1 FROM search_meta WHERE k = 'lingua_backfilled'").pluck().get()) return Promise.resolve(0);
    } catch {
      return Promise.resolve(0); // not migrated yet
    }
    const lex = lexiconFor(db);
    type Row = { id: string; title: string; summary: string; headings: string; kurz: string; body: string };
    const select = db.prepare("SELECT id, title, summary, headings, kurz, body FROM search_documents WHERE lingua = '' AND id > ? ORDER BY id LIMIT ?");
    const update = db.prepare("UPDATE search_documents SET lingua = ? WHERE id = ? AND lingua = ''");
    let done = 0;
    let last = "";
    return new Promise((resolveDone) => {
      const step = () => {
        try {
          const rows = select.all(last, batch) as Row[];
          if (rows.length === 0) {
            db.prepare("INSERT OR IGNORE INTO search_meta (k, v) VALUES ('lingua_backfilled', 1)").run();
            return resolveDone(done);
          }
          const texts = (r: Row) => [r.title, r.summary, r.headings, r.kurz, r.body];
          for (const r of rows) for (const t of texts(r)) for (const w of lexiconWords(t)) lex.stems.add(stemDe(w));
          db.transaction(() => {
            for (const r of rows) {
              const l = linguaText(texts(r), lex);
              if (l) done += update.run(l, r.id).changes;
            }
          })();
          last = rows[rows.length - 1].id;
          setImmediate(step);
        } catch {
          resolveDone(done); // closed or busy: the next start continues
        }
      };
      step();
    });
  }

  async ready() {
    try {
      this.sqlite.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH 'bereit' LIMIT 1").all();
      this.sqlite.prepare("SELECT rid FROM search_fts_keys LIMIT 1").all();
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
