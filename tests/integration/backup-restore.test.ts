// Restore drill as a test: a second process writes (mail outbox rows) and records every acknowledged id; during
// that load `npm run db:backup` copies the database; `npm run db:restore` puts the copy in a new place; the app
// starts on it (/healthz 200) and every write acknowledged before the backup began is there. Restore refuses while
// the server has the database open, and rejects corrupt files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createTestDb } from "../setup/db";
import { startApp, type RunningApp } from "../setup/app-server";
import { checkDatabaseFile, databaseInUse, rotateBackups } from "~/services/backup.server";

const ROOT = join(__dirname, "..", "..");
const tsx = (script: string, args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", ...env } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("exit", (status) => resolve({ status, stdout, stderr }));
  });

// The second process: inserts outbox rows as fast as it can and prints each id after its commit.
const WRITER = `
const Database = require(${JSON.stringify(join(ROOT, "node_modules", "better-sqlite3"))});
const db = new Database(process.argv[2], { timeout: 5000 });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
const ins = db.prepare("INSERT INTO mail_outbox (\\"to\\", subject, text, headers) VALUES ('probe@test.invalid', ?, 'Text', '{}')");
let n = 0;
const tick = () => {
  for (let i = 0; i < 5; i++) {
    const id = ins.run("Probe " + (++n)).lastInsertRowid;
    process.stdout.write("ack " + id + "\\n");
  }
  setImmediate(tick);
};
tick();
process.on("SIGTERM", () => { db.close(); process.exit(0); });
`;

let work: string;
let t: ReturnType<typeof createTestDb>;
let app: RunningApp | undefined;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sn-backup-"));
  t = createTestDb();
  writeFileSync(join(work, "writer.cjs"), WRITER);
});
afterAll(async () => {
  await app?.stop();
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe("backup under write load, restore into a new place", () => {
  const backupFile = () => join(work, "sicherung.db");
  const restored = () => join(work, "neu", "app.db");
  let ackedBefore: number[] = [];

  it("db:backup copies the live database while a second process writes, and checks the copy", async () => {
    const acked: number[] = [];
    const writer = spawn(process.execPath, [join(work, "writer.cjs"), t.path], { stdio: ["ignore", "pipe", "inherit"] });
    let buf = "";
    writer.stdout.on("data", (d) => {
      buf += d;
      const lines = buf.split("\n");
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith("ack ")) acked.push(Number(l.slice(4)));
    });
    while (acked.length < 2000) await new Promise((r) => setTimeout(r, 20));
    ackedBefore = [...acked]; // everything acknowledged before the backup began
    const r = await tsx("scripts/db-backup.ts", ["--out", backupFile()], { DATABASE_URL: `file:${t.path}` });
    const duringOrAfter = acked.length - ackedBefore.length;
    writer.kill("SIGTERM");
    await new Promise((res) => writer.once("exit", res));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Sicherung fertig: .*sicherung\.db – [\d,]+ (KB|MB), [\d,]+ s/);
    expect(r.stdout).toContain("integrity_check ok");
    expect(duringOrAfter).toBeGreaterThan(0); // the writer really wrote while the backup ran
    expect(checkDatabaseFile(backupFile())).toEqual([]);
    expect(readdirSync(work).filter((f) => f.includes(".tmp-"))).toEqual([]); // no half-written file left
  }, 120_000);

  it("db:restore into a new place; the app starts on it and every acknowledged write is there", async () => {
    const r = await tsx("scripts/db-restore.ts", ["--from", backupFile()], { DATABASE_URL: `file:${restored()}` });
    expect(r.status, r.stderr).toBe(0);
    app = await startApp(restored(), { MAIL_DIR: join(work, "mail") });
    const health = await fetch(`${app.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ db: "ok" });
    const db = new Database(restored(), { readonly: true });
    const ids = new Set((db.prepare("SELECT id FROM mail_outbox").pluck().all() as number[]));
    db.close();
    const missing = ackedBefore.filter((id) => !ids.has(id));
    expect(ackedBefore.length).toBeGreaterThanOrEqual(2000);
    expect(missing).toEqual([]);
  }, 120_000);

  it("db:restore refuses while the server has the database open, and changes nothing", async () => {
    expect(app).toBeDefined();
    expect(databaseInUse(restored())).toBe(true);
    const before = readdirSync(join(work, "neu")).sort();
    const r = await tsx("scripts/db-restore.ts", ["--from", backupFile()], { DATABASE_URL: `file:${restored()}` });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/wird gerade benutzt .*Server/);
    expect(readdirSync(join(work, "neu")).sort()).toEqual(before);
    expect((await fetch(`${app!.base}/healthz`)).status).toBe(200);
  }, 60_000);

  it("after the server stopped, restore replaces the database and keeps the old one aside", async () => {
    await app!.stop();
    app = undefined;
    expect(databaseInUse(restored())).toBe(false);
    const r = await tsx("scripts/db-restore.ts", ["--from", backupFile()], { DATABASE_URL: `file:${restored()}` });
    expect(r.status, r.stderr).toBe(0);
    const aside = readdirSync(join(work, "neu")).filter((f) => f.startsWith("app.db.vor-wiederherstellung-"));
    expect(aside).toHaveLength(1);
    expect(checkDatabaseFile(join(work, "neu", aside[0]))).toEqual([]);
    expect(existsSync(`${restored()}-wal`) && readFileSync(`${restored()}-wal`).length > 0).toBe(false);
  }, 60_000);

  it("db:restore rejects a corrupt file and a file that is not SQLite", async () => {
    const bytes = readFileSync(backupFile());
    const corrupt = Buffer.from(bytes);
    // Overwrite the pages after the first two with noise: header intact, content broken.
    for (let i = 8192; i < corrupt.length; i += 7) corrupt[i] = (i * 31) & 0xff;
    writeFileSync(join(work, "kaputt.db"), corrupt);
    writeFileSync(join(work, "text.db"), "Das ist keine Datenbank.\n");
    for (const [file, reason] of [
      ["kaputt.db", /nicht verwendbar: (integrity_check meldet Fehler|beschädigt)/],
      ["text.db", /keine SQLite-Datenbank/],
    ] as const) {
      const r = await tsx("scripts/db-restore.ts", ["--from", join(work, file)], { DATABASE_URL: `file:${join(work, "ziel", "app.db")}` });
      expect(r.status, file).toBe(1);
      expect(r.stderr, file).toMatch(reason);
      expect(existsSync(join(work, "ziel", "app.db")), file).toBe(false);
    }
  }, 60_000);
});

describe("backup helpers", () => {
  it("--help explains both commands", () => {
    for (const s of ["scripts/db-backup.ts", "scripts/db-restore.ts"]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", s, "--help"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Aufruf: npm run db:(backup|restore)/);
    }
  });
  it("rotation keeps the newest n backups", () => {
    const dir = mkdtempSync(join(tmpdir(), "sn-rot-"));
    for (const d of ["20261201-030000", "20261202-030000", "20261130-030000", "20261203-030000"]) writeFileSync(join(dir, `app-${d}.db`), "x");
    writeFileSync(join(dir, "andere.db"), "x");
    expect(rotateBackups(dir, 2).sort()).toEqual(["app-20261130-030000.db", "app-20261201-030000.db"]);
    expect(readdirSync(dir).sort()).toEqual(["andere.db", "app-20261202-030000.db", "app-20261203-030000.db"]);
    rmSync(dir, { recursive: true, force: true });
  });
});
