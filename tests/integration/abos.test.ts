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
import { createProject, updateProject, type ProjectInput } from "~/models/project.server";
import { decideProposal, proposeStatusChange } from "~/models/forderung.server";
import { createTermin, updateTermin, type TerminInput } from "~/models/termin.server";
import { createArticle, updateArticle } from "~/models/article.server";
import { cities, forderungen } from "../../db/schema/index";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";
import { deliverPendingMail, mailDeliveryIdle, stopMailWorker } from "~/services/mail.server";
import { hashToken } from "~/services/tokens.server";
import type { ProgrammeFrontmatter } from "~/services/content/frontmatter";
import { projectInput } from "../setup/projects";

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

describe("the other lists: /projekte, /forderungen, /termine, /wissen", () => {
  let koord: { id: string; role: "koordination"; cityId: number | null };
  let red: NonNullable<Parameters<typeof proposeStatusChange>[1]>;
  let follower: { id: string };
  const mine = (prefix: string) => notesOf(follower.id).filter((n) => n.url.startsWith(prefix));

  beforeAll(async () => {
    koord = (await makeUser(db, "koordination", "dortmund")) as typeof koord;
    follower = await makeUser(db, "mitglied", "essen");
    red = { id: redaktion.id, role: "redaktion", cityId: null };
    runAboMatcher(db); // earlier tests' outbox rows
  });
  beforeEach(() => runAboMatcher(db));

  const project = (over: Partial<ProjectInput> = {}): ProjectInput =>
    projectInput({
      title: "Aufsuchende Gesundheitsberatung",
      summary: "Kurz.",
      leadCityId: db.select({ id: cities.id }).from(cities).where(eq(cities.slug, "dortmund")).get()!.id,
      status: "idee",
      statusDate: "2026-11-01",
      ...over,
    });

  it("/projekte: follow → new project → exactly one alert; changes are new versions; non-matching → none", async () => {
    const f = followSearch(db, follower.id, "projekte", new URLSearchParams("feld=gesundheit&feld=x&sort=titel&unsinn=1"));
    expect(f.status).toBe("neu");
    expect(listMySearches(db, follower.id).find((s) => s.id === f.id)!.url).toBe("/projekte?feld=gesundheit");
    expect(followSearch(db, follower.id, "projekte", new URLSearchParams("feld=gesundheit")).status).toBe("bereits");
    const p = createProject(db, koord.id, project());
    createProject(db, koord.id, project({ title: "Sprachcafé", handlungsfelder: ["bildung"] }));
    expect(mine("/projekte")).toHaveLength(0); // nothing on the request path
    runAboMatcher(db);
    runAboMatcher(db);
    expect(mine("/projekte").map((n) => n.url)).toEqual([`/projekte/${p.slug}`]);
    updateProject(db, koord.id, p.id, project({ summary: "Geändert." }));
    runAboMatcher(db);
    expect(mine("/projekte")).toHaveLength(2);
    expect(mine("/projekte")[1].message).toContain("Geändert in Ihrer Suche „Projekte“");
    // the author of the change, following the same search, is not notified
    followSearch(db, koord.id, "projekte", new URLSearchParams("feld=gesundheit"));
    updateProject(db, koord.id, p.id, project({ summary: "Nochmal." }));
    runAboMatcher(db);
    expect(notesOf(koord.id)).toHaveLength(0);
    await mailDeliveryIdle();
  });

  it("/projekte: a members-only project reaches only followers who may read it (the list's own visibility)", async () => {
    const gone = await makeUser(db, "mitglied", "essen");
    followSearch(db, gone.id, "projekte", new URLSearchParams("feld=gesundheit"));
    db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.id)).run();
    const p = createProject(db, koord.id, project({ title: "Internes Projekt", visibility: "members" }));
    runAboMatcher(db);
    expect(mine("/projekte").map((n) => n.url)).toEqual([`/projekte/${p.slug}`]); // members may read members-only projects
    expect(notesOf(gone.id)).toHaveLength(0);
    // the follower's feed (read with the follower's own visibility) shows it; the list function decides, not the abo code
    const id = listMySearches(db, follower.id).find((s) => s.liste === "projekte")!.id;
    const token = renewFeedToken(db, follower.id, id)!;
    expect(feedForToken(db, token)!.entries.map((e) => e.key)).toContain(p.slug);
    await mailDeliveryIdle();
  });

  it("/forderungen: only a confirmed status change alerts (once); a pending proposal or another status does not", async () => {
    const fid = db
      .insert(forderungen)
      .values({ slug: "abo-test-forderung", datei: "abo-test", loesungsszenario: 2, artikel: "ls-2", ebene: "bund", stelle: "Bund", titel: "Abo-Testforderung", text: "Text.", handlungsfelder: ["gesundheit"], quelle: "Test" })
      .returning({ id: forderungen.id })
      .get().id;
    expect(followSearch(db, follower.id, "forderungen", new URLSearchParams("status=umgesetzt&ebene=bund")).status).toBe("neu");
    const koordViewer = { id: koord.id, role: "koordination" as const, cityId: koord.cityId };
    const proposal = proposeStatusChange(db, koordViewer, fid, { status: "umgesetzt", datum: "2026-11-20", nachweis: "Gesetzblatt", nachweisUrl: null, begruendung: null });
    expect(proposal.state).toBe("vorgeschlagen");
    runAboMatcher(db);
    expect(mine("/forderungen")).toHaveLength(0); // not confirmed yet
    decideProposal(db, red, proposal.id, "bestaetigt", null);
    decideProposal(db, red, proposal.id, "bestaetigt", null); // double click
    runAboMatcher(db);
    runAboMatcher(db);
    expect(mine("/forderungen").map((n) => n.url)).toEqual(["/forderungen/abo-test-forderung"]);
    // Redaktion's direct change to another status no longer matches the followed filter
    proposeStatusChange(db, red, fid, { status: "in-arbeit", datum: "2026-11-25", nachweis: "Entwurf", nachweisUrl: null, begruendung: null });
    runAboMatcher(db);
    expect(mine("/forderungen")).toHaveLength(1);
    await mailDeliveryIdle();
  });

  it("/termine: follow → new matching event → one alert; another Handlungsfeld → none; an edit alerts again", async () => {
    expect(followSearch(db, follower.id, "termine", new URLSearchParams("feld=gesundheit&seite=3")).status).toBe("neu");
    expect(listMySearches(db, follower.id).find((s) => s.liste === "termine")!.query).toBe("feld=gesundheit");
    const beginn = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30 * 86_400_000);
    const input = (over: Partial<TerminInput> = {}): TerminInput => ({
      titel: "Fachtag Gesundheit",
      beginn,
      ende: null,
      ort: "Dortmund",
      online: false,
      zielgruppen: [],
      handlungsfelder: ["gesundheit"],
      anmeldungUrl: null,
      beschreibung: "Programm folgt.",
      cityId: koord.cityId,
      ...over,
    });
    const koordViewer = { id: koord.id, role: "koordination" as const, cityId: koord.cityId };
    const a = createTermin(db, koordViewer, input());
    expect(createTermin(db, koordViewer, input()).duplicate).toBe(true); // double submit: one event, one outbox row
    createTermin(db, koordViewer, input({ titel: "Fachtag Bildung", handlungsfelder: ["bildung"] }));
    runAboMatcher(db);
    runAboMatcher(db);
    expect(mine("/termine").map((n) => n.url)).toEqual([`/termine/${a.id}`]);
    updateTermin(db, koordViewer, a.id, input({ ort: "Essen" }));
    runAboMatcher(db);
    expect(mine("/termine")).toHaveLength(2);
    await mailDeliveryIdle();
  });

  it("/wissen: a published article alerts once; a draft reaches only Redaktion followers, the member when it is published", async () => {
    const editor2 = await makeUser(db, "redaktion");
    expect(followSearch(db, follower.id, "wissen", new URLSearchParams("feld=gesundheit&typ=praxis&seite=2")).status).toBe("neu");
    expect(listMySearches(db, follower.id).find((s) => s.liste === "wissen")!.query).toBe("feld=gesundheit&typ=praxis");
    followSearch(db, editor2.id, "wissen", new URLSearchParams("typ=praxis&feld=gesundheit"));
    const art = {
      type: "praxis" as const,
      title: "Impfberatung im Quartier",
      summary: "Kurz.",
      body: "## Problembeschreibung und Ziel\n\nZiel.\n\n## Gescheiterte Ansätze\n\nFlyer.\n\n## Gründe des Scheiterns\n\nSprache.",
      handlungsfelder: ["gesundheit"],
      ebenen: ["kommune"],
      staedte: ["dortmund"],
      quellen: ["Test"],
      stand: "2026-11-01",
      pruefenBis: "2027-11-01",
      status: "entwurf" as const,
    };
    const draft = createArticle(db, art, { id: redaktion.id });
    createArticle(db, { ...art, title: "Bildungsbeispiel", handlungsfelder: ["bildung"], status: "veroeffentlicht" }, { id: redaktion.id });
    runAboMatcher(db);
    expect(mine("/wissen")).toHaveLength(0); // a draft never reaches a member
    expect(notesOf(editor2.id).map((n) => n.url)).toEqual([`/wissen/${draft.slug}`]);
    const id = listMySearches(db, follower.id).find((s) => s.liste === "wissen")!.id;
    const token = renewFeedToken(db, follower.id, id)!;
    expect(feedForToken(db, token)!.entries.map((e) => e.key)).not.toContain(draft.slug);
    updateArticle(db, draft.id, { ...art, slug: draft.slug, status: "veroeffentlicht" }, { id: redaktion.id }, "veröffentlicht");
    runAboMatcher(db);
    runAboMatcher(db);
    expect(mine("/wissen").map((n) => n.url)).toEqual([`/wissen/${draft.slug}`]);
    expect(feedForToken(db, token)!.entries.map((e) => e.key)).toContain(draft.slug);
    await mailDeliveryIdle();
  });

  it("deletes processed outbox rows older than 7 days, keeps newer and unprocessed ones", () => {
    runAboMatcher(db);
    const now = new Date();
    const old = new Date(now.getTime() - 8 * 86_400_000);
    const recent = new Date(now.getTime() - 6 * 86_400_000);
    const ins = (processedAt: Date | null, key: string) =>
      db.insert(aboOutbox).values({ liste: "termine", entryKey: key, version: 1, actorId: null, processedAt }).returning({ id: aboOutbox.id }).get().id;
    const a = ins(old, "999001");
    const b = ins(recent, "999002");
    runAboMatcher(db, { now });
    const left = new Set(db.select({ id: aboOutbox.id }).from(aboOutbox).all().map((r) => r.id));
    expect(left.has(a)).toBe(false);
    expect(left.has(b)).toBe(true);
    // ledger rows stay: a re-delivered old change still cannot alert twice
    expect(db.select().from(aboLedger).all().length).toBeGreaterThan(0);
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
