import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

const tsx = (script: string, args: string[], env: Record<string, string>, input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env, NODE_ENV: "production" }, input, encoding: "utf8", timeout: 60_000 });

describe("server start-up configuration", () => {
  it("PORT=abc stops with one clear line and a non-zero exit", () => {
    const r = tsx("scripts/server.ts", [], { PORT: "abc" });
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Konfigurationsfehler: PORT="abc"/);
  });
  it("an unwritable DATABASE_URL stops with one clear line and a non-zero exit", () => {
    // A path below a regular file can never be created (ENOTDIR), even for root.
    const blocker = join(mkdtempSync(join(tmpdir(), "sn-ro-")), "datei");
    writeFileSync(blocker, "x");
    const r = tsx("scripts/server.ts", [], { PORT: "3998", DATABASE_URL: `file:${blocker}/data/app.db`, SESSION_SECRET: "s".repeat(32) });
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_URL/);
  });
});

describe("user:create", () => {
  const dir = mkdtempSync(join(tmpdir(), "sn-cli-"));
  const DATABASE_URL = `file:${join(dir, "cli.db")}`;
  it("--help explains usage and exits 0", () => {
    const r = tsx("scripts/user-create.ts", ["--help"], { DATABASE_URL });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--email");
  });
  it("rejects a bad role and a short password with a clear message", () => {
    expect(tsx("scripts/user-create.ts", ["--email", "a@b.de", "--role", "chef"], { DATABASE_URL }, "ein langes passwort\n").stderr).toMatch(/--role/);
    const short = tsx("scripts/user-create.ts", ["--email", "a@b.de", "--role", "admin"], { DATABASE_URL }, "kurz\n");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toMatch(/mindestens 12/);
    expect(tsx("scripts/user-create.ts", ["--bogus"], { DATABASE_URL }).status).not.toBe(0);
  });
  it("creates a city-bound coordinator with an argon2id hash from stdin", () => {
    const seed = tsx("scripts/db-seed.ts", [], { DATABASE_URL });
    expect(seed.status).toBe(0);
    const r = tsx("scripts/user-create.ts", ["--email", "Koord@Example.org", "--role", "koordination", "--city", "duisburg"], { DATABASE_URL }, "ein langes passwort\n");
    expect(r.status, r.stderr).toBe(0);
    const db = new Database(join(dir, "cli.db"), { readonly: true });
    const row = db.prepare("select u.email, u.role, u.password_hash as h, c.slug from users u join cities c on c.id = u.city_id").get() as Record<string, string>;
    db.close();
    expect(row).toMatchObject({ email: "koord@example.org", role: "koordination", slug: "duisburg" });
    expect(row.h).toMatch(/^\$argon2id\$/);
    expect(tsx("scripts/user-create.ts", ["--email", "koord@example.org", "--role", "admin"], { DATABASE_URL }, "ein langes passwort\n").status).not.toBe(0);
  });
});
