// One number that changes with every committed write that can change a public page (docs/decisions/021-page-cache.md).
// It lives in the database, bumped by triggers inside the writing transaction, so every app process on the same
// file sees the same version, and a write through any path (models, importer, scripts, a second process) counts.
import type Database from "better-sqlite3";

/**
 * Tables whose writes never change what a guest sees: sessions and tokens, personal state (reads, drafts,
 * subscriptions, notifications, saved searches), queues and logs. Every other table bumps the version, so a new
 * table is safe by default (it only costs hit rate until it is listed here).
 */
export const PRIVATE_TABLES = new Set([
  "__drizzle_migrations",
  "sqlite_sequence",
  "data_version",
  "abo_ledger",
  "abo_outbox",
  "app_secrets",
  "audit_log",
  "csp_reports",
  "daily_job_runs",
  "forum_drafts",
  "forum_bookmarks",
  "forum_flags",
  "forum_subscriptions",
  "forum_topic_reads",
  "idempotency_keys",
  "invitations",
  "mail_outbox",
  "moderation_notes",
  "notifications",
  "reset_requests",
  "review_reminders",
  "saved_searches",
  "search_outbox",
  "sessions",
  "user_tokens",
]);

/** Real tables (not virtual tables and not their shadow tables) that are not private. */
export function versionedTables(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare("select name, sql from sqlite_master where type = 'table'").all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? "")).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith("sqlite_") && !PRIVATE_TABLES.has(n) && !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)))
    .sort();
}

/**
 * Creates the version row and one trigger per table and operation where missing. Idempotent and safe with
 * several processes (one transaction; IF NOT EXISTS). Runs after the migrations at every start, so tables added
 * by later migrations get their triggers too.
 */
export function ensureDataVersion(sqlite: Database.Database): number {
  const tables = versionedTables(sqlite);
  let created = 0;
  // IMMEDIATE: it reads the schema, then writes. A deferred transaction in WAL mode fails at once with "database is
  // locked" when another process (a second server starting on the same file) commits in between; IMMEDIATE takes the
  // write lock first and busy_timeout waits for it.
  sqlite.transaction(() => {
    sqlite.exec("create table if not exists data_version (id integer primary key check (id = 1), v integer not null)");
    sqlite.exec("insert or ignore into data_version (id, v) values (1, 0)");
    const existing = new Set((sqlite.prepare("select name from sqlite_master where type = 'trigger' and name like 'dv\\_%' escape '\\'").all() as { name: string }[]).map((r) => r.name));
    for (const t of tables) {
      for (const op of ["insert", "update", "delete"] as const) {
        const name = `dv_${t}_${op}`;
        if (existing.has(name)) continue;
        sqlite.exec(`create trigger if not exists "${name}" after ${op} on "${t}" begin update data_version set v = v + 1 where id = 1; end`);
        created++;
      }
    }
  }).immediate();
  return created;
}

/** The current version; a prepared statement per connection, one indexed row. */
export function dataVersionReader(sqlite: Database.Database): () => number {
  const stmt = sqlite.prepare("select v from data_version where id = 1").pluck();
  return () => Number(stmt.get() ?? 0);
}
