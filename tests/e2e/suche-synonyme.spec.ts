import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

// Issue 17: the Redaktion maintains the search's synonym groups; a new group works on the next search.
test.describe("Such-Synonyme", () => {
  test("Redaktion adds a group, the search uses it at once, errors name the field, deleting asks first", async ({ page }) => {
    await login(page, "redaktion");
    await page.goto("/verwaltung");
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Such-Synonyme" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Such-Synonyme");
    await expect(page.getByRole("rowheader", { name: /KV · Krankenversicherung/ })).toBeVisible();
    await expectAccessible(page);

    // one term only: a German error linked to the field
    await page.getByLabel("Begriffe").fill("Nurder");
    await page.getByRole("button", { name: "Gruppe anlegen" }).click();
    await expect(page.getByRole("alert")).toContainText("mindestens zwei verschiedene Begriffe");
    await expect(page.getByLabel("Begriffe")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    const word = `Zqx${Date.now().toString(36)}`;
    await page.getByLabel("Begriffe").fill(`${word}\nKrankenversicherung`);
    await page.getByRole("button", { name: "Gruppe anlegen" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Synonymgruppe angelegt");
    const res = await page.request.get(`/api/suche?q=${word}`);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);

    await page.getByRole("link", { name: `Löschen … (${word})` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("löschen?");
    await expectAccessible(page);
    await page.getByRole("button", { name: /endgültig löschen/ }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("gelöscht");
    expect(((await (await page.request.get(`/api/suche?q=${word}`)).json()) as { total: number }).total).toBe(0);
  });

  test("at 360 px the list stays usable, and members do not see the page", async ({ page, browser }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await login(page, "redaktion");
    await page.goto("/verwaltung/synonyme");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Such-Synonyme");
    await expectAccessible(page);
    const other = await browser.newContext();
    const member = await other.newPage();
    await login(member, "mitgliedDortmund");
    const r = await member.goto("/verwaltung/synonyme");
    expect(r?.status()).toBe(403);
    await other.close();
  });
});
