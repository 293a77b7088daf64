// Attachments in the forum (issue 14, done-when 1, 2, 6): a member attaches a PDF with and without JavaScript; it
// is listed with type and size; guests get it in a public category and 404 in a members-only one; a disguised
// .exe is refused with the reason at the file field; the topic page and the delete confirmation pass axe. The
// Redaktion attaches a file in the article editor, replaces it and restores the earlier version (pages pass axe).
import { expect, test, type Page } from "@playwright/test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minimalPdf } from "../../app/services/files/pdf";
import { expectAccessible, login, pageStatus } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "sn-e2e-dateien-"));
function file(name: string, bytes: Buffer) {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}
function fakeExe() {
  const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(0x40), Buffer.alloc(512)]);
  exe.writeUInt32LE(0x50, 0x3c);
  Buffer.from("PE\0\0", "latin1").copy(exe, 0x50);
  return exe;
}

async function newTopic(page: Page, kategorie: string, title: string, attach?: string) {
  await page.goto(`/forum/${kategorie}/neu`);
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Ihre Frage").fill("Wir suchen ein verständliches Merkblatt für neu zugezogene Familien.");
  if (attach) await page.getByLabel("Dateien anhängen (optional)").setInputFiles(attach);
  await page.getByRole("button", { name: "Thema veröffentlichen" }).click();
  await expect(page).toHaveURL(new RegExp(`/forum/${kategorie}/\\d+`));
  return new URL(page.url()).pathname;
}

const fileLink = (page: Page, name: string) => page.getByRole("link", { name: new RegExp(`^${name.replace(".", "\\.")} \\(PDF, [\\d,]+ (KB|MB)\\)$`) });

test.describe("Dateianhänge im Forum", () => {
  test("mit JavaScript: PDF an eine Antwort hängen, Liste mit Typ und Größe, Gast lädt sie in öffentlicher Kategorie; Löschen mit Bestätigung", async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    await login(page, "mitgliedDortmund");
    const topic = await newTopic(page, "gesundheit", `Merkblatt Krankenversicherung für EU-Bürger ${stamp}`);
    await page.goto(topic);
    await page.waitForLoadState("networkidle"); // hydrated: Remix submits the form
    await page.getByLabel("Ihre Antwort").fill(`Unser Merkblatt hängt an. ${stamp}`);
    await page.getByLabel("Dateien anhängen (optional)").setInputFiles(file("Merkblatt-js.pdf", minimalPdf(["Merkblatt mit JavaScript", stamp])));
    await expect(page.getByText("Ausgewählt (1):")).toBeVisible();
    // drag and drop onto the composer adds to the same input
    const pdfBytes = [...minimalPdf(["Gezogen", stamp])];
    const dt = await page.evaluateHandle((bytes) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array(bytes)], "Gezogen.pdf", { type: "application/pdf" }));
      return d;
    }, pdfBytes);
    await page.dispatchEvent("form.forum-composer", "dragover", { dataTransfer: dt });
    await page.dispatchEvent("form.forum-composer", "drop", { dataTransfer: dt });
    await expect(page.getByText("Ausgewählt (2):")).toBeVisible();
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect(page).toHaveURL(/\?beitrag=2/);
    const link = fileLink(page, "Merkblatt-js.pdf");
    await expect(link).toBeVisible();
    await expect(fileLink(page, "Gezogen.pdf")).toBeVisible();
    await expect(page.locator("#beitrag-2 .attachment-date").first()).toContainText("hochgeladen am");
    await expectAccessible(page);
    const href = (await link.getAttribute("href"))!;

    const guest = await browser.newContext();
    const res = await guest.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toContain("Merkblatt-js.pdf");
    await guest.close();

    // delete: confirmation page (axe), then the file is gone
    await page.getByRole("link", { name: "Merkblatt-js.pdf löschen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datei „Merkblatt-js.pdf“ löschen?");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Datei endgültig löschen" }).click();
    await expect(pageStatus(page)).toContainText("ist gelöscht");
    await expect(fileLink(page, "Merkblatt-js.pdf")).toHaveCount(0);
    expect((await page.request.get(href)).status()).toBe(404);
  });

  test("ohne JavaScript: PDF an neues Thema in Mitglieder-Kategorie; Gast bekommt 404, Mitglied lädt sie", async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, "mitgliedDuisburg");
    const topic = await newTopic(page, "clearingstelle", `Interne Liste Ansprechpartner Jobcenter ${stamp}`, file("Liste-ohne-js.pdf", Buffer.concat([minimalPdf(["Interne Liste", stamp]), Buffer.alloc(3 * 1024 * 1024, 0x20)])));
    await page.goto(topic);
    // 3 MB: more than the 1 MB body limit of ordinary forms, so this went through the upload pass-through
    const link = fileLink(page, "Liste-ohne-js.pdf");
    await expect(link).toHaveText(/\(PDF, 3 MB\)/);
    const href = (await link.getAttribute("href"))!;
    expect((await page.request.get(href)).status()).toBe(200);

    // a reply without JS, too
    await page.getByLabel("Ihre Antwort").fill(`Ergänzung als PDF. ${stamp}`);
    await page.getByLabel("Dateien anhängen (optional)").setInputFiles(file("Ergaenzung-ohne-js.pdf", minimalPdf(["Ergaenzung", stamp])));
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    await expect(page).toHaveURL(/\?beitrag=2/);
    await expect(fileLink(page, "Ergaenzung-ohne-js.pdf")).toBeVisible();

    const guest = await browser.newContext();
    expect((await guest.request.get(href)).status()).toBe(404);
    await guest.close();
    await ctx.close();
  });

  test("eine als .pdf umbenannte .exe wird mit Grund am Dateifeld abgelehnt, der Text bleibt erhalten", async ({ page }) => {
    const stamp = Date.now().toString(36);
    await login(page, "mitgliedDuisburg");
    const topic = await newTopic(page, "gesundheit", `Vorlage Anschreiben Krankenkasse ${stamp}`);
    await page.goto(topic);
    await page.waitForLoadState("networkidle");
    const text = `Hier die Vorlage. ${stamp}`;
    await page.getByLabel("Ihre Antwort").fill(text);
    await page.getByLabel("Dateien anhängen (optional)").setInputFiles(file("vorlage.pdf", fakeExe()));
    await page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
    const summary = page.locator("[data-error-summary]");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("„vorlage.pdf“ wurde nicht gespeichert: der Dateityp EXE ist nicht erlaubt");
    await expect(page.locator("#feld-dateien-fehler")).toContainText("der Dateityp EXE ist nicht erlaubt");
    await expect(page.getByLabel("Dateien anhängen (optional)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Ihre Antwort")).toHaveValue(text);
    await expect(page.locator("article.forum-post")).toHaveCount(1);
    await expectAccessible(page);
  });
});

test.describe("Dateianhänge an Beiträgen (Redaktion)", () => {
  test("Redaktion hängt im Editor ein PDF an, die Beitragsseite listet es (axe), ersetzt es und stellt die frühere Fassung wieder her", async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    const slug = "checkliste-arbeit";
    await login(page, "redaktion");
    await page.goto(`/wissen/${slug}/bearbeiten`);
    await page.getByLabel("Dateien zum Beitrag anhängen (optional)").setInputFiles(file(`Arbeit-${stamp}.pdf`, minimalPdf(["Checkliste Arbeit", stamp])));
    await page.getByLabel("Grund der Änderung").fill("E2E: Merkblatt angehängt");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page).toHaveURL(new RegExp(`/wissen/${slug}$`));
    const link = fileLink(page, `Arbeit-${stamp}.pdf`);
    await expect(link).toBeVisible();
    await expect(page.getByRole("heading", { name: "Dateien", level: 2 })).toBeVisible();
    await expectAccessible(page);
    const href = (await link.getAttribute("href"))!;
    const guest = await browser.newContext();
    const res = await guest.request.get(href);
    expect(res.status()).toBe(200);
    expect(Buffer.from(await res.body()).equals(minimalPdf(["Checkliste Arbeit", stamp]))).toBe(true);

    // replace: the editor lists the file with "Ersetzen"; the replace page and the versions page pass axe
    await page.goto(`/wissen/${slug}/bearbeiten`);
    await expect(page.getByRole("heading", { name: "Angehängte Dateien" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: `Arbeit-${stamp}.pdf ersetzen` }).click();
    await expectAccessible(page);
    await page.getByLabel("Neue Datei").setInputFiles(file(`Arbeit-${stamp}-neu.pdf`, minimalPdf(["Checkliste Arbeit, neue Fassung", stamp])));
    await page.getByRole("button", { name: "Datei ersetzen" }).click();
    await expect(page).toHaveURL(new RegExp(`/wissen/${slug}/bearbeiten$`));
    await expect(pageStatus(page)).toContainText("ist ersetzt");
    expect((await guest.request.get(href)).status()).toBe(404);

    await page.goto(`/wissen/${slug}/versionen`);
    const versions = page.getByRole("list", { name: `Frühere Versionen von Arbeit-${stamp}-neu.pdf` });
    await expect(versions).toContainText(`Arbeit-${stamp}.pdf`);
    await expectAccessible(page);
    await versions.getByRole("button", { name: /wiederherstellen/ }).click();
    await expect(pageStatus(page)).toContainText(`Die frühere Fassung „Arbeit-${stamp}.pdf“ ist wiederhergestellt`);
    await page.goto(`/wissen/${slug}`);
    await expect(fileLink(page, `Arbeit-${stamp}.pdf`)).toBeVisible();
    await expect(fileLink(page, `Arbeit-${stamp}-neu.pdf`)).toHaveCount(0);
    await guest.close();
  });
});
