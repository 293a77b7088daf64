// Open data: public projects as JSON, documented by docs/projekte-export.schema.json (docs/open-data.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseFilters } from "~/components/projekte/filters";
import { EXPORT_LICENCE, EXPORT_SCHEMA_VERSION, exportProjects } from "~/models/project.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const projekte = exportProjects(getDb(), filters, getEnv().publicUrl);
  const body = {
    schema_version: EXPORT_SCHEMA_VERSION,
    herausgeber: "Städtenetz Südosteuropa",
    titel: "Entwicklungsdatenbank – öffentliche Projekte",
    lizenz: EXPORT_LICENCE,
    erstellt: new Date().toISOString(),
    filter: filters,
    anzahl: projekte.length,
    projekte,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'inline; filename="projekte.json"',
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
