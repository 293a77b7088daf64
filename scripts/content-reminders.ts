import { cli, die } from "./lib/cli";
import { DatabaseConfigError, openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";

const { values } = cli(
  `
Prüf-Erinnerungen: erinnert die Verantwortlichen jedes Beitrags und Förderprogramms 30 Tage vor „prüfen bis“
und noch einmal, wenn die Prüfung überfällig ist – als Benachrichtigung auf der Website und per E-Mail nach
ihrer Einstellung (sofort oder in der täglichen Zusammenfassung). Team-Einträge („redaktion“) erinnern alle in der
Redaktion; ist das Konto der verantwortlichen Person gesperrt, geht die Erinnerung an die Vertretung (sonst an alle). Jede Erinnerung kommt
höchstens einmal je Eintrag, Schwelle und Prüfdatum: ein zweiter Lauf am selben Tag verschickt nichts.
Danach werden ausstehende E-Mails zugestellt (SMTP_URL oder MAIL_DIR). Für einen täglichen Zeitplaner.

Aufruf: npm run content:reminders [-- --datum JJJJ-MM-TT]
  --datum   so rechnen, als wäre heute dieser Tag (zum Ausprobieren; Standard: heute)
Umgebung: DATABASE_URL (Standard file:./data/app.db), SMTP_URL oder MAIL_DIR, PUBLIC_URL, MAIL_FROM
`,
  { datum: { type: "string" } },
);

let now = new Date();
if (values.datum) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.datum) || Number.isNaN(Date.parse(`${values.datum}T12:00:00Z`))) die("--datum muss ein Datum im Format JJJJ-MM-TT sein.");
  now = new Date(`${values.datum}T12:00:00Z`);
}

try {
  const { db } = openDatabase();
  runMigrations(db);
  setDb(db);
  const { runReviewReminders, mailTarget } = await import("../app/models/review.server");
  const { deliverPendingMail } = await import("../app/services/mail.server");
  console.log(`Prüf-Erinnerungen für ${now.toISOString().slice(0, 10)} …`);
  const r = runReviewReminders(db, now);
  const delivered = (await deliverPendingMail(db)).sent; // one pass delivers every mail that is due
  console.log(
    `Geprüft: ${r.checked} fällige Einträge; Erinnerungen: ${r.sent} (${r.vorab} vorab, ${r.ueberfaellig} überfällig, ${r.veraltet} veraltete Übersetzungen) an ${r.notifications} Empfänger; zugestellt: ${delivered} E-Mails (${mailTarget()}).`,
  );
  db.$client.close();
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Prüf-Erinnerungen fehlgeschlagen: ${(e as Error).message}`, 1);
}
