import Database from "better-sqlite3";
const s = new Database(process.env.DBP!);
const time = (name: string, f: () => unknown) => { f(); const t = performance.now(); const r = f(); console.log(name, (performance.now() - t).toFixed(1), "ms", Array.isArray(r) ? r.length : r); };
s.exec("CREATE TEMP TABLE fk AS SELECT k.rid AS rid, CASE d.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 ELSE 4 END AS typ, CASE d.visibility WHEN 'public' THEN 0 ELSE 1 END AS vis, abs(random()) % 64 AS felder FROM search_fts_keys k JOIN search_documents d ON d.id = k.doc_id");
s.exec("CREATE UNIQUE INDEX temp.fk_rid ON fk(rid)");
for (const q of ["kinder*", "clearingstelle* OR clearinstelle OR notfallclearingstelle", "efre* AND kommune*"]) {
  const e = `{title summary headings kurz body}: (${q})`;
  time(`count ${q}`, () => s.prepare("select count(*) from search_fts where search_fts match ?").pluck().get(e));
  time(`group ${q}`, () => s.prepare("select fk.typ, fk.felder, count(*) from search_fts f join fk on fk.rid = f.rowid where search_fts match ? and fk.vis in (0) group by 1,2").all(e));
  time(`tier1 bm25 ${q}`, () => s.prepare("select f.rowid from search_fts f join fk on fk.rid=f.rowid where search_fts match ? and fk.vis in (0) order by bm25(search_fts, 10,4,3,4,1,0) limit 100").all(`{title summary headings kurz}: (${q})`));
  time(`tier0 bm25 title ${q}`, () => s.prepare("select f.rowid from search_fts f join fk on fk.rid=f.rowid where search_fts match ? and fk.vis in (0) order by bm25(search_fts, 10,4,3,4,1,0) limit 100").all(`{title}: (${q})`));
  time(`full bm25 ${q}`, () => s.prepare("select f.rowid from search_fts f join fk on fk.rid=f.rowid where search_fts match ? and fk.vis in (0) order by bm25(search_fts, 10,4,3,4,1,0) limit 100").all(e));
}
