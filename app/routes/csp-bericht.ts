// Endpoint of the CSP's report-uri / report-to (app/services/security.ts). The server limits the body to
// 16 KB and exempts this path from the cross-site check and the general write limit; here it is limited
// per address, reduced to directive/origin/path (app/models/csp-report.server.ts) and logged in one line.
import type { ActionFunctionArgs } from "@remix-run/node";
import { CSP_CONTENT_TYPES, parseCspReports, storeCspReports } from "~/models/csp-report.server";
import { getDb } from "~/services/db.server";
import { clientIp, limiter } from "~/services/rate-limit.server";

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });

export function loader() {
  return text("Hier nimmt die Website nur Berichte des Browsers über blockierte Inhalte entgegen (POST).", 405, { Allow: "POST" });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Nur POST ist erlaubt.", 405, { Allow: "POST" });
  const contentType = request.headers.get("content-type") ?? "";
  if (!CSP_CONTENT_TYPES.some((t) => contentType.toLowerCase().startsWith(t))) {
    return text("Erwartet wird application/csp-report oder application/reports+json.", 415);
  }
  const wait = limiter("csp-report", 30, 60_000).hit(clientIp(request));
  if (wait > 0) return text(`Zu viele Berichte. Bitte warten Sie ${wait} Sekunden.`, 429, { "Retry-After": String(wait) });
  const body = await request.text();
  if (body.length > 16 * 1024) return text("Der Bericht ist zu groß.", 413);
  const reports = parseCspReports(contentType, body);
  if (!reports) return text("Der Bericht ist kein gültiger CSP-Bericht.", 400);
  storeCspReports(getDb(), reports);
  if (reports.length) {
    // One line, no personal data: only how many reports and which directives.
    console.log(`csp: ${reports.length} Bericht(e) (${[...new Set(reports.map((r) => r.directive))].join(", ")})`);
  }
  return new Response(null, { status: 204 });
}
