import { expect, test } from "@playwright/test";
import { ACCOUNTS, E2E_PASSWORD, expectAccessible, login, logout, trackForeignRequests } from "./helpers";

const PAGES = ["/", "/anmelden", "/passwort-vergessen", "/impressum", "/datenschutz", "/barrierefreiheit", "/staedte", "/staedte/duisburg", "/gibt-es-nicht"];

test.describe("Seitenrahmen", () => {
  for (const path of PAGES) {
    test(`${path}: German frame, security headers, axe, no foreign requests`, async ({ page, baseURL }) => {
      const foreign = trackForeignRequests(page, baseURL!);
      const response = await page.goto(path);
      expect(response!.status()).toBe(path === "/gibt-es-nicht" ? 404 : 200);
      const h = response!.headers();
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
      // a nonce, or on a guest's cacheable page the hashes of its inline scripts (decision 021)
      expect(h["content-security-policy"]).toMatch(/script-src 'self' '(?:nonce-|sha256-)/);
      expect(h["content-security-policy"]).not.toContain("unsafe-inline");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBeTruthy();
      expect(h["permissions-policy"]).toBeTruthy();
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page.locator("main h1")).toHaveCount(1);
      await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Wissen" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Rechtliches" }).getByRole("link", { name: "Impressum" })).toBeVisible();
      await expectAccessible(page);
      expect(foreign).toEqual([]);
      const html = await page.content();
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toContain("javascript:");
    });
  }

  test("404 page is German and shows no stack trace", async ({ page }) => {
    await page.goto("/wissen-gibt-es-nicht/xyz");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
    await expect(page).toHaveTitle("Seite nicht gefunden – Städtenetz Südosteuropa");
    await expect(page.locator("body")).not.toContainText(/\bat \S+ \(|Error:|\.tsx?:\d+/);
  });

  test("skip link jumps to the content; reflow at 320 px without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto("/datenschutz");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeFocused();
    await page.keyboard.press("Enter");
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollW).toBeLessThanOrEqual(320);
  });
});

test("after client-side navigation focus moves to the new page's heading", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle"); // hydrated
  await page.getByRole("navigation", { name: "Rechtliches" }).getByRole("link", { name: "Datenschutz" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datenschutzerklärung");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("a guest's cached page runs its inline scripts by hash: no CSP violation, the app hydrates", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/wissen");
  const response = await page.goto("/wissen");
  expect(response!.headers()["x-cache"]).toBe("hit");
  expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => typeof (window as { __remixContext?: unknown }).__remixContext)).toBe("object");
  await page.getByRole("navigation", { name: "Rechtliches" }).getByRole("link", { name: "Datenschutz" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datenschutzerklärung");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  expect(violations).toEqual([]);
});

test.describe("Anmeldung", () => {
  test("keyboard-only sign-in, then sign-out invalidates the old cookie", async ({ page, context }) => {
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").focus();
    await page.keyboard.type(ACCOUNTS.mitgliedDortmund);
    await page.keyboard.press("Tab");
    await page.keyboard.type(E2E_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: /Angemeldet als/ })).toContainText("Mia Mitglied");
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "sn_session")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    await logout(page);
    // Re-use the old session cookie: it must no longer work.
    await context.addCookies([session]);
    await page.goto("/konto");
    await expect(page).toHaveURL(/\/anmelden\?redirectTo=%2Fkonto/);
  });

  test("wrong password and unknown address get the same German message; errors are announced", async ({ page }) => {
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill(ACCOUNTS.redaktion);
    await page.getByLabel("Passwort", { exact: true }).fill("falsches passwort 123");
    await page.getByRole("button", { name: "Anmelden" }).click();
    const summary = page.locator("[data-error-summary]");
    await expect(summary).toContainText("E-Mail-Adresse oder Passwort ist falsch.");
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Fehler:/);
    const first = await summary.innerText();
    await page.getByLabel("E-Mail-Adresse").fill("niemand@example.org");
    await page.getByLabel("Passwort", { exact: true }).fill("falsches passwort 123");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(summary).toContainText("E-Mail-Adresse oder Passwort ist falsch.");
    expect(await summary.innerText()).toBe(first);
    await expectAccessible(page);
  });

  test("each role can sign in and sign out", async ({ page }) => {
    for (const who of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]) {
      await login(page, who);
      await logout(page);
    }
  });
});
