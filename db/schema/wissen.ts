import { integer, sqliteTable, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt, jsonList } from "./common";
import { users } from "./auth";
import { ARTICLE_STATUS, ARTICLE_TYPES, keysOf } from "~/utils/taxonomy";

/** A chart of a fakten article (front-matter key `diagramm`, German keys as in the file). */
export type ArticleChart = {
  titel: string;
  einheit?: string;
  quelle?: string;
  kategorien: string[];
  reihen: { name: string; werte: number[] }[];
};
export type ArticleHeading = { id: string; text: string; depth: number };

/**
 * Knowledge base articles (Wissen). `body` is the raw Markdown, `html` the sanitized HTML rendered once on
 * write. Import bookkeeping: `sourceHash` is the SHA-256 of the file last imported; `editedOnWebAt` is set by
 * every web edit and cleared by an import, so the importer can refuse to overwrite web edits (conflict).
 */
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    type: text("type", { enum: keysOf(ARTICLE_TYPES) }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    html: text("html").notNull().default(""),
    headings: text("headings", { mode: "json" }).$type<ArticleHeading[]>().notNull().default([]),
    handlungsfelder: jsonList("handlungsfelder"),
    ebenen: jsonList("ebenen"),
    staedte: jsonList("staedte"),
    quellen: jsonList("quellen"),
    zielgruppen: jsonList("zielgruppen"),
    station: text("station"),
    chart: text("chart", { mode: "json" }).$type<ArticleChart | null>(),
    stand: text("stand").notNull(), // ISO date
    pruefenBis: text("pruefen_bis"), // ISO date or null
    status: text("status", { enum: keysOf(ARTICLE_STATUS) }).notNull().default("entwurf"),
    version: integer("version").notNull().default(1),
    missingLinks: jsonList("missing_links"),
    sourceHash: text("source_hash"),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
    editedOnWebAt: integer("edited_on_web_at", { mode: "timestamp_ms" }),
    // Owner (`verantwortlich`) and deputy (`vertretung`): Redaktion users; NULL owner = the Redaktion team.
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    deputyId: text("deputy_id").references(() => users.id, { onDelete: "set null" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedById: text("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("articles_type_idx").on(t.type),
    index("articles_status_idx").on(t.status),
    index("articles_pruefen_idx").on(t.pruefenBis),
    index("articles_owner_idx").on(t.ownerId),
  ],
);

/** A member's proposed change to an article ("Änderung vorschlagen"); Redaktion accepts or rejects it. */
export const articleSuggestions = sqliteTable(
  "article_suggestions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    baseVersion: integer("base_version").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    comment: text("comment").notNull(),
    status: text("status", { enum: ["offen", "angenommen", "abgelehnt"] }).notNull().default("offen"),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note").notNull().default(""),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("article_suggestions_status_idx").on(t.status), index("article_suggestions_article_idx").on(t.articleId)],
);

/**
 * Review reminders already sent (app/models/review.server.ts): at most one per entry, threshold and
 * `pruefen_bis` value, so a daily run never repeats one and a new review date starts a new cycle.
 * `entityType` is "article" or "programme" (no foreign key: one table for both).
 */
export const reviewReminders = sqliteTable(
  "review_reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // "guide": an Ankommen translation is older than its German version (entity = the German guide's id,
    // pruefen_bis = the German stand the reminder is about), threshold "veraltet".
    entityType: text("entity_type", { enum: ["article", "programme", "guide"] }).notNull(),
    entityId: integer("entity_id").notNull(),
    threshold: text("threshold", { enum: ["vorab", "ueberfaellig", "veraltet"] }).notNull(),
    pruefenBis: text("pruefen_bis").notNull(),
    recipients: integer("recipients").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("review_reminders_once_idx").on(t.entityType, t.entityId, t.threshold, t.pruefenBis)],
);
