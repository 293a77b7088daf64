// Demo data for a new database outside production: cities, the content corpus, one account per role.
import { resolve } from "node:path";
import type { DB } from "../../db/client";
import { seedCities, seedDemoUsers } from "../../db/seed";

type Step = (db: DB) => Promise<string | void> | string | void;
/**
 * Demo steps after cities and accounts exist, in order: content import, forum threads, projects …
 * Each feature adds one entry here. A step must be idempotent and must not leave half-written data.
 */
export const demoSteps: { name: string; run: Step }[] = [
  {
    // Wissen + Förderung (every registered collection) from CONTENT_DIR or ./content.
    name: "Inhalte importieren",
    run: async (db) => {
      const { importContent, summaryLines } = await import("../../app/services/content/importer.server");
      const report = await importContent(db, { dir: resolve(process.env.CONTENT_DIR ?? "content") });
      if (!report.ok) throw new Error(`Inhalte-Import fehlgeschlagen:\n${report.errors.slice(0, 20).join("\n")}`);
      return summaryLines(report).join("; ");
    },
  },
  {
    // Owners (issue 13): the demo Redaktion account owns every team-owned entry, so a fresh dev installation
    // has a user owner on every entry (reminders, "Meine Prüfungen"). Idempotent: only entries without owner.
    name: "Verantwortliche",
    run: async (db) => {
      const { assignDemoOwner } = await import("../../app/models/review.server");
      return assignDemoOwner(db, "redaktion@demo.staedtenetz.invalid");
    },
  },
  {
    // Forum categories and demo threads (one question in every Clearingstelle state); needs the content for link previews.
    name: "Forum-Beispiele",
    run: async (db) => {
      const { seedForumDemo } = await import("../../app/models/forum-demo.server");
      return seedForumDemo(db);
    },
  },
  {
    // An invented, clearly marked funding call with deadlines 30 and 75 days after seeding (never in content/).
    name: "Beispiel-Fristen",
    run: async (db) => {
      const { seedDemoDeadlines } = await import("./demo-fristen");
      return seedDemoDeadlines(db);
    },
  },
  {
    // Entwicklungsdatenbank: city search documents + demo projects (after the content import, so links resolve).
    name: "Projekte",
    run: async (db) => {
      const { seedDemoProjects } = await import("./demo-projekte");
      return seedDemoProjects(db);
    },
  },
  {
    // Ankommen: example Anlaufstellen (marked "Beispiel") for the guides and the Laufzettel.
    name: "Anlaufstellen",
    run: async (db) => {
      const { seedDemoAnlaufstellen } = await import("./demo-ankommen");
      return seedDemoAnlaufstellen(db);
    },
  },
  {
    // Gesamtzielperspektive: example targets (marked "Beispiel") and two demo projects mapped to one (after "Projekte").
    name: "Ziele",
    run: async (db) => {
      const { seedDemoZiele } = await import("./demo-ziele");
      return seedDemoZiele(db);
    },
  },
  {
    // Partners beyond NRW: one invented partner city in another Land (marked "Demo").
    name: "Partnerstadt außerhalb NRW",
    run: async (db) => {
      const { seedDemoOutsideNrw } = await import("./demo-laender");
      return seedDemoOutsideNrw(db);
    },
  },
  {
    // Attachments made here: a checklist PDF and a CSV of the Abb. 1 figures on two public articles (after the import).
    name: "Beispiel-Dateien",
    run: async (db) => {
      const { seedDemoDateien } = await import("./demo-dateien");
      return seedDemoDateien(db);
    },
  },
];

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
