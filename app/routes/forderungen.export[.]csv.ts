// Open data: Forderungen as CSV (UTF-8 with BOM, ";", CRLF, formula-safe), licence dl-de/by-2-0.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { FORDERUNG_LICENCE, exportForderungen, parseForderungFilters } from "~/models/forderung.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { toCsv } from "~/utils/csv";

export const FORDERUNG_CSV_COLUMNS = [
  "slug",
  "titel",
  "loesungsszenario",
  "ebene",
  "adressat",
  "handlungsfelder",
  "status",
  "status_seit",
  "letzter_nachweis",
  "letzter_nachweis_url",
  "quelle",
  "text",
  "url",
  "lizenz",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const rows = exportForderungen(getDb(), parseForderungFilters(new URL(request.url).searchParams), getEnv().publicUrl);
  const csv = toCsv(
    [...FORDERUNG_CSV_COLUMNS],
    rows.map((r) => {
      const last = r.verlauf[r.verlauf.length - 1];
      return [r.slug, r.titel, r.loesungsszenario, r.ebene, r.stelle, r.handlungsfelder.join(", "), r.status, r.status_seit, last?.nachweis ?? null, last?.url ?? null, r.quelle, r.text, r.url, FORDERUNG_LICENCE.kennung];
    }),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="forderungen.csv"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
