// Demo targets for /ziele (issue 19), clearly marked "Beispiel": target values and dates are invented for the demo,
// the first two follow aims of the paper. Two public demo projects in Dortmund and Duisburg map an indicator to
// the "Problemimmobilien" target, so the roll-up (Summe) shows two cities. Idempotent.
import { and, eq, isNull } from "drizzle-orm";
import { projectIndicators, projects } from "../../db/schema/index";
import type { DB } from "../../app/services/db.server";
import { getZiel, saveZiel, type ZielInput } from "../../app/models/ziel.server";

const DEMO_ZIELE: ZielInput[] = [
  {
    slug: "kinder-schulplatz-sechs-wochen",
    title: "Anteil neu zugewanderter Kinder mit Schulplatz binnen 6 Wochen",
    definition:
      "Anteil der schulpflichtigen Kinder aus Bulgarien und Rumänien, die innerhalb von sechs Wochen nach der Anmeldung in der Stadt einen Schulplatz haben, an allen in diesem Zeitraum angemeldeten schulpflichtigen Kindern. Die Städte werden gemittelt (Mittelwert). Beispielziel: Zielwert und Datum sind für die Demo gesetzt.",
    unit: "%",
    aggregation: "mittelwert",
    targetValue: 90,
    targetDate: "2028-12-31",
    handlungsfeld: "kinder-bildung",
    demo: true,
  },
  {
    slug: "krankenversicherungsschutz",
    title: "Anteil mit Krankenversicherungsschutz",
    definition:
      "Anteil der in der Beratung erreichten Personen aus Bulgarien und Rumänien mit geklärtem Krankenversicherungsschutz. Die Städte werden gemittelt (Mittelwert). Beispielziel: Zielwert und Datum sind für die Demo gesetzt.",
    unit: "%",
    aggregation: "mittelwert",
    targetValue: 80,
    targetDate: "2028-12-31",
    handlungsfeld: "gesundheit",
    demo: true,
  },
  {
    slug: "problemimmobilien",
    title: "Begangene oder instand gesetzte Problemimmobilien",
    definition:
      "Zahl der Problemimmobilien, die eine städtische Task Force begangen oder deren Mängel sie beheben ließ, seit Projektbeginn. Die Städte werden addiert (Summe). Beispielziel.",
    unit: "Häuser",
    aggregation: "summe",
    targetValue: 300,
    targetDate: "2027-12-31",
    handlungsfeld: "wohnen",
    demo: true,
  },
  {
    slug: "wartezeit-schulplatz",
    title: "Wartezeit bis zum Schulplatz",
    definition: "Durchschnittliche Zahl der Tage von der Anmeldung bis zum ersten Schultag. Die Städte werden gemittelt (Mittelwert). Beispielziel.",
    unit: "Tage",
    aggregation: "mittelwert",
    targetValue: 21,
    targetDate: "2027-07-31",
    handlungsfeld: "kinder-bildung",
    demo: true,
  },
];

const DEMO_MAPPINGS: { project: string; indicator: string; ziel: string }[] = [
  { project: "Task Force Problemimmobilien Nordstadt", indicator: "Begangene Problemimmobilien", ziel: "problemimmobilien" },
  { project: "Task Force Problemimmobilien Hochfeld und Marxloh", indicator: "Häuser mit behobenen Mängeln", ziel: "problemimmobilien" },
  { project: "Schulstart Nordstadt – Seiteneinstieg ohne Wartezeit", indicator: "Wartezeit bis zum Schulplatz", ziel: "wartezeit-schulplatz" },
];

export function seedDemoZiele(db: DB) {
  let created = 0;
  for (const z of DEMO_ZIELE) {
    if (getZiel(db, z.slug)) continue;
    saveZiel(db, null, z, { reason: "Demo-Daten" });
    created++;
  }
  let mapped = 0;
  for (const m of DEMO_MAPPINGS) {
    const p = db.select({ id: projects.id }).from(projects).where(eq(projects.title, m.project)).get();
    if (!p) continue;
    const r = db
      .update(projectIndicators)
      .set({ zielSlug: m.ziel })
      .where(and(eq(projectIndicators.projectId, p.id), eq(projectIndicators.name, m.indicator), isNull(projectIndicators.zielSlug)))
      .run();
    mapped += r.changes;
  }
  return `${created} Ziele angelegt, ${mapped} Indikatoren zugeordnet`;
}
