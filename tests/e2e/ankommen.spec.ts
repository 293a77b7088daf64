import { expect, test } from "@playwright/test";
import { expectAccessible, login, pageStatus } from "./helpers";

const STATIONS = ["vor-der-ausreise", "anmeldung", "krankenversicherung", "kindergeld", "schule-kita", "arbeit", "wohnen"];
const LANGS = ["de", "de-x-ls", "bg", "ro", "en"];

test.describe("Ankommen", () => {
  test("lists the seven guides; every guide exists in five languages with the right lang attribute and passes axe", async ({ page }) => {
    test.setTimeout(600_000); // 35 pages, each checked with axe
    await page.goto("/ankommen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ankommen");
    await expect(page.locator(".ankommen-liste > li")).toHaveCount(7);
    await expectAccessible(page);
    for (const station of STATIONS) {
      for (const lang of LANGS) {
        await page.goto(`/ankommen/${station}${lang === "de" ? "" : `?sprache=${lang}`}`);
        await expect(page.locator("article.guide")).toHaveAttribute("lang", lang);
        await expect(page.locator("html")).toHaveAttribute("lang", "de");
        // alternates for every language, and the language switch marks the current one
        await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(5);
        await expect(page.locator(`.sprachwahl a[aria-current="page"]`)).toHaveAttribute("hreflang", lang);
        if (lang !== "de") await expect(page.locator(".guide-status")).toContainText("Übersetzung nicht geprüft");
        expect(await page.locator("article.guide .prose ol > li").count()).toBeGreaterThanOrEqual(5);
        await expectAccessible(page);
      }
    }
  });

  test("a Duisburg Laufzettel for Krankenversicherung + Schule in de + ro shows both languages side by side and the local offices", async ({ page }) => {
    await page.goto("/ankommen/laufzettel");
    await expectAccessible(page);
    await page.getByLabel("Stadt", { exact: true }).selectOption({ label: "Duisburg" });
    await page.getByLabel("Krankenversicherung").check();
    await page.getByLabel("Schule und Kita").check();
    await page.getByLabel("Erste Sprache").selectOption("de");
    await page.getByLabel("Zweite Sprache").selectOption("ro");
    await page.getByRole("button", { name: "Laufzettel erstellen" }).click();
    const sheet = page.locator("section.laufzettel");
    await expect(sheet.getByRole("heading", { level: 2 })).toContainText("Laufzettel Duisburg");
    const stations = sheet.locator(".laufzettel-station");
    await expect(stations).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      const rows = stations.nth(i).locator("tbody tr");
      expect(await rows.count()).toBeGreaterThanOrEqual(5);
      await expect(rows.first().locator('td[lang="de"]')).not.toHaveText("–");
      await expect(rows.first().locator('td[lang="ro"]')).not.toHaveText("–");
      await expect(stations.nth(i).locator(".anlaufstelle").first()).toContainText("Öffnungszeiten");
    }
    await expect(stations.nth(0)).toContainText("Clearingstelle Gesundheit");
    await expect(stations.nth(0).locator('td[lang="ro"]').first()).toContainText("Asigurare prin locul de muncă");
    await expect(sheet).toContainText(/Erstellt am \d\d\.\d\d\.\d{4}/);
    await expectAccessible(page);

    // Print: only the sheet, with date and URL; the form and the site frame are hidden.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".laufzettel-form")).toBeHidden();
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(sheet.locator(".laufzettel-kopf")).toContainText("/ankommen/laufzettel?");
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await test.info().attach("laufzettel-duisburg.pdf", { body: pdf, contentType: "application/pdf" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  test("the language switch and the Laufzettel work without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/ankommen/wohnen");
    await page.getByRole("link", { name: /Български/ }).click();
    await expect(page).toHaveURL(/sprache=bg/);
    await expect(page.locator("article.guide")).toHaveAttribute("lang", "bg");
    await page.getByLabel("Stadt", { exact: true }).selectOption({ label: "Dortmund" });
    await page.getByRole("button", { name: "Anlaufstellen zeigen" }).click();
    await expect(page.getByRole("heading", { name: "Anlaufstellen in Dortmund" })).toBeVisible();
    await page.goto("/ankommen/laufzettel?stadt=dortmund&erstellen=1");
    await expect(page.locator("[data-error-summary]")).toContainText("mindestens eine Station");
    await context.close();
  });

  test("a Dortmund coordinator adds an Anlaufstelle; it shows on the city page and in the Laufzettel; Duisburg's cannot be edited", async ({ page }) => {
    await login(page, "koordinationDortmund");
    await page.goto("/staedte/dortmund/anlaufstellen");
    await expectAccessible(page);
    await page.getByLabel("Name", { exact: true }).fill("Migrationsberatung E2E");
    await page.getByLabel("Bereich", { exact: true }).selectOption({ label: "Arbeitsmarkt" });
    await page.getByRole("group", { name: "Stationen" }).getByLabel("Kindergeld und Familienleistungen").check();
    await page.getByLabel("Adresse", { exact: true }).fill("Teststraße 5\n44137 Dortmund");
    await page.getByLabel("Öffnungszeiten", { exact: true }).fill("Mi 10–12 Uhr");
    await page.getByRole("group", { name: "Sprachen" }).getByLabel("Rumänisch").check();
    await page.getByRole("button", { name: "Anlaufstelle eintragen" }).click();
    await expect(pageStatus(page)).toContainText("gespeichert");
    await page.goto("/staedte/dortmund");
    await expect(page.locator("#anlaufstellen ~ .anlaufstellen")).toContainText("Migrationsberatung E2E");
    await page.goto("/ankommen/laufzettel?stadt=dortmund&stationen=kindergeld&sprache1=de&sprache2=ro&erstellen=1");
    await expect(page.locator(".laufzettel-stellen")).toContainText("Migrationsberatung E2E");
    await expect(page.locator(".laufzettel-stellen")).toContainText("Mi 10–12 Uhr");

    await page.goto("/staedte/duisburg/anlaufstellen");
    await expect(page.getByRole("button", { name: "Anlaufstelle eintragen" })).toHaveCount(0);
    const res = await page.request.post("/staedte/duisburg/anlaufstellen", {
      form: { name: "Fremd", handlungsfeld: "gesundheit", stationen: "wohnen", adresse: "x", grund: "x" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(403);
  });
});
