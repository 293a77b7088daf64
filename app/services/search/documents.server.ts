// The write side of search, used by every feature inside its own transaction:
//   upsertSearchDocs(tx, [doc]) when a record becomes readable or changes,
//   removeSearchDocs(tx, [id]) when it is deleted, unpublished or hidden.
// Only records someone may read belong here (no drafts, no hidden posts); `visibility` says who.
import type Database from "better-sqlite3";
import { inArray } from "drizzle-orm";
import { searchDocuments, searchOutbox } from "../../../db/schema/index";
import type { Executor } from "../db.server";
import { lexiconFor, notePendingWords, sqliteOf } from "./lexicon.server";
import { linguaText, stemDe } from "./lingua";
import { STOPWORDS, tokens } from "./fold";

export type SearchTyp = "wissen" | "foerderung" | "forum" | "projekt" | "stadt" | "ankommen" | "dokument" | "forderung";

export type SearchDoc = {
  id: string;
  typ: SearchTyp;
  slug: string;
  url: string;
  title: string;
  summary?: string;
  headings?: string;
  body?: string;
  kurz?: string;
  subtype?: string;
  handlungsfelder?: string[];
  ebenen?: string[];
  staedte?: string[];
  status?: string;
  visibility: "public" | "members";
  updatedAt?: Date;
};

const externalEngine = () => !!process.env.MEILI_HOST;

const textsOf = (d: SearchDoc) => [d.title, d.summary ?? "", d.headings ?? "", d.kurz ?? "", d.body ?? ""];

export function upsertSearchDocs(db: Executor, docs: SearchDoc[]) {
  // The batch's own words join the lexicon first, so compounds split against parts the same batch brings along.
  const sqlite = sqliteOf(db);
  const lex = lexiconFor(sqlite);
  const words = new Set<string>();
  for (const d of docs) for (const t of textsOf(d)) for (const w of tokens(t)) words.add(w);
  for (const w of words) if (w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w)) lex.stems.add(stemDe(w));
  notePendingWords(sqlite, words);
  const upsert = upsertStatement(sqlite);
  for (const d of docs) {
    upsert.run(
      d.id, d.typ, d.slug, d.url, d.title, d.summary ?? "", d.headings ?? "", d.body ?? "", d.kurz ?? "", d.subtype ?? "",
      JSON.stringify(d.handlungsfelder ?? []), JSON.stringify(d.ebenen ?? []), JSON.stringify(d.staedte ?? []), d.status ?? "", d.visibility,
      (d.updatedAt ?? new Date()).getTime(), linguaText(textsOf(d), lex),
    );
    if (externalEngine()) db.insert(searchOutbox).values({ docId: d.id, op: "upsert" }).run();
  }
}

const COLS = ["id", "typ", "slug", "url", "title", "summary", "headings", "body", "kurz", "subtype", "handlungsfelder", "ebenen", "staedte", "status", "visibility", "updated_at", "lingua"];
const upserts = new WeakMap<object, Database.Statement>();
/**
 * One prepared upsert per connection (drizzle's builder prepared the statement anew for every document – a third
 * of the indexing time at 100,000 documents). Same columns and conflict rule as the schema (db/schema/search.ts).
 */
function upsertStatement(sqlite: Database.Database): Database.Statement {
  let st = upserts.get(sqlite);
  if (!st) {
    st = sqlite.prepare(
      `INSERT INTO search_documents (${COLS.join(", ")}) VALUES (${COLS.map(() => "?").join(", ")})
       ON CONFLICT(id) DO UPDATE SET ${COLS.filter((c) => c !== "id").map((c) => `${c} = excluded.${c}`).join(", ")}`,
    );
    upserts.set(sqlite, st);
  }
  return st;
}

export function removeSearchDocs(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    db.delete(searchDocuments).where(inArray(searchDocuments.id, chunk)).run();
    if (externalEngine()) for (const id of chunk) db.insert(searchOutbox).values({ docId: id, op: "delete" }).run();
  }
}
