import { expect, test } from "@playwright/test";
import { expectAccessible, login, overflowingTables } from "./helpers";
import type { AccountKey } from "./accounts";

const ROLES: (AccountKey | null)[] = [null, "mitgliedDortmund", "koordinationDortmund", "redaktion", "admin"];
const PHONE = { width: 360, height: 740 };

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

const LISTS = [
  { path: "/wissen", first: ".article-list > li" },
  { path: "/foerderung", first: ".programme-list > li" },
  { path: "/projekte", first: "ul.cards > li" },
];

test.describe("Listen am Telefon: Ergebnisse zuerst", () => {
  for (const who of [null, "mitgliedDortmund", "koordinationDortmund", "redaktion", "admin"] as (AccountKey | null)[]) {
    test(`first result within 600 px at 360×740, filters behind a toggle (${who ?? "Gast"})`, async ({ page }) => {
      if (who) await login(page, who);
      await page.setViewportSize(PHONE);
      for (const { path, first } of LISTS) {
        await page.goto(path);
        const box = await page.locator(first).first().boundingBox();
        expect(box, path).not.toBeNull();
        expect(box!.y, `${path}: first result at y=${box!.y}`).toBeLessThanOrEqual(600);
        const toggle = page.locator("details.filter-toggle > summary");
        await expect(toggle).toBeVisible();
        await expect(toggle).toHaveText(/^Filter/);
        await expect(page.locator("details.filter-toggle .facets")).toBeHidden();
      }
    });
  }

  test("the toggle shows the active filter count, opens by keyboard, and works without JavaScript", async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await ctx.newPage();
    await page.goto("/wissen?feld=gesundheit");
    const toggle = page.locator("details.filter-toggle > summary");
    await expect(toggle).toHaveText("Filter (1 aktiv)");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("navigation", { name: "Filter" })).toBeVisible();
    await page.goto("/foerderung");
    await page.locator("details.filter-toggle > summary").click();
    await page.getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page.locator("details.filter-toggle > summary")).toHaveText("Filter (1 aktiv)");
    await ctx.close();
  });

  test("on wide screens the filters stay visible without a toggle, with and without JavaScript", async ({ browser }) => {
    for (const js of [true, false]) {
      const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      for (const path of ["/wissen", "/foerderung", "/projekte"]) {
        await page.goto(path);
        await expect(page.locator("details.filter-toggle > summary"), path).toBeHidden();
        await expect(page.locator("details.filter-toggle .facets"), path).toBeVisible();
      }
      await page.goto("/projekte");
      await expect(page.getByLabel("Stadt", { exact: true })).toBeVisible();
      await ctx.close();
    }
  });
});

const RAW_ACTION = /\b[a-z]+\.[a-z_]+/;

test.describe("Protokoll und Moderation ohne Rohschlüssel", () => {
  test("a report shows its reason in German; the audit log shows German actions, links and readable changes", async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await login(page, "mitgliedDortmund");
    await page.goto("/forum/wohnen");
    await page.getByRole("link", { name: "Problemimmobilien: Wie arbeiten Bauordnung, Ordnungsamt und Beratung zusammen?", exact: true }).click();
    await page.getByText("Melden (Beitrag 2)").click();
    await page.getByRole("button", { name: "Beitrag 2 melden" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Moderation prüft");
    await ctx.close();

    for (const who of ["admin", "moderation"] as AccountKey[]) {
      const c = await browser.newContext();
      const p = await c.newPage();
      await login(p, who);
      await p.goto("/verwaltung/moderation");
      const queue = p.locator(".moderation-queue");
      await expect(queue).toContainText("Enthält personenbezogene Daten");
      const text = await queue.innerText();
      expect(text).not.toContain("personenbezogene-daten");
      expect(text).not.toContain('{"');
      await expectAccessible(p);
      if (who === "moderation") {
        await queue.locator("li", { hasText: "Beitrag 2" }).getByRole("button", { name: /Beitrag ausblenden/ }).first().click();
        await expect(p.locator("#inhalt > [role=status]")).toContainText("ausgeblendet");
        await p.getByRole("button", { name: /Wieder einblenden/ }).first().click();
      }
      await c.close();
    }

    const c = await browser.newContext();
    const p = await c.newPage();
    await login(p, "admin");
    await p.goto("/verwaltung/protokoll");
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Protokoll");
    const rows = p.locator("table.stack-cards tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const cell of await p.locator('td[data-label="Aktion"], td[data-label="Änderungen"], td[data-label="Datensatz"]').allInnerTexts()) {
      expect(cell).not.toMatch(RAW_ACTION);
      expect(cell).not.toContain('{"');
      expect(cell).not.toMatch(/[{}]/);
    }
    await expect(p.locator('td[data-label="Aktion"]', { hasText: "Forum: Beitrag gemeldet" }).first()).toBeVisible();
    await expect(p.locator('td[data-label="Datensatz"] a', { hasText: "Beitrag 2 in „Problemimmobilien" }).first()).toHaveAttribute("href", /\/forum\/wohnen\/\d+#beitrag-2$/);
    await expectAccessible(p);

    // filters: by object type and person, GET form, labelled
    await p.getByLabel("Art des Datensatzes").selectOption({ label: "Forumsbeitrag" });
    const moderator = await p.locator("#protokoll-person option", { hasText: /Moderation/ }).first().getAttribute("value");
    await p.getByLabel("Person").selectOption(moderator!);
    await p.getByRole("button", { name: "Filtern" }).click();
    await expect(p).toHaveURL(/typ=forum_post/);
    await expect(p).toHaveURL(/person=/); // the filtered page has arrived (the old one has such rows too)
    await expect(p.locator("#protokoll-person")).toHaveValue(moderator!);
    await expect(p.locator('td[data-label="Aktion"]', { hasText: "Forum: Beitrag ausgeblendet" }).first()).toBeVisible();
    for (const person of await p.locator('td[data-label="Person"]').allInnerTexts()) expect(person).toMatch(/Moderation/);
    const types = await p.locator('td[data-label="Datensatz"]').allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    for (const t of types) expect(t).toMatch(/^Forumsbeitrag: /);
    await p.getByLabel("Von (Datum)").fill("2000-01-01");
    await p.getByLabel("Bis (Datum)").fill("2000-01-02");
    await p.getByRole("button", { name: "Filtern" }).click();
    await expect(p.getByText("Keine Einträge für diese Filter.")).toBeVisible();
    await p.setViewportSize(PHONE);
    await p.getByRole("link", { name: "Filter zurücksetzen" }).click();
    expect(await overflowingTables(p)).toEqual([]);
    await expectAccessible(p);
    await c.close();
  });
});

test.describe("Brotkrumen", () => {
  test("one pattern: nav[aria-label=Brotkrumen] > ol, last item is the current page", async ({ page }) => {
    const pages: string[] = [];
    await page.goto("/wissen");
    pages.push((await page.locator(".article-list > li h3 a").first().getAttribute("href"))!);
    await page.goto("/foerderung");
    pages.push((await page.locator(".programme-list > li a").first().getAttribute("href"))!);
    await page.goto("/projekte");
    pages.push((await page.locator("ul.cards > li h2 a").first().getAttribute("href"))!);
    await page.goto("/forum/wohnen");
    pages.push((await page.getByRole("link", { name: "Problemimmobilien: Wie arbeiten Bauordnung, Ordnungsamt und Beratung zusammen?", exact: true }).getAttribute("href"))!);
    pages.push("/forum/wohnen", "/staedte/dortmund");
    for (const path of pages) {
      await page.goto(path);
      const nav = page.locator('nav[aria-label="Brotkrumen"]');
      await expect(nav, path).toHaveCount(1);
      await expect(nav.locator("> ol > li").first().locator("a"), path).toHaveCount(1);
      const last = nav.locator("> ol > li").last();
      await expect(last, path).toHaveAttribute("aria-current", "page");
      await expect(last.locator("a"), path).toHaveCount(0);
      expect(await page.locator("main p.breadcrumb").count(), path).toBe(0);
      await expectAccessible(page);
    }
  });
});

test.describe("Startseite", () => {
  test("an even card grid at 360, 768 and 1280 px and an h1 that is not the site name (guest)", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("main h1")).not.toHaveText(/^Städtenetz Südosteuropa$/);
    for (const width of [360, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const xs = await page.locator("main ul.cards-even > li").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      const columns = new Set(xs).size;
      expect(xs.length % columns, `${width} px: ${xs.length} cards in ${columns} columns`).toBe(0);
    }
    await expectAccessible(page);
  });

  test("signed in: notifications, due items and the latest in one's fields come first", async ({ page }) => {
    await login(page, "redaktion");
    await page.goto("/");
    await expect(page.locator("main h1")).toHaveText("Mein Überblick");
    await expect(page.getByRole("region", { name: "Benachrichtigungen" })).toContainText(/ungelesene Benachrichtigung|Keine ungelesenen/);
    await expect(page.getByRole("region", { name: "Fällig" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Neu in Ihren Handlungsfeldern" }).getByRole("link").first()).toBeVisible();
    await expectAccessible(page);
  });
});
