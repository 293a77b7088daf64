import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

test.describe("Beiträge verfassen", () => {
  test("Themenseite als Admin: keine doppelten ids (Formularfelder je Formular eindeutig)", async ({ page }) => {
    await login(page, "admin");
    await page.goto("/forum/kinder-bildung");
    const href = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))
        .map((a) => a.getAttribute("href") ?? "")
        .find((h) => /^\/forum\/[^/]+\/\d+/.test(h)),
    );
    expect(href, "ein Thema in der Kategorie").toBeTruthy();
    await page.goto(href!);
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return Array.from(seen.entries()).filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
    // The moderation note textarea is labelled through its own scoped id.
    await expect(page.getByLabel("Notiz der Moderation (nur für Moderation sichtbar)")).toHaveAttribute("id", "feld-mod-note");
  });

  test("Antwort mit JS: Doppelklick ergibt einen Beitrag, der neue Beitrag hat den Fokus, das Eingabefeld ist leer", async ({ page }) => {
    const stamp = Date.now().toString(36);
    await login(page, "mitgliedDortmund");
    await page.goto("/forum/kinder-bildung/neu");
    await page.getByLabel("Titel").fill(`Wie meldet ihr Kinder ohne Meldebescheinigung in der Kita an? ${stamp}`);
    await page.getByLabel("Ihre Frage").fill("Bei uns verlangt die Kita eine Meldebescheinigung. Gibt es Ausnahmen?");
    await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
    await expect(page).toHaveURL(/\/forum\/kinder-bildung\/\d+/);
    const topicUrl = new URL(page.url()).pathname;
    await page.goto(topicUrl);
    await page.waitForLoadState("networkidle"); // hydrated: the form is submitted by Remix (JS)
    await expect(page.locator("article.forum-post")).toHaveCount(1);

    const text = `Wir melden über das Jugendamt an, die Meldebescheinigung wird nachgereicht. ${stamp}`;
    await page.getByLabel("Ihre Antwort").fill(text);
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).dblclick();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihre Antwort ist veröffentlicht");
    await expect(page).toHaveURL(/[?&]beitrag=2#beitrag-2$/);

    // exactly one new post, even after a fresh load
    await expect(page.locator("article.forum-post")).toHaveCount(2);
    const newPost = page.locator("article#beitrag-2");
    await expect(newPost).toBeFocused();
    await expect(newPost).toBeInViewport();
    await expect(newPost).toContainText(stamp);
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue("");
    await expect(page.getByRole("button", { name: "Antwort veröffentlichen" })).toBeEnabled();
    await expectAccessible(page);

    await page.goto(topicUrl);
    await expect(page.locator("article.forum-post")).toHaveCount(2);
    await expect(page.locator("article.forum-post").filter({ hasText: stamp })).toHaveCount(1);
  });

  test("Absenden-Knopf ist während des Sendens gesperrt", async ({ page }) => {
    await login(page, "mitgliedDortmund");
    await page.goto("/forum/kinder-bildung");
    const href = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))
        .map((a) => a.getAttribute("href") ?? "")
        .find((h) => /^\/forum\/[^/]+\/\d+$/.test(h)),
    );
    await page.goto(href!);
    await page.waitForLoadState("networkidle");
    // hold the POST so the sending state is observable
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/forum/**", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await page.getByLabel("Ihre Antwort").fill(`Kurze Rückfrage dazu: gilt das auch für Horte? ${Date.now()}`);
    const button = page.getByRole("button", { name: "Antwort veröffentlichen" });
    await button.click();
    await expect(button).toBeDisabled();
    release();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihre Antwort ist veröffentlicht");
    await expect(button).toBeEnabled();
  });

  test("Entwurf: gespeichert, nach dem Neuladen wieder im Eingabefeld, nach dem Veröffentlichen gelöscht", async ({ page }) => {
    const stamp = Date.now().toString(36);
    await login(page, "mitgliedDuisburg");
    await page.goto("/forum/kinder-bildung");
    const href = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))
        .map((a) => a.getAttribute("href") ?? "")
        .find((h) => /^\/forum\/[^/]+\/\d+$/.test(h)),
    );
    await page.goto(href!);
    const text = `Entwurf: Wir fragen noch beim Schulamt nach. ${stamp}`;
    await page.getByLabel("Ihre Antwort").fill(text);
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihr Entwurf ist gespeichert");
    await page.reload();
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue(text);
    await page.goto(href!);
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue(text);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect(page.locator("#inhalt > [role=status]")).toContainText("Ihre Antwort ist veröffentlicht");
    await page.goto(href!);
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue("");
  });

  test("Entwurf mit JS: automatisch gespeichert und nach dem Neuladen wieder da", async ({ page }) => {
    await login(page, "koordinationDortmund");
    await page.goto("/forum/kinder-bildung");
    const href = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))
        .map((a) => a.getAttribute("href") ?? "")
        .find((h) => /^\/forum\/[^/]+\/\d+$/.test(h)),
    );
    await page.goto(href!);
    await page.waitForLoadState("networkidle");
    const text = `Automatisch gesicherter Entwurf ${Date.now()}`;
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/forum/entwurf") && r.status() === 200);
    await page.getByLabel("Ihre Antwort").pressSequentially(text.slice(0, 12));
    await page.getByLabel("Ihre Antwort").fill(text);
    await saved;
    await expect(page.getByText("Entwurf automatisch gespeichert.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue(text);
  });
});
