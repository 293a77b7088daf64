// The importer next to another writer: while a second process holds the write lock, the import's transactions meet
// SQLITE_BUSY, wait and retry – no file fails, nothing is imported twice, the import finishes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb } from "../setup/db";
import { importContent, isBusyError } from "~/services/content/importer.server";
import { articleCollection } from "~/services/content/articles.server";

const ROOT = join(__dirname, "..", "..");
let t: ReturnType<typeof createTestDb>;
let dir: string;
beforeEach(() => {
  t = createTestDb();
  dir = mkdtempSync(join(tmpdir(), "sn-busy-"));
  mkdirSync(join(dir, "wissen"));
  for (let i = 0; i < 60; i++)
    writeFileSync(
      join(dir, "wissen", `busy-${String(i).padStart(3, "0")}.md`),
      `---\ntitle: "Beitrag ${i}"\ntype: glossar\nsummary: "Kurz"\nhandlungsfelder: [wohnen]\nebenen: [kommune]\nstaedte: []\nstand: 2013-01-31\nquellen: ["Test"]\n---\nText ${i}\n`,
    );
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A second process that takes the write lock `times` times for `holdMs` each, with short gaps. */
function lockHolder(dbPath: string, times: number, holdMs: number) {
  const code = `
    const Database = require(${JSON.stringify(join(ROOT, "node_modules", "better-sqlite3"))});
    const db = new Database(process.argv[1], { timeout: 10000 });
    const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (let i = 0; i < ${times}; i++) {
      db.exec("BEGIN IMMEDIATE");
      if (i === 0) process.stdout.write("locked\\n");
      sleep(${holdMs});
      db.exec("COMMIT");
      sleep(5);
    }
    db.close();
  `;
  const p = spawn(process.execPath, ["-e", code, dbPath], { stdio: ["ignore", "pipe", "inherit"] });
  const locked = new Promise<void>((r) => p.stdout.on("data", (d) => String(d).includes("locked") && r()));
  const done = new Promise<number | null>((r) => p.on("exit", r));
  return { locked, done };
}

describe("content import while another process writes", () => {
  it("retries busy transactions instead of failing files", async () => {
    t.db.$client.pragma("busy_timeout = 20"); // make the importer's own wait short, so it meets SQLITE_BUSY
    const holder = lockHolder(t.path, 4, 400);
    await holder.locked;
    const r = await importContent(t.db, { dir, collections: [articleCollection], batchSize: 10 });
    expect(await holder.done).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.collections[0]).toMatchObject({ total: 60, created: 60, failed: 0 });
    expect(r.busyRetries).toBeGreaterThan(0);
    expect(r.ok).toBe(true);
    const n = t.db.$client.prepare("SELECT count(*) FROM articles WHERE slug LIKE 'busy-%'").pluck().get();
    expect(n).toBe(60);
    // Each file exactly once: one import revision per article.
    const revs = t.db.$client.prepare("SELECT count(*) FROM revisions WHERE entity_type = 'article'").pluck().get();
    expect(revs).toBe(60);
  }, 60_000);

  it("recognises SQLite's busy and locked errors", () => {
    expect(isBusyError(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isBusyError(Object.assign(new Error("x"), { code: "SQLITE_BUSY_SNAPSHOT" }))).toBe(true);
    expect(isBusyError(new Error("UNIQUE constraint failed"))).toBe(false);
  });
});
