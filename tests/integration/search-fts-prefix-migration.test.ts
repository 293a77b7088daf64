// Migration 0013 (FTS5 prefix indexes 2–6) on a database that already has search documents: it rebuilds the
// contentless search_fts from search_documents, so everything indexed before is still found – by word, by prefix, by
// stem – and later writes keep the index current (the triggers are recreated).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, runMigrations, type DB } from "../../db/client";
import { setDb } from "~/services/db.server";
import { upsertSearchDocs, type SearchDoc } from "~/services/search/documents.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";

const dir = mkdtempSync(join(tmpdir(), "sn-mig-"));
let db: DB;
const fts = new FtsSearchIndex(getDb);
const doc = (slug: string, title: string, body: string): SearchDoc => ({ id: `wissen:${slug}`, typ: "wissen", slug, url: `/wissen/${slug}`, title, body, visibility: "public" });

beforeAll(() => {
  // The migrations up to 0012 (a copy of the folder with a shortened journal), then data, then all migrations.
  const all = resolve("db/migrations");
  const upTo12 = join(dir, "migrations");
  cpSync(all, upTo12, { recursive: true });
  const journal = JSON.parse(readFileSync(join(all, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < "0013");
  writeFileSync(join(upTo12, "meta/_journal.json"), JSON.stringify(journal));
  ({ db } = openDatabase(`file:${join(dir, "test.db")}`));
  runMigrations(db, upTo12);
  setDb(db);
  const before = db.$client.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").pluck().get() as string;
  expect(before).toContain("prefix='2 3'");
  db.transaction((tx) =>
    upsertSearchDocs(tx, [
      doc("kommunal", "Kommunale Wohnungsnotfallhilfe", "Die Gemeinde hilft bei drohendem Wohnungsverlust."),
      doc("schwanger", "Schwangerschaftsberatung", "Beratung für Schwangere in der Muttersprache."),
    ]),
  );
  runMigrations(db);
});
afterAll(() => {
  db.$client.close();
  setDb(undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe("migration 0013 on a database with data", () => {
  it("has the new prefix indexes and still finds the documents indexed before it", async () => {
    const sql = db.$client.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").pluck().get() as string;
    expect(sql).toContain("prefix='2 3 4 5 6'");
    expect((await fts.search({ q: "Kommunale", limit: 10, offset: 0 }, null)).hits.map((h) => h.slug)).toEqual(["kommunal"]);
    expect((await fts.search({ q: "komm", limit: 10, offset: 0 }, null)).hits.map((h) => h.slug)).toEqual(["kommunal"]);
    expect((await fts.search({ q: "Notfallhilfe", limit: 10, offset: 0 }, null)).hits.map((h) => h.slug)).toEqual(["kommunal"]);
    expect((await fts.search({ q: "Schwangerschaft", limit: 10, offset: 0 }, null)).hits.map((h) => h.slug)).toEqual(["schwanger"]);
  });

  it("keeps following writes after it: an update is found by its new words, not its old ones", async () => {
    db.transaction((tx) => upsertSearchDocs(tx, [doc("kommunal", "Kommunale Schuldnerberatung", "Hilfe bei Schulden.")]));
    expect((await fts.search({ q: "Schuldnerberatung", limit: 10, offset: 0 }, null)).hits.map((h) => h.slug)).toEqual(["kommunal"]);
    expect((await fts.search({ q: "Wohnungsverlust", limit: 10, offset: 0 }, null)).total).toBe(0);
  });
});
