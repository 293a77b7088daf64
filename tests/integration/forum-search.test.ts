import { afterAll, beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { users } from "../../db/schema/index";
import { createPost, createTopic, ensureCategories, getCategory, type Actor } from "~/models/forum.server";
import { getSearchIndex } from "~/services/search/index.server";

let db: DB;
let cleanup: () => void;
let member: Actor;
beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  const u = await makeUser(db, "mitglied", "duisburg");
  member = { id: u.id, role: "mitglied", cityId: u.cityId, name: db.select().from(users).where(eq(users.id, u.id)).get()!.name };
});
afterAll(() => cleanup());

it("forum topics and posts are searchable; members-only topics only for members", async () => {
  const pub = createTopic(db, { category: getCategory(db, "wohnen", null)!, title: "Problemimmobilien im Quartier", raw: "Wie arbeitet ihr mit der Bauordnung?", handlungsfelder: [], staedte: [] }, member);
  createPost(db, { topicId: pub, raw: "Wir machen gemeinsame Begehungen mit dem Ordnungsamt." }, member);
  createTopic(db, { category: getCategory(db, "clearingstelle", member)!, title: "Interner Arbeitskreis Problemimmobilien", raw: "Nur intern", handlungsfelder: [], staedte: [] }, member);
  const idx = getSearchIndex();
  const guest = await idx.search({ q: "Problemimmobilien", typ: "forum", limit: 10, offset: 0 }, null);
  expect(guest.hits.map((h) => h.url).sort()).toEqual([`/forum/wohnen/${pub}`, `/forum/wohnen/${pub}?beitrag=2#beitrag-2`]);
  const m = await idx.search({ q: "Problemimmobilien", typ: "forum", limit: 10, offset: 0 }, { id: member.id, role: "mitglied", cityId: member.cityId });
  expect(m.hits.length).toBe(3);
  expect(m.hits.some((h) => h.url.startsWith("/forum/clearingstelle/"))).toBe(true);
  const post = await idx.search({ q: "Begehungen", typ: "forum", limit: 10, offset: 0 }, null);
  expect(post.hits[0].url).toBe(`/forum/wohnen/${pub}?beitrag=2#beitrag-2`);
});
