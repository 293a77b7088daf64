// The eligibility finder against the real corpus (content/foerderung/*.md), case by case.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProgrammeFile } from "~/services/content/frontmatter";
import { evaluateProgramme, parseFinderAnswers, rankProgrammes, type FinderResult } from "~/utils/finder";
import { facetProgrammeFromFrontmatter, type FacetProgramme } from "~/utils/programme-facets";

const TODAY = "2026-11-25";
const dir = join(process.cwd(), "content", "foerderung");
const corpus: FacetProgramme[] = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => {
    const parsed = parseProgrammeFile(readFileSync(join(dir, f), "utf8"));
    if (!parsed.ok) throw new Error(`${f}: ${JSON.stringify(parsed.errors)}`);
    return facetProgrammeFromFrontmatter(f.replace(/\.md$/, ""), parsed.data);
  });
const bySlug = (slug: string) => {
  const p = corpus.find((x) => x.slug === slug);
  if (!p) throw new Error(`corpus has no ${slug}`);
  return p;
};
const find = (results: FinderResult[], slug: string) => {
  const r = results.find((x) => x.slug === slug);
  if (!r) throw new Error(`no result for ${slug}`);
  return r;
};
const texts = (r: FinderResult, level?: string) => r.reasons.filter((x) => !level || x.level === level).map((x) => x.text);
const rank = (results: FinderResult[], slug: string) => results.findIndex((r) => r.slug === slug);

describe("finder against the real corpus", () => {
  it("has at least 15 valid programmes", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
  });

  it("freier Träger, Arbeitsmarkt, 0 % own money: a programme needing an own share is 'passt nicht' with that reason and ranks below programmes without that need", () => {
    const results = rankProgrammes(corpus, { wer: "freier-traeger", feld: "arbeitsmarkt", eigenmittel: 0, kofinanzierung: false }, TODAY);
    const ehap = find(results, "ehap-2014-2020");
    expect(ehap.verdict).toBe("nicht");
    expect(texts(ehap, "nicht")).toContain("Eigenanteil 5 % nötig – Sie haben 0 %");
    // ESF Plus NRW: no own share on record → not a clean fit, but not excluded either
    const esf = find(results, "esf-plus-nrw");
    expect(esf.verdict).toBe("bedingt");
    expect(texts(esf).join(" ")).toMatch(/Eigenanteil: keine Angabe/);
    expect(rank(results, "esf-plus-nrw")).toBeLessThan(rank(results, "ehap-2014-2020"));
    // every programme that is not excluded ranks above every excluded one
    const firstNicht = results.findIndex((r) => r.verdict === "nicht");
    expect(results.slice(firstNicht).every((r) => r.verdict === "nicht")).toBe(true);
    for (const slug of ["bamf-mbe", "jugendmigrationsdienste", "esf-plus-nrw"]) expect(find(results, slug).verdict).not.toBe("nicht");
  });

  it("an ESF-type programme that is open and fits otherwise fails on the own share alone", () => {
    // EHAP's real conditions (5 % own share), as if it were still running for Arbeitsmarkt
    const variant = { ...bySlug("ehap-2014-2020"), slug: "ehap-variante", status: "laufend" as const, handlungsfelder: ["arbeitsmarkt"], fristen: [] };
    const r = evaluateProgramme(variant, { wer: "freier-traeger", feld: "arbeitsmarkt", eigenmittel: 0 }, TODAY);
    expect(r.verdict).toBe("nicht");
    expect(texts(r, "nicht")).toEqual(["Eigenanteil 5 % nötig – Sie haben 0 %"]);
    const withMoney = evaluateProgramme(variant, { wer: "freier-traeger", feld: "arbeitsmarkt", eigenmittel: 10 }, TODAY);
    expect(withMoney.verdict).toBe("passt");
    expect(texts(withMoney, "ok")).toContain("Eigenanteil 5 % nötig – Sie haben 10 %");
  });

  it("names the applicant condition: 'nur für Kommunen'", () => {
    const results = rankProgrammes(corpus, { wer: "freier-traeger" }, TODAY);
    expect(texts(find(results, "biwaq"), "nicht")).toContain("nur für Kommunen");
    expect(texts(find(results, "sozialer-zusammenhalt"), "nicht")).toContain("nur für Kommunen");
    expect(texts(find(results, "komm-an-nrw"), "nicht")).toEqual([]);
  });

  it("a Kommune is told that MBE is only for freie Träger and the integration course for individuals and Bildungsträger", () => {
    const results = rankProgrammes(corpus, { wer: "kommune" }, TODAY);
    expect(texts(find(results, "bamf-mbe"), "nicht")).toContain("nur für freie Träger");
    expect(texts(find(results, "bamf-integrationskurse"), "nicht")).toContain("nur für Privatpersonen und Bildungsträger");
  });

  it("closed programmes are labelled 'geschlossen', never fit, and rank after all others", () => {
    const results = rankProgrammes(corpus, { wer: "kommune", feld: "zusammenarbeit", eigenmittel: 20 }, TODAY);
    for (const slug of ["komm-in-nrw", "kein-kind-zuruecklassen", "ehap-2014-2020", "urban-gemeinschaftsinitiative"]) {
      const r = find(results, slug);
      expect(r.labels).toContain("geschlossen");
      expect(r.verdict).toBe("nicht");
      expect(texts(r, "nicht")).toContain("Programm ist geschlossen");
    }
    const open = results.filter((r) => r.status !== "geschlossen" && r.verdict !== "nicht");
    const lastOpen = Math.max(...open.map((r) => rank(results, r.slug)));
    const firstClosed = Math.min(...results.filter((r) => r.status === "geschlossen").map((r) => rank(results, r.slug)));
    expect(lastOpen).toBeLessThan(firstClosed);
  });

  it("unknown status says 'Status unbekannt – bitte prüfen' and is at best 'passt bedingt'", () => {
    const results = rankProgrammes(corpus, { wer: "kommune", feld: "zusammenarbeit", eigenmittel: 50, kofinanzierung: true }, TODAY);
    const iti = find(results, "iti-instrument");
    expect(iti.labels).toContain("Status unbekannt – bitte prüfen");
    expect(iti.verdict).toBe("bedingt");
    expect(texts(iti, "bedingt")).toEqual(["Status unbekannt – bitte prüfen"]);
  });

  it("a running programme whose only deadline has passed is labelled 'Frist abgelaufen'", () => {
    const r = evaluateProgramme(bySlug("kinderstark"), { wer: "kommune", feld: "kinder-bildung", eigenmittel: 20 }, TODAY);
    expect(r.labels).toContain("Frist abgelaufen");
    expect(r.verdict).toBe("bedingt");
    expect(texts(r, "bedingt").join(" ")).toMatch(/letzte Frist abgelaufen .*31\.01\.2026/);
    expect(r.nextDeadline).toBeNull();
  });

  it("a funding rate below 100 % without own share on record: the gap must come from own money or co-financing", () => {
    // The corpus records no unverified fixed rates any more; a 90 % rate is set here for the rule itself.
    const p = { ...bySlug("hilfen-in-wohnungsnotfaellen"), foerderquote: 0.9, eigenanteil: null };
    const none = evaluateProgramme(p, { eigenmittel: 0, kofinanzierung: false }, TODAY);
    expect(none.verdict).toBe("nicht");
    expect(texts(none, "nicht")[0]).toMatch(/^Förderquote 90 % – 10 % müssen Sie selbst oder über Kofinanzierung aufbringen; Sie haben 0 %/);
    const kofi = evaluateProgramme(p, { eigenmittel: 0, kofinanzierung: true }, TODAY);
    expect(texts(kofi, "nicht")).toEqual([]);
    expect(texts(kofi, "bedingt").join(" ")).toMatch(/10 % müssten aus Ihrer Kofinanzierung kommen/);
    const own = evaluateProgramme(p, { eigenmittel: 10 }, TODAY);
    expect(texts(own, "ok")).toContain("Förderquote 90 % – die übrigen 10 % decken Ihre Eigenmittel (10 %)");
  });

  it("the date the money is needed is checked against the programme's runtime", () => {
    const p = bySlug("endlich-ein-zuhause"); // laufzeit_bis 2027-12-31
    const late = evaluateProgramme(p, { wer: "kommune", ab: "2028-03-01" }, TODAY);
    expect(late.verdict).toBe("nicht");
    expect(texts(late, "nicht")).toContain("läuft nur bis 31.12.2027 – Sie brauchen das Geld ab 01.03.2028");
    const inTime = evaluateProgramme(p, { wer: "kommune", ab: "2027-01-01" }, TODAY);
    expect(texts(inTime, "ok")).toContain("läuft bis 31.12.2027");
    expect(inTime.verdict).not.toBe("nicht");
  });

  it("names the Handlungsfeld condition with the fields the programme does cover", () => {
    const r = evaluateProgramme(bySlug("sozialer-zusammenhalt"), { feld: "gesundheit" }, TODAY);
    expect(texts(r, "nicht")).toEqual(["fördert nicht im Handlungsfeld Gesundheit (nur Wohnen, Soziales Miteinander, Zusammenarbeit und Kinder und Bildung)"]);
  });

  it("Kommune, Wohnen, 20 % own money and co-financing: clean fits come first and carry no reservations", () => {
    const results = rankProgrammes(corpus, { wer: "kommune", feld: "wohnen", eigenmittel: 20, kofinanzierung: true }, TODAY);
    expect(results[0].verdict).toBe("passt");
    const passt = results.filter((r) => r.verdict === "passt").map((r) => r.slug);
    expect(passt).toEqual(expect.arrayContaining(["sozialer-zusammenhalt", "endlich-ein-zuhause"]));
    for (const r of results.filter((x) => x.verdict === "passt")) expect(texts(r, "nicht").concat(texts(r, "bedingt"))).toEqual([]);
  });

  it("ranking is deterministic: same order for shuffled input, ties broken by title", () => {
    const answers = { wer: "verein", eigenmittel: 0 };
    const a = rankProgrammes(corpus, answers, TODAY).map((r) => r.slug);
    const shuffled = [...corpus].reverse();
    const b = rankProgrammes(shuffled, answers, TODAY).map((r) => r.slug);
    expect(b).toEqual(a);
    const results = rankProgrammes(corpus, answers, TODAY);
    for (let i = 1; i < results.length; i++) {
      const [x, y] = [results[i - 1], results[i]];
      if (x.verdict === y.verdict && x.reasons.filter((r) => r.level === "nicht").length === y.reasons.filter((r) => r.level === "nicht").length &&
        x.reasons.filter((r) => r.level === "bedingt").length === y.reasons.filter((r) => r.level === "bedingt").length)
        expect(x.title.localeCompare(y.title, "de")).toBeLessThanOrEqual(0);
    }
  });

  it("programmes past pruefen_bis are flagged stale", () => {
    const results = rankProgrammes(corpus, {}, "2027-02-01");
    expect(find(results, "esf-plus-nrw").stale).toBe(true); // pruefen_bis 2027-01-31
    expect(find(results, "efre-ziel-2-nrw-2007-2013").stale).toBe(false); // pruefen_bis 2027-06-02
    expect(rankProgrammes(corpus, {}, TODAY).filter((r) => r.stale)).toEqual([]); // nothing overdue on the day of the refresh
  });

  it("parses the GET form leniently and rejects out-of-range input", () => {
    const ok = parseFinderAnswers(new URLSearchParams("wer=verein&feld=wohnen&eigenmittel=12,5 %&kofinanzierung=ja&ab=2027-02-01"));
    expect(ok.errors).toEqual({});
    expect(ok.answers).toEqual({ wer: "verein", feld: "wohnen", eigenmittel: 12.5, kofinanzierung: true, ab: "2027-02-01" });
    const bad = parseFinderAnswers(new URLSearchParams("wer=hacker&eigenmittel=150&ab=2027-02-30"));
    expect(Object.keys(bad.errors).sort()).toEqual(["ab", "eigenmittel", "wer"]);
    expect(bad.answers).toEqual({});
  });
});
