// Issue 13 in the browser: an overdue programme as guest (one calm line, hints next to expiring facts) and as
// Redaktion (one prominent badge), on the detail page and in the list; "Meine Prüfungen" with "geprüft,
// unverändert" without JavaScript, at 360 px; axe on every page. The test makes its own programme overdue
// through the editor, so it does not depend on the corpus' review dates.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, logout, pageStatus } from "./helpers";

const SLUG = "esf-plus-nrw";
const TITLE = "Europäischer Sozialfonds Plus (ESF Plus) in NRW 2021–2027";

async function makeOverdue(page: Page) {
  await page.goto(`/foerderung/${SLUG}/bearbeiten`);
  await page.getByLabel("Stand", { exact: true }).fill("2025-01-15");
  await page.getByLabel("Prüfen bis", { exact: true }).fill("2025-07-15");
  await page.getByLabel("Grund der Änderung").fill("E2E: Prüfdatum in die Vergangenheit gelegt");
  await page.getByRole("button", { name: "Änderungen speichern" }).click();
  await expect(page).toHaveURL(new RegExp(`/foerderung/${SLUG}$`));
}

test.describe.configure({ mode: "serial" });

test.describe("Prüfungen und ruhige Veraltungsanzeige", () => {
  test("overdue programme: Redaktion sees one prominent badge, guests one calm line and hints next to expiring facts", async ({ page }) => {
    await login(page, "redaktion");
    await makeOverdue(page);
    // Redaktion: exactly one staleness marker on the page, and it is the prominent one
    await expect(page.locator("[data-stale]")).toHaveCount(1);
    await expect(page.locator("[data-stale]")).toContainText("Prüfung überfällig seit 15.07.2025");
    await expectAccessible(page);
    await page.goto("/foerderung");
    const row = page.locator(`li.programme-row[data-slug="${SLUG}"]`);
    await expect(row.locator("[data-stale]")).toHaveCount(1);
    await expect(row.locator("[data-stale]")).toContainText("Prüfung überfällig");
    await logout(page);

    // Guest: one calm line, no alarm; hints only next to status / quota / deadline
    await page.goto(`/foerderung/${SLUG}`);
    await expect(page.locator("[data-stale]")).toHaveCount(1);
    await expect(page.locator("[data-stale]")).toHaveText("Stand: 15.01.2025 · wird überprüft");
    await expect(page.getByText("Prüfung überfällig")).toHaveCount(0);
    await expect(page.getByText(/möglicherweise veraltet/)).toHaveCount(0);
    const hints = page.locator("[data-stale-fact]");
    expect(await hints.count()).toBeGreaterThanOrEqual(1);
    await expect(hints.first()).toContainText("bitte bei der Förderstelle bestätigen");
    await expectAccessible(page);
    await page.goto("/foerderung");
    await expect(row.locator("[data-stale]")).toHaveCount(1);
    await expect(row.locator("[data-stale]")).toHaveText("Stand: 15.01.2025 · wird überprüft");
    await expectAccessible(page);
    // Every programme row and every article card carries at most one marker
    for (const li of await page.locator("li.programme-row").all()) expect(await li.locator("[data-stale]").count()).toBeLessThanOrEqual(1);
    await page.goto("/wissen");
    for (const li of await page.locator("main li").all()) expect(await li.locator("[data-stale]").count()).toBeLessThanOrEqual(1);
    await page.goto("/");
    for (const li of await page.locator("main li").all()) expect(await li.locator("[data-stale]").count()).toBeLessThanOrEqual(1);
  });

  test("Meine Prüfungen lists the overdue programme first; 'geprüft, unverändert' works without JavaScript at 360 px", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await login(page, "redaktion");
    await page.goto("/verwaltung/meine-pruefungen");
    await expect(page.getByRole("heading", { level: 1, name: "Meine Prüfungen" })).toBeVisible();
    const due = page.locator("section[aria-labelledby=faellig] li.review-card");
    const card = due.filter({ has: page.getByRole("heading", { level: 3, name: TITLE }) });
    await expect(card.locator("[data-stale]")).toContainText("überfällig seit 15.07.2025");
    // sorted by due date: every overdue card comes before every card that is only due soon
    const overdueFlags = await due.evaluateAll((lis) => lis.map((li) => !!li.querySelector("[data-stale]")));
    expect(overdueFlags.indexOf(false) === -1 || overdueFlags.lastIndexOf(true) < overdueFlags.indexOf(false)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // (axe needs JavaScript: it runs on these pages in the next test)

    await card.getByLabel(/Anmerkung zur Prüfung/).fill("Richtlinie unverändert, Fristen geprüft.");
    await card.getByRole("button", { name: /^Geprüft, unverändert/ }).click();
    await expect(pageStatus(page)).toContainText(`„${TITLE}“ als geprüft vermerkt`);
    await expect(page.locator("section[aria-labelledby=faellig]").getByText(TITLE)).toHaveCount(0);

    // The programme now shows today's Stand and no staleness marker; the revision carries the reason
    await page.goto(`/foerderung/${SLUG}`);
    await expect(page.locator("[data-stale]")).toHaveCount(0);
    await expect(page.locator(".revision-list")).toContainText("Geprüft, unverändert: Richtlinie unverändert, Fristen geprüft.");
    await context.close();
  });

  test("the editor offers owner and deputy pickers of Redaktion users; review pages pass axe", async ({ page }) => {
    await login(page, "redaktion");
    await page.goto("/verwaltung/meine-pruefungen");
    await expectAccessible(page);
    await page.goto("/verwaltung/pruefung?alle=1");
    await expect(page.getByRole("row", { name: new RegExp(TITLE.replace(/[()]/g, ".")) })).toContainText("Rita Redaktion (Demo)");
    await expectAccessible(page);
    await page.goto(`/foerderung/${SLUG}/bearbeiten?pruefung=1`);
    await expect(page.getByText("Prüfung: Beim Speichern werden „Stand“ auf heute")).toBeVisible();
    const owner = page.getByLabel("Verantwortlich", { exact: true });
    await expect(owner.locator("option:checked")).toHaveText("Rita Redaktion (Demo)"); // demo step: a user owner on every entry
    await page.getByLabel("Vertretung", { exact: true }).selectOption({ label: "Rita Redaktion (Demo)" });
    await page.getByLabel("Grund der Änderung").fill("E2E: gleiche Person als Vertretung");
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(page.locator("#feld-deputyId-fehler")).toContainText("andere Person");
    await expectAccessible(page);
  });
});
