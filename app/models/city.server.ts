import { asc, eq, sql } from "drizzle-orm";
import { cities, cityFigures, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
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
    return row.id;
  });
}

export function updateCity(db: DB, actorId: string, id: number, input: Partial<CityInput>) {
  db.transaction((tx) => {
    tx.update(cities).set(input).where(eq(cities.id, id)).run();
    audit(tx, { actorId, action: "city.update", entityType: "city", entityId: id, detail: { fields: Object.keys(input) } });
  });
}

/** Deletes a city. Users of the city keep their account (city becomes empty). */
export function deleteCity(db: DB, actorId: string, id: number) {
  db.transaction((tx) => {
    tx.delete(cities).where(eq(cities.id, id)).run();
    audit(tx, { actorId, action: "city.delete", entityType: "city", entityId: id });
  });
}

export function countCityUsers(db: Executor, id: number) {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.cityId, id)).get()?.n ?? 0;
}
