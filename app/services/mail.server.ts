// E-mail outbox: messages are inserted in the same transaction as the change that causes them and then
// delivered: by SMTP when SMTP_URL is set, otherwise written as .eml files into MAIL_DIR (data/mail/).
import nodemailer from "nodemailer";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { and, asc, isNull, lt, eq } from "drizzle-orm";
import { mailOutbox } from "../../db/schema/index";
import type { DB, Executor } from "./db.server";
import { getEnv } from "./env.server";

export type OutgoingMail = { to: string; subject: string; text: string; headers?: Record<string, string> };

export function enqueueMail(db: Executor, mail: OutgoingMail) {
  db.insert(mailOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ?? {} }).run();
}

let smtp: nodemailer.Transporter | undefined;
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/** Absolute link from PUBLIC_URL – never from the request's Host header. */
export function publicLink(path: string): string {
  return getEnv().publicUrl + (path.startsWith("/") ? path : `/${path}`);
}

/** Delivers pending messages (max 5 attempts each). Returns the number delivered. */
export async function deliverPendingMail(db: DB): Promise<number> {
  const env = getEnv();
  const pending = db
    .select()
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, 5)))
    .orderBy(asc(mailOutbox.id))
    .limit(200)
    .all();
  let sent = 0;
  for (const m of pending) {
    const message = { from: env.MAIL_FROM, to: m.to, subject: m.subject, text: m.text, headers: m.headers };
    try {
      if (env.SMTP_URL) {
        smtp ??= nodemailer.createTransport(env.SMTP_URL);
        await smtp.sendMail(message);
      } else {
        const info = await composer.sendMail(message);
        const dir = resolve(env.MAIL_DIR);
        mkdirSync(dir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, "-");
        writeFileSync(join(dir, `${stamp}-${m.id}.eml`), info.message as Buffer);
      }
      db.update(mailOutbox).set({ sentAt: new Date(), attempts: m.attempts + 1, lastError: null }).where(eq(mailOutbox.id, m.id)).run();
      sent++;
    } catch (e) {
      db.update(mailOutbox)
        .set({ attempts: m.attempts + 1, lastError: String((e as Error).message).slice(0, 500) })
        .where(eq(mailOutbox.id, m.id))
        .run();
      console.error(`mail: Zustellung von Nachricht ${m.id} fehlgeschlagen`);
    }
  }
  return sent;
}

/** Fire-and-forget delivery after a request committed its changes. */
export function kickMailDelivery(db: DB) {
  setImmediate(() => {
    deliverPendingMail(db).catch(() => console.error("mail: Zustellung fehlgeschlagen"));
  });
}
