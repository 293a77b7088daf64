import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test.describe("Städte", () => {
  test("Duisburg shows the paper's figures with date and source, the district chart and its projects", async ({ page }) => {
    await page.goto("/staedte/duisburg");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Duisburg");
    const figures = page.getByRole("table", { name: "Kennzahlen von Duisburg mit Stand und Quelle" });
    const reg = figures.getByRole("row", { name: /Gemeldete Menschen aus Bulgarien und Rumänien/ });
    await expect(reg).toContainText("6.173 Personen");
    await expect(reg).toContainText("31.12.2012");
    await expect(reg).toContainText("Handlungsrahmen Zuwanderung aus Südosteuropa");
    await expect(figures.getByRole("row", { name: /Anteil in Hochfeld/ })).toContainText("etwa 38 %");
    await expect(figures.getByRole("row", { name: /Anteil in Marxloh/ })).toContainText("17,4 %");
    await expect(figures.getByRole("row", { name: /Anteil in Bruckhausen/ })).toContainText("7,6 %");
    await expect(page.getByRole("figure", { name: /Stadtteile/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Task Force Problemimmobilien Hochfeld und Marxloh" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Praxisbeispiele im Wissen" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Offene Fragen an die Clearingstelle" })).toBeVisible();
    await expectAccessible(page);
  });

  test("Dortmund shows about 3.200 at the end of 2012; list and comparison are accessible", async ({ page }) => {
    await page.goto("/staedte/dortmund");
    const reg = page.getByRole("row", { name: /Gemeldete Menschen aus Bulgarien und Rumänien/ });
    await expect(reg).toContainText("etwa 3.200 Personen");
    await expect(reg).toContainText("31.12.2012");
    await expectAccessible(page);

    await page.goto("/staedte");
    await expectAccessible(page);
    await page.getByRole("group", { name: "Wählen Sie zwei bis fünf Städte" }).getByLabel("Dortmund").check();
    await page.getByRole("group", { name: "Wählen Sie zwei bis fünf Städte" }).getByLabel("Duisburg").check();
    await page.getByRole("button", { name: "Vergleichen" }).click();
    await expect(page).toHaveURL(/\/staedte\/vergleich\?stadt=dortmund&stadt=duisburg/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Städte vergleichen");
    const table = page.getByRole("table", { name: /Kennzahlen mit Stand/ });
    await expect(table.getByRole("row", { name: /Gemeldete Menschen/ })).toContainText("6.173");
    await expect(table.getByRole("row", { name: /Gemeldete Menschen/ })).toContainText("etwa 3.200");
    await expectAccessible(page);

    await page.goto("/staedte/vergleich?stadt=dortmund");
    await expect(page.getByText("Bitte wählen Sie mindestens zwei Städte.")).toBeVisible();
    await expectAccessible(page);
  });
});
