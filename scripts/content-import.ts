// npm run content:import -- --dir <path>: imports content/<folder>/*.md of every registered collection.
import { resolve } from "node:path";
import { constants, setPriority } from "node:os";
import { existsSync } from "node:fs";
import { cli, die, progress } from "./lib/cli";
import { EnvError, getEnv } from "../app/services/env.server";
import { DatabaseConfigError, openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";
import { importContent, summaryLines } from "../app/services/content/importer.server";
import { collections } from "../app/services/content/collections.server";

const usage = `
Importiert Inhalte (Markdown mit YAML-Front-Matter) in die Datenbank: ${collections.map((c) => `${c.folder}/*.md`).join(", ")}.
Legt die Datenbank an und migriert sie vorher. Idempotent: unveränderte Dateien werden übersprungen.
Auf der Website bearbeitete Beiträge werden nicht überschrieben, sondern als Konflikt gemeldet.

Aufruf: npm run content:import [-- --dir <ordner>] [--force]
  --dir    Inhaltsordner (Standard: CONTENT_DIR oder ./content)
  --force  auch auf der Website bearbeitete Beiträge mit der Datei überschreiben
Umgebung: DATABASE_URL (Standard file:./data/app.db), CONTENT_DIR, CONTENT_MAX_BYTES (Standard 2 MB)
Läuft auch neben der laufenden Website: kurze Schreibtransaktionen, bei belegter Datenbank wird wiederholt.
Abgelehnt (eine Zeile je Datei): symbolische Links, Namen, die sich nur in Groß-/Kleinschreibung unterscheiden,
zu große, leere und Binärdateien, ungültiges UTF-8 (mit Byte-Position). Steuerzeichen werden entfernt.
Exit-Code: 0 nur, wenn keine Datei fehlerhaft war.
`;
const { values } = cli(usage, { dir: { type: "string" }, force: { type: "boolean" } });
let env;
try {
  env = getEnv();
} catch (e) {
  die(e instanceof EnvError ? e.message : String(e), 1);
}
const dir = resolve(values.dir ?? env.CONTENT_DIR);
if (!existsSync(dir)) die(`Inhaltsordner ${dir} existiert nicht.`);

let db;
try {
  db = openDatabase().db;
  runMigrations(db);
  setDb(db);
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Datenbank: ${(e as Error).message}`, 1);
}

// A background job: give the CPU to the site first (nice 19), so its readers stay fast during a large import.
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  /* not permitted: run at normal priority */
}
console.log(`Import aus ${dir}`);
const bars = new Map<string, ReturnType<typeof progress>>();
const report = await importContent(db, {
  maxBytes: env.CONTENT_MAX_BYTES,
  dir,
  force: !!values.force,
  onError: (line) => console.error(`Fehler: ${line}`),
  onWarning: (line) => console.error(line),
  onProgress: (label, done, total) => {
    let bar = bars.get(label);
    if (!bar) bars.set(label, (bar = progress(label, total, 1000)));
    if (total > 0) bar.tick(done);
  },
}).catch((e: unknown) => {
  // Never an uncaught error: one line, exit 1 (files already committed stay imported; a re-run continues).
  console.error(`Fehler: Import abgebrochen (${(e as Error)?.message ?? String(e)}). Bereits übernommene Dateien bleiben; bitte erneut starten.`);
  process.exit(1);
});
for (const c of report.conflicts) console.error(c);
if (report.missingLinks.length) {
  console.log(`\nFehlende Link-Ziele ([[slug]] ohne veröffentlichten Beitrag): ${report.missingLinks.length}`);
  for (const m of report.missingLinks.slice(0, 100)) console.log(`  ${m.folder}/${m.slug}.md → [[${m.target}]]`);
  if (report.missingLinks.length > 100) console.log(`  … und ${report.missingLinks.length - 100} weitere`);
}
console.log("");
for (const line of summaryLines(report)) console.log(line);
console.log(
  `Schreibtransaktionen: ${report.transactions}, wegen belegter Datenbank wiederholt: ${report.busyRetries}, längste ${Math.round(report.longestTxMs)} ms, Verknüpfen am Ende ${Math.round(report.finishMs)} ms`,
);
db.$client.close();
if (!report.ok) {
  console.error(`\nImport mit Fehlern beendet: ${report.errors.length} Fehler in ${report.collections.reduce((n, c) => n + c.failed, 0)} Datei(en).`);
  process.exit(1);
}
