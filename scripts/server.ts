// HTTP server of the site: `npm start` (after `npm run build`). Validates the configuration, migrates the
// database, seeds demo data into a brand-new database outside production, then serves the Remix build with
// security headers, a per-request CSP nonce, cross-site checks, rate limits and one quiet log line per request.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, EnvError } from "../app/services/env.server";
import { DatabaseConfigError, isEmptyDatabase, openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";
import { isCrossSiteRequest, securityHeaders } from "../app/services/security";
import { limiter } from "../app/services/rate-limit.server";
import { createSearchHealth } from "../app/services/search/health.server";

if (process.argv.includes("--help")) {
  console.log(`Startet die Website (vorher: npm run build).

Aufruf: npm start

Umgebungsvariablen: PORT (3000), HOST (0.0.0.0), DATABASE_URL (file:./data/app.db), PUBLIC_URL,
MEILI_HOST, MEILI_KEY, SMTP_URL, MAIL_FROM, MAIL_DIR (./data/mail), CONTENT_DIR (./content), SESSION_SECRET, NODE_ENV.
Eine neue Datenbank erhält außerhalb von NODE_ENV=production Demo-Inhalte und Demo-Konten.`);
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let env;
try {
  env = parseEnv();
} catch (e) {
  if (e instanceof EnvError) fail(e.message);
  throw e;
}

let opened;
try {
  opened = openDatabase(env.DATABASE_URL);
} catch (e) {
  if (e instanceof DatabaseConfigError) fail(`Konfigurationsfehler: ${e.message}`);
  throw e;
}
const { db } = opened;
const fresh = isEmptyDatabase(db);
try {
  runMigrations(db);
} catch (e) {
  fail(`Datenbankfehler: Migrationen konnten nicht angewendet werden (${(e as Error).message})`);
}
setDb(db);

if (fresh && env.NODE_ENV !== "production") {
  const { seedDemo } = await import("./lib/demo");
  await seedDemo(db, { print: true });
}

const buildDir = process.env.BUILD_DIR;
const buildPath = resolve(buildDir ? `${buildDir}/index.js` : "build/index.js");
const assetsDir = resolve(buildDir ? `${buildDir}/public/build` : "public/build");
if (!existsSync(buildPath)) fail("Der Build fehlt: bitte zuerst `npm run build` ausführen.");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);

const allowedOrigins = [env.publicUrl, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
// Per-IP request limits per minute (RATE_LIMIT_READ / RATE_LIMIT_WRITE override them, e.g. for load tests).
const writeLimiter = limiter("http-write", Number(process.env.RATE_LIMIT_WRITE) || 120, 60_000);
const readLimiter = limiter("http-read", Number(process.env.RATE_LIMIT_READ) || 1200, 60_000);

// Mask secrets in paths (invitation/reset tokens) and drop query strings: logs carry no personal data.
const logPath = (path: string) => path.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, "/:token");
const quiet = env.NODE_ENV === "test" || process.env.LOG_REQUESTS === "0";

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  for (const [k, v] of Object.entries(securityHeaders(nonce))) res.setHeader(k, v);
  // Our own view of the client address; an incoming header of that name is overwritten, never trusted.
  req.headers["x-sn-client-ip"] = req.socket.remoteAddress ?? "unknown";
  if (!quiet && !req.path.startsWith("/build/") && req.path !== "/healthz") {
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`${req.method} ${logPath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
  }
  next();
});

app.use((req, res, next) => {
  const cross = isCrossSiteRequest(
    req.method,
    { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site"), host: req.get("host") },
    allowedOrigins,
  );
  if (cross) {
    res.status(403).type("text/plain; charset=utf-8").send("Anfrage von einer fremden Website abgelehnt (Origin-Prüfung).");
    return;
  }
  const ip = req.socket.remoteAddress ?? "unknown";
  const isWrite = !["GET", "HEAD", "OPTIONS"].includes(req.method);
  const wait = isWrite ? writeLimiter.hit(ip) : req.path.startsWith("/build/") ? 0 : readLimiter.hit(ip);
  if (wait > 0) {
    res.setHeader("Retry-After", String(wait));
    res.status(429).type("text/plain; charset=utf-8").send(`Zu viele Anfragen. Bitte warten Sie ${wait} Sekunden.`);
    return;
  }
  next();
});

app.use(compression());
app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y", index: false, fallthrough: false }));
app.use(express.static("public", { maxAge: "1h", index: false }));

// /healthz: 503 only when the database is unusable; otherwise 200 with {"db":"ok","search":"ok"|"degraded"}.
// The search probe (Meilisearch /health, FTS5 tables) is cached for a few seconds, so this stays cheap.
const searchHealth = createSearchHealth({ sqlite: () => db.$client, meiliHost: env.MEILI_HOST });
app.get("/healthz", async (_req, res) => {
  res.setHeader("Cache-Control", "no-store");
  try {
    db.$client.prepare("select 1").get();
  } catch {
    res.status(503).json({ db: "nicht erreichbar", search: "unbekannt" });
    return;
  }
  const search = await searchHealth.check().catch(() => "degraded" as const);
  res.status(200).json({ db: "ok", search });
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV === "production" ? "production" : "development",
    getLoadContext: (_req, res) => ({ nonce: res.locals.nonce as string }),
  }),
);

const server = app.listen(Number(env.PORT), env.HOST, () => {
  console.log(`Städtenetz Südosteuropa läuft auf ${env.publicUrl} (Port ${env.PORT}).`);
});
server.on("error", (e: NodeJS.ErrnoException) => fail(`Serverfehler: Port ${env.PORT} ${e.code === "EADDRINUSE" ? "ist bereits belegt" : e.message}`));

// Background upkeep: the mail delivery loop, the daily jobs (digest at DIGEST_HOUR), expired sessions hourly.
const { startMailWorker, stopMailWorker } = await import("../app/services/mail.server");
const { startDigestScheduler, stopDigestScheduler } = await import("../app/services/scheduler.server");
const { deleteExpiredSessions } = await import("../app/services/auth.server");
startMailWorker(db);
startDigestScheduler(db);
const sessionTimer = setInterval(() => deleteExpiredSessions().catch(() => undefined), 3_600_000);
sessionTimer.unref();
// Scheduled backups (off unless BACKUP_DIR is set): daily at BACKUP_HOUR, newest BACKUP_KEEP kept.
const { startScheduledBackups } = await import("../app/services/backup.server");
const stopBackups = startScheduledBackups(db.$client, { dir: env.BACKUP_DIR, keep: env.BACKUP_KEEP, hour: env.BACKUP_HOUR });

function shutdown() {
  const background = Promise.all([stopMailWorker(), stopDigestScheduler()]);
  clearInterval(sessionTimer);
  stopBackups();
  server.close(async () => {
    await background.catch(() => undefined); // a mail in flight is marked sent before the database closes
    try {
      db.$client.close();
    } catch {
      /* already closed */
    }
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
