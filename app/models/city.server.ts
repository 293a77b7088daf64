import { and, asc, desc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { cities, cityFigureChanges, cityFigures, forumTopics, invitations, projectCities, searchDocuments, topicConcerns, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { removeSearchDocs, upsertSearchDocs } from "~/services/search/documents.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { CITY_INDICATORS, type AllianceStatus, type CityIndicator, type FigureQualifier } from "~/utils/taxonomy";
import { formatFigure, formatFigureDate } from "~/utils/format";
import { preparedFor } from "./prepared.server";

/** Cities for lists and pickers: archived cities only with `includeArchived` (administration). */
export function listCities(db: Executor, opts: { includeArchived?: boolean } = {}) {
  return db
    .select({
      id: cities.id,
      slug: cities.slug,
      name: cities.name,
      land: cities.land,
      allianceStatus: cities.allianceStatus,
      description: cities.description,
      archivedAt: cities.archivedAt,
    })
    .from(cities)
    .where(opts.includeArchived ? undefined : isNull(cities.archivedAt))
    .orderBy(sql`case ${cities.allianceStatus} when 'mitglied' then 0 else 1 end`, asc(cities.name))
    .all();
}

export function getCityBySlug(db: Executor, slug: string) {
  const city = preparedFor(db, "city.bySlug", (db) => db.select().from(cities).where(eq(cities.slug, sql.placeholder("slug"))).prepare()).get({ slug });
  if (!city) return null;
  return { ...city, figures: listCityFigures(db, city.id) };
}

export function getCityById(db: Executor, id: number) {
  return db.select().from(cities).where(eq(cities.id, id)).get() ?? null;
}

export type CityInput = { slug: string; name: string; land: string; allianceStatus: AllianceStatus; description: string; contact: string };

export function createCity(db: DB, actorId: string, input: CityInput) {
  return db.transaction((tx) => {
    const row = tx.insert(cities).values(input).returning({ id: cities.id }).get();
    audit(tx, { actorId, action: "city.create", entityType: "city", entityId: row.id, detail: { slug: input.slug } });
    indexCity(tx, row.id);
    return row.id;
  });
}

export function updateCity(db: DB, actorId: string, id: number, input: Partial<CityInput>) {
  db.transaction((tx) => {
    const before = tx.select({ slug: cities.slug }).from(cities).where(eq(cities.id, id)).get();
    tx.update(cities).set(input).where(eq(cities.id, id)).run();
    if (before && input.slug && input.slug !== before.slug) removeSearchDocs(tx, [`stadt:${before.slug}`]);
    indexCity(tx, id);
    audit(tx, { actorId, action: "city.update", entityType: "city", entityId: id, detail: { fields: Object.keys(input) } });
  });
}

/** What still depends on a city: shown on the confirmation page; any of it means "archive, don't delete". */
export function cityDependencies(db: Executor, id: number) {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const count = sql<number>`count(*)`;
  const deps = {
    projectsLead: n(db.select({ n: count }).from(projectCities).where(and(eq(projectCities.cityId, id), eq(projectCities.role, "lead"))).get()),
    projectsPartner: n(db.select({ n: count }).from(projectCities).where(and(eq(projectCities.cityId, id), eq(projectCities.role, "partner"))).get()),
    figures: n(db.select({ n: count }).from(cityFigures).where(eq(cityFigures.cityId, id)).get()),
    figureHistory: n(db.select({ n: count }).from(cityFigureChanges).where(eq(cityFigureChanges.cityId, id)).get()),
    users: n(db.select({ n: count }).from(users).where(and(eq(users.cityId, id), isNull(users.deletedAt))).get()),
    topics: n(db.select({ n: count }).from(forumTopics).where(eq(forumTopics.cityId, id)).get()),
    concerns: n(db.select({ n: count }).from(topicConcerns).where(eq(topicConcerns.cityId, id)).get()),
    openInvitations: n(db.select({ n: count }).from(invitations).where(and(eq(invitations.cityId, id), isNull(invitations.usedAt))).get()),
  };
  return { ...deps, any: Object.values(deps).some((v) => v > 0) };
}
export type CityDependencies = ReturnType<typeof cityDependencies>;

/**
 * "Löschen" of the administration: a city that nothing depends on is deleted; a city that still has projects,
 * figures, users, topics or open invitations is archived instead (hidden from lists and pickers, restorable).
 * The RESTRICT foreign keys make sure no delete can take projects or figures with it.
 */
export function removeCity(db: DB, actorId: string, id: number): "deleted" | "archived" | "missing" {
  return db.transaction(
    (tx) => {
      const before = tx.select({ slug: cities.slug, archivedAt: cities.archivedAt }).from(cities).where(eq(cities.id, id)).get();
      if (!before) return "missing";
      const deps = cityDependencies(tx, id);
      if (deps.any) {
        if (!before.archivedAt) tx.update(cities).set({ archivedAt: new Date() }).where(eq(cities.id, id)).run();
        removeSearchDocs(tx, [`stadt:${before.slug}`]);
        const { any: _a, ...counts } = deps;
        audit(tx, { actorId, action: "city.archive", entityType: "city", entityId: id, detail: counts });
        return "archived";
      }
      tx.delete(cities).where(eq(cities.id, id)).run();
      removeSearchDocs(tx, [`stadt:${before.slug}`]);
      audit(tx, { actorId, action: "city.delete", entityType: "city", entityId: id });
      return "deleted";
    },
    { behavior: "immediate" },
  );
}

export function restoreCity(db: DB, actorId: string, id: number) {
  db.transaction(
    (tx) => {
      tx.update(cities).set({ archivedAt: null }).where(eq(cities.id, id)).run();
      indexCity(tx, id);
      audit(tx, { actorId, action: "city.restore", entityType: "city", entityId: id });
    },
    { behavior: "immediate" },
  );
}

// ---- key figures: dated, sourced series per city (issue 13)

type FigureRow = typeof cityFigures.$inferSelect;
export type FigureInput = {
  indicator: CityIndicator;
  district: string | null;
  value: number;
  qualifier: FigureQualifier;
  displayText: string | null;
  asOf: string | null;
  source: string;
  note: string;
};

const INDICATOR_ORDER = Object.keys(CITY_INDICATORS);

/** Label, unit and rendered text of one figure value, as the pages show it. */
export function describeFigure(f: FigureRow) {
  const ind = (CITY_INDICATORS as Record<string, { label: string; unit: string }>)[f.indicator] ?? { label: f.indicator, unit: "" };
  const label = f.district ? `Anteil in ${f.district}` : ind.label;
  return {
    id: f.id,
    indicator: f.indicator,
    district: f.district,
    seriesKey: f.district ? `${f.indicator}:${f.district}` : f.indicator,
    label,
    longLabel: f.district ? `${ind.label}: ${f.district}` : ind.label,
    unit: ind.unit,
    value: f.value,
    qualifier: f.qualifier,
    displayText: f.displayText,
    text: formatFigure({ value: f.value, unit: ind.unit, qualifier: f.qualifier, displayText: f.displayText }),
    asOf: f.asOf,
    asOfText: formatFigureDate(f.asOf),
    source: f.source,
    note: f.note,
  };
}
export type Figure = ReturnType<typeof describeFigure>;

/** Sort key of a reference date: undated values first (the oldest we know nothing about), then by date. */
const dateKey = (asOf: string | null) => (asOf ? (asOf.length === 4 ? `${asOf}-12-31~` : asOf) : "");

/** Indicator order of the taxonomy, series (districts) in the order they were first recorded, values by date. */
function sortFigures(rows: FigureRow[]) {
  const firstId = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.indicator}:${r.district ?? ""}`;
    firstId.set(k, Math.min(firstId.get(k) ?? Infinity, r.id));
  }
  const first = (r: FigureRow) => firstId.get(`${r.indicator}:${r.district ?? ""}`)!;
  return [...rows].sort(
    (a, b) =>
      INDICATOR_ORDER.indexOf(a.indicator) - INDICATOR_ORDER.indexOf(b.indicator) ||
      first(a) - first(b) ||
      dateKey(a.asOf).localeCompare(dateKey(b.asOf)) ||
      a.id - b.id,
  );
}

/** Every value of a city, ordered by indicator, district and reference date. */
export function listCityFigures(db: Executor, cityId: number): Figure[] {
  const stmt = preparedFor(db, "city.figures", (db) => db.select().from(cityFigures).where(eq(cityFigures.cityId, sql.placeholder("cityId"))).prepare());
  return sortFigures(stmt.all({ cityId })).map(describeFigure);
}

/** Groups values into series (one per indicator and district), values in date order; `latest` is the newest. */
export function figureSeries(figures: Figure[]) {
  const out: { key: string; indicator: string; district: string | null; label: string; longLabel: string; unit: string; values: Figure[]; latest: Figure }[] = [];
  for (const f of figures) {
    let s = out.find((x) => x.key === f.seriesKey);
    if (!s) {
      s = { key: f.seriesKey, indicator: f.indicator, district: f.district, label: f.label, longLabel: f.longLabel, unit: f.unit, values: [], latest: f };
      out.push(s);
    }
    s.values.push(f);
    s.latest = f;
  }
  return out;
}

/** The newest value of each series of a city (lists, comparison, partner matching). */
export function latestFigures(figures: Figure[]): Figure[] {
  return figureSeries(figures).map((s) => s.latest);
}

function figureSnapshot(f: FigureRow | FigureInput) {
  return {
    indicator: f.indicator,
    district: f.district,
    value: f.value,
    qualifier: f.qualifier,
    displayText: f.displayText,
    asOf: f.asOf,
    source: f.source,
    note: f.note,
  };
}

export function getFigure(db: Executor, id: number) {
  return db.select().from(cityFigures).where(eq(cityFigures.id, id)).get() ?? null;
}

/** Adds a value to a series; history row, audit entry and the city's search document in the same transaction. */
export function addCityFigure(db: Executor, actorId: string, cityId: number, input: FigureInput, reason = "") {
  return db.transaction(
    (tx) => {
      const row = tx.insert(cityFigures).values({ cityId, ...input, createdBy: actorId }).returning({ id: cityFigures.id }).get();
      tx.insert(cityFigureChanges).values({ cityId, figureId: row.id, actorId, action: "create", reason, before: null, after: figureSnapshot(input) }).run();
      audit(tx, { actorId, action: "city.figure.create", entityType: "city", entityId: cityId, detail: { figure: row.id, indicator: input.indicator } });
      indexCity(tx, cityId);
      return row.id;
    },
    { behavior: "immediate" },
  );
}

export function updateCityFigure(db: Executor, actorId: string, id: number, input: FigureInput, reason = "") {
  db.transaction(
    (tx) => {
      const before = getFigure(tx, id);
      if (!before) throw new Response("Kennzahl nicht gefunden", { status: 404 });
      tx.update(cityFigures).set(input).where(eq(cityFigures.id, id)).run();
      tx.insert(cityFigureChanges).values({ cityId: before.cityId, figureId: id, actorId, action: "update", reason, before: figureSnapshot(before), after: figureSnapshot(input) }).run();
      audit(tx, { actorId, action: "city.figure.update", entityType: "city", entityId: before.cityId, detail: { figure: id, indicator: input.indicator } });
      indexCity(tx, before.cityId);
    },
    { behavior: "immediate" },
  );
}

export function deleteCityFigure(db: Executor, actorId: string, id: number, reason = "") {
  db.transaction(
    (tx) => {
      const before = getFigure(tx, id);
      if (!before) return;
      tx.delete(cityFigures).where(eq(cityFigures.id, id)).run();
      tx.insert(cityFigureChanges).values({ cityId: before.cityId, figureId: id, actorId, action: "delete", reason, before: figureSnapshot(before), after: null }).run();
      audit(tx, { actorId, action: "city.figure.delete", entityType: "city", entityId: before.cityId, detail: { figure: id, indicator: before.indicator } });
      indexCity(tx, before.cityId);
    },
    { behavior: "immediate" },
  );
}

/** The change history of a city's figures, newest first (actor name only, no e-mail). */
export function listFigureHistory(db: Executor, cityId: number, limit = 100) {
  return db
    .select({
      id: cityFigureChanges.id,
      action: cityFigureChanges.action,
      reason: cityFigureChanges.reason,
      before: cityFigureChanges.before,
      after: cityFigureChanges.after,
      createdAt: cityFigureChanges.createdAt,
      actorName: users.name,
    })
    .from(cityFigureChanges)
    .leftJoin(users, eq(users.id, cityFigureChanges.actorId))
    .where(eq(cityFigureChanges.cityId, cityId))
    .orderBy(desc(cityFigureChanges.id))
    .limit(limit)
    .all();
}

// ---- search index and city page data (Entwicklungsdatenbank feature)

/** Writes the city's search document (`stadt:<slug>`, public). */
export function indexCity(db: Executor, id: number) {
  const c = db.select().from(cities).where(eq(cities.id, id)).get();
  if (!c) return;
  if (c.archivedAt) return; // archived cities are not searchable
  const figures = latestFigures(listCityFigures(db, id));
  upsertSearchDocs(db, [
    {
      id: `stadt:${c.slug}`,
      typ: "stadt",
      slug: c.slug,
      url: `/staedte/${c.slug}`,
      title: c.name,
      summary: c.description,
      body: [c.land, c.contact, ...figures.map((f) => `${f.longLabel}: ${f.text}`)].filter(Boolean).join("\n"),
      staedte: [c.slug],
      visibility: "public",
    },
  ]);
}

export function indexAllCities(db: DB) {
  db.transaction((tx) => {
    for (const c of tx.select({ id: cities.id }).from(cities).where(isNull(cities.archivedAt)).all()) indexCity(tx, c.id);
  });
}

function docsForCity(db: Executor, slug: string, viewer: Viewer, typ: "wissen" | "forum", subtype: string, statuses?: string[]) {
  // prepared once per shape (decision 025): typ, subtype, visibilities and statuses come from code; the city is bound
  const visibilities = visibilityFor(viewer);
  const stmt = preparedFor(db, `city.docs:${typ}:${subtype}:${visibilities.join(",")}:${statuses?.join(",") ?? ""}`, (db) =>
    db
      .select({ slug: searchDocuments.slug, url: searchDocuments.url, title: searchDocuments.title, summary: searchDocuments.summary, status: searchDocuments.status, staedte: searchDocuments.staedte })
      .from(searchDocuments)
      .where(
        and(
          eq(searchDocuments.typ, typ),
          eq(searchDocuments.subtype, subtype),
          inArray(searchDocuments.visibility, visibilities),
          like(searchDocuments.staedte, sql.placeholder("pattern")),
          statuses ? inArray(searchDocuments.status, statuses) : undefined,
        ),
      )
      .orderBy(desc(searchDocuments.updatedAt))
      .limit(200)
      .prepare(),
  );
  const rows = stmt.all({ pattern: `%"${slug}"%` });
  // the LIKE is a pre-filter; the exact check runs on the parsed list
  return rows.filter((r) => r.staedte.includes(slug)).map(({ staedte: _s, ...r }) => r);
}

/** Practices (Wissen, type praxis) that name the city, as the viewer may read them. */
export function listCityPractices(db: Executor, slug: string, viewer: Viewer) {
  return docsForCity(db, slug, viewer, "wissen", "praxis");
}

/** Open Clearingstelle questions of the city (forum topics sent to or in work at the Clearingstelle). */
export function listCityOpenQuestions(db: Executor, slug: string, viewer: Viewer) {
  return docsForCity(db, slug, viewer, "forum", "topic", ["an-clearingstelle", "in-klaerung"]);
}

/** Listed cities with the newest value of each figure series. */
export function listCitiesWithFigures(db: Executor) {
  const all = listCities(db);
  const rows = db.select().from(cityFigures).all();
  return all.map((c) => ({ ...c, figures: latestFigures(sortFigures(rows.filter((f) => f.cityId === c.id)).map(describeFigure)) }));
}
