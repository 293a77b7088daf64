// E-mail outbox: messages are inserted in the same transaction as the change that causes them and then
// delivered exactly once: by SMTP when SMTP_URL is set, otherwise written as .eml files into MAIL_DIR (data/mail/).
//
// Delivery (issue 11): one delivery loop per process (startMailWorker, started by scripts/server.ts); a request
// only wakes it (kickMailDelivery). A pass claims due rows atomically with one UPDATE … RETURNING that sets a
// lease (claimed_until + claim_token) and counts the attempt, so neither two passes nor two processes send the
// same row. A row is marked sent only under its own claim. Failed attempts are retried after 1, 5, 15 and 60
// minutes, then every 6 hours, until the mail is 48 hours old; then it is "failed" and shown on the
// Mail-Ausgang page (/verwaltung/mail), where an admin can send it again.
// Tokens: when a mail is marked sent, invitation/reset/unsubscribe link tokens are removed from the stored body
// (the delivered copy is the mail itself, or the .eml file in MAIL_DIR); bodies of sent mail are deleted after
// 7 days.
import nodemailer from "nodemailer";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { mailOutbox, type MailStatus } from "../../db/schema/index";
import type { DB, Executor } from "./db.server";
import { getEnv } from "./env.server";

export type OutgoingMail = { to: string; subject: string; text: string; headers?: Record<string, string> };

/** Milliseconds since the epoch; injectable so tests can move the clock instead of waiting. */
export type Clock = () => number;

/** Waits after the 1st, 2nd, 3rd, 4th failed attempt; every later one waits RETRY_LATER_MS. */
export const BACKOFF_MS = [1, 5, 15, 60].map((m) => m * 60_000);
export const RETRY_LATER_MS = 6 * 3_600_000;
/** A mail that could not be delivered within this time after it was queued becomes "failed". */
export const GIVE_UP_AFTER_MS = 48 * 3_600_000;
/** Bodies of sent mail are kept this long (then deleted; the redacted copy until then). */
export const SENT_BODY_RETENTION_MS = 7 * 86_400_000;
/** Lease of a claimed row: longer than a batch can take with the SMTP time-outs below. */
export const CLAIM_LEASE_MS = 10 * 60_000;
const BATCH = 5;
const WORKER_INTERVAL_MS = 60_000;

export function enqueueMail(db: Executor, mail: OutgoingMail) {
  db.insert(mailOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ?? {} }).run();
}

/** Absolute link from PUBLIC_URL – never from the request's Host header. */
export function publicLink(path: string): string {
  return getEnv().publicUrl + (path.startsWith("/") ? path : `/${path}`);
}

const TOKEN_LINK = /(\/(?:registrieren|passwort-vergessen|abbestellen)\/)[^\s<>"']+/g;

/** Replaces the tokens of invitation, reset and unsubscribe links with "[entfernt]". */
export function redactTokens(s: string): string {
  return s.replace(TOKEN_LINK, "$1[entfernt]");
}

/** The wait before the next attempt after `attempts` failed ones (1-based). */
export function backoffAfter(attempts: number): number {
  return attempts >= 1 && attempts <= BACKOFF_MS.length ? BACKOFF_MS[attempts - 1] : RETRY_LATER_MS;
}

// --- transport ---------------------------------------------------------------------------------------------

let smtp: { url: string; transport: nodemailer.Transporter } | undefined;
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

function smtpTransport(url: string) {
  if (smtp?.url !== url) {
    smtp?.transport.close();
    // Time-outs well inside the claim lease, so a hanging relay cannot outlive the claim of its batch.
    smtp = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 30_000 } as never) };
  }
  return smtp.transport;
}

type ClaimedRow = {
  id: number;
  to: string;
  subject: string;
  text: string;
  headers: string;
  created_at: number;
  attempts: number;
  give_up_at: number | null;
};

async function transmit(m: ClaimedRow, now: number) {
  const env = getEnv();
  const host = new URL(env.publicUrl).hostname || "staedtenetz.invalid";
  const message = {
    from: env.MAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.text,
    headers: JSON.parse(m.headers || "{}") as Record<string, string>,
    // Stable per outbox row: should a relay ever see the same mail twice, mail clients treat it as one.
    messageId: `<outbox-${m.id}-${m.created_at}@${host}>`,
  };
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail(message);
  } else {
    const info = await composer.sendMail(message);
    const dir = resolve(env.MAIL_DIR);
    mkdirSync(dir, { recursive: true });
    const stamp = new Date(now).toISOString().replace(/[:.]/g, "-");
    writeFileSync(join(dir, `${stamp}-${m.id}.eml`), info.message as Buffer);
  }
}

// --- one delivery pass -------------------------------------------------------------------------------------

export type PassResult = { sent: number; retry: number; failed: number; cleaned: number };

function statements(db: DB) {
  const c = db.$client;
  return {
    claim: c.prepare<{ now: number; lease: number; token: string; limit: number }, ClaimedRow>(
      `UPDATE mail_outbox SET claimed_until = @lease, claim_token = @token, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_outbox
         WHERE status = 'pending'
           AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
           AND (claimed_until IS NULL OR claimed_until <= @now)
         ORDER BY id LIMIT @limit)
       RETURNING id, "to", subject, text, headers, created_at, attempts, give_up_at`,
    ),
    sent: c.prepare<{ id: number; token: string; now: number; text: string; headers: string }>(
      `UPDATE mail_outbox SET status = 'sent', sent_at = @now, claimed_until = NULL, claim_token = NULL, last_error = NULL,
         next_attempt_at = NULL, text = @text, headers = @headers
       WHERE id = @id AND claim_token = @token AND status = 'pending'`,
    ),
    attemptFailed: c.prepare<{ id: number; token: string; error: string; next: number | null; status: MailStatus; failedAt: number | null }>(
      `UPDATE mail_outbox SET claimed_until = NULL, claim_token = NULL, last_error = @error, next_attempt_at = @next,
         status = @status, failed_at = @failedAt
       WHERE id = @id AND claim_token = @token AND status = 'pending'`,
    ),
    cleanup: c.prepare<{ now: number; cutoff: number }>(
      `UPDATE mail_outbox SET text = '', headers = '{}', body_deleted_at = @now
       WHERE status = 'sent' AND body_deleted_at IS NULL AND sent_at <= @cutoff`,
    ),
    nextDue: c.prepare<[], { due: number | null }>(
      `SELECT min(max(coalesce(next_attempt_at, 0), coalesce(claimed_until, 0))) AS due FROM mail_outbox WHERE status = 'pending'`,
    ),
  };
}

/** A short, address-free description of a delivery error for the outbox (shown to admins only). */
function describeError(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; message?: string };
  const parts = [err.code, err.responseCode ? String(err.responseCode) : undefined, err.message].filter(Boolean);
  return (parts.join(" – ") || "unbekannter Fehler").slice(0, 500);
}

/**
 * One delivery pass: claims due rows in batches and sends them until none is due. Safe to run in several
 * processes at once. Returns the counts; logs one line when anything happened (no addresses, no subjects).
 */
export async function deliverPendingMail(db: DB, opts: { now?: Clock; shouldStop?: () => boolean } = {}): Promise<PassResult> {
  const clock = opts.now ?? Date.now;
  const st = statements(db);
  const result: PassResult = { sent: 0, retry: 0, failed: 0, cleaned: 0 };
  const token = randomBytes(12).toString("hex");
  for (;;) {
    if (opts.shouldStop?.()) break;
    const now = clock();
    const rows = st.claim.all({ now, lease: now + CLAIM_LEASE_MS, token, limit: BATCH }).sort((a, b) => a.id - b.id);
    if (rows.length === 0) break;
    await Promise.all(
      rows.map(async (m) => {
        try {
          await transmit(m, clock());
          st.sent.run({ id: m.id, token, now: clock(), text: redactTokens(m.text), headers: redactTokens(m.headers) });
          result.sent++;
        } catch (e) {
          const at = clock();
          const giveUpAt = m.give_up_at ?? m.created_at + GIVE_UP_AFTER_MS;
          const error = describeError(e);
          if (at >= giveUpAt) {
            st.attemptFailed.run({ id: m.id, token, error, next: null, status: "failed", failedAt: at });
            result.failed++;
          } else {
            // The last try happens when the mail turns 48 hours old.
            st.attemptFailed.run({ id: m.id, token, error, next: Math.min(at + backoffAfter(m.attempts), giveUpAt), status: "pending", failedAt: null });
            result.retry++;
          }
        }
      }),
    );
  }
  const now = clock();
  result.cleaned = st.cleanup.run({ now, cutoff: now - SENT_BODY_RETENTION_MS }).changes;
  if (result.sent || result.retry || result.failed) {
    console.log(`mail: Zustelldurchlauf – ${result.sent} gesendet, ${result.retry} erneut geplant, ${result.failed} endgültig fehlgeschlagen`);
  }
  return result;
}

/** When the next pending row becomes due (ms since epoch), or null when nothing is pending. */
export function nextMailDue(db: DB): number | null {
  return statements(db).nextDue.get()?.due ?? null;
}

// --- the one delivery loop of the process ------------------------------------------------------------------

type Worker = {
  db: DB;
  clock: Clock;
  interval: number;
  timed: boolean;
  stopped: boolean;
  running: Promise<void> | null;
  again: boolean;
  timer?: NodeJS.Timeout;
};

declare global {
  // On globalThis: scripts/server.ts and the Remix build each load their own copy of this module.
  // eslint-disable-next-line no-var
  var __mailWorker: Worker | undefined;
}

function wake(w: Worker) {
  if (w.stopped) return;
  if (w.running) {
    w.again = true; // the running pass will look once more; never a second pass beside it
    return;
  }
  w.running = (async () => {
    do {
      w.again = false;
      try {
        await deliverPendingMail(w.db, { now: w.clock, shouldStop: () => w.stopped });
      } catch (e) {
        console.error(`mail: Zustelldurchlauf abgebrochen (${(e as Error).message?.slice(0, 200)})`);
      }
    } while (w.again && !w.stopped);
  })().finally(() => {
    w.running = null;
    schedule(w);
  });
}

function schedule(w: Worker) {
  if (w.timer) clearTimeout(w.timer);
  w.timer = undefined;
  if (w.stopped || !w.timed) return;
  let delay = w.interval;
  try {
    const due = nextMailDue(w.db);
    if (due != null) delay = Math.min(delay, Math.max(1000, due - w.clock() + 50));
  } catch {
    /* database closed or busy: try again after the interval */
  }
  w.timer = setTimeout(() => wake(w), delay);
  w.timer.unref();
}

/** Starts the delivery loop of this process (idempotent): a pass now, then whenever mail becomes due (≤ 60 s). */
export function startMailWorker(db: DB, opts: { now?: Clock; intervalMs?: number } = {}) {
  const old = globalThis.__mailWorker;
  if (old && !old.stopped && old.timed && old.db === db) return;
  if (old && !old.stopped) old.stopped = true;
  const w: Worker = { db, clock: opts.now ?? Date.now, interval: opts.intervalMs ?? WORKER_INTERVAL_MS, timed: true, stopped: false, running: null, again: false };
  globalThis.__mailWorker = w;
  wake(w);
}

/** Stops the loop; resolves when a pass in flight has finished its current batch. Call before closing the database. */
export async function stopMailWorker(): Promise<void> {
  const w = globalThis.__mailWorker;
  if (!w) return;
  w.stopped = true;
  if (w.timer) clearTimeout(w.timer);
  globalThis.__mailWorker = undefined;
  await w.running;
}

/** Wakes the delivery loop after a request committed mail. Never starts a second pass beside a running one. */
export function kickMailDelivery(db: DB) {
  let w = globalThis.__mailWorker;
  if (!w || w.stopped || w.db !== db) {
    // No loop started for this database (scripts, tests): an untimed loop that runs on wakes only.
    if (w && !w.stopped && w.running) {
      w.again = true;
      return;
    }
    w = { db, clock: Date.now, interval: WORKER_INTERVAL_MS, timed: false, stopped: false, running: null, again: false };
    globalThis.__mailWorker = w;
  }
  const worker = w;
  setImmediate(() => wake(worker));
}

/** Resolves once the delivery loop of this process is idle (for tests and scripts). */
export async function mailDeliveryIdle(): Promise<void> {
  for (;;) {
    await new Promise((r) => setImmediate(r));
    const w = globalThis.__mailWorker;
    if (!w?.running) return;
    await w.running;
  }
}

// --- Mail-Ausgang (administration) -------------------------------------------------------------------------

export type OutboxCounts = { pending: number; failed: number; sentLastDay: number };

export function outboxCounts(db: DB, now = Date.now()): OutboxCounts {
  const row = db.$client
    .prepare<[number], OutboxCounts>(
      `SELECT
         coalesce(sum(status = 'pending'), 0) AS pending,
         coalesce(sum(status = 'failed'), 0) AS failed,
         coalesce(sum(status = 'sent' AND sent_at >= ?), 0) AS sentLastDay
       FROM mail_outbox`,
    )
    .get(now - 86_400_000);
  return row ?? { pending: 0, failed: 0, sentLastDay: 0 };
}

export type OutboxRow = {
  id: number;
  to: string;
  subject: string;
  status: MailStatus;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  inDelivery: boolean;
  lastError: string | null;
  failedAt: number | null;
};

/** Pending or failed mail, oldest first (bounded). */
export function listOutbox(db: DB, status: "pending" | "failed", opts: { limit?: number; now?: number } = {}): OutboxRow[] {
  const now = opts.now ?? Date.now();
  const rows = db.$client
    .prepare<[string, number], Omit<OutboxRow, "inDelivery"> & { claimedUntil: number | null }>(
      `SELECT id, "to", subject, status, created_at AS createdAt, attempts, next_attempt_at AS nextAttemptAt,
              claimed_until AS claimedUntil, last_error AS lastError, failed_at AS failedAt
       FROM mail_outbox WHERE status = ? ORDER BY id LIMIT ?`,
    )
    .all(status, Math.min(Math.max(opts.limit ?? 200, 1), 1000));
  return rows.map(({ claimedUntil, ...r }) => ({ ...r, inDelivery: claimedUntil != null && claimedUntil > now }));
}

/**
 * "Erneut senden": a failed mail becomes pending and due now, with a fresh 48-hour window. Returns false when
 * the row is not (or no longer) failed – a double submit changes nothing the second time.
 */
export function resendFailedMail(db: DB, id: number, now = Date.now()): boolean {
  const r = db.$client
    .prepare(
      `UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = @now, give_up_at = @giveUp,
         failed_at = NULL, claimed_until = NULL, claim_token = NULL
       WHERE id = @id AND status = 'failed'`,
    )
    .run({ id, now, giveUp: now + GIVE_UP_AFTER_MS });
  return r.changes === 1;
}
