import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync, accessSync, constants, existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema/index";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export { schema };

export const DEFAULT_DATABASE_URL = "file:./data/app.db";
const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

/** `file:./data/app.db`, `file:/abs/path.db`, a plain path, or `:memory:` → a file system path. */
export function databasePath(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  let p = url.startsWith("file://") ? fileURLToPath(url) : url.replace(/^file:/, "");
  p = p.split("?")[0];
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

export class DatabaseConfigError extends Error {}

/** Opens (creating the folder) with WAL, foreign keys, synchronous=FULL and a busy timeout. */
export function openDatabase(url?: string): { db: DB; path: string; isNew: boolean } {
  const path = databasePath(url);
  let isNew = path === ":memory:";
  if (path !== ":memory:") {
    try {
      mkdirSync(dirname(path), { recursive: true });
      isNew = !existsSync(path);
      accessSync(dirname(path), constants.W_OK);
      if (!isNew) accessSync(path, constants.R_OK | constants.W_OK);
    } catch (e) {
      throw new DatabaseConfigError(
        `DATABASE_URL: Datenbankdatei ${path} ist nicht beschreibbar (${(e as NodeJS.ErrnoException).code ?? "Fehler"})`,
      );
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch (e) {
    throw new DatabaseConfigError(`DATABASE_URL: Datenbank ${path} kann nicht geöffnet werden (${(e as Error).message})`);
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = preferImmediateTransactions(drizzle(sqlite, { schema }) as DB);
  return { db, path, isNew };
}

/**
 * Transactions default to BEGIN IMMEDIATE: the write lock is taken at BEGIN, where busy_timeout waits for it. A
 * deferred transaction that reads first and writes later fails at once with SQLITE_BUSY when another process (e.g.
 * `content:import`) committed in between – that was a user's 500 during an import. Savepoints are unaffected.
 */
export function preferImmediateTransactions(db: DB): DB {
  const deferredDefault = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<DB["transaction"]>[0], config?: Parameters<DB["transaction"]>[1]) =>
    deferredDefault(fn, { behavior: "immediate", ...config })) as DB["transaction"];
  return db;
}

export function runMigrations(db: DB) {
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

/** Has the schema never been migrated (a new database)? */
export function isEmptyDatabase(db: DB): boolean {
  const row = db.$client
    .prepare("select count(*) as n from sqlite_master where type='table' and name='users'")
    .get() as { n: number };
  return row.n === 0;
}
