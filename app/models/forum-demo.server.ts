// Demo threads for the forum (scripts/lib/demo.ts, step "Forum-Beispiele"): the paper's open questions in
// our own words, with at least one question in every Clearingstelle state. Idempotent by topic title.
// Uses the demo accounts of db/seed.ts (DEMO_ACCOUNTS); without them the step is skipped.
import { eq } from "drizzle-orm";
import { forumTopics, users } from "../../db/schema/index";
import type { DB } from "~/services/db.server";
import { acceptAnswer, createPost, createTopic, ensureCategories, getCategory, type Actor } from "./forum.server";
import { assignClearing, settleClearing, submitToClearing, toggleConcern } from "./clearing.server";
import { todayIso } from "~/utils/format";

type Key = "redaktion" | "koordDortmund" | "koordDuisburg" | "mitgliedDortmund" | "mitgliedDuisburg" | "moderation";
const EMAIL: Record<Key, string> = {
  redaktion: "redaktion@demo.staedtenetz.invalid",
  moderation: "moderation@demo.staedtenetz.invalid",
  koordDortmund: "koordination.dortmund@demo.staedtenetz.invalid",
  koordDuisburg: "koordination.duisburg@demo.staedtenetz.invalid",
  mitgliedDortmund: "mitglied.dortmund@demo.staedtenetz.invalid",
  mitgliedDuisburg: "mitglied.duisburg@demo.staedtenetz.invalid",
};

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Thread = {
  category: string;
  title: string;
  author: Key;
  body: string;
  felder?: string[];
  staedte?: string[];
  replies: { by: Key; body: string; replyTo?: number }[];
  accept?: number;
  clearing?: { submit: Key; concern?: Key[]; assign?: { dueInDays: number }; settle?: { outcome: "geklaert" | "abgelehnt"; reason: string } };
};

/** Appended to every demo topic so nobody mistakes it for a real case. */
export const DEMO_TOPIC_NOTE = "\n\n_Beispielbeitrag der Demo-Installation – kein echter Fall._";

const THREADS: Thread[] = [
  {
    category: "gesundheit",
    title: "Krankenversicherung für EU-Bürgerinnen ohne Beschäftigung: Wer ist zuständig?",
    author: "mitgliedDuisburg",
    body: `In unserer Beratung kommen viele Familien aus Rumänien, die weder eine Europäische Krankenversicherungskarte noch eine Versicherung in Deutschland haben. Die Krankenkassen verweisen auf das Herkunftsland, das Herkunftsland auf Deutschland.

Wie stellt ihr in euren Städten den Versicherungsschutz her? Gibt es eine Absprache mit einer Kasse, die die Mitgliedschaft prüft, ohne gleich hohe Beitragsrückstände festzusetzen?

Hintergrund: [[gesundheit-krankenversicherungsschutz-herstellen]]`,
    replies: [
      {
        by: "mitgliedDortmund",
        body: `Wir klären zuerst, ob im Herkunftsland noch ein Versicherungsverhältnis besteht (Bescheinigung über die Kasse dort). Wenn nicht, prüft unsere Clearingstelle Gesundheit den Zugang zur Auffangversicherung bzw. zum Basistarif.

Wichtig war für uns eine feste Ansprechperson bei der Kasse. Mehr dazu: /wissen/gesundheit-krankenkassen-basistarif-niederschlagung`,
      },
      { by: "mitgliedDuisburg", body: "Danke, das hilft. Die Frage nach den Beitragsrückständen bleibt aber offen – das kann keine Stadt allein lösen.", replyTo: 2 },
    ],
    clearing: {
      submit: "koordDuisburg",
      concern: ["koordDortmund"],
      assign: { dueInDays: 14 },
      settle: {
        outcome: "geklaert",
        reason:
          "Geklärt ist das Vorgehen, nicht der Anspruch: Ob nicht erwerbstätige Unionsbürgerinnen und -bürger ohne Versicherung im Herkunftsland unter die Auffang-Versicherungspflicht (§ 5 Abs. 1 Nr. 13 SGB V) fallen, ist im Einzelfall strittig – § 5 Abs. 11 SGB V nimmt sie aus, wenn ihr Aufenthaltsrecht nach § 4 FreizügG/EU einen eigenen Krankenversicherungsschutz voraussetzt. Deshalb: zuerst die Versicherung im Herkunftsland klären, dann die Mitgliedschaft bei einer Kasse schriftlich beantragen und eine Ablehnung mit Unterstützung der Beratung prüfen lassen. Beitragsrückstände können die Kassen auf Antrag ermäßigen (§ 256a SGB V); die Clearingstelle hat dafür eine Musterbegründung abgestimmt. Ansprechpartner in den Kassen vermittelt die Landeskoordinierungsstelle. Siehe /wissen/checkliste-gesundheit.",
      },
    },
  },
  {
    category: "soziales-miteinander",
    title: "Kindergeld: Die Familienkasse verlangt Bescheinigungen aus dem Herkunftsland",
    author: "koordDortmund",
    felder: ["soziales-miteinander", "arbeitsmarkt"],
    body: `Mehrere Familien warten seit Monaten auf Kindergeld, weil die Familienkasse Bescheinigungen über Familienleistungen aus Bulgarien verlangt. Die Familien wissen oft nicht, bei welcher Stelle sie diese bekommen.

Gibt es eine abgestimmte Liste, welche Nachweise ausreichen? Siehe auch [[glossar-kindergeld]].`,
    replies: [
      { by: "mitgliedDuisburg", body: "Bei uns dasselbe. Wir helfen mit einem zweisprachigen Musterschreiben an die bulgarische Behörde, aber die Bearbeitungszeiten bleiben lang." },
    ],
    clearing: { submit: "koordDortmund", concern: ["koordDuisburg"], assign: { dueInDays: -5 } },
  },
  {
    category: "kinder-bildung",
    title: "Schulanmeldung, wenn die Meldebescheinigung fehlt",
    author: "mitgliedDortmund",
    body: `Einige Kinder leben seit Wochen in der Stadt, sind aber noch nicht gemeldet, weil der Mietvertrag fehlt. Die Schule möchte die Meldebescheinigung sehen.

Die Schulpflicht hängt am gewöhnlichen Aufenthalt, nicht an der Meldung – so verstehe ich [[glossar-schulpflicht]]. Wie handhabt ihr das mit den Schulämtern?`,
    replies: [{ by: "koordDuisburg", body: "Wir haben mit dem Schulamt vereinbart, dass eine Bestätigung der Beratungsstelle über den Aufenthalt vorläufig reicht. Schriftlich festgehalten ist das aber nicht." }],
    clearing: { submit: "koordDortmund", concern: ["koordDuisburg"] },
  },
  {
    category: "wohnen",
    title: "Problemimmobilien: Wie arbeiten Bauordnung, Ordnungsamt und Beratung zusammen?",
    author: "koordDuisburg",
    body: `Wir stellen gerade eine ämterübergreifende Gruppe für überbelegte Häuser zusammen. Was hat sich bei euch bewährt: gemeinsame Begehungen, feste Termine, ein gemeinsames Protokoll?

Unsere bisherigen Erfahrungen stehen unter /wissen/wohnen-task-force-problemimmobilien.`,
    replies: [
      { by: "mitgliedDortmund", body: "Bei uns wirkt vor allem, dass die Beratung **vor** der Räumung kommt: Die Bewohnerinnen und Bewohner bekommen Hilfe bei der Wohnungssuche, bevor das Haus geschlossen wird." },
      { by: "koordDortmund", body: "Zusätzlich: Eigentümerinnen und Eigentümer früh anschreiben und Fristen setzen. Ohne Fristen ändert sich nichts." },
    ],
    accept: 2,
  },
  {
    category: "zusammenarbeit",
    title: "Können wir einen gemeinsamen Dolmetscherpool für alle Städte finanzieren?",
    author: "mitgliedDuisburg",
    body: "Jede Stadt baut ihren eigenen Pool mit Sprachmittlerinnen für Bulgarisch und Romanes auf. Wäre ein gemeinsamer Pool über die Clearingstelle möglich?",
    replies: [{ by: "mitgliedDortmund", body: "Gute Idee – aber die Abrechnung läuft bei uns über den kommunalen Haushalt, das wäre schwierig." }],
    clearing: {
      submit: "koordDuisburg",
      assign: { dueInDays: 30 },
      settle: {
        outcome: "abgelehnt",
        reason: "Die Clearingstelle klärt Rechts- und Verfahrensfragen, sie finanziert keine Angebote. Der Vorschlag geht an den Arbeitskreis der Städte, der gemeinsame Förderanträge abstimmt.",
      },
    },
  },
  {
    category: "clearingstelle",
    title: "Vorbereitung des nächsten Arbeitskreises der Städte",
    author: "redaktion",
    body: "Bitte sammelt hier Themen, die ihr im nächsten Arbeitskreis besprechen wollt. Dieser Bereich ist nur für Mitglieder sichtbar.",
    replies: [{ by: "koordDortmund", body: "Von uns: gemeinsame Auswertung der Schulanmeldungen des letzten Halbjahres." }],
  },
];

export async function seedForumDemo(db: DB): Promise<string> {
  ensureCategories(db);
  const actors = {} as Record<Key, Actor>;
  for (const [key, email] of Object.entries(EMAIL) as [Key, string][]) {
    const u = db.select({ id: users.id, name: users.name, role: users.role, cityId: users.cityId }).from(users).where(eq(users.email, email)).get();
    if (!u) return "übersprungen (Demo-Konten fehlen)";
    actors[key] = u;
  }
  const today = todayIso();
  let created = 0;
  for (const t of THREADS) {
    if (db.select({ id: forumTopics.id }).from(forumTopics).where(eq(forumTopics.title, t.title)).get()) continue;
    const author = actors[t.author];
    const category = getCategory(db, t.category, { id: author.id, role: author.role, cityId: author.cityId });
    if (!category) continue;
    const id = createTopic(db, { category, title: t.title, raw: t.body + DEMO_TOPIC_NOTE, handlungsfelder: t.felder ?? [], staedte: t.staedte ?? [] }, author);
    for (const r of t.replies) createPost(db, { topicId: id, raw: r.body, replyTo: r.replyTo ?? null }, actors[r.by]);
    if (t.accept) acceptAnswer(db, id, t.accept, author);
    if (t.clearing) {
      submitToClearing(db, id, "", actors[t.clearing.submit]);
      for (const k of t.clearing.concern ?? []) toggleConcern(db, id, actors[k]);
      if (t.clearing.assign) assignClearing(db, id, { assigneeId: actors.redaktion.id, dueDate: addDays(today, t.clearing.assign.dueInDays), note: "" }, actors.redaktion);
      if (t.clearing.settle) settleClearing(db, id, t.clearing.settle, actors.redaktion);
    }
    created++;
  }
  return `${created} Themen angelegt`;
}
