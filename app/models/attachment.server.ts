// Attachments: accepting an upload (sniff, strip image metadata, quota, store once by hash), visibility by
// parent, listing, deleting (blob removed once no row refers to it). Issue 14.
import { createHash, randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, count, eq, gte, inArray, isNull, sql, sum } from "drizzle-orm";
import sharp from "sharp";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { DB, Executor } from "~/services/db.server";
import { articles, attachments, forumCategories, forumPosts, forumTopics, programmes, projectCities, projects, searchDocuments, type AttachmentParent } from "../../db/schema/index";
import { can, visibilityFor, type Viewer, type Visibility } from "~/services/permissions";
import { getFileStore, tempDir } from "~/services/files/storage.server";
import { sniffFile, ALLOWED, MAX_FILE_BYTES } from "~/services/files/sniff.server";
import type { TempUpload } from "~/services/files/upload.server";
import { extractDocumentText } from "~/services/files/extract.server";
import { removeSearchDocs, upsertSearchDocs } from "~/services/search/documents.server";
import { formatSize } from "~/services/backup.server";
import { audit } from "~/services/audit.server";
import { getEnv } from "~/services/env.server";
import { FILE_FIELD, MAX_FILES_PER_SUBMIT } from "~/utils/dateien";
import { readUploadForm, UploadFormError, type UploadForm } from "~/services/files/multipart.server";

/** Per user and 24 hours (defaults; UPLOAD_DAILY_FILES / UPLOAD_DAILY_MB raise them for load tests). */
export const DAILY_BYTES = 200 * 1024 * 1024;
export const DAILY_FILES = 100;
function dailyLimits() {
  const env = getEnv();
  return { files: Number(env.UPLOAD_DAILY_FILES ?? DAILY_FILES), mb: Number(env.UPLOAD_DAILY_MB ?? DAILY_BYTES / 1024 / 1024) };
}
export { MAX_FILES_PER_SUBMIT };

export type Attachment = typeof attachments.$inferSelect;
export type AcceptResult = { ok: true; id: number } | { ok: false; message: string };

function tooLargeMessage(name: string) {
  return `„${name}“ wurde nicht gespeichert: die Datei ist größer als ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MB.`;
}
export { tooLargeMessage };

/** Safe display name: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>"]/g, "").trim().slice(0, 200);
  return clean || "datei";
}

function usedToday(db: Executor, userId: string) {
  const since = new Date(Date.now() - 24 * 3600 * 1000);
  const row = db
    .select({ n: count(), bytes: sum(attachments.size) })
    .from(attachments)
    .where(and(eq(attachments.uploaderId, userId), gte(attachments.createdAt, since)))
    .get();
  return { files: row?.n ?? 0, bytes: Number(row?.bytes ?? 0) };
}

function hashBuffer(b: Buffer) {
  return createHash("sha256").update(b).digest("hex");
}

function writeTemp(b: Buffer) {
  const p = join(tempDir(), `img-${randomBytes(12).toString("hex")}`);
  writeFileSync(p, b);
  return p;
}

/** A checked upload, ready to be stored (its temp files are the caller's to remove after storing or refusing). */
export type PreparedUpload = {
  name: string;
  sha256: string;
  tempPath: string;
  size: number;
  mime: string;
  ext: string;
  thumb: { sha: string; path: string } | null;
  /** temp files to remove once stored or refused (moving into the store leaves nothing behind) */
  temps: string[];
};
export type PrepareResult = { ok: true; file: PreparedUpload } | { ok: false; message: string; temps: string[] };

/**
 * Checks one uploaded temp file (size, sniffed type, daily quota including `pending` files of the same submit) and,
 * for images, re-encodes it without metadata (EXIF/GPS), keeping the orientation, and makes a thumbnail. Stores
 * nothing: `storePrepared` does that, inside the transaction that creates the parent.
 */
export async function prepareUpload(
  db: Executor,
  input: { temp: TempUpload; name: string; uploaderId: string; pending?: { files: number; bytes: number } },
): Promise<PrepareResult> {
  const name = cleanFileName(input.name);
  let { tempPath, sha256, size } = input.temp;
  const temps: string[] = [tempPath];
  if (size > MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(name), temps };
  const sniffed = await sniffFile(tempPath, name);
  if (!sniffed.ok) return { ok: false, message: `„${name}“ wurde nicht gespeichert: ${sniffed.reason}.`, temps };
  let thumb: { sha: string; path: string } | null = null;
  if (sniffed.mime.startsWith("image/")) {
    try {
      const img = sharp(tempPath, { limitInputPixels: 40_000_000 }).rotate();
      const clean =
        sniffed.mime === "image/png" ? await img.png().toBuffer() : sniffed.mime === "image/webp" ? await img.webp({ quality: 90 }).toBuffer() : await img.jpeg({ quality: 90 }).toBuffer();
      tempPath = writeTemp(clean);
      temps.push(tempPath);
      sha256 = hashBuffer(clean);
      size = clean.length;
      const t = await sharp(clean).resize(320, 320, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
      const tp = writeTemp(t);
      temps.push(tp);
      thumb = { sha: hashBuffer(t), path: tp };
    } catch {
      return { ok: false, message: `„${name}“ wurde nicht gespeichert: das Bild ist beschädigt oder zu groß.`, temps };
    }
  }
  const used = usedToday(db, input.uploaderId);
  const pending = input.pending ?? { files: 0, bytes: 0 };
  const limit = dailyLimits();
  if (used.files + pending.files + 1 > limit.files || used.bytes + pending.bytes + size > limit.mb * 1024 * 1024) {
    return { ok: false, message: `„${name}“ wurde nicht gespeichert: Ihr Tageskontingent (${limit.files} Dateien, ${limit.mb} MB) ist erreicht.`, temps };
  }
  return { ok: true, file: { name, sha256, tempPath, size, mime: sniffed.mime, ext: sniffed.ext, thumb, temps } };
}

/**
 * Moves a prepared file into the store and records it for its parent. Call it inside the transaction that creates
 * (or checks) the parent; if that transaction fails, call `removeUnreferenced` with the hashes afterwards.
 */
export function storePrepared(tx: Executor, file: PreparedUpload, parent: { uploaderId: string; parentType: AttachmentParent; parentId: string; previousId?: number }): number {
  const store = getFileStore();
  store.putFile(file.sha256, file.tempPath);
  if (file.thumb) store.putFile(file.thumb.sha, file.thumb.path);
  const row = tx
    .insert(attachments)
    .values({
      sha256: file.sha256,
      originalName: file.name,
      mime: file.mime,
      ext: file.ext,
      size: file.size,
      uploaderId: parent.uploaderId,
      parentType: parent.parentType,
      parentId: parent.parentId,
      thumbSha256: file.thumb?.sha ?? null,
      previousId: parent.previousId ?? null,
    })
    .returning({ id: attachments.id })
    .get();
  return row.id;
}

const removeTemps = (paths: string[]) => {
  for (const p of paths) rmSync(p, { force: true });
};

/**
 * Checks and stores one uploaded temp file for a parent the caller has already authorised. On refusal the
 * temp file is removed and nothing is stored.
 */
export async function acceptUpload(
  db: DB,
  input: { temp: TempUpload; name: string; uploaderId: string; parentType: AttachmentParent; parentId: string },
): Promise<AcceptResult> {
  const prepared = await prepareUpload(db, input);
  if (!prepared.ok) {
    removeTemps(prepared.temps);
    return { ok: false, message: prepared.message };
  }
  try {
    return { ok: true, id: storePrepared(db, prepared.file, input) };
  } finally {
    removeTemps(prepared.file.temps);
  }
}

export type UploadItem = { name: string; temp: TempUpload | null; refusal: string | null };

/**
 * All files of one submit, checked before anything is written: either every file is fine (→ prepared files for
 * `storePrepared`), or the first refusal with its message. Temp files of a refusal are removed here.
 */
export async function prepareUploads(db: Executor, uploaderId: string, items: UploadItem[]): Promise<{ ok: true; files: PreparedUpload[] } | { ok: false; message: string }> {
  const files: PreparedUpload[] = [];
  const refuse = (message: string) => {
    for (const f of files) removeTemps(f.temps);
    for (const i of items) if (i.temp) rmSync(i.temp.tempPath, { force: true });
    return { ok: false as const, message };
  };
  for (const item of items) {
    if (item.refusal || !item.temp) return refuse(item.refusal ?? `„${cleanFileName(item.name)}“ wurde nicht gespeichert.`);
    const pending = { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
    const r = await prepareUpload(db, { temp: item.temp, name: item.name, uploaderId, pending });
    if (!r.ok) {
      removeTemps(r.temps);
      return refuse(r.message);
    }
    files.push(r.file);
  }
  return { ok: true, files };
}

/** Removes the temp files of prepared uploads (after storing them, or when the submit failed). */
export function discardPrepared(files: PreparedUpload[]) {
  for (const f of files) removeTemps(f.temps);
}

export type ParentInfo = { visibility: Visibility; visible: boolean; url: string; ownerId: string | null; cityId: number | null };

/** The parent's visibility (and whether it is shown at all); null when it does not exist. */
export function parentInfo(db: Executor, type: AttachmentParent, id: string, viewer: Viewer): ParentInfo | null {
  if (type === "forum_post") {
    const postId = Number(id);
    if (!Number.isSafeInteger(postId)) return null;
    const row = db
      .select({ post: forumPosts, topicId: forumTopics.id, visibility: forumCategories.visibility, slug: forumCategories.slug })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
      .where(eq(forumPosts.id, postId))
      .get();
    if (!row) return null;
    const shown = !row.post.deletedAt && (!row.post.hiddenAt || can(viewer, "forum.moderate"));
    return {
      visibility: row.visibility,
      visible: shown && visibilityFor(viewer).includes(row.visibility),
      url: `/forum/${row.slug}/${row.topicId}?beitrag=${row.post.postNumber}#beitrag-${row.post.postNumber}`,
      ownerId: row.post.authorId,
      cityId: null,
    };
  }
  if (type === "project") {
    const p = db.select({ id: projects.id, visibility: projects.visibility, slug: projects.slug }).from(projects).where(eq(projects.slug, id)).get();
    if (!p) return null;
    const lead = db.select({ cityId: projectCities.cityId }).from(projectCities).where(and(eq(projectCities.projectId, p.id), eq(projectCities.role, "lead"))).get();
    return { visibility: p.visibility, visible: visibilityFor(viewer).includes(p.visibility), url: `/projekte/${p.slug}`, ownerId: null, cityId: lead?.cityId ?? null };
  }
  if (type === "article") {
    // articles are public once published; drafts and archived ones only for the Redaktion (→ 404, not indexed)
    const a = db.select({ slug: articles.slug, status: articles.status }).from(articles).where(eq(articles.slug, id)).get();
    if (!a) return null;
    return { visibility: "public", visible: a.status === "veroeffentlicht" || can(viewer, "content.readDrafts"), url: `/wissen/${a.slug}`, ownerId: null, cityId: null };
  }
  if (type === "programme") {
    const p = db.select({ slug: programmes.slug }).from(programmes).where(eq(programmes.slug, id)).get();
    if (!p) return null;
    return { visibility: "public", visible: true, url: `/foerderung/${p.slug}`, ownerId: null, cityId: null };
  }
  return null;
}

export function getAttachment(db: Executor, id: number): Attachment | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt))).get() ?? null;
}

/** A row by id, also when it is an earlier (replaced) version. */
export function getAttachmentVersion(db: Executor, id: number): Attachment | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.select().from(attachments).where(eq(attachments.id, id)).get() ?? null;
}

/** An attachment the viewer may download, else null (→ 404, also for hidden parents). */
export function getVisibleAttachment(db: Executor, id: number, viewer: Viewer) {
  const a = getAttachment(db, id);
  if (!a) return null;
  const parent = parentInfo(db, a.parentType, a.parentId, viewer);
  if (!parent?.visible) return null;
  return { attachment: a, parent };
}

export type AttachmentListItem = { id: number; name: string; mime: string; typeLabel: string; size: number; createdAt: string; thumb: boolean };

export function listAttachments(db: Executor, type: AttachmentParent, ids: string[]): Map<string, AttachmentListItem[]> {
  const out = new Map<string, AttachmentListItem[]>();
  if (!ids.length) return out;
  const rows = db
    .select()
    .from(attachments)
    .where(and(eq(attachments.parentType, type), sql`${attachments.parentId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`, isNull(attachments.deletedAt)))
    .orderBy(attachments.id)
    .all();
  for (const r of rows) {
    const list = out.get(r.parentId) ?? [];
    list.push({ id: r.id, name: r.originalName, mime: r.mime, typeLabel: ALLOWED[r.mime]?.label ?? r.ext.toUpperCase(), size: r.size, createdAt: r.createdAt.toISOString(), thumb: !!r.thumbSha256 });
    out.set(r.parentId, list);
  }
  return out;
}

export function mayDeleteAttachment(db: Executor, viewer: Viewer, a: Attachment): boolean {
  if (!viewer) return false;
  const parent = parentInfo(db, a.parentType, a.parentId, viewer);
  if (!parent?.visible) return false;
  if (a.uploaderId === viewer.id || viewer.role === "admin") return true;
  if (a.parentType === "forum_post") return can(viewer, "forum.moderate");
  if (a.parentType === "project") return can(viewer, "project.edit", { cityId: parent.cityId });
  return can(viewer, "content.edit");
}

/** Blobs no row refers to any more are removed from the store. */
export function removeUnreferenced(db: Executor, shas: (string | null)[]) {
  const store = getFileStore();
  for (const sha of new Set(shas.filter((s): s is string => !!s))) {
    const used = db
      .select({ n: count() })
      .from(attachments)
      .where(sql`(${attachments.sha256} = ${sha} or ${attachments.thumbSha256} = ${sha})`)
      .get()?.n;
    if (!used) store.delete(sha);
  }
}

export function deleteAttachment(db: DB, id: number, actorId?: string) {
  const a = db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!a) return false;
  // deleting a file deletes its earlier versions too (nobody expects a "deleted" file to live on in the history)
  const chain = earlierVersions(db, a);
  db.transaction((tx) => {
    tx.delete(attachments).where(inArray(attachments.id, [id, ...chain.map((v) => v.id)])).run();
    removeSearchDocs(tx, [`dokument:${id}`]);
    // someone else's file (moderation, editors, admin): on record, without the file name
    if (actorId && actorId !== a.uploaderId) audit(tx, { actorId, action: "attachment.delete", entityType: a.parentType, entityId: a.parentId, detail: { attachmentId: id } });
  });
  removeUnreferenced(db, [a.sha256, a.thumbSha256, ...chain.flatMap((v) => [v.sha256, v.thumbSha256])]);
  return true;
}

/** The versions a file replaced, newest first (rows with `deletedAt`, linked by `previousId`). */
export function earlierVersions(db: Executor, a: Attachment): Attachment[] {
  const out: Attachment[] = [];
  const seen = new Set([a.id]);
  let prev = a.previousId;
  while (prev != null && !seen.has(prev)) {
    seen.add(prev);
    const row = db.select().from(attachments).where(eq(attachments.id, prev)).get();
    if (!row) break;
    out.push(row);
    prev = row.previousId;
  }
  return out;
}

/** The current file of the chain a (possibly replaced) row belongs to, or null when the chain was deleted. */
export function currentVersion(db: Executor, a: Attachment): Attachment | null {
  let row: Attachment | undefined = a;
  const seen = new Set<number>();
  while (row && row.deletedAt && !seen.has(row.id)) {
    seen.add(row.id);
    row = db.select().from(attachments).where(eq(attachments.previousId, row.id)).get();
  }
  return row && !row.deletedAt ? row : null;
}

/** Thrown by replaceAttachment when the file was replaced (or deleted) meanwhile; the transaction rolls back. */
export class AlreadyReplaced extends Error {}

/** Parents whose files keep versions when replaced: articles and programmes (edited by the Redaktion). */
export const VERSIONED_PARENTS: AttachmentParent[] = ["article", "programme"];

/** Whether the viewer may replace this file or restore an earlier version (the parent's editors). */
export function mayReplaceAttachment(db: Executor, viewer: Viewer, a: Attachment): boolean {
  if (!VERSIONED_PARENTS.includes(a.parentType) || !can(viewer, "content.edit")) return false;
  return !!parentInfo(db, a.parentType, a.parentId, viewer)?.visible;
}

/**
 * Replaces the current file `old` by a prepared upload, inside the caller's transaction: the new row points to the
 * old one (`previousId`), the old one is marked replaced (`deletedAt`) and leaves the search; its bytes stay in the
 * store as the earlier version. Returns the new id.
 */
export function replaceAttachment(tx: Executor, old: Attachment, file: PreparedUpload, uploaderId: string): number {
  // only a current file can be replaced: two replaces of the same file at once must not fork its history
  const marked = tx.update(attachments).set({ deletedAt: new Date() }).where(and(eq(attachments.id, old.id), isNull(attachments.deletedAt))).run();
  if (marked.changes !== 1) throw new AlreadyReplaced();
  const id = storePrepared(tx, file, { uploaderId, parentType: old.parentType, parentId: old.parentId, previousId: old.id });
  removeSearchDocs(tx, [`dokument:${old.id}`]);
  audit(tx, { actorId: uploaderId, action: "attachment.replace", entityType: old.parentType, entityId: old.parentId, detail: { attachmentId: old.id, newId: id } });
  return id;
}

/**
 * Makes an earlier version the current file again: a new row with the earlier bytes and name follows the current
 * one (which becomes a version itself), so the history only grows. Returns the new id, null when `versionId` is
 * not an earlier version of a file that still exists, "changed" when the current file is no longer
 * `expectedCurrentId` (the button was clicked twice, or someone else changed the file meanwhile).
 */
export function restoreAttachmentVersion(db: DB, versionId: number, actorId: string, expectedCurrentId?: number): number | null | "changed" {
  const v = db.select().from(attachments).where(eq(attachments.id, versionId)).get();
  if (!v || !v.deletedAt) return null;
  const head = currentVersion(db, v);
  if (!head) return null;
  if (expectedCurrentId !== undefined && head.id !== expectedCurrentId) return "changed";
  return db.transaction((tx) => {
    const row = tx
      .insert(attachments)
      .values({
        sha256: v.sha256,
        originalName: v.originalName,
        mime: v.mime,
        ext: v.ext,
        size: v.size,
        uploaderId: v.uploaderId,
        parentType: v.parentType,
        parentId: v.parentId,
        thumbSha256: v.thumbSha256,
        previousId: head.id,
      })
      .returning({ id: attachments.id })
      .get();
    tx.update(attachments).set({ deletedAt: new Date() }).where(eq(attachments.id, head.id)).run();
    removeSearchDocs(tx, [`dokument:${head.id}`]);
    audit(tx, { actorId, action: "attachment.restore", entityType: v.parentType, entityId: v.parentId, detail: { attachmentId: row.id, restoredFrom: v.id } });
    return row.id;
  });
}

export type AttachmentVersionView = { id: number; name: string; typeLabel: string; size: number; createdAt: string };
export type AttachmentHistoryView = { current: AttachmentVersionView; versions: AttachmentVersionView[] };

/** The current files of a parent with their earlier versions (newest first), for the editors and `…/versionen` pages. */
export function attachmentHistory(db: Executor, type: AttachmentParent, parentId: string): AttachmentHistoryView[] {
  const view = (r: Attachment): AttachmentVersionView => ({ id: r.id, name: r.originalName, typeLabel: ALLOWED[r.mime]?.label ?? r.ext.toUpperCase(), size: r.size, createdAt: r.createdAt.toISOString() });
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.parentType, type), eq(attachments.parentId, parentId), isNull(attachments.deletedAt)))
    .orderBy(attachments.id)
    .all()
    .map((r) => ({ current: view(r), versions: earlierVersions(db, r).map(view) }));
}

/** RFC 6266 / 5987 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The download (or, for images, the inline thumbnail) as a streamed Response; 404 when not visible. */
export function downloadResponse(db: Executor, id: number, viewer: Viewer, opts: { thumb?: boolean } = {}): Response {
  let found = getVisibleAttachment(db, id, viewer);
  if (!found && !opts.thumb) {
    // an earlier version (replaced file): for the parent's editors, from the versions page
    const v = getAttachmentVersion(db, id);
    const parent = v?.deletedAt && mayReplaceAttachment(db, viewer, v) ? parentInfo(db, v.parentType, v.parentId, viewer) : null;
    if (v && parent) found = { attachment: v, parent };
  }
  const notFound = new Response("Diese Datei gibt es nicht, oder Sie dürfen sie nicht sehen.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!found) return notFound;
  const a = found.attachment;
  const sha = opts.thumb ? a.thumbSha256 : a.sha256;
  if (!sha) return notFound;
  const stream = getFileStore().get(sha);
  if (!stream) return notFound;
  const headers = new Headers({
    "Content-Type": opts.thumb ? "image/webp" : a.mime,
    "Content-Disposition": contentDisposition(opts.thumb ? "inline" : "attachment", opts.thumb ? a.originalName.replace(/\.[^.]*$/, "") + ".webp" : a.originalName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": found.parent.visibility === "public" ? "private, max-age=300" : "private, no-store",
  });
  if (!opts.thumb) headers.set("Content-Length", String(a.size));
  return new Response(createReadableStreamFromReadable(stream), { status: 200, headers });
}

/**
 * Works through attachments waiting for text extraction (status "offen"), off the request path, and indexes each
 * as search type "dokument" with its parent's visibility (hidden/deleted parents: removed). A file without text
 * is still indexed by its name. Returns the number processed.
 */
export async function runTextExtraction(db: DB, opts: { limit?: number } = {}): Promise<number> {
  const pending = db.select().from(attachments).where(and(eq(attachments.textStatus, "offen"), isNull(attachments.deletedAt))).orderBy(attachments.id).limit(opts.limit ?? 20).all();
  for (const a of pending) {
    let text = "";
    let status: "fertig" | "leer" | "fehler" = "leer";
    try {
      text = await extractDocumentText(getFileStore().pathOf(a.sha256), a.mime, a.size);
      status = text.trim() ? "fertig" : "leer";
    } catch {
      status = "fehler";
    }
    db.transaction((tx) => {
      tx.update(attachments).set({ textStatus: status }).where(eq(attachments.id, a.id)).run();
      indexAttachment(tx, a, text);
    });
  }
  return pending.length;
}

export function indexAttachment(tx: Executor, a: Attachment, text: string) {
  const parent = parentInfo(tx, a.parentType, a.parentId, null);
  const docId = `dokument:${a.id}`;
  // the parent as a member sees it: null when missing, hidden or deleted
  const asMember = parentInfo(tx, a.parentType, a.parentId, { id: "", role: "mitglied", cityId: null });
  if (!parent || !asMember?.visible) {
    removeSearchDocs(tx, [docId]);
    return;
  }
  upsertSearchDocs(tx, [
    {
      id: docId,
      typ: "dokument",
      slug: String(a.id),
      url: `/dateien/${a.id}`,
      title: a.originalName,
      summary: `${ALLOWED[a.mime]?.label ?? a.ext.toUpperCase()}-Datei, ${formatSize(a.size)}`,
      body: text,
      visibility: parent.visibility,
    },
  ]);
}

/** Records prepared files for one forum post (by topic and number), inside the transaction that created it. */
export function attachToPost(tx: Executor, topicId: number, postNumber: number, files: PreparedUpload[], uploaderId: string): number[] {
  if (!files.length) return [];
  const post = tx.select({ id: forumPosts.id }).from(forumPosts).where(and(eq(forumPosts.topicId, topicId), eq(forumPosts.postNumber, postNumber))).get();
  if (!post) throw new Error("post not found");
  return files.map((f) => storePrepared(tx, f, { uploaderId, parentType: "forum_post", parentId: String(post.id) }));
}

/**
 * Keeps the "dokument" search docs of these parents' attachments in step with the parents (hidden, deleted,
 * moved to another visibility): a parent that a member can no longer see removes its files' docs; a visible one
 * re-indexes the stored text with the parent's current visibility, or queues the file for extraction again when
 * its doc is gone (restored post). Call it in the same transaction as the change of the parent.
 */
export function syncAttachmentDocs(tx: Executor, type: AttachmentParent, parentIds: string[]) {
  if (!parentIds.length) return;
  const rows = tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.parentType, type), inArray(attachments.parentId, parentIds), isNull(attachments.deletedAt)))
    .all();
  for (const a of rows) {
    const docId = `dokument:${a.id}`;
    const existing = tx.select({ body: searchDocuments.body }).from(searchDocuments).where(eq(searchDocuments.id, docId)).get();
    const asMember = parentInfo(tx, a.parentType, a.parentId, { id: "", role: "mitglied", cityId: null });
    if (!asMember?.visible) {
      if (existing) removeSearchDocs(tx, [docId]);
      continue;
    }
    if (existing) indexAttachment(tx, a, existing.body);
    else if (a.textStatus !== "offen") tx.update(attachments).set({ textStatus: "offen" }).where(eq(attachments.id, a.id)).run();
  }
}

/** Reads a form that may carry attachments in the field `dateien` (streamed to temp files; see readUploadForm). */
export function readFormWithFiles(request: Request): Promise<UploadForm> {
  return readUploadForm(request, { fileField: FILE_FIELD, maxFiles: MAX_FILES_PER_SUBMIT, maxFileBytes: MAX_FILE_BYTES });
}

/** The hashes of prepared files (to remove blobs again when the transaction that should record them failed). */
export const preparedShas = (files: PreparedUpload[]) => files.flatMap((f) => [f.sha256, f.thumb?.sha ?? null]);

/**
 * An upload route's action body: reads the multipart form (files stream into temp files), runs `handle` with it and
 * removes the temp files afterwards, whatever happens. A malformed body gives `onMalformed(message)`, by default a
 * German 400.
 */
export async function withUploadForm<T>(request: Request, handle: (upload: UploadForm) => Promise<T>, onMalformed?: (message: string) => T): Promise<T> {
  let upload: UploadForm;
  try {
    upload = await readFormWithFiles(request);
  } catch (e) {
    if (!(e instanceof UploadFormError)) throw e;
    if (onMalformed) return onMalformed(e.message);
    throw new Response(e.message, { status: 400 });
  }
  try {
    return await handle(upload);
  } finally {
    upload.cleanup();
  }
}

/**
 * Runs the write that records prepared files (storePrepared/attachToPost inside its transaction). If it throws, the
 * blobs that no row refers to are removed again; the prepared temp files go in any case.
 */
export function writeWithFiles<T>(db: Executor, files: PreparedUpload[], write: () => T): T {
  try {
    return write();
  } catch (e) {
    removeUnreferenced(db, preparedShas(files));
    throw e;
  } finally {
    discardPrepared(files);
  }
}

/** The attachments of these parents as pages show them, with whether the viewer may delete each. */
export function listAttachmentViews(db: Executor, type: AttachmentParent, ids: string[], viewer: Viewer) {
  const lists = listAttachments(db, type, ids);
  if (!viewer || lists.size === 0) return new Map([...lists].map(([k, l]) => [k, l.map(({ mime: _m, ...f }) => ({ ...f, canDelete: false }))]));
  const rows = new Map(
    db
      .select()
      .from(attachments)
      .where(and(eq(attachments.parentType, type), inArray(attachments.parentId, [...lists.keys()]), isNull(attachments.deletedAt)))
      .all()
      .map((r) => [r.id, r]),
  );
  return new Map([...lists].map(([k, l]) => [k, l.map(({ mime: _m, ...f }) => ({ ...f, canDelete: rows.has(f.id) && mayDeleteAttachment(db, viewer, rows.get(f.id)!) }))]));
}
