import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAllowedHost, isCrossSiteRequest, needsNoStore, securityHeaders, siteAddresses } from "~/services/security";
import { safeRedirect } from "~/utils/safe-redirect";
import { checkPasswordPolicy } from "~/utils/password-policy";
import { missingSecretError, parseEnv, EnvError } from "~/services/env.server";
import { createHmac } from "node:crypto";
import { signPayload, verifySignedPayload, hashToken, generateToken, secretFor } from "~/services/tokens.server";
import { resetEnvCache } from "~/services/env.server";

const own = ["http://localhost:3000"];

describe("cross-site check for non-GET requests", () => {
  it("rejects a POST from another origin", () => {
    expect(isCrossSiteRequest("POST", { origin: "http://evil.example" }, own)).toBe(true);
  });
  it("rejects Sec-Fetch-Site cross-site and same-site (sibling subdomain)", () => {
    expect(isCrossSiteRequest("POST", { secFetchSite: "cross-site" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { secFetchSite: "same-site" }, own)).toBe(true);
  });
  it("rejects the opaque origin null (sandboxed iframes, data: URLs)", () => {
    expect(isCrossSiteRequest("DELETE", { origin: "null" }, own)).toBe(true);
  });
  it("rejects a foreign Referer without Origin, and a Referer that is no http(s) URL", () => {
    expect(isCrossSiteRequest("POST", { referer: "http://evil.example/" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { referer: "http://localhost:3000.evil.example/konto" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { referer: "kaputt" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { referer: "http://localhost:3000/konto?x=1" }, own)).toBe(false);
  });
  it("allows own origin, same-origin fetches, requests without any of the headers, and GET", () => {
    expect(isCrossSiteRequest("POST", { origin: "http://localhost:3000", secFetchSite: "same-origin" }, own)).toBe(false);
    expect(isCrossSiteRequest("POST", {}, own)).toBe(false);
    expect(isCrossSiteRequest("GET", { origin: "http://evil.example", secFetchSite: "cross-site" }, own)).toBe(false);
  });
  it("never trusts the request's own Host: an origin is allowed only when configured", () => {
    const site = siteAddresses({ publicUrl: "https://netz.example", port: 3000 });
    expect(isCrossSiteRequest("POST", { origin: "http://127.0.0.1:4000" }, site.origins)).toBe(true);
    expect(isCrossSiteRequest("POST", { origin: "http://127.0.0.1:3000" }, site.origins)).toBe(false);
    expect(isCrossSiteRequest("POST", { origin: "http://[::1]:3000" }, site.origins)).toBe(false);
    expect(isCrossSiteRequest("POST", { origin: "https://netz.example" }, site.origins)).toBe(false);
    expect(isCrossSiteRequest("POST", { origin: "http://netz.example" }, site.origins)).toBe(true);
  });
});

describe("Host check", () => {
  const site = siteAddresses({ publicUrl: "https://netz.example", allowedHosts: "www.netz.example, intern.local:8080", port: 3000 });
  it("accepts the PUBLIC_URL host, ALLOWED_HOSTS entries and loopback on the own port", () => {
    for (const h of ["netz.example", "NETZ.example", "www.netz.example", "www.netz.example:3000", "intern.local:8080", "localhost:3000", "127.0.0.1:3000", "[::1]:3000"]) {
      expect(isAllowedHost(h, site), h).toBe(true);
    }
  });
  it("rejects foreign hosts (DNS rebinding), loopback on another port, and a missing Host", () => {
    for (const h of ["evil.example", "evil.example:3000", "localhost", "localhost:4000", "127.0.0.1", "netz.example.evil.example", "intern.local", ""]) {
      expect(isAllowedHost(h, site), h).toBe(false);
    }
    expect(isAllowedHost(undefined, site)).toBe(false);
  });
  it("an ALLOWED_HOSTS entry is also an allowed origin (https and http)", () => {
    expect(site.origins.has("https://www.netz.example")).toBe(true);
    expect(site.origins.has("http://evil.example")).toBe(false);
  });
});

describe("no-store for personal responses", () => {
  it("applies to the personal pages and to every request with a session cookie", () => {
    expect(needsNoStore("/konto", undefined)).toBe(true);
    expect(needsNoStore("/konto.daten.json", undefined)).toBe(true);
    expect(needsNoStore("/benachrichtigungen/3", undefined)).toBe(true);
    expect(needsNoStore("/verwaltung/benutzer", undefined)).toBe(true);
    expect(needsNoStore("/wissen", "sn_session=abc")).toBe(true);
    expect(needsNoStore("/wissen", "x=1; __Host-sn_session=abc")).toBe(true);
    expect(needsNoStore("/wissen", "sn_flash=1")).toBe(false);
    expect(needsNoStore("/wissen", "sn_session=")).toBe(false);
    expect(needsNoStore("/kontoauszug", undefined)).toBe(false);
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
  it("reports CSP violations to /csp-bericht (report-uri and report-to)", () => {
    const h = securityHeaders("abc", { reportUrl: "https://netz.example/csp-bericht" });
    expect(h["Content-Security-Policy"]).toContain("report-uri /csp-bericht");
    expect(h["Content-Security-Policy"]).toContain("report-to csp");
    expect(h["Reporting-Endpoints"]).toBe('csp="https://netz.example/csp-bericht"');
  });
  it("sends HSTS only for an https site", () => {
    expect(securityHeaders("abc", { https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders("abc")["Strict-Transport-Security"]).toBeUndefined();
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
    const dev = { NODE_ENV: "development" };
    expect(parseEnv({ ...dev, PUBLIC_URL: "https://netz.example" }).secureCookies).toBe(true);
    expect(parseEnv(dev).secureCookies).toBe(false);
    expect(parseEnv(dev).DATABASE_URL).toBe("file:./data/app.db");
  });
  it("defaults to production, which requires a SESSION_SECRET of at least 32 characters", () => {
    // The server refuses to start without it (missingSecretError); tools that sign nothing parse the env anyway.
    expect(missingSecretError(parseEnv({}))).toMatch(/^Konfigurationsfehler: SESSION_SECRET fehlt/);
    expect(missingSecretError(parseEnv({ NODE_ENV: "production" }))).toMatch(/SESSION_SECRET/);
    expect(missingSecretError(parseEnv({ NODE_ENV: "development" }))).toBeNull();
    expect(() => parseEnv({ SESSION_SECRET: "x".repeat(31) })).toThrow(/SESSION_SECRET muss mindestens 32 Zeichen/);
    // the too-short secret itself is never echoed
    expect(() => parseEnv({ SESSION_SECRET: "geheim-kurz" })).not.toThrow(/geheim-kurz/);
    const env = parseEnv({ SESSION_SECRET: "y".repeat(32) });
    expect(env.NODE_ENV).toBe("production");
    expect(env.SHUTDOWN_TIMEOUT).toBe("10");
    expect(parseEnv({ NODE_ENV: "development" }).NODE_ENV).toBe("development");
  });
  it("validates ALLOWED_HOSTS, SHUTDOWN_TIMEOUT and the body limits with a German line", () => {
    const dev = { NODE_ENV: "development" };
    expect(() => parseEnv({ ...dev, ALLOWED_HOSTS: "http://netz.example/" })).toThrow(/^Konfigurationsfehler: ALLOWED_HOSTS=/);
    expect(parseEnv({ ...dev, ALLOWED_HOSTS: "netz.example,www.netz.example:8443" }).ALLOWED_HOSTS).toBe("netz.example,www.netz.example:8443");
    expect(() => parseEnv({ ...dev, SHUTDOWN_TIMEOUT: "bald" })).toThrow(/SHUTDOWN_TIMEOUT="bald" muss eine Zahl/);
    expect(() => parseEnv({ ...dev, BODY_LIMIT: "1" })).toThrow(/BODY_LIMIT/);
    expect(() => parseEnv({ ...dev, FIELD_LIMIT: "viele" })).toThrow(/FIELD_LIMIT/);
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
