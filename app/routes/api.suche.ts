// GET /api/suche – the public search API (contract in DESIGN.md "Public contracts"):
// {"total", "hits": [{typ, slug, url, title, snippet}], "facets": {"typ": {…}, "feld": {…}}}.
// Only what the caller may read: the viewer's visibility is part of the engine query itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser, toViewer } from "~/services/auth.server";
import { getSearchIndex, parseSearchParams } from "~/services/search/index.server";
import { emptyResult } from "~/services/search/types";
import { privateJson } from "~/utils/json-response";


export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url));
  if (!parsed.ok) return privateJson({ error: parsed.error }, 400);
  const viewer = toViewer(await getUser(request));
  if (!parsed.params.q.trim()) return privateJson(emptyResult());
  try {
    const result = await getSearchIndex().search(parsed.params, viewer);
    // `degraded: true` only while Meilisearch is unreachable and the built-in FTS5 index answers (contract unchanged otherwise).
    return privateJson({ total: result.total, hits: result.hits, facets: result.facets, ...(result.degraded ? { degraded: true } : {}) });
  } catch (e) {
    console.error("Suche fehlgeschlagen:", (e as Error).message);
    return privateJson({ error: "Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal." }, 503);
  }
}
