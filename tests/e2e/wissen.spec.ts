import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expectAccessible, login, logout } from "./helpers";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";

const SHOTS = fileURLToPath(new URL("../../.cache/screens-wissen/", import.meta.url));
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });

/** The root's status region inside <main> (flash messages after a redirect). */
const flash = (page: Page) => page.locator("main > [role=status]").first();

const TYPE_PAGES = [
  { slug: "wohnen-task-force-problemimmobilien", type: "Praxisbeispiel" },
  { slug: "loesungsszenario-1-verantwortungsgemeinschaft", type: "Lösungsszenario" },
  { slug: "checkliste-anmeldung", type: "Checkliste" },
  { slug: "fakten-zuzuege-bulgarien-rumaenien-2007-2011", type: "Fakten" },
  { slug: "glossar-iti", type: "Glossar" },
];

test.describe("Wissen lesen", () => {
  test("/wissen lists the corpus; filters are links that keep state in the URL", async ({ page }) => {
    await page.goto("/wissen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wissen");
    const count = Number((await page.locator(".results-heading").innerText()).match(/\d+/)![0]);
    expect(count).toBeGreaterThanOrEqual(45);
    await expectAccessible(page);
    await shot(page, "wissen-liste", false);
    const filter = page.getByRole("navigation", { name: "Filter" });
    await filter.getByRole("link", { name: /^Praxisbeispiel/ }).click();
    await expect(page).toHaveURL(/\/wissen\?typ=praxis$/);
    await filter.getByRole("link", { name: /^Wohnen/ }).click();
    await expect(page).toHaveURL(/typ=praxis&feld=wohnen/);
    const cards = page.locator(".article-card");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const t of await cards.locator(".article-type").allInnerTexts()) expect(t.toLowerCase()).toBe("praxisbeispiel");
    await expect(page.getByRole("link", { name: "Task Force und Strategic Force gegen Problemimmobilien" })).toBeVisible();
    await filter.getByRole("link", { name: /^Duisburg/ }).click();
    await expect(page).toHaveURL(/stadt=duisburg/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Alle Filter entfernen" }).click();
    await expect(page).toHaveURL(/\/wissen$/);
  });

  test("one article of each type: grid, failures, badges, sources, chart, axe", async ({ page }) => {
    for (const p of TYPE_PAGES) {
      const res = await page.goto(`/wissen/${p.slug}`);
      expect(res!.status()).toBe(200);
      await expect(page.locator("main h1")).toHaveCount(1);
      await expect(page.locator(".article-type").first()).toHaveText(p.type);
      await expect(page.getByRole("heading", { name: "Quellen" })).toBeVisible();
      await expect(page.locator(".sources li").first()).toContainText("Handlungsrahmen");
      await expect(page.locator(".badge--stand")).toContainText("Stand");
      await expectAccessible(page);
      await shot(page, `wissen-${p.slug}`);
    }
    // Praxis: the grid sections, failures labelled in text (not by colour alone), related articles, TOC.
    await page.goto("/wissen/wohnen-task-force-problemimmobilien");
    const failed = page.locator("section.grid-section--failure");
    await expect(failed).toHaveCount(2);
    await expect(failed.first().getByRole("heading", { name: "Gescheiterte Ansätze" })).toBeVisible();
    await expect(failed.first()).toContainText("Gescheitert");
    await expect(page.getByRole("region", { name: "Erfolgreiche Ansätze" })).toContainText("Hat funktioniert");
    await expect(page.getByRole("navigation", { name: "Inhalt" }).getByRole("link", { name: "Gründe des Scheiterns" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Verwandte Beiträge" })).toBeVisible();
    await expect(page.locator(".article-body a.wikilink").first()).toHaveAttribute("href", /^\/wissen\/[a-z0-9-]+$/);
    // Calm staleness (issue 13): a guest sees the Stand and at most one marker, never an alarm
    // (tests/e2e/pruefung.spec.ts checks an overdue entry as guest and as Redaktion).
    await page.goto("/wissen/checkliste-anmeldung");
    await expect(page.locator(".article-meta")).toContainText("Stand");
    expect(await page.locator(".article-meta [data-stale]").count()).toBeLessThanOrEqual(1);
    await expect(page.getByText("Überprüfung fällig")).toHaveCount(0);
    await expect(page.locator(".article-meta")).toContainText("Station: Anmeldung");
    // Fakten: server-rendered bar chart with labels and values as text, and the data table (figures of Abb. 1).
    await page.goto("/wissen/fakten-zuzuege-bulgarien-rumaenien-2007-2011");
    await expect(page.locator("figure.chart")).toHaveCount(1);
    await expect(page.locator("figure.chart .hbars__value").first()).toBeVisible();
    const table = page.locator("figure.chart table");
    await expect(table).toContainText("95.479");
    await expect(table).toContainText("20.702");
    // Unknown slug: 404, not 500.
    expect((await page.goto("/wissen/gibt-es-nicht"))!.status()).toBe(404);
    // Print stylesheet: navigation hidden, article content kept.
    await page.goto("/wissen/wohnen-task-force-problemimmobilien");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator("section.grid-section--failure").first()).toBeVisible();
    await page.emulateMedia({ media: "screen" });
  });
});

test("reflow at 320 px: list and a praxis article without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ["/wissen", "/wissen/wohnen-task-force-problemimmobilien", "/wissen/fakten-zuzuege-bulgarien-rumaenien-2007-2011"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
  }
});

test.describe("Redaktion", () => {
  test("edit with preview and reason, see the diff, restore the old revision", async ({ page }) => {
    await login(page, "redaktion");
    await page.goto("/wissen/glossar-iti");
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Beitrag bearbeiten");
    await expectAccessible(page);
    const body = page.getByLabel("Text (Markdown)");
    const old = await body.inputValue();
    await body.fill(`${old}\n\nNeuer Absatz der Redaktion über **Quartiersfonds**.`);
    // Missing reason: error next to the field, nothing saved.
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.locator("[data-error-summary]")).toContainText("Bitte begründen Sie die Änderung kurz.");
    await expect(page.getByLabel("Grund der Änderung")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Grund der Änderung").fill("Ergänzung zum Quartiersfonds");
    await page.getByRole("button", { name: "Vorschau" }).click();
    await expect(page.locator(".preview")).toContainText("Neuer Absatz der Redaktion über Quartiersfonds.");
    await expect(page.locator(".preview strong")).toHaveText("Quartiersfonds");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page).toHaveURL(/\/wissen\/glossar-iti$/);
    await expect(flash(page)).toContainText("Gespeichert als Version 2");
    await expect(page.locator(".article-body")).toContainText("Neuer Absatz der Redaktion");
    await page.getByRole("link", { name: /Versionen/ }).click();
    await expect(page.getByRole("heading", { name: "Unterschiede von Version 1 zu Version 2" })).toBeVisible();
    await expect(page.locator(".diff-body ins")).toHaveText(/^(Hinzugefügt: )?\s*Neuer Absatz der Redaktion über \*\*Quartiersfonds\*\*\.\s*$/);
    await expect(page.locator(".diff-body del")).toHaveCount(0);
    // Only the body changed: no metadata row (checkbox order, dates … round-trip unchanged).
    await expect(page.getByRole("table", { name: "Geänderte Angaben" })).toHaveCount(0);
    await expect(page.getByRole("cell", { name: "Ergänzung zum Quartiersfonds" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "wissen-versionen");
    await page.getByRole("button", { name: "Version 1 wiederherstellen" }).click();
    await expect(flash(page)).toContainText("Version 1 wiederhergestellt (neue Version 3)");
    await page.goto("/wissen/glossar-iti");
    await expect(page.locator(".article-body")).not.toContainText("Neuer Absatz der Redaktion");
  });

  test("create an FAQ draft, publish it; 'Überprüfung fällig' lists overdue articles", async ({ page }) => {
    await login(page, "redaktion");
    await page.goto("/wissen/neu");
    await expectAccessible(page);
    await page.getByLabel("Titel").fill("Wer zahlt die Notfallbehandlung ohne Krankenversicherung?");
    await page.getByLabel("Art").selectOption("faq");
    await page.getByLabel("Zusammenfassung").fill("Kurze Antwort der Clearingstelle zur Kostenübernahme.");
    await page.getByLabel("Gesundheit").check();
    await page.getByLabel("Kommune").check();
    await page.getByLabel("Quellen").fill("Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), Abschnitt 4.2, S. 30–35");
    await page.getByLabel("Text (Markdown)").fill("## Antwort\n\nSiehe [[gesundheit-notfallfonds-clearingstelle]] und [[gibt-es-noch-nicht]].");
    await page.getByLabel("Status").selectOption("veroeffentlicht");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(flash(page)).toContainText("Beitrag angelegt");
    await expect(page).toHaveURL(/\/wissen\/wer-zahlt-die-notfallbehandlung-ohne-krankenversicherung$/);
    await expect(page.locator(".article-type").first()).toHaveText("FAQ");
    await expect(page.locator(".article-body .link-missing")).toContainText("(Beitrag fehlt)");
    await expect(page.locator(".article-body a.wikilink")).toHaveAttribute("href", "/wissen/gesundheit-notfallfonds-clearingstelle");
    await expectAccessible(page);
    await shot(page, "wissen-faq");
    // The review page lists every entry with ?alle=1 (which ones are due depends on the corpus' dates).
    await page.goto("/verwaltung/pruefung?alle=1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Überprüfung fällig");
    await expect(page.getByRole("link", { name: "Checkliste Anmeldung: Was geht wann und wie?", exact: true })).toBeVisible();
    // (axe on this page: tests/e2e/pruefung.spec.ts)
  });
});

test.describe("Mitglied", () => {
  test("cannot edit (403 on the edit URL and on a direct POST), can suggest; Redaktion accepts and the author sees it", async ({ page, baseURL }) => {
    await login(page, "mitgliedDortmund");
    await page.goto("/wissen/glossar-eigenanteil");
    await expect(page.getByRole("link", { name: "Bearbeiten" })).toHaveCount(0);
    const res = await page.goto("/wissen/glossar-eigenanteil/bearbeiten");
    expect(res!.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keine Berechtigung");
    expect((await page.goto("/wissen/glossar-eigenanteil/versionen"))!.status()).toBe(403);
    expect((await page.goto("/wissen/neu"))!.status()).toBe(403);
    expect((await page.goto("/verwaltung/vorschlaege"))!.status()).toBe(403);
    const post = await page.request.post("/wissen/glossar-eigenanteil/bearbeiten", {
      headers: { Origin: baseURL! },
      form: { title: "Gehackt", type: "glossar", summary: "x", body: "gehackt", stand: "2026-01-01", status: "veroeffentlicht", reason: "test", intent: "speichern" },
    });
    expect(post.status()).toBe(403);
    const restore = await page.request.post("/wissen/glossar-eigenanteil/versionen", { headers: { Origin: baseURL! }, form: { intent: "wiederherstellen", version: "1" } });
    expect(restore.status()).toBe(403);
    await page.goto("/wissen/glossar-eigenanteil");
    await expect(page.locator("h1")).not.toHaveText("Gehackt");

    await page.getByRole("link", { name: "Änderung vorschlagen" }).click();
    await expectAccessible(page);
    const body = page.getByLabel("Text (Markdown)");
    await body.fill(`${await body.inputValue()}\n\nErgänzung aus Dortmund: Eigenanteile können oft durch Personalkosten erbracht werden.`);
    await page.getByLabel("Begründung").fill("Praxiserfahrung aus dem Dortmunder Netzwerk");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await expect(flash(page)).toContainText("Ihr Vorschlag wurde an die Redaktion übermittelt");
    await expect(page.locator("main")).toContainText("wartet auf die Redaktion");
    await logout(page);

    await login(page, "redaktion");
    await page.goto("/verwaltung/vorschlaege");
    const card = page.locator(".suggestion", { hasText: "Praxiserfahrung aus dem Dortmunder Netzwerk" });
    await expect(card.locator(".diff-body ins")).toContainText("Ergänzung aus Dortmund");
    await expectAccessible(page);
    await card.getByRole("button", { name: /Übernehmen/ }).click();
    await expect(flash(page)).toContainText("übernommen");
    await page.goto("/wissen/glossar-eigenanteil");
    await expect(page.locator(".article-body")).toContainText("Ergänzung aus Dortmund");
    await logout(page);

    await login(page, "mitgliedDortmund");
    await page.goto("/wissen/glossar-eigenanteil");
    await expect(page.locator(".notice")).toContainText("Ihr Änderungsvorschlag wurde am");
    await expect(page.locator(".notice")).toContainText("übernommen");
    await page.goto("/wissen/glossar-eigenanteil/vorschlagen");
    await expect(page.locator("main")).toContainText("übernommen");
  });
});

test.describe("XSS", () => {
  test(`${XSS_PAYLOADS.length} payloads saved through the editor render inert in Chromium`, async ({ page }) => {
    test.setTimeout(180_000);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    // Every payload calls alert() or touches window.__xss; both are recorded.
    await page.addInitScript(() => {
      const w = window as unknown as { __xssHits: number; __xss: unknown };
      w.__xssHits = 0;
      let v: unknown = () => {
        w.__xssHits++;
      };
      Object.defineProperty(window, "__xss", {
        configurable: true,
        get: () => v,
        set: (x) => {
          w.__xssHits++;
          v = x;
        },
      });
    });
    const checkInert = async (where: string) => {
      // Interact with whatever the payloads produced: hover every element, focus every link.
      const els = page.locator(".article-body *");
      const n = Math.min(await els.count(), 400);
      for (let i = 0; i < n; i++) await els.nth(i).hover({ force: true, timeout: 1000 }).catch(() => {});
      const bad = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll(".article-body *"))) {
          for (const a of Array.from(el.attributes)) {
            if (/^on/i.test(a.name)) out.push(`${el.tagName} ${a.name}`);
            if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) out.push(`${el.tagName} ${a.name}=${a.value}`);
          }
          if (/^(SCRIPT|IFRAME|OBJECT|EMBED|SVG|MATH|STYLE|LINK|META|BASE|FORM|INPUT|TEMPLATE|VIDEO|AUDIO)$/i.test(el.tagName)) out.push(el.tagName);
        }
        return out;
      });
      expect(bad, `dangerous markup at ${where}`).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xssHits: number }).__xssHits), `handler ran at ${where}`).toBe(0);
      expect(dialogs, `dialog at ${where}`).toEqual([]);
    };

    await login(page, "redaktion");
    await page.goto("/wissen/neu");
    await page.getByLabel("Titel").fill(`XSS-Korpus <img src=x onerror=alert(1)>`);
    await page.getByLabel("Art").selectOption("glossar");
    await page.getByLabel("Zusammenfassung").fill(`<script>alert(1)</script> Zusammenfassung`);
    await page.getByLabel("Quellen").fill(`<img src=x onerror=alert(1)>`);
    await page.getByLabel("Text (Markdown)").fill(XSS_PAYLOADS.join("\n\n"));
    await page.getByLabel("Status").selectOption("veroeffentlicht");
    await page.getByLabel("Kurzname in der Adresse (optional)").fill("xss-korpus");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page).toHaveURL(/\/wissen\/xss-korpus$/);
    await expect(page.locator("main h1")).toHaveText("XSS-Korpus <img src=x onerror=alert(1)>");
    await checkInert("saved article");
    await page.reload();
    await checkInert("saved article (reload)");
    await page.goto("/wissen?typ=glossar");
    await checkInert("list");

    // Each payload on its own through the editor's preview (payloads must not shelter each other).
    await page.goto("/wissen/xss-korpus/bearbeiten");
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      await page.getByLabel("Text (Markdown)").fill(payload);
      await page.getByLabel("Grund der Änderung").fill("XSS-Test");
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Vorschau" }).click()]);
      await expect(page.locator(".preview")).toBeVisible();
      await checkInert(`preview of payload ${i}`);
    }
  });
});
