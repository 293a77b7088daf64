// Reads the synonym groups for the engines. The cache is keyed by a signature of the table (row count, highest id,
// latest change), checked on every search: a group saved in the administration works on the next search, in every
// process, without a restart.
import type Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { searchSynonyms } from "../../../db/schema/index";
import type { Executor } from "../db.server";
import { audit } from "../audit.server";
import { buildSynonymMap, cleanSynonymTerms, type SynonymMap } from "./synonyms";

const cache = new WeakMap<object, { sig: string; map: SynonymMap; groups: string[][] }>();

export function synonymGroups(sqlite: Database.Database): { map: SynonymMap; groups: string[][] } {
  let sig: string;
  try {
    const r = sqlite.prepare("SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at), 0) FROM search_synonyms").pluck().get() as string;
    sig = r;
  } catch {
    return { map: new Map(), groups: [] }; // not migrated yet
  }
  const hit = cache.get(sqlite);
  if (hit && hit.sig === sig) return hit;
  const rows = sqlite.prepare("SELECT terms FROM search_synonyms ORDER BY id").pluck().all() as string[];
  const groups = rows.map((r) => {
    try {
      const v = JSON.parse(r) as unknown;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
    } catch {
      return [];
    }
  });
  const entry = { sig, map: buildSynonymMap(groups), groups };
  cache.set(sqlite, entry);
  return entry;
}

// ---- maintenance by the Redaktion (/verwaltung/synonyme) ----


export type SynonymRow = { id: number; terms: string[]; note: string };

export function listSynonyms(db: Executor): SynonymRow[] {
  return db.select({ id: searchSynonyms.id, terms: searchSynonyms.terms, note: searchSynonyms.note }).from(searchSynonyms).orderBy(asc(searchSynonyms.id)).all();
}

export function getSynonym(db: Executor, id: number): SynonymRow | undefined {
  return db.select({ id: searchSynonyms.id, terms: searchSynonyms.terms, note: searchSynonyms.note }).from(searchSynonyms).where(eq(searchSynonyms.id, id)).get();
}

export function createSynonym(db: Executor, actorId: string, input: { terms: string[]; note: string }): number {
  const terms = cleanSynonymTerms(input.terms);
  const row = db.insert(searchSynonyms).values({ terms, note: input.note }).returning({ id: searchSynonyms.id }).get();
  audit(db, { actorId, action: "search.synonym.create", entityType: "search_synonym", entityId: row.id, detail: { terms } });
  return row.id;
}

export function updateSynonym(db: Executor, actorId: string, id: number, input: { terms: string[]; note: string }) {
  const terms = cleanSynonymTerms(input.terms);
  db.update(searchSynonyms).set({ terms, note: input.note, updatedAt: new Date() }).where(eq(searchSynonyms.id, id)).run();
  audit(db, { actorId, action: "search.synonym.update", entityType: "search_synonym", entityId: id, detail: { terms } });
}

export function deleteSynonym(db: Executor, actorId: string, id: number) {
  const row = getSynonym(db, id);
  if (!row) return;
  db.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).run();
  audit(db, { actorId, action: "search.synonym.delete", entityType: "search_synonym", entityId: id, detail: { terms: row.terms } });
}
