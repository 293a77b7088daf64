// "Passende Städte": suggests partner cities for a project that looks for partners (ITI with 3–5 cities).
// Pure and deterministic: the caller loads the data, this module only scores and explains.
//
// Score of a candidate city =
//   2 points per Handlungsfeld of the project that the city also works on in its own projects
//   + 0.5 points per matching project (at most 3 counted per field, so one busy city does not drown the rest)
//   + 1 point per Handlungsfeld the city discusses in forum topics about it (counts for cities without projects)
//   + up to 3 points for similar key figures (mean similarity 1 - |a-b| / max(a,b) over the figure keys both
//     cities have recorded; only figures with a similarity ≥ 0.5 count as "similar").
// A city needs at least one reason (a shared field or a similar figure) to be suggested. The lead city and
// cities that already take part are never suggested.

export type MatchFigure = { key: string; label: string; value: number };
export type MatchCity = {
  slug: string;
  name: string;
  figures: MatchFigure[];
  /** Handlungsfelder of each project the city leads or takes part in (readable by the viewer) */
  projects: { handlungsfelder: string[] }[];
  /** Handlungsfelder of forum topics about the city (readable by the viewer) – evidence without own projects */
  topics?: { handlungsfelder: string[] }[];
};
export type MatchProject = { handlungsfelder: string[]; leadCitySlug: string | null; partnerCitySlugs: string[] };

export type Suggestion = {
  slug: string;
  name: string;
  score: number;
  sharedFields: { field: string; projects: number }[];
  forumFields: { field: string; topics: number }[];
  similarFigures: { key: string; label: string; own: number; theirs: number; similarity: number }[];
  reasons: string[];
};

export const FIGURE_SIMILARITY_THRESHOLD = 0.5;

export function figureSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  const m = Math.max(Math.abs(a), Math.abs(b));
  if (m === 0) return 1;
  return Math.max(0, 1 - Math.abs(a - b) / m);
}

const fmt = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

export function suggestPartners(
  project: MatchProject,
  leadFigures: MatchFigure[],
  candidates: MatchCity[],
  opts: { fieldLabel?: (slug: string) => string; limit?: number } = {},
): Suggestion[] {
  const label = opts.fieldLabel ?? ((s: string) => s);
  const excluded = new Set([project.leadCitySlug, ...project.partnerCitySlugs].filter(Boolean) as string[]);
  const own = new Map(leadFigures.map((f) => [f.key, f]));
  const out: Suggestion[] = [];
  for (const city of candidates) {
    if (excluded.has(city.slug)) continue;
    const sharedFields: Suggestion["sharedFields"] = [];
    for (const field of project.handlungsfelder) {
      const n = city.projects.filter((p) => p.handlungsfelder.includes(field)).length;
      if (n > 0) sharedFields.push({ field, projects: n });
    }
    const forumFields: Suggestion["forumFields"] = [];
    for (const field of project.handlungsfelder) {
      if (sharedFields.some((f) => f.field === field)) continue;
      const n = (city.topics ?? []).filter((t) => t.handlungsfelder.includes(field)).length;
      if (n > 0) forumFields.push({ field, topics: n });
    }
    const compared: Suggestion["similarFigures"] = [];
    for (const f of city.figures) {
      const mine = own.get(f.key);
      if (!mine) continue;
      compared.push({ key: f.key, label: mine.label, own: mine.value, theirs: f.value, similarity: figureSimilarity(mine.value, f.value) });
    }
    const similarFigures = compared.filter((c) => c.similarity >= FIGURE_SIMILARITY_THRESHOLD);
    if (sharedFields.length === 0 && forumFields.length === 0 && similarFigures.length === 0) continue;
    const meanSim = compared.length ? compared.reduce((s, c) => s + c.similarity, 0) / compared.length : 0;
    const score =
      sharedFields.length * 2 +
      sharedFields.reduce((s, f) => s + Math.min(f.projects, 3) * 0.5, 0) +
      forumFields.length +
      (similarFigures.length ? meanSim * 3 : 0);
    const reasons: string[] = [];
    for (const f of sharedFields) {
      reasons.push(`${city.name} arbeitet im Handlungsfeld „${label(f.field)}“ (${f.projects} ${f.projects === 1 ? "Projekt" : "Projekte"}).`);
    }
    for (const f of forumFields) {
      reasons.push(`Im Forum geht es bei ${city.name} um das Handlungsfeld „${label(f.field)}“ (${f.topics} ${f.topics === 1 ? "Thema" : "Themen"}).`);
    }
    if (city.projects.length === 0) reasons.push(`${city.name} hat noch keine eigenen Projekte erfasst.`);
    for (const f of similarFigures) {
      reasons.push(`Ähnliche Kennzahl „${f.label}“: ${fmt.format(f.theirs)} gegenüber ${fmt.format(f.own)} (Ähnlichkeit ${Math.round(f.similarity * 100)} %).`);
    }
    out.push({ slug: city.slug, name: city.name, score: Math.round(score * 100) / 100, sharedFields, forumFields, similarFigures, reasons });
  }
  out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "de"));
  return opts.limit ? out.slice(0, opts.limit) : out;
}
