// In-site notifications and the e-mails that follow them. Rules against e-mail floods:
//  - never notify a user of their own action, one notification per user and event (deduplicated);
//  - the user's preference decides the e-mail: "sofort" (one mail per event), "taeglich" (one digest a day,
//    scripts/mail-digest.ts), "nie" (in-site only);
//  - every mail carries a signed one-click unsubscribe link and the List-Unsubscribe(-Post) headers (RFC 8058).
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { notifications, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { enqueueMail, kickMailDelivery, publicLink } from "~/services/mail.server";
import { signPayload, verifySignedPayload } from "~/services/tokens.server";
import { audit } from "~/services/audit.server";

export type NotificationInput = {
  kind: "antwort" | "erwaehnung" | "neues-thema" | "clearing" | "loesung" | "vorschlag" | "pruefung" | "abo" | "frist" | "bewertung" | "projekt";
  topicId: number | null;
  postNumber?: number | null;
  actorId: string | null;
  message: string;
  url: string;
};

const SITE = "Städtenetz Südosteuropa";

/** Unsubscribe links stay valid for a year (old mails keep working); after that "Mein Konto" does the same. */
export const UNSUBSCRIBE_TTL_MS = 365 * 86_400_000;

export function unsubscribeToken(userId: string): string {
  return signPayload("abbestellen", userId, { ttlMs: UNSUBSCRIBE_TTL_MS });
}

/** The user id of a valid unsubscribe token, or null for a forged, expired, malformed or other-purpose one. */
export function verifyUnsubscribeToken(token: string): string | null {
  return verifySignedPayload(token, "abbestellen");
}

function mailHeaders(userId: string) {
  const link = publicLink(`/abbestellen/${unsubscribeToken(userId)}`);
  return { link, headers: { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}

function footer(link: string) {
  return [
    "",
    "-- ",
    `Diese Nachricht kommt vom ${SITE}. Einstellungen: ${publicLink("/konto")}`,
    `Keine E-Mails mehr erhalten (ein Klick, ohne Anmeldung): ${link}`,
  ].join("\n");
}

/**
 * Records notifications for `userIds` (minus the actor, deleted and disabled accounts) and enqueues
 * the immediate e-mails – call inside the transaction of the change, then kickMailDelivery(db).
 */
export function notify(tx: Executor, userIds: Iterable<string>, n: NotificationInput): number {
  const ids = [...new Set(userIds)].filter((id) => id && id !== n.actorId);
  if (ids.length === 0) return 0;
  const recipients = tx
    .select({ id: users.id, email: users.email, pref: users.emailPref })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt), isNull(users.disabledAt)))
    .all();
  for (const r of recipients) {
    const mailState = r.pref === "sofort" ? "sent" : r.pref === "taeglich" ? "pending" : "none";
    tx.insert(notifications)
      .values({ userId: r.id, kind: n.kind, topicId: n.topicId, postNumber: n.postNumber ?? null, actorId: n.actorId, message: n.message, url: n.url, mailState })
      .run();
    if (r.pref === "sofort") {
      const { link, headers } = mailHeaders(r.id);
      enqueueMail(tx, {
        to: r.email,
        subject: `[${SITE}] ${n.message}`.slice(0, 200),
        text: [`${n.message}`, "", `Zum Beitrag: ${publicLink(n.url)}`, footer(link)].join("\n"),
        headers,
      });
    }
  }
  return recipients.length;
}

export function countUnread(db: Executor, userId: string): number {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

export function listNotifications(db: Executor, userId: string, opts: { page?: number; perPage?: number } = {}) {
  const perPage = opts.perPage ?? 30;
  const page = Math.max(1, opts.page ?? 1);
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      url: notifications.url,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: users.name,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  const total = db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)).get()?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** Marks one notification read and returns its target URL (null when it is not the user's). */
export function openNotification(db: Executor, userId: string, id: number): string | null {
  const row = db.select({ url: notifications.url }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).get();
  if (!row) return null;
  db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), isNull(notifications.readAt))).run();
  return row.url;
}

export function markAllRead(db: Executor, userId: string) {
  db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).run();
}

export function setEmailPref(db: Executor, userId: string, pref: "sofort" | "taeglich" | "nie") {
  db.update(users).set({ emailPref: pref }).where(eq(users.id, userId)).run();
  if (pref !== "taeglich") {
    // Nothing waits for a digest any more.
    db.update(notifications).set({ mailState: "none" }).where(and(eq(notifications.userId, userId), eq(notifications.mailState, "pending"))).run();
  }
}

/** One-click unsubscribe: e-mail preference "nie". Returns false for an unknown or deleted account. */
export function unsubscribe(db: DB, userId: string): boolean {
  const u = db.select({ id: users.id, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId)).get();
  if (!u || u.deletedAt) return false;
  db.transaction((tx) => {
    setEmailPref(tx, userId, "nie");
    audit(tx, { actorId: userId, action: "user.unsubscribe", entityType: "user", entityId: userId });
  });
  return true;
}

/**
 * Daily digest: one e-mail per user with preference "taeglich" and pending notifications; marks them sent in
 * the same transaction as that user's mail, so a run that is interrupted and resumed never sends twice.
 * Returns the number of digests enqueued. Idempotent: a second run finds nothing pending. Scheduled once a
 * day by runDigestJob (server schedule at DIGEST_HOUR, or `npm run mail:digest`).
 */
export function enqueueDigests(db: DB): { users: number; items: number } {
  let usersDone = 0;
  let items = 0;
  const pendingUsers = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.mailState, "pending"))
    .all();
  for (const { userId } of pendingUsers) {
    db.transaction(
      (tx) => {
        const u = tx.select({ email: users.email, pref: users.emailPref, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId)).get();
        const rows = tx
          .select({ id: notifications.id, message: notifications.message, url: notifications.url })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.mailState, "pending")))
          .orderBy(notifications.id)
          .all();
        if (rows.length === 0) return; // another runner got here first
        const ids = rows.map((r) => r.id);
        if (!u || u.deletedAt || u.pref !== "taeglich") {
          tx.update(notifications).set({ mailState: "none" }).where(inArray(notifications.id, ids)).run();
          return;
        }
        const { link, headers } = mailHeaders(userId);
        const lines = rows.slice(0, 50).map((r) => `• ${r.message}\n  ${publicLink(r.url)}`);
        if (rows.length > 50) lines.push(`… und ${rows.length - 50} weitere: ${publicLink("/benachrichtigungen")}`);
        enqueueMail(tx, {
          to: u.email,
          subject: `[${SITE}] Ihre tägliche Zusammenfassung: ${rows.length} ${rows.length === 1 ? "Neuigkeit" : "Neuigkeiten"}`,
          text: [`Neu seit der letzten Zusammenfassung:`, "", ...lines, "", `Alle Benachrichtigungen: ${publicLink("/benachrichtigungen")}`, footer(link)].join("\n"),
          headers,
        });
        tx.update(notifications).set({ mailState: "sent" }).where(inArray(notifications.id, ids)).run();
        usersDone++;
        items += rows.length;
      },
      { behavior: "immediate" },
    );
  }
  return { users: usersDone, items };
}

/** The daily job "mail-digest" (app/services/scheduler.server.ts): enqueue the digests, then wake delivery. */
export function runDigestJob(db: DB): number {
  const r = enqueueDigests(db);
  if (r.users > 0) kickMailDelivery(db);
  return r.users;
}

export function deleteNotificationsOf(tx: Executor, userId: string) {
  tx.delete(notifications).where(eq(notifications.userId, userId)).run();
  tx.update(notifications).set({ actorId: null }).where(eq(notifications.actorId, userId)).run();
}
