// Security policy used by our own HTTP server (scripts/server.ts). Pure functions so tests can check them.

/** Response headers for every response; `nonce` is the per-request CSP nonce. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
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
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request check for every non-GET request (documents, `?_data`/`.data` fetches and resource routes):
 * allowed when Sec-Fetch-Site says same-origin/none, or Origin matches the site's own origin(s).
 * Requests with neither header (curl, scripts) are allowed: browsers always send one of them on cross-site POSTs.
 */
export function isCrossSiteRequest(
  method: string,
  headers: { origin?: string | null; secFetchSite?: string | null; host?: string | null },
  allowedOrigins: string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const sfs = headers.secFetchSite?.toLowerCase();
  if (sfs && sfs !== "same-origin" && sfs !== "none") return true;
  const origin = headers.origin;
  if (origin) {
    if (origin === "null") return true;
    const own = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, "").toLowerCase()));
    if (headers.host) {
      own.add(`http://${headers.host}`.toLowerCase());
      own.add(`https://${headers.host}`.toLowerCase());
    }
    return !own.has(origin.replace(/\/+$/, "").toLowerCase());
  }
  return false;
}
