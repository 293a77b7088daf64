// Entwicklungsdatenbank: projects of the alliance cities from idea to evaluation, failures included.
import { integer, primaryKey, real, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt, jsonList } from "./common";
import { cities } from "./cities";
import { users } from "./auth";
import { EBENEN, FONDS, keysOf } from "~/utils/taxonomy";

export const PROJECT_STATUS_VALUES = ["idee", "in-vorbereitung", "beantragt", "bewilligt", "laufend", "abgeschlossen", "abgebrochen"] as const;

export type Responsibility = { ebene: keyof typeof EBENEN; stelle: string };

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    status: text("status", { enum: PROJECT_STATUS_VALUES }).notNull().default("idee"),
    handlungsfelder: jsonList("handlungsfelder"),
    zielgruppen: jsonList("zielgruppen"),
    // the grid (Raster) of the paper
    problem: text("problem").notNull().default(""),
    approach: text("approach").notNull().default(""),
    worked: text("worked").notNull().default(""),
    failed: text("failed").notNull().default(""),
    failureReasons: text("failure_reasons").notNull().default(""),
    responsibilities: text("responsibilities", { mode: "json" }).$type<Responsibility[]>().notNull().default([]),
    nextSteps: text("next_steps").notNull().default(""),
    budget: real("budget"), // euros
    startDate: text("start_date"), // ISO date
    endDate: text("end_date"),
    contactRole: text("contact_role").notNull().default(""),
    visibility: text("visibility", { enum: ["public", "members"] }).notNull().default("members"),
    seeksPartners: integer("seeks_partners", { mode: "boolean" }).notNull().default(false),
    /** the user confirmed that the funding lines exceed the budget */
    overBudgetConfirmed: integer("over_budget_confirmed", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** last edit or partner update: the "last update" of lists and the 6-month check */
    lastActivityAt: integer("last_activity_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("projects_status_idx").on(t.status), index("projects_visibility_idx").on(t.visibility)],
);

export const projectCities = sqliteTable(
  "project_cities",
  {
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "restrict" }),
    role: text("role", { enum: ["lead", "partner"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.cityId] }), index("project_cities_city_idx").on(t.cityId, t.role)],
);

export const projectStatusEvents = sqliteTable(
  "project_status_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    status: text("status", { enum: PROJECT_STATUS_VALUES }).notNull(),
    date: text("date").notNull(), // ISO date the status was reached
    note: text("note").notNull().default(""),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("project_status_events_project_idx").on(t.projectId, t.date)],
);

export const projectFundingLines = sqliteTable(
  "project_funding_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    sort: integer("sort").notNull().default(0),
    programmeSlug: text("programme_slug"), // reference to /foerderung/<slug>, kept even if the programme is not (yet) in the guide
    programmeName: text("programme_name").notNull(),
    fonds: text("fonds", { enum: keysOf(FONDS) }),
    amount: real("amount").notNull().default(0),
    ownShare: real("own_share").notNull().default(0),
    cofinancing: text("cofinancing").notNull().default(""),
  },
  (t) => [index("project_funding_lines_project_idx").on(t.projectId), index("project_funding_lines_programme_idx").on(t.programmeSlug)],
);

export const projectIndicators = sqliteTable(
  "project_indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    sort: integer("sort").notNull().default(0),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    baseline: real("baseline"),
    baselineDate: text("baseline_date"),
    target: real("target"),
    targetDate: text("target_date"),
    current: real("current"),
    currentDate: text("current_date"),
    /** shared target (/ziele/<slug>) this indicator reports to; validated in the model (no FK: see db/schema/ziele.ts) */
    zielSlug: text("ziel_slug"),
  },
  (t) => [index("project_indicators_project_idx").on(t.projectId)],
);

/** Short progress notes, written by the lead or a partner city's coordinator. Plain text. */
export const projectUpdates = sqliteTable(
  "project_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("project_updates_project_idx").on(t.projectId, t.createdAt)],
);

/** Links to knowledge articles by slug (kept as plain references; shown as links when the article is indexed). */
export const projectArticles = sqliteTable(
  "project_articles",
  {
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    articleSlug: text("article_slug").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.articleSlug] })],
);
