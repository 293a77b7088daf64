// Programme experience (issue 19, done-when 5): a finished project's lead coordinators are asked to rate its
// programmes; the programme page shows the aggregate only from 3 ratings of 3 projects from 3 cities on.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { projectInput } from "../setup/projects";
import type { DB } from "../../db/client";
import { cities, notifications, programmeRatings } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { importContent } from "~/services/content/importer.server";
import { programmeCollection } from "~/services/content/programmes.server";
import { createProject, updateProject } from "~/models/project.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";
import * as rateRoute from "~/routes/projekte.$slug_.bewerten";
import * as programmeRoute from "~/routes/foerderung.$slug";
import * as projectRoute from "~/routes/projekte.$slug";

let db: DB;
let cleanup: () => void;
const who: Record<string, { id: string; cookie: string; cityId: number | null }> = {};
const slugs: Record<string, string> = {};
const PROG = "biwaq";

const cityId = (slug: string) => db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  const r = await importContent(db, { dir: join(process.cwd(), "content"), collections: [programmeCollection] });
  expect(r.errors).toEqual([]);
  for (const [key, role, city] of [
    ["koDo", "koordination", "dortmund"],
    ["koDu", "koordination", "duisburg"],
    ["koGe", "koordination", "gelsenkirchen"],
    ["mitDo", "mitglied", "dortmund"],
  ] as const) {
    const u = await makeUser(db, role, city);
    who[key] = { id: u.id, cityId: u.cityId, cookie: (await createUserSession(u.id)).split(";")[0] };
  }
  for (const [key, city] of [
    ["do", "dortmund"],
    ["du", "duisburg"],
    ["ge", "gelsenkirchen"],
  ] as const) {
    const input = projectInput({
      title: `Lotsenprojekt ${city}`,
      leadCityId: cityId(city),
      fundingLines: [{ programmeSlug: PROG, programmeName: "BIWAQ", fonds: "esf", amount: 1000, ownShare: 100, cofinancing: "" }],
    });
    const p = createProject(db, null, input);
    slugs[key] = p.slug;
  }
});
afterAll(() => cleanup());

function args(path: string, user?: string, form?: Record<string, string>) {
  const headers: Record<string, string> = user ? { Cookie: who[user].cookie } : {};
  const init: RequestInit = form ? { method: "POST", body: new URLSearchParams(form), headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } } : { headers };
  const slug = path.split("/")[2];
  return { request: new Request(`http://localhost${path}`, init), params: { slug }, context: {} } as never;
}
async function outcome(p: Promise<unknown>) {
  try {
    const r = await p;
    if (r instanceof Response) return { status: r.status, body: null as unknown };
    const d = r as { init?: { status?: number }; data?: unknown };
    return { status: d?.init?.status ?? 200, body: d?.data ?? r };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, body: null };
    throw e;
  }
}
const good = { programm: PROG, aufwandAntrag: "4", aufwandNachweis: "5", monate: "6", wieder: "ja", text: "Antrag aufwendig, Beratung durch die Regiestelle hilfreich." };

function finish(key: "do" | "du" | "ge", city: string, actor: string) {
  const p = db.query.projects.findFirst({ where: (t, { eq }) => eq(t.slug, slugs[key]) }).sync()!;
  updateProject(
    db,
    who[actor].id,
    p.id,
    projectInput({
      title: p.title,
      leadCityId: cityId(city),
      status: "abgeschlossen",
      statusDate: "2026-11-30",
      fundingLines: [{ programmeSlug: PROG, programmeName: "BIWAQ", fonds: "esf", amount: 1000, ownShare: 100, cofinancing: "" }],
    }),
  );
}
const ratingCount = () => db.select().from(programmeRatings).where(eq(programmeRatings.programmeSlug, PROG)).all().length;

describe("rating a programme", () => {
  it("cannot be rated while the project runs", async () => {
    expect((await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDo", good)))).status).toBe(403);
    expect(ratingCount()).toBe(0);
  });

  it("asks the lead coordinator – also the one who set the status – once the project is finished", () => {
    finish("do", "dortmund", "koDo");
    const mine = db.select().from(notifications).where(and(eq(notifications.userId, who.koDo.id), eq(notifications.kind, "bewertung"))).all();
    expect(mine).toHaveLength(1);
    expect(mine[0].url).toBe(`/projekte/${slugs.do}/bewerten`);
    expect(mine[0].message).toContain("BIWAQ");
    // not the other cities' coordinators, not the member
    expect(db.select().from(notifications).where(eq(notifications.kind, "bewertung")).all()).toHaveLength(1);
  });

  it("shows the rating link on the project page only to the lead city's coordinator", async () => {
    const asCo = (await outcome(projectRoute.loader(args(`/projekte/${slugs.do}`, "koDo")))).body as { exchange: { rate: { slug: string }[] | null } };
    expect(asCo.exchange.rate?.map((g) => g.slug)).toEqual([PROG]);
    const asMember = (await outcome(projectRoute.loader(args(`/projekte/${slugs.do}`, "mitDo")))).body as { exchange: { rate: unknown } };
    expect(asMember.exchange.rate).toBeNull();
  });

  it("refuses members, other cities' coordinators and guests", async () => {
    expect((await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "mitDo", good)))).status).toBe(403);
    expect((await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDu", good)))).status).toBe(403);
    expect((await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, undefined, good)))).status).toBe(302); // to the sign-in
    expect(ratingCount()).toBe(0);
  });

  it("names every wrong field in German", async () => {
    const r = await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDo", { programm: PROG, aufwandAntrag: "9", aufwandNachweis: "", monate: "viele", wieder: "", text: "x".repeat(1001) })));
    expect(r.status).toBe(400);
    const errors = (r.body as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["aufwandAntrag", "aufwandNachweis", "monate", "text", "wieder"]);
    expect(errors.monate).toMatch(/Monate/);
    const other = await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDo", { ...good, programm: "efre-nrw" })));
    expect(other.status).toBe(400);
    expect(ratingCount()).toBe(0);
  });

  it("a double submit leaves one rating; a second submit edits it", async () => {
    const [a, b] = await Promise.all([
      outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDo", good))),
      outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDo", good))),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(ratingCount()).toBe(1);
    await outcome(rateRoute.action(args(`/projekte/${slugs.do}/bewerten`, "koDo", { ...good, aufwandAntrag: "2" })));
    const rows = db.select().from(programmeRatings).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].effortApplication).toBe(2);
    const form = (await outcome(rateRoute.loader(args(`/projekte/${slugs.do}/bewerten`, "koDo")))).body as { existing: { effortApplication: number } };
    expect(form.existing.effortApplication).toBe(2);
  });
});

describe("aggregate on the programme page", () => {
  type Page = { ratings: { shown: boolean; count: number; effortApplication?: number; decisionMonths?: number; wouldUseAgain?: number; texts?: { text: string; city: string; year: number }[] } };
  const page = async (user?: string) => (await outcome(programmeRoute.loader(args(`/foerderung/${PROG}`, user)))).body as Page;

  it("2 ratings: no aggregate, for nobody", async () => {
    finish("du", "duisburg", "koDu");
    await outcome(rateRoute.action(args(`/projekte/${slugs.du}/bewerten`, "koDu", { ...good, aufwandAntrag: "3", monate: "9", wieder: "nein", text: "" })));
    expect(ratingCount()).toBe(2);
    for (const u of [undefined, "koDo"]) {
      const r = await page(u);
      expect(r.ratings.shown).toBe(false);
      expect(r.ratings).not.toHaveProperty("effortApplication");
      expect(r.ratings).not.toHaveProperty("texts");
    }
  });

  it("3 ratings of 3 projects in 3 cities: the aggregate, texts with city and year, no names", async () => {
    finish("ge", "gelsenkirchen", "koGe");
    await outcome(rateRoute.action(args(`/projekte/${slugs.ge}/bewerten`, "koGe", { ...good, aufwandAntrag: "4", monate: "3", text: "Schnelle Entscheidung." })));
    const r = await page();
    expect(r.ratings.shown).toBe(true);
    expect(r.ratings.count).toBe(3);
    expect(r.ratings.effortApplication).toBe(3); // (2 + 3 + 4) / 3
    expect(r.ratings.decisionMonths).toBe(6); // (6 + 9 + 3) / 3
    expect(r.ratings.wouldUseAgain).toBe(2);
    const year = new Date().getFullYear();
    expect(r.ratings.texts).toEqual(
      expect.arrayContaining([
        { text: "Schnelle Entscheidung.", city: "Gelsenkirchen", year },
        { text: good.text, city: "Dortmund", year },
      ]),
    );
    const json = JSON.stringify(r);
    expect(json).not.toContain("koordination dortmund");
    expect(json).not.toContain(who.koDo.id);
  });
});

describe("DSGVO", () => {
  it("exports the author's ratings, and erasure keeps them anonymous", async () => {
    const exp = exportUserData(db, who.koDo.id)!;
    expect(exp.programmBewertungen).toHaveLength(1);
    expect(exp.programmBewertungen[0]).toMatchObject({ projekt: slugs.do, programm: PROG, aufwandAntrag: 2 });
    deleteAccount(db, who.koDo.id);
    const rows = db.select().from(programmeRatings).where(eq(programmeRatings.projectId, db.query.projects.findFirst({ where: (t, { eq }) => eq(t.slug, slugs.do) }).sync()!.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].authorId).toBeNull();
    const r = (await outcome(programmeRoute.loader(args(`/foerderung/${PROG}`)))).body as { ratings: { shown: boolean; count: number } };
    expect(r.ratings).toMatchObject({ shown: true, count: 3 });
  });
});
