// npm run db:restore -- --from <file>: replaces the database with a checked backup (only while nothing uses it).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cli, die } from "./lib/cli";
import { databasePath } from "../db/client";
import { EnvError, getEnv } from "../app/services/env.server";
import { formatSize, restoreDatabase } from "../app/services/backup.server";

const usage = `
Stellt die Datenbank aus einer Sicherung wieder her. Verweigert, solange ein Prozess (Server, Import) die
Datenbank geöffnet hat – geprüft mit einer exklusiven SQLite-Sperre. Prüft die Sicherung vorher (SQLite-Dateikopf,
PRAGMA integrity_check, Migrationstabelle dieser Anwendung, nicht neuer als diese Programmversion). Die bisherige
Datenbank bleibt als <datenbank>.vor-wiederherstellung-<zeit> liegen; alte -wal/-shm-Dateien werden mit ihr beiseitegelegt.

Aufruf: npm run db:restore -- --from <sicherung>
  --from   Sicherungsdatei (von npm run db:backup)
Umgebung: DATABASE_URL (Ziel; Standard file:./data/app.db)
Danach: Server starten (npm start); fehlende Migrationen einer älteren Sicherung wendet der Start an.
Exit-Code: 0 bei Erfolg, 1 wenn verweigert oder fehlgeschlagen, 2 bei falschem Aufruf.
`;
const { values } = cli(usage, { from: { type: "string" } });
if (!values.from) die("--from <sicherung> fehlt.");
let env;
try {
  env = getEnv();
} catch (e) {
  die(e instanceof EnvError ? e.message : String(e), 1);
}
const target = databasePath(env.DATABASE_URL);
if (target === ":memory:") die("DATABASE_URL zeigt auf eine In-Memory-Datenbank.", 1);
const from = resolve(values.from);
if (from === target) die("--from ist die Datenbank selbst.");
const journal = join(dirname(fileURLToPath(import.meta.url)), "..", "db", "migrations", "meta", "_journal.json");
const knownMigrations = (JSON.parse(readFileSync(journal, "utf8")) as { entries: unknown[] }).entries.length;

try {
  const r = restoreDatabase(from, target, { knownMigrations, log: (l) => console.log(l) });
  console.log(`Wiederhergestellt: ${r.target} (${formatSize(r.bytes)}) aus ${from}.`);
  console.log(r.previous ? `Bisherige Datenbank aufbewahrt: ${r.previous}` : "Es gab vorher keine Datenbank an dieser Stelle.");
  console.log("Jetzt den Server starten (npm start) und /healthz prüfen.");
} catch (e) {
  die((e as Error).message, 1);
}
