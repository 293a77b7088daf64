// Request limits under attack-shaped input: the built server on a temporary database gets a POST with
// 100,000 fields to /anmelden and 10 MB bodies (declared and streamed); each answer time and the /healthz
// latency meanwhile are printed next to a baseline of /healthz alone, measured in the same run.
import { request as httpRequest } from "node:http";
import { cli, progress } from "./lib/cli";
import { raw, startServer, stopServer } from "../tests/setup/server-process";

const { values } = cli(
  `
Misst, wie schnell der Server übergroße Anfragen mit 413 abweist (100.000 Formularfelder an /anmelden,
10 MB mit Content-Length, 10 MB gestreamt ohne Content-Length) und wie schnell /healthz währenddessen
antwortet, verglichen mit /healthz allein im selben Lauf. Vorher: BUILD_DIR=… npx remix build (oder npm run build).

Aufruf: npm run bench:limits [-- --runs 5]
`,
  { runs: { type: "string" } },
);
const runs = Math.max(1, Math.min(50, Number(values.runs ?? 5)));

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

console.log("Starte den Server auf einer temporären Datenbank …");
const s = await startServer();
try {
  async function health(): Promise<number> {
    const t = process.hrtime.bigint();
    const r = await raw(s.port, { path: "/healthz" });
    if (r.status !== 200) throw new Error(`/healthz antwortet ${r.status}`);
    return ms(t);
  }
  // Probes /healthz back to back while `work` runs; returns the work's duration and the probe latencies.
  async function withProbes(work: () => Promise<number>): Promise<{ status: number; answerMs: number; probes: number[] }> {
    const probes: number[] = [];
    let running = true;
    const prober = (async () => {
      while (running) probes.push(await health());
    })();
    const t = process.hrtime.bigint();
    const status = await work();
    const answerMs = ms(t);
    running = false;
    await prober;
    return { status, answerMs, probes };
  }

  for (let i = 0; i < 20; i++) await health(); // warm-up
  const baseline: number[] = [];
  const bar = progress("Basislinie /healthz", 200, 50);
  for (let i = 0; i < 200; i++) {
    baseline.push(await health());
    bar.tick(i + 1);
  }

  const fields = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `f${i}=a`).join("&"));
  const tiny = Buffer.from(Array.from({ length: 100_000 }, () => "a=").join("&"));
  const big = Buffer.alloc(10 * 1024 * 1024, "a");
  const form = { "Content-Type": "application/x-www-form-urlencoded" };

  const streamed = () =>
    new Promise<number>((ok, fail) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: s.port, method: "POST", path: "/anmelden", headers: { Host: `localhost:${s.port}`, ...form, "Transfer-Encoding": "chunked" }, agent: false },
        (res) => {
          res.resume();
          res.on("end", () => ok(res.statusCode!));
        },
      );
      req.on("error", fail);
      const chunk = big.subarray(0, 64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < big.length) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    }).catch(() => 413);

  const cases: [string, () => Promise<number>][] = [
    ["100.000 Felder (889 KB) an /anmelden", async () => (await raw(s.port, { method: "POST", path: "/anmelden", headers: form, body: fields })).status],
    ["100.000 leere Felder (300 KB) an /anmelden", async () => (await raw(s.port, { method: "POST", path: "/anmelden", headers: form, body: tiny })).status],
    ["10 MB mit Content-Length", async () => (await raw(s.port, { method: "POST", path: "/anmelden", headers: form, body: big }).catch(() => ({ status: 413 }))).status],
    ["10 MB gestreamt (chunked)", streamed],
  ];

  const base = median(baseline);
  console.log(`\nBasislinie /healthz allein: Median ${base.toFixed(2)} ms, p95 ${p95(baseline).toFixed(2)} ms (${baseline.length} Anfragen)\n`);
  console.log("Anfrage                                      | Status | Antwort Median | /healthz währenddessen Median / max | × Basislinie");
  for (const [label, work] of cases) {
    const answers: number[] = [];
    const probes: number[] = [];
    const statuses = new Set<number>();
    for (let i = 0; i < runs; i++) {
      const r = await withProbes(work);
      answers.push(r.answerMs);
      probes.push(...r.probes);
      statuses.add(r.status);
    }
    const pm = median(probes);
    console.log(
      `${label.padEnd(44)} | ${[...statuses].join(",").padEnd(6)} | ${median(answers).toFixed(1).padStart(11)} ms | ${pm.toFixed(2).padStart(8)} ms / ${Math.max(...probes, 0).toFixed(1)} ms | ${(pm / base).toFixed(2)}`,
    );
  }
} finally {
  await stopServer(s);
}
