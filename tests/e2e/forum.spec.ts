import { expect, test, type Page } from "@playwright/test";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectAccessible, login, logout } from "./helpers";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";

// The e2e server writes mail as .eml into E2E_MAIL_DIR (the runner loads this file before it starts the server).
// Runner and worker both load this file, so the folder name must not depend on the process.
process.env.E2E_MAIL_DIR ??= join(tmpdir(), `sn-e2e-mail-${process.env.E2E_PORT ?? 3100}`);
const MAIL_DIR = process.env.E2E_MAIL_DIR;

const PORT = process.env.E2E_PORT ?? "3100";
const STARTED = Date.now();
/**
 * The .eml files this test server wrote: from E2E_MAIL_DIR when the server got it, else from the server's own
 * temporary folder (tests/setup/e2e-server.ts: <tmp>/sn-e2e-*&#47;mail) – recognised by links to this port.
 */
function mails(): { name: string; text: string }[] {
  const dirs = [MAIL_DIR, ...readdirSync(tmpdir()).filter((d) => d.startsWith("sn-e2e-")).map((d) => join(tmpdir(), d, "mail"))];
  const found: { name: string; text: string; mtime: number }[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".eml"))) {
      const mtime = statSync(join(dir, f)).mtimeMs;
      if (mtime < STARTED - 120_000) continue; // older runs
      const text = readFileSync(join(dir, f), "utf8").replace(/\r?\n[ \t]+/g, " "); // unfold folded header lines
      if (text.includes(`localhost:${PORT}/abbestellen/`)) found.push({ name: f, text, mtime });
    }
  }
  return found.sort((a, b) => b.mtime - a.mtime); // newest first
}
/** Decodes quoted-printable soft line breaks and =XX escapes enough to search the text. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const qp = (s: string) => Buffer.from(s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");

async function newTopic(page: Page, category: string, title: string, body: string) {
  await page.goto(`/forum/${category}/neu`);
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Ihre Frage").fill(body);
  await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().replace(/[?#].*$/, "");
}

async function reply(page: Page, body: string) {
  await page.getByLabel("Ihre Antwort").fill(body);
  await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
  await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihre Antwort ist veröffentlicht");
}

test.describe("Fachforum", () => {
  test("story: ask, answer, accept; Clearingstelle assigns, settles, FAQ; subscribers get notification and e-mail", async ({ page }) => {
    const stamp = Date.now().toString(36);
    const q1 = `Wie organisiert ihr Sprachmittlung in der Schuleingangsuntersuchung? ${stamp}`;
    const q2 = `Gilt die Schulpflicht schon vor der Anmeldung beim Einwohnermeldeamt? ${stamp}`;

    await login(page, "mitgliedDuisburg");
    await page.goto("/forum");
    await expectAccessible(page);
    await page.goto("/forum/kinder-bildung/neu");
    await expectAccessible(page);
    const url1 = await newTopic(page, "kinder-bildung", q1, "Bei uns fehlen oft Dolmetscher für Romanes. Wie macht ihr das?");
    const url2 = await newTopic(page, "kinder-bildung", q2, "Die Schulen verlangen die Meldebescheinigung. Ist das so richtig?");
    await logout(page);

    // A Dortmund member answers the first question and watches the second.
    await login(page, "mitgliedDortmund");
    await page.goto(url1);
    await reply(page, "Wir haben einen Pool mit Sprachmittlerinnen beim Gesundheitsamt, buchbar über ein Formular. Siehe /wissen/checkliste-schule-kita");
    await page.goto(url2);
    await page.waitForLoadState("networkidle"); // React resets <select> values changed before hydration
    await page.getByLabel("Einstellung").selectOption("watch");
    await page.getByRole("button", { name: "Einstellung speichern" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Benachrichtigungseinstellung");
    await logout(page);

    // The asker accepts the answer.
    await login(page, "mitgliedDuisburg");
    await page.goto("/benachrichtigungen");
    await expect(page.getByRole("link", { name: new RegExp(`Neue Antwort .* in „${escapeRe(q1)}“`) })).toBeVisible();
    await page.goto(url1);
    await page.getByRole("button", { name: "Als Lösung markieren (Beitrag 2)" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Beitrag 2 ist als Lösung markiert");
    await expect(page.locator("#beitrag-2")).toContainText("Lösung");
    await expectAccessible(page);
    await logout(page);

    // The Duisburg coordinator sends the second topic to the Clearingstelle.
    await login(page, "koordinationDuisburg");
    await page.goto(url2);
    await page.getByRole("button", { name: "An die Clearingstelle geben" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("an die Clearingstelle gegeben");
    await logout(page);

    // Redaktion: queue, assign, settle, FAQ.
    await login(page, "redaktion");
    await page.goto("/clearingstelle");
    await expect(page.getByRole("link", { name: q2 })).toBeVisible();
    await expect(page.locator("tr.overdue").first()).toContainText("überfällig"); // demo data has an overdue question
    await expectAccessible(page);
    await page.getByRole("link", { name: q2 }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(q2);
    await page.waitForLoadState("networkidle"); // React resets <select> values changed before hydration
    await page.getByLabel("Zuständig").selectOption({ label: "Rita Redaktion (Demo)" });
    await page.getByLabel("Fällig am").fill("2030-01-31");
    await page.getByRole("button", { name: "Zuweisen (in Klärung)" }).click();
    await expect(page.getByRole("heading", { name: "Clearingstelle: in Klärung" })).toBeVisible();
    await page.getByLabel("Ergebnis").selectOption("geklaert");
    await page.getByLabel("Antwort bzw. Begründung").fill("Ja. Die Schulpflicht knüpft an den gewöhnlichen Aufenthalt an; die Meldebescheinigung darf keine Voraussetzung sein.");
    await page.getByRole("button", { name: "Abschließen" }).click();
    await expect(page.getByRole("heading", { name: "Clearingstelle: geklärt" })).toBeVisible();
    await page.getByRole("button", { name: "Als FAQ veröffentlichen" }).click();
    await expect(page.getByText(/^FAQ-Entwurf:/)).toBeVisible(); // Redaktion sees the draft; others see nothing until it is published
    await page.getByText("Verlauf der Clearingstelle").click();
    await expect(page.locator("details", { hasText: "Verlauf der Clearingstelle" })).toContainText("in Klärung → geklärt");
    await logout(page);

    // The subscriber finds a notification (badge in the header) and an e-mail lies in the outbox folder.
    await login(page, "mitgliedDortmund");
    await expect(page.locator(".notification-badge:visible")).toHaveCount(1); // the header badge; the phone menu has its own
    await page.goto("/benachrichtigungen");
    const note = page.getByRole("link", { name: `Die Clearingstelle hat „${q2}“ geklärt` });
    await expect(note).toBeVisible();
    await expectAccessible(page);
    await note.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(q2);
    await expect(page.getByRole("heading", { name: "Antwort der Clearingstelle" })).toBeVisible();
    await expect
      .poll(() => mails().filter((m) => m.text.includes("mitglied.dortmund@demo") && qp(m.text).includes("geklärt") && qp(m.text).includes(stamp)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const mail = mails().find((m) => m.text.includes("mitglied.dortmund@demo") && qp(m.text).includes(stamp))!;
    expect(mail.text).toMatch(/List-Unsubscribe: <http:\/\/localhost:\d+\/abbestellen\/[^>]+>/);
    expect(mail.text).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  test("unsubscribe link works without sign-in, a tampered token gets 400, RFC 8058 one-click POST works", async ({ page, request }) => {
    await expect.poll(() => mails().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const m = mails().find((x) => /List-Unsubscribe: <[^>]+>/.test(x.text))!;
    const link = new URL(/List-Unsubscribe: <([^>]+)>/.exec(m.text)![1]);
    const [body, sig] = link.pathname.split("/").pop()!.split(".");
    const flip = (c: string) => (c === "A" ? "B" : "A");
    // another user id in the payload, a changed signature, a changed last character
    const forgedPayload = `/abbestellen/${Buffer.from("abbestellen:jemand-anderes").toString("base64url")}.${sig}`;
    expect((await request.get(forgedPayload)).status()).toBe(400);
    expect((await request.get(`/abbestellen/${body}.${flip(sig[0])}${sig.slice(1)}`)).status()).toBe(400);
    const tampered = link.pathname.replace(/.$/, flip);
    expect((await request.get(tampered)).status()).toBe(400);
    expect((await request.post(tampered, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);
    expect((await request.get("/abbestellen/kaputt")).status()).toBe(400);
    await page.goto(link.pathname);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-Mails abbestellen");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Keine E-Mails mehr senden" }).click();
    await expect(page.getByText("Erledigt: Sie bekommen keine E-Mails")).toBeVisible();
    // What a mail client sends for List-Unsubscribe-Post (no cookies, no Origin)
    const oneClick = await request.post(link.pathname, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(200);
  });

  test("a guest sees nothing of a members-only category: list, topic URL (404), search", async ({ page, browser, request }) => {
    // A member finds the members-only demo topic.
    const member = await browser.newContext();
    const mp = await member.newPage();
    await login(mp, "mitgliedDuisburg");
    await mp.goto("/forum/clearingstelle");
    await expectAccessible(mp);
    const link = mp.getByRole("link", { name: "Vorbereitung des nächsten Arbeitskreises der Städte" });
    await expect(link).toBeVisible();
    const topicPath = (await link.getAttribute("href"))!;
    await member.close();

    await page.goto("/forum");
    await expect(page.locator('main a[href^="/forum/clearingstelle"]')).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText("Vorbereitung des nächsten Arbeitskreises");
    expect((await page.goto("/forum/clearingstelle"))!.status()).toBe(404);
    expect((await page.goto(topicPath))!.status()).toBe(404);
    expect((await request.get(`${topicPath}.data`)).status()).toBe(404); // single-fetch data request
    const feed = await request.get("/forum/feed.xml");
    expect(feed.status()).toBe(200);
    const feedText = await feed.text();
    expect(feedText).toContain("Problemimmobilien: Wie arbeiten");
    expect(feedText).not.toContain("Arbeitskreises der Städte");
    expect(feedText).not.toContain("/forum/clearingstelle/");
    const search = await request.get(`/api/suche?q=${encodeURIComponent("Arbeitskreises")}&typ=forum`);
    expect(search.status()).toBe(200);
    const body = await search.json();
    expect(JSON.stringify(body.hits)).not.toContain("Arbeitskreises der Städte");
    // the public demo topics are found by guests
    const pub = await (await request.get(`/api/suche?q=${encodeURIComponent("Problemimmobilien")}&typ=forum`)).json();
    expect(pub.hits.map((h: { url: string }) => h.url).join(" "), JSON.stringify(pub)).toContain("/forum/wohnen/");
  });

  test("XSS corpus posted as forum posts stays inert", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await login(page, "koordinationDortmund");
    const chunks: string[][] = [];
    for (let i = 0; i < XSS_PAYLOADS.length; i += 13) chunks.push(XSS_PAYLOADS.slice(i, i + 13));
    // In the members-only category, so guest pages of other specs (start page, forum list) never show the corpus text.
    const url = await newTopic(page, "clearingstelle", `XSS-Test ${Date.now()} <img src=x onerror=alert(1)>`, chunks[0].join("\n\n"));
    for (const c of chunks.slice(1)) {
      await page.goto(url);
      await page.getByLabel("Ihre Antwort").fill(c.join("\n\n"));
      await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
      const warn = page.getByText("Trotzdem veröffentlichen");
      if (await warn.isVisible()) {
        await page.getByLabel(/Trotzdem veröffentlichen/).check();
        await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
      }
      await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihre Antwort ist veröffentlicht");
    }
    await page.goto(url);
    await expect(page.locator("article.forum-post")).toHaveCount(chunks.length);
    await page.locator("article.forum-post a").evaluateAll((as) => as.forEach((a) => (a as HTMLAnchorElement).focus()));
    await page.mouse.move(200, 400);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
    await expect(page.locator("main script, main iframe, main object, main embed, main svg script")).toHaveCount(0);
  });

  test("personal-data warning appears for case details and the author can still publish", async ({ page }) => {
    await login(page, "koordinationDuisburg"); // an account the earlier specs do not post with: their posts count towards the 6-a-minute limit
    await page.goto("/forum/gesundheit/neu");
    await page.getByLabel("Titel").fill(`Familie ohne Versicherung ${Date.now()}`);
    await page.getByLabel("Ihre Frage").fill("Frau Popescu wohnt in der Heinrichstraße 12, geb. 03.04.1985, und ist schwanger. Wer hilft?");
    await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "Angaben zu einer Person" });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("Name zusammen mit einer Anschrift");
    await expect(warning).toContainText("Geburtsdatum");
    await expect(warning).toContainText("Gesundheitsangabe");
    await expectAccessible(page);
    // the text was kept; the author anonymises and confirms
    await expect(page.getByLabel("Ihre Frage")).toHaveValue(/Heinrichstraße 12/);
    await page.getByLabel("Ihre Frage").fill("Eine Familie in unserem Stadtteil ist nicht versichert, die Mutter ist schwanger. Wer hilft?");
    await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihr Thema ist veröffentlicht"); // ordinary text: no warning
    // with confirmation a flagged text can still be published
    await reply(page, "Ein allgemeiner Hinweis ohne Personenbezug.");
    await page.getByLabel("Ihre Antwort").fill("Herr Ivan Petrov, Mallinckrodtstr. 210, 44147 Dortmund");
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect(page.getByText("Wir haben Hinweise auf persönliche Falldaten gefunden")).toBeVisible();
    await page.getByLabel(/Trotzdem veröffentlichen/).check();
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihre Antwort ist veröffentlicht");
  });

  test("flag → moderation hides the post; quote works without JavaScript; data export", async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, "mitgliedDortmund");
    await page.goto("/forum/wohnen");
    await page.getByRole("link", { name: "Problemimmobilien: Wie arbeiten Bauordnung, Ordnungsamt und Beratung zusammen?", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Problemimmobilien");
    await page.getByRole("link", { name: "Beitrag 3 zitieren" }).click();
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue(/^Kai Koordination Dortmund \(Demo\) schrieb in Beitrag 3:\n\n> /);
    await page.getByText("Melden (Beitrag 3)").click();
    await page.locator("#melden-3-grund").selectOption("falsch");
    await page.getByRole("button", { name: "Beitrag 3 melden" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Moderation prüft");
    const exp = await page.request.get("/konto/daten.json");
    expect(exp.status()).toBe(200);
    expect(exp.headers()["content-disposition"]).toContain("attachment");
    const data = await exp.json();
    expect(data.konto.email).toBe("mitglied.dortmund@demo.staedtenetz.invalid");
    expect(Array.isArray(data.beitraege)).toBe(true);
    await ctx.close();

    const modCtx = await browser.newContext();
    const mod = await modCtx.newPage();
    await login(mod, "moderation");
    await mod.goto("/verwaltung/moderation");
    await expectAccessible(mod);
    await mod.getByRole("button", { name: /Beitrag ausblenden/ }).first().click();
    await expect(mod.locator("#inhalt > [role=status]")).toContainText("ausgeblendet");
    await modCtx.close();
  });

  test("category list is accessible; a topic page holds at most 50 posts (the 2,000-post case is in tests/integration/forum.test.ts)", async ({ page }) => {
    await page.goto("/forum/wohnen");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Problemimmobilien: Wie arbeiten Bauordnung, Ordnungsamt und Beratung zusammen?", exact: true }).click();
    expect(await page.locator("article.forum-post").count()).toBeLessThanOrEqual(50);
  });

  test("account deletion keeps posts as 'ehemaliges Mitglied'", async ({ page, browser }) => {
    await login(page, "admin");
    await page.goto("/verwaltung/einladungen");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-Mail-Adresse").fill(`forum.loeschen.${Date.now()}@test.invalid`);
    await page.getByLabel("Rolle").selectOption("mitglied");
    await page.getByRole("button", { name: "Einladung erstellen" }).click();
    const link = await page.locator("code.break").first().innerText();
    const ctx = await browser.newContext();
    const g = await ctx.newPage();
    await g.goto(new URL(link).pathname);
    await g.getByLabel("Ihr Name").fill("Lea Löschtest");
    const pw = "ein langes passwort fuer den test";
    await g.getByLabel("Passwort", { exact: true }).fill(pw);
    await g.getByLabel("Passwort wiederholen").fill(pw);
    await g.getByRole("button", { name: "Konto anlegen" }).click();
    await expect(g.getByRole("link", { name: /Angemeldet als/ })).toContainText("Lea Löschtest");
    const url = await newTopic(g, "allgemeines", `Abschiedsfrage ${Date.now()}`, "Dieser Beitrag soll nach dem Löschen bleiben.");
    await g.goto("/konto");
    await expect(g.getByRole("link", { name: "Meine Daten herunterladen" })).toHaveAttribute("href", "/konto/daten.json");
    await expectAccessible(g);
    await g.getByRole("button", { name: "Konto löschen" }).click();
    await expect(g.locator("[data-error-summary]")).toContainText("bestätigen");
    await g.getByLabel("Ja, ich möchte mein Konto endgültig löschen.").check();
    await g.getByRole("button", { name: "Konto löschen" }).click();
    await expect(g.locator("#inhalt > [role=status]")).toContainText("Ihr Konto ist gelöscht");
    await expect(g.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await g.goto(url);
    await expect(g.locator("#beitrag-1")).toContainText("ehemaliges Mitglied");
    await expect(g.locator("#beitrag-1")).toContainText("Dieser Beitrag soll nach dem Löschen bleiben.");
    await expect(g.locator("main")).not.toContainText("Lea Löschtest");
    await ctx.close();
  });
});
