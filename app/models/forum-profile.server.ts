// Small member profiles (`/mitglieder/:handle`, the target of mention links): name, city, role and the recent
// posts the viewer may read. Never an e-mail address. Guests see author names on public topics, so a guest
// sees the profile too, with public posts only (the same rule as the topic pages).
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { cities, forumCategories, forumPosts, forumTopics, users } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { markdownToText } from "~/services/markdown.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { ROLES } from "~/utils/taxonomy";
import { handleOf, membersByHandle, postUrl } from "./forum.server";

export const PROFILE_POSTS = 10;

export type MemberProfile = {
  handle: string;
  name: string;
  cityName: string | null;
  roleLabel: string;
  posts: { url: string; topicTitle: string; postNumber: number; excerpt: string; createdAt: Date }[];
};

export function getMemberProfile(db: Executor, handle: string, viewer: Viewer): MemberProfile | null {
  if (!/^[a-z0-9][a-z0-9-]{1,80}[a-z0-9]$/.test(handle)) return null;
  const member = membersByHandle(db).get(handle);
  if (!member) return null;
  const u = db
    .select({ name: users.name, role: users.role, cityName: cities.name })
    .from(users)
    .leftJoin(cities, eq(cities.id, users.cityId))
    .where(eq(users.id, member.id))
    .get();
  if (!u) return null;
  const rows = db
    .select({
      raw: forumPosts.raw,
      postNumber: forumPosts.postNumber,
      createdAt: forumPosts.createdAt,
      topicId: forumTopics.id,
      topicTitle: forumTopics.title,
      categorySlug: forumCategories.slug,
    })
    .from(forumPosts)
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(
      and(
        eq(forumPosts.authorId, member.id),
        isNull(forumPosts.deletedAt),
        isNull(forumPosts.hiddenAt),
        inArray(forumCategories.visibility, visibilityFor(viewer)),
      ),
    )
    .orderBy(desc(forumPosts.createdAt), desc(forumPosts.id))
    .limit(PROFILE_POSTS)
    .all();
  // A guest sees a member's name only where it is already public (as the author of a public post): a profile
  // without one would tell anybody who is a member.
  if (!viewer && rows.length === 0) return null;
  return {
    handle,
    name: u.name,
    cityName: u.cityName,
    roleLabel: ROLES[u.role],
    posts: rows.map((r) => {
      const text = markdownToText(r.raw);
      return {
        url: postUrl(r.categorySlug, r.topicId, r.postNumber),
        topicTitle: r.topicTitle,
        postNumber: r.postNumber,
        excerpt: text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text,
        createdAt: r.createdAt,
      };
    }),
  };
}

export const MENTION_SUGGESTIONS = 8;

/**
 * Members for the composer's @mention autocomplete: handle, name and city only, at most 8. `q` is what follows
 * the "@" (folded like a handle: "Mü" finds "mueller-…"); handles that start with it come first, then those with
 * a later word that starts with it. Deleted and disabled accounts are never offered.
 */
export function suggestMembers(db: Executor, q: string, limit = MENTION_SUGGESTIONS) {
  const needle = handleOf(q.slice(0, 80));
  const rows = db
    .select({ name: users.name, cityName: cities.name })
    .from(users)
    .leftJoin(cities, eq(cities.id, users.cityId))
    .where(and(isNull(users.deletedAt), isNull(users.disabledAt)))
    .all();
  const seen = new Set<string>();
  const ranked: { handle: string; name: string; city: string | null; rank: number }[] = [];
  for (const r of rows) {
    const handle = handleOf(r.name);
    if (!handle || seen.has(handle)) continue;
    seen.add(handle);
    const rank = !needle || handle.startsWith(needle) ? 0 : handle.includes(`-${needle}`) ? 1 : -1;
    if (rank >= 0) ranked.push({ handle, name: r.name, city: r.cityName, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "de"))
    .slice(0, Math.min(limit, MENTION_SUGGESTIONS))
    .map(({ handle, name, city }) => ({ handle, name, city }));
}
