import { cli, die } from "./lib/cli";
import { DatabaseConfigError, databasePath, openDatabase, runMigrations } from "../db/client";

cli(
  `
Wendet alle Datenbank-Migrationen an (legt die Datenbank bei Bedarf an).

Aufruf: npm run db:migrate
Umgebung: DATABASE_URL (Standard file:./data/app.db)
`,
  {},
);

try {
  const { db } = openDatabase();
  runMigrations(db);
  db.$client.close();
  console.log(`Migrationen angewendet: ${databasePath()}`);
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Migration fehlgeschlagen: ${(e as Error).message}`, 1);
}
