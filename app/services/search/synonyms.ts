// Synonym and abbreviation groups (table search_synonyms, maintained at /verwaltung/synonyme) as the engines use
// them: folded token lists per term and a lookup from every term to the other terms of its groups. Pure module.
import { STOPWORDS, tokens } from "./fold";

/** One entry of a group as the engines see it: its folded tokens ("ESF Plus" → ["esf", "plus"]). */
export type SynonymTerm = string[];

/** folded key (the tokens joined by a space) → the other terms of every group the key belongs to. */
export type SynonymMap = Map<string, SynonymTerm[]>;

/** Normalises what the Redaktion typed: trimmed, distinct (folded), at least one letter or digit each. */
export function cleanSynonymTerms(raw: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const t = r.replace(/\s+/g, " ").trim();
    const key = tokens(t).join(" ");
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

export function buildSynonymMap(groups: string[][]): SynonymMap {
  const map: SynonymMap = new Map();
  for (const g of groups) {
    const terms = g.map((t) => tokens(t)).filter((t) => t.length > 0);
    for (const a of terms) {
      const key = a.join(" ");
      const list = map.get(key) ?? [];
      for (const b of terms) {
        const bk = b.join(" ");
        if (bk !== key && !list.some((x) => x.join(" ") === bk)) list.push(b);
      }
      map.set(key, list);
    }
  }
  return map;
}

/** The content words of a synonym term (stop words left out), as queryTerms() would give them. */
export const contentTokens = (t: SynonymTerm) => t.filter((w) => !STOPWORDS.has(w));

/**
 * Splits the query terms into units: single terms, and runs of terms that spell a multi-word synonym entry
 * ("bildung teilhabe" for "Bildung und Teilhabe"). Each unit carries the alternatives of its group(s).
 */
export function synonymUnits(terms: string[], map: SynonymMap): { terms: string[]; phrase?: SynonymTerm; alts: SynonymTerm[] }[] {
  const multi: { content: string[]; term: SynonymTerm }[] = [];
  for (const key of map.keys()) {
    const term = key.split(" ");
    const content = contentTokens(term);
    if (content.length > 1) multi.push({ content, term });
  }
  multi.sort((a, b) => b.content.length - a.content.length);
  const units: { terms: string[]; phrase?: SynonymTerm; alts: SynonymTerm[] }[] = [];
  for (let i = 0; i < terms.length; ) {
    const m = multi.find((x) => x.content.every((w, k) => terms[i + k] === w));
    if (m) {
      units.push({ terms: m.content, phrase: m.term, alts: map.get(m.term.join(" ")) ?? [] });
      i += m.content.length;
    } else {
      units.push({ terms: [terms[i]], alts: map.get(terms[i]) ?? [] });
      i++;
    }
  }
  return units;
}

// ---- the Redaktion's form (/verwaltung/synonyme) ----

export const SYNONYM_LIMITS = { terms: 20, term: 100, field: 2_000, note: 300 } as const;

/** One term per line (also "," or ";"): "KV\nKrankenversicherung" → ["KV", "Krankenversicherung"]. */
export const splitSynonymTerms = (raw: string) => raw.split(/[\n;,]+/).map((t) => t.trim()).filter(Boolean);

/** German error for the terms field, or null when the group is valid. */
export function synonymTermsProblem(terms: string[]): string | null {
  if (terms.some((t) => t.length > SYNONYM_LIMITS.term)) return `Jeder Begriff darf höchstens ${SYNONYM_LIMITS.term} Zeichen haben.`;
  if (terms.some((t) => tokens(t).length === 0)) return "Jeder Begriff braucht mindestens einen Buchstaben oder eine Ziffer.";
  const clean = cleanSynonymTerms(terms);
  if (clean.length < 2) return "Bitte geben Sie mindestens zwei verschiedene Begriffe ein, je einen pro Zeile.";
  if (clean.length > SYNONYM_LIMITS.terms) return `Eine Gruppe hat höchstens ${SYNONYM_LIMITS.terms} Begriffe.`;
  return null;
}
