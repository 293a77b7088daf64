import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, logout } from "./helpers";

const TITLE = "Gesundheitslotsen Dortmund-Nord E2E";
const SLUG = "gesundheitslotsen-dortmund-nord-e2e";

async function fillFundingLine(page: Page, n: number, v: { programme?: string; name?: string; amount: string; own: string }) {
  const row = page.getByRole("group", { name: `Förderlinie ${n}` });
  if (v.programme) await row.getByLabel("Programm aus dem Förderwegweiser").selectOption({ label: v.programme });
  if (v.name) await row.getByLabel("Programmname").fill(v.name);
  await row.getByLabel("Förderbetrag in Euro").fill(v.amount);
  await row.getByLabel("Eigenanteil in Euro").fill(v.own);
}

test.describe("Entwicklungsdatenbank", () => {
  test("Dortmund creates a members-only project; Duisburg (partner) gets 403 on edit but adds an update; guests get 404", async ({ page }) => {
    await login(page, "koordinationDortmund");
    await page.goto("/projekte/neu");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neues Projekt");
    await expectAccessible(page);

    // server-side validation first: end before start, errors next to the fields
    await page.getByLabel("Titel", { exact: true }).fill(TITLE);
    await page.getByLabel("Beginn", { exact: true }).fill("2027-06-01");
    await page.getByLabel("Ende", { exact: true }).fill("2027-01-01");
    await page.getByRole("button", { name: "Projekt speichern" }).click();
    await expect(page.locator("[data-error-summary]")).toBeFocused();
    await expect(page.locator("#feld-ende-fehler")).toContainText("Das Ende darf nicht vor dem Beginn liegen.");
    await expect(page.locator("#feld-felder-fehler")).toContainText("mindestens ein Handlungsfeld");
    await expectAccessible(page);

    await page.getByLabel("Ende", { exact: true }).fill("2028-12-31");
    await page.getByRole("group", { name: "Handlungsfelder" }).getByLabel("Gesundheit").check();
    await page.getByRole("group", { name: "Partnerstädte" }).getByLabel("Duisburg").check();
    await page.getByLabel("Status", { exact: true }).selectOption("beantragt");
    await page.getByLabel("Gesamtbudget in Euro").fill("150.000");
    await page.getByLabel("Kontakt (Rolle)").fill("Gesundheitsamt Dortmund, Koordinierungsstelle");
    await fillFundingLine(page, 1, { name: "Landesprogramm Zuwanderung Südosteuropa", amount: "90.000", own: "10.000" });
    await fillFundingLine(page, 2, { name: "Stiftung Gesundheit Ruhr", amount: "20.000", own: "0" });
    const ind = page.getByRole("group", { name: "Indikator 1" });
    await ind.getByLabel("Name", { exact: true }).fill("Familien mit Krankenversicherung");
    await ind.getByLabel("Einheit").fill("Familien");
    await ind.getByLabel("Ausgangswert", { exact: true }).fill("0");
    await ind.getByLabel("Zielwert", { exact: true }).fill("200");
    await ind.getByLabel("Aktueller Wert", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Projekt speichern" }).click();

    await expect(page).toHaveURL(new RegExp(`/projekte/${SLUG}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.getByText("Status: Beantragt")).toBeVisible();
    await expect(page.getByText("Nur für Mitglieder").first()).toBeVisible();
    const funding = page.getByRole("table", { name: "Förderlinien mit Summe und Finanzierungslücke" });
    await expect(funding.getByRole("row")).toHaveCount(4); // header, 2 lines, sum
    await expect(funding).toContainText("110.000");
    await expect(page.getByText("Verbleibende Lücke")).toBeVisible();
    await expect(page.locator("dd", { hasText: "30.000" })).toBeVisible();
    await expect(page.getByRole("figure", { name: /Familien mit Krankenversicherung/ })).toBeVisible();
    await expect(page.locator(".projekt-timeline")).toContainText("Beantragt");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Änderungen zwischen den Versionen ansehen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Versionen: ${TITLE}`);
    await expect(page.getByRole("row", { name: /Projekt angelegt/ })).toBeVisible();
    await logout(page);

    await login(page, "koordinationDuisburg");
    const denied = await page.goto(`/projekte/${SLUG}/bearbeiten`);
    expect(denied!.status()).toBe(403);
    await page.goto(`/projekte/${SLUG}`);
    await expect(page.getByRole("link", { name: "Projekt bearbeiten" })).toHaveCount(0);
    await page.getByLabel("Fortschrittsmeldung", { exact: true }).fill("Duisburg übernimmt den Fragebogen für Hochfeld.");
    await page.getByRole("button", { name: "Meldung speichern" }).click();
    await expect(page.locator(".projekt-updates")).toContainText("Duisburg übernimmt den Fragebogen für Hochfeld.");
    await expect(page.locator(".projekt-updates")).toContainText("Duisburg");
    await logout(page);

    const guest = await page.goto(`/projekte/${SLUG}`);
    expect(guest!.status()).toBe(404);
    await page.goto("/projekte");
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
  });

  test("list with facets and sortable table, exports keep the filters, partner suggestions", async ({ page }) => {
    await page.goto("/projekte");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Projekte");
    await expectAccessible(page);
    await page.getByLabel("Stadt").selectOption("duisburg");
    await page.getByLabel("Handlungsfeld").selectOption("wohnen");
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).toHaveURL(/stadt=duisburg/);
    await expect(page.getByRole("link", { name: "Task Force Problemimmobilien Hochfeld und Marxloh" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Schulstart Nordstadt – Seiteneinstieg ohne Wartezeit" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export als CSV" })).toHaveAttribute("href", "/projekte/export.csv?stadt=duisburg&feld=wohnen");

    await page.goto("/projekte?ansicht=tabelle");
    await page.getByRole("link", { name: /^Budget/ }).click();
    await expect(page.getByRole("columnheader", { name: /Budget/ })).toHaveAttribute("aria-sort", "descending");
    const firstRow = page.locator(".projekt-table tbody tr").first();
    await expect(firstRow).toContainText("Task Force Problemimmobilien Nordstadt"); // 420.000 € is the largest public budget
    await expectAccessible(page);

    await page.goto("/projekte/lotsen-und-laufzettel-aufsuchende-arbeit-in-der-nordstadt");
    await page.getByRole("link", { name: "Passende Städte" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Passende Städte");
    const suggestions = page.locator(".projekt-suggestions > li");
    expect(await suggestions.count()).toBeGreaterThanOrEqual(2);
    await expect(suggestions.first()).toContainText("Warum diese Stadt?");
    await expect(page.getByRole("heading", { name: "Duisburg" })).toBeVisible();
    await expectAccessible(page);
  });

  test("CSV export opens with umlauts (BOM) and JSON names its licence", async ({ request }) => {
    const csv = await request.get("/projekte/export.csv?stadt=dortmund");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain("Clearingstelle Gesundheit Nordstadt");
    expect(body.toString("utf8")).toContain("Qualifizierung für Selbstständige aus Südosteuropa");
    const json = await (await request.get("/projekte/export.json")).json();
    expect(json.lizenz.kennung).toBe("dl-de/by-2-0");
    expect(json.projekte.every((p: { slug: string }) => p.slug !== "gemeinsame-iti-zuwanderung-ruhrgebiet")).toBe(true);
  });
});

test.describe("Formular ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("'Weitere Förderlinie' adds a row and keeps the input", async ({ page }) => {
    await page.goto("/anmelden");
    await login(page, "redaktion");
    await page.goto("/projekte/neu");
    await page.getByLabel("Titel", { exact: true }).fill("Ohne JavaScript");
    await expect(page.getByRole("group", { name: "Förderlinie 3" })).toHaveCount(0);
    await page.getByRole("button", { name: "Weitere Förderlinie" }).click();
    await expect(page.getByRole("group", { name: "Förderlinie 3" })).toBeVisible();
    await expect(page.getByLabel("Titel", { exact: true })).toHaveValue("Ohne JavaScript");
  });
});
