// Server-side drafts of the reply composer: one per user and topic; saving an empty text deletes it.
import { and, eq } from "drizzle-orm";
import type { Executor as DB } from "~/services/db.server";
import { forumDrafts } from "../../db/schema/index";

export function getDraft(db: DB, userId: string, topicId: number): string | null {
  return db.select({ raw: forumDrafts.raw }).from(forumDrafts).where(and(eq(forumDrafts.userId, userId), eq(forumDrafts.topicId, topicId))).get()?.raw ?? null;
}

/** Saves (upserts) the draft; an empty text removes it. The caller bounds the length. */
export function saveDraft(db: DB, userId: string, topicId: number, raw: string): void {
  if (raw.trim() === "") return deleteDraft(db, userId, topicId);
  const now = new Date();
  db.insert(forumDrafts)
    .values({ userId, topicId, raw, updatedAt: now })
    .onConflictDoUpdate({ target: [forumDrafts.userId, forumDrafts.topicId], set: { raw, updatedAt: now } })
    .run();
}

export function deleteDraft(db: DB, userId: string, topicId: number): void {
  db.delete(forumDrafts).where(and(eq(forumDrafts.userId, userId), eq(forumDrafts.topicId, topicId))).run();
}
