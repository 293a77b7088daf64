// Backup and restore of the SQLite database (docs/betrieb.md "Sicherung und Wiederherstellung").
//
// Backup: SQLite's online backup API (better-sqlite3 `db.backup()`) into a temporary file next to the target, then
// PRAGMA integrity_check and our migrations table on the copy, journal_mode=DELETE (one self-contained file), fsync
// and rename – a finished backup file is always complete and checked. It is consistent as of its (last) start, so
// every write acknowledged before the backup began is in it, including what still sat in the -wal file. The mail
// outbox is a table of the same database and is therefore part of every backup.
//
// Restore: refuses while any process has the database open. The probe is an exclusive lock: a connection in
// `locking_mode=EXCLUSIVE` with busy timeout 0 runs BEGIN EXCLUSIVE, which SQLite refuses (SQLITE_BUSY) as long as
// any other connection – the server, a running import, an sqlite3 shell – has the database open. No pid file that
// could go stale after `kill -9`.
//
// Files outside the database (attachments under FILES_DIR, a later issue) plug in through `fileStores` below: each
// store copies its files next to a backup and, on restore, reports every referenced file that is missing.
import { attachmentBackupStore } from "./files/backup-store.server";
import Database from "better-sqlite3";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const SQLITE_HEADER = "SQLite format 3\u0000";
export const MIGRATIONS_TABLE = "__drizzle_migrations";

/**
 * Extension point for uploaded files (FILES_DIR). A store registers itself here; `db:backup` then calls
 * `backup(db, targetDir)` after the database copy, and `db:restore` calls `missingFiles(db)` on the restored copy and
 * refuses when any referenced file is missing. Empty until attachments exist.
 */
export type FileStore = {
  name: string;
  backup(db: Database.Database, targetDir: string): { files: number; bytes: number };
  missingFiles(db: Database.Database): string[];
  /** copies the files saved next to a backup (in `fromDir`) back into place, before the restore checks them */
  restore?(fromDir: string): number;
};
export const fileStores: FileStore[] = [attachmentBackupStore];

export type BackupResult = { file: string; bytes: number; ms: number; pages: number; restarts: number; mailOutbox: number };

const fmtMb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
export const formatSize = (n: number) => (n >= 1024 * 1024 ? fmtMb(n) : `${Math.max(1, Math.round(n / 1024))} KB`);

function fsyncPath(path: string) {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Problems of a database file as German sentences (empty when it is a usable backup of this application). */
export function checkDatabaseFile(path: string, knownMigrations?: number): string[] {
  if (!existsSync(path)) return [`Datei ${path} existiert nicht`];
  const st = statSync(path);
  if (!st.isFile()) return [`${path} ist keine Datei`];
  const head = Buffer.alloc(16);
  const fd = openSync(path, "r");
  let n: number;
  try {
    n = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 16 || head.toString("latin1") !== SQLITE_HEADER) return [`${basename(path)} ist keine SQLite-Datenbank (Dateikopf fehlt)`];
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const bad = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    if (bad.length) return [`integrity_check meldet Fehler: ${bad.slice(0, 3).join("; ")}${bad.length > 3 ? ` (und ${bad.length - 3} weitere)` : ""}`];
    const hasTable = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE) as { n: number };
    if (!hasTable.n) return [`keine Datenbank dieser Anwendung (Tabelle ${MIGRATIONS_TABLE} fehlt)`];
    const applied = (db.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }).n;
    if (applied === 0) return ["keine Migration angewendet – leere Datenbank"];
    if (knownMigrations !== undefined && applied > knownMigrations)
      return [`die Sicherung stammt von einer neueren Programmversion (${applied} Migrationen, diese Version kennt ${knownMigrations})`];
    const problems: string[] = [];
    for (const store of fileStores) for (const f of store.missingFiles(db)) problems.push(`${store.name}: Datei fehlt: ${f}`);
    return problems;
  } catch (e) {
    return [`beschädigt oder nicht lesbar (${(e as Error).message})`];
  } finally {
    db?.close();
  }
}

/**
 * Online backup of `source` (an open connection, e.g. the server's own) into `outFile`. Steps of 1024 pages; when
 * another connection writes meanwhile SQLite restarts the copy, and the rest then goes in one step (a read
 * transaction, which never blocks writers in WAL mode) so a busy site cannot starve the backup.
 */
export async function backupDatabase(
  source: Database.Database,
  outFile: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupResult> {
  const started = performance.now();
  const tmp = join(dirname(outFile), `.${basename(outFile)}.tmp-${process.pid}`);
  rmSync(tmp, { force: true });
  let restarts = 0;
  let lastRemaining = Infinity;
  let pages = 0;
  try {
    pages = await source.backup(tmp, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return restarts > 0 ? Math.max(totalPages, 1) : 1024;
      },
    }).then((r) => r.totalPages);
    const copy = new Database(tmp);
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const problems = checkDatabaseFile(tmp);
    if (problems.length) throw new Error(`Prüfung der Kopie fehlgeschlagen: ${problems.join("; ")}`);
    const check = new Database(tmp, { readonly: true });
    let mailOutbox = 0;
    try {
      mailOutbox = (check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'mail_outbox'").get() as { n: number }).n
        ? (check.prepare("SELECT count(*) AS n FROM mail_outbox").get() as { n: number }).n
        : 0;
    } finally {
      check.close();
    }
    fsyncPath(tmp);
    renameSync(tmp, outFile);
    fsyncPath(dirname(outFile));
    for (const store of fileStores) store.backup(source, dirname(outFile));
    return { file: outFile, bytes: statSync(outFile).size, ms: performance.now() - started, pages, restarts, mailOutbox };
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Is any other connection using the database? (exclusive-lock probe; false when the file does not exist). */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (e) {
    if (/SQLITE_BUSY|SQLITE_LOCKED/.test(String((e as { code?: string }).code)) || /locked|busy/i.test((e as Error).message)) return true;
    throw e;
  } finally {
    try {
      db?.close();
    } catch {
      /* closing a probe never matters */
    }
  }
}

export type RestoreResult = { target: string; previous: string | null; bytes: number };

const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/**
 * Replaces the database at `target` with the checked backup `from`. The replaced database (with its -wal/-shm, if
 * any) is kept as `<target>.vor-wiederherstellung-<timestamp>`; stale -wal/-shm files never meet the new copy.
 * Throws an Error with a German sentence when the database is in use or the backup is not usable.
 */
export function restoreDatabase(from: string, target: string, opts: { knownMigrations?: number; log?: (line: string) => void } = {}): RestoreResult {
  const log = opts.log ?? (() => undefined);
  for (const store of fileStores) store.restore?.(dirname(from));
  log(`Prüfe die Sicherung ${from} (Dateikopf, integrity_check, Migrationen) …`);
  const problems = checkDatabaseFile(from, opts.knownMigrations);
  if (problems.length) throw new Error(`Sicherung ${from} ist nicht verwendbar: ${problems.join("; ")}`);
  log("Prüfe, ob die Datenbank gerade benutzt wird …");
  if (databaseInUse(target))
    throw new Error(`Die Datenbank ${target} wird gerade benutzt (läuft der Server oder ein Import?). Bitte zuerst den Server stoppen, z. B. systemctl stop staedtenetz.`);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.wiederherstellung-${process.pid}`;
  rmSync(tmp, { force: true });
  log("Kopiere die Sicherung …");
  const src = new Database(from, { readonly: true });
  try {
    // VACUUM INTO writes a fresh, compact copy without touching the backup file.
    src.prepare("VACUUM INTO ?").run(tmp);
  } finally {
    src.close();
  }
  fsyncPath(tmp);
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.vor-wiederherstellung-${stamp()}`;
    log(`Lege die bisherige Datenbank beiseite: ${previous}`);
    renameSync(target, previous);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(target + suffix)) renameSync(target + suffix, previous + suffix);
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) if (existsSync(target + suffix)) unlinkSync(target + suffix);
  renameSync(tmp, target);
  fsyncPath(dirname(target));
  const db = new Database(target);
  try {
    db.pragma("journal_mode = WAL");
    const ok = db.pragma("quick_check", { simple: true });
    if (ok !== "ok") throw new Error(`quick_check nach dem Kopieren: ${String(ok)}`);
  } finally {
    db.close();
  }
  return { target, previous, bytes: statSync(target).size };
}

/** Keeps the newest `keep` backups named `<prefix>*.db` in `dir`; returns the removed file names. */
export function rotateBackups(dir: string, keep: number, prefix = "app-"): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".db"))
    .sort()
    .reverse();
  const removed = files.slice(Math.max(1, keep));
  for (const f of removed) rmSync(join(dir, f), { force: true });
  return removed;
}

export const backupFileName = (d = new Date()) => `app-${stamp(d)}.db`;

/** Milliseconds until the next `hour`:00 local time (at least one minute away). */
export function msUntilHour(hour: number, now = new Date()): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() - now.getTime() < 60_000) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * Scheduled backups in the server (off unless BACKUP_DIR is set): every day at BACKUP_HOUR, and one minute after
 * start when the newest backup in BACKUP_DIR is older than a day; keeps the newest BACKUP_KEEP. Uses the server's
 * own connection (its own writes never restart the copy). Logs one line per run, without personal data.
 */
export function startScheduledBackups(
  source: Database.Database,
  cfg: { dir?: string; keep: number; hour: number },
  log: (line: string) => void = (l) => console.log(l),
): () => void {
  if (!cfg.dir) return () => undefined;
  const dir = cfg.dir;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      mkdirSync(dir, { recursive: true });
      const r = await backupDatabase(source, join(dir, backupFileName()));
      const removed = rotateBackups(dir, cfg.keep);
      log(`Sicherung: ${r.file} (${formatSize(r.bytes)}, ${(r.ms / 1000).toFixed(1)} s, integrity_check ok${removed.length ? `, ${removed.length} alte entfernt` : ""})`);
    } catch (e) {
      log(`Sicherung fehlgeschlagen: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await run();
      schedule();
    }, msUntilHour(cfg.hour));
    timer.unref();
  };
  const newest = (() => {
    try {
      const f = readdirSync(dir).filter((n) => n.startsWith("app-") && n.endsWith(".db")).sort().at(-1);
      return f ? statSync(join(dir, f)).mtimeMs : 0;
    } catch {
      return 0;
    }
  })();
  if (Date.now() - newest > 24 * 3_600_000) setTimeout(run, 60_000).unref();
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
