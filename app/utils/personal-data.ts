// Personal-data guardrail for forum posts: finds likely case details about a person before publishing.
// Pure and isomorphic. It only warns (the author can confirm and post anyway), so it leans towards
// precision: professional text about groups, offices and procedures must not trigger it.

export type PersonalDataKind = "iban" | "geburtsdatum" | "versicherungsnummer" | "ausweisnummer" | "name-adresse" | "gesundheit";
export type PersonalDataFinding = { kind: PersonalDataKind; label: string; excerpt: string };

const LABELS: Record<PersonalDataKind, string> = {
  iban: "Kontonummer (IBAN)",
  geburtsdatum: "Geburtsdatum",
  versicherungsnummer: "Versicherungs- oder Sozialversicherungsnummer",
  ausweisnummer: "Ausweis-, Pass- oder Steuernummer",
  "name-adresse": "Name zusammen mit einer Anschrift",
  gesundheit: "Gesundheitsangabe zu einer namentlich genannten Person",
};

const UPPER = "A-ZÄÖÜ";
const LOWER = "a-zäöüßăâîșțşţéèáíóúčšžćđ";
const NAME_WORD = `[${UPPER}][${LOWER}]+(?:-[${UPPER}][${LOWER}]+)?`;
/** "Frau Popescu", "Herrn Ivan Petrov", "Familie D." – a person named after a salutation. */
const SALUTATION_NAME = new RegExp(`\\b(?:Frau|Herrn?|Familie|Fr\\.|Hr\\.)\\s+(?:${NAME_WORD}\\s+)?(?:${NAME_WORD}|[${UPPER}]\\.)`, "gu");
/** "Maria P. (34)", "Ionut Dumitru, 12 Jahre" – a first name with initial/surname plus an age. */
const NAME_WITH_AGE = new RegExp(`\\b${NAME_WORD}\\s+(?:[${UPPER}]\\.|${NAME_WORD})\\s*(?:\\(\\s*\\d{1,2}\\s*\\)|,\\s*\\d{1,2}\\s+(?:Jahre|J\\.))`, "gu");
const STREET = new RegExp(
  `\\b[${UPPER}][${LOWER}-]*(?:straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)\\s+\\d{1,4}\\s?[a-z]?\\b`,
  "gu",
);
const POSTCODE_CITY = new RegExp(`\\b\\d{5}\\s+${NAME_WORD}`, "gu");
const DATE = String.raw`(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(?:19|20)\d{2})`;
const BIRTH = new RegExp(String.raw`(?:\bgeb(?:oren)?\.?(?:\s+am)?|\bGeburtsdatum:?|\bGeb\.-Dat(?:um|\.)?:?|\*)\s*${DATE}`, "giu");
const HEALTH = new RegExp(
  String.raw`\b(?:Diagnose\w*|diagnostiziert|HIV|Hepatitis|Tuberkulose|TBC|schwanger\w*|Schwangerschaft|Krebs\w*|Tumor|Diabetes|Depression\w*|psychisch\w*|Psychose|Psychiatrie|Schizophren\w*|Sucht\w*|drogenabhängig|alkoholabhängig|Behinderung|behindert\w*|Epilepsie|Dialyse|Chemotherapie|Fehlgeburt|Entbindung|Krankenhausaufenthalt|stationär|operiert|erkrankt|Erkrankung)\b`,
  "giu",
);
const INSURANCE_KEYWORD = /\b(?:Sozialversicherungsnummer|Rentenversicherungsnummer|Versicherungsnummer|Versichertennummer|Krankenversichertennummer|SV-Nummer|SV-Nr\.?|KV-Nummer|KVNR|BG-Nummer|Bedarfsgemeinschaftsnummer)\b[:\s]*([A-Z0-9][A-Z0-9 \-/]{5,20}\d)/giu;
const RV_NUMBER = /\b\d{2}\s?\d{6}\s?[A-Z]\s?\d{3}\b/g; // Rentenversicherungsnummer 12 345678 A 123
const KV_NUMBER = /\b[A-Z]\d{9}\b/g; // Krankenversichertennummer A123456789
const BG_NUMBER = /\b\d{5}BG\d{7}\b/g; // Jobcenter Bedarfsgemeinschaft
const ID_KEYWORD = /\b(?:Ausweisnummer|Personalausweisnummer|Personalausweis-Nr\.?|Passnummer|Reisepassnummer|Pass-Nr\.?|Steuer-?ID|Steueridentifikationsnummer|Identifikationsnummer|Aufenthaltstitel-Nr\.?|CNP|EGN|Personennummer)\b[:\s]*([A-Z0-9][A-Z0-9 ]{5,14}[A-Z0-9])/giu;
const CNP = /\b[1-8]\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{6}\b/g; // Romanian personal numeric code (13 digits)
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g;

function ibanValid(candidate: string): boolean {
  const s = candidate.replace(/\s+/g, "").toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 20);
  const end = Math.min(text.length, index + length + 20);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ").trim()}${end < text.length ? "…" : ""}`;
}

function matches(re: RegExp, text: string) {
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

/** Returns the likely personal case details in `text` (Markdown or plain), at most one finding per kind. */
export function detectPersonalData(text: string): PersonalDataFinding[] {
  // Code blocks and quotes of other posts are still text the author publishes, so they are checked too.
  const found = new Map<PersonalDataKind, PersonalDataFinding>();
  const add = (kind: PersonalDataKind, index: number, length: number) => {
    if (!found.has(kind)) found.set(kind, { kind, label: LABELS[kind], excerpt: excerpt(text, index, length) });
  };

  for (const m of matches(IBAN, text)) if (ibanValid(m[0])) add("iban", m.index!, m[0].length);
  for (const m of matches(BIRTH, text)) add("geburtsdatum", m.index!, m[0].length);
  for (const m of matches(INSURANCE_KEYWORD, text)) add("versicherungsnummer", m.index!, m[0].length);
  for (const re of [RV_NUMBER, KV_NUMBER, BG_NUMBER]) for (const m of matches(re, text)) add("versicherungsnummer", m.index!, m[0].length);
  for (const m of matches(ID_KEYWORD, text)) if (/\d/.test(m[1])) add("ausweisnummer", m.index!, m[0].length);
  for (const m of matches(CNP, text)) add("ausweisnummer", m.index!, m[0].length);

  const names = [...matches(SALUTATION_NAME, text), ...matches(NAME_WITH_AGE, text)];
  if (names.length > 0) {
    const addresses = [...matches(STREET, text), ...matches(POSTCODE_CITY, text)];
    const a = addresses[0];
    if (a) add("name-adresse", a.index!, a[0].length);
    // A health detail within the same paragraph-sized window as a named person. Both lists are in text order,
    // so one merge-like pass finds the nearest name (linear, not names × health words).
    const nameAt = names.map((n) => n.index!).sort((x, y) => x - y);
    let j = 0;
    for (const h of matches(HEALTH, text)) {
      const at = h.index!;
      while (j + 1 < nameAt.length && nameAt[j + 1] <= at) j++;
      const near = Math.abs(nameAt[j] - at) < 240 || (j + 1 < nameAt.length && Math.abs(nameAt[j + 1] - at) < 240);
      if (near) {
        add("gesundheit", at, h[0].length);
        break;
      }
    }
  }
  return [...found.values()];
}
