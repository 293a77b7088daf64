// List filters of /projekte, shared by the list and the exports ("filters carry into the export links").
import { FONDS, HANDLUNGSFELDER } from "~/utils/taxonomy";
import { PROJECT_SORTS, PROJECT_STATUS, type ProjectSort } from "./labels";

export type Filters = {
  stadt?: string;
  status?: string;
  feld?: string;
  fonds?: string;
  programm?: string;
  von?: number;
  bis?: number;
  partner?: boolean;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

/** Unknown values are dropped (never an error): a hand-edited URL still shows a list. */
export function parseFilters(sp: URLSearchParams): Filters {
  const f: Filters = {};
  const stadt = sp.get("stadt");
  if (stadt && SLUG.test(stadt)) f.stadt = stadt;
  const status = sp.get("status");
  if (status && status in PROJECT_STATUS) f.status = status;
  const feld = sp.get("feld");
  if (feld && feld in HANDLUNGSFELDER) f.feld = feld;
  const fonds = sp.get("fonds");
  if (fonds && fonds in FONDS) f.fonds = fonds;
  const programm = sp.get("programm");
  if (programm && SLUG.test(programm)) f.programm = programm;
  const von = year(sp.get("von"));
  if (von) f.von = von;
  const bis = year(sp.get("bis"));
  if (bis) f.bis = bis;
  if (sp.get("partner") === "1" || sp.get("partner") === "on") f.partner = true;
  return f;
}

export function filtersToQuery(f: Filters, extra: Record<string, string | undefined> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === false) continue;
    sp.set(k, v === true ? "1" : String(v));
  }
  for (const [k, v] of Object.entries(extra)) if (v) sp.set(k, v);
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export function parseSort(sp: URLSearchParams): { sort: ProjectSort; dir: "asc" | "desc" } {
  const s = sp.get("sort");
  const sort = (s && s in PROJECT_SORTS ? s : "aktualisiert") as ProjectSort;
  const d = sp.get("richtung");
  const dir = d === "asc" || d === "desc" ? d : sort === "titel" ? "asc" : "desc";
  return { sort, dir };
}
