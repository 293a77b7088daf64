// Search benchmark: the real corpus plus N generated documents in a temporary database, the judged queries of
// tests/search/judged-queries.ts, and three engines on the same documents and queries in one run:
//   1. ours  – /api/suche over HTTP (the built server as a child process on a loopback port), FTS5 engine;
//   2. naive – FTS5 unicode61 remove_diacritics 2, query words OR-joined, plain bm25 (in-process);
//   3. MiniSearch – prefix search, fuzzy 0.2, title boosted (in-process, in memory).
// Prints nDCG@10, MRR@10, recall@10 and p50/p95 latency for each.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import MiniSearch from "minisearch";
import { openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";
import { upsertSearchDocs, type SearchDoc, type SearchTyp } from "../app/services/search/documents.server";
import { loadCorpus } from "../tests/search/corpus";
import { JUDGED, type JudgedQuery } from "../tests/search/judged-queries";
import { cli, die, progress } from "./lib/cli";

const { values } = cli(
  `Suche-Benchmark: Korpus + N erzeugte Dokumente, Qualität (nDCG@10, MRR@10, Recall@10) und Latenz (p50/p95)
für die eigene Suche (HTTP /api/suche), naives FTS5 und MiniSearch.

Aufruf: npm run bench:search -- [--n 100000] [--port 3299] [--rounds 8] [--topic-share 0.3]
  --topic-share  Anteil der Wörter erzeugter Dokumente aus dem Korpus (Rest: synthetische Wörter); 1 = alles Korpus
Vorher: npm run build (oder BUILD_DIR=… für einen eigenen Build-Ordner).`,
  { n: { type: "string" }, port: { type: "string" }, rounds: { type: "string" }, "topic-share": { type: "string" } },
);
const N = Number(values.n ?? 100_000);
const PORT = Number(values.port ?? 3299);
const ROUNDS = Number(values.rounds ?? 8);
if (!Number.isInteger(N) || N < 0) die("--n muss eine ganze Zahl ≥ 0 sein");
const buildDir = process.env.BUILD_DIR;
if (!existsSync(resolve(buildDir ? `${buildDir}/index.js` : "build/index.js"))) die("Der Build fehlt: bitte zuerst `npm run build`.");

// ---------- documents ----------
const dir = mkdtempSync(join(tmpdir(), "sn-bench-"));
const dbPath = join(dir, "bench.db");
const { db } = openDatabase(`file:${dbPath}`);
runMigrations(db);
setDb(db);
const corpus = loadCorpus();

// Generated documents mix two vocabularies: a share (--topic-share, default 0.3) of their words comes from the corpus
// with its natural frequencies (so they compete with the real documents for the same words), the rest from 40,000
// synthetic German-looking words with a Zipf distribution (other topics of a large installation). Deterministic
// PRNG, so every run sees the same documents. --topic-share 1 gives the pessimistic all-on-topic corpus.
let seed = 42;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const words = corpus.flatMap((d) => `${d.title} ${d.summary} ${d.body}`.split(/\s+/).filter((w) => /^[\p{L}]{3,}$/u.test(w)));
const SYL = ["ba", "be", "bi", "bo", "ber", "da", "de", "di", "dor", "ga", "ge", "gu", "ha", "he", "hof", "ka", "ke", "ko", "la", "le", "li",
  "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "ra", "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "un", "ver",
  "wa", "we", "wi", "zu", "stein", "burg", "feld", "haus", "land", "werk", "zeit", "ung", "heit", "keit", "schaft", "lich", "isch"];
const synthetic = Array.from({ length: 40_000 }, () => {
  const n = 2 + Math.floor(rnd() * 3);
  return Array.from({ length: n }, () => SYL[Math.floor(rnd() * SYL.length)]).join("");
});
// Zipf: P(rank r) ∝ 1/r, sampled through the cumulative table.
const zipfCum: number[] = [];
synthetic.reduce((acc, _w, i) => (zipfCum.push(acc + 1 / (i + 1)), acc + 1 / (i + 1)), 0);
const zipfTotal = zipfCum[zipfCum.length - 1];
const zipfPick = () => {
  const x = rnd() * zipfTotal;
  let lo = 0;
  let hi = zipfCum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipfCum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return synthetic[lo];
};
const TOPIC_SHARE = Number(values["topic-share"] ?? 0.3);
const pick = (k: number) =>
  Array.from({ length: k }, () => (rnd() < TOPIC_SHARE ? words[Math.floor(rnd() * words.length)] : zipfPick())).join(" ");
const TYPES: SearchTyp[] = ["forum", "projekt", "wissen", "foerderung"];
const FELDER = ["gesundheit", "soziales-miteinander", "wohnen", "arbeitsmarkt", "kinder-bildung", "zusammenarbeit"];
function generated(i: number): SearchDoc {
  const typ = TYPES[i % TYPES.length];
  const title = pick(3 + Math.floor(rnd() * 5));
  return {
    id: `${typ}:gen-${i}`, typ, slug: `gen-${i}`, url: `/gen/${i}`, title: title[0].toUpperCase() + title.slice(1),
    summary: pick(20), body: pick(120), handlungsfelder: [FELDER[i % 6], FELDER[(i * 7) % 6]],
    visibility: i % 10 === 0 ? "members" : "public",
  };
}

const t0 = Date.now();
db.transaction((tx) => upsertSearchDocs(tx, corpus));
const bar = progress("Erzeuge Dokumente", N, 10_000);
const genDocs: SearchDoc[] = [];
for (let i = 0; i < N; i += 2000) {
  const batch = Array.from({ length: Math.min(2000, N - i) }, (_, k) => generated(i + k));
  db.transaction((tx) => upsertSearchDocs(tx, batch));
  genDocs.push(...batch);
  bar.tick(i + batch.length);
}
db.$client.exec("INSERT INTO search_fts(search_fts) VALUES('optimize')");
const allDocs = [...corpus, ...genDocs];
console.log(`Dokumente: ${allDocs.length} (Korpus ${corpus.length} + erzeugt ${N}), indexiert in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

if (process.env.BENCH_BUILD_ONLY) {
  console.log(`Datenbank: ${dbPath}`);
  process.exit(0);
}

// ---------- metrics ----------
function metrics(j: JudgedQuery, ranked: string[]) {
  const top = ranked.slice(0, 10);
  const gain = (id: string) => (id === j.relevant[0] ? 2 : j.relevant.includes(id) ? 1 : 0);
  const dcg = top.reduce((s, id, i) => s + (2 ** gain(id) - 1) / Math.log2(i + 2), 0);
  const ideal = j.relevant.slice(0, 10).reduce((s, id, i) => s + (2 ** gain(id) - 1) / Math.log2(i + 2), 0);
  const first = top.findIndex((id) => j.relevant.includes(id));
  return {
    ndcg: ideal ? dcg / ideal : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
    recall: j.relevant.filter((id) => top.includes(id)).length / j.relevant.length,
  };
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const verbose = !!process.env.BENCH_VERBOSE;
const perQuery = new Map<string, string[]>();
type Row = { engine: string; ndcg: number; mrr: number; recall: number; p50: number; p95: number; note: string };
const rows: Row[] = [];
function report(engine: string, per: { ndcg: number; mrr: number; recall: number }[], lat: number[], note: string) {
  if (verbose) per.forEach((m, i) => perQuery.set(JUDGED[i].q, [...(perQuery.get(JUDGED[i].q) ?? []), m.ndcg.toFixed(2)]));
  const avg = (k: "ndcg" | "mrr" | "recall") => per.reduce((s, m) => s + m[k], 0) / per.length;
  rows.push({ engine, ndcg: avg("ndcg"), mrr: avg("mrr"), recall: avg("recall"), p50: pct(lat, 50), p95: pct(lat, 95), note });
}
const docById = new Map(allDocs.map((d) => [d.id, d]));
const passes = (id: string, j: JudgedQuery) => {
  const d = docById.get(id);
  return !!d && d.visibility === "public" && (!j.typ || d.typ === j.typ) && (!j.feld || (d.handlungsfelder ?? []).includes(j.feld));
};

// ---------- 1. ours over HTTP ----------
const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
  env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", DATABASE_URL: `file:${dbPath}`, NODE_ENV: "test", LOG_REQUESTS: "0" },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${PORT}`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 600) throw new Error("Server startet nicht");
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = (j: JudgedQuery) =>
    `${base}/api/suche?limit=10&q=${encodeURIComponent(j.q)}${j.typ ? `&typ=${j.typ}` : ""}${j.feld ? `&feld=${j.feld}` : ""}`;
  const get = async (j: JudgedQuery) => {
    const started = performance.now();
    const res = await fetch(url(j));
    const body = (await res.json()) as { hits: { typ: string; slug: string }[] };
    if (!res.ok) throw new Error(`HTTP ${res.status} für ${j.q}`);
    return { ms: performance.now() - started, ids: body.hits.map((h) => `${h.typ}:${h.slug}`) };
  };
  for (const j of JUDGED) await get(j); // warm-up (vocabulary cache, page cache)
  const per = [];
  for (const j of JUDGED) per.push(metrics(j, (await get(j)).ids));
  const lat: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const j of JUDGED) lat.push((await get(j)).ms);
  report("ours (FTS5, HTTP /api/suche)", per, lat, `${lat.length} HTTP-Anfragen, sequentiell, inkl. Facetten`);
} finally {
  child.kill("SIGTERM");
}

// ---------- 2. naive FTS5 ----------
{
  const s = db.$client;
  s.exec("CREATE VIRTUAL TABLE naive USING fts5(id UNINDEXED, title, summary, kurz, body, tokenize='unicode61 remove_diacritics 2')");
  s.exec("INSERT INTO naive (id, title, summary, kurz, body) SELECT id, title, summary, kurz, body FROM search_documents");
  const stmt = s.prepare(
    `SELECT n.id FROM naive n JOIN search_documents d ON d.id = n.id WHERE naive MATCH ? AND d.visibility = 'public'
     AND (? IS NULL OR d.typ = ?) AND (? IS NULL OR EXISTS (SELECT 1 FROM json_each(d.handlungsfelder) WHERE value = ?))
     ORDER BY bm25(naive), n.id LIMIT 10`,
  );
  const per = [];
  const lat: number[] = [];
  for (const j of JUDGED) {
    const terms = j.q.match(/[\p{L}\p{N}]+/gu) ?? [];
    const started = performance.now();
    const ids = terms.length
      ? (stmt.pluck().all(terms.map((t) => `"${t}"`).join(" OR "), j.typ ?? null, j.typ ?? null, j.feld ?? null, j.feld ?? null) as string[])
      : [];
    lat.push(performance.now() - started);
    per.push(metrics(j, ids));
  }
  report("naive FTS5 (OR, bm25)", per, lat, "in-process, ohne HTTP");
}

// ---------- 3. MiniSearch ----------
{
  const started = performance.now();
  const ms = new MiniSearch<SearchDoc>({
    fields: ["title", "summary", "kurz", "headings", "body"],
    storeFields: [],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3 } },
  });
  ms.addAll(allDocs);
  const buildSecs = (performance.now() - started) / 1000;
  const per = [];
  const lat: number[] = [];
  for (const j of JUDGED) {
    const t = performance.now();
    const ids = ms
      .search(j.q, { filter: (r) => passes(String(r.id), j) })
      .slice(0, 10)
      .map((r) => String(r.id));
    lat.push(performance.now() - t);
    per.push(metrics(j, ids));
  }
  report("MiniSearch (prefix, fuzzy 0.2, title×3)", per, lat, `in-process, Index im Speicher in ${buildSecs.toFixed(1)} s aufgebaut`);
}

console.log(`\nJudged queries: ${JUDGED.length}, Dokumente: ${allDocs.length}\n`);
console.log("engine                                   nDCG@10  MRR@10  recall@10   p50 ms   p95 ms  note");
for (const r of rows)
  console.log(
    `${r.engine.padEnd(40)} ${r.ndcg.toFixed(3).padStart(7)} ${r.mrr.toFixed(3).padStart(7)} ${r.recall.toFixed(3).padStart(10)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}  ${r.note}`,
  );
if (verbose) for (const [q, v] of perQuery) console.log(v.join("  "), q);
db.$client.close();
if (process.env.BENCH_KEEP) console.log(`Datenbank behalten: ${dbPath}`);
else rmSync(dir, { recursive: true, force: true });
process.exit(0);
