// Ankommen: the guides collection (real files from content/ and broken ones), the Laufzettel, the Anlaufstellen
// pages and their permissions, and search in Bulgarian – on the real migrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { importContent } from "~/services/content/importer.server";
import { guideCollection } from "~/services/content/ankommen.server";
import { articleCollection } from "~/services/content/articles.server";
import { buildLaufzettel, listGuides, listOutdatedTranslations, saveAnlaufstelle } from "~/models/ankommen.server";
import { getCityBySlug } from "~/models/city.server";
import { createUserSession } from "~/services/auth.server";
import { runReviewReminders } from "~/models/review.server";
import { notifications } from "../../db/schema/index";
import { eq } from "drizzle-orm";
import { getSearchIndex } from "~/services/search/index.server";
import { action as stellenAction, loader as stellenLoader } from "~/routes/staedte.$slug_.anlaufstellen";
import { loader as stationLoader } from "~/routes/ankommen.$station";
import { loader as laufzettelLoader } from "~/routes/ankommen.laufzettel";
import { loader as cityLoader } from "~/routes/staedte.$slug";
import { loader as sitemapLoader } from "~/routes/sitemap[.]xml";

const ROOT = join(__dirname, "..", "..");
let db: DB;
let cleanup: () => void;
const cookies: Record<string, string> = {};
let redaktionId = "";

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  const r = await importContent(db, { dir: join(ROOT, "content"), collections: [articleCollection, guideCollection] });
  expect(r.errors).toEqual([]);
  for (const [key, role, city] of [
    ["koDo", "koordination", "dortmund"],
    ["koDu", "koordination", "duisburg"],
    ["mitglied", "mitglied", "dortmund"],
    ["redaktion", "redaktion", undefined],
  ] as const) {
    const u = await makeUser(db, role, city);
    cookies[key] = (await createUserSession(u.id)).split(";")[0];
    if (key === "redaktion") redaktionId = u.id;
  }
});
afterAll(() => cleanup());

const base = "http://localhost:3000";
const req = (path: string, who?: string, init: RequestInit = {}) =>
  new Request(base + path, { ...init, headers: who ? { Cookie: cookies[who] } : {} });
function post(path: string, who: string | undefined, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  return req(path, who, { method: "POST", body: form });
}
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    const r = await p;
    if (r instanceof Response) return r.status;
    return (r as { init?: { status?: number } } | undefined)?.init?.status ?? 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("guides from content/ankommen", () => {
  it("imports seven Stations in five languages, each translation with as many steps as the German source", () => {
    const guides = listGuides(db);
    expect(new Set(guides.map((g) => g.station)).size).toBe(7);
    for (const station of new Set(guides.map((g) => g.station))) {
      const set = guides.filter((g) => g.station === station);
      expect(set.map((g) => g.lang).sort()).toEqual(["bg", "de", "de-x-ls", "en", "ro"]);
      const de = set.find((g) => g.lang === "de")!;
      expect(de.steps.length).toBeGreaterThanOrEqual(5);
      for (const g of set) expect(g.steps.length, `${station}.${g.lang}`).toBe(de.steps.length);
    }
    expect(listOutdatedTranslations(db)).toEqual([]);
  });

  it("reports an unknown language, a missing station and a file name that does not match, with file and field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sn-ankommen-"));
    mkdirSync(join(dir, "ankommen"));
    const fm = (extra: string) => `---\ntitle: "T"\nsummary: "S"\nquelle_stand: 2026-12-01\nstatus: uebersetzt\n${extra}---\n1. **Schritt.** Text.\n`;
    writeFileSync(join(dir, "ankommen", "anmeldung.tr.md"), fm("station: anmeldung\nlang: tr\n"));
    writeFileSync(join(dir, "ankommen", "wohnen.bg.md"), fm("lang: bg\n"));
    writeFileSync(join(dir, "ankommen", "arbeit.ro.md"), fm("station: wohnen\nlang: ro\n"));
    writeFileSync(join(dir, "ankommen", "wohnen.en.md"), fm("station: wohnen\nlang: en\nstand: 2027-01-01\npruefen_bis: 2026-12-31\n"));
    try {
      const r = await importContent(db, { dir, collections: [guideCollection] });
      expect(r.ok).toBe(false);
      expect(r.errors).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ankommen\/anmeldung\.tr\.md: lang: unbekannte Sprache/),
          expect.stringMatching(/^ankommen\/wohnen\.bg\.md: station: fehlt/),
          expect.stringMatching(/^ankommen\/arbeit\.ro\.md: station: „wohnen“ passt nicht zum Dateinamen/),
          expect.stringMatching(/^ankommen\/wohnen\.en\.md: stand: liegt nach pruefen_bis/),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("marks a translation outdated when the German version is newer, and the importer says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sn-ankommen-"));
    mkdirSync(join(dir, "ankommen"));
    const de = `---\ntitle: "Krankenversicherung"\nstation: krankenversicherung\nlang: de\nsummary: "S"\nquelle_stand: 2027-02-01\nstand: 2027-02-01\nstatus: geprueft\ngeprueft_von: "Redaktion"\ngeprueft_am: 2027-02-01\n---\n1. **Neu.** Geänderter Schritt.\n2. **Zwei.** Text.\n3. **Drei.** Text.\n4. **Vier.** Text.\n5. **Fünf.** Text.\n6. **Sechs.** Text.\n`;
    writeFileSync(join(dir, "ankommen", "krankenversicherung.de.md"), de);
    try {
      const r = await importContent(db, { dir, collections: [guideCollection] });
      expect(r.ok).toBe(true);
      expect(r.warnings.join("\n")).toMatch(/krankenversicherung\.bg\.md ist veraltet: übersetzt Stand 2026-12-02, deutsche Fassung Stand 2027-02-01/);
      const outdated = listOutdatedTranslations(db).map((g) => `${g.station}.${g.lang}`);
      expect(outdated.sort()).toEqual(["krankenversicherung.bg", "krankenversicherung.de-x-ls", "krankenversicherung.en", "krankenversicherung.ro"]);
      const page = await stationLoader({ request: req("/ankommen/krankenversicherung?sprache=bg"), params: { station: "krankenversicherung" }, context: {} });
      expect(page.guide.outdated).toBe(true);
      expect(page.guide.lang).toBe("bg");
      // The German guide is team-owned (verantwortlich: redaktion): every Redaktion user is reminded, once.
      const outdatedNotes = () => db.select().from(notifications).where(eq(notifications.userId, redaktionId)).all().filter((n) => n.message.startsWith("Übersetzungen veraltet"));
      const first = runReviewReminders(db, new Date("2027-02-02T08:00:00Z"));
      expect(first.veraltet).toBe(1);
      const mine = outdatedNotes();
      expect(mine).toHaveLength(1);
      expect(mine[0].message).toMatch(/Übersetzungen veraltet: „Krankenversicherung“.*Bulgarisch/);
      expect(mine[0].url).toBe("/ankommen/krankenversicherung");
      expect(runReviewReminders(db, new Date("2027-02-03T08:00:00Z")).veraltet).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // restore the corpus version for the other tests
      await importContent(db, { dir: join(ROOT, "content"), collections: [guideCollection] });
    }
  });

  it("finds the Bulgarian guide for a Bulgarian query", async () => {
    const r = await getSearchIndex().search({ q: "здравна осигуровка", limit: 10, offset: 0 }, null);
    expect(r.hits.slice(0, 3).map((h) => h.slug)).toContain("krankenversicherung.bg");
    const typed = await getSearchIndex().search({ q: "здравна осигуровка", typ: "ankommen", limit: 10, offset: 0 }, null);
    expect(typed.hits.every((h) => h.typ === "ankommen")).toBe(true);
    expect(typed.hits[0].url).toBe("/ankommen/krankenversicherung?sprache=bg");
  });
});

describe("Anlaufstellen", () => {
  const fields = {
    name: "Clearingstelle Gesundheit Dortmund",
    handlungsfeld: "gesundheit",
    stationen: ["krankenversicherung"],
    adresse: "Musterstraße 1\n44135 Dortmund",
    oeffnungszeiten: "Di 9–12 Uhr",
    telefon: "0231 000000",
    email: "clearing@example.invalid",
    sprachen: ["bg", "ro"],
    hinweis: "",
    grund: "Neu eingetragen",
  };

  it("a Dortmund coordinator adds an office; it shows on the city page, in the guide and in the Laufzettel", async () => {
    const res = await stellenAction({ request: post("/staedte/dortmund/anlaufstellen", "koDo", fields), params: { slug: "dortmund" }, context: {} });
    expect((res as Response).status).toBe(302);
    const city = await cityLoader({ request: req("/staedte/dortmund"), params: { slug: "dortmund" }, context: {} });
    expect(city.anlaufstellen.map((s) => s.name)).toContain(fields.name);
    const guide = await stationLoader({ request: req("/ankommen/krankenversicherung?stadt=dortmund&sprache=ro"), params: { station: "krankenversicherung" }, context: {} });
    expect(guide.stellen.map((s) => s.name)).toEqual([fields.name]);
    const lz = await laufzettelLoader({
      request: req("/ankommen/laufzettel?stadt=dortmund&stationen=krankenversicherung&stationen=schule-kita&sprache1=de&sprache2=ro&erstellen=1"),
      params: {},
      context: {},
    });
    expect(lz.sections?.map((s) => s.station)).toEqual(["krankenversicherung", "schule-kita"]);
    const kv = lz.sections![0];
    expect(kv.stellen.map((s) => s.name)).toEqual([fields.name]);
    expect(kv.steps.length).toBeGreaterThanOrEqual(5);
    for (const [de, ro] of kv.steps) {
      expect(de).not.toBe("");
      expect(ro).not.toBe("");
    }
    expect(kv.steps[0][1]).toMatch(/Asigurare prin locul de muncă/);
  });

  it("a Duisburg coordinator and a member cannot edit Dortmund's offices (403), and nothing is stored", async () => {
    const other = { ...fields, name: "Fremder Eintrag" };
    expect(await statusOf(stellenAction({ request: post("/staedte/dortmund/anlaufstellen", "koDu", other), params: { slug: "dortmund" }, context: {} }))).toBe(403);
    expect(await statusOf(stellenAction({ request: post("/staedte/dortmund/anlaufstellen", "mitglied", other), params: { slug: "dortmund" }, context: {} }))).toBe(403);
    const page = await stellenLoader({ request: req("/staedte/dortmund/anlaufstellen", "koDu"), params: { slug: "dortmund" }, context: {} });
    expect(page.mayEdit).toBe(false);
    expect(page.stellen.map((s) => s.name)).not.toContain("Fremder Eintrag");
  });

  it("refuses an entry without Station or with a malformed e-mail, with errors at the fields", async () => {
    const res = await stellenAction({
      request: post("/staedte/dortmund/anlaufstellen", "koDo", { ...fields, stationen: [], email: "keine-adresse" }),
      params: { slug: "dortmund" },
      context: {},
    });
    const d = res as unknown as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(d.init.status).toBe(400);
    expect(Object.keys(d.data.errors).sort()).toEqual(["email", "stationen"]);
  });

  it("archiving needs a confirmation and keeps the history", async () => {
    const dortmund = getCityBySlug(db, "dortmund")!;
    const id = saveAnlaufstelle(db, { cityId: dortmund.id, actorId: redaktionId, data: { ...fields, name: "Zu archivieren", terminNoetig: false, stationen: ["wohnen"], sprachen: [] }, reason: "Test" });
    const unconfirmed = await stellenAction({ request: post("/staedte/dortmund/anlaufstellen", "koDo", { intent: "archivieren", id: String(id) }), params: { slug: "dortmund" }, context: {} });
    expect((unconfirmed as unknown as { init: { status: number } }).init.status).toBe(400);
    const ok = await stellenAction({ request: post("/staedte/dortmund/anlaufstellen", "koDo", { intent: "archivieren", id: String(id), bestaetigt: "ja" }), params: { slug: "dortmund" }, context: {} });
    expect((ok as Response).status).toBe(302);
    const lz = buildLaufzettel(db, { cityId: dortmund.id, stationen: ["wohnen"], sprachen: ["de", "bg"] });
    expect(lz[0].stellen.map((s) => s.name)).not.toContain("Zu archivieren");
  });

  it("the Laufzettel form asks for a city, a Station and two different languages", async () => {
    const lz = await laufzettelLoader({ request: req("/ankommen/laufzettel?sprache1=bg&sprache2=bg&erstellen=1"), params: {}, context: {} });
    expect(Object.keys(lz.errors ?? {}).sort()).toEqual(["sprache2", "stadt", "stationen"]);
    expect(lz.sections).toBeNull();
  });
});

describe("sitemap", () => {
  it("lists the guides with their language alternates and no members-only page", async () => {
    const res = await sitemapLoader();
    const xml = await res.text();
    expect(xml).toContain("/ankommen/krankenversicherung?sprache=bg</loc>");
    expect(xml).toMatch(/hreflang="ro" href="[^"]*\/ankommen\/krankenversicherung\?sprache=ro"/);
    expect(xml).toContain("/wissen/checkliste-gesundheit</loc>");
    expect(xml).not.toContain("/verwaltung");
  });
});
