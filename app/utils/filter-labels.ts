// Saved searches described in German ("Handlungsfeld: Gesundheit, Status: laufend"), never as raw query keys.
import { PROJECT_STATUS } from "~/components/projekte/labels";
import { FORDERUNG_STATUS } from "~/components/forderungen/labels";
import { ARTICLE_TYPES, EBENEN, FONDS, HANDLUNGSFELDER } from "~/utils/taxonomy";

const KEY_LABELS: Record<string, string> = {
  typ: "Art",
  feld: "Handlungsfeld",
  ebene: "Ebene",
  stadt: "Stadt",
  status: "Status",
  fonds: "Fonds",
  programm: "Programm",
  von: "ab Jahr",
  bis: "bis Jahr",
  partner: "Partnersuche",
  ls: "Lösungsszenario",
  zeit: "Zeitraum",
  q: "Suchbegriff",
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  typ: ARTICLE_TYPES,
  feld: HANDLUNGSFELDER,
  ebene: EBENEN,
  fonds: FONDS,
  partner: { "1": "ja", on: "ja" },
  zeit: { vergangen: "vergangene Termine" },
};

/** "dortmund" → "Dortmund", "muelheim-an-der-ruhr" → "Mülheim an der Ruhr" (city and programme slugs). */
function slugTitle(slug: string): string {
  return slug
    .split("-")
    .map((w) => (["an", "der", "am", "im", "und"].includes(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ")
    .replace(/ae/g, "ä")
    .replace(/oe/g, "ö")
    .replace(/ue/g, "ü");
}

/** The status words of each list that has a status filter. */
export const STATUS_LABELS = { projekte: PROJECT_STATUS, forderungen: FORDERUNG_STATUS } as const;

export function describeFilterQuery(query: string, all: string, status: Record<string, string> = {}): string {
  const parts = [...new URLSearchParams(query).entries()].map(([k, v]) => {
    const key = KEY_LABELS[k] ?? k;
    const value = (k === "status" ? status[v] : VALUE_LABELS[k]?.[v]) ?? (k === "stadt" || k === "programm" ? slugTitle(v) : k === "ls" ? `LS ${v}` : v);
    return `${key}: ${value}`;
  });
  return parts.join(", ") || all;
}
