// Funding guide in the browser: list with facets and chips, finder without JavaScript and by keyboard,
// detail page with conditions and stale badge, calendar feed, and the Redaktion's form with validation.
import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

test.describe("Förderung (Gast)", () => {
  test("list: facets filter, chips remove filters, stale badge on rows, axe clean", async ({ page }) => {
    await page.goto("/foerderung");
    await expect(page.getByRole("heading", { level: 1, name: "Förderung" })).toBeVisible();
    // 20 programmes of the corpus + the demo installation's clearly marked example call
    await expect(page.getByRole("heading", { name: /^\d+ Programme/ })).toContainText("21 Programme");
    await expect(page.locator(`li.programme-row[data-slug="beispiel-foerderaufruf-demo"]`)).toContainText("Beispiel");
    // Calm staleness (issue 13): a guest never sees "Prüfung überfällig"; at most one marker per row
    // (tests/e2e/pruefung.spec.ts makes a programme overdue and checks both views).
    const esfRow = page.locator('li.programme-row[data-slug="esf-plus-nrw"]');
    await expect(esfRow).toBeVisible();
    expect(await esfRow.locator("[data-stale]").count()).toBeLessThanOrEqual(1);
    await expect(page.getByText("Prüfung überfällig")).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("group", { name: "Fonds" }).getByLabel(/^ESF/).check();
    await page.getByRole("group", { name: "Antragsberechtigt" }).getByLabel(/^Freier Träger/).check();
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).toHaveURL(/fonds=esf/);
    await expect(page).toHaveURL(/wer=freier-traeger/);
    const rows = page.locator("li.programme-row");
    await expect(rows).toHaveCount(2); // ESF Plus NRW and EhAP Plus
    await expect(page.locator('li.programme-row[data-slug="biwaq"]')).toHaveCount(0); // ESF, but only for Kommunen
    const chips = page.getByRole("list", { name: "Aktive Filter" });
    await expect(chips.getByRole("link", { name: /Fonds: ESF/ })).toBeVisible();
    await expectAccessible(page);

    // removing the applicant chip keeps the fund filter
    await chips.getByRole("link", { name: /Antragsberechtigt: Freier Träger/ }).click();
    await expect(page).toHaveURL(/\/foerderung\?fonds=esf$/);
    await expect(rows).toHaveCount(3); // + BIWAQ
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("finder: keyboard only, GET form, ranked verdicts with named conditions", async ({ page }) => {
      await page.goto("/foerderung/finder");
      await expect(page.getByRole("heading", { level: 1, name: "Passt das Programm?" })).toBeVisible();
      // keyboard only: Tab into the form, choose with arrow keys, type, submit with Enter
      const wer = page.getByLabel("Wer stellt den Antrag?");
      await wer.focus();
      await expect(wer).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("In welchem Handlungsfeld?")).toBeFocused();
      await page.keyboard.press("Shift+Tab");
      await wer.selectOption("freier-traeger");
      await page.keyboard.press("Tab");
      await page.getByLabel("In welchem Handlungsfeld?").selectOption("arbeitsmarkt");
      await page.keyboard.press("Tab");
      await expect(page.getByLabel(/Wie viel Eigenmittel/)).toBeFocused();
      await page.keyboard.type("0");
      await page.keyboard.press("Tab");
      // Tab lands on the checked radio ("weiß nicht"); the arrow key moves the choice to "nein"
      await expect(page.getByLabel("weiß nicht")).toBeFocused();
      await page.keyboard.press("ArrowUp");
      await expect(page.getByLabel("nein", { exact: true })).toBeChecked();
      await page.getByLabel(/Wie viel Eigenmittel/).focus();
      await page.keyboard.press("Enter");

      await expect(page).toHaveURL(/wer=freier-traeger/);
      await expect(page).toHaveURL(/eigenmittel=0/);
      await expect(page.getByRole("heading", { name: /Programme geprüft/ })).toBeVisible();
      const ehap = page.locator('[data-slug="ehap-2014-2020"]');
      await expect(ehap).toHaveAttribute("data-verdict", "nicht");
      await expect(ehap).toContainText("Eigenanteil 5 % nötig – Sie haben 0 %");
      await expect(ehap).toContainText("geschlossen");
      await expect(page.locator('[data-slug="biwaq"]')).toContainText("nur für Kommunen");
      await expect(page.locator('[data-slug="iti-instrument"]')).toContainText("Status unbekannt – bitte prüfen");
      // programmes without an own-share condition rank above the excluded ones
      const order = await page.locator("ol.finder-results > li").evaluateAll((els) => els.map((e) => [e.getAttribute("data-slug"), e.getAttribute("data-verdict")]));
      const firstNicht = order.findIndex(([, v]) => v === "nicht");
      expect(order.slice(0, firstNicht).map(([s]) => s)).toContain("esf-plus-nrw");
      expect(order.slice(firstNicht).every(([, v]) => v === "nicht")).toBe(true);
      // (axe needs JavaScript in the page: the finder with results is checked in the next test)
    });
  });

  test("finder with results is axe clean", async ({ page }) => {
    await page.goto("/foerderung/finder?wer=freier-traeger&feld=arbeitsmarkt&eigenmittel=0&kofinanzierung=nein");
    await expect(page.getByRole("heading", { name: /Programme geprüft/ })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/foerderung/finder?eigenmittel=150");
    await expect(page.getByLabel(/Wie viel Eigenmittel/)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });

  test("detail: conditions as a definition list, stale badge, sources, .ics; unknown slug is 404", async ({ page, request }) => {
    await page.goto("/foerderung/hilfen-in-wohnungsnotfaellen");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hilfen in Wohnungsnotfällen");
    const dl = page.locator("dl.conditions");
    for (const term of ["Antragsberechtigt", "Förderquote", "Eigenanteil", "Kofinanzierung", "Ausschluss", "Fristen"]) await expect(dl.locator("dt", { hasText: term })).toBeVisible();
    // "bis zu 90 %" is an upper bound, not a rate: no fixed quota on record
    await expect(dl.locator("dt:has-text('Förderquote') + dd")).toHaveText(/^keine Angabe/);
    await expect(dl.locator("dt:has-text('Eigenanteil') + dd")).toHaveText("keine Angabe");
    await expect(dl.locator("dt:has-text('Fristen') + dd")).toContainText("31.01.2027");
    expect(await page.locator("[data-stale]").count()).toBeLessThanOrEqual(1); // calm staleness: one marker at most
    await expect(page.getByText("Prüfung überfällig")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Antrag & Nachweis" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Quellen und Stand" })).toBeVisible();
    await expectAccessible(page);

    const ics = await request.get("/foerderung/hilfen-in-wohnungsnotfaellen/fristen.ics");
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await request.get("/foerderung/gibt-es-nicht")).status()).toBe(404);
  });
});

test("Redaktion: validation errors next to fields, then a new programme with a deadline in the calendar feed", async ({ page, request, browser }) => {
  // a guest is sent to sign in
  await page.goto("/foerderung/neu");
  await expect(page).toHaveURL(/\/anmelden\?redirectTo=%2Ffoerderung%2Fneu/);

  await login(page, "redaktion");
  await page.goto("/foerderung/neu");
  await page.getByLabel("Kurzadresse (Slug)").fill("testprogramm-e2e");
  await page.getByLabel("Titel", { exact: true }).fill("Testprogramm Ankommen");
  await page.getByLabel("Kurzname").fill("Test Ankommen");
  await page.getByLabel("Zusammenfassung in einfacher Sprache").fill("Ein Programm nur für den Test.");
  await page.getByLabel("Fördergeber").fill("Testministerium");
  await page.getByLabel("Status").selectOption("offen");
  await page.getByRole("group", { name: "Wer darf Anträge stellen?" }).getByLabel("Verein").check();
  await page.getByLabel("Förderquote (in %)").fill("150");
  await page.getByLabel("Laufzeit von").fill("2030-01-01");
  await page.getByLabel("Frist 1: Bezeichnung").fill("Antragsfrist");
  await page.getByLabel("Frist 1: Datum").fill("2029-06-30");
  await page.getByLabel("Grund der Änderung").fill("Test");
  await page.getByRole("button", { name: "Programm anlegen" }).click();

  await expect(page.getByRole("alert")).toBeVisible();
  const rate = page.getByLabel("Förderquote (in %)");
  await expect(rate).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#feld-foerderquote-fehler")).toContainText("zwischen 0 und 100 %");
  await expect(page.getByLabel("Frist 1: Datum")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#feld-fristen-0-datum-fehler")).toContainText("vor dem Programmbeginn");
  await expect(page).toHaveTitle(/^Fehler:/);
  await expectAccessible(page);

  await rate.fill("80");
  await page.getByLabel("Laufzeit von").fill("2026-01-01");
  // a past review date, so the review dashboard lists it (the refreshed corpus has nothing overdue)
  await page.getByLabel("Stand", { exact: true }).fill("2025-01-01");
  await page.getByLabel("Prüfen bis", { exact: true }).fill("2025-06-30");
  await page.getByRole("button", { name: "Programm anlegen" }).click();
  await expect(page).toHaveURL(/\/foerderung\/testprogramm-e2e$/);
  await expect(page.locator("dl.conditions dt:has-text('Förderquote') + dd")).toHaveText(/^80 %/); // Redaktion sees a hint next to the rate while the review is overdue (calm staleness)
  await expect(page.locator("dl.conditions dt:has-text('Eigenanteil') + dd")).toHaveText("keine Angabe");

  const feed = await (await request.get("/foerderung/fristen.ics?fonds=sonstige")).text();
  expect(feed).toContain("DTSTART;VALUE=DATE:20290630");
  expect(feed).toContain("SUMMARY:Frist Test Ankommen: Antragsfrist");
  const other = await (await request.get("/foerderung/fristen.ics?fonds=esf")).text();
  expect(other).not.toContain("Test Ankommen");

  // edit with a reason → new version listed
  await page.getByRole("link", { name: "Programm bearbeiten" }).click();
  await page.getByLabel("Eigenanteil (in %)").fill("20");
  await page.getByLabel("Grund der Änderung").fill("Eigenanteil laut Richtlinie");
  await page.getByRole("button", { name: "Änderungen speichern" }).click();
  await expect(page.locator("dl.conditions dt:has-text('Eigenanteil') + dd")).toHaveText("20 %");
  await expect(page.locator(".revision-list")).toContainText("Eigenanteil laut Richtlinie");

  // versions: the change is shown as a diff of the field
  await page.getByRole("link", { name: "Alle Versionen mit Unterschieden" }).click();
  await expect(page.getByRole("heading", { name: "Unterschiede von Version 1 zu Version 2" })).toBeVisible();
  await expect(page.locator(".revision-diff tr", { hasText: "Eigenanteil" })).toContainText("0.2");
  await expectAccessible(page);

  // the review page lists programmes with their owner (every entry with ?alle=1; which are due depends on the corpus)
  await page.goto("/verwaltung/pruefung?alle=1");
  await expect(page.getByRole("main").getByRole("link", { name: /^Europäischer Sozialfonds Plus/ }).first()).toHaveAttribute("href", "/foerderung/esf-plus-nrw");
  // (axe on this page: tests/e2e/pruefung.spec.ts)

  // the public home page lists the new deadline under "Anstehende Fristen" (signed in, the home page is the
  // personal overview with the next 30 days only)
  const guest = await browser.newContext();
  const start = await guest.newPage();
  await start.goto("/");
  const block = start.getByRole("region", { name: "Anstehende Fristen" });
  await expect(block).toContainText("30.06.2029");
  await expect(block.getByRole("link", { name: "Test Ankommen" })).toBeVisible();
  await guest.close();
});
