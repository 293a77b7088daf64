// German text handling shared by every search engine (pure module, no I/O):
// folding (case, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics stripped), tokenising, stop words,
// edit distance for typo tolerance, and plain-text snippets with <mark> (everything else escaped).

const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ẞ: "ss", Ä: "ae", Ö: "oe", Ü: "ue" };

/** Fold one piece of text the same way the index does (see db/migrations/*_fts.sql): lower case, umlauts spelled out. */
const ASCII = /^[\x00-\x7f]*$/;

export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase(); // fast path: most words need no Unicode work
  return text
    .normalize("NFC")
    .replace(/[äöüßẞÄÖÜ]/g, (c) => UMLAUTS[c])
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded word tokens, in order (the same split as FTS5 unicode61: runs of letters and digits). */
export function tokens(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** The word as the user typed it for a folded query term ("krankenversicherung" → "Krankenversicherung"), else the term. */
export function originalWord(q: string, term: string): string {
  for (const w of q.slice(0, 2000).match(WORD) ?? []) if (fold(w) === term) return w;
  return term;
}

/** A folded suggestion in the user's capitalisation: upper-case first letter when the typed word had one. */
export function likeTyped(typed: string, folded: string): string {
  return /^\p{Lu}/u.test(typed) ? folded.charAt(0).toUpperCase() + folded.slice(1) : folded;
}

/** Frequent German function words that carry no meaning in a search (folded spelling). */
export const STOPWORDS = new Set(
  (
    "der die das den dem des ein eine einer eines einem einen und oder aber als am an auf aus bei bis durch fuer gegen " +
    "im in ins mit nach ohne seit ueber um unter von vor zu zum zur ist sind war waren wird werden wurde kann koennen " +
    "muss muessen soll sollen darf duerfen will wollen ich du er sie es wir ihr man mich mir uns euch sich wie was wer " +
    "wo wann warum welche welcher welches gibt es auch noch nur nicht kein keine so dass ob wenn denn doch hat haben " +
    "sein bin bist meine mein unsere unser ihre dies diese dieser dieses gut sehr mehr viel viele etwa " +
    // fillers of questions ("Was können wir tun, wenn …?", "… wenn man Bürgergeld bekommt?")
    "tun finden wurden worden kriegt kriegen passiert ihren ihrem ihrer"
  ).split(" "),
);

/** The meaningful query words (folded, stop words removed unless nothing else is left), at most `max` of them. */
export function queryTerms(q: string, max = 10): string[] {
  const all = tokens(q.slice(0, 2000));
  const seen = new Set<string>();
  const unique = all.filter((t) => (seen.has(t) ? false : (seen.add(t), true)));
  const meaningful = unique.filter((t) => !STOPWORDS.has(t));
  return (meaningful.length > 0 ? meaningful : unique).slice(0, max);
}

/** Optimal string alignment distance (Levenshtein + adjacent transposition), stops early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = Array.from({ length: m + 1 }, () => 0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = Array.from({ length: m + 1 }, () => 0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** Typo tolerance: one edit for words of five letters or more, none below. */
export const typoBudget = (term: string) => (term.length >= 5 ? 1 : 0);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** How a folded word of the document relates to the query: used to mark words in snippets. */
export type Matcher = (foldedWord: string) => boolean;

/** Matches a folded word against query terms (prefix), their expansions (exact) and compound parts (substring). */
export function makeMatcher(terms: string[], expansions: string[] = []): Matcher {
  const exact = new Set(expansions);
  return (w) => {
    if (exact.has(w)) return true;
    for (const t of terms) {
      if (w.startsWith(t)) return true;
      if (t.length >= 5 && w.includes(t)) return true;
    }
    return false;
  };
}

/**
 * A snippet of about `words` words around the densest cluster of matches in `text`, as plain text
 * in which only <mark>…</mark> is markup; all other characters are HTML-escaped.
 */
export function makeSnippet(text: string, match: Matcher, words = 28): string {
  const src = text.replace(/\s+/g, " ").trim();
  if (!src) return "";
  const spans: { start: number; end: number; hit: boolean }[] = [];
  const seen = new Map<string, boolean>(); // words repeat: fold and match each distinct one once
  for (const m of src.matchAll(/[\p{L}\p{N}]+/gu)) {
    let hit = seen.get(m[0]);
    if (hit === undefined) seen.set(m[0], (hit = match(fold(m[0]))));
    spans.push({ start: m.index!, end: m.index! + m[0].length, hit });
  }
  if (spans.length === 0) return escapeHtml(src.slice(0, 200));
  // Best window: most matched words; ties → earliest.
  let best = 0;
  let bestScore = -1;
  let score = 0;
  for (let i = 0; i < spans.length; i++) {
    if (spans[i].hit) score++;
    if (i >= words && spans[i - words].hit) score--;
    const startIdx = Math.max(0, i - words + 1);
    if (score > bestScore) {
      bestScore = score;
      best = startIdx;
    }
  }
  // Start a little before the first match of the window for context.
  let from = best;
  const firstHit = spans.findIndex((s, i) => i >= best && s.hit);
  if (firstHit >= 0 && firstHit - from > 6) from = firstHit - 6;
  const to = Math.min(spans.length, from + words);
  const startChar = from === 0 ? 0 : spans[from].start;
  const endChar = to >= spans.length ? src.length : spans[to - 1].end;
  let out = startChar > 0 ? "… " : "";
  let pos = startChar;
  for (let i = from; i < to; i++) {
    const s = spans[i];
    if (!s.hit) continue;
    out += escapeHtml(src.slice(pos, s.start)) + "<mark>" + escapeHtml(src.slice(s.start, s.end)) + "</mark>";
    pos = s.end;
  }
  out += escapeHtml(src.slice(pos, endChar));
  if (endChar < src.length) out += " …";
  return out;
}

/** Splits a snippet into text and marked parts (for rendering as React text nodes, never as HTML). */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const parts: { text: string; mark: boolean }[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index! > last) parts.push({ text: unescape(snippet.slice(last, m.index)), mark: false });
    parts.push({ text: unescape(m[1]), mark: true });
    last = m.index! + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescape(snippet.slice(last)), mark: false });
  return parts;
}
