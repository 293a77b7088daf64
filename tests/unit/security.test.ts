import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, securityHeaders } from "~/services/security";
import { safeRedirect } from "~/utils/safe-redirect";
import { checkPasswordPolicy } from "~/utils/password-policy";
import { parseEnv, EnvError } from "~/services/env.server";
import { signPayload, verifySignedPayload, hashToken, generateToken } from "~/services/tokens.server";

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
  it("are random with 256 bits and stored as SHA-256", () => {
    const a = generateToken();
    expect(Buffer.from(a, "base64url").length).toBe(32);
    expect(a).not.toBe(generateToken());
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
  it("signed payloads reject tampering", () => {
    const t = signPayload("user:1:topic:2");
    expect(verifySignedPayload(t)).toBe("user:1:topic:2");
    const [body, sig] = t.split(".");
    const forged = Buffer.from("user:2:topic:2").toString("base64url") + "." + sig;
    expect(verifySignedPayload(forged)).toBeNull();
    expect(verifySignedPayload(body + "." + sig.slice(0, -2) + "AA")).toBeNull();
    expect(verifySignedPayload("garbage")).toBeNull();
    // Every single-character change of the signature is rejected (incl. the padding bits of the last one).
    for (let i = 0; i < sig.length; i++) {
      for (const c of ["A", "B", "g", "Q", "w", "_", "-"]) {
        if (sig[i] === c) continue;
        expect(verifySignedPayload(`${body}.${sig.slice(0, i)}${c}${sig.slice(i + 1)}`)).toBeNull();
      }
    }
  });
});
