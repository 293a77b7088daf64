// Attachments (issue 14): metadata in the database, the bytes content-addressed by SHA-256 in a file store
// (app/services/files/storage.server.ts). A row belongs to one parent (forum post, article, programme, project);
// the same blob may back many rows and is deleted once no row refers to it.
import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";
import { users } from "./auth";

export const ATTACHMENT_PARENTS = ["forum_post", "article", "programme", "project"] as const;
export type AttachmentParent = (typeof ATTACHMENT_PARENTS)[number];

export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sha256: text("sha256").notNull(),
    originalName: text("original_name").notNull(),
    mime: text("mime").notNull(), // sniffed, never the browser's claim
    ext: text("ext").notNull(),
    size: integer("size").notNull(),
    uploaderId: text("uploader_id").references(() => users.id, { onDelete: "set null" }),
    parentType: text("parent_type", { enum: ATTACHMENT_PARENTS }).notNull(),
    parentId: text("parent_id").notNull(), // post id, article/programme/project slug
    thumbSha256: text("thumb_sha256"), // images only
    /** text extraction for search, off the request path: offen → fertig | leer (no text, indexed by name) | fehler */
    textStatus: text("text_status", { enum: ["offen", "fertig", "leer", "fehler"] }).notNull().default("offen"),
    /** versions (articles, programmes): the row this one replaced; a replaced row gets `deletedAt` and stays as history */
    previousId: integer("previous_id"),
    createdAt: createdAt(),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("attachments_parent_idx").on(t.parentType, t.parentId), index("attachments_uploader_idx").on(t.uploaderId), index("attachments_sha_idx").on(t.sha256)],
);
