import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login } from "./helpers";
import type { AccountKey } from "./accounts";

const ROLES: (AccountKey | null)[] = [null, "mitgliedDortmund", "koordinationDortmund", "redaktion", "admin"];
const PHONE = { width: 360, height: 740 };

async function duplicateIds(page: Page) {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen.entries()].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

/** Tables (and their wrappers) wider than the element that holds them. */
async function overflowingTables(page: Page) {
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

test.describe("Telefon-Layout", () => {
  for (const who of ROLES) {
    test(`header ≤ 120 px at 360 px, menu holds navigation and account (${who ?? "Gast"})`, async ({ page }) => {
      if (who) await login(page, who);
      await page.setViewportSize(PHONE);
      const res = await page.goto("/wissen");
      expect(res?.status()).toBe(200);
      const box = await page.locator(".site-header").boundingBox();
      expect(box!.height).toBeLessThanOrEqual(120);
      await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeHidden();
      const menu = page.locator("summary", { hasText: "Menü" });
      await menu.click();
      const nav = page.getByRole("navigation", { name: "Menü" });
      await expect(nav.getByRole("link", { name: "Forum" })).toBeVisible();
      if (who) {
        await expect(page.getByRole("link", { name: /Angemeldet als/ })).toBeVisible();
        await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
        if (who !== "mitgliedDortmund") await expect(nav.getByRole("link", { name: "Verwaltung" })).toBeVisible();
      } else {
        await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
      }
      await expect(page.getByRole("search", { name: "Website durchsuchen (Menü)" })).toBeVisible();
      await expectAccessible(page);
      await nav.getByRole("link", { name: "Forum" }).click();
      await expect(page).toHaveURL(/\/forum$/);
      await expect(page.getByRole("navigation", { name: "Menü" })).toBeHidden(); // closes after navigating
    });
  }

  test("the menu works without JavaScript", async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await ctx.newPage();
    await page.goto("/");
    await page.locator("summary", { hasText: "Menü" }).click();
    await page.getByRole("navigation", { name: "Menü" }).getByRole("link", { name: "Projekte" }).click();
    await expect(page).toHaveURL(/\/projekte$/);
    await page.locator("summary", { hasText: "Menü" }).click();
    await page.getByRole("search", { name: "Website durchsuchen (Menü)" }).getByRole("searchbox").fill("Kita");
    await page.getByRole("search", { name: "Website durchsuchen (Menü)" }).getByRole("button", { name: "Suchen" }).click();
    await expect(page).toHaveURL(/\/suche\?q=Kita/);
    await ctx.close();
  });
});

test.describe("Fokus nach Navigation", () => {
  test("focus lands on the new page's h1 in 10 of 10 client-side navigations (incl. the header sign-in link)", async ({ page }) => {
    await page.goto("/");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    let onH1 = 0;
    const misses: string[] = [];
    for (let run = 0; run < 10; run++) {
      const link = run % 2 === 0 ? page.locator(".site-header .account").getByRole("link", { name: "Anmelden" }) : page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: ["Wissen", "Förderung", "Forum", "Projekte", "Städte"][run % 5] });
      const href = (await link.getAttribute("href"))!;
      await link.click();
      // the navigation itself may take a moment on a loaded machine; what counts is where focus is once it is done
      await expect(page).toHaveURL((u) => u.pathname === new URL(href, u).pathname);
      await expect(page.locator("main h1")).toBeVisible();
      const focusTag = () =>
        page.evaluate(() => {
          const a = document.activeElement;
          return a && a.tagName === "H1" && a.closest("main") ? "h1" : (a?.tagName ?? "none");
        });
      let tag = await focusTag();
      for (let i = 0; i < 20 && tag !== "h1"; i++) {
        await page.waitForTimeout(50);
        tag = await focusTag();
      }
      if (tag === "h1") onH1++;
      else misses.push(`${run} ${page.url()}: ${tag}`);
    }
    expect(misses).toEqual([]);
    expect(onH1).toBe(10);
  });
});

test.describe("Projektübersicht", () => {
  test("table regions are focusable and labelled, the tables fit at 1280 px", async ({ page }) => {
    await login(page, "koordinationDortmund");
    await page.goto("/verwaltung/uebersicht");
    const region = page.getByRole("region", { name: "Tabelle: Projekte nach Stadt" });
    await expect(region).toHaveAttribute("tabindex", "0");
    await region.focus();
    await expect(region).toBeFocused();
    const fit = await page.evaluate(() => Array.from(document.querySelectorAll(".table-wrap")).every((w) => w.scrollWidth <= w.clientWidth + 1));
    expect(fit).toBe(true);
    expect(await overflowingTables(page)).toEqual([]);
    await expectAccessible(page);
  });
});

const CRAWL: Record<string, string[]> = {
  guest: ["/", "/wissen", "/foerderung", "/projekte", "/projekte?ansicht=tabelle", "/forum", "/forderungen", "/staedte", "/staedte/dortmund", "/staedte/vergleich", "/ankommen", "/suche?q=Kita", "/anmelden", "/impressum"],
  mitgliedDortmund: ["/", "/konto", "/benachrichtigungen", "/forum", "/projekte"],
  koordinationDortmund: ["/verwaltung", "/verwaltung/uebersicht"],
  redaktion: ["/verwaltung", "/verwaltung/pruefung"],
  admin: ["/verwaltung", "/verwaltung/protokoll"],
};

test.describe("Seiten-Crawl je Rolle bei 360 px", () => {
  for (const [who, paths] of Object.entries(CRAWL)) {
    test(`${who}: axe, no duplicate ids, no table overflow, screenshots`, async ({ page }) => {
      test.setTimeout(180_000);
      if (who !== "guest") await login(page, who as AccountKey);
      await page.setViewportSize(PHONE);
      const problems: string[] = [];
      for (const path of paths) {
        const res = await page.goto(path);
        if (!res || res.status() >= 400) {
          problems.push(`${path}: status ${res?.status()}`);
          continue;
        }
        await page.screenshot({ path: `/tmp/shots/${who}${path.replace(/[/?=&]/g, "_")}.png`, fullPage: true });
        const dups = await duplicateIds(page);
        if (dups.length) problems.push(`${path}: doppelte ids ${dups.join(", ")}`);
        const wide = await overflowingTables(page);
        if (wide.length) problems.push(`${path}: Tabelle zu breit ${wide.join(" | ")}`);
        const header = await page.locator(".site-header").boundingBox();
        if (header!.height > 120) problems.push(`${path}: Kopf ${header!.height}px`);
        await expectAccessible(page);
      }
      expect(problems).toEqual([]);
    });
  }
});
