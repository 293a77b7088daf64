import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCrossSiteRequest, securityHeaders } from "~/services/security";
import { safeRedirect } from "~/utils/safe-redirect";
import { checkPasswordPolicy } from "~/utils/password-policy";
import { parseEnv, EnvError } from "~/services/env.server";
import { createHmac } from "node:crypto";
import { signPayload, verifySignedPayload, hashToken, generateToken, secretFor } from "~/services/tokens.server";
import { resetEnvCache } from "~/services/env.server";

const own = ["http://localhost:3000"];

describe("cross-site check for non-GET requests", () => {
  it("rejects a POST from another origin", () => {
    expect(isCrossSiteRequest("POST", { origin: "http://evil.example", host: "localhost:3000" }, own)).toBe(true);
  });
  it("rejects Sec-Fetch-Site cross-site and same-site (sibling subdomain)", () => {
    expect(isCrossSiteRequest("POST", { secFetchSite: "cross-site" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { secFetchSite: "same-site" }, own)).toBe(true);
  });
  it("rejects the opaque origin null (sandboxed iframes, data: URLs)", () => {
    expect(isCrossSiteRequest("DELETE", { origin: "null" }, own)).toBe(true);
  });
  it("allows own origin, same-origin fetches and GET", () => {
    expect(isCrossSiteRequest("POST", { origin: "http://localhost:3000", secFetchSite: "same-origin" }, own)).toBe(false);
    expect(isCrossSiteRequest("POST", { origin: "http://127.0.0.1:4000", host: "127.0.0.1:4000" }, own)).toBe(false);
    expect(isCrossSiteRequest("GET", { origin: "http://evil.example", secFetchSite: "cross-site" }, own)).toBe(false);
  });
});

describe("security headers", () => {
  it("sets CSP with nonce, frame-ancestors none, nosniff, referrer and permissions policy", () => {
    const h = securityHeaders("abc");
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc'");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-inline");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBeTruthy();
    expect(h["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("safeRedirect", () => {
  it.each([
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/x", "/"],
    ["javascript:alert(1)", "/"],
    ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
    ["/forum?x=1#a", "/forum?x=1#a"],
    ["", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input as string | null)).toBe(expected);
  });
});

describe("password policy", () => {
  it("rejects short, overlong and common passwords, accepts 12, 64 and 128 characters", () => {
    expect(checkPasswordPolicy("kurz")).toMatch(/mindestens 12/);
    expect(checkPasswordPolicy("a".repeat(129))).toMatch(/höchstens 128/);
    expect(checkPasswordPolicy("passwort1234")).toMatch(/verbreitet/);
    expect(checkPasswordPolicy("aaaaaaaaaaaaaaa")).toMatch(/verbreitet/);
    expect(checkPasswordPolicy("Zwölf Zeich!")).toBeNull();
    expect(checkPasswordPolicy("x".repeat(31) + "Y".repeat(33))).toBeNull();
    expect(checkPasswordPolicy("Ab1-".repeat(32))).toBeNull();
  });
});

describe("environment validation", () => {
  it("names the bad variable in one line", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/^Konfigurationsfehler: PORT="abc"/);
    expect(() => parseEnv({ PUBLIC_URL: "kein url" })).toThrow(/PUBLIC_URL/);
  });
  it("uses https cookies only for an https PUBLIC_URL", () => {
    expect(parseEnv({ PUBLIC_URL: "https://netz.example" }).secureCookies).toBe(true);
    expect(parseEnv({}).secureCookies).toBe(false);
    expect(parseEnv({}).DATABASE_URL).toBe("file:./data/app.db");
  });
});

describe("tokens", () => {
  // Unit tests have no database: sign with a configured secret, as production does.
  beforeAll(() => {
    process.env.SESSION_SECRET = "unit-test-secret-unit-test-secret-0123456789";
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.SESSION_SECRET;
    resetEnvCache();
  });
  it("are random with 256 bits and stored as SHA-256", () => {
    const a = generateToken();
    expect(Buffer.from(a, "base64url").length).toBe(32);
    expect(a).not.toBe(generateToken());
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
  it("signed payloads reject tampering, other purposes, other versions and expiry", () => {
    const id = "3f9c2a4e-1b2c-4d5e-8f90-123456789abc";
    const t = signPayload("abbestellen", id);
    expect(verifySignedPayload(t, "abbestellen")).toBe(id);
    const [body, sig] = t.split(".");
    expect(Buffer.from(body, "base64url").toString()).toBe(`v1.abbestellen.${id}.0`);
    const forged = Buffer.from(`v1.abbestellen.someone-else.0`).toString("base64url") + "." + sig;
    expect(verifySignedPayload(forged, "abbestellen")).toBeNull();
    expect(verifySignedPayload(body + "." + sig.slice(0, -2) + "AA", "abbestellen")).toBeNull();
    expect(verifySignedPayload("garbage", "abbestellen")).toBeNull();
    // Same key, but another version or purpose inside the signed part: refused.
    const signRaw = (payload: string) => {
      const b = Buffer.from(payload).toString("base64url");
      return `${b}.${createHmac("sha256", secretFor("tokens")).update(b).digest("base64url")}`;
    };
    expect(verifySignedPayload(signRaw(`v1.abbestellen.${id}.0`), "abbestellen")).toBe(id);
    expect(verifySignedPayload(signRaw(`v2.abbestellen.${id}.0`), "abbestellen")).toBeNull();
    expect(verifySignedPayload(signRaw(`v1.geraet.${id}.0`), "abbestellen")).toBeNull();
    expect(verifySignedPayload(signRaw(`abbestellen:${id}`), "abbestellen")).toBeNull(); // the old format
    // Expiry
    const short = signPayload("abbestellen", id, { ttlMs: 60_000, now: 1_000_000_000_000 });
    expect(verifySignedPayload(short, "abbestellen", 1_000_000_000_000 + 59_000)).toBe(id);
    expect(verifySignedPayload(short, "abbestellen", 1_000_000_000_000 + 61_000)).toBeNull();
    // Every single-character change of the signature is rejected (incl. the padding bits of the last one).
    for (let i = 0; i < sig.length; i++) {
      for (const c of ["A", "B", "g", "Q", "w", "_", "-"]) {
        if (sig[i] === c) continue;
        expect(verifySignedPayload(`${body}.${sig.slice(0, i)}${c}${sig.slice(i + 1)}`, "abbestellen")).toBeNull();
      }
    }
  });

});
