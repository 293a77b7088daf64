// The demo installation against the platform's own content: seeds the full demo (cities, accounts, content,
// forum, example deadlines, projects) into a migrated test database and checks what a careful reader would
// otherwise find as a contradiction – funding lines outside a programme's period or outside an open round,
// EFRE money for running costs, a "geklärt" answer that says more than the health checklist, unmarked
// example data, and deadlines that have already passed on the day of seeding.
import { and, eq, inArray } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_PASSWORD } from "../setup/db";
import { seedDemo } from "../../scripts/lib/demo";
import { DEMO_PROGRAMME_SLUG, seedDemoDeadlines } from "../../scripts/lib/demo-fristen";
import { DEMO_PROJECTS } from "../../scripts/lib/demo-projekte";
import { articles, forumPosts, forumTopics, programmeDeadlines, programmes, projectFundingLines, projects, projectStatusEvents } from "../../db/schema/index";
import { listUpcomingDeadlines } from "~/models/programme.server";
import { todayIso } from "~/utils/format";
import * as home from "~/routes/_index";
import type { DB } from "~/services/db.server";

let t: ReturnType<typeof createTestDb>;
let db: DB;

beforeAll(async () => {
  // the demo attaches files (Beispiel-Dateien): into a temp store, not ./data/files
  process.env.FILES_DIR = join(mkdtempSync(join(tmpdir(), "sn-demo-daten-")), "files");
  t = createTestDb({ seed: false });
  db = t.db;
  await seedDemo(db, { password: () => TEST_PASSWORD });
}, 180_000);
afterAll(() => t.cleanup());

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function fundedProjects() {
  const lines = db.select().from(projectFundingLines).all();
  const byId = new Map(db.select().from(projects).all().map((p) => [p.id, p]));
  const progs = new Map(db.select().from(programmes).all().map((p) => [p.slug, p]));
  return lines.map((l) => ({ line: l, project: byId.get(l.projectId)!, programme: l.programmeSlug ? progs.get(l.programmeSlug) : undefined }));
}

describe("demo projects fit the funding guide", () => {
  it("seeds every demo project", () => {
    expect(db.select({ id: projects.id }).from(projects).all()).toHaveLength(DEMO_PROJECTS.length);
  });

  it("every funding line that names a programme points to an existing entry and lies within its period", () => {
    let checked = 0;
    for (const { line, project, programme } of fundedProjects()) {
      if (!line.programmeSlug) continue;
      const what = `${project.title} ← ${line.programmeSlug}`;
      expect(programme, `${what}: Programm fehlt im Förderwegweiser`).toBeDefined();
      if (!programme!.laufzeitVon && !programme!.laufzeitBis) continue;
      expect(project.startDate, `${what}: Projektbeginn fehlt`).toBeTruthy();
      if (programme!.laufzeitVon) expect(project.startDate! >= programme!.laufzeitVon, `${what}: beginnt ${project.startDate} vor dem Programm (${programme!.laufzeitVon})`).toBe(true);
      if (programme!.laufzeitBis) {
        expect(project.endDate, `${what}: Projektende fehlt, Programm endet ${programme!.laufzeitBis}`).toBeTruthy();
        expect(project.endDate! <= programme!.laufzeitBis, `${what}: endet ${project.endDate} nach dem Programm (${programme!.laufzeitBis})`).toBe(true);
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it("an application to a programme with published rounds was filed in an open round (at most 180 days before a deadline)", () => {
    let checked = 0;
    const applied = db.select().from(projectStatusEvents).where(eq(projectStatusEvents.status, "beantragt")).all();
    for (const { line, project, programme } of fundedProjects()) {
      if (!programme) continue;
      const deadlines = db.select({ datum: programmeDeadlines.datum }).from(programmeDeadlines).where(eq(programmeDeadlines.programmeId, programme.id)).all();
      if (!deadlines.length) continue;
      for (const a of applied.filter((e) => e.projectId === project.id)) {
        const open = deadlines.some((d) => d.datum >= a.date && d.datum <= addDays(a.date, 180));
        expect(open, `${project.title}: Antrag vom ${a.date} bei ${line.programmeSlug}, aber keine Frist in den 180 Tagen danach`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("EFRE money pays only investments: every EFRE line names its investive purpose", () => {
    const efre = fundedProjects().filter((x) => x.line.fonds === "efre");
    expect(efre.length).toBeGreaterThan(0);
    for (const { line, project } of efre) expect(line.programmeName, `${project.title}: EFRE-Linie ohne investiven Zweck`).toMatch(/investiv/i);
    // the paper's play-group idea is paid from running-cost money, not from EFRE
    const playGroups = db.select().from(projects).all().filter((p) => /Spielgruppe/i.test(`${p.summary} ${p.approach}`));
    expect(playGroups.length).toBeGreaterThan(0);
    for (const p of playGroups) expect(efre.some((x) => x.project.id === p.id), `${p.title}: Spielgruppen aus EFRE`).toBe(false);
  });

  it("every demo project says it is illustrative", () => {
    for (const p of db.select().from(projects).all()) expect(p.summary, p.title).toContain("Demo-Projekt");
  });
});

describe("demo forum matches the articles", () => {
  it("the settled health question says what the checklist says: im Einzelfall strittig, § 5 Abs. 11 SGB V", () => {
    const topic = db.select().from(forumTopics).all().find((x) => /Krankenversicherung für EU-Bürgerinnen ohne Beschäftigung/.test(x.title))!;
    expect(topic.clearingStatus).toBe("geklaert");
    expect(topic.clearingReason).toContain("im Einzelfall strittig");
    expect(topic.clearingReason).toContain("§ 5 Abs. 11 SGB V");
    expect(topic.clearingReason).not.toMatch(/in der Regel Zugang/);
    const checklist = db.select().from(articles).where(eq(articles.slug, "checkliste-gesundheit")).get()!;
    expect(checklist.body).toContain("im Einzelfall strittig");
    expect(checklist.body).toContain("Abs. 11 SGB V");
  });

  it("every demo topic is marked as an example", () => {
    const topics = db.select().from(forumTopics).all();
    expect(topics.length).toBeGreaterThan(0);
    for (const x of topics) {
      const first = db.select({ raw: forumPosts.raw }).from(forumPosts).where(and(eq(forumPosts.topicId, x.id), eq(forumPosts.postNumber, 1))).get();
      expect(first?.raw ?? "", x.title).toContain("Beispielbeitrag der Demo-Installation");
    }
  });
});

describe("deadlines of a new installation", () => {
  it("the home page shows future deadlines, and demo-only ones are labelled 'Beispiel'", async () => {
    const today = todayIso();
    const { deadlines } = ((await home.loader({ request: new Request("http://localhost/"), params: {}, context: {} })) as Awaited<ReturnType<typeof home.loader>>).guest!;
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) {
      expect(d.datum >= today).toBe(true);
      if (d.slug === DEMO_PROGRAMME_SLUG) expect(d.bezeichnung).toContain("Beispiel");
    }
    const demo = listUpcomingDeadlines(db, { from: today, slug: DEMO_PROGRAMME_SLUG });
    expect(demo).toHaveLength(2);
    expect(demo.every((d) => d.bezeichnung.includes("Beispiel") && d.kurz.includes("Beispiel"))).toBe(true);
  });

  it("example deadlines are computed from the day of seeding, and an old demo database gets them moved forward", () => {
    const later = new Date("2031-03-01T09:00:00Z");
    seedDemoDeadlines(db, later);
    const demo = listUpcomingDeadlines(db, { from: "2031-03-01", slug: DEMO_PROGRAMME_SLUG });
    expect(demo.map((d) => d.datum)).toEqual(["2031-03-31", "2031-05-15"]);
    expect(db.select().from(programmes).where(inArray(programmes.slug, [DEMO_PROGRAMME_SLUG])).all()).toHaveLength(1);
    // a second run on the same day changes nothing
    expect(seedDemoDeadlines(db, later)).toMatch(/vorhanden/);
  });

  it("the corpus has no example deadlines: every real deadline is sourced content, and none says 'Beispiel'", () => {
    const rows = db.select({ slug: programmes.slug, bezeichnung: programmeDeadlines.bezeichnung }).from(programmeDeadlines).innerJoin(programmes, eq(programmes.id, programmeDeadlines.programmeId)).all();
    for (const r of rows.filter((x) => x.slug !== DEMO_PROGRAMME_SLUG)) expect(r.bezeichnung, r.slug).not.toMatch(/Beispiel/);
  });
});

describe("refreshed corpus (2 December 2026)", () => {
  it("nothing is overdue on the day of the refresh, and no stand lies after its review date", () => {
    const entries = [
      ...db.select({ slug: articles.slug, stand: articles.stand, pruefenBis: articles.pruefenBis }).from(articles).all(),
      ...db.select({ slug: programmes.slug, stand: programmes.stand, pruefenBis: programmes.pruefenBis }).from(programmes).all(),
    ];
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) {
      expect(e.pruefenBis, e.slug).toBeTruthy();
      expect(e.pruefenBis! >= "2027-01-01", `${e.slug}: prüfen bis ${e.pruefenBis}`).toBe(true);
      expect(!e.stand || e.stand <= e.pruefenBis!, `${e.slug}: Stand ${e.stand} nach prüfen bis ${e.pruefenBis}`).toBe(true);
    }
  });
});
