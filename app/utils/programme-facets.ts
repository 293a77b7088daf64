// Facet filtering for the funding list (/foerderung). Pure and isomorphic: the loader filters with it, the
// page builds its chips with it, tests call it directly. Within a facet values are OR-ed, facets are AND-ed.
import { ANTRAGSBERECHTIGT, EBENEN, FONDS, HANDLUNGSFELDER, PROGRAMME_STATUS } from "./taxonomy";

export type Deadline = { bezeichnung: string; datum: string };

/** What the list, the facets and the finder need of a programme. */
export type FacetProgramme = {
  slug: string;
  title: string;
  kurz: string;
  fonds: keyof typeof FONDS;
  geber: string;
  ebene: keyof typeof EBENEN;
  antragsberechtigt: string[];
  handlungsfelder: string[];
  foerderquote: number | null;
  eigenanteil: number | null;
  kofinanzierung: string | null;
  laufzeitVon: string | null;
  laufzeitBis: string | null;
  status: keyof typeof PROGRAMME_STATUS;
  summary: string;
  stand: string | null;
  pruefenBis: string | null;
  fristen: Deadline[];
};

export const FRIST_OPTIONS = [30, 90, 180, 365] as const;

export type ProgrammeFilters = {
  fonds: string[];
  feld: string[];
  wer: string[];
  ebene: string[];
  status: string[];
  frist: number | null;
};

export const FACETS = [
  { key: "fonds", legend: "Fonds", options: FONDS },
  { key: "feld", legend: "Handlungsfeld", options: HANDLUNGSFELDER },
  { key: "wer", legend: "Antragsberechtigt", options: ANTRAGSBERECHTIGT },
  { key: "ebene", legend: "Ebene", options: EBENEN },
  { key: "status", legend: "Status", options: PROGRAMME_STATUS },
] as const;
export type FacetKey = (typeof FACETS)[number]["key"];

/** Reads the filters from the URL; unknown values are dropped (never echoed). */
export function parseFilters(params: URLSearchParams): ProgrammeFilters {
  const pick = (key: string, allowed: Record<string, string>) => [...new Set(params.getAll(key).filter((v) => Object.hasOwn(allowed, v)))];
  const fristRaw = Number(params.get("frist"));
  return {
    fonds: pick("fonds", FONDS),
    feld: pick("feld", HANDLUNGSFELDER),
    wer: pick("wer", ANTRAGSBERECHTIGT),
    ebene: pick("ebene", EBENEN),
    status: pick("status", PROGRAMME_STATUS),
    frist: Number.isInteger(fristRaw) && fristRaw > 0 && fristRaw <= 3650 ? fristRaw : null,
  };
}

export function filtersToParams(f: ProgrammeFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const { key } of FACETS) for (const v of f[key]) p.append(key, v);
  if (f.frist) p.set("frist", String(f.frist));
  return p;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isStale = (p: { pruefenBis: string | null }, today: string) => !!p.pruefenBis && p.pruefenBis < today;

/** Deadlines from today on, earliest first. */
export const upcomingDeadlines = (p: { fristen: Deadline[] }, today: string) =>
  p.fristen.filter((f) => f.datum >= today).sort((a, b) => a.datum.localeCompare(b.datum));

function matchesFacet(p: FacetProgramme, key: FacetKey, values: string[]): boolean {
  if (values.length === 0) return true;
  switch (key) {
    case "fonds":
      return values.includes(p.fonds);
    case "ebene":
      return values.includes(p.ebene);
    case "status":
      return values.includes(p.status);
    case "feld":
      return p.handlungsfelder.some((h) => values.includes(h));
    case "wer":
      return p.antragsberechtigt.some((a) => values.includes(a));
  }
}

/** The last day of "Frist in den nächsten N Tagen" (one Date per window, not one per programme and count). */
const untilCache = new Map<string, string>();
function fristUntil(today: string, days: number): string {
  const key = `${today}+${days}`;
  let until = untilCache.get(key);
  if (until === undefined) {
    if (untilCache.size > 64) untilCache.clear();
    until = addDays(today, days);
    untilCache.set(key, until);
  }
  return until;
}

function matchesFrist(p: FacetProgramme, days: number | null, today: string) {
  if (!days) return true;
  const until = fristUntil(today, days);
  return p.fristen.some((f) => f.datum >= today && f.datum <= until);
}

export function applyFilters(list: FacetProgramme[], f: ProgrammeFilters, today: string): FacetProgramme[] {
  return list.filter((p) => FACETS.every(({ key }) => matchesFacet(p, key, f[key])) && matchesFrist(p, f.frist, today));
}

/**
 * Count per facet value: how many programmes would match if this value were the facet's only choice,
 * given all other active facets (the usual "drill sideways" count).
 */
export function facetCounts(list: FacetProgramme[], f: ProgrammeFilters, today: string) {
  const counts = {} as Record<FacetKey, Record<string, number>>;
  for (const { key, options } of FACETS) {
    const others = list.filter(
      (p) => FACETS.every((o) => o.key === key || matchesFacet(p, o.key, f[o.key])) && matchesFrist(p, f.frist, today),
    );
    counts[key] = {};
    for (const v of Object.keys(options)) counts[key][v] = others.filter((p) => matchesFacet(p, key, [v])).length;
  }
  const base = list.filter((p) => FACETS.every(({ key }) => matchesFacet(p, key, f[key])));
  const frist: Record<string, number> = {};
  for (const d of FRIST_OPTIONS) frist[d] = base.filter((p) => matchesFrist(p, d, today)).length;
  return { ...counts, frist };
}

export type Chip = { label: string; removeHref: string };

/** Active filters as removable chips: each links to the same list without that one value. */
export function activeChips(f: ProgrammeFilters, path = "/foerderung"): Chip[] {
  const chips: Chip[] = [];
  const href = (next: ProgrammeFilters) => {
    const q = filtersToParams(next).toString();
    return q ? `${path}?${q}` : path;
  };
  for (const { key, legend, options } of FACETS) {
    for (const v of f[key]) {
      chips.push({
        label: `${legend}: ${(options as Record<string, string>)[v] ?? v}`,
        removeHref: href({ ...f, [key]: f[key].filter((x) => x !== v) }),
      });
    }
  }
  if (f.frist) chips.push({ label: `Frist in ${f.frist} Tagen`, removeHref: href({ ...f, frist: null }) });
  return chips;
}

/** A parsed content file as a FacetProgramme (tests and previews; the database yields the same shape). */
export function facetProgrammeFromFrontmatter(
  slug: string,
  d: {
    title: string; kurz: string; fonds: FacetProgramme["fonds"]; geber: string; ebene: FacetProgramme["ebene"];
    antragsberechtigt: string[]; handlungsfelder: string[]; foerderquote?: number; eigenanteil?: number; kofinanzierung?: string;
    laufzeit_von?: string; laufzeit_bis?: string; status: FacetProgramme["status"]; summary: string; stand?: string; pruefen_bis?: string;
    fristen?: Deadline[];
  },
): FacetProgramme {
  return {
    slug,
    title: d.title,
    kurz: d.kurz,
    fonds: d.fonds,
    geber: d.geber,
    ebene: d.ebene,
    antragsberechtigt: d.antragsberechtigt,
    handlungsfelder: d.handlungsfelder,
    foerderquote: d.foerderquote ?? null,
    eigenanteil: d.eigenanteil ?? null,
    kofinanzierung: d.kofinanzierung || null,
    laufzeitVon: d.laufzeit_von ?? null,
    laufzeitBis: d.laufzeit_bis ?? null,
    status: d.status,
    summary: d.summary,
    stand: d.stand ?? null,
    pruefenBis: d.pruefen_bis ?? null,
    fristen: [...(d.fristen ?? [])].sort((a, b) => a.datum.localeCompare(b.datum)),
  };
}
