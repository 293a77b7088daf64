// Demo data for a new database outside production: cities, the content corpus, one account per role.
import type { DB } from "../../db/client";
import { seedCities, seedDemoUsers } from "../../db/seed";

type Step = (db: DB) => Promise<string | void> | string | void;
/**
 * Demo steps after cities and accounts exist, in order: content import, forum threads, projects …
 * Each feature adds one entry here. A step must be idempotent and must not leave half-written data.
 */
export const demoSteps: { name: string; run: Step }[] = [];

export async function seedDemo(db: DB, opts: { print?: boolean; password?: (email: string) => string } = {}) {
  const log = (s: string) => opts.print && console.log(s);
  log("Neue Datenbank: Demo-Daten werden angelegt …");
  const c = seedCities(db);
  log(`  Städte: ${c.total}`);
  const accounts = await seedDemoUsers(db, opts.password);
  for (const step of demoSteps) {
    const r = await step.run(db);
    log(`  ${step.name}${r ? `: ${r}` : ""}`);
  }
  if (opts.print && accounts.length) {
    console.log("\nDemo-Konten (nur in dieser Ausgabe sichtbar – bitte notieren):");
    for (const a of accounts) console.log(`  ${a.role.padEnd(13)} ${a.email.padEnd(50)} Passwort: ${a.password}${a.city ? `  (${a.city})` : ""}`);
    console.log("");
  }
  return accounts;
}
