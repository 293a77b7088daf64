import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt, jsonList, updatedAt } from "./common";

/**
 * The one document store every search engine reads from. Features write their searchable records here
 * (app/services/search/documents.server.ts) inside the same transaction as the record itself; the FTS5
 * tables follow through triggers, Meilisearch through search_outbox.
 */
export const searchDocuments = sqliteTable(
  "search_documents",
  {
    id: text("id").primaryKey(), // `${typ}:${key}`, e.g. "wissen:task-force-problemimmobilien", "forum:post:123"
    typ: text("typ", { enum: ["wissen", "foerderung", "forum", "projekt", "stadt", "ankommen", "dokument", "forderung"] }).notNull(),
    slug: text("slug").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    headings: text("headings").notNull().default(""),
    body: text("body").notNull().default(""),
    kurz: text("kurz").notNull().default(""),
    subtype: text("subtype").notNull().default(""), // e.g. article type "praxis", programme fund "esf"
    handlungsfelder: jsonList("handlungsfelder"),
    ebenen: jsonList("ebenen"),
    staedte: jsonList("staedte"),
    status: text("status").notNull().default(""),
    visibility: text("visibility", { enum: ["public", "members"] }).notNull().default("public"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    // German linguistics computed in JS at upsert time (app/services/search/lingua.ts): stems of every word and of
    // compound parts, each with the marker "0"; the FTS triggers copy it into the search_fts column `lx`.
    lingua: text("lingua").notNull().default(""),
  },
  (t) => [index("search_documents_typ_idx").on(t.typ), index("search_documents_visibility_idx").on(t.visibility)],
);

/** Transactional outbox for external engines (Meilisearch): drained by a worker with retry. */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    docId: text("doc_id").notNull(),
    op: text("op", { enum: ["upsert", "delete"] }).notNull(),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("search_outbox_pending_idx").on(t.doneAt, t.id)],
);

/**
 * Synonym and abbreviation groups maintained by the Redaktion (/verwaltung/synonyme): every term of a group finds
 * the others ("KV" ↔ "Krankenversicherung"). Used by the FTS5 query expansion and pushed to Meilisearch's synonyms.
 * Content: a change bumps the page-cache data version (db/data-version.ts).
 */
export const searchSynonyms = sqliteTable("search_synonyms", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  terms: jsonList("terms"), // as written by the Redaktion, e.g. ["KV", "Krankenversicherung"]
  note: text("note").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
