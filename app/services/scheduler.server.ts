// Daily jobs (issue 11): the server runs each registered job once per local day (Europe/Berlin) from its hour
// on – the mail digest at DIGEST_HOUR, and whatever else registers with registerDailyJob(). "Once" holds across
// restarts, several processes and cron (`npm run mail:digest`): a job claims its day with
// INSERT … ON CONFLICT DO NOTHING in daily_job_runs. A run that crashed between claim and finish leaves a row
// whose lease runs out; the next tick (in any process) takes it over. Jobs must therefore be safe to resume:
// the digest marks each user's items in the same transaction as that user's mail.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { DB } from "./db.server";
import { getEnv } from "./env.server";
import type { Clock } from "./mail.server";
import { runDigestJob } from "../models/notification.server";
import { runReviewReminders } from "../models/review.server";
import { runDeadlineReminders } from "../models/abo.server";

export type DailyJobContext = { day: string; now: number };
export type DailyJob = {
  name: string;
  /** Local hour (Europe/Berlin, 0–23) from which the job is due each day. */
  hour: () => number;
  /** Returns a count for the run record (e.g. mails enqueued). */
  run: (db: DB, ctx: DailyJobContext) => number | void | Promise<number | void>;
};

/** How long a claim holds before another runner may take over an unfinished run (a crash). */
export const JOB_LEASE_MS = 15 * 60_000;
/** A run that threw is tried again after this wait, at most MAX_ATTEMPTS times a day. */
export const JOB_RETRY_MS = 15 * 60_000;
const MAX_ATTEMPTS = 5;
const TICK_MS = 60_000;

declare global {
  // eslint-disable-next-line no-var
  var __dailyJobs: Map<string, DailyJob> | undefined;
  // eslint-disable-next-line no-var
  var __dailyScheduler: { timer: NodeJS.Timeout; running: Promise<void> | null } | undefined;
}

function jobs(): Map<string, DailyJob> {
  globalThis.__dailyJobs ??= new Map();
  return globalThis.__dailyJobs;
}

/**
 * Registers a daily job (the same name again replaces it). `hour` defaults to DIGEST_HOUR.
 * The review reminders (issue 13) are registered this way in startDigestScheduler().
 */
export function registerDailyJob(name: string, run: DailyJob["run"], opts: { hour?: number } = {}): DailyJob {
  const job: DailyJob = { name, run, hour: () => opts.hour ?? digestHour() ?? 7 };
  jobs().set(name, job);
  return job;
}

export function registeredDailyJobs(): DailyJob[] {
  return [...jobs().values()];
}

/** DIGEST_HOUR as a number, or null when the in-server schedule is switched off (DIGEST_HOUR=off). */
export function digestHour(): number | null {
  const v = getEnv().DIGEST_HOUR;
  return v === "off" ? null : Number(v);
}

const berlin = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The local day (YYYY-MM-DD) and hour in Europe/Berlin at `now`. */
export function berlinDayHour(now: number): { day: string; hour: number } {
  const p = Object.fromEntries(berlin.formatToParts(new Date(now)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

export type JobOutcome =
  | { status: "ran"; day: string; count: number | null }
  | { status: "done"; day: string; count: number | null }
  | { status: "busy"; day: string }
  | { status: "failed"; day: string; error: string };

/** Claims `job` for the local day of `now` and runs it, unless it already ran or another runner holds it. */
export async function runDailyJob(db: DB, job: Pick<DailyJob, "name" | "run">, opts: { now?: number } = {}): Promise<JobOutcome> {
  const now = opts.now ?? Date.now();
  const { day } = berlinDayHour(now);
  const runner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const c = db.$client;
  const claimed =
    c
      .prepare(
        `INSERT INTO daily_job_runs (job, day, started_at, lease_until, runner) VALUES (@job, @day, @now, @lease, @runner)
         ON CONFLICT DO NOTHING RETURNING job`,
      )
      .get({ job: job.name, day, now, lease: now + JOB_LEASE_MS, runner }) ??
    // Take over a run that crashed (lease ran out) or that failed and waited for its retry.
    c
      .prepare(
        `UPDATE daily_job_runs SET lease_until = @lease, runner = @runner, attempts = attempts + 1
         WHERE job = @job AND day = @day AND finished_at IS NULL AND lease_until <= @now AND attempts < @max
         RETURNING job`,
      )
      .get({ job: job.name, day, now, lease: now + JOB_LEASE_MS, runner, max: MAX_ATTEMPTS });
  if (!claimed) {
    const row = c.prepare(`SELECT finished_at AS finishedAt, count FROM daily_job_runs WHERE job = ? AND day = ?`).get(job.name, day) as
      | { finishedAt: number | null; count: number | null }
      | undefined;
    return row?.finishedAt != null ? { status: "done", day, count: row.count } : { status: "busy", day };
  }
  try {
    const count = (await job.run(db, { day, now })) ?? null;
    c.prepare(`UPDATE daily_job_runs SET finished_at = @at, count = @count, last_error = NULL WHERE job = @job AND day = @day AND runner = @runner`).run({
      at: Math.max(now, Date.now()),
      count,
      job: job.name,
      day,
      runner,
    });
    return { status: "ran", day, count };
  } catch (e) {
    const error = String((e as Error)?.message ?? e).slice(0, 500);
    c.prepare(`UPDATE daily_job_runs SET last_error = @error, lease_until = @retry WHERE job = @job AND day = @day AND runner = @runner`).run({
      error,
      retry: now + JOB_RETRY_MS,
      job: job.name,
      day,
      runner,
    });
    console.error(`zeitplan: Tagesaufgabe ${job.name} fehlgeschlagen (${error.slice(0, 200)})`);
    return { status: "failed", day, error };
  }
}

/** Runs every registered job whose hour has come today and that has not run yet. */
export async function runDueDailyJobs(db: DB, now: number = Date.now()): Promise<Record<string, JobOutcome>> {
  const { hour } = berlinDayHour(now);
  const out: Record<string, JobOutcome> = {};
  for (const job of registeredDailyJobs()) {
    if (hour < job.hour()) continue;
    out[job.name] = await runDailyJob(db, job, { now });
  }
  return out;
}

/** Last runs for the administration (newest first). */
export function listDailyJobRuns(db: DB, limit = 14) {
  return db.$client
    .prepare(
      `SELECT job, day, started_at AS startedAt, finished_at AS finishedAt, count, attempts, last_error AS lastError
       FROM daily_job_runs ORDER BY day DESC, job LIMIT ?`,
    )
    .all(limit) as { job: string; day: string; startedAt: number; finishedAt: number | null; count: number | null; attempts: number; lastError: string | null }[];
}

/**
 * Starts the in-server schedule (idempotent): registers the mail digest (hour DIGEST_HOUR) and checks the
 * registered jobs every minute. DIGEST_HOUR=off leaves the digest to cron (`npm run mail:digest`).
 */
export function startDigestScheduler(db: DB, opts: { now?: Clock; tickMs?: number } = {}) {
  if (globalThis.__dailyScheduler) return;
  if (digestHour() != null) {
    // Review reminders first, so that owners who chose the daily digest get them in the same day's digest.
    registerDailyJob("pruef-erinnerungen", (d, { now }) => runReviewReminders(d, new Date(now)).sent);
    registerDailyJob("frist-erinnerungen", (d, { now }) => runDeadlineReminders(d, new Date(now)));
    registerDailyJob("mail-digest", runDigestJob);
  }
  const clock = opts.now ?? Date.now;
  const state: { timer: NodeJS.Timeout; running: Promise<void> | null } = { timer: undefined as unknown as NodeJS.Timeout, running: null };
  const tick = () => {
    if (state.running) return;
    state.running = runDueDailyJobs(db, clock())
      .then(() => undefined)
      .catch((e) => console.error(`zeitplan: Durchlauf fehlgeschlagen (${String((e as Error)?.message).slice(0, 200)})`))
      .finally(() => {
        state.running = null;
      });
  };
  state.timer = setInterval(tick, opts.tickMs ?? TICK_MS);
  state.timer.unref();
  globalThis.__dailyScheduler = state;
  tick();
}

/** Stops the schedule; resolves when a job in flight has finished. */
export async function stopDigestScheduler(): Promise<void> {
  const s = globalThis.__dailyScheduler;
  if (!s) return;
  clearInterval(s.timer);
  globalThis.__dailyScheduler = undefined;
  await s.running;
}
