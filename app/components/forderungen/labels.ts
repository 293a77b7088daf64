// Labels for the steering part (Forderungen). Isomorphic: pages and exports use them.
import { EBENEN } from "~/utils/taxonomy";

export const FORDERUNG_STATUS = {
  offen: "offen",
  "in-arbeit": "in Arbeit",
  umgesetzt: "umgesetzt",
  "teilweise-umgesetzt": "teilweise umgesetzt",
  abgelehnt: "abgelehnt",
  ueberholt: "überholt",
} as const;
export type ForderungStatus = keyof typeof FORDERUNG_STATUS;

export const LOESUNGSSZENARIEN: Record<number, string> = {
  1: "Verantwortungsgemeinschaft und Zugang zu Förderstrukturen",
  2: "Bundesfonds und Zentrale Clearingstelle",
  3: "Aufsuchende Arbeit und Orientierungsstelle",
  4: "Qualifizierung sichert Erwerbsbeteiligung",
  5: "Stärkung der Kinderrechte",
  6: "Gute Zugänge zum Wohnungsmarkt",
};

/** "Wer ist am Zug?" headings per level. */
export const EBENE_HEADINGS: Record<keyof typeof EBENEN, string> = {
  kommune: "Kommunen",
  land: "Land",
  bund: "Bund",
  eu: "Europäische Union",
  herkunftsland: "Herkunftsländer",
};

export const lsLabel = (n: number) => `Lösungsszenario ${n}: ${LOESUNGSSZENARIEN[n] ?? ""}`.trim();
