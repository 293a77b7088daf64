import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test.describe("Beiträge verfassen", () => {
  test("Themenseite als Admin: keine doppelten ids (Formularfelder je Formular eindeutig)", async ({ page }) => {
    await login(page, "admin");
    await page.goto("/forum/kinder-bildung");
    const href = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))
        .map((a) => a.getAttribute("href") ?? "")
        .find((h) => /^\/forum\/[^/]+\/\d+/.test(h)),
    );
    expect(href, "ein Thema in der Kategorie").toBeTruthy();
    await page.goto(href!);
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return Array.from(seen.entries()).filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
    // The moderation note textarea is labelled through its own scoped id.
    await expect(page.getByLabel("Notiz der Moderation (nur für Moderation sichtbar)")).toHaveAttribute("id", "feld-mod-note");
  });
});
