import { expect, test } from "@playwright/test";
import { ACCOUNTS, E2E_PASSWORD, expectAccessible } from "./helpers";

test.describe("Suche", () => {
  test("search page: labelled results with <mark>, facet filters, paging, 'Meinten Sie', axe", async ({ page }) => {
    await page.goto("/suche?q=Problemimmobilien");
    await expect(page.locator("main h1")).toHaveText("Suche");
    await expect(page.getByRole("status").filter({ hasText: "Treffer für „Problemimmobilien“" })).toBeVisible();
    const results = page.locator(".suche-treffer");
    await expect(results.first()).toBeVisible();
    // every hit names its type; with the demo projects a project titled "… Problemimmobilien" may come first
    await expect(results.first().locator(".suche-treffer__typ")).toHaveText(/^(Wissen|Förderprogramm|Projekt|Forum|Stadt)/);
    await expect(results.locator(".suche-treffer__typ").filter({ hasText: /^Wissen/ }).first()).toBeVisible();
    await expect(page.locator(".suche-treffer mark").first()).toBeVisible();
    await expectAccessible(page);

    // Facet filter: only funding programmes.
    await page.getByRole("link", { name: /^Förderprogramm \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/typ=foerderung/);
    await expect(page.getByRole("link", { name: /^Förderprogramm \(\d+\)$/ })).toHaveAttribute("aria-current", "true");
    for (const badge of await page.locator(".suche-treffer .suche-treffer__typ").allTextContents()) expect(badge).toBe("Förderprogramm");

    // Paging.
    await page.goto("/suche?q=Kinder");
    await page.getByRole("navigation", { name: "Seiten der Trefferliste" }).getByRole("link", { name: "Nächste Seite" }).click();
    await expect(page).toHaveURL(/seite=2/);
    await expect(page.getByText(/Seite 2 von/)).toBeVisible();

    // Two typos: nothing found, but a close term is offered.
    await page.goto("/suche?q=Problmimobilien");
    await expect(page.getByText("Keine Treffer für „Problmimobilien“.")).toBeVisible();
    await page.getByRole("link", { name: "Problemimmobilien" }).click();
    await expect(page.locator(".suche-treffer").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("bad parameters answer 400 with a German message; hostile queries are plain text", async ({ page, request }) => {
    const res = await page.goto("/suche?q=Kinder&typ=blog");
    expect(res!.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Unbekannter Typ");
    const api = await request.get("/api/suche?q=Kinder&limit=0");
    expect(api.status()).toBe(400);
    expect((await api.json()).error).toContain("limit");
    const hostile = await request.get(`/api/suche?q=${encodeURIComponent('"NEAR(Kinder* OR -Schule')}`);
    expect(hostile.status()).toBe(200);
    const x = await page.goto(`/suche?q=${encodeURIComponent("<script>alert(1)</script> Kinder")}`);
    expect(x!.status()).toBe(200);
    expect(await page.content()).not.toContain("<script>alert(1)</script>");
  });

  test("header combobox works with the keyboard only and passes axe", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Suchbegriff" });
    await box.focus();
    await page.keyboard.type("Problemimmob");
    const listbox = page.getByRole("listbox", { name: "Suchvorschläge" });
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("status").filter({ hasText: /Vorschl/ })).toHaveText(/\d+ Vorschl(ag|äge) verfügbar/);
    await expectAccessible(page);

    await page.keyboard.press("ArrowDown");
    const first = listbox.getByRole("option").first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(first).toHaveAttribute("aria-selected", "true");

    await page.keyboard.press("Escape");
    await expect(listbox).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");

    await page.keyboard.press("ArrowDown");
    await expect(listbox).toBeVisible();
    const title = (await listbox.getByRole("option").first().locator(".search-suggestion__title").textContent())!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/(wissen|foerderung)\//);
    await expect(page.locator("main h1")).toContainText(title.slice(0, 20));
  });

  test("Enter without a chosen suggestion submits the plain search form", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Suchbegriff" });
    await box.focus();
    await page.keyboard.type("Schueler");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/suche\?q=Schueler/);
    await expect(page.locator(".suche-treffer mark").first()).toHaveText(/Schüler/);
  });
});

test.describe("Suche ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the header form still searches", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Suchbegriff" }).fill("EFRE Kommune");
    await page.getByRole("search", { name: "Website durchsuchen" }).getByRole("button", { name: "Suchen" }).click();
    await expect(page).toHaveURL(/\/suche\?q=EFRE\+Kommune/);
    await expect(page.locator(".suche-treffer").first()).toBeVisible();
  });
});

test.describe("Suche: ignorierte Wörter, Meinten Sie, Im Forum fragen", () => {
  test("names the ignored word and answers for the rest", async ({ page }) => {
    await page.goto("/suche?q=xyzzy+Krankenversicherung");
    await expect(page.getByText("Keine Treffer für „xyzzy“ – Ergebnisse für „Krankenversicherung“.")).toBeVisible();
    await expect(page.locator(".suche-treffer").first()).toBeVisible();
  });

  test("offers the corrected search for a typo", async ({ page }) => {
    await page.goto("/suche?q=Krankenversichrung");
    await expect(page.locator(".suche-vorschlag")).toHaveText("Meinten Sie: Krankenversicherung?");
    await page.locator(".suche-vorschlag").getByRole("link", { name: "Krankenversicherung" }).click();
    await expect(page).toHaveURL(/q=Krankenversicherung(&|$)/);
    await expect(page.locator(".suche-treffer").first()).toBeVisible();
  });

  test("zero results: 'Im Forum fragen' – guests sign in first, members get the title prefilled; axe", async ({ page }) => {
    await page.goto("/suche?q=Qwxzyplorf");
    await expect(page.getByText("Keine Treffer für „Qwxzyplorf“.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Im Forum fragen" }).click();
    await expect(page).toHaveURL(/\/anmelden\?redirectTo=/);
    await page.getByLabel("E-Mail-Adresse").fill(ACCOUNTS.mitgliedDortmund);
    await page.getByLabel("Passwort", { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/forum\/allgemeines\/neu\?titel=Qwxzyplorf/);
    await expect(page.getByLabel("Titel")).toHaveValue("Qwxzyplorf");

    await page.goto("/suche?q=Qwxzyplorf+Zorkmid");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Im Forum fragen" }).click();
    await expect(page).toHaveURL(/\/forum\/allgemeines\/neu\?titel=/);
    await expect(page.getByLabel("Titel")).toHaveValue("Qwxzyplorf Zorkmid");
  });
});
