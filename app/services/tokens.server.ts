import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random URL-safe token with 256 bits of entropy. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored; the token itself lives in the link alone. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function secret(): string {
  const s = process.env.SESSION_SECRET;
  if (s && s.length >= 16) return s;
  // Without a configured secret the key is derived per database file path, stable across restarts.
  return `staedtenetz:${process.env.DATABASE_URL ?? "default"}`;
}

/** Signed, tamper-evident token for links that need no sign-in (e.g. unsubscribe): payload.signature */
export function signPayload(payload: string): string {
  const body = Buffer.from(payload, "utf8").toString("base64url");
  const sig = createHmac("sha256", secret()).update(body).digest("base64url");
  return `${body}.${sig}`;
}

/**
 * Returns the payload, or null for any malformed or forged token. The signature is compared as its canonical
 * base64url text: decoding first would accept altered padding bits in the last character.
 */
export function verifySignedPayload(token: string): string | null {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(createHmac("sha256", secret()).update(body).digest("base64url"), "utf8");
  const given = Buffer.from(sig, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(body, "base64url").toString("utf8");
}
