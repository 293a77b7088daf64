// Forum (Fachforum) with the Clearingstelle workflow, after Discourse's data model: posts keep `raw` and the
// sanitized `cooked` HTML, are numbered per topic and soft-deleted; read state lives in its own per-user table.
import { integer, primaryKey, sqliteTable, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, updatedAt, jsonList } from "./common";
import { users } from "./auth";
import { cities } from "./cities";

export const CLEARING_STATUS = ["offen", "an-clearingstelle", "in-klaerung", "geklaert", "abgelehnt"] as const;
export type ClearingStatus = (typeof CLEARING_STATUS)[number];
export const SUBSCRIPTION_LEVELS = ["watch", "follow", "mute"] as const;
export type SubscriptionLevel = (typeof SUBSCRIPTION_LEVELS)[number];

export const forumCategories = sqliteTable("forum_categories", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  handlungsfeld: text("handlungsfeld"), // slug from taxonomy, null for Clearingstelle/Allgemeines
  isClearing: integer("is_clearing", { mode: "boolean" }).notNull().default(false),
  visibility: text("visibility", { enum: ["public", "members"] }).notNull().default("public"),
  sort: integer("sort").notNull().default(0),
  createdAt: createdAt(),
});

export const forumTopics = sqliteTable(
  "forum_topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    categoryId: integer("category_id").notNull().references(() => forumCategories.id),
    title: text("title").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    cityId: integer("city_id").references(() => cities.id, { onDelete: "set null" }), // asking city (owner for the Clearingstelle)
    handlungsfelder: jsonList("handlungsfelder"),
    staedte: jsonList("staedte"), // city slugs the topic is about
    clearingStatus: text("clearing_status", { enum: CLEARING_STATUS }).notNull().default("offen"),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: text("due_date"), // ISO date
    clearingReason: text("clearing_reason"), // answer summary / reason for geklärt / abgelehnt
    faqSlug: text("faq_slug"),
    acceptedPostNumber: integer("accepted_post_number"),
    lockedAt: integer("locked_at", { mode: "timestamp_ms" }),
    postCount: integer("post_count").notNull().default(0), // visible posts (not deleted, not hidden)
    lastPostNumber: integer("last_post_number").notNull().default(0),
    lastPostAt: integer("last_post_at", { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("forum_topics_category_idx").on(t.categoryId, t.lastPostAt),
    index("forum_topics_clearing_idx").on(t.clearingStatus),
    index("forum_topics_author_idx").on(t.authorId),
  ],
);

export const forumPosts = sqliteTable(
  "forum_posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id").notNull().references(() => forumTopics.id, { onDelete: "cascade" }),
    postNumber: integer("post_number").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    raw: text("raw").notNull(),
    cooked: text("cooked").notNull(),
    /** link previews of /wissen and /foerderung links, computed on write: [{url,title,summary}] */
    previews: text("previews", { mode: "json" }).$type<{ url: string; title: string; summary: string }[]>().notNull().default(sql`'[]'`),
    replyToPostNumber: integer("reply_to_post_number"),
    version: integer("version").notNull().default(1),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("forum_posts_topic_number_idx").on(t.topicId, t.postNumber), index("forum_posts_author_idx").on(t.authorId)],
);

export const forumPostRevisions = sqliteTable(
  "forum_post_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => forumPosts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(), // the version this raw text had
    raw: text("raw").notNull(),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("forum_post_revisions_post_idx").on(t.postId)],
);

export const forumTopicReads = sqliteTable(
  "forum_topic_reads",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    topicId: integer("topic_id").notNull().references(() => forumTopics.id, { onDelete: "cascade" }),
    lastReadPostNumber: integer("last_read_post_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);

/** watch: every new post; follow: status changes and new topics (category); mute: nothing except mentions. */
export const forumSubscriptions = sqliteTable(
  "forum_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    categoryId: integer("category_id").references(() => forumCategories.id, { onDelete: "cascade" }),
    topicId: integer("topic_id").references(() => forumTopics.id, { onDelete: "cascade" }),
    level: text("level", { enum: SUBSCRIPTION_LEVELS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("forum_subscriptions_topic_idx").on(t.topicId, t.userId),
    uniqueIndex("forum_subscriptions_category_idx").on(t.categoryId, t.userId),
    index("forum_subscriptions_user_idx").on(t.userId),
  ],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // antwort, erwaehnung, neues-thema, clearing, loesung
    topicId: integer("topic_id").references(() => forumTopics.id, { onDelete: "cascade" }),
    postNumber: integer("post_number"),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    url: text("url").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    /** pending: waits for the daily digest; sent: e-mailed; none: no e-mail (preference "nie") */
    mailState: text("mail_state", { enum: ["pending", "sent", "none"] }).notNull().default("none"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt), index("notifications_mail_idx").on(t.mailState)],
);

export const forumFlags = sqliteTable(
  "forum_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull().references(() => forumPosts.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["offen", "erledigt"] }).notNull().default("offen"),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("forum_flags_status_idx").on(t.status)],
);

/** Status history of the Clearingstelle workflow. */
export const clearingEvents = sqliteTable(
  "clearing_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id").notNull().references(() => forumTopics.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("clearing_events_topic_idx").on(t.topicId)],
);

/** "Betrifft uns auch": one mark per city and topic. */
export const topicConcerns = sqliteTable(
  "topic_concerns",
  {
    topicId: integer("topic_id").notNull().references(() => forumTopics.id, { onDelete: "cascade" }),
    cityId: integer("city_id").notNull().references(() => cities.id, { onDelete: "restrict" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.cityId] })],
);

export const moderationNotes = sqliteTable(
  "moderation_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id").references(() => forumTopics.id, { onDelete: "cascade" }),
    postId: integer("post_id").references(() => forumPosts.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("moderation_notes_topic_idx").on(t.topicId)],
);

/** Bookmarks on posts ("Lesezeichen"): personal data (DSGVO export and erasure), private for the page cache. */
export const forumBookmarks = sqliteTable(
  "forum_bookmarks",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    postId: integer("post_id").notNull().references(() => forumPosts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postId] }), index("forum_bookmarks_user_idx").on(t.userId, t.createdAt)],
);
