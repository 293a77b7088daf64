// Starts the real built server (scripts/server.ts or the e2e entry with demo data) as a child process on a
// free port and a temporary database, for integration tests of the HTTP layer. The build comes from
// ensureBuild() (BUILD_DIR, ./build as made by `npm test`, or one production build into .builds/integration).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { ensureBuild, freePort } from "./app-server";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The build the server runs (see ensureBuild in app-server.ts; shared by every test that starts the server). */
export const BUILD_DIR = ensureBuild();
export const assertBuild = () => BUILD_DIR;
export { freePort };

/** Is nobody listening on the port any more (a new server could bind it)? */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once("error", () => ok(false));
    s.listen(port, "0.0.0.0", () => s.close(() => ok(true)));
  });
}

export type Running = { proc: ChildProcess; port: number; base: string; dir: string; dbPath: string; output: () => string; exited: Promise<number | null> };

export async function startServer(
  opts: { entry?: "server" | "e2e"; env?: Record<string, string>; command?: string[]; dir?: string } = {},
): Promise<Running> {
  assertBuild();
  const port = await freePort();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "sn-srv-"));
  const dbPath = join(dir, "app.db");
  const script = opts.entry === "e2e" ? "tests/setup/e2e-server.ts" : "scripts/server.ts";
  const [cmd, ...args] = opts.command ?? [process.execPath, "--import", "tsx", script];
  const proc = spawn(cmd, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      PORT: String(port),
      HOST: "0.0.0.0",
      DATABASE_URL: `file:${dbPath}`,
      MAIL_DIR: join(dir, "mail"),
      BUILD_DIR,
      LOG_REQUESTS: "0",
      RATE_LIMIT_READ: "100000",
      RATE_LIMIT_WRITE: "100000",
      PUBLIC_URL: `http://localhost:${port}`,
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (c) => (out += c));
  proc.stderr!.on("data", (c) => (out += c));
  const exited = new Promise<number | null>((ok) => proc.on("exit", (code) => ok(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`Server beendet sich beim Start:\n${out}`);
    if (Date.now() > deadline) throw new Error(`Server startet nicht:\n${out}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const e2eDb = /e2e database: file:(\S+);/.exec(out)?.[1];
  return { proc, port, base, dir, dbPath: e2eDb ?? dbPath, output: () => out, exited };
}

export async function stopServer(s: Running | undefined) {
  if (!s || s.proc.exitCode !== null) return;
  s.proc.kill("SIGTERM");
  await Promise.race([s.exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (s.proc.exitCode === null) s.proc.kill("SIGKILL");
}

export type RawResponse = { status: number; headers: IncomingHttpHeaders; rawHeaders: string[]; body: Buffer };

/** A raw HTTP request (any Host header, raw bytes, duplicate headers visible). */
export function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port, method: opts.method ?? "GET", path: opts.path, headers: { Host: `localhost:${port}`, ...opts.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on("error", fail);
    });
    req.on("error", fail);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

/** Signs in through the real form; returns the Cookie header value of the session. */
export async function signIn(s: Running, email: string, password: string): Promise<string> {
  const r = await raw(s.port, {
    method: "POST",
    path: "/anmelden",
    headers: { Origin: s.base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookies = ([] as string[]).concat(r.headers["set-cookie"] ?? []);
  const session = cookies.find((c) => /^(__Host-)?sn_session=[^;]+/.test(c));
  if (!session) throw new Error(`Anmeldung als ${email} fehlgeschlagen (Status ${r.status})`);
  return session.split(";")[0];
}
