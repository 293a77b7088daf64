// Forderungen (issue 19): seed import, grouping, proposals that wait for Redaktion, history, feed, exports.
import { join } from "node:path";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, makeUser } from "../setup/db";
import { importContent } from "~/services/content/importer.server";
import { forderungCollection } from "~/services/content/forderungen.server";
import { createUserSession } from "~/services/auth.server";
import { getForderung, listForderungen, listHistory } from "~/models/forderung.server";
import { parseCsv } from "~/utils/csv";
import { EBENEN } from "~/utils/taxonomy";
import * as detailRoute from "~/routes/forderungen.$slug";
import * as queueRoute from "~/routes/forderungen.vorschlaege";
import * as indexRoute from "~/routes/forderungen._index";
import * as feedRoute from "~/routes/forderungen.feed[.]xml";
import * as csvRoute from "~/routes/forderungen.export[.]csv";
import * as jsonRoute from "~/routes/forderungen.export[.]json";
import * as reportRoute from "~/routes/forderungen.bericht.$ebene";
import { aboOutbox, auditLog, notifications } from "../../db/schema/index";
import { eq } from "drizzle-orm";

const CONTENT = join(__dirname, "../../content");
let t: ReturnType<typeof createTestDb>;

const get = (url: string, params: Record<string, string> = {}, cookie?: string) =>
  ({ request: new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie.split(";")[0] } : {} }), params, context: {} }) as never;
const post = (url: string, form: Record<string, string>, params: Record<string, string>, cookie?: string) =>
  ({
    request: new Request(`http://localhost${url}`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie.split(";")[0] } : {}) },
    }),
    params,
    context: {},
  }) as never;
async function status(p: Promise<unknown>) {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

beforeAll(async () => {
  t = createTestDb();
  const report = await importContent(t.db, { dir: CONTENT, collections: [forderungCollection] });
  expect(report.errors).toEqual([]);
  expect(report.ok).toBe(true);
});
afterAll(() => t.cleanup());

describe("seed from the paper's next steps", () => {
  it("imports every demand of LS 1–6, each with a source and a link to its Lösungsszenario", () => {
    const files = readdirSync(join(CONTENT, "forderungen")).filter((f) => f.endsWith(".md"));
    const expected = files.reduce((n, f) => n + (readFileSync(join(CONTENT, "forderungen", f), "utf8").match(/^ {2}- slug:/gm) ?? []).length, 0);
    const rows = listForderungen(t.db);
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r.loesungsszenario))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    for (const r of rows) {
      expect(r.quelle).toMatch(/Handlungsrahmen/);
      expect(r.artikel).toMatch(/^loesungsszenario-[1-6]-/);
      expect(existsArticle(r.artikel)).toBe(true);
    }
    // Every level that the paper addresses has demands.
    for (const e of ["kommune", "land", "bund", "eu", "herkunftsland"]) expect(rows.some((r) => r.ebene === e)).toBe(true);
  });

  it("records what happened later with its source, and leaves the rest open with 'Stand unbekannt'", () => {
    const ehap = getForderung(t.db, "ls3-bund-foerdermoeglichkeiten")!;
    expect(ehap.status).toBe("umgesetzt");
    const h = listHistory(t.db, ehap.id);
    expect(h[0].nachweisUrl).toMatch(/^https:\/\//);
    expect(h[0].nachweis).toMatch(/EhAP Plus/);
    const open = getForderung(t.db, "ls2-bund-zentrale-clearingstelle")!;
    expect(open.status).toBe("offen");
    expect(open.statusDatum).toBeNull();
  });

  it("is idempotent: a second import changes nothing and duplicates nothing", async () => {
    const before = listForderungen(t.db).length;
    const again = await importContent(t.db, { dir: CONTENT, collections: [forderungCollection] });
    expect(again.collections[0]).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(listForderungen(t.db)).toHaveLength(before);
    expect(listHistory(t.db, getForderung(t.db, "ls3-bund-foerdermoeglichkeiten")!.id)).toHaveLength(2);
  });

  it("a changed file tells followers only about the demand that changed, not about the whole file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sn-forderungen-"));
    try {
      mkdirSync(join(dir, "forderungen"));
      for (const f of readdirSync(join(CONTENT, "forderungen"))) copyFileSync(join(CONTENT, "forderungen", f), join(dir, "forderungen", f));
      const file = join(dir, "forderungen", "loesungsszenario-2.md");
      const src = readFileSync(file, "utf8");
      const titel = getForderung(t.db, "ls2-bund-zentrale-clearingstelle")!.titel;
      expect(src).toContain(`titel: "${titel}"`);
      writeFileSync(file, src.replace(`titel: "${titel}"`, `titel: "${titel} (überarbeitet)"`));
      const outbox = () => t.db.select({ key: aboOutbox.entryKey }).from(aboOutbox).where(eq(aboOutbox.liste, "forderungen")).all().map((r) => r.key);
      const before = outbox().length;
      const report = await importContent(t.db, { dir, collections: [forderungCollection] });
      expect(report.collections[0]).toMatchObject({ updated: 1, failed: 0 });
      expect(outbox().slice(before)).toEqual(["ls2-bund-zentrale-clearingstelle"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await importContent(t.db, { dir: CONTENT, collections: [forderungCollection] });
    }
  });

  it("the list page groups by level ('Wer ist am Zug?') and filters by facet", async () => {
    const all = (await indexRoute.loader(get("/forderungen"))) as Awaited<ReturnType<typeof indexRoute.loader>>;
    expect(all.view).toBe("ebene");
    const order = Object.keys(EBENEN);
    const positions = all.rows.map((r) => order.indexOf(r.ebene));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const bund = (await indexRoute.loader(get("/forderungen?ebene=bund&status=offen"))) as typeof all;
    expect(bund.rows.length).toBeGreaterThan(0);
    expect(bund.rows.every((r) => r.ebene === "bund" && r.status === "offen")).toBe(true);
    // the facet of a filter still offers the other values
    expect(bund.facets.ebene.land).toBeGreaterThan(0);
  });
});

function existsArticle(slug: string) {
  return readdirSync(join(CONTENT, "wissen")).includes(`${slug}.md`);
}

describe("status changes: coordinators propose, Redaktion confirms", () => {
  const slug = "ls2-bund-zentrale-clearingstelle";
  const form = { status: "in-arbeit", datum: "2026-11-20", nachweis: "Bundestagsantrag zur Clearingstelle in erster Lesung beraten", nachweis_url: "https://example.org/antrag" };

  it("a coordinator's proposal waits: not in history, status, or feed; the coordinator sees it as waiting", async () => {
    const koord = await makeUser(t.db, "koordination", "dortmund");
    const editor = await makeUser(t.db, "redaktion");
    const cookie = await createUserSession(koord.id);
    const r = (await detailRoute.action(post(`/forderungen/${slug}`, form, { slug }, cookie))) as Response;
    expect(r.status).toBe(302);
    // double click: the same proposal is stored once
    await detailRoute.action(post(`/forderungen/${slug}`, form, { slug }, cookie));
    // Redaktion hears about it, once
    const toRed = t.db.select().from(notifications).where(eq(notifications.userId, editor.id)).all();
    expect(toRed).toHaveLength(1);
    expect(toRed[0]).toMatchObject({ url: "/forderungen/vorschlaege" });
    expect(toRed[0].message).toContain("Zentrale Clearingstelle");
    const f = getForderung(t.db, slug)!;
    expect(f.status).toBe("offen");
    expect(listHistory(t.db, f.id)).toHaveLength(0);
    const feed = await (await feedRoute.loader()).text();
    expect(feed).not.toContain("Bundestagsantrag");
    const page = (await detailRoute.loader(get(`/forderungen/${slug}`, { slug }, cookie))) as Awaited<ReturnType<typeof detailRoute.loader>>;
    expect(page.pending).toHaveLength(1);
    // another member does not see it; guests neither
    const guestPage = (await detailRoute.loader(get(`/forderungen/${slug}`, { slug }))) as typeof page;
    expect(guestPage.pending).toHaveLength(0);
    expect(guestPage.canPropose).toBe(false);
  });

  it("members and guests cannot propose; only Redaktion opens the queue", async () => {
    const member = await makeUser(t.db, "mitglied", "dortmund");
    const mc = await createUserSession(member.id);
    expect(await status(detailRoute.action(post(`/forderungen/${slug}`, form, { slug }, mc)))).toBe(403);
    expect(await status(detailRoute.action(post(`/forderungen/${slug}`, form, { slug })))).toBe(302); // guest → sign-in
    expect(await status(queueRoute.loader(get("/forderungen/vorschlaege", {}, mc)))).toBe(403);
    const koord = await makeUser(t.db, "koordination", "duisburg");
    const kc = await createUserSession(koord.id);
    expect(await status(queueRoute.loader(get("/forderungen/vorschlaege", {}, kc)))).toBe(403);
    expect(await status(queueRoute.action(post("/forderungen/vorschlaege", { id: "1", entscheidung: "bestaetigen" }, {}, kc)))).toBe(403);
  });

  it("bad input is rejected with field errors and stores nothing", async () => {
    const koord = await makeUser(t.db, "koordination", "dortmund");
    const cookie = await createUserSession(koord.id);
    const r = (await detailRoute.action(post(`/forderungen/${slug}`, { status: "erledigt", datum: "2031-02-30", nachweis: "kurz", nachweis_url: "javascript:alert(1)" }, { slug }, cookie))) as {
      data: { errors: Record<string, string> };
      init: { status: number };
    };
    expect(r.init.status).toBe(400);
    expect(Object.keys(r.data.errors).sort()).toEqual(["datum", "nachweis", "nachweis_url", "status"]);
  });

  it("after Redaktion confirms, the change shows in history (with author and evidence), status and feed", async () => {
    const red = await makeUser(t.db, "redaktion");
    const rc = await createUserSession(red.id);
    const queue = (await queueRoute.loader(get("/forderungen/vorschlaege", {}, rc))) as Awaited<ReturnType<typeof queueRoute.loader>>;
    const p = queue.proposals.find((x) => x.slug === slug)!;
    expect(p).toBeTruthy();
    expect(queue.proposals.filter((x) => x.slug === slug)).toHaveLength(1);
    expect(await status(queueRoute.action(post("/forderungen/vorschlaege", { id: String(p.id), entscheidung: "bestaetigen" }, {}, rc)))).toBe(302);
    // a second click changes nothing
    await queueRoute.action(post("/forderungen/vorschlaege", { id: String(p.id), entscheidung: "ablehnen" }, {}, rc));
    const f = getForderung(t.db, slug)!;
    expect(f.status).toBe("in-arbeit");
    // Redaktion was told about the proposal; the coordinator about the confirmation (once, despite the double click)
    const toKoord = t.db.select().from(notifications).where(eq(notifications.url, `/forderungen/${slug}`)).all();
    expect(toKoord).toHaveLength(1);
    expect(toKoord[0].message).toMatch(/bestätigt/);
    expect(f.statusDatum).toBe("2026-11-20");
    const h = listHistory(t.db, f.id);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ status: "in-arbeit", nachweisUrl: "https://example.org/antrag", author: "koordination dortmund" });
    const feed = await (await feedRoute.loader()).text();
    expect(feed).toContain("Bundestagsantrag");
    expect(feed).toContain(`/forderungen/${slug}`);
    expect(feed).toContain("in Arbeit");
    const actions = t.db.select({ action: auditLog.action }).from(auditLog).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["forderung.propose", "forderung.confirm"]));
  });

  it("a rejected proposal never shows; Redaktion's own change applies at once", async () => {
    const koord = await makeUser(t.db, "koordination", "dortmund");
    const kc = await createUserSession(koord.id);
    const other = "ls6-bund-foerderstrukturen";
    await detailRoute.action(post(`/forderungen/${other}`, { status: "abgelehnt", datum: "2026-10-01", nachweis: "Falsch verstandene Pressemeldung" }, { slug: other }, kc));
    const red = await makeUser(t.db, "redaktion");
    const rc = await createUserSession(red.id);
    const queue = (await queueRoute.loader(get("/forderungen/vorschlaege", {}, rc))) as Awaited<ReturnType<typeof queueRoute.loader>>;
    const p = queue.proposals.find((x) => x.slug === other)!;
    await queueRoute.action(post("/forderungen/vorschlaege", { id: String(p.id), entscheidung: "ablehnen" }, {}, rc));
    expect(getForderung(t.db, other)!.status).toBe("offen");
    expect(listHistory(t.db, getForderung(t.db, other)!.id)).toHaveLength(0);
    const feed = await (await feedRoute.loader()).text();
    expect(feed).not.toContain("Falsch verstandene");
    await detailRoute.action(post(`/forderungen/${other}`, { status: "teilweise-umgesetzt", datum: "2026-10-02", nachweis: "Richtlinie des Bundes veröffentlicht" }, { slug: other }, rc));
    expect(getForderung(t.db, other)!.status).toBe("teilweise-umgesetzt");
  });

  it("re-importing the content keeps web changes", async () => {
    await importContent(t.db, { dir: CONTENT, collections: [forderungCollection] });
    expect(getForderung(t.db, slug)!.status).toBe("in-arbeit");
  });
});

describe("exports, report", () => {
  it("CSV: BOM, ';', licence column, one row per demand, formula-safe", async () => {
    const res = await csvRoute.loader(get("/forderungen/export.csv?ebene=bund"));
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parseCsv(text);
    const header = rows[0];
    expect(header).toEqual([...csvRoute.FORDERUNG_CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body.length).toBe(listForderungen(t.db, { ebene: "bund" }).length);
    expect(body.every((r) => r[header.indexOf("ebene")] === "bund" && r[header.indexOf("lizenz")] === "dl-de/by-2-0")).toBe(true);
    const cl = body.find((r) => r[0] === "ls2-bund-zentrale-clearingstelle")!;
    expect(cl[header.indexOf("status")]).toBe("in-arbeit");
    expect(cl[header.indexOf("letzter_nachweis_url")]).toBe("https://example.org/antrag");
  });

  it("JSON: licence, count and the confirmed history per demand with absolute links", async () => {
    const res = await jsonRoute.loader(get("/forderungen/export.json"));
    const body = JSON.parse(await res.text());
    expect(body.lizenz.kennung).toBe("dl-de/by-2-0");
    expect(body.anzahl).toBe(body.forderungen.length);
    const ehap = body.forderungen.find((f: { slug: string }) => f.slug === "ls3-bund-foerdermoeglichkeiten");
    expect(ehap.verlauf.map((v: { status: string }) => v.status)).toEqual(["in-arbeit", "umgesetzt"]);
    expect(ehap.verlauf[0].url).toMatch(/^https?:\/\/.+\/wissen\/glossar-ehap$/);
    expect(ehap.stand_bekannt).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/@/); // no e-mail addresses of authors
  });

  it("report per level: known levels only", async () => {
    const r = (await reportRoute.loader(get("/forderungen/bericht/bund", { ebene: "bund" }))) as Awaited<ReturnType<typeof reportRoute.loader>>;
    expect(r.rows.length).toBe(listForderungen(t.db, { ebene: "bund" }).length);
    expect(await status(reportRoute.loader(get("/forderungen/bericht/mond", { ebene: "mond" })))).toBe(404);
    expect(await status(detailRoute.loader(get("/forderungen/gibt-es-nicht", { slug: "gibt-es-nicht" })))).toBe(404);
  });
});
