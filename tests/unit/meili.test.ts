// Meilisearch engine: pure request building and result mapping, plus the outbox behaviour while Meilisearch is
// unreachable. Contract tests against a real server run only when MEILI_CONTRACT_HOST (or MEILI_HOST, which
// tests/setup/env.ts clears for the other tests) points at one; otherwise they are skipped with a message.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  MEILI_INDEX,
  MEILI_SETTINGS,
  meiliSettings,
  meiliSynonyms,
  MeiliSearchIndex,
  buildMeiliRequests,
  drainOutbox,
  mapMeiliResults,
  meiliKey,
  outboxBackoffMs,
  toMeiliDocument,
} from "~/services/search/meili.server";
import { createTestDb } from "../setup/db";
import { upsertSearchDocs, removeSearchDocs } from "~/services/search/documents.server";
import { getDb } from "~/services/db.server";

describe("Meilisearch request building", () => {
  it("folds the query like the index (umlauts, case, stop words) and pages", () => {
    const { q, queries } = buildMeiliRequests({ q: "Wie bekommen Schüler eine Straße?", limit: 7, offset: 14 }, null);
    expect(q).toBe("bekommen schueler strasse");
    expect(queries[0]).toMatchObject({ indexUid: MEILI_INDEX, q, limit: 7, offset: 14, sort: ["docId:asc"], attributesToRetrieve: ["docId"] });
    expect(queries[1]).toMatchObject({ limit: 0, facets: ["typ"] });
    expect(queries[2]).toMatchObject({ limit: 0, facets: ["handlungsfelder"] });
  });
  it("quotes filter values safely", () => {
    const { queries } = buildMeiliRequests({ q: "x", typ: "wissen", feld: "kinder-bildung", limit: 10, offset: 0 }, null);
    expect(queries[0].filter).toBe('visibility IN ["public"] AND typ = "wissen" AND handlungsfelder = "kinder-bildung"');
  });
  it("settings: folded searchable fields by weight, filterable/sortable attributes, typo tolerance from 5 letters", () => {
    expect(MEILI_SETTINGS.searchableAttributes[0]).toBe("title_f");
    expect(MEILI_SETTINGS.filterableAttributes).toEqual(expect.arrayContaining(["typ", "handlungsfelder", "visibility"]));
    expect(MEILI_SETTINGS.sortableAttributes).toContain("docId");
    expect(MEILI_SETTINGS.typoTolerance.minWordSizeForTypos.oneTypo).toBe(5);
    expect(MEILI_SETTINGS.rankingRules.at(-1)).toBe("sort");
  });
});

describe("Meilisearch result mapping", () => {
  it("keeps rank order, drops duplicates and zero counts", () => {
    const m = mapMeiliResults([
      { hits: [{ docId: "wissen:b" }, { docId: "wissen:a" }, { docId: "wissen:b" }], estimatedTotalHits: 3 },
      { hits: [], facetDistribution: { typ: { wissen: 3, forum: 0 } } },
      { hits: [], facetDistribution: { handlungsfelder: { wohnen: 2 } } },
    ]);
    expect(m).toEqual({ ids: ["wissen:b", "wissen:a"], total: 3, facets: { typ: { wissen: 3 }, feld: { wohnen: 2 } } });
  });
  it("documents: Meili-safe keys, folded text fields, filter attributes", () => {
    expect(meiliKey("forum:post:12")).toBe("forum__post__12");
    expect(meiliKey("a_b:c")).not.toBe(meiliKey("a:b_c"));
    const d = toMeiliDocument({ id: "wissen:x", typ: "wissen", slug: "x", url: "/wissen/x", title: "Größe der Straße", visibility: "members", handlungsfelder: ["wohnen"] });
    expect(d).toMatchObject({ key: "wissen__x", docId: "wissen:x", title_f: "groesse der strasse", visibility: "members", handlungsfelder: ["wohnen"] });
  });
  it("backoff doubles and is capped", () => {
    expect([0, 1, 2, 3].map(outboxBackoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(outboxBackoffMs(30)).toBe(300_000);
  });
});

describe("outbox while Meilisearch is unreachable", () => {
  let t: ReturnType<typeof createTestDb>;
  beforeEach(() => {
    process.env.MEILI_HOST = "http://127.0.0.1:9"; // discard port: connection refused
    t = createTestDb({ seed: false });
  });
  afterEach(() => {
    delete process.env.MEILI_HOST;
    t.cleanup();
  });
  it("keeps every change pending, counts attempts and records the error", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [{ id: "wissen:a", typ: "wissen", slug: "a", url: "/wissen/a", title: "A", visibility: "public" }]));
    t.db.transaction((tx) => removeSearchDocs(tx, ["wissen:zzz"]));
    const engine = new MeiliSearchIndex(getDb, "http://127.0.0.1:9");
    await expect(drainOutbox(engine)).rejects.toThrow();
    const rows = t.db.$client.prepare("SELECT doc_id, op, attempts, last_error, done_at FROM search_outbox ORDER BY id").all() as {
      doc_id: string; op: string; attempts: number; last_error: string | null; done_at: number | null;
    }[];
    expect(rows.map((r) => [r.doc_id, r.op, r.attempts, r.done_at])).toEqual([["wissen:a", "upsert", 1, null], ["wissen:zzz", "delete", 1, null]]);
    expect(rows[0].last_error).toBeTruthy();
    expect(await engine.ready()).toBe(false);
  });
});

const contractHost = process.env.MEILI_CONTRACT_HOST || process.env.MEILI_HOST;
if (!contractHost) console.warn("Meilisearch-Vertragstests übersprungen: kein Server (MEILI_CONTRACT_HOST nicht gesetzt).");
(contractHost ? describe : describe.skip)("Meilisearch contract (real server)", () => {
  let t: ReturnType<typeof createTestDb>;
  beforeEach(() => {
    process.env.MEILI_HOST = contractHost;
    t = createTestDb({ seed: false });
  });
  afterEach(() => {
    delete process.env.MEILI_HOST;
    t.cleanup();
  });
  it("indexes through the outbox, filters for the viewer, folds umlauts", async () => {
    const engine = new MeiliSearchIndex(getDb, contractHost!, process.env.MEILI_CONTRACT_KEY || process.env.MEILI_KEY);
    await engine.reindexAll();
    t.db.transaction((tx) =>
      upsertSearchDocs(tx, [
        { id: "wissen:s", typ: "wissen", slug: "s", url: "/wissen/s", title: "Schüler in Vorbereitungsklassen", visibility: "public" },
        { id: "forum:post:1", typ: "forum", slug: "1", url: "/forum/x/1", title: "Schüler intern", visibility: "members" },
      ]),
    );
    await drainOutbox(engine);
    const guest = await engine.search({ q: "Schueler", limit: 10, offset: 0 }, null);
    expect(guest.hits.map((h) => h.slug)).toEqual(["s"]);
    expect(guest.total).toBe(1);
    const member = await engine.search({ q: "Schueler", limit: 10, offset: 0 }, { id: "u", role: "mitglied", cityId: null });
    expect(member.total).toBe(2);
  });
});

describe("Meilisearch synonyms and stop words (parity with FTS5)", () => {
  it("every term maps to the others of its groups, folded and without stop words, groups sharing a term merged", () => {
    const syn = meiliSynonyms([
      ["KV", "Krankenversicherung"],
      ["BuT", "Bildung und Teilhabe"],
      ["ESF", "Europäischer Sozialfonds"],
      ["ESF+", "ESF Plus"],
    ]);
    expect(syn.kv).toEqual(["krankenversicherung"]);
    expect(syn.krankenversicherung).toEqual(["kv"]);
    expect(syn.but).toEqual(["bildung teilhabe"]);
    expect(syn["bildung teilhabe"]).toEqual(["but"]);
    expect(syn.esf).toEqual(["esf plus", "europaeischer sozialfonds"]);
    expect(syn["europaeischer sozialfonds"]).toEqual(["esf"]);
  });
  it("the settings carry synonyms, the FTS5 stop words and the fixed part", () => {
    const s = meiliSettings([["SGB II", "Bürgergeld", "Grundsicherung"]]);
    expect(s.synonyms["sgb ii"]).toEqual(["buergergeld", "grundsicherung"]);
    expect(s.synonyms.buergergeld).toEqual(["grundsicherung", "sgb ii"]);
    expect(s.stopWords).toEqual(expect.arrayContaining(["wer", "wie", "was", "fuer", "bei", "und"]));
    expect(s.typoTolerance).toEqual(MEILI_SETTINGS.typoTolerance);
    expect(s.searchableAttributes).toEqual(MEILI_SETTINGS.searchableAttributes);
  });
});
