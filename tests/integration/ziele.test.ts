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

let db: DB;
let cleanup: () => void;
let redaktionId: string;
const member = { id: "m", role: "mitglied" as const, cityId: null };

function cityId(slug: string) {
  return db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id;
}

function project(title: string, city: string, visibility: "public" | "members", value: number, zielSlug: string | null): ProjectInput {
  return {
    title,
    summary: "Testprojekt",
    leadCityId: cityId(city),
    partnerCityIds: [],
    status: "laufend",
    statusDate: "2026-01-01",
    statusNote: "",
    handlungsfelder: ["kinder-bildung"],
    zielgruppen: [],
    problem: "",
    approach: "",
    worked: "",
    failed: "",
    failureReasons: "",
    responsibilities: [],
    nextSteps: "",
    budget: null,
    startDate: null,
    endDate: null,
    contactRole: "",
    visibility,
    seeksPartners: false,
    overBudgetConfirmed: false,
    fundingLines: [],
    indicators: [{ name: "Wartezeit", unit: "Tage", baseline: null, baselineDate: null, target: null, targetDate: null, current: value, currentDate: "2026-10-01", zielSlug }],
    articleSlugs: [],
  };
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  redaktionId = (await makeUser(db, "redaktion")).id;
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
});
