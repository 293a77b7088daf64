// City figures as maintained series (issue 13) and "nothing deleted by accident" for cities, categories and
// users (issue 11).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { auditLog, cities, cityFigureChanges, cityFigures, forumCategories, legacyCityFigures, projectCities, projects, searchDocuments, users } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { createCity, listCities } from "~/models/city.server";
import { ensureCategories, createTopic, getCategory } from "~/models/forum.server";
import { seedDemoProjects } from "../../scripts/lib/demo-projekte";
import { seedCities } from "../../db/seed";
import { loader as cityLoader } from "~/routes/staedte.$slug";
import { loader as listLoader } from "~/routes/staedte._index";
import { loader as compareLoader } from "~/routes/staedte.vergleich";
import { action as figuresAction, loader as figuresLoader } from "~/routes/staedte.$slug_.kennzahlen";
import { action as adminCitiesAction } from "~/routes/verwaltung.staedte";
import { action as deleteCityAction, loader as deleteCityLoader } from "~/routes/verwaltung.staedte_.$id.loeschen";
import { action as deleteCategoryAction, loader as deleteCategoryLoader } from "~/routes/verwaltung.kategorien_.$id.loeschen";
import { action as deleteUserAction, loader as deleteUserLoader } from "~/routes/verwaltung.benutzer_.$id.loeschen";

let db: DB;
let cleanup: () => void;
const cookies: Record<string, string> = {};
const ids: Record<string, { id: string; cityId: number | null }> = {};

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  for (const [key, role, city] of [
    ["koDo", "koordination", "dortmund"],
    ["koDu", "koordination", "duisburg"],
    ["mitglied", "mitglied", "dortmund"],
    ["redaktion", "redaktion", undefined],
    ["admin", "admin", undefined],
  ] as const) {
    const u = await makeUser(db, role, city);
    ids[key] = { id: u.id, cityId: u.cityId };
    cookies[key] = (await createUserSession(u.id)).split(";")[0];
  }
  await seedDemoProjects(db);
});
afterAll(() => cleanup());

const base = "http://localhost:3000";
const req = (path: string, who?: string) => new Request(base + path, { headers: who ? { Cookie: cookies[who] } : {} });
function post(path: string, who: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(base + path, { method: "POST", body: form, headers: { Cookie: cookies[who] } });
}
async function settle(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } })?.init?.status ?? 200));
const cityId = (slug: string) => db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id;

type CityPage = {
  city: { archived: boolean; figures: { key: string; label: string; text: string; asOfText: string; older: { text: string; asOfText: string }[] }[] };
  seriesCharts: { key: string; chart: { categories: string[]; series: { values: number[]; texts?: string[] }[] } }[];
  canEditFigures: boolean;
};
const cityPage = async (slug: string, who?: string) => (await cityLoader({ request: req(`/staedte/${slug}`, who), params: { slug }, context: {} })) as CityPage;

describe("the paper's figures render the way the paper says them", () => {
  it("über 70 %, über die Hälfte, etwas über 60 %, etwa 3.200 – and no invented dates for the age shares", async () => {
    const dortmund = await cityPage("dortmund");
    const row = (p: CityPage, key: string) => p.city.figures.find((f) => f.key === key)!;
    expect(row(dortmund, "anteil-15-45").text).toBe("über 70 %");
    expect(row(dortmund, "anteil-15-45").asOfText).toBe("ohne Stichtag");
    expect(row(dortmund, "anteil-stadtteil:Nordstadt").text).toBe("über die Hälfte");
    expect(row(dortmund, "bg-ro-gemeldet").text).toBe("etwa 3.200 Personen");
    expect(row(dortmund, "bg-ro-gemeldet").asOfText).toBe("31.12.2012");
    expect(row(dortmund, "kinderanteil-bg").text).toBe("12 %");
    const duisburg = await cityPage("duisburg");
    expect(row(duisburg, "anteil-15-45").text).toBe("etwas über 60 %");
    expect(row(duisburg, "bg-ro-gemeldet").text).toBe("6.173 Personen");
    expect(row(duisburg, "anteil-unter-15-ro").asOfText).toBe("ohne Stichtag");
    const all = JSON.stringify([dortmund, duisburg]);
    expect(all).not.toMatch(/etwa 50|etwa 70|etwa 60|\(über/);
  });

  it("seeding again adds nothing twice", () => {
    const before = db.select().from(cityFigures).all().length;
    seedCities(db);
    expect(db.select().from(cityFigures).all().length).toBe(before);
  });
});

describe("maintaining figures", () => {
  const path = "/staedte/dortmund/kennzahlen";
  const params = { slug: "dortmund" };
  const figure2025 = {
    intent: "add",
    indicator: "bg-ro-gemeldet",
    value: "9.870",
    qualifier: "genau",
    asOf: "2025-12-31",
    source: "Stadt Dortmund, Dortmunder Statistik, Bevölkerungsbestand 31.12.2025",
    reason: "Melderegister 2025",
    idempotencyKey: "schluessel-2025-abcdefgh",
  };

  it("a coordinator adds a 2025 figure with its source; the city page shows 2012 and 2025 as a series", async () => {
    const r = await settle(figuresAction({ request: post(path, "koDo", figure2025), params, context: {} }));
    expect(r instanceof Response && r.headers.get("Location")).toBe(path);
    // the double click does not add it twice
    await settle(figuresAction({ request: post(path, "koDo", figure2025), params, context: {} }));
    const page = await cityPage("dortmund");
    const reg = page.city.figures.find((f) => f.key === "bg-ro-gemeldet")!;
    expect(reg.text).toBe("9.870 Personen");
    expect(reg.asOfText).toBe("31.12.2025");
    expect(reg.older).toEqual([expect.objectContaining({ text: "etwa 3.200 Personen", asOfText: "31.12.2012" })]);
    const chart = page.seriesCharts.find((c) => c.key === "bg-ro-gemeldet")!;
    expect(chart.chart.categories).toEqual(["31.12.2012", "31.12.2025"]);
    expect(chart.chart.series[0].values).toEqual([3200, 9870]);
    expect(chart.chart.series[0].texts).toEqual(["etwa 3.200 Personen", "9.870 Personen"]);
    // history, audit and search follow
    const hist = db.select().from(cityFigureChanges).where(eq(cityFigureChanges.cityId, cityId("dortmund"))).all();
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ action: "create", actorId: ids.koDo.id, reason: "Melderegister 2025" });
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "city.figure.create"), eq(auditLog.actorId, ids.koDo.id))).all()).toHaveLength(1);
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:dortmund")).get()!.body).toContain("9.870 Personen");
    // list and comparison show the newest value
    const list = (await listLoader({ request: req("/staedte"), params: {}, context: {} })) as { cities: { slug: string; registered: { text: string } | null }[] };
    expect(list.cities.find((c) => c.slug === "dortmund")!.registered!.text).toBe("9.870 Personen");
    const cmp = (await compareLoader({ request: req("/staedte/vergleich?stadt=dortmund&stadt=duisburg"), params: {}, context: {} })) as {
      figureRows: { key: string; cells: ({ text: string } | null)[] }[];
    };
    expect(cmp.figureRows.find((r) => r.key === "bg-ro-gemeldet")!.cells.map((c) => c?.text)).toEqual(["9.870 Personen", "6.173 Personen"]);
  });

  it("a year-only date and a lower bound render as the source says", async () => {
    await settle(
      figuresAction({
        request: post(path, "redaktion", { intent: "add", indicator: "anteil-15-45", value: "70", qualifier: "ueber", asOf: "2024", source: "Jahresbericht 2024", idempotencyKey: "schluessel-2024-abcdefgh" }),
        params,
        context: {},
      }),
    );
    const page = await cityPage("dortmund");
    const row = page.city.figures.find((f) => f.key === "anteil-15-45")!;
    expect(row).toMatchObject({ text: "über 70 %", asOfText: "2024" });
  });

  it("bad input is refused with field errors and nothing stored", async () => {
    const before = db.select().from(cityFigures).all().length;
    const r = await settle(
      figuresAction({
        request: post(path, "koDo", { intent: "add", indicator: "anteil-stadtteil", value: "140", qualifier: "genau", asOf: "2025-02-30", source: "", idempotencyKey: "schluessel-bad-abcdefgh" }),
        params,
        context: {},
      }),
    );
    expect(statusOf(r)).toBe(400);
    const errors = (r as { data: { errors: Record<string, string> } }).data.errors;
    expect(Object.keys(errors).sort()).toEqual(["asOf", "district", "source", "value"]);
    expect(db.select().from(cityFigures).all().length).toBe(before);
  });

  it("a coordinator of another city gets 403, a member too; Redaktion may edit every city", async () => {
    expect(statusOf(await settle(figuresLoader({ request: req(path, "koDu"), params, context: {} })))).toBe(403);
    expect(statusOf(await settle(figuresAction({ request: post(path, "koDu", { ...figure2025, idempotencyKey: "schluessel-du-abcdefgh" }), params, context: {} })))).toBe(403);
    expect(statusOf(await settle(figuresLoader({ request: req(path, "mitglied"), params, context: {} })))).toBe(403);
    expect(statusOf(await settle(figuresLoader({ request: req(path), params, context: {} })))).toBe(302);
    expect(statusOf(await settle(figuresLoader({ request: req("/staedte/duisburg/kennzahlen", "redaktion"), params: { slug: "duisburg" }, context: {} })))).toBe(200);
    expect((await cityPage("dortmund", "koDu")).canEditFigures).toBe(false);
    expect((await cityPage("dortmund", "koDo")).canEditFigures).toBe(true);
    // a figure of Duisburg cannot be changed through Dortmund's page
    const du = db.select().from(cityFigures).where(eq(cityFigures.cityId, cityId("duisburg"))).get()!;
    const r = await settle(figuresAction({ request: post(path, "koDo", { intent: "delete", id: String(du.id), reason: "Versuch" }), params, context: {} }));
    expect(statusOf(r)).toBe(404);
    expect(db.select().from(cityFigures).where(eq(cityFigures.id, du.id)).get()).toBeDefined();
  });

  it("correcting and removing a value keeps both in the history", async () => {
    const row = db.select().from(cityFigures).where(and(eq(cityFigures.cityId, cityId("dortmund")), eq(cityFigures.asOf, "2025-12-31"))).get()!;
    await settle(figuresAction({ request: post(path, "koDo", { ...figure2025, intent: "update", id: String(row.id), value: "9.871", reason: "Tippfehler" }), params, context: {} }));
    expect(db.select().from(cityFigures).where(eq(cityFigures.id, row.id)).get()!.value).toBe(9871);
    await settle(figuresAction({ request: post(path, "koDo", { intent: "delete", id: String(row.id), reason: "doppelt erfasst" }), params, context: {} }));
    expect(db.select().from(cityFigures).where(eq(cityFigures.id, row.id)).get()).toBeUndefined();
    const hist = db.select().from(cityFigureChanges).where(eq(cityFigureChanges.figureId, row.id)).all();
    expect(hist.map((h) => h.action)).toEqual(["create", "update", "delete"]);
    expect(hist[1].before).toMatchObject({ value: 9870 });
    expect(hist[2].before).toMatchObject({ value: 9871 });
  });
});

describe("deleting a city", () => {
  it("no database delete can take projects or figures with it (RESTRICT)", () => {
    expect(() => db.delete(cities).where(eq(cities.id, cityId("duisburg"))).run()).toThrow(/FOREIGN KEY/);
    expect(listCities(db).some((c) => c.slug === "duisburg")).toBe(true);
  });

  it("the one-click POST of the first release deletes nothing", async () => {
    const r = await settle(adminCitiesAction({ request: post("/verwaltung/staedte", "admin", { intent: "delete", id: String(cityId("duisburg")) }), params: {}, context: {} }));
    expect(statusOf(r)).toBe(400);
    expect(listCities(db).some((c) => c.slug === "duisburg")).toBe(true);
  });

  it("the confirmation page names what depends on the city; confirming archives it and nothing is lost", async () => {
    const id = cityId("duisburg");
    const projectsBefore = db.select().from(projectCities).where(eq(projectCities.cityId, id)).all().length;
    const figuresBefore = db.select().from(cityFigures).where(eq(cityFigures.cityId, id)).all().length;
    expect(projectsBefore).toBeGreaterThan(0);
    const page = (await deleteCityLoader({ request: req(`/verwaltung/staedte/${id}/loeschen`, "admin"), params: { id: String(id) }, context: {} })) as {
      dependencies: { label: string; count: number }[];
      archiveInstead: boolean;
    };
    expect(page.archiveInstead).toBe(true);
    expect(page.dependencies.find((d) => d.label.startsWith("Kennzahlen"))!.count).toBe(figuresBefore);
    expect(page.dependencies.find((d) => d.label.startsWith("Projekte, die"))!.count).toBeGreaterThan(0);
    expect(page.dependencies.find((d) => d.label.startsWith("Benutzerkonten"))!.count).toBeGreaterThan(0);
    expect(statusOf(await settle(deleteCityLoader({ request: req(`/verwaltung/staedte/${id}/loeschen`, "redaktion"), params: { id: String(id) }, context: {} })))).toBe(403);

    const r = await settle(deleteCityAction({ request: post(`/verwaltung/staedte/${id}/loeschen`, "admin", { intent: "confirm" }), params: { id: String(id) }, context: {} }));
    expect(r instanceof Response && r.headers.get("Location")).toBe("/verwaltung/staedte");
    expect(db.select().from(cities).where(eq(cities.id, id)).get()!.archivedAt).toBeInstanceOf(Date);
    expect(db.select().from(projectCities).where(eq(projectCities.cityId, id)).all()).toHaveLength(projectsBefore);
    expect(db.select().from(cityFigures).where(eq(cityFigures.cityId, id)).all()).toHaveLength(figuresBefore);
    expect(db.select().from(users).where(eq(users.id, ids.koDu.id)).get()!.cityId).toBe(id);
    // hidden from lists, pickers and search; its page says "archiviert"
    expect(listCities(db).some((c) => c.slug === "duisburg")).toBe(false);
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:duisburg")).get()).toBeUndefined();
    expect((await cityPage("duisburg")).city.archived).toBe(true);
    // restorable
    await settle(adminCitiesAction({ request: post("/verwaltung/staedte", "admin", { intent: "restore", id: String(id) }), params: {}, context: {} }));
    expect(listCities(db).some((c) => c.slug === "duisburg")).toBe(true);
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:duisburg")).get()).toBeDefined();
    expect(db.select().from(projects).all().length).toBeGreaterThan(0);
  });

  it("a city nothing depends on is deleted after the confirmation", async () => {
    const id = createCity(db, ids.admin.id, { slug: "bielefeld", name: "Bielefeld", land: "Nordrhein-Westfalen", allianceStatus: "interessiert", description: "", contact: "" });
    const page = (await deleteCityLoader({ request: req(`/verwaltung/staedte/${id}/loeschen`, "admin"), params: { id: String(id) }, context: {} })) as { archiveInstead: boolean };
    expect(page.archiveInstead).toBe(false);
    await settle(deleteCityAction({ request: post(`/verwaltung/staedte/${id}/loeschen`, "admin", { intent: "confirm" }), params: { id: String(id) }, context: {} }));
    expect(db.select().from(cities).where(eq(cities.id, id)).get()).toBeUndefined();
  });
});

describe("deleting a forum category or a user", () => {
  it("a category with topics is refused with its count; an empty one is deleted after the confirmation", async () => {
    const cat = getCategory(db, "allgemeines", { id: ids.mitglied.id, role: "mitglied", cityId: ids.mitglied.cityId })!;
    createTopic(db, { category: cat, title: "Eine Frage zur Anmeldung", raw: "Wie geht das bei Ihnen?", handlungsfelder: [], staedte: [] }, { ...ids.mitglied, role: "mitglied", name: "M" } as never);
    const p = { id: String(cat.id) };
    const page = (await deleteCategoryLoader({ request: req(`/verwaltung/kategorien/${cat.id}/loeschen`, "admin"), params: p, context: {} })) as { deps: { topics: number } };
    expect(page.deps.topics).toBe(1);
    const r = await settle(deleteCategoryAction({ request: post(`/verwaltung/kategorien/${cat.id}/loeschen`, "admin", { intent: "confirm" }), params: p, context: {} }));
    expect(statusOf(r)).toBe(409);
    expect(db.select().from(forumCategories).where(eq(forumCategories.id, cat.id)).get()).toBeDefined();

    const empty = db.insert(forumCategories).values({ slug: "leer", name: "Leer" }).returning({ id: forumCategories.id }).get();
    await settle(deleteCategoryAction({ request: post(`/verwaltung/kategorien/${empty.id}/loeschen`, "admin", { intent: "confirm" }), params: { id: String(empty.id) }, context: {} }));
    expect(db.select().from(forumCategories).where(eq(forumCategories.id, empty.id)).get()).toBeUndefined();
    expect(statusOf(await settle(deleteCategoryLoader({ request: req(`/verwaltung/kategorien/${cat.id}/loeschen`, "redaktion"), params: p, context: {} })))).toBe(403);
  });

  it("a user is erased only after the confirmation, through the DSGVO path; their posts stay", async () => {
    const u = await makeUser(db, "mitglied", "dortmund");
    const cat = getCategory(db, "allgemeines", { id: u.id, role: "mitglied", cityId: u.cityId })!;
    createTopic(db, { category: cat, title: "Noch eine Frage zur Schule", raw: "Wer kennt sich aus?", handlungsfelder: [], staedte: [] }, { ...u, name: "U" } as never);
    const page = (await deleteUserLoader({ request: req(`/verwaltung/benutzer/${u.id}/loeschen`, "admin"), params: { id: u.id }, context: {} })) as { deps: { posts: number; topics: number } };
    expect(page.deps).toMatchObject({ posts: 1, topics: 1 });
    expect(statusOf(await settle(deleteUserAction({ request: post(`/verwaltung/benutzer/${u.id}/loeschen`, "admin", {}), params: { id: u.id }, context: {} })))).toBe(400);
    expect(db.select().from(users).where(eq(users.id, u.id)).get()!.deletedAt).toBeNull();
    await settle(deleteUserAction({ request: post(`/verwaltung/benutzer/${u.id}/loeschen`, "admin", { intent: "confirm" }), params: { id: u.id }, context: {} }));
    const after = db.select().from(users).where(eq(users.id, u.id)).get()!;
    expect(after.deletedAt).toBeInstanceOf(Date);
    expect(after.email).toMatch(/geloescht/);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "user.delete.admin"), eq(auditLog.entityId, u.id))).all()).toHaveLength(1);
    // own account: refused here
    expect(statusOf(await settle(deleteUserAction({ request: post(`/verwaltung/benutzer/${ids.admin.id}/loeschen`, "admin", { intent: "confirm" }), params: { id: ids.admin.id }, context: {} })))).toBe(400);
  });
});

// last: it opens a second database (and resets the process-wide handle)
describe("data migration of the first release's figures", () => {
  it("moves today's rows into the series table with qualifier, display text and without invented dates", () => {
    const { db: fresh, cleanup: done } = createTestDb({ seed: false });
    try {
      const id = fresh.insert(cities).values({ slug: "dortmund", name: "Dortmund" }).returning({ id: cities.id }).get().id;
      const SRC = "Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), Abschnitt 2, S. 10–11";
      fresh.insert(legacyCityFigures).values([
        { cityId: id, key: "bg-ro-gemeldet", label: "Gemeldete Menschen aus Bulgarien und Rumänien", value: 3200, unit: "Personen", approximate: true, asOf: "2012-12-31", source: SRC, sort: 0 },
        { cityId: id, key: "anteil-nordstadt", label: "Anteil, der in der Nordstadt lebt", value: 50, unit: "% (über die Hälfte)", approximate: true, asOf: "2012-12-31", source: SRC, sort: 1 },
        { cityId: id, key: "anteil-15-45", label: "Anteil der 15- bis unter 45-Jährigen", value: 70, unit: "% (über 70 %)", approximate: true, asOf: "2012-12-31", source: SRC, sort: 2 },
        { cityId: id, key: "anteil-stadtteil-hochfeld", label: "Anteil in Hochfeld", value: 38, unit: "%", approximate: true, asOf: "2012-12-31", source: SRC, sort: 3 },
      ]).run();
      const dir = join(__dirname, "../../db/migrations");
      const file = readdirSync(dir).find((f) => f.endsWith("_cities_data.sql"));
      const sql = readFileSync(join(dir, file!), "utf8");
      for (const stmt of sql.split("--> statement-breakpoint")) fresh.$client.exec(stmt);
      const rows = fresh.select().from(cityFigures).all();
      expect(rows.map((r) => [r.indicator, r.district, r.qualifier, r.displayText, r.asOf])).toEqual([
        ["bg-ro-gemeldet", null, "etwa", null, "2012-12-31"],
        ["anteil-stadtteil", "Nordstadt", "ueber", "über die Hälfte", "2012-12-31"],
        ["anteil-15-45", null, "ueber", null, null],
        ["anteil-stadtteil", "Hochfeld", "etwa", null, "2012-12-31"],
      ]);
      expect(fresh.select().from(legacyCityFigures).all()).toHaveLength(0);
      // the seed recognises the migrated rows and adds only what is missing
      seedCities(fresh);
      // (the four migrated rows + the two child shares the fixture lacks; the migrated ones are not added twice)
      const after = fresh.select().from(cityFigures).where(eq(cityFigures.cityId, id)).all();
      expect(after).toHaveLength(6);
      expect(after.filter((r) => r.indicator === "bg-ro-gemeldet")).toHaveLength(1);
      expect(after.filter((r) => r.indicator === "anteil-15-45")).toHaveLength(1);
    } finally {
      done();
    }
  });
});

describe("a city's practices and open questions (prepared per shape, decision 025)", () => {
  it("each city gets the documents that name it, members also the members-only ones, one city after the other", async () => {
    const { upsertSearchDocs } = await import("~/services/search/documents.server");
    const { listCityPractices, listCityOpenQuestions } = await import("~/models/city.server");
    upsertSearchDocs(db, [
      { id: "wissen:p-du", typ: "wissen", slug: "p-du", url: "/wissen/p-du", title: "Praxis Duisburg", subtype: "praxis", staedte: ["duisburg"], visibility: "public" },
      { id: "wissen:p-do", typ: "wissen", slug: "p-do", url: "/wissen/p-do", title: "Praxis Dortmund", subtype: "praxis", staedte: ["dortmund"], visibility: "public" },
      { id: "forum:topic:9001", typ: "forum", slug: "9001", url: "/forum/x/9001", title: "Frage Duisburg intern", subtype: "topic", staedte: ["duisburg"], status: "in-klaerung", visibility: "members" },
      { id: "forum:topic:9002", typ: "forum", slug: "9002", url: "/forum/x/9002", title: "Frage Duisburg erledigt", subtype: "topic", staedte: ["duisburg"], status: "beantwortet", visibility: "public" },
    ]);
    const member = { id: ids.mitglied.id, role: "mitglied" as const, cityId: ids.mitglied.cityId };
    for (let round = 0; round < 2; round++) {
      expect(listCityPractices(db, "duisburg", null).map((d) => d.title)).toEqual(["Praxis Duisburg"]);
      expect(listCityPractices(db, "dortmund", null).map((d) => d.title)).toEqual(["Praxis Dortmund"]);
      expect(listCityOpenQuestions(db, "duisburg", null)).toEqual([]);
      expect(listCityOpenQuestions(db, "duisburg", member).map((d) => d.title)).toEqual(["Frage Duisburg intern"]);
      expect(listCityOpenQuestions(db, "dortmund", member)).toEqual([]);
    }
  });
});
