// Exchange about projects (issue 19): programme ratings after a project ends, the project's forum discussion,
// and other cities' "Interesse an Zusammenarbeit".
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { users } from "./auth";
import { cities } from "./cities";
import { projects } from "./projekte";
import { forumTopics } from "./forum";

/**
 * One rating per project and programme (a second submit edits it). `authorId` is personal data: the DSGVO
 * erasure sets it to NULL and keeps the anonymous rating. `cityId` is the rating city (shown with the year only
 * in the aggregate, which needs ratings of at least 3 projects from 3 cities).
 */
export const programmeRatings = sqliteTable(
  "programme_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    programmeSlug: text("programme_slug").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }),
    /** 1 (gering) … 5 (sehr hoch) */
    effortApplication: integer("effort_application").notNull(),
    effortProof: integer("effort_proof").notNull(),
    /** months from application to decision */
    decisionMonths: integer("decision_months").notNull(),
    wouldUseAgain: integer("would_use_again", { mode: "boolean" }).notNull(),
    text: text("text").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("programme_ratings_project_programme_idx").on(t.projectId, t.programmeSlug), index("programme_ratings_programme_idx").on(t.programmeSlug)],
);

/** The forum topic of a project, created on first use (one per project). */
export const projectDiscussions = sqliteTable("project_discussions", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  topicId: integer("topic_id")
    .notNull()
    .unique()
    .references(() => forumTopics.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/**
 * "Interesse an Zusammenarbeit": one row per project and city. Withdrawing sets `withdrawnAt`; pressing again
 * clears it without notifying the lead a second time (`notifiedAt` stays). `userId` is personal data.
 */
export const projectInterest = sqliteTable(
  "project_interest",
  {
    projectId: integer("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    notifiedAt: integer("notified_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.cityId] })],
);
