// The write side of search, used by every feature inside its own transaction:
//   upsertSearchDocs(tx, [doc]) when a record becomes readable or changes,
//   removeSearchDocs(tx, [id]) when it is deleted, unpublished or hidden.
// Only records someone may read belong here (no drafts, no hidden posts); `visibility` says who.
import { inArray, sql } from "drizzle-orm";
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
  for (const d of docs) {
    const row = {
      id: d.id,
      typ: d.typ,
      slug: d.slug,
      url: d.url,
      title: d.title,
      summary: d.summary ?? "",
      headings: d.headings ?? "",
      body: d.body ?? "",
      kurz: d.kurz ?? "",
      subtype: d.subtype ?? "",
      handlungsfelder: d.handlungsfelder ?? [],
      ebenen: d.ebenen ?? [],
      staedte: d.staedte ?? [],
      status: d.status ?? "",
      visibility: d.visibility,
      updatedAt: d.updatedAt ?? new Date(),
      lingua: linguaText(textsOf(d), lex),
    };
    db.insert(searchDocuments)
      .values(row)
      .onConflictDoUpdate({ target: searchDocuments.id, set: { ...row, id: sql`excluded.id` } })
      .run();
    if (externalEngine()) db.insert(searchOutbox).values({ docId: d.id, op: "upsert" }).run();
  }
}

export function removeSearchDocs(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    db.delete(searchDocuments).where(inArray(searchDocuments.id, chunk)).run();
    if (externalEngine()) for (const id of chunk) db.insert(searchOutbox).values({ docId: id, op: "delete" }).run();
  }
}
