// Deliveries per queued mail, against a slow SMTP relay (a loopback sink): the old delivery (every request
// starts its own pass, nothing claims a row) as the baseline, measured in the same run, against the outbox
// loop (claimed rows, one loop per process, requests only wake it) with a second "process" passing alongside.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { cli, progress } from "./lib/cli";
import { startSmtpSink, type SmtpSink } from "../tests/setup/smtp-sink";

const { values } = cli(
  `
Misst, wie oft eine E-Mail beim SMTP-Relay ankommt (Zustellungen je E-Mail, Soll 1,00), für langsame Relays.
Vergleich im selben Lauf: die frühere Zustellung (jede Anfrage startet einen eigenen Durchlauf, keine Belegung)
gegen die Zustellschleife mit belegten Zeilen (eine Schleife je Prozess, Anfragen wecken sie nur), neben der
ein zweiter Prozess (zweite Datenbankverbindung) gleichzeitig zustellt.

Aufruf: npm run bench:mail -- [--mails 30] [--delays 100,800] [--gap 100] [--every-command]
  --mails          E-Mails je Messung (je eine Anfrage, die eine E-Mail einreiht und die Zustellung anstößt)
  --delays         Antwortzeiten des Relays in ms, durch Komma getrennt
  --gap            Abstand zwischen den Anfragen in ms
  --every-command  Verzögerung bei jeder SMTP-Antwort statt nur nach den Nachrichtendaten
Nur Loopback (127.0.0.1); nichts verlässt den Rechner.
`,
  { mails: { type: "string" }, delays: { type: "string" }, gap: { type: "string" }, "every-command": { type: "boolean" } },
);
const MAILS = Math.min(Math.max(Number(values.mails ?? 30) || 30, 1), 500);
const DELAYS = String(values.delays ?? "100,800")
  .split(",")
  .map((s) => Math.min(Math.max(Number(s) || 0, 0), 5000));
const GAP = Math.min(Math.max(Number(values.gap ?? 100) || 0, 0), 2000);

const sink: SmtpSink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
const { openDatabase, runMigrations } = await import("../db/client");
const { setDb } = await import("../app/services/db.server");
const mail = await import("../app/services/mail.server");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), "sn-bench-mail-"));
  const path = join(dir, "bench.db");
  const { db } = openDatabase(`file:${path}`);
  runMigrations(db);
  setDb(db);
  return { db, path, done: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** The delivery of the first release, kept here only as the baseline. */
function legacyPass(db: ReturnType<typeof freshDb>["db"], transport: nodemailer.Transporter) {
  return (async () => {
    const rows = db.$client.prepare(`SELECT id, "to", subject, text, attempts FROM mail_outbox WHERE sent_at IS NULL AND attempts < 5 ORDER BY id LIMIT 200`).all() as {
      id: number;
      to: string;
      subject: string;
      text: string;
      attempts: number;
    }[];
    for (const m of rows) {
      try {
        await transport.sendMail({ from: "bench@staedtenetz.invalid", to: m.to, subject: m.subject, text: m.text });
        db.$client.prepare(`UPDATE mail_outbox SET sent_at = ?, attempts = ? WHERE id = ?`).run(Date.now(), m.attempts + 1, m.id);
      } catch {
        db.$client.prepare(`UPDATE mail_outbox SET attempts = ? WHERE id = ?`).run(m.attempts + 1, m.id);
      }
    }
  })();
}

async function measure(kind: "alt" | "neu", delay: number) {
  const { db, path, done } = freshDb();
  sink.deliveries.length = 0;
  sink.setDelay(values["every-command"] ? delay : { END: delay });
  const started = Date.now();
  const bar = progress(`${kind} ${delay} ms`, MAILS, Math.max(1, Math.floor(MAILS / 5)));
  const transport = nodemailer.createTransport(sink.url);
  const passes: Promise<unknown>[] = [];
  const other = kind === "neu" ? openDatabase(`file:${path}`).db : null;
  for (let i = 0; i < MAILS; i++) {
    mail.enqueueMail(db, { to: `person${i}@bench.invalid`, subject: `Antwort ${i}`, text: "Neue Antwort im Thema." });
    if (kind === "alt") passes.push(legacyPass(db, transport));
    else {
      mail.kickMailDelivery(db);
      if (i === Math.floor(MAILS / 2)) passes.push(mail.deliverPendingMail(other!)); // a second process joins
    }
    bar.tick(i + 1);
    await sleep(GAP);
  }
  await Promise.all(passes);
  await mail.mailDeliveryIdle();
  if (other) {
    await mail.deliverPendingMail(other); // whatever is still due
    other.$client.close();
  }
  transport.close();
  const seconds = (Date.now() - started) / 1000;
  const deliveries = sink.deliveries.length;
  await mail.stopMailWorker();
  done();
  return { deliveries, seconds };
}

console.log(`Relay: ${values["every-command"] ? "jede Antwort" : "Antwort nach den Daten"} verzögert; ${MAILS} E-Mails, eine Anfrage alle ${GAP} ms.`);
const lines: string[] = [];
for (const delay of DELAYS) {
  const alt = await measure("alt", delay);
  const neu = await measure("neu", delay);
  lines.push(
    `Relay ${delay} ms: alt ${alt.deliveries} Zustellungen für ${MAILS} E-Mails (${(alt.deliveries / MAILS).toFixed(2)} je E-Mail, ${alt.seconds.toFixed(1)} s); ` +
      `neu ${neu.deliveries} (${(neu.deliveries / MAILS).toFixed(2)} je E-Mail, ${neu.seconds.toFixed(1)} s); ` +
      `Verhältnis neu/alt ${(neu.deliveries / Math.max(alt.deliveries, 1)).toFixed(2)}`,
  );
}
await sink.close();
for (const l of lines) console.log(l);
