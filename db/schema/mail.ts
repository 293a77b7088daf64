import { integer, sqliteTable, text, index, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";

export const MAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Transactional e-mail outbox: a message is recorded with the change that causes it, then delivered exactly
 * once by the delivery loop (app/services/mail.server.ts). A row is claimed with a lease (claimed_until +
 * claim_token) before it is sent; attempts are counted in SQL; a failed attempt schedules the next one in
 * next_attempt_at; after give_up_at (created + 48 h unless an admin re-sent it) the row becomes "failed".
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("pending"),
    /** Not before this time (null: due now). */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    /** Lease of the delivery pass that claimed the row; expired leases may be claimed again. */
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    claimToken: text("claim_token"),
    /** Last moment to try (null: created_at + 48 h); "erneut senden" moves it. */
    giveUpAt: integer("give_up_at", { mode: "timestamp_ms" }),
    failedAt: integer("failed_at", { mode: "timestamp_ms" }),
    /** Set when the body of a sent mail was deleted (7 days after sending). */
    bodyDeletedAt: integer("body_deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("mail_outbox_pending_idx").on(t.sentAt), index("mail_outbox_status_due_idx").on(t.status, t.nextAttemptAt)],
);

/**
 * One row per daily job and local day (Europe/Berlin): claimed with INSERT … ON CONFLICT DO NOTHING, so a job
 * runs once a day across restarts, several processes and cron. An unfinished row whose lease has run out
 * (a crash between claim and finish) may be taken over.
 */
export const dailyJobRuns = sqliteTable(
  "daily_job_runs",
  {
    job: text("job").notNull(),
    day: text("day").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }).notNull(),
    runner: text("runner").notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    count: integer("count"),
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error"),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);
