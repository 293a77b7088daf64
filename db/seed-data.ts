// Cities of the alliance and the key figures the paper gives (Handlungsrahmen Zuwanderung aus Südosteuropa,
// KOMM-IN NRW, 31.01.2013, Abschnitt 2 "Folgen der EU-Armutszuwanderung für die kommunale Ebene", S. 10–11).
import type { AllianceStatus, CityIndicator, FigureQualifier } from "~/utils/taxonomy";

const SRC = "Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), Abschnitt 2, S. 10–11";

export type SeedFigure = {
  indicator: CityIndicator;
  district?: string;
  value: number;
  qualifier?: FigureQualifier;
  displayText?: string;
  /** ISO date, year, or null when the paper gives no reference date */
  asOf: string | null;
  source: string;
  note?: string;
};
export type SeedCity = { slug: string; name: string; allianceStatus: AllianceStatus; description: string; figures: SeedFigure[] };

export const SEED_CITIES: SeedCity[] = [
  {
    slug: "dortmund",
    name: "Dortmund",
    allianceStatus: "mitglied",
    description:
      "Gründungsmitglied des Städtenetzes. Schwerpunkt der Zuwanderung aus Bulgarien und Rumänien ist die Nordstadt; seit Anfang 2011 berät das „Dortmunder Netzwerk EU-Armutszuwanderung“.",
    figures: [
      // "lag Ende 2012 bei etwa 3.200"
      { indicator: "bg-ro-gemeldet", value: 3200, qualifier: "etwa", asOf: "2012-12-31", source: SRC },
      // "Über die Hälfte der gemeldeten Zugezogenen aus den beiden Ländern lebt in der Dortmunder Nordstadt."
      { indicator: "anteil-stadtteil", district: "Nordstadt", value: 50, qualifier: "ueber", displayText: "über die Hälfte", asOf: "2012-12-31", source: SRC },
      // "mit über 70% der überwiegende Teil der Zugewanderten zwischen 15 und unter 45 Jahre alt" (no date given)
      { indicator: "anteil-15-45", value: 70, qualifier: "ueber", asOf: null, source: SRC },
      { indicator: "kinderanteil-bg", value: 12, asOf: null, source: SRC },
      { indicator: "kinderanteil-ro", value: 15, asOf: null, source: SRC },
    ],
  },
  {
    slug: "duisburg",
    name: "Duisburg",
    allianceStatus: "mitglied",
    description:
      "Gründungsmitglied des Städtenetzes. Die Zuwanderung konzentriert sich auf Hochfeld, Marxloh und Bruckhausen und breitet sich auf weitere Stadtteile aus.",
    figures: [
      // "zum 31.12.2012 bei 6.173"
      { indicator: "bg-ro-gemeldet", value: 6173, asOf: "2012-12-31", source: SRC },
      // "Hochfeld mit ca. 38 % der Gesamtzuwanderer", "Marxloh (17,4 %) und Bruckhausen (7,6 %)"
      { indicator: "anteil-stadtteil", district: "Hochfeld", value: 38, qualifier: "etwa", asOf: "2012-12-31", source: SRC },
      { indicator: "anteil-stadtteil", district: "Marxloh", value: 17.4, asOf: "2012-12-31", source: SRC },
      { indicator: "anteil-stadtteil", district: "Bruckhausen", value: 7.6, asOf: "2012-12-31", source: SRC },
      // "mit etwas über 60% deutlich geringer"; "23,5% bei den Bulgaren und 29,4% bei den Rumänen" (no date given)
      { indicator: "anteil-15-45", value: 60, qualifier: "etwas-ueber", asOf: null, source: SRC },
      { indicator: "anteil-unter-15-bg", value: 23.5, asOf: null, source: SRC },
      { indicator: "anteil-unter-15-ro", value: 29.4, asOf: null, source: SRC },
    ],
  },
  { slug: "bochum", name: "Bochum", allianceStatus: "interessiert", description: "Interessierte Stadt im Ruhrgebiet.", figures: [] },
  { slug: "essen", name: "Essen", allianceStatus: "interessiert", description: "Interessierte Stadt im Ruhrgebiet.", figures: [] },
  { slug: "gelsenkirchen", name: "Gelsenkirchen", allianceStatus: "interessiert", description: "Interessierte Stadt im Ruhrgebiet.", figures: [] },
  { slug: "hamm", name: "Hamm", allianceStatus: "interessiert", description: "Im Handlungsrahmen als eine der Städte genannt, die die Zuwanderung registrieren.", figures: [] },
  { slug: "koeln", name: "Köln", allianceStatus: "interessiert", description: "Interessierte Stadt im Rheinland.", figures: [] },
];
