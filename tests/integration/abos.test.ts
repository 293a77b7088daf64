// Abos (issue 19, done-when 4; decision 020) on a real migrated database: a member follows
// /foerderung?fonds=esf, Redaktion adds programmes, the matcher (off the request path) notifies exactly once
// and the mail reaches the mail folder as .eml; deadline reminders 14 and 3 days ahead with a moved clock;
// the secret feed link and its revocation; DSGVO export and erasure.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, makeUser } from "../setup/db";
import { openDatabase, type DB } from "../../db/client";
import { aboLedger, aboOutbox, mailOutbox, notifications, savedSearches, users } from "../../db/schema/index";
import { feedForToken, followSearch, listMySearches, renewFeedToken, revokeFeedToken, runAboMatcher, runDeadlineReminders, unfollowSearch } from "~/models/abo.server";
import { saveProgramme } from "~/models/programme.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";
import { deliverPendingMail, mailDeliveryIdle, stopMailWorker } from "~/services/mail.server";
import { hashToken } from "~/services/tokens.server";
import type { ProgrammeFrontmatter } from "~/services/content/frontmatter";

let t: ReturnType<typeof createTestDb>;
let db: DB;
let member: { id: string };
let redaktion: { id: string };
const MEMBER_MAIL = "mia.abo@stadt-dortmund.test";
const extra: DB[] = [];

const mailDir = () => process.env.MAIL_DIR!;
const emlsTo = (addr: string) =>
  readdirSync(mailDir())
    .filter((f) => f.endsWith(".eml"))
    .map((f) => readFileSync(join(mailDir(), f), "utf8").replace(/=\r?\n/g, ""))
    .filter((m) => m.includes(addr));

function programme(over: Partial<ProgrammeFrontmatter> = {}): ProgrammeFrontmatter {
  return {
    title: "Testprogramm ESF Ankommen",
    kurz: "ESF-Test",
    fonds: "esf",
    geber: "Land NRW",
    ebene: "land",
    antragsberechtigt: ["kommune"],
    handlungsfelder: ["arbeitsmarkt"],
    status: "offen",
    summary: "Ein Testprogramm.",
    ...over,
  } as ProgrammeFrontmatter;
}

function addProgramme(slug: string, over: Partial<ProgrammeFrontmatter> = {}, authorId = redaktion.id) {
  return db.transaction((tx) => saveProgramme(tx, { slug, data: programme(over), body: "Text", authorId, reason: "neu", create: true }));
}

const notesOf = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId)).all();

beforeAll(async () => {
  t = createTestDb();
  db = t.db;
  member = await makeUser(db, "mitglied", "dortmund", MEMBER_MAIL);
  redaktion = await makeUser(db, "redaktion");
  db.update(users).set({ emailPref: "sofort" }).where(eq(users.id, member.id)).run();
});
afterAll(async () => {
  await mailDeliveryIdle();
  await stopMailWorker();
  for (const d of extra) d.$client.close();
  t.cleanup();
});
beforeEach(() => {
  db.delete(notifications).run();
  db.delete(mailOutbox).run();
});

describe("following a filtered list", () => {
  it("saves only the list's known filter keys, normalised; the same filter twice is one abo", () => {
    const first = followSearch(db, member.id, "foerderung", new URLSearchParams("fonds=esf&x=<script>&fonds=esf&feld=unbekannt"));
    expect(first.status).toBe("neu");
    const again = followSearch(db, member.id, "foerderung", new URLSearchParams("fonds=esf"));
    expect(again).toEqual({ status: "bereits", id: first.id });
    const mine = listMySearches(db, member.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ query: "fonds=esf", url: "/foerderung?fonds=esf", beschreibung: "Fonds: ESF" });
  });
});

describe("matcher", () => {
  it("an ESF programme by Redaktion notifies the member in-site and by .eml; a non-ESF programme does not", async () => {
    addProgramme("esf-test-a");
    addProgramme("efre-test-a", { title: "Testprogramm EFRE", fonds: "efre" });
    // The write itself only records outbox rows (same transaction); nothing is sent on the request path.
    expect(notesOf(member.id)).toHaveLength(0);
    expect(db.select().from(aboOutbox).all().filter((r) => r.processedAt == null)).toHaveLength(2);

    const r = runAboMatcher(db);
    expect(r).toEqual({ processed: 2, alerts: 1 });
    const notes = notesOf(member.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "abo", url: "/foerderung/esf-test-a" });
    expect(notes[0].message).toContain("Testprogramm ESF Ankommen");

    await mailDeliveryIdle();
    await deliverPendingMail(db);
    const emls = emlsTo(MEMBER_MAIL).filter((m) => m.includes("esf-test-a"));
    expect(emls).toHaveLength(1);
    expect(emls[0]).not.toContain("efre-test-a");
    expect(emlsTo(MEMBER_MAIL).some((m) => m.includes("efre-test-a"))).toBe(false);
  });

  it("runs twice, or in two processes over the same rows, and still alerts once", async () => {
    addProgramme("esf-test-b", { title: "Zweites ESF-Programm" });
    // A crashed run: the outbox row was never marked done; another process runs at the same time.
    const other = openDatabase(`file:${t.path}`).db;
    extra.push(other);
    expect(runAboMatcher(db).alerts).toBe(1);
    db.update(aboOutbox).set({ processedAt: null }).run(); // as if every earlier run had crashed before marking
    expect(runAboMatcher(other).alerts).toBe(0);
    expect(runAboMatcher(db).alerts).toBe(0);
    const forB = notesOf(member.id).filter((n) => n.url === "/foerderung/esf-test-b");
    expect(forB).toHaveLength(1);
    await mailDeliveryIdle();
  });

  it("a change is a new version and alerts again; the author of the change is never notified", async () => {
    runAboMatcher(db);
    db.delete(notifications).run();
    const redFollow = followSearch(db, redaktion.id, "foerderung", new URLSearchParams("fonds=esf"));
    expect(redFollow.status).toBe("neu");
    db.transaction((tx) =>
      saveProgramme(tx, { slug: "esf-test-a", data: programme({ summary: "Geändert." }), body: "Text 2", authorId: redaktion.id, reason: "Änderung", create: false }),
    );
    expect(runAboMatcher(db).alerts).toBe(1);
    expect(notesOf(member.id).map((n) => n.message)).toEqual([expect.stringContaining("Geändert")]);
    expect(notesOf(redaktion.id)).toHaveLength(0);
    await mailDeliveryIdle();
  });

  it("a disabled or deleted follower gets nothing", async () => {
    const gone = await makeUser(db, "mitglied", "duisburg");
    followSearch(db, gone.id, "foerderung", new URLSearchParams("fonds=esf"));
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id)).run();
    addProgramme("esf-test-c", { title: "Drittes ESF-Programm" });
    runAboMatcher(db);
    expect(notesOf(gone.id)).toHaveLength(0);
    expect(notesOf(member.id)).toHaveLength(1);
    await mailDeliveryIdle();
  });
});

describe("deadline reminders", () => {
  const at = (iso: string) => new Date(`${iso}T08:00:00+01:00`);

  it("remind 14 and 3 days ahead, exactly once per programme, deadline, offset and user", async () => {
    addProgramme("esf-frist", { title: "ESF mit Frist", fristen: [{ bezeichnung: "Antragsfrist", datum: "2027-03-20" }] });
    addProgramme("efre-frist", { title: "EFRE mit Frist", fonds: "efre", fristen: [{ bezeichnung: "Antragsfrist", datum: "2027-03-20" }] });
    runAboMatcher(db);
    db.delete(notifications).run();
    const reminders = () => notesOf(member.id).filter((n) => n.kind === "frist");

    // Mia follows a second search that includes the same programme: still one reminder per offset for her.
    expect(followSearch(db, member.id, "foerderung", new URLSearchParams("fonds=esf&status=offen")).status).toBe("neu");
    // Followers of fonds=esf: Mia and the Redaktion user (from above).
    expect(runDeadlineReminders(db, at("2027-03-05"))).toBe(0); // 15 days ahead
    expect(runDeadlineReminders(db, at("2027-03-06"))).toBe(2); // 14 days ahead
    expect(runDeadlineReminders(db, at("2027-03-06"))).toBe(0); // same day again
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0].message).toBe("Frist in 14 Tagen: ESF mit Frist – Antragsfrist (20.03.2027)");
    expect(runDeadlineReminders(db, at("2027-03-10"))).toBe(0);
    expect(runDeadlineReminders(db, at("2027-03-17"))).toBe(2); // 3 days ahead
    expect(runDeadlineReminders(db, at("2027-03-17"))).toBe(0);
    expect(reminders().map((n) => n.message)).toEqual([expect.stringContaining("14 Tagen"), expect.stringContaining("3 Tagen")]);
    // the EFRE programme is not in the member's followed search
    expect(reminders().some((n) => n.message.includes("EFRE"))).toBe(false);
    await mailDeliveryIdle();
    await deliverPendingMail(db);
    expect(emlsTo(MEMBER_MAIL).filter((m) => m.includes("Frist in"))).toHaveLength(2);
  });
});

describe("feed link", () => {
  it("works with its secret, is stored only as a hash, and a new link or revoking stops the old one", () => {
    const id = listMySearches(db, member.id).find((s) => s.query === "fonds=esf")!.id;
    const token = renewFeedToken(db, member.id, id)!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bit, base64url
    const row = db.select().from(savedSearches).where(eq(savedSearches.id, id)).get()!;
    expect(row.feedTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const feed = feedForToken(db, token)!;
    expect(feed.entries.map((e) => e.key)).toEqual(expect.arrayContaining(["esf-test-a", "esf-test-b"]));
    expect(feed.entries.some((e) => e.key.startsWith("efre"))).toBe(false);
    // another user cannot renew someone else's abo
    expect(renewFeedToken(db, redaktion.id, id)).toBeNull();
    const next = renewFeedToken(db, member.id, id)!;
    expect(feedForToken(db, token)).toBeNull();
    expect(feedForToken(db, next)).not.toBeNull();
    revokeFeedToken(db, member.id, id);
    expect(feedForToken(db, next)).toBeNull();
  });
});

describe("DSGVO", () => {
  it("export lists the user's abos and alerts; erasure removes abos and ledger", async () => {
    const exp = exportUserData(db, member.id)!;
    expect(JSON.stringify(exp)).toContain("fonds=esf");
    expect(db.select().from(aboLedger).where(eq(aboLedger.userId, member.id)).all().length).toBeGreaterThan(0);
    deleteAccount(db, member.id);
    expect(db.select().from(savedSearches).where(eq(savedSearches.userId, member.id)).all()).toHaveLength(0);
    expect(db.select().from(aboLedger).where(eq(aboLedger.userId, member.id)).all()).toHaveLength(0);
    expect(unfollowSearch(db, member.id, 1)).toBe(false);
  });
});
