// Mail outbox, exactly once (issue 11) and without usable tokens once sent (issue 12): real migrations on a
// temp SQLite file, real SMTP traffic to a loopback sink (tests/setup/smtp-sink.ts), the clock moved by
// passing `now` instead of waiting.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { startSmtpSink, headerOf, type SmtpSink } from "../setup/smtp-sink";
import { openDatabase, type DB } from "../../db/client";
import { mailOutbox, users } from "../../db/schema/index";
import { resetEnvCache } from "~/services/env.server";
import {
  BACKOFF_MS,
  GIVE_UP_AFTER_MS,
  RETRY_LATER_MS,
  SENT_BODY_RETENTION_MS,
  deliverPendingMail,
  enqueueMail,
  kickMailDelivery,
  listOutbox,
  mailDeliveryIdle,
  outboxCounts,
  resendFailedMail,
  stopMailWorker,
} from "~/services/mail.server";
import { notify } from "~/models/notification.server";
import { createInvitation, processResetRequests, requestPasswordReset } from "~/models/user.server";
import { createUserSession } from "~/services/auth.server";
import { auditLog } from "../../db/schema/index";
import { action as mailAction, loader as mailLoader } from "~/routes/verwaltung.mail";

let db: DB;
let path: string;
let cleanup: () => void;
let sink: SmtpSink;
const extra: DB[] = [];

beforeAll(async () => {
  ({ db, path, cleanup } = createTestDb());
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  resetEnvCache();
});
afterAll(async () => {
  await stopMailWorker();
  await sink.close();
  for (const d of extra) d.$client.close();
  delete process.env.SMTP_URL;
  resetEnvCache();
  cleanup();
});
beforeEach(async () => {
  await sink.up();
  sink.setDelay(0);
  sink.deliveries.length = 0;
  db.delete(mailOutbox).run();
});
afterEach(async () => {
  await mailDeliveryIdle();
});

/** A second connection to the same file: what another server process would have. */
function otherProcess(): DB {
  const d = openDatabase(`file:${path}`).db;
  extra.push(d);
  return d;
}

const outbox = () => db.select().from(mailOutbox).orderBy(mailOutbox.id).all();
const clockAt = (t: number) => () => t;

async function usersWithPref(n: number, pref: "sofort" | "taeglich") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = await makeUser(db, "mitglied", "dortmund");
    db.update(users).set({ emailPref: pref }).where(eq(users.id, u.id)).run();
    ids.push(u.id);
  }
  return ids;
}

function notifyAll(ids: string[], message: string) {
  db.transaction((tx) => notify(tx, ids, { kind: "antwort", topicId: null, actorId: null, message, url: "/forum/allgemeines/1" }));
}

function recipientsOf(deliveries: SmtpSink["deliveries"]) {
  const counts = new Map<string, number>();
  for (const d of deliveries) for (const r of d.to) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

describe("exactly once", () => {
  it("30 notifications over an 800 ms relay give 30 deliveries despite wakes and two concurrent processes", async () => {
    const ids = await usersWithPref(30, "sofort");
    sink.setDelay({ END: 800 });
    notifyAll(ids, "Neue Antwort im Thema Krankenversicherung");
    expect(outbox()).toHaveLength(30);

    // Requests wake the loop several times, while two other "processes" run their own passes.
    const p2 = otherProcess();
    const p3 = otherProcess();
    kickMailDelivery(db);
    const passes = [deliverPendingMail(p2), deliverPendingMail(p3)];
    for (let i = 0; i < 5; i++) {
      kickMailDelivery(db);
      await new Promise((r) => setTimeout(r, 150));
    }
    const results = await Promise.all(passes);
    await mailDeliveryIdle();

    expect(sink.deliveries).toHaveLength(30);
    const counts = recipientsOf(sink.deliveries);
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = outbox();
    expect(rows.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
    // Both other processes really took part (the claim, not luck, kept them apart).
    expect(results.reduce((s, r) => s + r.sent, 0)).toBeGreaterThan(0);
    // Each outbox row carries its own stable Message-ID.
    expect(new Set(sink.deliveries.map((d) => headerOf(d, "Message-ID"))).size).toBe(30);
  });

  it("a row claimed by a pass that died is sent again only after its lease ran out", async () => {
    enqueueMail(db, { to: "lease@test.invalid", subject: "Lease", text: "x" });
    const t0 = Date.now();
    // A pass in another process claimed the row and died before sending.
    db.$client.prepare("UPDATE mail_outbox SET claimed_until = ?, claim_token = 'dead', attempts = attempts + 1").run(t0 + 10 * 60_000);
    expect((await deliverPendingMail(db, { now: clockAt(t0 + 60_000) })).sent).toBe(0);
    expect(sink.deliveries).toHaveLength(0);
    expect((await deliverPendingMail(db, { now: clockAt(t0 + 10 * 60_000) })).sent).toBe(1);
    expect(sink.deliveries).toHaveLength(1);
    expect(outbox()[0]).toMatchObject({ status: "sent", attempts: 2, claimToken: null });
  });
});

describe("outage and backoff", () => {
  it("with SMTP down for 5 minutes, every queued mail waits and is delivered once when it is back", async () => {
    await sink.down();
    for (let i = 0; i < 6; i++) enqueueMail(db, { to: `antwort${i}@test.invalid`, subject: `Antwort ${i}`, text: "Text" });
    const t0 = Date.now();
    const first = await deliverPendingMail(db, { now: clockAt(t0) });
    expect(first).toMatchObject({ sent: 0, retry: 6, failed: 0 });

    // Requests during the outage wake the loop but burn no attempt: nothing is due yet.
    for (let i = 0; i < 4; i++) kickMailDelivery(db);
    await mailDeliveryIdle();
    expect(outbox().every((m) => m.attempts === 1)).toBe(true);

    // The server's loop keeps running once a minute for 5 minutes; SMTP comes back after 5.
    for (let minute = 1; minute <= 5; minute++) await deliverPendingMail(db, { now: clockAt(t0 + minute * 60_000) });
    expect(sink.deliveries).toHaveLength(0);
    await sink.up();
    for (let minute = 6; minute <= 10; minute++) await deliverPendingMail(db, { now: clockAt(t0 + minute * 60_000) });

    expect(sink.deliveries).toHaveLength(6);
    expect([...recipientsOf(sink.deliveries).values()].every((n) => n === 1)).toBe(true);
    const rows = outbox();
    expect(rows.every((m) => m.status === "sent" && m.lastError === null)).toBe(true);
    // Attempts at 0 min, 1 min (then +5 min) and 6 min: three, counted in SQL.
    expect(rows.map((m) => m.attempts)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it("retries after 1, 5, 15 and 60 minutes, then every 6 hours", async () => {
    await sink.down();
    enqueueMail(db, { to: "backoff@test.invalid", subject: "Backoff", text: "x" });
    let t = Date.now();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      await deliverPendingMail(db, { now: clockAt(t) });
      const row = outbox()[0];
      expect(row.attempts).toBe(i + 1);
      // Not due a moment earlier.
      await deliverPendingMail(db, { now: clockAt(row.nextAttemptAt!.getTime() - 1) });
      expect(outbox()[0].attempts).toBe(i + 1);
      waits.push(row.nextAttemptAt!.getTime() - t);
      t = row.nextAttemptAt!.getTime();
    }
    expect(waits).toEqual([...BACKOFF_MS, RETRY_LATER_MS, RETRY_LATER_MS, RETRY_LATER_MS]);
    expect(BACKOFF_MS).toEqual([60_000, 300_000, 900_000, 3_600_000]);
    expect(outbox()[0].lastError).toMatch(/ECONNREFUSED/);
  });

  it("gives up when the mail is 48 hours old, shows it as failed, and 'erneut senden' delivers it once", async () => {
    await sink.down();
    enqueueMail(db, { to: "spaet@test.invalid", subject: "Spät", text: "x" });
    const created = outbox()[0].createdAt.getTime();
    await deliverPendingMail(db, { now: clockAt(created + 47 * 3_600_000) });
    expect(outbox()[0].nextAttemptAt!.getTime()).toBe(created + 47 * 3_600_000 + BACKOFF_MS[0]);
    await deliverPendingMail(db, { now: clockAt(created + GIVE_UP_AFTER_MS - 30_000) });
    const waiting = outbox()[0];
    expect(waiting.status).toBe("pending");
    // The last try is scheduled for the moment the mail turns 48 hours old, not beyond.
    expect(waiting.nextAttemptAt!.getTime()).toBe(created + GIVE_UP_AFTER_MS);

    const r = await deliverPendingMail(db, { now: clockAt(created + GIVE_UP_AFTER_MS) });
    expect(r).toMatchObject({ failed: 1, retry: 0 });
    const failed = outbox()[0];
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(listOutbox(db, "failed")).toHaveLength(1);
    expect(outboxCounts(db)).toMatchObject({ failed: 1, pending: 0 });

    // Never tried again on its own.
    await sink.up();
    await deliverPendingMail(db, { now: clockAt(created + 100 * 3_600_000) });
    expect(sink.deliveries).toHaveLength(0);

    // "erneut senden", submitted twice: one reset, one delivery.
    expect(resendFailedMail(db, failed.id)).toBe(true);
    expect(resendFailedMail(db, failed.id)).toBe(false);
    await deliverPendingMail(db);
    await deliverPendingMail(db);
    expect(sink.deliveries).toHaveLength(1);
    expect(outbox()[0]).toMatchObject({ status: "sent", attempts: 1 });
    expect(resendFailedMail(db, failed.id)).toBe(false);
  });
});

describe("no usable token after sending", () => {
  it("redacts invitation, reset and unsubscribe tokens when the mail is marked sent, and deletes bodies after 7 days", async () => {
    const admin = await makeUser(db, "admin");
    const inv = createInvitation(db, { id: admin.id, name: "A" }, { email: "eingeladen@test.invalid", role: "mitglied", cityId: null });
    const member = await makeUser(db, "mitglied", "dortmund", "reset.me@test.invalid");
    requestPasswordReset(db, "reset.me@test.invalid");
    processResetRequests(db); // the reset mail is built off the request path (user.server.ts)
    const [sofort] = await usersWithPref(1, "sofort");
    notifyAll([sofort], "Neue Antwort");
    expect(member.id).toBeTruthy();

    // Before sending, the outbox holds the tokens (it must, to send them).
    expect(JSON.stringify(outbox())).toContain(inv.token);
    const t0 = Date.now();
    expect((await deliverPendingMail(db, { now: clockAt(t0) })).sent).toBe(3);

    // The delivered mails carry working links …
    const delivered = sink.deliveries.map((d) => d.data.replace(/=\r?\n/g, "")).join("\n");
    expect(delivered).toContain(inv.token);
    expect(delivered).toMatch(/\/passwort-vergessen\/[A-Za-z0-9_-]{20,}/);
    expect(delivered).toMatch(/\/abbestellen\/[A-Za-z0-9._-]{20,}/);
    // … the outbox none.
    const stored = JSON.stringify(outbox());
    expect(stored).not.toContain(inv.token);
    expect(stored).not.toMatch(/\/(registrieren|passwort-vergessen|abbestellen)\/(?!\[entfernt\])/);
    expect(stored).toContain("/registrieren/[entfernt]");
    expect(stored).toContain("/passwort-vergessen/[entfernt]");
    expect(outbox().find((m) => m.to !== "eingeladen@test.invalid" && m.headers["List-Unsubscribe"])!.headers["List-Unsubscribe"]).toMatch(
      /\/abbestellen\/\[entfernt\]>$/,
    );

    // Bodies of sent mail are gone after 7 days.
    await deliverPendingMail(db, { now: clockAt(t0 + SENT_BODY_RETENTION_MS - 60_000) });
    expect(outbox().every((m) => m.text.length > 0)).toBe(true);
    const r = await deliverPendingMail(db, { now: clockAt(t0 + SENT_BODY_RETENTION_MS + 1) });
    expect(r.cleaned).toBe(3);
    expect(outbox().every((m) => m.text === "" && m.bodyDeletedAt)).toBe(true);
  });
});

describe("Mail-Ausgang page", () => {
  const req = (cookie: string, init: RequestInit = {}) =>
    new Request("http://localhost:3000/verwaltung/mail", { ...init, headers: { Cookie: cookie.split(";")[0], ...init.headers } });

  it("is for admins only, shows failed mail with its error, and 'erneut senden' twice resets it once", async () => {
    await sink.down();
    enqueueMail(db, { to: "kaputt@test.invalid", subject: "Einladung", text: "x" });
    const created = outbox()[0].createdAt.getTime();
    await deliverPendingMail(db, { now: clockAt(created + GIVE_UP_AFTER_MS) });
    const id = outbox()[0].id;

    for (const role of ["mitglied", "koordination", "redaktion", "moderation"] as const) {
      const u = await makeUser(db, role, role === "koordination" || role === "mitglied" ? "dortmund" : undefined);
      const cookie = await createUserSession(u.id);
      await expect(mailLoader({ request: req(cookie), params: {}, context: {} })).rejects.toMatchObject({ status: 403 });
      const body = new URLSearchParams({ intent: "resend", id: String(id) });
      await expect(mailAction({ request: req(cookie, { method: "POST", body }), params: {}, context: {} })).rejects.toMatchObject({ status: 403 });
    }
    expect(outbox()[0].status).toBe("failed");

    const admin = await makeUser(db, "admin");
    const cookie = await createUserSession(admin.id);
    const page = (await mailLoader({ request: req(cookie), params: {}, context: {} })) as Awaited<ReturnType<typeof mailLoader>>;
    expect(page.counts.failed).toBe(1);
    expect(page.failed[0]).toMatchObject({ to: "kaputt@test.invalid", subject: "Einladung", attempts: 1 });
    expect(page.failed[0].lastError).toMatch(/ECONNREFUSED/);

    await sink.up();
    const post = () =>
      mailAction({ request: req(cookie, { method: "POST", body: new URLSearchParams({ intent: "resend", id: String(id) }) }), params: {}, context: {} });
    const [first, second] = await Promise.all([post(), post()]);
    expect((first as Response).status).toBe(302);
    expect((second as Response).status).toBe(302);
    await mailDeliveryIdle();
    expect(sink.deliveries).toHaveLength(1);
    expect(outbox()[0].status).toBe("sent");
    expect(db.select().from(auditLog).where(eq(auditLog.action, "mail.resend")).all()).toHaveLength(1);

    const bad = (await mailAction({
      request: req(cookie, { method: "POST", body: new URLSearchParams({ intent: "resend", id: "abc" }) }),
      params: {},
      context: {},
    })) as { init: { status: number } | null };
    expect(bad.init?.status).toBe(400);
  });
});
