import { describe, expect, it } from "vitest";
import { figureSimilarity, suggestPartners, type MatchCity } from "~/utils/partner-match";

const fig = (key: string, value: number) => ({ key, label: key === "bg-ro-gemeldet" ? "Gemeldete BG/RO" : key, value });
const city = (slug: string, fields: string[][], figures: { key: string; label: string; value: number }[] = []): MatchCity => ({
  slug,
  name: slug[0].toUpperCase() + slug.slice(1),
  figures,
  projects: fields.map((h) => ({ handlungsfelder: h })),
});

describe("suggestPartners", () => {
  const project = { handlungsfelder: ["wohnen", "gesundheit"], leadCitySlug: "dortmund", partnerCitySlugs: ["hamm"] };
  const own = [fig("bg-ro-gemeldet", 3200), fig("anteil-15-45", 70)];

  it("suggests cities with overlapping Handlungsfelder and explains each suggestion", () => {
    const s = suggestPartners(project, own, [
      city("duisburg", [["wohnen"], ["gesundheit", "soziales-miteinander"], ["wohnen"]], [fig("bg-ro-gemeldet", 6173), fig("anteil-15-45", 60)]),
      city("gelsenkirchen", [["wohnen"]]),
      city("koeln", [["arbeitsmarkt"]]),
    ]);
    expect(s.map((x) => x.slug)).toEqual(["duisburg", "gelsenkirchen"]);
    expect(s[0].sharedFields).toEqual([
      { field: "wohnen", projects: 2 },
      { field: "gesundheit", projects: 1 },
    ]);
    expect(s[0].reasons.join(" ")).toMatch(/Handlungsfeld „wohnen“ \(2 Projekte\)/);
    expect(s[0].reasons.join(" ")).toMatch(/Ähnliche Kennzahl „Gemeldete BG\/RO“: 6\.173 gegenüber 3\.200/);
    for (const x of s) expect(x.reasons.length).toBeGreaterThan(0);
  });

  it("never suggests the lead city or an existing partner", () => {
    const s = suggestPartners(project, own, [city("dortmund", [["wohnen"]]), city("hamm", [["wohnen"]]), city("essen", [["gesundheit"]])]);
    expect(s.map((x) => x.slug)).toEqual(["essen"]);
  });

  it("uses similar key figures alone as a reason, but not dissimilar ones", () => {
    const s = suggestPartners(project, own, [city("bochum", [], [fig("bg-ro-gemeldet", 3000)]), city("berlin", [], [fig("bg-ro-gemeldet", 40000)])]);
    expect(s.map((x) => x.slug)).toEqual(["bochum"]);
    expect(s[0].similarFigures[0]).toMatchObject({ own: 3200, theirs: 3000 });
  });

  it("ranks more overlap higher and caps the weight of one busy city", () => {
    const busy = city("busy", Array.from({ length: 20 }, () => ["wohnen"]));
    const broad = city("broad", [["wohnen"], ["gesundheit"]]);
    const s = suggestPartners(project, [], [busy, broad]);
    expect(s[0].slug).toBe("broad");
    expect(s[1].score).toBe(2 + 1.5);
  });

  it("uses the field labels it is given and is deterministic", () => {
    const cands = [city("b", [["wohnen"]]), city("a", [["wohnen"]])];
    const s = suggestPartners(project, [], cands, { fieldLabel: (f) => (f === "wohnen" ? "Wohnen" : f) });
    expect(s.map((x) => x.slug)).toEqual(["a", "b"]);
    expect(s[0].reasons[0]).toContain("„Wohnen“ (1 Projekt)");
    expect(suggestPartners(project, [], cands)).toEqual(suggestPartners(project, [], cands));
  });

  it("figureSimilarity is symmetric and bounded", () => {
    expect(figureSimilarity(3200, 6173)).toBeCloseTo(figureSimilarity(6173, 3200));
    expect(figureSimilarity(0, 0)).toBe(1);
    expect(figureSimilarity(10, 0)).toBe(0);
    expect(figureSimilarity(60, 70)).toBeCloseTo(1 - 10 / 70);
  });
});
