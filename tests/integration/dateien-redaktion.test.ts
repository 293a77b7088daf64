// Attachments on articles and programmes (issue 14) through the editors' routes: the Redaktion attaches files
// while saving; a draft's files are 404 for guests and not in guest search, published ones are public; only the
// parent's editors, admin and the uploader may delete; replacing keeps the earlier version, which the versions
// page lists and the Redaktion can restore (a repeated restore click changes nothing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { zipSync, strToU8 } from "fflate";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { articles, attachments } from "../../db/schema/index";
import { getRevision, listRevisions } from "~/models/revision.server";
import { createUserSession } from "~/services/auth.server";
import { createArticle, importArticle, inputFromRevision } from "~/models/article.server";
import { saveProgramme } from "~/models/programme.server";
import type { ProgrammeFrontmatter } from "~/services/content/frontmatter";
import {
  AlreadyReplaced,
  attachmentHistory,
  discardPrepared,
  downloadResponse,
  getAttachment,
  mayDeleteAttachment,
  prepareUploads,
  replaceAttachment,
  runTextExtraction,
} from "~/models/attachment.server";
import { streamToTemp } from "~/services/files/upload.server";
import { Readable } from "node:stream";
import { minimalPdf } from "~/services/files/pdf";
import { FtsSearchIndex } from "~/services/search/fts.server";
import { getDb } from "~/services/db.server";
import * as wissenEdit from "~/routes/wissen.$slug_.bearbeiten";
import * as wissenNeu from "~/routes/wissen.neu";
import * as foerderungNeu from "~/routes/foerderung.neu";
import * as wissenPage from "~/routes/wissen.$slug";
import * as wissenVersionen from "~/routes/wissen.$slug_.versionen";
import * as foerderungEdit from "~/routes/foerderung.$slug_.bearbeiten";
import * as foerderungPage from "~/routes/foerderung.$slug";
import * as ersetzen from "~/routes/dateien.$id_.ersetzen";
import * as wiederherstellen from "~/routes/dateien.$id_.wiederherstellen";
import { UPLOAD_ROUTES } from "~/utils/dateien";

type Fn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Result = {
  status: number;
  errors: Record<string, string>;
  location: string | null;
  data: unknown;
};
type Who = "redaktion" | "mitglied" | "admin" | null;

let db: DB;
let cleanup: () => void;
let filesDir: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const roles = {
  redaktion: "redaktion",
  mitglied: "mitglied",
  admin: "admin",
} as const;

async function settle(p: Promise<unknown>): Promise<Result> {
  let r: unknown;
  try {
    r = await p;
  } catch (e) {
    r = e;
  }
  if (r instanceof Response)
    return {
      status: r.status,
      errors: {},
      location: r.headers.get("Location"),
      data: null,
    };
  const d = r as {
    data?: { errors?: Record<string, string> };
    init?: { status?: number };
  };
  if (d && typeof d === "object" && "init" in d)
    return {
      status: d.init?.status ?? 200,
      errors: d.data?.errors ?? {},
      location: null,
      data: d.data,
    };
  return { status: 200, errors: {}, location: null, data: r };
}
const req = (path: string, who: Who, init: RequestInit = {}) =>
  new Request(`http://localhost:3000${path}`, {
    ...init,
    headers: who ? { Cookie: cookies[who] } : {},
  });
const load = (fn: Fn, path: string, who: Who, params: Record<string, string>) => settle(fn({ request: req(path, who), params, context: {} }));
const post = (fn: Fn, path: string, who: Who, form: FormData, params: Record<string, string>) =>
  settle(
    fn({
      request: req(path, who, { method: "POST", body: form }),
      params,
      context: {},
    }),
  );

/** The editor's own values (as its loader gives them) plus a reason and files: what the browser sends. */
async function editorForm(fn: Fn, path: string, params: Record<string, string>, files: { name: string; bytes: Uint8Array }[], extra: Record<string, string> = {}) {
  const r = await load(fn, path, "redaktion", params);
  const values = (r.data as { values: Record<string, string | string[]> }).values;
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...values, ...extra })) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  form.set("reason", "Anhang ergänzt");
  form.set("intent", "speichern");
  for (const f of files) form.append("dateien", new File([new Uint8Array(f.bytes)], f.name));
  return form;
}
async function bytes(res: Response) {
  return Buffer.from(await res.arrayBuffer());
}
const viewer = (who: Exclude<Who, null>) => ({
  id: ids[who],
  role: roles[who],
  cityId: null,
});
const current = (type: "article" | "programme", slug: string) =>
  db
    .select()
    .from(attachments)
    .where(and(eq(attachments.parentType, type), eq(attachments.parentId, slug), isNull(attachments.deletedAt)))
    .orderBy(attachments.id)
    .all();

/** A minimal DOCX (a zip with word/document.xml) whose only text is `words`. */
function docx(words: string[]) {
  const paras = words.map((w) => `<w:p><w:r><w:t>${w}</w:t></w:r></w:p>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`),
  });
}

const article = {
  type: "praxis" as const,
  title: "Checkliste Erstgespräch",
  summary: "Kurz.",
  body: "## Problembeschreibung und Ziel\n\nZiel.",
  handlungsfelder: ["soziales-miteinander"],
  ebenen: ["kommune"],
  staedte: ["dortmund"],
  quellen: ["Handlungsrahmen, S. 36"],
  stand: "2024-01-31",
  pruefenBis: null,
};
let draftSlug: string;
let pubSlug: string;
const progSlug = "esf-dateien-test";

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), "sn-redaktion-files-"));
  process.env.FILES_DIR = filesDir;
  ({ db, cleanup } = createTestDb());
  for (const who of ["redaktion", "mitglied", "admin"] as const) {
    const u = await makeUser(db, roles[who], who === "mitglied" ? "duisburg" : undefined);
    ids[who] = u.id;
    cookies[who] = (await createUserSession(u.id)).split(";")[0];
  }
  draftSlug = createArticle(db, { ...article, status: "entwurf" }, { id: ids.redaktion }).slug;
  pubSlug = createArticle(db, { ...article, title: "Checkliste Anmeldung", status: "veroeffentlicht" }, { id: ids.redaktion }).slug;
  const data = {
    title: "Testprogramm ESF Dateien",
    kurz: "ESF-Dateien",
    fonds: "esf",
    geber: "Land NRW",
    ebene: "land",
    antragsberechtigt: ["kommune"],
    handlungsfelder: ["arbeitsmarkt"],
    status: "offen",
    summary: "Ein Testprogramm.",
  } as ProgrammeFrontmatter;
  db.transaction((tx) =>
    saveProgramme(tx, {
      slug: progSlug,
      data,
      body: "Text",
      authorId: ids.redaktion,
      reason: "neu",
      create: true,
    }),
  );
});
afterAll(() => {
  cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

describe("the editors' upload routes stream multipart bodies", () => {
  it("lists the article, programme and replace paths, not others", () => {
    for (const p of ["/wissen/x/bearbeiten", "/foerderung/x/bearbeiten", "/wissen/neu", "/foerderung/neu", "/dateien/12/ersetzen", "/wissen/x/bearbeiten.data"])
      expect(p).toMatch(UPLOAD_ROUTES);
    for (const p of ["/wissen/x", "/dateien/12", "/foerderung/x/versionen"]) expect(p).not.toMatch(UPLOAD_ROUTES);
  });
});

describe("attachments on articles", () => {
  it("a draft's file is saved with the article, 404 for guests and members, and not found by guest search", async () => {
    const form = await editorForm(wissenEdit.loader as Fn, `/wissen/${draftSlug}/bearbeiten`, { slug: draftSlug }, [
      {
        name: "Entwurf-Checkliste.docx",
        bytes: docx(["Erstgespräch", "Stichwort Kohlmeisenpfad"]),
      },
    ]);
    const r = await post(wissenEdit.action as Fn, `/wissen/${draftSlug}/bearbeiten`, "redaktion", form, { slug: draftSlug });
    expect(r.status).toBe(302);
    const [file] = current("article", draftSlug);
    expect(file.mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(downloadResponse(db, file.id, null).status).toBe(404);
    expect(downloadResponse(db, file.id, viewer("mitglied")).status).toBe(404);
    expect(downloadResponse(db, file.id, viewer("redaktion")).status).toBe(200);
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    const find = async (q: string, who: ReturnType<typeof viewer> | null) => (await fts.search({ q, limit: 10, offset: 0 }, who)).hits.map((h) => h.url);
    expect(await find("Kohlmeisenpfad", null)).toEqual([]);
    expect(await find("Kohlmeisenpfad", viewer("mitglied"))).toEqual([]);
  });

  it("a published article's DOCX is listed on its page, downloads byte-identical, and its inner word is found by guests", async () => {
    const doc = docx(["Anmeldung im Bürgeramt", "Stichwort Grünspechtweg"]);
    const form = await editorForm(wissenEdit.loader as Fn, `/wissen/${pubSlug}/bearbeiten`, { slug: pubSlug }, [{ name: "Anmeldung-Übersicht.docx", bytes: doc }]);
    expect((await post(wissenEdit.action as Fn, `/wissen/${pubSlug}/bearbeiten`, "redaktion", form, { slug: pubSlug })).status).toBe(302);
    const page = await load(wissenPage.loader as Fn, `/wissen/${pubSlug}`, null, { slug: pubSlug });
    const files = (page.data as { files: { id: number; name: string; canDelete: boolean }[] }).files;
    expect(files.map((f) => f.name)).toEqual(["Anmeldung-Übersicht.docx"]);
    expect(files[0].canDelete).toBe(false);
    const res = downloadResponse(db, files[0].id, null);
    expect(res.status).toBe(200);
    expect((await bytes(res)).equals(Buffer.from(doc))).toBe(true);
    while ((await runTextExtraction(db)) > 0);
    const fts = new FtsSearchIndex(getDb);
    const hits = (await fts.search({ q: "Grünspechtweg", limit: 10, offset: 0 }, null)).hits.map((h) => h.url);
    expect(hits).toContain(`/dateien/${files[0].id}`);
  });

  it("unpublishing the article takes its files out of guest reach and guest search", async () => {
    const [file] = current("article", pubSlug);
    const form = await editorForm(wissenEdit.loader as Fn, `/wissen/${pubSlug}/bearbeiten`, { slug: pubSlug }, [], { status: "entwurf" });
    expect((await post(wissenEdit.action as Fn, `/wissen/${pubSlug}/bearbeiten`, "redaktion", form, { slug: pubSlug })).status).toBe(302);
    expect(downloadResponse(db, file.id, null).status).toBe(404);
    const fts = new FtsSearchIndex(getDb);
    expect((await fts.search({ q: "Grünspechtweg", limit: 10, offset: 0 }, null)).hits).toEqual([]);
    // publish again for the next tests
    const again = await editorForm(wissenEdit.loader as Fn, `/wissen/${pubSlug}/bearbeiten`, { slug: pubSlug }, [], { status: "veroeffentlicht" });
    expect((await post(wissenEdit.action as Fn, `/wissen/${pubSlug}/bearbeiten`, "redaktion", again, { slug: pubSlug })).status).toBe(302);
    expect(downloadResponse(db, file.id, null).status).toBe(200);
  });

  it("a refused file refuses the whole save, naming file and reason; the article keeps its version", async () => {
    const before = current("article", pubSlug).length;
    const form = await editorForm(
      wissenEdit.loader as Fn,
      `/wissen/${pubSlug}/bearbeiten`,
      { slug: pubSlug },
      [
        {
          name: "seite.html",
          bytes: Buffer.from("<!doctype html><html><body>x</body></html>"),
        },
      ],
      {
        title: "Geänderter Titel",
      },
    );
    const r = await post(wissenEdit.action as Fn, `/wissen/${pubSlug}/bearbeiten`, "redaktion", form, { slug: pubSlug });
    expect(r.status).toBe(400);
    expect(r.errors.dateien).toMatch(/„seite\.html“ wurde nicht gespeichert/);
    expect(current("article", pubSlug).length).toBe(before);
    const page = await load(wissenPage.loader as Fn, `/wissen/${pubSlug}`, null, { slug: pubSlug });
    expect((page.data as { article: { title: string } }).article.title).toBe("Checkliste Anmeldung");
  });

  it("members cannot upload through the editor, nor delete; Redaktion and admin may delete", async () => {
    const form = new FormData();
    form.append("dateien", new File([new Uint8Array(minimalPdf(["x"]))], "x.pdf"));
    const r = await post(wissenEdit.action as Fn, `/wissen/${pubSlug}/bearbeiten`, "mitglied", form, { slug: pubSlug });
    expect(r.status).toBe(403);
    const [file] = current("article", pubSlug);
    expect(mayDeleteAttachment(db, viewer("mitglied"), file)).toBe(false);
    expect(mayDeleteAttachment(db, viewer("redaktion"), file)).toBe(true);
    expect(mayDeleteAttachment(db, viewer("admin"), file)).toBe(true);
  });
});

describe("new articles and programmes with files", () => {
  it("a new article and a new programme are created with their files in one submit; a refused file creates nothing", async () => {
    const form = await editorForm(wissenEdit.loader as Fn, `/wissen/${pubSlug}/bearbeiten`, { slug: pubSlug }, [{ name: "Neu.pdf", bytes: minimalPdf(["Neu"]) }], {
      title: "Checkliste Neuer Beitrag mit Datei",
    });
    const r = await post(wissenNeu.action as Fn, "/wissen/neu", "redaktion", form, {});
    expect(r.status).toBe(302);
    const slug = r.location!.replace("/wissen/", "");
    expect(current("article", slug).map((a) => a.originalName)).toEqual(["Neu.pdf"]);
    const refused = await editorForm(
      wissenEdit.loader as Fn,
      `/wissen/${pubSlug}/bearbeiten`,
      { slug: pubSlug },
      [{ name: "logo.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }],
      {
        title: "Checkliste, die nicht entsteht",
      },
    );
    const bad = await post(wissenNeu.action as Fn, "/wissen/neu", "redaktion", refused, {});
    expect(bad.status).toBe(400);
    expect(bad.errors.dateien).toMatch(/„logo\.svg“ wurde nicht gespeichert/);

    const p = await editorForm(
      foerderungEdit.loader as Fn,
      `/foerderung/${progSlug}/bearbeiten`,
      { slug: progSlug },
      [{ name: "Richtlinie.pdf", bytes: minimalPdf(["Richtlinie"]) }],
      { slug: "esf-neu-mit-datei", kurz: "ESF-Neu" },
    );
    const created = await post(foerderungNeu.action as Fn, "/foerderung/neu", "redaktion", p, {});
    expect(created.status).toBe(302);
    expect(current("programme", "esf-neu-mit-datei").map((a) => a.originalName)).toEqual(["Richtlinie.pdf"]);
  });
});

describe("one submit, one record: new articles and programmes", () => {
  // a double click or a resend of the same form (same idempotency key) creates the record and its files once
  const count = (type: "article" | "programme") => db.select({ id: attachments.id }).from(attachments).where(eq(attachments.parentType, type)).all().length;
  it("the same new-article form sent twice creates one article with one file, and both answers lead to it", async () => {
    const loaded = (await load(wissenNeu.loader as Fn, "/wissen/neu", "redaktion", {})).data as { idempotencyKey: string };
    expect(loaded.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const send = async () => {
      const form = await editorForm(wissenEdit.loader as Fn, `/wissen/${pubSlug}/bearbeiten`, { slug: pubSlug }, [{ name: "Doppelt.pdf", bytes: minimalPdf(["Doppelt"]) }], {
        title: "Checkliste Doppelklick",
        idempotencyKey: loaded.idempotencyKey,
      });
      return post(wissenNeu.action as Fn, "/wissen/neu", "redaktion", form, {});
    };
    const files = count("article");
    const articlesBefore = db.select({ id: articles.id }).from(articles).all().length;
    const [a, b] = [await send(), await send()];
    expect(a.status).toBe(302);
    expect(b.status).toBe(302);
    expect(b.location).toBe(a.location);
    expect(db.select({ id: articles.id }).from(articles).all().length).toBe(articlesBefore + 1);
    expect(count("article")).toBe(files + 1);
  });
  it("the same new-programme form sent twice creates one programme, not a 'Kurzname vergeben' error", async () => {
    const loaded = (await load(foerderungNeu.loader as Fn, "/foerderung/neu", "redaktion", {})).data as { idempotencyKey: string };
    const send = async () => {
      const form = await editorForm(foerderungEdit.loader as Fn, `/foerderung/${progSlug}/bearbeiten`, { slug: progSlug }, [{ name: "Merkblatt.pdf", bytes: minimalPdf(["Merkblatt"]) }], {
        slug: "esf-doppelklick",
        kurz: "ESF-Doppel",
        idempotencyKey: loaded.idempotencyKey,
      });
      return post(foerderungNeu.action as Fn, "/foerderung/neu", "redaktion", form, {});
    };
    const files = count("programme");
    const [a, b] = [await send(), await send()];
    expect(a.status).toBe(302);
    expect(b.status).toBe(302);
    expect(b.location).toBe("/foerderung/esf-doppelklick");
    expect(count("programme")).toBe(files + 1);
    // a fresh form (new key) with the same short name is refused as before
    const again = await editorForm(foerderungEdit.loader as Fn, `/foerderung/${progSlug}/bearbeiten`, { slug: progSlug }, [], { slug: "esf-doppelklick", kurz: "ESF-Doppel" });
    expect((await post(foerderungNeu.action as Fn, "/foerderung/neu", "redaktion", again, {})).status).toBe(400);
  });
});

describe("attachments on programmes", () => {
  it("the programme editor saves a file that guests see on the programme page and download", async () => {
    const pdf = minimalPdf(["Merkblatt ESF", "Antragsfristen"]);
    const form = await editorForm(foerderungEdit.loader as Fn, `/foerderung/${progSlug}/bearbeiten`, { slug: progSlug }, [{ name: "Merkblatt-ESF.pdf", bytes: pdf }]);
    const r = await post(foerderungEdit.action as Fn, `/foerderung/${progSlug}/bearbeiten`, "redaktion", form, { slug: progSlug });
    expect(r.status).toBe(302);
    const page = await load(foerderungPage.loader as Fn, `/foerderung/${progSlug}`, null, { slug: progSlug });
    const files = (page.data as { files: { id: number; name: string; typeLabel: string }[] }).files;
    expect(files.map((f) => [f.name, f.typeLabel])).toEqual([["Merkblatt-ESF.pdf", "PDF"]]);
    expect((await bytes(downloadResponse(db, files[0].id, null))).equals(pdf)).toBe(true);
  });
});

describe("versions: replacing keeps the earlier file, the Redaktion restores it", () => {
  it("replace → versions page lists the old one → restore brings its bytes back; a repeated click changes nothing", async () => {
    const [old] = current("programme", progSlug);
    const oldBytes = await bytes(downloadResponse(db, old.id, null));
    const v2 = minimalPdf(["Merkblatt ESF", "Neue Fassung 2025"]);
    // members may not replace
    const byMember = new FormData();
    byMember.append("dateien", new File([new Uint8Array(v2)], "Merkblatt-ESF-2025.pdf"));
    expect((await post(ersetzen.action as Fn, `/dateien/${old.id}/ersetzen`, "mitglied", byMember, { id: String(old.id) })).status).toBe(403);
    const form = new FormData();
    form.append("dateien", new File([new Uint8Array(v2)], "Merkblatt-ESF-2025.pdf"));
    const r = await post(ersetzen.action as Fn, `/dateien/${old.id}/ersetzen`, "redaktion", form, { id: String(old.id) });
    expect(r.status).toBe(302);
    expect(r.location).toBe(`/foerderung/${progSlug}/bearbeiten`);
    const [now] = current("programme", progSlug);
    expect(now.id).not.toBe(old.id);
    expect(now.originalName).toBe("Merkblatt-ESF-2025.pdf");
    expect((await bytes(downloadResponse(db, now.id, null))).equals(v2)).toBe(true);
    // the old file is gone for guests, kept for the Redaktion, and listed as an earlier version
    expect(getAttachment(db, old.id)).toBeNull();
    expect(downloadResponse(db, old.id, null).status).toBe(404);
    expect((await bytes(downloadResponse(db, old.id, viewer("redaktion")))).equals(oldBytes)).toBe(true);
    const page = await load(foerderungPage.loader as Fn, `/foerderung/${progSlug}`, null, { slug: progSlug });
    expect((page.data as { files: { name: string }[] }).files.map((f) => f.name)).toEqual(["Merkblatt-ESF-2025.pdf"]);
    const history = attachmentHistory(db, "programme", progSlug);
    expect(history).toHaveLength(1);
    expect(history[0].current.id).toBe(now.id);
    expect(history[0].versions.map((x) => x.name)).toEqual(["Merkblatt-ESF.pdf"]);
    // a second submit of the same replace form (the old id is no longer current): nothing new is stored
    const again = new FormData();
    again.append("dateien", new File([new Uint8Array(minimalPdf(["dritte"]))], "dritte.pdf"));
    const twice = await post(ersetzen.action as Fn, `/dateien/${old.id}/ersetzen`, "redaktion", again, { id: String(old.id) });
    expect(twice.status).toBe(302);
    expect(current("programme", progSlug).map((x) => x.id)).toEqual([now.id]);

    // restore: members may not, the Redaktion may
    const restore = () => {
      const f = new FormData();
      f.set("intent", "wiederherstellen");
      f.set("aktuell", String(now.id));
      return f;
    };
    expect((await post(wiederherstellen.action as Fn, `/dateien/${old.id}/wiederherstellen`, "mitglied", restore(), { id: String(old.id) })).status).toBe(403);
    const back = await post(wiederherstellen.action as Fn, `/dateien/${old.id}/wiederherstellen`, "redaktion", restore(), { id: String(old.id) });
    expect(back.status).toBe(302);
    expect(back.location).toBe(`/foerderung/${progSlug}/versionen`);
    const [restored] = current("programme", progSlug);
    expect(restored.originalName).toBe("Merkblatt-ESF.pdf");
    expect((await bytes(downloadResponse(db, restored.id, null))).equals(oldBytes)).toBe(true);
    // the replaced 2025 file is now itself an earlier version
    expect(attachmentHistory(db, "programme", progSlug)[0].versions.map((x) => x.name)).toEqual(["Merkblatt-ESF-2025.pdf", "Merkblatt-ESF.pdf"]);
    // the same click again: the shown current file is no longer current → nothing changes
    await post(wiederherstellen.action as Fn, `/dateien/${old.id}/wiederherstellen`, "redaktion", restore(), { id: String(old.id) });
    expect(current("programme", progSlug).map((x) => x.id)).toEqual([restored.id]);
  });

  it("the article versions page lists file versions", async () => {
    const [file] = current("article", pubSlug);
    const form = new FormData();
    form.append("dateien", new File([new Uint8Array(docx(["Neue Fassung"]))], "Anmeldung-Übersicht-2.docx"));
    expect((await post(ersetzen.action as Fn, `/dateien/${file.id}/ersetzen`, "redaktion", form, { id: String(file.id) })).status).toBe(302);
    const r = await load(wissenVersionen.loader as Fn, `/wissen/${pubSlug}/versionen`, "redaktion", { slug: pubSlug });
    const files = (
      r.data as {
        files: { current: { name: string }; versions: { name: string }[] }[];
      }
    ).files;
    expect(files.map((f) => [f.current.name, f.versions.map((v) => v.name)])).toEqual([["Anmeldung-Übersicht-2.docx", ["Anmeldung-Übersicht.docx"]]]);
  });
});

describe("restoring an article revision", () => {
  it("restoring a draft revision takes the article's files out of guest search", async () => {
    while ((await runTextExtraction(db)) > 0);
    const [file] = current("article", pubSlug);
    const fts = new FtsSearchIndex(getDb);
    const guestHits = async () => (await fts.search({ q: "Fassung", limit: 10, offset: 0 }, null)).hits.map((h) => h.url);
    expect(await guestHits()).toContain(`/dateien/${file.id}`);
    const articleId = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, pubSlug)).get()!.id;
    const draft = listRevisions(db, "article", articleId).find((r) => (getRevision(db, "article", articleId, r.version)!.meta as { status?: string }).status === "entwurf")!;
    const form = new FormData();
    form.set("intent", "wiederherstellen");
    form.set("version", String(draft.version));
    expect((await post(wissenVersionen.action as Fn, `/wissen/${pubSlug}/versionen`, "redaktion", form, { slug: pubSlug })).status).toBe(302);
    expect(await guestHits()).not.toContain(`/dateien/${file.id}`);
    expect(downloadResponse(db, file.id, null).status).toBe(404);
  });
});

describe("an import that unpublishes an article", () => {
  it("takes the article's files out of guest search too (not only the editor's save)", async () => {
    const articleId = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, pubSlug)).get()!.id;
    const latest = listRevisions(db, "article", articleId).reduce((a, b) => (b.version > a.version ? b : a));
    const rev = getRevision(db, "article", articleId, latest.version)!;
    const input = { ...inputFromRevision(rev.meta, rev.body), slug: pubSlug };
    db.transaction((tx) => importArticle(tx, { ...input, status: "veroeffentlicht" }, "import-publish", true));
    while ((await runTextExtraction(db)) > 0);
    const [file] = current("article", pubSlug);
    const fts = new FtsSearchIndex(getDb);
    const guestHits = async () => (await fts.search({ q: "Fassung", limit: 10, offset: 0 }, null)).hits.map((h) => h.url);
    expect(await guestHits()).toContain(`/dateien/${file.id}`);
    db.transaction((tx) => importArticle(tx, { ...input, status: "entwurf" }, "import-unpublish", true));
    expect(await guestHits()).not.toContain(`/dateien/${file.id}`);
  });
});

describe("concurrent replaces", () => {
  it("a second replace of the same (now earlier) version is refused and stores nothing", async () => {
    const [file] = current("programme", progSlug);
    const prep = async (name: string) => {
      const r = await prepareUploads(db, ids.redaktion, [{ name, temp: await streamToTemp(Readable.from([minimalPdf([name])])), refusal: null }]);
      if (!r.ok) throw new Error(r.message);
      return r.files[0];
    };
    const a = await prep("erste.pdf");
    const b = await prep("zweite.pdf");
    db.transaction((tx) => replaceAttachment(tx, file, a, ids.redaktion));
    const rows = db.select().from(attachments).all().length;
    expect(() => db.transaction((tx) => replaceAttachment(tx, file, b, ids.redaktion))).toThrow(AlreadyReplaced);
    expect(db.select().from(attachments).all().length).toBe(rows);
    expect(current("programme", progSlug).map((x) => x.originalName)).toEqual(["erste.pdf"]);
    discardPrepared([a, b]);
  });
});
