// Login throttling as an attacker would try it (docs/decisions/010-login-throttling.md): through the real
// /anmelden action, with the client address in x-sn-client-ip as scripts/server.ts sets it, and a moved clock.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser, TEST_PASSWORD } from "../setup/db";
import type { DB } from "../../db/client";
import { mailOutbox } from "../../db/schema/index";
import { action as loginAction } from "~/routes/anmelden";
import { action as resetAction } from "~/routes/passwort-vergessen.$token";
import { processResetRequests, requestPasswordReset } from "~/models/user.server";

let db: DB;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDb());
});
afterAll(() => cleanup());
beforeEach(() => {
  globalThis.__loginThrottle = undefined;
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-02T10:00:00Z") });
});
afterEach(() => vi.useRealTimers());

type Outcome = { status: number; retryAfter: string | null; signedIn: boolean };

async function login(email: string, password: string, ip: string): Promise<Outcome> {
  const request = new Request("http://localhost:3000/anmelden", {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    headers: { "x-sn-client-ip": ip },
  });
  const r = (await loginAction({ request, params: {}, context: {} })) as unknown;
  if (r instanceof Response) return { status: r.status, retryAfter: r.headers.get("Retry-After"), signedIn: /sn_session=/.test(r.headers.get("Set-Cookie") ?? "") };
  const d = r as { init: { status: number; headers?: Record<string, string> } };
  return { status: d.init.status, retryAfter: d.init.headers?.["Retry-After"] ?? null, signedIn: false };
}

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
const WRONG = "falsches passwort, geraten";

describe("a distributed attack on one account", () => {
  it("150 wrong passwords from 150 addresses in 75 s do not stop the owner, neither by password nor by reset link", async () => {
    await makeUser(db, "mitglied", "dortmund", "opfer@test.invalid");
    for (let i = 0; i < 150; i++) {
      const r = await login("opfer@test.invalid", WRONG, `203.0.113.${i}`);
      expect(r.status).toBe(400); // each address fails once: nothing to throttle yet
      advance(500);
    }
    // The owner, from their own (clean) address, right away:
    expect(await login("opfer@test.invalid", TEST_PASSWORD, "198.51.100.7")).toMatchObject({ status: 302, signedIn: true });

    // …and through the e-mailed reset link, at once, while the attack goes on.
    requestPasswordReset(db, "opfer@test.invalid");
    processResetRequests(db);
    const mail = db.select().from(mailOutbox).where(eq(mailOutbox.to, "opfer@test.invalid")).all().at(-1)!;
    const token = /passwort-vergessen\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    for (let i = 0; i < 10; i++) await login("opfer@test.invalid", WRONG, `203.0.113.${i}`);
    const reset = (await resetAction({
      request: new Request(`http://localhost:3000/passwort-vergessen/${token}`, {
        method: "POST",
        body: new URLSearchParams({ password: "mein neues sicheres passwort", password2: "mein neues sicheres passwort" }),
      }),
      params: { token },
      context: {},
    })) as Response;
    expect(reset.status).toBe(302);
    expect(reset.headers.get("Set-Cookie")).toMatch(/sn_session=/); // signed in by the link itself
    expect(await login("opfer@test.invalid", "mein neues sicheres passwort", "198.51.100.7")).toMatchObject({ status: 302, signedIn: true });
  }, 120_000);

  it("one address hammering one account is slowed down, with Retry-After, for at most 15 minutes", async () => {
    await makeUser(db, "mitglied", "dortmund", "ziel@test.invalid");
    for (let i = 0; i < 5; i++) expect((await login("ziel@test.invalid", WRONG, "192.0.2.1")).status).toBe(400);
    let blocked = await login("ziel@test.invalid", WRONG, "192.0.2.1");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    // Keep trying for an hour: the wait never exceeds 15 minutes.
    for (let i = 0; i < 40; i++) {
      advance(Number(blocked.retryAfter) * 1000);
      blocked = await login("ziel@test.invalid", WRONG, "192.0.2.1");
      if (blocked.status === 429) expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(900);
    }
    // Meanwhile the owner from another address is not refused at all.
    expect(await login("ziel@test.invalid", TEST_PASSWORD, "198.51.100.8")).toMatchObject({ status: 302 });
    // And the attacker's own pair is free again 15 minutes after it stopped.
    advance(15 * 60_000 + 1000);
    expect(await login("ziel@test.invalid", TEST_PASSWORD, "192.0.2.1")).toMatchObject({ status: 302 });
  }, 120_000);
});

describe("many accounts from one address (NAT)", () => {
  it("a colleague behind the same address signs in although another account failed there", async () => {
    await makeUser(db, "mitglied", "dortmund", "vergesslich@test.invalid");
    await makeUser(db, "mitglied", "dortmund", "kollegin@test.invalid");
    for (let i = 0; i < 12; i++) await login("vergesslich@test.invalid", WRONG, "10.20.30.40");
    expect((await login("vergesslich@test.invalid", TEST_PASSWORD, "10.20.30.40")).status).toBe(429);
    expect(await login("kollegin@test.invalid", TEST_PASSWORD, "10.20.30.40")).toMatchObject({ status: 302, signedIn: true });
  });

  it("the global ceiling per address stops spraying across accounts, for at most 15 minutes, and only that address", async () => {
    await makeUser(db, "mitglied", "duisburg", "spray-opfer@test.invalid");
    for (let i = 0; i < 100; i++) expect((await login(`konto${i}@test.invalid`, WRONG, "100.64.0.1")).status).toBe(400);
    const r = await login("spray-opfer@test.invalid", TEST_PASSWORD, "100.64.0.1");
    expect(r.status).toBe(429);
    expect(Number(r.retryAfter)).toBeGreaterThan(0);
    expect(Number(r.retryAfter)).toBeLessThanOrEqual(900);
    // Refused attempts do not extend the block.
    for (let i = 0; i < 20; i++) await login(`konto${i}@test.invalid`, WRONG, "100.64.0.1");
    expect(await login("spray-opfer@test.invalid", TEST_PASSWORD, "100.64.0.2")).toMatchObject({ status: 302 });
    advance(15 * 60_000);
    expect(await login("spray-opfer@test.invalid", TEST_PASSWORD, "100.64.0.1")).toMatchObject({ status: 302 });
  }, 120_000);
});
