// The corpus vocabulary follows writes at once (issue 17, speed): a new word is a typo/compound candidate on the
// next search, not a minute later; and reindexAll splits compounds against the whole corpus, also those indexed
// before their parts appeared anywhere.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";

let t: ReturnType<typeof createTestDb>;
let fts: FtsSearchIndex;
beforeEach(() => {
  t = createTestDb({ seed: false });
  fts = new FtsSearchIndex(getDb);
});
afterEach(() => t.cleanup());

const doc = (slug: string, title: string, body = "") => ({ id: `wissen:${slug}`, typ: "wissen" as const, slug, url: `/wissen/${slug}`, title, body, visibility: "public" as const });
const slugs = async (q: string) => (await fts.search({ q, limit: 10, offset: 0 }, null)).hits.map((h) => h.slug);

describe("vocabulary follows writes", () => {
  it("a word written after the first search is a typo candidate on the next search", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc("a", "Schulanmeldung")]));
    expect(await slugs("Schulanmeldung")).toEqual(["a"]);
    expect(await slugs("Quartiersmanagment")).toEqual([]);
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc("b", "Quartiersmanagement im Stadtteil")]));
    expect(await slugs("Quartiersmanagment")).toEqual(["b"]); // one edit away, found without waiting
    expect(await fts.suggest("Quartiersmanagment", null)).toBe("Quartiersmanagement");
  });
});

describe("decompounding against the whole corpus", () => {
  it("a compound indexed before its parts were known is split by reindexAll", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc("kompositum", "Mietschuldenberatung im Quartier")]));
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc("teile", "Miete", "Schulden und Beratung")]));
    // "Schulden" inside "Mietschuldenberatung": unknown when the compound was written, so only a reindex splits it
    const before = await slugs("Schulden");
    expect(before).toEqual(["teile"]);
    await fts.reindexAll();
    expect((await slugs("Schulden")).sort()).toEqual(["kompositum", "teile"]);
    expect((await slugs("Beratung Miete")).sort()).toEqual(["kompositum", "teile"]);
  });

  it("inside one batch the parts count at once, and exact matches rank before stem-only ones", async () => {
    t.db.transaction((tx) =>
      upsertSearchDocs(tx, [doc("kompositum", "Wohnungsnotfallhilfe in Dortmund"), doc("wohnung", "Wohnung finden"), doc("notfall", "Notfall und Hilfe"), doc("wohnungen", "Wohnungen im Bestand")]),
    );
    // the compound finds its parts ("Notfall und Hilfe"), the document with the word itself first
    expect(await slugs("Notfallhilfe")).toEqual(["kompositum", "notfall"]);
    const w = await slugs("Wohnung");
    expect(w[0]).toBe("wohnung");
    expect(w).toContain("kompositum");
  });
});

describe("documents from before the linguistics migration", () => {
  it("get their stems and compound parts by the backfill at start, without a manual reindex", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc("alt", "Krankenversicherungskarte für Familien"), doc("teil", "Versicherung", "krank, Karte")]));
    // as if written before migration 0011: no lingua, so no compound parts in the index
    t.db.$client.exec("UPDATE search_documents SET lingua = ''");
    expect(await slugs("Versicherung")).toEqual(["teil"]);
    expect(await fts.backfillLingua(1)).toBe(2);
    expect((await slugs("Versicherung")).sort()).toEqual(["alt", "teil"]);
    expect(await fts.backfillLingua()).toBe(0);
  });

  it("after one complete pass the next start scans nothing again (documents without words included)", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc("leer", "–"), doc("teil", "Versicherung")]));
    t.db.$client.exec("UPDATE search_documents SET lingua = '' WHERE slug = 'teil'");
    expect(await fts.backfillLingua()).toBe(1); // "leer" has no words: stays empty, and the pass ends
    t.db.$client.exec("UPDATE search_documents SET lingua = ''");
    expect(await new FtsSearchIndex(getDb).backfillLingua()).toBe(0);
  });
});
