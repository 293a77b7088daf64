import { it } from "vitest";
import { createTestDb } from "../setup/db";
import { loadCorpus } from "../search/corpus";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { loader } from "~/routes/api.suche";
it("probe", async () => {
  const t = createTestDb({ seed: false });
  globalThis.__searchIndex = undefined;
  t.db.transaction((tx) => upsertSearchDocs(tx, loadCorpus()));
  for (const q of (process.env.QS ?? "").split("|")) {
    const res = (await loader({ request: new Request(`http://localhost/api/suche?q=${encodeURIComponent(q)}`), params: {}, context: {} })) as Response;
    const b = await res.json();
    console.log(`\n## ${q} total=${b.total}`);
    for (const h of b.hits.slice(0, 6)) console.log("  ", h.slug, "|", h.title.slice(0, 70));
  }
  t.cleanup();
});
