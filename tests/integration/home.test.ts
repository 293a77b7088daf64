// Home page (issue 16): guests get public data only; a signed-in user gets their notifications, due items and
// the latest in their Handlungsfelder – nothing of anybody else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { createUserSession } from "~/services/auth.server";
import { notify } from "~/models/notification.server";
import { ensureCategories } from "~/models/forum.server";
import * as home from "~/routes/_index";
import { articles, forumCategories, forumSubscriptions, termine } from "../../db/schema/index";

let t: ReturnType<typeof createTestDb>;
let member: { id: string }, other: { id: string }, redaktion: { id: string };
let memberCookie: string, otherCookie: string, redaktionCookie: string;

const get = (cookie?: string) => ({ request: new Request("http://localhost/", { headers: cookie ? { Cookie: cookie.split(";")[0] } : {} }), params: {}, context: {} }) as never;
type Data = Awaited<ReturnType<typeof home.loader>>;
const load = async (cookie?: string) => (await home.loader(get(cookie))) as Data;

beforeAll(async () => {
  t = createTestDb();
  member = await makeUser(t.db, "mitglied", "dortmund");
  other = await makeUser(t.db, "mitglied", "duisburg");
  redaktion = await makeUser(t.db, "redaktion");
  memberCookie = await createUserSession(member.id);
  otherCookie = await createUserSession(other.id);
  redaktionCookie = await createUserSession(redaktion.id);
  ensureCategories(t.db);
  const day = 86_400_000;
  t.db.insert(termine).values([
    { titel: "Fachtag Gesundheit", beginn: new Date(Date.now() + 5 * day), handlungsfelder: ["gesundheit"] },
    { titel: "Runder Tisch Wohnen", beginn: new Date(Date.now() + 6 * day), handlungsfelder: ["wohnen"] },
  ]).run();
  t.db.insert(articles).values([
    { slug: "ueberfaellig", type: "praxis", title: "Überfälliger Artikel", stand: "2020-01-01", pruefenBis: "2021-01-01", status: "veroeffentlicht", handlungsfelder: ["gesundheit"] },
    { slug: "wohnen-artikel", type: "praxis", title: "Artikel Wohnen", stand: "2026-01-01", status: "veroeffentlicht", handlungsfelder: ["wohnen"] },
    { slug: "entwurf", type: "praxis", title: "Entwurf Gesundheit", stand: "2026-01-01", status: "entwurf", handlungsfelder: ["gesundheit"] },
  ]).run();
  t.db.transaction((tx) => {
    for (let i = 1; i <= 4; i++) notify(tx, [member.id], { kind: "antwort", topicId: null, actorId: null, message: `Nachricht ${i}`, url: "/forum/allgemeines/1" });
    notify(tx, [other.id], { kind: "antwort", topicId: null, actorId: null, message: "Nur für Duisburg", url: "/forum/allgemeines/1" });
  });
});
afterAll(() => t.cleanup());

describe("home page", () => {
  it("guests get the public start page and nothing personal", async () => {
    const data = await load();
    expect(data.me).toBeNull();
    expect(data.guest!.termine.map((x) => x.titel)).toEqual(["Fachtag Gesundheit", "Runder Tisch Wohnen"]);
    expect(JSON.stringify(data)).not.toContain("Nachricht");
  });

  it("a member sees their unread count and latest three notifications, no review items, and only their own", async () => {
    const me = (await load(memberCookie)).me!;
    expect(me.unread).toBe(4);
    expect(me.notifications.map((n) => n.message)).toEqual(["Nachricht 4", "Nachricht 3", "Nachricht 2"]);
    expect(me.reviews).toEqual([]);
    expect(JSON.stringify(me)).not.toContain("Duisburg");
    const theirs = (await load(otherCookie)).me!;
    expect(theirs.notifications.map((n) => n.message)).toEqual(["Nur für Duisburg"]);
  });

  it("without chosen Handlungsfelder the latest from all fields; following a forum category narrows it", async () => {
    let me = (await load(memberCookie)).me!;
    expect(me.felder).toEqual([]);
    expect(me.latestArticles.map((a) => a.slug).sort()).toEqual(["ueberfaellig", "wohnen-artikel"]); // never drafts
    const cat = t.db.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.handlungsfeld, "gesundheit")).get()!;
    t.db.insert(forumSubscriptions).values({ userId: member.id, categoryId: cat.id, level: "follow" }).run();
    me = (await load(memberCookie)).me!;
    expect(me.felder).toEqual(["gesundheit"]);
    expect(me.termine.map((x) => x.titel)).toEqual(["Fachtag Gesundheit"]);
    expect(me.latestArticles.map((a) => a.slug)).toEqual(["ueberfaellig"]);
    // the other member's home is unchanged
    expect((await load(otherCookie)).me!.felder).toEqual([]);
  });

  it("the Redaktion sees its overdue review items", async () => {
    const me = (await load(redaktionCookie)).me!;
    expect(me.reviews.map((r) => ({ title: r.title, overdue: r.overdue }))).toEqual([{ title: "Überfälliger Artikel", overdue: true }]);
    expect(me.reviewCount).toBe(1);
  });
});
