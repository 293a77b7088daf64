// Open data: public projects as CSV (UTF-8 with BOM, ";", CRLF, formula-safe). Schema: docs/open-data.md.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseFilters } from "~/components/projekte/filters";
import { EXPORT_LICENCE, exportProjects } from "~/models/project.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { toCsv } from "~/utils/csv";

export const CSV_COLUMNS = [
  "slug",
  "titel",
  "status",
  "federfuehrende_stadt",
  "partnerstaedte",
  "handlungsfelder",
  "zielgruppen",
  "sucht_partnerstaedte",
  "budget_eur",
  "foerdersumme_eur",
  "eigenanteil_eur",
  "finanzierungsluecke_eur",
  "beginn",
  "ende",
  "programme",
  "fonds",
  "kontakt",
  "zusammenfassung",
  "url",
  "aktualisiert",
  "lizenz",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const rows = exportProjects(getDb(), parseFilters(url.searchParams), getEnv().publicUrl);
  const csv = toCsv(
    [...CSV_COLUMNS],
    rows.map((p) => [
      p.slug,
      p.titel,
      p.status,
      p.federfuehrende_stadt?.name ?? "",
      p.partnerstaedte.map((c) => c.name).join(", "),
      p.handlungsfelder.join(", "),
      p.zielgruppen.join(", "),
      p.sucht_partnerstaedte,
      p.budget_eur == null ? null : Math.round(p.budget_eur),
      Math.round(p.foerdersumme_eur),
      Math.round(p.eigenanteil_eur),
      p.finanzierungsluecke_eur == null ? null : Math.round(p.finanzierungsluecke_eur),
      p.beginn,
      p.ende,
      p.foerderlinien.map((f) => f.programm).join(" | "),
      [...new Set(p.foerderlinien.map((f) => f.fonds).filter(Boolean))].join(", "),
      p.kontakt,
      p.zusammenfassung,
      p.url,
      p.aktualisiert,
      EXPORT_LICENCE.kennung,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="projekte.csv"',
      "Cache-Control": "no-store",
    },
  });
}
