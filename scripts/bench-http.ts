// Requests per second and latency of the site's pages against a bare node:http server, in one run: each page as a
// guest from the page cache (warm), as a guest with the cache off (PAGE_CACHE_MB=0, a second server process), and
// signed in as a member. Per page also a bare node:http server sending the page's own bytes ("gleiche Bytes"): the
// ceiling for a cached page of that size on this machine. Then a write in between proves that no cached page is stale.
// Loopback only; bounded.
// Usage: npm run bench:http [-- --seconds 8 --connections 50 --encoding br]   (needs `npm run build` first)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import { cli } from "./lib/cli";

const { values } = cli(
  `
Misst Anfragen pro Sekunde, p50 und p99 der wichtigsten Seiten gegen einen nackten node:http-Server (300-Byte-Seite)
im selben Lauf: Gast aus dem Seiten-Cache, Gast ohne Cache, angemeldetes Mitglied. Danach prüft ein Schreibvorgang,
dass keine Seite veraltet aus dem Cache kommt. Vorher: npm run build.

Je Seite zusätzlich: ein nackter node:http-Server, der genau die Bytes dieser Seite sendet (Obergrenze für eine
Seite dieser Größe auf dieser Maschine). --encoding br|gzip schickt Accept-Encoding wie ein Browser (Standard: keins).

Aufruf: npm run bench:http [-- --seconds 8 --connections 50 --pages /,/wissen --encoding br]
`,
  { seconds: { type: "string" }, connections: { type: "string" }, pages: { type: "string" }, encoding: { type: "string" } },
);
const acceptEncoding = values.encoding === "br" ? "gzip, deflate, br" : values.encoding === "gzip" ? "gzip" : undefined;
const seconds = Math.min(60, Number(values.seconds ?? 8));
const connections = Math.min(200, Number(values.connections ?? 50));
const CACHED_PORT = 3911;
const UNCACHED_PORT = 3913;
const BARE_PORT = 3912;
const SAME_BYTES_PORT = 3914;

async function waitFor(url: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} antwortet nicht`);
}

function run(url: string, headers: Record<string, string> = {}) {
  const all = acceptEncoding ? { "Accept-Encoding": acceptEncoding, ...headers } : headers;
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers: all }, (err: Error | null, res: autocannon.Result) => (err ? reject(err) : resolve(res)));
  });
}

/** The raw bytes of a response as sent (still compressed) and its Content-Type/Content-Encoding. */
function rawGet(port: number, path: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { Host: `localhost:${port}`, ...(acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers: Record<string, string> = { "Content-Type": String(res.headers["content-type"] ?? "text/html") };
        if (res.headers["content-encoding"]) headers["Content-Encoding"] = String(res.headers["content-encoding"]);
        ok({ body: Buffer.concat(chunks), headers });
      });
    });
    req.on("error", fail);
    req.end();
  });
}

function startSite(port: number, env: Record<string, string>): { proc: ChildProcess; output: () => string } {
  let out = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "tests/setup/e2e-server.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", LOG_REQUESTS: "0", RATE_LIMIT_READ: "100000000", RATE_LIMIT_WRITE: "100000", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  proc.stdout!.on("data", (c) => (out += c));
  return { proc, output: () => out };
}

/** Signs in over loopback with the site's own Host and Origin (the server refuses anything else). */
function signIn(port: number, email: string, password: string): Promise<string> {
  const body = new URLSearchParams({ email, password }).toString();
  return new Promise((ok, fail) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method: "POST", path: "/anmelden", headers: { Host: `localhost:${port}`, Origin: `http://localhost:${port}`, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        const session = ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => /^(__Host-)?sn_session=[^;]+/.test(c));
        if (session) ok(session.split(";")[0]);
        else fail(new Error(`Anmeldung fehlgeschlagen (Status ${res.statusCode})`));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

// One secret for the servers and this process (the write in between sends notification mail with signed links).
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
const cached = startSite(CACHED_PORT, {});
const uncached = startSite(UNCACHED_PORT, { PAGE_CACHE_MB: "0" });
const bare = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="de"><head><title>Baseline</title></head><body>${"x".repeat(220)}</body></html>`);
}).listen(BARE_PORT, "127.0.0.1");
// The same bytes as the cached page, from memory: what node:http alone reaches for a page of that size.
let same: { body: Buffer; headers: Record<string, string> } = { body: Buffer.alloc(0), headers: {} };
const sameBytes = createServer((_req, res) => {
  res.writeHead(200, same.headers);
  res.end(same.body);
}).listen(SAME_BYTES_PORT, "127.0.0.1");
try {
  console.log("Starte zwei Server (mit und ohne Seiten-Cache) mit Demo-Inhalten …");
  await Promise.all([waitFor(`http://127.0.0.1:${CACHED_PORT}/healthz`), waitFor(`http://127.0.0.1:${UNCACHED_PORT}/healthz`), waitFor(`http://127.0.0.1:${BARE_PORT}/`)]);
  const { ACCOUNTS, E2E_PASSWORD } = await import("../tests/e2e/accounts");
  const { openDatabase } = await import("../db/client");
  const { setDb } = await import("../app/services/db.server");
  const { createPost } = await import("../app/models/forum.server");
  const { eq } = await import("drizzle-orm");
  const { forumCategories, forumTopics, users } = await import("../db/schema/index");
  const dbUrl = /e2e database: (file:\S+);/.exec(cached.output())![1];
  const { db } = openDatabase(dbUrl);
  setDb(db);
  const topic = db
    .select({ id: forumTopics.id, cat: forumCategories.slug })
    .from(forumTopics)
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(eq(forumCategories.visibility, "public"))
    .limit(1)
    .get()!;
  const pages = values.pages
    ? values.pages.split(",")
    : ["/", "/wissen", "/wissen/wohnen-task-force-problemimmobilien", "/foerderung", "/forum", `/forum/${topic.cat}/${topic.id}`, "/suche?q=Krankenversicherung", "/projekte", "/staedte/duisburg"];
  const cookieCached = await signIn(CACHED_PORT, ACCOUNTS.mitgliedDortmund, E2E_PASSWORD);

  const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`Maschine: ${cpus().length} Kerne, Last (1/5/15 min) vorher ${load()}`);
  console.log(`${seconds} s je Messung, ${connections} Verbindungen, Accept-Encoding: ${acceptEncoding ?? "keins"}`);
  await run(`http://127.0.0.1:${BARE_PORT}/`).catch(() => undefined);
  const baseline = await run(`http://127.0.0.1:${BARE_PORT}/`);
  const base = baseline.requests.average;
  const fmt = (r: autocannon.Result) =>
    `${r.requests.average.toFixed(0).padStart(7)} req/s  ${(r.requests.average / base).toFixed(4).padStart(7)}  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(5)} ms${r.errors + r.non2xx ? `  Fehler ${r.errors + r.non2xx}` : ""}`;
  console.log(`node:http (300 Byte)            ${fmt(baseline)}`);
  console.log("Seite | gleiche Bytes (node:http) | Gast mit Cache | Gast ohne Cache | Mitglied");
  for (const [i, path] of pages.entries()) {
    process.stdout.write(`[${i + 1}/${pages.length}] ${path}\n`);
    await fetch(`http://127.0.0.1:${CACHED_PORT}${path}`); // warm the cache
    same = await rawGet(CACHED_PORT, path);
    const ceiling = await run(`http://127.0.0.1:${SAME_BYTES_PORT}/`);
    const warm = await run(`http://127.0.0.1:${CACHED_PORT}${path}`);
    const cold = await run(`http://127.0.0.1:${UNCACHED_PORT}${path}`);
    const member = await run(`http://127.0.0.1:${CACHED_PORT}${path}`, { Cookie: cookieCached });
    console.log(`  gleiche Bytes    ${fmt(ceiling)}  (${same.body.length} Byte${same.headers["Content-Encoding"] ? `, ${same.headers["Content-Encoding"]}` : ""})`);
    console.log(`  Gast, Cache      ${fmt(warm)}  (${(warm.requests.average / ceiling.requests.average).toFixed(2)} der gleichen Bytes)`);
    console.log(`  Gast, ohne Cache ${fmt(cold)}`);
    console.log(`  Mitglied         ${fmt(member)}`);
  }
  // Staleness: a write by another process, then the guest's next request must show it.
  const topicUrl = `http://127.0.0.1:${CACHED_PORT}/forum/${topic.cat}/${topic.id}`;
  await fetch(topicUrl);
  const author = db.select().from(users).where(eq(users.email, ACCOUNTS.mitgliedDortmund)).get()!;
  const marker = `Bench-Probe ${Date.now()}`;
  createPost(db, { topicId: topic.id, raw: marker }, { id: author.id, name: author.name, role: author.role, cityId: author.cityId });
  const fresh = await (await fetch(topicUrl)).text();
  const health = (await (await fetch(`http://127.0.0.1:${CACHED_PORT}/healthz?cache=1`)).json()) as { cache: unknown };
  console.log(`Nach einem Schreibvorgang: ${fresh.includes(marker) ? "die neue Antwort ist sofort sichtbar (kein veralteter Cache-Eintrag)" : "VERALTET – die neue Antwort fehlt"}`);
  console.log(`Cache: ${JSON.stringify(health.cache)}`);
  console.log(`Last (1/5/15 min) nachher ${load()}`);
  db.$client.close();
  if (!fresh.includes(marker)) process.exitCode = 1;
} finally {
  bare.close();
  sameBytes.close();
  cached.proc.kill("SIGTERM");
  uncached.proc.kill("SIGTERM");
}
