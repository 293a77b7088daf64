// Attachments: accepting an upload (sniff, strip image metadata, quota, store once by hash), visibility by
// parent, listing, deleting (blob removed once no row refers to it). Issue 14.
import { createHash, randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, count, eq, gte, isNull, sql, sum } from "drizzle-orm";
import sharp from "sharp";
import { createReadableStreamFromReadable } from "@remix-run/node";
import type { DB, Executor } from "~/services/db.server";
import { attachments, forumCategories, forumPosts, forumTopics, projectCities, projects, type AttachmentParent } from "../../db/schema/index";
import { can, visibilityFor, type Viewer, type Visibility } from "~/services/permissions";
import { getFileStore, tempDir } from "~/services/files/storage.server";
import { sniffFile, ALLOWED, MAX_FILE_BYTES } from "~/services/files/sniff.server";
import type { TempUpload } from "~/services/files/upload.server";
import { extractDocumentText } from "~/services/files/extract.server";
import { removeSearchDocs, upsertSearchDocs } from "~/services/search/documents.server";
import { formatSize } from "~/services/backup.server";

export const DAILY_BYTES = 200 * 1024 * 1024;
export const DAILY_FILES = 100;
export const MAX_FILES_PER_SUBMIT = 10;

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

/**
 * Checks and stores one uploaded temp file for a parent the caller has already authorised. On refusal the
 * temp file is removed and nothing is stored. Images are re-encoded without metadata (EXIF/GPS), keeping
 * the orientation, and get a thumbnail.
 */
export async function acceptUpload(
  db: DB,
  input: { temp: TempUpload; name: string; uploaderId: string; parentType: AttachmentParent; parentId: string },
): Promise<AcceptResult> {
  const name = cleanFileName(input.name);
  let { tempPath, sha256, size } = input.temp;
  const cleanup: string[] = [tempPath];
  try {
    if (size > MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(name) };
    const sniffed = await sniffFile(tempPath, name);
    if (!sniffed.ok) return { ok: false, message: `„${name}“ wurde nicht gespeichert: ${sniffed.reason}. ` };
    let thumb: { sha: string; path: string } | null = null;
    if (sniffed.mime.startsWith("image/")) {
      try {
        const img = sharp(tempPath, { limitInputPixels: 40_000_000 }).rotate();
        const clean =
          sniffed.mime === "image/png" ? await img.png().toBuffer() : sniffed.mime === "image/webp" ? await img.webp({ quality: 90 }).toBuffer() : await img.jpeg({ quality: 90 }).toBuffer();
        tempPath = writeTemp(clean);
        cleanup.push(tempPath);
        sha256 = hashBuffer(clean);
        size = clean.length;
        const t = await sharp(clean).resize(320, 320, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
        const tp = writeTemp(t);
        cleanup.push(tp);
        thumb = { sha: hashBuffer(t), path: tp };
      } catch {
        return { ok: false, message: `„${name}“ wurde nicht gespeichert: das Bild ist beschädigt oder zu groß.` };
      }
    }
    const used = usedToday(db, input.uploaderId);
    if (used.files + 1 > DAILY_FILES || used.bytes + size > DAILY_BYTES) {
      return { ok: false, message: `„${name}“ wurde nicht gespeichert: Ihr Tageskontingent (${DAILY_FILES} Dateien, ${DAILY_BYTES / 1024 / 1024} MB) ist erreicht.` };
    }
    const store = getFileStore();
    store.putFile(sha256, tempPath);
    if (thumb) store.putFile(thumb.sha, thumb.path);
    const row = db
      .insert(attachments)
      .values({
        sha256,
        originalName: name,
        mime: sniffed.mime,
        ext: sniffed.ext,
        size,
        uploaderId: input.uploaderId,
        parentType: input.parentType,
        parentId: input.parentId,
        thumbSha256: thumb?.sha ?? null,
      })
      .returning({ id: attachments.id })
      .get();
    return { ok: true, id: row.id };
  } finally {
    for (const p of cleanup) rmSync(p, { force: true });
  }
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
      url: `/forum/${row.slug}/${row.topicId}#beitrag-${row.post.postNumber}`,
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
  return null; // articles/programmes: not wired yet
}

export function getAttachment(db: Executor, id: number): Attachment | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt))).get() ?? null;
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

export function deleteAttachment(db: DB, id: number) {
  const a = db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!a) return false;
  db.transaction((tx) => {
    tx.delete(attachments).where(eq(attachments.id, id)).run();
    removeSearchDocs(tx, [`dokument:${id}`]);
  });
  removeUnreferenced(db, [a.sha256, a.thumbSha256]);
  return true;
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
  const found = getVisibleAttachment(db, id, viewer);
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
