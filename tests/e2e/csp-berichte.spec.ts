import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

test("an admin finds CSP reports in the Verwaltung navigation; the page is accessible on a phone", async ({ page }) => {
  // A report as a browser would send it (report-uri form).
  const r = await page.request.post("/csp-bericht", {
    headers: { "Content-Type": "application/csp-report" },
    data: JSON.stringify({ "csp-report": { "document-uri": "http://localhost/wissen?q=x", "effective-directive": "img-src", "blocked-uri": "https://bilder.example/a.png" } }),
  });
  expect(r.status()).toBe(204);
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "admin");
  await page.goto("/verwaltung");
  await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "CSP-Berichte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CSP-Berichte");
  await expect(page.locator("tbody")).toContainText("img-src");
  await expect(page.locator("tbody")).toContainText("https://bilder.example");
  await expect(page.locator("tbody")).not.toContainText("a.png");
  await expectAccessible(page);
});
