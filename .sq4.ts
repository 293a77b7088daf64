import { openDatabase, runMigrations } from "./db/client";
import { setDb, getDb } from "./app/services/db.server";
import { FtsSearchIndex } from "./app/services/search/fts.server";
import { JUDGED } from "./tests/search/judged-queries";
const { db } = openDatabase(`file:${process.env.DBP}`); let tm = performance.now(); runMigrations(db); console.log("migrate", (performance.now() - tm).toFixed(0)); setDb(db);
const fts = new FtsSearchIndex(getDb);
const s = db.$client;
let t = performance.now();
await fts.search({ q: "warmup", limit: 10, offset: 0 }, null);
console.log("vocab load", (performance.now() - t).toFixed(0), "ms");
const lat: [number, string, number][] = [];
for (const j of JUDGED) {
  await fts.search({ q: j.q, typ: j.typ, feld: j.feld, limit: 10, offset: 0 }, null);
  t = performance.now();
  const r = await fts.search({ q: j.q, typ: j.typ, feld: j.feld, limit: 10, offset: 0 }, null);
  lat.push([performance.now() - t, j.q, r.total]);
}
lat.sort((a, b) => b[0] - a[0]);
console.log(lat.slice(0, 12).map((x) => `${x[0].toFixed(1)}ms ${x[2]} ${x[1]}`).join("\n"));
console.log("p50", lat[Math.floor(lat.length / 2)][0].toFixed(1));
