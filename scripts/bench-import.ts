// Import benchmark: generates N articles into a temp folder, imports them into a temp database with the real
// importer, then re-imports (all unchanged) as the in-process baseline. Prints articles/s and peak memory.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, die } from "./lib/cli";

const { values } = cli(
  `
Benchmark des Inhalte-Imports: erzeugt N Wissensbeiträge in einem temporären Ordner und importiert sie in eine
temporäre Datenbank (danach ein zweiter Lauf ohne Änderungen als Vergleich). Gibt Beiträge/s und Spitzen-Speicher aus.

Aufruf: npm run bench:import [-- --count 10000] [--keep]
`,
  { count: { type: "string" }, keep: { type: "boolean" } },
);
const N = Number(values.count ?? 10_000);
if (!Number.isInteger(N) || N < 1 || N > 1_000_000) die("--count muss eine ganze Zahl zwischen 1 und 1.000.000 sein.");

const work = mkdtempSync(join(tmpdir(), "sn-bench-import-"));
const contentDir = join(work, "content");
mkdirSync(join(contentDir, "wissen"), { recursive: true });
process.env.DATABASE_URL = `file:${join(work, "bench.db")}`;

const TYPES = ["praxis", "glossar", "checkliste", "fakten", "loesungsszenario", "faq"];
const FELDER = ["gesundheit", "soziales-miteinander", "wohnen", "arbeitsmarkt", "kinder-bildung", "zusammenarbeit"];
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const type = TYPES[i % TYPES.length];
  const next = `bench-${String((i + 1) % N).padStart(6, "0")}`; // forward reference, resolved in the finish pass
  const body = [
    "## Problembeschreibung und Ziel",
    `Beitrag ${i}: Zugewanderte aus Bulgarien und Rumänien brauchen Zugang zu Beratung. Siehe [[${next}]].`,
    "## Erfolgreiche Ansätze",
    "- Aufsuchende Arbeit mit Sprach- und Kulturmittlern\n- Sprechstunden im Quartier\n- **Clearingstelle** für Gesundheitsfragen",
    "## Gescheiterte Ansätze",
    "Informationsblätter allein erreichten die Familien nicht.",
    "## Gründe des Scheiterns",
    "Sprachbarrieren und fehlendes Vertrauen in Behörden.",
    "## Nächste Schritte",
    `1. Schritt eins\n2. Schritt zwei mit [Link](https://www.example.org/${i})\n3. Schritt drei`,
  ].join("\n\n");
  const fm = [
    "---",
    `title: "Benchmark-Beitrag ${i}"`,
    `type: ${type}`,
    `summary: "Zusammenfassung des generierten Beitrags ${i} für den Import-Benchmark."`,
    `handlungsfelder: [${FELDER[i % FELDER.length]}, ${FELDER[(i + 2) % FELDER.length]}]`,
    "ebenen: [kommune, land]",
    `staedte: [${i % 2 ? "dortmund" : "duisburg"}]`,
    "stand: 2013-01-31",
    "pruefen_bis: 2027-06-30",
    `quellen: ["Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), S. ${(i % 60) + 1}"]`,
    type === "checkliste" ? "station: anmeldung" : "",
    "---",
  ]
    .filter(Boolean)
    .join("\n");
  writeFileSync(join(contentDir, "wissen", `bench-${String(i).padStart(6, "0")}.md`), `${fm}\n${body}\n`);
}
const genSecs = (performance.now() - t0) / 1000;

const { openDatabase, runMigrations } = await import("../db/client");
const { setDb } = await import("../app/services/db.server");
const { importContent, summaryLines } = await import("../app/services/content/importer.server");
const { db } = openDatabase();
runMigrations(db);
setDb(db);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function run(label: string) {
  const start = performance.now();
  let lastPrint = 0;
  const report = await importContent(db, {
    dir: contentDir,
    onProgress: (_l, done, total) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (done - lastPrint >= 2000 || done === total) {
        lastPrint = done;
        process.stdout.write(`  ${label}: ${done}/${total}\n`);
      }
    },
  });
  const secs = (performance.now() - start) / 1000;
  return { report, secs, rate: N / secs };
}

console.log(`Benchmark Inhalte-Import: ${N} Beiträge erzeugt in ${genSecs.toFixed(1)} s (${work})`);
const first = await run("Import (neu)");
const second = await run("Import (unverändert)");
clearInterval(sampler);
const maxRssKb = process.resourceUsage().maxRSS;
for (const line of summaryLines(first.report)) console.log(`1. Lauf: ${line}`);
for (const line of summaryLines(second.report)) console.log(`2. Lauf: ${line}`);
console.log(`Fehlende Links nach dem 1. Lauf: ${first.report.missingLinks.length}`);
console.log("");
console.log(`Import neu:          ${first.secs.toFixed(2)} s, ${Math.round(first.rate)} Beiträge/s`);
console.log(`Import unverändert:  ${second.secs.toFixed(2)} s, ${Math.round(second.rate)} Beiträge/s (Basislinie; Verhältnis neu/unverändert ${(first.rate / second.rate).toFixed(2)})`);
console.log(`Spitzen-Speicher:    RSS ${mb(peakRss)} (gemessen), maxRSS ${mb(maxRssKb * 1024)} (resourceUsage), Heap jetzt ${mb(process.memoryUsage().heapUsed)}`);
db.$client.close();
if (!values.keep) rmSync(work, { recursive: true, force: true });
if (!first.report.ok || first.report.collections[0].created !== N) process.exit(1);
