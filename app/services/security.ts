// Security policy used by our own HTTP server (scripts/server.ts). Pure functions so tests can check them.
// Decision record: docs/decisions/007-request-guards.md.

export const CSP_REPORT_PATH = "/csp-bericht";

/** Response headers for every response; `nonce` is the per-request CSP nonce. */
export function securityHeaders(nonce: string, opts: { https?: boolean; reportUrl?: string } = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
      `report-uri ${CSP_REPORT_PATH}`,
      "report-to csp",
    ].join("; "),
    "Reporting-Endpoints": `csp="${opts.reportUrl ?? CSP_REPORT_PATH}"`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  // HSTS only when the site is really served over https; on http it would be ignored or, behind a
  // misconfigured proxy, lock users out of a site that has no certificate.
  if (opts.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** Where the site may be reached: hosts for the Host check, origins for the cross-site check. */
export type SiteAddresses = { hosts: Set<string>; origins: Set<string> };

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Built only from configuration (PUBLIC_URL, ALLOWED_HOSTS, PORT), never from a request's Host header.
 * ALLOWED_HOSTS entries without a port are accepted as given (default port behind a proxy) and on the
 * server's own port. localhost, 127.0.0.1 and [::1] are always allowed on the server's own port.
 */
export function siteAddresses(config: { publicUrl: string; allowedHosts?: string; port: string | number }): SiteAddresses {
  const hosts = new Set<string>();
  const origins = new Set<string>();
  const port = String(config.port);
  const pub = new URL(config.publicUrl);
  hosts.add(pub.host.toLowerCase());
  origins.add(pub.origin.toLowerCase());
  const extra = (config.allowedHosts ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of extra) {
    hosts.add(h);
    origins.add(`https://${h}`);
    origins.add(`http://${h}`);
    if (!/:\d+$/.test(h)) {
      hosts.add(`${h}:${port}`);
      origins.add(`http://${h}:${port}`);
      origins.add(`https://${h}:${port}`);
    }
  }
  for (const l of LOOPBACK) {
    hosts.add(`${l}:${port}`);
    origins.add(`http://${l}:${port}`);
  }
  return { hosts, origins };
}

/** Is the request's Host header one of the configured hosts? A missing Host is never allowed. */
export function isAllowedHost(host: string | null | undefined, site: SiteAddresses): boolean {
  if (!host) return false;
  return site.hosts.has(host.trim().toLowerCase());
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Cross-site request check for every non-GET request (documents, `?_data`/`.data` fetches and resource routes):
 * refused when Sec-Fetch-Site says cross-site/same-site, when Origin is present and not one of the site's
 * own origins, or, without Origin, when Referer is present and points elsewhere.
 * Requests with none of the three headers (curl, scripts) are allowed: browsers send at least one of them on
 * cross-site POSTs (Referer is missing only under a no-referrer policy, and then Origin is sent).
 */
export function isCrossSiteRequest(
  method: string,
  headers: { origin?: string | null; secFetchSite?: string | null; referer?: string | null },
  allowedOrigins: Iterable<string>,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const sfs = headers.secFetchSite?.toLowerCase();
  if (sfs && sfs !== "same-origin" && sfs !== "none") return true;
  const own = new Set([...allowedOrigins].map((o) => o.replace(/\/+$/, "").toLowerCase()));
  const origin = headers.origin;
  if (origin) {
    if (origin === "null") return true;
    return !own.has(origin.replace(/\/+$/, "").toLowerCase());
  }
  if (headers.referer) {
    const o = originOf(headers.referer);
    return o === null || !own.has(o);
  }
  return false;
}

/** Session cookie names (lucia's `sn_session`, with the `__Host-` prefix under https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?sn_session=[^;\s]/;
const PERSONAL_PATHS = /^\/(?:konto|benachrichtigungen|verwaltung)(?:[/.?]|$)/;

/**
 * Must this response carry `Cache-Control: no-store`? Every response to a request with a session cookie
 * (a stale cookie errs on the safe side), and the personal pages whatever the cookie says.
 */
export function needsNoStore(path: string, cookieHeader: string | null | undefined): boolean {
  return PERSONAL_PATHS.test(path) || (!!cookieHeader && SESSION_COOKIE.test(cookieHeader));
}
