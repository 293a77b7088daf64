// Attachments (issue 14): refused types store nothing, downloads are byte-identical, GPS EXIF is removed,
// the parent's visibility decides (members-only category, hidden post).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { attachments, forumPosts, users } from "../../db/schema/index";
import { createTopic, ensureCategories, getCategory, type Actor } from "../../app/models/forum.server";
import { acceptUpload, contentDisposition, deleteAttachment, downloadResponse } from "../../app/models/attachment.server";
import { FileTooLarge, streamToTemp } from "../../app/services/files/upload.server";
import { getFileStore } from "../../app/services/files/storage.server";
import { minimalPdf } from "../../app/services/files/pdf";
import { backupDatabase, restoreDatabase } from "../../app/services/backup.server";
import { openDatabase } from "../../db/client";
import { deleteAccount, exportUserData } from "../../app/models/dsgvo.server";
import { runTextExtraction } from "../../app/models/attachment.server";
import { FtsSearchIndex } from "../../app/services/search/fts.server";
import { getDb } from "../../app/services/db.server";

let db: DB;
let cleanup: () => void;
let filesDir: string;
let member: Actor;
let other: Actor;
let mod: Actor;
let publicPost: number;
let membersPost: number;

async function actor(role: Actor["role"], city?: string): Promise<Actor> {
  const u = await makeUser(db, role, city);
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, u.id)).get()!.name;
  return { id: u.id, role, cityId: u.cityId, name };
}
const v = (a: Actor) => ({ id: a.id, role: a.role, cityId: a.cityId });

async function upload(bytes: Buffer, name: string, parentId = publicPost, who: Actor = member) {
  const temp = await streamToTemp(Readable.from([bytes]));
  return acceptUpload(db, { temp, name, uploaderId: who.id, parentType: "forum_post", parentId: String(parentId) });
}
function storedBlobs() {
  const out: string[] = [];
  for (const d of readdirSync(filesDir)) if (d !== "tmp") out.push(...readdirSync(join(filesDir, d)));
  return out;
}
const tempFiles = () => (existsSync(join(filesDir, "tmp")) ? readdirSync(join(filesDir, "tmp")) : []);
const rowCount = () => db.select().from(attachments).all().length;
async function body(res: Response) {
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), "sn-files-"));
  process.env.FILES_DIR = filesDir;
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  member = await actor("mitglied", "duisburg");
  other = await actor("mitglied", "dortmund");
  mod = await actor("moderation");
  const pub = getCategory(db, "gesundheit", v(member))!;
  const priv = getCategory(db, "clearingstelle", v(member))!;
  expect(pub.visibility).toBe("public");
  expect(priv.visibility).toBe("members");
  const t1 = createTopic(db, { category: pub, title: "Merkblatt Krankenversicherung", raw: "Siehe Anhang.", handlungsfelder: [], staedte: [] }, member);
  const t2 = createTopic(db, { category: priv, title: "Interne Frage", raw: "Vertraulich, siehe Anhang.", handlungsfelder: [], staedte: [] }, member);
  publicPost = db.select().from(forumPosts).where(eq(forumPosts.topicId, t1)).get()!.id;
  membersPost = db.select().from(forumPosts).where(eq(forumPosts.topicId, t2)).get()!.id;
});
afterAll(() => {
  cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

describe("refused uploads store nothing", () => {
  it("refuses an .exe renamed to .pdf, HTML, SVG and a 30 MB file, naming file and reason", async () => {
    const before = { rows: rowCount(), blobs: storedBlobs().length };
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(0x40), Buffer.from("PE\0\0", "latin1"), Buffer.alloc(512)]);
    exe.writeUInt32LE(0x50, 0x3c);
    Buffer.from("PE\0\0", "latin1").copy(exe, 0x50);
    const r1 = await upload(exe, "rechnung.pdf");
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.message).toMatch(/„rechnung\.pdf“ wurde nicht gespeichert: der Dateityp .* ist nicht erlaubt/);

    const r2 = await upload(Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"), "seite.txt");
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.message).toMatch(/„seite\.txt“.*HTML-, SVG- und XML-Dateien sind nicht erlaubt/);

    const r3 = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "bild.svg");
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.message).toMatch(/HTML-, SVG- und XML-Dateien sind nicht erlaubt/);

    async function* big() {
      const mb = Buffer.alloc(1024 * 1024, 0x41);
      for (let i = 0; i < 30; i++) yield mb;
    }
    await expect(streamToTemp(big())).rejects.toBeInstanceOf(FileTooLarge);

    expect(rowCount()).toBe(before.rows);
    expect(storedBlobs().length).toBe(before.blobs);
    expect(tempFiles()).toEqual([]);
  });
});

describe("download", () => {
  it("returns the PDF byte-identical with safe headers; the same file twice is stored once", async () => {
    const pdf = minimalPdf(["Checkliste Ankommen", "Quittungswort Zaunkoenigfeder"]);
    const r = await upload(pdf, "Checkliste Ämter & Bürgerbüro.pdf");
    expect(r.ok).toBe(true);
    const r2 = await upload(pdf, "kopie.pdf");
    expect(r2.ok).toBe(true);
    if (!r.ok || !r2.ok) return;
    const sha = db.select().from(attachments).where(eq(attachments.id, r.id)).get()!.sha256;
    expect(storedBlobs().filter((b) => b === sha)).toHaveLength(1);

    const res = downloadResponse(db, r.id, null);
    expect(res.status).toBe(200);
    expect((await body(res)).equals(pdf)).toBe(true);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Security-Policy")).toMatch(/^sandbox/);
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Checkliste Amter & Burgerburo.pdf"; filename*=UTF-8''Checkliste%20%C3%84mter%20%26%20B%C3%BCrgerb%C3%BCro.pdf`,
    );
    expect(contentDisposition("attachment", 'a"b.pdf')).toContain('filename="a_b.pdf"');

    // deleting one row keeps the blob for the other; deleting the last removes it
    deleteAttachment(db, r.id);
    expect(getFileStore().exists(sha)).toBe(true);
    expect(downloadResponse(db, r.id, null).status).toBe(404);
    deleteAttachment(db, r2.id);
    expect(getFileStore().exists(sha)).toBe(false);
  });

  it("a JPEG with GPS EXIF comes back without it, with a thumbnail", async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c03" } })
      .jpeg()
      .withExif({ IFD0: { Make: "Testkamera" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 26/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "6/1 45/1 0/1" } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const r = await upload(jpeg, "foto.jpg");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const back = await body(downloadResponse(db, r.id, v(member)));
    const meta = await sharp(back).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(back.includes(Buffer.from("Testkamera"))).toBe(false);
    const thumb = downloadResponse(db, r.id, null, { thumb: true });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("Content-Disposition")).toMatch(/^inline/);
    expect((await sharp(await body(thumb)).metadata()).format).toBe("webp");
  });
});

describe("visibility follows the parent", () => {
  it("members-only category: 404 for guests, 200 for members; hidden post hides its files", async () => {
    const r = await upload(minimalPdf(["intern"]), "intern.pdf", membersPost);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(downloadResponse(db, r.id, null).status).toBe(404);
    expect(downloadResponse(db, r.id, v(other)).status).toBe(200);

    const p = await upload(minimalPdf(["oeffentlich"]), "oeffentlich.pdf");
    if (!p.ok) throw new Error(p.message);
    expect(downloadResponse(db, p.id, null).status).toBe(200);
    db.update(forumPosts).set({ hiddenAt: new Date() }).where(eq(forumPosts.id, publicPost)).run();
    expect(downloadResponse(db, p.id, null).status).toBe(404);
    expect(downloadResponse(db, p.id, v(other)).status).toBe(404);
    expect(downloadResponse(db, p.id, v(mod)).status).toBe(200);
    db.update(forumPosts).set({ hiddenAt: null }).where(eq(forumPosts.id, publicPost)).run();
    expect(downloadResponse(db, 999999, v(mod)).status).toBe(404);
  });
});

describe("backup and restore", () => {
  it("backup, then restore into a new place (new FILES_DIR): every attachment downloads", async () => {
    const pdf = minimalPdf(["Sicherung"]);
    const r = await upload(pdf, "sicherung.pdf");
    if (!r.ok) throw new Error(r.message);
    const ids = db.select({ id: attachments.id }).from(attachments).all().map((a) => a.id);
    const backupDir = mkdtempSync(join(tmpdir(), "sn-backup-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "sn-elsewhere-"));
    const oldFiles = process.env.FILES_DIR;
    try {
      await backupDatabase(db.$client, join(backupDir, "sicherung.db"));
      expect(readdirSync(join(backupDir, "dateien")).length).toBeGreaterThan(0);
      process.env.FILES_DIR = join(elsewhere, "files");
      const target = join(elsewhere, "app.db");
      restoreDatabase(join(backupDir, "sicherung.db"), target);
      const restored = openDatabase(`file:${target}`).db;
      try {
        for (const id of ids) {
          const res = downloadResponse(restored, id, v(mod));
          expect(res.status, `Anhang ${id}`).toBe(200);
        }
        expect((await body(downloadResponse(restored, r.id, null))).equals(pdf)).toBe(true);
      } finally {
        restored.$client.close();
      }
      // a referenced file missing from the backup: restore refuses with the reason
      rmSync(join(backupDir, "dateien"), { recursive: true, force: true });
      process.env.FILES_DIR = join(elsewhere, "leer");
      expect(() => restoreDatabase(join(backupDir, "sicherung.db"), join(elsewhere, "zwei.db"))).toThrow(/Dateianhänge: Datei fehlt/);
    } finally {
      process.env.FILES_DIR = oldFiles;
      rmSync(backupDir, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("DSGVO", () => {
  it("export lists the uploads; erasure removes forum attachments and their stored files", async () => {
    const pdf = minimalPdf(["nur von other"]);
    const r = await upload(pdf, "privat.pdf", publicPost, other);
    if (!r.ok) throw new Error(r.message);
    const sha = db.select().from(attachments).where(eq(attachments.id, r.id)).get()!.sha256;
    const exported = exportUserData(db, other.id) as { dateianhaenge: { name: string }[] };
    expect(exported.dateianhaenge.map((a) => a.name)).toContain("privat.pdf");
    deleteAccount(db, other.id);
    expect(db.select().from(attachments).where(eq(attachments.uploaderId, other.id)).all()).toEqual([]);
    expect(downloadResponse(db, r.id, v(mod)).status).toBe(404);
    expect(getFileStore().exists(sha)).toBe(false);
  });
});

describe("search inside documents", () => {
  it("finds a word only inside an uploaded PDF for those who may see the parent, nobody else", async () => {
    const secret = await upload(minimalPdf(["Vertrauliche Liste", "Stichwort Mauerseglerbrief"]), "liste.pdf", membersPost, member);
    const open = await upload(minimalPdf(["Oeffentliches Merkblatt", "Stichwort Zaunkoenigfeder"]), "merkblatt.pdf", publicPost, member);
    const noText = await upload(Buffer.from("a;b\n1;2\n"), "Abbildung-Zahlen.csv", publicPost, member);
    if (!secret.ok || !open.ok || !noText.ok) throw new Error("upload failed");
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    const find = async (q: string, who: ReturnType<typeof v> | null) => (await fts.search({ q, limit: 10, offset: 0 }, who)).hits.map((h) => h.url);
    expect(await find("Mauerseglerbrief", v(mod))).toContain(`/dateien/${secret.id}`);
    expect(await find("Mauerseglerbrief", null)).toEqual([]);
    expect(await find("Zaunkoenigfeder", null)).toContain(`/dateien/${open.id}`);
    expect(await find("Abbildung", null)).toContain(`/dateien/${noText.id}`);
  });
});
