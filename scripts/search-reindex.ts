// Rebuilds the search index of the configured engine from search_documents: FTS5 by default, Meilisearch when
// MEILI_HOST (and MEILI_KEY) are set. Prints progress; exit 0 only on success.
import { openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";
import { createSearchIndex } from "../app/services/search/index.server";
import { cli, die, progress } from "./lib/cli";

cli(
  `Baut den Suchindex aus der Tabelle search_documents neu auf (FTS5; mit MEILI_HOST/MEILI_KEY: Meilisearch).

Aufruf: npm run search:reindex
Umgebungsvariablen: DATABASE_URL (file:./data/app.db), MEILI_HOST, MEILI_KEY`,
  {},
);

let opened;
try {
  opened = openDatabase(process.env.DATABASE_URL);
  runMigrations(opened.db);
} catch (e) {
  die(`Datenbank: ${(e as Error).message}`, 1);
}
setDb(opened.db);
const engine = createSearchIndex();
console.log(`Suchmaschine: ${engine.name === "fts5" ? "FTS5 (eingebettet)" : `Meilisearch (${process.env.MEILI_HOST})`}`);
const started = Date.now();
let bar: ReturnType<typeof progress> | null = null;
try {
  const { documents } = await engine.reindexAll((done, total) => {
    bar ??= progress("Dokumente indexiert", total, 5000);
    bar.tick(done);
  });
  console.log(`Fertig: ${documents} Dokumente in ${((Date.now() - started) / 1000).toFixed(1)} s neu indexiert.`);
  opened.db.$client.close();
  process.exit(0);
} catch (e) {
  die(`Neuaufbau fehlgeschlagen: ${(e as Error).message}`, 1);
}
