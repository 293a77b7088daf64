// Cities of the alliance and the key figures the paper gives (Handlungsrahmen Zuwanderung aus Südosteuropa,
// KOMM-IN NRW, 31.01.2013, Abschnitt 2 "Folgen der EU-Armutszuwanderung für die kommunale Ebene", S. 10–11).
import type { AllianceStatus } from "~/utils/taxonomy";

const SRC = "Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), Abschnitt 2, S. 10–11";

export type SeedFigure = { key: string; label: string; value: number; unit: string; approximate?: boolean; asOf: string; source: string };
export type SeedCity = { slug: string; name: string; allianceStatus: AllianceStatus; description: string; figures: SeedFigure[] };

export const SEED_CITIES: SeedCity[] = [
  {
    slug: "dortmund",
    name: "Dortmund",
    allianceStatus: "mitglied",
    description:
      "Gründungsmitglied des Städtenetzes. Schwerpunkt der Zuwanderung aus Bulgarien und Rumänien ist die Nordstadt; seit Anfang 2011 berät das „Dortmunder Netzwerk EU-Armutszuwanderung“.",
    figures: [
      { key: "bg-ro-gemeldet", label: "Gemeldete Menschen aus Bulgarien und Rumänien", value: 3200, unit: "Personen", approximate: true, asOf: "2012-12-31", source: SRC },
      { key: "anteil-nordstadt", label: "Anteil, der in der Nordstadt lebt", value: 50, unit: "% (über die Hälfte)", approximate: true, asOf: "2012-12-31", source: SRC },
      { key: "anteil-15-45", label: "Anteil der 15- bis unter 45-Jährigen", value: 70, unit: "% (über 70 %)", approximate: true, asOf: "2012-12-31", source: SRC },
      { key: "kinderanteil-bg", label: "Kinderanteil bei bulgarischen Staatsangehörigen", value: 12, unit: "%", asOf: "2012-12-31", source: SRC },
      { key: "kinderanteil-ro", label: "Kinderanteil bei rumänischen Staatsangehörigen", value: 15, unit: "%", asOf: "2012-12-31", source: SRC },
    ],
  },
  {
    slug: "duisburg",
    name: "Duisburg",
    allianceStatus: "mitglied",
    description:
      "Gründungsmitglied des Städtenetzes. Die Zuwanderung konzentriert sich auf Hochfeld, Marxloh und Bruckhausen und breitet sich auf weitere Stadtteile aus.",
    figures: [
      { key: "bg-ro-gemeldet", label: "Gemeldete Menschen aus Bulgarien und Rumänien", value: 6173, unit: "Personen", asOf: "2012-12-31", source: SRC },
      { key: "anteil-stadtteil-hochfeld", label: "Anteil in Hochfeld", value: 38, unit: "%", approximate: true, asOf: "2012-12-31", source: SRC },
      { key: "anteil-stadtteil-marxloh", label: "Anteil in Marxloh", value: 17.4, unit: "%", asOf: "2012-12-31", source: SRC },
      { key: "anteil-stadtteil-bruckhausen", label: "Anteil in Bruckhausen", value: 7.6, unit: "%", asOf: "2012-12-31", source: SRC },
      { key: "anteil-15-45", label: "Anteil der 15- bis unter 45-Jährigen", value: 60, unit: "% (etwas über 60 %)", approximate: true, asOf: "2012-12-31", source: SRC },
      { key: "anteil-unter-15-bg", label: "Anteil der unter 15-Jährigen bei bulgarischen Staatsangehörigen", value: 23.5, unit: "%", asOf: "2012-12-31", source: SRC },
      { key: "anteil-unter-15-ro", label: "Anteil der unter 15-Jährigen bei rumänischen Staatsangehörigen", value: 29.4, unit: "%", asOf: "2012-12-31", source: SRC },
    ],
  },
  { slug: "bochum", name: "Bochum", allianceStatus: "interessiert", description: "Interessierte Stadt im Ruhrgebiet.", figures: [] },
  { slug: "essen", name: "Essen", allianceStatus: "interessiert", description: "Interessierte Stadt im Ruhrgebiet.", figures: [] },
  { slug: "gelsenkirchen", name: "Gelsenkirchen", allianceStatus: "interessiert", description: "Interessierte Stadt im Ruhrgebiet.", figures: [] },
  { slug: "hamm", name: "Hamm", allianceStatus: "interessiert", description: "Im Handlungsrahmen als eine der Städte genannt, die die Zuwanderung registrieren.", figures: [] },
  { slug: "koeln", name: "Köln", allianceStatus: "interessiert", description: "Interessierte Stadt im Rheinland.", figures: [] },
];
