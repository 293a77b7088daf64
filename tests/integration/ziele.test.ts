// Gesamtzielperspektive (issue 19, done-when 3): projects in two cities map an indicator to a shared target;
// /ziele shows both values, the sum or mean as the target's definition says, and the cities that do not report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { auditLog, cities, projectIndicators, revisions, ziele } from "../../db/schema/index";
import { createProject, type ProjectInput } from "~/models/project.server";
import { saveZiel, zielRollup, listZieleWithRollup } from "~/models/ziel.server";
import { seedDemoProjects } from "../../scripts/lib/demo-projekte";
import { seedDemoZiele } from "../../scripts/lib/demo-ziele";
import { loader as detailLoader } from "~/routes/ziele.$slug";
import { loader as indexLoader } from "~/routes/ziele._index";
import { action as newZielAction, loader as newZielLoader } from "~/routes/ziele.neu";
import { action as editZielAction } from "~/routes/ziele.$slug_.bearbeiten";
import { action as newProjectAction, loader as newProjectLoader } from "~/routes/projekte.neu";
import { createUserSession } from "~/services/auth.server";
import { projectInput } from "../setup/projects";

let db: DB;
let cleanup: () => void;
let redaktionId: string;
let hammCookie: string;
const member = { id: "m", role: "mitglied" as const, cityId: null };

function cityId(slug: string) {
  return db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id;
}

function project(title: string, city: string, visibility: "public" | "members", value: number, zielSlug: string | null): ProjectInput {
  return projectInput({
    title,
    summary: "Testprojekt",
    leadCityId: cityId(city),
    handlungsfelder: ["kinder-bildung"],
    visibility,
    indicators: [{ name: "Wartezeit", unit: "Tage", baseline: null, baselineDate: null, target: null, targetDate: null, current: value, currentDate: "2026-10-01", zielSlug }],
  });
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  redaktionId = (await makeUser(db, "redaktion")).id;
  const ko = await makeUser(db, "koordination", "hamm");
  hammCookie = (await createUserSession(ko.id)).split(";")[0];
  await seedDemoProjects(db);
  seedDemoZiele(db);
});
afterAll(() => cleanup());

const req = (path: string) => new Request(`http://localhost${path}`);

describe("Gesamtzielperspektive", () => {
  it("sums the latest values of two cities for a Summe target and lists the cities that do not report", async () => {
    const r = zielRollup(db, "problemimmobilien", null)!;
    expect(r.reporting.map((c) => [c.city.slug, c.value])).toEqual([
      ["dortmund", 97],
      ["duisburg", 52],
    ]);
    expect(r.total).toBe(149);
    const missing = r.missing.map((c) => c.slug);
    expect(missing).toContain("gelsenkirchen");
    expect(missing).not.toContain("dortmund");
    expect(missing).not.toContain("duisburg");
    // the page's loader hands the same to the guest
    const page = (await detailLoader({ request: req("/ziele/problemimmobilien"), params: { slug: "problemimmobilien" }, context: {} })) as {
      total: number;
      reporting: { name: string; value: number }[];
      missing: { slug: string }[];
    };
    expect(page.total).toBe(149);
    expect(page.reporting.map((c) => c.value)).toEqual([97, 52]);
    expect(page.missing.length).toBe(missing.length);
  });

  it("averages for a Mittelwert target", () => {
    createProject(db, null, project("Schulstart Duisburg Test", "duisburg", "public", 35, "wartezeit-schulplatz"));
    const r = zielRollup(db, "wartezeit-schulplatz", null)!;
    expect(r.reporting.map((c) => [c.city.slug, c.value])).toEqual([
      ["dortmund", 21],
      ["duisburg", 35],
    ]);
    expect(r.total).toBe(28);
  });

  it("counts a members-only project's value only for members", () => {
    createProject(db, null, project("Interne Wartezeit Gelsenkirchen", "gelsenkirchen", "members", 50, "wartezeit-schulplatz"));
    expect(zielRollup(db, "wartezeit-schulplatz", null)!.reporting.map((c) => c.city.slug)).not.toContain("gelsenkirchen");
    const asMember = zielRollup(db, "wartezeit-schulplatz", member)!;
    expect(asMember.reporting.map((c) => c.city.slug)).toContain("gelsenkirchen");
    expect(asMember.total).toBeCloseTo((21 + 35 + 50) / 3);
  });

  it("refuses an indicator mapped to an unknown target and writes nothing", () => {
    const before = db.select().from(projectIndicators).all().length;
    expect(() => createProject(db, null, project("Falsches Ziel", "hamm", "public", 1, "gibt-es-nicht"))).toThrow(/Unbekanntes Ziel/);
    expect(db.select().from(projectIndicators).all().length).toBe(before);
  });

  it("records a revision and an audit entry when Redaktion changes a target", () => {
    const z = db.select().from(ziele).where(eq(ziele.slug, "problemimmobilien")).get()!;
    saveZiel(db, redaktionId, { ...z, targetValue: 320 }, { reason: "Zielwert angepasst" });
    expect(db.select().from(ziele).where(eq(ziele.slug, "problemimmobilien")).get()!.targetValue).toBe(320);
    const revs = db.select().from(revisions).where(and(eq(revisions.entityType, "ziel"), eq(revisions.entityId, z.id))).all();
    expect(revs.length).toBe(2);
    expect(revs.at(-1)!.body).toContain("320");
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "ziel.update"), eq(auditLog.entityId, String(z.id)))).all().length).toBe(1);
  });

  it("lists the targets with their number of reporting cities; unknown slugs are 404; the seed is idempotent", async () => {
    expect(seedDemoZiele(db)).toBe("0 Ziele angelegt, 0 Indikatoren zugeordnet");
    const list = listZieleWithRollup(db, null);
    expect(list.find((z) => z.slug === "problemimmobilien")!.reportingCount).toBe(2);
    expect(list.find((z) => z.slug === "krankenversicherungsschutz")!.total).toBeNull();
    const idx = (await indexLoader({ request: req("/ziele"), params: {}, context: {} })) as { ziele: unknown[]; canManage: boolean };
    expect(idx.ziele.length).toBe(4);
    expect(idx.canManage).toBe(false);
    const res = await detailLoader({ request: req("/ziele/nix"), params: { slug: "nix" }, context: {} }).catch((e: unknown) => e);
    expect((res as Response).status).toBe(404);
  });

  it("the project form offers the targets and maps an indicator; an unknown target is a field error", async () => {
    const cookieReq = (path: string, init: RequestInit = {}) => new Request(`http://localhost:3000${path}`, { ...init, headers: { Cookie: hammCookie } });
    const form = (ziel: string, key: string) => {
      const f = new FormData();
      const fields: Record<string, string> = {
        titel: `Task Force Hamm ${key}`,
        stadt: String(cityId("hamm")),
        status: "laufend",
        statusDatum: "2026-11-01",
        sichtbarkeit: "public",
        felder: "wohnen",
        "zeilen.indikator": "1",
        "indikator.0.name": "Begangene Häuser",
        "indikator.0.einheit": "Häuser",
        "indikator.0.aktuell": "11",
        "indikator.0.aktuellDatum": "2026-11-01",
        "indikator.0.ziel": ziel,
        idempotencyKey: `schluessel-${key}-0123456789`,
      };
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return cookieReq("/projekte/neu", { method: "POST", body: f });
    };
    const l = (await newProjectLoader({ request: cookieReq("/projekte/neu"), params: {}, context: {} })) as { ziele: { slug: string }[]; idempotencyKey: string };
    expect(l.ziele.map((z) => z.slug)).toContain("problemimmobilien");
    const bad = (await newProjectAction({ request: form("gibt-es-nicht", "a1"), params: {}, context: {} })) as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(bad.init.status).toBe(400);
    expect(bad.data.errors, JSON.stringify(bad.data.errors)).toHaveProperty(["indikator.0.ziel"]);
    expect(bad.data.errors["indikator.0.ziel"]).toMatch(/gibt es nicht/);
    const ok = (await newProjectAction({ request: form("problemimmobilien", "a2"), params: {}, context: {} })) as Response;
    expect(ok.status).toBe(302);
    const r = zielRollup(db, "problemimmobilien", null)!;
    expect(r.reporting.find((c) => c.city.slug === "hamm")!.value).toBe(11);
    expect(r.total).toBe(97 + 52 + 11);
  });
});

describe("Redaktion creates and edits targets in the site", () => {
  const zielForm = (cookie: string, path: string, fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return new Request(`http://localhost:3000${path}`, { method: "POST", body: f, headers: { Cookie: cookie } });
  };
  const fields = (key: string, over: Record<string, string> = {}) => ({
    title: "Anteil der Familien mit Wohnungsberatung",
    definition: "Anteil der beratenen Familien mit einem Termin der Wohnungsberatung binnen vier Wochen; Mittelwert der Städte.",
    unit: "%",
    aggregation: "mittelwert",
    targetValue: "75,5",
    targetDate: "2028-06-30",
    handlungsfeld: "wohnen",
    idempotencyKey: key,
    ...over,
  });

  it("a coordinator gets 403 on the form and on a POST; nothing is created", async () => {
    const get = new Request("http://localhost:3000/ziele/neu", { headers: { Cookie: hammCookie } });
    await expect(newZielLoader({ request: get, params: {}, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(newZielAction({ request: zielForm(hammCookie, "/ziele/neu", fields("schluessel-ko-0123456789")), params: {}, context: {} })).rejects.toMatchObject({ status: 403 });
    await expect(editZielAction({ request: zielForm(hammCookie, "/ziele/problemimmobilien/bearbeiten", fields("x", { title: "Übernommen" })), params: { slug: "problemimmobilien" }, context: {} })).rejects.toMatchObject({ status: 403 });
    expect(db.select().from(ziele).where(eq(ziele.title, "Anteil der Familien mit Wohnungsberatung")).all()).toHaveLength(0);
    expect(db.select().from(ziele).where(eq(ziele.slug, "problemimmobilien")).get()!.title).not.toBe("Übernommen");
  });

  it("Redaktion: field errors, then one target from a double submit, then an edit with revision and audit", async () => {
    const cookie = (await createUserSession(redaktionId)).split(";")[0];
    const bad = (await newZielAction({ request: zielForm(cookie, "/ziele/neu", fields("schluessel-bad-0123456789", { title: "", targetValue: "viel", unit: "x".repeat(41) })), params: {}, context: {} })) as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(bad.init.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["targetValue", "title", "unit"]);
    const key = "schluessel-rd-0123456789";
    const first = (await newZielAction({ request: zielForm(cookie, "/ziele/neu", fields(key)), params: {}, context: {} })) as Response;
    const again = (await newZielAction({ request: zielForm(cookie, "/ziele/neu", fields(key)), params: {}, context: {} })) as Response;
    expect(first.status).toBe(302);
    expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
    const rows = db.select().from(ziele).where(eq(ziele.title, "Anteil der Familien mit Wohnungsberatung")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ aggregation: "mittelwert", targetValue: 75.5, targetDate: "2028-06-30", handlungsfeld: "wohnen", demo: false });
    const slug = rows[0].slug;
    expect(first.headers.get("Location")).toBe(`/ziele/${slug}`);

    const edited = (await editZielAction({ request: zielForm(cookie, `/ziele/${slug}/bearbeiten`, fields("", { unit: "Prozent", targetValue: "" })), params: { slug }, context: {} })) as Response;
    expect(edited.status).toBe(302);
    const after = db.select().from(ziele).where(eq(ziele.slug, slug)).get()!;
    expect(after).toMatchObject({ unit: "Prozent", targetValue: null });
    expect(db.select().from(revisions).where(and(eq(revisions.entityType, "ziel"), eq(revisions.entityId, after.id))).all()).toHaveLength(2);
    const actions = db.select().from(auditLog).where(eq(auditLog.entityId, String(after.id))).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["ziel.create", "ziel.update"]));
  });
});
