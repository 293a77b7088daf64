// DSGVO: data export (Art. 15/20) and account deletion (Art. 17). Deleting removes the personal data of the
// account; forum posts stay (the discussion keeps its sense) but are attributed to "ehemaliges Mitglied".
import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { cities, forumFlags, forumPosts, forumTopicReads, forumTopics, notifications, sessions, topicConcerns, userTokens, users } from "../../db/schema/index";
import type { DB } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { deleteNotificationsOf } from "./notification.server";
import { FORMER_MEMBER, listUserSubscriptions } from "./forum.server";
import { forumSubscriptions } from "../../db/schema/index";

export function exportUserData(db: DB, userId: string) {
  const u = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, emailPref: users.emailPref, createdAt: users.createdAt, city: cities.name })
    .from(users)
    .leftJoin(cities, eq(cities.id, users.cityId))
    .where(eq(users.id, userId))
    .get();
  if (!u) return null;
  const posts = db
    .select({ topicId: forumPosts.topicId, topicTitle: forumTopics.title, postNumber: forumPosts.postNumber, raw: forumPosts.raw, createdAt: forumPosts.createdAt, deletedAt: forumPosts.deletedAt, version: forumPosts.version })
    .from(forumPosts)
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .where(eq(forumPosts.authorId, userId))
    .orderBy(asc(forumPosts.id))
    .all();
  const topics = db.select({ id: forumTopics.id, title: forumTopics.title, createdAt: forumTopics.createdAt }).from(forumTopics).where(eq(forumTopics.authorId, userId)).all();
  const subscriptions = listUserSubscriptions(db, userId);
  const notes = db
    .select({ message: notifications.message, url: notifications.url, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id))
    .all();
  const flags = db.select({ postId: forumFlags.postId, reason: forumFlags.reason, createdAt: forumFlags.createdAt }).from(forumFlags).where(eq(forumFlags.userId, userId)).all();
  const reads = db.select({ topicId: forumTopicReads.topicId, lastReadPostNumber: forumTopicReads.lastReadPostNumber }).from(forumTopicReads).where(eq(forumTopicReads.userId, userId)).all();
  return {
    exportiertAm: new Date().toISOString(),
    konto: { name: u.name, email: u.email, rolle: u.role, stadt: u.city, emailEinstellung: u.emailPref, angelegtAm: u.createdAt },
    themen: topics,
    beitraege: posts,
    abonnements: subscriptions,
    benachrichtigungen: notes,
    meldungen: flags,
    lesestand: reads,
  };
}

/** Removes personal data; posts stay attributed to "ehemaliges Mitglied". Sessions end. */
export function deleteAccount(db: DB, userId: string) {
  db.transaction((tx) => {
    tx.update(users)
      .set({
        name: FORMER_MEMBER,
        email: `geloescht-${randomUUID()}@geloescht.invalid`,
        passwordHash: `!geloescht-${randomBytes(24).toString("base64url")}`,
        deletedAt: new Date(),
        emailPref: "nie",
        cityId: null,
      })
      .where(eq(users.id, userId))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    tx.delete(userTokens).where(eq(userTokens.userId, userId)).run();
    tx.delete(forumSubscriptions).where(eq(forumSubscriptions.userId, userId)).run();
    tx.delete(forumTopicReads).where(eq(forumTopicReads.userId, userId)).run();
    tx.update(topicConcerns).set({ userId: null }).where(eq(topicConcerns.userId, userId)).run();
    deleteNotificationsOf(tx, userId);
    audit(tx, { actorId: null, action: "user.delete", entityType: "user", entityId: userId });
  });
}
