// Open data: Forderungen with their confirmed history as JSON, licence dl-de/by-2-0.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { FORDERUNG_LICENCE, FORDERUNG_SCHEMA_VERSION, exportForderungen, parseForderungFilters } from "~/models/forderung.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseForderungFilters(new URL(request.url).searchParams);
  const forderungen = exportForderungen(getDb(), filters, getEnv().publicUrl);
  const body = {
    schema_version: FORDERUNG_SCHEMA_VERSION,
    herausgeber: "Städtenetz Südosteuropa",
    titel: "Forderungen und nächste Schritte aus dem Handlungsrahmen Zuwanderung aus Südosteuropa (2013)",
    lizenz: FORDERUNG_LICENCE,
    erstellt: new Date().toISOString(),
    filter: filters,
    anzahl: forderungen.length,
    forderungen,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'inline; filename="forderungen.json"',
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
