// Lists outdated packages within our majors and public advisories (npm outdated + npm audit, both ask the npm
// registry). Exit 1 when a high or critical advisory has a fix within the installed major, 2 when a check could
// not run (no answer from the registry is never reported as "no advisories").
// Aufruf: npm run deps:check [-- --outdated-json datei --audit-json datei] [--omit-dev]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, die } from "./lib/cli";
import { advisories, mustFail, outdatedWithinMajor, type Audit, type Outdated } from "./lib/deps";

const { values } = cli(
  `
Prüft die Abhängigkeiten: veraltete Pakete innerhalb unserer Hauptversionen und veröffentlichte Sicherheitshinweise
(npm outdated und npm audit; beide fragen die npm-Registry).
Exit-Code 0: nichts Dringendes; 1: Hinweis mit Schwere high/critical und Korrektur in derselben Hauptversion;
2: eine Prüfung konnte nicht laufen.
Aufruf: npm run deps:check [-- --omit-dev] [--outdated-json datei] [--audit-json datei]
  --omit-dev          nur Laufzeit-Abhängigkeiten prüfen (npm audit --omit=dev)
  --outdated-json f   Ausgabe von "npm outdated --json" aus einer Datei lesen statt npm zu fragen
  --audit-json f      Ausgabe von "npm audit --json" aus einer Datei lesen statt npm zu fragen
`,
  { "omit-dev": { type: "boolean" }, "outdated-json": { type: "string" }, "audit-json": { type: "string" } },
);

function npmJson(args: string[], label: string): { json: unknown; error: string | null } {
  console.log(`${label} …`);
  const r = spawnSync("npm", [...args, "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // npm outdated and npm audit exit 1 when they find something: judge by the JSON, not the exit code.
  try {
    const json = JSON.parse(r.stdout || "{}") as Record<string, unknown>;
    if (json && typeof json === "object" && "statusCode" in json && Number(json.statusCode) >= 400) {
      return { json: null, error: `Registry antwortet ${json.statusCode}: ${String(json.message ?? "").slice(0, 200)}` };
    }
    if (json && typeof json === "object" && "error" in json && json.error) {
      const e = json.error as { summary?: string; code?: string };
      return { json: null, error: e.summary || e.code || String((json as { message?: string }).message ?? "unbekannter Fehler") };
    }
    return { json, error: null };
  } catch {
    return { json: null, error: (r.stderr || r.error?.message || "keine Ausgabe").trim().split("\n").at(-1)!.slice(0, 300) };
  }
}
const fromFile = (path: string) => {
  try {
    return { json: JSON.parse(readFileSync(path, "utf8")) as unknown, error: null };
  } catch (e) {
    die(`${path} ist keine lesbare JSON-Datei (${(e as Error).message})`);
  }
};

function installedVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

let incomplete = false;

const outdated = values["outdated-json"] ? fromFile(values["outdated-json"]) : npmJson(["outdated"], "npm outdated");
if (outdated.error) {
  console.error(`Veraltete Pakete: Prüfung nicht möglich – ${outdated.error}`);
  incomplete = true;
} else {
  const rows = outdatedWithinMajor(outdated.json as Outdated);
  console.log(`\nVeraltete Pakete innerhalb der Hauptversion (${rows.length}):`);
  for (const r of rows) console.log(`  ${r.name.padEnd(36)} ${r.current.padEnd(10)} → ${r.target}`);
}

const audit = values["audit-json"] ? fromFile(values["audit-json"]) : npmJson(["audit", ...(values["omit-dev"] ? ["--omit=dev"] : [])], "npm audit");
let failing = 0;
if (audit.error) {
  console.error(`Sicherheitshinweise: Prüfung nicht möglich – ${audit.error}`);
  incomplete = true;
} else {
  const rows = advisories(audit.json as Audit, installedVersion);
  console.log(`\nSicherheitshinweise (${rows.length}):`);
  for (const r of rows) {
    const fix = r.fixedIn ? `behoben in ${r.fixedIn}${r.fixInMajor ? " (gleiche Hauptversion)" : " (andere Hauptversion)"}` : "noch keine Korrektur";
    console.log(`  [${r.severity}] ${r.package}@${r.installed ?? "?"} ${r.id}: ${r.title} – betroffen ${r.vulnerable}; ${fix}`);
  }
  const bad = mustFail(rows);
  failing = bad.length;
  if (bad.length) console.error(`\n${bad.length} Hinweis(e) mit Schwere high/critical lassen sich innerhalb der Hauptversion beheben: ${bad.map((b) => `${b.package} → ${b.fixedIn}`).join(", ")}`);
}

console.log(`\nZusammenfassung: ${failing ? `${failing} dringende Korrektur(en)` : "keine dringende Korrektur"}${incomplete ? ", Prüfung unvollständig" : ""}.`);
process.exit(failing ? 1 : incomplete ? 2 : 0);
