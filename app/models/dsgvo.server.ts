// DSGVO: data export (Art. 15/20) and account deletion (Art. 17). Deleting removes the personal data of the
// account; forum posts stay (the discussion keeps its sense) but are attributed to "ehemaliges Mitglied".
import { removeUnreferenced } from "~/models/attachment.server";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { and, asc, eq, gte, inArray, or, sql } from "drizzle-orm";
import {
  articleSuggestions,
  articles,
  cities,
  forumFlags,
  forumPostRevisions,
  forumPosts,
  attachments,
  forumTopicReads,
  forumTopics,
  invitations,
  mailOutbox,
  notifications,
  projects,
  projectUpdates,
  resetRequests,
  sessions,
  topicConcerns,
  userTokens,
  users,
} from "../../db/schema/index";
import { getEnv } from "~/services/env.server";
import type { DB } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { deleteNotificationsOf } from "./notification.server";
import { FORMER_MEMBER, listUserSubscriptions } from "./forum.server";
import { forumDrafts, forumSubscriptions } from "../../db/schema/index";
import { deleteAboData, exportAboData } from "./abo.server";
import { anonymiseRatings, exportRatings } from "./rating.server";
import { anonymiseInterest, exportInterest } from "./project-exchange.server";
import { deleteBookmarks, exportBookmarks } from "./forum-bookmarks.server";
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";
import { getFileStore } from "~/services/files/storage.server";
import { EXPORT_ZIP_MAX_BYTES, EXPORT_ZIP_MAX_LABEL } from "~/utils/dateien";

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
  const flags = db
    .select({
      topicId: forumPosts.topicId,
      topicTitle: forumTopics.title,
      postNumber: forumPosts.postNumber,
      reason: forumFlags.reason,
      status: forumFlags.status,
      resolvedAt: forumFlags.resolvedAt,
      createdAt: forumFlags.createdAt,
    })
    .from(forumFlags)
    .innerJoin(forumPosts, eq(forumPosts.id, forumFlags.postId))
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .where(eq(forumFlags.userId, userId))
    .orderBy(asc(forumFlags.id))
    .all();
  // Earlier versions of posts: those the user wrote (as editor) – their own posts' history and their edits.
  const postRevisions = db
    .select({ topicId: forumPosts.topicId, postNumber: forumPosts.postNumber, version: forumPostRevisions.version, raw: forumPostRevisions.raw, createdAt: forumPostRevisions.createdAt })
    .from(forumPostRevisions)
    .innerJoin(forumPosts, eq(forumPosts.id, forumPostRevisions.postId))
    .where(eq(forumPostRevisions.editorId, userId))
    .orderBy(asc(forumPostRevisions.id))
    .all();
  const suggestions = db
    .select({
      article: articles.slug,
      articleTitle: articles.title,
      summary: articleSuggestions.summary,
      body: articleSuggestions.body,
      comment: articleSuggestions.comment,
      status: articleSuggestions.status,
      decisionNote: articleSuggestions.decisionNote,
      decidedAt: articleSuggestions.decidedAt,
      createdAt: articleSuggestions.createdAt,
    })
    .from(articleSuggestions)
    .innerJoin(articles, eq(articles.id, articleSuggestions.articleId))
    .where(eq(articleSuggestions.authorId, userId))
    .orderBy(asc(articleSuggestions.id))
    .all();
  const updates = db
    .select({ project: projects.slug, projectTitle: projects.title, body: projectUpdates.body, createdAt: projectUpdates.createdAt })
    .from(projectUpdates)
    .innerJoin(projects, eq(projects.id, projectUpdates.projectId))
    .where(eq(projectUpdates.authorId, userId))
    .orderBy(asc(projectUpdates.id))
    .all();
  const concerns = db
    .select({ topicId: topicConcerns.topicId, topicTitle: forumTopics.title, createdAt: topicConcerns.createdAt })
    .from(topicConcerns)
    .innerJoin(forumTopics, eq(forumTopics.id, topicConcerns.topicId))
    .where(eq(topicConcerns.userId, userId))
    .all();
  const reads = db.select({ topicId: forumTopicReads.topicId, lastReadPostNumber: forumTopicReads.lastReadPostNumber }).from(forumTopicReads).where(eq(forumTopicReads.userId, userId)).all();
  return {
    exportiertAm: new Date().toISOString(),
    konto: { name: u.name, email: u.email, rolle: u.role, stadt: u.city, emailEinstellung: u.emailPref, angelegtAm: u.createdAt },
    themen: topics,
    beitraege: posts,
    beitragsVersionen: postRevisions,
    aenderungsvorschlaege: suggestions,
    projektNeuigkeiten: updates,
    betrifftUnsAuch: concerns,
    abonnements: subscriptions,
    suchabos: exportAboData(db, userId),
    programmBewertungen: exportRatings(db, userId),
    interesseAnZusammenarbeit: exportInterest(db, userId),
    benachrichtigungen: notes,
    meldungen: flags,
    lesestand: reads,
    dateianhaenge: db
      .select({ name: attachments.originalName, typ: attachments.mime, bytes: attachments.size, anTyp: attachments.parentType, anId: attachments.parentId, hochgeladenAm: attachments.createdAt })
      .from(attachments)
      .where(eq(attachments.uploaderId, userId))
      .orderBy(asc(attachments.id))
      .all(),
    entwuerfe: db
      .select({ topicId: forumDrafts.topicId, topicTitle: forumTopics.title, raw: forumDrafts.raw, updatedAt: forumDrafts.updatedAt })
      .from(forumDrafts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumDrafts.topicId))
      .where(eq(forumDrafts.userId, userId))
      .all(),
    // forum bookmarks (issue 16)
    lesezeichen: exportBookmarks(db, userId),
  };
}

/**
 * Removes personal data; posts stay attributed to "ehemaliges Mitglied". Sessions end. The address is removed
 * everywhere it is kept: the account, invitations to it, pending reset requests, the mail outbox and the
 * stored .eml files in MAIL_DIR. Returns the number of mail files deleted.
 */
export function deleteAccount(db: DB, userId: string): { mailFiles: number } {
  const u = db.select({ email: users.email, name: users.name, createdAt: users.createdAt }).from(users).where(eq(users.id, userId)).get();
  if (!u) return { mailFiles: 0 };
  const blobs: (string | null)[] = [];
  db.transaction(
    (tx) => {
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
      deleteAboData(tx, userId);
      tx.delete(forumDrafts).where(eq(forumDrafts.userId, userId)).run();
      deleteBookmarks(tx, userId); // forum bookmarks (issue 16)
      tx.update(topicConcerns).set({ userId: null }).where(eq(topicConcerns.userId, userId)).run();
      anonymiseRatings(tx, userId);
      anonymiseInterest(tx, userId);
      // Other people's notifications name the actor ("Mia hat geantwortet"): keep them, without the name.
      if (u.name.length >= 2) {
        tx.update(notifications)
          .set({ message: sql`replace(${notifications.message}, ${u.name}, ${FORMER_MEMBER})` })
          .where(eq(notifications.actorId, userId))
          .run();
      }
      deleteNotificationsOf(tx, userId);
      // Mails to others that name the user ("Neue Antwort von Mia …"), from the account's lifetime only; a very
      // short name is left alone rather than replaced inside unrelated words.
      if (u.name.length >= 5) {
        tx.update(mailOutbox)
          .set({ subject: sql`replace(${mailOutbox.subject}, ${u.name}, ${FORMER_MEMBER})`, text: sql`replace(${mailOutbox.text}, ${u.name}, ${FORMER_MEMBER})` })
          .where(and(gte(mailOutbox.createdAt, u.createdAt), or(sql`instr(${mailOutbox.text}, ${u.name}) > 0`, sql`instr(${mailOutbox.subject}, ${u.name}) > 0`)))
          .run();
      }
      tx.delete(invitations).where(eq(invitations.email, u.email)).run();
      tx.delete(resetRequests).where(eq(resetRequests.email, u.email)).run();
      tx.delete(mailOutbox).where(eq(mailOutbox.to, u.email)).run();
      // Attachments: removed, except on articles and programmes the Redaktion keeps (there: "ehemaliges Mitglied").
      const own = tx.select({ sha: attachments.sha256, thumb: attachments.thumbSha256, type: attachments.parentType }).from(attachments).where(eq(attachments.uploaderId, userId)).all();
      for (const a of own) if (a.type === "forum_post" || a.type === "project") blobs.push(a.sha, a.thumb);
      tx.delete(attachments).where(and(eq(attachments.uploaderId, userId), inArray(attachments.parentType, ["forum_post", "project"]))).run();
      tx.update(attachments).set({ uploaderId: null }).where(eq(attachments.uploaderId, userId)).run();
      audit(tx, { actorId: null, action: "user.delete", entityType: "user", entityId: userId });
    },
    { behavior: "immediate" },
  );
  removeUnreferenced(db, blobs);
  return { mailFiles: deleteMailFilesTo(u.email) };
}

/**
 * Deletes every stored .eml file in MAIL_DIR that contains `email` (case-insensitive; quoted-printable soft line
 * breaks are joined first, so an address split across lines is found too).
 */
export function deleteMailFilesTo(email: string): number {
  const needle = email.toLowerCase();
  let deleted = 0;
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // no mail folder: nothing stored
    }
    for (const name of names) {
      const path = join(dir, name);
      try {
        const st = statSync(path);
        if (st.isDirectory()) {
          if (depth < 3) walk(path, depth + 1);
          continue;
        }
        if (!st.isFile() || !name.endsWith(".eml")) continue;
        const text = readFileSync(path, "utf8").replace(/=\r?\n/g, "").toLowerCase();
        if (text.includes(needle)) {
          unlinkSync(path);
          deleted++;
        }
      } catch {
        console.error("dsgvo: eine Mail-Datei konnte nicht geprüft oder gelöscht werden");
      }
    }
  };
  walk(resolve(getEnv().MAIL_DIR), 0);
  return deleted;
}


/**
 * DSGVO export as a zip, streamed: `meine-daten.json` (the JSON export) plus `dateien/<id>-<name>` for each file
 * the user uploaded (also earlier versions), read from the store chunk by chunk and written uncompressed (most are
 * compressed already), so memory does not grow with the files. Files beyond EXPORT_ZIP_MAX_BYTES together, or
 * missing from the store, are named in `nicht-enthalten.txt` instead. Null when the account does not exist.
 */
export function exportUserZip(db: DB, userId: string, opts: { maxBytes?: number } = {}): AsyncGenerator<Uint8Array> | null {
  const data = exportUserData(db, userId);
  if (!data) return null;
  const files = db
    .select({ id: attachments.id, name: attachments.originalName, sha: attachments.sha256, size: attachments.size, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.uploaderId, userId))
    .orderBy(asc(attachments.id))
    .all();
  const maxBytes = opts.maxBytes ?? EXPORT_ZIP_MAX_BYTES;
  return (async function* () {
    const queue: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else queue.push(chunk);
    });
    function* drain() {
      if (failure) throw failure;
      while (queue.length) yield queue.shift()!;
    }
    const json = new ZipDeflate("meine-daten.json", { level: 6 });
    zip.add(json);
    json.push(strToU8(JSON.stringify(data, null, 2)), true);
    yield* drain();
    const left: string[] = [];
    let total = 0;
    const store = getFileStore();
    for (const f of files) {
      const stream = total + f.size <= maxBytes ? store.get(f.sha) : null;
      if (!stream) {
        left.push(`${f.id}-${f.name} (${f.size} Bytes): ${total + f.size > maxBytes ? `über der Grenze von ${EXPORT_ZIP_MAX_LABEL} je Export` : "nicht im Speicher gefunden"}`);
        continue;
      }
      total += f.size;
      const entry = new ZipPassThrough(`dateien/${f.id}-${f.name}`);
      entry.mtime = f.createdAt;
      zip.add(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        entry.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        yield* drain();
      }
      entry.push(new Uint8Array(0), true);
      yield* drain();
    }
    if (left.length) {
      const note = new ZipDeflate("nicht-enthalten.txt");
      zip.add(note);
      note.push(strToU8(`Diese Dateien sind nicht in diesem Export enthalten; die Redaktion stellt sie Ihnen auf Anfrage bereit:\n${left.join("\n")}\n`), true);
    }
    zip.end();
    yield* drain();
  })();
}
