// Demo step "Beispiel-Fristen": a clearly marked, invented funding call whose deadlines lie in the future
// relative to the day of seeding, so a new demo installation shows a working deadline calendar (home page,
// /foerderung/fristen.ics). Never part of content/ – the corpus carries only real, sourced deadlines.
import { eq } from "drizzle-orm";
import { programmes, users } from "../../db/schema/index";
import type { DB } from "../../db/client";
import { getProgramme, saveProgramme } from "~/models/programme.server";
import type { ProgrammeFrontmatter } from "~/services/content/frontmatter";

export const DEMO_PROGRAMME_SLUG = "beispiel-foerderaufruf-demo";

function isoPlusDays(now: Date, days: number) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Front matter of the example call, dated relative to `now`. Every visible text says "Beispiel". */
export function demoProgramme(now: Date): ProgrammeFrontmatter {
  return {
    title: "Beispiel: Förderaufruf „Ankommen im Quartier“ (nur Demo-Installation, kein echtes Programm)",
    kurz: "Beispiel-Aufruf (Demo)",
    fonds: "sonstige",
    geber: "Beispiel – kein echter Fördergeber",
    ebene: "land",
    antragsberechtigt: ["kommune", "freier-traeger"],
    handlungsfelder: ["soziales-miteinander", "zusammenarbeit"],
    ausschluss: ["Beispiel: Dieser Aufruf existiert nicht; Anträge sind nicht möglich."],
    fristen: [
      { bezeichnung: "Beispiel – Interessenbekundung (Demo)", datum: isoPlusDays(now, 30) },
      { bezeichnung: "Beispiel – Antrag (Demo)", datum: isoPlusDays(now, 75) },
    ],
    laufzeit_von: isoPlusDays(now, 0),
    laufzeit_bis: isoPlusDays(now, 730),
    status: "offen",
    summary:
      "Nur in der Demo-Installation: ein erfundener Förderaufruf, damit Startseite und Fristenkalender mit Beispieldaten gezeigt werden können. Es gibt ihn nicht – bitte nicht beantragen.",
    stand: isoPlusDays(now, 0),
    pruefen_bis: isoPlusDays(now, 182),
    quellen: ["Beispiel der Demo-Installation (keine Quelle)"],
  };
}

const BODY = `> **Beispiel:** Dieser Eintrag gehört zu den Demo-Daten. Er zeigt, wie Fristen auf der Startseite, in der Liste
> „Frist in den nächsten 90 Tagen“ und im Kalender-Abonnement erscheinen. Die Daten werden beim Anlegen der Demo aus dem
> aktuellen Datum berechnet.

## Antrag & Nachweis

Kein Antrag möglich – das Programm ist erfunden. Echte Programme mit veröffentlichten Fristen stehen in der Liste „Förderung“.`;

/**
 * Creates the example call, or moves its deadlines into the future again when all of them have passed
 * (a demo database seeded long ago). One transaction; idempotent.
 */
export function seedDemoDeadlines(db: DB, now = new Date()): string {
  const today = isoPlusDays(now, 0);
  const existing = getProgramme(db, DEMO_PROGRAMME_SLUG);
  if (existing && existing.fristen.some((f) => f.datum >= today)) return "vorhanden (Fristen liegen in der Zukunft)";
  const author = db.select({ id: users.id }).from(users).where(eq(users.email, "redaktion@demo.staedtenetz.invalid")).get();
  if (!author) return "übersprungen (Demo-Konten fehlen)";
  const data = demoProgramme(now);
  db.transaction((tx) => {
    saveProgramme(tx, {
      slug: DEMO_PROGRAMME_SLUG,
      data,
      body: BODY,
      authorId: author.id,
      reason: existing ? "Demo-Daten: Beispiel-Fristen in die Zukunft verschoben" : "Demo-Daten: Beispiel-Fristen",
      create: !existing,
    });
  });
  const count = db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, DEMO_PROGRAMME_SLUG)).all().length;
  return `${count} Beispiel-Aufruf mit Fristen am ${data.fristen!.map((f) => f.datum).join(" und ")}`;
}
