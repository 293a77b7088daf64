// The write side of search, used by every feature inside its own transaction:
//   upsertSearchDocs(tx, [doc]) when a record becomes readable or changes,
//   removeSearchDocs(tx, [id]) when it is deleted, unpublished or hidden.
// Only records someone may read belong here (no drafts, no hidden posts); `visibility` says who.
import { inArray, sql } from "drizzle-orm";
import { searchDocuments, searchOutbox } from "../../../db/schema/index";
import type { Executor } from "../db.server";

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

export function upsertSearchDocs(db: Executor, docs: SearchDoc[]) {
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
