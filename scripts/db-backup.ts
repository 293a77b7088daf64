// npm run db:backup -- --out <file>: online backup of the live database (works while the server writes).
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { cli, die, progress } from "./lib/cli";
import { databasePath } from "../db/client";
import { EnvError, getEnv } from "../app/services/env.server";
import { backupDatabase, backupFileName, formatSize, rotateBackups } from "../app/services/backup.server";

const usage = `
Sichert die Datenbank im laufenden Betrieb (SQLite-Online-Backup, auch während der Server schreibt) und prüft die
Kopie mit PRAGMA integrity_check. Die Kopie ist eine einzelne Datei und enthält alles, was in der Datenbank liegt,
auch den Mail-Ausgang. Eine fertige Sicherungsdatei ist immer vollständig geprüft (sonst bleibt keine Datei zurück).

Aufruf: npm run db:backup -- --out <datei> [--force]
        npm run db:backup -- [--keep <n>]          (ohne --out: neue Datei app-<zeit>.db in BACKUP_DIR)
  --out    Zieldatei der Sicherung
  --force  eine vorhandene Zieldatei überschreiben
  --keep   danach nur die neuesten n Sicherungen app-*.db im Zielordner behalten
Umgebung: DATABASE_URL (Standard file:./data/app.db), BACKUP_DIR
Exit-Code: 0 bei geprüfter Sicherung, 1 bei Fehlern, 2 bei falschem Aufruf.
`;
const { values } = cli(usage, { out: { type: "string" }, force: { type: "boolean" }, keep: { type: "string" } });
let env;
try {
  env = getEnv();
} catch (e) {
  die(e instanceof EnvError ? e.message : String(e), 1);
}
if (!values.out && !env.BACKUP_DIR) die("--out <datei> fehlt (oder BACKUP_DIR setzen).");
const keep = values.keep === undefined ? undefined : Number(values.keep);
if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) die("--keep muss eine ganze Zahl ab 1 sein.");
const out = resolve(values.out ?? join(env.BACKUP_DIR!, backupFileName()));
const source = databasePath(env.DATABASE_URL);
if (source === ":memory:") die("DATABASE_URL zeigt auf eine In-Memory-Datenbank; es gibt nichts zu sichern.", 1);
if (!existsSync(source)) die(`Datenbank ${source} existiert nicht.`, 1);
if (resolve(source) === out) die("--out darf nicht die Datenbank selbst sein.");
if (existsSync(out) && !values.force) die(`${out} existiert schon (mit --force überschreiben).`, 1);
mkdirSync(dirname(out), { recursive: true });

let db: Database.Database;
try {
  db = new Database(source, { fileMustExist: true, timeout: 5000 });
} catch (e) {
  die(`Datenbank ${source} kann nicht geöffnet werden (${(e as Error).message}).`, 1);
}
console.log(`Sicherung von ${source} nach ${out} …`);
let bar: ReturnType<typeof progress> | undefined;
try {
  const r = await backupDatabase(db, out, (done, total) => {
    bar ??= progress("Seiten kopiert", total, 4096);
    bar.tick(done);
  });
  if (r.restarts) console.log(`Während der Sicherung wurde geschrieben: Kopie ${r.restarts}× neu begonnen, zuletzt in einem Schritt.`);
  console.log("Kopie geprüft: integrity_check ok, Migrationstabelle vorhanden.");
  const removed = keep ? rotateBackups(dirname(out), keep) : [];
  if (removed.length) console.log(`Alte Sicherungen entfernt: ${removed.join(", ")}`);
  console.log(`Sicherung fertig: ${out} – ${formatSize(r.bytes)}, ${(r.ms / 1000).toFixed(2).replace(".", ",")} s, ${r.pages} Seiten, Mail-Ausgang: ${r.mailOutbox} Einträge.`);
} catch (e) {
  console.error(`Fehler: Sicherung fehlgeschlagen (${(e as Error).message}).`);
  process.exitCode = 1;
} finally {
  db.close();
}
