// A guest never gets a members-only document back – not in hits, snippets, totals or facet counts – and a write
// is findable (or gone) at once. Engine paths: FTS5 (the real engine on a real database) and the Meilisearch
// request builder (the filter every one of its queries carries).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { removeSearchDocs, upsertSearchDocs, type SearchDoc } from "~/services/search/documents.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { buildMeiliRequests, meiliFilter } from "~/services/search/meili.server";
import { getDb } from "~/services/db.server";
import type { Viewer } from "~/services/permissions";

const guest: Viewer = null;
const member: Viewer = { id: "u1", role: "mitglied", cityId: 1 };

const doc = (over: Partial<SearchDoc> & { id: string }): SearchDoc => ({
  typ: "forum", slug: over.id.split(":").pop()!, url: `/forum/x/${over.id}`, title: "Titel", visibility: "public", ...over,
});

let t: ReturnType<typeof createTestDb>;
let fts: FtsSearchIndex;
beforeEach(() => {
  t = createTestDb({ seed: false });
  fts = new FtsSearchIndex(getDb);
  t.db.transaction((tx) =>
    upsertSearchDocs(tx, [
      doc({ id: "forum:post:1", title: "Öffentliche Frage zur Wohnungsaufsicht", body: "Wohnungsaufsicht in Duisburg", handlungsfelder: ["wohnen"] }),
      doc({ id: "forum:post:2", title: "Interne Geheimabsprache Wohnungsaufsicht", body: "Streng vertraulich: Geheimabsprache der Wohnungsaufsicht mit dem Vermieter", visibility: "members", handlungsfelder: ["wohnen", "gesundheit"] }),
      doc({ id: "projekt:intern", typ: "projekt", slug: "intern", title: "Internes Projekt Geheimabsprache", summary: "Nur für Mitglieder", visibility: "members", handlungsfelder: ["zusammenarbeit"] }),
    ]),
  );
});
afterEach(() => t.cleanup());

describe("FTS5 engine: viewer filtering inside the query", () => {
  it("a guest sees only public documents – hits, snippets, totals and facets", async () => {
    const r = await fts.search({ q: "Wohnungsaufsicht", limit: 10, offset: 0 }, guest);
    expect(r.hits.map((h) => h.slug)).toEqual(["1"]);
    expect(r.total).toBe(1);
    expect(r.facets).toEqual({ typ: { forum: 1 }, feld: { wohnen: 1 } });
    expect(JSON.stringify(r)).not.toMatch(/Geheimabsprache|vertraulich|gesundheit|projekt/);
  });

  it("a query that only members-only documents match gives a guest nothing at all", async () => {
    const r = await fts.search({ q: "Geheimabsprache", limit: 10, offset: 0 }, guest);
    expect(r).toEqual({ total: 0, hits: [], facets: { typ: {}, feld: {} } });
    for (const q of ["Geheim", "Geheimabsprach", "vertraulich", "Mitglieder"]) {
      expect((await fts.search({ q, limit: 10, offset: 0 }, guest)).total, q).toBe(0);
    }
    expect(await fts.suggest("Geheimabsprahce", guest)).toBeNull();
  });

  it("a filter cannot widen what a guest sees", async () => {
    for (const typ of ["forum", "projekt"] as const)
      expect((await fts.search({ q: "Geheimabsprache", typ, limit: 10, offset: 0 }, guest)).total).toBe(0);
    expect((await fts.search({ q: "Geheimabsprache", feld: "zusammenarbeit", limit: 10, offset: 0 }, guest)).total).toBe(0);
  });

  it("a signed-in member sees members-only documents with counts", async () => {
    const r = await fts.search({ q: "Geheimabsprache", limit: 10, offset: 0 }, member);
    expect(r.total).toBe(2);
    expect(r.facets.typ).toEqual({ forum: 1, projekt: 1 });
    expect(r.hits.map((h) => h.snippet).join(" ")).toContain("<mark>Geheimabsprache</mark>");
  });

  it("turning a public document members-only hides it from guests at once", async () => {
    t.db.transaction((tx) => upsertSearchDocs(tx, [doc({ id: "forum:post:1", title: "Öffentliche Frage zur Wohnungsaufsicht", visibility: "members" })]));
    expect((await fts.search({ q: "Wohnungsaufsicht", limit: 10, offset: 0 }, guest)).total).toBe(0);
  });

  it("an edit is findable at once, the old text is gone; a removed document is unfindable at once", async () => {
    t.db.transaction((tx) =>
      upsertSearchDocs(tx, [doc({ id: "forum:post:1", title: "Neue Überschrift Quartiersmanagement", body: "Ganz neuer Text" })]),
    );
    expect((await fts.search({ q: "Quartiersmanagement", limit: 10, offset: 0 }, guest)).hits.map((h) => h.slug)).toEqual(["1"]);
    expect((await fts.search({ q: "Öffentliche Frage", limit: 10, offset: 0 }, guest)).total).toBe(0);
    t.db.transaction((tx) => removeSearchDocs(tx, ["forum:post:1"]));
    expect((await fts.search({ q: "Quartiersmanagement", limit: 10, offset: 0 }, guest)).total).toBe(0);
  });

  it("a rolled-back write leaves the index unchanged", async () => {
    expect(() =>
      t.db.transaction((tx) => {
        upsertSearchDocs(tx, [doc({ id: "forum:post:9", title: "Zurückgerollt Sondertext" })]);
        throw new Error("abort");
      }),
    ).toThrow("abort");
    expect((await fts.search({ q: "Sondertext", limit: 10, offset: 0 }, member)).total).toBe(0);
  });

  it("reindexAll rebuilds the same results", async () => {
    const before = await fts.search({ q: "Wohnungsaufsicht", limit: 10, offset: 0 }, member);
    const progress: number[] = [];
    const r = await fts.reindexAll((done) => progress.push(done));
    expect(r.documents).toBe(3);
    expect(progress.at(-1)).toBe(3);
    expect(await fts.search({ q: "Wohnungsaufsicht", limit: 10, offset: 0 }, member)).toEqual(before);
    expect((await fts.search({ q: "Geheimabsprache", limit: 10, offset: 0 }, guest)).total).toBe(0);
  });
});

describe("Meilisearch request builder: every query carries the viewer filter", () => {
  it("guest filter allows only public; member filter public and members", () => {
    expect(meiliFilter(guest)).toBe('visibility IN ["public"]');
    expect(meiliFilter(member)).toBe('visibility IN ["public", "members"]');
  });
  it("hits, typ facets and feld facets queries are all filtered for a guest", () => {
    const { queries } = buildMeiliRequests({ q: "Geheimabsprache", typ: "projekt", feld: "wohnen", limit: 10, offset: 0 }, guest);
    expect(queries).toHaveLength(3);
    for (const q of queries) expect(q.filter.startsWith('visibility IN ["public"]')).toBe(true);
    expect(queries[0].filter).toBe('visibility IN ["public"] AND typ = "projekt" AND handlungsfelder = "wohnen"');
    expect(queries[1].filter).toBe('visibility IN ["public"] AND handlungsfelder = "wohnen"');
    expect(queries[2].filter).toBe('visibility IN ["public"] AND typ = "projekt"');
  });
});
