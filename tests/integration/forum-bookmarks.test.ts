// Bookmarks on posts (forum_bookmarks) on the real migrations: toggling, visibility of the list, DSGVO, page cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { forumBookmarks, forumPosts, users } from "../../db/schema/index";
import { createPost, createTopic, ensureCategories, getCategory, setPostHidden, type Actor } from "~/models/forum.server";
import { bookmarkedPostIds, listBookmarks, setBookmark } from "~/models/forum-bookmarks.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";
import { PRIVATE_TABLES } from "../../db/data-version";
import { listMyForumSubscriptions } from "~/models/forum-abos.server";
import { setSubscription } from "~/models/forum.server";

let db: DB;
let cleanup: () => void;
let mia: Actor;
let ion: Actor;
let mod: Actor;
let postIds: number[];

async function actor(role: "mitglied" | "moderation", city: string, email: string): Promise<Actor> {
  const u = db.select().from(users).where(eq(users.id, (await makeUser(db, role, city, email)).id)).get()!;
  return { id: u.id, name: u.name, role: u.role, cityId: u.cityId };
}
const postId = (topicId: number, n: number) => db.select().from(forumPosts).all().find((p) => p.topicId === topicId && p.postNumber === n)!.id;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  mia = await actor("mitglied", "dortmund", "mia.lesezeichen@test.invalid");
  ion = await actor("mitglied", "duisburg", "ion.lesezeichen@test.invalid");
  mod = await actor("moderation", "dortmund", "mod.lesezeichen@test.invalid");
  const t = createTopic(db, { category: getCategory(db, "gesundheit", mia)!, title: "Impfungen in Erstaufnahmen", raw: "Wie organisiert ihr Impftermine?", handlungsfelder: [], staedte: [] }, ion);
  createPost(db, { topicId: t, raw: "Über das Gesundheitsamt, mobil." }, ion);
  const c = createTopic(db, { category: getCategory(db, "clearingstelle", mia)!, title: "Interne Rückfrage zur Kostenübernahme", raw: "Wer trägt die Kosten?", handlungsfelder: [], staedte: [] }, ion);
  postIds = [postId(t, 1), postId(t, 2), postId(c, 1)];
});
afterAll(() => cleanup());

describe("Lesezeichen", () => {
  it("are set and removed per user and post, repeated setting is harmless", () => {
    expect(setBookmark(db, mia.id, postIds[1], true)).toBe(true);
    setBookmark(db, mia.id, postIds[1], true);
    setBookmark(db, mia.id, postIds[2], true);
    setBookmark(db, ion.id, postIds[0], true);
    expect([...bookmarkedPostIds(db, mia.id, postIds)].sort()).toEqual([postIds[1], postIds[2]].sort());
    expect([...bookmarkedPostIds(db, ion.id, postIds)]).toEqual([postIds[0]]);
    setBookmark(db, ion.id, postIds[0], false);
    expect(bookmarkedPostIds(db, ion.id, postIds).size).toBe(0);
  });

  it("list only posts that are still readable, with a link to the post", () => {
    const list = listBookmarks(db, mia.id, mia);
    expect(list.map((b) => b.topicTitle).sort()).toEqual(["Impfungen in Erstaufnahmen", "Interne Rückfrage zur Kostenübernahme"]);
    const imp = list.find((b) => b.postId === postIds[1])!;
    expect(imp.url).toMatch(/^\/forum\/gesundheit\/\d+\?beitrag=2#beitrag-2$/);
    expect(imp.excerpt).toBe("Über das Gesundheitsamt, mobil.");
    setPostHidden(db, postIds[1], true, mod);
    expect(listBookmarks(db, mia.id, mia).map((b) => b.postId)).toEqual([postIds[2]]);
    setPostHidden(db, postIds[1], false, mod);
    expect(listBookmarks(db, mia.id, mia)).toHaveLength(2);
  });

  it("are in the DSGVO export and gone after erasure; the table is private for the page cache", async () => {
    expect(PRIVATE_TABLES.has("forum_bookmarks")).toBe(true);
    const exported = exportUserData(db, mia.id)!;
    expect(exported.lesezeichen.map((b) => b.postNumber).sort()).toEqual([1, 2]);
    deleteAccount(db, mia.id);
    expect(db.select().from(forumBookmarks).where(eq(forumBookmarks.userId, mia.id)).all()).toEqual([]);
  });
});

describe("Meine Abos (listMyForumSubscriptions)", () => {
  it("lists topic and category settings with links, and follows changes made there", () => {
    const topicId = db.select().from(forumPosts).where(eq(forumPosts.id, postIds[0])).get()!.topicId;
    const clearing = getCategory(db, "clearingstelle", ion)!;
    // ion started the topic: watched automatically
    let subs = listMyForumSubscriptions(db, ion.id, ion);
    expect(subs.topics.find((t) => t.topicId === topicId)).toMatchObject({ title: "Impfungen in Erstaufnahmen", url: `/forum/gesundheit/${topicId}`, level: "watch" });
    setSubscription(db, ion.id, { topicId }, "mute");
    setSubscription(db, ion.id, { categoryId: clearing.id }, "follow");
    subs = listMyForumSubscriptions(db, ion.id, ion);
    expect(subs.topics.find((t) => t.topicId === topicId)?.level).toBe("mute");
    expect(subs.categories).toEqual([{ categoryId: clearing.id, name: "Clearingstelle", url: "/forum/clearingstelle", level: "follow" }]);
    setSubscription(db, ion.id, { topicId }, "none");
    expect(listMyForumSubscriptions(db, ion.id, ion).topics.some((t) => t.topicId === topicId)).toBe(false);
    // nobody else's settings
    expect(listMyForumSubscriptions(db, mod.id, mod)).toEqual({ topics: [], categories: [] });
  });
});
