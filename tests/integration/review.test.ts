// Issue 13 (content currency): owners and deputies from the front matter, the stand ≤ pruefen_bis rule,
// review intervals, reminders with a moved clock (notification + .eml, once each), "geprüft, unverändert",
// bulk owners, and FAQ drafts from the Clearingstelle. Real migrations on a temp database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { articles, auditLog, mailOutbox, notifications, programmes, reviewReminders, revisions, users } from "../../db/schema/index";
import { importContent } from "~/services/content/importer.server";
import { getArticleBySlug, updateArticle } from "~/models/article.server";
import { getProgramme } from "~/models/programme.server";
import {
  assignDemoOwner,
  listMyReviews,
  listReviewItems,
  markReviewedUnchanged,
  parseOwnerFields,
  resolveOwnerRef,
  runReviewReminders,
  setOwners,
} from "~/models/review.server";
import { enqueueDigests, setEmailPref } from "~/models/notification.server";
import { deliverPendingMail } from "~/services/mail.server";
import { createTopic, ensureCategories, getCategory, type Actor } from "~/models/forum.server";
import { faqLinkForTopic, publishAsFaq, settleClearing, submitToClearing } from "~/models/clearing.server";
import { addMonths, nextReviewDate } from "~/utils/review";
import { todayIso } from "~/utils/format";

let db: DB;
let dbPath: string;
let cleanup: () => void;
let dir: string;
let rita: string; // Redaktion, rita.redaktion@test.invalid
let paul: string; // Redaktion, paul.prüfer@… (handle @paul.pruefer)
let mia: string; // Mitglied

const article = (fm: string) =>
  `---\ntitle: Testbeitrag\ntype: glossar\nsummary: Kurz.\nhandlungsfelder: []\nebenen: []\nstaedte: []\nstand: 2026-10-01\nquellen: []\n${fm}---\nText.\n`;
const programme = (fm: string) =>
  `---\ntitle: Testprogramm Alpha\nkurz: Alpha\nfonds: land\ngeber: Land NRW\nebene: land\nantragsberechtigt: [kommune]\nhandlungsfelder: [wohnen]\nstatus: laufend\nsummary: Kurz.\n${fm}---\nText.\n`;

beforeAll(async () => {
  ({ db, cleanup, path: dbPath } = createTestDb());
  rita = (await makeUser(db, "redaktion", undefined, "rita.redaktion@test.invalid")).id;
  paul = (await makeUser(db, "redaktion", undefined, "paul.pruefer@test.invalid")).id;
  mia = (await makeUser(db, "mitglied", "dortmund", "mia@test.invalid")).id;
  dir = mkdtempSync(join(tmpdir(), "sn-review-"));
  mkdirSync(join(dir, "wissen"));
  mkdirSync(join(dir, "foerderung"));
});
afterAll(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("front matter: owners and the stand ≤ pruefen_bis rule", () => {
  it("reports a stand later than pruefen_bis as an error with file, field and reason; resolves owners; falls back to the team", async () => {
    const w = (name: string, s: string) => writeFileSync(join(dir, "wissen", name), s);
    const f = (name: string, s: string) => writeFileSync(join(dir, "foerderung", name), s);
    w("zu-spaet.md", article("pruefen_bis: 2026-06-30\n"));
    w("per-mail.md", article("verantwortlich: Rita.Redaktion@test.invalid\nvertretung: \"@paul.pruefer\"\n"));
    w("team.md", article("verantwortlich: redaktion\n"));
    w("unbekannt.md", article("verantwortlich: niemand@test.invalid\nvertretung: mia@test.invalid\n"));
    w("kaputt.md", article("verantwortlich: nicht eine adresse\n"));
    w("mit-schluessel.md", article("verantwortlich: redaktion\nunbekannt: 1\n"));
    f("alpha.md", programme("stand: 2026-11-25\nverantwortlich: \"@paul.pruefer\"\n"));
    f("beta.md", programme("stand: 2026-11-25\npruefen_bis: 2026-06-30\n"));
    const r = await importContent(db, { dir });
    expect(r.errors).toEqual([
      "wissen/kaputt.md: verantwortlich: muss eine E-Mail-Adresse, ein @kürzel oder „redaktion“ sein",
      "wissen/zu-spaet.md: pruefen_bis: liegt vor dem Stand (2026-10-01); prüfen_bis muss am oder nach dem Stand liegen",
      "foerderung/beta.md: pruefen_bis: liegt vor dem Stand (2026-11-25); prüfen_bis muss am oder nach dem Stand liegen",
    ]);
    // unknown keys stay warnings
    expect(r.warnings.some((x) => x.startsWith("wissen/mit-schluessel.md: Warnung: unbekannter Schlüssel „unbekannt“"))).toBe(true);
    expect(getArticleBySlug(db, "zu-spaet")).toBeNull();

    const perMail = getArticleBySlug(db, "per-mail")!;
    expect([perMail.ownerId, perMail.deputyId]).toEqual([rita, paul]);
    // redaktion, an unknown address and a non-Redaktion account → team (no owner), no deputy
    expect(getArticleBySlug(db, "team")!.ownerId).toBeNull();
    expect([getArticleBySlug(db, "unbekannt")!.ownerId, getArticleBySlug(db, "unbekannt")!.deputyId]).toEqual([null, null]);
    expect(getProgramme(db, "alpha")!.ownerId).toBe(paul);
    // A missing pruefen_bis is stand + interval: glossary 24 months, programme 6 months
    expect(getArticleBySlug(db, "team")!.pruefenBis).toBe("2028-10-01");
    expect(getProgramme(db, "alpha")!.pruefenBis).toBe("2027-05-25");
    // Shown as "Redaktion" when team-owned
    const items = listReviewItems(db, "2026-12-01");
    expect(items.find((i) => i.slug === "team")).toMatchObject({ ownerName: "Redaktion", ownerId: null });
    expect(items.find((i) => i.slug === "per-mail")!.ownerName).toBe("redaktion");
  });

  it("a file saying `redaktion` never removes an owner assigned on the web; a named owner in the file replaces it", async () => {
    setOwners(db, { items: [{ entityType: "article", id: getArticleBySlug(db, "team")!.id }], ownerId: paul, actor: { id: rita } });
    writeFileSync(join(dir, "wissen", "team.md"), article("verantwortlich: redaktion\n").replace("Text.", "Text, geändert."));
    await importContent(db, { dir, force: true });
    expect(getArticleBySlug(db, "team")!.ownerId).toBe(paul);
    writeFileSync(join(dir, "wissen", "team.md"), article("verantwortlich: rita.redaktion@test.invalid\n"));
    await importContent(db, { dir, force: true });
    expect(getArticleBySlug(db, "team")!.ownerId).toBe(rita);
  });

  it("resolves handles only to exactly one active Redaktion user", async () => {
    expect(resolveOwnerRef(db, "@rita.redaktion")).toBe(rita);
    expect(resolveOwnerRef(db, "@mia")).toBeNull(); // a Mitglied cannot own content
    expect(resolveOwnerRef(db, "redaktion")).toBeNull();
    await makeUser(db, "redaktion", undefined, "rita.redaktion@other.invalid");
    expect(resolveOwnerRef(db, "@rita.redaktion")).toBeNull(); // ambiguous → team
    expect(resolveOwnerRef(db, "RITA.REDAKTION@TEST.INVALID")).toBe(rita);
  });

  it("the editors' owner pickers accept only Redaktion users, and not the same person twice", () => {
    const fd = (o: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(o)) f.set(k, v);
      return f;
    };
    expect(parseOwnerFields(db, fd({ ownerId: rita, deputyId: "" }))).toEqual({ ok: true, ownerId: rita, deputyId: null });
    expect(parseOwnerFields(db, fd({ ownerId: mia, deputyId: "" }))).toMatchObject({ ok: false, errors: { ownerId: "Bitte wählen Sie eine Person der Redaktion." } });
    expect(parseOwnerFields(db, fd({ ownerId: rita, deputyId: rita })).ok).toBe(false);
    expect(parseOwnerFields(db, fd({}))).toEqual({ ok: true, ownerId: undefined, deputyId: undefined });
  });
});

describe("reminders with a moved clock", () => {
  const at = (iso: string) => new Date(`${iso}T08:00:00Z`);
  const mailsTo = (email: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).all();
  const remindersOf = (userId: string) =>
    db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "pruefung"))).all();

  it("the owner gets a notification and an .eml 30 days before pruefen_bis and again when overdue, once each", async () => {
    // Only the programme "alpha" (owner Paul) is in play: push every other entry far into the future.
    db.update(articles).set({ pruefenBis: "2099-01-01" }).run();
    db.update(programmes).set({ pruefenBis: "2027-03-31", stand: "2026-09-30" }).where(eq(programmes.slug, "alpha")).run();
    expect(runReviewReminders(db, at("2027-02-27")).sent).toBe(0); // 32 days before: nothing yet
    const first = runReviewReminders(db, at("2027-03-01")); // 30 days before
    expect(first).toMatchObject({ sent: 1, vorab: 1, ueberfaellig: 0 });
    expect(runReviewReminders(db, at("2027-03-01")).sent).toBe(0); // same day again: nothing
    expect(runReviewReminders(db, at("2027-03-20")).sent).toBe(0); // still within 30 days: nothing new
    expect(remindersOf(paul).map((n) => n.message)).toEqual(["Prüfung fällig bis 31.03.2027: Förderprogramm „Testprogramm Alpha“."]);
    expect(runReviewReminders(db, at("2027-03-31")).sent).toBe(0); // due today, not yet overdue
    expect(runReviewReminders(db, at("2027-04-01"))).toMatchObject({ sent: 1, ueberfaellig: 1 });
    expect(runReviewReminders(db, at("2027-04-02")).sent).toBe(0);
    expect(runReviewReminders(db, at("2027-05-02")).sent).toBe(0);
    expect(remindersOf(paul)).toHaveLength(2);
    expect(remindersOf(rita)).toHaveLength(0); // Rita is not responsible for alpha
    expect(mailsTo("paul.pruefer@test.invalid").map((m) => m.subject)).toEqual([
      "[Städtenetz Südosteuropa] Prüfung fällig bis 31.03.2027: Förderprogramm „Testprogramm Alpha“.",
      "[Städtenetz Südosteuropa] Prüfung überfällig: Förderprogramm „Testprogramm Alpha“ sollte bis 31.03.2027 geprüft werden.",
    ]);
    // Delivered as .eml files into MAIL_DIR (no SMTP_URL in tests).
    await deliverPendingMail(db);
    const mailDir = process.env.MAIL_DIR!;
    const emls = readdirSync(mailDir)
      .filter((n) => n.endsWith(".eml"))
      .map((n) => readFileSync(join(mailDir, n), "utf8").replace(/=\r?\n/g, ""))
      .filter((t) => t.includes("paul.pruefer@test.invalid"));
    expect(emls).toHaveLength(2);
    for (const t of emls) {
      expect(t).toContain("/verwaltung/meine-pruefungen");
      expect(t).toContain("Testprogramm Alpha");
    }
  });

  it("a new pruefen_bis starts a new cycle; team entries remind every Redaktion user; a disabled owner's deputy is reminded", async () => {
    // Reviewed: new pruefen_bis → a new reminder at the new threshold
    db.update(programmes).set({ pruefenBis: "2027-10-31" }).where(eq(programmes.slug, "alpha")).run();
    expect(runReviewReminders(db, at("2027-10-15")).sent).toBe(1);
    expect(db.select().from(reviewReminders).all()).toHaveLength(3);

    const team = getArticleBySlug(db, "unbekannt")!;
    // team-owned with a deputy: still every Redaktion user
    db.update(articles).set({ pruefenBis: "2027-12-31", ownerId: null, deputyId: paul }).where(eq(articles.id, team.id)).run();
    runReviewReminders(db, at("2027-12-01"));
    const redaktion = db.select({ id: users.id }).from(users).where(eq(users.role, "redaktion")).all().map((u) => u.id);
    expect(redaktion.length).toBe(3);
    for (const id of redaktion) expect(remindersOf(id).some((n) => n.message.includes("Testbeitrag") && n.message.includes("31.12.2027"))).toBe(true);

    const own = getArticleBySlug(db, "per-mail")!; // owner Rita, deputy Paul
    db.update(articles).set({ pruefenBis: "2028-01-31" }).where(eq(articles.id, own.id)).run();
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, rita)).run();
    try {
      runReviewReminders(db, at("2028-01-05"));
      expect(remindersOf(paul).filter((n) => n.message === "Prüfung fällig bis 31.01.2028: Beitrag „Testbeitrag“.")).toHaveLength(1);
      expect(remindersOf(rita).filter((n) => n.message.includes("31.01.2028"))).toHaveLength(0);
    } finally {
      db.update(users).set({ disabledAt: null }).where(eq(users.id, rita)).run();
    }
  });

  it("an owner with the daily digest gets the reminder in the digest, not as its own mail", async () => {
    setEmailPref(db, rita, "taeglich");
    const own = getArticleBySlug(db, "per-mail")!;
    db.update(articles).set({ pruefenBis: "2028-06-30" }).where(eq(articles.id, own.id)).run();
    const mailsBefore = mailsTo("rita.redaktion@test.invalid").length;
    runReviewReminders(db, at("2028-06-10"));
    expect(mailsTo("rita.redaktion@test.invalid").length).toBe(mailsBefore);
    enqueueDigests(db);
    const digest = mailsTo("rita.redaktion@test.invalid").at(-1)!;
    expect(digest.subject).toContain("tägliche Zusammenfassung");
    expect(digest.text).toContain("Prüfung fällig bis 30.06.2028: Beitrag „Testbeitrag“.");
  });
});

describe("review action and Meine Prüfungen", () => {
  it("lists owned, deputised and team entries by due date, overdue first", () => {
    db.update(articles).set({ pruefenBis: "2026-01-01" }).where(eq(articles.slug, "per-mail")).run(); // Rita owns
    db.update(articles).set({ pruefenBis: "2026-06-01", ownerId: null, deputyId: null }).where(eq(articles.slug, "unbekannt")).run(); // team
    const mine = listMyReviews(db, paul, "2026-12-01");
    const slugs = mine.map((m) => m.slug);
    expect(slugs.indexOf("per-mail")).toBeLessThan(slugs.indexOf("unbekannt")); // earlier due date first
    expect(mine.find((m) => m.slug === "per-mail")).toMatchObject({ role: "vertretung", state: "ueberfaellig" });
    expect(mine.find((m) => m.slug === "unbekannt")!.role).toBe("team");
    expect(mine.find((m) => m.slug === "alpha")!.role).toBe("verantwortlich");
    expect(listMyReviews(db, rita, "2026-12-01").find((m) => m.slug === "alpha")).toBeUndefined(); // Paul's
  });

  it("'geprüft, unverändert' sets stand and pruefen_bis, records one revision with the reason and an audit entry, even when submitted twice", () => {
    const a = getArticleBySlug(db, "per-mail")!;
    const revs = () => db.select().from(revisions).where(and(eq(revisions.entityType, "article"), eq(revisions.entityId, a.id))).all();
    const n = revs().length;
    const today = todayIso();
    const submit = () => markReviewedUnchanged(db, { entityType: "article", slug: "per-mail", actor: { id: paul }, reason: "Definition stimmt noch.", seenPruefenBis: "2026-01-01" });
    expect(submit().already).toBe(false);
    expect(submit().already).toBe(true); // double click
    const after = getArticleBySlug(db, "per-mail")!;
    expect(after.stand).toBe(today);
    expect(after.pruefenBis).toBe(addMonths(today, 24)); // glossary
    expect(revs().length).toBe(n + 1);
    expect(revs().at(-1)!.reason).toBe("Geprüft, unverändert: Definition stimmt noch.");
    expect(db.select().from(auditLog).where(eq(auditLog.action, "article.review")).all()).toHaveLength(1);

    const p = markReviewedUnchanged(db, { entityType: "programme", slug: "alpha", actor: { id: paul }, reason: "Richtlinie unverändert.", seenPruefenBis: "2027-10-31" });
    expect(p).toMatchObject({ already: false, pruefenBis: nextReviewDate("programme", today) });
    expect(getProgramme(db, "alpha")!.stand).toBe(today);
  });

  it("bulk owner change accepts only Redaktion users; the demo step gives every team entry a user owner", () => {
    const ids = db.select({ id: articles.id }).from(articles).all().map((r) => ({ entityType: "article" as const, id: r.id }));
    expect(() => setOwners(db, { items: ids, ownerId: mia, actor: { id: rita } })).toThrow("Person der Redaktion");
    expect(setOwners(db, { items: ids, ownerId: null, actor: { id: rita } })).toBe(ids.length);
    expect(assignDemoOwner(db, "rita.redaktion@test.invalid")).toMatch(/^\d+ Beiträge, 0 Programme$/);
    expect(db.select().from(articles).all().every((r) => r.ownerId === rita)).toBe(true);
    expect(getProgramme(db, "alpha")!.ownerId).toBe(paul); // had an owner: unchanged
  });
});

describe("Clearingstelle FAQ drafts", () => {
  it("keep the question's title, get the drafting Redaktion user as owner and a pruefen_bis; the topic links by title only once published", async () => {
    ensureCategories(db);
    const koord = await makeUser(db, "koordination", "duisburg");
    const actor = (id: string, role: Actor["role"], cityId: number | null): Actor => ({ id, role, cityId, name: "x" });
    const red = actor(paul, "redaktion", null);
    const cat = getCategory(db, "gesundheit", null)!;
    const id = createTopic(db, { category: cat, title: "Wer zahlt die Erstuntersuchung", raw: "Frage", handlungsfelder: [], staedte: [] }, actor(koord.id, "koordination", koord.cityId));
    submitToClearing(db, id, "", actor(koord.id, "koordination", koord.cityId));
    settleClearing(db, id, { outcome: "geklaert", reason: "Das Gesundheitsamt." }, red);
    const slug = publishAsFaq(db, id, "Das Gesundheitsamt.", red);
    const faq = getArticleBySlug(db, slug)!;
    expect(faq.title).toBe("Wer zahlt die Erstuntersuchung"); // no "?" appended
    expect(faq.ownerId).toBe(paul);
    expect(faq.pruefenBis).toBe(nextReviewDate("faq", todayIso()));
    // Draft: Redaktion sees "FAQ-Entwurf", everyone else nothing
    expect(faqLinkForTopic(db, slug, false)).toBeNull();
    expect(faqLinkForTopic(db, slug, true)).toEqual({ url: `/wissen/${slug}`, title: "Wer zahlt die Erstuntersuchung", published: false });
    updateArticle(db, faq.id, { ...faq, status: "veroeffentlicht" }, { id: paul }, "Freigegeben");
    expect(faqLinkForTopic(db, slug, false)).toEqual({ url: `/wissen/${slug}`, title: "Wer zahlt die Erstuntersuchung", published: true });
  });

  it("a question title that already ends with '?' stays as it is", async () => {
    const cat = getCategory(db, "gesundheit", null)!;
    const koord = await makeUser(db, "koordination", "duisburg");
    const a: Actor = { id: koord.id, role: "koordination", cityId: koord.cityId, name: "k" };
    const red: Actor = { id: paul, role: "redaktion", cityId: null, name: "p" };
    const id = createTopic(db, { category: cat, title: "Gilt das auch für Kinder?", raw: "Frage", handlungsfelder: [], staedte: [] }, a);
    submitToClearing(db, id, "", a);
    settleClearing(db, id, { outcome: "geklaert", reason: "Ja." }, red);
    expect(getArticleBySlug(db, publishAsFaq(db, id, "Ja.", red))!.title).toBe("Gilt das auch für Kinder?");
  });
});

describe("npm run content:reminders", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/content-reminders.ts", ...args], {
      env: { ...process.env, DATABASE_URL: `file:${dbPath}`, NODE_ENV: "test" },
      encoding: "utf8",
      timeout: 60_000,
    });
  it("explains itself with --help, rejects a bad --datum, and sends each reminder once", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--datum");
    const bad = run(["--datum", "morgen"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--datum muss ein Datum");
    db.update(articles).set({ pruefenBis: "2031-01-20" }).where(eq(articles.slug, "per-mail")).run();
    const first = run(["--datum", "2031-01-01"]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Erinnerungen: [1-9]\d* \(/);
    const again = run(["--datum", "2031-01-01"]);
    expect(again.stdout).toMatch(/Erinnerungen: 0 \(0 vorab, 0 überfällig, 0 veraltete Übersetzungen\)/);
  });
});
