// Member profiles behind mention links: no e-mail address, and only posts the viewer may read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { forumPosts, users } from "../../db/schema/index";
import { createPost, createTopic, ensureCategories, getCategory, handleOf, listPosts, setPostHidden, type Actor } from "~/models/forum.server";
import { getMemberProfile, suggestMembers } from "~/models/forum-profile.server";

let db: DB;
let cleanup: () => void;
let mia: Actor;
let ion: Actor;
let mod: Actor;

async function actor(role: "mitglied" | "moderation", city: string, email: string, name: string): Promise<Actor> {
  const id = (await makeUser(db, role, city, email)).id;
  db.update(users).set({ name }).where(eq(users.id, id)).run();
  const u = db.select().from(users).where(eq(users.id, id)).get()!;
  return { id: u.id, name: u.name, role: u.role, cityId: u.cityId };
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  mia = await actor("mitglied", "dortmund", "mia.profil@test.invalid", "Mia Profil");
  ion = await actor("mitglied", "duisburg", "ion.profil@test.invalid", "Ion Profil");
  mod = await actor("moderation", "dortmund", "mod.profil@test.invalid", "Moni Moderation");
  const open = getCategory(db, "gesundheit", mia)!;
  const internal = getCategory(db, "clearingstelle", mia)!;
  const t1 = createTopic(db, { category: open, title: "Öffentliche Frage zur Sprachmittlung", raw: "Wer zahlt die Dolmetscher?", handlungsfelder: [], staedte: [] }, ion);
  createPost(db, { topicId: t1, raw: `Bei uns das Jugendamt, @${handleOf(ion.name)}.` }, mia);
  const hidden = createPost(db, { topicId: t1, raw: "Dieser Beitrag wird ausgeblendet." }, mia);
  const hiddenId = db.select().from(forumPosts).where(eq(forumPosts.postNumber, hidden)).all().find((p) => p.topicId === t1)!.id;
  setPostHidden(db, hiddenId, true, mod);
  createTopic(db, { category: internal, title: "Interne Frage an die Clearingstelle", raw: "Nur für Mitglieder lesbar.", handlungsfelder: [], staedte: [] }, mia);
});
afterAll(() => cleanup());

describe("Profil (/mitglieder/:handle)", () => {
  it("shows name, city and German role label, never the e-mail address", () => {
    const p = getMemberProfile(db, handleOf(mia.name), ion)!;
    expect(p).toMatchObject({ handle: "mia-profil", name: "Mia Profil", cityName: "Dortmund", roleLabel: "Mitglied" });
    expect(JSON.stringify(p)).not.toContain("@test.invalid");
    expect(JSON.stringify(p)).not.toContain("mia.profil");
  });

  it("lists members-only posts to members, only public posts to guests, and never hidden posts", () => {
    const member = getMemberProfile(db, "mia-profil", ion)!;
    expect(member.posts.map((x) => x.topicTitle)).toEqual(["Interne Frage an die Clearingstelle", "Öffentliche Frage zur Sprachmittlung"]);
    const guest = getMemberProfile(db, "mia-profil", null)!;
    expect(guest.posts.map((x) => x.topicTitle)).toEqual(["Öffentliche Frage zur Sprachmittlung"]);
    expect(guest.posts[0].excerpt).toContain("Bei uns das Jugendamt");
    expect(JSON.stringify(member)).not.toContain("ausgeblendet");
  });

  it("answers null (404) to a guest for a member without public posts: membership is not public", () => {
    expect(getMemberProfile(db, "moni-moderation", ion)).not.toBeNull();
    expect(getMemberProfile(db, "moni-moderation", null)).toBeNull();
    expect(getMemberProfile(db, "mia-profil", null)).not.toBeNull();
  });

  it("answers null (404) for unknown or deleted members and malformed handles", () => {
    expect(getMemberProfile(db, "niemand-hier", ion)).toBeNull();
    expect(getMemberProfile(db, "../etc", ion)).toBeNull();
    db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, mod.id)).run();
    expect(getMemberProfile(db, "moni-moderation", ion)).toBeNull();
    db.update(users).set({ deletedAt: null }).where(eq(users.id, mod.id)).run();
  });

  it("stores a mention as a link to the profile, and the topic page shows it", () => {
    const topicId = db.select().from(forumPosts).where(eq(forumPosts.authorId, mia.id)).all()[0].topicId;
    const posts = listPosts(db, topicId, 1, { showHidden: false }).posts;
    expect(posts[1].cooked).toContain('<a class="mention" href="/mitglieder/ion-profil">@Ion Profil</a>');
  });

  it("shows posts stored with the old bold mention as links", () => {
    const topicId = db.select().from(forumPosts).where(eq(forumPosts.authorId, mia.id)).all()[0].topicId;
    db.update(forumPosts).set({ cooked: "<p>Alt: <strong>@ion-profil</strong></p>" }).where(eq(forumPosts.postNumber, 2)).run();
    const posts = listPosts(db, topicId, 1, { showHidden: false }).posts;
    expect(posts[1].cooked).toBe('<p>Alt: <a class="mention" href="/mitglieder/ion-profil">@Ion Profil</a></p>');
  });
});

describe("@mention autocomplete (suggestMembers)", () => {
  it("offers handle, name and city only, prefix matches first, at most 8", async () => {
    const hits = suggestMembers(db, "mi");
    expect(hits[0]).toEqual({ handle: "mia-profil", name: "Mia Profil", city: "Dortmund" });
    expect(Object.keys(hits[0]).sort()).toEqual(["city", "handle", "name"]);
    // a later word matches too ("prof" → both profiles), folded like a handle
    expect(suggestMembers(db, "Prof").map((h) => h.handle)).toEqual(["ion-profil", "mia-profil"]);
    for (let i = 0; i < 10; i++) await actor("mitglied", "dortmund", `viele${i}@test.invalid`, `Viele Nummer ${i}`);
    expect(suggestMembers(db, "").length).toBe(8);
    expect(suggestMembers(db, "zzz")).toEqual([]);
  });

  it("never offers disabled or deleted accounts", () => {
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, ion.id)).run();
    expect(suggestMembers(db, "ion").map((h) => h.handle)).not.toContain("ion-profil");
    db.update(users).set({ disabledAt: null }).where(eq(users.id, ion.id)).run();
    expect(suggestMembers(db, "ion").map((h) => h.handle)).toContain("ion-profil");
  });
});
