import { and, asc, desc, eq, inArray, like, sql } from "drizzle-orm";
import { cities, cityFigures, searchDocuments, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { removeSearchDocs, upsertSearchDocs } from "~/services/search/documents.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import type { AllianceStatus } from "~/utils/taxonomy";

export function listCities(db: Executor) {
  return db
    .select({ id: cities.id, slug: cities.slug, name: cities.name, land: cities.land, allianceStatus: cities.allianceStatus, description: cities.description })
    .from(cities)
    .orderBy(sql`case ${cities.allianceStatus} when 'mitglied' then 0 else 1 end`, asc(cities.name))
    .all();
}

export function getCityBySlug(db: Executor, slug: string) {
  const city = db.select().from(cities).where(eq(cities.slug, slug)).get();
  if (!city) return null;
  const figures = db.select().from(cityFigures).where(eq(cityFigures.cityId, city.id)).orderBy(asc(cityFigures.sort), asc(cityFigures.id)).all();
  return { ...city, figures };
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

/** Deletes a city. Users of the city keep their account (city becomes empty). */
export function deleteCity(db: DB, actorId: string, id: number) {
  db.transaction((tx) => {
    const before = tx.select({ slug: cities.slug }).from(cities).where(eq(cities.id, id)).get();
    tx.delete(cities).where(eq(cities.id, id)).run();
    if (before) removeSearchDocs(tx, [`stadt:${before.slug}`]);
    audit(tx, { actorId, action: "city.delete", entityType: "city", entityId: id });
  });
}

export function countCityUsers(db: Executor, id: number) {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.cityId, id)).get()?.n ?? 0;
}

// ---- search index and city page data (Entwicklungsdatenbank feature)

/** Writes the city's search document (`stadt:<slug>`, public). */
export function indexCity(db: Executor, id: number) {
  const c = db.select().from(cities).where(eq(cities.id, id)).get();
  if (!c) return;
  const figures = db.select({ label: cityFigures.label, value: cityFigures.value, unit: cityFigures.unit }).from(cityFigures).where(eq(cityFigures.cityId, id)).all();
  upsertSearchDocs(db, [
    {
      id: `stadt:${c.slug}`,
      typ: "stadt",
      slug: c.slug,
      url: `/staedte/${c.slug}`,
      title: c.name,
      summary: c.description,
      body: [c.land, c.contact, ...figures.map((f) => `${f.label}: ${f.value} ${f.unit}`)].filter(Boolean).join("\n"),
      staedte: [c.slug],
      visibility: "public",
    },
  ]);
}

export function indexAllCities(db: DB) {
  db.transaction((tx) => {
    for (const c of tx.select({ id: cities.id }).from(cities).all()) indexCity(tx, c.id);
  });
}

function docsForCity(db: Executor, slug: string, viewer: Viewer, typ: "wissen" | "forum", subtype: string, statuses?: string[]) {
  const rows = db
    .select({ slug: searchDocuments.slug, url: searchDocuments.url, title: searchDocuments.title, summary: searchDocuments.summary, status: searchDocuments.status, staedte: searchDocuments.staedte })
    .from(searchDocuments)
    .where(
      and(
        eq(searchDocuments.typ, typ),
        eq(searchDocuments.subtype, subtype),
        inArray(searchDocuments.visibility, visibilityFor(viewer)),
        like(searchDocuments.staedte, `%"${slug}"%`),
        statuses ? inArray(searchDocuments.status, statuses) : undefined,
      ),
    )
    .orderBy(desc(searchDocuments.updatedAt))
    .limit(200)
    .all();
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

export function listCitiesWithFigures(db: Executor) {
  const all = listCities(db);
  const figures = db.select().from(cityFigures).orderBy(asc(cityFigures.sort), asc(cityFigures.id)).all();
  return all.map((c) => ({ ...c, figures: figures.filter((f) => f.cityId === c.id) }));
}
