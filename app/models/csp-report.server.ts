// CSP violation reports (POST /csp-bericht, list under /verwaltung/csp-berichte). Reports are reduced to
// directive, blocked origin, page path and time before they are stored: no query strings, no tokens in
// paths, no IP address, no code sample. The table keeps the newest KEEP rows.
import { desc, sql } from "drizzle-orm";
import type { Executor } from "~/services/db.server";
import { cspReports } from "../../db/schema/index";

export const MAX_REPORTS_PER_REQUEST = 20;
const KEEP = 5000;
const UNKNOWN = "unbekannt";
/** Values of blocked-uri that are keywords, not URLs. */
const KEYWORDS = new Set(["inline", "eval", "wasm-eval", "data", "blob", "self", "trusted-types-policy", "trusted-types-sink"]);

export type CspReport = { directive: string; blockedOrigin: string; documentPath: string };

export const CSP_CONTENT_TYPES = ["application/csp-report", "application/reports+json"] as const;

function directive(value: unknown): string {
  const first = typeof value === "string" ? value.trim().split(/\s+/)[0]?.toLowerCase() : "";
  return first && /^[a-z-]{1,40}$/.test(first) ? first : UNKNOWN;
}

function blockedOrigin(value: unknown): string {
  if (typeof value !== "string" || !value) return UNKNOWN;
  const v = value.trim().toLowerCase();
  if (KEYWORDS.has(v)) return v;
  try {
    const u = new URL(value);
    if (u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:" || u.protocol === "wss:") return u.origin;
    const scheme = u.protocol.replace(/:$/, "");
    return /^[a-z][a-z0-9+.-]{0,20}$/.test(scheme) ? scheme : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/** Page path without query or fragment; long random segments (reset/invitation tokens) are masked. */
function documentPath(value: unknown): string {
  if (typeof value !== "string" || !value) return UNKNOWN;
  try {
    const path = new URL(value).pathname.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, "/:token");
    return path.slice(0, 200);
  } catch {
    return UNKNOWN;
  }
}

/**
 * Parses a report body of the legacy `report-uri` form (application/csp-report, one object) or of the
 * Reporting API (application/reports+json, an array). Returns null when the body is not such a report.
 */
export function parseCspReports(contentType: string, body: string): CspReport[] | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const ct = contentType.toLowerCase();
  if (ct.startsWith("application/csp-report")) {
    const r = (data as { "csp-report"?: Record<string, unknown> })?.["csp-report"];
    if (!r || typeof r !== "object") return null;
    return [
      {
        directive: directive(r["effective-directive"] ?? r["violated-directive"]),
        blockedOrigin: blockedOrigin(r["blocked-uri"]),
        documentPath: documentPath(r["document-uri"]),
      },
    ];
  }
  if (ct.startsWith("application/reports+json")) {
    if (!Array.isArray(data)) return null;
    return data
      .filter((r): r is { type: string; body: Record<string, unknown> } => !!r && typeof r === "object" && r.type === "csp-violation" && !!r.body && typeof r.body === "object")
      .slice(0, MAX_REPORTS_PER_REQUEST)
      .map((r) => ({
        directive: directive(r.body.effectiveDirective),
        blockedOrigin: blockedOrigin(r.body.blockedURL),
        documentPath: documentPath(r.body.documentURL),
      }));
  }
  return null;
}

export function storeCspReports(db: Executor, reports: CspReport[]) {
  if (!reports.length) return;
  db.insert(cspReports).values(reports).run();
  db.run(sql`delete from csp_reports where id <= (select max(id) from csp_reports) - ${KEEP}`);
}

/** Reports grouped by directive, blocked origin and page, most recent first. */
export function listCspReportGroups(db: Executor, limit = 200) {
  const last = sql<number>`max(${cspReports.at})`;
  const rows = db
    .select({
      directive: cspReports.directive,
      blockedOrigin: cspReports.blockedOrigin,
      documentPath: cspReports.documentPath,
      count: sql<number>`count(*)`,
      last,
    })
    .from(cspReports)
    .groupBy(cspReports.directive, cspReports.blockedOrigin, cspReports.documentPath)
    .orderBy(desc(last))
    .limit(limit)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(cspReports).get()?.n ?? 0;
  return { total, groups: rows.map((r) => ({ ...r, last: new Date(Number(r.last)) })) };
}
