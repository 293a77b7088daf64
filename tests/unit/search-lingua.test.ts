// German linguistics of the search index (app/services/search/lingua.ts): Snowball stems, decompounding against
// the corpus lexicon with Fugen, and the token stream the FTS column lx receives.
import { describe, expect, it } from "vitest";
import { LX_MARK, decompound, linguaText, partStems, stemDe, type Lexicon } from "~/services/search/lingua";

const lexOf = (words: string[]): Lexicon => {
  const set = new Set(words.map(stemDe));
  return { has: (s) => set.has(s), size: set.size };
};
const lex = lexOf(["krank", "versicherung", "wohnung", "notfall", "hilfe", "arbeit", "markt", "karte", "problem", "immobilie"]);

describe("stems", () => {
  it("inflected forms share one stem, on folded words", () => {
    expect(stemDe("versicherungen")).toBe(stemDe("versicherung"));
    expect(stemDe("kindern")).toBe(stemDe("kinder"));
    expect(stemDe("wohnungen")).toBe("wohnung");
    expect(stemDe("2024")).toBe("2024");
  });
});

describe("decompounding against the lexicon", () => {
  it("splits with and without Fugen", () => {
    expect(decompound("krankenversicherung", lex)).toEqual(["krank", "versicherung"]);
    expect(decompound("wohnungsnotfallhilfe", lex)).toEqual(["wohnung", "notfall", "hilfe"]);
    expect(decompound("arbeitsmarkt", lex)).toEqual(["arbeit", "markt"]);
    expect(decompound("krankenversicherungskarte", lex)).toEqual(["krank", "versicherung", "karte"]);
  });
  it("leaves words alone whose parts the corpus does not know", () => {
    expect(decompound("beratung", lex)).toBeNull();
    expect(decompound("versicherung", lex)).toBeNull();
    expect(decompound("zuwanderung", lex)).toBeNull();
  });
  it("the token stream carries stems and part stems, marked", () => {
    expect(partStems("problemimmobilien", lex)).toEqual([stemDe("problem"), stemDe("immobilie")]);
    const lx = linguaText(["Krankenversicherungen für Kinder"], lex).split(" ");
    expect(lx).toContain(`${LX_MARK}${stemDe("krankenversicherungen")}`);
    expect(lx).toContain(`${LX_MARK}${stemDe("versicherung")}`);
    expect(lx).toContain(`${LX_MARK}${stemDe("kinder")}`);
    expect(lx.every((t) => t.startsWith(LX_MARK))).toBe(true);
    expect(lx).not.toContain(`${LX_MARK}fuer`); // stop words stay out
  });
});
