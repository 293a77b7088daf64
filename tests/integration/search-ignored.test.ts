// Words that find nothing are named, not silently dropped: "xyzzy Krankenversicherung" answers with the
// Krankenversicherung hits and says that "xyzzy" was ignored (FTS5 computes it; the Meilisearch mapping below).
// "Krankenversichrung" is offered as "Krankenversicherung" in the user's capitalisation.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { meiliIgnored } from "~/services/search/meili.server";
import { getDb } from "~/services/db.server";

const guest = null;
let t: ReturnType<typeof createTestDb>;
let fts: FtsSearchIndex;
beforeEach(() => {
  t = createTestDb({ seed: false });
  fts = new FtsSearchIndex(getDb);
  t.db.transaction((tx) =>
    upsertSearchDocs(tx, [
      { id: "wissen:kv", typ: "wissen", slug: "kv", url: "/wissen/kv", title: "Krankenversicherung für EU-Bürger", visibility: "public", body: "Wer zahlt die Beiträge?" },
      { id: "wissen:schule", typ: "wissen", slug: "schule", url: "/wissen/schule", title: "Schulpflicht", visibility: "public", body: "Anmeldung in der Schule" },
      { id: "wissen:geheim", typ: "wissen", slug: "geheim", url: "/wissen/geheim", title: "Internes Papier", visibility: "members", body: "Plugh Vermerk" },
    ]),
  );
});
afterEach(() => t.cleanup());

const q = (s: string) => ({ q: s, limit: 10, offset: 0 });

describe("FTS5: ignored words", () => {
  it("names the word that found nothing and answers for the rest", async () => {
    const r = await fts.search(q("xyzzy Krankenversicherung"), guest);
    expect(r.hits.map((h) => h.slug)).toEqual(["kv"]);
    expect(r.ignored).toEqual(["xyzzy"]);
    expect(r.relaxed).toBe(false);
  });

  it("all words found together: nothing ignored", async () => {
    const r = await fts.search(q("Krankenversicherung Beiträge"), guest);
    expect(r.hits.map((h) => h.slug)).toEqual(["kv"]);
    expect(r.ignored).toBeUndefined();
  });

  it("every word found, but never together: relaxed, nothing ignored", async () => {
    const r = await fts.search(q("Krankenversicherung Schulpflicht"), guest);
    expect(r.hits.map((h) => h.slug).sort()).toEqual(["kv", "schule"]);
    expect(r.ignored).toEqual([]);
    expect(r.relaxed).toBe(true);
  });

  it("a word only in a members' document counts as ignored for guests (nothing leaks)", async () => {
    const r = await fts.search(q("Plugh Krankenversicherung"), guest);
    expect(r.ignored).toEqual(["plugh"]);
    expect(r.hits.map((h) => h.slug)).toEqual(["kv"]);
  });
});

describe("suggest", () => {
  it("offers the corrected spelling, capitalised like the typed word", async () => {
    expect(await fts.suggest("Krankenversichrung", guest)).toBe("Krankenversicherung");
    expect(await fts.suggest("Krankenversicherung", guest)).toBeNull();
  });
});

describe("Meilisearch mapping of ignored words", () => {
  const doc = (title: string, body = "") => ({ title, summary: "", headings: "", kurz: "", body });
  it("a word in no returned hit is ignored", () => {
    expect(meiliIgnored(["xyzzy", "krankenversicherung"], [doc("Krankenversicherung für EU-Bürger")])).toEqual({ ignored: ["xyzzy"], relaxed: false });
  });
  it("prefix and one-typo matches count as found; words spread over hits are relaxed", () => {
    expect(meiliIgnored(["kranken", "schulpflicht"], [doc("Krankenversicherung"), doc("Schulpflicht")])).toEqual({ ignored: [], relaxed: true });
    expect(meiliIgnored(["krankenversichrung", "beitraege"], [doc("Krankenversicherung", "Beiträge")])).toEqual({ ignored: [], relaxed: false });
  });
  it("one word or no hits: nothing to say", () => {
    expect(meiliIgnored(["xyzzy"], [doc("a")])).toEqual({ ignored: [], relaxed: false });
    expect(meiliIgnored(["a", "b"], [])).toEqual({ ignored: [], relaxed: false });
  });
});
