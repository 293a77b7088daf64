// Search quality over the REAL corpus through GET /api/suche (the route loader, FTS5 engine): every judged
// query finds an expected document (grade ≥ 2) in the top 3 – stretch queries in the top 10 – and each query kind
// (plain, umlaut-free, prefix, one typo, compound, abbreviation, question, filters, inflection, synonym) is covered
// by at least 8 queries. Open queries (not in the top 10 today) are marked it.fails: when the engine learns one,
// its test turns red and the `open` flag in judged-queries.ts must go. Also the API contract itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { loadCorpus } from "./corpus";
import { JUDGED, QUERY_KINDS, expectedIds, gradeOf, type JudgedQuery } from "./judged-queries";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { loader } from "~/routes/api.suche";

let t: ReturnType<typeof createTestDb>;
beforeAll(() => {
  t = createTestDb({ seed: false });
  globalThis.__searchIndex = undefined;
  t.db.transaction((tx) => upsertSearchDocs(tx, loadCorpus()));
});
afterAll(() => t.cleanup());

type Api = { total: number; hits: { typ: string; slug: string; url: string; title: string; snippet: string }[]; facets: Record<string, Record<string, number>> };
async function api(query: string): Promise<{ status: number; body: Api & { error?: string } }> {
  const res = (await loader({ request: new Request(`http://localhost/api/suche?${query}`), params: {}, context: {} })) as Response;
  return { status: res.status, body: await res.json() };
}
const ids = (b: Api) => b.hits.map((h) => `${h.typ}:${h.slug}`);
const label = (j: JudgedQuery) => `${j.kind}: „${j.q}“${j.typ ? ` typ=${j.typ}` : ""}${j.feld ? ` feld=${j.feld}` : ""}`;

describe("the judged set itself", () => {
  it("has at least 100 queries and at least 8 of every kind", () => {
    expect(JUDGED.length).toBeGreaterThanOrEqual(100);
    for (const k of QUERY_KINDS) expect(JUDGED.filter((j) => j.kind === k).length, k).toBeGreaterThanOrEqual(8);
  });

  it("judges only documents that exist in the corpus", () => {
    const corpus = new Set(loadCorpus().map((d) => d.id));
    const missing = JUDGED.flatMap((j) => [...j.relevant, ...Object.keys(j.grades ?? {})].filter((id) => !corpus.has(id)).map((id) => `${j.q} → ${id}`));
    expect(missing).toEqual([]);
  });

  it("grades only listed documents, lists them best first, and every query has an expected document", () => {
    for (const j of JUDGED) {
      expect(new Set(j.relevant).size, j.q).toBe(j.relevant.length);
      for (const id of Object.keys(j.grades ?? {})) expect(j.relevant, j.q).toContain(id);
      const grades = j.relevant.map((id) => gradeOf(j, id));
      expect(grades, j.q).toEqual([...grades].sort((a, b) => b - a));
      expect(gradeOf(j, j.relevant[0]), j.q).toBe(3);
      expect(expectedIds(j).length, j.q).toBeGreaterThan(0);
      expect(j.stretch && j.open, j.q).toBeFalsy();
    }
    expect(new Set(JUDGED.map(label)).size).toBe(JUDGED.length);
  });
});

describe("judged queries over the real corpus", () => {
  for (const j of JUDGED) {
    const depth = j.stretch || j.open ? 10 : 3;
    const name = `${label(j)} → expected document in the top ${depth}${j.stretch ? " (stretch)" : ""}${j.open ? " (open: not yet found)" : ""}`;
    const check = async () => {
      const qs = new URLSearchParams({ q: j.q, limit: "10", ...(j.typ ? { typ: j.typ } : {}), ...(j.feld ? { feld: j.feld } : {}) });
      const { status, body } = await api(qs.toString());
      expect(status).toBe(200);
      if (j.typ) expect(body.hits.every((h) => h.typ === j.typ)).toBe(true);
      const top = ids(body).slice(0, depth);
      const expected = expectedIds(j);
      expect(top.some((id) => expected.includes(id)), `top ${depth}: ${top.join(", ")}`).toBe(true);
    };
    if (j.open) it.fails(name, check);
    else it(name, check);
  }
});

describe("German folding both ways", () => {
  it('"Schueler" and "Schüler" find the same documents; "strasse" finds "Straße"', async () => {
    const a = await api("q=Schueler");
    const b = await api("q=Sch%C3%BCler");
    expect(a.body.total).toBeGreaterThan(0);
    expect(ids(a.body)).toEqual(ids(b.body));
    const s = await api("q=strassenprostitution");
    expect(s.body.hits[0].title).toContain("Straßenprostitution");
    expect(s.body.hits[0].snippet).toMatch(/<mark>Straßenprostitution<\/mark>/);
  });
  it('"Immobilie" finds the compound "Problemimmobilie"', async () => {
    const { body } = await api("q=Immobilie");
    expect(ids(body).slice(0, 3)).toContain("wissen:glossar-problemimmobilie");
  });
});

describe("GET /api/suche contract", () => {
  it("answers exactly {total, hits[{typ, slug, url, title, snippet}], facets}", async () => {
    const { status, body } = await api("q=Kindergeld&limit=5");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["facets", "hits", "total"]);
    expect(body.hits.length).toBe(5);
    for (const h of body.hits) expect(Object.keys(h).sort()).toEqual(["slug", "snippet", "title", "typ", "url"]);
    expect(body.hits[0]).toMatchObject({ typ: "wissen", slug: "glossar-kindergeld", url: "/wissen/glossar-kindergeld" });
    expect(Object.values(body.facets.typ).reduce((a, b) => a + b, 0)).toBe(body.total);
  });

  it("snippets are plain text with <mark> as the only markup", async () => {
    const { body } = await api("q=Kinder");
    for (const h of body.hits) expect(h.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    expect(body.hits.some((h) => h.snippet.includes("<mark>"))).toBe(true);
  });

  it("default limit 10, limit 1–100, bad parameters → 400 with a German JSON error", async () => {
    expect((await api("q=Kinder")).body.hits.length).toBe(10);
    expect((await api("q=Kinder&limit=100")).status).toBe(200);
    for (const bad of ["limit=0", "limit=101", "limit=abc", "limit=-1", "typ=blog", "feld=unbekannt", "offset=x"]) {
      const r = await api(`q=Kinder&${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error, bad).toMatch(/Parameter|Unbekannt/);
    }
  });

  it("an empty q gives an empty result, not an error", async () => {
    for (const q of ["", "q=", "q=%20%20", "q=der%20die%20das"]) {
      const r = await api(q);
      expect(r.status).toBe(200);
      if (q !== "q=der%20die%20das") expect(r.body).toEqual({ total: 0, hits: [], facets: { typ: {}, feld: {} } });
    }
  });

  it("query syntax and odd input are treated as text (never an error)", async () => {
    const hostile = ['"', '"Kinder', "*", "Kinder*", "NEAR(Kinder Schule)", "Kinder OR Schule", "-Kinder", "Kinder - Schule", "AND", "NOT",
      "{title}: x", "'; DROP TABLE search_documents; --", "x".repeat(2000), "Ü".repeat(2000), "Wie geht's?", "😀 Kinder", "\u0000", "^Kinder", "(((", "a:b"];
    for (const q of hostile) {
      const r = await api(`q=${encodeURIComponent(q)}`);
      expect(r.status, q.slice(0, 30)).toBe(200);
      expect(Array.isArray(r.body.hits)).toBe(true);
    }
    expect((await api(`q=${encodeURIComponent('NEAR(Kinder Schule)')}`)).body.total).toBeGreaterThan(0);
  });

  it("same request, same order; pages have no duplicates", async () => {
    const a = await api("q=Kinder&limit=20");
    const b = await api("q=Kinder&limit=20");
    expect(ids(a.body)).toEqual(ids(b.body));
    const p1 = await api("q=Kinder&limit=10&seite=1");
    const p2 = await api("q=Kinder&limit=10&seite=2");
    expect([...ids(p1.body), ...ids(p2.body)]).toEqual(ids(a.body));
    expect(new Set(ids(a.body)).size).toBe(20);
  });

  it("typ and feld filter exactly; facets count per typ and Handlungsfeld", async () => {
    const all = await api("q=Kinder&limit=100");
    const f = await api("q=Kinder&limit=100&typ=foerderung&feld=kinder-bildung");
    expect(f.body.total).toBe(all.body.facets.typ.foerderung === undefined ? 0 : f.body.total);
    expect(f.body.hits.every((h) => h.typ === "foerderung")).toBe(true);
    expect(f.body.total).toBe(f.body.facets.feld["kinder-bildung"]);
    expect(f.body.total).toBeLessThanOrEqual(all.body.facets.typ.foerderung);
  });
});
