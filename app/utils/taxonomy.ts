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
