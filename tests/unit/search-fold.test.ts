// German text handling of the search (pure): folding, query terms, edit distance, snippets.
import { describe, expect, it } from "vitest";
import { editDistance, fold, makeMatcher, makeSnippet, queryTerms, snippetParts, tokens } from "~/services/search/fold";
import { compileQuery, stem } from "~/services/search/fts.server";

describe("fold", () => {
  it("spells out umlauts and ß, lower-cases, strips other diacritics", () => {
    expect(fold("Schüler Straße ÄRZTE Öl Über ẞ")).toBe("schueler strasse aerzte oel ueber ss");
    expect(fold("Café Ştefan Țară")).toBe("cafe stefan tara");
    expect(fold("Schu\u0308ler")).toBe("schueler"); // decomposed ü
    expect(tokens("EFRE-Programm, 2021–2027!")).toEqual(["efre", "programm", "2021", "2027"]);
  });
  it("query terms: stop words dropped (unless nothing else is left), duplicates removed, at most 10", () => {
    expect(queryTerms("Wie bekommen Kinder eine Krankenversicherung?")).toEqual(["bekommen", "kinder", "krankenversicherung"]);
    expect(queryTerms("der die das")).toEqual(["der", "die", "das"]);
    expect(queryTerms("a b c d e f g h i j k l m")).toHaveLength(10);
    expect(queryTerms('"NEAR(x OR y) -z *')).toEqual(["near", "x", "or", "y", "z"]);
  });
});

describe("FTS query compilation", () => {
  it("quotes every term, so FTS syntax in the query is text", () => {
    const c = compileQuery(queryTerms('NEAR(Kinder OR "Schule" -x'), () => []);
    expect(c.and).toBe(
      '({title summary headings kurz body} : "near"* OR lx : ("0near")) AND ({title summary headings kurz body} : "kinder"* OR lx : ("0kind")) AND ' +
        '{title summary headings kurz body} : "or" AND ({title summary headings kurz body} : "schul"* OR lx : ("0schul")) AND {title summary headings kurz body} : "x"*',
    );
  });
  it("adds expansions per term and strips light German suffixes", () => {
    expect("problemimmobilie".startsWith(stem("problemimmobilien"))).toBe(true);
    expect(stem("krankenversicherung")).toBe("krankenversicher");
    expect(stem("kinder")).toBe("kinder");
    const c = compileQuery(["immobilie"], (t) => (t === "immobilie" ? ["problemimmobilien"] : []));
    expect(c.and).toContain('("immobili"* OR "problemimmobilien")');
  });
});

describe("edit distance", () => {
  it("counts one edit, transpositions included, and stops early", () => {
    expect(editDistance("krankenversicherng", "krankenversicherung")).toBe(1);
    expect(editDistance("schulplficht", "schulpflicht")).toBe(1);
    expect(editDistance("kind", "kino")).toBe(1);
    expect(editDistance("abc", "xyzuvw", 2)).toBe(3);
  });
});

describe("snippets", () => {
  it("mark matches (folded both ways), escape everything else", () => {
    const m = makeMatcher(["schueler"]);
    const s = makeSnippet("Für <b>Schüler</b> & Eltern: \"Schueler\"-Hilfe", m);
    expect(s).toBe("Für &lt;b&gt;<mark>Schüler</mark>&lt;/b&gt; &amp; Eltern: &quot;<mark>Schueler</mark>&quot;-Hilfe");
    expect(s.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
  it("cut a window around the matches of a long text", () => {
    const text = `${"Anfang ".repeat(60)}hier steht Problemimmobilie im Text ${"Ende ".repeat(60)}`;
    const s = makeSnippet(text, makeMatcher(["immobilie"]));
    expect(s.startsWith("… ")).toBe(true);
    expect(s.endsWith(" …")).toBe(true);
    expect(s).toContain("<mark>Problemimmobilie</mark>");
  });
  it("snippetParts turns a snippet into text and marked parts (for React text nodes)", () => {
    expect(snippetParts("a &lt;b&gt; <mark>c</mark> d")).toEqual([
      { text: "a <b> ", mark: false },
      { text: "c", mark: true },
      { text: " d", mark: false },
    ]);
  });
});
