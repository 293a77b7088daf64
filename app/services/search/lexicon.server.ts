// The corpus lexicon for decompounding (lingua.ts): the stems of every word in the index, per database connection.
// Loaded once from the FTS vocabulary (the "0"-marked tokens of the column lx), then kept current by every
// upsert in this process (documents.server.ts adds the words of a batch before it splits that batch's compounds).
import type Database from "better-sqlite3";
import type { Executor } from "../db.server";
import { LX_MARK, type Lexicon } from "./lingua";

class StemLexicon implements Lexicon {
  readonly stems = new Set<string>();
  has(stem: string) {
    return this.stems.has(stem);
  }
  get size() {
    return this.stems.size;
  }
}

const lexicons = new WeakMap<object, StemLexicon>();

/** The better-sqlite3 connection behind a drizzle database or transaction. */
export function sqliteOf(db: Executor): Database.Database {
  const d = db as unknown as { $client?: Database.Database; session?: { client?: Database.Database } };
  const c = d.$client ?? d.session?.client;
  if (!c) throw new Error("no SQLite connection");
  return c;
}

export function lexiconFor(sqlite: Database.Database): StemLexicon {
  let lex = lexicons.get(sqlite);
  if (!lex) {
    lex = new StemLexicon();
    try {
      const rows = sqlite.prepare(`SELECT term FROM search_fts_vocab WHERE term >= '${LX_MARK}a' AND term < '${LX_MARK}{'`).pluck().all() as string[];
      for (const t of rows) lex.stems.add(t.slice(LX_MARK.length));
    } catch {
      /* not migrated yet: starts empty */
    }
    lexicons.set(sqlite, lex);
  }
  return lex;
}

const pendingWords = new WeakMap<object, Set<string>>();

/** Words of documents this process upserted, for the engine's vocabulary cache (fts.server.ts) to merge in. */
export function notePendingWords(sqlite: Database.Database, words: Iterable<string>) {
  let set = pendingWords.get(sqlite);
  if (!set) pendingWords.set(sqlite, (set = new Set()));
  if (set.size > 10_000) return; // a bulk load: the cache reloads from the index instead
  for (const w of words) set.add(w);
}

export function takePendingWords(sqlite: Database.Database): Set<string> | undefined {
  const set = pendingWords.get(sqlite);
  pendingWords.delete(sqlite);
  return set;
}
