// Does "/passwort-vergessen" answer in the same time for known and unknown addresses? Measures the request path
// (the route action: form parsing, rate limit, recording the request) alternately for a known and an unknown
// address, and – as the baseline in the same run – the previous implementation, which looked the account up and
// wrote token and mail on the request path only for known addresses.
// Aufruf: npx tsx scripts/bench-password-reset.ts [--runs 2000] [--users 2000]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, progress } from "./lib/cli";

const { values } = cli(
  `
Misst, ob „Passwort vergessen“ für bekannte und unbekannte Adressen gleich lange braucht (Anfragepfad),
und vergleicht mit der früheren Umsetzung (Baseline im selben Lauf). Ausgabe: Median, p90 und Verhältnis.
Aufruf: npx tsx scripts/bench-password-reset.ts [--runs 2000] [--users 2000]
`,
  { runs: { type: "string" }, users: { type: "string" } },
);
const RUNS = Number(values.runs ?? 2000);
const USERS = Number(values.users ?? 2000);

const dir = mkdtempSync(join(tmpdir(), "sn-bench-reset-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.MAIL_DIR = join(dir, "mail");
process.env.NODE_ENV = "test";
process.env.PUBLIC_URL ??= "http://localhost:3000";

const { openDatabase, runMigrations } = await import("../db/client");
const { setDb } = await import("../app/services/db.server");
const { seedCities } = await import("../db/seed");
const { users, userTokens, mailOutbox } = await import("../db/schema/index");
const { eq } = await import("drizzle-orm");
const { generateToken, hashToken } = await import("../app/services/tokens.server");
const { enqueueMail, publicLink } = await import("../app/services/mail.server");
const { action } = await import("../app/routes/passwort-vergessen._index");

const { db } = openDatabase();
runMigrations(db);
setDb(db);
seedCities(db);
// Accounts to look up among (the hash is irrelevant here: nobody signs in).
const insert = db.$client.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, 'x')");
db.$client.transaction(() => {
  for (let i = 0; i < USERS; i++) insert.run(`u${i}`, `person${i}@bench.invalid`, `Person ${i}`);
})();

/** The previous request path (before this change), kept here only as the baseline. */
function previousRequestPath(email: string) {
  const user = db.select({ id: users.id, disabledAt: users.disabledAt, deletedAt: users.deletedAt }).from(users).where(eq(users.email, email)).get();
  if (!user || user.disabledAt || user.deletedAt) return;
  const token = generateToken();
  db.transaction((tx) => {
    tx.insert(userTokens).values({ tokenHash: hashToken(token), purpose: "passwort-reset", userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) }).run();
    enqueueMail(tx, { to: email, subject: "Passwort zurücksetzen", text: `Link: ${publicLink(`/passwort-vergessen/${token}`)}` });
  });
}

let ip = 0;
async function current(email: string) {
  const request = new Request("http://localhost:3000/passwort-vergessen", {
    method: "POST",
    body: new URLSearchParams({ email }),
    headers: { "x-sn-client-ip": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}` }, // a fresh address: no rate limit
  });
  await action({ request, params: {}, context: {} });
}
async function previous(email: string) {
  // The same form parsing as the route, then the old body.
  const form = await new Request("http://localhost:3000/passwort-vergessen", { method: "POST", body: new URLSearchParams({ email }) }).formData();
  previousRequestPath(String(form.get("email")).trim().toLowerCase());
}

const tick = () => new Promise((r) => setImmediate(r));
async function measure(label: string, fn: (email: string) => Promise<void>) {
  const known: number[] = [];
  const unknown: number[] = [];
  const p = progress(label, RUNS, 500);
  for (let i = 0; i < RUNS; i++) {
    const isKnown = Math.random() < 0.5; // random order: no periodic effect lines up with one kind
    const email = isKnown ? `person${i % USERS}@bench.invalid` : `niemand${i}@bench.invalid`;
    const t0 = process.hrtime.bigint();
    await fn(email);
    (isKnown ? known : unknown).push(Number(process.hrtime.bigint() - t0) / 1e6);
    await tick(); // background batches (mail building) run when their timer fires, for both kinds alike
    if (i % 200 === 0) db.delete(mailOutbox).run();
    p.tick(i + 1);
  }
  return { known: stats(known), unknown: stats(unknown) };
}
function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)] };
}

await measure("Aufwärmen", current);
const before = await measure("frühere Umsetzung", previous);
const after = await measure("jetzige Umsetzung", current);
const fmt = (x: number) => `${x.toFixed(3)} ms`;
for (const [label, r] of [["frühere Umsetzung (Baseline)", before], ["jetzige Umsetzung", after]] as const) {
  console.log(
    `${label}: bekannt Median ${fmt(r.known.median)} (p90 ${fmt(r.known.p90)}), unbekannt Median ${fmt(r.unknown.median)} (p90 ${fmt(r.unknown.p90)}), ` +
      `Verhältnis bekannt/unbekannt ${(r.known.median / r.unknown.median).toFixed(2)}`,
  );
}
console.log(`Zusammenfassung: ${RUNS} Anfragen je Umsetzung; Verhältnis bekannt/unbekannt vorher ${(before.known.median / before.unknown.median).toFixed(2)}, jetzt ${(after.known.median / after.unknown.median).toFixed(2)} (1.00 = kein Unterschied).`);
await new Promise((r) => setTimeout(r, 1000)); // the last background batch and mail delivery
db.$client.close();
rmSync(dir, { recursive: true, force: true });
