// Partners beyond NRW (issue 19): one invented, clearly marked partner city in another Land, so a demo
// installation shows the city list grouped by Land and a comparison across Länder. Never in production data.
import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cities } from "../../db/schema/index";
import { indexCity } from "../../app/models/city.server";

export const DEMO_OUTSIDE_NRW = {
  slug: "musterstadt-demo",
  name: "Musterstadt (Demo)",
  land: "Sachsen",
  allianceStatus: "interessiert" as const,
  description: "Erfundene Partnerstadt außerhalb von Nordrhein-Westfalen, nur in Demo-Datenbanken: zeigt die Städteliste nach Ländern und den Vergleich über Ländergrenzen.",
  contact: "",
};

export function seedDemoOutsideNrw(db: DB): string {
  return db.transaction((tx) => {
    if (tx.select({ id: cities.id }).from(cities).where(eq(cities.slug, DEMO_OUTSIDE_NRW.slug)).get()) return "vorhanden";
    const row = tx.insert(cities).values(DEMO_OUTSIDE_NRW).returning({ id: cities.id }).get();
    indexCity(tx, row.id);
    return `${DEMO_OUTSIDE_NRW.name}, ${DEMO_OUTSIDE_NRW.land}`;
  });
}
