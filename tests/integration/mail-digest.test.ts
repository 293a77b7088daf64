// The daily digest runs itself (issue 11): at DIGEST_HOUR (Europe/Berlin), exactly once per day across
// restarts, several processes and cron. Real migrations on a temp SQLite file; other processes are other
// connections to the same file, and one real child process (`scripts/mail-digest.ts`, the cron entry).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq, like } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import { openDatabase, type DB } from "../../db/client";
import { dailyJobRuns, mailOutbox, notifications, users } from "../../db/schema/index";
import { enqueueDigests, notify, runDigestJob } from "~/models/notification.server";
import { mailDeliveryIdle, stopMailWorker } from "~/services/mail.server";
import { JOB_LEASE_MS, berlinDayHour, registerDailyJob, runDailyJob, runDueDailyJobs } from "~/services/scheduler.server";

const run = promisify(execFile);
let db: DB;
let path: string;
let cleanup: () => void;
const extra: DB[] = [];
let readers: string[] = [];

beforeAll(async () => {
  ({ db, path, cleanup } = createTestDb());
  for (let i = 0; i < 4; i++) {
    const u = await makeUser(db, "mitglied", "duisburg");
    db.update(users).set({ emailPref: "taeglich" }).where(eq(users.id, u.id)).run();
    readers.push(u.id);
  }
  registerDailyJob("mail-digest", runDigestJob); // DIGEST_HOUR unset: 7 o'clock
});
afterAll(async () => {
  await mailDeliveryIdle();
  await stopMailWorker();
  for (const d of extra) d.$client.close();
  cleanup();
});
beforeEach(() => {
  db.delete(mailOutbox).run();
  db.delete(dailyJobRuns).run();
  db.delete(notifications).run();
});

function otherProcess(): DB {
  const d = openDatabase(`file:${path}`).db;
  extra.push(d);
  return d;
}

function newsForEveryone(message = "Neues Thema: Schulanmeldung") {
  db.transaction((tx) => notify(tx, readers, { kind: "neues-thema", topicId: null, actorId: null, message, url: "/forum/allgemeines/1" }));
}

/** Digest mails per recipient address. */
function digestsPerUser(): Map<string, number> {
  const rows = db.select({ to: mailOutbox.to }).from(mailOutbox).where(like(mailOutbox.subject, "%tägliche Zusammenfassung%")).all();
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.to, (m.get(r.to) ?? 0) + 1);
  return m;
}
const expectOneEach = () => {
  const m = digestsPerUser();
  expect(m.size).toBe(readers.length);
  expect([...m.values()].every((n) => n === 1)).toBe(true);
};

// 2 December 2026: Berlin is UTC+1.
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour - 1, minute);

describe("daily digest schedule", () => {
  it("runs at 7 o'clock Berlin time, once a day, also after a restart", async () => {
    newsForEveryone();
    expect(berlinDayHour(berlin(2, 7))).toEqual({ day: "2026-12-02", hour: 7 });
    expect(await runDueDailyJobs(db, berlin(2, 6, 59))).toEqual({});
    expect(digestsPerUser().size).toBe(0);

    expect((await runDueDailyJobs(db, berlin(2, 7, 0)))["mail-digest"]).toMatchObject({ status: "ran", count: 4 });
    expectOneEach();

    // New notifications later that day wait for tomorrow, also in a restarted process.
    newsForEveryone("Noch ein Thema");
    const restarted = otherProcess();
    expect((await runDueDailyJobs(restarted, berlin(2, 9)))["mail-digest"]).toMatchObject({ status: "done", count: 4 });
    expectOneEach();
    expect((await runDueDailyJobs(restarted, berlin(3, 7, 1)))["mail-digest"]).toMatchObject({ status: "ran", count: 4 });
    expect([...digestsPerUser().values()]).toEqual([2, 2, 2, 2]);
  });

  it("two schedulers in two processes at the same minute send one digest per user", async () => {
    newsForEveryone();
    const [a, b] = await Promise.all([runDueDailyJobs(otherProcess(), berlin(4, 7)), runDueDailyJobs(otherProcess(), berlin(4, 7))]);
    expect([a["mail-digest"].status, b["mail-digest"].status].sort()).toEqual(["busy", "ran"].sort());
    expectOneEach();
  });

  it("cron (npm run mail:digest, a real second process) and the server's schedule never both send", async () => {
    newsForEveryone();
    const cron = run(process.execPath, ["--import", "tsx", "scripts/mail-digest.ts"], {
      env: { ...process.env, DATABASE_URL: `file:${path}`, NODE_ENV: "test" },
    });
    const server = runDailyJob(otherProcess(), { name: "mail-digest", run: (d) => enqueueDigests(d).users });
    const [{ stdout }, inProcess] = await Promise.all([cron, server]);
    expectOneEach();
    expect(stdout).toMatch(/Zusammenfassung/);
    // Whoever came second knows the day is taken.
    const again = await run(process.execPath, ["--import", "tsx", "scripts/mail-digest.ts"], {
      env: { ...process.env, DATABASE_URL: `file:${path}`, NODE_ENV: "test" },
    });
    expect(again.stdout).toMatch(/bereits versandt/);
    expect(["ran", "done", "busy"]).toContain(inProcess.status);
    expectOneEach();
  }, 60_000);

  it("a crash right after the claim does not lose the day: the next runner takes over when the lease runs out", async () => {
    newsForEveryone();
    const t = berlin(5, 7);
    // The first process claims the day and dies before doing anything (its run never finishes).
    void runDailyJob(otherProcess(), { name: "mail-digest", run: () => new Promise<number>(() => undefined) }, { now: t });
    const restarted = otherProcess();
    expect((await runDueDailyJobs(restarted, t + 60_000))["mail-digest"]).toMatchObject({ status: "busy" });
    expect(digestsPerUser().size).toBe(0);
    expect((await runDueDailyJobs(restarted, t + JOB_LEASE_MS))["mail-digest"]).toMatchObject({ status: "ran", count: 4 });
    expectOneEach();
    expect(db.select().from(dailyJobRuns).get()).toMatchObject({ day: "2026-12-05", attempts: 2 });
  });

  it("a crash after the digests were enqueued does not send them twice", async () => {
    newsForEveryone();
    const t = berlin(6, 8);
    // Dies after enqueueing (items marked in the same transactions), before recording the finish.
    void runDailyJob(otherProcess(), { name: "mail-digest", run: (d) => (enqueueDigests(d), new Promise<number>(() => undefined)) }, { now: t });
    expectOneEach();
    expect((await runDueDailyJobs(otherProcess(), t + JOB_LEASE_MS))["mail-digest"]).toMatchObject({ status: "ran", count: 0 });
    expectOneEach();
  });

  it("a job that fails is retried after a wait, and other daily jobs run in the same schedule", async () => {
    let calls = 0;
    registerDailyJob("pruef-erinnerungen", () => {
      calls++;
      if (calls === 1) throw new Error("vorübergehend nicht möglich");
      return 3;
    });
    try {
      const t = berlin(7, 7);
      expect((await runDueDailyJobs(db, t))["pruef-erinnerungen"]).toMatchObject({ status: "failed" });
      expect((await runDueDailyJobs(db, t + 60_000))["pruef-erinnerungen"]).toMatchObject({ status: "busy" });
      expect((await runDueDailyJobs(db, t + 15 * 60_000))["pruef-erinnerungen"]).toMatchObject({ status: "ran", count: 3 });
      expect((await runDueDailyJobs(db, t + 16 * 60_000))["pruef-erinnerungen"]).toMatchObject({ status: "done", count: 3 });
      expect(calls).toBe(2);
    } finally {
      globalThis.__dailyJobs?.delete("pruef-erinnerungen");
    }
  });
});
