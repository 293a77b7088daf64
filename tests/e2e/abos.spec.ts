// Suchabos in the browser (issue 19, decision 020): follow /foerderung?fonds=esf without JavaScript, the same
// filter twice is one abo, /konto/suchabos passes axe, the secret feed link serves well-formed Atom with the
// matching programmes, and revoking it makes the link answer 404.
import { expect, test } from "@playwright/test";
import { expectAccessible, login, pageStatus } from "./helpers";

test.describe("Suchabos", () => {
  test("guest sees a sign-in hint instead of the form", async ({ page }) => {
    await page.goto("/foerderung?fonds=esf");
    const hint = page.getByRole("link", { name: "Diese Suche abonnieren (nach Anmeldung)" });
    await expect(hint).toHaveAttribute("href", "/anmelden?redirectTo=%2Ffoerderung%3Ffonds%3Desf");
    await expect(page.getByRole("button", { name: "Diese Suche abonnieren" })).toHaveCount(0);
  });

  test.describe("follow", () => {
    test("follow without JavaScript, follow again, list with axe, feed link as Atom, revoke", async ({ page, browser }) => {
      // Following works without JavaScript …
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      const nj = await noJs.newPage();
      await login(nj, "mitgliedDuisburg");
      await nj.goto("/foerderung?fonds=esf&unbekannt=1");
      await nj.getByRole("button", { name: "Diese Suche abonnieren" }).click();
      await expect(nj).toHaveURL(/\/foerderung\?fonds=esf$/);
      await expect(pageStatus(nj)).toContainText("Sie folgen jetzt dieser Suche");
      await nj.getByRole("button", { name: "Diese Suche abonnieren" }).click();
      await expect(pageStatus(nj)).toContainText("Sie folgen dieser Suche bereits");
      await noJs.close();

      // … the account page is checked with axe (which needs JavaScript in the page).
      await login(page, "mitgliedDuisburg");

      await page.goto("/konto/suchabos");
      await expect(page.getByRole("heading", { level: 1, name: "Meine Suchabos" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2 })).toHaveCount(1);
      await expect(page.getByRole("link", { name: "Förderung: Fonds: ESF" })).toHaveAttribute("href", "/foerderung?fonds=esf");
      await expectAccessible(page);

      await page.getByRole("button", { name: /^Feed-Link erzeugen/ }).click();
      const link = page.locator("a.feed-link");
      await expect(link).toBeVisible();
      await expectAccessible(page);
      const feedPath = new URL((await link.getAttribute("href"))!).pathname;
      expect(feedPath).toMatch(/^\/abos\/[A-Za-z0-9_-]{43}\/feed\.xml$/);

      const res = await page.request.get(feedPath);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/atom+xml");
      const xml = await res.text();
      // Well-formed Atom, parsed by the browser's XML parser (a page of the site, so no foreign request).
      const ctx = await browser.newContext();
      const p2 = await ctx.newPage();
      await p2.goto("/healthz");
      const parsed = await p2.evaluate((src) => {
        const doc = new DOMParser().parseFromString(src, "application/xml");
        if (doc.getElementsByTagName("parsererror").length) return null;
        const ns = "http://www.w3.org/2005/Atom";
        return {
          root: doc.documentElement.namespaceURI === ns && doc.documentElement.localName === "feed",
          entries: [...doc.getElementsByTagNameNS(ns, "entry")].map((e) => e.getElementsByTagNameNS(ns, "id")[0]?.textContent ?? ""),
        };
      }, xml);
      await ctx.close();
      expect(parsed).not.toBeNull();
      expect(parsed!.root).toBe(true);
      expect(parsed!.entries.some((id) => id.endsWith("/foerderung/esf-plus-nrw"))).toBe(true);
      expect(parsed!.entries.some((id) => id.endsWith("/foerderung/efre-nrw"))).toBe(false);

      await page.getByRole("button", { name: /^Feed-Link sperren/ }).click();
      await expect(pageStatus(page)).toContainText("Feed-Link ist gesperrt");
      expect((await page.request.get(feedPath)).status()).toBe(404);

      await page.getByRole("button", { name: /^Nicht mehr folgen/ }).click();
      await expect(pageStatus(page)).toContainText("nicht mehr");
      await expect(page.getByText("Sie folgen noch keiner Suche.")).toBeVisible();
    });
  });
});
