import { describe, expect, it } from "vitest";
import { describeFilterQuery, STATUS_LABELS } from "~/utils/filter-labels";

describe("saved searches described in German", () => {
  it("names keys and values in words, never as raw query keys", () => {
    expect(describeFilterQuery("feld=gesundheit&typ=praxis", "alle Beiträge")).toBe("Handlungsfeld: Gesundheit, Art: Praxisbeispiel");
    expect(describeFilterQuery("stadt=dortmund&status=laufend", "alle Projekte", STATUS_LABELS.projekte)).toMatch(/^Stadt: Dortmund, Status: [A-ZÄÖÜ]/);
    expect(describeFilterQuery("ebene=bund&ls=3", "alle Forderungen")).toBe("Ebene: Bund, Lösungsszenario: LS 3");
    expect(describeFilterQuery("zeit=vergangen", "alle kommenden Termine")).toBe("Zeitraum: vergangene Termine");
    expect(describeFilterQuery("", "alle Projekte")).toBe("alle Projekte");
    for (const q of ["feld=gesundheit", "typ=faq", "fonds=esf", "partner=1"]) expect(describeFilterQuery(q, "x")).not.toMatch(/^[a-z]+:/);
  });
});
