import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";
import { users } from "./auth";

/**
 * Revision history shared by articles, funding programmes and projects: who, when, why, and the full
 * body plus metadata (a snapshot), so any revision can be shown, diffed and restored.
 */
export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entityType: text("entity_type", { enum: ["article", "programme", "project", "anlaufstelle", "ziel"] }).notNull(),
    entityId: integer("entity_id").notNull(),
    version: integer("version").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    source: text("source", { enum: ["web", "import", "restore", "suggestion"] }).notNull().default("web"),
    reason: text("reason").notNull().default(""),
    body: text("body").notNull().default(""),
    meta: text("meta", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("revisions_entity_idx").on(t.entityType, t.entityId, t.version)],
);
