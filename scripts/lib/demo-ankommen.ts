// Demo Anlaufstellen for Duisburg and Dortmund. They are examples for trying out the guides and the Laufzettel,
// not real offices: every name says "Beispiel" and the addresses are placeholders. Idempotent.
import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { anlaufstellen, cities } from "../../db/schema/index";
import { saveAnlaufstelle, type AnlaufstelleInput } from "../../app/models/ankommen.server";

const EXAMPLES: Record<string, AnlaufstelleInput[]> = {
  duisburg: [
    { name: "Beispiel: Bürgeramt Mitte", handlungsfeld: "soziales-miteinander", stationen: ["anmeldung"], adresse: "Beispielstraße 1\n47051 Duisburg", oeffnungszeiten: "Mo–Fr 8–12 Uhr\nDo 14–18 Uhr", telefon: "0203 000000", email: "", sprachen: ["de"], terminNoetig: true, hinweis: "Beispieleintrag der Demo-Daten." },
    { name: "Beispiel: Clearingstelle Gesundheit", handlungsfeld: "gesundheit", stationen: ["krankenversicherung"], adresse: "Beispielweg 2\n47053 Duisburg", oeffnungszeiten: "Di 9–12 Uhr\nDo 13–16 Uhr", telefon: "0203 000001", email: "", sprachen: ["de", "bg", "ro"], terminNoetig: false, hinweis: "Beispieleintrag der Demo-Daten." },
    { name: "Beispiel: Kommunales Integrationszentrum – Seiteneinstieg Schule", handlungsfeld: "kinder-bildung", stationen: ["schule-kita"], adresse: "Beispielplatz 3\n47051 Duisburg", oeffnungszeiten: "Mo–Do 9–15 Uhr", telefon: "0203 000002", email: "", sprachen: ["de", "ro", "bg"], terminNoetig: true, hinweis: "Beispieleintrag der Demo-Daten." },
  ],
  dortmund: [
    { name: "Beispiel: Anlaufstelle Nordstadt", handlungsfeld: "soziales-miteinander", stationen: ["anmeldung", "wohnen", "arbeit"], adresse: "Beispielstraße 10\n44145 Dortmund", oeffnungszeiten: "Mo, Mi, Fr 10–13 Uhr", telefon: "0231 000000", email: "", sprachen: ["de", "bg", "ro"], terminNoetig: false, hinweis: "Beispieleintrag der Demo-Daten." },
  ],
};

export function seedDemoAnlaufstellen(db: DB): string {
  let created = 0;
  for (const [slug, list] of Object.entries(EXAMPLES)) {
    const city = db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get();
    if (!city) continue;
    for (const data of list) {
      const exists = db.select({ id: anlaufstellen.id }).from(anlaufstellen).where(and(eq(anlaufstellen.cityId, city.id), eq(anlaufstellen.name, data.name))).get();
      if (exists) continue;
      saveAnlaufstelle(db, { cityId: city.id, actorId: null, data, reason: "Demo-Daten" });
      created++;
    }
  }
  return `${created} Beispiel-Anlaufstellen`;
}
