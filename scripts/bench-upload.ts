// Upload throughput and the server's memory (issue 14, done-when 7): starts the built site (demo data, a fresh
// temporary database and file store), signs in the demo Redaktion and uploads N files of 100 KB, then N files of
// 1 MB (distinct random content, so nothing is deduplicated) through the real multipart route – one file per
// request, "Ersetzen" of an article attachment (/dateien/:id/ersetzen), which streams the body to disk, hashes,
// sniffs and stores it like every upload form. Prints MB/s, files/s and the server's peak RSS per phase (sampled
// from /proc/<pid>/status) and VmHWM: if memory is bounded, the 1 MB phase does not need more than the 100 KB one.
// Forum replies are not used: their post rate limit (6 a minute) would measure the limiter, not the upload.
// Usage: npm run bench:upload [-- --files 1000 --parallel 4]   (needs `BUILD_DIR=… npx remix build` or npm run build)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { cli, die, progress } from "./lib/cli";

const { values } = cli(
  `
Misst den Durchsatz beim Hochladen von Dateien (MB/s, Dateien/s) und den Speicherbedarf (Spitzen-RSS) des Servers:
startet die gebaute Seite mit Demo-Daten in einem temporären Ordner, meldet die Demo-Redaktion an und lädt erst
N Dateien zu 100 KB, dann N Dateien zu 1 MB hoch (zufälliger Inhalt, keine Dubletten), je eine Datei pro Anfrage
über die echte Multipart-Route „Datei ersetzen“. Bleibt der Speicher begrenzt, braucht die 1-MB-Runde nicht mehr
Speicher als die 100-KB-Runde. Vorher: npm run build (oder BUILD_DIR=… npx remix build).

Aufruf: npm run bench:upload [-- --files 1000 --parallel 4 --port 3951 --sizes 100,1024]
  --sizes  Dateigrößen der Runden in KB, kommagetrennt (Standard 100,1024; höchstens 20480 = 20 MB)
`,
  { files: { type: "string" }, parallel: { type: "string" }, port: { type: "string" }, sizes: { type: "string" } },
);
const N = Math.max(1, Math.min(5000, Number(values.files ?? 1000)));
const PARALLEL = Math.max(1, Math.min(16, Number(values.parallel ?? 4)));
const PORT = Number(values.port ?? 3951);
const SIZES_KB = String(values.sizes ?? "100,1024").split(",").map((x) => Number(x.trim()));
if (SIZES_KB.length < 2 || SIZES_KB.some((k) => !Number.isInteger(k) || k < 1 || k > 20480)) die("--sizes: mindestens zwei ganze Zahlen von 1 bis 20480 (KB), kommagetrennt");
if (!Number.isInteger(PORT) || PORT < 1024) die("--port muss eine Zahl ab 1024 sein");

const dir = mkdtempSync(join(tmpdir(), "sn-bench-upload-"));
const FILES_DIR = join(dir, "files");
process.env.FILES_DIR = FILES_DIR;
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");

function startSite(): { proc: ChildProcess; output: () => string } {
  let out = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "tests/setup/e2e-server.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_REQUESTS: "0",
      FILES_DIR,
      RATE_LIMIT_WRITE: "100000000",
      RATE_LIMIT_READ: "100000000",
      // the daily upload quota per person (default 100 files, 200 MB) would stop the bench after 100 files
      UPLOAD_DAILY_FILES: String(4 * N + 100),
      UPLOAD_DAILY_MB: String(Math.ceil((N * SIZES_KB.reduce((a, b) => a + b, 0)) / 1024) + 100),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  proc.stdout!.on("data", (c) => (out += c));
  return { proc, output: () => out };
}

async function waitFor(url: string, timeoutMs = 180_000) {
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

type Reply = { status: number; location: string | undefined; cookie: string | undefined };
function send(method: string, path: string, headers: Record<string, string | number>, body?: Buffer | string): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port: PORT, method, path, headers: { Host: `localhost:${PORT}`, Origin: `http://localhost:${PORT}`, ...headers } }, (res) => {
      res.resume();
      res.on("end", () =>
        ok({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          cookie: ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => /^(__Host-)?sn_session=[^;]+/.test(c)),
        }),
      );
    });
    req.on("error", fail);
    req.end(body);
  });
}

/** One file as multipart/form-data, field `dateien` (what the browser sends). */
function multipart(name: string, bytes: Buffer) {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dateien"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), type: `multipart/form-data; boundary=${boundary}` };
}

/** A well-formed PDF of exactly `size` bytes: one page plus an unreferenced stream of random bytes (distinct content). */
function pdfOfSize(minimalPdf: (l: string[], pad?: Buffer) => Buffer, size: number, i: number) {
  const lines = [`Bench-Datei ${i}`];
  const overhead = minimalPdf(lines, Buffer.alloc(0)).length;
  const padded = minimalPdf(lines, randomBytes(Math.max(0, size - overhead - 8)));
  return padded.length <= size ? padded : minimalPdf(lines, randomBytes(Math.max(0, size - overhead - 8 - (padded.length - size))));
}

const status = (pid: number) => {
  const s = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
};
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const site = startSite();
try {
  console.log(`Starte den Server (Port ${PORT}) mit Demo-Daten in ${dir} …`);
  await waitFor(`http://127.0.0.1:${PORT}/healthz`);
  const pid = site.proc.pid!;
  const { ACCOUNTS, E2E_PASSWORD } = await import("../tests/e2e/accounts");
  const { openDatabase } = await import("../db/client");
  const { setDb } = await import("../app/services/db.server");
  const { eq } = await import("drizzle-orm");
  const { attachments, users } = await import("../db/schema/index");
  const { acceptUpload } = await import("../app/models/attachment.server");
  const { streamToTemp } = await import("../app/services/files/upload.server");
  const { minimalPdf } = await import("../app/services/files/pdf");
  const dbUrl = /e2e database: (file:\S+);/.exec(site.output())![1];
  const { db } = openDatabase(dbUrl);
  setDb(db);

  const signInBody = new URLSearchParams({ email: ACCOUNTS.redaktion, password: E2E_PASSWORD }).toString();
  const login = await send("POST", "/anmelden", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(signInBody) }, signInBody);
  if (!login.cookie) die(`Anmeldung fehlgeschlagen (Status ${login.status})`, 1);
  const cookie = login.cookie.split(";")[0];
  const redaktion = db.select().from(users).where(eq(users.email, ACCOUNTS.redaktion)).get()!;

  // one attachment per parallel worker, on the demo checklist article; each worker then replaces "its" file
  const { DEMO_CHECKLIST } = await import("./lib/demo-dateien");
  const heads: number[] = [];
  for (let w = 0; w < PARALLEL; w++) {
    const r = await acceptUpload(db, {
      temp: await streamToTemp(Readable.from([minimalPdf([`Bench-Start ${w}`])])),
      name: `bench-${w}.pdf`,
      uploaderId: redaktion.id,
      parentType: "article",
      parentId: DEMO_CHECKLIST.article,
    });
    if (!r.ok) die(r.message, 1);
    heads.push(r.id);
  }
  const nextId = (id: number) => db.select({ id: attachments.id }).from(attachments).where(eq(attachments.previousId, id)).get()?.id;

  const results: { label: string; files: number; bytes: number; secs: number; peakRss: number; hwm: number; errors: number }[] = [];
  for (const [label, size] of SIZES_KB.map((kb) => [kb % 1024 === 0 ? `${kb / 1024} MB` : `${kb} KB`, kb * 1024] as const)) {
    const before = status(pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, status(pid).rss)), 50);
    const bar = progress(`${N} × ${label}`, N, Math.max(1, Math.floor(N / 10)));
    let done = 0;
    let errors = 0;
    let next = 0;
    const start = performance.now();
    await Promise.all(
      heads.map(async (_, w) => {
        while (next < N) {
          const i = next++;
          const { body, type } = multipart(`bench-${label.replace(" ", "")}-${i}.pdf`, pdfOfSize(minimalPdf, size, i));
          const r = await send("POST", `/dateien/${heads[w]}/ersetzen`, { Cookie: cookie, "Content-Type": type, "Content-Length": body.length }, body);
          const id = r.status === 302 ? nextId(heads[w]) : undefined;
          if (id) heads[w] = id;
          else errors++;
          bar.tick(++done);
        }
      }),
    );
    const secs = (performance.now() - start) / 1000;
    clearInterval(sampler);
    const after = status(pid);
    results.push({ label, files: N, bytes: N * size, secs, peakRss: Math.max(peak, after.rss), hwm: after.hwm, errors });
  }
  console.log(`\nDurchsatz je Runde (${PARALLEL} parallele Verbindungen, eine Datei je Anfrage):`);
  for (const r of results)
    console.log(
      `  ${String(r.files).padStart(5)} × ${r.label.padEnd(6)} ${(r.bytes / 1024 / 1024 / r.secs).toFixed(1).padStart(7)} MB/s  ${(r.files / r.secs).toFixed(0).padStart(5)} Dateien/s  ${r.secs.toFixed(1).padStart(6)} s  Spitzen-RSS des Servers ${mb(r.peakRss)} (VmHWM bisher ${mb(r.hwm)})${r.errors ? `  FEHLER: ${r.errors}` : ""}`,
    );
  const small = results[0];
  for (const large of results.slice(1))
    console.log(
      `Spitzen-RSS ${large.label} / ${small.label}: ${(large.peakRss / small.peakRss).toFixed(2)} (Dateien ${(large.bytes / small.bytes).toFixed(0)}-mal so groß; ≈ 1 heißt: der Speicher wächst nicht mit der Dateigröße)`,
    );
  const stored = db.select({ id: attachments.id }).from(attachments).all().length;
  console.log(`Gespeicherte Dateizeilen: ${stored} (davon ${results.length * N} aus dieser Messung)`);
  db.$client.close();
  if (results.some((r) => r.errors)) process.exitCode = 1;
} finally {
  site.proc.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
