// Exchange about projects (issue 19) in the browser: another city's coordinator presses "Interesse an
// Zusammenarbeit" without JavaScript, the lead sees the notification; the rating form names its errors; the
// discussion starts once; Passende Städte offers the partner search; /staedte is grouped by Land. axe on every
// new or changed page, also at 360 px.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, logout, pageStatus } from "./helpers";

const PROJECT = "/projekte/mieterschule-nordstadt";

async function accessibleAlsoOnPhone(page: Page) {
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()} at 360 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("Austausch über Projekte", () => {
  test("Duisburg shows interest without JavaScript; the Dortmund lead is notified", async ({ page, browser }) => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const nj = await noJs.newPage();
    await login(nj, "koordinationDuisburg");
    await nj.goto(PROJECT);
    await nj.getByRole("button", { name: "Interesse an Zusammenarbeit" }).click();
    await expect(nj).toHaveURL(new RegExp(`${PROJECT}#interesse$`));
    await expect(pageStatus(nj)).toContainText("Ihr Interesse an Zusammenarbeit ist gemeldet");
    const block = nj.locator("section.projekt-interesse");
    await expect(block.getByRole("link", { name: "Duisburg" })).toBeVisible();
    await expect(block.getByRole("button", { name: /Interesse von Duisburg zurückziehen/ })).toBeVisible();
    await noJs.close();

    await login(page, "koordinationDortmund");
    await page.goto("/benachrichtigungen");
    const note = page.getByRole("link", { name: /Duisburg hat Interesse an Zusammenarbeit im Projekt „Mieterschule Nordstadt“/ });
    await expect(note).toHaveCount(1);
    await note.click();
    await expect(page).toHaveURL(new RegExp(PROJECT));
    await expect(page.locator("section.projekt-interesse").getByRole("link", { name: "Duisburg" })).toBeVisible();
    await accessibleAlsoOnPhone(page);
  });

  test("the lead coordinator rates the programme: errors first, then saved", async ({ page }) => {
    await login(page, "koordinationDortmund");
    await page.goto(PROJECT);
    const rate = page.locator("section.projekt-bewertungen");
    await rate.getByRole("link", { name: /bewerten/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Förderprogramm bewerten");
    await accessibleAlsoOnPhone(page);
    await page.getByLabel("Zeit vom Antrag bis zur Entscheidung (Monate)").fill("viele");
    await page.getByRole("button", { name: "Bewertung speichern" }).click();
    await expect(page.locator("[data-error-summary]")).toBeFocused();
    await expect(page.locator("#feld-aufwandAntrag-fehler")).toContainText("Stufe von 1 bis 5");
    await expect(page.locator("#feld-monate-fehler")).toContainText("ganze Zahl");
    await expect(page.locator("#feld-wieder-fehler")).toBeVisible();
    await expect(page.getByLabel("Aufwand für den Antrag")).toHaveAttribute("aria-invalid", "true");
    await accessibleAlsoOnPhone(page);

    await page.getByLabel("Aufwand für den Antrag").selectOption("3");
    await page.getByLabel("Aufwand für den Verwendungsnachweis").selectOption("4");
    await page.getByLabel("Zeit vom Antrag bis zur Entscheidung (Monate)").fill("5");
    await page.getByLabel("Würden Sie das Programm wieder nutzen?").selectOption("ja");
    await page.getByLabel("Ihre Erfahrung in wenigen Sätzen (optional)").fill("Gute Beratung, aufwendiger Nachweis.");
    await page.getByRole("button", { name: "Bewertung speichern" }).click();
    await expect(page).toHaveURL(new RegExp(`${PROJECT}#bewertungen$`));
    await expect(pageStatus(page)).toContainText("Bewertung gespeichert");
    await expect(page.locator("section.projekt-bewertungen")).toContainText("(bewertet)");

    // one rating is not shown on the programme page
    await page.goto("/foerderung/sozialer-zusammenhalt");
    const block = page.locator("section.rating-summary");
    await expect(block).toContainText("ab 3 Projekten aus 3 Städten");
    await expect(block).not.toContainText("Gute Beratung");
    await accessibleAlsoOnPhone(page);
  });

  test("a member starts the discussion once; Passende Städte offers the partner search; Städte by Land", async ({ page }) => {
    await login(page, "mitgliedDuisburg");
    await page.goto(PROJECT);
    await page.getByRole("button", { name: "Diskussion starten" }).click();
    await expect(page).toHaveURL(new RegExp(`${PROJECT}#diskussion$`));
    const section = page.locator("section.projekt-diskussion");
    await expect(section.getByRole("link", { name: /Zur Diskussion „Projekt: Mieterschule Nordstadt“ \(1 Beitrag\)/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Diskussion starten" })).toHaveCount(0);
    await accessibleAlsoOnPhone(page);
    await section.getByRole("link", { name: /Zur Diskussion/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Projekt: Mieterschule Nordstadt");

    await logout(page);
    await login(page, "koordinationDortmund");
    await page.goto(`${PROJECT}/passende-staedte`);
    await expect(page.getByRole("button", { name: "Partnersuche aktivieren" })).toBeVisible();
    await expect(page.locator(".iti-status")).toHaveText("Noch 2 Städte bis zur ITI-Mindestgröße (3).");
    await accessibleAlsoOnPhone(page);

    await page.goto("/staedte");
    await expect(page.getByRole("heading", { level: 2, name: /^Nordrhein-Westfalen/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Sachsen/ })).toBeVisible();
    await accessibleAlsoOnPhone(page);
    await page.getByRole("group", { name: "Sachsen" }).getByLabel("Musterstadt (Demo)").check();
    await page.getByRole("group", { name: "Nordrhein-Westfalen" }).getByLabel("Dortmund").check();
    await page.getByRole("button", { name: "Vergleichen" }).click();
    await expect(page.getByText(/Vergleich über Ländergrenzen/)).toBeVisible();
    await accessibleAlsoOnPhone(page);
  });
});
