import { expect, test } from "@playwright/test";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACCOUNTS, E2E_PASSWORD, expectAccessible, login, pageStatus } from "./helpers";

// Same folder convention as forum.spec.ts: the runner and the server agree on E2E_MAIL_DIR.
process.env.E2E_MAIL_DIR ??= join(tmpdir(), `sn-e2e-mail-${process.env.E2E_PORT ?? 3100}`);
const PORT = process.env.E2E_PORT ?? "3100";

function resetLinkFor(email: string, after: number): string | null {
  const dirs = [process.env.E2E_MAIL_DIR!, ...readdirSync(tmpdir()).filter((d) => d.startsWith("sn-e2e-")).map((d) => join(tmpdir(), d, "mail"))];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".eml"))) {
      if (statSync(join(dir, f)).mtimeMs < after) continue;
      const text = readFileSync(join(dir, f), "utf8").replace(/=\r?\n/g, "");
      if (!text.includes(`To: ${email}`)) continue;
      const m = new RegExp(`http://localhost:${PORT}/passwort-vergessen/([A-Za-z0-9_-]+)`).exec(text);
      if (m) return new URL(m[0]).pathname;
    }
  }
  return null;
}

const TOPIC = "Schulanmeldung, wenn die Meldebescheinigung fehlt"; // Dortmund topic at the Clearingstelle, marked by Duisburg

async function openTopic(page: import("@playwright/test").Page) {
  await page.goto("/clearingstelle");
  await page.getByRole("link", { name: TOPIC }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TOPIC);
}

test.describe("betrifft uns auch", () => {
  test("a colleague of the marking city sees the mark but cannot undo it (360 px, axe)", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await login(page, "mitgliedDuisburg");
    await openTopic(page);
    await expect(page.getByText("Ihre Stadt hat markiert: Diese Frage betrifft sie auch.")).toBeVisible();
    await expect(page.getByRole("button", { name: /betrifft uns auch/i })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("the topic's own city is not offered the mark", async ({ page }) => {
    await login(page, "mitgliedDortmund");
    await openTopic(page);
    await expect(page.getByRole("button", { name: "Betrifft uns auch" })).toHaveCount(0);
  });

  test("the coordination of the marking city removes and sets it again, with the keyboard", async ({ page }) => {
    await login(page, "koordinationDuisburg");
    await openTopic(page);
    const remove = page.getByRole("button", { name: "Markierung „betrifft uns auch“ entfernen" });
    await remove.focus();
    await page.keyboard.press("Enter");
    await expect(pageStatus(page)).toContainText("entfernt");
    const mark = page.getByRole("button", { name: "Betrifft uns auch" });
    await mark.focus();
    await page.keyboard.press("Enter");
    await expect(pageStatus(page)).toContainText("Markiert");
    await expect(page.getByText(/Betrifft auch: .*Duisburg/)).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("sign-in throttling and reset link", () => {
  test("the 6th wrong password in a row answers 429 with Retry-After and a German message", async ({ page, request }) => {
    const email = "niemand-throttle@demo.staedtenetz.invalid";
    for (let i = 0; i < 5; i++) {
      const r = await request.post("/anmelden", { form: { email, password: "falsch falsch falsch" } });
      expect(r.status()).toBe(400);
    }
    const r = await request.post("/anmelden", { form: { email, password: "falsch falsch falsch" } });
    expect(r.status()).toBe(429);
    expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
    // The browser may connect from another loopback address (::1 / 127.0.0.1) than the request client, which is
    // another (account, address) pair: it gets its own five attempts, then the message.
    await page.goto("/anmelden");
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("E-Mail-Adresse").fill(email);
      await page.getByLabel("Passwort", { exact: true }).fill("falsch falsch falsch");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      if (await page.getByText(/Zu viele fehlgeschlagene Anmeldeversuche/).count()) break;
    }
    await expect(page.getByText(/Zu viele fehlgeschlagene Anmeldeversuche/).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("the e-mailed reset link signs the user in at once", async ({ page }) => {
    const started = Date.now() - 1000;
    await page.goto("/passwort-vergessen");
    await page.getByLabel("E-Mail-Adresse").fill(ACCOUNTS.moderation);
    await page.getByRole("button", { name: "Link anfordern" }).click();
    await expect(page.getByText(/Wenn zu dieser Adresse ein Konto besteht/)).toBeVisible();
    let link: string | null = null;
    await expect.poll(() => (link = resetLinkFor(ACCOUNTS.moderation, started)), { timeout: 10_000 }).not.toBeNull();
    await page.goto(link!);
    await page.getByLabel("Neues Passwort", { exact: true }).fill(E2E_PASSWORD); // the same one: other specs sign in with it
    await page.getByLabel("Passwort wiederholen").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Passwort speichern" }).click();
    await expect(page.getByRole("link", { name: /Angemeldet als/ })).toBeVisible();
    await expect(pageStatus(page)).toContainText("Sie sind angemeldet");
    // The link is used up.
    await page.goto(link!);
    await expect(page.getByText(/ungültig, abgelaufen oder wurde bereits verwendet/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Neuen Link anfordern" })).toBeVisible();
    await expectAccessible(page);
  });
});
