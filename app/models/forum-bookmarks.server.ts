// Bookmarks on forum posts ("Lesezeichen"), one row per user and post. Personal data: exported and erased with
// the account (dsgvo.server.ts), private for the page cache (db/data-version.ts). Lists show only posts the
// viewer may still read; a bookmark of a post that became hidden, deleted or members-only stays stored but is
// left out until it is readable again.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { forumBookmarks, forumCategories, forumPosts, forumTopics, users } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { markdownToText } from "~/services/markdown.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { FORMER_MEMBER, postUrl } from "./forum.server";

/** Sets or removes the bookmark; returns whether the post is bookmarked afterwards. */
export function setBookmark(db: Executor, userId: string, postId: number, on: boolean): boolean {
  if (on) db.insert(forumBookmarks).values({ userId, postId }).onConflictDoNothing().run();
  else db.delete(forumBookmarks).where(and(eq(forumBookmarks.userId, userId), eq(forumBookmarks.postId, postId))).run();
  return on;
}

/** Which of these posts the user has bookmarked (for the toggle buttons of one topic page). */
export function bookmarkedPostIds(db: Executor, userId: string, postIds: number[]): Set<number> {
  if (postIds.length === 0) return new Set();
  const rows = db
    .select({ postId: forumBookmarks.postId })
    .from(forumBookmarks)
    .where(and(eq(forumBookmarks.userId, userId), inArray(forumBookmarks.postId, postIds)))
    .all();
  return new Set(rows.map((r) => r.postId));
}

export type BookmarkView = { postId: number; url: string; topicTitle: string; postNumber: number; authorName: string; excerpt: string; createdAt: Date };

/** The user's bookmarks the viewer (the user) may read, newest first. */
export function listBookmarks(db: Executor, userId: string, viewer: Viewer, limit = 200): BookmarkView[] {
  return db
    .select({
      postId: forumPosts.id,
      postNumber: forumPosts.postNumber,
      raw: forumPosts.raw,
      topicId: forumTopics.id,
      topicTitle: forumTopics.title,
      categorySlug: forumCategories.slug,
      authorName: users.name,
      authorDeleted: users.deletedAt,
      createdAt: forumBookmarks.createdAt,
    })
    .from(forumBookmarks)
    .innerJoin(forumPosts, eq(forumPosts.id, forumBookmarks.postId))
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(
      and(
        eq(forumBookmarks.userId, userId),
        isNull(forumPosts.deletedAt),
        isNull(forumPosts.hiddenAt),
        inArray(forumCategories.visibility, visibilityFor(viewer)),
      ),
    )
    .orderBy(desc(forumBookmarks.createdAt), desc(forumPosts.id))
    .limit(limit)
    .all()
    .map((r) => {
      const text = markdownToText(r.raw);
      return {
        postId: r.postId,
        url: postUrl(r.categorySlug, r.topicId, r.postNumber),
        topicTitle: r.topicTitle,
        postNumber: r.postNumber,
        authorName: !r.authorName || r.authorDeleted ? FORMER_MEMBER : r.authorName,
        excerpt: text.length > 160 ? `${text.slice(0, 159).trimEnd()}…` : text,
        createdAt: r.createdAt,
      };
    });
}

/** DSGVO export: every bookmark of the user (topic, post number, when). */
export function exportBookmarks(db: Executor, userId: string) {
  return db
    .select({ topicId: forumPosts.topicId, topicTitle: forumTopics.title, postNumber: forumPosts.postNumber, createdAt: forumBookmarks.createdAt })
    .from(forumBookmarks)
    .innerJoin(forumPosts, eq(forumPosts.id, forumBookmarks.postId))
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .where(eq(forumBookmarks.userId, userId))
    .orderBy(desc(forumBookmarks.createdAt))
    .all();
}

/** DSGVO erasure: the user's bookmarks go with the account's personal data. */
export function deleteBookmarks(db: Executor, userId: string) {
  db.delete(forumBookmarks).where(eq(forumBookmarks.userId, userId)).run();
}
