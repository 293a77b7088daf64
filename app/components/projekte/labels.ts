// Labels and small isomorphic helpers of the Entwicklungsdatenbank (shared by routes, components and exports).
export const PROJECT_STATUS = {
  idee: "Idee",
  "in-vorbereitung": "In Vorbereitung",
  beantragt: "Beantragt",
  bewilligt: "Bewilligt",
  laufend: "Laufend",
  abgeschlossen: "Abgeschlossen",
  abgebrochen: "Abgebrochen",
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUS;

export const PROJECT_VISIBILITY = { public: "Öffentlich", members: "Nur für Mitglieder" } as const;

export function statusBadgeClass(status: string) {
  if (status === "abgebrochen") return "badge badge--fail";
  if (status === "abgeschlossen" || status === "bewilligt" || status === "laufend") return "badge badge--ok";
  if (status === "beantragt") return "badge badge--warn";
  return "badge";
}

/** Sort keys of the table view. */
export const PROJECT_SORTS = { aktualisiert: "Letzte Aktualisierung", budget: "Budget", start: "Beginn", titel: "Titel" } as const;
export type ProjectSort = keyof typeof PROJECT_SORTS;
