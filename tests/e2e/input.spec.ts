// Text hygiene and length limits as a person sees them: a spoofing display name is saved without its override,
// an over-long name is refused at the field with the typed text kept (with and without JavaScript, accessible),
// and the original name is restored afterwards.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

async function setName(page: Page, name: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Name speichern" }).click();
}

test.describe("Eingaben ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a display name with U+202E is saved and shown without it", async ({ page }) => {
    await login(page, "mitgliedDuisburg");
    await page.goto("/konto");
    const original = await page.getByLabel("Name", { exact: true }).inputValue();
    try {
      await setName(page, "N".repeat(101));
      await expect(page.getByText("Der Name ist zu lang (höchstens 100 Zeichen).").first()).toBeVisible();
      await expect(page.getByLabel("Name", { exact: true })).toHaveValue("N".repeat(101));

      await setName(page, "Mia\u202Egnp.exe\u202C");
      await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Miagnp.exe");
      const html = await (await page.request.get("/konto")).text();
      expect(html).toContain("Miagnp.exe");
      expect(html).not.toContain("\u202E");
    } finally {
      await page.goto("/konto");
      await setName(page, original);
      await expect(page.getByLabel("Name", { exact: true })).toHaveValue(original);
    }
  });
});

test("a too long name gets an accessible field error and keeps the typed text", async ({ page }) => {
  await login(page, "mitgliedDortmund");
  await page.goto("/konto");
  await setName(page, "N".repeat(101));
  const field = page.getByLabel("Name", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("N".repeat(101));
  await expect(page.getByRole("link", { name: /Name: Der Name ist zu lang \(höchstens 100 Zeichen\)/ })).toBeVisible();
  await expectAccessible(page);
});
