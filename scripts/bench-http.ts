// Requests per second of the server-rendered home page vs. a bare node:http server in the same run.
// Both listen on loopback only; bounded duration. Usage: npm run bench:http [-- --seconds 10 --connections 10]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { cli } from "./lib/cli";

const { values } = cli(
  `
Misst Anfragen pro Sekunde der serverseitig gerenderten Startseite und eines nackten node:http-Servers
(gleiche Antwortgröße) im selben Lauf und gibt das Verhältnis aus. Vorher: npm run build.

Aufruf: npm run bench:http [-- --seconds 10 --connections 10 --path /]
`,
  { seconds: { type: "string" }, connections: { type: "string" }, path: { type: "string" } },
);
const seconds = Math.min(60, Number(values.seconds ?? 10));
const connections = Math.min(100, Number(values.connections ?? 10));
const path = values.path ?? "/";
const APP_PORT = 3911;
const BARE_PORT = 3912;

async function waitFor(url: string, timeoutMs = 60_000) {
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

function run(url: string) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration: seconds }, (err: Error | null, res: autocannon.Result) => (err ? reject(err) : resolve(res)));
  });
}

const dir = mkdtempSync(join(tmpdir(), "sn-bench-"));
const app = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
  env: { ...process.env, PORT: String(APP_PORT), HOST: "127.0.0.1", NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("hex"), LOG_REQUESTS: "0", RATE_LIMIT_READ: "100000000", DATABASE_URL: `file:${join(dir, "bench.db")}` },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  await waitFor(`http://127.0.0.1:${APP_PORT}/healthz`);
  const page = await (await fetch(`http://127.0.0.1:${APP_PORT}${path}`)).text();
  const bare = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page);
  }).listen(BARE_PORT, "127.0.0.1");
  await waitFor(`http://127.0.0.1:${BARE_PORT}/`);

  console.log(`Seite ${path}: ${Buffer.byteLength(page)} Bytes; ${seconds} s je Messung, ${connections} Verbindungen`);
  await run(`http://127.0.0.1:${BARE_PORT}/`).catch(() => undefined); // warm-up both
  const baseline = await run(`http://127.0.0.1:${BARE_PORT}/`);
  await run(`http://127.0.0.1:${APP_PORT}${path}`).catch(() => undefined);
  const appRes = await run(`http://127.0.0.1:${APP_PORT}${path}`);
  bare.close();
  const row = (name: string, r: autocannon.Result) =>
    `${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   Fehler ${r.errors + r.non2xx}`;
  console.log(row("node:http (Baseline)", baseline));
  console.log(row("Remix-Startseite (SSR)", appRes));
  console.log(`Verhältnis SSR / Baseline: ${(appRes.requests.average / baseline.requests.average).toFixed(3)}`);
} finally {
  app.kill("SIGTERM");
}
