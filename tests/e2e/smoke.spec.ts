// Every main page hydrates without errors (a server/client mismatch re-renders the page and can wipe what a user typed).
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const GUEST_PAGES = ["/", "/wissen", "/wissen/wohnen-task-force-problemimmobilien", "/foerderung", "/foerderung/finder", "/forum", "/projekte", "/staedte", "/staedte/dortmund", "/suche?q=Schule"];
const ADMIN_PAGES = ["/verwaltung", "/verwaltung/einladungen", "/verwaltung/benutzer", "/verwaltung/staedte", "/verwaltung/pruefung", "/konto", "/clearingstelle", "/benachrichtigungen", "/projekte/neu", "/wissen/neu"];

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

async function visitAll(page: Page, paths: string[], errors: string[]) {
  for (const path of paths) {
    const r = await page.goto(path);
    expect(r!.status(), path).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    expect(errors, `${path}`).toEqual([]);
  }
}

test("guest pages hydrate without errors", async ({ page }) => {
  const errors = collectErrors(page);
  await visitAll(page, GUEST_PAGES, errors);
});

test("admin pages hydrate without errors", async ({ page }) => {
  const errors = collectErrors(page);
  await login(page, "admin");
  await visitAll(page, ADMIN_PAGES, errors);
});

// WCAG 1.4.10 Reflow: at 320 CSS px no page scrolls horizontally (wide tables scroll inside their own container).
test("all main pages reflow at 320 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await login(page, "admin");
  for (const path of [...GUEST_PAGES, ...ADMIN_PAGES, "/projekte?ansicht=tabelle", "/verwaltung/uebersicht", "/verwaltung/moderation", "/staedte/vergleich?stadt=dortmund&stadt=duisburg"]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
  }
});

// Client-side navigation renders each page in the browser from loader data alone: a value imported from a
// .server module is undefined there and crashes the page into the error boundary (seen on /wissen).
test("client-side navigation through the main menu renders every page without errors", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  const names = (await nav.getByRole("link").allTextContents()).map((t) => t.trim()).filter(Boolean);
  expect(names.length).toBeGreaterThan(4);
  for (const name of names) {
    await nav.getByRole("link", { name, exact: true }).click();
    await page.waitForLoadState("networkidle");
    await expect(page.locator("main h1")).toBeVisible();
    expect(errors, name).toEqual([]);
  }
});
