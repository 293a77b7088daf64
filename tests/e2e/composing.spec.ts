// Everyday composing (issue 16): @mention autocomplete by keyboard, mention links to the profile page, preview
// with and without JS, bookmarks, and "Meine Abos und Lesezeichen".
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, pageStatus } from "./helpers";

const KIM = { handle: "kim-koordination-duisburg-demo", name: "Kim Koordination Duisburg (Demo)" };

/** A fresh topic of the signed-in user in "Kinder und Bildung" (its URL). */
async function newTopic(page: Page, title: string) {
  await page.goto("/forum/kinder-bildung/neu");
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Ihre Frage").fill("Wie organisiert ihr die Sprachförderung vor der Einschulung?");
  await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
  await expect(page).toHaveURL(/\/forum\/kinder-bildung\/\d+$/);
  return new URL(page.url()).pathname;
}

test.describe("Verfassen im Alltag", () => {
  test("Tastatur: @ tippen, Mitglied mit Pfeil runter und Eingabe wählen, Antwort mit Erwähnungs-Link veröffentlichen", async ({ page }) => {
    const stamp = Date.now().toString(36);
    await login(page, "mitgliedDuisburg");
    const topicUrl = await newTopic(page, `Sprachförderung vor der Einschulung ${stamp}`);
    await page.goto(topicUrl);
    await page.waitForLoadState("networkidle"); // hydrated

    const box = page.getByLabel("Ihre Antwort");
    await box.focus();
    await page.keyboard.type("Frag doch @kim");
    const listbox = page.getByRole("listbox", { name: "Mitglieder zum Erwähnen" });
    await expect(listbox).toBeVisible();
    const option = listbox.getByRole("option", { name: new RegExp(KIM.name.replace(/[()]/g, "\\$&")) });
    await expect(option).toBeVisible();
    await expect(box).toHaveAttribute("aria-autocomplete", "list");
    await expect(box).toHaveAttribute("aria-controls", (await listbox.getAttribute("id"))!);
    await page.keyboard.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
    await expectAccessible(page); // the topic page with the suggestions open
    await page.keyboard.press("Enter");
    await expect(listbox).toBeHidden();
    await expect(box).toHaveValue(`Frag doch @${KIM.handle} `);
    await page.keyboard.type(`, sie kennt das Programm. ${stamp}`);

    // Escape closes a second popup without touching the text
    await page.keyboard.type(" @ma");
    await expect(listbox).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(listbox).toBeHidden();
    await expect(box).toHaveValue(new RegExp(`${stamp} @ma$`));
    for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");

    // on to the publish button with Tab only
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      if (await page.getByRole("button", { name: "Antwort veröffentlichen" }).evaluate((b) => b === document.activeElement)) break;
    }
    await expect(page.getByRole("button", { name: "Antwort veröffentlichen" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]beitrag=2#beitrag-2$/);
    const mention = page.locator("article#beitrag-2 a.mention");
    await expect(mention).toHaveText(`@${KIM.name}`);
    await expect(mention).toHaveAttribute("href", `/mitglieder/${KIM.handle}`);

    // the profile: name, city, role, the recent posts; no e-mail address
    await mention.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/mitglieder/${KIM.handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(KIM.name);
    await expect(page.locator("main")).toContainText("Duisburg");
    await expect(page.locator("main")).toContainText("Koordination");
    await expect(page.locator("main")).not.toContainText("@demo.staedtenetz.invalid");
    await expectAccessible(page);
  });

  test("Profil als Gast: nur öffentliche Beiträge; unbekanntes Mitglied ist 404", async ({ page, request }) => {
    await page.goto(`/mitglieder/${KIM.handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(KIM.name);
    await expect(page.locator("main")).not.toContainText("Clearingstelle –");
    await expectAccessible(page);
    expect((await request.get("/mitglieder/niemand-unbekannt")).status()).toBe(404);
  });

  test("Vorschau mit JS: folgt dem Text, gerendert vom Server", async ({ page }) => {
    await login(page, "mitgliedDortmund");
    const topicUrl = await newTopic(page, `Vorschau mit JS ${Date.now().toString(36)}`);
    await page.goto(topicUrl);
    await page.waitForLoadState("networkidle");
    const preview = page.getByRole("region", { name: "Vorschau" });
    await expect(preview).toHaveAttribute("aria-live", "polite");
    await page.getByLabel("Ihre Antwort").fill("Das ist **wichtig** und <script>alert(1)</script>");
    await expect(preview.locator("strong")).toHaveText("wichtig");
    await expect(preview).toContainText("<script>alert(1)</script>"); // shown as text by the server's sanitizer
    await expect(preview.locator("script")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("Vorschau ohne JS: der Knopf zeigt die Vorschau, der Text bleibt, nichts wird veröffentlicht", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, "koordinationDuisburg");
    const topicUrl = await newTopic(page, `Vorschau ohne JS ${Date.now().toString(36)}`);
    await page.goto(topicUrl);
    await expect(page.getByRole("region", { name: "Vorschau" })).toHaveCount(0);
    const text = "Eine Liste:\n\n- erstens\n- **zweitens**";
    await page.getByLabel("Ihre Antwort").fill(text);
    await page.getByRole("button", { name: "Vorschau", exact: true }).click();
    const preview = page.getByRole("region", { name: "Vorschau" });
    await expect(preview.locator("li")).toHaveCount(2);
    await expect(preview.locator("strong")).toHaveText("zweitens");
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue(text);
    await expect(page.locator("article.forum-post")).toHaveCount(1);
    // (axe needs JS in the page: the preview region is checked in the test with JS)
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect(page.locator("article.forum-post")).toHaveCount(2);
    await context.close();
  });

  test("Beitrag bearbeiten: Vorschau ohne JS ändert nichts, mit JS folgt sie dem Text", async ({ page, browser }) => {
    await login(page, "mitgliedDortmund");
    const topicUrl = await newTopic(page, `Bearbeiten mit Vorschau ${Date.now().toString(36)}`);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await login(plain, "mitgliedDortmund");
    await plain.goto(`${topicUrl}/bearbeiten/1`);
    const text = "Geändert:\n\n- erstens\n- **zweitens**";
    await plain.getByLabel("Beitrag", { exact: true }).fill(text);
    await plain.getByRole("button", { name: "Vorschau", exact: true }).click();
    const preview = plain.getByRole("region", { name: "Vorschau" });
    await expect(preview.locator("li")).toHaveCount(2);
    await expect(preview.locator("strong")).toHaveText("zweitens");
    await expect(plain.getByLabel("Beitrag", { exact: true })).toHaveValue(text);
    await plain.goto(topicUrl);
    await expect(plain.locator("article.forum-post").first()).not.toContainText("zweitens");
    await context.close();

    await page.goto(`${topicUrl}/bearbeiten/1`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Beitrag", { exact: true }).fill("Jetzt **fett** geändert");
    await expect(page.getByRole("region", { name: "Vorschau" }).locator("strong")).toHaveText("fett");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Änderung speichern" }).click();
    await expect(page.locator("article.forum-post").first().locator("strong")).toHaveText("fett");
  });

  test("Lesezeichen ohne JS und mit JS; Meine Abos und Lesezeichen ändert sie an Ort und Stelle", async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    await login(page, "redaktion");
    const title = `Lesezeichen-Thema ${stamp}`;
    const topicUrl = await newTopic(page, title);

    // without JS: a form POST, the page comes back at the post
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await login(plain, "redaktion");
    await plain.goto(topicUrl);
    await plain.getByRole("button", { name: "Lesezeichen setzen (Beitrag 1)" }).click();
    await expect(pageStatus(plain)).toContainText("Lesezeichen für Beitrag 1 gesetzt");
    await expect(plain.getByRole("button", { name: "Lesezeichen entfernen (Beitrag 1)" })).toBeVisible();
    await plain.getByRole("button", { name: "Lesezeichen entfernen (Beitrag 1)" }).click();
    await expect(plain.getByRole("button", { name: "Lesezeichen setzen (Beitrag 1)" })).toBeVisible();
    await context.close();

    // with JS: a toggle button with aria-pressed, no navigation
    await page.goto(topicUrl);
    await page.waitForLoadState("networkidle");
    const toggle = page.getByRole("button", { name: "Lesezeichen (Beitrag 1)" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(page.getByRole("button", { name: "Lesezeichen (Beitrag 1)" })).toHaveAttribute("aria-pressed", "true");

    // the overview, from the account page
    await page.goto("/konto");
    await page.getByRole("link", { name: "Meine Abos und Lesezeichen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Abos und Lesezeichen");
    const bookmarks = page.getByRole("region", { name: "Lesezeichen" });
    await expect(bookmarks.getByRole("link", { name: `${title} – Beitrag 1` })).toBeVisible();
    // the new topic is watched automatically; mute it here
    const topics = page.getByRole("region", { name: "Themen im Forum" });
    await topics.getByLabel(`Benachrichtigung für ${title}`).selectOption("mute");
    await topics.getByRole("button", { name: `Speichern (${title})` }).click();
    await expect(pageStatus(page)).toContainText("Stummschalten");
    await expect(page.getByRole("region", { name: "Themen im Forum" }).getByLabel(`Benachrichtigung für ${title}`)).toHaveValue("mute");
    await expectAccessible(page);
    await page.getByRole("region", { name: "Lesezeichen" }).getByRole("button", { name: `Lesezeichen entfernen (${title} – Beitrag 1)` }).click();
    await expect(pageStatus(page)).toContainText("Lesezeichen ist entfernt");
    await expect(page.getByRole("region", { name: "Lesezeichen" }).getByRole("link", { name: `${title} – Beitrag 1` })).toHaveCount(0);
    // the topic page agrees
    await page.goto(topicUrl);
    await expect(page.locator("#thema-level")).toHaveValue("mute");
  });

  test("Themenliste: „neu“ und „N neue Beiträge“ als Text", async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    await login(page, "moderation");
    const title = `Ungelesen-Thema ${stamp}`;
    const topicUrl = await newTopic(page, title);
    const context = await browser.newContext();
    const other = await context.newPage();
    await login(other, "koordinationDortmund");
    await other.goto("/forum/kinder-bildung");
    const item = other.locator("li.forum-topic-item").filter({ hasText: title });
    await expect(item.locator(".topic-status-line")).toContainText("neu");
    await other.goto(topicUrl); // read
    await page.goto(topicUrl);
    await page.waitForLoadState("networkidle");
    for (const text of ["Erste Antwort dazu.", "Zweite Antwort dazu."]) {
      await page.getByLabel("Ihre Antwort").fill(`${text} ${stamp}`);
      await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
      await expect(pageStatus(page)).toContainText("Ihre Antwort ist veröffentlicht");
      // the status line may still be the first reply's: wait for this reply itself
      await expect(page.locator("article").filter({ hasText: `${text} ${stamp}` })).toHaveCount(1);
    }
    await other.goto("/forum/kinder-bildung");
    await expect(item.locator(".topic-status-line")).toContainText("2 neue Beiträge");
    await expect(item.getByRole("link", { name: /2 neue Beiträge/ })).toHaveAttribute("href", /beitrag=2#beitrag-2$/);
    await expectAccessible(other);
    await context.close();
  });
});
