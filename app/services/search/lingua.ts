// German linguistics for search, the same on the index side (documents.server.ts, at upsert time) and the query side
// (fts.server.ts): Snowball German stems (@orama/stemmers) and decompounding against the corpus vocabulary.
// better-sqlite3 cannot register JS FTS5 tokenizers, so the normalised token stream is computed here and stored in
// search_documents.lingua, which the FTS triggers copy into the column `lx` of search_fts. Every token there carries
// the marker "0" ("0versicher"), so it never mixes with the exact words of the other columns (vocabulary, typos).
// Pure module (no I/O).
import { stemmer } from "@orama/stemmers/german";
import { STOPWORDS, tokens } from "./fold";

export const LX_MARK = "0";

const stemCache = new Map<string, string>();

/** Snowball German stem of a folded word ("versicherungen" → "versicher"); digits and short words stay as they are. */
export function stemDe(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (word.length < 4 || word.length > 64 || /\d/.test(word)) return word;
    s = stemmer(word);
    if (s.length < 3) s = word;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** The known word stems of a corpus: a word (or word + Fuge) is a compound part when its stem is in here. */
export type Lexicon = { has(stem: string): boolean; size: number };

const FUGEN = ["", "s", "n", "en", "es", "e", "er"];
const MIN_PART = 4;
/** Longer "words" are no German compounds (and would cost quadratic time): "x" × 2000 stays as it is. */
const MAX_COMPOUND = 48;

/** Is `part` a word of the corpus? (its own stem, or the stem without a Fuge: "kranken" → "krank") */
const knownPart = (lex: Lexicon, part: string) => part.length >= MIN_PART && (lex.has(part) || lex.has(stemDe(part)));

/**
 * Splits a folded compound into parts the corpus knows, fewest parts first, Fugen-s/-n/-en/-es/-e/-er between parts:
 * "krankenversicherung" → ["kranken", "versicherung"] (via "krank"+"en"), "wohnungsnotfallhilfe" →
 * ["wohnung", "notfall", "hilfe"]. Every part has at least four letters. null when the word is no compound.
 */
export function decompound(word: string, lex: Lexicon): string[] | null {
  if (word.length < 2 * MIN_PART || word.length > MAX_COMPOUND || /\d/.test(word)) return null;
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    const m = memo.get(i);
    if (m !== undefined) return m;
    let best: string[] | null = i > 0 && knownPart(lex, word.slice(i)) ? [word.slice(i)] : null;
    for (let j = i + MIN_PART; j <= word.length - MIN_PART; j++) {
      const head = word.slice(i, j);
      if (!knownPart(lex, head)) continue;
      for (const f of FUGEN) {
        const k = j + f.length;
        if (word.length - k < MIN_PART || (f && word.slice(j, k) !== f)) continue;
        const tail = from(k);
        if (tail && (!best || tail.length + 1 < best.length)) best = [head, ...tail];
      }
    }
    memo.set(i, best);
    return best;
  };
  const parts = from(0);
  return parts && parts.length > 1 ? parts : null;
}

const partCaches = new WeakMap<Lexicon, Map<string, { stems: string[]; size: number }>>();

/**
 * Stems of the parts of a compound, including the parts of parts ("notfallhilfe" inside a longer compound). Cached
 * per word: a split stays valid; "no split" is recomputed once the lexicon has grown by 5 % (new parts may be known).
 */
export function partStems(word: string, lex: Lexicon): string[] {
  let partCache = partCaches.get(lex);
  if (!partCache) partCaches.set(lex, (partCache = new Map()));
  const hit = partCache.get(word);
  if (hit && (hit.stems.length > 0 || lex.size <= hit.size * 1.05)) return hit.stems;
  const stems = computePartStems(word, lex);
  if (partCache.size > 300_000) partCache.clear();
  partCache.set(word, { stems, size: lex.size });
  return stems;
}

function computePartStems(word: string, lex: Lexicon): string[] {
  const parts = decompound(word, lex);
  if (!parts) return [];
  const out = new Set<string>();
  for (const p of parts) {
    out.add(stemDe(p));
    if (p.length >= 2 * MIN_PART) for (const q of decompound(p, lex) ?? []) out.add(stemDe(q));
  }
  return [...out];
}

/** The words whose stems form a document's lexicon entries (stop words and one-letter tokens left out). */
export function lexiconWords(text: string): string[] {
  return tokens(text).filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * The `lingua` token stream of one document: for every distinct content word its stem, and for compounds the stems
 * of their parts – each as LX_MARK + stem. Frequencies are kept per occurrence so bm25 still counts repetition.
 */
export function linguaText(texts: string[], lex: Lexicon): string {
  const out: string[] = [];
  const parts = new Map<string, string[]>();
  for (const text of texts) {
    for (const w of lexiconWords(text)) {
      out.push(LX_MARK + stemDe(w));
      let ps = parts.get(w);
      if (!ps) parts.set(w, (ps = w.length >= 2 * MIN_PART ? partStems(w, lex) : []));
      for (const p of ps) out.push(LX_MARK + p);
    }
  }
  return out.join(" ");
}
