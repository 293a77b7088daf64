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
Aufruf: npm run bench:markdown [-- --runs 5] [--post 50000]
  --runs N   Wiederholungen je Fall (bester und mittlerer Wert werden berichtet, Standard 5)
  --post N   Länge der Forenbeiträge in Zeichen (Standard: die Grenze der Formulare, 50.000;
             z. B. 20000 für den 20.000-Zeichen-Beitrag aus Issue 12)
Beendet sich mit 1, wenn ein Fall 100 ms oder mehr braucht oder einen Fehler wirft.
`,
  { runs: { type: "string" }, post: { type: "string" } },
);
const RUNS = Math.max(1, Number(values.runs ?? 5));
const POST_ARG = values.post === undefined ? undefined : Number(values.post);
if (POST_ARG !== undefined && !(Number.isInteger(POST_ARG) && POST_ARG >= 1000)) {
  console.error("Fehler: --post muss eine ganze Zahl ab 1000 sein.");
  process.exit(2);
}

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

const POST = POST_ARG ?? LIMITS.post; // 50,000 unless --post
const ARTICLE = LIMITS.article; // 200,000
const fit = (unit: string, max: number) => unit.repeat(Math.floor(max / unit.length)).slice(0, max);

// Adversarial inputs, each at the largest size a form accepts. Every case is also run at half the size: the
// growth factor (time at full size ÷ time at half size) is about 2 for linear work and 4 for quadratic work.
const words = "Die Stadt berät Familien aus Bulgarien und Rumänien zu Wohnung, Arbeit und Schule. ";
type Case = { name: string; max: number; make: (n: number) => string; run: (s: string) => unknown };
const cases: Case[] = [];
const add = (name: string, max: number, make: (n: number) => string, run: (s: string) => unknown) => cases.push({ name, max, make, run });
const unit = (u: string) => (n: number) => fit(u, n);

const md = (s: string) => renderMarkdown(s);
const mdArticle = (s: string) => renderMarkdown(s, { headingAnchors: true });
const post = (s: string) => cookPost(db, s);

const baseline = fit(words, POST);
add("Basislinie: Absatz (renderMarkdown)", POST, unit(words), md);
add("Überschrift voller [[ ohne ]]", POST, (n) => `# ${fit("[[a ", n - 2)}`, md);
add("Überschrift [[a|[[a|…", POST, (n) => `# ${fit("[[a|", n - 2)}`, md);
add("viele Überschriften mit Klammern", POST, unit("## [[x]] [[y|z [a](b) ]]\n"), md);
add("viele Überschriften mit Klammern (Artikel)", ARTICLE, unit("## Abschnitt [[glossar-iti|ITI]] [[a [[b ]]\n\nText [[c]].\n\n"), mdArticle);
add("gleiche Überschriften (Artikel, Anker)", ARTICLE, unit("## Problem\n\n"), mdArticle);
add("Artikel gemischt", ARTICLE, unit(`## Problem\n\n${words}**fett** _kursiv_ [Link](/wissen/a) [[glossar-iti]]\n\n- Punkt\n- Punkt\n\n> Zitat\n\n`), mdArticle);
add("verschachtelte Zitate >>>> (eine Zeile)", POST, (n) => `${">".repeat(n - 5)} tief`, md);
add("Treppe verschachtelter Zitate (Zeilen)", POST, (n) => {
  let out = "";
  for (let i = 1; out.length < n; i++) out += `${"> ".repeat(i)}x\n`;
  return out.slice(0, n);
}, md);
add("verschachtelte Listen - - - …", POST, (n) => `${fit("- ", n - 1)}x`, md);
add("verschachtelte Listen über Einrückung", POST, (n) => {
  let out = "";
  for (let i = 0; out.length < n; i++) out += `${"  ".repeat(i % 400)}- x\n`;
  return out.slice(0, n);
}, md);
add("gemischt > - 1. verschachtelt", POST, (n) => `${fit("> - 1. ", n - 1)}x`, md);
add("offene Klammern [ [ [ …", POST, unit("[a "), md);
add("offene Links [a](b [a](b …", POST, unit("[a](b "), md);
add("Bilder ohne Ende ![a](…", POST, unit("![a]("), md);
add("Betonung **a *a **a …", POST, unit("**a *a "), md);
add("Betonung *a* *a* … (viele Tags)", POST, unit("*a* "), md);
add("Unterstriche _a __a …", POST, unit("_a __a "), md);
add("Backticks ` `` ``` …", POST, unit("` `` ``` "), md);
add("< ohne >", POST, unit("<a "), md);
add("Autolinks www.a.", POST, unit("www.a."), md);
add("Tabelle breit | | |", POST, (n) => `a${"|a".repeat(n / 10)}\n${"|-".repeat(n / 10)}|\n${fit("|a", n - (n / 10) * 4 - 10)}`, md);
add("Escapes \\\\", POST, unit("\\"), md);
add("Entities &#&#&#", POST, unit("&#"), md);
add("harte Umbrüche a␠␠⏎", POST, unit("a  \n"), md);
add("Steuer- und Bidi-Zeichen", POST, unit("a\u0000\u0007\u202E\u2066\r\n"), md);
add("Erwähnungsketten @a-b-c-… (cookPost)", POST, unit("@a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z- "), post);
add("Erwähnungen @anna-bench (cookPost)", POST, unit("@anna-bench "), post);
add("Inhaltslinks http://a/wissen/ (cookPost)", POST, unit("http://ahttp://a/wissen/-"), post);
add("Wiki-Links [[a-a-a-… ohne Ende (cookPost)", POST, unit("[[a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-"), post);
add("Klartext für Suche (markdownToText, Artikel)", ARTICLE, unit(`## A [[b]]\n\n${words}`), (s) => markdownToText(s));

// Personal-data guardrail (runs on every post before publishing): each regex's worst shape and the pairing of
// names with health words.
add("Personendaten: Absatz", POST, unit(words), detectPersonalData);
add("Personendaten: Namen × Gesundheitswörter", POST, (n) => fit("Frau Popescu ", n / 2) + fit("HIV ", n / 2), detectPersonalData);
add("Personendaten: Namen + Anschriften + Daten", POST, unit("Frau Ana Popescu, Hauptstraße 12a, 47051 Duisburg, geb. 01.02.1990 "), detectPersonalData);
add("Personendaten: Leerraum nach Schlüsselwort", POST, unit(`SV-Nummer${" ".repeat(200)}`), detectPersonalData);
add("Personendaten: Großbuchstaben-Ketten", POST, unit("Aaaa-Aaaa-Aaaa "), detectPersonalData);
add("Personendaten: Ziffernfolgen", POST, unit("1234567890 "), detectPersonalData);
add("Personendaten: IBAN-artig", POST, unit("DE12 3456 7890 1234 5678 9012 3456 7890 "), detectPersonalData);
add("Personendaten: Sternchen + Leerraum", POST, unit(`*${" ".repeat(100)}`), detectPersonalData);

// Other helpers on user text.
add("slugify", POST, unit("Ä-ß ñ "), (s) => slugify(s));
add("fold", POST, unit("Äöü ßé "), fold);
add("Suchausschnitt (makeSnippet, Artikel)", ARTICLE, unit(words), (s) => makeSnippet(s, makeMatcher(["familien", "schule"])));
add("cleanText voller Steuerzeichen (Artikel)", ARTICLE, unit("a\u0000\u202E\u200B\r\n"), cleanText);
add("cleanLine voller unsichtbarer Zeichen", POST, unit("a\u200B\u200D\u00AD\uFEFF👩\u200D💻"), cleanLine);

// Form parsing: 1,000 fields (the most parseForm accepts), 100,000 (rejected) and one 200,000-character field.
const schema = z.object({ a: z.string().max(10).optional() });
const formOf = (n: number) => {
  const f = new FormData();
  for (let i = 0; i < n; i++) f.append(`f${i}`, "x");
  return f;
};
const forms = new Map<number, FormData>([[500, formOf(500)], [1000, formOf(1000)], [50_000, formOf(50_000)], [100_000, formOf(100_000)]]);
type FormCase = { name: string; max: number; run: (n: number) => unknown };
const formCases: FormCase[] = [
  { name: "parseForm 1.000 Felder", max: 1000, run: (n) => parseForm(forms.get(n)!, schema, "Bench") },
  { name: "parseForm 100.000 Felder (abgelehnt)", max: 100_000, run: (n) => parseForm(forms.get(n)!, schema, "Bench") },
];
const bigFields = new Map<number, FormData>();
for (const n of [ARTICLE / 2, ARTICLE]) {
  const f = new FormData();
  f.append("raw", fit("a\u0000\u202E ", n));
  bigFields.set(n, f);
}
const rawSchema = z.object({ raw: z.string().max(ARTICLE) });
formCases.push({ name: "parseForm 1 Feld, Artikel-Länge", max: ARTICLE, run: (n) => parseForm(bigFields.get(n)!, rawSchema, "Bench") });

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

function time(run: () => unknown): { min: number; med: number; error?: string } {
  const times: number[] = [];
  let error: string | undefined;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    try {
      run();
    } catch (e) {
      error = `${(e as Error).name}: ${(e as Error).message.split("\n")[0].slice(0, 60)}`;
    }
    times.push(performance.now() - t);
  }
  return { min: Math.min(...times), med: median(times), error };
}

const total = cases.length + formCases.length;
const p = progress("Fälle", total, 1);
type Row = { name: string; size: number; min: number; med: number; growth: number; error?: string };
const rows: Row[] = [];
for (const c of cases) {
  const full = c.make(c.max);
  const half = c.make(Math.floor(c.max / 2));
  const h = time(() => c.run(half));
  const f = time(() => c.run(full));
  rows.push({ name: c.name, size: full.length, min: f.min, med: f.med, growth: f.min / Math.max(h.min, 0.01), error: f.error ?? h.error });
  p.tick(rows.length);
}
for (const c of formCases) {
  const h = time(() => c.run(c.max / 2));
  const f = time(() => c.run(c.max));
  rows.push({ name: c.name, size: c.max, min: f.min, med: f.med, growth: f.min / Math.max(h.min, 0.01), error: f.error ?? h.error });
  p.tick(rows.length);
}

const base = rows[0].min;
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\nBester und mittlerer Wert aus ${RUNS} Läufen je Fall. Basislinie (schlichter Absatz, ${POST.toLocaleString("de-DE")} Zeichen): ${base.toFixed(1)} ms.`);
console.log(`Wachstum = Zeit bei voller ÷ Zeit bei halber Größe (≈ 2 linear, ≈ 4 quadratisch).`);
console.log(`${"Fall".padEnd(width)}  ${"Zeichen".padStart(8)}  ${"min ms".padStart(7)}  ${"med ms".padStart(7)}  ${"× Basis".padStart(7)}  ${"Wachstum".padStart(8)}`);
let over = 0;
for (const r of rows) {
  const flags = [r.min >= 100 ? "ÜBER 100 ms" : "", r.growth > 3 && r.min > 5 ? "SUPERLINEAR?" : "", r.error ? `FEHLER ${r.error}` : ""].filter(Boolean).join("  ");
  if (r.min >= 100 || r.error) over++;
  console.log(`${r.name.padEnd(width)}  ${String(r.size).padStart(8)}  ${r.min.toFixed(1).padStart(7)}  ${r.med.toFixed(1).padStart(7)}  ${(r.min / base).toFixed(1).padStart(7)}  ${r.growth.toFixed(1).padStart(8)}${flags ? `  ${flags}` : ""}`);
}
const slowest = rows.reduce((a, b) => (b.min > a.min ? b : a));
console.log(`\n${rows.length} Fälle, ${over} über 100 ms oder mit Fehler; langsamster: ${slowest.name} mit ${slowest.min.toFixed(1)} ms (${(slowest.min / base).toFixed(1)} × Basislinie).`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = over > 0 ? 1 : 0;
