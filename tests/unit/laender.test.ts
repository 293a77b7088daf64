import { describe, expect, it } from "vitest";
import { groupByLand, landId } from "~/utils/laender";
import { suggestPartners } from "~/utils/partner-match";

describe("cities by Land", () => {
  it("puts Nordrhein-Westfalen first, then the other Länder alphabetically, cities sorted by name", () => {
    const groups = groupByLand([
      { name: "Musterstadt", land: "Sachsen" },
      { name: "Duisburg", land: "Nordrhein-Westfalen" },
      { name: "Berlin", land: "Berlin" },
      { name: "Dortmund", land: "Nordrhein-Westfalen" },
      { name: "Ohne", land: " " },
    ]);
    expect(groups.map((g) => g.land)).toEqual(["Nordrhein-Westfalen", "Berlin", "ohne Angabe", "Sachsen"]);
    expect(groups[0].items.map((c) => c.name)).toEqual(["Dortmund", "Duisburg"]);
    expect(landId("Baden-Württemberg")).toBe("land-baden-wuerttemberg");
  });
});

describe("Passende Städte without own projects", () => {
  it("suggests a city whose forum topics share a Handlungsfeld, and says it has no projects yet", () => {
    const s = suggestPartners({ handlungsfelder: ["gesundheit"], leadCitySlug: "dortmund", partnerCitySlugs: [] }, [], [
      { slug: "hamm", name: "Hamm", figures: [], projects: [], topics: [{ handlungsfelder: ["gesundheit"] }, { handlungsfelder: ["gesundheit", "wohnen"] }] },
      { slug: "koeln", name: "Köln", figures: [], projects: [], topics: [{ handlungsfelder: ["wohnen"] }] },
    ]);
    expect(s.map((x) => x.slug)).toEqual(["hamm"]);
    expect(s[0].forumFields).toEqual([{ field: "gesundheit", topics: 2 }]);
    expect(s[0].reasons.join(" ")).toContain("noch keine eigenen Projekte");
    expect(s[0].score).toBe(1);
  });
});
