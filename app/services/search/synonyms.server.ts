// Reads the synonym groups for the engines. The cache is keyed by the database's data version (db/data-version.ts),
// which every write to search_synonyms bumps in its transaction, in whichever process: a group saved in the
// administration works on the next search, in every process, without a restart. One indexed read per search.
import type Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { searchSynonyms } from "../../../db/schema/index";
import { dataVersionReader } from "../../../db/data-version";
import type { Executor } from "../db.server";
import { audit } from "../audit.server";
import { buildSynonymMap, cleanSynonymTerms, type SynonymMap } from "./synonyms";

type Entry = { version: number; map: SynonymMap; groups: string[][] };
const cache = new WeakMap<object, { read: () => number; entry?: Entry }>();

export function synonymGroups(sqlite: Database.Database): { map: SynonymMap; groups: string[][] } {
  let slot = cache.get(sqlite);
  let version: number;
  try {
    if (!slot) cache.set(sqlite, (slot = { read: dataVersionReader(sqlite) }));
    version = slot.read();
  } catch {
    return { map: new Map(), groups: [] }; // not migrated yet
  }
  if (slot.entry && slot.entry.version === version) return slot.entry;
  const rows = sqlite.prepare("SELECT terms FROM search_synonyms ORDER BY id").pluck().all() as string[];
  const groups = rows.map((r) => {
    try {
      const v = JSON.parse(r) as unknown;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
    } catch {
      return [];
    }
  });
  slot.entry = { version, map: buildSynonymMap(groups), groups };
  return slot.entry;
}

// ---- maintenance by the Redaktion (/verwaltung/synonyme) ----


export type SynonymRow = { id: number; terms: string[]; note: string };

export function listSynonyms(db: Executor): SynonymRow[] {
  return db.select({ id: searchSynonyms.id, terms: searchSynonyms.terms, note: searchSynonyms.note }).from(searchSynonyms).orderBy(asc(searchSynonyms.id)).all();
}

export function getSynonym(db: Executor, id: number): SynonymRow | undefined {
  return db.select({ id: searchSynonyms.id, terms: searchSynonyms.terms, note: searchSynonyms.note }).from(searchSynonyms).where(eq(searchSynonyms.id, id)).get();
}

/** The group of a route's `:id`, or a German 404 (the edit and the delete page). */
export function requireSynonym(db: Executor, idParam: string | undefined): SynonymRow {
  const id = Number(idParam);
  const g = Number.isInteger(id) && id > 0 ? getSynonym(db, id) : undefined;
  if (!g) throw new Response("Synonymgruppe nicht gefunden", { status: 404 });
  return g;
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
