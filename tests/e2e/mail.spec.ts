// Mail-Ausgang (/verwaltung/mail): admin only, accessible, usable on a phone and without JavaScript.
import { expect, test } from "@playwright/test";
import { expectAccessible, login, logout } from "./helpers";

test.describe("Mail-Ausgang", () => {
  test("an admin sees the outbox with its counts; the page passes axe, also at 360 px", async ({ page }) => {
    await login(page, "admin");
    // Queue one mail through the real form, so the outbox has something to count.
    await page.goto("/verwaltung/einladungen");
    await page.getByLabel("E-Mail-Adresse").fill(`mailausgang.${Date.now()}@test.invalid`);
    await page.getByRole("button", { name: "Einladung erstellen" }).click();
    await page.goto("/verwaltung");
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Mail-Ausgang" }).click();
    await expect(page).toHaveURL(/\/verwaltung\/mail$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mail-Ausgang");
    await expect(page.getByText("Gesendet in den letzten 24 Stunden")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Fehlgeschlagen" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Wartend" })).toBeVisible();
    await expectAccessible(page);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, "admin");
    const r = await page.goto("/verwaltung/mail");
    expect(r!.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mail-Ausgang");
    await context.close();
  });

  for (const who of ["redaktion", "moderation", "koordinationDortmund", "mitgliedDortmund"] as const) {
    test(`${who} gets 403 and sees no link`, async ({ page }) => {
      await login(page, who);
      const r = await page.goto("/verwaltung/mail");
      expect(r!.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keine Berechtigung");
      const data = await page.request.get("/verwaltung/mail.data");
      expect([403, 404]).toContain(data.status());
      expect(await data.text()).not.toContain("@");
      if (who !== "mitgliedDortmund") {
        await page.goto("/verwaltung");
        await expect(page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Mail-Ausgang" })).toHaveCount(0);
      }
      await logout(page);
    });
  }

  test("guests are sent to sign-in", async ({ page }) => {
    await page.goto("/verwaltung/mail");
    await expect(page).toHaveURL(/\/anmelden\?redirectTo=%2Fverwaltung%2Fmail/);
  });
});
