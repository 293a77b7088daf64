// Crawl of every page type in every role (issue 16, done-when 3): each route file of app/routes has concrete URLs
// from the demo data, visited by every role of tests/e2e/accounts.ts that may open it, at 1280 and at 360 px:
// axe 0 violations, no duplicate id, no table wider than its cell, and at 360 px a header of at most 120 px
// (1280 px: see the note in the loop).
// One page per role; the roles run as separate tests and share nothing but the demo data (read only).
// A new route file without an entry here fails the first test, so no page is forgotten.
// Screenshots at 360 px: CRAWL_SHOTS=/tmp/shots-finish (one PNG per page and role).
import { mkdirSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems, duplicateIds, login, overflowingTables } from "./helpers";
import type { AccountKey } from "./accounts";

type Who = "guest" | "mitgliedDortmund" | "koordinationDortmund" | "redaktion" | "admin";
const WHO: Record<string, Who> = { G: "guest", M: "mitgliedDortmund", K: "koordinationDortmund", R: "redaktion", A: "admin" };
const ALL = "GMKRA";
const SIGNED_IN = "MKRA";

/** A page visit: URL (placeholders in braces are read from the demo data), roles as letters, expected status. */
type Visit = { path: string; roles: string; status?: number };
/** Resource routes (files, feeds, redirects): fetched once, only their status is checked. */
type Fetch = { path: string; role: "G" | "M" | "A"; status: number[] };

const PAGES: Record<string, Visit[]> = {
  "_index.tsx": [{ path: "/", roles: ALL }],
  "$.tsx": [{ path: "/gibt-es-nicht", roles: "GMA", status: 404 }],
  "abbestellen.$token.tsx": [{ path: "/abbestellen/ungueltig", roles: "G", status: 400 }],
  "ankommen.$station.tsx": [{ path: "/ankommen/anmeldung", roles: ALL }],
  "ankommen._index.tsx": [{ path: "/ankommen", roles: ALL }],
  "ankommen.laufzettel.tsx": [
    { path: "/ankommen/laufzettel", roles: "GM" },
    { path: "/ankommen/laufzettel?stadt=dortmund&stationen=kindergeld&sprache1=de&sprache2=ro&erstellen=1", roles: "GK" },
  ],
  "anmelden.tsx": [{ path: "/anmelden", roles: "G" }],
  "barrierefreiheit.tsx": [{ path: "/barrierefreiheit", roles: "GM" }],
  "benachrichtigungen._index.tsx": [{ path: "/benachrichtigungen", roles: SIGNED_IN }],
  "clearingstelle._index.tsx": [{ path: "/clearingstelle", roles: ALL }],
  "dateien.$id_.loeschen.tsx": [{ path: "/dateien/999999/loeschen", roles: "MA", status: 404 }], // an unknown id; tests/e2e/dateien.spec.ts opens a real one
  "dateien.$id_.ersetzen.tsx": [{ path: "/dateien/999999/ersetzen", roles: "RA", status: 404 }], // a real one: tests/e2e/dateien.spec.ts
  "datenschutz.tsx": [{ path: "/datenschutz", roles: "GM" }],
  "foerderung.$slug.tsx": [{ path: "/foerderung/esf-plus-nrw", roles: ALL }],
  "foerderung.$slug_.bearbeiten.tsx": [{ path: "/foerderung/esf-plus-nrw/bearbeiten", roles: "RA" }],
  "foerderung.$slug_.versionen.tsx": [{ path: "/foerderung/esf-plus-nrw/versionen", roles: "RA" }],
  "foerderung._index.tsx": [{ path: "/foerderung", roles: ALL }, { path: "/foerderung?fonds=esf&frist=90", roles: "G" }],
  "foerderung.finder.tsx": [{ path: "/foerderung/finder", roles: "GK" }],
  "foerderung.neu.tsx": [{ path: "/foerderung/neu", roles: "RA" }],
  "forderungen.$slug.tsx": [{ path: "/forderungen/ls3-bund-foerdermoeglichkeiten", roles: ALL }],
  "forderungen._index.tsx": [{ path: "/forderungen", roles: ALL }, { path: "/forderungen?ansicht=status", roles: "G" }],
  "forderungen.bericht.$ebene.tsx": [{ path: "/forderungen/bericht/bund", roles: "GR" }],
  "forderungen.vorschlaege.tsx": [{ path: "/forderungen/vorschlaege", roles: "RA" }],
  "forum.$kategorie.$themaId.tsx": [{ path: "{topic}", roles: ALL }],
  "forum.$kategorie.$themaId_.bearbeiten.$nr.tsx": [{ path: "{topic}/bearbeiten/1", roles: "A" }],
  "forum.$kategorie._index.tsx": [{ path: "/forum/wohnen", roles: ALL }],
  "forum.$kategorie.neu.tsx": [{ path: "/forum/wohnen/neu", roles: SIGNED_IN }],
  "forum._index.tsx": [{ path: "/forum", roles: ALL }],
  "impressum.tsx": [{ path: "/impressum", roles: "GM" }],
  "konto.tsx": [{ path: "/konto", roles: SIGNED_IN }],
  "konto_.suchabos.tsx": [{ path: "/konto/suchabos", roles: SIGNED_IN }],
  "konto_.abos.tsx": [{ path: "/konto/abos", roles: SIGNED_IN }],
  "mitglieder.$handle.tsx": [{ path: "/mitglieder/kim-koordination-duisburg-demo", roles: SIGNED_IN }, { path: "/mitglieder/niemand-mit-diesem-namen", roles: "G", status: 404 }],
  "passwort-vergessen.$token.tsx": [{ path: "/passwort-vergessen/ungueltig", roles: "G", status: 410 }],
  "passwort-vergessen._index.tsx": [{ path: "/passwort-vergessen", roles: "G" }],
  "projekte.$slug.tsx": [{ path: "/projekte/lotsen-und-laufzettel-aufsuchende-arbeit-in-der-nordstadt", roles: ALL }],
  "projekte.$slug_.bearbeiten.tsx": [{ path: "/projekte/lotsen-und-laufzettel-aufsuchende-arbeit-in-der-nordstadt/bearbeiten", roles: "KRA" }],
  "projekte.$slug_.bewerten.tsx": [{ path: "{abgeschlossen}/bewerten", roles: "KA" }],
  "projekte.$slug_.passende-staedte.tsx": [{ path: "/projekte/lotsen-und-laufzettel-aufsuchende-arbeit-in-der-nordstadt/passende-staedte", roles: SIGNED_IN }],
  "projekte.$slug_.versionen.tsx": [{ path: "/projekte/lotsen-und-laufzettel-aufsuchende-arbeit-in-der-nordstadt/versionen", roles: "KRA" }],
  "projekte._index.tsx": [{ path: "/projekte", roles: ALL }, { path: "/projekte?ansicht=tabelle", roles: "GMA" }, { path: "/projekte?stadt=gibt-es-nicht", roles: "G" }],
  "projekte.neu.tsx": [{ path: "/projekte/neu", roles: "KRA" }],
  "registrieren.$token.tsx": [{ path: "/registrieren/ungueltig", roles: "G", status: 404 }],
  "staedte.$slug.tsx": [{ path: "/staedte/dortmund", roles: ALL }, { path: "/staedte/duisburg", roles: "G" }],
  "staedte.$slug_.anlaufstellen.tsx": [{ path: "/staedte/dortmund/anlaufstellen", roles: ALL }],
  "staedte.$slug_.kennzahlen.tsx": [{ path: "/staedte/dortmund/kennzahlen", roles: "KRA" }],
  "staedte._index.tsx": [{ path: "/staedte", roles: ALL }],
  "staedte.vergleich.tsx": [{ path: "/staedte/vergleich", roles: "G" }, { path: "/staedte/vergleich?stadt=dortmund&stadt=duisburg", roles: "GK" }],
  "suche.tsx": [{ path: "/suche?q=Kita", roles: ALL }, { path: "/suche?q=xyzzyqwv", roles: "GM" }, { path: "/suche", roles: "G" }],
  "termine.$id.tsx": [{ path: "{termin}", roles: ALL }],
  "termine.$id_.bearbeiten.tsx": [{ path: "{termin}/bearbeiten", roles: "RA" }],
  "termine._index.tsx": [{ path: "/termine", roles: ALL }, { path: "/termine?zeit=vergangen", roles: "G" }],
  "termine.neu.tsx": [{ path: "/termine/neu", roles: "KRA" }],
  "verwaltung._index.tsx": [{ path: "/verwaltung", roles: "KRA" }],
  "verwaltung.benutzer.tsx": [{ path: "/verwaltung/benutzer", roles: "A" }],
  "verwaltung.benutzer_.$id.loeschen.tsx": [{ path: "{benutzerLoeschen}", roles: "A" }],
  "verwaltung.csp-berichte.tsx": [{ path: "/verwaltung/csp-berichte", roles: "A" }],
  "verwaltung.einladungen.tsx": [{ path: "/verwaltung/einladungen", roles: "KA" }],
  "verwaltung.kategorien.tsx": [{ path: "/verwaltung/kategorien", roles: "A" }],
  "verwaltung.kategorien_.$id.loeschen.tsx": [{ path: "{kategorieLoeschen}", roles: "A" }],
  "verwaltung.mail.tsx": [{ path: "/verwaltung/mail", roles: "A" }],
  "verwaltung.meine-pruefungen.tsx": [{ path: "/verwaltung/meine-pruefungen", roles: "R" }],
  "verwaltung.moderation.tsx": [{ path: "/verwaltung/moderation", roles: "A" }],
  "verwaltung.protokoll.tsx": [{ path: "/verwaltung/protokoll", roles: "A" }],
  "verwaltung.pruefung.tsx": [{ path: "/verwaltung/pruefung", roles: "RA" }],
  "verwaltung.staedte.tsx": [{ path: "/verwaltung/staedte", roles: "A" }],
  "verwaltung.staedte_.$id.loeschen.tsx": [{ path: "{stadtLoeschen}", roles: "A" }],
  "verwaltung.tsx": [], // layout of every /verwaltung page above
  "verwaltung.synonyme.tsx": [{ path: "/verwaltung/synonyme", roles: "RA" }],
  "verwaltung.synonyme_.$id.tsx": [{ path: "/verwaltung/synonyme/1", roles: "R" }], // group 1 is seeded by migration 0011
  "verwaltung.synonyme_.$id_.loeschen.tsx": [{ path: "/verwaltung/synonyme/1/loeschen", roles: "A" }],
  "verwaltung.uebersicht.tsx": [{ path: "/verwaltung/uebersicht", roles: "KRA" }],
  "verwaltung.vorschlaege.tsx": [{ path: "/verwaltung/vorschlaege", roles: "RA" }],
  "wissen.$slug.tsx": [
    { path: "/wissen/glossar-eigenanteil", roles: ALL },
    { path: "/wissen/wohnen-task-force-problemimmobilien", roles: "GR" },
    { path: "/wissen/fakten-zuzuege-bulgarien-rumaenien-2007-2011", roles: "GM" },
    { path: "/wissen/checkliste-anmeldung", roles: "G" },
  ],
  "wissen.$slug_.bearbeiten.tsx": [{ path: "/wissen/glossar-eigenanteil/bearbeiten", roles: "RA" }],
  "wissen.$slug_.versionen.tsx": [{ path: "/wissen/glossar-eigenanteil/versionen", roles: "RA" }],
  "wissen.$slug_.vorschlagen.tsx": [{ path: "/wissen/glossar-eigenanteil/vorschlagen", roles: "MK" }],
  "wissen._index.tsx": [{ path: "/wissen", roles: ALL }, { path: "/wissen?feld=gesundheit&typ=praxis", roles: "G" }],
  "wissen.neu.tsx": [{ path: "/wissen/neu", roles: "RA" }],
  "ziele.$slug.tsx": [{ path: "/ziele/problemimmobilien", roles: ALL }],
  "ziele.$slug_.bearbeiten.tsx": [{ path: "/ziele/problemimmobilien/bearbeiten", roles: "RA" }],
  "ziele._index.tsx": [{ path: "/ziele", roles: ALL }],
  "ziele.neu.tsx": [{ path: "/ziele/neu", roles: "RA" }],
};

const RESOURCES: Record<string, Fetch[]> = {
  "abmelden.tsx": [{ path: "/abmelden", role: "G", status: [302] }], // GET only redirects; signing out is a POST
  "abos.$token.feed[.]xml.ts": [{ path: "/abos/ungueltig/feed.xml", role: "G", status: [404] }],
  "abos.folgen.tsx": [{ path: "/abos/folgen", role: "M", status: [302] }], // the form posts here; GET goes to /konto/suchabos
  "api.forum.entwurf.ts": [{ path: "/api/forum/entwurf", role: "M", status: [404, 405] }],
  "api.forum.mitglieder.ts": [{ path: "/api/forum/mitglieder?q=mi", role: "M", status: [200] }],
  "api.forum.vorschau.ts": [{ path: "/api/forum/vorschau", role: "M", status: [404, 405] }],
  "api.suche.ts": [{ path: "/api/suche?q=Kita", role: "G", status: [200] }],
  "benachrichtigungen.$id.tsx": [{ path: "/benachrichtigungen/999999", role: "M", status: [404] }], // marks read and redirects
  "csp-bericht.ts": [{ path: "/csp-bericht", role: "G", status: [404, 405] }],
  "dateien.$id.ts": [{ path: "/dateien/999999", role: "G", status: [404] }],
  "dateien.$id_.vorschau.ts": [{ path: "/dateien/999999/vorschau", role: "G", status: [404] }],
  "dateien.$id_.wiederherstellen.tsx": [{ path: "/dateien/999999/wiederherstellen", role: "A", status: [405] }], // restoring is a POST from the versions page
  "foerderung.$slug_.fristen[.]ics.ts": [{ path: "/foerderung/esf-plus-nrw/fristen.ics", role: "G", status: [200] }],
  "foerderung.fristen[.]ics.ts": [{ path: "/foerderung/fristen.ics", role: "G", status: [200] }],
  "forderungen.export[.]csv.ts": [{ path: "/forderungen/export.csv", role: "G", status: [200] }],
  "forderungen.export[.]json.ts": [{ path: "/forderungen/export.json", role: "G", status: [200] }],
  "forderungen.feed[.]xml.ts": [{ path: "/forderungen/feed.xml", role: "G", status: [200] }],
  "forum.feed[.]xml.ts": [{ path: "/forum/feed.xml", role: "G", status: [200] }],
  "konto.daten[.]json.ts": [{ path: "/konto/daten.json", role: "M", status: [200] }],
  "konto.daten[.]zip.ts": [{ path: "/konto/daten.zip", role: "M", status: [200] }],
  "projekte.export[.]csv.ts": [{ path: "/projekte/export.csv", role: "G", status: [200] }],
  "projekte.export[.]json.ts": [{ path: "/projekte/export.json", role: "G", status: [200] }],
  "sitemap[.]xml.ts": [{ path: "/sitemap.xml", role: "G", status: [200] }],
  "termine[.]ics.ts": [{ path: "/termine.ics", role: "G", status: [200] }],
};

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = process.env.CRAWL_SHOTS;

/** Placeholders read from the demo data (the first matching link of a page the role can open). */
const PLACEHOLDERS: Record<string, { from: string; link: RegExp }> = {
  topic: { from: "/forum/wohnen", link: /href="(\/forum\/wohnen\/\d+)"/ },
  termin: { from: "/termine", link: /href="(\/termine\/\d+)"/ },
  abgeschlossen: { from: "/projekte?status=abgeschlossen", link: /href="(\/projekte\/(?!neu")[a-z0-9-]+)"/ },
  benutzerLoeschen: { from: "/verwaltung/benutzer", link: /href="(\/verwaltung\/benutzer\/[^/"]+\/loeschen)"/ },
  kategorieLoeschen: { from: "/verwaltung/kategorien", link: /href="(\/verwaltung\/kategorien\/\d+\/loeschen)"/ },
  stadtLoeschen: { from: "/verwaltung/staedte", link: /href="(\/verwaltung\/staedte\/\d+\/loeschen)"/ },
};

async function resolve(page: Page, path: string, cache: Map<string, string>): Promise<string> {
  const m = path.match(/^\{(\w+)\}/);
  if (!m) return path;
  if (!cache.has(m[1])) {
    const ph = PLACEHOLDERS[m[1]];
    const html = await (await page.request.get(ph.from)).text();
    const found = html.match(ph.link)?.[1];
    expect(found, `${m[1]}: no link ${ph.link} on ${ph.from}`).toBeTruthy();
    cache.set(m[1], found!);
  }
  return path.replace(m[0], cache.get(m[1])!);
}

/** Collects a problem and prints it at once (the crawl is long; the list is asserted at the end). */
function report(problems: string[], line: string) {
  problems.push(line);
  console.log(`  ✗ ${line}`);
}

async function checkPage(page: Page, label: string, phone: boolean, problems: string[]) {
  for (const line of await accessibilityProblems(page)) report(problems, `${label}: axe ${line}`);
  const dups = await duplicateIds(page);
  if (dups.length) report(problems, `${label}: doppelte ids ${dups.join(", ")}`);
  const wide = await overflowingTables(page);
  if (wide.length) report(problems, `${label}: Tabelle breiter als ihre Zelle: ${wide.join(" | ")}`);
  if (phone) {
    const header = await page.locator(".site-header").boundingBox();
    if (!header || header.height > 120) report(problems, `${label}: Kopf ${header?.height} px hoch`);
  }
}

test("every route file of app/routes is in the crawl list", () => {
  const dir = fileURLToPath(new URL("../../app/routes", import.meta.url));
  const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f));
  const listed = new Set([...Object.keys(PAGES), ...Object.keys(RESOURCES)]);
  expect(files.filter((f) => !listed.has(f)), "route files without a crawl entry (add one to PAGES or RESOURCES)").toEqual([]);
  expect([...listed].filter((f) => !files.includes(f)), "crawl entries without a route file").toEqual([]);
  for (const [file, visits] of Object.entries(PAGES)) if (file !== "verwaltung.tsx") expect(visits.length, `${file}: no URL`).toBeGreaterThan(0);
});

test.describe("Seiten-Crawl: jede Seite in jeder Rolle", () => {
  // The demo data has no event: the Redaktion adds one (through the form) when none is listed yet.
  test.beforeAll(async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    if (!PLACEHOLDERS.termin.link.test(await (await page.request.get("/termine")).text())) {
      await login(page, "redaktion");
      await page.goto("/termine/neu");
      await page.getByLabel("Titel").fill("Crawl-Termin Gesundheit");
      await page.getByLabel("Datum", { exact: true }).fill("2030-05-14");
      await page.getByLabel("Beginn (Uhrzeit, Berlin)").fill("10:00");
      await page.getByLabel("Ende (Uhrzeit)").fill("12:00");
      await page.getByLabel("Ort", { exact: true }).fill("Dortmund, Rathaus");
      await page.getByLabel("Gesundheit").first().check();
      await page.getByRole("button", { name: "Termin speichern" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crawl-Termin Gesundheit");
    }
    await ctx.close();
  });

  for (const [letter, who] of Object.entries(WHO)) {
    test(`${who}: axe 0, no duplicate ids, tables fit, header ≤ 120 px at 360 px`, async ({ page }) => {
      test.setTimeout(480_000);
      if (who !== "guest") await login(page, who as AccountKey);
      if (SHOTS) mkdirSync(`${SHOTS}/${who}`, { recursive: true });
      const cache = new Map<string, string>();
      const problems: string[] = [];
      let visited = 0;
      for (const [file, visits] of Object.entries(PAGES)) {
        for (const v of visits.filter((x) => x.roles.includes(letter))) {
          const path = await resolve(page, v.path, cache);
          await page.setViewportSize(PHONE);
          const res = await page.goto(path);
          const status = res?.status();
          if (status !== (v.status ?? 200)) {
            report(problems, `${file} ${path}: Status ${status}, erwartet ${v.status ?? 200}`);
            continue;
          }
          await checkPage(page, `${path} (360 px)`, true, problems);
          if (SHOTS) await page.screenshot({ path: `${SHOTS}/${who}/${path.replace(/^\//, "").replace(/[/?=&]/g, "_") || "start"}.png`, fullPage: true, clip: { x: 0, y: 0, width: PHONE.width, height: 1800 } });
          // Wide screens: every page for guests and admins (who see every control), and every page guests cannot open;
          // the other roles' views of public pages differ from these only in controls that the 360 px pass checks.
          if ("GA".includes(letter) || !v.roles.includes("G")) {
            await page.setViewportSize(DESKTOP);
            await checkPage(page, `${path} (1280 px)`, false, problems);
          }
          visited++;
        }
      }
      for (const [file, fetches] of Object.entries(RESOURCES)) {
        for (const f of fetches.filter((x) => WHO[x.role] === who)) {
          const res = await page.request.get(f.path, { maxRedirects: 0 });
          if (!f.status.includes(res.status())) report(problems, `${file} ${f.path}: Status ${res.status()}, erwartet ${f.status.join(" oder ")}`);
        }
      }
      expect(problems).toEqual([]);
      expect(visited).toBeGreaterThan(5);
    });
  }
});
