import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { readdirSync, readFileSync } from "node:fs";
import { createTestDb, makeUser, TEST_PASSWORD } from "../setup/db";
import type { DB } from "../../db/client";
import { auditLog, invitations, mailOutbox, userTokens, users } from "../../db/schema/index";
import {
  acceptInvitation,
  authenticate,
  changePassword,
  createInvitation,
  findValidInvitation,
  isValidResetToken,
  processResetRequests,
  requestPasswordReset,
  resetPassword,
  setUserDisabled,
  setUserRole,
  LOGIN_FAILED_MESSAGE,
} from "~/models/user.server";
import { createUserSession, getUser } from "~/services/auth.server";
import { deliverPendingMail } from "~/services/mail.server";
import { loginThrottle } from "~/services/rate-limit.server";
import { action as inviteAction } from "~/routes/verwaltung.einladungen";
import { loader as adminUsersLoader } from "~/routes/verwaltung.benutzer";

let db: DB;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDb());
});
afterAll(() => cleanup());

function requestWithCookie(cookieHeader: string, url = "http://localhost:3000/konto", init: RequestInit = {}) {
  const cookie = cookieHeader.split(";")[0];
  return new Request(url, { ...init, headers: { Cookie: cookie, ...init.headers } });
}

describe("sign-in", () => {
  it("gives the same message for a wrong password and an unknown account", async () => {
    const u = await makeUser(db, "mitglied", "dortmund", "same.message@test.invalid");
    const wrong = await authenticate(db, "same.message@test.invalid", "falsches passwort!", "10.0.0.1");
    const unknown = await authenticate(db, "niemand@test.invalid", "falsches passwort!", "10.0.0.2");
    expect(wrong).toEqual({ ok: false, message: LOGIN_FAILED_MESSAGE });
    expect(unknown).toEqual({ ok: false, message: LOGIN_FAILED_MESSAGE });
    const ok = await authenticate(db, "Same.Message@test.invalid ", TEST_PASSWORD, "10.0.0.3");
    expect(ok).toEqual({ ok: true, userId: u.id });
  });

  it("throttles after 5 failures in a row per (account, address) pair, not the account from elsewhere", async () => {
    await makeUser(db, "mitglied", "dortmund", "throttle@test.invalid");
    for (let i = 0; i < 5; i++) await authenticate(db, "throttle@test.invalid", "falsch falsch falsch", "10.1.0.1");
    const blocked = await authenticate(db, "throttle@test.invalid", TEST_PASSWORD, "10.1.0.1");
    expect(blocked.ok).toBe(false);
    expect(blocked.ok === false && blocked.waitSeconds).toBeGreaterThan(0);
    // The same account from another address is not locked (no per-account lock anybody could extend).
    expect((await authenticate(db, "throttle@test.invalid", TEST_PASSWORD, "10.1.1.1")).ok).toBe(true);
  });

  it("delays grow with further failures, capped at 15 minutes", () => {
    const t = loginThrottle();
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) t.fail("k", "ip", now);
    const first = t.check("k", "ip", now).waitSeconds;
    t.fail("k", "ip", now);
    t.fail("k", "ip", now);
    expect(t.check("k", "ip", now).waitSeconds).toBeGreaterThan(first);
    for (let i = 0; i < 40; i++) t.fail("k", "ip", now);
    expect(t.check("k", "ip", now).waitSeconds).toBe(900);
  });

  it("issues a new session id at every sign-in", async () => {
    const u = await makeUser(db, "mitglied", "duisburg");
    const a = await createUserSession(u.id);
    const b = await createUserSession(u.id);
    expect(a.split(";")[0]).not.toBe(b.split(";")[0]);
    expect(a).toMatch(/HttpOnly/);
    expect(a).toMatch(/SameSite=Lax/);
    expect(a).not.toMatch(/Secure/); // PUBLIC_URL is http in tests
  });
});

describe("sessions end on password change, role change and disabling", () => {
  it("password change", async () => {
    const u = await makeUser(db, "mitglied", "dortmund");
    const cookie = await createUserSession(u.id);
    expect(await getUser(requestWithCookie(cookie))).not.toBeNull();
    expect(await changePassword(db, u.id, TEST_PASSWORD, "ein ganz neues passwort")).toBe(true);
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
  });
  it("role change", async () => {
    const admin = await makeUser(db, "admin");
    const u = await makeUser(db, "mitglied", "dortmund");
    const cookie = await createUserSession(u.id);
    await setUserRole(db, admin.id, u.id, "moderation", null);
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
    const log = db.select().from(auditLog).where(eq(auditLog.entityId, u.id)).all();
    expect(log.some((l) => l.action === "user.role")).toBe(true);
  });
  it("disabled user", async () => {
    const admin = await makeUser(db, "admin");
    const u = await makeUser(db, "mitglied", "dortmund", "disabled@test.invalid");
    const cookie = await createUserSession(u.id);
    await setUserDisabled(db, admin.id, u.id, true);
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
    expect((await authenticate(db, "disabled@test.invalid", TEST_PASSWORD, "10.3.0.1")).ok).toBe(false);
  });
});

describe("invitations", () => {
  it("are stored only as a hash, used once, and expire", async () => {
    const admin = await makeUser(db, "admin");
    const inv = createInvitation(db, { id: admin.id, name: "A" }, { email: "Neu@Test.invalid", role: "mitglied", cityId: null });
    const row = db.select().from(invitations).where(eq(invitations.id, inv.id)).get()!;
    expect(row.tokenHash).not.toContain(inv.token);
    expect(JSON.stringify(row)).not.toContain(inv.token);
    expect(inv.link).toBe(`http://localhost:3000/registrieren/${inv.token}`);
    expect(Math.round((row.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);
    const userId = await acceptInvitation(db, inv.token, { name: "Neue Person", password: "ein sicheres passwort" });
    expect(userId).toBeTruthy();
    expect(await acceptInvitation(db, inv.token, { name: "Zweiter Versuch", password: "ein sicheres passwort" })).toBeNull();
    expect(findValidInvitation(db, inv.token)).toBeUndefined();

    const old = createInvitation(db, { id: admin.id, name: "A" }, { email: "alt@test.invalid", role: "mitglied", cityId: null });
    db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, old.id)).run();
    expect(await acceptInvitation(db, old.token, { name: "Zu spät", password: "ein sicheres passwort" })).toBeNull();
  });

  it("send an e-mail whose link comes from PUBLIC_URL", async () => {
    const admin = await makeUser(db, "admin");
    const inv = createInvitation(db, { id: admin.id, name: "A" }, { email: "mail@test.invalid", role: "mitglied", cityId: null });
    await deliverPendingMail(db);
    const files = readdirSync(process.env.MAIL_DIR!).map((f) => readFileSync(`${process.env.MAIL_DIR}/${f}`, "utf8").replace(/=\r?\n/g, ""));
    expect(files.some((f) => f.includes(inv.link) && f.includes("To: mail@test.invalid"))).toBe(true);
    expect(db.select().from(mailOutbox).all().every((m) => m.sentAt)).toBe(true);
  });

  it("a Dortmund coordinator cannot invite to Duisburg or invite a coordinator (server-side)", async () => {
    const k = await makeUser(db, "koordination", "dortmund");
    const cookie = await createUserSession(k.id);
    const cities = db.$client.prepare("select id, slug from cities").all() as { id: number; slug: string }[];
    const duisburg = cities.find((c) => c.slug === "duisburg")!.id;
    const dortmund = cities.find((c) => c.slug === "dortmund")!.id;
    const post = (fields: Record<string, string>) =>
      inviteAction({
        request: requestWithCookie(cookie, "http://localhost:3000/verwaltung/einladungen", { method: "POST", body: new URLSearchParams(fields) }),
        params: {},
        context: {},
      });
    await expect(post({ email: "x@test.invalid", role: "mitglied", cityId: String(duisburg) })).rejects.toMatchObject({ status: 403 });
    await expect(post({ email: "y@test.invalid", role: "koordination", cityId: String(dortmund) })).rejects.toMatchObject({ status: 403 });
    const ok = (await post({ email: "z@test.invalid", role: "mitglied", cityId: String(dortmund) })) as { ok: boolean };
    expect(ok.ok).toBe(true);
    // …and cannot open the user administration.
    await expect(adminUsersLoader({ request: requestWithCookie(cookie, "http://localhost:3000/verwaltung/benutzer"), params: {}, context: {} })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("password reset", () => {
  it("single-use link that expires after one hour; silent for unknown accounts", async () => {
    const u = await makeUser(db, "mitglied", "dortmund", "reset@test.invalid");
    const before = db.select().from(mailOutbox).all().length;
    requestPasswordReset(db, "unbekannt@test.invalid");
    processResetRequests(db);
    expect(db.select().from(mailOutbox).all().length).toBe(before);
    requestPasswordReset(db, "reset@test.invalid");
    processResetRequests(db);
    const mail = db.select().from(mailOutbox).all().at(-1)!;
    const token = /passwort-vergessen\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const row = db.select().from(userTokens).where(eq(userTokens.userId, u.id)).get()!;
    expect(row.tokenHash).not.toBe(token);
    expect(Math.round((row.expiresAt.getTime() - Date.now()) / 60_000)).toBe(60);
    expect(isValidResetToken(db, token)).toBe(true);
    const cookie = await createUserSession(u.id);
    expect(await resetPassword(db, token, "brandneues passwort 1")).toBe(u.id);
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
    expect(await resetPassword(db, token, "noch ein passwort 22")).toBeNull();
    expect((await authenticate(db, "reset@test.invalid", "brandneues passwort 1", "10.9.0.1")).ok).toBe(true);

    requestPasswordReset(db, "reset@test.invalid");
    processResetRequests(db);
    const token2 = /passwort-vergessen\/([A-Za-z0-9_-]+)/.exec(db.select().from(mailOutbox).all().at(-1)!.text)![1];
    db.$client.prepare("update user_tokens set expires_at = ? where used_at is null").run(Date.now() - 1);
    expect(await resetPassword(db, token2, "abgelaufenes passwort")).toBeNull();
  });
});

describe("loaders return no secrets", () => {
  it("the admin user list has no password hashes or tokens", async () => {
    const admin = await makeUser(db, "admin");
    const cookie = await createUserSession(admin.id);
    const data = await adminUsersLoader({ request: requestWithCookie(cookie, "http://localhost:3000/verwaltung/benutzer"), params: {}, context: {} });
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/argon2/);
    expect(json).not.toMatch(/passwordHash|password_hash|tokenHash/);
    expect(db.select({ h: users.passwordHash }).from(users).all()[0].h).toMatch(/^\$argon2id\$/);
  });
});
