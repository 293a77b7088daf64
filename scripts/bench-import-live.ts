// Import under live load: the production server on a temporary database, 50 readers (GET pages) and 5 writers
// (signed-in forum replies and subscription changes) run while `npm run content:import` imports N generated new
// articles. Prints failed files, the import's exit code, reader/writer errors, and reader p50/p99 during the import
// next to the same figures measured just before it (baseline in the same run).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cli, die } from "./lib/cli";

const { values } = cli(
  `
Benchmark: Inhalte-Import neben laufender Website. Startet den Produktions-Build auf einer temporären Datenbank
(NODE_ENV=production), lässt Leser (GET-Seiten) und Schreiber (angemeldete Forenantworten und Abo-Änderungen)
laufen, misst erst ohne Import (Baseline) und dann während \`npm run content:import\` N neue Beiträge importiert.
Ausgabe: fehlerhafte Dateien, Exit-Code des Imports, Fehler der Leser/Schreiber, p50/p99 der Leser vorher und während.
Ziel: 0 fehlerhafte Dateien, Exit 0, keine Leserfehler, p99 der Leser während des Imports unter 1 s.

Aufruf: npm run bench:import-live [-- --count 3000 --readers 50 --writers 5 --baseline 15 --keep]
  --count     neue Beiträge (Standard 3000)
  --readers   gleichzeitige Leser (Standard 50)
  --writers   gleichzeitige Schreiber (Standard 5)
  --baseline  Sekunden Messung vor dem Import (Standard 15)
  --think     Denkpause je Leser zwischen zwei Seiten in ms (Standard 5000, zufällig ±50 %)
  --keep      temporären Ordner behalten
Build: BUILD_DIR oder build/; fehlt er, wird nach .builds/bench gebaut.
`,
  {
    count: { type: "string" },
    readers: { type: "string" },
    writers: { type: "string" },
    baseline: { type: "string" },
    think: { type: "string" },
    keep: { type: "boolean" },
  },
);
const int = (v: string | undefined, d: number, max: number, name: string) => {
  const n = Number(v ?? d);
  if (!Number.isInteger(n) || n < 1 || n > max) die(`--${name} muss eine ganze Zahl zwischen 1 und ${max} sein.`);
  return n;
};
const COUNT = int(values.count, 3000, 100_000, "count");
const READERS = int(values.readers, 50, 500, "readers");
const WRITERS = int(values.writers, 5, 50, "writers");
const BASELINE_S = int(values.baseline, 15, 600, "baseline");
const THINK_MS = values.think === undefined ? 5000 : int(values.think, 5000, 60_000, "think");
const ACCOUNTS_PER_WRITER = 12; // forum replies are limited to 6 per account and minute

const step = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

// ---- build
let buildDir = process.env.BUILD_DIR ?? (existsSync("build/index.js") ? "build" : ".builds/bench");
if (!existsSync(join(buildDir, "index.js"))) {
  step(`Baue die Website nach ${buildDir} …`);
  const b = spawnSync("npx", ["remix", "build"], { env: { ...process.env, BUILD_DIR: buildDir }, stdio: "inherit" });
  if (b.status !== 0) die("remix build fehlgeschlagen.", 1);
}
buildDir = resolve(buildDir);

// ---- temporary database with the corpus, a forum topic per writer and the writers' accounts
const work = mkdtempSync(join(tmpdir(), "sn-bench-live-"));
const dbFile = join(work, "live.db");
process.env.DATABASE_URL = `file:${dbFile}`;
process.env.NODE_ENV = "production";
process.env.SESSION_SECRET ??= "bench-import-live-secret-0123456789";
const freePort = () =>
  new Promise<number>((res, rej) => {
    const s = createServer().once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
process.env.PUBLIC_URL = BASE;

step("Lege die temporäre Datenbank an (Migrationen, Städte, Inhalte, Konten) …");
const { openDatabase, runMigrations } = await import("../db/client");
const { setDb } = await import("../app/services/db.server");
const { seedCities } = await import("../db/seed");
const { importContent } = await import("../app/services/content/importer.server");
const { createUser } = await import("../app/models/user.server");
const { createTopic, ensureCategories, getCategory } = await import("../app/models/forum.server");
const { createUserSession } = await import("../app/services/auth.server");
const { users } = await import("../db/schema/index");
const { eq } = await import("drizzle-orm");
const { db } = openDatabase();
runMigrations(db);
setDb(db);
seedCities(db);
ensureCategories(db);
const corpus = await importContent(db, { dir: resolve("content") });
if (!corpus.ok) die(`Import des Korpus fehlgeschlagen: ${corpus.errors.slice(0, 3).join("; ")}`, 1);
const slugs = (db.$client.prepare("SELECT slug FROM articles WHERE status = 'veroeffentlicht' ORDER BY slug").pluck().all() as string[]);
const firstId = await createUser(db, { email: "schreiber-0-0@bench.invalid", name: "Schreiber 0", password: "bench-passwort-lang", role: "mitglied" });
const hash = db.select({ h: users.passwordHash }).from(users).where(eq(users.id, firstId)).get()!.h;
const cat = getCategory(db, "allgemeines", null)!;
type Writer = { topicUrl: string; cookies: string[] };
const writers: Writer[] = [];
for (let w = 0; w < WRITERS; w++) {
  const cookies: string[] = [];
  const ids: string[] = [];
  for (let a = 0; a < ACCOUNTS_PER_WRITER; a++) {
    let id = w === 0 && a === 0 ? firstId : "";
    if (!id) {
      id = crypto.randomUUID();
      db.insert(users).values({ id, email: `schreiber-${w}-${a}@bench.invalid`, name: `Schreiber ${w}-${a}`, passwordHash: hash, role: "mitglied" }).run();
    }
    ids.push(id);
    cookies.push((await createUserSession(id)).split(";")[0]);
  }
  const topicId = createTopic(db, { category: cat, title: `Lastthema ${w + 1}`, raw: "Start des Lastthemas.", handlungsfelder: [], staedte: [] }, { id: ids[0], name: "Schreiber", role: "mitglied", cityId: null });
  writers.push({ topicUrl: `/forum/${cat.slug}/${topicId}`, cookies });
}
db.$client.close();
setDb(undefined);

// ---- generated articles (new slugs; some link to corpus articles, some forward to each other)
const contentDir = join(work, "import");
mkdirSync(join(contentDir, "wissen"), { recursive: true });
const FELDER = ["gesundheit", "soziales-miteinander", "wohnen", "arbeitsmarkt", "kinder-bildung", "zusammenarbeit"];
for (let i = 0; i < COUNT; i++) {
  const slug = `last-${String(i).padStart(6, "0")}`;
  const link = i % 10 === 0 ? `[[last-${String((i + 1) % COUNT).padStart(6, "0")}]]` : `[[${slugs[i % slugs.length]}]]`;
  writeFileSync(
    join(contentDir, "wissen", `${slug}.md`),
    `---\ntitle: "Lastbeitrag ${i}: Beratung im Quartier"\ntype: praxis\nsummary: "Generierter Beitrag ${i} für den Import unter Last."\nhandlungsfelder: [${FELDER[i % 6]}]\nebenen: [kommune]\nstaedte: [${i % 2 ? "dortmund" : "duisburg"}]\nstand: 2013-01-31\nquellen: ["Handlungsrahmen Zuwanderung aus Südosteuropa, S. ${(i % 60) + 1}"]\n---\n` +
      `## Problembeschreibung und Ziel\n\nZugewanderte aus Bulgarien und Rumänien brauchen Beratung (Beitrag ${i}). Siehe ${link}.\n\n` +
      `## Erfolgreiche Ansätze\n\n- Aufsuchende Arbeit mit Sprachmittlern\n- Sprechstunden im Quartier\n\n## Gescheiterte Ansätze\n\nInformationsblätter allein erreichten die Familien nicht.\n`,
  );
}
step(`${COUNT} neue Beiträge erzeugt in ${contentDir}`);

// ---- server
const server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    BUILD_DIR: buildDir,
    LOG_REQUESTS: "0",
    RATE_LIMIT_READ: "100000000",
    RATE_LIMIT_WRITE: "100000000",
    MAIL_DIR: join(work, "mail"),
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const cleanup = async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  if (!values.keep && !process.env.BENCH_HOLD) rmSync(work, { recursive: true, force: true, maxRetries: 3 });
};
process.on("exit", () => server.kill("SIGKILL"));
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${BASE}/healthz`)).ok) break;
  } catch {
    /* starting */
  }
  if (i > 300 || server.exitCode !== null) {
    await cleanup();
    die("Der Server startet nicht.", 1);
  }
  await new Promise((r) => setTimeout(r, 200));
}
step(`Server läuft auf ${BASE}`);

// ---- load
type Sample = { at: number; ms: number; ok: boolean };
const reads: Sample[] = [];
const writes: Sample[] = [];
let running = true;
let phase: "warm" | "baseline" | "import" | "after" = "warm";
const errorsByKind = new Map<string, number>();
const noteError = (k: string) => errorsByKind.set(k, (errorsByKind.get(k) ?? 0) + 1);
const PAGES = [
  "/", "/wissen", "/foerderung", "/forum", "/staedte", "/projekte", "/suche?q=Krankenversicherung", "/suche?q=Schulpflicht",
  ...slugs.slice(0, 40).map((s) => `/wissen/${s}`),
  ...writers.map((w) => w.topicUrl),
];
async function reader(n: number) {
  let i = n;
  while (running) {
    const path = PAGES[i++ % PAGES.length];
    const t0 = performance.now();
    let ok = false;
    try {
      const res = await fetch(BASE + path, { redirect: "manual" });
      await res.arrayBuffer();
      ok = res.status === 200;
      if (!ok) noteError(`Leser HTTP ${res.status}`);
    } catch (e) {
      noteError(`Leser ${(e as Error).message}`);
    }
    if (phase !== "warm") reads.push({ at: Date.now(), ms: performance.now() - t0, ok });
    if (THINK_MS) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
  }
}
async function writer(w: Writer, n: number) {
  const sent: number[][] = w.cookies.map(() => []);
  let k = 0;
  while (running) {
    const a = k++ % w.cookies.length;
    const now = Date.now();
    sent[a] = sent[a].filter((t) => now - t < 61_000);
    const reply = sent[a].length < 5; // the server allows 6 per account and minute; stay below it
    const body = reply
      ? new URLSearchParams({ intent: "reply", raw: `Antwort ${n}-${k}: Bei uns hat die Sprechstunde im Quartier gut funktioniert.`, replyTo: "" })
      : new URLSearchParams({ intent: "subscribe", level: k % 2 ? "watch" : "follow" });
    if (reply) sent[a].push(now);
    const t0 = performance.now();
    let ok = false;
    try {
      const res = await fetch(BASE + w.topicUrl, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { Cookie: w.cookies[a], Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      });
      await res.arrayBuffer();
      ok = res.status === 302 || res.status === 303 || res.status === 204;
      if (!ok) noteError(`Schreiber HTTP ${res.status}`);
    } catch (e) {
      noteError(`Schreiber ${(e as Error).message}`);
    }
    if (phase !== "warm") writes.push({ at: Date.now(), ms: performance.now() - t0, ok });
    await new Promise((r) => setTimeout(r, 50));
  }
}
const load = [
  ...Array.from({ length: READERS }, (_, i) => new Promise((r) => setTimeout(r, (i * Math.max(THINK_MS, 100)) / READERS)).then(() => reader(i))),
  ...writers.map((w, i) => writer(w, i)),
];

await new Promise((r) => setTimeout(r, 3000));
phase = "baseline";
const baseStart = Date.now();
step(`Baseline: ${READERS} Leser (Denkpause ~${THINK_MS} ms), ${WRITERS} Schreiber (50 ms Pause), ${BASELINE_S} s ohne Import …`);
await new Promise((r) => setTimeout(r, BASELINE_S * 1000));
const baseEnd = Date.now();
phase = "import";
step(`Import von ${COUNT} Beiträgen startet (npm run content:import) …`);
const imp = await new Promise<{ code: number | null; out: string; err: string; ms: number }>((res) => {
  const t0 = Date.now();
  const p = spawn("npm", ["run", "-s", "content:import", "--", "--dir", contentDir], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
  });
  let out = "";
  let err = "";
  p.stdout.on("data", (d) => {
    out += d;
    const line = String(d).trim().split("\n").at(-1);
    if (line && /\d+\/\d+/.test(line)) process.stdout.write(`  ${line}\n`);
  });
  p.stderr.on("data", (d) => (err += d));
  p.on("exit", (code) => res({ code, out, err, ms: Date.now() - t0 }));
});
const impEnd = Date.now();
phase = "after";
running = false;
await Promise.all(load);

// ---- report
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const inRange = (xs: Sample[], from: number, to: number) => xs.filter((s) => s.at >= from && s.at <= to);
const stats = (xs: Sample[]) => {
  const ms = xs.map((s) => s.ms);
  return { n: xs.length, errors: xs.filter((s) => !s.ok).length, p50: pct(ms, 50), p99: pct(ms, 99), max: ms.length ? Math.max(...ms) : NaN };
};
const rb = stats(inRange(reads, baseStart, baseEnd));
const ri = stats(inRange(reads, baseEnd, impEnd));
const wb = stats(inRange(writes, baseStart, baseEnd));
const wi = stats(inRange(writes, baseEnd, impEnd));
const failedLine = /failed (\d+) \(fehlerhaft\)/.exec(imp.out);
const failed = failedLine ? Number(failedLine[1]) : NaN;
const txLine = /Schreibtransaktionen: (\d+), wegen belegter Datenbank wiederholt: (\d+), längste (\d+) ms, Verknüpfen am Ende (\d+) ms/.exec(imp.out);
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : "      –");
console.log("");
console.log(`Import: ${COUNT} Dateien in ${(imp.ms / 1000).toFixed(1)} s, Exit-Code ${imp.code}, fehlerhafte Dateien: ${failed}${txLine ? `, Transaktionen ${txLine[1]}, Wiederholungen wegen SQLITE_BUSY ${txLine[2]}, längste Schreibtransaktion ${txLine[3]} ms, Verknüpfen am Ende ${txLine[4]} ms` : ""}`);
if (imp.code !== 0) console.log(imp.err.split("\n").slice(0, 10).join("\n"));
console.log(`                              Anfragen  Fehler     p50 ms     p99 ms     max ms`);
console.log(`Leser vor dem Import       ${String(rb.n).padStart(10)} ${String(rb.errors).padStart(7)} ${f(rb.p50)}    ${f(rb.p99)}    ${f(rb.max)}`);
console.log(`Leser während des Imports  ${String(ri.n).padStart(10)} ${String(ri.errors).padStart(7)} ${f(ri.p50)}    ${f(ri.p99)}    ${f(ri.max)}`);
console.log(`Schreiber vor dem Import   ${String(wb.n).padStart(10)} ${String(wb.errors).padStart(7)} ${f(wb.p50)}    ${f(wb.p99)}    ${f(wb.max)}`);
console.log(`Schreiber während Import   ${String(wi.n).padStart(10)} ${String(wi.errors).padStart(7)} ${f(wi.p50)}    ${f(wi.p99)}    ${f(wi.max)}`);
console.log(`Verhältnis Leser p99 während/vorher: ${(ri.p99 / rb.p99).toFixed(2)}, p50: ${(ri.p50 / rb.p50).toFixed(2)}`);
if (errorsByKind.size) console.log(`Fehlerarten: ${[...errorsByKind].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
const pass = failed === 0 && imp.code === 0 && ri.errors === 0 && ri.p99 < 1000;
console.log(pass ? "Ziel erreicht: 0 fehlerhafte Dateien, Exit 0, keine Leserfehler, Leser-p99 < 1 s." : "Ziel NICHT erreicht.");
await cleanup();
process.exit(pass ? 0 : 1);
