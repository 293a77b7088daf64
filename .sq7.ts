import { openDatabase } from "./db/client";
import { setDb, getDb } from "./app/services/db.server";
import { FtsSearchIndex } from "./app/services/search/fts.server";
import { JUDGED } from "./tests/search/judged-queries";
const { db } = openDatabase(`file:${process.env.DBP}`); setDb(db);
const fts = new FtsSearchIndex(getDb);
const s = db.$client;
// monkey-patch prepare to time statements
const orig = s.prepare.bind(s);
const times = new Map<string, number>();
(s as any).prepare = (sql: string) => {
  const st = orig(sql);
  const key = sql.replace(/\s+/g, " ").slice(0, 70);
  for (const m of ["all", "get", "run"] as const) {
    const f = (st as any)[m].bind(st);
    (st as any)[m] = (...a: unknown[]) => { const t = performance.now(); const r = f(...a); times.set(key, (times.get(key) ?? 0) + performance.now() - t); return r; };
  }
  const raw = st.raw.bind(st); (st as any).raw = (...a: any[]) => { raw(...a); return st; };
  const pl = st.pluck.bind(st); (st as any).pluck = (...a: any[]) => { pl(...a); return st; };
  return st;
};
for (const j of JUDGED) await fts.search({ q: j.q, typ: j.typ, feld: j.feld, limit: 10, offset: 0 }, null);
times.clear();
const lat: [number, string][] = [];
let total = 0;
for (const j of JUDGED) { const t = performance.now(); await fts.search({ q: j.q, typ: j.typ, feld: j.feld, limit: 10, offset: 0 }, null); const d = performance.now() - t; total += d; lat.push([d, j.q]); }
lat.sort((a, b) => b[0] - a[0]);
console.log("total", total.toFixed(0), "p50", lat[24][0].toFixed(1), "p95", lat[2][0].toFixed(1));
console.log(lat.slice(0, 6).map((x) => x[0].toFixed(1) + " " + x[1]).join("\n"));
console.log([...times].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => v.toFixed(0) + "ms " + k).join("\n"));
