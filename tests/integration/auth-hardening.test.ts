// Secrets, signed tokens, reset links, sessions, "Passwort vergessen" and "betrifft uns auch" – each as a user
// or an attacker would notice it, through the real routes where that is what they would use.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHmac, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createCookie } from "@remix-run/node";
import { createTestDb, makeUser, TEST_PASSWORD } from "../setup/db";
import type { DB } from "../../db/client";
import { appSecrets, invitations, mailOutbox, resetRequests, topicConcerns, userTokens, users } from "../../db/schema/index";
import { resetEnvCache } from "~/services/env.server";
import { signPayload } from "~/services/tokens.server";
import { createUserSession, getUser } from "~/services/auth.server";
import { flashHeader, readFlash } from "~/services/flash.server";
import {
  changePassword,
  createInvitation,
  findValidInvitation,
  isValidResetToken,
  processResetRequests,
  requestPasswordReset,
  resetPassword,
  RESET_BATCH_DELAY_MS,
  RESET_MAILS_PER_HOUR,
} from "~/models/user.server";
import { unsubscribeToken } from "~/models/notification.server";
import { createTopic, ensureCategories, getCategory, type Actor } from "~/models/forum.server";
import { settleClearing, submitToClearing } from "~/models/clearing.server";
import { action as abbestellenAction, loader as abbestellenLoader } from "~/routes/abbestellen.$token";
import { action as forgotAction } from "~/routes/passwort-vergessen._index";
import { action as topicAction, loader as topicLoader } from "~/routes/forum.$kategorie.$themaId";

let db: DB;
let path: string;
let cleanup: () => void;
beforeAll(() => {
  ({ db, path, cleanup } = createTestDb());
  ensureCategories(db);
});
afterAll(() => cleanup());
afterEach(() => {
  vi.useRealTimers();
  delete process.env.SESSION_SECRET;
  process.env.PUBLIC_URL = "http://localhost:3000";
  resetEnvCache();
  globalThis.__lucia = undefined;
});

const cookieOf = (setCookie: string) => setCookie.split(";")[0];
const withCookie = (setCookie: string, url = "http://localhost:3000/konto", init: RequestInit = {}) =>
  new Request(url, { ...init, headers: { Cookie: cookieOf(setCookie), ...init.headers } });
const tokenFrom = (text: string) => /passwort-vergessen\/([A-Za-z0-9_-]+)/.exec(text)![1];
function hmacToken(key: string, payload: string) {
  const body = Buffer.from(payload).toString("base64url");
  return `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
}
async function status(p: Promise<unknown> | (() => unknown)): Promise<number> {
  try {
    const r = await (typeof p === "function" ? p() : p);
    if (r instanceof Response) return r.status;
    return (r as { init?: { status?: number } } | null)?.init?.status ?? 200; // data(…, { status })
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("no secret derived from configuration", () => {
  it("without SESSION_SECRET a random 32-byte secret is generated once and kept in the database", () => {
    const u = "00000000-0000-4000-8000-000000000001";
    const t1 = signPayload("abbestellen", u);
    const row = db.select().from(appSecrets).where(eq(appSecrets.name, "signing")).get()!;
    expect(Buffer.from(row.value, "base64url").length).toBe(32);
    expect(row.value).not.toContain(path);
    expect(signPayload("abbestellen", u)).toBe(t1); // stable: same secret on the next use
    expect(db.select().from(appSecrets).all()).toHaveLength(1);
  });

  it("an unsubscribe token signed with any key but the configured secret gets 400 and changes nothing", async () => {
    const victim = await makeUser(db, "redaktion", undefined, "redakteurin@test.invalid");
    const generated = db.select().from(appSecrets).get()!.value;
    process.env.SESSION_SECRET = "konfiguriertes-geheimnis-mit-mehr-als-32-zeichen";
    resetEnvCache();
    const payload = `v1.abbestellen.${victim.id}.0`;
    const forged = [
      hmacToken(`staedtenetz:file:${path}`, `abbestellen:${victim.id}`), // the old DATABASE_URL-derived key and format
      hmacToken(`staedtenetz:file:${path}`, payload),
      hmacToken(generated, payload), // the development secret of the database
      hmacToken(randomBytes(32).toString("base64url"), payload),
      hmacToken(process.env.SESSION_SECRET, payload), // the raw secret instead of the derived token key
    ];
    for (const token of forged) {
      expect(await status(abbestellenLoader({ request: new Request(`http://localhost:3000/abbestellen/${token}`), params: { token }, context: {} }))).toBe(400);
      const post = new Request(`http://localhost:3000/abbestellen/${token}`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) });
      expect(await status(abbestellenAction({ request: post, params: { token }, context: {} }))).toBe(400);
    }
    expect(db.select({ p: users.emailPref }).from(users).where(eq(users.id, victim.id)).get()!.p).toBe("sofort");
    // The real token works (and is long-lived, but expires: one year).
    const real = unsubscribeToken(victim.id);
    expect(Number(Buffer.from(real.split(".")[0], "base64url").toString().split(".")[3]) * 1000 - Date.now()).toBeGreaterThan(364 * 86_400_000);
    const post = new Request(`http://localhost:3000/abbestellen/${real}`, { method: "POST", body: new URLSearchParams({}) });
    expect(await status(abbestellenAction({ request: post, params: { token: real }, context: {} }))).toBe(200);
    expect(db.select({ p: users.emailPref }).from(users).where(eq(users.id, victim.id)).get()!.p).toBe("nie");
  });

  it("an unsubscribe token is refused after a year", async () => {
    const u = await makeUser(db, "mitglied", "dortmund");
    const token = unsubscribeToken(u.id);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 366 * 86_400_000 });
    expect(await status(abbestellenLoader({ request: new Request(`http://localhost:3000/abbestellen/${token}`), params: { token }, context: {} }))).toBe(400);
  });

  it("the flash cookie refuses a cookie signed with the old configuration-derived key", async () => {
    const old = createCookie("sn_flash", { secrets: [`flash:file:${path}`], path: "/" });
    const forged = await old.serialize("Ihr Konto wurde gesperrt. Melden Sie sich bei evil.example.");
    expect((await readFlash(new Request("http://localhost:3000/", { headers: { Cookie: cookieOf(forged) } }))).message).toBeNull();
    const own = await flashHeader("Gespeichert.");
    expect((await readFlash(new Request("http://localhost:3000/", { headers: { Cookie: cookieOf(own) } }))).message).toBe("Gespeichert.");
  });
});

describe("reset links", () => {
  async function linkFor(email: string) {
    requestPasswordReset(db, email);
    processResetRequests(db);
    return tokenFrom(db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).all().at(-1)!.text);
  }

  it("a password change ends every outstanding reset link; open invitations are unaffected", async () => {
    const admin = await makeUser(db, "admin");
    const u = await makeUser(db, "mitglied", "dortmund", "wechsel@test.invalid");
    const a = await linkFor("wechsel@test.invalid");
    const b = await linkFor("wechsel@test.invalid");
    const inv = createInvitation(db, { id: admin.id, name: "A" }, { email: "eingeladen@test.invalid", role: "mitglied", cityId: null });
    expect(isValidResetToken(db, a) && isValidResetToken(db, b)).toBe(true);
    expect(await changePassword(db, u.id, TEST_PASSWORD, "ein ganz anderes passwort")).toBe(true);
    expect(isValidResetToken(db, a)).toBe(false);
    expect(isValidResetToken(db, b)).toBe(false);
    expect(await resetPassword(db, b, "übernahme versuch 123")).toBeNull();
    expect(findValidInvitation(db, inv.token)).toBeTruthy();
  });

  it("using one reset link ends the others", async () => {
    await makeUser(db, "mitglied", "dortmund", "zwei-links@test.invalid");
    const a = await linkFor("zwei-links@test.invalid");
    const b = await linkFor("zwei-links@test.invalid");
    expect(await resetPassword(db, b, "das neue passwort 2026")).toBeTruthy();
    expect(await resetPassword(db, a, "älterer link passwort")).toBeNull();
  });

  it("at most three reset mails per account and hour", async () => {
    await makeUser(db, "mitglied", "dortmund", "viele@test.invalid");
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 3; i++) requestPasswordReset(db, "viele@test.invalid");
    processResetRequests(db);
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.to, "viele@test.invalid")).all()).toHaveLength(RESET_MAILS_PER_HOUR);
    expect(db.select().from(resetRequests).all()).toHaveLength(0);
  });
});

describe("/passwort-vergessen does the same work for known and unknown addresses", () => {
  const totalChanges = () => (db.$client.prepare("select total_changes() as n").get() as { n: number }).n;
  async function changesDuring(fn: () => Promise<unknown>) {
    const before = totalChanges();
    const result = await fn();
    return { result, writes: totalChanges() - before }; // measured before the background batch ran
  }
  async function submit(email: string, ip: string) {
    const request = new Request("http://localhost:3000/passwort-vergessen", { method: "POST", body: new URLSearchParams({ email }), headers: { "x-sn-client-ip": ip } });
    return forgotAction({ request, params: {}, context: {} });
  }
  it("same answer, same writes on the request path; the mail is built afterwards, only for the real account", async () => {
    await makeUser(db, "mitglied", "dortmund", "bekannt@test.invalid");
    const outboxBefore = db.select().from(mailOutbox).all().length;
    const known = await changesDuring(() => submit("bekannt@test.invalid", "10.7.0.1"));
    expect(db.select().from(mailOutbox).all().length).toBe(outboxBefore); // nothing built on the request path
    await new Promise((r) => setTimeout(r, RESET_BATCH_DELAY_MS + 100));
    const unknown = await changesDuring(() => submit("unbekannt-xyz@test.invalid", "10.7.0.2"));
    expect(known.result).toEqual(unknown.result);
    expect(known.writes).toBe(unknown.writes);
    expect(known.writes).toBe(1); // one recorded request each
    // Off the request path (a batch after the response), the known address gets its link, the unknown nothing.
    await new Promise((r) => setTimeout(r, RESET_BATCH_DELAY_MS + 100));
    const mails = db.select().from(mailOutbox).all().slice(outboxBefore);
    expect(mails.map((m) => m.to)).toEqual(["bekannt@test.invalid"]);
    expect(db.select().from(resetRequests).all()).toHaveLength(0);
  });
  it("its 429 carries Retry-After", async () => {
    let last: unknown;
    for (let i = 0; i < 6; i++) last = await submit(`x${i}@test.invalid`, "10.7.9.9");
    const r = last as { init: { status: number; headers: Record<string, string> } };
    expect(r.init.status).toBe(429);
    expect(Number(r.init.headers["Retry-After"])).toBeGreaterThan(0);
  });
});

describe("sessions", () => {
  it("end after 7 idle days", async () => {
    const u = await makeUser(db, "mitglied", "dortmund");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-02T10:00:00Z") });
    const c = await createUserSession(u.id);
    vi.setSystemTime(Date.now() + 6 * 86_400_000);
    expect(await getUser(withCookie(c))).not.toBeNull(); // used on day 6: idle deadline moves to day 13
    vi.setSystemTime(Date.now() + 6.9 * 86_400_000);
    expect(await getUser(withCookie(c))).not.toBeNull();
    vi.setSystemTime(Date.now() + 7 * 86_400_000 + 60_000);
    expect(await getUser(withCookie(c))).toBeNull();
  });

  it("end 30 days after sign-in however active", async () => {
    const u = await makeUser(db, "mitglied", "dortmund");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-02T10:00:00Z") });
    const c = await createUserSession(u.id);
    for (let day = 1; day < 30; day++) {
      vi.setSystemTime(new Date("2026-12-02T10:00:00Z").getTime() + day * 86_400_000);
      expect(await getUser(withCookie(c))).not.toBeNull();
    }
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z").getTime() + 30 * 86_400_000 + 1000);
    expect(await getUser(withCookie(c))).toBeNull();
  });

  it("a session without created_at (from before this release) is ended at its next use", async () => {
    const u = await makeUser(db, "mitglied", "dortmund");
    const c = await createUserSession(u.id);
    db.$client.prepare("update sessions set created_at = null where user_id = ?").run(u.id);
    expect(await getUser(withCookie(c))).toBeNull();
  });

  it("use the __Host- cookie prefix under https (Secure, Path=/, no Domain)", async () => {
    process.env.PUBLIC_URL = "https://staedtenetz.example";
    resetEnvCache();
    globalThis.__lucia = undefined;
    const u = await makeUser(db, "mitglied", "dortmund");
    const c = await createUserSession(u.id);
    expect(c).toMatch(/^__Host-sn_session=/);
    expect(c).toMatch(/; Secure/);
    expect(c).toMatch(/; Path=\//);
    expect(c).not.toMatch(/Domain=/i);
    expect(await getUser(withCookie(c, "https://staedtenetz.example/konto"))).not.toBeNull();
    expect(await flashHeader("x")).toMatch(/^__Host-sn_flash=.*; Path=\/.*; Secure/);
  });
});

describe("betrifft uns auch", () => {
  const people: Record<string, Actor & { cookie: string }> = {};
  let topicId: number;
  beforeAll(async () => {
    for (const [key, role, city] of [
      ["koordDortmund", "koordination", "dortmund"],
      ["mitgliedDortmund", "mitglied", "dortmund"],
      ["mitgliedDuisburg", "mitglied", "duisburg"],
      ["kollegeDuisburg", "mitglied", "duisburg"],
      ["koordDuisburg", "koordination", "duisburg"],
      ["redaktion", "redaktion", undefined],
    ] as const) {
      const u = await makeUser(db, role, city);
      const name = db.select({ name: users.name }).from(users).where(eq(users.id, u.id)).get()!.name;
      people[key] = { id: u.id, role, cityId: u.cityId, name, cookie: "" };
    }
    const cat = getCategory(db, "clearingstelle", people.koordDortmund)!;
    topicId = createTopic(db, { category: cat, title: "Schulpflicht ab wann?", raw: "Ab Anmeldung oder ab Zuzug?", handlungsfelder: [], staedte: [] }, people.koordDortmund);
  });
  async function press(key: string, intent: "concern" | "unconcern") {
    const cookie = await createUserSession(people[key].id);
    const request = withCookie(cookie, `http://localhost:3000/forum/clearingstelle/${topicId}`, { method: "POST", body: new URLSearchParams({ intent }) });
    return status(topicAction({ request, params: { kategorie: "clearingstelle", themaId: String(topicId) }, context: {} }));
  }
  const marks = () => db.select().from(topicConcerns).where(eq(topicConcerns.topicId, topicId)).all();
  async function shown(key: string) {
    const cookie = await createUserSession(people[key].id);
    const d = (await topicLoader({ request: withCookie(cookie, `http://localhost:3000/forum/clearingstelle/${topicId}`), params: { kategorie: "clearingstelle", themaId: String(topicId) }, context: {} })) as {
      clearing: { canConcern: boolean; canUnconcern: boolean };
    };
    return d.clearing;
  }

  it("is refused while the topic is still offen, and for the topic's own city", async () => {
    expect(await press("mitgliedDuisburg", "concern")).toBe(403);
    submitToClearing(db, topicId, "", people.koordDortmund);
    expect(await press("mitgliedDortmund", "concern")).toBe(403);
    expect(await press("koordDortmund", "concern")).toBe(403);
    expect(await press("redaktion", "concern")).toBe(403); // no city to speak for
    expect(marks()).toHaveLength(0);
    expect((await shown("mitgliedDortmund")).canConcern).toBe(false);
    expect((await shown("mitgliedDuisburg")).canConcern).toBe(true);
  });

  it("one mark per city: a double click or a colleague does not undo it; only the setter or the city's coordination removes it", async () => {
    expect(await press("mitgliedDuisburg", "concern")).toBe(302);
    expect(await press("mitgliedDuisburg", "concern")).toBe(302); // double click
    expect(await press("kollegeDuisburg", "concern")).toBe(302);
    expect(marks()).toHaveLength(1);
    expect(marks()[0].userId).toBe(people.mitgliedDuisburg.id);
    // The colleague cannot remove it (and is not offered to).
    expect((await shown("kollegeDuisburg")).canUnconcern).toBe(false);
    expect(await press("kollegeDuisburg", "unconcern")).toBe(400); // answered with a German error message
    expect(marks()).toHaveLength(1);
    // Dortmund cannot remove Duisburg's mark.
    expect(await press("koordDortmund", "unconcern")).toBe(302);
    expect(marks()).toHaveLength(1);
    // The Duisburg coordination can.
    expect((await shown("koordDuisburg")).canUnconcern).toBe(true);
    expect(await press("koordDuisburg", "unconcern")).toBe(302);
    expect(marks()).toHaveLength(0);
    // The setter can remove an own mark.
    expect(await press("mitgliedDuisburg", "concern")).toBe(302);
    expect(await press("mitgliedDuisburg", "unconcern")).toBe(302);
    expect(marks()).toHaveLength(0);
  });

  it("is refused once the Clearingstelle settled the topic", async () => {
    settleClearing(db, topicId, { outcome: "geklaert", reason: "Ab Wohnsitznahme." }, people.redaktion);
    expect(await press("mitgliedDuisburg", "concern")).toBe(403);
    expect(db.select().from(topicConcerns).where(and(eq(topicConcerns.topicId, topicId))).all()).toHaveLength(0);
  });
});

describe("invitations table untouched by reset work", () => {
  it("has no rows changed by reset processing", () => {
    const before = JSON.stringify(db.select().from(invitations).all());
    requestPasswordReset(db, "eingeladen@test.invalid");
    processResetRequests(db);
    expect(JSON.stringify(db.select().from(invitations).all())).toBe(before);
    expect(db.select().from(userTokens).all().every((t) => t.purpose === "passwort-reset")).toBe(true);
  });
});
