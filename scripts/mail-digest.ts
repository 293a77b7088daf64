import { cli, die } from "./lib/cli";
import { DatabaseConfigError, openDatabase, runMigrations } from "../db/client";
import { setDb } from "../app/services/db.server";

cli(
  `
Tägliche Zusammenfassung: schickt jeder Person mit der E-Mail-Einstellung „täglich“ eine E-Mail mit allen
noch nicht gemeldeten Benachrichtigungen und stellt danach alle ausstehenden E-Mails zu (SMTP_URL oder MAIL_DIR).
Idempotent: ein zweiter Lauf am selben Tag findet nichts Neues. Für einen Zeitplaner (cron, systemd-Timer), z. B. täglich 7 Uhr.

Aufruf: npm run mail:digest
Umgebung: DATABASE_URL (Standard file:./data/app.db), SMTP_URL oder MAIL_DIR, PUBLIC_URL, MAIL_FROM
`,
  {},
);

try {
  const { db } = openDatabase();
  runMigrations(db);
  setDb(db);
  const { enqueueDigests } = await import("../app/models/notification.server");
  const { deliverPendingMail } = await import("../app/services/mail.server");
  const r = enqueueDigests(db);
  let delivered = 0;
  for (;;) {
    const n = await deliverPendingMail(db);
    delivered += n;
    if (n < 200) break;
  }
  console.log(`Zusammenfassungen: ${r.users} E-Mails mit ${r.items} Benachrichtigungen; zugestellt: ${delivered} E-Mails.`);
  db.$client.close();
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Zusammenfassung fehlgeschlagen: ${(e as Error).message}`, 1);
}
