// Starts the real server entry (scripts/server.ts) as a child process on a given database file, for integration
// tests that need the whole site (health, search outage, restore drill). Uses the build in BUILD_DIR (or build/);
// when none exists it builds once into .builds/integration.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

export function ensureBuild(): string {
  // `npm test` builds into build/ before vitest runs; a lone vitest run builds once into .builds/integration.
  for (const dir of [process.env.BUILD_DIR, "build", ".builds/integration"].filter(Boolean) as string[]) {
    if (existsSync(join(ROOT, dir, "index.js"))) return dir;
  }
  const dir = ".builds/integration";
  const r = spawnSync("npx", ["remix", "build"], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", BUILD_DIR: dir }, encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0) throw new Error(`remix build fehlgeschlagen: ${r.stderr}`);
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export type RunningApp = { base: string; port: number; proc: ChildProcess; output: () => string; stop: () => Promise<void> };

/** Spawns the server on `dbFile` and waits until /healthz answers (any status below 500 counts as started). */
export async function startApp(dbFile: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const buildDir = ensureBuild();
  const port = await freePort();
  let out = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_REQUESTS: "0",
      SESSION_SECRET: "integration-test-secret-0123456789",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      BUILD_DIR: buildDir,
      DATABASE_URL: `file:${dbFile}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`Server beendet (Exit ${proc.exitCode}): ${out}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`Server nicht bereit: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      const t = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      proc.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
      proc.kill("SIGTERM");
    });
  return { base, port, proc, output: () => out, stop };
}
