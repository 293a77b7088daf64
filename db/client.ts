import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { mkdirSync, accessSync, constants, existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema/index";
import { ensureDataVersion } from "./data-version";

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
/** A migration failed: names the migration (its tag, i.e. the file without .sql) and SQLite's reason. */
export class MigrationError extends Error {
  constructor(
    readonly tag: string,
    readonly reason: string,
  ) {
    super(`Migration ${tag} (db/migrations/${tag}.sql) ist fehlgeschlagen: ${reason}`);
  }
}

/** SQLite's own message, without drizzle's "Failed query: <sql>" wrapper. */
function sqliteReason(e: unknown): string {
  let c = e as { cause?: unknown; message?: string } | undefined;
  while (c && c.cause && typeof c.cause === "object") c = c.cause as typeof c;
  return String(c?.message ?? e).split("\n")[0];
}

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
  try {
    sqlite.pragma("busy_timeout = 5000");
    if (!isNew) {
      // A file that is not SQLite fails here ("file is not a database"); a damaged one fails quick_check.
      const rows = sqlite.pragma("quick_check") as { quick_check: string }[];
      const verdict = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
      if (verdict.length) {
        sqlite.close();
        throw new DatabaseConfigError(
          `DATABASE_URL: Datenbankdatei ${path} ist beschädigt (PRAGMA quick_check: ${verdict[0].slice(0, 200)}${verdict.length > 1 ? ` und ${verdict.length - 1} weitere Befunde` : ""})`,
        );
      }
    }
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
  } catch (e) {
    if (e instanceof DatabaseConfigError) throw e;
    try {
      sqlite.close();
    } catch {
      /* not open */
    }
    const code = (e as { code?: string }).code;
    const reason = code === "SQLITE_NOTADB" ? "keine SQLite-Datenbank" : code === "SQLITE_CORRUPT" ? "beschädigt" : "nicht lesbar";
    throw new DatabaseConfigError(`DATABASE_URL: Datenbankdatei ${path} ist ${reason} (${sqliteReason(e)})`);
  }
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

/**
 * Applies the pending migrations of db/migrations in order, each in its own transaction, with drizzle's own
 * bookkeeping (`__drizzle_migrations`), so drizzle-kit and older databases stay compatible. A failure
 * throws MigrationError naming the migration and SQLite's reason (not the SQL).
 */
export function runMigrations(db: DB, migrationsFolder = MIGRATIONS_DIR) {
  const config = { migrationsFolder };
  const migrations = readMigrationFiles(config);
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as { entries: { tag: string }[] };
  const dialect = (db as unknown as { dialect: { migrate: (m: unknown[], s: unknown, c: unknown) => void } }).dialect;
  const session = (db as unknown as { session: unknown }).session;
  migrations.forEach((migration, i) => {
    try {
      dialect.migrate([migration], session, config);
    } catch (e) {
      throw new MigrationError(journal.entries[i]?.tag ?? `Nr. ${i}`, sqliteReason(e));
    }
  });
  // The page cache's data version and its triggers, for every table the migrations have made (db/data-version.ts).
  ensureDataVersion(db.$client);
}

/** Has the schema never been migrated (a new database)? */
export function isEmptyDatabase(db: DB): boolean {
  const row = db.$client
    .prepare("select count(*) as n from sqlite_master where type='table' and name='users'")
    .get() as { n: number };
  return row.n === 0;
}
