import { cli, die } from "./lib/cli";
import { DatabaseConfigError, openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";

cli(
  `
Tägliche Zusammenfassung: schickt jeder Person mit der E-Mail-Einstellung „täglich“ eine E-Mail mit allen
noch nicht gemeldeten Benachrichtigungen und stellt danach alle fälligen E-Mails zu (SMTP_URL oder MAIL_DIR).

Einmal pro Tag (Ortszeit Europe/Berlin): der Lauf belegt den Tag in der Datenbank (Tabelle daily_job_runs),
dieselbe Belegung, die der Server zur Stunde DIGEST_HOUR nutzt. Laufen Server und cron beide, versendet nur
einer; ein zweiter Aufruf am selben Tag meldet „bereits versandt“ und stellt nur noch fällige E-Mails zu.
Wer nur cron nutzen will, setzt für den Server DIGEST_HOUR=off.

Aufruf: npm run mail:digest
Umgebung: DATABASE_URL (Standard file:./data/app.db), SMTP_URL oder MAIL_DIR, PUBLIC_URL, MAIL_FROM
Exit-Code: 0 bei Erfolg (auch „bereits versandt“ oder „läuft gerade anderswo“), 1 bei einem Fehler.
`,
  {},
);

try {
  const { db } = openDatabase();
  runMigrations(db);
  setDb(db);
  const { enqueueDigests } = await import("../app/models/notification.server");
  const { deliverPendingMail } = await import("../app/services/mail.server");
  const { runDailyJob } = await import("../app/services/scheduler.server");
  const outcome = await runDailyJob(db, { name: "mail-digest", run: (d) => enqueueDigests(d).users });
  // Delivered by this one pass below (no background loop in a script).
  if (outcome.status === "ran") console.log(`Zusammenfassungen für ${outcome.day}: ${outcome.count ?? 0} E-Mails eingereiht.`);
  else if (outcome.status === "done") console.log(`Die Zusammenfassung für ${outcome.day} wurde bereits versandt (${outcome.count ?? 0} E-Mails).`);
  else if (outcome.status === "busy") console.log(`Die Zusammenfassung für ${outcome.day} läuft gerade in einem anderen Prozess.`);
  console.log("Stelle fällige E-Mails zu …");
  const r = await deliverPendingMail(db);
  console.log(`Zugestellt: ${r.sent}; erneut geplant: ${r.retry}; endgültig fehlgeschlagen: ${r.failed}.`);
  db.$client.close();
  if (outcome.status === "failed") die(`Zusammenfassung fehlgeschlagen: ${outcome.error}`, 1);
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Zusammenfassung fehlgeschlagen: ${(e as Error).message}`, 1);
}
