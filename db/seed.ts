import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { cities, cityFigures, users } from "./schema/index";
import { SEED_CITIES } from "./seed-data";
import type { DB } from "./client";
import { createUser } from "~/models/user.server";
import type { Role } from "~/utils/taxonomy";

/**
 * Upserts the alliance cities and adds the paper's key figures that are missing (a series value is matched by
 * city, indicator, district and source; values maintained on the web are never replaced). Idempotent.
 */
export function seedCities(db: DB) {
  let created = 0;
  db.transaction((tx) => {
    for (const c of SEED_CITIES) {
      let row = tx.select({ id: cities.id }).from(cities).where(eq(cities.slug, c.slug)).get();
      if (!row) {
        row = tx.insert(cities).values({ slug: c.slug, name: c.name, allianceStatus: c.allianceStatus, description: c.description }).returning({ id: cities.id }).get();
        created++;
      }
      for (const f of c.figures) {
        const exists = tx
          .select({ id: cityFigures.id })
          .from(cityFigures)
          .where(
            and(
              eq(cityFigures.cityId, row.id),
              eq(cityFigures.indicator, f.indicator),
              f.district ? eq(cityFigures.district, f.district) : isNull(cityFigures.district),
              eq(cityFigures.source, f.source),
            ),
          )
          .get();
        if (exists) continue;
        tx.insert(cityFigures)
          .values({
            cityId: row.id,
            indicator: f.indicator,
            district: f.district ?? null,
            value: f.value,
            qualifier: f.qualifier ?? "genau",
            displayText: f.displayText ?? null,
            asOf: f.asOf,
            source: f.source,
            note: f.note ?? "",
          })
          .run();
      }
    }
  });
  return { created, total: SEED_CITIES.length };
}

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; city?: string }[] = [
  { email: "admin@demo.staedtenetz.invalid", name: "Alex Admin (Demo)", role: "admin" },
  { email: "redaktion@demo.staedtenetz.invalid", name: "Rita Redaktion (Demo)", role: "redaktion" },
  { email: "moderation@demo.staedtenetz.invalid", name: "Moritz Moderation (Demo)", role: "moderation" },
  { email: "koordination.dortmund@demo.staedtenetz.invalid", name: "Kai Koordination Dortmund (Demo)", role: "koordination", city: "dortmund" },
  { email: "koordination.duisburg@demo.staedtenetz.invalid", name: "Kim Koordination Duisburg (Demo)", role: "koordination", city: "duisburg" },
  { email: "mitglied.dortmund@demo.staedtenetz.invalid", name: "Mia Mitglied Dortmund (Demo)", role: "mitglied", city: "dortmund" },
  { email: "mitglied.duisburg@demo.staedtenetz.invalid", name: "Max Mitglied Duisburg (Demo)", role: "mitglied", city: "duisburg" },
];

/** Creates the demo accounts that do not exist yet. `password` fixed (tests) or random per account. */
export async function seedDemoUsers(db: DB, password?: (email: string) => string) {
  const created: { email: string; password: string; role: Role; city?: string }[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, a.email)).get()) continue;
    const cityId = a.city ? db.select({ id: cities.id }).from(cities).where(eq(cities.slug, a.city)).get()?.id ?? null : null;
    const pw = password ? password(a.email) : `demo-${randomBytes(9).toString("base64url")}`;
    await createUser(db, { email: a.email, name: a.name, password: pw, role: a.role, cityId });
    created.push({ email: a.email, password: pw, role: a.role, city: a.city });
  }
  return created;
}
