// Runs before every vitest file: a private mail folder and test mode; no network, no shared state.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.NODE_ENV = "test";
process.env.MAIL_DIR = mkdtempSync(join(tmpdir(), "sn-mail-"));
process.env.PUBLIC_URL ??= "http://localhost:3000";
delete process.env.SMTP_URL;
delete process.env.MEILI_HOST;
