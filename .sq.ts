import { createTestDb } from "./tests/setup/db";
import { loadCorpus } from "./tests/search/corpus";
import { upsertSearchDocs } from "./app/services/search/documents.server";
import { FtsSearchIndex } from "./app/services/search/fts.server";
import { getDb } from "./app/services/db.server";
const t = createTestDb({ seed: false });
const docs = loadCorpus();
console.log("docs", docs.length);
t.db.transaction((tx) => upsertSearchDocs(tx, docs));
const fts = new FtsSearchIndex(getDb);
for (const q of process.argv.slice(2)) {
  const r = await fts.search({ q, limit: 5, offset: 0 }, null);
  console.log(`\n## ${q}  total=${r.total}`, JSON.stringify(r.facets));
  for (const h of r.hits) console.log(" ", h.slug, "|", h.title, "\n     ", h.snippet.slice(0, 160));
}
t.cleanup();
