// Attachments through the forum's routes (issue 14): the reply and new-topic actions read multipart bodies by
// streaming; one refused file refuses the whole submit with the file's name and reason, and nothing is stored
// (no post, no blob, no temp file); a double submit stores one post with one set of files; a hidden post hides
// its files from download and search; deleting needs the right role and removes the blob.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { attachments, forumPosts, forumTopics, users } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { createTopic, ensureCategories, getCategory, setPostHidden, type Actor } from "~/models/forum.server";
import { downloadResponse, runTextExtraction } from "~/models/attachment.server";
import { minimalPdf } from "~/services/files/pdf";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";
import { IDEMPOTENCY_FIELD } from "~/utils/idempotency";
import { getFileStore } from "~/services/files/storage.server";
import * as thema from "~/routes/forum.$kategorie.$themaId";
import * as neu from "~/routes/forum.$kategorie.neu";
import * as loeschen from "~/routes/dateien.$id_.loeschen";

let db: DB;
let cleanup: () => void;
let filesDir: string;
const cookies: Record<string, string> = {};
const actors: Record<string, Actor> = {};
let publicTopic: number;
let membersTopic: number;

type Result = { status: number; errors: Record<string, string>; location: string | null };
type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Upload = { name: string; bytes: Buffer; type?: string };

async function settle(p: Promise<unknown>): Promise<Result> {
  let r: unknown;
  try {
    r = await p;
  } catch (e) {
    r = e;
  }
  if (r instanceof Response) return { status: r.status, errors: {}, location: r.headers.get("Location") };
  const d = r as { data?: { errors?: Record<string, string> }; init?: { status?: number } };
  return { status: d.init?.status ?? 200, errors: d.data?.errors ?? {}, location: null };
}

function multipart(fields: Record<string, string>, files: Upload[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("dateien", new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? "application/pdf" }));
  return form;
}

function send(action: Action, path: string, who: string | null, form: FormData, params: Record<string, string>) {
  const request = new Request(`http://localhost:3000${path}`, { method: "POST", body: form, headers: who ? { Cookie: cookies[who] } : {} });
  return settle(action({ request, params, context: {} }));
}

const reply = (who: string, topicId: number, raw: string, files: Upload[], key?: string) =>
  send(thema.action as Action, `/forum/x/${topicId}`, who, multipart({ intent: "reply", raw, replyTo: "", ...(key ? { [IDEMPOTENCY_FIELD]: key } : {}) }, files), {
    kategorie: slugOf(topicId),
    themaId: String(topicId),
  });

const categorySlugs = new Map<number, string>();
const slugOf = (topicId: number) => categorySlugs.get(topicId)!;

function storedBlobs() {
  if (!existsSync(filesDir)) return [];
  return readdirSync(filesDir)
    .filter((d) => d !== "tmp")
    .flatMap((d) => readdirSync(join(filesDir, d)));
}
const tempFiles = () => (existsSync(join(filesDir, "tmp")) ? readdirSync(join(filesDir, "tmp")) : []);
const postCount = () => db.select().from(forumPosts).all().length;
const rowCount = () => db.select().from(attachments).all().length;
const viewerOf = (a: Actor) => ({ id: a.id, role: a.role, cityId: a.cityId });

function fakeExe() {
  const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(0x40), Buffer.alloc(512)]);
  exe.writeUInt32LE(0x50, 0x3c);
  Buffer.from("PE\0\0", "latin1").copy(exe, 0x50);
  return exe;
}

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), "sn-upload-"));
  process.env.FILES_DIR = filesDir;
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  for (const [key, role, city] of [
    ["a", "mitglied", "duisburg"],
    ["b", "mitglied", "dortmund"],
    ["c", "mitglied", "duisburg"],
    ["d", "mitglied", "dortmund"],
    ["e", "mitglied", "dortmund"],
    ["mod", "moderation", undefined],
  ] as const) {
    const u = await makeUser(db, role, city);
    const name = db.select({ name: users.name }).from(users).where(eq(users.id, u.id)).get()!.name;
    actors[key] = { id: u.id, role, cityId: u.cityId, name };
    cookies[key] = (await createUserSession(u.id)).split(";")[0];
  }
  const pub = getCategory(db, "gesundheit", viewerOf(actors.a))!;
  const priv = getCategory(db, "clearingstelle", viewerOf(actors.a))!;
  publicTopic = createTopic(db, { category: pub, title: "Merkblätter zur Krankenversicherung", raw: "Wer hat ein gutes Merkblatt?", handlungsfelder: [], staedte: [] }, actors.a);
  membersTopic = createTopic(db, { category: priv, title: "Interne Liste der Ansprechpartner", raw: "Bitte nur intern teilen.", handlungsfelder: [], staedte: [] }, actors.a);
  categorySlugs.set(publicTopic, pub.slug);
  categorySlugs.set(membersTopic, priv.slug);
});
afterAll(() => {
  cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

describe("refused files refuse the whole submit and store nothing", () => {
  const cases: [string, Upload, RegExp][] = [
    [".exe renamed to .pdf", { name: "rechnung.pdf", bytes: fakeExe() }, /„rechnung\.pdf“ wurde nicht gespeichert: der Dateityp EXE ist nicht erlaubt/],
    ["an HTML file", { name: "seite.html", bytes: Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"), type: "text/html" }, /„seite\.html“.*HTML-, SVG- und XML-Dateien sind nicht erlaubt/],
    ["an SVG", { name: "logo.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: "image/svg+xml" }, /„logo\.svg“.*HTML-, SVG- und XML-Dateien sind nicht erlaubt/],
    ["a 30 MB file", { name: "gross.pdf", bytes: Buffer.concat([minimalPdf(["gross"]), Buffer.alloc(30 * 1024 * 1024, 0x20)]) }, /„gross\.pdf“ wurde nicht gespeichert: die Datei ist größer als 20 MB/],
  ];
  for (const [label, file, reason] of cases) {
    it(`refuses ${label} with the reason at the file field`, async () => {
      const before = { posts: postCount(), rows: rowCount(), blobs: storedBlobs().length };
      const who = label.startsWith("a 30") ? "b" : "a";
      const r = await reply(who, publicTopic, "Hier das Merkblatt im Anhang.", [file]);
      expect(r.status).toBe(400);
      expect(r.errors.dateien).toMatch(reason);
      expect(r.errors.dateien).toMatch(/Ihr Text ist erhalten/);
      expect(postCount()).toBe(before.posts);
      expect(rowCount()).toBe(before.rows);
      expect(storedBlobs().length).toBe(before.blobs);
      expect(tempFiles()).toEqual([]);
    });
  }

  it("refused submissions do not use up the six-posts-a-minute limit; published posts still do", async () => {
    for (let i = 0; i < 8; i++) expect((await reply("e", publicTopic, `Versuch ${i} mit falscher Datei.`, [{ name: "rechnung.pdf", bytes: fakeExe() }])).status).toBe(400);
    for (let i = 0; i < 6; i++) expect((await reply("e", publicTopic, `Antwort ${i} ohne Datei.`, [])).status).toBe(302);
    expect((await reply("e", publicTopic, "Die siebte Antwort in dieser Minute.", [])).status).toBe(429);
  });

  it("a good PDF next to a refused file is not stored either (all or nothing)", async () => {
    const before = { posts: postCount(), blobs: storedBlobs().length };
    const r = await reply("c", publicTopic, "Zwei Dateien im Anhang.", [
      { name: "gut.pdf", bytes: minimalPdf(["gut"]) },
      { name: "boese.pdf", bytes: fakeExe() },
    ]);
    expect(r.status).toBe(400);
    expect(r.errors.dateien).toMatch(/„boese\.pdf“/);
    expect(postCount()).toBe(before.posts);
    expect(storedBlobs().length).toBe(before.blobs);
    expect(tempFiles()).toEqual([]);
  });

  it("a new topic with a refused file creates no topic", async () => {
    const topics = db.select().from(forumTopics).all().length;
    const form = multipart({ title: "Vorlage für Anschreiben an Vermieter", raw: "Ich habe eine Vorlage angehängt." }, [{ name: "vorlage.pdf", bytes: Buffer.from("<svg><script>x</script></svg>") }]);
    const r = await send(neu.action as Action, "/forum/gesundheit/neu", "c", form, { kategorie: "gesundheit" });
    expect(r.status).toBe(400);
    expect(r.errors.dateien).toMatch(/„vorlage\.pdf“/);
    expect(db.select().from(forumTopics).all().length).toBe(topics);
    expect(tempFiles()).toEqual([]);
  });
});

describe("accepted uploads", () => {
  it("a reply with a PDF stores post and file once, also when the form is sent twice", async () => {
    const pdf = minimalPdf(["Merkblatt Krankenversicherung", "Stichwort Zaunkoenigfeder"]);
    const key = "doppelt-gesendet-0123456789";
    const r1 = await reply("d", publicTopic, "Anbei unser Merkblatt.", [{ name: "Merkblatt Ämter.pdf", bytes: pdf }], key);
    expect(r1.status).toBe(302);
    expect(r1.location).toMatch(new RegExp(`/forum/gesundheit/${publicTopic}\\?beitrag=\\d+`));
    const r2 = await reply("d", publicTopic, "Anbei unser Merkblatt.", [{ name: "Merkblatt Ämter.pdf", bytes: pdf }], key);
    expect(r2.location).toBe(r1.location);
    const posts = db.select().from(forumPosts).where(eq(forumPosts.authorId, actors.d.id)).all();
    expect(posts).toHaveLength(1);
    const files = db.select().from(attachments).where(eq(attachments.parentId, String(posts[0].id))).all();
    expect(files.map((f) => [f.originalName, f.mime, f.size])).toEqual([["Merkblatt Ämter.pdf", "application/pdf", pdf.length]]);
    expect(tempFiles()).toEqual([]);
    const res = downloadResponse(db, files[0].id, null);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);

    // the topic page lists it with type and size for a guest (public category)
    const page = (await thema.loader({ request: new Request(`http://localhost:3000/forum/gesundheit/${publicTopic}`), params: { kategorie: "gesundheit", themaId: String(publicTopic) }, context: {} } as never)) as {
      posts: { id: number; attachments: { id: number; name: string; typeLabel: string; size: number; canDelete: boolean }[] }[];
    };
    const listed = page.posts.find((p) => p.id === posts[0].id)!.attachments;
    expect(listed).toEqual([expect.objectContaining({ id: files[0].id, name: "Merkblatt Ämter.pdf", typeLabel: "PDF", size: pdf.length, canDelete: false })]);
  });

  it("a new topic with a PDF in a members-only category: 404 for guests, 200 for members", async () => {
    const form = multipart({ title: "Liste der Ansprechpartner im Jobcenter", raw: "Die Liste hängt an, bitte nicht weitergeben." }, [{ name: "liste.pdf", bytes: minimalPdf(["Mauerseglerbrief"]) }]);
    const r = await send(neu.action as Action, "/forum/clearingstelle/neu", "c", form, { kategorie: "clearingstelle" });
    expect(r.status).toBe(302);
    const topicId = Number(/\/(\d+)$/.exec(r.location ?? "")?.[1]);
    const post = db.select().from(forumPosts).where(eq(forumPosts.topicId, topicId)).get()!;
    const file = db.select().from(attachments).where(eq(attachments.parentId, String(post.id))).get()!;
    expect(downloadResponse(db, file.id, null).status).toBe(404);
    expect(downloadResponse(db, file.id, viewerOf(actors.b)).status).toBe(200);
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    const urls = async (q: string, who: ReturnType<typeof viewerOf> | null) => (await fts.search({ q, limit: 20, offset: 0 }, who)).hits.map((h) => h.url);
    expect(await urls("Mauerseglerbrief", viewerOf(actors.b))).toContain(`/dateien/${file.id}`);
    expect(await urls("Mauerseglerbrief", null)).toEqual([]);
  });
});

describe("hidden posts and deleting", () => {
  it("a hidden post hides its files from download and from search; restoring brings them back", async () => {
    const r = await reply("a", publicTopic, "Noch ein Merkblatt.", [{ name: "rotkehlchen.pdf", bytes: minimalPdf(["Stichwort Rotkehlchenfeder"]) }]);
    expect(r.status).toBe(302);
    const file = db.select().from(attachments).where(eq(attachments.originalName, "rotkehlchen.pdf")).get()!;
    const postId = Number(file.parentId);
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    const urls = async (q: string, who: ReturnType<typeof viewerOf> | null) => (await fts.search({ q, limit: 20, offset: 0 }, who)).hits.map((h) => h.url);
    expect(await urls("Rotkehlchenfeder", null)).toContain(`/dateien/${file.id}`);

    setPostHidden(db, postId, true, actors.mod);
    expect(downloadResponse(db, file.id, null).status).toBe(404);
    expect(downloadResponse(db, file.id, viewerOf(actors.b)).status).toBe(404);
    expect(await urls("Rotkehlchenfeder", null)).toEqual([]);
    expect(await urls("Rotkehlchenfeder", viewerOf(actors.b))).toEqual([]);
    while ((await runTextExtraction(db)) > 0);
    expect(await urls("Rotkehlchenfeder", null)).toEqual([]);

    setPostHidden(db, postId, false, actors.mod);
    while ((await runTextExtraction(db)) > 0);
    expect(await urls("Rotkehlchenfeder", null)).toContain(`/dateien/${file.id}`);
    expect(downloadResponse(db, file.id, null).status).toBe(200);
  });

  it("delete: another member gets 403; the uploader confirms and the blob is gone", async () => {
    const pdf = minimalPdf(["nur einmal", String(Date.now())]);
    const r = await reply("c", publicTopic, "Datei zum Löschen.", [{ name: "weg.pdf", bytes: pdf }]);
    expect(r.status).toBe(302);
    const file = db.select().from(attachments).where(eq(attachments.originalName, "weg.pdf")).get()!;
    const params = { id: String(file.id) };
    const get = (who: string) => settle(loeschen.loader({ request: new Request(`http://localhost:3000/dateien/${file.id}/loeschen`, { headers: { Cookie: cookies[who] } }), params, context: {} } as never));
    expect((await get("b")).status).toBe(403);
    const confirm = (who: string) => {
      const form = new FormData();
      form.set("intent", "confirm");
      form.set("zurueck", `/forum/gesundheit/${publicTopic}`);
      return send(loeschen.action as Action, `/dateien/${file.id}/loeschen`, who, form, params);
    };
    expect((await confirm("b")).status).toBe(403);
    expect(getFileStore().exists(file.sha256)).toBe(true);
    const ok = await confirm("c");
    expect(ok.status).toBe(302);
    expect(ok.location).toMatch(new RegExp(`/forum/gesundheit/${publicTopic}\\?beitrag=`));
    expect(getFileStore().exists(file.sha256)).toBe(false);
    expect(downloadResponse(db, file.id, viewerOf(actors.c)).status).toBe(404);
    // sent again (double click): back to the topic, nothing else happens
    const again = await confirm("c");
    expect(again.status).toBe(302);
    expect(again.location).toBe(`/forum/gesundheit/${publicTopic}`);
  });

  it("moderation may delete a member's file", async () => {
    const r = await reply("a", publicTopic, "Datei für die Moderation.", [{ name: "mod.pdf", bytes: minimalPdf(["moderation", "x1"]) }]);
    expect(r.status).toBe(302);
    const file = db.select().from(attachments).where(eq(attachments.originalName, "mod.pdf")).get()!;
    const page = await settle(loeschen.loader({ request: new Request(`http://localhost:3000/dateien/${file.id}/loeschen`, { headers: { Cookie: cookies.mod } }), params: { id: String(file.id) }, context: {} } as never));
    expect(page.status).toBe(200);
  });
});

describe("body guard: upload routes stream, bounded", () => {
  it("streams a multipart body to the upload route (not buffered) and cuts it with 413 at the limit, leaving no temp file", async () => {
    const { createServer } = await import("node:http");
    const { Readable } = await import("node:stream");
    const { bodyGuard } = await import("../../scripts/lib/body-guard");
    const { readUploadForm, UploadFormError } = await import("~/services/files/multipart.server");
    const guard = bodyGuard({ maxBytes: 8 * 1024, maxFields: 20, streamRoutes: [{ pattern: /^\/hoch$/, maxBytes: 256 * 1024 }] });
    const seen: { buffered: boolean; files: number[]; error: string | null }[] = [];
    const server = createServer((req, res) =>
      guard(req, res, async () => {
        const entry = { buffered: req.guardedBody !== undefined, files: [] as number[], error: null as string | null };
        seen.push(entry);
        try {
          const body = req.guardedStream ? (Readable.toWeb(req.guardedStream) as ReadableStream<Uint8Array>) : new Uint8Array(req.guardedBody ?? Buffer.alloc(0));
          const request = new Request("http://localhost/hoch", { method: "POST", headers: { "Content-Type": req.headers["content-type"] ?? "" }, body, duplex: "half" } as RequestInit);
          const up = await readUploadForm(request, { fileField: "dateien", maxFiles: 5 });
          entry.files = up.files.map((f) => f.temp?.size ?? -1);
          up.cleanup();
          if (!res.headersSent) res.end("ok");
        } catch (e) {
          entry.error = e instanceof UploadFormError ? "UploadFormError" : String(e);
          if (!res.headersSent) res.end("fehler");
        }
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const post = (path: string, size: number) => {
        const form = new FormData();
        form.append("raw", "Text");
        form.append("dateien", new File([new Uint8Array(size).fill(0x41)], "a.txt", { type: "text/plain" }));
        return fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", body: form });
      };
      const ok = await post("/hoch", 100 * 1024);
      expect(ok.status).toBe(200);
      expect(seen.at(-1)).toEqual({ buffered: false, files: [100 * 1024], error: null });
      // the same body to another path is over that path's (buffered) limit
      expect((await post("/anders", 100 * 1024)).status).toBe(413);
      // declared too large: refused before reading
      const big = await post("/hoch", 400 * 1024).catch(() => null);
      if (big) expect(big.status).toBe(413);
      // no Content-Length (chunked): counted while streaming; cut at the limit, the half-written temp file removed
      const form = new FormData();
      form.append("raw", "Text");
      form.append("dateien", new File([new Uint8Array(400 * 1024).fill(0x42)], "b.txt", { type: "text/plain" }));
      const encoded = new Response(form);
      const bytes = Buffer.from(await encoded.arrayBuffer());
      const { request: httpRequest } = await import("node:http");
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, path: "/hoch", method: "POST", headers: { "Content-Type": encoded.headers.get("Content-Type")!, "Transfer-Encoding": "chunked" } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        let off = 0;
        const pump = () => {
          while (off < bytes.length) {
            const chunk = bytes.subarray(off, off + 16 * 1024);
            off += chunk.length;
            if (!req.write(chunk)) return req.once("drain", pump);
          }
          req.end();
        };
        pump();
      }).catch(() => 413);
      expect(status).toBe(413);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.at(-1)?.error).toBe("UploadFormError");
      expect(tempFiles()).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe("project editor", () => {
  it("the lead city's coordinator attaches a PDF when saving; members-only project: 404 for guests; a refused file saves nothing", async () => {
    const { cities } = await import("../../db/schema/index");
    const projekteNeu = await import("~/routes/projekte.neu");
    const bearbeiten = await import("~/routes/projekte.$slug_.bearbeiten");
    const detail = await import("~/routes/projekte.$slug");
    const ko = await makeUser(db, "koordination", "dortmund");
    cookies.ko = (await createUserSession(ko.id)).split(";")[0];
    const dortmund = String(db.select({ id: cities.id }).from(cities).where(eq(cities.slug, "dortmund")).get()!.id);
    const fields = {
      intent: "speichern",
      titel: "Lotsen für Anmeldung und Krankenkasse",
      zusammenfassung: "Lotsen begleiten Familien zu den Ämtern.",
      stadt: dortmund,
      status: "idee",
      statusDatum: "2026-11-01",
      felder: "gesundheit",
      sichtbarkeit: "members",
    };
    const created = await send(projekteNeu.action as Action, "/projekte/neu", "ko", multipart(fields, []), {});
    expect(created.status).toBe(302);
    const slug = /\/projekte\/([^/?#]+)/.exec(created.location ?? "")![1];
    const edit = (files: Upload[]) => send(bearbeiten.action as Action, `/projekte/${slug}/bearbeiten`, "ko", multipart({ ...fields, grund: "Merkblatt ergänzt" }, files), { slug });

    const blobs = storedBlobs().length;
    const bad = await edit([{ name: "projektplan.pdf", bytes: fakeExe() }]);
    expect(bad.status).toBe(400);
    expect(bad.errors.dateien).toMatch(/„projektplan\.pdf“ wurde nicht gespeichert: der Dateityp EXE ist nicht erlaubt/);
    expect(db.select().from(attachments).where(eq(attachments.parentId, slug)).all()).toEqual([]);
    expect(storedBlobs().length).toBe(blobs);

    const pdf = minimalPdf(["Projektplan Lotsen", "Stichwort Kiebitzfeder"]);
    const ok = await edit([{ name: "Projektplan.pdf", bytes: pdf }]);
    expect(ok.status).toBe(302);
    const file = db.select().from(attachments).where(eq(attachments.parentId, slug)).get()!;
    expect(file).toMatchObject({ parentType: "project", originalName: "Projektplan.pdf", size: pdf.length });
    expect(downloadResponse(db, file.id, null).status).toBe(404);
    expect(downloadResponse(db, file.id, viewerOf(actors.b)).status).toBe(200);
    expect(tempFiles()).toEqual([]);
    const page = (await detail.loader({ request: new Request(`http://localhost:3000/projekte/${slug}`, { headers: { Cookie: cookies.ko } }), params: { slug }, context: {} } as never)) as {
      files: { name: string; typeLabel: string; canDelete: boolean }[];
    };
    expect(page.files).toEqual([expect.objectContaining({ name: "Projektplan.pdf", typeLabel: "PDF", canDelete: true })]);
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    expect((await fts.search({ q: "Kiebitzfeder", limit: 10, offset: 0 }, null)).hits).toEqual([]);
    expect((await fts.search({ q: "Kiebitzfeder", limit: 10, offset: 0 }, viewerOf(actors.b))).hits.map((h) => h.url)).toContain(`/dateien/${file.id}`);
  });
});
