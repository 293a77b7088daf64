import { createTestDb } from "./tests/setup/db";
import { loadCorpus } from "./tests/search/corpus";
import { JUDGED } from "./tests/search/judged-queries";
import { upsertSearchDocs } from "./app/services/search/documents.server";
import { FtsSearchIndex } from "./app/services/search/fts.server";
import { getDb } from "./app/services/db.server";
const t = createTestDb({ seed: false });
t.db.transaction((tx) => upsertSearchDocs(tx, loadCorpus()));
const fts = new FtsSearchIndex(getDb);
let ok = 0;
for (const j of JUDGED) {
  const r = await fts.search({ q: j.q, typ: j.typ, feld: j.feld, limit: 10, offset: 0 }, null);
  const ids = r.hits.map((h) => `${h.typ}:${h.slug}`);
  const pos = ids.indexOf(j.relevant[0]);
  const anyTop3 = ids.slice(0, 3).some((i) => j.relevant.includes(i));
  if (pos >= 0 && pos < 3) ok++;
  if (!(pos >= 0 && pos < 3)) console.log(`MISS ${j.kind} "${j.q}" best@${pos} anyTop3=${anyTop3} top:`, ids.slice(0, 4).join(" "));
}
console.log(ok, "/", JUDGED.length);
t.cleanup();
