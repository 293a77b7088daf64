// DSGVO: the export holds everything the user wrote; erasure leaves the address nowhere – no table (every table
// with an e-mail/"to" column is found from sqlite_master, so a new one cannot be forgotten), no text column,
// no stored .eml file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDb, makeUser, TEST_PASSWORD } from "../setup/db";
import type { DB } from "../../db/client";
import { forumPosts, users } from "../../db/schema/index";
import { acceptInvitation, authenticate, createInvitation, processResetRequests, requestPasswordReset } from "~/models/user.server";
import { createUserSession } from "~/services/auth.server";
import { deliverPendingMail, enqueueMail } from "~/services/mail.server";
import { createPost, createTopic, editPost, ensureCategories, flagPost, getCategory, setSubscription, type Actor } from "~/models/forum.server";
import { markConcern, submitToClearing } from "~/models/clearing.server";
import { createArticle, createSuggestion } from "~/models/article.server";
import { addProjectUpdate, createProject } from "~/models/project.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";

let db: DB;
let cleanup: () => void;
const EMAIL = "mia.loeschbar@stadt-duisburg.test";
const NAME = "Mia Löschbar-Testperson";
let subject: Actor;
let other: Actor;
let coordDortmund: Actor;

const mailDir = () => process.env.MAIL_DIR!;
const mailFiles = () => readdirSync(mailDir()).filter((f) => f.endsWith(".eml"));
const mailTexts = () => mailFiles().map((f) => readFileSync(join(mailDir(), f), "utf8").replace(/=\r?\n/g, "").toLowerCase());

async function asActor(id: string): Promise<Actor> {
  const u = db.select().from(users).where(eq(users.id, id)).get()!;
  return { id: u.id, name: u.name, role: u.role, cityId: u.cityId };
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  const admin = await makeUser(db, "admin", undefined, "admin@test.invalid");
  other = await asActor((await makeUser(db, "mitglied", "dortmund", "kollege@test.invalid")).id);
  coordDortmund = await asActor((await makeUser(db, "koordination", "dortmund", "koord.do@test.invalid")).id);
  const redaktion = await makeUser(db, "redaktion", undefined, "red@test.invalid");
  const duisburg = db.$client.prepare("select id from cities where slug = 'duisburg'").get() as { id: number };

  // The subject arrives by invitation (invitations.email, mail_outbox.to, an .eml file) …
  const inv = createInvitation(db, { id: admin.id, name: "Admin" }, { email: EMAIL, role: "koordination", cityId: duisburg.id });
  await deliverPendingMail(db);
  const id = (await acceptInvitation(db, inv.token, { name: NAME, password: TEST_PASSWORD }))!;
  subject = await asActor(id);
  await createUserSession(id);
  // … and a second, still open invitation to the same address (e.g. sent twice).
  createInvitation(db, { id: admin.id, name: "Admin" }, { email: EMAIL.toUpperCase(), role: "mitglied", cityId: null });

  // Forum: topic, reply, edit (post revision), flag, subscription, read state, notifications both ways.
  const cat = getCategory(db, "gesundheit", subject)!;
  const topicId = createTopic(db, { category: cat, title: "Impfberatung ohne Versicherung", raw: "Wie geht ihr vor?", handlungsfelder: [], staedte: [] }, subject);
  createPost(db, { topicId, raw: "Bei uns über das Gesundheitsamt." }, other);
  createPost(db, { topicId, raw: "Danke, das hilft." }, subject);
  const own = db.select().from(forumPosts).where(eq(forumPosts.authorId, id)).all().at(-1)!;
  editPost(db, own.id, "Danke, das hilft uns sehr.", subject);
  const othersPost = db.select().from(forumPosts).where(eq(forumPosts.authorId, other.id)).get()!;
  flagPost(db, othersPost.id, "Enthält eine private Telefonnummer", subject);
  setSubscription(db, id, { topicId }, "watch");
  // "Betrifft uns auch" on a Dortmund topic at the Clearingstelle.
  const clearing = getCategory(db, "clearingstelle", coordDortmund)!;
  const cTopic = createTopic(db, { category: clearing, title: "Schulpflicht ab wann?", raw: "Frage", handlungsfelder: [], staedte: [] }, coordDortmund);
  submitToClearing(db, cTopic, "", coordDortmund);
  markConcern(db, cTopic, subject);
  // Knowledge: a suggestion; projects: an update.
  const art = createArticle(
    db,
    { type: "praxis", title: "Aufsuchende Arbeit", summary: "Kurz.", body: "## Ziel\n\nZiel.", handlungsfelder: ["soziales-miteinander"], ebenen: ["kommune"], staedte: [], quellen: [], stand: "2026-01-01", pruefenBis: "2027-01-01", status: "veroeffentlicht" },
    { id: redaktion.id },
  );
  createSuggestion(db, art.id, { id }, { summary: "Kurz.", body: "## Ziel\n\nZiel, ergänzt aus Duisburg.", comment: "Ergänzung aus Duisburg" });
  const project = createProject(db, redaktion.id, {
    title: "Quartiersbüro Hochfeld", summary: "Anlaufstelle", leadCityId: duisburg.id, partnerCityIds: [], status: "laufend", statusDate: "2026-01-01", statusNote: "",
    handlungsfelder: ["wohnen"], zielgruppen: [], problem: "", approach: "", worked: "", failed: "", failureReasons: "", responsibilities: [], nextSteps: "",
    budget: null, startDate: null, endDate: null, contactRole: "", visibility: "public", seeksPartners: false, overBudgetConfirmed: false, fundingLines: [], indicators: [], articleSlugs: [],
  });
  addProjectUpdate(db, { id, cityId: duisburg.id }, project.id, "Zweite Sprechstunde eingerichtet.");
  // A failed sign-in, a reset link (user_tokens), a pending reset request, a pending and a sent mail.
  await authenticate(db, EMAIL, "falsch falsch falsch", "10.0.0.9");
  requestPasswordReset(db, EMAIL);
  processResetRequests(db);
  requestPasswordReset(db, EMAIL);
  enqueueMail(db, { to: "kollege@test.invalid", subject: "Andere Mail", text: "Für jemand anderen." });
  await deliverPendingMail(db);
  enqueueMail(db, { to: EMAIL, subject: "Noch nicht gesendet", text: "wartet" });
  // A stored mail that mentions the address only in a quoted-printable line break.
  writeFileSync(join(mailDir(), "zzz-weitergeleitet.eml"), `To: other@test.invalid\nSubject: Fwd\n\nBitte an mia.loeschbar@stadt-=\nduisburg.test weiterleiten.\n`);
});
afterAll(() => cleanup());

describe("DSGVO export", () => {
  it("contains posts, post revisions, suggestions, flags with details, project updates and marks – and nobody else's address", () => {
    const data = exportUserData(db, subject.id)!;
    expect(data.konto).toMatchObject({ email: EMAIL, name: NAME });
    expect(data.beitraege.map((b) => b.raw)).toEqual(["Wie geht ihr vor?", "Danke, das hilft uns sehr."]);
    expect(data.beitragsVersionen).toEqual([expect.objectContaining({ raw: "Danke, das hilft.", version: 1, postNumber: 3 })]);
    expect(data.aenderungsvorschlaege).toEqual([expect.objectContaining({ articleTitle: "Aufsuchende Arbeit", comment: "Ergänzung aus Duisburg", status: "offen" })]);
    expect(data.meldungen).toEqual([expect.objectContaining({ topicTitle: "Impfberatung ohne Versicherung", postNumber: 2, reason: "Enthält eine private Telefonnummer", status: "offen" })]);
    expect(data.projektNeuigkeiten).toEqual([expect.objectContaining({ projectTitle: "Quartiersbüro Hochfeld", body: "Zweite Sprechstunde eingerichtet." })]);
    expect(data.betrifftUnsAuch).toEqual([expect.objectContaining({ topicTitle: "Schulpflicht ab wann?" })]);
    const json = JSON.stringify(data);
    for (const foreign of ["admin@test.invalid", "kollege@test.invalid", "koord.do@test.invalid", "red@test.invalid"]) expect(json).not.toContain(foreign);
    expect(json).not.toMatch(/argon2|tokenHash|token_hash/);
  });
});

describe("DSGVO erasure", () => {
  let tablesWithAddressColumn: string[] = [];
  beforeAll(() => {
    // Precondition: the address really is spread over the tables and the mail folder before erasure.
    expect(mailTexts().filter((t) => t.includes(EMAIL)).length).toBeGreaterThanOrEqual(3);
    const { mailFiles: deleted } = deleteAccount(db, subject.id);
    expect(deleted).toBeGreaterThanOrEqual(3);
  });

  function tables() {
    return (db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[]).map((t) => t.name);
  }
  const columns = (table: string) => (db.$client.prepare(`select name, type from pragma_table_info(?)`).all(table) as { name: string; type: string }[]);

  it("every table with an e-mail or recipient column holds the address no more", () => {
    tablesWithAddressColumn = tables().filter((t) => columns(t).some((c) => /^(to|email)$|email|_to$|recipient/i.test(c.name)));
    // The ones we know of today – a new table with such a column is checked automatically.
    expect(tablesWithAddressColumn).toEqual(expect.arrayContaining(["users", "invitations", "mail_outbox", "reset_requests"]));
    for (const t of tablesWithAddressColumn) {
      for (const c of columns(t).filter((c) => /^(to|email)$|email|_to$|recipient/i.test(c.name))) {
        const n = (db.$client.prepare(`select count(*) as n from "${t}" where lower(cast("${c.name}" as text)) = ?`).get(EMAIL) as { n: number }).n;
        expect({ table: t, column: c.name, rows: n }).toEqual({ table: t, column: c.name, rows: 0 });
      }
    }
  });

  it("no text anywhere in the database contains the address or the name", () => {
    const found: string[] = [];
    for (const t of tables()) {
      for (const c of columns(t)) {
        for (const needle of [EMAIL, NAME.toLowerCase()]) {
          const n = (db.$client.prepare(`select count(*) as n from "${t}" where instr(lower(cast("${c.name}" as text)), ?) > 0`).get(needle) as { n: number }).n;
          if (n > 0) found.push(`${t}.${c.name} (${needle === EMAIL ? "Adresse" : "Name"}): ${n}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("no stored .eml file contains the address; other people's mails stay", () => {
    expect(mailTexts().filter((t) => t.includes(EMAIL))).toEqual([]);
    expect(mailTexts().some((t) => t.includes("kollege@test.invalid"))).toBe(true);
    expect(existsSync(join(mailDir(), "zzz-weitergeleitet.eml"))).toBe(false);
  });

  it("the account cannot sign in, its content stays as 'ehemaliges Mitglied'", async () => {
    expect((await authenticate(db, EMAIL, TEST_PASSWORD, "10.0.0.10")).ok).toBe(false);
    expect(db.select({ n: users.name }).from(users).where(eq(users.id, subject.id)).get()!.n).toBe("ehemaliges Mitglied");
    expect(db.select().from(forumPosts).where(eq(forumPosts.authorId, subject.id)).all()).toHaveLength(2);
  });
});
