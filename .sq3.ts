import { openDatabase } from "./db/client";
import { setDb, getDb } from "./app/services/db.server";
import { FtsSearchIndex } from "./app/services/search/fts.server";
const { db } = openDatabase(`file:${process.env.DBP}`); setDb(db);
const fts = new FtsSearchIndex(getDb);
for (const q of process.argv.slice(2)) {
  const r = await fts.search({ q, limit: 6, offset: 0 }, null);
  console.log(`\n## ${q} total=${r.total}`);
  for (const h of r.hits) console.log(" ", h.typ, h.slug, "|", h.title.slice(0, 60), "|", h.snippet.slice(0, 100));
}
