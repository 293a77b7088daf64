// Worst-case cost of one request's text work: Markdown rendering, mentions, the personal-data guardrail and
// form parsing, each at the largest input the form limits allow, next to a baseline (a plain 50,000-character
// paragraph) measured in the same run. Target: every request-path operation under 100 ms.
// Aufruf: npm run bench:markdown [-- --runs 5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, progress } from "./lib/cli";

const { values } = cli(
  `
Misst die Zeit für Markdown-Rendering, Erwähnungen, den Personendaten-Hinweis und das Formular-Parsen bei
absichtlich ungünstigen Eingaben in der größten erlaubten Länge, neben einer Basislinie (ein schlichter Absatz
mit 50.000 Zeichen) aus demselben Lauf. Ziel: jede Operation auf dem Anfragepfad unter 100 ms.
Aufruf: npm run bench:markdown [-- --runs 5]
  --runs N   Wiederholungen je Fall (Median wird berichtet, Standard 5)
`,
  { runs: { type: "string" } },
);
const RUNS = Math.max(1, Number(values.runs ?? 5));

const dir = mkdtempSync(join(tmpdir(), "sn-bench-md-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.NODE_ENV = "production";
process.env.PUBLIC_URL ??= "http://localhost:3000";

const { openDatabase, runMigrations } = await import("../db/client");
const { setDb } = await import("../app/services/db.server");
const { seedCities } = await import("../db/seed");
const { createUser } = await import("../app/models/user.server");
const { cookPost } = await import("../app/models/forum.server");
const { renderMarkdown, markdownToText } = await import("../app/services/markdown.server");
const { detectPersonalData } = await import("../app/utils/personal-data");
const { parseForm, LIMITS } = await import("../app/utils/forms");
const { slugify } = await import("../app/utils/slug");
const { fold, makeSnippet, makeMatcher } = await import("../app/services/search/fold");
const { cleanLine, cleanText } = await import("../app/utils/text-hygiene");
const { z } = await import("zod");

const { db } = openDatabase();
runMigrations(db);
setDb(db);
seedCities(db);
await createUser(db, { email: "a@bench.invalid", name: "Anna Bench", password: "x".repeat(16), role: "mitglied" });

const POST = LIMITS.post; // 50,000
const ARTICLE = LIMITS.article; // 200,000
const fit = (unit: string, max: number) => unit.repeat(Math.floor(max / unit.length)).slice(0, max);

// Adversarial inputs, each at the largest size a form accepts.
const words = "Die Stadt berät Familien aus Bulgarien und Rumänien zu Wohnung, Arbeit und Schule. ";
const cases: { name: string; run: () => unknown; size: number }[] = [];
const add = (name: string, input: string, run: (s: string) => unknown) => cases.push({ name, size: input.length, run: () => run(input) });

const baseline = fit(words, POST);
const md = (s: string) => renderMarkdown(s);
const mdArticle = (s: string) => renderMarkdown(s, { headingAnchors: true });
const post = (s: string) => cookPost(db, s);

add("Basislinie: Absatz, 50.000 Zeichen (renderMarkdown)", baseline, md);
add("Überschrift voller [[ ohne ]] (Beitrag)", `# ${fit("[[a ", POST - 2)}`, md);
add("Überschrift [[a|[[a|… (Beitrag)", `# ${fit("[[a|", POST - 2)}`, md);
add("viele Überschriften mit Klammern (Beitrag)", fit("## [[x]] [[y|z [a](b) ]]\n", POST), md);
add("viele Überschriften mit Klammern (Artikel 200.000)", fit("## Abschnitt [[glossar-iti|ITI]] [[a [[b ]]\n\nText [[c]].\n\n", ARTICLE), mdArticle);
add("Artikel 200.000 Zeichen gemischt", fit(`## Problem\n\n${words}**fett** _kursiv_ [Link](/wissen/a) [[glossar-iti]]\n\n- Punkt\n- Punkt\n\n> Zitat\n\n`, ARTICLE), mdArticle);
add("10.000 verschachtelte Zitate (eine Zeile)", `${">".repeat(10_000)} tief`, md);
add("Zitate bis 50.000 Zeichen (eine Zeile)", `${">".repeat(POST - 5)} tief`, md);
add("Treppe verschachtelter Zitate (Zeilen)", fit(Array.from({ length: 220 }, (_, i) => `${"> ".repeat(i + 1)}x`).join("\n") + "\n", POST), md);
add("10.000 verschachtelte Listen (- - - …)", `${"- ".repeat(10_000)}x`, md);
add("verschachtelte Listen über Einrückung", fit(Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n") + "\n", POST), md);
add("gemischt > - 1. verschachtelt", `${"> - 1. ".repeat(7000)}x`, md);
add("offene Klammern [ [ [ … (Beitrag)", fit("[a ", POST), md);
add("offene Links [a](b [a](b … (Beitrag)", fit("[a](b ", POST), md);
add("Bilder ohne Ende ![a](… (Beitrag)", fit("![a](", POST), md);
add("Betonung **a *a **a … (Beitrag)", fit("**a *a ", POST), md);
add("Unterstriche _a __a … (Beitrag)", fit("_a __a ", POST), md);
add("Backticks ` `` ``` … (Beitrag)", fit("` `` ``` ", POST), md);
add("< ohne > (Beitrag)", fit("<a ", POST), md);
add("Autolinks www.a. (Beitrag)", fit("www.a.", POST), md);
add("Tabelle breit | | | (Beitrag)", `a${"|a".repeat(5000)}\n${"|-".repeat(5000)}|\n${fit("|a", POST - 20_010)}`, md);
add("Escapes \\\\\\\\ (Beitrag)", fit("\\", POST), md);
add("Entities &#&#&# (Beitrag)", fit("&#", POST), md);
add("Leerzeichen + Zeilenumbrüche (Beitrag)", fit("a  \n", POST), md);
add("Steuer- und Bidi-Zeichen (Beitrag)", fit("a\u0000\u0007\u202E\u2066\r\n", POST), md);
add("Erwähnungsketten @a-a-a-… (cookPost)", fit("@a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z- ", POST), post);
add("Erwähnungen @anna-bench x 5.000 (cookPost)", fit("@anna-bench ", POST), post);
add("Inhaltslinks http://a/wissen/ ohne Ende (cookPost)", fit("http://ahttp://a/wissen/-", POST), post);
add("Wiki-Links [[a-a-a-… (cookPost)", fit("[[a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-", POST), post);
add("Klartext für Suche (markdownToText, Artikel)", fit(`## A [[b]]\n\n${words}`, ARTICLE), (s) => markdownToText(s));

// Personal-data guardrail: names far from many health words (pairing), and each regex's worst shape.
const names = fit("Frau Popescu ", POST / 2);
const health = fit("HIV ", POST / 2);
add("Personendaten: Basislinie (Absatz)", baseline, detectPersonalData);
add("Personendaten: Namen × Gesundheitswörter", names + health, detectPersonalData);
add("Personendaten: Namen + Anschriften + Daten", fit("Frau Ana Popescu, Hauptstraße 12a, 47051 Duisburg, geb. 01.02.1990 ", POST), detectPersonalData);
add("Personendaten: Leerraum nach Schlüsselwort", fit(`SV-Nummer${" ".repeat(200)}`, POST), detectPersonalData);
add("Personendaten: Großbuchstaben-Ketten", fit("Aaaa-Aaaa-Aaaa ", POST), detectPersonalData);
add("Personendaten: Ziffernfolgen", fit("1234567890 ", POST), detectPersonalData);
add("Personendaten: IBAN-artig", fit("DE12 3456 7890 1234 5678 9012 3456 7890 ", POST), detectPersonalData);
add("Personendaten: Sternchen + Leerraum", fit(`*${" ".repeat(100)}`, POST), detectPersonalData);

// Other helpers on user text.
add("slugify 50.000 Zeichen", fit("Ä-ß ñ ", POST), (s) => slugify(s));
add("fold 50.000 Zeichen", fit("Äöü ßé ", POST), fold);
add("Suchausschnitt (makeSnippet) 200.000 Zeichen", fit(words, ARTICLE), (s) => makeSnippet(s, makeMatcher(["familien", "schule"])));
add("cleanText 200.000 Zeichen voller Steuerzeichen", fit("a\u0000\u202E\u200B\r\n", ARTICLE), cleanText);
add("cleanLine 50.000 Zeichen voller unsichtbarer Zeichen", fit("a\u200B\u200D\u00AD\uFEFF👩\u200D💻", POST), cleanLine);

// Form parsing: 1,000 fields (the most parseForm accepts) and 100,000 (rejected).
const schema = z.object({ a: z.string().max(10).optional() });
const formOf = (n: number) => {
  const f = new FormData();
  for (let i = 0; i < n; i++) f.append(`f${i}`, "x");
  return f;
};
const f1k = formOf(1000);
const f100k = formOf(100_000);
cases.push({ name: "parseForm 1.000 Felder", size: 1000, run: () => parseForm(f1k, schema, "Bench") });
cases.push({ name: "parseForm 100.000 Felder (abgelehnt)", size: 100_000, run: () => parseForm(f100k, schema, "Bench") });
const bigField = new FormData();
bigField.append("raw", fit("a\u0000\u202E ", ARTICLE));
cases.push({ name: "parseForm 1 Feld mit 200.000 Zeichen", size: ARTICLE, run: () => parseForm(bigField, z.object({ raw: z.string().max(ARTICLE) }), "Bench") });

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Warm up the JIT on the baseline and a short mixed text, so the first case is not penalised.
for (let i = 0; i < 5; i++) {
  renderMarkdown(baseline);
  renderMarkdown("## A [[b]]\n\n**c** _d_ [e](/f)\n\n- g\n> h");
  detectPersonalData(baseline);
}

const p = progress("Fälle", cases.length, 1);
const results: { name: string; size: number; ms: number; error?: string }[] = [];
for (const [i, c] of cases.entries()) {
  const times: number[] = [];
  let error: string | undefined;
  for (let r = 0; r < RUNS; r++) {
    const s = performance.now();
    try {
      c.run();
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message.slice(0, 60)}`;
    }
    times.push(performance.now() - s);
  }
  results.push({ name: c.name, size: c.size, ms: median(times), error });
  p.tick(i + 1);
}

const base = results[0].ms;
const width = Math.max(...results.map((r) => r.name.length));
console.log(`\nMedian aus ${RUNS} Läufen; Basislinie ${base.toFixed(1)} ms (schlichter Absatz, 50.000 Zeichen).`);
console.log(`${"Fall".padEnd(width)}  ${"Größe".padStart(8)}  ${"ms".padStart(8)}  ${"× Basis".padStart(8)}`);
let over = 0;
for (const r of results) {
  const flag = r.ms >= 100 ? "  ÜBER 100 ms" : "";
  if (r.ms >= 100 || r.error) over++;
  console.log(`${r.name.padEnd(width)}  ${String(r.size).padStart(8)}  ${r.ms.toFixed(1).padStart(8)}  ${(r.ms / base).toFixed(2).padStart(8)}${flag}${r.error ? `  FEHLER ${r.error}` : ""}`);
}
console.log(`\n${results.length} Fälle, ${over} über 100 ms oder mit Fehler; langsamster: ${Math.max(...results.map((r) => r.ms)).toFixed(1)} ms.`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = over > 0 ? 1 : 0;
