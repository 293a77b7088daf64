import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { ACCOUNTS, E2E_PASSWORD, type AccountKey } from "./accounts";

export { ACCOUNTS, E2E_PASSWORD };

/** Signs in through the real form. */
export async function login(page: Page, who: AccountKey, password = E2E_PASSWORD) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(ACCOUNTS[who]);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/anmelden"));
  await openPhoneMenu(page);
  await expect(page.getByRole("link", { name: /Angemeldet als/ })).toBeVisible();
}

/** Below 40rem the account links sit in the "Menü" button (decision 018); opens it when it is shown. */
export async function openPhoneMenu(page: Page) {
  const menu = page.locator("details.phone-menu");
  if ((await menu.isVisible()) && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
}

export async function logout(page: Page) {
  await openPhoneMenu(page);
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
}

/** axe with the WCAG 2.1 A/AA rules; fails with a readable list of violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects requests to any origin other than the site itself. */
export function trackForeignRequests(page: Page, baseURL: string) {
  const foreign: string[] = [];
  const own = new URL(baseURL).origin;
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith("http") && u.origin !== own) foreign.push(r.url());
  });
  return foreign;
}

/** The page's own status region (flash messages such as "gespeichert"), not the search box's live region. */
export function pageStatus(page: Page) {
  return page.locator("main > [role=status]");
}

/** axe (WCAG 2.1 A/AA) findings as readable lines, for checks that collect problems across many pages. */
export async function accessibilityProblems(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Ids used more than once on the page (axe 4.7+ no longer reports plain duplicate ids). */
export async function duplicateIds(page: Page) {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen.entries()].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

/** Visible tables in main (and their wrappers) wider than the element that holds them. */
export async function overflowingTables(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("main table"))
      .filter((t) => (t as HTMLElement).offsetParent !== null)
      .filter((t) => {
        const holder = t.closest(".table-wrap")?.parentElement ?? t.parentElement!;
        return t.getBoundingClientRect().width > holder.getBoundingClientRect().width + 1;
      })
      .map((t) => t.querySelector("caption")?.textContent ?? t.outerHTML.slice(0, 80)),
  );
}
