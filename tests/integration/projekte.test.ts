import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { validateJson } from "../setup/json-schema";
import type { DB } from "../../db/client";
import { cities, projects, revisions, searchDocuments } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { createCity, removeCity, updateCity } from "~/models/city.server";
import { getProjectBySlug, listProjectsUsingProgramme, partnerSuggestions, projectOverview, listProjects } from "~/models/project.server";
import { seedDemoProjects, DEMO_PROJECTS } from "../../scripts/lib/demo-projekte";
import { action as newAction, loader as newLoader } from "~/routes/projekte.neu";
import { action as editAction, loader as editLoader } from "~/routes/projekte.$slug_.bearbeiten";
import { action as detailAction, loader as detailLoader } from "~/routes/projekte.$slug";
import { loader as csvLoader } from "~/routes/projekte.export[.]csv";
import { loader as jsonLoader } from "~/routes/projekte.export[.]json";
import { loader as listLoader } from "~/routes/projekte._index";
import { loader as versionsLoader } from "~/routes/projekte.$slug_.versionen";
import { loader as cityLoader } from "~/routes/staedte.$slug";
import { loader as compareLoader } from "~/routes/staedte.vergleich";
import { loader as overviewLoader } from "~/routes/verwaltung.uebersicht";
import { parseCsv } from "~/utils/csv";

let db: DB;
let cleanup: () => void;
const cookies: Record<string, string> = {};
const ids: Record<string, { id: string; cityId: number | null }> = {};

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const [key, role, city] of [
    ["koDo", "koordination", "dortmund"],
    ["koDu", "koordination", "duisburg"],
    ["koGe", "koordination", "gelsenkirchen"],
    ["mitglied", "mitglied", "duisburg"],
    ["redaktion", "redaktion", undefined],
  ] as const) {
    const u = await makeUser(db, role, city);
    ids[key] = { id: u.id, cityId: u.cityId };
    cookies[key] = (await createUserSession(u.id)).split(";")[0];
  }
  await seedDemoProjects(db);
});
afterAll(() => cleanup());

const base = "http://localhost:3000";
function req(path: string, who?: string, init: RequestInit = {}) {
  return new Request(base + path, { ...init, headers: { ...(who ? { Cookie: cookies[who] } : {}), ...init.headers } });
}
function post(path: string, who: string | undefined, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  return req(path, who, { method: "POST", body: form });
}
async function status(p: Promise<unknown>): Promise<number> {
  try {
    const r = await p;
    if (r instanceof Response) return r.status;
    const d = r as { init?: { status?: number } } | undefined;
    return d?.init?.status ?? 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}
type Payload = { ok: false; errors: Record<string, string>; counts: Record<string, number> };
const payload = (r: unknown) => ((r as { data?: unknown }).data ?? r) as Payload;
const cityId = (slug: string) => db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id;
const params = (slug: string) => ({ slug });

const validProject = () => ({
  titel: "Gesundheitslotsen Nordstadt",
  zusammenfassung: "Lotsen begleiten zur Krankenkasse.",
  stadt: String(cityId("dortmund")),
  partner: [String(cityId("duisburg"))],
  status: "beantragt",
  statusDatum: "2026-11-01",
  felder: ["gesundheit", "soziales-miteinander"],
  zielgruppen: "Familien, Schwangere",
  budget: "100.000",
  beginn: "2027-01-01",
  ende: "2028-12-31",
  kontakt: "Gesundheitsamt Dortmund",
  sichtbarkeit: "members",
  "zeilen.foerderung": "2",
  "foerderung.0.programm": "zuwanderung-suedosteuropa-nrw",
  "foerderung.0.name": "Landesprogramm Zuwanderung",
  "foerderung.0.fonds": "land",
  "foerderung.0.betrag": "60.000",
  "foerderung.0.eigenanteil": "10.000",
  "foerderung.0.kofinanzierung": "Haushalt",
  "foerderung.1.name": "Stiftung Gesundheit",
  "foerderung.1.fonds": "stiftung",
  "foerderung.1.betrag": "20000,50",
  "zeilen.indikator": "2",
  "indikator.0.name": "Versicherte Familien",
  "indikator.0.einheit": "Familien",
  "indikator.0.ausgangswert": "0",
  "indikator.0.zielwert": "200",
  "indikator.0.aktuell": "0",
  intent: "speichern",
});

describe("demo data", () => {
  it("has at least 12 projects in Dortmund and Duisburg, one abgebrochen with its reasons", () => {
    const all = listProjects(db, { viewer: { id: "x", role: "redaktion", cityId: null } });
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.filter((p) => p.lead?.slug === "dortmund").length).toBeGreaterThanOrEqual(5);
    expect(all.filter((p) => p.lead?.slug === "duisburg").length).toBeGreaterThanOrEqual(5);
    const aborted = all.filter((p) => p.status === "abgebrochen");
    expect(aborted.length).toBeGreaterThanOrEqual(1);
    const d = getProjectBySlug(db, aborted[0].slug, null)!;
    expect(d.failureReasons.length).toBeGreaterThan(20);
    expect(d.events.at(-1)!.note).toMatch(/Abbruch/);
  });

  it("is idempotent", async () => {
    const before = db.select().from(projects).all().length;
    await seedDemoProjects(db);
    expect(db.select().from(projects).all().length).toBe(before);
    expect(before).toBe(DEMO_PROJECTS.length);
  });

  it("suggests at least two partner cities with reasons for the demo project that seeks partners", () => {
    const p = getProjectBySlug(db, "lotsen-und-laufzettel-aufsuchende-arbeit-in-der-nordstadt", null)!;
    expect(p.seeksPartners).toBe(true);
    const s = partnerSuggestions(db, p, null);
    expect(s.length).toBeGreaterThanOrEqual(2);
    expect(s.map((x) => x.slug)).toContain("duisburg");
    expect(s.map((x) => x.slug)).not.toContain("dortmund");
    for (const x of s) expect(x.reasons.length).toBeGreaterThan(0);
    const du = s.find((x) => x.slug === "duisburg")!;
    expect(du.reasons.join(" ")).toMatch(/Gemeldete Menschen aus Bulgarien und Rumänien/);
  });

  it("indexes projects and cities for search with the right visibility", () => {
    const doc = db.select().from(searchDocuments).where(eq(searchDocuments.id, "projekt:gemeinsame-iti-zuwanderung-ruhrgebiet")).get()!;
    expect(doc.visibility).toBe("members");
    expect(doc.typ).toBe("projekt");
    expect(doc.staedte).toEqual(["dortmund"]);
    const city = db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:duisburg")).get()!;
    expect(city).toMatchObject({ typ: "stadt", url: "/staedte/duisburg", title: "Duisburg", visibility: "public" });
  });
});

describe("create, edit and update with permissions", () => {
  let slug = "";
  it("Dortmund coordinator creates a members-only project with two funding lines and an indicator", async () => {
    expect(await status(newLoader({ request: req("/projekte/neu", "koDo"), params: {}, context: {} }))).toBe(200);
    const res = (await newAction({ request: post("/projekte/neu", "koDo", validProject()), params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    slug = res.headers.get("Location")!.replace("/projekte/", "");
    expect(slug).toBe("gesundheitslotsen-nordstadt");
    const p = getProjectBySlug(db, slug, { id: ids.koDo.id, role: "koordination", cityId: ids.koDo.cityId })!;
    expect(p.status).toBe("beantragt");
    expect(p.funding.map((f) => [f.programmeSlug, f.amount, f.ownShare])).toEqual([
      ["zuwanderung-suedosteuropa-nrw", 60000, 10000],
      [null, 20000.5, 0],
    ]);
    expect(p.indicators[0]).toMatchObject({ name: "Versicherte Familien", baseline: 0, target: 200 });
    expect(p.events).toEqual([expect.objectContaining({ status: "beantragt", date: "2026-11-01" })]);
    expect(db.select().from(revisions).where(eq(revisions.entityId, p.id)).all().filter((r) => r.entityType === "project")).toHaveLength(1);
  });

  it("guests get 404 for the members-only project, members can read it", async () => {
    expect(await status(detailLoader({ request: req(`/projekte/${slug}`), params: params(slug), context: {} }))).toBe(404);
    expect(await status(detailLoader({ request: req(`/projekte/${slug}`, "mitglied"), params: params(slug), context: {} }))).toBe(200);
    const guestList = (await listLoader({ request: req("/projekte"), params: {}, context: {} })) as { projects: { slug: string }[] };
    expect(guestList.projects.map((p) => p.slug)).not.toContain(slug);
  });

  it("Duisburg coordinator (partner) gets 403 on edit but can add an update; a non-partner cannot", async () => {
    expect(await status(editLoader({ request: req(`/projekte/${slug}/bearbeiten`, "koDu"), params: params(slug), context: {} }))).toBe(403);
    expect(await status(editAction({ request: post(`/projekte/${slug}/bearbeiten`, "koDu", validProject()), params: params(slug), context: {} }))).toBe(403);
    const r = (await detailAction({ request: post(`/projekte/${slug}`, "koDu", { text: "Duisburg testet den Fragebogen." }), params: params(slug), context: {} })) as Response;
    expect(r.status).toBe(302);
    expect(getProjectBySlug(db, slug, { id: "x", role: "mitglied", cityId: null })!.updates[0]).toMatchObject({ body: "Duisburg testet den Fragebogen.", cityName: "Duisburg" });
    expect(await status(detailAction({ request: post(`/projekte/${slug}`, "koGe", { text: "Gelsenkirchen will auch." }), params: params(slug), context: {} }))).toBe(403);
    expect(await status(detailAction({ request: post(`/projekte/${slug}`, "mitglied", { text: "Mitglied will auch." }), params: params(slug), context: {} }))).toBe(403);
  });

  it("koordination cannot create projects for another city; redaktion edits everything", async () => {
    const other = { ...validProject(), stadt: String(cityId("duisburg")) };
    const r = await newAction({ request: post("/projekte/neu", "koDo", other), params: {}, context: {} });
    expect(payload(r).errors.stadt).toMatch(/eigenen Stadt/);
    const edit = { ...validProject(), status: "bewilligt", statusDatum: "2026-12-01", sichtbarkeit: "public", grund: "Bescheid erhalten" };
    const res = (await editAction({ request: post(`/projekte/${slug}/bearbeiten`, "redaktion", edit), params: params(slug), context: {} })) as Response;
    expect(res.status).toBe(302);
    const p = getProjectBySlug(db, slug, null)!;
    expect(p.events.map((e) => e.status)).toEqual(["beantragt", "bewilligt"]);
    const revs = db.select().from(revisions).where(eq(revisions.entityId, p.id)).all().filter((x) => x.entityType === "project");
    expect(revs.map((x) => x.reason)).toEqual(["Projekt angelegt", "Bescheid erhalten"]);
    const doc = db.select().from(searchDocuments).where(eq(searchDocuments.id, `projekt:${slug}`)).get()!;
    expect(doc.visibility).toBe("public");
    expect(doc.status).toBe("bewilligt");
    expect(listProjectsUsingProgramme(db, "zuwanderung-suedosteuropa-nrw", null).map((x) => x.slug)).toContain(slug);
  });

  it("shows a revision diff to editors only; guests see no names of people", async () => {
    const { history: v } = await versionsLoader({ request: req(`/projekte/${slug}/versionen`, "koDo"), params: params(slug), context: {} });
    expect(v.diff).toMatchObject({ von: 1, bis: 2 });
    expect(v.diff!.fields).toContainEqual({ field: "status", before: '"beantragt"', after: '"bewilligt"' });
    expect(await status(versionsLoader({ request: req(`/projekte/${slug}/versionen`, "koDu"), params: params(slug), context: {} }))).toBe(403);
    expect(await status(versionsLoader({ request: req(`/projekte/${slug}/versionen`), params: params(slug), context: {} }))).toBe(302);
    const guest = (await detailLoader({ request: req(`/projekte/${slug}`), params: params(slug), context: {} })) as {
      project: { updates: { authorName: string | null; cityName: string | null }[] };
      revisions: { authorName: string | null }[];
    };
    expect(guest.project.updates[0]).toMatchObject({ authorName: null, cityName: "Duisburg" });
    expect(guest.revisions.every((r) => r.authorName === null)).toBe(true);
  });
});

describe("form validation", () => {
  const run = async (fields: Record<string, string | string[]>) => {
    const r = await newAction({ request: post("/projekte/neu", "koDo", { ...validProject(), ...fields }), params: {}, context: {} });
    return payload(r);
  };
  it("rejects end before start, negative amounts and a missing Handlungsfeld, next to the fields", async () => {
    const p = await run({ beginn: "2027-05-01", ende: "2027-01-01", "foerderung.0.betrag": "-5", felder: [] });
    expect(p.errors.ende).toBe("Das Ende darf nicht vor dem Beginn liegen.");
    expect(p.errors["foerderung.0.betrag"]).toMatch(/nicht negativ/);
    expect(p.errors.felder).toMatch(/mindestens ein Handlungsfeld/);
  });
  it("asks for confirmation when the funding lines exceed the budget, and accepts it once confirmed", async () => {
    const over = { budget: "50000", titel: "Überbudget-Projekt" };
    const p = await run(over);
    expect(p.errors.budgetBestaetigt).toMatch(/übersteigen das Budget/);
    const ok = (await newAction({ request: post("/projekte/neu", "koDo", { ...validProject(), ...over, budgetBestaetigt: "on" }), params: {}, context: {} })) as Response;
    expect(ok.status).toBe(302);
  });
  it("requires reasons when a project is abgebrochen", async () => {
    const p = await run({ status: "abgebrochen" });
    expect(p.errors.statusNotiz).toMatch(/Gründe/);
  });
  it("adds an empty row without saving ('weitere Zeile' works without JavaScript)", async () => {
    const before = db.select().from(projects).all().length;
    const p = await run({ intent: "mehr-foerderung" });
    expect(p.counts.foerderung).toBe(3);
    expect(p.errors).toEqual({});
    expect(db.select().from(projects).all().length).toBe(before);
  });
});

describe("open data export", () => {
  it("JSON: public projects only, validates against the documented schema, carries the filters", async () => {
    const schema = JSON.parse(readFileSync("docs/projekte-export.schema.json", "utf8"));
    const res = (await jsonLoader({ request: req("/projekte/export.json", "redaktion"), params: {}, context: {} })) as Response;
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(validateJson(schema, body)).toEqual([]);
    expect(body.lizenz.kennung).toBe("dl-de/by-2-0");
    const slugs = body.projekte.map((p: { slug: string }) => p.slug);
    expect(slugs).not.toContain("gemeinsame-iti-zuwanderung-ruhrgebiet"); // members-only, even for redaktion
    expect(slugs).not.toContain("einschulungslotsen-marxloh");
    expect(body.anzahl).toBe(slugs.length);
    const filtered = await ((await jsonLoader({ request: req("/projekte/export.json?stadt=duisburg&status=laufend"), params: {}, context: {} })) as Response).json();
    expect(validateJson(schema, filtered)).toEqual([]);
    expect(filtered.filter).toEqual({ stadt: "duisburg", status: "laufend" });
    expect(filtered.projekte.length).toBeGreaterThan(0);
    for (const p of filtered.projekte) {
      expect(p.status).toBe("laufend");
      expect([p.federfuehrende_stadt.slug, ...p.partnerstaedte.map((c: { slug: string }) => c.slug)]).toContain("duisburg");
    }
    // the validator itself catches a broken document
    expect(validateJson(schema, { ...body, projekte: [{ ...body.projekte[0], status: "kaputt" }] }).length).toBeGreaterThan(0);
  });

  it("CSV: BOM, umlauts, ';', CRLF and no formula injection", async () => {
    const evil = { ...validProject(), titel: "=HYPERLINK(\"http://böse.example\";\"Klick\")", zusammenfassung: "@SUMME(A1) Größe", kontakt: "+49 Amt für Straßenbau", sichtbarkeit: "public" };
    const r = (await newAction({ request: post("/projekte/neu", "koDo", evil), params: {}, context: {} })) as Response;
    expect(r.status).toBe(302);
    const res = (await csvLoader({ request: req("/projekte/export.csv?stadt=dortmund"), params: {}, context: {} })) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFslug;titel;status;/);
    const rows = parseCsv(text);
    const header = rows[0];
    const row = rows.find((x) => x[header.indexOf("titel")].includes("HYPERLINK"))!;
    expect(row[header.indexOf("titel")]).toBe("'=HYPERLINK(\"http://böse.example\";\"Klick\")");
    expect(row[header.indexOf("zusammenfassung")]).toBe("'@SUMME(A1) Größe");
    expect(row[header.indexOf("kontakt")]).toBe("'+49 Amt für Straßenbau");
    expect(row[header.indexOf("federfuehrende_stadt")]).toBe("Dortmund");
    expect(row[header.indexOf("lizenz")]).toBe("dl-de/by-2-0");
    // no cell of any row starts with a formula character
    for (const cells of rows.slice(1)) for (const c of cells) expect(c).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
    // members-only projects never appear
    expect(text).not.toContain("gesundheitslotsen-nordstadt-2");
    expect(text).not.toContain("Gemeinsame ITI");
  });
});

describe("city pages, comparison and overview", () => {
  it("city page shows the paper's figures with date and source, projects and the district chart", async () => {
    const d = (await cityLoader({ request: req("/staedte/duisburg"), params: params("duisburg"), context: {} })) as {
      city: { figures: { label: string; value: number; asOf: string; source: string }[] };
      projects: { slug: string }[];
      districtChart: { categories: string[]; series: { values: number[] }[] } | null;
    };
    const reg = d.city.figures.find((f) => f.label.startsWith("Gemeldete"))!;
    expect(reg).toMatchObject({ value: 6173, asOf: "2012-12-31" });
    expect(reg.source).toMatch(/Handlungsrahmen/);
    expect(d.districtChart!.categories).toEqual(["Hochfeld", "Marxloh", "Bruckhausen"]);
    expect(d.districtChart!.series[0].values).toEqual([38, 17.4, 7.6]);
    expect(d.projects.map((p) => p.slug)).toContain("task-force-problemimmobilien-hochfeld-und-marxloh");
    expect(d.projects.map((p) => p.slug)).not.toContain("einschulungslotsen-marxloh"); // members-only, guest
    expect(await status(cityLoader({ request: req("/staedte/gibt-es-nicht"), params: params("gibt-es-nicht"), context: {} }))).toBe(404);
  });

  it("comparison needs 2–5 cities", async () => {
    const ok = (await compareLoader({ request: req("/staedte/vergleich?stadt=dortmund&stadt=duisburg"), params: {}, context: {} })) as { selected: { slug: string }[]; error: string | null };
    expect(ok.selected.map((c) => c.slug)).toEqual(["dortmund", "duisburg"]);
    expect(ok.error).toBeNull();
    const one = (await compareLoader({ request: req("/staedte/vergleich?stadt=dortmund"), params: {}, context: {} })) as { error: string | null };
    expect(one.error).toMatch(/mindestens zwei/);
    const six = (await compareLoader({
      request: req("/staedte/vergleich?stadt=dortmund&stadt=duisburg&stadt=bochum&stadt=essen&stadt=hamm&stadt=koeln"),
      params: {},
      context: {},
    })) as { error: string | null };
    expect(six.error).toMatch(/höchstens fünf/);
  });

  it("state office overview counts and finds projects without an update for 6 months", async () => {
    expect(await status(overviewLoader({ request: req("/verwaltung/uebersicht", "mitglied"), params: {}, context: {} }))).toBe(403);
    const o = projectOverview(db, { id: "x", role: "redaktion", cityId: null });
    expect(o.byStatus.find((s) => s.key === "abgebrochen")!.n).toBeGreaterThanOrEqual(2);
    expect(o.byFund.find((f) => f.key === "esf")!.amount).toBeGreaterThan(0);
    expect(o.stale.map((s) => s.slug)).toContain("sprach-und-kulturmittler-bruckhausen");
    expect(o.stale.map((s) => s.slug)).not.toContain("qualifizierung-fuer-selbststaendige-aus-suedosteuropa"); // finished projects are not "stale"
  });

  it("keeps city search documents in step with admin edits", () => {
    const admin = ids.redaktion.id;
    const id = createCity(db, admin, { slug: "bielefeld", name: "Bielefeld", land: "Nordrhein-Westfalen", allianceStatus: "interessiert", description: "Test", contact: "" });
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:bielefeld")).get()?.title).toBe("Bielefeld");
    updateCity(db, admin, id, { slug: "bielefeld-neu", name: "Bielefeld (neu)" });
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:bielefeld")).get()).toBeUndefined();
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:bielefeld-neu")).get()?.title).toBe("Bielefeld (neu)");
    expect(removeCity(db, admin, id)).toBe("deleted");
    expect(db.select().from(searchDocuments).where(eq(searchDocuments.id, "stadt:bielefeld-neu")).get()).toBeUndefined();
  });
});
