// Drafts of the reply composer, saved on the server per user and topic (personal data: in DSGVO export and erasure).
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./common";
import { users } from "./auth";
import { forumTopics } from "./forum";

export const forumDrafts = sqliteTable(
  "forum_drafts",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    topicId: integer("topic_id").notNull().references(() => forumTopics.id, { onDelete: "cascade" }),
    raw: text("raw").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);
