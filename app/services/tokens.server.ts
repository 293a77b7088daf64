// Random tokens (stored only as hashes) and signed tokens for links that need no sign-in.
// Decision record: docs/decisions/011-signed-tokens-and-secrets.md.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { appSecrets } from "../../db/schema/index";
import { getDb, type DB } from "./db.server";
import { getEnv } from "./env.server";

/** A random URL-safe token with 256 bits of entropy. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored; the token itself lives in the link alone. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const generated = new WeakMap<DB, string>();

/**
 * The installation's master secret: SESSION_SECRET when set. Without it (development and test only) a random
 * 32-byte secret generated once per installation and kept in the database table app_secrets. Never derived
 * from other configuration (DATABASE_URL, paths, host names): those are not secret.
 */
function masterSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("Konfigurationsfehler: SESSION_SECRET fehlt (im Produktivbetrieb Pflicht).");
  const db = getDb();
  let s = generated.get(db);
  if (!s) {
    // INSERT OR IGNORE first: two processes starting at once agree on the row that won.
    db.insert(appSecrets).values({ name: "signing", value: randomBytes(32).toString("base64url") }).onConflictDoNothing().run();
    s = db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, "signing")).get()!.value;
    generated.set(db, s);
  }
  return s;
}

/**
 * A key for one use (cookie signing, link tokens), derived from the master secret by HMAC, so a key leaked
 * from one use (e.g. a cookie library) does not sign tokens of another.
 */
export function secretFor(use: "tokens" | "flash-cookie"): string {
  return createHmac("sha256", masterSecret()).update(`staedtenetz/${use}`).digest("base64url");
}

/** Purposes of signed tokens. Add one here for a new kind of link; verification refuses every other. */
export type TokenPurpose = "abbestellen";
const VERSION = "v1";
const FIELD = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * Signed, tamper-evident token: base64url(`v1.<purpose>.<subject>.<expiry>`).<HMAC-SHA256>. `expiry` is unix
 * seconds, or 0 for a token that does not expire. The purpose and version are inside the signed part, so a
 * token made for one purpose is refused for every other, and a future v2 format can refuse all v1 tokens.
 */
export function signPayload(purpose: TokenPurpose, subject: string, opts: { ttlMs?: number; now?: number } = {}): string {
  if (!FIELD.test(subject)) throw new Error("signPayload: subject must be 1–200 URL-safe characters");
  const expiry = opts.ttlMs ? Math.floor(((opts.now ?? Date.now()) + opts.ttlMs) / 1000) : 0;
  const body = Buffer.from(`${VERSION}.${purpose}.${subject}.${expiry}`, "utf8").toString("base64url");
  return `${body}.${sign(body)}`;
}

function sign(body: string): string {
  return createHmac("sha256", secretFor("tokens")).update(body).digest("base64url");
}

/**
 * The subject of a valid token of `purpose`, or null for any malformed, forged, expired, other-purpose or
 * other-version token. The signature is compared as its canonical base64url text: decoding first would accept
 * altered padding bits in the last character.
 */
export function verifySignedPayload(token: string, purpose: TokenPurpose, now = Date.now()): string | null {
  if (token.length > 1000) return null;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(sign(body), "utf8");
  const given = Buffer.from(sig, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parts = Buffer.from(body, "base64url").toString("utf8").split(".");
  if (parts.length !== 4) return null;
  const [version, p, subject, expiry] = parts;
  if (version !== VERSION || p !== purpose || !FIELD.test(subject) || !/^\d{1,12}$/.test(expiry)) return null;
  if (expiry !== "0" && Number(expiry) * 1000 <= now) return null;
  return subject;
}
