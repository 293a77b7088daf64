import { openDatabase } from "../db/client";
import { setDb, getDb } from "../app/services/db.server";
import { FtsSearchIndex } from "../app/services/search/fts.server";
import { JUDGED } from "../tests/search/judged-queries";
const { db } = openDatabase(`file:${process.argv[2]}`);
setDb(db);
const fts = new FtsSearchIndex(getDb);
fts.warm();
const per: Record<string, number[]> = {};
const slow: [number, string][] = [];
const extra = (process.env.QS ?? "").split("|").filter(Boolean).map((q) => ({ q, kind: "extra" }));
(async () => {
  for (let r = 0; r < 5; r++)
    for (const j of [...JUDGED, ...extra] as { q: string; kind: string; typ?: string; feld?: string }[]) {
      const c0 = process.cpuUsage();
      await fts.search({ q: j.q, limit: 10, offset: 0, typ: j.typ as never, feld: j.feld }, null);
      const cu = process.cpuUsage(c0); const ms = (cu.user + cu.system) / 1000;
      if (r > 0) { (per[j.kind] ??= []).push(ms); slow.push([ms, j.q]); }
    }
  const p95 = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length * 0.95)];
  for (const [k, a] of Object.entries(per)) console.log(k.padEnd(14), "p50", a.sort((x, y) => x - y)[a.length >> 1].toFixed(1), "p95", p95(a).toFixed(1));
  const all = Object.values(per).flat();
  console.log("ALL p95", p95(all).toFixed(1));
  slow.sort((a, b) => b[0] - a[0]);
  const seen = new Set();
  for (const [ms, q] of slow) { if (seen.has(q)) continue; seen.add(q); console.log(ms.toFixed(1), q); if (seen.size > 12) break; }
})();
