import { cli, die } from "./lib/cli";
import { DatabaseConfigError, openDatabase, runMigrations } from "../db/client";
import { seedCities } from "../db/seed";
import { setDb } from "../app/services/db.server";

const { values } = cli(
  `
Legt die Städte des Städtenetzes mit den Kennzahlen aus dem Handlungsrahmen an (idempotent).
Mit --demo zusätzlich Demo-Inhalte und je ein Demo-Konto pro Rolle (Passwörter werden ausgegeben).

Aufruf: npm run db:seed [-- --demo]
Umgebung: DATABASE_URL (Standard file:./data/app.db)
`,
  { demo: { type: "boolean" } },
);

try {
  const { db } = openDatabase();
  runMigrations(db);
  setDb(db);
  if (values.demo) {
    if (process.env.NODE_ENV === "production") die("Demo-Daten werden in NODE_ENV=production nicht angelegt.", 1);
    const { seedDemo } = await import("./lib/demo");
    await seedDemo(db, { print: true });
  } else {
    const r = seedCities(db);
    console.log(`Städte: ${r.total} (neu: ${r.created})`);
  }
  db.$client.close();
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Seed fehlgeschlagen: ${(e as Error).message}`, 1);
}
