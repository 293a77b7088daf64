// Reads the synonym groups for the engines. The cache is keyed by a signature of the table (row count, highest id,
// latest change), checked on every search: a group saved in the administration works on the next search, in every
// process, without a restart.
import type Database from "better-sqlite3";
import { buildSynonymMap, type SynonymMap } from "./synonyms";

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
