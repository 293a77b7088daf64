// Funding guide on a real migrated database: corpus import, facets per value, conflicts, revisions,
// search documents, the .ics feed and the Redaktion's form (permissions and validation).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, makeUser } from "../setup/db";
import { importContent } from "~/services/content/importer.server";
import { programmeCollection } from "~/services/content/programmes.server";
import { parseProgrammeFile, type ProgrammeFrontmatter } from "~/services/content/frontmatter";
import { getProgramme, listProgrammeSummaries, listStaleProgrammes, listUpcomingDeadlines, saveProgramme, toFrontmatter } from "~/models/programme.server";
import { listRevisions } from "~/models/revision.server";
import { createUserSession } from "~/services/auth.server";
import { applyFilters, addDays, FACETS, parseFilters, type ProgrammeFilters } from "~/utils/programme-facets";
import { todayIso } from "~/utils/format";
import { searchDocuments } from "../../db/schema/index";
import * as listRoute from "~/routes/foerderung._index";
import * as detailRoute from "~/routes/foerderung.$slug";
import * as icsRoute from "~/routes/foerderung.fristen[.]ics";
import * as newRoute from "~/routes/foerderung.neu";
import * as versionsRoute from "~/routes/foerderung.$slug_.versionen";
import type { DB } from "~/services/db.server";

const CONTENT = join(process.cwd(), "content");
const corpus = readdirSync(join(CONTENT, "foerderung"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const p = parseProgrammeFile(readFileSync(join(CONTENT, "foerderung", f), "utf8"));
    if (!p.ok) throw new Error(f);
    return { slug: f.replace(/\.md$/, ""), d: p.data };
  });
/** Corpus deadlines on or after `from` (and up to `until`), as { slug, datum } – the corpus itself carries real future deadlines. */
const corpusDeadlines = (from: string, until = "9999-12-31") =>
  corpus.flatMap((c) => (c.d.fristen ?? []).filter((f) => f.datum >= from && f.datum <= until).map((f) => ({ slug: c.slug, d: c.d, datum: f.datum })));
const EMPTY: ProgrammeFilters = { fonds: [], feld: [], wer: [], ebene: [], status: [], frist: null };
const args = (url: string, extra: Record<string, unknown> = {}) => ({ request: new Request(`http://localhost${url}`), params: {}, context: {}, ...extra }) as never;

let t: ReturnType<typeof createTestDb>;
let db: DB;
let tmpContent: string;

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  tmpContent = mkdtempSync(join(tmpdir(), "sn-foerderung-"));
  cpSync(join(CONTENT, "foerderung"), join(tmpContent, "foerderung"), { recursive: true });
});
afterAll(() => {
  t.cleanup();
  rmSync(tmpContent, { recursive: true, force: true });
});

describe("import", () => {
  it("imports all programmes without errors and is idempotent", async () => {
    const first = await importContent(db, { dir: tmpContent, collections: [programmeCollection] });
    expect(first.errors).toEqual([]);
    expect(first.ok).toBe(true);
    expect(first.collections[0].created).toBe(corpus.length);
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    const again = await importContent(db, { dir: tmpContent, collections: [programmeCollection] });
    expect(again.collections[0]).toMatchObject({ created: 0, updated: 0, unchanged: corpus.length, failed: 0 });
    expect(listProgrammeSummaries(db)).toHaveLength(corpus.length);
  });

  it("stores cooked HTML, deadlines and a search document per programme", () => {
    const p = getProgramme(db, "efre-nrw")!;
    expect(p.fristen.map((f) => f.datum)).toEqual(["2022-12-31", "2023-09-30", "2024-09-30"]);
    expect(p.cooked).toContain('id="antrag-nachweis"');
    expect(p.cooked).not.toContain("<script");
    // [[ehap-plus]] in ESF Plus NRW is a programme, not an article
    expect(getProgramme(db, "esf-plus-nrw")!.cooked).toContain('href="/foerderung/ehap-plus"');
    const doc = db.select().from(searchDocuments).where(eq(searchDocuments.id, "foerderung:esf-plus-nrw")).get()!;
    expect(doc).toMatchObject({ typ: "foerderung", slug: "esf-plus-nrw", url: "/foerderung/esf-plus-nrw", kurz: "ESF Plus NRW", subtype: "esf", visibility: "public", status: "laufend" });
    expect(doc.body).toContain("Antrag");
    expect(doc.ebenen).toEqual(["land"]);
  });

  it("a file changed after a web edit is reported as a conflict, not overwritten (unless --force)", async () => {
    const editor = await makeUser(db, "redaktion");
    const before = getProgramme(db, "komm-in-nrw")!;
    db.transaction((tx) =>
      saveProgramme(tx, { slug: "komm-in-nrw", data: { ...toFrontmatter(before), kurz: "KOMM-IN (Web)" }, body: before.body, authorId: editor.id, reason: "Kurzname", create: false }),
    );
    const file = join(tmpContent, "foerderung", "komm-in-nrw.md");
    const original = readFileSync(file, "utf8");
    // unchanged file: still unchanged, the web edit stays
    let r = await importContent(db, { dir: tmpContent, collections: [programmeCollection] });
    expect(r.collections[0].conflicts).toBe(0);
    expect(getProgramme(db, "komm-in-nrw")!.kurz).toBe("KOMM-IN (Web)");
    writeFileSync(file, original.replace('kurz: "KOMM-IN NRW"', 'kurz: "KOMM-IN NRW (Datei)"'));
    r = await importContent(db, { dir: tmpContent, collections: [programmeCollection] });
    expect(r.collections[0].conflicts).toBe(1);
    expect(r.conflicts.join("\n")).toContain("komm-in-nrw");
    expect(getProgramme(db, "komm-in-nrw")!.kurz).toBe("KOMM-IN (Web)");
    r = await importContent(db, { dir: tmpContent, collections: [programmeCollection], force: true });
    expect(r.collections[0].updated).toBe(1);
    expect(getProgramme(db, "komm-in-nrw")!.kurz).toBe("KOMM-IN NRW (Datei)");
    const revs = listRevisions(db, "programme", before.id);
    expect(revs.map((x) => x.source)).toEqual(["import", "web", "import"]);
    expect(revs[1].reason).toBe("Kurzname");
    writeFileSync(file, original);
    await importContent(db, { dir: tmpContent, collections: [programmeCollection] });
  });
});

describe("facets", () => {
  const today = todayIso();
  it("filters correctly by every value of every facet (checked against the parsed files)", () => {
    const list = listProgrammeSummaries(db).filter((p) => corpus.some((c) => c.slug === p.slug));
    const oracle: Record<string, (d: ProgrammeFrontmatter, v: string) => boolean> = {
      fonds: (d, v) => d.fonds === v,
      ebene: (d, v) => d.ebene === v,
      status: (d, v) => d.status === v,
      feld: (d, v) => (d.handlungsfelder as string[]).includes(v),
      wer: (d, v) => (d.antragsberechtigt as string[]).includes(v),
    };
    let nonEmpty = 0;
    for (const { key, options } of FACETS) {
      for (const v of Object.keys(options)) {
        const got = applyFilters(list, { ...EMPTY, [key]: [v] }, today).map((p) => p.slug).sort();
        const want = corpus.filter((c) => oracle[key](c.d, v)).map((c) => c.slug).sort();
        expect(got, `${key}=${v}`).toEqual(want);
        if (want.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(15);
    // AND across facets, OR within one
    const combo = applyFilters(list, { ...EMPTY, fonds: ["esf", "land"], wer: ["freier-traeger"] }, today).map((p) => p.slug).sort();
    expect(combo).toEqual(corpus.filter((c) => ["esf", "land"].includes(c.d.fonds) && (c.d.antragsberechtigt as string[]).includes("freier-traeger")).map((c) => c.slug).sort());
  });

  it("'Frist in N Tagen' finds only programmes with a deadline in that window", async () => {
    const editor = await makeUser(db, "redaktion");
    const base = toFrontmatter(getProgramme(db, "ehap-plus")!);
    db.transaction((tx) =>
      saveProgramme(tx, { slug: "frist-test", data: { ...base, title: "Frist-Test", kurz: "Frist-Test", fonds: "stiftung", handlungsfelder: ["gesundheit"], fristen: [{ bezeichnung: "Antrag", datum: addDays(today, 20) }, { bezeichnung: "Zweite Runde", datum: addDays(today, 120) }] }, body: "", authorId: editor.id, reason: "Test", create: true }),
    );
    const list = listProgrammeSummaries(db);
    const window = (days: number) => [...new Set(["frist-test", ...corpusDeadlines(today, addDays(today, days)).map((x) => x.slug)])].sort();
    expect(applyFilters(list, { ...EMPTY, frist: 30 }, today).map((p) => p.slug).sort()).toEqual(window(30));
    expect(applyFilters(list, { ...EMPTY, frist: 180 }, today).map((p) => p.slug).sort()).toEqual(window(180));
    expect(applyFilters(list, { ...EMPTY, frist: 10 }, today).map((p) => p.slug).sort()).toEqual([...new Set(corpusDeadlines(today, addDays(today, 10)).map((x) => x.slug))].sort());
  });

  it("the list loader reads filters from the URL, drops unknown values and returns removable chips", async () => {
    const res = (await listRoute.loader(args("/foerderung?fonds=esf&fonds=<script>&wer=kommune"))) as Awaited<ReturnType<typeof listRoute.loader>>;
    expect(res.filters.fonds).toEqual(["esf"]);
    expect(res.programmes.map((p) => p.slug).sort()).toEqual(corpus.filter((c) => c.d.fonds === "esf" && (c.d.antragsberechtigt as string[]).includes("kommune")).map((c) => c.slug).sort());
    expect(res.chips.map((c) => c.label)).toEqual(["Fonds: ESF", "Antragsberechtigt: Kommune"]);
    expect(res.chips[0].removeHref).toBe("/foerderung?wer=kommune");
    expect(JSON.stringify(res)).not.toContain("<script>");
    // stale rows carry their review date, current ones none
    for (const p of res.programmes) {
      const due = corpus.find((c) => c.slug === p.slug)!.d.pruefen_bis;
      expect(p.stale, p.slug).toBe(due && due < todayIso() ? due : null);
    }
    expect(parseFilters(new URLSearchParams("frist=abc")).frist).toBeNull();
  });

  it("the detail loader answers 404 for an unknown slug and lists the review dashboard's stale programmes", async () => {
    await expect(detailRoute.loader(args("/foerderung/gibt-es-nicht", { params: { slug: "gibt-es-nicht" } }))).rejects.toMatchObject({ status: 404 });
    const stale = listStaleProgrammes(db, "2027-02-01").map((p) => p.slug);
    expect(stale).toContain("esf-plus-nrw");
    expect(stale).not.toContain("efre-ziel-2-nrw-2007-2013");
  });
});

describe("fristen.ics", () => {
  it("is text/calendar with all future deadlines, filterable by fonds and feld, on the right Berlin day", async () => {
    const today = todayIso();
    const res = (await icsRoute.loader(args("/foerderung/fristen.ics"))) as Response;
    expect(res.headers.get("Content-Type")).toContain("text/calendar");
    const text = await res.text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const future = listUpcomingDeadlines(db, { from: today });
    expect(events).toHaveLength(future.length);
    const corpusFuture = corpusDeadlines(today);
    expect(events.map((e) => e.startDate.toString()).sort()).toEqual([addDays(today, 20), addDays(today, 120), ...corpusFuture.map((x) => x.datum)].sort());
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    expect(events.find((e) => e.startDate.toString() === addDays(today, 20))!.summary).toMatch(/^Frist Frist-Test: /);
    // past deadlines of the corpus are not in the feed
    expect(text).not.toContain("Wohnviertel im Wandel");
    const count = (s: string) => (s.match(/BEGIN:VEVENT/g) ?? []).length;
    const filtered = await ((await icsRoute.loader(args("/foerderung/fristen.ics?fonds=esf"))) as Response).text();
    expect(count(filtered)).toBe(corpusFuture.filter((x) => x.d.fonds === "esf").length);
    // a repeated value is the same filter (and the same prepared statement shape)
    const repeated = await ((await icsRoute.loader(args(`/foerderung/fristen.ics?${"fonds=esf&".repeat(300)}fonds=esf`))) as Response).text();
    expect(count(repeated)).toBe(count(filtered));
    const byFeld = await ((await icsRoute.loader(args("/foerderung/fristen.ics?feld=gesundheit"))) as Response).text();
    expect(count(byFeld)).toBe(2 + corpusFuture.filter((x) => (x.d.handlungsfelder as string[]).includes("gesundheit")).length);
    const otherFeld = await ((await icsRoute.loader(args("/foerderung/fristen.ics?feld=wohnen"))) as Response).text();
    expect(count(otherFeld)).toBe(corpusFuture.filter((x) => (x.d.handlungsfelder as string[]).includes("wohnen")).length);
  });
});

describe("Redaktion form", () => {
  async function post(form: Record<string, string | string[]>, cookie?: string) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    const request = new Request("http://localhost/foerderung/neu", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie.split(";")[0] } : {}) },
    });
    try {
      return (await newRoute.action({ request, params: {}, context: {} } as never)) as unknown;
    } catch (e) {
      return e;
    }
  }
  const valid = {
    slug: "neues-programm",
    title: "Neues Programm",
    kurz: "Neu",
    summary: "Kurz erklärt.",
    fonds: "land",
    geber: "Land NRW",
    ebene: "land",
    status: "offen",
    antragsberechtigt: ["verein"],
    foerderquote: "80",
    laufzeit_von: "2027-01-01",
    "fristen.0.bezeichnung": "Antrag",
    "fristen.0.datum": "2027-03-01",
    reason: "Neu laut Aufruf",
    body: "## Antrag & Nachweis\n\n<script>alert(1)</script> Schritte …",
  };

  it("guests are sent to sign in, Mitglieder get 403", async () => {
    const guest = (await post(valid)) as Response;
    expect(guest.status).toBe(302);
    expect(guest.headers.get("Location")).toMatch(/^\/anmelden/);
    const member = await makeUser(db, "mitglied", "dortmund");
    const r = (await post(valid, await createUserSession(member.id))) as Response;
    expect(r.status).toBe(403);
    expect(getProgramme(db, "neues-programm")).toBeNull();
  });

  it("rejects out-of-range rates, deadlines before the start and invalid dates with field errors", async () => {
    const editor = await makeUser(db, "redaktion");
    const cookie = await createUserSession(editor.id);
    const r = (await post({ ...valid, foerderquote: "150", eigenanteil: "-5", "fristen.0.datum": "2026-12-01", laufzeit_bis: "2027-02-30", reason: "" }, cookie)) as {
      data: { errors: Record<string, string> };
      init: { status: number };
    };
    expect(r.init.status).toBe(400);
    expect(r.data.errors.foerderquote).toMatch(/zwischen 0 und 100 %/);
    expect(r.data.errors.eigenanteil).toMatch(/zwischen 0 und 100 %/);
    expect(r.data.errors["fristen.0.datum"]).toMatch(/vor dem Programmbeginn/);
    expect(r.data.errors.laufzeit_bis).toMatch(/Datum/);
    expect(r.data.errors.reason).toBeTruthy();
    expect(getProgramme(db, "neues-programm")).toBeNull();

    const ok = (await post(valid, cookie)) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/foerderung/neues-programm");
    const p = getProgramme(db, "neues-programm")!;
    expect(p.foerderquote).toBe(0.8);
    expect(p.eigenanteil).toBeNull();
    expect(p.cooked).not.toContain("<script>");
    expect(listRevisions(db, "programme", p.id)[0]).toMatchObject({ source: "web", reason: "Neu laut Aufruf" });
    // the slug is now taken
    const dup = (await post(valid, cookie)) as { data: { errors: Record<string, string> } };
    expect(dup.data.errors.slug).toMatch(/vergeben/);
  });

  it("restores an earlier version as a new revision", async () => {
    const editor = await makeUser(db, "redaktion");
    const cookie = (await createUserSession(editor.id)).split(";")[0];
    const p = getProgramme(db, "neues-programm")!;
    db.transaction((tx) => saveProgramme(tx, { slug: p.slug, data: { ...toFrontmatter(p), foerderquote: 0.5 }, body: p.body, authorId: editor.id, reason: "Quote geändert", create: false }));
    expect(getProgramme(db, "neues-programm")!.foerderquote).toBe(0.5);
    const request = new Request("http://localhost/foerderung/neues-programm/versionen", {
      method: "POST",
      body: new URLSearchParams({ intent: "wiederherstellen", version: "1" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    });
    const res = (await versionsRoute.action({ request, params: { slug: "neues-programm" }, context: {} } as never)) as Response;
    expect(res.status).toBe(302);
    const after = getProgramme(db, "neues-programm")!;
    expect(after.foerderquote).toBe(0.8);
    expect(listRevisions(db, "programme", after.id).map((r) => r.source)).toEqual(["restore", "web", "web"]);
  });
});
