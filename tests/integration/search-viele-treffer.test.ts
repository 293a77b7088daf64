// A common word at scale (issue 17, speed): with thousands of matches the engine picks its candidates from the
// matches with the word in their short fields, but the contract stays the same – the total counts every match, every
// match can be reached by paging (none twice, none left out: also the ones with the word only deep in the body), and
// the facets count what the viewer may read. A prefix of up to six letters has a prefix index (migration 0013) and
// finds every word it starts; a longer prefix that starts hundreds of words is narrowed to its most frequent words
// (each MATCH would merge all their doclists).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { upsertSearchDocs, type SearchDoc } from "~/services/search/documents.server";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";

let t: ReturnType<typeof createTestDb>;
let fts: FtsSearchIndex;
const IN_TITLE = 2300;
const IN_BODY = 40;
const doc = (i: number, over: Partial<SearchDoc>): SearchDoc => ({
  id: `forum:post:${i}`, typ: "forum", slug: `p${i}`, url: `/forum/t${i}#post-${i}`, title: `Beitrag ${i}`, visibility: "public", ...over,
});

beforeAll(() => {
  t = createTestDb({ seed: false });
  fts = new FtsSearchIndex(getDb);
  const docs: SearchDoc[] = [];
  for (let i = 0; i < IN_TITLE; i++) docs.push(doc(i, { title: `Beratung im Quartier ${i}`, body: "Termine und Sprechzeiten" }));
  for (let i = IN_TITLE; i < IN_TITLE + IN_BODY; i++)
    docs.push(doc(i, { title: `Bericht ${i}`, body: `${"Ein langer Text über den Stadtteil. ".repeat(30)} Am Ende: Beratung.` }));
  docs.push(doc(99_999, { title: "Beratung intern", visibility: "members" }));
  docs.push({ id: "wissen:beratung", typ: "wissen", slug: "beratung", url: "/wissen/beratung", title: "Beratung", summary: "Beratung für Zugewanderte: Beratungsstellen, Beratung in der Muttersprache", visibility: "public" });
  // 600 different words starting with "haus" (a common first syllable), one document each; and two frequent ones
  const letters = (n: number) => String.fromCharCode(97 + Math.floor(n / 26), 97 + (n % 26));
  for (let i = 0; i < 600; i++) docs.push({ id: `wissen:h${i}`, typ: "wissen", slug: `h${i}`, url: `/wissen/h${i}`, title: `Eintrag haus${letters(i)}q`, visibility: "public" });
  docs.push({ id: "wissen:haus", typ: "wissen", slug: "haus", url: "/wissen/haus", title: "Haus geräumt", visibility: "public" });
  for (let i = 0; i < 3; i++)
    docs.push({ id: `wissen:hb${i}`, typ: "wissen", slug: `hb${i}`, url: `/wissen/hb${i}`, title: `Hausbesuche und Hausverwaltung ${i}`, visibility: "public" });
  // the same with a start longer than the prefix index: 600 rare "nachbarschaftXXq" words, the word, two frequent ones
  for (let i = 0; i < 600; i++) docs.push({ id: `wissen:n${i}`, typ: "wissen", slug: `n${i}`, url: `/wissen/n${i}`, title: `Eintrag nachbarschaft${letters(i)}q`, visibility: "public" });
  docs.push({ id: "wissen:nachbarschaft", typ: "wissen", slug: "nachbarschaft", url: "/wissen/nachbarschaft", title: "Nachbarschaft geräumt", visibility: "public" });
  for (let i = 0; i < 3; i++)
    docs.push({ id: `wissen:nb${i}`, typ: "wissen", slug: `nb${i}`, url: `/wissen/nb${i}`, title: `Nachbarschaftshilfe und Nachbarschaftsfest ${i}`, visibility: "public" });
  t.db.transaction((tx) => upsertSearchDocs(tx, docs));
});
afterAll(() => t.cleanup());

describe("a word with thousands of matches", () => {
  it("counts every match, pages through all of them without gaps or repeats, and ranks the article of that title first", async () => {
    const first = await fts.search({ q: "Beratung", limit: 10, offset: 0 }, null);
    expect(first.total).toBe(IN_TITLE + IN_BODY + 1);
    expect(first.facets.typ).toEqual({ forum: IN_TITLE + IN_BODY, wissen: 1 });
    expect(first.hits[0].slug).toBe("beratung");
    const seen: string[] = [];
    for (let offset = 0; offset < first.total; offset += 100) {
      const page = await fts.search({ q: "Beratung", limit: 100, offset }, null);
      seen.push(...page.hits.map((h) => h.slug));
    }
    expect(seen.length).toBe(first.total);
    expect(new Set(seen).size).toBe(first.total);
    expect(seen).toContain(`p${IN_TITLE}`); // the word only at the end of a long body
    expect(seen).not.toContain("p99999"); // members only
  });
});

describe("a word that starts thousands of other words", () => {
  it("up to six letters: finds every word it starts, the word itself first", async () => {
    const res = await fts.search({ q: "Haus", limit: 10, offset: 0 }, null);
    const slugs = res.hits.map((h) => h.slug);
    expect(slugs[0]).toBe("haus");
    expect(res.total).toBe(604); // the 600 rare "hausXXq" entries too
  });

  it("longer: finds the word itself and its frequent continuations, not every rare word that happens to start with it", async () => {
    const res = await fts.search({ q: "Nachbarschaft", limit: 10, offset: 0 }, null);
    const slugs = res.hits.map((h) => h.slug);
    expect(slugs[0]).toBe("nachbarschaft");
    expect(slugs).toEqual(expect.arrayContaining(["nb0", "nb1", "nb2"]));
    expect(res.total).toBeLessThan(100); // not the 600 "nachbarschaftXXq" entries
  });
});
