// Starts the built site for the browser tests on a fresh temporary database with demo content and one
// account per role (fixed test password), then runs the real server entry in production mode.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_PASSWORD } from "../e2e/accounts";

const dir = mkdtempSync(join(tmpdir(), "sn-e2e-"));
process.env.DATABASE_URL = `file:${join(dir, "e2e.db")}`;
process.env.MAIL_DIR = process.env.E2E_MAIL_DIR ?? join(dir, "mail");
process.env.FILES_DIR ??= join(dir, "files");
process.env.PUBLIC_URL = `http://localhost:${process.env.PORT ?? 3100}`;
// Production mode needs a configured secret (no secret is derived from configuration): a fresh one per run.
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");

const { openDatabase, runMigrations } = await import("../../db/client");
const { setDb } = await import("../../app/services/db.server");
const { seedDemo } = await import("../../scripts/lib/demo");
const { db } = openDatabase();
runMigrations(db);
setDb(db);
await seedDemo(db, { password: () => E2E_PASSWORD });
db.$client.close();
setDb(undefined);
globalThis.__lucia = undefined;
console.log(`e2e database: ${process.env.DATABASE_URL}; mail: ${process.env.MAIL_DIR}`);

await import("../../scripts/server");
