// Exchange about projects (issue 19): the project's discussion (created once, with the project's visibility),
// "Interesse an Zusammenarbeit" (the lead is notified once per city) and "Passende Städte" (issue 16).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { projectInput } from "../setup/projects";
import type { DB } from "../../db/client";
import { cities, forumCategories, forumTopics, notifications, projectDiscussions, projectInterest, projects, searchDocuments } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { createProject, updateProject } from "~/models/project.server";
import { createTopic, ensureCategories } from "~/models/forum.server";
import { getSearchIndex } from "~/services/search/index.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";
import * as projectRoute from "~/routes/projekte.$slug";
import * as partnerRoute from "~/routes/projekte.$slug_.passende-staedte";
import * as topicRoute from "~/routes/forum.$kategorie.$themaId";

let db: DB;
let cleanup: () => void;
const who: Record<string, { id: string; cookie: string; cityId: number | null; name: string }> = {};
const ids: Record<string, { id: number; slug: string }> = {};
const cityId = (slug: string) => db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  for (const [key, role, city] of [
    ["koDo", "koordination", "dortmund"],
    ["koDo2", "koordination", "dortmund"],
    ["koDu", "koordination", "duisburg"],
    ["koDu2", "koordination", "duisburg"],
    ["mitDu", "mitglied", "duisburg"],
  ] as const) {
    const u = await makeUser(db, role, city);
    who[key] = { id: u.id, cityId: u.cityId, name: `${role} ${city}`, cookie: (await createUserSession(u.id)).split(";")[0] };
  }
  ids.pub = createProject(db, who.koDo.id, projectInput({ title: "Gesundheitslotsen Nordstadt", leadCityId: cityId("dortmund"), handlungsfelder: ["gesundheit"] }));
  ids.mem = createProject(db, who.koDo.id, projectInput({ title: "Vertrauliche Wohnungsaufsicht Zeppelinweg", leadCityId: cityId("dortmund"), visibility: "members", handlungsfelder: ["wohnen"] }));
});
afterAll(() => cleanup());

function args(path: string, user?: string, form?: Record<string, string>, params?: Record<string, string>) {
  const headers: Record<string, string> = user ? { Cookie: who[user].cookie } : {};
  const init: RequestInit = form ? { method: "POST", body: new URLSearchParams(form), headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } } : { headers };
  return { request: new Request(`http://localhost${path}`, init), params: params ?? { slug: path.split("/")[2] }, context: {} } as never;
}
async function outcome(p: Promise<unknown>) {
  try {
    const r = await p;
    if (r instanceof Response) return { status: r.status, location: r.headers.get("Location"), body: null as unknown };
    const d = r as { init?: { status?: number }; data?: unknown };
    return { status: d?.init?.status ?? 200, location: null, body: d?.data ?? r };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("Location"), body: null };
    throw e;
  }
}
type Exchange = { discussion: { url: string; posts: { excerpt: string }[] } | null; interest: { slug: string }[]; canInterest: boolean; ownInterest: boolean };
const exchangeOf = async (slug: string, user?: string) => ((await outcome(projectRoute.loader(args(`/projekte/${slug}`, user)))).body as { exchange: Exchange }).exchange;

describe("project discussion", () => {
  it("two clicks on „Diskussion starten“ create one topic, in a Handlungsfeld category for a public project", async () => {
    const [a, b] = await Promise.all([
      outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "koDu", { intent: "diskussion" }))),
      outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "mitDu", { intent: "diskussion" }))),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const links = db.select().from(projectDiscussions).where(eq(projectDiscussions.projectId, ids.pub.id)).all();
    expect(links).toHaveLength(1);
    expect(db.select().from(forumTopics).all()).toHaveLength(1);
    const cat = db.select({ slug: forumCategories.slug, visibility: forumCategories.visibility }).from(forumTopics).innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId)).get()!;
    expect(cat).toEqual({ slug: "gesundheit", visibility: "public" });
    // the page shows it to guests too (public project): latest posts and the link
    const ex = await exchangeOf(ids.pub.slug);
    expect(ex.discussion?.url).toBe(`/forum/gesundheit/${links[0].topicId}`);
    expect(ex.discussion?.posts[0].excerpt).toContain("Diskussion zum Projekt");
  });

  it("guests cannot start one", async () => {
    const r = await outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, undefined, { intent: "diskussion" })));
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/anmelden/);
  });

  it("a members-only project's discussion is invisible to guests: 404 on the topic, not in guest search", async () => {
    await outcome(projectRoute.action(args(`/projekte/${ids.mem.slug}`, "koDu", { intent: "diskussion" })));
    const link = db.select().from(projectDiscussions).where(eq(projectDiscussions.projectId, ids.mem.id)).get()!;
    const row = db.select({ slug: forumCategories.slug, visibility: forumCategories.visibility }).from(forumTopics).innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId)).where(eq(forumTopics.id, link.topicId)).get()!;
    expect(row.visibility).toBe("members");
    const topicParams = { kategorie: row.slug, themaId: String(link.topicId) };
    expect((await outcome(topicRoute.loader(args(`/forum/${row.slug}/${link.topicId}`, undefined, undefined, topicParams)))).status).toBe(404);
    expect((await outcome(topicRoute.loader(args(`/forum/${row.slug}/${link.topicId}`, "mitDu", undefined, topicParams)))).status).toBe(200);
    const search = getSearchIndex();
    const asGuest = await search.search({ q: "Zeppelinweg", limit: 20, offset: 0 }, null);
    expect(asGuest.hits.filter((h) => h.typ === "forum")).toEqual([]);
    const asMember = await search.search({ q: "Zeppelinweg", limit: 20, offset: 0 }, { id: who.mitDu.id, role: "mitglied", cityId: who.mitDu.cityId });
    expect(asMember.hits.some((h) => h.typ === "forum")).toBe(true);
  });

  it("when a public project becomes members-only, its discussion moves out of the public category", async () => {
    const p = db.select().from(projects).where(eq(projects.id, ids.pub.id)).get()!;
    updateProject(db, who.koDo.id, p.id, projectInput({ title: p.title, leadCityId: cityId("dortmund"), handlungsfelder: ["gesundheit"], visibility: "members" }));
    const link = db.select().from(projectDiscussions).where(eq(projectDiscussions.projectId, ids.pub.id)).get()!;
    const vis = db.select({ visibility: forumCategories.visibility }).from(forumTopics).innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId)).where(eq(forumTopics.id, link.topicId)).get()!;
    expect(vis.visibility).toBe("members");
    expect(db.select({ v: searchDocuments.visibility }).from(searchDocuments).where(eq(searchDocuments.id, `forum:topic:${link.topicId}`)).get()?.v).toBe("members");
    updateProject(db, who.koDo.id, p.id, projectInput({ title: p.title, leadCityId: cityId("dortmund"), handlungsfelder: ["gesundheit"], visibility: "public" }));
  });
});

describe("Interesse an Zusammenarbeit", () => {
  const leadNotes = () => db.select().from(notifications).where(and(eq(notifications.kind, "projekt"))).all();

  it("notifies the lead city's coordinators once per city, however often it is pressed", async () => {
    const before = await exchangeOf(ids.pub.slug, "koDu");
    expect(before.canInterest).toBe(true);
    await Promise.all([
      outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "koDu", { intent: "interesse" }))),
      outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "koDu", { intent: "interesse" }))),
    ]);
    await outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "koDu2", { intent: "interesse" })));
    const notes = leadNotes();
    expect(notes.map((n) => n.userId).sort()).toEqual([who.koDo.id, who.koDo2.id].sort());
    expect(notes[0].message).toBe("Duisburg hat Interesse an Zusammenarbeit im Projekt „Gesundheitslotsen Nordstadt“");
    expect(notes[0].url).toBe(`/projekte/${ids.pub.slug}#interesse`);
    expect((await exchangeOf(ids.pub.slug)).interest.map((c) => c.slug)).toEqual(["duisburg"]);
  });

  it("can be withdrawn, and pressing again lists the city without a second notification", async () => {
    expect((await exchangeOf(ids.pub.slug, "koDu")).ownInterest).toBe(true);
    await outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "koDu", { intent: "interesse-zurueck" })));
    expect((await exchangeOf(ids.pub.slug)).interest).toEqual([]);
    await outcome(partnerRoute.action(args(`/projekte/${ids.pub.slug}/passende-staedte`, "koDu", { intent: "interesse" })));
    expect((await exchangeOf(ids.pub.slug)).interest.map((c) => c.slug)).toEqual(["duisburg"]);
    expect(leadNotes()).toHaveLength(2);
  });

  it("is refused to members and to the lead city itself", async () => {
    expect((await outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "mitDu", { intent: "interesse" })))).status).toBe(403);
    expect((await outcome(projectRoute.action(args(`/projekte/${ids.pub.slug}`, "koDo", { intent: "interesse" })))).status).toBe(403);
    expect(db.select().from(projectInterest).all()).toHaveLength(1);
  });

  it("DSGVO: exported, and erasure keeps the city's mark without the person", () => {
    expect(exportUserData(db, who.koDu.id)!.interesseAnZusammenarbeit).toHaveLength(1);
    deleteAccount(db, who.koDu.id);
    const row = db.select().from(projectInterest).get()!;
    expect(row.userId).toBeNull();
    expect(row.cityId).toBe(cityId("duisburg"));
  });
});

describe("Passende Städte", () => {
  type Page = { canEdit: boolean; missingForIti: number; suggestions: { slug: string; reasons: string[] }[] };
  it("offers „Partnersuche aktivieren“ to editors, suggests a city without projects and counts to the ITI size", async () => {
    // a forum topic about Hamm in the Handlungsfeld Gesundheit: Hamm has no project of its own
    const cat = db.select().from(forumCategories).where(eq(forumCategories.slug, "gesundheit")).get()!;
    createTopic(db, { category: cat, title: "Sprechstunde ohne Versicherung in Hamm", raw: "Wie regeln andere Städte das?", handlungsfelder: ["gesundheit"], staedte: ["hamm"] }, { id: who.koDo2.id, name: "x", role: "koordination", cityId: null });
    const asEditor = (await outcome(partnerRoute.loader(args(`/projekte/${ids.pub.slug}/passende-staedte`, "koDo")))).body as Page;
    expect(asEditor.canEdit).toBe(true);
    expect(asEditor.missingForIti).toBe(2);
    const hamm = asEditor.suggestions.find((s) => s.slug === "hamm");
    expect(hamm?.reasons.join(" ")).toMatch(/Forum.*Gesundheit/);
    expect(hamm?.reasons.join(" ")).toContain("noch keine eigenen Projekte");
    // a member of another city sees no suggestions while the project does not look for partners
    const asMember = (await outcome(partnerRoute.loader(args(`/projekte/${ids.pub.slug}/passende-staedte`, "mitDu")))).body as Page;
    expect(asMember.suggestions).toEqual([]);
    expect((await outcome(partnerRoute.action(args(`/projekte/${ids.pub.slug}/passende-staedte`, "mitDu", { intent: "partnersuche" })))).status).toBe(403);
    const r = await outcome(partnerRoute.action(args(`/projekte/${ids.pub.slug}/passende-staedte`, "koDo", { intent: "partnersuche" })));
    expect(r.status).toBe(302);
    expect(db.select({ s: projects.seeksPartners }).from(projects).where(eq(projects.id, ids.pub.id)).get()?.s).toBe(true);
    const nowMember = (await outcome(partnerRoute.loader(args(`/projekte/${ids.pub.slug}/passende-staedte`, "mitDu")))).body as Page;
    expect(nowMember.suggestions.some((s) => s.slug === "hamm")).toBe(true);
  });
});
