// Demo step "Beispiel-Dateien" (issue 14): two attachments made here, never uploaded by a person – a one-page
// checklist PDF (minimalPdf) on the public article "Checkliste Anmeldung" and a CSV of the Abb. 1 figures of the
// Handlungsrahmen (Zuzüge aus Bulgarien und Rumänien 2007–2011, Destatis) on the matching facts article.
// Idempotent: a file already attached to its article under its name is left alone (and the store keeps one blob
// per content anyway). Text extraction and search indexing follow on the server's extraction timer.
import { Readable } from "node:stream";
import { and, eq, isNull } from "drizzle-orm";
import { articles, attachments, users } from "../../db/schema/index";
import type { DB } from "../../db/client";
import { discardPrepared, prepareUpload, storePrepared } from "~/models/attachment.server";
import { streamToTemp } from "~/services/files/upload.server";
import { minimalPdf } from "~/services/files/pdf";

export const DEMO_CHECKLIST = { article: "checkliste-anmeldung", name: "Checkliste-Anmeldung-zum-Ausdrucken.pdf" };
export const DEMO_CSV = { article: "fakten-zuzuege-bulgarien-rumaenien-2007-2011", name: "Zuzuege-Bulgarien-Rumaenien-2007-2011.csv" };

/** The checklist PDF: the steps of the article in short, to tick off (WinAnsi text: umlauts yes, typographic dashes no). */
export function demoChecklistPdf(): Buffer {
  return minimalPdf([
    "Checkliste Anmeldung - zum Ausdrucken und Abhaken",
    "Städtenetz Südosteuropa · Beispiel-Anhang der Demo-Installation",
    "",
    "[ ]  1. Ausweise und Urkunden für alle Familienmitglieder zusammenstellen",
    "[ ]  2. Wohnungsgeberbestätigung beim Vermieter einholen",
    "[ ]  3. Innerhalb von zwei Wochen nach Einzug beim Bürgeramt anmelden",
    "[ ]  4. Meldebescheinigung sicher aufbewahren, Kopien anfertigen",
    "[ ]  5. Namen an Briefkasten und Klingel anbringen",
    "[ ]  6. Steuer-Identifikationsnummer abwarten (kommt per Post)",
    "[ ]  7. Aufenthaltsrecht einordnen: kein Aufenthaltstitel nötig",
    "[ ]  8. Geburten in Deutschland beim Standesamt beurkunden lassen",
    "[ ]  9. Basiskonto eröffnen",
    "[ ] 10. Umzug innerhalb der Stadt binnen zwei Wochen ummelden",
    "[ ] 11. Bei Wegzug ins Ausland abmelden",
    "",
    "Ausführlich mit Zuständigkeiten: /wissen/checkliste-anmeldung",
    'Quelle: Beitrag "Checkliste Anmeldung" nach dem Handlungsrahmen',
    "Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), S. 8-9 und 36-38.",
  ]);
}

/** Abb. 1 of the Handlungsrahmen as a table: one row per year (the figure shows the years as columns). */
export const ABB1 = [
  { jahr: 2007, bulgarien: 20702, rumaenien: 43456 },
  { jahr: 2008, bulgarien: 23834, rumaenien: 47642 },
  { jahr: 2009, bulgarien: 29221, rumaenien: 57273 },
  { jahr: 2010, bulgarien: 39387, rumaenien: 74585 },
  { jahr: 2011, bulgarien: 51612, rumaenien: 95479 },
];

/** The CSV (semicolons, UTF-8): year, the two countries, their sum; the source as the last line. */
export function demoAbb1Csv(): Buffer {
  const rows = ["Jahr;Zuzüge aus Bulgarien;Zuzüge aus Rumänien;zusammen", ...ABB1.map((r) => `${r.jahr};${r.bulgarien};${r.rumaenien};${r.bulgarien + r.rumaenien}`)];
  rows.push("Quelle: Statistisches Bundesamt (Destatis), wiedergegeben im Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 31.01.2013), Abb. 1, S. 9");
  return Buffer.from(`${rows.join("\n")}\n`, "utf8");
}

async function attach(db: DB, uploaderId: string, slug: string, name: string, bytes: Buffer): Promise<"neu" | "vorhanden" | "ohne Beitrag"> {
  if (!db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()) return "ohne Beitrag";
  const existing = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.parentType, "article"), eq(attachments.parentId, slug), eq(attachments.originalName, name), isNull(attachments.deletedAt)))
    .get();
  if (existing) return "vorhanden";
  const r = await prepareUpload(db, { temp: await streamToTemp(Readable.from([bytes])), name, uploaderId });
  if (!r.ok) throw new Error(r.message);
  try {
    storePrepared(db, r.file, { uploaderId, parentType: "article", parentId: slug });
  } finally {
    discardPrepared([r.file]);
  }
  return "neu";
}

export async function seedDemoDateien(db: DB): Promise<string> {
  const author = db.select({ id: users.id }).from(users).where(eq(users.email, "redaktion@demo.staedtenetz.invalid")).get();
  if (!author) return "übersprungen (kein Demo-Redaktionskonto)";
  const pdf = await attach(db, author.id, DEMO_CHECKLIST.article, DEMO_CHECKLIST.name, demoChecklistPdf());
  const csv = await attach(db, author.id, DEMO_CSV.article, DEMO_CSV.name, demoAbb1Csv());
  return `Checkliste (PDF): ${pdf}; Abb. 1 (CSV): ${csv}`;
}
