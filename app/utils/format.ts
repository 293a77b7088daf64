const dateFmt = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" });
const dateTimeFmt = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" });
const numFmt = new Intl.NumberFormat("de-DE");
const euroFmt = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const isoDayFmt = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" });

/** Formatted strings by input: list pages format the same few dates over and over (bounded, cleared when full). */
const dateMemo = new Map<string, string>();

/** `2013-01-31` or a Date/ISO timestamp → `31.01.2013`. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "keine Angabe";
  if (typeof value === "string") {
    const known = dateMemo.get(value);
    if (known !== undefined) return known;
  }
  const d = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value) : value;
  const out = Number.isNaN(d.getTime()) ? String(value) : dateFmt.format(d);
  if (typeof value === "string") {
    if (dateMemo.size >= 5000) dateMemo.clear();
    dateMemo.set(value, out);
  }
  return out;
}
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "keine Angabe";
  const d = typeof value === "string" ? new Date(value) : value;
  return dateTimeFmt.format(d);
}
export const formatNumber = (n: number) => numFmt.format(n);
export const formatEuro = (n: number) => euroFmt.format(n);
export const formatPercent = (fraction: number) => `${numFmt.format(Math.round(fraction * 1000) / 10)} %`;

/** Today's date in Berlin as `YYYY-MM-DD` (for "due for review" comparisons). */
export function todayIso(now = new Date()): string {
  return isoDayFmt.format(now);
}

/** Reference date of a city figure: ISO date → `31.12.2012`, year → `2012`, none → `ohne Stichtag`. */
export function formatFigureDate(asOf: string | null | undefined): string {
  if (!asOf) return "ohne Stichtag";
  if (/^\d{4}$/.test(asOf)) return asOf;
  return formatDate(asOf);
}

/**
 * A city figure the way its source says it: the source's words when given ("über die Hälfte"), otherwise
 * qualifier + number + unit ("über 70 %", "etwa 3.200 Personen", "6.173 Personen").
 */
export function formatFigure(f: { value: number; unit: string; qualifier: string; displayText?: string | null }): string {
  if (f.displayText) return f.displayText;
  const words: Record<string, string> = { etwa: "etwa", ueber: "über", "mehr-als": "mehr als", "etwas-ueber": "etwas über" };
  const q = words[f.qualifier];
  return [q, formatNumber(f.value), f.unit].filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
}
