// Audiences of events (Veranstaltungen), including courts, police and health (issue 19).
export const TERMIN_ZIELGRUPPEN = {
  kommunen: "Kommunale Fachkräfte",
  traeger: "Freie Träger und Vereine",
  justiz: "Gerichte und Staatsanwaltschaften",
  polizei: "Polizei und Ordnungsdienste",
  gesundheit: "Gesundheitswesen (Ärzteschaft, Kliniken, Gesundheitsämter)",
  bildung: "Schule und Kita",
  arbeit: "Jobcenter und Arbeitsagenturen",
  politik: "Politik und Verwaltungsspitze",
  oeffentlichkeit: "Interessierte Öffentlichkeit",
} as const;
export type TerminZielgruppe = keyof typeof TERMIN_ZIELGRUPPEN;
