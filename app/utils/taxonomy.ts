// Fixed taxonomies of the domain (DESIGN.md). Code uses the slugs, the UI the labels.

export const HANDLUNGSFELDER = {
  gesundheit: "Gesundheit",
  "soziales-miteinander": "Soziales Miteinander",
  wohnen: "Wohnen",
  arbeitsmarkt: "Arbeitsmarkt",
  "kinder-bildung": "Kinder und Bildung",
  zusammenarbeit: "Zusammenarbeit",
} as const;
export type Handlungsfeld = keyof typeof HANDLUNGSFELDER;

export const EBENEN = {
  kommune: "Kommune",
  land: "Land",
  bund: "Bund",
  eu: "EU",
  herkunftsland: "Herkunftsland",
} as const;
export type Ebene = keyof typeof EBENEN;

export const STATIONEN = {
  anmeldung: "Anmeldung",
  wohnen: "Wohnen",
  gesundheit: "Gesundheit",
  "schule-kita": "Schule und Kita",
  arbeit: "Arbeit",
  einkommen: "Einkommen",
} as const;
export type Station = keyof typeof STATIONEN;

export const ARTICLE_TYPES = {
  praxis: "Praxisbeispiel",
  loesungsszenario: "Lösungsszenario",
  checkliste: "Checkliste",
  fakten: "Fakten",
  glossar: "Glossar",
  faq: "FAQ",
} as const;
export type ArticleType = keyof typeof ARTICLE_TYPES;

export const ARTICLE_STATUS = {
  entwurf: "Entwurf",
  veroeffentlicht: "Veröffentlicht",
  archiviert: "Archiviert",
} as const;
export type ArticleStatus = keyof typeof ARTICLE_STATUS;

export const FONDS = {
  esf: "ESF",
  efre: "EFRE",
  iti: "ITI",
  bund: "Bund",
  land: "Land",
  stiftung: "Stiftung",
  sonstige: "Sonstige",
} as const;
export type Fonds = keyof typeof FONDS;

export const ANTRAGSBERECHTIGT = {
  kommune: "Kommune",
  "freier-traeger": "Freier Träger",
  verein: "Verein",
  unternehmen: "Unternehmen",
  bildungstraeger: "Bildungsträger",
  jobcenter: "Jobcenter",
  land: "Land",
  hochschule: "Hochschule",
  stiftung: "Stiftung",
  privatperson: "Privatperson",
} as const;
export type Antragsberechtigt = keyof typeof ANTRAGSBERECHTIGT;

export const PROGRAMME_STATUS = {
  offen: "offen",
  laufend: "laufend",
  geschlossen: "geschlossen",
  unbekannt: "unbekannt",
} as const;
export type ProgrammeStatus = keyof typeof PROGRAMME_STATUS;

export const ROLES = {
  mitglied: "Mitglied",
  koordination: "Koordination",
  redaktion: "Redaktion",
  moderation: "Moderation",
  admin: "Admin",
} as const;
export type Role = keyof typeof ROLES;

export const ALLIANCE_STATUS = {
  mitglied: "Mitglied",
  interessiert: "interessiert",
} as const;
export type AllianceStatus = keyof typeof ALLIANCE_STATUS;

export function keysOf<T extends Record<string, string>>(o: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
}

export function label<T extends Record<string, string>>(o: T, key: string): string {
  return (o as Record<string, string>)[key] ?? key;
}

// Ankommen: newcomer guides per Station of arriving, each in five languages (content/ankommen/<station>.<lang>.md).
export const ANKOMMEN_STATIONEN = {
  "vor-der-ausreise": "Vor der Ausreise",
  anmeldung: "Anmeldung",
  krankenversicherung: "Krankenversicherung",
  kindergeld: "Kindergeld und Familienleistungen",
  "schule-kita": "Schule und Kita",
  arbeit: "Arbeit und Gewerbe",
  wohnen: "Wohnen",
} as const;
export type AnkommenStation = keyof typeof ANKOMMEN_STATIONEN;

/** Handlungsfeld of each guide: picks the city's Anlaufstellen that belong to it. */
export const ANKOMMEN_HANDLUNGSFELD: Record<AnkommenStation, Handlungsfeld> = {
  "vor-der-ausreise": "zusammenarbeit",
  anmeldung: "soziales-miteinander",
  krankenversicherung: "gesundheit",
  kindergeld: "arbeitsmarkt",
  "schule-kita": "kinder-bildung",
  arbeit: "arbeitsmarkt",
  wohnen: "wohnen",
};

/** Languages of the guides. Keys are BCP 47 tags and go into `lang`; `de-x-ls` is Leichte Sprache. */
export const ANKOMMEN_SPRACHEN = {
  de: "Deutsch",
  "de-x-ls": "Leichte Sprache",
  bg: "Български",
  ro: "Română",
  en: "English",
} as const;
export type AnkommenSprache = keyof typeof ANKOMMEN_SPRACHEN;
/** German names of the languages, for the German UI around the guides. */
export const ANKOMMEN_SPRACHEN_DE: Record<AnkommenSprache, string> = {
  de: "Deutsch",
  "de-x-ls": "Leichte Sprache",
  bg: "Bulgarisch",
  ro: "Rumänisch",
  en: "Englisch",
};

export const UEBERSETZUNG_STATUS = {
  entwurf: "Entwurf",
  uebersetzt: "Übersetzung nicht geprüft",
  geprueft: "Übersetzung geprüft",
} as const;
export type UebersetzungStatus = keyof typeof UEBERSETZUNG_STATUS;

/** How a city figure's value is meant, as its source says it. */
export const FIGURE_QUALIFIERS = {
  genau: "genau",
  etwa: "etwa",
  ueber: "über",
  "mehr-als": "mehr als",
  "etwas-ueber": "etwas über",
} as const;
export type FigureQualifier = keyof typeof FIGURE_QUALIFIERS;

/**
 * Indicators of the city key figures (wording of the Handlungsrahmen, Abschnitt 2). `district: true` means the
 * figure belongs to a Stadtteil, named on each value.
 */
export const CITY_INDICATORS = {
  "bg-ro-gemeldet": { label: "Gemeldete Menschen aus Bulgarien und Rumänien", unit: "Personen", district: false },
  "anteil-stadtteil": { label: "Anteil der gemeldeten Menschen aus Bulgarien und Rumänien, der im Stadtteil lebt", unit: "%", district: true },
  "anteil-15-45": { label: "Anteil der 15- bis unter 45-Jährigen", unit: "%", district: false },
  "kinderanteil-bg": { label: "Kinderanteil bei bulgarischen Staatsangehörigen", unit: "%", district: false },
  "kinderanteil-ro": { label: "Kinderanteil bei rumänischen Staatsangehörigen", unit: "%", district: false },
  "anteil-unter-15-bg": { label: "Anteil der unter 15-Jährigen bei bulgarischen Staatsangehörigen", unit: "%", district: false },
  "anteil-unter-15-ro": { label: "Anteil der unter 15-Jährigen bei rumänischen Staatsangehörigen", unit: "%", district: false },
} as const satisfies Record<string, { label: string; unit: string; district: boolean }>;
export type CityIndicator = keyof typeof CITY_INDICATORS;

/** How a shared target (Gesamtzielperspektive, /ziele) combines the cities' values. */
export const AGGREGATION_LABELS: Record<"summe" | "mittelwert", string> = { summe: "Summe", mittelwert: "Mittelwert" };

/** The /wissen list filters (query keys), shared by the list page and the saved-search matcher. */
export const ARTICLE_FILTER_KEYS = ["typ", "feld", "ebene", "stadt"] as const;
