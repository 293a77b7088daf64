// HTTP server of the site: `npm start` (after `npm run build`). Validates the configuration, migrates the
// database, seeds demo data into a brand-new database outside production, then serves the Remix build with
// security headers, a per-request CSP nonce, Host and cross-site checks, rate limits, bounded request bodies
// and one quiet log line per request. SIGTERM/SIGINT drain accepted requests before the database is closed.
// Decision records: docs/decisions/004-own-http-server.md, 007-request-guards.md, 008-stopping-cleanly.md.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import net, { type Socket } from "node:net";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import { missingSecretError, parseEnv, EnvError } from "../app/services/env.server";
import { DatabaseConfigError, MigrationError, isEmptyDatabase, openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";
import { CSP_REPORT_PATH, isAllowedHost, isCrossSiteRequest, needsNoStore, securityHeaders, siteAddresses } from "../app/services/security";
import { bodyGuard } from "./lib/body-guard";
import { acceptQueueLength } from "./lib/accept-queue";
import { buildEntry, etagMatches, isCacheableRequest, isCacheableResponse, NONCE_PLACEHOLDER, PageCache, pickEncoding, type CachedPage } from "./lib/page-cache";
import { dataVersionReader } from "../db/data-version";
import { todayIso } from "../app/utils/format";
import { IDEMPOTENCY_FIELD } from "../app/utils/idempotency";
import { MAX_FILE_MB, MAX_FILES_PER_SUBMIT, UPLOAD_ROUTES } from "../app/utils/dateien";
import { limiter } from "../app/services/rate-limit.server";
import { getSearchHealth } from "../app/services/search/index.server";

if (process.argv.includes("--help")) {
  console.log(`Startet die Website (vorher: npm run build).

Aufruf: npm start

Umgebungsvariablen: PORT (3000), HOST (0.0.0.0), DATABASE_URL (file:./data/app.db), PUBLIC_URL, ALLOWED_HOSTS,
MEILI_HOST, MEILI_KEY, SMTP_URL, MAIL_FROM, MAIL_DIR (./data/mail), CONTENT_DIR (./content), SESSION_SECRET,
NODE_ENV (production), SHUTDOWN_TIMEOUT (10 s), BODY_LIMIT (1048576 Bytes), FIELD_LIMIT (1000).
In NODE_ENV=production (Standard) ist SESSION_SECRET Pflicht (mindestens 32 Zeichen).
Eine neue Datenbank erhält nur mit NODE_ENV=development (npm run dev) Demo-Inhalte und Demo-Konten.`);
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (e) {
  if (e instanceof EnvError) fail(e.message);
  throw e;
}
const secretProblem = missingSecretError(env);
if (secretProblem) fail(secretProblem);

let opened;
try {
  opened = openDatabase(env.DATABASE_URL);
} catch (e) {
  if (e instanceof DatabaseConfigError) fail(`Konfigurationsfehler: ${e.message}`);
  fail(`Datenbankfehler: ${(e as Error).message}`);
}
const { db } = opened;
const fresh = isEmptyDatabase(db);
try {
  runMigrations(db);
} catch (e) {
  if (e instanceof MigrationError || e instanceof DatabaseConfigError) fail(`Datenbankfehler: ${e.message}`);
  fail(`Datenbankfehler: Migrationen konnten nicht angewendet werden (${(e as Error).message.split("\n")[0]})`);
}
setDb(db);

if (fresh && env.NODE_ENV !== "production") {
  const { seedDemo } = await import("./lib/demo");
  await seedDemo(db, { print: true });
}

const buildDir = env.BUILD_DIR;
const buildPath = resolve(buildDir ? `${buildDir}/index.js` : "build/index.js");
const assetsDir = resolve(buildDir ? `${buildDir}/public/build` : "public/build");
if (!existsSync(buildPath)) fail("Der Build fehlt: bitte zuerst `npm run build` ausführen.");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);
// Express's own error pages show stack traces outside "production"; ours never do (error handler below).
app.set("env", "production");

// Hosts and origins come from configuration only, never from the request's Host header.
const site = siteAddresses({ publicUrl: env.publicUrl, allowedHosts: env.ALLOWED_HOSTS, port: env.PORT });
const https = env.publicUrl.startsWith("https://");
// Per-IP request limits per minute (RATE_LIMIT_READ / RATE_LIMIT_WRITE override them, e.g. for load tests).
const writeLimiter = limiter("http-write", Number(env.RATE_LIMIT_WRITE), 60_000);
const readLimiter = limiter("http-read", Number(env.RATE_LIMIT_READ), 60_000);
// Request bodies: BODY_LIMIT for forms; small endpoints (and, later, upload routes) get their own limit.
const limits = {
  maxBytes: Number(env.BODY_LIMIT),
  maxFields: Number(env.FIELD_LIMIT),
  routes: [{ prefix: CSP_REPORT_PATH, maxBytes: 16 * 1024, types: ["application/csp-report", "application/reports+json"] }],
  // Forms with attachments (issue 14): multipart streamed to the route's upload handler, at most
  // MAX_FILES_PER_SUBMIT files of MAX_FILE_MB plus 1 MB for the text fields and part headers.
  streamRoutes: [{ pattern: UPLOAD_ROUTES, maxBytes: (MAX_FILES_PER_SUBMIT * MAX_FILE_MB + 1) * 1024 * 1024 }],
};
/** Set once SIGTERM/SIGINT arrived: every further response closes its connection. */
let draining = false;
// Headers that must appear once; a route that sets one of them again (Remix appends) is collapsed to ours.
const SINGLE_HEADERS = [...Object.keys(securityHeaders("x", { https })), "Cache-Control", "Content-Type"];

// Mask secrets in paths (invitation/reset tokens) and drop query strings: logs carry no personal data.
const logPath = (path: string) => path.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, "/:token");
const quiet = env.NODE_ENV === "test" || env.LOG_REQUESTS === "0";

function plain(res: express.Response, status: number, text: string) {
  res.status(status).type("text/plain; charset=utf-8").send(text);
}

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  for (const [k, v] of Object.entries(securityHeaders(nonce, { https, reportUrl: `${env.publicUrl}${CSP_REPORT_PATH}` }))) res.setHeader(k, v);
  const noStore = needsNoStore(req.path, req.headers.cookie);
  // Last word on headers, just before they are written: one value per single header, no-store on
  // personal responses, Connection: close while draining.
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: unknown[]) {
    if (!this.headersSent) {
      for (const name of SINGLE_HEADERS) {
        const v = this.getHeader(name);
        if (Array.isArray(v)) this.setHeader(name, name === "Cache-Control" ? v[v.length - 1] : v[0]);
      }
      if (noStore) this.setHeader("Cache-Control", "no-store");
      if (draining) this.setHeader("Connection", "close");
    }
    return (writeHead as (...a: unknown[]) => express.Response).apply(this, args);
  } as typeof res.writeHead;
  // Our own view of the client address; an incoming header of that name is overwritten, never trusted.
  req.headers["x-sn-client-ip"] = req.socket.remoteAddress ?? "unknown";
  if (!quiet && !req.path.startsWith("/build/") && req.path !== "/healthz") {
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`${req.method} ${logPath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
  }
  // A Host that is not configured (DNS rebinding, a stray virtual host) never reaches the app.
  if (!isAllowedHost(req.headers.host, site)) {
    plain(res, 421, "Diese Adresse wird von diesem Server nicht bedient (unbekannter Host).");
    return;
  }
  next();
});

app.use((req, res, next) => {
  // The site's forms use GET and POST only; other methods never reach Remix.
  if (!["GET", "HEAD", "POST", "OPTIONS"].includes(req.method)) {
    res.setHeader("Allow", "GET, HEAD, POST");
    plain(res, 405, "Diese Anfragemethode wird nicht unterstützt.");
    return;
  }
  // CSP reports come from the browser itself (often without Origin); the endpoint has its own size and
  // rate limit and stores nothing a request could choose beyond a directive, an origin and a path.
  const cspReport = req.path === CSP_REPORT_PATH;
  const cross =
    !cspReport &&
    isCrossSiteRequest(req.method, { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site"), referer: req.get("referer") }, site.origins);
  if (cross) {
    plain(res, 403, "Anfrage von einer fremden Website abgelehnt (Herkunftsprüfung).");
    return;
  }
  const ip = req.socket.remoteAddress ?? "unknown";
  const isWrite = !cspReport && !["GET", "HEAD", "OPTIONS"].includes(req.method);
  const wait = isWrite ? writeLimiter.hit(ip) : req.path.startsWith("/build/") ? 0 : readLimiter.hit(ip);
  if (wait > 0) {
    res.setHeader("Retry-After", String(wait));
    plain(res, 429, `Zu viele Anfragen. Bitte warten Sie ${wait} Sekunden.`);
    return;
  }
  next();
});

// Before anything reads the body: bytes and fields are counted while it streams in (413 when over).
app.use(bodyGuard(limits));

app.use(compression());
app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y", index: false, fallthrough: false }));
// public/ (outside build/) is listed once at start-up: a page request costs no stat() of a file that isn't there.
const publicFiles = new Set(
  existsSync("public")
    ? readdirSync("public", { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => `/${resolve(e.parentPath, e.name).slice(resolve("public").length + 1).split("\\").join("/")}`)
        .filter((p) => !p.startsWith("/build/"))
    : [],
);
const servePublic = express.static("public", { maxAge: "1h", index: false });
app.use((req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD") return next();
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next();
  }
  return publicFiles.has(path) ? servePublic(req, res, next) : next();
});

// /healthz: 503 only when the database is unusable; otherwise 200 with {"db":"ok","search":"ok"|"degraded"}.
// The search probe (Meilisearch /health, FTS5 tables) is cached for a few seconds, so this stays cheap. It is the
// same process-wide probe the search engine uses, so a search that just failed against Meilisearch shows here too.
const searchHealth = getSearchHealth();
app.get("/healthz", async (req, res) => {
  res.setHeader("Cache-Control", "no-store");
  try {
    db.$client.prepare("select 1").get();
  } catch {
    res.status(503).json({ db: "nicht erreichbar", search: "unbekannt" });
    return;
  }
  const search = await searchHealth.check().catch(() => "degraded" as const);
  // The contract is {"db","search"}; the page cache's counters only on request (?cache=1), for operators and bench:http.
  if (req.query.cache === "1") res.status(200).json({ db: "ok", search, cache: pageCache ? pageCache.snapshot() : "aus" });
  else res.status(200).json({ db: "ok", search });
});

/** Drops cookie pairs whose value is not valid percent-encoding (they would make cookie parsers throw). */
function decodableCookies(header: string): string {
  return header
    .split(";")
    .filter((pair) => {
      const value = pair.slice(pair.indexOf("=") + 1);
      try {
        decodeURIComponent(value);
        return true;
      } catch {
        return false;
      }
    })
    .join(";");
}

const GENERIC_ERROR = "Ein Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.";

// Anonymous GET pages from memory (docs/decisions/021-page-cache.md). PAGE_CACHE_MB=0 turns it off.
const pageCacheMb = Number(process.env.PAGE_CACHE_MB ?? "50");
const pageCache = Number.isFinite(pageCacheMb) && pageCacheMb > 0 ? new PageCache(pageCacheMb * 1024 * 1024) : null;
const readDataVersion = dataVersionReader(db.$client);
let cachedVersion = -1;
/** The security headers of every response, with the nonce placeholder that a cache entry turns into script hashes. */
const entrySecurity = securityHeaders(NONCE_PLACEHOLDER, { https, reportUrl: `${env.publicUrl}${CSP_REPORT_PATH}` });
const searchCacheable = { search: !env.MEILI_HOST };

/** The Berlin date, computed at most once a second (the key's day; a formatter call per hit is measurable). */
let dayValue = "";
let dayAt = 0;
function today(): string {
  const now = Date.now();
  if (now - dayAt >= 1000) {
    dayValue = todayIso(new Date(now));
    dayAt = now;
  }
  return dayValue;
}

/** The cache key of a request, moving the cache on to the database's current version first. */
function cacheKeyFor(url: string): string {
  const version = readDataVersion();
  if (version !== cachedVersion) {
    pageCache!.dropOlderThan(version);
    cachedVersion = version;
  }
  return PageCache.key(url, version, today());
}

/**
 * Writes a cache entry (hit or fresh miss): 304 for a matching If-None-Match, else the body in the best encoding.
 * In front of Express the response is bare and takes the header list in one writeHead; behind it (`express`), the
 * stored headers replace the ones the middleware set (its nonce CSP) one by one, since writeHead would add them.
 */
function writeEntry(req: IncomingMessage, res: ServerResponse, page: CachedPage, state: "hit" | "miss", express = false) {
  const notModified = etagMatches(req.headers["if-none-match"], page.etag);
  const enc = notModified ? "identity" : pickEncoding(req.headers["accept-encoding"]);
  const list = notModified ? page.notModified : page.raw[enc];
  const status = notModified ? 304 : page.status;
  const body = notModified ? undefined : page.bodies[enc];
  if (express) {
    for (let i = 0; i < list.length; i += 2) res.setHeader(list[i], list[i + 1]);
    res.setHeader("X-Cache", state);
    res.writeHead(status);
  } else res.writeHead(status, draining ? [...list, "X-Cache", state, "Connection", "close"] : [...list, "X-Cache", state]);
  res.end(body);
}

/**
 * A cache hit straight from the http request handler, before Express and its middleware (decision 021, revision).
 * It applies every guard that the middleware applies to such a GET: an unknown Host, a body, a cookie or a
 * personal path never get here (they go on to Express, which answers as always: 421 …); the read rate limit
 * counts the hit, and a limited client goes on to Express for its 429. The headers are the stored ones: the
 * security headers as on every response (script hashes instead of the nonce), ETag, Cache-Control, Vary.
 * Returns false when Express must answer.
 */
function serveHit(req: IncomingMessage, res: ServerResponse): boolean {
  if (!pageCache || req.method !== "GET") return false;
  const url = req.url ?? "";
  const h = req.headers;
  if (url.charCodeAt(0) !== 47 || h.cookie !== undefined || h.authorization !== undefined || h["content-length"] !== undefined || h["transfer-encoding"] !== undefined) return false;
  if (!isAllowedHost(h.host, site)) return false;
  const q = url.indexOf("?");
  if (!isCacheableRequest("GET", q === -1 ? url : url.slice(0, q), undefined, undefined, searchCacheable)) return false;
  const page = pageCache.peek(cacheKeyFor(url));
  if (!page) return false;
  if (readLimiter.hit(req.socket.remoteAddress ?? "unknown") > 0) return false;
  if (!quiet) {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`GET ${logPath(q === -1 ? url : url.slice(0, q))} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
  }
  writeEntry(req, res, page, "hit");
  return true;
}
/**
 * Streams a page's body in few large writes: React hands over chunks of about 2 kB, and each res.write of its own
 * was a writev system call (about 6 % of an uncached page's CPU). Chunks are gathered up to 64 kB; the rest goes
 * with end(). The site streams no deferred data, so this changes only how many writes a page takes.
 */
async function writeCoalesced(body: ReadableStream<Uint8Array>, res: express.Response) {
  const reader = body.getReader();
  let parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
      if (size >= 65_536) {
        res.write(Buffer.concat(parts, size));
        parts = [];
        size = 0;
      }
    }
    res.end(size === 0 ? undefined : parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
  } catch (e) {
    res.destroy(e as Error);
    throw e;
  }
}

// Remix, with the body the guard has already read (the stream itself is consumed by then).
const remix = createRemixHandler(build, env.NODE_ENV === "development" ? "development" : "production");
app.all("*", async (req, res, next) => {
  try {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (k === "cookie" && typeof v === "string") headers.set(k, decodableCookies(v));
      else if (Array.isArray(v)) for (const x of v) headers.append(k, x);
      else if (v !== undefined) headers.set(k, v);
    }
    let cacheKey: string | null = null;
    if (pageCache && isCacheableRequest(req.method, req.path, req.headers.cookie, req.headers.authorization, searchCacheable)) {
      cacheKey = cacheKeyFor(req.originalUrl);
      const hit = pageCache.get(cacheKey);
      if (hit) return writeEntry(req, res, hit, "hit", true);
    } else if (pageCache && req.method === "GET") pageCache.bypassed();
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
    if (req.guardedStream) {
      // an upload route's multipart body, streamed (counted by the body guard)
      init.body = Readable.toWeb(req.guardedStream) as ReadableStream<Uint8Array>;
      init.duplex = "half";
    } else if (req.method !== "GET" && req.method !== "HEAD") init.body = new Uint8Array(req.guardedBody ?? Buffer.alloc(0));
    // The URL's host is a checked one (Host guard above); the protocol is ours (no proxy headers trusted).
    const request = new Request(`${req.protocol}://${req.headers.host}${req.originalUrl}`, init);
    let response = await remix(request, { nonce: res.locals.nonce as string });
    // the body guard already answered (413 while an upload streamed in): nothing more to send
    if (res.headersSent) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    // Remix's own error answers to data requests ("Unexpected Server Error", in development with the
    // stack) become one German line; the status and the x-remix-error marker stay for the client router.
    if (response.headers.get("x-remix-error")) {
      const h = new Headers(response.headers);
      h.delete("content-length");
      h.set("Content-Type", "application/json; charset=utf-8");
      response = new Response(JSON.stringify({ message: GENERIC_ERROR }), { status: response.status, headers: h });
    }
    // Only HTML and JSON are read as text for the cache; anything else (CSV with its BOM, calendars, binary) streams.
    if (cacheKey && pageCache && response.status === 200 && /^(?:text\/html|application\/json)/i.test(response.headers.get("content-type") ?? "")) {
      const nonce = res.locals.nonce as string;
      const text = await response.text();
      const stored: [string, string][] = [];
      for (const [k, v] of response.headers.entries()) if (!["content-length", "cache-control", "etag"].includes(k)) stored.push([k, v]);
      const built = isCacheableResponse(response.status, response.headers, text, IDEMPOTENCY_FIELD) ? buildEntry(response.status, stored, text, nonce, entrySecurity) : undefined;
      const entry = built && pageCache.set(cacheKey, built);
      if (entry) return writeEntry(req, res, entry, "miss", true);
      res.status(response.status);
      for (const [k, v] of response.headers.entries()) if (k !== "content-length") res.append(k, v);
      res.send(text);
      return;
    }
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [k, v] of response.headers.entries()) res.append(k, v);
    if (response.body && /^text\/html/i.test(response.headers.get("content-type") ?? "")) await writeCoalesced(response.body, res);
    else if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  } catch (e) {
    next(e);
  }
});

// The only error page the server itself sends: one German line, never a stack trace or a path
// (malformed URLs, unreadable bodies, errors outside Remix).
app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  const status = Number((err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode);
  const client = status >= 400 && status < 500;
  if (!client) console.error(`server: ${err instanceof Error ? err.name : "Fehler"} außerhalb von Remix`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  plain(res, client ? 400 : 500, client ? "Die Anfrage ist fehlerhaft und wurde nicht bearbeitet." : GENERIC_ERROR);
});

// The background modules load before the port opens: from the first request on, nothing is awaited any more, so
// the SIGTERM/SIGINT handlers below are in place before anyone can connect (a signal that arrived while a module
// was still loading used to kill the process and reset every open connection).
const [
  { startMailWorker, stopMailWorker },
  { startDigestScheduler, stopDigestScheduler },
  { deleteExpiredSessions },
  { startAboMatcher, stopAboMatcher },
  { runTextExtraction },
  { startScheduledBackups },
] = await Promise.all([
  import("../app/services/mail.server"),
  import("../app/services/scheduler.server"),
  import("../app/services/auth.server"),
  import("../app/services/abo-matcher.server"),
  import("../app/models/attachment.server"),
  import("../app/services/backup.server"),
]);

// Cache hits are answered before Express (serveHit); everything else goes through the middleware.
const server = createServer((req, res) => {
  if (!serveHit(req, res)) app(req, res);
});
server.listen(Number(env.PORT), env.HOST, () => {
  console.log(`Städtenetz Südosteuropa läuft auf ${env.publicUrl} (Port ${env.PORT}).`);
});
server.on("error", (e: NodeJS.ErrnoException) => fail(`Serverfehler: Port ${env.PORT} ${e.code === "EADDRINUSE" ? "ist bereits belegt" : e.message}`));

// Connection bookkeeping for the drain: a connection is busy while a request on it is open, and "fresh"
// until its first request arrives (its bytes may still wait in the kernel while the event loop is busy).
type Conn = { served: number; open: number; since: number };
const conns = new Map<Socket, Conn>();
let accepted = 0;
server.on("connection", (socket: Socket) => {
  accepted++;
  conns.set(socket, { served: 0, open: 0, since: Date.now() });
  socket.on("close", () => conns.delete(socket));
});
server.on("request", (req: IncomingMessage, res: ServerResponse) => {
  const c = conns.get(req.socket);
  if (!c) return;
  c.open++;
  res.on("close", () => {
    c.open--;
    c.served++;
  });
});
/** A fresh connection gets this long to send its first request once the drain has begun. */
const FRESH_GRACE_MS = 2000;
/**
 * Ends connections that carry no request: idle keep-alive ones at once, fresh ones after the grace period.
 * end(), not destroy(): a response that is still in the socket's write buffer is delivered first.
 */
function endIdle(now = Date.now()) {
  for (const [socket, c] of conns) {
    if (c.open === 0 && !socket.writableEnded && (c.served > 0 || now - c.since > FRESH_GRACE_MS)) socket.end();
  }
}

// Background upkeep: the mail delivery loop, the daily jobs (digest at DIGEST_HOUR), expired sessions hourly.
startMailWorker(db);
startDigestScheduler(db);
startAboMatcher(db);
const sessionTimer = setInterval(() => deleteExpiredSessions().catch(() => undefined), 3_600_000);
sessionTimer.unref();
// Attachments: text extraction for document search, off the request path (one batch at a time).
let extracting = false;
const extractTimer = setInterval(() => {
  if (extracting) return;
  extracting = true;
  runTextExtraction(db, { limit: 5 })
    .catch(() => undefined)
    .finally(() => {
      extracting = false;
    });
}, 10_000);
extractTimer.unref();
// Scheduled backups (off unless BACKUP_DIR is set): daily at BACKUP_HOUR, newest BACKUP_KEEP kept.
const stopBackups = startScheduledBackups(db.$client, { dir: env.BACKUP_DIR, keep: env.BACKUP_KEEP, hour: env.BACKUP_HOUR });

// Stopping (docs/decisions/008-stopping-cleanly.md): on SIGTERM/SIGINT, first let the event loop accept the
// connections the kernel has already completed (closing the listener at once would reset them), then stop
// listening, answer every accepted request (responses now carry Connection: close), end idle keep-alive
// connections, close the database and exit 0. After SHUTDOWN_TIMEOUT the rest is cut and the exit code is 1.
const shutdownMs = Number(env.SHUTDOWN_TIMEOUT) * 1000;
function shutdown(signal: string) {
  if (draining) return;
  draining = true;
  console.log(`${signal} erhalten: nehme keine neuen Verbindungen mehr an und beende laufende Anfragen …`);
  // The mail loop and the daily jobs stop first; a mail in flight is marked sent before the database closes.
  const background = Promise.all([stopMailWorker(), stopDigestScheduler()]).catch(() => undefined);
  clearInterval(sessionTimer);
  stopAboMatcher();
  stopBackups();
  const closeDb = () => {
    try {
      db.$client.close();
    } catch {
      /* already closed */
    }
  };
  const hardStop = setTimeout(() => {
    console.error(`Beenden: nach ${env.SHUTDOWN_TIMEOUT} s noch offene Anfragen, Verbindungen werden getrennt.`);
    for (const socket of conns.keys()) socket.destroy();
    closeDb();
    process.exit(1);
  }, shutdownMs);
  hardStop.unref();
  // Node accepts about one waiting connection per event-loop turn while it is busy, and closing the listener
  // resets every connection still waiting in the kernel. So keep listening until three turns in a row (each
  // with a poll phase: setImmediate runs after it) accepted nothing, or at most 80 % of the drain timeout
  // (under load each turn renders a page, so a long queue takes seconds to take in).
  const started = Date.now();
  const listenCap = shutdownMs * 0.8;
  let seen = accepted;
  let quiet = 0;
  const waitForBacklog = () => {
    if (accepted !== seen) {
      seen = accepted;
      quiet = 0;
    } else quiet++;
    const elapsed = Date.now() - started;
    // Where the kernel tells the accept-queue length (Linux), wait until it is empty; the quiet turns stay as a guard.
    const address = server.address();
    const waiting = address && typeof address === "object" ? acceptQueueLength(address.port) : null;
    if ((quiet < 3 || elapsed < 50 || (waiting ?? 0) > 0) && elapsed < listenCap) {
      setTimeout(() => setImmediate(waitForBacklog), 5);
      return;
    }
    // net.Server's close stops listening without http's closeIdleConnections(), which would also cut
    // accepted connections whose request has not been read yet.
    net.Server.prototype.close.call(server);
    // Done when every connection is closed: requests answered, idle ones ended, the clients gone.
    const sweep = setInterval(() => {
      endIdle();
      if (conns.size > 0) return;
      clearInterval(sweep);
      void background.then(() => {
        clearTimeout(hardStop);
        closeDb();
        console.log("Server beendet.");
        process.exit(0);
      });
    }, 25);
  };
  setImmediate(waitForBacklog);
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
