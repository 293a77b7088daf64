// Gesamtzielperspektive (issue 19): shared targets, the project indicators mapped to them, and the roll-up
// across cities (decision 019). Each city contributes one value per target: the latest values of its (lead)
// projects' mapped indicators, combined with the target's aggregation; the cities are then combined the same way.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { projectCities, projectIndicators, projects, ziele, ZIEL_AGGREGATION_KEYS } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { recordRevision } from "~/models/revision.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { listCities } from "~/models/city.server";
import { cleanLine, cleanText } from "~/utils/text-hygiene";

export type ZielAggregation = (typeof ZIEL_AGGREGATION_KEYS)[number];
import { AGGREGATION_LABELS } from "~/utils/taxonomy";
export { AGGREGATION_LABELS };

export type ZielInput = {
  slug: string;
  title: string;
  definition: string;
  unit: string;
  aggregation: ZielAggregation;
  targetValue: number | null;
  targetDate: string | null;
  handlungsfeld: string;
  demo?: boolean;
};

export function listZiele(db: Executor) {
  return db.select().from(ziele).orderBy(asc(ziele.title)).all();
}

export function getZiel(db: Executor, slug: string) {
  return db.select().from(ziele).where(eq(ziele.slug, slug)).get() ?? null;
}

/** Options for the project form's select: slug + title + unit. */
export function zielOptions(db: Executor) {
  return db.select({ slug: ziele.slug, title: ziele.title, unit: ziele.unit }).from(ziele).orderBy(asc(ziele.title)).all();
}

/** Model-side check of `project_indicators.ziel_slug` (there is no FK): unknown slugs are an error for the form. */
export function unknownZielSlugs(db: Executor, slugs: (string | null | undefined)[]): string[] {
  const wanted = [...new Set(slugs.filter((s): s is string => !!s))];
  if (!wanted.length) return [];
  const known = new Set(db.select({ slug: ziele.slug }).from(ziele).where(inArray(ziele.slug, wanted)).all().map((z) => z.slug));
  return wanted.filter((s) => !known.has(s));
}

export function aggregate(values: number[], how: ZielAggregation): number | null {
  if (!values.length) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return how === "summe" ? sum : sum / values.length;
}

export type CityReport = {
  city: { id: number; slug: string; name: string; land: string };
  value: number;
  latestDate: string | null;
  projects: { slug: string; title: string; indicator: string; value: number; date: string | null }[];
};

/** The roll-up of one target for a viewer: only indicators of projects the viewer may read count. */
export function zielRollup(db: Executor, slug: string, viewer: Viewer) {
  const ziel = getZiel(db, slug);
  if (!ziel) return null;
  const rows = db
    .select({
      projectSlug: projects.slug,
      projectTitle: projects.title,
      indicator: projectIndicators.name,
      value: projectIndicators.current,
      date: projectIndicators.currentDate,
      cityId: projectCities.cityId,
    })
    .from(projectIndicators)
    .innerJoin(projects, eq(projects.id, projectIndicators.projectId))
    .innerJoin(projectCities, and(eq(projectCities.projectId, projects.id), eq(projectCities.role, "lead")))
    .where(and(eq(projectIndicators.zielSlug, slug), isNotNull(projectIndicators.current), inArray(projects.visibility, visibilityFor(viewer))))
    .orderBy(asc(projects.title))
    .all();
  const allCities = listCities(db);
  const byCity = new Map<number, CityReport>();
  for (const r of rows) {
    const c = allCities.find((x) => x.id === r.cityId);
    if (!c || r.value == null) continue;
    const rep = byCity.get(c.id) ?? { city: { id: c.id, slug: c.slug, name: c.name, land: c.land }, value: 0, latestDate: null, projects: [] };
    rep.projects.push({ slug: r.projectSlug, title: r.projectTitle, indicator: r.indicator, value: r.value, date: r.date });
    if (r.date && (!rep.latestDate || r.date > rep.latestDate)) rep.latestDate = r.date;
    byCity.set(c.id, rep);
  }
  const reporting = [...byCity.values()]
    .map((rep) => ({ ...rep, value: aggregate(rep.projects.map((p) => p.value), ziel.aggregation) ?? 0 }))
    .sort((a, b) => a.city.name.localeCompare(b.city.name, "de"));
  const missing = allCities
    .filter((c) => !byCity.has(c.id))
    .map((c) => ({ id: c.id, slug: c.slug, name: c.name, land: c.land }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  return { ziel, reporting, missing, total: aggregate(reporting.map((r) => r.value), ziel.aggregation) };
}

/** Overview: every target with its current roll-up and the number of reporting cities. */
export function listZieleWithRollup(db: Executor, viewer: Viewer) {
  return listZiele(db).map((z) => {
    const r = zielRollup(db, z.slug, viewer)!;
    return { ...z, total: r.total, reportingCount: r.reporting.length, cityCount: r.reporting.length + r.missing.length };
  });
}

function clean(input: ZielInput): ZielInput {
  return {
    ...input,
    slug: cleanLine(input.slug),
    title: cleanLine(input.title),
    definition: cleanText(input.definition),
    unit: cleanLine(input.unit),
    handlungsfeld: cleanLine(input.handlungsfeld),
  };
}

function revisionBody(z: ZielInput) {
  return [
    `# ${z.title}`,
    "",
    z.definition,
    "",
    `Einheit: ${z.unit}`,
    `Aggregation: ${AGGREGATION_LABELS[z.aggregation]}`,
    `Zielwert: ${z.targetValue ?? "–"} bis ${z.targetDate ?? "–"}`,
    `Handlungsfeld: ${z.handlungsfeld}`,
  ].join("\n");
}

/** Create or update a target (Redaktion; the caller checks `ziel.manage`). One transaction: row, revision, audit. */
export function saveZiel(db: Executor, actorId: string | null, raw: ZielInput, opts: { reason?: string } = {}) {
  const input = clean(raw);
  return db.transaction((tx) => {
    const existing = tx.select().from(ziele).where(eq(ziele.slug, input.slug)).get();
    const values = {
      title: input.title,
      definition: input.definition,
      unit: input.unit,
      aggregation: input.aggregation,
      targetValue: input.targetValue,
      targetDate: input.targetDate,
      handlungsfeld: input.handlungsfeld,
      demo: input.demo ?? existing?.demo ?? false,
    };
    let id: number;
    if (existing) {
      tx.update(ziele).set(values).where(eq(ziele.id, existing.id)).run();
      id = existing.id;
    } else {
      id = tx.insert(ziele).values({ slug: input.slug, createdBy: actorId, ...values }).returning({ id: ziele.id }).get().id;
    }
    recordRevision(tx, { entityType: "ziel", entityId: id, authorId: actorId, reason: opts.reason ?? (existing ? "Geändert" : "Angelegt"), body: revisionBody(input), meta: { aggregation: input.aggregation, unit: input.unit } });
    audit(tx, { actorId, action: existing ? "ziel.update" : "ziel.create", entityType: "ziel", entityId: id, detail: { slug: input.slug } });
    return { id, created: !existing };
  });
}

/** Map (or unmap, with null) one project indicator to a target. Validates the slug; audit entry. */
export function mapIndicator(db: DB, actorId: string | null, indicatorId: number, zielSlug: string | null) {
  if (zielSlug && unknownZielSlugs(db, [zielSlug]).length) throw new Error(`Unbekanntes Ziel: ${zielSlug}`);
  return db.transaction((tx) => {
    const row = tx.select({ id: projectIndicators.id, projectId: projectIndicators.projectId }).from(projectIndicators).where(eq(projectIndicators.id, indicatorId)).get();
    if (!row) return false;
    tx.update(projectIndicators).set({ zielSlug }).where(eq(projectIndicators.id, indicatorId)).run();
    audit(tx, { actorId, action: "ziel.map", entityType: "project", entityId: row.projectId, detail: { indicator: indicatorId, ziel: zielSlug } });
    return true;
  });
}

