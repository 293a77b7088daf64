// A project's search text carries only what its authors wrote: no grid headings, no empty sections. Otherwise
// "gescheitert" matched every project (heading "Was gescheitert ist") and snippets showed "## Was funktioniert hat".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { projectSearchText } from "~/models/project.server";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";

const empty = { problem: "", approach: "", worked: "", failed: "", failureReasons: "", nextSteps: "", responsibilities: [] };

describe("projectSearchText", () => {
  it("leaves out headings and empty fields", () => {
    const t = projectSearchText({ ...empty, problem: "Familien ohne Krankenversicherung", worked: "Sprechstunde im Quartier" });
    expect(t).toBe("Familien ohne Krankenversicherung\n\nSprechstunde im Quartier");
    expect(t).not.toMatch(/##|gescheitert|funktioniert|Zuständigkeiten/);
    expect(projectSearchText(empty)).toBe("");
  });
});

let t: ReturnType<typeof createTestDb>;
let fts: FtsSearchIndex;
beforeEach(() => {
  t = createTestDb({ seed: false });
  fts = new FtsSearchIndex(getDb);
  t.db.transaction((tx) =>
    upsertSearchDocs(tx, [
      { id: "projekt:a", typ: "projekt", slug: "a", url: "/projekte/a", title: "Quartiersbüro", visibility: "public",
        body: projectSearchText({ ...empty, problem: "Beratung im Quartier", worked: "Offene Sprechstunde" }) },
      { id: "projekt:b", typ: "projekt", slug: "b", url: "/projekte/b", title: "Schulmediation", visibility: "public",
        body: projectSearchText({ ...empty, problem: "Schulanmeldung", failed: "Die Förderung ist gescheitert" }) },
    ]),
  );
});
afterEach(() => t.cleanup());

describe("FTS5 over project search text", () => {
  it("'gescheitert' finds only the project whose text says so, and snippets show no headings", async () => {
    const r = await fts.search({ q: "gescheitert", limit: 10, offset: 0 }, null);
    expect(r.hits.map((h) => h.slug)).toEqual(["b"]);
    const all = await fts.search({ q: "Sprechstunde", limit: 10, offset: 0 }, null);
    expect(all.hits.map((h) => h.slug)).toEqual(["a"]);
    expect(JSON.stringify(all)).not.toMatch(/##|Was funktioniert hat/);
  });
});

describe("FTS5: at most two hits of one forum topic in the top ten", () => {
  it("a topic with many matching posts leaves room for other results", async () => {
    t.db.transaction((tx) =>
      upsertSearchDocs(tx, [
        ...Array.from({ length: 8 }, (_, i) => ({ id: `forum:post:${i + 1}`, typ: "forum" as const, slug: `p${i + 1}`,
          url: `/forum/gesundheit/7#beitrag-${i + 1}`, title: "Krankenversicherung Krankenversicherung", body: "Krankenversicherung", visibility: "public" as const })),
        ...Array.from({ length: 12 }, (_, i) => ({ id: `wissen:k${i}`, typ: "wissen" as const, slug: `k${i}`,
          url: `/wissen/k${i}`, title: `Artikel ${i}`, body: `Hinweise zur Krankenversicherung und anderem Text ${i}`, visibility: "public" as const })),
      ]),
    );
    const r = await fts.search({ q: "Krankenversicherung", limit: 10, offset: 0 }, null);
    expect(r.hits).toHaveLength(10);
    expect(r.hits.filter((h) => h.url.startsWith("/forum/gesundheit/7")).length).toBeLessThanOrEqual(2);
    expect(r.hits.filter((h) => h.url.startsWith("/wissen/")).length).toBe(8);
  });
});
