// Forderungen and Termine (issue 19): pages pass axe, work without JavaScript and at 360 px; the report for
// "Bund" prints on at most two A4 pages; a coordinator's proposal shows only after Redaktion confirms it.
import { writeFileSync, mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, logout } from "./helpers";

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test.describe("Forderungen", () => {
  test("the list groups by level, every item names its source; facets and views pass axe, also at 360 px", async ({ page }) => {
    await page.goto("/forderungen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forderungen und nächste Schritte");
    for (const h of ["Kommunen", "Land", "Bund", "Europäische Union", "Herkunftsländer"]) await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${h} \\(`) })).toBeVisible();
    const items = page.locator(".forderung-item");
    const n = await items.count();
    expect(n).toBeGreaterThan(30);
    await expect(items.filter({ hasNotText: "Quelle: Handlungsrahmen" })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nach Lösungsszenario" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^Lösungsszenario 6/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nach Status" }).click();
    await page.getByRole("link", { name: "umgesetzt", exact: true }).click();
    await expect(page).toHaveURL(/status=umgesetzt/);
    await expect(page.locator(".forderung-item")).not.toHaveCount(0);
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/forderungen");
    await noHorizontalScroll(page);
    await expectAccessible(page);
  });

  test("detail page shows history with evidence; the report for Bund prints on at most two pages", async ({ page }) => {
    await page.goto("/forderungen/ls3-bund-foerdermoeglichkeiten");
    await expect(page.getByRole("heading", { level: 2, name: "Verlauf" })).toBeVisible();
    await expect(page.getByText(/EhAP Plus/).first()).toBeVisible();
    await expectAccessible(page);
    await page.goto("/forderungen/bericht/bund");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Bund");
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    mkdirSync(".cache", { recursive: true });
    writeFileSync(".cache/bericht-bund.pdf", pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await expect(page.locator(".site-header")).toBeHidden();
  });
});

test.describe("Formulare und Warteschlange (axe)", () => {
  test("proposal form with errors, the Redaktion queue and the event pages pass axe", async ({ page }) => {
    await login(page, "koordinationDuisburg");
    await page.goto("/forderungen/ls6-eu-foerderstrukturen");
    await expectAccessible(page);
    await page.getByLabel("Nachweis", { exact: true }).fill("kurz");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await expect(page.locator("#feld-nachweis-fehler")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Nachweis", { exact: true }).fill("Kommissionsmitteilung E2E zur Quartiersförderung");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Ihre offenen Vorschläge" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/termine/neu");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Termin speichern" }).click();
    await expect(page.locator("[data-error-summary]")).toBeFocused();
    await expectAccessible(page);
    await logout(page);
    await login(page, "redaktion");
    await page.goto("/forderungen/vorschlaege");
    await expect(page.getByRole("button", { name: /Bestätigen\s*: Langfristige Förderung/ })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/termine");
    await expectAccessible(page);
  });
});

test.describe("Statusvorschlag ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a coordinator's proposal waits for Redaktion, then shows in history and feed", async ({ page }) => {
    const slug = "ls2-bund-notfallfonds";
    await login(page, "koordinationDortmund");
    await page.goto(`/forderungen/${slug}`);
    await page.getByLabel("Neuer Status").selectOption("in-arbeit");
    await page.getByLabel("Datum des Nachweises").fill("2026-11-30");
    await page.getByLabel("Nachweis", { exact: true }).fill("kurz");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await expect(page.locator("#feld-nachweis-fehler")).toContainText("mindestens 10 Zeichen");
    await page.getByLabel("Nachweis", { exact: true }).fill("Gesundheitsministerkonferenz E2E-Beschluss zum Notfallfonds");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Ihre offenen Vorschläge" })).toBeVisible();
    await expect(page.locator(".forderung-history")).toHaveCount(0);
    let feed = await (await page.request.get("/forderungen/feed.xml")).text();
    expect(feed).not.toContain("E2E-Beschluss");
    await logout(page);

    await login(page, "redaktion");
    await page.goto("/forderungen/vorschlaege");
    await page.getByRole("button", { name: /Bestätigen\s*: Bundesfonds/ }).click();
    await expect(page.getByText("Vorschlag bestätigt")).toBeVisible();
    await expect(page.getByRole("button", { name: /Bestätigen\s*: Bundesfonds/ })).toHaveCount(0);
    await page.goto(`/forderungen/${slug}`);
    await expect(page.locator(".forderung-history")).toContainText("E2E-Beschluss");
    await expect(page.locator(".forderung-history")).toContainText("in Arbeit");
    feed = await (await page.request.get("/forderungen/feed.xml")).text();
    expect(feed).toContain("E2E-Beschluss");
  });
});

test.describe("Termine", () => {
  test.use({ javaScriptEnabled: false });
  test("a coordinator enters an event without JavaScript; list, detail and home page show it; pages pass axe", async ({ page }) => {
    await page.goto("/termine");
    await login(page, "koordinationDortmund");
    await page.goto("/termine/neu");
    await page.getByRole("button", { name: "Termin speichern" }).click();
    await expect(page.locator("#feld-titel-fehler")).toBeVisible();
    await page.getByLabel("Titel").fill("Fachtag Kinderschutz E2E");
    await page.getByLabel("Datum", { exact: true }).fill("2027-03-28");
    await page.getByLabel("Beginn (Uhrzeit, Berlin)").fill("10:00");
    await page.getByLabel("Ende (Uhrzeit)").fill("15:30");
    await page.getByLabel("Ort", { exact: true }).fill("Dortmund, Rathaus");
    await page.getByLabel("Gerichte und Staatsanwaltschaften").check();
    await page.getByLabel("Kinder und Bildung").check();
    await page.getByRole("button", { name: "Termin speichern" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fachtag Kinderschutz E2E");
    await expect(page.locator("main")).toContainText("Sonntag, 28. März 2027, 10:00–15:30 Uhr");
    await expect(page.locator("main")).toContainText("Gerichte und Staatsanwaltschaften");
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Nächste Termine" })).toContainText("Fachtag Kinderschutz E2E");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/termine");
    await expect(page.locator("main")).toContainText("Fachtag Kinderschutz E2E");
    await noHorizontalScroll(page);
    const ics = await (await page.request.get("/termine.ics?feld=kinder-bildung")).text();
    expect(ics).toContain("DTSTART:20270328T080000Z");
  });
});

test.describe("Termine (axe)", () => {
  test("the event detail page passes axe, also at 360 px", async ({ page }) => {
    await page.goto("/termine");
    await page.getByRole("link", { name: "Fachtag Kinderschutz E2E" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fachtag Kinderschutz E2E");
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await noHorizontalScroll(page);
    await expectAccessible(page);
  });
});

test.describe("Gesamtzielperspektive", () => {
  async function checkZiele(page: Page) {
    await page.goto("/ziele");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gesamtzielperspektive");
    const item = page.locator(".ziel-list li").filter({ hasText: "Begangene oder instand gesetzte Problemimmobilien" });
    await expect(item).toContainText("Summe über die Städte");
    await expect(item).toContainText("149 Häuser");
    await expect(item).toContainText(/2 von \d+ Städten melden/);
    await expectAccessible(page);

    await item.getByRole("link", { name: "Begangene oder instand gesetzte Problemimmobilien" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Begangene oder instand gesetzte Problemimmobilien");
    await expect(page.locator(".ziel-total")).toHaveText("Summe: 149 Häuser (2 Städte)");
    const meldungen = page.getByRole("table", { name: "Zugeordnete Projektindikatoren und ihre letzten Werte" });
    await expect(meldungen.getByRole("row", { name: /Dortmund/ })).toContainText("97 Häuser");
    await expect(meldungen.getByRole("row", { name: /Duisburg/ })).toContainText("52 Häuser");
    await page.locator("summary", { hasText: "Daten als Tabelle" }).click();
    const daten = page.getByRole("table", { name: /Daten zum Diagramm/ });
    await expect(daten).toContainText("Dortmund");
    await expect(daten).toContainText("Duisburg");
    const missing = page.locator(".ziel-missing");
    await expect(missing.getByRole("link", { name: "Gelsenkirchen" })).toBeVisible();
    await expect(missing.getByRole("link", { name: "Dortmund" })).toHaveCount(0);
    await expect(missing.getByRole("link", { name: "Duisburg" })).toHaveCount(0);
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await noHorizontalScroll(page);
    await expectAccessible(page);
  }

  test("as a guest: the list and a target page show the roll-up of Dortmund and Duisburg and the cities without report; axe 0", async ({ page }) => {
    await checkZiele(page);
  });

  test("as a member: the same roll-up; axe 0", async ({ page }) => {
    await login(page, "mitgliedDortmund");
    await checkZiele(page);
  });
});

test.describe("Ziele-Formular (axe)", () => {
  test("Redaktion: the new-target form with errors and the edit form pass axe", async ({ page }) => {
    await login(page, "redaktion");
    await page.goto("/ziele");
    await page.getByRole("link", { name: "Neues Ziel anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neues Ziel");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ziel speichern" }).click();
    await expect(page.locator("#feld-title-fehler")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/ziele/problemimmobilien");
    await page.getByRole("link", { name: "Ziel bearbeiten" }).click();
    await expect(page.getByLabel("Einheit")).toHaveValue("Häuser");
    await expectAccessible(page);
  });
});
